"""Dates and codes rules: what the review mended (each bug's test failed before its fix) and reworded."""

from datetime import date

from filings import d_tx, nd_tx, ownership_xml
from form16lint.rule import RunOptions


def test_c002_a_row_without_code_is_not_the_other_side_of_a_conversion(codes_for):
    # an acquisition coded M in Table II beside a disposition with no code: not a conversion pair
    xml = ownership_xml(d_transactions=[d_tx(code="M", ad="A"), d_tx(code="", ad="D", after="0")])
    found = codes_for(xml, "C002")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/acquiredDisposed"]



def test_plan_adoption_dates_read_two_digit_years_as_the_readers_do():
    from form16lint.values import parse_date
    from form16lint.rulekit.plans import adoption_dates, dates_in

    assert adoption_dates("Sold under a Rule 10b5-1 trading plan adopted 6/1/99.") == (date(1999, 6, 1),)
    assert adoption_dates("Sold under a Rule 10b5-1 trading plan adopted 6/1/23.") == (date(2023, 6, 1),)
    assert dates_in("adopted 6/1/99") == ((8, parse_date("6/1/99")),)
    assert dates_in("on 2023-05-05, on Sept. 5, 2023 and on 5 May 2023; not on 2/30/2023") == (
        (3, date(2023, 5, 5)), (18, date(2023, 9, 5)), (39, date(2023, 5, 5)))


def test_a_gift_received_is_not_due_on_form4(codes_for):
    # Release 33-11138 put gifts given on Form 4; a gift received stays a Form 5 item, as C004 holds
    received = nd_tx(code="G", date="2024-03-01", price="0", ad="A", after="1100")
    late = ownership_xml(period="2024-03-05", nd_transactions=[received, nd_tx(date="2024-03-05", after="1000")],
                         signatures=(("/s/ J", "2024-03-07"),))
    assert codes_for(late, "D005") == []
    assert codes_for(late, "D003") == []
    given = late.replace("<value>A</value>", "<value>D</value>")
    assert [f.pointer for f in codes_for(given, "D005")] == ["/nonDerivativeTransactions/0/transactionDate"]
    assert [f.pointer for f in codes_for(given, "D003")] == ["/periodOfReport"]


def test_the_holiday_calendar_is_a_table_and_never_imports_holidays():
    import subprocess
    import sys

    script = ("import sys; from datetime import date; import form16lint.business_days as days; "
              "print(days.is_business_day(date(2023, 7, 4))); print('holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_c003_points_at_the_form_type_that_says_form4(codes_for):
    xml = ownership_xml(document_type="5", period="2023-12-31", signatures=(("/s/ J", "2024-02-10"),),
                        nd_transactions=[nd_tx(code="J", date="2023-05-01", form_type="4"),
                                         nd_tx(code="S", date="2023-05-05", form_type="5")])
    found = codes_for(xml, "C003")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/formType",
                                          "/nonDerivativeTransactions/1/code"]
    form_type, code = found[0].message, found[1].message
    assert form_type.startswith("Table I transaction row 1, transaction form type is 4: this Form 5 reports")
    assert "(code J, dated 2023-05-01)" in form_type and "by 2023-05-03" in form_type
    assert "(code S, dated 2023-05-05)" in code and "by 2023-05-09" in code
    for message in (form_type, code):
        assert "late Form 4 transaction" in message and "Item 405" in message and "5/A" in message


def test_date_messages_say_what_to_correct(codes_for):
    form5 = ownership_xml(document_type="5", period="2003-12-06", signatures=(("/s/ M H", "2003-12-05"),),
                          nd_transactions=[nd_tx(code="G", date="2003-11-12", price="0", form_type="5")])
    d002 = {f.pointer: f.message for f in codes_for(form5, "D002")}
    assert "correct box 3" in d002["/periodOfReport"] and "52-53-week" in d002["/periodOfReport"]
    assert "correct the signature date" in d002["/signatures/0/date"]
    d003 = codes_for(ownership_xml(period="2024-03-05", nd_transactions=[nd_tx(date="2024-03-05"),
                                                                         nd_tx(date="2024-03-01")],
                                   signatures=(("/s/ J", "2024-03-06"),)), "D003")
    assert d003[0].message.endswith("set box 3 to 2024-03-01.")
    d004 = codes_for(ownership_xml(nd_transactions=[nd_tx(date="2024-03-08")]), "D004")
    assert "only transactions made before it is signed and filed" in d004[0].message
    assert "in a 4/A if the form has been filed" in d004[0].message
    planned = codes_for(ownership_xml(period="2024-02-27", nd_transactions=[nd_tx(date="2024-02-29")],
                                      signatures=(("/s/ J", "2024-03-01"),)), "D004",
                        options=RunOptions(filing_date=date(2024, 2, 28)))
    assert planned[0].message.endswith("Correct the date before filing.")
    d006 = codes_for(ownership_xml(d_transactions=[d_tx(date="2024-03-01", deemed="2024-03-08")],
                                   signatures=(("/s/ J", "2024-03-08"),)), "D006")
    assert "a day from 2024-03-01 to 2024-03-06, or leave column 3A blank" in d006[0].message


def test_c001_asks_for_capitals_when_the_code_is_only_lower_case(codes_for):
    found = codes_for(ownership_xml(nd_transactions=[nd_tx(code="s"), nd_tx(code="q")]), "C001")
    assert "write it in capitals: 'S', open market or private sale" in found[0].message
    assert "the codes are A C D" in found[1].message


def test_c006_says_to_check_the_box_or_correct_the_text(codes_for):
    text = "The sales were effected pursuant to a Rule 10b5-1 trading plan adopted on May 5, 2023."
    by_note = codes_for(ownership_xml(aff10b5one=0, nd_transactions=[nd_tx(notes={"shares": ["F1"]})],
                                      footnotes={"F1": text}), "C006")
    assert "Check the box (in a 4/A if the form has been filed), or correct footnote F1" in by_note[0].message
    by_remarks = codes_for(ownership_xml(aff10b5one=0, nd_transactions=[nd_tx()], remarks=text), "C006")
    assert [f.pointer for f in by_remarks] == ["/aff10b5One"]
    assert by_remarks[0].message.startswith("according to the remarks, a transaction was made under")
    assert "or correct the remarks if the trade was not made under a plan" in by_remarks[0].message

"""B001-B003, D001-D006 and C001-C007 fire on filings that break them and stay silent on clean ones."""

from datetime import date, datetime

import pytest

from filings import d_tx, nd_holding, nd_tx, owner, ownership_xml
from form16lint.business_days import (
    add_business_days,
    business_days_after,
    calendar_deadline,
    edgar_filing_date,
    is_business_day,
)
from form16lint.rule import RunOptions

# A Form 4 an insider filed on time: exercise of 10,000 options, same-day sale, balances that add up.
CLEAN = ownership_xml(
    period="2024-03-01",
    nd_transactions=[nd_tx(code="M", shares="10000", ad="A", price="20.00", after="15000"),
                     nd_tx(code="S", shares="4000", ad="D", after="11000")],
    d_transactions=[d_tx(code="M", shares="10000", ad="D", under_shares="10000", after="30000")],
    signatures=(("/s/ Jane Doe", "2024-03-04"),),
)

BDC = ["B001", "B002", "B003", "D001", "D002", "D003", "D004", "D005", "D006",
       "C001", "C002", "C003", "C004", "C005", "C006", "C007"]


@pytest.mark.parametrize("code", BDC)
def test_silent_on_clean_form4(codes_for, code):
    assert codes_for(CLEAN, code) == []


# -- the business-day calendar ---------------------------------------------------------------

def test_business_days_calendar():
    assert add_business_days(date(2004, 4, 6), 2) == date(2004, 4, 8)
    assert business_days_after(date(2004, 4, 8), date(2004, 4, 29)) == 15  # Good Friday is a business day
    assert not is_business_day(date(2023, 6, 19))  # Juneteenth
    assert is_business_day(date(2020, 6, 19))  # before Juneteenth was a federal holiday
    assert not is_business_day(date(2021, 6, 18))  # Juneteenth 2021, observed on the Friday
    assert not is_business_day(date(2020, 12, 24))  # SEC closure
    assert not is_business_day(date(2018, 12, 5))  # national day of mourning
    assert add_business_days(date(2020, 12, 22), 2) == date(2020, 12, 28)  # skips 24th, 25th, weekend
    assert add_business_days(date(2022, 1, 14), 2) == date(2022, 1, 19)  # Martin Luther King Jr. Day
    assert calendar_deadline(date(2003, 12, 31), 45) == date(2004, 2, 17)  # Feb 14 Sat, 16 Presidents' Day
    assert edgar_filing_date(datetime(2024, 3, 1, 21, 59)) == date(2024, 3, 1)
    assert edgar_filing_date(datetime(2024, 3, 1, 22, 30)) == date(2024, 3, 4)


# -- B: balances -------------------------------------------------------------------------------

def test_b001_running_balance(codes_for):
    xml = ownership_xml(document_type="5", period="2003-12-31", nd_transactions=[
        nd_tx(code="G", date="2003-03-01", shares="50000", ad="D", after="4051557", price="0", form_type="5"),
        nd_tx(code="G", date="2003-06-01", shares="50000", ad="D", after="4001557", price="0", form_type="5"),
        nd_tx(code="G", date="2003-09-01", shares="50000", ad="D", after="3961557", price="0", form_type="5"),
    ], signatures=(("/s/ M H", "2004-02-12"),))
    found = codes_for(xml, "B001")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/2/sharesOwnedFollowing"]
    message = found[0].message
    # Form 5 prints column 5 as the amount owned at the end of the issuer's fiscal year
    assert message.startswith("Table I transaction row 3, amount owned at the end of the issuer's fiscal year (column 5)")
    assert "reported 3,961,557; expected 3,951,557 = 4,001,557 previous balance − 50,000 (D)" in message
    # on a Form 5, transactions reported on Form 4 during the year may lie between the rows
    assert str(found[0].severity) == "warning" and "On a Form 5 this is a warning" in message


def test_b001_form4_gap_is_an_error(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(shares="50000", after="4001557"),
                                         nd_tx(shares="50000", after="3961557")])
    [finding] = codes_for(xml, "B001")
    assert str(finding.severity) == "error"


def test_b001_accepts_form5_fiscal_year_end_figure_on_every_row(codes_for):
    rows = [nd_tx(code="G", date=day, shares=shares, ad="D", after="245198", price="0", form_type="5")
            for day, shares in (("2019-01-10", "27500"), ("2019-07-19", "10000"), ("2019-08-23", "5000"))]
    xml = ownership_xml(document_type="5", period="2019-12-31", nd_transactions=rows,
                        signatures=(("/s/ R T", "2020-02-14"),))
    assert codes_for(xml, "B001") == []


def test_b001_accepts_an_adjustment_the_amount_footnote_explains(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(shares="100", after="900"),
                                         nd_tx(shares="100", after="1600", notes={"after": ["F1"]})],
                        footnotes={"F1": "Reflects a 2-for-1 stock split effected on February 15, 2024."})
    assert codes_for(xml, "B001") == []


def test_b001_warns_when_another_column_footnote_tells_of_a_transfer(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(code="J", shares="16723", after="48119", notes={"shares": ["F1"]}),
                                         nd_tx(code="J", shares="10819", after="6274", notes={"shares": ["F1"]})],
                        footnotes={"F1": "Shares transferred to the holder's brokerage account."})
    [finding] = codes_for(xml, "B001")
    assert str(finding.severity) == "warning"
    exempt = xml.replace("brokerage account.", "revocable trust. Such transfers are exempt from Section 16 "
                                                "reporting pursuant to Rule 16a-13.")
    assert codes_for(exempt, "B001") == []


def test_b001_tells_accounts_and_family_members_apart_by_footnotes(codes_for):
    xml = ownership_xml(
        nd_transactions=[nd_tx(shares="10", after="500", notes={"di": ["F1"]}),  # the IRA
                         nd_tx(shares="100", after="9000"),  # held outright
                         nd_tx(shares="10", after="490", notes={"di": ["F1"]}),
                         nd_tx(shares="5", after="300", di="I", nature="By child", notes={"nature": ["F2"]}),
                         nd_tx(shares="5", after="700", di="I", nature="By child", notes={"nature": ["F3"]}),
                         nd_tx(shares="5", after="295", di="I", nature="By child", notes={"nature": ["F2"]})],
        footnotes={"F1": "Held in an individual retirement account.", "F2": "Held by the reporting person's son.",
                   "F3": "Held by the reporting person's daughter."})
    assert codes_for(xml, "B001") == []


def test_b001_groups_by_ownership_and_skips_value_rows(codes_for):
    xml = ownership_xml(nd_transactions=[
        nd_tx(shares="100", ad="D", after="900"),
        nd_tx(shares="100", ad="D", after="500", di="I", nature="By trust"),  # another holding
        nd_tx(shares="100", ad="D", after="800"),
        nd_tx(shares="100", ad="D", after="400", di="I", nature="by  TRUST"),
        nd_tx(shares="100", ad="D", after=None, after_value="5000"),  # a value row breaks the chain
        nd_tx(shares="100", ad="D", after="123"),
    ])
    assert codes_for(xml, "B001") == []


def test_b001_names_a_flipped_direction(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(shares="100", ad="D", after="900"),
                                         nd_tx(code="S", shares="50", ad="A", after="850")])
    found = codes_for(xml, "B001")
    assert "expected 950 = 900 previous balance + 50 (A)" in found[0].message
    assert "what (D) would give" in found[0].message


def test_b001_separates_table_ii_grants_and_footnoted_difference(codes_for):
    xml = ownership_xml(
        nd_transactions=[nd_tx(code="P", shares="100", ad="A", after="1000"),
                         nd_tx(code="P", shares="100", ad="A", after="1350", notes={"after": ["F1"]})],
        d_transactions=[d_tx(exercise_price="20.00", after="4000"), d_tx(exercise_price="25.00", shares="500",
                                                                           under_shares="500", after="500")],
        footnotes={"F1": "Includes 250 shares acquired under the employee stock purchase plan."})
    assert codes_for(xml, "B001") == []


def test_b001_does_not_chain_relatives_under_one_nature(codes_for):
    child = dict(code="G", ad="A", price="0", di="I", nature="child's proportionate interests held in the partnership")
    xml = ownership_xml(nd_transactions=[nd_tx(shares="222", after="8638", **child),
                                         nd_tx(shares="222", after="8794", **child)])
    assert codes_for(xml, "B001") == []


def test_b001_accepts_a_row_that_left_its_nature_footnote_off(codes_for):
    trust = dict(di="I", nature="by Trust")
    xml = ownership_xml(nd_transactions=[nd_tx(shares="1112", after="167400026", notes={"nature": ["F1"]}, **trust),
                                         nd_tx(shares="1302", after="167398724", **trust),
                                         nd_tx(shares="300", after="167398424", notes={"nature": ["F1"]}, **trust)],
                        footnotes={"F1": "The Revocable Trust dated July 22, 2003, for which the reporting person is "
                                         "trustee."})
    assert codes_for(xml, "B001") == []


def test_b002_zero_shares(codes_for):
    found = codes_for(ownership_xml(nd_transactions=[nd_tx(shares="0")]), "B002")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/shares"]
    assert "is 0" in found[0].message and str(found[0].severity) == "warning"


def test_b003_accepts_amounts_a_footnote_adjusts(codes_for):
    xml = ownership_xml(
        nd_transactions=[nd_tx(code="M", shares="14273.9165", ad="A", price="0", after="26032.6435",
                               notes={"shares": ["F1"]})],
        d_transactions=[d_tx(title="Restricted Stock Units", code="M", shares="14225.8819", ad="D",
                             under_shares="14225.8819", after="0", notes={"shares": ["F2"]})],
        footnotes={"F1": "The shares reported include 48.4720 dividend shares and an adjustment of 0.4374 due to "
                         "fractional rounding.",
                   "F2": "Dividend equivalent rights accrue on these units when dividends are paid."})
    assert codes_for(xml, "B003") == []


def test_b003_exercise_without_table_i_row(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(code="S", shares="4000", ad="D", after="1000")],
                        d_transactions=[d_tx(code="M", shares="10000", ad="D", under_shares="10000", after="0")])
    found = codes_for(xml, "B003")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0"]
    assert "10,000" in found[0].message and "2024-03-01" in found[0].message


def test_b003_table_i_exercise_without_table_ii_row(codes_for):
    found = codes_for(ownership_xml(nd_transactions=[nd_tx(code="M", shares="2500", ad="A", after="3000")]), "B003")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0"]
    assert "2,500" in found[0].message


# -- D: dates ----------------------------------------------------------------------------------

FORM5 = dict(document_type="5", period="2003-12-31", signatures=(("/s/ M H", "2004-02-12"),))


def test_d001_form5_transaction_outside_fiscal_year(codes_for):
    xml = ownership_xml(**FORM5, nd_transactions=[
        nd_tx(code="G", date="2003-01-01", price="0", form_type="5", after="900"),
        nd_tx(code="G", date="2002-12-31", price="0", form_type="5", after="800"),
        nd_tx(code="G", date="2004-01-15", price="0", form_type="5", after="700")])
    found = codes_for(xml, "D001")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/1/transactionDate",
                                          "/nonDerivativeTransactions/2/transactionDate"]
    assert "2002-12-31, before the fiscal year began" in found[0].message
    assert "2003-01-01 to 2003-12-31" in found[0].message
    assert "2004-01-15, after the fiscal year ended" in found[1].message


def test_d001_silent_inside_year_and_on_52_53_week_year(codes_for):
    inside = ownership_xml(**FORM5, nd_transactions=[nd_tx(code="G", date="2003-12-31", price="0", form_type="5")])
    assert codes_for(inside, "D001") == []
    week_year = ownership_xml(document_type="5", period="2004-01-03", signatures=(("/s/ X", "2004-02-12"),),
                              nd_transactions=[nd_tx(code="G", date="2002-12-29", price="0", form_type="5")])
    assert codes_for(week_year, "D001") == []  # a 53-week year began 2002-12-29


def test_d002_fiscal_year_end_and_early_signature(codes_for):
    xml = ownership_xml(document_type="5", period="2003-12-20", signatures=(("/s/ M H", "2003-12-15"),),
                        nd_transactions=[nd_tx(code="G", date="2003-11-12", price="0", form_type="5")])
    found = {f.pointer: f.message for f in codes_for(xml, "D002")}
    assert "not the last day of a month (2003-12-31)" in found["/periodOfReport"]
    assert "2003-12-15, before the fiscal year" in found["/signatures/0/date"]
    assert codes_for(ownership_xml(**FORM5, nd_transactions=[nd_tx(code="G", date="2003-11-12", price="0",
                                                                   form_type="5")]), "D002") == []


@pytest.mark.parametrize("period", ["2019-09-28", "2020-01-02", "2024-02-24", "2003-12-30"])
def test_d002_accepts_52_53_week_year_ends(codes_for, period):
    # the last Saturday of September (Apple), the Thursday nearest December 31, the last Saturday
    # of February, the last Tuesday of December
    xml = ownership_xml(document_type="5", period=period, signatures=(("/s/ X", "2020-02-12"),),
                        nd_transactions=[nd_tx(code="G", date="2019-06-03", price="0", form_type="5")])
    assert "/periodOfReport" not in [f.pointer for f in codes_for(xml, "D002")]


def test_d002_warns_on_a_day_no_fiscal_year_ends(codes_for):
    xml = ownership_xml(document_type="5", period="2019-12-06", signatures=(("/s/ X", "2020-04-13"),),
                        nd_transactions=[nd_tx(code="A", date="2019-12-06", price="0", form_type="5")])
    assert [f.pointer for f in codes_for(xml, "D002")] == ["/periodOfReport"]


def test_d001_accepts_earlier_years_reported_late(codes_for):
    late = ownership_xml(**FORM5, nd_transactions=[
        nd_tx(code="P", date="2001-05-04", price="1", ad="A", form_type="5", timeliness="L"),
        nd_tx(code="S", date="2002-03-01", price="1", form_type="4")],
        d_transactions=[d_tx(date="2000-01-13", form_type="5", timeliness="L")])
    assert codes_for(late, "D001") == []
    on_time = ownership_xml(**FORM5, nd_transactions=[nd_tx(code="G", date="2001-05-04", price="0", form_type="5")])
    assert len(codes_for(on_time, "D001")) == 1


def test_d003_amendment_keeps_the_original_period(codes_for):
    xml = ownership_xml(document_type="4/A", original="2024-03-07", period="2024-03-01",
                        nd_transactions=[nd_tx(date="2024-03-05")], signatures=(("/s/ J", "2024-03-20"),))
    assert codes_for(xml, "D003") == []


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_d_and_c_rules_say_nothing_beyond_the_calendar(lint_text, day):
    xml = ownership_xml(period=day, nd_transactions=[nd_tx(date=day, deemed=day, code="G")],
                        signatures=(("/s/ J", day),))
    form5 = ownership_xml(document_type="5", period=day, signatures=(("/s/ J", day),),
                          nd_transactions=[nd_tx(date=day, code="G", form_type="4")])
    for text in (xml, form5):
        result = lint_text(text, select=["D", "C", "F"])
        assert [f.message for f in result.findings if f.code == "F001"] == []


def test_d003_accepts_the_event_date_on_parts_of_a_split_report(codes_for):
    xml = ownership_xml(period="2022-04-26", nd_transactions=[nd_tx(date="2022-04-27")],
                        signatures=(("/s/ E M", "2022-04-28"),),
                        remarks="This Form 4 is the fifth of five Form 4s being filed by the Reporting Person relating "
                                "to the same event.")
    assert codes_for(xml, "D003") == []


def test_d003_period_not_earliest(codes_for):
    xml = ownership_xml(period="2024-03-05", nd_transactions=[nd_tx(date="2024-03-05"), nd_tx(date="2024-03-01")],
                        signatures=(("/s/ J", "2024-03-06"),))
    found = codes_for(xml, "D003")
    assert [f.pointer for f in found] == ["/periodOfReport"]
    assert "2024-03-05" in found[0].message and "earliest transaction is 2024-03-01" in found[0].message
    early = ownership_xml(period="2024-03-05", nd_transactions=[
        nd_tx(date="2024-03-05"), nd_tx(code="G", date="2024-01-02", form_type="5", timeliness="E")],
        signatures=(("/s/ J", "2024-03-06"),))
    assert codes_for(early, "D003") == []  # a Form 5 item reported early does not count


def test_d004_transaction_after_signature_and_filing_date(codes_for):
    found = codes_for(ownership_xml(nd_transactions=[nd_tx(date="2024-03-08")]), "D004")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/transactionDate"]
    assert "2024-03-08, after the form was signed on 2024-03-04" in found[0].message
    options = RunOptions(filing_date=date(2024, 2, 28))
    found = codes_for(ownership_xml(period="2024-02-27", nd_transactions=[nd_tx(date="2024-02-29")],
                                    signatures=(("/s/ J", "2024-03-01"),)), "D004", options=options)
    assert "after the filing date 2024-02-28" in found[0].message


SEED_FORM4 = ownership_xml(
    period="2004-04-06", schema="X0202", issuer_name="SONUS NETWORKS INC", ticker="SONSE",
    d_transactions=[d_tx(title="Stock Option (Right to Buy)", exercise_price="3.99", date="2004-04-06", code="A",
                         shares="2450000", price="0", exercisable=None, expiration="2014-04-06",
                         under_shares="2450000", after="2450000", notes={"exercisable": ["F1"]})],
    footnotes={"F1": "25% on 04/06/2005, the remaining shares in equal monthly installments."},
    signatures=(("/s/ Albert A. Notini", "2004-04-29"),))


def test_d005_seed_form4_signed_late(codes_for):
    found = codes_for(SEED_FORM4, "D005")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/transactionDate"]
    message = found[0].message
    assert "due 2004-04-08" in message and "15 business days late" in message
    assert "signature date" in message and str(found[0].severity) == "warning"


def test_d005_filing_date_option_and_on_time(codes_for):
    on_time = RunOptions(filing_date=date(2004, 4, 8))
    assert codes_for(SEED_FORM4, "D005", options=on_time) == []
    found = codes_for(SEED_FORM4, "D005", options=RunOptions(filing_date=date(2004, 4, 9)))
    assert "1 business day late" in found[0].message and "--filing-date" in found[0].message


def test_d005_deemed_date_early_rows_form3_and_form5(codes_for):
    deemed = ownership_xml(period="2024-03-01", nd_transactions=[nd_tx(date="2024-03-01", deemed="2024-03-05")],
                           signatures=(("/s/ J", "2024-03-07"),))
    assert codes_for(deemed, "D005") == []  # due 2024-03-07, two business days after the deemed date
    early = ownership_xml(period="2024-01-02", signatures=(("/s/ J", "2024-03-07"),), nd_transactions=[
        nd_tx(code="G", date="2024-01-02", form_type="5", timeliness="E")])
    assert codes_for(early, "D005") == []
    form3 = ownership_xml(document_type="3", period="2024-03-01", signatures=(("/s/ J", "2024-03-12"),),
                          nd_holdings=[nd_holding()])
    found = codes_for(form3, "D005")
    assert "due 2024-03-11" in found[0].message and "1 business day late" in found[0].message
    form5 = ownership_xml(**dict(FORM5, signatures=(("/s/ M H", "2004-02-18"),)),
                          nd_transactions=[nd_tx(code="G", date="2003-11-12", price="0", form_type="5")])
    found = codes_for(form5, "D005")
    assert "due 2004-02-17" in found[0].message and "1 business day late" in found[0].message


def test_d006_deemed_execution_date(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(date="2024-03-01", deemed="2024-03-08"),
                                         nd_tx(date="2024-03-01", deemed="2024-02-28"),
                                         nd_tx(date="2024-03-01", deemed="2024-03-06")],
                        signatures=(("/s/ J", "2024-03-08"),))
    found = codes_for(xml, "D006")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/deemedExecutionDate",
                                          "/nonDerivativeTransactions/1/deemedExecutionDate"]
    assert "latest allowed 2024-03-06" in found[0].message
    assert "before the transaction date 2024-03-01" in found[1].message


# -- C: codes ----------------------------------------------------------------------------------

def test_c001_unknown_code_and_k_in_xml(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(code="K"), nd_tx(code="Q")])
    found = codes_for(xml, "C001")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/code", "/nonDerivativeTransactions/1/code"]
    assert "equity swap flag" in found[0].message and "'Q'" in found[1].message


def test_c002_direction(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(code="S", ad="A", after="1100")],
                        d_transactions=[d_tx(code="M", ad="A")])
    found = codes_for(xml, "C002")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/acquiredDisposed",
                                          "/derivativeTransactions/0/acquiredDisposed"]
    assert "is A, but code S" in found[0].message and "expected D" in found[0].message


def test_c002_conversion_into_a_derivative_is_fine(codes_for):
    xml = ownership_xml(d_transactions=[d_tx(title="Series A Preferred", code="C", ad="D", after="0"),
                                        d_tx(title="Class B Common Stock", code="C", ad="A")])
    assert codes_for(xml, "C002") == []


def test_c003_and_c004_form5(codes_for):
    xml = ownership_xml(document_type="5", period="2023-12-31", signatures=(("/s/ J", "2024-02-10"),),
                        nd_transactions=[nd_tx(code="S", date="2023-05-01", form_type="5"),
                                         nd_tx(code="G", date="2023-06-01", price="0", form_type="5")])
    c003 = codes_for(xml, "C003")
    assert [f.pointer for f in c003] == ["/nonDerivativeTransactions/0/code"]
    assert "code S" in c003[0].message and "Item 405" in c003[0].message
    c004 = codes_for(xml, "C004")
    assert [f.pointer for f in c004] == ["/nonDerivativeTransactions/1/transactionDate"]
    assert "2023-06-01" in c004[0].message
    old_gift = ownership_xml(**FORM5, nd_transactions=[nd_tx(code="G", date="2003-06-01", price="0", form_type="5")])
    assert codes_for(old_gift, "C003") == [] and codes_for(old_gift, "C004") == []
    # a 2019 gift keyed form type 4 is still a Form 5 item: nothing was due on Form 4
    keyed_4 = ownership_xml(**FORM5, nd_transactions=[nd_tx(code="G", date="2003-04-29", price="0", form_type="4")])
    assert codes_for(keyed_4, "C003") == []
    sale_4 = ownership_xml(**FORM5, nd_transactions=[nd_tx(code="S", date="2003-04-29", form_type="4")])
    assert [f.pointer for f in codes_for(sale_4, "C003")] == ["/nonDerivativeTransactions/0/formType"]


def test_c005_box_checked_without_adoption_date(codes_for):
    bare = ownership_xml(aff10b5one=1, nd_transactions=[nd_tx(notes={"shares": ["F1"]})],
                         footnotes={"F1": "Sold under a Rule 10b5-1 trading plan."})
    found = codes_for(bare, "C005")
    assert [f.pointer for f in found] == ["/aff10b5One"] and "adopted" in found[0].message
    dated = ownership_xml(aff10b5one=1, nd_transactions=[nd_tx(notes={"shares": ["F1"]})],
                          footnotes={"F1": "Sold under a Rule 10b5-1 trading plan adopted on May 5, 2023."})
    assert codes_for(dated, "C005") == []


@pytest.mark.parametrize("text", [
    "Transaction made pursuant to a 10b5-1 trading plan adopted by Mark A. Goldsmith on December 19, 2024.",
    "Sold under a Rule 10b5-1 plan adopted by the J.P. Smith Trust on Sept. 5, 2024.",
    "Effected pursuant to a Rule 10b5-1 trading plan entered into by ABC Holdings, Inc. on 9/5/24."])
def test_c005_reads_adoption_dates_in_prose_with_initials(codes_for, text):
    xml = ownership_xml(aff10b5one=1, nd_transactions=[nd_tx(notes={"shares": ["F1"]})], footnotes={"F1": text})
    assert codes_for(xml, "C005") == []


def test_c006_plan_footnote_without_box(codes_for):
    text = {"F1": "The sales were effected pursuant to a Rule 10b5-1 trading plan adopted on May 5, 2023."}
    xml = ownership_xml(aff10b5one=0, nd_transactions=[nd_tx(notes={"shares": ["F1"]})], footnotes=text)
    found = codes_for(xml, "C006")
    assert [f.pointer for f in found] == ["/aff10b5One"] and "footnote F1" in found[0].message
    before = ownership_xml(schema="X0306", period="2023-03-01", aff10b5one=None, footnotes=text,
                           nd_transactions=[nd_tx(date="2023-03-01", notes={"shares": ["F1"]})],
                           signatures=(("/s/ J", "2023-03-02"),))
    assert codes_for(before, "C006") == []
    negated = ownership_xml(aff10b5one=0, nd_transactions=[nd_tx(notes={"shares": ["F1"]})],
                            footnotes={"F1": "This sale was not made pursuant to a Rule 10b5-1 plan."})
    assert codes_for(negated, "C006") == []


def test_c007_cooling_off(codes_for):
    text = {"F1": "Sold pursuant to a Rule 10b5-1 trading plan adopted by the reporting person on May 5, 2023."}
    early = ownership_xml(period="2023-06-01", aff10b5one=1, footnotes=text,
                          nd_transactions=[nd_tx(date="2023-06-01", notes={"shares": ["F1"]})],
                          signatures=(("/s/ J", "2023-06-02"),))
    found = codes_for(early, "C007")
    assert [f.pointer for f in found] == ["/nonDerivativeTransactions/0/transactionDate"]
    assert "27 days after" in found[0].message and "2023-08-03" in found[0].message
    later = early.replace("2023-06-01", "2023-09-01").replace("2023-06-02", "2023-09-05")
    assert codes_for(later, "C007") == []
    ten_percent = ownership_xml(period="2023-06-01", aff10b5one=1, footnotes=text,
                                owners=[owner(officer=0, ten_percent=1)],
                                nd_transactions=[nd_tx(date="2023-06-01", notes={"shares": ["F1"]})],
                                signatures=(("/s/ J", "2023-06-02"),))
    assert codes_for(ten_percent, "C007") == []

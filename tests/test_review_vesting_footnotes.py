"""The V, N and B rules on cases a review found: each test fails without its fix."""

from form16lint.model import Document, Filing
from form16lint.rule import RuleContext, RunOptions

from filings import d_tx, nd_tx, ownership_xml


def test_v003_fires_on_its_documented_failing_example_without_a_footnote(codes_for):
    xml = ownership_xml(d_transactions=[d_tx(date="2024-03-01", code="A", exercisable="2023-03-01")])
    found = codes_for(xml, "V003")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/exerciseDate"]
    assert "03/01/2023" in found[0].message and "03/01/2024" in found[0].message


def test_v005_names_the_footnote_and_quotes_no_parser_tokens(codes_for):
    note = "The option expires on the tenth anniversary of the date of grant."
    xml = ownership_xml(d_transactions=[d_tx(date="2024-03-01", expiration="2029-03-01",
                                             notes={"expiration": ["F1"]})], footnotes={"F1": note})
    [finding] = codes_for(xml, "V005")
    assert "o10" not in finding.message and "footnote F1" in finding.message
    assert "10 years" in finding.message and "03/01/2034" in finding.message and "03/01/2029" in finding.message
    assert "expiration date (column 6)" in finding.message


def test_a_shared_reading_receives_the_context_to_build_on_another():
    filing = Filing(document_type="4")
    context = RuleContext(document=Document(path="x", format="edgar-xml", filing=filing), options=RunOptions())
    seen = []

    def compute(shared_filing, shared_context):
        seen.append((shared_filing, shared_context))
        return len(seen)

    assert context.shared(compute, filing) == 1 and context.shared(compute, filing) == 1
    assert seen == [(filing, context)]


def test_n001_reads_the_first_of_two_footnotes_sharing_an_id_as_the_other_rules_do(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(notes={"price": ["F1"]})], footnotes={"F1": "Average price."})
    xml = xml.replace('<footnote id="F1">Average price.</footnote>',
                      '<footnote id="F1">Average price.</footnote><footnote id="F1"> </footnote>')
    assert codes_for(xml, "N001") == []


def test_v002_names_the_row_and_the_fix(codes_for):
    note = "25% of the option vests on each of the first three anniversaries of the grant date."
    xml = ownership_xml(d_transactions=[d_tx(date="2024-03-01", exercisable=None, notes={"exercisable": ["F1"]})],
                        footnotes={"F1": note})
    [finding] = codes_for(xml, "V002")
    assert finding.message.startswith("Table II transaction row 1: the vesting schedule in footnote F1 adds up to 75%")
    assert "(25% on 03/01/2025, 25% on 03/01/2026, 25% on 03/01/2027)" in finding.message
    assert "Add the missing tranche or correct the percentages in footnote F1." in finding.message


def test_v003_writes_its_dates_alike_and_says_what_to_correct(codes_for):
    xml = ownership_xml(d_transactions=[d_tx(date="2024-03-01", code="A", exercisable="2023-03-01")])
    [finding] = codes_for(xml, "V003")
    assert "Correct the date exercisable (column 6) or the transaction date (column 3)." in finding.message
    note = "The option vests in full on March 1, 2023."
    xml = ownership_xml(d_transactions=[d_tx(date="2024-03-01", exercisable=None, notes={"exercisable": ["F1"]})],
                        footnotes={"F1": note})
    [finding] = codes_for(xml, "V003")
    assert "(100% on 03/01/2023)" in finding.message and "2023-03-01" not in finding.message
    assert "Correct the vesting dates in footnote F1 or the transaction date (column 3)." in finding.message


def test_v003_names_the_footnote_that_states_the_grant_date(codes_for):
    note = "The option was granted on March 1, 2024 and vests in full on March 1, 2023."
    xml = ownership_xml(d_transactions=[d_tx(code="M", ad="D", date="2024-06-01", exercisable=None,
                                             notes={"exercisable": ["F1"]})], footnotes={"F1": note})
    [finding] = codes_for(xml, "V003")
    assert "before the grant date footnote F1 states, 03/01/2024" in finding.message
    assert "or the grant date in footnote F1." in finding.message


def test_n004_names_the_code_column_and_the_footnote_to_add(codes_for):
    [finding] = codes_for(ownership_xml(nd_transactions=[nd_tx(code="J")]), "N004")
    assert finding.message.startswith("Table I transaction row 1, transaction code (column 3)")
    assert finding.message.endswith("add a footnote to the transaction code (column 3) describing the acquisition "
                                    "or disposition")


def test_n003_says_how_to_mend_the_ids(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(notes={"price": ["F1"], "date": ["F100"]})],
                        footnotes={"F1": "One.", "F100": "Date."})
    xml = xml.replace('<footnote id="F1">One.</footnote>',
                      '<footnote id="F1">One.</footnote><footnote id="F1">Two.</footnote>')
    messages = {f.pointer: f.message for f in codes_for(xml, "N003")}
    assert "give this footnote an unused id and update the references that mean it" in messages["/footnotes/1"]
    assert "renumber it to an unused id in that range and update the references to it" in messages["/footnotes/2"]


def test_b001_states_the_arithmetic_once_and_the_fix(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(code="G", shares="50000", ad="D", after="4001557", price="0"),
                                         nd_tx(code="G", shares="50000", ad="D", after="3961557", price="0")])
    [finding] = codes_for(xml, "B001")
    assert finding.message.count("4,001,557") == 1 and finding.message.count("50,000") == 1
    assert "the reported figure is 10,000 too high" in finding.message
    assert finding.message.endswith("Correct this figure, the amount (column 4), or (A)/(D), or explain the "
                                    "difference in a footnote.")

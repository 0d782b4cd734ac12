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

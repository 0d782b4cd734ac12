"""The V, N and B rules on cases a review found: each test fails without its fix."""

from filings import d_tx, ownership_xml


def test_v003_fires_on_its_documented_failing_example_without_a_footnote(codes_for):
    xml = ownership_xml(d_transactions=[d_tx(date="2024-03-01", code="A", exercisable="2023-03-01")])
    found = codes_for(xml, "V003")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/exerciseDate"]
    assert "03/01/2023" in found[0].message and "03/01/2024" in found[0].message

"""Dates and codes rules: the fixes of the review (each test failed before its fix)."""

from filings import d_tx, ownership_xml


def test_c002_a_row_without_code_is_not_the_other_side_of_a_conversion(codes_for):
    # an acquisition coded M in Table II beside a disposition with no code: not a conversion pair
    xml = ownership_xml(d_transactions=[d_tx(code="M", ad="A"), d_tx(code="", ad="D", after="0")])
    found = codes_for(xml, "C002")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/acquiredDisposed"]


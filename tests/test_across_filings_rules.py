"""X001-X002: balances carried from one filing to the next, and the same filing given twice."""

from batch import lint_files
from filings import d_tx, nd_holding, nd_tx, ownership_xml

from form16lint.canonical import to_json
from form16lint.rule import RunOptions


def sale(period, after, shares="100", nature=None, **kwargs):
    di = "I" if nature else "D"
    return ownership_xml(period=period, signatures=(("/s/ Jane Doe", period),),
                         nd_transactions=[nd_tx(date=period, shares=shares, after=after, di=di, nature=nature)],
                         **kwargs)


def test_x001_silent_when_the_balance_carries(tmp_path, plugins):
    found = lint_files(tmp_path, plugins, {
        "april.xml": sale("2024-04-02", "800"),  # order comes from the period, not the file name
        "march.xml": sale("2024-03-01", "900"),
        "may.xml": ownership_xml(period="2024-05-01", nd_holdings=[nd_holding(after="800")])}, ["X001"])
    assert found == []


def test_x001_break_names_both_filings_and_figures(tmp_path, plugins):
    found = lint_files(tmp_path, plugins, {"march.xml": sale("2024-03-01", "900"),
                                           "april.xml": sale("2024-04-02", "700")}, ["X001"])
    assert [(f.path.rsplit("/", 1)[-1], f.pointer) for f in found] == [
        ("april.xml", "/nonDerivativeTransactions/0/sharesOwnedFollowing")]
    message = found[0].message
    assert "is 700 Common Stock held directly" in message and "march.xml" in message
    assert "ended with 900; expected 900 - 100 disposed = 800" in message


def test_x001_breaks_between_several_pairs_of_filings_are_info(tmp_path, plugins):
    found = lint_files(tmp_path, plugins, {"march.xml": sale("2024-03-01", "900"),
                                           "april.xml": sale("2024-04-02", "700"),
                                           "may.xml": sale("2024-05-02", "300")}, ["X001"])
    assert [str(f.severity) for f in found] == ["info", "info"]
    assert "break between 2 pairs of filings" in found[0].message and "missing filings" in found[0].message


def test_x001_keeps_ownerships_apart_and_reads_natures_loosely(tmp_path, plugins):
    found = lint_files(tmp_path, plugins, {
        "march.xml": sale("2024-03-01", "900", nature="By Fund IV, L.P."),
        "april.xml": sale("2024-04-02", "800", nature="by Fund IV, L.P"),
        "direct.xml": sale("2024-04-03", "50")}, ["X001"])
    assert found == []


def test_x001_other_issuer_and_amendments_do_not_chain(tmp_path, plugins):
    found = lint_files(tmp_path, plugins, {
        "march.xml": sale("2024-03-01", "900"),
        "other.xml": sale("2024-04-02", "5000", issuer_cik="0000789019", issuer_name="MICROSOFT CORP",
                          ticker="MSFT"),
        "amended.xml": sale("2024-04-03", "123", document_type="4/A", original="2024-04-05")}, ["X001"])
    assert found == []


def test_x001_accepts_rounding_plan_accounts_and_filings_of_one_day(tmp_path, plugins):
    found = lint_files(tmp_path, plugins, {
        "march.xml": sale("2024-03-01", "900.25"),
        "april.xml": sale("2024-04-02", "800.3"),  # 900.25 - 100 to a tenth
        "k1.xml": sale("2024-03-01", "500", nature="By 401(k) Plan"),
        "k2.xml": sale("2024-04-02", "480", nature="By 401(k) Plan"),  # contributions accrue unreported
        # two filings of one day: the batch does not say which came first
        "b.xml": sale("2024-05-01", "600", nature="By trust"),
        "a.xml": sale("2024-05-01", "700", nature="By trust")}, ["X001"])
    assert found == []


def test_x001_tells_holders_apart_by_footnote_and_does_not_chain_units(tmp_path, plugins):
    def held(period, after, holder):
        return ownership_xml(period=period, signatures=(("/s/ J", period),), footnotes={"F1": holder},
                             nd_transactions=[nd_tx(date=period, after=after, di="I", nature="See footnote",
                                                    notes={"nature": ["F1"]})])

    def units(period, after):
        return ownership_xml(period=period, signatures=(("/s/ J", period),), d_transactions=[
            d_tx(title="Restricted Stock Units", exercise_price=None, date=period, exercisable=None,
                 expiration=None, shares="50", after=after)])

    found = lint_files(tmp_path, plugins, {
        "fund1.xml": held("2024-03-01", "900", "Held by Fund I, L.P."),
        "fund2.xml": held("2024-04-02", "5000", "Held by Fund II, L.P."),
        "rsu1.xml": units("2024-03-01", "50"), "rsu2.xml": units("2024-04-02", "50")}, ["X001"])
    assert found == []


def test_x001_orders_the_parts_of_a_split_report(tmp_path, plugins):
    def part(which, after):
        return ownership_xml(period="2024-05-01", signatures=(("/s/ J", "2024-05-03"),),
                             nd_transactions=[nd_tx(date="2024-05-01", after=after)],
                             remarks=f"This Form 4 is the {which} of two Form 4s being filed by the Reporting "
                                     "Person relating to the same event.")
    found = lint_files(tmp_path, plugins, {"a.xml": part("second", "800"), "b.xml": part("first", "900"),
                                           "c.xml": sale("2024-06-03", "700")}, ["X001"])
    assert found == []


def test_x002_same_accession_or_same_content(tmp_path, plugins):
    from form16lint.engine import read_document

    xml = sale("2024-03-01", "900")
    (tmp_path / "source.xml").write_text(xml)
    as_json = to_json(read_document(plugins, str(tmp_path / "source.xml")).filing)
    found = lint_files(tmp_path, plugins, {"a.xml": xml, "b.json": as_json, "c.xml": sale("2024-04-02", "800")},
                       ["X002"])
    assert [f.path.rsplit("/", 1)[-1] for f in found] == ["b.json"]
    assert "the same filing as" in found[0].message and "a.xml" in found[0].message
    assert "(the same content)" in found[0].message and str(found[0].severity) == "info"


def test_x002_same_accession_number(plugins):
    from form16lint.model import Document, Filing, FilingMetadata
    from form16lint_rules.across_filings import DuplicateFiling

    documents = [Document(path=name, format="edgar-submission",
                          filing=Filing(document_type="4", metadata=FilingMetadata(accession_number=number),
                                        remarks=name))
                 for name, number in (("one.txt", "0001209191-24-012345"), ("two.txt", "0001209191-24-012345"),
                                      ("three.txt", "0001209191-24-012399"))]
    rule = DuplicateFiling()
    found = list(rule.check([rule.summarize(document) for document in documents], RunOptions()))
    assert [(document.path, violation.pointer) for document, violation in found] == [("two.txt", "")]
    assert "the same accession number 0001209191-24-012345" in found[0][1].message

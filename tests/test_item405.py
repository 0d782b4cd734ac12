"""`form16lint item405`: late Section 16 reports of a fiscal year, per reporting person."""

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import shared_path
from form16lint.cli import main
from form16lint.errors import UsageError
from form16lint.item405 import build_report, proxy_name, read_documents, read_filing_dates
from filings import d_tx, nd_tx, owner, ownership_xml


def submission(xml: str, filed: str, accession: str) -> str:
    """An EDGAR submission text file around an ownership document, with its filing date."""
    return (f"<SEC-DOCUMENT>{accession}.txt : {filed}\n<SEC-HEADER>{accession}.hdr.sgml : {filed}\n"
            f"ACCESSION NUMBER:\t\t{accession}\nCONFORMED SUBMISSION TYPE:\t4\nFILED AS OF DATE:\t\t{filed}\n"
            f"</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n{xml}</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")


JANE = owner(cik="0001000001", name="DOE JANE")
JOHN = owner(cik="0001000002", name="ROE JOHN Q", officer=0, director=1)


@pytest.fixture
def year(tmp_path):
    """A fiscal year 2024 of one issuer, with known answers worked out by hand:

    Jane Doe: a Form 4 of two sales on Friday 2024-05-24, due Wednesday 2024-05-29 (Memorial Day
    passed over), filed 2024-05-31: late by 2 business days, two transactions. A timely Form 4 (sale
    2024-06-03, filed 2024-06-05). A Form 5 for 2024 filed 2025-02-10 (due 2025-02-14): timely, but it
    reports a purchase of 2024-08-01 (code P), which belonged on a Form 4: one failure to file.
    John Roe: a Form 3 for an event on 2024-11-18, due 2024-11-29 (day 10 was Thanksgiving), filed
    2024-12-02: late by 1 business day, a known failure to file within 10 days. A Form 4 with no
    filing date anywhere (plain XML, not in the index): unknown, never counted.
    A Form 4 of 2023 (outside the year) and another issuer's Form 4 are left out.
    """
    folder = tmp_path / "filings"
    folder.mkdir()
    late4 = ownership_xml(owners=[JANE], period="2024-05-24", nd_transactions=[
        nd_tx(date="2024-05-24", after="900"), nd_tx(date="2024-05-24", after="800")])
    (folder / "0000320193-24-000001.txt").write_text(submission(late4, "20240531", "0000320193-24-000001"))
    timely4 = ownership_xml(owners=[JANE], period="2024-06-03", nd_transactions=[nd_tx(date="2024-06-03", after="700")])
    (folder / "0000320193-24-000002.txt").write_text(submission(timely4, "20240605", "0000320193-24-000002"))
    form5 = ownership_xml(document_type="5", owners=[JANE], period="2024-12-31", nd_transactions=[
        nd_tx(date="2024-08-01", code="P", ad="A", after="800", form_type="5")])
    (folder / "0000320193-25-000003.txt").write_text(submission(form5, "20250210", "0000320193-25-000003"))
    form3 = ownership_xml(document_type="3", owners=[JOHN], period="2024-11-18", d_transactions=[])
    (folder / "john-form3.xml").write_text(form3)
    unknown = ownership_xml(owners=[JOHN], period="2024-12-10", nd_transactions=[nd_tx(date="2024-12-10")])
    (folder / "john-form4-unknown.xml").write_text(unknown)
    old = ownership_xml(owners=[JOHN], period="2023-06-01", nd_transactions=[nd_tx(date="2023-06-01")])
    (folder / "0000320193-23-000009.txt").write_text(submission(old, "20230720", "0000320193-23-000009"))
    other = ownership_xml(owners=[JANE], issuer_cik="0000789019", issuer_name="MICROSOFT CORP", ticker="MSFT",
                          nd_transactions=[nd_tx(date="2024-03-01")])
    (folder / "other-issuer.xml").write_text(other)
    index = tmp_path / "dates.csv"
    index.write_text("file,filing_date\njohn-form3.xml,2024-12-02\n")
    return folder, index


def test_known_answers(year):
    folder, index = year
    report = build_report(read_documents([str(folder)]), 2024, "12-31", "320193", read_filing_dates([str(index)]))
    people = {person.name: person for person in report.persons}
    assert set(people) == {"DOE JANE", "ROE JOHN Q"}
    jane, john = people["DOE JANE"], people["ROE JOHN Q"]
    assert (jane.late_reports, jane.late_transactions) == (1, 3)  # 2 late Form 4 rows + 1 Form 5 row
    late4 = next(f for f in jane.filings if f.status == "late")
    assert (late4.filed, late4.due, late4.business_days_late) == ("2024-05-31", "2024-05-29", 2)
    assert late4.filed_from == "EDGAR filing date"
    assert len(jane.failures_to_file) == 1 and "code P, 2024-08-01" in jane.failures_to_file[0]
    assert [f.status for f in jane.filings] == ["late", "timely", "timely"]
    assert (john.late_reports, john.late_transactions) == (1, 0)
    form3 = next(f for f in john.filings if f.form == "3")
    assert (form3.due, form3.filed, form3.business_days_late) == ("2024-11-29", "2024-12-02", 1)
    assert "dates.csv line 2" in form3.filed_from
    assert "Form 3 not filed within 10 days" in john.failures_to_file[0]
    unknown = next(f for f in john.filings if f.path.endswith("john-form4-unknown.xml"))
    assert unknown.status == "unknown filing date"
    paths = {f.path for p in report.persons for f in p.filings}
    assert not any(p.endswith(("other-issuer.xml", "0000320193-23-000009.txt")) for p in paths)
    text = report.disclosure()
    assert ("Jane Doe filed one late Form 4 reporting two transactions and reported one transaction on Form 5 "
            "that should have been reported on Form 4") in text
    assert "John Q. Roe filed one late Form 3" in text
    assert "Not judged: one filing with no known filing date (john-form4-unknown.xml)" in text


def test_a_form5_row_a_form4_reported_too_is_no_failure_to_file(year):
    folder, index = year
    # Jane's purchase of 2024-08-01 (100 shares, code P) was also reported, late, on a Form 4
    form4 = ownership_xml(owners=[JANE], period="2024-08-01",
                          nd_transactions=[nd_tx(date="2024-08-01", code="P", ad="A", after="800")])
    (folder / "0000320193-24-000005.txt").write_text(submission(form4, "20240815", "0000320193-24-000005"))
    report = build_report(read_documents([str(folder)]), 2024, "12-31", "320193", read_filing_dates([str(index)]))
    jane = next(p for p in report.persons if p.name == "DOE JANE")
    assert jane.failures_to_file == []
    assert (jane.late_reports, jane.late_transactions) == (2, 3)  # the late Form 4s: 2 rows + 1 row
    form5 = next(f for f in jane.filings if f.form == "5")
    assert "reported on a Form 4 as well" in form5.note
    assert "except that Jane Doe filed two late Form 4s reporting three transactions and John Q. Roe" \
        in report.disclosure()


def test_without_the_index_the_form3_is_unknown_not_late(year):
    folder, _ = year
    report = build_report(read_documents([str(folder)]), 2024, issuer="0000320193")
    john = next(p for p in report.persons if p.name == "ROE JOHN Q")
    assert john.late_reports == 0 and not john.failures_to_file
    assert {f.status for f in john.filings} == {"unknown filing date"}


EDGAR_INDEXES = {
    "master.idx": ("Description:           Master Index of EDGAR Dissemination Feed\n\n"
                   "CIK|Company Name|Form Type|Date Filed|Filename\n"
                   "--------------------------------------------------------------------------------\n"
                   "1000002|ROE JOHN Q|4|2024-12-16|edgar/data/1000002/0000320193-24-000077.txt\n"),
    "form.idx": ("Description:           Daily Index of EDGAR Dissemination Feed by Form Type\n\n"
                 "Form Type   Company Name                                                  CIK         Date Filed  "
                 "File Name\n" + "-" * 140 + "\n"
                 "4           ROE JOHN Q                                                    1000002     20241216    "
                 "edgar/data/1000002/0000320193-24-000077.txt\n"),
}


@pytest.mark.parametrize("name", sorted(EDGAR_INDEXES))
def test_edgar_index_gives_filing_dates(year, tmp_path, name):
    folder, _ = year
    (folder / "john-form4-unknown.xml").rename(folder / "0000320193-24-000077.xml")
    index = tmp_path / name
    index.write_text(EDGAR_INDEXES[name])
    report = build_report(read_documents([str(folder)]), 2024, issuer="320193",
                          dates=read_filing_dates([str(index)]))
    judged = next(f for p in report.persons for f in p.filings if f.path.endswith("0000320193-24-000077.xml"))
    # sale on Tuesday 2024-12-10, due Thursday 2024-12-12, filed Monday 2024-12-16: 2 business days late
    assert (judged.status, judged.due, judged.business_days_late) == ("late", "2024-12-12", 2)
    assert judged.filed_from == f"{name} (EDGAR index)"


def test_formats(year, tmp_path, capsys):
    folder, index = year
    arguments = ["item405", str(folder), "--fiscal-year", "2024", "--issuer", "320193", "--filing-dates", str(index)]
    assert main(arguments + ["--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {p["name"]: p["late_reports"] for p in data["persons"]} == {"DOE JANE": 1, "ROE JOHN Q": 1}
    assert "Jane Doe filed one late Form 4" in data["disclosure"]
    assert main(arguments + ["--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["person"], r["late_reports"], r["transactions_not_timely"]) for r in rows] == [
        ("DOE JANE", "1", "3"), ("ROE JOHN Q", "1", "0")]
    assert main(arguments + ["--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| DOE JANE | 1 | 3 |" in out and "## Draft disclosure" in out
    assert main(arguments + ["--no-color"]) == 0
    captured = capsys.readouterr()
    assert "Draft disclosure" in captured.out and "1 report(s) have no known filing date" in captured.err


def test_several_issuers_need_issuer(year, capsys):
    folder, _ = year
    assert main(["item405", str(folder), "--fiscal-year", "2024"]) == 2
    assert "choose one with --issuer CIK" in capsys.readouterr().err


def test_bad_index_is_a_clear_error(tmp_path):
    bad = tmp_path / "dates.csv"
    bad.write_text("file,filing_date\nx.xml,31/12/2024\n")
    with pytest.raises(UsageError, match=r"dates.csv:2: filing date '31/12/2024'"):
        read_filing_dates([str(bad)])


def test_proxy_names():
    assert proxy_name("DOE JANE") == "Jane Doe"
    assert proxy_name("Worman Glenn C.") == "Glenn C. Worman"
    assert proxy_name("Blankenship W C Jr") == "W. C. Blankenship, Jr"
    assert proxy_name("Nestle US Holdco, Inc.") == "Nestle US Holdco, Inc."


# -- real submissions: the answers below were worked out by hand from each file's header and rows ----
def corpus_report(issuer, year=2019):
    folder = shared_path("corpus", "edgar-more")
    return build_report(read_documents([str(folder)]), year, "12-31", issuer)


def test_corpus_late_form4_over_christmas_2019():
    # National Holdings: a sale (F) on Monday 2019-12-23; 12-24 (SEC closed) and 12-25 pass over, so
    # due Friday 2019-12-27; filed 2020-01-03 (header): 12-30, 12-31, 01-02, 01-03 = 4 business days late.
    report = corpus_report("1023844")
    (person,) = report.persons
    (filing,) = person.filings
    assert (filing.status, filing.due, filing.filed, filing.business_days_late) == ("late", "2019-12-27",
                                                                                   "2020-01-03", 4)
    assert "Glenn C. Worman filed one late Form 4 reporting one transaction" in report.disclosure()


def test_corpus_late_form3():
    # MiX Telematics: event 2020-04-01; day 10 is Saturday 04-11, so due Monday 04-13; filed
    # Thursday 04-16: 3 business days late, and a Form 3 not filed within 10 days.
    report = corpus_report("1576914", 2020)
    (person,) = report.persons
    assert (person.late_reports, person.late_transactions) == (1, 0)
    (filing,) = person.filings
    assert (filing.due, filing.filed, filing.business_days_late) == ("2020-04-13", "2020-04-16", 3)
    assert person.failures_to_file and "Form 3 not filed within 10 days" in person.failures_to_file[0]


def test_corpus_timely_form5_with_a_form4_purchase():
    # W. R. Berkley: a Form 5 for 2019 filed 2020-02-13, due 2020-02-14 (45 days after 2019-12-31):
    # timely, but it reports an open-market purchase (P) of 2019-12-11, which was due on a Form 4.
    report = corpus_report("11544")
    (person,) = report.persons
    (filing,) = person.filings
    assert (filing.status, filing.due, filing.filed) == ("timely", "2020-02-14", "2020-02-13")
    assert person.late_reports == 0 and person.late_transactions == 1
    assert "code P, 2019-12-11" in person.failures_to_file[0]


def test_corpus_timely_year_of_apple():
    report = corpus_report("320193")
    assert report.persons and not any(p.flagged for p in report.persons)
    assert all(f.filed_from == "EDGAR filing date" for p in report.persons for f in p.filings)
    assert "were complied with on a timely basis." in report.disclosure()

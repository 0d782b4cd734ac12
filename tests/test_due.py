"""`form16lint due`: due dates on the SEC calendar, the closed days passed over, and iCalendar output."""

from datetime import date
from pathlib import Path

import pytest

from form16lint.cli import main
from form16lint.due import form3_due, form4_due, form5_due, passed_over, planned_deadlines
from form16lint.errors import UsageError
from filings import nd_tx, ownership_xml

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_form4_over_memorial_day():
    deadline = form4_due(date(2024, 5, 24))  # Friday; Monday 2024-05-27 is Memorial Day
    assert deadline.due == date(2024, 5, 29)
    assert passed_over(deadline) == [(date(2024, 5, 25), "weekend"), (date(2024, 5, 26), "weekend"),
                                     (date(2024, 5, 27), "Memorial Day")]


def test_form4_over_the_sec_closure_of_christmas_eve_2019():
    deadline = form4_due(date(2019, 12, 20))
    assert deadline.due == date(2019, 12, 26)
    assert (date(2019, 12, 24), "SEC closed by executive order") in passed_over(deadline)


def test_form4_counts_from_the_deemed_execution_date():
    assert form4_due(date(2024, 3, 1), date(2024, 3, 5)).due == date(2024, 3, 7)


def test_form3_and_form5_calendar_deadlines_move_past_closed_days():
    form3 = form3_due(date(2024, 11, 18))  # day 10 is Thanksgiving, 2024-11-28
    assert form3.due == date(2024, 11, 29)
    assert passed_over(form3) == [(date(2024, 11, 28), "Thanksgiving Day")]
    form5 = form5_due(date(2022, 12, 31))  # day 45 is Tuesday 2023-02-14
    assert form5.due == date(2023, 2, 14) and passed_over(form5) == []
    assert form5_due(date(2023, 6, 30)).due == date(2023, 8, 14)  # day 45 is Monday 2023-08-14


def test_cli_answers_one_question(capsys):
    assert main(["due", "--form", "4", "--transaction-date", "2024-05-24"]) == 0
    out = capsys.readouterr().out
    assert "is due 2024-05-29 (Wednesday)" in out and "2024-05-27 Monday: Memorial Day" in out
    assert main(["due", "--form", "3", "--event-date", "2024-11-18"]) == 0
    assert "is due 2024-11-29" in capsys.readouterr().out
    assert main(["due", "--form", "5", "--fiscal-year-end", "2023-12-31"]) == 0
    assert "is due 2024-02-14" in capsys.readouterr().out


def test_cli_usage_errors_are_one_clear_line(capsys):
    assert main(["due", "--form", "4", "--event-date", "2024-01-02"]) == 2
    assert "--transaction-date" in capsys.readouterr().err
    assert main(["due"]) == 2
    assert main(["due", "--form", "4", "--transaction-date", "2001-05-01"]) == 2
    assert "before 2002-08-29" in capsys.readouterr().err


def test_ics_of_a_folder_of_filings_opens_as_a_calendar(tmp_path, capsys):
    import icalendar

    folder = tmp_path / "filings"
    folder.mkdir()
    (folder / "f4.xml").write_text(ownership_xml(nd_transactions=[nd_tx(date="2024-05-24"), nd_tx(date="2024-05-28")]))
    (folder / "f4a.xml").write_text(ownership_xml(document_type="4/A", original="2024-05-30",
                                                  nd_transactions=[nd_tx(date="2024-05-24")]))
    (folder / "bad.xml").write_text("<nothing/>")
    ics = tmp_path / "due.ics"
    assert main(["due", str(folder), "--ics", str(ics)]) == 1  # bad.xml gave no deadline: said, exit 1
    captured = capsys.readouterr()
    assert "bad.xml: no deadline" in captured.err
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [e.decoded("dtstart") for e in events] == [date(2024, 5, 29), date(2024, 5, 30)]
    assert all(str(e["summary"]).startswith("Form 4 due: DOE JANE") for e in events)
    assert len({str(e["uid"]) for e in events}) == 2


def test_ics_of_planned_transactions(tmp_path, capsys):
    import icalendar

    plan = tmp_path / "plan.csv"
    plan.write_text("form,date,person,issuer,description\n4,2024-05-24,Ana Rivera,Example Widgets,sale under plan\n"
                    "3,2024-11-18,Wei Chen,Example Widgets,appointed CFO\n5,2024-12-31,Raj Patel,Example Widgets,\n")
    ics = tmp_path / "plan.ics"
    assert main(["due", str(plan), "--ics", str(ics)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2024-05-29  Form 4") and out[1].startswith("2024-11-29  Form 3")
    assert out[2].startswith("2025-02-14  Form 5")
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert sorted(e.decoded("dtstart") for e in events) == [date(2024, 5, 29), date(2024, 11, 29), date(2025, 2, 14)]


def test_planned_csv_errors_name_the_file_and_line(tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text("form,date\n4,2024-13-01\n")
    with pytest.raises(UsageError, match=r"plan.csv:2: date '2024-13-01'"):
        planned_deadlines(str(plan))
    plan.write_text("who,when\nx,y\n")
    with pytest.raises(UsageError, match="plan.csv: the first line must name the columns"):
        planned_deadlines(str(plan))


def test_examples_folder(capsys):
    assert main(["due", str(EXAMPLES)]) == 0
    out = capsys.readouterr().out
    assert "2004-04-08  Form 4  transaction 2004-04-06  NOTINI ALBERT A" in out

"""The PDF reader's handling of what other layouts do to the printed form: values overflowing
narrow cells onto the next one, words broken at a hyphen, wrapped street lines, long signature
names, run-together table subtitles. The whole layouts are measured by ``benchmarks/zoo.py``."""

from __future__ import annotations

from form16lint.readers.pdf import (Line, Word, _fields_of, _overlaps_apart, _run_anchors, is_date_word,
                                    join_words, split_markers)
from form16lint.readers.printed_form import is_table_subtitle


def _chars(*runs):
    """Character dicts of strings drawn from x positions, 4 points a character."""
    out = []
    for text, x in runs:
        for index, char in enumerate(text):
            out.append({"text": char, "x0": x + 4 * index, "x1": x + 4 * index + 4})
    return out


def _word(chars):
    return {"text": "".join(c["text"] for c in chars), "x0": chars[0]["x0"], "x1": chars[-1]["x1"],
            "size": 6.5, "chars": chars}


def test_two_values_drawn_over_each_other_are_two_words():
    # "06/14/2020" overflows its cell and the next cell's date begins 2 points inside its last figure
    pieces = _overlaps_apart(_word(_chars(("06/14/2020", 100), ("06/14/2029", 138), ("Common", 176))))
    assert [text for text, _, _ in pieces] == ["06/14/2020", "06/14/2029", "Common"]
    assert pieces[1][1] == 138
    # a marker over the figure after it, a figure over a D/I column's letter
    assert [t for t, _, _ in _overlaps_apart(_word(_chars(("(3)", 50), ("2,106,272", 61))))] == ["(3)", "2,106,272"]
    assert [t for t, _, _ in _overlaps_apart(_word(_chars(("17,879,695", 10), ("I", 48))))] == ["17,879,695", "I"]


def test_letters_kerned_together_stay_one_word():
    chars = _chars(("AVERY", 10))
    chars[1]["x0"] -= 1.5  # "AV" kerned
    chars[1]["x1"] -= 1.5
    assert [t for t, _, _ in _overlaps_apart(_word(chars))] == ["AVERY"]


def _w(text, x0, top, size=8.0, page=1):
    return Word(text, x0, x0 + 5 * len(text), top, top + size, size, page)


def test_a_word_broken_at_a_hyphen_joins_the_next_line():
    words = [_w("/s/", 10, 100), _w("Jane", 30, 100), _w("Roe,", 60, 100), _w("attorney-", 90, 100),
             _w("in-fact", 10, 110)]
    assert join_words(words) == "/s/ Jane Roe, attorney-in-fact"
    # on one line a hyphen is kept with its space
    assert join_words([_w("Class", 10, 100), _w("A-", 50, 100), _w("1", 70, 100)]) == "Class A- 1"
    text, notes = split_markers([_w("2010-", 10, 100), _w("Seed", 10, 110), _w("Fund", 40, 110), _w("(1)", 70, 110)])
    assert (text, notes) == ("2010-Seed Fund", ["F1"])


def test_street_lines_at_the_fonts_leading_are_one_wrapped_street():
    def line(text, top):
        words = [_w(part, 10 + 40 * i, top) for i, part in enumerate(text.split())]
        return Line(words, 1, top, top + 8)

    wrapped = [line("C/O APPLIED MOLECULAR", 100), line("TRANSPORT INC.", 110), line("1 TOWER PLACE", 124)]
    assert [[ln.text for ln in field] for field in _fields_of(wrapped)] == [
        ["C/O APPLIED MOLECULAR", "TRANSPORT INC."], ["1 TOWER PLACE"]]
    separate = [line("2665 S. BAYSHORE DRIVE", 100), line("SUITE 901", 112.4)]
    assert len(_fields_of(separate)) == 2


def test_a_value_typed_past_its_box_stays_in_its_run():
    street = [_w("C/O", 90, 280), _w("MICROSOFT", 110, 280), _w("ONE", 160, 280), _w("WAY", 180, 280)]
    label = _w("Director", 400, 280)
    anchors = _run_anchors(street + [label])
    assert {anchors[id(w)] for w in street} == {street[0].center}
    assert anchors[id(label)] == label.center


def test_a_signature_dates_words():
    assert all(map(is_date_word, ["02/10/2022", "2022-02-10", "Feb.", "10,", "2022", "(1)", "May"]))
    assert not any(map(is_date_word, ["Ortiz", "LLC", "Signatory", "Member", ""]))


def test_table_subtitles_run_together():
    assert is_table_subtitle("(e.g., puts, calls, warrants, options, convertible securities)")
    assert is_table_subtitle("(e.g., puts, calls, warrants, options, convertible securities) (continued)")
    assert is_table_subtitle("(continued)")
    assert not is_table_subtitle("Stock Option (right to buy)")
    assert not is_table_subtitle("")

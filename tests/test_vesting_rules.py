"""V001-V005 fire on filings that break them and stay silent on clean ones."""

import pytest

from filings import d_holding, d_tx, ownership_xml

SEED_NOTE = ("The option will vest as to 25% of the shares on 04/06/2005. The remaining shares will then vest in "
             "equal monthly installments over the following thirty-six months.")
FOUR_ANNUAL = "The option vests in four equal annual installments beginning on the first anniversary of the grant date."


def grant(note, **row):
    """A Form 4 reporting one option grant whose date exercisable column references footnote F1."""
    fields = dict(date="2004-04-06", shares="2450000", under_shares="2450000", after="2450000",
                  exercise_price="3.99", exercisable=None, expiration="2014-04-06", notes={"exercisable": ["F1"]})
    fields.update(row)
    return ownership_xml(period=fields["date"], d_transactions=[d_tx(**fields)], footnotes={"F1": note},
                         signatures=(("/s/ Jane Doe", "2004-04-07"),))


@pytest.mark.parametrize("code", ["V001", "V002", "V003", "V004", "V005"])
def test_silent_on_the_seed_grant(codes_for, code):
    assert codes_for(grant(SEED_NOTE), code) == []


@pytest.mark.parametrize("code", ["V001", "V002", "V003", "V004", "V005"])
def test_silent_on_a_grant_whose_columns_agree(codes_for, code):
    xml = grant(FOUR_ANNUAL + " The option has a ten-year term.", exercisable="2005-04-06", expiration="2014-04-05")
    assert codes_for(xml, code) == []


def test_v001_exercisable_column_contradicts_first_vesting(codes_for):
    found = codes_for(grant(FOUR_ANNUAL, exercisable="2004-10-06"), "V001")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/exerciseDate"]
    message = found[0].message
    assert "10/06/2004" in message and "04/06/2005" in message and "footnote F1" in message
    assert "date exercisable (column 6)" in message


def test_v001_immediately_exercisable_expects_the_grant_date(codes_for):
    note = "The option is immediately exercisable and vests in 48 equal monthly installments beginning on May 6, 2004."
    assert codes_for(grant(note, exercisable="2004-04-06"), "V001") == []
    found = codes_for(grant(note, exercisable="2004-05-06"), "V001")
    assert len(found) == 1 and "immediately exercisable" in found[0].message and "04/06/2004" in found[0].message


def test_v002_schedule_short_of_100_percent(codes_for):
    note = "25% of the option vests on each of the first three anniversaries of the grant date."
    found = codes_for(grant(note), "V002")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/exerciseDate"]
    assert "75%" in found[0].message and "not 100%" in found[0].message


@pytest.mark.parametrize("note", [
    "The options vest with respect to 1/4 of such shares on April 6, 2005, with 1/48 of such shares vesting "
    "thereafter at the end of each full month of continuous service until fully vested.",
    "Stock options vest at a rate of 20% per year commencing on April 6, 2005."])
def test_v002_silent_where_the_text_goes_on_past_what_was_read(codes_for, note):
    assert codes_for(grant(note), "V002") == []


def test_v001_silent_when_the_footnote_points_to_the_column(codes_for):
    note = ("1/24th of the shares subject to the option became vested and exercisable on the Exercisable Date set "
            "forth above and 1/24th of the shares shall vest monthly thereafter.")
    assert codes_for(grant(note, exercisable="2004-02-05"), "V001") == []


def test_v002_schedule_ends_after_expiration(codes_for):
    found = codes_for(grant(SEED_NOTE, expiration="2007-04-06"), "V002")
    assert len(found) == 1
    assert "04/06/2008" in found[0].message and "04/06/2007" in found[0].message


def test_v002_share_counts_do_not_add_up(codes_for):
    note = "The award vests at a rate of 1,000 shares on each of May 15, 2005, May 15, 2006 and May 15, 2007."
    found = codes_for(grant(note, shares="4000", under_shares="4000", after="4000"), "V002")
    assert len(found) == 1 and "3,000 shares" in found[0].message and "4,000" in found[0].message
    assert codes_for(grant(note, shares="3000", under_shares="3000", after="3000"), "V002") == []


def test_v003_exercisable_column_before_grant(codes_for):
    found = codes_for(grant(FOUR_ANNUAL, exercisable="2003-04-06",
                            notes={"expiration": ["F1"]}), "V003")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/exerciseDate"]
    assert "04/06/2003" in found[0].message and "04/06/2004" in found[0].message and "366 days" in found[0].message  # 2004 is a leap year


def test_v003_footnote_vesting_before_grant(codes_for):
    found = codes_for(grant("The option vests in full on March 1, 2003."), "V003")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/exerciseDate"]
    assert "03/01/2003" in found[0].message and "04/06/2004" in found[0].message


def test_v003_silent_on_exercises_and_assumed_options(codes_for):
    # an exercise (M) reports the exercise date, not the grant date
    assert codes_for(grant("Fully vested.", code="M", ad="D", exercisable="2003-04-06"), "V003") == []
    assert codes_for(grant("Received in the merger in exchange for an option of the target.",
                           exercisable="2003-04-06"), "V003") == []


def test_v003_silent_on_an_award_whose_text_tells_of_vesting_before_the_grant(codes_for):
    note = ("1/24th of the shares subject to the option granted on March 3, 2020 became vested and exercisable on "
            "the Exercisable Date set forth above and 1/24th of the shares shall vest monthly thereafter.")
    xml = ownership_xml(document_type="3", d_holdings=[d_holding(exercisable="2020-02-05", expiration="2030-03-06",
                                                                 notes={"exercisable": ["F1"]})],
                        footnotes={"F1": note})
    assert codes_for(xml, "V003") == []


def test_v003_a_row_coded_a_but_disposed_is_no_grant(codes_for):
    # an exercise keyed with code A: its transaction date is no grant date to measure vesting from
    note = "The option vests as to 25% of the shares on January 1, 2023 and 6.25% quarterly thereafter."
    assert codes_for(grant(note, date="2025-12-08", ad="D"), "V003") == []


def test_v004_expiration_not_after_exercisable(codes_for):
    found = codes_for(grant(FOUR_ANNUAL, exercisable="2005-04-06", expiration="2005-04-06"), "V004")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/expirationDate"]
    assert "04/06/2005" in found[0].message and "date exercisable (column 6)" in found[0].message


def test_v004_expiration_before_the_first_vesting_date_in_the_footnote(codes_for):
    found = codes_for(grant(SEED_NOTE, expiration="2005-01-06"), "V004")
    assert len(found) == 1 and "first vesting date footnote F1 states, 04/06/2005" in found[0].message


def test_v004_expiration_on_grant_date(codes_for):
    xml = ownership_xml(d_transactions=[d_tx(date="2024-03-01", exercisable="2024-03-01", expiration="2024-03-01")])
    found = codes_for(xml, "V004")
    assert len(found) == 1 and "03/01/2024" in found[0].message


@pytest.mark.parametrize("title", ["Restricted Stock Units", "RSU", "Performance Share Units", "Phantom Stock"])
def test_v004_accepts_units_that_settle_when_they_vest(codes_for, title):
    # the convention for full-value units: the vesting date as both date exercisable and expiration
    settled = ownership_xml(d_transactions=[d_tx(title=title, code="M", ad="D", exercise_price=None,
                                                 exercisable="2020-02-01", expiration="2020-02-01", after="0")],
                            d_holdings=[d_holding(title=title, exercise_price=None, exercisable="2021-03-31",
                                                  expiration="2021-03-31")])
    assert codes_for(settled, "V004") == []
    earlier = ownership_xml(d_holdings=[d_holding(title=title, exercise_price=None, exercisable="2021-03-31",
                                                  expiration="2021-03-30")])
    assert len(codes_for(earlier, "V004")) == 1


def test_v004_knows_units_by_their_footnote(codes_for):
    xml = ownership_xml(d_transactions=[d_tx(title="Common Stock", exercise_price=None, shares="854",
                                             under_shares="854", after="854", exercisable="2021-02-01",
                                             expiration="2021-02-01", notes={"exercise_price": ["F1"]})],
                        footnotes={"F1": "Each restricted stock unit represents the right to receive, at settlement, "
                                         "one share of common stock."})
    assert codes_for(xml, "V004") == []


def test_v004_silent_on_holdings_with_good_dates(codes_for):
    assert codes_for(ownership_xml(d_holdings=[d_holding()]), "V004") == []


def test_v005_term_in_words_disagrees(codes_for):
    found = codes_for(grant(SEED_NOTE + " The option has a ten-year term.", expiration="2009-04-06"), "V005")
    assert [f.pointer for f in found] == ["/derivativeTransactions/0/expirationDate"]
    assert "10 years" in found[0].message and "04/06/2014" in found[0].message and "04/06/2009" in found[0].message


def test_v005_expires_years_after_grant_in_a_stated_grant(codes_for):
    note = "Represents RSUs that were granted on April 15, 2010. These RSUs have a term of 7 years."
    xml = ownership_xml(d_transactions=[d_tx(code="M", ad="D", date="2011-12-15", exercisable=None,
                                             expiration="2017-04-15", notes={"exercisable": ["F1"]})],
                        footnotes={"F1": note})
    assert codes_for(xml, "V005") == []
    wrong = xml.replace("2017-04-15", "2020-04-15")
    assert "04/15/2017" in codes_for(wrong, "V005")[0].message

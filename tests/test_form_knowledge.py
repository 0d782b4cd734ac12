"""The form's knowledge lives in one public module, and the rest of form16lint takes it from there."""

from datetime import date

from form16lint import fieldnames, form, issuer_map, model, values


def test_readers_rules_show_and_field_names_share_one_form_module():
    import form16lint.show as show
    import form16lint_rules.codes as codes

    assert fieldnames.COLUMNS is form.COLUMNS and fieldnames.TABLES is form.TABLES
    assert values.parse_date is form.parse_date
    assert model.plain_words is form.plain_words and model.FORM_TYPES is form.FORM_TYPES
    assert issuer_map.normal_ticker is form.normal_ticker
    assert codes.CODE_NAMES is form.CODE_NAMES and codes.ACQUIRE is form.ACQUIRE
    assert show.TITLES is form.STATEMENT_TITLES


def test_transaction_codes_and_the_direction_each_fixes():
    assert form.code_direction("P", "I") == "A" and form.code_direction("S", "II") == "D"
    assert form.code_direction("M", "I") == "A" and form.code_direction("M", "II") == "D"
    assert form.code_direction("G", "I") is None  # a gift goes either way
    assert "K" not in form.XML_CODES and "K" in form.PRINTED_CODES


def test_the_date_grammar_and_the_name_normalisers():
    assert form.parse_date("2004-04-06") == form.parse_date("4/6/04") == date(2004, 4, 6)
    assert form.parse_date("2023-02-30") is None
    assert form.MONTHS["sept"] == form.MONTHS["september"] == 9
    assert form.plain_words("By Fund IV, L.P.") == "fund iv lp"
    assert form.normal_ticker("brk-b") == form.normal_ticker("BRK.B")


def test_the_rulekit_and_the_readers_take_codes_dates_and_names_from_the_form_module():
    from form16lint.readers import extracted_text
    from form16lint.rulekit import amounts, identity, plans, vesting, when

    assert when.row_code is form.row_code and when.row_direction is form.row_direction
    assert vesting.MONTHS is form.MONTHS and plans.MONTHS is form.MONTHS and plans.parse_date is form.parse_date
    assert identity.normal_name is form.normal_name and identity.cik_key is form.cik_key
    assert amounts.plain_words is form.plain_words
    assert extracted_text._ACQUIRE is form.ACQUIRE and extracted_text._CODES == form.PRINTED_CODES
    assert form.normal_name("Sonus Networks, Inc.") == form.normal_name("SONUS NETWORKS INC")

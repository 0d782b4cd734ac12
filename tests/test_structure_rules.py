"""S002-S011 fire on filings that break them and stay silent on clean ones."""

import pytest

from filings import d_holding, d_tx, nd_holding, nd_tx, owner, ownership_xml


CLEAN = ownership_xml(nd_transactions=[nd_tx()])


@pytest.mark.parametrize("code", ["S002", "S003", "S004", "S005", "S006", "S007", "S008", "S009", "S010", "S011"])
def test_silent_on_clean_form4(codes_for, code):
    assert codes_for(CLEAN, code) == []


def test_s002_amendment_without_original_date(codes_for):
    found = codes_for(ownership_xml(document_type="4/A", nd_transactions=[nd_tx()]), "S002")
    assert [f.pointer for f in found] == ["/dateOfOriginalSubmission"]
    assert "amendment" in found[0].message and "box 4" in found[0].message


def test_s002_missing_issuer_cik_and_owner_cik(codes_for):
    xml = ownership_xml(issuer_cik=None, owners=[owner(cik=None)], nd_transactions=[nd_tx()])
    assert {f.pointer for f in codes_for(xml, "S002")} == {"/issuer/cik", "/reportingOwners/0/cik"}


def test_s003_impossible_date_and_bad_codes(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(date="2023-02-30", ad="B", di="X", shares="1,000")])
    found = {f.pointer: f.message for f in codes_for(xml, "S003")}
    assert set(found) == {"/nonDerivativeTransactions/0/transactionDate", "/nonDerivativeTransactions/0/acquiredDisposed",
                          "/nonDerivativeTransactions/0/directOrIndirect", "/nonDerivativeTransactions/0/shares"}
    assert "'2023-02-30' is not a real date" in found["/nonDerivativeTransactions/0/transactionDate"]
    assert "'1,000' is not a number" in found["/nonDerivativeTransactions/0/shares"]


def test_s003_boolean(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(swap="yes")])
    assert [f.pointer for f in codes_for(xml, "S003")] == ["/nonDerivativeTransactions/0/equitySwapInvolved"]


def test_s004_checkbox_under_old_schema_and_unknown_version(codes_for):
    assert [f.pointer for f in codes_for(ownership_xml(schema="X0306", aff10b5one=1, nd_transactions=[nd_tx()]),
                                         "S004")] == ["/aff10b5One"]
    assert [f.pointer for f in codes_for(ownership_xml(schema="X9999", nd_transactions=[nd_tx()]), "S004")] == [
        "/schemaVersion"]
    assert codes_for(ownership_xml(schema="X0508", aff10b5one=1, nd_transactions=[nd_tx()]), "S004") == []


def test_s005_form3_with_transactions_and_empty_form4(codes_for):
    found = {f.pointer: f for f in codes_for(ownership_xml(document_type="3", nd_transactions=[nd_tx()]), "S005")}
    assert "Form 3 reports holdings only" in found["/nonDerivativeTransactions/0"].message
    assert str(found["/noSecuritiesOwned"].severity) == "warning"  # and no holdings, box unchecked
    empty = codes_for(ownership_xml(), "S005")
    assert len(empty) == 1 and "no transactions and no holdings" in empty[0].message
    assert codes_for(ownership_xml(not_subject=1), "S005") == []
    assert codes_for(ownership_xml(nd_holdings=[nd_holding()]), "S005") == []  # EDGAR accepts holdings only


def test_s005_form5_flags_warn(codes_for):
    xml = ownership_xml(document_type="5", form3_holdings=1, form4_transactions=0,
                        nd_transactions=[nd_tx(code="G", form_type="4")])
    found = codes_for(xml, "S005")
    assert {f.pointer for f in found} == {"/form3HoldingsReported", "/form4TransactionsReported"}
    assert all(str(f.severity) == "warning" for f in found)


def test_s006_limits(codes_for):
    xml = ownership_xml(owners=[owner(title="Executive Vice President, Global Operations")],
                        nd_transactions=[nd_tx(shares="100.12345")])
    found = {f.pointer: f.message for f in codes_for(xml, "S006")}
    assert "at most 30" in found["/reportingOwners/0/relationship/officerTitle"]
    assert "5 decimal places" in found["/nonDerivativeTransactions/0/shares"]
    many = ownership_xml(nd_transactions=[nd_tx() for _ in range(31)])
    assert any("31 rows" in f.message for f in codes_for(many, "S006"))


def test_s007_direct_with_nature_and_indirect_without(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(di="D", nature="By trust")], nd_holdings=[nd_holding(di="I")])
    assert {f.pointer for f in codes_for(xml, "S007")} == {"/nonDerivativeTransactions/0/natureOfOwnership",
                                                           "/nonDerivativeHoldings/0/natureOfOwnership"}


def test_s008_both_amount_and_value(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(after_value="5000")], d_transactions=[d_tx(total_value="100")])
    found = {f.pointer for f in codes_for(xml, "S008")}
    assert found == {"/nonDerivativeTransactions/0/sharesOwnedFollowing", "/derivativeTransactions/0/shares"}


def test_s008_form3_derivative_holding_has_no_post_amount(codes_for):
    xml = ownership_xml(document_type="3", d_holdings=[d_holding(after=None)])
    assert codes_for(xml, "S008") == []


def test_s009_value_or_footnote(codes_for):
    xml = ownership_xml(d_transactions=[d_tx(exercisable=None, price=None)],
                        footnotes={"F1": "Vests in four equal annual installments."})
    assert {f.pointer for f in codes_for(xml, "S009")} == {"/derivativeTransactions/0/exerciseDate",
                                                           "/derivativeTransactions/0/pricePerShare"}
    ok = ownership_xml(d_transactions=[d_tx(exercisable=None, notes={"exercisable": ["F1"]})],
                       footnotes={"F1": "Vests in four equal annual installments."})
    assert codes_for(ok, "S009") == []


def test_s010_duplicate_owner(codes_for):
    xml = ownership_xml(owners=[owner(), owner(name="DOE JANE TRUST")], nd_transactions=[nd_tx()])
    found = codes_for(xml, "S010")
    assert [f.pointer for f in found] == ["/reportingOwners/1/cik"] and "0001000001" in found[0].message


def test_s011_timeliness_and_form_type(codes_for):
    xml = ownership_xml(document_type="5", nd_transactions=[nd_tx(code="G", form_type="5", timeliness="E")])
    assert [f.pointer for f in codes_for(xml, "S011")] == ["/nonDerivativeTransactions/0/timeliness"]
    xml = ownership_xml(nd_transactions=[nd_tx(form_type="5", timeliness="L")])
    assert [f.pointer for f in codes_for(xml, "S011")] == ["/nonDerivativeTransactions/0/formType"]
    # on a Form 4 a form-type-5 transaction is early by definition: blank or E
    xml = ownership_xml(nd_transactions=[nd_tx(code="G", form_type="5"), nd_tx(code="G", form_type="5", timeliness="E")])
    assert codes_for(xml, "S011") == []
    xml = ownership_xml(nd_holdings=[nd_holding(form_type="4")])
    assert [f.pointer for f in codes_for(xml, "S011")] == ["/nonDerivativeHoldings/0/formType"]


def test_s007_names_the_nature_column_of_its_table_and_form(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(di="I")], d_holdings=[d_holding(di="I")])
    messages = {f.pointer: f.message for f in codes_for(xml, "S007")}
    assert "(column 7, e.g." in messages["/nonDerivativeTransactions/0/natureOfOwnership"]
    assert "(column 11, e.g." in messages["/derivativeHoldings/0/natureOfOwnership"]
    form3 = ownership_xml(document_type="3", nd_holdings=[nd_holding(di="I")])
    message, = [f.message for f in codes_for(form3, "S007")]
    assert "(column 4, e.g." in message


def test_s003_negative_amounts_and_prices_are_invalid_in_edgar_xml(codes_for):
    xml = ownership_xml(nd_transactions=[nd_tx(shares="-100", price="-10.50", after="900")],
                        d_holdings=[d_holding(exercise_price="-1", after="-4000")])
    found = codes_for(xml, "S003")
    assert sorted(f.pointer for f in found) == [
        "/derivativeHoldings/0/conversionOrExercisePrice", "/derivativeHoldings/0/sharesOwnedFollowing",
        "/nonDerivativeTransactions/0/pricePerShare", "/nonDerivativeTransactions/0/shares"]
    assert all(str(f.severity) == "error" and "negative" in f.message for f in found)

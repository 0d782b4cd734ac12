"""Builders for the EDGAR ownership XML our tests lint: small, readable, ours.

    xml = ownership_xml(nd_transactions=[nd_tx(code="S", shares="100", ad="D", after="900")])

Every argument has a clean default, so a test states only what it is about. ``notes`` maps a
field name (as the builders name them) to footnote ids: ``nd_tx(price=None, notes={"price": ["F1"]})``.
"""

from __future__ import annotations

from xml.sax.saxutils import escape


def boxed(tag: str, value, notes=()) -> str:
    """``<tag><value>…</value><footnoteId id=…/></tag>``; nothing when value is None and no notes."""
    if value is None and not notes:
        return ""
    inner = f"<value>{escape(str(value))}</value>" if value is not None else ""
    inner += "".join(f'<footnoteId id="{note}"/>' for note in notes)
    return f"<{tag}>{inner}</{tag}>"


def owner(cik="0001000001", name="DOE JANE", director=0, officer=1, ten_percent=0, other=0,
          title="Chief Executive Officer", other_text=None, street="1 MAIN ST", city="SPRINGFIELD",
          state="IL", zip_code="62701") -> str:
    rel = (f"<isDirector>{director}</isDirector><isOfficer>{officer}</isOfficer>"
           f"<isTenPercentOwner>{ten_percent}</isTenPercentOwner><isOther>{other}</isOther>")
    if title is not None and officer:
        rel += f"<officerTitle>{escape(title)}</officerTitle>"
    if other_text is not None:
        rel += f"<otherText>{escape(other_text)}</otherText>"
    ident = f"<rptOwnerCik>{cik}</rptOwnerCik>" if cik else ""
    ident += f"<rptOwnerName>{escape(name)}</rptOwnerName>" if name else ""
    return (f"<reportingOwner>\n<reportingOwnerId>{ident}</reportingOwnerId>\n"
            f"<reportingOwnerAddress><rptOwnerStreet1>{street}</rptOwnerStreet1><rptOwnerCity>{city}"
            f"</rptOwnerCity><rptOwnerState>{state}</rptOwnerState><rptOwnerZipCode>{zip_code}"
            f"</rptOwnerZipCode></reportingOwnerAddress>\n"
            f"<reportingOwnerRelationship>{rel}</reportingOwnerRelationship>\n</reportingOwner>")


def _ownership(di, nature, notes) -> str:
    return ("<ownershipNature>" + boxed("directOrIndirectOwnership", di, notes.get("di", ()))
            + boxed("natureOfOwnership", nature, notes.get("nature", ())) + "</ownershipNature>")


def _post(after, after_value, notes) -> str:
    inner = (boxed("sharesOwnedFollowingTransaction", after, notes.get("after", ()))
             + boxed("valueOwnedFollowingTransaction", after_value, notes.get("after_value", ())))
    return f"<postTransactionAmounts>{inner}</postTransactionAmounts>" if inner else ""


def _coding(form_type, code, swap, notes) -> str:
    inner = f"<transactionFormType>{form_type}</transactionFormType>" if form_type is not None else ""
    inner += f"<transactionCode>{code}</transactionCode>" if code is not None else ""
    inner += f"<equitySwapInvolved>{swap}</equitySwapInvolved>" if swap is not None else ""
    inner += "".join(f'<footnoteId id="{n}"/>' for n in notes.get("code", ()))
    return f"<transactionCoding>{inner}</transactionCoding>"


def nd_tx(title="Common Stock", date="2024-03-01", code="S", shares="100", price="10.00", ad="D",
          after="900", after_value=None, di="D", nature=None, form_type="4", swap=0, timeliness=None,
          deemed=None, notes=None) -> str:
    notes = notes or {}
    return ("<nonDerivativeTransaction>\n"
            + boxed("securityTitle", title, notes.get("title", ()))
            + boxed("transactionDate", date, notes.get("date", ()))
            + boxed("deemedExecutionDate", deemed, notes.get("deemed", ()))
            + _coding(form_type, code, swap, notes)
            + (boxed("transactionTimeliness", timeliness) if timeliness else "")
            + "\n<transactionAmounts>"
            + boxed("transactionShares", shares, notes.get("shares", ()))
            + boxed("transactionPricePerShare", price, notes.get("price", ()))
            + boxed("transactionAcquiredDisposedCode", ad, notes.get("ad", ()))
            + "</transactionAmounts>\n"
            + _post(after, after_value, notes) + "\n"
            + _ownership(di, nature, notes)
            + "\n</nonDerivativeTransaction>")


def nd_holding(title="Common Stock", after="1000", after_value=None, di="D", nature=None, form_type=None,
               notes=None) -> str:
    notes = notes or {}
    coding = f"<transactionCoding><transactionFormType>{form_type}</transactionFormType></transactionCoding>" \
        if form_type else ""
    return ("<nonDerivativeHolding>\n" + boxed("securityTitle", title, notes.get("title", ())) + coding
            + _post(after, after_value, notes) + "\n" + _ownership(di, nature, notes) + "\n</nonDerivativeHolding>")


def _derivative_terms(price, exercisable, expiration, under_title, under_shares, under_value, notes) -> str:
    return (boxed("exerciseDate", exercisable, notes.get("exercisable", ()))
            + boxed("expirationDate", expiration, notes.get("expiration", ()))
            + "<underlyingSecurity>"
            + boxed("underlyingSecurityTitle", under_title, notes.get("under_title", ()))
            + boxed("underlyingSecurityShares", under_shares, notes.get("under_shares", ()))
            + boxed("underlyingSecurityValue", under_value, notes.get("under_value", ()))
            + "</underlyingSecurity>")


def d_tx(title="Stock Option (right to buy)", exercise_price="20.00", date="2024-03-01", code="A",
         shares="4000", total_value=None, price="0", ad="A", exercisable="2025-03-01",
         expiration="2034-03-01", under_title="Common Stock", under_shares="4000", under_value=None,
         after="4000", after_value=None, di="D", nature=None, form_type="4", swap=0, timeliness=None,
         deemed=None, notes=None) -> str:
    notes = notes or {}
    return ("<derivativeTransaction>\n"
            + boxed("securityTitle", title, notes.get("title", ()))
            + boxed("conversionOrExercisePrice", exercise_price, notes.get("exercise_price", ()))
            + boxed("transactionDate", date, notes.get("date", ()))
            + boxed("deemedExecutionDate", deemed, notes.get("deemed", ()))
            + _coding(form_type, code, swap, notes)
            + (boxed("transactionTimeliness", timeliness) if timeliness else "")
            + "\n<transactionAmounts>"
            + boxed("transactionShares", shares, notes.get("shares", ()))
            + boxed("transactionTotalValue", total_value, notes.get("total_value", ()))
            + boxed("transactionPricePerShare", price, notes.get("price", ()))
            + boxed("transactionAcquiredDisposedCode", ad, notes.get("ad", ()))
            + "</transactionAmounts>\n"
            + _derivative_terms(exercise_price, exercisable, expiration, under_title, under_shares,
                                under_value, notes) + "\n"
            + _post(after, after_value, notes) + "\n"
            + _ownership(di, nature, notes)
            + "\n</derivativeTransaction>")


def d_holding(title="Stock Option (right to buy)", exercise_price="20.00", exercisable="2025-03-01",
              expiration="2034-03-01", under_title="Common Stock", under_shares="4000", under_value=None,
              after="4000", after_value=None, di="D", nature=None, form_type=None, notes=None) -> str:
    notes = notes or {}
    coding = f"<transactionCoding><transactionFormType>{form_type}</transactionFormType></transactionCoding>" \
        if form_type else ""
    return ("<derivativeHolding>\n" + boxed("securityTitle", title, notes.get("title", ()))
            + boxed("conversionOrExercisePrice", exercise_price, notes.get("exercise_price", ())) + coding
            + _derivative_terms(exercise_price, exercisable, expiration, under_title, under_shares,
                                under_value, notes)
            + _post(after, after_value, notes) + "\n" + _ownership(di, nature, notes) + "\n</derivativeHolding>")


def ownership_xml(*, document_type="4", schema="X0508", period="2024-03-01", original=None,
                  not_subject=0, aff10b5one=None, no_securities=None, form3_holdings=None,
                  form4_transactions=None, issuer_cik="0000320193", issuer_name="Apple Inc.",
                  ticker="AAPL", owners=None, nd_transactions=(), nd_holdings=(), d_transactions=(),
                  d_holdings=(), footnotes=None, remarks=None, signatures=(("/s/ Jane Doe", "2024-03-04"),),
                  extra="") -> str:
    """A whole ownership document. ``footnotes`` maps id to text."""
    parts = ['<?xml version="1.0"?>', "<ownershipDocument>"]
    if schema is not None:
        parts.append(f"<schemaVersion>{schema}</schemaVersion>")
    if document_type is not None:
        parts.append(f"<documentType>{document_type}</documentType>")
    if period is not None:
        parts.append(f"<periodOfReport>{period}</periodOfReport>")
    if original is not None:
        parts.append(f"<dateOfOriginalSubmission>{original}</dateOfOriginalSubmission>")
    if no_securities is not None:
        parts.append(f"<noSecuritiesOwned>{no_securities}</noSecuritiesOwned>")
    if not_subject is not None:
        parts.append(f"<notSubjectToSection16>{not_subject}</notSubjectToSection16>")
    if form3_holdings is not None:
        parts.append(f"<form3HoldingsReported>{form3_holdings}</form3HoldingsReported>")
    if form4_transactions is not None:
        parts.append(f"<form4TransactionsReported>{form4_transactions}</form4TransactionsReported>")
    if aff10b5one is not None:
        parts.append(f"<aff10b5One>{aff10b5one}</aff10b5One>")
    issuer = ""
    issuer += f"<issuerCik>{issuer_cik}</issuerCik>" if issuer_cik is not None else ""
    issuer += f"<issuerName>{escape(issuer_name)}</issuerName>" if issuer_name is not None else ""
    issuer += f"<issuerTradingSymbol>{ticker}</issuerTradingSymbol>" if ticker is not None else ""
    parts.append(f"<issuer>{issuer}</issuer>")
    parts.extend(owners if owners is not None else [owner()])
    if nd_transactions or nd_holdings:
        parts.append("<nonDerivativeTable>")
        parts.extend(nd_transactions)
        parts.extend(nd_holdings)
        parts.append("</nonDerivativeTable>")
    if d_transactions or d_holdings:
        parts.append("<derivativeTable>")
        parts.extend(d_transactions)
        parts.extend(d_holdings)
        parts.append("</derivativeTable>")
    if footnotes:
        parts.append("<footnotes>")
        parts.extend(f'<footnote id="{key}">{escape(text)}</footnote>' for key, text in footnotes.items())
        parts.append("</footnotes>")
    if remarks is not None:
        parts.append(f"<remarks>{escape(remarks)}</remarks>")
    for name, signed in signatures:
        parts.append(f"<ownerSignature><signatureName>{escape(name)}</signatureName>"
                     f"<signatureDate>{signed}</signatureDate></ownerSignature>")
    parts.append(extra)
    parts.append("</ownershipDocument>")
    return "\n".join(parts) + "\n"

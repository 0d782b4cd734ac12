"""Filings as a PDF-to-text extraction writes them: one line per printed line, cells split by
tabs. Written for the tests, in the style of the seed filings but clean, so the text reader is
tested without the shared material. ``mangle`` adds the noise extraction adds to labels."""

from __future__ import annotations

T = "\t"


def lines(*rows) -> str:
    return "\n".join(T.join(row) if isinstance(row, tuple) else row for row in rows) + "\n"


FORM4 = lines(
    "FORM 4",
    "UNITED STATES SECURITIES AND EXCHANGE COMMISSION",
    "Washington, D.C. 20549",
    "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    ("1. Name and Address of Reporting Person*", "", "2. Issuer Name and Ticker or Trading Symbol ACME WIDGETS CORP [ACME]",
     "", "5. Relationship of Reporting Person(s) to Issuer (Check all applicable)"),
    ("DOE JANE Q", "", "", "", "X Director", "", "10% Owner"),
    ("", "", "", "", "X Officer (give title below)", "", "Other (specify below)"),
    ("(Last) (First) (Middle)", "", "3. Date of Earliest Transaction (Month/Day/Year)", "", "Chief Financial Officer"),
    ("100 MAIN STREET", "", "03/01/2024"),
    ("SUITE 5",),
    ("(Street)", "", "4. If Amendment, Date of Original Filed (Month/Day/Year)", "",
     "6. Individual or Joint/Group Filing (Check Applicable Line)"),
    ("SPRINGFIELD IL 62701", "", "", "", "X Form filed by One Reporting Person"),
    ("(City) (State) (Zip)", "", "", "", "Form filed by More than One Reporting Person"),
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    ("1. Title of Security (Instr. 3)", "2. Transaction Date (Month/Day/Year)", "2A. Deemed Execution Date",
     "3. Transaction Code (Instr. 8)", "4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)",
     "5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)",
     "6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)", "7. Nature of Indirect Beneficial Ownership (Instr. 4)"),
    ("", "", "", "Code", "V", "Amount", "(A) or (D)", "Price"),
    ("Common Stock", "03/01/2024", "", "S", "", "1,000", "D", "$12.50(1)", "9,000", "D"),
    ("Common Stock", "03/01/2024", "03/02/2024", "P", "", "500", "A", "$11.00", "2,500", "I", "By Trust ⁽²⁾"),
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    "(e.g., puts, calls, warrants, options, convertible securities)",
    ("1. Title of Derivative Security (Instr. 3)", "2. Conversion or Exercise Price", "3. Transaction Date",
     "3A. Deemed Execution Date", "4. Transaction Code (Instr. 8)", "", "5. Number of Derivative Securities", "",
     "6. Date Exercisable and Expiration Date", "", "7. Title and Amount of Underlying Securities (Instr. 3 and 4)"),
    ("", "", "", "", "Code", "V", "(A)", "(D)", "Date Exercisable", "Expiration Date", "Title", "Amount or Number of Shares"),
    ("Stock Option (right to buy)", "$10.00", "03/01/2024", "", "M", "", "", "1,000", "(3)", "03/01/2030",
     "Common Stock", "1,000", "$0", "4,000", "D"),
    "",
    "Explanation of Responses:",
    "1. Weighted average price; the prices ranged from $12.40 to $12.60.",
    "2. Held by the Doe Family Trust, of which the reporting person",
    "is a trustee.",
    "3. The option is fully vested.",
    "",
    "Remarks:",
    "Exhibit 24 - Power of Attorney",
    "",
    ("/s/ Jane Q. Doe", "03/04/2024"),
    ("** Signature of Reporting Person", "Date"),
)

FORM5 = lines(
    "FORM 5",
    "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    ("1. Name and Address of Reporting Person*", "", "2. Issuer Name and Ticker or Trading Symbol BETA HOLDINGS INC [BETA]",
     "", "5. Relationship of Reporting Person(s) to Issuer (Check all applicable)"),
    ("ROE RICHARD", "", "", "", "Director", "", "X 10% Owner"),
    ("", "", "", "", "Officer (give title below)", "", "X Other (specify below)"),
    ("(Last) (First) (Middle)", "", "3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)", "",
     "Member of a 13(d) group"),
    ("1 HARBOR WAY", "", "12/31/2022"),
    ("(Street)", "", "4. If Amendment, Date of Original Filed (Month/Day/Year)", "",
     "6. Individual or Joint/Group Filing (Check Applicable Line)"),
    ("BOSTON MA 02110", "", "", "", "Form filed by One Reporting Person"),
    ("(City) (State) (Zip)", "", "", "", "X Form filed by More than One Reporting Person"),
    "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    ("1. Title of Security (Instr. 3)", "2. Transaction Date (Month/Day/Year)", "3. Transaction Code (Instr. 8)",
     "4. Securities Acquired (A) or Disposed Of (D)", "5. Amount of Securities Beneficially Owned at end of "
     "Issuer's Fiscal Year (Instr. 3 and 4)", "6. Ownership Form", "7. Nature of Indirect Beneficial Ownership"),
    ("Common Stock", "11/20/2022", "G", "2,000", "D", "(1)", "48,000", "D"),
    ("Common Stock", "", "", "", "", "", "1,000", "I", "By IRA"),
    "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
    "",
    "Explanation of Responses:",
    "1. A gift to a charity; no consideration was received.",
    "",
    ("Richard Roe", "02/10/2023"),
    ("** Signature of Reporting Person", "Date"),
)

FORM3 = lines(
    "FORM 3",
    "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES",
    ("1. Name and Address of Reporting Person*", "", "2. Date of Event Requiring Statement (Month/Day/Year)", "",
     "3. Issuer Name and Ticker or Trading Symbol GAMMA BIO INC [GMMA]"),
    ("SMITH JOHN", "", "06/15/2023"),
    ("(Last) (First) (Middle)", "", "", "", "4. Relationship of Reporting Person(s) to Issuer (Check all applicable)"),
    ("9 ELM ROAD", "", "", "", "X Director", "", "10% Owner"),
    ("(Street)", "", "", "", "Officer (give title below)", "", "Other (specify below)"),
    ("AUSTIN TX 78701", "", "", "", "5. If Amendment, Date of Original Filed (Month/Day/Year)"),
    ("(City) (State) (Zip)", "", "", "", "6. Individual or Joint/Group Filing (Check Applicable Line)"),
    ("", "", "", "", "X Form filed by One Reporting Person"),
    "Table I - Non-Derivative Securities Beneficially Owned",
    ("1. Title of Security (Instr. 4)", "2. Amount of Securities Beneficially Owned (Instr. 4)",
     "3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)", "4. Nature of Indirect Beneficial Ownership (Instr. 5)"),
    ("Common Stock", "25,000", "D"),
    ("Common Stock", "1,200", "I", "By Spouse"),
    "Table II - Derivative Securities Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)",
    ("1. Title of Derivative Security (Instr. 4)", "2. Date Exercisable and Expiration Date (Month/Day/Year)",
     "3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)", "4. Conversion or Exercise Price",
     "5. Ownership Form", "6. Nature of Indirect Beneficial Ownership (Instr. 5)"),
    ("Stock Option (right to buy)", "(1)", "06/15/2033", "Common Stock", "10,000", "$4.25", "D"),
    "",
    "Explanation of Responses:",
    "1. The option vests in four equal annual installments from 06/15/2024.",
    "",
    ("/s/ John Smith", "06/20/2023"),
    ("** Signature of Reporting Person", "Date"),
)

# What extraction does to labels: split words, glued words, misread letters. Values are untouched.
NOISE = (
    ("Washington", "Machinatan"),
    ("Table I - Non-Derivative", "Tabl\te I - Non-Deriv\tative"),
    ("Table II - Derivative", "TableII -Deriv ative"),
    ("Name and Address of Reporting Person", "Name andAddress of Repor ting Person"),
    ("Issuer Name and Ticker or Trading Symbol", "Issuer Name and Tick er or TradingSymbol"),
    ("Relationship of Reporting", "Relation ship of Reporting"),
    ("Individual or Joint/Group Filing", "Individual orJoint/Group Fil ing"),
    ("Explanation of Responses", "Explana tion ofResponses"),
    ("Signature of Reporting Person", "Signa ture of Reporting Person"),
    ("Date of Earliest Transaction", "Date of Earli est Transac tion"),
    ("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", "STATE MENT OF CHANGES INBENEFICIAL OWNER SHIP"),
)


def mangle(text: str) -> str:
    for clean, noisy in NOISE:
        text = text.replace(clean, noisy)
    return text

"""The codes the core itself emits, declared here with their documentation.

Readers report E001 and E002 and the canonical JSON reader S001 (it has the document before the
model); the engine reports F001 when a rule raises and the suppression machinery F002. No pack
owns them: they are part of form16lint whatever packs are loaded or switched off, and the
registry (:mod:`form16lint.registry`) refuses a pack that declares one of them.
"""

from __future__ import annotations

from form16lint.findings import Severity
from form16lint.rule import Rule

CORE_PACK = "form16lint"  # the name the core's codes are listed under


class CoreCode(Rule):
    """A code the core reports: documented like a rule, never run over a filing."""

    pack = CORE_PACK


class FieldNotReadable(CoreCode):
    """A field of a PDF or text filing could not be read with confidence.

    ## What it checks
    Every field the PDF and extracted-text readers look for: form type, boxes 1 to 6, every
    column of every Table I and Table II row, footnotes and signature. When a label cannot be
    found, a value is cut short by the extraction (a street ending mid-word, a ZIP code with a
    stray character), a column holds no value where the form requires one, or a box could be
    read two ways, the reader says so here, naming the field in the form's words and the page.
    What it did read is kept, and every other rule still runs on it. Findings of this code come
    from the reader, not from a check over the model.

    ## Why it matters
    A linter that silently drops a field it could not read would let the rules that need that
    field stay quiet, and a clean report would be taken for a clean filing. Counsel must check
    such a field against the PDF by hand before relying on the report or filing with EDGAR.

    ## Failing example
    ```text
    (Street) WESTFO	ORD MA)1886 Zip)
    E001 reporting person 1, address, zipCode could not be read with confidence on page 1:
    the ZIP code reads ')1886', not five digits
    ```

    ## Passing example
    ```text
    (Street)
    WESTFORD MA 01886
    (City) (State) (Zip)
    ```
    """

    code = "E001"
    name = "unreadable-field"
    severity = Severity.WARNING


class UnreadableInput(CoreCode):
    """The file could not be read as a Form 3, 4 or 5.

    ## What it checks
    Every input file: XML that is not well-formed (with the line), a document that is not an
    ownership document, XML that declares entities or a document type (refused, never
    expanded), an encrypted or image-only PDF, a PDF or text that is not a filing, an empty or
    unopenable file. The message says why. The run goes on with the other files.

    ## Why it matters
    A file that cannot be read cannot be checked; saying so loudly keeps a broken file from
    passing a CI gate silently. EDGAR would reject the same file at submission.

    ## Failing example
    ```xml
    <ownershipDocument><documentType>4</documentType>
    ```

    ## Passing example
    ```xml
    <ownershipDocument><documentType>4</documentType>…</ownershipDocument>
    ```
    """

    code = "E002"
    name = "unreadable-input"
    severity = Severity.ERROR


class NotAFiling(CoreCode):
    """A file that is plainly not a filing was skipped.

    ## What it checks
    Every file no reader claims: when it does not look like a Form 3, 4 or 5 either (no
    ownership document's elements, no filing model keys, none of the printed form's labels; a
    note, `package.json`, `requirements.txt`, a web page, or a report or baseline form16lint
    wrote itself), it is skipped with this finding at info level. A file that looks like a
    filing but cannot be read, or that is binary data, is an E002 instead. Findings of this code
    come from the engine, not from a check over the model.

    ## Why it matters
    A pre-commit hook or a folder run meets ordinary files beside the filings. Failing the
    commit of a note would teach people to skip the hook; saying at info level that the file was
    not judged keeps the report honest without blocking.

    ## Failing example
    ```text
    notes.txt: Remember to ask the CFO about the March grant.
    ```

    ## Passing example
    ```text
    (a filing in one of the formats form16lint reads)
    ```
    """

    code = "E003"
    name = "not-a-filing"
    severity = Severity.INFO


class RuleCrashed(CoreCode):
    """A rule failed with an internal error; the other rules still ran.

    ## What it checks
    Nothing in the filing: it reports that a rule raised an exception on this file, naming the
    rule, its pack and the error. The other rules' findings are complete.

    ## Why it matters
    A crashing rule must not hide every other finding, nor pass silently: its findings for this
    file are missing, so the file has not been fully checked. Please report it to the rule's
    pack.

    ## Failing example
    ```text
    F001 rule B001 (balance-mismatch, from form16lint_rules) failed with an internal error: …
    ```

    ## Passing example
    ```text
    (no F001: every rule ran to its end)
    ```
    """

    code = "F001"
    name = "rule-crashed"
    severity = Severity.ERROR


class IneffectiveSuppression(CoreCode):
    """A suppression matched no finding, or gives no reason and so is not honoured.

    ## What it checks
    Every suppression: an XML comment `<!-- form16lint: ignore CODE reason: … -->` before an
    element, an entry of the canonical JSON's `suppressions` key, an `[[ignore]]` entry of
    `.form16lint-ignore.toml`. It reports one that gives no reason (it is not honoured), one
    that precedes no element, and one whose code no longer fires where it points (judged only
    when this run checks that code in that file).

    ## Why it matters
    A suppression records that someone reviewed a finding and accepted it; without the reason
    the next reviewer, or the SEC staff asking about a late or inconsistent Section 16 report,
    cannot tell why. A stale suppression would silently hide the same problem if it came back
    after the filing was corrected.

    ## Failing example
    ```xml
    <!-- form16lint: ignore S007 -->
    <nonDerivativeTransaction>…</nonDerivativeTransaction>
    ```

    ## Passing example
    ```xml
    <!-- form16lint: ignore S007 reason: nature of ownership explained in footnote F2 -->
    <nonDerivativeTransaction>…</nonDerivativeTransaction>
    ```
    """

    code = "F002"
    name = "ineffective-suppression"
    severity = Severity.WARNING


class SchemaViolation(CoreCode):
    """Extracted or canonical JSON does not follow the filing schema.

    ## What it checks
    JSON input (form16lint's canonical JSON, or JSON another tool extracted) is validated
    against `schemas/filing.schema.json` (JSON Schema 2020-12). Each violation is reported at
    its JSON pointer. The reader reports it; the other rules still run on what could be read.

    ## Why it matters
    The canonical JSON is the contract between form16lint and the tools around it. A value of
    the wrong type (an amount written as `"1,000"`, a date as `"4/6/04"`) would reach EDGAR as
    a malformed element and get the submission suspended (EDGAR Ownership XML Technical
    Specification, ch. 4).

    ## Failing example
    ```json
    {"documentType": "4", "periodOfReport": {"value": "04/06/2004"}}
    ```

    ## Passing example
    ```json
    {"documentType": "4", "periodOfReport": {"value": "2004-04-06"}}
    ```
    """

    code = "S001"
    name = "schema-violation"
    severity = Severity.ERROR


CORE_CODES = tuple(code() for code in (FieldNotReadable, UnreadableInput, NotAFiling, RuleCrashed,
                                       IneffectiveSuppression, SchemaViolation))

"""R — reporting person: the relationship boxes and the individual/joint filing box."""

from __future__ import annotations

from form16lint.fieldnames import box
from form16lint.findings import Severity, Violation
from form16lint.rule import FilingRule


def _who(owner, index: int) -> str:
    return f"reporting person {index + 1}" + (f" ({owner.name})" if owner.name else "")


class NoRelationshipChecked(FilingRule):
    """A reporting owner has no relationship box checked.

    ## What it checks
    Box 5 of each reporting person: at least one of Director, Officer, 10% Owner and Other
    must be checked. (When the XML carries no relationship element at all, S002 reports it.)

    Accepted variants: none: Forms 3, 4 and 5 ask for at least one relationship; a
    relationship element wholly missing is S002's finding.

    ## Why it matters
    Section 16(a) applies to a person only as a director, an officer or a more-than-10%
    beneficial owner of the issuer (Exchange Act Section 16(a)(1); Rule 16a-2); box 5 states
    which. A report that claims none of them does not say why the person files, and EDGAR
    requires at least one relationship (Technical Specification, ch. 4).

    ## Failing example
    ```xml
    <reportingOwner>
      <reportingOwnerRelationship>
        <isDirector>0</isDirector>
        <isOfficer>0</isOfficer>
        <officerTitle omit="true"/>
      </reportingOwnerRelationship>
    </reportingOwner>
    ```

    ## Passing example
    ```xml
    <reportingOwner>
      <reportingOwnerRelationship>
        <isDirector>1</isDirector>
        <isOfficer>0</isOfficer>
        <officerTitle omit="true"/>
      </reportingOwnerRelationship>
    </reportingOwner>
    ```
    """

    code = "R001"
    name = "no-relationship-checked"
    severity = Severity.ERROR

    def check(self, filing, context):
        for index, owner in enumerate(filing.reporting_owners):
            relation = owner.relationship
            if relation.any_checked or (not context.extracted and not relation.any_given):
                continue  # a checked box, or no relationship at all in the XML (S002's finding)
            yield Violation(f"/reportingOwners/{index}/relationship",
                            "{who} has none of the relationships checked in {box} (Director, Officer, 10% "
                            "Owner, Other); Section 16(a) reports are filed only as one of them; check each "
                            "box that applies",
                            arguments={"who": _who(owner, index), "box": box('relationship')},
                            identity=())


class RelationshipUndescribed(FilingRule):
    """Officer checked with no title, or Other checked with no description.

    ## What it checks
    Box 5 of each reporting person: when Officer is checked, the officer title ("give title
    below") must be filled in; when Other is checked, the description ("specify below").

    Accepted variants: any non-empty title or description, "See Remarks" included (the title
    then stands in the remarks).

    ## Why it matters
    The form asks for the title of an officer and the nature of an "other" relationship
    (box 5 of Forms 4 and 5, box 4 of Form 3); Rule 16a-1(f) makes an officer's status depend on the
    function, so the title is what a reader checks it against. EDGAR requires the text when
    the box is checked (Technical Specification, ch. 4).

    ## Failing example
    ```xml
    <reportingOwner>
      <reportingOwnerRelationship><officerTitle omit="true"/></reportingOwnerRelationship>
    </reportingOwner>
    ```

    ## Passing example
    ```xml
    <reportingOwner>
      <reportingOwnerRelationship>
        <officerTitle>Chief Financial Officer</officerTitle>
      </reportingOwnerRelationship>
    </reportingOwner>
    ```
    """

    code = "R002"
    name = "relationship-undescribed"
    severity = Severity.ERROR

    def check(self, filing, context):
        for index, owner in enumerate(filing.reporting_owners):
            relation = owner.relationship
            pointer = f"/reportingOwners/{index}/relationship"
            if relation.is_officer.value and not (relation.officer_title or "").strip():
                yield Violation(pointer + "/officerTitle",
                                "{who} is marked Officer but no officer title is given ({box}, 'give title "
                                "below')",
                                arguments={"who": _who(owner, index), "box": box('relationship')},
                                identity=())
            if relation.is_other.value and not (relation.other_text or "").strip():
                yield Violation(pointer + "/otherText",
                                "{who} is marked Other but the relationship is not described ({box}, 'specify "
                                "below')",
                                arguments={"who": _who(owner, index), "box": box('relationship')},
                                identity=())


class JointFilingBoxMismatch(FilingRule):
    """The individual/joint filing box disagrees with the number of reporting persons.

    ## What it checks
    Box 6 of the printed form ("Form filed by One Reporting Person" or "Form filed by More
    than One Reporting Person") against the number of reporting persons the form names. Only
    inputs that carry the box are checked (PDF and text); EDGAR XML has no such element, as
    EDGAR derives it from the owners listed.

    Accepted variants: EDGAR XML and JSON, which carry no such box (EDGAR derives it from
    the owners).

    ## Why it matters
    General Instruction 4(b)(v) of Forms 4 and 5 lets several persons file one joint form only
    when each is named; a form marked "one reporting person" that names two, or "more than
    one" that names one, leaves a reporting person's own filing obligation in doubt under Rule
    16a-3(j).

    ## Failing example
    ```json
    {"jointFiling": {"value": true}}
    ```

    ## Passing example
    ```json
    {"jointFiling": {"value": false}}
    ```
    """

    code = "R003"
    name = "joint-filing-box-mismatch"
    severity = Severity.ERROR
    reads = ("/reportingOwners", "/jointFiling")

    def check(self, filing, context):
        joint = filing.joint_filing.value
        if joint is None:
            return
        count = len(filing.reporting_owners)
        if joint and count == 1:
            yield Violation("/jointFiling", "box 6 says the form is filed by more than one reporting person, but "
                                            "it names only 1; check 'Form filed by One Reporting Person' or name "
                                            "the other persons")
        elif not joint and count > 1:
            yield Violation("/jointFiling", "box 6 says the form is filed by one reporting person, but it "
                                            "names {count}; check 'Form filed by More than One Reporting "
                                            "Person'",
                            arguments={"count": count})

"""The toolkit rules are written with: what the built-in pack reads out of a filing, for any pack.

Each module is public and documented; a third-party pack imports them as the built-in pack does
(the form's own facts, codes, columns, dates and names, are in :mod:`form16lint.form`):

- :mod:`~form16lint.rulekit.when`: the date a filing was (or will be) filed and where that date
  came from, a row's Form 4 deadline, the dates Section 16 rules took effect (Sarbanes-Oxley,
  Release 33-11138), gifts due on Form 4;
- :mod:`~form16lint.rulekit.amounts`: figures as counsel reads them ("4,051,557", "$10.25"), the
  key that groups rows of one security, the last decimal place a figure is given to;
- :mod:`~form16lint.rulekit.walk`: a filing walked once (every leaf and its JSON pointer), shared
  by all the rules of a run through ``RuleContext.shared``;
- :mod:`~form16lint.rulekit.footnote_refs`: every footnote reference, the references of a row,
  a footnote by id, the weighted-average price ranges a footnote states;
- :mod:`~form16lint.rulekit.identity`: the issuer's key across filings, tickers and their Nasdaq
  qualifiers, CIKs;
- :mod:`~form16lint.rulekit.plans`: what footnotes say about Rule 10b5-1 plans (under a plan,
  adoption dates, dates in prose);
- :mod:`~form16lint.rulekit.vesting`: a vesting schedule read out of a footnote's words, exactly
  or not at all.

Functions that take ``context`` share their reading through ``context.shared`` during a run and
compute it afresh without one.
"""

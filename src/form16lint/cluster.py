"""``--dask ADDRESS``: check filings on a ``dask.distributed`` cluster.

``local`` or ``local:N`` starts a local cluster of N worker processes (for a try-out); any other
address is a running scheduler's (``tcp://host:8786``), whose workers must see the same paths
(a shared file system); archive members are read here and their bytes sent to the workers.

1. **Filing rules, on the workers.** The inputs are cut into partitions; a task per partition
   reads and checks its filings and keeps, on its worker, the per-filing summaries the
   collection rules need. Only findings and headers come back here, a partition at a time.
2. **Shuffle, keyed by what each rule compares.** Each worker reports, per summary, a few
   dozen bytes: the issuer's name and CIK, the accession number, and digests of the reporting
   persons and of X002's outline. From those alone a :class:`ShufflePlan` keys every filing
   as one process keys it, once per rule (see :func:`grouping_of`): T004 by issuer, X001 by
   reporting person and issuer (whose securities it chains), X002 by accession number and
   outline. Whole groups go to buckets; each worker splits the summaries it holds by bucket in
   one task, and each rule runs bucket by bucket on the workers. A filing keyed by the CIK
   another filing gives its name visits that filing's buckets as a guest, so that they key the
   issuer as one process does; a guest's findings are dropped. No machine holds every summary,
   let alone the archive.
3. **Order.** Every summary keeps its place in the input order, so each bucket sees its filings
   in the order one process would; the findings are then sorted, filtered and fingerprinted
   here exactly as in one process, and the report is the same, in the same order.

Collection rules of other packs, whose summaries this module does not know, run in one task
over all their summaries. dask is imported only with ``--dask``.
"""

from __future__ import annotations

import copy
import hashlib
import heapq
import os
from dataclasses import replace
from itertools import islice

from form16lint.checking import Collected, Summarisers, check_input, crash_finding, split_rules

PARTITION = 128  # inputs per task
_WORKER_STATE: dict = {}


class ClusterError(Exception):
    """The cluster could not be reached or started."""


def connect(address: str):
    """A dask Client for ``address``; ``local``/``local:N`` starts a LocalCluster of N processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--dask needs dask.distributed: pip install 'form16lint[dask]'") from None
    if address == "local" or address.startswith("local:"):
        count = address.partition(":")[2]
        try:
            workers = int(count) if count else (os.cpu_count() or 1)
        except ValueError:
            raise ClusterError(f"--dask {address!r}: write local:N with N a number of workers") from None
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster)
    try:
        return Client(address, timeout="20s")
    except OSError as error:
        raise ClusterError(f"cannot reach the dask scheduler at {address}: {error}") from None


# -- on the workers --------------------------------------------------------------------------------

def _state(run: str, settings, options):
    """The loaded plugins and rules of run ``run`` in this worker, loaded once per run."""
    if _WORKER_STATE.get("run") != run:
        from form16lint.plugins import load_plugins

        plugins = load_plugins()
        filing_rules, collection_rules = split_rules(plugins.all_rules(), settings)
        _WORKER_STATE.update(run=run, state=(plugins, filing_rules, Summarisers(collection_rules), options))
    return _WORKER_STATE["state"]


def check_partition(run: str, number: int, items: list, settings, options, keep_documents=False) -> dict:
    """Read and check one partition; findings and headers go back, summaries stay here."""
    plugins, filing_rules, summarisers, options = _state(run, settings, options)
    collected = Collected()
    for item in items:
        collected.add(check_input(plugins, item, filing_rules, summarisers, options, keep_documents))
    return {"findings": collected.findings, "headers": collected.headers, "failed": collected.failed,
            "summaries": [[((number, position), summary) for position, summary in enumerate(group)]
                          for group in collected.summaries]}


def report_part(part: dict) -> tuple:
    return part["findings"], part["headers"], part["failed"]


def summaries_of(part: dict) -> list:
    """What the worker keeps of a partition once its report is taken: per summariser, the
    ((partition, position), summary) pairs."""
    return part["summaries"]


def shuffle_facts(part: list, group: int) -> list:
    """What the shuffle plan needs of each summary of the group, a few dozen bytes a filing:
    (position, issuer name, issuer CIK, accession number, reporting persons, outline), the
    names normalised as the rules normalise them, the persons and the outline as digests."""
    from form16lint.rulekit.identity import cik_key, normal_name
    from form16lint_rules.across_filings import _owners_key

    facts = []
    for (_, position), summary in _group(part, group):
        filing = summary.filing
        owners = _owners_key(filing)
        facts.append((position, normal_name(filing.issuer.name), cik_key(filing.issuer.cik),
                       filing.metadata.accession_number, _digest(owners) if owners else None,
                       _digest(summary.outline)))
    return facts


def _digest(value) -> bytes:
    """16 bytes that are equal for equal values, in any process (sets are written sorted)."""
    return hashlib.blake2b(repr(_stable(value)).encode(), digest_size=16).digest()


def _stable(value):
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted(repr(_stable(item)) for item in value)))
    if isinstance(value, tuple):
        return tuple(_stable(item) for item in value)
    return value


def split_summaries(parts: list, group: int, buckets: int, routes: list[dict]) -> list[list]:
    """The summaries of the group of the partitions one worker holds, split by bucket.
    ``routes``: per partition, position -> (the bucket the summary belongs to or None, the
    buckets it visits as a guest)."""
    split: list[list] = [[] for _ in range(buckets)]
    for part, part_routes in zip(parts, routes):
        for order, summary in _group(part, group):
            bucket, guest_of = part_routes.get(order[1], (None, ()))
            if bucket is not None:
                split[bucket].append((order, summary, False))
            for other in guest_of:
                split[other].append((order, summary, True))
    return split


def run_bucket(pieces: list, rules, options) -> list:
    """The collection rules over one bucket's summaries, in input order. A guest is there only
    so that the rules key the others as one process keys them: its findings are not kept."""
    from form16lint.engine import run_collection_rule
    from form16lint.rule import CheckedDocuments

    items = sorted((item for piece in pieces for item in piece), key=lambda item: item[0])
    members = [summary for _, summary, guest in items if not guest]
    if not members:
        return []
    summaries = CheckedDocuments(_as_guest(summary, number) if guest else summary
                                 for number, (_, summary, guest) in enumerate(items))
    findings = []
    for rule in rules:
        for finding in run_collection_rule(rule, summaries, options):
            if not finding.path.startswith(GUEST):
                findings.append(finding)
            elif finding.code == "F001":  # the rule crashed on this bucket: say so on a filing of it
                findings.append(replace(finding, path=members[0].path))
    return findings


GUEST = "\0guest:"


def _as_guest(summary, number: int):
    guest = copy.copy(summary)
    guest.path = f"{GUEST}{number}"
    return guest


def _group(part: list, group: int) -> list:
    return part[group] if group < len(part) else []


def _whole_group(part: list, group: int) -> list:
    return [(order, summary, False) for order, summary in _group(part, group)]

# -- here ------------------------------------------------------------------------------------------

ISSUER, PERSON, COPIES = "issuer", "person", "copies"


def grouping_of(rule) -> str | None:
    """How a built-in collection rule groups filings: what its shuffle is keyed by (None: a rule
    this module does not know, which sees all the summaries in one task).

    - T004 compares the tickers of one issuer: keyed by issuer (its CIK, else the CIK another
      filing gives for the same name, else the name), as the rule keys issuers.
    - X002 compares accession numbers across the run, and contents among filings of one outline
      (form, issuer, period, reporting persons, table sizes): keyed by the filings joined by
      one accession number or one outline.
    - X001 chains one reporting person's balances of one security of one issuer, and counts the
      breaks over all the person's securities of that issuer (one break is a warning, several
      are info), and leaves out the filings X002 reports: keyed by reporting person and issuer,
      joined with X002's key. The security cannot split it further without changing severities.
    """
    from form16lint_rules.across_filings import CarriedBalanceMismatch, DuplicateFiling
    from form16lint_rules.ticker import IssuerTickersDiffer

    return {IssuerTickersDiffer: ISSUER, CarriedBalanceMismatch: PERSON, DuplicateFiling: COPIES}.get(type(rule))


class _Components:
    """Union-find over hashable keys."""

    def __init__(self):
        self.parent: dict = {}

    def find(self, key):
        parent = self.parent
        root = parent.setdefault(key, key)
        while root != parent[root]:
            root = parent[root]
        while key != root:
            parent[key], key = root, parent[key]
        return root

    def join(self, one, other) -> None:
        self.parent[self.find(one)] = self.find(other)


class ShufflePlan:
    """Where each summary goes for each grouping, fixed here from the facts alone (a few dozen
    bytes a filing; no summary comes here). ``facts``: (order, issuer name, issuer CIK,
    accession number, reporting persons, outline) per summary, as :func:`shuffle_facts` gives
    them with the order (partition, position) in front."""

    def __init__(self, facts: list):
        facts = sorted(facts, key=lambda fact: fact[0])
        self.orders = [fact[0] for fact in facts]
        first_with_cik: dict[str, int] = {}  # name -> the first filing that gives it with a CIK
        for index, (_, name, cik, *_) in enumerate(facts):
            if cik and name:
                first_with_cik.setdefault(name, index)
        self.witness: dict[int, int] = {}  # a filing keyed by the CIK another filing gives its name
        issuers: list = []
        for index, (_, name, cik, *_) in enumerate(facts):
            key = cik
            if not key and name in first_with_cik:
                key = facts[first_with_cik[name]][2]
                self.witness[index] = first_with_cik[name]
            issuers.append(key or (f"name:{name}" if name else None))
        copies = _Components()
        for index, (_, _, _, accession, _, outline) in enumerate(facts):
            if accession:
                copies.join(("outline", outline), ("accession", accession))
        copy_keys = [copies.find(("outline", fact[5])) for fact in facts]
        persons = _Components()
        for index, fact in enumerate(facts):
            if fact[4] is not None and issuers[index] is not None:
                persons.join(("copies", copy_keys[index]), ("person", fact[4], issuers[index]))
        self.keys = {ISSUER: issuers, COPIES: copy_keys,
                     PERSON: [persons.find(("copies", key)) for key in copy_keys]}

    def routes(self, grouping: str, buckets: int) -> tuple[int, list[dict]]:
        """(number of buckets, per partition: position -> (bucket or None, guest buckets)).
        Whole groups go to buckets, the largest first, each to the least loaded; a filing whose
        issuer is keyed by the CIK another filing gives its name visits that filing's bucket
        too, as a guest, so that the bucket keys the issuer as one process does."""
        keys = self.keys[grouping]
        sizes: dict = {}
        for key in keys:
            if key is not None:
                sizes[key] = sizes.get(key, 0) + 1
        count = max(1, min(buckets, len(sizes)))
        loads = [(0, bucket) for bucket in range(count)]
        bucket_of: dict = {}
        for key, size in sorted(sizes.items(), key=lambda item: -item[1]):  # stable: first seen first
            load, bucket = heapq.heappop(loads)
            bucket_of[key] = bucket
            heapq.heappush(loads, (load + size, bucket))
        placed = [bucket_of.get(key) for key in keys]
        guests: dict[int, set] = {}
        if grouping != COPIES:  # X002 keys no issuer
            for index, witness in self.witness.items():
                if placed[index] is not None and placed[witness] != placed[index]:
                    guests.setdefault(witness, set()).add(placed[index])
        by_part: dict[int, dict] = {}
        for index, ((number, position), bucket) in enumerate(zip(self.orders, placed)):
            guest_of = tuple(sorted(guests.get(index, ())))
            if bucket is not None or guest_of:
                by_part.setdefault(number, {})[position] = (bucket, guest_of)
        return count, by_part


def lint_on_cluster(client, inputs, plugins, settings, options, progress=None, keep_documents=False):
    """The LintResult of the run, computed on the cluster; the same as one process's."""
    import uuid

    from form16lint.config import known_codes
    from form16lint.engine import LintResult, finish

    rules = plugins.all_rules()
    _, collection_rules = split_rules(rules, settings)
    summarisers = Summarisers(collection_rules)
    run = uuid.uuid4().hex
    window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
    parts = []  # futures of the partitions' summaries, kept on the workers until the shuffle
    in_flight = []  # futures of (findings, headers, failed), in partition order
    findings, headers = [], []
    failures = [[] for _ in summarisers.rules]
    items = iter(inputs)

    def take(report) -> None:
        part_findings, part_headers, failed = report.result()
        findings.extend(part_findings)
        headers.extend(part_headers)
        for index, group in enumerate(failed):
            failures[index].extend(group)
        if progress is not None:
            progress(len(part_headers))

    while batch := list(islice(items, PARTITION)):
        part = client.submit(check_partition, run, len(parts), batch, settings, options, keep_documents,
                             pure=False)
        parts.append(client.submit(summaries_of, part, pure=False))
        in_flight.append(client.submit(report_part, part, pure=False))
        del part  # the partition's findings and headers leave the worker once they are here
        if len(in_flight) >= window:  # read no further ahead than the workers can take
            take(in_flight.pop(0))
    for report in in_flight:
        take(report)
    del in_flight
    findings.extend(_collection_on_cluster(client, parts, summarisers, failures, options))
    del parts
    findings = finish(findings, settings, headers, known_codes(rules))
    return LintResult(documents=headers, findings=findings, rules=rules, notes=list(plugins.load_errors))


def _collection_on_cluster(client, parts, summarisers, failures, options) -> list:
    from form16lint_rules.across_filings import summarize_filing

    buckets = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    findings, tasks = [], []
    for group, rules in enumerate(summarisers.rules):
        for rule in rules:
            findings.extend(crash_finding(rule, failure, failure.error) for failure in failures[group])
        plan = None
        if summarisers.functions[group] is summarize_filing and any(grouping_of(rule) for rule in rules):
            facts = [((number, position), *rest)
                     for number, part_facts in enumerate(client.gather(
                         [client.submit(shuffle_facts, part, group, pure=False) for part in parts]))
                     for position, *rest in part_facts]
            plan = ShufflePlan(facts)
            del facts
        whole = [rule for rule in rules if plan is None or grouping_of(rule) is None]
        holders = _holders(client, parts) if plan is not None else {}
        if whole:  # rules this module does not know: every summary of the group in one task
            pieces = [client.submit(_whole_group, part, group, pure=False) for part in parts]
            tasks.append(client.submit(run_bucket, pieces, whole, options, pure=False))
        for rule in rules:
            if rule in whole:
                continue
            count, by_part = plan.routes(grouping_of(rule), buckets)
            splits = [client.submit(split_summaries, [parts[number] for number in numbers], group, count,
                                    [by_part.get(number, {}) for number in numbers], pure=False,
                                    workers=None if holder is None else [holder], allow_other_workers=True)
                      for holder, numbers in holders.items()]
            tasks.extend(client.submit(run_bucket, [client.submit(_piece, split, bucket, pure=False)
                                                    for split in splits], [rule], options, pure=False)
                         for bucket in range(count))
    for bucket_findings in client.gather(tasks):
        findings.extend(bucket_findings)
    return findings


def _piece(split: list, bucket: int) -> list:
    return split[bucket]


def _holders(client, parts) -> dict:
    """worker address -> the numbers of the partitions it holds (None: not known), so that each
    worker splits what it holds in one task: workers x buckets pieces a rule, not partitions x
    buckets."""
    who = client.who_has(parts)
    holders: dict = {}
    for number, part in enumerate(parts):
        where = sorted(who.get(getattr(part, "key", None)) or ())
        holders.setdefault(where[0] if where else None, []).append(number)
    return holders

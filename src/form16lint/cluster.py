"""``--dask ADDRESS``: check filings on a ``dask.distributed`` cluster.

``local`` or ``local:N`` starts a local cluster of N worker processes (for a try-out); any other
address is a running scheduler's (``tcp://host:8786``), whose workers must see the same paths
(a shared file system); archive members are read here and their bytes sent to the workers.

1. **Filing rules, on the workers.** The inputs are cut into partitions; a task per partition
   reads and checks its filings and keeps, on its worker, the per-filing summaries the
   collection rules need. Only findings and headers come back here, a partition at a time.
2. **Shuffle.** Each worker reports, per summary, the issuer's name, CIK and accession number;
   from those (a few dozen bytes a filing) the issuer key of every filing is fixed as one
   process fixes it (its CIK, else the CIK another filing gives for the same name, else the
   name), issuers that share an accession number are joined, and each summary is sent to the
   bucket of its issuer. T004 groups by issuer, X001 by reporting person, issuer and security,
   X002 compares filings with one outline (which holds the issuer) or one accession number: each
   group lies whole in one bucket, so the rules run bucket by bucket, on the workers, and no
   machine holds every summary, let alone the archive.
3. **Order.** Every summary keeps its place in the input order, so each bucket sees its filings
   in the order one process would; the findings are then sorted, filtered and fingerprinted
   here exactly as in one process, and the report is the same, in the same order.

Collection rules of other packs, whose summaries this module does not know, run in one task
over all their summaries. dask is imported only with ``--dask``.
"""

from __future__ import annotations

import os
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


def issuer_facts(part: dict, group: int) -> list:
    """(order, normalised issuer name, CIK key, accession number) per summary of the group."""
    from form16lint_rules._identity import cik_key, normal_name

    facts = []
    for order, summary in _group(part, group):
        issuer, metadata = summary.filing.issuer, summary.filing.metadata
        facts.append((order, normal_name(issuer.name), cik_key(issuer.cik), metadata.accession_number))
    return facts


def bucket_of(part: dict, group: int, buckets: int, keys: dict) -> list[list]:
    """The partition's summaries of the group, split by bucket (``keys``: position -> key)."""
    split: list[list] = [[] for _ in range(buckets)]
    for order, summary in _group(part, group):
        split[keys.get(order[1], 0) % buckets].append((order, summary))
    return split


def run_bucket(pieces: list, rules, options) -> list:
    """The collection rules over one bucket's summaries, in input order."""
    from form16lint.engine import run_collection_rule
    from form16lint.rule import CheckedDocuments

    summaries = CheckedDocuments(summary for _, summary in sorted(
        (item for piece in pieces for item in piece), key=lambda item: item[0]))
    findings = []
    for rule in rules:
        findings.extend(run_collection_rule(rule, summaries, options))
    return findings


def _group(part: dict, group: int) -> list:
    groups = part["summaries"]
    return groups[group] if group < len(groups) else []


# -- here ------------------------------------------------------------------------------------------

def shard_keys(facts: list) -> dict:
    """order -> bucket key (a small integer per issuer component), as one process keys issuers."""
    facts.sort(key=lambda fact: fact[0])
    cik_by_name: dict[str, str] = {}
    for _, name, cik, _ in facts:
        if cik and name:
            cik_by_name.setdefault(name, cik)
    parent: dict = {}

    def find(key):
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    issuer_of: dict = {}
    by_accession: dict[str, object] = {}
    for order, name, cik, accession in facts:
        issuer = cik or cik_by_name.get(name) or (f"name:{name}" if name else None)
        issuer_of[order] = issuer
        find(issuer)
        if accession:
            other = by_accession.setdefault(accession, issuer)
            parent[find(issuer)] = find(other)
    numbers: dict = {}
    return {order: numbers.setdefault(find(issuer), len(numbers)) for order, issuer in issuer_of.items()}


def lint_on_cluster(client, inputs, plugins, settings, options, progress=None, keep_documents=False):
    """The LintResult of the run, computed on the cluster; the same as one process's."""
    import uuid

    from form16lint.engine import LintResult, finish

    rules = plugins.all_rules()
    _, collection_rules = split_rules(rules, settings)
    summarisers = Summarisers(collection_rules)
    run = uuid.uuid4().hex
    window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
    parts = []  # futures of the partitions, kept on the workers until the shuffle
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
        parts.append(part)
        in_flight.append(client.submit(report_part, part, pure=False))
        if len(in_flight) >= window:  # read no further ahead than the workers can take
            take(in_flight.pop(0))
    for report in in_flight:
        take(report)
    del in_flight
    findings.extend(_collection_on_cluster(client, parts, summarisers, failures, options))
    del parts
    findings = finish(findings, settings, headers)
    return LintResult(documents=headers, findings=findings, rules=rules, notes=list(plugins.load_errors))


def _collection_on_cluster(client, parts, summarisers, failures, options) -> list:
    from form16lint_rules.across_filings import summarize_filing

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    findings = []
    for group, rules in enumerate(summarisers.rules):
        for rule in rules:
            findings.extend(crash_finding(rule, failure, failure.error) for failure in failures[group])
        if summarisers.functions[group] is summarize_filing:
            facts = [fact for part_facts in client.gather([client.submit(issuer_facts, part, group, pure=False)
                                                           for part in parts]) for fact in part_facts]
            keys = shard_keys(facts)
            buckets = min(max(1, len(set(keys.values()))), 2 * workers)
            by_part: list[dict] = [{} for _ in parts]
            for (number, position), key in keys.items():
                by_part[number][position] = key
            del keys, facts
            splits = [client.submit(bucket_of, part, group, buckets, part_keys, pure=False)
                      for part, part_keys in zip(parts, by_part)]
            tasks = [client.submit(run_bucket, [client.submit(_piece, split, bucket, pure=False) for split in splits],
                                   rules, options, pure=False) for bucket in range(buckets)]
        else:  # another pack's summaries: one bucket for all
            pieces = [client.submit(_whole_group, part, group, pure=False) for part in parts]
            tasks = [client.submit(run_bucket, pieces, rules, options, pure=False)]
        for bucket_findings in client.gather(tasks):
            findings.extend(bucket_findings)
    return findings


def _piece(split: list, bucket: int) -> list:
    return split[bucket]


def _whole_group(part: dict, group: int) -> list:
    return _group(part, group)

"""Fuzzing in the suite: hypothesis mutates real filings (the shared corpus when present, else the
examples) and fixtures in each input format, and every mutant must come through the run with no
exception escaping, no F001 and a bounded time. ``benchmarks/fuzz.py`` runs the same for
100,000 inputs and more."""

from __future__ import annotations

import random

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from fuzzing import mutate, run_one, seeds  # noqa: E402
from form16lint.engine import split_rules  # noqa: E402
from form16lint.limits import ReadLimits  # noqa: E402
from form16lint.rule import RunOptions  # noqa: E402
from form16lint.settings import Settings  # noqa: E402

SECONDS_PER_FILE = 10  # far above any real filing's time, far below a hang
SEEDS = seeds(corpus_sample=30)
TEXT_SEEDS = [seed for seed in SEEDS if not seed.name.endswith(".pdf")]
PDF_SEEDS = [seed for seed in SEEDS if seed.name.endswith(".pdf")]
OPTIONS = RunOptions(limits=ReadLimits(time_limit=SECONDS_PER_FILE))


@pytest.fixture(scope="module")
def rules(plugins):
    return split_rules(plugins.all_rules(), Settings())[0]


def _check(plugins, rules, tmp_path, seed, choices):
    data = seed.data
    rng = random.Random(choices[0])
    for _ in range(choices[1]):
        data = mutate(data, rng, SEEDS)
    outcome = run_one(plugins, rules, tmp_path / f"mutant-{seed.name}", data, OPTIONS)
    assert outcome.escaped is None, (seed.name, choices, outcome.escaped)
    assert not outcome.f001, (seed.name, choices, outcome.f001)
    assert outcome.seconds < SECONDS_PER_FILE + 2, (seed.name, choices, outcome.seconds)


@settings(max_examples=250, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.sampled_from(TEXT_SEEDS), choices=st.tuples(st.integers(0, 2**32), st.integers(1, 4)))
def test_mutated_xml_submissions_json_and_text_never_crash(plugins, rules, tmp_path, seed, choices):
    _check(plugins, rules, tmp_path, seed, choices)


@pytest.mark.skipif(not PDF_SEEDS, reason="no PDF seed: reportlab is not installed (pip install -e '.[test]')")
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.sampled_from(PDF_SEEDS or [None]), choices=st.tuples(st.integers(0, 2**32), st.integers(1, 3)))
def test_mutated_pdfs_never_crash(plugins, rules, tmp_path, seed, choices):
    _check(plugins, rules, tmp_path, seed, choices)


def test_the_seeds_cover_every_input_format():
    suffixes = {seed.name.rsplit(".", 1)[-1] for seed in SEEDS}
    names = " ".join(seed.name for seed in SEEDS)
    assert {"xml", "txt", "json"} <= suffixes and "submission" in names and "form4.txt" in names

"""The real pre-commit runs this repository's hook: it passes on clean filings, fails on a broken one.

pre-commit installs the hook from a git repository, so the test commits a copy of the working
tree (tracked and new files, as they are now) and points ``pre-commit try-repo`` at it. It needs
PyPI for the hook's dependencies, and is skipped when git or pre-commit is missing.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from filings import nd_tx, ownership_xml

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True)


def _pre_commit() -> list[str]:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    listed = _git("ls-files", "--cached", "--others", "--exclude-standard", cwd=ROOT).stdout.splitlines()
    copy = tmp_path_factory.mktemp("hook-source")
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    _git("init", "-q", cwd=copy)
    _git("add", "-A", cwd=copy)
    _git("commit", "-q", "-m", "snapshot", cwd=copy)
    return copy


def test_hook_passes_clean_and_fails_broken(hook_repo, tmp_path):
    command = _pre_commit()
    work = tmp_path / "filings-repo"
    (work / "filings").mkdir(parents=True)
    _git("init", "-q", cwd=work)
    (work / "filings" / "a.xml").write_text(ownership_xml(nd_transactions=[nd_tx()]))
    (work / "filings" / "notes.md").write_text("not a filing\n")
    # ordinary files beside the filings: the hook must let their commit pass
    (work / "notes.txt").write_text("Ask the CFO about the March grant.\n")
    (work / "package.json").write_text('{"name": "site", "version": "1.0.0"}\n')
    (work / "requirements.txt").write_text("requests==2.31.0\n")
    (work / "data.json").write_text('{"quarters": [1, 2, 3, 4]}\n')
    (work / "page.xml").write_text('<?xml version="1.0"?><catalog><book id="1"/></catalog>\n')
    _git("add", "-A", cwd=work)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "FORM16LINT_DISABLE_PLUGIN_AUTOLOAD": "1"}

    def try_repo():
        return subprocess.run([*command, "try-repo", str(hook_repo), "form16lint", "--all-files"],
                              cwd=work, env=env, capture_output=True, text=True, timeout=900)

    clean = try_repo()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "form16lint" in clean.stdout and "Passed" in clean.stdout

    # form16lint's own report and baseline, committed beside the filings, pass too
    report = subprocess.run([sys.executable, "-m", "form16lint", "check", "--format", "json", "filings"],
                            cwd=work, env=env, capture_output=True, text=True)
    (work / "form16lint-report.json").write_text(report.stdout)
    subprocess.run([sys.executable, "-m", "form16lint", "check", "--write-baseline", "known.json", "filings"],
                   cwd=work, env=env, check=True, capture_output=True)
    _git("add", "-A", cwd=work)
    own = try_repo()
    assert own.returncode == 0, own.stdout + own.stderr

    (work / "filings" / "b.xml").write_text(ownership_xml(nd_transactions=[nd_tx(date="2023-02-30")]))
    _git("add", "-A", cwd=work)
    broken = try_repo()
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    assert "filings/b.xml:" in broken.stdout and "S003 [error]" in broken.stdout
    assert "filings/a.xml:" not in broken.stdout

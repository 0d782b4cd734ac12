"""`pip install .` into a clean virtual environment, run from another directory, finds the rule
pack and the schemas; `python -m form16lint` works. Installs from the package registry."""

import os
import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(os.environ.get("FORM16LINT_SKIP_INSTALL_TEST") == "1", reason="install test disabled")
def test_wheel_installs_and_finds_rules_and_schemas(tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(ROOT)],
                             capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = lambda *args: subprocess.run([str(python), "-m", "form16lint", *args], cwd=elsewhere,
                                       capture_output=True, text=True, timeout=120)
    rules = run("rules")
    assert rules.returncode == 0 and "S002" in rules.stdout
    example = ROOT / "examples" / "clean-form4.xml"
    extracted = run("extract", str(example), "-o", "clean.json")
    assert extracted.returncode == 0, extracted.stderr
    check = run("check", "clean.json", "--format", "json")  # validates against the shipped schema
    assert check.returncode == 0, check.stdout + check.stderr
    script = env_dir / "bin" / "form16lint"
    assert subprocess.run([str(script), "--version"], capture_output=True, text=True).stdout.startswith("form16lint")
    site = subprocess.run([str(python), "-c", "import form16lint_schemas, form16lint_rules; "
                           "print(form16lint_schemas.__file__, form16lint_rules.__file__)"],
                          capture_output=True, text=True, cwd=elsewhere).stdout
    assert str(ROOT) not in site  # the installed copies, not the source tree

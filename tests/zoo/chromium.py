"""Print an HTML page to PDF with headless Chromium, as a person does with "Save as PDF".

With ``header_footer`` the browser adds its own lines to every page (the date and the page title at
the top, the page's address and "1/3" at the bottom); without, the page alone.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chromium_binary() -> str | None:
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class PrintError(RuntimeError):
    pass


def print_html(html: str, out: Path, *, header_footer: bool, name: str = "filing.html", timeout: float = 120) -> None:
    """Write ``html`` printed to PDF at ``out``. ``name`` is the page's path under a
    temporary folder (it shows in the footer's address), e.g. ``Archives/edgar/data/1/x/form4.html``."""
    binary = chromium_binary()
    if binary is None:
        raise PrintError("no Chromium on PATH (Debian package: chromium)")
    with tempfile.TemporaryDirectory(prefix="zoo-print-") as tmp:
        page = Path(tmp) / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(html, encoding="utf-8")
        profile = Path(tmp) / "profile"
        target = Path(tmp) / "out.pdf"
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                   f"--user-data-dir={profile}", f"--print-to-pdf={target}"]
        if not header_footer:
            command.append("--no-pdf-header-footer")
        command.append(page.as_uri())
        done = subprocess.run(command, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        if not target.exists() or target.stat().st_size == 0:
            raise PrintError(f"Chromium printed nothing for {name} (exit {done.returncode}): "
                             f"{done.stderr.decode(errors='replace')[-500:]}")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, out)

#!/usr/bin/env sh
# Debian packages some tests use: Chromium (the SEC rendition printed as a browser prints it, and
# the HTML report in a real browser) and poppler-utils (pdftotext, one of the extractors people
# use). Installed when missing and this runs as root on Debian; otherwise the tests that need
# them skip, saying which package is absent.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
# The fonts the rendered test filings use (DejaVu for the check-box glyphs, Liberation as a
# narrow sans).
for font in fonts-dejavu-core fonts-liberation; do
    dpkg -s "$font" >/dev/null 2>&1 || missing="$missing $font"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "not installing$missing (needs root and apt-get): the tests that use them will skip" >&2
fi

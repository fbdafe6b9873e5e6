#!/usr/bin/env bash
# poppler's pdftotext, which `referentiel import` uses to read a PDF and tests/testsuite/import.rs runs
# (Debian: poppler-utils), installed once (issue #30). Idempotent; without apt-get it says so and
# the PDF test says so again.
set -uo pipefail
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "== import: poppler-utils (pdftotext)"
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends poppler-utils >/dev/null 2>&1 \
      || { $sudo apt-get -o DPkg::Lock::Timeout=600 update >/dev/null 2>&1 && $sudo apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends poppler-utils >/dev/null 2>&1; } \
      || echo "!! import: cannot install poppler-utils; the PDF import test will fail until it is installed" >&2
  else
    echo "!! import: no apt-get; install poppler (pdftotext) for the PDF import test" >&2
  fi
fi

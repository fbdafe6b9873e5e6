#!/usr/bin/env bash
# The consumers' own tools that tests/testsuite/outputs.rs runs on the exports (issue #29), installed once:
# - sssom-py (PyPI: `sssom validate`), rdflib and openpyxl (reads LibreOffice's XLSX back), in a virtualenv under target/export-tools/;
# - LibreOffice Calc without its interface (Debian: libreoffice-calc-nogui), which converts the
#   CSV to XLSX (tests/testsuite/outputs.rs reads the cells back).
# Idempotent: does nothing when they are there. Without pip or apt, it says so loudly and the
# tests that need the missing tool say so again.
set -uo pipefail
cd "$(dirname "$0")/../.."
venv=target/export-tools/venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sssom, rdflib, openpyxl' 2>/dev/null; then
  echo "== export tools: sssom-py and rdflib into $venv"
  mkdir -p target/export-tools
  if python3 -m venv "$venv" && "$venv/bin/pip" install --quiet 'sssom>=0.4.21' 'rdflib>=7' 'openpyxl>=3.1'; then
    :
  else
    echo "!! export tools: cannot install sssom-py (python3 -m venv / pip unavailable); the SSSOM and SKOS validator tests will fail until it is installed" >&2
  fi
fi
if ! command -v soffice >/dev/null 2>&1; then
  echo "== export tools: LibreOffice Calc (headless)"
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends libreoffice-calc-nogui >/dev/null 2>&1 \
      || { $sudo apt-get -o DPkg::Lock::Timeout=600 update >/dev/null 2>&1 && $sudo apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends libreoffice-calc-nogui >/dev/null 2>&1; } \
      || echo "!! export tools: cannot install libreoffice-calc-nogui; the CSV-in-LibreOffice test will fail until it is installed" >&2
  else
    echo "!! export tools: no apt-get; install LibreOffice Calc for the CSV-in-LibreOffice test" >&2
  fi
fi

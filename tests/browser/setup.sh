#!/usr/bin/env bash
# Installs what the browser tests need on a bare Debian machine: Chromium (Debian's package),
# Java for the Nu HTML checker, and the npm packages of package.json. Does nothing that is already there.
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
# (#27) pdftotext / pdftoppm: the printed fiche and synoptic are checked page by page.
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "== apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -d node_modules ] || [ package.json -nt node_modules ]; then
  echo "== npm install"
  npm install --no-audit --no-fund --loglevel=error
  touch node_modules
fi

#!/usr/bin/env bash
# The whole test suite, from a bare machine: installs what the tests need (once), then runs
# the Rust tests, builds the site and runs the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."

# issue #29: the consumers' validators of the exports (sssom-py, rdflib, LibreOffice Calc)
bash tests/exports/setup.sh
bash tests/import-setup.sh
# node (the search parity test of `cargo test` runs the browser engine under it), Chromium and the
# browser tests' packages
[ -d tests/browser ] && bash tests/browser/setup.sh
# the formatter and the linter, on a toolchain installed without them
if command -v rustup >/dev/null 2>&1; then
  rustup component add rustfmt clippy >/dev/null 2>&1 || echo "!! cannot add rustfmt and clippy with rustup" >&2
fi

# issue #31: the formatting and the lints are part of the suite
echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy"
cargo clippy --release --locked --all-targets -- -D warnings 2>&1

echo "== cargo test"
cargo test --release --locked 2>&1

if [ -d tests/browser ]; then
  echo "== build the site"
  cargo run --release --locked -- build
  echo "== browser tests"
  (cd tests/browser && node --test --test-reporter=spec ./*.test.mjs)
fi

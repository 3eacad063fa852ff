#!/usr/bin/env bash
# Runs every test of svdk: formatting, lints, unit and integration tests, then the site check
# suite over the built sample site (tests/site-check/: valid HTML, WCAG 2.1 AA in Chromium,
# links and anchors, feeds and sitemap, keyboard, screenshots).
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() {
  local name=$1
  shift
  echo "== $name"
  local t0
  t0=$(date +%s)
  "$@"
  echo "== $name: done in $(($(date +%s) - t0)) s"
}

stage "cargo fmt --check" cargo fmt --all -- --check
stage "cargo clippy" cargo clippy --locked --all-targets -- -D warnings
stage "cargo test" cargo test --locked
# Last, so that its closing line "N passed, M failed" is the last line of the output.
echo "== site check"
bash tests/site-check/run.sh

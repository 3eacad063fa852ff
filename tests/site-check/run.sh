#!/usr/bin/env bash
# The site check suite (issue 3): builds the sample site twice (with its own base URL, and under
# https://example.org/sub/) and runs tests/site-check/run.js over it: a self-test of the checkers
# on fixtures/, then Nu Html Checker, axe-core in Chromium, links and anchors, feeds and
# sitemap, keyboard, screenshots (target/screenshots/).
#
# Installs what is missing first: Chromium and Java from Debian's packages (as root, with
# apt-get), the npm packages from package-lock.json (npm ci). Fast when they are present.
# Under CI=true a missing tool is a failure, never a skip. Outside CI, SITE_CHECK=skip skips it.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=tests/site-check
CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
export CHROMIUM_PATH

in_ci() { [ "${CI:-}" = "true" ]; }

# A check that cannot run: a failure under CI (and by default), a skip only when asked for.
cannot_run() {
  echo "site check: $1" >&2
  if ! in_ci && [ "${SITE_CHECK:-}" = "skip" ]; then
    echo "site check: SKIPPED (SITE_CHECK=skip)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
  fi
  echo "0 passed, 1 failed"
  exit 1
}

if [ "${SITE_CHECK:-}" = "skip" ]; then
  if in_ci; then
    echo "site check: SITE_CHECK=skip is not allowed under CI=true" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  echo "site check: SKIPPED (SITE_CHECK=skip)"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi

# --- Tools from Debian: Chromium, Java (and Node.js/npm, which this machine kind ships) ---
missing=()
[ -x "$CHROMIUM_PATH" ] || missing+=(chromium fonts-liberation)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== site check: installing ${missing[*]} from Debian's packages"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || cannot_run "apt-get update failed"
    apt-get install -y -qq "${missing[@]}" >/dev/null || cannot_run "apt-get install ${missing[*]} failed"
  else
    cannot_run "missing ${missing[*]}, and cannot install them (needs root and apt-get)"
  fi
fi
[ -x "$CHROMIUM_PATH" ] || cannot_run "no Chromium at $CHROMIUM_PATH"
command -v java >/dev/null 2>&1 || cannot_run "no java on PATH"
command -v node >/dev/null 2>&1 || cannot_run "no node on PATH"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || cannot_run "Node.js $(node --version) is too old: playwright-core needs 20 or newer"

# --- npm packages, exactly as locked (postinstall scripts off: vnu-jar's would fetch a JDK) ---
stamp="$HERE/node_modules/.svdk-lock-stamp"
want="$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1) node-$(node --version)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "== site check: npm ci"
  (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
    || cannot_run "npm ci in $HERE failed"
  echo "$want" >"$stamp"
fi

# --- The sample site, built twice with the binary the tests just built ---
# (SVDK_BIN=path uses another binary, e.g. a release build.)
if [ -n "${SVDK_BIN:-}" ]; then
  bin=$SVDK_BIN
else
  cargo build --locked --quiet || cannot_run "cargo build failed"
  bin=target/debug/svdk
fi
out=target/site-check
root_url=$(sed -n 's/^base_url:[[:space:]]*//p' site.yaml | sed 's/[[:space:]]*#.*$//; s/^["'\'']//; s/["'\'']$//')
[ -n "$root_url" ] || cannot_run "no base_url in site.yaml"
sub_url=https://example.org/sub/
t0=$(date +%s%N)
"$bin" build --root . --out "$out/root" -q || cannot_run "svdk build of the sample site failed"
"$bin" build --root . --out "$out/sub" --base-url "$sub_url" -q || cannot_run "svdk build --base-url $sub_url failed"
"$bin" build --root . --out "$out/relative" --relative -q || cannot_run "svdk build --relative failed"
# Fixture sites of the Rust tests that build (not the ones made to fail, nor escaping/, whose
# content is hostile on purpose), with one base URL.
rm -rf "$out/fixtures"
for f in minimal drafts links landkaart; do
  [ -f "tests/fixtures/$f/site.yaml" ] || continue
  "$bin" build --root "tests/fixtures/$f" --out "$out/fixtures/$f" --base-url https://example.org/ -q \
    || cannot_run "svdk build of tests/fixtures/$f failed"
done
ms=$((($(date +%s%N) - t0) / 1000000))
printf 'build: sample site built into %s/root, %s/sub and %s/relative, fixture sites into %s/fixtures (%d.%d s)\n' \
  "$out" "$out" "$out" "$out" $((ms / 1000)) $((ms % 1000 / 100))

exec node "$HERE/run.js" --root "$out/root" --root-url "$root_url" \
  --sub "$out/sub" --sub-url "$sub_url" --relative "$out/relative" --screenshots target/screenshots --fixture-sites "$out/fixtures" \
  --svdk "$bin" --source .

#!/usr/bin/env bash
# Install what the tests need (Python packages in ./.venv, Debian's Chromium for the browser
# tests, Debian's PostgreSQL for the store tests, Debian's nginx for the two-replica test,
# axe-core from npm for the accessibility test) and run the whole test suite: core, AppTest
# pages and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
# Debian packages: Chromium for the browser tests, PostgreSQL for the store tests (the
# fixture in tests/store_fixtures.py starts a throwaway server; set SDGDASH_SKIP_PG=1 to skip).
APT=()
[ -x /usr/bin/chromium ] || APT+=(chromium fonts-dejavu-core)
# nginx in front of two replicas (tests/e2e/test_replicas.py starts it on localhost with its own
# config on a free port; Debian 12's 1.22.1, docs/DEPLOY.md; the package's own service, if the
# machine starts it, is not used).
[ -x /usr/sbin/nginx ] || APT+=(nginx)
command -v npm >/dev/null || APT+=(nodejs npm)
if [ "${SDGDASH_SKIP_PG:-}" != "1" ] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  APT+=(postgresql)
fi
if [ ${#APT[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${APT[@]}" >/dev/null
fi
# axe-core for the accessibility browser test, exactly as pinned in its lock file (from the npm
# registry), when it is missing or another version than the lock's.
AXE=tests/e2e/axe
want=$(node -p "require('./$AXE/package-lock.json').packages['node_modules/axe-core'].version")
have=$(node -p "require('./$AXE/node_modules/axe-core/package.json').version" 2>/dev/null || true)
[ "$want" = "$have" ] || npm ci --prefix "$AXE" --no-audit --no-fund --loglevel=error
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
.venv/bin/python -m ruff check .
.venv/bin/python -m ruff format --check .
# Two workers (pytest-xdist), one per core, a test file at a time; each starts its own app server
# and browser for the browser tests. Then the load test alone: its 20 browsers would starve the
# other worker's browser tests. SDGDASH_TEST_WORKERS=0 runs the first part in one process.
# Exit code 5 (no test chosen in a part, e.g. when arguments name one file) is not a failure.
part() { set +e; .venv/bin/python -m pytest -q --e2e "$@"; local rc=$?; set -e
  [ "$rc" -eq 5 ] && rc=0; return "$rc"; }
part -n "${SDGDASH_TEST_WORKERS:-2}" --dist loadfile -m "not alone" --durations=15 "$@"
part -m alone "$@"

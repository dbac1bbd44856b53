#!/usr/bin/env bash
# Install sdgdash into ./.venv and start it on http://localhost:8501 (works offline once installed).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m streamlit run dashboard.py "$@"

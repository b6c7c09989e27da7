#!/usr/bin/env bash
# Exit 0 when the PostgreSQL server of the given URL answers, 1 otherwise.
set -uo pipefail
url="$1"
if .venv/bin/python - "$url" <<'PY'
import sys
import psycopg
try:
    psycopg.connect(sys.argv[1].rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()
except Exception as error:
    print(f"PostgreSQL unreachable: {error}", file=sys.stderr)
    sys.exit(1)
PY
then exit 0; fi
exit 1

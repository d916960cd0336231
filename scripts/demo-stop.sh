#!/bin/bash
# scripts/demo-stop.sh: stop the demo cluster started by `make demo`.
source "$(dirname "$0")/common.sh"
PGMAJOR=$(server_major)
[ -n "$PGMAJOR" ] || exit 0
PGBIN=/usr/lib/postgresql/$PGMAJOR/bin
[ -f "$TOP/.demo/datadir" ] || { echo "no demo cluster"; exit 0; }
stop_cluster "$(cat "$TOP/.demo/datadir")"
say "demo cluster stopped"

#!/bin/bash
# scripts/citus-check.sh: `make citus-check` after scripts/citus-build.sh:
# build and install pg_arabic (into the sandbox when PG_ARABIC_SANDBOX is
# set), then run the scale-out check alone (scripts/server-checks/70-citus.sh,
# which skips when Citus is absent).
source "$(dirname "$0")/common.sh"
ensure_deps
build_and_install
bash "$TOP/scripts/server-checks/70-citus.sh"

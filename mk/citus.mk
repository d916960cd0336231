# mk/citus.mk: `make citus-check` builds and installs Citus from
# ../shared/citus when it is there (into the sandbox when PG_ARABIC_SANDBOX is
# set; once, then reused), then runs the scale-out check: coordinator + 2
# workers on this machine (scripts/server-checks/70-citus.sh, also run by
# `make test` when Citus is installed).  Without ../shared/citus and without
# an installed Citus the check says so and skips.

.PHONY: citus-check
citus-check:
	bash scripts/citus-build.sh || [ $$? -eq 3 ]
	bash scripts/citus-check.sh

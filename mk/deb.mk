# mk/deb.mk: `make deb` builds the Debian package postgresql-<major>-pg-arabic
# (debian/, pg_buildext) into build/deb/; `make deb-check` builds it in a
# pristine Debian 12 root (../shared/tools/freshroot.sh), installs it there and
# checks that CREATE EXTENSION works (scripts/deb-check.sh).

.PHONY: deb deb-check
deb:
	bash scripts/deb.sh

deb-check:
	../shared/tools/freshroot.sh 'make deb && bash scripts/deb-check.sh'

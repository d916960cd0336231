# mk/measure.mk: `make measure [MEASURE_DATA=DIR]`, the README's measured figures
# (stemming F1, retrieval MRR, entity F1, speed) from a data directory;
# scripts/measure/run.sh, README "Measuring".  Not part of `make test`.

.PHONY: measure
measure:
	bash scripts/measure/run.sh $(MEASURE_DATA)

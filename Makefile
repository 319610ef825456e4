.PHONY: run test lint bench quality

run:
	streamlit run app.py

test:
	python -m pytest

lint:
	ruff check . && ruff format --check . && mypy

bench:
	python bench/run.py

# Real articles are not in the repository: REALTEXT (or STRIKEMAP_REALTEXT) names their folder.
quality:
	python -m strikemap quality --part tuned --city Kyiv $(if $(REALTEXT),--texts $(REALTEXT))
	python -m strikemap quality --part untuned --city Kyiv $(if $(REALTEXT),--texts $(REALTEXT))
	python -m strikemap quality --part all $(if $(REALTEXT),--texts $(REALTEXT))

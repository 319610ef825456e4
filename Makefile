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
TEXTS = $(if $(REALTEXT),--texts $(REALTEXT))
quality:
	python -m strikemap quality --part tuned --city Kyiv $(TEXTS)
	python -m strikemap quality --part untuned --city Kyiv $(TEXTS)
	python -m strikemap quality --part all $(TEXTS)
	for lang in uk ru; do for part in tuned untuned; do \
		python -m strikemap quality --gold tests/realworld/gold_ukru.jsonl --language $$lang --part $$part --city Kyiv $(TEXTS); \
	done; done
	for lang in en uk ru tg; do \
		python -m strikemap quality --gold tests/corpus/gold_$$lang.jsonl --texts tests/corpus --part tuned --city Kyiv; \
		python -m strikemap quality --gold tests/corpus/gold_$${lang}_untuned.jsonl --texts tests/corpus --part untuned --city Kyiv; \
	done

.PHONY: run test lint bench

run:
	streamlit run app.py

test:
	python -m pytest

lint:
	ruff check . && ruff format --check . && mypy

bench:
	python bench/run.py

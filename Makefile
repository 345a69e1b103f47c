# Two commands do all set-up: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO   := demo-out
export KG_STORE := $(DEMO)/kg-data

.PHONY: demo test check lint types bench bench-quick docs eval clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	@echo "== ingest the seed article and the later sources"
	$(BIN)/kg ingest seeds/
	@echo "== validate the store against the SHACL shapes"
	$(BIN)/kg validate
	@echo "== what the store holds"
	$(BIN)/kg stats
	@echo "== stored queries: the list, then three of them"
	$(BIN)/kg queries
	$(BIN)/kg query statements-by-actor --param actor=https://w3id.org/kg/id/actor/donald-trump --format csv
	$(BIN)/kg query meetings-of-actor --param actor=https://w3id.org/kg/id/actor/kim-jong-un --format tsv
	$(BIN)/kg query actors-wikidata --format csv
	@echo "== check the predictions against the later sources"
	$(BIN)/kg resolve
	$(BIN)/kg predictions
	$(BIN)/kg scorecard --plot $(DEMO)
	@echo "== export Turtle"
	$(BIN)/kg export --format turtle -o $(DEMO)/kg.ttl
	@echo "demo done: store in $(KG_STORE), Turtle in $(DEMO)/kg.ttl"
	@echo "browse the claims: KG_STORE=$(KG_STORE) $(BIN)/kg serve   then open http://127.0.0.1:7878/articles"

lint: $(BIN)/.installed
	$(BIN)/ruff check kg tests bench

types: $(BIN)/.installed
	$(BIN)/mypy kg

check: lint types

test: $(BIN)/.installed check
	$(BIN)/python -m pytest -q

bench: $(BIN)/.installed
	$(BIN)/python -m bench

bench-quick: $(BIN)/.installed
	$(BIN)/python -m bench --quick

# HTML documentation of the ontology (classes, properties, concept schemes) from ontology/*.ttl
docs: $(BIN)/.installed
	$(BIN)/python -m kg.ontology_page docs/ontology/index.html

# Accuracy on real articles (issue 9): the development corpus scorer, when its texts are present locally.
# Never part of `make test`. EVAL_SCORER and KG_DEV_TEXTS may be set; docs/accuracy.md has the figures.
EVAL_SCORER ?= $(firstword $(wildcard ../shared/tools/score_extraction.py ../../shared/tools/score_extraction.py))
KG_DEV_TEXTS ?= $(HOME)/.cache/kg-dev-corpus/articles
eval: $(BIN)/.installed
	@if [ -n "$(EVAL_SCORER)" ] && ls $(KG_DEV_TEXTS)/*.txt >/dev/null 2>&1; then \
		KG=$(BIN)/kg KG_DEV_TEXTS=$(KG_DEV_TEXTS) $(PYTHON) $(EVAL_SCORER) $(EVAL_ARGS); \
	else \
		echo "make eval: the development corpus is not here."; \
		echo "  scorer: $(if $(EVAL_SCORER),$(EVAL_SCORER),not found (set EVAL_SCORER=.../shared/tools/score_extraction.py))"; \
		echo "  texts:  $(KG_DEV_TEXTS) (rebuild them as shared/dev-corpus/README.md says, or set KG_DEV_TEXTS)"; \
	fi

clean:
	rm -rf $(VENV) $(DEMO) kg-data .pytest_cache .mypy_cache .ruff_cache

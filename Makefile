# Deftly: `make play` to play, `make test` to run the checks. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HEADLESS := SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

PYTEST := $(HEADLESS) $(BIN)/python -m pytest -n auto --dist loadfile

.PHONY: play test check bench layout lint golden clean dist

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
	$(BIN)/deftly $(ARGS)

# everything CI runs (.ci/run calls this)
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy --strict engine games
	$(PYTEST) $(PYTEST_ARGS)

# the edit loop: the same, less the tests marked slow
check: $(STAMP)
	$(BIN)/ruff check .
	$(PYTEST) -q -m "not slow" $(PYTEST_ARGS)

bench: $(STAMP)
	$(HEADLESS) $(BIN)/python -m bench

# every shot at three sizes, three text sizes and in high contrast: what still clips,
# touches or is too small (tests/layout_check.py)
layout: $(STAMP)
	$(HEADLESS) $(BIN)/python -m tests.layout_check

golden: $(STAMP)
	DEFTLY_REGEN_GOLDEN=1 $(HEADLESS) $(BIN)/python -m pytest tests -k golden

# a standalone folder (dist/deftly/) that runs with no Python: PyInstaller's one-folder mode
dist: $(STAMP)
	$(HEADLESS) $(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/deftly.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache

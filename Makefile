# The two commands the README puts first: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup lint format check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)

# Where `make run` serves: `make run PORT=8001`, or HOST=0.0.0.0 for other devices.
HOST ?= 127.0.0.1
PORT ?= 8000

# Set-up, demo data, server on http://$(HOST):$(PORT) (SQLite unless DATABASE_URL is set).
# Links in e-mail point at that address unless SITE_URL is set; on 0.0.0.0 they
# follow the address each page was served on instead.
run: export DEBUG ?= 1
run: export SITE_URL ?= $(if $(filter 0.0.0.0,$(HOST)),,http://$(HOST):$(PORT))
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py seed_demo
	@echo "E-mail (the sign-up link too) is printed here, with links to $(or $(SITE_URL),this server)."
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole suite (PostgreSQL when DATABASE_URL is set, SQLite otherwise).
test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

# Style, and the layers: imports between apps run one way (pyproject.toml, [tool.importlinter]).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# makemigrations --check and the deployment checks, under production-like variables.
check: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
		ALLOWED_HOSTS=mentorship.example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

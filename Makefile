# Two commands for a newcomer: `make run` and `make test`. Everything else is their plumbing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.dev-installed-stamp
CATALOGS := $(wildcard devparty_admin/translations/*/LC_MESSAGES/*.po plugins/*/translations/*/LC_MESSAGES/*.po)
COMPILED := $(CATALOGS:.po=.mo)
PORT ?= 5000

.PHONY: install install-dev run serve test reset translations extract-messages extract-admin-messages paper-templates clean

# What running needs; the test tools (pytest, Playwright, ruff) only for `make test`.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(DEV_STAMP)

%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@

translations: $(COMPILED)

install: $(STAMP) translations

install-dev: $(DEV_STAMP) translations

# The plugins a newcomer sees; override with `make run DEVPARTY_PLUGINS=…`. Only `run` gets
# them: the tests choose their own.
DEVPARTY_PLUGINS ?= police,procuracy,justice,commune
run: export DEVPARTY_PLUGINS := $(DEVPARTY_PLUGINS)

run: install
	$(FLASK) devparty init $(if $(ADMIN_PASSWORD),--password "$(ADMIN_PASSWORD)")
	$(FLASK) devparty demo
	@echo "Mở http://127.0.0.1:$(PORT) và đăng nhập bằng một tài khoản ở trên. Dừng: Ctrl+C."
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

# Start again from an empty demo: deletes the SQLite database and the uploaded files in
# instance/ (never a PostgreSQL database), keeps the secret key.
reset:
	rm -f instance/devparty.sqlite3 instance/devparty.sqlite3-wal instance/devparty.sqlite3-shm
	rm -rf instance/uploads
	@echo "Đã xóa dữ liệu mẫu; chạy lại: make run"

# Production-like: gunicorn workers on DEVPARTY_BIND (default 127.0.0.1:8000); see docs/deploy.md.
serve: install
	$(FLASK) devparty init
	$(BIN)/gunicorn --config deploy/gunicorn.conf.py wsgi:app

test: install-dev
	$(BIN)/ruff check devparty_admin plugins tests bench wsgi.py
	$(BIN)/pytest

# Flask-Admin's own strings (after upgrading it): the ids it uses, which the reviewed
# devparty_admin/translations/vi/LC_MESSAGES/admin.po must all translate (a test checks).
extract-admin-messages: $(STAMP)
	$(BIN)/pybabel extract -k _gettext -k _ngettext:1,2 -k lazy_gettext -k gettext -k ngettext:1,2 \
		--no-location -F babel-admin.cfg -o devparty_admin/translations/admin.pot $$($(BIN)/python -c "import flask_admin, os; print(os.path.dirname(flask_admin.__file__))")

# Rebuild the shipped .docx paper templates from devparty_admin/papers/layout.py.
paper-templates: $(STAMP)
	$(BIN)/python -c "from devparty_admin.papers.layout import build_all; build_all()"

# Refresh the catalogs after adding or changing UI strings, then translate the new entries.
extract-messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k _ln:1,2 -k _p:1c,2 -o devparty_admin/translations/messages.pot .
	$(BIN)/pybabel update -i devparty_admin/translations/messages.pot -d devparty_admin/translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) instance .pytest_cache

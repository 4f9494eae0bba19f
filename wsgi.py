"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi run``."""
from devparty_admin import create_app

app = create_app()

"""The product with the benchmark's peers (floor and default ModelView), for gunicorn:
``gunicorn --pythonpath bench serve:app`` (bench/load.py starts it)."""
from pages import peers

from devparty_admin import create_app

app = create_app()
peers(app)

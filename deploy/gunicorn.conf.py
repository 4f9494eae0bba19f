"""gunicorn settings for DevParty Admin; every value can be set from the environment.

See docs/deploy.md. Requests are short (long imports run in steps driven by the page), so a
worker that takes longer than ``timeout`` is stuck and is replaced.
"""
import multiprocessing
import os

bind = os.environ.get("DEVPARTY_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("DEVPARTY_WORKERS", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("DEVPARTY_THREADS", "1"))
timeout = int(os.environ.get("DEVPARTY_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("DEVPARTY_FORWARDED_ALLOW_IPS", "127.0.0.1")

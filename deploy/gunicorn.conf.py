"""gunicorn for Crosscheck: `make run`, `make district` and a real server use this same file.

    gunicorn -c deploy/gunicorn.conf.py teaching.wsgi

Sized for a class on a laptop by default: 2 worker processes × 4 threads serve 8 requests at once,
which holds a class of 30 saving together (a save is a few milliseconds of work; the rest is waiting on
the database). On a server, set WEB_CONCURRENCY to about the number of cores and keep the threads.
Everything can be overridden from the environment or the command line.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request that takes longer than this is stuck: the worker is replaced (and logged).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM, requests in flight get this long to finish; Ctrl+C (SIGINT) stops at once.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "10"))
keepalive = 5
# Django's own logging reports errors; the access log is for when you want it (GUNICORN_ACCESS_LOG=-).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# A proxy in front (nginx) sends X-Forwarded-For/-Proto; trust it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket (one path per user by default) would be shared by every server on a machine
# that runs several — three app servers in `make district`, a benchmark beside `make run`. Not used.
control_socket_disable = True

"""gunicorn's settings for `urgent serve` (``-c python:urgent.web.gunicorn_conf``).

The address and the number of workers come from the command line; the rest is
here. A proxy in front (nginx, Caddy) terminates HTTPS and sets
X-Forwarded-Proto; gunicorn believes it only from FORWARDED_ALLOW_IPS
(default: loopback), which is why Django needs no proxy-header setting.
"""

import gc
import os

wsgi_app = "urgent.web.wsgi:application"
# Threads keep slow or keep-alive clients from holding a whole process while Django waits
# on the database; processes use the cores.
worker_class = "gthread"
threads = int(os.environ.get("URGENT_SERVE_THREADS", "4"))
# Letters are rendered to PDF in the request: allow for a slow one on a busy machine.
timeout = 60
graceful_timeout = 20
keepalive = int(os.environ.get("URGENT_SERVE_KEEPALIVE", "5"))  # seconds; 0 closes after each answer
# A fresh process now and then caps whatever a long-running one accumulates.
# Workers are renewed now and then (a slow leak cannot grow for ever), rarely enough that a
# busy appeal day does not keep reloading them, and from the loaded master (preload_app),
# so a renewal costs a fork, not a second of importing Django while requests wait.
max_requests = 100_000
max_requests_jitter = 10_000
preload_app = True
errorlog = "-"
loglevel = os.environ.get("URGENT_SERVE_LOG_LEVEL", "info")
# One control socket per user ($HOME/.gunicorn) would collide between two servers
# (a demo and a benchmark); `urgent serve` supervises gunicorn itself.
control_socket_disable = True
proc_name = "urgent"


def when_ready(server):  # type: ignore[no-untyped-def]
    """In the master, before any worker is forked: load what every first request would load.

    The URL configuration imports the views, their forms and templates' modules. Loaded
    once here, it is shared by every worker instead of being built in each.
    """
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (imports urls.py and every view module)
    connections.close_all()  # nothing in the master may hold a connection a fork would share


def pre_fork(server, worker):  # type: ignore[no-untyped-def]
    """Freeze the loaded application before forking, so the cyclic garbage collector skips it.

    Without this, each worker's first full collection walks the ~80,000 objects of Django
    and urgent while a request waits (52 ms, measured on a 2-core machine), and writes to
    the pages it shares with the master, which the kernel then copies. ``gc.freeze``
    (Python's documented recipe for a forking server) moves them all to a generation
    that is never collected.
    """
    gc.freeze()

"""`urgent serve`, `urgent worker` and `urgent demo`: the web application as a server.

`urgent serve` prepares the database (migrations, taken in turn when several
start together) and the static files, then supervises two children: gunicorn
and the background task worker. Ctrl-C or SIGTERM stops both, each once,
gracefully.
"""

from __future__ import annotations

import ctypes
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from urgent.cli import app, expand_paths, fail

REPO = Path(__file__).resolve().parents[2]
DEFAULT_BIND = "127.0.0.1:8000"
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
STOP_GRACE_S = 30  # gunicorn's graceful_timeout is 20 s; a task may need a little more


class _Stop(Exception):
    """SIGTERM, raised in the supervisor's loop like Ctrl-C's KeyboardInterrupt."""


def _prepare(static: bool = True) -> None:
    """Settings, migrations and static files, with one-line errors instead of tracebacks."""
    from urgent.web.setup import setup

    try:
        setup()
    except Exception as exc:  # a missing secret key, a bad URGENT_DATABASE_URL, a server that is down…
        from django.core.exceptions import ImproperlyConfigured

        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        fail(first if isinstance(exc, ImproperlyConfigured) else f"database: {first}")
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    if not settings.PRODUCTION:
        typer.echo(
            "urgent: development mode (URGENT_PRODUCTION is not true): debug pages and a "
            "development secret key; do not expose this server",
            err=True,
        )
    if static:
        call_command("collectstatic", interactive=False, verbosity=0)
    # gunicorn's workers open their own connections; none may be shared across a fork
    connections.close_all()


def default_workers() -> int:
    return 2 * (os.cpu_count() or 1) + 1


@app.command()
def serve(
    bind: Annotated[str, typer.Option("--bind", "-b", help="Address to listen on.")] = DEFAULT_BIND,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Server processes (default: 2 × cores + 1).")
    ] = 0,
    threads: Annotated[int, typer.Option("--threads", help="Threads per server process.")] = 4,
    with_worker: Annotated[
        bool, typer.Option("--worker/--no-worker", help="Run the background task worker too.")
    ] = True,
    insecure_http: Annotated[
        bool,
        typer.Option(
            "--insecure-http",
            help="Production mode over plain http (a demo on 127.0.0.1): no secure cookies, no HSTS.",
        ),
    ] = False,
    access_log: Annotated[bool, typer.Option("--access-log", help="Log every request.")] = False,
) -> None:
    """Serve the web application with gunicorn (behind an HTTPS proxy in production)."""
    if insecure_http:
        os.environ["URGENT_HTTPS"] = "false"
        if bind.rsplit(":", 1)[0] not in LOOPBACK:
            typer.echo(
                f"urgent: warning: plain http on {bind}: logins and cookies travel unencrypted", err=True
            )
    _prepare()
    typer.echo(f"urgent: serving on http://{bind}/ (Ctrl-C stops)", err=True)
    raise typer.Exit(run_server(bind, workers or default_workers(), threads, with_worker, access_log))


@app.command()
def worker() -> None:
    """Run the background task worker alone (another machine sharing the PostgreSQL database)."""
    _prepare(static=False)
    from django.core.management import call_command

    call_command("db_worker")


def run_server(bind: str, workers: int, threads: int, with_worker: bool, access_log: bool = False) -> int:
    """gunicorn and the task worker until gunicorn ends or we are told to stop; gunicorn's exit status."""
    server_cmd = [sys.executable, "-m", "gunicorn", "-c", "python:urgent.web.gunicorn_conf"]
    server_cmd += ["--bind", bind, "--workers", str(workers), "--threads", str(threads)]
    server_cmd += ["--access-logfile", "-"] if access_log else []
    worker_cmd = [sys.executable, "-m", "django", "db_worker", "--settings", "urgent.web.settings"]
    server = _spawn(server_cmd)
    tasks = _spawn(worker_cmd) if with_worker else None
    restart_at = 0.0
    previous = signal.signal(signal.SIGTERM, _raise_stop)
    code = 0
    try:
        while (status := server.poll()) is None:
            if tasks and tasks.poll() is not None:
                # a crashed worker leaves tasks queued, not lost: start another, not in a tight loop
                if not restart_at:
                    typer.echo(f"urgent: the task worker stopped (status {tasks.returncode})", err=True)
                    restart_at = time.monotonic() + 10
                elif time.monotonic() >= restart_at:
                    tasks, restart_at = _spawn(worker_cmd), 0.0
            time.sleep(0.5)
        code = status
        typer.echo(f"urgent: gunicorn stopped (status {status})", err=True)
    except (KeyboardInterrupt, _Stop):
        typer.echo("urgent: stopping", err=True)
    finally:
        _stop([p for p in (server, tasks) if p is not None])
        signal.signal(signal.SIGTERM, previous)
    return code


def _raise_stop(signum: int, frame: object) -> None:
    raise _Stop()


def _spawn(cmd: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "urgent.web.settings"}
    # In a process group of their own, a terminal's Ctrl-C reaches only us, and we stop
    # each child exactly once: a second signal makes the task worker abandon its task.
    return subprocess.Popen(cmd, env=env, process_group=0, preexec_fn=_die_with_parent)


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM if `urgent serve` is killed outright, instead of lingering."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


def _stop(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + STOP_GRACE_S
    for child in children:
        try:
            child.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


# The demo -------------------------------------------------------------------------------------


def default_seeds() -> Path:
    """The shared seed documents: the repository lives next to ``shared/``."""
    return Path(os.environ.get("URGENT_SHARED") or REPO.parent / "shared") / "seeds"


def demo_environment(data_dir: Path, database_url: str | None, bind: str) -> dict[str, str]:
    """Production settings over plain http on loopback, in the demo's own data directory.

    The demo never uses the configured store (URGENT_DATABASE_URL, URGENT_DATA_DIR):
    it publishes every case it finds. An empty value means "unset".
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_urlsafe(48))
    host = bind.rsplit(":", 1)[0]
    hosts = dict.fromkeys([*LOOPBACK, *([host] if host not in ("0.0.0.0", "[::]") else [])])
    return {
        "URGENT_PRODUCTION": "true",
        "URGENT_DEBUG": "false",
        "URGENT_HTTPS": "false",
        "URGENT_SECRET_KEY": "",
        "URGENT_SECRET_KEY_FILE": str(key_file),
        "URGENT_ALLOWED_HOSTS": ",".join(hosts),
        "URGENT_DATA_DIR": str(data_dir),
        "URGENT_STATIC_ROOT": "",
        "URGENT_DATABASE_URL": database_url or f"sqlite:///{data_dir / 'urgent.sqlite3'}",
    }


@app.command()
def demo(
    seeds: Annotated[
        Path | None, typer.Option("--seeds", help="Documents to load (default: ../shared/seeds).")
    ] = None,
    data_dir: Annotated[Path, typer.Option("--data-dir", help="The demo's own data directory.")] = Path(
        ".demo"
    ),
    database_url: Annotated[
        str | None,
        typer.Option("--database-url", help="A database for the demo (default: SQLite in --data-dir)."),
    ] = None,
    bind: Annotated[str, typer.Option("--bind", "-b", help="Address to listen on.")] = DEFAULT_BIND,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Server processes.")] = 0,
    serve_it: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the site when the data is ready.")
    ] = True,
) -> None:
    """Load the seed documents as published cases, create demo accounts, and serve the site."""
    folder = seeds or default_seeds()
    files = list(expand_paths([folder])) if folder.is_dir() else []
    if not files:
        fail(f"{folder}: no seed documents here; pass --seeds DIR")
    for name, value in demo_environment(data_dir.resolve(), database_url, bind).items():
        os.environ[name] = value
    _prepare(static=serve_it)
    from urgent.web.demo import run_demo

    result = run_demo(
        files,
        os.cpu_count() or 1,
        report=lambda path, why: typer.echo(f"urgent: {path}: {why}", err=True),
    )
    url = f"http://{bind.replace('0.0.0.0', '127.0.0.1')}/"
    typer.echo(f"documents: {result.ingest.line()}")
    typer.echo(f"cases: {result.published} published ({result.published_now} now)")
    for account in result.accounts:
        typer.echo(f"{account.role}: user {account.username!r}, password {account.password!r}")
    typer.echo(f"data: {data_dir.resolve()}  site: {url}  log in: {url}accounts/login/")
    if serve_it:
        from django.db import connections

        connections.close_all()
        raise typer.Exit(run_server(bind, workers or default_workers(), 4, with_worker=True))

"""Start Django from the command line: settings, and a migrated database on first use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_READY = False


def setup(migrate: bool = True) -> None:
    """Configure Django once per process; create and migrate the database when needed."""
    global _READY
    if _READY:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "urgent.web.settings")
    import django

    django.setup()
    from django.conf import settings

    # A command-line process serves no pages: logging every query (as DEBUG does, for
    # the debug toolbar and error pages) only slows long runs such as a big ingest.
    settings.DEBUG = False
    if migrate:
        migrate_if_needed()
    _READY = True


def migrate_if_needed() -> None:
    """Migrate a new or older database; processes starting together take turns."""
    from django.db import connection

    with _migration_lock(connection):
        if _pending(connection):
            from django.core.management import call_command

            call_command("migrate", interactive=False, verbosity=0)
        _cache_table()


def _cache_table() -> None:
    """The database cache's table (PostgreSQL), created once like a migration."""
    from django.conf import settings

    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        from django.core.management import call_command

        call_command("createcachetable", verbosity=0)


def _pending(connection: object) -> bool:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)  # type: ignore[arg-type]
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


@contextmanager
def _migration_lock(connection: Any) -> Iterator[None]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(7243001)")
            try:
                yield
            finally:
                cursor.execute("SELECT pg_advisory_unlock(7243001)")
        return
    name = str(connection.settings_dict["NAME"])
    if connection.vendor != "sqlite" or name == ":memory:" or "mode=memory" in name:
        yield
        return
    import fcntl

    with open(name + ".migrate-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)

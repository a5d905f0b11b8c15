"""A scratch PostgreSQL database for one benchmark section, on the local server."""

from __future__ import annotations

import os

SERVER = os.environ.get("URGENT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def create(name: str) -> str | None:
    """A fresh, empty database ``name`` (one left by an interrupted run is dropped first);
    its URL, or None when no server answers."""
    try:
        import psycopg

        admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=3)
    except Exception:
        return None
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return SERVER.rsplit("/", 1)[0] + "/" + name


def drop(name: str) -> None:
    import psycopg

    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

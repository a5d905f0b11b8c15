"""A backup of the whole database, and restoring it, while the store is in use.

    backup(path)     # SQLite: the online backup API; PostgreSQL: pg_dump --format=custom
    restore(path)    # SQLite: the backup API again, into the live file; PostgreSQL: pg_restore

Unlike an archive (`urgent.web.cases.archive`), a backup holds everything the
database holds (users, sessions, the task queue) and is for the same kind of
database. Both refuse a file that is not one of ours, or comes from a newer urgent.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from glob import glob
from pathlib import Path
from typing import Any

from django.db import connection

from urgent.web.cases.archive import ArchiveError, first_line, refuse_unknown_migrations, temp_beside

SQLITE_MAGIC = b"SQLite format 3\x00"


def backup(path: Path) -> None:
    """The whole database into ``path``: a SQLite file, or a pg_dump custom-format archive."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        _sqlite_backup(_sqlite_path(db), Path(path))
    elif connection.vendor == "postgresql":
        _pg_dump(db, Path(path))
    else:
        raise ArchiveError(f"backup does not support {connection.vendor}: use export")


def restore(path: Path) -> None:
    """Replace the whole database with a backup made by ``backup``, then migrate it."""
    from urgent.web.setup import migrate_if_needed

    if connection.in_atomic_block:
        raise ArchiveError("restore cannot run inside a transaction")
    db = connection.settings_dict
    path = Path(path)
    if not path.is_file():
        raise ArchiveError("no such file")
    connection.close()  # nothing of ours may hold the database while it is replaced
    if connection.vendor == "sqlite":
        _sqlite_restore(path, _sqlite_path(db))
    elif connection.vendor == "postgresql":
        _pg_restore(db, path)
    else:
        raise ArchiveError(f"restore does not support {connection.vendor}: use import")
    migrate_if_needed()


def _sqlite_path(db: dict[str, Any]) -> Path:
    name = str(db["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise ArchiveError("an in-memory database has nothing to back up or restore")
    return Path(name)


def _sqlite_backup(live: Path, target: Path) -> None:
    if target.exists() and live.exists() and target.resolve() == live.resolve():
        raise ArchiveError("this is the live database")
    fd, tmp = temp_beside(target)
    os.close(fd)
    try:
        src, dst = sqlite3.connect(live, timeout=60), sqlite3.connect(tmp)
        try:
            src.backup(dst)  # the online backup API: a consistent copy while others write
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            src.close()
            dst.close()
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise ArchiveError(f"backup failed: {first_line(exc)}") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def _sqlite_restore(source: Path, live: Path) -> None:
    if live.exists() and source.resolve() == live.resolve():
        raise ArchiveError("this is the live database")
    with source.open("rb") as f:
        if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise ArchiveError("not a SQLite database")
    try:
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            _check_sqlite_backup(src)
            dst = sqlite3.connect(live, timeout=60)
            try:
                src.backup(dst)  # replaces every page of the live file, in one transaction
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise ArchiveError(f"restore failed: {first_line(exc)}") from exc


def _check_sqlite_backup(db: sqlite3.Connection) -> None:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"django_migrations", "cases_case", "cases_document"} <= tables:
        raise ArchiveError("not an urgent database (no django_migrations or cases tables)")
    if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise ArchiveError("the database file is damaged (quick_check failed)")
    refuse_unknown_migrations(list(db.execute("SELECT app, name FROM django_migrations")), "backup")


def _pg_dump(db: dict[str, Any], target: Path) -> None:
    fd, tmp = temp_beside(target)
    os.close(fd)
    try:
        _pg_run("pg_dump", ["--format=custom", f"--file={tmp}"], db)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _pg_restore(db: dict[str, Any], source: Path) -> None:
    contents = _pg_run("pg_restore", ["--list", str(source)], db, what="not a pg_dump custom-format archive")
    if not all(re.search(rf"\bTABLE \S+ {t}\b", contents) for t in ("django_migrations", "cases_case")):
        raise ArchiveError("not an urgent database dump (no django_migrations or cases tables)")
    # one transaction: a restore that fails leaves the database as it was
    args = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
    _pg_run("pg_restore", [*args, f"--dbname={_conninfo_dbname(db)}", str(source)], db)


def _pg_run(program: str, args: list[str], db: dict[str, Any], what: str = "") -> str:
    env = {**os.environ, **_libpq_env(db)}
    try:
        done = subprocess.run([_pg_program(program), *args], env=env, capture_output=True, text=True)
    except OSError as exc:
        raise ArchiveError(f"{program}: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
        why = next(
            (ln for ln in lines if "error:" in ln), lines[0] if lines else f"exit status {done.returncode}"
        )
        why = re.sub(r"^\S+: error: ", "", why.strip())
        raise ArchiveError(f"{what}: {why}" if what else f"{program}: {why}")
    return done.stdout


def _pg_program(program: str) -> str:
    """On PATH, else the newest PostgreSQL's own (Debian keeps them in /usr/lib/postgresql)."""
    found = shutil.which(program)
    if found:
        return found
    installed = sorted(glob(f"/usr/lib/postgresql/*/bin/{program}"), key=lambda p: _version(p))
    if not installed:
        raise ArchiveError(f"{program} not found: install the PostgreSQL client tools")
    return installed[-1]


def _version(path: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", Path(path).parent.parent.name))


LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


def _libpq_env(db: dict[str, Any]) -> dict[str, str]:
    """Django's connection settings as libpq variables: the password stays out of argv."""
    env = {
        var: str(db[key])
        for key, var in (
            ("NAME", "PGDATABASE"),
            ("HOST", "PGHOST"),
            ("PORT", "PGPORT"),
            ("USER", "PGUSER"),
            ("PASSWORD", "PGPASSWORD"),
        )
        if db.get(key)
    }
    env |= {
        var: str(db["OPTIONS"][key]) for key, var in LIBPQ_OPTIONS.items() if key in db.get("OPTIONS", {})
    }
    return env


def _conninfo_dbname(db: dict[str, Any]) -> str:
    """pg_restore's --dbname as a conninfo string, so that no database name is misread."""
    name = str(db["NAME"]).replace("\\", "\\\\").replace("'", "\\'")
    return f"dbname='{name}'"

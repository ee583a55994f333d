"""Bringing a register to the newest schema with Alembic, run by the tool (never by a command the user types)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

from ..domain import register_messages as msg
from ..domain import schema
from .errors import RegisterError, RegisterVersionError
from .location import Location
from .tables import OUR_TABLES, metadata

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


def script_directory() -> ScriptDirectory:
    """The register's migration scripts (installed inside the package)."""
    return ScriptDirectory(str(MIGRATIONS_DIR))


def head_revision() -> str:
    """The newest schema revision this version of the tool knows."""
    return script_directory().get_current_head()


def current_revision(conn: Connection) -> str | None:
    """The register's schema revision, None when it has none (a new or foreign database)."""
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: Connection, target: str = "head") -> None:
    """Run the migrations from the register's revision up to target, on this connection."""
    script = script_directory()

    def steps(rev, _context):
        return script._upgrade_revs(target, rev)  # what alembic.command.upgrade runs

    with EnvironmentContext(Config(), script, fn=steps, destination_rev=target) as env:
        env.configure(connection=conn, target_metadata=metadata)
        with env.begin_transaction():
            env.run_migrations()


def prepare(engine: Engine, loc: Location) -> list[str]:
    """Create or migrate the register as needed; the notes to show (migration done, backup made)."""
    script = script_directory()
    head = script.get_current_head()
    with engine.connect() as conn:
        current = current_revision(conn)
        tables = set(inspect(conn).get_table_names())
    if current is None:
        if tables - {VERSION_TABLE}:
            text = msg.NOT_A_REGISTER if loc.sqlite_path else msg.NOT_A_REGISTER_DB
            raise RegisterError(text.format(where=loc.where))
        _run_upgrade(engine)
        return []
    if current == head:
        return []
    known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise RegisterVersionError(msg.NEWER_VERSION.format(where=loc.where, found=current, known=head))
    if not OUR_TABLES & tables:
        raise RegisterError(msg.NOT_A_REGISTER.format(where=loc.where))
    copy = backup_sqlite(loc.sqlite_path, current) if loc.sqlite_path else None
    _run_upgrade(engine)
    if copy is None:
        return [msg.MIGRATED_SERVER.format(where=loc.where, old=current, new=head)]
    return [msg.MIGRATED.format(where=loc.where, old=current, new=head, backup=copy)]


def _run_upgrade(engine: Engine) -> None:
    with engine.connect() as conn:
        upgrade(conn)
        conn.commit()


def backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy of the SQLite register in sao_luu/ beside it, made before a migration."""
    folder = path.parent / schema.BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-v{revision}-{stamp}{path.suffix}"
    try:
        # SQLite's backup API copies a consistent state even if another reader has the file open.
        with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        src.close()
        dst.close()
    except sqlite3.Error:
        shutil.copy2(path, target)
    return target

"""The register as the use cases see it: opened (created or migrated), read, written in one transaction."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy.engine import Connection, Engine

from ..domain import register_messages as msg
from ..domain.register_records import ReportData
from . import location as loc_mod
from . import migrate, queries
from .errors import RegisterError


class Writer:
    """One write transaction: the connection, and a way to give everything up at the end."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.cancelled = False

    def cancel(self) -> None:
        """Roll back everything written in this transaction when it ends."""
        self.cancelled = True


class Register:
    """An open register (SQLite file or PostgreSQL database); a context manager that closes its engine."""

    def __init__(self, engine: Engine, loc: loc_mod.Location, notes: list[str]):
        self.engine = engine
        self.location = loc
        self.notes = notes  # warnings and migration notes for the user, in Vietnamese

    @property
    def where(self) -> str:
        """The register's file path or URL (without password), for messages."""
        return self.location.where

    @property
    def is_sqlite(self) -> bool:
        """True for a SQLite file register."""
        return self.location.sqlite_path is not None

    def __enter__(self) -> "Register":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the engine's connections (and the SQLite file)."""
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for queries; driver errors become Vietnamese failures."""
        with loc_mod.database_errors(self.location), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Writer]:
        """One transaction: committed at the end unless cancelled or failed (then nothing is written)."""
        with loc_mod.database_errors(self.location), self.engine.connect() as conn:
            trans = conn.begin()
            writer = Writer(conn)
            try:
                yield writer
            except BaseException:
                trans.rollback()
                raise
            if writer.cancelled:
                trans.rollback()
            else:
                trans.commit()

    def report_data(self, year_from: int, year_to: int) -> ReportData:
        """The records of contests, registrations, recognitions, rounds, activities of a period."""
        if year_from > year_to:
            raise RegisterError(msg.BAD_PERIOD.format(start=year_from, end=year_to))
        with self.reading() as conn:
            return queries.report_data(conn, year_from, year_to)

    def report_facts(self, year_from: int, year_to: int) -> ReportData:
        """The same period as report_data, with only what the summary report reads of registrations and recognitions."""
        if year_from > year_to:
            raise RegisterError(msg.BAD_PERIOD.format(start=year_from, end=year_to))
        with self.reading() as conn:
            return queries.report_facts(conn, year_from, year_to)


def open_register(location: str | None, base_folder: Path) -> Register:
    """The register meant by --register / $BINHCHON_REGISTER / base_folder, created or migrated as needed."""
    loc = loc_mod.resolve(location, Path(base_folder))
    notes = []
    if loc.sqlite_path is not None and loc_mod.network_path(loc.sqlite_path):
        notes.append(msg.NETWORK_PATH.format(where=loc.where))
    engine = loc_mod.make_engine(loc)
    try:
        with loc_mod.database_errors(loc):
            notes += migrate.prepare(engine, loc)
    except BaseException:
        engine.dispose()
        raise
    return Register(engine, loc, notes)

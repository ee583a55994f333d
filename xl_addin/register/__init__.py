"""The multi-year register (sổ theo dõi): SQLAlchemy Core tables, Alembic migrations, queries of plain records."""

from .errors import RegisterError, RegisterLockedError, RegisterUnavailableError, RegisterVersionError
from .store import Register, Writer, open_register

__all__ = [
    "Register", "RegisterError", "RegisterLockedError", "RegisterUnavailableError", "RegisterVersionError",
    "Writer", "open_register",
]

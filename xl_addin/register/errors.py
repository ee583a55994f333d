"""Failures of the register, each with a Vietnamese message saying what, where and how to fix it."""

from __future__ import annotations

from ..errors import BinhchonError


class RegisterError(BinhchonError):
    """The register cannot be opened or used (not a register, a newer version, unreachable…)."""


class RegisterLockedError(RegisterError):
    """Another program holds the SQLite register file."""


class RegisterUnavailableError(RegisterError):
    """The PostgreSQL server does not answer, or refuses the connection."""


class RegisterVersionError(RegisterError):
    """The register was made by a newer version of the tool."""

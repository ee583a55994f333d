"""`binhchon register show|expiring|export|nghi-trung`: asking the register."""

from __future__ import annotations


def add_query_commands(sub, with_register, year_type) -> None:
    """Add the register's query sub-commands."""

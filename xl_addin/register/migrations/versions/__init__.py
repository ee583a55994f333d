"""Alembic revisions of the register's schema, oldest first (0001, 0002, …)."""

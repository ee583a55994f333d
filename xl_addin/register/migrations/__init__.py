"""The register's Alembic migrations, run by the tool itself (xl_addin.register.migrate), never by hand."""

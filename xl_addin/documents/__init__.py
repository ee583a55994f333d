"""Documents from templates (docxtpl / python-docx): certificates, the decision annex, the score summary."""

from .make import DocumentsOutcome, write_documents

__all__ = ["DocumentsOutcome", "write_documents"]

"""Documents from templates (docxtpl / python-docx): certificates, the decision annex, the score summary."""

from .make import DocumentsOutcome, make_documents

__all__ = ["DocumentsOutcome", "make_documents"]

"""Documents from templates (docxtpl / python-docx): certificates, the decision annex, the score summary."""

__all__ = ["DocumentsOutcome", "write_documents"]


def __getattr__(name: str):
    """write_documents and DocumentsOutcome, imported when first asked for.

    The summary report (documents.report) needs none of the certificates' machinery: importing it
    eagerly cost `binhchon report` a tenth of its start.
    """
    if name in __all__:
        from . import make

        return getattr(make, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Where the document templates live, and the variables each one may use."""

from __future__ import annotations

from pathlib import Path

from ..domain import document_messages as msg
from ..domain.authorities import LAYOUT_CEREMONIAL, LAYOUT_PREPRINTED
from ..errors import TemplateError
from ..resources import resource_dir
from .contexts import ANNEX_FIELDS, CERTIFICATE_FIELDS, SUMMARY_FIELDS

CERTIFICATE = "certificate.docx"  # the ceremonial landscape certificate
CERTIFICATE_PREPRINTED = "certificate_preprinted.docx"  # only the variable text, for pre-printed blanks
ANNEX = "annex.docx"
SUMMARY = "score_summary.docx"
FIELDS = {CERTIFICATE: CERTIFICATE_FIELDS, CERTIFICATE_PREPRINTED: CERTIFICATE_FIELDS, ANNEX: ANNEX_FIELDS,
          SUMMARY: SUMMARY_FIELDS}
CERTIFICATE_TEMPLATES = {LAYOUT_CEREMONIAL: CERTIFICATE, LAYOUT_PREPRINTED: CERTIFICATE_PREPRINTED}


def default_templates_dir() -> Path:
    """The document_templates/ folder of the source tree or of the installed package."""
    return resource_dir("document_templates")


def template_path(templates_dir: Path | None, name: str) -> Path:
    """The path of a template; TemplateError when it is missing."""
    path = (templates_dir or default_templates_dir()) / name
    if not path.is_file():
        raise TemplateError(msg.template_missing(str(path)))
    return path

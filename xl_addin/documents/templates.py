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
# The SHA-256 of each template shipped in document_templates/ (rebuilt by build_templates): a file with
# these bytes had its package checked when it was made (tests/documents/test_checked_templates.py runs
# the whole check on each), so safety.check_docx_file does not parse its every part again on each run.
SHIPPED_DIGESTS = frozenset({
    "d7a8ba0c1ac7a494ff657ff60a0536b6d57e635981da4ed7d5f13fdb82848f00",  # annex.docx
    "99e549aa851c24722186fb29fb4723689f66764d10fdffa1bb969f90ed0c3e96",  # certificate.docx
    "fef1b72737b60c137c8771cae621ad0e32ec77156c22b6408acdb4a47f384a72",  # certificate_preprinted.docx
    "1c98f55f097321a688f9beec11351d368ed6b5af89607ec37d3fc024fe5c3cd4",  # report.docx
    "254350d34f2f4fe5c33ce726eeaa9b2ad7321d2bc928377ef9da9c8bd525c3c4",  # score_summary.docx
    "1de40439705ae4afb07bd39eeb18ca47023a070c71551c72eacb0eb2d8654db9",  # thu_moi_dang_ky_lai.docx
})


def default_templates_dir() -> Path:
    """The document_templates/ folder of the source tree or of the installed package."""
    return resource_dir("document_templates")


def template_path(templates_dir: Path | None, name: str) -> Path:
    """The path of a template; TemplateError when it is missing."""
    path = (templates_dir or default_templates_dir()) / name
    if not path.is_file():
        raise TemplateError(msg.template_missing(str(path)))
    return path

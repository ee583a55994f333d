"""Build the docxtpl templates in document_templates/ (run: python -m xl_addin.documents.build_templates)."""

from __future__ import annotations

import hashlib
import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from . import template_certificates, template_tables
from .templates import ANNEX, CERTIFICATE, CERTIFICATE_PREPRINTED, SUMMARY, default_templates_dir
from .letters_template import LETTER, build_letter
from .report_template import REPORT, build_report

FIXED_TIME = datetime(2020, 1, 1)


def _built(builder):
    """A builder writing its document to a path."""
    return lambda path: _save(builder(), path)


build_certificate = _built(template_certificates.build_certificate)
build_preprinted = _built(template_certificates.build_preprinted)
build_annex = _built(template_tables.build_annex)
build_summary = _built(template_tables.build_summary)


def _save(doc, path: Path) -> None:
    """Save with fixed metadata and zip times, so that rebuilding gives the same bytes."""
    props = doc.core_properties
    props.author, props.last_modified_by, props.revision = "binhchon", "binhchon", 1
    props.created = props.modified = FIXED_TIME
    props.title = props.subject = props.comments = props.keywords = ""
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)


BUILDERS = {CERTIFICATE: build_certificate, CERTIFICATE_PREPRINTED: build_preprinted, ANNEX: build_annex,
            SUMMARY: build_summary}
BUILDERS[LETTER] = build_letter  # the register's invitation to register again (letters_template.py)
BUILDERS[REPORT] = build_report  # the summary report's frame (report_template.py)


def main(argv: list[str] | None = None) -> int:
    """Write the templates into the given folder (default: document_templates/, and prepared_sources.py)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else default_templates_dir()
    out.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        build(out / name)
        print(out / name)
    if not args:
        PREPARED.write_text(prepared_module([out / name for name in BUILDERS]), encoding="utf-8")
        print(PREPARED)
    return 0


PREPARED = Path(__file__).with_name("prepared_sources.py")


def prepared_module(templates: list[Path]) -> str:
    """The text of prepared_sources.py: docxtpl's patch_xml of each source of these templates, by SHA-256."""
    import docxtpl
    from docxtpl import DocxTemplate

    from .safety import template_sources_raw

    patched = {}
    for path in templates:
        for source in template_sources_raw(path):
            patched[hashlib.sha256(source.encode("utf-8")).hexdigest()] = DocxTemplate.patch_xml(None, source)
    lines = ['"""docxtpl\'s patch_xml of each part of the shipped templates, by the SHA-256 of the part\'s source.',
             "", "Written by `python -m xl_addin.documents.build_templates`: do not edit.", '"""', "",
             f"DOCXTPL = {docxtpl.__version__!r}", "PATCHED = {"]
    lines += [f"    {digest!r}: {text!r}," for digest, text in sorted(patched.items())]
    return "\n".join(lines + ["}", ""])


if __name__ == "__main__":
    raise SystemExit(main())

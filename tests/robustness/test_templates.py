"""Templates edited in Word, or not quite: every part of a .docx is checked before docxtpl reads it,
and the refusal names the template and the part."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from xl_addin.documents.safety import check_docx_file
from xl_addin.errors import TemplateError

from .bad_files import patch_part

TEMPLATES = Path(__file__).resolve().parents[2] / "document_templates"


@pytest.fixture
def template(tmp_path) -> Path:
    return Path(shutil.copy(TEMPLATES / "certificate.docx", tmp_path / "certificate.docx"))


def test_an_entity_declaration_far_into_a_part_is_refused(template):
    def deep(xml: bytes) -> bytes:
        head, _, body = xml.partition(b"?>")
        return head + b"?>\n<!--" + b" " * 10_000 + b'-->\n<!DOCTYPE w [<!ENTITY x "xxxxxxxx">]>' + body
    patch_part(template, "word/document.xml", deep)
    with pytest.raises(TemplateError) as caught:
        check_docx_file(template)
    assert "certificate.docx" in caught.value.message and "word/document.xml" in caught.value.message
    assert "DOCTYPE/ENTITY" in caught.value.message


def test_malformed_xml_in_a_style_part_names_the_part_and_line(template):
    patch_part(template, "word/styles.xml", lambda xml: xml.replace(b"</w:style>", b"</w:styl>", 1))
    with pytest.raises(TemplateError) as caught:
        check_docx_file(template)
    assert "word/styles.xml" in caught.value.message and "dòng" in caught.value.message


def test_the_shipped_templates_pass(template):
    for path in TEMPLATES.glob("*.docx"):
        check_docx_file(path)

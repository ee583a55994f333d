"""The templates shipped with the tool are checked once, when made: a file with their bytes is not parsed
again at each run, and anything else (an edited copy) still gets the whole check (issue 11)."""

from __future__ import annotations

import hashlib
import shutil
import zipfile

import pytest

from xl_addin.documents import safety
from xl_addin.documents.safety import check_docx_file, check_docx_package
from xl_addin.documents.templates import SHIPPED_DIGESTS, default_templates_dir
from xl_addin.errors import TemplateError

SHIPPED = sorted(default_templates_dir().glob("*.docx"))


def test_the_recorded_digests_are_those_of_the_shipped_templates():
    digests = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in SHIPPED}
    assert set(digests.values()) == SHIPPED_DIGESTS, (
        "document_templates/ changed: set templates.SHIPPED_DIGESTS to " + repr(digests))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_each_shipped_template_passes_the_whole_check(path):
    check_docx_package(path)  # what a recorded digest stands for


def _refuse(*_args, **_kw):
    raise AssertionError("the package was inspected")


def test_a_copy_of_a_shipped_template_elsewhere_is_not_inspected_again(tmp_path, monkeypatch):
    copy = tmp_path / "mau" / "giay.docx"
    copy.parent.mkdir()
    shutil.copy(SHIPPED[0], copy)
    monkeypatch.setattr(safety, "inspect_package", _refuse)
    check_docx_file(copy)


def test_an_edited_copy_gets_the_whole_check_and_is_refused_when_it_declares_an_entity(tmp_path):
    source, edited = SHIPPED[0], tmp_path / SHIPPED[0].name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/styles.xml":  # not a part docxtpl renders: only the check reads it
                data = data.replace(b"?>", b'?><!DOCTYPE w:styles [<!ENTITY x "y">]>', 1)
            dst.writestr(info, data)
    with pytest.raises(TemplateError):
        check_docx_file(edited)

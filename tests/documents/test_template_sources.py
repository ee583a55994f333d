"""template_sources reads the zip itself: the same Jinja source docxtpl renders, body, headers and footers."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docxtpl import DocxTemplate

from xl_addin.documents.safety import template_sources
from xl_addin.documents.templates import default_templates_dir


def docxtpl_sources(path) -> list[str]:
    """What docxtpl itself renders, read through python-docx as docxtpl does."""
    tpl = DocxTemplate(path)
    tpl.init_docx()
    sources = [tpl.patch_xml(tpl.get_xml())]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        sources += [tpl.patch_xml(tpl.get_part_xml(part)) for _, part in tpl.get_headers_footers(uri)]
    return sources


@pytest.mark.parametrize("name", sorted(p.name for p in default_templates_dir().glob("*.docx")))
def test_each_bundled_template_reads_as_docxtpl_reads_it(name):
    path = default_templates_dir() / name
    assert template_sources(path) == docxtpl_sources(path)


def test_headers_and_footers_follow_the_body_as_docxtpl_orders_them(tmp_path):
    doc = Document()
    doc.add_paragraph("Thân {{ product_name }}")
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Đầu trang {{ organiser }}"
    section.first_page_header.paragraphs[0].text = "Đầu trang đầu {{ year }}"
    section.footer.paragraphs[0].text = "Chân trang {{ place }}"
    path = tmp_path / "mau.docx"
    doc.save(path)
    sources = template_sources(path)
    assert sources == docxtpl_sources(path)
    assert ["{{ product_name }}" in sources[0], "{{ organiser }}" in sources[1], "{{ year }}" in sources[2],
            "{{ place }}" in sources[3]] == [True] * 4


@pytest.mark.parametrize("target", [b"/word/document.xml", b"word/../word/document.xml"])
def test_the_document_is_found_by_its_relationship_however_written(tmp_path, target):
    source = default_templates_dir() / "certificate.docx"
    path = tmp_path / "khac.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "_rels/.rels":
                assert b'Target="word/document.xml"' in data
                data = data.replace(b'Target="word/document.xml"', b'Target="' + target + b'"')
            new.writestr(info, data)
    assert template_sources(path) == docxtpl_sources(path) == docxtpl_sources(source)


def test_a_package_not_laid_out_as_word_writes_it_is_read_through_docxtpl(monkeypatch):
    from xl_addin.documents import safety

    path = default_templates_dir() / "annex.docx"
    monkeypatch.setattr(safety, "_sources_from_zip", lambda tpl, z: None)
    assert template_sources(path) == docxtpl_sources(path)
    assert len(template_sources(path)) == 3  # the body, then the two headers docxtpl renders

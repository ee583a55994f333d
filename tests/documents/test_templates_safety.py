"""Templates: variables checked before rendering, the sandbox, damaged files, file names."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx_reading import edited_templates, paragraphs
from jinja2.exceptions import SecurityError

from xl_addin.documents import write_documents
from xl_addin.documents.contexts import CERTIFICATE_FIELDS
from xl_addin.documents.render import TemplateRenderer, make_stamp
from xl_addin.documents.safety import check_docx_file, check_variables, safe_filename, sandbox_env
from xl_addin.documents.templates import ANNEX, CERTIFICATE, CERTIFICATE_PREPRINTED, default_templates_dir
from xl_addin.errors import TemplateError

TEMPLATES = default_templates_dir()


def test_misspelled_variable_is_refused_with_its_name(tmp_path, contest, rows):
    templates = edited_templates(TEMPLATES, tmp_path / "mau", CERTIFICATE, "{{ product_name }}", "{{ product_nmae }}")
    with pytest.raises(TemplateError) as caught:
        write_documents(contest, rows, None, tmp_path / "out", templates_dir=templates)
    message = caught.value.message
    assert "“product_nmae” (có phải “product_name”?)" in message
    assert str(templates / CERTIFICATE) in message
    assert not (tmp_path / "out").exists()  # refused before anything is written


def test_misspelled_field_of_a_loop_item_is_refused(tmp_path, contest, rows):
    templates = edited_templates(TEMPLATES, tmp_path / "mau", ANNEX, "{{ r.score }}", "{{ r.scroe }}")
    with pytest.raises(TemplateError, match="“r.scroe” \\(có phải “r.score”\\?\\)"):
        write_documents(contest, rows, None, tmp_path / "out", templates_dir=templates)


def test_attribute_access_to_python_internals_is_refused(tmp_path, contest, rows):
    # The decision: the sandbox's SecurityError becomes a TemplateError and nothing is written.
    templates = edited_templates(TEMPLATES, tmp_path / "mau", CERTIFICATE, "{{ product_name }}",
                                 "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateError) as caught:
        write_documents(contest, rows, None, tmp_path / "out", templates_dir=templates)
    assert "bị chặn vì lý do an toàn" in caught.value.message
    assert "__class__" in caught.value.message
    assert not (tmp_path / "out").exists()


def test_sandbox_blocks_internals_and_escapes():
    env = sandbox_env()
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__ }}").render()
    assert env.from_string("{{ x }}").render(x="A & B <C>") == "A &amp; B &lt;C&gt;"


def test_template_syntax_error_names_the_tag(tmp_path, contest, rows):
    templates = edited_templates(TEMPLATES, tmp_path / "mau", CERTIFICATE, "{{ group }}", "{{ group ")
    with pytest.raises(TemplateError, match="thẻ viết sai"):
        write_documents(contest, rows, None, tmp_path / "out", templates_dir=templates)


def test_filter_in_template_falls_back_to_docxtpl(tmp_path, contest, rows):
    templates = edited_templates(TEMPLATES, tmp_path / "mau", CERTIFICATE, "{{ product_name }}",
                                 "{{ product_name|upper }}")
    env = sandbox_env()
    trees = check_variables(templates / CERTIFICATE, CERTIFICATE_FIELDS, env)
    assert make_stamp(templates / CERTIFICATE, CERTIFICATE_FIELDS, trees, env) is None
    write_documents(contest, rows, None, tmp_path / "out", templates_dir=templates)
    assert "GỐM THỔ HÀ MEN RẠN" in paragraphs(tmp_path / "out" / "SP01.docx")


def _context(value: str) -> dict:
    """A certificate context: each text field the value and its name; each list of lines two lines."""
    return {name: f"{value} {name}" if sub is None else [f"{value} {name} 1", f"{name} 2"]
            for name, sub in CERTIFICATE_FIELDS.items()}


def test_stamp_gives_way_to_docxtpl_for_line_breaks():
    renderer = TemplateRenderer(TEMPLATES / CERTIFICATE, CERTIFICATE_FIELDS, sandbox_env(), fast=True)
    context = _context("giá trị")
    renderer.parts(context)  # the stamp is made from the first context
    assert renderer.stamp is not None and renderer.stamp.fill(context) is not None
    context["product_name"] = "dòng 1\ndòng 2"
    assert renderer.stamp.fill(context) is None
    _, parts = renderer.parts(context)  # rendered by docxtpl: the newline becomes a line break
    assert b"d\xc3\xb2ng 1</w:t><w:br/>" in parts["word/document.xml"]


def test_zip_bomb_template_is_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
        z.writestr("word/media/blob.bin", bytes(8 * 1024 * 1024))
    with pytest.raises(TemplateError, match="nén bất thường"):
        check_docx_file(bomb)


def test_entity_declarations_are_refused(tmp_path):
    doc = tmp_path / "laughs.docx"
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>')
    with pytest.raises(TemplateError, match="DOCTYPE"):
        check_docx_file(doc)


def test_not_a_docx_is_refused(tmp_path):
    fake = tmp_path / "certificate.docx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(TemplateError, match="không đọc được"):
        check_docx_file(fake)


def test_missing_template_is_refused(tmp_path, contest, rows):
    with pytest.raises(TemplateError, match="Không tìm thấy mẫu văn bản"):
        write_documents(contest, rows, None, tmp_path / "out", templates_dir=tmp_path / "nowhere")


@pytest.mark.parametrize("code, stem", [
    ("SP01", "SP01"), ("SP/03", "SP_03"), ("../../etc/passwd", "______etc_passwd"), ("CON", "_CON"),
    ("Đ 01", "Đ_01"), ("", "_"), ("a:b*c?", "a_b_c_"),
])
def test_safe_filename(code, stem):
    assert safe_filename(code) == stem


def test_templates_are_reproducible(tmp_path):
    from xl_addin.documents.build_templates import main

    assert main([str(tmp_path)]) == 0
    for name in (CERTIFICATE, CERTIFICATE_PREPRINTED, ANNEX, "score_summary.docx"):
        built, committed = zipfile.ZipFile(tmp_path / name), zipfile.ZipFile(TEMPLATES / name)
        assert {n: built.read(n) for n in built.namelist()} == {n: committed.read(n) for n in committed.namelist()}


def test_every_tag_sits_in_one_run():
    from docx import Document

    for name in (CERTIFICATE, CERTIFICATE_PREPRINTED, ANNEX, "score_summary.docx"):
        xml = Document(io.BytesIO((TEMPLATES / name).read_bytes())).element.xml
        texts = [t for t in xml.split("<w:t") if "{" in t or "}" in t]
        for t in texts:
            content = t.split(">", 1)[1].split("</w:t>")[0]
            assert content.count("{") == content.count("}"), (name, content)


@pytest.mark.parametrize("value", [
    "A & B <Việt Nam>", "it's \"quoted\"", "a{_{b}_}c {_% x %_}", "😀 Ứng Hòa", "  spaced  ", "]]> &amp;",
])
def test_stamp_matches_docxtpl_byte_for_byte(value):
    from xl_addin.documents.render import render_docx

    renderer = TemplateRenderer(TEMPLATES / CERTIFICATE, CERTIFICATE_FIELDS, sandbox_env(), fast=True)
    context = _context(value)
    _, parts = renderer.parts(context)
    assert renderer.stamp is not None
    with zipfile.ZipFile(io.BytesIO(render_docx(TEMPLATES / CERTIFICATE, context, sandbox_env()))) as z:
        assert parts["word/document.xml"] == z.read("word/document.xml")


def test_stamp_serves_only_the_lines_it_was_made_with():
    from xl_addin.documents.render import render_docx

    renderer = TemplateRenderer(TEMPLATES / CERTIFICATE, CERTIFICATE_FIELDS, sandbox_env(), fast=True)
    first = _context("một")
    renderer.parts(first)
    assert renderer.stamp is not None and renderer.stamp.fill(first) is not None
    other = dict(first, signer_lines=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
    assert renderer.stamp.fill(other) is None  # another signer's title: docxtpl renders it
    _, parts = renderer.parts(other)
    with zipfile.ZipFile(io.BytesIO(render_docx(TEMPLATES / CERTIFICATE, other, sandbox_env()))) as z:
        assert parts["word/document.xml"] == z.read("word/document.xml")
    assert "PHÓ CHỦ TỊCH".encode() in parts["word/document.xml"]

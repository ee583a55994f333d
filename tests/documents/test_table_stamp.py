"""The annex and the score summary by stamp: byte for byte what docxtpl renders and fits, or docxtpl itself."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest
from doc_samples import make_contest, make_info, make_result_set, make_rows
from docx_reading import edited_templates, table_rows
from long_contest import long_contest

from xl_addin.documents import table_stamp, write_documents
from xl_addin.documents.contexts import annex_context
from xl_addin.documents.grid import fit_document
from xl_addin.documents.render import TemplateRenderer
from xl_addin.documents.safety import sandbox_env
from xl_addin.documents.summary_context import summary_context
from xl_addin.documents.table_stamp import render_table, stamped_table
from xl_addin.documents.templates import ANNEX, FIELDS, SUMMARY, default_templates_dir
from xl_addin.domain import rules
from xl_addin.domain.certificates import assign_certificates, recognised_rows

TEMPLATES = default_templates_dir()
# Every character the XML escapes, docxtpl's '{_{' clean-up, and a token longer than a narrow column.
ODD = "A & B <C> \"nháy\" 'đơn' {_{ x }_} {_% y %_} QNa/2024/0001-RẤT-DÀI-KHÔNG-CÓ-DẤU-CÁCH"


def _contexts(contest, rows, result_set) -> dict:
    numbers = assign_certificates(rows, contest.info, contest.rules)
    return {ANNEX: annex_context(contest, recognised_rows(rows), numbers),
            SUMMARY: summary_context(contest, rows, result_set)}


def _sample():
    return _contexts(make_contest(), make_rows(), make_result_set())


def _odd_values():
    """The sample with odd text in every row's first value, empty values, and a name of 200 characters."""
    contexts = _sample()
    for context in contexts.values():
        for g in context["groups"]:
            for i, r in enumerate(g["rows"]):
                r["product_name"] = f"{ODD} {r['product_name']}" if i == 0 else r["product_name"] * 2
                r["establishment"] = ""
                r["stt"] = ODD
    return contexts


def _ocop():
    contest = dataclasses.replace(make_contest(), rules=rules.preset("ocop-2023"))
    return _contexts(contest, make_rows(), make_result_set())


def _long(judges: int):
    return lambda: _contexts(*long_contest(40, judges=judges))


def _commune():
    return _contexts(make_contest(make_info(level="xa", issuer="Ủy ban nhân dân xã Tân Dĩnh")), make_rows(),
                     make_result_set())


def _document_xml(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read("word/document.xml")


def _renderer(name, templates=TEMPLATES):
    return TemplateRenderer(templates / name, FIELDS[name], sandbox_env())


@pytest.mark.parametrize("name", [ANNEX, SUMMARY])
@pytest.mark.parametrize("make", [_sample, _odd_values, _ocop, _long(5), _long(9), _commune],
                         ids=["sample", "odd-values", "ocop", "long-5-judges", "long-9-judges", "commune"])
def test_stamp_is_docxtpl_rendering_and_fitting_byte_for_byte(name, make):
    context = make()[name]
    stamped = stamped_table(_renderer(name), context)
    assert stamped is not None  # the project's own templates are stamped
    assert _document_xml(stamped) == _document_xml(_renderer(name).render(context, finish=fit_document))


def test_rows_numbered_by_the_template_fall_back_to_docxtpl(tmp_path, contest, rows, result_set):
    templates = edited_templates(TEMPLATES, tmp_path / "mau", ANNEX, "{{ r.stt }}", "{{ loop.index }}")
    context = _sample()[ANNEX]
    assert stamped_table(_renderer(ANNEX, templates), context) is None  # each row's number differs
    write_documents(contest, rows, result_set, tmp_path / "out", templates_dir=templates)
    numbers = [r[0] for r in table_rows(tmp_path / "out" / "danh_sach_kem_theo_quyet_dinh.docx", 1)]
    # Groups I (SP01, SP/03), II (SP02), III (SP04): each numbered from 1 by its own loop.
    assert numbers == ["STT", "I", "1", "2", "Cộng nhóm I: 2 sản phẩm", "II", "1", "Cộng nhóm II: 1 sản phẩm",
                       "III", "1", "Cộng nhóm III: 1 sản phẩm", "Tổng cộng: 4 sản phẩm"]


def test_rows_counted_by_the_template_fall_back_to_docxtpl(tmp_path):
    templates = edited_templates(TEMPLATES, tmp_path / "mau", ANNEX, "{{ g.count }}", "{{ g.rows|length }}")
    context = _sample()[ANNEX]
    assert stamped_table(_renderer(ANNEX, templates), context) is None
    text = [r[0] for r in table_rows_of(render_table(_renderer(ANNEX, templates), context), tmp_path)]
    assert "Cộng nhóm I: 2 sản phẩm" in text


def test_rows_of_unlike_shape_fall_back_to_docxtpl(tmp_path):
    context = _sample()[SUMMARY]
    context["groups"][0]["rows"][1]["judge_totals"] = ["90,00"]  # one judge's total where the others have three
    assert stamped_table(_renderer(SUMMARY), context) is None
    rows = table_rows_of(render_table(_renderer(SUMMARY), context), tmp_path)
    assert [r[4] for r in rows if len(r) > 4 and r[2] == "SP/03"] == ["90,00"]


def table_rows_of(docx: bytes, tmp_path):
    path = tmp_path / "doc.docx"
    path.write_bytes(docx)
    return table_rows(path, 1)


def test_two_values_in_one_text_node_left_empty_and_percent_signs_as_docxtpl_writes_them(tmp_path):
    templates = edited_templates(TEMPLATES, tmp_path / "mau1", ANNEX, "{{ r.score }}", "{{ r.stt }}{{ r.score }}")
    templates = edited_templates(templates, tmp_path / "mau", ANNEX, "{{ r.cert_no }}", "{{ r.cert_no }} %s %")
    context = _sample()[ANNEX]
    for i, r in enumerate(context["groups"][0]["rows"]):
        r["stt"], r["score"] = ("", "") if i == 0 else ("5%", "%d %s")
    context["groups"][0]["rows"][0]["product_name"] = "Đường 50% & mật"
    stamped = stamped_table(_renderer(ANNEX, templates), context)
    assert stamped is not None
    expected = _document_xml(_renderer(ANNEX, templates).render(context, finish=fit_document))
    assert _document_xml(stamped) == expected
    assert b"%d %s %s %" not in expected  # each value in its own text node
    assert b"5%%d %s<" in expected and b" %s %<" in expected and "Đường 50% &amp; mật".encode() in expected
    first_row = expected[expected.index("Đường 50%".encode()):]
    assert first_row.index(b'<w:t xml:space="preserve"/>') < first_row.index(b"</w:tr>")  # two empty values


def test_rows_that_print_their_groups_value_are_measured_group_by_group(tmp_path, monkeypatch):
    # Each group's stand-in row differs (its own roman numeral): it is measured over its own group's rows only
    # (measured over every group's rows, "XXXX.22222" would widen the column, though no row holds it).
    templates = edited_templates(TEMPLATES, tmp_path / "mau", ANNEX, "{{ r.stt }}", "{{ g.roman }}.{{ r.stt }}")
    context = _sample()[ANNEX]
    context["groups"][0]["rows"][1]["stt"] = "22222"
    context["groups"][-1]["roman"] = "XXXX"
    shared = []
    share_rows = table_stamp._Slots.share_rows

    def spy(slots, xml, spans):
        share_rows(slots, xml, spans)
        shared.append(slots.shared)

    monkeypatch.setattr(table_stamp._Slots, "share_rows", spy)
    stamped = stamped_table(_renderer(ANNEX, templates), context)
    assert stamped is not None
    assert _document_xml(stamped) == _document_xml(_renderer(ANNEX, templates).render(context, finish=fit_document))
    assert shared == [False]
    assert stamped_table(_renderer(ANNEX), _sample()[ANNEX]) is not None and shared == [False, True]


@pytest.mark.parametrize("xml", [
    b"<a><b>x Zq1 y</b><c>Zq1</c></a>", b'<a><b v="Zq1">x</b></a>', b"<a><!-- Zq1 --><b>x</b></a>",
    b"<a>Zq1<b/>Zq1</a>", b"<a><b>x</b></a>", b"Zq1<a/>", b"<a/>Zq1", b"<a><?pi Zq1?></a>", b"<a Zq1/>",
])
def test_sentinels_in_text_only_found_as_render_finds_them(xml):
    from xl_addin.documents.render import in_text_only

    assert table_stamp._in_text(xml, b"Zq1") == in_text_only(xml, b"Zq1")

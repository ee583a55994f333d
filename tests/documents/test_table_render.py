"""The table documents rendered by docxtpl's steps on the template's parts (table_render): every part the
same bytes as docxtpl's own rendering saved by python-docx, or docxtpl itself where the package differs."""

from __future__ import annotations

import io
import random
import shutil
import struct
import zipfile
import zlib

import pytest
from doc_samples import make_contest, make_result_set, make_rows
from docx import Document
from docx.shared import Pt
from docxtpl import RichText
from long_contest import long_contest
from test_table_stamp import _contexts

from xl_addin.documents import zippkg
from xl_addin.documents.grid import fit_document, fit_tables
from xl_addin.documents.measure import widest_word_and_line, word_and_line_points
from xl_addin.documents.render import TemplateRenderer
from xl_addin.documents.safety import sandbox_env
from xl_addin.documents.table_render import TablePackage, _normal_pt, plain_data
from xl_addin.documents.table_stamp import stamped_table
from xl_addin.documents.templates import ANNEX, FIELDS, SUMMARY, default_templates_dir

TEMPLATES = default_templates_dir()
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {name: z.read(name) for name in z.namelist()}


def _renderer(path):
    return TemplateRenderer(path, FIELDS[path.name], sandbox_env())


def _fast(renderer, context) -> dict[str, bytes]:
    made = TablePackage.open(renderer.path, renderer.env).render(context, fit_tables)
    assert made is not None
    entries, xml = made
    return {e.name: zippkg.unpack(e) for e in entries} | {"word/document.xml": xml}


def _png() -> bytes:
    """A 2x2 white PNG, made by hand."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\xff\xff" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _edited(tmp_path, name: str):
    """The template with a variable in its header, in its title, a picture in the body and Normal at 12 pt."""
    path = tmp_path / name
    shutil.copy(TEMPLATES / name, path)
    doc = Document(path)
    doc.sections[0].header.paragraphs[0].add_run(" – năm {{ year }}")
    doc.core_properties.title = "Văn bản {{ year }} & {{ level_name }}"
    doc.styles["Normal"].font.size = Pt(12)
    (tmp_path / "logo.png").write_bytes(_png())
    doc.add_picture(str(tmp_path / "logo.png"))
    doc.add_picture(str(tmp_path / "logo.png"))
    doc.save(path)
    return path


def _sample():
    return _contexts(make_contest(), make_rows(), make_result_set())


@pytest.mark.parametrize("name", [ANNEX, SUMMARY])
@pytest.mark.parametrize("make", [_sample, lambda: _contexts(*long_contest(30, judges=9))], ids=["sample", "long"])
def test_every_part_is_docxtpls_rendering_saved_by_python_docx(name, make):
    renderer = _renderer(TEMPLATES / name)
    context = make()[name]
    slow = _parts(renderer.render(context, finish=fit_document))
    fast = _fast(renderer, context)
    assert list(fast) == list(slow)  # the same parts in the same order
    assert fast == slow


@pytest.mark.parametrize("name", [ANNEX, SUMMARY])
def test_header_title_pictures_and_body_size_as_docxtpl_renders_them(tmp_path, name):
    renderer = _renderer(_edited(tmp_path, name))
    context = _sample()[name]
    slow = _parts(renderer.render(context, finish=fit_document))
    fast = _fast(renderer, context)
    assert fast == slow
    assert b"2019" in fast["word/header1.xml"] + fast["word/header2.xml"]  # the header's variable was filled
    assert "Văn bản 2019 &amp;".encode() in fast["docProps/core.xml"]
    assert b'id="1001"' in fast["word/document.xml"] and b'id="1002"' in fast["word/document.xml"]
    assert TablePackage.open(renderer.path, renderer.env).body_pt == 12
    stamped = stamped_table(renderer, context)  # the stamp goes through the same path
    assert stamped is not None
    assert _parts(stamped)["word/document.xml"] == slow["word/document.xml"]


def test_a_package_with_footnotes_is_left_to_docxtpl(tmp_path):
    path = tmp_path / ANNEX
    with zipfile.ZipFile(TEMPLATES / ANNEX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            out.writestr(info, data)
    renderer = _renderer(path)
    assert TablePackage.open(path, renderer.env) is None
    context = _sample()[ANNEX]
    stamped = stamped_table(renderer, context)
    assert stamped is not None  # stamped all the same, from docxtpl's own rendering
    assert _parts(stamped)["word/document.xml"] == _parts(renderer.render(context, finish=fit_document))[
        "word/document.xml"]


def test_a_context_holding_a_docxtpl_object_is_left_to_docxtpl():
    renderer = _renderer(TEMPLATES / ANNEX)
    context = _sample()[ANNEX] | {"issuer": RichText("Ủy ban")}
    assert not plain_data(context)
    assert TablePackage.open(renderer.path, renderer.env).render(context, fit_tables) is None
    assert plain_data(_sample()[SUMMARY]) and plain_data({"a": [1, 2.5, None, True, ("x",)]})
    assert not plain_data({1: "key not text"})


def _styles(body: str, root: str = f'<w:styles xmlns:w="{W}">') -> dict:
    entry = zippkg.Entry("s.xml", zipfile.ZIP_STORED, 0, 0, (root + body + root.replace("<", "</")
                                                                  .split(" ")[0] + ">").encode(), 0, 0)
    return {"s.xml": entry}


def _style(name: str, size: int | None) -> str:
    rpr = f'<w:rPr><w:sz w:val="{size}"/></w:rPr>' if size else ""
    return f'<w:style w:type="paragraph" w:styleId="{name}"><w:name w:val="{name}"/>{rpr}</w:style>'


@pytest.mark.parametrize("parts, expected", [
    (_styles(_style("Heading", 40) + _style("Normal", 26)), 13),
    (_styles(_style("Normal", None)), 11.0),  # no size: python-docx says None, the fit takes 11 pt
    (_styles(_style("Normal", 24) + _style("Normal", 30)), 12),  # the first, as python-docx finds it
    (_styles(_style("Heading", 40)), None),  # no Normal style: docxtpl's path
    (_styles(_style("Normal", 28).replace("w:", "x:"), f'<x:styles xmlns:x="{W}">'), 14),  # another prefix
    (_styles('<w:style w:type="paragraph" w:styleId="N" q:o="1"><w:name w:val="Normal"/>'
             '<w:rPr><q:z/><w:sz w:val="22"/></w:rPr></w:style>', f'<w:styles xmlns:w="{W}" xmlns:q="urn:q">'),
     11),  # a prefix declared outside the style: the whole part parsed
])
def test_the_normal_size_is_python_docxs(parts, expected):
    assert _normal_pt(parts, "s.xml") == expected


def test_widest_word_and_line_is_the_largest_of_each_text_measured_alone():
    rng = random.Random(11)
    alphabet = list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢẾỘỮ0123456789.,;:/-&()") + [" ", " ", "  ", "\t", "\u00a0"]
    for _ in range(300):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
                 for _ in range(rng.randrange(1, 8))]
        size, bold = rng.choice([10, 12.5, 13]), rng.random() < 0.5
        one_by_one = [word_and_line_points(t, size, bold) for t in texts]
        expected = max(w for w, _ in one_by_one), max(line for _, line in one_by_one)
        assert widest_word_and_line(texts, size, bold) == expected


def test_a_package_it_cannot_read_is_left_to_docxtpl(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    assert TablePackage.open(broken, sandbox_env()) is None
    assert TablePackage.open(tmp_path / "missing.docx", sandbox_env()) is None

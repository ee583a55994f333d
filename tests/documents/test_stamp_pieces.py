"""The stamp filled from its parts cut at the sentinels gives the bytes of the whole-XML substitution it
replaced (stamp_before.py) and of docxtpl itself, empty values and markup included (issue 11)."""

from __future__ import annotations

import io
import random
import re
import zipfile

import pytest
from stamp_before import fill_by_pattern

from xl_addin.documents.contexts import CERTIFICATE_FIELDS
from xl_addin.documents.render import Stamp, TemplateRenderer, render_docx
from xl_addin.documents.safety import sandbox_env
from xl_addin.documents.templates import CERTIFICATE, CERTIFICATE_PREPRINTED, default_templates_dir

TEMPLATES = default_templates_dir()
S = [f"Zq0123456789n{i:03d}z".encode() for i in range(4)]
NAMES = {s: f"v{i}" for i, s in enumerate(S)}
# Sentinels alone in a node (plain and with attributes), beside text, two in a node, next to tags that
# begin like <w:t (w:tab, w:tbl), at the very start and end of the part, and in nodes back to back.
XML = (S[0] + b'<w:p><w:r><w:t>' + S[1] + b'</w:t></w:r><w:r><w:t xml:space="preserve">' + S[2]
       + b'</w:t></w:r><w:r><w:t>S\xe1\xbb\x91: ' + S[3] + b'</w:t><w:tab/><w:t>' + S[0] + S[1] + b'</w:t>'
       + b'<w:tbl><w:t>' + S[2] + b' x</w:t><w:t>' + S[3] + b'</w:t><w:t a="1">' + S[0] + b'</w:t></w:r>'
       + b'<w:tab>' + S[1] + b'</w:t><w:t>' + S[2] + b'</w:t></w:p>' + S[3])
VALUES = ["", "", "Gốm Thổ Hà", 'Nước mắm "Cá Cơm" & <ớt>', "a{_{b}_}c {_% x %_}", " ", "</w:t>", ">", "x"]


def _stamp(parts: dict[str, bytes]) -> Stamp:
    return Stamp([], parts, NAMES, re.compile(rb"Zq0123456789n\d{3}z"), {})


def test_cut_pieces_give_the_substitutions_bytes_on_tricky_xml():
    stamp = _stamp({"word/document.xml": XML, "docProps/core.xml": b"<t>" + S[2] + b"</t>"})
    rnd = random.Random(4)
    for _ in range(400):
        context = {name: rnd.choice(VALUES) for name in NAMES.values()}
        assert stamp.fill(context) == fill_by_pattern(stamp, context), context


def test_every_empty_value_in_a_node_of_its_own_is_written_as_lxml_writes_it():
    filled = _stamp({"p": XML}).fill(dict.fromkeys(NAMES.values(), ""))["p"]
    assert filled.count(b"<w:t/>") == 3 and b'<w:t xml:space="preserve"/>' in filled and b'<w:t a="1"/>' in filled
    assert b"<w:tab></w:t>" in filled  # not a text node: left as it was


@pytest.mark.parametrize("name", [CERTIFICATE, CERTIFICATE_PREPRINTED])
def test_real_templates_with_empty_and_marked_up_values_match_docxtpl(name):
    env, rnd = sandbox_env(), random.Random(len(name))
    renderer = TemplateRenderer(TEMPLATES / name, CERTIFICATE_FIELDS, env, fast=True)
    lines = {field: [f"{field} 1", f"{field} 2"] for field, sub in CERTIFICATE_FIELDS.items() if sub is not None}
    renderer.parts({field: "x" for field, sub in CERTIFICATE_FIELDS.items() if sub is None} | lines)
    assert renderer.stamp is not None
    for round_ in range(30):
        context = {field: rnd.choice(VALUES) for field, sub in CERTIFICATE_FIELDS.items() if sub is None} | lines
        parts = renderer.stamp.fill(context)
        assert parts == fill_by_pattern(renderer.stamp, context)
        if round_ < 4:  # docxtpl itself, a few times (each render takes a while)
            with zipfile.ZipFile(io.BytesIO(render_docx(TEMPLATES / name, context, env))) as z:
                assert parts["word/document.xml"] == z.read("word/document.xml")


def test_texts_remembered_between_certificates_give_the_same_bytes_once_the_memory_is_full(monkeypatch):
    from xl_addin.documents import render

    monkeypatch.setattr(render, "_ESCAPED_KEPT", 5)
    stamp, rnd = _stamp({"p": XML}), random.Random(9)
    pool = VALUES + [f"Sản phẩm <{i}> & co" for i in range(20)]
    for _ in range(200):
        context = {name: rnd.choice(pool) for name in NAMES.values()}
        assert stamp.fill(context) == fill_by_pattern(stamp, context)
    assert len(stamp._escaped) == 5

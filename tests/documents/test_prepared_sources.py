"""docxtpl's patch_xml of the shipped templates, kept by build_templates (prepared_sources.py): the same text
docxtpl gives, used only for those sources and only with the docxtpl version that made it (issue 11)."""

from __future__ import annotations

import hashlib

import docxtpl
from docxtpl import DocxTemplate

from xl_addin.documents import prepared_sources, safety
from xl_addin.documents.build_templates import BUILDERS, prepared_module
from xl_addin.documents.safety import template_sources, template_sources_raw
from xl_addin.documents.templates import default_templates_dir

TEMPLATES = [default_templates_dir() / name for name in BUILDERS]


def test_the_kept_module_is_what_build_templates_writes_now():
    assert prepared_sources.DOCXTPL == docxtpl.__version__, "docxtpl changed: run python -m xl_addin.documents.build_templates"
    with open(prepared_sources.__file__, encoding="utf-8") as kept:
        assert kept.read() == prepared_module(TEMPLATES), "run python -m xl_addin.documents.build_templates"


def test_every_shipped_source_is_served_kept_and_as_docxtpl_patches_it(monkeypatch):
    safety._patched.cache_clear()
    calls = []
    monkeypatch.setattr(DocxTemplate, "patch_xml", lambda self, src: calls.append(src) or "")
    for path in TEMPLATES:
        for source in template_sources_raw(path):
            digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
            assert safety._patched(source) == prepared_sources.PATCHED[digest]
    assert calls == []  # none went to docxtpl
    monkeypatch.undo()
    safety._patched.cache_clear()
    for path in TEMPLATES:
        for source in template_sources_raw(path):
            assert safety._patched(source) == DocxTemplate.patch_xml(None, source)


def test_another_source_or_another_docxtpl_goes_to_docxtpl(monkeypatch):
    source = template_sources_raw(TEMPLATES[0])[0]
    edited = source.replace("{{ cert_no }}", "{{ cert_no }} {%p if stars %}x{%p endif %}")
    assert edited != source
    safety._patched.cache_clear()
    assert safety._patched(edited) == DocxTemplate.patch_xml(None, edited)
    monkeypatch.setattr(prepared_sources, "DOCXTPL", "0.0.0")
    monkeypatch.setitem(prepared_sources.PATCHED, hashlib.sha256(source.encode("utf-8")).hexdigest(), "stale")
    safety._patched.cache_clear()
    assert safety._patched(source) == DocxTemplate.patch_xml(None, source) != "stale"
    safety._patched.cache_clear()


def test_template_sources_are_the_patched_raw_sources():
    safety._patched.cache_clear()
    for path in TEMPLATES:
        assert template_sources(path) == [DocxTemplate.patch_xml(None, s) for s in template_sources_raw(path)]

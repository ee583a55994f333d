"""plain_template walks what it can of a template exactly as Jinja renders it, and refuses the rest."""

from __future__ import annotations

import random

import pytest
from docx_reading import edited_templates
from test_table_render import _contexts, _fast, _parts, _renderer

from doc_samples import make_contest, make_result_set, make_rows
from xl_addin.documents.grid import fit_document
from xl_addin.documents.plain_template import Unsupported, parse_plain, plain_tree, render_plain
from xl_addin.documents.safety import sandbox_env
from xl_addin.documents.table_render import TablePackage
from xl_addin.documents.templates import ANNEX, default_templates_dir

ENV = sandbox_env()
VALUES = ["", "A & B", "<w:t>", "\"nháy\" 'đơn'", "Đặc sản {_{ x }_}", 7, 2.5, None, True, False, "  "]


def _jinja(source: str, context: dict) -> str:
    return ENV.from_string(source).render(context)


def _random_template(rng: random.Random, depth: int = 0) -> str:
    """Static XML, names, dict fields, loops over lists (nested) and ifs, as the table templates use them."""
    parts = []
    for _ in range(rng.randrange(1, 5)):
        kind = rng.randrange(6 if depth < 2 else 3)
        if kind == 0:
            parts.append(rng.choice(["<w:t>", "</w:t>", "x & y", "\n", "Tổng: ", " "]))
        elif kind == 1:
            parts.append("{{ %s }}" % rng.choice(["a", "b", "d.x", "d.y"]))
        elif kind == 2:
            parts.append("{{ n.m.x }}")
        elif kind == 3:
            inner = _random_template(rng, depth + 1)
            parts.append("{%% for i%d in rows %%}{{ i%d.x }}%s{%% endfor %%}" % (depth, depth, inner))
        elif kind == 4:
            test, yes, no = rng.choice(["a", "b", "d.y", "rows"]), *(_random_template(rng, depth + 1) for _ in "yn")
            parts.append("{%% if %s %%}%s{%% else %%}%s{%% endif %%}" % (test, yes, no))
        else:
            parts.append("{% for l in lines %}<p>{{ l }}</p>{% endfor %}")
    return "".join(parts)


def _random_context(rng: random.Random) -> dict:
    pick = lambda: rng.choice(VALUES)  # noqa: E731
    return {"a": pick(), "b": pick(), "d": {"x": pick(), "y": pick()}, "n": {"m": {"x": pick()}},
            "rows": [{"x": pick()} for _ in range(rng.randrange(0, 4))],
            "lines": [pick() for _ in range(rng.randrange(3))]}


def test_random_plain_templates_render_as_jinja_renders_them():
    rng = random.Random(5)
    for _ in range(400):
        source, context = _random_template(rng), _random_context(rng)
        tree = ENV.parse(source)
        assert plain_tree(tree, ENV), source
        assert render_plain(tree, context) == _jinja(source, context), source
        read = parse_plain(source)  # the same tree read without Jinja's lexer
        if source.endswith("\n"):  # Jinja drops a final newline: left to it
            assert read is None
            continue
        assert read is not None and plain_tree(read, ENV), source
        assert render_plain(read, context) == _jinja(source, context), source


@pytest.mark.parametrize("source", [
    "{{a}}{%for x in rows%}{{x.x}}{%endfor%}{%if a%}1{%else%}2{%endif%}", "  {{ d.x }} }} %} {",
    "<w:p>\n<w:p x='{'>{{ n.m.x }}</w:p>", "{%  if a %}x{% endif %}{{ a }} {",
])
def test_sources_read_plainly_render_as_jinja_renders_them(source):
    context = _random_context(random.Random(1))
    assert render_plain(parse_plain(source), context) == _jinja(source, context)


@pytest.mark.parametrize("source", [
    "{{ a|upper }}", "x{{{ a }}", "{{- a }}", "{{ a -}}", "{%- if a %}x{% endif %}", "{# note #}{{ a }}",
    "{% for x in rows %}x{% else %}y{% endfor %}", "{{ none }}", "{{ d.if }}", "{{ loop }}", "{{ a }}\n",
    "a\rb", "{% for x in rows %}", "{% endif %}", "{% if a %}{% endfor %}", "{% raw %}{{ a }}{% endraw %}",
    "{% if  a %}x{% endif %}", "{% if a %}1{% else %}2{% else %}3{% endif %}", "{{ a.b }}{%",
])
def test_sources_written_otherwise_are_left_to_jinjas_parser(source):
    assert parse_plain(source) is None


@pytest.mark.parametrize("source", [
    "{{ a|upper }}", "{% for r in rows %}{{ loop.index }}{% endfor %}", "{% set x = a %}{{ x }}",
    "{{ a ~ b }}", "{{ rows[0] }}", "{{ 'text' }}", "{% if a == b %}x{% endif %}",
    "{% for r in rows %}x{% else %}none{% endfor %}", "{% for r in rows if r.x %}x{% endfor %}",
    "{% for k, v in d.items() %}{{ k }}{% endfor %}", "{% macro m() %}x{% endmacro %}{{ m() }}",
    "{{ rows|length }}", "{% if not a %}x{% endif %}", "{% raw %}{{ a }}{% endraw %}{{ range(2) }}",
])
def test_anything_more_is_left_to_jinja(source):
    assert not plain_tree(ENV.parse(source), ENV)


@pytest.mark.parametrize("source, context", [
    ("{{ missing }}", {}),  # undefined: Jinja's StrictUndefined gives the error
    ("{{ d.items }}", {"d": {"items": "x"}}),  # a dict's method comes first in Jinja's lookup
    ("{{ d.x }}", {"d": "text"}),  # an attribute of something not a dict
    ("{{ d.x }}", {"d": {}}),
    ("{% for r in d %}{{ r }}{% endfor %}", {"d": {"a": 1}}),  # a loop over a dict's keys
    ("{% for r in d %}{{ r }}{% endfor %}", {"d": "abc"}),
])
def test_values_it_is_not_sure_of_are_left_to_jinja(source, context):
    tree = ENV.parse(source)
    assert plain_tree(tree, ENV)
    with pytest.raises(Unsupported):
        render_plain(tree, context)


def test_an_environment_that_does_not_autoescape_is_left_to_jinja():
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=False)
    assert not plain_tree(env.parse("{{ a }}"), env)


def test_a_template_jinja_must_render_gives_docxtpls_document(tmp_path):
    templates = edited_templates(default_templates_dir(), tmp_path / "mau", ANNEX, "{{ level_name }}",
                                 "{{ level_name|upper }}")
    renderer = _renderer(templates / ANNEX)
    package = TablePackage.open(renderer.path, renderer.env)
    assert package.trees[package.body_source] is None  # a filter: Jinja renders the body
    assert all(tree is not None for source, tree in package.trees.items() if source != package.body_source)
    context = _contexts(make_contest(), make_rows(), make_result_set())[ANNEX]
    fast = _fast(renderer, context)
    assert fast == _parts(renderer.render(context, finish=fit_document))
    assert "TỈNH".encode() in fast["word/document.xml"]

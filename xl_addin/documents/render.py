"""Rendering templates with docxtpl, and the certificate stamp that fills a rendered template fast."""

from __future__ import annotations

import functools
import io
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaError
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml.etree import LxmlError

from ..domain import document_messages as msg
from ..errors import TemplateError
from . import zippkg
from .safety import CachedTemplate, check_docx_file, check_variables

# Characters docxtpl turns into runs, breaks or drops; a value holding one is rendered by docxtpl.
SPECIAL = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_TEXT_NODE = re.compile(rb">([^<]*)<")
DOCUMENT_XML = "word/document.xml"


def render_docx(path: Path, context: dict, env: SandboxedEnvironment, finish: Callable | None = None) -> bytes:
    """The .docx bytes of a template rendered by docxtpl with autoescaping in the sandbox.

    finish, when given, edits the rendered python-docx document before it is saved (e.g. fits its
    tables): one save instead of a save, a parse and another save of a large document."""
    return render_template(CachedTemplate(path), path, context, env, finish)


def render_template(tpl: DocxTemplate, path: Path, context: dict, env: SandboxedEnvironment,
                    finish: Callable | None = None) -> bytes:
    """The .docx bytes of an opened template (whose sub-documents the context may hold), rendered safely."""
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except SecurityError as exc:
        raise TemplateError(msg.template_unsafe(str(path), str(exc))) from exc
    except (JinjaError, LxmlError) as exc:
        raise TemplateError(msg.template_failed(str(path), str(exc))) from exc
    if finish is not None:
        finish(tpl.docx)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def substitution_only(trees: list[nodes.Template], names: set[str]) -> bool:
    """True when each of the names is only ever printed as is ({{ name }}: no filter, test or loop)."""
    bare = {id(n) for t in trees for out in t.find_all(nodes.Output) for n in out.nodes if isinstance(n, nodes.Name)}
    return all(id(n) in bare for t in trees for n in t.find_all(nodes.Name) if n.name in names and n.ctx == "load")


def xml_text(value: str) -> bytes:
    """A value as docxtpl's output holds it in a text node (after its '{_{' clean-up and lxml)."""
    for old, new in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        value = value.replace(old, new)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")


_MARKUP = re.compile(r"[&<>{}%]")


def xml_bytes(value: str) -> bytes:
    """xml_text, faster for the many values that hold nothing it changes."""
    return xml_text(value) if _MARKUP.search(value) else value.encode("utf-8")


@dataclass(frozen=True)
class Stamp:
    """A template rendered once by docxtpl with a sentinel for each value, filled per document."""

    entries: list[zippkg.Entry]
    parts: dict[str, bytes]  # parts that hold sentinels -> their XML
    sentinels: dict[bytes, str]  # sentinel -> variable name
    pattern: re.Pattern
    fixed: dict  # the values rendered into the stamp itself (lists of lines): the same for each document

    def fill(self, context: dict) -> dict[str, bytes] | None:
        """The parts with the context's values, exactly as docxtpl writes them; None if docxtpl must."""
        if any(context.get(name) != value for name, value in self.fixed.items()):
            return None
        names, pieces = self._pieces
        texts = [str(context[name]) for name in names]
        if SPECIAL.search("".join(texts)):
            return None
        escaped = self._escaped  # most values (the contest's facts) are the same in every certificate
        values = [escaped.get(text) or _escape_into(escaped, text) for text in texts]
        return {part: piece.filled(values) for part, piece in pieces.items()}

    @functools.cached_property
    def _escaped(self) -> dict[str, bytes]:
        return {}

    @functools.cached_property
    def _pieces(self) -> tuple[list[str], dict[str, "Pieces"]]:
        """The variables in sentinel order, and each part cut at its sentinels (once per stamp)."""
        order = sorted(self.sentinels)
        index = {sentinel: i for i, sentinel in enumerate(order)}
        return [self.sentinels[s] for s in order], {
            part: Pieces.cut(xml, self.pattern, index) for part, xml in self.parts.items()}


_ESCAPED_KEPT = 4096  # texts remembered per stamp: a contest's facts, not every product's name


def _escape_into(escaped: dict[str, bytes], text: str) -> bytes:
    """xml_bytes of the text, remembered in escaped while it holds fewer than _ESCAPED_KEPT."""
    value = xml_bytes(text)
    if len(escaped) < _ESCAPED_KEPT:
        escaped[text] = value
    return value


_OPEN_TEXT = re.compile(rb"<w:t(?: [^>]*)?>\Z")  # a text node's opening tag, ending where a sentinel starts
_CLOSE_TEXT = b"</w:t>"


@dataclass(frozen=True)
class Pieces:
    """A part's XML cut at its sentinels: the bytes between them, and which value goes in each gap.

    A sentinel that is the whole text of its node is cut with the node's '>' and '</w:t>' on either
    side, so that an empty value gives '<w:t/>' (as lxml writes an empty node, and docxtpl with it).
    """

    between: tuple[bytes, ...]  # the bytes of the part, a b"" where each value goes
    gaps: tuple[tuple[int, int, bool], ...]  # (place in the list, value index, whole text of its node)

    @classmethod
    def cut(cls, xml: bytes, pattern: re.Pattern, index: dict[bytes, int]) -> "Pieces":
        """The pieces of a part whose sentinels the pattern finds."""
        out, gaps, last = [], [], 0
        for m in pattern.finditer(xml):
            start, end = m.span()
            whole = (xml.startswith(_CLOSE_TEXT, end) and start > 0
                     and _OPEN_TEXT.search(xml, xml.rfind(b">", 0, start - 1) + 1, start) is not None)
            if whole:
                out += [xml[last:start - 1], b">", b"", _CLOSE_TEXT]
                gaps.append((len(out) - 2, index[m.group(0)], True))
                last = end + len(_CLOSE_TEXT)
            else:
                out += [xml[last:start], b""]
                gaps.append((len(out) - 1, index[m.group(0)], False))
                last = end
        out.append(xml[last:])
        return cls(tuple(out), tuple(gaps))

    def filled(self, values: list[bytes]) -> bytes:
        """The part's XML with the values (already escaped) in their gaps."""
        out = list(self.between)
        for place, value_index, whole in self.gaps:
            value = values[value_index]
            if whole and not value:
                out[place - 1], out[place + 1] = b"/>", b""
            else:
                out[place] = value
        return b"".join(out)


def in_text_only(xml: bytes, marker: bytes) -> bool:
    """True when every occurrence of the marker lies in a text node (not in a tag or attribute)."""
    return xml.count(marker) == sum(seg.count(marker) for seg in _TEXT_NODE.findall(xml))


def make_stamp(path: Path, fields: dict, trees: list[nodes.Template], env: SandboxedEnvironment,
               fixed: dict | None = None) -> Stamp | None:
    """The stamp of a template, or None when the template does more than print values as they are.

    Text fields become sentinels; the other fields (lists of lines, the same in every certificate
    of a contest) are rendered from `fixed` into the stamp, which then serves only those values.
    """
    names = {name for name, sub in fields.items() if sub is None}
    fixed = {name: value for name, value in (fixed or {}).items() if name in fields and name not in names}
    if not substitution_only(trees, names) or any(name not in fixed for name in fields if name not in names):
        return None
    prefix = f"Zq{secrets.token_hex(5)}"
    by_name = {name: f"{prefix}n{index:03d}z" for index, name in enumerate(sorted(names))}
    if any(prefix in str(value) for value in fixed.values()):
        return None
    entries = zippkg.read_entries(render_docx(path, by_name | fixed, env))
    marker = prefix.encode()
    parts = {}
    for entry in entries:
        if entry.name.endswith(".xml") and marker in (xml := zippkg.unpack(entry)):
            if not in_text_only(xml, marker):
                return None
            parts[entry.name] = xml
    sentinels = {value.encode(): name for name, value in by_name.items()}
    pattern = re.compile(re.escape(marker) + rb"n\d{3}z")
    return Stamp(entries, parts, sentinels, pattern, fixed)


class TemplateRenderer:
    """A template checked once (file, variables), rendering contexts by stamp when it can."""

    def __init__(self, path: Path, fields: dict, env: SandboxedEnvironment, fast: bool = False):
        check_docx_file(path)
        self.path, self.env, self.fields = path, env, fields
        self.trees = check_variables(path, fields, env)
        self.stamp: Stamp | None = None
        self._try_stamp = fast  # the stamp is made from the first context (its lists of lines)

    def render(self, context: dict, finish: Callable | None = None) -> bytes:
        """The .docx bytes for one context, by docxtpl (finish edits the document before it is saved)."""
        return render_docx(self.path, context, self.env, finish)

    def parts(self, context: dict) -> tuple[list[zippkg.Entry], dict[str, bytes]]:
        """The package of one context as (entries, replaced parts); word/document.xml always given."""
        if self._try_stamp:
            self._try_stamp = False
            self.stamp = make_stamp(self.path, self.fields, self.trees, self.env, context)
        if self.stamp is not None and (parts := self.stamp.fill(context)) is not None:
            entries = self.stamp.entries
        else:
            entries, parts = zippkg.read_entries(self.render(context)), {}
        if DOCUMENT_XML not in parts:
            parts[DOCUMENT_XML] = zippkg.unpack(next(e for e in entries if e.name == DOCUMENT_XML))
        return entries, parts

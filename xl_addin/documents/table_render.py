"""docxtpl's rendering of a table template, done by docxtpl's own steps on the template's parts.

docxtpl opens the whole package through python-docx at every render (parsing its 800 kB of styles)
and saves it all again; a table document (annex, score summary) is rendered twice per run with a
stand-in row per group (table_stamp). Here the package is read once: the body, each header and
footer and the core properties are rendered by docxtpl's methods (patch_xml, render_xml_part,
fix_tables, render_properties), the docPr ids renumbered as docxtpl does, each part serialised as
python-docx saves it; the other parts are copied from the template as they are. A package laid out
otherwise (footnotes, no core properties, a part reached twice, values that are not plain data)
is rendered by docxtpl itself (TablePackage.open or render gives None).
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import nsmap
from docx.oxml.parser import parse_xml
from docx.styles.styles import Styles
from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from lxml.etree import LxmlError

from ..domain import document_messages as msg
from ..errors import TemplateError
from . import zippkg
from .safety import CachedTemplate

DOCUMENT_XML = "word/document.xml"  # where table_stamp finds the rows

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOCUMENT, _STYLES = _REL + "officeDocument", _REL + "styles"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_PLAIN = (str, int, float, bool, type(None))
_OXML_LIKE = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # python-docx's, plain classes
_W_BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"
_TAGGED = re.compile(r"\{[{%#]")  # what Jinja reads as the start of a tag
DEFAULT_BODY_PT = 11.0  # python-docx's Normal without a size: Word's default


def plain_data(value, depth: int = 0) -> bool:
    """True when a context holds only text, numbers, lists and dicts (no docxtpl object needing a document)."""
    if isinstance(value, _PLAIN):
        return True
    if depth > 20:
        return False
    if type(value) in (list, tuple):
        return all(plain_data(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(type(k) is str and plain_data(v, depth + 1) for k, v in value.items())
    return False


@dataclasses.dataclass
class TablePackage:
    """A template's parts read once, ready to be rendered again and again without python-docx's package."""

    path: Path
    entries: list[zippkg.Entry]
    document: str  # the main part's name
    document_xml: bytes
    body_source: str  # patched for Jinja, as docxtpl's build_xml makes it
    others: list[tuple[str, str]]  # (part name, patched source) of each header, then each footer
    env: SandboxedEnvironment
    core: str
    body_pt: float  # the Normal style's size (grid.fit_tables)

    @classmethod
    def open(cls, path: Path, env: SandboxedEnvironment) -> TablePackage | None:
        """The template's package, or None when docxtpl must render it (a layout this does not follow, or
        a part this cannot read: docxtpl gives its own error)."""
        try:
            return cls._open(path, env)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, zlib.error, etree.LxmlError):
            return None

    @classmethod
    def _open(cls, path: Path, env: SandboxedEnvironment) -> TablePackage | None:
        entries = zippkg.read_entries(path.read_bytes())
        parts = {e.name: e for e in entries}
        if len(parts) != len(entries) or b"footnotes" in _part(parts, "[Content_Types].xml"):
            return None
        package_rels = _rels(parts, "", "_rels/.rels")
        document = next((t for kind, t in package_rels if kind == _OFFICE_DOCUMENT), None)
        core = next((t for kind, t in package_rels if kind == _CORE), None)
        if document != DOCUMENT_XML or document not in parts or core not in parts:
            return None
        folder, file = posixpath.split(document)
        rels = _rels(parts, folder, posixpath.join(folder, "_rels", f"{file}.rels"))
        tpl = CachedTemplate(path)
        named = [t for kind in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI) for k, t in rels if k == kind]
        if len(set(named)) != len(named) or not all(t in parts for t in named):
            return None  # a part reached twice, or missing: docxtpl's own handling
        others = [(t, tpl.patch_xml(etree.tostring(parse_xml(blob), encoding="unicode")))
                  for t in named if (blob := _part(parts, t))]
        document_xml = _part(parts, document)
        body = parse_xml(document_xml).body
        if body is None:
            return None
        styles = next((t for kind, t in rels if kind == _STYLES), None)
        body_pt = _normal_pt(parts, styles) if styles in parts else None  # else python-docx's default styles
        if body_pt is None:
            return None
        body_source = tpl.patch_xml(etree.tostring(body, encoding="unicode"))
        return cls(path, entries, document, document_xml, body_source, others, env, core, body_pt)

    def render(self, context: dict, finish: Callable[[object, float], None]) -> tuple[list[zippkg.Entry], bytes] | None:
        """(entries, the main part's XML) of the context rendered as docxtpl renders and python-docx saves it;
        finish(document element, body size) edits the document before it is serialised. None: ask docxtpl."""
        if not plain_data(context):
            return None
        tpl = CachedTemplate(self.path)
        try:
            root, replaced = self._rendered(tpl, context)
        except SecurityError as exc:
            raise TemplateError(msg.template_unsafe(str(self.path), str(exc))) from exc
        except (JinjaError, LxmlError) as exc:
            raise TemplateError(msg.template_failed(str(self.path), str(exc))) from exc
        finish(root, self.body_pt)
        dostime, dosdate = _now()
        entries = [dataclasses.replace(zippkg.pack(e, replaced[e.name]) if e.name in replaced else e,
                                       dostime=dostime, dosdate=dosdate) for e in self.entries]
        return entries, serialize_part_xml(root)

    def _rendered(self, tpl: CachedTemplate, context: dict) -> tuple[object, dict]:
        """The rendered document element and the other parts' new bytes (docxtpl.render's steps)."""
        tree = tpl.fix_tables(self._part_xml(tpl, self.body_source, context))
        for index, elt in enumerate(tree.xpath("//wp:docPr", namespaces=nsmap), 1001):
            elt.attrib["id"] = str(index)  # fix_docpr_ids, from render_init's 1000
        root = etree.fromstring(self.document_xml, _OXML_LIKE)  # plain elements: fitting makes fewer proxies
        root.replace(root.find(_W_BODY), tree)
        replaced = {name: serialize_part_xml(parse_xml(self._part_xml(tpl, source, context).encode("utf-8")))
                    for name, source in self.others}
        core = parse_xml(_part({e.name: e for e in self.entries}, self.core))
        DocxTemplate.render_properties(SimpleNamespace(docx=SimpleNamespace(core_properties=CoreProperties(core))),
                                       context, _PlainTexts(self.env))
        replaced[self.core] = serialize_part_xml(core)
        return root, replaced

    def _part_xml(self, tpl: CachedTemplate, source: str, context: dict) -> str:
        """docxtpl's render_xml_part of one part's patched source."""
        return tpl.render_xml_part(source, None, context, self.env)


class _PlainTexts:
    """The environment for render_properties: a property without a tag is its own rendering (no compiling)."""

    def __init__(self, env: SandboxedEnvironment):
        self.env = env

    def from_string(self, source: str):
        """env.from_string, or the text itself when Jinja would give it back unchanged."""
        if _TAGGED.search(source) or source.endswith("\n") or "\r" in source:
            return self.env.from_string(source)
        return SimpleNamespace(render=lambda context: source)


def _part(parts: dict[str, zippkg.Entry], name: str) -> bytes:
    return zippkg.unpack(parts[name]) if name in parts else b""


def _rels(parts: dict[str, zippkg.Entry], folder: str, name: str) -> list[tuple[str, str]]:
    """(type, target part name) of each internal relationship of a .rels part, in order."""
    if name not in parts:
        return []
    out = []
    for rel in etree.fromstring(_part(parts, name), etree.XMLParser(resolve_entities=False)):
        if rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            out.append((rel.get("Type", ""), target.lstrip("/") if target.startswith("/")
                        else posixpath.normpath(posixpath.join(folder, target))))
    return out


_STYLE = re.compile(rb"<w:style[ >].*?</w:style>", re.S)
_W_MAIN = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _normal_pt(parts: dict[str, zippkg.Entry], styles: str) -> float | None:
    """The Normal style's font size in points, as python-docx's doc.styles["Normal"].font.size gives it;
    None when python-docx finds no Normal style. Only that style's element is parsed, when it can be."""
    xml = _part(parts, styles)
    root_tag = xml[:xml.find(b">", xml.find(b"<w:styles")) + 1]
    style = None
    if _W_MAIN in root_tag and xml.count(b'w:name w:val="Normal"') == 1:
        found = next((m.group(0) for m in _STYLE.finditer(xml) if b'<w:name w:val="Normal"/>' in m.group(0)), None)
        try:
            style = Styles(parse_xml(b"<w:styles %s>%s</w:styles>" % (_W_MAIN, found)))["Normal"] if found else None
        except (etree.XMLSyntaxError, KeyError):
            style = None  # another prefix inside it: the whole part is parsed below
    try:
        style = style or Styles(parse_xml(xml))["Normal"]
    except KeyError:
        return None
    size = style.font.size
    return size.pt if size is not None else DEFAULT_BODY_PT


def _now() -> tuple[int, int]:
    """The zip date and time of this moment, as zipfile writes a member it is given by name."""
    y, mo, d, h, mi, s = time.localtime()[:6]
    return (h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d

"""Safe rendering: the sandboxed Jinja environment, checks of template files and variables, file names."""

from __future__ import annotations

import difflib
import functools
import hashlib
import posixpath
import re
import unicodedata
import zipfile
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from ..domain import document_messages as msg
from ..errors import BinhchonError, TemplateError
from ..ooxml_guard import PackageRefused, inspect_package
from ..safe_files import write_atomically
from .templates import SHIPPED_DIGESTS

MAX_MEMBERS = 2_000
MAX_UNPACKED = 200 * 1024 * 1024  # bytes, all members together
MAX_RATIO = 200  # unpacked/packed size of one member larger than 1 MB
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


class _Sandbox(SandboxedEnvironment):
    """The sandbox compiling each source once: docxtpl compiles a template's parts again at every render."""

    def __init__(self, **options):
        super().__init__(**options)
        self._compiled: dict = {}

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        """Environment.compile, the code of a plain source kept for the next render of the same template."""
        if not isinstance(source, str) or name or filename or raw or defer_init:
            return super().compile(source, name, filename, raw, defer_init)
        key = (source, self.autoescape)
        if key not in self._compiled:
            self._compiled[key] = super().compile(source)
        return self._compiled[key]


def sandbox_env() -> SandboxedEnvironment:
    """The Jinja environment templates render in: sandboxed, autoescaped, undefined names fail."""
    return _Sandbox(autoescape=True, undefined=StrictUndefined)


class CachedTemplate(DocxTemplate):
    """A DocxTemplate whose clean-up of a part's XML for Jinja (patch_xml, a pure function) is done once."""

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's patch_xml, remembered for the same source."""
        return _patched(src_xml)


@functools.lru_cache(maxsize=32)
def _patched(src_xml: str) -> str:
    """docxtpl's patch_xml of a source; for a shipped template's, what it gave when the template was built.

    patch_xml (some twenty regular expressions over the whole part) was a thirtieth of `binhchon
    documents` for the three templates: build_templates keeps its output for the shipped ones in
    prepared_sources.py, used only with the docxtpl version that made it.
    """
    from . import prepared_sources

    if prepared_sources.DOCXTPL == _docxtpl_version():
        kept = prepared_sources.PATCHED.get(hashlib.sha256(src_xml.encode("utf-8")).hexdigest())
        if kept is not None:
            return kept
    return DocxTemplate.patch_xml(None, src_xml)  # uses nothing of the template: a function of its text


def _docxtpl_version() -> str:
    import docxtpl

    return getattr(docxtpl, "__version__", "")


def check_docx_file(path: Path) -> None:
    """Refuse a template that is not a .docx, or whose zip or XML could blow up when read.

    A file with the bytes of a template shipped with the tool (checked when it was made) is not
    parsed again: its SHA-256 is a hundredth of the check's time.
    """
    if _digest(path) in SHIPPED_DIGESTS:
        return
    check_docx_package(path)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None  # the check says what is wrong with it


def check_docx_package(path: Path) -> None:
    """check_docx_file's whole check: the zip's budgets, word/document.xml there, every XML part parsed."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            problem = _zip_problem(infos)
            if problem is None and "word/document.xml" not in z.namelist():
                problem = "thiếu word/document.xml"
            if problem is None:
                problem = _package_problem(z)
    except (OSError, zipfile.BadZipFile) as exc:
        raise TemplateError(msg.template_damaged(str(path), str(exc))) from exc
    if problem:
        raise TemplateError(msg.template_damaged(str(path), problem))


def _package_problem(z: zipfile.ZipFile) -> str | None:
    """Every part streamed within budget, every XML part parsed once with declarations refused."""
    try:
        inspect_package(z)
    except PackageRefused as exc:
        return exc.detail
    return None


def _zip_problem(infos: list[zipfile.ZipInfo]) -> str | None:
    if len(infos) > MAX_MEMBERS:
        return f"quá nhiều thành phần ({len(infos)})"
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        return "dung lượng giải nén quá lớn"
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            return f"{info.filename} nén bất thường"
    return None


def template_sources(path: Path) -> list[str]:
    """The Jinja source docxtpl renders: the body, then each header and footer (patched as docxtpl does)."""
    return [_patched(source) for source in template_sources_raw(path)]


def template_sources_raw(path: Path) -> list[str]:
    """The XML of the body, then of each header and footer, before docxtpl's patch_xml.

    Read from the zip with python-docx's parser settings (what docxtpl's get_xml/get_part_xml give,
    without loading the whole package through python-docx: half the check's time); a package laid
    out otherwise is read through docxtpl itself.
    """
    with zipfile.ZipFile(path) as z:
        sources = _sources_from_zip(DocxTemplate, z)  # tpl: whose HEADER_URI and FOOTER_URI are read
    if sources is not None:
        return sources
    tpl = CachedTemplate(path)
    tpl.init_docx()
    sources = [tpl.get_xml()]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        sources += [tpl.get_part_xml(part) for _, part in tpl.get_headers_footers(uri)]
    return sources


_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_W_BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"


def _sources_from_zip(tpl, z: zipfile.ZipFile) -> list[str] | None:
    """The body's and the headers' and footers' sources, or None when the package is not as Word writes it."""
    from lxml import etree

    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # python-docx's oxml_parser
    names = set(z.namelist())
    main = next((_part_name("", r.get("Target", "")) for r in _rels(z, "_rels/.rels", names, parser)
                 if r.get("Type") == _OFFICE_DOCUMENT), None)
    if main is None or main not in names:
        return None
    body = etree.fromstring(z.read(main), parser).find(_W_BODY)
    if body is None:
        return None
    sources = [etree.tostring(body, encoding="unicode")]
    folder, file = posixpath.split(main)
    rels = _rels(z, posixpath.join(folder, "_rels", f"{file}.rels"), names, parser)
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for rel in rels:
            if rel.get("Type") == uri and rel.get("TargetMode") != "External":
                name = _part_name(folder, rel.get("Target", ""))
                if name not in names:
                    return None
                if blob := z.read(name):
                    sources.append(etree.tostring(etree.fromstring(blob, parser), encoding="unicode"))
    return sources


def _rels(z: zipfile.ZipFile, name: str, names: set[str], parser) -> list:
    """The Relationship elements of a .rels part, in order (none when it is missing)."""
    from lxml import etree

    return list(etree.fromstring(z.read(name), parser)) if name in names else []


def _part_name(folder: str, target: str) -> str:
    """A relationship's target as a zip member name."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))


def parse_template(path: Path, env: SandboxedEnvironment) -> list[nodes.Template]:
    """The parsed sources of a template; TemplateError naming the broken tag."""
    parsed = []
    for source in template_sources(path):
        try:
            parsed.append(env.parse(source))
        except TemplateSyntaxError as exc:
            lines = source.splitlines()
            line = lines[exc.lineno - 1] if exc.lineno and exc.lineno <= len(lines) else ""
            raise TemplateError(msg.template_syntax(str(path), _plain(line), exc.message or "")) from exc
    return parsed


def _plain(xml_line: str) -> str:
    """The text of a line of WordprocessingML, tags removed."""
    return re.sub(r"<[^>]+>", "", xml_line).strip()[:200]


def check_variables(path: Path, fields: dict, env: SandboxedEnvironment) -> list[nodes.Template]:
    """Refuse a template using a variable (or an item field) the tool does not provide."""
    trees = parse_template(path, env)
    unknown: dict[str, list[str]] = {}  # unknown name -> the names it could have meant
    for tree in trees:
        for name in sorted(meta.find_undeclared_variables(tree)):
            if name not in fields and name not in env.globals:
                unknown[name] = list(fields)
        _walk(tree, dict(fields), unknown)
    if unknown:
        hints = {name: hint for name, pool in unknown.items() if (hint := _hint(name, pool))}
        raise TemplateError(msg.template_unknown(str(path), list(unknown), hints, sorted(fields)))
    return trees


def _hint(name: str, pool: list[str]) -> str | None:
    """The provided name closest to a misspelled one."""
    head, _, attr = name.rpartition(".")
    best = difflib.get_close_matches(attr, pool, n=1)
    return None if not best else f"{head}.{best[0]}" if head else best[0]


def _walk(node: nodes.Node, scope: dict, unknown: dict[str, list[str]]) -> None:
    """Check attribute access on provided names and on loop variables over provided lists."""
    if isinstance(node, nodes.For):
        inner = dict(scope, loop=None)
        if isinstance(node.target, nodes.Name):
            inner[node.target.name] = _resolve(node.iter, scope)
        else:
            inner.update({n.name: None for n in node.target.find_all(nodes.Name)})
        for child in [node.iter, *([node.test] if node.test else []), *node.else_]:
            _walk(child, scope, unknown)
        for child in node.body:
            _walk(child, inner, unknown)
        return
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        base = _resolve(node.node, scope)
        attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(base, dict) and isinstance(attr, str) and attr not in base:
            unknown[f"{_dotted(node.node)}.{attr}"] = list(base)
    for child in node.iter_child_nodes():
        _walk(child, scope, unknown)


def _resolve(expr: nodes.Node, scope: dict):
    """The schema of an expression: a dict of fields, or None when unknown or plain text."""
    if isinstance(expr, nodes.Name):
        return scope.get(expr.name)
    if isinstance(expr, nodes.Getattr):
        base = _resolve(expr.node, scope)
        return base.get(expr.attr) if isinstance(base, dict) else None
    return None


def _dotted(expr: nodes.Node) -> str:
    if isinstance(expr, nodes.Name):
        return expr.name
    if isinstance(expr, nodes.Getattr):
        return f"{_dotted(expr.node)}.{expr.attr}"
    return "…"


def safe_filename(code: str) -> str:
    """A file name stem from a product code: letters, digits, '-' and '_' kept, others '_'."""
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in unicodedata.normalize("NFC", code))
    stem = stem[:100] or "_"
    return f"_{stem}" if stem.upper() in _WINDOWS_RESERVED else stem


def write_file(path: Path, data: bytes) -> None:
    """Write a file whole through a temporary file and a replace; a clear error when Word holds it open.

    Not fsynced one by one: a generated document is made again from the workbook (whose own save is durable).
    """
    try:
        write_atomically(path, data, durable=False)
    except PermissionError as exc:
        raise BinhchonError(msg.file_locked(str(path))) from exc

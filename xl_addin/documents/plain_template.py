"""Templates that only print names, loop over lists and test names, rendered without compiling them.

The annex and the score summary are rendered twice per run (table_stamp); Jinja spends more time
compiling their 10–20 kB of XML into Python than rendering them. A template whose parse tree holds
only output ({{ name }}, {{ a.b }}), for-loops over a list ({% for x in a.b %}, no loop variable, no
else, no filter) and if-tests on a name is walked here instead, giving Jinja's output exactly
(autoescaped with markupsafe as Jinja does). Anything else, or a value other than expected at render
time (an undefined name, a dict's method, a loop over something not a list), raises Unsupported:
the caller renders with Jinja, which gives its own result or error.
"""

from __future__ import annotations

import re

from jinja2 import nodes
from markupsafe import escape

_ALLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.For, nodes.If, nodes.Name, nodes.Getattr)
_DOTTED = r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*"
_TAG = re.compile(r"\{\{ *(%s) *\}\}|\{%% *(?:for ([A-Za-z_]\w*) in (%s)|if (%s)|(else|endfor|endif)) *%%\}"
                  % (_DOTTED, _DOTTED, _DOTTED))
_OPENING = re.compile(r"\{[{%#]")
# Words Jinja's parser reads as constants or operators, not as names.
_RESERVED = {"true", "false", "none", "True", "False", "None", "and", "or", "not", "in", "is", "if", "else",
             "elif", "for", "endfor", "endif", "recursive", "loop", "with", "without", "context", "import", "from"}


class Unsupported(Exception):
    """The template or the values ask for more than this walker does: render with Jinja."""


def plain_env(env) -> bool:
    """True when env renders as this module does: autoescaped, nothing done to a value before it is printed."""
    return env.autoescape is True and env.finalize is None


def plain_tree(tree: nodes.Template, env) -> bool:
    """True when every node of the tree is one this module renders as Jinja does in env."""
    if not plain_env(env):
        return False
    for node in tree.find_all(nodes.Node):
        if not isinstance(node, _ALLOWED):
            return False
        if isinstance(node, nodes.Name) and (node.name == "loop" or node.ctx not in ("load", "store")):
            return False  # a stored name can only be a loop's target: nothing else that assigns is allowed
        if isinstance(node, nodes.For) and (node.else_ or node.test is not None or node.recursive
                                            or not isinstance(node.target, nodes.Name)):
            return False
    return True


def parse_plain(source: str) -> nodes.Template | None:
    """The parse tree Jinja makes of a source written only with {{ a.b }}, {% for x in a.b %}, {% if a.b %},
    {% else %}, {% endfor %} and {% endif %} (single spaces or none inside); None for any other source.

    Jinja's lexer is not needed for these: the text between the tags is kept as it is (a source without
    a carriage return or a final newline, which Jinja would change)."""
    if "\r" in source or source.endswith("\n"):
        return None
    root = nodes.Template([])
    stack: list[tuple[object, list]] = [(root, root.body)]  # (the open statement, where its nodes go)
    at = 0
    for m in _TAG.finditer(source):
        if _OPENING.search(source, at, m.start() + 1):
            return None  # a tag written otherwise, or a brace just before this one
        if m.start() > at:
            stack[-1][1].append(nodes.Output([nodes.TemplateData(source[at:m.start()])]))
        at = m.end()
        if not _opened(m, stack):
            return None
    if _OPENING.search(source, at) or len(stack) != 1:
        return None
    if at < len(source):
        root.body.append(nodes.Output([nodes.TemplateData(source[at:])]))
    return root


def _opened(m: re.Match, stack: list) -> bool:
    """Apply one tag to the stack of open statements; False when Jinja would read it otherwise."""
    printed, target, iterable, test, word = m.groups()
    names = [*(x.split(".") for x in (printed, iterable, test) if x), *([[target]] if target else [])]
    if any(part in _RESERVED for name in names for part in name):
        return False
    body = stack[-1][1]
    if printed:
        body.append(nodes.Output([_dotted(printed)]))
    elif target:
        loop = nodes.For(nodes.Name(target, "store"), _dotted(iterable), [], [], None, False)
        body.append(loop)
        stack.append((loop, loop.body))
    elif test:
        branch = nodes.If(_dotted(test), [], [], [])
        body.append(branch)
        stack.append((branch, branch.body))
    else:
        statement, _ = stack[-1]
        kind = nodes.For if word == "endfor" else nodes.If
        if not isinstance(statement, nodes.If if word == "else" else kind) or \
                (word == "else" and body is statement.else_):
            return False
        if word == "else":
            stack[-1] = (statement, statement.else_)
        else:
            stack.pop()
    return True


def _dotted(text: str):
    head, *attrs = text.split(".")
    node = nodes.Name(head, "load")
    for attr in attrs:
        node = nodes.Getattr(node, attr, "load")
    return node


def render_plain(tree: nodes.Template, context: dict) -> str:
    """The tree's output for the context, as Jinja's autoescaped rendering gives it (Unsupported if not sure)."""
    out: list[str] = []
    _body(tree.body, context, out)
    return "".join(out)


def _body(body: list, scope: dict, out: list[str]) -> None:
    for node in body:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                out.append(child.data if isinstance(child, nodes.TemplateData) else str(escape(_value(child, scope))))
        elif isinstance(node, nodes.For):
            items = _value(node.iter, scope)
            if type(items) not in (list, tuple):
                raise Unsupported(f"a loop over {type(items).__name__}")
            for item in items:
                _body(node.body, scope | {node.target.name: item}, out)
        elif isinstance(node, nodes.If):
            _if(node, scope, out)
        else:
            raise Unsupported(type(node).__name__)


def _if(node: nodes.If, scope: dict, out: list[str]) -> None:
    for branch in [node, *node.elif_]:
        if _value(branch.test, scope):
            _body(branch.body, scope, out)
            return
    _body(node.else_, scope, out)


def _value(node, scope: dict):
    """A name or a dict's item as Jinja's sandbox looks it up (getattr first: a dict's method is left to Jinja)."""
    if isinstance(node, nodes.Name):
        if node.name not in scope:
            raise Unsupported(f"{node.name} undefined")
        return scope[node.name]
    if isinstance(node, nodes.Getattr):
        base = _value(node.node, scope)
        if type(base) is not dict or hasattr(base, node.attr) or node.attr not in base:
            raise Unsupported(f".{node.attr}")
        return base[node.attr]
    raise Unsupported(type(node).__name__)

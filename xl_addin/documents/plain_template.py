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

from jinja2 import nodes
from markupsafe import escape

_ALLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.For, nodes.If, nodes.Name, nodes.Getattr)


class Unsupported(Exception):
    """The template or the values ask for more than this walker does: render with Jinja."""


def plain_tree(tree: nodes.Template, env) -> bool:
    """True when every node of the tree is one this module renders as Jinja does in env."""
    if env.autoescape is not True or env.finalize is not None:
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

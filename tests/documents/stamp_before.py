"""The stamp's fill as it was before its parts were cut at the sentinels: a substitution of the whole XML.

Kept as the oracle of tests/documents/test_stamp_pieces.py (issue 11).
"""

from __future__ import annotations

import functools
import re

from xl_addin.documents.render import SPECIAL, Stamp, xml_bytes


def fill_by_pattern(stamp: Stamp, context: dict) -> dict[str, bytes] | None:
    """The parts with the context's values, by one regular-expression substitution of each part."""
    if any(context.get(name) != value for name, value in stamp.fixed.items()):
        return None
    texts = {sentinel: str(context[name]) for sentinel, name in stamp.sentinels.items()}
    if SPECIAL.search("".join(texts.values())):
        return None
    values = {sentinel: xml_bytes(text) for sentinel, text in texts.items()}
    parts = {}
    empty = _empty_nodes(tuple(sorted(k for k, v in values.items() if not v)))
    for part, xml in stamp.parts.items():
        if empty is not None:
            # lxml writes a text node left empty as <w:t/>: do the same, byte for byte.
            xml = empty.sub(rb"\1/>", xml)
        parts[part] = stamp.pattern.sub(lambda m: values[m.group(0)], xml)
    return parts


@functools.lru_cache(maxsize=32)
def _empty_nodes(sentinels: tuple[bytes, ...]) -> re.Pattern | None:
    """One pattern for the text nodes that hold only one of these sentinels (values left empty)."""
    if not sentinels:
        return None
    return re.compile(rb"(<w:t(?: [^>]*)?)>(?:" + b"|".join(re.escape(s) for s in sentinels) + rb")</w:t>")

"""The certificates' record hashes each context piece by piece: the same hash as json.dumps of it whole."""

from __future__ import annotations

import random

from xl_addin.documents.contexts import CERTIFICATE_FIELDS
from xl_addin.documents.manifest import ContextHashes, context_hash

TEXTS = ["", "Gốm Thổ Hà", 'Nước mắm "Cá Cơm" & <ớt>', "a\\b\n\t\x01", "😀 \u2028 \ud7ff", "]", "1", "true"]
OTHERS = [0, 1, True, False, None, 1.5, ["x", 1], [True], [1], [], ["Gốm", "Thổ Hà"], {"b": 1, "a": [None]}, ("t",)]


def test_many_contexts_give_the_whole_json_hash():
    rnd = random.Random(8)
    digest = "ab" * 32
    hashes = ContextHashes(digest)
    for _ in range(300):
        context = {name: rnd.choice(TEXTS) if sub is None else rnd.sample(TEXTS, rnd.randint(0, 3))
                   for name, sub in CERTIFICATE_FIELDS.items()}
        for name in rnd.sample(sorted(context), 3):
            context[name] = rnd.choice(OTHERS)  # values of any JSON kind, 1 and True side by side
        assert hashes(context) == context_hash(context, digest), context
    assert hashes({}) == context_hash({}, digest)


def test_a_value_equal_as_python_but_not_as_json_is_not_taken_for_another():
    hashes = ContextHashes("d")
    for context in ({"a": ["x", True]}, {"a": ["x", 1]}, {"a": 1}, {"a": True}, {"a": "1"}, {"a": ("x", 1)}):
        assert hashes(context) == context_hash(context, "d")

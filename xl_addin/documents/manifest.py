"""The record of the certificates written in a folder, so that --only-new can skip unchanged ones."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..safe_files import write_atomically

MANIFEST = "giay_chung_nhan.json"
VERSION = 1


def context_hash(context: dict, template_digest: str) -> str:
    """A hash of a certificate's values and of the template they fill."""
    payload = json.dumps([template_digest, context], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ContextHashes:
    """context_hash of many contexts of one template, each (name, value) pair's JSON made once.

    A thousand certificates share most of their values (the contest's facts): json.dumps of each
    whole context again was a tenth of stamping it. The text hashed is json.dumps' own, piece by piece:
    without indentation a value's JSON does not depend on where it stands.
    """

    def __init__(self, template_digest: str):
        self.head = f"[{_json(template_digest)}, {{"
        self.pairs: dict[tuple, str] = {}

    def __call__(self, context: dict) -> str:
        """The same as context_hash(context, template_digest)."""
        pairs, out = self.pairs, []
        for name in sorted(context):
            value = context[name]
            key = (name, tuple(value) if type(value) is list else value)
            try:
                pair = pairs[key]
            except (KeyError, TypeError):  # TypeError: a value that cannot be a key (a dict): not kept
                pair = f"{_json(name)}: {_json(value)}"
                if len(pairs) < _PAIRS_KEPT and _texts(value):
                    pairs[key] = pair
            out.append(pair)
        return hashlib.sha256(f"{self.head}{', '.join(out)}}}]".encode("utf-8")).hexdigest()


_PAIRS_KEPT = 4096  # a contest's facts, not every product's name


def _texts(value) -> bool:
    """True for a text or a list of texts: kept by their value (1 == True, but not as JSON)."""
    return type(value) is str or (type(value) is list and all(type(item) is str for item in value))


def _json(value) -> str:
    """A value's JSON as json.dumps(..., ensure_ascii=False, sort_keys=True) writes it; a text's directly."""
    if type(value) is str:
        return _JSON_TEXT(value)  # what dumps calls for a text, without making an encoder each time
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


_JSON_TEXT = json.encoder.encode_basestring


def read_manifest(out_dir: Path) -> dict[str, dict[str, str]]:
    """Product code -> {'file', 'hash'} of the last run; empty when there is none or it is unreadable."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    items = data.get("certificates")
    return {k: v for k, v in items.items() if isinstance(v, dict)} if isinstance(items, dict) else {}


def write_manifest(out_dir: Path, certificates: dict[str, dict[str, str]]) -> None:
    """Write the record atomically (temporary file, then replace; not fsynced, as the certificates)."""
    payload = {"version": VERSION, "certificates": certificates}
    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomically(out_dir / MANIFEST, text.encode("utf-8"), durable=False)


def unchanged(old: dict[str, dict[str, str]], code: str, path: Path, digest: str) -> bool:
    """True when the certificate's file exists and was written from the same values and template."""
    entry = old.get(code)
    return bool(entry) and entry.get("hash") == digest and entry.get("file") == path.name and path.is_file()

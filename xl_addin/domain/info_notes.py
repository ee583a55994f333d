"""A note beside each technical value of Thông tin (the certificate number pattern, the contest id)."""

from __future__ import annotations

from . import schema
from .tables import Rows, header_key


def with_info_notes(rows: Rows) -> Rows:
    """The Thông tin rows with a Ghi chú column saying what the technical values are."""
    notes = {header_key(label): note for label, note in schema.INFO_NOTES.items()}
    out = [list(r) for r in rows]
    for row in out:
        key = header_key(row[0]) if row else ""
        note = schema.INFO_NOTE_HEADER if key == header_key(schema.INFO_HEADER[0]) else notes.get(key)
        if note:
            row.extend([None] * (2 - len(row)))
            row[2:3] = [note]
    return out

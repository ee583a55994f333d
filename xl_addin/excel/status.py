"""Desktop Excel's status bar says what is running: the action, then each long step and how far it is."""

from __future__ import annotations

import contextlib
import time
from typing import Iterator

import xlwings as xw

from .messages import TITLE


def _set(book: xw.Book, value: str | bool) -> None:
    """Write Excel's status bar; False hands it back to Excel. Office.js has none: nothing happens there."""
    if book.app.engine.name == "remote":
        return
    try:
        book.app.status_bar = value
    except Exception:  # a status line must never stop the action itself
        pass


@contextlib.contextmanager
def shown(book: xw.Book, text: str) -> Iterator[None]:
    """Show "Bình chọn CNNT: <text>…" in the status bar while the block runs, then give it back."""
    _set(book, f"{TITLE}: {text}…")
    try:
        yield
    finally:
        _set(book, False)


class StatusBarProgress:
    """A Progress (xl_addin/progress.py) written to the status bar: step, done/total."""

    min_interval = 0.25  # seconds between two writes: each one is a call into Excel

    def __init__(self, book: xw.Book) -> None:
        self._shown_at = 0.0
        self._book = book
        self._step = ""
        self._total: int | None = None
        self._done = 0

    def start(self, step: str, total: int | None) -> None:
        """Show the step's name."""
        self._step, self._total, self._done = step, total, 0
        self._show()

    def advance(self, count: int = 1) -> None:
        """Show how many items are done."""
        self._done += count
        if self._done == self._total or time.monotonic() - self._shown_at >= self.min_interval:
            self._show()

    def finish(self) -> None:
        """Leave the action's own line for the next step."""
        self._step = ""

    def text(self) -> str:
        """What the status bar shows now."""
        count = f" {self._done}/{self._total}" if self._total else ""
        return f"{TITLE}: {self._step}{count}…"

    def _show(self) -> None:
        _set(self._book, self.text())
        self._shown_at = time.monotonic()

"""What a long step tells the person waiting: which step runs and how far it is (a port, like ports.py).

Use cases and the documents adapter take a `Progress` and report to it; the command line passes
a terminal progress bar (cli_progress.py), desktop Excel its status bar (excel/status.py), and
everything else the silent NO_PROGRESS.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Protocol, Sized, TypeVar

T = TypeVar("T")


class Progress(Protocol):
    """Receives the steps of a long action: a step starts, advances, ends."""

    def start(self, step: str, total: int | None) -> None:
        """A step begins: its Vietnamese name and how many items it has (None when unknown)."""

    def advance(self, count: int = 1) -> None:
        """`count` more items of the current step are done."""

    def finish(self) -> None:
        """The current step is over."""


class NoProgress:
    """Reports nothing: the default when nobody is watching."""

    def start(self, step: str, total: int | None) -> None:
        """Ignore the step."""

    def advance(self, count: int = 1) -> None:
        """Ignore the advance."""

    def finish(self) -> None:
        """Nothing to end."""


NO_PROGRESS: Progress = NoProgress()


def tracked(progress: Progress, step: str, items: Iterable[T], total: int | None = None) -> Iterator[T]:
    """The items one by one, reporting the step's progress as each is done."""
    if total is None and isinstance(items, Sized):
        total = len(items)
    progress.start(step, total)
    try:
        for item in items:
            yield item
            progress.advance()
    finally:
        progress.finish()

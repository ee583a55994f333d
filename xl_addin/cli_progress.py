"""The terminal's progress bar (rich): the step's name, a bar, done/total, time left; only on a terminal."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from .progress import NO_PROGRESS, Progress

if TYPE_CHECKING:  # rich is imported when a bar is drawn (on a terminal), not by every command's start
    from rich.console import Console
    from rich.progress import Progress as RichBar, TaskID


class TerminalProgress:
    """A Progress drawn as a rich progress bar that disappears when its step ends."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._bar: RichBar | None = None
        self._task: TaskID | None = None

    def start(self, step: str, total: int | None) -> None:
        """Draw a new bar for the step (a spinner when the count is unknown)."""
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichBar, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self.finish()
        columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=30)]
        if total is not None:
            columns += [MofNCompleteColumn(), TextColumn("còn lại"), TimeRemainingColumn()]
        else:
            columns += [TextColumn("đã chạy"), TimeElapsedColumn()]
        self._bar = RichBar(*columns, console=self._console, transient=True, refresh_per_second=8)
        self._bar.start()
        self._task = self._bar.add_task(step, total=total)

    def advance(self, count: int = 1) -> None:
        """Move the bar on."""
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, count)

    def finish(self) -> None:
        """Remove the bar."""
        if self._bar is not None:
            self._bar.stop()
        self._bar = self._task = None


def for_terminal(stream: TextIO | None = None, *, quiet: bool = False) -> Progress:
    """A progress bar on the stream (stdout) when it is a terminal and output is not for a machine."""
    stream = stream or sys.stdout
    if quiet or not _is_terminal(stream):
        return NO_PROGRESS
    from rich.console import Console

    return TerminalProgress(Console(file=stream))


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

"""Python's cycle collector paused while a step builds its rows (issue 11): the one place that does it."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off inside the block, and as it was after.

    A step makes hundreds of thousands of lists and values that live until it ends (the sheets'
    rows, the judges' scores, the results); each full collection walks all of them again and
    finds no cycle (at nation scale a seventh of the results step). Reference counting still
    frees what is dropped; a cycle made meanwhile waits for the next collection. Nested or
    overlapping blocks (two steps in two threads of the add-in's server) leave it on at the end
    when it was on before the first.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()

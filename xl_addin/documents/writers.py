"""A few threads writing files while the caller makes the next ones, failures raised in the caller in order.

Plain threads and a queue rather than concurrent.futures: its import (logging, traceback…) was a
hundredth of the `binhchon documents` command, and a lock per file is all the waiting needed.
"""

from __future__ import annotations

import threading
from collections import deque
from queue import SimpleQueue

WRITERS, QUEUED = 4, 64  # at most QUEUED files waiting, so a nation's certificates are not all held at once


class _Job:
    """One call to make in a thread; its lock is held until the call is done."""

    __slots__ = ("fn", "args", "error", "done", "cancelled")

    def __init__(self, fn, args: tuple):
        self.fn, self.args, self.error, self.cancelled = fn, args, None, False
        self.done = threading.Lock()
        self.done.acquire()

    def run(self) -> None:
        """Make the call (unless cancelled), keeping what it raised."""
        try:
            if not self.cancelled:
                self.fn(*self.args)
        except BaseException as exc:  # raised again in the caller's thread, by result()
            self.error = exc
        finally:
            self.args = None
            self.done.release()

    def result(self) -> None:
        """Wait for the call; raise what it raised."""
        with self.done:
            pass
        if self.error is not None:
            raise self.error


class Writers:
    """`with Writers() as w: w.submit(fn, *args)`: the calls run in WRITERS threads; leaving the block waits
    for all of them and raises the first failure (in submission order); after a failure in the block,
    the calls not started are dropped."""

    def __enter__(self) -> "Writers":
        self.queue: SimpleQueue = SimpleQueue()
        self.pending: deque[_Job] = deque()
        self.threads = [threading.Thread(target=self._work, daemon=True) for _ in range(WRITERS)]
        for thread in self.threads:
            thread.start()
        return self

    def _work(self) -> None:
        while (job := self.queue.get()) is not None:
            job.run()

    def submit(self, fn, *args) -> None:
        """Run fn(*args) in a thread, first waiting for the oldest when QUEUED are waiting."""
        if len(self.pending) >= QUEUED:
            self.pending.popleft().result()
        job = _Job(fn, args)
        self.pending.append(job)
        self.queue.put(job)

    def __exit__(self, kind, *_) -> None:
        try:
            while self.pending and kind is None:
                self.pending.popleft().result()
        finally:
            for left in self.pending:
                left.cancelled = True
            for _ in self.threads:
                self.queue.put(None)
            for thread in self.threads:
                thread.join()

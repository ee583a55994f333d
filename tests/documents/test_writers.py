"""The certificates' writer threads: every call made, the first failure (in submission order) raised in
the caller, nothing started after a failure in the caller's block, the threads gone afterwards."""

from __future__ import annotations

import threading
import time

import pytest

from xl_addin.documents import writers
from xl_addin.documents.writers import Writers


def test_every_call_is_made_in_other_threads_and_waited_for(monkeypatch):
    monkeypatch.setattr(writers, "QUEUED", 3)  # the caller waits for the oldest once 3 are pending
    done, caller = [], threading.get_ident()
    with Writers() as w:
        for i in range(50):
            w.submit(lambda i: (time.sleep(0.001 * (i % 3)), done.append((i, threading.get_ident()))), i)
        assert len(w.pending) <= 3
    assert sorted(i for i, _ in done) == list(range(50))
    assert caller not in {t for _, t in done}
    assert not any(t.is_alive() for t in w.threads)


def test_the_first_failure_in_submission_order_is_raised():
    def slow_fail():
        time.sleep(0.05)
        raise PermissionError("the first: held by Word")

    def fast_fail():
        raise OSError("the second")

    with pytest.raises(PermissionError, match="the first"):
        with Writers() as w:
            w.submit(slow_fail)
            w.submit(fast_fail)  # fails sooner, but was asked for later


def test_after_a_failure_in_the_block_the_calls_not_started_are_dropped(monkeypatch):
    monkeypatch.setattr(writers, "WRITERS", 1)
    gate, made = threading.Event(), []
    with pytest.raises(KeyError):
        with Writers() as w:
            w.submit(gate.wait)  # the one thread waits here
            for i in range(5):
                w.submit(made.append, i)
            threading.Timer(0.05, gate.set).start()
            raise KeyError("the caller failed")
    assert made == [] and not any(t.is_alive() for t in w.threads)

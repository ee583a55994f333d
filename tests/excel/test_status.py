"""Desktop Excel's status bar says what is running; Office.js (no status bar) is left alone."""

from __future__ import annotations

from types import SimpleNamespace

from xl_addin.excel import status
from xl_addin.excel.messages import TITLE
from xl_addin.progress import tracked


class FakeApp:
    """The part of an xlwings App that status.py uses, remembering every status line written."""

    def __init__(self, engine: str) -> None:
        self.engine = SimpleNamespace(name=engine)
        self.lines: list[object] = []

    @property
    def status_bar(self):
        return self.lines[-1] if self.lines else False

    @status_bar.setter
    def status_bar(self, value) -> None:
        self.lines.append(value)


def book(engine: str = "excel") -> SimpleNamespace:
    return SimpleNamespace(app=FakeApp(engine))


def test_an_action_shows_while_it_runs_and_hands_the_bar_back():
    b = book()
    with status.shown(b, "đang chạy"):
        assert b.app.status_bar == f"{TITLE}: đang chạy…"
    assert b.app.status_bar is False


def test_a_step_shows_its_name_and_count():
    b = book()
    progress = status.StatusBarProgress(b)
    progress.min_interval = 0  # every advance written
    for _ in tracked(progress, "In giấy chứng nhận", range(3)):
        pass
    assert b.app.lines == [f"{TITLE}: In giấy chứng nhận 0/3…", f"{TITLE}: In giấy chứng nhận 1/3…",
                           f"{TITLE}: In giấy chứng nhận 2/3…", f"{TITLE}: In giấy chứng nhận 3/3…"]


def test_office_js_has_no_status_bar_and_nothing_is_written():
    b = book("remote")
    with status.shown(b, "đang chạy"):
        status.StatusBarProgress(b).start("Đọc phiếu chấm", 2)
    assert b.app.lines == []


def test_a_status_bar_that_fails_does_not_stop_the_action():
    class Broken(FakeApp):
        @property
        def status_bar(self):
            return False

        @status_bar.setter
        def status_bar(self, value):
            raise RuntimeError("Excel is busy")

    b = SimpleNamespace(app=Broken("excel"))
    with status.shown(b, "đang chạy"):
        done = True
    assert done


def test_a_fast_step_writes_the_bar_sparingly_but_always_its_end():
    b = book()
    for _ in tracked(status.StatusBarProgress(b), "In giấy chứng nhận", range(500)):
        pass
    assert len(b.app.lines) < 50 and b.app.lines[-1] == f"{TITLE}: In giấy chứng nhận 500/500…"

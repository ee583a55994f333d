"""Contest folders for the Excel entry points, and the licence xlwings' remote engine needs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import pytest  # noqa: E402
import xlwings as xw  # noqa: E402

from xl_addin.domain import schema  # noqa: E402
from xl_addin.usecases import demo  # noqa: E402
from xl_addin.usecases.init import init_contest  # noqa: E402
from xl_addin.usecases.judges import make_judge_sheets  # noqa: E402
from xl_addin.workbooks.contest_book import FileContestBook  # noqa: E402



@pytest.fixture(scope="session")
def filled_template(tmp_path_factory) -> Path:
    """A contest folder with the sample programme typed in (made once, copied per test)."""
    folder = tmp_path_factory.mktemp("filled") / "contest"
    path = init_contest(folder, year=2019, level="tinh", province="Bắc Giang").path
    demo.fill_inputs(path)
    return folder


@pytest.fixture(scope="session")
def judged_template(tmp_path_factory, filled_template) -> Path:
    """The filled contest with every judge's sheet made and scored (made once, copied per test)."""
    folder = tmp_path_factory.mktemp("judged") / "contest"
    shutil.copytree(filled_template, folder)
    book = FileContestBook(folder / schema.CONTEST_FILE)
    make_judge_sheets(book)
    book.save()
    demo.play_judges(folder)
    return folder


@pytest.fixture
def filled(tmp_path, filled_template) -> Path:
    """This test's own copy of the filled contest folder."""
    return Path(shutil.copytree(filled_template, tmp_path / "contest"))


@pytest.fixture
def judged(tmp_path, judged_template) -> Path:
    """This test's own copy of the judged contest folder."""
    return Path(shutil.copytree(judged_template, tmp_path / "contest"))


@pytest.fixture
def open_book():
    """Open payloads as remote-engine books, closing them after the test."""
    books: list[xw.Book] = []

    def opener(payload: dict) -> xw.Book:
        book = xw.Book(json=payload)
        books.append(book)
        return book

    yield opener
    for book in books:
        if book.impl.api is not None:
            book.close()
    if hasattr(xw.Book, "_mock_caller"):
        del xw.Book._mock_caller

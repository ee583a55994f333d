"""Fixtures of the documents tests: the sample contest and LibreOffice."""

from __future__ import annotations

import os
import shutil

import pytest
from doc_samples import make_contest, make_result_set, make_rows

from xl_addin.domain.models import Contest
from xl_addin.domain.results import ResultRow, ResultSet


@pytest.fixture
def contest() -> Contest:
    return make_contest()


@pytest.fixture
def rows() -> list[ResultRow]:
    return make_rows()


@pytest.fixture
def result_set() -> ResultSet:
    return make_result_set()


@pytest.fixture(scope="session")
def libreoffice() -> str:
    """The LibreOffice command; skipped where it is missing, but a failure in CI (CI set)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        reason = "LibreOffice (soffice) is not installed: sudo apt-get install libreoffice-writer fonts-liberation2"
        if os.environ.get("CI"):
            pytest.fail(f"CI must have LibreOffice: {reason}")
        pytest.skip(reason)
    return found

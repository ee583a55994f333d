"""Shared fixtures: the LibreOffice binary (skipped where missing, required on CI)."""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import settings

# Property tests check laws, not speed: no per-example deadline, so a busy CI machine cannot flake them.
settings.register_profile("binhchon", deadline=None)
settings.load_profile("binhchon")


@pytest.fixture(scope="session")
def soffice() -> str:
    """The path of LibreOffice's soffice; skips the test where it is missing, fails on CI (CI set)."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path:
        return path
    reason = "LibreOffice (soffice) is not installed; install it to run the recalculation/PDF tests"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}. CI must run these tests.")
    pytest.skip(reason)

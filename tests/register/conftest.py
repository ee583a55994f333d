"""Fixtures of the register tests: a fresh register on SQLite and, where a server is given, on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from register_builders import CRAFT, FOOD, Item, make_contest

POSTGRES_ENV = "BINHCHON_TEST_POSTGRES_URL"


def _reset_postgres(url: str) -> None:
    """Drop and recreate the public schema, so each test starts from an empty database."""
    import sqlalchemy as sa

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def register_location(request, tmp_path) -> str:
    """A location for a new register: a SQLite file in tmp_path, or the test PostgreSQL database (emptied)."""
    if request.param == "sqlite":
        yield str(tmp_path / "so_theo_doi.sqlite")
        return
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        reason = f"{POSTGRES_ENV} is not set: no PostgreSQL server to run the register tests on"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}. CI must run them (.ci/run starts one).")
        pytest.skip(reason)
    _reset_postgres(url)
    yield url
    _reset_postgres(url)


@pytest.fixture
def register(register_location, tmp_path):
    """The register opened (created by the Alembic migrations) at register_location."""
    from xl_addin.register import open_register

    with open_register(register_location, tmp_path) as reg:
        yield reg


# The history of the tests, worked out by hand:
# 2017: four products; totals 85, 75, 65, 90; pass mark 70 -> T17-01, T17-02, T17-04 recognised.
# 2019: the same cooperative under another spelling with the same tax number (same product),
#       the same untaxed craft workshop in the same commune (a new product), the same household
#       (same product), and a namesake household with another tax number (a new establishment);
#       totals 88, 72, 71, 60 -> three recognised, certificates of 15/11/2019 valid until 31/12/2022.
HISTORY_2017 = [
    Item("T17-01", "Rượu làng Vân", "Hợp tác xã Rượu làng Vân", "Vân Hà", "2400000011", FOOD, 85),
    Item("T17-02", "Mây tre đan Tăng Tiến", "Cơ sở mây tre đan Tăng Tiến", "Tăng Tiến", "", CRAFT, 75, photos=2),
    Item("T17-03", "Bánh đa Kế", "Hộ kinh doanh Nguyễn Văn Kế", "Dĩnh Kế", "8100000022", FOOD, 65),
    Item("T17-04", "Gốm Thổ Hà", "Công ty TNHH Gốm Thổ Hà", "Vân Hà", "2400000033", CRAFT, 90),
]
HISTORY_2019 = [
    Item("T19-01", "Rượu Làng Vân", "HTX rượu làng Vân", "xã Vân Hà", "2400000011", FOOD, 88),
    Item("T19-02", "Mây tre đan xuất khẩu", "Cơ sở mây tre đan Tăng Tiến", "Tăng Tiến", "", CRAFT, 72),
    Item("T19-03", "Bánh đa Kế", "HKD Nguyễn Văn Kế", "Dĩnh Kế", "8100000022", FOOD, 71),
    Item("T19-04", "Miến dong", "Hộ kinh doanh Nguyễn Văn Kế", "Dĩnh Kế", "8100000099", FOOD, 60, description=False),
]
DECISION_2017 = dt.date(2017, 11, 20)
DECISION_2019 = dt.date(2019, 11, 15)


@pytest.fixture(scope="session")
def history(tmp_path_factory) -> tuple[Path, Path]:
    """Two finished provincial contests (2017 and 2019) in one parent folder; made once per session."""
    root = tmp_path_factory.mktemp("history")
    c2017 = make_contest(root / "bg2017", 2017, HISTORY_2017, decision=DECISION_2017)
    c2019 = make_contest(root / "bg2019", 2019, HISTORY_2019, decision=DECISION_2019)
    from xl_addin.usecases.documents import make_documents_for
    from xl_addin.workbooks.contest_book import FileContestBook

    book = FileContestBook(c2019 / "binhchon.xlsx")
    make_documents_for(book, pdf=False, only_new=False)  # certificate numbers into Kết quả
    book.save()
    return c2017, c2019

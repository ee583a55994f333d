"""The register's schema: migrations match the tables, an old register migrates without losing rows."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from xl_addin.register import RegisterError, RegisterVersionError, open_register
from xl_addin.register import location as loc_mod
from xl_addin.register import migrate
from xl_addin.register.tables import metadata


def test_the_migrations_build_exactly_the_tables_the_code_uses(register):
    with register.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
        assert migrate.current_revision(conn) == migrate.head_revision()
    assert diff == []


def _first_version(location: str, tmp_path):
    """A register at revision 0001 with a contest, an establishment, a product, a registration and a score."""
    loc = loc_mod.resolve(location, tmp_path)
    engine = loc_mod.make_engine(loc)
    with engine.connect() as conn:
        migrate.upgrade(conn, "0001")
        conn.commit()
    now = dt.datetime(2020, 1, 1, 8, 0)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO contests (id, level, year, area, province, region, organiser, decision_no, decision_date, "
            "signer, signer_title, held_here, validity_years, source_file, source_sha256, added_at) VALUES "
            "(1, 'tinh', 2019, 'Bắc Giang', 'Bắc Giang', '', 'UBND tỉnh', '1/QĐ', :d, '', '', :t, 4, 'x', 'y', :now)"),
            {"d": dt.date(2019, 11, 15), "t": True, "now": now})
        conn.execute(sa.text(
            "INSERT INTO establishments (id, tax_code, name, name_key, commune, commune_key, district, province, kind) "
            "VALUES (1, '2400000011', 'HTX A', 'htx a', 'Vân Hà', 'van ha', '', 'Bắc Giang', '')"))
        conn.execute(sa.text(
            "INSERT INTO products (id, establishment_id, name, name_key, product_group, is_set) "
            "VALUES (1, 1, 'Rượu', 'ruou', 'Sản phẩm khác', :f)"), {"f": False})
        cols = ("product_code, product_name, product_group, establishment_name, establishment_kind, representative, "
                "tax_code, phone, email, address, commune, district, province")
        conn.execute(sa.text(
            f"INSERT INTO registrations (id, contest_id, product_id, establishment_id, {cols}, total) VALUES "
            "(1, 1, 1, 1, 'BG-001', 'Rượu', 'Sản phẩm khác', 'HTX A', '', '', '2400000011', '', '', '', 'Vân Hà', "
            "'', 'Bắc Giang', 8550)"))
        conn.execute(sa.text("INSERT INTO scores (registration_id, judge_code, item, points) VALUES (1, 'GK01', 'TC1', 3550)"))
    engine.dispose()
    return loc


def test_a_first_version_register_migrates_without_losing_rows(register_location, tmp_path):
    loc = _first_version(register_location, tmp_path)
    with open_register(register_location, tmp_path) as reg:
        assert any("0001" in note and migrate.head_revision() in note for note in reg.notes)
        data = reg.report_data(2019, 2019)
        with reg.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            tables = set(sa.inspect(conn).get_table_names())
    assert {"dossier_gaps", "activities", "reference_counts"} <= tables
    [row] = data.registrations
    assert (row.product_code, row.total, row.establishment_name, row.missing_documents) == (
        "BG-001", __import__("decimal").Decimal("85.50"), "HTX A", ())
    if loc.sqlite_path is not None:
        [copy] = (loc.sqlite_path.parent / "sao_luu").glob("*.sqlite")
        with sqlite3.connect(copy) as old:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            assert old.execute("SELECT COUNT(*) FROM scores").fetchone() == (1,)


def test_a_register_from_a_newer_version_is_refused(register_location, tmp_path):
    with open_register(register_location, tmp_path) as reg:
        with reg.engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(RegisterVersionError) as caught:
        open_register(register_location, tmp_path)
    assert "mới hơn" in caught.value.message and "0099" in caught.value.message


def test_a_file_that_is_no_register_is_refused(tmp_path):
    not_sqlite = tmp_path / "so.sqlite"
    not_sqlite.write_bytes(b"PK\x03\x04 an Excel workbook perhaps")
    with pytest.raises(RegisterError) as caught:
        open_register(str(not_sqlite), tmp_path)
    assert "không phải là sổ theo dõi" in caught.value.message
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.close()
    with pytest.raises(RegisterError) as caught:
        open_register(str(other), tmp_path)
    assert "không phải là sổ theo dõi" in caught.value.message


def test_a_register_at_0002_with_rows_migrates_to_the_decisions_table_keeping_every_row(register_location, tmp_path):
    loc = _first_version(register_location, tmp_path)
    engine = loc_mod.make_engine(loc)
    with engine.connect() as conn:
        migrate.upgrade(conn, "0002")
        conn.commit()
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO dossier_gaps (registration_id, document) VALUES (1, 'Phiếu đăng ký')"))
        conn.execute(sa.text("INSERT INTO activities (year, kind, content, quantity, note) "
                             "VALUES (2019, 'Hội chợ, triển lãm', 'Hội chợ vùng', 2, '')"))
        conn.execute(sa.text("INSERT INTO reference_counts (year, district, commune, district_key, commune_key, "
                             "establishments) VALUES (2019, 'Việt Yên', 'Vân Hà', 'viet yen', 'van ha', 45)"))
    tables = ("contests", "establishments", "products", "registrations", "scores", "dossier_gaps", "activities",
              "reference_counts")
    with engine.connect() as conn:
        before = {t: conn.execute(sa.text(f"SELECT * FROM {t} ORDER BY id")).all() for t in tables}
    engine.dispose()
    assert all(len(rows) == 1 for rows in before.values())
    with open_register(register_location, tmp_path) as reg:
        assert any("0002" in note and "0003" in note for note in reg.notes)
        with reg.engine.connect() as conn:
            assert migrate.current_revision(conn) == "0003" == migrate.head_revision()
            after = {t: conn.execute(sa.text(f"SELECT * FROM {t} ORDER BY id")).all() for t in tables}
            assert conn.execute(sa.text("SELECT COUNT(*) FROM duplicate_decisions")).scalar() == 0
    assert after == before

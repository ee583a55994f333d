"""Recognising establishments and products across years: by tax number, else folded name and commune.

A contest's rows are resolved in memory first (new establishments and products get temporary
negative ids), then the new ones are inserted in one batch each and the ids put in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection

from ..domain.models import Registration
from ..domain.register_entry import commune_key, is_product_set, name_key, tax_digits
from .tables import establishments, products


@dataclass
class Identities:
    """The register's establishments and products in memory, extended as rows are resolved."""

    by_tax: dict[str, int] = field(default_factory=dict)
    by_name: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    tax_of: dict[int, str | None] = field(default_factory=dict)
    products: dict[tuple[int, str], int] = field(default_factory=dict)
    new_establishments: dict[int, dict] = field(default_factory=dict)  # temporary id -> row to insert
    new_products: dict[int, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection) -> "Identities":
        """Every establishment's keys and every product's key, read once."""
        ids = cls()
        e = establishments.c
        for row in conn.execute(select(e.id, e.tax_code, e.name_key, e.commune_key)):
            ids._remember(row.id, row.tax_code, row.name_key, row.commune_key)
        for row in conn.execute(select(products.c.id, products.c.establishment_id, products.c.name_key)):
            ids.products[(row.establishment_id, row.name_key)] = row.id
        return ids

    def _remember(self, est_id: int, tax: str | None, nkey: str, ckey: str) -> None:
        if tax:
            self.by_tax[tax] = est_id
        self.tax_of[est_id] = tax
        self.by_name.setdefault((nkey, ckey), []).append(est_id)

    def establishment(self, conn: Connection, reg: Registration) -> int:
        """The id of the registration's establishment (temporary and negative when it is new)."""
        tax = tax_digits(reg.tax_code) or None
        nkey, ckey = name_key(reg.establishment), commune_key(reg.commune)
        if tax and tax in self.by_tax:
            return self.by_tax[tax]
        candidates = self.by_name.get((nkey, ckey), [])
        if not tax:
            if candidates:
                return candidates[0]
        else:
            # The same name in the same commune is the same establishment only when it had no
            # number yet: two different tax numbers never merge.
            untaxed = [est_id for est_id in candidates if not self.tax_of[est_id]]
            if untaxed:
                self._give_tax(conn, untaxed[0], tax)
                return untaxed[0]
        temp = -(len(self.new_establishments) + 1)
        self.new_establishments[temp] = dict(
            tax_code=tax, name=reg.establishment, name_key=nkey, commune=reg.commune or "", commune_key=ckey,
            district=reg.district or "", province=reg.province or "", kind=reg.establishment_type or "")
        self._remember(temp, tax, nkey, ckey)
        return temp

    def _give_tax(self, conn: Connection, est_id: int, tax: str) -> None:
        if est_id < 0:
            self.new_establishments[est_id]["tax_code"] = tax
        else:
            conn.execute(update(establishments).where(establishments.c.id == est_id).values(tax_code=tax))
        self.tax_of[est_id] = tax
        self.by_tax[tax] = est_id

    def product(self, est_id: int, name: str, group: str) -> int:
        """The id of the establishment's product of this name (temporary and negative when new)."""
        key = (est_id, name_key(name))
        if key not in self.products:
            temp = -(len(self.new_products) + 1)
            self.new_products[temp] = dict(establishment_id=est_id, name=name, name_key=key[1],
                                           product_group=group or "", is_set=is_product_set(name))
            self.products[key] = temp
        return self.products[key]

    def flush(self, conn: Connection) -> dict[int, int]:
        """Insert the new establishments, then the new products; temporary id -> real id for both kinds."""
        est_ids = _insert(conn, establishments, self.new_establishments)
        for row in self.new_products.values():
            row["establishment_id"] = est_ids.get(row["establishment_id"], row["establishment_id"])
        prod_ids = _insert(conn, products, self.new_products)
        self._settle(est_ids, prod_ids)
        return {"establishments": est_ids, "products": prod_ids}

    def _settle(self, est_ids: dict[int, int], prod_ids: dict[int, int]) -> None:
        """Replace the temporary ids in the indexes, so the same Identities can resolve more rows."""
        real = lambda i: est_ids.get(i, i)  # noqa: E731
        self.by_tax = {k: real(v) for k, v in self.by_tax.items()}
        self.by_name = {k: [real(v) for v in vs] for k, vs in self.by_name.items()}
        self.tax_of = {real(k): v for k, v in self.tax_of.items()}
        self.products = {(real(e), n): prod_ids.get(p, p) for (e, n), p in self.products.items()}
        self.new_establishments, self.new_products = {}, {}

    def find_product(self, tax: str, name: str) -> int | None:
        """The product of the establishment with this tax number and this folded name, if known."""
        est_id = self.by_tax.get(tax_digits(tax))
        return None if est_id is None else self.products.get((est_id, name_key(name)))


def _insert(conn: Connection, table: Table, new: dict[int, dict]) -> dict[int, int]:
    """Insert the rows in one batch; temporary id -> the id the database gave."""
    if not new:
        return {}
    temps, rows = list(new), list(new.values())
    if conn.dialect.insert_executemany_returning_sort_by_parameter_order:
        result = conn.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True), rows)
        return dict(zip(temps, result.scalars().all()))
    return {temp: conn.execute(table.insert().values(**row)).inserted_primary_key[0] for temp, row in zip(temps, rows)}

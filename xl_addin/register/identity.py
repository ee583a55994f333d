"""Recognising establishments and products across years: by tax number, else folded name and commune."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from ..domain.models import Registration
from ..domain.register_entry import commune_key, is_product_set, name_key, tax_digits
from .tables import establishments, products


@dataclass
class Identities:
    """The register's establishments and products in memory, extended as rows are added."""

    by_tax: dict[str, int] = field(default_factory=dict)
    by_name: dict[tuple[str, str], list[tuple[int, str | None]]] = field(default_factory=dict)
    products: dict[tuple[int, str], int] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection) -> "Identities":
        """Every establishment's keys and every product's key, read once."""
        ids = cls()
        for row in conn.execute(select(establishments.c.id, establishments.c.tax_code,
                                       establishments.c.name_key, establishments.c.commune_key)):
            ids._remember(row.id, row.tax_code, row.name_key, row.commune_key)
        for row in conn.execute(select(products.c.id, products.c.establishment_id, products.c.name_key)):
            ids.products[(row.establishment_id, row.name_key)] = row.id
        return ids

    def _remember(self, est_id: int, tax: str | None, nkey: str, ckey: str) -> None:
        if tax:
            self.by_tax[tax] = est_id
        self.by_name.setdefault((nkey, ckey), []).append((est_id, tax))

    def establishment(self, conn: Connection, reg: Registration) -> int:
        """The id of the registration's establishment, adding it (or its tax number) when new."""
        tax = tax_digits(reg.tax_code) or None
        nkey, ckey = name_key(reg.establishment), commune_key(reg.commune)
        if tax and tax in self.by_tax:
            return self.by_tax[tax]
        candidates = self.by_name.get((nkey, ckey), [])
        if tax:
            # The same name in the same commune is the same establishment only when it had no
            # number yet: two different tax numbers never merge.
            untaxed = [est_id for est_id, known in candidates if not known]
            if untaxed:
                est_id = untaxed[0]
                conn.execute(update(establishments).where(establishments.c.id == est_id).values(tax_code=tax))
                self.by_name[(nkey, ckey)] = [(i, tax if i == est_id else t) for i, t in candidates]
                self.by_tax[tax] = est_id
                return est_id
        elif candidates:
            return candidates[0][0]
        est_id = conn.execute(establishments.insert().values(
            tax_code=tax, name=reg.establishment, name_key=nkey, commune=reg.commune, commune_key=ckey,
            district=reg.district, province=reg.province, kind=reg.establishment_type or "",
        )).inserted_primary_key[0]
        self._remember(est_id, tax, nkey, ckey)
        return est_id

    def product(self, conn: Connection, est_id: int, name: str, group: str) -> int:
        """The id of the establishment's product of this name, adding it when new."""
        key = (est_id, name_key(name))
        if key in self.products:
            return self.products[key]
        prod_id = conn.execute(products.insert().values(
            establishment_id=est_id, name=name, name_key=key[1], product_group=group or "",
            is_set=is_product_set(name),
        )).inserted_primary_key[0]
        self.products[key] = prod_id
        return prod_id

    def find_product(self, tax: str, name: str) -> int | None:
        """The product of the establishment with this tax number and this folded name, if known."""
        est_id = self.by_tax.get(tax_digits(tax))
        return None if est_id is None else self.products.get((est_id, name_key(name)))

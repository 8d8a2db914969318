"""The security outputs' procurement clauses and the labels of the security fields' values.

The clauses and their regulatory basis are those of ``docs/security.md`` §5 (the English wording is the
document's); each names the catalogue field it asks the vendor to disclose, so that a checklist can show
what the catalogue knows today. Their texts are codes of the message catalogue
(``planner/messages/wb_security.toml``): ``wb.clause.<id>.title|text|basis`` and ``wb.secval.<field>.<value>``
(``wb.secval.<value>`` for any field).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import check_lang, has, t


@dataclass(frozen=True)
class Clause:
    """A tender clause: what the candidate must supply or commit to, and its regulatory basis."""

    id: str
    field: str | None  # catalogue field the answer updates (None: not recorded in the catalogue)

    def get(self, part: str, lang: str) -> str:
        """``title``, ``text`` or ``basis`` in ``lang``."""
        return t(f"clause.{self.id}.{part}", lang)


CLAUSES: tuple[Clause, ...] = (
    Clause("C1", "mds2_available"),
    Clause("C2", "sbom_available"),
    Clause("C3", "patch_policy"),
    Clause("C4", "remote_access"),
    Clause("C5", "os_end_of_support"),
    Clause("C6", "encryption_at_rest"),
    Clause("C7", None),
    Clause("C8", None),
)


def value_label(field: str, value: str, lang: str, **values: object) -> str:
    """Display text of a security field's value; the value itself when it has no label.

    >>> value_label("remote_access", "vendor_vpn", "fr"), value_label("sbom_available", "unknown", "fr")
    ('VPN du fabricant', 'inconnu')
    """
    for key in (f"secval.{field}.{value}", f"secval.{value}"):
        if has(key):
            return t(key, lang, **values)
    check_lang(lang)
    return value

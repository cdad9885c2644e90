"""Phone numbers as a circle writes them, read with the country its time zone lies in.

"020 7946 0000" means nothing without a country; a circle on ``Europe/London`` means the UK.
The country of a zone comes from the IANA time zone database that ``tzdata`` ships, not from a
table kept here: ``zone.tab`` names the one country each zone was made for (``Europe/Berlin``
→ DE), where ``zone1970.tab`` lists every country sharing its clock, and ``tzdata.zi`` says
which zone an old or alias name (``Europe/Belfast``, ``Europe/Kiev``) stands for.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import phonenumbers

# A run of at least six digits, single spaces, dots, dashes, slashes or brackets between them,
# maybe after a "+": what a phone number looks like before anyone parses it.
PHONE_SHAPE = re.compile(r"(?<![\w+])\+?\(?\d(?:[\s./()-]{0,2}\d){5,}\)?(?!\w)")


@cache
def _zone_countries() -> dict[str, str]:
    database = resources.files("tzdata") / "zoneinfo"
    countries = {}
    for line in (database / "zone.tab").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            country, _coordinates, zone, *_ = line.split("\t")
            countries[zone] = country
    for line in (database / "tzdata.zi").read_text(encoding="utf-8").splitlines():
        if line.startswith("L "):
            _, target, alias = line.split()
            if target in countries:
                countries.setdefault(alias, countries[target])
    return countries


def country_of_zone(zone: str) -> str | None:
    """``"Europe/Madrid"`` → ``"ES"``; None for zones of no one country (``UTC``)."""
    return _zone_countries().get(zone)


def phone_in(text: str) -> re.Match[str] | None:
    """The last stretch of ``text`` shaped like a phone number, if any."""
    found = list(PHONE_SHAPE.finditer(text))
    return found[-1] if found else None


def read_phone(text: str, zone: str) -> str | None:
    """A phone number in E.164 (``"+442079460000"``), when ``text`` is a valid one: written
    with its ``+`` country code, or as dialled at home in the country of ``zone``."""
    try:
        number = phonenumbers.parse(text, country_of_zone(zone))
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def show_phone(e164: str) -> str:
    """``"+442079460000"`` → ``"+44 20 7946 0000"``: grouped the way its country groups it."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

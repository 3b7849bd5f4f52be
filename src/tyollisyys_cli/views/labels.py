"""Labels the views share: the area row's name."""

from __future__ import annotations

import re

from tyollisyys_cli.i18n import _
from tyollisyys_cli.render.model import Label

#: An area row that sums some of its municipalities only, as the core names it.
_PART = re.compile(r" \(area, ([0-9]+) of ([0-9]+)\)$")


def area_row_name(name: str, area_name: str) -> Label:
    """The area row's name: `Kainuu–Koillismaa (area)` in data formats, as the core
    names it (`Kainuu–Koillismaa (area, 9 of 10)` where it sums 9 of the 10
    municipalities), and in the run's language for people."""
    part = _PART.search(name)
    if part is None:
        return Label(name, _("{area} (area)").format(area=area_name))
    shown = _("{area} (area, {held} of {total})")
    return Label(name, shown.format(area=area_name, held=part[1], total=part[2]))

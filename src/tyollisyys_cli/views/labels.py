"""Labels the views share: the area row's name."""

from __future__ import annotations

from tyollisyys_cli.i18n import _
from tyollisyys_cli.render.model import Label


def area_row_name(name: str, area_name: str) -> Label:
    """The area row's name: `Kainuu–Koillismaa (area)` in data formats, as the core
    names it, and in the run's language for people."""
    return Label(name, _("{area} (area)").format(area=area_name))

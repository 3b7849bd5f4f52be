"""What the global options set, and loading the area once per run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from tyollisyys_cli.dataset import Area


@dataclass
class State:
    data_dir: Path | None = None
    _area: Area | None = field(default=None, repr=False)

    def area(self) -> Area:
        """The validated area (raises `DataErrors` when the files are bad)."""
        if self._area is None:
            from tyollisyys_cli.cache import load_area_cached
            from tyollisyys_cli.paths import resolve_data_dir

            self._area = load_area_cached(resolve_data_dir(self.data_dir))
        return self._area


def state(ctx: typer.Context) -> State:
    """The run's state, created by the main callback."""
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj

"""What the global options set, and loading the area once per run.

No typer here: the fast dispatcher (`cli.fast`) runs commands with a `State` of its
own; under typer the state lives on click's root context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area
    from tyollisyys_cli.area.paths import DataSource


@dataclass
class State:
    data_dir: Path | None = None
    #: The command run and its parameter values (for the metadata of the output).
    command: str | None = None
    values: dict[str, Any] | None = None
    _area: Area | None = field(default=None, repr=False)
    _source: DataSource | None = field(default=None, repr=False)

    def source(self) -> DataSource:
        """Which data folder the run reads, and how it was chosen."""
        if self._source is None:
            from tyollisyys_cli.area.paths import data_source

            self._source = data_source(self.data_dir)
        return self._source

    def area(self) -> Area:
        """The validated area (raises `DataErrors` when the files are bad)."""
        if self._area is None:
            from tyollisyys_cli.area.cache import load_area_cached

            self._area = load_area_cached(self.source().folder)
        return self._area

    @property
    def loaded_area(self) -> Area | None:
        """The area if a command has loaded it already (emitting never loads data)."""
        return self._area


def state(ctx: Any) -> State:
    """The run's state, created by the main callback (`ctx`: a click context)."""
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj

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


@dataclass
class State:
    data_dir: Path | None = None
    #: The command run and its parameter values (for the metadata of the output).
    command: str | None = None
    values: dict[str, Any] | None = None
    _area: Area | None = field(default=None, repr=False)

    def area(self) -> Area:
        """The validated area (raises `DataErrors` when the files are bad)."""
        if self._area is None:
            from tyollisyys_cli.area.cache import load_area_cached
            from tyollisyys_cli.area.paths import resolve_data_dir

            self._area = load_area_cached(resolve_data_dir(self.data_dir))
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

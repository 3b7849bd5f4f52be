"""What the global options set, and loading the area once per run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area
    from tyollisyys_cli.area.paths import DataSource


#: The most folders below the working folder that the note of the bundled example names.
_SHOWN = 4

#: The global options a command may take again; the run's metadata names them once.
GLOBAL_PARAMETERS = frozenset({"data_dir", "debug", "lang"})


@dataclass
class State:
    data_dir: Path | None = None
    #: The command run and its parameter values in the command's order (for the
    #: metadata of the output).
    command: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    #: The parameters given on the command line (or by an environment variable), not
    #: left at their defaults: `-o x.csv` chooses csv only when no --format is given.
    given: frozenset[str] = frozenset()
    #: Notes on how the run reads its options, written before its output (`say_notes`):
    #: a run that fails says only why.
    notes: list[str] = field(default_factory=list)
    _area: Area | None = field(default=None, repr=False)
    _source: DataSource | None = field(default=None, repr=False)

    def source(self) -> DataSource:
        """Which data folder the run reads, and how it was chosen."""
        if self._source is None:
            from tyollisyys_cli.area.paths import data_source

            self._source = data_source(self.data_dir)
            for found in self._source.passed_over:
                from tyollisyys_cli.errors import escaped
                from tyollisyys_cli.i18n import _

                self.notes.append(
                    _(
                        "passed over {path}: another user's, in a folder all may write, "
                        "which anyone there could have put; give --data-dir to read it"
                    ).format(path=escaped(str(found)))
                )
            if self._source.below:
                import shlex

                from tyollisyys_cli.errors import escaped
                from tyollisyys_cli.i18n import _, ngettext

                below = self._source.below
                self.notes.append(
                    ngettext(
                        "this reads the bundled example: no data folder was given and none "
                        "was found from the working folder up, but {folders} below holds an "
                        "area; give --data-dir {first} to read it",
                        "this reads the bundled example: no data folder was given and none "
                        "was found from the working folder up, but {folders} below hold "
                        "areas; give --data-dir {first} (or another) to read one",
                        len(below),
                    ).format(
                        # (as a shell takes them: `--data-dir 'area one'`; the first few)
                        folders=", ".join(escaped(shlex.quote(str(f))) for f in below[:_SHOWN])
                        + (
                            _(" and {count} more").format(count=len(below) - _SHOWN)
                            if len(below) > _SHOWN
                            else ""
                        ),
                        first=escaped(shlex.quote(str(below[0]))),
                    )
                )
        return self._source

    def area(self) -> Area:
        """The validated area (raises `DataErrors` when the files are bad)."""
        if self._area is None:
            from tyollisyys_cli.area.cache import load_area_cached

            self._area = load_area_cached(self.source().folder)
        return self._area

    def say_notes(self) -> None:
        """Write the run's notes on standard error (once)."""
        import sys

        from tyollisyys_cli.i18n import _

        for note in self.notes:
            sys.stderr.write(_("note: {message}").format(message=note) + "\n")
        self.notes.clear()

    @property
    def loaded_area(self) -> Area | None:
        """The area if a command has loaded it already (emitting never loads data)."""
        return self._area


def state(ctx: Any) -> State:
    """The run's state, created by the main callback, for the command `ctx` runs.

    `ctx` is the command's click context: it knows the command's name and values.
    """
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    run: State = root.obj
    # The global options, given again after the command (they win there).
    if ctx.params.get("data_dir") is not None:
        run.data_dir = ctx.params["data_dir"]
        run._source = None
    if ctx.params.get("debug"):
        from tyollisyys_cli.cli.errors import DEBUG

        DEBUG["enabled"] = True
    run.command = ctx.info_name
    run.given = frozenset(
        name
        for name in ctx.params
        if getattr(ctx.get_parameter_source(name), "name", "DEFAULT") != "DEFAULT"
    )
    # click gives a variadic argument or repeated option that is not given as empty;
    # the metadata shows it as not given (null), like every other option left out.
    run.values = {
        param.name: _given(ctx.params[param.name])
        for param in ctx.command.params
        if param.name in ctx.params and param.name not in GLOBAL_PARAMETERS
    }
    return run


def _given(value: Any) -> Any:
    return None if isinstance(value, list | tuple) and not value else value

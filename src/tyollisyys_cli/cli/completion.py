"""Shell completion: of the values only the area knows (place names and months), and
of the options that take one of a few words (`--format`, `--fail-on`, rule codes).

The shell asks while the user types, so the area comes from the validated-data cache
(`load_area_cached`), the folder from --data-dir or TYOLLISYYS_DATA_DIR as the command
would choose it. An area that cannot be read completes nothing: completion never prints
an error into the user's command line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area


def place_names(area: Area, incomplete: str) -> list[str]:
    """The municipality names, codes and service units of `area` that begin with
    `incomplete` (any case, ä/ö optional), in the area's order."""
    from tyollisyys_cli.core.places import fold

    prefix = fold(incomplete)
    candidates = [m.name for m in area.municipalities]
    candidates += [m.code for m in area.municipalities]
    candidates += [unit.name for unit in area.units if unit.declared]
    found: list[str] = []
    for candidate in candidates:
        if fold(candidate).startswith(prefix) and candidate not in found:
            found.append(candidate)
    return found


def month_names(area: Area, incomplete: str) -> list[str]:
    """The months held that begin with `incomplete`, latest first."""
    return [month for month in reversed(area.months) if month.startswith(incomplete)]


def _area(ctx: Any) -> Area | None:
    """The area the command line being completed names, or None if it cannot be read."""
    from tyollisyys_cli.area.cache import load_area_cached
    from tyollisyys_cli.area.paths import data_source
    from tyollisyys_cli.errors import DataErrors

    data_dir: Path | None = None
    context = ctx
    while context is not None:  # the command's --data-dir wins over the global one
        given = context.params.get("data_dir") if context.params else None
        if given is not None:
            data_dir = Path(given)
            break
        context = context.parent
    try:
        return load_area_cached(data_source(data_dir).folder)
    except (DataErrors, OSError):
        return None


def as_typed(name: str, incomplete: str) -> str:
    """`name` continued from what was typed: the shell offers only what begins with the
    typed text, and PLACE takes any case and ä/ö as a/o (`kuh` → `kuhmo`,
    `Ristijarv` → `Ristijarvi`)."""
    if name.startswith(incomplete):
        return name
    return incomplete + name[len(incomplete) :]


def complete_place(ctx: Any, incomplete: str) -> list[str]:
    """Completion of a PLACE argument."""
    area = _area(ctx)
    names = [] if area is None else place_names(area, incomplete)
    return [as_typed(name, incomplete) for name in names]


def complete_month(ctx: Any, incomplete: str) -> list[str]:
    """Completion of --month."""
    area = _area(ctx)
    return [] if area is None else month_names(area, incomplete)


def choices(words: Callable[[], Iterable[str]]) -> Callable[[str], list[str]]:
    """Completion of an option that takes one of `words()` (read when the shell asks, so
    that the module that holds them is imported only then): those that begin with what
    was typed, in any case, continued from it (`com` → `com001`; the options take any
    case)."""

    def complete(incomplete: str) -> list[str]:
        typed = incomplete.casefold()
        return [as_typed(word, incomplete) for word in words() if word.casefold().startswith(typed)]

    return complete


def table_formats() -> tuple[str, ...]:
    from tyollisyys_cli.render.registry import FORMATS

    return FORMATS


def check_formats() -> tuple[str, ...]:
    from tyollisyys_cli.check.reporters import FORMATS

    return FORMATS


def fail_on_levels() -> tuple[str, ...]:
    from tyollisyys_cli.check.runner import FAIL_ON

    return FAIL_ON


def rule_codes() -> list[str]:
    from tyollisyys_cli.check.rules import RULES

    return [rule.code for rule in RULES]


def languages() -> tuple[str, ...]:
    from typing import get_args

    from tyollisyys_cli.i18n import Language

    return get_args(Language)


def client_bases() -> tuple[str, ...]:
    from typing import get_args

    from tyollisyys_cli.core.clients import ClientKind

    return get_args(ClientKind)


def methods() -> tuple[str, ...]:
    from tyollisyys_cli.core.apportion import METHODS

    return METHODS

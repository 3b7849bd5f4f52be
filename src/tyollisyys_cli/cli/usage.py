"""The command line's own words in the run's language: the usage line and click's usage
errors (an unknown option, a missing value).

typer's click writes them in English, with no catalog to look them up in. In a Finnish
run the group writes them itself from the parts each error carries (the option, the
parameter, the close names); an English run leaves them to click, word for word.
"""

from __future__ import annotations

import re
from typing import Any

import typer

from tyollisyys_cli.errors import ECHO_LIMIT, bounded, shortened
from tyollisyys_cli.i18n import _, language, ngettext


def usage_prefix() -> str:
    """What begins the usage line (`Usage: `), in the run's language."""
    return _("Usage: ")


#: The options the command-line library adds, whose help it writes in English (the
#: catalog holds it: `i18n/library.py`).
_LIBRARY_OPTIONS = frozenset({"help", "install_completion", "show_completion"})


def library_options_in_language(params: list[Any]) -> list[Any]:
    """`params`, the help of the library's own options (`--help`) in the run's language."""
    for param in params:
        if param.name in _LIBRARY_OPTIONS and param.help:
            param.help = _(param.help)
    return params


#: Where `misplaced` keeps what it adds to a usage error of click's.
_HINT = "tyollisyys_hint"
#: The app with every command (`cli.app` gives it: a run registers only the command it
#: runs, `app_for`), for the options of the others.
_EVERY_COMMAND: list[typer.Typer] = []


def know_every_command(app: typer.Typer) -> None:
    """Give `misplaced` the app with every command (`cli.app` does, once)."""
    _EVERY_COMMAND[:] = [app]


def misplaced(command: Any, ctx: Any, exc: Any) -> None:
    """Say more where click's usage error `exc` misleads: an option of other commands
    only (`caseload --step 1`: click offered `--help`), or arguments to a command that
    takes none (`allocate Kuhmo`: allocate works on the whole area)."""
    kinds = {kind.__name__ for kind in type(exc).__mro__}
    hint = None
    if "NoSuchOption" in kinds and _EVERY_COMMAND:
        meant = FINNISH_OPTIONS.get(_folded(exc.option_name))
        if meant is not None and any(meant in getattr(p, "opts", ()) for p in command.params):
            exc.possibilities = [meant]  # (`--kuukausi`: --month)
            return
        asked = meant or exc.option_name  # (`caseload --askel`: --step, allocate's)
        owners = [
            name
            for name, other in _commands(typer.main.get_group(_EVERY_COMMAND[0]))
            if any(asked in getattr(param, "opts", ()) for param in other.params)
        ]
        if owners:
            hint = ngettext(
                "it is an option of {commands}", "it is an option of {commands}", len(owners)
            ).format(commands=", ".join(owners))
            if meant is not None:
                hint = _("{option} is {meant}; {hint}").format(
                    option=exc.option_name, meant=meant, hint=hint
                )
            exc.possibilities = None
    elif str(getattr(exc, "message", "")).startswith("Got unexpected extra argument") and not any(
        param.param_type_name == "argument" for param in command.params
    ):
        hint = _("{command} takes no arguments: it works on the whole area").format(
            command=command.name
        )
    if hint is not None:
        setattr(exc, _HINT, hint)
        exc.message = f"{exc.message}; {hint}"


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Every command below `group` by the name it is run by (`import statfin`)."""
    found = []
    for name, command in getattr(group, "commands", {}).items():
        if getattr(command, "commands", None):
            found += _commands(command, f"{prefix}{name} ")
        else:
            found.append((prefix + name, command))
    return found


#: The options and commands as a Finnish user may write them, by the one each means
#: (compared folded: `--leveä` and `--levea` alike). Only where the option or command
#: exists: `--kuukausi` is `--month`, a command's Finnish name its English one.
FINNISH_OPTIONS = {
    "--kuukausi": "--month",
    "--kk": "--month",
    "--muoto": "--format",
    "--tiedosto": "--output",
    "--tuloste": "--output",
    "--kieli": "--lang",
    "--kansio": "--data-dir",
    "--datakansio": "--data-dir",
    "--tietokansio": "--data-dir",
    "--levea": "--wide",
    "--askel": "--step",
    "--menetelma": "--method",
    "--tavoite": "--target",
    "--alkaen": "--since",
    "--viimeisin": "--latest",
    "--uusin": "--latest",
    "--korvaa": "--replace",
    "--alue": "--area",
    "--lahde": "--from",
    "--pakota": "--force",
    "--esimerkki": "--example",
}
FINNISH_COMMANDS = {
    "kunnat": "municipalities",
    "tyottomyys": "unemployment",
    "asiakasmaara": "caseload",
    "kuormitus": "caseload",
    "henkilosto": "staffing",
    "pendelointi": "commuting",
    "tyossakaynti": "commuting",
    "toimipisteet": "offices",
    "kehitys": "trend",
    "kohdenna": "allocate",
    "jaa": "allocate",
    "jako": "allocate",
    "skenaario": "scenario",
    "tarkista": "check",
    "tarkistus": "check",
    "vie": "export",
    "vienti": "export",
    "alusta": "init",
    "skeema": "schema",
    "raportti": "report",
    "tuo": "import",
    "tuonti": "import",
}


def _folded(name: str) -> str:
    """`name` in lower case without its ä, ö, å (`--Leveä`: `--levea`)."""
    from tyollisyys_cli.models.parsing import fold

    return fold(name)


def is_usage_error(exc: BaseException) -> bool:
    """A usage error of click's (not `--help` shown for a command given nothing)."""
    kinds = {kind.__name__ for kind in type(exc).__mro__}
    return "UsageError" in kinds and "NoArgsIsHelpError" not in kinds


def unknown_command(group: Any, ctx: Any, args: list[str]) -> None:
    """Fail with the unknown command named and the close ones: a command named in
    Finnish (`työttömyys`) or in capitals gets the one it means, in either language; in
    a Finnish run any other gets the close ones (click adds an English "Did you mean")."""
    name = args[0] if args else None
    if name is None or name.startswith("-") or ctx.resilient_parsing:
        return  # (completing a command line fails nothing, as click's own check does not)
    if group.get_command(ctx, name) is not None:
        return
    # (a command in capitals, `CASELOAD`, is the command: click suggested none)
    meant: str | None = FINNISH_COMMANDS.get(_folded(name), _folded(name))
    if meant not in group.commands:
        meant = None
    if language() == "en":
        if meant is not None:  # (in click's words, as its other suggestions)
            ctx.fail(f"No such command {name!r}. Did you mean {meant!r}?")
        return
    from difflib import get_close_matches  # (only for a name that is no command)

    message = _("no such command {name!r}").format(name=name)
    close = [meant] if meant else get_close_matches(name, list(group.commands))
    if close:
        names = _(" or ").join(repr(found) for found in close)
        message += "; " + _("did you mean {names}?").format(names=names)
    ctx.fail(message)


def global_option_in_finnish(group: Any, exc: BaseException) -> None:
    """An unknown option before the command, written in Finnish (`--kieli fi`), gets the
    global option it means as click's suggestion."""
    name = getattr(exc, "option_name", None)
    if type(exc).__name__ != "NoSuchOption" or name is None:
        return
    meant = FINNISH_OPTIONS.get(_folded(name))
    if meant is not None and any(meant in getattr(p, "opts", ()) for p in group.params):
        exc.possibilities = [meant]  # type: ignore[attr-defined]  # (click's NoSuchOption)


def show_in_language(exc: BaseException) -> None:
    """Write a usage error of click's in the run's language and exit 2; in an English
    run, or for an error that is not one, return (click writes it). A value echoed in it
    is cut to `ECHO_LIMIT` characters, in every language."""
    if is_usage_error(exc) and isinstance(getattr(exc, "message", None), str):
        name = getattr(exc, "option_name", None)
        if isinstance(name, str) and len(name) > ECHO_LIMIT:  # (an option of spaced words)
            exc.message = exc.message.replace(name, shortened(name))  # type: ignore[attr-defined]  # (click's)
            exc.option_name = shortened(name)  # type: ignore[attr-defined]  # (click's)
        exc.message = bounded(exc.message, words=True)  # type: ignore[attr-defined]  # (click's)
    if language() == "en" or not is_usage_error(exc):
        return
    ctx = getattr(exc, "ctx", None)
    lines: list[str] = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            help_line = _("Try {command} for help.").format(
                command=f"'{ctx.command_path} {ctx.help_option_names[0]}'"
            )
            lines.append(help_line + "\n")
    lines.append(_("error: {message}").format(message=bounded(message_of(exc), words=True)))
    typer.echo("\n".join(lines), err=True)
    raise typer.Exit(2)


#: click's English messages that carry their parts only in their words (compiled when
#: an error is shown, not on every run).
_REQUIRES = r"Option '(?P<option>.*)' requires an argument\."
_NO_VALUE = r"Option '(?P<option>.*)' does not take a value\."
_EXTRA = r"Got unexpected extra argument(?:\(s\)|s)? \((?P<arguments>.*)\)"


def message_of(exc: Any) -> str:
    """The message of click's usage error `exc`, in the run's language. A message click
    made that none of these forms fits is kept as it is."""
    kinds = [kind.__name__ for kind in type(exc).__mro__]
    hint = getattr(exc, _HINT, None)
    message = str(getattr(exc, "message", exc))
    if hint is not None:  # (said after the message in the run's language)
        message = message.removesuffix(f"; {hint}")
        return f"{message_of_click(exc, kinds, message)}; {hint}"
    return message_of_click(exc, kinds, message)


def message_of_click(exc: Any, kinds: list[str], message: str) -> str:
    """The message of click's usage error `exc` (its class names `kinds`, its English
    `message`) in the run's language."""
    if kinds[0] == "NoSuchOption":
        text = _("no such option: {option}").format(option=exc.option_name)
        if exc.possibilities:
            options = ", ".join(sorted(exc.possibilities))
            text += " " + _("(possible options: {options})").format(options=options)
        return text
    if "MissingParameter" in kinds:
        return _missing(exc)
    if "BadParameter" in kinds:
        argument = getattr(exc.param, "param_type_name", "option") == "argument"
        hint = _hint(exc)
        if hint is None:
            return _("invalid value: {message}").format(message=message)
        if argument:
            return _("invalid value for the argument {name}: {message}").format(
                name=hint, message=message
            )
        return _("invalid value for the option {name}: {message}").format(
            name=hint, message=message
        )
    if found := re.fullmatch(_REQUIRES, message):
        return _("the option {option} needs a value").format(option=f"'{found['option']}'")
    if found := re.fullmatch(_NO_VALUE, message):
        return _("the option {option} takes no value").format(option=f"'{found['option']}'")
    if found := re.fullmatch(_EXTRA, message):
        arguments = found["arguments"]
        count = len(arguments.split(" "))
        return ngettext(
            "unexpected extra argument: {arguments}",
            "unexpected extra arguments: {arguments}",
            count,
        ).format(arguments=arguments)
    return message


def _hint(exc: Any) -> str | None:
    """How click names the parameter of `exc` (`'--month'`, `'FILE'`), or None."""
    hint = getattr(exc, "param_hint", None)
    param = getattr(exc, "param", None)
    if hint is None and param is not None:
        hint = param.get_error_hint()
        opts = getattr(param, "opts", None)
        if param.param_type_name == "option" and opts:  # (click adds "env var" in English)
            hint = " / ".join(f"'{opt}'" for opt in opts)
            if getattr(param, "show_envvar", False) and param.envvar is not None:
                hint += " (" + _("env var: {var}").format(var=f"'{param.envvar}'") + ")"
    if isinstance(hint, (list, tuple)):
        return " / ".join(f"'{part}'" for part in hint)
    return hint


def _missing(exc: Any) -> str:
    hint = _hint(exc) or ""
    kind = getattr(exc, "param_type", None) or getattr(exc.param, "param_type_name", "")
    if kind == "argument":
        text = _("the argument {name} is missing").format(name=hint)
    elif kind == "option":
        text = _("the option {name} is missing").format(name=hint)
    else:
        text = _("{name} is missing").format(name=hint)
    extra = exc.param.get_missing_message(ctx=exc.ctx) if exc.param is not None else None
    return f"{text}; {extra}" if extra else text

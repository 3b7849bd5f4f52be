"""The words typer writes itself (help sections, a few errors), for the catalog.

typer translates them with the standard library's gettext; `set_language` points that
at our catalog, so their Finnish is kept with ours. Nothing imports this module: it is
read by `pybabel extract` only.
"""

from tyollisyys_cli.i18n import N_

TYPER_WORDS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("Aborted!"),
    # The help of the options it adds (`cli/usage.py` looks them up).
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)

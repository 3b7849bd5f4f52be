"""Reading the values of the data files, with messages for people who edit YAML by hand.

Each function checks one kind of value (a count, a percentage, a statistics cell, a
code) and says what it found and how to write it instead: `8,9` gets "use a decimal
point", `38 799` gets "write it without spaces", `yes` gets "a yes/no value, not a
number". They raise `ValueError` with that message. No pydantic here: the models
(`models.fields`) wrap these functions.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal

#: No count or figure of an area comes near this (Finland has 5.6 million people); above
#: 2**53 a number read as a float also loses digits.
MAX_FIGURE = 10_000_000
#: No staff line, unit or pool comes near this many full-time equivalents.
MAX_FTE = 10_000

_SPACED_NUMBER = re.compile(r"[0-9]{1,3}([  _][0-9]{3})+([.,][0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")


def describe(value: Any) -> str:
    """How a value read from YAML is named in a message: `the text '8,9'`, `nothing`."""
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value!r}" if value.strip() else "empty text"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def number_hint(value: str) -> str:
    """How to write `value` as a number, when it looks like one written another way."""
    text = value.strip()
    if _SPACED_NUMBER.fullmatch(text):
        fixed = re.sub(r"[  _]", "", text).replace(",", ".")
        separator = "underscores" if "_" in text else "spaces"
        return f"; write numbers without {separator}: {fixed}"
    if _DECIMAL_COMMA.fullmatch(text):
        return f"; use a decimal point, not a comma: {text.replace(',', '.')}"
    if text.lower() in {"yes", "no", "on", "off", "y", "n"}:
        return "; this is a yes/no word, not a number"
    if text in {"...", "…"}:
        return "; write a withheld cell as `withheld`, and only where one is allowed"
    return ""


def _number(value: Any, *, expected: str, limit: float = MAX_FIGURE) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        hint = number_hint(value) if isinstance(value, str) else ""
        raise ValueError(f"expected {expected}, found {describe(value)}{hint}")
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"expected {expected}, found a number too large to use")
    # Compared before any conversion: a 400-digit whole number has no float.
    if value > limit:
        raise ValueError(
            f"expected {expected}, found {_shown(value)}, above {limit:,.0f}, "
            "more than any real figure of an area"
        )
    return float(value)


def _shown(value: float) -> str:
    """A number for a message, a very long whole number cut short."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text if len(text) <= 20 else f"{text[:12]}… ({len(text)} digits)"


def parse_count(value: Any) -> int:
    """A whole number of persons, jobs or the like, zero or more."""
    if type(value) is int and 0 <= value <= MAX_FIGURE:
        return value  # what nearly every count is (the checks below say the same)
    number = _number(value, expected="a whole number (0 or more)")
    if not number.is_integer():
        raise ValueError(f"expected a whole number (0 or more), found {value}")
    if number < 0:
        raise ValueError(f"expected a whole number (0 or more), found {value}, a negative count")
    return int(number)


def parse_cell(value: Any) -> int | Literal["withheld", "missing"]:
    """A statistics cell: a count, `withheld` ("..." in print) or `missing` (lost in print)."""
    if type(value) is int and 0 <= value <= MAX_FIGURE:
        return value  # what nearly every cell is (parse_count says the same)
    if value == "withheld":
        return "withheld"
    if value == "missing":
        return "missing"
    if isinstance(value, str) and value.strip() in {"...", "…"}:
        raise ValueError('write a withheld cell ("..." in the plan) as `withheld`')
    try:
        return parse_count(value)
    except ValueError as exc:
        raise ValueError(
            str(exc).replace(
                "a whole number (0 or more)",
                "a whole number (0 or more), `withheld` or `missing`",
                1,
            )
        ) from None


def parse_percent(value: Any) -> float:
    """A percentage between 0 and 100."""
    number = _number(value, expected="a percentage between 0 and 100")
    if not 0 <= number <= 100:
        raise ValueError(f"expected a percentage between 0 and 100, found {value}")
    return number


def parse_nonnegative(value: Any) -> float:
    """A number, zero or more (FTE, ratios that may exceed 100 %)."""
    number = _number(value, expected="a number (0 or more)")
    if number < 0:
        raise ValueError(f"expected a number (0 or more), found {value}")
    return number


def parse_fte(value: Any) -> float:
    """An FTE amount (htv): zero or more, at most `MAX_FTE`."""
    number = _number(value, expected="a number of FTE (0 or more)", limit=MAX_FTE)
    if number < 0:
        raise ValueError(f"expected a number of FTE (0 or more), found {value}")
    return number


def parse_positive(value: Any) -> float:
    """A number above zero (a caseload target)."""
    number = _number(value, expected="a number above 0")
    if number <= 0:
        raise ValueError(f"expected a number above 0, found {value}")
    return number


_CODE = re.compile(r"[0-9]{3}")


def parse_code(value: Any) -> str:
    """A Statistics Finland municipality code: three digits, as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(
            f"a municipality code is text of three digits; found the number {value}, "
            f'write it in quotes: "{value:03d}"'
        )
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise ValueError(f"expected a municipality code of three digits, found {describe(value)}")
    return value


_MONTH = re.compile(r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])")


def parse_month(value: Any) -> str:
    """A month written YYYY-MM."""
    if not isinstance(value, str) or not _MONTH.fullmatch(value):
        raise ValueError(f'expected a month written as "YYYY-MM", found {describe(value)}')
    return value


_YES_NO = {"yes", "no", "on", "off", "y", "n"}


def parse_flag(value: Any) -> bool:
    """`true` or `false`; `yes`/`no`/`on`/`off` are YAML 1.1 words this reader keeps as text."""
    if isinstance(value, bool):
        return value
    hint = ""
    if isinstance(value, str) and value.strip().lower() in _YES_NO:
        hint = "; write true or false (yes/no and on/off are read as text)"
    raise ValueError(f"expected true or false, found {describe(value)}{hint}")


def parse_text(value: Any) -> str:
    """Non-empty text."""
    if value is None:
        raise ValueError("expected text, found nothing; write the text after the colon")
    if not isinstance(value, str):
        raise ValueError(f"expected text, found {describe(value)}; put it in quotes")
    if not value.strip():
        raise ValueError("expected text, found an empty value")
    return value


# ------------------------------------------------------------------ amounts and targets

AMOUNT_FORMS = (
    "write an amount as a number (3.5), a range {min: 7, max: 8}, "
    "a lower bound {at_least: 5} or an approximate value {about: 2}"
)


def amount_mapping(value: Any) -> Any:
    """An amount written as a number is its exact form; anything else must be a mapping."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"exact": value}
    if not isinstance(value, dict):
        hint = number_hint(value) if isinstance(value, str) else ""
        raise ValueError(f"{AMOUNT_FORMS}; found {describe(value)}{hint}")
    return value


def check_amount_form(
    exact: float | None,
    low: float | None,
    high: float | None,
    at_least: float | None,
    about: float | None,
) -> None:
    """An amount takes exactly one form; a range has both ends, in order."""
    forms = [exact is not None, low is not None or high is not None]
    forms += [at_least is not None, about is not None]
    if sum(forms) != 1:
        raise ValueError(f"{AMOUNT_FORMS}, one of these forms only")
    if forms[1]:
        if low is None or high is None:
            raise ValueError("a range needs both min and max")
        if low > high:
            raise ValueError(f"range min {low:g} is larger than max {high:g}")


def target_mapping(value: Any) -> Any:
    """A target is written as a mapping."""
    if not isinstance(value, dict):
        raise ValueError(
            "write a target as a mapping: {min: 100, max: 150} (a band), {max: 100} "
            f"(under), {{min: 90}} (at least) or {{about: 100}}; found {describe(value)}"
        )
    return value


def check_target_form(low: float | None, high: float | None, about: float | None) -> None:
    """A target is about T, or a band, an upper or a lower bound, with its ends in order."""
    if about is not None and (low is not None or high is not None):
        raise ValueError("write a target either as about: T or with min/max, not both")
    if about is None and low is None and high is None:
        raise ValueError("a target needs min and max (a band), max (under), or about")
    if low is not None and high is not None and low > high:
        raise ValueError(f"target min {low:g} is larger than max {high:g}")


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form of a name: `Ristijärvi` → `ristijarvi`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()

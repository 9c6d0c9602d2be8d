"""Read a person's sex as written in Indonesian and English forms and files."""

from __future__ import annotations

import re
from typing import Literal

from django.utils.translation import gettext_lazy as _

from sigap.core.parsing._cells import is_number, number_text
from sigap.core.parsing._text import fold
from sigap.core.parsing.errors import ParseError, empty_value, unsupported_value

Sex = Literal["M", "F"]

# Whole values (letters and digits only) and single words, folded to lower case.
SEX_WORDS: dict[str, Sex] = {
    "l": "M", "lk": "M", "laki": "M", "lakilaki": "M", "laki2": "M", "lelaki": "M",
    "pria": "M", "cowok": "M", "m": "M", "male": "M", "man": "M", "boy": "M",
    "p": "F", "pr": "F", "prp": "F", "perempuan": "F", "wanita": "F", "w": "F",
    "cewek": "F", "f": "F", "female": "F", "woman": "F", "girl": "F",
}  # fmt: skip

_TOKEN = re.compile(r"[a-z0-9]+")


def parse_sex(text: object) -> Sex:
    """``"M"`` or ``"F"`` from L, LK, Laki-laki, Pria, P, PR, Perempuan, Wanita, M, F, Male,
    Female and the like. A value naming both (the header "L/P" copied into a cell) is refused
    rather than guessed, and so are numeric codes (1/2): files do not agree on what they mean."""
    if is_number(text):
        text = number_text(text) or str(text)
    if text is None:
        raise empty_value()
    if not isinstance(text, str):
        raise unsupported_value(text)
    if not text.strip():
        raise empty_value()
    tokens = _TOKEN.findall(fold(text))
    whole = "".join(tokens)
    if whole in SEX_WORDS:
        return SEX_WORDS[whole]
    found = {SEX_WORDS.get(token) for token in tokens}
    if found == {"M"}:
        return "M"
    if found == {"F"}:
        return "F"
    if found == {"M", "F"}:
        raise ParseError(
            "sex_ambiguous", _("'%(text)s' names both sexes; write L or P."), {"text": text}
        )
    raise ParseError(
        "sex_unknown",
        _("Sex '%(text)s' was not recognised; write L (laki-laki) or P (perempuan)."),
        {"text": text},
    )

"""Text folding shared by the name lookups: case, accents and punctuation must not matter."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ``text`` and drop accents, so "Türkiye" and "TURKIYE" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The folded words of ``text``; apostrophes join words ("Jum'at" is one word, "jumat")."""
    return _WORD.findall(fold(text).replace("'", "").replace("\u2019", ""))


def loose_key(text: str) -> str:
    """A key that ignores case, accents, punctuation and spaces ("Kota Baru" == "Kotabaru")."""
    return "".join(words(text))

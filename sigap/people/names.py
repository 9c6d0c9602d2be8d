"""Name keys for searching encrypted names despite spelling variants.

Indonesian names are written many ways: Muhammad / Muhamad / M. / Moh., Noor / Nur / Nor,
Siti / St., with titles (H., Hj.) and patronymics (bin, binti), and with typing slips. Each
token of a name is reduced to a canonical form and then to a consonant skeleton; the search
index stores keyed hashes of those keys (see people.models.PersonNameKey and
docs/security.md for what this leaks).
"""

from __future__ import annotations

import re
import unicodedata

# Titles and name particles that do not identify the person.
IGNORED = {
    "h",
    "hj",
    "haji",
    "hajjah",
    "hajah",
    "dr",
    "drs",
    "dra",
    "ir",
    "prof",
    "ust",
    "ustadz",
    "bin",
    "binti",
    "bt",
    "bn",
    "al",
    "el",
    "s",
    "pd",
    "sh",
    "se",
    "st",
    "skm",
    "amd",
    "kh",
}
# Spelling variants of common names, mapped to one form. "st" is a title (S.T.) unless it is
# the first token, where it abbreviates Siti.
VARIANTS = {
    **dict.fromkeys(
        [
            "m",
            "mhd",
            "md",
            "muh",
            "moh",
            "mohd",
            "muhamad",
            "mohammad",
            "mohamad",
            "muhammed",
            "mochammad",
            "mochamad",
            "moch",
            "mukhammad",
            "muhamat",
            "muhammat",
        ],
        "muhammad",
    ),
    **dict.fromkeys(["noor", "nor", "nuur", "nour"], "nur"),
    **dict.fromkeys(["sitti", "siti"], "siti"),
    **dict.fromkeys(["abd", "abdul", "abdoel"], "abdul"),
    **dict.fromkeys(["achmad", "ahmat", "akhmad", "ahmad"], "ahmad"),
}
# Old and new spellings (EYD) and sounds often written differently.
_SPELLINGS = [
    ("dj", "j"),
    ("tj", "c"),
    ("oe", "u"),
    ("ch", "h"),
    ("kh", "h"),
    ("sy", "s"),
    ("sj", "s"),
    ("ph", "f"),
    ("q", "k"),
    ("v", "f"),
    ("z", "s"),
    ("x", "ks"),
]
_VOWELS = set("aeiouy")


def tokens(name: str) -> list[str]:
    """Lower-case ASCII words of a name, with titles dropped and variants unified."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z]+", text)
    result = []
    for position, word in enumerate(words):
        if position == 0 and word == "st":
            word = "siti"
        if word in IGNORED:
            continue
        result.append(VARIANTS.get(word, word))
    return result


def sound_key(token: str) -> str:
    """First letter plus the consonant skeleton: Rahmadi, Rahmady and Rahmdi share "rmd"."""
    for old, new in _SPELLINGS:
        token = token.replace(old, new)
    if not token:
        return ""
    key = [token[0]]
    for letter in token[1:]:
        if letter in _VOWELS or letter == "h":
            continue
        if key[-1] != letter:
            key.append(letter)
    return "".join(key)


def name_keys(name: str) -> set[str]:
    """The search keys of a name (or of several names: aliases are searched too)."""
    return {sound_key(token) for token in tokens(name) if token}

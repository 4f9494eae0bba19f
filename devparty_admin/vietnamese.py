"""Vietnamese text helpers: accent folding for search and dictionary order for names.

Both produce plain strings stored in indexed columns, so search and sorting happen in SQL with
a binary comparison that SQLite and PostgreSQL agree on.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")

# Combining marks that make a distinct letter of the alphabet (ă â ê ô ơ ư), not a tone.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
# Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ).
_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_ALPHABET = [
    "a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j",
    "k", "l", "m", "n", "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b",
    "v", "w", "x", "y", "z",
]
# Two digits per letter keep the key fixed-width; 00 separates words and so sorts first.
_WORD_BREAK = "00"
_CODES = {str(d): f"{d + 1:02d}" for d in range(10)}
_CODES.update({letter: f"{i + 11:02d}" for i, letter in enumerate(_ALPHABET)})

SORT_KEY_LENGTH = 255


def normalize_spaces(text: str | None) -> str:
    """Trim and collapse runs of whitespace to one space."""
    return _SPACES.sub(" ", text or "").strip()


def fold(text: str | None) -> str:
    """Lower-case and strip diacritics so that "Nguyễn Đức" and "nguyen duc" compare equal."""
    text = normalize_spaces(text).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _letters(word: str) -> list[tuple[str, int]]:
    """Split a word into (letter, tone) pairs, letters as in the Vietnamese alphabet."""
    pairs: list[tuple[str, int]] = []
    for char in unicodedata.normalize("NFC", word.lower()):
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        letter = base + "".join(m for m in marks if m in _LETTER_MARKS)
        tone = next((_TONES[m] for m in marks if m in _TONES), 0)
        pairs.append((letter, tone))
    return pairs


def name_sort_key(full_name: str | None) -> str:
    """Key that orders people by given name, then middle names, then family name.

    Letters follow the Vietnamese alphabet (a ă â b c d đ e ê …); tones only break ties.
    """
    words = normalize_spaces(full_name).split(" ")
    if len(words) > 1:
        words = [words[-1], *words[1:-1], words[0]]
    keys = [_word_key(word) for word in words]
    key = (_WORD_BREAK.join(primary for primary, _tones in keys) + _WORD_BREAK + _WORD_BREAK
           + "".join(tones for _primary, tones in keys))
    return key[:SORT_KEY_LENGTH]


@lru_cache(maxsize=65536)
def _word_key(word: str) -> tuple[str, str]:
    """One word's letter codes and tone digits. Names share few words (a country's people have
    a few thousand), so each is worked out once: an import of 100,000 people spent seconds
    decomposing the same "Nguyễn" letter by letter."""
    pairs = [(_CODES[letter], tone) for letter, tone in _letters(word) if letter in _CODES]
    return "".join(code for code, _ in pairs), "".join(str(tone) for _, tone in pairs)


def prefix_upper_bound(prefix: str) -> str:
    """Smallest string greater than every string that starts with ``prefix``.

    ``col >= prefix AND col < bound`` is a prefix match that both SQLite and PostgreSQL
    answer from a plain index, which ``LIKE 'prefix%'`` does not on SQLite.
    """
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)

"""The one bilingual text mechanism: every phrase a user reads is a `Text` (Indonesian `id`, the
default, and English `en`), and every choice of language goes through `Text.get`.

A language other than `id` or `en` is refused here, in `check_lang`, and nowhere else: no view
falls back silently to Indonesian when it is handed `"fr"`. Pure data; imports nothing of the
package, so every stage may use it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

Lang: TypeAlias = Literal["id", "en"]
LANGS: Final[tuple[Lang, ...]] = ("id", "en")


class UnknownLanguageError(ValueError):
    """A language other than `id` or `en` was asked for (a programming error, not bad input)."""


def check_lang(lang: str) -> Lang:
    """`lang` as a `Lang`; anything but `id` or `en` raises `UnknownLanguageError`."""
    if lang == "id":
        return "id"
    if lang == "en":
        return "en"
    raise UnknownLanguageError(f"unknown language {lang!r}; netralrules speaks {' and '.join(LANGS)}")


@dataclass(frozen=True, slots=True)
class Text:
    """One piece of text in both languages. `text.get(lang)` or `text(lang)` picks one."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        """The text in `lang` (`id` or `en`; anything else raises `UnknownLanguageError`)."""
        if lang == "id":
            return self.id
        if lang == "en":
            return self.en
        check_lang(lang)  # raises
        raise AssertionError("unreachable")  # pragma: no cover

    def __call__(self, lang: str) -> str:
        return self.get(lang)

    def format(self, *args: object, **kwargs: object) -> Text:
        """Both templates filled with the same arguments."""
        return Text(self.id.format(*args, **kwargs), self.en.format(*args, **kwargs))

    def map(self, fn: Callable[[str], str]) -> Text:
        """`fn` applied to both languages."""
        return Text(fn(self.id), fn(self.en))

    @classmethod
    def same(cls, text: str) -> Text:
        """A text that reads the same in both languages (a name, an id, a number)."""
        return cls(text, text)

    @classmethod
    def build(cls, fn: Callable[[Lang], str]) -> Text:
        """The text made by `fn` for each language: `Text.build(lambda lang: cite(c, lang))`."""
        return cls(fn("id"), fn("en"))


def pick(table: Mapping[str, Text], key: str | None, lang: str) -> str:
    """The phrase for `key` in `lang`: `-` for no key, the key itself if the table does not know it
    (after checking `lang`, so an unknown language is refused even for an unknown key)."""
    lang = check_lang(lang)
    if key is None:
        return "-"
    text = table.get(key)
    return key if text is None else text.get(lang)

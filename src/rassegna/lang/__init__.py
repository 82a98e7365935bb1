"""Per-language resources. `resources(lang)` returns the module for a language, English as
the fallback, and `all_resources()` every module (cleaning runs before the language is known,
so it matches phrases of every supported language)."""

from __future__ import annotations

from types import ModuleType

from rassegna.lang import en, it

_BY_CODE: dict[str, ModuleType] = {"it": it, "en": en}


def resources(lang: str | None) -> ModuleType:
    return _BY_CODE.get((lang or "").lower()[:2], en)


def is_supported(lang: str | None) -> bool:
    """Whether `lang` has its own resources (else `resources` falls back to English)."""
    return (lang or "").lower()[:2] in _BY_CODE


def all_resources() -> tuple[ModuleType, ...]:
    return tuple(_BY_CODE.values())


def name_initials(name: str) -> str:
    """The capital initials of a name's content words, function words of every language left
    out: "Defense Intelligence Agency" → "DIA", "Repubblica Popolare Democratica di Corea" →
    "RPDC", "Organizzazione delle Nazioni Unite" → "ONU"."""
    import re
    import unicodedata

    words = re.findall(r"\w+", unicodedata.normalize("NFKD", name))
    function_words = it.NAME_FUNCTION_WORDS | en.NAME_FUNCTION_WORDS
    return "".join(w[0].upper() for w in words if w.lower() not in function_words)

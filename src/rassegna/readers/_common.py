"""Helpers shared by the format readers: reading bytes safely, decoding, ids, dates.

Readers signal a failure of a whole file or record by raising `ReadError` with a short
reason whose first word is its category ("unreadable: …", "too large: …"); the dispatcher
in `__init__.py` turns it into a `Quarantined` record.
"""

from __future__ import annotations

import codecs
import email.utils
import gzip
import re
import zlib
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_MB = 1024 * 1024
_SNIFF_BYTES = 8192
_MAX_REASON = 200


class ReadError(Exception):
    """A file or record cannot become a document; `reason` says why, category first."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = shorten(reason)


def shorten(text: str, limit: int = _MAX_REASON) -> str:
    """Keep quarantine reasons to one short line."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mb(n: int) -> str:
    return f"{n / _MB:.1f} MB"


# --- bytes -------------------------------------------------------------------------------


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, gunzipped if named `.gz`; refuses files over `max_bytes`.

    The size is checked with stat before reading, and decompression is capped, so that
    neither a huge file nor a gzip bomb is ever held in memory.
    """
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ReadError(f"unreadable: {err.strerror or err}") from err
    if size > max_bytes:
        raise ReadError(f"too large: {_mb(size)} > limit {_mb(max_bytes)}")
    try:
        if is_gzip(path):
            return _gunzip_capped(path, max_bytes)
        return path.read_bytes()
    except ReadError:
        raise
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        raise ReadError(f"unreadable: truncated or corrupt gzip ({err})") from err
    except OSError as err:
        raise ReadError(f"unreadable: {err.strerror or err}") from err


def _gunzip_capped(path: Path, max_bytes: int) -> bytes:
    with gzip.open(path, "rb") as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError(f"too large: decompressed size > limit {_mb(max_bytes)}")
    return data


# --- decoding ----------------------------------------------------------------------------

# Control characters that do not occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL = frozenset(range(32)) - {9, 10, 11, 12, 13, 27} | {127}

# One well-formed UTF-8 multibyte sequence (RFC 3629), used to tell legacy 8-bit files
# (none of these) from damaged UTF-8 files (some of these, plus invalid bytes).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xC2-\xDF][\x80-\xBF]"
    rb"|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}|\xED[\x80-\x9F][\x80-\xBF]"
    rb"|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}|\xF4[\x80-\x8F][\x80-\xBF]{2}"
)


def check_not_binary(data: bytes) -> None:
    """Refuse content that is evidently not text: NUL bytes or >10% control characters."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        raise ReadError("not text: binary content")
    controls = sum(1 for byte in head if byte in _CONTROL)
    if head and controls / len(head) > 0.10:
        raise ReadError("not text: binary content")


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes → text: UTF-8 (BOM stripped), else legacy cp1252/latin-1, else refuse.

    `declared` is an encoding the content itself names (an HTML meta or HTTP charset); it is
    used for bytes that are not valid UTF-8 when Python knows it.
    """
    check_not_binary(data)
    text = _decode(data, declared)
    if not text.strip():
        raise ReadError("empty: no text")
    return text


def _decode(data: bytes, declared: str | None) -> str:
    try:
        # Valid UTF-8 wins even over a declared charset: pages that say "iso-8859-1" but
        # are UTF-8 are common, the reverse (legacy bytes that happen to be valid) is not.
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        utf8_error = err
    codec = _normal_codec(declared) if declared else None
    if codec and codec != "utf-8":
        return data.decode(codec, errors="replace")  # the content's own declaration
    if _UTF8_MULTIBYTE.search(data):
        # Valid UTF-8 mixed with invalid bytes: a damaged file, not a legacy one.
        raise ReadError(f"undecodable: invalid UTF-8 at byte {utf8_error.start}")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # cannot fail: every byte is a latin-1 character


def _normal_codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    # Pages labelled latin-1/ascii are in practice windows-1252 (as the WHATWG spec says).
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


# --- ids, sources, metadata ----------------------------------------------------------------

def stem_of(path: Path) -> str:
    """File name without its format extensions: `a.txt` → `a`, `page.html.gz` → `page`."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem or path.name


def record_id(record: dict[str, Any], stem: str, number: int) -> str:
    """A record's own `id` field if it has one, else `stem-N` (N counted from 1)."""
    value = record.get("id")
    if value is not None and str(value).strip():
        return str(value).strip()
    return f"{stem}-{number}"


class IdAllocator:
    """Makes ids unique within one read: a repeated id gets `-2`, `-3`, … appended."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def unique(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self._used:
            n += 1
            candidate = f"{wanted}-{n}"
        self._used.add(candidate)
        return candidate


def site_of(url: str | None) -> str | None:
    """The host of a URL without a leading `www.`, or None."""
    if not url:
        return None
    host = urlparse(url).hostname
    return host.removeprefix("www.") if host else None


def clean_str(value: Any) -> str | None:
    """A stripped non-empty string, or None."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def join_names(value: Any) -> str | None:
    """Author field as one byline: a list is joined with ", "."""
    if isinstance(value, (list, tuple)):
        names = [clean_str(v.get("name") if isinstance(v, dict) else v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        return clean_str(value.get("name"))
    return clean_str(value)


def first_value(record: dict[str, Any], names: Iterable[str]) -> Any:
    """The value of the first of `names` present in `record` with a non-empty value."""
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


# --- dates -------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?=$|[T\s])")


def normalise_date(value: Any) -> str | None:
    """A stated publication date as ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when that is all).

    Accepts ISO strings and timestamps, RFC 2822 dates (RSS), epoch seconds or milliseconds,
    and as a last resort whatever dateparser understands (day-first, as in Europe).
    """
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if match:
        return _iso_parts(*match.groups())
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser_date(text)


def _iso_parts(year: str, month: str | None, day: str | None) -> str | None:
    try:
        if day:
            return datetime(int(year), int(month or 1), int(day)).date().isoformat()
        if month:
            datetime(int(year), int(month), 1)  # validates the month
            return f"{year}-{int(month):02d}"
    except ValueError:
        return None
    return year


def _dateparser_date(text: str) -> str | None:
    import dateparser  # slow to import; only needed for unusual date strings

    try:
        parsed = dateparser.parse(
            text, settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["year", "month", "day"]}
        )
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    return parsed.date().isoformat() if parsed else None

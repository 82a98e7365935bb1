"""Input readers: files and folders of articles → `RawDocument`s and `Quarantined` records.

Every input record ends as exactly one of the two. A record is a file, or one line of a
JSONL file, one element of a JSON array, one HTML response in a WARC, one feed entry, one
CSV row; a file that fails as a whole is one `Quarantined` record. Nothing raises out of
`read_inputs` for bad input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from rassegna.model import Quarantined, RawDocument

from ._common import (
    DEFAULT_MAX_BYTES,
    IdAllocator,
    ReadError,
    decode_text,
    read_bytes,
    shorten,
    stem_of,
)
from .csvfmt import read_csv
from .feed import read_feed
from .html import decode_html, html_document, looks_like_html, read_html
from .jsonfmt import read_json, read_jsonl
from .txt import read_txt, text_document
from .warc import read_warc

Record = RawDocument | Quarantined
Reader = Callable[[Path, str, str, int], Iterator[Record]]

# File-name endings (lower case, `.gz` already removed) → reader.
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
    ".csv": read_csv,
    ".tsv": read_csv,
}


def read_inputs(paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """Read files and folders (recursively, in sorted order, skipping hidden entries).

    Yields one `RawDocument` or `Quarantined` per input record; document ids are unique
    over the call (a repeated id gets `-2`, `-3`, …).
    """
    ids = IdAllocator()
    for item in iter_files(paths):
        if isinstance(item, Quarantined):
            yield item
            continue
        for record in read_file(item, max_bytes=max_bytes):
            if isinstance(record, RawDocument):
                record.id = ids.unique(record.id)
            yield record


def iter_files(paths: Sequence[str | Path]) -> Iterator[Path | Quarantined]:
    """The files named or contained in `paths`; a path that cannot be listed is quarantined."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            yield Quarantined(str(path), "unreadable: no such file or directory")


def _walk(folder: Path, seen: set[Path] | None = None) -> Iterator[Path | Quarantined]:
    seen = set() if seen is None else seen
    try:
        real = folder.resolve()
        if real in seen:
            return  # a symlink loop: this folder was already read
        seen.add(real)
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        yield Quarantined(str(folder), shorten(f"unreadable: {err.strerror or err}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        else:
            yield entry


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """The records of one file; any failure of the file as a whole becomes one `Quarantined`."""
    source = str(path)
    if not path.is_file():  # a FIFO or device would block the read; a dangling link fails
        yield Quarantined(source, "unreadable: not a regular file")
        return
    try:
        yield from reader_for(path)(path, source, stem_of(path), max_bytes)
    except ReadError as err:
        yield Quarantined(source, err.reason)
    except Exception as err:  # a bug or library failure on one file must not stop the run
        yield Quarantined(source, shorten(f"unreadable: {type(err).__name__}: {err}"))


def reader_for(path: Path) -> Reader:
    """The reader for a file name; unknown endings are sniffed."""
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return read_warc
    suffix = Path(name.removesuffix(".gz")).suffix
    return READERS.get(suffix, read_unknown)


def read_unknown(path: Path, source: str, doc_id: str, max_bytes: int) -> Iterator[Record]:
    """A file with an unknown extension: HTML if it looks like HTML, text if it decodes."""
    data = read_bytes(path, max_bytes)
    try:
        if looks_like_html(data):
            document = html_document(decode_html(data), doc_id=doc_id, source=source)
        else:
            document = text_document(decode_text(data), doc_id=doc_id, source=source)
    except ReadError as err:
        if not err.reason.startswith(("not text", "undecodable")):
            raise  # empty, too large…: say so rather than "unsupported"
        kind = path.suffix or "no extension"
        raise ReadError(f"unsupported format: {kind} file is neither text nor HTML") from err
    yield document


__all__ = ["read_inputs", "read_file", "iter_files", "reader_for"]

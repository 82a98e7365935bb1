"""The `rassegna` command line (typer + rich)."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from rassegna.pipeline import Options

app = typer.Typer(
    help="rassegna turns a pile of news articles into a sourced dossier, offline.\n\n"
         "Start with:  rassegna build ARTICLES_FOLDER --out OUT_FOLDER",
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich")
console = Console(stderr=True)


class RichStages:
    """Progress bars for the build stages, on stderr so stdout stays clean."""

    def __init__(self, progress: Progress):
        self.progress = progress

    @contextmanager
    def stage(self, name: str, total: int | None):
        task = self.progress.add_task(name, total=total)
        handle = _Advance(self.progress, task)
        try:
            yield handle
        finally:
            if total is None:
                self.progress.update(task, total=handle.count or 1, completed=handle.count or 1)
            else:
                self.progress.update(task, completed=total)


class _Advance:
    def __init__(self, progress: Progress, task):
        self.progress, self.task, self.count = progress, task, 0

    def advance(self, n: int = 1) -> None:
        self.count += n
        self.progress.advance(self.task, n)


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                    disable=not console.is_terminal)


@app.command()
def build(
    corpus: list[Path] = typer.Argument(..., help="Files or folders of articles (txt, html, json/jsonl, warc, rss/atom, csv; .gz too). "
                                              "With --update: the dossier folder, then the new articles."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for dossier.json, index.html and rassegna.duckdb."),
    engine: str = typer.Option("local", help="Where per-document analysis runs: local (processes) or spark."),
    workers: Optional[int] = typer.Option(None, help="Parallel workers (default: all CPU cores)."),
    lang: str = typer.Option("auto", help="Language of the articles: auto (detect per article) or a code such as it, en."),
    reference_date: Optional[str] = typer.Option(None, help="YYYY-MM-DD anchor for relative dates when an article has no date."),
    update: bool = typer.Option(False, "--update", help="Add articles to an existing dossier: the first argument is its folder."),
) -> None:
    """Read articles, analyse them and write the dossier, the offline report and the database."""
    from rassegna.build import build as run_build, previous_build

    options = Options(lang=lang, reference_date=reference_date)
    paths: list[Path | str] = list(corpus)
    if update:
        out = out or corpus[0]
        try:
            previous, options = previous_build(corpus[0])
        except FileNotFoundError as error:
            _fail(str(error))
        paths = list(dict.fromkeys([*previous, *(str(p) for p in corpus[1:])]))
    if out is None:
        _fail("--out is required: the folder to write the dossier into")
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        console.print(f"[yellow]warning:[/] not found (quarantined): {', '.join(missing)}")
    try:
        with _progress() as progress:
            summary = run_build(paths, out, engine=engine, workers=workers, options=options,
                                stages=RichStages(progress))
    except Exception as error:  # nothing could be written: say why, exit non-zero
        _fail(f"could not build the dossier: {type(error).__name__}: {error}")
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    console.print(f"[bold green]Dossier written[/] to {summary.out}: {summary.documents} documents, "
                  f"{summary.quarantined} quarantined, from {summary.inputs} inputs in "
                  f"{summary.seconds:.1f} s ({rate:.1f} documents/s).")


@app.command()
def extract(
    input: Path = typer.Argument(..., help="JSONL: one {\"id\", \"text\", \"language\"?, \"published\"?} per line."),
    out: Path = typer.Option(..., "--out", "-o", help="JSONL output: one analysis per input line, same order."),
    lang: str = typer.Option("auto", help="Force a language for every line (default: per line / detected)."),
    reference_date: Optional[str] = typer.Option(None, help="YYYY-MM-DD anchor for relative dates."),
) -> None:
    """Per-document analysis of texts taken as given (no cleaning; offsets into the given text)."""
    from rassegna.extract import extract_lines

    options = Options(lang=lang, reference_date=reference_date)
    with input.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as sink:
        count, errors = extract_lines(source, sink, options)
    console.print(f"[bold green]Extracted[/] {count} lines to {out}"
                  + (f", {errors} with errors (see their \"error\" field)" if errors else "") + ".")


@app.command(name="eval")
def evaluate(
    task: str = typer.Argument(..., help="What to score: extraction, ner, attribution, quantities, timex, stories."),
    data: Path = typer.Argument(..., help="The gold data in its published format."),
    lang: str = typer.Option("it", help="Language, for tasks that need one (ner)."),
) -> None:
    """Score rassegna on a gold data set; prints one JSON object of metrics to stdout."""
    from rassegna.evaluate import TASKS

    if task not in TASKS:
        _fail(f"unknown eval task {task!r}: available: {', '.join(sorted(TASKS))}")
    if not data.exists():
        _fail(f"{data} does not exist")
    try:
        metrics = TASKS[task](data, lang=lang)
    except (ValueError, OSError) as error:  # data in the wrong layout: say so, no traceback
        _fail(f"cannot score {task} on {data}: {error}")
    sys.stdout.write(json.dumps(metrics, ensure_ascii=False, indent=1) + "\n")


@app.command()
def serve(
    folder: Path = typer.Argument(..., help="A folder written by `rassegna build`."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (local only by default)."),
    port: int = typer.Option(8765, help="Port to listen on."),
) -> None:
    """Browse a built dossier in the local web UI."""
    import uvicorn

    from rassegna.web import create_app

    if not (folder / "dossier.json").exists():
        _fail(f"no dossier.json in {folder}: run `rassegna build … --out {folder}` first")
    console.print(f"Serving {folder} on http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(create_app(folder), host=host, port=port, log_level="warning")


def _fail(message: str) -> None:
    console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code=1)

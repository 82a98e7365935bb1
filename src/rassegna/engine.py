"""Where the per-document stage runs: worker processes on this machine, or Spark.

Both engines call the same pure function, `pipeline.analyse`, on the same records and return
results in input order, so the dossier does not depend on the engine.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from rassegna.model import Document, Quarantined, RawDocument
from rassegna.pipeline import Options, analyse

Result = Document | Quarantined
Progress = Callable[[int], None]


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


_BLAS_LIMIT = []


def one_blas_thread_per_worker() -> None:
    """Run in each worker process: the workers already fill the cores, and BLAS threads on top
    of them fight for the same cores (the transformer's large products made a 2-worker build of
    181 English pages 99 s with one thread each, 237–271 s with BLAS's default two)."""
    if not _BLAS_LIMIT:
        from threadpoolctl import threadpool_limits

        _BLAS_LIMIT.append(threadpool_limits(1, user_api="blas"))     # kept: the limit lasts with it


def _analyse_in_worker(raw: RawDocument, options: Options, common: frozenset[str]) -> Result:
    one_blas_thread_per_worker()
    return analyse(raw, options=options, common=common)


def run_local(raws: Sequence[RawDocument], options: Options, common: frozenset[str],
              workers: int, progress: Progress | None = None) -> list[Result]:
    """Analyse in `workers` processes (in this process when 1 or when the batch is tiny)."""
    work = partial(analyse, options=options, common=common)
    if workers <= 1 or len(raws) < 4:
        results = []
        for raw in raws:
            results.append(work(raw))
            if progress:
                progress(1)
        return results
    chunksize = max(1, min(64, len(raws) // (workers * 8) or 1))
    results = []
    with ProcessPoolExecutor(max_workers=workers, initializer=one_blas_thread_per_worker) as pool:
        for result in pool.map(work, raws, chunksize=chunksize):
            results.append(result)
            if progress:
                progress(1)
    return results


def run_spark(raws: Sequence[RawDocument], options: Options, common: frozenset[str],
              workers: int, progress: Progress | None = None) -> list[Result]:
    """Analyse on a local Spark cluster (`local[workers]`); needs the `spark` extra."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise RuntimeError("--engine spark needs PySpark: pip install 'rassegna[spark]'") from error
    # Executors must run this interpreter, where rassegna and its models are installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(f"local[{max(1, workers)}]")
             .appName("rassegna").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        slices = max(1, min(len(raws), workers * 4))
        work = partial(_analyse_in_worker, options=options, common=common)
        results = spark.sparkContext.parallelize(list(raws), slices).map(work).collect()
    finally:
        spark.stop()
    if progress:
        progress(len(results))
    return results


ENGINES = {"local": run_local, "spark": run_spark}

#!/usr/bin/env bash
# Reproduce the shipped NER pipeline for one language from /work/shared/data.
#
#   bash training/ner/train.sh it        # -> src/rassegna/models/ner_it/
#   bash training/ner/train.sh en        # -> src/rassegna/models/ner_en/
#
# Steps: convert CoNLL -> DocBin (training/output/corpus), spacy train with the committed
# config (fixed seed, single thread, niced), copy model-best into the package without
# training-only settings. Extra args are passed to `spacy train` (e.g. --training.max_steps 2000).
set -euo pipefail

LANG_CODE="${1:-it}"
shift || true
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DATA="${DATA:-/work/shared/data}"
OUT="training/output/ner_${LANG_CODE}"
DEST="src/rassegna/models/ner_${LANG_CODE}"

export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0

"$PY" training/ner/convert.py --data "$DATA" --out training/output/corpus --lang "$LANG_CODE"
start=$(date +%s)
nice -n 10 "$PY" -m spacy train "training/ner/config_${LANG_CODE}.cfg" --output "$OUT" "$@"
echo "training took $(( $(date +%s) - start )) s"
"$PY" training/ner/package.py "$OUT/model-best" "$DEST" --lang "$LANG_CODE"

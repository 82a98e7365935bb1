#!/usr/bin/env bash
# Reproduce the shipped NER pipeline for one language from /work/shared/data.
#
#   bash training/ner/train.sh it        # -> src/rassegna/models/ner_it/
#   bash training/ner/train.sh en        # -> src/rassegna/models/ner_en/
#
# Steps: convert CoNLL -> DocBin (training/output/corpus); spacy train with the committed
# configs (fixed seed, single thread, niced): for Italian, stage 1 config_it_silver.cfg
# (KIND + WikiNEuRal silver) then stage 2 config_it.cfg (fine-tune on KIND gold, WN_train
# counted twice); for
# English, config_en.cfg; copy model-best into the package without training-only settings.
set -euo pipefail

LANG_CODE="${1:-it}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DATA="${DATA:-/work/shared/data}"
OUT="training/output/ner_${LANG_CODE}"
DEST="src/rassegna/models/ner_${LANG_CODE}"

export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0

"$PY" training/ner/convert.py --data "$DATA" --out training/output/corpus --lang "$LANG_CODE"
start=$(date +%s)
if [ "$LANG_CODE" = it ]; then
  nice -n 10 "$PY" -m spacy train training/ner/config_it_silver.cfg --output training/output/ner_it_silver
  nice -n 10 "$PY" -m spacy train training/ner/config_it.cfg --output "$OUT" \
    --paths.stage1 training/output/ner_it_silver/model-best
else
  nice -n 10 "$PY" -m spacy train "training/ner/config_${LANG_CODE}.cfg" --output "$OUT"
fi
echo "training took $(( $(date +%s) - start )) s"
"$PY" training/ner/package.py "$OUT/model-best" "$DEST" --lang "$LANG_CODE"

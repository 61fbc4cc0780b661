#!/bin/sh
# usage: scripts/run_exp.sh NAME TRAIN.spacy MAX_STEPS [extra spacy train overrides...]
# trains into build/models/NAME, evaluates into build/eval/NAME.json (single thread)
set -e
NAME=$1; TRAIN=$2; STEPS=$3; shift 3
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
PY=${PY:-../.venv/bin/python}
CONFIG=${CONFIG:-configs/base.cfg}
start=$(date +%s)
$PY -m spacy train $CONFIG --output build/models/$NAME --paths.train $TRAIN --paths.dev build/train/dev.spacy \
  --training.max_steps $STEPS "$@"
end=$(date +%s)
echo "TRAIN_SECONDS $((end-start))"
$PY scripts/evaluate.py build/models/$NAME/model-best build/eval/$NAME.json
echo DONE

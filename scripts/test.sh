#!/usr/bin/env bash
# The README's test command (via `make test`) and CI's: data checks, training when the data
# changed, conversation tests, then unit and end-to-end tests (real servers, real browser).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 PYTHONWARNINGS=ignore
# Rasa's training cache skips unchanged components; its 1 GB default is too small for our data.
export RASA_MAX_CACHE_SIZE=6000
RASA=.venv/bin/rasa
mkdir -p var
# nginx and redis-server (Debian packages) are run by the rate-limit and reverse-proxy tests.
scripts/prod-setup.sh

echo "== 1/4 Validation des données d'entraînement"
$RASA data validate --data data --domain domain.yml --config config.yml --fail-on-warnings

echo "== 2/4 Entraînement du modèle (sauté si rien n'a changé)"
$RASA train --data data --domain domain.yml --config config.yml --out models

echo "== 3/4 Tests de conversation (tests/conversations)"
$RASA test core --stories tests/conversations --model models --fail-on-prediction-errors \
  --out var/test-results/conversations

echo "== 4/4 Tests unitaires et de bout en bout"
# The 25 slowest tests are listed at the end: the suite must stay under ~30 minutes on 2 cores.
.venv/bin/python -m pytest --durations=25 "$@"

#!/usr/bin/env bash
# Installs everything the assistant needs on a fresh machine; safe to run again (does nothing
# when nothing changed). Usage: scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.installed-$(sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-16)"

fail() { printf '\nERREUR : %s\n' "$*" >&2; exit 1; }

is_python310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }

find_python310() {
  local candidates=()
  [ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
  if command -v pyenv >/dev/null 2>&1; then
    local root; root="$(pyenv root)"
    for dir in "$root"/versions/3.10*/bin; do candidates+=("$dir/python3.10"); done
  fi
  candidates+=(python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10 python3)
  for candidate in "${candidates[@]}"; do
    if is_python310 "$candidate"; then command -v "$candidate" || echo "$candidate"; return 0; fi
  done
  return 1
}

if [ ! -x "$VENV/bin/python" ] || ! is_python310 "$VENV/bin/python"; then
  PY="$(find_python310)" || fail "Python 3.10 est introuvable (Rasa 3.6 ne fonctionne pas avec 3.11 et plus).
Installez-le, puis relancez la commande :
  - avec pyenv : pyenv install 3.10.13
  - sous Debian/Ubuntu : sudo apt-get install python3.10 python3.10-venv
  - ou indiquez son chemin : PYTHON=/chemin/vers/python3.10 make run"
  echo "Création de l'environnement Python ($PY) dans $VENV…"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV" || fail "impossible de créer $VENV (sous Debian : sudo apt-get install python3.10-venv)."
fi

if [ ! -f "$STAMP" ]; then
  echo "Installation des dépendances Python verrouillées (requirements.lock), quelques minutes la première fois…"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.2"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.lock \
    || fail "l'installation des dépendances a échoué (voir le message de pip ci-dessus)."
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
    || fail "l'installation du projet a échoué."
  rm -f "$VENV"/.installed-*
  touch "$STAMP"
fi

if [ ! -f node_modules/socket.io-client/dist/socket.io.min.js ] || [ ! -f node_modules/axe-core/axe.min.js ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  command -v npm >/dev/null 2>&1 || fail "npm est introuvable : installez Node.js (sous Debian : sudo apt-get install npm)."
  echo "Installation des dépendances du widget (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci a échoué."
fi

if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Installation de Chromium (paquet Debian) pour les tests dans le navigateur…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || fail "impossible d'installer chromium (sudo apt-get install chromium)."
fi

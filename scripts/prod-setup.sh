#!/usr/bin/env bash
# Installs the Debian packages of the production profile (PostgreSQL, Redis, nginx) when missing.
# Only the programs are used: the profile starts its own instances as child processes, on
# loopback, with their data under var/prod/ (never the system services or their data).
set -euo pipefail

fail() { printf '\nERREUR : %s\n' "$*" >&2; exit 1; }

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installation des paquets Debian du profil de production : ${missing[*]}…"
command -v apt-get >/dev/null 2>&1 || fail "apt-get introuvable : installez ${missing[*]} avec le gestionnaire de paquets du système."
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq \
  && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || fail "impossible d'installer ${missing[*]} (sudo apt-get install ${missing[*]})."

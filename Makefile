# Commandes du projet : `make help` les liste.
.DEFAULT_GOAL := help
PY := .venv/bin/python
RASA := .venv/bin/rasa
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_MAX_CACHE_SIZE := 6000

.PHONY: help setup run test validate train lock bench eval prod prod-down load-test

help: ## Liste les commandes
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Installe l'environnement (.venv, dépendances verrouillées, widget)
	@scripts/setup.sh

run: setup ## Lance l'assistant complet (Rasa, actions, site) sur SQLite
	@$(PY) -m tools.run

test: ## Lance tous les tests (unitaires, données, conversations, navigateur)
	@scripts/setup.sh --browser
	@scripts/test.sh

validate: setup ## Vérifie les données d'entraînement
	$(RASA) data validate --data data --domain domain.yml --config config.yml

train: setup ## Entraîne le modèle si les données ont changé
	$(RASA) train --data data --domain domain.yml --config config.yml --out models

lock: ## Régénère requirements.lock depuis l'environnement actuel
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock

bench: setup train ## Mesures : débit et temps de réponse (intégré, production, référence Rasa), entraînement, mémoire, /nlg sous charge du back-office (var/bench/)
	@scripts/prod-setup.sh
	$(PY) -m tools.bench
	$(PY) -m tools.nlg_under_load

prod: setup train ## Lance le profil de production (PostgreSQL, Redis, 2 serveurs Rasa, nginx) sous var/prod/
	@scripts/prod-setup.sh
	@$(PY) -m tools.production

prod-down: ## Arrête un profil de production resté en place (var/prod/pids)
	@$(PY) -m tools.production down

load-test: setup train ## Test de charge et de pannes (200 conversations, serveur Rasa tué, PostgreSQL redémarré)
	@scripts/prod-setup.sh
	$(PY) -m tools.loadtest

eval: setup train ## Évalue routes et modèles de réponse sur le jeu réservé (var/eval/report.md)
	$(PY) -m tools.evaluation

"""Rasa input channels of the assistant (listed in credentials.yml).

Each subclasses Rasa's own channel; the caisse's web chat, the REST API and Messenger.
"""

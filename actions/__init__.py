"""Rasa custom actions: thin translations between Rasa and the `bot` package.

rasa-sdk imports this package and all its submodules: one file per feature, no registration.
"""

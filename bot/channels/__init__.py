"""Rasa input channels of the assistant (listed in credentials.yml).

Each subclasses Rasa's own channel (web chat on socket.io, REST, Messenger) and masks personal
data before Rasa sees the message (`bot.channels.masking`).
"""

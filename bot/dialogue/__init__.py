"""Conversation logic that Rasa's custom actions call: menus and feedback parsing."""
from bot.dialogue.feedback import parse_feedback
from bot.dialogue.menu import Menu

__all__ = ["parse_feedback", "Menu"]

"""Conversation logic that Rasa's custom actions call."""
from bot.dialogue.feedback import parse_feedback
from bot.dialogue.menu import Menu
from bot.dialogue.privacy import masked_data_notice
from bot.dialogue.situation import secure_path_message, situation_topic

__all__ = ["parse_feedback", "Menu", "masked_data_notice", "secure_path_message", "situation_topic"]

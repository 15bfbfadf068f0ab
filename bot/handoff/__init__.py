"""Escalation to a human agent: each step done once (`service`), the queue and records it writes,
business-time delays and what the person is told while waiting."""

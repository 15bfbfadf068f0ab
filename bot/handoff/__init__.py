"""Escalation to a human agent: queue, records, business-time delays."""

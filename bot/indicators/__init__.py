"""Managers' indicators (EN3S grid F1, F2, F3, F9, F10): SQL aggregations over our tables."""

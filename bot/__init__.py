"""First-level assistant of a French social-security fund, built on Rasa Open Source."""

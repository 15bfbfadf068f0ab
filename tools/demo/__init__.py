"""Demo data for trying the assistant without real users: the back office's accounts
(`accounts.py`, created by `make run`) and the dashboard's conversations, handoffs and comment
threads (`indicators.py`, `python -m tools.demo_data`)."""

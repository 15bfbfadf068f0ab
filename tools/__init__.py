"""Tooling around the assistant, never imported by it: starting it on one machine (`make run`,
`make prod`), benchmarks, the load test, simulated traffic and the evaluations. Each module runs
as `python -m tools.<module>`; the product itself is the `bot` and `actions` packages."""

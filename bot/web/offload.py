"""Back-office work off the event loop, in a small pool of threads of its own.

The loop of the web server also answers Rasa's `/nlg` (Rasa waits 2 s, then falls back to the
older texts of its model) and the agents' console: a page that scans Rasa's events, clusters
questions or renders a thousand rows must not hold it. Those pages run their database reads and
their rendering here. The pool is one thread on purpose: Python threads share one interpreter
lock, so pages crunching side by side would still slow the loop (measured with
`python -m tools.nlg_under_load`, 4 editors reloading the candidates page: `/nlg` at 17 ms at the
95th percentile with one thread, 33 ms with two, 0.8 s with that work on the loop). The back
office has a handful of users: a page may wait for another, a person's answer may not. `/nlg`
(on the loop's default executor) never queues behind them. And a thread crunching in Python
hands the lock over after 1 ms instead of Python's 5: each time the loop needs it back (reading a
request, resuming after a query) it waits about that long (`/nlg` at the 95th percentile under
the editors' search page: about 63 ms with 5 ms, 47 ms with 1 ms).
"""
from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, Callable, TypeVar

from sanic.request import Request

BACKOFFICE_THREADS = 1
SWITCH_INTERVAL_SECONDS = 0.001
T = TypeVar("T")


def backoffice_pool() -> ThreadPoolExecutor:
    """The pool `create_app` puts on `app.ctx.backoffice_pool`; the web process's threads then
    share the interpreter lock in 1 ms turns."""
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    return ThreadPoolExecutor(max_workers=BACKOFFICE_THREADS, thread_name_prefix="backoffice")


async def off_loop(request: Request, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`function(*args, **kwargs)` in the back office's pool; the loop serves others meanwhile."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(request.app.ctx.backoffice_pool, partial(function, *args, **kwargs))

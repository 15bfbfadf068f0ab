"""The back office's heavy work runs in its own pool of threads, never on the event loop."""
import asyncio
import sys
import threading
from types import SimpleNamespace

from bot.web.offload import SWITCH_INTERVAL_SECONDS, backoffice_pool, off_loop


def test_work_runs_in_the_back_office_pool_with_its_arguments():
    pool = backoffice_pool()
    request = SimpleNamespace(app=SimpleNamespace(ctx=SimpleNamespace(backoffice_pool=pool)))

    def where(word, *, end):
        return f"{threading.current_thread().name} {word}{end}"

    try:
        ran = asyncio.run(off_loop(request, where, "ici", end="."))
    finally:
        pool.shutdown()
    assert ran.startswith("backoffice") and ran.endswith(" ici.")
    assert sys.getswitchinterval() == SWITCH_INTERVAL_SECONDS  # the loop waits less for the lock

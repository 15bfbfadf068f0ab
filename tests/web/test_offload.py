"""The back office's heavy work runs in its own pool of threads, never on the event loop."""
import asyncio
import threading
from types import SimpleNamespace

from bot.web.offload import backoffice_pool, off_loop


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

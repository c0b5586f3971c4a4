"""Real threads against the real database, for the tests that prove a guarantee under races."""

import threading
from collections.abc import Callable

from django.db import connection


def race(calls: list[Callable[[], object]]) -> list:
    """Run every call in its own thread, all released at once; return results or raised exceptions."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = calls[index]()
        except BaseException as exc:  # reported to the test that asked
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results

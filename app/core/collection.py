"""Building a very large number of objects at once (a million cues) without the cyclic garbage collector.

While a list of new objects grows, the collector runs again and again and walks all of them each time it reaches
the oldest generation: a third of the time of building a million cues. None of them is in a cycle, so collection
is paused while they are built and left as it was afterwards (in the window it is already off and done on the UI
thread, app.ui.gc_guard; a paused collection there stays paused).

What was built is long-lived: where the collector runs by itself (the command line), it goes straight to the oldest
generation (``gc.freeze()`` then ``gc.unfreeze()``, a few constant-time list merges), where only a full collection
looks at it. Left in the youngest, the next two young collections would each walk all of it once more before
promoting it (a file of 608,665 cues: 0.1 and 0.15 s, issue 27). The window's collector (paused, run by
app.ui.gc_guard) is left alone: there the move would also age the garbage of the last tick.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():  # (someone's own frozen objects are left frozen)
                gc.freeze()
                gc.unfreeze()
            gc.enable()

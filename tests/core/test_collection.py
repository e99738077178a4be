"""app.core.collection: many objects built with the cyclic collector paused end in the oldest generation."""

from __future__ import annotations

import gc

from app.core.collection import collection_paused


class Node:
    def __init__(self, value: int) -> None:
        self.value = value


def test_what_was_built_goes_straight_to_the_oldest_generation():
    """Left young, a million cues were walked by two young collections before reaching the oldest one (0.25 s
    of a `check`, issue 27): they are put there at once, and the collector is left as it was."""
    was_enabled = gc.isenabled()
    gc.unfreeze()  # whatever an earlier test left frozen (app.cli.run thaws its own) counts as ours here
    gc.enable()
    try:
        with collection_paused():
            assert not gc.isenabled()
            built = [Node(k) for k in range(5000)]
        assert gc.isenabled()
        oldest = {id(obj) for obj in gc.get_objects(generation=2)}
        assert all(id(node) in oldest for node in built)
        gc.disable()
        with collection_paused():
            pass
        assert not gc.isenabled()  # a paused collector (the window's) stays paused
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_objects_someone_froze_stay_frozen():
    """The suite's gap meter freezes the heap it does not measure: building cues meanwhile thaws none of it. (The
    frozen count itself can drop by a few while another thread frees frozen objects: a thaw would empty it.)"""
    ours = Node(-1)
    assert gc.is_tracked(ours)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collection_paused():
            built = [Node(k) for k in range(100)]
        assert built and all(obj is not ours for obj in gc.get_objects())  # still in the permanent generation
        assert gc.get_freeze_count() > frozen // 2
    finally:
        gc.unfreeze()
    assert any(obj is ours for obj in gc.get_objects())  # what the check above would see after a thaw

"""What a process builds once per key and keeps: SQL statements whose building costs a page
more than running them, parts of the layout drawn once per kind of page. Each store holds a
bounded number of entries and starts afresh when full, so a stream of new keys never grows
a worker's memory."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

_MISSING = object()


class Kept:
    """At most ``most`` values, each built by its key's first ``get``."""

    def __init__(self, most: int) -> None:
        self.most = most
        self._values: dict[Hashable, Any] = {}

    def get(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The value kept for ``key``, built by ``build()`` the first time (the key looked up
        once: a page asks some eighty times, some keys holding a language, slow to compare)."""
        value = self._values.get(key, _MISSING)
        if value is _MISSING:
            if len(self._values) >= self.most:
                self._values.clear()
            value = self._values[key] = build()
        return value

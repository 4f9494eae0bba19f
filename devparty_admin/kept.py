"""What a process builds once per key and keeps: SQL statements whose building costs a page
more than running them, parts of the layout drawn once per kind of page. Each store holds a
bounded number of entries and starts afresh when full, so a stream of new keys never grows
a worker's memory."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class Kept:
    """At most ``most`` values, each built by its key's first ``get``."""

    def __init__(self, most: int) -> None:
        self.most = most
        self._values: dict[Hashable, Any] = {}

    def get(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The value kept for ``key``, built by ``build()`` the first time."""
        if key not in self._values:
            if len(self._values) >= self.most:
                self._values.clear()
            self._values[key] = build()
        return self._values[key]

"""Answers about a word, remembered on the object that owns the tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(dict[str, V], Generic[V]):
    """A function of a word, remembered per word.

    A dict so that a hit (the common case: news vocabulary repeats) costs a
    lookup in C rather than a Python call; `lookup` is its bound __getitem__.
    """

    def __init__(self, compute: Callable[[str], V]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> V:
        value = self[word] = self.compute(word)
        return value

    @property
    def lookup(self) -> Callable[[str], V]:
        return self.__getitem__

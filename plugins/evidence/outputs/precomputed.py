"""A slow pure function of one string whose answers are kept, and can be filled in ahead of need.

Citation text and QR codes cost milliseconds each and depend only on their
input, so a page template may ask for them one by one while ``prerender``
computes them all at once beforehand, on every core and from the build
cache. Asking and filling meet here: whichever comes first, the answer is
the function's own, so the page is the same either way.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable


@dataclass(eq=False)
class Precomputed:
    name: str  # names its file in the build cache
    compute: Callable[[str], str]  # a module-level function, so worker processes can receive it
    libraries: tuple[str, ...] = ()  # distributions whose version can change the answers
    answers: dict[str, str] = field(default_factory=dict, repr=False)

    def __call__(self, key: str) -> str:
        found = self.answers.get(key)
        if found is None:
            found = self.answers[key] = self.compute(key)
        return found

    def missing(self, keys: list[str]) -> list[str]:
        """Each key not answered yet, once, in the order given."""
        return [key for key in dict.fromkeys(keys) if key not in self.answers]

    @cached_property
    def version(self) -> str:
        """Changes whenever the answers might: the code of the computing module or a library's version."""
        source = inspect.getsource(inspect.getmodule(self.compute))
        versions = [f"{name}=={importlib.metadata.version(name)}" for name in self.libraries]
        return hashlib.blake2b("\n".join([source, *versions]).encode(), digest_size=8).hexdigest()

"""pygame-ce, imported quietly and only when something draws; plain pygame is refused.

Every module imports pygame through here: ``from matryoshka.pgcompat import pygame``.
The name is a stand-in that imports pygame-ce the first time one of its attributes is
used, then holds the real module's names. So a module may both lay things out (pure
geometry, usable with no pygame installed) and draw them: the window's components do.
Annotations such as ``pygame.Surface`` are strings (``from __future__ import
annotations``) and load nothing.

pygame and pygame-ce install into the same folder; with the wrong one the program would
fail later in confusing ways, so :func:`load` stops with a clear message. The parts that
always draw (the window, the painter) call it when they are imported, so the message
comes first.
"""

from __future__ import annotations

import os
import types
from typing import TYPE_CHECKING, Any


def load() -> types.ModuleType:
    """Import pygame-ce (quietly) and return it; ``ImportError`` for plain pygame."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame as real

    if not getattr(real, "IS_CE", False):
        raise ImportError(
            "matryoshka needs pygame-ce, but plain pygame is installed in its place: "
            "run 'pip uninstall pygame pygame-ce' then 'pip install pygame-ce'"
        )
    return real


class _OnDemand(types.ModuleType):
    """Stands for pygame; the first attribute looked up imports it."""

    def __getattr__(self, name: str) -> Any:
        real = load()
        # Copy the real module's names in: later lookups are ordinary attribute reads.
        self.__dict__.update(
            {key: value for key, value in vars(real).items() if not key.startswith("__")}
        )
        return getattr(real, name)


if TYPE_CHECKING:
    import pygame
else:
    pygame = _OnDemand("pygame")

__all__ = ["load", "pygame"]

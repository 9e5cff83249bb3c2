"""Where each symbol goes on a doll: pure geometry, no pygame.

Dress emblems (``military-tunic``, ``suit``) are painted as clothing by ``body``; every
other emblem gets a box in doll units here:

* a group doll's first symbol fills its face, inside the headscarf;
* ``crown`` sits on top of the head;
* ``medals`` on the wearer's left breast, ``corn`` diagonally across the chest (the
  other side of the chest when medals are there too);
* the rest share the apron panel on the belly, stacked top to bottom (a flag alone there
  takes the apron's width).

Boxes never overlap, so several symbols on one doll stay readable.
"""

from __future__ import annotations

from matryoshka.format.model import DRESS_EMBLEMS, Doll, Emblem, FlagEmblem
from matryoshka.painter import regions as g
from matryoshka.records import Record

#: A flag that is the only symbol on the belly: as wide as the apron allows.
LONE_FLAG = g.Rect(-0.17, 0.55, 0.34, 0.26)


class Placed(Record):
    """One symbol, the box (doll units) it is fitted into, and the name of that region."""

    emblem: Emblem
    box: g.Rect
    region: str = "belly"


def _on_belly(e: Emblem) -> bool:
    return not (isinstance(e, str) and e in ("crown", "medals", "corn"))


def is_dress(e: Emblem) -> bool:
    return isinstance(e, str) and e in DRESS_EMBLEMS


def symbols(doll: Doll) -> list[Emblem]:
    """The doll's non-dress emblems, in order, without repeats."""
    out: list[Emblem] = []
    for e in doll.emblems:
        if not is_dress(e) and e not in out:
            out.append(e)
    return out


def place(doll: Doll) -> list[Placed]:
    """Every symbol of ``doll`` with its box; see the module docstring for the rules."""
    syms = symbols(doll)
    placed: list[Placed] = []
    if doll.kind == "group" and syms:
        placed.append(Placed(syms.pop(0), g.FACE_EMBLEM, "face"))
    belly: list[Emblem] = []
    medals = "medals" in syms
    for e in syms:
        if e == "crown":
            # Above a group's face emblem the crown is smaller, so the two stay apart.
            box = g.CROWN_SMALL if placed and placed[0].region == "face" else g.CROWN
            placed.append(Placed(e, box, "crown"))
        elif e == "medals":
            placed.append(Placed(e, g.CHEST_LEFT, "chest"))
        elif e == "corn":
            if medals:
                # The wearer's right breast, leaning outwards.
                box = g.Rect(
                    -g.CHEST_LEFT.x - g.CHEST_LEFT.w, g.CHEST_LEFT.y, g.CHEST_LEFT.w, g.CHEST_LEFT.h
                )
            elif any(_on_belly(x) for x in syms):
                box = g.Rect(g.CHEST.x, g.CHEST.y, g.CHEST.w, g.BELLY.y - 0.005 - g.CHEST.y)
            else:
                box = g.CHEST
            placed.append(Placed(e, box, "chest"))
        else:
            belly.append(e)
    if len(belly) == 1 and isinstance(belly[0], FlagEmblem):
        # A flag alone is wider than tall: it may use the apron's full width.
        placed.append(Placed(belly[0], LONE_FLAG, "belly"))
    elif belly:
        b = g.BELLY
        n = len(belly)
        gap = 0.015
        h = (b.h - gap * (n - 1)) / n
        for i, e in enumerate(belly):
            # Narrow the lower boxes a little: the apron tapers towards the base.
            shrink = 0.0 if n == 1 else 0.02 * i
            placed.append(
                Placed(e, g.Rect(b.x + shrink, b.y + i * (h + gap), b.w - 2 * shrink, h), "belly")
            )
    return placed

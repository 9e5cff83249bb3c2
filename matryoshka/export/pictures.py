"""Draw the exported pictures with the window's own drawing code, and hand them to Pillow.

Every doll here is drawn by ``matryoshka.stage`` as the window draws it: the dolls by
``stage.draw`` in the poses ``stage.choreography`` computes, their shadows and the
shelf's plank by ``stage.furniture``, the text in the fonts of ``stage.fonts``. This
module only arranges a picture: its background, title, labels and where the dolls
stand. Nothing here needs a display: only Surfaces and fonts.
"""

from __future__ import annotations

import math

from PIL import Image

from matryoshka import theme
from matryoshka.format.model import Doll, Sequence
from matryoshka.geometry import ASPECT, Rect
from matryoshka.painter import MIN_HEIGHT, Part, doll_width, paint
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage import choreography as ch
from matryoshka.stage import draw as stage
from matryoshka.stage import linebreak
from matryoshka.stage.fonts import shared_text
from matryoshka.stage.furniture import Shadows, draw_plank, opening_paintings

#: The smallest doll of a line-up, relative to the largest: below this, faces and labels
#: stop being legible, so long sequences shrink by a gentler ratio instead.
LINEUP_MIN_RATIO = 0.3
#: Width of a PNG line-up for its height (slides are 16:9).
LINEUP_ASPECT = 16 / 9
#: Width of an animation frame for its height.
ANIMATION_ASPECT = 4 / 3
#: Animation frame step in milliseconds (25 frames a second; GIF counts in 10 ms units).
FRAME_MS = 40
#: How long the animation rests on each closed doll before opening it.
HOLD_MS = 600
#: How long it rests on the core doll before starting again.
FINAL_HOLD_MS = 1800


# --- Pygame <-> Pillow ----------------------------------------------------------------


def to_pil(surface: pygame.Surface, mode: str = "RGBA") -> Image.Image:
    """A Pillow copy of ``surface`` (``"RGBA"`` keeps transparency, ``"RGB"`` drops it)."""
    data = pygame.image.tobytes(surface, mode)
    return Image.frombytes(mode, surface.get_size(), data)


def _text(text: str, px: int, bold: bool, color: tuple[int, int, int]) -> pygame.Surface:
    return shared_text().render(text, px, color, bold)


def _text_width(text: str, px: int, bold: bool) -> int:
    return shared_text().width(text, px, bold)


# --- One doll and an opened doll ------------------------------------------------------


def doll_surface(doll: Doll, height: int) -> pygame.Surface:
    """The closed doll ``height`` tall on a transparent surface: the painter's own pixels."""
    # The window blits this very surface; copying it keeps the painter's cache pristine.
    return paint(doll, "whole", height).copy()


def _open_pose(rest: ch.Placement) -> ch.OpeningPose:
    """The ``--open`` pose of a doll standing at ``rest``."""
    h = rest.height
    # The shelf slot only matters once the shell settles, after the ``--open`` pose; put
    # it where the window's shelf is (below and to the left), which also decides the side
    # the lid lifts to.
    slot = ch.Placement(rest.cx - ASPECT * h * 1.5, rest.top + h * 0.7, h * 0.3)
    return ch.opening_pose(ch.OPEN_STILL_T, rest, slot, ASPECT)


def _pose_bounds(pose: ch.OpeningPose) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of every part of ``pose`` (whole-doll boxes)."""
    boxes = []
    for place in (pose.top, pose.bottom, pose.inner):
        w = doll_width(max(1, round(place.height)))
        boxes.append((place.cx - w / 2, place.top, place.cx + w / 2, place.bottom))
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def open_surface(outer: Doll, inner: Doll, height: int) -> pygame.Surface:
    """``outer`` with its top lifted and ``inner`` inside, as the window shows it, cropped.

    The picture is ``height`` tall on a transparent background: the content fills it but
    for a small margin, and the width follows the content.
    """
    margin = max(2, round(height * 0.03))
    # The pose scales with the doll, so the content's height is proportional to it:
    # measure once, then draw at the scale that makes the content fill the picture.
    left, top, right, bottom = _pose_bounds(_open_pose(ch.Placement(0.0, 0.0, 1000.0)))
    doll_h = max(8, math.floor((height - 2 * margin) * 1000.0 / (bottom - top)))
    left, top, right, bottom = _pose_bounds(_open_pose(ch.Placement(0.0, 0.0, doll_h)))
    pad = 4  # rounding inside the stage can move a part by a pixel or two
    canvas = pygame.Surface(
        (math.ceil(right - left) + 2 * pad, math.ceil(bottom - top) + 2 * pad), pygame.SRCALPHA
    )
    pose = _open_pose(ch.Placement(-left + pad, -top + pad, float(doll_h)))
    stage.draw_opening(canvas, outer, inner, pose)

    bbox = canvas.get_bounding_rect(min_alpha=1)
    out_w = bbox.width + 2 * margin
    out = pygame.Surface((out_w, height), pygame.SRCALPHA)
    # Centre the content vertically: rounding may leave a pixel to spare.
    y = (height - bbox.height) // 2
    out.blit(canvas, (margin, y), bbox)
    return out


# --- The line-up ----------------------------------------------------------------------


def lineup_ratio(count: int) -> float:
    """Height of each doll of a line-up relative to the one before it."""
    if count <= 1:
        return 1.0
    return max(ch.INNER_RATIO, LINEUP_MIN_RATIO ** (1 / (count - 1)))


class _LabelText(Record):
    """A doll's label measured once: the name on one line or two, and the years."""

    one_line: tuple[str, ...]
    one_w: int
    two_lines: tuple[str, ...]
    two_w: int
    years: str
    years_w: int

    def fit(self, doll_w: float) -> tuple[tuple[str, ...], int]:
        """The name's lines under a doll ``doll_w`` wide, and the label's width."""
        if self.one_w <= doll_w or self.two_w >= self.one_w:
            return self.one_line, max(self.one_w, self.years_w)
        return self.two_lines, max(self.two_w, self.years_w)


def _measure_label(doll: Doll, name_px: int, years_px: int) -> _LabelText:
    name = doll.name
    one_w = _text_width(name, name_px, True)
    two: tuple[tuple[str, ...], int] = ((name,), one_w)
    parts = linebreak.segments(" ".join(name.split()))
    # Never strand "II" or "of" on a line of its own; two characters are a word in CJK.
    shortest = 2 if linebreak.unspaced(name) else 3
    for cut in range(1, len(parts)):
        lines = ("".join(parts[:cut]).strip(), "".join(parts[cut:]).strip())
        if min(len(line) for line in lines) < shortest:
            continue
        w = max(_text_width(line, name_px, True) for line in lines)
        if w < two[1]:
            two = (lines, w)
    years = doll.years()
    years_w = _text_width(years, years_px, False) if years else 0
    return _LabelText((name,), one_w, two[0], two[1], years, years_w)


class LineupItem(Record):
    """One doll of a line-up: where it stands and the label beneath it."""

    doll: Doll
    place: ch.Placement
    label_lines: tuple[str, ...]
    years: str


class LineupLayout(Record):
    """Where everything of a line-up goes on a ``width`` x ``height`` picture."""

    width: int
    height: int
    title_px: int
    name_px: int
    years_px: int
    title_y: int
    items: tuple[LineupItem, ...]
    rows: int
    #: False when the dolls could not be fitted sensibly (one row, cut off at the sides).
    fits: bool = True
    #: Labels are made smaller to fit this width (0: no limit), as in a poster grid.
    label_width: int = 0


def _split_rows(widths: list[float], rows: int) -> list[list[int]]:
    """Consecutive rows of at most ``rows``, the widest as narrow as it can be."""

    def greedy(capacity: float) -> list[list[int]]:
        out: list[list[int]] = [[]]
        used = 0.0
        for i, w in enumerate(widths):
            if out[-1] and used + w > capacity:
                out.append([])
                used = 0.0
            out[-1].append(i)
            used += w
        return out

    lo, hi = max(widths), sum(widths)
    for _ in range(24):
        mid = (lo + hi) / 2
        if len(greedy(mid)) <= rows:
            hi = mid
        else:
            lo = mid
    return greedy(hi)


#: Most rows a line-up wraps into.
LINEUP_MAX_ROWS = 6
#: Fewer rows win unless more rows make the dolls this much bigger.
_ROWS_GAIN = 1.12


def lineup_layout(dolls: tuple[Doll, ...], title: str, width: int, height: int) -> LineupLayout:
    """Place ``dolls`` (outermost first) side by side, largest first, wrapping into rows.

    The largest doll is as tall as fits; every next doll is ``lineup_ratio`` smaller, so
    sizes stay in proportion while the smallest stays legible. More rows are used only
    when they make the dolls clearly bigger, and rows are balanced in width.
    """
    margin = round(height * 0.04)
    title_px = max(8, round(height * 0.045))
    # Labels shrink for long sets, or they would leave no room for the dolls.
    text_scale = max(0.45, min(1.0, (10 / max(1, len(dolls))) ** 0.5))
    name_px = max(7, round(height * 0.024 * text_scale))
    years_px = max(6, round(height * 0.02 * text_scale))
    title_y = margin
    top = title_y + round(title_px * 2.1)
    label_h = round(name_px * 1.3 * 2 + years_px * 1.35) + round(name_px * 0.5)
    row_gap = round(name_px * 1.2)
    gap = max(6, round(name_px * 1.4))
    avail_w = width - 2 * margin
    avail_h = height - top - margin
    ratio = lineup_ratio(len(dolls))
    rel = [ratio**i for i in range(len(dolls))]
    labels = [_measure_label(doll, name_px, years_px) for doll in dolls]

    def slot_widths(d: float) -> list[float]:
        widths = []
        for i, label in enumerate(labels):
            dw = doll_width(max(1, round(d * rel[i])))
            widths.append(max(dw, label.fit(dw)[1]) + gap)
        return widths

    def arrange(d: float, max_rows: int) -> tuple[list[list[int]], list[float], float] | None:
        """Rows at largest-doll height ``d``: (rows, slot widths, total height), if it fits."""
        widths = slot_widths(d)
        rows = _split_rows(widths, max_rows)
        if len(rows) > max_rows or any(sum(widths[i] for i in row) > avail_w for row in rows):
            return None
        total = sum(d * rel[row[0]] + label_h for row in rows) + row_gap * (len(rows) - 1)
        return (rows, widths, total) if total <= avail_h else None

    def largest(max_rows: int) -> float:
        lo, hi = 0.0, float(avail_h)
        for _ in range(24):
            mid = (lo + hi) / 2
            if arrange(mid, max_rows) is None:
                hi = mid
            else:
                lo = mid
        return lo

    best_rows, best_d = 1, largest(1)
    for rows_count in range(2, min(len(dolls), LINEUP_MAX_ROWS) + 1):
        d = largest(rows_count)
        if d > best_d * _ROWS_GAIN:
            best_rows, best_d = rows_count, d
    found = arrange(best_d, best_rows) if best_d > 0 else None
    fits = found is not None
    if found is None:  # nothing fits sensibly (a tiny picture): one row, as it comes
        best_d = max(1.0, avail_h - label_h)
        found = ([list(range(len(dolls)))], slot_widths(best_d), best_d + label_h)
    rows, slots, total = found
    d = best_d

    items: list[LineupItem] = []
    y = top + (avail_h - total) / 2
    for row in rows:
        # Room left in the row lets wrapped names go back on one line, cheapest first.
        spare = avail_w - sum(slots[i] for i in row)
        one_line: set[int] = set()
        for i in sorted(row, key=lambda i: labels[i].one_w):
            wide = max(doll_width(max(1, round(d * rel[i]))), labels[i].one_w, labels[i].years_w)
            grow = wide + gap - slots[i]
            if grow > 0 and grow <= spare:
                slots[i] += grow
                spare -= grow
                one_line.add(i)
        row_h = d * rel[row[0]]
        x = margin + (avail_w - sum(slots[i] for i in row)) / 2
        base = y + row_h
        for i in row:
            # Never below the smallest height the painter paints: in a small picture of a
            # long set the last dolls stand at that height, a little larger than their rank.
            h = max(d * rel[i], float(MIN_HEIGHT))
            lines, _ = labels[i].fit(doll_width(max(1, round(h))))
            if i in one_line:
                lines = labels[i].one_line
            place = ch.Placement(x + slots[i] / 2, base - h, h)
            items.append(LineupItem(dolls[i], place, lines, labels[i].years))
            x += slots[i]
        y = base + label_h + row_gap
    return LineupLayout(
        width, height, title_px, name_px, years_px, title_y, tuple(items), len(rows), fits
    )


def lineup_surface(
    sequence: Sequence,
    height: int,
    width: int | None = None,
    start: int = 0,
    stop: int | None = None,
    layout: LineupLayout | None = None,
) -> pygame.Surface:
    """Every doll from ``start`` to ``stop`` side by side on the program's background.

    Args:
        sequence: the set to draw.
        height: picture height in pixels.
        width: picture width (default: 16:9).
        start: index of the first (largest) doll.
        stop: index of the last doll (default: the core).
        layout: where everything goes (default: ``lineup_layout`` of those dolls).
    """
    width = width or round(height * LINEUP_ASPECT)
    if layout is None:
        end = None if stop is None else stop + 1
        layout = lineup_layout(sequence.dolls[start:end], sequence.title, width, height)
    surface = lineup_canvas(sequence.title, layout)
    for item in layout.items:
        draw_lineup_item(surface, layout, item)
    return surface


def lineup_canvas(title: str, layout: LineupLayout) -> pygame.Surface:
    """The line-up's background and title, before any doll."""
    width, height = layout.width, layout.height
    surface = pygame.Surface((width, height))
    surface.fill(theme.BACKGROUND)
    text = _fit_text(title, layout.title_px, True, theme.INK, width - 2 * layout.title_y)
    surface.blit(text, ((width - text.get_width()) // 2, layout.title_y))
    return surface


def draw_lineup_item(surface: pygame.Surface, layout: LineupLayout, item: LineupItem) -> None:
    """One doll of the line-up and its label."""
    stage.draw_doll(surface, item.doll, item.place)
    y = round(item.place.bottom + layout.name_px * 0.5)
    room = layout.label_width
    for line in item.label_lines:
        text = _fit_text(line, layout.name_px, True, theme.INK, room)
        surface.blit(text, (round(item.place.cx - text.get_width() / 2), y))
        y += round(layout.name_px * 1.3)
    if item.years:
        text = _fit_text(item.years, layout.years_px, False, theme.INK_SOFT, room)
        surface.blit(text, (round(item.place.cx - text.get_width() / 2), y))


def _fit_text(
    text: str, px: int, bold: bool, color: tuple[int, int, int], max_w: int
) -> pygame.Surface:
    """``text`` at ``px``, or smaller if it would be wider than ``max_w``."""
    w = _text_width(text, px, bold)
    if w > max_w > 0:
        px = max(6, math.floor(px * max_w / w))
    return _text(text, px, bold, color)


# --- The opening animation ------------------------------------------------------------


class FrameSpec(Record):
    """One animation frame: doll ``depth`` stands in front, ``ms`` into its opening."""

    depth: int
    ms: int
    duration: int


#: An opening that would last longer than this at the window's pace is sped up ...
LONG_ANIMATION_MS = 45_000
#: ... by at most this much: five frames an opening still show the lid lift and the
#: halves part, so any range of any set exports, only longer.
MAX_SPEEDUP = 4.0


def animation_speed(openings: int) -> float:
    """How much faster than the window an animation of ``openings`` openings runs.

    1 (the window's pace) up to ``LONG_ANIMATION_MS``; a longer one is sped up to last
    about that long, never more than ``MAX_SPEEDUP`` times.
    """
    normal = openings * (HOLD_MS + ch.OPEN_MS) + FINAL_HOLD_MS
    return min(MAX_SPEEDUP, max(1.0, normal / LONG_ANIMATION_MS))


def animation_timeline(
    count: int, start: int = 0, stop: int | None = None, speed: float | None = None
) -> list[FrameSpec]:
    """The frames of the opening from doll ``start`` to doll ``stop`` (the core), then a loop.

    Time runs in whole milliseconds with a fixed step, as the window ticks: each doll
    rests ``HOLD_MS`` closed, then opens over ``choreography.OPEN_MS``; the last doll
    rests ``FINAL_HOLD_MS``. The frame ``OPEN_MS`` into an opening is the next doll at
    rest. A long range runs faster (``animation_speed``, unless ``speed`` is given): the
    holds and openings are shorter, the frame step the same.
    """
    last = count - 1 if stop is None else stop
    if speed is None:
        speed = animation_speed(last - start)
    hold = round(HOLD_MS / speed)
    opening = round(ch.OPEN_MS / speed)  # how long an opening lasts, in the output
    frames: list[FrameSpec] = []
    for depth in range(start, last):
        # The opening's first frame (0 ms) is the closed doll: it extends the hold.
        frames.append(FrameSpec(depth, 0, hold + FRAME_MS))
        for t in range(FRAME_MS, opening, FRAME_MS):
            ms = min(ch.OPEN_MS - 1, round(t * speed))
            frames.append(FrameSpec(depth, ms, min(FRAME_MS, opening - t)))
    frames.append(FrameSpec(last, 0, FINAL_HOLD_MS))
    return frames


#: Frames drawn ahead for a GIF's shared palette.
PALETTE_SAMPLES = 16


def sample_frames(timeline: list[FrameSpec]) -> list[FrameSpec]:
    """About ``PALETTE_SAMPLES`` frames spread evenly over ``timeline``, and its last."""
    step = max(1, len(timeline) // PALETTE_SAMPLES)
    samples = timeline[::step][:PALETTE_SAMPLES]
    if timeline[-1] not in samples:
        samples.append(timeline[-1])
    return samples


#: Fraction of an opening after which the inner doll's name starts to fade in: the
#: halves are all but on their shelf slot by then, clear of the label's line.
NAME_IN = 0.9


#: Most places on the animation's shelf. With more shells, the shelf keeps the first and
#: the latest ones and counts the rest in between ("+12"), as the window's shelf does.
SHELF_PLACES = 16


class AnimationScene:
    """Draws the frames of the opening of ``sequence`` at ``height`` (RGB, on background).

    The doll in front stands on a stage in the middle; opened shells go to a shelf
    beneath, in order, as the window keeps them. The opening runs from doll ``start`` to
    doll ``stop`` (default: the core).
    """

    def __init__(
        self, sequence: Sequence, height: int, start: int = 0, stop: int | None = None
    ) -> None:
        self.sequence = sequence
        self.height = height
        self.width = round(height * ANIMATION_ASPECT)
        self.start = start
        self.last = len(sequence.dolls) - 1 if stop is None else stop
        h, w = height, self.width
        self.title_px = max(7, round(h * 0.042))
        self.name_px = max(7, round(h * 0.036))
        # rest_placement leaves headroom above the doll for the lid and the rising inner
        # doll, so the stage can start right under the title.
        floor = h * 0.75
        stage_top = h * 0.02 + self.title_px * 1.6
        self.stage_box = Rect(0.0, stage_top, float(w), floor - stage_top)
        self.rest = ch.rest_placement(self.stage_box, ASPECT)
        self.name_y = round(floor + h * 0.005)
        self.shells = max(0, self.last - start)
        shells = min(self.shells, SHELF_PLACES)
        shelf_top, shelf_h = h * 0.815, h * 0.14
        slot_w = min((w * 0.94) / max(1, shells), shelf_h * ASPECT * 1.4)
        left = (w - slot_w * shells) / 2
        self.slots = [
            ch.shelf_placement(Rect(left + i * slot_w, shelf_top, slot_w, shelf_h), ASPECT)
            for i in range(shells)
        ]
        self.plank = pygame.Rect(
            round(left - slot_w * 0.15),
            round(shelf_top + shelf_h),
            round(slot_w * (shells + 0.3)),
            max(2, round(h * 0.014)),
        )
        self._names: dict[int, pygame.Surface] = {}
        self._counts: dict[int, pygame.Surface] = {}
        self._warmed: set[int] = set()
        self._shadows = Shadows()
        self._frame = pygame.Surface((1, 1))
        self._background = self._draw_background()

    def _draw_background(self) -> pygame.Surface:
        bg = pygame.Surface((self.width, self.height))
        bg.fill(theme.BACKGROUND)
        title = _fit_text(
            self.sequence.title, self.title_px, True, theme.INK, round(self.width * 0.94)
        )
        bg.blit(title, ((self.width - title.get_width()) // 2, round(self.height * 0.02)))
        if self.slots:
            draw_plank(bg, self.plank)
        return bg

    def _name(self, depth: int) -> pygame.Surface:
        surf = self._names.get(depth)
        if surf is None:
            doll = self.sequence.dolls[depth]
            text = doll.name + (f"  ·  {doll.years()}" if doll.years() else "")
            surf = _fit_text(text, self.name_px, True, theme.INK, round(self.width * 0.94))
            self._names[depth] = surf
        return surf

    def _blit_name(self, surface: pygame.Surface, depth: int, alpha: float) -> None:
        if alpha <= 0:
            return
        text = self._name(depth)
        text.set_alpha(round(255 * min(1.0, alpha)))
        surface.blit(text, ((self.width - text.get_width()) // 2, self.name_y))

    def warm_tasks(self, depth: int) -> list[tuple[Doll, Part, int]]:
        """The paintings the opening of doll ``depth`` scales from, as the window has them.

        The window paints these ahead (``stage.prewarm``) before each opening; its scaled
        frames are made from them, so the export does the same to match its frames. An
        empty list once they are done.
        """
        if depth in self._warmed or depth >= self.last:
            return []
        dolls = self.sequence.dolls
        shell = self.slots[0].height
        return opening_paintings(dolls[depth], dolls[depth + 1], self.rest.height, shell)

    def warm(self, depth: int) -> None:
        """Do every ``warm_tasks(depth)`` now (drawing calls this when it was not done)."""
        for doll, part, height in self.warm_tasks(depth):
            stage.prewarm(doll, part, height)
        self._warmed.add(depth)

    def shelf(self, shells: int) -> tuple[list[tuple[int, int]], int]:
        """The shelf holding the first ``shells`` shells of the range.

        Returns ``(shell, place)`` pairs (indices into the range and into ``slots``) and
        how many shells are left out between the first and the latest; their count
        stands in place 1.
        """
        places = len(self.slots)
        if shells <= places:
            return [(i, i) for i in range(shells)], 0
        latest = places - 2
        hidden = shells - 1 - latest
        return [(0, 0)] + [(shells - latest + k, 2 + k) for k in range(latest)], hidden

    def pose(self, spec: FrameSpec) -> ch.OpeningPose:
        """Where the pieces of the doll in front are in frame ``spec``."""
        slot = self.rest
        if self.slots:
            shell = spec.depth - self.start
            place = dict(self.shelf(shell + 1)[0])[shell]
            slot = self.slots[place]
        return ch.opening_pose(spec.ms / ch.OPEN_MS, self.rest, slot, ASPECT)

    def _count(self, hidden: int) -> pygame.Surface:
        surf = self._counts.get(hidden)
        if surf is None:
            slot = self.slots[1]
            width = round(doll_width(max(MIN_HEIGHT, round(slot.height))) * 1.3)
            surf = _fit_text(f"+{hidden}", self.name_px, True, theme.INK_SOFT, width)
            self._counts = {hidden: surf}  # counts only grow: keep the latest
        return surf

    def _shadow(self, cx: float, floor: float, doll_h: float) -> None:
        """A soft floor shadow under a doll ``doll_h`` tall, as the window draws it."""
        self._shadows.draw(self._frame, cx, floor, doll_h * ASPECT)

    def draw(self, spec: FrameSpec) -> pygame.Surface:
        """The frame ``spec`` as a new opaque surface."""
        surface = self._frame = self._background.copy()
        dolls = self.sequence.dolls
        opened = spec.depth - self.start
        # While a doll opens, the shelf already makes room for its shell.
        places, hidden = self.shelf(opened + (1 if spec.ms > 0 else 0))
        for shell, place in places:
            if shell >= opened:
                continue  # the shell on its way there is drawn with the opening
            slot = self.slots[place]
            self._shadow(slot.cx, slot.bottom, slot.height)
            stage.draw_doll(surface, dolls[self.start + shell], slot)
        if hidden:
            count = self._count(hidden)
            slot = self.slots[1]
            y = round(slot.top + slot.height * 0.6 - count.get_height() / 2)
            surface.blit(count, (round(slot.cx - count.get_width() / 2), y))
        if spec.ms == 0:
            self._shadow(self.rest.cx, self.rest.bottom, self.rest.height)
            stage.draw_doll(surface, dolls[spec.depth], self.rest)
            self._blit_name(surface, spec.depth, 1.0)
        else:
            t = spec.ms / ch.OPEN_MS
            self.warm(spec.depth)
            pose = self.pose(spec)
            self._shadow(self.rest.cx, self.rest.bottom, pose.inner.height)
            # Moving pieces are drawn as the window draws them: scaled from cached paintings.
            stage.draw_opening(surface, dolls[spec.depth], dolls[spec.depth + 1], pose, scaled=True)
            # The old name fades out while the lid lifts, before the bottom half swings
            # aside across the label's line; the new one fades in as the inner doll
            # settles (one after the other: overlapping text is unreadable).
            fade_out = (t - ch.LIFT[0]) / (ch.LIFT[1] - ch.LIFT[0])
            fade_in = (t - NAME_IN) / (1.0 - NAME_IN)
            self._blit_name(surface, spec.depth, 1.0 - fade_out)
            self._blit_name(surface, spec.depth + 1, fade_in)
        return surface

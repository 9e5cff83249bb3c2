"""A contact sheet of every shipped doll, whole and opened, in one PNG; or of every word.

    python -m matryoshka.painter.sheet OUT.png [--size 256] [--sequences DIR]
    python -m matryoshka.painter.sheet --vocabulary OUT.png [--size 160]

One row per sequence (its title above, eight dolls to a line), each doll standing
closed and, beside it, opened: the lid lifted above the hollow bottom half. Names go
under the dolls. This is
the picture to look at after any change to the painting: cover the names and see
whether every figure can still be named.

With ``--vocabulary`` the sheet shows every word the painter knows instead, grouped by
field (``face.hair``, ``face.headwear``, ``dress``, ``emblems``...), each on a doll of its
own with the word under it: face words show the head and shoulders, dress and emblems
the whole doll. The fields and words are read from ``model.vocabulary()``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from matryoshka import paths, theme
from matryoshka.errors import MatryoshkaError, print_diagnostics
from matryoshka.format import model
from matryoshka.format.catalog import shipped_rank
from matryoshka.format.loader import load_sequence
from matryoshka.format.model import Colors, Doll, Face, Sequence
from matryoshka.painter import doll_width, paint, part_offset
from matryoshka.painter.pngfile import save_png
from matryoshka.pgcompat import pygame
from matryoshka.stage.fonts import shared_text
from matryoshka.stage.linebreak import ellipsize

MIN_SIZE = 32
MAX_SIZE = 1024
#: Dolls per line; longer sequences continue on the next line.
PER_LINE = 8


def shipped_sequences(folder: Path | None = None) -> list[Sequence]:
    """Every sequence in ``folder`` (default: the shipped ones, in their story order).

    Other folders are taken in file name order.
    """
    folder = folder or paths.shipped_sequences_dir()
    files = sorted(folder.glob("*.yaml"))
    if folder == paths.shipped_sequences_dir():
        files.sort(key=shipped_rank)
    return [load_sequence(p).sequence for p in files]


def _fit_text(px: int, bold: bool, text: str, width: int) -> pygame.Surface:
    setter = shared_text()
    fitted = ellipsize(text, width, lambda line: setter.width(line, px, bold))
    return setter.render(fitted, px, theme.INK, bold)


def render_sheet(sequences: Iterable[Sequence], size: int = 256) -> pygame.Surface:
    """The contact sheet of ``sequences`` with dolls ``size`` pixels tall."""
    if not pygame.font.get_init():
        pygame.font.init()
    seqs = list(sequences)
    h = size
    w = doll_width(h)
    lift = round(h * 0.22)
    gap = max(6, h // 12)
    cell_w = 2 * w + gap * 3
    name_px = max(9, h // 16)
    title_px = max(11, h // 11)
    title_h = shared_text().line_height(title_px) + gap // 2
    name_h = shared_text().line_height(name_px) + gap // 2
    line_h = lift + h + name_h + gap
    cols = min(PER_LINE, max((len(s.dolls) for s in seqs), default=1))
    lines = [max(1, -(-len(s.dolls) // PER_LINE)) for s in seqs]
    sheet = pygame.Surface((gap + cols * cell_w, len(seqs) * title_h + sum(lines) * line_h + gap))
    sheet.fill(theme.BACKGROUND)
    y = gap
    for seq in seqs:
        sheet.blit(_fit_text(title_px, True, seq.title, sheet.get_width() - 2 * gap), (gap, y))
        y += title_h
        for i, doll in enumerate(seq.dolls):
            x = gap + (i % PER_LINE) * cell_w
            top = y + (i // PER_LINE) * line_h + lift
            pygame.draw.rect(sheet, theme.PANEL, (x - gap // 2, top - lift, cell_w - gap, lift + h))
            sheet.blit(paint(doll, "whole", h), (x, top))
            ox = x + w + gap
            sheet.blit(paint(doll, "bottom_back", h), (ox, top + part_offset("bottom_back", h)))
            sheet.blit(paint(doll, "bottom", h), (ox, top + part_offset("bottom", h)))
            sheet.blit(paint(doll, "top", h), (ox, top - lift))
            label = _fit_text(name_px, False, doll.name, cell_w - gap)
            sheet.blit(label, (x + (cell_w - gap - label.get_width()) // 2 - gap // 2, top + h + 2))
        y += max(1, -(-len(seq.dolls) // PER_LINE)) * line_h
    return sheet


#: The plain doll every word of the vocabulary is shown on.
VOCABULARY_COLORS = Colors(
    body=(178, 34, 34), trim=(212, 175, 55), apron=(250, 240, 220), scarf=(200, 40, 40)
)
#: Words per line of the vocabulary sheet.
WORDS_PER_LINE = 12
#: How much of a face word's doll the vocabulary sheet shows (from the top).
HEAD_SHARE = 0.52


def vocabulary_doll(field: str, word: str) -> Doll:
    """The doll that shows ``word`` of ``field`` (a key of ``model.vocabulary()``)."""
    name = f"{field}: {word}"
    doll = Doll(name=name, id=model.slugify(name), colors=VOCABULARY_COLORS)
    if not field.startswith("face."):
        return Doll(name=name, id=doll.id, colors=VOCABULARY_COLORS, emblems=(word,))
    key = field.removeprefix("face.")
    base: dict[str, object] = {"hair": "short"}
    if key in ("beard", "moustache", "glasses", "eyebrows", "nose", "ears", "age", "shape"):
        base["hair"] = "bald" if key in ("ears", "shape", "age") else "receding"
        base["hair_color"] = model.HAIR_COLORS["dark"]
    if key == "hair_color":
        base["hair"] = "thick"
    value: object = word
    if key in model.FACE_COLOR_WORDS:
        value = model.FACE_COLOR_WORDS[key][word]
    elif key == "birthmark":
        value = word == "true"
    base[key] = value
    return Doll(name=name, id=doll.id, colors=VOCABULARY_COLORS, face=Face(**base))  # type: ignore[arg-type]


def render_vocabulary(size: int = 160) -> pygame.Surface:
    """Every word of the vocabulary painted on a doll ``size`` pixels tall, labelled."""
    if not pygame.font.get_init():
        pygame.font.init()
    fields = model.vocabulary()
    w = doll_width(size)
    gap = max(6, size // 14)
    setter = shared_text()
    label_px, title_px = max(9, size // 13), max(11, size // 9)
    widest = max(setter.width(word, label_px) for words in fields.values() for word in words)
    cell_w = max(w, size * 3 // 4, widest + 4) + gap
    label_h = setter.line_height(label_px) + gap // 2
    title_h = setter.line_height(title_px) + gap // 2
    head_h = round(size * HEAD_SHARE)

    def row_height(field: str) -> int:
        return (head_h if field.startswith("face.") else size) + label_h + gap

    lines = {f: -(-len(words) // WORDS_PER_LINE) for f, words in fields.items()}
    cols = min(WORDS_PER_LINE, max(len(words) for words in fields.values()))
    total = sum(title_h + lines[f] * row_height(f) for f in fields) + gap
    sheet = pygame.Surface((gap + cols * cell_w, total))
    sheet.fill(theme.BACKGROUND)
    y = gap
    for field, words in fields.items():
        sheet.blit(setter.render(field, title_px, theme.INK, True), (gap, y))
        y += title_h
        rh = row_height(field)
        for i, word in enumerate(words):
            x = gap + (i % WORDS_PER_LINE) * cell_w
            top = y + (i // WORDS_PER_LINE) * rh
            shown = rh - label_h - gap
            pygame.draw.rect(sheet, theme.PANEL, (x, top, cell_w - gap, shown))
            doll = paint(vocabulary_doll(field, word), "whole", size)
            sheet.blit(doll, (x + (cell_w - gap - w) // 2, top), (0, 0, w, shown))
            label = _fit_text(label_px, False, word, cell_w - gap)
            sheet.blit(label, (x + (cell_w - gap - label.get_width()) // 2, top + shown + 2))
        y += lines[field] * rh
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m matryoshka.painter.sheet",
        description="Render every doll of every shipped sequence, whole and opened, to a PNG.",
    )
    parser.add_argument("out", type=Path, help="the PNG file to write")
    parser.add_argument(
        "--size", type=int, help="doll height in pixels (256; 160 with --vocabulary)"
    )
    parser.add_argument("--sequences", type=Path, help="a folder of sequences instead")
    parser.add_argument(
        "--vocabulary",
        action="store_true",
        help="paint every word the painter knows instead, grouped by field",
    )
    args = parser.parse_args(argv)
    if args.size is None:
        args.size = 160 if args.vocabulary else 256
    if not MIN_SIZE <= args.size <= MAX_SIZE:
        print(f"error: --size must be {MIN_SIZE}..{MAX_SIZE}", file=sys.stderr)
        return 1
    if not args.out.parent.is_dir() and str(args.out.parent) not in ("", "."):
        print(f"{args.out}: error: folder {args.out.parent} does not exist", file=sys.stderr)
        return 1
    if args.sequences is not None and not args.sequences.is_dir():
        print(f"{args.sequences}: error: not a folder", file=sys.stderr)
        return 1
    try:
        if args.vocabulary:
            save_png(render_vocabulary(args.size), args.out)
        else:
            save_png(render_sheet(shipped_sequences(args.sequences), args.size), args.out)
    except MatryoshkaError as err:
        print_diagnostics(err.diagnostics)
        return 1
    except (OSError, pygame.error) as err:
        print(f"{args.out}: error: {err}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    sys.exit(main())

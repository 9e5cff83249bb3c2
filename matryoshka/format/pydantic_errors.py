"""pydantic's errors about a sequence file, mapped back to where they are in the file.

Each error becomes one located diagnostic in the program's own words. A key misspelt as
a close match of a missing one is one mistake and is reported once, as the typo.
"""

from __future__ import annotations

import difflib
from typing import Any

from matryoshka.format import model
from matryoshka.format.report import KeyPath, Report, at
from matryoshka.format.schema import ERROR_TYPE, KEYS, describe, show
from matryoshka.format.yamltree import PositionLoader


def _locate(loc: tuple[str | int, ...], raw: Any) -> KeyPath:
    """The part of a pydantic error location that exists in the file."""
    path: list[str | int] = []
    current = raw
    for part in loc:
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
            path.append(part)
        # anything else (a union tag, a key that is missing) is not in the file: skip it
    return tuple(path)


def report_pydantic(items: list[Any], raw: Any, tree: PositionLoader, report: Report) -> None:
    located = [(item, _locate(item["loc"], raw)) for item in items]
    # A key misspelt as a close match of a missing one is one mistake: report the typo only.
    misspelt = set()
    for item, path in located:
        if item["type"] == "extra_forbidden":
            known = KEYS.get(tree.kind_at(path[:-1]) or "", ())
            for match in difflib.get_close_matches(str(path[-1]), known, n=1, cutoff=0.6):
                misspelt.add((*path[:-1], match))
    for item, path in located:
        if _behind_refusal(path, raw, tree.refused):
            continue  # the value behind a refused alias or tag was reported already
        if item["type"] == "missing" and (*path, item["loc"][-1]) in misspelt:
            continue
        _report_one(item, path, tree, report)


def _behind_refusal(path: KeyPath, raw: Any, refused: set[int]) -> bool:
    """Whether the value at ``path``, or one holding it, was refused (alias or tag)."""
    value = raw
    if id(value) in refused:
        return True
    for part in path:
        value = value[part]
        if id(value) in refused:
            return True
    return False


def _report_one(item: Any, path: KeyPath, tree: PositionLoader, report: Report) -> None:
    kind = item["type"]
    value = item.get("input")
    ctx = item.get("ctx") or {}
    if kind == ERROR_TYPE:
        report.error(tree.at(path), at(path, ctx["message"]))
    elif kind == "extra_forbidden":
        parent, key = path[:-1], str(path[-1])
        known = KEYS.get(tree.kind_at(parent) or "", ())
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
        report.error(tree.key_at(path), at(parent, f"unknown key {show(key)}; {hint}"))
    elif kind == "missing":
        missing = item["loc"][-1]
        hint = f" (the first line is usually format: {model.FORMAT_VERSION})"
        hint = hint if missing == "format" and not path else ""
        report.error(tree.at(path), at(path, f"missing required key '{missing}'{hint}"))
    elif kind == "list_type":
        what = "a list of dolls (each starting with '- ')" if path == ("dolls",) else "a list"
        report.error(tree.at(path), at(path, f"expected {what}, got {describe(value)}"))
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        report.error(
            tree.at(path),
            at(path, f"expected a mapping of keys and values, got {describe(value)}"),
        )
    elif kind == "too_short" and path == ("dolls",):
        report.error(tree.at(path), at(path, "at least one doll is needed"))
    elif kind == "too_long" and path == ("dolls",):
        report.error(
            tree.at(path),
            at(path, f"{ctx.get('actual_length')} dolls: at most {model.MAX_DOLLS} allowed"),
        )
    elif kind == "too_short":
        need, got = ctx.get("min_length"), ctx.get("actual_length")
        report.error(tree.at(path), at(path, f"at least {need} needed, got {got}"))
    elif kind == "too_long":
        most, got = ctx.get("max_length"), ctx.get("actual_length")
        report.error(tree.at(path), at(path, f"{got} given: at most {most} allowed"))
    else:  # not expected from these models; still located, in pydantic's words
        report.error(tree.at(path), at(path, str(item["msg"])))

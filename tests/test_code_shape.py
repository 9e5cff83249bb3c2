"""The package stays in pieces a reader can hold: small classes, short functions, a short
top level."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "matryoshka"
MAX_CLASS_LINES = 350
MAX_FUNCTION_LINES = 100
MAX_TOP_LEVEL_MODULES = 12


def _definitions() -> list[tuple[str, str, int, int]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                found.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", kind, length, 0))
    return found


def test_no_class_over_350_lines_and_no_function_over_100() -> None:
    too_long = [
        f"{where} ({kind}, {length} lines)"
        for where, kind, length, _ in _definitions()
        if length > (MAX_CLASS_LINES if kind == "class" else MAX_FUNCTION_LINES)
    ]
    assert not too_long, too_long


def test_the_top_of_the_package_holds_at_most_12_modules() -> None:
    modules = [p.name for p in PACKAGE.glob("*.py")]
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, sorted(modules)


def test_no_two_modules_share_a_name_within_the_drawing_code() -> None:
    # Two "render.py" made it hard to say which one draws what.
    seen: dict[str, Path] = {}
    clashes = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "__init__.py":
            continue
        if path.name in seen:
            clashes.append(
                f"{seen[path.name].relative_to(PACKAGE)} and {path.relative_to(PACKAGE)}"
            )
        seen[path.name] = path
    assert not clashes, clashes

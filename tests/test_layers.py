"""The wings import one way (docs/architecture.md): each may import only the wings listed here,
and no module imports another module's private (underscored) name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "counterclaim"

#: wing -> the wings it may import (besides itself); "(package)" is counterclaim/__init__.py
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "errors": set(),
    "knowledge": {"model", "errors"},
    "ledger": {"model", "errors"},
    "read": {"model", "errors", "knowledge"},
    "extraction": {"model", "errors", "knowledge"},
    "resolve": {"model", "errors", "knowledge"},
    "pipeline": {"model", "errors", "knowledge", "read", "extraction", "resolve"},
    "group": {"model", "errors", "knowledge", "ledger"},
    "export": {"model", "errors", "knowledge", "ledger", "group"},
    "web": {"model", "errors", "knowledge", "ledger", "group", "export"},
    "evaluate": {"model", "errors", "knowledge", "read", "extraction", "resolve", "pipeline"},
    "scale": {"model", "errors", "knowledge", "read", "extraction", "resolve", "pipeline", "ledger", "group"},
}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "data" not in p.relative_to(PACKAGE).parts)


def _wing(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(absolute module under counterclaim, imported names) of each relative import."""
    rel = list(path.relative_to(PACKAGE).parent.parts)
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = rel[: len(rel) - (node.level - 1)] if node.level > 1 else rel
            target = [*base, *((node.module or "").split(".") if node.module else [])]
            out.append((".".join(target), [a.name for a in node.names]))
    return out


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_wing_imports_only_the_wings_below_it(path: Path) -> None:
    wing = _wing(path)
    if wing not in ALLOWED:  # the command line and the package's front door wire everything
        assert wing in ("cli", "__init__", "__main__"), f"{wing}: a wing docs/architecture.md does not place"
        return
    for module, names in _imports(path):
        # "from .. import errors" names the wing it imports as the imported name
        targets = [module.split(".")[0]] if module else names
        for target in targets:
            assert target == wing or target in ALLOWED[wing], f"{path.name}: {wing} imports {module or target}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_another_modules_private_name(path: Path) -> None:
    for module, names in _imports(path):
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not private, f"{path.name} imports {private} from {module}"

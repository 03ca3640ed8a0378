"""Dependencies between the portal's apps run one way, from the top down:

    reports → meetings → plans → councils → agencies → accounts → geo → common

An app may import the apps below it, never one above it (a string label in a model's
foreign key is not an import). ``config`` wires everything and may import anything.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["common", "geo", "accounts", "agencies", "councils", "plans", "meetings", "reports"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _violations(app: str, root: Path = ROOT) -> list[str]:
    above = set(LAYERS[LAYERS.index(app) + 1 :])
    out = []
    for path in sorted((root / app).rglob("*.py")):
        for name in sorted(_imports(path) & above):
            out.append(f"{path.relative_to(root)} imports {name}")
    return out


@pytest.mark.parametrize("app", LAYERS)
def test_an_app_imports_only_the_apps_below_it(app):
    assert _violations(app) == []


def test_the_check_sees_an_upward_import(tmp_path):
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "bad.py").write_text("from councils.models import Council\n", encoding="utf-8")
    assert _violations("geo", root=tmp_path) == ["geo/bad.py imports councils"]

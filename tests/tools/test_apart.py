"""The product (`bot`, `actions`) never imports the tooling nor reads the tests' folder: what the
servers run is all in those two packages, and `tools/` can change without touching them."""
import ast

import pytest

from bot.config import PROJECT_ROOT

PRODUCT_FILES = sorted(path for package in ("bot", "actions") for path in (PROJECT_ROOT / package).rglob("*.py"))


def _imported_modules(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def _path_parts(tree: ast.AST):
    """String constants used as path parts or paths (`ROOT / "tests" / ...`, "tests/...")."""
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            for side in (node.left, node.right):
                if isinstance(side, ast.Constant) and isinstance(side.value, str):
                    yield side.value


@pytest.mark.parametrize("path", PRODUCT_FILES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_product_module_imports_no_tool_and_reads_no_test_file(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not [m for m in _imported_modules(tree) if m.split(".")[0] in ("tools", "tests")]
    assert not [part for part in _path_parts(tree) if part.split("/")[0] == "tests"]


def test_the_scan_sees_an_import_of_the_tools_and_a_path_into_the_tests():
    tree = ast.parse("from tools.run import Stack\nimport tools.bench\nHELDOUT = ROOT / 'tests' / 'x.jsonl'\n")
    assert list(_imported_modules(tree)) == ["tools.run", "tools.bench"]
    assert "tests" in set(_path_parts(tree))

"""The package's import graph, read from the source with `ast` (issue 17, item 5).

Every import counts, also one inside a function: a cycle that only closes at run time is
still two modules that cannot be understood (or moved) one without the other. Imports
under `if TYPE_CHECKING:` are for the type checker alone and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "mlroles"
ACYCLIC = ("mlroles.build", "mlroles.cache", "mlroles.catalogue")


def _module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of `tree` except what sits under `if TYPE_CHECKING:`."""
    found: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        found.append(node)
        for child in ast.iter_child_nodes(node):
            test = child.test if isinstance(child, ast.If) else None
            if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
                todo.extend(child.orelse)
                continue
            todo.append(child)
    return found


class Imports:
    """What each module of a package imports from the package: modules and names."""

    def __init__(self, package: Path) -> None:
        self.files = {_module_name(p, package): p for p in sorted(package.rglob("*.py"))}
        self.edges: dict[str, set[str]] = {name: set() for name in self.files}
        self.private: list[str] = []
        """'importer: module.name' for each private name taken from another module."""
        for name, path in self.files.items():
            self._read(name, ast.parse(path.read_text(encoding="utf-8")))

    def _read(self, importer: str, tree: ast.AST) -> None:
        is_package = self.files[importer].name == "__init__.py"
        here = importer.split(".") if is_package else importer.split(".")[:-1]
        aliases: dict[str, str] = {}  # local name -> module, for `models._Private`
        nodes = _runtime_nodes(tree)
        for node in nodes:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in self.files:
                        self.edges[importer].add(alias.name)
                        aliases[alias.asname or alias.name] = alias.name
            elif isinstance(node, ast.ImportFrom):
                base = here[: len(here) - node.level + 1] if node.level else []
                source = ".".join([*base, *([node.module] if node.module else [])])
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    if submodule in self.files:
                        self.edges[importer].add(submodule)
                        aliases[alias.asname or alias.name] = submodule
                    elif source in self.files:
                        self.edges[importer].add(source)
                        if _is_private(alias.name):
                            self.private.append(f"{importer}: {source}.{alias.name}")
        for node in nodes:
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and _is_private(node.attr)
            ):
                self.private.append(f"{importer}: {aliases[node.value.id]}.{node.attr}")
        self.edges[importer].discard(importer)

    def cycles(self) -> list[set[str]]:
        """The strongly connected groups of more than one module (Tarjan's algorithm)."""
        order: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        groups: list[set[str]] = []

        def visit(module: str) -> None:
            order[module] = low[module] = len(order)
            stack.append(module)
            for target in sorted(self.edges[module]):
                if target not in order:
                    visit(target)
                    low[module] = min(low[module], low[target])
                elif target in stack:
                    low[module] = min(low[module], order[target])
            if low[module] == order[module]:
                group = set()
                while True:
                    member = stack.pop()
                    group.add(member)
                    if member == module:
                        break
                if len(group) > 1:
                    groups.append(group)

        for module in sorted(self.edges):
            if module not in order:
                visit(module)
        return groups


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@pytest.fixture(scope="module")
def imports() -> Imports:
    return Imports(PACKAGE)


def test_build_cache_and_catalogue_are_in_no_import_cycle(imports: Imports) -> None:
    tangled = [group for group in imports.cycles() if group & set(ACYCLIC)]
    assert tangled == []
    # The three still depend on one another, one way only.
    assert "mlroles.catalogue" in imports.edges["mlroles.build"]
    assert "mlroles.cache" in imports.edges["mlroles.catalogue"]


def test_the_package_has_no_import_cycle(imports: Imports) -> None:
    # The last one, cli.output <-> cli.group over `warn`, went in session 5.
    assert imports.cycles() == []


def test_no_module_takes_a_private_name_from_another(imports: Imports) -> None:
    assert imports.private == []


def test_the_checks_catch_a_planted_cycle_and_private_import(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from .b import _helper\n")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from . import c\n"
        "def f():\n    from . import a\n    return a\n"
        "def _helper():\n    pass\n"
    )
    (package / "c.py").write_text("from . import b\n\nb._helper()\n")
    planted = Imports(package)
    assert planted.cycles() == [{"pkg.a", "pkg.b"}]  # b -> c is for typing only
    assert sorted(planted.private) == ["pkg.a: pkg.b._helper", "pkg.c: pkg.b._helper"]

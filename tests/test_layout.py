"""The import graph of the project's own code: layers import only downward, nothing imports
a module that imports it back, and other apps never import a view module.

recommendations/ is layered core <- reporting <- public <- exports <- importer <- admin:
the core (the modules at its top: models, querysets, services, selectors, links, ...) is
what every other part builds on; a layer may import the ones before it, never one after.
The app's wiring (its URLconf, AppConfig, the admin package's registry and the management
commands) sits above every layer. Other apps (api, opendata, notifications, tracker) read
through the core, selectors, links and the exports' row builders, never a view module.
Imports inside functions count: they are how a cycle usually hides.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ("recommendations", "api", "opendata", "notifications", "tracker")

LAYERS = ("core", "reporting", "public", "exports", "importer", "demo", "admin")
# demo/ holds the demo dialogue's data: it needs only the core, and nothing below admin
# needs it, so its rank only says who may import it (the seed command, the admin).
WIRING = ("recommendations.urls", "recommendations.apps", "recommendations.admin")
VIEW_IMPORTS = (
    "django.shortcuts.render",
    "django.views.decorators.http",
    "django.contrib.syndication.views",
)
# The project's URLconf wires views by nature; no other module of another app may.
MAY_IMPORT_VIEWS = ("tracker.urls",)


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules():
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            modules[module_name(path)] = path
    return modules


MODULES = project_modules()


def resolve(name):
    """The project module `name` refers to: itself, or the package holding the name."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module):
    """{project module imported by `module`}, and whether it imports view machinery."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found, uses_views = set(), False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if any(name == view or name.startswith(view + ".") for view in VIEW_IMPORTS):
                uses_views = True
            target = resolve(name)
            if target and target != module:
                found.add(target)
    # `from recommendations.exports import columns` names the package too: keep the module.
    return {t for t in found if not any(o.startswith(t + ".") for o in found)}, uses_views


GRAPH = {}
VIEW_MODULES = set()
for _module in MODULES:
    GRAPH[_module], _uses_views = imports_of(_module)
    if _uses_views and _module.startswith("recommendations."):
        VIEW_MODULES.add(_module)


def layer_of(module):
    if not module.startswith("recommendations."):
        return None
    if module in WIRING:
        return None
    if module.startswith("recommendations.management.commands."):
        return None
    part = module.split(".")[1]
    return part if part in LAYERS else "core"


def test_the_graph_was_read():
    # Guards the test itself: a walker that found nothing would pass everything.
    assert "recommendations.models" in GRAPH["recommendations.services"]
    assert "recommendations.public.views" in VIEW_MODULES
    assert {layer_of(m) for m in MODULES} >= set(LAYERS) - {"demo"}


def test_layers_import_only_downward():
    upward = []
    for module, targets in GRAPH.items():
        here = layer_of(module)
        for target in targets:
            there = layer_of(target)
            if here and there and LAYERS.index(there) > LAYERS.index(here):
                upward.append(f"{module} ({here}) imports {target} ({there})")
    assert upward == []


def test_no_module_imports_one_that_imports_it_back():
    cycles = []
    state = {}

    def visit(module, trail):
        state[module] = "open"
        for target in sorted(GRAPH.get(module, ())):
            if state.get(target) == "open":
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("app", ["api", "opendata", "notifications", "tracker"])
def test_other_apps_never_import_a_view_module(app):
    offending = [
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if module.split(".")[0] == app and module not in MAY_IMPORT_VIEWS
        for target in targets
        if target in VIEW_MODULES
    ]
    assert offending == []


def test_recommendations_never_imports_another_app():
    # recommendations/ is what the others are built on: it depends on none of them.
    offending = [
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if module.startswith("recommendations")
        for target in targets
        if target.split(".")[0] in ("api", "opendata", "notifications")
    ]
    assert offending == []

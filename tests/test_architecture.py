"""Arrows point down: deftly -> games -> engine. Models never import pygame."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RANK = {"engine": 0, "games": 1, "deftly": 2}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def python_files(package: str):
    return sorted((ROOT / package).rglob("*.py"))


def test_layers_only_import_downwards():
    wrong = []
    for package, rank in RANK.items():
        for path in python_files(package):
            for imported in imports_of(path) & set(RANK):
                if RANK[imported] > rank:
                    wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert wrong == []


def test_games_do_not_import_each_other():
    wrong = []
    for path in python_files("games"):
        parts = path.relative_to(ROOT / "games").parts
        if len(parts) < 2:
            continue
        own = parts[0]
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                    "games."):
                other = node.module.split(".")[1]
                if other != own:
                    wrong.append(f"{path.relative_to(ROOT)} imports games.{other}")
    assert wrong == []


PURE = ["engine/scoring", "engine/levels", "engine/sim", "engine/touch.py",
        "engine/input/tracker.py", "engine/input/gestures.py", "engine/input/script.py",
        "engine/input/placement.py",
        "engine/display.py", "engine/clock.py"]


def test_pure_modules_and_game_models_never_import_pygame():
    paths = []
    for entry in PURE:
        target = ROOT / entry
        if not target.exists():
            continue
        paths.extend(target.rglob("*.py") if target.is_dir() else [target])
    paths.extend(ROOT.glob("games/*/model.py"))
    paths.extend(ROOT.glob("games/*/policy.py"))
    offenders = [str(p.relative_to(ROOT)) for p in paths if "pygame" in imports_of(p)]
    assert offenders == []


def test_the_check_itself_sees_a_wrong_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from deftly.cli import main\nimport pygame\n")
    assert imports_of(bad) == {"deftly", "pygame"}


WALL_CLOCK_READS = {("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"),
                    ("date", "today"), ("time", "time"), ("time", "time_ns"),
                    ("time", "localtime"), ("time", "gmtime")}


def wall_clock_reads(path: Path) -> list[str]:
    """Calls such as `datetime.now()` or `time.time()` in a file, by line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) and \
                (node.func.value.id, node.func.attr) in WALL_CLOCK_READS:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} "
                         f"{node.func.value.id}.{node.func.attr}()")
    return found


def test_only_the_clock_module_reads_the_calendar_time():
    """Everything else is handed a wall clock, so shots, simulations and tests control it."""
    reads = [r for package in ("engine", "games", "deftly", "bench")
             for path in python_files(package) if path != ROOT / "engine" / "clock.py"
             for r in wall_clock_reads(path)]
    assert reads == []
    (only,) = wall_clock_reads(ROOT / "engine" / "clock.py")   # in system_time
    assert only.endswith("datetime.now()")


def _strings_and_names(path: Path) -> set[str]:
    """Every string constant in a module, and X of every `games.X` it imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        modules: list[str] = []
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.add(node.value)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        found.update(m.split(".")[1] for m in modules if m.startswith("games."))
    return found


def test_nothing_outside_the_games_names_a_game():
    """A game is its package, its level file and its strings: the shell and the engine know
    it only through its spec (no game id, no games.<id> import, no hard-coded variant)."""
    from games.registry import all_specs

    names = {spec.id for spec in all_specs()}
    names |= {v.id for spec in all_specs() for v in spec.variants if v.id}
    assert names >= {"tap", "trace", "pinch", "one-finger"}
    wrong = [f"{path.relative_to(ROOT)} names {sorted(_strings_and_names(path) & names)}"
             for package in ("deftly", "engine") for path in python_files(package)
             if _strings_and_names(path) & names]
    assert wrong == []

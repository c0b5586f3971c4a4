"""The backend apps depend one way (docs/adr/0005): this test reads every import of `backend/apps`
(also those inside functions, and `apps.get_model("app", ...)` calls) and fails on a cycle or on an
arrow the layers do not allow. A new app must be given its place in `ALLOWED` first."""

import ast
from pathlib import Path

import pytest

APPS_DIR = Path(__file__).resolve().parents[2]
_BELOW_BOOKINGS = {"core", "accounts", "salons"}

# What each app may import. Everything else is forbidden.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "accounts": {"core"},
    "salons": {"core", "accounts"},
    "audit": {"core", "accounts", "salons"},
    "bookings": _BELOW_BOOKINGS,
    "payments": _BELOW_BOOKINGS | {"bookings"},
    "notifications": _BELOW_BOOKINGS | {"bookings", "payments"},
    "discovery": _BELOW_BOOKINGS | {"bookings"},
    # The salon's back office composes the domain apps; only the demo sits above it.
    "backoffice": _BELOW_BOOKINGS | {"audit", "bookings", "payments", "notifications"},
    # Reports read bookings and payments behind the back office's door.
    "reports": _BELOW_BOOKINGS | {"audit", "bookings", "payments", "backoffice"},
    # Money's books (ledger, payouts) and tax documents (invoicing) react to payments.
    "ledger": _BELOW_BOOKINGS | {"audit", "bookings", "payments", "backoffice"},
    "invoicing": _BELOW_BOOKINGS | {"audit", "bookings", "payments", "backoffice"},
    # Packages and gift cards: sold through payments' gateway, used at bookings, posted in the ledger.
    "packages": _BELOW_BOOKINGS | {"audit", "bookings", "payments", "backoffice", "ledger"},
    # The customer's data rights reach every app that holds personal data.
    "privacy": _BELOW_BOOKINGS
    | {
        "audit",
        "bookings",
        "payments",
        "notifications",
        "backoffice",
        "ledger",
        "invoicing",
        "passkeys",
        "social_auth",
    },
    # Calendar feeds publish bookings; `calendars.ics` is shared with whoever else publishes them.
    "calendars": _BELOW_BOOKINGS | {"bookings"},
    # A stylist's Google Calendar reacts to bookings, writes time off and tells people in their inbox.
    "google_calendar": _BELOW_BOOKINGS | {"bookings", "notifications"},
    # Passkeys sign in to the phone account and answer like a phone sign-in.
    "passkeys": {"core", "accounts"},
    # Google and Apple sign-in: identities linked to accounts, signed in with accounts' sessions.
    "social_auth": {"core", "accounts"},
    # ZATCA phase 2: e-invoicing units, signed UBL documents, the Fatoora API; invoicing will import it.
    "zatca": _BELOW_BOOKINGS | {"audit", "backoffice", "notifications"},
    # The waitlist offers freed times as held bookings; the messages go through bookings' events.
    "waitlist": _BELOW_BOOKINGS | {"bookings"},
    "demo": _BELOW_BOOKINGS
    | {"audit", "bookings", "payments", "notifications", "discovery", "backoffice", "ledger", "invoicing"},
}


def _imported_apps(tree: ast.AST, apps: set[str]) -> dict[str, int]:
    """The apps a module imports, with the first line doing it."""
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "get_model" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                modules = ["apps." + first.value.split(".")[0]]
        for module in modules:
            parts = module.split(".")
            if len(parts) > 1 and parts[0] == "apps" and parts[1] in apps:
                found.setdefault(parts[1], node.lineno)
    return found


def import_graph(apps_dir: Path) -> dict[str, dict[str, str]]:
    """app -> {imported app: "path:line" of the first such import}; tests and migrations left out."""
    apps = {path.name for path in apps_dir.iterdir() if (path / "__init__.py").exists()}
    graph: dict[str, dict[str, str]] = {app: {} for app in apps}
    for path in sorted(apps_dir.rglob("*.py")):
        relative = path.relative_to(apps_dir)
        if relative.parts[0] not in apps or {"tests", "migrations"} & set(relative.parts):
            continue
        app = relative.parts[0]
        for imported, line in _imported_apps(ast.parse(path.read_text(encoding="utf-8")), apps).items():
            if imported != app:
                graph[app].setdefault(imported, f"{relative}:{line}")
    return graph


def forbidden_arrows(graph: dict[str, dict[str, str]]) -> list[str]:
    return [
        f"{app} -> {imported} ({where})"
        for app, imports in sorted(graph.items())
        for imported, where in sorted(imports.items())
        if imported not in ALLOWED.get(app, set())
    ]


def cycles(graph: dict[str, dict[str, str]]) -> list[list[str]]:
    found, done = [], set()

    def visit(app: str, path: list[str]) -> None:
        if app in path:
            found.append(path[path.index(app) :] + [app])
            return
        if app in done:
            return
        for imported in sorted(graph.get(app, {})):
            visit(imported, path + [app])
        done.add(app)

    for app in sorted(graph):
        visit(app, [])
    return found


def test_every_app_has_its_place_in_the_layers():
    assert set(import_graph(APPS_DIR)) - set(ALLOWED) == set()


def test_apps_import_one_another_only_downwards():
    assert forbidden_arrows(import_graph(APPS_DIR)) == []


def test_the_apps_have_no_import_cycle():
    assert cycles(import_graph(APPS_DIR)) == []


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for app in ("core", "bookings", "payments"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
    (tmp_path / "payments" / "services.py").write_text("from apps.bookings.models import Booking\n")
    return tmp_path


def test_the_check_catches_bookings_importing_payments_even_inside_a_function(tree: Path):
    (tree / "bookings" / "events.py").write_text("def react():\n    from apps.payments import services\n")

    graph = import_graph(tree)

    assert forbidden_arrows(graph) == ["bookings -> payments (bookings/events.py:2)"]
    assert cycles(graph) == [["bookings", "payments", "bookings"]]


def test_the_check_catches_a_model_looked_up_by_name(tree: Path):
    (tree / "core" / "stats.py").write_text("from django.apps import apps\napps.get_model('bookings', 'Booking')\n")

    assert forbidden_arrows(import_graph(tree)) == ["core -> bookings (core/stats.py:2)"]


def test_tests_and_migrations_may_reach_across(tree: Path):
    (tree / "bookings" / "tests").mkdir()
    (tree / "bookings" / "tests" / "test_x.py").write_text("from apps.payments.models import Payment\n")

    assert forbidden_arrows(import_graph(tree)) == []

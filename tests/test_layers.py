"""The layers contract (pyproject.toml, [tool.importlinter]) holds on this tree, and it
catches an import that runs the wrong way, at module level or inside a function."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _copy_of_the_tree(tmp_path: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in ("accounts", "mentorship"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint_imports(where: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=where,
        env={"PYTHONPATH": str(where), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _add_to(module: Path, code: str) -> None:
    module.write_text(module.read_text() + "\n\n" + code + "\n")


def test_the_tree_keeps_the_layers(tmp_path):
    result = _lint_imports(_copy_of_the_tree(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("importer", "code", "broken"),
    [
        # accounts is below every domain app, even for an import inside a function.
        (
            "accounts/roles.py",
            "def _peek():\n    from mentorship.pairings.models import Pairing\n\n    return Pairing",
            "accounts is not allowed to import mentorship.pairings",
        ),
        # pairings is below meetings: this would make a cycle between the two.
        (
            "mentorship/pairings/models.py",
            "from mentorship.meetings import models as _meetings  # noqa",
            "mentorship.pairings is not allowed to import mentorship.meetings",
        ),
        # mentors and mentees sit side by side and import neither the other.
        (
            "mentorship/mentors/models.py",
            "from mentorship.mentees import models as _mentees  # noqa",
            "mentorship.mentors is not allowed to import mentorship.mentees",
        ),
        # The project's helpers import no app.
        (
            "mentorship/emails.py",
            "def _peek():\n    import accounts.models\n\n    return accounts.models",
            "mentorship.emails is not allowed to import accounts",
        ),
    ],
)
def test_an_import_the_wrong_way_breaks_the_contract(tmp_path, importer, code, broken):
    tree = _copy_of_the_tree(tmp_path)
    _add_to(tree / importer, code)

    result = _lint_imports(tree)

    assert result.returncode != 0
    assert "Contracts: 0 kept, 1 broken." in result.stdout
    assert broken in result.stdout

"""The house stays tidy: ruff (pyflakes, pycodestyle, isort, bugbear, Django rules) is clean."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is in requirements-dev.txt"
    result = subprocess.run([ruff, "check", "--no-cache", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_past_600_lines():
    long = [
        f"{path.relative_to(ROOT)} ({n} lines)"
        for path in ROOT.glob("*/**/*.py")
        if ".venv" not in path.parts and "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > 600
    ]
    assert long == []

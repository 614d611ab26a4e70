"""Shared fixtures: the repository, the `zhengling` binary to compare with, the JSON Schema."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Sequence

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = sorted(
    [p for p in (ROOT / "fixtures" / "seeds").glob("*.txt")]
    + [p for p in (ROOT / "fixtures" / "pages").glob("*.html")]
)


def _binary() -> Path:
    """The example binary: $ZHENGLING_BIN, else built with cargo (debug, as `cargo test` does)."""
    env = os.environ.get("ZHENGLING_BIN")
    if env:
        path = Path(env)
        if not path.is_file():
            raise RuntimeError(f"ZHENGLING_BIN={env}: no such file")
        return path
    out = subprocess.run(
        ["cargo", "build", "--example", "zhengling", "--message-format=json-render-diagnostics"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "zhengling":
            if "example" in msg["target"]["kind"] and msg.get("executable"):
                return Path(msg["executable"])
    raise RuntimeError("cargo did not report the zhengling example binary")


@pytest.fixture(scope="session")
def binary() -> Path:
    return _binary()


class Binary:
    """Runs the binary with `--json` (and `--csv`) and parses its output."""

    def __init__(self, path: Path):
        self.path = path

    def json(self, inputs: Sequence[str], *args: str, cwd: Path = ROOT) -> List[Dict[str, Any]]:
        out = subprocess.run(
            [str(self.path), "--json", "--threads", "2", *args, "--", *inputs],
            cwd=cwd,
            check=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]

    def csv(self, inputs: Sequence[str], csv_path: Path, *args: str, cwd: Path = ROOT) -> None:
        subprocess.run(
            [str(self.path), "--json", "--csv", str(csv_path), *args, "--", *inputs],
            cwd=cwd,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )


@pytest.fixture(scope="session")
def run_binary(binary: Path) -> Binary:
    return Binary(binary)


@pytest.fixture(scope="session")
def shipped_schema() -> Dict[str, Any]:
    return json.loads((ROOT / "schema" / "record.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate(shipped_schema):
    """Validates a record against the shipped JSON Schema, raising on the first error."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(shipped_schema)

    def check(record: Dict[str, Any]) -> None:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            path = "/".join(str(p) for p in e.path)
            raise AssertionError(
                f"{record.get('input')}: record does not fit the schema at {path or '(root)'}: "
                f"{e.message} ({len(errors)} errors)"
            )

    return check

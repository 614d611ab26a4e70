"""The stubs of the Rust core (zhengling/_zhengling.pyi) match what the module exports."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

if os.environ.get("ZHENGLING_REQUIRE_SPARK") != "1":  # CI installs everything
    pytest.importorskip("mypy")


def test_stubtest(tmp_path):
    # PEP 800's @disjoint_base is newer than the Pythons the stubs support (3.9+)
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "zhengling._zhengling", "--ignore-disjoint-bases"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr

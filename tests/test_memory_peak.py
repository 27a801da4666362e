"""The bench's whole-pipeline memory figure: every process of a tree, summed at one moment, shared pages once."""

from __future__ import annotations

import subprocess
import sys

import pytest

from evidence_cli import memory_peak

pytestmark = pytest.mark.skipif(not memory_peak.available(), reason="reads /proc (Linux)")

MB = 2**20
# 64 MB written before a fork (shared by parent and child until written again), 32 MB the child's own.
TREE = f"""
import os, sys
shared = b"x" * (64 * {MB})
if os.fork() == 0:
    own = b"y" * (32 * {MB})
    print("ready", flush=True)
    sys.stdin.read()
    os._exit(0)
sys.stdin.read()
os.wait()
"""


def test_a_tree_is_summed_at_one_moment_with_shared_pages_once():
    with subprocess.Popen([sys.executable, "-c", TREE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout.readline() == "ready\n"
        peak = memory_peak.TreePeak(process.pid)
        total_mb = peak.sample() / 1024
        process.stdin.close()
    assert peak.processes == 2
    assert 96 <= total_mb < 2 * 64 + 32, total_mb  # both processes' memory, the forked copy counted once


def test_a_process_that_has_ended_counts_nothing():
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(process.stdout)
    assert memory_peak.resident_kb(pid) == 0 and memory_peak.tree(pid) == [pid]

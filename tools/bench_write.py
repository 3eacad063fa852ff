#!/usr/bin/env python3
"""Measures what `svdk build` writes to the output folder: a full build into a new folder, an
unchanged rebuild, a one-page change (a practice's text), and the change undone.

    python3 tools/bench_write.py SVDK_BINARY SITE_DIR [OUT_DIR] [RUNS]

For every step: the median wall time, CPU time (user + system) of RUNS runs and the bytes the process wrote to storage
(getrusage ru_oublock, 512-byte blocks; page-cache writes counted when dirtied). Works for any
version of svdk, so the old design (a full tree every build) can be measured the same way.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time


def run(binary, site, out):
    t = time.monotonic()
    devnull = os.open(os.devnull, os.O_WRONLY)
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1)
        os.execv(binary, [binary, "build", "-q", "--root", site, "--out", out])
    os.close(devnull)
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - t
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"build failed: {binary} {site}")
    return wall, usage.ru_oublock * 512, usage.ru_utime + usage.ru_stime


def main():
    binary, site = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else "/tmp/svdk-bench-write/public"
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    parent = os.path.dirname(out)
    practices = os.path.join(site, "content", "praktijkvoorbeelden")
    page = os.path.join(practices, sorted(os.listdir(practices))[0])
    original = open(page, encoding="utf-8").read()
    rows = []

    def step(name, prepare):
        walls, written, cpus = [], [], []
        for r in range(runs):
            prepare(r)
            subprocess.run(["sync"])
            w, b, c = run(binary, site, out)
            walls.append(w)
            written.append(b)
            cpus.append(c)
        rows.append((name, statistics.median(walls), statistics.median(written), statistics.median(cpus)))

    def fresh(_):
        shutil.rmtree(parent, ignore_errors=True)
        os.makedirs(parent)

    def edit(r):
        open(page, "w", encoding="utf-8").write(original + f"\nEen extra alinea {r}.\n")

    def undo(r):
        # Alternate: the change, then back (the work copy is one build behind).
        text = original if r % 2 == 0 else original + "\nNog een alinea.\n"
        open(page, "w", encoding="utf-8").write(text)

    try:
        step("full build, new folder", fresh)
        run(binary, site, out)
        step("unchanged rebuild", lambda _: None)
        step("one practice's text changed", edit)
        step("changed back and forth", undo)
    finally:
        open(page, "w", encoding="utf-8").write(original)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    print(f"{binary} on {site}: output {size / 1e6:.1f} MB")
    for name, wall, written, cpu in rows:
        print(f"  {name:32} {wall:6.2f} s wall {cpu:6.2f} s CPU {written / 1e6:8.1f} MB written")


main()

#!/usr/bin/env python3
"""Instructions per request of the `layer` benchmarks, under callgrind: deterministic to about
0.1% where wall time on a 2-core machine moves by several percent between runs.

Each named benchmark runs twice under `valgrind --tool=callgrind`, for one and for three seconds
of criterion's `--profile-time`; the difference of the two instruction totals is divided by the
difference of their requests (calls of axum's `Router::call_with_state`, one per request in
every contestant). What both runs share (the program's start, building every app, the checks
before measuring) cancels: a total divided by its own requests counted that set-up into each
request, by an amount that depended on how many requests the run made. The rest includes the
benchmark's own work (building each request, and for `layer/socket/*` the client thread), the
same for both sides of a pair. Two runs at a time, one per core.

Usage (after `cargo bench -p swr-errors-benches --bench layer --no-run`):

    python3 scripts/layer_instructions.py layer/success/without layer/success/with

Needs valgrind.
"""

import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PER_REQUEST = "axum::routing::Router<S>::call_with_state"


def bench_binary():
    candidates = [
        path
        for path in glob.glob(str(REPO / "target/release/deps/layer-*"))
        if os.access(path, os.X_OK) and not path.endswith(".d")
    ]
    if not candidates:
        sys.exit("no layer benchmark binary: run `cargo bench -p swr-errors-benches --bench layer --no-run`")
    return max(candidates, key=os.path.getmtime)


def run(binary, name, seconds, out):
    """The instruction total and the requests of one run of `name`."""
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary,
         "--bench", "--profile-time", str(seconds), f"{name}$"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
    )
    total, calls, names, callee = 0, 0, {}, None
    with open(out) as profile:
        for line in profile:
            named = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?", line)
            if named:
                kind, index, text = named.groups()
                if text:
                    names[index] = text
                if kind == "cfn":
                    callee = names.get(index)
                continue
            if line.startswith(("summary:", "totals:")):
                total = int(line.split()[1])
            counted = re.match(r"^calls=(\d+)", line)
            if counted and callee and PER_REQUEST in callee:
                calls += int(counted.group(1))
    return total, calls


def main():
    names = sys.argv[1:]
    if not names:
        sys.exit(__doc__)
    binary = bench_binary()
    with tempfile.TemporaryDirectory() as scratch:
        runs = [(name, seconds) for name in names for seconds in (1, 3)]
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            results = dict(zip(runs, pool.map(
                lambda job: run(binary, job[0], job[1], f"{scratch}/{runs.index(job)}.out"),
                runs,
            )))
    for name in names:
        (short, short_calls), (long, long_calls) = results[(name, 1)], results[(name, 3)]
        if long_calls <= short_calls:
            print(f"{name}: no more requests in the longer run ({short_calls}, {long_calls})")
            continue
        per_request = (long - short) / (long_calls - short_calls)
        print(f"{name}: {per_request:,.0f} instructions per request "
              f"({short_calls} and {long_calls} requests)")


if __name__ == "__main__":
    main()

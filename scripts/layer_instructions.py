#!/usr/bin/env python3
"""Instructions per request of the `layer` benchmarks, under callgrind: deterministic to about
0.1% where wall time on a 2-core machine moves by several percent between runs.

Each named benchmark runs for one second of criterion's `--profile-time` under
`valgrind --tool=callgrind`; the program's instruction total is divided by the number of calls of
axum's `Router::call_with_state` (one per request, in every contestant). The total includes the
benchmark's own work (building each request, and for `layer/socket/*` the client thread), the
same for both sides of a pair.

Usage (after `cargo bench -p swr-errors-benches --bench layer --no-run`):

    python3 scripts/layer_instructions.py layer/success/without layer/success/with

Needs valgrind.
"""

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


def instructions_per_request(binary, name, out):
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary,
         "--bench", "--profile-time", "1", f"{name}$"],
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
    return total / calls if calls else float("nan"), calls


def main():
    names = sys.argv[1:]
    if not names:
        sys.exit(__doc__)
    binary = bench_binary()
    with tempfile.TemporaryDirectory() as scratch:
        for number, name in enumerate(names):
            per_request, calls = instructions_per_request(binary, name, f"{scratch}/{number}.out")
            print(f"{name}: {per_request:,.0f} instructions per request ({calls} requests)")


if __name__ == "__main__":
    main()

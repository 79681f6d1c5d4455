#!/usr/bin/env python3
"""The table of the benchmarks' results: per-element times and the ratios the targets are about.

Reads what criterion saved under <target dir>/criterion (the last `cargo bench` run of each
benchmark) and prints a Markdown table: for each group, each contestant's median time per element
(per lookup, per body, per response) and its ratio to `swr`'s.

    CARGO_TARGET_DIR=/work/target-bench cargo bench --bench lookup --bench body --bench http
    python3 scripts/bench_table.py /work/target-bench     # default: ./target
"""

import json
import sys
from pathlib import Path


def main():
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "target")
    root = target / "criterion"
    groups = {}
    for bench in sorted(root.glob("**/new/benchmark.json")):
        meta = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        elements = (meta.get("throughput") or {}).get("Elements") or 1
        per_element = estimates["median"]["point_estimate"] / elements
        groups.setdefault(meta["group_id"], {})[meta["function_id"]] = per_element
    if not groups:
        sys.exit(f"no criterion results under {root}")
    print("| group | contestant | ns per element (median) | swr's time / this one's |")
    print("|---|---|---:|---:|")
    for group, contestants in groups.items():
        ours = contestants.get("swr")
        for name, ns in sorted(contestants.items(), key=lambda item: item[0] != "swr"):
            ratio = f"{ours / ns:.2f}x" if ours and name != "swr" else ""
            print(f"| {group} | {name} | {ns:.2f} | {ratio} |")


if __name__ == "__main__":
    main()

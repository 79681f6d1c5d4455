#!/usr/bin/env python3
"""The `layer` benchmark's targets as ratios, in alternating rounds.

On a 2-core machine two criterion runs of the same code differ by a few percent, as much as the
differences the targets are about. So this runs the named benchmark groups several times over
(each round measures every contestant once, so contestants alternate), reads each round's
medians from criterion's `estimates.json`, and reports for each target pair the ratio of every
round and their median.

Usage:

    python3 scripts/layer_ratios.py [--rounds 5] [--measurement-time 3] [groups...]

Groups default to `layer/socket` and `layer/error` (the success group is `layer/success`).
"""

import argparse
import json
import statistics
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CRITERION = REPO / "target" / "criterion"

# (group, contestant, baseline, target ratio, what the target says)
PAIRS = [
    ("layer/success", "with", "without", 1.05, "success through Router::layer"),
    ("layer/success", "wrapping_the_router", "without", 1.05, "success, layer around the router"),
    ("layer/error", "swr_legacy", "status_json", 1.0, "error through Router::layer"),
    ("layer/error", "swr_legacy_wrapping_the_router", "status_json", 1.0,
     "error, layer around the router"),
    ("layer/socket", "success_with", "success_without", 1.05, "socket: success, Router::layer"),
    ("layer/socket", "success_wrapping_the_router", "success_without", 1.05,
     "socket: success, around the router"),
    ("layer/socket", "error_swr_legacy", "error_status_json", 1.0, "socket: error, Router::layer"),
    ("layer/socket", "error_swr_legacy_wrapping_the_router", "error_status_json", 1.0,
     "socket: error, around the router"),
    # Not targets: against the same handler with tower-http's request ids, the like-for-like
    # alternative (its response carries `X-Request-Id` too).
    ("layer/error", "swr_legacy_wrapping_the_router", "status_json_request_ids", None,
     "error vs Json + tower-http request ids"),
    ("layer/socket", "error_swr_legacy_wrapping_the_router", "error_status_json_request_ids",
     None, "socket: error vs Json + tower-http ids"),
    # Not targets: the floor, one constant `X-Request-Id` inserted into the request and the
    # response (`one_fixed_id`), against the app without it, and the layer against the floor.
    ("layer/success", "one_fixed_id", "without", None, "floor: success, one fixed id"),
    ("layer/success", "wrapping_the_router", "one_fixed_id", None,
     "success, layer around the router vs floor"),
    ("layer/error", "status_json_one_fixed_id", "status_json", None,
     "floor: error, Json + one fixed id"),
    ("layer/error", "swr_legacy_wrapping_the_router", "status_json_one_fixed_id", None,
     "error, layer around the router vs floor"),
    ("layer/socket", "success_one_fixed_id", "success_without", None,
     "socket floor: success, one fixed id"),
    ("layer/socket", "success_wrapping_the_router", "success_one_fixed_id", None,
     "socket: success, around the router vs floor"),
    ("layer/socket", "error_status_json_one_fixed_id", "error_status_json", None,
     "socket floor: error, Json + one fixed id"),
    ("layer/socket", "error_swr_legacy_wrapping_the_router", "error_status_json_one_fixed_id",
     None, "socket: error, around the router vs floor"),
]


def median_ns(group, name):
    path = CRITERION / group.replace("/", "_") / name / "new" / "estimates.json"
    return json.loads(path.read_text())["median"]["point_estimate"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--measurement-time", type=float, default=3)
    parser.add_argument("groups", nargs="*", default=["layer/socket", "layer/error"])
    args = parser.parse_args()
    pattern = "^(" + "|".join(args.groups) + ")/"
    ratios = {pair: [] for pair in PAIRS if pair[0] in args.groups}
    for round_ in range(args.rounds):
        subprocess.run(
            ["cargo", "bench", "-q", "-p", "swr-errors-benches", "--bench", "layer", "--",
             "--warm-up-time", "1", "--measurement-time", str(args.measurement_time), pattern],
            cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for pair in ratios:
            group, contestant, baseline, _, _ = pair
            ratios[pair].append(median_ns(group, contestant) / median_ns(group, baseline))
        print(f"round {round_ + 1} of {args.rounds} done", flush=True)
    print(f"\n{'pair':42} {'median':>7} {'target':>7}  rounds")
    for (group, contestant, baseline, target, what), values in ratios.items():
        median = statistics.median(values)
        rounds = " ".join(f"{value:.3f}" for value in values)
        if target is None:
            verdict, target_text = "for comparison", "-"
        else:
            verdict = "met" if median <= target else "NOT met"
            target_text = f"{target:.2f}"
        print(f"{what:42} {median:7.3f} {target_text:>7}  {rounds}  ({verdict}: {contestant} / {baseline})")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compile time of `#[derive(SwrError)]` against the alternatives, on enums of the same variants.

For each size (188 and 5,000 variants by default) and each contestant, generates a scratch crate
(never inside the repository: under /tmp by default) whose library holds the enum and whose binary
calls the generated methods (code marked `#[inline]` is compiled by its callers, so a caller must
be present for the measurement to mean anything). Then, per profile (debug, release): one warm-up
build of every contestant, then `runs` alternating rounds, each of which touches and rebuilds every
contestant once (in a rotated order). Reports medians, and the median of the per-round ratio
swr / thiserror.

Contestants, all on the same variants (unit variants, a code, a status, a static message):

- `plain`: the enum with `#[derive(Clone, Copy)]` only, and a caller that prints its
  discriminant: no code per variant, so it is the fixed cost of an incremental build (cargo,
  rustc start-up, linking), subtracted below as `net`. (A `#[derive(Debug)]` baseline generates
  a `match` per variant, which in release at 5,000 variants costs more than some contestants and
  made `net` negative.)
- `swr`: `#[derive(SwrError)]`; the caller uses `from_code`, `code`, `status`, `message`,
  `write_json` and `Display`;
- `swr_server`: the same with `default-features = false`, as a server that reads no SWR bodies
  depends on it: no client side, so no `serde_json` to link;
- `thiserror`: `#[derive(thiserror::Error)]` with `#[error("...")]` messages; the caller uses
  `Display`. This is less than `swr` provides;
- `thiserror_match`: the same, plus what a thiserror user writes by hand for the rest: `code()`
  and `status()` as `match`es and `from_code` as a `match` on the string; the caller uses them;
- `strum`: strum's `EnumString` (`FromStr`, a `match` on the string); the caller parses.

Usage (from anywhere; the repository is found from this file's path):

    python3 scripts/compile_time.py                       # 188 and 5000, debug and release, 9 rounds
    python3 scripts/compile_time.py --sizes 50 --runs 1   # a quick check that it works

Needs cargo and network access to crates.io for thiserror and strum (or a warm cargo cache).
"""

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STATUSES = [400, 401, 403, 404, 409, 429, 500, 503]
CONTESTANTS = ["plain", "swr", "swr_server", "thiserror", "thiserror_match", "strum"]


def variants(n):
    """(name, code, status, message) for n variants: codes are unique and carry their status."""
    out = []
    for i in range(n):
        status = STATUSES[i % len(STATUSES)]
        code = f"SVCSTG.BENCH.{status}{i:04d}"
        out.append((f"Error{i}", code, status, f"Something number {i} went wrong."))
    return out


def cargo_toml(contestant):
    deps = {
        "plain": "",
        "swr": f'swr-errors = {{ path = "{REPO / "swr-errors"}" }}',
        "swr_server": f'swr-errors = {{ path = "{REPO / "swr-errors"}", default-features = false }}',
        "thiserror": 'thiserror = "2"',
        "thiserror_match": 'thiserror = "2"',
        "strum": 'strum = { version = "0.28", features = ["derive"] }',
    }[contestant]
    return f"""[package]
name = "ct-{contestant.replace('_', '-')}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
{deps}

[workspace]
"""


def lib_rs(contestant, rows):
    lines = []
    if contestant == "plain":
        lines.append("#[derive(Clone, Copy)]\npub enum E {")
        lines += [f"    {name}," for name, _, _, _ in rows]
        lines.append("}")
    elif contestant in ("swr", "swr_server"):
        lines.append("#[derive(Debug, Clone, Copy, swr_errors::SwrError)]\npub enum E {")
        for name, code, status, message in rows:
            lines.append(f'    #[swr(code = "{code}", status = {status}, message = "{message}")]')
            lines.append(f"    {name},")
        lines.append("}")
    elif contestant in ("thiserror", "thiserror_match"):
        lines.append("#[derive(Debug, Clone, Copy, thiserror::Error)]\npub enum E {")
        for name, _, _, message in rows:
            lines.append(f'    #[error("{message}")]')
            lines.append(f"    {name},")
        lines.append("}")
        if contestant == "thiserror_match":
            lines.append("impl E {")
            lines.append("    pub fn code(&self) -> &'static str {\n        match self {")
            lines += [f'            E::{name} => "{code}",' for name, code, _, _ in rows]
            lines.append("        }\n    }")
            lines.append("    pub fn status(&self) -> u16 {\n        match self {")
            lines += [f"            E::{name} => {status}," for name, _, status, _ in rows]
            lines.append("        }\n    }")
            lines.append("    pub fn from_code(code: &str) -> Option<E> {\n        match code {")
            lines += [f'            "{code}" => Some(E::{name}),' for name, code, _, _ in rows]
            lines.append("            _ => None,\n        }\n    }")
            lines.append("}")
    elif contestant == "strum":
        lines.append("#[derive(Debug, Clone, Copy, strum::EnumString)]\npub enum E {")
        for name, code, _, _ in rows:
            lines.append(f'    #[strum(serialize = "{code}")]')
            lines.append(f"    {name},")
        lines.append("}")
    return "\n".join(lines) + "\n"


def main_rs(contestant, rows):
    crate = "ct_" + contestant
    if contestant == "swr_server":
        contestant = "swr"
    first = rows[0][1]
    body = {
        "plain": f"""    let e = if arg.is_empty() {{ {crate}::E::{rows[0][0]} }} else {{ {crate}::E::{rows[-1][0]} }};
    println!("{{}}", e as u32);""",
        "swr": f"""    use swr_errors::SwrError;
    let e = {crate}::E::from_code(&arg).unwrap_or({crate}::E::{rows[0][0]});
    let mut out = String::new();
    e.write_json(&mut out);
    println!("{{}} {{}} {{}} {{}} {{out}}", e.code(), e.status(), e.message(), e);""",
        "thiserror": f"""    let e = if arg.is_empty() {{ {crate}::E::{rows[0][0]} }} else {{ {crate}::E::{rows[-1][0]} }};
    println!("{{e}}");""",
        "thiserror_match": f"""    let e = {crate}::E::from_code(&arg).unwrap_or({crate}::E::{rows[0][0]});
    println!("{{}} {{}} {{}}", e.code(), e.status(), e);""",
        "strum": f"""    let e: {crate}::E = arg.parse().unwrap_or({crate}::E::{rows[0][0]});
    println!("{{e:?}}");""",
    }[contestant]
    return f"""fn main() {{
    let arg = std::env::args().nth(1).unwrap_or_else(|| "{first}".to_owned());
{body}
}}
"""


def run(cmd, cwd):
    result = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"`{' '.join(cmd)}` failed in {cwd}:\n{result.stdout[-4000:]}")


def build_cmd(profile):
    return ["cargo", "build", "--quiet"] + (["--release"] if profile == "release" else [])


def rebuild_time(crate_dir, profile):
    """Touch the library's source and time the incremental rebuild of library and caller."""
    (crate_dir / "src" / "lib.rs").touch()
    start = time.perf_counter()
    run(build_cmd(profile), crate_dir)
    return time.perf_counter() - start


def measure_round_robin(crate_dirs, profile, runs):
    """Times `runs` rebuilds of every contestant, in alternating rounds.

    Each round rebuilds every contestant once, in an order rotated from round to round, so that
    a slow spell of the machine (the other core busy, the page cache cold) falls on all of them
    alike instead of on whichever contestant was measured then: on 2 cores such noise otherwise
    swamps differences of 0.05 s. Returns {contestant: [seconds per round]}."""
    for crate_dir in crate_dirs.values():
        run(build_cmd(profile), crate_dir)  # warm-up: dependencies and a first build
    names = list(crate_dirs)
    times = {name: [] for name in names}
    for round_index in range(runs):
        shift = round_index % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(rebuild_time(crate_dirs[name], profile))
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="188,5000", help="comma-separated variant counts")
    parser.add_argument("--runs", type=int, default=9,
                        help="alternating rounds per measurement (median; at least 9 for a report)")
    parser.add_argument("--profiles", default="debug,release")
    parser.add_argument("--contestants", default=",".join(CONTESTANTS))
    parser.add_argument("--dir", default="/tmp/swr-compile-time", help="scratch directory")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    profiles = args.profiles.split(",")
    contestants = args.contestants.split(",")
    scratch = Path(args.dir)
    if scratch.resolve().is_relative_to(REPO) and "target" not in scratch.resolve().parts:
        sys.exit("the scratch directory must be outside the repository (or under a target/)")

    results = {}
    ratios = {}  # (contestant, size, profile) -> median over rounds of it / thiserror in a round
    for size in sizes:
        rows = variants(size)
        crate_dirs = {}
        for contestant in contestants:
            crate_dir = scratch / f"{contestant}-{size}"
            (crate_dir / "src").mkdir(parents=True, exist_ok=True)
            (crate_dir / "Cargo.toml").write_text(cargo_toml(contestant))
            (crate_dir / "src" / "lib.rs").write_text(lib_rs(contestant, rows))
            (crate_dir / "src" / "main.rs").write_text(main_rs(contestant, rows))
            crate_dirs[contestant] = crate_dir
        for profile in profiles:
            times = measure_round_robin(crate_dirs, profile, args.runs)
            for contestant in contestants:
                median = statistics.median(times[contestant])
                results[(contestant, size, profile)] = median
                shown = ", ".join(f"{t:.2f}" for t in times[contestant])
                print(f"{contestant:>16} {size:>6} {profile:>8}: median {median:6.2f} s  ({shown})",
                      flush=True)
            for name in ("swr", "swr_server"):
                if name in times and "thiserror" in times:
                    ratios[(name, size, profile)] = statistics.median(
                        a / b for a, b in zip(times[name], times["thiserror"]))

    print("\nMedian incremental rebuild (touch lib.rs; lib + caller), seconds; "
          "'net' subtracts `plain` (cargo, rustc start-up, linking):")
    header = f"| {'contestant':<16} | {'profile':<7} |" + "".join(
        f" {size:>6} | {'net':>6} |" for size in sizes)
    if len(sizes) >= 2:
        header += f" growth {sizes[0]}->{sizes[-1]} (net) | exponent |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for profile in profiles:
        for contestant in contestants:
            line = f"| {contestant:<16} | {profile:<7} |"
            nets = []
            for size in sizes:
                t = results[(contestant, size, profile)]
                base = results.get(("plain", size, profile))
                net = t - base if base is not None else float("nan")
                nets.append(net)
                line += f" {t:6.2f} | {net:6.2f} |"
            if len(sizes) >= 2:
                first, last = nets[0], nets[-1]
                if first > 0.01 and last > 0:
                    growth = last / first
                    exponent = math.log(growth) / math.log(sizes[-1] / sizes[0])
                    line += f" {growth:8.1f}x (linear: {sizes[-1] / sizes[0]:.1f}x) | {exponent:5.2f} |"
                else:
                    line += " (net too small to compare) | - |"
            print(line)
    for name in ("swr", "swr_server"):
        if any(key[0] == name for key in ratios):
            print(f"\n{name} / thiserror, whole rebuild (median over rounds of the ratio within a round):")
            for profile in profiles:
                print("  " + profile + ": " + ", ".join(
                    f"{size}: {ratios[(name, size, profile)]:.2f}" for size in sizes))

if __name__ == "__main__":
    main()

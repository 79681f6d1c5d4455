#!/usr/bin/env python3
"""Tokens that `#[derive(SwrError)]` and thiserror emit for the same 188-variant enum.

The enum is the stock catalogue's shape: the seed's 188 variants (the first 188) of
`swr-errors/src/catalogue/variants.rs` (its name, code, status, retry kind, and the first line of
its doc comment as the message), as a unit variant. Three scratch crates (under /tmp by default, never inside the repository) hold it:

- `swr`: `#[derive(SwrError)]`, the message as a one-line doc comment;
- `swr_kind`: the same with `#[swr(kind)]`;
- `thiserror`: `#[derive(thiserror::Error)]` with `#[error("message")]`.

Each is measured twice: with `#[derive(Debug, Clone, Copy)]` beside the derive, as the enum is
written in practice (and as the first measurement of the project counted, so thiserror's figure
is its ~4,200 tokens), and alone (what the derive itself emits; the one to compare).

Each crate is expanded by rustc (`cargo rustc --lib -- -Zunpretty=expanded`, with
`RUSTC_BOOTSTRAP=1` on stable), and the script counts the tokens of the expansion outside the
enum item itself and the prelude: everything the derive added. Tokens are counted as
`proc_macro` counts token trees: each identifier, punctuation character and literal is one, each
delimited group one more than what it holds (a lifetime is two: `'` and its name; a doc comment
is `#`, `[doc = "..."]`: five). Bytes are those of the expansion as rustc prints it.

Macros the derive calls are expanded too (`__private::impl_responses!` expands to nothing without
features), so the count is what rustc goes on to compile. The derive's own count of what it emits,
without running rustc, is `cargo test -p swr-errors-derive --release cost_ -- --ignored --nocapture`.

Usage: python3 scripts/tokens.py [--dir /tmp/swr-tokens]
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VARIANTS = REPO / "swr-errors" / "src" / "catalogue" / "variants.rs"


def catalogue():
    """(name, code, status, retry or None, message) for each variant of the stock catalogue."""
    text = VARIANTS.read_text()
    body = text[text.index("pub enum SwrCode {"):]
    rows = []
    doc, code, status, retry = [], None, None, None
    for line in body.splitlines()[1:]:
        line = line.strip()
        if line.startswith("///"):
            doc.append(line[3:].strip())
        elif line.startswith("#[swr("):
            m = re.search(r'code = "([^"]+)", status = (\d+)', line)
            if m:
                code, status = m.group(1), int(m.group(2))
            m = re.search(r'retry = "([^"]+)"', line)
            if m:
                retry = m.group(1)
        elif re.fullmatch(r"[A-Za-z0-9_]+,", line):
            rows.append((line[:-1], code, status, retry, doc[0]))
            doc, code, status, retry = [], None, None, None
    # The seed's 188 codes come first: measured on those, figures stay comparable as codes are added.
    if len(rows) < 188:
        sys.exit(f"expected at least 188 variants in {VARIANTS}, read {len(rows)}")
    return rows[:188]


def sources(rows, std_derives):
    std = "Debug, Clone, Copy, " if std_derives else ""
    swr = [f"#[derive({std}swr_errors::SwrError)]", "{kind}pub enum Catalogue {"]
    for name, code, status, retry, message in rows:
        swr.append(f"    /// {message}")
        swr.append(f'    #[swr(code = "{code}", status = {status})]')
        if retry:
            swr.append(f'    #[swr(retry = "{retry}")]')
        swr.append(f"    {name},")
    swr.append("}")
    swr = "\n".join(swr) + "\n"
    te = [f"#[derive({std}thiserror::Error)]", "pub enum Catalogue {"]
    for name, _, _, _, message in rows:
        escaped = message.replace("\\", "\\\\").replace('"', '\\"').replace("{", "{{").replace("}", "}}")
        te.append(f'    #[error("{escaped}")]')
        te.append(f"    {name},")
    te.append("}")
    return {
        "swr": swr.replace("{kind}", ""),
        "swr_kind": swr.replace("{kind}", "#[swr(kind)]\n"),
        "thiserror": "\n".join(te) + "\n",
    }


def cargo_toml(name):
    dep = ('thiserror = "2"' if name == "thiserror"
           else f'swr-errors = {{ path = "{REPO / "swr-errors"}" }}')
    return f"""[package]
name = "tokens-{name.replace('_', '-')}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
{dep}

[workspace]
"""


TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<outer_doc>///[^\n]*)
  | (?P<inner_doc>//![^\n]*)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<raw>(?:br|cr|r)(?P<hashes>\#*)".*?"(?P=hashes))
  | (?P<string>(?:b|c)?"(?:\\.|[^"\\])*")
  | (?P<char>b?'(?:\\.|\\u\{[0-9a-fA-F]+\}|[^'\\])')
  | (?P<lifetime>'[A-Za-z_][A-Za-z0-9_]*)
  | (?P<number>[0-9][0-9A-Za-z_]*(?:\.[0-9][0-9A-Za-z_]*)?)
  | (?P<ident>(?:r\#)?[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<punct>[^\sA-Za-z0-9_(\[{)\]}])
""", re.S | re.X)


def tree(text):
    """The expansion as nested lists: a leaf is its text, a group a list (opener first)."""
    stack = [[]]
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            sys.exit(f"cannot lex at {text[pos:pos + 40]!r}")
        pos = m.end()
        kind = m.lastgroup if m.lastgroup != "hashes" else "raw"
        if kind in ("ws", "comment"):
            continue
        if kind in ("outer_doc", "inner_doc"):
            # `#`, `!` for an inner one, and `[doc = "..."]`.
            stack[-1].append("#")
            if kind == "inner_doc":
                stack[-1].append("!")
            stack[-1].append(["[", "doc", "=", '"doc"'])
        elif kind == "lifetime":
            stack[-1] += ["'", m.group()[1:]]
        elif kind == "open":
            stack.append([m.group()])
        elif kind == "close":
            group = stack.pop()
            stack[-1].append(group)
        else:
            stack[-1].append(m.group())
    return stack[0]


def count(tokens):
    return sum(1 + count(t[1:]) if isinstance(t, list) else 1 for t in tokens)


def generated(tokens):
    """The top-level tokens outside the enum `Catalogue` (with its attributes) and the prelude."""
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        # `#[prelude_import] use ...;` and `#[macro_use] extern crate std;`
        if t == "#" and isinstance(tokens[i + 1], list) and tokens[i + 1][1] in ("prelude_import", "macro_use"):
            end = i + 2
            while tokens[end] != ";":
                end += 1
            i = end + 1
            continue
        if t == "#":
            # An attribute: keep it with the item it starts, decided below.
            j = i
            while tokens[j] == "#":
                j += 2
            k = j + (1 if tokens[j] == "pub" else 0)
            if tokens[k] == "enum" and tokens[k + 1] == "Catalogue":
                i = k + 3
                continue
        if t == "pub" and tokens[i + 1] == "enum" and tokens[i + 2] == "Catalogue":
            i += 4
            continue
        out.append(t)
        i += 1
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", default="/tmp/swr-tokens", help="scratch directory")
    args = parser.parse_args()
    scratch = Path(args.dir)
    if scratch.resolve().is_relative_to(REPO):
        sys.exit("the scratch directory must be outside the repository")
    rows = catalogue()
    for std_derives in (True, False):
        print("with #[derive(Debug, Clone, Copy)] beside it:" if std_derives else "the derive alone:")
        results = {}
        for name, source in sources(rows, std_derives).items():
            crate = scratch / name
            (crate / "src").mkdir(parents=True, exist_ok=True)
            (crate / "Cargo.toml").write_text(cargo_toml(name))
            (crate / "src" / "lib.rs").write_text(source)
            env = dict(os.environ, RUSTC_BOOTSTRAP="1")
            result = subprocess.run(
                ["cargo", "rustc", "--quiet", "--lib", "--", "-Zunpretty=expanded"],
                cwd=crate, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if result.returncode != 0:
                sys.exit(f"expanding {name} failed:\n{result.stderr[-4000:]}")
            expanded = result.stdout
            (crate / "expanded.rs").write_text(expanded)
            tokens = tree(expanded)
            added = count(generated(tokens))
            results[name] = added
            print(f"  {name:>10}: {added:>6} tokens generated "
                  f"(the whole expansion: {count(tokens)} tokens, {len(expanded.encode())} bytes)")
        for name in ("swr", "swr_kind"):
            print(f"  {name} / thiserror: {results[name] / results['thiserror']:.2f}")


if __name__ == "__main__":
    main()

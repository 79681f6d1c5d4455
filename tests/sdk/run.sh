#!/usr/bin/env bash
# Huawei Cloud's official SDKs against the registry_server example: installs the pinned Python
# and Node.js SDKs, starts the server on a free loopback port, runs one script per SDK
# (python/sdk_errors.py, node/sdk_errors.mjs) and closes with `N passed, N failed` over both.
# Exits non-zero when a check failed, a script did not finish, or the server did not start.
#
# Usage: tests/sdk/run.sh [dual|legacy]
#   dual (default): assert what the SDKs must read, the error_code/error_msg object;
#   legacy: assert what they make of the SWR array (the README's table): the server runs with
#           `--sdk-dual off`, so the SDKs get its default format, Legacy, like any client.
# SDK_SERVER_ARGS: extra arguments for registry_server, split on spaces (by default none for
#   dual, `--sdk-dual off` for legacy).
set -euo pipefail
export CARGO_TERM_COLOR=never

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."

expect="${1:-dual}"
case "$expect" in
    dual | legacy) ;;
    *)
        echo "usage: tests/sdk/run.sh [dual|legacy]" >&2
        exit 2
        ;;
esac
# Split on purpose: the variable holds a list of arguments.
default_args=""
if [[ "$expect" == legacy ]]; then
    default_args="--sdk-dual off"
fi
read -r -a server_args <<<"${SDK_SERVER_ARGS-$default_args}"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# A signal ends the script through `exit`, so the EXIT trap still stops the server.
trap 'exit 130' INT
trap 'exit 143' TERM

started=$SECONDS
target_dir="$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"

# Python: a venv kept in target/ (reused between runs), the pins installed without their
# declared dependencies, then `pip check`: a transitive dependency missing from the pins fails
# here rather than being resolved anew on each run.
venv="$target_dir/sdk-venv"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet --no-deps \
    -r tests/sdk/python/requirements.txt
if ! "$venv/bin/python" -m pip check --disable-pip-version-check >"$work/pip-check" 2>&1; then
    cat "$work/pip-check" >&2
    exit 1
fi

# Node.js: exactly the lock file's tree.
(cd tests/sdk/node && npm ci --no-audit --no-fund --loglevel=error)
installed=$SECONDS

# The whole workspace's features, as `cargo test --workspace --all-features` builds them, so that
# after it nothing but the example links anew.
cargo build --quiet --workspace --all-features --example registry_server
built=$SECONDS

"$target_dir/debug/examples/registry_server" --addr 127.0.0.1:0 "${server_args[@]}" \
    >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
url=""
for _ in $(seq 100); do
    url="$(sed -n 's|^registry_server listening on \(http://[^ ]*\).*|\1|p' "$work/server.out")"
    if [[ -n "$url" ]] || ! kill -0 "$server_pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if [[ -z "$url" ]]; then
    echo "tests/sdk/run.sh: registry_server did not start:" >&2
    cat "$work/server.out" "$work/server.err" >&2
    exit 1
fi
echo "sdk: $(cat "$work/server.out")"

# The SDKs write an application id under $HOME/.huaweicloud: keep it in the temporary folder.
mkdir "$work/home"
passed=0
failed=0
status=0
run_script() {
    local name="$1"
    shift
    local out="$work/$name.out"
    local rc=0
    HOME="$work/home" "$@" "$url" --expect "$expect" >"$out" 2>&1 || rc=$?
    cat "$out"
    local counts
    counts="$(sed -n "s/^$name: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p" "$out" | tail -n 1)"
    if [[ -z "$counts" ]]; then
        # The script ended before its closing line: count the script itself as one failure.
        echo "FAIL $name: sdk_errors ended (exit $rc) before its closing line"
        counts="0 1"
    fi
    local p f
    read -r p f <<<"$counts"
    passed=$((passed + p))
    failed=$((failed + f))
    if [[ "$rc" -ne 0 ]]; then
        status=1
    fi
}
run_script python "$venv/bin/python" tests/sdk/python/sdk_errors.py
run_script node node tests/sdk/node/sdk_errors.mjs
if ((failed > 0 || passed == 0)); then
    status=1
fi

echo "sdk: installs $((installed - started)) s, build $((built - installed)) s, checks $((SECONDS - built)) s"
echo "${passed} passed, ${failed} failed"
exit "$status"

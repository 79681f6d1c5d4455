#!/usr/bin/env python3
"""The registry API of registry_server against the reference registry (distribution 2.8,
Debian's docker-registry) and a real client (skopeo).

Starts both servers on free loopback ports (the reference with an empty filesystem store in a
temporary directory and deletes disabled, its default), sends each the same requests and compares
the answers: status, media type, the Docker-Distribution-Api-Version header, the headers a client
reads (Allow, Range, Docker-Content-Digest, Content-Length of a HEAD) and the body (JSON compared
as values, text byte for byte). Then skopeo, against both: an image this script builds (an OCI
layout with one layer) copied in and back out unchanged, the same image inspected with the same
digest, and a missing image inspected with the same error text, host aside.

Prints one line per case and closes with `N passed, N failed`; exits non-zero on a failure.

Usage: tests/oci/compare.py [--server PATH] [--registry PATH] [--skopeo PATH]
  --server    the registry_server example binary (default: target/debug/examples/registry_server)
  --registry  the reference (default: docker-registry on PATH)
  --skopeo    skopeo (default: skopeo on PATH)
"""

import argparse
import gzip
import hashlib
import http.client
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time

ZERO = "sha256:" + "0" * 64
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One registry, reached over loopback only."""

    def __init__(self, label, host, port):
        self.label, self.host, self.port = label, host, port

    @property
    def address(self):
        return f"{self.host}:{self.port}"

    def send(self, method, path, body=b"", headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            data = response.read()
            return Answer(response.status, response.getheaders(), data)
        finally:
            conn.close()


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())

    def media_type(self):
        value = self.header("content-type")
        return value.split(";")[0].strip() if value else None

    def location(self):
        """The Location header as a path with its query (the reference sends a full URL)."""
        value = self.header("location") or ""
        return re.sub(r"^https?://[^/]+", "", value)

    def shape(self, keys):
        """What is compared: the status, the media type, the API version and `keys`, the body."""
        body = self.body
        if self.media_type() == "application/json" and body:
            try:
                body = json.loads(body)
            except ValueError:
                pass
        elif isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        return {
            "status": self.status,
            "media type": self.media_type(),
            "api version": self.header("docker-distribution-api-version"),
            "headers": {key: self.header(key) for key in keys},
            "body": body,
        }


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, why=""):
        if ok:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}: {why}")


def compare(results, name, reference, ours, keys=(), expect=None):
    """The same answer from both; `expect` checks the reference's answer itself (status, code)."""
    want, got = reference.shape(keys), ours.shape(keys)
    if want != got:
        results.check(name, False, f"\n  reference: {want}\n  ours:      {got}")
        return
    if expect is not None:
        status, code = expect
        body = want["body"]
        sent = body["errors"][0]["code"] if isinstance(body, dict) and "errors" in body else None
        if (want["status"], sent) != (status, code):
            results.check(name, False, f"expected {status} {code}, both sent {want['status']} {sent}")
            return
    results.check(name, True)


def both(results, servers, name, method, path, body=b"", headers=None, keys=(), expect=None):
    reference, ours = (server.send(method, path, body, headers) for server in servers)
    compare(results, name, reference, ours, keys, expect)
    return reference, ours


def upload(server, repo, content):
    """Pushes `content` as a blob of `repo` (POST, PATCH, PUT): its digest."""
    digest = "sha256:" + hashlib.sha256(content).hexdigest()
    started = server.send("POST", f"/v2/{repo}/blobs/uploads/")
    octets = {"Content-Type": "application/octet-stream"}
    patched = server.send("PATCH", started.location(), content, octets)
    done = server.send("PUT", with_query(patched.location(), f"digest={digest}"), b"", octets)
    if done.status != 201:
        raise RuntimeError(f"{server.label}: upload failed: {done.status} {done.body!r}")
    return digest


def with_query(location, query):
    return f"{location}{'&' if '?' in location else '?'}{query}"


def api_cases(results, servers):
    reference, ours = servers
    octets = {"Content-Type": "application/octet-stream"}
    oci = {"Content-Type": "application/vnd.oci.image.manifest.v1+json"}

    both(results, servers, "GET /v2/", "GET", "/v2/")
    both(results, servers, "GET an unknown tag", "GET", "/v2/nosuch/repo/manifests/latest",
         expect=(404, "MANIFEST_UNKNOWN"))
    both(results, servers, "HEAD an unknown tag", "HEAD", "/v2/nosuch/repo/manifests/latest")
    both(results, servers, "GET an unknown blob", "GET", f"/v2/nosuch/repo/blobs/{ZERO}",
         expect=(404, "BLOB_UNKNOWN"))
    both(results, servers, "HEAD an unknown blob", "HEAD", f"/v2/nosuch/repo/blobs/{ZERO}")
    both(results, servers, "GET the tags of an unknown repository", "GET", "/v2/nosuch/tags/list",
         expect=(404, "NAME_UNKNOWN"))
    both(results, servers, "DELETE a manifest (deletes disabled)", "DELETE",
         f"/v2/nosuch/repo/manifests/{ZERO}", expect=(405, "UNSUPPORTED"))
    both(results, servers, "DELETE a blob (deletes disabled)", "DELETE",
         f"/v2/nosuch/repo/blobs/{ZERO}", expect=(405, "UNSUPPORTED"))
    both(results, servers, "PUT a manifest that is not JSON", "PUT",
         "/v2/nosuch/repo/manifests/latest", b"{bad", oci, expect=(400, "MANIFEST_INVALID"))
    both(results, servers, "PUT a manifest that is no manifest", "PUT",
         "/v2/nosuch/repo/manifests/latest", b"{}", {"Content-Type": "application/json"},
         expect=(400, "MANIFEST_INVALID"))
    both(results, servers, "GET a blob by a digest that does not parse", "GET",
         "/v2/nosuch/repo/blobs/sha256:abc", expect=(400, "DIGEST_INVALID"))
    both(results, servers, "GET a path of no route", "GET", "/v2/nosuch/repo/blobs/notadigest")
    both(results, servers, "GET a repository name out of the grammar", "GET",
         "/v2/NoSuch/manifests/latest")
    both(results, servers, "POST to a manifest", "POST", "/v2/nosuch/repo/manifests/latest",
         keys=("allow",))
    both(results, servers, "POST to a tags list", "POST", "/v2/nosuch/tags/list", keys=("allow",))
    for method in ("GET", "PATCH", "PUT", "DELETE"):
        both(results, servers, f"{method} an unknown upload", method,
             "/v2/nosuch/repo/blobs/uploads/abc", expect=(404, "BLOB_UPLOAD_INVALID"))
    both(results, servers, "GET the uploads endpoint", "GET", "/v2/nosuch/repo/blobs/uploads/",
         expect=(404, "BLOB_UPLOAD_UNKNOWN"))

    # An upload, step by step on each server, following each one's Location.
    content = b"hello"
    digest = "sha256:" + hashlib.sha256(content).hexdigest()
    started = [server.send("POST", "/v2/acme/app/blobs/uploads/") for server in servers]
    compare(results, "POST an upload", *started, keys=("range", "content-length"))
    results.check("an upload has a Location and an id",
                  all(a.location() and a.header("docker-upload-uuid") for a in started),
                  [a.headers for a in started])
    patched = [s.send("PATCH", a.location(), content, octets) for s, a in zip(servers, started)]
    compare(results, "PATCH a chunk", *patched, keys=("range",))
    status = [s.send("GET", a.location()) for s, a in zip(servers, patched)]
    compare(results, "GET an upload's state", *status, keys=("range",))
    for name, query, detail in (
        ("a wrong digest", f"digest={ZERO}", "DIGEST_INVALID"),
        ("no digest", "", "DIGEST_INVALID"),
        ("a digest that does not parse", "digest=notadigest", "DIGEST_INVALID"),
    ):
        answers = [
            s.send("PUT", with_query(a.location(), query) if query else a.location(), b"", octets)
            for s, a in zip(servers, patched)
        ]
        compare(results, f"PUT an upload with {name}", *answers, expect=(400, detail))
    done = [
        s.send("PUT", with_query(a.location(), f"digest={digest}"), b"", octets)
        for s, a in zip(servers, patched)
    ]
    compare(results, "PUT an upload with its digest", *done,
            keys=("docker-content-digest", "content-length"))
    both(results, servers, "HEAD the blob", "HEAD", f"/v2/acme/app/blobs/{digest}",
         keys=("docker-content-digest", "content-length"))
    both(results, servers, "GET the blob", "GET", f"/v2/acme/app/blobs/{digest}",
         keys=("docker-content-digest",))
    both(results, servers, "GET the tags of a repository with blobs only", "GET",
         "/v2/acme/app/tags/list", expect=(404, "NAME_UNKNOWN"))

    # Manifests: one naming a config the repository lacks, then one it has.
    config = json.dumps({"architecture": "amd64", "os": "linux",
                         "rootfs": {"type": "layers", "diff_ids": []}}).encode()
    config_digest = [upload(server, "acme/app", config) for server in servers][0]

    def manifest(config_ref):
        return json.dumps({
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                       "digest": config_ref, "size": len(config)},
            "layers": [],
        }).encode()

    both(results, servers, "PUT a manifest naming a missing config", "PUT",
         "/v2/acme/app/manifests/v1", manifest(ZERO), oci, expect=(400, "MANIFEST_BLOB_UNKNOWN"))
    both(results, servers, "PUT a manifest", "PUT", "/v2/acme/app/manifests/v1",
         manifest(config_digest), oci, keys=("docker-content-digest",))
    both(results, servers, "GET an OCI manifest without accepting it", "GET",
         "/v2/acme/app/manifests/v1", expect=(404, "MANIFEST_UNKNOWN"))
    accept = {"Accept": "application/vnd.docker.distribution.manifest.v2+json, "
                        "application/vnd.oci.image.manifest.v1+json; q=0.9"}
    both(results, servers, "GET the manifest by tag", "GET", "/v2/acme/app/manifests/v1",
         headers=accept, keys=("docker-content-digest",))
    manifest_digest = "sha256:" + hashlib.sha256(manifest(config_digest)).hexdigest()
    both(results, servers, "GET the manifest by digest", "GET",
         f"/v2/acme/app/manifests/{manifest_digest}", headers=accept,
         keys=("docker-content-digest",))
    both(results, servers, "HEAD the manifest", "HEAD", f"/v2/acme/app/manifests/{manifest_digest}",
         headers=accept, keys=("docker-content-digest", "content-length"))
    both(results, servers, "GET an unknown digest of a repository", "GET",
         f"/v2/acme/app/manifests/{ZERO}", expect=(404, "MANIFEST_UNKNOWN"))
    both(results, servers, "GET the tags", "GET", "/v2/acme/app/tags/list")


def build_image(root):
    """An OCI layout at `root` with one image, tagged v1: its manifest's digest."""
    blobs = os.path.join(root, "blobs", "sha256")
    os.makedirs(blobs)

    def blob(data):
        digest = hashlib.sha256(data).hexdigest()
        with open(os.path.join(blobs, digest), "wb") as out:
            out.write(data)
        return "sha256:" + digest, len(data)

    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w") as archive:
        data = b"hello from swr-errors\n"
        info = tarfile.TarInfo("hello.txt")
        info.size, info.mtime = len(data), 0
        archive.addfile(info, io.BytesIO(data))
    layer, layer_size = blob(gzip.compress(tar.getvalue(), mtime=0))
    diff_id = "sha256:" + hashlib.sha256(tar.getvalue()).hexdigest()
    config, config_size = blob(json.dumps({
        "architecture": "amd64", "os": "linux", "config": {},
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    }).encode())
    manifest, manifest_size = blob(json.dumps({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                   "digest": config, "size": config_size},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                    "digest": layer, "size": layer_size}],
    }).encode())
    with open(os.path.join(root, "index.json"), "w") as out:
        json.dump({"schemaVersion": 2, "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": manifest, "size": manifest_size,
            "annotations": {"org.opencontainers.image.ref.name": "v1"},
        }]}, out)
    with open(os.path.join(root, "oci-layout"), "w") as out:
        out.write('{"imageLayoutVersion":"1.0.0"}')
    return manifest


def blobs_of(root):
    return sorted(os.listdir(os.path.join(root, "blobs", "sha256")))


def skopeo_cases(results, servers, skopeo, work):
    image = os.path.join(work, "image")
    manifest = build_image(image)
    policy = os.path.join(work, "policy.json")
    with open(policy, "w") as out:
        json.dump({"default": [{"type": "insecureAcceptAnything"}]}, out)
    base = [skopeo, "--policy", policy, "--insecure-policy"]

    def run(*args):
        env = dict(os.environ, HOME=work, XDG_RUNTIME_DIR=work)
        return subprocess.run(base + list(args), capture_output=True, text=True, env=env,
                              timeout=120)

    inspected = {}
    errors = {}
    for server in servers:
        ref = f"docker://{server.address}/acme/skopeo:v1"
        pushed = run("copy", "--dest-tls-verify=false", f"oci:{image}:v1", ref)
        results.check(f"skopeo copy in ({server.label})", pushed.returncode == 0, pushed.stderr)
        out = os.path.join(work, f"out-{server.label}")
        pulled = run("copy", "--src-tls-verify=false", ref, f"oci:{out}:v1")
        same = pulled.returncode == 0 and blobs_of(out) == blobs_of(image)
        results.check(f"skopeo copy out, unchanged ({server.label})", same,
                      pulled.stderr or f"{blobs_of(out)} != {blobs_of(image)}")
        shown = run("inspect", "--tls-verify=false", ref)
        digest = json.loads(shown.stdout).get("Digest") if shown.returncode == 0 else None
        results.check(f"skopeo inspect has the image's digest ({server.label})",
                      digest == manifest, shown.stderr or f"{digest} != {manifest}")
        inspected[server.label] = digest
        missing = run("inspect", "--tls-verify=false",
                      f"docker://{server.address}/acme/missing:latest")
        text = missing.stderr.strip().splitlines()[-1] if missing.stderr.strip() else ""
        # The error, without the log prefix and the host.
        text = re.sub(r'^time="[^"]*" level=\w+ msg=', "", text).replace(server.address, "HOST")
        errors[server.label] = (missing.returncode, text)
    (ref_code, ref_text), (our_code, our_text) = errors.values()
    results.check("skopeo inspect of a missing image: the same error, host aside",
                  ref_code == our_code != 0 and ref_text == our_text
                  and "manifest unknown: manifest unknown" in our_text,
                  f"\n  reference: {ref_code} {ref_text}\n  ours:      {our_code} {our_text}")


def wait_ready(server, process, what):
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            if server.send("GET", "/v2/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not answer on {server.address}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=os.path.join(
        REPO_ROOT, "target", "debug", "examples", "registry_server"))
    parser.add_argument("--registry", default=shutil.which("docker-registry") or "docker-registry")
    parser.add_argument("--skopeo", default=shutil.which("skopeo") or "skopeo")
    args = parser.parse_args()

    results = Results()
    processes = []
    work = tempfile.mkdtemp(prefix="oci-compare-")
    try:
        port = free_port()
        config = os.path.join(work, "config.yml")
        with open(config, "w") as out:
            out.write(
                "version: 0.1\n"
                "log:\n  level: error\n"
                f"storage:\n  filesystem:\n    rootdirectory: {work}/store\n"
                "  delete:\n    enabled: false\n"
                f"http:\n  addr: 127.0.0.1:{port}\n"
            )
        reference_log = open(os.path.join(work, "reference.log"), "w")
        reference = subprocess.Popen([args.registry, "serve", config],
                                     stdout=reference_log, stderr=subprocess.STDOUT)
        processes.append(reference)
        ours = subprocess.Popen([args.server, "--addr", "127.0.0.1:0"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        processes.append(ours)
        line = ours.stdout.readline()
        found = re.search(r"listening on http://(127\.0\.0\.1):(\d+)", line)
        if not found:
            raise RuntimeError(f"registry_server did not start: {line!r}")
        servers = (Server("reference", "127.0.0.1", port),
                   Server("registry_server", found.group(1), int(found.group(2))))
        wait_ready(servers[0], reference, "docker-registry")
        wait_ready(servers[1], ours, "registry_server")

        api_cases(results, servers)
        skopeo_cases(results, servers, args.skopeo, work)
    except Exception as err:  # a setup failure is one failed case, and the run still closes
        results.check("setup", False, repr(err))
    finally:
        for process in processes:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Huawei Cloud's Python SDK (huaweicloudsdkswr) against the registry_server example.

Usage: sdk_errors.py URL [--expect dual|legacy]

Calls the server through the official client and asserts what its exceptions hold: the status,
the error code, the message and the request id. The server is the judge of neither: the
expected codes and messages are the catalogue's, and the request id is the one this script sent
(the server echoes a valid `X-Request-Id`) or, when it sent none, the one the response carried.

`--expect dual` (the default) is what the SDK must see: the error_code/error_msg object.
`--expect legacy` asserts what the SDK makes of the SWR array instead (the status where the
code should be, the raw body as the message); the README's table of what each SDK sees comes
from both runs.

Prints one line per check and closes with `python: N passed, N failed`; exits 1 when a check
failed (or none ran), 2 on a usage error.
"""

import json
import re
import secrets
import sys
import traceback

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkcore.http.http_handler import HttpHandler
from huaweicloudsdkswr.v2 import (
    CreateNamespaceRequest,
    CreateNamespaceRequestBody,
    ShowNamespaceRequest,
    ShowRepositoryRequest,
    SwrClient,
)

# The mock verifies no signature; these only have to be well-formed.
FAKE_AK = "SWRERRORSTESTAK00000"
FAKE_SK = "swr-errors-test-secret-key-not-a-real-one"
FAKE_PROJECT_ID = "0123456789abcdef0123456789abcdef"

# A request id the server generated: 32 lower-case hex digits.
GENERATED_ID = re.compile(r"^[0-9a-f]{32}$")


class Wire:
    """What went over the socket: the X-Request-Id to send on the next call (None: send none)
    and the one the last response carried, read by an HTTP handler apart from the SDK's own
    exception parsing."""

    def __init__(self):
        self.send_id = None
        self.received_id = None

    def on_request(self, **kwargs):
        # The signature is computed before this runs; the mock does not check it.
        if self.send_id is not None:
            kwargs["request"].header_params["X-Request-Id"] = self.send_id

    def on_response(self, **kwargs):
        self.received_id = kwargs["response"].headers.get("X-Request-Id")


def make_client(url, wire):
    config = HttpConfig.get_default_config()
    config.timeout = 10
    handler = HttpHandler().add_request_handler(wire.on_request).add_response_handler(wire.on_response)
    return (
        SwrClient.new_builder()
        .with_http_config(config)
        .with_credentials(BasicCredentials(FAKE_AK, FAKE_SK, FAKE_PROJECT_ID))
        .with_endpoint(url)
        .with_http_handler(handler)
        .build()
    )


def require(condition, message):
    """An assertion that `python -O` keeps."""
    if not condition:
        raise AssertionError(message)


def legacy_body(code, message):
    """The SWR array exactly as the server writes it."""
    return json.dumps([{"errorCode": code, "errorMessage": message, "detail": ""}], separators=(",", ":"))


class Checks:
    def __init__(self, url, expect):
        self.wire = Wire()
        self.client = make_client(url, self.wire)
        self.expect = expect
        self.passed = 0
        self.failed = 0

    def run(self, name, check):
        try:
            check()
        except AssertionError as err:
            self.failed += 1
            print(f"FAIL python: {name}\n    {err}", flush=True)
        except Exception:  # the SDK raising something else fails the check too, with its trace
            self.failed += 1
            print(f"FAIL python: {name}", flush=True)
            traceback.print_exc(file=sys.stdout)
        else:
            self.passed += 1
            print(f"ok   python: {name}", flush=True)

    def fails(self, call, status, code, message, send_id):
        """Runs `call`, which must raise ClientRequestException for `status` with what the SDK
        reads from a body carrying `code` and `message` in the expected format."""
        self.wire.send_id = send_id
        self.wire.received_id = None
        err = None
        try:
            call()
        except ClientRequestException as caught:
            err = caught
        finally:
            self.wire.send_id = None
        if err is None:
            raise AssertionError(f"expected ClientRequestException {status} {code}, the call succeeded")
        if self.expect == "dual":
            want_code, want_msg = code, message
        else:
            # Not a JSON object: the SDK falls back to the status and the raw body.
            want_code, want_msg = str(status), legacy_body(code, message)
        require(err.status_code == status, f"status {err.status_code!r}, want {status}")
        require(err.error_code == want_code, f"error_code {err.error_code!r}, want {want_code!r}")
        require(err.error_msg == want_msg, f"error_msg {err.error_msg!r}, want {want_msg!r}")
        want_id = send_id if send_id is not None else self.wire.received_id
        require(want_id, "the response carried no X-Request-Id")
        require(err.request_id == want_id, f"request_id {err.request_id!r}, want {want_id!r}")
        return err

    def fresh_id(self, what):
        return f"sdk-python-{what}-{secrets.token_hex(4)}"

    def missing_namespace(self):
        self.fails(
            lambda: self.client.show_namespace(ShowNamespaceRequest(namespace="nope")),
            404, "SVCSTG.SWR.4040058", "The organization does not exist.", self.fresh_id("missing"),
        )

    def existing_namespace(self):
        body = CreateNamespaceRequestBody(namespace="taken")
        self.fails(
            lambda: self.client.create_namespace(CreateNamespaceRequest(body=body)),
            409, "SVCSTG.SWR.4090060", "The organization already exists.", self.fresh_id("exists"),
        )

    def invalid_name_in_path(self):
        # The SDK percent-encodes the path parameter; the server decodes it before the check.
        self.fails(
            lambda: self.client.show_namespace(ShowNamespaceRequest(namespace="Bad Name")),
            400, "SVCSTG.SWR.4001028", "Invalid organization name.", self.fresh_id("badpath"),
        )

    def invalid_name_in_body(self):
        body = CreateNamespaceRequestBody(namespace="1bad")
        self.fails(
            lambda: self.client.create_namespace(CreateNamespaceRequest(body=body)),
            400, "SVCSTG.SWR.4001028", "Invalid organization name.", self.fresh_id("badbody"),
        )

    def missing_repository(self):
        self.fails(
            lambda: self.client.show_repository(ShowRepositoryRequest(namespace="acme", repository="nope")),
            404, "SVCSTG.SWR.4040113", "The image does not exist.", self.fresh_id("norepo"),
        )

    def generated_request_id(self):
        first = self.fails(
            lambda: self.client.show_namespace(ShowNamespaceRequest(namespace="nope")),
            404, "SVCSTG.SWR.4040058", "The organization does not exist.", None,
        )
        second = self.fails(
            lambda: self.client.show_namespace(ShowNamespaceRequest(namespace="nope")),
            404, "SVCSTG.SWR.4040058", "The organization does not exist.", None,
        )
        for err in (first, second):
            require(GENERATED_ID.match(err.request_id or ""), f"request_id {err.request_id!r} is no generated id")
        require(first.request_id != second.request_id, "two requests got the same generated id")

    def show_existing(self):
        response = self.client.show_namespace(ShowNamespaceRequest(namespace="acme"))
        require(response.status_code == 200, f"status {response.status_code!r}")
        require((response.name, response.id, response.creator_name) == ("acme", 1, "swr-errors"), str(response))

    def create_then_show(self):
        body = CreateNamespaceRequestBody(namespace="made-by-python")
        created = self.client.create_namespace(CreateNamespaceRequest(body=body))
        require(created.status_code == 201, f"status {created.status_code!r}")
        shown = self.client.show_namespace(ShowNamespaceRequest(namespace="made-by-python"))
        require(shown.name == "made-by-python", str(shown))


def main(argv):
    args = argv[1:]
    expect = "dual"
    if len(args) == 3 and args[1] == "--expect" and args[2] in ("dual", "legacy"):
        expect = args[2]
    elif len(args) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    checks = Checks(args[0], expect)
    print(f"python: huaweicloudsdkswr against {args[0]}, expecting the {expect} body", flush=True)
    checks.run("show a missing organisation: 404 SVCSTG.SWR.4040058", checks.missing_namespace)
    checks.run("create an existing organisation: 409 SVCSTG.SWR.4090060", checks.existing_namespace)
    checks.run("show an invalid name: 400 SVCSTG.SWR.4001028", checks.invalid_name_in_path)
    checks.run("create an invalid name: 400 SVCSTG.SWR.4001028", checks.invalid_name_in_body)
    checks.run("show a missing repository: 404 SVCSTG.SWR.4040113", checks.missing_repository)
    checks.run("the server's own request id reaches the exception", checks.generated_request_id)
    checks.run("show an existing organisation: 200", checks.show_existing)
    checks.run("create an organisation, then show it: 201, 200", checks.create_then_show)
    print(f"python: {checks.passed} passed, {checks.failed} failed", flush=True)
    return 0 if checks.failed == 0 and checks.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

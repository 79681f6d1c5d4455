// Huawei Cloud's Node.js SDK (@huaweicloud/huaweicloud-sdk-swr) against the registry_server
// example.
//
// Usage: node sdk_errors.mjs URL [--expect dual|legacy]
//
// Calls the server through the official client and asserts what its exceptions hold: the
// status, the error code, the message and the request id. The server is the judge of none of
// them: the expected codes and messages are the catalogue's, and the request id is the one this
// script sent (the server echoes a valid `X-Request-Id`) or, when it sent none, one of the
// server's generated ids, different on each call.
//
// `--expect dual` (the default) is what the SDK must see: the error_code/error_msg object.
// `--expect legacy` asserts what the SDK makes of the SWR array instead (no code at all, and
// axios's own "Request failed with status code N" as the message); the README's table of what
// each SDK sees comes from both runs.
//
// Prints one line per check and closes with `node: N passed, N failed`; exits 1 when a check
// failed (or none ran), 2 on a usage error. SDK_VERBOSE=1 keeps the SDK's own error log.

import { randomBytes } from "node:crypto";
import core from "@huaweicloud/huaweicloud-sdk-core";
import swr from "@huaweicloud/huaweicloud-sdk-swr";
// The exception classes are not in the package's public entry point; the SDK throws these.
import clientRequest from "@huaweicloud/huaweicloud-sdk-core/exception/ClientRequestException.js";
// The SDK logs every error response, whole, to stdout at ERROR; that log is its only switch.
import log4j from "@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger.js";

// The mock verifies no signature; these only have to be well-formed.
const FAKE_AK = "SWRERRORSTESTAK00000";
const FAKE_SK = "swr-errors-test-secret-key-not-a-real-one";
const FAKE_PROJECT_ID = "0123456789abcdef0123456789abcdef";

// A request id the server generated: 32 lower-case hex digits.
const GENERATED_ID = /^[0-9a-f]{32}$/;

const USAGE = "usage: node sdk_errors.mjs URL [--expect dual|legacy]";

function client(url, sendId) {
  const builder = swr.SwrClient.newBuilder()
    .withCredential(
      new core.BasicCredentials().withAk(FAKE_AK).withSk(FAKE_SK).withProjectId(FAKE_PROJECT_ID),
    )
    .withEndpoint(url);
  // The Node SDK takes extra headers per client, so a call that sends an id gets its own.
  const axiosRequestConfig = { timeout: 10_000 };
  if (sendId !== undefined) {
    axiosRequestConfig.headers = { "X-Request-Id": sendId };
  }
  return builder.withOptions({ axiosRequestConfig }).build();
}

// A check that did not hold, told apart from the SDK throwing something unexpected.
class CheckFailed extends Error {}

function assertEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new CheckFailed(`${what} ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`);
  }
}

function freshId(what) {
  return `sdk-node-${what}-${randomBytes(4).toString("hex")}`;
}

class Checks {
  constructor(url, expect) {
    this.url = url;
    this.expect = expect;
    this.passed = 0;
    this.failed = 0;
  }

  async run(name, check) {
    try {
      await check();
      this.passed += 1;
      console.log(`ok   node: ${name}`);
    } catch (err) {
      this.failed += 1;
      console.log(`FAIL node: ${name}`);
      // A failed check says what it saw; anything else is shown whole, with its stack.
      console.log(err instanceof CheckFailed ? `    ${err.message}` : err);
    }
  }

  // Runs `call(client)`, which must reject with ClientRequestException for `status` with what
  // the SDK reads from a body carrying `code` and `message` in the expected format.
  async fails(call, status, code, message, sendId) {
    let err;
    try {
      await call(client(this.url, sendId), swr);
    } catch (caught) {
      err = caught;
    }
    if (err === undefined) {
      throw new CheckFailed(`expected ClientRequestException ${status} ${code}, the call succeeded`);
    }
    if (!(err instanceof clientRequest.ClientRequestException)) {
      throw err;
    }
    // Not a JSON object: the SDK finds no code, and keeps axios's message.
    const [wantCode, wantMsg] =
      this.expect === "dual"
        ? [code, message]
        : [undefined, `Request failed with status code ${status}`];
    assertEqual(err.httpStatusCode, status, "httpStatusCode");
    assertEqual(err.errorCode, wantCode, "errorCode");
    assertEqual(err.errorMsg, wantMsg, "errorMsg");
    if (sendId !== undefined) {
      assertEqual(err.requestId, sendId, "requestId");
    } else if (!GENERATED_ID.test(err.requestId ?? "")) {
      throw new CheckFailed(`requestId ${JSON.stringify(err.requestId)} is no generated id`);
    }
    return err;
  }
}

const showNamespace = (namespace) => (c, m) =>
  c.showNamespace(new m.ShowNamespaceRequest().withNamespace(namespace));
const createNamespace = (namespace) => (c, m) =>
  c.createNamespace(
    new m.CreateNamespaceRequest().withBody(new m.CreateNamespaceRequestBody().withNamespace(namespace)),
  );
const showRepository = (namespace, repository) => (c, m) =>
  c.showRepository(new m.ShowRepositoryRequest().withNamespace(namespace).withRepository(repository));

async function main(args) {
  let expect = "dual";
  if (args.length === 3 && args[1] === "--expect" && ["dual", "legacy"].includes(args[2])) {
    expect = args[2];
  } else if (args.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  if (process.env.SDK_VERBOSE !== "1") {
    log4j.Logger4jInstance.level = "off";
  }
  const url = args[0];
  const checks = new Checks(url, expect);
  console.log(`node: @huaweicloud/huaweicloud-sdk-swr against ${url}, expecting the ${expect} body`);

  await checks.run("show a missing organisation: 404 SVCSTG.SWR.4040058", () =>
    checks.fails(showNamespace("nope"), 404, "SVCSTG.SWR.4040058", "The organization does not exist.", freshId("missing")),
  );
  await checks.run("create an existing organisation: 409 SVCSTG.SWR.4090060", () =>
    checks.fails(createNamespace("taken"), 409, "SVCSTG.SWR.4090060", "The organization already exists.", freshId("exists")),
  );
  // The SDK percent-encodes the path parameter; the server decodes it before the check.
  await checks.run("show an invalid name: 400 SVCSTG.SWR.4001028", () =>
    checks.fails(showNamespace("Bad Name"), 400, "SVCSTG.SWR.4001028", "Invalid organization name.", freshId("badpath")),
  );
  await checks.run("create an invalid name: 400 SVCSTG.SWR.4001028", () =>
    checks.fails(createNamespace("1bad"), 400, "SVCSTG.SWR.4001028", "Invalid organization name.", freshId("badbody")),
  );
  await checks.run("show a missing repository: 404 SVCSTG.SWR.4040113", () =>
    checks.fails(showRepository("acme", "nope"), 404, "SVCSTG.SWR.4040113", "The image does not exist.", freshId("norepo")),
  );
  await checks.run("the server's own request id reaches the exception", async () => {
    const first = await checks.fails(showNamespace("nope"), 404, "SVCSTG.SWR.4040058", "The organization does not exist.");
    const second = await checks.fails(showNamespace("nope"), 404, "SVCSTG.SWR.4040058", "The organization does not exist.");
    if (first.requestId === second.requestId) {
      throw new CheckFailed(`two requests got the same generated id ${first.requestId}`);
    }
  });
  await checks.run("show an existing organisation: 200", async () => {
    const shown = await showNamespace("acme")(client(url), swr);
    assertEqual(shown.httpStatusCode, 200, "httpStatusCode");
    assertEqual(shown.name, "acme", "name");
    assertEqual(shown.id, 1, "id");
    // The SDK returns the parsed body as it came, with the wire's snake_case keys.
    assertEqual(shown.creator_name, "swr-errors", "creator_name");
  });
  await checks.run("create an organisation, then show it: 201, 200", async () => {
    const created = await createNamespace("made-by-node")(client(url), swr);
    assertEqual(created.httpStatusCode, 201, "httpStatusCode");
    const shown = await showNamespace("made-by-node")(client(url), swr);
    assertEqual(shown.name, "made-by-node", "name");
  });

  console.log(`node: ${checks.passed} passed, ${checks.failed} failed`);
  return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));

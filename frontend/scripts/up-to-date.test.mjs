// `node --test scripts/up-to-date.test.mjs` (part of `npm test`): a step runs when its stamp is
// missing or its inputs changed, and is skipped otherwise; a failed step leaves no stamp.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, test } from "node:test";

import { unlessUpToDate } from "./up-to-date.mjs";

let root;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "up-to-date-"));
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src/main.ts"), "one");
  writeFileSync(join(root, "package-lock.json"), "{}");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

// The "build" counts its runs in a file and makes out/, as npm run build makes dist/.
const step = (fail = false) => ({
  what: "out/",
  inputs: ["src", "package-lock.json"],
  stamp: "out/.stamp",
  command: ["sh", "-c", `mkdir -p out && echo run >> runs${fail ? " && exit 3" : ""}`],
});
const runs = () =>
  existsSync(join(root, "runs")) ? readFileSync(join(root, "runs"), "utf8").split("\n").length - 1 : 0;

test("the first time the step runs and leaves a stamp; unchanged inputs skip it, even when touched", () => {
  assert.equal(unlessUpToDate({ root, ...step() }), true);
  assert.ok(existsSync(join(root, "out/.stamp")));
  utimesSync(join(root, "src/main.ts"), new Date(), new Date());

  assert.equal(unlessUpToDate({ root, ...step() }), false);
  assert.equal(runs(), 1);
});

test("a changed, added or removed input runs the step again", () => {
  unlessUpToDate({ root, ...step() });
  writeFileSync(join(root, "src/main.ts"), "two");
  assert.equal(unlessUpToDate({ root, ...step() }), true);
  writeFileSync(join(root, "src/other.ts"), "three");
  assert.equal(unlessUpToDate({ root, ...step() }), true);
  rmSync(join(root, "src/other.ts"));
  assert.equal(unlessUpToDate({ root, ...step() }), true);
  writeFileSync(join(root, "package-lock.json"), '{"lockfileVersion": 3}');
  assert.equal(unlessUpToDate({ root, ...step() }), true);
  assert.equal(runs(), 5);
});

test("a failed step leaves no stamp, so the next run does it again", () => {
  assert.throws(() => unlessUpToDate({ root, ...step(true) }), /failed \(exit 3\)/);
  assert.ok(!existsSync(join(root, "out/.stamp")));

  assert.equal(unlessUpToDate({ root, ...step() }), true);
  assert.equal(runs(), 2);
});

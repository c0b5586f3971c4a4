// `make run` and `make test` call this so that a restart takes seconds:
//   node scripts/up-to-date.mjs install   npm ci, unless node_modules/ was installed from this very package-lock.json
//   node scripts/up-to-date.mjs build     npm run build, unless dist/ was built from these very sources
// Each step leaves a stamp with the hash of its inputs once it succeeded (node_modules/.installed-stamp,
// dist/.build-stamp); a missing or different stamp redoes the step. npm ci and the build empty their
// folder first, so a failed step leaves no stamp behind.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const FRONTEND_DIR = fileURLToPath(new URL("..", import.meta.url));
// Everything `npm run build` reads besides node_modules/.
export const BUILD_INPUTS = [
  "src",
  "public",
  "index.html",
  "vite.config.ts",
  "tsconfig.json",
  "tsconfig.app.json",
  "tsconfig.node.json",
  "package.json",
  "package-lock.json",
  "scripts/precompress.ts",
  "scripts/first-screen.ts",
];

function* filesUnder(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* filesUnder(join(path, entry));
}

/** A hash of the names and contents of `inputs` (paths relative to `root`), in a stable order. */
export function hashInputs(root, inputs) {
  const hash = createHash("sha256");
  hash.update(`node ${process.versions.node.split(".")[0]}\n`);
  for (const input of inputs) {
    for (const file of filesUnder(join(root, input))) {
      hash.update(`${relative(root, file)}\n`);
      hash.update(readFileSync(file));
      hash.update("\n");
    }
  }
  return hash.digest("hex");
}

/** Whether the stamp at `stampPath` holds `hash`. */
export function isStamped(stampPath, hash) {
  return existsSync(stampPath) && readFileSync(stampPath, "utf8").trim() === hash;
}

function run(command, args, root) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(" ")} failed (exit ${result.status})`);
}

/** Runs `command` unless the stamp already holds the inputs' hash; stamps it afterwards. */
export function unlessUpToDate({ root, what, inputs, stamp, command }) {
  const hash = hashInputs(root, inputs);
  const stampPath = join(root, stamp);
  if (isStamped(stampPath, hash)) {
    console.log(`frontend: ${what} is up to date (${stamp}).`);
    return false;
  }
  run(command[0], command.slice(1), root);
  writeFileSync(stampPath, `${hash}\n`);
  return true;
}

export const INSTALL_STEP = {
  what: "node_modules/",
  inputs: ["package-lock.json"],
  stamp: "node_modules/.installed-stamp",
  command: ["npm", "ci", "--no-audit", "--no-fund"],
};
export const BUILD_STEP = {
  what: "dist/",
  inputs: BUILD_INPUTS,
  stamp: "dist/.build-stamp",
  command: ["npm", "run", "build"],
};
const STEPS = { install: INSTALL_STEP, build: BUILD_STEP };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const step = STEPS[process.argv[2]];
  if (!step) {
    console.error(`usage: node scripts/up-to-date.mjs ${Object.keys(STEPS).join("|")}`);
    process.exit(2);
  }
  try {
    unlessUpToDate({ root: FRONTEND_DIR, ...step });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

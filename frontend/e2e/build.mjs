// The journeys run against the built SPA, served by Django: build it when it is missing or stale.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

import { DIST_DIR, FRONTEND_DIR } from "./paths.mjs";

function newestChange(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stats.mtimeMs);
}

export function ensureBuilt() {
  const builtIndex = join(DIST_DIR, "index.html");
  const sources = ["src", "public", "index.html", "vite.config.ts", "package.json"].map((p) => join(FRONTEND_DIR, p));
  const sourceChanged = Math.max(...sources.filter(existsSync).map(newestChange));
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sourceChanged) return;
  console.log("Building the SPA (dist/ is missing or older than src/)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: FRONTEND_DIR, stdio: "inherit", timeout: 300_000 });
  if (result.status !== 0) throw new Error("npm run build failed");
}

// Prints the built size of every chunk (raw and gzipped) and the JavaScript the home page loads
// before it can show anything; fails when that exceeds the budget. Run after `npm run build`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 150 * 1024;
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
// The home route and the catalogues it needs in the default language (Arabic).
const HOME_ENTRIES = [
  "src/app/routes/home.tsx",
  "src/locales/ar/common.json",
  "src/locales/ar/errors.json",
  "src/locales/ar/salons.json",
];

let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8"));
} catch {
  console.error("dist/.vite/manifest.json is missing: run `npm run build` first.");
  process.exit(1);
}

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const content = readFileSync(join(dist, file));
    sizes.set(file, { raw: content.length, gzip: gzipSync(content, { level: 9 }).length });
  }
  return sizes.get(file);
}

/** The chunk of a manifest entry and every chunk it imports statically. */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`No chunk for ${key} in the manifest`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
const chunks = [...new Set(Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]))].sort();
const rows = chunks.map((file) => ({ file, ...sizeOf(file) })).sort((a, b) => b.gzip - a.gzip);

console.log(`${"chunk".padEnd(48)} ${"raw".padStart(10)} ${"gzip".padStart(10)}`);
for (const row of rows) console.log(`${row.file.padEnd(48)} ${kb(row.raw)} ${kb(row.gzip)}`);

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initial = new Set(closure(entry));
for (const key of HOME_ENTRIES) closure(key, initial);
const initialJs = [...initial].filter((file) => file.endsWith(".js"));
const total = initialJs.reduce(
  (sum, file) => ({ raw: sum.raw + sizeOf(file).raw, gzip: sum.gzip + sizeOf(file).gzip }),
  {
    raw: 0,
    gzip: 0,
  },
);

console.log(
  `\nHome page initial JavaScript (${initialJs.length} files): ${kb(total.raw).trim()} raw, ${kb(total.gzip).trim()} gzipped`,
);
console.log(`Budget: ${kb(BUDGET_BYTES).trim()} gzipped`);
if (total.gzip > BUDGET_BYTES) {
  console.error("Over budget.");
  process.exit(1);
}

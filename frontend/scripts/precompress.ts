// A Vite plugin: after the build, every text file of dist/ gets Brotli (`.br`) and gzip (`.gz`)
// siblings at the highest levels. WhiteNoise (Django's static files) serves the sibling the browser
// accepts, with `Content-Encoding` and `Vary: Accept-Encoding`; the SPA view does the same for
// index.html. Compressing once at build time lets us use the slow, small settings.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import type { Plugin } from "vite";

const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".html", ".json", ".svg", ".txt", ".xml", ".webmanifest"]);
// Below this, the headers cost more than the bytes saved.
const MIN_BYTES = 512;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Writes `<file>.br` and `<file>.gz` beside each compressible file of `dir`; returns how many files. */
export function precompressDirectory(dir: string): number {
  let count = 0;
  for (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(path)) || path.startsWith(join(dir, ".vite"))) continue;
    const content = readFileSync(path);
    if (content.length < MIN_BYTES) continue;
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gzip = gzipSync(content, { level: 9 });
    // Only when it is really smaller (WhiteNoise's own rule: at least 5% saved).
    if (gzip.length < content.length * 0.95) writeFileSync(`${path}.gz`, gzip);
    if (brotli.length < content.length * 0.95) writeFileSync(`${path}.br`, brotli);
    count += 1;
  }
  return count;
}

export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "salon-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const count = precompressDirectory(outDir);
      console.log(`Precompressed ${count} files (Brotli and gzip).`);
    },
  };
}

// A Vite plugin: writes dist/first-screen.json, the few strings of the SPA's catalogues that the
// server needs to render a page's first screen (its heading, the brand) in index.html before the
// JavaScript arrives (backend/apps/core/spa.py). One source for the words: the catalogues.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import type { Plugin } from "vite";

const LANGUAGES = ["ar", "en"] as const;
// Name in first-screen.json: [namespace, key path].
const STRINGS: Record<string, [string, string]> = {
  appName: ["common", "appName"],
  skipToContent: ["common", "skipToContent"],
  loading: ["common", "loading"],
  homeTitle: ["salons", "home.title"],
  homeSubtitle: ["salons", "home.subtitle"],
  salonsHeading: ["common", "nav.home"],
  place: ["salons", "place"],
};

function lookUp(catalogue: unknown, path: string): string {
  const value = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], catalogue);
  if (typeof value !== "string") throw new Error(`first-screen: no string at ${path}`);
  return value;
}

export function firstScreenStrings(): Plugin {
  let root = ".";
  let outDir = "dist";
  return {
    name: "salon-first-screen-strings",
    apply: "build",
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const strings = Object.fromEntries(
        LANGUAGES.map((language) => [
          language,
          Object.fromEntries(
            Object.entries(STRINGS).map(([name, [namespace, path]]) => {
              const file = join(root, "src/locales", language, `${namespace}.json`);
              return [name, lookUp(JSON.parse(readFileSync(file, "utf8")), path)];
            }),
          ),
        ]),
      );
      writeFileSync(join(outDir, "first-screen.json"), `${JSON.stringify(strings, null, 2)}\n`);
    },
  };
}

import { fileURLToPath, URL } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

import { firstScreenStrings } from "./scripts/first-screen";
import { precompress } from "./scripts/precompress";

// The Django server that `npm run dev` forwards API, admin and media requests to.
const backendUrl = process.env.SALON_BACKEND_URL ?? "http://127.0.0.1:8000";
const proxied = ["/api", "/admin", "/media", "/static"];

// The packages every page needs, cached together across deploys as the `vendor` chunk.
const VENDOR_PACKAGES = new Set([
  "react",
  "react-dom",
  "react-router",
  "@tanstack/react-query",
  "i18next",
  "react-i18next",
]);

/** "react-dom" for ".../node_modules/react-dom/cjs/react-dom.production.js" (the innermost package). */
function packageName(id: string): string | null {
  const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id.replaceAll("\\", "/"));
  return match?.[1] ?? null;
}

export default defineConfig({
  base: "/",
  // firstScreenStrings before precompress: the latter compresses what the build wrote (closeBundle).
  plugins: [react(), firstScreenStrings(), precompress()],
  resolve: {
    alias: [
      { find: "@", replacement: fileURLToPath(new URL("./src", import.meta.url)) },
      // Leaflet 1.9 ships an ES module build but names only its UMD one in package.json.
      { find: /^leaflet$/, replacement: "leaflet/dist/leaflet-src.esm.js" },
    ],
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: backendUrl }])),
  },
  build: {
    outDir: "dist",
    assetsDir: "assets",
    target: "es2022",
    manifest: true,
    // Every browser of our target (ES2022) but Safari before 17 preloads modules natively; there the
    // page's modules load as imported, only without the head start (and 0.3 KB off every first visit).
    modulePreload: { polyfill: false },
    // Each route is its own chunk; React, the router, TanStack Query and i18next form the shared core.
    // Any other package stays with the code that uses it (a route's library loads with that route).
    rollupOptions: {
      output: {
        manualChunks(id) {
          const name = packageName(id);
          return name !== null && VENDOR_PACKAGES.has(name) ? "vendor" : undefined;
        },
      },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/testing/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
    // Page tests render whole routes with user events; on a loaded two-core CI machine some take
    // several seconds, so the default 5 s would fail them for the machine's sake, not the code's.
    testTimeout: 20_000,
  },
});

import { fileURLToPath, URL } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The Django server that `npm run dev` forwards API, admin and media requests to.
const backendUrl = process.env.SALON_BACKEND_URL ?? "http://127.0.0.1:8000";
const proxied = ["/api", "/admin", "/media", "/static"];

export default defineConfig({
  base: "/",
  plugins: [react()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
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
    // Each route is its own chunk; React, the router, TanStack Query and i18next form the shared core.
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes("node_modules")) return "vendor";
          return undefined;
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
  },
});

// ESLint for the SPA (`npm run lint`, part of `npm test`; no warnings allowed). Prettier owns the
// formatting; these rules are about correctness, React and the one-way imports between layers:
//
//   app/ ─→ features/<feature>/ ─→ components/, hooks/, lib/, types/ (shared, no domain knowledge)
//
// A feature never imports another feature (app/ composes them), shared code (and the test helpers
// in testing/) imports no feature and no app/, and no module imports itself back through a cycle.
import { readdirSync } from "node:fs";

import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const FEATURES = readdirSync(new URL("./src/features/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const SHARED = ["components", "hooks", "lib", "types", "testing"];

const boundaries = [
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: "./src/features",
    except: [`./${feature}`],
    message: "A feature does not import another feature: compose them in app/ (routes or compositions).",
  })),
  {
    target: "./src/features",
    from: "./src/app",
    message: "Features do not import app/: app/ composes the features.",
  },
  ...SHARED.map((layer) => ({
    target: `./src/${layer}`,
    from: ["./src/features", "./src/app"],
    message: `Shared code (${layer}/) knows no feature and no app/.`,
  })),
];

export default defineConfig(
  // api.ts is generated (npm run api:types).
  globalIgnores(["dist/", "test-results/", "src/types/api.ts"]),
  js.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [react.configs.flat.recommended, react.configs.flat["jsx-runtime"], reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    settings: { react: { version: "detect" } },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      // The cycle check reads the imported modules too: TypeScript ones, with the @/ alias resolved.
      "import-x/extensions": [".ts", ".tsx"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.app.json" })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: boundaries }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-useless-path-segments": "error",
    },
  },
  {
    files: ["**/*.{js,mjs}", "vite.config.ts"],
    languageOptions: { globals: globals.node },
  },
  {
    // The journeys run in Node, but the functions they hand to page.evaluate() run in the page.
    files: ["e2e/**/*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

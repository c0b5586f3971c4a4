// The journeys run against the built SPA, served by Django: build it unless dist/ was built from
// these very sources (the same stamp `make run` uses, scripts/up-to-date.mjs).
import { BUILD_STEP, unlessUpToDate } from "../scripts/up-to-date.mjs";
import { FRONTEND_DIR } from "./paths.mjs";

export function ensureBuilt() {
  unlessUpToDate({ root: FRONTEND_DIR, ...BUILD_STEP });
}

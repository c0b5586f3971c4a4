import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const FRONTEND_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_DIR = dirname(FRONTEND_DIR);
export const DIST_DIR = join(FRONTEND_DIR, "dist");
export const RESULTS_DIR = join(FRONTEND_DIR, "test-results");
export const SCREENSHOTS_DIR = join(RESULTS_DIR, "screenshots");
// The tile URL the journeys' server gives the maps (answered in the browser, never by the server).
export const MAP_TILE_PATH = "/__tiles__/{z}/{x}/{y}.png";

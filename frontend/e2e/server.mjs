// The Django backend for the browser journeys: a throw-away SQLite database with the demo data,
// console one-time codes, the fake payment gateway, and the built SPA served by Django itself.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { MAP_TILE_PATH, REPO_DIR } from "./paths.mjs";

const PYTHON = process.env.E2E_PYTHON ?? join(REPO_DIR, ".venv/bin/python");
const MANAGE = join(REPO_DIR, "backend/manage.py");

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function manage(args, env, log, timeoutMs) {
  const result = spawnSync(PYTHON, [MANAGE, ...args], { env, encoding: "utf8", timeout: timeoutMs });
  log.write(`$ manage.py ${args.join(" ")}\n${result.stdout ?? ""}${result.stderr ?? ""}\n`);
  if (result.status !== 0) {
    throw new Error(`manage.py ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
}

async function waitForHealth(baseUrl, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health/`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health/ did not answer within ${timeoutMs / 1000} s`);
}

/** Starts the backend; `stop()` ends it and removes its files (the log is kept at `logPath`). */
export async function startBackend({ logPath }) {
  if (!existsSync(PYTHON)) throw new Error(`No Python at ${PYTHON}: run \`make install-dev\` (or set E2E_PYTHON).`);
  const workDir = mkdtempSync(join(tmpdir(), "salon-e2e-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DJANGO_DEBUG: "1",
    DATABASE_URL: `sqlite:///${join(workDir, "e2e.sqlite3")}`,
    MEDIA_ROOT: join(workDir, "media"),
    OTP_PROVIDER: "console",
    PAYMENT_PROVIDER: "fake",
    NOTIFICATION_PROVIDER: "console",
    FRONTEND_URL: baseUrl,
    // Passkeys need a host name (browsers refuse an IP address): the passkey journey uses localhost.
    WEBAUTHN_RP_ID: "localhost",
    WEBAUTHN_ORIGINS: `${baseUrl},http://localhost:${port}`,
    OTP_RESEND_COOLDOWN_SECONDS: "0",
    // The journeys sign the same demo people in many times within minutes.
    OTP_MAX_PER_WINDOW: "50",
    OTP_MAX_SENDS_PER_DAY: "500",
    OTP_IP_MAX_PER_HOUR: "5000",
    // The demo customers book in many journeys of one run.
    BOOKING_MAX_UPCOMING_PER_SALON: "50",
    BOOKING_MAX_UPCOMING_TOTAL: "100",
    // Every journey comes from 127.0.0.1: the per-address limits (docs/runbooks/security.md) would
    // refuse them; the limits themselves are tested in the backend.
    THROTTLE_ANON: "100000/m",
    THROTTLE_AUTH: "100000/m",
    THROTTLE_SEARCH: "100000/m",
    THROTTLE_AVAILABILITY: "100000/m",
    // The maps' tiles: a path of the server's own origin that every journey's browser answers
    // itself with a blank tile (fixtures.mjs, stubMapTiles); no tile server is reached.
    MAP_TILE_URL: MAP_TILE_PATH,
    LOG_LEVEL: "INFO",
    PYTHONUNBUFFERED: "1",
  };
  const log = createWriteStream(logPath);

  manage(["migrate", "--noinput"], env, log, 180_000);
  manage(["seed_demo"], env, log, 180_000);
  const server = spawn(PYTHON, [MANAGE, "runserver", `127.0.0.1:${port}`, "--noreload"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.pipe(log, { end: false });
  server.stderr.pipe(log, { end: false });

  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await Promise.race([
        new Promise((resolve) => server.once("exit", resolve)),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    await new Promise((resolve) => log.end(resolve));
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, server, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, logPath, stop };
}

/** The server log so far (one-time codes are printed there by the console provider). */
export function readLog(logPath) {
  return readFileSync(logPath, "utf8");
}

// A small fetch mock for component tests: handlers by method and path pattern ("/api/salons/:id/"),
// every request recorded. One-off answers (`once`) are used before standing ones (`on`). Requests
// nobody handles fail the way a broken network would.
import { vi } from "vitest";

export interface MockRequest {
  method: string;
  path: string;
  url: URL;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Reply = Response | Promise<Response>;
type Handler = (request: MockRequest) => Reply;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
  times: number;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function apiError(status: number, code: string, detail = "", extra: Record<string, unknown> = {}): Response {
  return json({ detail, code, ...extra }, status);
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:(\w+)/g, (_match, key: string) => {
    keys.push(key);
    return "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}$`), keys };
}

export function mockFetch() {
  const routes: Route[] = [];
  const requests: MockRequest[] = [];
  const unhandled: string[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      "http://localhost",
    );
    const method = (init.method ?? "GET").toUpperCase();
    // JSON bodies parsed; multipart ones (FormData) as they are.
    const body =
      typeof init.body === "string" && init.body
        ? (JSON.parse(init.body) as unknown)
        : init.body instanceof FormData
          ? init.body
          : undefined;
    const path = url.origin === "http://localhost" ? url.pathname : url.href.split("?")[0]!;
    // One-off answers first, then standing ones; the latest registration wins within each.
    const candidates = [...routes]
      .reverse()
      .sort((a, b) => Number(Number.isFinite(b.times)) - Number(Number.isFinite(a.times)));
    for (const route of candidates) {
      const match = route.method === method ? route.pattern.exec(path) : null;
      if (!match || route.times === 0) continue;
      route.times -= 1;
      const params = Object.fromEntries(route.keys.map((key, index) => [key, decodeURIComponent(match[index + 1]!)]));
      const request = { method, path, url, params, query: url.searchParams, headers: new Headers(init.headers), body };
      requests.push(request);
      return route.handler(request);
    }
    unhandled.push(`${method} ${path}`);
    throw new TypeError(`Unhandled request ${method} ${path}`);
  });
  vi.stubGlobal("fetch", fetchMock);

  /** `reply` is a handler, or a JSON body answered with 200. */
  function on(method: string, path: string, reply: Handler | object, times = Number.POSITIVE_INFINITY) {
    const { pattern, keys } = compile(path);
    const handler: Handler = typeof reply === "function" ? (reply as Handler) : () => json(reply);
    routes.push({ method, pattern, keys, handler, times });
  }

  return {
    /** Answers every matching request (the latest registration wins). */
    on,
    /** Answers the next matching request only. */
    once: (method: string, path: string, reply: Handler | object) => on(method, path, reply, 1),
    requests,
    unhandled,
    requestsTo: (method: string, path: string) => {
      const { pattern } = compile(path);
      return requests.filter((request) => request.method === method && pattern.test(request.path));
    },
  };
}

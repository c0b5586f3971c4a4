import { describe, expect, test, vi } from "vitest";

import { apiError, json, mockFetch } from "@/testing/fetch-mock";

import { ApiError, api, filenameFromDisposition, toApiError } from "./api-client";
import { session } from "./auth/session";
import { changeLanguage } from "./i18n";

describe("error mapping", () => {
  test("an error body becomes an ApiError with its code, message and field errors", async () => {
    const server = mockFetch();
    server.on("POST", "/api/auth/phone/request/", () =>
      apiError(400, "invalid_phone", "البيانات المدخلة غير صحيحة.", {
        errors: { phone_number: ["أدخل رقم جوال سعوديًا صحيحًا، مثل 05XXXXXXXX."] },
      }),
    );

    const error = await api.post("/api/auth/phone/request/", { phone_number: "1" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "invalid_phone",
      detail: "البيانات المدخلة غير صحيحة.",
      fieldErrors: { phone_number: ["أدخل رقم جوال سعوديًا صحيحًا، مثل 05XXXXXXXX."] },
      retryAfter: null,
    });
  });

  test("retry_after comes from the body, else from the Retry-After header", () => {
    expect(toApiError(429, { detail: "x", code: "otp_cooldown", retry_after: 42 }).retryAfter).toBe(42);
    expect(toApiError(429, { detail: "x", code: "otp_cooldown" }, "17").retryAfter).toBe(17);
  });

  test("a body that is not ours gets a code from its status", () => {
    expect(toApiError(502, "<html>Bad gateway</html>")).toMatchObject({ code: "server_error", detail: "" });
    expect(toApiError(404, undefined).code).toBe("not_found");
    expect(toApiError(429, { detail: "Slow down" }).code).toBe("throttled");
  });

  test("a network failure is an ApiError with status 0", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));

    const error = await api.get("/api/salons/").catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 0, code: "network_error" });
  });

  test("the whole body is kept for codes that carry more than a message", () => {
    const body = { detail: "x", code: "bookings_affected", affected: [{ id: 7 }] };
    expect(toApiError(409, body).body).toEqual(body);
  });

  test("204 answers resolve to undefined", async () => {
    const server = mockFetch();
    server.on("POST", "/api/auth/logout/", () => json(null, 204));

    await expect(api.post("/api/auth/logout/", {}, { auth: false })).resolves.toBeUndefined();
  });
});

describe("requests", () => {
  test("send the UI language, JSON, the query string and the access token", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/", { count: 0, next: null, previous: null, results: [] });
    session.signIn("access-1");
    await changeLanguage("en");

    await api.get("/api/bookings/", { query: { upcoming: true, page: 2, status: undefined, q: "" } });

    const [request] = server.requests;
    expect(request?.url.search).toBe("?upcoming=true&page=2");
    expect(request?.headers.get("Accept-Language")).toBe("en");
    expect(request?.headers.get("Authorization")).toBe("Bearer access-1");
  });

  test("a FormData body is sent as multipart, with the browser's Content-Type", async () => {
    const server = mockFetch();
    server.on("POST", "/api/manage/salons/3/photos/", () => json({ id: 1 }, 201));
    const form = new FormData();
    form.append("caption_ar", "الاستقبال");

    await api.post("/api/manage/salons/3/photos/", form);

    const [request] = server.requests;
    expect(request?.body).toBe(form);
    expect(request?.headers.get("Content-Type")).toBeNull();
  });

  test("PUT and DELETE send their JSON bodies", async () => {
    const server = mockFetch();
    server.on("PUT", "/api/x/", { ok: true });
    server.on("DELETE", "/api/x/", () => json(null, 204));

    await api.put("/api/x/", [{ weekday: 0 }]);
    await expect(api.delete("/api/x/", { cancel_affected: true })).resolves.toBeUndefined();

    expect(server.requests.map((r) => [r.method, r.body, r.headers.get("Content-Type")])).toEqual([
      ["PUT", [{ weekday: 0 }], "application/json"],
      ["DELETE", { cancel_affected: true }, "application/json"],
    ]);
  });

  test("public requests carry no token", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/", { count: 0, next: null, previous: null, results: [] });
    session.signIn("access-1");

    await api.get("/api/salons/", { auth: false });

    expect(server.requests[0]?.headers.get("Authorization")).toBeNull();
  });
});

describe("refreshing the access token", () => {
  test("a 401 refreshes once through the cookie and replays the request with the new token", async () => {
    const server = mockFetch();
    server.once("GET", "/api/auth/me/", () => apiError(401, "token_not_valid", "expired"));
    server.on("GET", "/api/auth/me/", { id: 2 });
    server.on("POST", "/api/auth/token/refresh/", { access: "access-2" });
    session.signIn("access-1");

    const me = await api.get<{ id: number }>("/api/auth/me/");

    expect(me).toEqual({ id: 2 });
    const refresh = server.requestsTo("POST", "/api/auth/token/refresh/");
    expect(refresh).toHaveLength(1);
    expect(refresh[0]?.headers.get("X-Auth-Cookie")).toBe("1");
    expect(refresh[0]?.body).toEqual({});
    expect(server.requestsTo("GET", "/api/auth/me/").map((r) => r.headers.get("Authorization"))).toEqual([
      "Bearer access-1",
      "Bearer access-2",
    ]);
    expect(session.getAccessToken()).toBe("access-2");
  });

  test("requests failing together share one refresh", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/:id/", ({ headers, params }) =>
      headers.get("Authorization") === "Bearer access-2"
        ? json({ id: Number(params.id) })
        : apiError(401, "token_not_valid"),
    );
    server.on("POST", "/api/auth/token/refresh/", { access: "access-2" });
    session.signIn("access-1");

    const results = await Promise.all([api.get("/api/bookings/1/"), api.get("/api/bookings/2/")]);

    expect(results).toEqual([{ id: 1 }, { id: 2 }]);
    expect(server.requestsTo("POST", "/api/auth/token/refresh/")).toHaveLength(1);
  });

  test("when the refresh is refused the session ends and sign-in is asked for", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/", () => apiError(401, "token_not_valid"));
    server.on("POST", "/api/auth/token/refresh/", () => apiError(401, "token_not_valid"));
    session.signIn("access-1");
    const onExpired = vi.fn();
    const unsubscribe = session.onExpired(onExpired);

    const error = await api.get("/api/bookings/").catch((e: unknown) => e);
    unsubscribe();

    expect(error).toMatchObject({ status: 401 });
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(session.getState()).toEqual({ status: "signed_out", accessToken: null });
    expect(server.requestsTo("GET", "/api/bookings/")).toHaveLength(1);
  });

  test("a 401 without a token is not refreshed", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/", () => apiError(401, "not_authenticated"));

    const error = await api.get("/api/bookings/").catch((e: unknown) => e);

    expect(error).toMatchObject({ code: "not_authenticated" });
    expect(server.requestsTo("POST", "/api/auth/token/refresh/")).toHaveLength(0);
  });
});

describe("downloads", () => {
  test("a file comes with the access token, refreshed once on 401, and the server's file name", async () => {
    const server = mockFetch();
    server.once("GET", "/api/manage/salons/3/balance/statement.csv", () => apiError(401, "token_not_valid"));
    server.on(
      "GET",
      "/api/manage/salons/3/balance/statement.csv",
      () =>
        new Response("a,b\r\n", {
          headers: { "Content-Disposition": 'attachment; filename="salon-statement.csv"' },
        }),
    );
    server.on("POST", "/api/auth/token/refresh/", { access: "access-2" });
    session.signIn("access-1");

    const file = await api.download("/api/manage/salons/3/balance/statement.csv", {
      query: { from: "2026-12-01" },
      accept: "text/csv",
    });

    expect(file.filename).toBe("salon-statement.csv");
    expect(await file.blob.text()).toBe("a,b\r\n");
    const requests = server.requestsTo("GET", "/api/manage/salons/3/balance/statement.csv");
    expect(requests.map((r) => [r.headers.get("Authorization"), r.headers.get("Accept"), r.url.search])).toEqual([
      ["Bearer access-1", "text/csv", "?from=2026-12-01"],
      ["Bearer access-2", "text/csv", "?from=2026-12-01"],
    ]);
  });

  test("a refused download is an ApiError from its JSON body", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/balance/statement.xlsx", () =>
      apiError(400, "invalid", "Invalid input.", { errors: { to: ["Too long."] } }),
    );

    const error = await api.download("/api/manage/salons/3/balance/statement.xlsx").catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 400, code: "invalid", fieldErrors: { to: ["Too long."] } });
  });

  test("file names from Content-Disposition: the UTF-8 one first, never a path", () => {
    expect(filenameFromDisposition('attachment; filename="jasmine-statement-2026-12-01-2026-12-07.xlsx"')).toBe(
      "jasmine-statement-2026-12-01-2026-12-07.xlsx",
    );
    expect(filenameFromDisposition("attachment; filename=plain.csv")).toBe("plain.csv");
    expect(
      filenameFromDisposition("attachment; filename=\"fallback.csv\"; filename*=UTF-8''%D9%83%D8%B4%D9%81.csv"),
    ).toBe("كشف.csv");
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe("passwd");
    expect(filenameFromDisposition("attachment")).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});

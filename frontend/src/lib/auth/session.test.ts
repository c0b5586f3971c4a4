import { describe, expect, test, vi } from "vitest";

import { apiError, mockFetch } from "@/testing/fetch-mock";

import { createSession } from "./session";

describe("restoring the session on page load", () => {
  test("without a past sign-in nothing is asked of the server", async () => {
    const server = mockFetch();
    const session = createSession(localStorage);

    await session.restore();

    expect(session.getState().status).toBe("signed_out");
    expect(server.requests).toHaveLength(0);
  });

  test("after a sign-in one silent refresh brings the access token back", async () => {
    const server = mockFetch();
    server.on("POST", "/api/auth/token/refresh/", { access: "fresh" });
    createSession(localStorage).signIn("old");
    const session = createSession(localStorage);

    await session.restore();

    expect(session.getState()).toEqual({ status: "signed_in", accessToken: "fresh" });
    expect(server.requests).toHaveLength(1);
  });

  test("a refused refresh leaves the visitor signed out and forgets the session", async () => {
    const server = mockFetch();
    server.on("POST", "/api/auth/token/refresh/", () => apiError(401, "token_not_valid"));
    createSession(localStorage).signIn("old");
    const session = createSession(localStorage);

    await session.restore();

    expect(session.getState().status).toBe("signed_out");
    expect(localStorage.getItem("salon.hasSession")).toBeNull();
  });

  test("the access token is never written to storage", () => {
    const session = createSession(localStorage);

    session.signIn("secret-access-token");

    expect(JSON.stringify({ ...localStorage })).not.toContain("secret-access-token");
  });
});

describe("several tabs", () => {
  test("signing out in another tab signs this one out", () => {
    const session = createSession(localStorage);
    session.signIn("access");

    window.dispatchEvent(new StorageEvent("storage", { key: "salon.hasSession", newValue: null }));

    expect(session.getState()).toEqual({ status: "signed_out", accessToken: null });
  });

  test("refreshes go one at a time through a Web Lock when the browser has them", async () => {
    const server = mockFetch();
    server.on("POST", "/api/auth/token/refresh/", { access: "fresh" });
    const request = vi.fn((_name: string, callback: () => Promise<unknown>) => callback());
    vi.stubGlobal("navigator", { ...navigator, locks: { request } });
    const session = createSession(localStorage);

    await expect(session.refresh()).resolves.toBe("fresh");

    expect(request).toHaveBeenCalledWith("salon.refresh", expect.any(Function));
  });
});

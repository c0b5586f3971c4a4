import { screen } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { customer } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";

import { SignInChoices } from "./SignInChoices";

const DEVELOPMENT_GOOGLE = { providers: [{ name: "google", client_id: "", development: true }] };

function renderChoices() {
  const onComplete = vi.fn();
  return { ...renderRoutes([{ path: "/", element: <SignInChoices onComplete={onComplete} /> }], "/"), onComplete };
}

function withGoogleAnswering(server: ReturnType<typeof mockFetch>, answer: Response | (() => Response)) {
  server.on("GET", "/api/auth/social/providers/", DEVELOPMENT_GOOGLE);
  server.on("POST", "/api/auth/social/nonce/", () =>
    json({ nonce: "nonce-1", expires_at: "2026-12-08T00:00:00Z" }, 201),
  );
  server.on("POST", "/api/auth/social/development/google/token/", { id_token: "id-token-1" });
  server.on("POST", "/api/auth/social/google/", typeof answer === "function" ? answer : () => answer);
}

describe("Google and Apple on the sign-in step", () => {
  test("no button when no provider is on", async () => {
    const server = mockFetch();
    server.on("GET", "/api/auth/social/providers/", { providers: [] });
    renderChoices();

    expect(await screen.findByLabelText("رقم الجوال")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Google/ })).not.toBeInTheDocument();
  });

  test("a linked identity signs straight in with the nonce and the provider's token", async () => {
    const server = mockFetch();
    withGoogleAnswering(server, json({ access: "access-g", user: customer, created: false }));
    const { user, onComplete } = renderChoices();

    await user.click(await screen.findByRole("button", { name: "المتابعة عبر Google (بيئة التطوير)" }));

    await vi.waitFor(() => expect(onComplete).toHaveBeenCalledOnce());
    expect(server.requestsTo("POST", "/api/auth/social/development/google/token/")[0]?.body).toEqual({
      nonce: "nonce-1",
      subject: "development-google-user",
    });
    const signIn = server.requestsTo("POST", "/api/auth/social/google/")[0];
    expect(signIn?.body).toEqual({ id_token: "id-token-1", nonce: "nonce-1" });
    expect(signIn?.headers.get("X-Auth-Cookie")).toBe("1");
    expect(session.getState()).toEqual({ status: "signed_in", accessToken: "access-g" });
  });

  test("a new identity asks for the phone, and the code completes the link", async () => {
    const server = mockFetch();
    withGoogleAnswering(
      server,
      json(
        {
          code: "phone_required",
          detail: "Verify your phone number to finish signing in.",
          link_token: "link-1",
          link_token_expires_in: 600,
          provider: "google",
          email: "sara@example.com",
        },
        202,
      ),
    );
    server.on("POST", "/api/auth/phone/request/", () =>
      json(
        {
          request_id: "req-1",
          expires_at: new Date(Date.now() + 300_000).toISOString(),
          resend_available_at: new Date(Date.now() + 60_000).toISOString(),
        },
        201,
      ),
    );
    server.on("POST", "/api/auth/social/link/", { access: "access-l", user: customer, created: false });
    const { user, onComplete } = renderChoices();

    await user.click(await screen.findByRole("button", { name: /المتابعة عبر Google/ }));
    expect(await screen.findByText("خطوة أخيرة: رقم جوالك")).toBeInTheDocument();
    await user.type(screen.getByLabelText("رقم الجوال"), "0500000001");
    await user.click(screen.getByRole("button", { name: "أرسل الرمز" }));
    await user.type(await screen.findByLabelText("الرمز"), "123456");
    await user.click(screen.getByRole("button", { name: "دخول" }));

    await vi.waitFor(() => expect(onComplete).toHaveBeenCalledOnce());
    expect(server.requestsTo("POST", "/api/auth/social/link/")[0]?.body).toEqual({
      link_token: "link-1",
      request_id: "req-1",
      code: "123456",
    });
    expect(server.requestsTo("POST", "/api/auth/phone/verify/")).toHaveLength(0);
    expect(session.getState()).toEqual({ status: "signed_in", accessToken: "access-l" });
  });

  test("a refused token shows the server's message and keeps the phone sign-in", async () => {
    const server = mockFetch();
    withGoogleAnswering(
      server,
      apiError(400, "id_token_expired", "انتهت صلاحية تسجيل الدخول. يُرجى المحاولة مرة أخرى."),
    );
    const { user } = renderChoices();

    await user.click(await screen.findByRole("button", { name: /المتابعة عبر Google/ }));

    expect(await screen.findByText("انتهت صلاحية تسجيل الدخول. يُرجى المحاولة مرة أخرى.")).toBeInTheDocument();
    expect(screen.getByLabelText("رقم الجوال")).toBeInTheDocument();
  });
});

import { screen } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { apiError, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";
import type { SocialIdentity } from "@/types/models";

import { LinkedAccounts } from "./LinkedAccounts";

const GOOGLE: SocialIdentity = {
  id: "11111111-1111-1111-1111-111111111111",
  provider: "google",
  email: "sara@example.com",
  is_private_relay: false,
  created_at: "2026-12-01T10:00:00+03:00",
  last_used_at: null,
};
const APPLE: SocialIdentity = {
  ...GOOGLE,
  id: "22222222-2222-2222-2222-222222222222",
  provider: "apple",
  email: "x7@privaterelay.appleid.com",
  is_private_relay: true,
};

function renderList() {
  return renderRoutes([{ path: "/", element: <LinkedAccounts /> }], "/");
}

describe("linked sign-ins in the profile", () => {
  test("lists the identities, hiding Apple's relay address", async () => {
    const server = mockFetch();
    server.on("GET", "/api/auth/social/identities/", [GOOGLE, APPLE]);
    renderList();

    expect(await screen.findByText("sara@example.com")).toBeInTheDocument();
    expect(screen.getByText("بريد مخفي (ترحيل Apple)")).toBeInTheDocument();
    expect(screen.queryByText("x7@privaterelay.appleid.com")).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "حسابات الدخول المرتبطة" })).toBeInTheDocument();
  });

  test("says so when nothing is linked", async () => {
    const server = mockFetch();
    server.on("GET", "/api/auth/social/identities/", []);
    renderList();

    expect(
      await screen.findByText("لا يوجد حساب Google أو Apple مرتبط. سجّل الدخول بأحدهما لربطه."),
    ).toBeInTheDocument();
  });

  test("unlinks one and refreshes the list", async () => {
    const server = mockFetch();
    server.once("GET", "/api/auth/social/identities/", [GOOGLE, APPLE]);
    server.on("GET", "/api/auth/social/identities/", [APPLE]);
    server.on("DELETE", "/api/auth/social/identities/:id/", () => new Response(null, { status: 204 }));
    const { user } = renderList();

    await user.click(await screen.findByRole("button", { name: "إلغاء الربط Google" }));

    expect(await screen.findByText("أُلغي ربط الحساب.")).toBeInTheDocument();
    expect(server.requestsTo("DELETE", "/api/auth/social/identities/:id/")[0]?.params).toEqual({ id: GOOGLE.id });
    expect(screen.queryByText("sara@example.com")).not.toBeInTheDocument();
  });

  test("a refused unlink shows the server's reason", async () => {
    const server = mockFetch();
    server.on("GET", "/api/auth/social/identities/", [GOOGLE]);
    server.on("DELETE", "/api/auth/social/identities/:id/", () =>
      apiError(409, "last_sign_in_method", "هذه طريقتك الوحيدة لتسجيل الدخول؛ وثّق رقم جوال قبل إزالتها."),
    );
    const { user } = renderList();

    await user.click(await screen.findByRole("button", { name: "إلغاء الربط Google" }));

    expect(await screen.findByText("هذه طريقتك الوحيدة لتسجيل الدخول؛ وثّق رقم جوال قبل إزالتها.")).toBeInTheDocument();
    expect(screen.getByText("sara@example.com")).toBeInTheDocument();
  });
});

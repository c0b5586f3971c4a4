import { screen } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { json, mockFetch } from "@/testing/fetch-mock";
import { customer } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";
import type { User } from "@/types/models";

import { ProfileForm } from "./ProfileForm";

const ME = "/api/auth/me/";
const VERIFY = "/api/auth/me/email/verify/";

function renderForm(user: User) {
  return renderRoutes([{ path: "/", element: <ProfileForm user={user} /> }], "/");
}

describe("profile email", () => {
  test("a pending email asks for the mailed code and confirms it", async () => {
    const server = mockFetch();
    const pending: User = { ...customer, pending_email: "sara@example.com" };
    server.on("POST", VERIFY, () => json({ ...customer, email: "sara@example.com", email_verified: true }));
    const { user } = renderForm(pending);

    expect(screen.getByText("أرسلنا رمزًا إلى sara@example.com")).toBeInTheDocument();
    await user.type(screen.getByLabelText("الرمز من البريد الإلكتروني"), "123456");
    await user.click(screen.getByRole("button", { name: "تأكيد البريد الإلكتروني" }));

    await screen.findByRole("button", { name: "تأكيد البريد الإلكتروني" });
    expect(server.requestsTo("POST", VERIFY).map((request) => request.body)).toEqual([{ code: "123456" }]);
  });

  test("saving without changing the email does not send it again", async () => {
    const server = mockFetch();
    const pending: User = { ...customer, pending_email: "sara@example.com" };
    server.on("PATCH", ME, () => json(pending));
    const { user } = renderForm(pending);

    await user.click(screen.getByRole("button", { name: /حفظ|Save/ }));

    await screen.findByRole("status");
    const [patch] = server.requestsTo("PATCH", ME);
    expect(patch?.body).not.toHaveProperty("email");
  });
});

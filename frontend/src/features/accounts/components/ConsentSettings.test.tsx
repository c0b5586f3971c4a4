import { screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";
import type { Consents } from "@/types/models";

import { ConsentSettings } from "./ConsentSettings";

const URL = "/api/auth/me/consents/";

function consents(overrides: Partial<Consents> = {}): Consents {
  return {
    reminders: { sms: true, whatsapp: true, email: false },
    marketing: { sms: false, whatsapp: false, email: false },
    history: [],
    ...overrides,
  };
}

function renderSettings() {
  return renderRoutes([{ path: "/", element: <ConsentSettings /> }], "/");
}

describe("messages and privacy", () => {
  test("shows booking messages as always on and each purpose per channel", async () => {
    const server = mockFetch();
    server.on("GET", URL, () => json(consents()));
    renderSettings();

    const booking = await screen.findByRole("group", { name: "رسائل الحجز" });
    const always = within(booking).getByRole("switch");
    expect(always).toBeChecked();
    expect(always).toBeDisabled();
    expect(screen.getByRole("switch", { name: "التذكيرات: رسالة نصية (SMS)" })).toBeChecked();
    expect(screen.getByRole("switch", { name: "التذكيرات: البريد الإلكتروني" })).not.toBeChecked();
    expect(screen.getByRole("switch", { name: "العروض والأخبار: واتساب" })).not.toBeChecked();
  });

  test("a switch moves at once and sends only that choice", async () => {
    const server = mockFetch();
    server.on("GET", URL, () => json(consents()));
    let answer!: (response: Response) => void;
    server.once("PATCH", URL, () => new Promise<Response>((resolve) => (answer = resolve)));
    const { user } = renderSettings();

    const sms = await screen.findByRole("switch", { name: "التذكيرات: رسالة نصية (SMS)" });
    await user.click(sms);

    expect(sms).not.toBeChecked(); // before the server answered
    expect(server.requests.at(-1)?.body).toEqual({ reminders: { sms: false } });
    answer(json(consents({ reminders: { sms: false, whatsapp: true, email: false } })));
    expect(await screen.findByRole("switch", { name: "التذكيرات: رسالة نصية (SMS)" })).not.toBeChecked();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("a refused choice moves back and says so", async () => {
    const server = mockFetch();
    server.on("GET", URL, () => json(consents()));
    server.once("PATCH", URL, () => apiError(503, "service_unavailable", "الخدمة غير متاحة مؤقتًا."));
    const { user } = renderSettings();

    const marketing = await screen.findByRole("switch", { name: "العروض والأخبار: رسالة نصية (SMS)" });
    await user.click(marketing);

    expect(await screen.findByRole("alert")).toHaveTextContent("لم يُحفظ اختيارك.");
    expect(marketing).not.toBeChecked();
  });
});

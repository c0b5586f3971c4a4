import { screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";
import type { CalendarFeed } from "@/types/models";

import type { FeedOwner } from "../api/feed-owner";
import { CalendarFeedCard } from "./CalendarFeedCard";

function feed(token: string, overrides: Partial<CalendarFeed> = {}): CalendarFeed {
  const url = `https://salon.example/api/calendar/feeds/${token}.ics`;
  const webcal = `webcal://salon.example/api/calendar/feeds/${token}.ics`;
  return {
    kind: "staff",
    salon_id: 1,
    staff_id: 4,
    name: "نورة في صالون لمسة الياسمين",
    url,
    webcal_url: webcal,
    google_calendar_url: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
    qr_code: `data:image/svg+xml;charset=utf-8,${token}`,
    created_at: "2026-12-01T10:00:00+03:00",
    rotated_at: "2026-12-01T10:00:00+03:00",
    ...overrides,
  };
}

function renderCard(owner: FeedOwner = { kind: "me" }) {
  return renderRoutes([{ path: "/", element: <CalendarFeedCard owner={owner} /> }], "/");
}

describe("the calendar feed card", () => {
  test("shows the webcal link, Google Calendar's link and the QR code, and copies the link", async () => {
    const server = mockFetch();
    server.on("GET", "/api/calendar/feeds/me/", feed("old-token"));
    const { user } = renderCard();

    const link = await screen.findByLabelText("رابط الاشتراك");
    expect(screen.getByRole("heading", { level: 2, name: "رابط التقويم" })).toBeInTheDocument();
    expect(link).toHaveValue("webcal://salon.example/api/calendar/feeds/old-token.ics");
    expect(screen.getByRole("link", { name: "فتح في تطبيق التقويم" })).toHaveAttribute(
      "href",
      "webcal://salon.example/api/calendar/feeds/old-token.ics",
    );
    expect(screen.getByRole("link", { name: "إضافة إلى تقويم Google" })).toHaveAttribute(
      "href",
      "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fsalon.example%2Fapi%2Fcalendar%2Ffeeds%2Fold-token.ics",
    );
    expect(screen.getByRole("img", { name: "رمز QR لرابط الاشتراك" })).toHaveAttribute(
      "src",
      "data:image/svg+xml;charset=utf-8,old-token",
    );

    await user.click(screen.getByRole("button", { name: "نسخ الرابط" }));

    expect(await screen.findByText("نُسخ الرابط.")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe("webcal://salon.example/api/calendar/feeds/old-token.ics");
  });

  test("resetting asks first, says the old link stops, and shows the new link", async () => {
    const server = mockFetch();
    server.on("GET", "/api/calendar/feeds/staff/4/", feed("old-token"));
    server.on("POST", "/api/calendar/feeds/staff/4/rotate/", () => json(feed("new-token")));
    const { user } = renderCard({ kind: "staff", staffId: 4 });

    await user.click(await screen.findByRole("button", { name: "إعادة تعيين الرابط" }));
    const dialog = screen.getByRole("dialog", { name: "إعادة تعيين رابط التقويم؟" });
    expect(within(dialog).getByText(/يتوقف الرابط القديم فورًا/)).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/calendar/feeds/staff/4/rotate/")).toHaveLength(0);

    await user.click(within(dialog).getByRole("button", { name: "إعادة تعيين الرابط" }));

    expect(await screen.findByText(/أُنشئ رابط جديد/)).toBeInTheDocument();
    expect(screen.getByLabelText("رابط الاشتراك")).toHaveValue(
      "webcal://salon.example/api/calendar/feeds/new-token.ics",
    );
    expect(server.requestsTo("POST", "/api/calendar/feeds/staff/4/rotate/")).toHaveLength(1);
  });

  test("keeping the link sends nothing", async () => {
    const server = mockFetch();
    server.on("GET", "/api/calendar/feeds/salons/1/", feed("old-token", { kind: "salon", staff_id: null }));
    const { user } = renderCard({ kind: "salon", salonId: 1 });

    await user.click(await screen.findByRole("button", { name: "إعادة تعيين الرابط" }));
    await user.click(screen.getByRole("button", { name: "الإبقاء على الرابط" }));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByText(/حجوزات كل مصففي هذا الصالون/)).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/calendar/feeds/salons/1/rotate/")).toHaveLength(0);
  });

  test("a refused feed says why", async () => {
    const server = mockFetch();
    server.on("GET", "/api/calendar/feeds/me/", () =>
      apiError(403, "not_a_stylist", "لا يملك تقويمًا خاصًا به إلا مصففو الصالون."),
    );
    renderCard();

    expect(await screen.findByText("لا يملك تقويمًا خاصًا به إلا مصففو الصالون.")).toBeInTheDocument();
  });
});

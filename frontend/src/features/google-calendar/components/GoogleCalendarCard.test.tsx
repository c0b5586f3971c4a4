import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { changeLanguage } from "@/lib/i18n";
import { accessibilityViolations } from "@/testing/axe";
import { apiError, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";
import type { GoogleCalendarStatus } from "@/types/models";

import { returnOutcome } from "../return-outcome";
import { GoogleCalendarCard } from "./GoogleCalendarCard";

const NOT_CONNECTED: GoogleCalendarStatus = {
  staff_id: 11,
  status: "not_connected",
  calendar_id: "",
  calendar_name: "",
  last_synced_at: null,
  last_error: "",
  last_error_at: null,
  connected_at: null,
  pending_changes: 0,
  failed_changes: 0,
};
const CONNECTED: GoogleCalendarStatus = { ...NOT_CONNECTED, status: "connected", connected_at: "2026-03-01T09:00:00Z" };
const SYNCING: GoogleCalendarStatus = {
  ...CONNECTED,
  calendar_id: "work",
  calendar_name: "Work",
  last_synced_at: "2026-03-01T09:05:00+03:00",
  pending_changes: 2,
};

function renderCard(props: Partial<Parameters<typeof GoogleCalendarCard>[0]> = {}, url = "/manage/3/team/11") {
  const navigate = vi.fn();
  const view = renderRoutes(
    [
      {
        path: "*",
        element: <GoogleCalendarCard staffId={11} returnPath="/manage/3/team/11" navigate={navigate} {...props} />,
      },
    ],
    url,
  );
  return { ...view, navigate };
}

beforeEach(async () => {
  session.signIn("access-1");
  await changeLanguage("ar");
});

describe("the Google Calendar card", () => {
  test("connects: asks for the consent URL for this stylist and goes there", async () => {
    const server = mockFetch();
    server.on("GET", "/api/calendar/google/status/", NOT_CONNECTED);
    server.on("POST", "/api/calendar/google/connect/", {
      auth_url: "https://accounts.google.com/o/oauth2/v2/auth?x=1",
    });
    const { user, navigate, container } = renderCard();

    expect(await screen.findByRole("heading", { level: 2, name: "تقويم Google" })).toBeInTheDocument();
    expect(server.requestsTo("GET", "/api/calendar/google/status/")[0]!.query.get("staff_id")).toBe("11");
    expect(await accessibilityViolations(container)).toEqual([]);
    await user.click(screen.getByRole("button", { name: "ربط تقويم Google" }));

    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith("https://accounts.google.com/o/oauth2/v2/auth?x=1"));
    expect(server.requestsTo("POST", "/api/calendar/google/connect/")[0]!.body).toEqual({
      staff_id: 11,
      return_path: "/manage/3/team/11",
    });
  });

  test("back from Google: picks the primary calendar by default and saves the choice", async () => {
    const server = mockFetch();
    server.once("GET", "/api/calendar/google/status/", CONNECTED);
    server.on("GET", "/api/calendar/google/status/", SYNCING);
    server.on("GET", "/api/calendar/google/calendars/", [
      { id: "primary", summary: "My calendar", primary: true },
      { id: "work", summary: "Work", primary: false },
    ]);
    server.on("POST", "/api/calendar/google/calendars/", SYNCING);
    const { user } = renderCard({ outcome: "connected" });

    expect(await screen.findByText("رُبط تقويم Google. اختر التقويم الذي تريد استخدامه.")).toBeInTheDocument();
    const select = await screen.findByLabelText("التقويم");
    expect(select).toHaveValue("primary");
    await user.selectOptions(select, "work");
    await user.click(screen.getByRole("button", { name: "استخدام هذا التقويم" }));

    expect(await screen.findByText("Work")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/calendar/google/calendars/")[0]!.body).toEqual({
      staff_id: 11,
      calendar_id: "work",
    });
    expect(screen.getByText("تغييران")).toBeInTheDocument();
  });

  test("shows the last problem and disconnects", async () => {
    const server = mockFetch();
    server.once("GET", "/api/calendar/google/status/", {
      ...SYNCING,
      last_error: "HTTP 503 backendError",
      failed_changes: 1,
    });
    server.on("GET", "/api/calendar/google/status/", { ...NOT_CONNECTED, status: "disconnected" });
    server.on("POST", "/api/calendar/google/disconnect/", { ...NOT_CONNECTED, status: "disconnected" });
    const { user } = renderCard({ staffId: null, returnPath: "/staff" });

    expect(await screen.findByText("HTTP 503 backendError")).toBeInTheDocument();
    expect(screen.getByText("تعذّرت كتابة تغيير واحد في Google.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "فك الربط" }));

    expect(await screen.findByRole("button", { name: "ربط تقويم Google" })).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/calendar/google/disconnect/")[0]!.body).toEqual({});
  });

  test("a manager sees busy events that overlap the stylist's bookings", async () => {
    const server = mockFetch();
    server.on("GET", "/api/calendar/google/status/", SYNCING);
    server.on("GET", "/api/calendar/google/conflicts/", [
      {
        id: 1,
        staff_id: 11,
        staff_name: "العنود",
        busy_start: "2026-03-05T17:00:00+03:00",
        busy_end: "2026-03-05T18:00:00+03:00",
        booking_id: 5,
        booking_reference: "SLN-7KQ2M",
        booking_start: "2026-03-05T16:30:00+03:00",
      },
    ]);
    renderCard({ showConflicts: true, timeZone: "Asia/Riyadh" });

    expect(await screen.findByText("مواعيد مشغولة في تقويم Google أثناء حجوزات")).toBeInTheDocument();
    expect(screen.getByText(/^الحجز SLN-7KQ2M/)).toBeInTheDocument();
    expect(server.requestsTo("GET", "/api/calendar/google/conflicts/")[0]!.query.get("staff_id")).toBe("11");
  });

  test("in English, with the server's message when the connection is refused", async () => {
    await changeLanguage("en");
    const server = mockFetch();
    server.on("GET", "/api/calendar/google/status/", NOT_CONNECTED);
    server.on("POST", "/api/calendar/google/connect/", () =>
      apiError(404, "calendar_staff_not_found", "Staff member not found."),
    );
    const { user, navigate } = renderCard();

    await user.click(await screen.findByRole("button", { name: "Connect Google Calendar" }));

    expect(await screen.findByText("Staff member not found.")).toBeInTheDocument();
    expect(navigate).not.toHaveBeenCalled();
  });

  test("reads the outcome of the return from Google", () => {
    expect([returnOutcome("connected"), returnOutcome("error"), returnOutcome("x"), returnOutcome(null)]).toEqual([
      "connected",
      "error",
      null,
      null,
    ]);
  });
});

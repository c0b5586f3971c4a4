import { screen, within } from "@testing-library/react";
import { beforeEach, expect, test } from "vitest";

import { changeLanguage } from "@/lib/i18n";
import { session } from "@/lib/auth/session";
import { mockFetch } from "@/testing/fetch-mock";
import { paginated } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";

import { Component as InboxRoute } from "./inbox";

beforeEach(() => {
  session.signIn("access-1");
});

test("an older Arabic message keeps its own direction in the English inbox; its reference stays whole", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  server.on(
    "GET",
    "/api/notifications/",
    paginated([
      {
        id: 7,
        event: "confirmed",
        title: "تم تأكيد حجزك",
        body: "عزيزتي سارة، حجزك SLN-9QPBP في صالون دلال مؤكد.",
        booking: { id: 1, reference: "SLN-9QPBP" },
        created_at: "2026-11-22T09:00:00+03:00",
        read_at: null,
        is_read: false,
      },
    ]),
  );
  server.on("POST", "/api/notifications/:id/read/", {});

  renderRoutes([{ path: "/inbox", Component: InboxRoute }], "/inbox");

  const body = await screen.findByText("عزيزتي سارة، حجزك SLN-9QPBP في صالون دلال مؤكد.");
  expect(body).toHaveAttribute("dir", "auto");
  expect(screen.getByText("تم تأكيد حجزك")).toHaveAttribute("dir", "auto");
  const link = screen.getByRole("link", { name: "Open booking SLN-9QPBP" });
  expect(within(link).getByText("SLN-9QPBP")).toHaveStyle({ whiteSpace: "nowrap" });
  expect(within(link).getByText("SLN-9QPBP")).toHaveAttribute("dir", "ltr");
});

import { describe, expect, test } from "vitest";

import { changeLanguage, currentLanguage, i18next } from "./i18n";

describe("language and direction", () => {
  test("Arabic is the default and lays the page out right to left", () => {
    expect(currentLanguage()).toBe("ar");
    expect(document.documentElement.lang).toBe("ar");
    expect(document.documentElement.dir).toBe("rtl");
  });

  test("switching to English turns the page left to right and is remembered", async () => {
    await changeLanguage("en");

    expect(document.documentElement.lang).toBe("en");
    expect(document.documentElement.dir).toBe("ltr");
    expect(localStorage.getItem("salon.language")).toBe("en");
    expect(i18next.t("nav.bookings")).toBe("My bookings");
  });

  test("switching back to Arabic", async () => {
    await changeLanguage("en");
    await changeLanguage("ar");

    expect(document.documentElement.dir).toBe("rtl");
    expect(i18next.t("nav.bookings")).toBe("حجوزاتي");
  });
});

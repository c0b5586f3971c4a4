// A visit of several services (ADR 0017): the customer adds a second service before choosing the time.
import assert from "node:assert/strict";

import { checkAccessibility } from "./accessibility.mjs";
import {
  cancelBooking,
  confirmBooking,
  pickService,
  pickSlot,
  pickStylist,
  screenshot,
  searchSalon,
  signInWithCode,
} from "./fixtures.mjs";

const PHONE = { width: 390, height: 844 };
const SALON = "صالون روز لاونج";
const HAIRCUT = "قص وتصفيف الشعر";
const COLOUR = "صبغة شعر كاملة";

export const visitJourneys = [
  {
    name: "a customer books a haircut and a colour in one visit and sees both in My bookings",
    viewport: PHONE,
    async run({ page, logPath }) {
      await searchSalon(page, "روز", SALON);
      await pickService(page, HAIRCUT);
      await pickStylist(page, "سلمى");
      await page.getByLabel("أضف خدمة أخرى").selectOption({ label: COLOUR });
      const visit = page.getByRole("region", { name: "زيارتك" });
      await visit.getByRole("button", { name: `إزالة ${COLOUR}` }).waitFor();
      await checkAccessibility(page, "the time step of a visit");
      await screenshot(page, "visit-time-step");
      await pickSlot(page, { daysAhead: 3 });
      await signInWithCode(page, logPath, "0500000001");
      await page.getByRole("heading", { level: 1, name: "راجع الحجز وأكّده" }).waitFor();
      const review = await page.locator("form.booking-review").innerText();
      assert.match(review, new RegExp(HAIRCUT));
      assert.match(review, new RegExp(COLOUR));
      await screenshot(page, "visit-review");
      await checkAccessibility(page, "the review of a visit");
      await confirmBooking(page);

      await page.getByRole("link", { name: "حجوزاتي" }).first().click();
      await page.getByRole("heading", { level: 1, name: "حجوزاتي" }).waitFor();
      const booking = page.getByRole("article", { name: HAIRCUT }).filter({ hasText: SALON }).first();
      await booking.getByRole("list", { name: "خدمات الزيارة" }).waitFor();
      const card = await booking.innerText();
      assert.match(card, new RegExp(COLOUR));
      assert.match(card, /SLN-/);
      await screenshot(page, "visit-my-bookings");
      await cancelBooking(page, booking);
    },
  },
];

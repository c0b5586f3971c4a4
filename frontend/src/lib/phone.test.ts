import { describe, expect, test } from "vitest";

import { cleanPhoneInput, formatPhoneForDisplay, toLatinDigits, toSaudiMobile } from "./phone";

describe("phone numbers as people type them", () => {
  test("Arabic-Indic and Persian digits become Latin digits", () => {
    expect(toLatinDigits("٠٥٥١٢٣٤٥٦٧")).toBe("0551234567");
    expect(toLatinDigits("۰۵۵۱۲۳۴۵۶۷")).toBe("0551234567");
  });

  test("the field keeps digits and a leading plus only", () => {
    expect(cleanPhoneInput("٠٥٥ ١٢٣-٤٥٦٧")).toBe("0551234567");
    expect(cleanPhoneInput("+966 55 123 4567")).toBe("+966551234567");
    expect(cleanPhoneInput("05+5")).toBe("055");
  });

  test.each([["0551234567"], ["551234567"], ["+966551234567"], ["00966551234567"], ["966551234567"], ["٠٥٥١٢٣٤٥٦٧"]])(
    "%s is the mobile 0551234567",
    (typed) => {
      expect(toSaudiMobile(typed)).toBe("0551234567");
    },
  );

  test.each([["0112106677"], ["055123456"], ["05512345678"], ["+971551234567"], [""]])(
    "%s is not a Saudi mobile",
    (typed) => {
      expect(toSaudiMobile(typed)).toBeNull();
    },
  );

  test("E.164 numbers are shown in the national format", () => {
    expect(formatPhoneForDisplay("+966500000001")).toBe("050 000 0001");
    expect(formatPhoneForDisplay("+966112106677")).toBe("+966112106677");
  });
});

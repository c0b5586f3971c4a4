import { describe, expect, test } from "vitest";

import { cleanPhoneInput, formatPhoneForDisplay, isMaskedPhone, toLatinDigits, toSaudiMobile } from "./phone";

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
  });

  test.each([
    ["+966112106677", "011 210 6677"],
    ["+966126543210", "012 654 3210"],
    ["+966138001234", "013 800 1234"],
    ["+966920012345", "9200 12345"],
    ["+9668001234567", "800 123 4567"],
  ])("the salon number %s is shown as %s", (e164, shown) => {
    expect(formatPhoneForDisplay(e164)).toBe(shown);
  });

  test.each([["+97142345678"], ["+96611210667"], ["0112106677"]])("%s is shown as given", (other) => {
    expect(formatPhoneForDisplay(other)).toBe(other);
  });
});

describe("isMaskedPhone", () => {
  test("tells a masked number from a whole one", () => {
    expect(isMaskedPhone("+9665•••••123")).toBe(true);
    expect(isMaskedPhone("+966512345123")).toBe(false);
  });
});

import { describe, expect, test } from "vitest";

import { groupIban, isSaudiIban, normalizeIban } from "./iban";

describe("Saudi IBANs", () => {
  test("spaces, dashes, lower case and Arabic-Indic digits are accepted", () => {
    expect(normalizeIban(" sa03 8000-0000 ٦٠٨٠ 1016 7519 ")).toBe("SA0380000000608010167519");
    expect(isSaudiIban("sa03 8000 0000 ٦٠٨٠ 1016 7519")).toBe(true);
    expect(isSaudiIban("SA4420000001234567891234")).toBe(true);
  });

  test("the length, the country and the check digits are checked", () => {
    expect(isSaudiIban("SA0380000000608010167518")).toBe(false);
    expect(isSaudiIban("SA038000000060801016751")).toBe(false);
    expect(isSaudiIban("AE070331234567890123456")).toBe(false);
    expect(isSaudiIban("")).toBe(false);
  });

  test("grouped by four for reading", () => {
    expect(groupIban("sa0380000000608010167519")).toBe("SA03 8000 0000 6080 1016 7519");
  });
});

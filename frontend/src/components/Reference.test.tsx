import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { Reference } from "./Reference";

test("a reference is isolated left to right and kept on one line, its text unchanged", () => {
  render(
    <p dir="rtl">
      رقم الحجز <Reference>SLN-9QPBP</Reference>.
    </p>,
  );

  const reference = screen.getByText("SLN-9QPBP");
  expect(reference.tagName).toBe("BDI");
  expect(reference).toHaveAttribute("dir", "ltr");
  expect(reference).toHaveStyle({ whiteSpace: "nowrap" });
  expect(reference).toHaveClass("reference");
});

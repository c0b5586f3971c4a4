import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { Countdown } from "./Countdown";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-11-22T06:00:00Z"));
});

afterEach(() => {
  vi.useRealTimers();
});

function renderCountdown(onExpire = vi.fn()) {
  render(
    <Countdown
      until="2026-11-22T06:00:05Z"
      render={(time) => `باقي ${time}`}
      announcement="نحجز لك هذا الموعد حتى ٩:٠٠ ص."
      expired="انتهى الوقت."
      onExpire={onExpire}
    />,
  );
  return onExpire;
}

test("screen readers hear one fixed sentence while the time ticks for the eyes only", () => {
  renderCountdown();
  const status = screen.getByRole("status");
  expect(status).toHaveTextContent("نحجز لك هذا الموعد حتى ٩:٠٠ ص.");
  expect(status).toHaveClass("visually-hidden");
  expect(screen.getByText("باقي ٠:٠٥")).toHaveAttribute("aria-hidden", "true");

  act(() => {
    vi.advanceTimersByTime(2000);
  });

  expect(screen.getByText("باقي ٠:٠٣")).toHaveAttribute("aria-hidden", "true");
  expect(screen.getByRole("status")).toBe(status);
  expect(status).toHaveTextContent("نحجز لك هذا الموعد حتى ٩:٠٠ ص.");
});

test("the end is announced in the same live region, once", () => {
  const onExpire = renderCountdown();
  const status = screen.getByRole("status");

  act(() => {
    vi.advanceTimersByTime(6000);
  });

  expect(status).toHaveTextContent("انتهى الوقت.");
  expect(status).not.toHaveClass("visually-hidden");
  expect(screen.queryByText(/باقي/)).not.toBeInTheDocument();
  expect(onExpire).toHaveBeenCalledTimes(1);
  act(() => {
    vi.advanceTimersByTime(3000);
  });
  expect(onExpire).toHaveBeenCalledTimes(1);
});

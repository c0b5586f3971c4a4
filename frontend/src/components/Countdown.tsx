import { useEffect, useRef } from "react";

import { useCountdown } from "@/hooks/use-countdown";
import { useLanguage } from "@/hooks/use-language";
import { formatCountdown } from "@/lib/format/time";

interface CountdownProps {
  until: string;
  /** The visible sentence around the remaining time, e.g. t("hold", { time }); it ticks every second. */
  render: (time: string) => string;
  /** What assistive technology is told while it runs: a fixed sentence, e.g. "held until 9:15 AM". */
  announcement: string;
  /** Shown, and announced, once the time is up. */
  expired: string;
  /** Called once when the time is up (at once if it already was). */
  onExpire?: () => void;
}

/**
 * A "m:ss left" sentence. The ticking time is hidden from screen readers (a live region that changed
 * every second would talk over everything); they get one fixed sentence, and hear when time is up.
 */
export function Countdown({ until, render, announcement, expired, onExpire }: CountdownProps) {
  const language = useLanguage();
  const seconds = useCountdown(until);
  const over = seconds === 0;
  const onExpireRef = useRef(onExpire);
  useEffect(() => {
    onExpireRef.current = onExpire;
  });
  useEffect(() => {
    if (over) onExpireRef.current?.();
  }, [over]);

  return (
    <div className={`countdown${over ? " countdown--expired" : ""}`}>
      {!over && <p aria-hidden="true">{render(formatCountdown(seconds, language))}</p>}
      {/* One stable live region: its sentence changes once, when the time is up. */}
      <p role="status" className={over ? undefined : "visually-hidden"}>
        {over ? expired : announcement}
      </p>
    </div>
  );
}

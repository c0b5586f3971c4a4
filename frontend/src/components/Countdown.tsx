import { useLanguage } from "@/hooks/use-language";
import { useCountdown } from "@/hooks/use-countdown";
import { formatCountdown } from "@/lib/format/time";

interface CountdownProps {
  until: string;
  /** The sentence around the remaining time, e.g. t("hold", { time }). */
  render: (time: string) => string;
  expired: string;
}

/** A live "m:ss left" sentence; assistive technology hears it once, not every second. */
export function Countdown({ until, render, expired }: CountdownProps) {
  const language = useLanguage();
  const seconds = useCountdown(until);
  return (
    <p className={`countdown${seconds === 0 ? " countdown--expired" : ""}`}>
      {seconds === 0 ? expired : render(formatCountdown(seconds, language))}
    </p>
  );
}

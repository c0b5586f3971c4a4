import "../bookings.css";

import { useTranslation } from "react-i18next";

import { Icon } from "@/components/Icon";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";

import { BOOKING_STEPS, type BookingStep } from "../flow/state";

interface BookingStepperProps {
  current: BookingStep;
  /** Hidden for someone already signed in. */
  showSignIn: boolean;
  /** Earlier steps are buttons that go back to them. */
  onGoTo: (step: BookingStep) => void;
}

export function BookingStepper({ current, showSignIn, onGoTo }: BookingStepperProps) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const steps = BOOKING_STEPS.filter((step) => step !== "signing_in" || showSignIn);
  const currentIndex = steps.indexOf(current);
  return (
    <ol className="stepper" aria-label={t("flow.progress")}>
      {steps.map((step, index) => {
        const label = t(`flow.steps.${step}`);
        return (
          <li
            key={step}
            className={`stepper__step${index < currentIndex ? " stepper__step--done" : ""}`}
            aria-current={step === current ? "step" : undefined}
          >
            {index < currentIndex && step !== "signing_in" ? (
              <button
                type="button"
                className="stepper__button"
                onClick={() => onGoTo(step)}
                aria-label={t("flow.changeStep", { step: label })}
              >
                <span className="stepper__number" aria-hidden="true">
                  <Icon name="check" size={14} />
                </span>
                <span className="stepper__label">{label}</span>
              </button>
            ) : (
              <span className="stepper__button">
                <span className="stepper__number" aria-hidden="true">
                  {formatNumber(index + 1, language)}
                </span>
                <span className="stepper__label">{label}</span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { Icon } from "@/components/Icon";

import { locate, LocationError, type LocationFailure, locationPermission } from "../geolocation";
import type { GeoPoint } from "../search-params";

interface NearMeProps {
  /** The search is already around the customer's location. */
  active: boolean;
  onLocated: (point: GeoPoint) => void;
  /** "Choose a city instead": moves to the city filter. */
  onChooseCity: () => void;
}

type State =
  { step: "idle" } | { step: "explaining" } | { step: "locating" } | { step: "failed"; reason: LocationFailure };

/**
 * "Near me": says why the location is wanted and how it is used before the browser asks for it
 * (unless the browser already allows it); on a refusal or a failure, says so and offers the city.
 */
export function NearMe({ active, onLocated, onChooseCity }: NearMeProps) {
  const { t } = useTranslation("salons");
  const [state, setState] = useState<State>({ step: "idle" });
  const explanationId = useId();
  const allowButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (state.step === "explaining") allowButton.current?.focus();
  }, [state.step]);

  const findLocation = async () => {
    setState({ step: "locating" });
    try {
      const point = await locate();
      setState({ step: "idle" });
      onLocated(point);
    } catch (error) {
      setState({ step: "failed", reason: error instanceof LocationError ? error.reason : "unavailable" });
    }
  };

  const start = async () => {
    if (state.step === "locating") return;
    if ((await locationPermission()) === "granted") await findLocation();
    else setState({ step: "explaining" });
  };

  return (
    <div className="near-me">
      <button
        type="button"
        className={`button button--secondary near-me__button${active ? " near-me__button--active" : ""}`}
        onClick={() => void start()}
        aria-expanded={state.step === "explaining"}
        aria-controls={state.step === "explaining" ? explanationId : undefined}
        disabled={state.step === "locating"}
      >
        <Icon name="pin" />
        <span>{active ? t("nearMe.again") : t("nearMe.button")}</span>
      </button>
      {state.step === "explaining" && (
        <div
          id={explanationId}
          className="near-me__explanation"
          role="group"
          aria-labelledby={`${explanationId}-title`}
        >
          <p id={`${explanationId}-title`} className="near-me__title">
            {t("nearMe.whyTitle")}
          </p>
          <p>{t("nearMe.why")}</p>
          <div className="actions">
            <button
              ref={allowButton}
              type="button"
              className="button button--small"
              onClick={() => void findLocation()}
            >
              {t("nearMe.allow")}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setState({ step: "idle" })}
            >
              {t("nearMe.notNow")}
            </button>
          </div>
        </div>
      )}
      {state.step === "locating" && (
        <p className="near-me__status" role="status">
          {t("nearMe.locating")}
        </p>
      )}
      {state.step === "failed" && (
        <div className="notice notice--warning near-me__failure" role="alert">
          <p>{t(`nearMe.failed.${state.reason}`)}</p>
          <button type="button" className="link-button" onClick={onChooseCity}>
            {t("nearMe.chooseCity")}
          </button>
        </div>
      )}
    </div>
  );
}

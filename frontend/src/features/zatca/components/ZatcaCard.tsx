import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { toLatinDigits } from "@/lib/phone";
import type { ZatcaUnit } from "@/types/models";

import { useZatcaUnit } from "../api/get-unit";
import { useOnboardZatcaUnit } from "../api/onboard-unit";
import { otpProblem } from "../forms";
import { NationalAddressForm } from "./NationalAddressForm";

const TONES: Record<ZatcaUnit["state"], "info" | "success" | "warning" | "error"> = {
  not_started: "info",
  compliance: "info",
  active: "success",
  expiring: "warning",
  expired: "error",
  failed: "error",
};

interface ZatcaCardProps {
  salonId: number;
  timeZone: string;
}

/** The salon's e-invoicing unit (ZATCA): its state, the legal details it needs, onboarding and renewal. */
export function ZatcaCard({ salonId, timeZone }: ZatcaCardProps) {
  const { t } = useTranslation("zatca");
  const unit = useZatcaUnit(salonId);

  return (
    <section className="card stack" aria-labelledby="zatca-heading">
      <h2 id="zatca-heading">{t("heading")}</h2>
      {unit.isPending ? (
        <LoadingState />
      ) : unit.isError ? (
        <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />
      ) : (
        <>
          <UnitState unit={unit.data} timeZone={timeZone} />
          <NationalAddressForm salonId={salonId} details={unit.data.legal_details} />
          <OnboardForm salonId={salonId} unit={unit.data} />
        </>
      )}
    </section>
  );
}

function UnitState({ unit, timeZone }: { unit: ZatcaUnit; timeZone: string }) {
  const { t } = useTranslation("zatca");
  const language = useLanguage();
  const missing = Object.keys(unit.missing);
  return (
    <Notice tone={TONES[unit.state]} title={t(`state.${unit.state}`)}>
      {unit.certificate_expires_at && (
        <p>{t("expires", { date: formatDate(unit.certificate_expires_at, language, timeZone, "long") })}</p>
      )}
      {unit.state === "failed" && unit.last_message && <p>{t("zatcaSaid", { message: unit.last_message })}</p>}
      {missing.length > 0 && (
        <p>
          {t("missing", {
            fields: missing.map((field) => t(`fieldNames.${field}`, { defaultValue: field })).join("، "),
          })}
        </p>
      )}
    </Notice>
  );
}

function OnboardForm({ salonId, unit }: { salonId: number; unit: ZatcaUnit }) {
  const { t } = useTranslation("zatca");
  const errorMessage = useErrorMessage();
  const onboard = useOnboardZatcaUnit(salonId);
  const [otp, setOtp] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [renewed, setRenewed] = useState(false);
  const renewing = unit.can_renew;

  if (!unit.can_onboard && !unit.can_renew) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onboard.reset();
    if (otpProblem(otp)) return setProblem(t("otp.invalid"));
    setProblem(null);
    setRenewed(renewing);
    onboard.mutate(toLatinDigits(otp.trim()), { onSuccess: () => setOtp("") });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="zatca-otp-heading">
      <h3 id="zatca-otp-heading">{renewing ? t("otp.renewHeading") : t("otp.heading")}</h3>
      <p className="muted">{t("otp.intro")}</p>
      <Field label={t("otp.label")} error={problem}>
        <input
          className="input"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={otp}
          onChange={(event) => {
            setOtp(event.target.value);
            setProblem(null);
          }}
        />
      </Field>
      {onboard.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(onboard.error)}</p>
        </Notice>
      )}
      {onboard.isSuccess && <Notice tone="success" live title={renewed ? t("otp.renewed") : t("otp.done")} />}
      <div className="actions">
        <button type="submit" className="button" disabled={onboard.isPending}>
          {onboard.isPending ? t("otp.working") : renewing ? t("otp.renew") : t("otp.submit")}
        </button>
      </div>
    </form>
  );
}

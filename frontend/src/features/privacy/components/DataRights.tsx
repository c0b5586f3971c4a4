import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { toLatinDigits } from "@/lib/phone";
import type { AccountDeleted, CodeSent } from "@/types/models";

import { useDeleteAccount } from "../api/delete-account";
import { useDownloadMyData } from "../api/download-my-data";
import { useRequestDeleteCode } from "../api/request-delete-code";

interface DataRightsProps {
  phoneNumber: string;
  onDeleted: (result: AccountDeleted) => void;
}

/**
 * The customer's data rights on the profile page: download everything held about them, and delete the
 * account (the consequences explained, a code sent to their own phone, typed, confirmed).
 */
export function DataRights({ phoneNumber, onDeleted }: DataRightsProps) {
  const { t } = useTranslation("privacy");
  const errorMessage = useErrorMessage();
  const download = useDownloadMyData();
  const [deleting, setDeleting] = useState(false);

  return (
    <section className="stack" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t("heading")}</h2>
      <p>{t("download.explain")}</p>
      <div>
        <button
          type="button"
          className="button button--secondary"
          disabled={download.isPending}
          onClick={() => download.mutate()}
        >
          {download.isPending ? t("download.busy") : t("download.action")}
        </button>
      </div>
      {download.isSuccess && (
        <Notice tone="success" live>
          <p>{t("download.done", { filename: download.data })}</p>
        </Notice>
      )}
      {download.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(download.error)}</p>
        </Notice>
      )}
      {deleting ? (
        <DeleteAccountForm phoneNumber={phoneNumber} onDeleted={onDeleted} onCancel={() => setDeleting(false)} />
      ) : (
        <div>
          <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
            {t("delete.start")}
          </button>
        </div>
      )}
    </section>
  );
}

interface DeleteAccountFormProps extends DataRightsProps {
  onCancel: () => void;
}

function DeleteAccountForm({ phoneNumber, onDeleted, onCancel }: DeleteAccountFormProps) {
  const { t } = useTranslation("privacy");
  const errorMessage = useErrorMessage();
  const requestCode = useRequestDeleteCode();
  const remove = useDeleteAccount();
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [code, setCode] = useState("");
  const [codeEmpty, setCodeEmpty] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sent) codeInput.current?.focus();
  }, [sent]);

  const sendCode = () => {
    remove.reset();
    requestCode.mutate(
      { phoneNumber, channel: "sms" },
      {
        onSuccess: (answer) => {
          setSent(answer);
          setCode("");
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!sent) return sendCode();
    if (!code) {
      setCodeEmpty(true);
      codeInput.current?.focus();
      return;
    }
    remove.mutate({ requestId: sent.request_id, code }, { onSuccess: onDeleted });
  };

  const busy = requestCode.isPending || remove.isPending;
  const codeError = codeEmpty ? t("delete.codeRequired") : remove.isError ? errorMessage(remove.error) : undefined;

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="privacy-delete-heading">
      <h3 id="privacy-delete-heading">{t("delete.heading")}</h3>
      <Notice tone="warning">
        <p>{t("delete.consequences")}</p>
        <ul>
          <li>{t("delete.bookings")}</li>
          <li>{t("delete.data")}</li>
          <li>{t("delete.records")}</li>
          <li>{t("delete.signUpAgain")}</li>
        </ul>
      </Notice>
      {requestCode.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(requestCode.error)}</p>
        </Notice>
      )}
      {sent && (
        <>
          <Notice tone="info" live>
            <p>{t("delete.codeSent")}</p>
          </Notice>
          <Field label={t("delete.code")} error={codeError}>
            <input
              ref={codeInput}
              className="input input--ltr input--code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={10}
              dir="ltr"
              value={code}
              onChange={(event) => {
                setCode(toLatinDigits(event.target.value).replace(/\D/g, ""));
                setCodeEmpty(false);
                remove.reset();
              }}
            />
          </Field>
        </>
      )}
      <div className="row">
        <button type="submit" className="button button--danger" disabled={busy}>
          {sent ? t("delete.confirm") : t("delete.sendCode")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t("delete.cancel")}
        </button>
      </div>
    </form>
  );
}

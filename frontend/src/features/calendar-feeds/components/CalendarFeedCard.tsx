import "../calendar-feeds.css";

import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { ErrorState } from "@/components/ErrorState";
import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import type { CalendarFeed } from "@/types/models";

import type { FeedOwner } from "../api/feed-owner";
import { useCalendarFeed } from "../api/get-feed";
import { useRotateCalendarFeed } from "../api/rotate-feed";

interface CalendarFeedCardProps {
  owner: FeedOwner;
}

/**
 * "Calendar feed": the private link a calendar app subscribes to (webcal://), copied, opened in Google
 * Calendar or scanned from a phone, and reset (asked first: the old link stops at once).
 */
export function CalendarFeedCard({ owner }: CalendarFeedCardProps) {
  const { t } = useTranslation("calendars");
  const headingId = useId();
  const feed = useCalendarFeed(owner);
  const explain = owner.kind === "salon" ? t("feed.explainSalon") : t("feed.explainStylist");

  return (
    <section className="card stack calendar-feed" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("feed.title")}</h2>
      <p>{explain}</p>
      {feed.isPending ? (
        <LoadingState />
      ) : feed.isError ? (
        <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <FeedLinks feed={feed.data} owner={owner} />
      )}
    </section>
  );
}

function FeedLinks({ feed, owner }: { feed: CalendarFeed; owner: FeedOwner }) {
  const { t } = useTranslation("calendars");
  const [copied, setCopied] = useState<"done" | "failed" | null>(null);
  const [asking, setAsking] = useState(false);
  const [reset, setReset] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feed.webcal_url);
      setCopied("done");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <>
      <div className="calendar-feed__link">
        <Field label={t("feed.link")}>
          <input className="input" readOnly value={feed.webcal_url} onFocus={(event) => event.currentTarget.select()} />
        </Field>
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t("feed.copy")}
        </button>
      </div>
      {copied && (
        <Notice tone={copied === "done" ? "success" : "warning"} live>
          <p>{copied === "done" ? t("feed.copied") : t("feed.copyFailed")}</p>
        </Notice>
      )}
      {reset && (
        <Notice tone="success" live>
          <p>{t("feed.resetDone")}</p>
        </Notice>
      )}
      <div className="actions">
        <a className="button" href={feed.webcal_url}>
          {t("feed.subscribe")}
        </a>
        <a className="button button--secondary" href={feed.google_calendar_url} target="_blank" rel="noreferrer">
          {t("feed.google")}
        </a>
      </div>
      <figure className="stack">
        <img className="calendar-feed__qr" src={feed.qr_code} alt={t("feed.qrAlt")} width={160} height={160} />
        <figcaption>{t("feed.qrCaption")}</figcaption>
      </figure>
      <p>{t("feed.private")}</p>
      <div>
        <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
          {t("feed.reset")}
        </button>
      </div>
      <ResetDialog
        open={asking}
        owner={owner}
        onClose={() => setAsking(false)}
        onReset={() => {
          setAsking(false);
          setCopied(null);
          setReset(true);
        }}
      />
    </>
  );
}

interface ResetDialogProps {
  open: boolean;
  owner: FeedOwner;
  onClose: () => void;
  onReset: () => void;
}

function ResetDialog({ open, owner, onClose, onReset }: ResetDialogProps) {
  const { t } = useTranslation("calendars");
  const errorMessage = useErrorMessage();
  const rotate = useRotateCalendarFeed(owner);

  return (
    <Dialog open={open} title={t("reset.title")} onClose={onClose}>
      <div className="stack">
        <p>{t("reset.explain")}</p>
        {rotate.isError && (
          <Notice tone="error" live>
            <p>{errorMessage(rotate.error)}</p>
          </Notice>
        )}
        <div className="actions">
          <button
            type="button"
            className="button button--danger"
            disabled={rotate.isPending}
            onClick={() => rotate.mutate(undefined, { onSuccess: onReset })}
          >
            {rotate.isPending ? t("reset.busy") : t("reset.confirm")}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("reset.keep")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

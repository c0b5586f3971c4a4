import "../notifications.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Reference } from "@/components/Reference";
import { useLanguage } from "@/hooks/use-language";
import { DEFAULT_TIME_ZONE } from "@/lib/calendar-date";
import { formatDateTime } from "@/lib/format/date";
import type { Notification } from "@/types/models";

import { useNotifications } from "../api/list-notifications";
import { useMarkAllNotificationsRead } from "../api/mark-all-read";
import { useMarkNotificationRead } from "../api/mark-read";

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation("notifications");
  const language = useLanguage();
  const markRead = useMarkNotificationRead();
  const read = () => {
    if (!notification.is_read) markRead.mutate(notification.id);
  };
  return (
    <li className={`notification${notification.is_read ? "" : " notification--unread"}`}>
      <div className="notification__header">
        <p className="notification__title">
          {!notification.is_read && <span className="visually-hidden">{t("unread")}: </span>}
          <bdi dir="auto">{notification.title}</bdi>
        </p>
        <time className="notification__time" dateTime={notification.created_at}>
          {formatDateTime(notification.created_at, language, DEFAULT_TIME_ZONE)}
        </time>
      </div>
      {/* Written in the language of its day: an older Arabic message keeps its own direction in English. */}
      <p className="notification__body" dir="auto">
        {notification.body}
      </p>
      <div className="actions">
        {notification.booking && (
          <Link className="link" to={`/bookings/${notification.booking.id}`} onClick={read}>
            {t("openBooking")} <Reference>{notification.booking.reference}</Reference>
          </Link>
        )}
        {!notification.is_read && (
          <button type="button" className="link-button" onClick={read} disabled={markRead.isPending}>
            {t("markRead")}
          </button>
        )}
      </div>
    </li>
  );
}

export function Inbox() {
  const { t } = useTranslation("notifications");
  const notifications = useNotifications();
  const markAll = useMarkAllNotificationsRead();

  if (notifications.isPending) return <LoadingState />;
  if (notifications.isError)
    return <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />;

  const items = notifications.data.pages.flatMap((page) => page.results);
  if (items.length === 0) return <EmptyState icon="bell" title={t("empty")} description={t("emptyText")} />;

  return (
    <div className="stack">
      {items.some((item) => !item.is_read) && (
        <button
          type="button"
          className="button button--secondary button--small align-end"
          onClick={() => markAll.mutate()}
          disabled={markAll.isPending}
        >
          {t("markAllRead")}
        </button>
      )}
      <ul className="notification-list">
        {items.map((notification) => (
          <NotificationItem key={notification.id} notification={notification} />
        ))}
      </ul>
      {notifications.hasNextPage && (
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => void notifications.fetchNextPage()}
          disabled={notifications.isFetchingNextPage}
        >
          {t("more")}
        </button>
      )}
    </div>
  );
}

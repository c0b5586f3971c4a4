import "../bookings.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import type { Booking } from "@/types/models";

import { type BookingTimeframe, useBookings } from "../api/list-bookings";
import { BookingCard } from "./BookingCard";

interface BookingListProps {
  timeframe: BookingTimeframe;
  onReschedule?: (booking: Booking) => void;
  /** The signed-in person: their past bookings offer "book again". */
  viewerId?: number;
}

export function BookingList({ timeframe, onReschedule, viewerId }: BookingListProps) {
  const { t } = useTranslation("bookings");
  const bookings = useBookings(timeframe);

  if (bookings.isPending) return <LoadingState />;
  if (bookings.isError) return <ErrorState error={bookings.error} onRetry={() => void bookings.refetch()} />;

  const items = bookings.data.pages.flatMap((page) => page.results);
  if (items.length === 0) {
    return (
      <EmptyState
        icon="calendar"
        title={timeframe === "upcoming" ? t("list.emptyUpcoming") : t("list.emptyPast")}
        action={
          timeframe === "upcoming" ? (
            <Link className="button" to="/">
              {t("list.findSalon")}
            </Link>
          ) : undefined
        }
      />
    );
  }

  return (
    <>
      <ul className="booking-list">
        {items.map((booking) => (
          <li key={booking.id}>
            <BookingCard booking={booking} onReschedule={onReschedule} viewerId={viewerId} linkToDetails />
          </li>
        ))}
      </ul>
      {bookings.hasNextPage && (
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => void bookings.fetchNextPage()}
          disabled={bookings.isFetchingNextPage}
        >
          {t("list.more")}
        </button>
      )}
    </>
  );
}

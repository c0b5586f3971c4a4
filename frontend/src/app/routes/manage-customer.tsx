import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { useCustomer } from "@/features/desk/api/get-customer";
import { BlockCustomer } from "@/features/desk/components/BlockCustomer";
import { CustomerBookings } from "@/features/desk/components/CustomerBookings";
import { BlockedBadge, CustomerFacts } from "@/features/desk/components/CustomerFacts";
import { CustomerNotesForm } from "@/features/desk/components/CustomerNotesForm";
import { ForgiveNoShow } from "@/features/desk/components/ForgiveNoShow";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api-client";
import { formatPhoneForDisplay } from "@/lib/phone";
import { parseId } from "@/lib/route-params";

function CustomerPage({ salonId, userId }: { salonId: number; userId: number }) {
  const { t } = useTranslation("desk");
  const customer = useCustomer(salonId, userId);
  const name = customer.data ? customer.data.first_name || t("calendar.customer") : null;
  useDocumentTitle(name ?? t("customers.title"));

  if (isApiError(customer.error) && customer.error.status === 404) return <NotFound />;

  return (
    <div className="desk-page stack narrow">
      <Link className="link" to={`/manage/${salonId}/customers`}>
        <Icon name="back" size={16} />
        {t("customers.all")}
      </Link>
      {customer.isPending ? (
        <LoadingState />
      ) : customer.isError ? (
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />
      ) : (
        <>
          <header className="desk-customer__header">
            <h1>{name}</h1>
            {customer.data.blocked && <BlockedBadge />}
          </header>
          <p>
            <a className="link" href={`tel:${customer.data.phone_number}`}>
              <bdi dir="ltr">{formatPhoneForDisplay(customer.data.phone_number)}</bdi>
            </a>
          </p>
          <CustomerFacts customer={customer.data} />
          <section className="stack card" aria-labelledby="customer-notes">
            <h2 id="customer-notes">{t("customers.notesTitle")}</h2>
            <CustomerNotesForm key={customer.data.user_id} customer={customer.data} salonId={salonId} />
          </section>
          <section className="stack card" aria-labelledby="customer-block">
            <h2 id="customer-block">{t("customers.onlineBooking")}</h2>
            <BlockCustomer customer={customer.data} salonId={salonId} />
          </section>
          <section className="stack card" aria-labelledby="customer-no-shows">
            <h2 id="customer-no-shows">{t("customers.noShowsTitle")}</h2>
            <ForgiveNoShow customer={customer.data} salonId={salonId} />
          </section>
          <section className="stack" aria-labelledby="customer-bookings">
            <h2 id="customer-bookings">{t("customers.bookings")}</h2>
            <CustomerBookings bookings={customer.data.bookings} />
          </section>
        </>
      )}
    </div>
  );
}

/** One customer of the salon: history, notes and tags, and blocking online booking. */
export function Component() {
  const params = useParams();
  const salonId = parseId(params.salonId);
  const userId = parseId(params.userId);
  if (salonId === null || userId === null) return <NotFound />;
  return <CustomerPage key={`${salonId}-${userId}`} salonId={salonId} userId={userId} />;
}

export default Component;

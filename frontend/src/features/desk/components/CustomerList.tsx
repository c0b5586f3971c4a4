import "../desk.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { formatPhoneForDisplay } from "@/lib/phone";

import type { Customer } from "@/types/models";
import { BlockedBadge, CustomerFacts, CustomerTags } from "./CustomerFacts";

/** The salon's customers, each linking to their page. */
export function CustomerList({ customers, salonId }: { customers: Customer[]; salonId: number }) {
  const { t } = useTranslation("desk");
  return (
    <ul className="desk-customers">
      {customers.map((customer) => {
        const headingId = `desk-customer-${customer.user_id}`;
        return (
          <li key={customer.user_id}>
            <article className="desk-customer" aria-labelledby={headingId}>
              <header className="desk-customer__header">
                <h2 id={headingId} className="desk-customer__name">
                  <Link className="link" to={`/manage/${salonId}/customers/${customer.user_id}`}>
                    {customer.first_name || t("calendar.customer")}
                  </Link>
                </h2>
                {customer.blocked && <BlockedBadge />}
              </header>
              <p className="desk-customer__phone">
                <bdi dir="ltr">{formatPhoneForDisplay(customer.phone_number)}</bdi>
              </p>
              <CustomerTags tags={customer.tags} />
              <CustomerFacts customer={customer} />
            </article>
          </li>
        );
      })}
    </ul>
  );
}

import "../bookings.css";

import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import type { Money } from "@/types/models";

/** Total, the 15% VAT it includes, and the amount before VAT. */
export function PriceBreakdown({ price }: { price: Money }) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const money = (halalas: number) => formatMoney(halalas, price.currency, language);
  return (
    <dl className="price-breakdown">
      <div>
        <dt>{t("price.beforeVat")}</dt>
        <dd>{money(price.amount - price.vat_amount)}</dd>
      </div>
      <div>
        <dt>{t("price.vat")}</dt>
        <dd>{money(price.vat_amount)}</dd>
      </div>
      <div className="price-breakdown__total">
        <dt>{t("price.total")}</dt>
        <dd>{money(price.amount)}</dd>
      </div>
    </dl>
  );
}

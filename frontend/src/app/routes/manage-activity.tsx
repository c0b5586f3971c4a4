import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { AuditLog } from "@/features/backoffice/components/AuditLog";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { parseId } from "@/lib/route-params";

import { useManageContext } from "../layout/manage-context";

/** `/manage/:salonId/activity?object=&page=`: the audit log; the filter and page are in the URL. */
export function Component() {
  const { t } = useTranslation("backoffice");
  const { salon } = useManageContext();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t("sections.activity"));
  const object = params.get("object") ?? "";
  const page = parseId(params.get("page") ?? undefined) ?? 1;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  return (
    <AuditLog
      key={salon.id}
      salonId={salon.id}
      timeZone={salon.timezone}
      object={object}
      page={page}
      onFilter={(value) => update({ object: value, page: null })}
      onPage={(value) => update({ page: value > 1 ? String(value) : null })}
    />
  );
}

import "../desk.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";

/** Search the customers by name or phone number; the query lives in the URL (`?q=`). */
export function CustomerSearch({ query, onSearch }: { query: string; onSearch: (query: string) => void }) {
  const { t } = useTranslation("desk");
  const [value, setValue] = useState(query);
  // A query changed from outside (Back, a link) shows in the box: adjusted during render.
  const [followed, setFollowed] = useState(query);
  if (followed !== query) {
    setFollowed(query);
    setValue(query);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };

  return (
    <form role="search" className="desk-search" onSubmit={submit}>
      <Field label={t("customers.search")} hint={t("customers.searchHint")}>
        <input
          className="input"
          type="search"
          dir="auto"
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </Field>
      <button type="submit" className="button">
        {t("customers.searchButton")}
      </button>
    </form>
  );
}

import "../desk.css";

import { type FormEvent, type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { Notice } from "@/components/Notice";
import { isApiError } from "@/lib/api-client";

import { useUpdateCustomer } from "../api/update-customer";
import type { Customer } from "@/types/models";

const MAX_TAG_LENGTH = 50;

/** The salon's private notes and tags about a customer, saved together. */
export function CustomerNotesForm({ customer, salonId }: { customer: Customer; salonId: number }) {
  const { t } = useTranslation("desk");
  const errorMessage = useErrorMessage();
  const update = useUpdateCustomer();
  const [notes, setNotes] = useState(customer.notes);
  const [tags, setTags] = useState(customer.tags);
  const [newTag, setNewTag] = useState("");
  const changed = notes !== customer.notes || tags.join("\n") !== customer.tags.join("\n");
  const fieldErrors = isApiError(update.error) ? update.error.fieldErrors : {};

  const addTag = () => {
    const tag = newTag.trim();
    if (tag && !tags.includes(tag)) setTags([...tags, tag]);
    setNewTag("");
    update.reset();
  };

  const onTagKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    addTag();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotes(notes.trim());
    update.mutate({ salonId, userId: customer.user_id, changes: { notes: notes.trim(), tags } });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("customers.notesTitle")}>
      <Field label={t("customers.notes")} hint={t("customers.notesHint")} error={fieldErrors.notes?.[0] ?? null}>
        <textarea
          className="input"
          rows={3}
          dir="auto"
          maxLength={2000}
          value={notes}
          onChange={(event) => {
            setNotes(event.target.value);
            update.reset();
          }}
        />
      </Field>
      <div className="stack desk-tags-editor">
        <p className="field__label" id={`tags-${customer.user_id}`}>
          {t("customers.tags")}
        </p>
        {tags.length === 0 ? (
          <p className="field__hint">{t("customers.noTags")}</p>
        ) : (
          <ul className="tags" aria-labelledby={`tags-${customer.user_id}`}>
            {tags.map((tag) => (
              <li key={tag} className="tag desk-tag">
                <bdi dir="auto">{tag}</bdi>
                <button
                  type="button"
                  className="desk-tag__remove"
                  aria-label={t("customers.removeTag", { tag })}
                  onClick={() => {
                    setTags(tags.filter((other) => other !== tag));
                    update.reset();
                  }}
                >
                  <Icon name="close" size={14} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="desk-tags-editor__add">
          <Field label={t("customers.newTag")} error={fieldErrors.tags?.[0] ?? null}>
            <input
              className="input"
              dir="auto"
              maxLength={MAX_TAG_LENGTH}
              value={newTag}
              onChange={(event) => setNewTag(event.target.value)}
              onKeyDown={onTagKey}
            />
          </Field>
          <button type="button" className="button button--secondary" disabled={!newTag.trim()} onClick={addTag}>
            {t("customers.addTag")}
          </button>
        </div>
      </div>
      {update.isSuccess && !changed && <Notice tone="success" live title={t("customers.saved")} />}
      {update.isError && !fieldErrors.notes && !fieldErrors.tags && (
        <Notice tone="error" live>
          <p>{errorMessage(update.error)}</p>
        </Notice>
      )}
      <button type="submit" className="button align-end" disabled={!changed || update.isPending}>
        {update.isPending ? t("customers.saving") : t("customers.save")}
      </button>
    </form>
  );
}

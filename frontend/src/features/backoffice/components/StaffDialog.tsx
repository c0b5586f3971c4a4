import "../backoffice.css";

import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { cleanPhoneInput, formatPhoneForDisplay, toSaudiMobile } from "@/lib/phone";

import { useAddStaff } from "../api/add-staff";
import { useUpdateStaff, useUploadStaffPhoto } from "../api/update-staff";
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from "../api/upload-photo";
import { type ClientErrors, hasErrors, parseWhole, serverFieldError } from "../forms";
import { localizedName, staffName } from "../names";
import type { ManagedService, ManagedStaff } from "@/types/models";
import { useValidationMessages } from "../hooks/use-validation-messages";
import { FormErrorNotice } from "./FormErrorNotice";

const ADD_FIELDS = ["phone_number", "display_name", "display_name_en", "service_ids"] as const;
const EDIT_FIELDS = [
  "display_name",
  "display_name_en",
  "title_ar",
  "title_en",
  "service_ids",
  "display_order",
  "photo",
] as const;

/** The stylist's name in Arabic (required) and in English (optional), side by side. */
function NameFields({
  nameAr,
  nameEn,
  onChangeAr,
  onChangeEn,
  error,
}: {
  nameAr: string;
  nameEn: string;
  onChangeAr: (value: string) => void;
  onChangeEn: (value: string) => void;
  error: (field: string) => string | null;
}) {
  const { t } = useTranslation("backoffice");
  return (
    <div className="bilingual">
      <Field label={t("fields.display_name")} hint={t("team.displayNameHint")} error={error("display_name")}>
        <input
          className="input"
          dir="rtl"
          lang="ar"
          maxLength={80}
          required
          value={nameAr}
          onChange={(event) => onChangeAr(event.target.value)}
        />
      </Field>
      <Field label={t("fields.display_name_en")} hint={t("team.displayNameEnHint")} error={error("display_name_en")}>
        <input
          className="input"
          dir="ltr"
          lang="en"
          maxLength={80}
          value={nameEn}
          onChange={(event) => onChangeEn(event.target.value)}
        />
      </Field>
    </div>
  );
}

/** Client checks of the two names: the Arabic one required, both at most 80 characters. */
function nameErrors(nameAr: string, nameEn: string, required: string, tooLong: string): ClientErrors {
  const found: ClientErrors = {};
  if (!nameAr.trim()) found.display_name = required;
  else if (nameAr.trim().length > 80) found.display_name = tooLong;
  if (nameEn.trim().length > 80) found.display_name_en = tooLong;
  return found;
}

function ServiceChecklist({
  services,
  chosen,
  onChange,
  error,
}: {
  services: ManagedService[];
  chosen: number[];
  onChange: (chosen: number[]) => void;
  error: string | null;
}) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const legendId = useId();
  // The active services, and any inactive one the stylist still offers.
  const shown = services.filter((service) => service.is_active || chosen.includes(service.id));
  return (
    <fieldset className="checklist" aria-describedby={error ? `${legendId}-error` : undefined}>
      <legend id={legendId} className="field__label">
        {t("team.services")}
      </legend>
      {shown.length === 0 ? (
        <p className="field__hint">{t("team.noServices")}</p>
      ) : (
        shown.map((service) => (
          <label key={service.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(service.id)}
              onChange={(event) =>
                onChange(event.target.checked ? [...chosen, service.id] : chosen.filter((id) => id !== service.id))
              }
            />
            <span>{localizedName(service, language)}</span>
          </label>
        ))
      )}
      {error && (
        <p className="field__error" id={`${legendId}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface AddStaffDialogProps {
  salonId: number;
  services: ManagedService[];
  onClose: () => void;
  onAdded: (member: ManagedStaff) => void;
}

/** A new stylist by mobile number: their account is linked (or created) and they are told by SMS. */
export function AddStaffDialog({ salonId, services, onClose, onAdded }: AddStaffDialogProps) {
  const { t } = useTranslation("backoffice");
  const messages = useValidationMessages();
  const add = useAddStaff(salonId);
  const [phone, setPhone] = useState("");
  const [name, setName] = useState("");
  const [nameEn, setNameEn] = useState("");
  const [serviceIds, setServiceIds] = useState<number[]>([]);
  const [errors, setErrors] = useState<ClientErrors>({});
  const error = (field: string) => errors[field] ?? serverFieldError(add.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = nameErrors(name, nameEn, t("validation.required"), messages.tooLong(80));
    const mobile = toSaudiMobile(phone);
    if (!mobile) found.phone_number = t("validation.mobile");
    setErrors(found);
    if (hasErrors(found) || !mobile) return;
    add.mutate(
      { phone_number: mobile, display_name: name.trim(), display_name_en: nameEn.trim(), service_ids: serviceIds },
      { onSuccess: onAdded },
    );
  };

  return (
    <Dialog open title={t("team.addTitle")} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <p>{t("team.addExplanation")}</p>
        <Field label={t("team.mobile")} error={error("phone_number")}>
          <input
            className="input input--ltr"
            type="tel"
            dir="ltr"
            inputMode="tel"
            autoComplete="off"
            placeholder="05XXXXXXXX"
            value={phone}
            onChange={(event) => setPhone(cleanPhoneInput(event.target.value))}
          />
        </Field>
        <NameFields nameAr={name} nameEn={nameEn} onChangeAr={setName} onChangeEn={setNameEn} error={error} />
        <ServiceChecklist
          services={services}
          chosen={serviceIds}
          onChange={setServiceIds}
          error={error("service_ids")}
        />
        {hasErrors(errors) && (
          <Notice tone="error" live>
            <p>{t("form.checkFields")}</p>
          </Notice>
        )}
        <FormErrorNotice error={add.error} fields={ADD_FIELDS} />
        <div className="actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? t("form.saving") : t("team.addSubmit")}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("actions.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface EditStaffDialogProps {
  salonId: number;
  member: ManagedStaff;
  services: ManagedService[];
  onClose: () => void;
  onSaved: (member: ManagedStaff) => void;
}

/** A stylist's name, titles, services, place in the list and photo. */
export function EditStaffDialog({ salonId, member, services, onClose, onSaved }: EditStaffDialogProps) {
  const { t } = useTranslation("backoffice");
  const messages = useValidationMessages();
  const update = useUpdateStaff(salonId);
  const uploadPhoto = useUploadStaffPhoto(salonId);
  const language = useLanguage();
  const [name, setName] = useState(member.display_name);
  const [nameEn, setNameEn] = useState(member.display_name_en);
  const [titleAr, setTitleAr] = useState(member.title_ar);
  const [titleEn, setTitleEn] = useState(member.title_en);
  const [order, setOrder] = useState(String(member.display_order));
  const [serviceIds, setServiceIds] = useState(member.service_ids);
  const [photo, setPhoto] = useState<File | null>(null);
  const [errors, setErrors] = useState<ClientErrors>({});
  const failed = update.error ?? uploadPhoto.error;
  const error = (field: string) => errors[field] ?? serverFieldError(failed, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = nameErrors(name, nameEn, t("validation.required"), messages.tooLong(80));
    for (const [field, value] of [
      ["title_ar", titleAr],
      ["title_en", titleEn],
    ] as const) {
      if (value.trim().length > 80) found[field] = messages.tooLong(80);
    }
    const displayOrder = parseWhole(order);
    if (displayOrder === null) found.display_order = t("validation.wholeNumber");
    if (photo && !(PHOTO_TYPES as readonly string[]).includes(photo.type)) found.photo = t("photos.wrongType");
    else if (photo && photo.size > PHOTO_MAX_BYTES) found.photo = t("photos.tooLarge");
    setErrors(found);
    if (hasErrors(found) || displayOrder === null) return;
    uploadPhoto.reset();
    update.mutate(
      {
        staffId: member.id,
        changes: {
          display_name: name.trim(),
          display_name_en: nameEn.trim(),
          title_ar: titleAr.trim(),
          title_en: titleEn.trim(),
          display_order: displayOrder,
          service_ids: serviceIds,
        },
      },
      {
        onSuccess: (saved) => {
          if (!photo) onSaved(saved);
          else uploadPhoto.mutate({ staffId: member.id, photo }, { onSuccess: onSaved });
        },
      },
    );
  };

  return (
    <Dialog open title={t("team.editTitle", { name: staffName(member, language) })} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {member.phone_number && (
          <p>
            {t("team.mobile")}: <bdi dir="ltr">{formatPhoneForDisplay(member.phone_number)}</bdi>
          </p>
        )}
        <NameFields nameAr={name} nameEn={nameEn} onChangeAr={setName} onChangeEn={setNameEn} error={error} />
        <div className="bilingual">
          <Field label={t("fields.title_ar")} error={error("title_ar")}>
            <input
              className="input"
              dir="rtl"
              lang="ar"
              maxLength={80}
              value={titleAr}
              onChange={(event) => setTitleAr(event.target.value)}
            />
          </Field>
          <Field label={t("fields.title_en")} error={error("title_en")}>
            <input
              className="input"
              dir="ltr"
              lang="en"
              maxLength={80}
              value={titleEn}
              onChange={(event) => setTitleEn(event.target.value)}
            />
          </Field>
        </div>
        <ServiceChecklist
          services={services}
          chosen={serviceIds}
          onChange={setServiceIds}
          error={error("service_ids")}
        />
        <Field label={t("fields.display_order")} hint={t("team.orderHint")} error={error("display_order")}>
          <input
            className="input input--ltr"
            dir="ltr"
            inputMode="numeric"
            value={order}
            onChange={(event) => setOrder(event.target.value)}
          />
        </Field>
        <Field label={t("team.photo")} hint={t("photos.fileHint")} error={error("photo")}>
          <input
            className="input"
            type="file"
            accept={PHOTO_TYPES.join(",")}
            onChange={(event) => setPhoto(event.target.files?.[0] ?? null)}
          />
        </Field>
        {hasErrors(errors) && (
          <Notice tone="error" live>
            <p>{t("form.checkFields")}</p>
          </Notice>
        )}
        <FormErrorNotice error={failed} fields={EDIT_FIELDS} />
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending || uploadPhoto.isPending}>
            {update.isPending || uploadPhoto.isPending ? t("form.saving") : t("form.save")}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("actions.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

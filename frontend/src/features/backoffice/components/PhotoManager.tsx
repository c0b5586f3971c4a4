import "../backoffice.css";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { isApiError } from "@/lib/api-client";
import { formatNumber } from "@/lib/format/number";

import { useDeletePhoto } from "../api/delete-photo";
import { usePhotos } from "../api/list-photos";
import { useReorderPhotos, useUpdatePhoto } from "../api/update-photo";
import { PHOTO_MAX_BYTES, PHOTO_TYPES, useUploadPhoto } from "../api/upload-photo";
import { serverFieldError } from "../forms";
import type { SalonPhoto } from "@/types/models";
import { ConfirmDialog } from "./ConfirmDialog";
import { FormErrorNotice } from "./FormErrorNotice";

const CAPTION_MAX = 200;

interface Chosen {
  file: File;
  /** A local preview (an object URL), released when another file is chosen or the form goes. */
  preview: string | null;
}

function choice(file: File | null): Chosen | null {
  if (!file) return null;
  return { file, preview: typeof URL.createObjectURL === "function" ? URL.createObjectURL(file) : null };
}

function UploadForm({ salonId }: { salonId: number }) {
  const { t } = useTranslation("backoffice");
  const upload = useUploadPhoto(salonId);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [captionAr, setCaptionAr] = useState("");
  const [captionEn, setCaptionEn] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const preview = chosen?.preview;
    return () => {
      if (preview) URL.revokeObjectURL(preview);
    };
  }, [chosen]);
  const imageError =
    fileError ??
    serverFieldError(upload.error, "image") ??
    (isApiError(upload.error) && upload.error.code === "invalid_image" ? upload.error.detail : null);

  const choose = (file: File | null) => {
    upload.reset();
    setChosen(choice(file));
    if (!file) setFileError(null);
    else if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) setFileError(t("photos.wrongType"));
    else if (file.size > PHOTO_MAX_BYTES) setFileError(t("photos.tooLarge"));
    else setFileError(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setFileError(t("photos.chooseFile"));
      return;
    }
    if (fileError) return;
    upload.mutate(
      { image: chosen.file, caption_ar: captionAr.trim(), caption_en: captionEn.trim() },
      {
        onSuccess: () => {
          setChosen(null);
          setCaptionAr("");
          setCaptionEn("");
          if (inputRef.current) inputRef.current.value = "";
        },
      },
    );
  };

  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="photo-upload-title">
      <h3 id="photo-upload-title">{t("photos.add")}</h3>
      <Field label={t("photos.file")} hint={t("photos.fileHint")} error={imageError}>
        <input
          ref={inputRef}
          className="input"
          type="file"
          accept={PHOTO_TYPES.join(",")}
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
        />
      </Field>
      {chosen?.preview && <img className="photo-preview" src={chosen.preview} alt={t("photos.preview")} />}
      <div className="bilingual">
        <Field label={t("fields.caption_ar")} error={serverFieldError(upload.error, "caption_ar")}>
          <input
            className="input"
            dir="rtl"
            lang="ar"
            maxLength={CAPTION_MAX}
            value={captionAr}
            onChange={(event) => setCaptionAr(event.target.value)}
          />
        </Field>
        <Field label={t("fields.caption_en")} error={serverFieldError(upload.error, "caption_en")}>
          <input
            className="input"
            dir="ltr"
            lang="en"
            maxLength={CAPTION_MAX}
            value={captionEn}
            onChange={(event) => setCaptionEn(event.target.value)}
          />
        </Field>
      </div>
      {!imageError && <FormErrorNotice error={upload.error} fields={["image", "caption_ar", "caption_en"]} />}
      {upload.isSuccess && <Notice tone="success" live title={t("photos.uploaded")} />}
      <button type="submit" className="button manage-form__submit" disabled={upload.isPending}>
        {upload.isPending ? t("photos.uploading") : t("photos.upload")}
      </button>
    </form>
  );
}

function CaptionDialog({ salonId, photo, onClose }: { salonId: number; photo: SalonPhoto; onClose: () => void }) {
  const { t } = useTranslation("backoffice");
  const update = useUpdatePhoto(salonId);
  const [captionAr, setCaptionAr] = useState(photo.caption_ar);
  const [captionEn, setCaptionEn] = useState(photo.caption_en);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { photoId: photo.id, changes: { caption_ar: captionAr.trim(), caption_en: captionEn.trim() } },
      { onSuccess: onClose },
    );
  };

  return (
    <Dialog open title={t("photos.editCaption")} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <img className="photo-preview" src={photo.thumbnail_url ?? photo.url ?? undefined} alt="" />
        <Field label={t("fields.caption_ar")} error={serverFieldError(update.error, "caption_ar")}>
          <input
            className="input"
            dir="rtl"
            lang="ar"
            maxLength={CAPTION_MAX}
            value={captionAr}
            onChange={(event) => setCaptionAr(event.target.value)}
          />
        </Field>
        <Field label={t("fields.caption_en")} error={serverFieldError(update.error, "caption_en")}>
          <input
            className="input"
            dir="ltr"
            lang="en"
            maxLength={CAPTION_MAX}
            value={captionEn}
            onChange={(event) => setCaptionEn(event.target.value)}
          />
        </Field>
        <FormErrorNotice error={update.error} fields={["caption_ar", "caption_en"]} />
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {update.isPending ? t("form.saving") : t("form.save")}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("actions.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The gallery: upload with a preview, captions, order, the cover, and deleting with a confirmation. */
export function PhotoManager({ salonId }: { salonId: number }) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const photos = usePhotos(salonId);
  const update = useUpdatePhoto(salonId);
  const reorder = useReorderPhotos(salonId);
  const remove = useDeletePhoto(salonId);
  const [editing, setEditing] = useState<SalonPhoto | null>(null);
  const [deleting, setDeleting] = useState<SalonPhoto | null>(null);
  const listId = useId();

  const move = (list: SalonPhoto[], index: number, by: -1 | 1) => {
    const ordered = [...list];
    const [photo] = ordered.splice(index, 1);
    if (!photo) return;
    ordered.splice(index + by, 0, photo);
    reorder.mutate(ordered);
  };

  const caption = (photo: SalonPhoto) =>
    (language === "en" ? photo.caption_en || photo.caption_ar : photo.caption_ar || photo.caption_en) || null;
  const photoName = (photo: SalonPhoto, index: number) =>
    caption(photo) ?? t("photos.number", { n: formatNumber(index + 1, language) });
  const busy = update.isPending || reorder.isPending;

  return (
    <section className="stack" aria-labelledby={listId}>
      <h2 id={listId}>{t("photos.title")}</h2>
      {photos.isPending ? (
        <LoadingState />
      ) : photos.isError ? (
        <ErrorState error={photos.error} onRetry={() => void photos.refetch()} />
      ) : photos.data.length === 0 ? (
        <EmptyState icon="image" title={t("photos.empty")} />
      ) : (
        <ol className="photo-grid">
          {photos.data.map((photo, index, list) => (
            <li key={photo.id} className="photo-card">
              <img
                className="photo-card__image"
                src={photo.thumbnail_url ?? photo.url ?? undefined}
                alt={photoName(photo, index)}
              />
              <div className="photo-card__body">
                <p className="photo-card__caption">
                  {caption(photo) ?? <span className="muted">{t("photos.noCaption")}</span>}
                </p>
                {photo.is_cover && <span className="tag">{t("photos.cover")}</span>}
                <div className="actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t("photos.moveEarlier", { name: photoName(photo, index) })}
                    disabled={index === 0 || busy}
                    onClick={() => move(list, index, -1)}
                  >
                    <Icon name="up" />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t("photos.moveLater", { name: photoName(photo, index) })}
                    disabled={index === list.length - 1 || busy}
                    onClick={() => move(list, index, 1)}
                  >
                    <Icon name="down" />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t("photos.editCaptionOf", { name: photoName(photo, index) })}
                    onClick={() => setEditing(photo)}
                  >
                    <Icon name="edit" />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label={t("photos.deleteOf", { name: photoName(photo, index) })}
                    onClick={() => {
                      remove.reset();
                      setDeleting(photo);
                    }}
                  >
                    <Icon name="trash" />
                  </button>
                </div>
                {!photo.is_cover && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={busy}
                    onClick={() => update.mutate({ photoId: photo.id, changes: { is_cover: true } })}
                  >
                    {t("photos.makeCover")}
                    <span className="visually-hidden">: {photoName(photo, index)}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {(update.isError || reorder.isError) && <FormErrorNotice error={update.error ?? reorder.error} fields={[]} />}
      <UploadForm salonId={salonId} />
      {editing && <CaptionDialog salonId={salonId} photo={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={t("photos.deleteTitle")}
        confirmLabel={t("photos.deleteConfirm")}
        pendingLabel={t("form.deleting")}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
      >
        {deleting && <img className="photo-preview" src={deleting.thumbnail_url ?? deleting.url ?? undefined} alt="" />}
        <p>{deleting?.is_cover ? t("photos.deleteCoverText") : t("photos.deleteText")}</p>
      </ConfirmDialog>
    </section>
  );
}

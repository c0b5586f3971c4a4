// The back office's catalog shapes (photos, services, staff and their hours), typed by hand from the
// issue #11 API contract because the backend's catalog endpoints are not in openapi.json yet. Once
// they are (`npm run api:types`), each becomes an alias in `@/types/models` of its generated schema
// and this file goes. The salon itself and the audit log are generated already (`@/types/models`).
//
// Money is integer halalas; datetimes ISO 8601 with the salon's offset; dates YYYY-MM-DD; times HH:MM.

/** `GET /api/manage/salons/{id}/photos/` (a plain array, ordered by `display_order`). */
export interface SalonPhoto {
  id: number;
  url: string;
  thumbnail_url: string;
  width: number;
  height: number;
  caption_ar: string;
  caption_en: string;
  display_order: number;
  is_cover: boolean;
}

/** `PATCH .../photos/{photo_id}/`: `is_cover` can only be set (another photo is then no longer the cover). */
export interface SalonPhotoChanges {
  caption_ar?: string;
  caption_en?: string;
  display_order?: number;
  is_cover?: true;
}

/** A service as the back office edits it: `GET /api/manage/salons/{id}/services/`. */
export interface ManagedService {
  id: number;
  /** The category's id (`GET /api/salons/categories/`). */
  category: number;
  category_name: string;
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  duration_minutes: number;
  /** Halalas, VAT included. */
  price_amount: number;
  currency: string;
  buffer_minutes: number;
  is_active: boolean;
  display_order: number;
  staff_ids: number[];
}

/** `POST .../services/` and `PATCH .../services/{service_id}/` (partial there). */
export type ServiceInput = Omit<ManagedService, "id" | "category_name" | "currency">;

/**
 * `DELETE .../services/{service_id}/`: nothing (204) when the service had no bookings; otherwise it
 * is deactivated instead and the server says so.
 */
export type ServiceDeletion = { deactivated: true; detail: string; service: ManagedService } | undefined;

/** A stylist as the back office edits them: `GET /api/manage/salons/{id}/staff/`. */
export interface ManagedStaff {
  id: number;
  display_name: string;
  title_ar: string;
  title_en: string;
  bio_ar?: string;
  bio_en?: string;
  photo_url: string | null;
  is_active: boolean;
  display_order: number;
  service_ids: number[];
  /** E.164. */
  phone_number: string;
  user_id: number | null;
}

/** `POST .../staff/`: an existing account with this number is linked, else one is created (and told by SMS). */
export interface StaffInput {
  phone_number: string;
  display_name: string;
  service_ids?: number[];
}

/** What to do with the bookings a change would leave without a stylist (else 409 `bookings_affected`). */
export interface AffectedBookingsResolution {
  /** Move them to this stylist (deactivation only). */
  reassign_to?: number;
  /** Cancel them; their customers are told, refunds follow the usual rules. */
  cancel_affected?: boolean;
  reason?: string;
}

/** `PATCH .../staff/{staff_id}/` (a photo goes as multipart `photo` instead). */
export interface StaffChanges extends AffectedBookingsResolution {
  display_name?: string;
  title_ar?: string;
  title_en?: string;
  service_ids?: number[];
  is_active?: boolean;
  display_order?: number;
}

/** One of the bookings listed by a 409 `bookings_affected`. */
export interface AffectedBooking {
  id: number;
  reference: string;
  start: string;
  end: string;
  service_name: string;
  customer_first_name: string;
  staff_id: number;
  status: string;
}

/** `GET|PUT .../staff/{staff_id}/hours/`. An end at or before the start runs past midnight (overnight). */
export interface WorkingInterval {
  /** 0 = Monday … 6 = Sunday (the Saudi week starts on Sunday: shown from 6). */
  weekday: number;
  start: string;
  end: string;
}

/** `GET .../staff/{staff_id}/time-off/`. */
export interface TimeOff {
  id: number;
  start: string;
  end: string;
  reason: string;
}

export type TimeOffInput = Omit<TimeOff, "id"> & { cancel_affected?: boolean };

/** `GET .../staff/{staff_id}/special-hours/`: no times means a day off. */
export interface SpecialHours {
  id: number;
  date: string;
  start: string | null;
  end: string | null;
}

export type SpecialHoursInput = Omit<SpecialHours, "id"> & { cancel_affected?: boolean };

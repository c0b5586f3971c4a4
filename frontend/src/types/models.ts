// Friendly names for the API's shapes. The shapes themselves are generated from the OpenAPI schema
// into ./api.ts (`npm run api:types`); nothing here describes a field by hand. Money is integer
// halalas; datetimes are ISO 8601 with the salon's offset; dates are local calendar days (YYYY-MM-DD).
import type { components } from "./api";

type Schemas = components["schemas"];

/**
 * Fields the server always sends that the schema marks optional: drf-spectacular leaves a model
 * field with a default out of `required` even in responses. Named one by one, so a field the
 * schema really makes optional stays optional.
 */
type WithRequired<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], undefined> };

// --- Accounts ---------------------------------------------------------------

export type Language = Schemas["PreferredLanguageEnum"];
export type Role = Schemas["RoleEnum"];
export type CodeChannel = Schemas["ChannelEnum"];
export type User = Schemas["User"];
export type UserUpdate = Schemas["PatchedUserUpdateRequest"];
export type CodeSent = Schemas["PhoneCodeSent"];
/**
 * The web app signs in with `X-Auth-Cookie: 1`: the refresh token is set as an httpOnly cookie and
 * left out of the body (ADR 0004), so the schema's `refresh` field never reaches it.
 */
export type SignIn = Omit<Schemas["PhoneSignIn"], "refresh">;

// --- Salons -----------------------------------------------------------------

export type City = Schemas["CityEnum"];
export type Audience = Schemas["AudienceEnum"];
/** A service category salons can be filtered by (`category=<slug>`); its name is in the request's language. */
export type ServiceCategory = Schemas["Category"];
export type Money = Schemas["Price"];
export type PriceRange = Schemas["PriceRange"];
export type SalonSummary = WithRequired<Schemas["SalonList"], "audience" | "requires_prepayment">;
export type SalonPage = Omit<Schemas["PaginatedSalonListList"], "results"> & { results: SalonSummary[] };
export type Service = WithRequired<Schemas["Service"], "buffer_minutes">;
export type ServiceGroup = Omit<Schemas["ServiceGroup"], "services"> & { services: Service[] };
export type Staff = Schemas["Staff"];
export type OpeningDay = Schemas["OpeningDay"];
export type BookingPolicy = Required<Schemas["BookingPolicy"]>;
export type SalonDetail = Omit<
  WithRequired<Schemas["SalonDetail"], "audience" | "requires_prepayment" | "phone_number" | "timezone" | "vat_number">,
  "categories" | "booking_policy"
> & { categories: ServiceGroup[]; booking_policy: BookingPolicy };
export type Review = Schemas["Review"];
export type ReviewPage = Schemas["PaginatedReviewList"];
export type Slot = Schemas["AvailabilitySlot"];
export type AvailabilityDay = Schemas["AvailabilityDay"];
export type Availability = Schemas["Availability"];

// --- Bookings ---------------------------------------------------------------

export type BookingStatus = Schemas["BookingStatusEnum"];
export type BookingAction = Schemas["AllowedActionsEnum"];
export type Booking = Schemas["Booking"];
export type BookingPage = Schemas["PaginatedBookingList"];
export type BookingCreateInput = Schemas["BookingCreateInputRequest"];
export type StaffOverview = Schemas["StaffOverview"];
export type StaffSchedule = Schemas["StaffSchedule"];

// --- Payments ---------------------------------------------------------------

export type PaymentStatus = Schemas["PaymentStatusEnum"];
export type PaymentMethod = Schemas["MethodsEnum"];
export type PaymentConfig = Schemas["PaymentConfig"];
export type PaymentSource = Schemas["PaymentSourceRequest"];
export type Payment = Schemas["Payment"];

// --- Notifications ----------------------------------------------------------

export type Notification = Schemas["Notification"];
export type NotificationPage = Schemas["PaginatedNotificationList"];

// --- Back office (/api/manage/) ----------------------------------------------

/** A salon in the switcher: `GET /api/manage/salons/`. */
export type ManageSalonSummary = Schemas["ManageSalonSummary"];
/** The salon's profile and booking policy as its managers edit them; every field is in each answer. */
export type ManageSalon = WithRequired<
  Schemas["ManageSalon"],
  | "name_ar"
  | "name_en"
  | "description_ar"
  | "description_en"
  | "city"
  | "district_ar"
  | "district_en"
  | "address_ar"
  | "address_en"
  | "latitude"
  | "longitude"
  | "phone_number"
  | "audience"
  | "vat_number"
  | "is_active"
  | "lead_time_minutes"
  | "booking_horizon_days"
  | "slot_step_minutes"
  | "cancellation_window_hours"
  | "requires_prepayment"
  | "hold_minutes"
>;
export type ManageSalonChanges = Schemas["PatchedManageSalonRequest"];
export type AuditAction = Schemas["ActionEnum"];
export type AuditEntry = Schemas["AuditEntry"];
export type AuditPage = Schemas["PaginatedAuditEntryList"];

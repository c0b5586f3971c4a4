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
export type ConsentPurpose = Schemas["ConsentPurposeEnum"];
export type ConsentChannel = Schemas["ConsentChannelEnum"];
export type ConsentChoice = Schemas["ConsentChoice"];
/** The person's consents per purpose and channel, with the history of their choices. */
export type Consents = Schemas["Consents"];
export type ConsentsUpdate = Schemas["PatchedConsentsPatchRequest"];
/**
 * The web app signs in with `X-Auth-Cookie: 1`: the refresh token is set as an httpOnly cookie and
 * left out of the body (ADR 0004), so the schema's `refresh` field never reaches it.
 */
export type SignIn = Omit<Schemas["PhoneSignIn"], "refresh">;

// --- Salons -----------------------------------------------------------------

export type City = Schemas["CityEnum"];
/** A city the salon list can be filtered by (one with an active salon); its name is in the request's language. */
export type CityOption = Schemas["City"];
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
/** GET /api/salons/suggest/: salons, services and districts matching what is typed (names in the request's language). */
export type Suggestions = Schemas["Suggestions"];
export type SalonSuggestion = Schemas["SalonSuggestion"];
export type ServiceSuggestion = Schemas["ServiceSuggestion"];
export type DistrictSuggestion = Schemas["DistrictSuggestion"];
/** GET /api/map-config/: the maps' tile server (an XYZ template), its attribution and highest zoom. */
export type MapConfig = Schemas["MapConfig"];
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

// --- Packages and gift cards ---------------------------------------------------

/** A package a salon sells: `sessions` of one service for `price_amount` halalas, valid `validity_days`. */
export type Package = WithRequired<Schemas["Package"], "currency" | "is_active">;
export type PackageWrite = Schemas["PackageWriteRequest"];
export type PackageChanges = Schemas["PatchedPackageWriteRequest"];
/** The online payment of a package or a gift card (like a booking's payment). */
export type Purchase = Schemas["Purchase"];
export type PurchaseStatus = Schemas["PurchaseStatusEnum"];
/** One of the signed-in customer's packages: sessions left and expiry. */
export type MyPackage = Omit<WithRequired<Schemas["MyPackage"], "sessions_used">, "package"> & { package: Package };
export type GiftCard = Schemas["GiftCard"];
export type GiftCardBalance = Schemas["GiftCardCheck"];
export type GiftCardConfig = Schemas["GiftCardConfig"];
export type SalonPurchase = Schemas["SalonPurchase"];

// --- Invoicing --------------------------------------------------------------

/**
 * `GET /api/bookings/{id}/invoice/`: the simplified tax invoice (or, for a salon without a VAT number,
 * the receipt) of a booking paid online, with its credit notes. `qr`/`qr_svg` are null on a receipt.
 */
export type Invoice = Schemas["Invoice"];
export type InvoiceLine = Schemas["InvoiceLine"];
export type CreditNote = Schemas["InvoiceCreditNote"];
export type InvoiceKind = Schemas["InvoiceDocumentKindEnum"];
/** A row of `GET /api/manage/salons/{id}/invoices/`: an invoice, credit note or receipt. */
export type InvoiceDocument = Schemas["InvoiceDocument"];
/** The list's page, with `vat_number_missing` (the salon issues receipts until it has a VAT number). */
export type InvoiceDocumentPage = Schemas["InvoiceDocumentPage"];

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
  | "confirmation_window_hours"
  | "unconfirmed_policy"
  | "no_show_policy"
  | "deposit_percent"
  | "deposit_amount"
  | "no_show_fee_percent"
  | "no_show_limit"
>;
export type NoShowPolicyKind = Schemas["NoShowPolicyEnum"];
export type SalonNoShowPolicy = Schemas["SalonNoShowPolicy"];
export type BookingNoShowPolicy = Schemas["BookingNoShowPolicy"];
export type ManageSalonChanges = Schemas["PatchedManageSalonRequest"];
export type AuditAction = Schemas["ActionEnum"];
export type AuditEntry = Schemas["AuditEntry"];
export type AuditPage = Schemas["PaginatedAuditEntryList"];

// The salon's photos, services and team as its managers edit them.

/** `GET /api/manage/salons/{id}/photos/` (ordered by `display_order`). */
export type SalonPhoto = Schemas["ManagePhoto"];
/** `PATCH .../photos/{photo_id}/`: `is_cover` can only be set (another photo is then no longer the cover). */
export type SalonPhotoChanges = Schemas["PatchedManagePhotoUpdateRequest"];
export type ManagedService = Schemas["ManageService"];
/** `POST .../services/`. */
export type ServiceInput = Schemas["ManageServiceInputRequest"];
/** `PATCH .../services/{service_id}/`. */
export type ServiceChanges = Schemas["PatchedManageServiceInputRequest"];
/**
 * `DELETE .../services/{service_id}/`: nothing (204) when the service had no bookings; otherwise it
 * is deactivated instead and the server says so.
 */
export type ServiceDeletion = Schemas["ManageServiceDeleted"] | undefined;
export type ManagedStaff = Schemas["ManageStaff"];
/** `POST .../staff/`: an existing account with this number is linked, else one is created (and told by SMS). */
export type StaffInput = Schemas["ManageStaffCreateRequest"];
/** `PATCH .../staff/{staff_id}/` as JSON (a photo goes as multipart `photo` instead). */
export type StaffChanges = Omit<Schemas["PatchedManageStaffUpdateRequest"], "photo">;
/**
 * What to do with the bookings a change would leave without a stylist (else 409 `bookings_affected`):
 * move them to another stylist (deactivation only) or cancel them, `reason` being what customers see.
 */
export type AffectedBookingsResolution = Pick<StaffChanges, "reassign_to" | "cancel_affected" | "reason">;
/** One of the bookings listed by a 409 `bookings_affected` (in the error body's `affected`). */
export type AffectedBooking = Schemas["ManageAffectedBooking"];
export type BookingsAffectedError = Schemas["ManageBookingsAffectedError"];
/** A stylist's weekly hours (0 = Monday … 6 = Sunday); an end at or before the start runs past midnight. */
export type WorkingInterval = Schemas["ManageWorkingHours"];
/** `PUT .../staff/{staff_id}/hours/`: the whole week. */
export type WorkingWeekInput = Schemas["ManageWorkingWeekRequest"];
export type Weekday = Schemas["WeekdayEnum"];
/** `reason` is the time off's own note, seen by managers only. */
export type TimeOff = Schemas["ManageTimeOff"];
/** `cancel_reason` is what customers of cancelled bookings see. */
export type TimeOffInput = Schemas["ManageTimeOffCreateRequest"];
/** No times means a day off. */
export type SpecialHours = Schemas["ManageSpecialHours"];
/** `reason` is what customers of cancelled bookings see. */
export type SpecialHoursInput = Schemas["ManageSpecialHoursCreateRequest"];

// The desk: the salon's calendar, bookings and customers.

/** `GET /api/manage/salons/{id}/calendar/?start=YYYY-MM-DD&days=1..7`. */
export type Calendar = Schemas["ManageCalendar"];
export type CalendarStaff = Schemas["ManageCalendarStaff"];
export type CalendarBooking = Schemas["ManageCalendarBooking"];
/** A half-open span of time [start, end). */
export type CalendarInterval = Schemas["ManageCalendarInterval"];
export type CalendarTimeOff = Schemas["ManageCalendarTimeOff"];
/** `GET /api/manage/salons/{id}/bookings/`: the standard booking representation. */
export type SalonBookingPage = BookingPage;
/** A customer of the salon, as the desk sees them; money in halalas. */
export type Customer = Schemas["ManageCustomer"];
export type CustomerPage = Schemas["PaginatedManageCustomerList"];
export type CustomerDetail = Schemas["ManageCustomerDetail"];
export type CustomerUpdate = Schemas["PatchedManageCustomerUpdateRequest"];

// Reports: figures of a salon over a period of local days (money in halalas, rates 0..1).

/** `GET /api/manage/salons/{id}/reports/summary/?from=&to=&group_by=`. */
export type ReportSummary = Schemas["ReportSummary"];
export type ReportFigures = Schemas["ReportFigures"];
export type ReportSeriesItem = Schemas["ReportSeriesItem"];
/** A service's or a stylist's bookings and money in the period. */
export type ReportBreakdown = Schemas["ReportBreakdown"];
/** `GET /api/manage/salons/{id}/reports/heatmap/`: `weekdays[0]` is Sunday, 24 local hours each. */
export type ReportHeatmap = Schemas["ReportHeatmap"];
// The salon's money (ledger): what the platform owes it, its statement, payouts and payout details.

/** `GET /api/manage/salons/{id}/balance/`: halalas; `balance` = `available` + `pending`. */
export type Balance = Schemas["Balance"];
/** `GET .../balance/statement/?from=&to=`: local days, amounts signed from the salon's side. */
export type Statement = Schemas["Statement"];
export type StatementEntry = Schemas["StatementEntry"];
export type StatementEntryKind = Schemas["StatementEntryKindEnum"];
export type Payout = Schemas["Payout"];
export type PayoutStatus = Schemas["PayoutStatusEnum"];
export type PayoutPage = Schemas["PaginatedPayoutList"];
/** The IBAN only ever masked (`SA03 **** **** **** **** 7519`). */
export type PayoutDetails = Schemas["PayoutDetails"];
/** `PATCH .../payout-details/`: `legal_name` alone, or a new `iban` with the one-time `code`. */
export type PayoutDetailsChanges = Schemas["PatchedPayoutDetailsUpdateRequest"];
/** `POST .../payout-details/code/` (202): the code is never in the answer. */
export type PayoutCodeSent = Schemas["PayoutCodeSent"];

// Privacy (the customer's data rights)
export type AccountDeleted = Schemas["AccountDeleted"];

// --- Calendar feeds (/api/calendar/feeds/) ----------------------------------

/** A private iCalendar feed's links (https, webcal://, Google Calendar's) and its QR code. */
export type CalendarFeed = Schemas["Feed"];
// --- Google Calendar ----------------------------------------------------------

export type GoogleCalendarStatus = Schemas["GoogleCalendarStatus"];
export type GoogleCalendar = Schemas["GoogleCalendar"];
export type GoogleCalendarConflict = Schemas["GoogleCalendarConflict"];

// Google and Apple sign-in (features/social-sign-in).
export type SocialProvider = Schemas["SocialProvider"];
export type SocialIdentity = Schemas["SocialIdentity"];
export type PhoneRequired = Schemas["PhoneRequired"];
export type SocialNonce = Schemas["SocialNonce"];

// --- ZATCA e-invoicing (/api/manage/salons/{id}/zatca/) --------------------

/** The salon's e-invoicing unit: state, ZATCA's last message, legal details and what is missing. */
export type ZatcaUnit = Schemas["ZatcaUnit"];
export type ZatcaUnitState = ZatcaUnit["state"];
export type ZatcaLegalDetails = Schemas["LegalDetails"];

// --- Waitlist ---------------------------------------------------------------

export type WaitlistEntry = Schemas["WaitlistEntry"];
export type WaitlistEntryStatus = WaitlistEntry["status"];
export type WaitlistJoin = Schemas["WaitlistJoinRequest"];
/** A freed time held for the customer, keyed by its pending booking's id. */
export type WaitlistOffer = Schemas["WaitlistOffer"];

// Shapes of the Salon API (see /api/schema/). Money is integer halalas; datetimes are ISO 8601
// with the salon's offset; dates are local calendar days (YYYY-MM-DD).

export interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface Money {
  amount: number;
  currency: string;
  vat_amount: number;
}

// --- Accounts ---------------------------------------------------------------

export type Language = "ar" | "en";
export type Role = "customer" | "staff" | "manager";
export type CodeChannel = "sms" | "whatsapp";

export interface User {
  id: number;
  phone_number: string;
  first_name: string;
  last_name: string;
  email: string | null;
  preferred_language: Language;
  role: Role;
  is_phone_verified: boolean;
}

export interface CodeSent {
  request_id: string;
  expires_at: string;
  resend_available_at: string;
}

export interface SignIn {
  access: string;
  user: User;
  created: boolean;
}

// --- Salons -----------------------------------------------------------------

export type City = "riyadh" | "jeddah" | "dammam" | "khobar" | "makkah" | "madinah";
export type Audience = "women" | "men" | "all";

/** A service category salons can be filtered by (`category=<slug>`); its name is in the request's language. */
export interface ServiceCategory {
  id: number;
  slug: string;
  name: string;
}

export interface PriceRange {
  min: number;
  max: number;
  currency: string;
}

export interface SalonSummary {
  id: number;
  slug: string;
  name: string;
  city: City;
  city_name: string;
  district: string;
  audience: Audience;
  rating: number;
  review_count: number;
  cover_photo_url: string | null;
  price_range: PriceRange | null;
  requires_prepayment: boolean;
}

export interface Service {
  id: number;
  name: string;
  description: string;
  duration_minutes: number;
  buffer_minutes: number;
  price: Money;
  staff_ids: number[];
}

export interface ServiceGroup {
  id: number;
  slug: string;
  name: string;
  services: Service[];
}

export interface Staff {
  id: number;
  display_name: string;
  title: string;
  photo_url: string | null;
  service_ids: number[];
}

export interface OpeningDay {
  weekday: number;
  name: string;
  intervals: { start: string; end: string; overnight: boolean }[];
}

export interface BookingPolicy {
  lead_time_minutes: number;
  booking_horizon_days: number;
  slot_step_minutes: number;
  cancellation_window_hours: number;
  requires_prepayment: boolean;
  hold_minutes: number;
}

export interface SalonDetail extends SalonSummary {
  description: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  phone_number: string;
  timezone: string;
  photos: { url: string | null; caption: string }[];
  google_maps_url: string | null;
  categories: ServiceGroup[];
  staff: Staff[];
  opening_hours: OpeningDay[];
  booking_policy: BookingPolicy;
}

export interface Review {
  id: number;
  rating: number;
  comment: string;
  customer_first_name: string;
  service_name: string;
  created_at: string;
}

export interface Slot {
  start: string;
  end: string;
  staff: number[];
}

export interface AvailabilityDay {
  date: string;
  slots: Slot[];
}

export interface Availability {
  salon: number;
  service: number;
  timezone: string;
  days: AvailabilityDay[];
}

// --- Bookings ---------------------------------------------------------------

export type BookingStatus = "pending" | "confirmed" | "completed" | "cancelled" | "no_show" | "expired";
export type BookingAction = "cancel" | "reschedule" | "confirm" | "complete" | "no_show" | "review" | "pay";
export type PaymentStatus =
  "initiated" | "paid" | "failed" | "authorized" | "captured" | "refunded" | "voided" | "duplicate";

export interface BookingPayment {
  id: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  vat_amount: number;
  refunded_amount: number;
  method: string;
  card_brand: string;
  card_last4: string;
}

export interface BookingSalon {
  id: number;
  name: string;
  /** IANA time zone (e.g. "Asia/Riyadh"): the booking's times are shown in it. */
  timezone: string;
}

export interface Booking {
  id: number;
  reference: string;
  status: BookingStatus;
  salon: BookingSalon;
  service: { id: number; name: string; duration_minutes: number };
  staff: { id: number; display_name: string };
  start: string;
  end: string;
  price: Money;
  hold_expires_at: string | null;
  note: string;
  customer: { id: number; first_name: string; phone_number: string | null };
  cancellation: { cancelled_at: string; cancelled_by_role: string; reason: string } | null;
  cancellation_deadline: string;
  created_at: string;
  allowed_actions: BookingAction[];
  payment?: BookingPayment | null;
}

export interface BookingCreateInput {
  service: number;
  staff?: number | null;
  start: string;
  note?: string;
  customer_phone?: string;
  customer_name?: string;
}

export interface StaffOverview {
  staff_member: { id: number; display_name: string; salon: { id: number; name: string } } | null;
  managed_salons: { id: number; name: string; staff: { id: number; display_name: string }[] }[];
}

export interface StaffSchedule {
  date: string;
  timezone: string;
  staff: { id: number; display_name: string };
  bookings: Booking[];
  free_gaps: { start: string; end: string }[];
}

// --- Payments ---------------------------------------------------------------

export type PaymentMethod = "creditcard" | "applepay" | "stcpay";

export interface PaymentConfig {
  provider: "fake" | "moyasar";
  fake: boolean;
  publishable_key: string;
  methods: PaymentMethod[];
  currency: string;
  supported_networks: string[];
}

export type PaymentSource =
  { type: "token"; token: string } | { type: "applepay"; token: string } | { type: "stcpay"; mobile: string };

export interface Payment {
  id: string;
  booking: number;
  status: PaymentStatus;
  amount: number;
  currency: string;
  vat_amount: number;
  refunded_amount: number;
  method: string;
  card_brand: string;
  card_last4: string;
  transaction_url: string | null;
  /**
   * When failed: why, already translated by the server into the customer's language (never the
   * gateway's own text); empty otherwise. Shown only as a detail under our own message.
   */
  failure_message: string;
  created_at: string;
}

// --- Notifications ----------------------------------------------------------

export interface Notification {
  id: number;
  event: string;
  title: string;
  body: string;
  booking: { id: number; reference: string } | null;
  created_at: string;
  read_at: string | null;
  is_read: boolean;
}

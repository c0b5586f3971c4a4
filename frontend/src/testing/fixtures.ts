// Domain fixtures shaped like the API's answers (a prepaid women's salon in Riyadh).
import type { Availability, Booking, SalonDetail, SalonSummary, Slot, User } from "@/types/models";

export const salon: SalonDetail = {
  id: 3,
  slug: "dalal-beauty-lounge",
  name: "صالون دلال للتجميل",
  city: "riyadh",
  city_name: "الرياض",
  district: "النرجس",
  audience: "women",
  rating: 4.9,
  review_count: 187,
  cover_photo_url: null,
  cover_photo_srcset: null,
  price_range: { min: 18000, max: 85000, currency: "SAR" },
  requires_prepayment: true,
  is_favourite: false,
  distance_km: null,
  description: "وجهة العرائس في شمال الرياض.",
  address: "طريق عثمان بن عفان، حي النرجس، الرياض 13327",
  latitude: 24.872,
  longitude: 46.664,
  phone_number: "+966112106677",
  timezone: "Asia/Riyadh",
  vat_number: "310000000000003",
  photos: [],
  google_maps_url: "https://www.google.com/maps/search/?api=1&query=24.872000,46.664000",
  categories: [
    {
      id: 1,
      slug: "hair",
      name: "شعر",
      services: [
        {
          id: 24,
          name: "استشوار",
          description: "غسيل وتجفيف وتصفيف بالسشوار.",
          duration_minutes: 45,
          buffer_minutes: 0,
          price: { amount: 18000, currency: "SAR", vat_amount: 2348 },
          staff_ids: [11, 12],
        },
        {
          id: 25,
          name: "صبغة شعر كاملة",
          description: "",
          duration_minutes: 150,
          buffer_minutes: 15,
          price: { amount: 85000, currency: "SAR", vat_amount: 11087 },
          staff_ids: [11],
        },
      ],
    },
  ],
  staff: [
    { id: 10, display_name: "غادة", title: "خبيرة مكياج", photo_url: null, service_ids: [] },
    { id: 11, display_name: "العنود", title: "مصففة شعر أولى", photo_url: null, service_ids: [24, 25] },
    { id: 12, display_name: "دانة", title: "مصففة شعر", photo_url: null, service_ids: [24] },
  ],
  opening_hours: [],
  booking_policy: {
    lead_time_minutes: 60,
    booking_horizon_days: 60,
    slot_step_minutes: 30,
    cancellation_window_hours: 48,
    requires_prepayment: true,
    hold_minutes: 15,
  },
  no_show_policy: { policy: "none", deposit_percent: null, deposit_amount: null, no_show_fee_percent: 0, text: "" },
};

/** The same salon as a search result (the card's fields). */
export const salonSummary: SalonSummary = {
  id: salon.id,
  slug: salon.slug,
  name: salon.name,
  city: salon.city,
  city_name: salon.city_name,
  district: salon.district,
  audience: salon.audience,
  rating: salon.rating,
  review_count: salon.review_count,
  cover_photo_url: salon.cover_photo_url,
  cover_photo_srcset: salon.cover_photo_srcset,
  price_range: salon.price_range,
  requires_prepayment: salon.requires_prepayment,
  is_favourite: salon.is_favourite,
  latitude: salon.latitude,
  longitude: salon.longitude,
  distance_km: null,
};

export function slot(start: string, minutes = 45, staff: number[] = [11, 12]): Slot {
  const end = new Date(Date.parse(start) + minutes * 60_000);
  // The API answers in the salon's offset (+03:00).
  const local = new Date(end.getTime() + 3 * 3_600_000).toISOString().slice(0, 19);
  return { start, end: `${local}+03:00`, staff };
}

/** Two weeks from `from`, with free slots only on the days given. */
export function availability(from: string, slotsByDay: Record<string, Slot[]>, serviceId = 24): Availability {
  const days = Array.from({ length: 14 }, (_, i) => {
    const date = new Date(`${from}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + i);
    const iso = date.toISOString().slice(0, 10);
    return { date: iso, slots: slotsByDay[iso] ?? [] };
  });
  return { salon: salon.id, service: serviceId, timezone: "Asia/Riyadh", days };
}

export const customer: User = {
  id: 2,
  phone_number: "+966500000001",
  first_name: "سارة",
  last_name: "العتيبي",
  email: null,
  email_verified: false,
  pending_email: null,
  preferred_language: "ar",
  role: "customer",
  is_phone_verified: true,
  salon_alerts_by_sms: true,
  email_undeliverable: false,
  booking_emails: true,
  daily_agenda_by_email: false,
  manages_salons: false,
};

export function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 1,
    reference: "SLN-83MCF",
    status: "pending",
    salon: { id: 3, name: "صالون دلال للتجميل", timezone: "Asia/Riyadh" },
    service: { id: 24, name: "استشوار", duration_minutes: 45 },
    staff: { id: 12, display_name: "دانة" },
    start: "2026-11-24T10:00:00+03:00",
    end: "2026-11-24T10:45:00+03:00",
    price: { amount: 18000, currency: "SAR", vat_amount: 2348 },
    hold_expires_at: "2026-11-22T09:15:00+03:00",
    note: "",
    customer: { id: 2, first_name: "سارة", phone_number: "+966500000001" },
    cancellation: null,
    cancellation_deadline: "2026-11-22T10:00:00+03:00",
    created_at: "2026-11-22T09:00:00+03:00",
    allowed_actions: ["pay"],
    payment: null,
    no_show_policy: { policy: "none", online_amount: 0, pay_at_salon: 0, fee_amount: 0, text: "" },
    ...overrides,
  };
}

export function paginated<T>(results: T[]) {
  return { count: results.length, next: null, previous: null, results };
}

// Back-office fixtures and the manage area's route tree for page tests: a women's salon in Riyadh
// managed by the signed-in person (shaped like the /api/manage/ answers).
import type { RouteObject } from "react-router";

import type { ManagedService, ManagedStaff } from "@/types/models";
import type { mockFetch } from "@/testing/fetch-mock";
import type { ManageSalon, ManageSalonSummary, ZatcaUnit } from "@/types/models";

import { Component as ManageLayout } from "./manage-layout";

export const managedSalon: ManageSalonSummary = {
  id: 3,
  slug: "dalal-beauty-lounge",
  name_ar: "صالون دلال للتجميل",
  name_en: "Dalal Beauty Lounge",
  city: "riyadh",
  timezone: "Asia/Riyadh",
  is_active: true,
};

export const otherSalon: ManageSalonSummary = {
  id: 5,
  slug: "yasmin-touch",
  name_ar: "صالون لمسة الياسمين",
  name_en: "Yasmin Touch",
  city: "jeddah",
  timezone: "Asia/Riyadh",
  is_active: true,
};

export const salonProfile: ManageSalon = {
  id: 3,
  slug: "dalal-beauty-lounge",
  timezone: "Asia/Riyadh",
  rating_average: "4.90",
  rating_count: 187,
  name_ar: "صالون دلال للتجميل",
  name_en: "Dalal Beauty Lounge",
  description_ar: "وجهة العرائس في شمال الرياض.",
  description_en: "",
  city: "riyadh",
  district_ar: "النرجس",
  district_en: "Al Narjis",
  address_ar: "طريق عثمان بن عفان",
  address_en: "",
  latitude: "24.872000",
  longitude: "46.664000",
  phone_number: "+966112106677",
  audience: "women",
  vat_number: "310000000000003",
  is_active: true,
  lead_time_minutes: 60,
  booking_horizon_days: 60,
  slot_step_minutes: 30,
  cancellation_window_hours: 48,
  requires_prepayment: true,
  hold_minutes: 15,
  confirmation_window_hours: 24,
  unconfirmed_policy: "auto_confirm",
  no_show_policy: "none",
  deposit_percent: null,
  deposit_amount: null,
  no_show_fee_percent: 100,
  no_show_limit: 0,
};

export function stylist(overrides: Partial<ManagedStaff> = {}): ManagedStaff {
  return {
    id: 11,
    display_name: "العنود",
    display_name_en: "Alanoud",
    title_ar: "مصففة شعر أولى",
    title_en: "Senior hairstylist",
    bio_ar: "",
    bio_en: "",
    photo_url: null,
    is_active: true,
    display_order: 0,
    service_ids: [24],
    phone_number: "+966500000011",
    user_id: 21,
    ...overrides,
  };
}

export const team: ManagedStaff[] = [
  stylist(),
  stylist({
    id: 12,
    display_name: "دانة",
    title_ar: "مصففة شعر",
    title_en: "Hairstylist",
    phone_number: "+966500000012",
  }),
];

export function managedService(overrides: Partial<ManagedService> = {}): ManagedService {
  return {
    id: 24,
    category: 1,
    category_name: "شعر",
    name_ar: "استشوار",
    name_en: "Blow-dry",
    description_ar: "",
    description_en: "",
    duration_minutes: 45,
    price_amount: 18000,
    currency: "SAR",
    buffer_minutes: 0,
    is_active: true,
    display_order: 0,
    staff_ids: [11, 12],
    ...overrides,
  };
}

/** The manage shell at /manage/:salonId with one section page under it. */
export function manageRoutes(path: string, Component: RouteObject["Component"]): RouteObject[] {
  return [{ path: "/manage/:salonId", Component: ManageLayout, children: [{ path, Component }] }];
}

/** The salons the signed-in person manages. */
export function serveManagedSalons(
  server: ReturnType<typeof mockFetch>,
  salons: ManageSalonSummary[] = [managedSalon],
): void {
  server.on("GET", "/api/manage/salons/", salons);
}

/** The salon's e-invoicing unit before onboarding, with complete legal details. */
export const zatcaUnit: ZatcaUnit = {
  state: "not_started",
  last_message: "",
  certificate_expires_at: null,
  onboarded_at: null,
  legal_details: {
    legal_name: "مؤسسة دلال التجارية",
    vat_number: "310000000000003",
    cr_number: "1010010000",
    building_number: "2322",
    street: "طريق عثمان بن عفان",
    district_name: "النرجس",
    city_name: "الرياض",
    postal_code: "13327",
  },
  missing: {},
  can_onboard: true,
  can_renew: false,
};

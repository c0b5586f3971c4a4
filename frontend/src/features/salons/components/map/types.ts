import type { MapConfig } from "@/types/models";

import type { GeoPoint } from "../../search-params";

export interface MapMarker {
  id: number;
  name: string;
  /** A second line in the popup (district and city, distance). */
  detail?: string;
  lat: number;
  lng: number;
  /** The salon's page (the popup's link). */
  href: string;
}

export interface MapStrings {
  /** The map's name for screen readers. */
  label: string;
  zoomIn: string;
  zoomOut: string;
  here: string;
}

export interface LeafletMapProps {
  config: MapConfig;
  markers: readonly MapMarker[];
  /** The customer's (rounded) location, drawn as a dot. */
  here?: GeoPoint | null;
  strings: MapStrings;
  /** The page's direction, for the popups' text (the map itself is always left to right). */
  dir: "rtl" | "ltr";
  /** A popup's link was followed (the app's navigation, not a page load). */
  onOpen: (href: string) => void;
  /** False for a small map that only shows a place: no dragging (the page scrolls under a finger). */
  interactive?: boolean;
  /** The zoom of a map with one marker. */
  zoom?: number;
}

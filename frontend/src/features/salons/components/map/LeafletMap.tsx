// The one module that imports Leaflet (and its stylesheet): loaded lazily by SalonMap, so only a
// page that shows a map downloads it.
import "leaflet/dist/leaflet.css";
import "./map.css";

import {
  circleMarker,
  control,
  divIcon,
  latLngBounds,
  type LatLngTuple,
  map as createMap,
  marker,
  tileLayer,
} from "leaflet";
import { useEffect, useRef } from "react";

import type { LeafletMapProps, MapMarker } from "./types";

// Saudi Arabia, whole, when there is nothing to show.
const COUNTRY_CENTER: LatLngTuple = [23.9, 45.1];
const COUNTRY_ZOOM = 5;
const MAX_FIT_ZOOM = 15;

// A pin drawn by CSS (map.css): no icon image to fetch from elsewhere.
const PIN = divIcon({
  className: "map-pin",
  html: '<span class="map-pin__head"></span>',
  iconSize: [28, 36],
  iconAnchor: [14, 36],
  popupAnchor: [0, -34],
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function popup(salon: MapMarker, dir: "rtl" | "ltr", onOpen: (href: string) => void): HTMLElement {
  const box = document.createElement("div");
  box.className = "map-popup";
  box.dir = dir;
  const link = document.createElement("a");
  link.className = "map-popup__name";
  link.href = salon.href;
  link.textContent = salon.name;
  link.addEventListener("click", (event) => {
    // A new tab or window (modifier keys) opens the address as any link does.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(salon.href);
  });
  box.append(link);
  if (salon.detail) {
    const detail = document.createElement("p");
    detail.className = "map-popup__detail";
    detail.textContent = salon.detail;
    box.append(detail);
  }
  return box;
}

/** A Leaflet map with the salons as pins (each with a popup linking to its page) and the customer's place. */
export default function LeafletMap({
  config,
  markers,
  here = null,
  strings,
  dir,
  onOpen,
  interactive = true,
  zoom = MAX_FIT_ZOOM,
}: LeafletMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const openRef = useRef(onOpen);
  // By value: a new object for the same place must not rebuild the map.
  const hereLat = here?.lat ?? null;
  const hereLng = here?.lng ?? null;
  useEffect(() => {
    openRef.current = onOpen;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = createMap(element, {
      zoomControl: false,
      attributionControl: false,
      // The page scrolls with the wheel; the map zooms with its buttons, a pinch or a double tap.
      scrollWheelZoom: false,
      dragging: interactive,
    });
    control.zoom({ zoomInTitle: strings.zoomIn, zoomOutTitle: strings.zoomOut }).addTo(map);
    control.attribution({ prefix: false }).addTo(map);
    tileLayer(config.tile_url, { maxZoom: config.max_zoom, attribution: escapeHtml(config.attribution) }).addTo(map);

    const points: LatLngTuple[] = [];
    for (const salon of markers) {
      const pin = marker([salon.lat, salon.lng], { icon: PIN, title: salon.name, keyboard: true, riseOnHover: true });
      pin.bindPopup(() => popup(salon, dir, (href) => openRef.current(href)));
      pin.addTo(map);
      pin.getElement()?.setAttribute("aria-label", salon.name);
      points.push([salon.lat, salon.lng]);
    }
    if (hereLat !== null && hereLng !== null) {
      circleMarker([hereLat, hereLng], { radius: 8, className: "map-here", weight: 3, fillOpacity: 0.9 })
        .bindTooltip(strings.here)
        .addTo(map);
      points.push([hereLat, hereLng]);
    }
    if (points.length === 0) map.setView(COUNTRY_CENTER, COUNTRY_ZOOM);
    else if (points.length === 1) map.setView(points[0]!, Math.min(zoom, config.max_zoom));
    else map.fitBounds(latLngBounds(points), { padding: [32, 32], maxZoom: Math.min(MAX_FIT_ZOOM, config.max_zoom) });
    return () => {
      map.remove();
    };
  }, [config, markers, hereLat, hereLng, strings, dir, interactive, zoom]);

  // Leaflet lays the map out left to right whatever the page's direction.
  return <div ref={container} className="leaflet-map" dir="ltr" role="region" aria-label={strings.label} />;
}

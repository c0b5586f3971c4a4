import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import type { SalonDetail } from "@/types/models";

import { SalonMap } from "./map/SalonMap";

/** Google Maps' directions to a point: the phone's maps app opens it (or the website elsewhere). */
export function directionsUrl(latitude: number, longitude: number): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${latitude},${longitude}`;
}

/** The salon's place: a small map (loaded when it comes near the screen) and directions to it. */
export function SalonLocation({ salon }: { salon: SalonDetail }) {
  const { t } = useTranslation("salons");
  const latitude = salon.latitude === null ? null : Number(salon.latitude);
  const longitude = salon.longitude === null ? null : Number(salon.longitude);
  const markers = useMemo(
    () =>
      latitude === null || longitude === null
        ? []
        : [{ id: salon.id, name: salon.name, lat: latitude, lng: longitude, href: `/salons/${salon.id}` }],
    [salon.id, salon.name, latitude, longitude],
  );

  if (latitude === null || longitude === null) {
    return salon.google_maps_url ? <ExternalLink href={salon.google_maps_url} text={t("salon.openMap")} /> : null;
  }
  return (
    <div className="salon-location">
      <SalonMap
        markers={markers}
        label={t("map.salonLabel", { salon: salon.name })}
        className="salon-map--small"
        interactive={false}
        zoom={15}
        lazily
      />
      <div className="salon-location__links">
        <ExternalLink
          href={directionsUrl(latitude, longitude)}
          text={t("salon.directions")}
          className="button button--secondary button--small"
        />
        {salon.google_maps_url && <ExternalLink href={salon.google_maps_url} text={t("salon.openMap")} />}
      </div>
    </div>
  );
}

function ExternalLink({ href, text, className = "link" }: { href: string; text: string; className?: string }) {
  const { t } = useTranslation("salons");
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className}>
      {text}
      <span className="visually-hidden"> ({t("salon.opensInNewTab")})</span>
    </a>
  );
}

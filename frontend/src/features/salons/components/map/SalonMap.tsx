import { lazy, type RefObject, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { useLanguage } from "@/hooks/use-language";
import { directionOf } from "@/lib/i18n";

import { useMapConfig } from "../../api/map-config";
import type { GeoPoint } from "../../search-params";
import type { MapMarker } from "./types";

function MapUnavailable() {
  const { t } = useTranslation("salons");
  return <p className="salon-map__message">{t("map.unavailable")}</p>;
}

// Leaflet (about 40 KB) loads with the first map shown, never with the page.
const LeafletMap = lazy(() => import("./LeafletMap").catch(() => ({ default: MapUnavailable })));

/** Whether the element has come near the screen (always, without IntersectionObserver). */
function useNearScreen(ref: RefObject<HTMLElement | null>, lazily: boolean): boolean {
  const [near, setNear] = useState(() => !lazily || typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, near]);
  return near;
}

interface SalonMapProps {
  markers: readonly MapMarker[];
  here?: GeoPoint | null;
  /** The map's name for screen readers. */
  label: string;
  className?: string;
  interactive?: boolean;
  zoom?: number;
  /** Load the map only when it comes near the screen (a map below the first screen). */
  lazily?: boolean;
}

/** A map of salons; the tiles come from the server's settings (GET /api/map-config/). */
export function SalonMap({ markers, here, label, className = "", interactive, zoom, lazily = false }: SalonMapProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  const near = useNearScreen(box, lazily);
  const config = useMapConfig(near);
  const strings = useMemo(
    () => ({ label, zoomIn: t("map.zoomIn"), zoomOut: t("map.zoomOut"), here: t("map.here") }),
    [label, t],
  );

  return (
    <div ref={box} className={`salon-map ${className}`.trim()}>
      {config.isError ? (
        <MapUnavailable />
      ) : config.data ? (
        <Suspense fallback={<p className="salon-map__message">{t("map.loading")}</p>}>
          <LeafletMap
            config={config.data}
            markers={markers}
            here={here}
            strings={strings}
            dir={directionOf(language)}
            onOpen={(href) => void navigate(href)}
            interactive={interactive}
            zoom={zoom}
          />
        </Suspense>
      ) : (
        <p className="salon-map__message">{t("map.loading")}</p>
      )}
    </div>
  );
}

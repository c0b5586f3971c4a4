import { type GeoPoint, roundPoint } from "./search-params";

export type LocationFailure = "denied" | "unavailable" | "unsupported";

export class LocationError extends Error {
  readonly reason: LocationFailure;

  constructor(reason: LocationFailure) {
    super(`location ${reason}`);
    this.name = "LocationError";
    this.reason = reason;
  }
}

/** Whether the browser would answer without asking (granted), refuses (denied) or asks (prompt, or unknown). */
export async function locationPermission(): Promise<PermissionState | "unknown"> {
  try {
    const status = await navigator.permissions?.query({ name: "geolocation" });
    return status?.state ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * The device's position from the browser, rounded to about 100 m (3 decimals) at once: nothing
 * finer is kept, shown or sent. Rejects with a `LocationError`.
 */
export function locate(): Promise<GeoPoint> {
  return new Promise((resolve, reject) => {
    if (!("geolocation" in navigator) || !navigator.geolocation) {
      reject(new LocationError("unsupported"));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => resolve(roundPoint({ lat: position.coords.latitude, lng: position.coords.longitude })),
      (error) => reject(new LocationError(error.code === error.PERMISSION_DENIED ? "denied" : "unavailable")),
      // A city block is enough: no GPS warm-up, and a position of the last minutes will do.
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 5 * 60_000 },
    );
  });
}

// The first load on a phone network: Chromium's "Slow 4G" profile through the DevTools protocol
// (400 ms added to every request, 400 kbit/s down and up, shared by all the requests in flight),
// the HTTP cache off, a fresh browser context. Largest contentful paint and cumulative layout
// shift are read from the page's own PerformanceObserver entries, as web-vitals reads them.
export const SLOW_4G = {
  offline: false,
  latency: 400,
  downloadThroughput: 50_000, // bytes per second: 400 kbit/s
  uploadThroughput: 50_000,
  connectionType: "cellular4g",
};
export const LCP_BUDGET_MS = 2500;
export const CLS_BUDGET = 0.1;

// Runs in the page before any of its scripts: collects the entries as they come.
function observeVitals() {
  const vitals = { lcp: 0, lcpElement: "", cls: 0, shifts: [] };
  window.__vitals = vitals;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      vitals.lcp = entry.renderTime || entry.loadTime || entry.startTime;
      const element = entry.element;
      vitals.lcpElement = element
        ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ")[0]}` : ""}`
        : entry.url || "(removed)";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      vitals.cls += entry.value;
      vitals.shifts.push(
        `${entry.value.toFixed(3)}: ${entry.sources
          .map((source) => source.node?.nodeName?.toLowerCase() ?? "?")
          .join(",")} at ${Math.round(entry.startTime)} ms`,
      );
    }
  }).observe({ type: "layout-shift", buffered: true });
}

/**
 * Loads `path` cold on the throttled network in `language` ("ar" or "en") and returns
 * `{lcp, lcpElement, cls, shifts, transferred}` once `ready(page)` resolved and the page settled.
 */
export async function measureFirstLoad(page, path, { language, ready }) {
  await page.addInitScript((chosen) => {
    try {
      localStorage.setItem("salon.language", chosen);
    } catch {
      // The page reads the default language then.
    }
  }, language);
  await page.addInitScript(observeVitals);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  let transferred = 0;
  cdp.on("Network.loadingFinished", (event) => {
    transferred += event.encodedDataLength;
  });

  await page.goto(path, { waitUntil: "commit", timeout: 60_000 });
  await ready(page);
  // Whatever loads after the page's main content (lazy images, the next queries) may still
  // become the largest paint or move things: wait for the network to go quiet, then a moment.
  await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
  const vitals = await page.evaluate(() => ({ ...window.__vitals }));
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await cdp.detach();
  return { ...vitals, transferred };
}

export function describeVitals(what, vitals) {
  return (
    `${what}: LCP ${Math.round(vitals.lcp)} ms (${vitals.lcpElement}), CLS ${vitals.cls.toFixed(3)}, ` +
    `${(vitals.transferred / 1024).toFixed(0)} KB transferred`
  );
}

const PHONE = { width: 390, height: 844 };
const HOME_TITLE = { ar: "احجز صالونك بخطوات قليلة", en: "Book your salon in a few taps" };
const SERVICES_HEADING = { ar: "الخدمات والأسعار", en: "Services and prices" };

/**
 * The salon the home page lists first. Asking the API (unthrottled) for the list and the salon also
 * puts the server in its steady state: the pictures' smaller copies are made the first time they
 * are listed (apps/salons/renditions.py), which a first visitor of the day would not wait for either.
 */
async function firstListedSalon(baseUrl) {
  const response = await fetch(`${baseUrl}/api/salons/`, { headers: { "Accept-Language": "ar" } });
  const body = await response.json();
  const first = body.results[0];
  await fetch(`${baseUrl}/api/salons/${first.id}/`);
  return first;
}

function firstLoadJourney(name, language, load) {
  return {
    name: `on a slow phone network the ${name} (${language === "ar" ? "Arabic" : "English"}) paints its main content within 2.5 s without moving it`,
    viewport: PHONE,
    async run({ page, baseUrl }) {
      const { path, ready } = await load(baseUrl, language);
      const vitals = await measureFirstLoad(page, path, { language, ready });
      console.log(`  ${describeVitals(`${name} (${language})`, vitals)}`);
      if (vitals.shifts.length) console.log(`  shifts: ${vitals.shifts.join("; ")}`);
      if (!(vitals.lcp > 0 && vitals.lcp < LCP_BUDGET_MS)) {
        throw new Error(`LCP ${Math.round(vitals.lcp)} ms (${vitals.lcpElement}) is not under ${LCP_BUDGET_MS} ms`);
      }
      if (!(vitals.cls < CLS_BUDGET)) throw new Error(`CLS ${vitals.cls.toFixed(3)} is not under ${CLS_BUDGET}`);
    },
  };
}

const home = async (baseUrl, language) => {
  await firstListedSalon(baseUrl);
  return {
    path: "/",
    ready: async (page) => {
      await page
        .locator("#root")
        .getByRole("heading", { level: 1, name: HOME_TITLE[language] })
        .waitFor({ timeout: 30_000 });
      await page.locator("#root").getByRole("article").first().waitFor({ timeout: 30_000 });
    },
  };
};

const salon = async (baseUrl, language) => {
  const { id } = await firstListedSalon(baseUrl);
  return {
    path: `/salons/${id}`,
    ready: async (page) => {
      await page.locator("#root").getByRole("heading", { level: 1 }).waitFor({ timeout: 30_000 });
      await page.getByRole("heading", { level: 2, name: SERVICES_HEADING[language] }).waitFor({ timeout: 30_000 });
    },
  };
};

export const performanceJourneys = ["ar", "en"].flatMap((language) => [
  firstLoadJourney("home page", language, home),
  firstLoadJourney("salon page", language, salon),
]);

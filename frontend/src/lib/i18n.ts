import i18next, { type BackendModule, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = ["ar", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "ar";
/** Loaded before the first render; every feature namespace is loaded by the route that needs it. */
export const CORE_NAMESPACES = ["common", "errors"] as const;

const STORAGE_KEY = "salon.language";

// Each catalogue (locales/<language>/<namespace>.json) becomes its own small chunk.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json");

const lazyCatalogues: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    const load = catalogues[`../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No catalogue ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: Language): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function rememberLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits when storage is unavailable.
  }
}

/** `<html lang dir>` follow the UI language, so the browser mirrors the layout for Arabic. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
}

interface InitOptions {
  language?: Language;
  /** Bundled catalogues (tests); the app loads them lazily instead. */
  resources?: Resource;
}

export async function initI18n({ language = storedLanguage(), resources }: InitOptions = {}) {
  if (!resources) i18next.use(lazyCatalogues);
  i18next.use(initReactI18next);
  i18next.on("languageChanged", (changed: string) => {
    if (!isLanguage(changed)) return;
    applyDocumentLanguage(changed);
    rememberLanguage(changed);
  });
  applyDocumentLanguage(language);
  await i18next.init({
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: false,
    ns: [...CORE_NAMESPACES],
    defaultNS: "common",
    resources,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    react: { useSuspense: true },
    showSupportNotice: false,
  });
  return i18next;
}

export { i18next };

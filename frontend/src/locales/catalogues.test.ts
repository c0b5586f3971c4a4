import { describe, expect, test } from "vitest";

// Every user-visible string exists in both languages; Arabic has every plural form it needs.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>("./*/*.json", { eager: true });
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce(
    (keys, [key, child]) => ({ ...keys, ...flatten(child, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

function catalogue(language: string, namespace: string): Record<string, string> {
  return flatten(catalogues[`./${language}/${namespace}.json`]?.default ?? {});
}

const namespaces = [...new Set(Object.keys(catalogues).map((path) => path.split("/")[2]!.replace(".json", "")))];

describe.each(namespaces)("the %s catalogue", (namespace) => {
  const ar = catalogue("ar", namespace);
  const en = catalogue("en", namespace);
  const baseKeys = (keys: string[]) => [...new Set(keys.map((key) => key.replace(PLURAL, "")))].sort();

  test("has the same keys in Arabic and English", () => {
    expect(baseKeys(Object.keys(ar))).toEqual(baseKeys(Object.keys(en)));
  });

  test("has no empty strings", () => {
    expect(Object.entries({ ...ar, ...en }).filter(([, text]) => !text.trim())).toEqual([]);
  });

  test("gives Arabic all six plural forms and English one and other", () => {
    const plurals = baseKeys(Object.keys(ar).filter((key) => PLURAL.test(key)));
    for (const key of plurals) {
      expect(["zero", "one", "two", "few", "many", "other"].filter((form) => !(`${key}_${form}` in ar))).toEqual([]);
      expect(["one", "other"].filter((form) => !(`${key}_${form}` in en))).toEqual([]);
    }
  });

  test("uses the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    // Arabic words for one and two ("صالون واحد", "صالونان") need no number: compare the other forms.
    for (const [key, text] of Object.entries(en)) {
      if (key.endsWith("_one")) continue;
      const arabic = ar[key];
      if (arabic === undefined) continue;
      expect({ key, placeholders: placeholders(arabic) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });
});

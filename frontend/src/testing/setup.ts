import "@testing-library/jest-dom/vitest";

import { cleanup } from "@testing-library/react";
import type { Resource } from "i18next";
import { afterEach, beforeEach } from "vitest";

import { session } from "@/lib/auth/session";
import { changeLanguage, initI18n } from "@/lib/i18n";

// Every catalogue, bundled: tests render at once in Arabic (the default) unless they switch.
const modules = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json", { eager: true });
const resources: Resource = {};
for (const [path, module] of Object.entries(modules)) {
  const [, language = "", namespace = ""] = /locales\/(\w+)\/(\w+)\.json$/.exec(path) ?? [];
  resources[language] = { ...resources[language], [namespace]: module.default };
}

await initI18n({ language: "ar", resources });

// jsdom has no scrolling (ScrollRestoration) and no modal dialogs.
window.scrollTo = () => undefined;
if (!Reflect.has(HTMLDialogElement.prototype, "showModal")) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
}
if (!Reflect.has(HTMLDialogElement.prototype, "close")) {
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event("close"));
  };
}

beforeEach(() => {
  session.signOut();
});

afterEach(async () => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  await changeLanguage("ar");
});

import type { ComponentType } from "react";

import { i18next } from "@/lib/i18n";

type RouteModule = { Component: ComponentType };

/** Loads a route's code and its translation namespaces together, so the page renders at once. */
export function lazyRoute(load: () => Promise<RouteModule>, namespaces: string[] = []) {
  return async () => {
    const [module] = await Promise.all([load(), i18next.loadNamespaces(namespaces)]);
    return { Component: module.Component };
  };
}

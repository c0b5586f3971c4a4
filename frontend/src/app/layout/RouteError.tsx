import { useTranslation } from "react-i18next";
import { Link, useRouteError } from "react-router";

/** Shown when a page fails to load (e.g. a chunk after a deployment) or throws. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  console.error(error);
  return (
    <main className="page" id="main">
      <div className="state state--error" role="alert">
        <p className="state__title">{t("routeError.title")}</p>
        <p className="state__text">{t("routeError.text")}</p>
        <div className="actions">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t("actions.reload")}
          </button>
          <Link className="button button--secondary" to="/">
            {t("nav.home")}
          </Link>
        </div>
      </div>
    </main>
  );
}

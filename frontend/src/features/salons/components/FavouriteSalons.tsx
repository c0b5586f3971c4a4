import "../salons.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";

import { useFavourites } from "../api/favourites";
import { SalonCard } from "./SalonCard";

/** My favourite salons, the latest first, as the search shows salons (each with its heart to drop it). */
export function FavouriteSalons() {
  const { t } = useTranslation("salons");
  const favourites = useFavourites();

  if (favourites.isPending) return <LoadingState />;
  if (favourites.isError) return <ErrorState error={favourites.error} onRetry={() => void favourites.refetch()} />;

  const salons = favourites.data.pages.flatMap((page) => page.results);
  if (salons.length === 0) {
    return (
      <EmptyState
        icon="heart"
        title={t("favourite.empty")}
        description={t("favourite.emptyText")}
        action={
          <Link className="button" to="/">
            {t("favourite.findSalon")}
          </Link>
        }
      />
    );
  }

  return (
    <>
      <ul className="salon-grid">
        {salons.map((salon, index) => (
          <li key={salon.id}>
            <SalonCard salon={salon} priority={index < 2} />
          </li>
        ))}
      </ul>
      {favourites.hasNextPage && (
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => void favourites.fetchNextPage()}
          disabled={favourites.isFetchingNextPage}
        >
          {t("favourite.more")}
        </button>
      )}
    </>
  );
}

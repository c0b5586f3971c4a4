import "../salons.css";

import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";

import { Icon } from "@/components/Icon";
import { useSession } from "@/hooks/use-session";
import { signInPath } from "@/lib/safe-redirect";

import { useSetFavourite } from "../api/favourites";

interface FavouriteButtonProps {
  salon: { id: number; name: string; is_favourite: boolean };
  className?: string;
}

/** The heart: a toggle (aria-pressed) that keeps the salon among my favourites. Signed out, it leads to
 * sign-in and back to this page. */
export function FavouriteButton({ salon, className }: FavouriteButtonProps) {
  const { t } = useTranslation("salons");
  const { status } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const setFavourite = useSetFavourite();
  const signedIn = status === "signed_in";
  const pressed = signedIn && salon.is_favourite;

  const toggle = () => {
    if (!signedIn) {
      void navigate(signInPath(location.pathname + location.search));
      return;
    }
    setFavourite.mutate({ salonId: salon.id, favourite: !salon.is_favourite });
  };

  return (
    <button
      type="button"
      className={["favourite-button", className].filter(Boolean).join(" ")}
      aria-pressed={pressed}
      aria-label={t("favourite.label", { salon: salon.name })}
      title={pressed ? t("favourite.remove") : t("favourite.add")}
      disabled={status === "restoring"}
      onClick={toggle}
    >
      <Icon name="heart" filled={pressed} />
    </button>
  );
}

import { Navigate, Outlet, useLocation } from "react-router";

import { LoadingState } from "@/components/LoadingState";
import { useSession } from "@/hooks/use-session";
import { signInPath } from "@/lib/safe-redirect";

/** Pages for signed-in people: others go to sign-in and come back here afterwards. */
export function RequireAuth() {
  const { status } = useSession();
  const location = useLocation();
  if (status === "restoring") return <LoadingState />;
  if (status === "signed_out") return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}

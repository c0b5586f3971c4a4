import { MOYASAR_API_URL, moyasarPost } from "./moyasar-client";

export interface CardDetails {
  name: string;
  number: string;
  cvc: string;
  month: string;
  year: string;
}

export interface MoyasarToken {
  id: string;
  status: string;
  brand: string;
  last_four: string;
}

/** POST https://api.moyasar.com/v1/tokens: the card becomes a token our server can charge. */
export function createCardToken({
  card,
  publishableKey,
  callbackUrl,
}: {
  card: CardDetails;
  publishableKey: string;
  callbackUrl: string;
}): Promise<MoyasarToken> {
  return moyasarPost<MoyasarToken>(
    `${MOYASAR_API_URL}/tokens`,
    { ...card, save_only: true, callback_url: callbackUrl },
    publishableKey,
  );
}

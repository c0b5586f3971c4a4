import { MOYASAR_API_URL, moyasarPost } from "./moyasar-client";

/** POST https://api.moyasar.com/v1/applepay/initiate: Apple's merchant session for this domain. */
export function validateApplePayMerchant({
  validationUrl,
  displayName,
  publishableKey,
}: {
  validationUrl: string;
  displayName: string;
  publishableKey: string;
}): Promise<unknown> {
  return moyasarPost<unknown>(`${MOYASAR_API_URL}/applepay/initiate`, {
    validation_url: validationUrl,
    display_name: displayName,
    domain_name: window.location.hostname,
    publishable_api_key: publishableKey,
  });
}

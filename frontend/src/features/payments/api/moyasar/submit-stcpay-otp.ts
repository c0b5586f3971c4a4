import { moyasarPost } from "./moyasar-client";

/**
 * POST {otp_value} to the STC Pay payment's transaction_url (Moyasar's `…/stc_pays/<id>/proceed?otp_token=…`);
 * the token in the URL authorises it, no key is sent. Our server then refreshes the payment.
 */
export function submitStcPayOtp({ transactionUrl, otp }: { transactionUrl: string; otp: string }): Promise<unknown> {
  return moyasarPost<unknown>(transactionUrl, { otp_value: otp });
}

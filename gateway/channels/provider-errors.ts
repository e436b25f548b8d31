/**
 * The provider refused the request for good (a 4xx other than 429: a wrong number, an expired
 * token, a closed window): sending again changes nothing, so the delivery fails with `reason`.
 * Anything else thrown by a provider call (5xx, 429, the network) is an outage: retried.
 */
export class ProviderRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Whether an HTTP status from a provider means "try again later". */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

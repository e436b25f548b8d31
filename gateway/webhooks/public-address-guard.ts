import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

/** The error code a refused connection carries, so the delivery log can say why. */
export const NOT_PUBLIC_ADDRESS = 'ERR_COUNTERCHAT_NOT_PUBLIC_ADDRESS';

/** Public unicast only: no loopback, private, link-local (cloud metadata), CGNAT, multicast or reserved ranges. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  return ipaddr.process(address).range() === 'unicast';
}

type Resolve = (hostname: string, options: { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for sockets that may only reach public addresses. Checking the URL when an
 * endpoint is saved is not enough: its name can later resolve (or be re-pointed) to an
 * address inside our network. Checking here, on the addresses actually connected to,
 * also closes the gap between a check and the connection (DNS rebinding).
 */
export function publicAddressLookup(resolve: Resolve = dnsLookup as unknown as Resolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((candidate) => !isPublicAddress(candidate.address));
      if (refused || addresses.length === 0) {
        const failure: NodeJS.ErrnoException = new Error(`${hostname} resolves to an address that is not public (${refused?.address ?? 'none'}).`);
        failure.code = NOT_PUBLIC_ADDRESS;
        return callback(failure, '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const family = (options as { family?: number }).family;
      const chosen = addresses.find((candidate) => !family || candidate.family === family) ?? addresses[0]!;
      callback(null, chosen.address, chosen.family);
    });
  };
}

/** An HTTP client (undici dispatcher) whose connections only go to public addresses. */
export function publicOnlyDispatcher(): Agent {
  return new Agent({ connect: { lookup: publicAddressLookup() } });
}

/** Literal IPs skip `lookup` altogether; this checks them before a request is made. */
export function isLiteralNonPublicHost(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return isIP(host) !== 0 && !isPublicAddress(host);
}

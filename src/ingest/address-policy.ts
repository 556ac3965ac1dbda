import ipaddr from 'ipaddr.js';
import { addressRangeName } from '../core/readable.js';

/** Cloud instance-metadata endpoints: refused even when private networks are allowed. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);
const METADATA_HOSTNAMES = new Set(['metadata.google.internal', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/** Strips IPv6 brackets and the trailing root dot so `[::1]` and `example.com.` compare as written. */
export function normaliseHostname(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(normaliseHostname(hostname));
}

/**
 * Decides whether an address may be connected to. Only global unicast passes by default;
 * ipaddr.js names every special range (loopback, private, uniqueLocal, linkLocal,
 * carrierGradeNat, unspecified, multicast, reserved, 6to4, teredo...), so anything not
 * 'unicast' is refused rather than listing ranges by hand.
 */
export function checkAddress(address: string, allowPrivateNetwork: boolean): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(normaliseHostname(address));
  } catch {
    return { allowed: false, reason: `not an IP address: ${address}` };
  }
  // ::ffff:127.0.0.1 must be judged as 127.0.0.1.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const canonical = parsed.toString();
  if (METADATA_ADDRESSES.has(canonical)) return { allowed: false, reason: `cloud metadata address ${canonical}` };
  if (allowPrivateNetwork) return { allowed: true };
  const range = parsed.range();
  return range === 'unicast' ? { allowed: true } : { allowed: false, reason: `${addressRangeName(range)} address ${canonical}` };
}

/** Hostname-level refusals that need no DNS: metadata names, localhost, and IP literals (which skip the resolver). */
export function checkHostname(
  hostname: string,
  allowPrivateNetwork: boolean,
  policy: (address: string) => AddressVerdict = (address) => checkAddress(address, allowPrivateNetwork),
): AddressVerdict {
  const host = normaliseHostname(hostname);
  if (METADATA_HOSTNAMES.has(host)) return { allowed: false, reason: `cloud metadata host ${host}` };
  if (isIpLiteral(host)) return policy(host);
  if (!allowPrivateNetwork && (host === 'localhost' || host.endsWith('.localhost'))) {
    return { allowed: false, reason: `loopback host ${host}` };
  }
  return { allowed: true };
}

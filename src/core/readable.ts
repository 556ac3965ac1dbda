/**
 * Words for people in error lines: address ranges by what they are (not the
 * library's identifiers), sizes in KB/MB, and URLs without their credentials.
 */
const RANGE_NAMES: Record<string, string> = {
  loopback: 'loopback (this machine)',
  private: 'private network',
  uniqueLocal: 'private network (IPv6 unique local)',
  linkLocal: 'link-local',
  carrierGradeNat: 'shared carrier network (carrier-grade NAT)',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved',
  benchmarking: 'benchmarking',
  amt: 'multicast tunnel',
  as112: 'reserved (AS112)',
  deprecated: 'deprecated',
  orchid2: 'reserved (ORCHIDv2)',
  discard: 'discard-only',
  '6to4': 'IPv6 transition (6to4)',
  teredo: 'IPv6 transition (Teredo)',
  rfc6145: 'IPv6 transition (translated)',
  rfc6052: 'IPv6 transition (NAT64)',
  ipv4Mapped: 'IPv4-mapped',
};

/** "private network" for ipaddr.js's "private", and so on; unknown names become spaced words. */
export function addressRangeName(range: string): string {
  return RANGE_NAMES[range] ?? range.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** 5242880 -> "5 MB", 1536 -> "1.5 KB" (binary units, as the limits are set). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : String(Math.round(value * 10) / 10);
  return `${shown} ${units[unit]}`;
}

/** Replaces the user and password of every http(s) URL in a text: "https://***@host/". */
export function redactUrlCredentials(text: string): string {
  return text.replace(/\b(https?:\/\/)[^\s/@?#]+@/gi, '$1***@');
}

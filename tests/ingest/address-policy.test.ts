import { describe, expect, it } from 'vitest';
import { checkAddress, checkHostname } from '../../src/ingest/index.js';

describe('checkAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '151.101.1.69', '2001:4860:4860::8888', '2a00:1450:4009:81f::200e'])('allows public %s', (ip) => {
    expect(checkAddress(ip, false).allowed).toBe(true);
  });

  it.each([
    ['127.0.0.1', 'loopback (this machine)'],
    ['127.5.6.7', 'loopback (this machine)'],
    ['::1', 'loopback (this machine)'],
    ['10.1.2.3', 'private network'],
    ['172.16.0.1', 'private network'],
    ['192.168.1.1', 'private network'],
    ['fc00::1', 'private network (IPv6 unique local)'],
    ['fd12:3456::1', 'private network (IPv6 unique local)'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'shared carrier network (carrier-grade NAT)'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback (this machine)'],
    ['::ffff:10.0.0.1', 'private network'],
  ])('refuses %s (%s) by default and allows it on a private network', (ip, range) => {
    const verdict = checkAddress(ip, false);
    expect(verdict.allowed).toBe(false);
    // Words for people, not ipaddr.js identifiers such as "uniqueLocal".
    if (!verdict.allowed) expect(verdict.reason).toBe(`${range} address ${ip.replace('::ffff:', '')}`);
    expect(checkAddress(ip, true).allowed).toBe(true);
  });

  it.each(['169.254.169.254', 'fd00:ec2::254', '::ffff:169.254.169.254'])('refuses cloud metadata %s even on a private network', (ip) => {
    expect(checkAddress(ip, true).allowed).toBe(false);
  });

  it('refuses what is not an address', () => {
    expect(checkAddress('example.com', true).allowed).toBe(false);
  });
});

describe('checkHostname', () => {
  it('refuses metadata names always and localhost unless private networks are allowed', () => {
    expect(checkHostname('metadata.google.internal', true).allowed).toBe(false);
    expect(checkHostname('METADATA.GOOGLE.INTERNAL.', true).allowed).toBe(false);
    expect(checkHostname('localhost', false).allowed).toBe(false);
    expect(checkHostname('api.localhost', false).allowed).toBe(false);
    expect(checkHostname('localhost', true).allowed).toBe(true);
    expect(checkHostname('[::1]', false).allowed).toBe(false);
    expect(checkHostname('news.example.com', false).allowed).toBe(true);
  });
});

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { FetchError } from './fetch-error';

/**
 * Where automatic downloads (speaker photos) may never connect: this machine, the local
 * network and addresses that stand for them. A feed names the photo URLs, so without this a
 * feed could make Lanyard probe a router's admin page or a service on localhost.
 */
const RANGES: Array<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'an unspecified address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address (this machine)'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a shared (carrier-grade NAT) address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved address'],
  ['198.18.0.0', 15, 'ipv4', 'a reserved address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'an unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address (this machine)'],
  ['::ffff:0:0', 96, 'ipv6', 'an IPv4-mapped address'],
  ['::', 96, 'ipv6', 'an IPv4-compatible address'],
  ['64:ff9b::', 96, 'ipv6', 'a NAT64 address'],
  ['2002::', 16, 'ipv6', 'a 6to4 address'],
  ['fc00::', 7, 'ipv6', 'a private (unique local) address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['fec0::', 10, 'ipv6', 'a site-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];

const LISTS = RANGES.map(([network, prefix, type, label]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return { list, type, label };
});

/** Why an automatic download may not connect to `address` (an IP literal), or undefined when it may. */
export function forbiddenAddress(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  // Node's BlockList matches IPv4 ranges against IPv4-mapped IPv6 addresses too (good: their
  // label says what they map to), but also IPv6 ranges such as ::ffff:0:0/96 against plain
  // IPv4 addresses; so an IPv4 address is checked against the IPv4 ranges only.
  return LISTS.find(({ list, type: listType }) => (type === 'ipv6' || listType === 'ipv4') && list.check(address, type))?.label;
}

/** Resolves a host name to every address it has (`dns.lookup` with `all`); replaceable in tests. */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export interface AddressGuard {
  /**
   * The host the conference's feed itself was subscribed from, if any: it may be on the
   * local network (a conference LAN, a test server), and what it serves may come from it.
   */
  allowedHost?: string | undefined;
  resolve?: ResolveAll;
}

/**
 * The guard for what a conference's feed makes Lanyard fetch by itself (photos, live
 * documents, the feed's own redirects): its feed's host may be anywhere, every other host
 * must be public. One place, so each automatic fetch applies the same rule.
 */
export function feedHostGuard(feedUrl: string | undefined, resolve?: ResolveAll): AddressGuard {
  let allowedHost: string | undefined;
  try {
    allowedHost = feedUrl ? new URL(feedUrl).hostname : undefined;
  } catch {
    allowedHost = undefined;
  }
  return { allowedHost, ...(resolve ? { resolve } : {}) };
}

const bare = (hostname: string): string => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** True when `hostname` is the host the feed came from, which may be private (and needs no check). */
export function isAllowedHost(hostname: string, guard: AddressGuard): boolean {
  return guard.allowedHost !== undefined && bare(hostname) === bare(guard.allowedHost);
}

function refusal(hostname: string, address: string, why: string, what: string): FetchError {
  const resolved = bare(hostname) === address ? address : `${hostname} (${address})`;
  return new FetchError(`${what} is on ${resolved}, ${why}; Lanyard never downloads from there by itself`);
}

/**
 * Checks a URL whose host is an IP literal (the connection makes no DNS lookup for those, so
 * the lookup below never sees them). Host names are checked when they are resolved.
 */
export function checkLiteralHost(url: URL, guard: AddressGuard, what: string): void {
  const host = bare(url.hostname);
  if (isIP(host) === 0 || isAllowedHost(host, guard)) return;
  const why = forbiddenAddress(host);
  if (why) throw refusal(host, host, why, what);
}

/**
 * A `lookup` for the connection: resolves the name once, checks EVERY address it has, and
 * hands the connection exactly those checked addresses, so it connects to what was checked
 * (a second lookup that answers 127.0.0.1, DNS rebinding, never happens). The feed's own
 * host is resolved the same way but not checked.
 */
export function guardedLookup(guard: AddressGuard, what: string): LookupFunction {
  const resolveAll = guard.resolve ?? systemResolve;
  const checked = async (hostname: string, family: number | undefined): Promise<LookupAddress[]> => {
    const addresses = await resolveAll(hostname);
    if (addresses.length === 0) throw new FetchError(`${hostname} could not be found (no address)`);
    if (!isAllowedHost(hostname, guard)) {
      for (const { address } of addresses) {
        const why = forbiddenAddress(address);
        if (why) throw refusal(hostname, address, why, what);
      }
    }
    const wanted = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    if (wanted.length === 0) throw new FetchError(`${hostname} has no IPv${String(family)} address`);
    return wanted;
  };
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    checked(hostname, family).then(
      (wanted) => {
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 0),
    );
  };
}

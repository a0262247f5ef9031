import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { AppError } from "../errors.js";

const IPV4_REASONS: Partial<Record<ReturnType<ipaddr.IPv4["range"]>, string>> = {
  private: "private",
  loopback: "loopback",
  linkLocal: "link-local",
  unspecified: "unspecified",
  carrierGradeNat: "carrier-grade NAT",
  multicast: "multicast",
  broadcast: "broadcast",
};

const IPV6_REASONS: Partial<Record<ReturnType<ipaddr.IPv6["range"]>, string>> = {
  uniqueLocal: "private",
  loopback: "loopback",
  linkLocal: "link-local",
  unspecified: "unspecified",
  multicast: "multicast",
};

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

/**
 * Why a destination address must not be reached, or null when it may be: only public unicast
 * passes. Everything else (private, loopback, link-local, NAT64/6to4/Teredo forms that embed an
 * IPv4 address, documentation and reserved ranges) is refused, so an unlisted range fails closed.
 */
export function forbiddenAddressReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return "not a valid IP address";
  }
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  if (parsed instanceof ipaddr.IPv4) {
    const range = parsed.range();
    return range === "unicast" ? null : (IPV4_REASONS[range] ?? "reserved");
  }
  const range = parsed.range();
  if (range === "unicast" && parsed.match(GLOBAL_UNICAST_V6)) return null;
  return IPV6_REASONS[range] ?? "reserved";
}

/** Refused by the guarded lookup before any connection is attempted. */
export class ForbiddenAddressError extends Error {
  override name = "ForbiddenAddressError";
  readonly code = "EFORBIDDENADDRESS";

  constructor(address: string, reason: string) {
    super(`address ${address} is ${reason} and not allowed`);
  }
}

function checkAddresses(addresses: readonly string[], reasonOf: (address: string) => string | null = forbiddenAddressReason): ForbiddenAddressError | null {
  for (const address of addresses) {
    const reason = reasonOf(address);
    if (reason !== null) return new ForbiddenAddressError(address, reason);
  }
  return null;
}

/** Every address a name resolves to. */
export type Resolve = (hostname: string, options: LookupOptions) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname, options) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses);
    });
  });

/**
 * Where a guarded lookup gets its answers and which addresses it refuses: the system resolver
 * and forbiddenAddressReason, unless a test gives others (a name whose answer changes).
 */
export interface AddressPolicy {
  resolve?: Resolve;
  forbiddenReason?: (address: string) => string | null;
}

/** Strips the brackets WHATWG URL keeps around an IPv6 host. */
export function bareHostname(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** The refusal for an IP-literal host; net.connect never calls `lookup` for those. */
export function literalHostRefusal(hostname: string): ForbiddenAddressError | null {
  return isIP(hostname) === 0 ? null : checkAddresses([hostname]);
}

/**
 * A `lookup` for net/tls.connect that resolves the name and refuses it when ANY address is
 * forbidden, so the address actually connected to is the one checked (no DNS-rebinding window
 * between a check and the connect). It runs for every new connection, pooled ones included.
 */
export function guardedLookupWith(policy: AddressPolicy = {}): LookupFunction {
  const resolve = policy.resolve ?? systemResolve;
  return (hostname, options, callback) => {
    resolve(hostname, options).then(
      (addresses) => {
        const refusal = checkAddresses(
          addresses.map((a) => a.address),
          policy.forbiddenReason,
        );
        if (refusal !== null) return callback(refusal, "", 0);
        if (options.all === true) return callback(null, addresses);
        const first = addresses[0];
        if (first === undefined) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
        callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), "", 0),
    );
  };
}

/** The guarded lookup with the system resolver and the rules above. */
export const guardedLookup: LookupFunction = guardedLookupWith();

async function resolveAll(hostname: string): Promise<string[]> {
  return (await systemResolve(hostname, {})).map((a) => a.address);
}

/**
 * SSRF guard for a destination URL, at target creation. Throws VALIDATION_FAILED under `field`
 * when the URL is not http(s) or its host is or resolves to a forbidden address (unless
 * `allowPrivate`).
 */
export async function assertDeliverableUrl(url: string, options: { allowPrivate: boolean; field?: string }): Promise<void> {
  const field = options.field ?? "config.url";
  const refuse = (reason: string) =>
    new AppError("VALIDATION_FAILED", `${field} is not a deliverable URL: ${reason}`, { fields: { [field]: [reason] } });

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse("must be a valid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw refuse("must be an http(s) URL");
  if (parsed.hostname === "") throw refuse("must name a host");
  if (options.allowPrivate) return;

  const hostname = bareHostname(parsed);
  if (isIP(hostname) !== 0) {
    const refusal = literalHostRefusal(hostname);
    if (refusal !== null) throw refuse(refusal.message);
    return;
  }
  let addresses: string[];
  try {
    addresses = await resolveAll(hostname);
  } catch {
    throw refuse(`host ${hostname} could not be resolved`);
  }
  if (addresses.length === 0) throw refuse(`host ${hostname} could not be resolved`);
  const refusal = checkAddresses(addresses);
  if (refusal !== null) throw refuse(`host ${hostname} resolves to ${refusal.message}`);
}

import type { LanyardDb, TrustedHostRecord } from './schema';

/** Hosts the user already allowed links to. */
export async function trustedHosts(db: LanyardDb): Promise<Set<string>> {
  return new Set(await db.trustedHosts.toCollection().primaryKeys());
}

/** Remembers that the user allowed links to `host`, so they are not asked again. */
export async function trustHost(db: LanyardDb, host: string, now: number): Promise<void> {
  await db.trustedHosts.put({ host: host.toLowerCase(), addedAt: now });
}

/** Every allowed host with when it was allowed, A–Z. */
export function listTrustedHosts(db: LanyardDb): Promise<TrustedHostRecord[]> {
  return db.trustedHosts.orderBy('host').toArray();
}

/** Forgets an allowed host: links to it ask again. */
export async function forgetHost(db: LanyardDb, host: string): Promise<void> {
  await db.trustedHosts.delete(host.toLowerCase());
}

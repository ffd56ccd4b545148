import { isFeedError } from '../core/errors';
import { feedToICal } from '../core/export/ical';
import { diffFeeds } from '../core/feed/diff';
import { FEED_SCHEMA_ID } from '../core/model/json-schema';
import { startFeedServer } from '../main/services/feed-server';
import { counts, diffLines, warningLines } from './report';
import { loadFeed, type LoadOptions } from './source';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function inspect(source: string, asJson: boolean, options: LoadOptions, io: Io): Promise<number> {
  const result = await loadFeed(source, options);
  const { conference } = result.feed;
  const c = counts(result.feed);
  if (asJson) {
    io.out(
      JSON.stringify({
        format: result.format,
        formatLabel: result.formatLabel,
        conference: { title: conference.title, timeZone: conference.timeZone, start: conference.start, end: conference.end },
        counts: c,
        warnings: result.warnings.map((w) => ({ code: w.code, message: w.message, where: w.where ?? null })),
      }),
    );
    return 0;
  }
  const links = Object.entries(c.links).map(([kind, n]) => `${kind} ${n}`).join(', ');
  io.out(
    [
      `Format:      ${result.formatLabel}`,
      `Conference:  ${conference.title}`,
      `Time zone:   ${conference.timeZone}`,
      `Dates:       ${conference.start} – ${conference.end} (${c.days} day${c.days === 1 ? '' : 's'})`,
      `Sessions:    ${c.sessions}`,
      `Speakers:    ${c.speakers}`,
      `Rooms:       ${c.rooms}`,
      `Tracks:      ${c.tracks}`,
      `Links:       ${links}`,
      `Warnings:    ${result.warnings.length}`,
      ...warningLines(result.warnings),
    ].join('\n'),
  );
  return 0;
}

/** Whether the app would import a feed: "importable" with every warning named, or "not importable" and why (exit 1). */
export async function validate(source: string, strict: boolean, options: LoadOptions, io: Io): Promise<number> {
  let result;
  try {
    result = await loadFeed(source, options);
  } catch (error) {
    if (!isFeedError(error)) throw error;
    io.out(`${source}: not importable: ${error.message}`);
    return 1;
  }
  const n = result.warnings.length;
  io.out(`${source}: importable as ${result.formatLabel}, ${result.feed.sessions.length} sessions, ${n} warning${n === 1 ? '' : 's'}`);
  if (n > 0) io.out(warningLines(result.warnings).join('\n'));
  if (strict && n > 0) {
    io.err(`${source}: ${n} warning${n === 1 ? '' : 's'} (--strict treats warnings as errors)`);
    return 1;
  }
  return 0;
}

export async function convert(source: string, to: string | undefined, options: LoadOptions, io: Io): Promise<number> {
  if (to !== 'lanyard' && to !== 'ical') throw new Error('convert needs --to lanyard or --to ical');
  const result = await loadFeed(source, options);
  for (const line of warningLines(result.warnings)) io.err(line.trim());
  io.out(to === 'ical' ? feedToICal(result.feed) : JSON.stringify({ $schema: FEED_SCHEMA_ID, ...result.feed }, null, 2));
  return 0;
}

export async function diff(before: string, after: string, asJson: boolean, options: LoadOptions, io: Io): Promise<number> {
  const [old, next] = await Promise.all([loadFeed(before, options), loadFeed(after, options)]);
  const result = diffFeeds(old.feed, next.feed);
  io.out(asJson ? JSON.stringify(result) : diffLines(result, next.feed.conference.timeZone).join('\n'));
  return 0;
}

export async function serve(dir: string, port: number, io: Io): Promise<number> {
  const { url } = await startFeedServer({ dir, port, onRequest: (line) => io.err(line) });
  io.out(`Serving the feeds in ${dir} at ${url} (ETag, Last-Modified, 304). Press Ctrl+C to stop.`);
  return new Promise<number>(() => undefined);
}

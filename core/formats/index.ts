import { FeedError, WarningLog, type FeedWarning } from '../errors';
import { httpBase } from '../feed/href';
import { LIMITS } from '../limits';
import { enforceModel } from '../model/boundary';
import type { Feed } from '../model/schema';
import type { ImportContext } from './context';
import { decodeFeedBytes, dropControlCharacters } from './decode';
import { importFrabJson } from './frab-json';
import { importFrabXml } from './frab-xml';
import { FrabScanner } from './frab-xml-scan';
import { importICal } from './ical';
import { isObject, parseJson } from './json';
import { importLanyard } from './lanyard';
import { importPretalxWidget } from './pretalx-widget';
import { importSessionize } from './sessionize';
import { FORMATS, describeUnknownJson, sniffJson, sniffText, type FormatId } from './sniff';
import { importXCal } from './xcal';
import { localName, parseXml } from './xml';

export {  type FormatId } from './sniff';
export { decodeFeedBytes } from './decode';

export interface ImportOptions {
  /** The subscriber's choice of IANA zone, for feeds that give none. */
  timeZone?: string;
  /** Extra documents that complete the main one (Sessionize speakers, …), as text. */
  companions?: ReadonlyArray<string | Uint8Array>;
  /** The address the feed was fetched from: the base for relative links when the feed names none. */
  sourceUrl?: string | undefined;
}

export interface ImportResult {
  format: FormatId;
  formatLabel: string;
  feed: Feed;
  warnings: FeedWarning[];
}

/** Bytes or text → text (in the feed's own encoding, see decodeFeedBytes), refusing oversized input before decoding it. */
function decodeInput(input: string | Uint8Array): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > LIMITS.maxInputChars) {
    throw new FeedError('too-large', `The feed is ${(size / 1048576).toFixed(1)} MB; the limit is ${LIMITS.maxInputChars / 1048576} MB`);
  }
  const text = typeof input === 'string' ? input : decodeFeedBytes(input);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function importText(text: string, ctx: ImportContext): { format: FormatId; feed: Feed } {
  if (text.trim().length === 0) throw new FeedError('empty', 'The feed is empty');
  switch (sniffText(text)) {
    case 'ical':
      return { format: 'ical', feed: importICal(text, ctx) };
    case 'html':
      throw new FeedError('unknown-format', 'This is a web page (HTML), not a schedule feed; look for the schedule\'s XML, JSON or iCalendar export');
    case 'xml': {
      // frab events are read while the XML is parsed, so the tree never holds them all.
      const scanner = new FrabScanner(ctx.warnings, ctx.sourceUrl);
      const root = parseXml(text, { onClose: scanner.onClose });
      const name = localName(root.name).toLowerCase();
      if (name === 'schedule') return { format: 'frab-xml', feed: importFrabXml(root, ctx, scanner) };
      if (name === 'icalendar') return { format: 'xcal', feed: importXCal(root, ctx) };
      if (name === 'feed' || name === 'rss') {
        throw new FeedError('unknown-format', `This is a news feed (${name === 'feed' ? 'Atom' : 'RSS'}), not a schedule; use the schedule's XML, JSON or iCalendar export`);
      }
      throw new FeedError('unknown-format', `This XML (root element <${root.name}>) is not a schedule format Lanyard knows (frab/Pentabarf XML, xCal)`, `line ${root.line}`);
    }
    case 'json': {
      const doc = parseJson(text);
      const format = sniffJson(doc);
      if (format === 'lanyard') return { format, feed: importLanyard(doc, ctx) };
      if (format === 'frab-json' && isObject(doc)) return { format, feed: importFrabJson(doc, ctx) };
      if (format === 'pretalx-widget' && isObject(doc)) return { format, feed: importPretalxWidget(doc, ctx) };
      if (format === 'sessionize') return { format, feed: importSessionize(doc, ctx) };
      throw new FeedError('unknown-format', describeUnknownJson(doc));
    }
    default:
      throw new FeedError('unknown-format', 'This is not a schedule feed: it is neither XML, JSON nor iCalendar', 'line 1');
  }
}

/**
 * Reads a schedule feed in any supported format, sniffed from its content, and returns the
 * normalised model with every warning. The result always passes the model's schema
 * (model/boundary.ts: impossible items are dropped with a warning). Throws only FeedError, with a message a person
 * understands; anything unexpected inside an importer is reported as such, never leaked raw.
 */
export function importFeed(input: string | Uint8Array, options: ImportOptions = {}): ImportResult {
  const warnings = new WarningLog();
  const text = dropControlCharacters(decodeInput(input), warnings);
  const companions = (options.companions ?? []).map((c) => parseJson(decodeInput(c)));
  const ctx: ImportContext = { warnings, timeZone: options.timeZone, companions, sourceUrl: httpBase(options.sourceUrl) };
  try {
    const imported = importText(text, ctx);
    const { format } = imported;
    // The one boundary: whatever the importer made passes the model's schema, item by item.
    const feed = enforceModel(imported.feed, warnings);
    if (feed.sessions.length === 0) warnings.add('no-sessions', 'The feed has no sessions.');
    return { format, formatLabel: FORMATS[format], feed, warnings: warnings.list() };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new FeedError('too-deep', 'The feed is too deeply nested to read');
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new FeedError('invalid-field', `The feed could not be read: ${detail.slice(0, 300)}`);
  }
}

import type { WarningLog } from '../errors';
import { joinFoldsInsideCharacters } from './ical-text';
import { lineAndColumn } from './xml-chars';

/**
 * Feed bytes → text, in the encoding the feed is written in: a byte-order mark (UTF-8,
 * UTF-16 LE or BE) first; then UTF-16 without a mark, recognised by how `<?` is written
 * (XML 1.0, appendix F); then the `encoding` an XML declaration names (ISO-8859-1,
 * windows-1252, …: whatever the platform's TextDecoder knows); else UTF-8. Both the app's
 * host (fetch, file dialog, file picker) and lanyard-feed decode with this, so both read
 * the same text.
 */
export function decodeFeedBytes(bytes: Uint8Array): string {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return utf8(bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (a === 0x3c && b === 0x00 && c === 0x3f && bytes[3] === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (a === 0x00 && b === 0x3c && c === 0x00 && bytes[3] === 0x3f) return new TextDecoder('utf-16be').decode(bytes);
  const declared = declaredEncoding(bytes);
  if (declared) return declared.decode(bytes);
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(joinFoldsInsideCharacters(bytes));
}

/** Labels the WHATWG Encoding standard reads as windows-1252 (ISO-8859-1 among them). */
const LATIN1_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591',
  'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252',
]);
/** windows-1252's characters for bytes 0x80–0x9F (the rest are ISO-8859-1's, i.e. the byte's own code point). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * windows-1252 by hand: Node's TextDecoder reads this label as plain ISO-8859-1 (so `–`
 * and `€` would differ between lanyard-feed and the app, whose Chromium gets it right).
 */
function windows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let from = 0; from < bytes.length; from += 8192) {
    const chunk = bytes.subarray(from, from + 8192);
    const codes = new Array<number>(chunk.length);
    for (let i = 0; i < chunk.length; i += 1) {
      const b = chunk[i]!;
      codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** `<?xml version="1.0" encoding="ISO-8859-1"?>` → a decoder for it; undefined for UTF-8, UTF-16 or an unknown label. */
function declaredEncoding(bytes: Uint8Array): { decode: (input: Uint8Array) => string } | undefined {
  let start = 0;
  while (start < 64 && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d)) start += 1;
  if (bytes[start] !== 0x3c || bytes[start + 1] !== 0x3f) return undefined;
  let end = start;
  while (end < start + 200 && end < bytes.length && bytes[end] !== 0x3e) end += 1;
  const head = String.fromCharCode(...bytes.subarray(start, end + 1));
  const label = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(head)?.[2];
  if (!label || /^utf-?(8|16)/i.test(label)) return undefined;
  if (LATIN1_LABELS.has(label.toLowerCase())) return { decode: windows1252 };
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** C0 controls other than tab, newline and carriage return, and U+FFFE/U+FFFF: never text, never allowed in XML. */
const CONTROL = /[^\t\n\r\x20-\uFFFD]/g;

/**
 * Drops control characters (U+0006 pasted into one description is enough to make a whole
 * feed unreadable XML or JSON), with one warning naming where the first ones were.
 */
export function dropControlCharacters(text: string, warnings: WarningLog): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  const places: string[] = [];
  let count = 0;
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
    count += 1;
    if (places.length < 5) {
      const { line, column } = lineAndColumn(text, m.index);
      places.push(`U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at line ${line}, column ${column}`);
    }
  }
  const more = count > places.length ? ` and ${count - places.length} more` : '';
  warnings.add('control-characters-dropped', `The feed contains ${count} control character(s) that are not text (${places.join('; ')}${more}); they were left out.`, places[0]?.replace(/^U\+\w+ at /, ''));
  return text.replace(CONTROL, '');
}

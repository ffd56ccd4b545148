/** Character classes and positions for the XML reader (core/formats/xml-reader.ts). */

/** ASCII name characters: 1 = may start a name, 2 = may continue one. */
export const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) ASCII_NAME[c] = 3;
  else if (/[0-9.-]/.test(ch)) ASCII_NAME[c] = 2;
}

/** XML 1.0 NameStartChar beyond ASCII (a BMP code unit; surrogate pairs are handled apart). */
export function isWideNameStart(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x2ff) || (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) || c === 0x200c || c === 0x200d || (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) || (c >= 0x3001 && c <= 0xd7ff) || (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd)
  );
}

export function isWideNameChar(c: number): boolean {
  return isWideNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** Characters XML 1.0 never allows (lone surrogates are checked apart, as pairs are fine). */
const DISALLOWED = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/g;
export const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

export function isIndent(src: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (src.charCodeAt(i) !== 32) return false;
  return true;
}

export function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** `c` as the reader shows it in a message. */
export function shown(c: number): string {
  if (c === 34) return `'"'`;
  return c >= 0x21 && c <= 0x7e ? `"${String.fromCharCode(c)}"` : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Position of the first character XML 1.0 does not allow (a lone surrogate included), or the length. */
export function firstDisallowed(src: string): number {
  DISALLOWED.lastIndex = 0;
  for (let m = DISALLOWED.exec(src); m; m = DISALLOWED.exec(src)) {
    const i = m.index;
    const c = src.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = src.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        DISALLOWED.lastIndex = i + 2;
        continue;
      }
    }
    return i;
  }
  return src.length;
}

/** 1-based line and column (in UTF-16 units) of `pos`; `\r\n`, `\r` and `\n` each end a line. */
export function lineAndColumn(src: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < src.length; i += 1) {
    const c = src.charCodeAt(i);
    if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: pos - lineStart + 1 };
}

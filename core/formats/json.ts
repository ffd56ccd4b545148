import { FeedError } from '../errors';
import { LIMITS } from '../limits';

function lineColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

/** Refuses input nested deeper than the cap before JSON.parse can recurse into it. */
function checkDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > LIMITS.maxDepth) {
        throw new FeedError('too-deep', `JSON nested deeper than ${LIMITS.maxDepth} levels`, lineColumn(text, i));
      }
    } else if (c === 125 || c === 93) depth -= 1;
  }
}

/** JSON.parse with a depth cap and errors that name line and column. */
export function parseJson(text: string): unknown {
  checkDepth(text);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const where = lc ? `line ${lc[1]}, column ${lc[2]}` : pos ? lineColumn(text, Number(pos[1])) : undefined;
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/s, '');
    throw new FeedError('malformed-json', `The JSON is malformed: ${reason}`, where);
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON scalar as a string: numbers and booleans are turned into their text, never the reverse. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

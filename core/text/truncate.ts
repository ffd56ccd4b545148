import type { WarningLog } from '../errors';

/** Cuts `text` to `max` characters (never inside a surrogate pair), warning once per field. */
export function capLength(text: string | undefined, max: number, warnings: WarningLog, where: string): string | undefined {
  if (text === undefined || text.length <= max) return text;
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  warnings.add('text-truncated', `A text of ${text.length} characters was cut to ${max}.`, where);
  return text.slice(0, cut);
}

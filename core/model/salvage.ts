import type { z } from 'zod';

/** One value the model refused: where (`start`, `links[2].url`), why, and what it was. */
export interface Problem {
  field: string;
  message: string;
  value: unknown;
}

export type Salvaged<T> = { ok: true; value: T; dropped: Problem[] } | { ok: false; problems: Problem[] };

type Path = ReadonlyArray<PropertyKey>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `links[2].url` */
export function pathText(path: Path): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

function valueAt(item: unknown, path: Path): unknown {
  let at = item;
  for (const key of path) {
    if (typeof key === 'symbol' || at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** Removes the smallest part of `item` that holds the refused value: an array element, a nested field, or the field itself. */
function prune(item: Record<string, unknown>, path: Path): void {
  const [key, sub] = path;
  if (typeof key !== 'string') return;
  const inner = item[key];
  if (typeof sub === 'number' && Array.isArray(inner)) {
    item[key] = inner.filter((_, i) => i !== sub);
  } else if (typeof sub === 'string' && isRecord(inner)) {
    const copy = { ...inner };
    delete copy[sub];
    item[key] = copy;
  } else {
    delete item[key];
  }
}

const MAX_ROUNDS = 8;

/**
 * Parses one item (a session, a speaker, the conference) against its schema, dropping what
 * can be dropped: an optional field, one element of a list, one field of a nested object.
 * A problem with a `required` field (or with the item as a whole) refuses the item. Bounded:
 * an item still wrong after a few rounds of pruning is refused.
 */
export function salvage<T>(schema: z.ZodType<T>, input: unknown, required: ReadonlySet<string>): Salvaged<T> {
  if (!isRecord(input)) return { ok: false, problems: [{ field: '', message: 'not an object', value: input }] };
  let item: Record<string, unknown> = { ...input };
  const dropped: Problem[] = [];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const parsed = schema.safeParse(item);
    if (parsed.success) return { ok: true, value: parsed.data, dropped };
    const fatal: Problem[] = [];
    const next = { ...item };
    // Later elements first, so that removing one does not shift the index of another.
    const issues = [...parsed.error.issues].sort((a, b) => {
      const [ia, ib] = [a.path[1], b.path[1]];
      return typeof ia === 'number' && typeof ib === 'number' ? ib - ia : 0;
    });
    const pruned = new Set<string>();
    for (const issue of issues) {
      const problem = { field: pathText(issue.path), message: issue.message, value: valueAt(item, issue.path) };
      const key = issue.path[0];
      if (typeof key !== 'string' || required.has(key)) {
        fatal.push(problem);
        continue;
      }
      // Two problems in one element (or field) remove it once.
      const part = pathText(issue.path.slice(0, 2));
      if (!pruned.has(part)) prune(next, issue.path);
      pruned.add(part);
      dropped.push(problem);
    }
    if (fatal.length > 0) return { ok: false, problems: fatal };
    item = next;
  }
  return { ok: false, problems: [{ field: '', message: 'it could not be repaired', value: undefined }] };
}

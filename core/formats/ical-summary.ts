/** frab and pretalx calendars write `SUMMARY:Title - Speaker A, Speaker B`; this reads it back. */

/** True when every bracket opened in `text` is closed in it. */
function isBalanced(text: string): boolean {
  let round = 0;
  let square = 0;
  for (const c of text) {
    if (c === '(') round += 1;
    else if (c === ')') round -= 1;
    else if (c === '[') square += 1;
    else if (c === ']') square -= 1;
    if (round < 0 || square < 0) return false;
  }
  return round === 0 && square === 0;
}

/** `a, b (X, Y)` → `a`, `b (X, Y)`: commas inside brackets belong to an affiliation. */
function splitNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(' || c === '[') depth += 1;
    else if ((c === ')' || c === ']') && depth > 0) depth -= 1;
    else if (c === ',' && depth === 0 && text[i + 1] === ' ') {
      names.push(text.slice(from, i));
      from = i + 2;
    }
  }
  names.push(text.slice(from));
  return names.map((n) => n.trim()).filter((n) => n !== '').slice(0, 50);
}

/**
 * `Title - Speaker A, Speaker B (Org - Lab)` → title and names. Titles and affiliations may
 * both contain " - ": the split is at the last " - " whose speaker part closes every
 * bracket it opens, so "(Org - Lab)" stays with its speaker.
 */
export function splitSummary(summary: string): { title: string; names: string[] } | undefined {
  const dashes = [...summary.matchAll(/\s-(?=\s|$)/g)].map((m) => m.index);
  for (let k = dashes.length - 1; k >= 0; k -= 1) {
    const at = dashes[k]!;
    const speakers = summary.slice(at + 2).trim();
    if (!isBalanced(speakers)) continue;
    return { title: summary.slice(0, at), names: splitNames(speakers) };
  }
  return undefined;
}

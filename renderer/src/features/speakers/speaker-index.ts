/** The letter a name is filed under: its first letter without accents, upper-cased; "#" for names starting otherwise. */
export function indexLetter(name: string): string {
  const first = [...name.trim().normalize('NFD').replace(/\p{M}/gu, '')][0] ?? '';
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase() : '#';
}

export type IndexRow<S> = { kind: 'letter'; letter: string } | { kind: 'line'; letter: string; speakers: S[] };

/**
 * A phone-book index: speakers sorted A–Z (in the user's locale), under a heading per letter,
 * in lines of `columns` names (read left to right, then down). Returns the rows and where each
 * letter's heading is.
 */
export function speakerRows<S extends { name: string }>(speakers: readonly S[], columns: number): { rows: IndexRow<S>[]; letterRow: Map<string, number> } {
  const sorted = [...speakers].sort((a, b) => a.name.localeCompare(b.name));
  const groups = new Map<string, S[]>();
  for (const s of sorted) {
    const letter = indexLetter(s.name);
    const group = groups.get(letter);
    if (group) group.push(s);
    else groups.set(letter, [s]);
  }
  // "#" (names starting with a digit or a sign) goes last, as in a printed index.
  const letters = [...groups.keys()].sort((a, b) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)));
  const rows: IndexRow<S>[] = [];
  const letterRow = new Map<string, number>();
  const perLine = Math.max(1, Math.floor(columns));
  for (const letter of letters) {
    const group = groups.get(letter)!;
    letterRow.set(letter, rows.length);
    rows.push({ kind: 'letter', letter });
    for (let i = 0; i < group.length; i += perLine) rows.push({ kind: 'line', letter, speakers: group.slice(i, i + perLine) });
  }
  return { rows, letterRow };
}

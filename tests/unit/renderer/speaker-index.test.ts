import { describe, expect, it } from 'vitest';
import { indexLetter, speakerRows } from '../../../renderer/src/features/speakers/speaker-index';

const people = (...names: string[]) => names.map((name, i) => ({ id: `s${i}`, name }));

describe('the speaker index', () => {
  it('files a name under its first letter without accents, and anything else under #', () => {
    expect(indexLetter('Ólafur Arnalds')).toBe('O');
    expect(indexLetter('Žiga Novak')).toBe('Z');
    expect(indexLetter('  de Groot')).toBe('D');
    expect(indexLetter('0xA11ce')).toBe('#');
    expect(indexLetter('@someone')).toBe('#');
    expect(indexLetter('')).toBe('#');
  });

  it('puts each letter under its heading in lines of the given width, # last', () => {
    const { rows, letterRow } = speakerRows(people('Bea', 'anna', '42 Crew', 'Ada', 'Ágnes', 'Bob', 'Carl'), 2);
    expect(rows.map((r) => (r.kind === 'letter' ? r.letter : r.speakers.map((s) => s.name).join('+')))).toEqual([
      'A', 'Ada+Ágnes', 'anna',
      'B', 'Bea+Bob',
      'C', 'Carl',
      '#', '42 Crew',
    ]);
    expect([...letterRow]).toEqual([['A', 0], ['B', 3], ['C', 5], ['#', 7]]);
  });

  it('keeps every speaker exactly once whatever the width', () => {
    const names = people(...Array.from({ length: 300 }, (_, i) => `${String.fromCharCode(65 + (i % 26))}name ${i}`));
    for (const columns of [1, 3, 7, 0.5]) {
      const { rows } = speakerRows(names, columns);
      const listed = rows.flatMap((r) => (r.kind === 'line' ? r.speakers.map((s) => s.id) : []));
      expect(listed.sort()).toEqual(names.map((n) => n.id).sort());
      expect(Math.max(...rows.map((r) => (r.kind === 'line' ? r.speakers.length : 0)))).toBe(Math.max(1, Math.floor(columns)));
    }
  });
});

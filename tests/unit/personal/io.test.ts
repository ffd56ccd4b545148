import { describe, expect, it } from 'vitest';
import { MAX_PERSONAL_CHARS, isEffectivelyEmpty, mergePersonalData, parsePersonalData, PersonalDataError, serializePersonalData } from '../../../core/personal/io';
import { agendaEntry, personalData, urlSubscription, watchEntry } from '../support/personal';

function refusal(text: string): PersonalDataError {
  try {
    parsePersonalData(text);
  } catch (error) {
    if (error instanceof PersonalDataError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('reading a personal-data file', () => {
  it('round-trips everything through serialize and parse', () => {
    const data = personalData({
      subscriptions: [urlSubscription('fosdem-2024'), { id: 'centos-connect-2023', source: 'sample', addedAt: 1, archived: 1 }],
      agenda: [agendaEntry('fosdem-2024', 's1', { note: 'Bring a laptop; "quotes" and ünïcödé', reminderMinutes: null }), agendaEntry('fosdem-2024', 's2', { star: 'maybe', reminderMinutes: 15 })],
      prefs: [{ conferenceId: 'fosdem-2024', remindersEnabled: false, reminderMinutes: 5 }],
      watchLater: [watchEntry('fosdem-2024', 's3', { watchedAt: 900 })],
    });
    expect(parsePersonalData(serializePersonalData(data))).toEqual(data);
    expect(parsePersonalData(serializePersonalData(data, { pretty: true }))).toEqual(data);
    expect(serializePersonalData(data, { pretty: true })).toContain('\n  "subscriptions"');
  });

  it('names the field and what is wrong with it', () => {
    const data = personalData({ agenda: [agendaEntry('c', 's1'), agendaEntry('c', 's2')] });
    const json = JSON.parse(serializePersonalData(data)) as { agenda: Array<{ identity: { title: unknown }; star: unknown }> };
    json.agenda[1]!.identity.title = 42;
    const error = refusal(JSON.stringify(json));
    expect(error.where).toBe('agenda[1].identity.title');
    expect(error.message).toMatch(/expected string/i);

    json.agenda[1]!.identity.title = 'ok';
    json.agenda[0]!.star = 'definitely';
    expect(refusal(JSON.stringify(json)).where).toBe('agenda[0].star');
  });

  it('refuses unknown fields, other files, newer versions, bad JSON and oversized files clearly', () => {
    const base = JSON.parse(serializePersonalData(personalData({ agenda: [agendaEntry('c', 's1')] }))) as Record<string, unknown>;
    const extra = refusal(JSON.stringify({ ...base, agenda: [{ ...(base.agenda as object[])[0], colour: 'red' }] }));
    expect(extra.message).toContain('"colour"');
    expect(extra.where).toBe('agenda[0]');

    expect(refusal(JSON.stringify({ lanyard: 1, conference: {} })).message).toMatch(/not a Lanyard personal-data file: "format" is missing/);
    expect(refusal(JSON.stringify({ ...base, version: 7 })).message).toMatch(/newer Lanyard \(format version 7\)/);
    const broken = refusal('{\n  "format": "lanyard-personal",\n  "version": 1,,\n}');
    expect(broken.message).toMatch(/not valid JSON/);
    expect(broken.where).toMatch(/^line 3, column \d+$/);
    expect(refusal('   ').message).toBe('The file is empty');
    expect(refusal('[1,2]').message).toMatch(/not a JSON object/);
    expect(refusal(' '.repeat(MAX_PERSONAL_CHARS + 1)).message).toMatch(/too large/);
  });

  it('reads a file with a byte-order mark', () => {
    const data = personalData({ agenda: [agendaEntry('c', 's1')] });
    expect(parsePersonalData(`\uFEFF${serializePersonalData(data)}`).agenda).toHaveLength(1);
  });
});

describe('merging an imported file', () => {
  it('adds what is new, lets the newer entry win, and keeps everything stored', () => {
    const existing = personalData({
      subscriptions: [urlSubscription('a'), urlSubscription('b')],
      agenda: [agendaEntry('a', 's1', { updatedAt: 10, note: 'old' }), agendaEntry('a', 's2', { updatedAt: 50, note: 'mine is newer' }), agendaEntry('b', 's9', { updatedAt: 5 })],
      prefs: [{ conferenceId: 'a', remindersEnabled: true, reminderMinutes: 10 }],
      watchLater: [watchEntry('a', 'w1', { addedAt: 10 })],
    });
    const incoming = personalData({
      subscriptions: [{ ...urlSubscription('b'), archived: 1 }, urlSubscription('c')],
      agenda: [agendaEntry('a', 's1', { updatedAt: 20, note: 'new' }), agendaEntry('a', 's2', { updatedAt: 40, note: 'theirs is older' }), agendaEntry('b', 's9', { updatedAt: 5 }), agendaEntry('c', 's1')],
      prefs: [{ conferenceId: 'a', remindersEnabled: false, reminderMinutes: 30 }, { conferenceId: 'c', remindersEnabled: true, reminderMinutes: 5 }],
      watchLater: [watchEntry('a', 'w1', { addedAt: 10, watchedAt: 99 }), watchEntry('c', 'w2')],
    });
    const { data, report } = mergePersonalData(existing, incoming, 7_000);
    expect(report.agenda).toEqual({ added: 1, updated: 1, unchanged: 2 });
    expect(report.subscriptions).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect(report.prefs).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(report.watchLater).toEqual({ added: 1, updated: 1, unchanged: 0 });
    const note = (sessionId: string): string | undefined => data.agenda.find((e) => e.conferenceId === 'a' && e.sessionId === sessionId)?.note;
    expect(note('s1')).toBe('new');
    expect(note('s2')).toBe('mine is newer');
    expect(data.agenda).toHaveLength(4);
    expect(data.subscriptions.find((s) => s.id === 'b')?.archived).toBe(0);
    expect(data.watchLater.find((w) => w.sessionId === 'w1')?.watchedAt).toBe(99);
    expect(data.savedAt).toBe(7_000);
  });

  it('counts a re-import of the same file as all unchanged, whatever the field order', () => {
    const data = personalData({ agenda: [agendaEntry('a', 's1', { note: 'x' })], prefs: [{ conferenceId: 'a', remindersEnabled: true, reminderMinutes: 10 }], watchLater: [watchEntry('a', 'w')] });
    const { report } = mergePersonalData(data, parsePersonalData(serializePersonalData(data)), 1);
    expect(report).toEqual({
      subscriptions: { added: 0, updated: 0, unchanged: 0 },
      agenda: { added: 0, updated: 0, unchanged: 1 },
      prefs: { added: 0, updated: 0, unchanged: 1 },
      watchLater: { added: 0, updated: 0, unchanged: 1 },
    });
    // Preferences from the file win, but the same values written in another order are no update.
    const reordered = { ...data, prefs: [{ reminderMinutes: 10, remindersEnabled: true, conferenceId: 'a' }] };
    expect(mergePersonalData(data, reordered, 1).report.prefs).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(mergePersonalData(data, { ...data, prefs: [{ reminderMinutes: 11, remindersEnabled: true, conferenceId: 'a' }] }, 1).report.prefs.updated).toBe(1);
  });
});

describe('emptiness', () => {
  it('treats only the built-in sample subscription as nothing the user made', () => {
    expect(isEffectivelyEmpty(personalData({ subscriptions: [{ id: 'centos', source: 'sample', addedAt: 1, archived: 0 }] }))).toBe(true);
    expect(isEffectivelyEmpty(personalData({ subscriptions: [urlSubscription('x')] }))).toBe(false);
    expect(isEffectivelyEmpty(personalData({ agenda: [agendaEntry('c', 's')] }))).toBe(false);
    expect(isEffectivelyEmpty(personalData({ prefs: [{ conferenceId: 'c', remindersEnabled: true, reminderMinutes: 10 }] }))).toBe(false);
  });
});

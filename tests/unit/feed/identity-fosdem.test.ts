import { beforeAll, expect, it } from 'vitest';
import { diffFeeds } from '../../../core/feed/diff';
import { matchSessions, normaliseTitle } from '../../../core/feed/identity';
import { importFeed } from '../../../core/formats/index';
import type { Feed } from '../../../core/model/schema';
import { describeCorpus, readCorpus } from '../support/corpus';

describeCorpus('session identity across FOSDEM 2024 exports', () => {
  // fosdem-2024.xml is an early pre-conference export: numeric Pentabarf ids, no guids,
  // no keynotes yet. The variant is a 108-event subset of the post-conference export:
  // guids, new numeric ids (3023, …), keynotes and late additions.
  let pre: Feed;
  let post: Feed;
  // Read in a hook, not while tests are collected: without the corpus this block is skipped.
  beforeAll(() => {
    pre = importFeed(readCorpus('fosdem/fosdem-2024.xml')).feed;
    post = importFeed(readCorpus('fosdem/variants/fosdem-2024-postconf-subset-reformatted.xml')).feed;
  });

  it('pairs every talk present in both, although every id changed', () => {
    const matches = matchSessions(pre, post);
    expect(matches.size).toBe(55);
    for (const [newId, old] of matches) {
      const session = post.sessions.find((s) => s.id === newId)!;
      expect(session.guid).toBeDefined();
      expect(old.guid).toBeUndefined();
      expect(old.sourceId).not.toBe(session.sourceId);
      expect(old.day).toBe(session.day);
    }
  });

  it('calls new only what the earlier export really lacks', () => {
    const diff = diffFeeds(pre, post);
    const preTitles = pre.sessions.map((s) => normaliseTitle(s.title));
    const added = diff.changes.filter((c) => c.tags.includes('new'));
    expect(added).toHaveLength(53);
    expect(added.map((c) => c.title)).toContain('Welcome to FOSDEM 2024');
    // Only "CoderDojo" has a namesake, and there are several of those on the same day: no guess.
    const namesakes = added.filter((c) => preTitles.includes(normaliseTitle(c.title)));
    expect(namesakes.map((c) => c.title)).toEqual(['CoderDojo']);
    expect(preTitles.filter((t) => t === 'coderdojo').length).toBeGreaterThan(1);
  });
});

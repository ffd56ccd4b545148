import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { whyOther, OTHER_REASONS, type OtherReason } from '../support/other-links';
import { importFeed } from '../../../core/formats/index';
import { LINK_KINDS, type Feed, type Link, type LinkKind } from '../../../core/model/schema';
import { corpusPath, describeCorpus, readCorpus } from '../support/corpus';

/** Corpus files that are not schedules (schemas, companions, a news feed, a deliberately invalid example). */
const NOT_SCHEDULES = /^(schemas\/|ccc\/33c3\/(events|speakers)\.json$|pretalx\/democon-export-2022\/schedule-feed\.xml$|c3voc-examples\/json-invalid-example\.json$)/;

function corpusFiles(): string[] {
  return readCorpus('MANIFEST.tsv').trim().split('\n').slice(1).map((line) => line.split('\t')[0]!).filter((p) => !NOT_SCHEDULES.test(p));
}

interface Found {
  link: Link;
  where: string;
  isSoleSessionLink: boolean;
}

function linksOf(feed: Feed): Found[] {
  return [
    ...feed.conference.links.map((link) => ({ link, where: 'conference', isSoleSessionLink: false })),
    ...feed.rooms.flatMap((r) => r.links.map((link) => ({ link, where: `room ${r.id}`, isSoleSessionLink: false }))),
    ...feed.sessions.flatMap((s) => s.links.map((link) => ({ link, where: `session ${s.id}`, isSoleSessionLink: s.links.length === 1 }))),
    ...feed.speakers.flatMap((s) => s.links.map((link) => ({ link, where: `speaker ${s.id}`, isSoleSessionLink: false }))),
  ];
}

describeCorpus('every link in the corpus is classified', () => {
  it('counts each kind, explains every "other", and finds the participation links', () => {
    const files = [...corpusFiles().map((p) => ({ name: p, path: corpusPath(p) })), { name: 'assets/sample', path: 'assets/sample/centos-connect-2023.lanyard.json' }];
    const kinds = Object.fromEntries(LINK_KINDS.map((k) => [k, 0])) as Record<LinkKind, number>;
    const reasons = Object.fromEntries(Object.keys(OTHER_REASONS).map((r) => [r, 0])) as Record<OtherReason, number>;
    const perFile: string[] = [];
    const unexplained: string[] = [];
    for (const { name, path } of files) {
      const { feed } = importFeed(new Uint8Array(readFileSync(path)));
      const found = linksOf(feed);
      const here = Object.fromEntries(LINK_KINDS.map((k) => [k, 0])) as Record<LinkKind, number>;
      for (const { link, where, isSoleSessionLink } of found) {
        kinds[link.kind] += 1;
        here[link.kind] += 1;
        if (link.kind !== 'other') continue;
        const reason = whyOther(link, { isSoleSessionLink });
        if (reason) reasons[reason] += 1;
        else unexplained.push(`${name} ${where}: ${link.url} ${JSON.stringify(link.title ?? '')}`);
      }
      perFile.push(`${name.padEnd(58)} ${LINK_KINDS.map((k) => `${k} ${here[k]}`).join(', ')}`);
    }
    const total = Object.values(kinds).reduce((a, b) => a + b, 0);
    console.log(`Links in the corpus (${files.length} feeds, ${total} links):\n  ${LINK_KINDS.map((k) => `${k}: ${kinds[k]}`).join('\n  ')}`);
    console.log(`Why "other" is other:\n  ${Object.entries(reasons).map(([r, n]) => `${r}: ${n} (${OTHER_REASONS[r as OtherReason]})`).join('\n  ')}`);
    console.log(`Per feed:\n  ${perFile.join('\n  ')}`);
    expect(unexplained, `links of kind other with no reason:\n${unexplained.slice(0, 40).join('\n')}`).toEqual([]);
    // Every kind the app offers a button for really occurs in real feeds.
    for (const kind of LINK_KINDS) expect(kinds[kind], kind).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(15_000);
  });

  it('classifies the participation links real feeds carry', () => {
    const all = (name: string): Link[] => linksOf(importFeed(readCorpus(name)).feed).map((f) => f.link);
    const kindOf = (links: Link[], pattern: RegExp): LinkKind[] => [...new Set(links.filter((l) => pattern.test(l.url)).map((l) => l.kind))];
    // FOSDEM: per-room Matrix rooms are the hallway, video.fosdem.org files the recordings, the feedback form.
    const fosdem = all('fosdem/fosdem-2023.xml');
    expect(kindOf(fosdem, /^https:\/\/chat\.fosdem\.org\//)).toEqual(['hallway']);
    expect(kindOf(fosdem, /^https:\/\/video\.fosdem\.org\/.*\.(webm|mp4)$/)).toEqual(['recording']);
    expect(kindOf(fosdem, /^https:\/\/submission\.fosdem\.org\/feedback\//)).toEqual(['feedback']);
    // CCC: media.ccc.de recordings; a code repository named "…streaming" stays other.
    expect(kindOf(all('ccc/35c3-schedule.json'), /^https:\/\/media\.ccc\.de\/v\//)).toEqual(['recording']);
    expect(kindOf(all('fosdem/fosdem-2016.xml'), /github\.com\/vasia\/gelly-streaming/)).toEqual(['other']);
    // An article from The Register is not a registration link; "Info and registration" is.
    expect(kindOf(all('ccc/35c3-schedule.json'), /theregister\.co\.uk/)).toEqual(['other']);
    expect(kindOf(all('ccc/36c3/stages.schedule.json'), /^https:\/\/c3lt\.de\/$/)).toEqual(['registration']);
    // The sample's conference-level links: its live stream, registration, and the devroom's page.
    const sample = importFeed(readFileSync('assets/sample/centos-connect-2023.lanyard.json', 'utf8')).feed.conference.links;
    expect(sample.map((l) => [l.kind, l.kind === 'other' ? whyOther(l) : '']).sort()).toEqual([['other', 'schedule-page'], ['registration', ''], ['registration', ''], ['stream', '']]);
  });
});

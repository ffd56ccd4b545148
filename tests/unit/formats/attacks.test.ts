import { describe, expect, it } from 'vitest';
import { type FeedError } from '../../../core/errors';
import { importFeed } from '../../../core/formats/index';
import { describeCorpus, readCorpus } from '../support/corpus';
import { thrown } from '../support/errors';

const failure = (input: string): FeedError => thrown(() => importFeed(input));

const SCHEDULE_HEAD = '<?xml version="1.0"?>\n';

describe('hostile XML is refused before it can do harm', () => {
  it('refuses the billion laughs', () => {
    const lol = `${SCHEDULE_HEAD}<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>\n<schedule><conference><title>&lol9;</title></conference></schedule>`;
    const error = failure(lol);
    expect(error.code).toBe('doctype-refused');
    expect(error.where).toBe('line 2');
  });

  it('refuses external entities', () => {
    const xxe = `${SCHEDULE_HEAD}<!DOCTYPE schedule [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><schedule><conference><title>&xxe;</title></conference></schedule>`;
    expect(failure(xxe).code).toBe('doctype-refused');
  });

  it('refuses undeclared entities with their position', () => {
    const error = failure(`${SCHEDULE_HEAD}<schedule>\n  <conference><title>&xxe;</title></conference></schedule>`);
    expect(error.code).toBe('malformed-xml');
    expect(error.where).toMatch(/^line 3, column \d+$/);
  });

  it('refuses 100,000-deep nesting', () => {
    const deep = `<schedule>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</schedule>`;
    expect(failure(deep).code).toBe('too-deep');
  });

  it('names line and column of malformed XML', () => {
    const error = failure(`${SCHEDULE_HEAD}<schedule>\n<conference>\n<title>Broken</titel>\n</conference></schedule>`);
    expect(error.code).toBe('malformed-xml');
    expect(error.where).toMatch(/^line 4, column \d+$/);
    expect(error.message).toMatch(/malformed/i);
  });
});

describe('hostile JSON is refused', () => {
  it('refuses 100,000-deep nesting without overflowing the stack', () => {
    expect(failure(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).code).toBe('too-deep');
    expect(failure(`{"schedule":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`).code).toBe('too-deep');
  });

  it('names line and column of malformed JSON', () => {
    const error = failure('{\n  "schedule": {\n    "conference": { "title": "x", }\n  }\n}');
    expect(error.code).toBe('malformed-json');
    expect(error.where).toMatch(/^line 3, column \d+$/);
  });
});

describe('size and shape', () => {
  it('refuses a 100 MB input before reading it', () => {
    const huge = new Uint8Array(100 * 1024 * 1024);
    const started = Date.now();
    expect(() => importFeed(huge)).toThrow(/limit is 32 MB/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says what an empty, HTML or unknown document is', () => {
    expect(failure('   \n').code).toBe('empty');
    expect(failure('<!doctype html><html><body>Schedule</body></html>').message).toMatch(/web page/);
    expect(failure('hello world').code).toBe('unknown-format');
    expect(failure('{"conference_events": {"events": []}}').message).toMatch(/events\.json/);
    expect(failure('<rss version="2.0"><channel/></rss>').message).toMatch(/news feed/);
    expect(failure('[1, 2, 3]').code).toBe('unknown-format');
  });
});

describeCorpus('documents in the corpus that are not schedules', () => {
  it('rejects the pretalx Atom feed with a clear reason', () => {
    const error = failure(readCorpus('pretalx/democon-export-2022/schedule-feed.xml'));
    expect(error.code).toBe('unknown-format');
    expect(error.message).toMatch(/Atom/);
  });

  it('rejects frab speakers.json and events.json with a pointer to the schedule', () => {
    expect(failure(readCorpus('ccc/33c3/speakers.json')).message).toMatch(/speakers\.json/);
    expect(failure(readCorpus('ccc/33c3/events.json')).message).toMatch(/events\.json/);
  });
});

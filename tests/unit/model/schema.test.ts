import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedJsonSchema } from '../../../core/model/json-schema';
import { FeedSchema } from '../../../core/model/schema';

const committed = JSON.parse(readFileSync(new URL('../../../schema/lanyard-feed.v1.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the published JSON Schema for Lanyard feeds', () => {
  it('is exactly what the model generates (run `npm run schema` after changing the model)', () => {
    expect(committed).toEqual(feedJsonSchema());
  });

  it('describes every part of the model organizers need', () => {
    const properties = committed.properties as Record<string, unknown>;
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['lanyard', 'revision', 'conference', 'rooms', 'tracks', 'speakers', 'sessions', 'announcements']));
    const text = JSON.stringify(committed);
    for (const field of ['timeZone', 'codeOfConduct', 'recordingOptOut', 'cancelled', 'speakerIds', 'photoUrl', 'severity']) expect(text).toContain(`"${field}"`);
    expect(text).toContain('"enum":["stream","hallway","recording","video","slides","feedback","registration","other"]');
  });

  it('the built-in sample conforms to the model', () => {
    const sample = JSON.parse(readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8')) as unknown;
    expect(FeedSchema.safeParse(sample).success).toBe(true);
  });

  it('rejects instants without a zone and numbers where strings belong', () => {
    const sample = JSON.parse(readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8')) as { sessions: Array<Record<string, unknown>> };
    sample.sessions[0]!.start = '2023-02-03T09:00:00';
    expect(FeedSchema.safeParse(sample).success).toBe(false);
    sample.sessions[0]!.start = '2023-02-03T08:00:00Z';
    sample.sessions[0]!.title = 1984;
    expect(FeedSchema.safeParse(sample).success).toBe(false);
  });
});

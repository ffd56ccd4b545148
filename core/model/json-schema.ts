import { z } from 'zod';
import { FEED_FORMAT_VERSION, FeedSchema } from './schema';

export const FEED_SCHEMA_ID = `https://lanyard.app/schema/lanyard-feed.v${FEED_FORMAT_VERSION}.schema.json`;

/** The JSON Schema organizers validate their Lanyard feeds against, generated from the model. */
export function feedJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(FeedSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: FEED_SCHEMA_ID,
    title: `Lanyard conference feed, version ${FEED_FORMAT_VERSION}`,
    description:
      'A conference schedule as Lanyard reads it: conference, rooms, tracks, speakers, sessions and announcements. ' +
      'Instants are UTC; the conference time zone is an IANA name. Rich text is HTML limited to a small allow-list.',
  };
}

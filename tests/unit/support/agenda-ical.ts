import { readFileSync } from 'node:fs';
import type { AgendaCalendarPart } from '../../../core/export/agenda-ical';
import { importFeed } from '../../../core/formats';
import type { Feed } from '../../../core/model/schema';
import type { StoredConference } from '../../../core/personal/ical-import';

const SAMPLE_TEXT = readFileSync(new URL('../../../assets/sample/centos-connect-2023.lanyard.json', import.meta.url), 'utf8');

export function sampleFeed(): Feed {
  return importFeed(SAMPLE_TEXT).feed;
}

/** The whole feed as one agenda export part. */
export function partOf(feed: Feed, extra: Partial<AgendaCalendarPart> = {}): AgendaCalendarPart {
  return { conferenceId: feed.conference.id, conference: feed.conference, sessions: feed.sessions, rooms: feed.rooms, speakers: feed.speakers, tracks: feed.tracks, ...extra };
}

export function storedOf(feed: Feed, conferenceId = feed.conference.id): StoredConference {
  return { conferenceId, conference: feed.conference, sessions: feed.sessions };
}

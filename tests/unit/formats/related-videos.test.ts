import { describe, expect, it } from 'vitest';
import { importFeed } from '../../../core/formats/index';
import { recordedSessions } from '../../../core/live/recordings';
import type { Feed } from '../../../core/model/schema';

/**
 * Only a session's own recording is a "Recording": a link on the conference's video host, one
 * the feed gives as the recording, or one labelled so. A video the speaker refers to ("Snowden
 * speaks at HOPE X" under a 31C3 talk) is a related video, whatever format it came in.
 */
const SNOWDEN = 'https://www.youtube.com/watch?v=QWEbtDiEUsU';
const OWN = 'https://media.ccc.de/v/31c3_-_6258_-_en_-_saal_1_-_201412271715_-_reconstructing_narratives';

const kinds = (feed: Feed): Array<[string, string]> => feed.sessions[0]!.links.map((l) => [l.url, l.kind]);

const frabXml = (links: string, extra = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<schedule><version>1</version><conference><acronym>31c3</acronym><title>31C3</title><start>2014-12-27</start><end>2014-12-27</end><days>1</days><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2014-12-27"><room name="Saal 1"><event id="6258" guid="4a1b6d4c-0000-4000-8000-000000006258"><date>2014-12-27T17:15:00+01:00</date><start>17:15</start><duration>01:00</duration><room>Saal 1</room><slug>reconstructing-narratives</slug><title>Reconstructing narratives</title>
<links>${links}</links>${extra}</event></room></day></schedule>`;

describe('recordings and related videos, by format', () => {
  it('frab XML <links>: a reference on YouTube is related, media.ccc.de and a labelled link are the recording', () => {
    const { feed } = importFeed(frabXml(
      `<link href="${SNOWDEN}">Snowden speaks at HOPE X</link><link href="${OWN}">media.ccc.de</link><link href="https://vimeo.com/1">Video recording of this talk</link><link href="https://example.org/demo.mp4">Demo of the attack</link>`,
    ));
    expect(kinds(feed)).toEqual([[SNOWDEN, 'video'], [OWN, 'recording'], ['https://vimeo.com/1', 'recording'], ['https://example.org/demo.mp4', 'video']]);
  });

  it('frab XML <video> is the recording wherever it is; a video the speaker attached is a demo unless labelled the recording', () => {
    const attachments = '<attachments><attachment type="video" href="https://frab.example.org/system/demo.mp4">Demo video</attachment><attachment type="video" href="https://frab.example.org/system/clip">Clip</attachment><attachment type="video" href="https://frab.example.org/system/talk.webm">Recording of the talk</attachment></attachments>';
    const { feed } = importFeed(frabXml(`<link href="${SNOWDEN}">Snowden speaks at HOPE X</link>`, `${attachments}<video>https://www.youtube.com/watch?v=own</video>`));
    expect(kinds(feed)).toEqual([
      [SNOWDEN, 'video'],
      ['https://frab.example.org/system/demo.mp4', 'video'],
      ['https://frab.example.org/system/clip', 'video'],
      ['https://frab.example.org/system/talk.webm', 'recording'],
      ['https://www.youtube.com/watch?v=own', 'recording'],
    ]);
  });

  it('c3voc schedule.json: links are classified the same way, a reference typed "recording" is the recording', () => {
    const doc = {
      schedule: {
        version: '1', base_url: 'https://fahrplan.events.ccc.de/congress/2014/Fahrplan/',
        conference: {
          acronym: '31c3', title: '31C3', start: '2014-12-27', end: '2014-12-27', time_zone_name: 'Europe/Berlin',
          days: [{
            index: 1, date: '2014-12-27', day_start: '2014-12-27T10:00:00+01:00', day_end: '2014-12-28T04:00:00+01:00',
            rooms: {
              'Saal 1': [{
                id: 6258, guid: '4a1b6d4c-0000-4000-8000-000000006258', date: '2014-12-27T17:15:00+01:00', start: '17:15', duration: '01:00', room: 'Saal 1',
                slug: 'narratives', title: 'Reconstructing narratives', persons: [], attachments: [],
                links: [{ url: SNOWDEN, title: 'Snowden speaks at HOPE X' }, { url: OWN, title: 'media.ccc.de' }, { url: 'https://www.youtube.com/watch?v=own', title: 'Talk', type: 'recording' }],
              }],
            },
          }],
        },
      },
    };
    const { feed } = importFeed(JSON.stringify(doc));
    expect(kinds(feed)).toEqual([[SNOWDEN, 'video'], [OWN, 'recording'], ['https://www.youtube.com/watch?v=own', 'recording']]);
  });

  it('pretalx resources: a labelled recording counts, a referenced talk is related', () => {
    const widget = {
      version: 'v1', timezone: 'Europe/Berlin',
      rooms: [{ id: 1, name: 'Main Hall' }], tracks: [], speakers: [],
      talks: [{
        code: 'T1', title: 'First', speakers: [], room: 1, start: '2023-06-01T10:00:00+02:00', end: '2023-06-01T10:30:00+02:00',
        resources: [{ resource: 'https://www.youtube.com/watch?v=ref', description: 'The keynote I answer' }, { resource: 'https://www.youtube.com/watch?v=rec', description: 'Recording' }],
      }],
    };
    const { feed } = importFeed(JSON.stringify(widget));
    expect(kinds(feed)).toEqual([['https://www.youtube.com/watch?v=ref', 'video'], ['https://www.youtube.com/watch?v=rec', 'recording']]);
  });

  it('the Recordings list takes only the session’s own recordings', () => {
    const live = (feed: Feed) => ({ id: 'c', conference: feed.conference, sessions: feed.sessions, rooms: feed.rooms });
    const onlyRelated = importFeed(frabXml(`<link href="${SNOWDEN}">Snowden speaks at HOPE X</link>`)).feed;
    const both = importFeed(frabXml(`<link href="${SNOWDEN}">Snowden speaks at HOPE X</link><link href="${OWN}">media.ccc.de</link>`)).feed;
    const now = Date.parse('2015-01-01T00:00:00Z');
    expect(recordedSessions({ now, conferences: [live(onlyRelated)] })).toEqual([]);
    expect(recordedSessions({ now, conferences: [live(both)] }).map((i) => i.recordings.map((l) => l.url))).toEqual([[OWN]]);
  });
});

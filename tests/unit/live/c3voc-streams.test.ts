import { describe, expect, it } from 'vitest';
import { parseC3vocStreams } from '../../../core/live/c3voc-streams';

// The documented shape of streaming.media.ccc.de/streams/v2.json, small and written here.
const doc = [
  {
    conference: '38C3',
    slug: '38c3',
    author: 'CCC',
    startsAt: '2024-12-27T09:00:00+0100',
    endsAt: '2024-12-30T20:00:00+0100',
    groups: [
      {
        group: 'Lecture Rooms',
        rooms: [
          {
            slug: 'hall1',
            schedulename: 'Saal 1',
            thumb: 'https://streaming.media.ccc.de/thumbs/hall1.png',
            link: 'https://streaming.media.ccc.de/38c3/hall1',
            display: 'Saal 1',
            streams: [{ slug: 'hd-native', display: 'Saal 1 FullHD Video', type: 'video', isTranslated: false, videoSize: [1920, 1080], urls: { hls: { display: 'HLS', tech: '1920x1080, h264', url: 'https://cdn.c3voc.de/hls/s1_native_1080.m3u8' } } }],
          },
          {
            slug: 'hallg',
            schedulename: 'Saal GLITCH',
            display: 'Saal G',
            streams: [{ slug: 'hd-native', type: 'video', urls: { hls: { url: 'https://cdn.c3voc.de/hls/sg.m3u8' }, webm: { url: 'http://insecure.example/sg.webm' } } }],
          },
          { slug: 'broken', schedulename: 'Nowhere', link: 'javascript:alert(1)', streams: [] },
        ],
      },
    ],
  },
  { conference: 'Other', slug: 'jev22', groups: [{ group: 'x', rooms: [{ slug: 'r', schedulename: 'Saal 1', link: 'https://streaming.media.ccc.de/jev22/r', streams: [] }] }] },
  { slug: 42, groups: 'not a list' },
];

describe("c3voc's streams JSON", () => {
  it("maps the conference's rooms by schedule name and display name to the room page, else an https stream", () => {
    const result = parseC3vocStreams(JSON.stringify(doc), '38C3');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rooms.get('saal 1')).toBe('https://streaming.media.ccc.de/38c3/hall1');
    expect(result.rooms.get('saal glitch')).toBe('https://cdn.c3voc.de/hls/sg.m3u8');
    expect(result.rooms.get('saal g')).toBe('https://cdn.c3voc.de/hls/sg.m3u8');
    expect(result.rooms.has('nowhere')).toBe(false);
  });

  it('ignores other conferences and refuses what is not a list', () => {
    const other = parseC3vocStreams(JSON.stringify(doc), 'camp2023');
    expect(other.ok && other.rooms.size).toBe(0);
    expect(parseC3vocStreams('{"slug":"38c3"}', '38c3')).toEqual({ ok: false, reason: 'the streams list is not a list of conferences' });
    expect(parseC3vocStreams('<html>', '38c3')).toEqual({ ok: false, reason: 'the streams list is not JSON' });
  });
});

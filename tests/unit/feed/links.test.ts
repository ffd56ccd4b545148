import { describe, expect, it } from 'vitest';
import { WarningLog } from '../../../core/errors';
import { classifyLink, makeLink } from '../../../core/feed/links';
import type { LinkKind } from '../../../core/model/schema';

describe('classifyLink', () => {
  const cases: Array<[string, string, LinkKind]> = [
    ['https://meet.google.com/abc-defg-hij', '', 'hallway'],
    ['https://meet.jit.si/CentOSConnect', '', 'hallway'],
    ['https://matrix.to/#/#fosdem:fosdem.org', '', 'hallway'],
    ['https://chat.fosdem.org/#/room/#2020-janson:fosdem.org', '', 'hallway'],
    ['https://example.zoom.us/j/123456789', '', 'hallway'],
    ['https://zoom.us/pricing', '', 'other'],
    ['https://matrix.org/', 'Matrix.org', 'other'],
    ['https://github.com/matrix-org/matrix-bifrost', 'Bifröst - bridging framework for Matrix', 'other'],
    ['https://www.youtube.com/live/abc', '', 'stream'],
    // Only the session's own recording is a recording: on the conference's video host or labelled so.
    ['https://www.youtube.com/watch?v=abc', '', 'video'],
    ['https://www.youtube.com/watch?v=QWEbtDiEUsU', 'Snowden speaks at HOPE X', 'video'],
    ['https://www.youtube.com/watch?v=abc', 'Recording', 'recording'],
    ['https://youtu.be/abc', 'Video recording of the talk', 'recording'],
    ['https://vimeo.com/123', 'Video of my talk at 30C3', 'video'],
    ['https://vimeo.com/123', 'Video', 'recording'],
    ['https://archive.org/details/hope-x-snowden', '', 'video'],
    ['https://example.org/demo', 'Demo video', 'other'],
    ['https://example.org/aufzeichnung', 'Aufzeichnung', 'recording'],
    ['https://streaming.media.ccc.de/33c3/saal1', '', 'stream'],
    ['https://live.fosdem.org/watch/janson', '', 'stream'],
    ['https://cdn.example.org/live/stream.m3u8', '', 'stream'],
    ['https://video.fosdem.org/2020/Janson/keynotes_welcome.webm', 'Video recording (WebM/VP9)', 'recording'],
    ['https://media.ccc.de/v/33c3-8429-33c3_opening_ceremony', '', 'recording'],
    ['https://example.org/talk.mp4', '', 'video'],
    ['https://example.org/talk.mp4', 'Recording (mp4)', 'recording'],
    ['https://fosdem.org/2020/schedule/event/x/attachments/slides/1/export/events/attachments/x/slides/1/talk.pdf', '', 'slides'],
    ['https://speakerdeck.com/someone/talk', '', 'slides'],
    ['https://submission.fosdem.org/feedback/9025.php', 'Submit feedback', 'feedback'],
    ['https://ti.to/centos/connect-at-fosdem-2023/with/connect-online', 'Register for online', 'registration'],
    ['https://example.org/', 'Project homepage', 'other'],
    ['mailto:amy@example.org', 'Amy', 'other'],
    // A link whose title is its own URL (FOSDEM 2020) says nothing: "video" in the host is no recording.
    ['http://www.videoservicesforum.org/RIST.shtml', 'http://www.videoservicesforum.org/RIST.shtml', 'other'],
    ['https://example.org/live-streaming-guide', 'https://example.org/live-streaming-guide', 'other'],
  ];
  it.each(cases)('%s (%s) is %s', (url, title, kind) => {
    expect(classifyLink(url, title)).toBe(kind);
  });

  it('trusts what the feed says about a link', () => {
    expect(classifyLink('https://example.org/x', '', 'slides')).toBe('slides');
  });
});

describe('makeLink', () => {
  it('encodes raw spaces and parentheses (FOSDEM 2023) and keeps the title', () => {
    const warnings = new WarningLog();
    const link = makeLink('https://video.fosdem.org/2023/UB2.252A (Lameere)/talk.webm', 'Video (WebM)', warnings, 'here');
    expect(link).toEqual({ url: 'https://video.fosdem.org/2023/UB2.252A%20(Lameere)/talk.webm', title: 'Video (WebM)', kind: 'recording' });
    expect(warnings.list()).toEqual([]);
  });

  it('leaves out relative, script and data links, with a warning each', () => {
    const warnings = new WarningLog();
    expect(makeLink('/system/attachments/1.pdf', 'Slides', warnings, 'event 1')).toBeUndefined();
    expect(makeLink('javascript:alert(1)', 'x', warnings, 'event 2')).toBeUndefined();
    expect(makeLink('data:text/html,<script>alert(1)</script>', 'x', warnings, 'event 3')).toBeUndefined();
    expect(warnings.list().map((w) => w.code)).toEqual(['link-invalid', 'link-unsafe', 'link-unsafe']);
    expect(makeLink('   ', 'x', warnings, 'event 4')).toBeUndefined();
  });
});

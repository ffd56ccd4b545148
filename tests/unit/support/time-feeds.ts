// Feeds written for the tests, imitating what real generators emit (no corpus file is copied).

/** The CCC hub's XML (38C3/39C3): zone declared, events at +01:00, conference and day boundaries in UTC. */
export function hubXml(options: { end?: string; dayEnd?: (date: string) => string } = {}): string {
  const dates = ['2024-12-27', '2024-12-28', '2024-12-29', '2024-12-30'];
  const next = (d: string): string => `2024-12-${Number(d.slice(8)) + 1}`;
  const days = dates.map((date, i) => {
    const start = i === 0 ? `${date}T09:30:00+00:00` : `${date}T05:00:00+00:00`;
    const end = options.dayEnd ? options.dayEnd(date) : i === 3 ? `${date}T17:45:00+00:00` : `${next(date)}T05:00:00+00:00`;
    const events = i === 0
      ? `<event guid="a-1" id="1"><date>2024-12-27T10:30:00+01:00</date><start>10:30</start><duration>00:30</duration><room>Saal 1</room><slug>opening</slug><title>Opening Ceremony</title><type>Talk</type><language>en</language><persons><person guid="p1">Host</person></persons></event>
         <event guid="a-2" id="2"><date>2024-12-28T01:30:00+01:00</date><start>01:30</start><duration>01:00</duration><room>Saal 1</room><title>Late night talk</title></event>`
      : `<event guid="a-${i + 2}" id="${i + 2}"><date>${date}T11:00:00+01:00</date><start>11:00</start><duration>00:40</duration><room>Saal 1</room><title>Day ${i + 1} talk</title></event>`;
    return `<day index="${i + 1}" date="${date}" start="${start}" end="${end}"><room name="Saal 1" guid="r1">${events}</room></day>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<schedule xsi:noNamespaceSchemaLocation="https://c3voc.de/schedule/schema.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <generator name="hub" version="0.1"/>
  <version>2024-12-26 20:23</version>
  <conference>
    <acronym>38c3</acronym><title>38C3</title>
    <start>2024-12-27T09:30:00+00:00</start><end>${options.end ?? '2024-12-30T17:45:00+00:00'}</end>
    <days>4</days><timeslot_duration>00:05</timeslot_duration>
    <time_zone_name>Europe/Berlin</time_zone_name>
    <base_url>https://events.ccc.de/congress/2024/hub/</base_url>
  </conference>
  ${days.join('\n  ')}
</schedule>`;
}


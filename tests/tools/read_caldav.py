#!/usr/bin/python3
"""Reads a CalDAV calendar with an independent client (Debian's python3-caldav).

Usage: read_caldav.py URL USER PASSWORD CALENDAR-NAME

Finds the calendar by its display name through the account's principal (as any CalDAV
client does), reads every event and prints one JSON object:
{"calendar": url, "events": {UID: {"start": ISO-UTC, "end": ISO-UTC, "tzid": str|null,
"summary", "status", "sequence", "location", "url", "alarms": [minutes before start, ...]}}}.
Times are converted to UTC through the event's own VTIMEZONE (python3-icalendar), not the
system's zone data. Exit 4: no such calendar; exit 3: python3-caldav is missing.
"""
import json
import sys
from datetime import timezone

try:
    import caldav
    import icalendar
except ImportError:  # pragma: no cover
    print("python3-caldav or python3-icalendar is not installed", file=sys.stderr)
    sys.exit(3)


def utc(prop, zones):
    dt = prop.dt
    tzid = prop.params.get("TZID")
    if tzid is not None:
        zone = zones[tzid]
        naive = dt.replace(tzinfo=None)
        dt = zone.localize(naive) if hasattr(zone, "localize") else naive.replace(tzinfo=zone)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), (str(tzid) if tzid is not None else None)


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    url, user, password, name = sys.argv[1:]
    client = caldav.DAVClient(url=url, username=user, password=password)
    calendars = client.principal().calendars()
    chosen = [c for c in calendars if c.name == name]
    if not chosen:
        print(f"no calendar named {name!r}: {[c.name for c in calendars]}", file=sys.stderr)
        return 4
    calendar = chosen[0]
    out = {}
    for obj in calendar.events():
        parsed = icalendar.Calendar.from_ical(obj.data)
        zones = {str(vtz["TZID"]): vtz.to_tz() for vtz in parsed.walk("VTIMEZONE")}
        for event in parsed.walk("VEVENT"):
            start, tzid = utc(event["DTSTART"], zones)
            end, _ = utc(event["DTEND"], zones)
            alarms = []
            for alarm in event.walk("VALARM"):
                alarms.append(-alarm["TRIGGER"].dt.total_seconds() / 60)
            out[str(event["UID"])] = {
                "start": start,
                "end": end,
                "tzid": tzid,
                "summary": str(event.get("SUMMARY", "")),
                "status": str(event.get("STATUS", "")),
                "sequence": int(event.get("SEQUENCE", 0)),
                "location": str(event.get("LOCATION", "")),
                "url": str(event.get("URL", "")),
                "alarms": alarms,
            }
    print(json.dumps({"calendar": str(calendar.url), "events": out}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

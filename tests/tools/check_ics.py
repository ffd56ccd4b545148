#!/usr/bin/python3
"""Independent check of an iCalendar file with Debian's python3-icalendar.

Usage: check_ics.py FILE.ics EXPECTED.json

EXPECTED.json maps each event UID to {"start": ISO-UTC, "end": ISO-UTC, "summary": str}.
The file must parse; every VEVENT must have UID, DTSTAMP, DTSTART, DTEND and SUMMARY; each
TZID must name a VTIMEZONE in the file; and every start/end, converted to UTC through that
VTIMEZONE's own observances (not the system's zone data), must equal the expected instant.
Prints one JSON object {"events": n, "zones": [...]} and exits 0, or prints the problems
and exits 1. Exit 3 means python3-icalendar is missing.
"""
import json
import sys
from datetime import datetime, timezone

try:
    import icalendar
except ImportError:  # pragma: no cover
    print("python3-icalendar is not installed", file=sys.stderr)
    sys.exit(3)


def utc_iso(value, zones):
    dt = value.dt
    tzid = value.params.get("TZID")
    if tzid is not None:
        if tzid not in zones:
            raise ValueError(f"TZID {tzid} has no VTIMEZONE in the file")
        naive = dt.replace(tzinfo=None)
        dt = zones[tzid].localize(naive) if hasattr(zones[tzid], "localize") else naive.replace(tzinfo=zones[tzid])
    elif dt.tzinfo is None:
        raise ValueError("floating time (no TZID, no Z)")
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        expected = json.load(f)
    problems = []
    zones = {}
    for vtz in calendar.walk("VTIMEZONE"):
        zones[str(vtz["TZID"])] = vtz.to_tz()
    seen = set()
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", ""))
        for field in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if field not in event:
                problems.append(f"{uid or '?'}: no {field}")
        if not uid or "DTSTART" not in event or "DTEND" not in event:
            continue
        seen.add(uid)
        want = expected.get(uid)
        if want is None:
            problems.append(f"{uid}: not expected")
            continue
        try:
            start = utc_iso(event["DTSTART"], zones)
            end = utc_iso(event["DTEND"], zones)
        except ValueError as error:
            problems.append(f"{uid}: {error}")
            continue
        if start != want["start"]:
            problems.append(f"{uid}: starts {start}, expected {want['start']}")
        if end != want["end"]:
            problems.append(f"{uid}: ends {end}, expected {want['end']}")
        if str(event["SUMMARY"]) != want["summary"]:
            problems.append(f"{uid}: summary {str(event['SUMMARY'])!r}, expected {want['summary']!r}")
    for uid in expected:
        if uid not in seen:
            problems.append(f"{uid}: missing from the file")
    if problems:
        print("\n".join(problems[:50]))
        return 1
    print(json.dumps({"events": len(seen), "zones": sorted(zones)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

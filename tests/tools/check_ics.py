#!/usr/bin/python3
"""Independent check of an iCalendar file with Debian's python3-icalendar.

Usage: check_ics.py FILE.ics EXPECTED.json

EXPECTED.json maps each event UID to {"start": ISO-UTC, "end": ISO-UTC, "summary": str}, and
optionally "status" (CONFIRMED, TENTATIVE, CANCELLED) and "alarm" (minutes before the start,
or null for no alarm): the event's VALARMs must then be exactly one DISPLAY alarm with a
DESCRIPTION whose TRIGGER is that many minutes before the start (or none at all).
The file must parse; every VEVENT must have UID, DTSTAMP, DTSTART, DTEND and SUMMARY; each
TZID must name a VTIMEZONE in the file; and every start/end, converted to UTC through that
VTIMEZONE's own observances (not the system's zone data), must equal the expected instant.
Prints one JSON object {"events": n, "zones": [...]} and exits 0, or prints the problems
and exits 1. Exit 3 means python3-icalendar is missing.
"""
import json
import sys
from datetime import timedelta, timezone

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


def alarm_problems(uid, event, want):
    alarms = event.walk("VALARM")
    if want is None:
        return [f"{uid}: {len(alarms)} alarm(s), expected none"] if alarms else []
    if len(alarms) != 1:
        return [f"{uid}: {len(alarms)} alarm(s), expected one {want} minutes before"]
    alarm = alarms[0]
    problems = []
    if str(alarm.get("ACTION", "")) != "DISPLAY":
        problems.append(f"{uid}: alarm ACTION {alarm.get('ACTION')!r}, expected DISPLAY")
    if "DESCRIPTION" not in alarm:
        problems.append(f"{uid}: display alarm without DESCRIPTION")
    trigger = alarm.get("TRIGGER")
    related = trigger.params.get("RELATED", "START") if trigger is not None else None
    if trigger is None or not isinstance(trigger.dt, timedelta) or related != "START":
        problems.append(f"{uid}: alarm TRIGGER is not a duration before the start")
    elif trigger.dt != -timedelta(minutes=want):
        problems.append(f"{uid}: alarm {-trigger.dt.total_seconds() / 60:g} minutes before, expected {want}")
    return problems


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
        if "status" in want and str(event.get("STATUS", "")) != want["status"]:
            problems.append(f"{uid}: status {str(event.get('STATUS', ''))!r}, expected {want['status']!r}")
        if "alarm" in want:
            problems.extend(alarm_problems(uid, event, want["alarm"]))
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

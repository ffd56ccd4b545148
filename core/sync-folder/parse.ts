import { LOG_VERSION, readLine, type Head, type Op } from './ops';

/** Caps for reading a log file from the folder: anyone with access to the folder can write one. */
export const LOG_LIMITS = {
  /** A file larger than this is not read (the host refuses it before it reaches the page). */
  maxFileBytes: 32 * 1024 * 1024,
  /** Characters of one line; a longer line is skipped. */
  maxLineChars: 64 * 1024,
  /** Lines read from one file; the rest is counted as skipped. */
  maxLines: 500_000,
  /** `.jsonl` files listed in one folder. */
  maxFiles: 1_000,
} as const;

export interface ParsedLog {
  ops: Op[];
  heads: Head[];
  /** Lines that could not be read (damaged, cut short, not a log line), with the first few reasons. */
  bad: number;
  problems: string[];
  /** Lines written by a newer version of Lanyard (skipped, not counted as damaged). */
  newer: number;
}

/**
 * Reads a log file's text line by line. A bad line never throws and never costs the good
 * ones: it is skipped and counted (a sync tool may deliver a file cut off mid-line, or a
 * person may edit one). `where` names the file in the reasons.
 */
export function parseLog(text: string, where: string, limits: { maxLineChars: number; maxLines: number } = LOG_LIMITS): ParsedLog {
  const out: ParsedLog = { ops: [], heads: [], bad: 0, problems: [], newer: 0 };
  const note = (line: number, reason: string): void => {
    out.bad += 1;
    if (out.problems.length < 5) out.problems.push(`${where}, line ${line}: ${reason}`);
  };
  let start = 0;
  let lineNo = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo += 1;
    const length = end - start;
    if (lineNo > limits.maxLines) {
      note(lineNo, `more than ${limits.maxLines} lines; the rest was not read`);
      break;
    }
    if (length > limits.maxLineChars) note(lineNo, `longer than ${limits.maxLineChars} characters`);
    else {
      const line = text.slice(start, end).trim();
      if (line) readOne(line, lineNo, out, note);
    }
    start = end + 1;
  }
  return out;
}

function readOne(line: string, lineNo: number, out: ParsedLog, note: (line: number, reason: string) => void): void {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    note(lineNo, 'not complete JSON (cut short or damaged)');
    return;
  }
  if (typeof raw === 'object' && raw !== null && typeof (raw as { v?: unknown }).v === 'number' && (raw as { v: number }).v > LOG_VERSION) {
    out.newer += 1;
    return;
  }
  const read = readLine(raw);
  if ('op' in read) out.ops.push(read.op);
  else if ('head' in read) out.heads.push(read.head);
  else note(lineNo, read.error);
}

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CspEvaluator } from 'csp_evaluator/dist/evaluator.js';
import { Severity } from 'csp_evaluator/dist/finding.js';
import { CspParser } from 'csp_evaluator/dist/parser.js';

export interface CspFinding {
  directive: string;
  value: string | undefined;
  severity: string;
  description: string;
}

export interface CspAccepted {
  directive: string;
  value?: string;
  reason: string;
}

export interface CspReport {
  policy: string;
  /** High, medium, syntax and "possibly high" findings: always a failure. */
  failing: CspFinding[];
  /** Lower findings explained in security/csp-accepted.json. */
  accepted: Array<CspFinding & { reason: string }>;
  /** Lower findings nobody has explained yet: a failure until reviewed. */
  unexplained: CspFinding[];
}

const ROOT = resolve(import.meta.dirname, '../..');
const FAILING: ReadonlySet<Severity> = new Set([Severity.HIGH, Severity.SYNTAX, Severity.MEDIUM, Severity.HIGH_MAYBE]);

/** Runs Google's csp_evaluator over the policy the app really sends. */
export function evaluateCsp(policy: string): CspReport {
  const accepted = (JSON.parse(readFileSync(join(ROOT, 'security/csp-accepted.json'), 'utf8')) as { entries: CspAccepted[] }).entries;
  const findings = new CspEvaluator(new CspParser(policy).csp).evaluate().map((f) => ({ directive: f.directive, value: f.value, severity: Severity[f.severity] ?? String(f.severity), description: f.description, level: f.severity }));
  const report: CspReport = { policy, failing: [], accepted: [], unexplained: [] };
  for (const { level, ...finding } of findings) {
    const why = accepted.find((a) => a.directive === finding.directive && (a.value === undefined || a.value === finding.value));
    if (FAILING.has(level)) report.failing.push(finding);
    else if (why) report.accepted.push({ ...finding, reason: why.reason });
    else report.unexplained.push(finding);
  }
  return report;
}

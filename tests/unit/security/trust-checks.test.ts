import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../core/security/headers';
import { evaluateCsp } from '../../../scripts/trust/csp';
import { compareWithBaseline, readBaseline, type EgFinding } from '../../../scripts/trust/electronegativity';
import { trustProblems } from '../../../scripts/trust/report';

describe('the CSP check of npm run trust', () => {
  it('passes the app policy with only explained low findings', () => {
    const report = evaluateCsp(CONTENT_SECURITY_POLICY);
    expect(report.failing).toEqual([]);
    expect(report.unexplained).toEqual([]);
    for (const a of report.accepted) expect(a.reason.length).toBeGreaterThan(40);
  });

  it.each([
    ["script-src 'self' 'unsafe-inline'", 'script-src'],
    ["default-src 'self'; script-src 'self' 'unsafe-eval'", 'script-src'],
    ["default-src *", 'default-src'],
    ["script-src 'self' https:", 'script-src'],
  ])('fails a weaker policy: %s', (policy, directive) => {
    const report = evaluateCsp(policy);
    // High and medium findings fail outright; lower ones fail until explained in security/csp-accepted.json.
    expect([...report.failing, ...report.unexplained].map((f) => f.directive)).toContain(directive);
  });
});

describe('the electronegativity baseline', () => {
  const finding = (rule: string, file: string): EgFinding => ({ rule, file, line: 1, level: 'warning', message: '' });

  it('has a reason for every entry', () => {
    for (const entry of readBaseline()) expect(entry.reason.length, entry.rule).toBeGreaterThan(40);
  });

  it('lets through only findings it names, by check and file, and reports entries that no longer match', () => {
    const baseline = [{ rule: 'SANDBOX_JS_CHECK', file: 'main/electron/window.ts', reason: 'x'.repeat(50) }, { rule: 'OLD_CHECK', file: 'main/gone.ts', reason: 'y'.repeat(50) }];
    const report = compareWithBaseline([finding('SANDBOX_JS_CHECK', 'main/electron/window.ts'), finding('SANDBOX_JS_CHECK', 'main/electron/other.ts'), finding('NODE_INTEGRATION_JS_CHECK', 'main/electron/window.ts')], baseline);
    expect(report.outsideBaseline.map((f) => `${f.rule} ${f.file}`)).toEqual(['SANDBOX_JS_CHECK main/electron/other.ts', 'NODE_INTEGRATION_JS_CHECK main/electron/window.ts']);
    expect(report.staleBaseline.map((e) => e.rule)).toEqual(['OLD_CHECK']);
  });
});

describe('the verdict of npm run trust', () => {
  const figures = { payloadsTried: 798, payloadsExecuted: 0, networkFaultsTried: 18, networkFaultsSurvived: 18, storageFaultsTried: 1, storageFaultsSurvived: 1, fuzzCasesRun: 1350,
    renderFuzzConferences: 16, renderFuzzViews: 200, renderFuzzBlankWindows: 0, renderFuzzUncaughtErrors: 0, watchdogHangsTried: 2, watchdogHangsStopped: 2 };
  const eg = { findings: [], outsideBaseline: [], staleBaseline: [] };
  const csp = evaluateCsp(CONTENT_SECURITY_POLICY);

  it('passes when nothing ran, nothing was lost and everything is reviewed', () => {
    expect(trustProblems(figures, eg, csp)).toEqual([]);
  });

  it.each([
    [{ payloadsExecuted: 1 }, '1 XSS payloads executed'],
    [{ networkFaultsSurvived: 17 }, '1 network faults lost data or hung'],
    [{ storageFaultsSurvived: 0 }, '1 storage faults lost data'],
    [{ payloadsTried: 0 }, 'no XSS payload was tried'],
    [{ fuzzCasesRun: 0 }, 'no importer fuzz case ran'],
    [{ renderFuzzViews: 0 }, 'no hostile conference was rendered'],
    [{ renderFuzzBlankWindows: 2 }, '2 blank windows while rendering hostile conferences'],
    [{ renderFuzzUncaughtErrors: 3 }, '3 uncaught errors while rendering hostile conferences'],
    [{ watchdogHangsTried: 0, watchdogHangsStopped: 0 }, 'no hanging sync job was tried on the watchdog'],
    [{ watchdogHangsStopped: 1 }, '1 hanging sync jobs were not stopped, or delayed another conference'],
  ])('fails on %o', (change, problem) => {
    expect(trustProblems({ ...figures, ...change }, eg, csp)).toEqual([problem]);
  });

  it('fails on a finding outside the baseline and on a weak policy', () => {
    const finding = { rule: 'NODE_INTEGRATION_JS_CHECK', file: 'main/x.ts', line: 1, level: 'warning', message: '' };
    expect(trustProblems(figures, { ...eg, outsideBaseline: [finding] }, csp)).toEqual(['1 electronegativity findings outside security/electronegativity-baseline.json']);
    expect(trustProblems(figures, eg, evaluateCsp("script-src 'unsafe-inline'"))).not.toEqual([]);
  });
});

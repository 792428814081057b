import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import {
  foreignRequests,
  launchChromium,
  openPhone,
  screenshot,
  WEB_ROOT,
  type Phone,
} from '../support/browser';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { makeCertificate, type TestCertificate } from '../../src/cli/serve/tls.test-support';

export type Harness = {
  readonly browser: Browser;
  readonly r: TestRedline;
  /** A new phone (its own browser context) opened at the server's address. */
  open(kind: Phone['kind']): Promise<Phone>;
};

/**
 * For a describe block: one Chromium for the file, a fresh Redline (server, SQLite in a temp
 * folder, simulated toys) and fresh contexts for each test. After each test, every context is
 * closed and checked: no request went anywhere but the Redline server (P1).
 */
export function browserHarness(options: { tls?: boolean } = {}): Harness {
  let browser: Browser | null = null;
  /** With `tls`: Redline serves HTTPS with a certificate this Chromium trusts, and no other. */
  let certificate: TestCertificate | undefined;
  let certificateDir: string | undefined;
  let redline: TestRedline | null = null;
  let phones: Phone[] = [];
  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is not running`);
    return value;
  };
  beforeAll(async () => {
    if (options.tls === true) {
      certificateDir = mkdtempSync(join(tmpdir(), 'redline-cert-'));
      certificate = await makeCertificate(certificateDir);
    }
    browser = await launchChromium(
      certificate === undefined
        ? []
        : [`--ignore-certificate-errors-spki-list=${certificate.spkiHash}`],
    );
  });
  afterAll(async () => {
    await browser?.close();
    if (certificateDir !== undefined) rmSync(certificateDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    redline = await startTestRedline({
      webRoot: WEB_ROOT,
      // Stopped scenes leave memory only when a test asks (`registry.retireIdle`), at once.
      retire: { afterMs: 0, everyMs: 0 },
      ...(certificate === undefined
        ? {}
        : { tls: { cert: certificate.cert, key: certificate.key } }),
    });
    phones = [];
  });
  afterEach(async (context) => {
    const r = need(redline, 'Redline');
    if (context.task.result?.state === 'fail') {
      // What each screen showed when the test failed, for whoever reads the CI log.
      const slug = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      for (const p of phones)
        await screenshot(p.page, `failed-${slug}-${p.kind}`).catch(() => undefined);
    }
    const foreign = phones.flatMap((p) => foreignRequests(p.requests, r.url));
    const errors = phones.flatMap((p) => p.errors.map((e) => `${p.kind}: ${e}`));
    for (const p of phones) await p.context.close();
    await r.close();
    redline = null;
    // The recording works: every phone's requests were seen (the app's own script at least), and
    // a screen that ran a scene recorded its WebSocket too (checked by the scene tests).
    for (const p of phones)
      expect(
        p.requests.some((url) => url.startsWith(r.url) && url.endsWith('.js')),
        `${p.kind} recorded its requests`,
      ).toBe(true);
    expect(foreign, 'requests to anyone but the Redline server (P1)').toEqual([]);
    expect(errors, 'errors in the pages').toEqual([]);
  });
  return {
    get browser() {
      return need(browser, 'Chromium');
    },
    get r() {
      return need(redline, 'Redline');
    },
    async open(kind) {
      const phone = await openPhone(need(browser, 'Chromium'), kind, need(redline, 'Redline').url);
      phones.push(phone);
      return phone;
    },
  };
}

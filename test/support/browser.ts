import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

/**
 * Real Chromium for the end-to-end tests and the click benchmark: the two phones of a scene as
 * two browser contexts (separate storage, as two devices), every request they make recorded so a
 * test can prove none leaves the Redline server (P1).
 */

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where `buildWebApp` puts the app, and what the tests serve. */
export const WEB_ROOT = join(REPO_ROOT, 'dist', 'web');
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'browser');

/** Debian's Chromium, or CHROMIUM_PATH. */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string =>
  env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Headless, and quiet on the network: no update checks, sync or field trials of its own.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** `extraArgs`: flags a test needs on top of the usual ones (say, `--host-resolver-rules`). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: 30_000,
  });
}

/**
 * Builds the web app into dist/web with the project's Vite config, as `npm run build:web` does.
 * NODE_ENV is set to production for the build: Vite takes it over into the bundle, and vitest's
 * "test" would otherwise give React's development build.
 */
export async function buildWebApp(): Promise<void> {
  const { build } = await import('vite');
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(REPO_ROOT, 'src', 'web', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

export type PhoneKind = 'console' | 'panel';

/** The dominant's laptop, and the receiver's phone (touch, 390×844 like a current iPhone). */
const PHONES: Record<PhoneKind, BrowserContextOptions> = {
  console: { viewport: { width: 1280, height: 900 } },
  panel: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  },
};

export type Phone = Readonly<{
  kind: PhoneKind;
  context: BrowserContext;
  page: Page;
  /** Every URL the context asked for: pages, scripts, fetches, WebSockets, service worker. */
  requests: string[];
  /** Console messages at level error, and uncaught page errors, for a failing test to show. */
  errors: string[];
}>;

/** A fresh context (its own storage, like a second device) with one page open at `url`. */
export async function openPhone(browser: Browser, kind: PhoneKind, url: string): Promise<Phone> {
  const context = await browser.newContext({ ...PHONES[kind], baseURL: url });
  context.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const watch = (page: Page) => {
    page.on('websocket', (socket) => requests.push(socket.url()));
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  await page.goto(url);
  return { kind, context, page, requests, errors };
}

/** The requests that went anywhere but the Redline server at `serverUrl` (P1): should be none. */
export function foreignRequests(requests: readonly string[], serverUrl: string): string[] {
  const { host, protocol } = new URL(serverUrl);
  // Served over TLS, its page and its WebSocket are https: and wss:, and nothing is plain.
  const own = protocol === 'https:' ? ['https:', 'wss:'] : ['http:', 'ws:'];
  return requests.filter((url) => {
    const parsed = new URL(url);
    return !own.includes(parsed.protocol) || parsed.host !== host;
  });
}

/** Saves a screenshot as test-artifacts/browser/<name>.png (whole page) and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  // From the top, as the screen first looks: a sticky bar scrolled along would cover content.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** Polls `check` until it is true; fails after `timeoutMs` naming `what`. */
export async function until(
  check: () => boolean,
  timeoutMs: number,
  what: string,
  everyMs = 10,
): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

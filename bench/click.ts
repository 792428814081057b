import type { CDPSession, Page } from 'playwright-core';
import type { ReceivedFrame } from '../src/devices/buttplug-sim/server';
import {
  buildWebApp,
  launchChromium,
  openPhone,
  WEB_ROOT,
  type Phone,
} from '../test/support/browser';
import { startTestRedline, type TestRedline } from '../test/support/redline-server';
import { runningClickScene } from './click-scene';
import { summarize, type Summary } from './stats';

/**
 * RED touched on the panel in real Chromium → the StopCmd frame arriving at the simulated
 * Buttplug server. Per run: a fresh scene (a stopped scene stays stopped) running an output above
 * zero, then one touch on RED sent through the DevTools protocol as a real touch event.
 *
 * One clock: wall-clock milliseconds, `performance.timeOrigin + performance.now()`, on both
 * sides. The page takes its reading in a capture listener for pointerdown on `window`, which runs
 * before the app's own handler; the sim server stamps each frame with `performance.now()` as it
 * arrives, before parsing, in this Node process. Both are the machine's wall clock at each
 * side's time origin plus a monotonic clock since; probes through the DevTools protocol check
 * that the two agree (bench/README.md).
 */
export type ClickOptions = Readonly<{
  runs: number;
  /** Runs taken and thrown away first: JIT, caches, the first scene's set-up. */
  warmUp: number;
  progress?: (text: string) => void;
}>;

export type ClockProbe = Readonly<{
  probes: number;
  /** The round trip of the best (shortest) probe, and the page's clock minus ours at it. */
  bestRoundTrip: number;
  offset: number;
  /** Probes whose page reading fell outside the round trip (should be 0). */
  violations: number;
}>;

export type ClickResult = Readonly<{
  /** Page pointerdown → StopCmd at the device server: the figure the goal is about. */
  fromPointerDown: Summary;
  /** Just before the DevTools touch was sent → StopCmd: adds the browser's input routing. */
  fromDispatch: Summary;
  clock: Readonly<{ before: ClockProbe; after: ClockProbe }>;
  /** Samples lost because no StopCmd or no page reading came (should be 0). */
  failures: number;
}>;

const wall = () => performance.timeOrigin + performance.now();
const STAMP = 'redlineBenchPointerDownAt';

/** A capture listener on the page's window: the wall time each pointerdown reached the page. */
async function installStamp(page: Page): Promise<void> {
  await page.evaluate((key) => {
    const g = globalThis as unknown as Record<string, unknown> & {
      addEventListener(type: string, listener: () => void, options: { capture: boolean }): void;
    };
    g.addEventListener(
      'pointerdown',
      () => {
        g[key] = performance.timeOrigin + performance.now();
      },
      { capture: true },
    );
  }, STAMP);
}

async function readStamp(page: Page): Promise<number | null> {
  return page.evaluate((key) => {
    const value = (globalThis as unknown as Record<string, unknown>)[key];
    return typeof value === 'number' ? value : null;
  }, STAMP);
}

async function clearStamp(page: Page): Promise<void> {
  await page.evaluate((key) => {
    (globalThis as unknown as Record<string, unknown>)[key] = null;
  }, STAMP);
}

/** Reads the page's wall clock between two of ours, many times; keeps the tightest reading. */
async function probeClock(cdp: CDPSession, probes = 30): Promise<ClockProbe> {
  let best = { roundTrip: Number.POSITIVE_INFINITY, offset: 0 };
  let violations = 0;
  for (let i = 0; i < probes; i++) {
    const before = wall();
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'performance.timeOrigin + performance.now()',
      returnByValue: true,
    });
    const after = wall();
    const pageAt = Number(result.value);
    if (pageAt < before || pageAt > after) violations += 1;
    if (after - before < best.roundTrip)
      best = { roundTrip: after - before, offset: pageAt - (before + after) / 2 };
  }
  return { probes, bestRoundTrip: best.roundTrip, offset: best.offset, violations };
}

/** The next StopCmd frame at the sim server, as wall time. */
function nextStopCmd(r: TestRedline, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no StopCmd within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = r.sim.onFrame((frame: ReceivedFrame) => {
      if (frame.messages?.some((m) => 'StopCmd' in m) !== true) return;
      clearTimeout(timer);
      off();
      resolve(performance.timeOrigin + frame.receivedAt);
    });
  });
}

/** One touch on RED; the StopCmd's arrival from the touch's two starting points. */
async function touchRed(r: TestRedline, panel: Phone, cdp: CDPSession) {
  const box = await panel.page.getByTestId('panel-red').boundingBox();
  if (box === null) throw new Error('RED is not on screen');
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await clearStamp(panel.page);
  const arrived = nextStopCmd(r, 5000);
  const dispatchedAt = wall();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const stopAt = await arrived;
  const pointerDownAt = await readStamp(panel.page);
  if (pointerDownAt === null) throw new Error('the page saw no pointerdown');
  return { fromPointerDown: stopAt - pointerDownAt, fromDispatch: stopAt - dispatchedAt };
}

export async function clickLatency(options: ClickOptions): Promise<ClickResult> {
  const say = options.progress ?? (() => undefined);
  say('click: building the web app…');
  await buildWebApp();
  const r = await startTestRedline({ webRoot: WEB_ROOT });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await r.close();
    throw error;
  });
  try {
    const panel = await openPhone(browser, 'panel', r.url);
    await installStamp(panel.page);
    const cdp = await panel.context.newCDPSession(panel.page);
    const before = await probeClock(cdp);
    const fromPointerDown: number[] = [];
    const fromDispatch: number[] = [];
    let failures = 0;
    for (let run = 0; run < options.warmUp + options.runs; run++) {
      const scene = await runningClickScene(r, panel.page);
      try {
        const sample = await touchRed(r, panel, cdp);
        if (run >= options.warmUp) {
          fromPointerDown.push(sample.fromPointerDown);
          fromDispatch.push(sample.fromDispatch);
        }
      } catch (error) {
        failures += 1;
        say(`click: run ${run + 1} failed: ${(error as Error).message}`);
      } finally {
        await scene.console.close();
      }
      if ((run + 1) % 10 === 0) say(`click: ${run + 1} of ${options.warmUp + options.runs} runs`);
    }
    const after = await probeClock(cdp);
    return {
      fromPointerDown: summarize(fromPointerDown),
      fromDispatch: summarize(fromDispatch),
      clock: { before, after },
      failures,
    };
  } finally {
    await browser.close();
    await r.close();
  }
}

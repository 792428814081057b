import type { Page } from 'playwright-core';
import type { ServerFrame } from '../../src/protocol/view';

/**
 * A WebSocket opened from inside a page, to the page's own origin: what a script running on a
 * phone (a forged or tampered page) could do. The page keeps each socket by name on globalThis;
 * the test sends frames through it and reads the server's answers back.
 *
 * The functions given to page.evaluate run in the browser, so they name the few browser
 * globals they use through the small types below (the tests are type-checked without the DOM).
 */

type BrowserSocket = {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'close', listener: (event: { code: number }) => void): void;
};
type Probe = { socket: BrowserSocket; frames: ServerFrame[]; closeCode: number | null };
type PageGlobals = {
  location: { host: string };
  WebSocket: new (url: string) => BrowserSocket;
  localStorage: { getItem(key: string): string | null };
  sessionStorage: { getItem(key: string): string | null };
  redlineProbes?: Record<string, Probe>;
};

export type PageSocket = Readonly<{
  /** Sends one frame and resolves with the first answer that matches (by seq when given). */
  exchange(
    frame: object,
    answer: { seq?: number; types: ServerFrame['type'][] },
  ): Promise<ServerFrame>;
  /** The close code once the server closed it, else null. */
  closeCode(): Promise<number | null>;
  close(): Promise<void>;
}>;

export async function openPageSocket(page: Page, name: string): Promise<PageSocket> {
  await page.evaluate(async (name) => {
    const g = globalThis as unknown as PageGlobals;
    const socket = new g.WebSocket(`ws://${g.location.host}/ws`);
    const probe: Probe = { socket, frames: [], closeCode: null };
    socket.addEventListener('message', (event) => {
      probe.frames.push(JSON.parse(String(event.data)) as ServerFrame);
    });
    socket.addEventListener('close', (event) => {
      probe.closeCode = event.code;
    });
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', resolve);
      socket.addEventListener('error', () => {
        reject(new Error('the page could not open its WebSocket'));
      });
    });
    g.redlineProbes = { ...g.redlineProbes, [name]: probe };
  }, name);

  return {
    exchange: (frame, answer) =>
      page.evaluate(
        async ({ name, frame, answer }) => {
          const probe = (globalThis as unknown as PageGlobals).redlineProbes?.[name];
          if (probe === undefined) throw new Error(`no socket ${name}`);
          const from = probe.frames.length;
          probe.socket.send(JSON.stringify(frame));
          const end = Date.now() + 5000;
          for (;;) {
            const found = probe.frames
              .slice(from)
              .find(
                (f) =>
                  answer.types.includes(f.type) &&
                  (answer.seq === undefined || ('seq' in f && f.seq === answer.seq)),
              );
            if (found !== undefined) return found;
            if (Date.now() > end)
              throw new Error(`no answer to ${JSON.stringify(frame).slice(0, 80)} within 5 s`);
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        },
        { name, frame, answer },
      ),
    closeCode: () =>
      page.evaluate(async (name) => {
        const probe = (globalThis as unknown as PageGlobals).redlineProbes?.[name];
        const end = Date.now() + 5000;
        while (probe !== undefined && probe.closeCode === null && Date.now() < end)
          await new Promise((resolve) => setTimeout(resolve, 10));
        return probe?.closeCode ?? null;
      }, name),
    close: () =>
      page.evaluate((name) => {
        (globalThis as unknown as PageGlobals).redlineProbes?.[name]?.socket.close();
      }, name),
  };
}

/** This browser's stored secret for the scene (src/web/net/credentials.ts): the tab's first. */
export function storedSecret(page: Page, sceneId: string): Promise<string | null> {
  return page.evaluate((sceneId) => {
    const g = globalThis as unknown as PageGlobals;
    const key = `redline.credentials.${sceneId}`;
    const raw = g.sessionStorage.getItem(key) ?? g.localStorage.getItem(key);
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as { secret?: unknown };
    return typeof parsed.secret === 'string' ? parsed.secret : null;
  }, sceneId);
}

import WebSocket from 'ws';
import { MAX_FRAME_BYTES } from './messages';
import type { Timers } from './motor-gate';

/** One open WebSocket to an Edge-o-Matic: text out, text in, and word when it goes away. */
export type Link = {
  /** Writes at once; false if the socket is no longer open. Never throws, never awaits. */
  send(text: string): boolean;
  /** Closes politely, and gives up waiting after `timeoutMs`. */
  close(timeoutMs: number): Promise<void>;
  /** Drops the connection at once. */
  terminate(): void;
};

export type LinkHandlers = Readonly<{
  /** One text frame, not yet trusted. */
  text(text: string): void;
  /** Something arrived that is not a text frame at all. */
  refused(message: string): void;
  /** The connection ended (after it had opened). */
  closed(reason: string): void;
}>;

export type OpenLinkResult = { ok: true; link: Link } | { ok: false; error: string };

/** The text of a frame as `ws` hands it over (one buffer, fragments, or an ArrayBuffer). */
export function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as Uint8Array).toString('utf8');
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Opens a WebSocket, or gives up with a clear message after `timeoutMs`. Never throws. */
export function openLink(
  url: string,
  timeoutMs: number,
  timers: Timers,
  handlers: LinkHandlers,
): Promise<OpenLinkResult> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: MAX_FRAME_BYTES });
    } catch (error) {
      resolve({ ok: false, error: `cannot open ${url}: ${messageOf(error)}` });
      return;
    }
    let settled = false;
    const settle = (result: OpenLinkResult) => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(timer);
      resolve(result);
    };
    const timer = timers.setTimeout(() => {
      settle({
        ok: false,
        error: `no answer from the Edge-o-Matic at ${url} within ${timeoutMs} ms`,
      });
      socket.terminate();
    }, timeoutMs);

    // After the socket opened, an error is always followed by 'close', which reports it.
    socket.on('error', (error) => {
      settle({ ok: false, error: `could not reach the Edge-o-Matic at ${url}: ${error.message}` });
    });
    socket.on('open', () => {
      settle({ ok: true, link: linkOver(socket) });
    });
    socket.on('close', (code, reason) => {
      const why = reason.length > 0 ? `${code}, ${reason.toString('utf8')}` : `${code}`;
      if (!settled) {
        settle({ ok: false, error: `the Edge-o-Matic at ${url} closed the connection (${why})` });
        return;
      }
      handlers.closed(`the connection to the Edge-o-Matic closed (${why})`);
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        handlers.refused('the Edge-o-Matic sent a binary frame; it only speaks JSON text');
        return;
      }
      handlers.text(rawText(data));
    });
  });
}

function linkOver(socket: WebSocket): Link {
  return {
    send(text) {
      if (socket.readyState !== WebSocket.OPEN) return false;
      try {
        socket.send(text);
        return true;
      } catch {
        return false;
      }
    },
    close(timeoutMs) {
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          socket.terminate();
          resolve();
        }, timeoutMs);
        socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.close(1000, 'Redline is done');
      });
    },
    terminate: () => {
      socket.terminate();
    },
  };
}

import type { ConnectionEnv, SocketLike, TimerId } from './connection-types';
import { makeView } from '../test-support/view.test-support';
import type { SceneView } from '../../protocol/view';

/** A WebSocket stand-in: records what the connection wrote; the test plays the server. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closed = false;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  welcome(lastSeq = 0, view: SceneView = makeView(), role = 'submissive') {
    this.receive({ type: 'welcome', role, sceneId: view.sceneId, lastSeq, view });
  }
  serverClose(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  frames(type?: string) {
    return this.sent.filter((f) => type === undefined || f.type === type);
  }
}

/** Hand-driven time and timers, plus a remembered lastSeq like localStorage's. */
export function fakeEnv(storedLastSeq = 0) {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const sockets: FakeSocket[] = [];
  const saved: number[] = [];
  const env: ConnectionEnv = {
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id as unknown as TimerId;
    },
    clearTimer: (id) => {
      timers.delete(id as unknown as number);
    },
    now: () => now,
    loadLastSeq: () => storedLastSeq,
    saveLastSeq: (seq) => {
      saved.push(seq);
    },
  };
  /** Moves time forward, firing each due timer at its own time. */
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = until;
  };
  const socket = () => {
    const last = sockets.at(-1);
    if (last === undefined) throw new Error('no socket yet');
    return last;
  };
  return { env, advance, sockets, socket, saved, timers };
}

import { describe, expect, it } from 'vitest';
import { webSocketUrl } from './ws-url';

describe('WebSocket address', () => {
  it('follows the page: ws on http, wss on https, same host and port', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '192.168.1.20:8417' })).toBe(
      'ws://192.168.1.20:8417/ws',
    );
    expect(webSocketUrl({ protocol: 'https:', host: 'redline.local' })).toBe(
      'wss://redline.local/ws',
    );
  });
});

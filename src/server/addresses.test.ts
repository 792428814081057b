import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serverAddresses, urlHost } from './addresses';

const noLan = () => null;
const lan = () => '192.168.1.20';

describe('the addresses a server prints', () => {
  it('puts an IPv6 host in brackets, so the URL parses to that host and port', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 1, max: 65535 }), (host, port) => {
        const { url } = serverAddresses(host, port, 'http', noLan);
        const parsed = new URL(url);
        expect(parsed.port === '' ? 80 : Number(parsed.port)).toBe(port);
        // The any address (::, however written) is opened on the loopback; any other, at itself.
        const self = new URL(`http://[${host}]/`).hostname;
        expect(parsed.hostname).toBe(self === '[::]' ? '127.0.0.1' : self);
      }),
    );
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
    expect(urlHost('redline.home.arpa')).toBe('redline.home.arpa');
  });

  it('opens a loopback or named listener at itself, and an any-address one at 127.0.0.1', () => {
    expect(serverAddresses('127.0.0.1', 8417, 'http', lan)).toEqual({
      url: 'http://127.0.0.1:8417/',
      panelBaseUrl: 'http://127.0.0.1:8417/',
    });
    expect(serverAddresses('::1', 8417, 'https', lan)).toEqual({
      url: 'https://[::1]:8417/',
      panelBaseUrl: 'https://[::1]:8417/',
    });
    expect(serverAddresses('192.168.1.5', 8417, 'http', lan).url).toBe('http://192.168.1.5:8417/');
    expect(serverAddresses('redline.home.arpa', 8417, 'https', lan).panelBaseUrl).toBe(
      'https://redline.home.arpa:8417/',
    );
  });

  it('gives the second phone the LAN address when listening on every address', () => {
    for (const any of ['0.0.0.0', '::', '0:0:0:0:0:0:0:0']) {
      expect(serverAddresses(any, 8417, 'http', lan)).toEqual({
        url: 'http://127.0.0.1:8417/',
        panelBaseUrl: 'http://192.168.1.20:8417/',
      });
      expect(serverAddresses(any, 8417, 'http', noLan).panelBaseUrl).toBe('http://127.0.0.1:8417/');
    }
  });
});

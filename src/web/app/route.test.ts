import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './route';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/new', { name: 'new' }],
    ['#/pair/K7QM2X', { name: 'pair', code: 'K7QM2X' }],
    ['#/console/abc-123', { name: 'console', sceneId: 'abc-123' }],
    ['#/panel/abc_123/', { name: 'panel', sceneId: 'abc_123' }],
    ['#/solo/xyz', { name: 'solo', sceneId: 'xyz' }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('sends anything odd home', () => {
    for (const hash of [
      '#/nope',
      '#/panel/',
      '#/panel/a/b',
      '#/panel/%E0%A4%A',
      '#/pair/<script>',
      '#/console/a%2Fb',
    ])
      expect(parseRoute(hash)).toEqual({ name: 'home' });
  });

  it('writes what it reads', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'new' },
      { name: 'pair', code: 'ABC234' },
      { name: 'console', sceneId: 's1' },
      { name: 'panel', sceneId: 's1' },
      { name: 'solo', sceneId: 's1' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});

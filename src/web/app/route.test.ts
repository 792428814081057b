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
    ['#/talk', { name: 'talk-new' }],
    ['#/invite/K7QM2X', { name: 'invite', code: 'K7QM2X' }],
    ['#/talk/n1', { name: 'talk', negotiationId: 'n1' }],
    ['#/talk/n1/agreement', { name: 'agreement', negotiationId: 'n1' }],
    ['#/talk/n1/agreement/ab12', { name: 'sealed', negotiationId: 'n1', agreementHash: 'ab12' }],
    ['#/guide', { name: 'guide', section: null }],
    ['#/guide/safety', { name: 'guide', section: 'safety' }],
    ['#/history', { name: 'history' }],
    ['#/history/s1', { name: 'scene-history', sceneId: 's1' }],
    ['#/debrief/s1', { name: 'debrief', sceneId: 's1' }],
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
      '#/talk/n1/answers',
      '#/talk/n1/agreement/h/x',
      '#/invite/a/b',
      '#/guide/a/b',
      '#/debrief',
      '#/history/a/b',
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
      { name: 'talk-new' },
      { name: 'invite', code: 'ABC234' },
      { name: 'talk', negotiationId: 'n1' },
      { name: 'agreement', negotiationId: 'n1' },
      { name: 'sealed', negotiationId: 'n1', agreementHash: 'ab' },
      { name: 'guide', section: null },
      { name: 'guide', section: 'faq' },
      { name: 'history' },
      { name: 'scene-history', sceneId: 's1' },
      { name: 'debrief', sceneId: 's1' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});

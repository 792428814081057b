import { describe, expect, it } from 'vitest';
import type { DeviceSpec } from '../scene/events';
import { agreementCovers } from './coverage';
import { pairAgreement } from '../../../test/fixtures/agreements';

const wand: DeviceSpec = { id: 'd0', name: 'Wand', features: [{ id: 'f0', kind: 'vibrate' }] };
const rotating: DeviceSpec = {
  id: 'd1',
  name: 'Twister',
  features: [
    { id: 'f0', kind: 'vibrate' },
    { id: 'f1', kind: 'rotate' },
  ],
};

describe('an agreement covers the devices of a scene', () => {
  const agreement = { ...pairAgreement, outputs: { vibrate: { ceiling: 0.5 } } };

  it('covers a toy whose every output it allows', () => {
    expect(agreementCovers(agreement, [wand])).toEqual([]);
  });

  it('names a toy with an output it does not allow', () => {
    expect(agreementCovers(agreement, [wand, rotating])).toEqual([
      'the agreement does not allow rotate, which "Twister" can do',
    ]);
  });

  it('names a toy that is not on the agreed list, ignoring case', () => {
    const named = { ...agreement, toys: ['wand'] };
    expect(agreementCovers(named, [wand])).toEqual([]);
    expect(agreementCovers(named, [{ ...wand, id: 'd2', name: 'Other' }])).toEqual([
      '"Other" is not one of the toys in the agreement (wand)',
    ]);
  });

  it('refuses a scene with no toy', () => {
    expect(agreementCovers(agreement, [])).toEqual(['choose at least one toy for the scene']);
  });
});

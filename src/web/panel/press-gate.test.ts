import { describe, expect, it } from 'vitest';
import { createPressGate } from './press-gate';

describe('press gate', () => {
  it('fires on pointerdown and swallows the click that follows', () => {
    const gate = createPressGate();
    expect(gate.shouldFire('pointer', 0)).toBe(true);
    expect(gate.shouldFire('click', 120)).toBe(false);
  });

  it('fires on a key and swallows its click', () => {
    const gate = createPressGate();
    expect(gate.shouldFire('key', 0)).toBe(true);
    expect(gate.shouldFire('click', 5)).toBe(false);
  });

  it('fires on a click of its own (screen readers, switch access)', () => {
    const gate = createPressGate();
    expect(gate.shouldFire('click', 0)).toBe(true);
    const later = createPressGate();
    later.shouldFire('pointer', 0);
    expect(later.shouldFire('click', 5000)).toBe(true);
  });

  it('never holds back a fast press', () => {
    const gate = createPressGate();
    expect(gate.shouldFire('pointer', 0)).toBe(true);
    expect(gate.shouldFire('pointer', 10)).toBe(true);
  });
});

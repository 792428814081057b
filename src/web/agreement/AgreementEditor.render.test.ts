import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../core/agreement/agreement';
import type { DraftView, ParticipantView } from '../../protocol/negotiation';
import { agreement as calm } from '../test-support/view.test-support';
import { AgreementEditor } from './AgreementEditor';
import { SignSection } from './SignSection';

const base: Agreement = {
  ...calm,
  participants: [
    { id: 'dominant', name: 'Robin', role: 'dominant' },
    { id: 'submissive', name: 'Kai', role: 'submissive' },
  ],
  safewords: { red: 'red', yellow: 'yellow', nonVerbal: null },
};

const editor = () =>
  renderToStaticMarkup(
    createElement(AgreementEditor, {
      negotiationId: 'n1',
      secret: 's'.repeat(20),
      base,
      activities: [{ id: 'hands', label: 'Hands and fingers' }],
      toys: ['Wand'],
      kinds: ['vibrate'],
      hasDraft: true,
      onSaved: () => undefined,
    }),
  );

const draft: DraftView = {
  version: 2,
  agreement: base,
  agreementHash: `sha256:${'a'.repeat(64)}`,
  by: 'dominant',
  at: 0,
  sealed: null,
  signatures: [],
};

const view = (role: 'dominant' | 'submissive') =>
  ({
    negotiationId: 'n1',
    you: { name: role === 'dominant' ? 'Robin' : 'Kai', role, submitted: true },
    partner: { name: 'x', role: role === 'dominant' ? 'submissive' : 'dominant', joined: true },
  }) as unknown as ParticipantView;

const sign = (role: 'dominant' | 'submissive', rehearsed: boolean) =>
  renderToStaticMarkup(
    createElement(SignSection, {
      view: view(role),
      draft,
      secret: 's'.repeat(20),
      labels: {},
      rehearsed,
      onSigned: () => undefined,
    }),
  );

const signButton = (html: string) =>
  /<button[^>]*data-testid="agreement-sign"[^>]*>/.exec(html)?.[0] ?? '';

describe('the agreement editor', () => {
  it('labels every input and offers the save button', () => {
    const html = editor();
    expect(html).toContain('data-testid="agreement-form"');
    expect(html).toContain('data-testid="agreement-save"');
    const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\bid="([^"]+)"/g)].map(
      (m) => m[1],
    );
    const unlabelled = [...html.matchAll(/<(input|select|textarea)(?![^>]*\bid=)[^>]*>/g)];
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids)
      expect(html, `label for ${id}`).toMatch(
        new RegExp(`for="${id}"|<label[^>]*>\\s*<input[^>]*id="${id}"`),
      );
    // Inputs without an id sit inside their label (the output kinds' checkboxes).
    for (const m of unlabelled) expect(html).toContain(`<label class="check-row">${m[0]}`);
  });

  it('links each group to the guide', () => {
    const html = editor();
    for (const section of [
      'talk-first',
      'start-slow',
      'edging',
      'check-ins',
      'safewords',
      'restraint',
      'aftercare',
    ])
      expect(html).toContain(`href="#/guide/${section}"`);
  });
});

describe('signing', () => {
  it('waits for the receiver’s rehearsal of this draft, and says why', () => {
    const html = sign('submissive', false);
    expect(signButton(html)).toContain('disabled');
    expect(html).toContain('rehearse the signals of this exact draft');
    expect(signButton(sign('submissive', true))).not.toContain('disabled');
  });

  it('lets the dominant sign without rehearsing, below the agreement in plain words', () => {
    const html = sign('dominant', false);
    expect(signButton(html)).not.toContain('disabled');
    expect(html.indexOf('Safewords')).toBeLessThan(html.indexOf('data-testid="agreement-sign"'));
  });
});

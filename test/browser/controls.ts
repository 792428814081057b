import type { Phone } from '../support/browser';

/** Buttons, and what acts as one: a <summary> that opens a fold. */
const CONTROL_ROLES = ['button', 'DisclosureTriangle'];

export type Control = Readonly<{ role: string; name: string; width: number; height: number }>;

/**
 * The page's controls as Chromium's accessibility tree has them (roles and accessible names
 * computed by the browser itself), with the size of each on screen in CSS pixels.
 */
export async function controlsOf(phone: Phone): Promise<Control[]> {
  const cdp = await phone.context.newCDPSession(phone.page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const controls: Control[] = [];
    for (const node of nodes) {
      const role = String(node.role?.value ?? '');
      if (node.ignored || node.backendDOMNodeId === undefined) continue;
      if (!CONTROL_ROLES.includes(role)) continue;
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId });
      const name = typeof node.name?.value === 'string' ? node.name.value : '';
      controls.push({ role, name, width: model.width, height: model.height });
    }
    return controls;
  } finally {
    await cdp.detach();
  }
}

/** What is wrong with the controls: a missing accessible name, or smaller than 48×48 px. */
export function controlProblems(controls: readonly Control[]): string[] {
  return controls.flatMap((c) => {
    const label = `${c.role} "${c.name}"`;
    const problems: string[] = [];
    if (c.name.trim() === '') problems.push(`${label} has no accessible name`);
    if (c.width < 48 || c.height < 48)
      problems.push(`${label} is ${c.width}×${c.height} px, less than 48×48`);
    return problems;
  });
}

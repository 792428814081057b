import type { Agreement } from '../../core';
import type { ChecklistItem } from '../../protocol/frames';

/** The safety checklist before a scene (DESIGN.md "Set up"), from what the agreement uses. */
export function checklistFor(agreement: Agreement): readonly ChecklistItem[] {
  const items: ChecklistItem[] = ['lubricant'];
  if (agreement.restraint.used) items.push('restraint-release');
  items.push('water', 'blanket');
  return items;
}

export const CHECKLIST_LABELS: Readonly<Record<ChecklistItem, string>> = {
  lubricant: 'lubricant at hand',
  'restraint-release': 'restraint release or safety shears within reach',
  water: 'water ready',
  blanket: 'a blanket ready',
};

export type SetupFacts = Readonly<{
  mode: 'pair' | 'solo';
  checklist: readonly ChecklistItem[];
  checked: ReadonlySet<ChecklistItem>;
  panelConnected: boolean;
  testStopOk: boolean;
  devicesConnected: boolean;
  lostDevices: readonly string[];
  otherSceneActive: boolean;
}>;

/** What still keeps a scene from starting, in words; empty when it may start. */
export function setupMissing(f: SetupFacts): string[] {
  const missing: string[] = [];
  if (!f.devicesConnected) missing.push('the device server is not connected');
  if (f.lostDevices.length > 0) missing.push(`devices lost: ${f.lostDevices.join(', ')}`);
  if (!f.panelConnected)
    missing.push(
      f.mode === 'pair'
        ? "the receiver's panel is not connected and answering"
        : 'the panel is not connected and answering',
    );
  const unchecked = f.checklist.filter((item) => !f.checked.has(item));
  if (unchecked.length > 0)
    missing.push(`checklist: ${unchecked.map((item) => CHECKLIST_LABELS[item]).join('; ')}`);
  if (!f.testStopOk) missing.push('a test stop from the panel that reaches every device');
  if (f.otherSceneActive) missing.push('another scene is running on these toys');
  return missing;
}

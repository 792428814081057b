import type { DeviceSpec } from '../scene/events';
import type { Agreement } from './agreement';

/**
 * Whether a signed agreement covers the devices a scene would use (issue 5: a scene cannot start
 * without one). A device is covered when every output it has is a kind the agreement allows —
 * the governor would hold any other at zero, so such a toy is not what the partners agreed to —
 * and, when the agreement names its toys, when its name is one of them (without case). Returns
 * one plain sentence per problem; none means covered.
 */
export function agreementCovers(agreement: Agreement, devices: readonly DeviceSpec[]): string[] {
  const problems: string[] = [];
  if (devices.length === 0) problems.push('choose at least one toy for the scene');
  const named = agreement.toys?.map((t) => t.toLowerCase());
  for (const device of devices) {
    if (named !== undefined && !named.includes(device.name.trim().toLowerCase()))
      problems.push(
        `"${device.name}" is not one of the toys in the agreement (${(agreement.toys ?? []).join(', ')})`,
      );
    const kinds = [...new Set(device.features.map((f) => f.kind))];
    const missing = kinds.filter((kind) => agreement.outputs[kind] === undefined);
    if (missing.length > 0)
      problems.push(
        `the agreement does not allow ${missing.join(' or ')}, which "${device.name}" can do`,
      );
  }
  return problems;
}

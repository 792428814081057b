import type { z } from 'zod';
import type { Agreement, DeviceSpec } from '../../core';
import type { TimelineAction } from './scenario';

/** The parts of a parsed scenario that the checks across fields need. */
type Parsed = Readonly<{
  agreement: Agreement;
  devices: readonly DeviceSpec[];
  panel: Readonly<{ heartbeatEveryMs: number }>;
  untilMs: number;
  timeline: readonly TimelineAction[];
}>;

/**
 * Checks that need more than one field. zod runs them only once every field is valid on its
 * own, so a scenario with typos reports those first and these on the next run.
 */
export function checkScenario(s: Parsed, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => {
    ctx.addIssue({ code: 'custom', path, message });
  };
  checkDevices(s.devices, issue);
  const timeoutMs = s.agreement.panel.heartbeatTimeoutSeconds * 1000;
  if (s.panel.heartbeatEveryMs >= timeoutMs)
    issue(
      ['panel', 'heartbeatEveryMs'],
      `must be shorter than agreement.panel.heartbeatTimeoutSeconds (${timeoutMs} ms), or the panel counts as lost between heartbeats`,
    );
  s.timeline.forEach((action, i) => {
    const before = s.timeline[i - 1];
    if (before !== undefined && action.t < before.t)
      issue(['timeline', i, 't'], `must not be earlier than the action before it (${before.t})`);
    if (action.t > s.untilMs)
      issue(['timeline', i, 't'], `is after untilMs (${s.untilMs}), so it would never run`);
    if (action.do === 'intensity' || action.do === 'device-lost') {
      const device = s.devices.find((d) => d.id === action.device);
      const ids = s.devices.map((d) => d.id).join(', ');
      if (device === undefined)
        issue(['timeline', i, 'device'], `no device "${action.device}" in devices (${ids})`);
      else if (action.do === 'intensity' && !device.features.some((f) => f.id === action.feature))
        issue(
          ['timeline', i, 'feature'],
          `device "${device.id}" has no feature "${action.feature}" (${device.features.map((f) => f.id).join(', ')})`,
        );
    }
  });
}

/**
 * Outputs are named `device/feature`, so ids must be unique and free of "/". The core's device
 * schema does not check this, so replay runs it on logs too.
 */
export function checkDevices(
  devices: readonly DeviceSpec[],
  issue: (path: (string | number)[], message: string) => void,
): void {
  const slash = 'must not contain "/" (outputs are named device/feature)';
  devices.forEach((device, i) => {
    if (device.id.includes('/')) issue(['devices', i, 'id'], slash);
    const first = devices.findIndex((d) => d.id === device.id);
    if (first !== i)
      issue(['devices', i, 'id'], `"${device.id}" is already used by devices[${first}]`);
    device.features.forEach((feature, k) => {
      const path = ['devices', i, 'features', k, 'id'];
      if (feature.id.includes('/')) issue(path, slash);
      const firstFeature = device.features.findIndex((f) => f.id === feature.id);
      if (firstFeature !== k)
        issue(path, `"${feature.id}" is already used by features[${firstFeature}] of this device`);
    });
  });
}

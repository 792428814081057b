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

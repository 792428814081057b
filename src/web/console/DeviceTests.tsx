import type { DeviceSpec } from '../../core/scene/events';
import type { Connection } from '../net/connection';
import type { SceneView } from '../../protocol/view';

/**
 * Each output can be tried once at low power before the start: a pulse of at most 10 % for one
 * second, through the same governor as the scene (decision 0008), so both can feel that the toy
 * responds and sits comfortably.
 */
export function DeviceTests({
  device,
  view,
  connection,
}: {
  device: DeviceSpec;
  view: SceneView;
  connection: Connection | null;
}) {
  return (
    <div className="row">
      {device.features.map((feature) => {
        const key = `${device.id}/${feature.id}`;
        const running = view.testPulse?.key === key && view.testPulse.until > view.now;
        return (
          <button
            key={feature.id}
            type="button"
            className="btn"
            data-testid={`setup-test-${device.id}-${feature.id}`}
            disabled={connection === null || view.lostDevices.includes(device.id)}
            aria-pressed={running}
            onClick={() => {
              connection?.send({ type: 'device.test', device: device.id, feature: feature.id });
            }}
          >
            {running ? `Testing ${feature.kind}…` : `Test ${feature.kind} at low power`}
          </button>
        );
      })}
    </div>
  );
}

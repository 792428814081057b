import type { DeviceSpec } from '../../core/scene/events';
import type { SetupInfo } from '../net/api';

/** The devices the device server offers, each with its outputs, to tick for this scene. */
export function DevicePicker({
  setup,
  chosen,
  onChange,
  error,
}: {
  setup: SetupInfo;
  chosen: readonly string[];
  onChange: (ids: readonly string[]) => void;
  error: string | undefined;
}) {
  const { deviceServer, devices } = setup;
  const toggle = (device: DeviceSpec, on: boolean) => {
    onChange(on ? [...chosen, device.id] : chosen.filter((id) => id !== device.id));
  };
  return (
    <fieldset
      className="card stack"
      aria-describedby={error === undefined ? undefined : 'devices-error'}
    >
      <legend>Devices</legend>
      {deviceServer.connected ? (
        <p className="muted">Connected to {deviceServer.name}.</p>
      ) : (
        <p className="notice notice-warning" role="status" data-testid="device-server-offline">
          The device server ({deviceServer.name}) is not connected, so no toys can be used yet.
          Start it, turn your toys on, then reload this page.
        </p>
      )}
      {devices.length === 0 ? (
        <p className="muted">No devices found.</p>
      ) : (
        devices.map((device) => (
          <label key={device.id} className="check-row">
            <input
              type="checkbox"
              className="big-check"
              data-testid={`new-scene-device-${device.id}`}
              checked={chosen.includes(device.id)}
              onChange={(event) => {
                toggle(device, event.target.checked);
              }}
            />
            <span>
              {device.name}
              <span className="muted check-hint">
                {device.features.map((f) => f.kind).join(', ')}
              </span>
            </span>
          </label>
        ))
      )}
      {error !== undefined && (
        <p id="devices-error" className="notice notice-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

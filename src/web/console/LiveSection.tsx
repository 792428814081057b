import type { Connection } from '../net/connection';
import type { SceneView } from '../../protocol/view';
import type { LastCheckIn } from './checkin-tracker';
import { HeartRatePlot } from './HeartRatePlot';
import { IntensityControl } from './IntensityControl';
import { IntensityPlot } from './IntensityPlot';
import { LimitsView } from './LimitsView';
import { LowerLimit } from './LowerLimit';
import { PanelStatus } from './PanelStatus';
import { SceneActions } from './SceneActions';

/** The running scene on the dominant's console (the phase and clocks sit in the STOP bar above). */
export function LiveSection({
  view,
  connection,
  lastCheckIn,
}: {
  view: SceneView;
  connection: Connection | null;
  lastCheckIn: LastCheckIn;
}) {
  return (
    <div className="stack live">
      <section className="stack" aria-labelledby="intensity-title">
        <h2 id="intensity-title">Intensity</h2>
        {view.devices.flatMap((device) =>
          device.features.map((feature) => (
            <IntensityControl
              key={`${device.id}/${feature.id}`}
              view={view}
              connection={connection}
              device={device}
              feature={feature}
            />
          )),
        )}
      </section>
      <IntensityPlot view={view} />
      {view.heartRate !== null && <HeartRatePlot view={view} />}
      <SceneActions view={view} connection={connection} />
      <PanelStatus view={view} lastCheckIn={lastCheckIn} />
      <LimitsView view={view} />
      <LowerLimit view={view} connection={connection} />
    </div>
  );
}

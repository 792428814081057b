import { useRef } from 'react';
import { isAfterStop } from '../../core/scene/phases';
import { LimitsView } from '../console/LimitsView';
import { LowerLimit } from '../console/LowerLimit';
import { PhaseHeader } from '../console/PhaseHeader';
import { SceneActions } from '../console/SceneActions';
import { SetupSection } from '../console/SetupSection';
import { StatusLine } from '../console/StatusLine';
import { StopButton } from '../console/StopButton';
import { MissingSecret } from '../app/MissingSecret';
import { useTopOnStart } from '../app/use-top-on-start';
import { useConnection } from '../net/use-connection';
import { Panel } from '../panel/Panel';
import { PlanLevels } from './PlanLevels';
import { SoloSensors } from './SoloSensors';
import { useSoloSensors } from './use-solo-sensors';
import { useOutOfView } from './use-out-of-view';
import '../console/console.css';

/**
 * Route #/solo/:sceneId: one person alone. The panel (its RED first and always reachable) and,
 * below it, what the console would show: the sensors (alerts, a detected orgasm, live readings),
 * set-up and start, phase and clocks, the plan and limits.
 * One connection, in the submissive role; it sends the panel's heartbeats.
 */
export function SoloPage({ sceneId }: { sceneId: string }) {
  const { connection, snapshot, missingCredentials } = useConnection(sceneId);
  const { view } = snapshot;
  const sensors = useSoloSensors(connection);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelOutOfView = useOutOfView(panelRef, '[data-testid="panel-red"]', connection);
  useTopOnStart(view !== null && view.phase !== 'setup');

  if (missingCredentials)
    return (
      <MissingSecret
        title="Solo scene"
        explanation="This browser does not hold the secret for this scene. A solo scene runs only on the device that created it."
      />
    );

  const afterStop = view !== null && isAfterStop(view.phase);
  return (
    <>
      {/* Scrolled past the panel, its RED follows along: stop is never out of reach (S4). It
        floats over the page rather than taking space in it: taking space would push the
        panel's own RED back into view, hide the bar again, and make the page jump. */}
      {panelOutOfView && !afterStop && (
        <div className="console-stop-bar solo-stop-bar">
          <StopButton connection={connection} testId="solo-red" label="RED: stop" />
        </div>
      )}
      <main className="page stack solo" data-testid="solo">
        <div className="solo-panel" ref={panelRef}>
          {connection !== null && (
            <Panel sceneId={sceneId} connection={connection} snapshot={snapshot} />
          )}
        </div>
        <StatusLine connection={connection} snapshot={snapshot} errorsOnly />
        {/* After a stop the panel above shows aftercare; nothing else is needed. */}
        {view !== null && !afterStop && (
          <>
            <SoloSensors
              view={view}
              connection={connection}
              alerts={sensors.alerts}
              dismissAlert={sensors.dismissAlert}
              sensorOrgasm={sensors.sensorOrgasm}
            />
            {view.phase === 'setup' ? (
              <SetupSection view={view} connection={connection} who="solo" />
            ) : (
              <>
                <PhaseHeader view={view} phaseTestId="solo-phase" showWaiting={false} />
                <PlanLevels view={view} />
                <SceneActions view={view} connection={connection} edging={false} />
                <LimitsView view={view} />
                <LowerLimit view={view} connection={connection} />
              </>
            )}
          </>
        )}
      </main>
    </>
  );
}

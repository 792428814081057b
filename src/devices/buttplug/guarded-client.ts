import {
  ButtplugClient,
  ButtplugNodeWebsocketClientConnector,
  type ButtplugMessage,
} from 'buttplug';
import { parseServerFrame } from './frames';

/**
 * The official connector, with every incoming frame checked before the client sees it: a bad
 * frame is reported and dropped whole, and changes nothing.
 */
export class GuardedConnector extends ButtplugNodeWebsocketClientConnector {
  constructor(
    url: string,
    private readonly onBadFrame: (problem: string) => void,
  ) {
    super(url);
  }

  protected override parseIncomingMessage(event: MessageEvent): void {
    if (typeof event.data !== 'string') {
      this.onBadFrame('a binary frame (Buttplug frames are JSON text)');
      return;
    }
    const parsed = parseServerFrame(event.data);
    if (!parsed.ok) {
      this.onBadFrame(`a malformed frame: ${parsed.errors.slice(0, 3).join('; ')}`);
      return;
    }
    // The client drops every message after a DeviceList in the same frame: hand them over one
    // at a time so none is lost.
    for (const msg of parsed.value) this.emit('message', [msg as ButtplugMessage]);
  }
}

/** The official client plus what it lacks: Ping (it never sends one). */
export class PingingClient extends ButtplugClient {
  ping(): Promise<void> {
    return this.sendMsgExpectOk({ Ping: { Id: 1 } });
  }

  /**
   * Stops every output of every device and leaves input subscriptions alone. The client's own
   * stopAllDevices() also ends them (`Inputs: true`), which would cut off a pressure sensor at
   * the set-up's test stop and silence detection for the rest of the scene; a stop is about
   * what moves, not what listens (spec v4 StopCmd).
   */
  stopOutputs(): Promise<void> {
    return this.sendMsgExpectOk({
      StopCmd: {
        Id: 1,
        DeviceIndex: undefined,
        FeatureIndex: undefined,
        Inputs: false,
        Outputs: true,
      },
    });
  }
}

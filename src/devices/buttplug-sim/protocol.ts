import type { InputType, OutputType, Range } from './catalogue';

/**
 * Buttplug spec v4 messages as they travel (one JSON array of one-key objects per frame), typed
 * for the simulated server. Shapes follow data/buttplug/buttplug-schema.json.
 */

export const SPEC_VERSION_MAJOR = 4;
export const SPEC_VERSION_MINOR = 0;

/** ErrorCode values of the Error message (spec: status messages). */
export const ERROR_CODE = { unknown: 0, init: 1, ping: 2, msg: 3, device: 4 } as const;
export type ErrorCode = (typeof ERROR_CODE)[keyof typeof ERROR_CODE];

export type StopCmd = {
  Id: number;
  DeviceIndex?: number;
  FeatureIndex?: number;
  Inputs?: boolean;
  Outputs?: boolean;
};
export type OutputCmd = {
  Id: number;
  DeviceIndex: number;
  FeatureIndex: number;
  Command: Record<string, { Value: number; Duration?: number }>;
};
export type InputCmd = {
  Id: number;
  DeviceIndex: number;
  FeatureIndex: number;
  Type: string;
  Command: string;
};
export type RequestServerInfo = {
  Id: number;
  ClientName: string;
  ProtocolVersionMajor: number;
  ProtocolVersionMinor: number;
};

/** What a client may send, after the schema accepted the frame. */
export type ClientMessage =
  | { RequestServerInfo: RequestServerInfo }
  | { RequestDeviceList: { Id: number } }
  | { StartScanning: { Id: number } }
  | { StopScanning: { Id: number } }
  | { Ping: { Id: number } }
  | { StopCmd: StopCmd }
  | { OutputCmd: OutputCmd }
  | { InputCmd: InputCmd };

/** Messages spec v4 allows only from the server; the schema accepts them from anyone. */
export const SERVER_ONLY = [
  'Ok',
  'Error',
  'ServerInfo',
  'DeviceList',
  'ScanningFinished',
  'InputReading',
] as const;

export type DeviceFeatureInfo = {
  FeatureDescription: string;
  FeatureIndex: number;
  Output?: Partial<Record<OutputType, { Value: Range; Duration?: Range }>>;
  Input?: Partial<Record<InputType, { Value: Range[]; Command: string[] }>>;
};
export type DeviceInfo = {
  DeviceName: string;
  DeviceIndex: number;
  DeviceMessageTimingGap: number;
  DeviceFeatures: Record<string, DeviceFeatureInfo>;
};

export type ServerMessage =
  | { Ok: { Id: number } }
  | { Error: { Id: number; ErrorCode: ErrorCode; ErrorMessage: string } }
  | {
      ServerInfo: {
        Id: number;
        ServerName: string;
        ProtocolVersionMajor: number;
        ProtocolVersionMinor: number;
        MaxPingTime: number;
      };
    }
  | { DeviceList: { Id: number; Devices: Record<string, DeviceInfo> } }
  | { ScanningFinished: { Id: 0 } }
  | {
      InputReading: {
        Id: number;
        DeviceIndex: number;
        FeatureIndex: number;
        Reading: Partial<Record<InputType, { Value: number }>>;
      };
    };

export const ok = (id: number): ServerMessage => ({ Ok: { Id: id } });

export const error = (id: number, code: ErrorCode, message: string): ServerMessage => ({
  Error: { Id: id, ErrorCode: code, ErrorMessage: message },
});

/** The one key of a message object: its type name. */
export function messageType(message: object): string {
  for (const key in message) return key;
  return '';
}

/** The client's Id of a message the schema accepted (every client message has one). */
export function messageId(message: ClientMessage): number {
  return (Object.values(message)[0] as { Id: number }).Id;
}

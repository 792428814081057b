import { z } from 'zod';
import { parseWith, type Result } from '../../core';

/**
 * What Redline accepts from a Buttplug server before the official client sees it. The client
 * trusts every frame (a malformed one throws inside its socket handler and can take the process
 * down), so the adapter checks each frame's shape first and refuses the whole frame otherwise.
 */
const id = z.int().min(0).max(4294967295);
const range = z.tuple([z.number(), z.number()]);
const feature = z.object({
  FeatureIndex: z.int().min(0),
  FeatureDescriptor: z.string().optional(),
  Output: z.record(z.string(), z.object({ Value: range, Duration: range.optional() })).optional(),
  Input: z
    .record(z.string(), z.object({ Value: z.array(z.unknown()), Command: z.array(z.string()) }))
    .optional(),
});
const deviceInfo = z.object({
  DeviceIndex: z.int().min(0),
  DeviceName: z.string(),
  DeviceDisplayName: z.string().optional(),
  DeviceMessageTimingGap: z.number().min(0).optional(),
  DeviceFeatures: z.record(z.string(), feature),
});

const message = z.union([
  z.strictObject({ Ok: z.object({ Id: id }) }),
  z.strictObject({ Ping: z.object({ Id: id }) }),
  z.strictObject({
    Error: z.object({ Id: id, ErrorCode: z.int().min(0).max(4), ErrorMessage: z.string() }),
  }),
  z.strictObject({
    ServerInfo: z.object({
      Id: id,
      ServerName: z.string(),
      MaxPingTime: z.int().min(0),
      ProtocolVersionMajor: z.int(),
      ProtocolVersionMinor: z.int(),
    }),
  }),
  z.strictObject({ DeviceList: z.object({ Id: id, Devices: z.record(z.string(), deviceInfo) }) }),
  z.strictObject({ ScanningFinished: z.object({ Id: id }) }),
  z.strictObject({
    InputReading: z.object({
      Id: id,
      DeviceIndex: z.int().min(0),
      FeatureIndex: z.int().min(0),
      Reading: z.record(z.string(), z.object({ Value: z.number() })),
    }),
  }),
]);

export const serverFrameSchema = z.array(message).min(1, 'an empty frame');

export type ServerMessage = z.infer<typeof message>;

/** Parses one text frame from the server; a problem is described, never thrown. */
export function parseServerFrame(text: string): Result<ServerMessage[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['not JSON'] };
  }
  return parseWith(serverFrameSchema, json);
}

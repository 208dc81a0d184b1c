/**
 * One fixed set of result codes for every device class (after UnifiedPOS). Errors a citizen can cause,
 * such as pulling a cable, come back as results; drivers do not throw them.
 */
export const resultCodes = [
  'ok',
  'closed', // not opened
  'not-claimed', // opened but not claimed for exclusive use
  'disabled', // claimed but not enabled
  'no-hardware', // nothing answers at the configured port
  'offline', // was there, is gone (unplugged, powered off)
  'busy', // another operation is running
  'timeout', // the device did not answer in time
  'illegal', // the request is not valid in this state or for this device
  'unsupported', // the device speaks something we do not (e.g. a vendor protocol)
  'failure', // the device answered with an error
  'extended', // device-class specific; see `extended`
] as const;
export type ResultCode = (typeof resultCodes)[number];

export type DeviceResult<T> =
  | { readonly code: 'ok'; readonly value: T }
  | { readonly code: Exclude<ResultCode, 'ok'>; readonly detail: string; readonly extended?: string };

export function ok<T>(value: T): DeviceResult<T> {
  return { code: 'ok', value };
}

export function fail<T = never>(code: Exclude<ResultCode, 'ok'>, detail: string, extended?: string): DeviceResult<T> {
  return extended === undefined ? { code, detail } : { code, detail, extended };
}

import { lazyWltDecoder } from '../devices/drivers/idcard/photo';
import { SamIdCardReader } from '../devices/drivers/idcard/sam-reader';
import { serialCandidates } from '../devices/drivers/idcard/serial-candidates';
import { createSimulatedSamReader } from '../devices/simulators/idcard/simulated-sam-reader';
import type { IdCardSimulatorControl } from '../devices/simulators/idcard/control';

/** Simulated profile: the real SAM driver talking to the SAM simulator over an in-memory pair. */
export function createSimulatedIdCardReader(): { reader: SamIdCardReader; control: Required<IdCardSimulatorControl> } {
  const { reader, control } = createSimulatedSamReader();
  return { reader, control };
}

/**
 * Configured profile, until the device manager binds readers: a SAM reader on a serial port from the
 * environment.
 *   HALL_IDCARD_PORT          serial port of a SAM reader (e.g. /dev/ttyUSB0, COM3), or "auto" to probe
 *                             every serial port, known USB-serial bridges first; unset = no reader
 *   HALL_IDCARD_BAUD          rate tried first (default 115200); the other SAM rates are tried after it,
 *                             since a SAM remembers a changed rate
 *   HALL_IDCARD_WLT_DECODER   path of a JS module exporting decodeWlt(bytes) that wraps a vendor photo
 *                             decoder; unset = no photo (the UI shows a silhouette)
 */
export function createConfiguredIdCardReader(env: NodeJS.ProcessEnv): SamIdCardReader | null {
  const port = env.HALL_IDCARD_PORT?.trim();
  if (!port) return null;
  const baud = Number(env.HALL_IDCARD_BAUD ?? 115200);
  return new SamIdCardReader({
    kind: 'idcard-sam-serial',
    candidates: serialCandidates({ ...(port === 'auto' ? {} : { path: port }), baudRate: Number.isInteger(baud) && baud > 0 ? baud : 115200 }),
    wltDecoder: lazyWltDecoder(env.HALL_IDCARD_WLT_DECODER),
    // A kiosk may boot before its reader is plugged in: show "读卡器未连接" and keep looking.
    openWhileAbsent: true,
  });
}

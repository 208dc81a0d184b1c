import type { IdCard } from '../../../src/contract';
import type { Device, DeviceEvents } from '../../model/device';
import type { DeviceResult } from '../../model/result';

export interface IdCardReaderEvents extends DeviceEvents {
  /** One card placement → one event, however long the card stays. */
  card: IdCard;
  removed: Record<string, never>;
}

/** Every ID card reader driver (SAM over serial/HID/USB, simulated) looks like this to the rest of the app. */
export interface IdCardReader extends Device<IdCardReaderEvents> {
  /** Reads whatever card is on the reader now; `null` when there is none. */
  readCard(): Promise<DeviceResult<IdCard | null>>;
  /** The card currently on the reader, if one was read and not yet removed. */
  currentCard(): IdCard | null;
}

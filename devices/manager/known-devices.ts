import type { DeviceRole } from '../../src/contract';

/**
 * USB vendor/product IDs of devices common in Chinese service halls, so discovery can suggest a role. A
 * match is a hint for the technician, never a binding: USB-serial bridges in particular sit inside
 * readers, printers, pads and kiosk boards alike. Each entry names its source; confidence markers as in
 * the specs: V = two or more independent sources, S = one source, U = our inference.
 */
export interface KnownDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly vendor: string;
  readonly model: string;
  /** `usb-serial` bridges can be any role; the rest suggest one. */
  readonly category: DeviceRole | 'usb-serial';
  /** How it shows up: a serial port, a HID device, or a raw USB interface. */
  readonly appearsAs: 'serial' | 'hid' | 'usb';
  readonly source: string;
  readonly confidence: 'V' | 'S' | 'U';
}

export const knownDevices: readonly KnownDevice[] = [
  // USB-serial bridges (ID card readers, key pads on RS-232/485 converters, serial printers)
  {
    vendorId: 0x1a86,
    productId: 0x7523,
    vendor: 'WCH',
    model: 'CH340 USB-serial',
    category: 'usb-serial',
    appearsAs: 'serial',
    source: 'Linux drivers/usb/serial/ch341.c id table; specs/idcard-reader.md §3',
    confidence: 'V',
  },
  {
    vendorId: 0x1a86,
    productId: 0x5523,
    vendor: 'WCH',
    model: 'CH341 USB-serial',
    category: 'usb-serial',
    appearsAs: 'serial',
    source: 'Linux drivers/usb/serial/ch341.c id table; specs/idcard-reader.md §3',
    confidence: 'V',
  },
  {
    vendorId: 0x067b,
    productId: 0x2303,
    vendor: 'Prolific',
    model: 'PL2303 USB-serial',
    category: 'usb-serial',
    appearsAs: 'serial',
    source: 'Linux drivers/usb/serial/pl2303.h; specs/idcard-reader.md §3',
    confidence: 'V',
  },
  {
    vendorId: 0x10c4,
    productId: 0xea60,
    vendor: 'Silicon Labs',
    model: 'CP210x USB-serial',
    category: 'usb-serial',
    appearsAs: 'serial',
    source: 'Linux drivers/usb/serial/cp210x.c; specs/idcard-reader.md §3',
    confidence: 'V',
  },
  {
    vendorId: 0x0403,
    productId: 0x6001,
    vendor: 'FTDI',
    model: 'FT232R USB-serial',
    category: 'usb-serial',
    appearsAs: 'serial',
    source: 'Linux drivers/usb/serial/ftdi_sio_ids.h; specs/idcard-reader.md §3',
    confidence: 'V',
  },
  // ID card readers
  {
    vendorId: 0x0400,
    productId: 0xc35a,
    vendor: '(GA SAM USB interface)',
    model: 'second-generation ID card reader, USB bulk',
    category: 'idcard',
    appearsAs: 'usb',
    source: 'specs/idcard-reader.md §3.2: openiDR200 idrusb.h and three further programs; not tied to one maker',
    confidence: 'V',
  },
  {
    vendorId: 0x0316,
    productId: 0x5020,
    vendor: '新中新 Synjones',
    model: 'ID card reader, USB bulk',
    category: 'idcard',
    appearsAs: 'usb',
    source: 'specs/idcard-reader.md §3.2: Synjones UsbInterfaceAdapter.java',
    confidence: 'S',
  },
  // Receipt printers
  {
    vendorId: 0x0416,
    productId: 0x5011,
    vendor: 'Winbond (POS-58/80 clones)',
    model: 'POS-5890 class thermal printer, USB printer class',
    category: 'printer',
    appearsAs: 'usb',
    source: 'python-escpos examples (Usb(0x0416, 0x5011, profile="POS-5890")) and many independent user scripts',
    confidence: 'V',
  },
  {
    vendorId: 0x04b8,
    productId: 0x0202,
    vendor: 'Epson',
    model: 'TM-T88 series receipt printer',
    category: 'printer',
    appearsAs: 'usb',
    source: 'python-escpos usage docs (Usb(0x04b8, 0x0202)) and several independent scripts',
    confidence: 'V',
  },
  {
    vendorId: 0x04b8,
    productId: 0x0e28,
    vendor: 'Epson',
    model: 'TM-T20III receipt printer',
    category: 'printer',
    appearsAs: 'usb',
    source: 'a public python-escpos script (Usb(idVendor=0x04b8, idProduct=0x0E28) for "EPSON TM-T20III Receipt")',
    confidence: 'S',
  },
  // Barcode/QR scanners
  {
    vendorId: 0x0c2e,
    productId: 0x0b8f,
    vendor: 'Honeywell',
    model: 'Voyager 1400g, HID-POS mode',
    category: 'scanner',
    appearsAs: 'hid',
    source: 'NielsLeenheer/WebHidBarcodeScanner src/main.js device filter',
    confidence: 'S',
  },
  {
    vendorId: 0x05e0,
    productId: 0x1200,
    vendor: 'Symbol / Zebra',
    model: 'LS2208 class scanner, keyboard wedge',
    category: 'scanner',
    appearsAs: 'hid',
    source: 'several independent public programs and a Linux quirk table ("Symbol Technologies / Zebra LS2208")',
    confidence: 'V',
  },
  // Evaluation pads: no public VID/PID exists (specs/printer-evaluator.md B3.1, C). Bus pads arrive through
  // the USB-serial bridges above; USB "keyboard" pads must be bound by the technician.
];

export function lookupKnownDevice(vendorId: number, productId: number): KnownDevice | undefined {
  return knownDevices.find((d) => d.vendorId === vendorId && d.productId === productId);
}

import type { HidListing, Listings, SerialPortListing } from './discovery';

/**
 * The machine's serial ports and HID devices right now, for discovery and USB-ID links. Each source fails
 * on its own (no udev, no permission, no native binding) and says why; the other still answers.
 * Loaded lazily so a process that never discovers devices never loads the native modules.
 */
export async function listSystemDevices(): Promise<Listings & { problems: string[] }> {
  const problems: string[] = [];
  let serialPorts: SerialPortListing[] = [];
  let hidDevices: HidListing[] = [];
  try {
    const { SerialPort } = await import('serialport');
    serialPorts = (await SerialPort.list()).map((p) => ({
      path: p.path,
      ...(p.vendorId ? { vendorId: p.vendorId.toLowerCase() } : {}),
      ...(p.productId ? { productId: p.productId.toLowerCase() } : {}),
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
    }));
  } catch (error) {
    problems.push(`serial ports: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const hid = await import('node-hid');
    hidDevices = (await hid.devicesAsync()).map((d) => ({
      vendorId: d.vendorId,
      productId: d.productId,
      ...(d.path ? { path: d.path } : {}),
      ...(d.usagePage === undefined ? {} : { usagePage: d.usagePage }),
      ...(d.usage === undefined ? {} : { usage: d.usage }),
      ...(d.product ? { product: d.product } : {}),
      ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
      ...(d.serialNumber ? { serialNumber: d.serialNumber } : {}),
      ...(d.interface === undefined ? {} : { interface: d.interface }),
    }));
  } catch (error) {
    problems.push(`HID devices: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { serialPorts, hidDevices, problems };
}

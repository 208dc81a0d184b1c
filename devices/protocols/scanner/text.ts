const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * Scanner bytes carry no encoding tag. Chinese QR codes come as UTF-8 or GB18030/GBK; try UTF-8 first
 * (strict, so GBK bytes fail it), then GB18030, and never fail: Latin-1 decodes any byte string.
 */
export function decodeScanBytes(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    try {
      return gb18030.decode(bytes);
    } catch {
      return latin1.decode(bytes);
    }
  }
}

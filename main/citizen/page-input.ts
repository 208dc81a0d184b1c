// A captured page as it arrives from the renderer (base64 JPEG): decoded, size-capped and checked to be a
// JPEG before a session holds it. Shared by the kiosk (application.addPage) and the window's walk-in intake.
import { ContractError, MAX_PAGE_BYTES } from '../../src/contract';
import { jpegInfo, NotAJpegError } from './material-file';

export function decodePage(base64: string): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new ContractError('BAD_INPUT', 'pages.notBase64', { detail: 'the page is not base64' });
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_PAGE_BYTES) throw new ContractError('BAD_INPUT', 'pages.tooLarge', { params: { maxMb: MAX_PAGE_BYTES / 1_000_000 }, detail: 'the page is larger than 1.5 MB' });
  try {
    jpegInfo(bytes);
  } catch (error) {
    if (error instanceof NotAJpegError) throw new ContractError('BAD_INPUT', 'pages.notJpeg', { detail: 'the page is not a JPEG' });
    throw error;
  }
  return bytes;
}

import { create } from 'zustand';
import { registerSessionReset } from '../stores/session-reset';
import { DEFAULT_JPEG_LIMITS, fitJpeg } from './fit-jpeg';
import type { JpegLimits } from './fit-jpeg';

export type CameraStatus = 'off' | 'starting' | 'live' | 'denied' | 'no-camera' | 'error';

export interface CapturedPage {
  id: string;
  /** Object URL of the JPEG, revoked when the page is dropped or the session ends. */
  url: string;
  blob: Blob;
  width: number;
  height: number;
}

interface CameraState {
  status: CameraStatus;
  pages: CapturedPage[];
  start(): Promise<void>;
  /** Captures the current frame; replaces page `replaceIndex` when retaking. */
  capture(video: HTMLVideoElement, replaceIndex?: number, limits?: JpegLimits): Promise<void>;
  remove(index: number): void;
  /** Releases the camera (the light goes off); pages stay until reset. */
  stop(): void;
  /** Releases the camera and forgets every page. */
  reset(): void;
}

// The live stream is not state the UI renders; keeping it outside the store keeps it out of snapshots.
let stream: MediaStream | null = null;
let nextId = 1;

export function currentStream(): MediaStream | null {
  return stream;
}

function release(): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
  stream = null;
}

function statusOf(error: unknown): CameraStatus {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera';
  return 'error';
}

function encoderFor(video: HTMLVideoElement) {
  return (width: number, height: number, quality: number) =>
    new Promise<Blob>((resolve, reject) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('No 2D canvas'));
      ctx.drawImage(video, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality);
    });
}

/** The document camera (高拍仪): one live stream at a time, pages captured as size-capped JPEGs. */
export const useCameraStore = create<CameraState>()((set, get) => ({
  status: 'off',
  pages: [],
  async start() {
    if (stream) return set({ status: 'live' });
    set({ status: 'starting' });
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 3264 }, height: { ideal: 2448 } },
        audio: false,
      });
      set({ status: 'live' });
    } catch (error) {
      release();
      set({ status: statusOf(error) });
    }
  },
  async capture(video, replaceIndex, limits = DEFAULT_JPEG_LIMITS) {
    if (!stream || video.videoWidth === 0) return;
    const { blob, width, height } = await fitJpeg(video.videoWidth, video.videoHeight, encoderFor(video), limits);
    const page: CapturedPage = { id: `page-${nextId++}`, url: URL.createObjectURL(blob), blob, width, height };
    const pages = [...get().pages];
    if (replaceIndex !== undefined && pages[replaceIndex]) {
      URL.revokeObjectURL(pages[replaceIndex].url);
      pages[replaceIndex] = page;
    } else {
      pages.push(page);
    }
    set({ pages });
  },
  remove(index) {
    const pages = [...get().pages];
    const [removed] = pages.splice(index, 1);
    if (removed) URL.revokeObjectURL(removed.url);
    set({ pages });
  },
  stop() {
    release();
    set({ status: 'off' });
  },
  reset() {
    release();
    for (const page of get().pages) URL.revokeObjectURL(page.url);
    set({ status: 'off', pages: [] });
  },
}));

registerSessionReset(() => useCameraStore.getState().reset());

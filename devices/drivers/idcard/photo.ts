// WLT photo decoding is a plug-in (spec §9): the format is proprietary and every decoder is a licensed
// vendor library. With no decoder the UI shows a neutral silhouette. Raw WLT and decoded pixels are
// personal data: never written to disk or logs.

export interface DecodedPhoto {
  readonly width: number;
  readonly height: number;
  /** 24-bit BGR pixels, row-major, top row first. */
  readonly bgr: Uint8Array;
}

export interface WltDecoder {
  decode(wlt: Uint8Array): Promise<DecodedPhoto | null>;
}

/** The default: no decoder, so no photo. */
export const noWltDecoder: WltDecoder = { decode: async () => null };

/**
 * Loads a decoder module from configuration (e.g. HALL_IDCARD_WLT_DECODER): a JS module that wraps the
 * vendor library and exports `decodeWlt(bytes) → {width, height, bgr} | null`. Any failure to load gives
 * the no-photo decoder and a reason, never a crash.
 */
export async function loadWltDecoder(modulePath: string | undefined): Promise<{ decoder: WltDecoder; problem?: string }> {
  if (!modulePath) return { decoder: noWltDecoder };
  try {
    const loaded: unknown = await import(modulePath);
    const fn = typeof loaded === 'object' && loaded !== null ? (loaded as { decodeWlt?: unknown }).decodeWlt : undefined;
    if (typeof fn !== 'function') return { decoder: noWltDecoder, problem: 'the photo decoder module exports no decodeWlt function' };
    const decodeWlt = fn as (wlt: Uint8Array) => unknown;
    return {
      decoder: {
        async decode(wlt) {
          try {
            const out = await decodeWlt(wlt);
            return isDecodedPhoto(out) ? out : null;
          } catch {
            return null;
          }
        },
      },
    };
  } catch (error) {
    return { decoder: noWltDecoder, problem: `the photo decoder could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function isDecodedPhoto(value: unknown): value is DecodedPhoto {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<DecodedPhoto>;
  return (
    typeof v.width === 'number' &&
    typeof v.height === 'number' &&
    v.bgr instanceof Uint8Array &&
    v.width > 0 &&
    v.height > 0 &&
    v.bgr.length === v.width * v.height * 3
  );
}

/** Loads the configured decoder on first use, so the device set can be built synchronously. */
export function lazyWltDecoder(modulePath: string | undefined, onProblem: (problem: string) => void = () => undefined): WltDecoder {
  let loading: Promise<WltDecoder> | null = null;
  return {
    decode(wlt) {
      loading ??= loadWltDecoder(modulePath).then(({ decoder, problem }) => {
        if (problem) onProblem(problem);
        return decoder;
      });
      return loading.then((decoder) => decoder.decode(wlt));
    },
  };
}

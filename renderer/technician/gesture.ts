/**
 * The hidden way into the technician console on a kiosk: five taps in the top-left corner within three
 * seconds. Pure (time passed in), so it is tested without the DOM. A tap older than the window no longer
 * counts, so slow tapping — a citizen touching the corner now and then — never opens it.
 */
export const GESTURE_TAPS = 5;
export const GESTURE_WINDOW_MS = 3_000;

export interface TapCounter {
  /** Records a tap at `now` (ms); true when it completes the gesture (the count then starts again). */
  tap(now: number): boolean;
  reset(): void;
}

export function createTapCounter(taps = GESTURE_TAPS, windowMs = GESTURE_WINDOW_MS): TapCounter {
  let times: number[] = [];
  return {
    tap(now) {
      times = times.filter((t) => now - t < windowMs && t <= now);
      times.push(now);
      if (times.length < taps) return false;
      times = [];
      return true;
    },
    reset() {
      times = [];
    },
  };
}

import { useEffect } from 'react';
import { useAccessStore } from './access-store';
import { createTapCounter } from './gesture';
import { PinScreen } from './PinScreen';
import { TechnicianConsole } from './TechnicianConsole';

/** The hidden corner: an 88×88 px square at the top left (larger than the 64 px touch minimum). */
export const CORNER_PX = 88;

/**
 * The hidden door on the kiosk and window pages: five taps within three seconds in the top-left corner
 * open the PIN pad; after the PIN, the web shell moves to /technician, Electron shows the console over this
 * page. The corner is watched, not covered: taps still reach whatever is under it (a back button, say),
 * and it is neither focusable nor announced.
 */
export function TechnicianGate() {
  const { open, unlocked, show, hide } = useAccessStore();
  useEffect(() => {
    const counter = createTapCounter();
    const onPointer = (e: PointerEvent) => {
      if (e.clientX >= CORNER_PX || e.clientY >= CORNER_PX) return;
      if (counter.tap(e.timeStamp)) show();
    };
    window.addEventListener('pointerdown', onPointer, { capture: true, passive: true });
    return () => window.removeEventListener('pointerdown', onPointer, { capture: true });
  }, [show]);
  return (
    <>
      <div className="technician-corner" aria-hidden="true" data-testid="technician-corner" />
      {open && (
        <div className="overlay technician-overlay" role="dialog" aria-modal="true">
          {unlocked ? <TechnicianConsole /> : <PinScreen onCancel={hide} />}
        </div>
      )}
    </>
  );
}

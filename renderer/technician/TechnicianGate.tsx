import { useMemo } from 'react';
import { useAccessStore } from './access-store';
import { createTapCounter } from './gesture';
import { PinScreen } from './PinScreen';
import { TechnicianConsole } from './TechnicianConsole';

/**
 * The hidden door on the kiosk and window pages: an invisible 88×88 px area in the top-left corner (larger
 * than the 64 px touch minimum, above everything, not focusable and not announced). Five taps in it within
 * three seconds open the PIN pad; after the PIN, the web shell moves to /technician, Electron shows the
 * console over this page.
 */
export function TechnicianGate() {
  const { open, unlocked, show, hide } = useAccessStore();
  const counter = useMemo(() => createTapCounter(), []);
  return (
    <>
      <div
        className="technician-corner"
        aria-hidden="true"
        data-testid="technician-corner"
        onPointerDown={(e) => {
          if (counter.tap(e.timeStamp)) show();
        }}
      />
      {open && (
        <div className="overlay technician-overlay" role="dialog" aria-modal="true">
          {unlocked ? <TechnicianConsole /> : <PinScreen onCancel={hide} />}
        </div>
      )}
    </>
  );
}

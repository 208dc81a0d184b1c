import { useEffect } from 'react';
import { useAccessStore } from './access-store';
import { PinScreen } from './PinScreen';
import { TechnicianConsole } from './TechnicianConsole';

/**
 * The /technician page: without an unlocked session it shows only the PIN pad; with one (PIN entered here,
 * or handed over from the kiosk page with a one-time ticket) it shows the console.
 */
export function TechnicianApp() {
  const unlocked = useAccessStore((s) => s.unlocked);
  const resume = useAccessStore((s) => s.resume);
  useEffect(() => {
    void resume();
  }, [resume]);
  return unlocked ? <TechnicianConsole /> : <PinScreen onCancel={() => window.location.assign('/')} />;
}

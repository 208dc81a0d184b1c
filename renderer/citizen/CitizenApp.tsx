import { useEffect } from 'react';
import { useIdleStore } from '../stores/idle-store';
import { AttractScreen } from './AttractScreen';
import { useFlowStore } from './flow-store';
import { GuideScreen } from './GuideScreen';
import { HomeScreen } from './HomeScreen';
import { IdleWarning } from './IdleWarning';
import { SearchScreen } from './SearchScreen';

/** The citizen kiosk: renders the step the flow store is on; any touch counts as activity. */
export function CitizenApp() {
  const step = useFlowStore((s) => s.step);
  const selection = useFlowStore((s) => s.selection);
  const begin = useFlowStore((s) => s.begin);

  useEffect(() => {
    const onActivity = () => useIdleStore.getState().activity();
    window.addEventListener('pointerdown', onActivity, { capture: true });
    window.addEventListener('keydown', onActivity, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', onActivity, { capture: true });
      window.removeEventListener('keydown', onActivity, { capture: true });
    };
  }, []);

  return (
    <>
      {step === 'attract' && <AttractScreen onBegin={begin} />}
      {step === 'home' && <HomeScreen />}
      {step === 'search' && <SearchScreen />}
      {step === 'guide' && selection && <GuideScreen selection={selection} />}
      <IdleWarning />
    </>
  );
}

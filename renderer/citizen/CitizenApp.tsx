import { useEffect } from 'react';
import { useIdleStore } from '../stores/idle-store';
import { AttractScreen } from './AttractScreen';
import { useFlowStore } from './flow-store';
import { FormScreen } from './FormScreen';
import { GoodbyeScreen } from './GoodbyeScreen';
import { GuideScreen } from './GuideScreen';
import { HomeScreen } from './HomeScreen';
import { IdentifyScreen } from './IdentifyScreen';
import { IdleWarning } from './IdleWarning';
import { MaterialsScreen } from './MaterialsScreen';
import { CitizenErrorBoundary, LeaveConfirm, OfflineOverlay } from './Overlays';
import { PrecheckScreen } from './PrecheckScreen';
import { ProgressScreen } from './ProgressScreen';
import { RateScreen } from './RateScreen';
import { ReviewScreen } from './ReviewScreen';
import { SearchScreen } from './SearchScreen';
import { SubmittedScreen } from './SubmittedScreen';
import { connectCitizenSession } from './session-bridge';
import { SpeechPrompts } from './SpeechPrompts';
import './citizen.css';
import './form.css';

function Step() {
  const step = useFlowStore((s) => s.step);
  const selection = useFlowStore((s) => s.selection);
  const begin = useFlowStore((s) => s.begin);
  switch (step) {
    case 'attract':
      return <AttractScreen onBegin={begin} />;
    case 'home':
      return <HomeScreen />;
    case 'search':
      return <SearchScreen />;
    case 'guide':
      return selection ? <GuideScreen selection={selection} /> : null;
    case 'progress':
      return <ProgressScreen />;
    case 'identify':
      return <IdentifyScreen />;
    case 'form':
      return <FormScreen />;
    case 'materials':
      return <MaterialsScreen />;
    case 'precheck':
      return <PrecheckScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'submitted':
      return <SubmittedScreen />;
    case 'rate':
      return <RateScreen />;
    case 'goodbye':
      return <GoodbyeScreen />;
  }
}

/** The citizen kiosk: renders the step the flow store is on; any touch counts as activity. */
export function CitizenApp() {
  useEffect(() => {
    connectCitizenSession();
    const onActivity = () => useIdleStore.getState().activity();
    window.addEventListener('pointerdown', onActivity, { capture: true });
    window.addEventListener('keydown', onActivity, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', onActivity, { capture: true });
      window.removeEventListener('keydown', onActivity, { capture: true });
    };
  }, []);

  return (
    <CitizenErrorBoundary>
      <Step />
      <LeaveConfirm />
      <OfflineOverlay />
      <IdleWarning />
      <SpeechPrompts />
    </CitizenErrorBoundary>
  );
}

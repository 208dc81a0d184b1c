import { AttractScreen } from './citizen/AttractScreen';
import { SimulatorPanel } from './simulator/SimulatorPanel';
import { useSystemStore } from './stores/system-store';

export function App() {
  const simulated = useSystemStore((s) => s.info?.devices === 'simulated');
  return (
    <div className="app">
      <AttractScreen />
      {simulated && <SimulatorPanel />}
    </div>
  );
}

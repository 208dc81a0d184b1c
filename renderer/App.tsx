import { pageRole } from './api/client';
import { AttractScreen } from './citizen/AttractScreen';
import { SimulatorPanel } from './simulator/SimulatorPanel';
import { useSystemStore } from './stores/system-store';
import { TechnicianApp } from './technician/TechnicianApp';

const role = pageRole();

export function App() {
  const simulated = useSystemStore((s) => s.info?.devices === 'simulated');
  return (
    <div className="app">
      {role === 'technician' ? <TechnicianApp /> : <AttractScreen />}
      {simulated && <SimulatorPanel />}
    </div>
  );
}

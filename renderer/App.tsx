import { pageRole } from './api/client';
import { CitizenApp } from './citizen/CitizenApp';
import { SimulatorPanel } from './simulator/SimulatorPanel';
import { useSystemStore } from './stores/system-store';
import { TechnicianApp } from './technician/TechnicianApp';
import { TechnicianGate } from './technician/TechnicianGate';
import { CustomerApp } from './evaluation/CustomerApp';
import { WindowApp } from './window/WindowApp';

const role = pageRole();

export function App() {
  const simulated = useSystemStore((s) => s.info?.devices === 'simulated');
  return (
    <div className="app">
      {role === 'technician' ? <TechnicianApp /> : role === 'customer' ? <CustomerApp /> : role === 'window' ? <WindowApp /> : <CitizenApp />}
      {(role === 'kiosk' || role === 'window') && <TechnicianGate />}
      {simulated && <SimulatorPanel />}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../src/contract';
import { useSystemStore } from '../stores/system-store';

function Row({ device }: { device: DeviceStatus }) {
  const { t } = useTranslation();
  return (
    <li className={`device-row device-${device.state}`} data-testid={`device-${device.role}`}>
      <span className="device-name">{t(`technician.roles.${device.role}`)}</span>
      <span className="device-kind">{device.kind}</span>
      <span className="device-state">
        {t(`technician.states.${device.state}`)} · {device.connected ? t('technician.connected') : t('technician.disconnected')}
      </span>
      {device.detail && <span className="device-detail">{device.detail}</span>}
    </li>
  );
}

/** Live status of every device, fed by `device.status` events. */
export function DeviceList() {
  const { t } = useTranslation();
  const devices = useSystemStore((s) => s.devices);
  const list = Object.values(devices);
  return (
    <section className="panel">
      <h2>{t('technician.devices')}</h2>
      {list.length === 0 ? (
        <p>{t('technician.noDevices')}</p>
      ) : (
        <ul className="device-list">
          {list.map((d) => (
            <Row key={d.role} device={d} />
          ))}
        </ul>
      )}
    </section>
  );
}

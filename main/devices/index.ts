// The devices module and the types its consumers (citizen, window, evaluation, sync) use.
export { createDevicesModule } from './module';
export type { DevicesModule, DevicesModuleDeps } from './module';
export type { DeviceSet, ManagedDevice } from '../../devices/manager/roles';
export type { Publish } from '../../devices/manager/device-events';

export * from './application-repository';
export * from './calendar-repository';
export * from './catalog-repository';
export * from './crypto';
export * from './evaluation-repository';
export * from './migrations';
export * from './retention';
export * from './store';

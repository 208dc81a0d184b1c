import { api } from '../api/client';
import { createApplicationStore } from './application-store';
import { createProgressStore } from './progress-store';

/** The application in progress of this kiosk page, talking to the terminal through the contract client. */
export const useApplicationStore = createApplicationStore({ call: api.call });

/** The progress query of this kiosk page. */
export const useProgressStore = createProgressStore({ call: api.call });

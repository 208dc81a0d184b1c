import type { Messages } from './zh-CN';

export const en: Messages = {
  attract: {
    title: 'Government Services Self-Service Terminal',
    prompt: 'Place your ID card',
    hint: 'Lay your ID card flat on the reader below',
    cardRead: 'Card read',
    invalidNumber: 'The ID number did not pass validation; please go to a staffed window',
    readerOffline: 'ID card reader not connected',
    readerOfflineHint: 'Please ask a member of staff, or try again shortly',
    serviceOffline: 'Connecting to the terminal service…',
    cardTypes: {
      resident: 'Resident ID card',
      'foreign-permanent': "Foreigner's permanent residence ID card",
      'hmt-residence': 'Hong Kong/Macao/Taiwan residence permit',
    },
  },
  language: { switchTo: '中文' },
  preferences: { elderly: 'Larger text', standard: 'Standard text' },
  simulator: {
    title: 'Simulated devices',
    place: 'Place',
    remove: 'Remove ID card',
  },
};

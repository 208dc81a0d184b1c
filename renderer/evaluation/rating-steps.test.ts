import { describe, expect, it } from 'vitest';
import { canSend, initialRating, ratingReducer } from './rating-steps';
import type { RatingAction, RatingState } from './rating-steps';

const run = (actions: RatingAction[], start: RatingState = initialRating()): RatingState => actions.reduce(ratingReducer, start);

describe('rating steps', () => {
  it('a good level is sent at once, then done', () => {
    const sending = run([{ type: 'choose', level: '满意' }]);
    expect(sending).toMatchObject({ step: 'sending', level: '满意' });
    expect(ratingReducer(sending, { type: 'sent' }).step).toBe('done');
  });

  it('a bad level asks for reasons and will not send without one', () => {
    const asked = run([{ type: 'choose', level: '不满意' }]);
    expect(asked.step).toBe('reasons');
    const refused = ratingReducer(asked, { type: 'send' });
    expect(refused).toMatchObject({ step: 'reasons', problem: 'reasonRequired' });
    const withReason = run([{ type: 'toggleReason', reason: 'slow' }, { type: 'send' }], refused);
    expect(withReason).toMatchObject({ step: 'sending', reasons: ['slow'], problem: null });
  });

  it('text alone is enough for a bad rating; blank text is not', () => {
    expect(canSend({ level: '非常不满意', reasons: [], text: '   ' })).toBe(false);
    expect(canSend({ level: '非常不满意', reasons: [], text: 'queue too long' })).toBe(true);
    expect(canSend({ level: null, reasons: [], text: '' })).toBe(false);
  });

  it('toggling a reason twice removes it; re-choosing clears everything', () => {
    const state = run([
      { type: 'choose', level: '不满意' },
      { type: 'toggleReason', reason: 'attitude' },
      { type: 'toggleReason', reason: 'fees' },
      { type: 'toggleReason', reason: 'attitude' },
    ]);
    expect(state.reasons).toEqual(['fees']);
    expect(ratingReducer(state, { type: 'rechoose' })).toEqual(initialRating());
  });

  it('a duplicate ends in refused, where nothing else changes the state', () => {
    const refused = run([{ type: 'choose', level: '满意' }, { type: 'failed', duplicate: true }]);
    expect(refused.step).toBe('refused');
    expect(run([{ type: 'choose', level: '非常满意' }, { type: 'sent' }], refused)).toBe(refused);
  });

  it('another failure goes back with the choices kept and a message', () => {
    const state = run([
      { type: 'choose', level: '不满意' },
      { type: 'toggleReason', reason: 'slow' },
      { type: 'send' },
      { type: 'failed', duplicate: false },
    ]);
    expect(state).toMatchObject({ step: 'reasons', reasons: ['slow'], problem: 'failed' });
  });

  it('a bad preset level (from the hardware pad) starts at the reasons', () => {
    expect(initialRating('非常不满意')).toMatchObject({ step: 'reasons', level: '非常不满意' });
    expect(initialRating('满意').step).toBe('choose');
  });

  it('caps the text at 500 characters', () => {
    const state = run([{ type: 'choose', level: '不满意' }, { type: 'text', text: '长'.repeat(600) }]);
    expect(Array.from(state.text)).toHaveLength(500);
  });
});

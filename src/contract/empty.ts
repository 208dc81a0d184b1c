import { z } from 'zod';

/** Input of a method that takes nothing. Unknown keys are rejected, not ignored. */
export const Empty = z.object({}).strict();

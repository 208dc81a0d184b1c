import { z } from 'zod';

/** Every failure that crosses the contract has one of these codes. Never a stack trace. */
export const errorCodes = [
  'BAD_INPUT',
  'BAD_OUTPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  /** A privileged (technician) method without an unlocked technician session: show the PIN pad. */
  'UNAUTHENTICATED',
  'DEVICE_UNAVAILABLE',
  'DEVICE_ERROR',
  'TIMEOUT',
  'TRANSPORT',
  'INTERNAL',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ContractErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field paths for BAD_INPUT, so a form can point at what is wrong. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ContractErrorShape = z.infer<typeof ContractErrorShape>;

/** Thrown by handlers (and by the client) to carry a typed failure. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly issues: ContractErrorShape['issues'];

  constructor(code: ErrorCode, message: string, issues?: ContractErrorShape['issues']) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.issues = issues;
  }

  toShape(): ContractErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function isContractError(value: unknown): value is ContractError {
  return value instanceof ContractError;
}

// The one result shape between privileged-side services: a value, or a typed refusal. Pure and shared
// (domain, store, sync, platform, main); the contract's CallResult on the wire has the same shape.
// Thrown errors stay for failures a caller cannot handle on the spot (ContractError at the contract edge).

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export function ok<T>(value: T): Ok<T>;
export function ok(): Ok<undefined>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** The value, or what `otherwise` makes of the refusal (a throw, a default). */
export function unwrapOr<T, E, U>(result: Result<T, E>, otherwise: (error: E) => U): T | U {
  return result.ok ? result.value : otherwise(result.error);
}

/** A new value for an ok result; a refusal passes through unchanged. */
export function mapResult<T, E, U>(result: Result<T, E>, f: (value: T) => U): Result<U, E> {
  return result.ok ? ok(f(result.value)) : result;
}

// Technician PINs are hashed like every PIN of the project (src/crypto/pin-hash.ts), at its default cost.
export { hashPin, verifyPin } from '../../src/crypto/pin-hash';

// esc-pos-encoder 3 ships no types; the conformance streams use it through their own narrow interface.
declare module 'esc-pos-encoder' {
  const EscPosEncoder: new (options?: Record<string, unknown>) => unknown;
  export default EscPosEncoder;
}

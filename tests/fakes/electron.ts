// Placeholder until the Electron shell tests define the full fake.
export {};

export * from './secret-box.js';
export * from './master-keys.js';

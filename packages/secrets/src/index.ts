export * from './master-keys.js';
export * from './secret-box.js';

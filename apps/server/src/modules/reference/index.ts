export * from './municipalities.js';
export * from './state-outline.js';
export * from './security-regions.js';
export * from './holiday-rules.js';

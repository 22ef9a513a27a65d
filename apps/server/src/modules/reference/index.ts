export * from './holiday-rules.js';
export * from './municipalities.js';
export * from './security-regions.js';
export * from './state-outline.js';

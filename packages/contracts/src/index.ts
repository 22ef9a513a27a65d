export * from './account-security.js';

import './zod-messages.js';

export * from './accreditation/index.js';
export * from './accreditation-api.js';
export * from './admin.js';
export * from './audit.js';
export * from './auth.js';
export * from './brazil.js';
export * from './camera-import.js';
export * from './camera-map.js';
export * from './camera-rtsp-url.js';
export * from './cameras.js';
export * from './citizen.js';
export * from './errors.js';
export * from './exports.js';
export * from './health.js';
export * from './integrations.js';
export * from './live.js';
export * from './nvr-template.js';
export * from './obligations/index.js';
export * from './partner-identity.js';
export * from './playback.js';
export * from './privacy.js';
export * from './recordings.js';
export * from './reference.js';
export * from './releases.js';
export * from './roles.js';

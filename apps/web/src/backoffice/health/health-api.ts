import type { Alert, FleetView, HealthDashboard } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export const loadHealthDashboard = (signal: AbortSignal) => apiRequest<HealthDashboard>('/api/health/dashboard', { signal });
export const acknowledgeAlert = (id: string) => apiRequest<Alert>(`/api/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST' });
export const loadFleetView = (signal: AbortSignal) => apiRequest<FleetView>('/api/health/fleet', { signal });

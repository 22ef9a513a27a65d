import type {
  Camera,
  CameraCreateInput,
  CameraImportFormat,
  CameraImportReport,
  CameraList,
  CameraMapView,
  CameraNvr,
  CameraNvrUpdate,
  CameraOption,
  CameraOptionList,
  CameraPublicAccessRequest,
  CameraPushCredentials,
  CameraSelfTest,
  CameraUpdateInput,
} from '@vigia/contracts';
import { apiRequest, apiUploadWithProgress } from '../../shared/api/api-client';

const pageQuery = (q: { q?: string; cursor?: string; limit?: number }) =>
  new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
/** One page of the camera list (full rows), by name (issue 13). */
export const listCameras = (q: { q?: string; cursor?: string; limit?: number }, signal: AbortSignal) =>
  apiRequest<CameraList>(`/api/cameras?${pageQuery(q)}`, { signal });
/** One page of the camera pickers' light rows, by name (issue 13). */
export const listCameraOptions = (q: { q?: string; cursor?: string; limit?: number }, signal: AbortSignal) =>
  apiRequest<CameraOptionList>(`/api/cameras/options?${pageQuery(q)}`, { signal });
/** Every page of the pickers' rows (for the few pages that join cameras with something else, e.g. a partner's plates). */
export async function listAllCameraOptions(signal: AbortSignal): Promise<CameraOption[]> {
  const all: CameraOption[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCameraOptions({ limit: 1000, ...(cursor ? { cursor } : {}) }, signal);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
export const getCamera = (id: string, signal?: AbortSignal) =>
  apiRequest<Camera>(`/api/cameras/${encodeURIComponent(id)}`, signal ? { signal } : {});
export const createCamera = (input: CameraCreateInput) => apiRequest<Camera>('/api/cameras', { method: 'POST', body: input });
export const updateCamera = (id: string, input: CameraUpdateInput) =>
  apiRequest<Camera>(`/api/cameras/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
export const deleteCamera = (id: string) => apiRequest<void>(`/api/cameras/${encodeURIComponent(id)}`, { method: 'DELETE' });
/** (Re)generates the RTSP push credentials; the password is returned only here. */
export const generatePushCredentials = (id: string) =>
  apiRequest<CameraPushCredentials>(`/api/cameras/${encodeURIComponent(id)}/push-credentials`, { method: 'POST' });
export const runSelfTest = (id: string) =>
  apiRequest<CameraSelfTest>(`/api/cameras/${encodeURIComponent(id)}/self-test`, { method: 'POST' });
export const listSelfTests = (id: string, signal?: AbortSignal) =>
  apiRequest<{ items: CameraSelfTest[] }>(`/api/cameras/${encodeURIComponent(id)}/self-tests`, signal ? { signal } : {}).then(
    (r) => r.items,
  );
export const snapshotUrl = (cameraId: string, testId: string) =>
  `/api/cameras/${encodeURIComponent(cameraId)}/self-tests/${encodeURIComponent(testId)}/snapshot`;
/** The operations map for a viewport and zoom, clustered by the server (issue 13). */
export const loadCameraMapView = (
  q: { west: number; south: number; east: number; north: number; zoom: number; status?: string },
  signal: AbortSignal,
) => {
  const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
  return apiRequest<CameraMapView>(`/api/cameras/map/view?${params.toString()}`, { signal });
};

/** `clients`: an integrator's spreadsheet of clients and their cameras (issue 18), with the client columns. */
export const importTemplateUrl = (format: CameraImportFormat, clients = false) =>
  clients ? `/api/integrator/import/template?format=${format}` : `/api/cameras/import/template?format=${format}`;

export function importSpreadsheet(
  file: File,
  opts: { dryRun: boolean; partnerId?: string; clients?: boolean },
  onProgress: (fraction: number) => void,
) {
  const query = new URLSearchParams({ dryRun: String(opts.dryRun) });
  if (opts.partnerId && !opts.clients) query.set('partnerId', opts.partnerId);
  const form = new FormData();
  form.append('file', file, file.name);
  const path = opts.clients ? '/api/integrator/import' : '/api/cameras/import';
  return apiUploadWithProgress<CameraImportReport>(`${path}?${query.toString()}`, form, onProgress);
}

/** Art. 25 §2: the partner's own recorder (NVR) for a camera; the NVR login is write-only. */
export const getCameraNvr = (id: string, signal: AbortSignal) =>
  apiRequest<CameraNvr>(`/api/cameras/${encodeURIComponent(id)}/nvr`, { signal });
export const saveCameraNvr = (id: string, body: CameraNvrUpdate) =>
  apiRequest<CameraNvr>(`/api/cameras/${encodeURIComponent(id)}/nvr`, { method: 'PUT', body });
export const deleteCameraNvr = (id: string) => apiRequest<void>(`/api/cameras/${encodeURIComponent(id)}/nvr`, { method: 'DELETE' });

/** Art. 26 §2: the committee's queue of requests to open a camera to the public, and its decision. */
export const listPublicAccessRequests = (signal: AbortSignal) =>
  apiRequest<{ items: CameraPublicAccessRequest[] }>('/api/cameras/public-access/requests', { signal }).then((r) => r.items);
export const decidePublicAccess = (id: string, approve: boolean, reason: string) =>
  apiRequest<Camera>(`/api/cameras/${encodeURIComponent(id)}/public-access/decision`, { method: 'POST', body: { approve, reason } });

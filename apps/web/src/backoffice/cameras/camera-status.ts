import type { CameraStatus } from '@vigia/contracts';

/** One colour per camera status, used by the tags, the map markers and the legend. */
export const cameraStatusColors: Readonly<Record<CameraStatus, string>> = {
  online: '#168821',
  offline: '#e52207',
  pending: '#ffcd07',
  disabled: '#888888',
};

export const cameraStatusTone: Readonly<Record<CameraStatus, string>> = {
  online: 'success',
  offline: 'danger',
  pending: 'warning',
  disabled: '',
};

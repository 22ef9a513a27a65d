import { type CameraStatus, cameraStatusLabels } from '@vigia/contracts';
import { cameraStatusTone } from './camera-status';

export function CameraStatusTag({ status }: { status: CameraStatus }) {
  return (
    <span className={`br-tag text ${cameraStatusTone[status]}`.trim()} data-status={status}>
      {cameraStatusLabels[status]}
    </span>
  );
}

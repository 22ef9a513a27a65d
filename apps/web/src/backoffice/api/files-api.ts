import type { StoredFile } from '@vigia/contracts';
import { apiUpload } from '../../shared/api/api-client';

/** What POST /api/files accepts (checked by content on the server: files/file-type.ts). */
export const acceptedUploadTypes = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
/**
 * The server's default limit (UPLOAD_MAX_MB = 20). The real limit is server configuration and is
 * not exposed by the API; a refusal carries the actual limit in its message.
 */
export const uploadLimitHint = 'PDF, JPEG ou PNG, até 20 MB (limite padrão do servidor).';

export function uploadFile(file: File): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<StoredFile>('/api/files', form);
}

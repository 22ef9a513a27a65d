import type { DocumentVerification, PublicDocument } from '@vigia/contracts';
import { apiRequest, apiUpload } from '../../shared/api/api-client';
import { fetchSession } from '../../shared/api/auth-api';

export function lookupDocument(code: string, signal: AbortSignal): Promise<PublicDocument> {
  return apiRequest<PublicDocument>(`/api/public/documents/${encodeURIComponent(code)}`, { signal });
}

/** Sends a copy to be hashed and compared; the server never stores it. "code" goes before "file". */
export async function verifyCopy(code: string, file: File): Promise<DocumentVerification> {
  await fetchSession();
  const form = new FormData();
  form.append('code', code);
  form.append('file', file, file.name);
  return apiUpload<DocumentVerification>('/api/public/documents/verify', form);
}

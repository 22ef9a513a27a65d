import type { ApiError } from '../api/api-error';
import { Message } from './Message';

/** Shows an API error's pt-BR message and, when present, its field-level details. */
export function ApiErrorMessage({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <Message kind="danger" title={error.message}>
      {error.details.length > 0 && (
        <ul className="mt-1 mb-0">
          {error.details.map((d) => (
            <li key={`${d.path}:${d.message}`}>{d.message}</li>
          ))}
        </ul>
      )}
    </Message>
  );
}

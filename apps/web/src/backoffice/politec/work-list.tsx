import { useCallback, useState } from 'react';
import type { ApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useApiData } from '../../shared/hooks/use-api-data';

/** A Politec work list: its items, and `done(text)` that shows what was just done and reloads. */
export function useWorkList<T>(load: (signal: AbortSignal) => Promise<T[]>) {
  const { data, error, loading, reload } = useApiData(load);
  const [notice, setNotice] = useState<string | null>(null);
  const done = useCallback(
    (text: string) => {
      setNotice(text);
      reload();
    },
    [reload],
  );
  return { data, error, loading, notice, done };
}

/** What was just done, the load error, the loading state and the empty list, in that order. */
export function WorkListStatus({
  list: { notice, error, loading, data },
  loadingLabel,
  emptyText,
}: {
  list: { notice: string | null; error: ApiError | null; loading: boolean; data: unknown[] | null };
  loadingLabel: string;
  emptyText: string;
}) {
  return (
    <>
      {notice && (
        <Message kind="success">
          <span data-testid="politec-notice">{notice}</span>
        </Message>
      )}
      <ApiErrorMessage error={error} />
      {loading && <Loading label={loadingLabel} />}
      {data?.length === 0 && <Message kind="info">{emptyText}</Message>}
    </>
  );
}

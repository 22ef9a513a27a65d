import { useState } from 'react';

/** The two template downloads (XLSX and CSV) of a list imported from a spreadsheet. */
export function TemplateLinks({ url }: { url: (format: 'xlsx' | 'csv') => string }) {
  return (
    <>
      <a className="br-button secondary small mr-1" href={url('xlsx')} download>
        <i className="fas fa-file-excel mr-1" aria-hidden="true" /> Baixar modelo XLSX
      </a>
      <a className="br-button secondary small" href={url('csv')} download>
        <i className="fas fa-file-csv mr-1" aria-hidden="true" /> Baixar modelo CSV
      </a>
    </>
  );
}

/**
 * File field (XLSX or CSV) and the button that sends it; the button is off until a file is chosen
 * and while it is being sent. The caller shows the result and the error.
 */
export function SpreadsheetFileImport({
  id,
  buttonLabel,
  onImport,
}: {
  id: string;
  buttonLabel: string;
  onImport(file: File): Promise<void>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (!file) return;
    setSending(true);
    try {
      await onImport(file);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <div className="br-upload mb-2">
        <label className="upload-label" htmlFor={id}>
          Planilha (XLSX ou CSV)
        </label>
        <input
          id={id}
          className="upload-input"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="button" className="br-button primary" disabled={!file || sending} onClick={() => void send()}>
        {buttonLabel}
      </button>
    </>
  );
}

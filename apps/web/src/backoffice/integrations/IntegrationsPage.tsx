import { type Integration, type IntegrationWithSecret, type OperatorUnit, operatorUnitLabels, operatorUnits } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { listCameraOptions } from '../api/cameras-api';
import { CameraSearch } from '../cameras/CameraSearch';
import { useCameraPages } from '../cameras/use-camera-pages';
import { createIntegration, listIntegrations, revokeIntegration, rotateIntegration } from './integrations-api';

/**
 * Admin → Integrações com VMS (Art. 22 §3; docs/cameras.md "Re-serving to the CIOSP VMS"): the
 * external systems allowed to pull cameras as HLS, each with its own credentials (the password is
 * shown once, at creation and at each rotation), its cameras and the URL of each playlist.
 */
export function IntegrationsPage() {
  useDocumentTitle('Integrações com VMS');
  const integrations = useApiData(listIntegrations);
  const cameras = useCameraPages(listCameraOptions);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<OperatorUnit>('military_police');
  const [cidr, setCidr] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const [secret, setSecret] = useState<IntegrationWithSecret | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      const created = await createIntegration({ name, unit, cameraIds: [...chosen], allowedCidr: cidr.trim() || null });
      setSecret(created);
      setName('');
      setCidr('');
      setChosen(new Set());
      integrations.reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function rotate(i: Integration) {
    if (!window.confirm(`Gerar nova senha para "${i.name}"? A senha atual deixa de funcionar em segundos.`)) return;
    setError(null);
    try {
      setSecret(await rotateIntegration(i.id));
      integrations.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  }

  async function revoke(i: Integration) {
    const why = window.prompt(`Motivo da revogação de "${i.name}" (mínimo 10 caracteres):`);
    if (!why) return;
    setError(null);
    try {
      await revokeIntegration(i.id, why);
      setSecret(null);
      setNotice('Integração revogada: o sistema externo perde o acesso em segundos.');
      integrations.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Administração' }, { label: 'Integrações com VMS' }]} />
      <h1>Integrações com VMS</h1>
      <p>
        Sistemas de videomonitoramento já existentes no CIOSP (art. 22, § 3º, do Decreto 1.522/2022) recebem as câmeras autorizadas em HLS,
        com usuário e senha próprios. Cada acesso é registrado na auditoria.
      </p>
      {secret && (
        <Message kind="warning" title="Copie a senha agora: ela não será exibida novamente.">
          <span className="d-block">Sistema: {secret.integration.name}</span>
          <span className="d-block">
            Usuário: <code data-testid="integration-username">{secret.integration.username}</code>
          </span>
          <span className="d-block">
            Senha: <code data-testid="integration-password">{secret.password}</code>
          </span>
        </Message>
      )}
      {notice && <Message kind="success">{notice}</Message>}
      <ApiErrorMessage error={error} />

      <section className="mt-4" aria-labelledby="integrations-list">
        <h2 id="integrations-list" className="h4">
          Sistemas cadastrados
        </h2>
        {integrations.loading && <Loading />}
        {integrations.data && integrations.data.length === 0 && <p>Nenhum sistema cadastrado.</p>}
        {(integrations.data ?? []).map((i) => (
          <div key={i.id} className="br-card mb-3">
            <div className="card-content">
              <div className="d-flex flex-wrap justify-content-between align-items-center">
                <h3 className="h5 mb-1">{i.name}</h3>
                <span className={`br-tag ${i.status === 'active' ? 'success' : 'danger'}`}>
                  {i.status === 'active' ? 'Ativa' : 'Revogada'}
                </span>
              </div>
              <p className="text-down-01 mb-2">
                {operatorUnitLabels[i.unit]} · usuário <code>{i.username}</code> · origem permitida: {i.allowedCidr ?? 'qualquer endereço'}{' '}
                · cadastrada em {formatDateTime(i.createdAt)}
                {i.rotatedAt && ` · senha trocada em ${formatDateTime(i.rotatedAt)}`} · último uso:{' '}
                {i.lastUsedAt ? formatDateTime(i.lastUsedAt) : 'nunca'}
                {i.revokedAt && ` · revogada em ${formatDateTime(i.revokedAt)} (${i.revokeReason ?? ''})`}
              </p>
              <table className="br-table" aria-label={`Câmeras de ${i.name}`}>
                <thead>
                  <tr>
                    <th>Câmera</th>
                    <th>Endereço HLS para o VMS (autenticação HTTP Basic)</th>
                  </tr>
                </thead>
                <tbody>
                  {i.cameras.map((c) => (
                    <tr key={c.id}>
                      <td>{c.name}</td>
                      <td>
                        <code>{c.hlsUrl}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {i.status === 'active' && (
                <div className="mt-2">
                  <button type="button" className="br-button secondary small mr-2" onClick={() => void rotate(i)}>
                    Gerar nova senha
                  </button>
                  <button type="button" className="br-button secondary small" onClick={() => void revoke(i)}>
                    Revogar
                  </button>
                </div>
              )}
            </div>
          </div>
        ))}
      </section>

      <section className="mt-5" aria-labelledby="integrations-new">
        <h2 id="integrations-new" className="h4">
          Cadastrar sistema
        </h2>
        <form onSubmit={create} noValidate>
          <TextField id="integration-name" label="Nome do sistema" value={name} onChange={setName} error={error?.fieldMessage('name')} />
          <SelectField
            id="integration-unit"
            label="Unidade responsável"
            value={unit}
            onChange={(v) => setUnit(v as OperatorUnit)}
            options={operatorUnits.map((u) => ({ value: u, label: operatorUnitLabels[u] }))}
          />
          <TextField
            id="integration-cidr"
            label="Faixa de endereços de origem (opcional)"
            hint="Formato CIDR, por exemplo 10.20.0.0/16. Em branco: qualquer endereço."
            value={cidr}
            onChange={setCidr}
            error={error?.fieldMessage('allowedCidr')}
          />
          <fieldset className="mt-3">
            <legend className="h6">Câmeras autorizadas</legend>
            <CameraSearch id="integration-camera-search" pages={cameras} />
            {cameras.loading && <Loading />}
            {(cameras.data ?? []).map((c) => (
              <div className="br-checkbox mb-1" key={c.id}>
                <input id={`integration-cam-${c.id}`} type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
                <label htmlFor={`integration-cam-${c.id}`}>{c.name}</label>
              </div>
            ))}
            {error?.fieldMessage('cameraIds') && (
              <span className="feedback danger" role="alert">
                {error.fieldMessage('cameraIds')}
              </span>
            )}
          </fieldset>
          <button className="br-button primary mt-3" type="submit" disabled={busy || chosen.size === 0 || name.trim().length < 3}>
            Cadastrar e gerar senha
          </button>
        </form>
      </section>
    </>
  );
}

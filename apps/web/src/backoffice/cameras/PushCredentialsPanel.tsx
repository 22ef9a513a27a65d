import type { Camera, CameraPushCredentials } from '@vigia/contracts';
import { useRef, useState } from 'react';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { generatePushCredentials } from '../api/cameras-api';
import { useWrite } from '../obligations/shared/use-write';

/** rtsp(s)://user:password@host:port/push/<id> — what ffmpeg and most cameras take. */
export function publishUrlWithCredentials(c: CameraPushCredentials): string {
  return c.url.replace(
    /^(rtsps?):\/\//,
    (_, scheme: string) => `${scheme}://${encodeURIComponent(c.username)}:${encodeURIComponent(c.password)}@`,
  );
}

/**
 * "Envio pela câmera (sem IP público)": generates the RTSP push credentials of a camera behind
 * CGNAT / 4G / a firewall and shows them once, with copy buttons and how to configure the camera
 * or an on-site gateway (docs/cameras.md "Câmeras sem IP público"). Shown to whoever may edit the
 * camera (cameras.policy.ts pushCredentials); the server checks the camera's scope again.
 */
export function PushCredentialsPanel({ camera }: { camera: Camera }) {
  const [hasCredentials, setHasCredentials] = useState(camera.hasPushCredentials);
  const [shown, setShown] = useState<CameraPushCredentials | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useWrite<CameraPushCredentials>((credentials) => {
    setShown(credentials);
    setHasCredentials(true);
    setConfirming(false);
  });
  const generate = () => run(() => generatePushCredentials(camera.id));

  return (
    <section className="my-4" aria-labelledby="push-title">
      <h2 id="push-title" className="h4">
        Envio pela câmera (sem IP público)
      </h2>
      <p className="text-down-01">
        Para câmeras sem IP público (internet 4G, CGNAT, firewall do local): em vez de a plataforma buscar o vídeo, a câmera — ou um
        computador no local com ffmpeg ou GStreamer — envia o vídeo à plataforma por RTSP. Só é preciso conexão de saída; nenhuma porta
        precisa ser aberta no roteador.
      </p>
      <p data-testid="push-status">
        {hasCredentials
          ? 'Credenciais de envio já geradas. Gerar novas faz as atuais deixarem de funcionar na próxima conexão da câmera.'
          : 'Nenhuma credencial de envio gerada: a plataforma busca o vídeo no endereço cadastrado.'}
      </p>
      <ApiErrorMessage error={error} />
      {confirming ? (
        <div className="d-flex flex-wrap align-items-center">
          <span className="mr-2">As credenciais atuais deixarão de funcionar. Gerar novas?</span>
          <button type="button" className="br-button primary mr-2" onClick={() => void generate()} disabled={busy}>
            Confirmar
          </button>
          <button type="button" className="br-button secondary" onClick={() => setConfirming(false)} disabled={busy}>
            Cancelar
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="br-button secondary"
          onClick={() => (hasCredentials ? setConfirming(true) : void generate())}
          disabled={busy}
        >
          <i className="fas fa-key mr-1" aria-hidden="true" />
          {hasCredentials ? 'Gerar novas credenciais' : 'Gerar credenciais de envio'}
        </button>
      )}
      {shown && <ShownCredentials credentials={shown} />}
    </section>
  );
}

function ShownCredentials({ credentials: c }: { credentials: CameraPushCredentials }) {
  const full = publishUrlWithCredentials(c);
  // rtsps:// (RTSP over TLS, docs/cameras.md): the video and the Digest exchange travel encrypted.
  const tls = c.url.startsWith('rtsps://');
  const ffmpeg = `ffmpeg -rtsp_transport tcp -i rtsp://USUARIO:SENHA@IP-DA-CAMERA-NA-REDE-LOCAL:554/CAMINHO -an -c:v copy -f rtsp -rtsp_transport tcp '${full}'`;
  const gstreamer =
    `gst-launch-1.0 rtspsrc location=rtsp://IP-DA-CAMERA-NA-REDE-LOCAL:554/CAMINHO user-id=USUARIO user-pw=SENHA protocols=tcp ! ` +
    `rtph264depay ! h264parse config-interval=-1 ! rtspclientsink protocols=tcp location='${c.url}' user-id=${c.username} user-pw=${c.password}`;
  return (
    <div className="mt-3" data-testid="push-credentials">
      <Message kind="warning" title="Copie agora: a senha não será exibida de novo.">
        Se perdê-la, gere novas credenciais.
      </Message>
      <CopyField id="push-url" label="Endereço de envio (RTSP)" value={c.url} />
      <CopyField id="push-user" label="Usuário" value={c.username} />
      <CopyField id="push-password" label="Senha" value={c.password} />
      <h3 className="h5 mt-3">Como configurar</h3>
      <ul>
        <li>
          <strong>Câmera com envio RTSP (push/publicação):</strong> informe o endereço, o usuário e a senha acima no menu de envio da
          câmera. Use transporte TCP e vídeo H.264 ou H.265.
        </li>
        <li>
          <strong>Computador no local (gateway) com ffmpeg:</strong> ele lê a câmera na rede local e envia sem recodificar. Troque USUARIO,
          SENHA, IP e CAMINHO pelos da câmera e mantenha o comando rodando (por exemplo, um serviço systemd com reinício automático):
          <CopyField id="push-ffmpeg" label="Comando ffmpeg" value={ffmpeg} />
        </li>
        <li>
          <strong>Com GStreamer</strong> (para H.265 troque por <code>rtph265depay ! h265parse</code>):
          <CopyField id="push-gstreamer" label="Comando GStreamer" value={gstreamer} />
        </li>
      </ul>
      <p className="text-down-01">
        {tls
          ? 'O envio é cifrado (RTSP sobre TLS, endereço rtsps://) e usa autenticação Digest. A câmera ou o gateway precisa aceitar endereços ' +
            'rtsps:// (o ffmpeg e o GStreamer aceitam). '
          : 'O envio usa autenticação Digest (a senha não trafega), mas o vídeo não é cifrado: quando as imagens forem sensíveis, use uma VPN a partir do local. '}
        Muitas senhas erradas seguidas bloqueiam o endereço de origem por alguns minutos.
      </p>
    </div>
  );
}

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard API (plain HTTP, old browser): select the text so Ctrl+C copies it.
      input.current?.select();
      setCopied(document.execCommand?.('copy') ?? false);
    }
  };
  return (
    <div className="br-input mb-2">
      <label htmlFor={id}>{label}</label>
      <div className="d-flex align-items-center">
        <input
          ref={input}
          id={id}
          value={value}
          readOnly
          onFocus={(e) => e.target.select()}
          className="mr-2"
          style={{ fontFamily: 'monospace' }}
        />
        <button
          type="button"
          className="br-button secondary small"
          onClick={() => void copy()}
          aria-label={`Copiar ${label.toLowerCase()}`}
        >
          <i className="fas fa-copy mr-1" aria-hidden="true" />
          Copiar
        </button>
      </div>
      <span className="text-down-01" role="status">
        {copied === true ? 'Copiado.' : copied === false ? 'Selecionado: use Ctrl+C para copiar.' : ''}
      </span>
    </div>
  );
}

/** LEIA-ME.txt of every export package (Portuguese verifier instructions). `{id}` = export id. */
export const LEIA_ME = `VIGIA MAIS MT — PACOTE DE EXPORTAÇÃO DE IMAGENS
Pacote: {id}

Este pacote contém:
  - um arquivo MP4 por câmera (cópia exata da gravação, sem recodificação);
  - manifest.json: câmeras, parceiro, período (UTC), operador, motivo e o SHA-256 de cada arquivo;
  - manifest.sig: assinatura digital Ed25519 do manifest.json, feita pela plataforma;
  - CUSTODIA.txt e CUSTODIA.sig: cadeia de custódia (quem pediu, quem montou, quem baixou e quando),
    também assinada pela plataforma;
  - este LEIA-ME.txt (também listado no manifesto).

COMO VERIFICAR A INTEGRIDADE

1. Pela internet: abra o portal Vigia Mais MT, página "Verificar exportação"
   (/verificar-exportacao), e envie o arquivo ZIP recebido, sem descompactar. O resultado é
   "pacote íntegro" ou o nome de cada arquivo alterado, ausente ou acrescentado.

2. Sem internet (perícia): obtenha a chave pública da plataforma em
   /api/public/exports/public-key (campo "publicKey", salvo como chave-publica.pem) e execute,
   numa cópia do código aberto da plataforma:
       npm run cli -- export:verify <pacote.zip ou pasta> chave-publica.pem
   A saída "export package OK" confirma o pacote; cada linha "FAIL <arquivo>: <problema>"
   nomeia um arquivo alterado (file_altered), ausente (file_missing), acrescentado
   (file_unexpected) ou uma assinatura inválida (signature_invalid).

3. Manualmente: calcule o SHA-256 de cada arquivo (sha256sum no Linux, certutil -hashfile no
   Windows) e compare com o manifest.json; confira a assinatura Ed25519 de manifest.json com a
   chave pública publicada (por exemplo, openssl pkeyutl -verify -pubin -inkey chave-publica.pem
   -rawin -in manifest.json -sigfile <assinatura decodificada de base64>).

Qualquer alteração de um único byte em um arquivo faz a verificação falhar, nomeando o arquivo.
As imagens são sigilosas (Decreto nº 1.522/2022, art. 26 e 27): o uso indevido sujeita o
responsável a sanções administrativas, civis e penais.
`;

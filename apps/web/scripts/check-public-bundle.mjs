#!/usr/bin/env node
/**
 * Fails when the public portal's built JavaScript (dist/index.html and every chunk it loads)
 * contains back-office code. Run after `vite build`: `npm -w @vigia/web run check:bundles`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** Strings that exist only in src/backoffice. */
const backofficeOnly = [
  'Verificar cadeia',
  'Novo usuário',
  'Criar usuário',
  'Suspender',
  'Reativar',
  'Em breve',
  'Mosaico ao vivo',
  '/api/admin/',
  '/api/audit/',
  'Auditoria',
  '/api/accreditation/',
  '/api/files',
  'Minhas habilitações',
  'Fila de habilitações',
  'Emitir notificação',
  'Registrar parecer',
  'Homologar pedido',
  'Projeto executivo — pontos',
  // Leaflet itself is shared (the citizen's accident declaration picks its place on a map); the
  // back-office maps are caught by their own text.
  'Sem conexão com o servidor de mapas: o mapa aparece sem imagem de fundo, só com os pontos.',
  'Importar planilha',
  'Executar autoteste',
  '/api/cameras/',
  'vigia-cam-marker',
  // obligations (apps/web/src/backoffice/obligations)
  // exports and health (apps/web/src/backoffice/{exports,health})
  'Minhas exportações',
  '/api/exports',
  '/api/alerts',
  '/api/health/dashboard',
  'Piores parceiros do mês',
  '/api/loans',
  '/api/accountability/',
  '/api/inspections',
  '/api/complaints',
  '/api/sanctions',
  'Registrar retirada',
  'Notificar parceiro',
  'Apresentar defesa',
  'Registrar vistoria',
  'Publicar resultado',
  // access & releases (apps/web/src/backoffice/releases, backoffice/audit)
  '/api/releases',
  'Protocolar pedido',
  'Decidir e emitir o ato',
  'Exportar CSV',
  // security units (apps/web/src/backoffice/security-units): the admin API; the portal reads /api/public/security-units
  '/api/security-units',
  'Importar e substituir',
  'sinalizar a cooperação',
  // civil police (apps/web/src/backoffice/civil-police): the staff APIs; the portal's lookups use /api/public/…
  '/api/warrants',
  '/api/vehicle-records',
  'Cadastrar mandado pendente',
];

function referencedAssets(html) {
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
}

function importsOf(js) {
  return [...js.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => `assets/${m[1]}`);
}

const queue = referencedAssets(readFileSync(join(dist, 'index.html'), 'utf8'));
const seen = new Set();
const problems = [];
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const js = readFileSync(join(dist, file), 'utf8');
  queue.push(...importsOf(js));
  for (const needle of backofficeOnly) if (js.includes(needle)) problems.push(`${file}: "${needle}"`);
}

if (seen.size === 0) {
  console.error('No public JavaScript found in dist/index.html');
  process.exit(1);
}
if (problems.length > 0) {
  console.error(`Back-office strings in the public bundle:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Public bundle clean: ${[...seen].join(', ')}`);

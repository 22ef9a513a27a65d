/**
 * A Chromium performance trace over CDP (playwright-core has no `context.tracing` for performance
 * traces) and a summary of what held the renderer's main thread between two user-timing marks —
 * for the console benchmark: from the click on a saved layout (`bench:click`) to the last tile's
 * first frame (`bench:last`). Open the JSON in chrome://tracing or the DevTools Performance panel.
 */
import fs from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; [k: string]: unknown };
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'loading',
  'netlog',
  'media',
];

export class ChromeTrace {
  private readonly events: TraceEvent[] = [];
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<ChromeTrace> {
    const cdp = await page.context().newCDPSession(page);
    const t = new ChromeTrace(cdp);
    cdp.on('Tracing.dataCollected', (e) => t.events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
    return t;
  }

  /** Ends the trace, writes it (Trace Event Format) and returns its events. */
  async stop(file: string): Promise<TraceEvent[]> {
    const done = new Promise<void>((resolve) => this.cdp.once('Tracing.tracingComplete', () => resolve()));
    await this.cdp.send('Tracing.end');
    await done;
    await this.cdp.detach();
    fs.writeFileSync(file, JSON.stringify({ traceEvents: this.events }));
    return this.events;
  }
}

const ms = (us: number) => Math.round(us / 100) / 10;

/** What a top-level task mostly did: its longest direct child with a telling name. */
function label(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  const url = typeof d.url === 'string' ? d.url.replace(/^.*\//, '') : '';
  const fn = typeof d.functionName === 'string' && d.functionName ? d.functionName : '';
  const type = typeof d.type === 'string' ? d.type : '';
  return [e.name, type, fn, url].filter(Boolean).join(' ');
}

/**
 * Main-thread summary between the marks: busy time, idle time, tasks ≥ `longMs` in order (start
 * since the click, duration, what they ran), busy time by kind, and the page's network and
 * WebSocket events in that window.
 */
export function summariseTrace(events: TraceEvent[], fromMark = 'bench:click', toMark = 'bench:last', longMs = 8): string {
  const from = events.find((e) => e.name === fromMark && e.cat.includes('blink.user_timing'));
  const to = events.filter((e) => e.name === toMark && e.cat.includes('blink.user_timing')).pop();
  if (!from || !to) return `trace: marks ${fromMark} / ${toMark} not found`;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === from.pid);
  const tid = main?.tid ?? from.tid;
  const onMain = events.filter((e) => e.pid === from.pid && e.tid === tid && e.ph === 'X' && e.ts >= from.ts && e.ts <= to.ts);
  // Top-level tasks only (Chromium nests RunTask in ThreadControllerImpl::RunTask).
  const all = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const tasks = all.filter(
    (t) =>
      !all.some(
        (o) =>
          o !== t &&
          o.ts <= t.ts &&
          o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) &&
          (o.dur ?? 0) >= (t.dur ?? 0) &&
          (o.ts < t.ts || (o.dur ?? 0) > (t.dur ?? 0) || all.indexOf(o) < all.indexOf(t)),
      ),
  );
  const busy = tasks.reduce((s, t) => s + (t.dur ?? 0), 0);
  const kinds = new Map<string, number>();
  const lines: string[] = [];
  const interesting = new Set([
    'FunctionCall',
    'EvaluateScript',
    'v8.compile',
    'v8.compileModule',
    'v8.evaluateModule',
    'TimerFire',
    'EventDispatch',
    'FireAnimationFrame',
    'XHRReadyStateChange',
    'ParseHTML',
    'Layout',
    'UpdateLayoutTree',
    'Paint',
    'PrePaint',
    'Layerize',
    'MajorGC',
    'MinorGC',
    'V8.GC_SCAVENGER',
    'RunMicrotasks',
    'ResourceReceivedData',
    'HitTest',
    'ScheduleStyleRecalculation',
  ]);
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const children = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end && interesting.has(e.name));
    // Direct-ish children: not contained in another interesting child of the same task.
    const top = children.filter(
      (c) => !children.some((o) => o !== c && o.ts <= c.ts && o.ts + (o.dur ?? 0) >= c.ts + (c.dur ?? 0) && (o.dur ?? 0) > (c.dur ?? 0)),
    );
    for (const c of top) kinds.set(c.name, (kinds.get(c.name) ?? 0) + (c.dur ?? 0));
    const other = (t.dur ?? 0) - top.reduce((s, c) => s + (c.dur ?? 0), 0);
    kinds.set('(other in tasks)', (kinds.get('(other in tasks)') ?? 0) + Math.max(0, other));
    if ((t.dur ?? 0) >= longMs * 1000) {
      const what = top
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 4)
        .map((c) => `${label(c)} ${ms(c.dur ?? 0)}`)
        .join('; ');
      lines.push(`  +${ms(t.ts - from.ts)} ms  ${ms(t.dur ?? 0)} ms  ${what}`);
    }
  }
  const net = events
    .filter(
      (e) =>
        e.pid === from.pid &&
        e.ts >= from.ts &&
        e.ts <= to.ts &&
        [
          'ResourceSendRequest',
          'ResourceReceiveResponse',
          'ResourceFinish',
          'WebSocketCreate',
          'WebSocketReceiveHandshakeResponse',
        ].includes(e.name),
    )
    .map((e) => `  +${ms(e.ts - from.ts)} ms  ${e.name} ${String(e.args?.data?.url ?? '').replace(/^https?:\/\/[^/]+/, '')}`);
  const tiles = events
    .filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('bench:tile') && e.ts >= from.ts)
    .map((e) => `${e.name.slice(10)}@${ms(e.ts - from.ts)}`);
  return [
    `main thread, click → last first frame (${ms(to.ts - from.ts)} ms): busy ${ms(busy)} ms in ${tasks.length} tasks, idle ${ms(to.ts - from.ts - busy)} ms`,
    `busy time by kind: ${[...kinds.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${ms(v)}`)
      .join(', ')}`,
    `tasks ≥ ${longMs} ms (start since the click, duration, main work):`,
    ...lines,
    'network / WebSocket (renderer side):',
    ...net,
    `tiles' first frames (tile@ms): ${tiles.join(' ')}`,
  ].join('\n');
}

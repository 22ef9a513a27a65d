import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinCaseLimit } from './fuzz-guard';
import { parseHead, parsePublic, parseRequestLine, parseSession, parseStatusLine, parseTransport, serializeResponse } from './rtsp-message';

// A malicious camera controls every byte of its RTSP answers (issue 12, fuzz requirement).
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        'RTSP/1.0 ',
        '200',
        ' OK',
        '\r\n',
        '\n',
        ':',
        ';',
        '=',
        ',',
        '-',
        ' ',
        '\t',
        'interleaved',
        'client_port',
        'ssrc',
        'timeout',
        '9999999999999999999',
        'x',
      ),
      { maxLength: 120 },
    )
    .map((a) => a.join('')),
);

describe('RTSP message parsing under generated hostile input', () => {
  it('never throws and returns well-formed values for any text', () => {
    fc.assert(
      fc.property(hostileText, (text) =>
        withinCaseLimit(() => {
          const head = parseHead(text);
          for (const [name, values] of head.headers) {
            expect(name).toBe(name.toLowerCase());
            expect(values.length).toBeGreaterThan(0);
          }
          const status = parseStatusLine(head.startLine);
          if (status) expect(status.status).toBeGreaterThanOrEqual(0);
          parseRequestLine(head.startLine);
          const t = parseTransport(text);
          if (t.ssrc !== undefined) expect(t.ssrc >>> 0).toBe(t.ssrc);
          for (const r of [t.interleaved, t.clientPort, t.serverPort]) if (r) expect(r.every(Number.isInteger)).toBe(true);
          const s = parseSession(text);
          if (s.timeoutSec !== undefined) expect(Number.isFinite(s.timeoutSec)).toBe(true);
          for (const m of parsePublic(text)) expect(m).toBe(m.toUpperCase());
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('reads back what it serializes (status and headers)', () => {
    const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
    const value = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        token,
        fc.array(fc.tuple(token, value), { maxLength: 8 }),
        (status, reason, headers) =>
          withinCaseLimit(() => {
            const text = serializeResponse(status, reason, headers)
              .toString('latin1')
              .replace(/\r\n\r\n$/, '');
            const head = parseHead(text);
            expect(parseStatusLine(head.startLine)).toEqual({ version: 'RTSP/1.0', status, reason });
            for (const [k, v] of headers) expect(head.headers.get(k.toLowerCase())).toContain(v);
          }),
      ),
      { numRuns: 300 },
    );
  });
});

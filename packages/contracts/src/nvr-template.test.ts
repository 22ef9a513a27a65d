import { describe, expect, it } from 'vitest';
import { expandNvrTemplate, formatInstant, nvrPresets, nvrTemplateProblem } from './nvr-template';

// 14:30:05 in Cuiabá (UTC−4, no daylight saving since 2019) = 18:30:05 UTC.
const start = new Date('2026-03-10T18:30:05Z');
const end = new Date('2026-03-10T18:35:00Z');
const at = { host: 'nvr.prefeitura.mt.gov.br', port: 554, channel: 3, start, end };

describe('NVR playback URL templates (Art. 25 §2: footage kept in the partner own recorder)', () => {
  it('expands the Hikvision preset in the NVR local time (America/Cuiaba), with the literal Z Hikvision expects', () => {
    expect(expandNvrTemplate(nvrPresets.hikvision, at)).toBe(
      'rtsp://nvr.prefeitura.mt.gov.br:554/Streaming/tracks/301?starttime=20260310T143005Z&endtime=20260310T143500Z',
    );
  });

  it('expands the Dahua preset in local time', () => {
    expect(expandNvrTemplate(nvrPresets.dahua, at)).toBe(
      'rtsp://nvr.prefeitura.mt.gov.br:554/cam/playback?channel=3&subtype=0&starttime=2026_03_10_14_30_05&endtime=2026_03_10_14_35_00',
    );
  });

  it('makes the zone explicit: @utc, @local and an IANA zone differ as they should', () => {
    const t = "rtsp://{host}:{port}/x?a={start@utc:yyyyMMdd'T'HHmmss'Z'}&b={start@local:HHmmss}&c={end@America/Sao_Paulo:HH:mm}";
    expect(expandNvrTemplate(t, at)).toBe('rtsp://nvr.prefeitura.mt.gov.br:554/x?a=20260310T183005Z&b=143005&c=15:35');
    // Another NVR zone for @local; midnight crossing changes the date too.
    expect(formatInstant(new Date('2026-03-11T02:00:00Z'), 'yyyy-MM-dd HH', 'America/Cuiaba')).toBe('2026-03-10 22');
    expect(expandNvrTemplate('rtsp://{host}/p?s={start@local:HH}', { ...at, localTimeZone: 'UTC' })).toBe(
      'rtsp://nvr.prefeitura.mt.gov.br/p?s=18',
    );
  });

  it('brackets an IPv6 host', () => {
    expect(expandNvrTemplate('rtsp://{host}:{port}/p?s={start@utc:yyyy}', { ...at, host: '2001:db8::1' })).toBe(
      'rtsp://[2001:db8::1]:554/p?s=2026',
    );
  });

  it('refuses templates without an explicit zone, unknown tokens or formats, or without a start', () => {
    expect(nvrTemplateProblem(nvrPresets.hikvision)).toBeUndefined();
    expect(nvrTemplateProblem('http://{host}/x?s={start@utc:yyyy}')).toMatch(/rtsp:\/\//);
    expect(nvrTemplateProblem('rtsp://{host}/x?s={start:yyyyMMdd}')).toMatch(/fuso/);
    expect(nvrTemplateProblem('rtsp://{host}/x?s={start@Marte/Olimpo:yyyy}')).toMatch(/Fuso desconhecido/);
    expect(nvrTemplateProblem('rtsp://{host}/x?s={start@utc:yyyyQQ}')).toMatch(/Formato/);
    expect(nvrTemplateProblem('rtsp://{host}/x?s={begin@utc:yyyy}')).toMatch(/desconhecido/);
    expect(nvrTemplateProblem('rtsp://{host}/x')).toMatch(/início/);
    expect(nvrTemplateProblem('rtsp://{host}/x?s={start@utc:yyyy}&{oops')).toMatch(/Chaves/);
    expect(() => expandNvrTemplate('rtsp://{host}/x', at)).toThrow();
  });
});

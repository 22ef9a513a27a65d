import { describe, expect, it } from 'vitest';
import { pathOfReportedUrl, publicStreamUrl } from './onvif-client';
import { envelope, isAuthFault, passwordDigest, readFault } from './soap';
import { findAll, parseXml, textAt, XmlError } from './xml';

describe('WS-Security PasswordDigest', () => {
  it('is Base64(SHA-1(nonce + created + password)) (known answer computed independently)', () => {
    expect(passwordDigest(Buffer.from([...Array(16).keys()]), '2024-05-01T12:00:00.000Z', 'S3nh@ forte')).toBe(
      'Luk0O73igQRKvwcu4d8Lf7XUgi8=',
    );
  });

  it('puts the token in the SOAP 1.2 header with the user name escaped and never the password', () => {
    const xml = envelope('<tds:GetDeviceInformation/>', {
      username: 'a<b&"c',
      password: 'segredo',
      created: '2024-05-01T12:00:00.000Z',
      nonce: Buffer.alloc(16, 7),
    });
    expect(xml).not.toContain('segredo');
    const root = parseXml(xml);
    expect(textAt(root, 'Header', 'Security', 'UsernameToken', 'Username')).toBe('a<b&"c');
    expect(textAt(root, 'Header', 'Security', 'UsernameToken', 'Password')).toBe(
      passwordDigest(Buffer.alloc(16, 7), '2024-05-01T12:00:00.000Z', 'segredo'),
    );
    expect(textAt(root, 'Header', 'Security', 'UsernameToken', 'Nonce')).toBe(Buffer.alloc(16, 7).toString('base64'));
  });
});

describe('namespace-agnostic XML extraction', () => {
  const answer = `<?xml version="1.0" encoding="UTF-8"?>
<!-- recorded shape -->
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema">
  <SOAP-ENV:Body>
    <trt:GetStreamUriResponse>
      <trt:MediaUri><tt:Uri>rtsp://192.168.1.64:554/Streaming/Channels/101?transportmode=unicast&amp;profile=Profile_1</tt:Uri>
      <tt:Timeout>PT60S</tt:Timeout></trt:MediaUri>
    </trt:GetStreamUriResponse>
    <Other><![CDATA[<not markup> &amp;]]></Other><Empty attr='x &#x41;&#66;'/>
  </SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;

  it('matches local names whatever the prefix, decodes entities and CDATA', () => {
    const root = parseXml(answer);
    expect(root.name).toBe('Envelope');
    expect(textAt(root, 'Body', 'MediaUri', 'Uri')).toBe(
      'rtsp://192.168.1.64:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1',
    );
    expect(textAt(root, 'Other')).toBe('<not markup> &amp;');
    expect(findAll(root, 'Empty')[0]!.attributes.attr).toBe('x AB');
  });

  it('refuses DTDs (XXE, entity expansion), broken nesting and oversized input', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toThrow(XmlError);
    expect(() => parseXml('<a><b></a></b>')).toThrow(/mismatched/);
    expect(() => parseXml('<a>')).toThrow(/unterminated/);
    expect(() => parseXml(`<a>${'<b/>'.repeat(50)}</a>`, { maxElements: 10 })).toThrow(/too many/);
    expect(() => parseXml(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)).toThrow(/too deep/);
    expect(() => parseXml('<a/><b/>')).toThrow(/more than one root/);
  });

  it('reads SOAP 1.2 and SOAP 1.1 faults; NotAuthorized is an authentication fault', () => {
    const f12 = readFault(
      parseXml(
        '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value>' +
          '<env:Subcode><env:Value>ter:NotAuthorized</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">Sender not Authorized</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>',
      ),
    )!;
    expect(f12).toEqual({ codes: ['Sender', 'NotAuthorized'], reason: 'Sender not Authorized' });
    expect(isAuthFault(f12)).toBe(true);
    const f11 = readFault(
      parseXml(
        '<s:Envelope xmlns:s="x"><s:Body><s:Fault><faultcode>wsse:FailedAuthentication</faultcode><faultstring>bad</faultstring></s:Fault></s:Body></s:Envelope>',
      ),
    )!;
    expect(isAuthFault(f11)).toBe(true);
    expect(isAuthFault({ codes: ['Receiver', 'ActionNotSupported'], reason: 'Optional Action Not Implemented' })).toBe(false);
  });
});

describe('stream URI rewriting (NAT)', () => {
  it('keeps path and query, uses the registered host and RTSP port, drops user info', () => {
    expect(
      publicStreamUrl(
        'rtsp://admin:x@192.168.1.64:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1',
        'cam.ddns.net',
        10554,
      ),
    ).toEqual({
      url: 'rtsp://cam.ddns.net:10554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1',
      rewritten: true,
    });
    expect(publicStreamUrl('rtsp://200.101.10.20/live', '200.101.10.20', 554)).toEqual({
      url: 'rtsp://200.101.10.20:554/live',
      rewritten: false,
    });
    expect(publicStreamUrl('rtsp://[fd00::5]:554/ch1', '2804:14c::1', 554).url).toBe('rtsp://[2804:14c::1]:554/ch1');
  });

  it('refuses other schemes and unusable paths', () => {
    expect(() => pathOfReportedUrl('http://192.168.1.64/onvif/Media', ['rtsp:'])).toThrow(/scheme/);
    expect(() => pathOfReportedUrl(`rtsp://h/${'a'.repeat(250)}`, ['rtsp:'])).toThrow(/path/);
    expect(pathOfReportedUrl('rtsp://h/a"b c', ['rtsp:'])).toBe('/a%22b%20c');
    expect(() => pathOfReportedUrl('not a url', ['rtsp:'])).toThrow(/unparseable/);
    expect(pathOfReportedUrl('http://192.168.1.64/onvif/Media', ['http:', 'https:'])).toBe('/onvif/Media');
  });
});

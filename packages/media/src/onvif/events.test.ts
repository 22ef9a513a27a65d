import { describe, expect, it } from 'vitest';
import { cameraEventOf, type OnvifNotification, readNotifications } from './events';
import { parseXml } from './xml';

/** A PullMessagesResponse as Hikvision-style firmware sends it (tev/wsnt/tt prefixes, tns1 topics). */
const pulled = `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:tt="http://www.onvif.org/ver10/schema"
  xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:tev="http://www.onvif.org/ver10/events/wsdl" xmlns:tns1="http://www.onvif.org/ver10/topics">
<env:Body><tev:PullMessagesResponse><tev:CurrentTime>2026-12-07T12:00:01Z</tev:CurrentTime><tev:TerminationTime>2026-12-07T12:05:01Z</tev:TerminationTime>
<wsnt:NotificationMessage><wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">tns1:VideoSource/MotionAlarm</wsnt:Topic>
<wsnt:Message><tt:Message UtcTime="2026-12-07T12:00:00Z" PropertyOperation="Changed"><tt:Source><tt:SimpleItem Name="Source" Value="VideoSource_1"/></tt:Source>
<tt:Data><tt:SimpleItem Name="State" Value="true"/></tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>
<wsnt:NotificationMessage><wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">tns1:RuleEngine/TamperDetector/Tamper</wsnt:Topic>
<wsnt:Message><tt:Message UtcTime="2026-12-07T12:00:00.500Z" PropertyOperation="Changed"><tt:Source><tt:SimpleItem Name="VideoSourceConfigurationToken" Value="VideoSourceToken"/>
<tt:SimpleItem Name="Rule" Value="MyTamperDetectorRule"/></tt:Source><tt:Data><tt:SimpleItem Name="IsTamper" Value="true"/></tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>
</tev:PullMessagesResponse></env:Body></env:Envelope>`;

const n = (topic: string, data: Record<string, string>, operation: string | null = 'Changed'): OnvifNotification => ({
  topic,
  utcTime: '2026-12-07T12:00:00Z',
  operation,
  source: {},
  data,
});

describe('ONVIF events (PullPoint)', () => {
  it('reads topic, time, operation, source and data of each notification', () => {
    const got = readNotifications(parseXml(pulled));
    expect(got).toEqual([
      {
        topic: 'tns1:VideoSource/MotionAlarm',
        utcTime: '2026-12-07T12:00:00Z',
        operation: 'Changed',
        source: { Source: 'VideoSource_1' },
        data: { State: 'true' },
      },
      {
        topic: 'tns1:RuleEngine/TamperDetector/Tamper',
        utcTime: '2026-12-07T12:00:00.500Z',
        operation: 'Changed',
        source: { VideoSourceConfigurationToken: 'VideoSourceToken', Rule: 'MyTamperDetectorRule' },
        data: { IsTamper: 'true' },
      },
    ]);
    expect(got.map(cameraEventOf)).toEqual(['motion', 'tamper']);
  });

  it('motion and tamper topics become events when they turn active, whatever the prefix', () => {
    expect(cameraEventOf(n('tns1:RuleEngine/CellMotionDetector/Motion', { IsMotion: 'true' }))).toBe('motion');
    expect(cameraEventOf(n('ns2:VideoSource/MotionAlarm', { State: 'TRUE' }))).toBe('motion');
    expect(cameraEventOf(n('tns1:VideoSource/GlobalSceneChange/ImagingService', { State: 'true' }))).toBe('tamper');
    expect(cameraEventOf(n('tns1:VideoSource/ImageTooDark/AnalyticsService', { State: 'true' }))).toBe('tamper');
  });

  it('an alarm ending, the state reported when subscribing and other topics are not events', () => {
    expect(cameraEventOf(n('tns1:VideoSource/MotionAlarm', { State: 'false' }))).toBeNull();
    expect(cameraEventOf(n('tns1:VideoSource/MotionAlarm', { State: 'true' }, 'Initialized'))).toBeNull();
    expect(cameraEventOf(n('tns1:Device/Trigger/DigitalInput', { LogicalState: 'true' }))).toBeNull();
    expect(cameraEventOf(n('tns1:RuleEngine/TamperDetector/Tamper', { State: 'true' }))).toBeNull();
  });
});

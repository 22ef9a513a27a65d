/**
 * RTP/RTCP over UDP for one track of an RTSP session (RTP/AVP;unicast;client_port=a-b): an
 * even/odd pair of sockets bound on the local address of the RTSP connection, a reorder
 * buffer in front of the depacketizer, and receiver reports back to the camera.
 *
 * Only datagrams from the camera's address (the peer of the RTSP connection, already
 * checked by the caller's outbound guard) are accepted, and reports are only sent there:
 * a Transport header cannot redirect the node to another host.
 */
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import { JitterBuffer, type JitterBufferOptions } from './jitter-buffer';

export interface UdpTrackOptions {
  /** Local address to bind (the RTSP connection's local address). */
  bindAddress: string;
  /** The camera's address (the RTSP connection's remote address). */
  peerAddress: string;
  onRtp(packet: Buffer): void;
  onRtcp(packet: Buffer): void;
  jitter?: JitterBufferOptions;
  /** Socket receive buffer (default 2 MiB; the kernel may cap it). */
  receiveBufferBytes?: number;
}

export interface UdpTrackStats {
  /** Datagrams from other addresses, ignored. */
  foreignPackets: number;
}

const normalize = (a: string) => a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

export class UdpTrack {
  readonly stats: UdpTrackStats = { foreignPackets: 0 };
  readonly jitter: JitterBuffer;
  private serverRtcpPort: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly peer: string;

  private constructor(
    private readonly rtp: dgram.Socket,
    private readonly rtcp: dgram.Socket,
    private readonly opts: UdpTrackOptions,
  ) {
    this.peer = normalize(opts.peerAddress);
    this.jitter = new JitterBuffer((p) => opts.onRtp(p), opts.jitter);
    rtp.on('message', (msg, rinfo) => {
      if (normalize(rinfo.address) !== this.peer) {
        this.stats.foreignPackets++;
        return;
      }
      this.jitter.push(msg, performance.now());
      this.schedule();
    });
    rtcp.on('message', (msg, rinfo) => {
      if (normalize(rinfo.address) !== this.peer) {
        this.stats.foreignPackets++;
        return;
      }
      opts.onRtcp(msg);
    });
    // Errors (ICMP port unreachable on send…) must not crash the process; data timeouts decide.
    rtp.on('error', () => undefined);
    rtcp.on('error', () => undefined);
  }

  /** Binds an even RTP port and the next odd one for RTCP (retries on collisions). */
  static async open(opts: UdpTrackOptions): Promise<UdpTrack> {
    const type = isIPv6(opts.bindAddress) ? 'udp6' : 'udp4';
    for (let attempt = 0; attempt < 20; attempt++) {
      const a = await bind(type, opts.bindAddress, 0);
      const pa = a.address().port;
      const wantB = pa % 2 === 0 ? pa + 1 : pa - 1;
      let b: dgram.Socket;
      try {
        b = await bind(type, opts.bindAddress, wantB);
      } catch {
        a.close();
        continue;
      }
      const [rtp, rtcp] = pa % 2 === 0 ? [a, b] : [b, a];
      try {
        rtp.setRecvBufferSize(opts.receiveBufferBytes ?? 2 * 1024 * 1024);
      } catch {
        // capped by net.core.rmem_max: keep the default
      }
      return new UdpTrack(rtp, rtcp, opts);
    }
    throw new Error('no free even/odd UDP port pair');
  }

  get rtpPort(): number {
    return this.rtp.address().port;
  }

  get rtcpPort(): number {
    return this.rtcp.address().port;
  }

  /** The camera's RTCP port from the SETUP answer (server_port=a-b), for receiver reports. */
  setServerRtcpPort(port: number | undefined): void {
    this.serverRtcpPort = port;
  }

  sendRtcp(packet: Buffer): void {
    if (this.closed || !this.serverRtcpPort) return;
    this.rtcp.send(packet, this.serverRtcpPort, this.opts.peerAddress);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.jitter.reset();
    this.rtp.close();
    this.rtcp.close();
  }

  private schedule(): void {
    if (this.timer || this.jitter.buffered === 0) return;
    const wait = this.jitter.poll(performance.now());
    if (wait === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.closed) return;
      this.jitter.poll(performance.now());
      this.schedule();
    }, Math.ceil(wait));
  }
}

function bind(type: 'udp4' | 'udp6', address: string, port: number): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket({ type, reuseAddr: false });
    s.once('error', (err) => {
      try {
        s.close();
      } catch {
        // never bound
      }
      reject(err);
    });
    s.bind({ port, address, exclusive: true }, () => {
      s.removeAllListeners('error');
      resolve(s);
    });
  });
}

#!/usr/bin/env python3
"""
Live "clock camera" for glass-to-glass measurements: an RTSP server (GStreamer GstRtspServer)
whose picture carries the wall-clock time at which each frame was made, as a machine-readable
pattern: 48 bits of epoch milliseconds in two rows of 24 black/white blocks (white = 1), framed by
a white and a black reference block. The frame is encoded live (x264, zerolatency, ultrafast,
no B-frames), so glass-to-glass measured against it includes this encoder (a few ms) — a
conservative figure. A page reads the blocks back from a <canvas> and compares with Date.now().

  /usr/bin/python3 clock-camera.py --port 0 [--fps 30] [--size 640x360]
Serves rtsp://127.0.0.1:PORT/clock (no authentication); prints "READY <port>".
"""
import argparse
import signal
import sys
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

BITS = 48
COLS = 24
BLOCK = 24  # pixels; the page samples each block's centre


def make_frame(width, height, ms):
    buf = bytearray(width * height)  # GRAY8, black
    top = 48

    def fill(bx, by, value):
        if not value:
            return
        x0 = 8 + bx * BLOCK
        y0 = top + by * BLOCK
        row = b"\xff" * BLOCK
        for y in range(y0, y0 + BLOCK):
            off = y * width + x0
            buf[off:off + BLOCK] = row

    for i in range(BITS):
        fill(i % COLS, i // COLS, (ms >> (BITS - 1 - i)) & 1)
    fill(0, 2, 1)  # reference white (block 0 of row 2); block 1 of row 2 stays black
    return bytes(buf)


class Clock:
    def __init__(self, appsrc, width, height, fps):
        self.appsrc, self.width, self.height, self.fps = appsrc, width, height, fps
        self.start = None
        self.count = 0
        self.timer = GLib.timeout_add(max(1, int(1000 / fps)), self.push)

    def push(self):
        ms = int(time.time() * 1000)
        data = make_frame(self.width, self.height, ms)
        buf = Gst.Buffer.new_wrapped(data)
        if self.start is None:
            self.start = ms
        buf.pts = (ms - self.start) * Gst.MSECOND
        buf.duration = Gst.SECOND // self.fps
        self.count += 1
        return self.appsrc.emit("push-buffer", buf) == Gst.FlowReturn.OK


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--address", default="127.0.0.1")
    ap.add_argument("--fps", type=int, default=30)
    ap.add_argument("--size", default="640x360")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address(args.address)
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        "( appsrc name=src is-live=true format=time "
        f"caps=video/x-raw,format=GRAY8,width={width},height={height},framerate={args.fps}/1 "
        "! videoconvert ! video/x-raw,format=I420 "
        f"! x264enc tune=zerolatency speed-preset=ultrafast bframes=0 key-int-max={args.fps} bitrate=1500 "
        "! video/x-h264,profile=constrained-baseline ! rtph264pay name=pay0 pt=96 config-interval=-1 )"
    )
    factory.set_shared(True)

    def on_configure(_f, media):
        appsrc = media.get_element().get_by_name_recurse_up("src")
        media.clock_source = Clock(appsrc, width, height, args.fps)

    factory.connect("media-configure", on_configure)
    server.get_mount_points().add_factory("/clock", factory)
    if server.attach(None) == 0:
        print("cannot listen", file=sys.stderr)
        sys.exit(2)
    loop = GLib.MainLoop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    print(f"READY {server.get_bound_port()}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()

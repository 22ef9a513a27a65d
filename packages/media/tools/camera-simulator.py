#!/usr/bin/env python3
"""Camera simulator for @vigia/media tests and benchmarks.

Serves N simulated IP cameras on one RTSP port using GStreamer's RTSP server
(GstRtspServer via PyGObject):

    rtsp://127.0.0.1:<port>/cam1 ... /camN         H.264
    rtsp://127.0.0.1:<port>/hevc1 ... /hevcM       H.265 (with --hevc-count M)
    rtsp://127.0.0.1:<port>/av1 ... /avK           H.264 + AAC audio (with --audio-count K;
                                                   a live sine tone, RFC 3640 mpeg4-generic)
    rtsp://127.0.0.1:<port>/tcponly1 ...           H.264 refusing RTP over UDP (461), with
                                                   --tcp-only-count
    rtsp://127.0.0.1:<port>/ptz1 ...               H.264 PTZ cameras (with --ptz-count): a crop
                                                   window panned and zoomed over a larger still
                                                   scene, encoded live; stdin lines
                                                   "PTZ <n> <pan> <tilt> <zoom>" (pan/tilt -1..1,
                                                   zoom 0..1) move it — the test ONVIF responder
                                                   forwards its PTZ position here

Video comes from ONE pre-encoded clip per codec (ffmpeg testsrc2 with a burned-in
clock/frame counter; cached on disk), parsed once into access units in memory and
looped forever for every client session (each session has its own small appsrc ->
payloader pipeline sharing the same buffer memory). No per-camera encoding or file
parsing, so hundreds of cameras are cheap to simulate.

Authentication: Digest (default), Basic, both, or none. Prints "READY <port>" on stdout
once listening (use --port 0 for a free port).

Requires Debian packages: gstreamer1.0-rtsp, gstreamer1.0-plugins-{good,bad}, python3-gi,
gir1.2-gst-rtsp-server-1.0, ffmpeg. Run with the system interpreter (/usr/bin/python3).
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]


def log(msg):
    print(f"[camera-simulator] {msg}", file=sys.stderr, flush=True)


def default_cache_dir():
    base = os.environ.get("VIGIA_MEDIA_CACHE") or os.path.join(tempfile.gettempdir(), "vigia-media-sim")
    os.makedirs(base, exist_ok=True)
    return base


def ensure_clip(codec, width, height, fps, bitrate_kbps, seconds, cache_dir):
    """Encodes the test clip once (Annex-B elementary stream) and returns its path."""
    key = f"{codec}-{width}x{height}-{fps}fps-{bitrate_kbps}k-{seconds}s-v2"
    path = os.path.join(cache_dir, f"clip-{key}.{'h264' if codec == 'h264' else 'h265'}")
    if os.path.exists(path) and os.path.getsize(path) > 0:
        return path
    font = next((f for f in FONT_CANDIDATES if os.path.exists(f)), None)
    size = max(16, height // 18)
    if font:
        # Wall clock of the encoding run + running timecode + frame number, burned in.
        text = "Vigia Mais MT sim  %{localtime}  t=%{pts\\:hms}  frame %{n}"
        vf = (
            f"drawtext=fontfile={font}:text='{text}':fontsize={size}:fontcolor=white"
            f":box=1:boxcolor=black@0.6:x=20:y=20"
        )
    else:
        vf = "null"  # no font: testsrc2 already shows a moving pattern; timecode unavailable
    gop = fps  # 1 s GOP
    common = [
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"testsrc2=size={width}x{height}:rate={fps}",
        "-t", str(seconds), "-vf", vf, "-pix_fmt", "yuv420p",
        "-b:v", f"{bitrate_kbps}k", "-maxrate", f"{bitrate_kbps}k", "-bufsize", f"{bitrate_kbps}k",
        "-g", str(gop), "-keyint_min", str(gop), "-bf", "0",
    ]
    if codec == "h264":
        cmd = common + [
            "-c:v", "libx264", "-profile:v", "high", "-preset", "veryfast",
            "-x264-params", "scenecut=0:bframes=0", "-bsf:v", "h264_mp4toannexb", "-f", "h264",
        ]
    else:
        cmd = common + [
            "-c:v", "libx265", "-preset", "veryfast",
            "-x265-params", f"log-level=error:keyint={gop}:min-keyint={gop}:scenecut=0:bframes=0:repeat-headers=1",
            "-f", "hevc",
        ]
    tmp = path + f".tmp{os.getpid()}"
    log(f"encoding {codec} clip {key} ...")
    subprocess.run(cmd + [tmp], check=True)
    os.replace(tmp, path)
    return path


def load_access_units(path, codec):
    """Parses the clip once with GStreamer into a list of (Gst.Buffer, is_keyframe)."""
    parser = "h264parse" if codec == "h264" else "h265parse"
    caps = f"video/x-{codec},stream-format=byte-stream,alignment=au"
    pipeline = Gst.parse_launch(
        f"filesrc location={path} ! {parser} config-interval=-1 ! {caps} ! appsink name=sink sync=false"
    )
    sink = pipeline.get_by_name("sink")
    pipeline.set_state(Gst.State.PLAYING)
    units = []
    out_caps = None
    while True:
        sample = sink.emit("pull-sample")
        if sample is None:
            break
        if out_caps is None:
            out_caps = sample.get_caps().to_string()
        buf = sample.get_buffer()
        units.append((buf, not buf.has_flags(Gst.BufferFlags.DELTA_UNIT)))
    pipeline.set_state(Gst.State.NULL)
    if not units:
        raise RuntimeError(f"no access units parsed from {path}")
    # Start the loop on a keyframe.
    first_key = next(i for i, (_, k) in enumerate(units) if k)
    units = units[first_key:]
    return units, out_caps


class ClipSource:
    """Feeds one media pipeline's appsrc from the shared in-memory access units.

    Pull model: appsrc asks for data ("need-data") and we push the next access unit with
    a synthetic timestamp (n / fps). The RTSP server's sinks are clock-synchronized, so
    this paces the stream at the clip frame rate without any timer of our own. The
    Gst.Buffer memory is shared by all cameras; only the (shallow) buffer metadata is
    copied to set per-camera timestamps.
    """

    def __init__(self, appsrc, units, fps):
        self.appsrc = appsrc
        self.units = units
        self.frame_ns = Gst.SECOND // fps
        self.n = 0
        appsrc.connect("need-data", self.on_need_data)

    def on_need_data(self, src, _length):
        buf, _key = self.units[self.n % len(self.units)]
        out = buf.copy()
        out.pts = self.n * self.frame_ns
        out.dts = out.pts
        out.duration = self.frame_ns
        self.n += 1
        src.emit("push-buffer", out)


class SharedPipelineFactory(GstRtspServer.RTSPMediaFactory):
    """One media pipeline for every path this factory is mounted on (--shared-pipeline): each camera
    keeps its own RTSP session, TCP connection and digest authentication, but the clip is paced and
    payloaded once, so the simulator's CPU stays small next to the system under test (benchmarks
    at hundreds of cameras on a 2-core machine). Sessions join mid-GOP, as with a real camera's
    shared stream."""

    def do_gen_key(self, _url):
        return "shared"


def aac_encoder():
    for name in ("voaacenc", "avenc_aac", "fdkaacenc"):
        if Gst.ElementFactory.find(name):
            return name
    raise RuntimeError("no AAC encoder (install gstreamer1.0-plugins-bad or gstreamer1.0-libav)")


def ensure_scene(width, height, cache_dir):
    """A still scene twice the output size (ffmpeg testsrc2 frame + a mandelbrot), cached on disk."""
    path = os.path.join(cache_dir, f"ptz-scene-{width * 2}x{height * 2}-v1.png")
    if os.path.exists(path) and os.path.getsize(path) > 0:
        return path
    w, h = width * 2, height * 2
    tmp = path + f".tmp{os.getpid()}.png"
    subprocess.run([
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"mandelbrot=size={w}x{h}:rate=1",
        "-f", "lavfi", "-i", f"testsrc2=size={w // 2}x{h // 2}:rate=1",
        "-filter_complex", "[0][1]overlay=x=W/4:y=H/4:shortest=1", "-frames:v", "1", tmp,
    ], check=True)
    os.replace(tmp, path)
    return path


class PtzCamera:
    """One PTZ camera: a shared live pipeline (every session sees the same view) whose videocrop
    window follows the position; the window is half the scene at zoom 0 and a quarter of that at 1."""

    def __init__(self, scene, width, height, fps, bitrate_kbps, role):
        self.scene_w, self.scene_h = width * 2, height * 2
        self.crops = []
        self.position = (0.0, 0.0, 0.0)
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(
            f"( filesrc location={scene} ! pngdec ! videoconvert ! imagefreeze is-live=true ! video/x-raw,framerate={fps}/1 "
            f"! videocrop name=crop ! videoscale ! video/x-raw,width={width},height={height} ! videoconvert "
            f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} bitrate={bitrate_kbps} "
            f"! video/x-h264,profile=baseline ! rtph264pay name=pay0 pt=96 config-interval=-1 )"
        )
        factory.set_shared(True)
        if role:
            factory.add_role_from_structure(
                Gst.Structure.new_from_string(
                    f"{role}, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"
                )
            )
        factory.connect("media-configure", self.on_configure)
        self.factory = factory

    def on_configure(self, _factory, media):
        crop = media.get_element().get_by_name_recurse_up("crop")
        self.crops = [crop]
        self.apply()

    def move(self, pan, tilt, zoom):
        self.position = (max(-1.0, min(1.0, pan)), max(-1.0, min(1.0, tilt)), max(0.0, min(1.0, zoom)))
        self.apply()

    def apply(self):
        pan, tilt, zoom = self.position
        scale = 0.5 * (1 - 0.75 * zoom)
        win_w = int(self.scene_w * scale) // 2 * 2
        win_h = int(self.scene_h * scale) // 2 * 2
        cx = (self.scene_w - win_w) / 2 * (1 + pan)
        cy = (self.scene_h - win_h) / 2 * (1 - tilt)
        left, top = int(cx) // 2 * 2, int(cy) // 2 * 2
        right, bottom = self.scene_w - win_w - left, self.scene_h - win_h - top
        for crop in self.crops:
            crop.set_property("left", left)
            crop.set_property("right", right)
            crop.set_property("top", top)
            crop.set_property("bottom", bottom)


def make_factory(codec, caps, units, fps, role, shared=False, audio=False, tcp_only=False):
    pay = "rtph264pay" if codec == "h264" else "rtph265pay"
    factory = SharedPipelineFactory() if shared else GstRtspServer.RTSPMediaFactory()
    audio_branch = (
        " audiotestsrc is-live=true wave=sine freq=440 samplesperbuffer=1024 ! audioconvert ! audioresample"
        f" ! audio/x-raw,rate=48000,channels=1 ! {aac_encoder()} ! aacparse ! rtpmp4gpay name=pay1 pt=97"
        if audio else ""
    )
    factory.set_launch(
        "( appsrc name=src format=time max-bytes=200000 "
        f"! {pay} name=pay0 pt=96 config-interval=-1{audio_branch} )"
    )
    # One pipeline per client session, starting on a keyframe (like a camera's own sessions).
    factory.set_shared(shared)
    if tcp_only:
        factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP)
    if role:
        factory.add_role_from_structure(
            Gst.Structure.new_from_string(
                f"{role}, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"
            )
        )

    def on_configure(_factory, media):
        appsrc = media.get_element().get_by_name_recurse_up("src")
        appsrc.set_property("caps", Gst.Caps.from_string(f"{caps},framerate={fps}/1"))
        # Keep a reference for the lifetime of the media.
        media.clip_source = ClipSource(appsrc, units, fps)

    factory.connect("media-configure", on_configure)
    return factory


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=8554, help="RTSP port (0 = pick a free one)")
    ap.add_argument("--address", default="127.0.0.1")
    ap.add_argument("--count", type=int, default=1, help="number of H.264 cameras (/cam1..camN)")
    ap.add_argument("--hevc-count", type=int, default=0, help="number of H.265 cameras (/hevc1..hevcM)")
    ap.add_argument("--user", default="admin")
    ap.add_argument("--password", default="admin")
    ap.add_argument("--auth", choices=["digest", "basic", "both", "none"], default="digest")
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--fps", type=int, default=15)
    ap.add_argument("--bitrate", type=int, default=2000, help="kbit/s")
    ap.add_argument("--seconds", type=int, default=10, help="clip length (looped)")
    ap.add_argument("--cache-dir", default=None)
    ap.add_argument("--extra-ports", type=int, default=0,
                    help="also serve the same cameras on N more free ports (cameras behind one address need distinct ports)")
    ap.add_argument("--mount", action="append", default=[], metavar="PATH",
                    help="also serve the first H.264 camera at PATH (e.g. an NVR playback path /Streaming/tracks/101)")
    ap.add_argument("--shared-pipeline", action="store_true",
                    help="one pipeline for all H.264 cameras (benchmarks at hundreds of cameras)")
    ap.add_argument("--audio-count", type=int, default=0,
                    help="number of H.264 cameras with an AAC audio track (/av1..avK)")
    ap.add_argument("--tcp-only-count", type=int, default=0,
                    help="number of H.264 cameras that refuse RTP over UDP (/tcponly1..N)")
    ap.add_argument("--ptz-count", type=int, default=0,
                    help="number of PTZ cameras (/ptz1..N), moved by stdin lines PTZ <n> <pan> <tilt> <zoom>")
    ap.add_argument("--prepare-only", action="store_true", help="encode the clips and exit")
    args = ap.parse_args()

    Gst.init(None)
    width, height = (int(v) for v in args.size.lower().split("x"))
    cache_dir = args.cache_dir or default_cache_dir()
    codecs = ["h264"] if args.count > 0 or args.audio_count > 0 or args.tcp_only_count > 0 or args.hevc_count == 0 else []
    if args.hevc_count > 0:
        codecs.append("h265")
    clips, caps = {}, {}
    for codec in codecs:
        path = ensure_clip(codec, width, height, args.fps, args.bitrate, args.seconds, cache_dir)
        if args.prepare_only:
            print(path, flush=True)
            continue
        clips[codec], caps[codec] = load_access_units(path, codec)
        log(f"{codec}: {len(clips[codec])} access units from {path}")
    if args.prepare_only:
        return

    server = GstRtspServer.RTSPServer()
    server.set_address(args.address)
    server.set_service(str(args.port))
    server.set_backlog(1024)
    role = None
    if args.auth != "none":
        role = "user"
        auth = GstRtspServer.RTSPAuth()
        methods = {
            "digest": GstRtsp.RTSPAuthMethod.DIGEST,
            "basic": GstRtsp.RTSPAuthMethod.BASIC,
            "both": GstRtsp.RTSPAuthMethod.DIGEST | GstRtsp.RTSPAuthMethod.BASIC,
        }[args.auth]
        auth.set_supported_methods(methods)
        auth.set_realm("Vigia Simulator")
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", role)
        if args.auth in ("digest", "both"):
            auth.add_digest(args.user, args.password, token)
        if args.auth in ("basic", "both"):
            basic = GstRtspServer.RTSPAuth.make_basic(args.user, args.password)
            auth.add_basic(basic, token)
        server.set_auth(auth)

    mounts = server.get_mount_points()
    shared_factory = make_factory("h264", caps["h264"], clips["h264"], args.fps, role, True) if args.shared_pipeline else None
    for i in range(1, args.count + 1):
        mounts.add_factory(f"/cam{i}", shared_factory or make_factory("h264", caps["h264"], clips["h264"], args.fps, role))
    for i in range(1, args.hevc_count + 1):
        mounts.add_factory(f"/hevc{i}", make_factory("h265", caps["h265"], clips["h265"], args.fps, role))
    for i in range(1, args.audio_count + 1):
        mounts.add_factory(f"/av{i}", make_factory("h264", caps["h264"], clips["h264"], args.fps, role, audio=True))
    for i in range(1, args.tcp_only_count + 1):
        mounts.add_factory(f"/tcponly{i}", make_factory("h264", caps["h264"], clips["h264"], args.fps, role, tcp_only=True))
    for extra_path in args.mount:
        mounts.add_factory(extra_path, make_factory("h264", caps["h264"], clips["h264"], args.fps, role))
    ptz_cameras = []
    if args.ptz_count > 0:
        scene = ensure_scene(width, height, cache_dir)
        for i in range(1, args.ptz_count + 1):
            cam = PtzCamera(scene, width, height, args.fps, args.bitrate, role)
            ptz_cameras.append(cam)
            mounts.add_factory(f"/ptz{i}", cam.factory)

        def on_stdin(channel, _condition):
            line = channel.readline()
            if not line:
                return False
            parts = line.split()
            if len(parts) == 5 and parts[0] == "PTZ":
                n = int(parts[1])
                if 1 <= n <= len(ptz_cameras):
                    ptz_cameras[n - 1].move(float(parts[2]), float(parts[3]), float(parts[4]))
            return True

        GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT, GLib.IOCondition.IN | GLib.IOCondition.HUP, on_stdin)

    if server.attach(None) == 0:
        log(f"cannot listen on {args.address}:{args.port}")
        sys.exit(2)

    extra = []
    for _ in range(args.extra_ports):
        srv = GstRtspServer.RTSPServer()
        srv.set_address(args.address)
        srv.set_service("0")
        srv.set_backlog(1024)
        srv.set_mount_points(mounts)
        if role:
            srv.set_auth(server.get_auth())
        if srv.attach(None) == 0:
            log("cannot listen on an extra port")
            sys.exit(2)
        extra.append(srv)

    loop = GLib.MainLoop()

    def cleanup():
        # Remove sessions that timed out (clients that vanished without TEARDOWN).
        server.get_session_pool().cleanup()
        for srv in extra:
            srv.get_session_pool().cleanup()
        return True

    GLib.timeout_add_seconds(2, cleanup)
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    if extra:
        print("PORTS " + " ".join(str(srv.get_bound_port()) for srv in extra), flush=True)
    print(f"READY {server.get_bound_port()}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()

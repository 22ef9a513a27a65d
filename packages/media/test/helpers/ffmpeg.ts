/** Runs the real ffprobe/ffmpeg binaries against files produced by the tests. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ProbedStream {
  codec_name: string;
  width: number;
  height: number;
  nb_read_frames: string;
  codec_tag_string?: string;
}

export async function ffprobeVideo(file: string): Promise<ProbedStream> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=codec_name,codec_tag_string,width,height,nb_read_frames',
    '-of',
    'json',
    file,
  ]);
  const parsed = JSON.parse(stdout) as { streams: ProbedStream[] };
  const s = parsed.streams[0];
  if (!s) throw new Error(`ffprobe found no video stream in ${file}`);
  return s;
}

/** Decodes the whole file; returns ffmpeg's error output (empty when clean). */
export async function ffmpegDecodeErrors(file: string): Promise<string> {
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', '-i', file, '-f', 'null', '-']);
  return stderr.trim();
}

import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, isAbsolute, join } from 'node:path';
import { BriefcastError, ErrorCodes } from '../core/errors.js';

export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
  /** Where each came from, for `briefcast doctor` style diagnostics. */
  origin: 'env' | 'path' | 'npm';
}

export interface FindFfmpegOptions {
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Disable the npm-shipped fallback (used by the tests of the missing-ffmpeg error). */
  allowNpmFallback?: boolean;
  /** Disable PATH lookup (same reason). */
  searchPath?: boolean;
  /** The PATH to look ffmpeg up on (from the configuration; nothing is found on PATH without it). */
  pathDirs?: string;
}

/**
 * An executable file at `binary` (a path, or a name looked up on PATH). Not
 * run: two `-version` runs cost a quarter of a second of blocked start-up on
 * every process; a binary that exists but cannot run fails its first job with
 * FFMPEG_FAILED and ffmpeg's own message.
 */
function works(binary: string, pathDirs = ''): boolean {
  const candidates = isAbsolute(binary) || binary.includes('/') ? [binary] : pathDirs.split(delimiter).filter(Boolean).map((dir) => join(dir, binary));
  return candidates.some((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** FFMPEG_PATH (passed in by config), then PATH, then the static build shipped inside npm packages. */
export function findFfmpeg(options: FindFfmpegOptions = {}): FfmpegBinaries {
  if (options.ffmpegPath) {
    const ffprobe = options.ffprobePath ?? options.ffmpegPath.replace(/ffmpeg(\.exe)?$/, 'ffprobe$1');
    if (works(options.ffmpegPath) && works(ffprobe)) return { ffmpeg: options.ffmpegPath, ffprobe, origin: 'env' };
    throw new BriefcastError(ErrorCodes.FFMPEG_MISSING, 'FFMPEG_PATH does not point at a working ffmpeg (and ffprobe beside it)', {
      subject: options.ffmpegPath,
    });
  }
  if (options.searchPath !== false && works('ffmpeg', options.pathDirs) && works('ffprobe', options.pathDirs)) {
    return { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', origin: 'path' };
  }
  if (options.allowNpmFallback !== false) {
    try {
      const require = createRequire(import.meta.url);
      const ffmpeg = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
      const ffprobe = (require('@ffprobe-installer/ffprobe') as { path: string }).path;
      if (works(ffmpeg) && works(ffprobe)) return { ffmpeg, ffprobe, origin: 'npm' };
    } catch {
      // fall through to the error below
    }
  }
  throw new BriefcastError(
    ErrorCodes.FFMPEG_MISSING,
    'ffmpeg not found: install it (apt-get install ffmpeg), set FFMPEG_PATH, or reinstall npm packages to get the bundled build',
    { subject: 'ffmpeg' },
  );
}

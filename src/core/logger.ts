import { destination, pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** Write to stderr so stdout stays clean for command output. */
  destination?: 1 | 2;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino({ level: options.level ?? 'info', base: { app: 'briefcast' } }, destination(options.destination ?? 2));
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

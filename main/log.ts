import { maskPersonalDataInText } from '../src/contract';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogSink = (line: string) => void;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

/**
 * Structured JSON-line logger. Every line passes through the personal-data mask, so an ID number or
 * mobile number that slips into a message or a field is never written in full.
 */
export function createLogger(sink: LogSink = (line) => process.stderr.write(line + '\n'), min: LogLevel = 'info'): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (order[level] < order[min]) return;
    const record: Record<string, unknown> = { t: new Date().toISOString(), level, msg: message };
    for (const [key, value] of Object.entries(fields ?? {})) record[key] = describe(value);
    sink(maskPersonalDataInText(JSON.stringify(record)));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

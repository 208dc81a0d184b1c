import { maskPersonalDataInText } from '../src/kernel/mask';

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

/** One remembered log entry: everything already masked. */
export interface RingEntry {
  readonly seq: number;
  readonly at: string;
  readonly level: LogLevel;
  readonly message: string;
  /** The fields as masked JSON ('{}' when there were none). */
  readonly details: string;
}

/**
 * The most recent log entries in memory (bounded), for the technician's log viewer and the diagnostics
 * bundle. Entries pass through the same personal-data mask as written lines, before they are kept.
 */
export class LogRing {
  private readonly entries: RingEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 2000) {}

  add(level: LogLevel, message: string, fields?: Record<string, unknown>, at = new Date().toISOString()): void {
    const described: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields ?? {})) described[key] = describe(value);
    this.seq += 1;
    this.entries.push({ seq: this.seq, at, level, message: maskPersonalDataInText(message), details: maskPersonalDataInText(JSON.stringify(described)) });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Newest last; `minLevel` drops quieter entries; `limit` keeps the newest. */
  recent(limit = this.capacity, minLevel: LogLevel = 'debug'): RingEntry[] {
    return this.entries.filter((e) => order[e.level] >= order[minLevel]).slice(-limit);
  }
}

/** A logger that writes to `inner` and remembers every entry (info and above by default) in `ring`. */
export function withRing(inner: Logger, ring: LogRing, min: LogLevel = 'info'): Logger {
  const tee = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    inner[level](message, fields);
    if (order[level] >= order[min]) ring.add(level, message, fields);
  };
  return { debug: tee('debug'), info: tee('info'), warn: tee('warn'), error: tee('error') };
}

// The little SQL surface both engines offer. Statements use `?` placeholders; the PostgreSQL engine
// numbers them. Integers come back as JS numbers from both engines.

export type SqlValue = string | number | null | Uint8Array;

export interface SqlExecutor {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlEngine extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs fn in one transaction; a throw rolls everything back. Transactions never interleave on one row. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One migration step per entry; the index + 1 is the schema version. */
export type Migrations = readonly string[];

import {
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from "kysely";
import { keyedAdapter, sessionOf, takeTurn, type Session } from "./session.js";

/** Kysely's SQLite driver over the opened Database, taking the Database's shared turns around each connection use. */
class SharedSqliteDriver implements Driver {
  database: SqliteDatabase | undefined;
  #inner: SqliteDriver | undefined;
  #session: Session | undefined;
  #release: (() => void) | undefined;

  constructor(private readonly config: SqliteDialectConfig) {}
  async init(): Promise<void> {
    const given = this.config.database;
    const database = typeof given === "function" ? await given() : given;
    this.database = database;
    (this.#session = sessionOf(database)).users++;
    this.#inner = new SqliteDriver({ ...this.config, database });
    await this.#inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await takeTurn(this.database as object, "sqlite");
    try {
      const connection = await (this.#inner as SqliteDriver).acquireConnection();
      this.#release = release;
      return connection;
    } catch (e) {
      release();
      throw e;
    }
  }
  beginTransaction(c: DatabaseConnection): Promise<void> {
    return (this.#inner as SqliteDriver).beginTransaction(c);
  }
  commitTransaction(c: DatabaseConnection): Promise<void> {
    return (this.#inner as SqliteDriver).commitTransaction(c);
  }
  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return (this.#inner as SqliteDriver).rollbackTransaction(c);
  }
  savepoint: SqliteDriver["savepoint"] = (...a) => (this.#inner as SqliteDriver).savepoint(...a);
  rollbackToSavepoint: SqliteDriver["rollbackToSavepoint"] = (...a) => (this.#inner as SqliteDriver).rollbackToSavepoint(...a);
  releaseSavepoint: SqliteDriver["releaseSavepoint"] = (...a) => (this.#inner as SqliteDriver).releaseSavepoint(...a);
  async releaseConnection(): Promise<void> {
    // The session turn is exclusive, so this driver has at most one connection out: the one being released.
    const release = this.#release;
    this.#release = undefined;
    try {
      await (this.#inner as SqliteDriver).releaseConnection();
    } finally {
      release?.();
    }
  }
  async destroy(): Promise<void> {
    // Kysely destroys only a driver it initialised, once. Another Kysely instance may still use the Database.
    if (this.#session && --this.#session.users <= 0) await this.#inner?.destroy();
  }
}

/**
 * A Kysely dialect for SQLite through better-sqlite3, like Kysely's own `SqliteDialect` (same configuration), whose
 * turns are shared by every Kysely instance opened on the same `Database` object: one Database is one connection,
 * so a transaction holds it alone — whichever Kysely instance started it. With Kysely's `SqliteDialect` each Kysely
 * instance takes turns only with itself, so two instances over one Database interleave: a write through one runs
 * inside the other's open transaction (and vanishes with its rollback), and a second `BEGIN` fails. With this
 * dialect the other instance waits its turn; called from inside the transaction's function (a pmokit adapter or a
 * plain Kysely query) it throws `TransactionMisuseError` (`adapter-in-transaction`) at once instead of waiting
 * forever; destroying one instance leaves the Database open for the others (the last one destroyed closes it).
 * Statements sent to the Database directly (`database.prepare`) do not take turns. One Kysely instance needs
 * nothing more than Kysely's `SqliteDialect`; pmokit adapters over two Kysely instances built with it on one Database
 * refuse the second with a ValidationError at `["db"]`.
 *
 * @example
 * ```ts
 * import Database from "better-sqlite3";
 * import { Kysely } from "kysely";
 * import { SharedSqliteDialect, migrate, createSqlAdapter } from "pmokit/sql";
 *
 * const database = new Database("pmo.db");
 * const app = new Kysely({ dialect: new SharedSqliteDialect({ database }) });
 * const reports = new Kysely({ dialect: new SharedSqliteDialect({ database }) }); // takes turns with `app`
 * await migrate(app);
 * const adapter = createSqlAdapter(app);
 * ```
 */
export class SharedSqliteDialect implements Dialect {
  // Kysely's constructor calls createDriver, then createAdapter: the adapter is keyed on that driver's Database.
  #driver: SharedSqliteDriver | undefined;
  constructor(private readonly config: SqliteDialectConfig) {}
  createDriver(): Driver {
    return (this.#driver = new SharedSqliteDriver(this.config));
  }
  createAdapter(): DialectAdapter {
    const driver = this.#driver;
    return keyedAdapter(new SqliteAdapter(), () => driver?.database);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}

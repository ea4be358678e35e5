import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DialectAdapter,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from "kysely";
import { keyedAdapter, sessionOf, takeTurn, type Session } from "./session.js";

/**
 * What the dialect needs from a PGlite instance (`@electric-sql/pglite`): typed structurally, so pmokit does not
 * depend on PGlite.
 */
export interface PgliteLike {
  /** Runs one parameterised statement and returns its rows (and the affected-row count for writes). */
  query<T>(
    query: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; affectedRows?: number }>;
  /** Closes the database. */
  close?(): Promise<void>;
}

/** One turn on the session: a query, or a whole transaction. */
class PgliteConnection implements DatabaseConnection {
  constructor(
    private readonly pg: PgliteLike,
    readonly release: () => void,
  ) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.pg.query<R>(compiled.sql, [...compiled.parameters]);
    const kind = compiled.query.kind;
    const writes = kind === "InsertQueryNode" || kind === "UpdateQueryNode" || kind === "DeleteQueryNode" || kind === "RawNode";
    return writes && r.affectedRows !== undefined ? { rows: r.rows, numAffectedRows: BigInt(r.affectedRows) } : { rows: r.rows };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGlite dialect: streaming is not supported");
  }
}

class PgliteDriver implements Driver {
  private readonly session: Session;

  constructor(private readonly pg: PgliteLike) {
    this.session = sessionOf(pg);
  }
  async init(): Promise<void> {
    this.session.users++;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    // A FIFO mutex per PGlite instance (session.ts): whoever holds the connection has the session to itself.
    return new PgliteConnection(this.pg, await takeTurn(this.pg, "pglite"));
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("BEGIN"));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("COMMIT"));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("ROLLBACK"));
  }
  async savepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`SAVEPOINT ${name}`));
  }
  async rollbackToSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`ROLLBACK TO SAVEPOINT ${name}`));
  }
  async releaseSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw(`RELEASE SAVEPOINT ${name}`));
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PgliteConnection).release();
  }
  async destroy(): Promise<void> {
    // Kysely destroys only a driver it initialised, once. Another Kysely instance may still use the PGlite instance.
    if (--this.session.users <= 0) await this.pg.close?.();
  }
}

/**
 * A Kysely dialect for PGlite (PostgreSQL compiled to WebAssembly): PostgreSQL in-process, for tests, demos,
 * browsers and edge functions. One PGlite instance is one session, so queries and transactions take turns — across
 * every Kysely instance opened on it: two dialects over one PGlite instance share its turns, and an adapter over
 * one called inside a transaction of another on the same instance throws `TransactionMisuseError`
 * (`adapter-in-transaction`) instead of writing into that transaction; destroying one of them leaves the PGlite
 * instance open for the others (the last one destroyed closes it). A plain Kysely query on another instance, from
 * inside such a transaction's function, throws the same error instead of waiting forever. Statements sent to the
 * PGlite instance directly (`pg.query`) do not take turns: they run inside whatever transaction is open.
 *
 * @example
 * ```ts
 * import { PGlite } from "@electric-sql/pglite";
 * import { Kysely } from "kysely";
 * import { PgliteDialect, migrate, createSqlAdapter } from "pmokit/sql";
 *
 * const db = new Kysely({ dialect: new PgliteDialect(new PGlite()) });
 * await migrate(db);
 * const adapter = createSqlAdapter(db);
 * ```
 */
export class PgliteDialect implements Dialect {
  constructor(private readonly pg: PgliteLike) {}
  createAdapter(): DialectAdapter {
    return keyedAdapter(new PostgresAdapter(), () => this.pg);
  }
  createDriver(): Driver {
    return new PgliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}

import { SingleBar } from "cli-progress";

/** Where a command writes: injectable for tests (in-process runs) and the real process streams by default. */
export interface CliIo {
  /** Normal output. */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Errors and progress. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** The working folder relative paths start from. */
  readonly cwd: string;
  /**
   * The clock (default `() => new Date()`): read only for the default `--as-of` (today, UTC) and `--imported-at`
   * (now), so tests inject a fixed one and never depend on the real date.
   */
  readonly now?: () => Date;
}

/** A progress indicator over named stages; silent unless stderr is a TTY. */
export interface Progress {
  /** Marks a stage done. */
  tick(stage: string): void;
  /** Stops and clears the bar. */
  stop(): void;
}

/**
 * A cli-progress bar on stderr over `total` stages, shown only on a TTY (pipes, CI logs and tests stay quiet).
 *
 * @example
 * ```ts
 * const p = progress(io, 6, "demo"); p.tick("score"); p.stop();
 * ```
 */
export function progress(io: CliIo, total: number, label: string): Progress {
  if (io.stderr.isTTY !== true) return { tick: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {stage}`, stream: io.stderr as never, clearOnComplete: true, hideCursor: true });
  bar.start(total, 0, { stage: "" });
  return { tick: (stage) => bar.increment(1, { stage }), stop: () => bar.stop() };
}

import type { StorageAdapter } from "../storage/port.js";
import type { PmoOptions } from "./operation.js";

/** @internal What every workflow function needs: the adapter and the service options. */
export interface PmoContext {
  readonly adapter: StorageAdapter;
  readonly options: PmoOptions;
}

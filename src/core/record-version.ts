/**
 * @internal The largest record version: 2³¹ − 1, what the PostgreSQL and MariaDB tables' 32-bit `INTEGER` column
 * holds. The entity codec and every adapter (`storableRecord`) keep versions within 1 … this value, so one record is
 * storable in every adapter or in none.
 */
export const MAX_RECORD_VERSION = 2_147_483_647;

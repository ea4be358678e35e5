/*
 * The codec boundary. Each schema here has a wire form (JSON-safe strings) and a memory form (Decimal, branded
 * strings); entity schemas are built from them, so `Entity.decode(wire)` and `Entity.encode(memory)` convert a whole
 * record in one call. Adapters only ever see wire forms.
 *
 * Only re-exports: each codec family lives in its own file under codecs/, so that a bundle importing one (a RAG rule
 * set decodes decimals only) does not keep the others' top-level schema construction.
 */
export { decimalStringSchema, decimalCodec, decimalInputSchema } from "./codecs/decimal.js";
export { currencyCodeSchema, moneyCodec, moneyToWire, type MoneyWire } from "./codecs/money.js";
export { isoDateCodec, instantCodec } from "./codecs/dates.js";
export { idSchema } from "./codecs/id.js";
export { unstorableText, refuseUnstorableText } from "./codecs/text.js";
export { decodeWith, encodeWith, safeDecodeWith } from "./codecs/decode.js";

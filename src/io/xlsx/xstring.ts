// The ST_Xstring escape lives in core so the report workbook (src/reports) can use it too.
export { decodeXstring, encodeXstring } from "../../core/xstring.js";

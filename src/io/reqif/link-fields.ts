/**
 * The trace-link fields pmokit's ReqIF export writes as relation attributes (`pmokit.<field>`) and its import reads
 * back: what a link recorded at its last review, so that a suspect link is still suspect after a round trip. @internal
 */
export const LINK_FIELDS = ["targetFingerprint", "targetRevision", "reviewedAt", "reviewedBy", "note"] as const;

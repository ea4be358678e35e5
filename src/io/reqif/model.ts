/** The kinds of ReqIF datatypes and attributes. */
export type ReqifKind = "BOOLEAN" | "DATE" | "ENUMERATION" | "INTEGER" | "REAL" | "STRING" | "XHTML";

/**
 * The ReqIF datatype kinds, in the order pmokit writes them.
 *
 * @example
 * ```ts
 * REQIF_KINDS.includes("XHTML"); // true
 * ```
 */
export const REQIF_KINDS: readonly ReqifKind[] = ["BOOLEAN", "DATE", "ENUMERATION", "INTEGER", "REAL", "STRING", "XHTML"];

/** Identity shared by every ReqIF identifiable. */
export interface ReqifIdentifiable {
  /** `IDENTIFIER` (unique in the file). */
  readonly identifier: string;
  /** `LONG-NAME`, when the tool wrote one (optional everywhere; DOORS omits it on types). */
  readonly longName?: string;
  /** `LAST-CHANGE` timestamp as written. */
  readonly lastChange?: string;
}

/** A datatype definition; enumerations list their values. */
export interface ReqifDatatype extends ReqifIdentifiable {
  /** Kind. */
  readonly kind: ReqifKind;
  /** `MAX-LENGTH` of a STRING datatype, as written (the ReqIF schema requires it). */
  readonly maxLength?: string;
  /** `MIN` of an INTEGER or REAL datatype, as written. */
  readonly min?: string;
  /** `MAX` of an INTEGER or REAL datatype, as written. */
  readonly max?: string;
  /** `ACCURACY` of a REAL datatype, as written. */
  readonly accuracy?: string;
  /** Enumeration values (ENUMERATION only). */
  readonly values?: readonly (ReqifIdentifiable & { readonly key?: string; readonly otherContent?: string })[];
}

/** An attribute definition of a spec type. */
export interface ReqifAttributeDefinition extends ReqifIdentifiable {
  /** Kind. */
  readonly kind: ReqifKind;
  /** The datatype it uses. */
  readonly datatypeRef: string;
  /** `MULTI-VALUED` of an ENUMERATION attribute, when written: whether a value may name more than one enum value. */
  readonly multiValued?: boolean;
  /** `DEFAULT-VALUE`: the value of every object (or relation, specification) that gives none for this attribute. */
  readonly defaultValue?: ReqifValue;
}

/** A spec object type, spec relation type or specification type. */
export interface ReqifSpecType extends ReqifIdentifiable {
  /** Which kind of spec type. */
  readonly kind: "SPEC-OBJECT-TYPE" | "SPEC-RELATION-TYPE" | "SPECIFICATION-TYPE";
  /** Its attributes. */
  readonly attributes: readonly ReqifAttributeDefinition[];
}

/** One attribute value. `value` is the text (XHTML as its raw markup), or enum value refs for ENUMERATION. */
export interface ReqifValue {
  /** Kind. */
  readonly kind: ReqifKind;
  /** The attribute definition it is a value of. */
  readonly definitionRef: string;
  /** The value: text, raw XHTML, or the referenced enum value identifiers. */
  readonly value: string | readonly string[];
}

/** A spec object (a requirement, heading, …). */
export interface ReqifSpecObject extends ReqifIdentifiable {
  /** Its spec object type. */
  readonly typeRef: string;
  /** Its values. */
  readonly values: readonly ReqifValue[];
}

/** A spec relation between two spec objects. */
export interface ReqifSpecRelation extends ReqifIdentifiable {
  /** Its spec relation type. */
  readonly typeRef: string;
  /** Source spec object. */
  readonly source: string;
  /** Target spec object. */
  readonly target: string;
  /** Its values. */
  readonly values: readonly ReqifValue[];
}

/** A node of a specification's hierarchy (the document outline). */
export interface ReqifHierarchy extends ReqifIdentifiable {
  /** The spec object shown at this place. */
  readonly objectRef: string;
  /** Child nodes, in document order. */
  readonly children: readonly ReqifHierarchy[];
}

/** A specification: a document with its outline. */
export interface ReqifSpecification extends ReqifIdentifiable {
  /** Its specification type. */
  readonly typeRef: string;
  /** Its values. */
  readonly values: readonly ReqifValue[];
  /** Top-level hierarchy nodes. */
  readonly children: readonly ReqifHierarchy[];
}

/** A ReqIF exchange document as pmokit reads and writes it. */
export interface ReqifDocument {
  /** The header. */
  readonly header: ReqifIdentifiable & {
    readonly title?: string;
    readonly comment?: string;
    readonly creationTime?: string;
    /** `REPOSITORY-ID`: the source tool's repository (kept for the round trip; pmokit maps it to nothing). */
    readonly repositoryId?: string;
    readonly reqifToolId?: string;
    readonly sourceToolId?: string;
    readonly reqifVersion?: string;
  };
  /** Datatypes. */
  readonly datatypes: readonly ReqifDatatype[];
  /** Spec types. */
  readonly specTypes: readonly ReqifSpecType[];
  /** Spec objects, in file order. */
  readonly specObjects: readonly ReqifSpecObject[];
  /** Spec relations. */
  readonly specRelations: readonly ReqifSpecRelation[];
  /** Specifications. */
  readonly specifications: readonly ReqifSpecification[];
}

// What a generated case expects the target to answer. Every generated case carries one.
export interface Expectation {
  status: number;
  code?: string;
}

export const CREATED: Expectation = { status: 201 };
export const SEMANTIC_ERROR: Expectation = { status: 400, code: 'SemanticError' };
export const SYNTACTIC_ERROR: Expectation = { status: 400, code: 'SyntacticError' };
export const PAYLOAD_TOO_LARGE: Expectation = { status: 413, code: 'PayloadTooLarge' };

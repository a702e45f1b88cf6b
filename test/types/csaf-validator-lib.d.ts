// The BSI/secvisogram CSAF validator ships JavaScript without declarations; these are the parts the tests use.
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  interface TestResult {
    name: string;
    isValid: boolean;
    errors: { instancePath: string; message: string }[];
  }
  export default function validateStrict(
    tests: unknown[],
    document: unknown,
  ): Promise<{ isValid: boolean; tests: TestResult[] }>;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, unknown>;
  export = tests;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  const tests: Record<string, unknown>;
  export = tests;
}

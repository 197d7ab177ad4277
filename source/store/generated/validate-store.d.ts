/** The store's schema, compiled by ajv ahead of time (scripts/generate-store-validator.ts). */
declare const validate: (data: unknown) => boolean;
export default validate;

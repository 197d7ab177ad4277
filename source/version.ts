/** Set by the build (scripts/build.mjs) from package.json; a run from the sources says so. */
declare const __ACS_TOKENS_VERSION__: string | undefined;

export const version = typeof __ACS_TOKENS_VERSION__ === 'string' ? __ACS_TOKENS_VERSION__ : '0.0.0-source';

import type {BuildOptions} from 'esbuild';

export function sharedOptions(options: {outdir: string; version: string}): BuildOptions;
export const programOptions: BuildOptions;

/**
 * `import {createEmulator} from 'acs-tokens/emulator'`: the local ACS Identity emulator as a
 * library, for test suites and other tools.
 */
export {createEmulator, type Emulator, type EmulatorOptions} from './server.js';
export type {RequestLog} from './http/handler.js';
export {type DenialReason, type EmulatorWarning, type SignatureCulprit, warningMessage} from './warnings.js';
export {
	type AssignmentsProblem,
	type FileFailure,
	type JournalLineProblem,
	type SealProblem,
	type SnapshotProblem,
	type StateFile,
	type StateFileProblem,
	type StateFileRole,
	type StateProblem,
	stateProblemMessage,
} from './state/state-problems.js';
export {developmentAccessKey, defaultPort} from './defaults.js';
export {DataDirectoryError, StateFileError} from './data-directory.js';
export {azureCliClientId, simulatedTeamsToken, standInEntraToken, standInTenantId, standInUser, teamsScopes} from './stand-in-entra.js';

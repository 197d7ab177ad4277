import {Box} from 'ink';
import type {ReactNode} from 'react';
import type {Exchange} from '../../identity/trace.js';
import type {BusyWork, ScreenMeta, WizardContext, WizardEvent} from '../../wizard/types.js';
import {CodePanel} from '../components/code-panel.js';
import {HttpPanel} from '../components/http-panel.js';
import {SigningPanel} from '../components/signing-panel.js';
import {StepIndicator} from '../components/step-indicator.js';
import {useKeys} from '../hooks/use-keys.js';

/** Enter sends SUBMIT on the steps that are a sentence and a prompt. */
function useSubmitOnEnter(send: (event: WizardEvent) => void, active: boolean) {
	useKeys(
		(_input, key) => {
			if (key.return) {
				send({type: 'SUBMIT'});
			}
		},
		active,
	);
}

/**
 * A step of the quickstart: where it is (1–6), the step's screen, the SDK code it runs and the
 * HTTP exchange it made. The machine's meta says which step, which code and when the exchange shows.
 */
export function TourScreen(props: {
	readonly context: WizardContext;
	readonly meta: ScreenMeta;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
	readonly compact: boolean;
	/** The terminal's width, which the HTTP panel fits its request lines to. */
	readonly columns: number;
	readonly children: ReactNode;
}) {
	const {context, meta} = props;
	// The Teams flow has the panels but no step of the quickstart.
	const indicator = meta.step === undefined ? undefined : <StepIndicator step={meta.step} />;
	useSubmitOnEnter(props.send, props.active && meta.enterSubmits === true);
	// A failed call still shows its exchange: a 401 teaches as much as a 201.
	const exchanges: readonly Exchange[] = meta.showsExchange || context.error !== undefined ? context.exchanges : [];
	// A revealed token takes ten lines or more: on a short terminal it gets the panels' room; the claims always do.
	const panels = !(meta.view === 'token' && (context.claimsShown || (props.compact && context.revealed)));
	if (context.signingShown) {
		// The signing panel takes the code's and the exchange's place; on a short terminal, the step's too.
		return (
			<Box flexDirection="column">
				{indicator}
				{/* Hidden, not unmounted: the step's keys (Enter, Space) still work under the panel. */}
				<Box flexDirection="column" marginY={1} display={props.compact ? 'none' : 'flex'}>
					{props.children}
				</Box>
				<SigningPanel exchanges={exchanges} presenter={context.presenter} />
			</Box>
		);
	}

	return (
		<Box flexDirection="column">
			{indicator}
			<Box flexDirection="column" marginY={props.compact ? 0 : 1}>
				{props.children}
			</Box>
			{panels ? (
				<StepPanels context={context} meta={meta} exchanges={exchanges} compact={props.compact} columns={props.columns} />
			) : undefined}
		</Box>
	);
}

/** Busy states that send nothing: the store's own work (a label saved, an identity forgotten, the list read). */
const localWork = new Set<BusyWork>(['saving', 'forgetting', 'loading']);

/** The step's SDK code and, from step 2 on, its HTTP exchange. */
function StepPanels(props: {
	readonly context: WizardContext;
	readonly meta: ScreenMeta;
	readonly exchanges: readonly Exchange[];
	readonly compact: boolean;
	readonly columns: number;
}) {
	const {context, meta} = props;
	return (
		<>
			<CodePanel
				step={meta.snippet ?? 'connect'}
				language={context.codeLanguage}
				scopes={context.scopes}
				minutes={context.lifetimeMinutes}
				keyless={context.connection?.keyless === true}
				plainHttp={context.connection?.endpoint.startsWith('http:') === true}
			/>
			{/* Step 1 (connect) sends nothing; the Teams flow shows its exchange once it has one. */}
			{(meta.step === undefined ? props.exchanges.length === 0 : meta.step === 1) ? undefined : (
				<HttpPanel
					exchanges={props.exchanges}
					compact={props.compact || context.presenter}
					presenter={context.presenter}
					columns={props.columns}
					sending={meta.busy !== undefined && !localWork.has(meta.busy)}
				/>
			)}
		</>
	);
}

/**
 * Every sentence the identity core and the commands show a person, in English. A zh-TW
 * catalogue will have the same shape (`satisfies Catalogue`), chosen in text/index.ts.
 */
export const en = {
	errors: {
		denied: (endpoint: string) =>
			`${endpoint} refused the access key (401 Denied): the key is wrong, or it was rotated. Copy the current connection string from the Azure portal (your Communication Services resource > Keys).`,
		notOwned: (endpoint: string, id: string) =>
			`${id} belongs to another Communication Services resource than ${endpoint} (401 IdentityNotOwned). Check that you chose the right profile (--profile) or connection string.`,
		notFound: (id: string, serviceMessage: string) =>
			`${id} does not exist on this resource (404): ${serviceMessage} If it was deleted, forget it locally with "acs-tokens user forget".`,
		validation: (serviceMessage: string) => `The service refused the request (400): ${serviceMessage}`,
		service: (status: number | undefined, code: string | undefined, serviceMessage: string) =>
			`The service answered ${status ?? 'an error'}${code ? ` ${code}` : ''}: ${serviceMessage}`,
		network: (endpoint: string, detail: string) =>
			`Could not reach ${endpoint} (${detail}). Check the endpoint in the connection string, your network, and, for the local emulator, that it is running (acs-tokens emulator) or use --emulator.`,
		untrustedCertificate: (endpoint: string, detail: string) =>
			`The TLS certificate of ${endpoint} is not trusted (${detail}). For the local emulator, trust its CA: export NODE_EXTRA_CA_CERTS="$(acs-tokens emulator --print-certificate-path)".`,
		cancelled: () => 'Cancelled.',
		noConnection: () =>
			'No connection to a Communication Services resource. Pass --connection-string "endpoint=…;accesskey=…", set COMMUNICATION_SERVICES_CONNECTION_STRING (in the environment or a .env file here), choose a saved profile with --profile, or work offline with --emulator.',
		unknownProfile: (name: string, known: readonly string[]) =>
			`There is no profile "${name}". ${known.length > 0 ? `Saved profiles: ${known.join(', ')}.` : 'No profile is saved yet.'} Run "acs-tokens profiles" to see them.`,
		profileKeyMissing: (profile: string, where: string) =>
			`Profile "${profile}" reads its access key from ${where}, which is not set. Set it, or pass --connection-string.`,
		notAnEmulator: (endpoint: string, status: number) =>
			`${endpoint} answered ${status} to a verification request: only the local emulator can verify tokens (the real service has no such operation). Use --emulator, or decode the token instead (acs-tokens token decode).`,
		profileKeyNotStored: (profile: string) =>
			`Profile "${profile}" was used with --connection-string, and its key is not stored. Pass --connection-string again.`,
		emulatorBusy: (directory: string) =>
			`The local emulator's data directory ${directory} stayed locked by another acs-tokens process. Wait for it to finish, or stop it.`,
	},
} as const;

export type Catalogue = typeof en;

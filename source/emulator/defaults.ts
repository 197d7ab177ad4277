/** The documented port; `--port` or `port: 0` change it. */
export const defaultPort = 10430;

/**
 * The well-known development access key, published like Azurite's development account key:
 * it protects nothing and must never be used for anything but the local emulator.
 */
export const developmentAccessKey =
	'TTEWrCrqQHQROYa8tqOlqz7bu92AGk7chl9w7eyweJqb3B87XqW1E3nnLwafKqNPto3Vp3zvn3N2/dAXULnTHw==';

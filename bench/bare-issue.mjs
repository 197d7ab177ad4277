// The baseline of bench:cli: the same SDK call as `acs-tokens token issue --json`, in a bare script.
import {CommunicationIdentityClient} from '@azure/communication-identity';

const [connectionString, id] = process.argv.slice(2);
const client = new CommunicationIdentityClient(connectionString, {allowInsecureConnection: true});
const {token, expiresOn} = await client.getToken({communicationUserId: id}, ['chat']);
process.stdout.write(`${JSON.stringify({id, token, expiresOn})}\n`);

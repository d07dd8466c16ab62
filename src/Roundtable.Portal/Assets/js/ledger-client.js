// Sends transactions signed in this browser: the node says which sequence the key is at and
// which exact bytes to sign (POST /api/v1/txs/signing-payload), the key signs them here, and the
// signed transaction goes to POST /api/v1/txs. The private key never leaves the browser.

import { fromHex, sign, toHex } from './member-key.js';
import { passkeySignature } from './passkey.js';

const EXPIRY_BLOCKS = 100;

async function call(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(json.detail ?? `The node answered ${response.status}.`);
    error.reason = json.reason;
    throw error;
  }
  return json;
}

// Signs and submits `message` (its JSON form, e.g. { type: 'register-member', … }) with `key`;
// resolves with the transaction hash once the node admitted it.
export async function submit(key, message) {
  const [status, account] = await Promise.all([call('/api/v1/status'), call(`/api/v1/accounts/${key.publicKey}`)]);
  const unsigned = {
    chainId: status.chainId, sender: key.publicKey, sequence: account.nextSequence,
    expiryHeight: status.height + EXPIRY_BLOCKS, message,
  };
  const { signingPayload } = await call('/api/v1/txs/signing-payload', unsigned);
  const signature = key.kind === 'passkey'
    ? await passkeySignature(key, fromHex(signingPayload))
    : '01' + toHex(await sign(key, fromHex(signingPayload)));
  const { hash } = await call('/api/v1/txs', { ...unsigned, signature });
  return hash;
}

// Waits until the transaction is committed; resolves with its status document (result included).
export async function waitForCommit(hash, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`/api/v1/txs/${hash}`);
    if (response.ok) {
      const doc = await response.json();
      if (doc.status === 'committed' || doc.status === 'rejected') return doc;
    }
    if (Date.now() > deadline) throw new Error('The transaction was not committed in time.');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

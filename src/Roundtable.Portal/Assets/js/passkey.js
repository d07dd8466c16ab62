// A member key held by a passkey (docs/portal.md, "Passkeys"): a WebAuthn ES256 credential on the
// person's phone, security key or password manager. The private key never leaves the
// authenticator; this browser keeps only the public key, the credential id and the site
// (relying-party id) it was made for, in its own IndexedDB database. To sign, the authenticator is
// asked for an assertion whose challenge is SHA-256 of the transaction's signing payload; the
// chain (signature algorithm 02, docs/encoding.md) checks the challenge, the user-present flag,
// the site against its parameters, and the ECDSA signature. DER signatures are converted to r‖s
// and normalised to low S, the only form the chain accepts.

import { keyStore } from './key-store.js';
import { lowS, toHex } from './member-key.js';

const DATABASE = 'roundtable-passkeys';
const STORE = 'passkeys';
const ES256 = -7;

const toBase64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

const transact = keyStore(DATABASE, STORE);

// The chain's canonical varint (unsigned LEB128), as hex.
function varintHex(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return toHex(bytes);
}

// An ECDSA signature in DER (SEQUENCE of two INTEGERs) as the 64-byte r‖s.
export function derToRs(der) {
  const fail = () => { throw new Error('The authenticator returned a signature that is not ECDSA P-256.'); };
  if (der[0] !== 0x30 || der[1] !== der.length - 2) fail();
  const out = new Uint8Array(64);
  let offset = 2;
  for (const slot of [0, 32]) {
    if (der[offset] !== 0x02) fail();
    const length = der[offset + 1];
    let value = der.subarray(offset + 2, offset + 2 + length);
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32 || value.length === 0) fail();
    out.set(value, slot + 32 - value.length);
    offset += 2 + length;
  }
  if (offset !== der.length) fail();
  return out;
}

// Makes a passkey for this site and keeps its public part under `name`.
// Resolves with { name, kind: 'passkey', publicKey ('02' + X‖Y hex), credentialId (base64url), rpId }.
export async function createPasskey(name, { rpId = location.hostname, userName = name, displayName = userName } = {}) {
  const credential = await navigator.credentials.create({
    publicKey: {
      rp: { id: rpId, name: 'Roundtable' },
      user: { id: crypto.getRandomValues(new Uint8Array(16)), name: userName, displayName },
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      pubKeyCredParams: [{ type: 'public-key', alg: ES256 }],
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      attestation: 'none',
    },
  });
  if (credential.response.getPublicKeyAlgorithm() !== ES256) {
    throw new Error('This authenticator did not make a P-256 (ES256) passkey, which the chain needs.');
  }
  // The public key comes as SubjectPublicKeyInfo (DER); for P-256 its last 64 bytes are X‖Y.
  const spki = new Uint8Array(credential.response.getPublicKey());
  const passkey = {
    name, kind: 'passkey', publicKey: '02' + toHex(spki.subarray(spki.length - 64)),
    credentialId: toBase64Url(new Uint8Array(credential.rawId)), rpId,
  };
  await transact('readwrite', (store) => store.put(passkey, name));
  return passkey;
}

// The kept passkey called `name`, or null.
export async function loadPasskey(name) {
  return (await transact('readonly', (store) => store.get(name))) ?? null;
}

export async function forgetPasskey(name) {
  await transact('readwrite', (store) => store.delete(name));
}

// Signs `payload` (the bytes the node's /txs/signing-payload returned) with the passkey:
// resolves with the hex of the chain's tag-02 signature (authenticator data, client data JSON, r‖s).
export async function passkeySignature(key, payload) {
  const challenge = new Uint8Array(await crypto.subtle.digest('SHA-256', payload));
  const assertion = await navigator.credentials.get({
    publicKey: {
      challenge, rpId: key.rpId, userVerification: 'preferred',
      allowCredentials: [{ type: 'public-key', id: fromBase64Url(key.credentialId) }],
    },
  });
  const authenticatorData = new Uint8Array(assertion.response.authenticatorData);
  const clientData = new Uint8Array(assertion.response.clientDataJSON);
  const rs = lowS(derToRs(new Uint8Array(assertion.response.signature)));
  return '02' + varintHex(authenticatorData.length) + toHex(authenticatorData)
    + varintHex(clientData.length) + toHex(clientData) + toHex(rs);
}

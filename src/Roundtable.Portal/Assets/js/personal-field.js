// Personal values never go on chain (docs/personal-data.md): the browser draws a salt for each
// value, puts only the salted commitment in the transaction, and once it is committed sends the
// value and its salt beside it to the node's erasable store. Parity with
// PersonalFieldCommitment.Compute is pinned by PersonalFieldCommitmentTests in the browser tests.

import { sha256 } from './crypto.js';
import { newSalt, varUInt } from './ballot-codec.js';
import { toHex } from './member-key.js';

const utf8 = new TextEncoder();

// string(x) of docs/encoding.md: varint byte length, then the UTF-8 bytes.
function canonicalString(text) {
  const bytes = utf8.encode(text);
  const out = [];
  varUInt(bytes.length, out);
  return Uint8Array.from([...out, ...bytes]);
}

const DOMAIN = canonicalString('roundtable/personal-field/v1');

// SHA-256(string(domain) ‖ string(field) ‖ salt ‖ string(value)), as PersonalFieldCommitment.Compute.
export async function personalFieldCommitment(field, salt, value) {
  if (salt.length !== 32) throw new RangeError('A personal field salt is 32 bytes.');
  return sha256(DOMAIN, canonicalString(field), salt, canonicalString(value));
}

// One disclosure per field (a fresh salt each), in the JSON of POST /api/v1/disclosures.
export async function discloseFields(fields) {
  const disclosures = [];
  for (const [field, value] of Object.entries(fields)) {
    const salt = newSalt();
    disclosures.push({ commitment: toHex(await personalFieldCommitment(field, salt, value)), field, value, salt: toHex(salt) });
  }
  return disclosures;
}

// Sends the values beside their committed transaction; the node checks each against its commitment.
export async function sendDisclosures(disclosures) {
  if (disclosures.length === 0) return;
  const response = await fetch('/api/v1/disclosures', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disclosures }),
  });
  if (!response.ok) {
    const json = await response.json().catch(() => ({}));
    throw new Error(json.detail ?? `The node answered ${response.status}.`);
  }
}

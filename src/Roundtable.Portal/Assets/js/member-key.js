// A member's key, held by the person in this browser (docs/portal.md, "Keys"): ECDSA P-256 made
// by WebCrypto. The private key is stored in IndexedDB as a non-extractable CryptoKey, so no
// script (ours included) can read it out; the only copy that can leave is the backup, encrypted
// with the person's passphrase (PBKDF2-SHA-256, 600,000 iterations, then AES-256-GCM) at the
// moment the key is made. Signatures come out of WebCrypto as r‖s and are normalised to low S,
// the only form the chain accepts.

import { keyStore } from './key-store.js';

const subtle = globalThis.crypto.subtle;
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' };
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const PBKDF2_ITERATIONS = 600000;
const DATABASE = 'roundtable-keys';
const STORE = 'keys';
const BACKUP_FORMAT = 'roundtable-key-backup';

const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text) => Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));
const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

function bigToBytes(value) {
  return fromHex(value.toString(16).padStart(64, '0'));
}

// WebCrypto does not normalise S; the chain requires S <= n/2 (the same signature, mirrored).
export function lowS(rs) {
  const s = BigInt('0x' + toHex(rs.subarray(32)));
  if (s <= N / 2n) return rs;
  const out = new Uint8Array(64);
  out.set(rs.subarray(0, 32));
  out.set(bigToBytes(N - s), 32);
  return out;
}

// The chain's public key form: tag 01 then the 64-byte point X‖Y.
async function publicKeyHex(publicKey) {
  const raw = new Uint8Array(await subtle.exportKey('raw', publicKey));
  return '01' + toHex(raw.subarray(1));
}

const transact = keyStore(DATABASE, STORE);

async function passphraseKey(passphrase, salt) {
  if (typeof passphrase !== 'string' || passphrase.length < 8) {
    throw new Error('The passphrase protects your backup: use at least 8 characters.');
  }
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

// Keeps a key pair under `name`: the private key re-imported as non-extractable.
async function keep(name, pkcs8, publicKeyHexValue, backup) {
  const privateKey = await subtle.importKey('pkcs8', pkcs8, ALGORITHM, false, ['sign']);
  await transact('readwrite', (store) => store.put({ privateKey, publicKey: publicKeyHexValue, backup }, name));
  return { name, publicKey: publicKeyHexValue, backup };
}

// Makes a new key, keeps it, and returns its public key and the encrypted backup (a JSON text to save as a file).
export async function createKey(name, passphrase) {
  const pair = await subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const publicKey = await publicKeyHex(pair.publicKey);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, await passphraseKey(passphrase, salt), pkcs8));
  const backup = JSON.stringify({
    format: BACKUP_FORMAT, version: 1, publicKey, kdf: { name: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-256-GCM', iv: toBase64(iv) }, ciphertext: toBase64(ciphertext),
  });
  try {
    return await keep(name, pkcs8, publicKey, backup);
  } finally {
    pkcs8.fill(0);
  }
}

// Restores a key from its backup file; a wrong passphrase or a changed file is refused.
export async function importBackup(name, backupText, passphrase) {
  let backup;
  try {
    backup = JSON.parse(backupText);
  } catch {
    throw new Error('This file is not a Roundtable key backup.');
  }
  if (backup?.format !== BACKUP_FORMAT || backup.version !== 1) {
    throw new Error('This file is not a Roundtable key backup.');
  }
  let pkcs8;
  try {
    const key = await passphraseKey(passphrase, fromBase64(backup.kdf.salt));
    pkcs8 = new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(backup.cipher.iv) }, key, fromBase64(backup.ciphertext)));
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('The passphrase')) throw e;
    throw new Error('The passphrase is wrong, or the backup file was changed.');
  }
  return keep(name, pkcs8, backup.publicKey, backupText);
}

// The kept key called `name`, or null: { name, publicKey, backup, privateKey (non-extractable) }.
export async function loadKey(name) {
  const entry = await transact('readonly', (store) => store.get(name));
  return entry ? { name, ...entry } : null;
}

export async function forgetKey(name) {
  await transact('readwrite', (store) => store.delete(name));
}

// Signs `payload` (the bytes the node's /txs/signing-payload returned) with the kept key: 64-byte low-S r‖s.
export async function sign(key, payload) {
  const rs = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, payload));
  return lowS(rs);
}

export { toHex, fromHex };

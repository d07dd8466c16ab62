// SHA-256 and P-256 signature checks through the browser's WebCrypto: the only two primitives a
// Roundtable proof needs. Imported keys are cached by their encoding, as the C# verifier caches them.

const subtle = globalThis.crypto.subtle;
const keys = new Map();

export async function sha256(...parts) {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return new Uint8Array(await subtle.digest('SHA-256', joined));
}

async function importKey(key) {
  const id = key.encoded.join(',');
  let imported = keys.get(id);
  if (imported === undefined) {
    const raw = new Uint8Array(65);
    raw[0] = 0x04;
    raw.set(key.point, 1);
    imported = subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']).catch(() => null);
    keys.set(id, imported);
  }
  return imported;
}

// True when rs (r‖s, 64 bytes) is a valid ECDSA P-256 SHA-256 signature of message by key.
// WebCrypto takes r‖s as it is (IEEE P1363), the chain's own form.
export async function verifySignature(key, message, rs) {
  const imported = await importKey(key);
  return imported !== null && subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, imported, rs, message);
}

// Decodes a proof bundle (docs/proofs.md §2), with the limits and shape checks of ProofBundle.Decode.

import { CanonicalReader, DecodeError } from './canonical-reader.js';
import { equalBytes, readChainId, readCommit, readHeader, readValidatorSet } from './ledger-codec.js';
import { readInclusionProof, readStateProof } from './merkle.js';
import { sha256 } from './crypto.js';

const MAGIC = new TextEncoder().encode('RTPB');
const VERSION = 1;
const MAX_BUNDLE = 16 * 1024 * 1024;
const MAX_HEADERS = 4096;
const MAX_CLAIMS = 64;
const MAX_KEY = 1024;
const MAX_VALUE = 1 << 20;
const MAX_TX = 96 * 1024;
const GENESIS_DOMAIN = new TextEncoder().encode('roundtable.genesis.v1');

function readAnchor(reader, chainId) {
  const tag = reader.byte('trust anchor type');
  if (tag === 1) {
    const timeStart = reader.position;
    const genesisTimeMs = reader.bigVarint('genesis time');
    const timeBytes = reader.bytes.subarray(timeStart, reader.position);
    return { type: 'genesis', chainId, genesisTimeMs, timeBytes, validators: readValidatorSet(reader), height: 0n };
  }
  if (tag === 2) {
    const header = readHeader(reader);
    const next = readValidatorSet(reader);
    if (header.chainId !== chainId) {
      throw new DecodeError(`The trusted header is of chain '${header.chainId}', the bundle of '${chainId}'.`);
    }
    return { type: 'header', header, next, height: header.height };
  }
  throw new DecodeError(`Unknown trust anchor type ${tag}.`);
}

function readClaim(reader) {
  const tag = reader.byte('claim type');
  const height = reader.bigVarint('claim height');
  if (height === 0n) {
    throw new DecodeError('A claim names a block height of 1 or more.');
  }
  if (tag === 1) {
    return { type: 'transaction', height, transaction: reader.bytesField(MAX_TX, 'transaction'), path: readInclusionProof(reader) };
  }
  if (tag === 2) {
    const key = reader.bytesField(MAX_KEY, 'state key');
    if (key.length === 0) {
      throw new DecodeError('A state claim names a key.');
    }
    const value = reader.optionalMarker('state value marker') ? reader.bytesField(MAX_VALUE, 'state value') : null;
    return { type: 'state', height, key, value, proof: readStateProof(reader) };
  }
  throw new DecodeError(`Unknown claim type ${tag}.`);
}

// Decodes a bundle; throws DecodeError naming what is malformed. Hashes (anchor, header ids,
// validator-set hashes) are computed here, so the verifier works on plain values.
export async function decodeBundle(bytes) {
  if (bytes.length > MAX_BUNDLE) {
    throw new DecodeError(`A proof bundle is at most ${MAX_BUNDLE} bytes; this one is ${bytes.length}.`);
  }
  const reader = new CanonicalReader(bytes);
  if (reader.remaining < MAGIC.length || !equalBytes(reader.fixed(MAGIC.length), MAGIC)) {
    throw new DecodeError('This is not a Roundtable proof bundle (it does not start with RTPB).');
  }
  const version = reader.byte('bundle version');
  if (version !== VERSION) {
    throw new DecodeError(`Proof bundle version ${version} is not supported (this page reads version ${VERSION}).`);
  }
  const chainIdStart = reader.position;
  const chainId = readChainId(reader);
  const chainIdBytes = bytes.subarray(chainIdStart, reader.position);
  const anchor = readAnchor(reader, chainId);
  const headerCount = reader.length(MAX_HEADERS, 'header count');
  const headers = [];
  for (let i = 0; i < headerCount; i++) {
    const header = readHeader(reader);
    const commit = readCommit(reader);
    const next = reader.optionalMarker('next validator set marker') ? readValidatorSet(reader) : null;
    const changes = !equalBytes(header.nextValidatorSetHash, header.validatorSetHash);
    if (changes !== (next !== null)) {
      throw new DecodeError(`Header ${header.height}: a validator set travels with a header exactly when the header changes the set.`);
    }
    const previous = i === 0 ? anchor.height : headers[i - 1].header.height;
    if (header.height <= previous) {
      throw new DecodeError(`Bundle headers must follow the trust anchor in ascending height order; header ${header.height} comes after ${previous}.`);
    }
    headers.push({ header, commit, next, changes });
  }
  const claimCount = reader.length(MAX_CLAIMS, 'claim count');
  const claims = [];
  for (let i = 0; i < claimCount; i++) claims.push(readClaim(reader));
  reader.ensureEnd();

  await hashSet(anchor.validators ?? anchor.next);
  if (anchor.type === 'genesis') {
    anchor.hash = await sha256(GENESIS_DOMAIN, chainIdBytes, anchor.timeBytes, anchor.validators.encoded);
  } else {
    await hashHeader(anchor.header);
    if (!equalBytes(anchor.next.hash, anchor.header.nextValidatorSetHash)) {
      throw new DecodeError('The trusted header\'s next validator set does not match the set that follows it.');
    }
    anchor.hash = anchor.header.id;
  }
  for (const entry of headers) {
    await hashHeader(entry.header);
    if (entry.next) await hashSet(entry.next);
  }
  return { chainId, anchor, headers, claims };
}

async function hashHeader(header) {
  header.id = await sha256(header.encoded);
}

async function hashSet(set) {
  set.hash = await sha256(set.encoded);
}

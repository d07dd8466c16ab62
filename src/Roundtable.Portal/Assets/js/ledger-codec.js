// Decoders of the ledger structures a proof bundle carries: keys, signatures, validator sets,
// headers and commits, mirroring src/Roundtable.Ledger (the limits and checks are the same, so a
// bundle the C# decoder refuses is refused here too). Each decoded structure keeps the exact bytes
// it was read from, because ids and hashes are SHA-256 of those bytes.

import { DecodeError } from './canonical-reader.js';

const P256_TAG = 1;
const MAX_VALIDATORS = 256;
const MAX_CHAIN_ID = 64;
const MAX_VALIDATOR_NAME = 64;
const MAX_IDENTIFIER = 32;
const HEADER_VERSION = 1;

// The order n of P-256, halved: a canonical signature has S <= n/2.
const HALF_N = 0x7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8n;

export function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

export function equalBytes(a, b) {
  return a.length === b.length && compareBytes(a, b) === 0;
}

export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function bigFromBytes(bytes) {
  return BigInt('0x' + (hex(bytes) || '0'));
}

function slice(reader, start) {
  return reader.bytes.subarray(start, reader.position);
}

export function readChainId(reader) {
  const value = reader.string(MAX_CHAIN_ID, 'chain id');
  if (!/^[a-z0-9._-]{1,64}$/.test(value)) {
    throw new DecodeError(`'${value}' is not a valid chain id.`);
  }
  return value;
}

function readIdentifier(reader, what) {
  const value = reader.string(MAX_IDENTIFIER, what);
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(value)) {
    throw new DecodeError(`'${value}' is not a valid ${what}.`);
  }
  return value;
}

export function readPublicKey(reader) {
  const start = reader.position;
  const tag = reader.byte('key algorithm');
  if (tag !== P256_TAG) {
    throw new DecodeError(`Unknown key algorithm ${tag}.`);
  }
  const point = reader.fixed(64, 'public key');
  return { encoded: slice(reader, start), point };
}

export function readSignature(reader) {
  const tag = reader.byte('signature algorithm');
  if (tag !== P256_TAG) {
    throw new DecodeError(`Unknown signature algorithm ${tag}.`);
  }
  const rs = reader.fixed(64, 'signature');
  if (bigFromBytes(rs.subarray(32)) > HALF_N) {
    throw new DecodeError('Signature S is above n/2; only low-S signatures are canonical.');
  }
  return rs;
}

export function readValidatorSet(reader) {
  const start = reader.position;
  const count = reader.length(MAX_VALIDATORS, 'validator count');
  if (count === 0) {
    throw new DecodeError('A validator set has 1 to 256 validators.');
  }
  const validators = [];
  let total = 0n;
  for (let i = 0; i < count; i++) {
    const key = readPublicKey(reader);
    const name = reader.string(MAX_VALIDATOR_NAME, 'validator name');
    if (name.length === 0) {
      throw new DecodeError('A validator needs a name.');
    }
    const group = readIdentifier(reader, 'validator group');
    const power = reader.bigVarint('validator power');
    if (power === 0n) {
      throw new DecodeError('A validator must have voting power.');
    }
    if (i > 0 && compareBytes(validators[i - 1].key.encoded, key.encoded) >= 0) {
      throw new DecodeError('Validators must be in ascending key order without duplicates.');
    }
    total += power;
    if (total > 0xffffffffffffffffn) {
      throw new DecodeError('The total voting power does not fit in 64 bits.');
    }
    validators.push({ key, name, group, power });
  }
  return { encoded: slice(reader, start), validators, totalPower: total };
}

export function readCommit(reader) {
  const height = reader.bigVarint('commit height');
  const round = reader.varint('round', 0xffffffff);
  const blockId = reader.hash('commit block id');
  const count = reader.length(MAX_VALIDATORS, 'commit signature count');
  const signatures = [];
  for (let i = 0; i < count; i++) {
    const validator = readPublicKey(reader);
    const timestamp = reader.bigVarint('vote timestamp');
    const signature = readSignature(reader);
    if (i > 0 && compareBytes(signatures[i - 1].validator.encoded, validator.encoded) >= 0) {
      throw new DecodeError('Commit signatures must be in ascending validator order without duplicates.');
    }
    signatures.push({ validator, timestamp, signature });
  }
  return { height, round, blockId, signatures };
}

export function readHeader(reader) {
  const start = reader.position;
  const version = reader.byte('header version');
  if (version !== HEADER_VERSION) {
    throw new DecodeError(`Unknown block header version ${version}.`);
  }
  const chainId = readChainId(reader);
  const height = reader.bigVarint('height');
  if (height === 0n) {
    throw new DecodeError('Block height starts at 1.');
  }
  const header = {
    chainId,
    height,
    timeMs: reader.bigVarint('block time'),
    previousBlockId: reader.hash('previous block id'),
    txRoot: reader.hash('transaction root'),
    evidenceRoot: reader.hash('evidence root'),
    stateRoot: reader.hash('state root'),
    validatorSetHash: reader.hash('validator set hash'),
    nextValidatorSetHash: reader.hash('next validator set hash'),
    proposer: readPublicKey(reader),
  };
  const lastCommit = reader.optionalMarker('last commit marker') ? readCommit(reader) : null;
  if ((lastCommit === null) !== (height === 1n)) {
    throw new DecodeError('Every block after the first carries its parent\'s commit, and only those do.');
  }
  if (lastCommit !== null && lastCommit.height !== height - 1n) {
    throw new DecodeError(`Block ${height} carries a commit for height ${lastCommit.height}.`);
  }
  header.encoded = slice(reader, start);
  return header;
}

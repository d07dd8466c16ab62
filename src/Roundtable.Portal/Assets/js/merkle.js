// The two Merkle structures of docs/merkle.md: RFC 6962 audit paths to a block's transaction root,
// and membership / non-membership proofs of the sparse Merkle state map.

import { DecodeError } from './canonical-reader.js';
import { equalBytes } from './ledger-codec.js';
import { sha256 } from './crypto.js';

const LEAF = new Uint8Array([0x00]);
const NODE = new Uint8Array([0x01]);
const ZERO = new Uint8Array(32);
const MAX_PATH = 64;
const MAX_SIBLINGS = 256;
const MAX_TREE = (1n << 63n) - 1n;

export const hashLeaf = (data) => sha256(LEAF, data);
const hashChildren = (left, right) => sha256(NODE, left, right);

function expectedPathLength(index, size) {
  let fn = index;
  let sn = size - 1n;
  let count = 0;
  while (sn !== 0n) {
    if ((fn & 1n) === 0n && fn === sn) {
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    }
    count++;
    fn >>= 1n;
    sn >>= 1n;
  }
  return count;
}

export function readInclusionProof(reader) {
  const leafIndex = reader.bigVarint('inclusion proof leaf index');
  const treeSize = reader.bigVarint('inclusion proof tree size');
  if (treeSize > MAX_TREE || leafIndex >= MAX_TREE) {
    throw new DecodeError('Inclusion proof sizes are limited to 2^63 - 1.');
  }
  if (leafIndex >= treeSize) {
    throw new DecodeError(`Inclusion proof leaf index ${leafIndex} is outside a tree of ${treeSize} leaves.`);
  }
  const count = reader.length(MAX_PATH, 'inclusion proof path length');
  const expected = expectedPathLength(leafIndex, treeSize);
  if (count !== expected) {
    throw new DecodeError(`An inclusion proof for leaf ${leafIndex} of ${treeSize} has ${expected} path element(s), got ${count}.`);
  }
  const path = [];
  for (let i = 0; i < count; i++) path.push(reader.hash('inclusion proof path'));
  return { leafIndex, treeSize, path };
}

// RFC 9162 §2.1.3.2, as InclusionProof.Verify.
export async function verifyInclusion(proof, leafHash, root) {
  if (proof.leafIndex >= proof.treeSize) return false;
  let fn = proof.leafIndex;
  let sn = proof.treeSize - 1n;
  let r = leafHash;
  for (const p of proof.path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = await hashChildren(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await hashChildren(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equalBytes(r, root);
}

export function readStateProof(reader) {
  let leaf = null;
  if (reader.optionalMarker('state proof leaf marker')) {
    leaf = { keyPath: reader.hash('state proof key path'), valueHash: reader.hash('state proof value hash') };
  }
  const count = reader.length(MAX_SIBLINGS, 'state proof sibling count');
  const siblings = [];
  for (let i = 0; i < count; i++) siblings.push(reader.hash('state proof sibling'));
  return { leaf, siblings };
}

const bit = (hash, index) => ((hash[index >> 3] >> (7 - (index & 7))) & 1) === 1;

async function rootFrom(siblings, path, bottom) {
  let node = bottom;
  for (let depth = siblings.length - 1; depth >= 0; depth--) {
    node = bit(path, depth) ? await hashChildren(siblings[depth], node) : await hashChildren(node, siblings[depth]);
  }
  return node;
}

// As StateProof.VerifyMembership / VerifyNonMembership.
export async function verifyState(proof, root, key, value) {
  const path = await sha256(key);
  if (value !== null) {
    const valueHash = await sha256(value);
    if (proof.leaf === null || !equalBytes(proof.leaf.keyPath, path) || !equalBytes(proof.leaf.valueHash, valueHash)) return false;
    return equalBytes(await rootFrom(proof.siblings, path, await sha256(LEAF, path, valueHash)), root);
  }
  if (proof.leaf === null) {
    return equalBytes(await rootFrom(proof.siblings, path, ZERO), root);
  }
  if (equalBytes(proof.leaf.keyPath, path)) return false;
  for (let i = 0; i < proof.siblings.length; i++) {
    if (bit(proof.leaf.keyPath, i) !== bit(path, i)) return false;
  }
  return equalBytes(await rootFrom(proof.siblings, path, await sha256(LEAF, proof.leaf.keyPath, proof.leaf.valueHash)), root);
}

// Verifies a decoded proof bundle with the rules of BundleVerifier (docs/proofs.md §4), in the
// browser, without any network: the same parts are named in the same words, so a person gets the
// same verdict here as from `roundtable verify`.

import { equalBytes, hex } from './ledger-codec.js';
import { sha256, verifySignature } from './crypto.js';
import { hashLeaf, verifyInclusion, verifyState } from './merkle.js';

const VOTE_DOMAIN = new TextEncoder().encode('roundtable.vote.v1');
const PRECOMMIT = 2;
const utf8 = new TextEncoder();
const short = (bytes) => hex(bytes).slice(0, 12);

function varint(value) {
  const out = [];
  let v = BigInt(value);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    out.push(b);
  } while (v !== 0n);
  return new Uint8Array(out);
}

function stringField(text) {
  const bytes = utf8.encode(text);
  return new Uint8Array([...varint(bytes.length), ...bytes]);
}

function votePayload(chainId, commit, timestamp) {
  return new Uint8Array([
    ...VOTE_DOMAIN, ...stringField(chainId), PRECOMMIT, ...varint(commit.height), ...varint(commit.round),
    ...commit.blockId, ...varint(timestamp),
  ]);
}

const findValidator = (set, key) => set.validators.find((v) => equalBytes(v.key.encoded, key.encoded)) ?? null;
const isQuorum = (set, power) => power * 3n > set.totalPower * 2n;

function byGroup(commit, set) {
  const signed = new Set(commit.signatures.map((s) => hex(s.validator.encoded)));
  const groups = new Map();
  for (const v of set.validators) {
    const g = groups.get(v.group) ?? { group: v.group, signers: 0, validators: 0, signedPower: 0n, groupPower: 0n };
    g.validators++;
    g.groupPower += v.power;
    if (signed.has(hex(v.key.encoded))) {
      g.signers++;
      g.signedPower += v.power;
    }
    groups.set(v.group, g);
  }
  return [...groups.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

export function describeClaim(claim, txHash) {
  return claim.type === 'transaction'
    ? `transaction ${short(txHash)} in block ${claim.height}`
    : `state key ${new TextDecoder().decode(claim.key)} at block ${claim.height}`;
}

// Verifies `bundle` (from decodeBundle) against the trusted hash (64 hex characters).
// Returns { verified, part, reason, headers, claims, validatorSetChanges }.
export async function verifyBundle(bundle, trustedHex) {
  const headers = [];
  const claims = [];
  const refute = (part, reason) => ({ verified: false, part, reason, anchor: bundle.anchor, headers, claims, validatorSetChanges: headers.filter((h) => h.changesValidators).length });
  const anchor = bundle.anchor;
  if (hex(anchor.hash) !== trustedHex.toLowerCase()) {
    return refute('trust anchor', `the bundle starts from ${anchor.type === 'genesis' ? 'genesis' : 'block'} ${hex(anchor.hash)}, but you trust ${trustedHex.toLowerCase()}: it is another chain or another point of it`);
  }

  const byHeight = new Map();
  if (anchor.type === 'header') {
    byHeight.set(anchor.header.height, { header: anchor.header, verified: { height: anchor.header.height, timeMs: anchor.header.timeMs, trusted: true } });
  }
  let trusted = anchor.type === 'genesis' ? anchor.validators : anchor.next;
  let previous = anchor.height;
  for (const entry of bundle.headers) {
    const h = entry.header;
    const part = `header ${h.height}`;
    if (h.chainId !== bundle.chainId) return refute(part, `it is a header of chain '${h.chainId}', not '${bundle.chainId}'`);
    if (h.height <= previous) return refute(part, `headers must ascend from the trust anchor; it follows height ${previous}`);
    if (!equalBytes(h.validatorSetHash, trusted.hash)) {
      return refute(`validator-set link before header ${h.height}`,
        `the header names validator set ${short(h.validatorSetHash)}, but the links from the trust anchor put set ${short(trusted.hash)} in charge at that height: a validator-set change is missing or forged`);
    }
    const commit = entry.commit;
    if (commit.height !== h.height || !equalBytes(commit.blockId, h.id)) {
      return refute(`${part} commit`, `the commit is for block ${short(commit.blockId)} at height ${commit.height}, but the header hashes to ${short(h.id)}: a header field or the commit was changed`);
    }
    let signed = 0n;
    for (let i = 0; i < commit.signatures.length; i++) {
      const sig = commit.signatures[i];
      const validator = findValidator(trusted, sig.validator);
      if (validator === null) {
        return refute(`${part} commit`, `it is signed by ${short(await sha256(sig.validator.encoded))}, which is not a validator of that height`);
      }
      if (!(await verifySignature(sig.validator, votePayload(bundle.chainId, commit, sig.timestamp), sig.signature))) {
        return refute(`${part} commit`, `commit signature ${i + 1} of ${commit.signatures.length}, by validator ${validator.name} (${validator.group}), does not verify`);
      }
      signed += validator.power;
    }
    if (!isQuorum(trusted, signed)) {
      return refute(`${part} commit`, `its signers hold ${signed} of ${trusted.totalPower} voting power, not more than two thirds`);
    }
    if (entry.changes && !equalBytes(entry.next.hash, h.nextValidatorSetHash)) {
      return refute(`validator-set link at header ${h.height}`, 'the new validator set does not hash to the one the header names');
    }
    const verified = { height: h.height, blockId: h.id, timeMs: h.timeMs, signedPower: signed, totalPower: trusted.totalPower, groups: byGroup(commit, trusted), changesValidators: entry.changes };
    headers.push(verified);
    byHeight.set(h.height, { header: h, verified });
    trusted = entry.next ?? trusted;
    previous = h.height;
  }

  for (let i = 0; i < bundle.claims.length; i++) {
    const claim = bundle.claims[i];
    const txHash = claim.type === 'transaction' ? await sha256(claim.transaction) : null;
    const part = `claim ${i + 1} (${describeClaim(claim, txHash)})`;
    const at = byHeight.get(claim.height);
    if (at === undefined) return refute(part, `no verified header at height ${claim.height} in the bundle`);
    if (claim.type === 'transaction') {
      if (!(await verifyInclusion(claim.path, await hashLeaf(claim.transaction), at.header.txRoot))) {
        return refute(part, `its Merkle path (${claim.path.path.length} steps from leaf ${claim.path.leafIndex} of ${claim.path.treeSize}) does not lead to the header's transaction root ${short(at.header.txRoot)}`);
      }
    } else if (!(await verifyState(claim.proof, at.header.stateRoot, claim.key, claim.value))) {
      return refute(part, claim.value === null
        ? `its Merkle path (${claim.proof.siblings.length} steps) does not show the key absent under the header's state root ${short(at.header.stateRoot)}`
        : `its Merkle path (${claim.proof.siblings.length} steps) does not lead from this key and value to the header's state root ${short(at.header.stateRoot)}`);
    }
    claims.push({ claim, header: at.verified, description: describeClaim(claim, txHash) });
  }

  return { verified: true, part: null, reason: null, anchor, headers, claims, validatorSetChanges: headers.filter((h) => h.changesValidators).length };
}

// Ties a file's SHA-256 to the anchor the verified bundle proves (as DocumentCheck).
export function checkDocument(result, digestHex) {
  const key = `anchor/${digestHex}`;
  const text = (claim) => new TextDecoder().decode(claim.key);
  const match = result.claims.find((c) => c.claim.type === 'state' && text(c.claim) === key);
  if (match) {
    return match.claim.value === null
      ? { anchored: null, problem: `the file (SHA-256 ${digestHex}) was not anchored as of block ${match.claim.height}` }
      : { anchored: match, problem: null };
  }
  const other = result.claims.find((c) => c.claim.type === 'state' && text(c.claim).startsWith('anchor/'));
  return other
    ? { anchored: null, problem: `the file's SHA-256 is ${digestHex}, but the bundle proves the anchor of ${text(other.claim).slice('anchor/'.length)}: the file is not the anchored document (or was changed)` }
    : { anchored: null, problem: 'the bundle proves no anchored document, so it says nothing about this file' };
}

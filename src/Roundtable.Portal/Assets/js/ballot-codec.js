// Ballots in the chain's canonical encoding (docs/governance.md §9), made in the browser so that a
// secret ballot's commitment can be computed here: its salt and its choice never leave this
// browser before the reveal. Parity with the C# encoders is pinned by BallotCodecTests.

import { sha256 } from './crypto.js';

const utf8 = new TextEncoder();
const CHOICES = { yes: 1, no: 2, abstain: 3 };
const POSITIONS = { support: 1, 'stand-aside': 2, object: 3 };
const COMMITMENT_DOMAIN = utf8.encode('roundtable/ballot-commitment/v1\n');
export const SALT_SIZE = 32;
export const MAX_OPTIONS = 64;
export const MAX_CRITERIA = 32;
export const MAX_GRADES = 7;

// Appends the canonical varint of `value` to `out` (docs/encoding.md).
export function varUInt(value, out) {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

// yes, no or abstain: one byte.
export function encodeChoice(choice) {
  const tag = CHOICES[choice];
  if (!tag) throw new RangeError(`'${choice}' is not yes, no or abstain.`);
  return Uint8Array.of(tag);
}

// The set of approved option indices (0-based), strictly increasing.
export function encodeApproval(options) {
  const sorted = [...new Set(options)].sort((a, b) => a - b);
  if (sorted.some((o) => !Number.isInteger(o) || o < 0 || o >= MAX_OPTIONS)) throw new RangeError('An approved option is out of range.');
  const out = [];
  varUInt(sorted.length, out);
  for (const o of sorted) varUInt(o, out);
  return Uint8Array.from(out);
}

// `order` lists option indices from most to least preferred; options left out are unranked (0).
export function encodeRanking(optionCount, order) {
  if (optionCount < 1 || optionCount > MAX_OPTIONS) throw new RangeError('A ranked ballot is for 1 to 64 options.');
  const ranks = new Array(optionCount).fill(0);
  order.forEach((option, place) => {
    if (!Number.isInteger(option) || option < 0 || option >= optionCount || ranks[option] !== 0) throw new RangeError('The order names an option twice or one that does not exist.');
    ranks[option] = place + 1;
  });
  const out = [];
  varUInt(optionCount, out);
  for (const r of ranks) varUInt(r, out);
  return Uint8Array.from(out);
}

// A consensus statement: support, stand-aside or object, with its reason (required to object).
export function encodeStatement(position, reason = '') {
  const tag = POSITIONS[position];
  if (!tag) throw new RangeError(`'${position}' is not support, stand-aside or object.`);
  if (position === 'object' && reason.trim() === '') throw new RangeError('An objection needs its reason.');
  const text = utf8.encode(reason);
  const out = [tag];
  varUInt(text.length, out);
  return Uint8Array.from([...out, ...text]);
}

// An assessment's grades: one grade index (0 the worst) per criterion, in the criteria's order.
export function encodeGrades(grades) {
  if (grades.length < 1 || grades.length > MAX_CRITERIA) throw new RangeError('A grade ballot grades 1 to 32 criteria.');
  if (grades.some((g) => !Number.isInteger(g) || g < 0 || g >= MAX_GRADES)) throw new RangeError('A grade is out of range.');
  const out = [];
  varUInt(grades.length, out);
  return Uint8Array.from([...out, ...grades]);
}

// SHA-256(domain ‖ proposal id ‖ voter id ‖ ballot ‖ salt), as BallotCommitment.Compute.
export async function commitment(proposalId, voterId, ballot, salt) {
  if (proposalId.length !== 32 || voterId.length !== 32 || salt.length !== SALT_SIZE) throw new RangeError('Ids and salt are 32 bytes.');
  return sha256(COMMITMENT_DOMAIN, proposalId, voterId, ballot, salt);
}

export function newSalt() {
  return crypto.getRandomValues(new Uint8Array(SALT_SIZE));
}

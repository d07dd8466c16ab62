// The verify page: checks a proof bundle (and optionally the document it anchors) entirely in
// this browser, with the same rules as `roundtable verify`. Nothing is uploaded; once the page has
// loaded it works with the network switched off. Labels come from the page (data-* attributes on
// the output element), so they follow the reader's language.

import { DecodeError } from './canonical-reader.js';
import { decodeBundle } from './proof-bundle.js';
import { checkDocument, verifyBundle } from './proof-verifier.js';
import { hex } from './ledger-codec.js';
import { sha256 } from './crypto.js';
import { readAnchorRecord } from './anchor-record.js';

const output = document.getElementById('verify-result');
const label = (name, fallback) => output.dataset[name] ?? fallback;

function paragraph(text, className) {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

function list(items) {
  const ul = document.createElement('ul');
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = item;
    ul.append(li);
  }
  return ul;
}

function definitions(rows) {
  const dl = document.createElement('dl');
  for (const [term, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
  return dl;
}

const time = (ms) => new Date(Number(ms)).toLocaleString(document.documentElement.lang);

// What the proven anchor records, in the reader's words; as the command line's description.
function describeAnchor(record, provenAt) {
  const cosigners = new Map();
  for (const e of record.endorsements) cosigners.set(e.group, (cosigners.get(e.group) ?? 0) + 1);
  const by = record.byProposal ? `${label('byProposal', 'by proposal')} ${record.proposal}` : label('byAuthor', 'by its author');
  const status = record.status === 'active'
    ? label('active', 'not revoked')
    : `${label(record.status, record.status)} ${by}, ${label('block', 'block')} ${record.statusHeight}: ${record.reason}`;
  return definitions([
    [label('title', 'Document'), `${record.metadata.title} (${record.metadata.mediaType}, ${record.metadata.size} bytes)`],
    [label('anchored', 'Anchored'), `${label('block', 'block')} ${record.author.height}, ${time(record.author.timeMs)}`],
    [label('author', 'By a member of'), `${record.author.group} (${record.author.region}), ${record.author.verified ? label('verifiedMember', 'verified') : label('unverifiedMember', 'not verified')}`],
    [label('cosigners', 'Co-signed by'), cosigners.size === 0 ? label('none', 'nobody') : [...cosigners].sort().map(([g, n]) => `${g} ${n}`).join(', ')],
    [`${label('status', 'Status as of block')} ${provenAt}`, status],
  ]);
}

async function readFile(input) {
  const file = input.files && input.files[0];
  return file ? new Uint8Array(await file.arrayBuffer()) : null;
}

function show(nodes, verified) {
  output.replaceChildren(...nodes);
  output.dataset.verdict = verified ? 'verified' : 'refuted';
}

async function run() {
  const bundleBytes = await readFile(document.getElementById('verify-bundle'));
  const documentBytes = await readFile(document.getElementById('verify-file'));
  const trust = document.getElementById('verify-trust').value.trim();
  if (bundleBytes === null) {
    show([paragraph(label('needBundle', 'Choose a proof bundle file first.'), 'verdict refuted')], false);
    return;
  }
  if (!/^[0-9a-fA-F]{64}$/.test(trust)) {
    show([paragraph(label('needTrust', 'The trusted hash is 64 hexadecimal characters.'), 'verdict refuted')], false);
    return;
  }

  let bundle;
  try {
    bundle = await decodeBundle(bundleBytes);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    show([paragraph(`${label('refuted', 'Refuted')}: ${label('malformed', 'this is not a well-formed proof bundle')}: ${e.message}`, 'verdict refuted')], false);
    return;
  }

  const result = await verifyBundle(bundle, trust);
  let part = result.part;
  let reason = result.reason;
  const nodes = [];
  let anchor = null;
  if (documentBytes !== null) {
    const digest = hex(await sha256(documentBytes));
    nodes.push(paragraph(`${label('fileDigest', 'The document has SHA-256')} ${digest}.`));
    if (result.verified) {
      const checked = checkDocument(result, digest);
      if (checked.problem !== null) {
        part = 'file';
        reason = checked.problem;
      } else {
        anchor = describeAnchor(readAnchorRecord(checked.anchored.claim.value), checked.anchored.claim.height);
      }
    }
  }

  const verified = part === null;
  nodes.unshift(paragraph(verified ? label('verified', 'Verified, in this browser: no server was asked.') : `${label('refuted', 'Refuted')}: ${part}: ${reason}.`, verified ? 'verdict verified' : 'verdict refuted'));
  if (verified) {
    nodes.push(paragraph(label('proven', 'What is proven:')), list(result.claims.map((c) => c.description)));
    if (anchor !== null) nodes.push(anchor);
  }
  for (const h of result.headers) {
    const groups = h.groups.map((g) => `${g.group} ${g.signers}/${g.validators}`).join(', ');
    nodes.push(paragraph(`${label('blockHeading', 'Block')} ${h.height} (${time(h.timeMs)}): ${label('signedBy', 'signed by validators holding')} ${h.signedPower} / ${h.totalPower}: ${groups}.`));
  }
  nodes.push(paragraph(`${label('trusted', 'Trusted')}: ${result.anchor.type === 'genesis' ? label('genesis', 'the genesis') : label('trustedBlock', 'a block')} ${hex(result.anchor.hash)}; ${result.validatorSetChanges} ${label('setChanges', 'validator-set change(s) checked on the way')}.`));
  show(nodes, verified);
}

document.getElementById('verify-run').addEventListener('click', () => {
  output.textContent = label('working', 'Checking…');
  run().catch((e) => show([paragraph(`${label('refuted', 'Refuted')}: ${e.message}`, 'verdict refuted')], false));
});

// Decodes the notary's anchor record (docs/notary.md §5), as AnchorRecord.Decode, so the verify
// page can say what a proven anchor records: the document, its author, co-signers and status.

import { CanonicalReader, DecodeError } from './canonical-reader.js';
import { hex } from './ledger-codec.js';

const STATUS = {
  1: { status: 'active', byProposal: false },
  2: { status: 'revoked', byProposal: false },
  3: { status: 'superseded', byProposal: false },
  4: { status: 'revoked', byProposal: true },
  5: { status: 'superseded', byProposal: true },
};

function readSigner(reader) {
  return {
    member: hex(reader.hash('member id')),
    group: reader.string(32, 'stakeholder group'),
    region: reader.string(32, 'region'),
    verified: reader.optionalMarker('verified flag'),
    height: reader.bigVarint('height'),
    timeMs: reader.bigVarint('time'),
  };
}

function readList(reader, max, what, readItem) {
  const count = reader.length(max, what);
  const items = [];
  for (let i = 0; i < count; i++) items.push(readItem());
  return items;
}

export function readAnchorRecord(bytes) {
  const reader = new CanonicalReader(bytes);
  const record = {
    digest: hex(reader.hash('digest')),
    author: readSigner(reader),
    metadata: {
      title: reader.string(200, 'anchor title'),
      mediaType: reader.string(127, 'media type'),
      size: reader.bigVarint('size'),
      url: reader.optionalMarker('URL marker') ? reader.string(512, 'anchor URL') : null,
      tags: readList(reader, 16, 'tag count', () => reader.string(32, 'tag')),
    },
    links: readList(reader, 16, 'link count', () => ({ relation: reader.byte('relation') === 1 ? 'new-version-of' : 'derived-from', parent: hex(reader.hash('parent')) })),
    endorsements: readList(reader, 256, 'endorsement count', () => readSigner(reader)),
  };
  const statusByte = reader.byte('status');
  const status = STATUS[statusByte];
  if (status === undefined) {
    throw new DecodeError(`Unknown anchor status ${statusByte}.`);
  }
  Object.assign(record, status, { reason: '', statusHeight: 0n, replacement: null, proposal: null });
  if (status.status !== 'active') {
    record.reason = reader.string(500, 'status reason');
    record.statusHeight = reader.bigVarint('status height');
    if (status.status === 'superseded') record.replacement = hex(reader.hash('replacement'));
    if (status.byProposal) record.proposal = hex(reader.hash('proposal'));
  }
  reader.ensureEnd();
  return record;
}

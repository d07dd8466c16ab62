// What each data-tx form asks the chain to do: the message built from the form's fields (the
// names of docs/api.md's JSON messages), and what the page does once it is recorded. Ballots are
// encoded here, and a secret ballot's salt is made and kept here until its reveal.

import { encodeApproval, encodeChoice, encodeGrades, encodeRanking, encodeStatement, commitment, newSalt } from './ballot-codec.js';
import { fromHex, toHex } from './member-key.js';
import { sha256 } from './crypto.js';
import { keepSecretBallot, secretBallot, forgetSecretBallot } from './secret-ballots.js';
import { discloseFields, sendDisclosures } from './personal-field.js';

const utf8 = new TextEncoder();
const value = (form, name) => form.elements.namedItem(name)?.value ?? '';
const checked = (form, name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
// The values and salts of the profile a register form is sending, until its transaction is committed.
const pendingDisclosures = new WeakMap();

// The ballot the form holds, in canonical bytes (data-method says which form of ballot).
export function readBallot(form) {
  switch (form.dataset.method) {
    case 'choice': {
      const [choice] = checked(form, 'choice');
      if (!choice) throw new Error(form.dataset.needChoice ?? 'Choose yes, no or abstain.');
      return encodeChoice(choice);
    }
    case 'approval':
      return encodeApproval(checked(form, 'approve').map(Number));
    case 'ranked': {
      const order = [...form.querySelectorAll('[data-option]')].map((li) => Number(li.dataset.option));
      return encodeRanking(order.length, order);
    }
    case 'position': {
      const [position] = checked(form, 'position');
      if (!position) throw new Error(form.dataset.needPosition ?? 'Choose your position.');
      const reason = value(form, 'reason');
      if (position === 'object' && reason.trim() === '') throw new Error(form.dataset.needReason ?? 'An objection needs its reason.');
      return encodeStatement(position, reason);
    }
    case 'grades': {
      const grades = [...form.querySelectorAll('fieldset[data-criterion]')].map((set) => set.querySelector('input:checked')?.value);
      if (grades.length === 0 || grades.some((g) => g === undefined)) throw new Error(form.dataset.needGrades ?? 'Give every criterion a grade.');
      return encodeGrades(grades.map(Number));
    }
    default:
      throw new Error(`Unknown ballot form '${form.dataset.method}'.`);
  }
}

function profile(form) {
  const names = form.querySelectorAll('[name="profile-name"]');
  const values = form.querySelectorAll('[name="profile-value"]');
  const fields = {};
  names.forEach((n, i) => {
    const name = n.value.trim();
    const text = values[i]?.value.trim() ?? '';
    if (name !== '' && text !== '') fields[name] = text;
  });
  return fields;
}

async function roomCodeCommitment(session, code) {
  return toHex(await sha256(fromHex(session), utf8.encode(code)));
}

const builders = {
  'register-member': async (form) => {
    const disclosures = await discloseFields(profile(form));
    pendingDisclosures.set(form, disclosures);
    return {
      type: 'register-member', displayName: value(form, 'displayName').trim(), stakeholderGroup: value(form, 'stakeholderGroup'),
      region: value(form, 'region'), profile: Object.fromEntries(disclosures.map((d) => [d.field, d.commitment])),
    };
  },
  'attest-affiliation': (form) => ({ type: 'attest-affiliation', member: value(form, 'member') }),
  'check-in': (form) => {
    const [mode] = checked(form, 'mode');
    return { type: 'check-in', session: value(form, 'session'), mode: mode ?? 'on-site', code: mode === 'online' ? '' : value(form, 'code').trim().toUpperCase() };
  },
  'set-check-in-code': async (form) => {
    const code = value(form, 'code').trim().toUpperCase();
    if (code === '') throw new Error(form.dataset.needCode ?? 'Type the room code.');
    return { type: 'set-check-in-code', session: value(form, 'session'), codeCommitment: await roomCodeCommitment(value(form, 'session'), code) };
  },
  'cast-vote': (form) => ({ type: 'cast-vote', proposal: value(form, 'proposal'), document: value(form, 'document'), ballot: toHex(readBallot(form)) }),
  'commit-vote': async (form, me) => {
    const ballot = readBallot(form);
    const salt = newSalt();
    const proposal = value(form, 'proposal');
    keepSecretBallot(proposal, me.memberId, { ballot: toHex(ballot), salt: toHex(salt), title: form.dataset.title ?? '' });
    const commitmentHex = toHex(await commitment(fromHex(proposal), fromHex(me.memberId), ballot, salt));
    return { type: 'commit-vote', proposal, document: value(form, 'document'), commitment: commitmentHex };
  },
  'reveal-vote': (form, me) => {
    const kept = secretBallot(value(form, 'proposal'), me.memberId);
    if (!kept) throw new Error(form.dataset.noSalt ?? 'This browser does not hold the ballot you committed.');
    return { type: 'reveal-vote', proposal: value(form, 'proposal'), ballot: kept.ballot, salt: kept.salt };
  },
  'create-poll': (form) => ({
    type: 'create-poll', session: value(form, 'session'), question: value(form, 'question').trim(),
    options: value(form, 'options').split('\n').map((o) => o.trim()).filter((o) => o !== ''), method: value(form, 'method'),
  }),
  'open-poll': (form) => ({ type: 'open-poll', session: value(form, 'session'), poll: Number(value(form, 'poll')) }),
  'close-poll': (form) => ({ type: 'close-poll', session: value(form, 'session'), poll: Number(value(form, 'poll')) }),
  'cast-poll-ballot': (form) => ({ type: 'cast-poll-ballot', session: value(form, 'session'), poll: Number(value(form, 'poll')), ballot: toHex(readBallot(form)) }),
  'rule-on-objection': (form) => {
    const [addressed] = checked(form, 'addressed');
    return {
      type: 'rule-on-objection', proposal: value(form, 'proposal'), objector: value(form, 'objector'),
      objectionDigest: value(form, 'objectionDigest'), addressed: addressed === 'yes', rationale: value(form, 'rationale').trim(),
    };
  },
  'call-consensus': (form) => {
    const [call] = checked(form, 'consensus');
    return { type: 'call-consensus', proposal: value(form, 'proposal'), consensus: call === 'yes', rationale: value(form, 'rationale').trim() };
  },
  'set-guardians': (form) => {
    const guardians = checked(form, 'guardian');
    const threshold = Number(value(form, 'threshold'));
    if (!Number.isInteger(threshold) || threshold < 0 || threshold > guardians.length || (guardians.length > 0 && threshold === 0)) {
      throw new Error(form.dataset.needThreshold ?? 'Say how many guardians must agree.');
    }
    return { type: 'set-guardians', guardians, threshold };
  },
  'approve-recovery': (form) => ({ type: 'approve-recovery', member: value(form, 'member'), newKey: value(form, 'newKey').trim().toLowerCase() }),
  'cancel-recovery': () => ({ type: 'cancel-recovery' }),
  'revoke-key': () => ({ type: 'revoke-key' }),
  'comment-on-proposal': (form) => ({ type: 'comment-on-proposal', proposal: value(form, 'proposal'), text: value(form, 'text').trim() }),
  'sponsor-proposal': (form) => ({ type: 'sponsor-proposal', proposal: value(form, 'proposal') }),
  'propose-amendment': (form) => ({
    type: 'propose-amendment', proposal: value(form, 'proposal'), document: { markdown: value(form, 'markdown') }, rationale: value(form, 'rationale').trim(),
  }),
};

export async function buildMessage(form, me) {
  const build = builders[form.dataset.tx];
  if (!build) throw new Error(`Unknown action '${form.dataset.tx}'.`);
  return build(form, me);
}

// Once recorded: a new member's profile values go beside the chain and they go to their page; a room code shows as a QR; others reload to show the new state.
export async function afterCommit(form, me, done) {
  switch (form.dataset.tx) {
    case 'register-member': {
      await sendDisclosures(pendingDisclosures.get(form) ?? []);
      pendingDisclosures.delete(form);
      const account = await (await fetch(`/api/v1/accounts/${me.key.publicKey}`)).json();
      window.location.assign(`/members/${account.memberId}${window.location.search}`);
      return;
    }
    case 'set-check-in-code': {
      const url = new URL(window.location.href);
      url.searchParams.set('code', value(form, 'code').trim().toUpperCase());
      window.location.assign(url.toString());
      return;
    }
    case 'reveal-vote':
      forgetSecretBallot(value(form, 'proposal'), me.memberId);
      break;
    default:
      break;
  }
  const reload = setTimeout(() => window.location.reload(), 1500);
  // Someone who follows a link meanwhile goes where they asked: the reload would cancel that.
  window.addEventListener('beforeunload', () => clearTimeout(reload), { once: true });
}

// Taking part from a page: every form marked data-tx is signed with the key this browser holds
// and sent to the node; the person sees, in plain words, when it is recorded or why it was
// refused. Forms stay hidden until a key is found, so without JavaScript nothing half-works (the
// page says why). The words come from the key panel's data-* attributes, in the reader's language.

import { loadKey } from './member-key.js';
import { loadPasskey } from './passkey.js';
import { submit, waitForCommit } from './ledger-client.js';
import { buildMessage, afterCommit } from './tx-forms.js';
import { keptSecretBallots } from './secret-ballots.js';
import { enableRankings } from './ranking.js';
import { followLiveRegions } from './live.js';

const KEY_NAME = 'member';
const panel = document.getElementById('key-panel');
const word = (name, fallback) => panel?.dataset[name] ?? fallback;

function say(element, text, kind) {
  element.textContent = text;
  element.classList.remove('refused', 'recorded');
  if (kind) element.classList.add(kind);
}

async function account(key) {
  const response = await fetch(`/api/v1/accounts/${key.publicKey}`);
  return response.ok ? response.json() : null;
}

async function member(id) {
  const response = await fetch(`/api/v1/members/${id}`);
  return response.ok ? response.json() : null;
}

// The holder as the chain knows them: { key, memberId, member } (member null before registering).
async function holder() {
  // A key made here, or a passkey: every form works the same with either.
  const key = (await loadKey(KEY_NAME)) ?? (await loadPasskey(KEY_NAME));
  if (!key) return null;
  const found = await account(key);
  const memberId = found?.memberId ?? null;
  return { key, memberId, member: memberId ? await member(memberId) : null };
}

function describe(me) {
  if (!me) return word('noKey', 'This browser holds no member key yet.');
  if (!me.member) return word('keyNotRegistered', 'This browser holds a key that is not registered yet.');
  const status = me.member.verified ? word('verified', 'verified') : word('notVerified', 'not verified yet');
  return `${word('keyOf', 'This browser holds the key of')} ${me.member.displayName} (${status}).`;
}

// A secret ballot committed from this browser must be revealed, or it does not count: remind the
// person on every page once its reveal has opened.
async function remindReveals(me) {
  const list = panel?.querySelector('.reveal-reminders');
  if (!list || !me?.memberId) return;
  for (const kept of keptSecretBallots(me.memberId)) {
    const response = await fetch(`/api/v1/proposals/${kept.proposal}`);
    const proposal = response.ok ? await response.json() : null;
    if (proposal?.status !== 'revealing') continue;
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/proposals/${kept.proposal}#your-vote`;
    link.textContent = `${word('revealNow', 'The reveal has opened: reveal your ballot on')} “${proposal.title}”`;
    item.append(link);
    list.append(item);
    list.hidden = false;
  }
}

async function send(form, me) {
  const status = form.querySelector('.tx-status');
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const message = await buildMessage(form, me);
    say(status, word('signing', 'Signing with your key…'));
    const hash = await submit(me.key, message);
    say(status, word('sent', 'Sent. Waiting for the next block…'));
    const done = await waitForCommit(hash);
    if (done.status === 'rejected' || (done.result && done.result.code !== 'ok')) {
      say(status, `${word('refused', 'Refused:')} ${done.result?.reason ?? done.reason ?? ''}`, 'refused');
      return;
    }
    const recorded = `${word('recorded', 'Recorded in block')} ${done.height}.`;
    say(status, recorded, 'recorded');
    // The transaction is on the chain whatever follows; a failed next step (such as sending the
    // personal values a registration committed to) must not read as if nothing had been sent.
    await afterCommit(form, me, done).catch((e) => {
      say(status, `${recorded} ${word('nextStepFailed', 'But the next step failed:')} ${e.message}`, 'refused');
    });
  } catch (e) {
    say(status, `${word('notSent', 'Not sent:')} ${e.message}`, 'refused');
  } finally {
    button.disabled = false;
  }
}

async function start() {
  enableRankings();
  followLiveRegions();
  const me = await holder().catch(() => null);
  for (const element of document.querySelectorAll('[data-needs-key]')) {
    const wanted = element.dataset.needsKey;
    const show = wanted === 'none' ? !me : wanted === 'unregistered' ? me && !me.member : wanted === 'member' ? !!me?.member : !!me;
    const onlyFor = element.dataset.onlyFor;
    const allowed = !onlyFor || onlyFor.split(' ').includes(me?.memberId ?? '');
    element.hidden = !show || !allowed;
  }
  for (const form of document.querySelectorAll('form[data-tx]')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!me) return;
      send(form, me);
    });
  }
  // Said last, so a page whose key panel has spoken is ready to use.
  const status = panel?.querySelector('.key-status');
  if (status) say(status, describe(me));
  document.dispatchEvent(new CustomEvent('roundtable:holder', { detail: me }));
  remindReveals(me).catch(() => {});
}

start();

// The join page: makes the person's key in this browser (with its encrypted backup, offered as a
// file at once), restores one from a backup file, and offers the backup again or forgets the key.
// Registering is a data-tx form, handled by take-part.js like every other.

import './take-part.js';
import { createKey, importBackup, loadKey, forgetKey } from './member-key.js';
import { createPasskey, forgetPasskey } from './passkey.js';

const KEY_NAME = 'member';

function download(text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = 'roundtable-key-backup.json';
  document.body.append(link);
  link.click();
  link.remove();
}

function status(form, text, kind) {
  const output = form.querySelector('.key-form-status');
  output.textContent = text;
  output.classList.remove('refused', 'recorded');
  if (kind) output.classList.add(kind);
}

document.getElementById('make-key')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const output = form.querySelector('.key-form-status');
  const passphrase = form.elements.namedItem('passphrase').value;
  if (passphrase !== form.elements.namedItem('again').value) {
    status(form, output.dataset.mismatch, 'refused');
    return;
  }
  try {
    const key = await createKey(KEY_NAME, passphrase);
    download(key.backup);
    status(form, output.dataset.made, 'recorded');
    setTimeout(() => window.location.reload(), 1000);
  } catch (e) {
    status(form, e.message, 'refused');
  }
});

const passkeyButton = document.getElementById('make-passkey');
if (passkeyButton && !window.PublicKeyCredential) passkeyButton.closest('section').hidden = true;
passkeyButton?.addEventListener('click', async () => {
  const output = document.getElementById('passkey-status');
  try {
    await createPasskey(KEY_NAME, { userName: passkeyButton.dataset.userName });
    window.location.reload();
  } catch (e) {
    output.textContent = `${output.dataset.failed} ${e.message}`;
    output.classList.add('refused');
  }
});

document.getElementById('restore-key')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const file = form.elements.namedItem('file').files[0];
  try {
    if (!file) throw new Error('Choose your backup file.');
    await importBackup(KEY_NAME, await file.text(), form.elements.namedItem('passphrase').value);
    window.location.reload();
  } catch (e) {
    status(form, e.message, 'refused');
  }
});

document.getElementById('download-backup')?.addEventListener('click', async () => {
  const key = await loadKey(KEY_NAME);
  if (key?.backup) download(key.backup);
});

document.getElementById('forget-key')?.addEventListener('click', async (event) => {
  if (!window.confirm(event.currentTarget.dataset.confirm)) return;
  await forgetKey(KEY_NAME);
  await forgetPasskey(KEY_NAME);
  window.location.reload();
});

document.addEventListener('roundtable:holder', (event) => {
  const link = document.getElementById('my-page');
  if (link && event.detail?.memberId) link.href = `/members/${event.detail.memberId}`;
});

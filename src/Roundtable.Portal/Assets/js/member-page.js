// A member's page: besides the signed forms (take-part.js), it shows a person holding a new,
// unregistered key the link to send their guardians: this page, with the new key to approve.

import './take-part.js';

document.addEventListener('roundtable:holder', (event) => {
  const me = event.detail;
  const link = document.getElementById('recover-link');
  if (!link || !me || me.member) return;
  const url = new URL(window.location.href);
  url.search = '';
  url.searchParams.set('recover', me.key.publicKey);
  link.textContent = url.toString();
});

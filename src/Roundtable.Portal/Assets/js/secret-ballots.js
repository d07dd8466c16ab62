// Secret ballots committed from this browser: the ballot and its salt stay here (localStorage)
// until the reveal, because the chain holds only the commitment. Losing them means the ballot
// cannot be revealed, so the page warns before the person commits.

const PREFIX = 'roundtable-secret-ballot:';
const keyOf = (proposal, memberId) => `${PREFIX}${proposal}:${memberId}`;

export function keepSecretBallot(proposal, memberId, entry) {
  localStorage.setItem(keyOf(proposal, memberId), JSON.stringify(entry));
}

export function secretBallot(proposal, memberId) {
  const text = localStorage.getItem(keyOf(proposal, memberId));
  return text ? JSON.parse(text) : null;
}

export function forgetSecretBallot(proposal, memberId) {
  localStorage.removeItem(keyOf(proposal, memberId));
}

// Every kept ballot of this member: [{ proposal, title }].
export function keptSecretBallots(memberId) {
  const found = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(PREFIX) && key.endsWith(`:${memberId}`)) {
      const proposal = key.slice(PREFIX.length, PREFIX.length + 64);
      found.push({ proposal, title: JSON.parse(localStorage.getItem(key)).title });
    }
  }
  return found;
}

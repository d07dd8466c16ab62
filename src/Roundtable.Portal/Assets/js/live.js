// Keeps an open page current: each region marked data-live-watch ("block", "tally:<proposal id>",
// "poll:<session id>") is re-read from the server when the node's event stream
// (/api/v1/events) says a committed block changed what it shows, and swapped in place. Regions
// hold no forms, so nothing a person is typing is lost; a polite live region says what changed.

function watches(regions) {
  return new Set(regions.map((r) => r.dataset.liveWatch));
}

async function refresh(regions, announce, height) {
  const response = await fetch(window.location.href, { headers: { accept: 'text/html' } });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const region of regions) {
    const replacement = fresh.getElementById(region.id);
    if (replacement) region.replaceChildren(...replacement.childNodes);
  }
  if (announce) announce.textContent = (announce.dataset.updated ?? 'Updated at block {height}.').replace('{height}', String(height));
}

export function followLiveRegions(root = document) {
  const regions = [...root.querySelectorAll('[data-live-watch][id]')];
  if (regions.length === 0 || typeof EventSource === 'undefined') return null;
  const wanted = watches(regions);
  const announce = root.getElementById?.('live-announce') ?? null;
  const types = new Set([...wanted].map((w) => w.split(':')[0]));
  const source = new EventSource(`/api/v1/events?types=${[...types].join(',')}`);
  let pending = null;
  const onEvent = (type, key) => (event) => {
    const data = JSON.parse(event.data);
    if (!wanted.has(key ? `${type}:${data[key]}` : type)) return;
    if (type === 'block' && data.transactions === 0) return;
    // Several events of one block arrive together: re-read the page once per block.
    clearTimeout(pending);
    pending = setTimeout(() => refresh(regions, announce, data.height).catch(() => {}), 150);
  };
  source.addEventListener('block', onEvent('block'));
  source.addEventListener('tally', onEvent('tally', 'proposal'));
  source.addEventListener('poll', onEvent('poll', 'session'));
  return source;
}

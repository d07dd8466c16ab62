// Reordering a ranked ballot with its ↑ and ↓ buttons: works with the keyboard alone, keeps focus
// on the moved option's button, and tells a screen reader the option's new place.

function announce(list, item) {
  const items = [...list.querySelectorAll('[data-option]')];
  const label = item.querySelector('.option-label').textContent;
  const template = list.dataset.now ?? '{option}: {place} of {count}';
  const text = template.replace('{option}', label).replace('{place}', String(items.indexOf(item) + 1)).replace('{count}', String(items.length));
  const live = list.parentElement.querySelector('.ranking-announce');
  if (live) live.textContent = text;
}

export function enableRankings(root = document) {
  for (const list of root.querySelectorAll('ol.ranking')) {
    list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-move]');
      if (!button) return;
      const item = button.closest('[data-option]');
      if (button.dataset.move === 'up' && item.previousElementSibling) {
        list.insertBefore(item, item.previousElementSibling);
      } else if (button.dataset.move === 'down' && item.nextElementSibling) {
        list.insertBefore(item.nextElementSibling, item);
      }
      button.focus();
      announce(list, item);
    });
  }
}

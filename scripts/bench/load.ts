// The bench's busy pages: page scripts that make a committed fixture behave like the real app
// under load. They run in the page (the main world), like the platforms' own code, and time their
// own callbacks with performance.now(), so the bench can subtract the page's own script time from
// Chrome's ScriptDuration and keep what is not the page's: the extension's, and the noise.
//
// - `meet-busy`: a live Meet call with a dozen participant tiles whose audio meters move twenty
//   times a second, a speaker highlight that moves, and live captions arriving word by word:
//   some 500 DOM mutations a second, on the `in-call` fixture. Tiles, toolbar, the people and
//   chat panels are built to Meet's depth, about 1,500 elements in all.
// - `teams-chat`: a Teams workday tab with no call, on the `unknown` fixture (the chat view):
//   about 5,000 elements (150 chats in the rail, 300 messages in the open chat), presence dots
//   changing, a typing indicator, relative times refreshing, a message arriving every 1.5 s:
//   some 270 DOM mutations a second.
//
// `window.__bench` reports `ownMs` (the page's own timed script), `mutations` (DOM writes made)
// and `elements` (the page's element count now).

const COMMON = `
  let own = 0;
  let mutations = 0;
  const timed = (fn) => function () {
    const t = performance.now();
    try { return fn.apply(this, arguments); } finally { own += performance.now() - t; }
  };
  // A fixed seed: every run makes the same page and the same sequence of changes.
  let seed = 0x2f6b1c3;
  const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const WORDS = 'so the roadmap review went better than last time but I still struggle to say no when the sales team asks for one more thing before the quarter ends and I wonder how you handle that with your stakeholders'.split(' ');
  const NAMES = ['Ana Ruiz', 'Ben Okafor', 'Chen Wei', 'Dana Levi', 'Emil Berg', 'Fatma Kaya', 'Gita Rao', 'Hugo Lind', 'Ines Moura', 'Jonas Weber', 'Kofi Mensah', 'Lena Novak'];
  window.__bench = {
    get ownMs() { return own; },
    get mutations() { return mutations; },
    elements: () => document.getElementsByTagName('*').length,
  };
`;

const MEET_BUSY = `(() => {
  ${COMMON}
  const start = timed(() => {
    // Meet nests each part deeply: wrap an element in a few plain divs, as its markup does.
    const deep = (inner, depth) => {
      let e = inner;
      for (let d = 0; d < depth; d++) { const w = el('div', { class: 'bench-w' + d }); w.append(e); e = w; }
      return e;
    };
    const grid = el('div', { class: 'bench-grid' });
    const tiles = [];
    for (let i = 0; i < 12; i++) {
      const tile = el('div', { 'data-participant-id': 'spaces/bench/devices/' + (i + 10), class: 'bench-tile' });
      const video = el('div', { class: 'bench-video' });
      video.append(deep(el('video', { muted: '', playsinline: '' }), 4));
      tile.append(video);
      tile.append(deep(el('div', { class: 'bench-name' }, NAMES[i]), 3));
      const meter = el('div', { class: 'bench-meter', 'data-level': '0' });
      const bar = el('div', { class: 'bench-bar' });
      meter.append(bar);
      tile.append(deep(meter, 3));
      tile.append(deep(el('div', { class: 'bench-status' }, i % 3 === 0 ? 'mic_off' : ''), 2));
      for (const label of ['Pin', 'More options', 'Mute']) {
        const b = el('button', { 'aria-label': label + ' ' + NAMES[i], class: 'bench-tile-button' });
        b.append(deep(el('span', {}, ''), 2));
        tile.append(b);
      }
      grid.append(deep(tile, 3));
      tiles.push({ tile, meter, bar });
    }
    const toolbar = el('div', { role: 'toolbar', class: 'bench-toolbar' });
    for (let b = 0; b < 24; b++) {
      const button = el('button', { 'aria-label': 'Control ' + b, class: 'bench-control' });
      button.append(deep(el('span', {}, ''), 3));
      toolbar.append(deep(button, 2));
    }
    const people = el('div', { role: 'list', class: 'bench-people' });
    for (let i = 0; i < 12; i++) {
      const row = el('div', { role: 'listitem' });
      row.append(deep(el('span', {}, NAMES[i]), 3), deep(el('span', {}, i === 0 ? '(You)' : ''), 2));
      people.append(deep(row, 2));
    }
    const chat = el('div', { class: 'bench-chat' });
    for (let m = 0; m < 60; m++) {
      const msg = el('div', { class: 'bench-msg' });
      msg.append(deep(el('span', {}, pick(NAMES)), 2), deep(el('span', {}, pick(WORDS) + ' ' + pick(WORDS) + ' ' + pick(WORDS)), 2));
      chat.append(deep(msg, 1));
    }
    const captions = el('div', { class: 'bench-captions', 'aria-live': 'polite', role: 'region' });
    document.body.append(grid, toolbar, people, chat, captions);
    mutations += 5;
    // Audio meters: every tile, twenty times a second (attribute and style writes).
    setInterval(timed(() => {
      for (const t of tiles) {
        const level = Math.floor(rand() * 8);
        t.meter.setAttribute('data-level', String(level));
        t.bar.style.height = level * 4 + 'px';
        mutations += 2;
      }
    }), 50);
    // The active speaker's highlight moves a few times a second.
    let speaker = 0;
    setInterval(timed(() => {
      tiles[speaker].tile.classList.remove('bench-speaking');
      speaker = Math.floor(rand() * tiles.length);
      tiles[speaker].tile.classList.add('bench-speaking');
      mutations += 2;
    }), 250);
    // Live captions: a word every 100 ms, a new line every twelve words, five lines kept.
    let line = null;
    let words = 0;
    setInterval(timed(() => {
      if (!line || words >= 12) {
        line = el('div', { class: 'bench-caption' });
        line.append(el('span', { class: 'bench-speaker' }, pick(NAMES)), el('span', {}, ''));
        captions.append(line);
        mutations += 1;
        if (captions.childElementCount > 5) { captions.firstElementChild.remove(); mutations += 1; }
        words = 0;
      }
      line.lastChild.append(document.createTextNode(' ' + pick(WORDS)));
      words++;
      mutations += 1;
    }), 100);
  });
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', start); else start();
})();`;

const TEAMS_CHAT = `(() => {
  ${COMMON}
  const PRESENCE = ['available', 'busy', 'away', 'dnd', 'offline'];
  const presence = (name) => el('span', { class: 'bench-presence', 'data-presence': pick(PRESENCE), 'aria-label': name + ' presence' });
  const message = (i) => {
    const who = pick(NAMES);
    const m = el('div', { class: 'bench-message', role: 'listitem', 'data-mid': String(i) });
    const avatar = el('div', { class: 'bench-avatar' }, who.split(' ').map((s) => s[0]).join(''));
    avatar.append(presence(who));
    const head = el('div', { class: 'bench-head' });
    head.append(el('span', { class: 'bench-author' }, who), el('time', { class: 'bench-time' }, (i % 59) + ' min'));
    const body = el('div', { class: 'bench-body' });
    const p = el('p');
    for (let w = 0; w < 3; w++) p.append(el('span', {}, pick(WORDS) + ' ' + pick(WORDS) + ' ' + pick(WORDS) + ' '));
    body.append(p);
    const reactions = el('div', { class: 'bench-reactions' });
    reactions.append(el('button', { class: 'bench-reaction', 'aria-label': 'Like' }, '1'));
    m.append(avatar, head, body, reactions);
    return m;
  };
  const start = timed(() => {
    const app = document.getElementById('app') || document.body;
    const rail = el('div', { class: 'bench-rail', role: 'list' });
    const items = [];
    for (let i = 0; i < 150; i++) {
      const who = NAMES[i % NAMES.length] + (i >= NAMES.length ? ' ' + i : '');
      const item = el('div', { class: 'bench-chat', role: 'listitem' });
      const avatar = el('div', { class: 'bench-avatar' });
      avatar.append(presence(who));
      const text = el('div', { class: 'bench-chat-text' });
      text.append(el('span', { class: 'bench-chat-name' }, who), el('span', { class: 'bench-chat-preview' }, pick(WORDS) + ' ' + pick(WORDS)));
      item.append(avatar, text, el('time', { class: 'bench-time' }, (i % 12) + ':0' + (i % 10)), el('span', { class: 'bench-badge' }, ''));
      rail.append(item);
      items.push(item);
    }
    const pane = el('div', { class: 'bench-pane', role: 'list' });
    let next = 0;
    for (; next < 300; next++) pane.append(message(next));
    const typing = el('div', { class: 'bench-typing' });
    for (let d = 0; d < 3; d++) typing.append(el('span', { class: 'bench-dot', 'data-on': 'false' }));
    app.append(rail, pane, typing);
    mutations += 3;
    const dots = document.getElementsByClassName('bench-presence');
    const times = document.getElementsByClassName('bench-time');
    // Presence: someone's dot changes some sixty times a second across the rail and the messages.
    setInterval(timed(() => {
      const dot = dots[Math.floor(rand() * dots.length)];
      dot.setAttribute('data-presence', pick(PRESENCE));
      dot.setAttribute('title', pick(PRESENCE));
      mutations += 2;
    }), 16);
    // The typing indicator's three dots.
    let phase = 0;
    setInterval(timed(() => {
      phase = (phase + 1) % 3;
      for (let d = 0; d < 3; d++) typing.children[d].setAttribute('data-on', String(d === phase));
      mutations += 3;
    }), 50);
    // Relative times refresh, ten labels at a time.
    let clock = 0;
    setInterval(timed(() => {
      for (let k = 0; k < 10; k++) {
        const t = times[Math.floor(rand() * times.length)];
        t.textContent = (clock++ % 59) + ' min';
        mutations += 1;
      }
    }), 100);
    // A message arrives: appended, the oldest dropped, its chat moved to the top of the rail
    // with a new preview and an unread badge.
    setInterval(timed(() => {
      pane.append(message(next++));
      pane.firstElementChild.remove();
      const item = items[Math.floor(rand() * items.length)];
      rail.prepend(item);
      item.querySelector('.bench-chat-preview').textContent = pick(WORDS) + ' ' + pick(WORDS);
      item.querySelector('.bench-badge').textContent = String(1 + Math.floor(rand() * 9));
      mutations += 5;
    }), 1500);
  });
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', start); else start();
})();`;

/** The page scripts the fixture server serves at /__load/<name>.js for `?load=<name>`. */
export const LOAD_SCRIPTS: Readonly<Record<string, string>> = {
  'meet-busy': MEET_BUSY,
  'teams-chat': TEAMS_CHAT,
};

export type LoadName = 'meet-busy' | 'teams-chat';

// Page types of the generated site, found from the output folder.

/** The page types the sample site must have (issue 3), as [name, test on the file path]. */
export const REQUIRED_TYPES = [
  ['home', (f) => f === 'index.html'],
  ['praktijkvoorbeelden index', (f) => f === 'praktijkvoorbeelden/index.html'],
  ['themas index', (f) => f === 'themas/index.html'],
  ['journaal index', (f) => f === 'journaal/index.html'],
  ['kaderdocument', (f) => f === 'kaderdocument/index.html'],
  ['werkpleinen index', (f) => f === 'werkpleinen/index.html'],
  ['regios index', (f) => f === 'regios/index.html'],
  ['praktijkvoorbeeld', (f) => /^praktijkvoorbeelden\/(?!thema\/|werkplein\/)[^/]+\/index\.html$/.test(f)],
  ['praktijkvoorbeelden per thema', (f) => /^praktijkvoorbeelden\/thema\/[^/]+\/index\.html$/.test(f)],
  ['praktijkvoorbeelden per werkplein', (f) => /^praktijkvoorbeelden\/werkplein\/[^/]+\/index\.html$/.test(f)],
  ['thema', (f) => /^themas\/[^/]+\/index\.html$/.test(f)],
  ['journaal edition', (f) => /^journaal\/\d{4}-\d{2}\/index\.html$/.test(f)],
  ['journaal item', (f) => /^journaal\/(?!\d{4}-\d{2}\/)[^/]+\/index\.html$/.test(f)],
  ['kaderdocument chapter', (f) => /^kaderdocument\/(?!volledig\/)[^/]+\/index\.html$/.test(f)],
  ['printable kaderdocument', (f) => f === 'kaderdocument/volledig/index.html'],
  ['plain page', (f) => /^(?!(praktijkvoorbeelden|themas|journaal|kaderdocument|werkpleinen|regios|landkaart|zoeken|kiosk)\/)[^/]+\/index\.html$/.test(f)],
  // Issue 14: the agenda, the KIOSK and its questions, the e-mail edition of a month.
  ['agenda', (f) => f === 'journaal/agenda/index.html'],
  ['kiosk', (f) => f === 'kiosk/index.html'],
  ['kiosk vragen', (f) => f === 'kiosk/vragen/index.html'],
  ['journaal e-mail edition', (f) => /^journaal\/\d{4}-\d{2}\/nieuwsbrief\.html$/.test(f)],
  ['werkplein', (f) => /^werkpleinen\/[^/]+\/index\.html$/.test(f)],
  ['regio', (f) => /^regios\/[^/]+\/index\.html$/.test(f)],
  ['404', (f) => f === '404.html'],
  ['resultaten', (f) => f === 'resultaten/index.html'],
  ['districten index', (f) => f === 'districten/index.html'],
  ['district', (f) => /^districten\/[^/]+\/index\.html$/.test(f)],
  ['open data', (f) => f === 'open-data/index.html'],
  ['documenten', (f) => f === 'documenten/index.html'],
  ['documenten per soort', (f) => /^documenten\/[^/]+\/index\.html$/.test(f)],
  ['BVG-monitor', (f) => f === 'bvg/index.html'],
  ['criteria', (f) => f === 'criteria/index.html'],
];

/**
 * A generic type key for every page, from its path: the first folder; deeper folders that hold
 * pages of their own are kept (praktijkvoorbeelden/thema/*), months and tertalen become a
 * placeholder, other leaves `*`. The body class is added when it says more than "pagina".
 */
export function pageTypes(site) {
  const dirsWithChildren = new Set();
  for (const f of site.pages) {
    const parts = f.split('/').slice(0, -1);
    for (let i = 1; i < parts.length; i += 1) dirsWithChildren.add(parts.slice(0, i).join('/'));
  }
  const types = new Map();
  for (const f of site.pages) {
    const parts = f.split('/').slice(0, -1);
    let key;
    if (!parts.length) key = f === 'index.html' ? 'home' : f;
    else {
      key = parts.map((p, i) => {
        if (i === 0) return p;
        if (dirsWithChildren.has(parts.slice(0, i + 1).join('/'))) return p;
        if (/^\d{4}-\d{2}$/.test(p)) return '<maand>';
        if (/^\d{4}-t\d$/.test(p)) return '<tertaal>';
        return '*';
      }).join('/');
    }
    const m = /<body[^>]*\sclass="([^"]*)"/.exec(site.read(f));
    const cls = m ? m[1].split(/\s+/).filter((c) => c !== 'pagina').join('.') : '';
    if (cls) key += ` .${cls}`;
    if (!types.has(key)) types.set(key, []);
    types.get(key).push(f);
  }
  return types;
}

/** One page of each type: the largest file of the type (the one most likely to show everything). */
export function samplePages(site) {
  const out = [];
  for (const files of pageTypes(site).values()) {
    let best = files[0];
    for (const f of files) if (site.read(f).length > site.read(best).length) best = f;
    out.push(best);
  }
  return out.sort();
}

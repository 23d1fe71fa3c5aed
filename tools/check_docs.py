"""Open every page of the built docs site (docs/*.html) in headless Chromium and check that it loads without
console errors or failed requests, that every image renders, that every internal link (anchors included)
resolves, and that at phone width (390 px) nothing makes the page wider than the screen. Before the browser, three
checks that need none: no output shows HTML source as text (a table that was meant to render), every notebook cell
whose last line shows a value has its output saved (an empty table on a page), and every documentation file a page
names (`*.md`, `*.ipynb`) exists in the repository or the site.

    python tools/check_docs.py [DOCS_DIR [NBS_DIR]]

Needs Chromium (Debian: `apt-get install chromium`; or set CHROMIUM=/path/to/chrome) and the `playwright`
Python package (installed with the dev extra; it drives the system browser, it downloads none).
Exit status: 0 all good, 1 problems found, 3 no browser available."""
import ast, json, os, re, sys, shutil
from html import unescape
from pathlib import Path
from urllib.parse import urlparse, unquote

ROOT = Path(__file__).resolve().parent.parent

# ---- checks without a browser -----------------------------------------------------------------------------
# an output block whose text is HTML source: a rich output (fastprogress table, DataFrame) rendered as code
ESCAPED = re.compile(r'<pre[^>]*>\s*<code[^>]*>\s*&lt;(?:div|table|thead|tbody|tr|style|progress)\b')

def escaped_html(page:Path) -> list:
    "Output blocks of `page` that show HTML source instead of rendering it."
    return [f"an output shows HTML source as text ({m.group(0)[-30:]!r}...): render it as HTML"
            for m in ESCAPED.finditer(page.read_text(errors='ignore'))][:3]

DOC_FILE = re.compile(r'(?<![\w/.:-])((?:[\w.-]+/)*[\w.-]+\.(?:md|ipynb))\b')

def missing_files(page:Path, roots:list) -> list:
    "Documentation files (`.md`, `.ipynb`) named in `page`'s text or links that exist under none of `roots`."
    h = page.read_text(errors='ignore')
    prose = re.sub(r'<pre class="code">.*?</pre>', ' ', h, flags=re.S)   # source code may name any file; prose and outputs may not
    text = unescape(re.sub(r'<[^>]+>', ' ', re.sub(r'<(script|style)\b.*?</\1>', ' ', prose, flags=re.S)))
    hrefs = [unquote(u) for u in re.findall(r'<a [^>]*href="([^"#:]+)', prose)]   # relative links only
    names = {n for n in DOC_FILE.findall(text) + [u for u in hrefs if u.endswith(('.md', '.ipynb'))]}
    return [f"names a file that is in neither the repository nor the site: {n}" for n in sorted(names)
            if not any((r/n).exists() for r in roots)]

# a cell's last line shows something when it is a value, or a call that builds a table
SHOWS = re.compile(r'(^|\.)(Markdown|HTML|DataFrame|Series|\w*_?table|\w*_df|round|head|tail|describe|pivot\w*|agg|'
                   r'sort_values|set_index|reset_index|concat|fillna|rename|T)$')

def _name(f):
    if isinstance(f, ast.Name): return f.id
    if isinstance(f, ast.Attribute): return f"{_name(f.value)}.{f.attr}"
    return ''

def _shows(v) -> bool:
    if isinstance(v, ast.IfExp): return _shows(v.body) or _shows(v.orelse)
    if isinstance(v, (ast.Name, ast.Attribute, ast.Subscript, ast.Tuple, ast.List, ast.Dict, ast.BinOp, ast.Compare)): return True
    return isinstance(v, ast.Call) and bool(SHOWS.search(_name(v.func)))

def empty_outputs(nb:Path) -> list:
    "Code cells of notebook `nb` whose last line shows a value but that have no saved output."
    out = []
    for i, c in enumerate(json.loads(nb.read_text())['cells']):
        src = ''.join(c['source'])
        if c['cell_type'] != 'code' or c.get('outputs'): continue
        if re.search(r'^#\|\s*(export|exporti|exports|hide|eval:\s*false|output:\s*false|include:\s*false)', src, re.M): continue
        code = '\n'.join(l for l in src.split('\n') if not l.lstrip().startswith('#|')).rstrip()
        try: body = ast.parse(code).body if code and not code.endswith(';') else []
        except SyntaxError: continue
        if body and isinstance(body[-1], ast.Expr) and _shows(body[-1].value):
            out.append(f"{nb.name}: cell {i} (`{code.split(chr(10))[-1][:60]}`) shows a value but has no saved output: run the notebook "
                       "(`python tools/run_nb.py`) and commit it")
    return out

def static_problems(docs:Path, nbs:Path|None=None) -> list:
    "The checks that need no browser, on every page of `docs` and every notebook in `nbs`."
    roots = [ROOT, ROOT/'nbs', docs] + ([nbs] if nbs else [])
    probs = [f"{p.name}: {e}" for p in sorted(docs.glob('*.html')) for e in escaped_html(p) + missing_files(p, roots)]
    return probs + ([e for nb in sorted(nbs.glob('*.ipynb')) for e in empty_outputs(nb)] if nbs else [])

def find_browser():
    for c in [os.environ.get('CHROMIUM'), '/usr/bin/chromium', shutil.which('chromium'), shutil.which('chromium-browser'),
              shutil.which('google-chrome'), shutil.which('google-chrome-stable')]:
        if c and Path(c).exists(): return c
    return None

# flags that keep Chromium from phoning home on a machine with no network
FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

PHONE = {'width': 390, 'height': 844}
# the element that sticks out furthest to the right (not inside a scrolling box), to say what to fix
WIDEST = """(() => { let w = null, r = 0;
  const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement)
    if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; return false; };
  for (const e of document.querySelectorAll('body *')) {
    const x = e.getBoundingClientRect().right; if (x > r && !scrolls(e)) { r = x; w = e; } }
  return w ? `<${w.tagName.toLowerCase()}> ${(w.textContent || '').trim().slice(0, 60)}` : ''; })()"""

# `{target="_blank" ...}` or `{.class}` left in the prose (outside code) means Markdown attributes were not rendered
RAW_ATTRS = r"""(() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), out = [];
  for (let n; (n = w.nextNode());) { if (n.parentElement.closest('pre, code, script')) continue;
    const m = n.textContent.match(/\{(?:(?:target|style|rel|class)=|[.#][A-Za-z])[^}]*\}/); if (m) out.push(m[0]); }
  return out.slice(0, 5); })()"""

def check(docs:Path) -> list:
    from playwright.sync_api import sync_playwright
    problems, pages = [], sorted(docs.glob('*.html'))
    if not pages: return [f"no pages in {docs}: build them with `python tools/build_docs.py`"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_browser(), headless=True, args=FLAGS)
        for fn in pages:
            pg, errs = browser.new_page(), []
            pg.on('console', lambda m, errs=errs: errs.append(f"console {m.type}: {m.text}") if m.type == 'error' else None)
            pg.on('pageerror', lambda e, errs=errs: errs.append(f"page error: {e}"))
            pg.on('requestfailed', lambda r, errs=errs: errs.append(f"request failed: {r.url} ({r.failure})"))
            pg.goto(fn.resolve().as_uri(), wait_until='load')
            imgs = pg.evaluate("Array.from(document.images).map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0])")
            errs += [f"image does not render: {src}" for src, ok in imgs if not ok]
            links = pg.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
            for href in links:
                u = urlparse(href)
                if u.scheme != 'file': continue   # external links are not checked (no network here)
                target = Path(unquote(u.path))
                if not target.exists(): errs.append(f"broken link: {href}")
                elif u.fragment and target.suffix == '.html':
                    if f'id="{unquote(u.fragment)}"' not in target.read_text(errors='ignore'): errs.append(f"broken anchor: {href}")
            n_math = pg.evaluate("document.querySelectorAll('math').length")
            errs += [f"Markdown attribute text shown literally (the attrs syntax was not processed): {t}" for t in pg.evaluate(RAW_ATTRS)]
            pg.set_viewport_size(PHONE)   # readable on a phone: nothing wider than the screen (wide blocks scroll inside)
            wide = pg.evaluate("document.documentElement.scrollWidth")
            if wide > PHONE['width']: errs.append(f"wider than a phone screen: {wide} px at {PHONE['width']} px; "
                                                  f"widest: {pg.evaluate(WIDEST)}")
            print(f"{fn.name:<24} {'ok' if not errs else 'PROBLEMS'}  ({len(imgs)} images, {len(links)} links, {n_math} formulas)")
            problems += [f"{fn.name}: {e}" for e in errs]
            pg.close()
        browser.close()
    return problems

if __name__ == '__main__':
    docs = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT/'docs'
    nbs = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT/'nbs' if docs.resolve() == (ROOT/'docs').resolve() else None
    probs = static_problems(docs, nbs)
    if find_browser() is None:
        for pr in probs: print("  ", pr)
        print("No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome."); sys.exit(3)
    probs += check(docs)
    for pr in probs: print("  ", pr)
    print(f"{len(probs)} problems"); sys.exit(1 if probs else 0)

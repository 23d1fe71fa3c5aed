"""Build the documentation without Quarto: `README.md` from `nbs/index.ipynb`, and a static HTML site in
`docs/` (one page per notebook, named as nbdev names them: `nbs/03_attacks.ipynb` -> `attacks.html`) that
works offline and from `file://`.

    python tools/build_docs.py           # write README.md and docs/
    python tools/build_docs.py --check   # exit 1 if README.md or docs/ differ from the notebooks

Notebooks go through nbdev's own notebook processors, the chain `nbdev_docs` runs before Quarto
(`nbdev.processors.FilterDefaults`): `#| export` source hidden, `#| exports` source shown after its API
entry, a `show_doc` entry added for every exported class and function, `#| hide` cells dropped, `hide_line`
and `filter_stream` applied. Two processors are swapped for ones that suit a byte-for-byte CI check:
- `exec_show_docs` runs every notebook cell that imports something, which in these notebooks means whole
  training runs; here each `show_doc(...)` is evaluated in the namespace of the exported module instead
  (`paf_robust.<default_exp>`; CI checks that module equals the notebook), with nbdev's classic layout:
  signature, docstring, parameter table from docments.
- `add_links` links backticked names through every installed nbdev library; here only to this library's
  own API entries (`paf_robust/_modidx.py`), with relative links that the Chromium check can follow.
Then what Quarto does: cell options (`echo`, `output`, `include`, `code-fold`), Markdown attributes
(`[text](url){target="_blank"}`), heading anchors, a contents list per page, math as MathML."""
import sys, os, re, base64, html, importlib, inspect, warnings
from pathlib import Path
from functools import lru_cache

ROOT = Path(__file__).resolve().parent.parent
NBS, DOCS = ROOT/'nbs', ROOT/'docs'
MANAGED = ('.html', '.png', '.css', '.md')   # files in docs/ this tool owns (anything else is left alone)
ANSI = re.compile(r'\x1b\[[0-9;]*[A-Za-z]')

def _txt(x): return ''.join(x) if isinstance(x, list) else (x or '')

def notebooks(): return [nb for nb in sorted(NBS.glob('*.ipynb')) if not nb.name.startswith(('_', '.'))]

def page_name(nb_path):
    "The page nbdev gives a notebook: numeric prefix dropped, lower case (`00a_kernels.ipynb` -> `kernels`)."
    from nbdev.doclinks import _nbpath2html
    return _nbpath2html(Path(nb_path)).stem

@lru_cache(None)
def cfg():
    from nbdev.config import get_config
    return get_config(path=ROOT)

@lru_cache(None)
def doc_url():
    "Absolute URL of the published site: links into it from the README, relative links in the site."
    c = cfg()
    return c.doc_host.rstrip('/') + '/' + c.doc_baseurl.strip('/') + '/'

# ---- API entries: nbdev's `show_doc`, evaluated against the exported library ------------------------
def _sig_str(sym, nm):
    "`def nm(a:int=1, ...)->T` without the docment comments (those go to the table), wrapped for reading."
    from fastcore.docments import DocmentText
    dt = DocmentText(sym, maxline=88, docstring=False)
    dt.dm = {k: {**v, 'docment': None} for k, v in dt.dm.items()}
    s = str(dt)
    one = re.sub(r'\(\n\s+', '(', re.sub(r',?\n\s*\)', ')', re.sub(r',\n\s+', ', ', s)))
    if len(one) <= 88: s = one
    if inspect.isclass(sym): s = re.sub(r'\)->None:$', '):', re.sub(r'^def \w+', f'class {nm}', s))
    else: s = re.sub(r'^((?:async )?def )[\w.]+', rf'\g<1>{nm}', s)
    return s

def _src_link(sym):
    "GitHub link to `sym`'s source, with the line number from the exported module."
    c = cfg()
    try: fn, (_, line) = Path(inspect.getsourcefile(sym)).resolve(), inspect.getsourcelines(sym)
    except (TypeError, OSError): return ''
    try: rel = fn.relative_to(ROOT).as_posix()
    except ValueError: return ''
    return f'{c.git_url.rstrip("/")}/blob/{c.branch}/{rel}#L{line}'

def api_markdown(sym, name=None, title_level=3):
    "Markdown of one API entry, nbdev's classic `show_doc` layout: source link, heading, signature, docstring, parameters."
    from fastcore.docments import _unwrap_sym, _docstring, _ital_first, qual_name
    sym = _unwrap_sym(sym)
    nm = name or qual_name(sym)
    md = '---\n\n'
    if src := _src_link(sym): md += f'[source]({src}){{target="_blank" rel="noopener" class="source-link"}}\n\n'
    md += f'{"#"*title_level} {nm}\n\n'
    if callable(sym): md += f'```python\n{_sig_str(sym, nm)}\n```\n\n'
    if doc := _docstring(sym): md += _ital_first(doc) + '\n\n'
    return md + param_table(sym)

def _row(cells):
    "A Markdown table row; `|` in a cell (as in `float | None`) escaped so it does not split the cell."
    from fastcore.docments import _maybe_nm
    return '| ' + ' | '.join(_maybe_nm(c).replace('|', '\\|').replace('\n', '<br>') for c in cells) + ' |'

def field_help(sym):
    "`{field: help}` of a dataclass whose fields carry a `help` in their metadata (as `paf_robust.settings` declares them)."
    import dataclasses
    if not (inspect.isclass(sym) and dataclasses.is_dataclass(sym)): return {}
    return {f.name: f.metadata['help'] for f in dataclasses.fields(sym) if f.metadata.get('help')}

def param_table(sym):
    "nbdev's parameter table (type, default, docment of each parameter, and the return), if any parameter is documented."
    from fastcore.docments import DocmentTbl, _bold, _maybe_nm
    try: t = DocmentTbl(sym)
    except Exception: return ''
    for k, h in field_help(sym).items():   # dataclass fields documented by their `help` metadata, not a comment
        if k in t.dm and t.dm[k]['docment'] in (None, inspect._empty): t.dm[k]['docment'] = h
    if not t.has_docment: return ''
    hdr = t._hdr_list
    rows = [hdr, ['-'*len(h) for h in hdr], *t._row_list]
    if t.has_return: rows.append(['**Returns**'] + [_bold(_maybe_nm(t.dm['return'][c])) for c in t._columns])
    return '\n'.join(map(_row, rows)) + '\n'

class ApiDoc:
    "What `show_doc(sym)` returns in the docs build: its Markdown, and the name documented."
    def __init__(self, sym, renderer=None, name=None, title_level=3):
        from fastcore.docments import _unwrap_sym, qual_name
        self.name = name or qual_name(_unwrap_sym(sym))
        self.md = api_markdown(sym, name, title_level)

@lru_cache(None)
def module_namespace(mod_name):
    "The names of `paf_robust.<mod_name>` (warnings at import, e.g. torch's about CUDA, are not the docs' business)."
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try: return vars(importlib.import_module(f'{cfg().lib_name}.{mod_name}'))
        except Exception as e:
            raise RuntimeError(f"`{cfg().lib_name}.{mod_name}` does not import ({type(e).__name__}: {e}): "
                               "run `nbdev_export`, and fix the error if it stays.") from e

@lru_cache(None)
def lib_namespace():
    "Every module's names: for `show_doc` of a name the notebook's own module does not have."
    pkg = importlib.import_module(cfg().lib_name)
    mods = sorted(p.stem for p in Path(pkg.__file__).parent.glob('*.py') if not p.stem.startswith('_'))
    return {k: v for m in mods for k, v in module_namespace(m).items()}

def _show_doc_calls(src):
    "The `show_doc(...)` expressions of a cell (cell options stripped), or None if it is not a show_doc cell."
    code = '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith('#|')).strip()
    if not code.startswith('show_doc'): return None
    import ast
    try: tree = ast.parse(code)
    except SyntaxError: return None
    exprs = [n for n in tree.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)
             and getattr(n.value.func, 'id', None) == 'show_doc']
    return [ast.get_source_segment(code, e) for e in exprs] if len(exprs) == len(tree.body) else None

def _mk_exec_show_docs():
    from nbdev.process import Processor
    from nbdev.processors import _default_exp
    class exec_show_docs_lib(Processor):
        "Evaluate each `show_doc(...)` cell against the exported library, output its Markdown (replaces `exec_show_docs`)."
        def begin(self):
            self.nb.api_names_ = []
            self.mod = _default_exp(self.nb)
        def _namespaces(self):
            "The notebook's own module; the whole library only if a name is not there (so one broken module stays local)."
            own = module_namespace(self.mod) if self.mod else {}
            if own: yield own
            yield {**lib_namespace(), **own}
        def _eval(self, call):
            for ns in self._namespaces():
                try: return eval(call, {**ns, 'show_doc': ApiDoc})
                except NameError: continue
                except Exception as e: raise RuntimeError(f"{Path(self.nb.path_).name}: `{call}` failed ({e!r}).") from e
            raise RuntimeError(f"{Path(self.nb.path_).name}: `{call}` names something the library does not export: "
                               "run `nbdev_export`, and check the name is exported.")
        def cell(self, cell):
            if cell.cell_type != 'code' or not cell.source: return
            calls = _show_doc_calls(cell.source)
            if calls is None: return
            docs = [self._eval(c) for c in calls]
            self.nb.api_names_ += [d.name for d in docs]
            cell.outputs = [{'output_type': 'display_data', 'metadata': {}, 'api': d.name,
                             'data': {'text/markdown': d.md}} for d in docs]
    return exec_show_docs_lib

def processors():
    "nbdev's docs processors, with `exec_show_docs` and `add_links` swapped (see the module docstring)."
    from nbdev import processors as P
    swap = {P.exec_show_docs: _mk_exec_show_docs()}
    drop = {P.insert_warning, P.add_links}   # the warning is an HTML comment; links are added once all pages are known
    return [swap.get(p, p) for p in P.FilterDefaults().procs() if p not in drop]

def process(nb_path):
    "The notebook after nbdev's docs processors."
    from execnb.nbio import read_nb
    from nbdev.process import NBProcessor
    nb = read_nb(nb_path)
    nb.path_ = str(nb_path)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')   # nbdev's "imports and other code" advice is about exec_show_docs, not used here
        NBProcessor(nb=nb, procs=processors()).process()
    if not hasattr(nb, 'api_names_'): nb.api_names_ = []
    return nb

# ---- links: backticked names to their API entries ------------------------------------------------------
_re_backticks = re.compile(r'`([^`\s]+?)(?:\(\))?`')

def link_table(api_pages):
    "`{name: 'page.html#anchor'}` for every documented name, under its short and its qualified name."
    lib, res = cfg().lib_name, {}
    idx = importlib.import_module(f'{lib}._modidx').d['syms']
    for mod, syms in idx.items():
        for full, (url, _) in syms.items():
            page, _, anchor = url.partition('#')
            if (Path(page).stem, anchor) not in api_pages: continue   # only names that have an entry (methods may not)
            res[full] = url; res.setdefault(full[len(mod)+1:], url)
    return res

def linkify(md, links, base=''):
    "Link `name` in Markdown prose (not in code fences) to its API entry, as nbdev's `add_links` does."
    def sub(m):
        url = links.get(m.group(1))
        return f'[{m.group(0)}]({base}{url})' if url else m.group(0)
    out, fence = [], False
    for l in md.split('\n'):
        if l.lstrip().startswith('```'): fence = not fence
        elif not fence and not l.startswith('    '): l = _link_outside_links(l, sub)
        out.append(l)
    return '\n'.join(out)

def _link_outside_links(line, sub):
    "Apply `sub` to backticked names that are not already the text of a link."
    parts = re.split(r'(\[[^\]]*\]\([^)]*\))', line)
    return ''.join(p if i % 2 else _re_backticks.sub(sub, p) for i, p in enumerate(parts))

# ---- notebook -> Markdown -----------------------------------------------------------------------------
_re_opt = re.compile(r'^#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')

def _cell_opts(src):
    "Quarto cell options left by the processors (`#| echo: false`), and the code without them."
    opts, code = {}, []
    for l in src.split('\n'):
        m = _re_opt.match(l)
        if m and not code: opts[m.group(1)] = m.group(2).strip('"\'')
        else: code.append(l)
    return opts, '\n'.join(code).strip()

def _false(v): return str(v).lower() == 'false'

# fastprogress writes its tables as Markdown holding a fenced ```html block (which would show as source): use the HTML;
# its live progress bar (a <progress> element and its style) is an artefact of execution, not a result
_HTML_FENCE = re.compile(r'^```html\n.*\n```$', re.S)
_PROGRESS_BAR = re.compile(r'<progress\b')

def nb_markdown(nb, fig_dir=None, html_outputs=False, stem='nb'):
    "Markdown of a processed notebook, and `{figure file name: png bytes}`."
    out, figs = [], {}
    fm = getattr(nb, 'frontmatter_', {}) or {}
    if fm.get('title'): out.append(f"# {fm['title']}")
    if fm.get('description'): out.append(f"> {fm['description']}")
    for i, cell in enumerate(nb.cells):
        src = _txt(cell.get('source'))
        if cell.cell_type == 'markdown': out.append(src.strip()); continue
        if cell.cell_type != 'code': continue
        opts, code = _cell_opts(src)
        if _false(opts.get('include', True)): continue
        if code and not _false(opts.get('echo', True)):
            block = f"```python\n{code}\n```"
            if 'code-fold' in opts and html_outputs:
                o = ' open' if opts['code-fold'] == 'show' else ''
                block = f'<details class="code-fold"{o}><summary>{html.escape(opts.get("code-summary", "Code"))}</summary>\n\n{block}\n\n</details>'
            out.append(block)
        if _false(opts.get('output', True)): continue
        for o in cell.get('outputs', []):
            data = o.get('data', {})
            if o['output_type'] == 'stream' and o.get('name') == 'stdout':
                t = ANSI.sub('', _txt(o['text'])).strip()
                if t: out.append(f"```\n{t}\n```")
            elif 'image/png' in data:
                if fig_dir is None: continue
                name = f"{stem}_{i}_{len(figs)}.png"
                figs[name] = base64.b64decode(_txt(data['image/png']))
                out.append(f"![output figure]({fig_dir}/{name})")
            elif 'text/markdown' in data and not (_HTML_FENCE.match(_txt(data['text/markdown']).strip()) and 'text/html' in data):
                md = _txt(data['text/markdown']).strip()
                if 'api' in o and html_outputs: md = f'<div class="api" data-api="{html.escape(o["api"])}">\n\n{md}\n\n</div>'
                out.append(md)
            elif html_outputs and 'text/html' in data:
                h = _txt(data['text/html']).strip()
                if h and not _PROGRESS_BAR.search(h): out.append(f'<div class="output-html">\n{h}\n</div>')
            elif 'text/plain' in data and o['output_type'] == 'execute_result':
                t = _txt(data['text/plain']).strip()
                if t and not t.startswith('<'): out.append(f"```\n{t}\n```")
    return '\n\n'.join(p for p in out if p) + '\n', figs

# ---- Markdown -> HTML -----------------------------------------------------------------------------------
def slug(text):
    "Pandoc's heading identifier (what Quarto uses, and nbdev's doc links expect): `PSSiLU.forward` -> `pssilu.forward`."
    s = re.sub(r'[^\w\s.-]', '', text.lower())
    s = re.sub(r'\s+', '-', s.strip())
    while s and not s[0].isalpha(): s = s[1:]
    return s or 'section'

def _md():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.attrs import attrs_plugin
    from latex2mathml.converter import convert
    from pygments import highlight
    from pygments.lexers import PythonLexer
    from pygments.formatters import HtmlFormatter
    def math(content, display):
        try: m = convert(content, display='block' if display else 'inline')
        except Exception: m = f'<code class="math">{html.escape(content)}</code>'
        return f'<div class="math-display">{m}</div>' if display else m   # the div scrolls wide formulas on a phone
    def fence(code, lang, attrs):
        if lang == 'python':
            return f'<pre class="code"><code>{highlight(code, PythonLexer(), HtmlFormatter(nowrap=True, noclasses=True, style="friendly"))}</code></pre>'
        cls = ' class="output"' if not lang else ''
        return f'<pre{cls}><code>{html.escape(code)}</code></pre>'
    md = MarkdownIt('commonmark', {'html': True, 'highlight': fence}).enable('table')
    md.use(dollarmath_plugin, allow_space=True, double_inline=True,
           renderer=lambda content, opts: math(content, opts.get('display_mode', False)))
    md.use(attrs_plugin)
    return md

def _heading_text(inline):
    return ''.join(t.content for t in (inline.children or []) if t.type in ('text', 'code_inline', 'math_inline'))

def md_to_html(md_text):
    "HTML of `md_text`, with an id and anchor link on every heading, and `[(level, id, text)]` for the contents."
    from markdown_it.token import Token
    md = _md()
    tokens = md.parse(md_text)
    heads, in_api = [], False
    for i, t in enumerate(tokens):
        if t.type == 'html_block' and 'class="api"' in t.content: in_api = True
        if t.type == 'heading_open': heads.append((i, in_api)); in_api = False
    # API entries get the plain ids nbdev's links point at (`#pgd`); a prose heading with the same text gets `pgd-1`
    ids, seen = {}, {}
    for i, api in sorted(heads, key=lambda h: not h[1]):
        base = tokens[i].attrs.get('id') or slug(_heading_text(tokens[i+1]))
        hid, n = base, seen.get(base, 0)
        while hid in ids.values(): n += 1; hid = f'{base}-{n}'
        seen[base] = n; ids[i] = hid
    toc = []
    for i, _ in heads:
        t, hid = tokens[i], ids[i]
        t.attrSet('id', hid)
        toc.append((int(t.tag[1]), hid, _heading_text(tokens[i+1])))
        a = Token('html_inline', '', 0); a.content = f' <a class="anchor" href="#{hid}" aria-label="Link to this section">#</a>'
        tokens[i+1].children.append(a)
    return md.renderer.render(tokens, md.options, {}), toc

def _fix_links(h, pages):
    "Links to notebooks (`nbs/03_attacks.ipynb`, `docs/x.md`) and to the published site point at the local pages."
    h = h.replace(f'href="{doc_url()}', 'href="')
    def nb(m):
        p = page_name(m.group(1) + '.ipynb')
        return f'href="{p}.html{m.group(2) or ""}"' if p in pages else m.group(0)
    h = re.sub(r'href="(?:\.\./)?(?:nbs/)?([\w.-]+)\.ipynb(#[^"]*)?"', nb, h)
    return re.sub(r'href="(?:docs/)?([\w.-]+)\.md(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', h)

# ---- the site ---------------------------------------------------------------------------------------------
CSS = """*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:#222}
nav.site{position:fixed;top:0;left:0;bottom:0;width:230px;overflow:auto;background:#f6f7f9;border-right:1px solid #e3e3e3;padding:1rem}
nav.site a{display:block;color:#333;text-decoration:none;padding:.2rem 0}nav.site a.current{font-weight:600;color:#0b5cad}
nav.site .brand{font-weight:700;font-size:1.15rem;margin-bottom:.8rem}
main{margin-left:230px;padding:1rem 2rem 4rem;max-width:1010px}
nav.toc{font-size:.88rem;margin:0 0 1.2rem}nav.toc summary{font-weight:600;cursor:pointer}
nav.toc ul{list-style:none;padding-left:0;margin:.3rem 0}nav.toc li.l3{padding-left:1rem}nav.toc li.l4{padding-left:2rem}
nav.toc a{color:#444;text-decoration:none}nav.toc a:hover{color:#0b5cad}
pre{background:#f5f5f5;padding:.7rem;overflow:auto;border-radius:4px;font-size:.86rem}
pre.output{background:#fff;border-left:3px solid #f0a070}
code{font-size:.9em}:not(pre)>code{overflow-wrap:anywhere}table{border-collapse:collapse;margin:.6rem 0;display:block;overflow-x:auto;max-width:100%}
td,th{border:1px solid #ddd;padding:.25rem .55rem;font-size:.9rem}
img{max-width:100%;height:auto}blockquote{margin:0;padding-left:1rem;border-left:3px solid #ddd;color:#555}
.output-html{overflow:auto;margin:.5rem 0}h1{margin-top:.3rem}hr{border:0;border-top:1px solid #e3e3e3}
h1,h2,h3,h4{scroll-margin-top:1rem}a.anchor{visibility:hidden;color:#999;text-decoration:none;font-weight:400;margin-left:.3rem}
h1:hover a.anchor,h2:hover a.anchor,h3:hover a.anchor,h4:hover a.anchor{visibility:visible}
p.description{font-size:1.15rem;color:#666;font-style:italic;margin-top:-.4rem}
.api{margin:1.6rem 0}.api h3{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:1.1rem}
a.source-link{float:right;font-size:smaller}
details.code-fold>summary{cursor:pointer;color:#555;font-size:.9rem}
.math-display{overflow-x:auto;max-width:100%}
@media (min-width:1300px){main{margin-right:250px}
  nav.toc{position:fixed;top:1rem;right:1rem;width:230px;max-height:calc(100vh - 2rem);overflow:auto}}
@media (max-width:800px){
  nav.site{position:static;width:auto;border-right:0;border-bottom:1px solid #e3e3e3;padding:.6rem .8rem}
  nav.site a{display:inline-block;margin-right:.9rem;padding:.1rem 0}nav.site .brand{margin-bottom:.3rem}
  main{margin-left:0;padding:.8rem .9rem 3rem}
  pre{font-size:.8rem}h1{font-size:1.6rem}}
"""

# the contents list starts open on wide screens, folded on narrow ones (the only script on the pages)
TOC_JS = "<script>if(window.innerWidth<1300)document.querySelectorAll('nav.toc details').forEach(d=>d.open=false)</script>"

def toc_html(toc):
    items = [(l, i, t) for l, i, t in toc if 2 <= l <= 3]
    if len(items) < 2: return ''
    lis = ''.join(f'<li class="l{l}"><a href="#{i}">{html.escape(t)}</a></li>' for l, i, t in items)
    return f'<nav class="toc"><details open><summary>On this page</summary><ul>{lis}</ul></details></nav>{TOC_JS}'

def page(title, body, nav, toc=''):
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} – paf_robust</title><link rel="stylesheet" href="style.css"></head>
<body><nav class="site">{nav}</nav><main>
{toc}
{body}
</main></body></html>
"""

def _description_html(h):
    "The frontmatter description (the notebook's `> ...` line) under the title, styled as nbdev's site does."
    return re.sub(r'(</h1>\s*)<blockquote>\s*<p>(.*?)</p>\s*</blockquote>', r'\1<p class="description">\2</p>', h, count=1, flags=re.S)

def build_pages():
    "`[(name, title, processed notebook)]` in site order (home first), and `{(page, anchor)}` of API entries."
    pages = []
    for p in notebooks():
        nb = process(p)
        name = page_name(p)
        title = (getattr(nb, 'frontmatter_', {}) or {}).get('title', p.stem)
        pages.append((name, title, nb))
    pages.sort(key=lambda x: x[0] != 'index')
    api = {(name, slug(n)) for name, _, nb in pages for n in nb.api_names_}
    return pages, api

def build():
    "`{path: bytes}` of everything the docs build writes."
    files = {}
    pages, api = build_pages()
    links = link_table(api)
    names = {n for n, _, _ in pages}
    for name, title, nb in pages:
        if name == 'index':   # README: links into the published site, as nbdev_readme writes them
            readme, _ = nb_markdown(nb)
            files[ROOT/'README.md'] = linkify(readme, links, base=doc_url()).encode()
        md, figs = nb_markdown(nb, fig_dir='figures', html_outputs=True, stem=name)
        for fn, png in figs.items(): files[DOCS/'figures'/fn] = png
        body, toc = md_to_html(linkify(md, links))
        nav = '<div class="brand">paf_robust</div>' + ''.join(
            f'<a href="{n}.html"{" class=current" if n == name else ""}>{html.escape(t if n != "index" else "Home")}</a>'
            for n, t, _ in pages)
        files[DOCS/f'{name}.html'] = page(title, _description_html(_fix_links(body, names)), nav, toc_html(toc)).encode()
    files[DOCS/'style.css'] = CSS.encode()
    files[DOCS/'.nojekyll'] = b''
    return files

def _stale(files):
    stale = [p for p, b in files.items() if not p.exists() or p.read_bytes() != b]
    extra = [p for p in DOCS.rglob('*') if p.is_file() and p.suffix in MANAGED and p not in files]
    return stale, extra

if __name__ == '__main__':
    os.chdir(ROOT)   # nbdev's processors read settings.ini from the working directory
    if str(ROOT) not in sys.path: sys.path.insert(0, str(ROOT))   # document this checkout's library
    files = build()
    if '--check' in sys.argv:
        stale, extra = _stale(files)
        if stale or extra:
            print("README.md / docs/ are out of date with the notebooks; run `python tools/build_docs.py` and commit.")
            for p in stale: print("  stale:", p.relative_to(ROOT))
            for p in extra: print("  not built from any notebook:", p.relative_to(ROOT))
            sys.exit(1)
        print("README.md and docs/ match the notebooks."); sys.exit(0)
    _, extra = _stale(files)
    for p in extra: p.unlink()
    for p, b in files.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        if not p.exists() or p.read_bytes() != b: p.write_bytes(b)
    print(f"wrote README.md and {len(files) - 1} files under docs/ ({sum(1 for p in files if p.suffix == '.html')} pages)")

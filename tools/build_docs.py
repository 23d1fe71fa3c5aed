"""Build the documentation without Quarto: `README.md` from `nbs/index.ipynb`, and a static HTML site in
`docs/` (one page per notebook, `index.html` from `index.ipynb`, API docs from the saved `show_doc`
outputs, figures embedded as files, math as MathML) that works offline and from `file://`.

    python tools/build_docs.py           # write README.md and docs/
    python tools/build_docs.py --check   # exit 1 if README.md or docs/ differ from the notebooks

Notebooks are processed as nbdev does for its docs: cells marked `#| hide` are skipped, `#| export`-style
directives are stripped, saved outputs are shown. Where Quarto exists, `nbdev_docs` builds nbdev's own
site from the same notebooks (nbs/_quarto.yml) into the same folder."""
import sys, re, base64, json, html
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBS, DOCS = ROOT/'nbs', ROOT/'docs'
ANSI = re.compile(r'\x1b\[[0-9;]*[A-Za-z]')
MANAGED = ('.html', '.png', '.css', '.md')   # files in docs/ this tool owns (anything else is left alone)

def _txt(x): return ''.join(x) if isinstance(x, list) else x

def _directives(src): return {m.group(1).strip() for m in re.finditer(r'^#\|\s*([\w-]+)', src, flags=re.M)}

def notebooks():
    return [nb for nb in sorted(NBS.glob('*.ipynb')) if not nb.name.startswith(('_', '.'))]

def render(nb_path, fig_dir=None, html_outputs=False):
    "Markdown of one notebook (outputs included), and `{figure file name: png bytes}`."
    nb = json.loads(Path(nb_path).read_text())
    out, figs = [], {}
    for i, cell in enumerate(nb['cells']):
        src = _txt(cell['source'])
        if cell['cell_type'] == 'markdown': out.append(src.strip()); continue
        if cell['cell_type'] != 'code': continue
        d = _directives(src)
        if 'hide' in d or 'default_exp' in d: continue
        code = '\n'.join(l for l in src.split('\n') if not l.startswith('#|')).strip()
        if code and not code.startswith('show_doc('): out.append(f"```python\n{code}\n```")
        for o in cell.get('outputs', []):
            data = o.get('data', {})
            if o['output_type'] == 'stream' and o.get('name') == 'stdout':
                t = ANSI.sub('', _txt(o['text'])).strip()
                if t: out.append(f"```\n{t}\n```")
            elif 'image/png' in data:
                if fig_dir is None: continue
                name = f"{Path(nb_path).stem}_{i}_{len(figs)}.png"
                figs[name] = base64.b64decode(_txt(data['image/png']))
                out.append(f"![output figure]({fig_dir}/{name})")
            elif 'text/markdown' in data: out.append(_txt(data['text/markdown']).strip())
            elif html_outputs and 'text/html' in data:
                h = _txt(data['text/html']).strip()
                if h: out.append(f'<div class="output-html">\n{h}\n</div>')
            elif 'text/plain' in data and o['output_type'] == 'execute_result':
                t = _txt(data['text/plain']).strip()
                if t and not t.startswith('<'): out.append(f"```\n{t}\n```")
    return '\n\n'.join(p for p in out if p) + '\n', figs

# ---- HTML ---------------------------------------------------------------------------------------------
CSS = """body{margin:0;font:16px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:#222}
nav{position:fixed;top:0;left:0;bottom:0;width:230px;overflow:auto;background:#f6f7f9;border-right:1px solid #e3e3e3;padding:1rem}
nav a{display:block;color:#333;text-decoration:none;padding:.2rem 0}nav a.current{font-weight:600;color:#0b5cad}
nav .brand{font-weight:700;font-size:1.15rem;margin-bottom:.8rem}
main{margin-left:270px;max-width:980px;padding:1rem 2rem 4rem}
pre{background:#f5f5f5;padding:.7rem;overflow:auto;border-radius:4px;font-size:.86rem}
pre.output{background:#fff;border-left:3px solid #f0a070}
code{font-size:.9em}table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #ddd;padding:.25rem .55rem;font-size:.9rem}
img{max-width:100%}blockquote{margin:0;padding-left:1rem;border-left:3px solid #ddd;color:#555}
.output-html{overflow:auto;margin:.5rem 0}h1{margin-top:.3rem}hr{border:0;border-top:1px solid #e3e3e3}
"""

def _md_to_html(md_text):
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from latex2mathml.converter import convert
    from pygments import highlight
    from pygments.lexers import PythonLexer
    from pygments.formatters import HtmlFormatter
    def math(content, display):
        try: return convert(content, display='block' if display else 'inline')
        except Exception: return f'<code class="math">{html.escape(content)}</code>'
    def fence(code, lang, attrs):
        if lang == 'python':
            return f'<pre class="code"><code>{highlight(code, PythonLexer(), HtmlFormatter(nowrap=True, noclasses=True, style="friendly"))}</code></pre>'
        cls = ' class="output"' if not lang else ''
        return f'<pre{cls}><code>{html.escape(code)}</code></pre>'
    md = MarkdownIt('commonmark', {'html': True, 'highlight': fence}).enable('table')
    md.use(dollarmath_plugin, allow_space=True, double_inline=True,
           renderer=lambda content, opts: math(content, opts.get('display_mode', False)))
    return md.render(md_text)

def _fix_links(h):
    "Links to notebooks (nbs/x.ipynb, x.ipynb, docs/x.md) point at their pages."
    h = re.sub(r'href="(?:\.\./)?(?:nbs/)?([\w.-]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', h)
    return re.sub(r'href="(?:docs/)?([\w.-]+)\.md(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', h)

def _title(md_text, default):
    m = re.search(r'^# (.+)$', md_text, flags=re.M)
    return m.group(1).strip() if m else default

def page(title, body, nav):
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} – paf_robust</title><link rel="stylesheet" href="style.css"></head>
<body><nav>{nav}</nav><main>
{body}
</main></body></html>
"""

def build():
    "`{path: bytes}` of everything the docs build writes."
    files = {}
    readme, _ = render(NBS/'index.ipynb')
    files[ROOT/'README.md'] = readme.encode()
    pages = []
    for nb in notebooks():
        md, figs = render(nb, fig_dir='figures', html_outputs=True)
        name = 'index' if nb.stem == 'index' else nb.stem
        pages.append((name, _title(md, nb.stem), md))
        for fn, png in figs.items(): files[DOCS/'figures'/fn] = png
    pages.sort(key=lambda p: (p[0] != 'index', p[0]))
    for name, title, md in pages:
        nav = '<div class="brand">paf_robust</div>' + ''.join(
            f'<a href="{n}.html"{" class=current" if n == name else ""}>{html.escape(t if n != "index" else "Home")}</a>'
            for n, t, _ in pages)
        files[DOCS/f'{name}.html'] = page(title, _fix_links(_md_to_html(md)), nav).encode()
    files[DOCS/'style.css'] = CSS.encode()
    files[DOCS/'.nojekyll'] = b''
    return files

def _stale(files):
    stale = [p for p, b in files.items() if not p.exists() or p.read_bytes() != b]
    extra = [p for p in DOCS.rglob('*') if p.is_file() and p.suffix in MANAGED and p not in files]
    return stale, extra

if __name__ == '__main__':
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

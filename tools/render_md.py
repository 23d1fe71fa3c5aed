"""Render the notebooks to Markdown without Quarto: `README.md` from `nbs/index.ipynb`, and `docs/<name>.md`
(with figures under `docs/figures/`) for every notebook.

    python tools/render_md.py           # write README.md and docs/
    python tools/render_md.py --check   # exit 1 if README.md or docs/ differ from the notebooks

Cells marked `#| hide` are skipped and nbdev directives are stripped, as nbdev's own processing does.
Where Quarto exists, `nbdev_docs` builds the full site from the same notebooks (see nbs/_quarto.yml)."""
import sys, re, base64, json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBS, DOCS = ROOT/'nbs', ROOT/'docs'
ANSI = re.compile(r'\x1b\[[0-9;]*[A-Za-z]')

def _src(cell): return ''.join(cell['source']) if isinstance(cell['source'], list) else cell['source']

def _directives(src):
    return {m.group(1).strip() for m in re.finditer(r'^#\|\s*([\w-]+)', src, flags=re.M)}

def _txt(x): return ''.join(x) if isinstance(x, list) else x

def render(nb_path, fig_dir=None, fig_prefix=''):
    "Markdown text of one notebook, and `{figure name: png bytes}`."
    nb = json.loads(Path(nb_path).read_text())
    out, figs = [], {}
    for i, cell in enumerate(nb['cells']):
        src = _src(cell)
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
            elif 'image/png' in data and fig_dir is not None:
                name = f"{fig_prefix}cell{i}_{len(figs)}.png"
                figs[name] = base64.b64decode(_txt(data['image/png']))
                out.append(f"![]({fig_dir}/{name})")
            elif 'text/markdown' in data: out.append(_txt(data['text/markdown']).strip())
            elif 'text/plain' in data and o['output_type'] == 'execute_result':
                t = _txt(data['text/plain']).strip()
                if t and not t.startswith('<'): out.append(f"```\n{t}\n```")
    return '\n\n'.join(p for p in out if p) + '\n', figs

def build():
    "`{path: bytes}` of everything rendered."
    files = {}
    readme, _ = render(NBS/'index.ipynb')
    files[ROOT/'README.md'] = readme.encode()
    for nb in sorted(NBS.glob('*.ipynb')):
        if nb.name.startswith(('_', '.')): continue
        md, figs = render(nb, fig_dir='figures', fig_prefix=f"{nb.stem}_")
        files[DOCS/f"{nb.stem}.md"] = md.encode()
        for name, png in figs.items(): files[DOCS/'figures'/name] = png
    return files

if __name__ == '__main__':
    files = build()
    if '--check' in sys.argv:
        stale = [str(p.relative_to(ROOT)) for p, b in files.items() if not p.exists() or p.read_bytes() != b]
        extra = [str(p.relative_to(ROOT)) for p in DOCS.rglob('*') if p.is_file() and p.suffix in ('.md', '.png') and p not in files]
        if stale or extra:
            print("README.md / docs/ are out of date with the notebooks; run `python tools/render_md.py`.")
            for p in stale: print("  stale:", p)
            for p in extra: print("  not from any notebook:", p)
            sys.exit(1)
        print("README.md and docs/ match the notebooks."); sys.exit(0)
    for p in DOCS.rglob('*'):
        if p.is_file() and p.suffix in ('.md', '.png') and p not in files: p.unlink()
    for p, b in files.items():
        p.parent.mkdir(parents=True, exist_ok=True); p.write_bytes(b)
    print(f"wrote README.md and {len(files) - 1} files under docs/")

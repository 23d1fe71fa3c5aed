"""Re-execute notebooks in place the way `nbdev_test` runs them, saving every cell's output — except `#| slow`
cells (and `#| eval: false` ones), which keep the outputs they have: the heavy runs are not repeated, their saved
results stay what the docs show.

    python tools/run_nb.py nbs/10_paf_comparison.ipynb [more notebooks]   # then nbdev_clean

Stops at the first failing cell and leaves that notebook unchanged. Run `nbdev_clean` afterwards."""
import os, sys
from pathlib import Path

def run(fn:Path, skip=('slow',)):
    from execnb.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    from nbdev.process import NBProcessor
    from nbdev.frontmatter import FrontmatterProc
    from fastcore.xtras import working_directory
    nb = read_nb(fn)
    proc = NBProcessor(fn, procs=FrontmatterProc, process=True).nb   # the same cells, with their directives parsed
    def keep(cell):
        direc = getattr(cell, 'directives_', {}) or {}
        return (cell.cell_type != 'code' or 'nbdev_export(' in cell.source or set(skip) & direc.keys()
                or direc.get('eval:', [''])[0].lower() == 'false')
    shell = CaptureShell(fn)
    os.environ.setdefault('IN_TEST', '1')
    with working_directory(fn.parent):
        for cell, pc in zip(nb.cells, proc.cells):
            if keep(pc): continue
            shell.cell(cell)
            if shell.exc: raise RuntimeError(f"{fn.name}: cell {cell.idx_} failed; notebook left unchanged:\n{shell.prettytb(fname=fn)}")
    write_nb(nb, fn)
    print(f"{fn}: executed (slow cells kept)")

if __name__ == '__main__':
    if len(sys.argv) < 2: print(__doc__); sys.exit(2)
    for f in sys.argv[1:]: run(Path(f).resolve())

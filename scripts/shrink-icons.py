"""Shrinks the PNG icons that scripts/icons.mjs renders: each becomes a 64-colour palette
image (the artwork has two colours and their anti-aliased edges), about a third of the size,
with no visible difference, then is recompressed with zopfli (the same pixels, about a fifth
smaller again). Run by hand after icons.mjs; needs Pillow and zopfli (pip install pillow
zopfli)."""
from pathlib import Path

import zopfli.png
from PIL import Image

for path in sorted(Path("public/icons").glob("*.png")):
    before = path.stat().st_size
    image = Image.open(path).convert("RGBA")
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(path, optimize=True)
    path.write_bytes(zopfli.png.optimize(path.read_bytes()))
    print(f"{path}: {before} -> {path.stat().st_size} bytes")

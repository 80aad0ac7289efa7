"""Draw the application icon: a blue logbook with a red bookmark, as PNGs, a .ico and a .icns.

Run from the repository root to regenerate the files beside this script:

    .venv/bin/python resources/icons/make_icons.py

Pillow (installed with reportlab) draws every size from the same shapes at 8x and scales down;
the small sizes get fewer, thicker lines so they stay readable. The output depends only on this
script and the Pillow version.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SUPERSAMPLE = 8

BLUE = (31, 78, 121, 255)
BLUE_DARK = (20, 52, 84, 255)
PAGE = (250, 248, 240, 255)
LINE = (150, 170, 190, 255)
RED = (200, 40, 45, 255)
GREEN = (46, 140, 87, 255)


def draw(size: int) -> Image.Image:
    """Return the icon at ``size`` pixels square, drawn at a higher resolution then reduced."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def pt(x: float, y: float) -> tuple[int, int]:
        return (round(x * big), round(y * big))

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (*pt(x0, y0), *pt(x1, y1))

    # Cover: a rounded blue book seen from the front, its spine darker on the left.
    pen.rounded_rectangle(box(0.12, 0.06, 0.88, 0.94), radius=round(0.08 * big), fill=BLUE)
    pen.rounded_rectangle(box(0.12, 0.06, 0.26, 0.94), radius=round(0.08 * big), fill=BLUE_DARK)
    pen.rectangle(box(0.20, 0.06, 0.26, 0.94), fill=BLUE_DARK)
    # The page label with its ruled lines (two thick ones at small sizes, four otherwise).
    pen.rounded_rectangle(box(0.33, 0.18, 0.80, 0.72), radius=round(0.04 * big), fill=PAGE)
    small = size <= 32
    lines = (0.32, 0.50) if small else (0.30, 0.40, 0.50, 0.60)
    width = 0.06 if small else 0.035
    for y in lines:
        pen.rectangle(box(0.40, y - width / 2, 0.73, y + width / 2), fill=LINE)
    # A green tick on the last line: the hours logged and checked.
    if not small:
        pen.line(
            [pt(0.41, 0.58), pt(0.47, 0.65), pt(0.58, 0.50)],
            fill=GREEN,
            width=round(0.045 * big),
            joint="curve",
        )
    # The red bookmark ribbon hanging from the top edge, notched at its end.
    top, bottom, notch = 0.06, 0.90 if small else 0.88, 0.06
    pen.polygon(
        [
            pt(0.64, top),
            pt(0.76, top),
            pt(0.76, bottom),
            pt(0.70, bottom - notch),
            pt(0.64, bottom),
        ],
        fill=RED,
    )
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    """Write ambassadeur-<size>.png for every size, ambassadeur.png (256), .ico and .icns."""
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        image.save(HERE / f"ambassadeur-{size}.png", optimize=True)
    images[256].save(HERE / "ambassadeur.png", optimize=True)
    # Each size of the .ico is its own drawing (not the 256 px one scaled down by Pillow).
    largest = images[ICO_SIZES[-1]]
    largest.save(
        HERE / "ambassadeur.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES[:-1]],
    )
    # Pillow writes .icns on any system (no iconutil needed); it takes the sizes it needs.
    images[512].save(HERE / "ambassadeur.icns", append_images=[images[s] for s in (16, 32, 64, 128, 256)])


if __name__ == "__main__":
    main()

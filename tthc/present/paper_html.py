"""A slip as one HTML page laid out for A5 printing: the head with the center and the national
motto, the title, the body, the signature blocks and the QR code as inline SVG.

The page stands alone (inline CSS, no fonts, scripts or images fetched from anywhere), so it
prints the same from a file, an e-mail or the web side, which serves :func:`slip_html` as it
is: ``tthc receipt CODE --html FILE`` and ``/in/phieu-hen/CODE`` are the same page, byte for
byte. Every text is escaped with ``html.escape``.

The receipt with a long procedure name, an address and three papers fits one A5 sheet with
its QR code (a browser test prints it and counts the pages).
"""

from html import escape
from pathlib import Path

from tthc.core.errors import TthcError
from tthc.core.papers import Grid, Line, Slip

#: The sheet a slip is printed on: A5, the circulars' size for the slips; A4 for a center whose
#: printer holds only A4 (the web side's ``?kho=a4``), the same A5 layout in its middle.
PAGES = {
    "a5": "@page { size: A5; margin: 8mm 10mm 8mm 14mm; }",
    "a4": "@page { size: A4; margin: 15mm 43mm 15mm 43mm; }",
}
CSS = """
* { box-sizing: border-box; }
body { margin: 0; color: #000; background: #fff;
  font-family: "Times New Roman", Times, serif; font-size: 10.5pt; line-height: 1.25; }
.sheet { max-width: 124mm; margin: 0 auto; }
.form-no { text-align: right; font-size: 8pt; font-style: italic; margin: 0 0 2mm; }
.head { display: grid; grid-template-columns: 2fr 3fr; column-gap: 2mm; text-align: center; font-size: 9pt; }
.head p { margin: 0; font-weight: bold; }
.head .motto { text-decoration: underline; }
.place-date { text-align: right; font-style: italic; margin: 3mm 0 0; }
h1 { font-size: 12.5pt; text-align: center; margin: 3mm 0 1mm; }
.code { text-align: center; font-weight: bold; margin: 0 0 3mm; }
.body p { margin: 0.3mm 0; }
.body .label::after { content: ": "; }
.body .indent-1 { padding-left: 6mm; }
table.grid { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 2mm 0; }
table.grid th, table.grid td { border: 1px solid #000; padding: 0.8mm 1mm; vertical-align: top; }
.foot { display: grid; grid-template-columns: 1fr 1fr; column-gap: 2mm; align-items: start;
  margin-top: 3mm; break-inside: avoid; }
.foot.with-two { grid-template-columns: 1fr 1.2fr 25mm; }
.sign { text-align: center; }
.sign .title { font-weight: bold; font-size: 10pt; margin: 0; }
.sign .hint { font-style: italic; font-size: 9pt; margin: 0; }
.sign .name { margin: 12mm 0 0; font-weight: bold; }
.qr { text-align: center; font-size: 7pt; line-height: 1.15; overflow-wrap: anywhere; }
.qr svg { width: 22mm; height: 22mm; }
@media screen { body { background: #ddd; }
  .sheet { background: #fff; padding: 10mm 10mm 10mm 14mm; margin: 6mm auto; max-width: 148mm; } }
"""


def _qr_svg(slip: Slip) -> str:
    import segno

    return str(
        segno.make(slip.qr_data, error="m").svg_inline(
            scale=4, border=2, omitsize=True, title=slip.qr_caption
        )
    )


def _body(slip: Slip) -> list[str]:
    out = []
    for block in slip.body:
        if isinstance(block, Grid):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
            rows = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows
            )
            out.append(f'<table class="grid"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
        elif isinstance(block, Line):
            value = f' <span class="value">{escape(block.value)}</span>' if block.value else ""
            out.append(f'<p><span class="label">{escape(block.label)}</span>{value}</p>')
        else:
            out.append(f'<p class="indent-{block.indent}">{escape(block.text)}</p>')
    return out


def _foot(slip: Slip) -> str:
    """The QR code on the left, the signatures beside it; with two signatures (the receipt),
    the QR code goes to their right, in a narrow third column: below them it took the A5
    sheet's last 3 cm and went over to a second page."""
    qr = f'<div class="qr">{_qr_svg(slip)}<br>{escape(slip.qr_caption)}</div>'
    signs = [
        f'<div class="sign"><p class="title">{escape(s.title)}</p><p class="hint">{escape(s.hint)}</p>'
        f'<p class="name">{escape(s.name) or "&nbsp;"}</p></div>'
        for s in slip.signatures
    ]
    if len(signs) == 2:
        return f'<div class="foot with-two">{"".join(signs)}{qr}</div>'
    return f'<div class="foot">{qr}{"".join(signs)}</div>'


def style(paper: str = "a5") -> str:
    """The page's whole style sheet for ``paper`` (a key of :data:`PAGES`): the web side allows
    exactly these texts by their hashes."""
    return PAGES[paper] + CSS


def slip_html(slip: Slip, paper: str = "a5") -> str:
    """The whole page for one slip: ready to print on A5 (or A4), or to serve."""
    issuer = "".join(f"<p>{escape(x)}</p>" for x in slip.issuer)
    nation = f'<p>{escape(slip.nation[0])}</p><p class="motto">{escape(slip.nation[1])}</p>'
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(slip.lang)}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',  # served too: no request for /favicon.ico
        f"<title>{escape(slip.title)} · {escape(slip.code)}</title>",
        f"<style>{style(paper)}</style></head>",
        '<body><main class="sheet">',
        f'<p class="form-no">{escape(slip.form_label)}</p>',
        f'<div class="head"><div>{issuer}</div><div>{nation}</div></div>',
        f'<p class="place-date">{escape(slip.place_date)}</p>',
        f"<h1>{escape(slip.title)}</h1>",
        f'<p class="code">{escape(slip.subtitle)}</p>',
        '<div class="body">',
        *_body(slip),
        "</div>",
        _foot(slip),
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_slip(slip: Slip, path: Path) -> None:
    """The page written whole or not at all, readable by its owner only: a slip names the
    citizen and their phone number."""
    if path.suffix.lower() not in (".html", ".htm"):
        raise TthcError("{path}: a slip is written as .html", path=path)
    from tthc.storage.files import write_text

    write_text(path, slip_html(slip), private=True)

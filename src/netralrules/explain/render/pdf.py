"""Report → PDF to sign (issue 15): the report's words (`narrative.render_document`) on A4 pages,
with page numbers, the rulebook hash and the incident id in every page's footer, and a signature
block (name, position, date, place) at the end, after a line saying that the report supports a
decision and does not replace the examiner's judgement.

Rendered by WeasyPrint (an optional dependency: the `pdf` extra), not by a browser: it lays out
CSS paged media itself (`@page` margin boxes give the footer and `counter(page)` the numbers), needs
no browser process or driver, and gives the same pages for the same report. docs/explanations.md
says why. The library never prints: `to_pdf` returns bytes, the CLI writes them to a file.
"""

from __future__ import annotations

from html import escape

from netralrules.diagnostics import check_lang
from netralrules.explain.render.narrative import check_detail, render_document
from netralrules.explain.report import Report
from netralrules.explain.words import say

# A4, margins wide enough for a footer of two lines; levels of indentation as the text report has.
CSS = """
@page {
  size: A4;
  margin: 15mm 15mm 20mm 17mm;
  @bottom-left {
    content: %(footer)s;
    font-size: 7pt;
    color: #444;
    width: 80%%;
  }
  @bottom-right {
    content: "%(page)s " counter(page) " %(of)s " counter(pages);
    font-size: 8pt;
    color: #444;
  }
}
html { font-family: "Liberation Serif", "DejaVu Serif", serif; font-size: 9pt; line-height: 1.2; }
h1 { font-size: 15pt; margin: 0 0 4mm 0; }
h2.part { font-size: 12pt; text-transform: uppercase; border-bottom: 1px solid #000; margin: 6mm 0 2mm 0; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm 0; page-break-after: avoid; }
h4 { font-size: 10pt; margin: 2mm 0 1mm 0; page-break-after: avoid; }
p { margin: 0.6mm 0; }
p.item { text-indent: -3mm; padding-left: 3mm; }
p.item::before { content: "– "; }
.l1 { margin-left: 4mm; } .l2 { margin-left: 9mm; } .l3 { margin-left: 14mm; } .l4 { margin-left: 19mm; }
blockquote { font-style: italic; margin: 0.6mm 0 0.6mm 19mm; padding-left: 3mm; border-left: 2px solid #888; }
code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
.signature { page-break-inside: avoid; margin-top: 4mm; }
.signature p.disclaimer { font-weight: bold; margin-bottom: 3mm; }
.signature table { border-collapse: collapse; width: 100%%; }
.signature td { padding: 1.5mm 2mm; vertical-align: bottom; }
.signature td.label { width: 14%%; }
.signature td.blank { border-bottom: 1px solid #000; }
.signature td.sign { height: 14mm; }
"""


def css_string(text: str) -> str:
    """A CSS string literal: quotes, backslashes and anything outside printable ASCII escaped, so an
    incident id cannot end the string or the style sheet."""
    return (
        '"' + "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\<>' else f"\\{ord(ch):x} " for ch in text) + '"'
    )


class PdfUnavailable(RuntimeError):
    """WeasyPrint is not installed (the `pdf` extra), or cannot load its system libraries."""


def document_html(report: Report, lang: str = "id", detail: str = "standard") -> str:
    """The whole HTML document that becomes the PDF: footer text, the report, the signature block."""
    lang = check_lang(lang)
    footer = f"{say('incident', lang)}: {report.incident_id or '-'} · {say('rulebook', lang)} {report.rulebook}"

    def cell(key: str) -> str:
        return f'<td class="label">{escape(say(key, lang))}</td><td class="blank"></td>'

    rows = (
        f"<tr>{cell('signature_name')}{cell('signature_position')}</tr>"
        f"<tr>{cell('signature_date')}{cell('signature_place')}</tr>"
        f'<tr><td class="label">{escape(say("signature_sign", lang))}</td><td class="blank sign" colspan="3"></td></tr>'
    )
    css = CSS % {"page": say("page", lang), "of": say("page_of", lang), "footer": css_string(footer)}
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(say("title", lang))}: '
        f"{escape(report.incident_id or '-')}</title><style>{css}</style></head><body>\n"
        f"{render_document(report, lang, check_detail(detail))}"
        '<div class="signature">\n'
        f'<p class="disclaimer">{escape(say("signature_line", lang))}</p>\n'
        f"<table>{rows}</table>\n"
        "</div>\n</body></html>\n"
    )


def to_pdf(report: Report, lang: str = "id", detail: str = "standard") -> bytes:
    """The report as a PDF (bytes), in Indonesian (default) or English, at a level of `detail`.
    Raises PdfUnavailable when WeasyPrint cannot be loaded."""
    html = document_html(report, lang, detail)
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]  # the `pdf` extra, loaded only when asked for
    except (ImportError, OSError) as error:  # OSError: its system libraries (Pango) are missing
        raise PdfUnavailable(
            "PDF needs WeasyPrint: pip install 'netralrules[pdf]' (and Debian's libpango-1.0-0) "
            f"/ PDF memerlukan WeasyPrint ({error})"
        ) from error
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf

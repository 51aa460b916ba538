"""The HTML report, read as a document: well-formed HTML5, self-contained (no URL outside the
file), every incident string escaped, the decision on top, every provision with its citation,
text, conditions and facts, an SVG graph laid out left to right, byte-stable output."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from pathlib import Path

import html5lib
import pytest

from netralrules import evaluate, to_html
from netralrules.cli import main
from netralrules.explain.graph import clause_id
from netralrules.explain.render.html.assets import CSS, SCRIPT
from netralrules.explain.render.html.page import anchor, graph_nodes
from netralrules.explain.render.html.svg import layers
from netralrules.facts import load_incident
from tests.explain.html_support import HOSTILE, example, parse, report
from tests.helpers import explained

ANGKA_2 = "Pasal 5 huruf n angka 2 PP 94/2021 (bagi PNS, CPNS)"


def test_well_formed_html5_in_indonesian_and_english() -> None:
    for lang in ("id", "en"):
        _, html = report(example(), lang)
        page = parse(html)
        assert page.doctype.lower() == "doctype html"
        assert page.errors == []
        (root,) = [a for t, a in page.tags if t == "html"]
        assert root["lang"] == lang
        assert ("meta", {"charset": "utf-8"}) in page.tags
        ids = [a["id"] for _, a in page.tags if "id" in a]
        assert len(ids) == len(set(ids)), "duplicate ids"
        # Every graph node that opens a provision points at a provision's section.
        targets = {a["data-target"] for _, a in page.tags if "data-target" in a}
        assert targets and targets <= set(ids)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_html5_parser_finds_no_error(lang: str) -> None:
    parser = html5lib.HTMLParser(strict=True)  # raises at the first parse error
    parser.parse(report(example(jabatan=HOSTILE), lang)[1])
    assert parser.errors == []


def test_nothing_outside_the_file_is_referenced() -> None:
    _, html = report(example(), "id")
    page = parse(html)
    for tag, attrs in page.tags:
        for name in ("src", "href", "xlink:href", "action", "formaction", "poster", "data"):
            value = attrs.get(name, "")
            assert not re.match(r"\s*(https?:)?//", value, re.I), f"<{tag} {name}={value!r}>"
            assert not value or value.startswith(("#", "data:")), f"<{tag} {name}={value!r}>"
        assert not (tag == "link" and attrs.get("rel") == "stylesheet"), "external stylesheet"
        assert not (tag == "script" and "src" in attrs), "external script"
    assert "@import" not in CSS and not re.search(r"url\(\s*['\"]?(?!#)", CSS)
    assert not re.search(r"https?:", CSS + SCRIPT)
    # The page forbids the network itself; the hashes admit exactly its own style and script.
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    for text in (CSS, SCRIPT):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_incident_strings_are_escaped() -> None:
    data = example(jabatan=HOSTILE, instansi='Dinas "Contoh" & <b>Co</b>')
    data["id"] = 'PERKARA-1"><script>window.__pwned=3</script>'
    _, html = report(data)
    page = parse(html)
    assert page.errors == []
    assert [t for t, _ in page.tags].count("script") == 1  # only the page's own
    assert not any(t == "img" for t, _ in page.tags)
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    assert "<script>window.__pwned" not in html and "<b>Co</b>" not in html
    text = "".join(page.text)
    assert HOSTILE in text and 'PERKARA-1"><script>window.__pwned=3</script>' in text


def test_decision_summary_on_top() -> None:
    decision, html = report(example())
    page = parse(html)
    text = "".join(page.text)
    summary = text[: text.index("Ketentuan yang dipertimbangkan")]
    assert "Keputusan lengkap" in summary
    assert "Disiplin" in summary and "ditetapkan" in summary and "sedang" in summary
    assert f"{ANGKA_2} (tindakan 1)" in summary
    assert "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan" in summary
    assert decision.rulebook_hash in summary and decision.incident_id in summary


def test_the_summary_says_to_whom_the_case_is_referred() -> None:
    """rules/pengawasan: BKN from 2024-06-14, KASN until 2024-08-24; the example is reported in
    October 2024, so BKN; a report date inside the overlap is contested, and says so."""
    _, html = report(example())
    summary = "".join(parse(html).text)
    summary = summary[: summary.index("Ketentuan yang dipertimbangkan")]
    assert "Penerusan perkara (lembaga pengawas): Diteruskan kepada: BKN (Badan Kepegawaian Negara" in summary
    data = example()
    data["tanggal_laporan"] = "2024-07-01"
    _, html = report(data, "en")
    summary = "".join(parse(html).text)
    assert (
        "Unresolved (contested): the reference date falls within the periods of more than one supervisory body (BKN, KASN)"
        in summary
    )


def test_unresolved_points_and_the_facts_that_would_decide_them() -> None:
    _, html = report(example({"atribut_partai": None}), "en")
    text = "".join(parse(html).text)
    summary = text[: text.index("Provisions considered")]
    assert "The decision is incomplete" in summary
    assert "Article 5 letter n number 2 of PP 94/2021 (for PNS, CPNS): a fact it needs is unknown" in summary
    assert "tindakan.atribut_partai" in summary


def test_every_provision_considered_is_a_collapsible_section() -> None:
    decision, html = report(example())
    page = parse(html)
    sections = {a["data-provision"]: a for t, a in page.tags if t == "details" and "data-provision" in a}
    assert set(sections) == {o.provision for o in decision.evaluation.outcomes}
    assert all("open" not in a for a in sections.values())  # closed until clicked (or printed)
    assert sections["pp94.pasal5.n.2"]["class"] == "clause status-fired"
    # The fired provision: citation, statutory text, its finding, conditions with values, facts seen.
    body = html[html.index(f'id="{anchor(clause_id(0, "pp94.pasal5.n.2"))}"') :]
    body = body[: body.index("</details>")]
    assert ANGKA_2 in body
    assert "menjadi peserta kampanye dengan menggunakan atribut partai atau atribut PNS" in body
    assert "tingkat sedang menurut Pasal 13 huruf g PP 94/2021" in body
    assert "tindakan.atribut_partai atau tindakan.atribut_pns" in body and 'class="val val-true">benar<' in body
    assert "<code>tindakan.atribut_partai</code></td><td>benar</td>" in body
    # A provision an exception overrode names the exception.
    body = html[html.index(f'id="{anchor(clause_id(0, "pp94.pasal5.n.1"))}"') :]
    assert "dikecualikan oleh " + ANGKA_2 in body[: body.index("</details>")]


def test_the_narrative_is_the_narrative_view() -> None:
    from netralrules.explain import narrative

    decision, html = report(example(), "en")
    assert (
        html.count(
            narrative(explained(decision), "en")
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&quot;")
            .replace("'", "&#x27;")
        )
        == 1
    )


def test_graph_is_laid_out_left_to_right() -> None:
    decision, html = report(example())
    e = explained(decision)
    nodes = graph_nodes(e)
    column = {n: i for i, col in enumerate(layers(e, nodes)) for n in col}
    assert set(column) == set(nodes) and "decision" in column
    for u, v in e.graph.edges:
        if u in column and v in column:
            assert column[u] < column[v], (u, v)
    assert html.count('<svg class="graph"') == 1
    # The fired provision is drawn and opens its section; a provision out of force is not drawn.
    assert f'data-target="{anchor(clause_id(0, "pp94.pasal5.n.2"))}"' in html
    assert f'data-target="{anchor(clause_id(0, "pp53.pasal4.14"))}"' not in html


def test_print_stylesheet_opens_everything_and_hides_controls() -> None:
    media = CSS[CSS.index("@media print") :]
    assert "details::details-content" in media and "content-visibility: visible" in media
    assert re.search(r"\.controls[^{]*\{\s*display:\s*none", media)
    assert "beforeprint" in SCRIPT


@pytest.mark.parametrize("lang", ["id", "en"])
def test_byte_stable(lang: str) -> None:
    assert report(example(), lang)[1] == report(example(), lang)[1]


def test_cli_evaluate_format_html(tmp_path: Path) -> None:
    data = example(jabatan=HOSTILE)
    incident = tmp_path / "perkara.json"
    incident.write_text(json.dumps(data), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["evaluate", str(incident), "--format", "html", "--lang", "en"], stdout=out, stderr=err)
    assert code == 0 and err.getvalue() == ""
    validated = load_incident(data)
    assert out.getvalue() == to_html(evaluate(validated), "en", incident=validated)
    assert '<html lang="en">' in out.getvalue() and "&lt;script&gt;window.__pwned" in out.getvalue()


def test_two_acts_and_a_repeated_offence() -> None:
    data = example()
    last = "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan"  # the top of sedang
    data["responden"]["sanksi_sebelumnya"] = [{"tanggal": "2023-03-01", "jenis_hukuman": last, "sifat_sama": True}]
    data["tindakan"].append({**data["tindakan"][0], "tanggal": "2024-10-20"})
    _, html = report(data)
    text = "".join(parse(html).text)
    summary = text[: text.index("Ketentuan yang dipertimbangkan")]
    assert f"{ANGKA_2} (tindakan 1)" in summary and f"{ANGKA_2} (tindakan 2)" in summary
    assert "tingkat dinaikkan dari sedang menjadi berat karena pengulangan pelanggaran" in summary
    # The raised tier's options come from the ladder (every berat type is heavier than the last
    # sanction), not from the findings' sedang table.
    assert "penurunan jabatan setingkat lebih rendah selama 12 bulan" in summary
    assert "selama 6 bulan" not in summary and "selama 9 bulan" not in summary
    assert "Tindakan 2: 20 Oktober 2024 (2024-10-20)" in text
    assert html.count('data-provision="pp94.pasal5.n.2"') == 2


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_annex_of_sources_is_numbered_with_reliability_in_words_and_links_as_text(lang: str) -> None:
    _, page = report(example(), lang)
    section = page[page.index('<section id="sources">') : page.index("</section>", page.index('<section id="sources">'))]
    assert ("Lampiran C: sumber" if lang == "id" else "Annex C: sources") in section
    assert '<li id="source-1" value="1">' in section
    assert ("Keandalan: terverifikasi" if lang == "id" else "Reliability: verified") in section
    assert "[V1]" not in page and "[V2]" not in page and "regulations.md" not in page
    # Links are text: the page never points outside itself.
    assert "https://kompas.tv/" in section and 'href="https://' not in page
    # Each finding points to its sources in the annex.
    assert re.search(r'<p class="source-refs">.*<a href="#source-\d+">\[\d+\]</a>', page)

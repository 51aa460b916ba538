"""`netralrules evaluate` with --why-not, --set and the export formats: stdout, stderr, exit status."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx  # type: ignore[import-untyped]  # as in src/: networkx ships no types

from netralrules.cli import main
from netralrules.explain.render.exports import graph_from_graphml

EXAMPLE = str(Path(__file__).parents[1] / "examples" / "pns_kampanye_atribut_partai.json")


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_markdown_report() -> None:
    code, out, err = run("evaluate", EXAMPLE, "--format", "markdown")
    assert code == 0 and not err
    assert out.startswith("# Penjelasan keputusan\n")
    assert "## Tingkat dan jalur yang tidak tercapai" in out
    assert "> memberikan dukungan kepada calon" in out
    code, out, _ = run("evaluate", EXAMPLE, "--format", "markdown", "--lang", "en")
    assert out.startswith("# Explanation of the decision\n")


def test_graphml_and_node_link_exports_read_back() -> None:
    code, graphml, _ = run("evaluate", EXAMPLE, "--format", "graphml")
    assert code == 0
    code, node_link, _ = run("evaluate", EXAMPLE, "--format", "node-link")
    assert code == 0
    from_graphml = graph_from_graphml(graphml)
    from_json = nx.node_link_graph(json.loads(node_link), directed=True, multigraph=False, edges="edges")
    assert set(from_graphml.nodes) == set(from_json.nodes) and set(from_graphml.edges) == set(from_json.edges)
    assert run("evaluate", EXAMPLE, "--format", "graphml")[1] == graphml  # byte-stable


def test_why_not_a_provision() -> None:
    code, out, _ = run("evaluate", EXAMPLE, "--why-not", "pp94.pasal5.n.4", "--why-not", "pp94.pasal5.n.3")
    assert code == 0
    asked = out.split("Ketentuan yang ditanyakan")[1]
    assert "Pasal 5 huruf n angka 4 PP 94/2021 (bagi PNS, CPNS) (tindakan 1): syarat tidak terpenuhi." in asked
    assert "Syarat yang tidak terpenuhi: Memakai fasilitas negara: tidak." in asked
    assert asked.index("angka 4") < asked.index("angka 3")  # in the order asked
    code, out, _ = run("evaluate", EXAMPLE, "--why-not", "pp94.pasal5.n.4", "--format", "json")
    (asked_json,) = json.loads(out)["mengapa_tidak"]
    assert asked_json["provision"] == "pp94.pasal5.n.4" and asked_json["unmet"][0]["value"] == "false"


def test_what_if_text_and_json() -> None:
    code, out, err = run("evaluate", EXAMPLE, "--set", "tindakan.fasilitas_negara=benar")
    assert code == 0 and not err
    assert "Disiplin: ditetapkan, tingkat sedang → ditetapkan, tingkat berat" in out
    assert "Pasal 5 huruf n angka 4 PP 94/2021 (tindakan 1): syarat tidak terpenuhi → berlaku" in out
    code, out, _ = run("evaluate", EXAMPLE, "--set", "tindakan.fasilitas_negara=true", "--format", "json", "--lang", "en")
    data = json.loads(out)
    tiers = [(t["kategori"], t["tingkat"]) for t in data["andaikan"]["penetapan"] if t["status"] == "determined"]
    assert tiers == [("disiplin", "berat")]
    assert data["perubahan"]["provisions"][0]["key"] == "pp94.pasal5.n.4"


def test_what_if_export_is_the_changed_graph() -> None:
    _, out, _ = run("evaluate", EXAMPLE, "--set", "tindakan.fasilitas_negara=benar", "--format", "node-link")
    nodes = {n["id"]: n for n in json.loads(out)["nodes"]}
    assert nodes["act0/clause/pp94.pasal5.n.4"]["status"] == "fired"


def test_bad_requests_are_usage_errors_with_codes_and_nothing_on_stdout() -> None:
    code, out, err = run(
        "evaluate",
        EXAMPLE,
        "--why-not",
        "pp94.pasal5.n.9",
        "--set",
        "tindakan.fasilitas=benar",
        "--set",
        "pemilu.jenis=pilkada",
        "--lang",
        "en",
    )
    assert code == 2 and out == ""
    assert "error[E0501]" in err and "did you mean `pp94.pasal5.n.1`?" in err
    assert "error[E0503]" in err and "did you mean `tindakan.fasilitas_negara`?" in err
    assert "error[E0504]" in err and "Traceback" not in err
    assert "3 error(s), 0 warning(s)" in err

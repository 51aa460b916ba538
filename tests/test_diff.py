"""`netralrules diff` and `diff_rulebooks`: two versions of the rulebook over a folder of incidents;
exactly the incidents whose outcome changes, with the provision responsible."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from netralrules import diff_rulebooks
from netralrules.cli import main
from netralrules.diagnostics import NetralrulesError
from tests.explain.html_support import ROOT, example

EXAMPLES = ROOT / "examples"
ANGKA_2 = "maka disiplin tingkat sedang menurut PP_94_2021 pasal 13 huruf g"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _rules_copy(tmp_path: Path, old: str, new: str, name: str = "rules_new") -> Path:
    copy = tmp_path / name
    shutil.copytree(ROOT / "rules", copy, ignore=shutil.ignore_patterns("cases"))
    path = copy / "pp94_2021" / "pasal_05_huruf_n.nr"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return copy


@pytest.fixture
def heavier(tmp_path: Path) -> Path:
    """The rulebook with PP 94/2021 Pasal 5 huruf n angka 2 moved from tingkat sedang to berat."""
    return _rules_copy(tmp_path, ANGKA_2, ANGKA_2.replace("sedang", "berat"))


@pytest.fixture
def incidents(tmp_path: Path) -> Path:
    """Incidents: angka 2 alone (changes), angka 2 with angka 4 (berat either way: no change), a
    teacher without party attributes (no finding), and two broken files."""
    folder = tmp_path / "insiden"
    (folder / "sub").mkdir(parents=True)
    alone = example()
    alone["id"] = "A-ANGKA-2"
    with_four = example({"fasilitas_negara": True})
    with_four["id"] = "B-ANGKA-2-DAN-4"
    plain = example({"atribut_partai": False})
    plain["id"] = "C-TANPA-ATRIBUT"
    (folder / "a.json").write_text(json.dumps(alone), encoding="utf-8")
    (folder / "sub" / "b.json").write_text(json.dumps(with_four), encoding="utf-8")
    (folder / "c.yaml").write_text(json.dumps(plain), encoding="utf-8")
    (folder / "rusak.json").write_text('{"id": "x", "tindakan": [', encoding="utf-8")
    bad = example()
    bad["responden"]["status_kepegawaian"] = "pegawai_honorer_tak_dikenal"
    (folder / "salah_nilai.json").write_text(json.dumps(bad), encoding="utf-8")
    (folder / "catatan.txt").write_text("not an incident", encoding="utf-8")
    return folder


def test_a_changed_tier_changes_exactly_the_incidents_it_decides(heavier: Path, incidents: Path) -> None:
    result = diff_rulebooks(ROOT / "rules", heavier, incidents)
    assert result.old_hash != result.new_hash
    assert [(p.provision, p.changes) for p in result.provisions] == [("pp94.pasal5.n.2", ("maka",))]
    assert result.incidents == 3
    (change,) = result.changes
    assert (Path(change.path).name, change.incident_id) == ("a.json", "A-ANGKA-2")
    (track,) = change.tracks
    assert (track.category, track.old.tier, track.new.tier) == ("disiplin", "sedang", "berat")
    assert track.old.sanctions[0] == "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan"
    assert track.new.sanctions[0] == "penurunan jabatan setingkat lebih rendah selama 12 bulan"
    (responsible,) = change.responsible
    assert (responsible.provision, responsible.citation) == ("pp94.pasal5.n.2", "Pasal 5 huruf n angka 2 PP 94/2021")
    assert (responsible.changes, responsible.old_status, responsible.new_status) == (
        ("maka",),
        ("fired sedang",),
        ("fired berat",),
    )


def test_broken_incidents_are_reported_not_fatal(heavier: Path, incidents: Path) -> None:
    result = diff_rulebooks(ROOT / "rules", heavier, incidents)
    failures = {Path(f.path).name: f for f in result.failures}
    assert set(failures) == {"rusak.json", "salah_nilai.json"}
    assert failures["rusak.json"].codes == ("E0401",)
    assert failures["salah_nilai.json"].codes == ("E0407",)
    assert "responden.status_kepegawaian" in failures["salah_nilai.json"].message_en


def test_bundled_examples(heavier: Path) -> None:
    result = diff_rulebooks(ROOT / "rules", heavier, EXAMPLES)
    # The two examples of a PNS campaigning in party attire (the second a repeat offence).
    assert [Path(c.path).name for c in result.changes] == ["pns_kampanye_atribut_partai.json", "pns_kampanye_pengulangan.yaml"]
    assert [[r.provision for r in c.responsible] for c in result.changes] == [["pp94.pasal5.n.2"]] * 2
    assert result.incidents == len([p for p in EXAMPLES.iterdir() if p.is_file()])


def test_a_change_that_decides_nothing_here_changes_no_outcome(tmp_path: Path, incidents: Path) -> None:
    reworded = _rules_copy(tmp_path, 'dengan menggunakan fasilitas negara;"', 'dengan menggunakan fasilitas negara."')
    result = diff_rulebooks(ROOT / "rules", reworded, incidents)
    assert [(p.provision, p.changes) for p in result.provisions] == [("pp94.pasal5.n.4", ("teks",))]
    assert result.changes == ()


def test_cli_text_and_exit_1_when_outcomes_change(heavier: Path, incidents: Path) -> None:
    code, out, err = run("diff", str(ROOT / "rules"), str(heavier), str(incidents))
    assert code == 1 and err == ""
    assert "Insiden dinilai: 3; hasilnya berubah: 1; gagal dinilai: 2" in out
    assert "disiplin: ditetapkan, tingkat sedang → ditetapkan, tingkat berat" in out
    assert "Pasal 5 huruf n angka 2 PP 94/2021 (pp94.pasal5.n.2) [berubah: maka]: berlaku (sedang) → berlaku (berat)" in out
    assert "rusak.json" in out and "[E0401]" in out
    # The same run gives the same bytes.
    assert run("diff", str(ROOT / "rules"), str(heavier), str(incidents))[1] == out


def test_cli_json(heavier: Path) -> None:
    code, out, _ = run("diff", str(ROOT / "rules"), str(heavier), str(EXAMPLES), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["rulebook_lama"].startswith("sha256:") and data["rulebook_baru"] != data["rulebook_lama"]
    assert data["ketentuan_berubah"] == [
        {"ketentuan": "pp94.pasal5.n.2", "rujukan": "Pasal 5 huruf n angka 2 PP 94/2021", "perubahan": ["maka"]}
    ]
    assert [c["insiden"] for c in data["hasil_berubah"]] == ["CONTOH-PILKADA-2024-017", "CONTOH-PILKADA-2024-031"]
    change = data["hasil_berubah"][0]
    (track,) = change["penetapan"]
    assert (track["kategori"], track["lama"]["tingkat"], track["baru"]["tingkat"]) == ("disiplin", "sedang", "berat")
    assert [(r["ketentuan"], r["hasil_lama"], r["hasil_baru"]) for r in change["penyebab"]] == [
        ("pp94.pasal5.n.2", ["fired sedang"], ["fired berat"])
    ]


def test_cli_unchanged_rulebook_exit_0() -> None:
    code, out, err = run("diff", str(ROOT / "rules"), str(ROOT / "rules"), str(EXAMPLES), "--lang", "en")
    assert code == 0 and err == ""
    assert "Provisions changed:\n  none" in out
    incidents = len([p for p in EXAMPLES.iterdir() if p.is_file()])
    assert f"Incidents evaluated: {incidents}; outcome changed: 0; could not be evaluated: 0" in out


def test_cli_broken_rulebook_exit_2(tmp_path: Path) -> None:
    broken = _rules_copy(tmp_path, ANGKA_2, ANGKA_2.replace("maka disiplin", "makaa disiplin"))
    code, out, err = run("diff", str(ROOT / "rules"), str(broken), str(EXAMPLES))
    assert code == 2 and out == ""
    assert "error[E01" in err and "pasal_05_huruf_n.nr" in err
    with pytest.raises(NetralrulesError):
        diff_rulebooks(ROOT / "rules", broken, EXAMPLES)


def test_cli_no_incidents_exit_2(tmp_path: Path) -> None:
    assert run("diff", str(ROOT / "rules"), str(ROOT / "rules"), str(tmp_path / "nope"))[0] == 2
    (tmp_path / "kosong").mkdir()
    code, _, err = run("diff", str(ROOT / "rules"), str(ROOT / "rules"), str(tmp_path / "kosong"))
    assert code == 2 and "no incident files" in err


def test_a_changed_definition_blames_the_provisions_that_use_it(tmp_path: Path) -> None:
    narrower = _rules_copy(
        tmp_path,
        "tindakan.jenis dalam {ikut_kampanye, menjadi_tim_kampanye}\n  dan masa_kampanye",
        "tindakan.jenis dalam {menjadi_tim_kampanye}\n  dan masa_kampanye",
    )
    result = diff_rulebooks(ROOT / "rules", narrower, EXAMPLES)
    users = {p.provision: p.changes for p in result.provisions}
    assert users["pp94.pasal5.n.2"] == ("definisi peserta_kampanye",)
    assert "pp94.pasal5.n.7" not in users  # a KTP support letter: no campaign, no definition
    change = result.changes[0]  # the first of the two party-attire examples (the second is a repeat)
    assert [Path(c.path).name for c in result.changes] == ["pns_kampanye_atribut_partai.json", "pns_kampanye_pengulangan.yaml"]
    (track,) = change.tracks
    assert (track.category, track.old.status, track.new.status) == ("disiplin", "determined", "unresolved")
    responsible = {r.provision: r for r in change.responsible}
    assert responsible["pp94.pasal5.n.2"].old_status == ("fired sedang",)
    assert responsible["pp94.pasal5.n.2"].new_status == ("not_fired",)
    # Angka 1 did not change, but its result did: angka 2, its exception, no longer defeats it.
    assert (responsible["pp94.pasal5.n.1"].changes, responsible["pp94.pasal5.n.1"].new_status) == ((), ("fired",))
    assert set(responsible) == {"pp94.pasal5.n.1", "pp94.pasal5.n.2", "pp94.pasal5.n.3", "pp94.pasal5.n.4"}

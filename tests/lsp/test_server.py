"""`netralrules lsp` driven over stdio by pytest-lsp: open, change, diagnostics, hover, completion,
definition, references, the outline, formatting, code actions and the code lens, on the bundled
rulebook (documents are changed in the editor only; nothing is written to disk)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from tests.lsp.conftest import RULES
from tests.lsp.support import at, diagnostics, show, until

pytestmark = pytest.mark.asyncio(loop_scope="module")

PASAL5 = RULES / "pp94_2021" / "pasal_05_huruf_n.nr"
PIDANA = RULES / "uu7_2017" / "pidana.nr"
ORIGINAL = PASAL5.read_text(encoding="utf-8")


async def test_a_clean_file_has_no_diagnostics(client: LanguageClient) -> None:
    await show(client, PASAL5, ORIGINAL)
    assert diagnostics(client, PASAL5) == []


async def test_a_typo_is_reported_as_you_type_with_its_code_and_page(client: LanguageClient) -> None:
    text = ORIGINAL.replace("  maka disiplin\n", "  makaa disiplin\n", 1)
    await show(client, PASAL5, text)
    [d] = diagnostics(client, PASAL5)
    assert d.code == "E0101"
    assert d.severity == lsp.DiagnosticSeverity.Error
    assert d.range.start == at(text, "makaa disiplin")
    assert d.range.end == at(text, "makaa disiplin", 5)
    assert "ganti `makaa` dengan `maka`" in d.message
    assert d.code_description is not None and d.code_description.href.endswith("/E0101.md")
    await show(client, PASAL5, ORIGINAL)
    assert diagnostics(client, PASAL5) == []


async def test_the_whole_folder_is_checked(client: LanguageClient) -> None:
    """An unknown provision in `mengecualikan`, and a definition renamed in one file that another uses."""
    text = ORIGINAL.replace("mengecualikan pp94.pasal5.n.1", "mengecualikan pp94.pasal5.n.11", 1)
    await show(client, PASAL5, text)
    [d] = diagnostics(client, PASAL5)
    assert d.code == "E0207" and "pp94.pasal5.n.1`" in d.message
    renamed = ORIGINAL.replace("definisi masa_kampanye ", "definisi masa_kampanye_resmi ").replace(
        "dan masa_kampanye\n", "dan masa_kampanye_resmi\n"
    )
    await show(client, PASAL5, renamed)
    await until(lambda: any(d.code == "E0212" for d in diagnostics(client, PIDANA)))
    await show(client, PASAL5, ORIGINAL)
    await until(lambda: diagnostics(client, PIDANA) == [])


async def test_messages_follow_the_language_of_the_file(client: LanguageClient, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("english")
    path = folder / "rules.nr"
    text = 'instrument PP_1 {\n  title "A regulation"\n  kind PP\n  number 1 year 2020\n  in_force from 2020-01-01\n}\n'
    text += 'provision a.one {\n  cites PP_1 article 1\n  text "x"\n  applies_to PNS\n'
    text += "  if tindakan.jam_kerja\n  thenn discipline\n}\n"
    path.write_text(text, encoding="utf-8")
    await show(client, path, text)
    [d] = diagnostics(client, path)
    assert "unknown keyword" in d.message and "replace `thenn` with `then`" in d.message


async def test_an_unsaved_document_is_checked_alone(client: LanguageClient) -> None:
    uri = "untitled:Untitled-1"
    text = 'instrumen PP_9 {\n  judul "x"\n  jenis PP\n  nomor 9 tahun 2020\n  berlaku sejak 2020-01-01\n}\n'
    text += 'ketentuan a.b {\n  rujukan PP_9 pasal 1\n  teks "x"\n  untuk PNS\n'
    text += "  jika tindakan.jam_kerja\n  maka disiplin tingkat beratt\n}\n"
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "netralrules", 1, text)))
    await until(lambda: uri in client.diagnostics)
    assert [d.code for d in client.diagnostics[uri]] == ["E0101"]


async def test_hover(client: LanguageClient) -> None:
    await show(client, PASAL5, ORIGINAL)
    uri = PASAL5.as_uri()

    async def hover(needle: str, delta: int = 1) -> str:
        result = await client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), at(ORIGINAL, needle, delta))
        )
        assert result is not None and isinstance(result.contents, lsp.MarkupContent)
        return result.contents.value

    keyword = await hover("  maka disiplin tingkat sedang", 3)
    assert "`maka` / `then`" in keyword and "akibat hukum" in keyword and "legal consequence" in keyword
    fact = await hover("tindakan.fasilitas_negara", 12)
    assert "`tindakan.fasilitas_negara`" in fact and "benar/salah" in fact
    values = await hover("tindakan.jenis = ikut_kampanye", 10)
    assert "`ikut_kampanye`" in values and "`hadir_deklarasi`" in values
    value = await hover("tindakan.jenis = ikut_kampanye", 20)
    assert "**nilai** `ikut_kampanye`" in value and "`tindakan.jenis`" in value
    provision = await hover("mengecualikan pp94.pasal5.n.1", 16)
    assert "PP_94_2021 pasal 5 huruf n angka 1" in provision and "ikut kampanye" in provision
    definition = await hover("dan masa_kampanye\n", 6)
    assert "masa kampanye" in definition and "antara" in definition
    in_text = lsp.HoverParams(lsp.TextDocumentIdentifier(uri), at(ORIGINAL, "selama, dan sesudah masa kampanye;", 9))
    assert await client.text_document_hover_async(in_text) is None  # `dan` inside the statutory text is no keyword
    instrument = await hover("rujukan PP_94_2021", 10)
    assert "Disiplin Pegawai Negeri Sipil" in instrument and "2021-08-31" in instrument


async def complete(client: LanguageClient, path: Path, text: str, needle: str) -> list[str]:
    await show(client, path, text)
    position = at(text, needle, len(needle), last=True)  # the text typed at the end, not an earlier mention
    result = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(path.as_uri()), position)
    )
    assert isinstance(result, lsp.CompletionList)
    return [item.label for item in result.items]


async def test_completion(client: LanguageClient) -> None:
    base = ORIGINAL + '\nketentuan pp94.coba {\n  rujukan PP_94_2021 pasal 5\n  teks "x"\n  untuk PNS\n'
    facts = await complete(client, PASAL5, base + "  jika tindakan.\n}\n", "jika tindakan.")
    assert "tindakan.fasilitas_negara" in facts and "tindakan.jenis" in facts
    values = await complete(client, PASAL5, base + "  jika tindakan.jenis = \n}\n", "jika tindakan.jenis = ")
    assert "ikut_kampanye" in values and "maka" not in values
    in_set = await complete(client, PASAL5, base + "  jika tindakan.sasaran dalam {masyarakat, \n}\n", "{masyarakat, ")
    assert set(in_set) == {"pns_unit_kerja", "anggota_keluarga", "masyarakat"}
    excepted = await complete(client, PASAL5, base + "  mengecualikan pp\n}\n", "mengecualikan pp")
    assert "pp94.pasal5.n.1" in excepted and "pp49.pasal52.n.1" in excepted
    instruments = await complete(client, PASAL5, base + "  maka disiplin tingkat berat menurut \n}\n", "menurut ")
    assert "PP_94_2021" in instruments and "UU_7_2017" in instruments
    assert await complete(client, PASAL5, base + "  jika tindakan.jam_kerja # ma\n}\n", "# ma") == []
    general = await complete(client, PASAL5, base + "  jika ma\n}\n", "jika ma")
    assert "maka" in general and "masa_kampanye" in general and "then" not in general
    gap = ORIGINAL + "\ncelah pp94.coba {\n  jenis tidak_diatur\n"
    acts = await complete(client, PASAL5, gap + "  jenis_tindakan ikut_kampanye, \n}\n", "ikut_kampanye, ")
    assert "suka_media_sosial" in acts and "maka" not in acts
    stages = await complete(client, PASAL5, gap + "  tahap \n}\n", "  tahap ")
    assert stages[:2] == ["sebelum_pendaftaran", "bakal_calon"] and len(stages) == 6
    elections = await complete(client, PASAL5, gap + "  election_kinds \n}\n", "election_kinds ")
    assert "pilkada_bupati" in elections
    procedure = ORIGINAL + "\nprosedur PP_94_2021 {\n"
    steps = await complete(client, PASAL5, procedure + "  langkah \n}\n", "  langkah ")
    assert steps[:3] == ["kewajiban_menindaklanjuti", "pemanggilan", "pemeriksaan"] and "maka" not in steps
    limit = "  batas_waktu pemanggilan paling_lambat 7 hari_kerja sejak pemanggilan sampai "
    events = await complete(client, PASAL5, procedure + limit + "\n}\n", "sampai ")
    assert "pemeriksaan" in events and "keputusan_diterima" in events and len(events) == 12
    await show(client, PASAL5, ORIGINAL)


async def test_completion_in_an_english_file_offers_english_keywords(
    client: LanguageClient, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("english_completion") / "rules.nr"
    text = 'provision a.one {\n  cites PP_1 article 1\n  text "x"\n  applies_to PNS\n  if tindakan.jam_kerja\n  th\n}\n'
    labels = await complete(client, path, text, "  th")
    assert "then" in labels and "maka" not in labels


async def test_definition_and_references(client: LanguageClient) -> None:
    await show(client, PASAL5, ORIGINAL)
    uri = PASAL5.as_uri()
    found = await client.text_document_definition_async(
        lsp.DefinitionParams(lsp.TextDocumentIdentifier(uri), at(ORIGINAL, "dan masa_kampanye\n", 6))
    )
    assert isinstance(found, lsp.Location) and found.uri == uri
    assert found.range.start == at(ORIGINAL, 'masa_kampanye "masa kampanye"')
    instrument = await client.text_document_definition_async(
        lsp.DefinitionParams(lsp.TextDocumentIdentifier(uri), at(ORIGINAL, "rujukan PP_94_2021", 10))
    )
    assert isinstance(instrument, lsp.Location) and instrument.uri.endswith("/rules/pp94_2021/instrumen.nr")
    refs = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            position=at(ORIGINAL, "dan masa_kampanye\n", 6),
            context=lsp.ReferenceContext(include_declaration=True),
        )
    )
    assert refs is not None
    files = {r.uri.rsplit("/rules/", 1)[1] for r in refs}
    assert {"pp94_2021/pasal_05_huruf_n.nr", "uu7_2017/pidana.nr", "pp49_2018/pasal_52.nr"} <= files
    provision_refs = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            position=at(ORIGINAL, "ketentuan pp94.pasal5.n.1", 12),
            context=lsp.ReferenceContext(include_declaration=False),
        )
    )
    assert provision_refs is not None and len(provision_refs) == 3


async def test_document_symbols(client: LanguageClient) -> None:
    await show(client, PASAL5, ORIGINAL)
    result = await client.text_document_document_symbol_async(
        lsp.DocumentSymbolParams(lsp.TextDocumentIdentifier(PASAL5.as_uri()))
    )
    assert result is not None
    names = [s.name for s in result if isinstance(s, lsp.DocumentSymbol)]
    assert names[:4] == ["masa_kampanye", "calon_sudah_ditetapkan", "peserta_kampanye", "pp94.pasal5.n.1"]


async def test_formatting_the_document_and_a_range(client: LanguageClient) -> None:
    messy = ORIGINAL.replace("ketentuan pp94.pasal5.n.1 {\n  rujukan", "ketentuan   pp94.pasal5.n.1 {\n      rujukan", 1)
    messy = messy.replace("ketentuan pp94.pasal5.n.3 {\n  rujukan", "ketentuan pp94.pasal5.n.3 {\n        rujukan", 1)
    await show(client, PASAL5, messy)
    uri = lsp.TextDocumentIdentifier(PASAL5.as_uri())
    options = lsp.FormattingOptions(tab_size=2, insert_spaces=True)
    edits = await client.text_document_formatting_async(lsp.DocumentFormattingParams(uri, options))
    assert edits is not None and len(edits) == 1 and edits[0].new_text == ORIGINAL
    start = at(messy, "ketentuan   pp94")
    ranged = await client.text_document_range_formatting_async(
        lsp.DocumentRangeFormattingParams(uri, lsp.Range(start, start), options)
    )
    assert ranged is not None and len(ranged) == 1
    assert ranged[0].new_text.startswith("ketentuan pp94.pasal5.n.1 {\n  rujukan") and "n.3" not in ranged[0].new_text
    await show(client, PASAL5, ORIGINAL)


async def actions_at(client: LanguageClient, path: Path, text: str, needle: str) -> list[lsp.CodeAction]:
    await show(client, path, text)
    position = at(text, needle)
    shown = diagnostics(client, path)
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(path.as_uri()), lsp.Range(position, position), lsp.CodeActionContext(shown)
        )
    )
    assert result is not None
    return [a for a in result if isinstance(a, lsp.CodeAction)]


def new_texts(action: lsp.CodeAction) -> list[str]:
    assert action.edit is not None and action.edit.changes is not None
    return [e.new_text for edits in action.edit.changes.values() for e in edits]


async def test_code_actions(client: LanguageClient) -> None:
    typo = ORIGINAL.replace(
        "jika peserta_kampanye dan tindakan.fasilitas_negara", "jika peserta_kampanye dan tindakan.fasilitas_negar", 1
    )
    [fix] = [a for a in await actions_at(client, PASAL5, typo, "fasilitas_negar\n") if a.kind == lsp.CodeActionKind.QuickFix]
    assert new_texts(fix) == ["fasilitas_negara"] and fix.diagnostics and fix.diagnostics[0].code == "E0204"
    no_text = ORIGINAL.replace('  teks "memberikan dukungan kepada calon … dengan cara: 1. ikut kampanye;"\n', "", 1)
    actions = await actions_at(client, PASAL5, no_text, "ketentuan pp94.pasal5.n.1")
    assert any(new_texts(a) == ['\n  teks "…"'] for a in actions)
    skeleton = ORIGINAL + "\nPP_94_2021 pasal 5 huruf n angka 8\n"
    actions = await actions_at(client, PASAL5, skeleton, "PP_94_2021 pasal 5 huruf n angka 8")
    [write] = [a for a in actions if a.kind == lsp.CodeActionKind.RefactorRewrite]
    [body] = new_texts(write)
    assert body.startswith("ketentuan pp94.pasal5.n.8 {\n  rujukan PP_94_2021 pasal 5 huruf n angka 8\n")
    await show(client, PASAL5, ORIGINAL)


async def test_code_lens_runs_the_rule_cases(client: LanguageClient) -> None:
    await show(client, PASAL5, ORIGINAL)
    lenses = await client.text_document_code_lens_async(lsp.CodeLensParams(lsp.TextDocumentIdentifier(PASAL5.as_uri())))
    assert lenses is not None and len(lenses) == 7
    first = lenses[0]
    assert first.command is not None and first.range.start == at(ORIGINAL, "pp94.pasal5.n.1 {")
    assert first.command.title.startswith("▶ kasus: ") and " lulus, 0 gagal" in first.command.title
    assert "cakupan syarat" in first.command.title
    result = await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(first.command.command, first.command.arguments)
    )
    assert result is not None
    assert result["provision"] == "pp94.pasal5.n.1" and result["passed"] > 0 and result["failed"] == 0
    await until(lambda: getattr(client, "refreshes", 0) >= 1)

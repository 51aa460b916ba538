"""The message catalog: one template per diagnostic code, in Indonesian and English.

Codes are stable: a code is never reused for a different problem. Each code has a page in
`docs/errors/<CODE>.md` and a golden test in `tests/golden/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Pair = tuple[str, str]


@dataclass(frozen=True)
class Entry:
    title: Pair
    message: Pair
    labels: dict[str, Pair] = field(default_factory=dict)
    suggestions: dict[str, Pair] = field(default_factory=dict)


CATALOG: dict[str, Entry] = {
    # ---- reading files ------------------------------------------------------------------
    "E0001": Entry(
        ("berkas tidak dapat dibaca", "file cannot be read"),
        ("berkas `{path}` tidak dapat dibaca: {reason}", "cannot read `{path}`: {reason_en}"),
        suggestions={"path": ("periksa nama dan letak berkas", "check the file name and location")},
    ),
    "E0002": Entry(
        ("berkas bukan UTF-8", "file is not UTF-8"),
        (
            "berkas bukan teks UTF-8 yang sah (bita ke-{offset})",
            "the file is not valid UTF-8 text (byte number {offset})",
        ),
        labels={"here": ("bita tidak sah di sini", "invalid byte here")},
        suggestions={
            "save": (
                "simpan ulang berkas dengan pengodean UTF-8 (berkas ini mungkin tersimpan sebagai Windows-1252)",
                "save the file again as UTF-8 (it may have been saved as Windows-1252)",
            )
        },
    ),
    "E0003": Entry(
        ("berkas terlalu besar", "file too large"),
        (
            "berkas berukuran {size} bita, melebihi batas {limit} bita",
            "the file is {size} bytes, more than the limit of {limit} bytes",
        ),
        suggestions={"split": ("pecah berkas menjadi beberapa berkas yang lebih kecil", "split it into smaller files")},
    ),
    "E0004": Entry(
        ("karakter kendali dalam berkas", "control character in file"),
        (
            "berkas memuat karakter kendali U+{codepoint:04X}, bukan teks biasa",
            "the file contains the control character U+{codepoint:04X}; it is not plain text",
        ),
        labels={"here": ("karakter ini", "this character")},
        suggestions={"remove": ("hapus karakter ini", "delete this character")},
    ),
    "E0005": Entry(
        ("tidak ada berkas aturan", "no rules files"),
        (
            "tidak ada berkas aturan (*.nr) di `{path}`",
            "no rules files (*.nr) found in `{path}`",
        ),
        suggestions={"ext": ("berkas aturan harus berakhiran .nr", "rules files must end in .nr")},
    ),
    "E0006": Entry(
        ("berkas di luar folder rulebook", "file outside the rulebook folder"),
        (
            "berkas `{path}` menunjuk ke luar folder rulebook `{root}` dan tidak dibaca",
            "`{path}` leads outside the rulebook folder `{root}` and was not read",
        ),
        suggestions={
            "copy": (
                "salin berkas ke dalam folder rulebook alih-alih memakai tautan",
                "copy the file into the rulebook folder instead of linking to it",
            )
        },
    ),
    # ---- syntax --------------------------------------------------------------------------
    "E0101": Entry(
        ("kata kunci tidak dikenal", "unknown keyword"),
        ("kata kunci tidak dikenal `{token}`", "unknown keyword `{token}`"),
        labels={"expected": ("yang diharapkan di sini: {expected}", "expected here: {expected_en}")},
        suggestions={"replace": ("ganti `{token}` dengan `{replacement}`", "replace `{token}` with `{replacement}`")},
    ),
    "E0102": Entry(
        ("susunan tidak diharapkan", "unexpected token"),
        ("{found} tidak diharapkan di sini", "unexpected {found_en} here"),
        labels={"expected": ("yang diharapkan di sini: {expected}", "expected here: {expected_en}")},
        suggestions={
            "replace": ("ganti `{token}` dengan `{replacement}`", "replace `{token}` with `{replacement}`"),
            "add_then": ("tambahkan `maka` sebelum `{token}`", "add `maka` (`then`) before `{token}`"),
            "keyword": (
                "`{token}` adalah kata kunci dan tidak dapat dipakai sebagai nama; pilih nama lain",
                "`{token}` is a keyword and cannot be used as a name; choose another name",
            ),
        },
    ),
    "E0103": Entry(
        ("karakter tidak dikenal", "unexpected character"),
        ("karakter `{char}` tidak dapat dipakai di sini", "the character `{char}` cannot be used here"),
        labels={"expected": ("yang diharapkan di sini: {expected}", "expected here: {expected_en}")},
        suggestions={
            "ascii": (
                "nama hanya boleh memakai huruf a-z, A-Z, angka dan garis bawah `_`",
                "names may only use the letters a-z, A-Z, digits and the underscore `_`",
            ),
            "replace": ("ganti `{char}` dengan `{replacement}`", "replace `{char}` with `{replacement}`"),
        },
    ),
    "E0104": Entry(
        ("berkas berakhir terlalu cepat", "unexpected end of file"),
        ("berkas berakhir padahal {expected} masih diharapkan", "the file ends where {expected_en} was expected"),
        labels={"open": ("blok ini belum ditutup", "this block is not closed")},
        suggestions={"close": ("tambahkan `}}` di akhir blok", "add `}}` at the end of the block")},
    ),
    "E0105": Entry(
        ("ekspresi terlalu dalam", "expression nested too deeply"),
        (
            "ekspresi bersarang lebih dari {limit} tingkat",
            "the expression is nested more than {limit} levels deep",
        ),
        labels={"here": ("batas terlampaui di sini", "the limit is passed here")},
        suggestions={
            "split": (
                "pecah syarat ini menjadi beberapa `definisi` bernama",
                "split this condition into several named `definisi`",
            )
        },
    ),
    "E0106": Entry(
        ("nama terlalu panjang", "name too long"),
        (
            "nama `{name}` panjangnya {length} karakter, melebihi batas {limit}",
            "the name `{name}` is {length} characters long, more than the limit of {limit}",
        ),
        suggestions={"short": ("gunakan nama yang lebih pendek", "use a shorter name")},
    ),
    "E0107": Entry(
        ("tanggal tidak sah", "invalid date"),
        ("`{text}` bukan tanggal yang sah: {reason}", "`{text}` is not a valid date: {reason_en}"),
        suggestions={
            "format": ("tulis tanggal sebagai TTTT-BB-HH, misalnya 2021-08-31", "write dates as YYYY-MM-DD, e.g. 2021-08-31"),
            "swap": ("hari dan bulan tertukar? `{replacement}`", "day and month swapped? `{replacement}`"),
        },
    ),
    "E0108": Entry(
        ("teks tidak ditutup", "unterminated text"),
        ('teks yang dibuka dengan `"` tidak pernah ditutup', 'text opened with `"` is never closed'),
        labels={"open": ("dibuka di sini", "opened here")},
        suggestions={"close": ('tambahkan `"` di akhir teks', 'add `"` at the end of the text')},
    ),
    "E0109": Entry(
        ("isian ganda", "duplicate field"),
        (
            "isian `{field}` ditulis lebih dari sekali dalam {block} ini",
            "the field `{field}` (`{field_en}`) is given more than once in this {block_en}",
        ),
        labels={"first": ("pertama kali di sini", "first given here")},
        suggestions={"merge": ("hapus salah satu atau gabungkan isinya", "delete one of them or merge them")},
    ),
    "E0110": Entry(
        ("isian wajib tidak ada", "missing required field"),
        ("{block} `{name}` tidak memiliki isian `{field}`", "the {block_en} `{name}` has no `{field}` (`{field_en}`) field"),
        suggestions={"add": ("tambahkan `{field} …` ke dalam blok", "add `{field_en} …` to the block")},
    ),
    "E0111": Entry(
        ("terlalu banyak kesalahan", "too many errors"),
        (
            "terlalu banyak kesalahan susunan; pemeriksaan berkas ini dihentikan setelah {limit}",
            "too many syntax errors; checking of this file stopped after {limit}",
        ),
        suggestions={"fix": ("perbaiki kesalahan di atas lalu periksa lagi", "fix the errors above and check again")},
    ),
    "E0112": Entry(
        ("bilangan terlalu panjang", "number too long"),
        (
            "bilangan ini memiliki {digits} angka, melebihi batas {limit} angka",
            "this number has {digits} digits, more than the limit of {limit}",
        ),
        labels={"here": ("bilangan ini", "this number")},
        suggestions={
            "check": (
                "periksa bilangan ini; tidak ada tahun, peringkat, jumlah rupiah atau lama waktu sepanjang ini",
                "check this number; no year, rank, amount of rupiah or length of time is this long",
            )
        },
    ),
    # ---- meaning -------------------------------------------------------------------------
    "E0201": Entry(
        ("instrumen tidak dikenal", "unknown instrument"),
        ("instrumen `{name}` tidak dideklarasikan", "the instrument `{name}` is not declared"),
        suggestions={
            "similar": ("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "declare": ("deklarasikan dengan `instrumen {name} {{ … }}`", "declare it with `instrumen {name} {{ … }}`"),
        },
    ),
    "E0202": Entry(
        ("nama ganda", "duplicate name"),
        ("{kind}`{name}` dideklarasikan lebih dari sekali", "{kind_en}`{name}` is declared more than once"),
        labels={"first": ("pertama kali dideklarasikan di sini", "first declared here")},
        suggestions={
            "rename": ("beri nama yang berbeda atau hapus salah satunya", "give it another name or delete one"),
            "merge": ("gabungkan keduanya menjadi satu", "merge them into one"),
        },
    ),
    "E0203": Entry(
        ("rujukan pasal tidak sah", "malformed citation"),
        ("rujukan tidak sah: {reason}", "malformed citation: {reason_en}"),
        suggestions={
            "form": (
                "tulis rujukan sebagai `INSTRUMEN pasal 5 ayat (1) huruf n angka 2` atau `INSTRUMEN lampiran II angka 6`",
                "write citations as `INSTRUMENT pasal 5 ayat (1) huruf n angka 2` or `INSTRUMENT lampiran II angka 6`",
            )
        },
    ),
    "E0204": Entry(
        ("fakta tidak dikenal", "unknown fact"),
        ("fakta `{path}` tidak ada dalam skema insiden", "the fact `{path}` is not in the incident schema"),
        labels={"here": ("`{segment}` tidak dikenal", "`{segment}` is not known")},
        suggestions={
            "similar": ("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "list": ("fakta yang tersedia di sini: {options}", "facts available here: {options}"),
        },
    ),
    "E0205": Entry(
        ("jenis nilai tidak cocok", "type mismatch"),
        ("{what}: {expected} diharapkan, tetapi {found} yang diberikan", "{what_en}: expected {expected_en}, found {found_en}"),
        suggestions={"hint": ("{hint}", "{hint_en}")},
    ),
    "E0206": Entry(
        ("nilai tidak dikenal", "unknown value"),
        ("`{value}` bukan nilai yang sah untuk {target}", "`{value}` is not a valid value for {target}"),
        suggestions={
            "similar": ("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "list": ("nilai yang sah: {options}", "valid values: {options}"),
        },
    ),
    "E0207": Entry(
        ("ketentuan yang dikecualikan tidak ada", "unknown exception target"),
        ("ketentuan `{name}` yang dikecualikan tidak ada", "the provision `{name}` named as excepted does not exist"),
        suggestions={"similar": ("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`")},
    ),
    "E0208": Entry(
        ("definisi melingkar", "circular definitions"),
        ("definisi saling bergantung secara melingkar: {cycle}", "definitions depend on each other in a circle: {cycle}"),
        suggestions={
            "break": (
                "putuskan lingkaran dengan menulis salah satu definisi tanpa merujuk yang lain",
                "break the circle by writing one definition without the others",
            )
        },
    ),
    "E0209": Entry(
        ("pengecualian melingkar", "circular exceptions"),
        ("ketentuan saling mengecualikan secara melingkar: {cycle}", "provisions except each other in a circle: {cycle}"),
        suggestions={
            "break": ("hapus salah satu `mengecualikan` dalam lingkaran ini", "delete one `mengecualikan` in this circle")
        },
    ),
    "E0210": Entry(
        ("masa berlaku di luar instrumen", "validity outside the instrument"),
        (
            "ketentuan `{name}` berlaku {which} {date}, di luar masa berlaku {instrument} ({start} sampai {end})",
            "provision `{name}` is in force {which_en} {date}, outside the life of {instrument} ({start} to {end_en})",
        ),
        suggestions={
            "align": ("sesuaikan tanggal dengan masa berlaku instrumennya", "align the date with the instrument's life")
        },
    ),
    "E0211": Entry(
        ("rentang tanggal terbalik", "dates in reverse order"),
        ("tanggal akhir {end} lebih awal dari tanggal mulai {start}", "the end date {end} is before the start date {start}"),
        suggestions={"swap": ("tukar kedua tanggal atau perbaiki salah satunya", "swap the dates or correct one of them")},
    ),
    "E0212": Entry(
        ("nama tidak dikenal", "unknown name"),
        ("nama `{name}` tidak dikenal di sini", "the name `{name}` is not known here"),
        suggestions={
            "similar": ("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "define": (
                "nama yang dapat dipakai: definisi, fakta (`responden.…`, `tindakan.…`, `pemilu.…`) atau nilai",
                "usable names: definitions, facts (`responden.…`, `tindakan.…`, `pemilu.…`) or values",
            ),
        },
    ),
    "E0213": Entry(
        ("akibat hukum tidak konsisten", "inconsistent outcome"),
        ("{reason}", "{reason_en}"),
        suggestions={"hint": ("{hint}", "{hint_en}")},
    ),
    "E0214": Entry(
        ("subjek tidak dikenal", "unknown subject"),
        ("`{name}` bukan subjek yang dikenal", "`{name}` is not a known subject"),
        suggestions={
            "similar": ("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "list": ("subjek yang sah: {options}", "valid subjects: {options}"),
        },
    ),
    "E0215": Entry(
        ("asas konflik tidak dikenal", "unknown conflict principle"),
        ("{reason}", "{reason_en}"),
        suggestions={
            "list": ("asas yang sah: {options}", "valid principles: {options}"),
            "similar": ("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
        },
    ),
    "E0216": Entry(
        ("bukan daftar", "not a list"),
        (
            "`{path}` bukan daftar, sehingga tidak dapat dipakai dengan `{keyword}`",
            "`{path}` is not a list, so it cannot be used with `{keyword}`",
        ),
        suggestions={"lists": ("daftar yang tersedia: {options}", "lists available: {options}")},
    ),
    "E0217": Entry(
        ("ancaman pidana tidak sah", "invalid penalty"),
        ("{reason}", "{reason_en}"),
        suggestions={"hint": ("{hint}", "{hint_en}")},
    ),
    "E0218": Entry(
        ("instrumen pencabut tidak dikenal", "unknown repealing instrument"),
        ("instrumen pencabut `{name}` tidak dideklarasikan", "the repealing instrument `{name}` is not declared"),
        suggestions={
            "similar": ("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "declare": ("deklarasikan dengan `instrumen {name} {{ … }}`", "declare it with `instrumen {name} {{ … }}`"),
        },
    ),
    "E0219": Entry(
        ("nama definisi bentrok", "definition name clash"),
        (
            "definisi `{name}` memakai nama yang sudah berarti {meaning}; setiap pemakaian `{name}` akan dibaca sebagai definisi ini",
            "the definition `{name}` takes a name that already means {meaning_en}; every use of `{name}` would read as this definition",
        ),
        suggestions={
            "rename": (
                "beri definisi ini nama lain, misalnya `{replacement}`",
                "give the definition another name, e.g. `{replacement}`",
            )
        },
    ),
    "E0224": Entry(
        ("lama waktu di luar kalender", "duration beyond the calendar"),
        (
            "`{amount} {unit}` memindahkan setiap tanggal ke luar kalender (tahun 1 sampai 9999); paling banyak {limit} {unit}",
            "`{amount} {unit}` moves every date out of the calendar (years 1 to 9999); at most {limit} {unit}",
        ),
        labels={"here": ("lama waktu ini", "this duration")},
        suggestions={
            "shorter": (
                "periksa angkanya; peraturan menghitung hari, bulan atau tahun, bukan ribuan tahun",
                "check the number; regulations count days, months or years, not thousands of years",
            )
        },
    ),
    "E0221": Entry(
        ("rantai definisi terlalu dalam", "chain of definitions too deep"),
        (
            "syarat `{name}` bersarang {depth} tingkat bila definisi-definisinya dijabarkan, melebihi batas {limit}",
            "the condition `{name}` is nested {depth} levels deep with its definitions written out, more than the limit of {limit}",
        ),
        labels={"here": ("batas terlampaui di sini", "the limit is passed here")},
        suggestions={
            "flatten": (
                "pendekkan rantai: tulis beberapa definisi berantai sebagai satu syarat `dan`/`atau`",
                "shorten the chain: write several chained definitions as one `dan`/`atau` (`and`/`or`) condition",
            )
        },
    ),
    # ---- warnings ------------------------------------------------------------------------
    "W0301": Entry(
        ("ketentuan tidak mungkin berlaku", "provision can never apply"),
        ("syarat ketentuan `{name}` tidak mungkin terpenuhi: {reason}", "the condition of `{name}` can never hold: {reason_en}"),
        suggestions={"check": ("periksa kembali syaratnya", "check the condition again")},
    ),
    "W0302": Entry(
        ("akibat hukum bertentangan", "conflicting outcomes"),
        (
            "ketentuan `{name}` dan `{other}` berperingkat sama dan bersyarat sama, tetapi akibat hukumnya berbeda ({outcome} dan {other_outcome})",
            "`{name}` and `{other}` have equal rank and the same condition but different outcomes ({outcome} and {other_outcome})",
        ),
        labels={"other": ("ketentuan lainnya", "the other provision")},
        suggestions={
            "except": (
                "nyatakan yang khusus dengan `mengecualikan {other}`, atau bedakan syaratnya",
                "declare the special one with `mengecualikan {other}`, or make the conditions differ",
            )
        },
    ),
    "W0303": Entry(
        ("tingkat hukuman disiplin tidak disebut", "no disciplinary tier"),
        (
            "ketentuan `{name}` berakibat disiplin tanpa tingkat dan tanpa catatan",
            "provision `{name}` has a disciplinary outcome with no tier and no note",
        ),
        suggestions={
            "note": (
                "sebut tingkatnya, atau tambahkan `catatan` yang menjelaskan mengapa peraturan tidak menyebutnya",
                "give the tier, or add a `catatan` that says why the regulation states none",
            )
        },
    ),
    "W0304": Entry(
        ("definisi tidak dipakai", "unused definition"),
        ("definisi `{name}` tidak dipakai oleh ketentuan mana pun", "the definition `{name}` is not used by any provision"),
        suggestions={"remove": ("hapus definisi ini atau pakai dalam syarat", "delete it or use it in a condition")},
    ),
    # ---- explanation requests on the command line (--why-not, --set) ---------------------
    "E0501": Entry(
        ("ketentuan tidak dikenal", "unknown provision"),
        ("tidak ada ketentuan `{provision}` dalam buku aturan", "the rulebook has no provision `{provision}`"),
        labels={"here": ("ketentuan ini", "this provision")},
        suggestions={
            "replace": ("maksudnya `{replacement}`?", "did you mean `{replacement}`?"),
            "list": (
                "nama ketentuan ditulis seperti `pp94.pasal5.n.2`; lihat `ketentuan …` dalam berkas aturan",
                "provision ids look like `pp94.pasal5.n.2`; see `ketentuan …` in the rules files",
            ),
        },
    ),
    "E0502": Entry(
        ("perubahan fakta tidak dapat dibaca", "malformed fact change"),
        ("perubahan fakta harus berbentuk FAKTA=NILAI, bukan `{text}`", "a fact change must read FACT=VALUE, not `{text}`"),
        labels={"here": ("di sini", "here")},
        suggestions={
            "form": ("misalnya `--set tindakan.fasilitas_negara=benar`", "for example `--set tindakan.fasilitas_negara=benar`")
        },
    ),
    "E0503": Entry(
        ("fakta tidak dikenal", "unknown fact"),
        ("tidak ada fakta `{path}` yang dapat diubah", "there is no fact `{path}` that can be changed"),
        labels={"here": ("fakta ini", "this fact")},
        suggestions={
            "replace": ("maksudnya `{replacement}`?", "did you mean `{replacement}`?"),
            "roots": (
                "fakta dimulai dengan `responden.`, `pemilu.` atau `tindakan.`; daftarnya ada di docs/language.md",
                "facts start with `responden.`, `pemilu.` or `tindakan.`; docs/language.md lists them",
            ),
        },
    ),
    "E0504": Entry(
        ("nilai fakta tidak sah", "invalid fact value"),
        (
            "`{value}` bukan nilai yang sah untuk `{path}` ({expected})",
            "`{value}` is not a valid value of `{path}` ({expected_en})",
        ),
        labels={"here": ("nilai ini", "this value")},
        suggestions={
            "replace": ("maksudnya `{replacement}`?", "did you mean `{replacement}`?"),
            "options": ("nilai yang sah: {options}", "valid values: {options}"),
            "date": ("tulis tanggal sebagai TTTT-BB-HH, misalnya 2024-10-12", "write the date as YYYY-MM-DD, e.g. 2024-10-12"),
        },
    ),
    "E0505": Entry(
        ("tindakan tidak ada", "no such act"),
        (
            "perkara ini hanya memuat {count} tindakan; `tindakan[{index}]` tidak ada",
            "the incident holds only {count} act(s); there is no `tindakan[{index}]`",
        ),
        labels={"here": ("nomor tindakan ini", "this act number")},
        suggestions={"range": ("tindakan dinomori dari 0 sampai {last}", "acts are numbered from 0 to {last}")},
    ),
    "E0506": Entry(
        ("fakta tidak dapat diubah dari baris perintah", "fact cannot be changed on the command line"),
        (
            "`{path}` adalah {kind}; ubah di berkas perkara, bukan dengan --set",
            "`{path}` is a {kind_en}; change it in the incident file, not with --set",
        ),
        labels={"here": ("fakta ini", "this fact")},
    ),
    "W0305": Entry(
        ("jenis hukuman tidak dideklarasikan", "no sanction table"),
        (
            "tidak ada `hukuman {instrument} tingkat {tier}` yang menyebut jenis hukumannya",
            "no `hukuman {instrument} tingkat {tier}` declares the sanction types for this tier",
        ),
        suggestions={
            "add": (
                'tambahkan `hukuman {instrument} tingkat {tier} {{ rujukan … sanksi "…" }}`',
                'add `hukuman {instrument} tingkat {tier} {{ rujukan … sanksi "…" }}`',
            )
        },
    ),
}

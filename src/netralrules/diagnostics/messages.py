"""The message catalog: one template per diagnostic code, in Indonesian and English.

Codes are stable: a code is never reused for a different problem. Each code has a page in
`docs/errors/<CODE>.md` and a golden test in `tests/golden/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netralrules.diagnostics.text import Text


@dataclass(frozen=True)
class Entry:
    title: Text
    message: Text
    labels: dict[str, Text] = field(default_factory=dict)
    suggestions: dict[str, Text] = field(default_factory=dict)


CATALOG: dict[str, Entry] = {
    # ---- reading files ------------------------------------------------------------------
    "E0001": Entry(
        Text("berkas tidak dapat dibaca", "file cannot be read"),
        Text("berkas `{path}` tidak dapat dibaca: {reason}", "cannot read `{path}`: {reason_en}"),
        suggestions={"path": Text("periksa nama dan letak berkas", "check the file name and location")},
    ),
    "E0002": Entry(
        Text("berkas bukan UTF-8", "file is not UTF-8"),
        Text(
            "berkas bukan teks UTF-8 yang sah (bita ke-{offset})",
            "the file is not valid UTF-8 text (byte number {offset})",
        ),
        labels={"here": Text("bita tidak sah di sini", "invalid byte here")},
        suggestions={
            "save": Text(
                "simpan ulang berkas dengan pengodean UTF-8 (berkas ini mungkin tersimpan sebagai Windows-1252)",
                "save the file again as UTF-8 (it may have been saved as Windows-1252)",
            )
        },
    ),
    "E0003": Entry(
        Text("berkas terlalu besar", "file too large"),
        Text(
            "berkas berukuran {size} bita, melebihi batas {limit} bita",
            "the file is {size} bytes, more than the limit of {limit} bytes",
        ),
        suggestions={"split": Text("pecah berkas menjadi beberapa berkas yang lebih kecil", "split it into smaller files")},
    ),
    "E0004": Entry(
        Text("karakter kendali dalam berkas", "control character in file"),
        Text(
            "berkas memuat karakter kendali U+{codepoint:04X}, bukan teks biasa",
            "the file contains the control character U+{codepoint:04X}; it is not plain text",
        ),
        labels={"here": Text("karakter ini", "this character")},
        suggestions={"remove": Text("hapus karakter ini", "delete this character")},
    ),
    "E0005": Entry(
        Text("tidak ada berkas aturan", "no rules files"),
        Text(
            "tidak ada berkas aturan (*.nr) di `{path}`",
            "no rules files (*.nr) found in `{path}`",
        ),
        suggestions={"ext": Text("berkas aturan harus berakhiran .nr", "rules files must end in .nr")},
    ),
    "E0006": Entry(
        Text("berkas di luar folder rulebook", "file outside the rulebook folder"),
        Text(
            "berkas `{path}` menunjuk ke luar folder rulebook `{root}` dan tidak dibaca",
            "`{path}` leads outside the rulebook folder `{root}` and was not read",
        ),
        suggestions={
            "copy": Text(
                "salin berkas ke dalam folder rulebook alih-alih memakai tautan",
                "copy the file into the rulebook folder instead of linking to it",
            )
        },
    ),
    # ---- syntax --------------------------------------------------------------------------
    "E0101": Entry(
        Text("kata kunci tidak dikenal", "unknown keyword"),
        Text("kata kunci tidak dikenal `{token}`", "unknown keyword `{token}`"),
        labels={"expected": Text("yang diharapkan di sini: {expected}", "expected here: {expected_en}")},
        suggestions={"replace": Text("ganti `{token}` dengan `{replacement}`", "replace `{token}` with `{replacement}`")},
    ),
    "E0102": Entry(
        Text("susunan tidak diharapkan", "unexpected token"),
        Text("{found} tidak diharapkan di sini", "unexpected {found_en} here"),
        labels={"expected": Text("yang diharapkan di sini: {expected}", "expected here: {expected_en}")},
        suggestions={
            "replace": Text("ganti `{token}` dengan `{replacement}`", "replace `{token}` with `{replacement}`"),
            "add_then": Text("tambahkan `maka` sebelum `{token}`", "add `maka` (`then`) before `{token}`"),
            "use_first": Text(
                "tulis setiap baris `pakai` di awal berkas, sebelum deklarasi pertama",
                "write every `pakai` (`use`) line at the top of the file, before the first declaration",
            ),
            "keyword": Text(
                "`{token}` adalah kata kunci dan tidak dapat dipakai sebagai nama; pilih nama lain",
                "`{token}` is a keyword and cannot be used as a name; choose another name",
            ),
            "quote": Text(
                'tanda kutip di dalam teks menutup teks itu; tulis tanda kutip di dalamnya sebagai `\\"`: ganti '
                "`{token}` dengan `{replacement}`",
                'a quotation mark inside a text ends the text; write the quotation marks inside it as `\\"`: replace '
                "`{token}` with `{replacement}`",
            ),
            "rupiah": Text(
                "tulis jumlahnya sebagai bilangan rupiah utuh, tanpa sen: ganti `{token}` dengan `{replacement}`",
                "write the amount as a number of whole rupiah, without the cents: replace `{token}` with `{replacement}`",
            ),
            "join": Text(
                "nama tidak boleh mengandung spasi; sambung kata-katanya dengan garis bawah: ganti `{token}` dengan "
                "`{replacement}`",
                "a name cannot contain a space; join its words with an underscore: replace `{token}` with `{replacement}`",
            ),
        },
    ),
    "E0103": Entry(
        Text("karakter tidak dikenal", "unexpected character"),
        Text("karakter `{char}` tidak dapat dipakai di sini", "the character `{char}` cannot be used here"),
        labels={"expected": Text("yang diharapkan di sini: {expected}", "expected here: {expected_en}")},
        suggestions={
            "ascii": Text(
                "nama hanya boleh memakai huruf a-z, A-Z, angka dan garis bawah `_`",
                "names may only use the letters a-z, A-Z, digits and the underscore `_`",
            ),
            "replace": Text("ganti `{char}` dengan `{replacement}`", "replace `{char}` with `{replacement}`"),
        },
    ),
    "E0104": Entry(
        Text("berkas berakhir terlalu cepat", "unexpected end of file"),
        Text("berkas berakhir padahal {expected} masih diharapkan", "the file ends where {expected_en} was expected"),
        labels={"open": Text("blok ini belum ditutup", "this block is not closed")},
        suggestions={"close": Text("tambahkan `}}` di akhir blok", "add `}}` at the end of the block")},
    ),
    "E0105": Entry(
        Text("ekspresi terlalu dalam", "expression nested too deeply"),
        Text(
            "ekspresi bersarang lebih dari {limit} tingkat",
            "the expression is nested more than {limit} levels deep",
        ),
        labels={"here": Text("batas terlampaui di sini", "the limit is passed here")},
        suggestions={
            "split": Text(
                "pecah syarat ini menjadi beberapa `definisi` bernama",
                "split this condition into several named `definisi`",
            )
        },
    ),
    "E0106": Entry(
        Text("nama terlalu panjang", "name too long"),
        Text(
            "nama `{name}` panjangnya {length} karakter, melebihi batas {limit}",
            "the name `{name}` is {length} characters long, more than the limit of {limit}",
        ),
        suggestions={"short": Text("gunakan nama yang lebih pendek", "use a shorter name")},
    ),
    "E0107": Entry(
        Text("tanggal tidak sah", "invalid date"),
        Text("`{text}` bukan tanggal yang sah: {reason}", "`{text}` is not a valid date: {reason_en}"),
        suggestions={
            "format": Text("tulis tanggal sebagai TTTT-BB-HH, misalnya 2021-08-31", "write dates as YYYY-MM-DD, e.g. 2021-08-31"),
            "swap": Text("hari dan bulan tertukar? `{replacement}`", "day and month swapped? `{replacement}`"),
        },
    ),
    "E0108": Entry(
        Text("teks tidak ditutup", "unterminated text"),
        Text('teks yang dibuka dengan `"` tidak pernah ditutup', 'text opened with `"` is never closed'),
        labels={"open": Text("dibuka di sini", "opened here")},
        suggestions={"close": Text('tambahkan `"` di akhir teks', 'add `"` at the end of the text')},
    ),
    "E0109": Entry(
        Text("isian ganda", "duplicate field"),
        Text(
            "isian `{field}` ditulis lebih dari sekali dalam {block} ini",
            "the field `{field}` (`{field_en}`) is given more than once in this {block_en}",
        ),
        labels={"first": Text("pertama kali di sini", "first given here")},
        suggestions={"merge": Text("hapus salah satu atau gabungkan isinya", "delete one of them or merge them")},
    ),
    "E0110": Entry(
        Text("isian wajib tidak ada", "missing required field"),
        Text("{block} `{name}` tidak memiliki isian `{field}`", "the {block_en} `{name}` has no `{field}` (`{field_en}`) field"),
        suggestions={"add": Text("tambahkan `{field} …` ke dalam blok", "add `{field_en} …` to the block")},
    ),
    "E0111": Entry(
        Text("terlalu banyak kesalahan", "too many errors"),
        Text(
            "terlalu banyak kesalahan susunan; pemeriksaan berkas ini dihentikan setelah {limit}",
            "too many syntax errors; checking of this file stopped after {limit}",
        ),
        suggestions={"fix": Text("perbaiki kesalahan di atas lalu periksa lagi", "fix the errors above and check again")},
    ),
    "E0112": Entry(
        Text("bilangan terlalu panjang", "number too long"),
        Text(
            "bilangan ini memiliki {digits} angka, melebihi batas {limit} angka",
            "this number has {digits} digits, more than the limit of {limit}",
        ),
        labels={"here": Text("bilangan ini", "this number")},
        suggestions={
            "check": Text(
                "periksa bilangan ini; tidak ada tahun, peringkat, jumlah rupiah atau lama waktu sepanjang ini",
                "check this number; no year, rank, amount of rupiah or length of time is this long",
            )
        },
    ),
    # ---- meaning -------------------------------------------------------------------------
    "E0201": Entry(
        Text("instrumen tidak dikenal", "unknown instrument"),
        Text("instrumen `{name}` tidak dideklarasikan", "the instrument `{name}` is not declared"),
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "declare": Text("deklarasikan dengan `instrumen {name} {{ … }}`", "declare it with `instrumen {name} {{ … }}`"),
            "elsewhere": Text(
                "`{name}` sudah dideklarasikan di `{file}`; jangan dideklarasikan lagi: periksa berkas ini bersama "
                "foldernya, `netralrules check {path}` tanpa `--alone`",
                "`{name}` is declared in `{file}`; do not declare it again: check this file with its folder, "
                "`netralrules check {path}` without `--alone`",
            ),
            "include": Text(
                "periksa ejaannya, atau sertakan folder yang mendeklarasikan `{name}` dalam pemeriksaan, misalnya "
                "`netralrules check {folder} <folder {name}>`",
                "check the spelling, or include the folder that declares `{name}` in the check, e.g. "
                "`netralrules check {folder} <folder of {name}>`",
            ),
        },
    ),
    "E0202": Entry(
        Text("nama ganda", "duplicate name"),
        Text("{kind}`{name}` dideklarasikan lebih dari sekali", "{kind_en}`{name}` is declared more than once"),
        labels={"first": Text("pertama kali dideklarasikan di sini", "first declared here")},
        suggestions={
            "rename": Text("beri nama yang berbeda atau hapus salah satunya", "give it another name or delete one"),
            "merge": Text("gabungkan keduanya menjadi satu", "merge them into one"),
        },
    ),
    "E0203": Entry(
        Text("rujukan pasal tidak sah", "malformed citation"),
        Text("rujukan tidak sah: {reason}", "malformed citation: {reason_en}"),
        suggestions={
            "form": Text(
                "tulis rujukan sebagai `INSTRUMEN pasal 5 ayat (1) huruf n angka 2` atau `INSTRUMEN lampiran II angka 6`",
                "write citations as `INSTRUMENT pasal 5 ayat (1) huruf n angka 2` or `INSTRUMENT lampiran II angka 6`",
            )
        },
    ),
    "E0204": Entry(
        Text("fakta tidak dikenal", "unknown fact"),
        Text("fakta `{path}` tidak ada dalam skema insiden", "the fact `{path}` is not in the incident schema"),
        labels={"here": Text("`{segment}` tidak dikenal", "`{segment}` is not known")},
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "list": Text(
                "fakta yang tersedia di sini, yang paling mirip dahulu: {options}",
                "facts available here, the most alike first: {options}",
            ),
        },
    ),
    "E0205": Entry(
        Text("jenis nilai tidak cocok", "type mismatch"),
        Text(
            "{what}: {expected} diharapkan, tetapi {found} yang diberikan", "{what_en}: expected {expected_en}, found {found_en}"
        ),
        suggestions={"hint": Text("{hint}", "{hint_en}")},
    ),
    "E0206": Entry(
        Text("nilai tidak dikenal", "unknown value"),
        Text("`{value}` bukan nilai yang sah untuk {target}", "`{value}` is not a valid value for {target}"),
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "list": Text("nilai yang sah: {options}", "valid values: {options}"),
        },
    ),
    "E0207": Entry(
        Text("ketentuan yang dikecualikan tidak ada", "unknown exception target"),
        Text("ketentuan `{name}` yang dikecualikan tidak ada", "the provision `{name}` named as excepted does not exist"),
        suggestions={"similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`")},
    ),
    "E0208": Entry(
        Text("definisi melingkar", "circular definitions"),
        Text("definisi saling bergantung secara melingkar: {cycle}", "definitions depend on each other in a circle: {cycle}"),
        suggestions={
            "break": Text(
                "putuskan lingkaran dengan menulis salah satu definisi tanpa merujuk yang lain",
                "break the circle by writing one definition without the others",
            )
        },
    ),
    "E0209": Entry(
        Text("pengecualian melingkar", "circular exceptions"),
        Text("ketentuan saling mengecualikan secara melingkar: {cycle}", "provisions except each other in a circle: {cycle}"),
        suggestions={
            "break": Text("hapus salah satu `mengecualikan` dalam lingkaran ini", "delete one `mengecualikan` in this circle")
        },
    ),
    "E0210": Entry(
        Text("masa berlaku di luar instrumen", "validity outside the instrument"),
        Text(
            "ketentuan `{name}` berlaku {which} {date}, di luar masa berlaku {instrument} ({start} sampai {end})",
            "provision `{name}` is in force {which_en} {date}, outside the life of {instrument} ({start} to {end_en})",
        ),
        suggestions={
            "align": Text("sesuaikan tanggal dengan masa berlaku instrumennya", "align the date with the instrument's life")
        },
    ),
    "E0211": Entry(
        Text("rentang tanggal terbalik", "dates in reverse order"),
        Text("tanggal akhir {end} lebih awal dari tanggal mulai {start}", "the end date {end} is before the start date {start}"),
        suggestions={"swap": Text("tukar kedua tanggal atau perbaiki salah satunya", "swap the dates or correct one of them")},
    ),
    "E0212": Entry(
        Text("nama tidak dikenal", "unknown name"),
        Text("nama `{name}` tidak dikenal di sini", "the name `{name}` is not known here"),
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "define": Text(
                "nama yang dapat dipakai: definisi, fakta (`responden.…`, `tindakan.…`, `pemilu.…`) atau nilai",
                "usable names: definitions, facts (`responden.…`, `tindakan.…`, `pemilu.…`) or values",
            ),
            "definitions": Text(
                "definisi yang paling mirip: {options}; selain definisi, dapat dipakai fakta (`responden.…`, "
                "`tindakan.…`, `pemilu.…`) atau nilai",
                "the definitions most alike: {options}; besides definitions, facts (`responden.…`, `tindakan.…`, "
                "`pemilu.…`) or values can be used",
            ),
        },
    ),
    "E0213": Entry(
        Text("akibat hukum tidak konsisten", "inconsistent outcome"),
        Text("{reason}", "{reason_en}"),
        suggestions={"hint": Text("{hint}", "{hint_en}")},
    ),
    "E0214": Entry(
        Text("subjek tidak dikenal", "unknown subject"),
        Text("`{name}` bukan subjek yang dikenal", "`{name}` is not a known subject"),
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "list": Text("subjek yang sah: {options}", "valid subjects: {options}"),
        },
    ),
    "E0215": Entry(
        Text("asas konflik tidak dikenal", "unknown conflict principle"),
        Text("{reason}", "{reason_en}"),
        suggestions={
            "list": Text("asas yang sah: {options}", "valid principles: {options}"),
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
        },
    ),
    "E0216": Entry(
        Text("bukan daftar", "not a list"),
        Text(
            "`{path}` bukan daftar, sehingga tidak dapat dipakai dengan `{keyword}`",
            "`{path}` is not a list, so it cannot be used with `{keyword}`",
        ),
        suggestions={"lists": Text("daftar yang tersedia: {options}", "lists available: {options}")},
    ),
    "E0217": Entry(
        Text("ancaman pidana tidak sah", "invalid penalty"),
        Text("{reason}", "{reason_en}"),
        suggestions={"hint": Text("{hint}", "{hint_en}")},
    ),
    "E0218": Entry(
        Text("instrumen pencabut tidak dikenal", "unknown repealing instrument"),
        Text("instrumen pencabut `{name}` tidak dideklarasikan", "the repealing instrument `{name}` is not declared"),
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "declare": Text("deklarasikan dengan `instrumen {name} {{ … }}`", "declare it with `instrumen {name} {{ … }}`"),
        },
    ),
    "E0219": Entry(
        Text("nama definisi bentrok", "definition name clash"),
        Text(
            "definisi `{name}` memakai nama yang sudah berarti {meaning}; "
            "setiap pemakaian `{name}` akan dibaca sebagai definisi ini",
            "the definition `{name}` takes a name that already means {meaning_en}; "
            "every use of `{name}` would read as this definition",
        ),
        suggestions={
            "rename": Text(
                "beri definisi ini nama lain, misalnya `{replacement}`",
                "give the definition another name, e.g. `{replacement}`",
            )
        },
    ),
    "E0220": Entry(
        Text("sumber tidak sah", "invalid source"),
        Text("{reason}", "{reason_en}"),
        suggestions={
            "document": Text(
                'tulis dokumennya, misalnya `sumber "PP 94/2021 (JDIH)" terverifikasi`',
                'name the document, e.g. `sumber "PP 94/2021 (JDIH)" terverifikasi`',
            ),
            "url": Text(
                'tulis alamat lengkapnya, misalnya `tautan "https://peraturan.bpk.go.id/…"`',
                'write the full address, e.g. `tautan "https://peraturan.bpk.go.id/…"`',
            ),
        },
    ),
    "E0222": Entry(
        Text("definisi instrumen lain tanpa `pakai`", "another instrument's definition used without `pakai`"),
        Text(
            "definisi `{name}` milik {owner}; berkas ini harus menyebutnya dengan `pakai` sebelum memakainya",
            "the definition `{name}` belongs to {owner_en}; this file must name it with `pakai` (`use`) before using it",
        ),
        suggestions={
            "add": Text("tambahkan di awal berkas: `{line}`", "add at the top of the file: `{line}`"),
            "extend": Text(
                "tambahkan `{name}` pada baris `pakai` yang sudah ada: `{line}`",
                "add `{name}` to the `pakai` line already there: `{line}`",
            ),
            "no_owner": Text(
                "folder `{folder}` tidak mendeklarasikan `instrumen`, sehingga definisinya tidak dapat di-`pakai`; "
                "deklarasikan instrumennya di folder itu atau pindahkan definisi ini ke folder berkas ini",
                "the folder `{folder}` declares no `instrumen`, so its definitions cannot be brought in with `pakai`; "
                "declare its instrument there or move the definition into this file's folder",
            ),
        },
    ),
    "E0223": Entry(
        Text("`pakai` menyebut definisi yang tidak ada di instrumen itu", "`pakai` names a definition its instrument lacks"),
        Text("{reason}", "{reason_en}"),
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "owner": Text("tulis `{line}`", "write `{line}`"),
            "list": Text("definisi milik `{instrument}`: {options}", "definitions of `{instrument}`: {options}"),
            "none": Text("`{instrument}` tidak memiliki definisi", "`{instrument}` has no definitions"),
        },
    ),
    "E0224": Entry(
        Text("lama waktu di luar kalender", "duration beyond the calendar"),
        Text(
            "`{amount} {unit}` memindahkan setiap tanggal ke luar kalender (tahun 1 sampai 9999); paling banyak {limit} {unit}",
            "`{amount} {unit}` moves every date out of the calendar (years 1 to 9999); at most {limit} {unit}",
        ),
        labels={"here": Text("lama waktu ini", "this duration")},
        suggestions={
            "shorter": Text(
                "periksa angkanya; peraturan menghitung hari, bulan atau tahun, bukan ribuan tahun",
                "check the number; regulations count days, months or years, not thousands of years",
            )
        },
    ),
    "E0225": Entry(
        Text("nilai tidak dikenal dalam deklarasi celah", "unknown value in a gap declaration"),
        Text(
            "`{name}` bukan {what} yang dikenal (`{field}` dalam `celah {gap}`)",
            "`{name}` is not a known {what_en} (`{field_en}` in `gap {gap}`)",
        ),
        labels={"here": Text("nilai ini", "this value")},
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "list": Text("nilai yang sah: {options}", "valid values: {options}"),
        },
    ),
    "E0226": Entry(
        Text("celah tanpa alasan", "gap without a reason"),
        Text("`alasan` dalam `celah {gap}` kosong", "the `reason` (`alasan`) of `gap {gap}` is empty"),
        suggestions={
            "explain": Text(
                "tuliskan mengapa hukum tidak mengatur, diperdebatkan, atau belum dikodekan, dengan pasal yang dirujuk",
                "say why the law is silent, contested or not yet encoded, citing the provisions concerned",
            )
        },
    ),
    "E0227": Entry(
        Text("celah bernama sama dengan ketentuan", "gap named like a provision"),
        Text(
            "`celah {name}` memakai nama ketentuan `{name}`; keduanya disebut dengan nama yang sama dalam laporan",
            "`gap {name}` has the name of the provision `{name}`; reports would name both the same",
        ),
        labels={"first": Text("ketentuan dengan nama ini", "the provision with this name")},
        suggestions={
            "rename": Text("beri celah nama lain, misalnya `{replacement}`", "give the gap another name, such as `{replacement}`")
        },
    ),
    "E0230": Entry(
        Text("bacaan lain bertingkat sama", "other reading with the same tier"),
        Text(
            "`bacaan_lain` menyebut tingkat `{tier}`, yang sudah disebut akibat hukum ini atau bacaan sebelumnya",
            "the `other_reading` gives the tier `{tier_en}`, which this outcome or an earlier reading already gives",
        ),
        suggestions={
            "differ": Text(
                "bacaan lain mencatat tingkat yang berbeda menurut sumber lain; hapus bacaan ini bila sumbernya sepakat",
                "another reading records a different tier per another source; delete it if the sources agree",
            )
        },
    ),
    "E0231": Entry(
        Text("bacaan lain tanpa tingkat yang diperdebatkan", "other reading without a tier to contest"),
        Text(
            "`bacaan_lain` hanya untuk akibat `disiplin` yang menyebut tingkatnya; akibat ini `{category}` tanpa tingkat",
            "an `other_reading` belongs to a `disiplin` outcome that states its tier; this outcome is `{category}` without one",
        ),
        suggestions={
            "tier": Text(
                "tulis dulu tingkat menurut bacaan pertama: `maka disiplin tingkat sedang menurut …`",
                "first state the tier of the first reading: `maka disiplin tingkat sedang menurut …`",
            )
        },
    ),
    "E0232": Entry(
        Text("dasar bacaan lain tidak dideklarasikan", "basis of another reading not declared"),
        Text(
            "`bacaan_lain` bersandar pada instrumen `{name}`, yang tidak dideklarasikan",
            "the `other_reading` rests on the instrument `{name}`, which is not declared",
        ),
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "declare": Text(
                "deklarasikan instrumennya (`instrumen {name} {{ … }}`) atau rujuk instrumen yang sudah ada",
                "declare the instrument (`instrumen {name} {{ … }}`) or cite one that is declared",
            ),
        },
    ),
    "E0240": Entry(
        Text("nilai tidak dikenal dalam prosedur", "unknown value in a procedure"),
        Text(
            "`{name}` bukan {what} yang dikenal (`{field}` dalam `prosedur`)",
            "`{name}` is not a known {what_en} (`{field_en}` in a `procedure`)",
        ),
        labels={"here": Text("nilai ini", "this value")},
        suggestions={
            "similar": Text("mungkin maksud Anda `{replacement}`", "did you mean `{replacement}`"),
            "list": Text("nilai yang sah: {options}", "valid values: {options}"),
        },
    ),
    "E0241": Entry(
        Text("langkah prosedur tanpa dasar", "procedure item without a basis"),
        Text(
            "`{name}` dalam `prosedur {procedure}` tidak menyebut dasarnya dan tidak menyatakannya terbuka",
            "`{name}` in `procedure {procedure}` neither states its basis nor declares it open",
        ),
        suggestions={
            "basis": Text(
                'tambahkan `rujukan` (pasal instrumen yang dideklarasikan) atau `dasar "…"`; bila pasalnya '
                'tidak ditemukan, tulis blok `terbuka {{ teks "…" }}` yang mengatakannya',
                'add `cites` (an article of a declared instrument) or `basis "…"`; where the article was '
                'not found, write an `open {{ text "…" }}` block that says so',
            )
        },
    ),
    "E0242": Entry(
        Text("jenis batas waktu tidak sesuai dengan peristiwanya", "time limit kind does not fit its events"),
        Text(
            "`batas_waktu {name}`: `paling_lambat` menghitung sampai peristiwa kedua (`sampai …`); "
            "`pada_hari_ke` tidak mempunyainya",
            "`time_limit {name}`: `at_the_latest` counts up to a second event (`until …`); `on_day` has none",
        ),
        suggestions={
            "end": Text(
                "tambahkan peristiwa yang harus terjadi paling lambat pada hari itu: `sampai pemeriksaan`",
                "add the event that must happen by that day: `until pemeriksaan`",
            ),
            "drop": Text(
                "hapus `sampai …`, atau tulis `paling_lambat` bila peristiwa itu harus terjadi paling lambat pada hari itu",
                "delete `until …`, or write `at_the_latest` if that event must happen by that day",
            ),
        },
    ),
    "E0243": Entry(
        Text("tingkat disebut dua kali untuk Tim Pemeriksa", "tier given twice for the examining team"),
        Text(
            "tingkat `{tier}` disebut lebih dari sekali dalam `tim_pemeriksa` `prosedur {procedure}`",
            "the tier `{tier}` is given more than once in the `examining_team` of `procedure {procedure}`",
        ),
        labels={"first": Text("pertama di sini", "first here")},
        suggestions={
            "once": Text(
                "sebut setiap tingkat sekali: wajib atau opsional; bila sumber berbeda pendapat, nyatakan dalam blok `terbuka`",
                "give each tier once, mandatory or optional; where the sources disagree, say so in an `open` block",
            )
        },
    ),
    "E0221": Entry(
        Text("rantai definisi terlalu dalam", "chain of definitions too deep"),
        Text(
            "syarat `{name}` bersarang {depth} tingkat bila definisi-definisinya dijabarkan, melebihi batas {limit}",
            "the condition `{name}` is nested {depth} levels deep with its definitions written out, "
            "more than the limit of {limit}",
        ),
        labels={"here": Text("batas terlampaui di sini", "the limit is passed here")},
        suggestions={
            "flatten": Text(
                "pendekkan rantai: tulis beberapa definisi berantai sebagai satu syarat `dan`/`atau`",
                "shorten the chain: write several chained definitions as one `dan`/`atau` (`and`/`or`) condition",
            )
        },
    ),
    # ---- warnings ------------------------------------------------------------------------
    "W0301": Entry(
        Text("ketentuan tidak mungkin berlaku", "provision can never apply"),
        Text(
            "syarat ketentuan `{name}` tidak mungkin terpenuhi: {reason}", "the condition of `{name}` can never hold: {reason_en}"
        ),
        suggestions={"check": Text("periksa kembali syaratnya", "check the condition again")},
    ),
    "W0302": Entry(
        Text("akibat hukum bertentangan", "conflicting outcomes"),
        Text(
            "ketentuan `{name}` dan `{other}` berperingkat sama dan bersyarat sama, "
            "tetapi akibat hukumnya berbeda ({outcome} dan {other_outcome})",
            "`{name}` and `{other}` have equal rank and the same condition "
            "but different outcomes ({outcome} and {other_outcome})",
        ),
        labels={"other": Text("ketentuan lainnya", "the other provision")},
        suggestions={
            "except": Text(
                "nyatakan yang khusus dengan `mengecualikan {other}`, atau bedakan syaratnya",
                "declare the special one with `mengecualikan {other}`, or make the conditions differ",
            )
        },
    ),
    "W0303": Entry(
        Text("tingkat hukuman disiplin tidak disebut", "no disciplinary tier"),
        Text(
            "ketentuan `{name}` berakibat disiplin tanpa tingkat dan tanpa catatan",
            "provision `{name}` has a disciplinary outcome with no tier and no note",
        ),
        suggestions={
            "note": Text(
                "sebut tingkatnya, atau tambahkan `catatan` yang menjelaskan mengapa peraturan tidak menyebutnya",
                "give the tier, or add a `catatan` that says why the regulation states none",
            )
        },
    ),
    "W0304": Entry(
        Text("definisi tidak dipakai", "unused definition"),
        Text("definisi `{name}` tidak dipakai oleh ketentuan mana pun", "the definition `{name}` is not used by any provision"),
        suggestions={"remove": Text("hapus definisi ini atau pakai dalam syarat", "delete it or use it in a condition")},
    ),
    "W0307": Entry(
        Text("`pakai` tidak diperlukan", "unneeded `pakai`"),
        Text("{reason}", "{reason_en}"),
        suggestions={"remove": Text("hapus `{name}` dari baris `pakai` ini", "delete `{name}` from this `pakai` line")},
    ),
    # ---- the gap matrix (`netralrules gaps`) ---------------------------------------------------
    "W0601": Entry(
        Text("celah tanpa deklarasi", "undeclared gap"),
        Text(
            "tidak ada ketentuan yang dapat berlaku untuk `{act_kind}` oleh {status} ({periods}; tahap {stages}; "
            "pemilu {elections}), dan tidak ada `celah` yang menyatakannya",
            "no provision can apply to `{act_kind}` by a {status} ({periods}; stages {stages}; elections {elections_en}), "
            "and no `gap` declaration says so",
        ),
        suggestions={
            "declare": Text(
                "kodekan ketentuan yang berlaku, atau nyatakan `celah` dengan jenis dan alasannya (docs/authoring.md)",
                "encode the provision that applies, or declare a `gap` with its kind and reason (docs/authoring.md)",
            )
        },
    ),
    "W0602": Entry(
        Text("deklarasi celah tidak menutup celah apa pun", "gap declaration covers no gap"),
        Text(
            "`celah {name}` tidak mencakup satu pun sel tanpa ketentuan: setiap sel yang dicakupnya diatur oleh suatu ketentuan",
            "`gap {name}` covers no cell without a provision: a provision can apply in every cell it covers",
        ),
        suggestions={
            "remove": Text(
                "hapus deklarasi ini atau persempit/perbaiki cakupannya (jenis tindakan, status, tanggal, tahap, pemilu)",
                "delete the declaration or correct what it covers (act kinds, statuses, dates, stages, elections)",
            )
        },
    ),
    # ---- consistency audit registers (`netralrules audit`, docs/enforcement.md) -----------
    "E0801": Entry(
        Text("register tidak dapat dibaca", "register cannot be read"),
        Text("register `{path}` tidak dapat dibaca: {reason}", "cannot read the register `{path}`: {reason_en}"),
        suggestions={
            "form": Text(
                "register audit adalah berkas .csv (satu tindakan per baris) atau .jsonl (satu perkara per baris) dalam UTF-8",
                "an audit register is a .csv file (one act per row) or a .jsonl file (one case per line) in UTF-8",
            )
        },
    ),
    "E0802": Entry(
        Text("baris bukan objek JSON", "line is not a JSON object"),
        Text("baris ini bukan objek JSON yang sah: {reason}", "this line is not a valid JSON object: {reason_en}"),
        labels={"here": Text("di sini", "here")},
        suggestions={
            "form": Text(
                'satu perkara per baris: {{"kasus": …, "insiden": {{…}}, "rekomendasi": {{…}}, "penjatuhan": {{…}}}}',
                'one case per line: {{"kasus": …, "insiden": {{…}}, "rekomendasi": {{…}}, "penjatuhan": {{…}}}}',
            )
        },
    ),
    "E0803": Entry(
        Text("kolom wajib tidak ada", "required column missing"),
        Text("baris judul register CSV tidak memuat kolom `{column}`", "the header of the CSV register has no `{column}` column"),
        labels={"here": Text("baris judul", "header row")},
        suggestions={
            "add": Text(
                "kolom wajib: kasus, tindakan.tanggal, tindakan.jenis (docs/enforcement.md)",
                "required columns: kasus, tindakan.tanggal, tindakan.jenis (docs/enforcement.md)",
            )
        },
    ),
    "E0804": Entry(
        Text("isian tidak dikenal", "unknown field"),
        Text("`{field}` bukan isian register audit", "`{field}` is not a field of an audit register"),
        labels={"here": Text("isian ini", "this field")},
        suggestions={
            "replace": Text("maksudnya `{replacement}`?", "did you mean `{replacement}`?"),
            "list": Text("isian yang dikenal: docs/enforcement.md", "the known fields: docs/enforcement.md"),
        },
    ),
    "E0805": Entry(
        Text("nilai tidak sah", "invalid value"),
        Text(
            "`{value}` bukan nilai yang sah untuk `{field}` ({expected})",
            "`{value}` is not a valid value of `{field}` ({expected_en})",
        ),
        labels={"here": Text("nilai ini", "this value")},
        suggestions={"replace": Text("maksudnya `{replacement}`?", "did you mean `{replacement}`?")},
    ),
    "E0806": Entry(
        Text("data perkara tidak konsisten", "inconsistent case data"),
        Text(
            "`{field}` perkara `{case}` bernilai `{value}` di sini tetapi `{first}` pada baris {line}",
            "`{field}` of case `{case}` is `{value}` here but `{first}` on line {line}",
        ),
        labels={"here": Text("nilai ini", "this value")},
        suggestions={
            "same": Text(
                "isian perkara (bukan isian tindakan) harus sama di setiap baris perkara itu, atau kosong",
                "a case field (not an act field) must be the same on every row of the case, or empty",
            )
        },
    ),
    "E0807": Entry(
        Text("perkara ganda", "duplicate case"),
        Text("perkara `{case}` sudah ada pada baris {line}", "case `{case}` is already on line {line}"),
        labels={"here": Text("perkara ini", "this case")},
        suggestions={"rename": Text("satu baris per perkara; beri id lain", "one line per case; give it another id")},
    ),
    "E0808": Entry(
        Text("data insiden tidak sah", "invalid incident data"),
        Text("insiden perkara `{case}`: {problem} [{inner}]", "incident of case `{case}`: {problem_en} [{inner}]"),
        labels={"here": Text("di sini", "here")},
        suggestions={"docs": Text("bentuk insiden: docs/incident.md", "the incident format: docs/incident.md")},
    ),
    "E0809": Entry(
        Text("jenis hukuman tidak dikenal", "unknown sanction type"),
        Text(
            "`{value}` bukan jenis hukuman {tier} dalam tabel hukuman buku aturan",
            "`{value}` is not a {tier_en} sanction type in the rulebook's sanction tables",
        ),
        labels={"here": Text("jenis ini", "this type")},
        suggestions={
            "replace": Text("maksudnya `{replacement}`?", "did you mean `{replacement}`?"),
            "list": Text(
                "tulis jenis hukuman persis seperti dalam `hukuman … tingkat …` buku aturan, atau kosongkan",
                "write the type exactly as in the rulebook's `hukuman … tingkat …` tables, or leave it empty",
            ),
        },
    ),
    "E0810": Entry(
        Text("tanggal tidak berurutan", "dates out of order"),
        Text(
            "{what} bertanggal {date}, sebelum {before} ({before_date})",
            "{what_en} is dated {date}, before the {before_en} ({before_date})",
        ),
        labels={"here": Text("tanggal ini", "this date")},
        suggestions={
            "order": Text(
                "urutannya: tindakan, laporan, rekomendasi, penjatuhan hukuman",
                "the order is: act, report, recommendation, sanction imposed",
            )
        },
    ),
    # ---- explanation requests on the command line (--why-not, --set) ---------------------
    "E0501": Entry(
        Text("ketentuan tidak dikenal", "unknown provision"),
        Text("tidak ada ketentuan `{provision}` dalam buku aturan", "the rulebook has no provision `{provision}`"),
        labels={"here": Text("ketentuan ini", "this provision")},
        suggestions={
            "replace": Text("maksudnya `{replacement}`?", "did you mean `{replacement}`?"),
            "list": Text(
                "nama ketentuan ditulis seperti `pp94.pasal5.n.2`; lihat `ketentuan …` dalam berkas aturan",
                "provision ids look like `pp94.pasal5.n.2`; see `ketentuan …` in the rules files",
            ),
        },
    ),
    "E0502": Entry(
        Text("perubahan fakta tidak dapat dibaca", "malformed fact change"),
        Text("perubahan fakta harus berbentuk FAKTA=NILAI, bukan `{text}`", "a fact change must read FACT=VALUE, not `{text}`"),
        labels={"here": Text("di sini", "here")},
        suggestions={
            "form": Text(
                "misalnya `--set tindakan.fasilitas_negara=benar`", "for example `--set tindakan.fasilitas_negara=benar`"
            )
        },
    ),
    "E0503": Entry(
        Text("fakta tidak dikenal", "unknown fact"),
        Text("tidak ada fakta `{path}` yang dapat diubah", "there is no fact `{path}` that can be changed"),
        labels={"here": Text("fakta ini", "this fact")},
        suggestions={
            "replace": Text("maksudnya `{replacement}`?", "did you mean `{replacement}`?"),
            "roots": Text(
                "fakta dimulai dengan `responden.`, `pemilu.` atau `tindakan.`; daftarnya ada di docs/language.md",
                "facts start with `responden.`, `pemilu.` or `tindakan.`; docs/language.md lists them",
            ),
        },
    ),
    "E0504": Entry(
        Text("nilai fakta tidak sah", "invalid fact value"),
        Text(
            "`{value}` bukan nilai yang sah untuk `{path}` ({expected})",
            "`{value}` is not a valid value of `{path}` ({expected_en})",
        ),
        labels={"here": Text("nilai ini", "this value")},
        suggestions={
            "replace": Text("maksudnya `{replacement}`?", "did you mean `{replacement}`?"),
            "options": Text("nilai yang sah: {options}", "valid values: {options}"),
            "date": Text(
                "tulis tanggal sebagai TTTT-BB-HH, misalnya 2024-10-12", "write the date as YYYY-MM-DD, e.g. 2024-10-12"
            ),
        },
    ),
    "E0505": Entry(
        Text("tindakan tidak ada", "no such act"),
        Text(
            "perkara ini hanya memuat {count} tindakan; `tindakan[{index}]` tidak ada",
            "the incident holds only {count} act(s); there is no `tindakan[{index}]`",
        ),
        labels={"here": Text("nomor tindakan ini", "this act number")},
        suggestions={"range": Text("tindakan dinomori dari 0 sampai {last}", "acts are numbered from 0 to {last}")},
    ),
    "E0506": Entry(
        Text("fakta tidak dapat diubah dari baris perintah", "fact cannot be changed on the command line"),
        Text(
            "`{path}` adalah {kind}; ubah di berkas perkara, bukan dengan --set",
            "`{path}` is a {kind_en}; change it in the incident file, not with --set",
        ),
        labels={"here": Text("fakta ini", "this fact")},
    ),
    "W0305": Entry(
        Text("jenis hukuman tidak dideklarasikan", "no sanction table"),
        Text(
            "tidak ada `hukuman {instrument} tingkat {tier}` yang menyebut jenis hukumannya",
            "no `hukuman {instrument} tingkat {tier}` declares the sanction types for this tier",
        ),
        suggestions={
            "add": Text(
                'tambahkan `hukuman {instrument} tingkat {tier} {{ rujukan … sanksi "…" }}`',
                'add `hukuman {instrument} tingkat {tier} {{ rujukan … sanksi "…" }}`',
            )
        },
    ),
    "W0306": Entry(
        Text("sumber di luar `sumber`", "source outside `sumber`"),
        Text(
            "{where} memuat `{found}`: tanda catatan riset, rujukan ke berkas kerja, dan nama situs atau media "
            "tidak dibaca sebagai hukum",
            "a {where_en} contains `{found}`: research-note marks, references to working files and website or "
            "news names are not law",
        ),
        suggestions={
            "move": Text(
                'pindahkan ke `sumber "…" [tautan "…"] [bertanggal …] KEANDALAN` (terverifikasi, satu_sumber, '
                "tafsiran, belum_dipastikan, bertentangan); catatan cukup menyebut apa yang dikatakan atau tidak "
                "dikatakan hukum",
                'move it into `sumber "…" [tautan "…"] [bertanggal …] RELIABILITY` (verified, single_source, '
                "inference, unconfirmed, conflicting); a note says only what the law says or leaves open",
            )
        },
    ),
}

"""The bundled gazetteer: keys and spelling variants, governorates, curated places, lookups, the
point-in-polygon helper and the GeoNames dump import."""

from __future__ import annotations

import random
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from counterclaim.errors import BadGazetteerFile
from counterclaim.knowledge import gazetteer as gz
from counterclaim.knowledge.gazetteer import (
    Entry,
    Gazetteer,
    admin1_at,
    admin1_code_at,
    filter_alternates,
    import_geonames,
    key,
    skeleton,
    user_dir,
    variants,
)
from counterclaim.knowledge.gazetteer.names import MAX_VARIANTS

GAZ_DIR = Path(gz.__file__).parents[2] / "data" / "gazetteer"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    # user=False: the developer's own imported files must not change what the tests see
    return Gazetteer.load(user=False)


@pytest.fixture(autouse=True)
def _isolated_user_dir(tmp_path_factory, monkeypatch):
    # every test gets an empty user data directory, so nothing is read from or written to ~
    monkeypatch.setenv("COUNTERCLAIM_DATA", str(tmp_path_factory.mktemp("userdata")))


# --------------------------------------------------------------------------- governorates

#: the ISO 3166-2 code and the contract's name of each governorate, with spellings seen in the news
GOVERNORATE_SPELLINGS = {
    ("SY-HL", "Aleppo"): ["Aleppo", "Halab", "Aleppo province", "rural Aleppo", "Aleppo countryside"],
    ("SY-ID", "Idlib"): ["Idlib", "Idleb", "Edlib", "Idlib Governorate", "Idlib province"],
    ("SY-HM", "Hama"): ["Hama", "Hamah", "Ḥamāh", "Hama countryside"],
    ("SY-HI", "Homs"): ["Homs", "Hims", "Homs province"],
    ("SY-LA", "Latakia"): ["Latakia", "Lattakia", "Lattakieh", "Al-Ladhiqiyah", "Latakiyah"],
    ("SY-TA", "Tartus"): ["Tartus", "Tartous", "Ţarţūs"],
    ("SY-DY", "Deir ez-Zor"): ["Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "Deir Ezzor", "Deir el-Zor",
                               "Deir Ez-Zor province", "Dayr az-Zawr"],
    ("SY-RA", "Raqqa"): ["Raqqa", "Raqqah", "Ar-Raqqah", "Al-Raqqa", "Rakka", "Raqqa province"],
    ("SY-HA", "Hasakah"): ["Hasakah", "Al-Hasakah", "Hassakeh", "Hasakeh", "Hasaka", "Al-Hasakeh", "Hassakeh province"],
    ("SY-DI", "Damascus"): ["Damascus", "Dimashq"],
    ("SY-RD", "Rif Dimashq"): ["Rif Dimashq", "Reef Dimashq", "Rural Damascus", "Damascus countryside",
                               "Damascus suburbs", "Rif Damascus", "Reef Damascus"],
    ("SY-DR", "Daraa"): ["Daraa", "Deraa", "Dar'a", "Dar’a", "Dara'a", "Daraa province"],
    ("SY-SU", "As-Suwayda"): ["As-Suwayda", "Sweida", "Suwayda", "Suwaida", "As Suwayda'", "Sweida province"],
    ("SY-QU", "Quneitra"): ["Quneitra", "Kuneitra", "Qunaytirah", "Al-Qunaytirah"],
}


@pytest.mark.parametrize(("code", "name", "spelling"), [
    (code, name, s) for (code, name), spellings in GOVERNORATE_SPELLINGS.items() for s in spellings
])
def test_governorate_spellings_resolve(gaz: Gazetteer, code: str, name: str, spelling: str) -> None:
    # every common spelling (and "X province"/"rural X") must give the governorate, with the
    # contract's canonical name and its ISO 3166-2 code, never a town of the same name
    entry = gaz.admin1(spelling)
    assert entry is not None, spelling
    assert (entry.admin1_code, entry.name, entry.kind, entry.country) == (code, name, "admin1", "SY")


def test_governorates_table(gaz: Gazetteer) -> None:
    # exactly Syria's 14 governorates with the ISO 3166-2 codes (Aleppo is SY-HL, not SY-AL)
    # and the names of the contract (docs/ledger.md)
    govs = gaz.governorates()
    assert [g.admin1_code for g in govs] == sorted(gz.GOVERNORATE_NAMES)
    assert {g.name for g in govs} == {
        "Aleppo", "Idlib", "Hama", "Homs", "Latakia", "Tartus", "Deir ez-Zor", "Raqqa", "Hasakah",
        "Damascus", "Rif Dimashq", "Daraa", "As-Suwayda", "Quneitra"}
    for g in govs:
        # the representative point lies inside its own polygon (Rif Dimashq's centroid would be
        # in Damascus), so a claim resolved to the governorate plots inside it
        assert admin1_code_at(g.lat, g.lon) == g.admin1_code, g
        assert g.admin1 == g.name and g.precision == "admin1" and g.source == "governorate"


def test_admin1_by_iso_code_and_unknown(gaz: Gazetteer) -> None:
    # ISO codes are accepted as they are; a town or a foreign name is not a governorate
    assert gaz.admin1("SY-ID").name == "Idlib"
    assert gaz.admin1("sy-rd").name == "Rif Dimashq"
    assert gaz.admin1("Douma") is None
    assert gaz.admin1("Ankara") is None
    assert gaz.admin1("SY-XX") is None


def test_countries(gaz: Gazetteer) -> None:
    # Syria and its neighbours are country-level entries, found under their other names too; the
    # rest of the world is there at country level (Natural Earth), so "Russia" or "the US" resolve
    codes = {c.country for c in gaz.countries()}
    assert {"SY", "TR", "IQ", "LB", "JO", "IL", "PS", "RU", "US", "GB", "IR", "QA", "FR"} <= codes and len(codes) > 150
    assert gaz.lookup("U.S.")[0].country == "US" and gaz.lookup("Britain")[0].country == "GB"
    syria = gaz.lookup("Syrian Arab Republic")[0]
    assert (syria.kind, syria.country, syria.geonames_id, syria.precision) == ("country", "SY", 163843, "country")
    assert admin1_at(syria.lat, syria.lon) is not None  # its point is inside Syria
    assert gaz.lookup("Türkiye")[0].country == "TR"
    assert gaz.lookup("Palestine")[0].country == "PS"


# --------------------------------------------------------------------------- keys and variants


def test_key_normalisation() -> None:
    # casefold, diacritics, apostrophes of every kind, hyphens and spaces: one key
    assert key("Ḩamāh") == key("HAMAH") == "hamah"
    assert key("Dar'a") == key("Dar’a") == key("Dar`a") == key("Darʿa") == key("Dar´a") == "dara"
    assert key("Deir ez-Zor") == key("Deir  ez Zor") == key("deir_ez.zor") == "deir ez zor"
    assert key("İdlib") == "idlib" and key("Çiğli") == "cigli" and key("Ra’s al ‘Ayn") == "ras al ayn"


def _variant_keys(name: str) -> set[str]:
    return {key(v) for v in variants(name)}


@pytest.mark.parametrize("group", [
    ["Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "Deir Ezzor"],
    ["al-Bab", "Al Bab", "Bab", "El-Bab"],
    ["Hmeimim", "Khmeimim"],
    ["Raqqa", "Raqqah", "Ar-Raqqah", "Al-Raqqa"],
    ["Idlib", "Idleb"],
    ["Hasakah", "Hassakeh", "Al-Hasakah", "Hasakeh"],
    ["Qamishli", "Kamishli", "Al-Qamishli"],
    ["Khan Sheikhoun", "Khan Shaykhun"],
    ["Hama", "Hamah"],
    ["Jisr al-Shughur", "Jisr ash-Shughur"],
    ["Abu Kamal", "Al-Bukamal", "Albu Kamal"],
    # issue 11: a French silent final e (Azmarin, Azmarine), a final -y (Qamishli, Kamishly), the
    # article and Deir/Dayr, Kafr/Kfar and doubled letters on village names
    ["Azmarin", "Azmarine", "Al-Azmarin"],
    ["Qamishli", "Kamishly"],
    ["Deir Sunbul", "Dayr Sunbul"],
    ["Kafr Nubl", "Kfar Nubl", "Kafr Nubbl"],
])
def test_variant_sets_meet(group: list[str]) -> None:
    # spellings of one place: their generated variant sets intersect pairwise (in key form) and
    # they share one skeleton, the variant key the index stores
    for a in group:
        for b in group:
            assert _variant_keys(a) & _variant_keys(b), (a, b)
            assert skeleton(a) == skeleton(b), (a, b)


def test_variants_are_real_spellings() -> None:
    # the generator produces the spellings the rules promise, not only the folded key
    assert {"deir az zawr", "deir al zour", "deir ezzor", "dayr ez zor", "der ez zor"} <= variants("Deir ez-Zor")
    assert {"al bab", "el bab", "albab", "bab"} <= variants("Bab")  # an article added, glued or not
    assert "khmeimim" in variants("Hmeimim") and "hmeimim" in variants("Khmeimim")
    assert {"raqqah", "raqa", "ar raqqa", "arraqqa"} <= variants("Raqqa")
    assert "idleb" in variants("Idlib") and "idlib" in variants("Idleb")
    assert "kamishli" in variants("Qamishli")
    assert "hasakah" in variants("Hasakeh") and "hasaka" in variants("Hasakeh")


def test_variants_are_bounded_and_consistent(gaz: Gazetteer) -> None:
    # on a sample of real gazetteer names: never more than 64 variants, and every variant folds
    # to the name's skeleton (this is what makes skeleton matching equal to variant matching)
    names = sorted({n for e in gaz.entries for n in (e.name, *e.alternates)})
    for name in random.Random(7).sample(names, 300) + ["Deir ez-Zor", "Ma'arrat al-Nu'man", "Bab al-Salameh"]:
        vs = variants(name)
        assert 0 < len(vs) <= MAX_VARIANTS, name
        assert {skeleton(v) for v in vs} == {skeleton(name)}, name


def test_a_village_spelling_the_gazetteer_only_generates_finds_the_village() -> None:
    # pattern: a village imported from a GeoNames country dump as "Azmarin"; the text writes
    # "Azmarine" (French transliteration) or "al-Azmarin"
    entry = Entry("Azmarin", 36.05, 36.38, "SY", "Idlib", "SY-ID", "user", 0, 1, "user")
    gaz = Gazetteer([entry], [(0, "Azmarin")])
    for written in ("Azmarine", "al-Azmarin", "Azmarin"):
        assert [e.name for e in gaz.lookup(written)] == ["Azmarin"], written


def test_different_places_do_not_meet() -> None:
    # the folding must not merge places that are different: Daraya is not Daraa, Homs is not
    # Hama, Idlib is not Dana, Hama is not Gama
    assert skeleton("Daraya") != skeleton("Daraa")
    assert skeleton("Homs") != skeleton("Hama")
    assert skeleton("Gama") != skeleton("Hama")
    assert not _variant_keys("Daraya") & _variant_keys("Daraa")


# --------------------------------------------------------------------------- alternate names


def test_noisy_alternates_are_filtered(gaz: Gazetteer) -> None:
    # GeoNames carries "Gama" (Russian rendering of Hama, and a Brazilian city) for Hama: it must
    # not lead to Hama; IATA codes and lowercase machine transliterations are dropped too
    hama = next(e for e in gaz.lookup("Hamah") if e.kind == "city")
    assert hama.geonames_id == 170017
    assert "Gama" not in hama.alternates
    assert all(e.geonames_id != 170017 for e in gaz.lookup("Gama"))
    aleppo = next(e for e in gaz.lookup("Aleppo") if e.kind == "city")
    assert "ALP" not in aleppo.alternates and "allepo" not in aleppo.alternates
    assert not any(e.geonames_id == 170654 for e in gaz.lookup("Sham"))  # al-Sham is not Damascus


def test_filter_rules() -> None:
    # each rule on its own example, with the reason counted
    rejected: Counter[str] = Counter()
    majors = {"gama": (3462672, 139467), "saida": (2482572, 142497)}
    kept = filter_alternates("Ḩamāh", ["Hama", "Hamah", "Gama", "hmh", "HMA", "حماة", "KhIama", "Ha"],
                             geonames_id=170017, population=460602, majors=majors, rejected=rejected)
    assert kept == ["Hama"]  # "Hamah" has the main name's key: a duplicate
    assert set(rejected) == {"another major place's name", "no capital letter (machine transliteration)",
                             "code (all capitals)", "not Latin script",
                             "capital inside a word (transliteration debris: KhIums)", "shorter than 3 characters"}
    # a name this place carries in two spellings is its own, whatever city elsewhere bears it
    assert filter_alternates("Sidon", ["Saida", "Sayda"], geonames_id=268064, population=163554,
                             majors=majors) == ["Saida", "Sayda"]


# --------------------------------------------------------------------------- lookups


def test_al_bab_is_in_aleppo(gaz: Gazetteer) -> None:
    # every spelling of al-Bab gives the town in Aleppo governorate, as a point
    for spelling in ("al-Bab", "Al Bab", "Al-Bāb", "El Bab", "Bab"):
        top = gaz.lookup(spelling)[0]
        assert (top.name, top.admin1, top.admin1_code, top.country) == ("Al Bāb", "Aleppo", "SY-HL", "SY")
        assert abs(top.lat - 36.37) < 0.05 and abs(top.lon - 37.52) < 0.05
        assert top.precision == "point" and top.source == "geonames"


def test_palmyra_is_tadmur_in_homs(gaz: Gazetteer) -> None:
    # the classical and the Arabic name are one place, in Homs governorate
    palmyra, tadmur = gaz.lookup("Palmyra")[0], gaz.lookup("Tadmur")[0]
    assert palmyra == tadmur
    assert (palmyra.admin1, palmyra.geonames_id) == ("Homs", 163808)
    assert gaz.lookup("Tadmor")[0] == palmyra


def test_hmeimim_is_in_latakia(gaz: Gazetteer) -> None:
    # the Russian air base under each of its names is the curated facility in Latakia
    for spelling in ("Hmeimim", "Khmeimim", "Humaymim", "Hmeymim air base", "Khmeimim Air Base"):
        top = gaz.lookup(spelling)[0]
        assert (top.name, top.kind, top.admin1, top.admin1_code) == ("Hmeimim Air Base", "facility", "Latakia", "SY-LA")
        assert top.source == "curated" and "Wikipedia" in top.reference


@pytest.mark.parametrize(("query", "name", "admin1"), [
    ("T4", "Tiyas Military Airbase", "Homs"),
    ("Tiyas airbase", "Tiyas Military Airbase", "Homs"),
    ("Shayrat", "Shayrat Air Base", "Homs"),
    ("Kuweires", "Kuweires Air Base", "Aleppo"),
    ("at-Tanf", "Al-Tanf garrison", "Homs"),
    ("Tabqa Dam", "Tabqa Dam", "Raqqa"),
    ("Tishreen Dam", "Tishrin Dam", "Aleppo"),
    ("Saydnaya prison", "Sednaya Prison", "Rif Dimashq"),
    ("Damascus International Airport", "Damascus International Airport", "Rif Dimashq"),
    ("Aleppo airport", "Aleppo International Airport", "Aleppo"),
    ("Bab al-Hawa crossing", "Bab al-Hawa crossing", "Idlib"),
    ("Nasib border crossing", "Nasib crossing", "Daraa"),
    ("Bab al-Salama", "Bab al-Salameh crossing", "Aleppo"),
    ("Abu Kamal crossing", "Al-Bukamal crossing", "Deir ez-Zor"),
])
def test_curated_places(gaz: Gazetteer, query: str, name: str, admin1: str) -> None:
    # the facilities GeoNames lacks resolve by their usual names to the curated entry
    top = gaz.lookup(query)[0]
    assert (top.name, top.kind, top.admin1) == (name, "facility", admin1)


def test_curated_points_fall_in_their_governorate() -> None:
    # checks the hand-typed coordinates: each point lies in the governorate its row names, and
    # every row says where its coordinates come from
    rows = gz.read_tsv_dicts(GAZ_DIR / "curated.tsv")
    assert len(rows) >= 14
    for r in rows:
        assert admin1_at(float(r["lat"]), float(r["lon"])) == r["admin1"], r["name"]
        assert r["source"].strip() and r["kind"] in {
            "air_base", "garrison", "dam", "prison", "airport", "crossing", "region", "neighbourhood", "road", "nearby"}
        if r["kind"] in ("neighbourhood", "road", "nearby"):
            # placed at the city they belong to or lie beside, and the row says which
            assert "GeoNames point" in r["source"], r["name"]


def test_neighbourhoods_and_nearby_towns_resolve_near_their_city() -> None:
    from counterclaim import extract

    (jobar,) = extract("Shelling killed 5 people in Jobar on Monday, the monitor said.", published="2017-01-10")
    loc = jobar.location
    assert loc is not None and (loc.admin1, loc.precision) == ("Damascus", "near")
    assert "district of Damascus" in (loc.note or "")  # the note says where the point comes from
    (fuaa,) = extract("Rebels shelled Fuaa on Monday, killing 3 people, SANA said.", published="2017-01-10")
    assert fuaa.location is not None and (fuaa.location.admin1, fuaa.location.precision) == ("Idlib", "near")


def test_an_exact_name_beats_a_spelling_variant_of_a_bigger_town() -> None:
    from counterclaim import extract

    # GeoNames lists "Adraa" for Daraa; Adra in Rif Dimashq is a place of exactly that name
    (adra,) = extract("Rebels shelled Adra in the Damascus countryside on Monday, killing 3 people, SANA said.",
                      published="2017-01-10")
    assert adra.location is not None and (adra.location.name, adra.location.admin1) == ("Adra", "Rif Dimashq")
    (daraa,) = extract("Shelling hit Daraa on Monday, killing 3 people, SANA said.", published="2017-01-10")
    assert daraa.location is not None and daraa.location.admin1 == "Daraa"


def test_lookup_order(gaz: Gazetteer) -> None:
    # equal keys before spelling variants; among equals the governorate before the town
    idlib = gaz.match("Idlib")
    assert [(m.entry.kind, m.exact) for m in idlib[:2]] == [("admin1", True), ("city", True)]
    # "Deir Ezzor" is a listed spelling of the governorate (exact) but only a variant of the city
    dez = gaz.match("Deir Ezzor")
    assert (dez[0].entry.kind, dez[0].exact) == ("admin1", True)
    assert any(m.entry.kind == "city" and m.entry.geonames_id == 170794 and not m.exact for m in dez)
    # prefer= puts a country's entries first within a group
    ras = gaz.lookup("Ras al-Ain", prefer="SY")
    assert ras[0].country == "SY" and ras[0].admin1 == "Hasakah"
    assert gaz.lookup("") == [] and gaz.lookup("Xyzzyville") == []


def test_index_sizes(gaz: Gazetteer) -> None:
    # the index holds every row of the bundled files, and a key and a skeleton per name
    stats = gaz.stats()
    extract_rows = len(gz.read_tsv_dicts(GAZ_DIR / "geonames_sy.tsv"))
    curated_rows = len(gz.read_tsv_dicts(GAZ_DIR / "curated.tsv"))
    country_rows = len(gz.read_tsv_dicts(GAZ_DIR / "countries.tsv"))
    assert stats["kind:admin1"] == 14 and stats["kind:country"] == country_rows > 150
    assert stats["kind:facility"] == curated_rows and stats["kind:city"] == extract_rows
    assert 1000 <= extract_rows <= 1200  # 308 Syrian places + the neighbours' larger towns
    assert stats["entries"] == 14 + country_rows + curated_rows + extract_rows
    assert stats["names"] >= 6000 and stats["keys"] >= 6000
    assert stats["skeletons"] < stats["keys"]  # spellings of one name share a skeleton
    # the extract stays small (the brief: a few hundred KB at most)
    assert (GAZ_DIR / "geonames_sy.tsv").stat().st_size < 300_000


def test_every_syrian_place_has_a_governorate() -> None:
    # the build assigns a governorate to each Syrian row (polygon, else GeoNames' code)
    rows = [r for r in gz.read_tsv_dicts(GAZ_DIR / "geonames_sy.tsv") if r["country"] == "SY"]
    assert len(rows) == 308
    assert all(r["admin1"] == gz.GOVERNORATE_NAMES[r["admin1_code"]] for r in rows)


def test_default_gazetteer_is_cached() -> None:
    # one load per process
    assert gz.default_gazetteer() is gz.default_gazetteer()


# --------------------------------------------------------------------------- point in polygon


@pytest.mark.parametrize(("lat", "lon", "expected"), [
    (36.2012, 37.1612, "Aleppo"),  # Aleppo city
    (33.5102, 36.2913, "Damascus"),  # Damascus city, the hole in Rif Dimashq
    (33.5718, 36.4027, "Rif Dimashq"),  # Douma
    (34.5624, 38.2840, "Homs"),  # Palmyra
    (35.9306, 36.6339, "Idlib"),
    (37.0522, 41.2314, "Hasakah"),  # Qamishli
    (35.3359, 40.1408, "Deir ez-Zor"),
    (32.6189, 36.1021, "Daraa"),
    (33.1256, 35.8240, "Quneitra"),  # the town, in the UNDOF area merged into Quneitra
    (33.8938, 35.5018, None),  # Beirut
    (31.9552, 35.9450, None),  # Amman
    (36.2021, 36.1605, None),  # Antakya
])
def test_admin1_at(lat: float, lon: float, expected: str | None) -> None:
    # known points fall in the right governorate, points abroad in none
    assert admin1_at(lat, lon) == expected


# --------------------------------------------------------------------------- user data and import


def test_user_dir(monkeypatch, tmp_path: Path) -> None:
    # COUNTERCLAIM_DATA wins, then XDG_DATA_HOME/counterclaim, then ~/.local/share/counterclaim
    monkeypatch.setenv("COUNTERCLAIM_DATA", str(tmp_path / "cc"))
    assert user_dir() == tmp_path / "cc"
    monkeypatch.delenv("COUNTERCLAIM_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert user_dir() == tmp_path / "xdg" / "counterclaim"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_dir() == tmp_path / "home" / ".local" / "share" / "counterclaim"


def _row(*fields: object) -> str:
    assert len(fields) == 19
    return "\t".join("" if f is None else str(f) for f in fields)


#: a GeoNames country dump: a village, an air base, a wadi (class H: not kept), a broken line,
#: and a row with the id of a bundled town (Al Bab) that brings one more name for it
DUMP = "\n".join([
    _row(9990001, "Kafr Tastiyah", "Kafr Tastiyah", "Kafr Tastiya,Kfar Tastiyeh,kfr tstyh,كفر تستية",
         35.90000, 36.60000, "P", "PPL", "SY", None, "12", None, None, None, 1200, None, 300,
         "Asia/Damascus", "2024-01-01"),
    _row(9990002, "Matar Abu Tastiyah", "Matar Abu Tastiyah", "Abu Tastiyah Airbase", 35.0, 38.0, "S", "AIRB",
         "SY", None, "11", None, None, None, 0, None, 400, "Asia/Damascus", "2024-01-01"),
    _row(9990003, "Wadi Tastiyah", "Wadi Tastiyah", "", 35.0, 38.1, "H", "WAD", "SY", None, "11", None, None,
         None, 0, None, 400, "Asia/Damascus", "2024-01-01"),
    "9990004\tBroken line with too few fields\t35.0",
    _row(174018, "Al Bāb", "Al Bab", "Babopolis Nova", 36.37051, 37.5157, "P", "PPLA2", "SY", None, "09",
         None, None, None, 130745, None, 450, "Asia/Damascus", "2024-01-01"),
    _row(169388, "Muḩāfaz̧at Idlib", "Muhafazat Idlib", "Idlib Testgovernorate", 35.75, 36.67, "A", "ADM1", "SY",
         None, "12", None, None, None, 1501000, None, 300, "Asia/Damascus", "2024-01-01"),
    _row(163843, "Syrian Arab Republic", "Syrian Arab Republic", "Testsyrienland", 35.0, 38.0, "A", "PCLI", "SY",
         None, "00", None, None, None, 22933531, None, 300, "Asia/Damascus", "2024-01-01"),
]) + "\n"


@pytest.mark.parametrize("zipped", [False, True])
def test_import_geonames_dump(tmp_path: Path, zipped: bool) -> None:
    # plain or zipped, the dump is imported: the kept classes written, the broken line counted
    # and reported, the Syrian rows given their governorate by polygon
    src = tmp_path / "SY.txt"
    src.write_text(DUMP, encoding="utf-8")
    if zipped:
        with zipfile.ZipFile(tmp_path / "SY.zip", "w") as zf:
            zf.write(src, "SY.txt")
            zf.writestr("readme.txt", "not a dump")
        src.unlink()
        src = tmp_path / "SY.zip"
    report = import_geonames(src, tmp_path / "out")
    assert (report.rows, report.kept, report.skipped, report.malformed) == (6, 5, 1, 1)
    assert report.errors == ("SY.txt:4: 3 fields, expected 19",)
    assert report.countries == {"SY": 5} and report.dest == tmp_path / "out" / "SY.tsv"

    # the written file is an extract the loader reads; the village is found under a variant
    gaz = Gazetteer.load(extra=[report.dest], user=False)
    village = gaz.lookup("Kfar Tastiyeh")[0]
    assert (village.name, village.kind, village.admin1, village.admin1_code) == ("Kafr Tastiyah", "user", "Idlib", "SY-ID")
    assert (village.feature, village.source, village.reference, village.precision) == ("P.PPL", "user", "SY.tsv", "point")
    assert gaz.lookup("Kafr Tastiya")[0] == village
    base = gaz.lookup("Abu Tastiyah Airbase")[0]
    assert (base.feature, base.admin1) == ("S.AIRB", "Hama")  # the polygon, not GeoNames' code 11
    assert gaz.lookup("Wadi Tastiyah") == []
    # a row of an already bundled place adds its names to that entry instead of a duplicate
    bab = gaz.lookup("Babopolis Nova")
    assert [e.geonames_id for e in bab] == [174018] and bab[0].kind == "city"
    # so does GeoNames' row of a Syrian governorate (to the bundled governorate) or of a country
    assert [(e.kind, e.admin1_code) for e in gaz.lookup("Idlib Testgovernorate")] == [("admin1", "SY-ID")]
    assert [(e.kind, e.country) for e in gaz.lookup("Testsyrienland")] == [("country", "SY")]
    assert len(gaz) == len(Gazetteer.load(user=False)) + 2


def test_import_goes_to_user_dir_and_is_loaded(tmp_path: Path) -> None:
    # without dest_dir the extract lands in user_dir()/gazetteer and load() picks it up
    src = tmp_path / "SY.txt"
    src.write_text(DUMP, encoding="utf-8")
    report = import_geonames(src)
    assert report.dest == user_dir() / "gazetteer" / "SY.tsv"
    assert Gazetteer.load().lookup("Kafr Tastiyah")[0].geonames_id == 9990001
    assert Gazetteer.load(user=False).lookup("Kafr Tastiyah") == []


@pytest.mark.parametrize(("name", "content"), [
    ("claims.csv", "a,b,c\n1,2,3\n"),
    ("empty.txt", ""),
    ("binary.dat", "\x00\x01\x02"),
    ("notes.txt", "Deir ez-Zor\tDayr az Zawr\n" * 20),
])
def test_import_rejects_non_dumps(tmp_path: Path, name: str, content: str) -> None:
    # a file that is not a GeoNames dump is a clear error, and nothing is written
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    with pytest.raises(BadGazetteerFile, match="not a GeoNames dump"):
        import_geonames(src, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_import_rejects_zip_without_dump_and_missing_file(tmp_path: Path) -> None:
    # a zip with no .txt member, and a path that does not exist
    with zipfile.ZipFile(tmp_path / "x.zip", "w") as zf:
        zf.writestr("readme.txt", "GeoNames readme")
    with pytest.raises(BadGazetteerFile, match="no GeoNames .txt"):
        import_geonames(tmp_path / "x.zip", tmp_path / "out")
    with pytest.raises(BadGazetteerFile, match="no such file"):
        import_geonames(tmp_path / "missing.txt", tmp_path / "out")


def test_user_curated_file_and_bad_file(tmp_path: Path) -> None:
    # a user's own list in the curated format is loaded as kind "user"; an unknown format fails
    own = tmp_path / "mine.tsv"
    own.write_text("\t".join(gz.CURATED_COLUMNS) + "\n"
                   + "Checkpoint Zulu\tZulu checkpoint\t35.95\t36.65\tSY\tIdlib\tcheckpoint\tmy notes\t\n",
                   encoding="utf-8")
    entry = Gazetteer.load(extra=[own], user=False).lookup("Zulu checkpoint")[0]
    assert (entry.kind, entry.admin1_code, entry.feature, entry.source, entry.reference) == (
        "user", "SY-ID", "checkpoint", "user", "my notes")
    bad = tmp_path / "bad.tsv"
    bad.write_text("foo\tbar\n1\t2\n", encoding="utf-8")
    with pytest.raises(BadGazetteerFile):
        Gazetteer.load(extra=[bad], user=False)


def test_entry_is_frozen() -> None:
    # entries are shared between callers: they must not be mutable
    e = Entry("X", 1.0, 2.0, "SY", None, None, "city", None, None, "geonames")
    with pytest.raises(AttributeError):
        e.name = "Y"  # type: ignore[misc]

#!/usr/bin/env python3
"""Build the South Caucasus theatre pack (doc/theatre-pack.md).

    python3 scripts/build_pack.py [--shared ../shared] [--out data/theatres/south-caucasus]

Reads the Who's On First extracts in SHARED/data/gazetteer/wof/ (places of
Armenia and Azerbaijan, admin polygons) and the hand-written files in
OUT/curated/, and writes OUT/places.tsv, OUT/actors.tsv, OUT/pack.json and
OUT/ATTRIBUTION.md. Python 3 standard library only; the output depends only
on the inputs (rows and name lists are sorted, no clock, no randomness).

Curated inputs (OUT/curated/):
  places_overrides.tsv  places.tsv columns (source `curated`, or
                        `curated: <evidence>` citing what the row rests on).
                        A row with id `wof:N` corrects
                        WOF row N: every non-empty field replaces the WOF
                        value, `names` are added, a name written `-X` removes
                        X from the WOF names, `-*` removes all WOF names,
                        kind `drop` deletes the row. A row with id `cw:slug`
                        adds a place.
  zones.tsv             places.tsv columns: zones, routes, borders, regions,
                        water, mountains (same override rules).
  az_districts.tsv      wof_id, name, economic_region, status: English name
                        of every Azerbaijani district / city (WOF 'region')
                        and the 2021 economic region it belongs to.
  az_economic_regions.tsv  id, name, names: the 14 economic regions (2021);
                        centroid and radius are computed from the members'
                        WOF polygons.
  actors.tsv            actors.tsv columns plus `source`.
  stop_names.txt        place names that are English words ("Top", "Bank"),
                        copied to OUT/stop_names.txt (optional).
  inflections.json      case endings of Russian and Armenian place names,
                        copied into OUT/pack.json as "inflections" (optional;
                        the pack loader adds the inflected forms).
"""
import argparse
import json
import math
import os
import re
import unicodedata

PLACE_COLS = ["id", "name", "lat", "lon", "country", "admin1", "admin2", "kind",
              "population", "radius_km", "names", "source"]
ACTOR_COLS = ["id", "name", "side", "kind", "parent", "role", "role_from", "role_to",
              "names", "source"]
KINDS = ["country", "region", "district", "city", "town", "village", "locality",
         "zone", "route", "border", "water", "mountain"]
KIND_RANK = {k: i for i, k in enumerate(KINDS)}
POINT_KINDS = {"city", "town", "village", "locality"}
SIDES = {"AZ", "AM", "NK", "RU", "TR", "INTL", "OTHER"}
ACTOR_KINDS = {"military", "police", "government", "peacekeepers", "armed_group",
               "civilians", "protesters", "media", "international_body", "person"}
COUNTRIES = ("AM", "AZ")
MAX_NAMES = 40
MAX_GROUP_KM = 10.0  # rows merged as one place are never further apart
# Population thresholds for the kind of a populated place.
CITY_POP, TOWN_POP = 15000, 1500

# Places the seed news needs: (spelling, lat, lon). The build fails when one
# of them does not resolve, by that spelling, to a row within 3 km.
REQUIRED = [
    ("Farrukh", 40.02, 46.80), ("Farukh", 40.02, 46.80), ("Parukh", 40.02, 46.80),
    ("Farux", 40.02, 46.80),
    ("Aghdam", 39.99, 46.93), ("Agdam", 39.99, 46.93), ("Akna", 39.99, 46.93),
    ("Aghdara", 40.21, 46.81), ("Martakert", 40.21, 46.81), ("Mardakert", 40.21, 46.81),
    ("Agdara", 40.21, 46.81),
    ("Khankendi", 39.82, 46.75), ("Stepanakert", 39.82, 46.75), ("Khankandi", 39.82, 46.75),
    ("Xankəndi", 39.82, 46.75),
    ("Shusha", 39.76, 46.75), ("Shushi", 39.76, 46.75), ("Şuşa", 39.76, 46.75),
    ("Lachin", 39.64, 46.55), ("Berdzor", 39.64, 46.55),
    ("Kalbajar", 40.10, 46.04), ("Kelbajar", 40.10, 46.04), ("Karvachar", 40.10, 46.04),
    ("Jermuk", 39.84, 45.67), ("Goris", 39.51, 46.34), ("Sotk", 40.20, 45.94),
    ("Vardenis", 40.18, 45.73), ("Kapan", 39.21, 46.41), ("Artanish", 40.47, 45.38),
    ("Ishkhanasar", 39.47, 46.42), ("Martuni", 40.14, 45.31), ("Martuni", 39.79, 47.11),
    ("Dashkesan", 40.52, 46.08), ("Sugovushan", 40.23, 46.68), ("Madagiz", 40.23, 46.68),
    ("Tartar", 40.34, 46.93), ("Terter", 40.34, 46.93), ("Khojaly", 39.91, 46.79),
    ("Khojali", 39.91, 46.79), ("Asgaran", 39.93, 46.83), ("Askeran", 39.93, 46.83),
    ("Khalfali", 39.76, 46.70), ("Turshsu", 39.68, 46.65), ("Pirlar", 40.01, 46.82),
    ("Heyvali", 40.15, 46.61), ("Khojavend", 39.79, 47.11), ("Hadrut", 39.52, 47.03),
    ("Fuzuli", 39.60, 47.15), ("Jabrayil", 39.40, 47.03), ("Zangilan", 39.09, 46.65),
    ("Gubadli", 39.34, 46.58), ("Nakhchivan", 39.21, 45.41),
    ("Karabakh", 39.85, 46.75), ("Nagorno-Karabakh", 39.85, 46.75), ("Garabagh", 39.85, 46.75),
    ("Artsakh", 39.85, 46.75), ("Lachin corridor", 39.65, 46.5),
]

# ---------------------------------------------------------------- text ----

ARMENIAN = (0x0530, 0x058F)
CYRILLIC = (0x0400, 0x052F)
APOSTROPHES = "'’‘ʼʻ`´"


def script_of(s):
    """'latin', 'cyrillic', 'armenian' or 'other' (the first letter decides
    between the scripts; any letter outside them makes it 'other')."""
    seen = None
    for ch in s:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if ARMENIAN[0] <= o <= ARMENIAN[1]:
            sc = "armenian"
        elif CYRILLIC[0] <= o <= CYRILLIC[1]:
            sc = "cyrillic"
        elif o < 0x0250 or 0x1E00 <= o <= 0x1EFF or o in (0x0259, 0x018F, 0x01DD):
            sc = "latin"
        else:
            return "other"
        if seen is None:
            seen = sc
        elif seen != sc:
            return "other"
    return seen or "other"


FOLD_SPECIAL = {"ə": "a", "Ə": "A", "ǝ": "a", "Ǝ": "A", "ı": "i", "İ": "I", "ł": "l",
                "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                "Æ": "Ae", "œ": "oe", "ʼ": "'", "’": "'", "‘": "'", "ʻ": "'", "´": "'"}


def fold(s, schwa="a"):
    """Latin text without diacritics (ə -> a, or e with schwa='e')."""
    out = []
    for ch in s:
        if ch in "əǝ":
            out.append(schwa)
        elif ch in "ƏƎ":
            out.append(schwa.upper())
        elif ch in FOLD_SPECIAL:
            out.append(FOLD_SPECIAL[ch])
        else:
            out.append(ch)
    s = unicodedata.normalize("NFKD", "".join(out))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def loose_key(s):
    """Comparison key: case, diacritics, apostrophes, spaces and hyphens ignored."""
    s = fold(s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def clean_name(s):
    s = s.replace("\t", " ").replace("|", " ").replace("\n", " ").replace("ǝ", "ə").replace("Ǝ", "Ə")
    s = unicodedata.normalize("NFC", s)
    return re.sub(r"\s+", " ", s).strip()


def strip_apostrophes(s):
    return re.sub("[" + APOSTROPHES + "]", "", s)


def _cap_like(src_char, text):
    return text[:1].upper() + text[1:] if src_char.isupper() else text


# Azerbaijani Latin -> English. Each letter lists its renderings, the first
# being the official English one (Ağdam -> Aghdam, Kəlbəcər -> Kalbajar).
AZ_LETTERS = {"ə": ["a", "e"], "ä": ["a", "e"], "x": ["kh"], "ş": ["sh"], "ç": ["ch"],
              "ğ": ["gh", "g"], "q": ["g", "gh"], "ı": ["i", "y"], "ü": ["u"], "ö": ["o"],
              "c": ["j"], "j": ["zh"]}
AZ_MARKERS = set("əäşçğıöüƏÄŞÇĞİÖÜ")


def _az_render(name, choice):
    """Render name with choice(letter, position) -> index into AZ_LETTERS."""
    out = []
    for i, ch in enumerate(name):
        low = "i" if ch == "İ" else ch.lower()
        if low in AZ_LETTERS:
            opts = AZ_LETTERS[low]
            out.append(_cap_like(ch, opts[min(choice(low, i), len(opts) - 1)]))
        elif ch == "İ":
            out.append("I")
        else:
            out.append(ch)
    return "".join(out)


def az_to_english(name):
    """English spellings of an Azerbaijani Latin name, the official one first.
    ə is a or e (mixed per letter when there are at most two), ğ gh or g, q g or
    gh, a final ı i or y."""
    name = name.replace("ǝ", "ə").replace("Ǝ", "Ə")
    low = name.lower()
    schwas = [i for i, ch in enumerate(low) if ch in "əä"]
    final_i = [i for i, ch in enumerate(low) if ch == "ı" and (i + 1 == len(low) or not low[i + 1].isalpha())]
    has_g = "ğ" in low
    has_q = "q" in low
    schwa_sets = [()]  # positions rendered as e
    if schwas:
        if len(schwas) <= 2:
            schwa_sets = [(), tuple(schwas)] + [(p,) for p in schwas if len(schwas) == 2]
        else:
            schwa_sets = [(), tuple(schwas)]
    variants = []
    for g_alt in ([0, 1] if has_g else [0]):
        for q_alt in ([0, 1] if has_q else [0]):
            for y_alt in ([0, 1] if final_i else [0]):
                for es in schwa_sets:
                    def choice(letter, pos, es=es, g_alt=g_alt, q_alt=q_alt, y_alt=y_alt):
                        if letter in "əä":
                            return 1 if pos in es else 0
                        if letter == "ğ":
                            return g_alt
                        if letter == "q":
                            return q_alt
                        if letter == "ı":
                            return y_alt if pos in final_i else 0
                        return 0
                    variants.append(_az_render(name, choice))
    out = []
    for v in variants:
        if v not in out:
            out.append(v)
    return out


# Armenian script -> Latin (Eastern Armenian, BGN/PCGN-like, no diacritics).
HY = {"ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y",
      "թ": "t", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h",
      "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o",
      "չ": "ch", "պ": "p", "ջ": "j", "ռ": "rr", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
      "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "ev"}


def hy_to_latin(name, rr="rr", initial_y=True):
    words = re.split(r"(\s+|-)", name)
    out = []
    for w in words:
        if not w or not any(ARMENIAN[0] <= ord(c) <= ARMENIAN[1] for c in w):
            out.append(w)
            continue
        lw = w.lower()
        res = []
        i = 0
        while i < len(lw):
            ch = lw[i]
            if ch == "ո" and i + 1 < len(lw) and lw[i + 1] == "ւ":
                res.append("u")
                i += 2
                continue
            if ch == "ռ":
                res.append(rr)
            elif ch == "ե" and i == 0 and initial_y:
                res.append("ye")
            elif ch == "ո" and i == 0 and initial_y:
                res.append("vo")
            elif ch == "և" and i == 0 and initial_y:
                res.append("yev")
            elif ch in HY:
                res.append(HY[ch])
            elif ch.isalpha():
                res.append(ch)
            i += 1
        t = "".join(res)
        out.append(_cap_like(w[0], t))
    return "".join(out)


def armenian_variants(name):
    vs = [hy_to_latin(name), hy_to_latin(name, rr="r"), hy_to_latin(name, rr="r", initial_y=False)]
    out = []
    for v in vs:
        if v and v not in out:
            out.append(v)
    return out


# Russian Cyrillic -> Latin.
RU = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
      "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
      "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
      "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
      "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u"}
RU_VOWELS = set("аеёиоуыэюяъьй")


def ru_to_latin(name, simple=False):
    out = []
    low = name.lower()
    i = 0
    while i < len(name):
        ch, lc = name[i], low[i]
        prev = low[i - 1] if i > 0 else " "
        if simple and lc == "д" and i + 1 < len(low) and low[i + 1] == "ж":
            out.append(_cap_like(ch, "j"))
            i += 2
            continue
        if lc == "е" and not simple and (not prev.isalpha() or prev in RU_VOWELS):
            t = "ye"
        elif lc == "ё" and simple:
            t = "e"
        elif lc == "й" and simple:
            t = "i"
        elif lc in RU:
            t = RU[lc]
        else:
            t = ch
            out.append(t)
            i += 1
            continue
        out.append(_cap_like(ch, t) if t else t)
        i += 1
    return "".join(out)


def russian_variants(name):
    out = []
    for v in (ru_to_latin(name), ru_to_latin(name, simple=True)):
        if v not in out:
            out.append(v)
    return out


def latin_variants(name):
    """Apostrophe-free, rr -> r and final i/y variants of a Latin name."""
    out = []

    def add(v):
        if v and v != name and v not in out:
            out.append(v)
    base = strip_apostrophes(name)
    add(base)
    if "rr" in base and " " not in base:
        add(base.replace("rr", "r"))  # BGN's rr for Armenian ռ; Farrukh/Farukh
    m = re.match(r"^([^ ]*[bcdfghjklmnpqrstvwxz])([iy])$", base, re.I)
    if m and len(base) > 3:
        add(m.group(1) + ("y" if m.group(2).lower() == "i" else "i"))
    if re.match(r"^Ye[a-z]", base):
        add("E" + base[2:])
    return out


def generated_variants(name, country):
    """Transliterations and folded forms of one spelling, most useful first."""
    sc = script_of(name)
    out = []
    phrase = len(name.split()) > 2  # long phrases get fewer variants
    if sc == "armenian":
        for v in armenian_variants(name)[:1 if phrase else 3]:
            out.append(v)
            out.extend(latin_variants(v))
    elif sc == "cyrillic":
        if not phrase:
            for v in russian_variants(name):
                out.append(v)
                out.extend(latin_variants(v))
    elif sc == "latin":
        if any(ch in AZ_MARKERS for ch in name):
            out.extend(az_to_english(name)[:2 if phrase else None])
        f = fold(name)
        out.append(f)
        if any(ch in "əǝƏäÄ" for ch in name):
            out.append(fold(name, schwa="e"))
        out.extend(latin_variants(name))
        out.extend(latin_variants(f))
    res = []
    for v in out:
        v = clean_name(v)
        if v and v not in res and script_of(v) == "latin":
            res.append(v)
    return res


def az_english(name):
    """The official English form of an Azerbaijani name (first variant)."""
    if any(ch in AZ_MARKERS for ch in name):
        return az_to_english(name)[0]
    # plain ASCII: Azerbaijani only if it has x/q/c and no sign of an English
    # romanization already (kh, ch, sh, zh, gh, apostrophes)
    if re.search(r"[xqcXQC]", name) and not re.search(r"[khcszg]h|[" + APOSTROPHES + "]", name, re.I):
        return az_to_english(name)[0]
    return strip_apostrophes(name)


def similarity(a, b):
    a, b = loose_key(a), loose_key(b)
    if not a or not b:
        return 0.0
    # bigram Dice coefficient
    ga = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    gb = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(ga & gb) / (len(ga) + len(gb))


# ---------------------------------------------------------------- geo -----

def haversine(lat1, lon1, lat2, lon2):
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _ring_inside(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _ring_area_centroid(ring):
    a = cx = cy = 0.0
    for i in range(len(ring) - 1):
        x0, y0 = ring[i][0], ring[i][1]
        x1, y1 = ring[i + 1][0], ring[i + 1][1]
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


class Area:
    """A WOF polygon: containment, area-weighted centroid, extent."""

    def __init__(self, feature):
        self.props = feature["properties"]
        g = feature["geometry"]
        self.polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        xs = [p[0] for poly in self.polys for p in poly[0]]
        ys = [p[1] for poly in self.polys for p in poly[0]]
        self.bbox = (min(xs), min(ys), max(xs), max(ys))
        self.parts = [(_ring_area_centroid(poly[0]), poly[0]) for poly in self.polys]
        self.area = sum(p[0][0] for p in self.parts)

    def contains(self, lat, lon):
        x, y = lon, lat
        if not (self.bbox[0] <= x <= self.bbox[2] and self.bbox[1] <= y <= self.bbox[3]):
            return False
        for poly in self.polys:
            if _ring_inside(x, y, poly[0]) and not any(_ring_inside(x, y, h) for h in poly[1:]):
                return True
        return False

    def main_rings(self):
        """Outer rings of the parts that hold at least 1% of the area."""
        return [ring for (a, _, _), ring in self.parts if a >= 0.01 * self.area]

    def min_dist(self, lat, lon):
        return min(haversine(lat, lon, p[1], p[0]) for ring in self.main_rings() for p in ring[::3])


def centroid_of(areas):
    tot = sum(a.area for a in areas)
    x = sum(ar * cx for a in areas for (ar, cx, cy), _ in a.parts) / tot
    y = sum(ar * cy for a in areas for (ar, cx, cy), _ in a.parts) / tot
    return y, x


def extent_km(lat, lon, areas):
    return max(haversine(lat, lon, p[1], p[0]) for a in areas for ring in a.main_rings() for p in ring)


# ---------------------------------------------------------------- io ------

def read_tsv(path):
    """Rows of a TSV file as dicts; '#' lines and blank lines skipped."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f.read().split("\n") if ln.strip() and not ln.startswith("#")]
    if not lines:
        return [], []
    header = lines[0].rstrip("\r").split("\t")
    rows = []
    for n, ln in enumerate(lines[1:], 2):
        cells = ln.rstrip("\r").split("\t")
        if len(cells) > len(header):
            raise SystemExit(f"{path}: data line {n}: {len(cells)} fields, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    return header, rows


def split_names(s):
    return [clean_name(x) for x in s.split("|") if clean_name(x)]


def write_tsv(path, cols, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(cols) + "\n")
        for r in rows:
            f.write("\t".join(str(r.get(c, "")) for c in cols) + "\n")


# ---------------------------------------------------------------- build ---

class Place:
    __slots__ = ("id", "name", "lat", "lon", "country", "admin1", "admin2", "kind",
                 "population", "radius_km", "source", "wof_id", "placetype", "is_current",
                 "region_id", "county_id", "gn", "wd", "wofname", "name_groups",
                 "removed", "curated", "coords_fixed", "admin_fixed", "merged",
                 "is_city_district", "names")

    def __init__(self):
        self.name = ""
        self.kind = ""
        self.names = []
        self.admin1 = self.admin2 = ""
        self.population = ""
        self.radius_km = 0.0
        self.source = "wof"
        self.wof_id = self.placetype = self.is_current = ""
        self.region_id = self.county_id = self.gn = self.wd = self.wofname = ""
        self.name_groups = {}   # group -> [names], groups in priority order below
        self.removed = set()
        self.curated = False
        self.coords_fixed = False
        self.admin_fixed = False
        self.merged = []
        self.is_city_district = False


NAME_GROUPS = ["curated", "eng", "wof", "aze", "hye", "rus", "other_latin", "other_cyr_hy",
               "other"]


def load_wof(wof_dir):
    places = []
    for cc in ("am", "az"):
        path = os.path.join(wof_dir, f"wof_{cc}_places.tsv")
        _, rows = read_tsv(path)
        for r in rows:
            if r["deprecated"]:
                continue
            pt = r["placetype"]
            if pt == "neighbourhood":
                continue
            p = Place()
            p.wof_id = r["wof_id"]
            p.id = "wof:" + r["wof_id"]
            p.placetype = pt
            p.is_current = r["is_current"]
            p.lat, p.lon = float(r["lat"]), float(r["lon"])
            p.country = r["country"]
            p.region_id, p.county_id = r["region_id"], r["county_id"]
            p.gn, p.wd = r["geonames_id"], r["wikidata"]
            pop = r["population"].strip()
            if pop and pop.lstrip("-").isdigit() and int(pop) > 0:
                p.population = str(int(pop))
            p.wofname = clean_name(r["name"])
            other = split_names(r["names_other"])
            p.name_groups = {
                "eng": split_names(r["names_eng"]),
                "wof": [p.wofname],
                "aze": split_names(r["names_aze"]),
                "hye": split_names(r["names_hye"]),
                "rus": split_names(r["names_rus"]),
                "other_latin": [n for n in other if script_of(n) == "latin"],
                "other_cyr_hy": [n for n in other if script_of(n) in ("cyrillic", "armenian")],
                "other": [n for n in other if script_of(n) == "other"],
            }
            places.append(p)
    return places


def check_place_row(path, r, errors):
    # "curated", optionally followed by ": the evidence" (kept in the
    # curated file only; places.tsv says "curated").
    src = r.get("source", "")
    if src != "curated" and not src.startswith("curated: "):
        errors.append(f"{path}: {r.get('id')}: source must be 'curated' or 'curated: evidence'")
    rid = r.get("id", "")
    if not re.match(r"^(wof:\d+|cw:[a-z0-9][a-z0-9-]*)$", rid):
        errors.append(f"{path}: bad id {rid!r}")
    kind = r.get("kind", "")
    if kind and kind not in KIND_RANK and kind != "drop":
        errors.append(f"{path}: {rid}: unknown kind {kind!r}")
    if rid.startswith("cw:"):
        for f in ("name", "lat", "lon", "country", "kind"):
            if not r.get(f):
                errors.append(f"{path}: {rid}: {f} is required for a new place")
    for f in ("lat", "lon", "radius_km", "population"):
        v = r.get(f, "")
        if v:
            try:
                float(v)
            except ValueError:
                errors.append(f"{path}: {rid}: {f} not a number: {v!r}")
    if r.get("lat") and r.get("lon"):
        lat, lon = float(r["lat"]), float(r["lon"])
        if not (37.5 <= lat <= 42.0 and 43.0 <= lon <= 51.0):
            errors.append(f"{path}: {rid}: coordinates outside the theatre: {lat},{lon}")
    if r.get("country") and r["country"] not in COUNTRIES:
        errors.append(f"{path}: {rid}: country must be AM or AZ")


def apply_override(p, r):
    """Apply a curated row to a place (a WOF row or a new one)."""
    p.curated = True
    p.source = "curated"
    if r.get("name"):
        p.name = clean_name(r["name"])
    if r.get("lat") and r.get("lon"):
        p.lat, p.lon = float(r["lat"]), float(r["lon"])
        p.coords_fixed = True
    if r.get("country"):
        p.country = r["country"]
    if r.get("admin1"):
        p.admin1 = r["admin1"]
        p.admin_fixed = True
    if r.get("admin2"):
        p.admin2 = r["admin2"]
        p.admin_fixed = True
    if r.get("kind"):
        p.kind = r["kind"]
    if r.get("population"):
        p.population = str(int(float(r["population"])))
    if r.get("radius_km"):
        p.radius_km = float(r["radius_km"])
    adds = []
    for n in r.get("names", "").split("|"):
        n = clean_name(n)
        if not n:
            continue
        if n == "-*":
            # forget every WOF name of the row: only curated names remain
            p.name_groups = {g: v for g, v in p.name_groups.items() if g == "curated"}
        elif n.startswith("-") and len(n) > 1:
            p.removed.add(clean_name(n[1:]).casefold())
        else:
            adds.append(n)
    p.name_groups.setdefault("curated", [])
    p.name_groups["curated"] = p.name_groups["curated"] + adds


def best_aze(p):
    """The Azerbaijani name closest to WOF's own name."""
    az = [n for n in p.name_groups.get("aze", []) if n.casefold() not in p.removed]
    if not az:
        return ""
    # the same name as WOF's, in Azerbaijani letters if there is such a
    # spelling (Çapar rather than Ch'ap'ar for Chapar)
    def key(n):
        sim = similarity(n, p.wofname)
        return (not (sim >= 0.6 and any(c in AZ_MARKERS for c in n)), -sim, n)
    return sorted(az, key=key)[0]


def canonical_name(p):
    if p.name:
        return p.name
    if p.country == "AZ":
        az = best_aze(p)
        if az:
            return az_english(az)
        eng = [n for n in p.name_groups.get("eng", []) if script_of(n) == "latin"
               and n.casefold() not in p.removed]
        if eng:
            return fold(strip_apostrophes(eng[0]))
        return fold(az_english(p.wofname)) if any(c in AZ_MARKERS for c in p.wofname) else fold(p.wofname)
    # Armenia: WOF's name is a BGN romanization; news drops the apostrophes.
    nm = p.wofname
    if script_of(nm) != "latin":
        eng = [n for n in p.name_groups.get("eng", []) if script_of(n) == "latin"]
        nm = eng[0] if eng else nm
    return fold(strip_apostrophes(nm))


def kind_for(p):
    pt = p.placetype
    if pt == "country":
        return "country"
    if pt in ("macroregion",):
        return "region"
    if pt == "region":
        return "region" if p.country == "AM" else "district"
    if pt == "county":
        return "district"
    if p.population:
        pop = int(p.population)
        if pop >= CITY_POP:
            return "city"
        if pop >= TOWN_POP:
            return "town"
        return "village"
    return "locality"


def build(shared, out, curated_dir, merge_log=None, keep_features=False):
    wof_dir = os.path.join(shared, "data", "gazetteer", "wof")
    errors = []

    # --- inputs
    places = load_wof(wof_dir)
    with open(os.path.join(wof_dir, "wof_am_az_admin_polygons.geojson"), encoding="utf-8") as f:
        areas = {str(ft["properties"]["wof_id"]): Area(ft) for ft in json.load(f)["features"]}
    by_wof = {p.wof_id: p for p in places}

    _, districts = read_tsv(os.path.join(curated_dir, "az_districts.tsv"))
    _, ers = read_tsv(os.path.join(curated_dir, "az_economic_regions.tsv"))
    _, overrides = read_tsv(os.path.join(curated_dir, "places_overrides.tsv"))
    _, zones = read_tsv(os.path.join(curated_dir, "zones.tsv"))
    actor_header, actors = read_tsv(os.path.join(curated_dir, "actors.tsv"))

    # --- Azerbaijani districts and economic regions
    er_short = {r["name"]: r for r in ers}
    district_er = {}
    for d in districts:
        wid = d["wof_id"]
        if wid not in by_wof or by_wof[wid].placetype != "region" or by_wof[wid].country != "AZ":
            errors.append(f"az_districts.tsv: {wid} is not an Azerbaijani WOF region row")
            continue
        if d["economic_region"] not in er_short:
            errors.append(f"az_districts.tsv: {wid}: unknown economic region {d['economic_region']!r}")
        p = by_wof[wid]
        p.name = clean_name(d["name"])
        p.is_city_district = d["status"] == "city"
        district_er[wid] = d["economic_region"]
    az_regions = [p for p in places if p.placetype == "region" and p.country == "AZ"]
    for p in az_regions:
        if p.wof_id not in district_er:
            errors.append(f"az_districts.tsv: WOF district {p.wof_id} {p.wofname} is not listed")

    # --- curated overrides (WOF ids) and new places
    new_rows = []
    seen_ids = set()
    for path, rows in (("places_overrides.tsv", overrides), ("zones.tsv", zones)):
        for r in rows:
            check_place_row(path, r, errors)
            if r["id"] in seen_ids:
                errors.append(f"{path}: duplicate id {r['id']}")
            seen_ids.add(r["id"])
            if r["id"].startswith("wof:"):
                wid = r["id"][4:]
                if wid not in by_wof:
                    errors.append(f"{path}: {r['id']} is not a WOF row of the extract")
                    continue
                apply_override(by_wof[wid], r)
            else:
                new_rows.append(r)
    if errors:
        raise SystemExit("curated files:\n  " + "\n  ".join(errors))
    dropped = {p.wof_id for p in places if p.kind == "drop"}
    places = [p for p in places if p.wof_id not in dropped]

    # --- names, kinds, admin units of the WOF rows
    for p in places:
        p.name = canonical_name(p)
        if not p.kind:
            p.kind = kind_for(p)

    am_marz = {p.wof_id: p for p in places if p.country == "AM" and p.placetype == "region"}
    az_dist = {p.wof_id: p for p in places if p.country == "AZ" and p.placetype == "region"}
    macro = {p.wof_id: p for p in places if p.placetype == "macroregion"}

    def locate(p, units):
        """The unit (dict id -> place) whose polygon holds p, else the nearest."""
        inside = [u for u in sorted(units) if u in areas and areas[u].contains(p.lat, p.lon)]
        if inside:
            return inside[0]
        cands = [u for u in sorted(units) if u in areas]
        return min(cands, key=lambda u: (areas[u].min_dist(p.lat, p.lon), u)) if cands else ""

    for p in places:
        if p.admin_fixed and p.admin1:
            continue
        if p.placetype == "country":
            p.admin1 = p.admin2 = ""
        elif p.placetype == "macroregion":
            p.admin1, p.admin2 = p.name, ""
        elif p.country == "AM":
            if p.placetype == "region":
                p.admin1 = p.name
                continue
            # WOF parents Armenia's former raions carelessly (Artashat under
            # Kotayk): their province comes from the polygons.
            usable = p.region_id in am_marz and not p.coords_fixed and p.placetype != "county"
            rid = p.region_id if usable else locate(p, am_marz)
            p.admin1 = am_marz[rid].name if rid else ""
            if p.placetype == "county":
                p.admin2 = p.name
        else:
            if p.placetype == "region":
                did = p.wof_id
            else:
                did = p.region_id if (p.region_id in az_dist and not p.coords_fixed) else locate(p, az_dist)
            if did:
                p.admin2 = az_dist[did].name
                p.admin1 = district_er.get(did, "")
            if p.placetype == "county":
                p.admin2 = p.name

    # --- extent of areas
    for p in places:
        if p.radius_km:
            continue
        if p.wof_id in areas and p.placetype in ("country", "region", "macroregion", "county"):
            a = areas[p.wof_id]
            p.radius_km = round(extent_km(p.lat, p.lon, [a]), 1)
        elif p.kind == "district":
            p.radius_km = 15.0  # Armenia's former raions: no polygon in the extract

    # --- de-duplication of populated places
    merged_away = dedupe(places)
    # Armenia's WOF "localities" with GeoNames ids from 10,000,000 (a later
    # bulk addition) are mostly not settlements: ruins, chapels, khachkars,
    # springs, burial grounds ("Averak", "Maturr", "Spitak Vank'"). They are
    # left out unless something marks a settlement: an Azerbaijani or Russian
    # name, a population, a Wikidata id, a community (localadmin) of that
    # name, or a curated row.
    features = set()
    if not keep_features:
        localadmins = {p.id for p in places if p.placetype == "localadmin"}
        for p in places:
            if (p.country == "AM" and p.placetype == "locality" and p.id not in merged_away
                    and p.gn.isdigit() and int(p.gn) >= 10_000_000 and not p.curated
                    and not p.population and not p.wd
                    and not p.name_groups.get("aze") and not p.name_groups.get("rus")
                    and not any(m in localadmins for m in p.merged)):
                features.add(p.id)
    if merge_log:
        with open(merge_log, "w", encoding="utf-8") as f:
            for p in sorted(places, key=lambda p: p.id):
                for q in p.merged:
                    f.write(f"{q}\tinto\t{p.id}\t{p.name}\n")
    places = [p for p in places if p.id not in merged_away and p.id not in features]

    # --- economic regions (2021) of Azerbaijan
    for r in ers:
        members = [d["wof_id"] for d in districts if d["economic_region"] == r["name"]]
        member_areas = [areas[m] for m in members if m in areas]
        lat, lon = centroid_of(member_areas)
        rad = round(extent_km(lat, lon, member_areas), 1)
        if r["id"].startswith("wof:"):
            p = by_wof[r["id"][4:]]
            p.admin1 = r["name"]
        else:
            p = Place()
            p.id = r["id"]
            p.country = "AZ"
            p.kind = "region"
            p.admin1 = r["name"]
            p.source = "curated"
            places.append(p)
        p.name = clean_name(r["label"])
        p.lat, p.lon, p.radius_km = lat, lon, rad
        p.curated = True
        p.source = "curated"
        # WOF's macroregion rows carry names of other units (Lankaran city,
        # Shirvan): the economic region keeps only its curated names.
        p.name_groups = {"curated": split_names(r["names"])}

    # --- new curated places and zones
    for r in new_rows:
        p = Place()
        p.id = r["id"]
        p.kind = r["kind"]
        apply_override(p, r)
        if not p.admin1 and p.kind in POINT_KINDS | {"mountain", "water"}:
            units = am_marz if p.country == "AM" else az_dist
            u = locate(p, units)
            if p.country == "AM":
                p.admin1 = am_marz[u].name if u else ""
            elif u:
                p.admin2 = az_dist[u].name
                p.admin1 = district_er.get(u, "")
        places.append(p)

    # --- names
    for p in places:
        p.names = build_names(p)

    # --- checks
    by_name = {}
    for p in places:
        for n in p.names:
            by_name.setdefault(n.casefold(), []).append(p)
    missing = []
    for spelling, lat, lon in REQUIRED:
        hits = [p for p in by_name.get(spelling.casefold(), [])
                if haversine(lat, lon, p.lat, p.lon) <= 3.0]
        if not hits:
            near = [(round(haversine(lat, lon, p.lat, p.lon), 1), p.id) for p in by_name.get(spelling.casefold(), [])]
            missing.append(f"{spelling} ({lat}, {lon}): nearest rows with that name {sorted(near)[:3]}")
    if missing:
        raise SystemExit("required places not resolved:\n  " + "\n  ".join(missing))

    # --- actors
    actor_rows = check_actors(actor_header, actors)

    # --- write
    os.makedirs(out, exist_ok=True)
    rows = []
    for p in places:
        rows.append({
            "id": p.id, "name": p.name, "lat": f"{p.lat:.5f}", "lon": f"{p.lon:.5f}",
            "country": p.country, "admin1": p.admin1, "admin2": p.admin2, "kind": p.kind,
            "population": p.population, "radius_km": fmt_radius(p.radius_km),
            "names": "|".join(p.names), "source": p.source})
    rows.sort(key=lambda r: (r["country"], KIND_RANK[r["kind"]], fold(r["name"]).casefold(),
                             r["name"], r["id"]))
    write_tsv(os.path.join(out, "places.tsv"), PLACE_COLS, rows)
    write_tsv(os.path.join(out, "actors.tsv"), ACTOR_COLS, actor_rows)
    stop = write_stop_names(curated_dir, out, by_name)
    inflections = read_inflections(curated_dir)
    pack = {"name": "south-caucasus",
            "title": "South Caucasus: Armenia, Azerbaijan and Karabakh",
            "version": 1,
            "countries": list(COUNTRIES),
            # The years the pack covers: bounds a date given without its
            # year in an article whose day is unknown (doc/theatre-pack.md).
            "period": {"from": "2020-01-01", "to": "2024-12-31"},
            "files": {"places": "places.tsv", "actors": "actors.tsv"},
            "attribution": "ATTRIBUTION.md"}
    if inflections:
        pack["inflections"] = inflections
    with open(os.path.join(out, "pack.json"), "w", encoding="utf-8") as f:
        json.dump(pack, f, indent=2, ensure_ascii=False)
        f.write("\n")
    stats = {
        "rows": len(rows),
        "by_kind": count(rows, "kind"),
        "by_country": count(rows, "country"),
        "by_source": count(rows, "source"),
        "merged": len(merged_away),
        "dropped": len(dropped),
        "features": len(features),
        "overrides": len(overrides),
        "zones": len(zones),
        "actors": len(actor_rows),
        "stop_names": stop,
    }
    write_attribution(os.path.join(out, "ATTRIBUTION.md"), shared, stats, dropped)
    return stats


def write_stop_names(curated_dir, out, by_name):
    """Copy curated/stop_names.txt (place names that are English words, read
    by the pack loader when present) sorted; every entry must name a place."""
    path = os.path.join(curated_dir, "stop_names.txt")
    if not os.path.exists(path):
        return 0
    header, names = [], []
    for ln in open(path, encoding="utf-8").read().split("\n"):
        if ln.startswith("#"):
            header.append(ln)
        elif ln.strip():
            names.append(ln.strip())
    unknown = [n for n in names if n.casefold() not in by_name]
    if unknown:
        raise SystemExit(f"stop_names.txt: not a name in places.tsv: {', '.join(unknown)}")
    names = sorted(set(names), key=str.casefold)
    with open(os.path.join(out, "stop_names.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(header + names) + "\n")
    return len(names)


def read_inflections(curated_dir):
    """curated/inflections.json (doc/theatre-pack.md, "inflections"), checked
    for shape; None when absent. The loader checks the rules themselves."""
    path = os.path.join(curated_dir, "inflections.json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        langs = json.load(f)
    errors = []
    if not isinstance(langs, list):
        raise SystemExit(f"{path}: not a list of languages")
    for i, lang in enumerate(langs):
        at = f"{path}: [{i}]"
        if not isinstance(lang, dict) or not lang.get("letters") or not lang.get("lang"):
            errors.append(f"{at}: needs \"lang\" and \"letters\"")
            continue
        for k, r in enumerate(lang.get("rules") or []):
            ends, drop, add = r.get("ends", ""), r.get("drop", ""), r.get("add")
            literal = ends.split("]", 1)[1] if ends.startswith("[") else ends
            if not ends or not literal.endswith(drop):
                errors.append(f"{at}.rules[{k}]: drop {drop!r} is not an ending of {ends!r}")
            if not add or not all(isinstance(a, str) and a for a in add):
                errors.append(f"{at}.rules[{k}]: add must be a list of endings")
    if errors:
        raise SystemExit("\n".join(errors))
    return langs


def fmt_radius(r):
    if not r:
        return "0"
    s = f"{r:.1f}"
    return s[:-2] if s.endswith(".0") else s


def plain(d):
    return ", ".join(f"{k} {v}" for k, v in d.items())


def count(rows, key):
    c = {}
    for r in rows:
        c[r[key]] = c.get(r[key], 0) + 1
    return dict(sorted(c.items()))


def dedupe(places):
    """Merge rows that are one place: populated places sharing a Wikidata or
    GeoNames id or a name within 2 km; an Armenian community (localadmin)
    into the nearest same-name locality of its province within 10 km; a
    city-status district whose polygon is the town itself into that town.
    Returns the merged ids."""
    pts = [p for p in places if p.kind in POINT_KINDS]
    parent = {p.id: p.id for p in pts}
    members = {p.id: [p] for p in pts}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        """Join two groups unless that makes a group wider than 10 km (an
        id shared by far-apart rows, or a chain of same-name villages)."""
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        if any(haversine(x.lat, x.lon, y.lat, y.lon) > MAX_GROUP_KM
               for x in members[ra] for y in members[rb]):
            return
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        members[keep] = members[keep] + members.pop(gone)

    for key in ("wd", "gn"):
        first = {}
        for p in sorted(pts, key=lambda p: p.id):
            v = getattr(p, key)
            if v:
                if v in first:
                    union(first[v], p.id)
                else:
                    first[v] = p.id
    # same name within 2 km (localities), grid by 0.05 degree
    grid = {}
    for p in pts:
        grid.setdefault((loose_key(p.name), int(p.lat * 20), int(p.lon * 20)), []).append(p)
    for p in sorted(pts, key=lambda p: p.id):
        if p.placetype == "localadmin":
            continue
        k = loose_key(p.name)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for q in grid.get((k, int(p.lat * 20) + dy, int(p.lon * 20) + dx), []):
                    if q.id != p.id and q.placetype != "localadmin" and \
                            haversine(p.lat, p.lon, q.lat, q.lon) <= 2.0:
                        union(p.id, q.id)
    # Armenian communities -> nearest same-name locality of the province within 10 km
    locs = {}
    for p in pts:
        if p.placetype != "localadmin":
            locs.setdefault((p.country, loose_key(p.name)), []).append(p)
    for p in sorted(pts, key=lambda p: p.id):
        if p.placetype != "localadmin":
            continue
        cands = [(haversine(p.lat, p.lon, q.lat, q.lon), q.id) for q in locs.get((p.country, loose_key(p.name)), [])
                 if not (p.region_id and q.region_id and p.region_id != q.region_id)]
        cands = [c for c in cands if c[0] <= 10.0]
        if cands:
            union(p.id, min(cands)[1])
    groups = {}
    for p in pts:
        groups.setdefault(find(p.id), []).append(p)
    merged = set()
    for g in groups.values():
        if len(g) < 2:
            continue
        # the head keeps its point: a curated row, else a settlement point
        # rather than a community's polygon centroid, else the current one
        g.sort(key=lambda p: (not p.curated, p.placetype == "localadmin", p.is_current != "1",
                              not p.population, not p.wd, p.id))
        head = g[0]
        for q in g[1:]:
            merge_names(head, q)
            if q.population and (not head.population or int(q.population) > int(head.population)):
                if not head.curated:
                    head.population = q.population
            head.merged.append(q.id)
            merged.add(q.id)
        if not head.curated:
            head.kind = kind_for(head) if head.placetype != "localadmin" else head.kind
    # city-status districts that are the town itself (tiny polygon, same name)
    towns = {}
    for p in places:
        if p.kind in POINT_KINDS and p.id not in merged:
            towns.setdefault(loose_key(p.name), []).append(p)
    for p in places:
        if p.placetype == "region" and p.country == "AZ" and p.is_city_district and p.radius_km and p.radius_km < 5:
            for q in towns.get(loose_key(p.name), []):
                if haversine(p.lat, p.lon, q.lat, q.lon) <= 3.0:
                    merge_names(q, p)
                    q.merged.append(p.id)
                    merged.add(p.id)
                    break
    return merged


def merge_names(head, q):
    """Add q's names (less those its curated row removed) to head."""
    for grp in NAME_GROUPS:
        names = [n for n in q.name_groups.get(grp, []) if n.casefold() not in q.removed]
        if grp == "wof":
            names = [q.name] + names
        if names:
            have = head.name_groups.setdefault(grp, [])
            head.name_groups[grp] = have + [n for n in names if n not in have]


SUFFIXES_AZ_DISTRICT = ["{} District", "{} region", "{} rayon"]
SUFFIXES_AM_REGION = ["{} Province", "{} region", "{} marz"]


def build_names(p):
    """The names column: canonical first, then the sources' spellings, then
    generated transliterations, then other languages; case-insensitively
    unique, at most MAX_NAMES, distinct spellings preferred."""
    ordered = [p.name]
    groups = p.name_groups
    for g in NAME_GROUPS:
        if g in ("other_latin", "other_cyr_hy", "other"):
            continue
        ordered.extend(groups.get(g, []))
    ordered = [n for n in ordered if n.casefold() not in p.removed]
    # suffixed forms for administrative units
    extra = []
    if p.kind == "district" and p.country == "AZ" and not p.is_city_district:
        extra += [s.format(p.name) for s in SUFFIXES_AZ_DISTRICT]
        az = best_aze(p)
        if az:
            extra.append(az + " rayonu")
    if p.kind == "region" and p.country == "AM" and p.placetype == "region" and p.name != "Yerevan":
        extra += [s.format(p.name) for s in SUFFIXES_AM_REGION]
    if p.kind == "district" and p.country == "AM":
        extra += [p.name + " District", p.name + " raion"]
    gen = []
    for n in ordered + extra:
        for v in generated_variants(n, p.country):
            gen.append(v)
    tail = groups.get("other_latin", []) + groups.get("other_cyr_hy", [])
    last = groups.get("other", [])
    seq = ordered + extra + gen + tail + last
    seq = [n for n in seq if n and n.casefold() not in p.removed]
    out, seen_exact, seen_loose = [], set(), set()
    # first pass: distinct spellings; second pass: near-duplicates if room
    for pass_no in (0, 1):
        for n in seq:
            cf = n.casefold()
            if cf in seen_exact:
                continue
            lk = loose_key(n)
            if pass_no == 0 and lk in seen_loose and n not in ordered[:1]:
                continue
            if len(out) >= MAX_NAMES:
                break
            out.append(n)
            seen_exact.add(cf)
            seen_loose.add(lk)
    return out


def check_actors(header, rows):
    errors = []
    for c in ACTOR_COLS:
        if c not in header:
            errors.append(f"actors.tsv: column {c} missing")
    ids = set()
    for r in rows:
        if r["id"] in ids:
            errors.append(f"actors.tsv: duplicate id {r['id']}")
        ids.add(r["id"])
    date_re = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    out = []
    for r in rows:
        rid = r["id"]
        if not re.match(r"^[a-z0-9][a-z0-9-]*$", rid):
            errors.append(f"actors.tsv: bad id {rid!r}")
        if r["side"] not in SIDES:
            errors.append(f"actors.tsv: {rid}: side {r['side']!r}")
        if r["kind"] not in ACTOR_KINDS:
            errors.append(f"actors.tsv: {rid}: kind {r['kind']!r}")
        if r["parent"] and r["parent"] not in ids:
            errors.append(f"actors.tsv: {rid}: parent {r['parent']!r} is not an actor id")
        if r["kind"] == "person" and not r["parent"]:
            errors.append(f"actors.tsv: {rid}: a person needs a parent")
        for f in ("role_from", "role_to"):
            if r[f] and not date_re.match(r[f]):
                errors.append(f"actors.tsv: {rid}: {f} {r[f]!r} is not an ISO day")
        if r["role_from"] and r["role_to"] and r["role_from"] > r["role_to"]:
            errors.append(f"actors.tsv: {rid}: role_from after role_to")
        if r["source"] != "curated":
            errors.append(f"actors.tsv: {rid}: source must be 'curated'")
        names = []
        for n in [r["name"]] + split_names(r["names"]):
            if n and n.casefold() not in {x.casefold() for x in names}:
                names.append(n)
        row = {c: r.get(c, "") for c in ACTOR_COLS}
        row["names"] = "|".join(names)
        out.append(row)
    # a wording naming actors of two different sides is a mistake
    owner = {}
    for r in out:
        for n in r["names"].split("|"):
            k = n.casefold()
            if k in owner and owner[k][1] != r["side"]:
                errors.append(f"actors.tsv: {n!r} names {owner[k][0]} and {r['id']} (different sides)")
            owner.setdefault(k, (r["id"], r["side"]))
    if errors:
        raise SystemExit("\n".join(errors))
    out.sort(key=lambda r: (r["side"], r["kind"] == "person", r["id"]))
    return out


def manifest_sources(shared):
    path = os.path.join(shared, "data", "MANIFEST.md")
    found = []
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return found
    for m in re.finditer(r"(whosonfirst-data/whosonfirst-data-admin-[a-z]{2}) at ([0-9a-f]{40})", text):
        if m.groups() not in found:
            found.append(m.groups())
    return found


def write_attribution(path, shared, stats, dropped):
    src = manifest_sources(shared)
    lines = [
        "# Attribution: south-caucasus theatre pack",
        "",
        "## Who's On First (CC-BY 4.0)",
        "",
        "`places.tsv` is derived from Who's On First, a gazetteer by Mapzen and",
        "its contributors, licensed under the Creative Commons Attribution 4.0",
        "license (https://creativecommons.org/licenses/by/4.0/); see",
        "https://whosonfirst.org/docs/licenses/ and the copy of the licence",
        "notes shipped with the extract (`data/gazetteer/wof/LICENSE_whosonfirst.md`",
        "in the project's shared data).",
        "Data from Who's On First. License: https://whosonfirst.org/docs/licenses/",
        "",
        "Who's On First includes data from GeoNames (https://www.geonames.org/,",
        "CC-BY 4.0): most village points, their GeoNames identifiers and many",
        "alternate names come from GeoNames. The Azerbaijani district geometry",
        "behind the computed extents comes from Mesoshapes (CC0) via Who's On",
        "First; the Armenian province geometry from Quattroshapes (CC-BY).",
        "",
        "Repositories and commits the extract was taken from:",
        "",
    ]
    for repo, commit in src:
        lines.append(f"- https://github.com/{repo} at commit `{commit}`")
    if not src:
        lines.append("- (MANIFEST.md not found: see ../shared/data/MANIFEST.md)")
    lines += [
        "",
        "Changes made to the Who's On First data (Creative Commons asks that",
        "changes be indicated):",
        "",
        "- Kept: countries, provinces (Armenia), economic regions and districts",
        "  / cities (Azerbaijan), Armenia's former raions, localities and",
        "  Armenian communities (localadmin); rows marked deprecated and",
        "  neighbourhoods are left out. Rows of unknown or past currentness",
        "  (many Karabakh villages) are kept.",
        f"- {stats['merged']} rows merged into another row describing the same place",
        "  (same Wikidata or GeoNames id, same name within 2 km, an Armenian",
        "  community into its same-name village or town within 10 km, a",
        "  city-status district into its city); their names were combined.",
        f"- {stats['features']} Armenian WOF localities with GeoNames ids of 10,000,000 and",
        "  above (a later bulk addition) left out: almost all are ruins, chapels,",
        "  khachkars, springs or fields, not settlements. Kept when an",
        "  Azerbaijani or Russian name, a population, a Wikidata id or a",
        "  community of that name marks a settlement.",
        f"- {stats['dropped']} row(s) removed by hand (`curated/places_overrides.tsv`, kind `drop`).",
        "- Rows corrected by hand keep their `wof:` id and have `source` = `curated`.",
        "- Names: English, Azerbaijani, Armenian, Russian and other names from",
        "  WOF, plus generated transliterations (Azerbaijani Latin, Armenian and",
        "  Russian to English-style Latin, diacritics stripped). The canonical",
        "  English name is generated from the Azerbaijani name for places in",
        "  Azerbaijan and from WOF's romanization, without apostrophes, for",
        "  Armenia.",
        "- `kind` is derived from WOF's placetype and population; `admin1` /",
        "  `admin2` from WOF's hierarchy, or by point-in-polygon on WOF's admin",
        "  polygons where the hierarchy is missing. Azerbaijan's `admin1` is",
        "  the economic region of the 2021 division (14 regions), mapped by",
        "  hand in `curated/az_districts.tsv`; its centroid and radius are",
        "  computed from the member districts' WOF polygons. WOF's own ten",
        "  (pre-2021) economic regions are kept as regions.",
        "- `radius_km` of areas: the distance from the WOF centroid to the",
        "  farthest vertex of the polygon's main parts.",
        "",
        "## Hand-curated additions and corrections",
        "",
        "Everything in `curated/` was written by hand for this project:",
        "",
        "- `places_overrides.tsv`: corrections (wrong or misplaced WOF rows,",
        "  e.g. the Lachin district that WOF names 'Lankaran', Sugovushan /",
        "  Madagiz placed 11 km off, Lachin town, Sotk, Artanish, Dashkasan),",
        "  spellings news uses, and places WOF lacks (e.g. Ishkhanasar).",
        "- `zones.tsv`: zones, routes, borders and regions named in news",
        "  (Karabakh, the Russian peacekeepers' zone of responsibility, the",
        "  Lachin corridor, the line of contact, the Armenia-Azerbaijan border,",
        "  Lake Sevan, Zangezur, the Sarsang Reservoir, named roads).",
        "- `az_districts.tsv`, `az_economic_regions.tsv`: English names of the",
        "  Azerbaijani districts and the 2021 economic regions.",
        "- `actors.tsv`: actors, their wordings, offices and dates.",
        "- `stop_names.txt`: place names that are also English words (\"Top\",",
        "  \"Bank\"), copied to the pack's `stop_names.txt`.",
        "- `inflections.json`: Russian and Armenian case endings, copied to",
        "  `pack.json` (\"inflections\"); the pack loader adds the inflected",
        "  forms of the place names (\"Агдаме\", \"Ստեփանակերտում\") when it",
        "  reads the pack. No inflected form is stored in `places.tsv`.",
        "",
        "Coordinates and radii of curated rows are hand-curated approximations",
        "(typically within 1-2 km for settlements; zones, routes and borders are",
        "a centroid and a radius that covers them). They were not surveyed.",
        "",
        "## Counts",
        "",
        f"- places.tsv: {stats['rows']} rows; by kind: {plain(stats['by_kind'])};",
        f"  by country: {plain(stats['by_country'])}; by source: {plain(stats['by_source'])}",
        f"- actors.tsv: {stats['actors']} rows",
        "",
    ]
    # Hand-written sections of other parts of the pack (agreements/) keep
    # their own source notes; the pack's attribution carries them.
    extra = os.path.join(os.path.dirname(path), "agreements", "SOURCES.md")
    if os.path.exists(extra):
        with open(extra, encoding="utf-8") as f:
            lines += ["", f.read().rstrip(), ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main(argv=None):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.relpath(os.path.join(root, "..", "shared")),
                    help="the shared data directory (default: ../shared next to the repo)")
    ap.add_argument("--out", default=os.path.relpath(os.path.join(root, "data", "theatres", "south-caucasus")))
    ap.add_argument("--curated", default=None, help="default: OUT/curated")
    ap.add_argument("--keep-am-features", action="store_true",
                    help="keep Armenia's GeoNames points (ids >= 10,000,000) that are not settlements")
    ap.add_argument("--merge-log", default=None, help="write the merged rows (id, into, id, name) here")
    a = ap.parse_args(argv)
    curated = a.curated or os.path.join(a.out, "curated")
    stats = build(a.shared, a.out, curated, a.merge_log, a.keep_am_features)
    print(f"places.tsv: {stats['rows']} rows {stats['by_kind']} {stats['by_country']} "
          f"{stats['by_source']}; merged {stats['merged']}, dropped {stats['dropped']}, "
          f"non-settlement points left out {stats['features']}; "
          f"actors.tsv: {stats['actors']} rows; stop_names.txt: {stats['stop_names']} names")


if __name__ == "__main__":
    main()

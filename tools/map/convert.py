#!/usr/bin/env python3
"""Converts Natural Earth country shapes into the compact map file the bot draws from.

Input: `countries-50m.json` from the npm package `world-atlas` (TopoJSON of Natural Earth's
1:50m admin-0 countries, public domain). Output: `data/map/world.bin`, already projected with the
Equal Earth projection, quantised and lightly simplified, so that the Rust build needs neither npm
nor any geometry library. Run once, by hand, when the shapes should change:

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/map/convert.py package/countries-50m.json data/map/world.bin

What it does besides projecting:
- numeric ISO 3166-1 ids become alpha-2 codes (table below; Kosovo is XK, Somaliland is drawn as
  part of SO and Northern Cyprus as part of CY, the Siachen Glacier and Indian Ocean Territories
  get no code);
- Antarctica is left out (no service facts, and it would take a fifth of the picture);
- Crimea becomes its own region, UA-43: polygons of Russia inside the peninsula's box are moved to
  it, or, if a future version draws Crimea inside Ukraine, Ukraine's polygon is cut along the
  Perekop isthmus at 46.05 N;
- rings that cross the antimeridian (Russia's Chukotka, Fiji) are unwrapped and cut at 180 E/W so
  that no edge runs across the whole map;
- a few places too small for the 1:50m file (Gibraltar, Tuvalu, Tokelau), and places whose
  shape vanishes when quantised (the Vatican), get a point only, so the map can mark them.

File format (little-endian): b"SBWORLD1", u32 width, u32 height (grid units; 10 per pixel of a
1600-pixel-wide map), u16 feature count; per feature: u8 code length, code (ASCII), i32 label x,
i32 label y (a point inside its largest polygon, for markers), u16 polygon count; per polygon:
u16 ring count; per ring: u32 point count, then the points as zigzag varint deltas (x, y) from
the previous point (the first from 0, 0). y grows downwards.
"""

import json
import math
import struct
import sys

GRID_WIDTH = 16000
# Latitudes kept (Antarctica is dropped; the northernmost land is at 83.6 N).
LAT_TOP, LAT_BOTTOM = 84.0, -60.0
# Douglas-Peucker tolerance in degrees for arcs (about 0.15 px on a 1600-pixel map).
SIMPLIFY_DEG = 0.02

NUMERIC_TO_ALPHA2 = {
"004": "AF",  # Afghanistan
"008": "AL",  # Albania
"010": "AQ",  # Antarctica
"012": "DZ",  # Algeria
"016": "AS",  # American Samoa
"020": "AD",  # Andorra
"024": "AO",  # Angola
"028": "AG",  # Antigua and Barb.
"031": "AZ",  # Azerbaijan
"032": "AR",  # Argentina
"036": "AU",  # Ashmore and Cartier Is.
"040": "AT",  # Austria
"044": "BS",  # Bahamas
"048": "BH",  # Bahrain
"050": "BD",  # Bangladesh
"051": "AM",  # Armenia
"052": "BB",  # Barbados
"056": "BE",  # Belgium
"060": "BM",  # Bermuda
"064": "BT",  # Bhutan
"068": "BO",  # Bolivia
"070": "BA",  # Bosnia and Herz.
"072": "BW",  # Botswana
"076": "BR",  # Brazil
"084": "BZ",  # Belize
"086": "IO",  # Br. Indian Ocean Ter.
"090": "SB",  # Solomon Is.
"092": "VG",  # British Virgin Is.
"096": "BN",  # Brunei
"100": "BG",  # Bulgaria
"104": "MM",  # Myanmar
"108": "BI",  # Burundi
"112": "BY",  # Belarus
"116": "KH",  # Cambodia
"120": "CM",  # Cameroon
"124": "CA",  # Canada
"132": "CV",  # Cabo Verde
"136": "KY",  # Cayman Is.
"140": "CF",  # Central African Rep.
"144": "LK",  # Sri Lanka
"148": "TD",  # Chad
"152": "CL",  # Chile
"156": "CN",  # China
"158": "TW",  # Taiwan
"170": "CO",  # Colombia
"174": "KM",  # Comoros
"178": "CG",  # Congo
"180": "CD",  # Dem. Rep. Congo
"184": "CK",  # Cook Is.
"188": "CR",  # Costa Rica
"191": "HR",  # Croatia
"192": "CU",  # Cuba
"196": "CY",  # Cyprus
"203": "CZ",  # Czechia
"204": "BJ",  # Benin
"208": "DK",  # Denmark
"212": "DM",  # Dominica
"214": "DO",  # Dominican Rep.
"218": "EC",  # Ecuador
"222": "SV",  # El Salvador
"226": "GQ",  # Eq. Guinea
"231": "ET",  # Ethiopia
"232": "ER",  # Eritrea
"233": "EE",  # Estonia
"234": "FO",  # Faeroe Is.
"238": "FK",  # Falkland Is.
"239": "GS",  # S. Geo. and the Is.
"242": "FJ",  # Fiji
"246": "FI",  # Finland
"248": "AX",  # Åland
"250": "FR",  # France
"258": "PF",  # Fr. Polynesia
"260": "TF",  # Fr. S. Antarctic Lands
"262": "DJ",  # Djibouti
"266": "GA",  # Gabon
"268": "GE",  # Georgia
"270": "GM",  # Gambia
"275": "PS",  # Palestine
"276": "DE",  # Germany
"288": "GH",  # Ghana
"296": "KI",  # Kiribati
"300": "GR",  # Greece
"304": "GL",  # Greenland
"308": "GD",  # Grenada
"316": "GU",  # Guam
"320": "GT",  # Guatemala
"324": "GN",  # Guinea
"328": "GY",  # Guyana
"332": "HT",  # Haiti
"334": "HM",  # Heard I. and McDonald Is.
"336": "VA",  # Vatican
"340": "HN",  # Honduras
"344": "HK",  # Hong Kong
"348": "HU",  # Hungary
"352": "IS",  # Iceland
"356": "IN",  # India
"360": "ID",  # Indonesia
"364": "IR",  # Iran
"368": "IQ",  # Iraq
"372": "IE",  # Ireland
"376": "IL",  # Israel
"380": "IT",  # Italy
"384": "CI",  # Côte d'Ivoire
"388": "JM",  # Jamaica
"392": "JP",  # Japan
"398": "KZ",  # Kazakhstan
"400": "JO",  # Jordan
"404": "KE",  # Kenya
"408": "KP",  # North Korea
"410": "KR",  # South Korea
"414": "KW",  # Kuwait
"417": "KG",  # Kyrgyzstan
"418": "LA",  # Laos
"422": "LB",  # Lebanon
"426": "LS",  # Lesotho
"428": "LV",  # Latvia
"430": "LR",  # Liberia
"434": "LY",  # Libya
"438": "LI",  # Liechtenstein
"440": "LT",  # Lithuania
"442": "LU",  # Luxembourg
"446": "MO",  # Macao
"450": "MG",  # Madagascar
"454": "MW",  # Malawi
"458": "MY",  # Malaysia
"462": "MV",  # Maldives
"466": "ML",  # Mali
"470": "MT",  # Malta
"478": "MR",  # Mauritania
"480": "MU",  # Mauritius
"484": "MX",  # Mexico
"492": "MC",  # Monaco
"496": "MN",  # Mongolia
"498": "MD",  # Moldova
"499": "ME",  # Montenegro
"500": "MS",  # Montserrat
"504": "MA",  # Morocco
"508": "MZ",  # Mozambique
"512": "OM",  # Oman
"516": "NA",  # Namibia
"520": "NR",  # Nauru
"524": "NP",  # Nepal
"528": "NL",  # Netherlands
"531": "CW",  # Curaçao
"533": "AW",  # Aruba
"534": "SX",  # Sint Maarten
"540": "NC",  # New Caledonia
"548": "VU",  # Vanuatu
"554": "NZ",  # New Zealand
"558": "NI",  # Nicaragua
"562": "NE",  # Niger
"566": "NG",  # Nigeria
"570": "NU",  # Niue
"574": "NF",  # Norfolk Island
"578": "NO",  # Norway
"580": "MP",  # N. Mariana Is.
"583": "FM",  # Micronesia
"584": "MH",  # Marshall Is.
"585": "PW",  # Palau
"586": "PK",  # Pakistan
"591": "PA",  # Panama
"598": "PG",  # Papua New Guinea
"600": "PY",  # Paraguay
"604": "PE",  # Peru
"608": "PH",  # Philippines
"612": "PN",  # Pitcairn Is.
"616": "PL",  # Poland
"620": "PT",  # Portugal
"624": "GW",  # Guinea-Bissau
"626": "TL",  # Timor-Leste
"630": "PR",  # Puerto Rico
"634": "QA",  # Qatar
"642": "RO",  # Romania
"643": "RU",  # Russia
"646": "RW",  # Rwanda
"652": "BL",  # St-Barthélemy
"654": "SH",  # Saint Helena
"659": "KN",  # St. Kitts and Nevis
"660": "AI",  # Anguilla
"662": "LC",  # Saint Lucia
"663": "MF",  # St-Martin
"666": "PM",  # St. Pierre and Miquelon
"670": "VC",  # St. Vin. and Gren.
"674": "SM",  # San Marino
"678": "ST",  # São Tomé and Principe
"682": "SA",  # Saudi Arabia
"686": "SN",  # Senegal
"688": "RS",  # Serbia
"690": "SC",  # Seychelles
"694": "SL",  # Sierra Leone
"702": "SG",  # Singapore
"703": "SK",  # Slovakia
"704": "VN",  # Vietnam
"705": "SI",  # Slovenia
"706": "SO",  # Somalia
"710": "ZA",  # South Africa
"716": "ZW",  # Zimbabwe
"724": "ES",  # Spain
"728": "SS",  # S. Sudan
"729": "SD",  # Sudan
"732": "EH",  # W. Sahara
"740": "SR",  # Suriname
"748": "SZ",  # eSwatini
"752": "SE",  # Sweden
"756": "CH",  # Switzerland
"760": "SY",  # Syria
"762": "TJ",  # Tajikistan
"764": "TH",  # Thailand
"768": "TG",  # Togo
"776": "TO",  # Tonga
"780": "TT",  # Trinidad and Tobago
"784": "AE",  # United Arab Emirates
"788": "TN",  # Tunisia
"792": "TR",  # Turkey
"795": "TM",  # Turkmenistan
"796": "TC",  # Turks and Caicos Is.
"800": "UG",  # Uganda
"804": "UA",  # Ukraine
"807": "MK",  # Macedonia
"818": "EG",  # Egypt
"826": "GB",  # United Kingdom
"831": "GG",  # Guernsey
"832": "JE",  # Jersey
"833": "IM",  # Isle of Man
"834": "TZ",  # Tanzania
"840": "US",  # United States of America
"850": "VI",  # U.S. Virgin Is.
"854": "BF",  # Burkina Faso
"858": "UY",  # Uruguay
"860": "UZ",  # Uzbekistan
"862": "VE",  # Venezuela
"876": "WF",  # Wallis and Futuna Is.
"882": "WS",  # Samoa
"887": "YE",  # Yemen
"894": "ZM",  # Zambia
}
BY_NAME = {"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}
DROPPED = {"AQ"}
POINTS_ONLY = [("GI", -5.35, 36.14), ("TV", 179.19, -8.52), ("TK", -171.85, -9.2)]
CRIMEA_BOX = (32.2, 36.8, 44.2, 46.3)  # lon min, lon max, lat min, lat max
CRIMEA_CUT_LAT = 46.05
SIMFEROPOL = (34.10, 44.95)

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX = equal_earth(180, 0)[0]
Y_TOP = equal_earth(0, LAT_TOP)[1]
Y_BOTTOM = equal_earth(0, LAT_BOTTOM)[1]
SCALE = GRID_WIDTH / (2 * X_MAX)
GRID_HEIGHT = round((Y_TOP - Y_BOTTOM) * SCALE)


def to_grid(lon, lat):
    x, y = equal_earth(lon, max(min(lat, 90), -90))
    return round((x + X_MAX) * SCALE), round((Y_TOP - y) * SCALE)


def simplify(points, tol):
    """Douglas-Peucker, keeping both ends."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, best_i = -1.0, None
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, best_i = d, i
        if best_i is not None and best > tol:
            keep[best_i] = True
            stack.append((a, best_i))
            stack.append((best_i, b))
    return [p for p, k in zip(points, keep) if k]


def decode_arcs(topo):
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        if not any(abs(a[0] - b[0]) > 180 for a, b in zip(pts, pts[1:])):
            pts = simplify(pts, SIMPLIFY_DEG)
        arcs.append(pts)
    return arcs


def ring_of(arcs, indices):
    out = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def clip(ring, inside, cross):
    """Sutherland-Hodgman against one half-plane: inside(p) -> bool, cross(p, q) -> point."""
    out = []
    if not ring:
        return out
    prev = ring[-1]
    for cur in ring:
        if inside(cur):
            if not inside(prev):
                out.append(cross(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(cross(prev, cur))
        prev = cur
    return out


def at_lon(lon):
    def cross(p, q):
        t = (lon - p[0]) / (q[0] - p[0])
        return (lon, p[1] + t * (q[1] - p[1]))
    return cross


def at_lat(lat):
    def cross(p, q):
        t = (lat - p[1]) / (q[1] - p[1])
        return (p[0] + t * (q[0] - p[0]), lat)
    return cross


def split_antimeridian(ring):
    """Unwraps a ring that jumps across 180 degrees and cuts it into pieces inside -180..180."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:])):
        return [ring]
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        prev = unwrapped[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        unwrapped.append((lon, lat))
    pieces = []
    for lo, shift in ((-540, 360), (-180, 0), (180, -360)):
        part = clip(unwrapped, lambda p, lo=lo: p[0] >= lo, at_lon(lo))
        part = clip(part, lambda p, hi=lo + 360: p[0] <= hi, at_lon(lo + 360))
        if len(part) >= 3:
            pieces.append([(x + shift, y) for x, y in part])
    return pieces


def inside_ring(pt, ring):
    x, y = pt
    hit = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            hit = not hit
    return hit


def in_crimea_box(ring):
    lo0, lo1, la0, la1 = CRIMEA_BOX
    return all(lo0 <= x <= lo1 and la0 <= y <= la1 for x, y in ring)


def cut_crimea(polygon):
    """Splits a polygon (list of rings) that holds Crimea: (crimea part, rest parts)."""
    lo0 = CRIMEA_BOX[0]
    south = lambda p: p[1] < CRIMEA_CUT_LAT  # noqa: E731
    east = lambda p: p[0] > lo0  # noqa: E731
    crimea, rest_north, rest_west = [], [], []
    for ring in polygon:
        c = clip(clip(ring, south, at_lat(CRIMEA_CUT_LAT)), east, at_lon(lo0))
        n = clip(ring, lambda p: not south(p), at_lat(CRIMEA_CUT_LAT))
        w = clip(clip(ring, south, at_lat(CRIMEA_CUT_LAT)), lambda p: not east(p), at_lon(lo0))
        for out, part in ((crimea, c), (rest_north, n), (rest_west, w)):
            if len(part) >= 3:
                out.append(part)
    return crimea, [p for p in (rest_north, rest_west) if p]


def features_of(topo):
    arcs = decode_arcs(topo)
    features = {}
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        code = NUMERIC_TO_ALPHA2.get(g.get("id")) or BY_NAME.get(name, "")
        if code in DROPPED:
            continue
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        for poly in polys:
            rings = [ring_of(arcs, r) for r in poly]
            target = code
            if code == "RU" and in_crimea_box(rings[0]):
                target = "UA-43"
            if code == "UA" and inside_ring(SIMFEROPOL, rings[0]):
                crimea, rest = cut_crimea(rings)
                features.setdefault("UA-43", []).append(crimea)
                features.setdefault("UA", []).extend(rest)
                continue
            features.setdefault(target, []).append(rings)
    return features


def project(features):
    out = {}
    fallback = {}
    for code, polys in features.items():
        # Where a place too small to survive quantisation is marked: its first ring's middle.
        ring = polys[0][0]
        fallback[code] = to_grid(sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
        projected = []
        for poly in polys:
            # A ring cut at the antimeridian may become several outer rings; holes follow
            # their outer ring's first piece (only Russia and Fiji are cut, and have no holes).
            pieces = split_antimeridian(poly[0])
            holes = [h for ring in poly[1:] for h in split_antimeridian(ring)]
            for k, piece in enumerate(pieces):
                rings = [piece] + (holes if k == 0 else [])
                grid_rings = []
                for ring in rings:
                    pts = []
                    for lon, lat in ring:
                        p = to_grid(lon, lat)
                        if not pts or pts[-1] != p:
                            pts.append(p)
                    if len(pts) > 1 and pts[0] == pts[-1]:
                        pts.pop()
                    if len(pts) >= 3:
                        grid_rings.append(pts)
                if grid_rings:
                    projected.append(grid_rings)
        out[code] = projected if projected else fallback[code]
    return out


def area(ring):
    return sum(ax * by - bx * ay for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1])) / 2


def label_point(polys):
    ring = max((p[0] for p in polys), key=lambda r: abs(area(r)))
    a = area(ring)
    if a == 0:
        return ring[0]
    cx = sum((ax + bx) * (ax * by - bx * ay) for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]))
    cy = sum((ay + by) * (ax * by - bx * ay) for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]))
    c = (round(cx / (6 * a)), round(cy / (6 * a)))
    return c if inside_ring(c, ring) else ring[len(ring) // 2]


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(n):
    return varint((n << 1) ^ (n >> 63))


def write(projected, path):
    entries = sorted(projected.items(), key=lambda kv: kv[0])
    for code, lon, lat in POINTS_ONLY:
        if code not in projected:
            entries.append((code, lon, lat))
    out = bytearray(b"SBWORLD1")
    out += struct.pack("<IIH", GRID_WIDTH, GRID_HEIGHT, len(entries))
    points = 0
    for entry in entries:
        code = entry[0].encode("ascii")
        if len(entry) == 3:
            polys, label = [], to_grid(entry[1], entry[2])
        elif isinstance(entry[1], tuple):
            polys, label = [], entry[1]
        else:
            polys = entry[1]
            label = label_point(polys)
        out += struct.pack("<B", len(code)) + code
        out += struct.pack("<iiH", label[0], label[1], len(polys))
        for poly in polys:
            out += struct.pack("<H", len(poly))
            for ring in poly:
                out += struct.pack("<I", len(ring))
                px = py = 0
                for x, y in ring:
                    out += zigzag(x - px) + zigzag(y - py)
                    px, py = x, y
                points += len(ring)
    with open(path, "wb") as f:
        f.write(out)
    print(f"{path}: {len(entries)} features, {points} points, {len(out)} bytes, "
          f"grid {GRID_WIDTH}x{GRID_HEIGHT}")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert.py countries-50m.json world.bin")
    with open(sys.argv[1], encoding="utf-8") as f:
        topo = json.load(f)
    write(project(features_of(topo)), sys.argv[2])


if __name__ == "__main__":
    main()

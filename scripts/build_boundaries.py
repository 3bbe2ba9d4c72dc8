#!/usr/bin/env python3
"""Derive the dashboard's boundary map from Who's On First polygons.

    scripts/build_boundaries.py [--src FILE] [--out FILE] [--tolerance DEG]

Reads ../shared/data/gazetteer/wof/wof_am_az_admin_polygons.geojson (the
admin polygons extracted from Who's On First, CC-BY 4.0) and writes
data/theatres/south-caucasus/boundaries.geojson: a FeatureCollection of
Armenia and Azerbaijan (placetype `country`) and their current provinces
and districts (placetype `region`), each ring simplified with
Douglas-Peucker (default tolerance 0.005 degrees, about 500 m) and its
coordinates rounded to 4 decimals. Rings that collapse (fewer than four
points) are dropped. The top-level `attribution` and `sources` members
carry the licence notice the dashboard shows on its map.

Each feature keeps: wof_id, placetype, name, name_eng, country, src_geom.
Deterministic: the same input gives byte-identical output.
"""
import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SRC = os.path.join(ROOT, "..", "shared", "data", "gazetteer", "wof",
                           "wof_am_az_admin_polygons.geojson")
DEFAULT_OUT = os.path.join(ROOT, "data", "theatres", "south-caucasus",
                           "boundaries.geojson")

ATTRIBUTION = ("Boundaries: Who's On First (CC-BY 4.0, "
               "https://whosonfirst.org/docs/licenses/), incl. Quattroshapes "
               "(CC-BY) and Mesoshapes (CC0); simplified")
KEEP_PROPS = ("wof_id", "placetype", "name", "name_eng", "country", "src_geom")


def perpendicular_distance(p, a, b):
    """Distance (in degrees) from point p to segment a-b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def douglas_peucker(points, tolerance):
    """Keep the first and last point and every point farther than
    `tolerance` from the simplified line (iterative, no recursion limit)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = perpendicular_distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tolerance):
    """A closed ring simplified and rounded, or None when it collapses.
    The ring is split at its point farthest from the start so that
    Douglas-Peucker sees two open lines (a closed line has first == last)."""
    if len(ring) < 4:
        return None
    start = ring[0]
    far = max(range(len(ring)),
              key=lambda i: (ring[i][0] - start[0]) ** 2 + (ring[i][1] - start[1]) ** 2)
    half1 = douglas_peucker(ring[:far + 1], tolerance)
    half2 = douglas_peucker(ring[far:], tolerance)
    out = []
    for x, y in half1 + half2[1:]:
        pt = [round(x, 4), round(y, 4)]
        if not out or out[-1] != pt:
            out.append(pt)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def simplify_polygon(rings, tolerance):
    """Outer ring first; a polygon whose outer ring collapses is dropped."""
    out = []
    for i, ring in enumerate(rings):
        r = simplify_ring(ring, tolerance)
        if r is None:
            if i == 0:
                return None
            continue
        out.append(r)
    return out


def simplify_geometry(geom, tolerance):
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    kept = [p for p in (simplify_polygon(p, tolerance) for p in polys) if p]
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def wanted(props):
    """Countries, and provinces/districts that Who's On First marks current."""
    if props.get("country") not in ("AM", "AZ"):
        return False
    if props.get("placetype") == "country":
        return True
    return props.get("placetype") == "region" and props.get("is_current") == 1


def build(src, tolerance):
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    features = []
    for feat in data["features"]:
        props = feat["properties"]
        if not wanted(props):
            continue
        geom = simplify_geometry(feat["geometry"], tolerance)
        if geom is None:
            continue
        features.append({"type": "Feature",
                         "properties": {k: props.get(k) for k in KEEP_PROPS},
                         "geometry": geom})
    # Countries first (drawn beneath), then by country and name.
    features.sort(key=lambda f: (f["properties"]["placetype"] != "country",
                                 f["properties"]["country"], f["properties"]["name"] or ""))
    return {"type": "FeatureCollection",
            "attribution": ATTRIBUTION,
            "sources": {"data": "Who's On First admin polygons, Armenia and Azerbaijan",
                        "licence": "CC-BY 4.0 https://whosonfirst.org/docs/licenses/",
                        "derivation": "scripts/build_boundaries.py: countries and current "
                                      "regions kept, Douglas-Peucker %.4f deg, "
                                      "coordinates rounded to 4 decimals" % tolerance},
            "features": features}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=DEFAULT_SRC)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--tolerance", type=float, default=0.005)
    args = ap.parse_args()
    if not os.path.exists(args.src):
        sys.exit("build_boundaries.py: source not found: %s" % args.src)
    out = build(args.src, args.tolerance)
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    print("build_boundaries.py: %d features, %d bytes -> %s"
          % (len(out["features"]), len(text) + 1, args.out))


if __name__ == "__main__":
    main()

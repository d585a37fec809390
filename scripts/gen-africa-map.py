#!/usr/bin/env python3
"""Generates data/map/africa.json, the dashboard's map of Africa, from world-atlas.

Run once, by hand, when the map should change (the output is committed; this script is not
run by the build or the tests):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 scripts/gen-africa-map.py /tmp/package/countries-50m.json > data/map/africa.json

world-atlas (ISC licence) packages Natural Earth's 1:50m admin-0 countries (public domain)
as TopoJSON. The 1:110m file lacks five island states, so the 1:50m one is used. What it does:
- decodes the quantised, delta-encoded arcs into longitude/latitude;
- simplifies every shared arc once (Douglas-Peucker, in screen units), so neighbouring
  countries keep a common border with no slivers between them;
- keeps the 54 states of data/gazetteer.toml, matched on their ISO numeric code; folds
  Somaliland (no code in Natural Earth) into Somalia; keeps Western Sahara (732) apart as a
  disputed territory, drawn grey;
- drops far outlying islands outside the frame (South Africa's Prince Edward Islands,
  Mauritius's Rodrigues and Agaléga);
- projects equirectangularly (x grows east, y grows south) into a WIDTH-wide frame;
- gives the states too small to see or click at that size a marker point.
"""

import json
import math
import sys
import tomllib
from pathlib import Path

WIDTH = 800.0
# The frame, in degrees: Cabo Verde in the west, Mauritius's main island in the east,
# Tunisia in the north, the Cape in the south.
LON_MIN, LON_MAX = -26.0, 58.5
LAT_MIN, LAT_MAX = -35.5, 38.0
TOLERANCE = 0.35  # screen units
MARKED = ["CV", "KM", "MU", "ST", "SC", "GM"]
SOMALILAND = "Somaliland"
WESTERN_SAHARA = "732"

ROOT = Path(__file__).resolve().parent.parent
K = WIDTH / (LON_MAX - LON_MIN)
HEIGHT = round((LAT_MAX - LAT_MIN) * K, 1)


def project(lon, lat):
    return ((lon - LON_MIN) * K, (LAT_MAX - lat) * K)


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append(project(x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def douglas_peucker(pts, tol):
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if d > best:
                best, idx = d, i
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(pts, keep) if k]


def ring_points(ring, arcs):
    out = []
    for i in ring:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def area(pts):
    return 0.5 * sum(
        pts[i - 1][0] * pts[i][1] - pts[i][0] * pts[i - 1][1] for i in range(len(pts))
    )


def centroid(pts):
    a = area(pts)
    if abs(a) < 1e-9:
        xs, ys = zip(*pts)
        return (sum(xs) / len(xs), sum(ys) / len(ys))
    cx = cy = 0.0
    for i in range(len(pts)):
        (x0, y0), (x1, y1) = pts[i - 1], pts[i]
        c = x0 * y1 - x1 * y0
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    return (cx / (6 * a), cy / (6 * a))


def in_frame(pts):
    x, y = centroid(pts)
    return 0 <= x <= WIDTH and 0 <= y <= HEIGHT


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def path_data(rings):
    parts = []
    for pts in rings:
        coords = " ".join(f"{x:g},{y:g}" for x, y in pts[:-1])
        parts.append(f"M{coords}Z")
    return "".join(parts)


def dedupe(pts):
    out = []
    for x, y in pts:
        p = (round(x, 1), round(y, 1))
        if not out or out[-1] != p:
            out.append(p)
    return out


def main():
    topo = json.load(open(sys.argv[1]))
    raw = decode_arcs(topo)
    simplified = [douglas_peucker(a, TOLERANCE) for a in raw]
    gaz = tomllib.load(open(ROOT / "data" / "gazetteer.toml", "rb"))
    by_numeric = {c["numeric"]: c for c in gaz["country"]}
    somalia = next(c for c in gaz["country"] if c["iso2"] == "SO")

    shapes = {}  # key -> list of rings (each a list of points)
    for g in topo["objects"]["countries"]["geometries"]:
        gid, name = g.get("id"), g.get("properties", {}).get("name")
        if gid == WESTERN_SAHARA:
            key = "EH"
        elif gid in by_numeric:
            key = by_numeric[gid]["iso2"]
        elif gid is None and name == SOMALILAND:
            key = somalia["iso2"]
        else:
            continue
        for poly in polygons(g):
            outer = ring_points(poly[0], raw)
            if not in_frame(outer):
                continue
            for ring in poly:
                pts = dedupe(ring_points(ring, simplified))
                if len(pts) < 4:
                    # Simplified away: keep a tiny island as its full-detail outline.
                    pts = dedupe(ring_points(ring, raw))
                shapes.setdefault(key, []).append(pts)

    missing = [c["iso2"] for c in gaz["country"] if c["iso2"] not in shapes]
    if missing:
        sys.exit(f"no geometry for {missing}")

    countries = {}
    for c in sorted(gaz["country"], key=lambda c: c["iso2"]):
        rings = shapes[c["iso2"]]
        entry = {"name": c["name"], "d": path_data(rings)}
        if c["iso2"] in MARKED:
            # The marker sits on the largest island (the mainland for The Gambia).
            big = max(rings, key=lambda r: abs(area(r)))
            x, y = centroid(big)
            entry["marker"] = [round(x, 1), round(y, 1)]
        countries[c["iso2"]] = entry

    out = {
        "about": "Africa's 54 states for orbit's dashboard map; generated by scripts/gen-africa-map.py, see README.md here",
        "source": "world-atlas 2.0.2 countries-50m.json (ISC licence): Natural Earth 1:50m admin-0 countries (public domain)",
        "projection": f"equirectangular: x = (lon - ({LON_MIN})) * {K:.6f}, y = ({LAT_MAX} - lat) * {K:.6f}",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": countries,
        "territories": {"EH": {"name": "Western Sahara", "d": path_data(shapes["EH"])}},
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

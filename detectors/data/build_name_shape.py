#!/usr/bin/env python3
"""Train the name-shape model (`name_shape.bin`) from public name and word lists.

    python3 detectors/data/build_name_shape.py [--report]

A logistic regression over hashed character n-grams of one lower-case word
that says how much the word looks like a given name or a surname rather than
an ordinary word. The PERSON stage asks it about capitalized words that no
dictionary holds ("Nomvula", "Oyelaran"), so names from traditions the
dictionaries do not list are still found where the context allows a name.

Sources (downloaded with `pip download --no-deps` from PyPI, pinned):
- names: every Latin-script given-name and surname list of Faker 40.63.0's
  person providers (MIT), 60 locales, and this folder's `given_names.txt`
  and `surnames.txt` (US Census 1990, public domain, and Faker);
- ordinary words: the lemma lookup tables of spacy-lookups-data 1.0.5 (MIT;
  the English table is derived from WordNet 3.0, © Princeton University,
  under its permissive licence) for en, de, fr, es, it, pt and nl, both the
  inflected forms and the lemmas, less every word that is also a name, and
  this folder's `common_words.txt`.

No list built from leaked personal data is used.

Training is deterministic (fixed seed, sorted inputs, pure Python): AdaGrad
logistic regression on all names, every English word form and every lemma,
and inflected forms of the other languages sampled up to 400,000 words (the
lemmas and English forms weigh 4 times more), 6 epochs, classes weighted equally. The output is
2^BITS signed bytes (weight / SCALE) and a little-endian f32 bias, read by
`detectors/src/name_shape.rs` with the same features and hash.

`--report` holds out five whole locales' names (unseen cultures) and a
tenth of the words, trains on the rest, and prints accuracy at the
thresholds the detectors use.
"""
import gzip
import importlib
import json
import math
import pathlib
import random
import struct
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
BITS = 18
SCALE = 24.0  # a weight of w is stored as round(w * SCALE), clamped to i8
NGRAMS = (2, 3, 4, 5)
WORD_LANGS = ["en", "de", "fr", "es", "it", "pt", "nl"]
HELD_OUT_LOCALES = ["yo_NG", "tw_GH", "lv_LV", "uz_UZ", "fi_FI"]
NEGATIVES = 400_000
EPOCHS = 6
CORE_WEIGHT = 4.0
WHEELS = ["faker==40.63.0", "spacy-lookups-data==1.0.5"]


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for c in data:
        h ^= c
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def features(word: str) -> list[int]:
    """Hashed n-grams of '^word$' (lower case, NFC), as the Rust side computes them."""
    w = "^" + word + "$"
    chars = list(w)
    out = []
    mask = (1 << BITS) - 1
    for n in NGRAMS:
        for i in range(len(chars) - n + 1):
            g = "".join(chars[i : i + n]).encode("utf-8")
            out.append(fnv1a(bytes([n]) + g) & mask)
    return out


def latin_word(w: str) -> bool:
    return (
        2 <= len(w) <= 24
        and all(c.isalpha() and "LATIN" in unicodedata.name(c, "") or c in "-'" for c in w)
        and w[0].isalpha()
    )


def norm(w: str) -> str:
    return unicodedata.normalize("NFC", w.strip().lower())


def download(dest: pathlib.Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), *WHEELS],
        check=True,
    )
    for whl in dest.glob("*.whl"):
        with zipfile.ZipFile(whl) as z:
            z.extractall(dest / "x")


def faker_names(root: pathlib.Path) -> dict[str, set[str]]:
    sys.path.insert(0, str(root))
    base = root / "faker" / "providers" / "person"
    out: dict[str, set[str]] = {}
    for d in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith("_")):
        try:
            provider = importlib.import_module(f"faker.providers.person.{d.name}").Provider
        except Exception:  # a locale whose module needs more than the standard library
            continue
        names: set[str] = set()
        for attr in sorted(dir(provider)):
            if attr.startswith("_") or not ("first_name" in attr or "last_name" in attr or "romanized" in attr):
                continue
            value = getattr(provider, attr)
            if isinstance(value, (dict, tuple, list, set, frozenset)):
                for n in value:
                    if isinstance(n, str):
                        for part in n.replace("-", " ").split():
                            part = norm(part)
                            if latin_word(part):
                                names.add(part)
        out[d.name] = names
    return out


def words(root: pathlib.Path) -> tuple[set[str], set[str]]:
    """(every English form and every lemma of the seven languages, the other languages' inflected forms)."""
    data = root / "spacy_lookups_data" / "data"
    core: set[str] = set()
    forms: set[str] = set()
    for lang in WORD_LANGS:
        for f in sorted(data.glob(f"{lang}_lemma_lookup*.json.gz")):
            table = json.loads(gzip.open(f).read())
            for k, v in table.items():
                for w, lemma in ((k, False), (v if isinstance(v, str) else "", True)):
                    w = norm(w)
                    if latin_word(w) and len(w) >= 2:
                        (core if lemma or lang == "en" else forms).add(w)
    return core, forms - core


def train(samples: list[tuple[str, int, float]], seed: int) -> tuple[list[float], float]:
    rng = random.Random(seed)
    size = 1 << BITS
    w = [0.0] * size
    g2 = [1e-6] * size
    b, gb = 0.0, 1e-6
    pos = sum(y * k for _, y, k in samples)
    neg = sum((1 - y) * k for _, y, k in samples)
    total = pos + neg
    weight = {1: total / (2 * pos), 0: total / (2 * neg)}
    feats = [(features(word), y, k) for word, y, k in samples]
    lr = 1.0
    for _ in range(EPOCHS):
        rng.shuffle(feats)
        for f, y, k in feats:
            z = b + sum(w[i] for i in f)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * weight[y] * k
            for i in f:
                g2[i] += g * g
                w[i] -= lr * g / math.sqrt(g2[i])
            gb += g * g
            b -= lr * g / math.sqrt(gb)
    return w, b


def quantize(w: list[float]) -> bytes:
    return bytes((max(-127, min(127, round(x * SCALE))) & 0xFF) for x in w)


def score(q: bytes, bias: float, word: str) -> float:
    z = bias + sum((q[i] - 256 if q[i] > 127 else q[i]) / SCALE for i in features(word))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def main() -> None:
    report = "--report" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        download(root)
        per_locale = faker_names(root / "x")
        core, forms = words(root / "x")
    ours = {norm(w) for f in ("given_names.txt", "surnames.txt") for w in (HERE / f).read_text().split("\n") if w}
    ours = {w for w in ours if latin_word(w)}
    common = {norm(w) for w in (HERE / "common_words.txt").read_text().split() if w}
    held = set().union(*(per_locale.get(l, set()) for l in HELD_OUT_LOCALES)) if report else set()
    names = set(ours).union(*(v for k, v in per_locale.items() if not (report and k in HELD_OUT_LOCALES)))
    all_names = names | held
    rng = random.Random(20261206)
    core = sorted((core | common) - all_names)
    # The lemma tables hold millions of inflected forms: a sample of them keeps training short.
    forms = sorted(forms - all_names)
    negatives = core + sorted(rng.sample(forms, max(0, min(len(forms), NEGATIVES - len(core)))))
    test_words: list[str] = []
    if report:
        rng.shuffle(negatives)
        cut = len(negatives) // 10
        test_words, negatives = sorted(negatives[:cut]), sorted(negatives[cut:])
    held_only = sorted(held - names)
    # Lemmas and English forms are the words running text is made of: they weigh CORE_WEIGHT times more.
    core_set = set(core)
    samples = [(n, 1, 1.0) for n in sorted(names)] + [
        (n, 0, CORE_WEIGHT if n in core_set else 1.0) for n in negatives
    ]
    print(f"names {len(names)}, ordinary words {len(negatives)}", file=sys.stderr)
    w, b = train(samples, 20261206)
    q = quantize(w)
    if report:
        for t in (0.5, 0.7, 0.8, 0.9):
            tpr = sum(score(q, b, n) >= t for n in held_only) / max(1, len(held_only))
            fpr = sum(score(q, b, n) >= t for n in test_words) / max(1, len(test_words))
            print(
                f"threshold {t}: names of unseen locales ({len(held_only)}) found {tpr:.3f}; "
                f"held-out ordinary words ({len(test_words)}) taken for names {fpr:.3f}"
            )
        return
    out = HERE / "name_shape.bin"
    out.write_bytes(q + struct.pack("<f", b))
    print(f"wrote {out} ({len(q) + 4} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()

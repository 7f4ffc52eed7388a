#!/usr/bin/env python3
"""Deterministic generator for the Cordon held-out PII/PHI evaluation set.

Run from the repository root:  python3 detectors/heldout/gen.py
Writes detectors/heldout/heldout.jsonl (byte-for-byte reproducible: fixed
seed, standard library only, no clock, no network).

Templates use <<key>> style placeholders written as \u27e8key\u27e9 (mathematical
angle brackets) so that literal braces in JSON/YAML/code stay untouched.
"""
import json
import os
import random
import re
import string

SEED = 20240917
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout.jsonl")

# ---------------------------------------------------------------- checksums

def luhn_check_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)


def iban_ok(iban):
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "GB": 22, "BE": 16, "AT": 20}

CF_ODD = {}
_odd_vals = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
for _i, _c in enumerate(string.ascii_uppercase):
    CF_ODD[_c] = _odd_vals[_i]
for _i, _c in enumerate("0123456789"):
    CF_ODD[_c] = _odd_vals[_i]


def cf_even(c):
    return int(c) if c.isdigit() else ord(c) - 65


def cf_check_char(s15):
    total = 0
    for i, c in enumerate(s15):
        total += CF_ODD[c] if i % 2 == 0 else cf_even(c)
    return chr(65 + total % 26)


def it_cin(bban22):
    return cf_check_char(bban22)


def fr_rib_key(bank, branch, account):
    return "%02d" % (97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97)


def es_dc(ten, weights=(1, 2, 4, 8, 5, 10, 9, 7, 3, 6)):
    s = sum(int(c) * w for c, w in zip(ten, weights)) % 11
    r = 11 - s
    return {11: 0, 10: 1}.get(r, r)


def aba_ok(r):
    d = [int(c) for c in r]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0


def nhs_check(nine):
    s = sum(int(c) * w for c, w in zip(nine, range(10, 1, -1)))
    c = 11 - s % 11
    if c == 11:
        return 0
    return c  # 10 means invalid


def bsn_ok(b):
    s = sum(int(c) * w for c, w in zip(b[:8], range(9, 1, -1))) - int(b[8])
    return s % 11 == 0


def steuer_check(ten):
    product = 10
    for c in ten:
        s = (int(c) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    chk = 11 - product
    return 0 if chk == 10 else chk


VIN_TRANS = {}
for _c, _v in zip("ABCDEFGH", range(1, 9)):
    VIN_TRANS[_c] = _v
for _c, _v in zip("JKLMN", range(1, 6)):
    VIN_TRANS[_c] = _v
VIN_TRANS["P"] = 7
VIN_TRANS["R"] = 9
for _c, _v in zip("STUVWXYZ", range(2, 10)):
    VIN_TRANS[_c] = _v
for _c in "0123456789":
    VIN_TRANS[_c] = int(_c)
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    s = sum(VIN_TRANS[c] * w for c, w in zip(v, VIN_W)) % 11
    return "X" if s == 10 else str(s)


def dea_ok(d):
    n = [int(c) for c in d[2:]]
    return (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10 == n[6]


def kvnr_check(letter, eight):
    ds = "%02d" % (ord(letter) - 64) + eight
    total = 0
    for i, c in enumerate(ds):
        p = int(c) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return str(total % 10)

# ---------------------------------------------------------------- value generators

def gen_card(rng, fmt=None):
    kind = rng.choice(["visa", "visa", "mc", "mc2", "amex", "disc"])
    if kind == "visa":
        body = "4" + digits(rng, 14)
    elif kind == "mc":
        body = "5" + rng.choice("12345") + digits(rng, 13)
    elif kind == "mc2":
        body = "2" + rng.choice(["221", "3", "4", "5", "6"])
        body = body + digits(rng, 15 - len(body))
    elif kind == "disc":
        body = "6011" + digits(rng, 11)
    else:
        body = rng.choice(["34", "37"]) + digits(rng, 12)
    num = body + luhn_check_digit(body)
    assert luhn_ok(num)
    style = fmt or rng.choice(["space", "space", "plain", "dash"])
    if len(num) == 15:
        parts = [num[:4], num[4:10], num[10:]]
    else:
        parts = [num[i:i + 4] for i in range(0, 16, 4)]
    if style == "plain":
        return num
    return (" " if style == "space" else "-").join(parts)


def gen_imei(rng):
    body = rng.choice(["35", "86", "01", "35", "49"]) + digits(rng, 12)
    n = body + luhn_check_digit(body)
    assert luhn_ok(n)
    if rng.random() < 0.3:
        return "%s-%s-%s-%s" % (n[:2], n[2:8], n[8:14], n[14])
    return n


def gen_iban(rng, country, grouped=None):
    if country == "DE":
        bban = rng.choice(["10070000", "20041133", "37040044", "50010517", "70020270", "12030000", "43060967"]) + digits(rng, 10)
    elif country == "FR":
        bank, branch, acct = digits(rng, 5), digits(rng, 5), digits(rng, 11)
        bban = bank + branch + acct + fr_rib_key(bank, branch, acct)
    elif country == "ES":
        bank = rng.choice(["2100", "0049", "0182", "2085", "0081", "1465"])
        branch = digits(rng, 4)
        acct = digits(rng, 10)
        d1 = es_dc("00" + bank + branch)
        d2 = es_dc(acct)
        bban = bank + branch + str(d1) + str(d2) + acct
    elif country == "IT":
        abi = rng.choice(["03069", "02008", "05034", "03062", "01030"])
        cab = digits(rng, 5)
        acct = digits(rng, 12)
        bban = it_cin(abi + cab + acct) + abi + cab + acct
    elif country == "NL":
        while True:
            acct = digits(rng, 10)
            if sum(int(c) * w for c, w in zip(acct, range(10, 0, -1))) % 11 == 0 and acct[0] != "0":
                break
        bban = rng.choice(["ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB"]) + acct
    elif country == "GB":
        bban = rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + digits(rng, 14)
    elif country == "BE":
        first = digits(rng, 10)
        chk = int(first) % 97 or 97
        bban = first + "%02d" % chk
    else:  # AT
        bban = digits(rng, 16)
    iban = country + iban_check(country, bban) + bban
    assert len(iban) == IBAN_LEN[country], (country, iban)
    assert iban_ok(iban)
    if grouped is None:
        grouped = rng.random() < 0.6
    if grouped:
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


BICS = {
    "DE": ["DEUTDEFF", "COBADEFFXXX", "DRESDEFF", "GENODEF1M04", "BYLADEMM", "HYVEDEMMXXX"],
    "FR": ["BNPAFRPP", "SOGEFRPPXXX", "CRLYFRPP", "AGRIFRPP", "CEPAFRPP"],
    "ES": ["CAIXESBBXXX", "BBVAESMM", "BSCHESMM", "SABBESBB", "INGDESMMXXX"],
    "IT": ["UNCRITMM", "BCITITMMXXX", "BAPPIT21", "PASCITMM", "BPMOIT22"],
    "NL": ["INGBNL2A", "RABONL2U", "ABNANL2A", "SNSBNL2A", "TRIONL2U"],
    "GB": ["NWBKGB2L", "BARCGB22", "LOYDGB2L", "HBUKGB4B", "MIDLGB22"],
    "US": ["CHASUS33", "BOFAUS3N", "CITIUS33", "WFBIUS6S", "PNCCUS33"],
}


def gen_routing(rng):
    while True:
        r = rng.choice(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "21", "22", "26", "31", "32"]) + digits(rng, 7)
        if aba_ok(r):
            return r


def gen_npi(rng):
    body = rng.choice("12") + digits(rng, 8)
    n = body + luhn_check_digit("80840" + body)
    assert luhn_ok("80840" + n)
    return n


def gen_dea(rng, surname):
    first = rng.choice("ABFGM")
    initial = surname[0].upper()
    if initial not in string.ascii_uppercase:
        initial = "X"
    six = digits(rng, 6)
    n = [int(c) for c in six]
    chk = (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10
    d = first + initial + six + str(chk)
    assert dea_ok(d)
    return d


def gen_ssn(rng, fmt=None):
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    group = rng.randint(1, 99)
    serial = rng.randint(1, 9999)
    style = fmt or rng.choice(["dash", "dash", "dash", "space", "plain"])
    if style == "dash":
        return "%03d-%02d-%04d" % (area, group, serial)
    if style == "space":
        return "%03d %02d %04d" % (area, group, serial)
    return "%03d%02d%04d" % (area, group, serial)


def gen_nhs(rng):
    while True:
        nine = rng.choice("4569") + digits(rng, 8)
        c = nhs_check(nine)
        if c != 10:
            n = nine + str(c)
            break
    if rng.random() < 0.7:
        return "%s %s %s" % (n[:3], n[3:6], n[6:])
    return n


NINO_BAD_FIRST = set("DFIQUV")
NINO_BAD_SECOND = set("DFIOQUV")
NINO_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def gen_nino(rng):
    while True:
        a = rng.choice(string.ascii_uppercase)
        b = rng.choice(string.ascii_uppercase)
        if a in NINO_BAD_FIRST or b in NINO_BAD_SECOND or a + b in NINO_BAD_PAIRS:
            continue
        break
    d = digits(rng, 6)
    s = rng.choice("ABCD")
    if rng.random() < 0.5:
        return "%s%s %s %s %s %s" % (a, b, d[:2], d[2:4], d[4:], s)
    return a + b + d + s


def gen_steuer(rng):
    while True:
        pool = list("0123456789")
        rng.shuffle(pool)
        nine = pool[:9]  # 9 distinct digits, one missing
        dup = rng.choice(nine)
        ten = nine + [dup]
        rng.shuffle(ten)
        if ten[0] != "0":
            break
    ten = "".join(ten)
    n = ten + str(steuer_check(ten))
    if rng.random() < 0.5:
        return "%s %s %s %s" % (n[:2], n[2:5], n[5:8], n[8:])
    return n


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def gen_dni(rng):
    if rng.random() < 0.2:
        p = rng.choice("XYZ")
        num = digits(rng, 7)
        letter = DNI_LETTERS[int("XYZ".index(p).__str__() + num) % 23]
        return p + num + letter if rng.random() < 0.6 else "%s-%s-%s" % (p, num, letter)
    num = "%08d" % rng.randint(1000000, 79999999)
    letter = DNI_LETTERS[int(num) % 23]
    return num + letter if rng.random() < 0.7 else num + "-" + letter


def gen_bsn(rng):
    while True:
        b = rng.choice("1234567") + digits(rng, 8)
        s = sum(int(c) * w for c, w in zip(b[:8], range(9, 1, -1))) - int(b[8])
        if s % 11 == 0:
            break
    if rng.random() < 0.25:
        return "%s.%s.%s" % (b[:4], b[4:6], b[6:])
    return b


MONTH_CF = "ABCDEHLMPRST"
BELFIORE = ["H501", "F205", "F839", "L219", "G273", "A944", "D612", "L736", "A662", "C351", "E506", "B157"]


def _cons(s):
    return [c for c in s if c.isalpha() and c not in "AEIOU"]


def _vows(s):
    return [c for c in s if c in "AEIOU"]


def _norm_it(s):
    tr = {"À": "A", "È": "E", "É": "E", "Ì": "I", "Ò": "O", "Ù": "U", "'": "", " ": ""}
    return "".join(tr.get(c, c) for c in s.upper())


def cf_part(s, is_name):
    s = _norm_it(s)
    c = _cons(s)
    if is_name and len(c) >= 4:
        c = [c[0], c[2], c[3]]
    out = (c + _vows(s) + ["X", "X", "X"])[:3]
    return "".join(out)


def gen_cf(rng, first, last, sex, y, m, d):
    day = d + (40 if sex == "F" else 0)
    s15 = cf_part(last, False) + cf_part(first, True) + "%02d" % (y % 100) + MONTH_CF[m - 1] + "%02d" % day + rng.choice(BELFIORE)
    return s15 + cf_check_char(s15)


FR_DEPTS = ["75", "69", "13", "33", "59", "31", "44", "67", "06", "92", "93", "34", "35", "76"]


def gen_nir(rng, sex, y, m, grouped=None):
    n13 = ("1" if sex == "M" else "2") + "%02d" % (y % 100) + "%02d" % m + rng.choice(FR_DEPTS) + "%03d" % rng.randint(1, 990) + "%03d" % rng.randint(1, 999)
    key = 97 - int(n13) % 97
    n = n13 + "%02d" % key
    if grouped is None:
        grouped = rng.random() < 0.6
    if grouped:
        return " ".join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]])
    return n


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def gen_vin(rng):
    wmi = rng.choice(["1HG", "1FA", "2T1", "3VW", "WVW", "WBA", "VF1", "ZFA", "JHM", "5YJ", "WDD", "YV1", "SAL", "KMH"])
    vds = "".join(rng.choice(VIN_CHARS) for _ in range(5))
    year = rng.choice("DEFGHJKLMNP")
    rest = rng.choice(VIN_CHARS) + digits(rng, 6)
    v = wmi + vds + "0" + year + rest
    v = v[:8] + vin_check(v) + v[9:]
    assert vin_check(v) == v[8]
    return v


def gen_kvnr(rng):
    letter = rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ")
    eight = digits(rng, 8)
    return letter + eight + kvnr_check(letter, eight)


MBI_A = "ACDEFGHJKMNPQRTUVWXY"


def gen_mbi(rng):
    AN = MBI_A + "0123456789"
    p = [rng.choice("123456789"), rng.choice(MBI_A), rng.choice(AN), rng.choice("0123456789"),
         rng.choice(MBI_A), rng.choice(AN), rng.choice("0123456789"), rng.choice(MBI_A), rng.choice(MBI_A),
         rng.choice("0123456789"), rng.choice("0123456789")]
    s = "".join(p)
    if rng.random() < 0.5:
        return "%s-%s-%s" % (s[:4], s[4:7], s[7:])
    return s


def gen_us_member(rng):
    k = rng.randint(0, 4)
    if k == 0:
        return rng.choice(["XGH", "YPB", "JQK", "ZCW", "MZA"]) + digits(rng, 9)
    if k == 1:
        return "W" + digits(rng, 9)
    if k == 2:
        return "%s%s-%s" % (rng.choice(string.ascii_uppercase), rng.choice(string.ascii_uppercase), digits(rng, 8))
    if k == 3:
        return digits(rng, 9) + "-0" + rng.choice("123")
    return "U" + digits(rng, 8) + "0" + rng.choice("12")


def gen_tessera(rng):
    body = "8038000" + digits(rng, 12)
    return body + luhn_check_digit(body)


def gen_cip(rng, first, last):
    a = _norm_it(last)[:2] + _norm_it(first)[:2]
    a = "".join(c if c in string.ascii_uppercase else "X" for c in a)
    k = rng.randint(0, 2)
    if k == 0:
        return a + digits(rng, 12)
    if k == 1:
        return a + "0" + digits(rng, 9) + rng.choice(["015", "018", "013"])
    return "AN" + digits(rng, 10)


def gen_mrn(rng):
    k = rng.randint(0, 4)
    if k == 0:
        return digits(rng, 8)
    if k == 1:
        return "%d" % rng.randint(1000000, 9999999)
    if k == 2:
        return "MRN-" + digits(rng, 7)
    if k == 3:
        return rng.choice(["H", "P", "A"]) + digits(rng, 7)
    return "%s-%s" % (digits(rng, 3), digits(rng, 5))


ICD = [
    ("E11.9", "type 2 diabetes without complications"), ("I10", "essential hypertension"),
    ("J45.909", "unspecified asthma"), ("F32.1", "moderate depressive episode"),
    ("M54.5", "low back pain"), ("K21.9", "GERD"), ("N39.0", "urinary tract infection"),
    ("I48.91", "atrial fibrillation"), ("J18.9", "pneumonia"), ("E78.5", "hyperlipidaemia"),
    ("G43.909", "migraine"), ("R07.9", "chest pain"), ("S82.201A", "tibial fracture"),
    ("C50.911", "breast malignancy"), ("I21.4", "NSTEMI"), ("E03.9", "hypothyroidism"),
    ("F41.1", "generalised anxiety"), ("K35.80", "acute appendicitis"), ("J44.1", "COPD exacerbation"),
    ("N18.3", "CKD stage 3"), ("O24.419", "gestational diabetes"), ("S52.501A", "radius fracture"),
    ("L40.0", "psoriasis"), ("M17.11", "knee osteoarthritis"), ("I50.9", "heart failure"),
]


def gen_mac(rng):
    sep = rng.choice([":", ":", "-"])
    oui = rng.choice(["3C:22:FB", "F0:18:98", "A4:83:E7", "00:1A:11", "DC:A6:32", "B8:27:EB", "70:B3:D5"]).replace(":", sep)
    return oui + sep + sep.join("%02X" % rng.randint(0, 255) for _ in range(3))


def gen_serial(rng):
    k = rng.randint(0, 4)
    if k == 0:
        return "PJN" + digits(rng, 6) + "S"
    if k == 1:
        return "NG" + digits(rng, 7) + "H"
    if k == 2:
        return "SM" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
    if k == 3:
        return "C02" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(7))
    return "RNK" + digits(rng, 6)


ALNUM = string.ascii_letters + string.digits


def rand_str(rng, n, alphabet=ALNUM):
    return "".join(rng.choice(alphabet) for _ in range(n))


def gen_apikey(rng, kind=None):
    kind = kind or rng.choice(["stripe", "aws", "gh", "slack", "openai", "google", "hex", "sendgrid", "anthropic"])
    if kind == "stripe":
        return rng.choice(["sk_live_", "rk_live_", "sk_test_"]) + rand_str(rng, 24)
    if kind == "aws":
        return "AKIA" + rand_str(rng, 16, string.ascii_uppercase + "234567")
    if kind == "awssecret":
        return rand_str(rng, 40, ALNUM + "/+")
    if kind == "gh":
        return rng.choice(["ghp_", "gho_", "ghs_"]) + rand_str(rng, 36)
    if kind == "slack":
        return "xoxb-" + digits(rng, 12) + "-" + digits(rng, 13) + "-" + rand_str(rng, 24)
    if kind == "openai":
        return "sk-proj-" + rand_str(rng, 48, ALNUM + "-_")
    if kind == "anthropic":
        return "sk-ant-api03-" + rand_str(rng, 86, ALNUM + "-_") + "AA"
    if kind == "google":
        return "AIza" + rand_str(rng, 35, ALNUM + "-_")
    if kind == "sendgrid":
        return "SG." + rand_str(rng, 22, ALNUM + "-_") + "." + rand_str(rng, 43, ALNUM + "-_")
    return rand_str(rng, 32, "0123456789abcdef")


def gen_password(rng):
    base = rand_str(rng, rng.randint(10, 18), ALNUM + "!#%^*_-")
    return base


def gen_ip(rng, v6=None):
    if v6 is None:
        v6 = rng.random() < 0.15
    if v6:
        return "2001:db8:%x:%x::%x" % (rng.randint(1, 0xffff), rng.randint(1, 0xffff), rng.randint(1, 0xffff)) if rng.random() < 0.3 else \
            "2a02:%x:%x:%x:%x:%x:%x:%x" % tuple(rng.randint(1, 0xffff) for _ in range(7))
    first = rng.choice([10, 172, 192, 81, 88, 94, 145, 185, 203, 62, 37, 79, 213])
    if first == 172:
        return "172.%d.%d.%d" % (rng.randint(16, 31), rng.randint(0, 255), rng.randint(1, 254))
    if first == 192:
        return "192.168.%d.%d" % (rng.randint(0, 255), rng.randint(2, 254))
    return "%d.%d.%d.%d" % (first, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def gen_passport(rng):
    if rng.random() < 0.5:
        return rng.choice("ACEFGHJKLMNPRSTUVWXYZ") + digits(rng, 8)
    return rng.choice("123456789") + digits(rng, 8)


def gen_us_dl(rng):
    st = rng.choice(["CA", "NY", "TX", "FL", "IL", "WA", "PA", "NJ"])
    if st == "CA":
        v = rng.choice(string.ascii_uppercase) + digits(rng, 7)
    elif st == "NY":
        v = "%s %s %s" % (digits(rng, 3), digits(rng, 3), digits(rng, 3))
    elif st == "TX":
        v = rng.choice("0123") + digits(rng, 7)
    elif st == "FL":
        v = "%s%s-%s-%s-%s-%s" % (rng.choice(string.ascii_uppercase), digits(rng, 3), digits(rng, 3), digits(rng, 2), digits(rng, 3), digits(rng, 1))
    elif st == "IL":
        v = "%s%s-%s-%s" % (rng.choice(string.ascii_uppercase), digits(rng, 3), digits(rng, 4), digits(rng, 4))
    elif st == "WA":
        v = "WDL" + rand_str(rng, 9, string.ascii_uppercase + string.digits)
    elif st == "PA":
        v = "%s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 3))
    else:
        v = "%s%s %s %s" % (rng.choice(string.ascii_uppercase), digits(rng, 4), digits(rng, 5), digits(rng, 5))
    return st, v


# ---------------------------------------------------------------- names, places

NAMES = {
    "en": {
        "F": "Emily Hannah Olivia Grace Chloe Megan Rachel Laura Jessica Amanda Brianna Keisha Priya Aisha Mei Sofia Maria Danielle Naomi Abigail Charlotte Harriet Imogen Siobhan Fatima Lucy Tamara Vanessa Whitney Yolanda Zoe Kathleen Deborah Nicole".split(),
        "M": "James Michael Robert David Daniel Matthew Andrew Joshua Tyler Brandon Marcus Darnell Kevin Raj Arjun Wei Carlos Luis Samuel Nathan Oliver Harry Callum Rhys Declan Omar Tobias Gareth Trevor Wesley Elijah Patrick Connor Hamza".split(),
        "S": "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Nguyen Hill Flores Green Adams Nelson Baker Hall Campbell Mitchell Carter Roberts Patel Okafor Kowalski O'Brien McAllister Fitzgerald Whitfield Harrington Chen Kim Singh Osei Delgado Brennan Sutherland Ashworth Pemberton Holloway Castellano Nakamura Abernathy Vasquez Gallagher".split(),
    },
    "de": {
        "F": "Anna Lena Sophie Marie Katharina Julia Sabine Ursula Monika Petra Jana Leonie Franziska Birgit Helga Jutta Greta".split(),
        "M": "Lukas Jonas Maximilian Felix Tobias Stefan Jürgen Klaus Wolfgang Matthias Sebastian Florian Uwe Dieter Henrik Bernd".split(),
        "S": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Köhler Brandt Vogel".split(),
    },
    "fr": {
        "F": "Camille Léa Manon Chloé Inès Juliette Margaux Élodie Nathalie Sylvie Isabelle Aurélie Céline Brigitte Amandine Océane".split(),
        "M": "Lucas Hugo Louis Théo Julien Nicolas Mathieu Antoine Pierre Jean-Luc François Sébastien Guillaume Thierry Yannick Benoît".split(),
        "S": "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre Michel Garnier Fontaine Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont Lambert Bonnet Rousseau Legrand Gauthier Chevalier Perrin".split(),
    },
    "es": {
        "F": "Lucía María Carmen Sofía Paula Elena Laura Marta Alba Cristina Pilar Rocío Nerea Inmaculada Montserrat Ainhoa".split(),
        "M": "Alejandro Javier Daniel Pablo Sergio Álvaro Adrián Jorge Manuel Iñaki Francisco Raúl Óscar Rubén Gonzalo Jordi".split(),
        "S": "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Serrano Blanco Castillo Ortega Iglesias Echeverría".split(),
    },
    "it": {
        "F": "Giulia Francesca Chiara Sara Valentina Alessandra Martina Federica Elisa Silvia Paola Roberta Giovanna Ilaria Beatrice Lucia".split(),
        "M": "Marco Luca Giuseppe Andrea Francesco Alessandro Matteo Lorenzo Davide Stefano Giovanni Antonio Riccardo Simone Fabio Nicolò".split(),
        "S": "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Leone D'Angelo".split(),
    },
    "nl": {
        "F": "Sanne Lotte Femke Anouk Eva Iris Marieke Annelies Ingrid Mirjam Fleur Noor Esther Wilma Yvonne Maaike".split(),
        "M": "Daan Sem Bram Thijs Jeroen Pieter Joost Ruud Sander Willem Bas Maarten Koen Niels Gerrit Hendrik".split(),
        "S": "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits de_Graaf van_der_Meer Kuipers Vermeulen Postma Hoekstra".split(),
    },
}
for _l in NAMES:
    NAMES[_l]["S"] = [s.replace("_", " ") for s in NAMES[_l]["S"]]

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
}


def fmt_date(rng, lang, country, y, m, d):
    mo = MONTHS[lang][m - 1]
    if lang == "en" and country == "US":
        opts = ["%02d/%02d/%d" % (m, d, y), "%s %d, %d" % (mo, d, y), "%d/%d/%d" % (m, d, y),
                "%d-%02d-%02d" % (y, m, d), "%s %d, %d" % (mo[:3], d, y), "%d/%d/%02d" % (m, d, y % 100)]
    elif lang == "en":
        opts = ["%02d/%02d/%d" % (d, m, y), "%d %s %d" % (d, mo, y), "%d %s %d" % (d, mo[:3], y), "%d-%02d-%02d" % (y, m, d)]
    elif lang == "de":
        opts = ["%02d.%02d.%d" % (d, m, y), "%d. %s %d" % (d, mo, y), "%d.%d.%d" % (d, m, y), "%d-%02d-%02d" % (y, m, d), "%02d.%02d.%02d" % (d, m, y % 100)]
    elif lang == "fr":
        opts = ["%02d/%02d/%d" % (d, m, y), "%s %s %d" % ("1er" if d == 1 else str(d), mo, y), "%02d.%02d.%d" % (d, m, y), "%d-%02d-%02d" % (y, m, d)]
    elif lang == "es":
        opts = ["%02d/%02d/%d" % (d, m, y), "%d de %s de %d" % (d, mo, y), "%02d-%02d-%d" % (d, m, y), "%d/%d/%d" % (d, m, y)]
    elif lang == "it":
        opts = ["%02d/%02d/%d" % (d, m, y), "%d %s %d" % (d, mo, y), "%02d.%02d.%d" % (d, m, y), "%d-%02d-%02d" % (y, m, d)]
    else:
        opts = ["%02d-%02d-%d" % (d, m, y), "%d %s %d" % (d, mo, y), "%02d/%02d/%d" % (d, m, y), "%d-%d-%d" % (d, m, y)]
    return rng.choice(opts)


US_CITIES = [("Springfield", "IL", "627"), ("Columbus", "OH", "432"), ("Austin", "TX", "787"), ("Portland", "OR", "972"),
             ("Raleigh", "NC", "276"), ("Denver", "CO", "802"), ("Tucson", "AZ", "857"), ("Madison", "WI", "537"),
             ("Albany", "NY", "122"), ("Sacramento", "CA", "958"), ("Tampa", "FL", "336"), ("Boise", "ID", "837"),
             ("Richmond", "VA", "232"), ("Omaha", "NE", "681"), ("Worcester", "MA", "016"), ("Baton Rouge", "LA", "708")]
US_AREA = ["217", "614", "512", "503", "919", "303", "520", "608", "518", "916", "813", "208", "804", "402", "508", "225", "312", "415", "646", "713"]
US_STREETS = ["Maple", "Oak", "Cedar", "Pine", "Elm", "Washington", "Lincoln", "Lakeview", "Sunset", "Highland", "Willow", "Park", "Chestnut", "Magnolia", "Ridge", "Hawthorne", "Orchard", "River"]
US_SUFFIX = ["Street", "St", "Avenue", "Ave", "Drive", "Dr", "Lane", "Court", "Blvd", "Road", "Way", "Terrace"]
UK_CITIES = [("Leeds", "LS"), ("Manchester", "M"), ("Bristol", "BS"), ("Sheffield", "S"), ("Nottingham", "NG"), ("Cardiff", "CF"), ("Norwich", "NR"), ("York", "YO"), ("Brighton", "BN"), ("Glasgow", "G"), ("Leicester", "LE")]
UK_STREETS = ["Kingsley Road", "Mill Lane", "Church Street", "Victoria Road", "Station Road", "Beech Grove", "Queens Avenue", "Albert Terrace", "Granby Close", "Holly Bank", "Moor Crescent"]
DE_CITIES = [("Berlin", "10"), ("Hamburg", "22"), ("München", "80"), ("Köln", "50"), ("Frankfurt am Main", "60"), ("Leipzig", "04"), ("Dresden", "01"), ("Stuttgart", "70"), ("Bremen", "28"), ("Hannover", "30"), ("Nürnberg", "90")]
DE_STREETS = ["Lindenstraße", "Hauptstraße", "Goethestraße", "Bahnhofstraße", "Am Mühlbach", "Schillerplatz", "Rosenweg", "Kastanienallee", "Birkenweg", "Friedrichstraße", "Bergstraße", "Gartenstraße"]
FR_CITIES = [("Paris", "75"), ("Lyon", "69"), ("Marseille", "13"), ("Bordeaux", "33"), ("Lille", "59"), ("Toulouse", "31"), ("Nantes", "44"), ("Strasbourg", "67"), ("Rennes", "35"), ("Montpellier", "34")]
FR_STREETS = ["rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "rue de la République", "impasse des Tilleuls", "rue Victor Hugo", "chemin des Vignes", "place du Marché", "allée des Peupliers", "rue Pasteur"]
ES_CITIES = [("Madrid", "28"), ("Barcelona", "08"), ("Valencia", "46"), ("Sevilla", "41"), ("Zaragoza", "50"), ("Málaga", "29"), ("Bilbao", "48"), ("Murcia", "30"), ("Valladolid", "47"), ("Granada", "18")]
ES_STREETS = ["Calle Mayor", "Avenida de la Constitución", "Calle del Olmo", "Paseo de Gracia", "Calle San Vicente", "Plaza de España", "Calle Alcalá", "Ronda de Segovia", "Calle de la Paz", "Avenida Diagonal"]
IT_CITIES = [("Roma", "00"), ("Milano", "20"), ("Napoli", "80"), ("Torino", "10"), ("Palermo", "90"), ("Bologna", "40"), ("Firenze", "50"), ("Verona", "37"), ("Bari", "70"), ("Genova", "16")]
IT_STREETS = ["Via Garibaldi", "Via Roma", "Corso Vittorio Emanuele II", "Via dei Mille", "Piazza Cavour", "Via Mazzini", "Viale Europa", "Via della Repubblica", "Via San Giovanni", "Vicolo del Pozzo"]
NL_CITIES = [("Amsterdam", "10"), ("Rotterdam", "30"), ("Utrecht", "35"), ("Den Haag", "25"), ("Eindhoven", "56"), ("Groningen", "97"), ("Tilburg", "50"), ("Nijmegen", "65"), ("Haarlem", "20"), ("Leiden", "23")]
NL_STREETS = ["Keizersgracht", "Dorpsstraat", "Kerkstraat", "Molenweg", "Stationsplein", "Julianalaan", "Prinsengracht", "Lindelaan", "Vondelstraat", "Beukenlaan"]

ORGS = {
    "en": ["Northwind Health", "Bluegate Insurance", "Harbor Federal Credit Union", "Meridian Logistics", "Crestline Software", "Pinecrest Medical Group", "Summit Mutual", "Larkspur Bank"],
    "de": ["Rheinland Versicherung AG", "Nordbank", "Klinikum Mitte", "Brückner Logistik GmbH", "Sparkasse Elbtal", "Helios Praxisverbund"],
    "fr": ["Assurances Lumière", "Banque du Val", "Clinique Saint-Roch", "Groupe Avenir", "Mutuelle Horizon", "CHU Rive Gauche"],
    "es": ["Seguros Mediterráneo", "Banco Meseta", "Hospital San Rafael", "Logística Ibérica", "Clínica del Norte", "Mutua Levante"],
    "it": ["Assicurazioni Adriatica", "Banca del Lago", "Ospedale San Carlo", "Logistica Padana", "Clinica Villa Serena", "Mutua Tirrena"],
    "nl": ["Zorgverzekeraar Polder", "Grachtenbank", "Ziekenhuis Rijnstate-Oost", "Dijkman Logistiek", "Huisartsenpraktijk De Linde", "Verzekeraar Noordzee"],
}


def ascii_fold(s):
    import unicodedata
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


MAIL_DOMAINS = {
    "en": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "protonmail.com", "hotmail.co.uk", "comcast.net"],
    "de": ["gmx.de", "web.de", "t-online.de", "posteo.de", "gmail.com"],
    "fr": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr"],
    "es": ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es", "outlook.es"],
    "it": ["libero.it", "gmail.com", "virgilio.it", "alice.it", "tiscali.it"],
    "nl": ["ziggo.nl", "kpnmail.nl", "gmail.com", "xs4all.nl", "hotmail.nl"],
}


class Person:
    def __init__(self, rng, lang):
        self.sex = rng.choice("FM")
        self.first = rng.choice(NAMES[lang][self.sex])
        self.last = rng.choice(NAMES[lang]["S"])
        if lang == "es" and rng.random() < 0.6:
            self.last = self.last + " " + rng.choice(NAMES[lang]["S"])
        self.full = self.first + " " + self.last
        self.y = rng.randint(1938, 2004)
        self.m = rng.randint(1, 12)
        self.d = rng.randint(1, 28)


def make_email(rng, p, lang, work_domain=None):
    f = ascii_fold(p.first).lower().replace(" ", "").replace("'", "").replace("-", "")
    l = ascii_fold(p.last).lower().replace(" ", "").replace("'", "")
    k = rng.randint(0, 5)
    local = [f + "." + l, f[0] + l, f + "_" + l + str(rng.randint(1, 99)), l + "." + f, f + l[0] + str(rng.randint(70, 99)), f + "-" + l][k]
    dom = work_domain or rng.choice(MAIL_DOMAINS[lang])
    return local + "@" + dom


def make_phone(rng, country):
    if country == "US":
        a = rng.choice(US_AREA)
        ex = "%d%s" % (rng.randint(2, 9), digits(rng, 2))
        ln = digits(rng, 4)
        return rng.choice(["(%s) %s-%s", "%s-%s-%s", "+1 %s %s %s", "%s.%s.%s", "+1 (%s) %s-%s", "1-%s-%s-%s"]) % (a, ex, ln)
    if country == "GB":
        k = rng.randint(0, 3)
        if k == 0:
            return "07%s %s" % (digits(rng, 3), digits(rng, 6))
        if k == 1:
            return "+44 7%s %s %s" % (digits(rng, 3), digits(rng, 3), digits(rng, 3))
        if k == 2:
            return "020 %s %s" % (rng.choice(["7", "8"]) + digits(rng, 3), digits(rng, 4))
        return "0113 %s %s" % (digits(rng, 3), digits(rng, 4))
    if country == "DE":
        k = rng.randint(0, 4)
        if k == 0:
            return "+49 %s %s" % (rng.choice(["151", "160", "171", "176", "152"]), digits(rng, 8))
        if k == 1:
            return "0%s %s %s" % (rng.choice(["170", "173", "157"]), digits(rng, 4), digits(rng, 4))
        if k == 2:
            return "030 %s" % digits(rng, 8)
        if k == 3:
            return "+49 (0)%s %s-%s" % (rng.choice(["89", "40", "221", "69"]), digits(rng, 4), digits(rng, 2))
        return "0%s/%s" % (rng.choice(["341", "351", "511", "911"]), digits(rng, 7))
    if country == "FR":
        n = rng.choice("67") + digits(rng, 8)
        k = rng.randint(0, 3)
        if k == 0:
            return "0" + " ".join([n[0]] + [n[i:i + 2] for i in range(1, 9, 2)])
        if k == 1:
            return "+33 " + n[0] + " " + " ".join(n[i:i + 2] for i in range(1, 9, 2))
        if k == 2:
            return "0" + rng.choice("12345") + "." + ".".join(digits(rng, 2) for _ in range(4))
        return "+33" + n
    if country == "ES":
        k = rng.randint(0, 3)
        if k == 0:
            return "+34 6%s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 3))
        if k == 1:
            return "6%s %s %s %s" % (digits(rng, 2), digits(rng, 2), digits(rng, 2), digits(rng, 2))
        if k == 2:
            return "91%s %s %s" % (digits(rng, 1), digits(rng, 3), digits(rng, 3))
        return "+34 7%s%s" % (digits(rng, 2), digits(rng, 6))
    if country == "IT":
        k = rng.randint(0, 3)
        if k == 0:
            return "+39 3%s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 4))
        if k == 1:
            return "3%s %s" % (digits(rng, 2), digits(rng, 7))
        if k == 2:
            return "06 %s %s" % (digits(rng, 4), digits(rng, 4))
        return "02-%s" % digits(rng, 8)
    # NL
    k = rng.randint(0, 3)
    if k == 0:
        return "06-%s" % digits(rng, 8)
    if k == 1:
        return "+31 6 %s %s" % (digits(rng, 4), digits(rng, 4))
    if k == 2:
        return "020 %s %s" % (digits(rng, 3), digits(rng, 4))
    return "+31 (0)%s %s" % (rng.choice(["10", "30", "70"]), digits(rng, 7))


def make_address(rng, country):
    """returns (street, zip, city)"""
    if country == "US":
        c, st, z3 = rng.choice(US_CITIES)
        street = "%d %s %s" % (rng.randint(12, 9870), rng.choice(US_STREETS), rng.choice(US_SUFFIX))
        if rng.random() < 0.3:
            street += rng.choice([", Apt ", " Apt ", ", Unit ", " #"]) + rng.choice(["2B", "14", "305", "3C", "7"])
        z = z3 + digits(rng, 2)
        if rng.random() < 0.25:
            z += "-" + digits(rng, 4)
        return street, z, "%s, %s" % (c, st)
    if country == "GB":
        c, pa = rng.choice(UK_CITIES)
        street = "%d %s" % (rng.randint(1, 240), rng.choice(UK_STREETS))
        if rng.random() < 0.25:
            street = "Flat %d, %s" % (rng.randint(1, 12), street)
        z = "%s%d %d%s%s" % (pa, rng.randint(1, 19), rng.randint(1, 9), rng.choice("ABDEFGHJLNPQRSTUWXYZ"), rng.choice("ABDEFGHJLNPQRSTUWXYZ"))
        return street, z, c
    if country == "DE":
        c, p2 = rng.choice(DE_CITIES)
        street = "%s %d%s" % (rng.choice(DE_STREETS), rng.randint(1, 140), rng.choice(["", "", "", "a", "b"]))
        return street, p2 + digits(rng, 3), c
    if country == "FR":
        c, p2 = rng.choice(FR_CITIES)
        street = "%d%s %s" % (rng.randint(1, 180), rng.choice(["", "", "", " bis", " ter"]), rng.choice(FR_STREETS))
        return street, p2 + rng.choice(["0", "1", "2", "3"]) + digits(rng, 2), c
    if country == "ES":
        c, p2 = rng.choice(ES_CITIES)
        street = "%s %d" % (rng.choice(ES_STREETS), rng.randint(1, 220))
        if rng.random() < 0.5:
            street += rng.choice([", %dº %s", ", %d.º %s", ", piso %d, puerta %s"]) % (rng.randint(1, 9), rng.choice("ABCD"))
        return street, p2 + digits(rng, 3), c
    if country == "IT":
        c, p2 = rng.choice(IT_CITIES)
        street = "%s %d%s" % (rng.choice(IT_STREETS), rng.randint(1, 200), rng.choice(["", "", "/A", "/B"]))
        return street, p2 + digits(rng, 3), c
    c, p2 = rng.choice(NL_CITIES)
    street = "%s %d%s" % (rng.choice(NL_STREETS), rng.randint(1, 400), rng.choice(["", "", "-II", "A", "-bis"]))
    return street, "%s%s %s%s" % (p2, digits(rng, 2), rng.choice("ABCDEGHJKLMNPRSTVWXZ"), rng.choice("ABCDEGHJKLMNPRSTVWXZ")), c


# ---------------------------------------------------------------- context / rendering

LANG_COUNTRY = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL"}
DRUGS = ["metformin 500 mg", "lisinopril 10 mg", "atorvastatin 20 mg", "apixaban 5 mg", "sertraline 50 mg", "levothyroxine 75 mcg", "amoxicillin 875 mg", "ramipril 5 mg", "bisoprolol 2.5 mg", "omeprazole 20 mg"]


TITLES = {"en": {"F": "Ms", "M": "Mr"}, "de": {"F": "Frau", "M": "Herr"}, "fr": {"F": "Mme", "M": "M."},
          "es": {"F": "Sra.", "M": "Sr."}, "it": {"F": "Sig.ra", "M": "Sig."}, "nl": {"F": "mevrouw", "M": "de heer"}}
SEXW = {"en": {"F": "female", "M": "male"}, "de": {"F": "weiblich", "M": "männlich"}, "fr": {"F": "F", "M": "M"},
        "es": {"F": "mujer", "M": "varón"}, "it": {"F": "F", "M": "M"}, "nl": {"F": "vrouw", "M": "man"}}


class _FixedChoice:
    def __init__(self, k):
        self.k = k

    def choice(self, opts):
        return opts[self.k % len(opts)]


class Ctx:
    def __init__(self, rng, lang, country=None):
        self.rng = rng
        self.lang = lang
        if country is None:
            country = LANG_COUNTRY.get(lang) or ("US" if rng.random() < 0.68 else "GB")
        self.country = country
        self.cache = {}
        self.p = Person(rng, lang)
        self.p2 = Person(rng, lang)
        self.doc = Person(rng, lang)
        self.mgr = Person(rng, lang)
        self.agentp = Person(rng, lang)
        for attr in ("p2", "doc", "mgr", "agentp"):
            while getattr(self, attr).first == self.p.first or getattr(self, attr).last == self.p.last:
                setattr(self, attr, Person(rng, lang))
        self.fmt_pref = rng.randint(0, 59)
        # event dates, ordered
        y = rng.randint(2019, 2024)
        m = rng.randint(1, 12)
        d = rng.randint(1, 20)
        self.ev = [(y, m, d), (y, m, d + rng.randint(1, 6)), (y, m, min(28, d + rng.randint(7, 8)))]

    def date(self, ymd):
        # mostly one date style per document, sometimes mixed
        if self.rng.random() < 0.75:
            return fmt_date(_FixedChoice(self.fmt_pref), self.lang, self.country, *ymd)
        return fmt_date(self.rng, self.lang, self.country, *ymd)

    def get(self, key):
        if key in self.cache:
            return self.cache[key]
        v = self._make(key)
        self.cache[key] = v
        return v

    def _make(self, key):
        r, L, C = self.rng, self.lang, self.country
        P = lambda v: (v, "PERSON")
        base = key.rstrip("0123456789") if key not in ("icd2",) else key
        # ----- people
        if key == "name": return P(self.p.full)
        if key == "first": return P(self.p.first)
        if key == "last": return P(self.p.last)
        if key == "name2": return P(self.p2.full)
        if key == "first2": return P(self.p2.first)
        if key == "last2": return P(self.p2.last)
        if key == "doc": return P(self.doc.full)
        if key == "doc_last": return P(self.doc.last)
        if key == "mgr": return P(self.mgr.full)
        if key == "mgr_first": return P(self.mgr.first)
        if key == "agent": return P(self.agentp.first)
        if key == "agent_full": return P(self.agentp.full)
        # ----- unlabeled helpers
        if key == "city": return (self.addr()[2], None)
        if key == "org": return (r.choice(ORGS[L]), None)
        if key == "drug": return (r.choice(DRUGS), None)
        if key == "amount": return ("%d%s%02d" % (r.randint(40, 9800), "." if L == "en" else ",", r.randint(0, 99)), None)
        if key == "ref": return ("%s-%d%s" % (r.choice(["CLM", "TKT", "CASE", "REF", "INC"]), r.randint(10000, 999999), r.choice(["", "", "-A"])), None)
        if key == "last4": return (digits(r, 4), None)
        if key == "dl_state": return (self.dl()[0], None)
        if key == "year": return (str(r.randint(2019, 2024)), None)
        if key == "ti": return (TITLES[L][self.p.sex], None)
        if key == "ti_acc": return ({"F": "Frau", "M": "Herrn"}[self.p.sex] if L == "de" else TITLES[L][self.p.sex], None)
        if key == "poss": return ({"F": "her", "M": "his"}[self.p.sex], None)
        if key == "cmt": return (r.choice(CMT[L]), None)
        if key == "sex": return (SEXW[L][self.p.sex], None)
        # ----- dates
        if key == "dob": return (self.date((self.p.y, self.p.m, self.p.d)), "DATE")
        if key == "dob2": return (self.date((self.p2.y, self.p2.m, self.p2.d)), "DATE")
        if key in ("date1", "date_adm", "date_visit", "date_loss", "date_hire", "date_svc"): return (self.date(self.ev[0]), "DATE")
        if key in ("date2", "date_dis", "date_proc"): return (self.date(self.ev[1]), "DATE")
        if key == "date3": return (self.date(self.ev[2]), "DATE")
        # ----- contact
        if key == "email": return (make_email(r, self.p, L), "EMAIL")
        if key == "email2": return (make_email(r, self.p2, L), "EMAIL")
        if key == "email_work": return (make_email(r, self.p, L, r.choice(["northwind-health.com", "crestline.io", "meridian-logistics.eu", "acmecorp.com", "brueckner-logistik.de", "groupe-avenir.fr"])), "EMAIL")
        if key == "email_doc": return (make_email(r, self.doc, L, r.choice(["pinecrest-med.org", "klinikum-mitte.de", "chu-rivegauche.fr", "hsanrafael.es", "ospedalesancarlo.it", "delinde-huisartsen.nl"])), "EMAIL")
        if key in ("phone", "phone2", "phone3"): return (make_phone(r, C), "PHONE")
        if key == "street": return (self.addr()[0], "STREET_ADDRESS")
        if key == "zip": return (self.addr()[1], "ZIP_CODE")
        # ----- finance
        if key == "card": return (gen_card(r), "CREDIT_CARD")
        if key == "iban": return (gen_iban(r, self.iban_country()), "IBAN")
        if key == "iban_plain": return (gen_iban(r, self.iban_country(), grouped=False), "IBAN")
        if key == "bic": return (r.choice(BICS[self.iban_country() if self.iban_country() in BICS else "DE"]), "SWIFT_BIC")
        if key == "bic_us": return (r.choice(BICS["US"]), "SWIFT_BIC")
        if key == "routing": return (gen_routing(r), "US_BANK_ROUTING")
        if key in ("acct", "acct2"): return (r.choice([digits(r, 10), digits(r, 12), digits(r, 9), "%s-%s" % (digits(r, 4), digits(r, 6)), digits(r, 8)]), "ACCOUNT_NUMBER")
        # ----- secrets / net
        if key in ("apikey", "apikey2"): return (gen_apikey(r), "API_KEY")
        if key.startswith("key_"): return (gen_apikey(r, key[4:]), "API_KEY")
        if key in ("pw", "pw2"): return (gen_password(r), "API_KEY")
        if key in ("ip", "ip2"): return (gen_ip(r), "IP_ADDRESS")
        if key == "ip4": return (gen_ip(r, v6=False), "IP_ADDRESS")
        if key == "ip6": return (gen_ip(r, v6=True), "IP_ADDRESS")
        if key == "url_li":
            slug = ascii_fold(self.p.first + "-" + self.p.last).lower().replace(" ", "-").replace("'", "")
            return ("https://www.linkedin.com/in/%s-%s" % (slug, rand_str(r, 6, "0123456789abcdef")), "URL")
        if key == "url_crm": return ("https://%s/%s/%d" % (r.choice(["crm.larkspurbank.com", "app.hubspot.com/contacts/4821937/contact", "acme.my.salesforce.com/lightning/r/Contact", "support.crestline.io/customers"]), r.choice(["customers", "record", "view"]), r.randint(100000, 99999999)), "URL")
        if key == "url_portal": return ("https://%s/patients/%d/%s" % (r.choice(["mychart.pinecrest-med.org", "portal.northwind-health.com", "ehr.klinikum-mitte.de", "dossier.chu-rivegauche.fr"]), r.randint(100000, 9999999), r.choice(["record", "summary", "labs", "chart"])), "URL")
        # ----- health
        if key == "mrn": return (gen_mrn(r), "MEDICAL_RECORD_NUMBER")
        if key == "hpid": return self.hpid()
        if key == "member": return (gen_us_member(r), "HEALTH_PLAN_ID")
        if key == "mbi": return (gen_mbi(r), "HEALTH_PLAN_ID")
        if key == "kvnr": return (gen_kvnr(r), "HEALTH_PLAN_ID")
        if key == "tessera": return (gen_tessera(r), "HEALTH_PLAN_ID")
        if key == "cip": return (gen_cip(r, self.p.first, self.p.last), "HEALTH_PLAN_ID")
        if key == "icd": return (self.icd(0)[0], "ICD10_CODE")
        if key == "icd2": return (self.icd(1)[0], "ICD10_CODE")
        if key == "dx": return (self.icd(0)[1], None)
        if key == "dx2": return (self.icd(1)[1], None)
        if key == "npi": return (gen_npi(r), "NPI")
        if key == "dea": return (gen_dea(r, ascii_fold(self.doc.last)), "DEA_NUMBER")
        # ----- national ids
        if key == "ssn": return (gen_ssn(r), "US_SSN")
        if key == "passport": return (gen_passport(r), "US_PASSPORT")
        if key == "dl": return (self.dl()[1], "US_DRIVER_LICENSE")
        if key == "nhs": return (gen_nhs(r), "UK_NHS")
        if key == "nino": return (gen_nino(r), "UK_NINO")
        if key == "steuer": return (gen_steuer(r), "DE_TAX_ID")
        if key == "nir": return (gen_nir(r, self.p.sex, self.p.y, self.p.m), "FR_NIR")
        if key == "dni": return (gen_dni(r), "ES_DNI")
        if key == "cf": return (gen_cf(r, self.p.first, self.p.last, self.p.sex, self.p.y, self.p.m, self.p.d), "IT_FISCAL_CODE")
        if key == "bsn": return (gen_bsn(r), "NL_BSN")
        if key == "natid": return self.natid()
        # ----- devices / vehicles
        if key == "imei": return (gen_imei(r), "DEVICE_ID")
        if key == "mac": return (gen_mac(r), "DEVICE_ID")
        if key == "serial": return (gen_serial(r), "DEVICE_ID")
        if key == "vin": return (gen_vin(r), "VEHICLE_ID")
        raise KeyError(key)

    def addr(self):
        if "_addr" not in self.cache:
            self.cache["_addr"] = make_address(self.rng, self.country)
        return self.cache["_addr"]

    def dl(self):
        if "_dl" not in self.cache:
            self.cache["_dl"] = gen_us_dl(self.rng)
        return self.cache["_dl"]

    def icd(self, i):
        if "_icd" not in self.cache:
            self.cache["_icd"] = self.rng.sample(ICD, 2)
        return self.cache["_icd"][i]

    def iban_country(self):
        if "_ibc" not in self.cache:
            self.cache["_ibc"] = {"US": self.rng.choice(["GB", "DE", "BE"]), "GB": "GB"}.get(self.country, self.country)
        return self.cache["_ibc"]

    def hpid(self):
        C = self.country
        if C == "US":
            return self.get("mbi") if self.rng.random() < 0.3 else self.get("member")
        if C == "GB":
            return self.get("nhs")
        if C == "DE":
            return self.get("kvnr")
        if C == "FR":
            return self.get("nir")
        if C == "ES":
            return self.get("cip")
        if C == "IT":
            return self.get("tessera")
        return self.get("bsn")

    def natid(self):
        return self.get({"US": "ssn", "GB": "nino", "DE": "steuer", "FR": "nir", "ES": "dni", "IT": "cf", "NL": "bsn"}[self.country])


PH = re.compile("\u27e8([a-z_0-9]+)\u27e9")
CHOICE = re.compile(r"\[\[([^\[\]]*)\]\]")


def resolve_choices(rng, tpl):
    while True:
        m = CHOICE.search(tpl)
        if not m:
            return tpl
        opt = rng.choice(m.group(1).split("|"))
        tpl = tpl[:m.start()] + opt + tpl[m.end():]


def render(ctx, tpl):
    """template -> list of (text, entity_or_None, is_value)"""
    tpl = resolve_choices(ctx.rng, tpl)
    segs = []
    pos = 0
    for m in PH.finditer(tpl):
        if m.start() > pos:
            segs.append((tpl[pos:m.start()], None))
        val, ent = ctx.get(m.group(1))
        segs.append((val, ent))
        pos = m.end()
    if pos < len(tpl):
        segs.append((tpl[pos:], None))
    return segs


def json_escape_segs(segs):
    out = []
    for text, ent in segs:
        esc = json.dumps(text, ensure_ascii=False)[1:-1]
        if ent is not None:
            assert esc == text, ("value changes under JSON escaping", text)
        out.append((esc, ent))
    return out


def finalize(segs):
    text = ""
    spans = []
    b = 0
    for t, ent in segs:
        n = len(t.encode("utf-8"))
        if ent is not None:
            spans.append({"entity": ent, "start": b, "end": b + n, "_v": t})
        text += t
        b += n
    return text, spans


# ---------------------------------------------------------------- positive templates
# \u27e8key\u27e9 = value placeholder, [[a|b|c]] = random phrasing choice,
# leading "@US " / "@GB " restricts an English template to that country.

T = {}
T["clinical"] = {
    "en": [
        "PROGRESS NOTE - [[Internal Medicine|Cardiology|Endocrinology|Family Medicine]]\nPatient: ⟨name⟩    MRN: ⟨mrn⟩    DOB: ⟨dob⟩\nDate of visit: ⟨date_visit⟩\nS: [[Reports fatigue and polyuria for 3 weeks.|Here for follow-up, no new complaints.|Intermittent palpitations since last visit.]]\nA/P: ⟨dx⟩ (ICD-10 ⟨icd⟩). [[Continue|Start|Titrate]] ⟨drug⟩. [[Return in 3 months.|Labs before next visit.|Follow up in 6 weeks.]]\n-- ⟨doc⟩, MD (NPI: ⟨npi⟩)",
        "@US Dear Dr. ⟨doc_last⟩,\n\nI am referring my patient ⟨name⟩ (DOB ⟨dob⟩) for [[further evaluation|a second opinion|specialist review]] of ⟨dx⟩, coded ⟨icd⟩. [[The patient|My patient]] can be reached at ⟨phone⟩ and lives at ⟨street⟩, ⟨city⟩ ⟨zip⟩. Insurance member ID: ⟨member⟩.\n\nKind regards,\n⟨name2⟩, NP",
        "@GB Dear Dr ⟨doc_last⟩,\n\nRe: ⟨name⟩, born ⟨dob⟩, NHS No. ⟨nhs⟩\n⟨street⟩, ⟨city⟩ ⟨zip⟩\n\nThank you for [[seeing|reviewing]] this [[pleasant|62-year-old|young]] patient in clinic on ⟨date_visit⟩. [[The working diagnosis is|We think this is]] ⟨dx⟩ (⟨icd⟩). [[I have started|We have continued]] ⟨drug⟩.\n\nYours sincerely,\nDr ⟨name2⟩",
        "DISCHARGE SUMMARY\nName: ⟨name⟩ | MRN ⟨mrn⟩ | Admitted: ⟨date_adm⟩ | Discharged: ⟨date_dis⟩\nPrincipal diagnosis: ⟨icd⟩ - ⟨dx⟩\nSecondary: ⟨icd2⟩\nProcedure on ⟨date_proc⟩ was uncomplicated. Discharged home to ⟨street⟩ with [[next of kin|carer|family contact]] ⟨name2⟩ (⟨phone⟩).\nAttending: Dr. ⟨doc⟩",
        "Telephone encounter ⟨date_visit⟩: ⟨name2⟩ called on behalf of [[the patient,|family member]] ⟨name⟩ (MRN ⟨mrn⟩) asking about ⟨drug⟩ refills. Callback number ⟨phone⟩. [[Forwarded to|Routed to]] Dr. ⟨doc_last⟩'s inbox.",
        "Device clinic - remote interrogation\nPatient ⟨name⟩, DOB ⟨dob⟩. [[Pacemaker|ICD|Loop recorder]] serial ⟨serial⟩, implanted ⟨date_proc⟩. Battery OK, no events. Transmitter [[MAC|hub MAC address]] ⟨mac⟩. Next check in 91 days.",
        "@US Rx: ⟨drug⟩ #30, 1 tab PO daily\nPatient: ⟨name⟩, ⟨street⟩, ⟨city⟩ ⟨zip⟩ - DOB ⟨dob⟩\nPrescriber: ⟨doc⟩ MD   DEA ⟨dea⟩   NPI ⟨npi⟩",
        "Message from ⟨org⟩ patient portal: Hi ⟨first⟩, your [[lab results|imaging report|visit summary]] from ⟨date_visit⟩ [[is ready|are now available]]. View it at ⟨url_portal⟩ or call [[us|the clinic]]. Questions? Reply to ⟨email_doc⟩.",
        "@GB A&E discharge - ⟨name⟩, NHS ⟨nhs⟩, seen ⟨date_adm⟩ with ⟨dx⟩ (⟨icd⟩). [[GP|Registered GP]]: Dr ⟨doc⟩. [[Patient|Pt]] phone ⟨phone⟩, address ⟨street⟩, ⟨zip⟩.",
        "@GB Physio referral\nName: ⟨name⟩\nDOB: ⟨dob⟩\nNHS number: ⟨nhs⟩\nReason: [[knee pain|low back pain|shoulder stiffness]] following [[a fall|an injury|a sports injury]] on ⟨date1⟩.\nReferrer: ⟨doc⟩",
        "@US Controlled substance log ⟨date_visit⟩: ⟨drug⟩ dispensed to ⟨name⟩ (DOB ⟨dob⟩). Prescriber Dr. ⟨doc⟩, DEA# ⟨dea⟩. Pharmacist ⟨name2⟩.",
        "@US ED triage ⟨date_adm⟩ 02:14 - ⟨name⟩, ⟨sex⟩, DOB ⟨dob⟩, MRN ⟨mrn⟩. Medicare MBI ⟨mbi⟩. CC: [[chest pain|shortness of breath|fall at home]]. Hx ⟨icd⟩, ⟨icd2⟩. Emergency contact ⟨name2⟩ ⟨phone⟩.",
    ],
    "de": [
        "Arztbrief\n\nSehr geehrte Frau Kollegin, sehr geehrter Herr Kollege,\n\nwir berichten über ⟨ti_acc⟩ ⟨name⟩, geb. ⟨dob⟩, wohnhaft ⟨street⟩, ⟨zip⟩ ⟨city⟩, der/die sich vom ⟨date_adm⟩ bis ⟨date_dis⟩ in unserer stationären Behandlung befand.\nDiagnosen: ⟨dx⟩ (ICD-10 ⟨icd⟩), ⟨icd2⟩.\nVersichertennummer: ⟨kvnr⟩\n\nMit freundlichen Grüßen\nDr. med. ⟨doc⟩",
        "Verlaufsnotiz [[Hausarztpraxis|Ambulanz]] vom ⟨date_visit⟩ - Pat. ⟨name⟩ (Pat.-Nr. ⟨mrn⟩, *⟨dob⟩). [[Klagt über|Berichtet von]] [[Rückenschmerzen|Schwindel|Husten]] seit einer Woche. Dx ⟨icd⟩. Rückruf unter ⟨phone⟩ erbeten. Angehörige/r ⟨name2⟩ informiert.",
        "Überweisung an Dr. ⟨doc_last⟩: ⟨ti⟩ ⟨name⟩, KVNR ⟨kvnr⟩, [[Herzschrittmacher|Insulinpumpe]] Seriennr. ⟨serial⟩, Implantation am ⟨date_proc⟩. Befunde im Portal: ⟨url_portal⟩",
        "Entlassungsbericht - ⟨name⟩ (Fallnr. ⟨mrn⟩)\nAufnahme: ⟨date_adm⟩, Entlassung: ⟨date_dis⟩\nHauptdiagnose ⟨icd⟩\nKontakt Angehörige: ⟨name2⟩, Tel. ⟨phone⟩",
    ],
    "fr": [
        "Compte rendu d'hospitalisation\nPatient(e) : ⟨name⟩, né(e) le ⟨dob⟩, IPP ⟨mrn⟩\nEntrée le ⟨date_adm⟩, sortie le ⟨date_dis⟩.\nDiagnostic principal : ⟨dx⟩ (CIM-10 ⟨icd⟩).\nN° de sécurité sociale : ⟨nir⟩\nDr ⟨doc⟩",
        "Cher confrère,\n\nJe vous adresse ⟨ti⟩ ⟨name⟩, ⟨street⟩, ⟨zip⟩ ⟨city⟩, tél. ⟨phone⟩, pour [[avis cardiologique|bilan thyroïdien|suivi diabétologique]]. Consultation du ⟨date_visit⟩ : ⟨icd⟩. [[Traitement en cours|Il/elle prend]] : ⟨drug⟩.\n\nBien confraternellement,\nDr ⟨doc⟩",
        "Note IDE ⟨date_visit⟩ : appel de ⟨name2⟩ concernant ⟨ti⟩ ⟨last⟩ (dossier ⟨mrn⟩). [[Rappeler au|Joignable au]] ⟨phone⟩. Numéro de série du stimulateur : ⟨serial⟩.",
        "Ordonnance - Dr ⟨doc⟩\nPatient : ⟨name⟩ (⟨dob⟩)\n⟨drug⟩, 1 cp/jour pendant 30 jours.\nCarte Vitale : ⟨nir⟩",
    ],
    "es": [
        "INFORME DE ALTA\nPaciente: ⟨name⟩   NHC: ⟨mrn⟩   Fecha de nacimiento: ⟨dob⟩\nIngreso: ⟨date_adm⟩   Alta: ⟨date_dis⟩\nDiagnóstico principal: ⟨dx⟩ (CIE-10 ⟨icd⟩)\nTarjeta sanitaria: ⟨cip⟩\nDNI: ⟨dni⟩\nFdo.: Dr. ⟨doc⟩",
        "Estimado/a colega:\n\nLe remito a ⟨ti⟩ ⟨name⟩, con domicilio en ⟨street⟩, ⟨zip⟩ ⟨city⟩ y teléfono ⟨phone⟩, para [[valoración|seguimiento]] de ⟨icd⟩. Visto en consulta el ⟨date_visit⟩.\n\nUn saludo,\nDra. ⟨doc⟩",
        "Nota de enfermería ⟨date_visit⟩: llama ⟨name2⟩, familiar de ⟨name⟩ (NHC ⟨mrn⟩), para preguntar por ⟨drug⟩. Devolver llamada al ⟨phone⟩.",
        "Consulta de dispositivos: ⟨name⟩, CIP ⟨cip⟩, marcapasos n.º de serie ⟨serial⟩ implantado el ⟨date_proc⟩. Portal: ⟨url_portal⟩",
    ],
    "it": [
        "LETTERA DI DIMISSIONE\nPaziente: ⟨name⟩, nato/a il ⟨dob⟩\nCodice fiscale: ⟨cf⟩\nRicovero dal ⟨date_adm⟩ al ⟨date_dis⟩ - cartella n. ⟨mrn⟩\nDiagnosi: ⟨dx⟩ (ICD-10 ⟨icd⟩)\nIl medico: dott. ⟨doc⟩",
        "Gentile collega,\n\nle invio ⟨ti⟩ ⟨name⟩, residente in ⟨street⟩, ⟨zip⟩ ⟨city⟩ (tel. ⟨phone⟩), per [[visita specialistica|controllo|approfondimento]]. Visita del ⟨date_visit⟩, diagnosi ⟨icd⟩. Tessera sanitaria n. ⟨tessera⟩.\n\nCordiali saluti,\ndott.ssa ⟨doc⟩",
        "Diario infermieristico ⟨date_visit⟩: telefona ⟨name2⟩, familiare di ⟨name⟩ (cartella ⟨mrn⟩). Richiamare al ⟨phone⟩. Numero di serie pompa insulinica: ⟨serial⟩.",
        "Referto ambulatoriale - ⟨name⟩, CF ⟨cf⟩, e-mail ⟨email⟩. Diagnosi ⟨icd⟩ e ⟨icd2⟩. Controllo eseguito il ⟨date_proc⟩.",
    ],
    "nl": [
        "Ontslagbrief\nPatiënt: ⟨name⟩, geboren ⟨dob⟩, patiëntnummer ⟨mrn⟩\nOpname ⟨date_adm⟩, ontslag ⟨date_dis⟩\nDiagnose: ⟨dx⟩ (ICD-10 ⟨icd⟩)\nBSN: ⟨bsn⟩\nBehandelend arts: dr. ⟨doc⟩",
        "Geachte collega,\n\nHierbij verwijs ik ⟨ti⟩ ⟨name⟩, ⟨street⟩, ⟨zip⟩ ⟨city⟩, telefoon ⟨phone⟩, naar uw polikliniek. Consult op ⟨date_visit⟩, werkdiagnose ⟨icd⟩. Medicatie: ⟨drug⟩.\n\nMet collegiale groet,\n⟨doc⟩, huisarts",
        "Telefoonnotitie ⟨date_visit⟩: ⟨name2⟩ belde namens ⟨name⟩ (pat.nr. ⟨mrn⟩). Terugbellen op ⟨phone⟩. Serienummer pacemaker ⟨serial⟩.",
        "Verpleegkundig overdracht: ⟨name⟩, BSN ⟨bsn⟩, geb. ⟨dob⟩. Ingreep op ⟨date_proc⟩. E-mail familie: ⟨email2⟩",
    ],
}

T["insurance_claim"] = {
    "en": [
        "@US HEALTH INSURANCE CLAIM\n1a. Insured's ID number: ⟨member⟩\n2. Patient name: ⟨name⟩\n3. Patient DOB: ⟨dob⟩   Sex: ⟨sex⟩\n5. Patient address: ⟨street⟩, ⟨city⟩ ⟨zip⟩   Tel: ⟨phone⟩\n21. Diagnosis: A. ⟨icd⟩  B. ⟨icd2⟩\n24A. Date of service: ⟨date_svc⟩\n24J. Rendering provider NPI: ⟨npi⟩\nTotal charge: $⟨amount⟩",
        "@US First notice of loss - auto\nClaim ref ⟨ref⟩\nInsured: ⟨name⟩ (⟨phone⟩, ⟨email⟩)\nDate of loss: ⟨date_loss⟩\nVehicle VIN: ⟨vin⟩\nDriver's license: ⟨dl⟩ (⟨dl_state⟩)\nDescription: [[rear-ended at a traffic light|hit a deer on the highway|sideswiped in a parking garage]].",
        "Hi ⟨first⟩,\n\n[[We've received|Thanks for submitting]] your claim ⟨ref⟩ for the [[stolen|damaged|lost]] handset (IMEI ⟨imei⟩) reported on ⟨date_loss⟩. To pay the settlement of ⟨amount⟩ we need your bank details; the [[IBAN|account]] you gave, ⟨iban⟩, [[looks correct|has been verified]].\n\nRegards,\n⟨agent_full⟩, Claims Team",
        "@US Adjuster note: spoke with claimant ⟨name⟩ on ⟨date_loss⟩. SSN on file ⟨ssn⟩. Requested direct deposit: routing ⟨routing⟩, account ⟨acct⟩. Mailing address ⟨street⟩, ⟨city⟩ ⟨zip⟩.",
        "@US Pharmacy claim ⟨ref⟩ rejected: prescriber DEA ⟨dea⟩ does not match NPI ⟨npi⟩ on file. Member ⟨name⟩, ID ⟨member⟩, fill date ⟨date_svc⟩.",
        "@GB Private medical insurance pre-authorisation for ⟨name⟩ (⟨dob⟩), NHS no. ⟨nhs⟩, membership no. ⟨member⟩. Consultant: ⟨doc⟩. Planned procedure date ⟨date_proc⟩.",
        "@US Appeal of denied claim ⟨ref⟩\nMember: ⟨name⟩, Medicare ID ⟨mbi⟩, DOB ⟨dob⟩\nService date: ⟨date_svc⟩. The procedure was medically necessary given ⟨dx⟩ (⟨icd⟩). Ordering physician ⟨doc⟩, NPI ⟨npi⟩.",
        "@GB Travel insurance claim ⟨ref⟩: ⟨name⟩ (DOB ⟨dob⟩) was treated abroad on ⟨date_svc⟩. NHS number ⟨nhs⟩. Reimburse to ⟨iban⟩ (BIC ⟨bic⟩). Contact: ⟨phone⟩ / ⟨email⟩.",
        "Death claim - policyholder ⟨name⟩, date of death ⟨date1⟩, date of birth ⟨dob⟩. Beneficiary ⟨name2⟩, ⟨street⟩, ⟨zip⟩. [[Please call|Reach the beneficiary at]] ⟨phone⟩.",
        "@GB Home contents claim ⟨ref⟩. Policyholder ⟨name⟩, ⟨street⟩, ⟨city⟩ ⟨zip⟩. Items stolen on ⟨date_loss⟩ include a laptop (serial ⟨serial⟩) and a phone with IMEI ⟨imei⟩.",
    ],
    "de": [
        "Schadenmeldung Kfz ⟨ref⟩\nVersicherungsnehmer/in: ⟨name⟩, ⟨street⟩, ⟨zip⟩ ⟨city⟩\nSchadentag: ⟨date_loss⟩\nFIN: ⟨vin⟩\nTelefon: ⟨phone⟩ - E-Mail: ⟨email⟩\nAuszahlung auf IBAN ⟨iban⟩",
        "Sehr geehrte Damen und Herren,\nhiermit reiche ich die Rechnung für die Behandlung am ⟨date_svc⟩ ein. Versicherte: ⟨name⟩, geb. ⟨dob⟩, Krankenversichertennummer ⟨kvnr⟩. Diagnose ⟨icd⟩. Bitte erstatten Sie den Betrag auf ⟨iban⟩ (⟨bic⟩).\nMit freundlichen Grüßen\n⟨name⟩",
        "Handyversicherung: Verlust am ⟨date_loss⟩, Gerät IMEI ⟨imei⟩, Kunde ⟨name⟩, Rückruf ⟨phone⟩.",
    ],
    "fr": [
        "Déclaration de sinistre auto ⟨ref⟩\nAssuré(e) : ⟨name⟩, ⟨street⟩, ⟨zip⟩ ⟨city⟩\nDate du sinistre : ⟨date_loss⟩\nN° VIN : ⟨vin⟩\nTél. : ⟨phone⟩\nRIB : ⟨iban⟩",
        "Demande de remboursement mutuelle : soins du ⟨date_svc⟩ pour ⟨name⟩ (n° de sécurité sociale ⟨nir⟩), diagnostic ⟨icd⟩. Merci de virer sur ⟨iban⟩, BIC ⟨bic⟩. Contact : ⟨email⟩",
        "Bonjour ⟨first⟩, nous avons bien reçu votre déclaration de vol du téléphone (IMEI ⟨imei⟩) survenu le ⟨date_loss⟩. Votre conseiller, ⟨agent_full⟩.",
    ],
    "es": [
        "Parte de siniestro ⟨ref⟩\nAsegurado/a: ⟨name⟩, DNI ⟨dni⟩\nDomicilio: ⟨street⟩, ⟨zip⟩ ⟨city⟩\nFecha del siniestro: ⟨date_loss⟩\nBastidor (VIN): ⟨vin⟩\nTeléfono: ⟨phone⟩",
        "Solicitud de reembolso: asistencia del ⟨date_svc⟩ a ⟨name⟩, tarjeta sanitaria ⟨cip⟩, diagnóstico ⟨icd⟩. Abonar en la cuenta ⟨iban⟩. Correo: ⟨email⟩",
        "Hola ⟨first⟩, hemos registrado el robo de su móvil con IMEI ⟨imei⟩ el ⟨date_loss⟩. Le atiende ⟨agent_full⟩.",
    ],
    "it": [
        "Denuncia di sinistro ⟨ref⟩\nAssicurato: ⟨name⟩ - C.F. ⟨cf⟩\nIndirizzo: ⟨street⟩, ⟨zip⟩ ⟨city⟩\nData del sinistro: ⟨date_loss⟩\nTelaio (VIN): ⟨vin⟩\nIBAN per il rimborso: ⟨iban⟩",
        "Richiesta di rimborso spese mediche del ⟨date_svc⟩ per ⟨name⟩, tessera sanitaria ⟨tessera⟩, diagnosi ⟨icd⟩. Recapito: ⟨phone⟩, ⟨email⟩.",
        "Gentile ⟨first⟩, abbiamo aperto la pratica ⟨ref⟩ per lo smarrimento dello smartphone (IMEI ⟨imei⟩) del ⟨date_loss⟩. Cordiali saluti, ⟨agent_full⟩",
    ],
    "nl": [
        "Schadeformulier ⟨ref⟩\nVerzekerde: ⟨name⟩, ⟨street⟩, ⟨zip⟩ ⟨city⟩\nSchadedatum: ⟨date_loss⟩\nChassisnummer (VIN): ⟨vin⟩\nTelefoon: ⟨phone⟩\nUitbetalen op ⟨iban⟩",
        "Declaratie zorgkosten: behandeling op ⟨date_svc⟩ van ⟨name⟩ (BSN ⟨bsn⟩), diagnose ⟨icd⟩. Rekeningnummer ⟨iban⟩. E-mail ⟨email⟩.",
        "Beste ⟨first⟩, uw melding van diefstal van de telefoon met IMEI ⟨imei⟩ op ⟨date_loss⟩ is ontvangen. Met vriendelijke groet, ⟨agent_full⟩",
    ],
}

T["bank_chat"] = {
    "en": [
        "[09:41] ⟨agent⟩ (⟨org⟩): Hi, thanks for reaching out! How can I help?\n[09:42] Customer: I need to dispute a charge on my card ⟨card⟩, I never made that purchase\n[09:42] ⟨agent⟩: Sorry to hear that. Can you confirm your full name and date of birth?\n[09:43] Customer: ⟨name⟩, ⟨dob⟩\n[09:44] ⟨agent⟩: Thanks ⟨first⟩, I've blocked the card and opened case ⟨ref⟩.",
        "Agent ⟨agent⟩: Good afternoon, who am I speaking with?\nYou: this is ⟨name⟩, I want to send money to [[family|my landlord|a friend]] abroad\nAgent ⟨agent⟩: Sure. Beneficiary name and IBAN please.\nYou: ⟨name2⟩, ⟨iban⟩, BIC ⟨bic⟩\nAgent ⟨agent⟩: Got it, the transfer will arrive in 1-2 business days.",
        "chatbot: Please describe your issue.\nuser: someone logged into my online banking from ⟨ip⟩ last night and it wasn't me!! my login email is ⟨email⟩\nchatbot: I'm connecting you to a specialist.\n⟨agent_full⟩: Hi, I've locked the session. Can you verify the phone number on the account?\nuser: ⟨phone⟩",
        "@US ⟨agent⟩: For direct deposit you'll need our routing number and your account number.\n⟨first⟩: ok so routing ⟨routing⟩ and account ⟨acct⟩?\n⟨agent⟩: Correct. Your employer can also use the void check in the app.\n⟨first⟩: great, thanks",
        "Support transcript ⟨ref⟩\nCustomer (⟨name⟩): I moved, please update my address to ⟨street⟩, ⟨city⟩ ⟨zip⟩ and my mobile to ⟨phone⟩\nAgent (⟨agent⟩): Done! Anything else?\nCustomer (⟨name⟩): also my card ending ⟨last4⟩ keeps getting declined\nAgent (⟨agent⟩): I see a fraud hold, releasing it now.",
        "@US ⟨agent⟩: To reset your PIN I need to verify identity. Full SSN please?\nCustomer: ⟨ssn⟩\n⟨agent⟩: Thank you. And your date of birth?\nCustomer: ⟨dob⟩\n⟨agent⟩: Verified. A new PIN mailer goes to ⟨street⟩.",
        "@GB Hi, I'm ⟨name⟩. I lost my debit card yesterday - the number was ⟨card⟩. My account number is ⟨acct⟩. You can text me on ⟨phone⟩.\n-- reply from ⟨agent⟩: Thanks ⟨first⟩, the card is cancelled and a replacement is on its way.",
        "[agent ⟨agent⟩] hello! incoming wire from the US?\n[client] yes my [[relative|cousin|business partner]] ⟨name2⟩ is sending from their bank, SWIFT ⟨bic_us⟩, routing ⟨routing⟩. my account is ⟨acct⟩\n[agent ⟨agent⟩] perfect, international wires usually post within 48h",
    ],
    "de": [
        "[14:02] ⟨agent⟩ (Kundenservice): Guten Tag, wie kann ich helfen?\n[14:03] Kunde: Meine Karte ⟨card⟩ wurde gestohlen, bitte sperren!\n[14:03] ⟨agent⟩: Das erledige ich sofort. Name und Geburtsdatum bitte.\n[14:04] Kunde: ⟨name⟩, ⟨dob⟩\n[14:05] ⟨agent⟩: Danke, Frau/Herr ⟨last⟩, die Karte ist gesperrt.",
        "Berater ⟨agent⟩: Für die Überweisung benötige ich IBAN und BIC des Empfängers.\nKundin/Kunde: Empfänger ist ⟨name2⟩, IBAN ⟨iban⟩, BIC ⟨bic⟩.\nBerater ⟨agent⟩: Vielen Dank, ausgeführt.",
        "Chat ⟨ref⟩ - ⟨name⟩: Bitte ändern Sie meine Adresse auf ⟨street⟩, ⟨zip⟩ ⟨city⟩ und meine Handynummer auf ⟨phone⟩. Meine E-Mail ist ⟨email⟩.\n⟨agent⟩: Ist erledigt, schönen Tag noch!",
    ],
    "fr": [
        "[10:15] Conseiller ⟨agent⟩ : Bonjour, que puis-je faire pour vous ?\n[10:16] Client : ma carte ⟨card⟩ a été débitée deux fois\n[10:16] Conseiller ⟨agent⟩ : Pouvez-vous me donner vos nom et date de naissance ?\n[10:17] Client : ⟨name⟩, ⟨dob⟩\n[10:18] Conseiller ⟨agent⟩ : Merci, j'ouvre une réclamation.",
        "⟨agent⟩ : Pour le virement, j'ai besoin de l'IBAN du bénéficiaire.\n⟨first⟩ : c'est ⟨name2⟩, ⟨iban⟩, BIC ⟨bic⟩\n⟨agent⟩ : Parfait, c'est enregistré.",
        "Client ⟨name⟩ : quelqu'un s'est connecté depuis l'adresse ⟨ip⟩, ce n'était pas moi. Mon e-mail : ⟨email⟩, mon portable : ⟨phone⟩.\nConseillère ⟨agent⟩ : J'ai bloqué l'accès, vous allez recevoir un code.",
    ],
    "es": [
        "[11:20] Agente ⟨agent⟩: Hola, ¿en qué puedo ayudarle?\n[11:21] Cliente: Me han robado la tarjeta ⟨card⟩\n[11:21] Agente ⟨agent⟩: Lo siento. ¿Nombre completo y DNI?\n[11:22] Cliente: ⟨name⟩, ⟨dni⟩\n[11:23] Agente ⟨agent⟩: Tarjeta bloqueada.",
        "⟨agent⟩: Para la transferencia necesito el IBAN del beneficiario.\n⟨first⟩: es ⟨name2⟩, ⟨iban⟩, BIC ⟨bic⟩\n⟨agent⟩: Perfecto, queda programada.",
        "Cliente ⟨name⟩: quiero cambiar mi dirección a ⟨street⟩, ⟨zip⟩ ⟨city⟩. Mi móvil es ⟨phone⟩ y mi correo ⟨email⟩.\nGestor ⟨agent⟩: Actualizado, gracias.",
    ],
    "it": [
        "[16:05] Operatore ⟨agent⟩: Buongiorno, come posso aiutarla?\n[16:06] Cliente: la mia carta ⟨card⟩ è stata clonata\n[16:06] Operatore ⟨agent⟩: Mi conferma nome e codice fiscale?\n[16:07] Cliente: ⟨name⟩, ⟨cf⟩\n[16:08] Operatore ⟨agent⟩: Carta bloccata, grazie.",
        "⟨agent⟩: Per il bonifico mi serve l'IBAN del beneficiario.\n⟨first⟩: è ⟨name2⟩, ⟨iban⟩, BIC ⟨bic⟩\n⟨agent⟩: Perfetto, eseguito.",
        "Cliente ⟨name⟩: accesso sospetto dall'IP ⟨ip⟩, non sono stato/a io. Email ⟨email⟩, cellulare ⟨phone⟩.\nOperatrice ⟨agent⟩: Ho bloccato l'utenza.",
    ],
    "nl": [
        "[13:30] Medewerker ⟨agent⟩: Goedemiddag, waarmee kan ik helpen?\n[13:31] Klant: mijn pas ⟨card⟩ is gestolen\n[13:31] Medewerker ⟨agent⟩: Wat is uw naam en geboortedatum?\n[13:32] Klant: ⟨name⟩, ⟨dob⟩\n[13:33] Medewerker ⟨agent⟩: De pas is geblokkeerd.",
        "⟨agent⟩: Voor de overboeking heb ik het IBAN van de ontvanger nodig.\n⟨first⟩: ⟨name2⟩, ⟨iban⟩, BIC ⟨bic⟩\n⟨agent⟩: Dank u, staat klaar.",
        "Klant ⟨name⟩: graag mijn adres wijzigen naar ⟨street⟩, ⟨zip⟩ ⟨city⟩. Telefoon ⟨phone⟩, e-mail ⟨email⟩.\n⟨agent⟩: Is aangepast!",
    ],
}

T["hr_email"] = {
    "en": [
        "Subject: New starter - ⟨name⟩\n\nHi team,\n\nPlease welcome ⟨name⟩, who joins [[Finance|Engineering|Customer Success|Operations]] with a hire date of ⟨date_hire⟩. Personal email: ⟨email⟩, mobile ⟨phone⟩. Home address for the welcome pack: ⟨street⟩, ⟨city⟩ ⟨zip⟩.\n\nThanks,\n⟨mgr⟩",
        "@US Subject: Payroll setup\n\n⟨mgr_first⟩,\n\n⟨name⟩'s W-4 is in. SSN ⟨ssn⟩, DOB ⟨dob⟩. Direct deposit to routing ⟨routing⟩, account ⟨acct⟩. Please run before the 15th.\n\n- HR",
        "@GB Subject: Payroll - ⟨name⟩\n\nHi ⟨mgr_first⟩, NI number for ⟨first⟩ is ⟨nino⟩ and salary goes to ⟨iban⟩. Start date ⟨date_hire⟩. Cheers",
        "Subject: Steuer-ID for our Munich hire\n\nHi ⟨mgr_first⟩, ⟨name⟩ relocates to the German entity on ⟨date_hire⟩; the Steuer-ID is ⟨steuer⟩ and salary goes to ⟨iban⟩. - Payroll",
        "Subject: Emergency contact update\n\nHi HR, please update my emergency contact to ⟨name2⟩ ([[spouse|partner|mother|father]]), phone ⟨phone⟩, email ⟨email2⟩. Thanks, ⟨name⟩",
        "@US Subject: Visa letter request\n\nHello, ⟨name⟩ (passport ⟨passport⟩, USA) needs an invitation letter for the Berlin offsite. Date of birth ⟨dob⟩. Employee since ⟨date_hire⟩. - ⟨mgr⟩",
        "Subject: BYOD enrollment\n\n⟨first⟩, your personal phone (IMEI ⟨imei⟩) and laptop Wi-Fi MAC ⟨mac⟩ have been enrolled in MDM. Questions to ⟨mgr⟩ at ⟨email_work⟩.",
        "@US Subject: Background check - ⟨name⟩\n\nCandidate DOB ⟨dob⟩, driver's license ⟨dl⟩ (⟨dl_state⟩), current address ⟨street⟩, ⟨zip⟩. Profile: ⟨url_li⟩. Please initiate by Friday.",
        "Subject: Confidential - leave of absence\n\nDear ⟨mgr_first⟩, ⟨name⟩ will be on medical leave from ⟨date1⟩. The certificate from Dr. ⟨doc⟩ is on file. Please keep this between us.",
    ],
    "de": [
        "Betreff: Neue Mitarbeiterin/neuer Mitarbeiter ⟨name⟩\n\nHallo zusammen,\n\n⟨name⟩ beginnt am ⟨date_hire⟩ bei uns. Steuer-ID: ⟨steuer⟩, IBAN für die Gehaltszahlung: ⟨iban⟩. Privatadresse: ⟨street⟩, ⟨zip⟩ ⟨city⟩.\n\nViele Grüße\n⟨mgr⟩",
        "Betreff: Notfallkontakt\n\nLiebe Personalabteilung, bitte tragt ⟨name2⟩ als Notfallkontakt ein, Tel. ⟨phone⟩. Danke, ⟨first⟩",
        "Betreff: Krankmeldung\n\n⟨mgr_first⟩, ⟨name⟩ (geb. ⟨dob⟩) ist ab ⟨date1⟩ krankgeschrieben, Krankenversichertennummer ⟨kvnr⟩. Private E-Mail: ⟨email⟩",
    ],
    "fr": [
        "Objet : Arrivée de ⟨name⟩\n\nBonjour à tous,\n\n⟨name⟩ rejoint l'équipe le ⟨date_hire⟩. Numéro de sécurité sociale : ⟨nir⟩. RIB : ⟨iban⟩. Adresse : ⟨street⟩, ⟨zip⟩ ⟨city⟩.\n\nCordialement,\n⟨mgr⟩",
        "Objet : Personne à prévenir\n\nMerci d'enregistrer ⟨name2⟩ (⟨phone⟩) comme contact d'urgence. ⟨first⟩",
        "Objet : Arrêt maladie\n\n⟨mgr_first⟩, ⟨name⟩ sera absent(e) à partir du ⟨date1⟩. Mail perso : ⟨email⟩.",
    ],
    "es": [
        "Asunto: Alta de ⟨name⟩\n\nHola equipo,\n\n⟨name⟩ se incorpora el ⟨date_hire⟩. DNI: ⟨dni⟩. Cuenta para la nómina: ⟨iban⟩. Domicilio: ⟨street⟩, ⟨zip⟩ ⟨city⟩.\n\nSaludos,\n⟨mgr⟩",
        "Asunto: Contacto de emergencia\n\nPor favor, añadid a ⟨name2⟩ (⟨phone⟩) como contacto de emergencia. Gracias, ⟨first⟩",
        "Asunto: Baja médica\n\n⟨mgr_first⟩, ⟨name⟩ estará de baja desde el ⟨date1⟩. Correo personal: ⟨email⟩.",
    ],
    "it": [
        "Oggetto: Nuovo assunto ⟨name⟩\n\nCiao a tutti,\n\n⟨name⟩ entra in azienda il ⟨date_hire⟩. Codice fiscale: ⟨cf⟩. IBAN per lo stipendio: ⟨iban⟩. Indirizzo: ⟨street⟩, ⟨zip⟩ ⟨city⟩.\n\nSaluti,\n⟨mgr⟩",
        "Oggetto: Contatto di emergenza\n\nVi chiedo di inserire ⟨name2⟩ (⟨phone⟩) come contatto di emergenza. Grazie, ⟨first⟩",
        "Oggetto: Malattia\n\n⟨mgr_first⟩, ⟨name⟩ è in malattia dal ⟨date1⟩. Email personale: ⟨email⟩.",
    ],
    "nl": [
        "Onderwerp: Nieuwe collega ⟨name⟩\n\nHoi allemaal,\n\n⟨name⟩ start op ⟨date_hire⟩. BSN: ⟨bsn⟩. Salaris naar ⟨iban⟩. Adres: ⟨street⟩, ⟨zip⟩ ⟨city⟩.\n\nGroet,\n⟨mgr⟩",
        "Onderwerp: Noodcontact\n\nWillen jullie ⟨name2⟩ (⟨phone⟩) als noodcontact toevoegen? Dank, ⟨first⟩",
        "Onderwerp: Ziekmelding\n\n⟨mgr_first⟩, ⟨name⟩ is sinds ⟨date1⟩ ziek. Privémail: ⟨email⟩.",
    ],
}

KYC_LABELS = {
    "en": dict(name=["Full name", "Legal name", "Applicant"], dob=["Date of birth", "DOB"], street=["Address line 1", "Residential address", "Street"],
               zip=["ZIP", "Postal code", "Postcode"], city=["City"], phone=["Phone", "Mobile"], email=["Email", "E-mail address"],
               natid_US=["SSN", "Social Security No."], natid_GB=["National Insurance number", "NINO"], passport=["US passport no.", "Passport number"],
               dl=["Driver license"], iban=["IBAN"], bic=["BIC/SWIFT"], acct=["Account number"], routing=["ABA routing"], ip=["Signup IP", "Device IP"],
               url_li=["LinkedIn profile"], occ=["Occupation"], occv=["nurse", "software engineer", "self-employed", "teacher", "retired"]),
    "de": dict(name=["Name, Vorname", "Vollständiger Name"], dob=["Geburtsdatum"], street=["Straße und Hausnummer", "Anschrift"], zip=["PLZ", "Postleitzahl"],
               city=["Ort"], phone=["Telefon", "Mobilnummer"], email=["E-Mail"], natid=["Steuer-ID", "Steuerliche Identifikationsnummer"],
               iban=["IBAN"], bic=["BIC"], ip=["IP-Adresse"], url_li=["LinkedIn"], occ=["Beruf"], occv=["Angestellte/r", "Selbstständig", "Rentner/in", "Ingenieur/in"]),
    "fr": dict(name=["Nom et prénom", "Titulaire"], dob=["Date de naissance"], street=["Adresse"], zip=["Code postal"], city=["Ville"],
               phone=["Téléphone", "Portable"], email=["Courriel", "E-mail"], natid=["N° de sécurité sociale", "NIR"], iban=["IBAN"], bic=["BIC"],
               ip=["Adresse IP"], url_li=["Profil LinkedIn"], occ=["Profession"], occv=["cadre", "enseignant(e)", "artisan", "retraité(e)"]),
    "es": dict(name=["Nombre y apellidos", "Titular"], dob=["Fecha de nacimiento"], street=["Domicilio", "Dirección"], zip=["Código postal", "C.P."],
               city=["Localidad"], phone=["Teléfono", "Móvil"], email=["Correo electrónico"], natid=["DNI/NIE", "DNI"], iban=["IBAN"], bic=["BIC"],
               ip=["IP de registro"], url_li=["Perfil de LinkedIn"], occ=["Profesión"], occv=["autónomo/a", "funcionario/a", "estudiante", "jubilado/a"]),
    "it": dict(name=["Nome e cognome", "Intestatario"], dob=["Data di nascita"], street=["Indirizzo di residenza", "Via"], zip=["CAP"], city=["Comune"],
               phone=["Telefono", "Cellulare"], email=["Email", "PEC"], natid=["Codice fiscale"], iban=["IBAN"], bic=["BIC/SWIFT"], ip=["Indirizzo IP"],
               url_li=["Profilo LinkedIn"], occ=["Professione"], occv=["impiegato/a", "libero professionista", "pensionato/a", "studente"]),
    "nl": dict(name=["Naam", "Volledige naam"], dob=["Geboortedatum"], street=["Straat en huisnummer", "Adres"], zip=["Postcode"], city=["Woonplaats"],
               phone=["Telefoonnummer", "Mobiel"], email=["E-mailadres"], natid=["BSN", "Burgerservicenummer"], iban=["IBAN"], bic=["BIC"],
               ip=["IP-adres"], url_li=["LinkedIn-profiel"], occ=["Beroep"], occv=["zzp'er", "verpleegkundige", "student", "gepensioneerd"]),
}
KYC_TITLES = {"en": ["CUSTOMER ONBOARDING", "Know Your Customer - account opening", "New client intake form", "Identity verification"],
              "de": ["Kontoeröffnung - Legitimationsprüfung", "Kundenstammdaten", "Identitätsprüfung"],
              "fr": ["Ouverture de compte - KYC", "Fiche client", "Vérification d'identité"],
              "es": ["Alta de cliente - KYC", "Ficha de cliente", "Verificación de identidad"],
              "it": ["Apertura conto - adeguata verifica", "Scheda cliente", "Verifica identità"],
              "nl": ["Klantacceptatie - KYC", "Klantgegevens", "Identiteitscontrole"]}


def build_kyc(ctx):
    r, L, C = ctx.rng, ctx.lang, ctx.country
    lab = KYC_LABELS[L]
    fields = [("name", "name"), ("dob", "dob"), ("street", "street"), ("zip", "zip"), ("city", "city")]
    optional = [("phone", "phone"), ("email", "email"), ("occ", "occ")]
    if L == "en":
        ids = [("natid_" + C, "natid")]
        if C == "US":
            ids += [("passport", "passport"), ("dl", "dl")] if r.random() < 0.6 else [("passport", "passport")]
            optional += [("acct", "acct"), ("routing", "routing")] if r.random() < 0.5 else [("iban", "iban"), ("bic", "bic")]
        else:
            optional += [("iban", "iban"), ("bic", "bic")]
    else:
        ids = [("natid", "natid")]
        optional += [("iban", "iban"), ("bic", "bic")]
    optional += [("ip", "ip"), ("url_li", "url_li")]
    chosen = fields + ids + [f for f in optional if r.random() < 0.6]
    head = fields[:2]
    rest = chosen[2:]
    if r.random() < 0.5:
        r.shuffle(rest)
    chosen = head + rest
    style = r.choice(["colon", "pipe", "pipe", "kv", "colon"])
    lines = ["[[=== |## |]]" + r.choice(KYC_TITLES[L])]
    if style == "pipe":
        lines.append("| %s | %s |" % ({"en": "Field", "de": "Feld", "fr": "Champ", "es": "Campo", "it": "Campo", "nl": "Veld"}[L],
                                        {"en": "Value", "de": "Wert", "fr": "Valeur", "es": "Valor", "it": "Valore", "nl": "Waarde"}[L]))
        lines.append("|---|---|")
    for lk, vk in chosen:
        label = r.choice(lab[lk])
        if vk == "occ":
            val = r.choice(lab["occv"])
        elif vk == "dl":
            val = "⟨dl⟩ (⟨dl_state⟩)"
        elif vk == "passport" and r.random() < 0.5:
            val = "⟨passport⟩ (USA)"
        else:
            val = "⟨%s⟩" % vk
        if style == "pipe":
            lines.append("| %s | %s |" % (label, val))
        elif style == "colon":
            lines.append("%s: %s" % (label, val))
        else:
            lines.append("%s%s= %s" % (label.lower().replace(" ", "_").replace(".", ""), " " * r.randint(0, 3), val))
    return "\n".join(lines)


CMT = {"en": ["# production secrets - do not commit", "# TODO move to vault", "# staging config", "# copied from prod, rotate later"],
       "de": ["# Produktionsschlüssel - nicht committen", "# TODO: in den Vault verschieben", "# Staging-Konfiguration"],
       "fr": ["# secrets de prod - ne pas committer", "# TODO : déplacer dans le coffre", "# config de recette"],
       "es": ["# claves de producción - no subir", "# TODO: mover al vault", "# configuración de staging"],
       "it": ["# chiavi di produzione - non committare", "# TODO spostare nel vault", "# configurazione di staging"],
       "nl": ["# productiesleutels - niet committen", "# TODO naar de vault verplaatsen", "# staging-configuratie"]}

T_CODE = [
    "⟨cmt⟩\nAPP_ENV=production\nDATABASE_URL=postgres://app_user:⟨pw⟩@⟨ip4⟩:5432/orders\nSTRIPE_SECRET_KEY=⟨key_stripe⟩\nADMIN_CONTACT=⟨email_work⟩\nLOG_LEVEL=info",
    "⟨cmt⟩\naws:\n  access_key_id: ⟨key_aws⟩\n  secret_access_key: ⟨key_awssecret⟩\n  region: eu-central-1\ndatabase:\n  host: ⟨ip4⟩\n  user: reporting\n  password: \"⟨pw⟩\"",
    "curl -s https://api.openai.com/v1/chat/completions \\\n  -H \"Authorization: Bearer ⟨key_openai⟩\" \\\n  -H \"Content-Type: application/json\" \\\n  -d '{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"ping\"}]}'",
    "2024-05-02T11:08:13Z WARN  auth: login failed user=⟨email⟩ src=⟨ip⟩ attempts=5\n2024-05-02T11:08:14Z ERROR webhook: upstream rejected token ⟨key_gh⟩\n2024-05-02T11:08:15Z INFO  retry scheduled in 30s",
    "{\n  \"slack\": {\"bot_token\": \"⟨key_slack⟩\", \"channel\": \"#ops-alerts\"},\n  \"owner\": \"⟨email_work⟩\",\n  \"timeout_ms\": 5000\n}",
    "import anthropic\n\n⟨cmt⟩\nclient = anthropic.Anthropic(api_key=\"⟨key_anthropic⟩\")\nresp = client.messages.create(model=\"claude-3-5-sonnet-latest\", max_tokens=256, messages=[{\"role\": \"user\", \"content\": \"hi\"}])",
    "⟨ip⟩ - - [12/Mar/2024:10:14:02 +0000] \"GET /account/settings HTTP/1.1\" 200 5123 \"-\" \"Mozilla/5.0\"\n⟨ip2⟩ - - [12/Mar/2024:10:14:05 +0000] \"POST /login HTTP/1.1\" 302 0 \"-\" \"curl/8.4.0\"",
    "services:\n  db:\n    image: mysql:8.0\n    environment:\n      MYSQL_ROOT_PASSWORD: ⟨pw⟩\n      MYSQL_DATABASE: crm\n  cache:\n    image: redis:7\n    command: redis-server --requirepass ⟨pw2⟩",
    "commit 3f9c2a1\nAuthor: ⟨name⟩ <⟨email⟩>\n\n    fix: remove hard-coded key ⟨key_google⟩ from maps widget",
    "const sgMail = require('@sendgrid/mail');\n⟨cmt⟩\nsgMail.setApiKey('⟨key_sendgrid⟩');\n// see https://docs.sendgrid.com/for-developers for usage",
    "REDIS_URL=redis://:⟨pw⟩@⟨ip4⟩:6379/0\nMONGO_URI=mongodb+srv://admin:⟨pw2⟩@cluster0.x7k2p.mongodb.net/prod\nJWT_SECRET=⟨key_hex⟩",
    "[support-bot] customer lookup ok: name=\"⟨name⟩\" email=⟨email⟩ last_ip=⟨ip6⟩ device_mac=⟨mac⟩ phone=⟨phone⟩",
    "export GITHUB_TOKEN=⟨key_gh⟩\nexport OPENAI_API_KEY=⟨key_openai⟩\nssh deploy@⟨ip4⟩ 'systemctl restart api'",
    "<script src=\"https://maps.googleapis.com/maps/api/js?key=⟨key_google⟩&callback=initMap\" async></script>\n<!-- ⟨cmt⟩ -->",
    "[database]\nhost = \"⟨ip4⟩\"\nport = 5432\nuser = \"billing\"\npassword = \"⟨pw⟩\"\n\n[payments]\nstripe_key = \"⟨key_stripe⟩\"",
]

T["llm_prompt"] = {
    "en": [
        "Can you write a [[polite|short|firm but friendly]] email to ⟨name⟩ (⟨email⟩) letting them know that the payment on card ⟨card⟩ was declined and asking them to call us on ⟨phone⟩?",
        "Summarize this discharge note in plain language for the family:\n\n\"⟨name⟩, DOB ⟨dob⟩, admitted ⟨date_adm⟩ with ⟨dx⟩ (⟨icd⟩), discharged ⟨date_dis⟩. Follow up with Dr. ⟨doc⟩.\"",
        "Translate into Spanish please: Dear ⟨name⟩, we have registered your new address, ⟨street⟩, ⟨zip⟩, and your IBAN ⟨iban⟩ for future refunds.",
        "@JSON Please turn this into a formal complaint letter. I am ⟨name⟩, my account number is ⟨acct⟩ and on my statement there is a charge I don't recognise.\nMy phone: ⟨phone⟩\nMy email: \"⟨email⟩\"",
        "Fix the formatting of this CSV, the columns are misaligned:\nname;dob;ssn;phone\n⟨name⟩;⟨dob⟩;⟨ssn⟩;⟨phone⟩",
        "Help me write a cover letter. Details: ⟨name⟩, ⟨street⟩, ⟨city⟩ ⟨zip⟩, ⟨phone⟩, ⟨email⟩, LinkedIn ⟨url_li⟩. Applying for a [[data analyst|nursing|project manager]] role.",
        "@JSON Extract all identifiers from this prescription as a table:\nPrescriber: ⟨doc⟩\nDEA: ⟨dea⟩\nNPI: ⟨npi⟩\nPatient: ⟨name⟩ (⟨dob⟩)",
        "@US is this SSN format right for the form? ⟨ssn⟩ - it's for my [[parent|in-law]] ⟨name2⟩, born ⟨dob2⟩",
        "@GB Rewrite this more kindly: \"⟨first⟩, your NHS number ⟨nhs⟩ was wrong on the referral, ring us on ⟨phone⟩.\"",
        "@JSON Summarise the claim: insured ⟨name⟩, VIN ⟨vin⟩, date of loss ⟨date_loss⟩, claim ⟨ref⟩, contact ⟨phone⟩.",
    ],
    "de": [
        "Kannst du eine freundliche E-Mail an ⟨name⟩ (⟨email⟩) formulieren? Es geht um die Rücklastschrift von IBAN ⟨iban⟩.",
        "Fasse diesen Arztbrief kurz zusammen: \"⟨name⟩, geb. ⟨dob⟩, stationär vom ⟨date_adm⟩ bis ⟨date_dis⟩, Diagnose ⟨icd⟩.\"",
        "@JSON Übersetze ins Englische: Sehr geehrte/r ⟨name⟩, Ihre Steuer-ID ⟨steuer⟩ und Ihre Anschrift ⟨street⟩, ⟨zip⟩ wurden gespeichert.",
    ],
    "fr": [
        "Peux-tu rédiger un e-mail à ⟨name⟩ (⟨email⟩) pour lui rappeler que le prélèvement sur ⟨iban⟩ a échoué ?",
        "Résume ce compte rendu : « ⟨name⟩, né(e) le ⟨dob⟩, hospitalisé(e) du ⟨date_adm⟩ au ⟨date_dis⟩, diagnostic ⟨icd⟩. »",
        "@JSON Traduis en anglais : Madame, Monsieur ⟨name⟩, votre numéro de sécurité sociale ⟨nir⟩ et votre téléphone ⟨phone⟩ ont été mis à jour.",
    ],
    "es": [
        "¿Puedes redactar un correo a ⟨name⟩ (⟨email⟩) para recordarle que el cargo en la tarjeta ⟨card⟩ fue rechazado?",
        "Resume este informe: \"⟨name⟩, nacido/a el ⟨dob⟩, ingresó el ⟨date_adm⟩ con diagnóstico ⟨icd⟩.\"",
        "@JSON Traduce al inglés: Estimado/a ⟨name⟩, hemos registrado su DNI ⟨dni⟩ y su domicilio ⟨street⟩, ⟨zip⟩.",
    ],
    "it": [
        "Puoi scrivere una email a ⟨name⟩ (⟨email⟩) per ricordare che l'addebito sull'IBAN ⟨iban⟩ non è andato a buon fine?",
        "Riassumi questo referto: \"⟨name⟩, nato/a il ⟨dob⟩, ricoverato/a il ⟨date_adm⟩, diagnosi ⟨icd⟩.\"",
        "@JSON Traduci in inglese: Gentile ⟨name⟩, abbiamo registrato il suo codice fiscale ⟨cf⟩ e il numero ⟨phone⟩.",
    ],
    "nl": [
        "Kun je een mail schrijven aan ⟨name⟩ (⟨email⟩) dat de incasso van ⟨iban⟩ is mislukt?",
        "Vat deze brief samen: \"⟨name⟩, geboren ⟨dob⟩, opgenomen op ⟨date_adm⟩, diagnose ⟨icd⟩.\"",
        "@JSON Vertaal naar het Engels: Beste ⟨name⟩, uw BSN ⟨bsn⟩ en adres ⟨street⟩, ⟨zip⟩ zijn verwerkt.",
    ],
}

JSON_WRAPPERS = [
    ('{"model": "gpt-4o", "messages": [{"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": "', '"}], "temperature": 0.2}'),
    ('{"model":"claude-3-5-sonnet-latest","max_tokens":1024,"messages":[{"role":"user","content":"', '"}]}'),
    ('POST /v1/chat HTTP/1.1\nContent-Type: application/json\n\n{"prompt": "', '", "stream": false}'),
    ('{\n  "input": "', '",\n  "user": "session-42"\n}'),
]


# ---------------------------------------------------------------- negatives (no spans)

NEG = {}
NEG["negative_news"] = {
    "en": ["Taylor Swift announced [[three|two|five]] extra dates for her European tour, with tickets on sale from 14 June 2024.",
           "Microsoft said on Tuesday that its quarterly revenue rose [[12|15|17]]% to $[[61.9|56.5|64.7]] billion.",
           "Elon Musk told investors in Austin that the new model would ship in late [[2025|2026]].",
           "The city council of Leeds approved the new tram line, with construction expected to start in March.",
           "Serena Williams was inducted into the hall of fame at a ceremony in Newport on July 20.",
           "Apple will release iOS 18 on September 16, the company confirmed at its developer conference.",
           "Former president Barack Obama spoke at the library opening in Chicago on Thursday.",
           "Prime Minister Keir Starmer met union leaders at Downing Street on 4 October.",
           "The Johnson & Johnson settlement was approved by a federal judge in New Jersey.",
           "Shares of Ford Motor fell after the recall of 1.9 million vehicles was announced.",
           "NASA's Artemis II crew, including Christina Koch, visited Houston schools this week.",
           "Box office: the sequel earned $[[88|102|75]] million in its opening weekend in North America.",
           "Lionel Messi scored twice as Inter Miami beat Atlanta 3-1 on Saturday night."],
    "de": ["Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten.",
           "Die Deutsche Bahn kündigte für den 15. Dezember einen neuen Fahrplan an.",
           "Angela Merkel stellte ihre Memoiren am 26. November in Berlin vor.",
           "Siemens meldete einen Umsatzanstieg von [[8|6|11]] Prozent im dritten Quartal.",
           "Thomas Müller bestritt sein 700. Pflichtspiel für den FC Bayern München.",
           "In Hamburg beginnt der Bau der neuen U-Bahn-Linie U5 im Frühjahr."],
    "fr": ["Emmanuel Macron a reçu les dirigeants européens à l'Élysée le 12 mars.",
           "Kylian Mbappé a marqué deux buts lors du match contre la Belgique.",
           "La SNCF a annoncé de nouvelles lignes TGV entre Lyon et Marseille dès juillet.",
           "Le groupe LVMH a publié un chiffre d'affaires en hausse de [[9|7|5]] %.",
           "La mairie de Bordeaux inaugurera le nouveau pont le 1er juin."],
    "es": ["El presidente Pedro Sánchez se reunió con los sindicatos en Madrid el martes.",
           "Rafael Nadal disputará su último torneo en Málaga en noviembre.",
           "Inditex aumentó su beneficio un [[10|12|14]] % en el primer semestre.",
           "El Ayuntamiento de Valencia presentó el nuevo plan de movilidad el 3 de abril.",
           "Renfe lanzará nuevos trenes entre Barcelona y Sevilla a partir de septiembre."],
    "it": ["La presidente del Consiglio Giorgia Meloni ha incontrato i sindacati a Roma.",
           "Jannik Sinner ha vinto il torneo di Torino battendo il numero due del mondo.",
           "Ferrari ha presentato la nuova vettura a Maranello il 13 febbraio.",
           "Il Comune di Milano ha annunciato l'apertura della linea M4 entro l'estate.",
           "Eni ha registrato un utile in crescita del [[6|8|4]] per cento."],
    "nl": ["Premier Dick Schoof sprak maandag in Den Haag met de vakbonden.",
           "Max Verstappen won de Grand Prix van Zandvoort voor de derde keer.",
           "ASML meldde een omzetstijging van [[13|9|18]] procent in het tweede kwartaal.",
           "De gemeente Utrecht opent het nieuwe station op 1 september.",
           "Philips kondigde een reorganisatie aan bij de vestiging in Eindhoven."],
}
NEG["negative_business"] = {
    "en": ["Your order ⟨order⟩ has shipped and should arrive within 3-5 business days.",
           "Invoice ⟨inv⟩ for $⟨amount⟩ is due by [[April 30, 2024|the end of the month|30 June]].",
           "We charged the card ending in [[4242|1881|0005]] for your annual subscription.",
           "Ticket ⟨tkt⟩ has been escalated to tier 2; expect an update by Friday.",
           "Reference number ⟨bad16⟩ - please quote it on all correspondence.",
           "Tracking ID: ⟨bad16⟩ (carrier: DHL Express).",
           "The quarterly planning meeting moved to 10:00 on Thursday, room 4B.",
           "Please submit expense reports before the deadline on [[March 15|15 March|the 20th]].",
           "SKU ⟨sku⟩ is back in stock; ⟨qty⟩ units allocated to the Denver warehouse.",
           "PO ⟨inv⟩ approved. Net 30 payment terms apply.",
           "Our support line is open Monday to Friday, 8am to 6pm."],
    "de": ["Ihre Bestellung ⟨order⟩ wurde versandt.", "Rechnung ⟨inv⟩ über ⟨amount⟩ EUR ist bis zum 31.05.2024 fällig.",
           "Die Karte mit Endziffern [[4242|0019]] wurde belastet.", "Vorgangsnummer ⟨bad16⟩ bitte bei Rückfragen angeben.",
           "Das Meeting wurde auf Donnerstag, 14 Uhr verschoben.", "Ticket ⟨tkt⟩ wurde an den 2nd-Level-Support übergeben."],
    "fr": ["Votre commande ⟨order⟩ a été expédiée.", "La facture ⟨inv⟩ de ⟨amount⟩ € est à régler avant le 30 avril.",
           "Carte se terminant par [[4242|7781]] débitée.", "Numéro de suivi : ⟨bad16⟩.", "Réunion reportée à jeudi 10h, salle B.",
           "Le ticket ⟨tkt⟩ a été transmis au niveau 2."],
    "es": ["Su pedido ⟨order⟩ ha sido enviado.", "La factura ⟨inv⟩ por ⟨amount⟩ € vence el 30 de junio.",
           "Cargo en la tarjeta terminada en [[4242|3310]].", "Número de seguimiento: ⟨bad16⟩.", "La reunión se traslada al jueves a las 10:00.",
           "La incidencia ⟨tkt⟩ ha sido escalada."],
    "it": ["Il suo ordine ⟨order⟩ è stato spedito.", "La fattura ⟨inv⟩ di ⟨amount⟩ € scade il 31 luglio.",
           "Addebito sulla carta che termina con [[4242|9904]].", "Codice di tracciamento: ⟨bad16⟩.", "La riunione è spostata a giovedì alle 10.",
           "Il ticket ⟨tkt⟩ è stato inoltrato al secondo livello."],
    "nl": ["Uw bestelling ⟨order⟩ is verzonden.", "Factuur ⟨inv⟩ van € ⟨amount⟩ moet vóór 31 mei betaald zijn.",
           "Kaart eindigend op [[4242|5120]] is belast.", "Trackingnummer: ⟨bad16⟩.", "Het overleg is verplaatst naar donderdag 10.00 uur.",
           "Ticket ⟨tkt⟩ is doorgezet naar de tweede lijn."],
}
NEG["negative_clinical"] = {
    "en": ["The usual adult starting dose of metformin is 500 mg twice daily with meals.",
           "How are ICD-10 codes structured, and what is the difference between a category and a subcategory?",
           "About [[1 in 10|11%|one in nine]] adults in the US has diabetes, according to national surveys.",
           "Amoxicillin 875 mg every 12 hours is a common regimen for uncomplicated infections.",
           "What is the recommended interval between tetanus boosters for adults?",
           "Does the ICD-10-CM code set get updated every October?",
           "Hypertension is defined as a blood pressure of 130/80 mmHg or higher in current guidelines.",
           "In the trial, 342 participants received the vaccine and 338 received placebo.",
           "Patients on warfarin should keep their vitamin K intake consistent.",
           "Can ibuprofen be taken together with paracetamol?"],
    "de": ["Die übliche Startdosis von Ramipril beträgt 2,5 mg einmal täglich.", "Wie ist der ICD-10-GM aufgebaut?",
           "Etwa 7 Prozent der Erwachsenen in Deutschland haben Diabetes.", "Darf man Ibuprofen und Paracetamol kombinieren?",
           "Die Grippeimpfung wird ab 60 Jahren jährlich empfohlen."],
    "fr": ["La dose habituelle de paracétamol est de 1 g jusqu'à 3 fois par jour.", "Comment fonctionne la classification CIM-10 ?",
           "Environ 6 % des adultes en France sont diabétiques.", "Le rappel du vaccin contre le tétanos se fait à 25, 45 et 65 ans.",
           "Peut-on prendre de l'ibuprofène pendant la grossesse ?"],
    "es": ["La dosis habitual de omeprazol es de 20 mg al día.", "¿Cómo se estructura la clasificación CIE-10?",
           "Alrededor del 14 % de los adultos en España tiene diabetes.", "¿Se puede tomar ibuprofeno con paracetamol?",
           "La vacuna de la gripe se recomienda a mayores de 60 años."],
    "it": ["La dose abituale di atorvastatina è 10-20 mg la sera.", "Come è strutturata la classificazione ICD-10?",
           "Circa il 6 per cento degli adulti in Italia ha il diabete.", "Si può assumere ibuprofene insieme al paracetamolo?",
           "Il richiamo antitetanico è consigliato ogni 10 anni."],
    "nl": ["De gebruikelijke dosis paracetamol is 500 tot 1000 mg per keer.", "Hoe is de ICD-10-classificatie opgebouwd?",
           "Ongeveer 1 op de 15 Nederlanders heeft diabetes.", "Mag je ibuprofen combineren met paracetamol?",
           "De griepprik wordt aangeraden vanaf 60 jaar."],
}
NEG_CODE = ["export OPENAI_API_KEY=YOUR_API_KEY\n# replace with your own key from the dashboard",
            "STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx  # placeholder",
            "git checkout ⟨sha⟩\ngit cherry-pick ⟨sha2⟩",
            "request_id=⟨uuid⟩ status=200 duration_ms=⟨qty⟩",
            "Bump version from ⟨ver⟩ to ⟨ver2⟩ (see CHANGELOG.md)",
            "See the docs at https://docs.python.org/3/library/json.html for the full API.",
            "api_key: \"<your-api-key-here>\"\ntimeout: 30",
            "curl -H \"Authorization: Bearer $TOKEN\" https://api.github.com/repos/OWNER/REPO/releases",
            "DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DBNAME",
            "pip install requests==⟨ver⟩ urllib3==⟨ver2⟩",
            "docker pull nginx@sha256:⟨sha256⟩",
            "const id = crypto.randomUUID(); // e.g. ⟨uuid⟩",
            "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt",
            "Merged pull request #⟨qty⟩ from feature/rate-limiter",
            "AWS_ACCESS_KEY_ID=<access-key-id>\nAWS_SECRET_ACCESS_KEY=<secret-access-key>",
            "See https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Authorization",
            "checksum: ⟨sha256⟩"]
NEG_CODE_CMT = {"en": "# see README", "de": "# siehe README", "fr": "# voir le README", "es": "# ver el README", "it": "# vedi il README", "nl": "# zie README"}


def neg_value(rng, key):
    if key == "order": return rng.choice(["#", "A-", "ORD-", "", "No. "]) + str(rng.randint(100000, 99999999))
    if key == "inv": return "%s-%d-%05d" % (rng.choice(["INV", "RE", "FAC", "PO"]), rng.randint(2019, 2024), rng.randint(1, 99999))
    if key == "tkt": return rng.choice(["#", "JIRA-", "SUP-", "HD"]) + str(rng.randint(1000, 999999))
    if key == "sku": return "SKU-%s-%d" % (rand_str(rng, 3, string.ascii_uppercase), rng.randint(100, 9999))
    if key == "qty": return str(rng.randint(2, 4000))
    if key == "amount": return "%d.%02d" % (rng.randint(10, 9999), rng.randint(0, 99))
    if key in ("sha", "sha2"): return rand_str(rng, 40, "0123456789abcdef")
    if key == "sha256": return rand_str(rng, 64, "0123456789abcdef")
    if key == "uuid":
        h = rand_str(rng, 32, "0123456789abcdef")
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:])
    if key in ("ver", "ver2"): return "%d.%d.%d" % (rng.randint(0, 5), rng.randint(0, 30), rng.randint(0, 20))
    if key == "bad16":
        while True:
            n = digits(rng, 16)
            if not luhn_ok(n):
                break
        return rng.choice([n, " ".join(n[i:i + 4] for i in range(0, 16, 4))])
    raise KeyError(key)


# ---------------------------------------------------------------- assembly

LANGS = ["en", "de", "fr", "es", "it", "nl"]
POS_SLICES = ["clinical", "insurance_claim", "bank_chat", "hr_email", "kyc", "code_secrets", "llm_prompt"]
NEG_SLICES = ["negative_news", "negative_business", "negative_clinical", "negative_code"]
COUNTS = {"clinical": 86, "insurance_claim": 86, "bank_chat": 86, "hr_email": 86, "kyc": 86, "code_secrets": 86, "llm_prompt": 84,
          "negative_news": 50, "negative_business": 50, "negative_clinical": 50, "negative_code": 50}


def lang_plan(rng, n):
    per_other = round(n * 0.1)
    plan = ["en"] * (n - 5 * per_other)
    for l in LANGS[1:]:
        plan += [l] * per_other
    rng.shuffle(plan)
    return plan


class Picker:
    """least-used-first choice so that no template dominates"""
    def __init__(self):
        self.used = {}

    def pick(self, rng, key, options):
        counts = [self.used.get((key, i), 0) for i in range(len(options))]
        lo = min(counts)
        idx = rng.choice([i for i, c in enumerate(counts) if c == lo])
        self.used[(key, idx)] = lo + 1
        return options[idx]


def country_ok(tpl, country):
    if tpl.startswith("@US "):
        return country == "US"
    if tpl.startswith("@GB "):
        return country == "GB"
    return True


def strip_country(tpl):
    return tpl[4:] if tpl[:4] in ("@US ", "@GB ") else tpl


def make_positive(rng, picker, slice_, lang):
    ctx = Ctx(rng, lang)
    if slice_ == "kyc":
        return render(ctx, build_kyc(ctx))
    if slice_ == "code_secrets":
        return render(ctx, picker.pick(rng, ("code", lang), T_CODE))
    opts = [t for t in T[slice_][lang] if country_ok(t, ctx.country)]
    tpl = strip_country(picker.pick(rng, (slice_, lang, ctx.country), opts))
    if tpl.startswith("@JSON "):
        inner = json_escape_segs(render(ctx, tpl[6:]))
        pre, post = rng.choice(JSON_WRAPPERS)
        return [(pre, None)] + inner + [(post, None)]
    return render(ctx, tpl)


def render_neg(rng, tpl):
    tpl = resolve_choices(rng, tpl)
    return PH.sub(lambda m: neg_value(rng, m.group(1)), tpl)


def make_negative(rng, picker, slice_, lang):
    if slice_ == "negative_code":
        k = rng.choice([1, 1, 2])
        parts = [render_neg(rng, picker.pick(rng, ("negcode",), NEG_CODE)) for _ in range(k)]
        if rng.random() < 0.3:
            parts.insert(0, NEG_CODE_CMT[lang])
        return [("\n".join(parts), None)]
    pool = NEG[slice_][lang]
    k = min(len(pool), rng.choice([1, 2, 2, 3]))
    chosen = []
    while len(chosen) < k:
        t = picker.pick(rng, (slice_, lang), pool)
        if t in chosen:
            break
        chosen.append(t)
    sep = rng.choice([" ", " ", "\n"])
    return [(sep.join(render_neg(rng, t) for t in chosen), None)]


# ---------------------------------------------------------------- validation of labeled values

def _d(v):
    return re.sub(r"[\s.\-/]", "", v)


def validate_value(ent, v):
    d = _d(v)
    if ent == "CREDIT_CARD":
        return d.isdigit() and len(d) in (15, 16) and luhn_ok(d)
    if ent == "IBAN":
        return d[:2] in IBAN_LEN and len(d) == IBAN_LEN[d[:2]] and iban_ok(d)
    if ent == "US_BANK_ROUTING":
        return len(d) == 9 and aba_ok(d)
    if ent == "NPI":
        return len(d) == 10 and luhn_ok("80840" + d)
    if ent == "DEA_NUMBER":
        return len(v) == 9 and dea_ok(v)
    if ent == "UK_NHS":
        return len(d) == 10 and nhs_check(d[:9]) == int(d[9])
    if ent == "NL_BSN":
        return len(d) == 9 and bsn_ok(d)
    if ent == "US_SSN":
        a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
        return len(d) == 9 and 0 < a < 900 and a != 666 and g > 0 and s > 0
    if ent == "VEHICLE_ID":
        return len(v) == 17 and vin_check(v) == v[8] and not set("IOQ") & set(v)
    if ent == "UK_NINO":
        return d[0] not in NINO_BAD_FIRST and d[1] not in NINO_BAD_SECOND and d[:2] not in NINO_BAD_PAIRS and d[2:8].isdigit() and d[8] in "ABCD"
    if ent == "IT_FISCAL_CODE":
        return len(v) == 16 and cf_check_char(v[:15]) == v[15]
    if ent == "FR_NIR":
        return len(d) == 15 and 97 - int(d[:13]) % 97 == int(d[13:])
    if ent == "DE_TAX_ID":
        from collections import Counter
        c = Counter(d[:10])
        return len(d) == 11 and d[0] != "0" and steuer_check(d[:10]) == int(d[10]) and sorted(c.values())[-1] == 2 and len(c) == 9
    if ent == "ES_DNI":
        n = d[:-1]
        if n[0] in "XYZ":
            n = str("XYZ".index(n[0])) + n[1:]
        return DNI_LETTERS[int(n) % 23] == d[-1]
    if ent == "DEVICE_ID" and d.isdigit() and len(d) == 15:
        return luhn_ok(d)
    return True


def check_record(rec, values):
    b = rec["text"].encode("utf-8")
    prev = 0
    if rec["slice"].startswith("negative"):
        assert rec["spans"] == [], rec["id"]
    for sp, val in zip(rec["spans"], values):
        assert sp["start"] >= prev and sp["end"] > sp["start"], rec["id"]
        assert b[sp["start"]:sp["end"]].decode("utf-8") == val, (rec["id"], val)
        assert val == val.strip() and val, (rec["id"], val)
        assert validate_value(sp["entity"], val), (rec["id"], sp["entity"], val)
        prev = sp["end"]
    assert "\u27e8" not in rec["text"] and "[[" not in rec["text"] and "\u27e9" not in rec["text"], rec["id"]


def main():
    rng = random.Random(SEED)
    picker = Picker()
    recs = []
    for slice_ in POS_SLICES + NEG_SLICES:
        for lang in lang_plan(rng, COUNTS[slice_]):
            if slice_.startswith("negative"):
                segs = make_negative(rng, picker, slice_, lang)
            else:
                segs = make_positive(rng, picker, slice_, lang)
            text, spans = finalize(segs)
            recs.append((lang, slice_, text, spans))
    rng.shuffle(recs)
    lines = []
    for i, (lang, slice_, text, spans) in enumerate(recs, 1):
        values = [s.pop("_v") for s in spans]
        rec = {"id": "ho-%04d" % i, "lang": lang, "slice": slice_, "text": text, "spans": spans}
        check_record(rec, values)
        lines.append(json.dumps(rec, ensure_ascii=False))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d records to %s" % (len(lines), OUT))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generator of eval-dev10: identifiers, codes and addresses other than names.

Python 3 standard library only; fixed seed; byte-for-byte deterministic.

    python3 gen.py            # writes dev10.jsonl
    python3 gen.py --stats    # also prints the counts tables

Every labelled value is inserted as its own segment; spans come from the
inserted segments (UTF-8 byte offsets), never from searching the text.
All vocabulary is written by hand below; all values are invented.
"""
import base64
import datetime
import ipaddress
import json
import os
import random
import re
import sys
import unicodedata

SEED = 20261208
LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl']
SLICES = ['calls', 'sms', 'finance', 'logs', 'clinical', 'forms']
NEG_SHARE = 0.35

# The labels of detectors/src/entity.rs (the kinds! block).
LABELS = [
    'PERSON', 'EMAIL', 'PHONE', 'US_SSN', 'CREDIT_CARD', 'IBAN',
    'US_BANK_ROUTING', 'SWIFT_BIC', 'ACCOUNT_NUMBER', 'IP_ADDRESS', 'URL',
    'DATE', 'STREET_ADDRESS', 'ZIP_CODE', 'MEDICAL_RECORD_NUMBER',
    'HEALTH_PLAN_ID', 'NPI', 'DEA_NUMBER', 'ICD10_CODE', 'US_PASSPORT',
    'US_DRIVER_LICENSE', 'UK_NHS', 'UK_NINO', 'DE_TAX_ID', 'FR_NIR', 'ES_DNI',
    'IT_FISCAL_CODE', 'NL_BSN', 'VEHICLE_ID', 'DEVICE_ID', 'API_KEY',
]

# National identifiers appear only in records of their own language.
NATIONAL = {'US_SSN': 'en', 'UK_NHS': 'en', 'UK_NINO': 'en', 'NPI': 'en',
            'DEA_NUMBER': 'en', 'US_PASSPORT': 'en', 'US_DRIVER_LICENSE': 'en',
            'US_BANK_ROUTING': 'en', 'DE_TAX_ID': 'de', 'FR_NIR': 'fr',
            'ES_DNI': 'es', 'IT_FISCAL_CODE': 'it', 'NL_BSN': 'nl'}

DIG = '0123456789'
UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
LOW = 'abcdefghijklmnopqrstuvwxyz'
ALNUM = UP + LOW + DIG


def digits(s):
    return ''.join(c for c in s if c.isdigit())


def compact(s):
    return re.sub(r'[\s\-./]', '', s)


def strip_accents(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s)
                   if not unicodedata.combining(c))


# ---------------------------------------------------------------- checks --

def luhn_ok(s):
    if not s or not s.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_digit(body):
    for c in DIG:
        if luhn_ok(body + c):
            return c
    raise AssertionError(body)


def luhn_windows(run):
    """Any Luhn-valid window of 13-19 digits in a run of digits."""
    for n in range(13, 20):
        for i in range(0, len(run) - n + 1):
            if luhn_ok(run[i:i + n]):
                return True
    return False


ABA_PREFIXES = [f'{p:02d}' for p in list(range(1, 13)) + list(range(21, 33))
                + list(range(61, 73)) + [80]]


def aba_ok(s):
    if len(s) != 9 or not s.isdigit() or s[:2] not in ABA_PREFIXES:
        return False
    d = [int(c) for c in s]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7])
            + (d[2] + d[5] + d[8])) % 10 == 0


def bsn_ok(s):
    if len(s) != 9 or not s.isdigit() or s[0] == '0':
        return False
    d = [int(c) for c in s]
    return (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0


def nhs_check(d9):
    s = sum(int(c) * (10 - i) for i, c in enumerate(d9))
    c = 11 - s % 11
    if c == 11:
        c = 0
    return None if c == 10 else c


def nhs_ok(s):
    return len(s) == 10 and s.isdigit() and nhs_check(s[:9]) == int(s[9])


def npi_ok(s):
    return len(s) == 10 and s.isdigit() and s[0] in '12' and luhn_ok('80840' + s)


def detax_ok(s):
    if len(s) != 11 or not s.isdigit() or s[0] == '0':
        return False
    counts = [s[:10].count(c) for c in DIG]
    if sorted(c for c in counts if c) not in ([1] * 8 + [2], [1] * 7 + [3]):
        return False
    for i in range(8):                 # a digit three times: never three in a row
        if s[i] == s[i + 1] == s[i + 2]:
            return False
    return detax_check(s[:10]) == int(s[10])


def detax_check(d10):
    product = 10
    for c in d10:
        total = (int(c) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def nir_ok(s):
    return (len(s) == 15 and s.isdigit() and s[0] in '12'
            and 1 <= int(s[3:5]) <= 12
            and 97 - int(s[:13]) % 97 == int(s[13:]))


DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE'


def dni_ok(s):
    s = compact(s).upper()
    if re.fullmatch(r'\d{8}[A-Z]', s):
        return DNI_LETTERS[int(s[:8]) % 23] == s[8]
    if re.fullmatch(r'[XYZ]\d{7}[A-Z]', s):
        n = int(str('XYZ'.index(s[0])) + s[1:8])
        return DNI_LETTERS[n % 23] == s[8]
    return False


CF_ODD = {}
for _i, _v in enumerate([1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3,
                         6, 8, 12, 14, 16, 10, 22, 25, 24, 23]):
    CF_ODD[UP[_i]] = _v
    if _i < 10:
        CF_ODD[DIG[_i]] = _v
CF_EVEN = {}
for _i in range(26):
    CF_EVEN[UP[_i]] = _i
for _i in range(10):
    CF_EVEN[DIG[_i]] = _i


def cf_char(s):
    """Check letter of the Italian fiscal code (and of the IBAN CIN)."""
    total = 0
    for i, c in enumerate(s):
        total += CF_ODD[c] if i % 2 == 0 else CF_EVEN[c]
    return UP[total % 26]


CF_MONTHS = 'ABCDEHLMPRST'


def cf_ok(s):
    if not re.fullmatch(r'[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]', s):
        return False
    day = int(s[9:11])
    if not (1 <= day <= 31 or 41 <= day <= 71):
        return False
    return cf_char(s[:15]) == s[15]


def iban_mod(s):
    s = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in s)) % 97


IBAN_LEN = {'GB': 22, 'DE': 22, 'AT': 20, 'FR': 27, 'ES': 24, 'IT': 27,
            'PT': 25, 'NL': 18, 'BE': 16, 'IE': 22}

ES_W = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]


def es_dc(d10):
    r = 11 - sum(int(c) * w for c, w in zip(d10, ES_W)) % 11
    return 0 if r == 11 else 1 if r == 10 else r


def fr_rib_key(bank, branch, acct):
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97


def pt_nib(body19):
    return 98 - int(body19 + '00') % 97


def nl_acct_ok(d10):
    return sum(int(c) * (10 - i) for i, c in enumerate(d10)) % 11 == 0


def iban_ok(s):
    s = compact(s).upper()
    cc = s[:2]
    if cc not in IBAN_LEN or len(s) != IBAN_LEN[cc] or iban_mod(s) != 1:
        return False
    b = s[4:]
    if cc == 'FR':
        return b[:21].isdigit() and fr_rib_key(b[:5], b[5:10], b[10:21]) == int(b[21:])
    if cc == 'ES':
        return (es_dc('00' + b[:8]) == int(b[8]) and es_dc(b[10:]) == int(b[9]))
    if cc == 'IT':
        return cf_char(b[1:]) == b[0]
    if cc == 'PT':
        return pt_nib(b[:19]) == int(b[19:])
    if cc == 'NL':
        return nl_acct_ok(b[4:])
    return True


def vin_value(c):
    if c.isdigit():
        return int(c)
    return {'A': 1, 'B': 2, 'C': 3, 'D': 4, 'E': 5, 'F': 6, 'G': 7, 'H': 8,
            'J': 1, 'K': 2, 'L': 3, 'M': 4, 'N': 5, 'P': 7, 'R': 9, 'S': 2,
            'T': 3, 'U': 4, 'V': 5, 'W': 6, 'X': 7, 'Y': 8, 'Z': 9}[c]


VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ' + DIG


def vin_check(v):
    r = sum(vin_value(c) * w for c, w in zip(v, VIN_W)) % 11
    return 'X' if r == 10 else str(r)


def vin_ok(v):
    return (len(v) == 17 and all(c in VIN_CHARS for c in v)
            and vin_check(v) == v[8])


def dea_ok(s):
    if not re.fullmatch(r'[ABFGM][A-Z9]\d{7}', s):
        return False
    d = [int(c) for c in s[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def ssn_ok(s):
    s = digits(s)
    if len(s) != 9:
        return False
    a, g, n = s[:3], s[3:5], s[5:]
    return (a not in ('000', '666') and a[0] != '9' and g != '00'
            and n != '0000' and s not in SSN_SAMPLES)


SSN_SAMPLES = ['078051120', '219099999', '123456789', '111111111', '457555462']
NINO_BAD_FIRST = 'DFIQUV'
NINO_BAD_SECOND = 'DFIOQUV'
NINO_BAD_PREFIX = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']


def nino_ok(s):
    s = compact(s).upper()
    return bool(re.fullmatch(r'[A-Z]{2}\d{6}[A-D]', s)) and \
        s[0] not in NINO_BAD_FIRST and s[1] not in NINO_BAD_SECOND and \
        s[:2] not in NINO_BAD_PREFIX


def gs1_check(body):
    total = 0
    for i, c in enumerate(reversed(body)):
        total += int(c) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def kvnr_ok(s):
    if not re.fullmatch(r'[A-Z]\d{9}', s):
        return False
    ds = f'{UP.index(s[0]) + 1:02d}' + s[1:9]
    total = 0
    for i, c in enumerate(ds):
        p = int(c) * (1 if i % 2 == 0 else 2)
        total += p - 9 if p > 9 else p
    return total % 10 == int(s[9])


MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY'


def mbi_ok(s):
    s = compact(s)
    if len(s) != 11:
        return False
    L, A = MBI_LETTERS, MBI_LETTERS + DIG
    pat = ['123456789', L, A, DIG, L, A, DIG, L, L, DIG, DIG]
    return all(c in p for c, p in zip(s, pat))


TEST_CARDS = ['4111111111111111', '4242424242424242', '4012888888881881',
              '5555555555554444', '5105105105105100', '378282246310005',
              '371449635398431', '4000056655665556', '5200828282828210',
              '4000000000000002', '6011111111111117', '4222222222222']


def card_ok(s):
    s = digits(s)
    if not luhn_ok(s) or s in TEST_CARDS:
        return False
    if len(s) == 15:
        return s[:2] in ('34', '37')
    if len(s) == 16:
        return s[0] == '4' or 51 <= int(s[:2]) <= 55 or 2221 <= int(s[:4]) <= 2720
    return False


def clash(ds, own=()):
    """Does a digit string pass another entity's check? (ambiguity)"""
    n = len(ds)
    if not ds.isdigit():
        return False
    if n == 9 and ('aba' not in own and aba_ok(ds) or 'bsn' not in own and bsn_ok(ds)):
        return True
    if n == 10 and ('nhs' not in own and nhs_ok(ds) or 'npi' not in own and npi_ok(ds)):
        return True
    if n == 11 and 'detax' not in own and detax_ok(ds):
        return True
    if 13 <= n <= 19 and 'luhn' not in own and luhn_ok(ds):
        return True
    if n == 15 and 'nir' not in own and nir_ok(ds):
        return True
    return False


DOC_NETS = [ipaddress.ip_network(n) for n in
            ('192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24',
             '2001:db8::/32', '127.0.0.0/8', '0.0.0.0/8')]


def ip_ok(s):
    try:
        a = ipaddress.ip_address(s)
    except ValueError:
        return False
    return not any(a in n for n in DOC_NETS if n.version == a.version)


# ------------------------------------------------------------ vocabulary --
# Names are a minority of spans in this set; all written by hand.

GIVEN = {
    'en': ['Marisol', 'Tendai', 'Priyanka', 'Declan', 'Oluwaseun', 'Mei-Ling',
           'Tomasz', 'Aaliyah', 'Bronwyn', 'Rafael', 'Ngozi', 'Callum', 'Yusuf',
           'Keziah', 'Dmitri', 'Hana', 'Lachlan', 'Imani', 'Soren', 'Rosalind',
           'Kwame', 'Esperanza', 'Malik', 'Ingrid', 'Thanh', 'Farrah'],
    'de': ['Annegret', 'Jannik', 'Henrike', 'Malte', 'Svenja', 'Torben',
           'Wiebke', 'Ole', 'Friederike', 'Lasse', 'Anneliese', 'Benedikt',
           'Jule', 'Korbinian', 'Merle', 'Detlef', 'Aylin', 'Vesna'],
    'fr': ['Maëlle', 'Gaspard', 'Solène', 'Anatole', 'Clémence', 'Timothée',
           'Ophélie', 'Baptiste', 'Apolline', 'Eliott', 'Margaux', 'Yannick',
           'Noémie', 'Corentin', 'Albane', 'Malo', 'Fatoumata', 'Karim'],
    'es': ['Itziar', 'Gonzalo', 'Nerea', 'Álvaro', 'Maite', 'Íñigo', 'Rocío',
           'Joaquín', 'Ainhoa', 'Ramiro', 'Begoña', 'Teodoro', 'Yaiza',
           'Leandro', 'Macarena', 'Fermín', 'Wilmer', 'Xiomara'],
    'it': ['Ludovica', 'Tommaso', 'Ginevra', 'Edoardo', 'Benedetta', 'Jacopo',
           'Ottavia', 'Raffaele', 'Costanza', 'Gianmarco', 'Annalisa',
           'Pietro', 'Ilaria', 'Saverio', 'Mirella', 'Corrado', 'Adaeze', 'Nicolò'],
    'pt': ['Inês', 'Duarte', 'Leonor', 'Tomás', 'Matilde', 'Gonçalo',
           'Beatriz', 'Rodrigo', 'Carolina', 'Afonso', 'Mariana', 'Vasco',
           'Constança', 'Henrique', 'Madalena', 'Salvador', 'Kátia', 'Edson'],
    'nl': ['Femke', 'Joost', 'Maartje', 'Sjoerd', 'Lieke', 'Thijs', 'Anouk',
           'Wessel', 'Ilse', 'Ruben', 'Fleur', 'Wouter', 'Sanne', 'Jelle',
           'Marloes', 'Daan', 'Nour', 'Kofi'],
}
SURNAME = {
    'en': ['Okonkwo', 'Delacroix-Hale', 'Whitcombe', 'Nakashima', 'Abernathy',
           'Quispe', 'Lindqvist', 'Adebayo', 'Castellano', 'Fairweather',
           'Okafor', 'Brannigan', 'Haddad', 'Pemberton', 'Nguyen-Tran',
           'Achterberg', 'Kowalczyk', 'MacAulay', 'Rahimi', 'Oyelaran',
           'Thistlewood', 'Varga', 'Ellingsen', 'Mwangi', 'Chaudhry', 'Dunleavy'],
    'de': ['Brinkmann', 'Oltmanns', 'Hagedorn', 'Kessler-Wirth', 'Pohlmann',
           'Wendland', 'Stürzebecher', 'Rademacher', 'Eichhorn', 'Lüders',
           'Heidbrink', 'Vogtländer', 'Maaß', 'Yıldız', 'Grabowski', 'Tiedemann'],
    'fr': ['Lemoine', 'Carpentier', 'Dufresne', 'Abécassis', 'Rivière',
           'Gauthier-Roux', 'Le Goff', 'Benhamou', 'Tessier', 'Lacombe',
           'Pelletier', 'Diallo', 'Courtois', 'Vasseur', 'Hoarau', 'Kerbrat'],
    'es': ['Etxeberria', 'Villalobos', 'Quiroga', 'Castañeda', 'Olmedo',
           'Bermúdez', 'Arrieta', 'Salcedo', 'Montenegro', 'Cifuentes',
           'Aranda', 'Zubiaurre', 'Peñalver', 'Lorente', 'Carrasco', 'Benítez'],
    'it': ['Bellandi', 'Scarpellini', 'Mancuso', 'Tagliaferri', 'Lombardo',
           'Cattaneo', 'Ruggiero', 'De Santis', 'Pellegrini', 'Marchesi',
           'Gualtieri', 'Sanfilippo', 'Benvenuti', 'Longhi', 'Barbieri', 'Okoye'],
    'pt': ['Albuquerque', 'Carvalho', 'Figueiredo', 'Magalhães', 'Quintela',
           'Rebelo', 'Sampaio', 'Teixeira', 'Vasconcelos', 'Antunes',
           'Brandão', 'Cordeiro', 'Fonseca', 'Moura', 'Pinheiro', 'Tavares'],
    'nl': ['van der Veen', 'de Groot', 'Hoekstra', 'Brouwer', 'Mulder',
           'Koopmans', 'Verhoeven', 'Dijkstra', 'Postma', 'van Leeuwen',
           'Bosman', 'Kuipers', 'Schouten', 'de Wit', 'Vermeulen', 'Boateng'],
}

MAIL_DOMAINS = {
    'us': ['kestrelmail.com', 'larkpost.net', 'quillbox.org', 'tidewire.com',
           'brambleinbox.com'],
    'uk': ['fernmail.co.uk', 'larkpost.net', 'hedgerowmail.co.uk', 'quillbox.org'],
    'ca': ['maplepost.ca', 'kestrelmail.com', 'northinbox.ca'],
    'de': ['postfink.de', 'mailkiste.de', 'briefmeise.de'],
    'at': ['eulenpost.at', 'postfink.de'],
    'fr': ['courriel-lumiere.fr', 'boitepostale.fr', 'mouette-mail.fr'],
    'es': ['correo-olivo.es', 'buzonazul.es', 'cartero-sur.es'],
    'it': ['posta-lucciola.it', 'cassetta-mail.it', 'rondine.it'],
    'pt': ['correio-gaivota.pt', 'caixapostal.pt', 'andorinha-mail.pt'],
    'nl': ['postduif.nl', 'brievenbus-mail.nl', 'meeuwpost.nl'],
}

# Places: (city, region, postcode spec). Regions and cities are unlabelled.
US_PLACES = [
    ('Columbus', 'OH', ['430', '432']), ('Dayton', 'OH', ['454']),
    ('Akron', 'OH', ['443']), ('Austin', 'TX', ['787']),
    ('Houston', 'TX', ['770', '772']), ('El Paso', 'TX', ['799']),
    ('Sacramento', 'CA', ['958']), ('Fresno', 'CA', ['937']),
    ('Oakland', 'CA', ['946']), ('Buffalo', 'NY', ['142']),
    ('Albany', 'NY', ['122']), ('Brooklyn', 'NY', ['112']),
    ('Chicago', 'IL', ['606']), ('Peoria', 'IL', ['616']),
    ('Tampa', 'FL', ['336']), ('Gainesville', 'FL', ['326']),
    ('Pittsburgh', 'PA', ['152']), ('Erie', 'PA', ['165']),
    ('Spokane', 'WA', ['992']), ('Tacoma', 'WA', ['984']),
    ('Worcester', 'MA', ['016']), ('Lowell', 'MA', ['018']),
    ('Newark', 'NJ', ['071']), ('Trenton', 'NJ', ['086']),
    ('Duluth', 'MN', ['558']), ('Savannah', 'GA', ['314']),
]
UK_PLACES = [
    ('Leeds', 'LS', 29), ('Manchester', 'M', 40), ('Bristol', 'BS', 16),
    ('Glasgow', 'G', 53), ('Cardiff', 'CF', 24), ('Norwich', 'NR', 14),
    ('York', 'YO', 32), ('Sheffield', 'S', 36), ('Liverpool', 'L', 38),
    ('Edinburgh', 'EH', 17), ('Brighton', 'BN', 3), ('Oxford', 'OX', 4),
    ('London', 'SW', 20), ('London', 'E', 18), ('London', 'N', 22),
    ('London', 'SE', 28), ('Derby', 'DE', 24), ('Exeter', 'EX', 4),
]
CA_PLACES = [
    ('Halifax', 'NS', 'B'), ('Toronto', 'ON', 'M'), ('Ottawa', 'ON', 'K'),
    ('Hamilton', 'ON', 'L'), ('Winnipeg', 'MB', 'R'), ('Calgary', 'AB', 'T'),
    ('Edmonton', 'AB', 'T'), ('Vancouver', 'BC', 'V'), ('Victoria', 'BC', 'V'),
    ('Saskatoon', 'SK', 'S'), ('Fredericton', 'NB', 'E'), ("St. John's", 'NL', 'A'),
]
DE_PLACES = [
    ('Berlin', 10115, 14199), ('Hamburg', 20095, 22769), ('München', 80331, 81929),
    ('Köln', 50667, 51149), ('Leipzig', 4103, 4357), ('Dresden', 1067, 1328),
    ('Frankfurt am Main', 60306, 60599), ('Stuttgart', 70173, 70629),
    ('Bremen', 28195, 28779), ('Hannover', 30159, 30669), ('Nürnberg', 90402, 90491),
    ('Münster', 48143, 48167), ('Kiel', 24103, 24159), ('Freiburg im Breisgau', 79098, 79117),
]
AT_PLACES = [('Wien', 1010, 1230), ('Graz', 8010, 8063), ('Linz', 4020, 4040),
             ('Salzburg', 5020, 5026), ('Innsbruck', 6020, 6080)]
FR_PLACES = [
    ('Paris', [f'750{i:02d}' for i in range(1, 21)]),
    ('Lyon', [f'6900{i}' for i in range(1, 10)]),
    ('Marseille', [f'130{i:02d}' for i in range(1, 17)]),
    ('Toulouse', ['31000', '31100', '31200', '31300', '31400', '31500']),
    ('Lille', ['59000', '59160', '59260', '59800']),
    ('Nantes', ['44000', '44100', '44200', '44300']),
    ('Bordeaux', ['33000', '33100', '33200', '33300', '33800']),
    ('Strasbourg', ['67000', '67100', '67200']),
    ('Rennes', ['35000', '35200', '35700']),
    ('Montpellier', ['34000', '34070', '34080', '34090']),
    ('Brest', ['29200']), ('Grenoble', ['38000', '38100']),
]
ES_PLACES = [
    ('Madrid', 28001, 28055), ('Barcelona', 8001, 8042), ('Valencia', 46001, 46026),
    ('Sevilla', 41001, 41020), ('Zaragoza', 50001, 50021), ('Málaga', 29001, 29018),
    ('Bilbao', 48001, 48015), ('Murcia', 30001, 30012), ('Granada', 18001, 18015),
    ('Vigo', 36201, 36216), ('Oviedo', 33001, 33013),
]
IT_PLACES = [
    ('Roma', 'RM', 118, 199), ('Milano', 'MI', 20121, 20162),
    ('Torino', 'TO', 10121, 10156), ('Napoli', 'NA', 80121, 80147),
    ('Bologna', 'BO', 40121, 40141), ('Firenze', 'FI', 50121, 50145),
    ('Palermo', 'PA', 90121, 90151), ('Genova', 'GE', 16121, 16167),
    ('Bari', 'BA', 70121, 70132), ('Verona', 'VR', 37121, 37142),
    ('Padova', 'PD', 35121, 35143), ('Cagliari', 'CA', 9121, 9134),
]
PT_PLACES = [
    ('Lisboa', 1000, 1990), ('Porto', 4000, 4369), ('Coimbra', 3000, 3049),
    ('Braga', 4700, 4719), ('Faro', 8000, 8009), ('Aveiro', 3800, 3814),
    ('Setúbal', 2900, 2914), ('Funchal', 9000, 9064), ('Viseu', 3500, 3519),
]
NL_PLACES = [
    ('Amsterdam', 1011, 1109), ('Rotterdam', 3011, 3089), ('Den Haag', 2491, 2597),
    ('Utrecht', 3511, 3585), ('Eindhoven', 5611, 5658), ('Groningen', 9711, 9747),
    ('Leiden', 2311, 2334), ('Haarlem', 2011, 2037), ('Zwolle', 8011, 8043),
    ('Nijmegen', 6511, 6546), ('Maastricht', 6211, 6229), ('Delft', 2611, 2629),
]

STREETS = {
    'us': ['Birchwood Ave', 'Lindell St', 'Old Mill Rd', 'Magnolia Dr',
           'Cedar Hollow Ln', 'Prospect Ave', 'Riverside Blvd', 'Sycamore Ct',
           'Harmon Pkwy', 'Juniper Way', 'Elmhurst Pl', 'Quarry Hill Rd',
           'Chestnut Street', 'Willow Bend Drive', 'Founders Ter', 'Larkspur Lane'],
    'uk': ['Holloway Terrace', 'Marsh Lane', 'Mayfield Road', 'Chapel Street',
           'Beechwood Avenue', 'Priory Close', 'Tannery Way', 'Kingfisher Drive',
           'Albion Crescent', 'Station Road', 'Orchard Mews', 'Ashgrove Gardens',
           'Windmill Hill', 'Canal Side', 'Oak Tree Walk', 'Ropewalk Court'],
    'ca': ['Maple Cres', 'Quinpool Rd', 'Barrington St', 'Jasper Ave',
           'Oak Bay Ave', 'Elgin St', 'Bloor St W', 'Robie St', 'Portage Ave',
           'Whyte Ave', 'Dundas St E', 'Cedar Ridge Dr'],
    'de': ['Lindenstraße', 'Hauptstr.', 'Am Mühlbach', 'Kastanienallee',
           'Goethestraße', 'Rosenweg', 'Bahnhofstraße', 'Auf dem Berge',
           'Schillerplatz', 'Ringstraße', 'Birkenweg', 'Hafenstraße', 'Im Winkel',
           'Uhlandstr.', 'Am Stadtgraben', 'Fliederweg'],
    'at': ['Gumpendorfer Straße', 'Mariahilfer Straße', 'Lerchenfelder Gürtel',
           'Herrengasse', 'Annenstraße', 'Landstraßer Hauptstraße', 'Kaiserstraße',
           'Pillergasse'],
    'fr': ['rue des Lilas', 'avenue Jean-Jaurès', 'boulevard Voltaire',
           'allée des Tilleuls', 'impasse du Moulin', 'chemin des Vignes',
           'place du Marché', 'rue Victor-Hugo', 'quai des Chartrons',
           'rue Saint-Michel', 'route de Lyon', 'cours Lafayette',
           'rue de la Fontaine', 'rue des Écoles'],
    'es': ['calle Mayor', 'avenida de la Constitución', 'C/ del Pez',
           'calle Alfonso XII', 'plaza de la Merced', 'calle San Vicente',
           'ronda de Segovia', 'travesía del Olivo', 'camino de los Almendros',
           'calle de la Luna', 'avda. de Andalucía', 'calle Doctor Fleming'],
    'it': ['via Garibaldi', 'corso Vittorio Emanuele II', 'viale dei Mille',
           'via dei Tigli', 'piazza Cavour', 'vicolo del Pozzo',
           'via San Domenico', 'largo Augusto', 'via Roma', 'via delle Rose',
           'viale Europa', 'via Nazionale'],
    'pt': ['Rua das Flores', 'Avenida da Liberdade', 'Travessa do Carmo',
           'Rua de Santa Catarina', 'Largo do Rato', 'Rua do Almada',
           'Avenida Fernão de Magalhães', 'Rua da Boavista', 'Praceta das Acácias',
           'Rua Direita', 'Estrada da Circunvalação', 'Rua do Sol'],
    'nl': ['Prinsengracht', 'Kerkstraat', 'Dorpsweg', 'Molenlaan', 'Lindenlaan',
           'Hoofdstraat', 'Stationsplein', 'Beukenhof', 'Zeedijk',
           'Wilhelminastraat', 'Oude Gracht', 'Populierenlaan'],
}
UK_HOUSES = ['Rose Cottage', 'The Old Forge', 'Holly Barn', 'Wren House',
             'Meadow View', 'The Granary']
UK_LANES = ['Mill Lane', 'Church Lane', 'Back Lane', 'Green End']
FR_RESID = ['Résidence Les Acacias', 'Résidence du Parc', 'Les Jardins de Flore',
            'Résidence Le Belvédère']

ICD_US = ['E11.9', 'E11.65', 'I10', 'I48.91', 'J45.909', 'J44.1', 'K21.9',
          'N18.30', 'F32.1', 'F41.1', 'M54.50', 'M17.11', 'C50.912', 'C34.90',
          'G40.909', 'G43.909', 'E03.9', 'E78.5', 'D50.9', 'R07.9', 'O24.414',
          'Z79.4', 'L40.0', 'K50.90', 'I25.10', 'I50.9', 'N39.0', 'E66.01',
          'G47.33', 'R73.03', 'E10.65', 'I63.9']
ICD_WHO = ['E11.9', 'I10', 'J45.9', 'K21.9', 'F32.1', 'M54.5', 'C50.9',
           'G40.9', 'E03.9', 'N18.3', 'I48.9', 'D50.9', 'J44.1', 'L40.0',
           'K50.9', 'E78.0', 'I25.1', 'G35', 'E66.0', 'N39.0', 'F41.1', 'M17.1', 'I48.1',
           'G47.3', 'E10.9', 'I63.9', 'R07.4']


# ---------------------------------------------------------------- values --

MONTHS = {
    'en': ['January', 'February', 'March', 'April', 'May', 'June', 'July',
           'August', 'September', 'October', 'November', 'December'],
    'de': ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli',
           'August', 'September', 'Oktober', 'November', 'Dezember'],
    'fr': ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet',
           'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    'es': ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio',
           'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    'it': ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno',
           'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    'pt': ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho',
           'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    'nl': ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli',
           'augustus', 'september', 'oktober', 'november', 'december'],
}

DATE_FORMATS = {
    'us': ['{m:02d}/{d:02d}/{y}', '{m}/{d}/{y}', '{Mon} {d}, {y}',
           '{Month} {d}, {y}', '{y}-{m:02d}-{d:02d}'],
    'uk': ['{d:02d}/{m:02d}/{y}', '{d} {Month} {y}', '{d:02d}-{Mon}-{y}',
           '{d} {Mon} {y}'],
    'ca': ['{y}-{m:02d}-{d:02d}', '{Month} {d}, {y}', '{d:02d}/{m:02d}/{y}'],
    'de': ['{d:02d}.{m:02d}.{y}', '{d}.{m}.{y}', '{d}. {Month} {y}',
           '{y}-{m:02d}-{d:02d}'],
    'fr': ['{d:02d}/{m:02d}/{y}', '{dfr} {month} {y}', '{d:02d}.{m:02d}.{y}'],
    'es': ['{d:02d}/{m:02d}/{y}', '{d:02d}-{m:02d}-{y}', '{d} de {month} de {y}'],
    'it': ['{d:02d}/{m:02d}/{y}', '{d} {month} {y}', '{d:02d}.{m:02d}.{y}'],
    'pt': ['{d:02d}/{m:02d}/{y}', '{d:02d}-{m:02d}-{y}', '{d} de {month} de {y}'],
    'nl': ['{d:02d}-{m:02d}-{y}', '{d} {month} {y}', '{d:02d}/{m:02d}/{y}'],
}
DATE_FORMATS['at'] = DATE_FORMATS['de']
NAMED_FORMATS = {'iso': '{y}-{m:02d}-{d:02d}', 'hl7': '{y}{m:02d}{d:02d}',
                 'us': '{m:02d}/{d:02d}/{y}', 'eu': '{d:02d}/{m:02d}/{y}',
                 'dot': '{d:02d}.{m:02d}.{y}', 'nl': '{d:02d}-{m:02d}-{y}'}


def lang_of(loc):
    return {'us': 'en', 'uk': 'en', 'ca': 'en', 'at': 'de'}.get(loc, loc)


def fmt_date(dt, loc, fmt, rng):
    lang = lang_of(loc)
    pat = NAMED_FORMATS.get(fmt) or rng.choice(DATE_FORMATS[loc])
    month = MONTHS[lang][dt.month - 1]
    return pat.format(d=dt.day, m=dt.month, y=dt.year, Month=month,
                      Mon=month[:3], month=month,
                      dfr='1er' if dt.day == 1 else str(dt.day))


def rand_date(rng, y0, y1):
    start = datetime.date(y0, 1, 1).toordinal()
    end = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


def rnd(rng, alphabet, n):
    return ''.join(rng.choice(alphabet) for _ in range(n))


def rdig(rng, n, first='123456789'):
    return rng.choice(first) + rnd(rng, DIG, n - 1)


def no_clash(rng, fn, own=()):
    """Draw until the digits of the value pass no other entity's check."""
    for _ in range(500):
        v = fn()
        if not clash(digits(v), own) and not clash(compact(v), own):
            return v
    raise AssertionError('no_clash')


# -- places
UK_INWARD = 'ABDEFGHJLNPQRSTUWXYZ'
CA_LETTERS = 'ABCEGHJKLMNPRSTVXY'
NL_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ'


def make_zip(rng, loc, spec):
    if loc == 'us':
        z = rng.choice(spec) + rnd(rng, DIG, 2)
        if rng.random() < 0.3:
            z += '-' + rnd(rng, DIG, 4)
        return z
    if loc == 'uk':
        area, top = spec
        return f'{area}{rng.randint(1, top)} {rng.randint(1, 9)}{rnd(rng, UK_INWARD, 2)}'
    if loc == 'ca':
        return (spec + rng.choice(DIG) + rng.choice(CA_LETTERS) + ' '
                + rng.choice(DIG) + rng.choice(CA_LETTERS) + rng.choice(DIG))
    if loc in ('de', 'es', 'it'):
        return f'{rng.randint(*spec):05d}'
    if loc == 'at':
        lo, hi = spec
        if lo == 1010:
            return str(rng.randrange(1010, 1240, 10))
        return str(rng.randint(lo, hi))
    if loc == 'fr':
        return rng.choice(spec)
    if loc == 'pt':
        return f'{rng.randint(*spec)}-{rng.randint(1, 999):03d}'
    if loc == 'nl':
        while True:
            ls = rnd(rng, NL_LETTERS, 2)
            if ls not in ('SA', 'SD', 'SS'):
                break
        return f'{rng.randint(*spec)}{" " if rng.random() < 0.8 else ""}{ls}'
    raise KeyError(loc)


def make_street(rng, loc):
    """(one-line street part, street part with a line break where usual)"""
    st = rng.choice(STREETS[loc])
    num = rng.randint(2, 240)
    k = rng.randrange(7)
    if loc == 'us':
        num = rng.randint(12, 9890)
        unit = rng.choice([str(rng.randint(1, 40)) + rng.choice('ABCD'),
                           str(rng.randint(101, 812)), str(rng.randint(2, 30))])
        if k == 0:
            return f'{num} {st}', f'{num} {st}'
        if k == 1:
            d = rng.choice(['N', 'S', 'E', 'W'])
            return f'{num} {d} {st}', f'{num} {d} {st}'
        if k == 2:
            return f'{num} {st} Apt {unit}', f'{num} {st}\nApt {unit}'
        if k == 3:
            u = rng.choice(['Unit', 'Suite', 'Ste'])
            return f'{num} {st}, {u} {unit}', f'{num} {st}\n{u} {unit}'
        if k == 4:
            return f'{num} {st} #{unit}', f'{num} {st}\n#{unit}'
        if k == 5:
            v = f'RR {rng.randint(1, 9)} Box {rng.randint(10, 480)}'
            return v, v
        r = rng.choice(['County Road', 'State Route', 'Township Rd'])
        v = f'{num} {r} {rng.randint(2, 180)}'
        return v, v
    if loc == 'uk':
        if k in (0, 1):
            return f'{num} {st}', f'{num} {st}'
        if k == 2:
            f = rng.choice([str(rng.randint(1, 24)), f'{rng.randint(1, 9)}{rng.choice("ABC")}'])
            return f'Flat {f}, {num} {st}', f'Flat {f}\n{num} {st}'
        if k == 3:
            return f'{num}{rng.choice("ab")} {st}', f'{num}{rng.choice("ab")} {st}'
        if k == 4:
            h, l = rng.choice(UK_HOUSES), rng.choice(UK_LANES)
            return f'{h}, {l}', f'{h}\n{l}'
        if k == 5:
            a = rng.randint(1, 60)
            return f'Apartment {a}, {num} {st}', f'Apartment {a}\n{num} {st}'
        f = rng.choice(['First', 'Second', 'Top', 'Ground'])
        return f'{f} Floor Flat, {num} {st}', f'{f} Floor Flat\n{num} {st}'
    if loc == 'ca':
        num = rng.randint(10, 4800)
        u = rng.randint(1, 1800)
        if k in (0, 1):
            return f'{u}-{num} {st}', f'{u}-{num} {st}'
        if k in (2, 3):
            return f'{num} {st}, Unit {u}', f'{num} {st}\nUnit {u}'
        if k == 4:
            return f'{num} {st}, Apt. {u}', f'{num} {st}\nApt. {u}'
        return f'{num} {st}', f'{num} {st}'
    if loc == 'de':
        if k in (0, 1):
            return f'{st} {num}', f'{st} {num}'
        if k == 2:
            v = f'{st} {num}{rng.choice("abc")}'
            return v, v
        if k == 3:
            o = rng.randint(1, 5)
            s = rng.choice(['links', 'rechts', 'Mitte'])
            return f'{st} {num}, {o}. OG {s}', f'{st} {num}\n{o}. OG {s}'
        if k == 4:
            return f'{st} {num}, Hinterhaus', f'{st} {num}\nHinterhaus'
        if k == 5:
            w = rng.randint(1, 40)
            return f'{st} {num}, Whg. {w}', f'{st} {num}\nWhg. {w}'
        v = f'{st} {num}-{num + 2}'
        return v, v
    if loc == 'at':
        s, t = rng.randint(1, 6), rng.randint(1, 30)
        if k in (0, 1, 2):
            v = f'{st} {num}/{s}/{t}'
            return v, v
        if k in (3, 4):
            return f'{st} {num}, Stiege {s}, Tür {t}', f'{st} {num}\nStiege {s}, Tür {t}'
        v = f'{st} {num}/Top {t}'
        return v, v
    if loc == 'fr':
        if k in (0, 1):
            return f'{num} {st}', f'{num} {st}'
        if k == 2:
            v = f'{num} {rng.choice(["bis", "ter"])} {st}'
            return v, v
        if k == 3:
            v = f'{num}, {st}'
            return v, v
        if k == 4:
            b = rng.choice('ABCDE')
            return f'Bât. {b}, {num} {st}', f'Bât. {b}\n{num} {st}'
        if k == 5:
            r = rng.choice(FR_RESID)
            a = rng.randint(1, 80)
            return f'{r}, apt {a}, {num} {st}', f'{r}, apt {a}\n{num} {st}'
        e = rng.randint(1, 9)
        return f'{num} {st}, {e}e étage', f'{num} {st}\n{e}e étage'
    if loc == 'es':
        p = rng.randint(1, 9)
        if k in (0, 1):
            v = f'{st} {num}, {p}º {rng.choice("ABCD")}'
            return v, v
        if k == 2:
            e, q = rng.choice('ABC'), rng.randint(1, 4)
            return f'{st}, {num}, esc. {e}, {p}º {q}ª', f'{st}, {num}\nesc. {e}, {p}º {q}ª'
        if k == 3:
            v = f'{st} {num}, bajo'
            return v, v
        if k == 4:
            v = f'{st} {num}, {p}.º {rng.choice(["izda.", "dcha."])}'
            return v, v
        if k == 5:
            q = rng.randint(1, 6)
            return (f'{st} n.º {num}, piso {p}, puerta {q}',
                    f'{st} n.º {num}\npiso {p}, puerta {q}')
        v = f'{st} {num}-{num + 2}, {p}º {rng.choice("ABCD")}'
        return v, v
    if loc == 'it':
        if k in (0, 1):
            return f'{st} {num}', f'{st} {num}'
        if k == 2:
            return f'{st}, {num}', f'{st}, {num}'
        if k == 3:
            v = f'{st} {num}/{rng.choice("ABC")}'
            return v, v
        if k == 4:
            s, i = rng.choice('ABCD'), rng.randint(1, 30)
            return f'{st} {num}, scala {s}, interno {i}', f'{st} {num}\nscala {s}, interno {i}'
        if k == 5:
            i = rng.randint(1, 30)
            return f'{st} {num} int. {i}', f'{st} {num} int. {i}'
        v = f'{st} {num} bis'
        return v, v
    if loc == 'pt':
        a = rng.randint(1, 9)
        if k in (0, 1):
            return f'{st}, {num}, {a}.º Esq.', f'{st}, {num}\n{a}.º Esq.'
        if k == 2:
            v = f'{st} {num} - {a}.º Dto.'
            return v, v
        if k == 3:
            return f'{st}, n.º {num}, {a}.º andar', f'{st}, n.º {num}\n{a}.º andar'
        if k == 4:
            v = f'{st} {num}, r/c'
            return v, v
        if k == 5:
            v = f'{st}, {num} {a}.º Frente'
            return v, v
        v = f'{st}, lote {rng.randint(1, 40)}, {a}.º {rng.choice("ABCD")}'
        return v, v
    if loc == 'nl':
        choices = [f'{st} {num}', f'{st} {num}-{rng.randint(1, 3)}', f'{st} {num} hs',
                   f'{st} {num}{rng.choice("ABC")}', f'{st} {num} bis',
                   f'{st} {num} {rng.choice(["I", "II", "III"])}', f'{st} {num}-bis']
        v = choices[k]
        return v, v
    raise KeyError(loc)


POBOX = {
    'us': lambda r: f'{r.choice(["PO Box", "P.O. Box", "POB"])} {r.randint(10, 9800)}',
    'uk': lambda r: f'PO Box {r.randint(10, 990)}',
    'ca': lambda r: f'PO Box {r.randint(10, 9800)}{r.choice(["", " Stn Main", " Stn A"])}',
    'de': lambda r: f'Postfach {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}',
    'at': lambda r: f'Postfach {r.randint(10, 990)}',
    'fr': lambda r: f'BP {r.randint(10, 990)}',
    'es': lambda r: f'Apartado de Correos {r.randint(10, 2400)}',
    'it': lambda r: f'Casella Postale {r.randint(10, 990)}',
    'pt': lambda r: f'Apartado {r.randint(10, 990)}',
    'nl': lambda r: f'Postbus {r.randint(10, 9900)}',
}


def make_place(rng, loc):
    if loc == 'us':
        city, region, spec = rng.choice(US_PLACES)
    elif loc == 'uk':
        city, area, top = rng.choice(UK_PLACES)
        region, spec = '', (area, top)
    elif loc == 'ca':
        city, region, spec = rng.choice(CA_PLACES)
    elif loc == 'it':
        city, region, lo, hi = rng.choice(IT_PLACES)
        spec = (lo, hi)
    elif loc == 'fr':
        city, spec = rng.choice(FR_PLACES)
        region = ''
    else:
        table = {'de': DE_PLACES, 'at': AT_PLACES, 'es': ES_PLACES,
                 'pt': PT_PLACES, 'nl': NL_PLACES}[loc]
        city, lo, hi = rng.choice(table)
        region, spec = '', (lo, hi)
    one, ml = make_street(rng, loc)
    return {'street': one, 'street_ml': ml, 'zip': make_zip(rng, loc, spec),
            'city': city, 'region': region, 'pobox': POBOX[loc](rng)}


def city_line(place, loc):
    """Segments of the postcode-and-city part, in the country's order."""
    z = (place['zip'], 'ZIP_CODE')
    c, r = place['city'], place['region']
    if loc == 'us':
        return [(f'{c}, {r} ', None), z]
    if loc == 'ca':
        return [(f'{c} {r} ', None), z]
    if loc == 'uk':
        return [(f'{c} ', None), z]
    if loc == 'it':
        return [z, (f' {c} ({r})', None)]
    if loc == 'at':
        return [z, (f' {c}', None)]
    return [z, (f' {c}', None)]


# -- phones
US_AREAS = ['614', '937', '216', '512', '713', '915', '916', '559', '510', '716',
            '518', '718', '312', '309', '813', '352', '412', '814', '509', '253',
            '508', '978', '973', '609', '218', '912', '478']
CA_AREAS = ['902', '416', '613', '905', '204', '403', '780', '604', '250', '306',
            '506', '709']


def make_phone(rng, loc, style=None):
    intl = rng.random() < 0.4 if style is None else style == 'i'
    if loc in ('us', 'ca'):
        a = rng.choice(US_AREAS if loc == 'us' else CA_AREAS)
        while True:
            e = rdig(rng, 3, '23456789')
            if e[1:] != '11' and e != '555':
                break
        n = rnd(rng, DIG, 4)
        if intl:
            return rng.choice([f'+1 {a} {e} {n}', f'+1-{a}-{e}-{n}', f'+1 ({a}) {e}-{n}'])
        return rng.choice([f'({a}) {e}-{n}', f'{a}-{e}-{n}', f'{a}.{e}.{n}',
                           f'1-{a}-{e}-{n}', f'{a} {e} {n}'])
    if loc == 'uk':
        if intl or rng.random() < 0.65:
            while True:
                m = '7' + rng.choice('45789') + rnd(rng, DIG, 2)
                if m != '7700':
                    break
            rest = rnd(rng, DIG, 6)
            if intl:
                return rng.choice([f'+44 {m} {rest}', f'+44 (0){m} {rest}', f'+44{m}{rest}'])
            return rng.choice([f'0{m} {rest}', f'0{m} {rest[:3]} {rest[3:]}', f'0{m}{rest}'])
        code, first = rng.choice([('113', '23'), ('161', '34'), ('117', '97'),
                                  ('20', '8'), ('20', '3'), ('131', '28')])
        rest = first + rnd(rng, DIG, (8 if code == '20' else 7) - len(first))
        if code == '20':
            loc_ = f'{rest[:4]} {rest[4:]}'
        else:
            loc_ = f'{rest[:3]} {rest[3:]}'
        return f'+44 {code} {loc_}' if intl else f'0{code} {loc_}'
    if loc in ('de', 'at'):
        if loc == 'at':
            m = rng.choice(['664', '650', '676', '699'])
            n = rnd(rng, DIG, 7)
            return f'+43 {m} {n}' if intl else rng.choice([f'0{m} {n}', f'0{m} {n[:3]} {n[3:5]} {n[5:]}'])
        if intl or rng.random() < 0.7:
            m = rng.choice(['151', '152', '157', '160', '162', '170', '171', '172',
                            '176', '177', '178'])
            n = rdig(rng, rng.choice([7, 8]))
            if intl:
                return rng.choice([f'+49 {m} {n}', f'+49 (0){m} {n[:4]} {n[4:]}', f'+49{m}{n}'])
            return rng.choice([f'0{m} {n}', f'0{m}/{n}', f'0{m}-{n}', f'0{m} {n[:4]} {n[4:]}'])
        code = rng.choice(['30', '40', '89', '221', '341', '711'])
        n = rdig(rng, 8 - len(code) + 1)
        return f'+49 {code} {n}' if intl else rng.choice([f'0{code} {n}', f'(0{code}) {n}', f'0{code}/{n}'])
    if loc == 'fr':
        first = rng.choice(['6', '7'] * 3 + ['1', '2', '3', '4', '5'])
        p = [rnd(rng, DIG, 2) for _ in range(4)]
        if intl:
            return rng.choice([f'+33 {first} {" ".join(p)}', f'+33 (0){first} {" ".join(p)}',
                               f'+33{first}{"".join(p)}'])
        return rng.choice([f'0{first} {" ".join(p)}', f'0{first}.{".".join(p)}',
                           f'0{first}{"".join(p)}', f'0{first}-{"-".join(p)}'])
    if loc == 'es':
        if intl or rng.random() < 0.7:
            n = rng.choice('67') + rnd(rng, DIG, 8)
            if intl:
                return rng.choice([f'+34 {n[:3]} {n[3:6]} {n[6:]}',
                                   f'+34 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}', f'+34{n}'])
            return rng.choice([f'{n[:3]} {n[3:6]} {n[6:]}', n, f'{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}'])
        n = rng.choice(['91', '93', '95', '96', '94']) + rnd(rng, DIG, 7)
        if intl:
            return f'+34 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}'
        return rng.choice([f'{n[:2]} {n[2:5]} {n[5:7]} {n[7:]}', f'{n[:3]} {n[3:6]} {n[6:]}'])
    if loc == 'it':
        if intl or rng.random() < 0.7:
            m = rng.choice(['320', '328', '333', '338', '340', '347', '349', '366', '380', '392'])
            n = rnd(rng, DIG, 7)
            if intl:
                return rng.choice([f'+39 {m} {n[:3]} {n[3:]}', f'+39 {m}{n}', f'+39 {m} {n}'])
            return rng.choice([f'{m} {n[:3]} {n[3:]}', f'{m}-{n}', f'{m}{n}', f'{m} {n}'])
        code = rng.choice(['06', '02', '011', '055', '081', '051'])
        n = rnd(rng, DIG, 10 - len(code))
        if intl:
            return f'+39 {code} {n}'
        return rng.choice([f'{code} {n}', f'{code}-{n}', f'{code} {n[:4]} {n[4:]}'])
    if loc == 'pt':
        if intl or rng.random() < 0.7:
            n = rng.choice(['91', '92', '93', '96']) + rnd(rng, DIG, 7)
        else:
            n = rng.choice(['21', '22', '239', '289']) 
            n = n + rnd(rng, DIG, 9 - len(n))
        g = (f'{n[:3]} {n[3:6]} {n[6:]}' if n[0] == '9' or n[:3] in ('239', '289')
             else f'{n[:2]} {n[2:5]} {n[5:]}')
        if intl:
            return rng.choice([f'+351 {g}', f'+351 {n}', f'00351 {g}'])
        return rng.choice([g, n])
    if loc == 'nl':
        if intl or rng.random() < 0.65:
            n = rnd(rng, DIG, 8)
            if intl:
                return rng.choice([f'+31 6 {n}', f'+31 (0)6 {n[:4]} {n[4:]}', f'+316{n}'])
            return rng.choice([f'06-{n}', f'06 {n[:4]} {n[4:]}', f'06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}',
                               f'06{n}'])
        code = rng.choice(['20', '10', '30', '70', '50', '40'])
        n = rdig(rng, 7)
        if intl:
            return rng.choice([f'+31 {code} {n[:3]} {n[3:]}', f'+31 (0){code} {n}'])
        return rng.choice([f'0{code}-{n}', f'0{code} {n[:3]} {n[3:]}'])
    raise KeyError(loc)


# -- identifiers
BANK_WORDS = ['QWLB', 'KTRA', 'VOLM', 'HBRN', 'ZENK', 'PLVA', 'MROC', 'TIVN',
              'SOLB', 'GRAV', 'NEBU', 'LUMQ']
BIC_COUNTRY = {'us': 'US', 'uk': 'GB', 'ca': 'CA', 'de': 'DE', 'at': 'AT',
               'fr': 'FR', 'es': 'ES', 'it': 'IT', 'pt': 'PT', 'nl': 'NL'}
IBAN_COUNTRY = {'uk': 'GB', 'de': 'DE', 'at': 'AT', 'fr': 'FR', 'es': 'ES',
                'it': 'IT', 'pt': 'PT', 'nl': 'NL'}


def make_bban(rng, cc):
    if cc == 'GB':
        return rnd(rng, UP, 4) + rnd(rng, DIG, 14)
    if cc == 'DE':
        return rdig(rng, 8, '12345678') + rnd(rng, DIG, 10)
    if cc == 'AT':
        return rdig(rng, 5) + rnd(rng, DIG, 11)
    if cc == 'FR':
        bank, branch, acct = rdig(rng, 5), rnd(rng, DIG, 5), rnd(rng, DIG, 11)
        return bank + branch + acct + f'{fr_rib_key(bank, branch, acct):02d}'
    if cc == 'ES':
        bank, branch, acct = rdig(rng, 4), rnd(rng, DIG, 4), rnd(rng, DIG, 10)
        return bank + branch + str(es_dc('00' + bank + branch)) + str(es_dc(acct)) + acct
    if cc == 'IT':
        body = rnd(rng, DIG, 5) + rnd(rng, DIG, 5) + rnd(rng, DIG, 12)
        return cf_char(body) + body
    if cc == 'PT':
        body = rdig(rng, 4) + rnd(rng, DIG, 4) + rnd(rng, DIG, 11)
        return body + f'{pt_nib(body):02d}'
    if cc == 'NL':
        while True:
            acct = rdig(rng, 10)
            if nl_acct_ok(acct):
                return rnd(rng, UP, 4) + acct
    raise KeyError(cc)


def make_iban(rng, cc, style=None):
    bban = make_bban(rng, cc)
    check = 98 - iban_mod(cc + '00' + bban)
    s = f'{cc}{check:02d}{bban}'
    assert iban_ok(s), s
    style = style or rng.choice(['g', 'g', 'c'])
    if style == 'g':
        return ' '.join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


def bad_iban(rng, cc):
    """IBAN-shaped, grouped, failing mod 97."""
    while True:
        bban = make_bban(rng, cc)
        check = rng.randint(2, 98)
        s = f'{cc}{check:02d}{bban}'
        if iban_mod(s) != 1:
            return ' '.join(s[i:i + 4] for i in range(0, len(s), 4))


def make_bic(rng, cc):
    loc2 = rng.choice(UP) + rng.choice(UP[:14] + '23456789')
    b = rnd(rng, UP, 4) + cc + loc2
    if rng.random() < 0.4:
        b += rng.choice(['XXX', rng.choice(UP) + rnd(rng, DIG, 2), rnd(rng, UP, 3)])
    return b


def make_card(rng, style=None):
    kind = rng.choice(['visa', 'visa', 'mc', 'mc2', 'amex'])
    while True:
        if kind == 'visa':
            body = '4' + rnd(rng, DIG, 14)
        elif kind == 'mc':
            body = str(rng.randint(51, 55)) + rnd(rng, DIG, 13)
        elif kind == 'mc2':
            body = str(rng.randint(2221, 2720)) + rnd(rng, DIG, 11)
        else:
            body = rng.choice(['34', '37']) + rnd(rng, DIG, 12)
        n = body + luhn_digit(body)
        if card_ok(n):
            break
    style = style or rng.choice(['s', 's', 'h', 'c'])
    if len(n) == 15:
        parts = [n[:4], n[4:10], n[10:]]
    else:
        parts = [n[i:i + 4] for i in range(0, 16, 4)]
    if style == 's':
        return ' '.join(parts)
    if style == 'h':
        return '-'.join(parts)
    return n


def bad_card(rng):
    """Card-shaped 16 digits with no Luhn-valid window of 13-16 digits."""
    while True:
        n = rng.choice('45') + rnd(rng, DIG, 15)
        if not luhn_windows(n):
            return ' '.join(n[i:i + 4] for i in range(0, 16, 4))


def make_ssn(rng, style=None):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        s = f'{a:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}'
        if ssn_ok(s) and not clash(s):
            break
    style = style or rng.choice(['h', 'h', 'h', 's', 'c'])
    if style == 'h':
        return f'{s[:3]}-{s[3:5]}-{s[5:]}'
    if style == 's':
        return f'{s[:3]} {s[3:5]} {s[5:]}'
    return s


def make_nhs(rng, style=None):
    while True:
        d9 = rng.choice('467') + rnd(rng, DIG, 8)
        c = nhs_check(d9)
        if c is not None and not npi_ok(d9 + str(c)):
            s = d9 + str(c)
            break
    style = style or rng.choice(['s', 's', 'c', 'h'])
    if style == 's':
        return f'{s[:3]} {s[3:6]} {s[6:]}'
    if style == 'h':
        return f'{s[:3]}-{s[3:6]}-{s[6:]}'
    return s


def make_nino(rng, style=None):
    while True:
        p = rng.choice(UP) + rng.choice(UP)
        if p[0] not in NINO_BAD_FIRST and p[1] not in NINO_BAD_SECOND and \
                p not in NINO_BAD_PREFIX:
            break
    d = rnd(rng, DIG, 6)
    sfx = rng.choice('ABCD')
    style = style or rng.choice(['s', 'c', 'c'])
    if style == 's':
        return f'{p} {d[:2]} {d[2:4]} {d[4:]} {sfx}'
    return f'{p}{d}{sfx}'


def make_npi(rng):
    while True:
        body = rng.choice('12') + rnd(rng, DIG, 8)
        s = body + luhn_digit('80840' + body)
        if not nhs_ok(s):
            return s


def make_dea(rng, surname):
    first = rng.choice('ABFGM')
    second = strip_accents(surname).replace(' ', '')[0].upper() if surname else '9'
    d = [rng.randint(0, 9) for _ in range(6)]
    c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + ''.join(map(str, d)) + str(c)


def make_aba(rng):
    while True:
        p = rng.choice(ABA_PREFIXES)
        d = [int(c) for c in p + rnd(rng, DIG, 6)]
        c = (-(3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5]))) % 10
        s = ''.join(map(str, d)) + str(c)
        if aba_ok(s) and not bsn_ok(s):
            return s


DL_STATES = ['CA', 'NY', 'FL', 'TX', 'IL', 'PA', 'NJ', 'WA', 'MI', 'OH']


def make_dl(rng, state):
    L = rng.choice(UP)
    if state == 'CA':
        return L + rnd(rng, DIG, 7)
    if state == 'NY':
        n = no_clash(rng, lambda: rdig(rng, 9))
        return rng.choice([n, f'{n[:3]} {n[3:6]} {n[6:]}'])
    if state == 'FL':
        n = rnd(rng, DIG, 12)
        return f'{L}{n[:3]}-{n[3:6]}-{n[6:8]}-{n[8:11]}-{n[11]}'
    if state == 'TX':
        return no_clash(rng, lambda: rdig(rng, 8, '1234'))
    if state == 'IL':
        n = rnd(rng, DIG, 11)
        return f'{L}{n[:3]}-{n[3:7]}-{n[7:]}'
    if state == 'PA':
        n = rdig(rng, 8, '12345678')
        return rng.choice([n, f'{n[:2]} {n[2:5]} {n[5:]}'])
    if state == 'NJ':
        n = rnd(rng, DIG, 14)
        return f'{L}{n[:4]} {n[4:9]} {n[9:]}'
    if state == 'WA':
        return 'WDL' + rnd(rng, UP + DIG, 9)
    if state == 'MI':
        n = rnd(rng, DIG, 12)
        return f'{L} {n[:3]} {n[3:6]} {n[6:9]} {n[9:]}'
    if state == 'OH':
        return rnd(rng, UP, 2) + rnd(rng, DIG, 6)
    raise KeyError(state)


DL_RE = [r'[A-Z]\d{7}', r'\d{9}', r'\d{3} \d{3} \d{3}', r'[A-Z]\d{3}-\d{3}-\d{2}-\d{3}-\d',
         r'\d{8}', r'[A-Z]\d{3}-\d{4}-\d{4}', r'\d{2} \d{3} \d{3}', r'[A-Z]\d{4} \d{5} \d{5}',
         r'WDL[A-Z0-9]{9}', r'[A-Z] \d{3} \d{3} \d{3} \d{3}', r'[A-Z]{2}\d{6}']


def make_passport(rng):
    if rng.random() < 0.5:
        return no_clash(rng, lambda: rdig(rng, 9, '12345'))
    return rng.choice('ACEFGHJKLMNPRSTUVWXYZ') + rnd(rng, DIG, 8)


def make_detax(rng, style=None):
    while True:
        twice = rng.choice(DIG)
        others = [c for c in DIG if c != twice]
        rng.shuffle(others)
        ds = [twice, twice] + others[:8]
        rng.shuffle(ds)
        s = ''.join(ds)
        if s[0] == '0':
            continue
        s += str(detax_check(s))
        if detax_ok(s):
            break
    style = style or rng.choice(['c', 'c', 's'])
    if style == 's':
        return f'{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}'
    return s


def make_nir(rng, style=None, female=None):
    while True:
        sex = rng.choice('12') if female is None else ('2' if female else '1')
        yy = rng.randint(0, 99)
        mm = rng.randint(1, 12)
        dep = rng.choice([d for d in range(1, 96) if d != 20])
        body = f'{sex}{yy:02d}{mm:02d}{dep:02d}{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}'
        key = 97 - int(body) % 97
        s = body + f'{key:02d}'
        if nir_ok(s) and not luhn_ok(s):
            break
    style = style or rng.choice(['s', 's', 'c'])
    if style == 's':
        return f'{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {s[13:]}'
    return s


def make_dni(rng, style=None):
    n = rng.randint(1000000, 79999999)
    s = f'{n:08d}' + DNI_LETTERS[n % 23]
    style = style or rng.choice(['c', 'c', 'h', 'd'])
    if style == 'h':
        return f'{s[:8]}-{s[8]}'
    if style == 'd':
        return f'{s[:2]}.{s[2:5]}.{s[5:8]}-{s[8]}'
    return s


def make_nie(rng, style=None):
    p = rng.choice('XYZ')
    n = rnd(rng, DIG, 7)
    letter = DNI_LETTERS[int(str('XYZ'.index(p)) + n) % 23]
    style = style or rng.choice(['c', 'h'])
    return f'{p}-{n}-{letter}' if style == 'h' else f'{p}{n}{letter}'


def cf_part(name, is_given):
    s = strip_accents(name).upper()
    s = ''.join(c for c in s if c.isalpha())
    cons = [c for c in s if c not in 'AEIOU']
    vow = [c for c in s if c in 'AEIOU']
    if is_given and len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return (''.join(cons + vow) + 'XXX')[:3]


BELFIORE = ['H501', 'F205', 'L219', 'F839', 'A944', 'D612', 'G273', 'D969',
            'A662', 'L736', 'G224', 'B354']


def make_cf(rng, given, surname, dob, female):
    s = cf_part(surname, False) + cf_part(given, True)
    s += f'{dob.year % 100:02d}' + CF_MONTHS[dob.month - 1]
    s += f'{dob.day + (40 if female else 0):02d}' + rng.choice(BELFIORE)
    return s + cf_char(s)


def make_bsn(rng, style=None):
    while True:
        s = rdig(rng, 9)
        if bsn_ok(s) and not aba_ok(s):
            break
    style = style or rng.choice(['c', 'c', 'd', 's'])
    if style == 'd':
        return f'{s[:4]}.{s[4:6]}.{s[6:]}'
    if style == 's':
        return f'{s[:3]} {s[3:6]} {s[6:]}'
    return s


VIN_WMI = ['1G4', '2T3', '3KP', '5YJ', 'JM1', 'KNA', 'WVW', 'WBA', 'VF1', 'ZFA',
           'VSS', 'SAL', 'YV1', 'TMB', 'WF0', 'VR3', '1FM', '4T1']
VIN_YEAR = 'ABCDEFGHJKLMNPRSTVWXY123456789'


def make_vin(rng):
    while True:
        v = (rng.choice(VIN_WMI) + rnd(rng, VIN_CHARS, 5) + '0'
             + rng.choice(VIN_YEAR) + rng.choice(VIN_CHARS) + rnd(rng, DIG, 6))
        v = v[:8] + vin_check(v) + v[9:]
        if vin_ok(v):
            return v


PLATE_RE = [r'\d[A-Z]{3}\d{3}', r'[A-Z]{3}-\d{4}', r'[A-Z]{3} \d{4}',
            r'[A-Z]{2}\d{2} [A-Z]{3}', r'[A-Z]{4} \d{3}',
            r'[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} \d{1,4}', r'[A-Z] \d{3} [A-Z]{2}',
            r'[A-Z]{2}-\d{3}-[A-Z]{2}', r'\d{4} [B-DF-HJ-NP-TV-Z]{3}',
            r'[A-Z]{2} ?\d{3} ?[A-Z]{2}', r'[A-Z]{2}-\d{2}-[A-Z]{2}',
            r'\d{2}-[A-Z]{2}-\d{2}', r'\d{2}-[A-Z]{3}-\d', r'[A-Z]{2}-\d{3}-[A-Z]',
            r'\d-[A-Z]{3}-\d{2}']
ES_PLATE = 'BCDFGHJKLMNPRSTVWXYZ'
CITY_CODES = ['B', 'HH', 'M', 'K', 'L', 'DD', 'F', 'S', 'HB', 'H', 'N', 'MS', 'KI', 'FR']


def make_plate(rng, loc):
    U3 = lambda n: rnd(rng, 'ABCDEFGHJKLMNPRSTUVWXYZ', n)
    if loc == 'us':
        return rng.choice([rng.choice('45678') + U3(3) + rnd(rng, DIG, 3),
                           U3(3) + '-' + rnd(rng, DIG, 4), U3(3) + ' ' + rnd(rng, DIG, 4)])
    if loc == 'uk':
        return U3(2) + f'{rng.choice([19, 20, 21, 22, 23, 24, 69, 70, 71, 72, 73, 74])}' + ' ' + U3(3)
    if loc == 'ca':
        return U3(4) + ' ' + rnd(rng, DIG, 3)
    if loc == 'de':
        return rng.choice(CITY_CODES) + '-' + U3(rng.randint(1, 2)) + ' ' + str(rng.randint(1, 9999))
    if loc == 'at':
        return rng.choice('WGLS') + ' ' + rnd(rng, DIG, 3) + ' ' + U3(2)
    if loc == 'fr':
        return U3(2) + '-' + rnd(rng, DIG, 3) + '-' + U3(2)
    if loc == 'es':
        return rnd(rng, DIG, 4) + ' ' + rnd(rng, ES_PLATE, 3)
    if loc == 'it':
        sep = rng.choice([' ', ''])
        return U3(2) + sep + rnd(rng, DIG, 3) + sep + U3(2)
    if loc == 'pt':
        return rng.choice([U3(2) + '-' + rnd(rng, DIG, 2) + '-' + U3(2),
                           rnd(rng, DIG, 2) + '-' + U3(2) + '-' + rnd(rng, DIG, 2)])
    if loc == 'nl':
        return rng.choice([rnd(rng, DIG, 2) + '-' + rnd(rng, 'BDFGHJKLNPRSTVXZ', 3) + '-' + rng.choice(DIG[1:]),
                           rnd(rng, 'BDFGHJKLNPRSTVXZ', 2) + '-' + rnd(rng, DIG, 3) + '-' + rng.choice('BDFGHJKLNPRSTVXZ'),
                           rng.choice(DIG[1:]) + '-' + rnd(rng, 'BDFGHJKLNPRSTVXZ', 3) + '-' + rnd(rng, DIG, 2)])
    raise KeyError(loc)


def make_imei(rng, style=None):
    while True:
        body = rng.choice(['35', '86', '01', '99']) + rnd(rng, DIG, 12)
        s = body + luhn_digit(body)
        if not nir_ok(s):
            break
    style = style or rng.choice(['c', 'c', 'h', 's'])
    if style == 'h':
        return f'{s[:2]}-{s[2:8]}-{s[8:14]}-{s[14]}'
    if style == 's':
        return f'{s[:2]} {s[2:8]} {s[8:14]} {s[14]}'
    return s


def make_mac(rng):
    b = [rng.randrange(256) for _ in range(6)]
    b[0] &= 0xFC
    if b[0] == 0:
        b[0] = 0x3C
    sep = rng.choice([':', ':', '-'])
    s = sep.join(f'{x:02x}' for x in b)
    return s.upper() if rng.random() < 0.4 else s


def make_udi(rng):
    body = '0' + rng.choice(['08', '07', '04']) + rnd(rng, DIG, 10)
    gtin = body + gs1_check(body)
    exp = rand_date(rng, 2027, 2031)
    lot = rnd(rng, UP, 2) + rnd(rng, DIG, 4)
    ser = rnd(rng, UP, 2) + rnd(rng, DIG, 8)
    if rng.random() < 0.5:
        return f'(01){gtin}(17){exp:%y%m%d}(10){lot}(21){ser}'
    return f'(01){gtin}(21){ser}'


def make_serial(rng):
    k = rng.randrange(5)
    if k == 0:
        return rnd(rng, 'BCDFGHJKLMNPRSTVWXZ', 3) + rnd(rng, DIG, 6) + rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')
    if k == 1:
        return no_clash(rng, lambda: rnd(rng, DIG, 4) + '-' + rnd(rng, DIG, 5))
    if k == 2:
        return rnd(rng, 'BCDFGHJKLMNPRSTVWXZ', 2) + rnd(rng, DIG, 7)
    if k == 3:
        return rng.choice(DIG[1:]) + rnd(rng, 'BCDFGHJKLMNPRSTVWXZ', 3) + rnd(rng, DIG + 'BCDFGHJKLMNPRSTVWXZ', 5)
    return no_clash(rng, lambda: 'SN' + rnd(rng, DIG, 9))


SERIAL_RE = r'[A-Z0-9][A-Z0-9-]{5,14}'


def b64url(b):
    return base64.urlsafe_b64encode(b).decode().rstrip('=')


URLSAFE = ALNUM + '-_'


def make_key(rng, kind):
    if kind == 'sk':
        return rng.choice(['sk-', 'sk-proj-']) + rnd(rng, ALNUM, 48)
    if kind == 'stripe':
        return rng.choice(['sk_live_', 'rk_live_']) + rnd(rng, ALNUM, 24)
    if kind == 'gh':
        return rng.choice(['ghp_', 'gho_']) + rnd(rng, ALNUM, 36)
    if kind == 'gl':
        return 'glpat-' + rnd(rng, URLSAFE, 20)
    if kind == 'slack':
        return f'xoxb-{rdig(rng, 12)}-{rdig(rng, 13)}-{rnd(rng, ALNUM, 24)}'
    if kind == 'google':
        return 'AIza' + rnd(rng, URLSAFE, 35)
    if kind == 'sendgrid':
        return 'SG.' + rnd(rng, URLSAFE, 22) + '.' + rnd(rng, URLSAFE, 43)
    if kind == 'akid':
        return rng.choice(['AKIA', 'ASIA']) + rnd(rng, UP + '234567', 16)
    if kind == 'awssec':
        return rnd(rng, ALNUM + '/+', 40)
    if kind == 'jwt':
        head = b64url(b'{"alg":"HS256","typ":"JWT"}')
        sub = rnd(rng, DIG, 6)
        iat = rng.randint(1760000000, 1790000000)
        body = b64url(json.dumps({'sub': sub, 'scope': rng.choice(['portal', 'claims:write', 'read']),
                                  'iat': iat, 'exp': iat + 3600},
                                 separators=(',', ':')).encode())
        return f'{head}.{body}.{b64url(bytes(rng.randrange(256) for _ in range(32)))}'
    raise KeyError(kind)


KEY_RE = [r'sk-(proj-)?[A-Za-z0-9]{48}', r'[sr]k_live_[A-Za-z0-9]{24}',
          r'gh[po]_[A-Za-z0-9]{36}', r'glpat-[A-Za-z0-9_-]{20}',
          r'xoxb-\d{12}-\d{13}-[A-Za-z0-9]{24}', r'AIza[A-Za-z0-9_-]{35}',
          r'SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}', r'A[KS]IA[A-Z2-7]{16}',
          r'[A-Za-z0-9/+]{40}', r'eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}']
KEY_KINDS = ['sk', 'stripe', 'gh', 'gl', 'slack', 'google', 'sendgrid', 'jwt']

PUBLIC_V4 = [23, 31, 37, 46, 51, 62, 77, 81, 84, 91, 95, 104, 109, 141, 152,
             176, 185, 188, 193, 212, 213, 217]


def make_ip4(rng):
    k = rng.randrange(4)
    if k == 0:
        return f'10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}'
    if k == 1:
        return f'192.168.{rng.randint(0, 255)}.{rng.randint(2, 254)}'
    if k == 2:
        return f'172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}'
    return f'{rng.choice(PUBLIC_V4)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}'


def make_ip6(rng):
    pre = rng.choice(['2a02:8071', '2a01:e34', '2600:1700', '2003:ea', 'fd12:3a4b',
                      '2a00:1450', '2001:818', '2a0d:5600'])
    groups = pre.split(':') + [f'{rng.randrange(1, 65536):x}' for _ in range(6)]
    if rng.random() < 0.5:
        s = ':'.join(groups[:4]) + '::' + ':'.join(groups[6:])
    else:
        s = ':'.join(groups)
    return str(ipaddress.ip_address(s)) if rng.random() < 0.5 else s


def slug(name):
    s = strip_accents(name.replace('ß', 'ss').replace('ı', 'i')).lower()
    return re.sub(r'[^a-z0-9-]', '', s)


def email_for(rng, given, surname, loc):
    g, s = slug(given), slug(surname)
    local = rng.choice([f'{g}.{s}', f'{g[0]}{s}', f'{g}{s}{rng.randint(1, 99)}',
                        f'{s}.{g}', f'{g}_{s[:4]}', f'{g}.{s[0]}{rng.randint(70, 99)}'])
    return f'{local}@{rng.choice(MAIL_DOMAINS[loc])}'


TOKEN = ALNUM


def make_url(rng, kind, given, surname, loc):
    g, s = slug(given), slug(surname)
    tld = {'us': 'com', 'uk': 'co.uk', 'ca': 'ca'}.get(loc, {'at': 'at'}.get(loc, loc))
    if kind == 'URL':
        return rng.choice([
            f'https://www.{g}{s}.{tld}', f'https://{g}-{s}.{tld}/portfolio',
            f'https://linkfolio.net/in/{g}-{s}-{rnd(rng, "0123456789abcdef", 4)}',
            f'www.{s}-{rng.choice(["photo", "design", "tuition", "builds"])}.{tld}',
            f'https://pages.quillbox.org/~{g[0]}{s}/cv.html',
            f'https://{g}{s[0]}.blogspot-mirror.net/about'])
    if kind == 'BANKLINK':
        host = rng.choice(['secure.volmbank.' + tld, 'upload.kestrelpay.com', 'docs.tidewire.com'])
        return f'https://{host}/u/{rnd(rng, TOKEN, 20)}?case={rnd(rng, DIG, 7)}'
    if kind == 'PORTAL':
        host = rng.choice(['portal.northvale-health.org', 'mychart.larkfield-clinic.org',
                           'patient.kestrelcare.net', 'results.harbourlab.' + tld,
                           'app.medivault-eu.com'])
        return rng.choice([
            f'https://{host}/results/view?id={rnd(rng, DIG, 8)}&t={rnd(rng, TOKEN, 22)}',
            f'https://{host}/r/{rnd(rng, TOKEN, 16)}',
            f'https://{host}/MyChart/Visit?csn={rnd(rng, DIG, 10)}&tok={rnd(rng, TOKEN, 18)}',
            f'https://{host}/invite/{rnd(rng, TOKEN, 12)}-{rnd(rng, TOKEN, 12)}'])
    if kind == 'RESET':
        host = rng.choice(['account.tidewire.com', 'login.kestrelpay.com',
                           'id.volmbank.' + tld, 'auth.larkfield-clinic.org'])
        return f'https://{host}/reset?token={rnd(rng, TOKEN, 32)}&u={rnd(rng, DIG, 7)}'
    if kind == 'APIURL':
        host = rng.choice(['api.kestrelpay.io', 'api.claimsbridge.com', 'hooks.tidewire.com',
                           'api.medivault-eu.com'])
        return f'https://{host}/v{rng.randint(1, 3)}/{rng.choice(["customers", "members", "payouts", "patients"])}'
    raise KeyError(kind)


def make_mrn(rng, loc):
    k = rng.randrange(3)
    shapes = {
        'us': [lambda: '00' + rnd(rng, DIG, 6), lambda: 'M' + rnd(rng, DIG, 7),
               lambda: 'UH-' + rnd(rng, DIG, 7)],
        'uk': [lambda: rng.choice('KDRT') + rnd(rng, DIG, 7), lambda: 'RX' + rnd(rng, DIG, 7),
               lambda: rnd(rng, DIG, 7)],
        'ca': [lambda: rnd(rng, DIG, 7), lambda: 'C' + rnd(rng, DIG, 8),
               lambda: 'HX-' + rnd(rng, DIG, 6)],
        'de': [lambda: '2026' + rnd(rng, DIG, 6), lambda: rnd(rng, DIG, 8),
               lambda: 'P-' + rnd(rng, DIG, 7)],
        'at': [lambda: rnd(rng, DIG, 7), lambda: 'PID' + rnd(rng, DIG, 7),
               lambda: rnd(rng, DIG, 8)],
        'fr': [lambda: rnd(rng, DIG, 10), lambda: '26-' + rnd(rng, DIG, 6),
               lambda: rnd(rng, DIG, 8)],
        'es': [lambda: rnd(rng, DIG, 7), lambda: 'NHC' + rnd(rng, DIG, 6),
               lambda: rnd(rng, DIG, 8)],
        'it': [lambda: '2026/' + rnd(rng, DIG, 6), lambda: rnd(rng, DIG, 8),
               lambda: 'CC' + rnd(rng, DIG, 7)],
        'pt': [lambda: rnd(rng, DIG, 8), lambda: rnd(rng, DIG, 7),
               lambda: 'PR' + rnd(rng, DIG, 6)],
        'nl': [lambda: rnd(rng, DIG, 7), lambda: rnd(rng, DIG, 8),
               lambda: 'P' + rnd(rng, DIG, 7)],
    }[loc]
    return no_clash(rng, shapes[k])


def make_svnr(rng, dob):
    while True:
        serial = rdig(rng, 3)
        tail = f'{dob:%d%m%y}'
        d = [int(c) for c in serial + '0' + tail]
        c = (3 * d[0] + 7 * d[1] + 9 * d[2] + 5 * d[4] + 8 * d[5] + 4 * d[6]
             + 2 * d[7] + 1 * d[8] + 6 * d[9]) % 11
        if c < 10:
            s = serial + str(c) + tail
            if not clash(s):
                return s if rng.random() < 0.5 else f'{s[:4]} {s[4:]}'


def svnr_ok(s):
    s = compact(s)
    if not re.fullmatch(r'\d{10}', s):
        return False
    d = [int(c) for c in s]
    c = (3 * d[0] + 7 * d[1] + 9 * d[2] + 5 * d[4] + 8 * d[5] + 4 * d[6]
         + 2 * d[7] + 1 * d[8] + 6 * d[9]) % 11
    return c == d[3]


def make_kvnr(rng):
    while True:
        s = rng.choice(UP) + rnd(rng, DIG, 8)
        ds = f'{UP.index(s[0]) + 1:02d}' + s[1:9]
        total = 0
        for i, c in enumerate(ds):
            p = int(c) * (1 if i % 2 == 0 else 2)
            total += p - 9 if p > 9 else p
        s += str(total % 10)
        if kvnr_ok(s):
            return s


def make_ohip(rng):
    while True:
        body = rdig(rng, 9)
        s = body + luhn_digit(body)
        if not nhs_ok(s) and not npi_ok(s):
            return f'{s[:4]}-{s[4:7]}-{s[7:]}-{rnd(rng, "ABCDEFGHJKLMNPRSTVWXYZ", 2)}'


def make_mbi(rng):
    L, A = MBI_LETTERS, MBI_LETTERS + DIG
    pat = ['123456789', L, A, DIG, L, A, DIG, L, L, DIG, DIG]
    s = ''.join(rng.choice(p) for p in pat)
    return f'{s[:4]}-{s[4:7]}-{s[7:]}' if rng.random() < 0.5 else s


def make_hp(rng, loc, ctx=None):
    k = rng.randrange(3)
    if loc == 'us':
        f = [lambda: rnd(rng, 'BCDFGHJKLMNPRSTVWXZ', 3) + rnd(rng, DIG, 9),
             lambda: 'W' + rnd(rng, DIG, 9), lambda: make_mbi(rng)][k]
    elif loc == 'uk':
        f = [lambda: rnd(rng, DIG, 8) + rng.choice('ABCD'), lambda: 'PHI-' + rnd(rng, DIG, 7),
             lambda: rnd(rng, 'BCDFGHJKLMNPRSTVWXZ', 2) + rnd(rng, DIG, 6) + '-01'][k]
    elif loc == 'ca':
        return make_ohip(rng)
    elif loc == 'de':
        return make_kvnr(rng)
    elif loc == 'at':
        return make_svnr(rng, ctx.date('DOB', 1))
    elif loc == 'fr':
        f = [lambda: rdig(rng, 9), lambda: 'MUT' + rnd(rng, DIG, 8),
             lambda: rnd(rng, DIG, 4) + ' ' + rnd(rng, DIG, 4) + ' ' + rnd(rng, DIG, 2)][k]
    elif loc == 'es':
        f = [lambda: rng.choice(['AN', 'MD', 'CT', 'VC']) + rnd(rng, DIG, 10),
             lambda: 'PZ-' + rnd(rng, DIG, 8), lambda: rnd(rng, 'BCDFGHJKLMNPRSTVWXZ', 4) + rnd(rng, DIG, 12)][k]
    elif loc == 'it':
        f = [lambda: '80380' + rnd(rng, DIG, 15), lambda: 'POL' + rnd(rng, DIG, 8),
             lambda: rnd(rng, DIG, 6) + '/' + rnd(rng, DIG, 2)][k]
    elif loc == 'pt':
        f = [lambda: rdig(rng, 9), lambda: rdig(rng, 9), lambda: 'AP' + rnd(rng, DIG, 8)][k]
    elif loc == 'nl':
        f = [lambda: rdig(rng, 9), lambda: rdig(rng, 8), lambda: 'Z' + rnd(rng, DIG, 9)][k]
    else:
        raise KeyError(loc)
    return no_clash(rng, f)


def make_acct(rng, loc):
    k = rng.randrange(3)
    f = {
        'us': [lambda: rdig(rng, rng.randint(10, 12)), lambda: 'LN-' + rnd(rng, DIG, 10),
               lambda: rdig(rng, 9, '123456789')],
        'uk': [lambda: rdig(rng, 8), lambda: rdig(rng, 8), lambda: 'CU' + rnd(rng, DIG, 8)],
        'ca': [lambda: rdig(rng, 7), lambda: rdig(rng, 12), lambda: rnd(rng, DIG, 4) + '-' + rnd(rng, DIG, 3)],
        'de': [lambda: rdig(rng, 10), lambda: 'K-' + rnd(rng, DIG, 8), lambda: rdig(rng, 9)],
        'at': [lambda: rdig(rng, 11), lambda: 'KD' + rnd(rng, DIG, 8), lambda: rdig(rng, 9)],
        'fr': [lambda: rdig(rng, 11), lambda: 'CL' + rnd(rng, DIG, 8), lambda: rdig(rng, 10)],
        'es': [lambda: rdig(rng, 8), lambda: rdig(rng, 10), lambda: 'CLI-' + rnd(rng, DIG, 7)],
        'it': [lambda: rdig(rng, 9), lambda: rdig(rng, 12), lambda: 'CC' + rnd(rng, DIG, 10)],
        'pt': [lambda: rdig(rng, 9), lambda: rdig(rng, 11), lambda: rnd(rng, DIG, 4) + '.' + rnd(rng, DIG, 6)],
        'nl': [lambda: rdig(rng, 8), lambda: rdig(rng, 10), lambda: 'KL-' + rnd(rng, DIG, 7)],
    }[loc][k]
    return no_clash(rng, f)


# ------------------------------------------------------- record context --

LOCS = ['us', 'uk', 'ca', 'de', 'at', 'fr', 'es', 'it', 'pt', 'nl']
EU_IBAN = ['de', 'fr', 'es', 'it', 'nl', 'pt', 'uk']


class Ctx:
    def __init__(self, rng, lang, loc):
        self.rng, self.lang, self.loc = rng, lang, loc
        self.cache = {}
        self.names_used = []
        self.icd_used = []

    def memo(self, key, fn):
        if key not in self.cache:
            self.cache[key] = fn()
        return self.cache[key]

    def person(self, n):
        def new():
            rng = self.rng
            for _ in range(500):
                g = rng.choice(GIVEN[self.lang])
                s = rng.choice(SURNAME[self.lang])
                if g not in self.names_used and s not in self.names_used:
                    self.names_used += [g, s]
                    return (g, s, rng.random() < 0.5)
            raise AssertionError('names')
        return self.memo(('person', n), new)

    def place(self, n, loc=None):
        loc = loc or self.loc
        return self.memo(('place', n, loc), lambda: make_place(self.rng, loc))

    def date(self, kind, n):
        if kind == 'DN':
            return self.memo(('date', kind, n), lambda: self.date('D', n)
                             + datetime.timedelta(days=self.rng.randint(1, 10)))
        span = {'DOB': (1938, 2006), 'D': (2025, 2026), 'DP': (2009, 2024)}[kind]
        return self.memo(('date', kind, n), lambda: rand_date(self.rng, *span))

    def icd(self, fmt):
        table = ICD_US if self.loc == 'us' else ICD_WHO
        for _ in range(100):
            c = self.rng.choice(table)
            if c not in self.icd_used:
                self.icd_used.append(c)
                break
        nodot = fmt == 'nodot' or (fmt != 'dot' and self.rng.random() < 0.3)
        return c.replace('.', '') if nodot else c


def one(label, fn):
    return lambda c, i, f: [(fn(c, i, f), label)]


def loc_or(c, f):
    return f if f in LOCS else c.loc


def g_iban(c, i, f):
    loc = f if f in LOCS else c.loc
    if loc not in IBAN_COUNTRY:
        loc = c.memo(('ibanloc', i), lambda: c.rng.choice(EU_IBAN))
    c.cache[('ibancc', i)] = IBAN_COUNTRY[loc]
    style = f if f in ('c', 'g') else None
    return [(make_iban(c.rng, IBAN_COUNTRY[loc], style), 'IBAN')]


def g_bic(c, i, f):
    if f in LOCS:
        cc = BIC_COUNTRY[f]
    elif ('ibancc', i) in c.cache:
        cc = c.cache[('ibancc', i)]
    else:
        cc = BIC_COUNTRY[c.loc]
    return [(make_bic(c.rng, cc), 'SWIFT_BIC')]


def g_dl(c, i, f):
    st = c.memo(('dlstate', i), lambda: f.upper() if f else c.rng.choice(DL_STATES))
    return [(make_dl(c.rng, st), 'US_DRIVER_LICENSE')]


def g_icdl(c, i, f):
    n = c.rng.randint(2, 4)
    sep = c.rng.choice([', ', '; ', ' / ', ', '])
    out = []
    for k in range(n):
        if k:
            out.append((sep, None))
        out.append((c.icd(f), 'ICD10_CODE'))
    return out


def g_cf(c, i, f):
    g, s, fem = c.person(i)
    return make_cf(c.rng, g, s, c.date('DOB', i), fem)


GEN = {
    'P': one('PERSON', lambda c, i, f: f'{c.person(i)[0]} {c.person(i)[1]}'),
    'PF': one('PERSON', lambda c, i, f: c.person(i)[0]),
    'PL': one('PERSON', lambda c, i, f: c.person(i)[1]),
    'DOB': one('DATE', lambda c, i, f: fmt_date(c.date('DOB', i), c.loc, f, c.rng)),
    'D': one('DATE', lambda c, i, f: fmt_date(c.date('D', i), c.loc, f, c.rng)),
    'DN': one('DATE', lambda c, i, f: fmt_date(c.date('DN', i), c.loc, f, c.rng)),
    'DP': one('DATE', lambda c, i, f: fmt_date(c.date('DP', i), c.loc, f, c.rng)),
    'ADDR': one('STREET_ADDRESS', lambda c, i, f: c.place(i, loc_or(c, f))['street']),
    'ADDRML': one('STREET_ADDRESS', lambda c, i, f: c.place(i, loc_or(c, f))['street_ml']),
    'POBOX': one('STREET_ADDRESS', lambda c, i, f: c.place(i, loc_or(c, f))['pobox']),
    'ZIP': one('ZIP_CODE', lambda c, i, f: c.place(i, loc_or(c, f))['zip']),
    'ADDRL': lambda c, i, f: ([(c.place(i, loc_or(c, f))['street'], 'STREET_ADDRESS'), (', ', None)]
                              + city_line(c.place(i, loc_or(c, f)), loc_or(c, f))),
    'ADDRB': lambda c, i, f: ([(c.place(i, loc_or(c, f))['street_ml'], 'STREET_ADDRESS'), ('\n', None)]
                              + city_line(c.place(i, loc_or(c, f)), loc_or(c, f))),
    'PH': one('PHONE', lambda c, i, f: make_phone(c.rng, loc_or(c, f))),
    'PHI': one('PHONE', lambda c, i, f: make_phone(c.rng, loc_or(c, f), 'i')),
    'PHN': one('PHONE', lambda c, i, f: make_phone(c.rng, loc_or(c, f), 'n')),
    'EM': one('EMAIL', lambda c, i, f: email_for(c.rng, c.person(i)[0], c.person(i)[1], c.loc)),
    'URL': one('URL', lambda c, i, f: make_url(c.rng, 'URL', c.person(i)[0], c.person(i)[1], c.loc)),
    'PORTAL': one('URL', lambda c, i, f: make_url(c.rng, 'BANKLINK' if f == 'bank' else 'PORTAL', '', '', c.loc)),
    'RESET': one('URL', lambda c, i, f: make_url(c.rng, 'RESET', '', '', c.loc)),
    'APIURL': one('URL', lambda c, i, f: make_url(c.rng, 'APIURL', '', '', c.loc)),
    'IP': one('IP_ADDRESS', lambda c, i, f: make_ip4(c.rng) if c.rng.random() < 0.6 else make_ip6(c.rng)),
    'IP4': one('IP_ADDRESS', lambda c, i, f: make_ip4(c.rng)),
    'IP6': one('IP_ADDRESS', lambda c, i, f: make_ip6(c.rng)),
    'MRN': one('MEDICAL_RECORD_NUMBER', lambda c, i, f: make_mrn(c.rng, c.loc)),
    'HP': one('HEALTH_PLAN_ID', lambda c, i, f: make_hp(c.rng, c.loc, c)),
    'ACCT': one('ACCOUNT_NUMBER', lambda c, i, f: make_acct(c.rng, loc_or(c, f))),
    'ICD': one('ICD10_CODE', lambda c, i, f: c.icd(f)),
    'ICDL': g_icdl,
    # a given code (the condition is named in the text): [[ICDX:e119]] -> E11.9
    'ICDX': one('ICD10_CODE', lambda c, i, f: f.upper()[:3] + ('.' + f.upper()[3:] if len(f) > 3 else '')),
    'NPI': one('NPI', lambda c, i, f: make_npi(c.rng)),
    'DEA': one('DEA_NUMBER', lambda c, i, f: make_dea(c.rng, c.person(i)[1])),
    'SSN': one('US_SSN', lambda c, i, f: make_ssn(c.rng, f or None)),
    'DL': g_dl,
    'PASS': one('US_PASSPORT', lambda c, i, f: make_passport(c.rng)),
    'ROUT': one('US_BANK_ROUTING', lambda c, i, f: make_aba(c.rng)),
    'BIC': g_bic,
    'IBAN': g_iban,
    'CC': one('CREDIT_CARD', lambda c, i, f: make_card(c.rng, f or None)),
    'NHS': one('UK_NHS', lambda c, i, f: make_nhs(c.rng, f or None)),
    'NINO': one('UK_NINO', lambda c, i, f: make_nino(c.rng, f or None)),
    'STID': one('DE_TAX_ID', lambda c, i, f: make_detax(c.rng, f or None)),
    'NIR': one('FR_NIR', lambda c, i, f: make_nir(c.rng, f or None, c.person(i)[2])),
    'DNI': one('ES_DNI', lambda c, i, f: make_dni(c.rng, f or None)),
    'NIE': one('ES_DNI', lambda c, i, f: make_nie(c.rng, f or None)),
    'CF': one('IT_FISCAL_CODE', g_cf),
    'BSN': one('NL_BSN', lambda c, i, f: make_bsn(c.rng, f or None)),
    'VIN': one('VEHICLE_ID', lambda c, i, f: make_vin(c.rng)),
    'PLATE': one('VEHICLE_ID', lambda c, i, f: make_plate(c.rng, loc_or(c, f))),
    'IMEI': one('DEVICE_ID', lambda c, i, f: make_imei(c.rng, f or None)),
    'MAC': one('DEVICE_ID', lambda c, i, f: make_mac(c.rng)),
    'UDI': one('DEVICE_ID', lambda c, i, f: make_udi(c.rng)),
    'SERIAL': one('DEVICE_ID', lambda c, i, f: make_serial(c.rng)),
    'KEY': one('API_KEY', lambda c, i, f: make_key(c.rng, c.rng.choice(KEY_KINDS))),
    'KEYO': one('API_KEY', lambda c, i, f: make_key(c.rng, 'sk')),
    'KEYS': one('API_KEY', lambda c, i, f: make_key(c.rng, 'stripe')),
    'KEYG': one('API_KEY', lambda c, i, f: make_key(c.rng, 'gh')),
    'KEYL': one('API_KEY', lambda c, i, f: make_key(c.rng, 'gl')),
    'KEYX': one('API_KEY', lambda c, i, f: make_key(c.rng, 'slack')),
    'KEYA': one('API_KEY', lambda c, i, f: make_key(c.rng, 'google')),
    'KEYSG': one('API_KEY', lambda c, i, f: make_key(c.rng, 'sendgrid')),
    'JWT': one('API_KEY', lambda c, i, f: make_key(c.rng, 'jwt')),
    'AKID': one('API_KEY', lambda c, i, f: make_key(c.rng, 'akid')),
    'AWSSEC': one('API_KEY', lambda c, i, f: make_key(c.rng, 'awssec')),
}


# --------------------------------------------------------------- fillers --
# Unlabelled look-alikes and context. Each takes (ctx, instance).

WEEKDAYS = {
    'en': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    'de': ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
    'fr': ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    'es': ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
    'it': ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
    'pt': ['segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'],
    'nl': ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
}
PM_MODELS = ['Azurite DR MRI', 'Veloxa XT DR', 'Corvita SR 2', 'Lumeon ICD-VR',
             'Pulsara CRT-D']
PUMPS = ['Medrion 780', 'Insuvia X2', 'Glidepump 5']
DRUGS = ['metformin', 'atorvastatin', 'amlodipine', 'levothyroxine', 'ramipril',
         'sertraline', 'apixaban', 'omeprazole', 'bisoprolol', 'salbutamol']
CPT = ['99213', '99214', '80053', '85025', '83036', '93000', '36415', '71046',
       '80061', '84443']
EMPLOYERS = ['Harlow Logistics', 'Brightline Dental Group', 'Tri-County Schools',
             'Copperleaf Foods', 'Northgate Freight', 'Juniper Home Care']


def f_time(c, i):
    h, m = c.rng.randint(7, 21), c.rng.randint(0, 59)
    if c.loc == 'us' and c.rng.random() < 0.5:
        return f'{(h - 1) % 12 + 1}:{m:02d} {"AM" if h < 12 else "PM"}'
    if c.lang == 'fr' and c.rng.random() < 0.4:
        return f'{h}h{m:02d}'
    return f'{h:02d}:{m:02d}'


def sysdt(c):
    return datetime.datetime(2026, c.rng.randint(1, 11), c.rng.randint(1, 28),
                             c.rng.randint(0, 23), c.rng.randint(0, 59), c.rng.randint(0, 59))


def f_wats(c, i):
    d = c.memo(('wats',), lambda: sysdt(c)) + datetime.timedelta(minutes=4 * i + c.rng.randint(0, 3))
    if c.loc == 'us':
        return f'{d.month}/{d.day}/{d:%y}, {(d.hour - 1) % 12 + 1}:{d:%M} {"AM" if d.hour < 12 else "PM"}'
    if c.lang in ('de',):
        return f'{d:%d.%m.%y}, {d:%H:%M}'
    if c.lang == 'nl':
        return f'{d:%d-%m-%Y} {d:%H:%M}'
    if c.lang in ('es', 'it'):
        return f'{d.day}/{d.month}/{d:%y}, {d:%H:%M}'
    return f'{d:%d/%m/%Y}, {d:%H:%M}'


def f_hex(n):
    return lambda c, i: rnd(c.rng, '0123456789abcdef', n)


def f_uuid(c, i):
    h = rnd(c.rng, '0123456789abcdef', 32)
    return f'{h[:8]}-{h[8:12]}-4{h[13:16]}-{c.rng.choice("89ab")}{h[17:20]}-{h[20:]}'


def money(c, lo, hi):
    v = c.rng.randint(lo * 100, hi * 100) / 100
    s = f'{v:,.2f}'
    if c.lang == 'en':
        return {'uk': '£', 'us': '$', 'ca': '$'}[c.loc] + s
    s = s.replace(',', ' ').replace('.', ',').replace(' ', '.')
    if c.lang in ('it', 'nl'):
        return f'€ {s}'
    return f'{s} €'


def guarded(fn):
    """Redraw a filler until it raises no look-alike problem by itself."""
    def g(c, i):
        for _ in range(200):
            v = fn(c, i)
            if not lookalike_problems(v):
                return v
        raise AssertionError('guarded filler')
    return g


def f_order(c, i):
    r = c.rng
    return r.choice([f'ORD-{rnd(r, DIG, 7)}', f'{rdig(r, 3)}-{rnd(r, DIG, 7)}-{rnd(r, DIG, 7)}',
                     f'W{rnd(r, DIG, 9)}', f'#{rdig(r, 6)}'])


def f_track(c, i):
    r = c.rng
    return r.choice([f'1Z{rnd(r, UP + DIG, 6)}{rnd(r, DIG, 10)}', f'JD{rnd(r, DIG, 16)}',
                     f'{rnd(r, UP, 2)}{rnd(r, DIG, 9)}{r.choice(["GB", "DE", "NL", "FR", "ES", "PT", "IT"])}'])


def f_isbn(c, i):
    body = '978' + rnd(c.rng, DIG, 9)
    total = sum(int(d) * (1 if k % 2 == 0 else 3) for k, d in enumerate(body))
    s = body + str((10 - total % 10) % 10)
    return f'{s[:3]}-{s[3]}-{s[4:8]}-{s[8:12]}-{s[12]}'


def f_ndc(c, i):
    return f'{rnd(c.rng, DIG, 5)}-{rnd(c.rng, DIG, 4)}-{rnd(c.rng, DIG, 2)}'


def f_dose(c, i):
    d = c.rng.choice(['500 mg', '0.5 mg', '20 mg', '2.5 mg', '1 g', '10 mg',
                      '75 mcg', '40 mg', '5 mg'])
    return d if c.lang == 'en' else d.replace('.', ',')


def f_dec(c, i):
    v = f'{c.rng.randint(10, 140) / 10:.1f}'
    return v if c.lang == 'en' else v.replace('.', ',')


def f_maskcc(c, i):
    l4 = rnd(c.rng, DIG, 4)
    return c.rng.choice([f'•••• {l4}', f'**** **** **** {l4}', f'XXXX-XXXX-XXXX-{l4}',
                         f'ending {l4}' if c.lang == 'en' else f'**** {l4}'])


def f_ver(c, i):
    r = c.rng
    return r.choice([f'{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 12)}',
                     f'v{r.randint(1, 5)}.{r.randint(0, 20)}.{r.randint(0, 9)}-rc.{r.randint(1, 4)}',
                     f'2026.{r.randint(1, 11)}.{r.randint(0, 9)}',
                     f'{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(1000, 9999)}'])


FILL = {
    'city': lambda c, i: c.place(i)['city'],
    'region': lambda c, i: c.place(i)['region'],
    'dlstate': lambda c, i: c.memo(('dlstate', i), lambda: c.rng.choice(DL_STATES)),
    'time': f_time,
    'wats': f_wats,
    'ts': lambda c, i: f'{sysdt(c):%Y-%m-%dT%H:%M:%S}.{c.rng.randint(0, 999):03d}Z',
    'tslog': lambda c, i: f'{sysdt(c):%Y-%m-%d %H:%M:%S},{c.rng.randint(0, 999):03d}',
    'clf': lambda c, i: f'{sysdt(c):%d/%b/%Y:%H:%M:%S} +0000',
    'logcat': lambda c, i: f'{sysdt(c):%m-%d %H:%M:%S}.{c.rng.randint(0, 999):03d}',
    'syslog': lambda c, i: f'{sysdt(c):%b %d %H:%M:%S}',
    'order': guarded(f_order),
    'ticket': lambda c, i: c.rng.choice([f'INC{rnd(c.rng, DIG, 7)}', f'SR-{rnd(c.rng, DIG, 5)}',
                                          f'CS-{rnd(c.rng, DIG, 6)}', f'#{rdig(c.rng, 5)}']),
    'inv': lambda c, i: c.rng.choice([f'INV-2026-{rnd(c.rng, DIG, 5)}', f'FA{rnd(c.rng, DIG, 8)}',
                                       f'RE-{rnd(c.rng, DIG, 6)}']),
    'track': guarded(f_track),
    'lot': lambda c, i: c.rng.choice([f'{rnd(c.rng, DIG, 2)}{c.rng.choice(UP)}{rnd(c.rng, DIG, 3)}',
                                       f'L{rnd(c.rng, DIG, 6)}', f'{rnd(c.rng, UP, 2)}{rnd(c.rng, DIG, 4)}']),
    'batch': lambda c, i: f'B-{rnd(c.rng, DIG, 4)}-{rnd(c.rng, DIG, 2)}',
    'ver': f_ver,
    'sha': f_hex(40), 'sha7': f_hex(7), 'sha12': f_hex(12), 'sha64': f_hex(64),
    'uuid': f_uuid,
    'status': lambda c, i: c.rng.choice(['200', '201', '204', '301', '400', '401', '403',
                                          '404', '409', '422', '429', '500', '502', '503']),
    'port': lambda c, i: c.rng.choice(['8080', '8443', '5432', '6379', '9092', '3000', '27017', '9200']),
    'price': lambda c, i: money(c, 3, 400),
    'amt': lambda c, i: money(c, 1200, 480000),
    'dose': f_dose,
    'dec': f_dec,
    'n1': lambda c, i: str(c.rng.randint(2, 9)),
    'n2': lambda c, i: str(c.rng.randint(10, 99)),
    'n3': lambda c, i: str(c.rng.randint(100, 999)),
    'n4': lambda c, i: str(c.rng.randint(1000, 9999)),
    'ms': lambda c, i: str(c.rng.randint(3, 2400)),
    'bytes': lambda c, i: str(c.rng.randint(120, 98000)),
    'pid': lambda c, i: str(c.rng.randint(200, 32000)),
    'cpt': lambda c, i: c.rng.choice(CPT),
    'ndc': guarded(f_ndc),
    'isbn': guarded(f_isbn),
    'sku': lambda c, i: f'{rnd(c.rng, UP, 2)}-{rnd(c.rng, DIG, 4)}-{c.rng.choice(["S", "M", "L", "XL", "BLK", "250G"])}',
    'dur': lambda c, i: c.rng.choice([f'{c.rng.randint(1, 9)}m {c.rng.randint(0, 59):02d}s',
                                       f'{c.rng.randint(2, 59)} min', f'{c.rng.randint(1, 9)}.{c.rng.randint(0, 9)}s',
                                       f'{c.rng.randint(1, 3)}h {c.rng.randint(0, 59):02d}m']),
    'last4': lambda c, i: rnd(c.rng, DIG, 4),
    'maskcc': f_maskcc,
    'maskssn': lambda c, i: c.rng.choice(['***-**-', 'XXX-XX-', '•••-••-']) + rnd(c.rng, DIG, 4),
    # GB and NL IBANs carry letters in the BBAN, so that the digit runs stay
    # too short for a Luhn-valid window (the check outside spans).
    'ibanbad': guarded(lambda c, i: bad_iban(c.rng, {'uk': 'GB', 'nl': 'NL'}.get(
        c.loc, c.rng.choice(['GB', 'NL'])))),
    'ccbad': lambda c, i: bad_card(c.rng),
    'otp': lambda c, i: rnd(c.rng, DIG, 6),
    'sortcode': lambda c, i: f'{rnd(c.rng, DIG, 2)}-{rnd(c.rng, DIG, 2)}-{rnd(c.rng, DIG, 2)}',
    'appref': lambda c, i: f'APP-2026-{rnd(c.rng, DIG, 6)}',
    'ext': lambda c, i: rnd(c.rng, DIG, 4),
    'bed': lambda c, i: str(c.rng.randint(1, 32)),
    'weekday': lambda c, i: c.rng.choice(WEEKDAYS[c.lang]),
    'month': lambda c, i: c.rng.choice(MONTHS[c.lang]),
    'year': lambda c, i: str(c.rng.randint(2016, 2026)),
    'year2': lambda c, i: str(c.rng.randint(2027, 2035)),
    'exp': lambda c, i: f'{c.rng.randint(1, 12):02d}/{c.rng.randint(27, 31)}',
    'drug': lambda c, i: c.rng.choice(DRUGS),
    'pmmodel': lambda c, i: c.rng.choice(PM_MODELS),
    'pump': lambda c, i: c.rng.choice(PUMPS),
    'employer': lambda c, i: c.rng.choice(EMPLOYERS),
    'host': lambda c, i: c.rng.choice([f'api-{rnd(c.rng, "0123456789abcdef", 5)}-{rnd(c.rng, LOW + DIG, 5)}',
                                        f'worker-{c.rng.randint(1, 12)}', 'db-primary', 'edge-gw-2']),
    'pct': lambda c, i: f'{c.rng.randint(1, 99)}%',
    'promo': lambda c, i: c.rng.choice(['SPRING', 'WELCOME', 'FREESHIP', 'VIP']) + str(c.rng.randint(5, 40)),
    'ref': lambda c, i: rnd(c.rng, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 6),
    'pw': lambda c, i: rnd(c.rng, ALNUM, 14),
    'calldur': lambda c, i: c.rng.choice([f'{c.rng.randint(2, 25)} min',
                                          f'{c.rng.randint(1, 14)} min {c.rng.randint(0, 59):02d} s']),
    'otpdur': lambda c, i: c.rng.choice(['5 min', '10 min', '15 min', '3 min']),
    'stab': lambda c, i: c.rng.choice(['24 h', '48 h', '72 h', '8 h']),
    'rate': lambda c, i: f_rate(c),
    'tam': lambda c, i: f'{c.rng.randint(8, 11):02d}:{c.rng.choice(["00", "15", "30", "45"])}',
    'tpm': lambda c, i: f'{c.rng.randint(13, 19):02d}:{c.rng.choice(["00", "15", "30", "45"])}',
}


def f_rate(c):
    v = f'{c.rng.randint(150, 989) / 100:.2f}'
    return f'{v}%' if c.lang == 'en' else v.replace('.', ',') + ' %'


# --------------------------------------------------------------- rendering --

ALT = re.compile(r'⟪([^⟪⟫]*)⟫')
PLACE = re.compile(r'\[\[(=?)([A-Za-z][A-Za-z0-9_]*?)(?:\.(\d))?(?::([a-z0-9]+))?([\^_~]?)\]\]')


def modify(text, mod):
    if mod == '^':
        return text.upper()
    if mod == '_':
        return text.lower()
    if mod == '~':
        return ' '.join(compact(text))
    return text


def render(rng, lang, loc, tpl):
    c = Ctx(rng, lang, loc)
    text = tpl
    while True:
        m = ALT.search(text)
        if not m:
            break
        text = text[:m.start()] + rng.choice(m.group(1).split('¦')) + text[m.end():]
    segs = []
    pos = 0
    for m in PLACE.finditer(text):
        if m.start() > pos:
            segs.append((text[pos:m.start()], None))
        pos = m.end()
        filler, key, inst, fmt, mod = m.groups()
        inst = int(inst or 1)
        if filler:
            if key in ('city', 'region'):
                v = c.place(inst, loc_or(c, fmt))[key]
            else:
                v = FILL[key](c, inst)
            segs.append((modify(v, mod), None))
            continue
        out = c.memo(('gen', key, inst, fmt), lambda: GEN[key](c, inst, fmt))
        segs += [(modify(t, mod), lab) for t, lab in out]
    if pos < len(text):
        segs.append((text[pos:], None))
    out_text, spans, off = [], [], 0
    values = []
    for t, lab in segs:
        b = len(t.encode('utf-8'))
        if lab:
            spans.append({'entity': lab, 'start': off, 'end': off + b})
            values.append(t)
        out_text.append(t)
        off += b
    return ''.join(out_text), spans, values


# ----------------------------------------------------------------- checks --

RUN = re.compile(r'\d(?:[ -]?\d)*')


def lookalike_problems(s):
    """Identifier-shaped strings that must not occur outside spans."""
    p = []
    for m in RUN.finditer(s):
        run = digits(m.group())
        if len(run) >= 13 and luhn_windows(run):
            p.append('luhn window ' + m.group())
        if len(run) == 15 and nir_ok(run):
            p.append('nir ' + m.group())
    for m in re.finditer(r'(?<![\w.])(\d{9,11})(?![\w])', s):
        d = m.group(1)
        if (len(d) == 9 and (aba_ok(d) or bsn_ok(d))) or \
                (len(d) == 10 and (nhs_ok(d) or npi_ok(d))) or (len(d) == 11 and detax_ok(d)):
            p.append('check-valid number ' + d)
    for m in re.finditer(r'\b\d{3} \d{3} \d{4}\b', s):
        if nhs_ok(digits(m.group())):
            p.append('nhs ' + m.group())
    if re.search(r'\b\d{3}-\d{2}-\d{4}\b', s):
        p.append('ssn shape')
    for m in re.finditer(r'\b\d{2} \d{3} \d{3} \d{3}\b', s):
        if detax_ok(digits(m.group())):
            p.append('detax ' + m.group())
    for m in re.finditer(r'\b\d{4}\.\d{2}\.\d{3}\b', s):
        if bsn_ok(digits(m.group())):
            p.append('bsn ' + m.group())
    for m in re.finditer(r'\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}', s):
        v = compact(m.group())
        n = IBAN_LEN.get(v[:2])
        if n and len(v) >= n and iban_mod(v[:n]) == 1:
            p.append('iban ' + m.group())
    for m in re.finditer(r'\b[A-HJ-NPR-Z0-9]{17}\b', s):
        v = m.group()
        if re.search(r'\d', v) and re.search(r'[A-Z]', v) and vin_ok(v):
            p.append('vin ' + v)
    if re.search(r'\b[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]\b', s):
        p.append('fiscal code shape')
    for m in re.finditer(r'\b(?:\d{8}-?[A-Z]|[XYZ]-?\d{7}-?[A-Z])\b', s):
        if dni_ok(m.group()):
            p.append('dni ' + m.group())
    for m in re.finditer(r'\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b', s):
        if nino_ok(m.group()):
            p.append('nino ' + m.group())
    for m in re.finditer(r'\b[A-Z]{2}\d{7}\b', s):
        if dea_ok(m.group()):
            p.append('dea ' + m.group())
    for m in re.finditer(r'\b[A-Z]\d{9}\b', s):
        if kvnr_ok(m.group()):
            p.append('kvnr ' + m.group())
    for m in re.finditer(r'(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])', s):
        if all(int(x) <= 255 for x in m.group().split('.')):
            p.append('ipv4 ' + m.group())
    for m in re.finditer(r'(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])', s):
        try:
            ipaddress.IPv6Address(m.group())
            p.append('ipv6 ' + m.group())
        except ValueError:
            pass
    if re.search(r'\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b', s):
        p.append('mac shape')
    if re.search(r'https?://|\bwww\.', s):
        p.append('url')
    for r in KEY_RE[:8] + KEY_RE[9:]:
        if re.search(r, s):
            p.append('api key shape')
    return p


ZIP_RE = [r'\d{5}(-\d{4})?', r'[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}', r'[A-Z]\d[A-Z] \d[A-Z]\d',
          r'\d{4}', r'\d{4}-\d{3}', r'\d{4} ?[A-Z]{2}']
ALL_ICD = set(ICD_US + ICD_WHO)
ALL_NAMES = set()
for _l in GIVEN:
    ALL_NAMES.update(GIVEN[_l])
    ALL_NAMES.update(SURNAME[_l])


def udi_ok(v):
    m = re.fullmatch(r'\(01\)(\d{14})(\(17\)\d{6}\(10\)[A-Z0-9]+)?\(21\)[A-Z0-9]+', v)
    return bool(m) and gs1_check(m.group(1)[:13]) == m.group(1)[13]


def validate(ent, v, loc):
    """Every labelled value passes the checks of its entity."""
    u = compact(v).upper()
    if ent == 'PERSON':
        return v.upper() in {n.upper() for n in ALL_NAMES} or \
            all(w.upper() in {x.upper() for n in ALL_NAMES for x in n.split()} for w in v.split())
    if ent == 'EMAIL':
        return bool(re.fullmatch(r'[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}', v.lower()))
    if ent == 'PHONE':
        return len(digits(v)) >= 9 and bool(re.fullmatch(r'[+(0-9][0-9 ()./-]*[0-9]', v))
    if ent == 'US_SSN':
        return ssn_ok(v) and not re.search(r'[A-Za-z]', v)
    if ent == 'CREDIT_CARD':
        return card_ok(v)
    if ent == 'IBAN':
        return iban_ok(v)
    if ent == 'US_BANK_ROUTING':
        return aba_ok(u)
    if ent == 'SWIFT_BIC':
        return bool(re.fullmatch(r'[A-Z]{4}[A-Z]{2}[A-Z0-9][A-Z1-9]([A-Z0-9]{3})?', v)) and \
            v[4:6] in BIC_COUNTRY.values()
    if ent in ('ACCOUNT_NUMBER', 'MEDICAL_RECORD_NUMBER'):
        return bool(re.search(r'\d{4}', v)) and not clash(digits(v)) and not clash(u)
    if ent == 'HEALTH_PLAN_ID':
        if re.fullmatch(r'[A-Z]\d{9}', u) and loc == 'de':
            return kvnr_ok(u)
        if loc == 'at':
            return svnr_ok(v)
        if loc == 'ca':
            return luhn_ok(digits(v)) and len(digits(v)) == 10
        if loc == 'us' and len(u) == 11 and u[0] in '123456789' and not u.isdigit() \
                and not u.startswith('W'):
            return mbi_ok(u)
        return bool(re.search(r'\d{4}', u)) and not clash(digits(v))
    if ent == 'IP_ADDRESS':
        return ip_ok(v)
    if ent == 'URL':
        return bool(re.fullmatch(r'(https://|www\.)[A-Za-z0-9.-]+\.[a-z]{2,}(/\S*)?', v))
    if ent == 'DATE':
        return bool(re.search(r'\d', v))
    if ent == 'STREET_ADDRESS':
        return bool(re.search(r'[A-Za-zÀ-ÿ]{2}', v)) and v == v.strip()
    if ent == 'ZIP_CODE':
        return any(re.fullmatch(r, v.upper()) for r in ZIP_RE)
    if ent == 'NPI':
        return npi_ok(v)
    if ent == 'DEA_NUMBER':
        return dea_ok(v)
    if ent == 'ICD10_CODE':
        return v in ALL_ICD or any(v == c.replace('.', '') for c in ALL_ICD)
    if ent == 'US_PASSPORT':
        return bool(re.fullmatch(r'\d{9}|[A-Z]\d{8}', u)) and not clash(u)
    if ent == 'US_DRIVER_LICENSE':
        return any(re.fullmatch(r, v) for r in DL_RE)
    if ent == 'UK_NHS':
        return nhs_ok(u)
    if ent == 'UK_NINO':
        return nino_ok(u)
    if ent == 'DE_TAX_ID':
        return detax_ok(u)
    if ent == 'FR_NIR':
        return nir_ok(u)
    if ent == 'ES_DNI':
        return dni_ok(u)
    if ent == 'IT_FISCAL_CODE':
        return cf_ok(u)
    if ent == 'NL_BSN':
        return bsn_ok(u)
    if ent == 'VEHICLE_ID':
        return vin_ok(u) if len(u) == 17 else any(re.fullmatch(r, v.upper()) for r in PLATE_RE)
    if ent == 'DEVICE_ID':
        if re.fullmatch(r'\d{15}', u):
            return luhn_ok(u)
        if re.fullmatch(r'[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}', v):
            return True
        if v.startswith('(01)'):
            return udi_ok(v)
        return bool(re.fullmatch(SERIAL_RE, v)) and not clash(digits(v))
    if ent == 'API_KEY':
        return any(re.fullmatch(r, v) for r in KEY_RE)
    return False


def problems(text, spans, values, lang, loc, pol):
    p = []
    b = text.encode('utf-8')
    last = 0
    for s, v in zip(spans, values):
        if s['entity'] not in LABELS:
            p.append('label ' + s['entity'])
        seg = b[s['start']:s['end']].decode('utf-8')
        if seg != v or not v or v[0].isspace() or v[-1].isspace():
            p.append('span bytes ' + v)
        if s['start'] < last:
            p.append('overlap')
        last = s['end']
        if not validate(s['entity'], v, loc):
            p.append(f'invalid {s["entity"]} {v!r}')
        if NATIONAL.get(s['entity'], lang) != lang:
            p.append('national id outside its language ' + s['entity'])
    if pol == 'neg' and spans:
        p.append('negative with spans')
    if pol == 'pos' and not spans:
        p.append('positive without spans')
    if any(t in text for t in ('[[', ']]', '⟪', '⟫', '¦')):
        p.append('template syntax left')
    out = bytearray(b)
    for s in spans:
        out[s['start']:s['end']] = b'\x00' * (s['end'] - s['start'])
    outside = out.decode('utf-8', 'replace').replace('\x00', '\u2502')
    p += lookalike_problems(outside)
    if pol == 'neg' and '@' in text:
        p.append('@ in negative')
    starts = {s['start'] for s in spans}
    for k in range(len(b)):
        if b[k] == 0x40 and out[k] != 0 and (k + 1) not in starts:
            p.append('@ outside a mention')
    return p


# ------------------------------------------------------------- templates --
# (lang, slice, polarity, locale, text). ⟪a¦b⟫ = random alternative;
# [[KEY]] labelled value (.2 another of its kind, :fmt a format or locale,
# ^ capitals, _ lower case, ~ read out character by character);
# [[=name]] unlabelled filler.

FILL['mt32'] = lambda c, i: f'26{c.rng.randint(1, 11):02d}{c.rng.randint(1, 28):02d}GBP{c.rng.randint(1200, 98000)},00'
FILL['hl7ts'] = guarded(lambda c, i: f'{sysdt(c):%Y%m%d%H%M}')

TEMPLATES = []


def T(lang, slc, pol, loc, text):
    TEMPLATES.append((lang, slc, pol, loc, text.strip('\n')))


# ---- English: calls
T('en', 'calls', 'pos', 'us', r'''
Call note — ⟪card services¦fraud line¦retail banking⟫, inbound [[=time]]
Caller ID'd with SSN [[SSN]], DOB [[DOB]] and driver license [[DL]] ([[=dlstate]]). Reports a declined purchase; card read back in full: [[CC]]. ⟪Mailing address confirmed¦Address on file confirmed⟫: [[ADDR]], [[=city]], [[=region]] [[ZIP]]. Best callback [[PH]]. ⟪Replacement card ordered.¦Card blocked, replacement in 5-7 days.¦Told caller to watch for a text from us.⟫
''')
T('en', 'calls', 'pos', 'us', r'''
TRANSCRIPT — member services line (typed up by ⟪front desk¦the on-call rep¦claims team⟫)
Agent: Can I get your member number?
Caller: yeah, it's [[HP~]].
Agent: ⟪Thanks.¦Got it.⟫ And your date of birth?
Caller: [[DOB]].
Agent: I see the claim for your visit on [[D]], diagnosis code [[ICD]].
Caller: right. The pharmacy says they need the doctor's NPI, the letter says [[NPI]].
Agent: Is [[PH]] still the best number?
Caller: ⟪no, use my cell¦better my cell now,⟫ [[PH.2]].
''')
T('en', 'calls', 'pos', 'uk', r'''
Telephone encounter [[=time]] — ⟪repeat prescription¦fit note¦test results⟫ query
Pt rang in. ID checked: NHS no. [[NHS]] (read back: [[NHS~]]), DOB [[DOB]], first line of address [[ADDR]], postcode [[ZIP]].
⟪Has moved¦Moved last month¦New address since the spring⟫ — new address [[ADDRL.2]]. Mobile [[PH]]. Wants the e-consult link sent to [[EM]].
''')
T('en', 'calls', 'pos', 'uk', r'''
Call log — ⟪pensions helpline¦payroll query¦benefits enquiry⟫
Caller: It's about my tax code, I think it's wrong. My National Insurance number is [[NINO]].
Advisor: And your postcode?
Caller: [[ZIP]].
Advisor: First line of the address?
Caller: [[ADDR]].
Advisor: Let me read the NI number back: [[NINO~]].
Caller: That's right.
Advisor: Payroll has your start date as [[DP]]. Is that right?
Caller: Yes. And the refund should go to sort code [[=sortcode]], account [[ACCT]].
Advisor: ⟪Noted.¦OK, updated.⟫ Confirmation will go to [[EM]].
''')
T('en', 'calls', 'pos', 'us', r'''
First notice of loss — phone, [[=time]]
Insured reports a rear-end collision on [[D]]. VIN read off the registration card: [[VIN]]; plate [[PLATE]]. Driver's license [[DL]] ([[=dlstate]]), DOB [[DOB]]. Callback [[PH]]; photos to [[EM]]. ⟪Tow requested.¦No injuries reported.¦Rental authorised for 5 days.⟫
''')
T('en', 'calls', 'pos', 'ca', r'''
Agent notes — ⟪stolen device¦lost phone⟫ call
Customer confirmed account [[ACCT]] and the PIN on file. IMEI of the missing handset: [[IMEI]] (⟪blacklisted¦flagged with carriers⟫). Wi-Fi MAC from the router page: [[MAC]]. Replacement SIM shipping to [[ADDRL]]. Last portal login came from [[IP]]; ⟪sent a reset link to¦password reset mailed to⟫ [[EM]].
''')
T('en', 'calls', 'pos', 'us', r'''
Outbound verification call re: ⟪wire release¦large withdrawal¦account reopening⟫
Spoke with the account holder. She read her passport number, [[PASS]], and ⟪the last four of her SSN, then the full number:¦confirmed SSN⟫ [[SSN]]. Receiving bank routing [[ROUT]], account [[ACCT]]; ⟪for the international leg¦beneficiary abroad⟫: IBAN [[IBAN]], BIC [[BIC]]. ⟪Released at¦Approved at⟫ [[=time]].
''')
T('en', 'calls', 'pos', 'us', r'''
Pharmacy callback log — controlled Rx verification, [[=time]]
Called the prescriber's direct line [[PH]] to verify a Schedule II script. Office confirmed DEA [[DEA.2]] and NPI [[NPI]] for Dr. [[PL.2]]. Patient DOB [[DOB]], member ID [[HP]]; delivery to [[ADDRL]].
''')
T('en', 'calls', 'neg', 'us', r'''
Call note — order status, [[=time]]
Caller asked about order [[=order]] placed ⟪last [[=weekday]]¦on [[=weekday]]⟫. Tracking [[=track]] shows it out for delivery. Refund of [[=price]] for the damaged item issued under ticket [[=ticket]]; told them card ⟪[[=maskcc]]¦ending in [[=last4]]⟫ should see it in 3-5 business days. Hold time [[=calldur]].
''')
T('en', 'calls', 'neg', 'uk', r'''
Call summary — pharmacy ⟪stock¦recall⟫ line
Rep called about batch [[=batch]] (lot [[=lot]]) of [[=drug]] [[=dose]] tablets. Advised to quarantine 3 boxes and return them with form ⟪RX-14¦R7⟫. No patient details were taken. ⟪Credit of [[=price]] to follow.¦Collection booked for [[=weekday]].⟫ Callback on the ⟪team's¦shared⟫ extension [[=ext]].
''')
T('en', 'calls', 'neg', 'us', r'''
Helpdesk call [[=ticket]] — VPN drops after update to [[=ver]]
User reads the error from the screen: "connection refused on port [[=port]] (code [[=status]])". Build [[=sha7]]; reinstall took [[=dur]]. User pasted the email they were sent: "Dear <NAME>, your account <ACCOUNT> will be ⟪suspended¦migrated⟫ on {{date}}." — phishing training, no action.
''')

# ---- English: sms
T('en', 'sms', 'pos', 'us', r'''
[[=wats.1]] - [[PHI]]: hi it's the tenant from ⟪2B¦the basement unit¦unit 4⟫, can you send the lease to [[EM_]]
[[=wats.2]] - [[PHI]]: also new address for the deposit is [[ADDR_]], [[=city]] [[=region]] [[ZIP]]
[[=wats.3]] - [[PHI]]: ⟪and¦oh and⟫ for the refund: routing [[ROUT]] acct [[ACCT]]
''')
T('en', 'sms', 'pos', 'us', r'''
Patient: hi, my daughter's MRN is [[MRN]]. she has an appt [[D]] but we moved
Clinic: Thanks! What's the new address?
Patient: [[ADDR]] [[=city]] [[=region]] [[ZIP]]
Clinic: And her date of birth?
Patient: [[DOB]]
Clinic: Updated. Her visit summary: [[PORTAL]]
''')
T('en', 'sms', 'pos', 'uk', r'''
[[=wats.1]] - [[PF]]: here's my details for the ⟪rent¦festival tickets¦flat deposit⟫ x
[[=wats.2]] - [[PF]]: sort code [[=sortcode]] acc [[ACCT]]
[[=wats.3]] - [[PF]]: or IBAN [[IBAN]] BIC [[BIC]] if your app wants that
[[=wats.4]] - [[PF.2]]: sent! also the agency needs your NI number
[[=wats.5]] - [[PF]]: [[NINO]]
''')
T('en', 'sms', 'pos', 'us', r'''
⟪hey¦yo¦ok⟫ here's the staging ⟪key¦token⟫: [[KEY]]
don't commit it this time lol
also the box is at [[IP4]], ssh in as deploy
AWS creds if the pipeline asks: [[AKID]] / [[AWSSEC]]
''')
T('en', 'sms', 'pos', 'uk', r'''
⟪mum's nhs number is [[NHS]] and her dob¦dad's nhs number is [[NHS]] and his dob⟫ [[DOB]], the ⟪surgery¦hospital¦referral team⟫ wants it. they're at [[ADDR_]] now, [[ZIP_]]. hospital no. on the letter is [[MRN]]
''')
T('en', 'sms', 'pos', 'ca', r'''
Re the ⟪Civic¦RAV4¦Outback⟫: VIN is [[VIN]], plate [[PLATE]]. E-transfer to [[EM]] ⟪works¦is fine⟫ or call me at [[PH]]. ⟪You can see it at¦Pick up at⟫ [[ADDRL]].
''')
T('en', 'sms', 'pos', 'us', r'''
⟪Hi nurse¦Hello⟫, pump alarm again overnight. Pump serial [[SERIAL]], CGM transmitter [[SERIAL.2]]. Insurance member id [[HP]] if you need to order a new one. Card for the copay: [[CC]] exp [[=exp]]
''')
T('en', 'sms', 'pos', 'us', r'''
⟪Mom¦hey⟫, for the flight booking I need your passport number again
[[PASS]] — exp [[=year2]]. DOB [[DOB]] like on the passport
and dad's? it's [[PASS.2]]
got it. send the confirmation to [[EM]]
''')
T('en', 'sms', 'neg', 'us', r'''
Your ⟪Kestrel Pay¦Tidewire⟫ verification code is [[=otp]]. It expires in [[=otpdur]]. Never share this code.
Your order [[=order]] has shipped — tracking [[=track]].
Reply STOP to opt out. Msg&data rates may apply.
''')
T('en', 'sms', 'neg', 'uk', r'''
⟪train's¦bus is⟫ at [[=time]] from platform ⟪4¦9b⟫, tickets were [[=price]] each
ok. remind me to take the [[=drug]] [[=dose]] at 8
paid with the ⟪•••• [[=last4]]¦card ending [[=last4]]⟫, ref [[=ref]]
''')
T('en', 'sms', 'neg', 'us', r'''
Alert: purchase of [[=price]] at {{merchant}} on card [[=maskcc]] approved. Not you? Reply NO.
Template preview — "Hi {{first_name}}, your balance is {{balance}}. Pay to <ACCOUNT> by [[=weekday]]." (draft [[=n2]], not sent)
''')

# ---- English: finance
T('en', 'finance', 'pos', 'us', r'''
UNIFORM RESIDENTIAL LOAN APPLICATION — ⟪borrower information¦section 1a⟫ (pasted)
Borrower SSN: [[SSN]]        Date of birth: [[DOB:us]]
Current address: [[ADDR]]
[[=city]], [[=region]] [[ZIP]]
Housing: ⟪Rent¦Own¦Living rent-free⟫
Mailing address, if different: [[POBOX.2]], [[=city.2]], [[=region.2]] [[ZIP.2]]
Employer: [[=employer]]   Start date: [[DP]]
Co-borrower SSN: [[SSN.2]]   DOB: [[DOB.2:us]]   ID: US passport [[PASS.2]]
Checking — routing [[ROUT]], account [[ACCT]]
''')
T('en', 'finance', 'pos', 'us', r'''
KYC review — ⟪individual¦sole proprietor⟫ onboarding, analyst notes
Primary ID: US passport [[PASS]] (exp. [[=year2]]). Secondary: driver license [[DL]] ([[=dlstate]]).
SSN [[SSN]] matches bureau. Residential address [[ADDRL]] verified against a utility bill.
Wire-in instructions on file: beneficiary IBAN [[IBAN]], BIC [[BIC]]; domestic leg via ABA [[ROUT]].
Applicant IP at submission: [[IP]]. ⟪No PEP or sanctions hits.¦Adverse media: none.⟫
''')
T('en', 'finance', 'pos', 'uk', r'''
Personal loan application — ref [[=appref]]
Applicant NI number: [[NINO]]
Joint applicant NI number: [[NINO.2]]
Date of birth: [[DOB]]
Address:
[[ADDRML^]]
[[=city^]]
[[ZIP]]
Time at address: [[=n1]] years
Bank: sort code [[=sortcode]] / account no. [[ACCT]]
IBAN: [[IBAN]]
Existing credit card with us: [[CC]]
''')
T('en', 'finance', 'pos', 'us', r'''
Auto loan funding checklist — deal [[=appref]]
[x] VIN on contract matches title: [[VIN]]
[x] Borrower license [[DL]] ([[=dlstate]]), DOB [[DOB]]
[x] First payment ACH from routing [[ROUT]] acct [[ACCT]]
[ ] Proof of residence for [[ADDR]], [[=city]], [[=region]] [[ZIP]]
Borrower contact: [[PH]] / [[EM]]
''')
T('en', 'finance', 'pos', 'uk', r'''
SWIFT MT103 excerpt pasted by ⟪ops¦payments support⟫:
:20:[[=ref]]
:32A:[[=mt32]]
:50K:/[[IBAN:c]]
[[P^]]
[[ADDR^]]
[[=city^]] [[ZIP]]
:57A:[[BIC.2:us]]
:59:/[[ACCT:us]]
[[P.2^]]
:71A:SHA
''')
T('en', 'finance', 'pos', 'ca', r'''
Chargeback intake — cardholder dispute
Cardholder: [[P]]
Card number: [[CC]]
Statement address: [[ADDRB]]
Phone: [[PH]]
Disputed: [[=price]] at ⟪an online electronics store¦a car rental desk¦a hotel⟫ on [[D]]
Customer uploaded receipts via [[PORTAL:bank]]
''')
T('en', 'finance', 'pos', 'uk', r'''
Mortgage affordability notes — joint application
Applicant 1 NINO [[NINO]], DOB [[DOB]]; applicant 2 NINO [[NINO.2:s]], DOB [[DOB.2]].
Current address [[ADDRL]]; time there [[=n1]] yrs.
Salary credits into [[IBAN]] ([[BIC]]); existing mortgage account [[ACCT]].
Broker: ⟪notes typed from a call¦paper fact-find⟫.
''')
T('en', 'finance', 'neg', 'us', r'''
Rate sheet — ⟪week 11¦effective [[=weekday]]⟫
30-yr fixed [[=rate]] ⟪APR¦rate⟫ (points 0.5), 15-yr fixed, 7/6 ARM.
Min FICO 680, max LTV 80%, lender fee [[=price]], product code [[=sku]].
Wire instructions template: ⟪Account: <ACCOUNT> / Routing: <ROUTING>¦IBAN {{iban}}, BIC {{bic}}⟫. Do not fill in before compliance review.
''')
T('en', 'finance', 'neg', 'uk', r'''
Form validation notes ([[=ticket]])
- IBAN field must reject bad checksums, e.g. [[=ibanbad]] (digits transposed in the sample).
- Card field must reject [[=ccbad]] (fails Luhn).
- Masked display: card [[=maskcc]], sort code **-**-[[=n2]], NI number ** ** ** ** *.
- Timeout after [[=dur]]; release [[=ver]].
''')
T('en', 'finance', 'neg', 'us', r'''
Quarterly statement summary (household budget spreadsheet)
Opening balance [[=amt]]; deposits [[=amt]]; fees [[=price]].
Largest items: invoice [[=inv]], order [[=order]], subscription renewal [[=price]].
Interest [[=rate]] APY. Transaction refs: [[=uuid]], [[=uuid]].
''')

# ---- English: logs
T('en', 'logs', 'pos', 'us', r'''
[[IP4]] - - [[[=clf]]] "GET /api/v2/patients/[[MRN]]/labs HTTP/1.1" [[=status]] [[=bytes]] "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"
[[IP4]] - - [[[=clf]]] "POST /api/v2/claims HTTP/1.1" [[=status]] [[=bytes]] "-" "okhttp/4.12.0"
[[IP6]] - - [[[=clf]]] "GET /portal/login HTTP/1.1" 302 0 "-" "Mozilla/5.0 (X11; Linux x86_64)"
''')
T('en', 'logs', 'pos', 'us', r'''
ts=[[=ts]] level=info svc=payouts msg="payout created" acct=[[ACCT]] routing=[[ROUT]] amount_cents=[[=bytes]] client_ip=[[IP]]
ts=[[=ts]] level=info svc=kyc msg="document verified" doc=passport number=[[PASS]] dl=[[DL]] dl_state=[[=dlstate]]
ts=[[=ts]] level=warn svc=cards msg="PAN in request body, masking failed" pan=[[CC:c]] req=[[=uuid]]
ts=[[=ts]] level=info svc=notify msg="receipt sent" to=[[EM]] latency_ms=[[=ms]]
''')
T('en', 'logs', 'pos', 'us', r'''
Traceback (most recent call last):
  File "/srv/claims/submit.py", line [[=n3]], in submit
    resp = client.post(CLAIMS_URL, json=payload, timeout=30)
  File "/srv/claims/client.py", line [[=n2]], in post
    raise ClaimRejected(resp.status_code, payload)
claims.errors.ClaimRejected: (422, {'member_id': '[[HP]]', 'rendering_npi': '[[NPI]]', 'dx': ['[[ICD]]', '[[ICD.2]]'], 'dob': '[[DOB:iso]]', 'subscriber_ssn': '[[SSN:h]]'})
''')
T('en', 'logs', 'pos', 'us', r'''
$ curl -s -X POST [[APIURL]] \
    -H "Authorization: Bearer [[KEYS]]" \
    -H "Content-Type: application/json" \
    -d '{"email":"[[EM]]","phone":"[[PHI]]","address":{"line1":"[[ADDR]]","postal_code":"[[ZIP]]"}}'
{"error":{"code":"[[=status]]","message":"duplicate customer"}}
''')
T('en', 'logs', 'pos', 'us', r'''
# .env.production pasted into the ticket — ROTATE ALL OF THESE
NODE_ENV=production
PORT=[[=port]]
STRIPE_SECRET_KEY=[[KEYS]]
GITHUB_TOKEN=[[KEYG]]
AWS_ACCESS_KEY_ID=[[AKID]]
AWS_SECRET_ACCESS_KEY=[[AWSSEC]]
SLACK_BOT_TOKEN=[[KEYX]]
ONCALL_PHONE=[[PHI]]
ADMIN_ALLOWLIST=[[IP4]],[[IP4.2]]
''')
T('en', 'logs', 'pos', 'ca', r'''
[[=logcat]]  [[=pid]]  [[=pid]] I DeviceReg: register imei=[[IMEI:c]] wifi_mac=[[MAC]] build=[[=ver]]
[[=logcat]]  [[=pid]]  [[=pid]] I Telematics: paired vehicle vin=[[VIN]] odometer_km=[[=bytes]]
[[=logcat]]  [[=pid]]  [[=pid]] W Auth: refresh failed for [[EM]] (token [[JWT]])
''')
T('en', 'logs', 'pos', 'uk', r'''
[[=tslog]] INFO  hl7-in  ADT^A04 received
MSH|^~\&|PAS|RXH|EPR|RXH|[[=hl7ts]]||ADT^A04|[[=n4]]|P|2.4
PID|1||[[MRN]]^^^RXH^MR~[[NHS:c]]^^^NHS^NH||[[PL^]]^[[PF^]]||[[DOB:hl7]]|⟪F¦M⟫|||[[ADDR^]]^^[[=city^]]^^[[ZIP]]^GBR||[[PH]]
[[=tslog]] WARN  hl7-in  PV1 missing, message parked
''')
T('en', 'logs', 'pos', 'us', r'''
[[=tslog]] AUDIT epcs sign_rx prescriber_npi=[[NPI]] dea=[[DEA]] patient_mrn=[[MRN]] two_factor=ok src=[[IP4]]
[[=tslog]] AUDIT epcs sign_rx prescriber_npi=[[NPI.2]] dea=[[DEA.2]] patient_mrn=[[MRN.2]] two_factor=ok src=[[IP4]]
[[=tslog]] AUDIT epcs transmit batch=[[=n3]] status=[[=status]]
''')
T('en', 'logs', 'neg', 'us', r'''
[[=ts]] INFO  [req [[=uuid]]] GET /healthz [[=status]] [[=ms]]ms
[[=ts]] INFO  pod [[=host]] pulled image registry.local/claims-api:[[=ver]] (sha256:[[=sha64]])
[[=ts]] WARN  readiness probe failed: dial tcp :[[=port]]: connect: connection refused
[[=ts]] INFO  ROLLBACK complete, revision [[=n2]] -> [[=n2]]
''')
T('en', 'logs', 'neg', 'us', r'''
Exception in thread "pool-4-thread-[[=n1]]" java.lang.NullPointerException: Cannot invoke "Order.getTotal()" because "order" is null
    at com.kestrel.checkout.PriceService.apply(PriceService.java:[[=n3]])
    at com.kestrel.checkout.CheckoutController.submit(CheckoutController.java:[[=n2]])
order_id=[[=order]] amount=[[=price]] status=FAILED user=<REDACTED> card=[[=maskcc]] build=[[=sha12]]
''')
T('en', 'logs', 'neg', 'uk', r'''
Step 4/12 : RUN npm ci --omit=dev
added [[=n3]] packages in [[=dur]]
Step 9/12 : RUN test -n "${API_KEY:?missing}"
commit [[=sha]] (⟪main¦release/[[=ver]]⟫)
Tests: [[=n3]] passed, [[=n1]] skipped, 0 failed ([[=dur]])
FALLBACK cache hit ratio [[=pct]]; artifact claims-api-[[=ver]].tar.gz ([[=bytes]] KB)
''')

# ---- English: clinical
T('en', 'clinical', 'pos', 'us', r'''
⟪NORTHVALE REGIONAL¦HARBOUR COMMUNITY¦LARKFIELD⟫ LABORATORY — FINAL REPORT
Patient: [[PL^]], [[PF^]]    MRN: [[MRN]]    DOB: [[DOB]]
Collected: [[D]] [[=time]]    Ordering provider NPI: [[NPI]]
Clinical dx: [[ICDL]]
TEST            RESULT   UNITS    REF RANGE
HbA1c           [[=dec]]      %        4.0-5.6
Creatinine      [[=dec]]      mg/dL    0.6-1.2
eGFR            [[=n2]]       mL/min   >60
''')
T('en', 'clinical', 'pos', 'uk', r'''
Dear Dr [[PL.2]],

Re: [[P]], DOB [[DOB]], NHS No [[NHS]]
[[ADDRML]]
[[=city]]
[[ZIP]]

Thank you for seeing this ⟪58¦71¦44⟫-year-old with ⟪poorly controlled type 2 diabetes ([[ICDX:e119]])¦persistent atrial fibrillation ([[ICDX:i481]])¦worsening asthma ([[ICDX:j459]])⟫. Hospital number [[MRN]]. Mobile [[PH]]; prefers texts.

Yours sincerely,
Dr [[PL.3]]
cc: patient (NHS [[NHS]])
''')
T('en', 'clinical', 'pos', 'us', r'''
PRIOR AUTHORIZATION REQUEST — ⟪GLP-1 agonist¦biologic¦CGM supplies⟫
Member ID: [[HP]]    Member DOB: [[DOB]]
Prescriber NPI: [[NPI]]    DEA: [[DEA.2]]
Diagnosis (ICD-10): [[ICD]]⟪; [[ICD.2]]¦⟫
Requested: ⟪semaglutide 0.5 mg weekly¦adalimumab 40 mg every 2 weeks¦CGM sensors, 3 per month⟫, NDC [[=ndc]]
Previous therapy: [[=drug]] [[=dose]] ⟪failed¦not tolerated⟫
''')
T('en', 'clinical', 'pos', 'us', r'''
Device clinic — remote interrogation [[D]]
MRN [[MRN]]. [[=pmmodel]] pacemaker, serial [[SERIAL]]; UDI [[UDI]]. Referring NPI [[NPI]].
Home monitor ⟪MAC¦Wi-Fi address⟫ [[MAC]], last transmission from [[IP]].
Battery 8.1 yrs, RV threshold [[=dec]] V at 0.4 ms, AF burden [[=pct]]. Dx [[ICD]]. Next check in 91 days; results link sent: [[PORTAL]]
''')
T('en', 'clinical', 'pos', 'ca', r'''
SURGICAL PATHOLOGY REPORT
Name: [[PL^]], [[PF^]]   Chart: [[MRN]]   Health card: [[HP]]
DOB: [[DOB]]   Received: [[D]]
Specimen: ⟪left breast core biopsy¦sigmoid colon polyp¦skin, left forearm, excision⟫
Clinical codes: [[ICDL]]
Diagnosis: ⟪invasive ductal carcinoma, grade 2¦tubular adenoma, low-grade dysplasia¦basal cell carcinoma, margins clear⟫
Copy to patient: [[ADDRL]]
''')
T('en', 'clinical', 'pos', 'us', r'''
Discharge med rec — controlled substance e-Rx
Patient MRN [[MRN]], DOB [[DOB]]
oxycodone 5 mg tab, #12, no refills — prescriber DEA [[DEA.2]], NPI [[NPI]]
Co-signing attending: DEA [[DEA.3]]
Deliver to: [[ADDRL]]
Pharmacy to call patient at [[PH]] before delivery. Dx [[ICD]].
''')
T('en', 'clinical', 'pos', 'uk', r'''
DISCHARGE SUMMARY — ⟪Ward 7¦Acute Medical Unit¦Cardiology⟫
Name: [[P]]    Hospital no: [[MRN]]    NHS no: [[NHS]]
DOB: [[DOB]]    Admitted: [[D]]    Discharged: [[DN]]
Diagnoses: [[ICDL]]
Address: [[ADDRL]]
GP to review bloods in 1 week; patient's mobile [[PH]].
''')
T('en', 'clinical', 'neg', 'us', r'''
Reference ranges (adult) — ⟪lab handbook¦analyser insert⟫, revision [[=ver]]
Sodium 135-145 mmol/L; potassium 3.5-5.1 mmol/L; vitamin B12 200-900 pg/mL; TSH 0.4-4.0 mIU/L.
CPT [[=cpt]]; specimen stable [[=stab]] at room temperature; reagent lot [[=lot]], expires [[=month]] [[=year2]].
Critical values are phoned to the ward extension [[=ext]] within 30 min.
''')
T('en', 'clinical', 'neg', 'uk', r'''
Pharmacy stock note — ⟪recall class II¦short-dated stock¦controlled drugs check⟫
[[=drug]] [[=dose]] tablets, lot [[=lot]] (batch [[=batch]]), 3 × 28 packs; NDC-style code [[=ndc]].
Price per pack [[=price]]; reorder when < 10. Dosing card: [[=dose]] twice daily with food.
CD register page [[=n2]] balanced at [[=time]].
''')
T('en', 'clinical', 'neg', 'us', r'''
Sliding scale protocol (template — do not file in a chart)
Patient: [patient name]   MRN: ________   DOB: __/__/____
BG 150-199 → 2 units; 200-249 → 4 units; 250-299 → 6 units; > 300 call on-call.
Room [[=bed]]B, bed [[=bed]]; recheck in [[=calldur]]; ref. CPT [[=cpt]].
''')

# ---- English: forms
T('en', 'forms', 'pos', 'us', r'''
First name
[[PF]]
Last name
[[PL]]
Date of birth (MM/DD/YYYY)
[[DOB:us]]
Street address
[[ADDR]]
City
[[=city]]
State
[[=region]]
ZIP code
[[ZIP]]
Mobile phone
[[PH]]
Email
[[EM]]
SSN (for the credit check)
[[SSN]]
Driver license number / state
[[DL]] / [[=dlstate]]
Autopay: bank routing number
[[ROUT]]
Autopay: account number
[[ACCT]]
''')
T('en', 'forms', 'pos', 'us', r'''
PATIENT INFORMATION                                   Page 1 of 2
Home phone        Date of birth        Insurance member ID        Driver license #
[[DOB]]
[[HP]]        [[PH]]
[[DL]] ([[=dlstate]])
Address (street, city, state, ZIP)
[[ADDR^]]   [[=city^]] [[=region]] [[ZIP]]
Photo ID on file: ⟪US passport¦passport card⟫ [[PASS]]
Reason for visit: ⟪follow-up¦new patient¦annual physical⟫
''')
T('en', 'forms', 'pos', 'uk', r'''
GP REGISTRATION — family doctor services (pasted from PDF)
Surname: [[PL^]]        First names: [[PF^]]
Date of birth: [[DOB]]        NHS number (if known): [[NHS]]
National Insurance number: [[NINO]]
Home address (including postcode):
[[ADDRB^]]
Telephone: [[PH]]      Email: [[EM]]
Previous address in the UK: [[ADDRL.2]]
''')
T('en', 'forms', 'pos', 'us', r'''
APPLICATION FOR TITLE / REGISTRATION
Vehicle identification number (VIN)
[[VIN]]
License plate        Odometer
[[=bytes]]
[[PLATE]]
Owner's driver license no.      State
[[DL]]      [[=dlstate]]
Mailing address
[[POBOX]]
[[=city]], [[=region]] [[ZIP]]
Owner phone: [[PH]]
''')
T('en', 'forms', 'pos', 'uk', r'''
Developer console — ⟪new API credentials¦key created⟫
Name of key: ⟪billing-sync¦crm-export¦mobile-app⟫
Secret (shown once): [[KEY]]
Allowed IPs: [[IP4]], [[IP]]
Webhook URL: [[APIURL]]
Account owner contact: [[EM]] / [[PH]]
Personal site for the partner directory: [[URL]]
''')
T('en', 'forms', 'pos', 'us', r'''
DIRECT DEPOSIT AUTHORIZATION
Employee name: [[P]]      SSN: [[SSN]]
Bank routing number: [[ROUT]]      Account number: [[ACCT]]      Type: ⟪Checking¦Savings⟫
Start date: [[DP]]
Section 2 — List A document: U.S. Passport, number [[PASS]]
Signature on file
''')
T('en', 'forms', 'pos', 'us', r'''
PRESCRIBER ENROLLMENT — pharmacy benefit network
Prescriber NPI        DEA registration        Practice state
[[NPI]]
[[DEA]]        [[=region]]
Supervising physician DEA (mid-level prescribers only): [[DEA.2]]
Mailing address: [[ADDRB]]
Direct phone: [[PH]]    Email: [[EM]]
''')
T('en', 'forms', 'neg', 'us', r'''
NEW ACCOUNT FORM (blank — for the print shop)
First name: ____________   Last name: ____________
Date of birth: __/__/____   SSN: XXX-XX-XXXX
IBAN: {{iban}}   Sort code: XX-XX-XX
Email: <EMAIL>   Phone: (___) ___-____
Form version [[=ver]], printed [[=month]] [[=year]]
''')
T('en', 'forms', 'neg', 'uk', r'''
Order form — ⟪bulk stationery¦lab consumables¦bookshop⟫
SKU [[=sku]] × 3 at [[=price]] each
ISBN [[=isbn]] × 1
Promo code: [[=promo]]   Gift card [[=maskcc]]
Delivery slot: [[=weekday]] [[=time]]   Order ref [[=order]]
''')
T('en', 'forms', 'neg', 'us', r'''
Event feedback form
How did you hear about us? ⟪Radio¦A friend¦Poster⟫
Rating: [[=n1]]/10   Ticket type: ⟪Standard¦Concession¦VIP⟫
Preferred contact time: ⟪mornings¦evenings⟫
Booking ref [[=ref]], seat [[=n2]], session length [[=dur]]
''')


# ---- German
T('de', 'calls', 'pos', 'de', r'''
Gesprächsnotiz Hotline ⟪Privatkunden¦Baufinanzierung¦Kartensperre⟫, [[=time]] Uhr
Kundin ruft an, Konto gesperrt. Legitimation: Geburtsdatum [[DOB]], Steuer-ID [[STID]] (vorgelesen, zur Kontrolle wiederholt: [[STID~]]).
Neue Anschrift seit ⟪März¦dem Umzug⟫: [[ADDRL]]. IBAN für die Rückbuchung: [[IBAN]].
Rückruf bitte unter [[PH]]; Bestätigung an [[EM]].
''')
T('de', 'calls', 'pos', 'de', r'''
Anrufprotokoll Kfz-Versicherung — Schadenmeldung
Versicherungsnehmer meldet Auffahrunfall am [[D]]. Kennzeichen [[PLATE]], FIN laut Fahrzeugschein [[VIN]].
Steuer-ID für die Erstattung ⟪angegeben¦durchgegeben⟫: [[STID]]. Erreichbar unter [[PH]] oder [[PH.2]].
Besichtigung des Fahrzeugs beim Versicherungsnehmer:
[[ADDRB]]
''')
T('de', 'calls', 'neg', 'de', r'''
Gesprächsnotiz Bestellhotline, [[=time]] Uhr
Anrufer fragt nach Bestellung [[=order]] vom [[=weekday]]; Sendungsnummer [[=track]] zeigt ⟪„Zustellung heute“¦„Zustellversuch gescheitert“⟫. Gutschrift über [[=price]] unter Vorgang [[=ticket]] angelegt; Karte [[=maskcc]]. Wartezeit [[=calldur]]. ⟪Keine Kundendaten aufgenommen.¦Rückruf nicht gewünscht.⟫
''')
T('de', 'sms', 'pos', 'de', r'''
[[=wats.1]] - [[PF]]: Hey, für die Steuererklärung brauch ich nochmal deine Steuer-ID 🙈
[[=wats.2]] - [[PF.2]]: [[STID]]
[[=wats.3]] - [[PF.2]]: und die von [[PF.3]]: [[STID.3]]
[[=wats.4]] - [[PF.2]]: und die Erstattung bitte auf [[IBAN]]
[[=wats.5]] - [[PF]]: danke! Neue Adresse ist [[ADDR]], [[ZIP]] [[=city]], oder?
''')
T('de', 'sms', 'pos', 'at', r'''
Hallo, hier die Daten für die Überweisung zum Facharzt: SV-Nummer [[HP]], geb. [[DOB]], wohnhaft [[ADDRL]]. Handy [[PH]]. Befund bitte an [[EM]] oder über den Link: [[PORTAL]]
''')
T('de', 'sms', 'neg', 'de', r'''
Ihr Bestätigungscode lautet [[=otp]]. Gültig für [[=otpdur]]. Geben Sie ihn niemals weiter.
Paket [[=track]] kommt ⟪heute¦morgen⟫ zwischen [[=tam]] und [[=tpm]] Uhr.
Erinnerung: [[=drug]] [[=dose]] um 20 Uhr 💊 ⟪(Rezept liegt in der Apotheke)¦– Packung fast leer⟫
''')
T('de', 'finance', 'pos', 'de', r'''
Darlehensantrag Baufinanzierung — Antragsteller (aus PDF kopiert)
Antragsteller 1: Steuer-ID [[STID]], geb. [[DOB]]
Antragsteller 2: Steuer-ID [[STID.2]], geb. [[DOB.2]]
Anschrift:
[[ADDRML]]
[[ZIP]] [[=city]]
Objekt: [[ADDRL.2]]
Korrespondenz: [[POBOX.3]], [[ZIP.3]] [[=city.3]]
Auszahlung auf IBAN [[IBAN]], BIC [[BIC]]
Beschäftigt seit [[DP]] bei ⟪den Stadtwerken¦einem Klinikum¦einem Ingenieurbüro⟫
''')
T('de', 'finance', 'pos', 'de', r'''
GwG-Prüfung Neukunde — Notiz Compliance
Identifizierung per Video-Ident, Steuer-ID [[STID]] abgeglichen. Wohnsitz [[ADDRL]].
Referenzkonto [[IBAN]] ([[BIC]]), Kunden-Nr. [[ACCT]].
Kreditkarte ausgegeben: [[CC]]. Antrag von IP [[IP]]. ⟪Keine Treffer auf Sanktionslisten.¦PEP-Prüfung negativ.⟫
''')
T('de', 'finance', 'neg', 'de', r'''
Konditionsübersicht ⟪Ratenkredit¦Baufinanzierung⟫, Stand [[=month]] [[=year]]
Sollzins [[=rate]] p. a., effektiver Jahreszins ab 4,19 %, Laufzeit 12-120 Monate, Bearbeitungsgebühr 0 €.
Beispiel: Nettodarlehen [[=amt]], Monatsrate [[=price]].
Vorlage Überweisungstext: ⟪IBAN: {{iban}} / BIC: {{bic}}¦Kontoinhaber <NAME>, IBAN <IBAN>⟫. Prüfziffer-Test: [[=ibanbad]] muss abgelehnt werden.
''')
T('de', 'logs', 'pos', 'de', r'''
[[=tslog]] INFO  elster-sync  Übermittlung gestartet steuer_id=[[STID]] iban=[[IBAN:c]] client=[[IP]]
[[=tslog]] WARN  elster-sync  Plausibilitätsfehler (Code [[=n3]]) steuer_id=[[STID.2]] email=[[EM]]
[[=tslog]] INFO  elster-sync  Wiederholung in [[=dur]]
''')
T('de', 'logs', 'pos', 'de', r'''
$ curl -s -X POST [[APIURL]] \
  -H "Authorization: Bearer [[KEY]]" \
  -d '{"telefon":"[[PHI]]","plz":"[[ZIP]]","strasse":"[[ADDR]]"}'
{"status":"[[=status]]","hinweis":"Gerät [[MAC]] bereits registriert"}
''')
T('de', 'logs', 'neg', 'de', r'''
[[=ts]] INFO  [req [[=uuid]]] GET /api/v1/status [[=status]] [[=ms]]ms
[[=ts]] WARN  Verbindung zu db-primary:[[=port]] abgelehnt, neuer Versuch in [[=dur]]
[[=ts]] INFO  Deployment [[=ver]] (Commit [[=sha7]]) ausgerollt, SHUTDOWN alter Pods abgeschlossen
''')
T('de', 'clinical', 'pos', 'de', r'''
LABORBEFUND — ⟪Endbefund¦Teilbefund⟫
Pat.-Nr.: [[MRN]]   Versichertennr.: [[HP]]   Geb.: [[DOB]]
Entnahme: [[D]], [[=time]] Uhr
Diagnosen: [[ICDL]]
HbA1c        [[=dec]] %      (4,0-6,0)
Kreatinin    [[=dec]] mg/dl  (0,5-1,1)
TSH          [[=dec]] mU/l   (0,4-4,0)
''')
T('de', 'clinical', 'pos', 'de', r'''
Überweisung an die Schrittmacherambulanz
Patientin, geb. [[DOB]], wohnhaft [[ADDRL]], Tel. [[PH]], Versichertennr. [[HP]].
Diagnose: [[ICD]] G, Z. n. Schrittmacher-Implantation am [[DP]] ([[=pmmodel]], Seriennr. [[SERIAL]]).
Heimmonitor MAC [[MAC]]; Fall-Nr. [[MRN]]. Bitte Abfrage und Befund an die Praxis.
''')
T('de', 'clinical', 'neg', 'de', r'''
Referenzbereiche Labor (Erwachsene), Version [[=ver]]
Natrium 135-145 mmol/l; Kalium 3,5-5,1 mmol/l; Vitamin B12 200-900 pg/ml.
Reagenz-Charge [[=lot]], haltbar bis [[=month]] [[=year2]]; Probe stabil [[=stab]].
Kritische Werte telefonisch an Station, Durchwahl [[=ext]]. ⟪Dosierung Heparin nach Schema.¦Bett [[=bed]] bitte nüchtern.⟫
''')
T('de', 'forms', 'pos', 'de', r'''
Online-Formular ⟪Kontoeröffnung¦Mieterselbstauskunft¦Kita-Anmeldung⟫ (Export)
Vorname
[[PF]]
Nachname
[[PL]]
Geburtsdatum
[[DOB]]
Straße und Hausnummer
[[ADDR]]
PLZ / Ort
[[ZIP]] [[=city]]
Steuerliche Identifikationsnummer
[[STID]]
IBAN
[[IBAN]]
E-Mail
[[EM]]
''')
T('de', 'forms', 'pos', 'de', r'''
ANTRAG AUF ZULASSUNG (PDF-Text, Spalten verrutscht)
Fahrzeug-Ident.-Nr.   Kennzeichen   Steuer-ID des Halters   Geburtsdatum
[[PLATE]]   [[DOB]]
[[VIN]]
[[STID:s]]
Anschrift des Halters: [[ADDRL^]]
SEPA-Mandat Kfz-Steuer: IBAN [[IBAN]]
''')
T('de', 'forms', 'neg', 'de', r'''
Formularvorlage (leer) — bitte ausfüllen
Name: ____________  Geburtsdatum: TT.MM.JJJJ
Steuer-ID: ___ ___ ___ __   IBAN: DE__ ____ ____ ____ ____ __
E-Mail: <EMAIL>   Telefon: {{telefon}}
Formular-Nr. [[=sku]], Stand [[=month]] [[=year]], Seite 1 von 2
''')

# ---- French
T('fr', 'calls', 'pos', 'fr', r'''
Compte rendu d'appel — ⟪plateforme CPAM¦mutuelle¦service remboursements⟫, [[=time]]
L'assurée appelle pour un remboursement en attente. Vérification : n° de sécurité sociale [[NIR]] (relu : [[NIR~]]), date de naissance [[DOB]].
Nouvelle adresse : [[ADDRL]]. RIB transmis : IBAN [[IBAN]].
Rappel souhaité au [[PH]].
''')
T('fr', 'calls', 'pos', 'fr', r'''
Appel entrant — déclaration de sinistre auto
Le sociétaire déclare un accrochage le [[D]]. Immatriculation [[PLATE]], VIN relevé sur la carte grise : [[VIN]].
Conducteur légèrement blessé ; n° de sécurité sociale communiqué pour le recours CPAM : [[NIR]].
Adresse du sociétaire :
[[ADDRB]]
N° adhérent [[HP]], portable [[PH]], e-mail [[EM]].
''')
T('fr', 'calls', 'neg', 'fr', r'''
Appel client — suivi de commande, [[=time]]
Le client demande où en est la commande [[=order]] passée [[=weekday]]. Colis [[=track]] ⟪en cours d'acheminement¦livré en point relais⟫. Avoir de [[=price]] émis (ticket [[=ticket]]), carte [[=maskcc]]. Durée de l'appel : [[=calldur]].
''')
T('fr', 'sms', 'pos', 'fr', r'''
[[=wats.1]] - [[PF]]: coucou, pour la mutuelle il me faut ton numéro de sécu
[[=wats.2]] - [[PF.2]]: [[NIR.2]]
[[=wats.3]] - [[PF.2]]: et celui du petit, il est ayant droit : [[NIR.3]]
[[=wats.4]] - [[PF.2]]: et mon RIB : [[IBAN]] / [[BIC]]
[[=wats.5]] - [[PF]]: merci ! je t'envoie le formulaire à [[EM.2]]
''')
T('fr', 'sms', 'pos', 'fr', r'''
Bonjour, c'est pour le dossier de ma mère : NIR [[NIR]], date de naissance [[DOB]], elle habite [[ADDRL]]. Son n° de dossier à l'hôpital : [[MRN]]. Vous pouvez me joindre au [[PHI]].
''')
T('fr', 'sms', 'neg', 'fr', r'''
Votre code de vérification est [[=otp]]. Il expire dans [[=otpdur]]. Ne le communiquez à personne.
Votre colis [[=track]] sera livré ⟪demain¦aujourd'hui⟫ entre [[=tam]] et [[=tpm]].
Rappel : prendre [[=drug]] [[=dose]] au dîner.
''')
T('fr', 'finance', 'pos', 'fr', r'''
Demande de prêt immobilier — fiche emprunteurs (copiée du PDF)
Emprunteur 1 : né(e) le [[DOB]] — adresse actuelle :
[[ADDRML]]
[[ZIP]] [[=city]]
Emprunteur 2 : né(e) le [[DOB.2]]
Adresse de correspondance : [[POBOX.3]], [[ZIP.3]] [[=city.3]]
Compte de prélèvement : IBAN [[IBAN]] — BIC [[BIC]]
Carte bancaire : [[CC]]
Contact : [[PH]] / [[EM]]
''')
T('fr', 'finance', 'pos', 'fr', r'''
Note KYC — ouverture de compte ⟪particulier¦professionnel⟫
Justificatif de domicile conforme : [[ADDRL]]. N° client [[ACCT]].
Virement entrant depuis IBAN [[IBAN]] ([[BIC]]), connexion depuis [[IP]].
Numéro de sécurité sociale transmis par erreur avec l'attestation employeur : [[NIR]] — à purger du dossier.
''')
T('fr', 'finance', 'neg', 'fr', r'''
Grille tarifaire ⟪prêt personnel¦crédit immobilier⟫ — [[=month]] [[=year]]
Taux nominal [[=rate]], TAEG à partir de 3,95 %, frais de dossier [[=price]].
Modèle de courrier : « IBAN : {{iban}} — BIC : {{bic}} — titulaire <NOM> ».
Exemple de contrôle : [[=ibanbad]] doit être refusé (clé incorrecte).
''')
T('fr', 'logs', 'pos', 'fr', r'''
[[=tslog]] INFO  dsn-export  ligne [[=n2]] nir=[[NIR:c]] iban=[[IBAN:c]]
[[=tslog]] INFO  dsn-export  ligne [[=n2]] nir=[[NIR.2:c]] iban=[[IBAN.2:c]]
[[=tslog]] ERROR dsn-export  rejet (code [[=n3]]) : date d'embauche manquante pour [[EM]]
[[=tslog]] INFO  dsn-export  envoi depuis [[IP4]] terminé en [[=dur]]
''')
T('fr', 'logs', 'pos', 'fr', r'''
# config.yaml collé dans le ticket — clés à révoquer
api:
  base_url: [[APIURL]]
  token: [[KEYO]]
sendgrid_key: [[KEYSG]]
contact_astreinte: [[PHI]]
allowlist: [[[IP4]], [[IP6]]]
''')
T('fr', 'logs', 'neg', 'fr', r'''
[[=ts]] INFO  [req [[=uuid]]] POST /api/v1/commandes [[=status]] en [[=ms]] ms
[[=ts]] WARN  file d'attente pleine ([[=n3]] messages), nouvel essai dans [[=dur]]
[[=ts]] INFO  version [[=ver]] déployée (commit [[=sha7]]), port [[=port]]
''')
T('fr', 'clinical', 'pos', 'fr', r'''
COMPTE RENDU D'ANALYSES — laboratoire
IPP : [[MRN]]   NIR : [[NIR]]   Date de naissance : [[DOB]]
Prélèvement du [[D]] à [[=time]]
Diagnostics (CIM-10) : [[ICDL]]
Glycémie à jeun    [[=dec]] mmol/L   (3,9-5,5)
HbA1c              [[=dec]] %        (4,0-6,0)
''')
T('fr', 'clinical', 'pos', 'fr', r'''
Lettre d'adressage — consultation de rythmologie
Cher confrère,
je vous adresse [[P]], né(e) le [[DOB]], n° de sécurité sociale [[NIR]], demeurant [[ADDRL]], pour contrôle de son stimulateur ([[=pmmodel]], n° de série [[SERIAL]]) posé le [[DP]]. Diagnostic : [[ICD]]. Joignable au [[PH]].
Bien confraternellement,
Dr [[PL.2]]
''')
T('fr', 'clinical', 'neg', 'fr', r'''
Valeurs de référence (adulte), révision [[=ver]]
Sodium 135-145 mmol/L ; potassium 3,5-5,1 mmol/L ; vitamine B12 200-900 pg/mL.
Lot de réactif [[=lot]], péremption [[=month]] [[=year2]] ; stabilité [[=stab]].
Valeurs critiques signalées au poste [[=ext]]. ⟪Chambre [[=bed]] à jeun.¦Posologie : [[=dose]] matin et soir.⟫
''')
T('fr', 'forms', 'pos', 'fr', r'''
Formulaire en ligne — ⟪adhésion mutuelle¦inscription crèche¦demande d'aide⟫
Nom
[[PL]]
Prénom
[[PF]]
Date de naissance
[[DOB]]
Adresse
[[ADDR]]
Code postal      Ville
[[ZIP]]      [[=city]]
N° de sécurité sociale
[[NIR]]
Téléphone
[[PH]]
''')
T('fr', 'forms', 'pos', 'fr', r'''
FICHE DE RENSEIGNEMENTS (texte extrait du PDF — colonnes décalées)
Téléphone   Date de naissance   N° de sécurité sociale   Courriel
[[NIR:s]]
[[EM]]   [[DOB]]
[[PH]]
ADRESSE : [[ADDRB^]]
IBAN pour remboursement : [[IBAN]]
''')
T('fr', 'forms', 'neg', 'fr', r'''
Modèle de formulaire (vierge)
Nom : ____________   Date de naissance : JJ/MM/AAAA
N° de sécurité sociale : _ __ __ __ ___ ___ __   IBAN : FR76 XXXX XXXX XXXX
Courriel : <EMAIL>   Téléphone : {{telephone}}
Réf. formulaire [[=sku]], version [[=ver]]
''')


# ---- Spanish
T('es', 'calls', 'pos', 'es', r'''
Nota de llamada — atención al cliente ⟪banca¦seguros¦suministros⟫, [[=time]]
La clienta se identifica con DNI [[DNI]] (lo repite despacio: [[DNI~]]) y fecha de nacimiento [[DOB]].
Solicita cambio de domicilio a [[ADDRL]]. Cuenta para domiciliar: [[IBAN]].
Teléfono de contacto [[PH]].
''')
T('es', 'calls', 'pos', 'es', r'''
Parte de siniestro telefónico
El asegurado, con NIE [[NIE]], comunica un golpe en el aparcamiento el [[D]]. Matrícula [[PLATE]], número de bastidor [[VIN]].
Domicilio:
[[ADDRB]]
N.º de cliente [[ACCT]]; móvil [[PH]]; correo [[EM]].
''')
T('es', 'calls', 'neg', 'es', r'''
Nota de llamada — seguimiento de pedido, [[=time]]
El cliente pregunta por el pedido [[=order]] del [[=weekday]]. Envío [[=track]] ⟪en reparto¦entregado en punto de recogida⟫. Abono de [[=price]] (incidencia [[=ticket]]), tarjeta [[=maskcc]]. Duración [[=calldur]].
''')
T('es', 'sms', 'pos', 'es', r'''
[[=wats.1]] - [[PF]]: oye, para el contrato del piso me piden tu DNI
[[=wats.2]] - [[PF.2]]: [[DNI.2]]
[[=wats.3]] - [[PF.2]]: y el de mi pareja es NIE [[NIE.3]]
[[=wats.4]] - [[PF]]: perfecto. la fianza a [[IBAN]], vale?
''')
T('es', 'sms', 'pos', 'es', r'''
Hola, soy la hija de la paciente. Su tarjeta sanitaria es [[HP]], DNI [[DNI]], nacida el [[DOB]]. Vive en [[ADDRL]]. Mi móvil: [[PHI]]. ¿Me mandáis el informe a [[EM.2]]?
''')
T('es', 'sms', 'neg', 'es', r'''
Tu código de verificación es [[=otp]]. Caduca en [[=otpdur]]. No lo compartas con nadie.
Tu pedido [[=order]] llegará el [[=weekday]] entre las [[=tam]] y las [[=tpm]].
Recordatorio: [[=drug]] [[=dose]] con la cena.
''')
T('es', 'finance', 'pos', 'es', r'''
Solicitud de hipoteca — datos de los titulares (copiado del PDF)
Titular 1: DNI [[DNI]], nacido el [[DOB]]
Titular 2: NIE [[NIE.2]], nacida el [[DOB.2]]
Domicilio actual:
[[ADDRML]]
[[ZIP]] [[=city]]
Correspondencia: [[POBOX.3]], [[ZIP.3]] [[=city.3]]
Cuenta de cargo: [[IBAN]]  BIC [[BIC]]
Con nómina desde [[DP]]
''')
T('es', 'finance', 'pos', 'es', r'''
Nota KYC — alta de cliente
Documento: DNI [[DNI]], verificado por videollamada. Domicilio [[ADDRL]].
Transferencia entrante desde [[IBAN]] ([[BIC]]); n.º de cliente [[ACCT]]; tarjeta emitida [[CC]].
IP de la solicitud: [[IP]].
''')
T('es', 'finance', 'neg', 'es', r'''
Condiciones ⟪préstamo personal¦hipoteca fija⟫ — [[=month]] [[=year]]
TIN [[=rate]], TAE desde 4,05 %, comisión de apertura [[=price]].
Plantilla: «Titular: <NOMBRE> — IBAN: {{iban}}». Ejemplo de validación: [[=ibanbad]] debe rechazarse.
''')
T('es', 'logs', 'pos', 'es', r'''
[[=tslog]] INFO  alta-clientes  nuevo cliente dni=[[DNI]] iban=[[IBAN:c]] ip=[[IP]]
[[=tslog]] WARN  alta-clientes  documento duplicado nie=[[NIE.2]] email=[[EM]]
[[=tslog]] INFO  alta-clientes  reintento en [[=dur]]
''')
T('es', 'logs', 'pos', 'es', r'''
$ curl -s [[APIURL]] -H "x-api-key: [[KEYA]]" \
  -d '{"telefono":"[[PHI]]","cp":"[[ZIP]]","direccion":"[[ADDR]]"}'
{"estado":[[=status]],"dispositivo":"[[IMEI]]"}
''')
T('es', 'logs', 'neg', 'es', r'''
[[=ts]] INFO  [req [[=uuid]]] GET /api/v2/pedidos [[=status]] [[=ms]]ms
[[=ts]] WARN  conexión rechazada en el puerto [[=port]], reintento en [[=dur]]
[[=ts]] INFO  versión [[=ver]] desplegada (commit [[=sha7]])
''')
T('es', 'clinical', 'pos', 'es', r'''
INFORME DE LABORATORIO
NHC: [[MRN]]   DNI: [[DNI]]   F. nac.: [[DOB]]
Extracción: [[D]] a las [[=time]]
Diagnósticos CIE-10: [[ICDL]]
Glucosa     [[=n2]]  mg/dL  (70-110)
HbA1c       [[=dec]] %      (4,0-6,0)
''')
T('es', 'clinical', 'pos', 'es', r'''
Hoja de derivación a cardiología
Paciente de [[=n2]] años, DNI [[DNI]], tarjeta sanitaria [[HP]], domicilio [[ADDRL]], tel. [[PH]].
Portador de marcapasos ([[=pmmodel]], n.º de serie [[SERIAL]]) desde el [[DP]]. Diagnóstico: [[ICD]].
Remitido por la Dra. [[PL.2]].
''')
T('es', 'clinical', 'neg', 'es', r'''
Valores de referencia (adultos), versión [[=ver]]
Sodio 135-145 mmol/L; potasio 3,5-5,1 mmol/L; vitamina B12 200-900 pg/mL.
Lote de reactivo [[=lot]], caduca en [[=month]] de [[=year2]]; estabilidad [[=stab]].
Valores críticos: avisar a la extensión [[=ext]]. ⟪Cama [[=bed]] en ayunas.¦Pauta: [[=dose]] cada 12 h.⟫
''')
T('es', 'forms', 'pos', 'es', r'''
Formulario web — ⟪alta de suministro¦solicitud de beca¦inscripción⟫
Nombre
[[PF]]
Apellidos
[[PL]]
DNI/NIE
[[DNI]]
Fecha de nacimiento
[[DOB]]
Dirección
[[ADDR]]
Código postal
[[ZIP]]
Teléfono
[[PH]]
''')
T('es', 'forms', 'pos', 'es', r'''
IMPRESO DE DOMICILIACIÓN (texto extraído, columnas desordenadas)
Teléfono   NIF del titular   IBAN   Correo electrónico
[[IBAN]]
[[PH]]   [[DNI]]
[[EM]]
DOMICILIO: [[ADDRL^]]
''')
T('es', 'forms', 'neg', 'es', r'''
Plantilla de formulario (en blanco)
Nombre: ________  DNI: ________-_  Fecha de nacimiento: DD/MM/AAAA
IBAN: ES__ ____ ____ __ __________   Correo: <EMAIL>
Ref. impreso [[=sku]], versión [[=ver]]
''')

# ---- Italian
T('it', 'calls', 'pos', 'it', r'''
Nota telefonata — servizio clienti ⟪banca¦assicurazioni¦utenze⟫, ore [[=time]]
Il cliente si identifica con codice fiscale [[CF]] (ripetuto lettera per lettera: [[CF~]]) e data di nascita [[DOB]].
Nuovo indirizzo: [[ADDRL]]. IBAN per l'addebito: [[IBAN]].
Recapito: [[PH]].
''')
T('it', 'calls', 'pos', 'it', r'''
Denuncia sinistro telefonica
L'assicurato (C.F. [[CF]]) segnala un tamponamento il [[D]]. Targa [[PLATE]], telaio [[VIN]].
Residenza:
[[ADDRB]]
Cellulare [[PH]], e-mail [[EM]].
''')
T('it', 'calls', 'neg', 'it', r'''
Nota telefonata — stato ordine, ore [[=time]]
Il cliente chiede dell'ordine [[=order]] di [[=weekday]]. Spedizione [[=track]] ⟪in consegna¦consegnata al punto di ritiro⟫. Rimborso di [[=price]] (ticket [[=ticket]]) sulla carta [[=maskcc]]. Durata [[=calldur]].
''')
T('it', 'sms', 'pos', 'it', r'''
[[=wats.1]] - [[PF]]: mi serve il tuo codice fiscale per il 730
[[=wats.2]] - [[PF.2]]: [[CF.2]]
[[=wats.3]] - [[PF.2]]: e l'IBAN per il rimborso è [[IBAN]]
[[=wats.4]] - [[PF]]: grazie! ti mando la ricevuta a [[EM.2]]
''')
T('it', 'sms', 'pos', 'it', r'''
Buongiorno, scrivo per mio padre: codice fiscale [[CF]], tessera sanitaria [[HP]], data di nascita [[DOB]], residente in [[ADDRL]]. Il mio cellulare è [[PHI]].
''')
T('it', 'sms', 'neg', 'it', r'''
Il tuo codice di verifica è [[=otp]]. Scade tra [[=otpdur]]. Non condividerlo con nessuno.
Il tuo pacco [[=track]] arriverà ⟪oggi¦domani⟫ tra le [[=tam]] e le [[=tpm]].
Promemoria: [[=drug]] [[=dose]] dopo cena.
''')
T('it', 'finance', 'pos', 'it', r'''
Richiesta di mutuo — dati dei richiedenti (copiato dal PDF)
Richiedente 1: C.F. [[CF]], nato/a il [[DOB]]
Richiedente 2: C.F. [[CF.2]], nato/a il [[DOB.2]]
Residenza:
[[ADDRML]]
[[ZIP]] [[=city]]
Recapito postale: [[POBOX.3]], [[ZIP.3]] [[=city.3]]
Conto di addebito: IBAN [[IBAN]] — BIC [[BIC]]
''')
T('it', 'finance', 'pos', 'it', r'''
Nota adeguata verifica — nuovo cliente
Documento verificato, codice fiscale [[CF]]. Residenza [[ADDRL]].
Bonifico in entrata da [[IBAN]] ([[BIC]]); codice cliente [[ACCT]]; carta emessa [[CC]].
Richiesta inviata da IP [[IP]].
''')
T('it', 'finance', 'neg', 'it', r'''
Condizioni ⟪prestito personale¦mutuo a tasso fisso⟫ — [[=month]] [[=year]]
TAN [[=rate]], TAEG da 4,10 %, spese di istruttoria [[=price]].
Modello: «Intestatario: <NOME> — IBAN: {{iban}}». Esempio di controllo: [[=ibanbad]] va rifiutato.
''')
T('it', 'logs', 'pos', 'it', r'''
[[=tslog]] INFO  anagrafe-sync  nuovo assistito cf=[[CF]] cap=[[ZIP]] ip=[[IP]]
[[=tslog]] WARN  anagrafe-sync  codice fiscale duplicato cf=[[CF.2]] email=[[EM.2]]
[[=tslog]] INFO  anagrafe-sync  nuovo tentativo tra [[=dur]]
''')
T('it', 'logs', 'pos', 'it', r'''
$ curl -s -X POST [[APIURL]] \
  -H "Authorization: Bearer [[JWT]]" \
  -d '{"cellulare":"[[PHI]]","indirizzo":"[[ADDR]]","cap":"[[ZIP]]"}'
{"esito":"[[=status]]","veicolo":"[[VIN]]"}
''')
T('it', 'logs', 'neg', 'it', r'''
[[=ts]] INFO  [req [[=uuid]]] GET /api/v1/ordini [[=status]] [[=ms]]ms
[[=ts]] WARN  connessione rifiutata sulla porta [[=port]], nuovo tentativo tra [[=dur]]
[[=ts]] INFO  versione [[=ver]] rilasciata (commit [[=sha7]])
''')
T('it', 'clinical', 'pos', 'it', r'''
REFERTO DI LABORATORIO
Cartella: [[MRN]]   C.F.: [[CF]]   Data di nascita: [[DOB]]
Prelievo del [[D]] ore [[=time]]
Diagnosi (ICD-10): [[ICDL]]
Glicemia   [[=n2]] mg/dL   (70-110)
HbA1c      [[=dec]] %      (4,0-6,0)
''')
T('it', 'clinical', 'pos', 'it', r'''
Lettera di invio — ambulatorio pacemaker
Gentile collega, invio [[P]], C.F. [[CF]], residente in [[ADDRL]], tel. [[PH]], portatore di pacemaker ([[=pmmodel]], matricola [[SERIAL]]) impiantato il [[DP]]. Diagnosi: [[ICD]].
Cordiali saluti, dott.ssa [[PL.2]]
''')
T('it', 'clinical', 'neg', 'it', r'''
Valori di riferimento (adulti), revisione [[=ver]]
Sodio 135-145 mmol/L; potassio 3,5-5,1 mmol/L; vitamina B12 200-900 pg/mL.
Lotto reagente [[=lot]], scadenza [[=month]] [[=year2]]; stabilità [[=stab]].
Valori critici comunicati all'interno [[=ext]]. ⟪Letto [[=bed]] a digiuno.¦Posologia: [[=dose]] due volte al giorno.⟫
''')
T('it', 'forms', 'pos', 'it', r'''
Modulo online — ⟪iscrizione asilo nido¦richiesta bonus¦attivazione utenza⟫
Cognome
[[PL]]
Nome
[[PF]]
Codice fiscale
[[CF]]
Data di nascita
[[DOB]]
Indirizzo
[[ADDR]]
CAP      Comune
[[ZIP]]      [[=city]]
Cellulare
[[PH]]
''')
T('it', 'forms', 'pos', 'it', r'''
MODULO SEPA (testo estratto dal PDF, colonne spostate)
Codice fiscale   IBAN   Telefono   E-mail
[[IBAN]]
[[PH]]   [[CF]]
[[EM]]
INDIRIZZO: [[ADDRL^]]
''')
T('it', 'forms', 'neg', 'it', r'''
Modello di modulo (vuoto)
Cognome: ________  Codice fiscale: ________________  Data di nascita: GG/MM/AAAA
IBAN: IT__ _ _____ _____ ____________   E-mail: <EMAIL>
Rif. modulo [[=sku]], versione [[=ver]]
''')


# ---- Portuguese
T('pt', 'calls', 'pos', 'pt', r'''
Registo de chamada — apoio ao cliente ⟪banco¦seguradora¦operadora⟫, [[=time]]
A cliente confirmou a data de nascimento ([[DOB]]) e o IBAN da conta: [[IBAN]] (repetido devagar: [[IBAN~]]).
Pediu alteração de morada para [[ADDRL]]. Contacto: [[PH]]; e-mail [[EM]].
''')
T('pt', 'calls', 'pos', 'pt', r'''
Participação de sinistro por telefone
O segurado comunica um toque no parque de estacionamento em [[D]]. Matrícula [[PLATE]], n.º de quadro (VIN) [[VIN]].
Morada:
[[ADDRB]]
N.º de cliente [[ACCT]]; telemóvel [[PH]].
''')
T('pt', 'calls', 'neg', 'pt', r'''
Registo de chamada — estado da encomenda, [[=time]]
O cliente pergunta pela encomenda [[=order]] de [[=weekday]]. Envio [[=track]] ⟪em distribuição¦entregue no ponto de recolha⟫. Reembolso de [[=price]] (pedido [[=ticket]]) no cartão [[=maskcc]]. Duração [[=calldur]].
''')
T('pt', 'sms', 'pos', 'pt', r'''
[[=wats.1]] - [[PF]]: manda-me o teu IBAN para a renda
[[=wats.2]] - [[PF.2]]: [[IBAN]]
[[=wats.3]] - [[PF.2]]: ou liga-me para o [[PH.2]]
[[=wats.4]] - [[PF]]: feito! a nova morada é [[ADDR]], [[ZIP]] [[=city]]
''')
T('pt', 'sms', 'pos', 'pt', r'''
Bom dia, sou a filha da utente. N.º de utente [[HP]], processo hospitalar [[MRN]], data de nascimento [[DOB]]. Mora em [[ADDRL]]. O meu telemóvel: [[PHI]]. Podem enviar o relatório para [[EM.2]]?
''')
T('pt', 'sms', 'neg', 'pt', r'''
O seu código de verificação é [[=otp]]. Expira em [[=otpdur]]. Não o partilhe com ninguém.
A sua encomenda [[=order]] chega ⟪hoje¦amanhã⟫ entre as [[=tam]] e as [[=tpm]].
Lembrete: [[=drug]] [[=dose]] ao jantar.
''')
T('pt', 'finance', 'pos', 'pt', r'''
Pedido de crédito habitação — proponentes (copiado do PDF)
Proponente 1: nascido em [[DOB]], telemóvel [[PH]]
Proponente 2: nascida em [[DOB.2]], e-mail [[EM.2]]
Morada atual:
[[ADDRML]]
[[ZIP]] [[=city]]
Correspondência: [[POBOX.3]], [[ZIP.3]] [[=city.3]]
Conta para débito: IBAN [[IBAN]] — BIC [[BIC]]
Entidade patronal desde [[DP]]
''')
T('pt', 'finance', 'pos', 'pt', r'''
Nota KYC — abertura de conta
Comprovativo de morada validado: [[ADDRL]]. N.º de cliente [[ACCT]].
Transferência recebida de [[IBAN]] ([[BIC]]); cartão emitido [[CC]]. Pedido feito a partir do IP [[IP]].
''')
T('pt', 'finance', 'neg', 'pt', r'''
Condições ⟪crédito pessoal¦crédito habitação⟫ — [[=month]] de [[=year]]
TAN [[=rate]], TAEG desde 4,20 %, comissão de abertura [[=price]].
Minuta: «Titular: <NOME> — IBAN: {{iban}}». Exemplo de validação: [[=ibanbad]] deve ser recusado.
''')
T('pt', 'logs', 'pos', 'pt', r'''
[[=tslog]] INFO  onboarding  novo cliente iban=[[IBAN:c]] cp=[[ZIP]] ip=[[IP]]
[[=tslog]] WARN  onboarding  e-mail devolvido [[EM]] tel=[[PHI]]
[[=tslog]] INFO  onboarding  nova tentativa em [[=dur]]
''')
T('pt', 'logs', 'pos', 'pt', r'''
$ curl -s [[APIURL]] -H "Authorization: token [[KEYG]]" \
  -d '{"telemovel":"[[PHI]]","morada":"[[ADDR]]","cp":"[[ZIP]]"}'
{"estado":[[=status]],"dispositivo":"[[MAC]]"}
''')
T('pt', 'logs', 'neg', 'pt', r'''
[[=ts]] INFO  [req [[=uuid]]] GET /api/v1/encomendas [[=status]] [[=ms]]ms
[[=ts]] WARN  ligação recusada na porta [[=port]], nova tentativa em [[=dur]]
[[=ts]] INFO  versão [[=ver]] publicada (commit [[=sha7]])
''')
T('pt', 'clinical', 'pos', 'pt', r'''
RELATÓRIO DE ANÁLISES CLÍNICAS
Processo: [[MRN]]   N.º utente: [[HP]]   Data de nascimento: [[DOB]]
Colheita: [[D]], [[=time]]
Diagnósticos (CID-10): [[ICDL]]
Glicose    [[=n2]] mg/dL   (70-110)
HbA1c      [[=dec]] %      (4,0-6,0)
''')
T('pt', 'clinical', 'pos', 'pt', r'''
Carta de referenciação — consulta de pacing
Caro colega, envio [[P]], n.º de utente [[HP]], residente em [[ADDRL]], tel. [[PH]], portador de pacemaker ([[=pmmodel]], n.º de série [[SERIAL]]) implantado em [[DP]]. Diagnóstico: [[ICD]].
Com os melhores cumprimentos, Dr.ª [[PL.2]]
''')
T('pt', 'clinical', 'neg', 'pt', r'''
Valores de referência (adultos), revisão [[=ver]]
Sódio 135-145 mmol/L; potássio 3,5-5,1 mmol/L; vitamina B12 200-900 pg/mL.
Lote de reagente [[=lot]], validade [[=month]] de [[=year2]]; estabilidade [[=stab]].
Valores críticos comunicados à extensão [[=ext]]. ⟪Cama [[=bed]] em jejum.¦Posologia: [[=dose]] de 12 em 12 horas.⟫
''')
T('pt', 'forms', 'pos', 'pt', r'''
Formulário online — ⟪adesão¦inscrição¦pedido de apoio⟫
Nome completo
[[P]]
Data de nascimento
[[DOB]]
Morada
[[ADDR]]
Código postal      Localidade
[[ZIP]]      [[=city]]
Telemóvel
[[PH]]
IBAN
[[IBAN]]
''')
T('pt', 'forms', 'pos', 'pt', r'''
AUTORIZAÇÃO DE DÉBITO DIRETO (texto extraído, colunas trocadas)
Telemóvel   IBAN   E-mail   N.º de utente
[[IBAN]]
[[EM]]   [[PH]]
[[HP]]
MORADA: [[ADDRL^]]
''')
T('pt', 'forms', 'neg', 'pt', r'''
Modelo de formulário (em branco)
Nome: ________  Data de nascimento: DD/MM/AAAA  N.º de utente: _________
IBAN: PT50 ____ ____ ___________ __   E-mail: <EMAIL>
Ref. impresso [[=sku]], versão [[=ver]]
''')

# ---- Dutch
T('nl', 'calls', 'pos', 'nl', r'''
Gespreksnotitie klantenservice ⟪bank¦zorgverzekeraar¦energieleverancier⟫, [[=time]]
Klant legitimeert zich met BSN [[BSN]] (teruggelezen: [[BSN~]]) en geboortedatum [[DOB]].
Nieuw adres: [[ADDRL]]. Rekening voor de incasso: [[IBAN]].
Terugbellen op [[PH]].
''')
T('nl', 'calls', 'pos', 'nl', r'''
Schademelding telefonisch
Verzekerde (BSN [[BSN]]) meldt een aanrijding op [[D]]. Kenteken [[PLATE]], chassisnummer [[VIN]].
Adres:
[[ADDRB]]
Mobiel [[PH]], e-mail [[EM]].
''')
T('nl', 'calls', 'neg', 'nl', r'''
Gespreksnotitie — status bestelling, [[=time]]
Klant vraagt naar bestelling [[=order]] van [[=weekday]]. Zending [[=track]] ⟪onderweg¦afgeleverd bij het afhaalpunt⟫. Terugbetaling van [[=price]] (ticket [[=ticket]]) op kaart [[=maskcc]]. Gespreksduur [[=calldur]].
''')
T('nl', 'sms', 'pos', 'nl', r'''
[[=wats.1]] - [[PF]]: voor de toeslagen heb ik je BSN nodig
[[=wats.2]] - [[PF.2]]: [[BSN.2]]
[[=wats.3]] - [[PF.2]]: en de huur gaat naar [[IBAN]]
[[=wats.4]] - [[PF]]: top, nieuw adres is [[ADDR]], [[ZIP]] [[=city]]
''')
T('nl', 'sms', 'pos', 'nl', r'''
Goedemiddag, ik ben de dochter van de patiënt. BSN [[BSN]], polisnummer [[HP]], geboren [[DOB]], woont op [[ADDRL]]. Mijn mobiel: [[PHI]]. Kunt u de uitslag naar [[EM.2]] sturen?
''')
T('nl', 'sms', 'neg', 'nl', r'''
Je verificatiecode is [[=otp]]. Geldig voor [[=otpdur]]. Deel deze code met niemand.
Je pakket [[=track]] komt ⟪vandaag¦morgen⟫ tussen [[=tam]] en [[=tpm]].
Herinnering: [[=drug]] [[=dose]] bij het avondeten.
''')
T('nl', 'finance', 'pos', 'nl', r'''
Hypotheekaanvraag — aanvragers (gekopieerd uit PDF)
Aanvrager 1: BSN [[BSN]], geboren [[DOB]]
Aanvrager 2: BSN [[BSN.2]], geboren [[DOB.2]]
Huidig adres:
[[ADDRML]]
[[ZIP]] [[=city]]
Correspondentieadres: [[POBOX.3]], [[ZIP.3]] [[=city.3]]
Rekening: IBAN [[IBAN]] — BIC [[BIC]]
In dienst sinds [[DP]]
''')
T('nl', 'finance', 'pos', 'nl', r'''
KYC-notitie — nieuwe klant
Identiteit geverifieerd via iDIN, BSN [[BSN]] vastgelegd voor de fiscale opgave. Adres [[ADDRL]].
Inkomende overboeking van [[IBAN]] ([[BIC]]); klantnummer [[ACCT]]; creditcard [[CC]]. Aanvraag vanaf IP [[IP]].
''')
T('nl', 'finance', 'neg', 'nl', r'''
Voorwaarden ⟪persoonlijke lening¦hypotheek met vaste rente⟫ — [[=month]] [[=year]]
Rente [[=rate]], JKP vanaf 4,15 %, afsluitkosten [[=price]].
Sjabloon: "Rekeninghouder: <NAAM> — IBAN: {{iban}}". Validatievoorbeeld: [[=ibanbad]] moet worden geweigerd.
''')
T('nl', 'logs', 'pos', 'nl', r'''
[[=tslog]] INFO  toeslagen-sync  aanvraag bsn=[[BSN]] iban=[[IBAN:c]] ip=[[IP]]
[[=tslog]] WARN  toeslagen-sync  dubbele aanvraag bsn=[[BSN.2]] email=[[EM]]
[[=tslog]] INFO  toeslagen-sync  nieuwe poging over [[=dur]]
''')
T('nl', 'logs', 'pos', 'nl', r'''
$ curl -s -X POST [[APIURL]] \
  -H "Authorization: Bearer [[KEYL]]" \
  -d '{"mobiel":"[[PHI]]","postcode":"[[ZIP]]","adres":"[[ADDR]]"}'
{"status":[[=status]],"apparaat":"[[IMEI]]"}
''')
T('nl', 'logs', 'neg', 'nl', r'''
[[=ts]] INFO  [req [[=uuid]]] GET /api/v1/bestellingen [[=status]] [[=ms]]ms
[[=ts]] WARN  verbinding geweigerd op poort [[=port]], nieuwe poging over [[=dur]]
[[=ts]] INFO  versie [[=ver]] uitgerold (commit [[=sha7]])
''')
T('nl', 'clinical', 'pos', 'nl', r'''
LABORATORIUMUITSLAG
Patiëntnr.: [[MRN]]   BSN: [[BSN]]   Geb.datum: [[DOB]]
Afname: [[D]] om [[=time]]
Diagnosen (ICD-10): [[ICDL]]
Glucose   [[=dec]] mmol/L   (4,0-7,8)
HbA1c     [[=n2]] mmol/mol  (20-42)
''')
T('nl', 'clinical', 'pos', 'nl', r'''
Verwijsbrief pacemakerpolikliniek
Geachte collega, hierbij verwijs ik [[P]], BSN [[BSN]], wonende [[ADDRL]], tel. [[PH]], met pacemaker ([[=pmmodel]], serienummer [[SERIAL]]) geïmplanteerd op [[DP]]. Diagnose: [[ICD]].
Met vriendelijke groet, dr. [[PL.2]]
''')
T('nl', 'clinical', 'neg', 'nl', r'''
Referentiewaarden (volwassenen), versie [[=ver]]
Natrium 135-145 mmol/L; kalium 3,5-5,1 mmol/L; vitamine B12 200-900 pg/mL.
Reagenslot [[=lot]], houdbaar tot [[=month]] [[=year2]]; stabiliteit [[=stab]].
Kritieke waarden doorbellen naar toestel [[=ext]]. ⟪Bed [[=bed]] nuchter.¦Dosering: [[=dose]] twee keer per dag.⟫
''')
T('nl', 'forms', 'pos', 'nl', r'''
Webformulier — ⟪inschrijving¦aanvraag toeslag¦aanmelding huisarts⟫
Voornaam
[[PF]]
Achternaam
[[PL]]
BSN
[[BSN]]
Geboortedatum
[[DOB]]
Straat en huisnummer
[[ADDR]]
Postcode      Woonplaats
[[ZIP]]      [[=city]]
Telefoon
[[PH]]
''')
T('nl', 'forms', 'pos', 'nl', r'''
MACHTIGING DOORLOPENDE INCASSO (tekst uit PDF, kolommen verschoven)
IBAN   Telefoon   BSN   E-mail
[[PH]]
[[BSN]]   [[EM]]
[[IBAN]]
ADRES: [[ADDRL^]]
''')
T('nl', 'forms', 'neg', 'nl', r'''
Formuliersjabloon (leeg)
Naam: ________  BSN: _________  Geboortedatum: DD-MM-JJJJ
IBAN: NL__ ____ ____ ____ __   E-mail: <EMAIL>
Formuliercode [[=sku]], versie [[=ver]]
''')


# ------------------------------------------------------------------ build --

def check_templates():
    for lang, slc, pol, loc, text in TEMPLATES:
        assert lang in LANGS and slc in SLICES and pol in ('pos', 'neg') and loc in LOCS
        assert lang_of(loc) == lang, (lang, loc)
        for m in PLACE.finditer(text):
            filler, key = m.group(1), m.group(2)
            assert (key in FILL or key in ('city', 'region')) if filler else key in GEN, key
        if pol == 'neg':
            assert not [m for m in PLACE.finditer(text) if not m.group(1)], text
        assert text.count('⟪') == text.count('⟫'), text


def cell_counts():
    """Records per (language, slice): English 50 each; the other languages
    50 over six slices (9, 9, 8, 8, 8, 8), the two nines rotated."""
    out = {}
    for li, lang in enumerate(LANGS):
        for si, s in enumerate(SLICES):
            if lang == 'en':
                out[(lang, s)] = 50
            else:
                k = li - 1
                out[(lang, s)] = 9 if si in (k % 6, (k + 1) % 6) else 8
    return out


def n_neg(n):
    return int(n * NEG_SHARE + 0.5)


def build():
    rng = random.Random(SEED)
    pools = {}
    for lang, slc, pol, loc, text in TEMPLATES:
        pools.setdefault((lang, slc, pol), []).append((loc, text))
    recs, seen, redraws = [], set(), {}
    for (lang, slc), n in cell_counts().items():
        nn = n_neg(n)
        for pol, k in (('pos', n - nn), ('neg', nn)):
            pool = pools[(lang, slc, pol)]
            start = rng.randrange(len(pool))
            for j in range(k):
                loc, tpl = pool[(start + j) % len(pool)]
                for _ in range(400):
                    text, spans, values = render(rng, lang, loc, tpl)
                    p = problems(text, spans, values, lang, loc, pol)
                    if text in seen:
                        p.append('duplicate text')
                    if not p:
                        break
                    for x in p:
                        why = ' '.join(x.split(' ')[:2]) if x.startswith('invalid') else x.split(' ')[0]
                        redraws[why] = redraws.get(why, 0) + 1
                else:
                    raise AssertionError(f'{lang} {slc} {pol}: {p}\n{text}')
                seen.add(text)
                recs.append({'lang': lang, 'slice': slc, 'text': text, 'spans': spans})
    rng.shuffle(recs)
    lines = []
    for i, r in enumerate(recs):
        r['id'] = f'dev10-{i + 1:04d}'
        lines.append(json.dumps({'id': r['id'], 'lang': r['lang'], 'slice': r['slice'],
                                 'text': r['text'], 'spans': r['spans']}, ensure_ascii=False))
    # set-level checks
    assert len(recs) == 600 and len({r['id'] for r in recs}) == 600
    assert len({r['text'] for r in recs}) == 600
    for (lang, slc), n in cell_counts().items():
        cell = [r for r in recs if r['lang'] == lang and r['slice'] == slc]
        assert len(cell) == n and sum(1 for r in cell if not r['spans']) == n_neg(n)
    return '\n'.join(lines) + '\n', recs, redraws


def table(head, rows):
    out = ['| ' + ' | '.join(head) + ' |',
           '|---|' + '|'.join('---:' for _ in head[1:]) + '|']
    out += ['| ' + ' | '.join(str(x) for x in row) + ' |' for row in rows]
    return '\n'.join(out)


def stats(recs, redraws):
    parts = []
    rows = []
    for key, vals in (('lang', LANGS), ('slice', SLICES)):
        rows = []
        for v in vals + ['all']:
            sel = [r for r in recs if v == 'all' or r[key] == v]
            pos = sum(1 for r in sel if r['spans'])
            rows.append([v, pos, len(sel) - pos, len(sel)])
        parts.append(table([key, 'positive', 'negative', 'total'], rows))
    ents = {}
    for r in recs:
        for s in r['spans']:
            e = ents.setdefault(s['entity'], {'spans': 0, 'recs': set(), **{l: 0 for l in LANGS}})
            e['spans'] += 1
            e['recs'].add(r['id'])
            e[r['lang']] += 1
    rows = []
    for name in sorted(ents, key=lambda k: (-ents[k]['spans'], k)):
        e = ents[name]
        rows.append([name, e['spans'], len(e['recs'])] + [e[l] for l in LANGS])
    tot = {l: sum(e[l] for e in ents.values()) for l in LANGS}
    rows.append(['all', sum(e['spans'] for e in ents.values()),
                 sum(1 for r in recs if r['spans'])] + [tot[l] for l in LANGS])
    parts.append(table(['entity', 'spans', 'records'] + LANGS, rows))
    missing = [l for l in LABELS if l not in ents]
    tc = {}
    for lang, slc, pol, loc, text in TEMPLATES:
        tc.setdefault(lang, [0, 0])[0 if pol == 'pos' else 1] += 1
    line = (f'templates: {len(TEMPLATES)} ('
            + ', '.join(f'{l} {tc[l][0]}+{tc[l][1]}' for l in LANGS) + ')')
    rd = sum(redraws.values())
    line += f'\nre-draws: {rd}' + (' (' + ', '.join(f'{k}: {v}' for k, v in sorted(redraws.items())) + ')' if rd else '')
    line += '\nlabels without spans: ' + (', '.join(missing) if missing else 'none')
    parts.append(line)
    return '\n\n'.join(parts)


def self_test():
    """The check functions against the standards' own published examples
    (used here only; none of these values is drawn into the set)."""
    assert luhn_ok('4111111111111111') and aba_ok('011000015')
    for s in ('GB82WEST12345698765432', 'DE89370400440532013000', 'ES9121000418450200051332',
              'IT60X0542811101000000123456', 'PT50000201231234567890154', 'NL91ABNA0417164300',
              'FR7630006000011234567890189'):
        assert iban_ok(s), s
    assert nhs_ok('9434765919') and npi_ok('1234567893') and dea_ok('AB1234563')
    assert vin_ok('1M8GDM9AXKP042788') and detax_ok('86095742719') and nir_ok('255081416802538')
    assert dni_ok('12345678Z') and dni_ok('X1234567L') and cf_ok('RSSMRA85T10A562S')
    assert bsn_ok('111222333') and kvnr_ok('A123456780') and svnr_ok('1237010180')
    assert gs1_check('0001234560001') == '2' and mbi_ok('1EG4-TE5-MK73') and nino_ok('AB123456C')


def main():
    self_test()
    check_templates()
    out1, recs, redraws = build()
    out2, _, _ = build()
    assert out1 == out2, 'two builds differ'
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'dev10.jsonl')
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(out1)
    if '--stats' in sys.argv[1:]:
        print(stats(recs, redraws))


if __name__ == '__main__':
    main()

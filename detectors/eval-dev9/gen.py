#!/usr/bin/env python3
"""eval-dev9: informal and structured text where names carry no cue.

Python 3 standard library only. Fixed seed, byte-for-byte deterministic.
    python3 gen.py          # writes dev9.jsonl
    python3 gen.py --stats  # also prints count tables
All vocabulary below is written by hand; all values are invented.
"""
import json
import random
import re
import sys
import unicodedata

SEED = 20261207
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl"]
SLICES = ["handoff", "teamchat", "export", "notes"]
LABELS = {
    "PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN", "US_BANK_ROUTING",
    "SWIFT_BIC", "ACCOUNT_NUMBER", "IP_ADDRESS", "URL", "DATE", "STREET_ADDRESS",
    "ZIP_CODE", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "NPI", "DEA_NUMBER",
    "ICD10_CODE", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NHS", "UK_NINO", "DE_TAX_ID",
    "FR_NIR", "ES_DNI", "IT_FISCAL_CODE", "NL_BSN", "VEHICLE_ID", "DEVICE_ID", "API_KEY",
}

# ---------------------------------------------------------------- names
# Given names that are also ordinary words or places in some language.
GIVEN_WORD = """Hope Joy Grace Will Mark Bill Faith Summer Guy Sunny Ivy Pearl Rose Blanche
Pierre Amparo Consuelo Rosario Fortunato Gioia Graça Luz Bram Wolf Sky Dawn Rocky Chance
Amber Hunter Ruby Holly Iris Violet Angel Earl Sterling Constance Patience Blessing Precious
Lucky Paz Soledad Milagros Fleur Prudence Vera Serena Flora Esperanza Socorro Stella Aurora
Olive Hazel Heather Autumn Brook River Storm Wren Robin Ray Noor Aroha Björn""".split()
GIVEN_OTHER = """Amara Chidi Ngozi Kwame Abena Kofi Yaw Adwoa Oluwaseun Tunde Folake Emeka Zainab
Amina Wanjiru Kamau Achieng Otieno Makena Baraka Tendai Thabo Lerato Sipho Priya Arjun Ananya
Rohan Deepika Sanjay Farhan Nasreen Imran Ayesha Tharindu Nimali Bikash Sunita Haruto Yui
Kenji Mei Wei Jiayi Hyun-woo Ji-yeon Minh Thanh Linh Duc Omar Layla Yusuf Rania Karim Dalia
Tariq Reza Parisa Arash Shirin Oksana Dmytro Bogdan Katarzyna Tomasz Milena Dragan Jelena
Irina Sergei Ilona Vesna Xiomara Yesenia Wilmer Jhon Anahí Itzel Cuauhtémoc Maricela Thiago
Sione Losa Tevita Mele Manaia Kahu Sigrid Eero Aino Freja Leif Astrid Nils Tuva Ingrid Jürgen
Anke Heike Lukas Friederike Ute Thérèse Gaëlle Benoît Anaïs Loïc Solène Begoña Iñaki Nerea
Álvaro Gianluca Chiara Ottavio Ludovica João Conceição Benedita Rui Inês Sanne Joost Femke
Maarten Ilse Wouter Moana Rangi Kalani""".split()
SUR_WORD = """Baker Fisher Black Young King Short Long Bauer Koch Schneider Fischer Meunier
Boulanger Herrero Molina Ferrero Bakker Visser Smit Pereira Oliveira Lamb Rice Moss Hill Field
Stone Park Lee Cross Wood Brown White Green Bird Fox Page Bishop Mason Cook Carpenter Singer
Kaiser Vogel Klein Berger Marchand Leroy Roux Petit Blanc Moreno Serrano Rubio Russo Colombo
Bianchi Santos Rocha Ramos Leite Torres Mulder Kok Dekker Brandt""".split()
SUR_OTHER = """Okafor Mensah Boateng Adeyemi Nwosu Kamara Diallo Traoré Mwangi Odhiambo Kariuki
Njoroge Moyo Dlamini Nkosi Haile Tesfaye Warsame Patel Sharma Iyer Banerjee Chowdhury Rahman
Siddiqui Perera Fernando Thapa Gurung Nakamura Tanaka Sato Watanabe Kim Choi Nguyen Tran Pham
Wang Zhang Liu Chen Huang Haddad Khalil Nasser Farouk Hosseini Karimi Rostami Al-Mansouri Aziz
Kowalski Nowak Wiśniewska Shevchenko Bondarenko Petrović Jovanović Horvat Novák Popescu Ivanova
Volkov Quispe Mamani Huamán Guzmán Villalobos Caicedo Barrios Chávez Tupou Fifita Taufa Ngata
Tuilagi Lindqvist Johansson Virtanen Korhonen Halvorsen Nieminen Sigurðsson Hoffmann
Zimmermann Krüger Schäfer Dubois Girard Fontaine Etxeberria Goikoetxea Sánchez Esposito
Lombardi Gonçalves Magalhães Carvalho Jansen Meijer Delgado Okonkwo Asante Bello Sesay Achterberg
Oyelaran Mbeki Rajapaksa Nair Kaur Yamamoto Takahashi Lim Ong Vu Darwish Mansour Szabó Kovács
Dimitrov Georgiou Papadopoulos Castillo Paredes Ortega Sepúlveda Cárdenas Vainikolo
Sorensen Eriksen""".split() + ["de Vries", "de Boer", "van Dijk", "van der Berg", "De Luca"]

# ---------------------------------------------------------------- fillers
ROLES = {
    "en": ["night nurse", "the registrar", "on-call", "the charge nurse", "bank HCA", "the SHO", "ward clerk", "team lead"],
    "de": ["Nachtdienst", "Stationsarzt", "Oberarzt", "Rufdienst", "Pflege", "Schichtleitung"],
    "fr": ["l'interne", "l'IDE de nuit", "le médecin de garde", "la cadre", "l'astreinte"],
    "es": ["la enfermera de noche", "el residente", "el adjunto de guardia", "la supervisora"],
    "it": ["l'infermiere di notte", "lo specializzando", "il medico di guardia", "la caposala"],
    "pt": ["a enfermeira da noite", "o interno", "o médico de serviço", "a chefe de equipa"],
    "nl": ["de nachtdienst", "de arts-assistent", "de dienstdoende", "de teamleider"],
}
WDAY = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì"],
    "pt": ["segunda", "terça", "quarta", "quinta", "sexta"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
}
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
}
MON_EN_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DRUGS = ["Eliquis", "Xarelto", "Ozempic", "Ventolin", "Augmentin", "Tazocin", "Lasix", "Keppra",
         "Sintrom", "Marcoumar", "Voltaren", "Nolotil", "Tachipirina", "Ben-u-ron", "Dafalgan",
         "co-amoxiclav", "paracetamol", "morphine", "enoxaparin", "insulin glargine"]
DOSES = ["500 mg bid", "1 g tds", "40 mg od", "2.5 mg bid", "10 mg prn", "5 mg nocte", "20 mg od",
         "1 g qds", "75 mg od"]
EPON = ["Crohn", "Hodgkin", "Alzheimer", "Parkinson", "Whipple", "Babinski", "Apgar",
        "Glasgow coma scale", "Kaplan-Meier", "Bland-Altman", "Murphy's sign", "Guillain-Barré",
        "Hashimoto", "Addison", "Cushing", "Wernicke"]
COS = ["Johnson & Johnson", "Ford", "Philips", "Siemens", "Mercedes", "Ferrari", "Dell", "Boots",
       "Chanel", "Zara", "Hermès", "Bosch", "Heineken", "Porsche", "Peugeot", "Citroën", "Kellogg's"]
PLACES = ["Victoria", "Florence", "Charlotte", "Lourdes", "Regent Street", "Santa Maria",
          "San José", "Saint-Louis", "Fátima", "Dolores"]
TEAMS = ["Project Phoenix", "Team Atlas", "Squad Orion", "Falcon", "Blue Team", "Nightingale", "Lister"]
DX = {
    "en": ["CAP", "UTI", "cellulitis", "#NOF", "COPD exac", "DKA", "AKI", "CCF", "delirium", "sepsis ?source"],
    "de": ["Pneumonie", "HWI", "Erysipel", "SHF", "AECOPD", "Delir", "NSTEMI", "Exsikkose"],
    "fr": ["PNP", "IU", "érysipèle", "FESF", "décomp. BPCO", "IRA", "confusion", "sepsis"],
    "es": ["NAC", "ITU", "celulitis", "fx cadera", "EPOC agudizado", "IRA", "síndrome confusional"],
    "it": ["polmonite", "IVU", "cellulite", "frattura femore", "BPCO riacutizzata", "IRA", "delirium"],
    "pt": ["PAC", "ITU", "celulite", "fratura colo fémur", "DPOC agudizada", "LRA", "delirium"],
    "nl": ["pneumonie", "UWI", "erysipelas", "heupfractuur", "COPD-exacerbatie", "delier", "AKI"],
}
ICD = ["E11.9", "I10", "J18.9", "N39.0", "I48.91", "J44.1", "F03.90", "I50.9", "K50.90", "C81.90",
       "S72.001A", "G30.9", "M54.5", "E86.0", "N17.9", "L03.115", "A41.9", "F32.1", "Z95.1"]
CITIES = {
    "en_uk": [("Leeds", "LS"), ("Bristol", "BS"), ("Manchester", "M"), ("Sheffield", "S"), ("Norwich", "NR"), ("Cardiff", "CF")],
    "en_us": [("Dayton", "OH", "45"), ("Tucson", "AZ", "85"), ("Albany", "NY", "12"), ("Eugene", "OR", "97"), ("Macon", "GA", "31")],
    "de": ["Köln", "Leipzig", "Kassel", "Bremen", "Freiburg", "Erfurt"],
    "fr": ["Lyon", "Rennes", "Nantes", "Dijon", "Toulouse", "Lille"],
    "es": ["Madrid", "Sevilla", "Bilbao", "Zaragoza", "Valencia", "Murcia"],
    "it": ["Torino", "Bologna", "Napoli", "Verona", "Bari", "Padova"],
    "pt": ["Lisboa", "Porto", "Braga", "Coimbra", "Faro", "Aveiro"],
    "nl": ["Amsterdam", "Utrecht", "Zwolle", "Leiden", "Tilburg", "Groningen"],
}
STREETS = {
    "en_uk": ["Mayfield Road", "Cromwell Street", "Ashgrove Avenue", "Holloway Lane", "Brunswick Terrace", "Quarry Close"],
    "en_us": ["Oak St", "Maple Ave", "Sycamore Dr", "W 3rd St", "Linden Blvd", "Pine Ridge Rd"],
    "de": ["Lindenstraße", "Am Kirchberg", "Gartenweg", "Bahnhofstr.", "Mühlenkamp", "Schillerplatz"],
    "fr": ["rue des Tanneurs", "avenue des Tilleuls", "bd de la Liberté", "impasse du Moulin", "rue Pasteur", "allée des Cerisiers"],
    "es": ["Calle del Pez", "Avda. de la Paz", "C/ Mayor", "Calle Alcalá", "Paseo de la Ribera", "Calle Olmo"],
    "it": ["Via dei Mille", "Corso Vittorio Emanuele", "Via Roma", "Viale dei Pini", "Via del Porto", "Piazza Duomo"],
    "pt": ["Rua da Prata", "Av. da Liberdade", "Rua das Flores", "Travessa do Carmo", "Rua do Sol", "Largo da Sé"],
    "nl": ["Prinsengracht", "Kerkstraat", "Lindelaan", "Molenweg", "Havenkade", "Dorpsstraat"],
}
EMAIL_DOMAINS = {
    "en": ["kestrelmail.com", "postbox-uk.net", "riverline.org", "mailhub.io"],
    "de": ["webpost.de", "briefkasten.net", "postfach-mail.de"],
    "fr": ["courriel-libre.fr", "laposte-mail.fr", "boitemail.net"],
    "es": ["correo-ya.es", "buzonmail.com", "mensajeria.es"],
    "it": ["postaviva.it", "casellamail.it", "libromail.net"],
    "pt": ["correio-net.pt", "caixapost.pt", "mailsol.com"],
    "nl": ["postbus-mail.nl", "brievenbus.net", "mailvandaag.nl"],
}

# ---------------------------------------------------------------- check digits
def luhn_ok(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


def nhs_check(d9):
    s = sum(int(c) * w for c, w in zip(d9, range(10, 1, -1)))
    c = 11 - s % 11
    if c == 11:
        c = 0
    return None if c == 10 else str(c)


def nhs_ok(s):
    d = re.sub(r"\D", "", s)
    return len(d) == 10 and nhs_check(d[:9]) == d[9]


def npi_ok(s):
    d = re.sub(r"\D", "", s)
    return len(d) == 10 and luhn_ok("80840" + d)


def iban_ok(s):
    s = s.replace(" ", "").upper()
    lens = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "NL": 18, "GB": 22}
    if lens.get(s[:2]) != len(s):
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def ssn_ok(s):
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    if a in ("000", "666") or a[0] == "9" or g == "00" or n == "0000":
        return False
    return a + g + n not in ("078051120", "219099999", "123456789")


def kvnr_check(letter, d8):
    n = "%02d" % (ord(letter) - 64) + d8
    s = 0
    for i, c in enumerate(n):
        p = int(c) * (1 if i % 2 == 0 else 2)
        s += p // 10 + p % 10
    return str(s % 10)


def kvnr_ok(s):
    return bool(re.fullmatch(r"[A-Z]\d{9}", s)) and kvnr_check(s[0], s[1:9]) == s[9]


# ---------------------------------------------------------------- value generators
def digits(r, n, first_nonzero=False):
    s = "".join(r.choice("0123456789") for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = str(r.randint(1, 9)) + s[1:]
    return s


def gen_cc(r):
    kind = r.choice(["visa", "visa", "mc", "amex"])
    while True:
        if kind == "visa":
            num = luhn_complete("4" + digits(r, 14))
        elif kind == "mc":
            num = luhn_complete(str(r.randint(51, 55)) + digits(r, 13))
        else:
            num = luhn_complete(r.choice(["34", "37"]) + digits(r, 12))
        if len(set(num[1:])) > 3 and num not in ("4111111111111111", "5555555555554444", "378282246310005"):
            break
    sep = r.choice([" ", "-", ""])
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def gen_ssn(r):
    while True:
        a = "%03d" % r.randint(1, 899)
        g = "%02d" % r.randint(1, 99)
        n = "%04d" % r.randint(1, 9999)
        s = r.choice(["%s-%s-%s", "%s-%s-%s", "%s %s %s", "%s%s%s"]) % (a, g, n)
        if ssn_ok(s):
            return s


def gen_nhs(r):
    while True:
        d9 = str(r.randint(4, 7)) + digits(r, 8)
        c = nhs_check(d9)
        if c is not None:
            d = d9 + c
            return r.choice(["%s %s %s", "%s-%s-%s", "%s%s%s"]) % (d[:3], d[3:6], d[6:])


def gen_npi(r):
    while True:
        p = r.choice("12") + digits(r, 8)
        for c in "0123456789":
            if luhn_ok("80840" + p + c):
                return p + c


def iban_from(cc, bban, r):
    n = "".join(str(int(c, 36)) for c in bban + cc + "00")
    chk = "%02d" % (98 - int(n) % 97)
    s = cc + chk + bban
    if r.random() < 0.6:
        return " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


def gen_iban(r, lang):
    cc = {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "nl": "NL"}[lang]
    L = lambda n: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
    bban = {
        "GB": lambda: L(4) + digits(r, 14),
        "DE": lambda: digits(r, 18, True),
        "FR": lambda: digits(r, 23, True),
        "ES": lambda: digits(r, 20, True),
        "IT": lambda: L(1) + digits(r, 22),
        "PT": lambda: "00" + digits(r, 19, True),
        "NL": lambda: L(4) + digits(r, 10),
    }[cc]()
    s = iban_from(cc, bban, r)
    assert iban_ok(s), s
    return s


def gen_phone(r, lang):
    if lang == "en":
        if r.random() < 0.5:
            return r.choice(["(%s) 555-01%s", "%s-555-01%s", "%s.555.01%s"]) % (r.choice(["212", "614", "503", "415", "312", "720"]), digits(r, 2))
        return r.choice(["07700 900%s", "07700900%s", "+44 7700 900%s"]) % digits(r, 3)
    if lang == "de":
        return r.choice(["0151 %s", "0176-%s", "+49 160 %s"]) % digits(r, 8, True)
    if lang == "fr":
        p = [r.choice(["06", "07"])] + [digits(r, 2) for _ in range(4)]
        return r.choice([" ".join(p), ".".join(p), "+33 " + p[0][1] + " " + " ".join(p[1:])])
    if lang == "es":
        d = r.choice("67") + digits(r, 8)
        return r.choice(["%s %s %s" % (d[:3], d[3:6], d[6:]), d, "+34 " + d])
    if lang == "it":
        d = "3" + r.choice("234") + digits(r, 8)
        return r.choice(["%s %s %s" % (d[:3], d[3:6], d[6:]), d, "+39 " + d[:3] + " " + d[3:]])
    if lang == "pt":
        d = "9" + r.choice("1236") + digits(r, 7)
        return r.choice(["%s %s %s" % (d[:3], d[3:6], d[6:]), d, "+351 " + d])
    d = digits(r, 8, True)
    return r.choice(["06-" + d, "06 " + d, "+31 6 " + d])


def gen_date(r, lang, dob):
    if dob:
        y = r.randint(1932, 2006)
    else:
        y = r.choice([2024, 2025, 2025, 2026])
    m = r.randint(1, 12)
    d = r.randint(1, 28)
    if lang == "en":
        f = r.choice(["us", "uk", "iso", "txt", "txt2", "short"])
        return {"us": "%02d/%02d/%d" % (m, d, y), "uk": "%d/%d/%d" % (d, m, y), "iso": "%d-%02d-%02d" % (y, m, d),
                "txt": "%d %s %d" % (d, MON_EN_SHORT[m - 1], y), "txt2": "%s %d, %d" % (MONTHS["en"][m - 1], d, y),
                "short": "%d/%d/%02d" % (d, m, y % 100)}[f]
    f = r.choice(["num", "num", "txt", "iso"])
    if f == "iso":
        return "%d-%02d-%02d" % (y, m, d)
    if f == "num":
        sep = "." if lang == "de" else ("-" if lang == "nl" and r.random() < 0.5 else "/")
        return "%02d%s%02d%s%d" % (d, sep, m, sep, y)
    mon = MONTHS[lang][m - 1]
    if lang == "de":
        return "%d. %s %d" % (d, mon, y)
    if lang in ("es", "pt"):
        return "%d de %s de %d" % (d, mon, y)
    return "%d %s %d" % (d, mon, y)


def gen_zip(r, lang, sub=None):
    if lang == "en":
        if sub == "us" or (sub is None and r.random() < 0.5):
            return "%05d" % r.randint(10001, 99899)
        return "%s%d %d%s" % (r.choice(["LS", "BS", "M", "S", "NR", "CF"]), r.randint(1, 19), r.randint(1, 9), "".join(r.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))
    if lang == "pt":
        return "%d-%03d" % (r.randint(1000, 9800), r.randint(0, 999))
    if lang == "nl":
        return "%d %s" % (r.randint(1011, 9999), "".join(r.choice("ABCDEGHJKLMNPRTVWXZ") for _ in range(2)))
    if lang == "es":
        return "%02d%03d" % (r.randint(1, 52), r.randint(1, 999))
    return "%05d" % r.randint(1067, 98999)


def gen_addr(r, lang, sub=None):
    n = r.randint(1, 180)
    if lang == "en":
        if sub == "us" or (sub is None and r.random() < 0.5):
            return "%d %s%s" % (r.randint(10, 4999), r.choice(STREETS["en_us"]), r.choice(["", "", " Apt %d" % r.randint(1, 30), " Unit %d%s" % (r.randint(1, 9), r.choice("ABC"))]))
        return r.choice(["", "", "Flat %d, " % r.randint(1, 12)]) + "%d %s" % (n, r.choice(STREETS["en_uk"]))
    st = r.choice(STREETS[lang])
    if lang == "de":
        return "%s %d%s" % (st, n, r.choice(["", "", "a", " b"]))
    if lang == "fr":
        return "%d%s %s" % (n, r.choice(["", "", " bis"]), st) + r.choice(["", "", ", apt %d" % r.randint(1, 40)])
    if lang == "es":
        return "%s %d" % (st, n) + r.choice(["", ", %dº %s" % (r.randint(1, 9), r.choice(["B", "A", "izq.", "dcha."]))])
    if lang == "it":
        return "%s %d" % (st, n) + r.choice(["", "", ", int. %d" % r.randint(1, 20), "/%s" % r.choice("AB")])
    if lang == "pt":
        return "%s %d" % (st, n) + r.choice(["", ", %dº %s" % (r.randint(1, 8), r.choice(["Esq.", "Dto.", "B"]))])
    return "%s %d%s" % (st, n, r.choice(["", "", "-II", "A", " bis"]))


def gen_mrn(r, lang):
    return {
        "en": lambda: r.choice(["%s", "K%s", "RX-%s", "%s-%s"]).replace("%s-%s", digits(r, 3) + "-" + "%s") % digits(r, r.choice([7, 8])),
        "de": lambda: r.choice(["%s", "F%s", "%s/%s"]).replace("%s/%s", "%s/" + digits(r, 2)) % digits(r, 8, True),
        "fr": lambda: r.choice(["%s", "IPP%s"]) % digits(r, 10, True),
        "es": lambda: r.choice(["%s", "NHC-%s"]) % digits(r, 7, True),
        "it": lambda: "%d/%s" % (r.choice([2023, 2024, 2025]), digits(r, 6)),
        "pt": lambda: r.choice(["%s", "P-%s"]) % digits(r, 8, True),
        "nl": lambda: r.choice(["%s", "Z%s"]) % digits(r, 7, True),
    }[lang]()


def gen_hp(r, lang):
    U = lambda n: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
    if lang == "de":
        while True:
            letter = r.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
            d8 = digits(r, 8)
            return letter + d8 + kvnr_check(letter, d8)
    return {
        "en": lambda: r.choice([U(3) + digits(r, 9), "W" + digits(r, 8), U(2) + "-" + digits(r, 6) + "-" + digits(r, 2)]),
        "fr": lambda: r.choice(["AD-" + digits(r, 8), digits(r, 9, True)]),
        "es": lambda: r.choice([U(4) + digits(r, 12), "POL-" + digits(r, 8)]),
        "it": lambda: r.choice(["PZ" + digits(r, 8), digits(r, 3) + "." + digits(r, 6)]),
        "pt": lambda: r.choice([digits(r, 9, True), "AP-" + digits(r, 7)]),
        "nl": lambda: r.choice([digits(r, 9, True), "PN" + digits(r, 4) + "-" + digits(r, 4)]),
    }[lang]()


def gen_acct(r):
    return r.choice(["%s", "%s", "%s-%s"]).replace("%s-%s", digits(r, 4) + "-%s") % digits(r, r.choice([8, 9, 10]), True)


def gen_dl(r):
    return r.choice([
        lambda: r.choice("ABDFGKMNRSTW") + digits(r, 7),
        lambda: "%s%s-%s-%s-%s-%s" % (r.choice("BDHKMPS"), digits(r, 3), digits(r, 3), digits(r, 2), digits(r, 3), digits(r, 1)),
        lambda: "%s %s %s" % (digits(r, 3, True), digits(r, 3), digits(r, 3)),
        lambda: "%s%s" % (r.choice("ACDHKLMPS"), digits(r, 12)),
    ])()


def gen_ip(r):
    return r.choice([
        lambda: "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
        lambda: "192.168.%d.%d" % (r.randint(0, 255), r.randint(2, 254)),
        lambda: "%d.%d.%d.%d" % (r.choice([81, 84, 93, 151, 176, 212, 62]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
    ])()


def gen_email(r, lang, person):
    g, s = person["g"], person["s"]
    def strip(x):
        x = x.lower().replace("ß", "ss").replace("ø", "o").replace("ð", "d").replace("ł", "l")
        x = unicodedata.normalize("NFKD", x)
        return re.sub(r"[^a-z]", "", x)
    loc = r.choice(["%s.%s", "%s%s", "%s_%s", "%s.%s%d"])
    loc = loc % ((strip(g), strip(s), r.randint(1, 99)) if loc.count("%") == 3 else (strip(g), strip(s)))
    if r.random() < 0.3:
        loc = strip(g)[0] + strip(s)
    return loc + "@" + r.choice(EMAIL_DOMAINS[lang])


def filler(r, lang, key):
    if key == "TIME":
        return r.choice(["%02d:%02d" % (r.randint(0, 23), r.choice([0, 15, 30, 45, 5, 50])),
                         "%d%s" % (r.randint(1, 12), r.choice(["am", "pm"])) if lang == "en" else "%dh%02d" % (r.randint(6, 22), r.choice([0, 15, 30]))])
    if key == "DOSE":
        return r.choice(DOSES)
    if key == "DRUG":
        return r.choice(DRUGS)
    if key == "EPON":
        return r.choice(EPON)
    if key == "ROLE":
        return r.choice(ROLES[lang])
    if key == "CO":
        return r.choice(COS)
    if key == "PLACE":
        return r.choice(PLACES)
    if key == "TEAM":
        return r.choice(TEAMS)
    if key == "TICKET":
        return r.choice(["#%d" % r.randint(10000, 99999), "INV-%d-%04d" % (r.choice([2025, 2026]), r.randint(1, 9999)),
                         "ORD-%d" % r.randint(10000, 999999), "TKT %d" % r.randint(1000, 99999), "CS-%d" % r.randint(100000, 999999)])
    if key == "LAST4":
        return "%04d" % r.randint(0, 9999)
    if key == "PRICE":
        cur = {"en": ["£", "USD "]}.get(lang, ["€"])
        c = r.choice(cur)
        v = "%d.%02d" % (r.randint(3, 900), r.randint(0, 99))
        return c + v if c != "€" else r.choice([v.replace(".", ",") + " €", "€" + v])
    if key == "VER":
        return "%d.%d.%d" % (r.randint(1, 9), r.randint(0, 20), r.randint(0, 9))
    if key == "YEAR":
        return str(r.randint(1998, 2026))
    if key == "WDAY":
        return r.choice(WDAY[lang])
    if key == "MONTH":
        return r.choice(MONTHS[lang])
    if key == "BED":
        return r.choice(["%d" % r.randint(1, 32), "%d%s" % (r.randint(1, 20), r.choice("ABCD")), "B%d" % r.randint(1, 24), "SR%d" % r.randint(1, 6)])
    if key == "EXT":
        return str(r.randint(2000, 7999))
    if key == "NUM":
        return str(r.randint(0, 40))
    if key == "AGE":
        a = r.randint(19, 97)
        return r.choice(["%d%s" % (a, r.choice("fmFM")), "%d %s" % (a, r.choice("fm")), "%dyo %s" % (a, r.choice("fm")), "%dj" % a if lang in ("de", "nl") else ("%dy" % a if lang == "en" else "%d a" % a)])
    if key == "DX":
        return r.choice(DX[lang])
    if key == "CITY":
        if lang == "en":
            return r.choice([c[0] for c in CITIES["en_uk"]])
        return r.choice(CITIES[lang])
    raise KeyError(key)

# ---------------------------------------------------------------- templates
# «a¦b» alternatives; $X placeholders ($P full name, $PF given, $PL surname,
# $PI initial + surname, $PFW / $PLW given / surname that is also a word;
# .2 .3 ... another person); $=KEY unlabelled fillers; $$ is a literal dollar.
T = {}


def add(lang, sl, pol, *ts):
    T.setdefault((lang, sl, pol), []).extend(ts)


# ---- English
add("en", "handoff", "pos",
    "bed $=BED → $PF «still febrile¦spiked to 38.9 overnight¦sats 91% on 2L», $=AGE, hx «COPD¦CCF¦T2DM», «abx changed to¦on» $=DRUG. $PF.2 «in¦from» $=BED «back from CT¦for dc tmrw¦NPO from midnight»",
    "SBAR // S: $PL $=AGE c/o «SOB¦chest pain¦abdo pain» → «worse since¦settled after» $=TIME. B: s/p «lap chole¦TKR¦CABG», adm $D, MRN $MRN. A: «obs stable¦NEWS 5¦tachy 110s». R: «f/u bloods¦r/v by reg¦repeat ECG». «daughter¦son¦wife» $PF.2 «calling back¦visiting» at $=TIME",
    "ward round «4B¦7N¦CCU»: $PI - «ok for dc¦needs PT r/v¦for OGD tmrw», dx $ICD. $PF.2 -> «still confused¦eating ok¦family mtg w/ $PF.3 fri». cons: $PL.4",
    "handover from $PF (nights): $PL.2 «pain ctrl'd w/¦prn» $=DRUG, dob $DOB, «NHS¦nhs no» $NHS. «pls chase¦chase» «mri¦echo¦bloods» «for¦re» $PF.5. $PF.3 covering bleep $=EXT",
    "bed board $=WDAY: $=BED $PL $=AGE $=DX | $=BED $PL.2 $=AGE «dc today¦awaiting TTO¦obs q4h» | $=BED $PL.3 $=AGE «NPO¦for theatre¦s/p fall» | $=BED «empty¦clean¦blocked»",
    "pt $PF $PL ($=AGE) «transferred from¦seen in» ED $D, ins id $HP, «NPO¦nil by mouth» for «ERCP¦scope». «wife¦husband¦partner» $PF.2 «aware¦updated by phone» $PH",
    "nights → $PF: «pls keep an eye on¦watch» $PFW.2 in $=BED, «hypo¦K+ 5.9¦fall» at $=TIME. $PLW.3 «wants to go home¦refusing obs», «np¦md» $PL.4 (NPI $NPI) aware",
)
add("en", "handoff", "neg",
    "bed $=BED → «still febrile¦spiked overnight», $=AGE, hx «COPD¦CCF», «abx changed to¦on» $=DRUG $=DOSE. «night nurse¦bank HCA» «to recheck¦aware». NEWS 3 at $=TIME",
    "SBAR template: S: [patient] «c/o¦presents with» ___ B: <NAME> hx ___ A: obs ___ R: f/u with {{consultant}} - «Glasgow coma scale¦Apgar¦Waterlow» score «to be filled in¦tbc»",
    "ward round «4B¦7N»: «Crohn's flare¦Hodgkin lymphoma f/u¦Alzheimer's, wandering» in bed $=BED, «Murphy's sign +ve¦Babinski upgoing¦Whipple day 3»; reg to r/v after $=TIME, «cons¦on-call» «happy¦aware». «Monday¦Friday» list for OGD",
    "bed board $=WDAY: $=BED «empty¦clean¦blocked» | $=BED $=AGE «#NOF¦CAP» awaiting «TTO¦transport» | $=BED «side room¦barrier nursing» - «Victoria¦Florence¦Charlotte» ward full, ring ext $=EXT",
)
add("en", "teamchat", "pos",
    "[$=TIME] $PF: can $PF.2 cover «friday¦sat¦the late shift»? [$=TIME] $PF.2: «yes¦sure» but $PF.3 already called her back re the «refund¦claim» [$=TIME] $PF: «ok thx¦thanks!»",
    "$PF $PL  $=TIME\n@$PF.2 «spoke to¦left vm for» $PF.3 $PL.3 re the refund, card $CC, «they'll wait¦wants it today»\nCheers, $PF",
    "#«claims-ops¦member-services» $=TIME $PF: «Passport¦ID» for $P.2: «checked¦verified», DL $DL, SSN $SSN «on file¦matches». «LMK if¦ping me if» anything else",
    "support chat | agent $PF: «hi¦hello», «can I take¦what's» the acct no? | customer: $ACCT, it's for $PF.2 $PL.2 «my mum¦my dad» | agent $PF: thanks, «sent¦emailed» the form to $EM.2",
    "$PF: «refund card¦chargeback on card» $CC of $P.2 «approved¦pending»\n$PF.3: «ok¦on it», $PFW.4 will ring them on $PH",
    "[$=TIME] $PL (pharmacy): $PF.2's «script¦repeat» for $=DRUG is ready, dob $DOB, «member id¦mbr id» $HP\n[$=TIME] $PFW.3: «great¦ok» will let her know",
    "IBAN $IBAN of $P «updated¦changed» per «her¦his» email - $PF.2 pls «double check¦4-eye check» before the run. Login via IP $IP «flagged¦looked odd». Thanks! $PF.3",
)
add("en", "teamchat", "neg",
    "[$=TIME] «night nurse¦on-call»: can someone cover «friday¦sat»? [$=TIME] «team lead¦the registrar»: «yes¦sure», rota is in #«ward-7-rota¦ops-team» [$=TIME] «ok thx¦thanks»",
    "#«claims-ops¦payments» $=TIME bot: ticket $=TICKET «closed¦escalated», card ending $=LAST4, refund $=PRICE «approved¦pending». release $=VER of $=TEAM «goes out¦deployed» $=WDAY",
    "support chat | agent: «hi¦hello», how can I help? | customer: my «Dell¦Philips¦Bosch» «order¦invoice» $=TICKET «never arrived¦was charged twice» | agent: sorry, escalated. «Cheers¦Thanks», Support Team",
    "pharmacy: «Boots¦Walgreens» «has¦ordered» «Ozempic¦Eliquis¦Ventolin» $=DOSE, collect after $=TIME on $=WDAY. «Hi {{first_name}}¦Dear <NAME>», your order $=TICKET is ready - template v$=VER",
)
add("en", "export", "pos",
    "«clean this up¦dedupe this¦summarise»:\nChart #,Given,Family,DOB,Tel.\n$MRN,$PF,$PL,$DOB,$PH\n$MRN,$PF.2,$PL.2,$DOB,$PH",
    "«summarise¦tidy up» this log:\nts=$=TIME level=warn msg=\"login failed\" ip=$IP acct=$ACCT name=\"$P\"\nts=$=TIME level=info msg=\"password reset\" email=$EM",
    "«dedupe:¦rows from old system, no header:»\n$PL, $PF; $MRN; $DOB; $ZIP\n$PL.2, $PF.2; $MRN; $DOB; $ZIP\n$PL.3, $PF.3; $MRN; $DOB; $ZIP",
    "«fix this json¦pretty-print this»: {\"mbr_id\": \"$HP\", \"given\": \"$PF\", \"family\": \"$PL\", \"dob\": \"$DOB\", \"addr\": \"$ADDR\", \"zip\": \"$ZIP\"}",
    "«reformat¦summarise» this report:\nUNIT NO    NAME                  ADM\n$MRN   $PL, $PF    $D\n$MRN   $PL.2, $PF.2    $D",
    "«clean up these addresses¦split into columns»:\n$P | $ADDRL\n$P.2 | $ADDRL",
    "Mbr ID\tPatient\tDx\tRendering NPI\n$HP\t$P\t$ICD\t$NPI\n$HP\t$P.2\t$ICD\t$NPI",
)
add("en", "export", "neg",
    "«dedupe¦clean this up»:\nChart #,Given,Family,DOB,Tel.\n(no rows)\nSKU,Product,Qty,Price\n$=TICKET,«Philips Sonicare head¦Bosch drill bit¦Ford wiper blade»,2,$=PRICE",
    "«summarise¦tidy up» this log:\nts=$=TIME level=info svc=«billing¦auth» msg=\"job done\" order=$=TICKET version=$=VER duration_ms=$=NUM",
    "{\"template\": \"Dear {{first_name}} {{last_name}}\", \"fields\": [\"<NAME>\", \"[patient]\", \"<DOB>\"], \"version\": \"$=VER\"}",
    "ward,beds,free,nurse_in_charge\n«Victoria¦Florence¦Charlotte»,24,$=NUM,night nurse\n«Nightingale¦Lister»,18,$=NUM,on-call",
)
add("en", "notes", "pos",
    "Hi team,\n$PF and $PF.2 «reviewed¦went through» the claim on $D. $PL.3's «scan¦report¦x-ray» shows «no fracture¦a hairline fracture». Could $PF.4 call her on $PH?\nBest, $PF",
    "HR note: $P «started¦was hired» on $D; «grievance¦complaint» raised with $PF.2 or $PF.3 present. Salary acct $ACCT. «Next review¦Follow-up» after Easter.",
    "$PF, $PF.2, $PF.3 and $PF.4 «will attend¦are on» the «case conference¦MDT» «re¦about» $PL.5 (DOB $DOB), dx $ICD.",
    "Claims note: $PLW «phoned¦rang» about the «excess¦deductible». Member no $HP. $PFW.2 «with¦and» $PF.3 to «review¦decide» by $=WDAY.",
    "Subject: «re: your letter¦complaint»\n\n$PFW «asked¦wanted to know» whether $PF.2's «appointment¦follow-up» on $D «is still on¦moved». Her address is now $ADDR, $=CITY $ZIP. «Regards¦Thanks»,\n$PF.3",
    "Re: $P, NHS $NHS\n«Thank you for seeing¦I saw» $PF «with¦and» her «daughter¦son» $PFW.2 «or¦and» «carer¦neighbour» $PF.3 in clinic on $D. $PL's «bloods¦ECG» «were normal¦are attached».",
    "«Email¦E-mail» from $PLW «re¦about» the «licence¦DL» $DL: $PFW.2 «with¦and» $PF.3 «will¦shall» «sort¦check» it on $=WDAY; she wrote from $EM.",
)
add("en", "notes", "neg",
    "Hi team,\n«Hope this helps¦Grace period applies» - «Will¦Mark» this as «done¦urgent»? «Summer¦Rose Garden» rota changes start $=WDAY. The registrar «reviewed¦went through» the «Crohn's¦Alzheimer's» referral. Best, Claims Team",
    "Dear {{first_name}},\n«Your appointment¦Your claim» $=TICKET «is confirmed¦was received». Please bring your card (ending $=LAST4). Kind regards, «Boots¦Specsavers» «Pharmacy¦Opticians»",
    "HR note: the «night nurse¦ward clerk» «started¦moved to» «Florence¦Lourdes¦Victoria» site in $=MONTH $=YEAR. «Kaplan-Meier¦Bland-Altman» plots attached (v$=VER). «Hill¦Field» walking trip «booked¦cancelled» for $=WDAY.",
    "Claims note: «Ford¦Mercedes¦Ferrari» «van¦car» «damaged¦written off» on Regent Street, invoice $=TICKET for $=PRICE, due $=WDAY. «Young¦Long» driver excess applies; «Park¦King» Street CCTV requested.",
)

# ---- German
add("de", "handoff", "pos",
    "Übergabe Zi. $=BED → $PF $=AGE, $=DX, «weiter fieberhaft¦RR stabil¦nüchtern ab 0 Uhr». $PL.2 «zurück vom CT¦morgen Entlassung¦Sturz heute Nacht», Tochter $PF.3 «informiert¦ruft zurück» $PH",
    "Visite «3B¦ITS»: $PI - Aufn. $D, Fall-Nr. $MRN, Dx $ICD → «Abx weiter¦Labor ko¦Reha anmelden». $PLW.2 «will heim¦verwirrt», $PF.3 hat Dienst",
)
add("de", "handoff", "neg",
    "Übergabe Zi. $=BED → $=AGE, $=DX, «weiter fieberhaft¦RR stabil», $=DRUG $=DOSE. «Morbus Crohn¦Morbus Parkinson¦Alzheimer-Demenz» bekannt. $=ROLE informiert, Kontrolle um $=TIME",
)
add("de", "teamchat", "pos",
    "[$=TIME] $PF: kann $PF.2 am $=WDAY übernehmen? [$=TIME] $PF.2: ja, $PFW.3 hat «die Kundin¦den Kunden» schon zurückgerufen\nLG $PF",
    "@$PF Erstattung auf IBAN $IBAN von $P.2 «freigegeben¦offen», Vers.-Nr. $HP. Mail ging an $EM.2\nLG $PF.3",
)
add("de", "teamchat", "neg",
    "[$=TIME] $=ROLE: wer übernimmt $=WDAY? Ticket $=TICKET «erledigt¦eskaliert», Karte endet auf $=LAST4, Erstattung $=PRICE. «Bosch¦Siemens» Update v$=VER kommt. LG, Team Service",
)
add("de", "export", "pos",
    "«bitte bereinigen¦Dubletten entfernen»:\nPat-Nr.;Nachname;Vorname;Geb.;PLZ\n$MRN;$PL;$PF;$DOB;$ZIP\n$MRN;$PL.2;$PF.2;$DOB;$ZIP",
    "«fasse zusammen¦bitte formatieren»:\n$P, $ADDRL, Tel. $PH\n$P.2, $ADDRL, Vers.-Nr. $HP",
)
add("de", "export", "neg",
    "«bitte bereinigen¦zusammenfassen»:\nPat-Nr.;Nachname;Vorname;Geb.;PLZ\n(keine Daten)\nArtikel;Marke;Preis\n$=TICKET;«Bosch¦Siemens¦Miele»;$=PRICE",
)
add("de", "notes", "pos",
    "Hallo zusammen,\n$PF und $PF.2 haben den Schaden vom $D geprüft. $PL.3s Befund liegt vor; Konto $ACCT. Viele Grüße, $PF",
    "HR-Notiz: $PFW hat am $D angefangen, Gespräch mit $PF.2 oder $PL.3. Neue Anschrift: $ADDR, $ZIP $=CITY.",
    "$PLW, $PF.2 und $PF.3 «nehmen an der Fallbesprechung teil¦sind in der Konferenz» zu $PL.4 (geb. $DOB).",
)
add("de", "notes", "neg",
    "Hallo zusammen,\nder «Stationsarzt¦Oberarzt» hat den Befund geprüft («Morbus Crohn¦Hodgkin-Lymphom»). Termin im $=MONTH $=YEAR, Rechnung $=TICKET über $=PRICE. Viele Grüße, Ihr «Siemens¦Porsche» Betriebsrat",
)
# ---- French
add("fr", "handoff", "pos",
    "transmissions ch. $=BED → $PF $=AGE, $=DX, «toujours fébrile¦constantes ok¦à jeun dès minuit». $PL.2 «retour scanner¦sortie demain¦chute cette nuit», fille $PF.3 «prévenue¦rappelle» au $PH",
    "visite «USC¦4e»: $PI - entrée $D, IPP $MRN, dg $ICD → «ATB à poursuivre¦bilan ok¦kiné». $PLW.2 «confus¦veut rentrer», $PF.3 de garde",
)
add("fr", "handoff", "neg",
    "transmissions ch. $=BED → $=AGE, $=DX, «toujours fébrile¦constantes ok», $=DRUG $=DOSE. «maladie de Crohn¦lymphome de Hodgkin¦signe de Babinski» connu. $=ROLE prévenu, contrôle à $=TIME",
)
add("fr", "teamchat", "pos",
    "[$=TIME] $PF : $PF.2 peut couvrir $=WDAY ? [$=TIME] $PF.2 : oui, $PFW.3 a déjà rappelé la cliente\nMerci, $PF",
    "@$PF remboursement sur IBAN $IBAN de $P.2 «validé¦en attente», n° adhérent $HP, mail envoyé à $EM.2\nMerci, $PF.3",
)
add("fr", "teamchat", "neg",
    "[$=TIME] $=ROLE : qui couvre $=WDAY ? ticket $=TICKET «clos¦escaladé», carte finissant par $=LAST4, remboursement $=PRICE. maj «Peugeot¦Citroën» v$=VER. Merci, l'équipe",
)
add("fr", "export", "pos",
    "«nettoie ce tableau¦dédoublonne»:\nN° dossier;Nom;Prénom;Né(e) le;CP\n$MRN;$PL;$PF;$DOB;$ZIP\n$MRN;$PL.2;$PF.2;$DOB;$ZIP",
    "«résume¦mets en forme»:\n$P, $ADDRL, tél. $PH\n$P.2, $ADDRL, adhérent $HP",
)
add("fr", "export", "neg",
    "«nettoie¦résume»:\nN° dossier;Nom;Prénom;Né(e) le;CP\n(aucune ligne)\nRéf;Marque;Prix\n$=TICKET;«Chanel¦Hermès¦Peugeot»;$=PRICE",
)
add("fr", "notes", "pos",
    "Bonjour,\n$PF et $PF.2 ont revu le dossier du sinistre du $D. Le scanner de $PL.3 est arrivé ; compte $ACCT. Bien à vous, $PF",
    "Note RH : $PFW a commencé le $D, entretien avec $PF.2 ou $PL.3. Nouvelle adresse : $ADDR, $ZIP $=CITY.",
    "$PLW, $PF.2 et $PF.3 assisteront au staff sur $PL.4 (née le $DOB).",
)
add("fr", "notes", "neg",
    "Bonjour,\nl'interne a revu le dossier («maladie d'Alzheimer¦syndrome de Guillain-Barré»). Rendez-vous en $=MONTH $=YEAR à «Lourdes¦Saint-Louis», facture $=TICKET de $=PRICE. Cordialement, le secrétariat",
)
# ---- Spanish
add("es", "handoff", "pos",
    "relevo hab. $=BED → $PF $=AGE, $=DX, «sigue febril¦estable¦en ayunas desde las 0h». $PL.2 «vuelve de TAC¦alta mañana¦caída esta noche», hija $PF.3 «avisada¦llamará» al $PH",
    "pase de planta «UCI¦3ª»: $PI - ingreso $D, Nº historia $MRN, dx $ICD → «sigue ATB¦analítica ok¦fisio». $PLW.2 «confuso¦quiere irse», $PF.3 de guardia",
)
add("es", "handoff", "neg",
    "relevo hab. $=BED → $=AGE, $=DX, «sigue febril¦estable», $=DRUG $=DOSE. «enfermedad de Crohn¦síndrome de Guillain-Barré¦signo de Murphy» conocido. $=ROLE avisado, control a las $=TIME",
)
add("es", "teamchat", "pos",
    "[$=TIME] $PF: ¿puede $PF.2 cubrir el $=WDAY? [$=TIME] $PF.2: sí, $PFW.3 ya la llamó\nUn abrazo, $PF",
    "@$PF reembolso a IBAN $IBAN de $P.2 «aprobado¦pendiente», póliza $HP, correo enviado a $EM.2\nUn abrazo, $PF.3",
)
add("es", "teamchat", "neg",
    "[$=TIME] $=ROLE: ¿quién cubre el $=WDAY? ticket $=TICKET «cerrado¦escalado», tarjeta acabada en $=LAST4, reembolso $=PRICE. «Zara¦Mercedes» v$=VER. Un abrazo, el equipo",
)
add("es", "export", "pos",
    "«limpia esta tabla¦quita duplicados»:\nNº historia;Apellidos;Nombre;F. nac.;CP\n$MRN;$PL;$PF;$DOB;$ZIP\n$MRN;$PL.2;$PF.2;$DOB;$ZIP",
    "«resume¦ordena»:\n$P, $ADDRL, tel. $PH\n$P.2, $ADDRL, tarjeta sanitaria $HP",
)
add("es", "export", "neg",
    "«limpia¦resume»:\nNº historia;Apellidos;Nombre;F. nac.;CP\n(sin filas)\nRef;Marca;Precio\n$=TICKET;«Zara¦Mercedes¦Ferrari»;$=PRICE",
)
add("es", "notes", "pos",
    "Hola,\n$PF y $PF.2 revisaron el siniestro del $D. El TAC de $PL.3 ya está; cuenta $ACCT. Saludos, $PF",
    "Nota RRHH: $PFW empezó el $D, entrevista con $PF.2 o $PL.3. Nueva dirección: $ADDR, $ZIP $=CITY.",
    "$PLW, $PF.2 y $PF.3 irán a la sesión clínica sobre $PL.4 (nacida el $DOB).",
)
add("es", "notes", "neg",
    "Hola,\nel residente revisó el informe («enfermedad de Alzheimer¦linfoma de Hodgkin»). Cita en $=MONTH de $=YEAR en «Santa Maria¦San José», factura $=TICKET de $=PRICE. Saludos, Administración",
)
# ---- Italian
add("it", "handoff", "pos",
    "consegne letto $=BED → $PF $=AGE, $=DX, «ancora febbrile¦parametri ok¦digiuno da mezzanotte». $PL.2 «rientrato da TC¦dimissione domani¦caduta stanotte», figlia $PF.3 «avvisata¦richiama» al $PH",
    "giro visita «3°¦UTIC»: $PI - ricovero $D, cartella $MRN, dx $ICD → «prosegue ATB¦esami ok¦fisio». $PLW.2 «confuso¦vuole andare a casa», $PF.3 di guardia",
)
add("it", "handoff", "neg",
    "consegne letto $=BED → $=AGE, $=DX, «ancora febbrile¦stabile», $=DRUG $=DOSE. «tiroidite di Hashimoto¦morbo di Crohn¦segno di Babinski» noto. $=ROLE avvisato, controllo alle $=TIME",
)
add("it", "teamchat", "pos",
    "[$=TIME] $PF: $PF.2 può coprire $=WDAY? [$=TIME] $PF.2: sì, $PFW.3 l'ha già richiamata\nGrazie mille, $PF",
    "@$PF rimborso su IBAN $IBAN di $P.2 «approvato¦in sospeso», nr. polizza $HP, mail inviata a $EM.2\nGrazie mille, $PF.3",
)
add("it", "teamchat", "neg",
    "[$=TIME] $=ROLE: chi copre $=WDAY? ticket $=TICKET «chiuso¦inoltrato», carta che termina con $=LAST4, rimborso $=PRICE. «Ferrari¦Ferrero» v$=VER. Grazie mille, il team",
)
add("it", "export", "pos",
    "«pulisci questa tabella¦togli i doppioni»:\nCartella;Cognome;Nome;Nato il;CAP\n$MRN;$PL;$PF;$DOB;$ZIP\n$MRN;$PL.2;$PF.2;$DOB;$ZIP",
    "«riassumi¦riordina»:\n$P, $ADDRL, tel. $PH\n$P.2, $ADDRL, nr. polizza $HP",
)
add("it", "export", "neg",
    "«pulisci¦riassumi»:\nCartella;Cognome;Nome;Nato il;CAP\n(nessuna riga)\nCod;Marca;Prezzo\n$=TICKET;«Ferrari¦Ferrero¦Bosch»;$=PRICE",
)
add("it", "notes", "pos",
    "Ciao,\n$PF e $PF.2 hanno rivisto il sinistro del $D. La TC di $PL.3 è arrivata; conto $ACCT. Saluti, $PF",
    "Nota HR: $PFW ha iniziato il $D, colloquio con $PF.2 o $PL.3. Nuovo indirizzo: $ADDR, $ZIP $=CITY.",
    "$PLW, $PF.2 e $PF.3 parteciperanno alla riunione su $PL.4 (nata il $DOB).",
)
add("it", "notes", "neg",
    "Ciao,\nlo specializzando ha rivisto il referto («morbo di Alzheimer¦linfoma di Hodgkin»). Visita a $=MONTH $=YEAR a «Firenze¦Lourdes», fattura $=TICKET di $=PRICE. Saluti, la segreteria",
)
# ---- Portuguese
add("pt", "handoff", "pos",
    "passagem cama $=BED → $PF $=AGE, $=DX, «mantém febre¦estável¦em jejum desde as 0h». $PL.2 «voltou da TAC¦alta amanhã¦queda esta noite», filha $PF.3 «avisada¦liga de volta» $PH",
    "visita «UCI¦piso 3»: $PI - internamento $D, processo $MRN, dx $ICD → «mantém ATB¦análises ok¦fisio». $PLW.2 «confuso¦quer ir para casa», $PF.3 de serviço",
)
add("pt", "handoff", "neg",
    "passagem cama $=BED → $=AGE, $=DX, «mantém febre¦estável», $=DRUG $=DOSE. «doença de Crohn¦paralisia de Bell¦sinal de Babinski» conhecido. $=ROLE avisado, controlo às $=TIME",
)
add("pt", "teamchat", "pos",
    "[$=TIME] $PF: a $PF.2 pode cobrir $=WDAY? [$=TIME] $PF.2: sim, a $PFW.3 já ligou à cliente\nObrigada, $PF",
    "@$PF reembolso para IBAN $IBAN de $P.2 «aprovado¦pendente», apólice $HP, email enviado para $EM.2\nObrigada, $PF.3",
)
add("pt", "teamchat", "neg",
    "[$=TIME] $=ROLE: quem cobre $=WDAY? ticket $=TICKET «fechado¦escalado», cartão terminado em $=LAST4, reembolso $=PRICE. «Zara¦Mercedes» v$=VER. Obrigada, a equipa",
)
add("pt", "export", "pos",
    "«limpa esta tabela¦remove duplicados»:\nProcesso;Apelido;Nome;Data nasc.;CP\n$MRN;$PL;$PF;$DOB;$ZIP\n$MRN;$PL.2;$PF.2;$DOB;$ZIP",
    "«resume¦organiza»:\n$P, $ADDRL, tel. $PH\n$P.2, $ADDRL, nº utente $HP",
)
add("pt", "export", "neg",
    "«limpa¦resume»:\nProcesso;Apelido;Nome;Data nasc.;CP\n(sem linhas)\nRef;Marca;Preço\n$=TICKET;«Zara¦Mercedes¦Bosch»;$=PRICE",
)
add("pt", "notes", "pos",
    "Olá,\n$PF e $PF.2 reviram o sinistro de $D. A TAC de $PL.3 já chegou; conta $ACCT. Cumprimentos, $PF",
    "Nota RH: $PFW começou a $D, reunião com $PF.2 ou $PL.3. Nova morada: $ADDR, $ZIP $=CITY.",
    "$PLW, $PF.2 e $PF.3 vão à reunião sobre $PL.4 (nascida a $DOB).",
)
add("pt", "notes", "neg",
    "Olá,\no interno reviu o relatório («doença de Alzheimer¦linfoma de Hodgkin»). Consulta em $=MONTH de $=YEAR em «Fátima¦Lourdes», fatura $=TICKET de $=PRICE. Cumprimentos, a secretaria",
)
# ---- Dutch
add("nl", "handoff", "pos",
    "overdracht bed $=BED → $PF $=AGE, $=DX, «nog koortsig¦stabiel¦nuchter vanaf 0u». $PL.2 «terug van CT¦morgen ontslag¦gevallen vannacht», dochter $PF.3 «ingelicht¦belt terug» $PH",
    "visite «IC¦afd. 3»: $PI - opname $D, patiëntnr $MRN, dx $ICD → «AB continueren¦lab ok¦fysio». $PLW.2 «verward¦wil naar huis», $PF.3 heeft dienst",
)
add("nl", "handoff", "neg",
    "overdracht bed $=BED → $=AGE, $=DX, «nog koortsig¦stabiel», $=DRUG $=DOSE. «ziekte van Crohn¦ziekte van Addison¦teken van Babinski» bekend. $=ROLE ingelicht, controle om $=TIME",
)
add("nl", "teamchat", "pos",
    "[$=TIME] $PF: kan $PF.2 $=WDAY overnemen? [$=TIME] $PF.2: ja, $PFW.3 heeft haar al teruggebeld\nGroetjes, $PF",
    "@$PF terugbetaling op IBAN $IBAN van $P.2 «goedgekeurd¦in behandeling», polisnr $HP, mail naar $EM.2\nGroetjes, $PF.3",
)
add("nl", "teamchat", "neg",
    "[$=TIME] $=ROLE: wie neemt $=WDAY over? ticket $=TICKET «gesloten¦doorgezet», pas eindigt op $=LAST4, terugbetaling $=PRICE. «Philips¦Heineken» v$=VER. Groetjes, het team",
)
add("nl", "export", "pos",
    "«schoon deze tabel op¦ontdubbel»:\nPatiëntnr;Achternaam;Voornaam;Geb.datum;Postcode\n$MRN;$PL;$PF;$DOB;$ZIP\n$MRN;$PL.2;$PF.2;$DOB;$ZIP",
    "«vat samen¦orden»:\n$P, $ADDRL, tel. $PH\n$P.2, $ADDRL, polisnr $HP",
)
add("nl", "export", "neg",
    "«opschonen¦samenvatten»:\nPatiëntnr;Achternaam;Voornaam;Geb.datum;Postcode\n(geen rijen)\nArt;Merk;Prijs\n$=TICKET;«Philips¦Heineken¦Bosch»;$=PRICE",
)
add("nl", "notes", "pos",
    "Hoi,\n$PF en $PF.2 hebben de schade van $D bekeken. De CT van $PL.3 is binnen; rekening $ACCT. Groet, $PF",
    "HR-notitie: $PFW is op $D begonnen, gesprek met $PF.2 of $PL.3. Nieuw adres: $ADDR, $ZIP $=CITY.",
    "$PLW, $PF.2 en $PF.3 gaan naar het MDO over $PL.4 (geboren $DOB).",
)
add("nl", "notes", "neg",
    "Hoi,\nde arts-assistent heeft het verslag bekeken («ziekte van Alzheimer¦ziekte van Hodgkin»). Afspraak in $=MONTH $=YEAR in «Lourdes¦Charlotte», factuur $=TICKET van $=PRICE. Groet, het secretariaat",
)

# ---- one more team-chat positive per language (IP address, card, account)
add("de", "teamchat", "pos", "[$=TIME] $PF: Login von IP $IP auf Konto $ACCT «gesperrt¦geprüft», Karte $CC von $P.2 ersetzt. $PFW.3 ruft sie an\nLG $PF")
add("fr", "teamchat", "pos", "[$=TIME] $PF : connexion depuis l'IP $IP sur le compte $ACCT «bloquée¦vérifiée», carte $CC de $P.2 remplacée. $PFW.3 la rappelle\nMerci, $PF")
add("es", "teamchat", "pos", "[$=TIME] $PF: acceso desde IP $IP a la cuenta $ACCT «bloqueado¦revisado», tarjeta $CC de $P.2 sustituida. $PFW.3 la llama\nUn abrazo, $PF")
add("it", "teamchat", "pos", "[$=TIME] $PF: accesso da IP $IP sul conto $ACCT «bloccato¦verificato», carta $CC di $P.2 sostituita. $PFW.3 la richiama\nGrazie mille, $PF")
add("pt", "teamchat", "pos", "[$=TIME] $PF: acesso do IP $IP à conta $ACCT «bloqueado¦verificado», cartão $CC de $P.2 substituído. A $PFW.3 liga-lhe\nObrigada, $PF")
add("nl", "teamchat", "pos", "[$=TIME] $PF: login vanaf IP $IP op rekening $ACCT «geblokkeerd¦gecontroleerd», pas $CC van $P.2 vervangen. $PFW.3 belt haar\nGroetjes, $PF")

# ---------------------------------------------------------------- rendering
ALT = re.compile(r"«([^«»]*)»")
PH = re.compile(r"\$(\$|=[A-Z0-9]+|[A-Z0-9]+)(?:\.(\d))?")
SIMPLE = {"EM": "EMAIL", "PH": "PHONE", "DOB": "DATE", "D": "DATE", "ADDR": "STREET_ADDRESS",
          "ZIP": "ZIP_CODE", "MRN": "MEDICAL_RECORD_NUMBER", "HP": "HEALTH_PLAN_ID",
          "ACCT": "ACCOUNT_NUMBER", "IBAN": "IBAN", "CC": "CREDIT_CARD", "SSN": "US_SSN",
          "NHS": "UK_NHS", "ICD": "ICD10_CODE", "NPI": "NPI", "DL": "US_DRIVER_LICENSE", "IP": "IP_ADDRESS"}
NAME_FORMS = {"P", "PF", "PL", "PI", "PFW", "PLW"}


def pick_alts(r, t):
    while True:
        m = ALT.search(t)
        if not m:
            return t
        t = t[:m.start()] + r.choice(m.group(1).split("¦")) + t[m.end():]


class Ctx:
    def __init__(self, r, lang):
        self.r, self.lang = r, lang
        self.people = {}
        self.used = set()
        self.sub = r.choice(["us", "uk"])  # English address/postcode system in one record

    def person(self, idx, word_g, word_s):
        if idx in self.people:
            return self.people[idx]
        r = self.r
        for _ in range(1000):
            g = r.choice(GIVEN_WORD if word_g else (GIVEN_WORD + GIVEN_OTHER if r.random() < 0.3 else GIVEN_OTHER))
            s = r.choice(SUR_WORD if word_s else (SUR_WORD + SUR_OTHER if r.random() < 0.3 else SUR_OTHER))
            keys = {g.lower(), s.lower()}
            if len(keys) == 2 and not keys & self.used:
                self.used |= keys
                p = {"g": g, "s": s}
                self.people[idx] = p
                return p
        raise AssertionError("no fresh name")


def word_needs(t):
    need = {}
    for m in PH.finditer(t):
        k, i = m.group(1), m.group(2) or "1"
        if k in ("PFW", "PLW"):
            need.setdefault(i, [False, False])[0 if k == "PFW" else 1] = True
    return need


def render(r, lang, sl, tmpl):
    t = pick_alts(r, tmpl)
    ctx = Ctx(r, lang)
    for i, (wg, ws) in sorted(word_needs(t).items()):
        ctx.person(i, wg, ws)
    rec_lower = sl == "handoff" and r.random() < 0.55
    name_style = {"handoff": lambda: "lower" if r.random() < 0.3 else "asis",
                  "teamchat": lambda: "lower" if r.random() < 0.2 else "asis",
                  "export": lambda: "upper" if r.random() < 0.25 else "asis",
                  "notes": lambda: "asis"}[sl]
    rec_name_style = name_style() if sl == "export" else None
    segs = []
    pos = 0
    for m in PH.finditer(t):
        segs.append((t[pos:m.start()], None))
        pos = m.end()
        k, idx = m.group(1), m.group(2) or "1"
        if k == "$":
            segs.append(("$", None))
        elif k.startswith("="):
            segs.append((filler(r, lang, k[1:]), None))
        elif k in NAME_FORMS:
            p = ctx.person(idx, False, False)
            if k == "P":
                v = p["g"] + " " + p["s"]
            elif k in ("PF", "PFW"):
                v = p["g"]
            elif k in ("PL", "PLW"):
                v = p["s"]
            else:
                v = p["g"][0] + r.choice([". ", " ", "."]) + p["s"]
            st = rec_name_style or name_style()
            v = v.lower() if st == "lower" else (v.upper() if st == "upper" else v)
            segs.append((v, "PERSON"))
        elif k == "EM":
            segs.append((gen_email(r, lang, ctx.person(idx, False, False)), "EMAIL"))
        elif k == "ADDRL":
            segs.extend(addr_line(r, lang, ctx.sub))
        elif k in SIMPLE:
            segs.append((simple_value(r, lang, k, ctx.sub), SIMPLE[k]))
        else:
            raise KeyError(k)
    segs.append((t[pos:], None))
    if rec_lower:
        segs = [(s.lower(), l) for s, l in segs]
    text = ""
    spans = []
    b = 0
    for s, l in segs:
        n = len(s.encode("utf-8"))
        if l:
            spans.append({"entity": l, "start": b, "end": b + n, "_v": s})
        text += s
        b += n
    return text, spans, len(ctx.people)


def simple_value(r, lang, k, sub):
    return {
        "PH": lambda: gen_phone(r, lang),
        "DOB": lambda: gen_date(r, lang, True),
        "D": lambda: gen_date(r, lang, False),
        "ADDR": lambda: gen_addr(r, lang, sub),
        "ZIP": lambda: gen_zip(r, lang, sub),
        "MRN": lambda: gen_mrn(r, lang),
        "HP": lambda: gen_hp(r, lang),
        "ACCT": lambda: gen_acct(r),
        "IBAN": lambda: gen_iban(r, lang),
        "CC": lambda: gen_cc(r),
        "SSN": lambda: gen_ssn(r),
        "NHS": lambda: gen_nhs(r),
        "ICD": lambda: r.choice(ICD),
        "NPI": lambda: gen_npi(r),
        "DL": lambda: gen_dl(r),
        "IP": lambda: gen_ip(r),
    }[k]()


def addr_line(r, lang, sub):
    a = (gen_addr(r, lang, sub), "STREET_ADDRESS")
    z = (gen_zip(r, lang, sub), "ZIP_CODE")
    if lang == "en" and sub == "us":
        c = r.choice(CITIES["en_us"])
        z = ("%s%03d" % (c[2], r.randint(1, 999)), "ZIP_CODE")
        return [a, (", %s, %s " % (c[0], c[1]), None), z]
    if lang == "en":
        c = r.choice(CITIES["en_uk"])
        z = ("%s%d %d%s" % (c[1], r.randint(1, 19), r.randint(1, 9), "".join(r.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))), "ZIP_CODE")
        return [a, (", %s " % c[0], None), z]
    return [a, (", ", None), z, (" " + r.choice(CITIES[lang]), None)]


# ---------------------------------------------------------------- checks
DIGITRUN = re.compile(r"\d(?:[ \-]?\d)*")


def luhn_window(s):
    for m in DIGITRUN.finditer(s):
        d = re.sub(r"\D", "", m.group(0))
        for n in range(13, 20):
            for i in range(0, len(d) - n + 1):
                if luhn_ok(d[i:i + n]):
                    return True
    return False


def outside(text, spans):
    b = bytearray(text.encode("utf-8"))
    for s in spans:
        b[s["start"]:s["end"]] = b"#" * (s["end"] - s["start"])
    return b.decode("utf-8")


def value_ok(label, v):
    if label == "CREDIT_CARD":
        d = re.sub(r"\D", "", v)
        return len(d) in (15, 16) and luhn_ok(d)
    if label == "UK_NHS":
        return nhs_ok(v)
    if label == "NPI":
        return npi_ok(v)
    if label == "IBAN":
        return iban_ok(v)
    if label == "US_SSN":
        return ssn_ok(v)
    return True


def check_record(rec, pol):
    text, spans = rec["text"], rec["spans"]
    tb = text.encode("utf-8")
    prev = 0
    for s in spans:
        assert s["entity"] in LABELS, s
        assert prev <= s["start"] < s["end"], (rec["id"], s)
        prev = s["end"]
        v = tb[s["start"]:s["end"]].decode("utf-8")
        assert v == s["_v"] and v and v == v.strip(), (rec["id"], v)
        assert value_ok(s["entity"], v), (rec["id"], s["entity"], v)
    if pol == "neg":
        assert not spans
    else:
        assert spans
    out = outside(text, spans)
    if pol == "neg":
        assert "@" not in text, rec["id"]
    else:  # an @ outside spans only as an @mention right before a name span
        assert not re.search(r"@(?!#)", out), rec["id"]
    assert not luhn_window(out), rec["id"]
    assert not ALT.search(text) and "«" not in text and "¦" not in text, rec["id"]
    assert not re.search(r"\$[A-Z=]", text), rec["id"]


# ---------------------------------------------------------------- build
def plan():
    cells = []
    for li, lang in enumerate(LANGS):
        for si, sl in enumerate(SLICES):
            if lang == "en":
                n = 75
            else:
                n = 13 if (si - li) % 4 in (0, 1) else 12
            neg = int(n * 0.35 + 0.5)
            cells.append((lang, sl, n - neg, neg))
    return cells


def build():
    r = random.Random(SEED)
    recs = []
    seen = set()
    redraws = 0
    givens, surs = set(), set()
    for lang, sl, npos, nneg in plan():
        for pol, n in (("pos", npos), ("neg", nneg)):
            pool = T[(lang, sl, pol)]
            start = r.randrange(len(pool))
            for i in range(n):
                tmpl = pool[(start + i) % len(pool)]
                for _ in range(200):
                    text, spans, _np = render(r, lang, sl, tmpl)
                    rec = {"lang": lang, "slice": sl, "text": text, "spans": spans}
                    ok = text not in seen
                    if ok:
                        try:
                            check_record(dict(rec, id="?"), pol)
                        except AssertionError:
                            if pol == "neg" and spans:
                                raise
                            ok = False
                    if ok:
                        break
                    redraws += 1
                else:
                    raise AssertionError("cannot render %r" % tmpl)
                seen.add(text)
                rec["_pol"] = pol
                recs.append(rec)
    r.shuffle(recs)
    lines = []
    for i, rec in enumerate(recs):
        rec["id"] = "dev9-%04d" % (i + 1)
        check_record(rec, rec["_pol"])
        out = {"id": rec["id"], "lang": rec["lang"], "slice": rec["slice"], "text": rec["text"],
               "spans": [{"entity": s["entity"], "start": s["start"], "end": s["end"]} for s in rec["spans"]]}
        lines.append(json.dumps(out, ensure_ascii=False))
    assert len(set(r["id"] for r in recs)) == len(recs)
    assert len(set(r["text"] for r in recs)) == len(recs)
    return "\n".join(lines) + "\n", recs, redraws


def stats(recs, redraws):
    def pn(rs):
        p = sum(1 for x in rs if x["spans"])
        return p, len(rs) - p, len(rs)
    out = ["| lang | positive | negative | total |", "|---|---:|---:|---:|"]
    for lang in LANGS:
        out.append("| %s | %d | %d | %d |" % ((lang,) + pn([x for x in recs if x["lang"] == lang])))
    out.append("| all | %d | %d | %d |" % pn(recs))
    out += ["", "| slice | positive | negative | total |", "|---|---:|---:|---:|"]
    for sl in SLICES:
        out.append("| %s | %d | %d | %d |" % ((sl,) + pn([x for x in recs if x["slice"] == sl])))
    out.append("| all | %d | %d | %d |" % pn(recs))
    ents = {}
    for x in recs:
        for s in x["spans"]:
            e = ents.setdefault(s["entity"], {"spans": 0, "recs": set(), "lang": {l: 0 for l in LANGS}})
            e["spans"] += 1
            e["recs"].add(x["id"])
            e["lang"][x["lang"]] += 1
    out += ["", "| entity | spans | records | " + " | ".join(LANGS) + " |", "|---|---:|---:|" + "---:|" * len(LANGS)]
    for k, e in sorted(ents.items(), key=lambda kv: (-kv[1]["spans"], kv[0])):
        out.append("| %s | %d | %d | %s |" % (k, e["spans"], len(e["recs"]), " | ".join(str(e["lang"][l]) for l in LANGS)))
    out.append("| all | %d | %d | %s |" % (sum(e["spans"] for e in ents.values()), sum(1 for x in recs if x["spans"]),
                                            " | ".join(str(sum(e["lang"][l] for e in ents.values())) for l in LANGS)))
    tcount = {}
    for (lang, sl, pol), ts in T.items():
        tcount.setdefault(lang, [0, 0])[0 if pol == "pos" else 1] += len(ts)
    ntmpl = sum(len(v) for v in T.values())
    out += ["", "templates: %d (%s)" % (ntmpl, ", ".join("%s %d+%d" % (l, *tcount[l]) for l in LANGS)),
            "re-draws: %d; given names: %d (%d word-like); surnames: %d (%d word-like)" % (
                redraws, len(set(GIVEN_WORD + GIVEN_OTHER)), len(GIVEN_WORD), len(set(SUR_WORD + SUR_OTHER)), len(SUR_WORD))]
    return "\n".join(out)


def main():
    assert not set(GIVEN_WORD) & set(GIVEN_OTHER) and not set(SUR_WORD) & set(SUR_OTHER)
    assert len(set(GIVEN_WORD + GIVEN_OTHER)) >= 150 and len(set(SUR_WORD + SUR_OTHER)) >= 150
    a, recs, redraws = build()
    b, _, _ = build()
    assert a == b, "two builds differ"
    with open("dev9.jsonl", "w", encoding="utf-8", newline="\n") as f:
        f.write(a)
    if "--stats" in sys.argv:
        print(stats(recs, redraws))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generator for eval-dev5: spoken and conversational text (calls, voicemails,
dictation, meetings, chat, handoffs) in en/de/fr/es/it/pt/nl.

Python 3 standard library only. Deterministic (fixed seed). All vocabulary is
hand-written below; every value is invented.

    python3 gen.py            # writes dev5.jsonl
    python3 gen.py --stats    # also prints counts
"""
import json
import random
import re
import sys
from collections import Counter, defaultdict

SEED = 20261207
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl"]
SLICES = ["call", "voicemail", "dictation", "meeting", "chat", "handoff"]
TOTAL = {"en": 500, "de": 84, "fr": 84, "es": 83, "it": 83, "pt": 83, "nl": 83}
NEG = {"en": 175, "de": 30, "fr": 29, "es": 29, "it": 29, "pt": 29, "nl": 29}
KINDS = set("""PERSON EMAIL PHONE US_SSN CREDIT_CARD IBAN US_BANK_ROUTING SWIFT_BIC
ACCOUNT_NUMBER IP_ADDRESS URL DATE STREET_ADDRESS ZIP_CODE MEDICAL_RECORD_NUMBER
HEALTH_PLAN_ID NPI DEA_NUMBER ICD10_CODE US_PASSPORT US_DRIVER_LICENSE UK_NHS UK_NINO
DE_TAX_ID FR_NIR ES_DNI IT_FISCAL_CODE NL_BSN VEHICLE_ID DEVICE_ID API_KEY""".split())

# ---------------------------------------------------------------- names
# Hand-written, invented combinations; mixed cultures.
GIVEN_F = """Ngozi Chiamaka Adaeze Folake Yetunde Abena Akosua Aminata Fatou Mariama Wanjiru Achieng
Nyambura Zawadi Amani Thandiwe Nomvula Lerato Priya Lakshmi Ananya Deepika Kavitha Meenakshi Farzana
Shreya Nimmi Mei Xiu Ying Yuki Haruka Aiko Ji-woo Seo-yeon Minh Thao Lan Maricel Rosalinda Siti Dewi
Malai Agnieszka Katarzyna Zofia Jana Olena Oksana Milica Jovana Ilona Ioana Eleni Despina Fatima Layla
Mariam Yasmin Noor Shirin Parisa Elif Zeynep Ayelet Tamar Anahit Nino Killa Citlali Ximena Guadalupe
Itziar Montserrat Conceição Graça Luana Giulia Chiara Benedetta Élodie Maëlle Solène Gudrun Ingrid Sigrid
Aino Liisa Ieva Kadri Losa Mele Aroha Leilani Siobhán Aoife Mairead Precious Mercy Grace Summer Hope
Ebony Latoya Keisha Annika Femke Saskia Marloes Lieke Brigitte Ulrike Renate Inès Nathalie Pilar Rocío""".split()
GIVEN_M = """Chidi Emeka Obinna Tunde Babatunde Kwame Kofi Yaw Mamadou Ousmane Ibrahima Musa Kamau Otieno
Baraka Juma Sipho Thabo Mandla Rajesh Arjun Vikram Sanjay Karthik Suresh Anil Harpreet Gurpreet Imran
Tariq Rahul Wei Jun Hao Kenji Takeshi Hiroshi Min-jun Jae-hyun Tuan Duc Rodel Bayani Agus Budi Somchai
Tomasz Piotr Wojciech Jakub Ondřej Dmytro Taras Bogdan Nikola Dragan László Mihai Dimitris Yannis
Omar Khalid Youssef Hassan Mehdi Dariush Emre Mustafa Avi Eitan Aram Giorgi Wayra Tupac Itzamná
Alejandro Joaquín Iñaki Jordi Xabier João Thiago Rodrigo Matteo Lorenzo Giuseppe Benoît Loïc Mathis
Bjørn Sven Magnus Eero Juhani Mindaugas Andris Tavita Sione Wiremu Keoni Cian Ruairí Declan Hunter
Sterling Fox Bear DeShawn Tyrone Marcus Jeroen Sander Bram Daan Klaus Jürgen Dieter Yannick Andrés""".split()
SURNAMES = """Okafor|Adeyemi|Okonkwo|Nwosu|Balogun|Oyelaran|Mensah|Asante|Owusu|Boateng|Diallo|Ndiaye|Sow|Kamara|Bello|Abubakar|Mwangi|Kariuki|Odhiambo|Otieno|Njoroge|Wambui|Dlamini|Nkosi|Mokoena|Khumalo|Sharma|Patel|Iyer|Krishnan|Nair|Menon|Reddy|Chatterjee|Banerjee|Gill|Sandhu|Perera|Fernando|Qureshi|Siddiqui|Khan|Wang|Li|Zhang|Chen|Liu|Huang|Wong|Chan|Tanaka|Suzuki|Watanabe|Nakamura|Kim|Park|Choi|Nguyen|Tran|Pham|Santos|Dela Cruz|Bautista|Wijaya|Santoso|Srisuk|Kowalski|Nowak|Wiśniewski|Zielińska|Nováková|Dvořák|Kovalenko|Shevchenko|Bondarenko|Petrović|Jovanović|Horváth|Nagy|Popescu|Ionescu|Papadopoulos|Georgiou|Haddad|Al-Masri|Mansour|Saleh|Hosseini|Rahimi|Yılmaz|Demir|Öztürk|Cohen|Levi|Mizrahi|Petrosyan|Harutyunyan|Beridze|Mamani|Quispe|Condori|Tzul|Pérez|García|Rodríguez|Etxeberria|Puig|Ferrer|Oliveira|Souza|Carvalho|Pereira|Rossi|Esposito|Bianchi|Colombo|Ricci|Moreau|Lefèvre|Girard|Fontaine|Müller|Schmidt|Becker|Hoffmann|Wagner|Lindqvist|Johansson|Andersen|Haugen|Virtanen|Korhonen|Kazlauskas|Bērziņš|Tamm|Tuilagi|Fa'amausili|Ngata|Tapsell|Kahananui|Fifita|Ó Súilleabháin|MacLeod|Murphy|Walsh|Baker|Stone|Bishop|Park|Hill|King|Young|Price|Washington|Jefferson|Jackson|de Vries|van Dijk|van der Berg|Bakker|Visser|Jansen|de Jong|Smit|Mulder|de Souza|dos Santos|da Silva|Ben Ali|El Amrani|Abdi|Tesfaye|Haile|Girma|Mekonnen|Bekele|Warsame|Hashemi""".split("|")
# The split keeps "de Vries" etc. because lower-case particles stay attached.
LOCAL_SUR = {
    "de": "Schneider Fischer Weber Krause Zimmermann Brandt Kühn Yıldız Lehmann Vogel Ahmadi".split(),
    "fr": "Dubois Lambert Rousseau Benali Mercier Chevalier Traoré Nguyen Haddad Roux".split(),
    "es": "Martínez López Sánchez Romero Navarro Ruiz Quispe Jiménez Morales Castillo".split(),
    "it": "Romano Greco Bruno Gallo Conti De Luca Mancini Costa Marino Fontana".split(),
    "pt": "Ferreira Costa Rodrigues Almeida Nascimento Gomes Martins Lopes Barbosa Ribeiro".split(),
    "nl": "Hendriks Dekker Brouwer Vermeulen Peeters Boukhari Kuipers Postma Meijer Yilmaz".split(),
    "en": "O'Brien Fitzgerald Henderson Okoro Ramírez Hughes Sullivan Thornton Abernathy".split(),
}
# fix multiword entries in LOCAL_SUR (De Luca)
LOCAL_SUR["it"] = ["Romano", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa",
                   "Marino", "Fontana"]

TITLES = {
    "en": (["Mrs", "Ms", "Miss"], ["Mr", "Mr."]), "de": (["Frau"], ["Herr", "Hr."]),
    "fr": (["Mme", "Madame"], ["M.", "Monsieur"]), "es": (["Sra.", "doña", "la señora"], ["Sr.", "don", "el señor"]),
    "it": (["sig.ra", "la signora"], ["sig.", "il signor"]), "pt": (["Sra.", "D."], ["Sr.", "o senhor"]),
    "nl": (["mevrouw", "mevr."], ["meneer", "dhr."]),
}
SEXL = {"en": "FM", "de": "wm", "fr": "FH", "es": "MV", "it": "FM", "pt": "FM", "nl": "VM"}

# ---------------------------------------------------------------- words
DIG = {
    "en": "zero one two three four five six seven eight nine".split(),
    "de": "null eins zwei drei vier fünf sechs sieben acht neun".split(),
    "fr": "zéro un deux trois quatre cinq six sept huit neuf".split(),
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve".split(),
    "it": "zero uno due tre quattro cinque sei sette otto nove".split(),
    "pt": "zero um dois três quatro cinco seis sete oito nove".split(),
    "nl": "nul een twee drie vier vijf zes zeven acht negen".split(),
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
EN_ORD = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
          "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first "
          "twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh "
          "twenty-eighth twenty-ninth thirtieth thirty-first").split()
EN_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
DE_ORD = ("ersten zweiten dritten vierten fünften sechsten siebten achten neunten zehnten elften zwölften "
          "dreizehnten vierzehnten fünfzehnten sechzehnten siebzehnten achtzehnten neunzehnten zwanzigsten "
          "einundzwanzigsten zweiundzwanzigsten dreiundzwanzigsten vierundzwanzigsten fünfundzwanzigsten "
          "sechsundzwanzigsten siebenundzwanzigsten achtundzwanzigsten neunundzwanzigsten dreißigsten "
          "einunddreißigsten").split()
NL_ORD_NUM = "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig".split()
ROMAN_DAY = {"fr": "premier", "es": "primero", "it": "primo", "pt": "primeiro"}
NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
        "h": "hotel", "j": "juliet", "k": "kilo", "l": "lima", "m": "mike", "n": "november", "p": "papa",
        "r": "romeo", "s": "sierra", "t": "tango", "w": "whiskey", "x": "x-ray", "z": "zulu"}
ASIN = {"a": "apple", "b": "boy", "c": "charlie", "d": "david", "e": "edward", "f": "frank", "g": "george",
        "h": "henry", "j": "john", "k": "king", "l": "larry", "m": "mary", "n": "nancy", "p": "peter",
        "r": "robert", "s": "sam", "t": "tom", "w": "william", "x": "x-ray", "z": "zebra"}


def en_num(n):
    if n < 20:
        return EN_ONES[n]
    t, o = divmod(n, 10)
    return EN_TENS[t] + ("" if o == 0 else "-" + EN_ONES[o])


def en_year(y):
    if y >= 2000:
        return "two thousand" + ("" if y == 2000 else (" and " if R.random() < .3 else " ") + en_num(y - 2000))
    hi, lo = divmod(y, 100)
    return en_num(hi) + " " + ("hundred" if lo == 0 else ("oh " + EN_ONES[lo] if lo < 10 else en_num(lo)))


# ---------------------------------------------------------------- checks
def luhn_ok(s):
    d = [int(c) for c in s if c.isdigit()]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def luhn_complete(prefix_digits):
    for c in "0123456789":
        if luhn_ok(prefix_digits + c):
            return prefix_digits + c


def iban_ok(s):
    s = s.replace(" ", "").upper()
    r = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1


def iban_make(cc, bban):
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    return cc + "%02d" % (98 - int(num) % 97) + bban


def nhs_check(d9):
    s = sum(int(c) * (10 - i) for i, c in enumerate(d9))
    r = 11 - s % 11
    return None if r == 10 else (0 if r == 11 else r)


def nhs_ok(s):
    d = re.sub(r"\D", "", s)
    return len(d) == 10 and nhs_check(d[:9]) == int(d[9])


def bsn_ok(s):
    d = re.sub(r"\D", "", s)
    return len(d) == 9 and (sum(int(c) * w for c, w in zip(d, [9, 8, 7, 6, 5, 4, 3, 2, -1])) % 11 == 0)


def ssn_ok(s):
    d = re.sub(r"\D", "", s)
    a, g, n = d[:3], d[3:5], d[5:]
    return len(d) == 9 and a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


DNI_L = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(s):
    s = s.replace("-", "").replace(" ", "").upper()
    return len(s) == 9 and s[:8].isdigit() and DNI_L[int(s[:8]) % 23] == s[8]


# ---------------------------------------------------------------- values
R = random.Random(SEED)


def rd(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def spell_digits(s, lang):
    """Spoken digits: words for each digit, keeping letters spelled; English may use oh/double."""
    out = []
    s2 = s.replace(" ", "").replace("-", "").replace("/", "").replace("(", "").replace(")", "").replace(".", "")
    i = 0
    while i < len(s2):
        c = s2[i]
        if c == "+":
            out.append({"en": "plus", "de": "plus", "fr": "plus", "es": "más", "it": "più", "pt": "mais", "nl": "plus"}[lang])
        elif c.isdigit():
            if lang == "en" and i + 1 < len(s2) and s2[i + 1] == c and R.random() < .35:
                out.append("double " + ("oh" if c == "0" and R.random() < .5 else DIG[lang][int(c)]))
                i += 2
                continue
            out.append("oh" if (lang == "en" and c == "0" and R.random() < .4) else DIG[lang][int(c)])
        elif c.isalpha():
            lc = c.lower()
            if lang == "en" and lc in ASIN and R.random() < .5:
                out.append("%s as in %s" % (lc, ASIN[lc]))
            elif lang == "en" and lc in NATO and R.random() < .3:
                out.append("%s for %s" % (lc, NATO[lc]))
            else:
                out.append(lc)
        i += 1
    sep = R.choice([" ", " ", " ", ", "]) if lang == "en" else " "
    return sep.join(out)


def spoken(s, lang):
    # either word digits or STT-style spaced digits
    if R.random() < .25:
        return " ".join(c for c in re.sub(r"[\s\-/().]", "", s))
    return spell_digits(s, lang)


DOUBLE_F = ["Marie-Claire", "Ana Lucía", "Maria João", "Anna-Lena", "Mary Beth", "Anne-Sophie", "María José"]
DOUBLE_M = ["Jean-Luc", "José Manuel", "Karl-Heinz", "Juan Pablo", "Gian Marco", "João Pedro", "Jan-Willem"]


class Person:
    def __init__(self, lang, g=None, used=None):
        used = set() if used is None else used
        self.fem = R.random() < .55 if g is None else g == "f"
        pool = GIVEN_F if self.fem else GIVEN_M
        while True:
            self.f = R.choice(pool)
            if R.random() < .05:
                self.f = R.choice(DOUBLE_F if self.fem else DOUBLE_M)
            if R.random() < .4:
                self.l = R.choice(LOCAL_SUR[lang])
            else:
                self.l = R.choice(SURNAMES)
            if lang == "es" and R.random() < .35:
                self.l = self.l + " " + R.choice(LOCAL_SUR["es"] + SURNAMES[:40])
            parts = (set(self.f.lower().replace("-", " ").split()) | set(self.l.lower().split())) - {
                "de", "van", "der", "dos", "da", "el", "ben", "dela", "ó"}
            if not parts & used:
                break
        used |= parts
        self.lang = lang

    def title(self):
        return R.choice(TITLES[self.lang][0 if self.fem else 1])

    def sex(self):
        return SEXL[self.lang][0 if self.fem else 1]

    def spell(self):
        w = self.l.split()[-1]
        letters = [c for c in w.lower() if c.isalpha()]
        style = R.random()
        if style < .55:
            return " ".join(letters)
        if style < .8:
            return "-".join(c.upper() for c in letters)
        return " ".join(c.upper() for c in letters)

    def email(self):
        import unicodedata
        def asc(x):
            return "".join(c for c in unicodedata.normalize("NFKD", x.lower()) if c.isalnum() and ord(c) < 128)
        f, l = asc(self.f.split()[0].split("-")[0]), asc(self.l.replace(" ", ""))
        user = R.choice([f + "." + l, f[0] + l, f + l + rd(2), l + "." + f, f + "_" + l])
        dom = R.choice({"en": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.co.uk", "proton.me"],
                        "de": ["gmx.de", "web.de", "t-online.de", "gmail.com"],
                        "fr": ["orange.fr", "free.fr", "laposte.net", "gmail.com"],
                        "es": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"],
                        "it": ["libero.it", "gmail.com", "virgilio.it", "tiscali.it"],
                        "pt": ["sapo.pt", "gmail.com", "hotmail.com", "uol.com.br"],
                        "nl": ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl"]}[self.lang])
        return user + "@" + dom

    def url(self):
        import unicodedata
        def asc(x):
            return "".join(c for c in unicodedata.normalize("NFKD", x.lower()) if c.isalnum() and ord(c) < 128)
        f, l = asc(self.f.split()[0].split("-")[0]), asc(self.l.replace(" ", ""))
        return R.choice(["linkedin.com/in/%s-%s-%s" % (f, l, rd(3)), "https://calendly.com/%s-%s" % (f, l),
                         "https://www.linkedin.com/in/%s%s" % (f, l), "%s%s.com" % (f, l),
                         "https://github.com/%s%s" % (f[0], l), "instagram.com/%s.%s" % (f, l)])


def draw_dob():
    return R.randint(1931, 2006), R.randint(1, 12), R.randint(1, 28)


def draw_recent():
    return R.choice([2025, 2026]), R.randint(1, 12), R.randint(1, 28)


def fmt_date(d, lang, spoken_form=False):
    y, m, dd = d
    M = MONTHS[lang]
    if spoken_form:
        if lang == "en":
            return R.choice(["the %s of %s %s" % (EN_ORD[dd - 1], M[m - 1].lower(), en_year(y)),
                             "%s %s %s" % (M[m - 1].lower(), EN_ORD[dd - 1], en_year(y)),
                             "%s %s %s" % (M[m - 1].lower(), en_num(dd), en_year(y)),
                             "%s %s %s" % (en_num(m), en_num(dd), en_year(y).replace(" and ", " "))])
        if lang == "de":
            return R.choice(["%s %s %d" % (DE_ORD[dd - 1], M[m - 1], y), "%d. %s %d" % (dd, M[m - 1], y)])
        if lang == "nl":
            return "%s %s %d" % (NL_ORD_NUM[dd - 1] if dd <= 20 else str(dd), M[m - 1], y)
        day = ROMAN_DAY[lang] if dd == 1 else (DIG[lang][dd] if dd < 10 else str(dd))
        mid = {"fr": " ", "es": " de ", "it": " ", "pt": " de "}[lang]
        end = {"fr": " ", "es": " de ", "it": " ", "pt": " de "}[lang]
        return "%s%s%s%s%d" % (day, mid, M[m - 1], end, y)
    r = R.random()
    if lang == "en":
        if r < .4:
            return "%d/%d/%d" % (m, dd, y) if R.random() < .6 else "%02d/%02d/%d" % (dd, m, y)
        if r < .7:
            return "%d %s %d" % (dd, M[m - 1][:3] if R.random() < .4 else M[m - 1], y)
        return "%s %d, %d" % (M[m - 1], dd, y)
    if lang == "de":
        return R.choice(["%02d.%02d.%d" % (dd, m, y), "%d.%d.%d" % (dd, m, y), "%d. %s %d" % (dd, M[m - 1], y)])
    if lang == "nl":
        return R.choice(["%d-%d-%d" % (dd, m, y), "%02d-%02d-%d" % (dd, m, y), "%d %s %d" % (dd, M[m - 1], y)])
    sep = " de " if lang in ("es", "pt") else " "
    return R.choice(["%02d/%02d/%d" % (dd, m, y), "%d/%d/%d" % (dd, m, y), "%d%s%s%s%d" % (dd, sep, M[m - 1], sep, y)])


def draw_phone(lang):
    if lang == "en":
        if R.random() < .6:
            a = R.choice(["614", "312", "469", "503", "704", "813", "919", "206", "412", "617"])
            n = "555" + "01" + rd(2) if R.random() < .5 else R.choice("2345678") + rd(2) + rd(4)
            return R.choice(["(%s) %s-%s", "%s-%s-%s", "%s %s %s", "+1 %s %s %s", "%s.%s.%s"]) % (a, n[:3], n[3:])
        return R.choice(["07700 900%s" % rd(3), "+44 7700 900%s" % rd(3), "0113 496 0%s" % rd(3),
                         "020 7946 0%s" % rd(3)])
    if lang == "de":
        return R.choice(["0151 %s" % rd(8), "0172 %s %s" % (rd(3), rd(4)), "+49 30 %s" % rd(7),
                         "089 / %s %s" % (rd(3), rd(4)), "+49 176 %s" % rd(8)])
    if lang == "fr":
        d = [R.choice("67")] + [rd(2) for _ in range(4)]
        return R.choice(["0%s %s %s %s %s", "+33 %s %s %s %s %s", "0%s.%s.%s.%s.%s"]) % tuple(d)
    if lang == "es":
        return R.choice(["6%s %s %s" % (rd(2), rd(3), rd(3)), "+34 6%s %s %s %s" % (rd(2), rd(2), rd(2), rd(2)),
                         "91 %s %s %s" % (rd(3), rd(2), rd(2))])
    if lang == "it":
        return R.choice(["33%s %s %s" % (R.choice("3458"), rd(3), rd(4)), "+39 34%s %s%s" % (R.choice("0789"), rd(3), rd(4)),
                         "02 %s %s" % (rd(4), rd(4))])
    if lang == "pt":
        return R.choice(["91%s %s %s" % (R.choice("2346"), rd(3), rd(3)), "+351 96%s %s %s" % (R.choice("1234"), rd(3), rd(3)),
                         "(11) 9%s-%s" % (rd(4), rd(4)), "+55 21 9%s-%s" % (rd(4), rd(4))])
    return R.choice(["06-%s" % rd(8), "06 %s %s" % (rd(4), rd(4)), "+31 6 %s" % rd(8), "020 %s %s" % (rd(3), rd(4))])


STREETS = {
    "en": ["Elm Street", "Maple Ave", "Oak Drive", "Kingsley Road", "Cedar Lane", "Willow Court", "Harbour View",
           "Church Lane", "Linden Blvd", "Mill Road", "Orchard Way", "Prospect Street", "Sycamore Close"],
    "de": ["Lindenstraße", "Bahnhofstr.", "Am Mühlbach", "Gartenweg", "Schillerstraße", "Birkenallee", "Kirchgasse"],
    "fr": ["rue des Lilas", "avenue Jean Jaurès", "impasse des Tilleuls", "rue du Moulin", "boulevard Voltaire", "chemin des Vignes"],
    "es": ["Calle Mayor", "Avenida de la Constitución", "Calle del Olivo", "Paseo de las Acacias", "Calle San Bernardo"],
    "it": ["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele", "Via dei Mille", "Viale dei Pini", "Via Manzoni"],
    "pt": ["Rua das Flores", "Avenida da Liberdade", "Rua do Carmo", "Travessa da Boavista", "Rua Augusta"],
    "nl": ["Kerkstraat", "Dorpsstraat", "Molenweg", "Lindelaan", "Prinsengracht", "Beukenlaan", "Stationsweg"],
}


def draw_addr(lang):
    s = R.choice(STREETS[lang])
    n = R.randint(1, 240)
    if lang == "en":
        a = R.choice(["%d %s" % (n, s), "%d %s Apt %d%s" % (n, s, R.randint(1, 9), R.choice("ABC")),
                      "Flat %d, %d %s" % (R.randint(1, 12), n, s), "%d %s, Unit %d" % (n, s, R.randint(1, 30))])
    elif lang in ("de", "nl"):
        a = "%s %d%s" % (s, n, R.choice(["", "", "a", "b"]))
    elif lang == "fr":
        a = "%d%s %s" % (n, R.choice(["", "", " bis"]), s)
    elif lang == "es":
        a = R.choice(["%s %d, %dº %s" % (s, n, R.randint(1, 8), R.choice("ABCD")), "%s, %d" % (s, n)])
    elif lang == "it":
        a = R.choice(["%s %d" % (s, n), "%s %d, int. %d" % (s, n, R.randint(1, 20))])
    else:
        a = R.choice(["%s %d, %dº Esq." % (s, n, R.randint(1, 8)), "%s, %d" % (s, n)])
    return a


def addr_spoken_en(a):
    m = re.match(r"(\d+) (.*)", a)
    if not m:
        return a
    n = int(m.group(1))
    if n >= 100 and R.random() < .6:
        w = EN_ONES[n // 100] + " " + ("oh " + EN_ONES[n % 100] if n % 100 < 10 else en_num(n % 100))
    else:
        w = en_num(n) if n < 100 else EN_ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + en_num(n % 100))
    return (w + " " + m.group(2)).lower()


def draw_zip(lang):
    if lang == "en":
        return R.choice([rd(5), rd(5), "%s-%s" % (rd(5), rd(4)), "LS%d %d%s" % (R.randint(1, 9), R.randint(1, 9), R.choice(["AB", "QT", "HN", "DY"])),
                         "M%d %d%s" % (R.randint(1, 20), R.randint(1, 9), R.choice(["WF", "PL", "RS"]))])
    if lang == "pt":
        return R.choice(["%s-%s" % (R.choice(["1100", "4000", "3030", "2790"]), rd(3)), "%s-%s" % ("0" + rd(4), rd(3))])
    if lang == "nl":
        return "%d %s" % (R.randint(1011, 9999), R.choice(["AB", "KL", "GT", "RS", "XP", "MN"]))
    return R.choice("1234567890".replace("0", "")) + rd(4)


def draw_mrn(lang):
    return {"en": lambda: R.choice([rd(7), rd(8), "M" + rd(7), "%s-%s" % (rd(3), rd(4))]),
            "de": lambda: R.choice(["%d/%s" % (R.choice([25, 26]), rd(6)), rd(8)]),
            "fr": lambda: R.choice([rd(8), "80" + rd(6)]),
            "es": lambda: rd(R.choice([6, 7])),
            "it": lambda: R.choice(["%d/%s" % (R.choice([2025, 2026]), rd(6)), rd(7)]),
            "pt": lambda: rd(R.choice([7, 8])),
            "nl": lambda: rd(7)}[lang]()


def draw_hp(lang):
    L = "ABCDEFGHJKMNPRSTWXYZ"
    return {"en": lambda: R.choice([R.choice(L) + rd(9), "".join(R.choice(L) for _ in range(3)) + rd(9),
                                    "%s%s%s-%s%s-%s" % (rd(1), R.choice(L), R.choice(L) + rd(1), R.choice(L), rd(1), R.choice(L) + R.choice(L) + rd(2))]),
            "de": lambda: R.choice(L) + rd(9),
            "fr": lambda: rd(R.choice([8, 9])),
            "es": lambda: "".join(R.choice(L) for _ in range(4)) + rd(12),
            "it": lambda: "POL-" + rd(7),
            "pt": lambda: rd(9),
            "nl": lambda: rd(R.choice([8, 9]))}[lang]()


def draw_acct():
    return rd(R.choice([8, 10, 12]))


def draw_ssn():
    while True:
        a = "%03d" % R.randint(1, 899)
        if a != "666":
            break
    return "%s-%02d-%04d" % (a, R.randint(1, 99), R.randint(1, 9999))


def draw_cc():
    k = R.random()
    if k < .5:
        p, n = "4" + rd(5), 16
    elif k < .8:
        p, n = "5" + R.choice("12345") + rd(4), 16
    else:
        p, n = "3" + R.choice("47") + rd(4), 15
    num = luhn_complete(p + rd(n - len(p) - 1))
    if n == 15:
        return R.choice(["%s %s %s" % (num[:4], num[4:10], num[10:]), num])
    return R.choice([" ".join(num[i:i + 4] for i in range(0, 16, 4)), num, "-".join(num[i:i + 4] for i in range(0, 16, 4))])


def draw_iban(lang):
    cc = {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "nl": "NL"}[lang]
    if cc == "GB":
        bban = R.choice(["NWBK", "BARC", "LOYD", "MIDL"]) + rd(6) + rd(8)
    elif cc == "DE":
        bban = rd(8) + rd(10)
    elif cc == "FR":
        bban = rd(5) + rd(5) + rd(11) + rd(2)
    elif cc == "ES":
        bban = rd(4) + rd(4) + rd(2) + rd(10)
    elif cc == "IT":
        bban = R.choice("ABCDEFGHJKLMNPRSTUVXYZ") + rd(5) + rd(5) + rd(12)
    elif cc == "PT":
        bban = rd(21)
    else:
        bban = R.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO"]) + rd(10)
    ib = iban_make(cc, bban)
    if R.random() < .6:
        return " ".join(ib[i:i + 4] for i in range(0, len(ib), 4))
    return ib


def draw_nhs():
    while True:
        d9 = R.choice("3456789") + rd(8)
        c = nhs_check(d9)
        if c is not None:
            d = d9 + str(c)
            return R.choice(["%s %s %s" % (d[:3], d[3:6], d[6:]), d, "%s-%s-%s" % (d[:3], d[3:6], d[6:])])


def draw_bsn():
    while True:
        d = R.choice("1234567") + rd(8)
        if bsn_ok(d):
            return d


def draw_dni():
    n = rd(8)
    return n + DNI_L[int(n) % 23]


def aba_ok(s):
    d = [int(c) for c in re.sub(r"\D", "", s)]
    return len(d) == 9 and sum(w * x for w, x in zip([3, 7, 1] * 3, d)) % 10 == 0


def draw_routing():
    while True:
        p = "%02d" % R.choice(list(range(1, 13)) + list(range(21, 33)))
        d = p + rd(6)
        for c in "0123456789":
            if aba_ok(d + c):
                return d + c


def draw_nino():
    p = R.choice(["AB", "CE", "JK", "NP", "RT", "SW", "HL", "MW", "PR", "TL", "EH", "WK"])
    d = rd(6)
    s = R.choice("ABCD")
    return R.choice(["%s %s %s %s %s" % (p, d[:2], d[2:4], d[4:], s), p + d + s])


# ---------------------------------------------------------------- vocabulary for fillers (never labelled)
VOC = {
    "epo": {"en": ["Graves' disease", "Parkinson's", "Crohn's", "Hashimoto's", "Cushing's", "Bell's palsy", "Addison's",
                   "Guillain-Barré", "Alzheimer's", "Down syndrome", "Raynaud's", "Hodgkin lymphoma", "Meniere's"],
            "de": ["Morbus Crohn", "Morbus Basedow", "Parkinson", "Hashimoto-Thyreoiditis", "Alzheimer-Demenz", "Morbus Bechterew"],
            "fr": ["maladie de Crohn", "maladie de Parkinson", "maladie de Basedow", "syndrome de Guillain-Barré", "maladie d'Alzheimer"],
            "es": ["enfermedad de Crohn", "Parkinson", "enfermedad de Graves", "síndrome de Down", "tiroiditis de Hashimoto"],
            "it": ["morbo di Crohn", "morbo di Basedow", "Parkinson", "Alzheimer", "tiroidite di Hashimoto", "sindrome di Down"],
            "pt": ["doença de Crohn", "doença de Parkinson", "doença de Alzheimer", "síndrome de Down", "tireoidite de Hashimoto"],
            "nl": ["ziekte van Crohn", "ziekte van Parkinson", "ziekte van Graves", "syndroom van Down", "ziekte van Alzheimer"]},
    "drug": {"en": ["Eliquis", "Ozempic", "Xarelto", "Tylenol", "Keytruda", "Humira", "Lantus", "Augmentin", "Zofran", "Lasix", "Entresto"],
             "de": ["Novalgin", "Ibuprofen", "Xarelto", "Pantozol", "Ramipril", "Eliquis", "L-Thyroxin"],
             "fr": ["Doliprane", "Spasfon", "Kardégic", "Levothyrox", "Eliquis", "Augmentin"],
             "es": ["Nolotil", "Adiro", "Sintrom", "Omeprazol", "Eutirox", "Enantyum"],
             "it": ["Tachipirina", "Oki", "Coumadin", "Eutirox", "Cardioaspirina", "Brufen"],
             "pt": ["Ben-u-ron", "Brufen", "Eliquis", "Victan", "Dipirona", "Losartana"],
             "nl": ["Paracetamol", "Movicol", "Eliquis", "Omeprazol", "Metformine", "Sintrom"]},
    "firm": {"en": ["Harlow & Finch LLP", "Banerjee Medical Supplies", "Whitfield & Rowe", "Kowalczyk Transport", "Stone & Bishop Audit",
                    "Price Young Partners", "Johnson Street Pharmacy", "Hunter Valley Credit Union", "Okoro Freight Ltd", "Grace Baker Foods"],
             "de": ["Schulte Sanitätshaus GmbH", "Apotheke am Hofmann-Platz", "Becker & Söhne", "Autohaus Krause", "Kanzlei Vogel Brandt"],
             "fr": ["Moreau Frères", "Pharmacie Lambert", "Cabinet Girard & Associés", "Transports Mercier", "Boulangerie Roux"],
             "es": ["Farmacia Navarro", "Clínica Ruiz Hermanos", "Transportes García", "Seguros Morales", "Óptica Castillo"],
             "it": ["Farmacia Bianchi", "Studio Conti & Gallo", "Ortopedia Ricci", "Assicurazioni Marino", "Ferramenta Bruno"],
             "pt": ["Clínica Santos & Filhos", "Farmácia Almeida", "Transportes Ribeiro", "Óptica Martins", "Seguros Barbosa"],
             "nl": ["Bakker Zorg BV", "Apotheek Hendriks", "Van Dijk Transport", "Visser & De Jong Advocaten", "Mulder Thuiszorg"]},
    "street_place": {"en": ["the Baker Street branch", "the Kings Road surgery", "Abbey Road Dental", "the Elm Street clinic", "the Washington Ave lot"],
                     "de": ["die Filiale Bahnhofstraße", "die Praxis in der Goethestraße", "das MVZ Schillerplatz"],
                     "fr": ["l'agence de la rue Victor Hugo", "le centre de la rue Pasteur", "la pharmacie du boulevard Voltaire"],
                     "es": ["la sucursal de la Calle Mayor", "el centro de salud de la Avenida Cervantes", "la oficina de Gran Vía"],
                     "it": ["la filiale di Via Garibaldi", "l'ambulatorio di Corso Mazzini", "la farmacia di Piazza Verdi"],
                     "pt": ["a agência da Rua Augusta", "o centro de saúde da Avenida Camões", "a loja da Rua do Carmo"],
                     "nl": ["het filiaal aan de Kerkstraat", "de huisartsenpost Rembrandtplein", "de apotheek aan de Stationsweg"]},
    "dept": {"en": ["Cardiology", "Patient Accounts", "Radiology", "Ward 7B", "Revenue Cycle", "Pharmacy", "Fraud Ops", "Member Services", "Oncology Day Unit"],
             "de": ["Kardiologie", "Patientenaufnahme", "Station 4", "Radiologie", "Forderungsmanagement", "Notaufnahme"],
             "fr": ["Cardiologie", "Admissions", "Radiologie", "le service de Gériatrie", "Recouvrement", "les Urgences"],
             "es": ["Cardiología", "Admisión", "Radiología", "Urgencias", "Atención al Cliente", "Farmacia Hospitalaria"],
             "it": ["Cardiologia", "Accettazione", "Radiologia", "Pronto Soccorso", "Ufficio Sinistri", "Farmacia Ospedaliera"],
             "pt": ["Cardiologia", "Admissões", "Radiologia", "Urgência", "Apoio ao Cliente", "Farmácia Hospitalar"],
             "nl": ["Cardiologie", "Patiëntenadministratie", "Radiologie", "de SEH", "Debiteurenbeheer", "Ziekenhuisapotheek"]},
    "wd": {"en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
           "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"], "es": ["lunes", "martes", "miércoles", "jueves", "viernes"],
           "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì"], "pt": ["segunda", "terça", "quarta", "quinta", "sexta"],
           "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]},
    "city": {"en": ["Leeds", "Columbus", "Phoenix", "Lagos", "Nairobi", "Manchester", "Cleveland", "Bristol", "Tampa"],
             "de": ["Köln", "Leipzig", "Bremen", "Augsburg", "Kassel"], "fr": ["Lyon", "Lille", "Nantes", "Rennes", "Dijon"],
             "es": ["Sevilla", "Bilbao", "Zaragoza", "Valencia", "Murcia"], "it": ["Bologna", "Torino", "Bari", "Verona", "Padova"],
             "pt": ["Porto", "Braga", "Coimbra", "Faro", "Campinas"], "nl": ["Utrecht", "Zwolle", "Eindhoven", "Groningen", "Leiden"]},
    "org": {"en": ["Riverside Health", "Northgate Bank", "BlueRidge Health Plan", "St Anne's", "Lakeshore Medical Group", "Meridian Mutual"],
            "de": ["Klinikum Nord", "Sparkasse Oberland", "AOK", "Praxis am Markt", "Evangelisches Krankenhaus"],
            "fr": ["CHU de Nantes", "Crédit Mutuel", "la mutuelle Harmonie", "Clinique du Parc", "la CPAM"],
            "es": ["Hospital del Sur", "Caja Rural", "Sanitas", "Centro de Salud Delicias", "Banco Atlántico"],
            "it": ["Ospedale Maggiore", "Banca Popolare", "ASL Roma 2", "Policlinico San Marco", "Unipol"],
            "pt": ["Hospital de Santa Maria", "Caixa Geral", "Médis", "Centro de Saúde de Benfica", "Banco do Norte"],
            "nl": ["Ziekenhuis Rijnstate", "Rabobank", "Zilveren Kruis", "huisartsenpraktijk De Linde", "UMC Zuid"]},
}


def tkt():
    return R.choice(["INC%07d" % R.randint(10000, 99999), "CHG-%d" % R.randint(1000, 9999), "JIRA-%d" % R.randint(100, 9999),
                     "ticket %d" % R.randint(10000, 999999), "#%d" % R.randint(1000, 99999)])


def ordno():
    return R.choice(["PO-%d" % R.randint(100000, 9999999), "order %d-%s" % (R.randint(10000, 99999), R.choice("ABCK")),
                     "batch %s%d" % (R.choice("LKX"), R.randint(1000, 99999)), "build %d.%d.%d" % (R.randint(1, 9), R.randint(0, 30), R.randint(0, 99)),
                     "lot %d%s" % (R.randint(100, 999), R.choice("ABCD"))])


def spoken_short(lang, n):
    return " ".join(DIG[lang][int(c)] for c in str(n))


# ---------------------------------------------------------------- templates
T = defaultdict(list)   # (lang, slice, pol) -> [template]


def add(lang, sl, pol, *tpls):
    for t in tpls:
        T[(lang, sl, pol)].append(t.strip("\n"))


SPK = {
    "en": [("Agent:", "Caller:"), ("AGENT:", "CUSTOMER:"), ("Rep:", "Member:"), ("Nurse:", "Patient:"), ("Agent:", "Customer:")],
    "de": [("Mitarbeiter:", "Anrufer:"), ("Agent:", "Kunde:"), ("Praxis:", "Patientin:")],
    "fr": [("Conseiller:", "Client:"), ("Agent :", "Appelant :"), ("Secrétariat:", "Patient:")],
    "es": [("Agente:", "Cliente:"), ("Operador:", "Llamante:"), ("Recepción:", "Paciente:")],
    "it": [("Operatore:", "Cliente:"), ("Agente:", "Chiamante:"), ("CUP:", "Paziente:")],
    "pt": [("Atendente:", "Cliente:"), ("Operador:", "Utente:"), ("Agente:", "Chamador:")],
    "nl": [("Medewerker:", "Beller:"), ("Agent:", "Klant:"), ("Assistente:", "Patiënt:")],
}


class Ctx:
    def __init__(self, lang):
        self.lang = lang
        self.cache = {}
        self.gender = {}
        self.used = set()
        r = R.random()
        if r < .45:
            self.spk = R.choice(SPK[lang])
            self.ts = None
        elif r < .75:
            self.spk = ("spk_0:", "spk_1:") if R.random() < .5 else ("Speaker 1:", "Speaker 2:")
            self.ts = None
        else:
            self.spk = ("Speaker 1:", "Speaker 2:") if R.random() < .6 else ("SPEAKER_00:", "SPEAKER_01:")
            self.ts = R.randint(0, 200)

    def tag(self, who):
        t = self.spk[0 if who == "A" else 1]
        if self.ts is None:
            return t
        self.ts += R.randint(3, 25)
        return "[%02d:%02d:%02d] %s" % (self.ts // 3600, (self.ts // 60) % 60, self.ts % 60, t)

    def get(self, base, maker):
        if base not in self.cache:
            self.cache[base] = maker()
        return self.cache[base]


def resolve(ctx, key):
    """Return (text, entity or None, raw for validation)."""
    lang = ctx.lang
    if key in ("A", "C"):
        return ctx.tag(key), None, None
    if key.startswith("="):
        name = key[1:]
        if name == "tkt":
            return tkt(), None, None
        if name == "ord":
            return ordno(), None, None
        if name == "age":
            return str(R.randint(19, 97)), None, None
        if name == "bed":
            return str(R.randint(1, 32)), None, None
        if name == "time":
            return R.choice(["%d:%02d" % (R.randint(7, 18), R.choice([0, 15, 30, 45])), "%d%s" % (R.randint(1, 11), R.choice(["am", "pm"]))]) if lang == "en" else "%d:%02d" % (R.randint(7, 19), R.choice([0, 15, 30, 45])), None, None
        v = VOC[name]
        return R.choice(v[lang] if isinstance(v, dict) else v), None, None
    base, _, attr = key.partition(".")
    m = re.match(r"([a-z]+)(\d*)$", base)
    kind = m.group(1)
    if kind == "p":
        p = ctx.get(base, lambda: Person(lang, ctx.gender.get(base), ctx.used))
        if attr == "":
            return p.f + " " + p.l, "PERSON", None
        if attr == "f":
            return p.f, "PERSON", None
        if attr == "l":
            return p.l, "PERSON", None
        if attr == "sp":
            return p.spell(), "PERSON", None
        if attr == "t":
            return p.title(), None, None
        if attr == "sx":
            return p.sex(), None, None
        if attr == "em":
            return ctx.get(base + ".em", p.email), "EMAIL", None
        if attr == "url":
            return ctx.get(base + ".url", p.url), "URL", None
        if attr == "fi":   # initial + surname, e.g. "A. Okafor"
            return p.f[0] + ". " + p.l, "PERSON", None
        raise KeyError(key)
    if kind in ("dob", "d"):
        if base == "d2" and "d1" in ctx.cache:
            import datetime
            y, mo, dd = ctx.cache["d1"]
            x = datetime.date(y, mo, dd) + datetime.timedelta(days=R.randint(2, 19))
            d = ctx.get(base, lambda: (x.year, x.month, x.day))
        else:
            d = ctx.get(base, draw_dob if kind == "dob" else draw_recent)
        return fmt_date(d, lang, attr == "sp"), "DATE", None
    makers = {"ph": (lambda: draw_phone(lang), "PHONE"), "addr": (lambda: draw_addr(lang), "STREET_ADDRESS"),
              "zip": (lambda: draw_zip(lang), "ZIP_CODE"), "mrn": (lambda: draw_mrn(lang), "MEDICAL_RECORD_NUMBER"),
              "hp": (lambda: draw_hp(lang), "HEALTH_PLAN_ID"), "acct": (draw_acct, "ACCOUNT_NUMBER"),
              "ssn": (draw_ssn, "US_SSN"), "cc": (draw_cc, "CREDIT_CARD"), "iban": (lambda: draw_iban(lang), "IBAN"),
              "nhs": (draw_nhs, "UK_NHS"), "bsn": (draw_bsn, "NL_BSN"), "dni": (draw_dni, "ES_DNI"),
              "nino": (draw_nino, "UK_NINO"), "rt": (draw_routing, "US_BANK_ROUTING")}
    mk, ent = makers[kind]
    v = ctx.get(base, mk)
    if attr == "sp":
        if kind == "addr":
            return (addr_spoken_en(v) if lang == "en" else v), ent, v
        return spoken(v, lang), ent, v
    return v, ent, v


ALT = re.compile(r"«([^«»]*)»")
PH = re.compile(r"⟨([^⟩]+)⟩")
LC_P = {"call": .45, "voicemail": .3, "dictation": .12, "meeting": .05, "chat": .5, "handoff": .2}


def render(tpl, lang, sl):
    s = tpl
    while True:
        n = ALT.sub(lambda m: R.choice(m.group(1).split("¦")), s)
        if n == s:
            break
        s = n
    ctx = Ctx(lang)
    for m in re.finditer(r"⟨p([fm])(\d+)", s):
        ctx.gender["p" + m.group(2)] = m.group(1)
    s = re.sub(r"⟨p[fm](\d+)", r"⟨p\1", s)
    lc = R.random() < LC_P[sl]
    segs = []
    pos = 0
    for m in PH.finditer(s):
        segs.append((s[pos:m.start()], None, None, None))
        key = m.group(1)
        segs.append(resolve(ctx, key) + (key,))
        pos = m.end()
    segs.append((s[pos:], None, None, None))
    # "Given Surname" / "Surname Given" written from two placeholders of one person is one name: merge
    merged = []
    i = 0
    while i < len(segs):
        t, ent, raw, key = segs[i]
        if (ent == "PERSON" and key and key.split(".")[-1] in ("f", "l") and i + 2 < len(segs)
                and segs[i + 1][0] == " " and segs[i + 2][3] and segs[i + 2][1] == "PERSON"
                and segs[i + 2][3].split(".")[0] == key.split(".")[0] and segs[i + 2][3].split(".")[-1] in ("f", "l")):
            merged.append((t + " " + segs[i + 2][0], ent, raw, None))
            i += 3
            continue
        merged.append(segs[i])
        i += 1
    text = b""
    spans = []
    raws = []
    for t, ent, raw, _ in merged:
        if lc:
            t = t.lower()
        bt = t.encode("utf-8")
        if ent:
            spans.append({"entity": ent, "start": len(text), "end": len(text) + len(bt)})
            raws.append((ent, t, raw))
        text += bt
    return text.decode("utf-8"), spans, raws


# ================================================================ ENGLISH
add("en", "call", 1, """
⟨A⟩ thank you for calling ⟨=org⟩ member services my name is ⟨p2.f⟩ can i start with the member id on the card
⟨C⟩ yeah hang on it's uh ⟨hp1.sp⟩
⟨A⟩ thank you and can you verify the name and date of birth
⟨C⟩ ⟨p1⟩ «that's ⟨p1.sp⟩¦last name is spelled ⟨p1.sp⟩» and my date of birth is ⟨dob1.sp⟩
⟨A⟩ perfect thank you ⟨p1.f⟩ how can i help today
""", """
⟨A⟩ ok so i just need to confirm a couple of things before we go ahead what's the first line of the address
⟨C⟩ ⟨addr1.sp⟩ «and the zip is ⟨zip1.sp⟩¦zip code ⟨zip1.sp⟩»
⟨A⟩ and a good call back number
⟨C⟩ «best one is my cell¦cell is» ⟨ph1.sp⟩
⟨A⟩ got it ⟨p1.t⟩ ⟨p1.l⟩ i'll note that on the account
""", """
⟨A⟩ fraud prevention this is ⟨p2.f⟩ speaking am i talking to ⟨p1⟩
⟨C⟩ yes speaking
⟨A⟩ we saw a couple of transactions we wanted to check can you read me the long number on the card
⟨C⟩ um ok ⟨cc1.sp⟩
⟨A⟩ and just the last four of your social
⟨C⟩ «actually you want the whole thing it's¦the whole thing is» ⟨ssn1.sp⟩
⟨A⟩ thank you i only needed the last four but that's fine
""", """
⟨A⟩ pharmacy refill line is this for yourself or someone else
⟨C⟩ it's for my mum ⟨pf1⟩ she's at ⟨addr1⟩
⟨A⟩ and her date of birth
⟨C⟩ ⟨dob1.sp⟩
⟨A⟩ ok i can see the ⟨=drug⟩ script is due «i'll send it over to the pharmacy on ⟨=city⟩ road¦it'll be ready after four»
⟨C⟩ thanks love can you text me on ⟨ph1⟩ when it's ready
""", """
⟨A⟩ ok can you give me your nhs number
⟨C⟩ it's ⟨nhs1.sp⟩
⟨A⟩ and that's for ⟨p1.t⟩ ⟨p1⟩
⟨C⟩ yes that's me the appointment letter said ⟨d1.sp⟩ but i can't make it
⟨A⟩ no problem i'll move you
""", """
⟨A⟩ billing this is ⟨p2⟩ how can i help
⟨C⟩ hi yeah i'm calling about a bill for my husband ⟨pm1.f⟩ «⟨p1.l⟩¦his last name is different it's ⟨p1.sp⟩» the account number is ⟨acct1.sp⟩
⟨A⟩ ok and what's the date of service on the statement
⟨C⟩ ⟨d1⟩ he was in the er
⟨A⟩ right i see it here
""", """
⟨A⟩ so to set up the direct debit i'll need the sort code and account number
⟨C⟩ sort code is four oh dash twelve dash «thirty four¦eighteen» and the account is ⟨acct1.sp⟩
⟨A⟩ lovely and the name on the account
⟨C⟩ ⟨p1⟩ and my national insurance number if you need it is ⟨nino1.sp⟩
""", """
⟨A⟩ hi there you've reached the scheduling desk who am i speaking with
⟨C⟩ this is ⟨p1.f⟩ um ⟨p1.l⟩ i had an mri booked with dr ⟨p2.l⟩
⟨A⟩ what's your medical record number it's on the top of the letter
⟨C⟩ mrn ⟨mrn1.sp⟩
⟨A⟩ and the email we should send the new time to
⟨C⟩ ⟨p1.em⟩
""")
add("en", "call", 0, """
⟨A⟩ thanks for calling ⟨=org⟩ all our agents are busy «your call is important to us¦please stay on the line»
⟨C⟩ hi yeah i'm calling about the letter about the ⟨=drug⟩ recall the lot number is ⟨=ord⟩
⟨A⟩ ok so that batch was pulled on ⟨=wd⟩ you can take it back to ⟨=street_place⟩ for a swap
⟨C⟩ great thanks
""", """
⟨A⟩ ⟨=dept⟩ can i help
⟨C⟩ yeah i just wanted to know if the clinic's open on ⟨=wd⟩ with the bank holiday
⟨A⟩ we're open nine till one and the ⟨=epo⟩ support group still meets upstairs
⟨C⟩ ok brilliant cheers
""", """
⟨A⟩ it support this is the service desk
⟨C⟩ hi the dictation software on the ward keeps crashing i logged it as ⟨=tkt⟩
⟨A⟩ is that on the new ⟨=ord⟩
⟨C⟩ yeah since the update on ⟨=wd⟩ morning
⟨A⟩ ok i'll escalate it to ⟨=firm⟩ they support that
""", """
⟨A⟩ you're through to ⟨=org⟩ how can i help
⟨C⟩ i'm just calling to ask what the opening hours are for ⟨=street_place⟩ over christmas
⟨A⟩ closed christmas day and boxing day open again on the twenty seventh
⟨C⟩ and is that the same for ⟨=dept⟩
⟨A⟩ yes same hours
""")
add("en", "voicemail", 1, """
hi this is ⟨p1⟩ calling from ⟨=org⟩ «about your prior authorization¦regarding the claim we received» for ⟨p2.f⟩ ⟨p2.l⟩ date of birth ⟨dob2.sp⟩ please call me back at ⟨ph1.sp⟩ thanks bye
""", """
Voicemail from ⟨ph1⟩ («0:42¦1:07»)
Transcript: "hey ⟨p2.f⟩ it's ⟨p1.f⟩ from the ⟨=dept⟩ team the ⟨=drug⟩ for ⟨p3.t⟩ ⟨p3.l⟩ in bed ⟨=bed⟩ hasn't come up from pharmacy can you give me a shout when you get this"
""", """
hello this message is for ⟨p1⟩ this is ⟨p2.f⟩ from the fraud team at ⟨=org⟩ we need to verify some activity on the card ending in «4471¦0193¦8820» please call us back on ⟨ph1.sp⟩ and quote reference ⟨=tkt⟩ «thank you¦have a good day»
""", """
hi it's ⟨p1.f⟩ ⟨p1.l⟩ again um i called yesterday about my mom's bill her name's ⟨pf2⟩ the account number is ⟨acct1.sp⟩ my number is ⟨ph1.sp⟩ i'm around after three thanks
""", """
New voicemail (⟨=time⟩) from ⟨p1⟩ ⟨ph1⟩:
"hi yes good morning it's ⟨p1.f⟩ i'm ringing to cancel my appointment on ⟨d1.sp⟩ with doctor ⟨p2.l⟩ my date of birth is ⟨dob1.sp⟩ and the nhs number is ⟨nhs1.sp⟩ thank you"
""", """
hi ⟨p2.f⟩ this is ⟨p1.f⟩ at ⟨=org⟩ returning your call re the patient ⟨p3.l⟩ «mrn ⟨mrn1.sp⟩¦medical record number ⟨mrn1⟩» the results are back i'll also email you at ⟨p2.em⟩ but call me on ⟨ph1⟩ if it's urgent
""", """
hey it's ⟨p1.f⟩ from ⟨p1.l⟩ household um i moved so can you update the address to ⟨addr1.sp⟩ ⟨=city⟩ ⟨zip1⟩ and the new number is ⟨ph1.sp⟩ ok thanks bye bye
""", """
Transcription (confidence: «low¦medium»): "hi this is uh ⟨p1⟩ calling on behalf of my father ⟨pm2.f⟩ ⟨p1.l⟩ he was discharged ⟨d1.sp⟩ and we still haven't got the paperwork his member id is ⟨hp1.sp⟩ you can reach me at ⟨ph1⟩"
""")
add("en", "voicemail", 0, """
hi this is the ⟨=dept⟩ team at ⟨=org⟩ just a reminder that the office will be closed ⟨=wd⟩ for staff training «if it's urgent please call one one one¦for emergencies dial nine one one» thank you
""", """
Voicemail (0:23): "hey team it's just a heads up the ⟨=drug⟩ delivery from ⟨=firm⟩ is running late so ⟨=street_place⟩ won't have it till ⟨=wd⟩ ok bye"
""", """
hello you've reached ⟨=org⟩ ⟨=dept⟩ our opening hours are monday to friday eight till six please leave a message after the tone «and we'll get back to you¦or visit our website»
""", """
hi all it's facilities the lifts in the ⟨=dept⟩ block are out again ticket's ⟨=tkt⟩ the engineer from ⟨=firm⟩ is coming ⟨=wd⟩ morning
""")
add("en", "dictation", 1, """
this is doctor ⟨p2.l⟩ dictating a clinic letter for ⟨p1⟩ comma date of birth ⟨dob1.sp⟩ comma MRN ⟨mrn1.sp⟩ period new paragraph dear doctor ⟨p3.l⟩ comma thank you for referring this ⟨=age⟩ year old «lady¦gentleman» with «poorly controlled diabetes¦⟨=epo⟩» period
""", """
Dictation - ⟨p2.fi⟩ - ⟨=dept⟩
patient ⟨pf1.l⟩ comma ⟨p1.f⟩ period seen today in clinic period she lives at ⟨addr1.sp⟩ with her daughter ⟨pf3.f⟩ comma who is the main carer period next of kin phone ⟨ph1.sp⟩ period
""", """
discharge summary for ⟨p1.t⟩ ⟨p1⟩ period admitted ⟨d1.sp⟩ comma discharged ⟨d2.sp⟩ period new line diagnosis colon community acquired pneumonia period new line follow up with ⟨p2.f⟩ ⟨p2.l⟩ in the respiratory clinic period
""", """
ok start dictation operative note patient name ⟨p1⟩ spelled ⟨p1.sp⟩ comma medical record number ⟨mrn1⟩ comma date of surgery ⟨d1⟩ period surgeon doctor ⟨p2.l⟩ comma assistant ⟨p3⟩ period
""", """
letter to ⟨p1.t⟩ ⟨p1.l⟩ at ⟨addr1⟩ comma ⟨=city⟩ comma ⟨zip1⟩ new paragraph dear ⟨p1.t⟩ ⟨p1.l⟩ comma i am writing to confirm your appointment on ⟨d1.sp⟩ period please bring your NHS number which we have as ⟨nhs1.sp⟩ period yours sincerely ⟨p2⟩ period end of letter
""", """
[dictated not read] This is ⟨p2.f⟩ ⟨p2.l⟩, nurse practitioner, dictating on ⟨p1⟩, DOB ⟨dob1⟩ period. Patient reports «chest tightness¦dizziness on standing¦worsening ankle swelling» since ⟨d1.sp⟩ period. Wife ⟨pf3.f⟩ present comma can be reached on ⟨ph1⟩ period.
""", """
Voice note transcript - pre-op assessment
⟨p1⟩ comma ⟨=age⟩ comma date of birth ⟨dob1⟩ new line insurance member ID ⟨hp1.sp⟩ new line allergies colon penicillin period new line lives alone at ⟨addr1.sp⟩ comma son ⟨pm3.f⟩ checks in daily period
""", """
addendum for ⟨p1.l⟩ open bracket MRN ⟨mrn1⟩ close bracket period spoke with pharmacist ⟨p2.f⟩ re ⟨=drug⟩ dose period patient's email for the portal is ⟨p1.em⟩ period next review ⟨d1.sp⟩ period
""")
add("en", "dictation", 0, """
template for the ⟨=dept⟩ clinic letter comma heading colon diagnosis comma plan comma follow up period new paragraph standard wording for ⟨=epo⟩ patients colon continue ⟨=drug⟩ comma review in six months period
""", """
this is a test of the dictation system for ⟨=org⟩ ⟨=dept⟩ period one two three testing period the microphone in room four is crackling again period ticket ⟨=tkt⟩ period
""", """
teaching note colon ⟨=epo⟩ versus ⟨=epo⟩ period new paragraph key point colon do not confuse the brand ⟨=drug⟩ with the generic period end of note
""", """
memo to all staff on ⟨=dept⟩ comma please note the ⟨=drug⟩ stock from ⟨=ord⟩ is quarantined until further notice period the rep from ⟨=firm⟩ will visit ⟨=wd⟩ period thank you period
""")
add("en", "meeting", 1, """
MDT ⟨=wd⟩ - ⟨=dept⟩
Attendees: ⟨p2⟩, ⟨p3⟩, ⟨p4.f⟩ (pharmacy), ⟨p5.l⟩
1. ⟨p1.l⟩ - «stable, plan home Friday¦awaiting echo¦family meeting needed»
2. ⟨p6.l⟩ (bed ⟨=bed⟩) - ⟨=epo⟩, review meds
Actions: ⟨p4.f⟩ to chase the lab re ⟨p1.l⟩; ⟨p3.f⟩ to call the daughter
""", """
transcript excerpt
⟨p2.f⟩: so the next one is ⟨pf1.f⟩ ⟨p1.l⟩ who came in ⟨d1.sp⟩
⟨p3.f⟩: yeah i saw her she's much better «the family want her closer to home¦she's asking to go home»
⟨p2.f⟩: ok can someone ring the son his number's in the notes «it's ⟨ph1⟩¦⟨ph1⟩ i think»
⟨p3.f⟩: i'll do it
""", """
Collections huddle notes
Present: ⟨p2.f⟩, ⟨p3.f⟩, ⟨p4.f⟩
- ⟨p1.l⟩ account ⟨acct1⟩ in arrears again, promised payment by ⟨d1⟩
- ⟨p5⟩ disputing the late fee, escalate to ⟨p3.f⟩
AP: ⟨p2.f⟩ to send the hardship form to ⟨p5.em⟩
""", """
Weekly safeguarding review (minutes by ⟨p2⟩)
Discussed ⟨p1.f⟩ (DOB ⟨dob1⟩), NHS ⟨nhs1⟩ - school nurse concerned about missed appointments. ⟨p3.f⟩ will visit home address ⟨addr1⟩ this week. Next review ⟨d1⟩.
""", """
[00:14:05] ⟨p2.f⟩: ok moving on the complaint from ⟨pf1.t⟩ ⟨p1.l⟩
[00:14:11] ⟨p3.f⟩: yeah she rang twice she's upset about the bill for her husband ⟨pm4.f⟩
[00:14:20] ⟨p2.f⟩: is that the one with the member id ⟨hp1⟩
[00:14:24] ⟨p3.f⟩: yep
[00:14:26] ⟨p2.f⟩: ok action for ⟨p5.f⟩ to call her back
""", """
Bed meeting ⟨=time⟩
- ⟨p1.l⟩ ready for discharge, waiting on transport
- ⟨p6.l⟩ and ⟨p7.l⟩ both need side rooms
- ⟨p2.f⟩ off sick, ⟨p3.f⟩ covering
Action: ⟨p4.f⟩ to speak to ⟨pm1.l⟩'s wife about the package of care
""", """
Notes from call with ⟨=firm⟩ re onboarding
Attendees: ⟨p2⟩ (us), ⟨p3⟩ and ⟨p4⟩ (them)
⟨p4.f⟩ confirmed the pilot customer is ⟨p1⟩, account ⟨acct1⟩, IBAN ⟨iban1⟩ for refunds.
Next steps: ⟨p3.f⟩ sends contract, ⟨p2.f⟩ books follow-up via ⟨p3.url⟩
""", """
M&M meeting - summary
Case 1: ⟨=age⟩ yo male, MRN ⟨mrn1⟩, admitted ⟨d1⟩, delayed diagnosis of sepsis. Presented by ⟨p2.fi⟩.
Case 2: ⟨p1.l⟩, fall on the ward, discussed with ⟨p3.f⟩ from risk.
Learning points circulated by ⟨p4.f⟩.
""")
add("en", "meeting", 0, """
Team meeting ⟨=wd⟩ - ⟨=dept⟩
Attendees: ward manager, two charge nurses, pharmacy rep
1. ⟨=drug⟩ shortage - use alternative until ⟨=ord⟩ arrives
2. Rota for the bank holiday weekend
3. Audit of ⟨=epo⟩ referrals due end of quarter
AP: pharmacy to email the team with the update
""", """
Minutes - vendor review with ⟨=firm⟩
- ticket ⟨=tkt⟩ still open, root cause was the ⟨=ord⟩ firmware
- next release planned for the 14th of next month
- ⟨=street_place⟩ goes live after ⟨=dept⟩
""", """
standup transcript
spk_0: morning all quick one today
spk_1: the interface to ⟨=org⟩ is down since ⟨=wd⟩ raised ⟨=tkt⟩
spk_0: ok and the ⟨=dept⟩ migration
spk_1: on track for go live on the first
""", """
Quality committee
- Hand hygiene audit: ⟨=dept⟩ 94%, ⟨=dept⟩ 88%
- ⟨=epo⟩ pathway refreshed, see shared drive
- Thanks to the night team for covering ⟨=wd⟩
Next meeting: first Tuesday of the month
""")
add("en", "chat", 1, """
⟨p2.f⟩: pls ask ⟨p1.f⟩ re bed ⟨=bed⟩ «the bloods are back¦did the obs get done»
⟨p3.f⟩: will do 👍
""", """
hey ⟨p2.f⟩ can u check acct ⟨acct1⟩ for me, customer ⟨p1.l⟩ says the payment went out «twice¦on the wrong day» 🙏
""", """
@⟨p2.f⟩ ⟨p1⟩ dob ⟨dob1⟩ is in the waiting room asking for you
""", """
[⟨=time⟩] ⟨p2⟩: anyone got a number for ⟨p1.l⟩'s daughter?
[⟨=time⟩] ⟨p3⟩: ⟨ph1⟩ it's in epic too
[⟨=time⟩] ⟨p2⟩: ty!!
""", """
msg from ⟨p2.f⟩: fyi ⟨p1⟩ emailed from a new address ⟨p1.em⟩ can u update crm before u go
""", """
sms to patient: Hi ⟨p1.f⟩, this is ⟨=org⟩. Your appt is confirmed for ⟨d1⟩ at ⟨=time⟩. Reply C to cancel.
""", """
⟨p2.f⟩ 9:41: customer on hold says her card got swallowed, full no. is ⟨cc1⟩ can u block it
⟨p3.f⟩ 9:42: done. dont paste card nos in here next time 😬
""", """
lol ⟨p2.f⟩ the guy in rm ⟨=bed⟩ (⟨pm1.l⟩) asked if u were single 😂
⟨p2.f⟩: stop 🙈 has he had his ⟨=drug⟩
""", """
WhatsApp: hi its ⟨p1.f⟩ ⟨p1.l⟩ my member id is ⟨hp1⟩ can someone call me back on ⟨ph1⟩ pls
""", """
⟨p2.f⟩: can someone add ⟨pf1⟩ to the huddle, her calendar is ⟨p1.url⟩
""")
add("en", "chat", 0, """
morning all ☀️ reminder the ⟨=dept⟩ huddle moved to ⟨=time⟩ today
""", """
anyone know if ⟨=street_place⟩ has ⟨=drug⟩ in stock? pharmacy here is out again 🙄
""", """
fyi ⟨=tkt⟩ closed, the printer on ⟨=dept⟩ works again. thx team 🙌
""", """
hi team, ⟨=firm⟩ invoice for ⟨=ord⟩ is in the shared inbox, can someone from ⟨=dept⟩ approve by ⟨=wd⟩
""")
add("en", "handoff", 1, """
bed ⟨=bed⟩ ⟨p1.t⟩ ⟨p1.l⟩ ⟨=age⟩⟨p1.sx⟩ «CAP day 3, on IV abx¦post op day 1 lap chole¦NSTEMI, for angio»
- obs stable, «NEWS 2¦NEWS 1», pain ok
- daughter ⟨pf2.f⟩ calling later ⟨ph1⟩
""", """
rm ⟨=bed⟩ - ⟨p1.l⟩, ⟨p1.f⟩ - NBM from midnight
MRN ⟨mrn1⟩
DOB ⟨dob1⟩
for theatre am, consent signed, «G&S sent¦needs G&S»
""", """
SBAR
S: ⟨p1⟩, ⟨=age⟩⟨p1.sx⟩, bed ⟨=bed⟩, «increasing O2 requirement¦new confusion overnight»
B: admitted ⟨d1⟩ with «UTI¦fall¦⟨=epo⟩ flare»
A: «sats 91% on 2L¦GCS 14»
R: pls review, reg ⟨p2.l⟩ aware
""", """
handover from ⟨p2.f⟩ to ⟨p3.f⟩
- ⟨p1.l⟩ (bay 2) going home tmrw, TTOs done
- ⟨p4.l⟩ bay 3 fluids running, recheck K+ at ⟨=time⟩
- ⟨p5.f⟩ ⟨p5.l⟩ side room, barrier nursing
""", """
nights → days
bed ⟨=bed⟩ mr ⟨pm1.l⟩ ⟨=age⟩ dementia wandering, wife ⟨pf2.f⟩ visiting at 10, NHS no ⟨nhs1⟩
bed ⟨=bed⟩ ⟨p3.l⟩ stable nothing to hand over
""", """
ED → AMU handover
⟨p1⟩ ⟨=age⟩⟨p1.sx⟩ DOB ⟨dob1⟩ lives ⟨addr1⟩ alone
PC: «SOB¦collapse¦abdo pain»
PMH: ⟨=epo⟩, on ⟨=drug⟩
NOK son ⟨pm2.f⟩ ⟨ph1⟩
""", """
ICU handoff - bed ⟨=bed⟩
pt: ⟨p1.l⟩ ⟨p1.f⟩, MRN ⟨mrn1⟩, adm ⟨d1⟩
intubated day 2, off sedation hold at 0800
ins: member ⟨hp1⟩ - case mgr ⟨p2.f⟩ needs update
""", """
peds handover
cot ⟨=bed⟩ baby ⟨p1.f⟩ ⟨p1.l⟩ dob ⟨dob1⟩ - bronchiolitis, hi flow weaning
mum ⟨pf2.f⟩ resident, dad ⟨pm3.f⟩ on ⟨ph1⟩
""")
add("en", "handoff", 0, """
handover ⟨=dept⟩ - nights
- all obs done, nil concerns
- pharmacy to restock ⟨=drug⟩ ⟨=wd⟩
- bed ⟨=bed⟩ and ⟨=bed⟩ empty, cleaned
- ⟨=epo⟩ leaflet reprints on the desk
""", """
SBAR «template¦proforma¦prompt card» for ⟨=dept⟩ - «copy and fill¦pls use for every call to the reg¦laminated copy at the nurses' station»
S: [name, age, bed]
B: [admitted with]
A: [obs, NEWS]
R: [what you need]
""", """
shift summary: ⟨=dept⟩ quiet, 2 admissions 1 discharge, ⟨=tkt⟩ raised for broken obs machine, ⟨=firm⟩ engineer due ⟨=wd⟩
""", """
day team → nights: no outstanding jobs. fridge temp log signed. ⟨=drug⟩ CD count correct. bank holiday rota on the board.
""")


# ================================================================ GERMAN
add("de", "call", 1, """
⟨A⟩ Praxis Dr. ⟨p2.l⟩ guten Tag was kann ich für Sie tun
⟨C⟩ ja hallo hier ist ⟨p1⟩ ich wollte meinen termin verschieben
⟨A⟩ wie war nochmal der nachname
⟨C⟩ ⟨p1.l⟩ also ⟨p1.sp⟩ geboren am ⟨dob1.sp⟩
⟨A⟩ danke ich sehe sie für ⟨d1.sp⟩
""", """
⟨A⟩ ihre versichertennummer bitte die steht auf der karte
⟨C⟩ ⟨hp1.sp⟩
⟨A⟩ und eine rückrufnummer
⟨C⟩ «am besten mobil¦handy» ⟨ph1.sp⟩
⟨A⟩ gut ⟨p1.t⟩ ⟨p1.l⟩ wir melden uns
""", """
⟨A⟩ Kundenservice ⟨=org⟩ mein Name ist ⟨p2.f⟩ ⟨p2.l⟩
⟨C⟩ ja ⟨p1⟩ hier es geht um eine lastschrift die ist zurückgegangen
⟨A⟩ können sie mir die IBAN nennen
⟨C⟩ ⟨iban1.sp⟩
⟨A⟩ und ihre adresse
⟨C⟩ ⟨addr1⟩ ⟨zip1⟩ ⟨=city⟩
""", """
⟨A⟩ Zentrale Patientenaufnahme
⟨C⟩ ja ich rufe an wegen meinem vater ⟨pm1.f⟩ ⟨p1.l⟩ der ist seit ⟨d1.sp⟩ bei ihnen auf station
⟨A⟩ haben sie eine fallnummer
⟨C⟩ ja ⟨mrn1.sp⟩
⟨A⟩ einen moment ich verbinde sie mit schwester ⟨pf2.f⟩
""")
add("de", "call", 0, """
⟨A⟩ ⟨=org⟩ ⟨=dept⟩ guten morgen
⟨C⟩ ja guten morgen ich wollte fragen ob die praxis am ⟨=wd⟩ offen hat wegen dem brückentag
⟨A⟩ nein am ⟨=wd⟩ ist zu die vertretung macht ⟨=street_place⟩
⟨C⟩ alles klar danke
""", """
⟨A⟩ IT-Hotline
⟨C⟩ hallo hier ist die ⟨=dept⟩ das diktiersystem hängt schon wieder ich hab ⟨=tkt⟩ aufgemacht
⟨A⟩ ist das noch die version von ⟨=firm⟩
⟨C⟩ ja ⟨=ord⟩
""")
add("de", "voicemail", 1, """
ja hallo hier ist ⟨p1⟩ ich wollte nur sagen dass ich den termin am ⟨d1.sp⟩ nicht schaffe bitte rufen sie mich zurück unter ⟨ph1.sp⟩ danke tschüss
""", """
Sprachnachricht von ⟨ph1⟩ (0:38)
"Hallo Frau ⟨pf2.l⟩, hier ⟨p1.f⟩ ⟨p1.l⟩ von der ⟨=org⟩, es geht um den Antrag Ihres Mannes ⟨pm3.f⟩, wir bräuchten noch das Geburtsdatum, also ⟨dob3⟩ haben wir, aber die Versichertennummer ⟨hp1⟩ passt nicht. Melden Sie sich bitte."
""", """
guten tag ⟨p1.t⟩ ⟨p1.l⟩ hier spricht ⟨p2.f⟩ von der sparkasse wir haben eine frage zu ihrem konto ⟨iban1⟩ bitte rufen sie unter ⟨ph1⟩ zurück vielen dank
""")
add("de", "voicemail", 0, """
Guten Tag, Sie sind verbunden mit ⟨=org⟩ ⟨=dept⟩. Unsere Sprechzeiten sind Montag bis Freitag von acht bis zwölf Uhr. Bitte hinterlassen Sie eine Nachricht.
""", """
hallo zusammen hier ist die apotheke ⟨=drug⟩ ist wieder lieferbar die bestellung ⟨=ord⟩ kommt am ⟨=wd⟩ schönen tag noch
""")
add("de", "dictation", 1, """
Arztbrief an Kollegen ⟨p2.l⟩ Komma betrifft ⟨p1⟩ Komma geboren ⟨dob1.sp⟩ Komma wohnhaft ⟨addr1⟩ Punkt neuer Absatz sehr geehrter Herr Kollege Komma wir berichten über ⟨p1.t⟩ ⟨p1.l⟩ Komma die sich am ⟨d1⟩ in unserer Notaufnahme vorstellte Punkt
""", """
Diktat Station ⟨=bed⟩ Patient ⟨pm1.l⟩ Komma ⟨p1.f⟩ Komma Fallnummer ⟨mrn1⟩ Punkt Entlassung am ⟨d1.sp⟩ Punkt Ehefrau ⟨pf2.f⟩ informiert Komma Telefon ⟨ph1.sp⟩ Punkt
""", """
OP-Bericht Doppelpunkt Patientin ⟨pf1⟩ Komma ⟨=age⟩ Jahre Punkt Operateur Doktor ⟨p2.l⟩ Komma Assistenz ⟨p3⟩ Punkt neue Zeile Aufnahme ⟨d1⟩ Punkt
""")
add("de", "dictation", 0, """
Textbaustein für ⟨=epo⟩ Doppelpunkt Therapie mit ⟨=drug⟩ fortführen Komma Kontrolle in drei Monaten Punkt neuer Absatz Standardtext ⟨=dept⟩ Ende
""", """
Testdiktat ⟨=dept⟩ Punkt eins zwei drei Punkt Mikrofon in Raum vier rauscht Komma Meldung ⟨=tkt⟩ Punkt
""")
add("de", "meeting", 1, """
Protokoll Teambesprechung ⟨=dept⟩
Anwesend: ⟨p2⟩, ⟨p3⟩, ⟨p4.f⟩
- ⟨p1.l⟩ (Zi. ⟨=bed⟩): Entlassung geplant, Sozialdienst informiert
- ⟨p5.l⟩: Angehörige unzufrieden, ⟨p3.f⟩ ruft die Tochter an
ToDo: ⟨p4.f⟩ klärt Labor
""", """
Besprechung Forderungsmanagement
TN: ⟨p2.f⟩, ⟨p3.f⟩
⟨p1⟩ hat Ratenzahlung angefragt, IBAN ⟨iban1⟩, erste Rate zum ⟨d1⟩
⟨p2.f⟩ schickt Vereinbarung an ⟨p1.em⟩
""", """
[00:03:12] ⟨p2.f⟩: dann noch frau ⟨pf1.l⟩ die ist am ⟨d1.sp⟩ gekommen
[00:03:20] ⟨p3.f⟩: ja die will nach hause der sohn ⟨pm4.f⟩ hat angerufen
[00:03:27] ⟨p2.f⟩: okay ⟨p3.f⟩ kümmert sich
""")
add("de", "meeting", 0, """
Protokoll ⟨=dept⟩ ⟨=wd⟩
1. Lieferengpass ⟨=drug⟩, Ersatzpräparat bis ⟨=ord⟩
2. Dienstplan Pfingsten
3. Hygieneaudit Ende Quartal
Verantwortlich: Stationsleitung
""", """
Jour fixe mit ⟨=firm⟩: ⟨=tkt⟩ noch offen, Release am 15. des Monats, ⟨=street_place⟩ folgt danach.
""")
add("de", "chat", 1, """
⟨p2.f⟩: kannst du bei ⟨p1.f⟩ in zi ⟨=bed⟩ nochmal nach dem zugang schauen? 🙏
⟨p3.f⟩: mach ich
""", """
hey ⟨p2.f⟩ kannst du kto ⟨iban1⟩ prüfen, kundin ⟨pf1.l⟩ sagt abbuchung doppelt 😕
""", """
@⟨p2.f⟩ herr ⟨pm1.l⟩ geb. ⟨dob1⟩ sitzt vorne und fragt nach dir
""")
add("de", "chat", 0, """
moin zusammen ☕ übergabe heute erst um ⟨=time⟩, ⟨=dept⟩ hat verspätung
""", """
hat ⟨=street_place⟩ noch ⟨=drug⟩? bei uns leer 🙄 ⟨=tkt⟩
""")
add("de", "handoff", 1, """
Zi ⟨=bed⟩ Fr. ⟨pf1.l⟩ ⟨=age⟩⟨p1.sx⟩ Pneumonie Tag 3, AB i.v., RR stabil
Tochter ⟨pf2.f⟩ ruft an ⟨ph1⟩
""", """
Übergabe Nacht → Früh
- ⟨p1.l⟩, ⟨p1.f⟩ (geb. ⟨dob1⟩) nüchtern ab 0 Uhr, OP morgen
- ⟨p3.l⟩ unauffällig
- ⟨p4.f⟩ ⟨p4.l⟩ Sturz um 3 Uhr, Arzt ⟨p2.l⟩ informiert
""", """
SBAR
S: ⟨p1⟩, ⟨=age⟩ J., Bett ⟨=bed⟩, zunehmend verwirrt
B: aufgen. ⟨d1⟩, ⟨=epo⟩
A: SpO2 90%
R: bitte ansehen, FN ⟨mrn1⟩
""")
add("de", "handoff", 0, """
Übergabe ⟨=dept⟩: ruhige Nacht, keine Besonderheiten, ⟨=drug⟩ nachbestellt, Bett ⟨=bed⟩ frei
""", """
Übergabe-Vorlage «⟨=dept⟩¦Station ⟨=bed⟩»: Name / Alter / Zimmer / Diagnose / offene Aufgaben — bitte ausfüllen
""")


# ================================================================ FRENCH
add("fr", "call", 1, """
⟨A⟩ secrétariat du docteur ⟨p2.l⟩ bonjour
⟨C⟩ oui bonjour c'est ⟨pf1⟩ j'avais rendez-vous le ⟨d1.sp⟩ mais je peux pas venir
⟨A⟩ vous pouvez m'épeler le nom
⟨C⟩ ⟨p1.sp⟩ née le ⟨dob1.sp⟩
⟨A⟩ très bien madame ⟨p1.l⟩ je vous rappelle au ⟨ph1⟩ c'est bien ça
""", """
⟨A⟩ ⟨=org⟩ service client ⟨p2.f⟩ à votre écoute
⟨C⟩ oui alors c'est pour un prélèvement qui a été rejeté mon IBAN c'est ⟨iban1.sp⟩
⟨A⟩ et vous êtes monsieur
⟨C⟩ ⟨pm1.l⟩ ⟨p1.f⟩ j'habite ⟨addr1⟩ ⟨zip1⟩ ⟨=city⟩
""", """
⟨A⟩ vous avez votre numéro d'adhérent
⟨C⟩ euh oui ⟨hp1.sp⟩
⟨A⟩ c'est pour vous ou pour un proche
⟨C⟩ pour ma fille ⟨pf1.f⟩ elle est née le ⟨dob1⟩
⟨A⟩ d'accord je note
""")
add("fr", "call", 0, """
⟨A⟩ ⟨=org⟩ bonjour
⟨C⟩ bonjour je voulais savoir si ⟨=street_place⟩ est ouverte ⟨=wd⟩ avec le pont
⟨A⟩ non fermé ce ⟨=wd⟩ là réouverture le lendemain à huit heures
""", """
⟨A⟩ support informatique
⟨C⟩ oui c'est ⟨=dept⟩ le logiciel de dictée plante encore j'ai ouvert ⟨=tkt⟩
⟨A⟩ c'est la version ⟨=ord⟩ de chez ⟨=firm⟩
""")
add("fr", "voicemail", 1, """
oui bonjour c'est ⟨p1⟩ je vous appelle de la part de ⟨=org⟩ concernant le dossier de ⟨p2.t⟩ ⟨p2.l⟩ merci de me rappeler au ⟨ph1.sp⟩ bonne journée
""", """
Message vocal de ⟨ph1⟩ (0:51) : « Bonjour, c'est ⟨pf1.f⟩, la fille de ⟨pf2.t⟩ ⟨p2.l⟩, elle est sortie le ⟨d1.sp⟩ et on n'a toujours pas l'ordonnance pour le ⟨=drug⟩. Merci de me rappeler. »
""", """
bonjour ⟨p1.t⟩ ⟨p1.l⟩ ici ⟨p2.f⟩ du ⟨=org⟩ votre dossier IPP ⟨mrn1⟩ est complet vous pouvez m'écrire à ⟨p2.em⟩ au revoir
""")
add("fr", "voicemail", 0, """
Bonjour, vous êtes bien au ⟨=org⟩, ⟨=dept⟩. Le secrétariat est fermé ⟨=wd⟩ après-midi. En cas d'urgence composez le quinze.
""", """
bonjour à toute l'équipe c'est la pharmacie le ⟨=drug⟩ est en rupture la commande ⟨=ord⟩ arrive ⟨=wd⟩ merci
""")
add("fr", "dictation", 1, """
Courrier au docteur ⟨p2.l⟩ virgule concernant ⟨pf1⟩ virgule née le ⟨dob1.sp⟩ virgule domiciliée ⟨addr1⟩ point à la ligne Cher confrère virgule j'ai revu en consultation ⟨p1.t⟩ ⟨p1.l⟩ point
""", """
compte rendu d'hospitalisation de ⟨pm1.t⟩ ⟨p1⟩ point entré le ⟨d1⟩ virgule sorti le ⟨d2.sp⟩ point IPP ⟨mrn1.sp⟩ point sa femme ⟨pf3.f⟩ est joignable au ⟨ph1⟩ point
""", """
dictée du docteur ⟨p2⟩ patient ⟨p1.l⟩ virgule ⟨p1.f⟩ virgule ⟨=age⟩ ans point antécédents deux points ⟨=epo⟩ point à revoir avec ⟨p3.f⟩ de l'équipe mobile point
""")
add("fr", "dictation", 0, """
modèle de courrier ⟨=dept⟩ deux points diagnostic virgule traitement virgule suivi point paragraphe texte type pour la ⟨=epo⟩ virgule poursuivre ⟨=drug⟩ point
""", """
test de dictée ⟨=dept⟩ point un deux trois point le micro de la salle quatre grésille virgule ticket ⟨=tkt⟩ point
""")
add("fr", "meeting", 1, """
CR staff ⟨=dept⟩ ⟨=wd⟩
Présents : ⟨p2⟩, ⟨p3⟩, ⟨p4.f⟩
- ⟨p1.l⟩ (ch. ⟨=bed⟩) : sortie prévue, assistante sociale prévenue
- ⟨p5.l⟩ : famille à rappeler → ⟨p3.f⟩
Action : ⟨p4.f⟩ relance le labo
""", """
Réunion recouvrement — ⟨p2.f⟩, ⟨p3.f⟩
⟨p1⟩ demande un échéancier, premier prélèvement le ⟨d1⟩ sur ⟨iban1⟩
⟨p3.f⟩ envoie le courrier à ⟨p1.em⟩
""", """
[00:07:44] ⟨p2.f⟩ : ensuite monsieur ⟨pm1.l⟩ arrivé le ⟨d1.sp⟩
[00:07:51] ⟨p3.f⟩ : oui il va mieux son fils ⟨pm4.f⟩ a appelé hier
[00:07:58] ⟨p2.f⟩ : ok ⟨p3.f⟩ tu t'en charges
""")
add("fr", "meeting", 0, """
Réunion de service ⟨=dept⟩
1. Rupture ⟨=drug⟩ jusqu'à ⟨=ord⟩
2. Planning de la Toussaint
3. Audit hygiène fin du trimestre
""", """
Point hebdo avec ⟨=firm⟩ : ⟨=tkt⟩ toujours ouvert, mise en production le 3 du mois prochain, ⟨=street_place⟩ ensuite.
""")
add("fr", "chat", 1, """
⟨p2.f⟩ : tu peux passer voir ⟨p1.f⟩ en chambre ⟨=bed⟩ ? la perf est bouchée 😅
""", """
slt ⟨p2.f⟩ tu peux vérifier le compte de ⟨pf1.l⟩ ⟨iban1⟩ elle dit prélevée 2 fois 🙏
""", """
@⟨p2.f⟩ mme ⟨pf1.l⟩ née le ⟨dob1⟩ t'attend à l'accueil, son tel ⟨ph1⟩
""")
add("fr", "chat", 0, """
coucou l'équipe ☀️ transmissions décalées à ⟨=time⟩ aujourd'hui
""", """
qqn sait si ⟨=street_place⟩ a du ⟨=drug⟩ ? ici plus rien 😩
""")
add("fr", "handoff", 1, """
ch ⟨=bed⟩ mme ⟨pf1.l⟩ ⟨=age⟩⟨p1.sx⟩ pneumopathie J3, ATB IV, constantes ok
fille ⟨pf2.f⟩ rappelle au ⟨ph1⟩
""", """
Transmissions nuit → jour
- ⟨pf1.l⟩ ⟨p1.f⟩ (née le ⟨dob1⟩) à jeun, bloc demain
- ⟨p3.l⟩ RAS
- ⟨p4.f⟩ ⟨p4.l⟩ chute à 3h, Dr ⟨p2.l⟩ prévenu
""", """
SBAR
S : ⟨p1⟩, ⟨=age⟩ ans, lit ⟨=bed⟩, confusion
B : entré le ⟨d1⟩, ⟨=epo⟩
A : SpO2 90 %
R : avis médical svp, IPP ⟨mrn1⟩
""")
add("fr", "handoff", 0, """
transmissions ⟨=dept⟩ : nuit calme, RAS, ⟨=drug⟩ recommandé, lit ⟨=bed⟩ libre
""", """
Modèle de transmission «⟨=dept⟩¦chambre ⟨=bed⟩» : Nom / Âge / Chambre / Motif / À faire — à compléter
""")

# ================================================================ SPANISH
add("es", "call", 1, """
⟨A⟩ centro de salud buenos días
⟨C⟩ hola buenos días llamo para cambiar la cita de mi madre ⟨pf1⟩
⟨A⟩ fecha de nacimiento
⟨C⟩ el ⟨dob1.sp⟩
⟨A⟩ vale y un teléfono de contacto
⟨C⟩ ⟨ph1.sp⟩
""", """
⟨A⟩ ⟨=org⟩ le atiende ⟨p2.f⟩
⟨C⟩ hola soy ⟨p1⟩ me han cobrado dos veces el recibo
⟨A⟩ me puede decir el IBAN
⟨C⟩ ⟨iban1.sp⟩
⟨A⟩ y su DNI
⟨C⟩ ⟨dni1.sp⟩
""", """
⟨A⟩ dígame el apellido
⟨C⟩ ⟨p1.l⟩ se escribe ⟨p1.sp⟩
⟨A⟩ y el número de historia
⟨C⟩ ⟨mrn1.sp⟩ y vivo en ⟨addr1⟩ ⟨zip1⟩
⟨A⟩ perfecto ⟨p1.t⟩ ⟨p1.l⟩
""")
add("es", "call", 0, """
⟨A⟩ ⟨=org⟩ buenas tardes
⟨C⟩ hola quería saber si ⟨=street_place⟩ abre el ⟨=wd⟩ por el puente
⟨A⟩ no ese día está cerrado abrimos el siguiente a las ocho
""", """
⟨A⟩ soporte informático
⟨C⟩ sí llamo de ⟨=dept⟩ el programa de dictado se cuelga abrí ⟨=tkt⟩
⟨A⟩ es la versión ⟨=ord⟩ de ⟨=firm⟩
""")
add("es", "voicemail", 1, """
hola buenas soy ⟨p1⟩ de ⟨=org⟩ le llamo por la autorización de ⟨p2.t⟩ ⟨p2.l⟩ por favor devuélvame la llamada al ⟨ph1.sp⟩ gracias
""", """
Mensaje de voz de ⟨ph1⟩ (0:44): "Hola, soy ⟨pf1.f⟩, la hija de ⟨p2⟩, le dieron el alta el ⟨d1.sp⟩ y no tenemos el informe. Mi correo es ⟨p1.em⟩. Gracias."
""", """
hola ⟨p1.t⟩ ⟨p1.l⟩ le habla ⟨p2.f⟩ del banco sobre la cuenta ⟨iban1⟩ llámenos al ⟨ph1⟩ un saludo
""")
add("es", "voicemail", 0, """
Ha llamado a ⟨=org⟩, ⟨=dept⟩. Nuestro horario es de lunes a viernes de ocho a tres. Deje su mensaje después de la señal.
""", """
hola equipo soy de farmacia el ⟨=drug⟩ vuelve a estar disponible el pedido ⟨=ord⟩ llega el ⟨=wd⟩ gracias
""")
add("es", "dictation", 1, """
informe para el doctor ⟨p2.l⟩ coma paciente ⟨pf1⟩ coma nacida el ⟨dob1.sp⟩ coma domicilio ⟨addr1⟩ punto y aparte estimado compañero coma le remito a ⟨p1.t⟩ ⟨p1.l⟩ punto
""", """
informe de alta de ⟨pf1⟩ punto ingreso el ⟨d1⟩ coma alta el ⟨d2.sp⟩ punto NHC ⟨mrn1.sp⟩ punto su marido ⟨pm3.f⟩ en el ⟨ph1⟩ punto
""", """
dictado del doctor ⟨p2⟩ paciente ⟨p1.l⟩ coma ⟨p1.f⟩ coma ⟨=age⟩ años punto antecedentes dos puntos ⟨=epo⟩ punto comentar con ⟨p3.f⟩ de enfermería punto
""")
add("es", "dictation", 0, """
plantilla de informe ⟨=dept⟩ dos puntos diagnóstico coma tratamiento coma seguimiento punto texto estándar para ⟨=epo⟩ coma mantener ⟨=drug⟩ punto
""", """
prueba de dictado ⟨=dept⟩ punto uno dos tres punto el micrófono de la sala cuatro hace ruido coma incidencia ⟨=tkt⟩ punto
""")
add("es", "meeting", 1, """
Acta sesión clínica ⟨=dept⟩
Asistentes: ⟨p2⟩, ⟨p3⟩, ⟨p4.f⟩
- ⟨p1.l⟩ (hab. ⟨=bed⟩): alta prevista, avisada trabajadora social
- ⟨p5.l⟩: llamar a la familia → ⟨p3.f⟩
Acción: ⟨p4.f⟩ reclama al laboratorio
""", """
Reunión de cobros — ⟨p2.f⟩, ⟨p3.f⟩
⟨p1⟩ pide fraccionar, primer cargo el ⟨d1⟩ en ⟨iban1⟩
⟨p3.f⟩ le envía el acuerdo a ⟨p1.em⟩
""", """
[00:05:02] ⟨p2.f⟩: luego la señora ⟨pf1.l⟩ que ingresó el ⟨d1.sp⟩
[00:05:09] ⟨p3.f⟩: sí está mejor su hijo ⟨pm4.f⟩ llamó ayer
[00:05:15] ⟨p2.f⟩: vale ⟨p3.f⟩ te encargas tú
""")
add("es", "meeting", 0, """
Reunión de servicio ⟨=dept⟩
1. Falta de ⟨=drug⟩ hasta ⟨=ord⟩
2. Turnos de Semana Santa
3. Auditoría de higiene a fin de trimestre
""", """
Seguimiento con ⟨=firm⟩: ⟨=tkt⟩ sigue abierto, paso a producción el día 3 del mes que viene, luego ⟨=street_place⟩.
""")
add("es", "chat", 1, """
⟨p2.f⟩: puedes mirar a ⟨p1.f⟩ en la ⟨=bed⟩? se ha salido la vía 😅
""", """
hola ⟨p2.f⟩ puedes revisar la cuenta de ⟨p1.l⟩ ⟨iban1⟩ dice q le cobraron 2 veces 🙏
""", """
@⟨p2.f⟩ la sra ⟨pf1.l⟩ nacida el ⟨dob1⟩ te espera en admisión, tlf ⟨ph1⟩
""")
add("es", "chat", 0, """
buenos días equipo ☀️ el pase de turno hoy es a las ⟨=time⟩
""", """
alguien sabe si ⟨=street_place⟩ tiene ⟨=drug⟩? aquí no queda 😩
""")
add("es", "handoff", 1, """
hab ⟨=bed⟩ sra ⟨pf1.l⟩ ⟨=age⟩⟨p1.sx⟩ neumonía día 3, ATB iv, constantes estables
hija ⟨pf2.f⟩ llama al ⟨ph1⟩
""", """
Relevo noche → mañana
- ⟨p1.l⟩, ⟨p1.f⟩ (nac. ⟨dob1⟩) en ayunas, quirófano mañana
- ⟨p3.l⟩ sin incidencias
- ⟨p4.f⟩ ⟨p4.l⟩ caída a las 3, avisado Dr. ⟨p2.l⟩
""", """
SBAR
S: ⟨p1⟩, ⟨=age⟩ a, cama ⟨=bed⟩, desorientado
B: ingreso ⟨d1⟩, ⟨=epo⟩
A: SatO2 90%
R: valorar por favor, NHC ⟨mrn1⟩
""")
add("es", "handoff", 0, """
relevo ⟨=dept⟩: noche tranquila, sin incidencias, pedido ⟨=drug⟩, cama ⟨=bed⟩ libre
""", """
Plantilla de relevo «⟨=dept⟩¦planta ⟨=bed⟩»: Nombre / Edad / Habitación / Motivo / Pendiente — rellenar
""")


# ================================================================ ITALIAN
add("it", "call", 1, """
⟨A⟩ CUP buongiorno
⟨C⟩ buongiorno sono ⟨pf1⟩ devo spostare la visita del ⟨d1.sp⟩
⟨A⟩ mi può fare lo spelling del cognome
⟨C⟩ ⟨p1.sp⟩ nata il ⟨dob1.sp⟩
⟨A⟩ perfetto ⟨p1.t⟩ ⟨p1.l⟩ la richiamo al ⟨ph1⟩
""", """
⟨A⟩ ⟨=org⟩ sono ⟨p2.f⟩ come posso aiutarla
⟨C⟩ sì allora mi hanno addebitato due volte la rata l'IBAN è ⟨iban1.sp⟩
⟨A⟩ e lei è il signor
⟨C⟩ ⟨pm1.l⟩ ⟨p1.f⟩ abito in ⟨addr1⟩ ⟨zip1⟩ ⟨=city⟩
""", """
⟨A⟩ ha il numero di polizza
⟨C⟩ sì ⟨hp1.sp⟩
⟨A⟩ è per lei
⟨C⟩ no per mio figlio ⟨pm1.f⟩ nato il ⟨dob1⟩ la cartella è ⟨mrn1⟩
""")
add("it", "call", 0, """
⟨A⟩ ⟨=org⟩ buonasera
⟨C⟩ volevo sapere se ⟨=street_place⟩ è aperta ⟨=wd⟩ con il ponte
⟨A⟩ no chiusa riapre il giorno dopo alle otto
""", """
⟨A⟩ assistenza informatica
⟨C⟩ sì chiamo da ⟨=dept⟩ il programma di dettatura si blocca ho aperto ⟨=tkt⟩
⟨A⟩ è la versione ⟨=ord⟩ di ⟨=firm⟩
""")
add("it", "voicemail", 1, """
buongiorno sono ⟨p1⟩ di ⟨=org⟩ la chiamo per la pratica di ⟨p2.t⟩ ⟨p2.l⟩ mi richiami al ⟨ph1.sp⟩ grazie
""", """
Messaggio vocale da ⟨ph1⟩ (0:39): "Salve, sono ⟨pf1.f⟩, la figlia di ⟨pf2⟩, l'hanno dimessa il ⟨d1.sp⟩ e non abbiamo ancora la lettera. Mi scriva pure a ⟨p1.em⟩. Grazie."
""", """
buonasera ⟨p1.t⟩ ⟨p1.l⟩ sono ⟨p2.f⟩ della banca la chiamo per il conto ⟨iban1⟩ ci richiami al ⟨ph1⟩ arrivederci
""")
add("it", "voicemail", 0, """
Avete chiamato ⟨=org⟩, ⟨=dept⟩. Siamo aperti dal lunedì al venerdì dalle otto alle quattordici. Lasciate un messaggio dopo il segnale.
""", """
ciao a tutti sono la farmacia la ⟨=drug⟩ è di nuovo disponibile l'ordine ⟨=ord⟩ arriva ⟨=wd⟩ grazie
""")
add("it", "dictation", 1, """
lettera al dottor ⟨p2.l⟩ virgola paziente ⟨pf1⟩ virgola nata il ⟨dob1.sp⟩ virgola residente in ⟨addr1⟩ punto a capo gentile collega virgola ho rivisto ⟨p1.t⟩ ⟨p1.l⟩ punto
""", """
lettera di dimissione di ⟨pf1⟩ punto ricovero il ⟨d1⟩ virgola dimissione il ⟨d2.sp⟩ punto cartella ⟨mrn1.sp⟩ punto il marito ⟨pm3.f⟩ al ⟨ph1⟩ punto
""", """
dettatura del dottor ⟨p2⟩ paziente ⟨p1.l⟩ virgola ⟨p1.f⟩ virgola ⟨=age⟩ anni punto anamnesi due punti ⟨=epo⟩ punto sentire ⟨p3.f⟩ dell'infermieristica punto
""")
add("it", "dictation", 0, """
modello di lettera ⟨=dept⟩ due punti diagnosi virgola terapia virgola controllo punto testo standard per ⟨=epo⟩ virgola proseguire ⟨=drug⟩ punto
""", """
prova di dettatura ⟨=dept⟩ punto uno due tre punto il microfono della sala quattro gracchia virgola segnalazione ⟨=tkt⟩ punto
""")
add("it", "meeting", 1, """
Verbale riunione ⟨=dept⟩
Presenti: ⟨p2⟩, ⟨p3⟩, ⟨p4.f⟩
- ⟨p1.l⟩ (letto ⟨=bed⟩): dimissione prevista, assistente sociale avvisata
- ⟨p5.l⟩: richiamare i familiari → ⟨p3.f⟩
Azione: ⟨p4.f⟩ sollecita il laboratorio
""", """
Riunione recupero crediti — ⟨p2.f⟩, ⟨p3.f⟩
⟨p1⟩ chiede la rateizzazione, prima rata il ⟨d1⟩ su ⟨iban1⟩
⟨p3.f⟩ manda l'accordo a ⟨p1.em⟩
""", """
[00:09:13] ⟨p2.f⟩: poi la signora ⟨pf1.l⟩ ricoverata il ⟨d1.sp⟩
[00:09:20] ⟨p3.f⟩: sì sta meglio il figlio ⟨pm4.f⟩ ha chiamato ieri
[00:09:26] ⟨p2.f⟩: ok ⟨p3.f⟩ ci pensi tu
""")
add("it", "meeting", 0, """
Riunione di reparto ⟨=dept⟩
1. Carenza ⟨=drug⟩ fino a ⟨=ord⟩
2. Turni di Ferragosto
3. Audit igiene a fine trimestre
""", """
Punto con ⟨=firm⟩: ⟨=tkt⟩ ancora aperto, rilascio il 3 del mese prossimo, poi ⟨=street_place⟩.
""")
add("it", "chat", 1, """
⟨p2.f⟩: puoi passare da ⟨p1.f⟩ al letto ⟨=bed⟩? si è staccata la flebo 😅
""", """
ciao ⟨p2.f⟩ puoi controllare il conto di ⟨p1.l⟩ ⟨iban1⟩ dice addebito doppio 🙏
""", """
@⟨p2.f⟩ la sig.ra ⟨pf1.l⟩ nata il ⟨dob1⟩ ti aspetta in accettazione, cell ⟨ph1⟩
""")
add("it", "chat", 0, """
buongiorno a tutti ☀️ consegne oggi alle ⟨=time⟩
""", """
qualcuno sa se ⟨=street_place⟩ ha la ⟨=drug⟩? qui finita 😩
""")
add("it", "handoff", 1, """
letto ⟨=bed⟩ sig.ra ⟨pf1.l⟩ ⟨=age⟩⟨p1.sx⟩ polmonite g3, antibiotico ev, parametri stabili
figlia ⟨pf2.f⟩ richiama al ⟨ph1⟩
""", """
Consegne notte → mattina
- ⟨pf1.l⟩ ⟨p1.f⟩ (nata il ⟨dob1⟩) digiuno, sala domani
- ⟨p3.l⟩ nulla da segnalare
- ⟨p4.f⟩ ⟨p4.l⟩ caduta alle 3, avvisato dott. ⟨p2.l⟩
""", """
SBAR
S: ⟨p1⟩, ⟨=age⟩ anni, letto ⟨=bed⟩, confuso
B: ricovero ⟨d1⟩, ⟨=epo⟩
A: SpO2 90%
R: valutare per favore, cartella ⟨mrn1⟩
""")
add("it", "handoff", 0, """
consegne ⟨=dept⟩: notte tranquilla, nulla da segnalare, ordinata ⟨=drug⟩, letto ⟨=bed⟩ libero
""", """
Modello consegne «⟨=dept⟩¦stanza ⟨=bed⟩»: Nome / Età / Letto / Motivo / Da fare — compilare
""")

# ================================================================ PORTUGUESE
add("pt", "call", 1, """
⟨A⟩ centro de saúde bom dia
⟨C⟩ bom dia fala ⟨p1⟩ queria remarcar a consulta do dia ⟨d1.sp⟩
⟨A⟩ o número de utente
⟨C⟩ ⟨hp1.sp⟩
⟨A⟩ e a data de nascimento
⟨C⟩ ⟨dob1.sp⟩
""", """
⟨A⟩ ⟨=org⟩ fala ⟨p2.f⟩ em que posso ajudar
⟨C⟩ olá é o ⟨pm1⟩ cobraram-me duas vezes o débito o IBAN é ⟨iban1.sp⟩
⟨A⟩ e a morada
⟨C⟩ ⟨addr1⟩ ⟨zip1⟩ ⟨=city⟩
""", """
⟨A⟩ pode soletrar o apelido
⟨C⟩ ⟨p1.sp⟩ ⟨p1.l⟩
⟨A⟩ e o número do processo
⟨C⟩ ⟨mrn1.sp⟩ o meu telemóvel é ⟨ph1⟩
""")
add("pt", "call", 0, """
⟨A⟩ ⟨=org⟩ boa tarde
⟨C⟩ queria saber se ⟨=street_place⟩ abre na ⟨=wd⟩ com a ponte
⟨A⟩ não nesse dia está fechada abrimos no dia seguinte às oito
""", """
⟨A⟩ apoio informático
⟨C⟩ sim ligo da ⟨=dept⟩ o programa de ditado bloqueou abri ⟨=tkt⟩
⟨A⟩ é a versão ⟨=ord⟩ da ⟨=firm⟩
""")
add("pt", "voicemail", 1, """
olá bom dia fala ⟨p1⟩ da ⟨=org⟩ estou a ligar por causa do processo do ⟨p2.t⟩ ⟨p2.l⟩ pode ligar-me para o ⟨ph1.sp⟩ obrigada
""", """
Mensagem de voz de ⟨ph1⟩ (0:47): "Olá, é a ⟨pf1.f⟩, filha da ⟨pf2⟩, ela teve alta dia ⟨d1.sp⟩ e ainda não temos a carta. O meu email é ⟨p1.em⟩. Obrigada."
""", """
boa tarde ⟨p1.t⟩ ⟨p1.l⟩ fala ⟨p2.f⟩ do banco sobre a conta ⟨iban1⟩ ligue-nos para o ⟨ph1⟩ obrigado
""")
add("pt", "voicemail", 0, """
Ligou para ⟨=org⟩, ⟨=dept⟩. O nosso horário é de segunda a sexta das oito às dezasseis. Deixe a sua mensagem após o sinal.
""", """
olá equipa fala a farmácia o ⟨=drug⟩ já chegou a encomenda ⟨=ord⟩ fica pronta na ⟨=wd⟩ obrigado
""")
add("pt", "dictation", 1, """
carta para o doutor ⟨p2.l⟩ vírgula doente ⟨pf1⟩ vírgula nascida a ⟨dob1.sp⟩ vírgula morada ⟨addr1⟩ ponto parágrafo caro colega vírgula revi em consulta a ⟨p1.t⟩ ⟨p1.l⟩ ponto final
""", """
nota de alta de ⟨pf1⟩ ponto internamento a ⟨d1⟩ vírgula alta a ⟨d2.sp⟩ ponto processo ⟨mrn1.sp⟩ ponto o marido ⟨pm3.f⟩ no ⟨ph1⟩ ponto final
""", """
ditado do doutor ⟨p2⟩ doente ⟨p1.l⟩ vírgula ⟨p1.f⟩ vírgula ⟨=age⟩ anos ponto antecedentes dois pontos ⟨=epo⟩ ponto falar com a enfermeira ⟨p3.f⟩ ponto final
""")
add("pt", "dictation", 0, """
modelo de carta ⟨=dept⟩ dois pontos diagnóstico vírgula terapêutica vírgula seguimento ponto texto padrão para ⟨=epo⟩ vírgula manter ⟨=drug⟩ ponto final
""", """
teste de ditado ⟨=dept⟩ ponto um dois três ponto o microfone da sala quatro faz ruído vírgula pedido ⟨=tkt⟩ ponto final
""")
add("pt", "meeting", 1, """
Ata da reunião ⟨=dept⟩
Presentes: ⟨p2⟩, ⟨p3⟩, ⟨p4.f⟩
- ⟨p1.l⟩ (cama ⟨=bed⟩): alta prevista, assistente social avisada
- ⟨p5.l⟩: ligar à família → ⟨p3.f⟩
Ação: ⟨p4.f⟩ insiste com o laboratório
""", """
Reunião de cobranças — ⟨p2.f⟩, ⟨p3.f⟩
⟨p1⟩ pede pagamento em prestações, primeira a ⟨d1⟩ no ⟨iban1⟩
⟨p3.f⟩ envia o acordo para ⟨p1.em⟩
""", """
[00:06:31] ⟨p2.f⟩: depois a senhora ⟨pf1.l⟩ que entrou dia ⟨d1.sp⟩
[00:06:38] ⟨p3.f⟩: sim está melhor o filho ⟨pm4.f⟩ ligou ontem
[00:06:44] ⟨p2.f⟩: ok ⟨p3.f⟩ ficas tu com isso
""")
add("pt", "meeting", 0, """
Reunião de serviço ⟨=dept⟩
1. Rutura de ⟨=drug⟩ até ⟨=ord⟩
2. Escalas do Carnaval
3. Auditoria de higiene no fim do trimestre
""", """
Ponto de situação com ⟨=firm⟩: ⟨=tkt⟩ ainda aberto, entrada em produção dia 3 do próximo mês, depois ⟨=street_place⟩.
""")
add("pt", "chat", 1, """
⟨p2.f⟩: consegues ver a ⟨p1.f⟩ na cama ⟨=bed⟩? saiu o cateter 😅
""", """
oi ⟨p2.f⟩ vc pode ver a conta do ⟨pm1.l⟩ ⟨iban1⟩ ele diz q cobraram 2x 🙏
""", """
@⟨p2.f⟩ a sra ⟨pf1.l⟩ nascida a ⟨dob1⟩ está na receção à tua espera, tlm ⟨ph1⟩
""")
add("pt", "chat", 0, """
bom dia equipa ☀️ passagem de turno hoje às ⟨=time⟩
""", """
alguém sabe se ⟨=street_place⟩ tem ⟨=drug⟩? aqui acabou 😩
""")
add("pt", "handoff", 1, """
cama ⟨=bed⟩ sra ⟨pf1.l⟩ ⟨=age⟩⟨p1.sx⟩ pneumonia D3, AB ev, sinais vitais estáveis
filha ⟨pf2.f⟩ liga para ⟨ph1⟩
""", """
Passagem noite → manhã
- ⟨p1.l⟩, ⟨p1.f⟩ (nasc. ⟨dob1⟩) em jejum, bloco amanhã
- ⟨p3.l⟩ sem intercorrências
- ⟨p4.f⟩ ⟨p4.l⟩ queda às 3h, Dr. ⟨p2.l⟩ avisado
""", """
SBAR
S: ⟨p1⟩, ⟨=age⟩ anos, cama ⟨=bed⟩, confuso
B: internado ⟨d1⟩, ⟨=epo⟩
A: SpO2 90%
R: avaliar por favor, processo ⟨mrn1⟩
""")
add("pt", "handoff", 0, """
passagem ⟨=dept⟩: noite calma, sem intercorrências, ⟨=drug⟩ pedido, cama ⟨=bed⟩ livre
""", """
Modelo de passagem «⟨=dept⟩¦enfermaria ⟨=bed⟩»: Nome / Idade / Cama / Motivo / Pendentes — preencher
""")

# ================================================================ DUTCH
add("nl", "call", 1, """
⟨A⟩ huisartsenpraktijk goedemorgen
⟨C⟩ ja goedemorgen u spreekt met ⟨p1⟩ ik wil mijn afspraak van ⟨d1.sp⟩ verzetten
⟨A⟩ wat is uw geboortedatum
⟨C⟩ ⟨dob1.sp⟩
⟨A⟩ en uw BSN voor de controle
⟨C⟩ ⟨bsn1.sp⟩
""", """
⟨A⟩ ⟨=org⟩ u spreekt met ⟨p2.f⟩
⟨C⟩ hallo met ⟨p1.l⟩ er is twee keer afgeschreven mijn rekeningnummer is ⟨iban1.sp⟩
⟨A⟩ en uw adres
⟨C⟩ ⟨addr1⟩ ⟨zip1⟩ ⟨=city⟩
""", """
⟨A⟩ kunt u de achternaam spellen
⟨C⟩ ⟨p1.sp⟩ ⟨p1.l⟩
⟨A⟩ en het patiëntnummer
⟨C⟩ ⟨mrn1.sp⟩ en mijn mobiel is ⟨ph1⟩
""")
add("nl", "call", 0, """
⟨A⟩ ⟨=org⟩ goedemiddag
⟨C⟩ ik wilde vragen of ⟨=street_place⟩ op ⟨=wd⟩ open is met de brugdag
⟨A⟩ nee dan zijn we dicht de dag erna vanaf acht uur weer open
""", """
⟨A⟩ servicedesk ICT
⟨C⟩ ja met ⟨=dept⟩ het dicteerprogramma loopt weer vast ik heb ⟨=tkt⟩ aangemaakt
⟨A⟩ is dat versie ⟨=ord⟩ van ⟨=firm⟩
""")
add("nl", "voicemail", 1, """
hallo u spreekt met ⟨p1⟩ van ⟨=org⟩ ik bel over de machtiging voor ⟨p2.t⟩ ⟨p2.l⟩ wilt u mij terugbellen op ⟨ph1.sp⟩ dank u wel
""", """
Voicemail van ⟨ph1⟩ (0:41): "Hoi, met ⟨pf1.f⟩, de dochter van ⟨pf2⟩, ze is op ⟨d1.sp⟩ ontslagen en we hebben de brief nog niet. Mailen mag naar ⟨p1.em⟩. Dank je."
""", """
goedemiddag ⟨p1.t⟩ ⟨p1.l⟩ met ⟨p2.f⟩ van de bank over rekening ⟨iban1⟩ belt u ons terug op ⟨ph1⟩ fijne dag
""")
add("nl", "voicemail", 0, """
U bent verbonden met ⟨=org⟩, ⟨=dept⟩. Wij zijn bereikbaar van maandag tot en met vrijdag van acht tot vijf. Spreek na de toon uw bericht in.
""", """
hoi allemaal met de apotheek de ⟨=drug⟩ is weer leverbaar bestelling ⟨=ord⟩ komt ⟨=wd⟩ groetjes
""")
add("nl", "dictation", 1, """
brief aan collega ⟨p2.l⟩ komma betreft ⟨p1⟩ komma geboren ⟨dob1.sp⟩ komma wonende ⟨addr1⟩ punt nieuwe alinea geachte collega komma ik zag ⟨p1.t⟩ ⟨p1.l⟩ op de polikliniek punt
""", """
ontslagbrief van ⟨p1⟩ punt opname ⟨d1⟩ komma ontslag ⟨d2.sp⟩ punt patiëntnummer ⟨mrn1.sp⟩ punt echtgenoot ⟨pm3.f⟩ op ⟨ph1⟩ punt
""", """
dictaat van dokter ⟨p2⟩ patiënt ⟨p1.l⟩ komma ⟨p1.f⟩ komma ⟨=age⟩ jaar punt voorgeschiedenis dubbele punt ⟨=epo⟩ punt overleggen met ⟨p3.f⟩ van de verpleging punt
""")
add("nl", "dictation", 0, """
standaardbrief ⟨=dept⟩ dubbele punt diagnose komma behandeling komma controle punt standaardtekst voor ⟨=epo⟩ komma ⟨=drug⟩ continueren punt
""", """
testdictaat ⟨=dept⟩ punt een twee drie punt de microfoon in kamer vier kraakt komma melding ⟨=tkt⟩ punt
""")
add("nl", "meeting", 1, """
Notulen MDO ⟨=dept⟩
Aanwezig: ⟨p2⟩, ⟨p3⟩, ⟨p4.f⟩
- ⟨p1.l⟩ (kamer ⟨=bed⟩): ontslag gepland, transferverpleegkundige ingelicht
- ⟨p5.l⟩: familie terugbellen → ⟨p3.f⟩
Actie: ⟨p4.f⟩ belt het lab na
""", """
Overleg incasso — ⟨p2.f⟩, ⟨p3.f⟩
⟨p1⟩ vraagt betalingsregeling, eerste termijn ⟨d1⟩ van ⟨iban1⟩
⟨p3.f⟩ stuurt de regeling naar ⟨p1.em⟩
""", """
[00:04:50] ⟨p2.f⟩: dan mevrouw ⟨pf1.l⟩ die op ⟨d1.sp⟩ is opgenomen
[00:04:57] ⟨p3.f⟩: ja gaat beter haar zoon ⟨pm4.f⟩ belde gisteren
[00:05:03] ⟨p2.f⟩: oké ⟨p3.f⟩ pak jij dat op
""")
add("nl", "meeting", 0, """
Teamoverleg ⟨=dept⟩
1. Tekort ⟨=drug⟩ tot ⟨=ord⟩
2. Rooster Koningsdag
3. Hygiëne-audit eind kwartaal
""", """
Overleg met ⟨=firm⟩: ⟨=tkt⟩ nog open, livegang de 3e van volgende maand, daarna ⟨=street_place⟩.
""")
add("nl", "chat", 1, """
⟨p2.f⟩: kun jij even bij ⟨p1.f⟩ op kamer ⟨=bed⟩ kijken? infuus loopt niet 😅
""", """
hoi ⟨p2.f⟩ kun je rek ⟨iban1⟩ van ⟨p1.l⟩ checken, zegt dubbel afgeschreven 🙏
""", """
@⟨p2.f⟩ mevr ⟨pf1.l⟩ geb ⟨dob1⟩ zit bij de balie voor je, tel ⟨ph1⟩
""")
add("nl", "chat", 0, """
goedemorgen team ☀️ overdracht vandaag pas om ⟨=time⟩
""", """
weet iemand of ⟨=street_place⟩ nog ⟨=drug⟩ heeft? hier op 😩
""")
add("nl", "handoff", 1, """
kmr ⟨=bed⟩ mevr ⟨pf1.l⟩ ⟨=age⟩⟨p1.sx⟩ pneumonie dag 3, AB iv, controles stabiel
dochter ⟨pf2.f⟩ belt terug ⟨ph1⟩
""", """
Overdracht nacht → dag
- ⟨p1.l⟩, ⟨p1.f⟩ (geb. ⟨dob1⟩) nuchter, OK morgen
- ⟨p3.l⟩ geen bijzonderheden
- ⟨p4.f⟩ ⟨p4.l⟩ gevallen om 3u, dr. ⟨p2.l⟩ ingelicht
""", """
SBAR
S: ⟨p1⟩, ⟨=age⟩ jr, bed ⟨=bed⟩, verward
B: opname ⟨d1⟩, ⟨=epo⟩
A: sat 90%
R: graag beoordelen, pt.nr ⟨mrn1⟩
""")
add("nl", "handoff", 0, """
overdracht ⟨=dept⟩: rustige nacht, geen bijzonderheden, ⟨=drug⟩ besteld, bed ⟨=bed⟩ vrij
""", """
Overdrachtsformat «⟨=dept⟩¦afdeling ⟨=bed⟩»: Naam / Leeftijd / Kamer / Reden opname / Openstaand — invullen
""")


# ================================================================ build and checks
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def luhn_runs(text):
    bad = []
    for m in re.finditer(r"\d+", text):
        if 13 <= len(m.group()) <= 19 and luhn_ok(m.group()):
            bad.append(m.group())
    for m in re.finditer(r"\d{4}(?:[ -]\d{4}){2}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{5}", text):
        d = re.sub(r"\D", "", m.group())
        if 13 <= len(d) <= 19 and luhn_ok(d):
            bad.append(m.group())
    return bad


VALID = {"US_BANK_ROUTING": aba_ok, "CREDIT_CARD": luhn_ok, "IBAN": iban_ok, "UK_NHS": nhs_ok, "NL_BSN": bsn_ok, "US_SSN": ssn_ok, "ES_DNI": dni_ok,
         "UK_NINO": lambda s: re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", s.replace(" ", "").upper()) is not None}


def check(text, spans, raws, pol):
    b = text.encode("utf-8")
    if pol == 0 and spans:
        return "neg with spans"
    if pol == 1 and not spans:
        return "pos without spans"
    last = 0
    for sp, (ent, val, raw) in zip(spans, raws):
        if ent not in KINDS:
            return "bad kind"
        if sp["start"] < last or sp["end"] <= sp["start"]:
            return "order/overlap"
        last = sp["end"]
        seg = b[sp["start"]:sp["end"]].decode("utf-8")
        if seg != val or seg != seg.strip():
            return "span mismatch"
        if ent in VALID and not VALID[ent](raw):
            return "invalid " + ent
    # outside spans
    out = bytearray(b)
    for sp in spans:
        out[sp["start"]:sp["end"]] = b" " * (sp["end"] - sp["start"])
    outside = out.decode("utf-8", "replace")
    if EMAIL_RE.search(outside):
        return "email outside spans"
    if luhn_runs(outside):
        return "luhn run outside spans"
    if "⟨" in text or "«" in text or "¦" in text or "»" in text and "«" in text:
        return "template syntax"
    return None


def build():
    R.seed(SEED)
    recs = []
    seen = set()
    redraws = Counter()
    off_sl = 0
    for lang in LANGS:
        n, neg = TOTAL[lang], NEG[lang]
        by_slice = {s: [] for s in SLICES}
        for i in range(n):
            by_slice[SLICES[(i + off_sl) % 6]].append(i)
        off_sl += n
        negs = [neg // 6 + (1 if (k + LANGS.index(lang) * 2) % 6 < neg % 6 else 0) for k in range(6)]
        for k, sl in enumerate(SLICES):
            cnt = len(by_slice[sl])
            for pol, m in ((0, negs[k]), (1, cnt - negs[k])):
                pool = T[(lang, sl, pol)]
                assert pool, (lang, sl, pol)
                off = R.randrange(len(pool))
                for j in range(m):
                    tpl = pool[(off + j) % len(pool)]
                    for attempt in range(200):
                        text, spans, raws = render(tpl, lang, sl)
                        err = check(text, spans, raws, pol)
                        if err is None and text in seen:
                            err = "duplicate"
                        if err is None:
                            break
                        redraws[err] += 1
                    else:
                        raise SystemExit("cannot draw %s/%s: %s\n%s" % (lang, sl, err, text))
                    seen.add(text)
                    recs.append({"lang": lang, "slice": sl, "text": text, "spans": spans})
    R.shuffle(recs)
    out = []
    for i, r in enumerate(recs):
        out.append({"id": "dev5-%04d" % (i + 1), "lang": r["lang"], "slice": r["slice"], "text": r["text"], "spans": r["spans"]})
    return out, redraws


def dump(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def stats(recs, redraws):
    L = []
    ntpl = {lang: [sum(len(T[(lang, s, p)]) for s in SLICES) for p in (1, 0)] for lang in LANGS}
    L.append("templates: %d (%s)" % (sum(len(v) for v in T.values()),
             ", ".join("%s %d+%d" % (l, ntpl[l][0], ntpl[l][1]) for l in LANGS)))
    L.append("")
    L.append("| lang | positive | negative | total |")
    L.append("|---|---:|---:|---:|")
    for lang in LANGS + ["all"]:
        rs = [r for r in recs if lang == "all" or r["lang"] == lang]
        p = sum(1 for r in rs if r["spans"])
        L.append("| %s | %d | %d | %d |" % (lang if lang != "all" else "**all**", p, len(rs) - p, len(rs)))
    L.append("")
    L.append("| slice | positive | negative | total |")
    L.append("|---|---:|---:|---:|")
    for sl in SLICES:
        rs = [r for r in recs if r["slice"] == sl]
        p = sum(1 for r in rs if r["spans"])
        L.append("| %s | %d | %d | %d |" % (sl, p, len(rs) - p, len(rs)))
    L.append("")
    ents = Counter(s["entity"] for r in recs for s in r["spans"])
    L.append("| entity | spans | records | " + " | ".join(LANGS) + " |")
    L.append("|---|---:|---:|" + "---:|" * len(LANGS))
    for e, c in ents.most_common():
        nrec = sum(1 for r in recs if any(s["entity"] == e for s in r["spans"]))
        per = [sum(1 for r in recs if r["lang"] == l for s in r["spans"] if s["entity"] == e) for l in LANGS]
        L.append("| %s | %d | %d | %s |" % (e, c, nrec, " | ".join(map(str, per))))
    per = [sum(len(r["spans"]) for r in recs if r["lang"] == l) for l in LANGS]
    L.append("| **all** | %d | %d | %s |" % (sum(ents.values()), sum(1 for r in recs if r["spans"]), " | ".join(map(str, per))))
    L.append("")
    lc = sum(1 for r in recs if r["text"] == r["text"].lower())
    na = sum(1 for r in recs if any(ord(c) > 127 for c in r["text"]))
    L.append("all-lower-case records: %d; records with non-ASCII text: %d" % (lc, na))
    L.append("re-draws: %s" % (dict(redraws) if redraws else "none"))
    return "\n".join(L)


# ================================================================ more templates (added for variety)
add("en", "call", 1, """
⟨A⟩ ok and for the refund we'll need the routing number and account number
⟨C⟩ «routing is¦the routing number's» ⟨rt1.sp⟩ and account ⟨acct1.sp⟩
⟨A⟩ and the account holder
⟨C⟩ me ⟨p1⟩ «well it's a joint account with my wife ⟨pf2.f⟩¦just me»
""", """
spk_0: claims line how can i help
spk_1: hi i'm calling for my son ⟨pm1.f⟩ he's on my plan his id is ⟨hp1.sp⟩ date of birth ⟨dob1.sp⟩
spk_0: and you are
spk_1: ⟨p2⟩ ⟨p2.sp⟩
spk_0: ok ⟨p2.f⟩ i see the claim from ⟨d1⟩
""", """
⟨A⟩ can you confirm the card number you want to dispute
⟨C⟩ yeah it's ⟨cc1.sp⟩ and the charge was on «the fourteenth¦tuesday»
⟨A⟩ thanks ⟨p1.t⟩ ⟨p1.l⟩ and is ⟨ph1⟩ still the best number
⟨C⟩ yes
""")
add("en", "call", 0, """
⟨A⟩ card services
⟨C⟩ hi i've got a letter saying my card ending «4417¦0921¦3306» was replaced but i haven't got it yet
⟨A⟩ ok they were sent out on ⟨=wd⟩ from the ⟨=city⟩ hub give it five working days
⟨C⟩ ok thank you
""", """
⟨A⟩ ⟨=dept⟩ good afternoon
⟨C⟩ hi is this the right number for the ⟨=epo⟩ clinic or is that ⟨=street_place⟩
⟨A⟩ that's us we're on the second floor next to ⟨=dept⟩
⟨C⟩ lovely thanks
""")
add("en", "voicemail", 1, """
hi ⟨p2.f⟩ it's ⟨p1.f⟩ um just checking you got the ssn for ⟨p3⟩ it's ⟨ssn1.sp⟩ and her date of birth is ⟨dob3.sp⟩ call me on ⟨ph1⟩ cheers
""", """
this is a message for ⟨p1.t⟩ ⟨p1.l⟩ from ⟨=org⟩ please call ⟨p2.f⟩ on ⟨ph1.sp⟩ «extension two one four¦option three» regarding your appointment on ⟨d1.sp⟩ thank you
""")
add("en", "voicemail", 0, """
hi everyone it's the ⟨=dept⟩ team just letting you know that ⟨=drug⟩ deliveries from ⟨=firm⟩ are back to normal from ⟨=wd⟩ and ⟨=street_place⟩ has stock again
""", """
Voicemail (0:12): "morning all it's the night coordinator nothing to report beds are tight on ⟨=dept⟩ speak later"
""")
add("en", "dictation", 1, """
clinic letter «re¦regarding» ⟨p1⟩ comma ⟨p1.sp⟩ comma date of birth ⟨dob1⟩ comma NHS number ⟨nhs1⟩ new paragraph dear ⟨p1.f⟩ comma it was nice to see you in clinic today with your «husband ⟨pm2.f⟩¦wife ⟨pf2.f⟩» period
""", """
referral letter period patient ⟨p1⟩ comma address ⟨addr1.sp⟩ comma ⟨=city⟩ comma zip ⟨zip1.sp⟩ period phone ⟨ph1.sp⟩ period seen on ⟨d1⟩ with «back pain¦palpitations¦a breast lump» period
""")
add("en", "dictation", 0, """
dictation for the ⟨=dept⟩ newsletter comma this month we welcome the new ⟨=epo⟩ nurse specialist post period thanks to ⟨=firm⟩ for sponsoring the ⟨=wd⟩ teaching session period
""", """
new paragraph heading colon ⟨=drug⟩ versus ⟨=drug⟩ in ⟨=epo⟩ comma summary of the evidence period use the trust template period end dictation
""")
add("en", "meeting", 1, """
Daily huddle ⟨=dept⟩
- ⟨p1.f⟩ (rm ⟨=bed⟩) family very anxious, ⟨p2.f⟩ to update them
- complaint from ⟨p3⟩ re parking, passed to PALS
- ⟨p4.l⟩ and ⟨p5.l⟩ on leave next week
""", """
call notes - loan review
attendees: ⟨p2.f⟩, ⟨p3.f⟩ (underwriting)
⟨p1⟩ (SSN ⟨ssn1⟩) applying for refinance, DOB ⟨dob1⟩, employer letter outstanding
⟨p3.f⟩: need 2 yrs statements for acct ⟨acct1⟩
""")
add("en", "meeting", 0, """
Meeting notes - ⟨=dept⟩ & ⟨=dept⟩
- welcome to the new starters 👋
- ⟨=epo⟩ audit: 30 cases reviewed, 4 actions
- ⟨=firm⟩ contract renewal due end of month
- Christmas rota to be finalised ⟨=wd⟩
""", """
Retro - sprint 42
went well: release of ⟨=ord⟩ on time, ⟨=tkt⟩ fixed
to improve: on-call handover, test data in ⟨=dept⟩ env
actions: team to update the runbook
""")
add("en", "chat", 1, """
⟨p2.f⟩: whos got ⟨p1.l⟩ today
⟨p3.f⟩: me why
⟨p2.f⟩: her son ⟨pm4.f⟩ keeps ringing, number is ⟨ph1⟩ can u call him back
""", """
teams msg: @⟨p2⟩ can you approve the refund for ⟨p1⟩, IBAN ⟨iban1⟩, ref ⟨=tkt⟩ thx
""", """
hi its ⟨p1.f⟩ from bed ⟨=bed⟩'s family, mum's dob is ⟨dob1⟩ and her mrn ⟨mrn1⟩ can someone call me x
""")
add("en", "chat", 0, """
hey team 👋 who's covering ⟨=dept⟩ lunch today? also ⟨=drug⟩ order from ⟨=firm⟩ arrived
""", """
reminder: ⟨=epo⟩ teaching moved to ⟨=wd⟩ ⟨=time⟩, room 3. pizza from ⟨=firm⟩ 🍕
""", """
good morning all ☀️ quick one - ⟨=org⟩ portal is down, ⟨=tkt⟩ raised, use paper forms for now
""")
add("en", "handoff", 1, """
bay ⟨=bed⟩: ⟨pf1.t⟩ ⟨p1.l⟩ ⟨=age⟩⟨p1.sx⟩ - «hip #, post op day 2¦sepsis ?urine source¦⟨=epo⟩ exacerbation» - DNACPR in notes - husband ⟨pm2⟩ ⟨ph1⟩
""", """
rm ⟨=bed⟩ ⟨p1.l⟩ ⟨p1.f⟩ ⟨=age⟩⟨p1.sx⟩ mrn ⟨mrn1⟩ - on ⟨=drug⟩, INR due am, adm ⟨d1⟩, for d/c ⟨d2⟩ if ok
""")
add("en", "handoff", 0, """
handover notes ⟨=dept⟩: ⟨=epo⟩ pathway printouts restocked, bed ⟨=bed⟩ blocked for deep clean, pharmacy chasing ⟨=drug⟩, no patient issues
""", """
nights: quiet shift 😴 all obs done, ⟨=tkt⟩ logged for bed ⟨=bed⟩ call bell, ⟨=firm⟩ tech due ⟨=wd⟩
""")

# extra variety for the other languages
add("de", "call", 1, """
⟨A⟩ also ihr geburtsdatum war
⟨C⟩ ⟨dob1.sp⟩
⟨A⟩ und sie wohnen noch in der ⟨addr1⟩
⟨C⟩ nein wir sind umgezogen jetzt ⟨addr2⟩ in ⟨zip2⟩
⟨A⟩ gut herr ⟨pm1.l⟩ ich trag das ein
""")
add("de", "chat", 1, """
⟨p2.f⟩ 07:12: ⟨p1.f⟩ aus zi ⟨=bed⟩ will ihre tochter anrufen, nummer ⟨ph1⟩ 📞
⟨p3.f⟩ 07:14: ok mach ich nach der visite
""")
add("de", "handoff", 1, """
Bett ⟨=bed⟩ Hr. ⟨pm1.l⟩, ⟨=age⟩, FN ⟨mrn1⟩, aufgen. ⟨d1⟩, Sturz, Ehefrau ⟨pf2.f⟩ kommt nachm.
""")
add("de", "meeting", 0, """
Hallo zusammen, kurzes Protokoll: ⟨=epo⟩-Sprechstunde zieht ins ⟨=dept⟩, ⟨=firm⟩ liefert ab ⟨=wd⟩, nächster Termin erster Montag im Monat.
""")
add("fr", "call", 1, """
⟨A⟩ votre date de naissance s'il vous plaît
⟨C⟩ ⟨dob1.sp⟩
⟨A⟩ et l'adresse c'est toujours ⟨addr1⟩
⟨C⟩ non maintenant c'est ⟨addr2⟩ ⟨zip2⟩
⟨A⟩ c'est noté ⟨p1.t⟩ ⟨p1.l⟩
""")
add("fr", "chat", 1, """
⟨p2.f⟩ 07:12 : ⟨p1.f⟩ ch ⟨=bed⟩ veut appeler sa fille ⟨pf3.f⟩, num ⟨ph1⟩ 📞
⟨p3.f⟩ 07:14 : ok après la visite
""")
add("fr", "meeting", 0, """
Bonjour à tous, petit CR : la consultation ⟨=epo⟩ déménage en ⟨=dept⟩, ⟨=firm⟩ livre à partir de ⟨=wd⟩, prochaine réunion le premier lundi du mois.
""")
add("es", "call", 1, """
⟨A⟩ su fecha de nacimiento
⟨C⟩ ⟨dob1.sp⟩
⟨A⟩ y sigue viviendo en ⟨addr1⟩
⟨C⟩ no ahora en ⟨addr2⟩ código postal ⟨zip2⟩
⟨A⟩ anotado ⟨p1.t⟩ ⟨p1.l⟩ y me confirma el DNI
⟨C⟩ ⟨dni1⟩
""")
add("es", "chat", 1, """
⟨p2.f⟩ 07:12: ⟨p1.f⟩ de la ⟨=bed⟩ quiere llamar a su hija, tlf ⟨ph1⟩ 📞
⟨p3.f⟩ 07:14: vale después del pase
""")
add("es", "meeting", 0, """
Hola a todos, resumen: la consulta de ⟨=epo⟩ se traslada a ⟨=dept⟩, ⟨=firm⟩ sirve desde el ⟨=wd⟩, próxima reunión el primer lunes de mes.
""")
add("it", "call", 1, """
⟨A⟩ la data di nascita
⟨C⟩ ⟨dob1.sp⟩
⟨A⟩ abita sempre in ⟨addr1⟩
⟨C⟩ no adesso in ⟨addr2⟩ ⟨zip2⟩
⟨A⟩ perfetto ⟨p1.t⟩ ⟨p1.l⟩ aggiorno
""")
add("it", "chat", 1, """
⟨p2.f⟩ 07:12: ⟨p1.f⟩ letto ⟨=bed⟩ vuole chiamare la figlia, num ⟨ph1⟩ 📞
⟨p3.f⟩ 07:14: ok dopo il giro
""")
add("it", "meeting", 0, """
Ciao a tutti, breve verbale: l'ambulatorio ⟨=epo⟩ si sposta in ⟨=dept⟩, ⟨=firm⟩ consegna da ⟨=wd⟩, prossima riunione il primo lunedì del mese.
""")
add("pt", "call", 1, """
⟨A⟩ a data de nascimento
⟨C⟩ ⟨dob1.sp⟩
⟨A⟩ continua a morar na ⟨addr1⟩
⟨C⟩ não agora é ⟨addr2⟩ ⟨zip2⟩
⟨A⟩ fica registado ⟨p1.t⟩ ⟨p1.l⟩
""")
add("pt", "chat", 1, """
⟨p2.f⟩ 07:12: ⟨p1.f⟩ da cama ⟨=bed⟩ quer ligar à filha, nº ⟨ph1⟩ 📞
⟨p3.f⟩ 07:14: ok depois da visita
""")
add("pt", "meeting", 0, """
Olá a todos, resumo: a consulta de ⟨=epo⟩ passa para ⟨=dept⟩, a ⟨=firm⟩ entrega a partir de ⟨=wd⟩, próxima reunião na primeira segunda do mês.
""")
add("nl", "call", 1, """
⟨A⟩ wat is uw geboortedatum
⟨C⟩ ⟨dob1.sp⟩
⟨A⟩ woont u nog op ⟨addr1⟩
⟨C⟩ nee nu ⟨addr2⟩ ⟨zip2⟩
⟨A⟩ genoteerd ⟨p1.t⟩ ⟨p1.l⟩ en uw BSN
⟨C⟩ ⟨bsn1⟩
""")
add("nl", "chat", 1, """
⟨p2.f⟩ 07:12: ⟨p1.f⟩ kmr ⟨=bed⟩ wil haar dochter bellen, nr ⟨ph1⟩ 📞
⟨p3.f⟩ 07:14: ok na de visite
""")
add("nl", "meeting", 0, """
Hoi allemaal, kort verslag: het ⟨=epo⟩-spreekuur verhuist naar ⟨=dept⟩, ⟨=firm⟩ levert vanaf ⟨=wd⟩, volgend overleg eerste maandag van de maand.
""")
add("nl", "dictation", 1, """
verwijsbrief punt patiënt ⟨p1⟩ komma BSN ⟨bsn1.sp⟩ komma geboren ⟨dob1⟩ punt adres ⟨addr1⟩ komma ⟨zip1⟩ ⟨=city⟩ punt telefoon ⟨ph1.sp⟩ punt
""")
add("es", "dictation", 1, """
nota de ingreso punto paciente ⟨p1⟩ coma DNI ⟨dni1.sp⟩ coma nacido el ⟨dob1⟩ punto domicilio ⟨addr1⟩ coma ⟨zip1⟩ ⟨=city⟩ punto teléfono ⟨ph1.sp⟩ punto
""")



# ---------------------------------------------------------------- third batch: more structures and look-alikes
add("en", "call", 0, """
⟨A⟩ ⟨=org⟩ pharmacy
⟨C⟩ hi is ⟨=drug⟩ the same as the generic my gp said something about ⟨=epo⟩
⟨A⟩ yes it's the same active ingredient the box just looks different since the «march¦june¦autumn» batch
⟨C⟩ ok thanks
""", """
⟨A⟩ hello ⟨=dept⟩
⟨C⟩ hiya it's the ward on the phone can you tell ⟨=firm⟩ the delivery for order «4471¦9902¦3318»-«b¦c» came to the wrong entrance again
⟨A⟩ will do thanks
""")
add("en", "voicemail", 0, """
hi this is an automated message from ⟨=org⟩ your order ⟨=ord⟩ is ready for collection at ⟨=street_place⟩ opening hours are «nine till five¦eight till eight» «monday to saturday¦seven days a week»
""")
add("en", "dictation", 0, """
audit summary for ⟨=dept⟩ comma period covered first of april to thirtieth of june period forty two notes reviewed comma compliance ninety one percent period report due 31/07/2026 period
""")
add("en", "meeting", 0, """
Ops review ⟨=wd⟩ 🙂
- ⟨=firm⟩ outage on 12/03 affected ⟨=dept⟩ for 2 hrs, ⟨=tkt⟩
- ⟨=street_place⟩ refurb finishes 1 Sept
- Thanks everyone for the ⟨=epo⟩ awareness week
""")
add("en", "chat", 0, """
gm team!! 🎉 happy ⟨=wd⟩. ⟨=org⟩ go-live is 03/11, freeze starts ⟨=wd⟩. pls no changes to ⟨=dept⟩ config
""", """
can someone remind me if ⟨=drug⟩ is on the formulary or do we need ⟨=drug⟩ for ⟨=epo⟩ pts?
""")
add("en", "handoff", 0, """
ward handover ⟨=dept⟩ - nights → days
beds: 24/26, 2 side rooms free
staffing: 1 HCA short, bank requested
equipment: ⟨=ord⟩ pump recalled by ⟨=firm⟩, swap before ⟨=wd⟩
""")
add("en", "handoff", 1, """
rm ⟨=bed⟩ - ⟨p1.l⟩, ⟨p1.f⟩ - «NBM¦diabetic diet¦fluid restrict 1.5L» - son ⟨pm2.f⟩ NOK - «falls risk¦confused overnight»
""", """
S: ⟨=age⟩⟨p1.sx⟩ bed ⟨=bed⟩ ⟨p1.l⟩ c/o chest pain 6/10
B: adm ⟨d1⟩ NSTEMI, on ⟨=drug⟩
A: trop rising, ECG unchanged
R: reg ⟨p2.f⟩ to review, cardiology aware (⟨p3.fi⟩)
""")
add("en", "chat", 1, """
[WhatsApp] ⟨p1.f⟩: hi sorry to msg on here its ⟨p1.f⟩ ⟨p1.l⟩ my appointment is on ⟨d1⟩ can i change it, my email is ⟨p1.em⟩
""", """
⟨p2.f⟩ ⟨=time⟩: who's on bay ⟨=bed⟩? ⟨pf1.l⟩'s daughter at desk again 😩
⟨p3.f⟩ ⟨=time⟩: me, coming
""")

add("de", "voicemail", 1, """
ja hallo ⟨p2.f⟩ hier ist ⟨p1.f⟩ aus der ⟨=dept⟩ ruf mich mal zurück wegen ⟨p3.t⟩ ⟨p3.l⟩ geboren am ⟨dob3.sp⟩ meine durchwahl ist ⟨ph1.sp⟩ danke
""")
add("de", "handoff", 1, """
Zi. ⟨=bed⟩ – ⟨p1.l⟩, ⟨p1.f⟩ – ⟨=age⟩⟨p1.sx⟩ – NÜCHTERN – Sohn ⟨pm2.f⟩ (Tel. ⟨ph1⟩) Bevollmächtigter
""")
add("de", "chat", 0, """
hallo zusammen 👋 Frühbesprechung heute im ⟨=dept⟩, ⟨=firm⟩ bringt Kuchen 🎂 ⟨=tkt⟩ ist erledigt
""")
add("de", "call", 0, """
⟨A⟩ ⟨=org⟩ Apotheke
⟨C⟩ ja hallo ist ⟨=drug⟩ das gleiche wie das Generikum mein Arzt hat was von ⟨=epo⟩ gesagt
⟨A⟩ ja gleicher Wirkstoff nur andere Packung
""")
add("de", "dictation", 0, """
Arztbrief-Vorlage ⟨=epo⟩ Doppelpunkt Patient Komma Geburtsdatum Komma Diagnose Punkt Bitte bis 30.06. in ⟨=dept⟩ abgeben Punkt
""")
add("fr", "voicemail", 1, """
oui bonjour ⟨p2.f⟩ c'est ⟨p1.f⟩ du service ⟨=dept⟩ rappelle-moi pour ⟨p3.t⟩ ⟨p3.l⟩ né le ⟨dob3.sp⟩ mon poste c'est ⟨ph1.sp⟩ merci
""")
add("fr", "handoff", 1, """
ch. ⟨=bed⟩ – ⟨p1.l⟩, ⟨p1.f⟩ – ⟨=age⟩⟨p1.sx⟩ – À JEUN – fils ⟨pm2.f⟩ (tél ⟨ph1⟩) personne de confiance
""")
add("fr", "chat", 0, """
bonjour à tous 👋 relève ce matin en ⟨=dept⟩, ⟨=firm⟩ apporte les viennoiseries 🥐 ⟨=tkt⟩ résolu
""")
add("fr", "call", 0, """
⟨A⟩ pharmacie ⟨=org⟩
⟨C⟩ bonjour le ⟨=drug⟩ c'est pareil que le générique mon médecin m'a parlé de ⟨=epo⟩
⟨A⟩ oui même molécule juste une autre boîte
""")
add("fr", "dictation", 0, """
modèle de compte rendu ⟨=epo⟩ deux points nom virgule date de naissance virgule diagnostic point à rendre avant le 30 juin au service ⟨=dept⟩ point
""")
add("es", "voicemail", 1, """
hola ⟨p2.f⟩ soy ⟨p1.f⟩ de ⟨=dept⟩ llámame por ⟨p3.t⟩ ⟨p3.l⟩ nacido el ⟨dob3.sp⟩ mi extensión es ⟨ph1.sp⟩ gracias
""")
add("es", "handoff", 1, """
hab. ⟨=bed⟩ – ⟨p1.l⟩, ⟨p1.f⟩ – ⟨=age⟩⟨p1.sx⟩ – EN AYUNAS – hijo ⟨pm2.f⟩ (tlf ⟨ph1⟩) responsable
""")
add("es", "chat", 0, """
buenas a todos 👋 sesión hoy en ⟨=dept⟩, ⟨=firm⟩ trae churros 🍩 ⟨=tkt⟩ resuelto
""")
add("es", "call", 0, """
⟨A⟩ farmacia ⟨=org⟩
⟨C⟩ hola el ⟨=drug⟩ es lo mismo que el genérico el médico me habló de ⟨=epo⟩
⟨A⟩ sí mismo principio activo solo cambia la caja
""")
add("es", "dictation", 0, """
plantilla de informe ⟨=epo⟩ dos puntos nombre coma fecha de nacimiento coma diagnóstico punto entregar antes del 30 de junio en ⟨=dept⟩ punto
""")
add("it", "voicemail", 1, """
ciao ⟨p2.f⟩ sono ⟨p1.f⟩ di ⟨=dept⟩ richiamami per ⟨p3.t⟩ ⟨p3.l⟩ nato il ⟨dob3.sp⟩ il mio interno è ⟨ph1.sp⟩ grazie
""")
add("it", "handoff", 1, """
letto ⟨=bed⟩ – ⟨p1.l⟩, ⟨p1.f⟩ – ⟨=age⟩⟨p1.sx⟩ – DIGIUNO – figlio ⟨pm2.f⟩ (cell ⟨ph1⟩) referente
""")
add("it", "chat", 0, """
buongiorno a tutti 👋 riunione oggi in ⟨=dept⟩, ⟨=firm⟩ porta i cornetti 🥐 ⟨=tkt⟩ risolto
""")
add("it", "call", 0, """
⟨A⟩ farmacia ⟨=org⟩
⟨C⟩ salve la ⟨=drug⟩ è uguale al generico il medico mi ha parlato di ⟨=epo⟩
⟨A⟩ sì stesso principio attivo cambia solo la scatola
""")
add("it", "dictation", 0, """
modello di referto ⟨=epo⟩ due punti nome virgola data di nascita virgola diagnosi punto consegnare entro il 30 giugno in ⟨=dept⟩ punto
""")
add("pt", "voicemail", 1, """
olá ⟨p2.f⟩ é a ⟨pf1.f⟩ da ⟨=dept⟩ liga-me por causa do ⟨pm3.t⟩ ⟨p3.l⟩ nascido a ⟨dob3.sp⟩ a minha extensão é ⟨ph1.sp⟩ obrigada
""")
add("pt", "handoff", 1, """
cama ⟨=bed⟩ – ⟨p1.l⟩, ⟨p1.f⟩ – ⟨=age⟩⟨p1.sx⟩ – JEJUM – filho ⟨pm2.f⟩ (tlm ⟨ph1⟩) cuidador
""")
add("pt", "chat", 0, """
bom dia a todos 👋 reunião hoje na ⟨=dept⟩, a ⟨=firm⟩ traz pastéis de nata 🥮 ⟨=tkt⟩ resolvido
""")
add("pt", "call", 0, """
⟨A⟩ farmácia ⟨=org⟩
⟨C⟩ olá o ⟨=drug⟩ é igual ao genérico o médico falou-me de ⟨=epo⟩
⟨A⟩ sim mesma substância só muda a caixa
""")
add("pt", "dictation", 0, """
modelo de relatório ⟨=epo⟩ dois pontos nome vírgula data de nascimento vírgula diagnóstico ponto entregar até 30 de junho na ⟨=dept⟩ ponto final
""")
add("nl", "voicemail", 1, """
hoi ⟨p2.f⟩ met ⟨p1.f⟩ van ⟨=dept⟩ bel je me terug over ⟨p3.t⟩ ⟨p3.l⟩ geboren ⟨dob3.sp⟩ mijn toestel is ⟨ph1.sp⟩ dank je
""")
add("nl", "handoff", 1, """
kmr ⟨=bed⟩ – ⟨p1.l⟩, ⟨p1.f⟩ – ⟨=age⟩⟨p1.sx⟩ – NUCHTER – zoon ⟨pm2.f⟩ (tel ⟨ph1⟩) eerste contactpersoon
""")
add("nl", "chat", 0, """
goedemorgen allemaal 👋 overleg vandaag op ⟨=dept⟩, ⟨=firm⟩ trakteert op stroopwafels 🧇 ⟨=tkt⟩ opgelost
""")
add("nl", "call", 0, """
⟨A⟩ apotheek ⟨=org⟩
⟨C⟩ hallo is ⟨=drug⟩ hetzelfde als het merkloze middel de huisarts had het over de ⟨=epo⟩
⟨A⟩ ja zelfde werkzame stof alleen een ander doosje
""")
add("nl", "dictation", 0, """
sjabloon verslag ⟨=epo⟩ dubbele punt naam komma geboortedatum komma diagnose punt inleveren voor 30 juni bij ⟨=dept⟩ punt
""")



# ---------------------------------------------------------------- fourth batch: rarer kinds
add("en", "chat", 1, """
⟨p2.f⟩: new referral from ⟨p1⟩, she sent her linkedin ⟨p1.url⟩ instead of the form lol. nhs no ⟨nhs1⟩
""", """
sms from customer: hi its ⟨p1.f⟩ i need to pay the balance can i just give u my card ⟨cc1⟩ exp «04/28¦11/27» thanks
""")
add("en", "call", 1, """
[00:00:04] Speaker 1: hi yeah i'm ringing about my payslip my ni number's wrong on it
[00:00:09] Speaker 2: ok can you read me the correct one
[00:00:12] Speaker 1: ⟨nino1.sp⟩
[00:00:20] Speaker 2: and your full name
[00:00:22] Speaker 1: ⟨p1⟩ «double-barrelled no hyphen¦with a ⟨p1.l⟩ at the end»
""", """
⟨A⟩ to pay by card please read the long number
⟨C⟩ ⟨cc1.sp⟩
⟨A⟩ and the name as it appears
⟨C⟩ ⟨p1⟩ «it's my husband's card actually ⟨pm2⟩¦that's me»
⟨A⟩ and the postcode the card's registered to
⟨C⟩ ⟨zip1.sp⟩
""")
add("en", "meeting", 1, """
Standup notes (finance ops)
- ⟨p2.f⟩: chargeback for ⟨p1⟩ card ⟨cc1⟩ still pending
- ⟨p3.f⟩: wire to ⟨p4⟩ returned, routing ⟨rt1⟩ acct ⟨acct1⟩ mismatch
- ⟨p5.f⟩ out ⟨=wd⟩
""")
add("es", "chat", 1, """
hola ⟨p2.f⟩ la paciente ⟨pf1⟩ trae la tarjeta sanitaria ⟨hp1⟩ pero no sale en el sistema 🤔
""")
add("es", "call", 1, """
⟨A⟩ me dice el número de la tarjeta sanitaria
⟨C⟩ ⟨hp1.sp⟩
⟨A⟩ y a nombre de quién
⟨C⟩ de mi padre ⟨pm1⟩ nacido el ⟨dob1.sp⟩
""")
add("nl", "call", 1, """
⟨A⟩ wat is uw polisnummer
⟨C⟩ ⟨hp1.sp⟩
⟨A⟩ en dat staat op naam van
⟨C⟩ mijn vrouw ⟨pf1⟩ geboren ⟨dob1.sp⟩
""")
add("nl", "chat", 1, """
hoi ⟨p2.f⟩, ⟨pm1.l⟩ belde, polisnummer ⟨hp1⟩, hij wil terugbelverzoek op ⟨ph1⟩ 🙏
""")
add("fr", "chat", 1, """
⟨p2.f⟩ : le patient ⟨pm1⟩ a donné son n° adhérent mutuelle ⟨hp1⟩ mais ça passe pas 🤔
""")
add("it", "chat", 1, """
⟨p2.f⟩: il sig. ⟨pm1.l⟩ ha la polizza ⟨hp1⟩, mi richiami la moglie ⟨pf3.f⟩ al ⟨ph1⟩? 🙏
""")
add("pt", "chat", 1, """
⟨p2.f⟩: o utente ⟨pm1⟩ deu o nº de utente ⟨hp1⟩ mas não aparece no sistema 🤔
""")
add("de", "chat", 1, """
⟨p2.f⟩: Hr. ⟨pm1.l⟩ hat neue Versichertennr. ⟨hp1⟩, bitte im KIS ändern, geb. ⟨dob1⟩ 👍
""")

if __name__ == "__main__":
    recs, redraws = build()
    recs2, _ = build()
    assert dump(recs) == dump(recs2), "non-deterministic build"
    assert len({r["text"] for r in recs}) == len(recs) == 1000
    with open(__file__.rsplit("/", 1)[0] + "/dev5.jsonl" if "/" in __file__ else "dev5.jsonl", "w", encoding="utf-8") as f:
        f.write(dump(recs))
    if "--stats" in sys.argv:
        print(stats(recs, redraws))

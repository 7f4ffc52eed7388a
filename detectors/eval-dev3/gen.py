#!/usr/bin/env python3
"""eval-dev3: conversational and spoken PII/PHI evaluation set.

Python 3 standard library only. Fixed seed, byte-for-byte deterministic.

    python3 gen.py          # writes dev3.jsonl
    python3 gen.py --stats  # also prints counts per language / slice / entity
"""
import collections
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

SEED = 20261206
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "dev3.jsonl")

LABELS = {
    "PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN", "US_BANK_ROUTING",
    "SWIFT_BIC", "ACCOUNT_NUMBER", "IP_ADDRESS", "URL", "DATE", "STREET_ADDRESS",
    "ZIP_CODE", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "NPI", "DEA_NUMBER",
    "ICD10_CODE", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NHS", "UK_NINO",
    "DE_TAX_ID", "FR_NIR", "ES_DNI", "IT_FISCAL_CODE", "NL_BSN", "VEHICLE_ID",
    "DEVICE_ID", "API_KEY",
}

LANG_COUNTS = [("en", 600), ("de", 80), ("fr", 80), ("es", 80), ("it", 80), ("pt", 80)]
SLICES = ["voice", "voicemail", "dictation", "chat", "meeting", "handoff"]

# --------------------------------------------------------------------------
# Names, written by hand. (given name, sex)
# --------------------------------------------------------------------------
GIVEN_F = """Amara Chiamaka Adaeze Folake Abena Akosua Aminata Fatou Wanjiru Achieng Zawadi Nia
Priya Ananya Lakshmi Kavya Meenakshi Farhana Nusrat Harpreet Simran Dilani Ayesha Mei Xiulan
Yan Yuki Haruka Aiko Ji-woo Seo-yeon Minji Linh Thao Ngoc Maricel Rowena Dewi Siti Ploy Malai
Agnieszka Katarzyna Zofia Lenka Olena Oksana Svetlana Milica Jelena Zsófia Ioana Eleni Fatima
Layla Noor Yasmin Shirin Parisa Elif Zeynep Ayelet Tamar Ani Nino Guadalupe Ximena Valentina
Lucía Itziar Montserrat Joana Thaís Giulia Chiara Élodie Margaux Annika Greta Saskia Ingrid
Sigrid Aino Freyja Mele Aroha Leilani Siobhan Aoife Niamh Hope Rose Grace Joy June Faith
Dolores Ebony Latoya Shanice""".split()
GIVEN_M = """Oluwaseun Babajide Chinedu Emeka Kwame Kofi Mamadou Ousmane Abdullahi Kamau Otieno Baraka
Rohan Arjun Vikram Karthik Senthil Anirban Sourav Gurpreet Harjit Nuwan Imran Bilal Wei Jun
Zhiqiang Kai Hiroshi Takumi Kenji Min-jun Seung-ho Duc Minh Quang Jomar Rodel Budi Agus Somchai
Krzysztof Tomasz Jiří Ondřej Dmytro Bohdan Igor Nikola Dragan Zoltán Bogdan Dimitris Yannis
Omar Khalid Youssef Tariq Dariush Kaveh Mehmet Emre Yosef Avi Tigran Giorgi Santiago Mateo
Joaquín Iñaki Jordi Thiago João Matteo Lorenzo Étienne Benoît Lukas Florian Sven Lars Mikko
Björn Sione Tama Keanu Tavita Cillian Declan Ruairí Will Guy Bill Rex Jamal DeShawn Tyrone
Marcus""".split()
SURNAMES = """Okafor Adeyemi Nwosu Eze Mensah Owusu Asante Diallo Ndiaye Sow Bello Abubakar Mwangi
Odhiambo Wekesa Patel Sharma Iyer Raghavan Subramanian Chatterjee Banerjee Gill Sandhu Perera
Fernando Qureshi Siddiqui Chen Wang Li Zhang Liu Chan Wong Leung Tanaka Nakamura Suzuki Watanabe
Kim Park Choi Nguyen Tran Pham Santos Reyes Bautista Santoso Wijaya Suksawat Kowalski Nowak
Wiśniewski Dvořák Novotný Kovalenko Shevchenko Petrenko Jovanović Horváth Popescu Papadopoulos
Georgiou Haddad Khoury Mansour Hosseini Rahimi Karimi Yılmaz Demir Kaya Cohen Levi Mizrahi
Petrosyan Beridze Quispe Mamani Huamán García Rodríguez Hernández López Martínez Etxeberria Puig
Ferreira Oliveira Carvalho Costa Rossi Bianchi Esposito Ricci Dubois Lefèvre Moreau Girard
Müller Schmidt Becker Hoffmann Janssens Andersson Johansson Hansen Virtanen Jónsdóttir Tuilagi
Fonoti Ngata Kahananui Tupou Murphy Byrne Kelly MacLeod Campbell Washington Jefferson Baker Young
King Cook Price Love Black Hill Wood Rich Marsh Brown Abara Okonkwo Achterberg Lindqvist Halvorsen
Sato Yamamoto Kobayashi Huang Zhou Xu Hoang Vu Castillo Morales Gutiérrez Vargas Rojas Navarro
Fontaine Marchetti Colombo Greco Lombardi Barbosa Ribeiro Almeida Pereira Gomes""".split()
SURNAMES += ["O'Brien", "Dela Cruz", "Al-Sayed", "van der Berg", "De Vries", "Mac Giolla"]

WORD_GIVEN = ["Hope", "Rose", "Will", "Grace", "Joy", "June", "Faith", "Guy", "Bill", "Rex"]
WORD_SURNAMES = ["Baker", "Young", "King", "Cook", "Price", "Love", "Black", "Hill", "Wood", "Rich", "Marsh", "Brown"]
SPELLABLE = [s for s in SURNAMES if re.fullmatch(r"[A-Za-z]{3,9}", s)]
SPELLABLE_SHORT = [s for s in SPELLABLE if len(s) <= 6]

# --------------------------------------------------------------------------
# Number words
# --------------------------------------------------------------------------
EN_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
           "fifteen sixteen seventeen eighteen nineteen").split()
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
EN_ORD = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
          "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


def en_num(n, hy="-"):
    if n < 20:
        return EN_ONES[n]
    if n < 100:
        t, u = divmod(n, 10)
        return EN_TENS[t] + ("" if u == 0 else hy + EN_ONES[u])
    h, r = divmod(n, 100)
    return EN_ONES[h] + " hundred" + ("" if r == 0 else " " + en_num(r, hy))


def en_ord(n, hy="-"):
    if n <= 20:
        return EN_ORD[n - 1]
    if n == 30:
        return "thirtieth"
    t, u = divmod(n, 10)
    return EN_TENS[t] + hy + EN_ORD[u - 1]


DE_ONES = ("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
           "fünfzehn sechzehn siebzehn achtzehn neunzehn").split()
DE_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def de_num(n):
    if n < 20:
        return DE_ONES[n]
    t, u = divmod(n, 10)
    if u == 0:
        return DE_TENS[t]
    return ("ein" if u == 1 else DE_ONES[u]) + "und" + DE_TENS[t]


def de_ord(n):
    special = {1: "ersten", 3: "dritten", 7: "siebten", 8: "achten"}
    if n in special:
        return special[n]
    if n < 20:
        return DE_ONES[n] + "ten"
    return de_num(n) + "sten"


FR_ONES = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
           "seize dix-sept dix-huit dix-neuf").split()
FR_TENS = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"]


def fr_num(n):
    if n < 20:
        return FR_ONES[n]
    if n < 70:
        t, u = divmod(n, 10)
        if u == 0:
            return FR_TENS[t]
        if u == 1:
            return FR_TENS[t] + " et un"
        return FR_TENS[t] + "-" + FR_ONES[u]
    if n < 80:
        r = n - 60
        return "soixante et onze" if r == 11 else "soixante-" + FR_ONES[r]
    r = n - 80
    if r == 0:
        return "quatre-vingts"
    return "quatre-vingt-" + FR_ONES[r]


ES_ONES = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
           "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro "
           "veinticinco veintiséis veintisiete veintiocho veintinueve").split()
ES_TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]


def es_num(n):
    if n < 30:
        return ES_ONES[n]
    t, u = divmod(n, 10)
    return ES_TENS[t] + ("" if u == 0 else " y " + ES_ONES[u])


IT_ONES = ("zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
           "quattordici quindici sedici diciassette diciotto diciannove").split()
IT_TENS = ["", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"]


def it_num(n):
    if n < 20:
        return IT_ONES[n]
    t, u = divmod(n, 10)
    if u == 0:
        return IT_TENS[t]
    base = IT_TENS[t]
    if u in (1, 8):
        base = base[:-1]
    return base + ("tré" if u == 3 else IT_ONES[u])


PT_ONES = ("zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze "
           "dezesseis dezessete dezoito dezenove").split()
PT_TENS = ["", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa"]


def pt_num(n):
    if n < 20:
        return PT_ONES[n]
    t, u = divmod(n, 10)
    return PT_TENS[t] + ("" if u == 0 else " e " + PT_ONES[u])


NUM = {"en": en_num, "de": de_num, "fr": fr_num, "es": es_num, "it": it_num, "pt": pt_num}

DIGIT_WORDS = {
    "en": EN_ONES[:10],
    "de": DE_ONES[:10],
    "fr": FR_ONES[:10],
    "es": ES_ONES[:10],
    "it": IT_ONES[:10],
    "pt": PT_ONES[:10],
}

MONTHS = {
    "en": "january february march april may june july august september october november december".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
}


def year_words(lang, y, rng):
    c, r = divmod(y, 100)
    if lang == "en":
        if y < 2000:
            if r == 0:
                return "nineteen hundred"
            if r < 10:
                return "nineteen oh " + EN_ONES[r]
            return "nineteen " + en_num(r, rng.choice(["-", " "]))
        if y < 2010:
            return "two thousand" + rng.choice([" ", " and "]) + EN_ONES[r] if r else "two thousand"
        return rng.choice(["twenty ", "two thousand "]) + en_num(r, rng.choice(["-", " "]))
    if lang == "de":
        return ("neunzehnhundert" if y < 2000 else "zweitausend") + ("" if r == 0 else de_num(r))
    if lang == "fr":
        if y < 2000:
            return rng.choice(["mille neuf cent", "dix-neuf cent"]) + ("" if r == 0 else " " + fr_num(r))
        return "deux mille" + ("" if r == 0 else " " + fr_num(r))
    if lang == "es":
        return ("mil novecientos" if y < 2000 else "dos mil") + ("" if r == 0 else " " + es_num(r))
    if lang == "it":
        head = "millenovecento" if y < 2000 else "duemila"
        if r == 0:
            return head
        w = it_num(r)
        if y < 2000 and w[0] == "o":
            head = head[:-1]
        return head + w
    if lang == "pt":
        return ("mil novecentos" if y < 2000 else "dois mil") + ("" if r == 0 else " e " + pt_num(r))
    raise ValueError(lang)


# --------------------------------------------------------------------------
# Check digits
# --------------------------------------------------------------------------
def luhn_ok(s):
    ds = [int(c) for c in s]
    tot = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


def nhs_check(nine):
    tot = sum(int(c) * w for c, w in zip(nine, range(10, 1, -1)))
    chk = 11 - tot % 11
    if chk == 11:
        chk = 0
    return None if chk == 10 else str(chk)


def nhs_ok(s):
    return len(s) == 10 and nhs_check(s[:9]) == s[9]


def iban_num(s):
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(s):
    return iban_num(s) % 97 == 1


def iban_make(cc, bban):
    n = iban_num(cc + "00" + bban)
    chk = 98 - n % 97
    out = cc + "%02d" % chk + bban
    assert iban_ok(out)
    return out


def ssn_ok(s):
    a, g, n = s[:3], s[3:5], s[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


def deaccent(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ı", "i").replace("ß", "ss")


# --------------------------------------------------------------------------
# Places and other vocabulary (hand-written)
# --------------------------------------------------------------------------
STREETS = {
    "en": ["Elm Street", "Maple Avenue", "Oak Lane", "Birchwood Drive", "Cedar Court", "Willow Road",
           "Harbor View Terrace", "Sycamore Street", "Pinecrest Drive", "Meadowbrook Lane", "Hillside Avenue",
           "Riverbend Road", "Chestnut Street", "Orchard Way", "Lakeshore Boulevard", "Quarry Road",
           "Prospect Street", "Juniper Circle", "Foxglove Lane", "Mill Pond Road"],
    "de": ["Lindenstraße", "Bahnhofstraße", "Gartenweg", "Am Mühlbach", "Kirchgasse", "Rosenweg",
           "Bergstraße", "Hauptstraße", "Wiesenweg", "Ahornallee", "Talstraße", "Feldweg", "Brunnengasse"],
    "fr": ["rue des Lilas", "avenue de la République", "chemin du Moulin", "impasse des Acacias",
           "rue du Port", "allée des Tilleuls", "rue de la Fontaine", "boulevard des Belges", "rue des Écoles"],
    "es": ["calle Mayor", "avenida de la Constitución", "calle del Olmo", "paseo de la Estación",
           "calle Real", "plaza del Sol", "calle de la Luna", "avenida del Mar", "calle Ancha"],
    "it": ["via Roma", "via delle Rose", "viale dei Pini", "piazza del Mercato", "via del Porto",
           "vicolo Stretto", "via dei Tigli", "corso del Popolo", "via della Fonte"],
    "pt": ["Rua das Flores", "Avenida da Liberdade", "Travessa do Carmo", "Rua do Sol", "Largo da Estação",
           "Rua Augusta", "Rua dos Pinheiros", "Avenida Atlântica", "Rua da Fonte"],
}
UK_STREETS = ["Church Road", "Station Road", "Victoria Terrace", "Mill Lane", "Park Crescent", "The Green"]

EMAIL_DOMAINS = {
    "en": ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "aol.com",
           "comcast.net", "btinternet.com"],
    "de": ["gmail.com", "web.de", "gmx.de", "t-online.de", "posteo.de"],
    "fr": ["gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr"],
    "es": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"],
    "it": ["gmail.com", "libero.it", "alice.it", "virgilio.it"],
    "pt": ["gmail.com", "sapo.pt", "uol.com.br", "hotmail.com", "bol.com.br"],
}
EMAIL_WORDS = {  # dot, at, underscore, dash
    "en": (["dot"], ["at"], ["underscore"], ["dash", "hyphen"]),
    "de": (["punkt"], ["at", "ät"], ["unterstrich"], ["minus", "bindestrich"]),
    "fr": (["point"], ["arobase"], ["tiret bas", "underscore"], ["tiret"]),
    "es": (["punto"], ["arroba"], ["guion bajo"], ["guion"]),
    "it": (["punto"], ["chiocciola"], ["underscore", "trattino basso"], ["trattino"]),
    "pt": (["ponto"], ["arroba"], ["underline", "underscore"], ["traço", "hífen"]),
}
SLASH = {"en": "slash", "de": "slash", "fr": "slash", "es": "barra", "it": "slash", "pt": "barra"}

EN_PHON = dict(zip("abcdefghijklmnopqrstuvwxyz",
                   "apple boy cat david edward frank george henry ida john kilo larry mary nancy oscar peter "
                   "queen robert sam tom uniform victor william x-ray yellow zebra".split()))
SAS = {
    "en": (["as in", "for", "like"], EN_PHON),
    "de": (["wie"], dict(zip("abcdefghijklmnopqrstuvwxyz",
           "Anton Berta Cäsar Dora Emil Friedrich Gustav Heinrich Ida Julius Kaufmann Ludwig Martha Nordpol "
           "Otto Paula Quelle Richard Samuel Theodor Ulrich Viktor Wilhelm Xanthippe Ypsilon Zacharias".split()))),
    "fr": (["comme"], dict(zip("abcdefghijklmnopqrstuvwxyz",
           "Anatole Berthe Célestin Désiré Eugène François Gaston Henri Irma Joseph Kléber Louis Marcel Nicolas "
           "Oscar Pierre Quintal Raoul Suzanne Thérèse Ursule Victor William Xavier Yvonne Zoé".split()))),
    "es": (["de"], dict(zip("abcdefghijklmnopqrstuvwxyz",
           "Antonio Barcelona Carmen Dolores España Francia Granada Historia Inés José kilo Lorenzo Madrid "
           "Navarra Oviedo París queso Ramón Sevilla Toledo Úbeda Valencia Washington xilófono yegua Zaragoza".split()))),
    "it": (["come"], dict(zip("abcdefghijklmnopqrstuvwxyz",
           "Ancona Bologna Como Domodossola Empoli Firenze Genova hotel Imola jolly kappa Livorno Milano Napoli "
           "Otranto Padova Quarto Roma Savona Torino Udine Venezia Washington xilofono yacht Zara".split()))),
    "pt": (["de"], dict(zip("abcdefghijklmnopqrstuvwxyz",
           "amor bola casa dado elefante faca gato hotel igreja janela kiwi lua mala navio ovo pato queijo rato "
           "sapo tatu uva vaca whisky xícara yoga zebra".split()))),
}
TITLES = {
    "en": ({"f": ["Ms", "Mrs", "Miss"], "m": ["Mr"]}),
    "de": ({"f": ["Frau"], "m": ["Herr"]}),
    "fr": ({"f": ["madame", "Mme"], "m": ["monsieur", "M."]}),
    "es": ({"f": ["la señora", "doña"], "m": ["el señor", "don"]}),
    "it": ({"f": ["la signora"], "m": ["il signor"]}),
    "pt": ({"f": ["a senhora", "dona"], "m": ["o senhor", "seu"]}),
}
SPEAKERS = {
    "en": [("Agent", "Caller"), ("REP", "CUST"), ("Speaker 1", "Speaker 2"), ("AGENT", "CALLER"),
           ("Rep", "Member"), ("spk_0", "spk_1"), ("Nurse", "PT"), ("Front desk", "Caller"),
           ("Receptionist", "Patient"), ("A", "B"), ("Pharmacist", "Caller"), ("Operator", "Customer")],
    "de": [("Agent", "Anrufer"), ("Sprecher 1", "Sprecher 2"), ("MFA", "Patientin"), ("Praxis", "Anrufer"),
           ("Mitarbeiter", "Kunde"), ("A", "B")],
    "fr": [("Agent", "Appelant"), ("Locuteur 1", "Locuteur 2"), ("Secrétariat", "Patient"), ("Conseiller", "Client"),
           ("A", "B")],
    "es": [("Agente", "Llamante"), ("Hablante 1", "Hablante 2"), ("Recepción", "Paciente"), ("Operador", "Cliente"),
           ("A", "B")],
    "it": [("Operatore", "Chiamante"), ("Parlante 1", "Parlante 2"), ("Segreteria", "Paziente"),
           ("Operatrice", "Cliente"), ("A", "B")],
    "pt": [("Atendente", "Cliente"), ("Locutor 1", "Locutor 2"), ("Recepção", "Paciente"), ("Operador", "Chamador"),
           ("A", "B")],
}

# vocabulary shared by templates; {key} placeholders resolve here when not an identifier.
VOC = {
    "en": {
        "um": ["", "", "", " um", " uh", " like", " uh,", " um,", ", you know,", " so"],
        "org": ["Cedar Valley Family Medicine", "Northfield Orthopedics", "Bluewater Pediatrics",
                "Lakeside Dermatology", "Riverside Cardiology", "Summit Women's Health", "Pine Hollow Urgent Care",
                "the Eastgate clinic", "Harborview Imaging", "Brookside Physical Therapy"],
        "ins": ["Keystone Health Plan", "Bluewater Mutual", "Granite State Health", "Meridian Care Plans",
                "Evergreen Benefits", "Pinnacle Health Insurance"],
        "bank": ["Keystone Credit Union", "First Prairie Bank", "Harbor Federal", "Northwind Savings",
                 "Clearwater Bank"],
        "pharm": ["Main Street Pharmacy", "the pharmacy on Fifth", "Corner Drug", "Greenleaf Pharmacy"],
        "drug": ["metformin", "lisinopril", "atorvastatin", "amlodipine", "levothyroxine", "sertraline",
                 "apixaban", "gabapentin", "omeprazole", "prednisone", "amoxicillin", "furosemide",
                 "insulin glargine", "tamsulosin", "losartan"],
        "brand": ["Tylenol", "Advil", "Zyrtec", "Eliquis", "Ozempic", "Lasix", "Norco", "Flonase", "Mucinex",
                  "Benadryl", "Xarelto", "Synthroid"],
        "epo": ["Parkinson's", "Crohn's", "Hodgkin lymphoma", "Alzheimer's", "Graves' disease", "Hashimoto's",
                "Bell's palsy", "Cushing's", "Addison's", "Raynaud's", "Tourette's", "Asperger's"],
        "cond": ["a UTI", "pneumonia", "cellulitis", "a COPD flare", "chest pain", "a fall", "AKI",
                 "DKA", "a GI bleed", "sepsis", "CHF exacerbation", "a hip fracture"],
        "dose": ["five hundred milligrams", "two fifty milligrams", "ten milligrams", "twenty five milligrams",
                 "point five milligrams", "one hundred micrograms", "forty units", "two puffs", "one tablet",
                 "fifteen mils"],
        "vital": ["one twenty over eighty", "one thirty-eight over ninety", "ninety eight point six",
                  "a hundred and one point two", "sats ninety four percent", "heart rate one ten",
                  "pressure's one forty over ninety two", "resp rate twenty two", "sugar was two eighty"],
        "time": ["two thirty", "ten fifteen", "quarter past nine", "eleven forty five", "noon", "four o'clock",
                 "eight a m", "seven thirty"],
        "day": ["monday", "tuesday", "wednesday", "thursday", "friday", "tomorrow", "next week", "this afternoon"],
        "room": ["room four twelve", "bay six", "exam room three", "room two oh four", "suite one hundred",
                 "room three ten"],
        "count": ["three", "two", "four", "a couple of", "five", "like six"],
        "price": ["forty five dollars", "twelve ninety nine", "a hundred and twenty bucks", "thirty dollars",
                  "two hundred and fifty dollars"],
        "dept": ["Cardiology", "Billing", "Radiology", "Patient Access", "Pharmacy", "Case Management",
                 "ICU", "Physical Therapy", "Oncology", "Member Services"],
        "job": ["Charge Nurse", "Nurse Manager", "Medical Director", "Head of Billing", "Practice Manager",
                "Clinical Lead", "Pharmacy Supervisor", "Compliance Officer"],
        "city": ["Denver", "Columbus", "Portland", "Tucson", "Boise", "Raleigh", "Madison", "Albany",
                 "Spokane", "Savannah"],
        "rel": ["my mom", "my husband", "my wife", "my dad", "my son", "my daughter", "my partner", "my grandma"],
        "agentname": [],
    },
    "de": {
        "um": ["", "", " äh", " ähm", " also", " äh,", " na ja"],
        "org": ["Praxis am Markt", "Gemeinschaftspraxis Lindenhof", "Hausarztpraxis Talblick", "MVZ Nord",
                "Orthopädie am Dom", "Klinikum Süd"],
        "ins": ["Ihre Krankenkasse", "die Kasse", "die Versicherung", "Nordstern Versicherung"],
        "drug": ["Metformin", "Ramipril", "Ibuprofen", "Pantoprazol", "L-Thyroxin", "Bisoprolol", "Novaminsulfon",
                 "Apixaban", "Simvastatin"],
        "brand": ["Aspirin", "Voltaren", "Novalgin", "Eliquis", "Ibuflam", "Paracetamol ratiopharm"],
        "epo": ["Parkinson", "Morbus Crohn", "Hashimoto", "Alzheimer", "Morbus Bechterew", "Morbus Basedow"],
        "dose": ["fünfhundert Milligramm", "zweimal täglich vierhundert", "zehn Milligramm", "eine halbe Tablette",
                 "vierzig Tropfen", "zwanzig Einheiten"],
        "vital": ["hundertzwanzig zu achtzig", "hundertfünfzig zu neunzig", "achtunddreißig fünf Fieber",
                  "Sättigung vierundneunzig", "Puls hundertzehn"],
        "time": ["halb drei", "viertel nach neun", "zehn Uhr", "vierzehn Uhr dreißig", "acht Uhr"],
        "day": ["morgen", "nächste Woche", "am Montag", "Donnerstag", "heute Nachmittag"],
        "dept": ["Kardiologie", "Radiologie", "Notaufnahme", "Station 4B", "Intensivstation", "Anmeldung"],
        "count": ["zwei", "drei", "vier", "fünf", "sechs"],
        "city": ["Bielefeld", "Kassel", "Freiburg", "Rostock", "Würzburg", "Linz", "Graz"],
    },
    "fr": {
        "um": ["", "", " euh", " ben", " euh,", " enfin", " du coup"],
        "org": ["cabinet du Parc", "centre médical des Tilleuls", "clinique du Lac", "maison de santé du Port",
                "cabinet de radiologie Saint-Roch", "pharmacie de la Gare"],
        "ins": ["votre mutuelle", "la mutuelle", "Mutuelle des Lilas", "la complémentaire"],
        "drug": ["Doliprane", "amoxicilline", "metformine", "Kardégic", "Levothyrox", "ramipril", "Eliquis"],
        "brand": ["Doliprane", "Spasfon", "Smecta", "Efferalgan", "Dafalgan", "Gaviscon"],
        "epo": ["Parkinson", "maladie de Crohn", "Alzheimer", "maladie de Basedow", "Hodgkin"],
        "dose": ["cinq cents milligrammes", "un gramme trois fois par jour", "dix milligrammes", "vingt gouttes",
                 "un comprimé matin et soir"],
        "vital": ["douze huit de tension", "quinze neuf de tension", "trente-huit cinq de fièvre",
                  "saturation à quatre-vingt-quatorze", "pouls à cent dix"],
        "time": ["quatorze heures trente", "neuf heures et quart", "dix heures", "midi", "seize heures"],
        "day": ["demain", "la semaine prochaine", "lundi", "jeudi", "cet après-midi"],
        "dept": ["la cardiologie", "la radiologie", "les urgences", "la réa", "l'accueil", "la pharmacie"],
        "count": ["deux", "trois", "quatre", "cinq", "six"],
        "city": ["Nantes", "Lyon", "Rennes", "Dijon", "Grenoble", "Tours", "Liège"],
    },
    "es": {
        "um": ["", "", " eh", " este", " o sea", " eh,", " pues"],
        "org": ["centro de salud Las Acacias", "clínica del Parque", "consultorio San Roque", "hospital comarcal",
                "farmacia del Mercado", "clínica dental Sol"],
        "ins": ["su aseguradora", "la mutua", "el seguro", "Seguros Alameda"],
        "drug": ["paracetamol", "ibuprofeno", "omeprazol", "metformina", "enalapril", "Nolotil", "amoxicilina"],
        "brand": ["Nolotil", "Frenadol", "Gelocatil", "Dalsy", "Almax", "Sintrom"],
        "epo": ["Parkinson", "Crohn", "Alzheimer", "Hodgkin", "enfermedad de Graves"],
        "dose": ["quinientos miligramos", "un gramo cada ocho horas", "diez miligramos", "veinte gotas",
                 "media pastilla"],
        "vital": ["ciento veinte con ochenta", "tensión de quince nueve", "treinta y ocho y medio de fiebre",
                  "saturación noventa y cuatro", "pulso a ciento diez"],
        "time": ["las dos y media", "las nueve y cuarto", "las diez", "mediodía", "las cuatro de la tarde"],
        "day": ["mañana", "la semana que viene", "el lunes", "el jueves", "esta tarde"],
        "dept": ["cardiología", "radiología", "urgencias", "la UCI", "admisión", "farmacia"],
        "count": ["dos", "tres", "cuatro", "cinco", "seis"],
        "city": ["Zaragoza", "Valladolid", "Málaga", "Bilbao", "Murcia", "Guadalajara", "Rosario"],
    },
    "it": {
        "um": ["", "", " ehm", " cioè", " allora", " eh,", " insomma"],
        "org": ["studio medico Le Querce", "poliambulatorio San Marco", "ambulatorio del Porto", "clinica Villa Verde",
                "farmacia Centrale", "centro diagnostico Aurora"],
        "ins": ["la sua assicurazione", "il fondo", "la polizza sanitaria", "Assicurazioni Aurora"],
        "drug": ["Tachipirina", "Moment", "metformina", "ramipril", "Eutirox", "Cardioaspirina", "amoxicillina"],
        "brand": ["Tachipirina", "Oki", "Moment", "Brufen", "Aulin", "Voltaren"],
        "epo": ["Parkinson", "morbo di Crohn", "Alzheimer", "Hodgkin", "morbo di Basedow"],
        "dose": ["cinquecento milligrammi", "un grammo tre volte al giorno", "dieci milligrammi", "venti gocce",
                 "mezza compressa"],
        "vital": ["centoventi su ottanta", "pressione centocinquanta su novanta", "trentotto e mezzo di febbre",
                  "saturazione novantaquattro", "frequenza centodieci"],
        "time": ["le due e mezza", "le nove e un quarto", "le dieci", "mezzogiorno", "le sedici"],
        "day": ["domani", "la settimana prossima", "lunedì", "giovedì", "oggi pomeriggio"],
        "dept": ["cardiologia", "radiologia", "pronto soccorso", "rianimazione", "accettazione"],
        "count": ["due", "tre", "quattro", "cinque", "sei"],
        "city": ["Bergamo", "Padova", "Lecce", "Perugia", "Trento", "Cagliari", "Lugano"],
    },
    "pt": {
        "um": ["", "", " é", " tipo", " então", " hum,", " né"],
        "org": ["clínica Santa Luzia", "centro de saúde da Graça", "consultório do Parque", "clínica Boa Vista",
                "farmácia Central", "laboratório Aurora"],
        "ins": ["o seu seguro", "o plano de saúde", "a operadora", "Seguros Atlântico"],
        "drug": ["paracetamol", "ibuprofeno", "dipirona", "metformina", "losartana", "omeprazol", "Ben-u-ron"],
        "brand": ["Ben-u-ron", "Novalgina", "Buscopan", "Dorflex", "Brufen", "Tylenol"],
        "epo": ["Parkinson", "doença de Crohn", "Alzheimer", "Hodgkin", "doença de Graves"],
        "dose": ["quinhentos miligramas", "um grama de oito em oito horas", "dez miligramas", "vinte gotas",
                 "meio comprimido"],
        "vital": ["doze por oito", "pressão quinze por nove", "trinta e oito e meio de febre",
                  "saturação noventa e quatro", "pulso cento e dez"],
        "time": ["duas e meia", "nove e quinze", "dez horas", "meio-dia", "quatro da tarde"],
        "day": ["amanhã", "semana que vem", "segunda", "quinta-feira", "hoje à tarde"],
        "dept": ["cardiologia", "radiologia", "urgência", "UTI", "recepção", "farmácia"],
        "count": ["dois", "três", "quatro", "cinco", "seis"],
        "city": ["Coimbra", "Braga", "Campinas", "Recife", "Curitiba", "Faro", "Niterói"],
    },
}


# --------------------------------------------------------------------------
# Spoken forms
# --------------------------------------------------------------------------
def dword(lang, c, rng):
    d = int(c)
    if lang == "en" and d == 0:
        return rng.choice(["oh", "oh", "zero"])
    if lang == "de" and d == 2 and rng.random() < 0.3:
        return "zwo"
    if lang == "pt" and d == 6 and rng.random() < 0.3:
        return "meia"
    return DIGIT_WORDS[lang][d]


def spoken_group(lang, g, rng, style):
    """Speak a group of characters (digits, maybe letters)."""
    if style == "pairs" and g.isdigit() and len(g) % 2 == 0 and all(g[i] != "0" for i in range(0, len(g), 2)):
        return " ".join(NUM[lang](int(g[i:i + 2])) for i in range(0, len(g), 2))
    if style == "pairs" and lang == "en" and g.isdigit() and len(g) == 3 and g[1] != "0":
        return EN_ONES[int(g[0])] + " " + en_num(int(g[1:]))
    out = []
    i = 0
    while i < len(g):
        c = g[i]
        if not c.isdigit():
            out.append(c)
            i += 1
            continue
        if lang == "en" and style == "compress":
            if i + 2 < len(g) and g[i + 1] == c and g[i + 2] == c and rng.random() < 0.6:
                out.append("triple " + dword(lang, c, rng))
                i += 3
                continue
            if i + 1 < len(g) and g[i + 1] == c and rng.random() < 0.7:
                out.append("double " + dword(lang, c, rng))
                i += 2
                continue
        out.append(dword(lang, c, rng))
        i += 1
    return " ".join(out)


def spoken_groups(lang, groups, rng, style=None, sep=None):
    if style is None:
        style = rng.choice(["single", "compress", "compress", "pairs"] if lang == "en" else
                           ["single", "single", "pairs"])
    if sep is None:
        sep = rng.choice([", ", ", ", " ", "... "])
    return sep.join(spoken_group(lang, g, rng, style) for g in groups)


def split_groups(s, sizes):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    assert i == len(s), (s, sizes)
    return out


def spoken_chars(lang, s, rng, letter_case=None):
    """Letters and digits of an alphanumeric id, spoken; letters stay letters."""
    lc = letter_case or rng.choice(["lower", "upper"])
    parts = []
    for c in s:
        if c.isdigit():
            parts.append(dword(lang, c, rng))
        elif c.isalpha():
            parts.append(c.lower() if lc == "lower" else c.upper())
    return " ".join(parts)


def en_house(n, rng):
    if n < 100:
        return en_num(n)
    if n < 1000:
        h, r = divmod(n, 100)
        if r == 0:
            return EN_ONES[h] + " hundred"
        if r < 10:
            return EN_ONES[h] + " oh " + EN_ONES[r]
        return rng.choice([EN_ONES[h] + " " + en_num(r), EN_ONES[h] + " " + en_num(r)])
    a, b = divmod(n, 100)
    if b == 0:
        return en_num(a) + " hundred"
    if b < 10:
        return en_num(a) + " oh " + EN_ONES[b]
    return en_num(a) + " " + en_num(b)


# --------------------------------------------------------------------------
# The record context: draws values and renders them typed or spoken
# --------------------------------------------------------------------------
class Person:
    def __init__(self, rng, lang, spellable=False):
        self.sex = rng.choice("fm")
        self.first = rng.choice(GIVEN_F if self.sex == "f" else GIVEN_M)
        if spellable:
            self.last = rng.choice(SPELLABLE_SHORT if spellable == "short" else SPELLABLE)
        else:
            self.last = rng.choice(SURNAMES)
            if lang == "es" and rng.random() < 0.4:
                self.last += " " + rng.choice([s for s in SURNAMES if " " not in s and s != self.last])


SPOKEN_P = {"voice": 0.55, "voicemail": 0.55, "dictation": 0.65, "chat": 0.05, "meeting": 0.0, "handoff": 0.0}


class Ctx:
    def __init__(self, rng, lang, slice_, template):
        self.rng = rng
        self.lang = lang
        self.slice = slice_
        self.tpl = template
        self.lc_names = slice_ in ("voice", "dictation", "chat", "handoff") and rng.random() < 0.55
        if slice_ in ("voice",) and lang == "en":
            self.lc_names = rng.random() < 0.65
        self.lc_text = slice_ == "chat" and rng.random() < 0.3
        self.people = {}
        self.raw = {}
        self.cache = {}
        self.speakers = rng.choice(SPEAKERS[lang])
        self.ts = rng.random() < 0.35 and slice_ == "voice"
        self.clock = rng.randint(0, 40)
        self.sep = rng.choice([", ", ", ", " ", "... "])
        self.style = None

    def spoken(self, mode):
        if mode == "s":
            return True
        if mode == "d":
            return False
        return self.rng.random() < SPOKEN_P[self.slice]

    def name_case(self, s):
        return s.lower() if self.lc_names else s

    # ---- persons ----
    def person(self, idx):
        if idx not in self.people:
            key = "{p%s." % idx
            sp = ("short" if key + "sas}" in self.tpl else
                  True if key + "spell}" in self.tpl else False)
            self.people[idx] = Person(self.rng, self.lang, sp)
        return self.people[idx]

    def spell(self, word, sas=False):
        rng = self.rng
        w = deaccent(word).lower()
        if sas:
            joiner, words = SAS[self.lang]
            j = rng.choice(joiner)
            parts = []
            for c in w:
                L = c.upper() if rng.random() < 0.7 else c
                ph = words[c]
                if self.lc_names:
                    ph = ph.lower()
                parts.append("%s %s %s" % (L, j, ph))
            return rng.choice([", ", " ", ", "]).join(parts)
        style = rng.choice(["U-", "u-", "u ", "U ", "U, ", "u. "])
        letters = [c.upper() if style[0] == "U" else c for c in w]
        if style[1:] == ". ":
            return ". ".join(letters) + "."
        return style[1:].join(letters)

    # ---- identifiers ----
    def gen_raw(self, base):
        rng, lang = self.rng, self.lang
        if base == "phone":
            if lang == "en":
                if rng.random() < 0.12:
                    d = "07" + "".join(rng.choice("0123456789") for _ in range(9))
                    return {"d": d, "g": [5, 6], "fmt": "uk"}
                d = rng.choice(["212", "312", "415", "503", "614", "617", "704", "713", "802", "919", "206", "303",
                                "480", "651", "215", "404", "720", "816"])
                d += str(rng.randint(2, 9)) + "%02d" % rng.randint(0, 99) + "%04d" % rng.randint(0, 9999)
                return {"d": d, "g": [3, 3, 4], "fmt": "us"}
            if lang == "de":
                if rng.random() < 0.6:
                    d = rng.choice(["0151", "0160", "0171", "0176", "0157"]) + "%07d" % rng.randint(0, 9999999)
                    return {"d": d, "g": [4, 3, 4], "fmt": "de"}
                d = rng.choice(["030", "089", "040", "0221", "0711", "0521"]) 
                d += "%06d" % rng.randint(100000, 999999)
                return {"d": d, "g": [len(d) - 6, 3, 3], "fmt": "de"}
            if lang == "fr":
                d = "0" + rng.choice("1234567") + "".join(rng.choice("0123456789") for _ in range(8))
                return {"d": d, "g": [2, 2, 2, 2, 2], "fmt": "fr"}
            if lang == "es":
                d = rng.choice("679") + "".join(rng.choice("0123456789") for _ in range(8))
                return {"d": d, "g": [3, 3, 3], "fmt": "es"}
            if lang == "it":
                d = "3" + rng.choice("234") + "".join(rng.choice("0123456789") for _ in range(8))
                return {"d": d, "g": [3, 3, 4], "fmt": "it"}
            if rng.random() < 0.5:
                d = "9" + rng.choice("1236") + "".join(rng.choice("0123456789") for _ in range(7))
                return {"d": d, "g": [3, 3, 3], "fmt": "pt"}
            d = rng.choice(["11", "21", "31", "41", "51", "71", "81"]) + "9" + "".join(
                rng.choice("0123456789") for _ in range(8))
            return {"d": d, "g": [2, 5, 4], "fmt": "br"}
        if base in ("dob", "appt"):
            y = rng.randint(1931, 2006) if base == "dob" else rng.choice([2024, 2025, 2026])
            m = rng.randint(1, 12)
            dd = rng.randint(1, 28)
            return {"y": y, "m": m, "d": dd, "kind": base}
        if base == "ssn":
            while True:
                s = "%03d%02d%04d" % (rng.randint(1, 899), rng.randint(1, 99), rng.randint(1, 9999))
                if ssn_ok(s):
                    return {"d": s}
        if base == "card":
            t = rng.choice(["visa", "visa", "mc", "mc2", "amex", "disc"])
            if t == "visa":
                p, n, g = "4", 16, [4, 4, 4, 4]
            elif t == "mc":
                p, n, g = "5" + rng.choice("12345"), 16, [4, 4, 4, 4]
            elif t == "mc2":
                p, n, g = "22" + str(rng.randint(30, 70)), 16, [4, 4, 4, 4]
            elif t == "amex":
                p, n, g = "3" + rng.choice("47"), 15, [4, 6, 5]
            else:
                p, n, g = "6011", 16, [4, 4, 4, 4]
            body = p + "".join(rng.choice("0123456789") for _ in range(n - 1 - len(p)))
            d = luhn_complete(body)
            assert luhn_ok(d)
            return {"d": d, "g": g}
        if base == "acct":
            n = rng.choice([8, 9, 10, 10, 12])
            d = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
            return {"d": d, "g": {8: [4, 4], 9: [3, 3, 3], 10: [3, 3, 4], 12: [4, 4, 4]}[n]}
        if base == "member":
            L = "ABCDEFGHJKLMNPRSTUVWXYZ"
            if lang == "en":
                f = rng.choice(["3L9", "W9", "H8", "2L10"])
            else:
                f = {"de": "1L9", "fr": "10", "es": "4L10", "it": "9", "pt": "9"}[lang]
            m = re.match(r"(\d)L(\d+)", f) or re.match(r"([A-Z])(\d+)", f)
            if f[0].isdigit() and "L" in f:
                nl, nd = int(f[0]), int(f[2:])
                letters = "".join(rng.choice(L) for _ in range(nl))
            elif f[0].isalpha():
                letters, nd = f[0], int(f[1:])
            else:
                letters, nd = "", int(f)
            digits = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(nd - 1))
            return {"d": letters + digits, "L": letters, "D": digits}
        if base == "mrn":
            n = rng.choice([7, 8, 8, 6])
            d = "".join(rng.choice("0123456789") for _ in range(n))
            return {"d": d}
        if base == "nhs":
            while True:
                nine = str(rng.randint(4, 7)) + "".join(rng.choice("0123456789") for _ in range(8))
                c = nhs_check(nine)
                if c is not None:
                    assert nhs_ok(nine + c)
                    return {"d": nine + c, "g": [3, 3, 4]}
        if base == "dl":
            st = rng.choice(["CA", "NY", "FL", "TX", "IL", "WA"])
            if st == "CA":
                d = rng.choice("ABCDEFGNY") + "%07d" % rng.randint(0, 9999999)
                return {"d": d, "typed": d, "st": st}
            if st == "NY":
                d = "%09d" % rng.randint(100000000, 999999999)
                return {"d": d, "typed": rng.choice([d, d[:3] + " " + d[3:6] + " " + d[6:]]), "st": st}
            if st == "FL":
                d = rng.choice("BKMRSTW") + "%012d" % rng.randint(0, 10 ** 12 - 1)
                return {"d": d, "typed": "%s-%s-%s-%s-%s" % (d[:4], d[4:7], d[7:9], d[9:12], d[12]), "st": st}
            if st == "TX":
                d = "%08d" % rng.randint(10000000, 49999999)
                return {"d": d, "typed": d, "st": st}
            if st == "IL":
                d = rng.choice("ABCDMRS") + "%011d" % rng.randint(0, 10 ** 11 - 1)
                return {"d": d, "typed": "%s-%s-%s" % (d[:4], d[4:8], d[8:]), "st": st}
            d = "WDL" + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(9))
            return {"d": d, "typed": d, "st": st}
        if base == "passport":
            if rng.random() < 0.5:
                d = "%09d" % rng.randint(100000000, 999999999)
            else:
                d = rng.choice("ACEFGHJKLMNPRSTUVWXYZ") + "%08d" % rng.randint(0, 99999999)
            return {"d": d}
        if base == "iban":
            cc = {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT"}[lang]
            dig = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
            if cc == "GB":
                bban = rng.choice(["NWBK", "BARC", "LOYD", "MIDL", "HBUK"]) + dig(14)
            elif cc == "DE":
                bban = dig(18)
            elif cc == "FR":
                bban = dig(23)
            elif cc == "ES":
                bban = dig(20)
            elif cc == "IT":
                bban = rng.choice("ABCDEFGHIJKLMNPRSTUVWXZ") + dig(22)
            else:
                bban = dig(21)
            return {"d": iban_make(cc, bban)}
        if base == "zip":
            if lang == "en":
                return {"d": "%05d" % rng.randint(1001, 99950)}
            if lang == "pt":
                if rng.random() < 0.5:
                    return {"d": "%04d-%03d" % (rng.randint(1000, 9999), rng.randint(0, 999))}
                return {"d": "%05d-%03d" % (rng.randint(1000, 99999), rng.randint(0, 999))}
            return {"d": "%05d" % rng.randint(1067, 98999)}
        if base == "ukpc":
            a = rng.choice(["LS", "M", "B", "EH", "G", "BS", "NE", "CF", "SW", "N", "OX", "CB", "L"])
            return {"d": "%s%d %d%s" % (a, rng.randint(1, 19), rng.randint(1, 9),
                                         "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))}
        if base == "addr":
            if lang == "en":
                n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(100, 999),
                                rng.randint(1000, 9899)])
                unit = None
                if rng.random() < 0.4:
                    unit = (rng.choice(["apt", "unit", "apartment", "suite", "#"]),
                            str(rng.randint(1, 12)) + rng.choice(["", "", "a", "b", "c"]))
                return {"n": n, "st": rng.choice(STREETS["en"]), "unit": unit}
            n = rng.randint(1, 99)
            unit = None
            if lang in ("es", "pt") and rng.random() < 0.5:
                unit = (rng.randint(1, 8), rng.choice("ABCD") if lang == "es" else rng.choice(["esq.", "dto."]))
            return {"n": n, "st": rng.choice(STREETS[lang]), "unit": unit}
        if base == "ukaddr":
            return {"n": rng.randint(1, 120), "st": rng.choice(UK_STREETS),
                    "flat": rng.randint(1, 9) if rng.random() < 0.3 else None}
        if base == "email":
            p = Person(rng, lang)
            f = re.sub(r"[^a-z]", "", deaccent(p.first).lower())
            l = re.sub(r"[^a-z]", "", deaccent(p.last).lower())
            form = rng.choice(["f.l", "fl", "f_l", "fl2", "f.l2", "flast", "fy", "f-l"])
            n2 = "%02d" % rng.randint(1, 99)
            local = {"f.l": f + "." + l, "fl": f + l, "f_l": f + "_" + l, "fl2": f + l + n2, "f.l2": f + "." + l + n2,
                     "flast": f[0] + l, "fy": f + n2, "f-l": f + "-" + l}[form]
            return {"local": local, "dom": rng.choice(EMAIL_DOMAINS[lang])}
        if base == "url":
            p = Person(rng, lang)
            f = re.sub(r"[^a-z]", "", deaccent(p.first).lower())
            l = re.sub(r"[^a-z]", "", deaccent(p.last).lower())
            site = rng.choice(["calendly.com/%s-%s" % (f, l), "linkedin.com/in/%s%s" % (f, l),
                               "%s%s.com" % (f, l), "github.com/%s%s" % (f[0], l)])
            return {"u": site}
        raise KeyError(base)

    def render(self, base, raw, mode):
        rng, lang = self.rng, self.lang
        sp = self.spoken(mode)
        if base == "phone":
            d, g = raw["d"], raw["g"]
            if sp:
                if lang == "fr":
                    style = rng.choice(["pairs", "pairs", "single"])
                else:
                    style = None
                return spoken_groups(lang, split_groups(d, g), rng, style, self.sep)
            fmt = raw["fmt"]
            a, b, c = (split_groups(d, g) + ["", ""])[:3]
            if fmt == "us":
                return rng.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "%s %s %s", "+1 %s %s %s",
                                   "1-%s-%s-%s"]) % (a, b, c)
            if fmt == "uk":
                return rng.choice(["%s %s", "%s%s"]) % (a, b) if rng.random() < 0.8 else "+44 %s %s" % (a[1:], b)
            if fmt == "de":
                return rng.choice(["%s %s %s", "%s/%s%s", "%s %s%s"]) % (a, b, c) if rng.random() < 0.8 else \
                    "+49 %s %s%s" % (a[1:], b, c)
            if fmt == "fr":
                return rng.choice([" ", ".", ""]).join(split_groups(d, g)) if rng.random() < 0.85 else \
                    "+33 " + d[1] + " " + " ".join(split_groups(d[2:], [2, 2, 2, 2]))
            if fmt in ("es", "pt"):
                return rng.choice(["%s %s %s", "%s%s%s"]) % (a, b, c)
            if fmt == "it":
                return rng.choice(["%s %s %s", "%s %s%s", "%s/%s%s"]) % (a, b, c)
            if fmt == "br":
                return rng.choice(["(%s) %s-%s", "%s %s-%s", "%s %s%s"]) % (a, b, c)
        if base in ("dob", "appt"):
            return self.render_date(raw, sp)
        if base == "ssn":
            d = raw["d"]
            g = split_groups(d, [3, 2, 4])
            if sp:
                return spoken_groups("en", g, rng, rng.choice(["single", "compress"]), self.sep)
            return rng.choice(["-", " ", "-", ""]).join(g)
        if base in ("card", "acct", "nhs"):
            d, g = raw["d"], raw["g"]
            if sp:
                return spoken_groups(lang, split_groups(d, g), rng, None if base != "card" else
                                     rng.choice(["single", "pairs"] if lang == "en" else ["single"]), self.sep)
            if base == "acct" and rng.random() < 0.6:
                return d
            return rng.choice([" ", " ", "-", ""]).join(split_groups(d, g))
        if base == "member":
            if sp:
                L = spoken_chars(lang, raw["L"], rng) if raw["L"] else ""
                D = raw["D"]
                gs = [D[i:i + 3] for i in range(0, len(D), 3)]
                body = spoken_groups(lang, gs, rng, rng.choice(["single", "single", "pairs"]), self.sep)
                return (L + " " + body) if L else body
            d = raw["d"]
            if rng.random() < 0.25 and len(raw["D"]) >= 8:
                return raw["L"] + (" " if raw["L"] else "") + " ".join(
                    raw["D"][i:i + 4] for i in range(0, len(raw["D"]), 4))
            return d
        if base == "mrn":
            d = raw["d"]
            if sp:
                g = [d[:len(d) // 2], d[len(d) // 2:]] if rng.random() < 0.5 else [d]
                return spoken_groups(lang, g, rng, None, self.sep)
            return d
        if base == "dl":
            if sp:
                return spoken_chars("en", raw["d"], rng)
            return raw["typed"]
        if base == "passport":
            if sp:
                return spoken_chars("en", raw["d"], rng)
            return raw["d"]
        if base == "iban":
            d = raw["d"]
            gs = [d[i:i + 4] for i in range(0, len(d), 4)]
            if sp:
                return self.sep.join(spoken_chars(lang, g, rng, "upper") for g in gs)
            return " ".join(gs) if rng.random() < 0.8 else d
        if base in ("zip", "ukpc"):
            d = raw["d"]
            if sp:
                if base == "ukpc":
                    a, b = d.split(" ")
                    return spoken_chars("en", a, rng, "upper") + rng.choice([", ", " "]) + \
                        spoken_chars("en", b, rng, "upper")
                digits = d.replace("-", "")
                if lang == "fr" and rng.random() < 0.5 and d[0] != "0":
                    return fr_num(int(d[:2])) + " " + " ".join(dword("fr", c, rng) for c in d[2:])
                return " ".join(dword(lang, c, rng) for c in digits)
            return d
        if base == "addr":
            return self.render_addr(raw, sp)
        if base == "ukaddr":
            st = raw["st"]
            if sp:
                s = en_num(raw["n"]) + " " + st.lower()
                if raw["flat"]:
                    s = "flat " + en_num(raw["flat"]) + ", " + s
                return s
            s = "%d %s" % (raw["n"], st)
            if raw["flat"]:
                s = "Flat %d, %s" % (raw["flat"], s)
            return self.name_case(s)
        if base == "email":
            local, dom = raw["local"], raw["dom"]
            if sp:
                dot, at, us, dash = [rng.choice(x) for x in EMAIL_WORDS[lang]]

                def sp_part(s):
                    out = []
                    for tok in re.findall(r"[a-z]+|\d+|[._\-]", s):
                        if tok == ".":
                            out.append(dot)
                        elif tok == "_":
                            out.append(us)
                        elif tok == "-":
                            out.append(dash)
                        elif tok.isdigit():
                            if lang == "en" and len(tok) == 2 and tok[0] != "0" and rng.random() < 0.6:
                                out.append(en_num(int(tok), " "))
                            else:
                                out.append(" ".join(dword(lang, c, rng) for c in tok))
                        else:
                            out.append(tok)
                    return " ".join(out)
                return sp_part(local) + " " + at + " " + sp_part(dom)
            return local + "@" + dom
        if base == "url":
            u = raw["u"]
            if sp:
                return u.replace(".", " %s " % EMAIL_WORDS[lang][0][0]).replace("/", " %s " % SLASH[lang]).replace(
                    "-", " %s " % EMAIL_WORDS[lang][3][0])
            return rng.choice(["", "", "https://", "www."]) + u if not u.startswith(("calendly", "linkedin",
                                                                                       "github")) else \
                rng.choice(["", "https://"]) + u
        raise KeyError(base)

    def render_date(self, raw, sp):
        rng, lang = self.rng, self.lang
        y, m, d, kind = raw["y"], raw["m"], raw["d"], raw["kind"]
        with_year = kind == "dob" or rng.random() < 0.3
        M = MONTHS[lang][m - 1]
        if lang == "en":
            if sp:
                yr = year_words("en", y, rng)
                forms = ["%s %s" % (M, en_ord(d)), "the %s of %s" % (en_ord(d), M), "%s %s" % (M, en_num(d))]
                s = rng.choice(forms)
                if with_year:
                    r = rng.random()
                    if r < 0.15 and kind == "dob":
                        return "%s %s %s" % (en_num(m), en_num(d), en_num(y % 100) if y % 100 >= 10 else
                                             "oh " + EN_ONES[y % 100])
                    if r < 0.25 and kind == "dob":
                        return "%s %s %s" % (spoken_group("en", "%02d" % m, rng, "single"),
                                             spoken_group("en", "%02d" % d, rng, "single"), yr)
                    s += rng.choice([" ", ", "]) + yr
                return s
            Mc = M.capitalize() if rng.random() < 0.7 else M
            if with_year:
                return rng.choice(["%02d/%02d/%d" % (m, d, y), "%d/%d/%d" % (m, d, y), "%d/%d/%02d" % (m, d, y % 100),
                                   "%s %d, %d" % (Mc, d, y), "%d %s %d" % (d, Mc, y), "%d-%02d-%02d" % (y, m, d),
                                   "%s %d %d" % (Mc[:3], d, y)])
            return rng.choice(["%d/%d" % (m, d), "%s %d" % (Mc, d), "%s %s" % (Mc, "%d%s" % (d, ord_suffix(d))),
                               "the %d%s of %s" % (d, ord_suffix(d), Mc)])
        if sp:
            if lang == "de":
                s = rng.choice(["%s %s" % (de_ord(d), M), "%s %s" % (de_ord(d), de_ord(m))])
            elif lang == "fr":
                s = "%s %s" % ("premier" if d == 1 else fr_num(d), M)
            elif lang == "es":
                s = "%s de %s" % ("primero" if d == 1 else es_num(d), M)
            elif lang == "it":
                s = "%s %s" % ("primo" if d == 1 else it_num(d), M)
            else:
                s = "%s de %s" % ("primeiro" if d == 1 else pt_num(d), M)
            if with_year:
                yr = year_words(lang, y, rng)
                s += {"de": " ", "fr": " ", "es": " de ", "it": " ", "pt": " de "}[lang] + yr
            return s
        sepd = "." if lang == "de" else "/"
        if with_year:
            forms = ["%02d%s%02d%s%d" % (d, sepd, m, sepd, y), "%d%s%d%s%d" % (d, sepd, m, sepd, y)]
            if lang == "de":
                forms += ["%d. %s %d" % (d, M, y), "%d.%d.%02d" % (d, m, y % 100)]
            elif lang in ("es", "pt"):
                forms += ["%d de %s de %d" % (d, M, y)]
            else:
                forms += ["%d %s %d" % (d, M, y)]
            return rng.choice(forms)
        forms = ["%02d%s%02d" % (d, sepd, m) + ("." if lang == "de" else "")]
        if lang == "de":
            forms += ["%d. %s" % (d, M)]
        elif lang in ("es", "pt"):
            forms += ["%d de %s" % (d, M)]
        else:
            forms += ["%d %s" % (d, M)]
        return rng.choice(forms)

    def render_addr(self, raw, sp):
        rng, lang = self.rng, self.lang
        n, st, unit = raw["n"], raw["st"], raw["unit"]
        if lang == "en":
            if sp:
                s = en_house(n, rng) + " " + st.lower()
                if unit:
                    kind = {"apt": "apartment", "#": "number"}.get(unit[0], unit[0])
                    num = re.match(r"\d+", unit[1]).group()
                    letter = unit[1][len(num):]
                    s += rng.choice([" ", ", "]) + kind + " " + en_num(int(num)) + (" " + letter if letter else "")
                return s
            stt = st
            if rng.random() < 0.4:
                stt = stt.replace("Street", "St").replace("Avenue", "Ave").replace("Road", "Rd").replace(
                    "Drive", "Dr").replace("Lane", "Ln").replace("Boulevard", "Blvd")
            s = "%d %s" % (n, stt)
            if unit:
                k = {"apt": "Apt", "unit": "Unit", "apartment": "Apt", "suite": "Suite", "#": "#"}[unit[0]]
                s += rng.choice([" ", ", "]) + k + ("" if k == "#" else " ") + unit[1].upper()
            return self.name_case(s)
        numw = NUM[lang](n)
        stl = st.lower() if (sp or self.lc_names) else st
        if lang == "de":
            if sp:
                return "%s %s" % (stl, numw)
            return "%s %d%s" % (stl, n, rng.choice(["", "", "a", "b"]))
        if lang == "fr":
            if sp:
                return "%s %s" % (numw, stl)
            return "%d%s %s" % (n, rng.choice(["", "", " bis", ","]), stl)
        if lang == "it":
            if sp:
                return "%s %s%s" % (stl, rng.choice(["", "numero "]), numw)
            return "%s%s %d" % (stl, rng.choice(["", ","]), n)
        if lang == "es":
            if sp:
                s = "%s %s%s" % (stl, rng.choice(["", "número "]), numw)
                if unit:
                    s += ", " + ["primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo",
                                 "octavo"][unit[0] - 1] + " " + unit[1].lower()
                return s
            s = "%s %d" % (stl, n) if rng.random() < 0.7 else "%s, %d" % (stl, n)
            if unit:
                s += ", %d.º %s" % unit
            return s
        if sp:
            s = "%s %s%s" % (stl, rng.choice(["", "número "]), numw)
            if unit:
                s += ", " + ["primeiro", "segundo", "terceiro", "quarto", "quinto", "sexto", "sétimo",
                             "oitavo"][unit[0] - 1] + " " + ("esquerdo" if unit[1] == "esq." else "direito")
            return s
        s = "%s, %d" % (stl, n)
        if unit:
            s += ", %d.º %s" % unit
        return s

    # ---- placeholder resolution ----
    def resolve(self, name, idx, attr):
        rng = self.rng
        if name == "p":
            p = self.person(idx or "0")
            if attr is None:
                return ("PERSON", self.name_case(p.first + " " + p.last))
            if attr == "f":
                return ("PERSON", self.name_case(p.first))
            if attr == "l":
                return ("PERSON", self.name_case(p.last))
            if attr == "spell":
                return ("PERSON", self.spell(p.last))
            if attr == "sas":
                return ("PERSON", self.spell(p.last, True))
            if attr == "fspell":
                return ("PERSON", self.spell(p.first))
            if attr == "t":
                return (None, self.name_case(rng.choice(TITLES[self.lang][p.sex])))
            if attr == "lf":   # SURNAME, Given is two spans; here "surname given" in one (speech)
                return ("PERSON", self.name_case(p.last + " " + p.first))
            raise KeyError(attr)
        if name in ENTITY_OF:
            key = name + (idx or "")
            if idx:
                if key not in self.raw:
                    self.raw[key] = self.gen_raw(name)
                raw = self.raw[key]
            else:
                raw = self.gen_raw(name)
            return (ENTITY_OF[name], self.render(name, raw, attr))
        if name in ("A", "C"):
            lab = self.speakers[0 if name == "A" else 1]
            if self.ts:
                self.clock += rng.randint(2, 25)
                lab = "[%02d:%02d:%02d] %s" % (0, self.clock // 60, self.clock % 60, lab)
            return (None, lab)
        if name == "first":
            return ("PERSON", self.name_case(rng.choice(GIVEN_F + GIVEN_M)))
        if name == "wn":   # names that are also ordinary words
            g = rng.choice(WORD_GIVEN)
            s = g if rng.random() < 0.4 else g + " " + rng.choice(WORD_SURNAMES + SURNAMES[:40])
            return ("PERSON", self.name_case(s))
        if name == "name":
            p = Person(rng, self.lang)
            return ("PERSON", self.name_case(p.first + " " + p.last))
        voc = VOC[self.lang]
        if name in voc:
            key = name + (idx or "")
            if idx:
                if key not in self.cache:
                    self.cache[key] = rng.choice(voc[name])
                return (None, self.cache[key])
            return (None, rng.choice(voc[name]))
        if name == "n":   # small count 2..12 as digits
            return (None, str(rng.randint(2, 12)))
        if name == "bed":
            return (None, str(rng.randint(1, 32)))
        if name == "age":
            return (None, str(rng.randint(19, 97)))
        if name == "sx":
            return (None, rng.choice(["M", "F"]))
        raise KeyError(name)


def ord_suffix(d):
    if d in (1, 21, 31):
        return "st"
    if d in (2, 22):
        return "nd"
    if d in (3, 23):
        return "rd"
    return "th"


ENTITY_OF = {
    "phone": "PHONE", "dob": "DATE", "appt": "DATE", "ssn": "US_SSN", "card": "CREDIT_CARD",
    "acct": "ACCOUNT_NUMBER", "member": "HEALTH_PLAN_ID", "mrn": "MEDICAL_RECORD_NUMBER", "nhs": "UK_NHS",
    "dl": "US_DRIVER_LICENSE", "passport": "US_PASSPORT", "iban": "IBAN", "zip": "ZIP_CODE", "ukpc": "ZIP_CODE",
    "addr": "STREET_ADDRESS", "ukaddr": "STREET_ADDRESS", "email": "EMAIL", "url": "URL",
}


# --------------------------------------------------------------------------
# Template engine: [[a|b|c]] alternatives (nestable), {placeholder} values
# --------------------------------------------------------------------------
ALT = re.compile(r"\[\[([^\[\]]*)\]\]")
PH = re.compile(r"\{([A-Za-z_]+)(\d*)(?:\.([a-z]+))?\}")


def expand_alts(t, rng):
    while True:
        m = ALT.search(t)
        if not m:
            return t
        t = t[:m.start()] + rng.choice(m.group(1).split("|")) + t[m.end():]


def render(tpl, rng, lang, slice_):
    t = expand_alts(tpl, rng)
    ctx = Ctx(rng, lang, slice_, t)
    segs = []
    pos = 0
    for m in PH.finditer(t):
        segs.append((None, t[pos:m.start()]))
        segs.append(ctx.resolve(m.group(1), m.group(2), m.group(3)))
        pos = m.end()
    segs.append((None, t[pos:]))
    if ctx.lc_text:
        segs = [(e, s.lower() if e is None else s) for e, s in segs]
    text = ""
    spans = []
    values = []
    for ent, s in segs:
        if ent is not None:
            assert s and s == s.strip(), (s, tpl)
            start = len(text.encode("utf-8"))
            text += s
            end = len(text.encode("utf-8"))
            spans.append({"entity": ent, "start": start, "end": end})
            values.append(s)
        else:
            text += s
    # tidy doubled blanks left by empty fillers (only in plain text; recompute offsets by rebuilding)
    return text, spans, values, segs


EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def audit(text, spans, values, positive):
    b = text.encode("utf-8")
    for sp, v in zip(spans, values):
        assert sp["entity"] in LABELS
        got = b[sp["start"]:sp["end"]].decode("utf-8")
        assert got == v, (got, v)
        assert got == got.strip() and got
    for a, c in zip(spans, spans[1:]):
        assert a["end"] <= c["start"]
    # typed values keep their check digits
    for sp, v in zip(spans, values):
        if not re.fullmatch(r"[A-Z0-9 \-./()+]+", v):
            continue   # spoken form
        ds = re.sub(r"\D", "", v)
        if sp["entity"] == "CREDIT_CARD":
            assert 13 <= len(ds) <= 19 and luhn_ok(ds), v
        elif sp["entity"] == "UK_NHS":
            assert nhs_ok(ds), v
        elif sp["entity"] == "US_SSN":
            assert len(ds) == 9 and ssn_ok(ds), v
        elif sp["entity"] == "IBAN":
            assert iban_ok(v.replace(" ", "")), v
    # text outside spans
    outside = bytearray(b)
    for sp in spans:
        outside[sp["start"]:sp["end"]] = b" " * (sp["end"] - sp["start"])
    o = outside.decode("utf-8", errors="replace")
    if EMAIL_RE.search(o):
        return "email outside spans"
    if re.search(r"\d{9,}", o):
        return "9+ digit run outside spans"
    for m in re.finditer(r"\d[\d \-]{11,}\d", o):
        ds = re.sub(r"\D", "", m.group())
        for L in range(13, 20):
            for i in range(0, len(ds) - L + 1):
                if luhn_ok(ds[i:i + L]):
                    return "luhn run outside spans"
    if not positive and spans:
        return "negative with spans"
    if positive and not spans:
        return "positive without spans"
    if "{" in text or "[[" in text or "]]" in text:
        return "unresolved template"
    if "  " in text.replace("\n", "|"):
        return "double blank"
    return None


# --------------------------------------------------------------------------
# Templates: T[lang][slice] = (positives, negatives)
# --------------------------------------------------------------------------
T = {lang: {s: ([], []) for s in SLICES} for lang, _ in LANG_COUNTS}


def add(lang, slice_, pos, *tpls):
    for t in tpls:
        T[lang][slice_][0 if pos else 1].append(t.strip("\n"))


# ============================== ENGLISH ==================================
add("en", "voice", True,
"""{A}: thank you for calling {ins}[[, this is {p2.f}| my name is {p2.f}|]], how can I help you today
{C}: hi yeah{um} I'm calling about a claim that got denied
{A}: ok I can help with that, can I get the member id on the card
{C}: sure it's{um} {member1}
{A}: and the patient's name and date of birth
{C}: {p1}, {dob1}
{A}: thank you [[{p1.f}|]], let me pull that up""",
"""{A}: [[ok|alright|okay]] and can you spell the last name for me
{C}: yeah it's {p1.l}, {p1.spell}
{A}: {p1.spell}, got it, and first name
{C}: {p1.f}
{A}: and a good callback number
{C}: {phone1}""",
"""{A}: [[so|ok so]] to verify I'll need the last four[[ of the social| of your social security number]] or the full number
{C}: uh the full one is {ssn1}
{A}: thank you and the date of birth on file
{C}: {dob1}
{A}: perfect{um} I have you here as {p1}[[, is that right|, correct]]
{C}: [[yep|yes|mhm]]""",
"""{A}: I can take the payment now[[ if you'd like|]], what's the card number
{C}: ok{um} it's {card1}
{A}: and the name exactly as it shows on the card
{C}: {p1}
{A}: and the billing zip
{C}: {zip1}""",
"""{C}: [[hi|hello]] um I need to update my address[[ please|]]
{A}: sure, what's the new address
{C}: it's{um} {addr1}[[, |... ]]{zip1}
{A}: let me read that back, {addr1.s}, {zip1.s}
{C}: yeah that's it""",
"""{A}: who am I speaking with
{C}: this is {p1}[[ but| and]] I'm calling for {rel}{um} {p2}
{A}: ok, are you listed on the HIPAA release
{C}: I should be[[ yeah|]]
{A}: ok what's the patient's date of birth
{C}: {dob1}
{A}: and the medical record number if you have it[[, it's on the after visit summary|]]
{C}: {mrn1}""",
"""{A}: and what email should we send the statement to
{C}: {email1}
{A}: let me repeat that, {email1.s}
{C}: [[yes|yep]][[ all lower case|]]""",
"""{A}: ok I see an appointment for {p1.f} on {appt1}[[ at {time}|]], did you want to keep that
{C}: um no can we move it{um} she's got school
{A}: sure, I have {appt2} open, or {appt3}
{C}: the second one please""",
"""{C}: hi, um, this is [[{p1.t} |]]{p1.l}, {p1.sas}, I'm returning a call from [[the nurse|{p2.f}|someone]]
{A}: ok and your first name
{C}: {p1.f}
{A}: date of birth[[ please|]]
{C}: {dob1}""",
"""{A}: for the direct deposit I'll need the account number and routing
{C}: ok account number is {acct1}
{A}: sorry can you repeat that[[ slowly|]]
{C}: {acct1.s}
{A}: thank you [[{p1.f}|]], got it""",
"""{A}: [[and|ok and]] do you have your driver's license with you
{C}: yeah it's a [[california|new york|florida|texas|illinois]] license, {dl1}
{A}: and the name on it
{C}: {p1}""",
"""{A}: for the travel vaccine record we'll need your passport number
{C}: ok{um} it's {passport1}
{A}: thank you, and your full name as on the passport
{C}: {p1}[[, no middle name|, same as on the card|]]""",
"""{A}: can I have your NHS number please
{C}: it's{um} {nhs1}
{A}: lovely and your postcode
{C}: {ukpc1}
{A}: and first line of the address
{C}: {ukaddr1}""",
"""{A}: I'll send the refund to the IBAN on file, can you confirm it
{C}: {iban1}
{A}: and the account holder
{C}: {p1}""",
"""{A}: ok [[mister |miss |]]{p1.l}[[,|]] what's a good number to reach you
{C}: my cell is {phone1} or you can try {rel} at {phone2}
{A}: thank you, and is this{um} for the {appt1} visit
{C}: yes""",
"""{A}: [[hi|hello]] you're through to the pharmacy, how can I help
{C}: yeah hi I'm picking up for {p1}, date of birth {dob1}
{A}: and your name
{C}: {p2}
{A}: ok I see the {drug} is ready""",
"""{A}: what's the patient's name
{C}: {p1.f}, last name is {p1.l}, that's {p1.sas}
{A}: and the date of service
{C}: {appt1}""",
"""{C}: so[[ basically|]] the charge was on my card{um}, the number is {card1}
{A}: [[ok|alright]] and the cardholder name
{C}: {p1}
{A}: and you're disputing the charge from {appt1}
{C}: right""",
)
add("en", "voice", False,
"""{A}: [[thank you for calling|thanks for calling]] {org}, how can I help
{C}: hi yeah{um} quick question, the label on my {drug} says take {dose}, is that{um} twice a day or once
{A}: let me check, it says twice a day with food
{C}: ok and it's fine with {brand}
{A}: that should be fine, but call back if the dizziness gets worse""",
"""{A}: ok so your blood pressure at home was what
{C}: um {vital} this morning, and yesterday it was like{um} one forty something
{A}: ok and are you still taking the {dose} of {drug}
{C}: yeah every day at {time}""",
"""{A}: {ins} member services, [[how can I help|what can I do for you]]
{C}: hi I just want to know if physical therapy is covered[[ like how many visits|]]
{A}: [[it depends on the plan but|usually]] it's twenty visits a year, with a copay of {price}
{C}: ok and do I need a referral from {dept}
{A}: no referral needed for that""",
"""{C}: I'm calling about the {epo} support group[[, when does it meet|]]
{A}: it's every other {day} at {time} in {room}
{C}: [[ok|great]] and is parking free
{A}: the first two hours are free, then it's {price}""",
"""{A}: [[ok|right]] and how many steps a day are you doing now
{C}: like{um} four thousand five hundred[[ maybe five|]]
{A}: that's good, try to get to six thousand, and keep the {brand} to{um} no more than three a day
{C}: ok""",
"""{A}: the {job} asked me to call you back about the bill
{C}: oh ok
{A}: so the balance is {price}, and you can pay in {count} installments
{C}: ok can I do it online
{A}: yes on the portal, page four has the payment plans""",
"""{C}: uh my {rel} has {epo} and the doctor wants to try a new medication
{A}: ok is that the {brand} or something else
{C}: I think it was[[ the|]] {drug}, {dose}
{A}: ok, I'll check with the pharmacist and call back {day}""",
"""{A}: press one for pharmacy, press two for {dept}[[, press three for billing|]]
{C}: two
{A}: you've reached {dept}, our hours are eight to {time}, please hold""",
)

add("en", "voicemail", True,
"""[[Hi|Hey|Hello]][[,|]] this is {p1} calling from {org}[[,|.]] [[I'm|we're]] trying to reach {p2} about [[the lab results|an upcoming appointment|your referral|a prescription refill]]. Please call me back at {phone1}. [[Again that's|That's]] {phone1}. Thank you[[, bye|]].""",
"""hi {p2.f} it's {p1.f} from {org}, um, just calling to confirm your appointment on {appt1} at {time}[[, if you need to reschedule give us a call at {phone1}|. call us back at {phone1} if that doesn't work]]. thanks""",
"""Hi, this message is for {p2}. This is {p1} from {bank} fraud department. We noticed unusual activity on your card ending in [[four two|one nine|eight eight|six zero]]. Please call us at {phone1} and reference your account number {acct1}. Thank you.""",
"""hey it's {p1.f}[[ again|]], uh, {rel}'s number changed, the new one is {phone1}, and her email is {email1}, ok, call me back, bye""",
"""Hello, this is [[Dr.|doctor]] {p1.l}'s office calling for {p2}, date of birth {dob1}. We received your records and need your insurance member ID. You can call us back at {phone1}[[ or email|, or just email]] {email1}. Have a good day.""",
"""Yes hi this is {p1}[[, um,|]] my date of birth is {dob1}, I'm calling about my prescription for {drug}, the pharmacy says it needs a prior auth. My member ID is {member1}. Please call me at {phone1}. Thanks.""",
"""Hi, it's {p1.f} {p1.l}, that's {p1.spell}, I had a missed call from this number, I'm at {phone1}, you can leave a message, thanks""",
"""hi this is {p1} from {ins}[[ care management|]] calling for {p2} regarding the discharge on {appt1}. please call me back on my direct line {phone1}[[, extension two one four|]]. again {p1.f}, {phone1}. thank you""",
"""Hi {p2.f}, it's {p1.f} from the billing office at {org}. Your statement was returned to us, we have your address as {addr1}, {zip1}, if that's not correct please call {phone1}. Thanks.""",
"""Good morning, message for {p2.t} {p2.l}. This is {p1} at {org}. Your MRI is scheduled for {appt1}, arrive at {time}. If you have questions call {phone1}. Again, that's {phone1}.""",
"""hey its {p1.f} from the {dept} at {org}[[, um|]], {p2.f}'s patient portal link is {url1}[[, you can|]] log in with your email {email1}. ok bye""",
"""Hi, this message is for {p2}. It's {p1} with {ins}. I'm calling about claim for date of service {appt1}. Please have your member ID {member1} ready and call {phone1}. Thank you.""",
)
add("en", "voicemail", False,
"""Hi, this is a reminder from {org}. You have an appointment {day} at {time}. Please arrive fifteen minutes early and bring your insurance card and a list of medications. To cancel, press two. Thank you.""",
"""Hello, this is the pharmacy calling. Your prescription is ready for pickup. Our hours are nine to {time} Monday through Friday. The copay is {price}. Thank you.""",
"""hi it's the front desk at {org}, just letting you know the {dept} office moved to the third floor, {room}, parking is in lot {n}. see you {day}""",
"""This is an automated message from {ins}. Flu shots are now available at no cost at participating pharmacies. Walk-ins welcome {day}. For more information visit our website or call the number on the back of your card.""",
"""hey, it's the {job} at {org}, um, the {epo} education class moved to {day} at {time}, same room, bring the workbook, page {n} onwards, thanks""",
)

add("en", "dictation", True,
"""this is [[doctor|dr]] {p2.l} dictating a [[clinic note|follow up note|new patient note]] on {p1} [[comma|period]] date of birth {dob1} period medical record number {mrn1} period new paragraph {p1.f} is a {age} year old [[here for follow up of|seen today for]] {cond} period""",
"""patient name {p1.l} [[comma |]]{p1.f} period spelled {p1.spell} period date of birth {dob1} period date of service {appt1} period chief complaint comma [[chest pain|shortness of breath|knee pain|headache]] period""",
"""dictating on patient {p1} comma MRN {mrn1} period admission date {appt1} period new paragraph history of present illness colon the patient presented with {cond} period {p3.f} [[comma daughter comma|comma son comma|comma spouse comma|]] at bedside period contact number {phone1} period""",
"""this is {p2} for {org} comma operative note for {p1} comma date of birth {dob1} comma date of surgery {appt1} period [[attending|assistant]] surgeon {p3} period""",
"""um this is dr {p2.l}[[ again|]] [[scratch that|sorry]] start over period referral letter for {p1.t} {p1} comma {addr1} comma {zip1} period dear [[doctor|dr]] {p3.l} comma thank you for seeing this patient period""",
"""new dictation period patient {p1} period date of birth {dob1} period insurance member ID {member1} period plan {ins} period new paragraph assessment and plan colon continue {drug} {dose} daily period""",
"""discharge summary for {p1} comma MRN {mrn1} comma admitted {appt1} comma discharged {appt2} period follow up with {p2} in two weeks period patient can be reached at {phone1} period""",
"""dictation for {p1} comma NHS number {nhs1} comma date of birth {dob1} period seen in clinic today period new paragraph impression colon {cond} period letter copied to GP [[doctor|dr]] {p2.l} period""",
"""[[ok|alright]] this is {p2.f} {p2.l} [[dictating|recording]] a phone encounter period spoke with {p1} comma date of birth {dob1} comma at {phone1} period reports improvement on {drug} period""",
"""letter to patient period {p1} comma {addr1} comma {zip1} period dear {p1.t} {p1.l} comma your results from {appt1} were normal period sincerely comma {p2} period end of dictation""",
)
add("en", "dictation", False,
"""this is a dictation for the teaching file period no patient identifiers period new paragraph a {age} year old with {epo} presented with {cond} period vitals colon {vital} period started on {drug} {dose} twice daily period""",
"""template dictation comma normal physical exam period heart regular rate and rhythm comma no murmurs period lungs clear bilaterally period abdomen soft comma nontender period new paragraph plan colon {brand} as needed comma follow up {day} period""",
"""procedure note template period [[timeout performed|consent signed and timeout performed]] period [[five|ten|three]] mils of [[one|two]] percent lidocaine [[infiltrated|given]] period estimated blood loss [[minimal|five mils|less than ten mils]] period [[no complications|tolerated well]] period [[specimen sent to pathology|no specimen]] period [[follow up in {count} weeks|wound check {day}]] period""",
"""medication reconciliation period {drug} {dose} daily period {brand} as needed period hold {drug} if systolic less than ninety period recheck in {count} weeks period""",
)

add("en", "chat", True,
"""[[hey|hi|yo]] is {p1.f} [[coming in|working]] today? [[need|got]] a question about the {drug} order""",
"""tell {p1.f} the results are in[[ 👍|!|]]""",
"""ok thx {p1.f}[[ 🙏| :)|]]""",
"""{p1.f}: hi, it's {p1} [[again|]], can u send the form to {email1} pls
{p2.f}: sure, done ✅
{p1.f}: thx""",
"""[[hey|hi]] this is {p1.f}[[, {p2.f}'s mom|, {p2.f}'s husband| from {org}]], pls call me on {phone1} when u can""",
"""can someone call {p1} back? pt says the {drug} is making [[her|him|them]] dizzy. number is {phone1} 🙏""",
"""[[lol|haha]] no {p1.f} already left, ask {p2.f}""",
"""hey {p1.f}!! appt is confirmed for {appt1} at {time}, bring ur insurance card pls 😊""",
"""new address: {addr1}, {zip1}. can u update it in the system? - {p1.f}""",
"""my member id is {member1} and dob {dob1}, the portal keeps saying invalid 😩""",
"""[[whats|what's]] the mrn for {p1}? need it for the order
{mrn1}
ty""",
"""{p1.f} can u send me ur iban for the refund
{iban1}
got it thx""",
"""fyi {p1.f} {p1.l} called, wants a callback re: bill, {phone1}""",
"""hi its {p1} dob {dob1} I need to cancel my appt on {appt1} sorry 😔""",
"""pls pay the deposit to acct {acct1}, reference ur name. thx {p1.f}""",
"""{p1.f} & {p2.f}, lunch at 12? 🍕""",
"""hey {p1.f} r u on call tonight or is it {p2.f}""",
"""[[can u|could you]] add {p1} to the list for {appt1}? {email1}""",
)
add("en", "chat", False,
"""[[anyone|does anyone]] know if the {brand} shortage is over? pharmacy said {day}""",
"""ugh the fax is down again 😤 {dept} says use the portal""",
"""reminder: staff meeting {day} at {time}, pizza in the break room 🍕""",
"""bp was {vital} this morning, [[is that ok|should i worry]]? took my {drug} at {time}""",
"""the {epo} pamphlets are on page {n} of the binder fyi""",
"""lol the vending machine ate my {price} again""",
"""can u check if the {job} approved the schedule? thx""",
"""ok so it's {dose} twice a day right? or once 🤔""",
)

add("en", "meeting", True,
"""Team huddle {day}
Attendees: {p1}, {p2}, {p3}[[, {p4}|]]
- {p5.f} {p5.l} (bed {bed}) going home [[today|tomorrow]], needs transport
AI: {p1.f} to call the patient's daughter at {phone1}""",
"""Minutes – billing review
Present: {p1}, {p2}
1. Complaint from {p3}, DOB {dob1}, about duplicate charge. {p2.f} to issue refund to card on file.
2. AI: {p1.f} to follow up with {ins}.""",
"""Care conference notes
Patient: {p1}, MRN {mrn1}
Family present: {p2} ([[daughter|son|wife|husband|niece|HCP]]), phone {phone1}
Team: {p3} (SW), {p4} (PT)
Plan: discharge {appt1} to home with services.""",
"""Action items:
- {p1.f} to email {p2} at {email1} re: the prior auth
- {p3.f} to schedule follow up for {p4} on {appt1}
- {p2.f} to update address to {addr1}, {zip1}""",
"""Weekly ops sync
Attendees: {p1}, {p2}, {p3}
Notes: {p4.f} is out {day}, {p1.f} covering. New hire {p5} starts Monday.
AI: {p3.f} to order badges""",
"""Fraud review call
{p1} summarized the case: customer {p2}, acct {acct1}, card {card1}, disputed two charges.
AI: {p3.f} to call customer on {phone1}.""",
"""M&M prep
Case: {p1}, DOB {dob1}, admitted {appt1} with {cond}.
Presenter: {p2}. Discussant: {p3}.
AI: {p2.f} to pull the imaging.""",
"""Notes from call with {p1} ({ins})
- member {p2}, ID {member1}
- prior auth approved for {drug}
- {p3.f} to let the patient know""",
"""Standup
{p1.f}: finished the {dept} rota
{p2.f}: blocked on access, waiting for {p3.f}
{p4.f}: on leave from {appt1}""",
"""Referral committee
Discussed {p1} (MRN {mrn1}) – referred by [[Dr.|Dr]] {p2.l}, approved.
Discussed {p3} (MRN {mrn2}) – needs more info, {p4.f} to chase.""",
)
add("en", "meeting", False,
"""Quality meeting minutes
Attendees: {job}, {job}, {dept} lead, Pharmacy rep
1. Falls down {n} percent this quarter.
2. {brand} stock low; switch to generic.
AI: {dept} to update the policy by {day}.""",
"""Agenda
1. Budget (page {n})
2. {epo} clinic pilot – results
3. New {dept} workflow
4. AOB""",
"""Action items
- {dept} to review the {epo} pathway
- {job} to send updated rota
- Order more {brand}""",
"""Town hall notes: CEO update on the {city} site, new parking garage opening {day}, flu shot clinic in {room}, {count} new hires in {dept}.""",
)

add("en", "handoff", True,
"""bed {bed} - {p1.l}, {age}{sx}, [[hip #|NOF #|CAP|UTI|AKI|cellulitis L leg]], NBM, fam aware
bed {bed} - {p2.l}, {age}{sx}, [[post op day 1|obs stable|for d/c am]], dtr {p3.f} {phone1}""",
"""Handover {p1.f} -> {p2.f}
- {p3} (MRN {mrn1}), {age}{sx}, {cond}, [[on abx|on IV fluids|for CT am]]
- {p4}, [[DNR|full code]], son {p5.f} to call""",
"""ICU rounds
Bed {bed}: {p1.l}, {p1.f}. DOB {dob1}. MRN {mrn1}. Intubated, sedated, MAP > 65 on norad.
Plan: SBT am. Wife ({p2.f}) updated on {phone1}.""",
"""on call notes
- called re {p1.l} bed {bed}, [[K 5.9|febrile 38.7|fell, no injury|chest pain, trop pending]]
- reviewed {p2} ({mrn1}), ok
- {p3.f} from [[nights|ED]] to follow""",
"""ward list
{bed} {p1.l} {age}{sx} [[#NOF|CAP|CCF|GIB]] - [[NBM|SALT|PT/OT|medically fit]]
{bed} {p2.l} {age}{sx} [[sepsis ?source|falls|AKI|DKA]] - [[bloods am|CT today|for d/c]]
{bed} {p3.l} {age}{sx} - [[pall|awaiting NH|OT assess]]""",
"""SBAR for {p1} (NHS {nhs1})
S: {age}{sx} [[deteriorating|NEWS 7|new confusion]]
B: {cond}
A: ?sepsis
R: med reg review, NOK {p2.f} on {phone1}""",
"""shift handoff
pt {p1} dob {dob1} rm {bed}
{cond}, [[pain controlled|nauseous overnight|slept well]]
insurance {member1} pending auth for SNF
case mgr {p2.f} aware""",
"""eve handover: {p1.l} ({mrn1}) d/c {appt1}, TTO ready, dtr picking up. {p2.l} - bloods due {time}. {p3.l} - pall, fam visiting.""",
"""nights -> days
{p1.l} bed {bed}: [[stable|unsettled|pulled cannula]], pls r/v
{p2.l} bed {bed}: NOK {p3} {phone1} wants call am
{p4.l}: d/c address {addr1} {zip1}, transport booked""",
"""peds handoff – {p1.f} {p1.l}, {n}yo, DOB {dob1}, [[asthma|bronchiolitis|#forearm]], mum {p2.f} at bedside""",
)
add("en", "handoff", False,
"""bed {bed} - {age}{sx}, [[hip #|CAP|UTI]], NBM, fam aware
bed {bed} - {age}{sx}, [[post op|obs stable]], {vital}
bed {bed} - empty""",
"""handover: ward quiet. {count} admissions from ED. {brand} stock low, pharmacy aware. {dept} reg covering till {time}.""",
"""ICU rounds - bay {n}: {epo}, on {drug} {dose}. MAP ok. bay {n}: for extubation am.""",
"""on call: {count} bleeps, mostly fluids/analgesia, nothing major. {dept} r/v'd one pt w/ {epo}, no change.""",
"""nights: pt in side room {n} ?{cond}, cultures sent. all obs in range. {job} aware of staffing.""",
)

# more English, weighted toward the rarer identifiers
add("en", "voice", True,
"""{A}: I just need to verify your identity, can you give me your social
{C}: [[yeah|sure]] it's{um} {ssn1}
{A}: and your address
{C}: {addr1}, {zip1}
{A}: thank you {p1.f}""",
"""{C}: I'm calling for my [[dad|mom|grandfather|aunt]] {p1}, I'm his[[ power of attorney|]]
{A}: [[ok|alright]] I'll need the member's social or member id
{C}: social is {ssn1}
{A}: and date of birth
{C}: {dob1}""",
"""{A}: and the card you want to use
{C}: ok it's a [[visa|mastercard|amex|discover]], {card1}[[, expiry oh eight twenty seven|]]
{A}: I'm sorry, you cut out, the last group again
{C}: {card1.s}""",
"""{A}: [[ok|so]] for the new patient form I need a photo id number
{C}: um my driver's license is {dl1}, or do you want the passport
{A}: the license is fine, and your address[[ on the license|]]
{C}: {addr1}""",
"""{C}: hi I'm, I'm calling about a reimbursement, I sent my bank details[[ last week|]]
{A}: ok what's the IBAN
{C}: it's {iban1}
{A}: and whose name is the account in
{C}: {p1}""",
"""{A}: and what's your date of birth
{C}: uh {dob1}
{A}: and the last name again
{C}: {p1.l}, {p1.sas}
{A}: got it, and first name
{C}: {p1.f}""",
)
add("en", "voicemail", True,
"""hi this is {p1} calling [[about|regarding]] my passport application photos, the passport number on the old one is {passport1}, call me at {phone1} thanks""",
"""Hi, this is {p1} from [[HR at |]]{org}. We still need your social security number for the payroll form, you can call me at {phone1} or email {email1}. Thanks {p2.f}.""",
"""hey it's {p1.f}, um, I think I gave you the wrong card number, the right one is {card1}, sorry, call me if it doesn't work, {phone1}""",
)
add("en", "chat", True,
"""hr asked for my ssn again 🙄 it's {ssn1}, dob {dob1}""",
"""card is {card1} exp 08/27, name {p1} - pls charge the copay thx""",
"""dl number {dl1}, [[expires next year|just renewed]]. that ok for the form {p1.f}?""",
"""{p1.f}: whats ur email again
{p2.f}: {email1}
{p1.f}: 👍""",
"""here's the link for {p1.f}'s booking page {url1} 📅""",
)
add("en", "meeting", True,
"""Onboarding review
Customer: {p1}, DOB {dob1}
ID checked: [[passport {passport1}|driver's license {dl1}]]
SSN {ssn1} verified. AI: {p2.f} to open account.""",
"""KYC exceptions – {p1.f} {p1.l} presented
1. {p2}: [[passport {passport1}|DL {dl1}]] expired, asked for new one.
2. {p3}: address {addr1} {zip1} doesn't match, {p4.f} to follow up.""",
"""Payroll call
{p1} – direct deposit to acct {acct1}, effective {appt1}.
{p2} – new IBAN {iban1} (moved to the UK).
AI: {p3.f} to update.""",
)
add("en", "dictation", True,
"""disability form dictation period claimant {p1} comma social security number {ssn1} comma date of birth {dob1} period unable to work since {appt1} period""",
"""this is {p2.f} dictating [[for the chart|for the referral]] period patient {p1} comma {p1.spell} comma [[date of birth|D O B]] {dob1} period driver's license {dl1} on file period""",
)
add("en", "dictation", False,
"""[[new paragraph|next]] review of systems colon negative for fever comma chills comma weight loss period positive for [[fatigue|joint pain|heartburn]] period family history of {epo} period""",
"""[[ok|alright]] dictating a generic patient education handout period take {brand} [[every six hours|as needed]] period do not exceed {count} doses a day period call {dept} if symptoms worsen period""",
)
add("en", "voicemail", False,
"""hi, this is {dept} at {org}, just a courtesy call, your test results are available in the portal, no action needed. have a good {day}.""",
"""Hello, this is a message about the {epo} research study. Visit {count} is coming up; please fast after midnight and bring your study diary, pages one to {n}. Thank you.""",
)
add("en", "chat", False,
"""took {dose} of {brand} at {time} and still have a headache 😩 is it ok to take more""",
"""who's covering {dept} {day}? the {job} needs to know by {time}""",
)
add("en", "meeting", False,
"""Standup
- {dept}: {count} discharges pending
- Pharmacy: {brand} back in stock
- IT: printer on {room} fixed
- Blockers: none""",
)
add("en", "voice", False,
"""{A}: ok and what's the dose you were given
{C}: it says {dose}[[, take one|]]
{A}: ok and any side effects
{C}: um a bit of nausea in the morning, like around {time}
{A}: that's common, take it with food""",
"""{C}: yeah hi I got a bill for {price} and I don't understand it
{A}: I can explain, so that's the facility fee from {dept}
{C}: ok can I pay it in {count} payments
{A}: yes we can set that up""",
)
add("en", "handoff", False,
"""pt in bay {n}: {vital}, on {drug} {dose}, pain 4/10, mobilising with frame. nil else.""",
)


# ============================== GERMAN ===================================
add("de", "voice", True,
"""{A}: {org}, guten Tag, Sie sprechen mit {p2.f}[[, was kann ich für Sie tun|]]
{C}: ja hallo{um} ich wollte einen Termin verschieben
{A}: gerne, wie ist der Name
{C}: {p1}, {p1.l} mit {p1.sas}
{A}: und das Geburtsdatum
{C}: {dob1}""",
"""{A}: können Sie mir Ihre Versichertennummer sagen, die steht auf der Karte
{C}: moment{um} {member1}
{A}: danke, und eine Telefonnummer für Rückfragen
{C}: {phone1}
{A}: also {phone1.s}, richtig
{C}: genau""",
"""{A}: die Erstattung überweisen wir, wie ist die IBAN
{C}: {iban1}
{A}: und der Kontoinhaber
{C}: {p1}[[, also meine Frau|, das bin ich]]""",
"""{C}: ja{um} ich bin umgezogen, die neue Adresse ist {addr1}, {zip1} [[{city}|]]
{A}: und die E-Mail-Adresse stimmt noch, {email1}
{C}: nee die ist jetzt {email2}""",
"""{A}: Fallnummer haben Sie die zur Hand
{C}: ja{um} {mrn1}
{A}: und das ist für {p1.t} {p1.l}, geboren am {dob1}
{C}: richtig""",
)
add("de", "voice", False,
"""{A}: {org}, guten Tag
{C}: ja hallo{um} ich nehme {brand} und jetzt hat der Arzt noch {drug} verschrieben, darf ich das zusammen nehmen
{A}: das sollte gehen, aber nehmen Sie nicht mehr als {dose}
{C}: okay danke""",
"""{A}: und wie war der Blutdruck heute
{C}: {vital}{um} heute früh um {time}
{A}: gut, dann bleiben wir bei {dose} {drug}""",
)
add("de", "voicemail", True,
"""Ja hallo, hier ist {p1} von {org}, eine Nachricht für {p2.t} {p2.l}. Ihr Termin am {appt1} muss leider verschoben werden. Rufen Sie uns bitte zurück unter {phone1}. Danke, tschüss.""",
"""hallo {p2.f}, hier ist {p1.f}[[, äh,|]] ich wollte nur sagen die Befunde sind da, meine Handynummer ist {phone1}, oder schreib mir an {email1}, ciao""",
"""Guten Tag, {p1} hier, geboren {dob1}, Versichertennummer {member1}. Ich brauche ein neues Rezept für {drug}. Bitte rufen Sie mich an, {phone1}. Danke.""",
)
add("de", "voicemail", False,
"""Guten Tag, hier ist die Praxis. Wir haben vom {day} bis Freitag Urlaub. In dringenden Fällen wenden Sie sich bitte an den ärztlichen Bereitschaftsdienst unter eins eins sechs, eins eins sieben. Vielen Dank.""",
"""Hallo, hier ist die Apotheke. Ihr {brand} ist da, Sie können es ab {time} abholen. Zuzahlung fünf Euro.""",
)
add("de", "dictation", True,
"""Arztbrief für {p1} Komma geboren am {dob1} Komma Fallnummer {mrn1} Punkt neuer Absatz Aufnahme am {appt1} wegen [[Pneumonie|Vorhofflimmern|Sturz|Exsikkose]] Punkt""",
"""diktat für patient {p1.l} Komma {p1.f} Komma {p1.spell} Punkt geboren {dob1} Punkt Befund unauffällig Punkt Kopie an Kollegen {p2} Punkt""",
"""Entlassbrief {p1} Komma wohnhaft {addr1} Komma {zip1} {city} Punkt Rückfragen an {p2} unter {phone1} Punkt""",
)
add("de", "dictation", False,
"""Diktat ohne Patientendaten für die Lehre Punkt {age} jähriger Patient mit {epo} Punkt Blutdruck {vital} Punkt Therapie mit {drug} {dose} Punkt""",
"""Normalbefund Punkt Herz rhythmisch Komma keine Geräusche Punkt Lunge frei Punkt neuer Absatz Empfehlung {brand} bei Bedarf Komma Kontrolle {day} Punkt""",
)
add("de", "chat", True,
"""sag {p1.f} bitte die befunde sind da 👍""",
"""ok danke {p1.f}[[!| 🙏|]]""",
"""hi, hier ist {p1.f}[[, die mama von {p2.f}|]], kannst du mich unter {phone1} zurückrufen?""",
"""meine neue adresse: {addr1}, {zip1}. lg {p1.f}""",
"""iban für die rückerstattung: {iban1}, kontoinhaber {p1}""",
)
add("de", "chat", False,
"""weiß jemand ob {brand} wieder lieferbar ist? 🤔""",
"""teambesprechung {day} um {time}, kuchen bringt die {dept} mit 🎂""",
)
add("de", "meeting", True,
"""Protokoll Teamsitzung
Anwesend: {p1}, {p2}, {p3}
TOP 1: Beschwerde von {p4}, geb. {dob1}
AI: {p1.f} ruft unter {phone1} zurück""",
"""Fallbesprechung
Patient: {p1}, Fallnr. {mrn1}, Aufnahme {appt1}
Angehörige: {p2} (Tochter), Tel. {phone1}
Nächste Schritte: {p3.f} klärt Reha""",
"""To-dos:
- {p1.f}: Rechnung an {p2}, {addr1}, {zip1}
- {p3.f}: Rückerstattung auf IBAN {iban1}""",
)
add("de", "meeting", False,
"""Protokoll Qualitätszirkel
Anwesend: Pflegedienstleitung, Chefarzt {dept}, Apotheke
1. Stürze um {n} Prozent gesunken
2. {brand} Lieferengpass
AI: {dept} aktualisiert den Standard""",
"""Tagesordnung: 1. Dienstplan 2. {epo}-Sprechstunde 3. Neues aus der {dept} 4. Verschiedenes""",
)
add("de", "handoff", True,
"""Bett {bed} - {p1.l}, {age}{sx}, [[SHF|Pneumonie|HWI|AZ-Verschlechterung]], nüchtern, Angehörige informiert
Bett {bed} - {p2.l}, {age}{sx}, [[post-OP Tag 1|stabil|Entlassung morgen]]""",
"""Übergabe Nachtdienst: {p1.l} ({mrn1}) unruhig, Bedarf gegeben. {p2.l} Zi. {bed} - Tochter {p3.f} ruft an, {phone1}.""",
"""ITS-Visite Bett {bed}: {p1} geb. {dob1}, beatmet, Noradrenalin niedrig. Ehemann {p2.f} informiert.""",
)
add("de", "handoff", False,
"""Übergabe: ruhige Nacht, {count} Aufnahmen aus der Notaufnahme. Zi. {n}: {epo}, {vital}. {brand} fast leer, Apotheke informiert.""",
"""Bett {bed}: {age}{sx}, HWI, Antibiose läuft, Vitalzeichen ok. Bett {bed}: frei.""",
)


# ============================== FRENCH ===================================
add("fr", "voice", True,
"""{A}: {org} bonjour[[, {p2.f} à l'appareil|]]
{C}: oui bonjour{um} j'appelle pour prendre rendez-vous
{A}: c'est à quel nom
{C}: {p1.l}, {p1.sas}
{A}: et le prénom
{C}: {p1.f}
{A}: votre date de naissance
{C}: {dob1}""",
"""{A}: vous avez votre numéro d'adhérent de la mutuelle
{C}: oui{um} c'est le {member1}
{A}: et un numéro où vous joindre
{C}: {phone1}
{A}: je répète, {phone1.s}
{C}: c'est ça""",
"""{A}: pour le remboursement il me faut votre IBAN
{C}: alors{um} {iban1}
{A}: au nom de
{C}: {p1}""",
"""{C}: j'ai déménagé{um} la nouvelle adresse c'est {addr1}, {zip1} [[{city}|]]
{A}: et votre mail c'est toujours {email1}
{C}: oui c'est ça""",
"""{A}: vous avez le numéro de dossier
{C}: euh oui {mrn1}
{A}: c'est bien pour {p1.t} {p1.l}, né[[e|]] le {dob1}
{C}: oui""",
)
add("fr", "voice", False,
"""{A}: {org} bonjour
{C}: oui bonjour{um} je prends du {brand} et le médecin m'a prescrit du {drug}, je peux prendre les deux
{A}: oui mais pas plus de {dose}
{C}: d'accord merci""",
"""{A}: et votre tension ce matin
{C}: {vital}{um} vers {time}
{A}: très bien, on continue {drug} {dose}""",
)
add("fr", "voicemail", True,
"""Bonjour, c'est {p1} du {org}, un message pour {p2.t} {p2.l}. Votre rendez-vous du {appt1} est annulé. Merci de nous rappeler au {phone1}. Bonne journée.""",
"""oui bonjour {p2.f} c'est {p1.f}[[, euh,|]] les résultats sont arrivés, tu peux me rappeler au {phone1} ou m'écrire à {email1}, bisous""",
"""Bonjour, {p1}, né[[e|]] le {dob1}, numéro d'adhérent {member1}. J'ai besoin d'une ordonnance pour le {drug}. Rappelez-moi au {phone1}, merci.""",
)
add("fr", "voicemail", False,
"""Bonjour, vous êtes bien au {org}. Le cabinet est fermé jusqu'à {day}. En cas d'urgence, composez le quinze. Merci.""",
"""Bonjour, ici la pharmacie. Votre {brand} est arrivé, vous pouvez passer à partir de {time}.""",
)
add("fr", "dictation", True,
"""compte rendu pour {p1} virgule né[[e|]] le {dob1} virgule numéro de dossier {mrn1} point à la ligne hospitalisé[[e|]] le {appt1} pour [[pneumopathie|chute|fibrillation auriculaire|déshydratation]] point""",
"""dictée patient {p1.l} virgule {p1.f} virgule {p1.spell} point né[[e|]] le {dob1} point examen normal point copie au docteur {p2.l} point""",
"""lettre de sortie {p1} virgule domicilié[[e|]] {addr1} virgule {zip1} {city} point contact {p2} au {phone1} point""",
)
add("fr", "dictation", False,
"""dictée pédagogique sans données patient point patient de {age} ans avec {epo} point tension {vital} point traitement {drug} {dose} point""",
"""examen normal point cœur régulier virgule pas de souffle point poumons libres point à la ligne {brand} si besoin virgule contrôle {day} point""",
)
add("fr", "chat", True,
"""dis à {p1.f} que les résultats sont arrivés 👍""",
"""ok merci {p1.f}[[!| 🙏|]]""",
"""coucou c'est {p1.f}[[, la maman de {p2.f}|]], tu peux me rappeler au {phone1} ?""",
"""nouvelle adresse : {addr1}, {zip1}. bises {p1.f}""",
"""iban pour le remboursement : {iban1}, titulaire {p1}""",
)
add("fr", "chat", False,
"""qqn sait si le {brand} est de nouveau dispo ? 🤔""",
"""réunion d'équipe {day} à {time}, les croissants c'est {dept} 🥐""",
)
add("fr", "meeting", True,
"""Compte rendu réunion d'équipe
Présents : {p1}, {p2}, {p3}
1. Réclamation de {p4}, né[[e|]] le {dob1}
Action : {p1.f} rappelle au {phone1}""",
"""Staff
Patient : {p1}, IPP {mrn1}, entré le {appt1}
Famille : {p2} (fille), tél. {phone1}
Suite : {p3.f} voit pour le SSR""",
"""Actions :
- {p1.f} : facture à {p2}, {addr1}, {zip1}
- {p3.f} : remboursement sur l'IBAN {iban1}""",
)
add("fr", "meeting", False,
"""Compte rendu comité qualité
Présents : cadre de santé, chef de service de {dept}, pharmacie
1. Chutes en baisse de {n} %
2. Rupture de {brand}
Action : mettre à jour le protocole""",
"""Ordre du jour : 1. Planning 2. Consultation {epo} 3. Point sur {dept} 4. Divers""",
)
add("fr", "handoff", True,
"""lit {bed} - {p1.l}, {age} ans, [[chute|pneumopathie|IU|AEG]], à jeun, famille prévenue
lit {bed} - {p2.l}, {age} ans, [[J1 post-op|stable|sortie demain]]""",
"""transmissions de nuit : {p1.l} ({mrn1}) agité[[e|]], si besoin donné. {p2.l} ch. {bed} - la fille {p3.f} rappelle, {phone1}.""",
"""visite réa lit {bed} : {p1}, DDN {dob1}, intubé[[e|]], noradré à petite dose. Mari {p2.f} prévenu.""",
)
add("fr", "handoff", False,
"""transmissions : nuit calme, {count} entrées des urgences. ch. {n} : {epo}, {vital}. Plus de {brand}, pharmacie prévenue.""",
"""lit {bed} : {age} ans, IU, antibio en cours, constantes ok. lit {bed} : libre.""",
)


# ============================== SPANISH ==================================
add("es", "voice", True,
"""{A}: {org}, buenos días[[, le atiende {p2.f}|]]
{C}: hola{um} quería pedir cita
{A}: ¿a nombre de quién?
{C}: {p1}, {p1.l} con {p1.sas}
{A}: ¿y la fecha de nacimiento?
{C}: {dob1}""",
"""{A}: ¿me da el número de la tarjeta sanitaria?
{C}: sí{um} es {member1}
{A}: ¿y un teléfono de contacto?
{C}: {phone1}
{A}: le repito, {phone1.s}
{C}: eso es""",
"""{A}: para el reembolso necesito su IBAN
{C}: a ver{um} {iban1}
{A}: ¿el titular?
{C}: {p1}""",
"""{C}: me he mudado{um} la dirección nueva es {addr1}, {zip1} [[{city}|]]
{A}: ¿y el correo sigue siendo {email1}?
{C}: sí, ese""",
"""{A}: ¿tiene el número de historia clínica?
{C}: eh sí, {mrn1}
{A}: es para {p1.t} {p1.l}, [[nacido|nacida]] el {dob1}, ¿verdad?
{C}: sí""",
)
add("es", "voice", False,
"""{A}: {org}, dígame
{C}: hola{um} estoy tomando {brand} y el médico me ha mandado {drug}, ¿puedo tomar los dos?
{A}: sí, pero no más de {dose}
{C}: vale gracias""",
"""{A}: ¿y la tensión esta mañana?
{C}: {vital}{um} a {time}
{A}: bien, seguimos con {drug} {dose}""",
)
add("es", "voicemail", True,
"""Hola, soy {p1} del {org}, un mensaje para {p2.t} {p2.l}. Su cita del {appt1} se ha cancelado. Por favor llámenos al {phone1}. Gracias.""",
"""hola {p2.f} soy {p1.f}[[, eh,|]] ya han llegado los resultados, llámame al {phone1} o escríbeme a {email1}, un beso""",
"""Buenos días, soy {p1}, [[nacido|nacida]] el {dob1}, tarjeta sanitaria {member1}. Necesito una receta de {drug}. Llámenme al {phone1}, gracias.""",
)
add("es", "voicemail", False,
"""Hola, ha llamado al {org}. Estamos cerrados hasta {day}. Para urgencias llame al uno uno dos. Gracias.""",
"""Hola, le llamamos de la farmacia. Su {brand} ya ha llegado, puede pasar a partir de {time}.""",
)
add("es", "dictation", True,
"""informe de {p1} coma [[nacido|nacida]] el {dob1} coma número de historia {mrn1} punto y aparte ingresa el {appt1} por [[neumonía|caída|fibrilación auricular|deshidratación]] punto""",
"""dictado paciente {p1.l} coma {p1.f} coma {p1.spell} punto fecha de nacimiento {dob1} punto exploración normal punto copia al doctor {p2.l} punto""",
"""informe de alta {p1} coma domicilio {addr1} coma {zip1} {city} punto contacto {p2} en el {phone1} punto""",
)
add("es", "dictation", False,
"""dictado docente sin datos del paciente punto varón de {age} años con {epo} punto tensión {vital} punto tratamiento {drug} {dose} punto""",
"""exploración normal punto corazón rítmico coma sin soplos punto pulmones limpios punto y aparte {brand} si precisa coma control {day} punto""",
)
add("es", "chat", True,
"""dile a {p1.f} que ya están los resultados 👍""",
"""vale gracias {p1.f}[[!| 🙏|]]""",
"""hola soy {p1.f}[[, la madre de {p2.f}|]], ¿me puedes llamar al {phone1}?""",
"""nueva dirección: {addr1}, {zip1}. besos {p1.f}""",
"""iban para el reembolso: {iban1}, titular {p1}""",
)
add("es", "chat", False,
"""¿alguien sabe si ya hay {brand}? 🤔""",
"""reunión de equipo {day} a {time}, los churros los trae {dept} 😋""",
)
add("es", "meeting", True,
"""Acta reunión de equipo
Asistentes: {p1}, {p2}, {p3}
1. Queja de {p4}, fecha de nacimiento {dob1}
Acción: {p1.f} llama al {phone1}""",
"""Sesión clínica
Paciente: {p1}, NHC {mrn1}, ingreso {appt1}
Familia: {p2} (hija), tel. {phone1}
Pendiente: {p3.f} gestiona la rehabilitación""",
"""Tareas:
- {p1.f}: factura a {p2}, {addr1}, {zip1}
- {p3.f}: reembolso al IBAN {iban1}""",
)
add("es", "meeting", False,
"""Acta comisión de calidad
Asistentes: supervisora de enfermería, jefe de {dept}, farmacia
1. Caídas bajan un {n} %
2. Falta de {brand}
Acción: actualizar el protocolo""",
"""Orden del día: 1. Turnos 2. Consulta de {epo} 3. Novedades de {dept} 4. Ruegos y preguntas""",
)
add("es", "handoff", True,
"""cama {bed} - {p1.l}, {age} años, [[caída|neumonía|ITU|mal estado general]], en ayunas, familia avisada
cama {bed} - {p2.l}, {age} años, [[primer día postop|estable|alta mañana]]""",
"""relevo de noche: {p1.l} ({mrn1}) agitado, se pone rescate. {p2.l} hab. {bed} - la hija {p3.f} llama, {phone1}.""",
"""pase de UCI cama {bed}: {p1}, FN {dob1}, [[intubada|intubado]], noradrenalina baja. Marido {p2.f} informado.""",
)
add("es", "handoff", False,
"""relevo: noche tranquila, {count} ingresos de urgencias. hab. {n}: {epo}, {vital}. No queda {brand}, farmacia avisada.""",
"""cama {bed}: {age} años, ITU, con antibiótico, constantes bien. cama {bed}: libre.""",
)


# ============================== ITALIAN ==================================
add("it", "voice", True,
"""{A}: {org} buongiorno[[, sono {p2.f}|]]
{C}: sì buongiorno{um} volevo prenotare una visita
{A}: a che nome
{C}: {p1.l}, {p1.sas}
{A}: e il nome
{C}: {p1.f}
{A}: data di nascita
{C}: {dob1}""",
"""{A}: mi dice il numero di polizza
{C}: sì{um} è {member1}
{A}: e un recapito telefonico
{C}: {phone1}
{A}: ripeto, {phone1.s}
{C}: esatto""",
"""{A}: per il rimborso mi serve l'IBAN
{C}: allora{um} {iban1}
{A}: intestato a
{C}: {p1}""",
"""{C}: ho cambiato casa{um} il nuovo indirizzo è {addr1}, {zip1} [[{city}|]]
{A}: e la mail è sempre {email1}
{C}: sì quella""",
"""{A}: ha il numero di cartella
{C}: ehm sì, {mrn1}
{A}: è per {p1.t} {p1.l}, [[nato|nata]] il {dob1}, giusto
{C}: sì""",
)
add("it", "voice", False,
"""{A}: {org} buongiorno
{C}: sì buongiorno{um} prendo la {brand} e il medico mi ha dato anche {drug}, posso prenderli insieme
{A}: sì, ma non più di {dose}
{C}: va bene grazie""",
"""{A}: e la pressione stamattina
{C}: {vital}{um} verso {time}
{A}: bene, continuiamo con {drug} {dose}""",
)
add("it", "voicemail", True,
"""Buongiorno, sono {p1} dello {org}, un messaggio per {p2.t} {p2.l}. L'appuntamento del {appt1} è stato annullato. Ci richiami al {phone1}. Grazie.""",
"""ciao {p2.f} sono {p1.f}[[, ehm,|]] sono arrivati gli esami, richiamami al {phone1} o scrivimi a {email1}, ciao ciao""",
"""Buongiorno, sono {p1}, [[nato|nata]] il {dob1}, polizza numero {member1}. Mi serve la ricetta per {drug}. Mi richiami al {phone1}, grazie.""",
)
add("it", "voicemail", False,
"""Buongiorno, avete chiamato lo {org}. Lo studio è chiuso fino a {day}. Per le urgenze chiamate il centododici. Grazie.""",
"""Buongiorno, la chiamiamo dalla farmacia. Il suo {brand} è arrivato, può passare dalle {time}.""",
)
add("it", "dictation", True,
"""referto per {p1} virgola [[nato|nata]] il {dob1} virgola numero di cartella {mrn1} punto a capo ricoverato il {appt1} per [[polmonite|caduta|fibrillazione atriale|disidratazione]] punto""",
"""dettatura paziente {p1.l} virgola {p1.f} virgola {p1.spell} punto data di nascita {dob1} punto esame obiettivo nella norma punto copia al dottor {p2.l} punto""",
"""lettera di dimissione {p1} virgola residente in {addr1} virgola {zip1} {city} punto riferimento {p2} al {phone1} punto""",
)
add("it", "dictation", False,
"""dettatura didattica senza dati del paziente punto paziente di {age} anni con {epo} punto pressione {vital} punto terapia {drug} {dose} punto""",
"""obiettività nella norma punto toni cardiaci validi virgola pause libere punto murmure vescicolare presente punto a capo {brand} al bisogno virgola controllo {day} punto""",
)
add("it", "chat", True,
"""di' a {p1.f} che sono arrivati i risultati 👍""",
"""ok grazie {p1.f}[[!| 🙏|]]""",
"""ciao sono {p1.f}[[, la mamma di {p2.f}|]], mi richiami al {phone1}?""",
"""nuovo indirizzo: {addr1}, {zip1}. baci {p1.f}""",
"""iban per il rimborso: {iban1}, intestatario {p1}""",
)
add("it", "chat", False,
"""qualcuno sa se la {brand} è tornata disponibile? 🤔""",
"""riunione di reparto {day} alle {time}, i cornetti li porta {dept} ☕""",
)
add("it", "meeting", True,
"""Verbale riunione di reparto
Presenti: {p1}, {p2}, {p3}
1. Reclamo di {p4}, data di nascita {dob1}
Azione: {p1.f} richiama al {phone1}""",
"""Discussione casi
Paziente: {p1}, nosologico {mrn1}, ricovero {appt1}
Familiari: {p2} (figlia), tel. {phone1}
Da fare: {p3.f} organizza la riabilitazione""",
"""Azioni:
- {p1.f}: fattura a {p2}, {addr1}, {zip1}
- {p3.f}: rimborso sull'IBAN {iban1}""",
)
add("it", "meeting", False,
"""Verbale comitato qualità
Presenti: coordinatrice infermieristica, primario di {dept}, farmacia
1. Cadute in calo del {n} %
2. Carenza di {brand}
Azione: aggiornare la procedura""",
"""Ordine del giorno: 1. Turni 2. Ambulatorio {epo} 3. Novità da {dept} 4. Varie""",
)
add("it", "handoff", True,
"""letto {bed} - {p1.l}, {age} anni, [[caduta|polmonite|IVU|decadimento]], digiuno, famiglia avvisata
letto {bed} - {p2.l}, {age} anni, [[prima giornata post-op|stabile|dimissione domani]]""",
"""consegne notte: {p1.l} ({mrn1}) agitato, fatta terapia al bisogno. {p2.l} stanza {bed} - la figlia {p3.f} richiama, {phone1}.""",
"""giro rianimazione letto {bed}: {p1}, nato il {dob1}, intubato, noradrenalina bassa. Moglie {p2.f} informata.""",
)
add("it", "handoff", False,
"""consegne: notte tranquilla, {count} ingressi dal pronto soccorso. stanza {n}: {epo}, {vital}. Finita la {brand}, farmacia avvisata.""",
"""letto {bed}: {age} anni, IVU, antibiotico in corso, parametri ok. letto {bed}: libero.""",
)


# ============================== PORTUGUESE ===============================
add("pt", "voice", True,
"""{A}: {org}, bom dia[[, fala {p2.f}|]]
{C}: bom dia{um} queria marcar uma consulta
{A}: em nome de quem
{C}: {p1}, {p1.l} com {p1.sas}
{A}: e a data de nascimento
{C}: {dob1}""",
"""{A}: pode me dizer o número de utente
{C}: sim{um} é {member1}
{A}: e um telefone de contacto
{C}: {phone1}
{A}: repito, {phone1.s}
{C}: isso""",
"""{A}: para o reembolso preciso do IBAN
{C}: então{um} {iban1}
{A}: o titular
{C}: {p1}""",
"""{C}: mudei de casa{um} a morada nova é {addr1}, {zip1} [[{city}|]]
{A}: e o email continua {email1}
{C}: sim, esse""",
"""{A}: tem o número de processo
{C}: hum sim, {mrn1}
{A}: é para {p1.t} {p1.l}, [[nascido|nascida]] em {dob1}, certo
{C}: certo""",
)
add("pt", "voice", False,
"""{A}: {org}, bom dia
{C}: bom dia{um} eu tomo {brand} e o médico receitou {drug}, posso tomar os dois
{A}: pode, mas não mais do que {dose}
{C}: tá bom obrigado""",
"""{A}: e a pressão hoje de manhã
{C}: {vital}{um} lá pelas {time}
{A}: ótimo, continuamos com {drug} {dose}""",
)
add("pt", "voicemail", True,
"""Bom dia, fala {p1} da {org}, recado para {p2.t} {p2.l}. A consulta de {appt1} foi cancelada. Por favor ligue para {phone1}. Obrigado.""",
"""oi {p2.f} é {p1.f}[[, tipo,|]] os exames chegaram, me liga no {phone1} ou manda email para {email1}, beijo""",
"""Bom dia, sou {p1}, [[nascido|nascida]] em {dob1}, número de utente {member1}. Preciso de uma receita de {drug}. Liguem para {phone1}, obrigado.""",
)
add("pt", "voicemail", False,
"""Olá, ligou para a {org}. Estamos fechados até {day}. Em caso de urgência ligue cento e doze. Obrigado.""",
"""Olá, é da farmácia. O seu {brand} já chegou, pode levantar a partir das {time}.""",
)
add("pt", "dictation", True,
"""relatório de {p1} vírgula [[nascido|nascida]] em {dob1} vírgula número de processo {mrn1} ponto parágrafo internado em {appt1} por [[pneumonia|queda|fibrilhação auricular|desidratação]] ponto""",
"""ditado doente {p1.l} vírgula {p1.f} vírgula {p1.spell} ponto data de nascimento {dob1} ponto exame normal ponto cópia para o doutor {p2.l} ponto""",
"""nota de alta {p1} vírgula morada {addr1} vírgula {zip1} {city} ponto contacto {p2} pelo {phone1} ponto""",
)
add("pt", "dictation", False,
"""ditado didático sem dados do doente ponto doente de {age} anos com {epo} ponto pressão {vital} ponto terapêutica {drug} {dose} ponto""",
"""exame normal ponto coração rítmico vírgula sem sopros ponto pulmões limpos ponto parágrafo {brand} se necessário vírgula controlo {day} ponto""",
)
add("pt", "chat", True,
"""avisa a {p1.f} que os resultados chegaram 👍""",
"""ok obrigada {p1.f}[[!| 🙏|]]""",
"""oi é {p1.f}[[, mãe do {p2.f}|]], pode me ligar no {phone1}?""",
"""morada nova: {addr1}, {zip1}. bjs {p1.f}""",
"""iban para o reembolso: {iban1}, titular {p1}""",
)
add("pt", "chat", False,
"""alguém sabe se já tem {brand}? 🤔""",
"""reunião de equipa {day} às {time}, o bolo é por conta da {dept} 🎂""",
)
add("pt", "meeting", True,
"""Ata da reunião de equipa
Presentes: {p1}, {p2}, {p3}
1. Reclamação de {p4}, data de nascimento {dob1}
Ação: {p1.f} liga para {phone1}""",
"""Discussão de casos
Doente: {p1}, processo {mrn1}, internamento {appt1}
Família: {p2} (filha), tel. {phone1}
Pendente: {p3.f} trata da reabilitação""",
"""Tarefas:
- {p1.f}: fatura para {p2}, {addr1}, {zip1}
- {p3.f}: reembolso para o IBAN {iban1}""",
)
add("pt", "meeting", False,
"""Ata da comissão de qualidade
Presentes: enfermeira-chefe, diretor de {dept}, farmácia
1. Quedas baixaram {n} %
2. Falta de {brand}
Ação: atualizar o protocolo""",
"""Ordem de trabalhos: 1. Escalas 2. Consulta de {epo} 3. Novidades da {dept} 4. Outros assuntos""",
)
add("pt", "handoff", True,
"""cama {bed} - {p1.l}, {age} anos, [[queda|pneumonia|ITU|prostração]], em jejum, família avisada
cama {bed} - {p2.l}, {age} anos, [[primeiro dia pós-op|estável|alta amanhã]]""",
"""passagem de turno: {p1.l} ({mrn1}) agitado, feito SOS. {p2.l} quarto {bed} - a filha {p3.f} liga, {phone1}.""",
"""visita UCI cama {bed}: {p1}, nascido em {dob1}, entubado, noradrenalina baixa. Esposa {p2.f} informada.""",
)
add("pt", "handoff", False,
"""passagem: noite calma, {count} entradas da urgência. quarto {n}: {epo}, {vital}. Acabou o {brand}, farmácia avisada.""",
"""cama {bed}: {age} anos, ITU, a fazer antibiótico, sinais vitais ok. cama {bed}: vaga.""",
)


# extra: payments in every language, ordinary-word names, more look-alikes
add("de", "voice", True,
"""{A}: dann brauche ich noch die Kartennummer
{C}: ja{um} {card1}
{A}: und der Name auf der Karte
{C}: {p1}""",
)
add("fr", "voice", True,
"""{A}: je vais prendre votre numéro de carte
{C}: oui{um} {card1}
{A}: et le nom sur la carte
{C}: {p1}""",
)
add("es", "voice", True,
"""{A}: ¿me dice el número de la tarjeta?
{C}: sí{um} {card1}
{A}: ¿y el nombre del titular?
{C}: {p1}""",
)
add("it", "voice", True,
"""{A}: mi detta il numero della carta
{C}: sì{um} {card1}
{A}: e l'intestatario
{C}: {p1}""",
)
add("pt", "voice", True,
"""{A}: pode me passar o número do cartão
{C}: posso{um} {card1}
{A}: e o nome no cartão
{C}: {p1}""",
)
add("en", "chat", True,
"""[[hope|hey hope]] [[you're|ur]] settling in ok! {p1.f} from billing here, pls send ur account number for the refund when u can""",
"""will do. {p1} - {p1.f} {p1.l}, that's {p1.spell} - is the one on the lease""",
"""{wn} is on call [[tonight|this wknd]], page [[her|him|them]] not me 😅""",
"""pls tell {wn} the {drug} came in 🙏""",
)
add("en", "chat", False,
"""hope ur feeling better! will call {day}. there's a grace period on the bill btw 🌹""",
"""will do 👍 young adult clinic is on the {room} now, the king size beds are in bay {n}""",
"""the Apgar was nine at five minutes, mom and baby doing great 🥰""",
)
add("en", "voice", False,
"""{A}: if this is a medical emergency please hang up and dial nine one one
{C}: no it's not an emergency{um} I just wanted to ask about the {epo} clinic hours
{A}: they're open eight to {time}, {day} is the walk-in day
{C}: ok and it's in {room}
{A}: yes, take the elevator to the fourth floor""",
"""{C}: so the app says I did twelve thousand four hundred steps and my heart rate hit one sixty[[ is that bad|]]
{A}: that's ok for exercise, but with your {epo} we'd like you under one forty
{C}: ok and the {brand}, still one in the morning
{A}: yes, one tablet""",
)
add("en", "dictation", False,
"""Glasgow coma scale fourteen period Heimlich performed by bystander prior to arrival period oxygen two liters period repeat [[troponin|lactate]] in three hours period""",
)
add("en", "voicemail", False,
"""hi this is the {dept} team at {org}, your order number is four four seven, it's ready at the front desk, pick up any time before {time}, thanks""",
)
add("en", "meeting", False,
"""Grand rounds: {epo} update. Slides 1–{n}. Next month: Hodgkin lymphoma in young adults. Coffee in {room}.""",
)
add("en", "handoff", False,
"""bay {n}: young man, {epo}, GCS fifteen, obs stable. bay {n}: {cond}, on {drug}, NEWS two. side room: empty.""",
)


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
def plan(lang, n, rng):
    """Slices as even as possible; 70 % positive in each language."""
    sl = [SLICES[i % len(SLICES)] for i in range(n)]
    npos = round(n * 0.7)
    by = collections.Counter(sl)
    pos_by = {s: round(by[s] * 0.7) for s in SLICES}
    diff = npos - sum(pos_by.values())
    order = sorted(SLICES, key=lambda s: -by[s])
    i = 0
    while diff != 0:
        s = order[i % len(order)]
        pos_by[s] += 1 if diff > 0 else -1
        diff += -1 if diff > 0 else 1
        i += 1
    out = []
    for s in SLICES:
        out += [(s, True)] * pos_by[s] + [(s, False)] * (by[s] - pos_by[s])
    return out


def build():
    rng = random.Random(SEED)
    records = []
    seen = set()
    rejects = collections.Counter()
    tpl_use = collections.Counter()
    for lang, n in LANG_COUNTS:
        cursors = {}
        for slice_, pos in plan(lang, n, rng):
            tl = T[lang][slice_][0 if pos else 1]
            if not tl:
                continue
            key = (slice_, pos)
            if key not in cursors:
                order = list(range(len(tl)))
                rng.shuffle(order)
                cursors[key] = [order, 0]
            for attempt in range(200):
                order, k = cursors[key]
                ti = order[k % len(order)]
                cursors[key][1] += 1
                text, spans, values, _ = render(tl[ti], rng, lang, slice_)
                why = audit(text, spans, values, pos)
                if why is None and text in seen:
                    why = "duplicate text"
                if why is None:
                    break
                rejects[(lang, slice_, pos, ti, why)] += 1
            else:
                raise AssertionError("could not render %s %s %s" % (lang, slice_, pos))
            seen.add(text)
            tpl_use[(lang, slice_, pos, ti)] += 1
            records.append({"lang": lang, "slice": slice_, "text": text, "spans": spans})
    rng.shuffle(records)
    out = []
    for i, r in enumerate(records, 1):
        out.append({"id": "dev3-%04d" % i, "lang": r["lang"], "slice": r["slice"], "text": r["text"],
                    "spans": r["spans"]})
    return out, rejects, tpl_use


def dump(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def stats(records, rejects, tpl_use):
    ntpl = sum(len(T[l][s][0]) + len(T[l][s][1]) for l in T for s in SLICES)
    npos_t = sum(len(T[l][s][0]) for l in T for s in SLICES)
    print("templates: %d (%d positive, %d negative)" % (ntpl, npos_t, ntpl - npos_t))
    print("names: %d given (%d f, %d m), %d surnames" % (len(GIVEN_F) + len(GIVEN_M), len(GIVEN_F), len(GIVEN_M),
                                                           len(SURNAMES)))
    print("records: %d" % len(records))
    print("\nby language:   pos  neg  total")
    for lang, _ in LANG_COUNTS:
        p = sum(1 for r in records if r["lang"] == lang and r["spans"])
        q = sum(1 for r in records if r["lang"] == lang and not r["spans"])
        print("  %-4s %12d %4d %6d" % (lang, p, q, p + q))
    print("\nby slice:      pos  neg  total")
    for s in SLICES:
        p = sum(1 for r in records if r["slice"] == s and r["spans"])
        q = sum(1 for r in records if r["slice"] == s and not r["spans"])
        print("  %-10s %7d %4d %6d" % (s, p, q, p + q))
    print("\nby entity: spans records | " + " ".join("%4s" % l for l, _ in LANG_COUNTS))
    ents = collections.Counter()
    recs = collections.Counter()
    per = collections.Counter()
    for r in records:
        for e in {s["entity"] for s in r["spans"]}:
            recs[e] += 1
        for s in r["spans"]:
            ents[s["entity"]] += 1
            per[(s["entity"], r["lang"])] += 1
    for e, c in ents.most_common():
        print("  %-22s %5d %5d | %s" % (e, c, recs[e], " ".join("%4d" % per[(e, l)] for l, _ in LANG_COUNTS)))
    print("  %-22s %5d" % ("all", sum(ents.values())))
    print("\nnon-ASCII records: %d" % sum(1 for r in records if any(ord(c) > 127 for c in r["text"])))
    print("rejected draws (re-drawn): %d" % sum(rejects.values()))
    by_why = collections.Counter()
    for (l, s, p, ti, why), c in rejects.items():
        by_why[why] += c
    for why, c in by_why.most_common():
        print("  %-30s %d" % (why, c))
    if os.environ.get("DEV3_DEBUG"):
        for k, c in rejects.most_common(30):
            print("  ", k, c)


def main():
    records, rejects, tpl_use = build()
    data = dump(records)
    # determinism: build again in memory and compare
    again, _, _ = build()
    assert dump(again) == data, "generator is not deterministic"
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    assert len({r["text"] for r in records}) == len(records)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(data)
    if "--stats" in sys.argv:
        stats(records, rejects, tpl_use)
        print("\nsha256 %s" % hashlib.sha256(data.encode("utf-8")).hexdigest())


if __name__ == "__main__":
    main()

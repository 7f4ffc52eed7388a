#!/usr/bin/env python3
"""eval-dev4 generator: written operational documents of healthcare and
finance teams (e-mail, tickets, exports, logs, forms, staff notes).

Python 3 standard library only; fixed seed; byte-for-byte deterministic.
All vocabulary in this file was written by hand.

    python3 gen.py           # writes dev4.jsonl
    python3 gen.py --stats   # also prints counts
"""
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "dev4.jsonl")

KINDS = set("""PERSON EMAIL PHONE US_SSN CREDIT_CARD IBAN US_BANK_ROUTING SWIFT_BIC
ACCOUNT_NUMBER IP_ADDRESS URL DATE STREET_ADDRESS ZIP_CODE MEDICAL_RECORD_NUMBER
HEALTH_PLAN_ID NPI DEA_NUMBER ICD10_CODE US_PASSPORT US_DRIVER_LICENSE UK_NHS
UK_NINO DE_TAX_ID FR_NIR ES_DNI IT_FISCAL_CODE NL_BSN VEHICLE_ID DEVICE_ID
API_KEY""".split())

LANGS = [("en", 550), ("de", 90), ("fr", 90), ("es", 90), ("it", 90), ("pt", 90)]
SLICES = ["email", "ticket", "export", "log", "form", "note"]
NEG_SHARE = 0.4

# ---------------------------------------------------------------- names
# Hand-written. (female given, male given, surnames) from many traditions.
GIVEN_F = """Adaeze Chiamaka Folasade Yetunde Abena Akosua Awa Fatou Amina Zainab
Wanjiru Achieng Nia Thandeka Nomvula Priya Ananya Kavitha Lakshmi Meenakshi
Farzana Rupali Harpreet Simran Nadeesha Ayesha Mehwish Xiaoling Meiling Yuki
Haruka Sakura Minji Seoyeon Ngoc Thuy Maricel Rosalind Dewi Siti Malee Kanya
Agnieszka Katarzyna Zuzana Olena Oksana Milica Jelena Zsófia Ioana Eleni
Despina Layla Yasmin Noor Shirin Parisa Elif Zeynep Ayelet Anahit Nino
Sumaq Itzel Ximena Nerea Montserrat Leire Inês Conceição Thaís Giulia Chiara
Benedetta Élodie Margaux Solène Ingrid Sigrid Astrid Aino Liisa Ieva Rasa
Sefa Mele Aroha Leilani Siobhán Niamh Mairead Ailsa Summer Mercy Hope Grace
Autumn Dakota Winona Tallulah Greta Annelies Femke Anouk""".split()
GIVEN_M = """Oluwaseun Chukwuemeka Babajide Kwame Kofi Mamadou Ousmane Ibrahim
Musa Kamau Otieno Juma Sipho Thabo Arjun Rohan Vikram Karthik Senthil
Sandeep Gurpreet Tanvir Ruwan Imran Bilal Wei Jun Haoran Kenji Takumi Hiroshi
Minjun Jiho Duc Quang Rizal Bayu Somchai Niran Paolo Marek Tomasz Jiří
Ondřej Bohdan Taras Dragan Nikola Zoltán Bence Mihai Andrei Dimitrios Nikos
Yannis Omar Tariq Youssef Karim Dariush Kian Emre Mehmet Burak Eitan Avi
Aram Levan Giorgi Wayra Tupac Mateo Santiago Iñaki Jordi Xabier João Tiago
Thiago Rodrigo Matteo Lorenzo Giacomo Étienne Thibault Loïc Mathis Lukas
Jonas Henrik Anders Mikko Eero Jānis Mindaugas Tavita Sione Tamati Keoni
Ruairí Cathal Seamus Lachlan Callum Bear Hunter Fox Sterling Dakarai
Tyrone Jamal Darnell Koen Sven Willem Ahanu Chayton Kele""".split()
SURNAMES = """Okonkwo Adeyemi Okafor Eze Nwosu Balogun Mensah Asante Boateng Owusu
Diop Ndiaye Sow Fall Bello Abubakar Kamau Mwangi Otieno Odhiambo Njoroge
Dlamini Nkosi Khumalo Mahlangu Sharma Verma Iyer Subramanian Krishnan Pillai
Chatterjee Banerjee Mukherjee Sandhu Gill Dhillon Perera Fernando Jayasuriya
Qureshi Chaudhry Siddiqui Zhang Wang Liu Chen Huang Zhao Wong Leung Cheung
Tanaka Suzuki Watanabe Yamamoto Nakamura Kobayashi Kim Lee Choi Jung
Nguyen Tran Pham Le Hoang Vu Santos Reyes Dela_Cruz Bautista Villanueva
Wijaya Santoso Hidayat Saetang Srisai Wongsakul Kowalski Nowak Wi\u015bniewski
W\u00f3jcik Kami\u0144ski Lewandowski Nov\u00e1k Dvo\u0159\u00e1k Svoboda Kravchenko Shevchenko
Bondarenko Melnyk Petrovi\u0107 Jovanovi\u0107 Horvat Kova\u010d Nagy Kov\u00e1cs T\u00f3th Szab\u00f3 Popescu
Ionescu Dumitru Papadopoulos Georgiou Nikolaidis Haddad Khoury Mansour
Nasser Al-Sayed Hosseini Rahimi Moradi Tehrani Y\u0131lmaz Kaya Demir \u00c7elik \u015eahin
Cohen Levi Mizrahi Petrosyan Hakobyan Beridze Kapanadze Quispe Mamani Huam\u00e1n
Condori Garc\u00eda Fern\u00e1ndez L\u00f3pez Mart\u00ednez S\u00e1nchez Etxeberria Agirre Puig
Ferrer Oliveira Pereira Carvalho Rodrigues Ferreira Sousa Almeida Costa
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco
Bruno Gallo Conti De_Luca Moreau Lef\u00e8vre Girard Bonnet Dupont Lambert
Fontaine Rousseau Chevalier M\u00fcller Schmidt Schneider Fischer Weber Becker
Hoffmann Sch\u00e4fer Koch Richter Wagner Jansen de_Vries van_Dijk Bakker Visser
Smit Peeters Maes Lindqvist Johansson Nyberg Halvorsen Haugen Lund Virtanen
M\u00e4kinen Korhonen Ozoli\u0146\u0161 B\u0113rzi\u0146\u0161 Kazlauskas Petrauskas Tamm Saar Tuilagi
Faleolo Ngata Tupou Kahananui Kealoha Begay Yazzie Tsosie Redcloud Murphy
O'Sullivan Byrne Gallagher MacLeod Campbell Fraser Robertson Baker Young King
Cook Price Love Black Hill Marsh Washington Summer Fox Park Stone Bishop
Sterling Hunter Mercer Whitfield Okeke Achebe Onyango Waweru Tembo Banda
Phiri Mutasa Rahman Hossain Kaur Nair Menon Reddy Rao Joshi""".split()
SURNAMES = [s.replace("_", " ") for s in SURNAMES]

TITLE = {
    "en": ("Mr", "Ms"), "de": ("Herr", "Frau"), "fr": ("M.", "Mme"),
    "es": ("Sr.", "Sra."), "it": ("Sig.", "Sig.ra"), "pt": ("Sr.", "Sra."),
}

# ---------------------------------------------------------------- places
STREETS = {
    "us": ["Elm St", "Maple Ave", "Cedar Ln", "Oak Ridge Dr", "Walnut St",
           "Lakeview Blvd", "Spring Garden Rd", "Hawthorne Ct", "Sycamore Way",
           "Juniper Pl", "Willow Creek Rd", "Brookside Ave", "Chestnut St",
           "Pine Hollow Rd", "Magnolia Dr", "Ridgecrest Ave"],
    "uk": ["Kingsley Road", "Albion Street", "Victoria Terrace", "Mill Lane",
           "Beech Grove", "Church Walk", "Hawthorn Close", "Queens Parade",
           "Ashfield Crescent", "Station Approach"],
    "de": ["Lindenstraße", "Bahnhofstraße", "Am Mühlbach", "Goethestraße",
           "Kastanienallee", "Schillerweg", "Hauptstraße", "Birkenweg",
           "Friedhofstraße", "Rosenstraße", "Am Schlossberg", "Talstraße"],
    "fr": ["rue des Lilas", "avenue Jean-Jaurès", "boulevard Voltaire",
           "rue de la République", "chemin des Vignes", "allée des Tilleuls",
           "rue du Moulin", "impasse des Roses", "place du Marché"],
    "es": ["Calle Mayor", "Avenida de la Constitución", "Calle del Olmo",
           "Paseo de la Castellana", "Calle San Vicente", "Ronda de Segovia",
           "Calle de Alcalá", "Plaza de la Merced"],
    "it": ["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele",
           "Via dei Mille", "Viale Mazzini", "Via del Corso", "Piazza Dante",
           "Via San Martino"],
    "pt": ["Rua das Flores", "Avenida da Liberdade", "Rua Augusta",
           "Travessa do Carmo", "Rua do Almada", "Largo do Rato",
           "Rua Santa Catarina", "Avenida Paulista"],
}
CITIES = {
    "us": [("Columbus", "OH", "432"), ("Tucson", "AZ", "857"), ("Albany", "NY", "122"),
           ("Madison", "WI", "537"), ("Raleigh", "NC", "276"), ("Boise", "ID", "837"),
           ("Spokane", "WA", "992"), ("Dayton", "OH", "454"), ("Fresno", "CA", "937"),
           ("Savannah", "GA", "314"), ("Lansing", "MI", "489")],
    "uk": [("Leeds", "LS"), ("Bristol", "BS"), ("Sheffield", "S"), ("Norwich", "NR"),
           ("Cardiff", "CF"), ("Leicester", "LE"), ("York", "YO")],
    "de": ["Berlin", "Hamburg", "München", "Köln", "Leipzig", "Freiburg", "Kassel", "Bremen"],
    "fr": ["Lyon", "Lille", "Nantes", "Rennes", "Toulouse", "Grenoble", "Dijon"],
    "es": ["Madrid", "Valencia", "Zaragoza", "Bilbao", "Sevilla", "Murcia", "Granada"],
    "it": ["Roma", "Torino", "Bologna", "Firenze", "Bari", "Verona", "Napoli"],
    "pt": ["Lisboa", "Porto", "Coimbra", "Braga", "Faro", "São Paulo", "Curitiba"],
}

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
}
WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday".split(),
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag".split(),
    "fr": "lundi mardi mercredi jeudi vendredi".split(),
    "es": "lunes martes miércoles jueves viernes".split(),
    "it": "lunedì martedì mercoledì giovedì venerdì".split(),
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira".split(),
}

# (ICD-10-CM code, WHO/GM code, en, de, fr, es, it, pt)
CONDS = [
    ("E11.9", "E11.9", "type 2 diabetes", "Diabetes mellitus Typ 2", "diabète de type 2", "diabetes tipo 2", "diabete mellito tipo 2", "diabetes tipo 2"),
    ("I10", "I10", "essential hypertension", "essentielle Hypertonie", "hypertension artérielle", "hipertensión arterial", "ipertensione arteriosa", "hipertensão arterial"),
    ("J45.909", "J45.9", "asthma", "Asthma bronchiale", "asthme", "asma", "asma bronchiale", "asma"),
    ("I48.91", "I48.9", "atrial fibrillation", "Vorhofflimmern", "fibrillation auriculaire", "fibrilación auricular", "fibrillazione atriale", "fibrilhação auricular"),
    ("N18.31", "N18.3", "CKD stage 3", "chronische Niereninsuffizienz Stadium 3", "insuffisance rénale chronique stade 3", "enfermedad renal crónica estadio 3", "insufficienza renale cronica stadio 3", "doença renal crónica estádio 3"),
    ("F32.1", "F32.1", "moderate depressive episode", "mittelgradige depressive Episode", "épisode dépressif moyen", "episodio depresivo moderado", "episodio depressivo moderato", "episódio depressivo moderado"),
    ("M54.50", "M54.5", "low back pain", "Kreuzschmerz", "lombalgie", "lumbalgia", "lombalgia", "lombalgia"),
    ("J18.9", "J18.9", "pneumonia", "Pneumonie", "pneumopathie", "neumonía", "polmonite", "pneumonia"),
    ("K21.9", "K21.9", "reflux disease", "Refluxkrankheit", "reflux gastro-œsophagien", "reflujo gastroesofágico", "malattia da reflusso", "doença de refluxo"),
    ("E78.5", "E78.5", "hyperlipidaemia", "Hyperlipidämie", "hyperlipidémie", "hiperlipidemia", "iperlipidemia", "hiperlipidemia"),
    ("C50.911", "C50.9", "breast cancer", "Mammakarzinom", "cancer du sein", "cáncer de mama", "carcinoma mammario", "cancro da mama"),
    ("S72.001A", "S72.0", "hip fracture", "Schenkelhalsfraktur", "fracture du col du fémur", "fractura de cadera", "frattura del collo del femore", "fratura do colo do fémur"),
    ("G40.909", "G40.9", "epilepsy", "Epilepsie", "épilepsie", "epilepsia", "epilessia", "epilepsia"),
    ("L40.0", "L40.0", "psoriasis", "Psoriasis vulgaris", "psoriasis", "psoriasis", "psoriasi volgare", "psoríase"),
    ("O24.410", "O24.4", "gestational diabetes", "Gestationsdiabetes", "diabète gestationnel", "diabetes gestacional", "diabete gestazionale", "diabetes gestacional"),
    ("Z95.1", "Z95.1", "status post CABG", "Z. n. Bypass-OP", "pontage coronarien", "portador de bypass coronario", "bypass aortocoronarico", "bypass coronário"),
]
LANG_IDX = {"en": 2, "de": 3, "fr": 4, "es": 5, "it": 6, "pt": 7}

# ---------------------------------------------------------------- look-alikes (negatives)
EPONYMS = {
    "en": ["Parkinson's", "Crohn's disease", "Alzheimer's", "Hodgkin lymphoma", "Down syndrome", "the Apgar score", "Graves' disease", "Hashimoto's", "Bell's palsy", "Cushing's syndrome"],
    "de": ["Morbus Parkinson", "Morbus Crohn", "Alzheimer-Demenz", "Hodgkin-Lymphom", "Down-Syndrom", "Apgar-Score", "Morbus Basedow", "Hashimoto-Thyreoiditis"],
    "fr": ["maladie de Parkinson", "maladie de Crohn", "maladie d'Alzheimer", "lymphome de Hodgkin", "syndrome de Down", "score d'Apgar", "maladie de Basedow"],
    "es": ["enfermedad de Parkinson", "enfermedad de Crohn", "alzhéimer", "linfoma de Hodgkin", "síndrome de Down", "test de Apgar", "tiroiditis de Hashimoto"],
    "it": ["morbo di Parkinson", "malattia di Crohn", "Alzheimer", "linfoma di Hodgkin", "sindrome di Down", "indice di Apgar", "tiroidite di Hashimoto"],
    "pt": ["doença de Parkinson", "doença de Crohn", "Alzheimer", "linfoma de Hodgkin", "síndrome de Down", "índice de Apgar", "tiroidite de Hashimoto"],
}
BRANDS = {
    "en": ["Tylenol", "Eliquis", "Ozempic", "Lipitor", "Humira", "Xarelto", "Jardiance", "Advil", "Lantus"],
    "de": ["Ibuflam", "Novalgin", "Eliquis", "Ozempic", "Voltaren", "Pantozol", "ASS 100"],
    "fr": ["Doliprane", "Efferalgan", "Spasfon", "Eliquis", "Kardegic", "Levothyrox"],
    "es": ["Nolotil", "Adiro", "Eliquis", "Ventolin", "Omeprazol Cinfa", "Enantyum"],
    "it": ["Tachipirina", "Moment", "Eliquis", "Cardioaspirina", "Brufen", "Eutirox"],
    "pt": ["Ben-u-ron", "Brufen", "Eliquis", "Dipirona", "Aspirina", "Victan"],
}
COMPANIES = ["Baker & Hollis LLP", "Kovacs Logistics", "Lindqvist Medical Supply",
             "Okafor Dental Group", "Marsh & Whitfield Brokers", "Sterling Fox Capital",
             "Moreau Frères SARL", "Schneider & Partner Steuerberatung", "Farmacia Bianchi",
             "Clínica Santos & Filhos", "Nakamura Imaging Systems", "Petrosyan Labs",
             "Haugen Freight AS", "Quispe Textiles", "Bishop & Stone Audit", "Park Avenue Dental",
             "Hunter Valley Credit Union", "Mercer Actuarial", "Rossi Ricambi S.r.l.",
             "Ferreira Transportes Lda", "Vogel Sanitätshaus GmbH", "Dupont Assurances"]
HOLIDAYS = {
    "en": ["Thanksgiving", "Memorial Day", "Labor Day", "the Easter bank holiday", "Boxing Day", "Juneteenth"],
    "de": ["Pfingstmontag", "Tag der Deutschen Einheit", "Christi Himmelfahrt", "Fronleichnam"],
    "fr": ["l'Ascension", "le lundi de Pentecôte", "la Toussaint", "le 14 Juillet"],
    "es": ["Semana Santa", "el Día de la Hispanidad", "la Inmaculada", "el Día del Trabajador"],
    "it": ["Ferragosto", "la Festa della Repubblica", "l'Immacolata", "Pasquetta"],
    "pt": ["o Carnaval", "o Dia de Portugal", "o Corpus Christi", "a Implantação da República"],
}
DEPTS = {
    "en": ["Revenue Cycle", "Member Services", "Patient Access", "Health Information Management", "Treasury Operations", "Fraud Prevention", "Cardiology", "Radiology"],
    "de": ["Patientenaufnahme", "Abrechnung", "Kundenservice", "Zahlungsverkehr", "Radiologie", "Medizincontrolling"],
    "fr": ["service facturation", "accueil patients", "service client", "pôle imagerie", "direction financière"],
    "es": ["Admisión", "Facturación", "Atención al Cliente", "Radiología", "Tesorería"],
    "it": ["Accettazione", "Ufficio Fatturazione", "Servizio Clienti", "Radiologia", "Tesoreria"],
    "pt": ["Admissão", "Faturação", "Apoio ao Cliente", "Imagiologia", "Tesouraria"],
}
ORGS = ["Northvale Health", "Riverbend Clinic", "Harbor Point Bank", "Cascadia Mutual",
        "Summit Ridge Medical", "Bluewater Credit Union", "Meridian Care Partners",
        "Lakeshore Orthopaedics", "Pinecrest Federal Savings", "Orchard Family Practice"]
ORGDOM = ["northvale-health.org", "riverbendclinic.com", "harborpointbank.com",
          "cascadiamutual.com", "summitridgemed.org", "bluewatercu.org", "meridiancare.net",
          "lakeshore-ortho.com", "pinecrestfs.com", "orchardfp.co.uk"]
MAILDOM = {"en": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "btinternet.com", "hotmail.co.uk"],
           "de": ["web.de", "gmx.de", "t-online.de", "posteo.de", "gmail.com"],
           "fr": ["orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com"],
           "es": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"],
           "it": ["libero.it", "virgilio.it", "alice.it", "gmail.com", "tiscali.it"],
           "pt": ["sapo.pt", "gmail.com", "hotmail.com", "uol.com.br", "outlook.pt"]}
BELFIORE = ["H501", "F205", "L219", "A944", "D612", "A662", "L781", "F839", "G273", "C351"]

# ---------------------------------------------------------------- check digits
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


def luhn_digit(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return c


def iban_ok(s):
    s = s.replace(" ", "")
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def make_iban(cc, bban):
    r = bban + cc + "00"
    n = int("".join(str(int(c, 36)) for c in r))
    return "%s%02d%s" % (cc, 98 - n % 97, bban)


def aba_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and sum(w * x for w, x in zip([3, 7, 1] * 3, d)) % 10 == 0


def nhs_check(nine):
    t = sum(int(c) * w for c, w in zip(nine, range(10, 1, -1)))
    c = 11 - t % 11
    return 0 if c == 11 else (None if c == 10 else c)


def nhs_ok(s):
    s = s.replace(" ", "").replace("-", "")
    c = nhs_check(s[:9])
    return c is not None and c == int(s[9])


def dea_ok(s):
    d = [int(c) for c in s[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def npi_ok(s):
    return len(s) == 10 and luhn_ok("80840" + s)


def bsn_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(x * w for x, w in zip(d[:8], range(9, 1, -1))) - d[8]) % 11 == 0


def detax_check(ten):
    p = 10
    for c in ten:
        s = (int(c) + p) % 10
        if s == 0:
            s = 10
        p = (s * 2) % 11
    c = 11 - p
    return 0 if c == 10 else c


def detax_ok(s):
    s = s.replace(" ", "")
    if len(s) != 11 or s[0] == "0":
        return False
    cnt = Counter(s[:10])
    if sorted(cnt.values())[-1] not in (2, 3) or sum(1 for v in cnt.values() if v > 1) != 1:
        return False
    return detax_check(s[:10]) == int(s[10])


DNI_L = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(s):
    n = s[:-1]
    if n[0] in "XYZ":
        n = str("XYZ".index(n[0])) + n[1:]
    return DNI_L[int(n) % 23] == s[-1]


def nir_ok(s):
    s = s.replace(" ", "")
    return 97 - int(s[:13]) % 97 == int(s[13:])


CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21] +
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))


def cf_even(c):
    return int(c) if c.isdigit() else ord(c) - 65


def cf_check(s15):
    t = sum(CF_ODD[c] if i % 2 == 0 else cf_even(c) for i, c in enumerate(s15))
    return chr(65 + t % 26)


def cf_ok(s):
    return len(s) == 16 and cf_check(s[:15]) == s[15]


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("ø", "o").replace("ı", "i").replace("ł", "l")


def ssn_ok(s):
    a, g, n = s.split("-") if "-" in s else (s[:3], s[3:5], s[5:])
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


VIN_T = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_val(c):
    return int(c) if c.isdigit() else VIN_T[c]


def vin_ok(v):
    t = sum(vin_val(c) * w for c, w in zip(v, VIN_W)) % 11
    return v[8] == ("X" if t == 10 else str(t))


NINO_BAD1 = set("DFIQUV")
NINO_BAD2 = set("DFIOQUV")
NINO_BADP = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino_ok(s):
    s = s.replace(" ", "")
    return (len(s) == 9 and s[0] not in NINO_BAD1 and s[1] not in NINO_BAD2
            and s[:2] not in NINO_BADP and s[2:8].isdigit() and s[8] in "ABCD")

# ---------------------------------------------------------------- value makers
UP = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
AN = UP + "0123456789"
B62 = AN + "abcdefghijklmnopqrstuvwxyz"
HEX = "0123456789abcdef"
US_AREAS = [614, 520, 518, 608, 919, 208, 509, 937, 559, 912, 517, 412, 303, 717, 385, 651]
BANKS4 = ["HPBK", "CSMU", "BWCU", "NRDA", "VLKB", "CRAG", "BNPT", "MRDN", "SOLV", "ATLQ", "RIVB", "KSTL"]


class Val:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def nonluhn_digits(r, n, first="123456789"):
    s = r.choice(first) + digits(r, n - 1)
    if luhn_ok(s):
        s = s[:-1] + str((int(s[-1]) + 1) % 10)
    return s


def clean_hex(r, n, alphabet=HEX):
    while True:
        s = "".join(r.choice(alphabet) for _ in range(n))
        if not re.search(r"\d{9}", s):
            return s


def mk_person(r, lang):
    sex = r.choice("FM")
    g = r.choice(GIVEN_F if sex == "F" else GIVEN_M)
    s = r.choice(SURNAMES)
    if lang == "es" and r.random() < 0.5:
        s2 = r.choice(SURNAMES)
        if s2 != s:
            s = s + " " + s2
    if r.random() < 0.06:
        g2 = r.choice(GIVEN_F if sex == "F" else GIVEN_M)
        if g2 != g:
            g = g + r.choice([" ", "-"]) + g2
    dob = (r.randint(1936, 2006), r.randint(1, 12), r.randint(1, 28))
    return Val(g=g, s=s, sex=sex, dob=dob)


def fmt_date(r, lang, d, style=None):
    y, m, dd = d
    if style is None:
        style = r.choice({"en": ["us", "us", "iso", "long", "dmy_en"], "de": ["de", "de", "delong", "iso"],
                          "fr": ["dmy", "dmy", "long", "iso"], "es": ["dmy", "dmy", "long"],
                          "it": ["dmy", "dmy", "long", "dash"], "pt": ["dmy", "dmy", "long", "iso"]}[lang])
    mn = MONTHS[lang][m - 1]
    if style == "us":
        return "%02d/%02d/%04d" % (m, dd, y)
    if style == "iso":
        return "%04d-%02d-%02d" % (y, m, dd)
    if style == "hl7":
        return "%04d%02d%02d" % (y, m, dd)
    if style == "long":
        return {"en": "%s %d, %d" % (mn, dd, y), "fr": "%d %s %d" % (dd, mn, y),
                "es": "%d de %s de %d" % (dd, mn, y), "it": "%d %s %d" % (dd, mn, y),
                "pt": "%d de %s de %d" % (dd, mn, y), "de": "%d. %s %d" % (dd, mn, y)}[lang]
    if style == "dmy_en":
        return "%d %s %d" % (dd, mn[:3], y)
    if style == "de":
        return "%02d.%02d.%04d" % (dd, m, y)
    if style == "delong":
        return "%d. %s %d" % (dd, mn, y)
    if style == "dash":
        return "%02d-%02d-%04d" % (dd, m, y)
    return "%02d/%02d/%04d" % (dd, m, y)


def mk_phone(r, kind):
    if kind == "us":
        a, b, c = r.choice(US_AREAS), r.randint(201, 989), r.randint(0, 9999)
        return r.choice(["(%d) %d-%04d", "%d-%d-%04d", "+1 %d %d %04d", "%d.%d.%04d"]) % (a, b, c)
    if kind == "uk":
        return r.choice(["07700 9%05d" % r.randint(0, 99999), "+44 7%03d %06d" % (r.randint(100, 999), r.randint(0, 999999)),
                         "0113 496 %04d" % r.randint(0, 9999), "020 7946 %04d" % r.randint(0, 9999)])
    if kind == "de":
        return r.choice(["+49 1%d%d %s" % (r.choice([5, 6, 7]), r.randint(0, 9), digits(r, 7)),
                         "01%d%d %s" % (r.choice([5, 6, 7]), r.randint(0, 9), digits(r, 7)),
                         "030 %s" % digits(r, 8), "089/%s" % digits(r, 7), "+49 (0)40 %s" % digits(r, 7),
                         "0221 %s-%s" % (digits(r, 4), digits(r, 2))])
    if kind == "fr":
        p = " ".join(digits(r, 2) for _ in range(4))
        return r.choice(["06 " + p, "07 " + p, "+33 6 " + p, "01 " + p, "04 " + p])
    if kind == "es":
        return r.choice(["6%s %s %s" % (digits(r, 2), digits(r, 3), digits(r, 3)),
                         "+34 6%s %s %s" % (digits(r, 2), digits(r, 3), digits(r, 3)),
                         "91 %s %s %s" % (digits(r, 3), digits(r, 2), digits(r, 2))])
    if kind == "it":
        return r.choice(["3%s %s %s" % (digits(r, 2), digits(r, 3), digits(r, 4)),
                         "+39 3%s %s" % (digits(r, 2), digits(r, 7)), "06 %s %s" % (digits(r, 4), digits(r, 4))])
    if kind == "pt":
        return r.choice(["9%s%s %s %s" % (r.choice("1236"), digits(r, 1), digits(r, 3), digits(r, 3)),
                         "+351 9%s%s %s %s" % (r.choice("1236"), digits(r, 1), digits(r, 3), digits(r, 3)),
                         "21 %s %s" % (digits(r, 3), digits(r, 4)),
                         "(11) 9%s-%s" % (digits(r, 4), digits(r, 4)), "+55 21 9%s-%s" % (digits(r, 4), digits(r, 4))])


def mk_addr(r, kind):
    if kind == "us":
        city, st, z3 = r.choice(CITIES["us"])
        line = "%d %s" % (r.randint(12, 9890), r.choice(STREETS["us"]))
        if r.random() < 0.35:
            line += r.choice([" Apt %d%s" % (r.randint(1, 24), r.choice("ABCD")), " Unit %d" % r.randint(1, 40), ", Apt %d" % r.randint(100, 920)])
        z = z3 + digits(r, 2)
        if r.random() < 0.2:
            z += "-" + digits(r, 4)
        return Val(line=line, zip=z, city=city, st=st)
    if kind == "uk":
        city, pc = r.choice(CITIES["uk"])
        line = "%d %s" % (r.randint(1, 180), r.choice(STREETS["uk"]))
        if r.random() < 0.3:
            line = "Flat %d, %s" % (r.randint(1, 12), line)
        z = "%s%d %d%s" % (pc, r.randint(1, 19), r.randint(1, 9), "".join(r.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))
        return Val(line=line, zip=z, city=city, st="")
    city = r.choice(CITIES[kind])
    n = r.randint(1, 140)
    s = r.choice(STREETS[kind])
    if kind == "de":
        line = "%s %d%s" % (s, n, r.choice(["", "", "a", "b"]))
        z = "%05d" % r.randint(1067, 99998)
    elif kind == "fr":
        line = "%d%s %s" % (n, r.choice(["", "", " bis"]), s)
        z = "%02d%03d" % (r.randint(1, 95), r.randint(0, 999) // 10 * 10)
    elif kind == "es":
        line = "%s %d%s" % (s, n, r.choice(["", ", %d.º %s" % (r.randint(1, 9), r.choice("ABCD")), ", bajo"]))
        z = "%02d%03d" % (r.randint(1, 52), r.randint(1, 999))
    elif kind == "it":
        line = "%s %d%s" % (s, n, r.choice(["", "", "/B", ", int. %d" % r.randint(1, 20)]))
        z = "%05d" % r.randint(10010, 98168)
    else:
        if city in ("São Paulo", "Curitiba"):
            line = "%s, %d%s" % (s, r.randint(10, 2400), r.choice(["", ", apto %d" % r.randint(11, 190)]))
            z = "%05d-%03d" % (r.randint(1000, 89999), r.randint(0, 999))
        else:
            line = "%s %d%s" % (s, n, r.choice(["", ", %d.º Esq." % r.randint(1, 8), ", %d.º Dto." % r.randint(1, 8)]))
            z = "%04d-%03d" % (r.randint(1000, 9800), r.randint(0, 999))
    return Val(line=line, zip=z, city=city, st="")


def mk_card(r):
    t = r.choice(["visa", "visa", "mc", "mc2", "amex", "disc"])
    if t == "visa":
        body, n, g = "4" + digits(r, 14), 16, [4, 4, 4, 4]
    elif t == "mc":
        body, n, g = "5" + r.choice("12345") + digits(r, 13), 16, [4, 4, 4, 4]
    elif t == "mc2":
        body, n, g = str(r.randint(2221, 2720)) + digits(r, 11), 16, [4, 4, 4, 4]
    elif t == "amex":
        body, n, g = r.choice(["34", "37"]) + digits(r, 12), 15, [4, 6, 5]
    else:
        body, n, g = "6011" + digits(r, 11), 16, [4, 4, 4, 4]
    num = body + luhn_digit(body)
    sep = r.choice([" ", " ", "-", ""])
    out, i = [], 0
    for k in g:
        out.append(num[i:i + k])
        i += k
    return sep.join(out)


def mk_iban(r, cc):
    if cc == "DE":
        bban = digits(r, 18)
    elif cc == "FR":
        b, g, a = digits(r, 5), digits(r, 5), digits(r, 11)
        key = 97 - (89 * int(b) + 15 * int(g) + 3 * int(a)) % 97
        bban = b + g + a + "%02d" % key
    elif cc == "ES":
        bban = digits(r, 20)
    elif cc == "IT":
        bban = r.choice(UP) + digits(r, 10) + digits(r, 12)
    elif cc == "PT":
        b = "00" + digits(r, 17)
        bban = b + "%02d" % (98 - (int(b) * 100) % 97)
    elif cc == "NL":
        bban = r.choice(["ABNA", "RABO", "INGB", "TRIO"]) + digits(r, 10)
    else:
        bban = r.choice(BANKS4) + digits(r, 14)
    ib = make_iban(cc, bban)
    assert iban_ok(ib)
    if r.random() < 0.6:
        ib = " ".join(ib[i:i + 4] for i in range(0, len(ib), 4))
    return ib


def mk_aba(r):
    while True:
        s = "%02d" % r.choice(list(range(1, 13)) + list(range(21, 33))) + digits(r, 6)
        for c in "0123456789":
            if aba_ok(s + c):
                return s + c


def mk_nhs(r):
    while True:
        n = str(r.randint(4, 6)) + digits(r, 8)
        c = nhs_check(n)
        if c is not None:
            s = n + str(c)
            return r.choice(["%s %s %s" % (s[:3], s[3:6], s[6:]), s, "%s-%s-%s" % (s[:3], s[3:6], s[6:])])


def mk_ssn(r):
    while True:
        a, g, n = r.randint(1, 899), r.randint(1, 99), r.randint(1, 9999)
        if a != 666:
            return r.choice(["%03d-%02d-%04d"] * 4 + ["%03d %02d %04d"]) % (a, g, n)


def mk_npi(r):
    b = r.choice("12") + digits(r, 8)
    return b + luhn_digit("80840" + b)


def mk_dea(r, surname):
    first = r.choice("ABFGM")
    sec = ascii_fold(surname)[0].upper()
    d = [r.randint(0, 9) for _ in range(6)]
    c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + sec + "".join(map(str, d)) + str(c)


def mk_bsn(r):
    while True:
        d = str(r.randint(1, 6)) + digits(r, 7)
        t = sum(int(x) * w for x, w in zip(d, range(9, 1, -1))) % 11
        if t < 10:
            return d + str(t)


def mk_detax(r):
    while True:
        rep = r.choice("0123456789")
        others = r.sample([c for c in "0123456789" if c != rep], 8)
        ds = others + [rep, rep]
        r.shuffle(ds)
        s = "".join(ds)
        if s[0] == "0":
            continue
        s += str(detax_check(s))
        if detax_ok(s):
            return r.choice([s, "%s %s %s %s" % (s[:2], s[2:5], s[5:8], s[8:])])


def mk_nir(r, p):
    y, m, _ = p.dob
    body = "%d%02d%02d%02d%03d%03d" % (1 if p.sex == "M" else 2, y % 100, m, r.randint(1, 95), r.randint(1, 990), r.randint(1, 999))
    key = 97 - int(body) % 97
    s = body + "%02d" % key
    return r.choice([s, "%s %s %s %s %s %s %s" % (s[0], s[1:3], s[3:5], s[5:7], s[7:10], s[10:13], s[13:])])


def mk_dni(r):
    if r.random() < 0.25:
        p = r.choice("XYZ")
        n = digits(r, 7)
        return p + n + DNI_L[int(str("XYZ".index(p)) + n) % 23]
    n = "%08d" % r.randint(1000000, 79999999)
    return n + DNI_L[int(n) % 23]


def cf_part(name, is_name):
    a = ascii_fold(name).upper()
    a = "".join(c for c in a if c.isalpha())
    cons = [c for c in a if c not in "AEIOU"]
    vow = [c for c in a if c in "AEIOU"]
    if is_name and len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return ("".join(cons + vow) + "XXX")[:3]


def mk_cf(r, p):
    y, m, d = p.dob
    s = cf_part(p.s, False) + cf_part(p.g, True) + "%02d" % (y % 100) + "ABCDEHLMPRST"[m - 1]
    s += "%02d" % (d + (40 if p.sex == "F" else 0)) + r.choice(BELFIORE)
    return s + cf_check(s)


def mk_nino(r):
    while True:
        a, b = r.choice(UP), r.choice(UP)
        if a in NINO_BAD1 or b in NINO_BAD2 or a + b in NINO_BADP:
            continue
        s = a + b + digits(r, 6) + r.choice("ABCD")
        return r.choice([s, "%s %s %s %s %s" % (s[:2], s[2:4], s[4:6], s[6:8], s[8])])


def mk_vin(r):
    al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    while True:
        v = [r.choice("12345JKLSVWYZ")] + [r.choice(al) for _ in range(16)]
        v[8] = "0"
        t = sum(vin_val(c) * w for c, w in zip(v, VIN_W)) % 11
        v[8] = "X" if t == 10 else str(t)
        v = "".join(v)
        if vin_ok(v) and not re.search(r"\d{9}", v):
            return v


def mk_plate(r, lang):
    L = lambda n: "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(n))
    return {"en": r.choice(["%d%s%s" % (r.randint(1, 9), L(3), digits(r, 3)), "%s%s %s" % (L(2), digits(r, 2), L(3))]),
            "de": "%s-%s %d" % (r.choice(["B", "M", "HH", "K", "L", "FR", "KS", "HB"]), L(2), r.randint(10, 9999)),
            "fr": "%s-%s-%s" % (L(2), digits(r, 3), L(2)),
            "es": "%s %s" % (digits(r, 4), L(3)),
            "it": "%s %s %s" % (L(2), digits(r, 3), L(2)),
            "pt": "%s-%s-%s" % (L(2), digits(r, 2), L(2))}[lang]


def mk_imei(r):
    b = r.choice(["35", "86", "01", "99"]) + digits(r, 12)
    return b + luhn_digit(b)


def mk_key(r):
    t = r.choice(["stripe", "gh", "aws", "slack", "goog", "sk", "hf"])
    g = lambda al, n: "".join(r.choice(al) for _ in range(n))
    while True:
        k = {"stripe": "sk_live_" + g(B62, 24), "gh": "ghp_" + g(B62, 36), "aws": "AKIA" + g(AN, 16),
             "slack": "xoxb-%s-%s-%s" % (digits(r, 11), digits(r, 12), g(B62, 24)), "goog": "AIza" + g(B62 + "-_", 35),
             "sk": "sk-proj-" + g(B62, 40), "hf": "hf_" + g(B62, 34)}[t]
        if t == "slack" or not re.search(r"\d{9}", k):
            return k


def mk_mrn(r, lang):
    return {"en": r.choice(["%08d" % r.randint(1000000, 99999999), "MR%07d" % r.randint(0, 9999999), "NVH-%06d" % r.randint(0, 999999), "E%07d" % r.randint(0, 9999999)]),
            "de": r.choice(["%08d" % r.randint(10000000, 99999999), "FN %d/%06d" % (r.randint(24, 26), r.randint(0, 999999))]),
            "fr": r.choice(["%09d" % r.randint(100000000, 999999999), "IPP%07d" % r.randint(0, 9999999)]),
            "es": r.choice(["%07d" % r.randint(100000, 9999999), "NHC-%06d" % r.randint(0, 999999)]),
            "it": r.choice(["%d/%06d" % (r.randint(2024, 2026), r.randint(0, 999999)), "CC%07d" % r.randint(0, 9999999)]),
            "pt": r.choice(["%08d" % r.randint(1000000, 99999999), "PR-%06d" % r.randint(0, 999999)])}[lang]


def mk_kvnr(r):
    L = r.choice(UP)
    body = "%02d" % (ord(L) - 64) + digits(r, 8)
    t = 0
    for i, c in enumerate(body):
        p = int(c) * (1 if i % 2 == 0 else 2)
        t += p // 10 + p % 10
    return L + body[2:] + str(t % 10)


def mk_hp(r, lang, p):
    if lang == "en":
        A = "ACDEFGHJKMNPQRTUVWXY"
        mbi = r.choice("123456789") + r.choice(A) + r.choice(A + "0123456789") + r.choice("0123456789") + \
            r.choice(A) + r.choice(A + "0123456789") + r.choice("0123456789") + r.choice(A) + r.choice(A) + digits(r, 2)
        return r.choice(["%s%09d" % (r.choice(["XJH", "W", "ZGP", "MBR", "YPX"]), r.randint(0, 999999999)),
                         "%s-%s-%s" % (mbi[:4], mbi[4:7], mbi[7:]), mbi, "U%08d-01" % r.randint(0, 99999999)])
    if lang == "de":
        return mk_kvnr(r)
    if lang == "fr":
        return r.choice(["%08d" % r.randint(10000000, 99999999), "MUT-%07d" % r.randint(0, 9999999)])
    if lang == "es":
        return cf_part(p.s, False)[:2] + cf_part(p.g, True)[:2] + digits(r, 6) + digits(r, 6)
    if lang == "it":
        return r.choice(["POL-%08d" % r.randint(0, 99999999), "%s/%07d" % (r.choice(["FS", "CA", "RBM"]), r.randint(0, 9999999))])
    return "%09d" % r.randint(100000000, 299999999)


def mk_acct(r, lang):
    if lang == "en":
        return r.choice([digits(r, 10), "%012d" % r.randint(10 ** 9, 10 ** 12 - 1), digits(r, 8)])
    return r.choice([digits(r, 10), "%s-%s" % (digits(r, 4), digits(r, 7))])


def mk_dl(r):
    st = r.choice(["CA", "NY", "FL", "TX", "IL", "WA"])
    v = {"CA": r.choice(UP) + digits(r, 7), "NY": "%s %s %s" % (digits(r, 3), digits(r, 3), digits(r, 3)),
         "FL": "%s%s-%s-%s-%s-%s" % (r.choice(UP), digits(r, 3), digits(r, 3), digits(r, 2), digits(r, 3), digits(r, 1)),
         "TX": digits(r, 8), "IL": "%s%s-%s-%s" % (r.choice(UP), digits(r, 3), digits(r, 4), digits(r, 4)),
         "WA": "WDL" + "".join(r.choice(AN) for _ in range(9))}[st]
    return Val(v=v, st=st)


def mk_ip(r):
    if r.random() < 0.12:
        return "2001:db8:%x:%x::%x" % (r.randint(1, 0xffff), r.randint(1, 0xffff), r.randint(1, 0xfff))
    a = r.choice([10, 172, 192, 81, 84, 93, 145, 203, 66, 98, 185])
    if a == 192:
        return "192.168.%d.%d" % (r.randint(0, 255), r.randint(2, 254))
    if a == 172:
        return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 254))
    return "%d.%d.%d.%d" % (a, r.randint(0, 255), r.randint(0, 255), r.randint(2, 254))


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", ascii_fold(s).lower())

# ---------------------------------------------------------------- rendering engine
PH_RE = re.compile("\u27e8([^\u27e9]+)\u27e9")          # ⟨key⟩ or ⟨key.attr⟩
ALT_RE = re.compile(r"\[\[([^\[\]]*)\]\]")           # [[a¦b¦c]], nestable


class Ctx:
    def __init__(self, r, lang):
        self.r, self.lang, self.cache = r, lang, {}

    def obj(self, base):
        if base in self.cache:
            return self.cache[base]
        r, lang = self.r, self.lang
        t = re.match(r"[a-z]+", base).group(0)
        if t in ("p", "s"):
            v = mk_person(r, lang)
            used = {(o.g, o.s) for o in self.cache.values() if isinstance(o, Val) and hasattr(o, "g")}
            while (v.g, v.s) in used or any(v.s == o.s or v.g == o.g for o in self.cache.values() if isinstance(o, Val) and hasattr(o, "g")):
                v = mk_person(r, lang)
        elif t == "dt":
            v = (r.randint(2025, 2027), r.randint(1, 12), r.randint(1, 28))
        elif t == "addr":
            v = mk_addr(r, "us" if lang == "en" and r.random() < 0.75 else ("uk" if lang == "en" else lang))
        elif t == "addruk":
            v = mk_addr(r, "uk")
        elif t == "addrus":
            v = mk_addr(r, "us")
        elif t == "dx":
            v = r.choice(CONDS)
        elif t == "dl":
            v = mk_dl(r)
        else:
            v = None
        self.cache[base] = v
        return v

    def seg(self, key):
        """Return a list of (text, entity or None, allowed_long_digits)."""
        r, lang = self.r, self.lang
        base, _, attr = key.partition(".")
        t = re.match(r"[a-z]+", base).group(0)
        if t in ("p", "s"):
            p = self.obj(base)
            if attr == "":
                return [(p.g + " " + p.s, "PERSON", 0)]
            if attr == "f":
                return [(p.g, "PERSON", 0)]
            if attr == "l":
                return [(p.s, "PERSON", 0)]
            if attr == "up":
                return [((p.g + " " + p.s).upper(), "PERSON", 0)]
            if attr == "fl":
                return [(p.s, "PERSON", 0), (", ", None, 0), (p.g, "PERSON", 0)]
            if attr == "hl7":
                return [(p.s.upper(), "PERSON", 0), ("^", None, 0), (p.g.upper(), "PERSON", 0)]
            if attr == "ini":
                return [(p.g[0] + ". " + p.s, "PERSON", 0)]
            if attr == "mr":
                return [(TITLE[lang][p.sex == "F"], None, 0)]
            if attr == "dob":
                return [(fmt_date(r, lang, p.dob), "DATE", 0)]
            if attr == "dobuk":
                return [(fmt_date(r, lang, p.dob, r.choice(["dmy", "dmy_en"])), "DATE", 0)]
            if attr in ("dobiso", "dobhl7", "dobus"):
                return [(fmt_date(r, lang, p.dob, attr[3:]), "DATE", 0)]
            if attr in ("email", "work"):
                g, s = slug(p.g), slug(p.s)
                if attr == "work":
                    dom = self.cache.setdefault("_orgdom", r.choice(ORGDOM))
                    loc = r.choice([g + "." + s, g[0] + "." + s, g + s[0]])
                else:
                    dom = r.choice(MAILDOM[lang])
                    loc = r.choice([g + "." + s, g + s + str(r.randint(1, 99)), g[0] + s, s + "." + g, g + "_" + s[:4]])
                return [(loc + "@" + dom, "EMAIL", 0)]
            if attr == "url":
                g, s = slug(p.g), slug(p.s)
                return [(r.choice(["https://www.linkedin.com/in/%s-%s-%s" % (g, s, clean_hex(r, 4)), "https://%s%s.me" % (g, s),
                                   "https://calendly.com/%s-%s" % (g, s), "https://github.com/%s%s" % (g[0], s)]), "URL", 0)]
            if attr == "cf":
                return [(mk_cf(r, p), "IT_FISCAL_CODE", 0)]
            if attr == "nir":
                return [(mk_nir(r, p), "FR_NIR", 0)]
            if attr == "dea":
                return [(mk_dea(r, p.s), "DEA_NUMBER", 0)]
            if attr == "hp":
                return [(mk_hp(r, lang, p), "HEALTH_PLAN_ID", 0)]
            raise KeyError(key)
        if t == "dt":
            d = self.obj(base)
            st = attr if attr in ("iso", "hl7", "us") else (r.choice(["dmy", "dmy_en"]) if attr == "uk" else None)
            return [(fmt_date(r, lang, d, st), "DATE", 0)]
        if t in ("addr", "addruk", "addrus"):
            a = self.obj(base)
            if attr == "":
                return [(a.line, "STREET_ADDRESS", 0)]
            if attr == "zip":
                return [(a.zip, "ZIP_CODE", 0)]
            if attr == "city":
                return [(a.city, None, 0)]
            if attr == "st":
                return [(a.st or "", None, 0)]
            if attr == "cityzip":          # city and postcode in local order
                if a.st:
                    return [(a.city + ", " + a.st + " ", None, 0), (a.zip, "ZIP_CODE", 0)]
                if lang == "en":
                    return [(a.city + " ", None, 0), (a.zip, "ZIP_CODE", 0)]
                return [(a.zip, "ZIP_CODE", 0), (" " + a.city, None, 0)]
            raise KeyError(key)
        if t == "dx":
            c = self.obj(base)
            if attr == "n":
                return [(c[LANG_IDX[lang]], None, 0)]
            return [(c[0] if lang == "en" else c[1], "ICD10_CODE", 0)]
        if t == "dl":
            d = self.obj(base)
            if attr == "st":
                return [(d.st, None, 0)]
            return [(d.v, "US_DRIVER_LICENSE", 0)]
        # labelled values and numbered keys (⟨ver1⟩) are cached: same key, same
        # value within a record; other unlabelled values are drawn afresh.
        if key in self.cache:
            return self.cache[key]
        out = self.scalar(t, attr)
        if any(e for _, e, _ in out) or base != t:
            self.cache[key] = out
        return out

    def scalar(self, t, attr):
        r, lang = self.r, self.lang
        L = lambda v, e: [(v, e, 0)]
        if t == "ph":
            kind = attr or ("us" if lang == "en" and r.random() < 0.75 else ("uk" if lang == "en" else lang))
            return L(mk_phone(r, kind), "PHONE")
        if t == "mrn":
            return L(mk_mrn(r, lang), "MEDICAL_RECORD_NUMBER")
        if t == "npi":
            return L(mk_npi(r), "NPI")
        if t == "ssn":
            return L(mk_ssn(r), "US_SSN")
        if t == "cc":
            return L(mk_card(r), "CREDIT_CARD")
        if t == "iban":
            cc = attr.upper() if attr else {"en": r.choice(["GB", "GB", "NL", "DE"]), "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT"}[lang]
            return L(mk_iban(r, cc), "IBAN")
        if t == "aba":
            return L(mk_aba(r), "US_BANK_ROUTING")
        if t == "bic":
            cc = {"en": r.choice(["US", "GB"]), "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT"}[lang]
            return L(r.choice(BANKS4) + cc + r.choice(AN) + r.choice(AN) + r.choice(["", "", "XXX", "".join(r.choice(AN) for _ in range(3))]), "SWIFT_BIC")
        if t == "acct":
            return L(mk_acct(r, lang), "ACCOUNT_NUMBER")
        if t == "ip":
            return L(mk_ip(r), "IP_ADDRESS")
        if t == "url":
            return L("https://portal.%s/patients/%s/%s" % (r.choice(ORGDOM), clean_hex(r, 8), r.choice(["records", "visit-summary", "statements"])), "URL")
        if t == "pass":
            return L(r.choice([str(r.randint(1, 9)) + digits(r, 8), r.choice(UP) + digits(r, 8)]), "US_PASSPORT")
        if t == "nhs":
            return L(mk_nhs(r), "UK_NHS")
        if t == "nino":
            return L(mk_nino(r), "UK_NINO")
        if t == "detax":
            return L(mk_detax(r), "DE_TAX_ID")
        if t == "dni":
            return L(mk_dni(r), "ES_DNI")
        if t == "bsn":
            return L(mk_bsn(r), "NL_BSN")
        if t == "vin":
            return L(mk_vin(r), "VEHICLE_ID")
        if t == "plate":
            return L(mk_plate(r, lang), "VEHICLE_ID")
        if t == "imei":
            return L(mk_imei(r), "DEVICE_ID")
        if t == "mac":
            sep = r.choice([":", "-"])
            return L(sep.join("%02X" % r.randint(0, 255) for _ in range(6)), "DEVICE_ID")
        if t == "serial":
            return L(r.choice(["C02", "FVF", "SN", "R58", "DX"]) + "".join(r.choice("ABCDEFGHJKLMNPQRSTVWXYZ0123456789") for _ in range(9)), "DEVICE_ID")
        if t == "key":
            return L(mk_key(r), "API_KEY")
        if t == "pw":
            return L("".join(r.choice(B62 + "!#%*") for _ in range(r.randint(12, 18))), "API_KEY")
        # ---- unlabelled values (look-alikes and context)
        if t == "ord":                      # order / tracking number: may be long, never Luhn-valid
            return [(nonluhn_digits(r, r.randint(13, 19)), None, 1)]
        if t == "trk":
            return [(r.choice(["1Z" + "".join(r.choice(AN) for _ in range(16)), nonluhn_digits(r, r.choice([12, 20, 22]))]), None, 1)]
        if t == "hts":                      # HL7 message timestamp
            v = "2026%02d%02d%02d%02d" % (r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59))
            v += "%02d" % next(x for x in range(r.randint(0, 50), 60) if not luhn_ok(v + "%02d" % x))
            return [(v, None, 1)]
        if t == "inv":
            return L(r.choice(["INV-2026-%06d", "RE-%06d", "FAC-2026-%05d", "F%07d"]) % r.randint(1000, 99999), None)
        if t == "tkt":
            return L(r.choice(["INC%07d", "REQ%07d", "CLM-2026-%06d", "SR-%06d", "#%d"]) % r.randint(10000, 999999), None)
        if t == "ver":
            return L("%d.%d.%d" % (r.randint(1, 14), r.randint(0, 40), r.randint(0, 30)), None)
        if t == "sha":
            return L(clean_hex(r, r.choice([7, 12, 40])), None)
        if t == "uuid":
            h = clean_hex(r, 32)
            return L("%s-%s-4%s-a%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:]), None)
        if t == "rel":                      # a date tied to no person
            return L(fmt_date(r, lang, (2026, r.randint(1, 12), r.randint(1, 28)), attr or None), None)
        if t == "ts":                       # log timestamp (not labelled)
            return [(r.choice(["2026-%02d-%02dT%02d:%02d:%02d.%03dZ", "2026-%02d-%02d %02d:%02d:%02d,%03d"]) % (
                r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999)), None, 1)]
        if t == "co":
            return L(r.choice(COMPANIES), None)
        if t == "org":
            return L(r.choice(ORGS), None)
        if t == "brand":
            return L(r.choice(BRANDS[lang]), None)
        if t == "epo":
            return L(r.choice(EPONYMS[lang]), None)
        if t == "hol":
            return L(r.choice(HOLIDAYS[lang]), None)
        if t == "dept":
            return L(r.choice(DEPTS[lang]), None)
        if t == "wd":
            return L(r.choice(WEEKDAYS[lang]), None)
        if t == "city":
            c = r.choice(CITIES["us" if lang == "en" else lang])
            return L(c[0] if isinstance(c, tuple) else c, None)
        if t == "street":
            return L(r.choice(STREETS["us" if lang == "en" else lang]).replace(" St", " Street").replace(" Ave", " Avenue"), None)
        if t == "model":
            return L(r.choice(["E11-B", "F32-X", "J45 Pro", "K21-S", "I10e", "C50-M2", "G40 Lite"]), None)
        if t == "amt":
            return L("%d.%02d" % (r.randint(12, 4800), r.randint(0, 99)), None)
        if t == "n":
            return L(str(r.randint(2, 48)), None)
        if t == "port":
            return L(str(r.choice([443, 8443, 5432, 8080, 6379])), None)
        if t == "ms":
            return L(str(r.randint(12, 2900)), None)
        raise KeyError(t)


def render(r, lang, tpl):
    while True:
        m = ALT_RE.search(tpl)
        if not m:
            break
        tpl = tpl[:m.start()] + r.choice(m.group(1).split("\u00a6")) + tpl[m.end():]
    ctx = Ctx(r, lang)
    segs, pos = [], 0
    for m in PH_RE.finditer(tpl):
        if m.start() > pos:
            segs.append((tpl[pos:m.start()], None, 0))
        segs.extend(ctx.seg(m.group(1)))
        pos = m.end()
    segs.append((tpl[pos:], None, 0))
    return segs

# ---------------------------------------------------------------- templates
# [[a¦b]] picks one alternative; ⟨key⟩ inserts a value (labelled or not).
# p*/s* persons (patients, customers / staff), dt* event dates, addr* addresses.
T = defaultdict(lambda: defaultdict(lambda: {"pos": [], "neg": []}))


def add(lang, sl, pol, *tpls):
    T[lang][sl][pol].extend(tpls)


# ======================= English: positives
add("en", "email", "pos",
    "Subject: [[Referral¦Re: referral¦New referral]] – ⟨p1⟩\n\nDear Dr. ⟨s1.l⟩,\n\n[[Thank you for agreeing to see¦I would be grateful if you could see¦Please could you review]] ⟨p1⟩ (DOB ⟨p1.dob⟩, MRN ⟨mrn1⟩), who has ⟨dx1.n⟩ (⟨dx1⟩)[[ and ⟨dx2.n⟩ (⟨dx2⟩)¦]]. [[She¦He¦They]] [[was last seen here on¦had an echo on¦was discharged on]] ⟨dt1⟩. Current meds include ⟨brand⟩.\n\nKind regards,\n⟨s2⟩\n[[GP Partner¦Consultant Physician¦Nurse Practitioner]], ⟨org⟩\nNPI ⟨npi1⟩ | Tel ⟨ph1⟩ | ⟨s2.work⟩",
    "Hi ⟨p1.f⟩,\n\n[[Thanks for getting back to us.¦Thank you for your patience.]] I've [[re-sent¦cancelled and re-issued]] the transfer to IBAN ⟨iban1⟩ (BIC ⟨bic1⟩); it should [[arrive¦clear]] within two business days. [[If it doesn't, just reply to this e-mail.¦Let me know if anything looks off.]]\n\n[[Best¦Kind regards¦Thanks]],\n⟨s1.f⟩\n⟨dept⟩ | ⟨org⟩\n\n> On ⟨wd⟩ at [[09:14¦16:02¦11:47]], ⟨p1⟩ <⟨p1.email⟩> wrote:\n> Hello, the wire I sent from my checking account ⟨acct1⟩ (routing ⟨aba1⟩) never arrived. [[Can you check?¦Please advise.]]\n> ⟨p1.f⟩",
    "Re: Claim ⟨tkt⟩ – ⟨p1⟩\n\nHello ⟨s1.f⟩,\n\nThe claim for member ID ⟨p1.hp⟩ (patient ⟨p1⟩, DOB ⟨p1.dobus⟩) was denied for missing diagnosis. Date of service ⟨dt1.us⟩, billing NPI ⟨npi1⟩. Please resubmit with ⟨dx1⟩ as the primary code.\n\n[[Regards¦Thank you]],\n⟨s2⟩\nProvider Relations, ⟨org⟩\n⟨ph1⟩",
    "⟨p1⟩\n⟨addrus1⟩\n⟨addrus1.cityzip⟩\n\nDear ⟨p1.mr⟩ ⟨p1.l⟩,\n\nWe were unable to verify the Social Security number ⟨ssn1⟩ you gave when opening your account on ⟨dt1⟩. Please call us at ⟨ph1.us⟩ or upload a copy of your [[driver's license¦passport]].\n\nSincerely,\n⟨s1⟩\nAccount Verification, ⟨org⟩",
    "Dear ⟨s1.f⟩,\n\nRe: ⟨p1⟩, NHS No. ⟨nhs1⟩, ⟨addruk1⟩, ⟨addruk1.zip⟩\n\n[[I saw¦We reviewed]] ⟨p1.f⟩ in clinic on ⟨dt1.uk⟩ with [[worsening¦new]] ⟨dx1.n⟩. [[Bloods are attached.¦I have started ⟨brand⟩.]] [[Please¦Could you]] arrange follow-up in six weeks.\n\nBest wishes,\n⟨s2⟩\n[[Specialty Registrar¦Consultant]], ⟨dept⟩\nTel ⟨ph1.uk⟩",
    "From: ⟨p1⟩ <⟨p1.email⟩>\nTo: [[Billing¦Support¦Accounts]] team\nSubject: [[Wrong charge¦Double charge¦Refund]] on my card\n\nHi,\n\nI was charged twice on my card ⟨cc1⟩ for the visit on ⟨dt1⟩. My account number with you is ⟨acct1⟩. Please refund one of them.\n\nThanks,\n⟨p1.f⟩\n⟨ph1⟩",
    "Hello ⟨p1.f⟩,\n\nYour [[online banking¦patient portal]] access has been [[reset¦re-enabled]]. The [[sign-in¦request]] came from ⟨ip1⟩. If this wasn't you, call ⟨ph1⟩ right away.\n\n— ⟨s1⟩, ⟨dept⟩\n\n> On ⟨wd⟩, ⟨p1.f⟩ ⟨p1.l⟩ wrote:\n> I'm locked out again, my username is ⟨p1.email⟩.",
    "Hi ⟨s1.f⟩,\n\nForwarding ⟨p1.fl⟩'s prior-auth request. Subscriber ID ⟨p1.hp⟩, dx ⟨dx1⟩ (⟨dx1.n⟩), ordering provider ⟨s2⟩ (NPI ⟨npi1⟩, DEA ⟨s2.dea⟩). Surgery is pencilled for ⟨dt1⟩.\n\nThanks,\n⟨s3.f⟩",
)
add("en", "ticket", "pos",
    "⟨tkt⟩ | Priority: [[P2¦P3¦High]] | Reporter: ⟨s1⟩\nSummary: ⟨p1⟩ cannot sign in to the [[portal¦app]]\nDetails: user ⟨p1.email⟩ locked after 5 attempts from ⟨ip1⟩. Laptop serial ⟨serial1⟩. Assigned to ⟨s2.f⟩.",
    "Claim ticket ⟨tkt⟩\nMember: ⟨p1.fl⟩ (ID ⟨p1.hp⟩)\nDOS: ⟨dt1⟩\nDx: ⟨dx1⟩[[, ⟨dx2⟩¦]]\nRendering NPI: ⟨npi1⟩\nNote: [[COB info missing¦duplicate submission¦needs itemised bill]]; ⟨s1.f⟩ to call the member at ⟨ph1⟩.",
    "Billing dispute ⟨tkt⟩ – customer ⟨p1⟩ says the card ⟨cc1⟩ was charged [[twice¦after cancellation]]. Callback: ⟨ph1⟩. Email: ⟨p1.email⟩. Escalated by ⟨s1⟩ to ⟨dept⟩.",
    "INCIDENT REPORT ⟨tkt⟩\nWhat happened: a fax with ⟨p1⟩'s records (MRN ⟨mrn1⟩, SSN ⟨ssn1⟩) was sent to the wrong number.\nReported by: ⟨s1⟩\nPrivacy officer informed: yes (⟨s2.f⟩)",
    "⟨tkt⟩: auto claim for ⟨p1⟩, vehicle VIN ⟨vin1⟩, plate ⟨plate1⟩. Policyholder's licence ⟨dl1⟩ (⟨dl1.st⟩). Adjuster ⟨s1.l⟩ will inspect [[on site¦at the body shop]].",
    "Ticket ⟨tkt⟩ – new phone for ⟨p1⟩ (⟨dept⟩). IMEI ⟨imei1⟩, MAC ⟨mac1⟩. Enrolled in MDM by ⟨s1.f⟩; old device returned.",
    "⟨tkt⟩ [[Account update¦KYC refresh]]: ⟨p1⟩ moved to ⟨addr1⟩, ⟨addr1.cityzip⟩. New phone ⟨ph1⟩. Verified against passport ⟨pass1⟩ by ⟨s1⟩.",
    "⟨tkt⟩ UK payroll query: ⟨p1⟩ (NI number ⟨nino1⟩) was taxed on an emergency code. ⟨s1.f⟩ has asked HMRC for a new code; employee notified at ⟨p1.email⟩.",
)
add("en", "export", "pos",
    "patient_id,last_name,first_name,dob,zip,phone\n⟨mrn1⟩,⟨p1.l⟩,⟨p1.f⟩,⟨p1.dobiso⟩,⟨addrus1.zip⟩,⟨ph1.us⟩\n⟨mrn2⟩,⟨p2.l⟩,⟨p2.f⟩,⟨p2.dobiso⟩,⟨addrus2.zip⟩,⟨ph2.us⟩",
    "MSH|^~\\&|ADT|NVH|LAB|NVH|⟨hts⟩||ADT^A04|MSG⟨n⟩|P|2.5\nPID|1||⟨mrn1⟩^^^NVH^MR||⟨p1.hl7⟩||⟨p1.dobhl7⟩|[[F¦M]]|||⟨addrus1⟩^^⟨addrus1.city⟩^⟨addrus1.st⟩^⟨addrus1.zip⟩||⟨ph1.us⟩|||||||⟨ssn1⟩\nNK1|1|⟨p2.hl7⟩|[[SPO¦CHD¦PAR]]|||⟨ph2.us⟩\nPV1|1|O|CARD^12^1|||||⟨npi1⟩^⟨s1.hl7⟩",
    "{\"resourceType\": \"Patient\", \"identifier\": [{\"system\": \"urn:nvh:mrn\", \"value\": \"⟨mrn1⟩\"}], \"name\": [{\"family\": \"⟨p1.l⟩\", \"given\": [\"⟨p1.f⟩\"]}], \"birthDate\": \"⟨p1.dobiso⟩\", \"telecom\": [{\"system\": \"email\", \"value\": \"⟨p1.email⟩\"}], \"address\": [{\"line\": [\"⟨addrus1⟩\"], \"city\": \"⟨addrus1.city⟩\", \"postalCode\": \"⟨addrus1.zip⟩\"}]}",
    "<Customer id=\"⟨n⟩\">\n  <Name>⟨p1⟩</Name>\n  <TaxId type=\"SSN\">⟨ssn1⟩</TaxId>\n  <Account routing=\"⟨aba1⟩\">⟨acct1⟩</Account>\n  <Email>⟨p1.email⟩</Email>\n</Customer>",
    "member.name=⟨p1⟩\nmember.id=⟨p1.hp⟩\nmember.dob=⟨p1.dobiso⟩\nclaim.dx=⟨dx1⟩\nclaim.dos=⟨dt1.iso⟩\nprovider.npi=⟨npi1⟩",
    "customer_name;passport;driver_license;state;email\n⟨p1⟩;⟨pass1⟩;⟨dl1⟩;⟨dl1.st⟩;⟨p1.email⟩",
    "DG1|1||⟨dx1⟩^⟨dx1.n⟩^ICD10|||F\nPID|1||⟨mrn1⟩^^^RBC^MR||⟨p1.hl7⟩||⟨p1.dobhl7⟩\nIN1|1|[[BCBS¦AET¦UHC]]|||||||||||||⟨p1.hl7⟩|SEL|||||||||||||||||||⟨p1.hp⟩",
    "account_holder,iban,bic,card\n\"⟨p1.fl⟩\",⟨iban1⟩,⟨bic1⟩,⟨cc1⟩",
)
add("en", "log", "pos",
    "⟨ts⟩ INFO  auth.login success user=⟨p1.email⟩ ip=⟨ip1⟩ session=⟨uuid⟩",
    "⟨ts⟩ ERROR PaymentService - card declined for customer \"⟨p1⟩\" pan=⟨cc1⟩ code=51\n    at com.harbor.pay.Charge.run(Charge.java:⟨n⟩)\n    at com.harbor.pay.Worker.loop(Worker.java:88)",
    "⟨ts⟩ WARN  POST /api/v2/patients 422 body={\"name\": \"⟨p1⟩\", \"dob\": \"⟨p1.dobiso⟩\", \"ssn\": \"⟨ssn1⟩\", \"mrn\": \"⟨mrn1⟩\"} err=\"duplicate mrn\"",
    "⟨ts⟩ DEBUG config loaded: PAYMENTS_API_KEY=⟨key1⟩ DATABASE_URL=postgres://app:⟨pw1⟩@⟨ip1⟩:5432/claims",
    "⟨ts⟩ INFO  device.register owner=⟨p1.email⟩ imei=⟨imei1⟩ mac=⟨mac1⟩ from ⟨ip1⟩",
    "⟨ts⟩ INFO  eligibility.check member=⟨p1.hp⟩ name=\"⟨p1.fl⟩\" result=ACTIVE latency_ms=⟨ms⟩\n⟨ts⟩ INFO  eligibility.check member=⟨p2.hp⟩ name=\"⟨p2.fl⟩\" result=TERMINATED latency_ms=⟨ms⟩",
    "Traceback (most recent call last):\n  File \"sync.py\", line ⟨n⟩, in push\n    client.post(url, json=rec)\nValueError: invalid routing number for {'holder': '⟨p1⟩', 'routing': '⟨aba1⟩', 'account': '⟨acct1⟩'}",
    "⟨ts⟩ WARN  export job: leaked token in header Authorization: Bearer ⟨key1⟩ (user ⟨s1.work⟩, ip ⟨ip1⟩)",
    "⟨ts⟩ INFO  rx.submit prescriber_npi=⟨npi1⟩ dea=⟨s1.dea⟩ patient=\"⟨p1⟩\" dob=⟨p1.dobiso⟩ icd=⟨dx1⟩",
)
add("en", "form", "pos",
    "PATIENT INTAKE FORM\nLast name: ⟨p1.l⟩\nFirst name: ⟨p1.f⟩\nDate of birth: ⟨p1.dobus⟩\nAddress: ⟨addrus1⟩\nCity/State/ZIP: ⟨addrus1.cityzip⟩\nPhone: ⟨ph1.us⟩\nInsurance member ID: ⟨p1.hp⟩\nEmergency contact: ⟨p2⟩ (⟨ph2.us⟩)\nReason for visit: [[follow-up¦new patient¦annual physical]]",
    "CLAIM FORM\n1a. Insured's ID number: ⟨p1.hp⟩\n2. Patient's name (Last, First): ⟨p1.fl⟩\n3. Birth date: ⟨p1.dobus⟩\n21. Diagnosis A: ⟨dx1⟩  B: ⟨dx2⟩\n24A. Date of service: ⟨dt1.us⟩\n24J. Rendering NPI: ⟨npi1⟩",
    "ACCOUNT OPENING – PERSONAL\nFull legal name: ⟨p1⟩\nSSN: ⟨ssn1⟩\nDriver's license no.: ⟨dl1⟩   State: ⟨dl1.st⟩\nE-mail: ⟨p1.email⟩\nFunding account – routing: ⟨aba1⟩  account: ⟨acct1⟩\nSigned: ⟨p1⟩",
    "NEW CUSTOMER (UK)\nName: ⟨p1⟩\nNational Insurance number: ⟨nino1⟩\nAddress: ⟨addruk1⟩\nPostcode: ⟨addruk1.zip⟩\nMobile: ⟨ph1.uk⟩\nIBAN for payouts: ⟨iban1.gb⟩",
    "PRESCRIPTION\nPrescriber: ⟨s1⟩, MD   NPI: ⟨npi1⟩   DEA: ⟨s1.dea⟩\nPatient: ⟨p1⟩   DOB: ⟨p1.dob⟩\nDx: ⟨dx1⟩\nRx: ⟨brand⟩ [[10 mg¦5 mg¦20 mg]] once daily, #30",
    "KYC – INTERNATIONAL CLIENT\nName: ⟨p1⟩\nPassport (US): ⟨pass1⟩\nDutch BSN: ⟨bsn1⟩\nGerman tax ID: ⟨detax1⟩\nIBAN: ⟨iban1.nl⟩   BIC: ⟨bic1⟩",
    "NHS REGISTRATION (GMS1)\nSurname: ⟨p1.l⟩\nFirst names: ⟨p1.f⟩\nDate of birth: ⟨p1.dobuk⟩\nNHS number: ⟨nhs1⟩\nHome address: ⟨addruk1⟩ ⟨addruk1.zip⟩\nTelephone: ⟨ph1.uk⟩",
    "VEHICLE ACCIDENT CLAIM\nDriver: ⟨p1⟩\nLicense: ⟨dl1⟩ (⟨dl1.st⟩)\nVIN: ⟨vin1⟩\nPlate: ⟨plate1⟩\nInjuries treated at ⟨org⟩ on ⟨dt1⟩",
    "PATIENT PORTAL SIGN-UP\nName: ⟨p1⟩\nEmail: ⟨p1.email⟩\nMobile: ⟨ph1⟩\nProfile link: ⟨p1.url⟩\nPreferred pharmacy: ⟨co⟩",
)
add("en", "note", "pos",
    "⟨p1.f⟩ called back about the statement, wants the [[late fee¦overdraft charge¦copay]] reversed. told her ⟨s1.f⟩ would ring on ⟨wd⟩.",
    "ask ⟨s1.l⟩ whether the scan is booked for ⟨p1.f⟩ – [[she's¦he's]] down for ⟨dt1⟩ but transport isn't sorted.",
    "spoke with the daughter, ⟨p2.f⟩, who will bring the insulin. ⟨p1.l⟩ [[still a bit confused this am¦slept well¦ate half of breakfast]].",
    "⟨p1.f⟩ dropped off the signed mandate; ⟨s1.f⟩ scanned it. Callback ⟨ph1⟩ if the bank rejects it.",
    "left vm for ⟨p1.l⟩ re missed payment, ⟨s1.f⟩ to follow up ⟨wd⟩. card on file ends 4821 (not updated).",
    "⟨s1.f⟩ says ⟨p1.f⟩ ⟨p1.l⟩ wants the appointment moved to ⟨dt1⟩. [[OK'd by¦Check with]] ⟨s2.l⟩.",
    "⟨p1.f⟩'s [[partner¦neighbour¦son¦daughter]] ⟨p2.f⟩ rang – [[fall at home overnight¦chest infection, on antibiotics¦back on ⟨brand⟩ since the weekend]]. ⟨s1.f⟩ to visit tomorrow.",
    "handed ⟨p1.l⟩'s file to ⟨s1.f⟩; wire details checked against ⟨iban1⟩, name matches.",
    "remind ⟨s1.f⟩: ⟨p1.f⟩ still waiting on the refund, card ⟨cc1⟩ per the call log.",
    "⟨p1.f⟩ came in about the lab bill (dx ⟨dx1⟩). Explained EOB; ⟨s1.l⟩ will resubmit.",
)

# ======================= English: negatives (no personal identifier)
add("en", "email", "neg",
    "Subject: [[Q3 close¦Month-end close¦Audit prep]] timeline\n\nHi all,\n\nThe [[report period¦reporting window]] ends ⟨rel⟩ and invoices from ⟨co⟩ are due ⟨rel⟩. Figures are as of 2026-03-31. Please send variances to the ⟨dept⟩ shared channel, not by e-mail.\n\nThanks,\n⟨dept⟩ team",
    "Dear colleagues,\n\nThe ⟨epo⟩ support group moves to the Main Street branch after ⟨hol⟩. Leaflets for ⟨brand⟩ are in the [[staff room¦front office]].\n\nKind regards,\nThe [[Practice Manager¦Clinical Lead¦Charge Nurse]]\n\n> On ⟨wd⟩ the ⟨dept⟩ office wrote:\n> Is the room still booked for the ⟨rel⟩ session?",
    "Hello,\n\nYour order ⟨ord⟩ has shipped (tracking ⟨trk⟩). Invoice ⟨inv⟩ for ⟨amt⟩ USD is payable by ⟨rel⟩.\n\nRegards,\n⟨co⟩ – Accounts Receivable",
    "Subject: Release ⟨ver1⟩ of the claims portal\n\nTeam,\n\nVersion ⟨ver1⟩ goes live ⟨rel⟩ (build ⟨sha⟩). It fixes the [[rounding¦timezone¦export]] bug reported by ⟨co⟩. No action needed from Member Services.\n\n– Release Manager",
    "Hi team,\n\n⟨co⟩ confirmed the audit starts ⟨rel⟩. The Medical Director and the Head of Treasury will attend; the Bishop Street entrance is closed that week.\n\nBest,\nOperations",
)
add("en", "ticket", "neg",
    "⟨tkt⟩ | Priority: P3\nSummary: CSV export of ⟨dept⟩ report truncates at 65,536 rows\nSteps: run the ⟨rel⟩ report, open in Excel. Build ⟨ver⟩ (⟨sha⟩).\nAssignee group: Revenue Cycle Apps",
    "⟨tkt⟩ – Infusion pump model ⟨model⟩ shows error E-4 after firmware ⟨ver⟩. Vendor ⟨co⟩ says fix due ⟨rel⟩. Affects 3 pumps on Ward 7.",
    "Claims ticket ⟨tkt⟩: payer rejected batch ⟨inv⟩ – wrong taxonomy code in the header. Resubmit after ⟨hol⟩. No member data involved.",
    "⟨tkt⟩ Shipment of ⟨brand⟩ delayed; order ⟨ord⟩, tracking ⟨trk⟩. Pharmacy Buyer notified.",
    "Incident ⟨tkt⟩: badge readers at the Oak Ridge Drive site offline from 06:10 to 06:55. Root cause: expired certificate (serial ⟨sha⟩). Facilities closed it.",
)
add("en", "export", "neg",
    "invoice_id,vendor,amount,due_date,status\n⟨inv⟩,\"⟨co⟩\",⟨amt⟩,⟨rel.iso⟩,OPEN\n⟨inv⟩,\"⟨co⟩\",⟨amt⟩,⟨rel.iso⟩,PAID",
    "{\"build\": \"⟨ver⟩\", \"commit\": \"⟨sha⟩\", \"artifact\": \"⟨uuid⟩\", \"released\": \"⟨rel⟩\", \"notes\": \"⟨epo⟩ screening module\"}",
    "<Order id=\"⟨ord⟩\">\n  <Vendor>⟨co⟩</Vendor>\n  <Item sku=\"⟨model⟩\">⟨brand⟩ [[20 mg¦10 mg]] x 90</Item>\n  <Due>⟨rel⟩</Due>\n</Order>",
    "report.period=2026-Q1\nreport.as_of=⟨rel⟩\nreport.owner=⟨dept⟩\nreport.rows=⟨n⟩\nreport.hash=⟨sha⟩",
    "MSH|^~\\&|INV|NVH|ERP|NVH|⟨hts⟩||ZIN^Z01|MSG⟨n⟩|P|2.5\nZIN|1|⟨model⟩|⟨brand⟩|LOT⟨n⟩|⟨amt⟩",
)
add("en", "log", "neg",
    "⟨ts⟩ INFO  scheduler started job=nightly-close version=⟨ver⟩ commit=⟨sha⟩\n⟨ts⟩ INFO  job=nightly-close rows=⟨n⟩ duration_ms=⟨ms⟩",
    "⟨ts⟩ WARN  GET /api/v1/reports/2026-Q1 took ⟨ms⟩ ms (threshold 500) request_id=⟨uuid⟩",
    "⟨ts⟩ ERROR OrderSync failed for order ⟨ord⟩: upstream 503 from ⟨co⟩\n    at com.meridian.sync.OrderSync.push(OrderSync.java:⟨n⟩)",
    "⟨ts⟩ INFO  config loaded: PAYMENTS_API_KEY=${PAYMENTS_API_KEY} region=us-east-2 retries=3 port=⟨port⟩",
    "⟨ts⟩ DEBUG feature flag parkinson_screening_v2=true build=⟨ver⟩ artifact=⟨uuid⟩",
)
add("en", "form", "neg",
    "PATIENT INTAKE FORM (blank)\nLast name: ________\nFirst name: ________\nDate of birth: MM/DD/YYYY\nInsurance member ID: [MEMBER_ID]\nFor office use: form rev. ⟨ver⟩, printed ⟨rel⟩",
    "VENDOR SET-UP FORM\nCompany: ⟨co⟩\nCategory: medical supplies\nPayment terms: net 30\nFirst invoice: ⟨inv⟩\nApproved by: Director of Procurement",
    "EQUIPMENT REQUEST\nDepartment: ⟨dept⟩\nItem: monitor model ⟨model⟩\nQty: ⟨n⟩\nNeeded by: ⟨rel⟩\nCost centre: CC-⟨n⟩",
    "COURSE SIGN-UP\nCourse: ⟨epo⟩ awareness for front-desk staff\nDate: ⟨rel⟩\nVenue: Main Street branch, room 2\nCapacity: ⟨n⟩",
)
add("en", "note", "neg",
    "[[reminder¦NB¦fyi]]: ⟨brand⟩ stock [[low¦nearly out¦short after the recall]], reorder before ⟨hol⟩. ⟨co⟩ rep coming ⟨wd⟩[[ at 10¦ afternoon¦]].",
    "grace period for the ⟨dept⟩ [[report¦reconciliation¦audit sample]] ends ⟨rel⟩. [[summer rota goes up next week.¦winter rota is on the board.¦no overtime this month.]]",
    "hope the ⟨epo⟩ leaflets arrive soon – the [[Apgar poster¦hand-hygiene poster¦fire plan]] in the corridor needs replacing too.",
    "[[Main Street¦Elm Street¦Chestnut Street]] branch closed for ⟨hol⟩; calls go to the [[Park Avenue¦Stone Street¦Walnut Street]] office. [[Mercy Hospital shuttle runs as normal.¦Parking validation as usual.¦Night safe emptied ⟨wd⟩.]]",
    "[[fox¦a stray cat¦geese]] in the car park again, security informed. [[Bishop Street barrier still broken.¦Lift 2 out of order until ⟨rel⟩.¦Pharmacy hatch closes early ⟨wd⟩.]]",
)

# ======================= German
add("de", "email", "pos",
    "Betreff: Überweisung an [[Ihre Praxis¦Sie]] – ⟨p1⟩\n\nGuten Tag Dr. ⟨s1.l⟩,\n\nich überweise Ihnen ⟨p1.mr⟩ ⟨p1⟩ (geb. ⟨p1.dob⟩, Fallnummer ⟨mrn1⟩) mit ⟨dx1.n⟩ (⟨dx1⟩). Die Aufnahme ist für den ⟨dt1⟩ geplant.\n\nMit freundlichen Grüßen\n⟨s2⟩\n⟨dept⟩, ⟨org⟩\nTel. ⟨ph1⟩",
    "Hallo ⟨p1.f⟩,\n\ndie Rücküberweisung auf Ihr Konto ⟨iban1⟩ (BIC ⟨bic1⟩) ist veranlasst. Bei Fragen erreichen Sie mich unter ⟨ph1⟩.\n\nViele Grüße\n⟨s1⟩\nKundenservice\n\n> Am ⟨wd⟩ um 10:12 schrieb ⟨p1⟩ <⟨p1.email⟩>:\n> Guten Tag, die Lastschrift wurde doppelt abgebucht.",
    "Guten Tag ⟨s1.mr⟩ ⟨s1.l⟩,\n\nanbei die Unterlagen von ⟨p1⟩, Versichertennummer ⟨p1.hp⟩, wohnhaft ⟨addr1⟩, ⟨addr1.cityzip⟩. Steuer-ID für die Beitragsbescheinigung: ⟨detax1⟩.\n\nFreundliche Grüße\n⟨s2.f⟩ ⟨s2.l⟩",
)
add("de", "email", "neg",
    "Betreff: Quartalsabschluss\n\nHallo zusammen,\n\nder Berichtszeitraum endet am ⟨rel⟩, die Rechnungen von ⟨co⟩ sind bis ⟨rel⟩ fällig. Bitte Abweichungen an die ⟨dept⟩ melden.\n\nViele Grüße\nIhr Team ⟨dept⟩",
    "Liebe Kolleginnen und Kollegen,\n\nnach ⟨hol⟩ zieht die Selbsthilfegruppe ⟨epo⟩ in die Filiale Bahnhofstraße um. Flyer zu ⟨brand⟩ liegen am Empfang.\n\nBeste Grüße\nDie Praxisleitung",
)
add("de", "ticket", "pos",
    "⟨tkt⟩ | Melder: ⟨s1⟩\nProblem: ⟨p1⟩ kann sich nicht im Portal anmelden, Konto ⟨p1.email⟩ gesperrt nach Zugriffen von ⟨ip1⟩. Bearbeitung: ⟨s2.f⟩.",
    "Reklamation ⟨tkt⟩: Karteninhaber/in ⟨p1⟩ meldet doppelte Abbuchung von der Karte ⟨cc1⟩. Rückruf unter ⟨ph1⟩. Weitergeleitet an ⟨dept⟩ (⟨s1.l⟩).",
    "Schadenmeldung ⟨tkt⟩: Fahrzeug ⟨plate1⟩ (FIN ⟨vin1⟩) von ⟨p1⟩, Behandlung in der Notaufnahme am ⟨dt1⟩. Sachbearbeiter ⟨s1⟩.",
)
add("de", "ticket", "neg",
    "⟨tkt⟩ – Infusionspumpe Modell ⟨model⟩ zeigt nach Firmware ⟨ver⟩ Fehler E-4. Hersteller ⟨co⟩ liefert Patch bis ⟨rel⟩.",
    "⟨tkt⟩ Lieferverzug ⟨brand⟩, Bestellung ⟨ord⟩, Sendungsnummer ⟨trk⟩. Einkauf informiert.",
)
add("de", "export", "pos",
    "Fallnr;Name;Vorname;Geburtsdatum;PLZ;Telefon\n⟨mrn1⟩;⟨p1.l⟩;⟨p1.f⟩;⟨p1.dob⟩;⟨addr1.zip⟩;⟨ph1⟩\n⟨mrn2⟩;⟨p2.l⟩;⟨p2.f⟩;⟨p2.dob⟩;⟨addr2.zip⟩;⟨ph2⟩",
    "PID|1||⟨mrn1⟩^^^KLN^PI||⟨p1.hl7⟩||⟨p1.dobhl7⟩|[[F¦M]]|||⟨addr1⟩^^⟨addr1.city⟩^^⟨addr1.zip⟩^D\nIN1|1|AOK||||||||||||||⟨p1.hl7⟩|||||||||||||||||||⟨p1.hp⟩\nDG1|1||⟨dx1⟩^⟨dx1.n⟩^ICD10GM",
    "<Kunde>\n  <Name>⟨p1⟩</Name>\n  <SteuerID>⟨detax1⟩</SteuerID>\n  <IBAN>⟨iban1⟩</IBAN>\n  <BIC>⟨bic1⟩</BIC>\n</Kunde>",
)
add("de", "export", "neg",
    "Rechnungsnr;Lieferant;Betrag;Fällig\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩",
    "{\"version\": \"⟨ver⟩\", \"commit\": \"⟨sha⟩\", \"freigabe\": \"⟨rel⟩\", \"modul\": \"⟨epo⟩-Screening\"}",
)
add("de", "log", "pos",
    "⟨ts⟩ INFO  login ok benutzer=⟨p1.email⟩ ip=⟨ip1⟩",
    "⟨ts⟩ ERROR Lastschrift abgelehnt für \"⟨p1⟩\" iban=⟨iban1⟩ grund=AC04",
    "⟨ts⟩ DEBUG konfiguration: API_KEY=⟨key1⟩ db=postgres://app:⟨pw1⟩@⟨ip1⟩:5432/abrechnung",
)
add("de", "log", "neg",
    "⟨ts⟩ INFO  Nachtlauf gestartet version=⟨ver⟩ commit=⟨sha⟩\n⟨ts⟩ INFO  Nachtlauf beendet zeilen=⟨n⟩ dauer_ms=⟨ms⟩",
    "⟨ts⟩ ERROR Bestellabgleich fehlgeschlagen auftrag=⟨ord⟩ lieferant=\"⟨co⟩\" status=503",
)
add("de", "form", "pos",
    "PATIENTENAUFNAHME\nName: ⟨p1.l⟩\nVorname: ⟨p1.f⟩\nGeburtsdatum: ⟨p1.dob⟩\nAnschrift: ⟨addr1⟩, ⟨addr1.cityzip⟩\nTelefon: ⟨ph1⟩\nKrankenversichertennr.: ⟨p1.hp⟩\nNotfallkontakt: ⟨p2⟩, ⟨ph2⟩",
    "KONTOERÖFFNUNG\nKontoinhaber: ⟨p1⟩\nSteuer-IdNr.: ⟨detax1⟩\nE-Mail: ⟨p1.email⟩\nReferenzkonto: ⟨iban1⟩\nUnterschrift: ⟨p1⟩",
    "KOSTENÜBERNAHMEANTRAG\nVersicherte/r: ⟨p1.fl⟩\nVersichertennummer: ⟨p1.hp⟩\nDiagnose: ⟨dx1⟩\nBehandlungsbeginn: ⟨dt1⟩\nBehandler: Dr. ⟨s1⟩",
)
add("de", "form", "neg",
    "PATIENTENAUFNAHME (Vordruck)\nName: ________\nGeburtsdatum: TT.MM.JJJJ\nVersichertennr.: __________\nStand: ⟨rel⟩, Version ⟨ver⟩",
    "BESTELLSCHEIN\nAbteilung: ⟨dept⟩\nArtikel: Monitor ⟨model⟩\nMenge: ⟨n⟩\nLiefertermin: ⟨rel⟩",
)
add("de", "note", "pos",
    "⟨p1.f⟩ hat wegen der Abrechnung zurückgerufen, ⟨s1.f⟩ meldet sich am ⟨wd⟩.",
    "bitte ⟨s1.l⟩ fragen, ob das MRT für ⟨p1.f⟩ am ⟨dt1⟩ steht.",
    "Tochter ⟨p2.f⟩ bringt morgen das Insulin. ⟨p1.l⟩ heute [[etwas verwirrt¦gut orientiert]].",
)
add("de", "note", "neg",
    "⟨brand⟩ fast leer, vor ⟨hol⟩ nachbestellen. Vertreter von ⟨co⟩ kommt ⟨wd⟩.",
    "Filiale Bahnhofstraße über ⟨hol⟩ geschlossen, Anrufe gehen an die Zentrale.",
)

# ======================= French
add("fr", "email", "pos",
    "Objet : Adressage de ⟨p1⟩\n\nChère consœur, cher confrère,\n\nJe vous adresse ⟨p1.mr⟩ ⟨p1⟩, né(e) le ⟨p1.dob⟩ (IPP ⟨mrn1⟩), suivi(e) pour ⟨dx1.n⟩ (⟨dx1⟩). Rendez-vous prévu le ⟨dt1⟩.\n\nBien confraternellement,\nDr ⟨s1⟩\n⟨org⟩ – Tél. ⟨ph1⟩",
    "Bonjour ⟨p1.mr⟩ ⟨p1.l⟩,\n\nLe remboursement a été effectué sur votre compte ⟨iban1⟩ (BIC ⟨bic1⟩). Pour toute question : ⟨ph1⟩.\n\nCordialement,\n⟨s1⟩\nService client\n\n> Le ⟨wd⟩ à 14:05, ⟨p1⟩ <⟨p1.email⟩> a écrit :\n> Bonjour, j'ai été prélevé deux fois.",
    "Bonjour ⟨s1.f⟩,\n\nPour le dossier de ⟨p1⟩ (NIR ⟨p1.nir⟩, mutuelle n° ⟨p1.hp⟩), l'adresse à jour est ⟨addr1⟩, ⟨addr1.cityzip⟩. Merci de corriger.\n\nBonne journée,\n⟨s2.f⟩",
)
add("fr", "email", "neg",
    "Objet : Clôture trimestrielle\n\nBonjour à tous,\n\nLa période de reporting se termine le ⟨rel⟩ ; les factures de ⟨co⟩ sont à régler avant le ⟨rel⟩. Merci d'envoyer les écarts à la ⟨dept⟩.\n\nCordialement,\nLa direction financière",
    "Bonjour,\n\nAprès ⟨hol⟩, l'atelier ⟨epo⟩ déménage à l'agence de la rue du Moulin. Les brochures ⟨brand⟩ sont à l'accueil.\n\nBonne journée,\nLe cadre de santé",
)
add("fr", "ticket", "pos",
    "⟨tkt⟩ | Demandeur : ⟨s1⟩\nProblème : ⟨p1⟩ ne peut plus se connecter, compte ⟨p1.email⟩ bloqué après des tentatives depuis ⟨ip1⟩. Pris en charge par ⟨s2.f⟩.",
    "Réclamation ⟨tkt⟩ : le client ⟨p1⟩ conteste un débit sur la carte ⟨cc1⟩. Rappel au ⟨ph1⟩. Transmis au ⟨dept⟩.",
    "Sinistre ⟨tkt⟩ : véhicule ⟨plate1⟩ (VIN ⟨vin1⟩) de ⟨p1⟩, passage aux urgences le ⟨dt1⟩. Gestionnaire : ⟨s1.l⟩.",
)
add("fr", "ticket", "neg",
    "⟨tkt⟩ – pompe modèle ⟨model⟩ en erreur E-4 depuis le firmware ⟨ver⟩. Correctif de ⟨co⟩ prévu le ⟨rel⟩.",
    "⟨tkt⟩ Retard de livraison ⟨brand⟩, commande ⟨ord⟩, suivi ⟨trk⟩.",
)
add("fr", "export", "pos",
    "ipp;nom;prenom;date_naissance;code_postal;telephone\n⟨mrn1⟩;⟨p1.l⟩;⟨p1.f⟩;⟨p1.dob⟩;⟨addr1.zip⟩;⟨ph1⟩\n⟨mrn2⟩;⟨p2.l⟩;⟨p2.f⟩;⟨p2.dob⟩;⟨addr2.zip⟩;⟨ph2⟩",
    "PID|1||⟨mrn1⟩^^^CHU^PI||⟨p1.hl7⟩||⟨p1.dobhl7⟩|[[F¦M]]|||⟨addr1⟩^^⟨addr1.city⟩^^⟨addr1.zip⟩^FRA||⟨ph1⟩\nPV1|1|I|CARDIO^204\nDG1|1||⟨dx1⟩^⟨dx1.n⟩^CIM10",
    "{\"assure\": {\"nom\": \"⟨p1.l⟩\", \"prenom\": \"⟨p1.f⟩\", \"nir\": \"⟨p1.nir⟩\", \"iban\": \"⟨iban1⟩\", \"email\": \"⟨p1.email⟩\"}}",
)
add("fr", "export", "neg",
    "num_facture;fournisseur;montant;echeance\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩",
    "<Livraison ref=\"⟨ord⟩\">\n  <Fournisseur>⟨co⟩</Fournisseur>\n  <Produit>⟨brand⟩</Produit>\n  <Date>⟨rel⟩</Date>\n</Livraison>",
)
add("fr", "log", "pos",
    "⟨ts⟩ INFO  connexion ok utilisateur=⟨p1.email⟩ ip=⟨ip1⟩",
    "⟨ts⟩ ERROR prélèvement rejeté pour \"⟨p1⟩\" iban=⟨iban1⟩ motif=AC04",
    "⟨ts⟩ WARN  POST /api/patients 409 corps={\"nom\": \"⟨p1⟩\", \"naissance\": \"⟨p1.dobiso⟩\", \"ipp\": \"⟨mrn1⟩\"}",
)
add("fr", "log", "neg",
    "⟨ts⟩ INFO  traitement nocturne démarré version=⟨ver⟩ commit=⟨sha⟩",
    "⟨ts⟩ ERROR synchro commande ⟨ord⟩ échouée, fournisseur \"⟨co⟩\" indisponible",
)
add("fr", "form", "pos",
    "FICHE D'ADMISSION\nNom : ⟨p1.l⟩\nPrénom : ⟨p1.f⟩\nDate de naissance : ⟨p1.dob⟩\nAdresse : ⟨addr1⟩, ⟨addr1.cityzip⟩\nTéléphone : ⟨ph1⟩\nN° de sécurité sociale : ⟨p1.nir⟩\nPersonne à prévenir : ⟨p2⟩ (⟨ph2⟩)",
    "OUVERTURE DE COMPTE\nTitulaire : ⟨p1⟩\nCourriel : ⟨p1.email⟩\nIBAN : ⟨iban1⟩\nBIC : ⟨bic1⟩\nSignature : ⟨p1⟩",
    "DEMANDE DE PRISE EN CHARGE\nAdhérent : ⟨p1.fl⟩\nN° adhérent : ⟨p1.hp⟩\nDiagnostic : ⟨dx1⟩\nDate d'hospitalisation : ⟨dt1⟩",
)
add("fr", "form", "neg",
    "FICHE D'ADMISSION (vierge)\nNom : ________\nDate de naissance : JJ/MM/AAAA\nN° de sécurité sociale : _ __ __ __ ___ ___ __\nVersion ⟨ver⟩ du ⟨rel⟩",
    "BON DE COMMANDE\nService : ⟨dept⟩\nArticle : moniteur ⟨model⟩\nQuantité : ⟨n⟩\nLivraison : ⟨rel⟩",
)
add("fr", "note", "pos",
    "⟨p1.f⟩ a rappelé pour le relevé, ⟨s1.f⟩ la rappelle ⟨wd⟩.",
    "demander à ⟨s1.l⟩ si l'IRM de ⟨p1.f⟩ est bien calée le ⟨dt1⟩.",
    "vu la fille, ⟨p2.f⟩, elle apporte l'insuline demain. ⟨p1.l⟩ [[un peu confus ce matin¦calme¦a bien mangé]].",
)
add("fr", "note", "neg",
    "stock de ⟨brand⟩ bas, recommander avant ⟨hol⟩. Le commercial de ⟨co⟩ passe ⟨wd⟩.",
    "agence de la rue du Moulin fermée pour ⟨hol⟩, appels renvoyés au siège.",
)

# ======================= Spanish
add("es", "email", "pos",
    "Asunto: Derivación de ⟨p1⟩\n\nEstimado/a Dr. ⟨s1.l⟩:\n\nLe remito a ⟨p1.mr⟩ ⟨p1⟩, nacido/a el ⟨p1.dob⟩ (NHC ⟨mrn1⟩), con ⟨dx1.n⟩ (⟨dx1⟩). Tiene cita el ⟨dt1⟩.\n\nUn saludo,\n⟨s2⟩\n⟨org⟩ – Tel. ⟨ph1⟩",
    "Hola ⟨p1.f⟩:\n\nHemos devuelto el importe a su cuenta ⟨iban1⟩ (BIC ⟨bic1⟩). Si tiene dudas, llámenos al ⟨ph1⟩.\n\nSaludos,\n⟨s1⟩\nAtención al Cliente\n\n> El ⟨wd⟩ a las 12:30, ⟨p1⟩ <⟨p1.email⟩> escribió:\n> Buenas, me han cobrado dos veces el recibo.",
    "Hola ⟨s1.f⟩:\n\nPara el expediente de ⟨p1⟩ (DNI ⟨dni1⟩, tarjeta sanitaria ⟨p1.hp⟩) la nueva dirección es ⟨addr1⟩, ⟨addr1.cityzip⟩.\n\nGracias,\n⟨s2.f⟩",
)
add("es", "email", "neg",
    "Asunto: Cierre trimestral\n\nHola a todos:\n\nEl periodo de reporte termina el ⟨rel⟩ y las facturas de ⟨co⟩ vencen el ⟨rel⟩. Enviad las desviaciones a ⟨dept⟩.\n\nSaludos,\nTesorería",
    "Buenos días:\n\nDespués de ⟨hol⟩ el taller sobre ⟨epo⟩ pasa a la sucursal de la Calle Mayor. Los folletos de ⟨brand⟩ están en recepción.\n\nUn saludo,\nLa supervisora de enfermería",
)
add("es", "ticket", "pos",
    "⟨tkt⟩ | Solicitante: ⟨s1⟩\nIncidencia: ⟨p1⟩ no puede acceder, cuenta ⟨p1.email⟩ bloqueada tras intentos desde ⟨ip1⟩. Asignado a ⟨s2.f⟩.",
    "Reclamación ⟨tkt⟩: ⟨p1⟩ no reconoce un cargo en la tarjeta ⟨cc1⟩. Llamar al ⟨ph1⟩. Pasado a ⟨dept⟩.",
    "Siniestro ⟨tkt⟩: vehículo ⟨plate1⟩ (VIN ⟨vin1⟩) de ⟨p1⟩, DNI ⟨dni1⟩, atendido en urgencias el ⟨dt1⟩.",
)
add("es", "ticket", "neg",
    "⟨tkt⟩ – bomba modelo ⟨model⟩ da error E-4 tras el firmware ⟨ver⟩. ⟨co⟩ enviará el parche el ⟨rel⟩.",
    "⟨tkt⟩ Retraso en el envío de ⟨brand⟩, pedido ⟨ord⟩, seguimiento ⟨trk⟩.",
)
add("es", "export", "pos",
    "nhc;apellidos;nombre;fecha_nac;cp;telefono\n⟨mrn1⟩;⟨p1.l⟩;⟨p1.f⟩;⟨p1.dob⟩;⟨addr1.zip⟩;⟨ph1⟩\n⟨mrn2⟩;⟨p2.l⟩;⟨p2.f⟩;⟨p2.dob⟩;⟨addr2.zip⟩;⟨ph2⟩",
    "PID|1||⟨mrn1⟩^^^HUM^PI||⟨p1.hl7⟩||⟨p1.dobhl7⟩|[[F¦M]]|||⟨addr1⟩^^⟨addr1.city⟩^^⟨addr1.zip⟩^ESP||⟨ph1⟩|||||||⟨dni1⟩\nDG1|1||⟨dx1⟩^⟨dx1.n⟩^CIE10",
    "<Cliente>\n  <Nombre>⟨p1⟩</Nombre>\n  <DNI>⟨dni1⟩</DNI>\n  <IBAN>⟨iban1⟩</IBAN>\n  <Correo>⟨p1.email⟩</Correo>\n</Cliente>",
)
add("es", "export", "neg",
    "factura;proveedor;importe;vencimiento\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩",
    "{\"version\": \"⟨ver⟩\", \"commit\": \"⟨sha⟩\", \"publicado\": \"⟨rel⟩\", \"modulo\": \"cribado ⟨epo⟩\"}",
)
add("es", "log", "pos",
    "⟨ts⟩ INFO  acceso ok usuario=⟨p1.email⟩ ip=⟨ip1⟩",
    "⟨ts⟩ ERROR recibo devuelto para \"⟨p1⟩\" iban=⟨iban1⟩ motivo=AC04",
    "⟨ts⟩ DEBUG config: API_KEY=⟨key1⟩ db=mysql://app:⟨pw1⟩@⟨ip1⟩:3306/facturacion",
)
add("es", "log", "neg",
    "⟨ts⟩ INFO  proceso nocturno iniciado version=⟨ver⟩ commit=⟨sha⟩",
    "⟨ts⟩ ERROR fallo al sincronizar el pedido ⟨ord⟩ con \"⟨co⟩\" estado=503",
)
add("es", "form", "pos",
    "HOJA DE ADMISIÓN\nApellidos: ⟨p1.l⟩\nNombre: ⟨p1.f⟩\nFecha de nacimiento: ⟨p1.dob⟩\nDNI/NIE: ⟨dni1⟩\nDomicilio: ⟨addr1⟩, ⟨addr1.cityzip⟩\nTeléfono: ⟨ph1⟩\nTarjeta sanitaria: ⟨p1.hp⟩",
    "APERTURA DE CUENTA\nTitular: ⟨p1⟩\nDNI: ⟨dni1⟩\nCorreo electrónico: ⟨p1.email⟩\nIBAN: ⟨iban1⟩\nFirma: ⟨p1⟩",
    "SOLICITUD DE AUTORIZACIÓN\nAsegurado/a: ⟨p1.fl⟩\nDiagnóstico: ⟨dx1⟩\nFecha de ingreso: ⟨dt1⟩\nMédico: Dr. ⟨s1⟩",
)
add("es", "form", "neg",
    "HOJA DE ADMISIÓN (en blanco)\nApellidos: ________\nFecha de nacimiento: DD/MM/AAAA\nDNI/NIE: ________\nVersión ⟨ver⟩, ⟨rel⟩",
    "PEDIDO DE MATERIAL\nServicio: ⟨dept⟩\nArtículo: monitor ⟨model⟩\nCantidad: ⟨n⟩\nEntrega: ⟨rel⟩",
)
add("es", "note", "pos",
    "⟨p1.f⟩ volvió a llamar por el extracto, ⟨s1.f⟩ le devuelve la llamada el ⟨wd⟩.",
    "preguntar a ⟨s1.l⟩ si la resonancia de ⟨p1.f⟩ está para el ⟨dt1⟩.",
    "hablé con la hija, ⟨p2.f⟩, trae la insulina mañana. ⟨p1.l⟩ [[algo desorientado¦tranquilo¦comió bien]].",
)
add("es", "note", "neg",
    "queda poco ⟨brand⟩, pedir antes de ⟨hol⟩. El comercial de ⟨co⟩ viene el ⟨wd⟩.",
    "sucursal de la Calle Mayor cerrada por ⟨hol⟩, las llamadas van a la central.",
)

# ======================= Italian
add("it", "email", "pos",
    "Oggetto: Invio paziente ⟨p1⟩\n\nGentile collega ⟨s1.l⟩,\n\nLe invio ⟨p1.mr⟩ ⟨p1⟩, nato/a il ⟨p1.dob⟩ (cartella ⟨mrn1⟩, codice fiscale ⟨p1.cf⟩), con ⟨dx1.n⟩ (⟨dx1⟩). Visita fissata per il ⟨dt1⟩.\n\nCordiali saluti,\n⟨s2⟩\n⟨org⟩ – Tel. ⟨ph1⟩",
    "Buongiorno ⟨p1.f⟩,\n\nabbiamo effettuato il rimborso sul conto ⟨iban1⟩ (BIC ⟨bic1⟩). Per informazioni: ⟨ph1⟩.\n\nCordiali saluti,\n⟨s1⟩\nServizio Clienti\n\n> Il giorno ⟨wd⟩ alle 09:40 ⟨p1⟩ <⟨p1.email⟩> ha scritto:\n> Salve, mi avete addebitato due volte la rata.",
    "Ciao ⟨s1.f⟩,\n\nper la pratica di ⟨p1⟩ (polizza ⟨p1.hp⟩) il nuovo indirizzo è ⟨addr1⟩, ⟨addr1.cityzip⟩.\n\nGrazie,\n⟨s2.f⟩",
)
add("it", "email", "neg",
    "Oggetto: Chiusura trimestrale\n\nCiao a tutti,\n\nil periodo di rendicontazione termina il ⟨rel⟩ e le fatture di ⟨co⟩ scadono il ⟨rel⟩. Inviate gli scostamenti all'⟨dept⟩.\n\nSaluti,\nTesoreria",
    "Buongiorno,\n\ndopo ⟨hol⟩ il gruppo di supporto ⟨epo⟩ si sposta nella filiale di Via Roma. I depliant di ⟨brand⟩ sono all'accettazione.\n\nCordiali saluti,\nLa coordinatrice infermieristica",
)
add("it", "ticket", "pos",
    "⟨tkt⟩ | Richiedente: ⟨s1⟩\nProblema: ⟨p1⟩ non riesce ad accedere, account ⟨p1.email⟩ bloccato dopo tentativi da ⟨ip1⟩. Assegnato a ⟨s2.f⟩.",
    "Reclamo ⟨tkt⟩: ⟨p1⟩ contesta un addebito sulla carta ⟨cc1⟩. Richiamare al ⟨ph1⟩. Inoltrato a ⟨dept⟩.",
    "Sinistro ⟨tkt⟩: veicolo ⟨plate1⟩ (telaio ⟨vin1⟩) di ⟨p1⟩, CF ⟨p1.cf⟩, pronto soccorso il ⟨dt1⟩.",
)
add("it", "ticket", "neg",
    "⟨tkt⟩ – pompa modello ⟨model⟩ in errore E-4 dopo il firmware ⟨ver⟩. Patch di ⟨co⟩ prevista il ⟨rel⟩.",
    "⟨tkt⟩ Ritardo consegna ⟨brand⟩, ordine ⟨ord⟩, tracking ⟨trk⟩.",
)
add("it", "export", "pos",
    "cartella;cognome;nome;data_nascita;cap;telefono\n⟨mrn1⟩;⟨p1.l⟩;⟨p1.f⟩;⟨p1.dob⟩;⟨addr1.zip⟩;⟨ph1⟩\n⟨mrn2⟩;⟨p2.l⟩;⟨p2.f⟩;⟨p2.dob⟩;⟨addr2.zip⟩;⟨ph2⟩",
    "PID|1||⟨mrn1⟩^^^ASL^PI||⟨p1.hl7⟩||⟨p1.dobhl7⟩|[[F¦M]]|||⟨addr1⟩^^⟨addr1.city⟩^^⟨addr1.zip⟩^ITA||⟨ph1⟩|||||||⟨p1.cf⟩\nDG1|1||⟨dx1⟩^⟨dx1.n⟩^ICD10",
    "{\"cliente\": {\"nome\": \"⟨p1⟩\", \"codice_fiscale\": \"⟨p1.cf⟩\", \"iban\": \"⟨iban1⟩\", \"email\": \"⟨p1.email⟩\"}}",
)
add("it", "export", "neg",
    "fattura;fornitore;importo;scadenza\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩",
    "<Spedizione rif=\"⟨ord⟩\">\n  <Fornitore>⟨co⟩</Fornitore>\n  <Prodotto>⟨brand⟩</Prodotto>\n  <Data>⟨rel⟩</Data>\n</Spedizione>",
)
add("it", "log", "pos",
    "⟨ts⟩ INFO  accesso ok utente=⟨p1.email⟩ ip=⟨ip1⟩",
    "⟨ts⟩ ERROR addebito SDD respinto per \"⟨p1⟩\" iban=⟨iban1⟩ causale=AC04",
    "⟨ts⟩ WARN  POST /api/pazienti 409 body={\"nome\": \"⟨p1⟩\", \"cf\": \"⟨p1.cf⟩\", \"nascita\": \"⟨p1.dobiso⟩\"}",
)
add("it", "log", "neg",
    "⟨ts⟩ INFO  elaborazione notturna avviata versione=⟨ver⟩ commit=⟨sha⟩",
    "⟨ts⟩ ERROR sincronizzazione ordine ⟨ord⟩ fallita, fornitore \"⟨co⟩\" non raggiungibile",
)
add("it", "form", "pos",
    "SCHEDA DI ACCETTAZIONE\nCognome: ⟨p1.l⟩\nNome: ⟨p1.f⟩\nData di nascita: ⟨p1.dob⟩\nCodice fiscale: ⟨p1.cf⟩\nIndirizzo: ⟨addr1⟩, ⟨addr1.cityzip⟩\nTelefono: ⟨ph1⟩",
    "APERTURA CONTO\nIntestatario: ⟨p1⟩\nCodice fiscale: ⟨p1.cf⟩\nE-mail: ⟨p1.email⟩\nIBAN: ⟨iban1⟩\nFirma: ⟨p1⟩",
    "RICHIESTA DI RIMBORSO\nAssicurato/a: ⟨p1.fl⟩\nPolizza: ⟨p1.hp⟩\nDiagnosi: ⟨dx1⟩\nData del ricovero: ⟨dt1⟩",
)
add("it", "form", "neg",
    "SCHEDA DI ACCETTAZIONE (modulo vuoto)\nCognome: ________\nData di nascita: GG/MM/AAAA\nCodice fiscale: ________________\nVersione ⟨ver⟩ del ⟨rel⟩",
    "RICHIESTA MATERIALE\nReparto: ⟨dept⟩\nArticolo: monitor ⟨model⟩\nQuantità: ⟨n⟩\nConsegna: ⟨rel⟩",
)
add("it", "note", "pos",
    "⟨p1.f⟩ ha richiamato per l'estratto conto, ⟨s1.f⟩ la/lo richiama ⟨wd⟩.",
    "chiedere a ⟨s1.l⟩ se la risonanza di ⟨p1.f⟩ è confermata per il ⟨dt1⟩.",
    "parlato con la figlia, ⟨p2.f⟩, porta l'insulina domani. ⟨p1.l⟩ [[un po' confuso stamattina¦tranquillo¦ha mangiato]].",
)
add("it", "note", "neg",
    "scorte di ⟨brand⟩ basse, riordinare prima di ⟨hol⟩. L'agente di ⟨co⟩ passa ⟨wd⟩.",
    "filiale di Via Roma chiusa per ⟨hol⟩, chiamate deviate alla sede.",
)

# ======================= Portuguese
add("pt", "email", "pos",
    "Assunto: Referenciação de ⟨p1⟩\n\nCaro/a colega ⟨s1.l⟩,\n\nReferencio ⟨p1.mr⟩ ⟨p1⟩, nascido/a a ⟨p1.dob⟩ (processo ⟨mrn1⟩, utente ⟨p1.hp⟩), com ⟨dx1.n⟩ (⟨dx1⟩). Consulta marcada para ⟨dt1⟩.\n\nCom os melhores cumprimentos,\n⟨s2⟩\n⟨org⟩ – Tel. ⟨ph1⟩",
    "Olá ⟨p1.f⟩,\n\nO reembolso foi feito para a conta ⟨iban1⟩ (BIC ⟨bic1⟩). Qualquer dúvida: ⟨ph1⟩.\n\nCumprimentos,\n⟨s1⟩\nApoio ao Cliente\n\n> Na ⟨wd⟩ às 15:20, ⟨p1⟩ <⟨p1.email⟩> escreveu:\n> Boa tarde, cobraram-me duas vezes a prestação.",
    "Olá ⟨s1.f⟩,\n\nPara o processo de ⟨p1⟩ a nova morada é ⟨addr1⟩, ⟨addr1.cityzip⟩. Telemóvel ⟨ph1⟩.\n\nObrigado/a,\n⟨s2.f⟩",
)
add("pt", "email", "neg",
    "Assunto: Fecho trimestral\n\nOlá a todos,\n\nO período de reporte termina a ⟨rel⟩ e as faturas da ⟨co⟩ vencem a ⟨rel⟩. Enviem os desvios para a ⟨dept⟩.\n\nCumprimentos,\nDireção Financeira",
    "Bom dia,\n\nDepois d⟨hol⟩ o grupo de apoio sobre ⟨epo⟩ passa para a agência da Rua Augusta. Os folhetos de ⟨brand⟩ estão na receção.\n\nCumprimentos,\nA enfermeira-chefe",
)
add("pt", "ticket", "pos",
    "⟨tkt⟩ | Requerente: ⟨s1⟩\nProblema: ⟨p1⟩ não consegue entrar, conta ⟨p1.email⟩ bloqueada após tentativas de ⟨ip1⟩. Atribuído a ⟨s2.f⟩.",
    "Reclamação ⟨tkt⟩: ⟨p1⟩ contesta um débito no cartão ⟨cc1⟩. Ligar para ⟨ph1⟩. Encaminhado para ⟨dept⟩.",
    "Sinistro ⟨tkt⟩: viatura ⟨plate1⟩ (VIN ⟨vin1⟩) de ⟨p1⟩, atendido/a na urgência a ⟨dt1⟩.",
)
add("pt", "ticket", "neg",
    "⟨tkt⟩ – bomba modelo ⟨model⟩ com erro E-4 após o firmware ⟨ver⟩. Correção da ⟨co⟩ prevista para ⟨rel⟩.",
    "⟨tkt⟩ Atraso na entrega de ⟨brand⟩, encomenda ⟨ord⟩, rastreio ⟨trk⟩.",
)
add("pt", "export", "pos",
    "processo;apelido;nome;data_nasc;codigo_postal;telefone\n⟨mrn1⟩;⟨p1.l⟩;⟨p1.f⟩;⟨p1.dob⟩;⟨addr1.zip⟩;⟨ph1⟩\n⟨mrn2⟩;⟨p2.l⟩;⟨p2.f⟩;⟨p2.dob⟩;⟨addr2.zip⟩;⟨ph2⟩",
    "PID|1||⟨mrn1⟩^^^HSJ^PI||⟨p1.hl7⟩||⟨p1.dobhl7⟩|[[F¦M]]|||⟨addr1⟩^^⟨addr1.city⟩^^⟨addr1.zip⟩^PRT||⟨ph1⟩\nIN1|1|SNS||||||||||||||⟨p1.hl7⟩|||||||||||||||||||⟨p1.hp⟩\nDG1|1||⟨dx1⟩^⟨dx1.n⟩^ICD10",
    "<Cliente>\n  <Nome>⟨p1⟩</Nome>\n  <IBAN>⟨iban1⟩</IBAN>\n  <Cartao>⟨cc1⟩</Cartao>\n  <Email>⟨p1.email⟩</Email>\n</Cliente>",
)
add("pt", "export", "neg",
    "fatura;fornecedor;valor;vencimento\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩\n⟨inv⟩;⟨co⟩;⟨amt⟩;⟨rel⟩",
    "{\"versao\": \"⟨ver⟩\", \"commit\": \"⟨sha⟩\", \"publicado\": \"⟨rel⟩\", \"modulo\": \"rastreio ⟨epo⟩\"}",
)
add("pt", "log", "pos",
    "⟨ts⟩ INFO  login ok utilizador=⟨p1.email⟩ ip=⟨ip1⟩",
    "⟨ts⟩ ERROR débito direto rejeitado para \"⟨p1⟩\" iban=⟨iban1⟩ motivo=AC04",
    "⟨ts⟩ DEBUG config: API_KEY=⟨key1⟩ db=postgres://app:⟨pw1⟩@⟨ip1⟩:5432/faturacao",
)
add("pt", "log", "neg",
    "⟨ts⟩ INFO  processamento noturno iniciado versao=⟨ver⟩ commit=⟨sha⟩",
    "⟨ts⟩ ERROR falha a sincronizar a encomenda ⟨ord⟩ com \"⟨co⟩\" estado=503",
)
add("pt", "form", "pos",
    "FICHA DE ADMISSÃO\nApelido: ⟨p1.l⟩\nNome: ⟨p1.f⟩\nData de nascimento: ⟨p1.dob⟩\nN.º de utente: ⟨p1.hp⟩\nMorada: ⟨addr1⟩, ⟨addr1.cityzip⟩\nTelefone: ⟨ph1⟩",
    "ABERTURA DE CONTA\nTitular: ⟨p1⟩\nE-mail: ⟨p1.email⟩\nIBAN: ⟨iban1⟩\nBIC: ⟨bic1⟩\nAssinatura: ⟨p1⟩",
    "PEDIDO DE REEMBOLSO\nBeneficiário/a: ⟨p1.fl⟩\nDiagnóstico: ⟨dx1⟩\nData do internamento: ⟨dt1⟩\nMédico/a: Dr. ⟨s1⟩",
)
add("pt", "form", "neg",
    "FICHA DE ADMISSÃO (em branco)\nApelido: ________\nData de nascimento: DD/MM/AAAA\nN.º de utente: _________\nVersão ⟨ver⟩, ⟨rel⟩",
    "REQUISIÇÃO DE MATERIAL\nServiço: ⟨dept⟩\nArtigo: monitor ⟨model⟩\nQuantidade: ⟨n⟩\nEntrega: ⟨rel⟩",
)
add("pt", "note", "pos",
    "⟨p1.f⟩ voltou a ligar por causa do extrato, ⟨s1.f⟩ liga de volta na ⟨wd⟩.",
    "perguntar ao ⟨s1.l⟩ se a ressonância da ⟨p1.f⟩ está marcada para ⟨dt1⟩.",
    "falei com a filha, ⟨p2.f⟩, traz a insulina amanhã. ⟨p1.l⟩ [[um pouco confuso de manhã¦calmo¦comeu bem]].",
)
add("pt", "note", "neg",
    "pouco ⟨brand⟩ em stock, encomendar antes d⟨hol⟩. O delegado da ⟨co⟩ vem na ⟨wd⟩.",
    "agência da Rua Augusta fechada n⟨hol⟩, chamadas reencaminhadas para a sede.",
)

# ---------------------------------------------------------------- validation and audit
VALID = {
    "CREDIT_CARD": lambda v: luhn_ok(v) and 15 <= len(re.sub(r"\D", "", v)) <= 16,
    "IBAN": iban_ok,
    "US_BANK_ROUTING": aba_ok,
    "NPI": npi_ok,
    "DEA_NUMBER": dea_ok,
    "UK_NHS": nhs_ok,
    "US_SSN": lambda v: ssn_ok(v.replace(" ", "-")),
    "ES_DNI": dni_ok,
    "IT_FISCAL_CODE": cf_ok,
    "NL_BSN": bsn_ok,
    "FR_NIR": nir_ok,
    "DE_TAX_ID": detax_ok,
    "UK_NINO": nino_ok,
    "VEHICLE_ID": lambda v: vin_ok(v) if len(v) == 17 else True,
    "DEVICE_ID": lambda v: luhn_ok(v) if v.isdigit() else True,
    "EMAIL": lambda v: re.fullmatch(r"[a-z0-9._+-]+@[a-z0-9.-]+\.[a-z]{2,}", v) is not None,
    "ICD10_CODE": lambda v: re.fullmatch(r"[A-TV-Z]\d{2}(\.[0-9A-Z]{1,4})?", v) is not None,
    "SWIFT_BIC": lambda v: re.fullmatch(r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?", v) is not None,
}
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
IPV4_RE = re.compile(r"(?<![\d.])\d{1,3}(\.\d{1,3}){3}(?![\d.])")
NUMDATE_RE = re.compile(r"\b(\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})\b")


def assemble(segs, positive):
    text, spans, b = "", [], 0
    outside, outside2 = [], []             # text with spans blanked / also allowed runs blanked
    for v, ent, allowed in segs:
        if ent:
            assert ent in KINDS, ent
            assert v and v == v.strip(), (ent, v)
            assert VALID.get(ent, lambda x: True)(v), (ent, v)
            n = len(v.encode("utf-8"))
            spans.append({"entity": ent, "start": b, "end": b + n})
            blank = " " * len(v)
            outside.append(blank)
            outside2.append(blank)
        else:
            outside.append(v)
            outside2.append(" " * len(v) if allowed else v)
        text += v
        b += len(v.encode("utf-8"))
    o1, o2 = "".join(outside), "".join(outside2)
    bt = text.encode("utf-8")
    for i, sp in enumerate(spans):
        seg = bt[sp["start"]:sp["end"]].decode("utf-8")
        assert seg == seg.strip() and seg
        if i:
            assert spans[i - 1]["end"] <= sp["start"]
    if positive != bool(spans):
        return text, spans, "polarity"
    for bad in ("\u27e8", "\u27e9", "[[", "]]", "\u00a6"):
        if bad in text:
            return text, spans, "template syntax left"
    if EMAIL_RE.search(o1):
        return text, spans, "e-mail outside spans"
    if IPV4_RE.search(o1):
        return text, spans, "IPv4 outside spans"
    for m in re.finditer(r"\d+", o1):
        if 13 <= len(m.group(0)) <= 19 and luhn_ok(m.group(0)):
            return text, spans, "Luhn-valid run outside spans"
    if re.search(r"\d{9,}", o2):
        return text, spans, "9+ digit run outside spans"
    if positive and NUMDATE_RE.search(o2):
        return text, spans, "unlabelled numeric date in a positive"
    return text, spans, None


def build():
    r = random.Random(SEED)
    items = []
    for lang, n in LANGS:
        npos = round(n * (1 - NEG_SHARE))
        sl = [SLICES[i % len(SLICES)] for i in range(n)]
        r.shuffle(sl)
        flags = [True] * npos + [False] * (n - npos)
        r.shuffle(flags)
        items += [(lang, s, f) for s, f in zip(sl, flags)]
    r.shuffle(items)
    order, counter = {}, Counter()
    seen, recs, redraws = set(), [], Counter()
    for i, (lang, sl, pos) in enumerate(items):
        key = (lang, sl, "pos" if pos else "neg")
        if key not in order:
            pool = list(T[lang][sl][key[2]])
            assert pool, key
            r.shuffle(pool)
            order[key] = pool
        pool = order[key]
        while True:
            tpl = pool[counter[key] % len(pool)]
            counter[key] += 1
            segs = render(r, lang, tpl)
            if sl == "note" and r.random() < 0.3:   # hand-typed notes: often all lower case
                segs = [(v.lower() if e in (None, "PERSON", "EMAIL") else v, e, a) for v, e, a in segs]
            text, spans, problem = assemble(segs, pos)
            if problem is None and text in seen:
                problem = "duplicate text"
            if problem:
                redraws[problem] += 1
                assert sum(redraws.values()) < 5000
                continue
            break
        seen.add(text)
        recs.append({"id": "dev4-%04d" % (i + 1), "lang": lang, "slice": sl, "text": text, "spans": spans})
    return recs, redraws


def dump(recs):
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in recs).encode("utf-8")


def stats(recs, redraws):
    print("templates:", sum(len(T[l][s][p]) for l in T for s in T[l] for p in ("pos", "neg")),
          "(pos %d, neg %d)" % (sum(len(T[l][s]["pos"]) for l in T for s in T[l]), sum(len(T[l][s]["neg"]) for l in T for s in T[l])))
    print("re-draws:", dict(redraws))
    langs = [l for l, _ in LANGS]
    print("\nlang  pos  neg  total")
    for l in langs:
        p = sum(1 for x in recs if x["lang"] == l and x["spans"])
        t = sum(1 for x in recs if x["lang"] == l)
        print("%-4s %4d %4d %6d" % (l, p, t - p, t))
    print("\nslice   pos  neg  total")
    for s in SLICES:
        p = sum(1 for x in recs if x["slice"] == s and x["spans"])
        t = sum(1 for x in recs if x["slice"] == s)
        print("%-6s %4d %4d %6d" % (s, p, t - p, t))
    cnt, rc = Counter(), Counter()
    for x in recs:
        for sp in x["spans"]:
            cnt[(sp["entity"], x["lang"])] += 1
        for e in {sp["entity"] for sp in x["spans"]}:
            rc[e] += 1
    ents = sorted({e for e, _ in cnt}, key=lambda e: (-sum(cnt[(e, l)] for l in langs), e))
    print("\n| entity | spans | records | " + " | ".join(langs) + " |")
    for e in ents:
        print("| %s | %d | %d | %s |" % (e, sum(cnt[(e, l)] for l in langs), rc[e], " | ".join(str(cnt[(e, l)]) for l in langs)))
    print("| **all** | %d | %d | %s |" % (sum(cnt.values()), sum(1 for x in recs if x["spans"]),
                                         " | ".join(str(sum(cnt[(e, l)] for e in ents)) for l in langs)))
    print("\nmissing kinds:", sorted(KINDS - set(ents)))
    print("records with non-ASCII text:", sum(1 for x in recs if not x["text"].isascii()))


def main():
    recs, redraws = build()
    data = dump(recs)
    recs2, _ = build()
    assert dump(recs2) == data, "build is not deterministic"
    assert len(recs) == 1000 and len({x["id"] for x in recs}) == 1000 and len({x["text"] for x in recs}) == 1000
    with open(OUT, "wb") as f:
        f.write(data)
    if "--stats" in sys.argv:
        stats(recs, redraws)


# ======================= more templates (weaker kinds, more look-alikes)
add("en", "email", "pos",
    "Hi ⟨p1.f⟩,\n\nYour visit summary from ⟨dt1⟩ is ready: ⟨url1⟩\nThe link expires in 14 days.\n\nBest,\n⟨s1⟩ | ⟨org⟩\n⟨s1.url⟩",
    "Dear ⟨p1.mr⟩ ⟨p1.l⟩,\n\nThank you for your National Insurance number (⟨nino1⟩). Your pension transfer to sort code 20-45-77, account ⟨acct1⟩, is now being processed.\n\nYours sincerely,\n⟨s1⟩\nMember Services",
)
add("en", "ticket", "pos",
    "⟨tkt⟩ – ⟨p1⟩ (NHS ⟨nhs1⟩) reports that the portal link ⟨url1⟩ shows another patient's letters. Escalated to IG lead ⟨s1⟩; link disabled.",
    "⟨tkt⟩ NL payroll: BSN ⟨bsn1⟩ for new starter ⟨p1⟩ rejected by the Belastingdienst check. ⟨s1.f⟩ asked the employee to confirm it by ⟨wd⟩.",
)
add("en", "form", "pos",
    "EMPLOYEE ONBOARDING (Amsterdam office)\nName: ⟨p1⟩\nDate of birth: ⟨p1.dob⟩\nBSN: ⟨bsn1⟩\nIBAN (salary): ⟨iban1.nl⟩\nPrivate e-mail: ⟨p1.email⟩",
    "HOME CARE REFERRAL (UK)\nPatient: ⟨p1⟩\nDate of birth: ⟨p1.dobuk⟩\nNHS no.: ⟨nhs1⟩\nNI no.: ⟨nino1⟩\nAddress: ⟨addruk1⟩, ⟨addruk1.city⟩ ⟨addruk1.zip⟩\nNext of kin: ⟨p2⟩, ⟨ph1.uk⟩",
)
add("en", "note", "pos",
    "⟨s1.f⟩ from payroll says ⟨p1.l⟩'s NI number on file is ⟨nino1⟩, not the one on the P45.",
    "Bear in mind ⟨p1.f⟩ is seeing ⟨s1.l⟩ on ⟨dt1⟩ – bring the ⟨brand⟩ chart.",
    "⟨p1.f⟩'s son ⟨p2.f⟩ rang; told him we can only discuss the account with ⟨p1.f⟩ directly.",
)
add("en", "log", "pos",
    "⟨ts⟩ INFO  GET /patients/me/summary 200 user=⟨p1.email⟩ referer=⟨url1⟩ ip=⟨ip1⟩",
    "⟨ts⟩ WARN  kyc.verify mismatch name=\"⟨p1⟩\" nino=⟨nino1⟩ nhs=⟨nhs1⟩",
)
add("en", "export", "pos",
    "employee_id,name,bsn,iban\nE-⟨n⟩,⟨p1⟩,⟨bsn1⟩,⟨iban1.nl⟩\nE-⟨n⟩,⟨p2⟩,⟨bsn2⟩,⟨iban2.nl⟩",
)
add("en", "email", "neg",
    "Hi team,\n\nStatements for cards ending 4417 and **** **** **** 0193 were reissued by the card processor; nothing else changed. Report attached for the period ending ⟨rel⟩.\n\nThanks,\nCard Operations",
    "Subject: Parkinson's Awareness Week\n\nAll,\n\nThe Parkinson's and Alzheimer's clinics share the Stone Street waiting area from ⟨rel⟩. The cartoon posters in Paediatrics will be removed.\n\n– Facilities",
)
add("en", "log", "neg",
    "⟨ts⟩ INFO  POST https://api.harborpointbank.com/v1/statements 202 batch=⟨inv⟩ rows=⟨n⟩\n⟨ts⟩ INFO  upload complete sha256=⟨sha⟩",
    "⟨ts⟩ WARN  validation: ssn field empty or placeholder (000-00-0000) in template form ⟨ver⟩ – rejected",
)
add("en", "ticket", "neg",
    "⟨tkt⟩ – Kovacs Logistics invoice ⟨inv⟩ lists the wrong cost centre. Accounts Payable to reissue before ⟨rel⟩. Tracking ⟨trk⟩ unaffected.",
    "⟨tkt⟩ Down syndrome clinic leaflet ⟨ver⟩ has a typo; Patient Experience team to reprint by ⟨rel⟩.",
)
add("en", "form", "neg",
    "DIRECT DEPOSIT FORM – SAMPLE\nRouting number: _________ (nine digits, bottom left of the cheque)\nAccount: XXXXXXXX\nEmployer: ⟨co⟩\nRevised ⟨rel⟩",
)
add("en", "export", "neg",
    "sku,description,lot,expiry\n⟨model⟩,⟨brand⟩ 5 mg,LOT-⟨n⟩A,2027-⟨n⟩\n⟨model⟩,⟨brand⟩ 10 mg,LOT-⟨n⟩B,2028-01",
)
add("de", "ticket", "pos",
    "⟨tkt⟩ Grenzgänger ⟨p1⟩: niederländische BSN ⟨bsn1⟩ und Steuer-ID ⟨detax1⟩ vertauscht. ⟨s1.f⟩ korrigiert bis ⟨wd⟩.",
)
add("de", "note", "pos",
    "⟨s1.f⟩: Steuer-ID von ⟨p1.l⟩ ist ⟨detax1⟩, bitte im Lohnkonto nachtragen.",
)
add("fr", "ticket", "pos",
    "Dossier ⟨tkt⟩ : le NIR ⟨p1.nir⟩ de ⟨p1⟩ est refusé par la caisse. ⟨s1.f⟩ demande une attestation de droits.",
)
add("fr", "log", "pos",
    "⟨ts⟩ WARN  contrôle carte vitale échoué nir=⟨p1.nir⟩ patient=\"⟨p1⟩\" poste=⟨ip1⟩",
)
add("es", "note", "pos",
    "⟨p1.f⟩ trajo fotocopia del DNI (⟨dni1⟩); ⟨s1.f⟩ la escanea ⟨wd⟩.",
)
add("it", "note", "pos",
    "⟨s1.f⟩: il codice fiscale di ⟨p1.l⟩ è ⟨p1.cf⟩, aggiornare la pratica.",
)
add("pt", "note", "pos",
    "⟨p1.f⟩ deixou o cartão de utente (⟨p1.hp⟩); ⟨s1.f⟩ atualiza a ficha na ⟨wd⟩.",
)


# ======================= more negatives in the other languages
add("de", "note", "neg",
    "Morgen Teambesprechung zu ⟨epo⟩-Fällen, Raum 3. Rechnung ⟨inv⟩ von ⟨co⟩ ist bis ⟨rel⟩ zu zahlen.",
    "Herr der Lage bleibt die Stationsleitung; Sommer-Dienstplan hängt ab ⟨rel⟩ aus.")
add("de", "email", "neg",
    "Hallo Team,\n\nVersion ⟨ver1⟩ des Abrechnungsportals geht am ⟨rel⟩ live (Build ⟨sha⟩). Die Chefärztin und die Leitung ⟨dept⟩ sind informiert.\n\nGruß\nRelease-Management")
add("fr", "note", "neg",
    "réunion ⟨epo⟩ demain salle 3. Facture ⟨inv⟩ de ⟨co⟩ à régler avant le ⟨rel⟩.",
    "pierre et ciment livrés pour les travaux du hall ; l'accueil rouvre après ⟨hol⟩.")
add("fr", "email", "neg",
    "Bonjour,\n\nLa version ⟨ver1⟩ du portail de facturation sera en production le ⟨rel⟩ (build ⟨sha⟩). Le médecin-chef et la ⟨dept⟩ sont prévenus.\n\nCordialement,\nL'équipe release")
add("es", "note", "neg",
    "mañana sesión sobre ⟨epo⟩ en la sala 3. La factura ⟨inv⟩ de ⟨co⟩ vence el ⟨rel⟩.",
    "la jefa de servicio pide revisar el protocolo ⟨ver⟩ antes de ⟨hol⟩; el edificio de la Plaza de la Merced sigue en obras.")
add("es", "email", "neg",
    "Hola equipo:\n\nLa versión ⟨ver1⟩ del portal de facturación sale el ⟨rel⟩ (build ⟨sha⟩). Informados el jefe de Cardiología y ⟨dept⟩.\n\nSaludos,\nEquipo de despliegue")
add("it", "note", "neg",
    "domani riunione su ⟨epo⟩, sala 3. Fattura ⟨inv⟩ di ⟨co⟩ in scadenza il ⟨rel⟩.",
    "il primario chiede di aggiornare il protocollo ⟨ver⟩ prima di ⟨hol⟩; la Farmacia Bianchi resta chiusa.")
add("it", "email", "neg",
    "Ciao a tutti,\n\nla versione ⟨ver1⟩ del portale fatturazione va in produzione il ⟨rel⟩ (build ⟨sha⟩). Avvisati il primario e l'⟨dept⟩.\n\nSaluti,\nTeam rilasci")
add("pt", "note", "neg",
    "amanhã reunião sobre ⟨epo⟩ na sala 3. A fatura ⟨inv⟩ da ⟨co⟩ vence a ⟨rel⟩.",
    "a diretora clínica pede revisão do protocolo ⟨ver⟩ antes d⟨hol⟩; a Clínica Santos & Filhos mudou de morada.")
add("pt", "email", "neg",
    "Olá equipa,\n\nA versão ⟨ver1⟩ do portal de faturação entra em produção a ⟨rel⟩ (build ⟨sha⟩). O diretor clínico e a ⟨dept⟩ já sabem.\n\nCumprimentos,\nEquipa de releases")


add("en", "note", "pos",
    "grace period ends friday for ⟨p1.f⟩ ⟨p1.l⟩ – ⟨s1.f⟩ agreed to waive the fee once.",
    "⟨p1.l⟩ in bay 3 asking for ⟨s1.f⟩ again. son (⟨p2.f⟩) on his way, ETA 4pm.",
    "Chased ⟨s1.l⟩ for the echo report on ⟨p1.f⟩. Nothing yet; will try ⟨s2.f⟩ in cardiology.",
    "⟨p1.f⟩ wants statements sent to the new address, ⟨addr1⟩, ⟨addr1.cityzip⟩ – updated by ⟨s1.f⟩.",
    "pharmacy rang: ⟨p1.f⟩'s ⟨brand⟩ script needs ⟨s1.l⟩'s signature before ⟨wd⟩.",
)
add("en", "note", "neg",
    "kidney stone clinic moved to room [[12¦4B¦G07]]. hope the new rota sticks. [[chaplaincy post vacant until spring¦the Bishop Street entrance reopens ⟨wd⟩]].",
    "Summer hours start after ⟨hol⟩; the Park Street car park is closed for resurfacing. Sterling Fox Capital visit postponed.",
    "mercy rule for late fees: Finance says one waiver per account per year. Grace Hospice van parks by the Hunter Street gate.",
)
add("en", "form", "pos",
    "DIRECT DEBIT MANDATE\nNAME (BLOCK CAPITALS): ⟨p1.up⟩\nAddress: ⟨addruk1⟩\nPostcode: ⟨addruk1.zip⟩\nAccount holder e-mail: ⟨p1.email⟩\nIBAN: ⟨iban1.gb⟩\nDate signed: ⟨dt1.uk⟩",
)


# ======================= more notes and tickets in the other languages
add("de", "note", "pos",
    "[[Rückruf¦Info]] von ⟨p1.l⟩: Kontoauszug fehlt seit ⟨wd⟩. ⟨s1.f⟩ schickt ihn per Post an ⟨addr1⟩.",
    "⟨s1.f⟩ fragen, ob ⟨p1.f⟩ den Termin am ⟨dt1⟩ wirklich absagen will – Sohn ⟨p2.f⟩ meinte nein.")
add("de", "ticket", "pos",
    "⟨tkt⟩ Abrechnung: Patient/in ⟨p1⟩ (Fall ⟨mrn1⟩, geb. ⟨p1.dob⟩) hat Rechnung doppelt erhalten. Diagnose ⟨dx1⟩ korrekt kodiert; ⟨s1.l⟩ storniert eine.")
add("fr", "note", "pos",
    "rappel de ⟨p1.l⟩ : relevé toujours pas reçu. ⟨s1.f⟩ l'envoie au ⟨addr1⟩.",
    "voir avec ⟨s1.f⟩ si ⟨p1.f⟩ annule vraiment le rdv du ⟨dt1⟩ – son fils ⟨p2.f⟩ dit que non.")
add("fr", "ticket", "pos",
    "⟨tkt⟩ Facturation : ⟨p1⟩ (IPP ⟨mrn1⟩, né(e) le ⟨p1.dob⟩) a reçu deux factures. Diagnostic ⟨dx1⟩ bien codé ; ⟨s1.l⟩ en annule une.")
add("es", "note", "pos",
    "llamó ⟨p1.l⟩: no le llega el extracto desde el ⟨wd⟩. ⟨s1.f⟩ se lo manda a ⟨addr1⟩.",
    "confirmar con ⟨s1.f⟩ si ⟨p1.f⟩ anula la cita del ⟨dt1⟩ – su hijo ⟨p2.f⟩ dice que no.")
add("es", "ticket", "pos",
    "⟨tkt⟩ Facturación: ⟨p1⟩ (NHC ⟨mrn1⟩, nacido/a el ⟨p1.dob⟩) recibió la factura dos veces. Diagnóstico ⟨dx1⟩ bien codificado; ⟨s1.l⟩ anula una.")
add("it", "note", "pos",
    "ha chiamato ⟨p1.l⟩: estratto conto non arrivato. ⟨s1.f⟩ lo spedisce in ⟨addr1⟩.",
    "sentire ⟨s1.f⟩ se ⟨p1.f⟩ disdice davvero la visita del ⟨dt1⟩ – il figlio ⟨p2.f⟩ dice di no.")
add("it", "ticket", "pos",
    "⟨tkt⟩ Fatturazione: ⟨p1⟩ (cartella ⟨mrn1⟩, nato/a il ⟨p1.dob⟩) ha ricevuto due fatture. Diagnosi ⟨dx1⟩ codificata bene; ⟨s1.l⟩ ne annulla una.")
add("pt", "note", "pos",
    "ligou ⟨p1.l⟩: o extrato não chegou. ⟨s1.f⟩ envia para ⟨addr1⟩.",
    "confirmar com ⟨s1.f⟩ se ⟨p1.f⟩ desmarca mesmo a consulta de ⟨dt1⟩ – o filho ⟨p2.f⟩ diz que não.")
add("pt", "ticket", "pos",
    "⟨tkt⟩ Faturação: ⟨p1⟩ (processo ⟨mrn1⟩, nascido/a a ⟨p1.dob⟩) recebeu a fatura duas vezes. Diagnóstico ⟨dx1⟩ bem codificado; ⟨s1.l⟩ anula uma.")


if __name__ == "__main__":
    main()

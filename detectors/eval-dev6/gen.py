#!/usr/bin/env python3
"""eval-dev6 generator: written records and messages (notes, exports, e-mails,
banking, chats, tables) in seven languages. Python 3 standard library only.

    python3 gen.py          # writes dev6.jsonl (deterministic)
    python3 gen.py --stats  # also prints counts
"""
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict

SEED = 20261207
N_TOTAL = 1000
LANG_N = {"en": 500, "de": 84, "fr": 84, "es": 83, "it": 83, "pt": 83, "nl": 83}
SLICES = ["note", "export", "email", "banking", "chat", "table"]
LABELS = {
    "PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN", "US_BANK_ROUTING",
    "SWIFT_BIC", "ACCOUNT_NUMBER", "IP_ADDRESS", "URL", "DATE", "STREET_ADDRESS",
    "ZIP_CODE", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "NPI", "DEA_NUMBER",
    "ICD10_CODE", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NHS", "UK_NINO",
    "DE_TAX_ID", "FR_NIR", "ES_DNI", "IT_FISCAL_CODE", "NL_BSN", "VEHICLE_ID",
    "DEVICE_ID", "API_KEY",
}

# ---------------------------------------------------------------- names (hand-written)
FEMALE = """Aigerim Amara Ngozi Chiamaka Adaeze Yetunde Abena Akosua Awa Fatou Mariama Wanjiru
Achieng Nyokabi Zawadi Makeda Hodan Ayaan Thandiwe Nomvula Lindiwe Palesa Priya Lakshmi
Kavitha Anjali Shreya Nusrat Farzana Harpreet Dilani Ayesha Mei Xiuying Lan Yuki Haruka
Sakura Ji-woo Seo-yeon Minh Thu Linh Maricel Dewi Siti Malee Fatima Layla Yasmin Noor
Rania Elif Zeynep Ayşe Shirin Parisa Nasrin Katarzyna Agnieszka Olena Milena Jelena Ivana
Rūta Ilze Liga Sigrid Ingrid Solveig Aino Siobhán Niamh Eilidh Mairead Ximena Guadalupe
Itzel Luz Mariela Valentina Leilani Moana Sina Ahiga Tallulah Winona Orsolya Ioana Eleni
Despina Anahit Nino Marie-Claire Ana Lucía Maria João Anne-Sophie Rosalind Hadewych
Saskia Gerdien Giuseppina Benedetta Ottavia Graziella Conceição Iracema Rocío Begoña
Montserrat Ainhoa Brigitte Waltraud Gudrun Solène Maëlle Ségolène""".split()
MALE = """Chidi Emeka Obinna Tunde Babajide Kwame Kofi Yaw Mamadou Ousmane Cheikh Kamau Otieno
Baraka Juma Tesfaye Dawit Abdirahman Thabo Sipho Bongani Tendai Rajesh Arjun Venkatesh
Senthil Rahul Imran Tanvir Gurpreet Kasun Bilal Wei Jian Hao Hiroshi Kenji Takumi Min-jun
Ji-ho Quang Tuan Jomar Budi Agus Somchai Omar Khalid Tariq Youssef Karim Mehmet Emre
Burak Darius Kourosh Reza Piotr Tomasz Bogdan Dmitri Vuk Miroslav Jonas Mindaugas Artūrs
Aivars Sven Leif Eero Oisín Cathal Ruairí Lachlan Mateo Joaquín Tupac Quetzal Rodrigo
Keoni Tavita Manaia Hemi Takoda Ahanu Levente Mihai Giorgos Stavros Aram Levan Jean-Baptiste
José Manuel João Pedro Karl-Heinz Jan-Willem Gianluca Ettore Raffaele Leandro Cristiano
Iker Xabier Ignasi Wolfgang Ansgar Lothar Anselme Gaspard Thibault Sjoerd Joost Maarten""".split()
# multi-word given names are joined by '_' in the lists above where needed
FEMALE = [x for x in FEMALE if x not in ("Ana", "Lucía", "Maria", "João")] + ["Ana Lucía", "Maria João"]
MALE = [x for x in MALE if x not in ("José", "Manuel", "João", "Pedro")] + ["José Manuel", "João Pedro"]
SURNAMES = """Okafor Adeyemi Nwosu Eze Okonkwo Balogun Oyelaran Mensah Asante Owusu Boateng Diallo
Ndiaye Sow Kamara Touré Mwangi Kariuki Odhiambo Wekesa Haile Gebremedhin Abdullahi Warsame
Dlamini Nkosi Mokoena Khumalo Moyo Chikwanha Raghunathan Venkataraman Iyer Pillai Krishnan
Chatterjee Bhattacharya Sandhu Grewal Perera Jayasuriya Qureshi Siddiqui Chowdhury Zhang
Huang Xu Liang Wong Chan Nakamura Takahashi Watanabe Park Choi Nguyen Tran Pham Reyes
Dela_Cruz Santoso Wijaya Suwannarat Haddad Khoury Mansour al-Rashid al-Amin bin_Hassan
ben_Youssef El_Amrani Yılmaz Öztürk Demir Çelik Ahmadi Hosseini Karimi Rostami Kowalski
Wiśniewska Nowak Shevchenko Kovalenko Petrović Jovanović Novák Dvořák Kazlauskas Bērziņš
Ozoliņš Tamm Lindqvist Haugen Sørensen Virtanen Korhonen Ó_Súilleabháin MacLeod
Nic_Giolla_Phádraig Quispe Mamani Huanca Villca Ticona Tupou Fifita Faleolo Tuilagi
Ngata Te_Rangi Begay Yazzie Tsosie Lone_Fight Papadakis Georgiou Hovhannisyan Beridze
Horváth Popescu Ionescu van_der_Berg de_Vries van_den_Heuvel de_la_Fuente García_Márquez
Etxeberria Puigdomènech dos_Santos da_Silva Conceição Albuquerque Cavalcanti Esposito
Lombardi Ferraro Di_Stefano Fontana Moreau Lefebvre Dubois Garnier Rousseau Schneider
Brandt Vogel Lehmann Zimmermann Oyelowo Achterberg Kuipers Hoekstra Bakker Vermeulen
Szabó Kristiansen Halvorsen Ramírez Zúñiga Echeverría Villanueva Castañeda Pereira_Neto
Okoro Abubakar Nakashima Rahimi Farouk""".split()
SURNAMES = [s.replace("_", " ") for s in SURNAMES]

TITLES = {
    "en": {"f": ["Mrs", "Ms", "Mrs.", "Ms."], "m": ["Mr", "Mr."]},
    "de": {"f": ["Frau"], "m": ["Herr"]},
    "fr": {"f": ["Mme", "Madame"], "m": ["M.", "Monsieur"]},
    "es": {"f": ["Sra.", "doña"], "m": ["Sr.", "don"]},
    "it": {"f": ["sig.ra", "la signora"], "m": ["sig.", "il signor"]},
    "pt": {"f": ["Sra.", "D."], "m": ["Sr."]},
    "nl": {"f": ["mevrouw", "mevr."], "m": ["meneer", "dhr."]},
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}

CITY = {
    "en": ["Columbus", "Leeds", "Dayton", "Sheffield", "Toledo", "Bristol", "Akron", "Norwich"],
    "de": ["Kassel", "Bielefeld", "Freiburg", "Rostock", "Mainz", "Erfurt"],
    "fr": ["Lyon", "Rennes", "Lille", "Nantes", "Grenoble", "Dijon"],
    "es": ["Zaragoza", "Valladolid", "Murcia", "Bilbao", "Córdoba", "Vigo"],
    "it": ["Bologna", "Torino", "Bari", "Verona", "Padova", "Trieste"],
    "pt": ["Porto", "Braga", "Coimbra", "Aveiro", "Setúbal", "Faro"],
    "nl": ["Utrecht", "Zwolle", "Tilburg", "Groningen", "Arnhem", "Leiden"],
}
STREETS = {
    "en": ["Elm Street", "Kingsley Road", "Maple Avenue", "Orchard Lane", "Hawthorn Close", "Bridge Street", "Linden Drive"],
    "de": ["Lindenstraße", "Am Mühlbach", "Goethestraße", "Birkenweg", "Hauptstraße", "Rosenstraße"],
    "fr": ["rue des Lilas", "avenue Jean Jaurès", "rue du Moulin", "boulevard Voltaire", "impasse des Érables"],
    "es": ["Calle Mayor", "Avenida de la Paz", "Calle del Olmo", "Paseo de las Acacias", "Calle Real"],
    "it": ["Via Roma", "Via Garibaldi", "Viale dei Tigli", "Via dei Mille", "Corso Cavour"],
    "pt": ["Rua das Flores", "Avenida da Liberdade", "Rua do Carmo", "Travessa do Sol", "Rua Direita"],
    "nl": ["Kerkstraat", "Dorpsstraat", "Lindelaan", "Molenweg", "Prinsengracht", "Beukenlaan"],
}
MAILDOM = ["gmail.com", "outlook.com", "yahoo.co.uk", "web.de", "gmx.de", "orange.fr", "free.fr",
           "hotmail.es", "libero.it", "sapo.pt", "ziggo.nl", "kpnmail.nl", "icloud.com", "proton.me"]
ICD10 = ["E11.9", "I10", "J18.9", "N18.3", "K50.90", "I48.91", "J44.1", "F32.1", "M54.5",
         "E03.9", "C50.912", "S72.001A", "I21.4", "G40.909", "O24.410", "N39.0", "K35.80"]

# ---------------------------------------------------------------- unlabelled fillers
FILL_COMMON = {
    "drug": ["apixaban", "metformin", "Eliquis", "Ozempic", "Keytruda", "amoxicillin", "furosemide",
             "ramipril", "levothyroxine", "Xarelto", "Novalgin", "Doliprane", "Tachipirina",
             "Nolotil", "Ben-u-ron", "Movicol", "Januvia", "Augmentin"],
    "epo": ["Parkinson's disease", "Crohn's disease", "Hashimoto's thyroiditis", "Bell's palsy",
            "Guillain-Barré syndrome", "Cushing's syndrome", "Addison's disease", "Graves' disease",
            "Alzheimer's disease", "Hodgkin lymphoma", "Sjögren's syndrome", "Wilson's disease"],
    "scale": ["Glasgow Coma Scale 14", "Apgar 9/10", "Wells score 2", "Braden score 16",
              "Barthel index 65", "Gleason 3+4", "Child-Pugh B", "Mallampati II"],
    "kit": ["Foley catheter", "Swan-Ganz catheter", "Hickman line", "Babcock forceps",
            "Allen test", "Heimlich valve", "Doppler probe", "Holter monitor"],
    "firm": ["Johnson & Johnson", "Wells Fargo", "Abbott", "Siemens Healthineers", "Philips",
             "Merck", "Boehringer Ingelheim", "Charles Schwab", "Lloyds Bank", "Barclays",
             "Goldman Sachs", "Baxter", "Roche", "Fresenius", "Morgan Stanley", "Dell"],
    "place": ["Florence", "Victoria", "Santiago", "Adelaide", "Charlotte", "Austin", "Lourdes",
              "Regina", "Valencia", "Jackson", "Eugene", "Aurora"],
    "prod": ["Epic Hyperspace 2024.1", "Cerner PowerChart 2023.07", "Office 365", "Windows 11 23H2",
             "iOS 18.2", "Teams 24.3", "SAP S/4HANA 2023", "Citrix Workspace 2409", "Outlook 16.0"],
    "time": ["07:30", "08:15", "09:40", "11:05", "13:20", "14:45", "16:10", "18:30", "21:50", "23:15"],
}
EPO = {
    "de": ["Morbus Crohn", "Morbus Basedow", "Parkinson-Syndrom", "Hashimoto-Thyreoiditis", "Alzheimer-Demenz", "Cushing-Syndrom"],
    "fr": ["maladie de Crohn", "maladie de Parkinson", "syndrome de Cushing", "maladie d'Alzheimer", "maladie de Basedow"],
    "es": ["enfermedad de Crohn", "enfermedad de Parkinson", "síndrome de Down", "tiroiditis de Hashimoto", "enfermedad de Alzheimer"],
    "it": ["morbo di Crohn", "morbo di Basedow", "malattia di Parkinson", "sindrome di Cushing", "morbo di Alzheimer"],
    "pt": ["doença de Crohn", "doença de Alzheimer", "doença de Parkinson", "síndrome de Cushing", "tiroidite de Hashimoto"],
    "nl": ["ziekte van Crohn", "ziekte van Parkinson", "ziekte van Alzheimer", "syndroom van Cushing", "ziekte van Graves"],
}
DEPT = {
    "en": ["Cardiology", "Patient Accounts", "Revenue Cycle", "Ward 4B", "Acute Medical Unit", "Claims Operations", "Radiology"],
    "de": ["Kardiologie", "Station 4", "Notaufnahme", "Patientenverwaltung", "Schadenabteilung", "Radiologie"],
    "fr": ["Cardiologie", "Urgences", "service des admissions", "pôle gériatrie", "service sinistres", "Radiologie"],
    "es": ["Cardiología", "Urgencias", "Admisión", "Medicina Interna", "Departamento de Siniestros", "Radiología"],
    "it": ["Cardiologia", "Pronto Soccorso", "Accettazione", "Medicina Interna", "Ufficio Sinistri", "Radiologia"],
    "pt": ["Cardiologia", "Urgência", "Admissões", "Medicina Interna", "Gestão de Sinistros", "Radiologia"],
    "nl": ["Cardiologie", "SEH", "Patiëntenadministratie", "Interne Geneeskunde", "Schadeafdeling", "Radiologie"],
}
HOLIDAY = {
    "en": ["Thanksgiving", "Boxing Day", "the August bank holiday", "Memorial Day", "Easter Monday"],
    "de": ["Pfingsten", "Ostermontag", "Fronleichnam", "Tag der Deutschen Einheit"],
    "fr": ["la Toussaint", "le lundi de Pentecôte", "le 14 juillet", "l'Ascension"],
    "es": ["Semana Santa", "el Día de Reyes", "el Pilar", "Nochebuena"],
    "it": ["Ferragosto", "Pasquetta", "Ognissanti", "la Festa della Repubblica"],
    "pt": ["o Carnaval", "o Dia de Portugal", "a Páscoa", "o 25 de Abril"],
    "nl": ["Koningsdag", "Hemelvaartsdag", "Pinksteren", "Bevrijdingsdag"],
}
JOB = {
    "en": ["charge nurse", "registrar", "claims handler", "relationship manager", "ward clerk", "night coordinator"],
    "de": ["Stationsleitung", "Assistenzärztin", "Sachbearbeiter", "Kundenberaterin", "Oberarzt"],
    "fr": ["cadre de santé", "interne", "gestionnaire sinistres", "conseillère clientèle", "chef de service"],
    "es": ["supervisora de enfermería", "residente", "gestor de siniestros", "asesora comercial", "jefe de servicio"],
    "it": ["coordinatrice infermieristica", "specializzando", "liquidatore sinistri", "consulente", "primario"],
    "pt": ["enfermeira-chefe", "interno", "gestor de sinistros", "gestora de conta", "diretor de serviço"],
    "nl": ["teamleider", "arts-assistent", "schadebehandelaar", "accountmanager", "afdelingshoofd"],
}


def fill(name, lang, rng):
    if name in FILL_COMMON:
        return rng.choice(FILL_COMMON[name])
    if name == "city":
        return rng.choice(CITY[lang])
    if name == "epol":
        return rng.choice(EPO.get(lang, FILL_COMMON["epo"]))
    if name == "dept":
        return rng.choice(DEPT[lang])
    if name == "hol":
        return rng.choice(HOLIDAY[lang])
    if name == "job":
        return rng.choice(JOB[lang])
    if name == "tkt":
        return rng.choice(["INC", "REQ", "CHG", "TCK-", "JIRA-", "SR-", "CASE-"]) + str(rng.randint(10000, 9999999))
    if name == "ord":
        return rng.choice(["PO-", "ORD-", "LOT ", "BATCH-", "Build "]) + str(rng.randint(1000, 999999))
    if name == "ver":
        return "%d.%d.%d" % (rng.randint(1, 9), rng.randint(0, 20), rng.randint(0, 99))
    if name == "rel":
        d = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
        return fmt_date(d, lang, rng)
    if name == "age":
        return str(rng.randint(19, 97))
    if name == "bed":
        return str(rng.randint(1, 32))
    if name == "n3":
        return str(rng.randint(100, 999))
    if name == "n2":
        return str(rng.randint(2, 60))
    if name == "amt":
        return "%d.%02d" % (rng.randint(20, 9000), rng.randint(0, 99))
    if name == "pct":
        return str(rng.randint(2, 40))
    if name == "ts":
        return "2026%02d%02d%02d%02d" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59))
    if name == "end4":
        return "%04d" % rng.randint(0, 9999)
    raise KeyError(name)


# ---------------------------------------------------------------- check digits
def luhn_ok(s):
    t = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        t += d
    return t % 10 == 0


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def iban_check(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in s)
    return "%02d" % (98 - int(num) % 97)


def iban_ok(iban):
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97 == 1


def aba_ok(s):
    d = [int(c) for c in s]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def nhs_ok(s):
    d = [int(c) for c in s.replace(" ", "")]
    r = 11 - sum(d[i] * (10 - i) for i in range(9)) % 11
    r = 0 if r == 11 else r
    return r != 10 and r == d[9]


def bsn_ok(s):
    d = [int(c) for c in s]
    return (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0


def ssn_ok(s):
    a, g, n = s.split("-")
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


def nir_ok(s):
    s = s.replace(" ", "")
    return 97 - int(s[:13]) % 97 == int(s[13:])


DNI_L = "TRWAGMYFPDXBNJZSQVHLCKE"

# ---------------------------------------------------------------- value makers
def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def fmt_date(d, lang, rng, style=None):
    m = MONTHS[lang][d.month - 1]
    opts = {
        "en": ["%d %s %d" % (d.day, m, d.year), "%02d/%02d/%d" % (d.month, d.day, d.year),
               "%s %d, %d" % (m, d.day, d.year), "%02d/%02d/%d" % (d.day, d.month, d.year),
               "%d %s %d" % (d.day, m[:3], d.year)],
        "de": ["%02d.%02d.%d" % (d.day, d.month, d.year), "%d. %s %d" % (d.day, m, d.year)],
        "fr": ["%02d/%02d/%d" % (d.day, d.month, d.year), "%d %s %d" % (d.day, m, d.year)],
        "es": ["%02d/%02d/%d" % (d.day, d.month, d.year), "%d de %s de %d" % (d.day, m, d.year)],
        "it": ["%02d/%02d/%d" % (d.day, d.month, d.year), "%d %s %d" % (d.day, m, d.year)],
        "pt": ["%02d/%02d/%d" % (d.day, d.month, d.year), "%d de %s de %d" % (d.day, m, d.year)],
        "nl": ["%02d-%02d-%d" % (d.day, d.month, d.year), "%d %s %d" % (d.day, m, d.year)],
    }[lang]
    return rng.choice(opts)


def make_phone(lang, rng):
    if lang == "en":
        return rng.choice([
            "(%d) 555-01%02d" % (rng.randint(201, 989), rng.randint(0, 99)),
            "%d-555-01%02d" % (rng.randint(201, 989), rng.randint(0, 99)),
            "07700 900%03d" % rng.randint(0, 999),
            "+44 7700 900%03d" % rng.randint(0, 999),
            "020 7946 0%03d" % rng.randint(0, 999),
            "0113 496 0%03d" % rng.randint(0, 999),
            "+1 %d 555 01%02d" % (rng.randint(201, 989), rng.randint(0, 99)),
        ])
    if lang == "de":
        return rng.choice(["0171 %s" % digits(rng, 7), "+49 30 %s" % digits(rng, 8),
                           "0%d/%s" % (rng.randint(30, 89), digits(rng, 7)), "+49 160 %s" % digits(rng, 7)])
    if lang == "fr":
        g = " ".join(digits(rng, 2) for _ in range(4))
        return rng.choice(["06 " + g, "07 " + g, "+33 6 " + g, "01 " + g])
    if lang == "es":
        return rng.choice(["6%s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 3)),
                           "+34 6%s %s %s %s" % (digits(rng, 2), digits(rng, 2), digits(rng, 2), digits(rng, 2)),
                           "91 %s %s %s" % (digits(rng, 3), digits(rng, 2), digits(rng, 2))])
    if lang == "it":
        return rng.choice(["3%s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 4)),
                           "+39 3%s %s" % (digits(rng, 2), digits(rng, 7)), "02 %s %s" % (digits(rng, 4), digits(rng, 4))])
    if lang == "pt":
        return rng.choice(["9%s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 3)),
                           "+351 9%s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 3)),
                           "(11) 9%s-%s" % (digits(rng, 4), digits(rng, 4))])
    if lang == "nl":
        return rng.choice(["06-%s" % digits(rng, 8), "+31 6 %s" % digits(rng, 8), "020-%s" % digits(rng, 7),
                           "06 %s %s" % (digits(rng, 4), digits(rng, 4))])


def make_addr(lang, rng):
    st = rng.choice(STREETS[lang])
    n = rng.randint(1, 240)
    if lang == "en":
        return rng.choice(["%d %s" % (n, st), "%d %s Apt %d%s" % (n, st, rng.randint(1, 9), rng.choice("ABCD")),
                           "Flat %d, %d %s" % (rng.randint(1, 12), n, st)])
    if lang == "de":
        return "%s %d%s" % (st, n, rng.choice(["", "", "a", "b"]))
    if lang == "fr":
        return "%d%s %s" % (n, rng.choice(["", "", " bis", " ter"]), st)
    if lang == "es":
        return rng.choice(["%s %d" % (st, n), "%s %d, %dº %s" % (st, n, rng.randint(1, 8), rng.choice("ABCD"))])
    if lang == "it":
        return rng.choice(["%s %d" % (st, n), "%s, %d" % (st, n)])
    if lang == "pt":
        return rng.choice(["%s %d" % (st, n), "%s, %d, %dº Esq." % (st, n, rng.randint(1, 8))])
    if lang == "nl":
        return "%s %d%s" % (st, n, rng.choice(["", "", "-II", "A"]))


def make_zip(lang, rng):
    if lang == "en":
        return rng.choice(["%05d" % rng.randint(10000, 99950), "%05d-%04d" % (rng.randint(10000, 99950), rng.randint(1, 9999)),
                           "%s%d %d%s" % (rng.choice(["LS", "S", "BS", "NR", "M", "EH"]), rng.randint(1, 20), rng.randint(1, 9),
                                          rng.choice(["AB", "QT", "HD", "XL", "NW"]))])
    if lang in ("de", "fr", "es", "it"):
        return "%05d" % rng.randint(1001, 97999)
    if lang == "pt":
        return "%04d-%03d" % (rng.randint(1000, 9999), rng.randint(0, 999))
    if lang == "nl":
        return "%04d %s" % (rng.randint(1011, 9999), rng.choice(["AB", "KL", "PT", "RS", "GH", "VX"]))


def make_iban(lang, rng, compact=None):
    cc = {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "nl": "NL"}[lang]
    if cc == "GB":
        bban = rng.choice(["NWBK", "BARC", "MIDL", "LOYD"]) + digits(rng, 14)
    elif cc == "DE":
        bban = digits(rng, 18)
    elif cc == "FR":
        bban = digits(rng, 23)
    elif cc == "ES":
        bban = digits(rng, 20)
    elif cc == "IT":
        bban = rng.choice("XYZABC") + digits(rng, 22)
    elif cc == "PT":
        bban = digits(rng, 21)
    else:
        bban = rng.choice(["ABNA", "RABO", "INGB", "SNSB"]) + digits(rng, 10)
    iban = cc + iban_check(cc, bban) + bban
    assert iban_ok(iban)
    if compact is None:
        compact = rng.random() < 0.4
    return iban if compact else " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def make_cc(rng):
    kind = rng.choice(["v", "v", "m", "a"])
    if kind == "a":
        n = luhn_complete(rng.choice(["34", "37"]) + digits(rng, 12))
        return rng.choice([n, "%s %s %s" % (n[:4], n[4:10], n[10:])])
    pre = "4" if kind == "v" else str(rng.randint(51, 55))
    n = luhn_complete(pre + digits(rng, 15 - len(pre)))
    sep = rng.choice([" ", "-", ""])
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))


def make_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d-%02d-%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


def make_aba(rng):
    while True:
        s = "%02d" % rng.choice(list(range(1, 13)) + list(range(21, 33))) + digits(rng, 7)
        if aba_ok(s):
            return s


def make_nhs(rng):
    while True:
        b = digits(rng, 9)
        r = 11 - sum(int(b[i]) * (10 - i) for i in range(9)) % 11
        r = 0 if r == 11 else r
        if r != 10:
            s = b + str(r)
            return rng.choice([s, "%s %s %s" % (s[:3], s[3:6], s[6:])])


def make_bsn(rng):
    while True:
        b = str(rng.randint(1, 9)) + digits(rng, 7)
        t = sum(int(b[i]) * (9 - i) for i in range(8)) % 11
        if t < 10:
            return b + str(t)


def make_dni(rng):
    n = rng.randint(10000000, 99999999)
    return "%d%s" % (n, DNI_L[n % 23])


def make_nir(rng, sex):
    body = "%d%02d%02d%02d%03d%03d" % (1 if sex == "m" else 2, rng.randint(40, 99), rng.randint(1, 12),
                                      rng.randint(1, 95), rng.randint(1, 990), rng.randint(1, 999))
    key = 97 - int(body) % 97
    s = "%s %s %s %s %s %s %02d" % (body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key)
    return s


def make_npi(rng):
    while True:
        b = str(rng.choice([1, 2])) + digits(rng, 8)
        full = luhn_complete("80840" + b)
        return b + full[-1]


def make_mrn(lang, rng):
    return {"en": lambda: rng.choice([digits(rng, 8), "H" + digits(rng, 7), "MR" + digits(rng, 6)]),
            "de": lambda: rng.choice([digits(rng, 9), "F" + digits(rng, 8)]),
            "fr": lambda: rng.choice([digits(rng, 10), "IPP" + digits(rng, 7)]),
            "es": lambda: rng.choice([digits(rng, 7), "NHC" + digits(rng, 6)]),
            "it": lambda: rng.choice([digits(rng, 8), "CC" + digits(rng, 7)]),
            "pt": lambda: rng.choice([digits(rng, 8), "PR" + digits(rng, 6)]),
            "nl": lambda: rng.choice([digits(rng, 7), "P" + digits(rng, 8)])}[lang]()


def make_hp(lang, rng):
    return {"en": lambda: rng.choice(["W" + digits(rng, 9), "XJH" + digits(rng, 9), "%d%s%d%s%d" % (rng.randint(1, 9), "".join(rng.choice("ACDEFGHJKMNPQRTUVWXY") for _ in range(3)), rng.randint(0, 9), "".join(rng.choice("ACDEFGHJKMNPQRTUVWXY") for _ in range(2)), rng.randint(10, 99))]),
            "de": lambda: rng.choice("ABCDEFGHKLMNRSTUVWZ") + digits(rng, 9),
            "fr": lambda: "ADH-" + digits(rng, 8),
            "es": lambda: rng.choice(["BBBB", "CACL", "MDRD", "ANDA"]) + digits(rng, 12),
            "it": lambda: "POL" + digits(rng, 9),
            "pt": lambda: digits(rng, 9),
            "nl": lambda: "ZV" + digits(rng, 9)}[lang]()


def make_acct(rng):
    return rng.choice([digits(rng, 8), digits(rng, 10), digits(rng, 12), "%s-%s" % (digits(rng, 4), digits(rng, 6))])


def make_ip(rng):
    return "%d.%d.%d.%d" % (rng.choice([81, 86, 92, 109, 145, 178, 188, 203, 212]), rng.randint(0, 255),
                            rng.randint(0, 255), rng.randint(1, 254))


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).replace("ı", "i").replace("ø", "o").replace("ł", "l")


# ---------------------------------------------------------------- rendering
VALUE_LABEL = {"dob": "DATE", "d": "DATE", "ph": "PHONE", "addr": "STREET_ADDRESS", "zip": "ZIP_CODE",
               "mrn": "MEDICAL_RECORD_NUMBER", "hp": "HEALTH_PLAN_ID", "iban": "IBAN", "cc": "CREDIT_CARD",
               "ssn": "US_SSN", "acct": "ACCOUNT_NUMBER", "rt": "US_BANK_ROUTING", "nhs": "UK_NHS",
               "icd": "ICD10_CODE", "ip": "IP_ADDRESS", "npi": "NPI", "nir": "FR_NIR", "dni": "ES_DNI",
               "bsn": "NL_BSN"}
PH_RE = re.compile(r"⟨([^⟩]+)⟩")
ALT_RE = re.compile(r"«([^«»]*)»")


class Ctx:
    def __init__(self, lang, rng):
        self.lang, self.rng = lang, rng
        self.people, self.vals, self.used_g, self.used_s = {}, {}, set(), set()
        self.base = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 480))

    def person(self, pid, g):
        if pid not in self.people:
            rng = self.rng
            g = g or rng.choice("fm")
            while True:
                giv = rng.choice(FEMALE if g == "f" else MALE)
                sur = rng.choice(SURNAMES)
                if giv not in self.used_g and sur not in self.used_s:
                    break
            if self.lang == "es" and rng.random() < 0.4 and " " not in sur:
                while True:
                    s2 = rng.choice(SURNAMES)
                    if s2 != sur and " " not in s2 and s2 not in self.used_s:
                        break
                self.used_s.add(s2)
                sur = sur + " " + s2
            self.used_g.add(giv)
            self.used_s.add(sur)
            self.people[pid] = (giv, sur, g)
        return self.people[pid]

    def render_person(self, pid, g, attr):
        giv, sur, g = self.person(pid, g)
        rng = self.rng
        if attr == "t":
            return rng.choice(TITLES[self.lang][g]), None
        if attr == "em":
            k = ("em", pid)
            if k not in self.vals:
                a, b = ascii_fold(giv).lower().replace(" ", ""), ascii_fold(sur).lower().replace(" ", "").replace("'", "")
                self.vals[k] = rng.choice(["%s.%s" % (a, b), "%s%s" % (a[0], b), "%s_%s%d" % (a, b, rng.randint(1, 99)), "%s.%s" % (b, a)]) + "@" + rng.choice(MAILDOM)
            return self.vals[k], "EMAIL"
        if attr == "url":
            a, b = ascii_fold(giv).lower().replace(" ", "-"), ascii_fold(sur).lower().replace(" ", "-")
            return "https://www.linkedin.com/in/%s-%s-%d" % (a, b, rng.randint(10, 999)), "URL"
        v = {None: "%s %s" % (giv, sur), "f": giv, "l": sur, "lf": "%s, %s" % (sur, giv),
             "LF": "%s, %s" % (sur.upper(), giv), "sg": "%s %s" % (sur, giv), "U": "%s %s" % (giv.upper(), sur.upper()),
             "hl7": "%s^%s" % (sur, giv), "fi": "%s. %s" % (giv[0], sur), "L": sur.upper(), "F": giv.upper()}[attr]
        return v, "PERSON"

    def value(self, kind, idx, mod):
        rng, lang = self.rng, self.lang
        key = (kind, idx)
        if key not in self.vals:
            if kind == "dob":
                v = dt.date(rng.randint(1931, 2008), rng.randint(1, 12), rng.randint(1, 28))
            elif kind == "d":
                n = int(idx)
                v = self.base + dt.timedelta(days=(n - 1) * rng.randint(2, 12)) if n > 1 else self.base
            else:
                v = {"ph": lambda: make_phone(lang, rng), "addr": lambda: make_addr(lang, rng),
                     "zip": lambda: make_zip(lang, rng), "mrn": lambda: make_mrn(lang, rng),
                     "hp": lambda: make_hp(lang, rng), "iban": lambda: make_iban(lang, rng),
                     "cc": lambda: make_cc(rng), "ssn": lambda: make_ssn(rng), "acct": lambda: make_acct(rng),
                     "rt": lambda: make_aba(rng), "nhs": lambda: make_nhs(rng), "icd": lambda: rng.choice(ICD10),
                     "ip": lambda: make_ip(rng), "npi": lambda: make_npi(rng), "nir": lambda: make_nir(rng, rng.choice("fm")),
                     "dni": lambda: make_dni(rng), "bsn": lambda: make_bsn(rng)}[kind]()
            self.vals[key] = v
        v = self.vals[key]
        if kind in ("dob", "d"):
            if mod == "iso":
                return v.isoformat()
            if mod == "hl7":
                return v.strftime("%Y%m%d")
            fk = ("fmt", kind, idx)
            if fk not in self.vals:
                self.vals[fk] = fmt_date(v, lang, rng)
            return self.vals[fk]
        if kind == "iban" and mod == "c":
            return v.replace(" ", "")
        return v

    def expand(self, key):
        if key.startswith("="):
            return fill(key[1:], self.lang, self.rng), None
        m = re.fullmatch(r"p([fm]?)(\d+)(?:\.(\w+))?", key)
        if m:
            return self.render_person(m.group(2), m.group(1) or None, m.group(3))
        m = re.fullmatch(r"([a-z]+)(\d+)(?:\.(\w+))?", key)
        kind, idx, mod = m.groups()
        return self.value(kind, idx, mod), VALUE_LABEL[kind]


def render(tpl, lang, rng, lower):
    while True:
        m = ALT_RE.search(tpl)
        if not m:
            break
        tpl = tpl[:m.start()] + rng.choice(m.group(1).split("¦")) + tpl[m.end():]
    ctx = Ctx(lang, rng)
    out, spans, pos = [], [], 0
    last = 0
    parts = []
    for m in PH_RE.finditer(tpl):
        parts.append((tpl[last:m.start()], None))
        parts.append(ctx.expand(m.group(1)))
        last = m.end()
    parts.append((tpl[last:], None))
    for text, label in parts:
        if lower:
            text = text.lower()
        b = text.encode("utf-8")
        if label:
            spans.append({"entity": label, "start": pos, "end": pos + len(b), "_v": text})
        out.append(text)
        pos += len(b)
    return "".join(out), spans


# ---------------------------------------------------------------- templates (hand-written)
T = []


def add(lang, sl, pol, *texts):
    for t in texts:
        T.append((lang, sl, pol, t))


# ===== English
add("en", "note", "p",
    "Discharge summary\nPatient: ⟨p1⟩ (MRN ⟨mrn1⟩), DOB ⟨dob1⟩.\nAdmitted ⟨d1⟩ with community-acquired pneumonia (⟨icd1⟩); discharged ⟨d2⟩. ⟨p1.l⟩ was reviewed on the ward round by Dr. ⟨p2⟩ and tolerated oral ⟨=drug⟩. Spoke with ⟨p1.l⟩'s daughter ⟨pf3.f⟩ on ⟨ph1⟩ to arrange follow-up in ⟨=dept⟩.",
    "Dear Dr ⟨p2.l⟩,\n\nThank you for seeing ⟨p1.t⟩ ⟨p1⟩, born ⟨dob1⟩, of ⟨addr1⟩, ⟨=city⟩ ⟨zip1⟩. ⟨p1.f⟩ has a three-month history of exertional chest tightness. I saw «her¦him¦them» in clinic on ⟨d1⟩; ECG showed «sinus rhythm¦AF». «Current medication: ⟨=drug⟩.¦»\n\nYours sincerely,\n⟨p3⟩\n«GP partner¦Consultant physician»",
    "Nursing note ⟨=time⟩: ⟨p1.f⟩ settled overnight, obs stable, NEWS 1. Son ⟨pm2⟩ visited and asked for an update, contact ⟨ph1⟩. ⟨p1.f⟩ tolerated diet and fluids. Plan discussed with ⟨p3.l⟩ (registrar).",
    "CT HEAD NON-CONTRAST\nPatient: ⟨p1.LF⟩   NHS No: ⟨nhs1⟩   DOB: ⟨dob1⟩\nDate of examination: ⟨d1⟩\nRequested by: Dr ⟨p2⟩\nFindings: no acute intracranial haemorrhage. Chronic small vessel change.\nReported by ⟨p3⟩, consultant radiologist.",
    "Lab report for ⟨p1⟩ (MRN ⟨mrn1⟩). Specimen collected ⟨d1⟩. HbA1c 71 mmol/mol, consistent with poorly controlled ⟨icd1⟩. Critical potassium phoned to ⟨p2.f⟩ on the ward at ⟨=time⟩; ⟨p1.l⟩ informed by Dr. ⟨p3.l⟩.",
    "Operative note. Procedure date: ⟨d1⟩. Surgeon: ⟨p2⟩. Assistant: ⟨p3⟩. Patient ⟨p1⟩, ⟨=age⟩ years, underwent laparoscopic appendicectomy. Uncomplicated. ⟨p1.l⟩ may go home on ⟨d2⟩ if afebrile. Next of kin ⟨p4⟩ (⟨ph1⟩).",
)
add("en", "note", "n",
    "Teaching note: a ⟨=age⟩-year-old with ⟨=epo⟩ presented with confusion; ⟨=scale⟩. A ⟨=kit⟩ was placed and ⟨=drug⟩ started. Guideline version ⟨=ver⟩ applies; next review due ⟨=rel⟩. Ref ⟨=tkt⟩.",
    "Ward protocol update: patients on ⟨=drug⟩ with ⟨=epo⟩ should have a ⟨=kit⟩ review every 24 h. The ⟨=place⟩ Wing and ⟨=dept⟩ go live with the new charting in ⟨=prod⟩ on ⟨=rel⟩. Questions to the ⟨=job⟩ on shift. Ticket ⟨=tkt⟩.",
    "Radiology audit summary: ⟨=n3⟩ CT heads reviewed, ⟨=pct⟩% without documented ⟨=scale⟩. Contrast supplier ⟨=firm⟩ recalled ⟨=ord⟩. Report deadline ⟨=rel⟩. No patient identifiers in this summary.",
)
add("en", "export", "p",
    "patient_id,last_name,first_name,dob,phone,zip\n⟨=n3⟩01,⟨p1.l⟩,⟨p1.f⟩,⟨dob1.iso⟩,⟨ph1⟩,⟨zip1⟩\n⟨=n3⟩02,⟨p2.l⟩,⟨p2.f⟩,⟨dob2.iso⟩,⟨ph2⟩,⟨zip2⟩",
    "MSH|^~\\&|ADT1|GOODHEALTH|RCV|HOSP|||ADT^A01|MSG⟨=n3⟩|P|2.5\nEVN|A01|⟨d1.hl7⟩\nPID|1||⟨mrn1⟩^^^GH^MR||⟨p1.hl7⟩||⟨dob1.hl7⟩|«F¦M»|||⟨addr1⟩^^⟨=city⟩^OH^⟨zip1⟩||⟨ph1⟩\nNK1|1|⟨p2.hl7⟩|SPO||⟨ph2⟩\nPV1|1|I|4W^12^A||||⟨npi1⟩^⟨p3.hl7⟩",
    "{\"patient\":{\"n\":\"⟨p1⟩\",\"dob\":\"⟨dob1.iso⟩\",\"mrn\":\"⟨mrn1⟩\",\"contacts\":[{\"rel\":\"daughter\",\"name\":\"⟨pf2⟩\",\"tel\":\"⟨ph1⟩\"}]},\"encounter\":{\"admitDate\":\"⟨d1.iso⟩\",\"dx\":\"⟨icd1⟩\",\"attending\":\"⟨p3⟩\"}}",
    "{\"resourceType\":\"Patient\",\"identifier\":[{\"type\":{\"text\":\"MRN\"},\"value\":\"⟨mrn1⟩\"}],\"name\":[{\"family\":\"⟨p1.l⟩\",\"given\":[\"⟨p1.f⟩\"]}],\"birthDate\":\"⟨dob1.iso⟩\",\"telecom\":[{\"system\":\"phone\",\"value\":\"⟨ph1⟩\"},{\"system\":\"email\",\"value\":\"⟨p1.em⟩\"}],\"address\":[{\"line\":[\"⟨addr1⟩\"],\"postalCode\":\"⟨zip1⟩\"}]}",
    "INSERT INTO members (member_id, full_name, ssn, dob, email) VALUES ('⟨hp1⟩', '⟨p1⟩', '⟨ssn1⟩', '⟨dob1.iso⟩', '⟨p1.em⟩');",
    "2026-03-04T10:12:55Z level=info svc=portal event=login_ok user=\"⟨p1⟩\" email=⟨p1.em⟩ src_ip=⟨ip1⟩ member=⟨hp1⟩ build=⟨=ver⟩",
    "<ClinicalDocument><recordTarget><patientRole><id extension=\"⟨mrn1⟩\" root=\"2.16.840.1.113883.19.5\"/><addr><streetAddressLine>⟨addr1⟩</streetAddressLine><postalCode>⟨zip1⟩</postalCode></addr><patient><name><given>⟨p1.f⟩</given><family>⟨p1.l⟩</family></name><birthTime value=\"⟨dob1.hl7⟩\"/></patient></patientRole></recordTarget></ClinicalDocument>",
    "⟨p1.l⟩,⟨p1.f⟩,⟨dob1⟩,⟨mrn1⟩,⟨=dept⟩\n⟨p2.l⟩,⟨p2.f⟩,⟨dob2⟩,⟨mrn2⟩,⟨=dept⟩",
)
add("en", "export", "n",
    "sku,product,version,release_date,qty\n⟨=n3⟩-A,⟨=prod⟩,⟨=ver⟩,⟨=rel⟩,⟨=n2⟩\n⟨=n3⟩-B,⟨=kit⟩,⟨=ver⟩,⟨=rel⟩,⟨=n2⟩",
    "{\"ticket\":\"⟨=tkt⟩\",\"component\":\"⟨=dept⟩\",\"vendor\":\"⟨=firm⟩\",\"build\":\"⟨=ver⟩\",\"due\":\"⟨=rel⟩\",\"tags\":[\"⟨=place⟩\",\"interface\"]}",
    "2026-02-11T08:01:09Z level=warn svc=hl7-router msg=\"queue depth high\" queue=ADT_A08 depth=⟨=n3⟩ build=⟨=ver⟩ ticket=⟨=tkt⟩",
    "| drug | eponym | scale | order |\n|---|---|---|---|\n| ⟨=drug⟩ | ⟨=epo⟩ | ⟨=scale⟩ | ⟨=ord⟩ |",
)
add("en", "email", "p",
    "Hi ⟨p2.f⟩,\n\nCould you send over the discharge paperwork for ⟨p1⟩ (DOB ⟨dob1⟩)? «Her¦His» wife ⟨p3.f⟩ called twice this morning from ⟨ph1⟩.\n\nThanks,\n⟨p4⟩\n⟨=dept⟩\n\nOn Tue, 3 Mar 2026 at 10:12, ⟨p2⟩ <⟨p2.em⟩> wrote:\n> Is ⟨p1.l⟩ still on the ward?",
    "Dear ⟨p1.t⟩ ⟨p1.l⟩,\n\nFurther to your claim submitted on ⟨d1⟩, we require a copy of the operative note. Your member ID is ⟨hp1⟩. Please reply to this e-mail or call ⟨p2.f⟩ on ⟨ph1⟩.\n\nKind regards,\n⟨p2⟩\nClaims Team",
    "---------- Forwarded message ---------\nFrom: ⟨p1⟩ <⟨p1.em⟩>\nDate: Mon, 9 Feb 2026\nSubject: appointment\n\nHello, I am writing about my mother ⟨pf2⟩. Her appointment on ⟨d1⟩ was cancelled and nobody called. She lives at ⟨addr1⟩, ⟨zip1⟩. Regards, ⟨p1.f⟩",
    "Team,\n\nquick heads-up: ⟨p1.l⟩ (bed ⟨=bed⟩) is for discharge ⟨d1⟩ pending bloods. ⟨p2.f⟩ is covering tonight. Please update ⟨p1.f⟩'s son ⟨pm3⟩ on ⟨ph1⟩.\n\n⟨p4.f⟩\n\nLinkedIn: ⟨p4.url⟩",
)
add("en", "email", "n",
    "Hi all,\n\nThe ⟨=prod⟩ upgrade is scheduled for ⟨=rel⟩. ⟨=dept⟩ will be read-only from ⟨=time⟩. The new ⟨=kit⟩ order (⟨=ord⟩) from ⟨=firm⟩ has arrived.\n\nThanks,\nIT Service Desk\n\nOn Mon, 2 Mar 2026 at 09:14, Service Desk wrote:\n> Ticket ⟨=tkt⟩ updated.",
    "Dear colleagues,\n\nreminder that the ⟨=place⟩ office closes for ⟨=hol⟩. The ⟨=epo⟩ pathway review moves to ⟨=rel⟩. Slides on ⟨=scale⟩ documentation are on the intranet.\n\nBest,\nClinical Governance",
    "Hello,\n\nthank you for contacting ⟨=firm⟩ support. Your reference is ⟨=tkt⟩. Build ⟨=ver⟩ fixes the export timeout. We aim to respond within ⟨=n2⟩ hours.\n\nKind regards,\nCustomer Care",
)
add("en", "banking", "p",
    "Customer ⟨p1.LF⟩ called re failed transfer to payee ⟨p2⟩. Account ⟨acct1⟩, routing ⟨rt1⟩. Verified DOB ⟨dob1⟩ and SSN ⟨ssn1⟩. Co-signer ⟨p3⟩ to be added.",
    "Agent note: ⟨p1⟩ reports card ⟨cc1⟩ lost yesterday; card cancelled, replacement to ⟨addr1⟩, ⟨=city⟩ ⟨zip1⟩. Contact ⟨ph1⟩.",
    "Beneficiary change request - policy holder ⟨p1.sg⟩, claim ⟨hp1⟩. New beneficiary: ⟨p2⟩ (daughter), IBAN ⟨iban1⟩. Signed ⟨d1⟩.",
    "Hi, I'm ⟨p1⟩, my late husband ⟨pm2⟩ passed away on ⟨d1⟩. Please close his account ⟨acct1⟩ and move the balance to our joint account. My number is ⟨ph1⟩.",
    "Joint mortgage applicants: ⟨p1.lf⟩ and ⟨p2.lf⟩. Current address ⟨addr1⟩, postcode ⟨zip1⟩. NINO check pending for ⟨p1.f⟩. Salary paid into ⟨iban1⟩.",
)
add("en", "banking", "n",
    "Branch bulletin: ⟨=firm⟩ cards ending ⟨=end4⟩ in the pilot batch ⟨=ord⟩ are affected by the chip issue. Sort code changes take effect ⟨=rel⟩. The ⟨=place⟩ branch closes on ⟨=hol⟩.",
    "Agent note: customer asked about fees for international transfers. Explained standard tariff (⟨=pct⟩ bps), referred to ⟨=dept⟩. No account details taken. Case ⟨=tkt⟩.",
    "Policy wording v⟨=ver⟩: claims for ⟨=epo⟩ are covered after a ⟨=n2⟩-day waiting period. IBAN format for refunds: GBkk BBBB SSSS SSAA AAAA AA. Effective ⟨=rel⟩.",
)
add("en", "chat", "p",
    "@⟨p2.f⟩ can u check ⟨p1.f⟩'s bloods from this morning? ⟨p1.l⟩ in bed ⟨=bed⟩, k+ was 6.1",
    "⟨p1.f⟩ hey, ⟨p2.f⟩'s mum rang again, number is ⟨ph1⟩, wants call back re ⟨p3.l⟩ discharge",
    "anyone seen ⟨p1.l⟩'s notes? dob ⟨dob1⟩ mrn ⟨mrn1⟩. ⟨p2.f⟩ thinks theyre in the ⟨=dept⟩ office",
    "[⟨=time⟩] ⟨p1.f⟩: covering for ⟨p2.f⟩ today\n[⟨=time⟩] ⟨p2.f⟩: ty!! ⟨p3⟩ in bay 2 needs a review, daughter ⟨pf4.f⟩ is on her way",
    "customer ⟨p1⟩ on the phone asking why ⟨iban1⟩ got rejected, can someone from payments ping me",
)
add("en", "chat", "n",
    "is the ⟨=prod⟩ update still happening on ⟨=rel⟩? ⟨=dept⟩ printers are down again, ticket ⟨=tkt⟩",
    "reminder: ⟨=kit⟩ training at ⟨=time⟩, bring your badges. ⟨=scale⟩ refresher after lunch",
    "lol the ⟨=firm⟩ rep brought cookies again. ⟨=ord⟩ delivered to ⟨=place⟩ ward by mistake",
)
add("en", "table", "p",
    "WARD 7 - ⟨=dept⟩\nBed | Name | Age | Adm | Consultant\n⟨=bed⟩ | ⟨p1.LF⟩ | ⟨=age⟩ | ⟨d1⟩ | Dr ⟨p4.l⟩\n⟨=bed⟩ | ⟨p2.LF⟩ | ⟨=age⟩ | ⟨d2⟩ | Dr ⟨p4.l⟩\n⟨=bed⟩ | ⟨p3.LF⟩ | ⟨=age⟩ | ⟨d3⟩ | Dr ⟨p5.l⟩",
    "Rota w/c ⟨=rel⟩\nMon\t⟨p1⟩\t⟨p2⟩\nTue\t⟨p3⟩\t⟨p1⟩\nWed\t⟨p4⟩\t⟨p2⟩",
    "Time | Surname | Given | DOB | Reason\n⟨=time⟩ | ⟨p1.l⟩ | ⟨p1.f⟩ | ⟨dob1⟩ | follow-up\n⟨=time⟩ | ⟨p2.l⟩ | ⟨p2.f⟩ | ⟨dob2⟩ | new referral",
    "Visitor register ⟨=place⟩ Unit\n⟨p1.sg⟩ - visiting ⟨p2.lf⟩ - ⟨ph1⟩\n⟨p3.sg⟩ - visiting ⟨p4.lf⟩ - ⟨ph2⟩",
)
add("en", "table", "n",
    "Ward | Beds | Open | Lead role\n⟨=place⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩\n⟨=dept⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩",
    "Drug | Stock | Lot | Expiry\n⟨=drug⟩ | ⟨=n3⟩ | ⟨=ord⟩ | ⟨=rel⟩\n⟨=drug⟩ | ⟨=n3⟩ | ⟨=ord⟩ | ⟨=rel⟩",
    "Shift | Role | Bleep\nEarly | ⟨=job⟩ | ⟨=n3⟩\nLate | ⟨=job⟩ | ⟨=n3⟩\nNight | ⟨=job⟩ | ⟨=n3⟩",
)

# ===== German
add("de", "note", "p",
    "Entlassungsbrief\nPatient: ⟨p1.t⟩ ⟨p1⟩, geb. ⟨dob1⟩, Fallnummer ⟨mrn1⟩.\nAufnahme am ⟨d1⟩ wegen Pneumonie, Entlassung am ⟨d2⟩. ⟨p1.l⟩ erhielt ⟨=drug⟩. Rücksprache mit der Tochter ⟨pf2⟩ (Tel. ⟨ph1⟩). Mit freundlichen Grüßen, Dr. ⟨p3⟩",
    "Pflegebericht ⟨=time⟩: ⟨p1.f⟩ schlief gut, Vitalwerte stabil. Ehemann ⟨pm2.l⟩ rief an. ⟨p1.f⟩ wohnt in der ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Visite durch OA ⟨p3.l⟩.",
)
add("de", "note", "n",
    "Fortbildung: ⟨=epol⟩ und ⟨=scale⟩. Ein ⟨=kit⟩ wird bei ⟨=drug⟩-Therapie empfohlen. Die ⟨=dept⟩ stellt am ⟨=rel⟩ auf ⟨=prod⟩ um. Ticket ⟨=tkt⟩.",
    "Stationsstandard Version ⟨=ver⟩: Patientinnen mit ⟨=epol⟩ erhalten ⟨=drug⟩ nach Schema. Gültig ab ⟨=rel⟩, Rückfragen an die ⟨=job⟩.",
)
add("de", "export", "p",
    "name;vorname;geburtsdatum;telefon;plz\n⟨p1.l⟩;⟨p1.f⟩;⟨dob1⟩;⟨ph1⟩;⟨zip1⟩\n⟨p2.l⟩;⟨p2.f⟩;⟨dob2⟩;⟨ph2⟩;⟨zip2⟩",
    "{\"versicherter\":{\"nachname\":\"⟨p1.l⟩\",\"vorname\":\"⟨p1.f⟩\",\"gebDatum\":\"⟨dob1.iso⟩\",\"kvNr\":\"⟨hp1⟩\",\"iban\":\"⟨iban1.c⟩\"}}",
    "PID|1||⟨mrn1⟩^^^KLINIKUM^MR||⟨p1.hl7⟩||⟨dob1.hl7⟩|«F¦M»|||⟨addr1⟩^^⟨=city⟩^^⟨zip1⟩\nNK1|1|⟨p2.hl7⟩|EHE|||⟨ph1⟩",
)
add("de", "export", "n",
    "artikel;version;freigabe;menge\n⟨=kit⟩;⟨=ver⟩;⟨=rel⟩;⟨=n2⟩\n⟨=drug⟩;⟨=ver⟩;⟨=rel⟩;⟨=n2⟩",
    "ts=2026-01-12T07:00:01Z level=info dienst=kis-sync station=\"⟨=dept⟩\" build=⟨=ver⟩ ticket=⟨=tkt⟩",
)
add("de", "email", "p",
    "Hallo ⟨p2.f⟩,\n\nkannst du bitte den Befund für ⟨p1.t⟩ ⟨p1.l⟩ (geb. ⟨dob1⟩) schicken? Die Tochter ⟨pf3⟩ erreicht man unter ⟨ph1⟩.\n\nViele Grüße\n⟨p4⟩\n\nAm 03.03.2026 um 10:12 schrieb ⟨p2⟩ <⟨p2.em⟩>:\n> Ist ⟨p1.l⟩ noch auf Station?",
    "Sehr geehrte/r ⟨p1.t⟩ ⟨p1.l⟩,\n\nzu Ihrem Schaden vom ⟨d1⟩ benötigen wir noch die Rechnung. Ihre Versichertennummer lautet ⟨hp1⟩.\n\nMit freundlichen Grüßen\n⟨p2⟩, Schadenabteilung",
)
add("de", "email", "n",
    "Hallo zusammen,\n\ndas Update auf ⟨=prod⟩ ist für den ⟨=rel⟩ geplant. Die ⟨=dept⟩ ist ab ⟨=time⟩ nur lesend verfügbar. Über ⟨=hol⟩ gilt der Notdienstplan.\n\nIhr IT-Service (Ticket ⟨=tkt⟩)",
)
add("de", "banking", "p",
    "Kundin ⟨p1.LF⟩ meldet Fehlbuchung. IBAN ⟨iban1⟩, Empfänger ⟨p2⟩. Geburtsdatum ⟨dob1⟩ verifiziert. Bürge: ⟨p3⟩.",
    "Notiz: ⟨p1⟩ zieht um nach ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Neue Nummer ⟨ph1⟩. Vollmacht für Sohn ⟨pm2.f⟩ ⟨pm2.l⟩ liegt vor.",
)
add("de", "banking", "n",
    "Hinweis: Karten der ⟨=firm⟩ mit Endziffern ⟨=end4⟩ aus Charge ⟨=ord⟩ werden getauscht. Gültig ab ⟨=rel⟩. Die Filiale ⟨=place⟩ schließt an ⟨=hol⟩.",
    "Tarifinfo v⟨=ver⟩: Leistungen bei ⟨=epol⟩ nach ⟨=n2⟩ Tagen Wartezeit. Format der IBAN: DEkk BBBB BBBB CCCC CCCC CC.",
)
add("de", "chat", "p",
    "@⟨p2.f⟩ kannst du ⟨p1.f⟩s labor checken? ⟨p1.l⟩ zimmer ⟨=bed⟩",
    "⟨p1.f⟩ die frau von ⟨p2.l⟩ hat nochmal angerufen, ⟨ph1⟩, bitte zurückrufen",
)
add("de", "chat", "n",
    "weiß jemand ob ⟨=prod⟩ am ⟨=rel⟩ kommt? drucker in der ⟨=dept⟩ wieder kaputt, ticket ⟨=tkt⟩",
    "erinnerung: ⟨=kit⟩ schulung um ⟨=time⟩, danach ⟨=scale⟩ auffrischung",
)
add("de", "table", "p",
    "Zi. | Name | Alter | Aufnahme\n⟨=bed⟩ | ⟨p1.LF⟩ | ⟨=age⟩ | ⟨d1⟩\n⟨=bed⟩ | ⟨p2.LF⟩ | ⟨=age⟩ | ⟨d2⟩",
    "Dienstplan ⟨=dept⟩\nMo: ⟨p1⟩ / ⟨p2⟩\nDi: ⟨p3⟩ / ⟨p1⟩\nMi: ⟨p2⟩ / ⟨p4⟩",
)
add("de", "table", "n",
    "Station | Betten | frei | Leitung\n⟨=dept⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩\n⟨=place⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩",
)

# ===== French
add("fr", "note", "p",
    "Compte rendu d'hospitalisation\n⟨pf1.t⟩ ⟨pf1⟩, née le ⟨dob1⟩, IPP ⟨mrn1⟩, NIR ⟨nir1⟩.\nEntrée le ⟨d1⟩, sortie le ⟨d2⟩. ⟨pf1.l⟩ a bien toléré le ⟨=drug⟩. Entretien avec son fils ⟨pm2⟩ (⟨ph1⟩). Dr ⟨p3⟩",
    "Transmissions ⟨=time⟩ : ⟨p1.f⟩ a passé une nuit calme. Sa sœur ⟨pf2.f⟩ ⟨pf2.l⟩ viendra demain. Domicile : ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Vu par l'interne ⟨p3.l⟩.",
)
add("fr", "note", "n",
    "Staff : ⟨=epol⟩, ⟨=scale⟩, pose d'une ⟨=kit⟩ sous ⟨=drug⟩. Le ⟨=dept⟩ passe à ⟨=prod⟩ le ⟨=rel⟩. Réf. ⟨=tkt⟩.",
    "Protocole v⟨=ver⟩ : en cas de ⟨=epol⟩, réévaluer le ⟨=drug⟩ à J⟨=n2⟩. Applicable au ⟨=rel⟩ ; contacter le ⟨=job⟩.",
)
add("fr", "export", "p",
    "nom;prénom;date_naiss;tel;cp\n⟨p1.l⟩;⟨p1.f⟩;⟨dob1⟩;⟨ph1⟩;⟨zip1⟩\n⟨p2.l⟩;⟨p2.f⟩;⟨dob2⟩;⟨ph2⟩;⟨zip2⟩",
    "<patient><name><given>⟨p1.f⟩</given><family>⟨p1.l⟩</family></name><birthTime value=\"⟨dob1.hl7⟩\"/><id extension=\"⟨mrn1⟩\"/></patient>",
    "{\"adherent\":{\"nom\":\"⟨p1.l⟩\",\"prenom\":\"⟨p1.f⟩\",\"numAdherent\":\"⟨hp1⟩\",\"iban\":\"⟨iban1⟩\",\"email\":\"⟨p1.em⟩\"}}",
)
add("fr", "export", "n",
    "reference;produit;version;date_sortie\n⟨=ord⟩;⟨=prod⟩;⟨=ver⟩;⟨=rel⟩\n⟨=ord⟩;⟨=kit⟩;⟨=ver⟩;⟨=rel⟩",
)
add("fr", "email", "p",
    "Bonjour ⟨p2.f⟩,\n\npeux-tu m'envoyer le CR de ⟨p1.t⟩ ⟨p1.l⟩ (née le ⟨dob1⟩) ? Sa fille ⟨pf3⟩ est joignable au ⟨ph1⟩.\n\nBien à toi,\n⟨p4⟩\n\nLe mar. 3 mars 2026 à 10:12, ⟨p2⟩ <⟨p2.em⟩> a écrit :\n> ⟨p1.l⟩ est-elle encore hospitalisée ?",
    "Madame, Monsieur,\n\nsuite au sinistre du ⟨d1⟩ déclaré par ⟨p1⟩, merci de nous adresser la facture. Numéro d'adhérent : ⟨hp1⟩.\n\nCordialement,\n⟨p2⟩\nService sinistres",
)
add("fr", "email", "n",
    "Bonjour à toute l'équipe,\n\nla migration vers ⟨=prod⟩ aura lieu le ⟨=rel⟩. Le ⟨=dept⟩ sera fermé pour ⟨=hol⟩.\n\nLe support informatique (ticket ⟨=tkt⟩)",
)
add("fr", "banking", "p",
    "Client ⟨p1.LF⟩ conteste un prélèvement. IBAN ⟨iban1⟩. Bénéficiaire : ⟨p2⟩. Date de naissance vérifiée : ⟨dob1⟩.",
    "Note conseiller : ⟨p1⟩ déménage au ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Nouveau numéro ⟨ph1⟩. Co-emprunteur : ⟨p2.sg⟩.",
)
add("fr", "banking", "n",
    "Information : les cartes ⟨=firm⟩ se terminant par ⟨=end4⟩ (lot ⟨=ord⟩) seront remplacées. L'agence de ⟨=place⟩ ferme pour ⟨=hol⟩.",
    "Garantie v⟨=ver⟩ : la ⟨=epol⟩ est couverte après ⟨=n2⟩ jours de carence. Format IBAN : FRkk BBBB BGGG GGCC CCCC CCCC CKK.",
)
add("fr", "chat", "p",
    "@⟨p2.f⟩ tu peux regarder le bilan de ⟨p1.f⟩ ? ⟨p1.l⟩ chambre ⟨=bed⟩",
    "⟨p1.f⟩ le mari de ⟨p2.l⟩ a rappelé au ⟨ph1⟩, il attend un retour",
)
add("fr", "chat", "n",
    "qqn sait si ⟨=prod⟩ arrive le ⟨=rel⟩ ? imprimante du ⟨=dept⟩ en panne, ticket ⟨=tkt⟩",
)
add("fr", "table", "p",
    "Ch. | Nom | Âge | Entrée\n⟨=bed⟩ | ⟨p1.LF⟩ | ⟨=age⟩ | ⟨d1⟩\n⟨=bed⟩ | ⟨p2.LF⟩ | ⟨=age⟩ | ⟨d2⟩",
    "Planning ⟨=dept⟩\nlundi : ⟨p1⟩, ⟨p2.sg⟩\nmardi : ⟨p3⟩, ⟨p4.sg⟩",
)
add("fr", "table", "n",
    "Service | Lits | Libres | Responsable\n⟨=dept⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩\n⟨=place⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩",
)

# ===== Spanish
add("es", "note", "p",
    "Informe de alta\nPaciente: ⟨p1.t⟩ ⟨p1⟩, fecha de nacimiento ⟨dob1⟩, NHC ⟨mrn1⟩, DNI ⟨dni1⟩.\nIngreso el ⟨d1⟩, alta el ⟨d2⟩. ⟨p1.l⟩ toleró ⟨=drug⟩. Se informa a su hija ⟨pf2⟩ (⟨ph1⟩). Dra. ⟨p3⟩",
    "Evolutivo de enfermería ⟨=time⟩: ⟨p1.f⟩ descansa bien. Visita de su esposo ⟨pm2.f⟩. Domicilio: ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Valorado por el residente ⟨p3.l⟩.",
)
add("es", "note", "n",
    "Sesión clínica: ⟨=epol⟩, ⟨=scale⟩, colocación de ⟨=kit⟩ con ⟨=drug⟩. ⟨=dept⟩ migra a ⟨=prod⟩ el ⟨=rel⟩. Ref. ⟨=tkt⟩.",
    "Protocolo v⟨=ver⟩: en ⟨=epol⟩ revisar ⟨=drug⟩ cada ⟨=n2⟩ días. Vigente desde ⟨=rel⟩; dudas a la ⟨=job⟩.",
)
add("es", "export", "p",
    "apellidos,nombre,fecha_nac,telefono,cp\n⟨p1.l⟩,⟨p1.f⟩,⟨dob1⟩,⟨ph1⟩,⟨zip1⟩\n⟨p2.l⟩,⟨p2.f⟩,⟨dob2⟩,⟨ph2⟩,⟨zip2⟩",
    "{\"asegurado\":{\"nombreCompleto\":\"⟨p1⟩\",\"tarjetaSanitaria\":\"⟨hp1⟩\",\"dni\":\"⟨dni1⟩\",\"iban\":\"⟨iban1.c⟩\"}}",
    "⟨p1.l⟩|⟨p1.f⟩|⟨dob1.iso⟩|⟨mrn1⟩\n⟨p2.l⟩|⟨p2.f⟩|⟨dob2.iso⟩|⟨mrn2⟩",
)
add("es", "export", "n",
    "referencia;producto;version;fecha_publicacion\n⟨=ord⟩;⟨=prod⟩;⟨=ver⟩;⟨=rel⟩\n⟨=ord⟩;⟨=kit⟩;⟨=ver⟩;⟨=rel⟩",
)
add("es", "email", "p",
    "Hola ⟨p2.f⟩:\n\n¿me puedes enviar el informe de ⟨p1.t⟩ ⟨p1.l⟩ (nacido/a el ⟨dob1⟩)? Su hijo ⟨pm3⟩ llama desde el ⟨ph1⟩.\n\nUn saludo,\n⟨p4⟩\n\nEl mar, 3 mar 2026 a las 10:12, ⟨p2⟩ (<⟨p2.em⟩>) escribió:\n> ¿Sigue ingresado ⟨p1.l⟩?",
    "Estimado/a ⟨p1.t⟩ ⟨p1.l⟩:\n\nen relación con el siniestro del ⟨d1⟩, necesitamos la factura. Su número de póliza es ⟨hp1⟩.\n\nAtentamente,\n⟨p2⟩",
)
add("es", "email", "n",
    "Buenos días equipo:\n\nla actualización a ⟨=prod⟩ será el ⟨=rel⟩. ⟨=dept⟩ cerrará por ⟨=hol⟩.\n\nSoporte TI (incidencia ⟨=tkt⟩)",
)
add("es", "banking", "p",
    "Cliente ⟨p1.LF⟩ reclama un cargo. IBAN ⟨iban1⟩. Beneficiario: ⟨p2⟩. DNI ⟨dni1⟩ verificado.",
    "Nota: ⟨p1⟩ cambia domicilio a ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Teléfono nuevo ⟨ph1⟩. Avalista: ⟨p2.sg⟩.",
)
add("es", "banking", "n",
    "Aviso: las tarjetas de ⟨=firm⟩ terminadas en ⟨=end4⟩ (lote ⟨=ord⟩) serán sustituidas. La oficina de ⟨=place⟩ cierra en ⟨=hol⟩.",
    "Condiciones v⟨=ver⟩: la ⟨=epol⟩ queda cubierta tras ⟨=n2⟩ días de carencia. Formato IBAN: ESkk BBBB SSSS CCCC CCCC CCCC.",
)
add("es", "chat", "p",
    "@⟨p2.f⟩ puedes mirar la analítica de ⟨p1.f⟩? ⟨p1.l⟩ cama ⟨=bed⟩",
    "⟨p1.f⟩ la mujer de ⟨p2.l⟩ volvió a llamar, ⟨ph1⟩, quiere hablar con alguien",
)
add("es", "chat", "n",
    "alguien sabe si ⟨=prod⟩ llega el ⟨=rel⟩? la impresora de ⟨=dept⟩ otra vez rota, incidencia ⟨=tkt⟩",
)
add("es", "table", "p",
    "Hab. | Paciente | Edad | Ingreso\n⟨=bed⟩ | ⟨p1.LF⟩ | ⟨=age⟩ | ⟨d1⟩\n⟨=bed⟩ | ⟨p2.LF⟩ | ⟨=age⟩ | ⟨d2⟩",
    "Turnos ⟨=dept⟩\nlunes: ⟨p1⟩ / ⟨p2⟩\nmartes: ⟨p3⟩ / ⟨p4⟩",
)
add("es", "table", "n",
    "Unidad | Camas | Libres | Responsable\n⟨=dept⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩\n⟨=place⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩",
)

# ===== Italian
add("it", "note", "p",
    "Lettera di dimissione\nPaziente: ⟨p1.t⟩ ⟨p1⟩, nato/a il ⟨dob1⟩, cartella ⟨mrn1⟩.\nRicovero il ⟨d1⟩, dimissione il ⟨d2⟩. ⟨p1.l⟩ ha tollerato ⟨=drug⟩. Informata la figlia ⟨pf2⟩ (⟨ph1⟩). Dott. ⟨p3⟩",
    "Consegne ⟨=time⟩: ⟨p1.f⟩ ha riposato. Il marito ⟨pm2.f⟩ ⟨pm2.l⟩ passerà domani. Residenza: ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Visto dallo specializzando ⟨p3.l⟩.",
)
add("it", "note", "n",
    "Riunione: ⟨=epol⟩, ⟨=scale⟩, posizionamento di ⟨=kit⟩ in terapia con ⟨=drug⟩. La ⟨=dept⟩ passa a ⟨=prod⟩ il ⟨=rel⟩. Rif. ⟨=tkt⟩.",
    "Protocollo v⟨=ver⟩: nel ⟨=epol⟩ rivalutare ⟨=drug⟩ ogni ⟨=n2⟩ giorni. In vigore dal ⟨=rel⟩; riferimento: ⟨=job⟩.",
)
add("it", "export", "p",
    "cognome,nome,data_nascita,telefono,cap\n⟨p1.l⟩,⟨p1.f⟩,⟨dob1⟩,⟨ph1⟩,⟨zip1⟩\n⟨p2.l⟩,⟨p2.f⟩,⟨dob2⟩,⟨ph2⟩,⟨zip2⟩",
    "{\"assicurato\":{\"cognome\":\"⟨p1.l⟩\",\"nome\":\"⟨p1.f⟩\",\"polizza\":\"⟨hp1⟩\",\"iban\":\"⟨iban1.c⟩\",\"nascita\":\"⟨dob1.iso⟩\"}}",
    "<paziente><nome>⟨p1.f⟩</nome><cognome>⟨p1.l⟩</cognome><dataNascita>⟨dob1.iso⟩</dataNascita><telefono>⟨ph1⟩</telefono></paziente>",
)
add("it", "export", "n",
    "codice;prodotto;versione;rilascio\n⟨=ord⟩;⟨=prod⟩;⟨=ver⟩;⟨=rel⟩\n⟨=ord⟩;⟨=kit⟩;⟨=ver⟩;⟨=rel⟩",
)
add("it", "email", "p",
    "Ciao ⟨p2.f⟩,\n\nmi mandi la lettera di ⟨p1.t⟩ ⟨p1.l⟩ (nato/a il ⟨dob1⟩)? La figlia ⟨pf3⟩ chiama dal ⟨ph1⟩.\n\nGrazie,\n⟨p4⟩\n\nIl giorno mar 3 mar 2026 alle ore 10:12 ⟨p2⟩ <⟨p2.em⟩> ha scritto:\n> ⟨p1.l⟩ è ancora in reparto?",
    "Gentile ⟨p1.t⟩ ⟨p1.l⟩,\n\nin merito al sinistro del ⟨d1⟩ le chiediamo la fattura. Numero di polizza: ⟨hp1⟩.\n\nCordiali saluti,\n⟨p2⟩",
)
add("it", "email", "n",
    "Buongiorno a tutti,\n\nl'aggiornamento a ⟨=prod⟩ è previsto per il ⟨=rel⟩. La ⟨=dept⟩ resterà chiusa a ⟨=hol⟩.\n\nSupporto IT (ticket ⟨=tkt⟩)",
)
add("it", "banking", "p",
    "Cliente ⟨p1.LF⟩ contesta un addebito. IBAN ⟨iban1⟩. Beneficiario: ⟨p2⟩. Data di nascita verificata: ⟨dob1⟩.",
    "Nota: ⟨p1⟩ si trasferisce in ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Nuovo numero ⟨ph1⟩. Cointestatario: ⟨p2.sg⟩.",
)
add("it", "banking", "n",
    "Avviso: le carte ⟨=firm⟩ che terminano con ⟨=end4⟩ (lotto ⟨=ord⟩) saranno sostituite. La filiale di ⟨=place⟩ chiude a ⟨=hol⟩.",
    "Condizioni v⟨=ver⟩: il ⟨=epol⟩ è coperto dopo ⟨=n2⟩ giorni di carenza. Formato IBAN: ITkk X BBBBB SSSSS CCCCCCCCCCCC.",
)
add("it", "chat", "p",
    "@⟨p2.f⟩ puoi guardare gli esami di ⟨p1.f⟩? ⟨p1.l⟩ letto ⟨=bed⟩",
    "⟨p1.f⟩ ha richiamato la moglie di ⟨p2.l⟩, ⟨ph1⟩, aspetta notizie",
)
add("it", "chat", "n",
    "qualcuno sa se ⟨=prod⟩ arriva il ⟨=rel⟩? stampante della ⟨=dept⟩ di nuovo guasta, ticket ⟨=tkt⟩",
)
add("it", "table", "p",
    "Letto | Paziente | Età | Ricovero\n⟨=bed⟩ | ⟨p1.LF⟩ | ⟨=age⟩ | ⟨d1⟩\n⟨=bed⟩ | ⟨p2.LF⟩ | ⟨=age⟩ | ⟨d2⟩",
    "Turni ⟨=dept⟩\nlunedì: ⟨p1⟩ / ⟨p2.sg⟩\nmartedì: ⟨p3⟩ / ⟨p4.sg⟩",
)
add("it", "table", "n",
    "Reparto | Letti | Liberi | Referente\n⟨=dept⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩\n⟨=place⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩",
)

# ===== Portuguese
add("pt", "note", "p",
    "Nota de alta\nDoente: ⟨p1.t⟩ ⟨p1⟩, data de nascimento ⟨dob1⟩, processo n.º ⟨mrn1⟩.\nInternamento a ⟨d1⟩, alta a ⟨d2⟩. ⟨p1.l⟩ tolerou ⟨=drug⟩. Informada a filha ⟨pf2⟩ (⟨ph1⟩). Dr.ª ⟨p3⟩",
    "Registo de enfermagem ⟨=time⟩: ⟨p1.f⟩ dormiu bem. O marido ⟨pm2.f⟩ visitou. Morada: ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Observado pelo interno ⟨p3.l⟩.",
)
add("pt", "note", "n",
    "Reunião clínica: ⟨=epol⟩, ⟨=scale⟩, colocação de ⟨=kit⟩ sob ⟨=drug⟩. A ⟨=dept⟩ muda para ⟨=prod⟩ a ⟨=rel⟩. Ref. ⟨=tkt⟩.",
    "Protocolo v⟨=ver⟩: na ⟨=epol⟩ reavaliar ⟨=drug⟩ a cada ⟨=n2⟩ dias. Em vigor a partir de ⟨=rel⟩; contactar ⟨=job⟩.",
)
add("pt", "export", "p",
    "apelido;nome;data_nasc;telemovel;codigo_postal\n⟨p1.l⟩;⟨p1.f⟩;⟨dob1⟩;⟨ph1⟩;⟨zip1⟩\n⟨p2.l⟩;⟨p2.f⟩;⟨dob2⟩;⟨ph2⟩;⟨zip2⟩",
    "{\"utente\":{\"nome\":\"⟨p1⟩\",\"numeroUtente\":\"⟨hp1⟩\",\"nascimento\":\"⟨dob1.iso⟩\",\"iban\":\"⟨iban1.c⟩\",\"email\":\"⟨p1.em⟩\"}}",
    "⟨p1.sg⟩\t⟨dob1⟩\t⟨mrn1⟩\n⟨p2.sg⟩\t⟨dob2⟩\t⟨mrn2⟩",
)
add("pt", "export", "n",
    "referencia;produto;versao;lancamento\n⟨=ord⟩;⟨=prod⟩;⟨=ver⟩;⟨=rel⟩\n⟨=ord⟩;⟨=kit⟩;⟨=ver⟩;⟨=rel⟩",
)
add("pt", "email", "p",
    "Olá ⟨p2.f⟩,\n\npodes enviar-me a nota de alta de ⟨p1.t⟩ ⟨p1.l⟩ (nascido/a a ⟨dob1⟩)? A filha ⟨pf3⟩ liga do ⟨ph1⟩.\n\nObrigado,\n⟨p4⟩\n\nEm ter., 3 de mar. de 2026 às 10:12, ⟨p2⟩ <⟨p2.em⟩> escreveu:\n> O ⟨p1.l⟩ ainda está internado?",
    "Exmo.(a) ⟨p1.t⟩ ⟨p1.l⟩,\n\nrelativamente ao sinistro de ⟨d1⟩, solicitamos a fatura. Número de apólice: ⟨hp1⟩.\n\nCom os melhores cumprimentos,\n⟨p2⟩",
)
add("pt", "email", "n",
    "Bom dia a todos,\n\na atualização para ⟨=prod⟩ está prevista para ⟨=rel⟩. A ⟨=dept⟩ fecha durante ⟨=hol⟩.\n\nApoio informático (pedido ⟨=tkt⟩)",
)
add("pt", "banking", "p",
    "Cliente ⟨p1.LF⟩ contesta um débito. IBAN ⟨iban1⟩. Beneficiário: ⟨p2⟩. Data de nascimento confirmada: ⟨dob1⟩.",
    "Nota: ⟨p1⟩ mudou-se para ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Novo contacto ⟨ph1⟩. Fiador: ⟨p2.sg⟩.",
)
add("pt", "banking", "n",
    "Aviso: os cartões ⟨=firm⟩ terminados em ⟨=end4⟩ (lote ⟨=ord⟩) serão substituídos. O balcão de ⟨=place⟩ fecha n⟨=hol⟩.",
    "Condições v⟨=ver⟩: a ⟨=epol⟩ fica coberta após ⟨=n2⟩ dias de carência. Formato IBAN: PTkk BBBB SSSS CCCC CCCC CCCK K.",
)
add("pt", "chat", "p",
    "@⟨p2.f⟩ consegues ver as análises da ⟨p1.f⟩? ⟨p1.l⟩ cama ⟨=bed⟩",
    "⟨p1.f⟩ a mulher do ⟨p2.l⟩ voltou a ligar, ⟨ph1⟩, quer falar com alguém",
)
add("pt", "chat", "n",
    "alguém sabe se o ⟨=prod⟩ chega a ⟨=rel⟩? a impressora da ⟨=dept⟩ avariou outra vez, pedido ⟨=tkt⟩",
)
add("pt", "table", "p",
    "Cama | Doente | Idade | Entrada\n⟨=bed⟩ | ⟨p1.LF⟩ | ⟨=age⟩ | ⟨d1⟩\n⟨=bed⟩ | ⟨p2.LF⟩ | ⟨=age⟩ | ⟨d2⟩",
    "Escala ⟨=dept⟩\nsegunda: ⟨p1⟩ / ⟨p2⟩\nterça: ⟨p3⟩ / ⟨p4⟩",
)
add("pt", "table", "n",
    "Serviço | Camas | Livres | Responsável\n⟨=dept⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩\n⟨=place⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩",
)

# ===== Dutch
add("nl", "note", "p",
    "Ontslagbrief\nPatiënt: ⟨p1.t⟩ ⟨p1⟩, geboren ⟨dob1⟩, patiëntnummer ⟨mrn1⟩, BSN ⟨bsn1⟩.\nOpname ⟨d1⟩, ontslag ⟨d2⟩. ⟨p1.l⟩ verdroeg ⟨=drug⟩ goed. Dochter ⟨pf2⟩ geïnformeerd (⟨ph1⟩). Dr. ⟨p3⟩",
    "Verpleegrapportage ⟨=time⟩: ⟨p1.f⟩ heeft goed geslapen. Echtgenoot ⟨pm2.f⟩ komt morgen. Adres: ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Gezien door arts-assistent ⟨p3.l⟩.",
)
add("nl", "note", "n",
    "Refereeravond: ⟨=epol⟩, ⟨=scale⟩, plaatsing ⟨=kit⟩ bij ⟨=drug⟩. ⟨=dept⟩ gaat op ⟨=rel⟩ over naar ⟨=prod⟩. Ref. ⟨=tkt⟩.",
    "Protocol v⟨=ver⟩: bij ⟨=epol⟩ ⟨=drug⟩ elke ⟨=n2⟩ dagen evalueren. Geldig vanaf ⟨=rel⟩; vragen aan de ⟨=job⟩.",
)
add("nl", "export", "p",
    "achternaam;voornaam;geboortedatum;telefoon;postcode\n⟨p1.l⟩;⟨p1.f⟩;⟨dob1⟩;⟨ph1⟩;⟨zip1⟩\n⟨p2.l⟩;⟨p2.f⟩;⟨dob2⟩;⟨ph2⟩;⟨zip2⟩",
    "{\"verzekerde\":{\"naam\":\"⟨p1⟩\",\"polisnummer\":\"⟨hp1⟩\",\"bsn\":\"⟨bsn1⟩\",\"iban\":\"⟨iban1.c⟩\"}}",
    "PID|1||⟨mrn1⟩^^^ZKH^MR||⟨p1.hl7⟩||⟨dob1.hl7⟩\nNK1|1|⟨p2.hl7⟩|DOCHTER|||⟨ph1⟩",
)
add("nl", "export", "n",
    "artikel;versie;release;aantal\n⟨=kit⟩;⟨=ver⟩;⟨=rel⟩;⟨=n2⟩\n⟨=prod⟩;⟨=ver⟩;⟨=rel⟩;⟨=n2⟩",
)
add("nl", "email", "p",
    "Hoi ⟨p2.f⟩,\n\nkun je de brief van ⟨p1.t⟩ ⟨p1.l⟩ (geboren ⟨dob1⟩) sturen? Dochter ⟨pf3⟩ is bereikbaar op ⟨ph1⟩.\n\nGroet,\n⟨p4⟩\n\nOp di 3 mrt 2026 om 10:12 schreef ⟨p2⟩ <⟨p2.em⟩>:\n> Ligt ⟨p1.l⟩ nog op de afdeling?",
    "Geachte ⟨p1.t⟩ ⟨p1.l⟩,\n\nnaar aanleiding van uw schademelding van ⟨d1⟩ ontvangen wij graag de factuur. Uw polisnummer is ⟨hp1⟩.\n\nMet vriendelijke groet,\n⟨p2⟩",
)
add("nl", "email", "n",
    "Goedemorgen team,\n\nde update naar ⟨=prod⟩ staat gepland voor ⟨=rel⟩. ⟨=dept⟩ is gesloten op ⟨=hol⟩.\n\nServicedesk (melding ⟨=tkt⟩)",
)
add("nl", "banking", "p",
    "Klant ⟨p1.LF⟩ betwist een afschrijving. IBAN ⟨iban1⟩. Begunstigde: ⟨p2⟩. Geboortedatum gecontroleerd: ⟨dob1⟩.",
    "Notitie: ⟨p1⟩ verhuist naar ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Nieuw nummer ⟨ph1⟩. Medeaanvrager: ⟨p2.sg⟩.",
)
add("nl", "banking", "n",
    "Let op: passen van ⟨=firm⟩ eindigend op ⟨=end4⟩ (batch ⟨=ord⟩) worden vervangen. Het kantoor in ⟨=place⟩ is dicht op ⟨=hol⟩.",
    "Voorwaarden v⟨=ver⟩: ⟨=epol⟩ is gedekt na ⟨=n2⟩ dagen wachttijd. IBAN-formaat: NLkk BBBB CCCC CCCC CC.",
)
add("nl", "chat", "p",
    "@⟨p2.f⟩ kun je het lab van ⟨p1.f⟩ checken? ⟨p1.l⟩ bed ⟨=bed⟩",
    "⟨p1.f⟩ de vrouw van ⟨p2.l⟩ belde weer, ⟨ph1⟩, wil teruggebeld worden",
)
add("nl", "chat", "n",
    "weet iemand of ⟨=prod⟩ op ⟨=rel⟩ komt? printer op ⟨=dept⟩ weer stuk, melding ⟨=tkt⟩",
)
add("nl", "table", "p",
    "Bed | Naam | Leeftijd | Opname\n⟨=bed⟩ | ⟨p1.LF⟩ | ⟨=age⟩ | ⟨d1⟩\n⟨=bed⟩ | ⟨p2.LF⟩ | ⟨=age⟩ | ⟨d2⟩",
    "Rooster ⟨=dept⟩\nma: ⟨p1⟩ / ⟨p2⟩\ndi: ⟨p3⟩ / ⟨p4⟩",
)
add("nl", "table", "n",
    "Afdeling | Bedden | Vrij | Leiding\n⟨=dept⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩\n⟨=place⟩ | ⟨=n2⟩ | ⟨=n2⟩ | ⟨=job⟩",
)


# ---------------------------------------------------------------- build and check
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[A-Za-z][\w.-]*")
DIGRUN_RE = re.compile(r"\d(?:[ -]?\d){12,}")
NEG_N = {"en": 175, "de": 30, "fr": 29, "es": 29, "it": 29, "pt": 29, "nl": 29}


def outside_text(text, spans):
    b = text.encode("utf-8")
    out, last = [], 0
    for s in spans:
        out.append(b[last:s["start"]])
        out.append(b"\xc2\xa7")  # section sign as a barrier
        last = s["end"]
    out.append(b[last:])
    return b"".join(out).decode("utf-8")


def bad_outside(text):
    if EMAIL_RE.search(text):
        return "email"
    for m in DIGRUN_RE.finditer(text):
        d = re.sub(r"[ -]", "", m.group(0))
        for L in range(13, 20):
            for i in range(0, len(d) - L + 1):
                if luhn_ok(d[i:i + L]):
                    return "luhn"
    return None


def check_value(label, v):
    c = v.replace(" ", "").replace("-", "")
    if label == "CREDIT_CARD":
        assert luhn_ok(c) and 13 <= len(c) <= 19, v
    elif label == "IBAN":
        assert iban_ok(v), v
    elif label == "US_SSN":
        assert ssn_ok(v), v
    elif label == "US_BANK_ROUTING":
        assert aba_ok(v), v
    elif label == "UK_NHS":
        assert nhs_ok(v), v
    elif label == "NL_BSN":
        assert bsn_ok(v), v
    elif label == "ES_DNI":
        assert DNI_L[int(v[:8]) % 23] == v[8].upper(), v
    elif label == "FR_NIR":
        assert nir_ok(v), v
    elif label == "NPI":
        assert luhn_ok("80840" + v), v


def check_record(r):
    text, spans = r["text"], r["spans"]
    b = text.encode("utf-8")
    assert "⟨" not in text and "«" not in text and "¦" not in text, text
    last = 0
    for s in spans:
        assert s["entity"] in LABELS
        assert s["start"] >= last and s["end"] > s["start"], r
        seg = b[s["start"]:s["end"]].decode("utf-8")
        assert seg == s["_v"], (seg, s)
        assert seg == seg.strip() and seg, r
        check_value(s["entity"], seg)
        last = s["end"]
    if r["pol"] == "n":
        assert not spans
    else:
        assert spans
    return bad_outside(outside_text(text, spans))


def build():
    rng = random.Random(SEED)
    pools = defaultdict(list)
    for lang, sl, pol, t in T:
        pools[(lang, sl, pol)].append(t)
    cursor = {k: rng.randrange(len(v)) for k, v in sorted(pools.items())}
    recs, texts, redraws = [], set(), Counter()
    for lang in LANG_N:
        n, neg = LANG_N[lang], NEG_N[lang]
        pols = ["n"] * neg + ["p"] * (n - neg)
        rng.shuffle(pols)
        for i in range(n):
            sl, pol = SLICES[i % 6], pols[i]
            key = (lang, sl, pol)
            while True:
                tpl = pools[key][cursor[key] % len(pools[key])]
                cursor[key] += 1
                lower = sl == "chat" and rng.random() < 0.6
                text, spans = render(tpl, lang, rng, lower)
                r = {"lang": lang, "slice": sl, "pol": pol, "text": text, "spans": spans}
                why = check_record(r)
                if why is None and text in texts:
                    why = "duplicate"
                if why is None:
                    break
                redraws[why] += 1
            texts.add(text)
            recs.append(r)
    rng.shuffle(recs)
    lines = []
    for i, r in enumerate(recs, 1):
        o = {"id": "dev6-%04d" % i, "lang": r["lang"], "slice": r["slice"], "text": r["text"],
             "spans": [{"entity": s["entity"], "start": s["start"], "end": s["end"]} for s in r["spans"]]}
        lines.append(json.dumps(o, ensure_ascii=False))
    return recs, "\n".join(lines) + "\n", redraws


def stats(recs, redraws):
    tc = Counter((l, p) for l, s, p, t in T)
    print("templates: %d (%s)" % (len(T), ", ".join("%s %d+%d" % (l, tc[(l, "p")], tc[(l, "n")]) for l in LANG_N)))
    print("\n| lang | positive | negative | total |\n|---|---:|---:|---:|")
    for l in LANG_N:
        p = sum(1 for r in recs if r["lang"] == l and r["pol"] == "p")
        n = sum(1 for r in recs if r["lang"] == l and r["pol"] == "n")
        print("| %s | %d | %d | %d |" % (l, p, n, p + n))
    P = sum(1 for r in recs if r["pol"] == "p")
    print("| **all** | %d | %d | %d |" % (P, len(recs) - P, len(recs)))
    print("\n| slice | positive | negative | total |\n|---|---:|---:|---:|")
    for s in SLICES:
        p = sum(1 for r in recs if r["slice"] == s and r["pol"] == "p")
        n = sum(1 for r in recs if r["slice"] == s and r["pol"] == "n")
        print("| %s | %d | %d | %d |" % (s, p, n, p + n))
    ec, er, el = Counter(), Counter(), defaultdict(Counter)
    for r in recs:
        seen = set()
        for s in r["spans"]:
            ec[s["entity"]] += 1
            el[s["entity"]][r["lang"]] += 1
            seen.add(s["entity"])
        for e in seen:
            er[e] += 1
    print("\n| entity | spans | records | " + " | ".join(LANG_N) + " |\n|---|---:|---:|" + "---:|" * len(LANG_N))
    for e, c in ec.most_common():
        print("| %s | %d | %d | %s |" % (e, c, er[e], " | ".join(str(el[e][l]) for l in LANG_N)))
    print("| **all** | %d | %d | %s |" % (sum(ec.values()), P, " | ".join(str(sum(el[e][l] for e in el)) for l in LANG_N)))
    low = sum(1 for r in recs if r["text"] == r["text"].lower())
    nonascii = sum(1 for r in recs if not r["text"].isascii())
    print("\nall-lower-case records: %d; records with non-ASCII text: %d" % (low, nonascii))
    print("re-draws: %s" % dict(sorted(redraws.items())))


def main():
    recs, out, redraws = build()
    recs2, out2, _ = build()
    assert out == out2, "non-deterministic build"
    ids = [json.loads(l)["id"] for l in out.splitlines()]
    assert len(set(ids)) == len(ids) == sum(LANG_N.values())
    assert len({r["text"] for r in recs}) == len(recs)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev6.jsonl")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(out)
    if "--stats" in sys.argv:
        stats(recs, redraws)


if __name__ == "__main__":
    main()

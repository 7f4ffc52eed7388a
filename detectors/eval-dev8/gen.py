#!/usr/bin/env python3
"""eval-dev8: speech-to-text (ASR) transcripts. Python 3 stdlib only.

python3 gen.py          # writes dev8.jsonl (deterministic)
python3 gen.py --stats  # also prints counts
"""
import json, random, re, sys

SEED = 20261208
LANGS = {"en": 300, "de": 50, "fr": 50, "es": 50, "it": 50, "pt": 50, "nl": 50}
SLICES = ["asr_call", "voicemail", "dictation", "ivr"]
NEG_SHARE = 0.35
KINDS = {"PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN", "US_BANK_ROUTING",
         "SWIFT_BIC", "ACCOUNT_NUMBER", "IP_ADDRESS", "URL", "DATE", "STREET_ADDRESS",
         "ZIP_CODE", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "NPI", "DEA_NUMBER",
         "ICD10_CODE", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NHS", "UK_NINO", "DE_TAX_ID",
         "FR_NIR", "ES_DNI", "IT_FISCAL_CODE", "NL_BSN", "VEHICLE_ID", "DEVICE_ID", "API_KEY"}

# ---------------------------------------------------------------- names (hand-written)
GIVEN = """Adebayo Chiamaka Kwabena Ama Ousmane Aminata Wanjiru Otieno Abebe Selamawit Hodan
Nomvula Thandiwe Tendai Lerato Kagiso Murugan Lakshmi Anjali Harpreet Sanjeewa Prakash
Aigerim Nurlan Dilnoza Bolat Oyunchimeg Thanh Nguyet Marisol Rizal Wayan Kittipong
Somchai Thiri Xiaoling Haruto Yui Minseo Jae-won Sione Malia Tama Kealoha Ahiga Nayeli
Quilla Ayelen Huaman Sigrún Þórhildur Eero Liisa Kārlis Rūta Dragana Miloš Ilinka
Besnik Ioana Eleftheria Anahit Levan Oksana Bogusław Zdeňka Zsófia Yusuf Layla Farzaneh
Şebnem Emre Siobhán Ruairí Eilidh Gwenllian Iñaki Montserrat Ximena Joaquim Gonçalo
Benedita Nunzia Ottavio Guendalina Anouk Sjoerd Femke Wubbe Hiltrud Jörg Ottilie Gaëlle
Aurélien Maëlys Blessing Precious Patience Dawn Faith Marie-Claire Jean-Baptiste
Fatima-Zahra Ana-María Osagie Chukwuemeka Folasade Mthunzi Pita Ngaio Keahi Inuk Áilu""".split()
SURN = """Okonkwo Adeyemi Mensah Diallo Ndiaye Kamau Odhiambo Tesfaye Haile Warsame Dlamini
Mokoena Chikwanha Subramaniam Nair Chatterjee Dhillon Perera Shrestha Nurmagambetov
Abdullaev Rahimov Batbayar Nguyen Tran Phạm Dela Cruz Santoso Suryawan Chaiyaporn
Phommavong Aung Zhang Takahashi Kobayashi Park Fifita Tuilagi Ngata Kahananui Begay
Yazzie Quispe Mamani Huenchumil Sigurðardóttir Virtanen Tamm Bērziņš Petrauskas
Jovanović Kovačević Hadžić Stojanovski Dimitrova Hoxha Popescu Papadopoulou Hakobyan
Beridze Shevchenko Wiśniewski Dvořák Szabó Al-Hashimi El Idrissi Abou-Jaoude Tehrani
Yılmaz Ní Bhriain O'Sullivan MacLeòid ap Rhys Etxeberria Ferrer i Soler Machado
Guimarães D'Alessandro Dell'Orto Lo Bue Lefebvre Beaumarchais Müller-Lüdenscheidt
Kühnel van 't Hof ter Horst van der Berg Hoekstra Cardinal Hope Okafor Nwachukwu
Rakotomalala Ravelojaona Kealamakia Oyelaran Zwane Mukherjee Castellanos Villalobos""".split("\n")
# multi-word surnames are written with a real space; split on two spaces not possible, so:
SURN = re.findall(r"Dela Cruz|El Idrissi|Ní Bhriain|ap Rhys|Ferrer i Soler|Lo Bue|van 't Hof|ter Horst|van der Berg|[^\s]+",
                  " ".join(SURN))

# ---------------------------------------------------------------- number words
EN1 = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
EN10 = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
DE1 = "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn".split()
DE10 = "_ _ zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split()
FR1 = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split()
FR10 = "_ _ vingt trente quarante cinquante soixante".split()
ES1 = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete "
       "dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve").split()
ES10 = "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
IT1 = "zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove".split()
IT10 = "_ _ venti trenta quaranta cinquanta sessanta settanta ottanta novanta".split()
PT1 = "zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezasseis dezassete dezoito dezanove".split()
PT10 = "_ _ vinte trinta quarenta cinquenta sessenta setenta oitenta noventa".split()
NL1 = "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien".split()
NL10 = "_ _ twintig dertig veertig vijftig zestig zeventig tachtig negentig".split()


def n2w(n, lang):
    t, u = divmod(n, 10)
    if lang == "en":
        return EN1[n] if n < 20 else EN10[t] + ("" if u == 0 else " " + EN1[u])
    if lang == "de":
        if n < 20: return DE1[n]
        return DE10[t] if u == 0 else ("ein" if u == 1 else DE1[u]) + "und" + DE10[t]
    if lang == "fr":
        if n < 20: return FR1[n]
        if n < 70: return FR10[t] + ("" if u == 0 else " et un" if u == 1 else "-" + FR1[u])
        if n < 80: return "soixante" + (" et onze" if n == 71 else "-" + FR1[n - 60])
        if n == 80: return "quatre-vingts"
        return "quatre-vingt-" + FR1[n - 80]
    if lang == "es":
        return ES1[n] if n < 30 else ES10[t] + ("" if u == 0 else " y " + ES1[u])
    if lang == "it":
        if n < 20: return IT1[n]
        ten = IT10[t][:-1] if u in (1, 8) else IT10[t]
        return ten + ("" if u == 0 else "tré" if u == 3 else IT1[u])
    if lang == "pt":
        return PT1[n] if n < 20 else PT10[t] + ("" if u == 0 else " e " + PT1[u])
    if lang == "nl":
        if n < 20: return NL1[n]
        return NL10[t] if u == 0 else NL1[u] + ("ën" if u in (2, 3) else "en") + NL10[t]


DIGW = {l: [n2w(i, l) for i in range(10)] for l in LANGS}
DIGW["de"][2] = "zwo"  # how German callers say digits
UH = {"en": ["uh", "um", "er"], "de": ["äh", "ähm", "öh"], "fr": ["euh", "heu"], "es": ["eh", "em", "este"],
      "it": ["ehm", "eh", "cioè"], "pt": ["é", "hum", "ahn"], "nl": ["uh", "eh", "ehm"]}
SORRY = {"en": ["no sorry", "sorry", "no wait", "i mean"], "de": ["nein sorry", "äh nein", "Entschuldigung"],
         "fr": ["non pardon", "pardon", "euh non"], "es": ["no perdón", "perdón", "digo"],
         "it": ["no scusi", "scusi", "cioè"], "pt": ["não desculpe", "desculpe", "aliás"],
         "nl": ["nee sorry", "sorry", "nee wacht"]}


def say_digits(R, digits, lang, groups=None, corr=True, pairs=True):
    """Speak a digit string: words and numerals mixed, groups, doubles, 'oh', pairs,
    fillers and self-corrections inside. Returns text that starts and ends on a digit token."""
    if groups is None:
        groups, i = [], 0
        while i < len(digits):
            k = R.choice([2, 3, 3, 4])
            groups.append(digits[i:i + k]); i += k
    mode = R.random()  # share of numerals
    num_share = R.choice([0.0, 0.0, 0.15, 0.3, 0.5])
    out = []
    for gi, g in enumerate(groups):
        toks, j = [], 0
        while j < len(g):
            d = g[j]
            if lang == "en" and j + 2 < len(g) and g[j] == g[j + 1] == g[j + 2] and R.random() < 0.6:
                toks.append("triple " + DIGW["en"][int(d)]); j += 3; continue
            if lang == "en" and j + 1 < len(g) and g[j] == g[j + 1] and R.random() < 0.5:
                toks.append("double " + ("oh" if d == "0" and R.random() < .5 else DIGW["en"][int(d)])); j += 2; continue
            if pairs and len(g) in (2, 4) and j % 2 == 0 and j + 1 < len(g) and d != "0" and R.random() < (0.7 if lang == "fr" else 0.25):
                toks.append(g[j:j + 2] if R.random() < num_share else n2w(int(g[j:j + 2]), lang)); j += 2; continue
            if R.random() < num_share:
                toks.append(d)
            elif lang == "en" and d == "0" and R.random() < 0.4:
                toks.append("oh")
            else:
                toks.append(DIGW[lang][int(d)])
            j += 1
        out.append(" ".join(toks))
        if mode < 0.2 and gi < len(groups) - 1:
            out[-1] += ","
        if gi < len(groups) - 1:
            x = R.random()
            if corr and x < 0.07:
                wrong = "".join(R.choice("0123456789") for _ in g)
                if wrong != g:
                    out[-1] = " ".join(DIGW[lang][int(c)] for c in wrong) + " " + R.choice(SORRY[lang]) + " " + out[-1]
            elif x < 0.15:
                out.append(R.choice(UH[lang]))
    return " ".join(out)


def spell(R, word, lang):
    letters = [c for c in word.lower() if c.isalpha()]
    out = []
    nato = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "k": "kilo", "m": "mike", "s": "sierra", "t": "tango", "p": "papa", "n": "november", "f": "foxtrot", "v": "victor"}
    for c in letters:
        if lang == "en" and c in nato and R.random() < 0.2:
            out.append(c + R.choice([" for ", " as in "]) + nato[c])
        else:
            out.append(c)
    return " ".join(out)


# ---------------------------------------------------------------- check digits
def luhn_ok(s):
    t = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2: d = d * 2 - 9 if d > 4 else d * 2
        t += d
    return t % 10 == 0


def luhn_complete(R, prefix, length):
    while True:
        body = prefix + "".join(R.choice("0123456789") for _ in range(length - len(prefix) - 1))
        for c in "0123456789":
            if luhn_ok(body + c) and len(set(body + c)) > 3:
                return body + c


def card(R):
    k = R.random()
    if k < 0.5: return luhn_complete(R, "4" + R.choice("0123456789"), 16)
    if k < 0.8: return luhn_complete(R, "5" + R.choice("12345"), 16)
    return luhn_complete(R, "3" + R.choice("47"), 15)


def ssn(R):
    while True:
        a = R.randint(1, 899)
        if a == 666: continue
        s = "%03d%02d%04d" % (a, R.randint(1, 99), R.randint(1, 9999))
        if s not in ("078051120", "219099999", "123456789"): return s


def nhs(R):
    while True:
        d = [R.randint(0, 9) for _ in range(9)]
        if d[0] == 0: continue
        c = 11 - sum(x * w for x, w in zip(d, range(10, 1, -1))) % 11
        if c == 11: c = 0
        if c == 10: continue
        return "".join(map(str, d)) + str(c)


def nhs_ok(s):
    d = list(map(int, s)); c = 11 - sum(x * w for x, w in zip(d, range(10, 1, -1))) % 11
    return (0 if c == 11 else c) == d[9]


def aba_ok(s):
    d = list(map(int, s))
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def routing(R):
    while True:
        p = R.choice(["0%d" % R.randint(1, 9), str(R.randint(10, 12)), str(R.randint(21, 32))])
        s = p + "".join(R.choice("0123456789") for _ in range(6))
        for c in "0123456789":
            if aba_ok(s + c): return s + c


IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "NL": 18}


def iban_ok(s):
    x = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in x)) % 97 == 1


def iban(R, cc):
    n = IBAN_LEN[cc] - 4
    if cc == "NL": bban = "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXZ") for _ in range(4)) + "".join(R.choice("0123456789") for _ in range(10))
    elif cc == "IT": bban = R.choice("ABCDEFGHJKLMNPRSTUVWXZ") + "".join(R.choice("0123456789") for _ in range(n - 1))
    else: bban = "".join(R.choice("0123456789") for _ in range(n))
    num = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
    s = cc + "%02d" % (98 - num % 97) + bban
    assert iban_ok(s)
    return s


def say_iban(R, s, lang):
    letters = {"en": None}
    parts = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isalpha():
            parts.append(c.lower()); i += 1
        else:
            j = i
            while j < len(s) and s[j].isdigit() and j - i < 4: j += 1
            parts.append(say_digits(R, s[i:j], lang, groups=[s[i:j]], corr=False)); i = j
    return " ".join(parts)


# ---------------------------------------------------------------- dates
MON = {"en": "january february march april may june july august september october november december",
       "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
       "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
       "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
       "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
       "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
       "nl": "januari februari maart april mei juni juli augustus september oktober november december"}
MON = {k: v.split() for k, v in MON.items()}
EN_ORD = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth"}


def en_ord(n):
    if n in EN_ORD: return EN_ORD[n]
    if n < 20: return EN1[n] + "th"
    t, u = divmod(n, 10)
    if u == 0: return EN10[t][:-1] + "ieth"
    return EN10[t] + " " + en_ord(u)


def suf(n):
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def year_words(y, lang):
    c, yy = divmod(y, 100)
    if lang == "en":
        if c == 19: return "nineteen " + ("oh " + EN1[yy] if yy < 10 else n2w(yy, "en")) if yy else "nineteen hundred"
        return "two thousand" + ("" if yy == 0 else " and " + n2w(yy, "en") if yy < 10 else " " + n2w(yy, "en")) if yy < 10 or yy % 3 else "twenty " + n2w(yy, "en")
    if lang == "de":
        return ("neunzehnhundert" if c == 19 else "zweitausend") + ("" if yy == 0 else n2w(yy, "de"))
    if lang == "fr":
        return ("mille neuf cent" if c == 19 else "deux mille") + ("" if yy == 0 else " " + n2w(yy, "fr"))
    if lang == "es":
        return ("mil novecientos" if c == 19 else "dos mil") + ("" if yy == 0 else " " + n2w(yy, "es"))
    if lang == "pt":
        return ("mil novecentos" if c == 19 else "dois mil") + ("" if yy == 0 else " e " + n2w(yy, "pt"))
    if lang == "nl":
        return ("negentien" if c == 19 else "tweeduizend") + ("" if yy == 0 else " " + n2w(yy, "nl"))
    return str(y)


def say_date(R, lang, birth=True):
    y = R.randint(1931, 2008) if birth else R.choice([2025, 2026])
    m = R.randint(1, 12); d = R.randint(1, 28)
    mn = MON[lang][m - 1]
    k = R.random()
    if lang == "en":
        if k < 0.25: return "%s %s %s" % (mn, en_ord(d), year_words(y, "en"))
        if k < 0.4: return "%d%s of %s %d" % (d, suf(d), mn, y)
        if k < 0.55 and birth: return say_digits(R, "%02d%02d" % (m, d), "en", groups=["%02d" % m, "%02d" % d], corr=False, pairs=False) + " " + n2w(y % 100, "en") if y % 100 >= 10 else "%s %d %d" % (mn, d, y)
        if k < 0.7: return "%s of %s %s" % (en_ord(d), mn, year_words(y, "en"))
        if k < 0.85: return "%s %d%s %d" % (mn, d, suf(d), y)
        return "%s %s %s" % (mn, n2w(d, "en"), year_words(y, "en")) if not birth else "%02d %02d %d" % (m, d, y)
    word_day = {"de": lambda n: {1: "ers", 3: "drit", 7: "sieb", 8: "ach"}.get(n, n2w(n, "de")) + ("ter" if n < 20 else "ster"),
                "fr": lambda n: "premier" if n == 1 else n2w(n, "fr")}
    if k < 0.35:
        fmt = {"de": "%d. %s %d", "fr": "%d %s %d", "es": "%d de %s de %d", "it": "%d %s %d", "pt": "%d de %s de %d", "nl": "%d %s %d"}[lang]
        return fmt % (d, mn, y)
    if k < 0.75:
        dw = word_day.get(lang, lambda n: n2w(n, lang))(d)
        if lang == "it" and d == 1: dw = "primo"
        if lang == "es" and d == 1: dw = R.choice(["uno", "primero"])
        fmt = {"de": "%s %s %s", "fr": "%s %s %s", "es": "%s de %s de %s", "it": "%s %s %s", "pt": "%s de %s de %s", "nl": "%s %s %s"}[lang]
        yw = year_words(y, lang) if R.random() < 0.6 else str(y)
        return fmt % (dw, mn.lower() if R.random() < .5 else mn, yw)
    return say_digits(R, "%02d%02d" % (d, m), lang, groups=["%02d" % d, "%02d" % m], corr=False, pairs=False) + " " + (str(y) if R.random() < .5 else year_words(y, lang))


# ---------------------------------------------------------------- other values
STREETS = {"en": ["oak street", "maple avenue", "cedar lane", "harefield road", "willow court", "ridgeview drive", "mill lane", "juniper way", "kingfisher close", "quarry hill road"],
           "de": ["Lindenstraße", "Am Mühlbach", "Kastanienweg", "Bergstraße", "Talweg"],
           "fr": ["rue des Lilas", "avenue Jean Jaurès", "chemin des Vignes", "rue du Moulin", "impasse des Tilleuls"],
           "es": ["calle del Pez", "avenida de los Olmos", "calle Mayor", "paseo de la Ribera", "calle de la Luna"],
           "it": ["via dei Mille", "via Garibaldi", "viale dei Tigli", "via della Pace", "vicolo del Pozzo"],
           "pt": ["rua das Flores", "avenida da Liberdade", "travessa do Carmo", "rua do Sol", "largo da Fonte"],
           "nl": ["Kerkstraat", "Lindenlaan", "Molenweg", "Prinsengracht", "Dorpsstraat"]}
APT = {"en": ["apartment", "apt", "unit", "flat"], "de": ["Wohnung"], "fr": ["appartement", "bâtiment"], "es": ["piso"], "it": ["interno", "scala"], "pt": ["andar"], "nl": ["huis"]}


def address(R, lang):
    n = R.randint(2, 240)
    nw = n2w(n, lang) if n < 100 and R.random() < 0.6 else (EN1[n // 100] + " " + n2w(n % 100, "en") if lang == "en" and n >= 100 and n % 100 >= 10 and R.random() < .6 else str(n))
    st = R.choice(STREETS[lang])
    if lang == "en":
        s = "%s %s" % (nw, st)
        if R.random() < 0.4: s += " %s %s %s" % (R.choice(APT["en"]), n2w(R.randint(1, 12), "en"), R.choice("abcd"))
        return s
    if lang in ("fr",):
        return "%s %s" % (nw, st)
    s = "%s %s" % (st, nw)
    if lang == "es" and R.random() < .5: s += ", %s %s" % (n2w(R.randint(1, 9), "es"), R.choice(["izquierda", "derecha", "b"]))
    if lang == "pt" and R.random() < .5: s += ", %s %s" % (R.choice(["terceiro", "segundo", "primeiro"]), R.choice(["esquerdo", "direito"]))
    return s


def zipcode(R, lang):
    if lang == "en":
        if R.random() < 0.65:
            z = "%05d" % R.randint(1001, 99899)
            return say_digits(R, z, "en", groups=[z], corr=False, pairs=False)
        a = R.choice(["ls", "cf", "bs", "ng", "ex", "m", "sw", "e"]) 
        return "%s %s %s %s" % (" ".join(a), R.choice(EN1[1:10]), R.choice(EN1[1:10]), " ".join(R.sample("abdehjlnpqrstuwxyz", 2)))
    if lang == "pt":
        z = "%04d%03d" % (R.randint(1000, 9999), R.randint(0, 999))
        return say_digits(R, z, "pt", groups=[z[:4], z[4:]], corr=False)
    if lang == "nl":
        return "%s %s %s" % (R.randint(1000, 9999), R.choice("abcdefghjklmnprstvwxz"), R.choice("abcdefghjklmnprstvwxz"))
    z = "%05d" % R.randint(1000, 98999)
    return say_digits(R, z, lang, groups=[z], corr=False) if R.random() < .6 else z


PHONE_PFX = {"en": lambda R: R.choice(["%03d5550%03d" % (R.randint(201, 989), R.randint(100, 199)), "07700900%03d" % R.randint(0, 999)]),
             "de": lambda R: "01%02d%07d" % (R.choice([51, 52, 60, 62, 70, 76]), R.randint(0, 9999999)),
             "fr": lambda R: "0%d%08d" % (R.choice([6, 7]), R.randint(0, 99999999)),
             "es": lambda R: "6%08d" % R.randint(0, 99999999),
             "it": lambda R: "3%d%08d" % (R.randint(20, 49) % 10, R.randint(0, 99999999)),
             "pt": lambda R: "9%d%07d" % (R.choice([1, 2, 3, 6]), R.randint(0, 9999999)),
             "nl": lambda R: "06%08d" % R.randint(0, 99999999)}


def phone(R, lang):
    p = PHONE_PFX[lang](R)
    if lang == "en" and p.startswith("07700"): g = [p[:5], p[5:8], p[8:]]
    elif lang == "en": g = [p[:3], p[3:6], p[6:]]
    elif lang == "fr": g = [p[i:i + 2] for i in range(0, 10, 2)]
    else: g = [p[:3], p[3:6], p[6:]]
    return say_digits(R, p, lang, groups=g)


DOMAINS = ["gmail dot com", "yahoo dot com", "outlook dot com", "hotmail dot co dot uk", "icloud dot com", "proton dot me", "web dot de", "orange dot fr", "libero dot it", "sapo dot pt", "ziggo dot nl", "telefonica dot net"]
DOTW = {"en": "dot", "de": "punkt", "fr": "point", "es": "punto", "it": "punto", "pt": "ponto", "nl": "punt"}
ATW = {"en": ["at"], "de": ["at", "ät"], "fr": ["arobase", "at"], "es": ["arroba"], "it": ["chiocciola", "at"], "pt": ["arroba"], "nl": ["at", "apenstaartje"]}


def ascii_fold(s):
    src = "áàâäãåā çćč éèêëē íìîïī ññń óòôöõøő úùûüū ýÿ šś žźż łðþğşıəđ".replace(" ", "")
    dst = "aaaaaaa ccc eeeee iiiii nnn ooooooo uuuuu yy ss zzz ldtgsied".replace(" ", "")
    tr = str.maketrans(src, dst)
    return re.sub(r"[^a-z]", "", s.lower().translate(tr))


def email(R, lang, g, s):
    dom = R.choice(DOMAINS)
    if lang != "en": dom = dom.replace("dot", DOTW[lang])
    a, b = ascii_fold(g), ascii_fold(s)
    k = R.random()
    user = "%s %s %s" % (a, DOTW[lang], b) if k < .5 else (a[0] + " " + b if k < .75 else "%s %s" % (b, R.randint(1, 99)))
    return "%s %s %s" % (user, R.choice(ATW[lang]), dom)


def digits(R, n, first="123456789"):
    return R.choice(first) + "".join(R.choice("0123456789") for _ in range(n - 1))


def mrn(R, lang):
    d = digits(R, R.choice([7, 8, 9]))
    return say_digits(R, d, lang)


def hp(R, lang):
    if lang == "en" and R.random() < .5:
        pre = R.choice(["w", "x", "h", "m", "y", "j"]) + " " + R.choice(["k", "z", "q", "b", "r"])
        d = digits(R, 9, "0123456789")
        return pre + " " + say_digits(R, d, lang, corr=False)
    if lang == "de":
        return R.choice("ABCDEFGHKLMNRSTW").lower() + " " + say_digits(R, digits(R, 9), lang, corr=False)
    return say_digits(R, digits(R, R.choice([9, 10, 11])), lang)


def acct(R, lang):
    return say_digits(R, digits(R, R.choice([8, 10, 12])), lang)


# ---------------------------------------------------------------- fillers (never labelled)
FILL = {
    "time": {"en": ["two thirty", "half past nine", "ten fifteen", "quarter to four", "eleven o'clock", "three p m", "nine a m"],
             "de": ["halb drei", "viertel nach zehn", "vierzehn uhr", "neun uhr dreißig"],
             "fr": ["quatorze heures", "dix heures et demie", "neuf heures quinze", "midi"],
             "es": ["las dos y media", "las diez y cuarto", "las nueve", "mediodía"],
             "it": ["alle due e mezza", "alle dieci e un quarto", "alle nove", "a mezzogiorno"],
             "pt": ["às duas e meia", "às dez e um quarto", "às nove", "meio-dia"],
             "nl": ["half drie", "kwart over tien", "negen uur", "twaalf uur"]},
    "dose": {"en": ["five hundred milligrams twice a day", "two puffs four times daily", "ten milligrams at night", "one tablet three times a day", "twenty units before breakfast"],
             "de": ["fünfhundert milligramm zweimal täglich", "eine tablette morgens", "zwanzig einheiten abends"],
             "fr": ["cinq cents milligrammes deux fois par jour", "un comprimé le matin", "dix gouttes le soir"],
             "es": ["quinientos miligramos dos veces al día", "una pastilla por la mañana", "diez gotas por la noche"],
             "it": ["cinquecento milligrammi due volte al giorno", "una compressa la mattina", "dieci gocce la sera"],
             "pt": ["quinhentos miligramas duas vezes por dia", "um comprimido de manhã", "dez gotas à noite"],
             "nl": ["vijfhonderd milligram twee keer per dag", "één tablet per ochtend", "tien druppels 's avonds"]},
    "drug": {"en": ["metformin", "amoxicillin", "lisinopril", "atorvastatin", "ozempic", "eliquis", "ventolin", "levothyroxine"],
             "de": ["Ibuprofen", "Metformin", "Ramipril", "Pantoprazol"], "fr": ["Doliprane", "Kardégic", "Levothyrox", "Spasfon"],
             "es": ["Nolotil", "Adiro", "omeprazol", "Sintrom"], "it": ["Tachipirina", "Cardioaspirina", "Eutirox", "Brufen"],
             "pt": ["Ben-u-ron", "Brufen", "Victan", "metformina"], "nl": ["paracetamol", "Ascal", "omeprazol", "Sintrom"]},
    "eponym": {"en": ["parkinson's", "crohn's", "hashimoto's", "alzheimer's", "bell's palsy", "graves disease", "hodgkin lymphoma", "tourette's"],
               "de": ["Morbus Crohn", "Parkinson", "Hashimoto", "Alzheimer"], "fr": ["maladie de Crohn", "maladie de Parkinson", "lymphome de Hodgkin"],
               "es": ["enfermedad de Crohn", "síndrome de Guillain-Barré", "Parkinson"], "it": ["morbo di Crohn", "tiroidite di Hashimoto", "Alzheimer"],
               "pt": ["doença de Crohn", "paralisia de Bell", "Parkinson"], "nl": ["ziekte van Crohn", "ziekte van Addison", "Parkinson"]},
    "role": {"en": ["the duty doctor", "the pharmacist", "the nurse practitioner", "your care coordinator", "the on-call registrar", "a claims adjuster", "the branch manager"],
             "de": ["der Hausarzt", "die Apothekerin", "die Stationsleitung", "der Sachbearbeiter"], "fr": ["le médecin traitant", "la pharmacienne", "l'infirmière de garde", "le conseiller"],
             "es": ["la médica de guardia", "el farmacéutico", "la supervisora", "el gestor"], "it": ["il medico di base", "la farmacista", "la coordinatrice", "l'operatore"],
             "pt": ["a médica de família", "o farmacêutico", "a enfermeira chefe", "o gestor de conta"], "nl": ["de huisarts", "de apotheker", "de teamleider", "de adviseur"]},
    "place": {"en": ["florence", "victoria", "charlotte", "lourdes", "eugene", "austin", "regina", "sofia"],
              "de": ["Bad Homburg", "Kassel", "Regensburg"], "fr": ["Lourdes", "Sainte-Anne", "Saint-Étienne"], "es": ["Santiago", "Mercedes", "Dolores"],
              "it": ["San Remo", "Santa Margherita", "Carmen"], "pt": ["Santa Maria", "São João", "Fátima"], "nl": ["Sint-Maarten", "Hendrik-Ido-Ambacht", "Emmen"]},
}


def fill(R, key, lang):
    if key in FILL: return R.choice(FILL[key][lang])
    if key == "uh": return R.choice(UH[lang])
    if key == "num": return n2w(R.randint(2, 99), lang)
    if key == "num3": return R.choice([say_digits(R, digits(R, 3), lang, groups=[None] and None, corr=False), str(R.randint(100, 999))])
    if key == "num6": return say_digits(R, digits(R, 6), lang, corr=False)
    if key == "num8": return say_digits(R, digits(R, 8), lang, corr=False)
    if key == "last4": return say_digits(R, digits(R, 4, "0123456789"), lang, groups=None, corr=False)
    if key == "year": return year_words(R.randint(1990, 2025), lang) if R.random() < .6 else str(R.randint(1990, 2025))
    if key == "price": return {"en": "%s dollars and %s cents" % (n2w(R.randint(12, 99), "en"), n2w(R.randint(10, 99), "en")), "de": "%d euro %d" % (R.randint(5, 99), R.randint(10, 99)),
                               "fr": "%s euros %s" % (n2w(R.randint(5, 99), "fr"), n2w(R.randint(10, 99), "fr")), "es": "%s euros con %s" % (n2w(R.randint(5, 29), "es"), n2w(R.randint(10, 29), "es")),
                               "it": "%s euro e %s" % (n2w(R.randint(5, 99), "it"), n2w(R.randint(10, 99), "it")), "pt": "%s euros e %s cêntimos" % (n2w(R.randint(5, 19), "pt"), n2w(R.randint(20, 99), "pt")),
                               "nl": "%s euro %s" % (n2w(R.randint(5, 99), "nl"), n2w(R.randint(10, 99), "nl"))}[lang]
    if key == "ver": return R.choice(["version four point two", "v two dot one", "update eleven point three point one", "release twenty five point one"]) if lang == "en" else "%d.%d.%d" % (R.randint(1, 20), R.randint(0, 9), R.randint(0, 20))
    raise KeyError(key)


# ---------------------------------------------------------------- people
class People:
    def __init__(self, R):
        self.R = R; self.p = {}; self.usedg = set(); self.useds = set()

    def get(self, i):
        if i not in self.p:
            while True:
                g, s = self.R.choice(GIVEN), self.R.choice(SURN)
                if g not in self.usedg and s not in self.useds: break
            self.usedg.add(g); self.useds.add(s); self.p[i] = (g, s)
        return self.p[i]


ENT = {"P": "PERSON", "PF": "PERSON", "PL": "PERSON", "PS": "PERSON", "PFS": "PERSON", "PH": "PHONE", "DOB": "DATE", "D": "DATE",
       "SSN": "US_SSN", "CC": "CREDIT_CARD", "ACCT": "ACCOUNT_NUMBER", "RT": "US_BANK_ROUTING", "MRN": "MEDICAL_RECORD_NUMBER",
       "HP": "HEALTH_PLAN_ID", "NHS": "UK_NHS", "ADDR": "STREET_ADDRESS", "ZIP": "ZIP_CODE", "EM": "EMAIL", "IBAN": "IBAN"}
STATS = {"redraws": 0}


def value(R, key, lang, people):
    base, _, idx = key.partition(".")
    idx = idx or "1"
    if base in ("P", "PF", "PL", "PS", "PFS"):
        g, s = people.get(idx)
        if base == "P": return g + " " + s
        if base == "PF": return g
        if base == "PL": return s
        if base == "PS": return spell(R, s, lang)
        if base == "PFS": return spell(R, g, lang)
    if base == "EM":
        g, s = people.get(idx); return email(R, lang, g, s)
    if base == "PH": return phone(R, lang)
    if base == "DOB": return say_date(R, lang, True)
    if base == "D": return say_date(R, lang, False)
    if base == "SSN":
        s = ssn(R); return say_digits(R, s, lang, groups=[s[:3], s[3:5], s[5:]])
    if base == "CC":
        s = card(R); g = [s[i:i + 4] for i in range(0, 16, 4)] if len(s) == 16 else [s[:4], s[4:10], s[10:]]
        return say_digits(R, s, lang, groups=g)
    if base == "ACCT": return acct(R, lang)
    if base == "RT":
        s = routing(R); return say_digits(R, s, lang, groups=R.choice([[s], [s[:3], s[3:6], s[6:]], [s[:4], s[4:8], s[8:]]]))
    if base == "MRN": return mrn(R, lang)
    if base == "HP": return hp(R, lang)
    if base == "NHS":
        s = nhs(R); assert nhs_ok(s); return say_digits(R, s, lang, groups=[s[:3], s[3:6], s[6:]])
    if base == "ADDR": return address(R, lang)
    if base == "ZIP": return zipcode(R, lang)
    if base == "IBAN": return say_iban(R, iban(R, {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "nl": "NL"}[lang]), lang)
    raise KeyError(key)


TOK = re.compile(r"\{(=?)([A-Za-z0-9_.]+)\}")
ALT = re.compile(r"«([^«»]*)»")


def render(R, tpl, lang, slc):
    people = People(R)
    s = tpl
    while ALT.search(s):
        s = ALT.sub(lambda m: R.choice(m.group(1).split("¦")), s)
    segs, pos = [], 0
    for m in TOK.finditer(s):
        segs.append((s[pos:m.start()], None))
        if m.group(1): segs.append((fill(R, m.group(2), lang), None))
        else: segs.append((value(R, m.group(2), lang, people), ENT[m.group(2).split(".")[0]]))
        pos = m.end()
    segs.append((s[pos:], None))
    lower = slc in ("asr_call", "ivr") or (slc == "dictation" and R.random() < 0.3)
    if lower: segs = [(t.lower(), e) for t, e in segs]
    elif slc == "voicemail":  # automatic capitalisation: first letter and names, sometimes wrong
        segs = [((t[:1].upper() + t[1:]) if e == "PERSON" and R.random() < .7 else t.lower() if e == "PERSON" else t, e) for t, e in segs]
    text, spans, b = "", [], 0
    for t, e in segs:
        if e:
            st = len(text.encode()); spans.append({"entity": e, "start": st, "end": st + len(t.encode())})
        text += t
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text, spans, segs


def check(rec, segs):
    t, b = rec["text"], rec["text"].encode()
    assert "{" not in t and "«" not in t and "¦" not in t, t
    last = 0
    for sp in rec["spans"]:
        v = b[sp["start"]:sp["end"]].decode()
        assert v and not v[0].isspace() and not v[-1].isspace(), (v, t)
        assert sp["entity"] in KINDS
        assert sp["start"] >= last; last = sp["end"]
    vals = [x for x, e in segs if e]
    assert [b[s["start"]:s["end"]].decode() for s in rec["spans"]] == vals
    # no stray e-mail/digits run that could be a card outside spans
    rest = bytearray(b)
    for sp in rec["spans"]:
        rest[sp["start"]:sp["end"]] = b"#" * (sp["end"] - sp["start"])
    assert "@" not in rest.decode(errors="ignore")
    for run in re.findall(r"\d[\d \-]{11,}\d", rest.decode(errors="ignore")):
        d = re.sub(r"\D", "", run)
        for L in range(13, 20):
            for i in range(0, len(d) - L + 1):
                assert not luhn_ok(d[i:i + L]), run


# ---------------------------------------------------------------- templates (hand-written)
A = "«agent:¦spk_1:¦[agent]¦rep:»"
C = "«caller:¦spk_0:¦[customer]¦customer:»"
T = {}
T[("en", "asr_call", "pos")] = [
    A + " thank you for calling «northgate pharmacy¦riverside family clinic¦the pharmacy» how can i help " + C + " {=uh} yeah hi «my name is¦this is¦it's¦» {P} «i'm calling about¦um about» a refill of my {=drug} " + A + " can i have your date of birth " + C + " {=uh} it's {DOB} " + A + " and a good phone number " + C + " {PH}",
    "hi um «i'm calling for my mother¦i'm calling about my dad¦calling for my husband» «her name is¦his name is¦the patient is» {P} «surname is¦that's¦spelled» {PS} {=uh} date of birth «is¦» {DOB} and «the address is¦they live at» {ADDR} {=uh} {ZIP}",
    C + " yes um the account number is {ACCT} " + A + " and the routing number " + C + " {RT} " + A + " thank you and the account holder " + C + " {P}",
    "spk_0: my member id is {HP} spk_1: okay and your first name spk_0: {PF} spk_1: last name spk_0: {PS} spk_1: and the date of service spk_0: {D}",
    "yeah so the patient is {P} {=uh} date of birth {DOB} «mrn¦medical record number¦the chart number is» {MRN} and «the callback is¦you can call me back on¦my cell is» {PH}",
    A + " can i get the card number " + C + " sure «it's¦» {CC} " + A + " and the name on the card " + C + " {P} " + A + " email for the receipt " + C + " {EM}",
    C + " «my social is¦social security number» {SSN} {=uh} and «my name¦name is» {PF} {=uh} {PL} " + A + " thank you {PF}",
    "{P} {=uh} calling back about my {=drug} «my number is¦reach me at» {PH} «thanks¦bye bye»",
]
T[("en", "asr_call", "neg")] = [
    C + " hi uh i wanted to ask about the {=drug} {=uh} the doctor said {=dose} is that right " + A + " yes {=dose} and take it with food " + C + " okay it's for my {=eponym} " + A + " you'd need to ask {=role}",
    C + " my order number is {=num8} " + A + " okay that order shipped at {=time} and it was {=price} " + C + " great thanks",
    C + " the last four digits are {=last4} " + A + " okay {=uh} so the card ending in those yes " + C + " yes " + A + " your ticket number is {=num6} and the pharmacy in {=place} opens at {=time}",
    A + " which room is he in " + C + " room {=num} bed {=num} uh the extension was {=num3} " + A + " visiting starts at {=time} " + C + " okay he's been there since {=year}",
]
T[("en", "voicemail", "pos")] = [
    "Hi, this is {P} calling for «the clinic¦the billing department¦the pharmacy». My date of birth is {DOB}. Please call me back at {PH}. Thank you.",
    "Hello, this message is for {P}. This is {=role} at the surgery, calling about your appointment on {D}. Please call {PH}. Bye.",
    "Hey it's {PF}, um, my member ID is {HP} and I'm calling about a claim from {D}. Call back number {PH}.",
    "Hi, this is {P}, account number {ACCT}. I think someone used my card, the number is {CC}. Please call me at {PH}.",
    "Good morning, this is {P} calling on behalf of my father {P.2}, date of birth {DOB}. His policy number is {HP}. You can reach me at {PH} or email {EM}.",
    "Hi, uh, message for {PF}. It's {PF.2} from the, um, dental office. You're booked for {D} at {=time}. Call us on {PH} if you need to change.",
]
T[("en", "voicemail", "neg")] = [
    "Hi, this is the pharmacy in {=place} calling. Your prescription is ready, it's {=dose}. We close at {=time}. Your order number is {=num6}. Thanks.",
    "Hello, this is {=role} from the bank. Please call back on extension {=num3} about the card ending in {=last4}. The balance is {=price}.",
    "Hi, it's a reminder that the clinic closes at {=time} on Friday. Bring your {=drug}. Confirmation number {=num6}. Room {=num}.",
    "Message for the patient in bed {=num}. The {=eponym} support group meets at {=time}, and {=ver} of the app is out.",
]
T[("en", "dictation", "pos")] = [
    "letter to {=role} comma new paragraph thank you for seeing {P} date of birth {DOB} comma NHS number {NHS} full stop {PF} has a history of {=eponym} full stop «his¦her» address is {ADDR} {ZIP} full stop",
    "patient name {P} new line MRN {MRN} new line date of admission {D} period chief complaint chest pain period",
    "this is a clinic note for {P} comma D O B {DOB} period «she¦he» lives at {ADDR} zip {ZIP} period daughter {P.2} can be reached at {PH} period",
    "discharge summary for {P} spelled {PS} comma hospital number {MRN} full stop seen on {D} full stop plan continue {=drug} {=dose} full stop",
    "dear {P} new paragraph we reviewed you in clinic on {D} comma your NHS number is {NHS} full stop please email {EM} with questions full stop",
    "referral from {=role} regarding {P} comma {=eponym} comma insurance member ID {HP} comma phone {PH} period",
]
T[("en", "dictation", "neg")] = [
    "new paragraph the patient is a sixty two year old man with {=eponym} comma on {=drug} {=dose} full stop review in {=num} weeks full stop",
    "dictation by {=role} comma bed {=num} comma blood pressure one forty over ninety period continue {=drug} period",
    "clinic letter template new paragraph dear colon blank comma date of birth colon blank comma «MRN¦NHS number¦hospital number» colon blank full stop «plan colon continue {=drug}¦diagnosis colon {=eponym}¦review at {=time}» full stop",
    "operative note period {=eponym} period foley catheter inserted period apgar nine and ten period glasgow coma scale fifteen period next review at {=time}",
]
T[("en", "ivr", "pos")] = [
    "ivr: please say or enter your account number\nuser said: {ACCT}\nivr: please say your date of birth\nuser said: {DOB}",
    "bot: what is your social security number\nuser: {SSN}\nbot: thanks what's the best phone number\nuser: {PH}",
    "[ivr] say or enter your card number\n[caller] {CC}\n[ivr] and the zip code for the card\n[caller] {ZIP}",
    "user said: routing number {RT}\nuser said: account {ACCT}\nbot: name on the account\nuser said: {P}",
    "chatbot: please say your member id\nuser: {HP}\nchatbot: and the patient's name\nuser: {P}\nchatbot: date of birth\nuser: {DOB}",
    "ivr: say your zip code\nuser said: {ZIP}\nivr: say the street address\nuser said: {ADDR}\nivr: and your email\nuser said: {EM}",
]
T[("en", "ivr", "neg")] = [
    "ivr: please say the reason for your call\nuser said: refill {=drug}\nivr: your order number is {=num8}\nuser said: okay\nivr: pickup time is {=time}",
    "bot: enter the last four digits of your card\nuser: {=last4}\nbot: sorry i didn't get that\nuser: agent\nbot: transferring you to {=role}",
    "ivr: say your confirmation number\nuser said: {=num6}\nivr: your balance is {=price}\nuser said: extension {=num3}",
    "user said: what time does the {=place} clinic open\nbot: we open at {=time}\nuser said: is it {=dose}\nbot: app version {=ver}",
]
T[("de", "asr_call", "pos")] = [
    "«agent:¦spk_1:¦[agent]» praxis am markt guten tag «anrufer:¦spk_0:¦[kunde]» ja {=uh} «hier ist¦mein name ist¦ich rufe für meine mutter an» {P} «also¦der nachname» {PS} «agent:¦spk_1:¦[agent]» geburtsdatum bitte «anrufer:¦spk_0:¦[kunde]» {DOB} «agent:¦spk_1:¦[agent]» und ihre rückrufnummer «anrufer:¦spk_0:¦[kunde]» {PH}",
    "spk_0: ja {=uh} meine versichertennummer ist {HP} spk_1: und der name spk_0: {P} spk_1: der termin war am {D}",
]
T[("de", "asr_call", "neg")] = ["anrufer: ja {=uh} ich nehme {=drug} {=dose} ist das richtig agent: ja genau rufen sie bitte um {=time} wieder an anrufer: durchwahl {=num3} agent: zuständig ist {=role}"]
T[("de", "voicemail", "pos")] = ["Hallo, hier ist {P}. Meine Versichertennummer ist {HP}, Geburtsdatum {DOB}. Bitte rufen Sie mich zurück unter {PH}. Danke.",
                                 "Guten Tag, «Nachricht für¦hier ist die Praxis für» {P}, Ihr Termin am {D} muss verschoben werden. Rückruf bitte unter {PH} oder Mail an {EM}."]
T[("de", "voicemail", "neg")] = ["Guten Tag, hier ist {=role} der Apotheke in {=place}. Ihre Bestellung Nummer {=num6} liegt bereit, {=price}. Wir haben bis {=time} geöffnet."]
T[("de", "dictation", "pos")] = ["Arztbrief neuer Absatz Patient {P} Punkt geboren am {DOB} Punkt Fallnummer {MRN} Punkt wohnhaft {ADDR} {ZIP} Punkt Befund {=eponym} Punkt"]
T[("de", "dictation", "neg")] = ["neuer Absatz Patientin mit {=eponym} Komma aktuell {=drug} {=dose} Punkt Zimmer {=num} Punkt Kontrolle in {=num} Wochen Punkt"]
T[("de", "ivr", "pos")] = ["sprachdialog: bitte nennen sie ihre iban\nkunde sagte: {IBAN}\nsprachdialog: und der kontoinhaber\nkunde sagte: {P}",
                           "bot: ihre kontonummer bitte\nkunde: {ACCT}\nbot: und ihre postleitzahl\nkunde: {ZIP}"]
T[("de", "ivr", "neg")] = ["bot: bitte die letzten vier ziffern ihrer karte\nkunde: {=last4}\nbot: ihre auftragsnummer lautet {=num8}\nkunde: danke und wann öffnet die filiale\nbot: um {=time}"]
T[("fr", "asr_call", "pos")] = [
    "«agent:¦spk_1:¦[agent]» pharmacie bonjour «appelant:¦spk_0:¦[client]» oui {=uh} «c'est¦je m'appelle¦j'appelle pour ma mère» {P} {=uh} «ça s'écrit¦le nom c'est» {PS} «agent:¦spk_1:¦[agent]» date de naissance «appelant:¦spk_0:¦[client]» {DOB} «agent:¦spk_1:¦[agent]» et un numéro pour vous rappeler «appelant:¦spk_0:¦[client]» {PH}",
    "spk_0: mon numéro d'adhérent c'est {HP} spk_1: et votre nom spk_0: {P} spk_1: la consultation c'était le {D}",
]
T[("fr", "asr_call", "neg")] = ["appelant: {=uh} je prends {=drug} {=dose} c'est bien ça agent: oui et rappelez à {=time} appelant: le poste {=num3} agent: ou voyez avec {=role}"]
T[("fr", "voicemail", "pos")] = ["Bonjour, c'est {P}. Mon numéro d'adhérent est {HP}, née le {DOB}. Merci de me rappeler au {PH}.",
                                 "Bonjour, message pour {P}, votre rendez-vous du {D} est annulé. Rappelez-nous au {PH} ou écrivez à {EM}."]
T[("fr", "voicemail", "neg")] = ["Bonjour, ici {=role} de la pharmacie de {=place}. Votre commande numéro {=num6} est prête, {=price}. Nous fermons à {=time}."]
T[("fr", "dictation", "pos")] = ["courrier nouveau paragraphe patient {P} point né le {DOB} point numéro IPP {MRN} point demeurant {ADDR} {ZIP} point antécédent de {=eponym} point"]
T[("fr", "dictation", "neg")] = ["nouveau paragraphe patiente suivie pour {=eponym} virgule sous {=drug} {=dose} point chambre {=num} point contrôle dans {=num} semaines point"]
T[("fr", "ivr", "pos")] = ["serveur vocal: veuillez dire votre iban\nclient a dit: {IBAN}\nserveur vocal: et le titulaire du compte\nclient a dit: {P}",
                           "bot: votre numéro de compte\nclient: {ACCT}\nbot: votre code postal\nclient: {ZIP}"]
T[("fr", "ivr", "neg")] = ["bot: dites les quatre derniers chiffres de votre carte\nclient: {=last4}\nbot: votre numéro de commande est {=num8}\nclient: merci l'agence ouvre quand\nbot: à {=time}"]
T[("es", "asr_call", "pos")] = [
    "«agente:¦spk_1:¦[agente]» farmacia buenos días «cliente:¦spk_0:¦[cliente]» sí {=uh} «soy¦me llamo¦llamo por mi madre» {P} {=uh} «se escribe¦el apellido es» {PS} «agente:¦spk_1:¦[agente]» fecha de nacimiento «cliente:¦spk_0:¦[cliente]» {DOB} «agente:¦spk_1:¦[agente]» y un teléfono de contacto «cliente:¦spk_0:¦[cliente]» {PH}",
    "spk_0: mi número de póliza es {HP} spk_1: y su nombre spk_0: {P} spk_1: la cita fue el {D}",
]
T[("es", "asr_call", "neg")] = ["cliente: {=uh} tomo {=drug} {=dose} es correcto agente: sí y vuelva a llamar a {=time} cliente: la extensión {=num3} agente: o consulte con {=role}"]
T[("es", "voicemail", "pos")] = ["Hola, soy {P}. Mi número de tarjeta sanitaria es {HP}, nací el {DOB}. Por favor llámeme al {PH}. Gracias.",
                                 "Buenos días, mensaje para {P}, su cita del {D} se ha cambiado. Llámenos al {PH} o escriba a {EM}."]
T[("es", "voicemail", "neg")] = ["Hola, le llama {=role} de la farmacia de {=place}. Su pedido número {=num6} está listo, {=price}. Cerramos a {=time}."]
T[("es", "dictation", "pos")] = ["informe nuevo párrafo paciente {P} punto fecha de nacimiento {DOB} punto número de historia {MRN} punto domicilio {ADDR} código postal {ZIP} punto antecedentes de {=eponym} punto"]
T[("es", "dictation", "neg")] = ["nuevo párrafo paciente con {=eponym} coma en tratamiento con {=drug} {=dose} punto habitación {=num} punto control en {=num} semanas punto"]
T[("es", "ivr", "pos")] = ["asistente: diga su iban\nusuario dijo: {IBAN}\nasistente: y el titular de la cuenta\nusuario dijo: {P}",
                           "bot: su número de cuenta\nusuario: {ACCT}\nbot: su código postal\nusuario: {ZIP}"]
T[("es", "ivr", "neg")] = ["bot: diga los últimos cuatro dígitos de su tarjeta\nusuario: {=last4}\nbot: su número de pedido es {=num8}\nusuario: gracias a qué hora abre la oficina\nbot: a {=time}"]
T[("it", "asr_call", "pos")] = [
    "«operatore:¦spk_1:¦[operatore]» farmacia buongiorno «chiamante:¦spk_0:¦[cliente]» sì {=uh} «sono¦mi chiamo¦chiamo per mia madre» {P} {=uh} «si scrive¦il cognome è» {PS} «operatore:¦spk_1:¦[operatore]» data di nascita «chiamante:¦spk_0:¦[cliente]» {DOB} «operatore:¦spk_1:¦[operatore]» e un numero per richiamarla «chiamante:¦spk_0:¦[cliente]» {PH}",
    "spk_0: il numero di polizza è {HP} spk_1: e il nome spk_0: {P} spk_1: la visita era il {D}",
]
T[("it", "asr_call", "neg")] = ["chiamante: {=uh} prendo {=drug} {=dose} va bene operatore: sì e richiami {=time} chiamante: l'interno {=num3} operatore: oppure ne parli con {=role}"]
T[("it", "voicemail", "pos")] = ["Buongiorno, sono {P}. Il mio numero di polizza è {HP}, nata il {DOB}. Mi richiami al {PH}. Grazie.",
                                 "Salve, messaggio per {P}, l'appuntamento del {D} è spostato. Ci richiami al {PH} o scriva a {EM}."]
T[("it", "voicemail", "neg")] = ["Buongiorno, sono {=role} della farmacia di {=place}. L'ordine numero {=num6} è pronto, {=price}. Chiudiamo {=time}."]
T[("it", "dictation", "pos")] = ["lettera nuovo paragrafo paziente {P} punto nato il {DOB} punto numero cartella {MRN} punto residente in {ADDR} {ZIP} punto anamnesi di {=eponym} punto"]
T[("it", "dictation", "neg")] = ["nuovo paragrafo paziente con {=eponym} virgola in terapia con {=drug} {=dose} punto stanza {=num} punto controllo tra {=num} settimane punto"]
T[("it", "ivr", "pos")] = ["assistente: dica il suo iban\nutente ha detto: {IBAN}\nassistente: e l'intestatario del conto\nutente ha detto: {P}",
                           "bot: il numero di conto\nutente: {ACCT}\nbot: il codice postale\nutente: {ZIP}"]
T[("it", "ivr", "neg")] = ["bot: dica le ultime quattro cifre della carta\nutente: {=last4}\nbot: il numero d'ordine è {=num8}\nutente: grazie a che ora apre la filiale\nbot: {=time}"]
T[("pt", "asr_call", "pos")] = [
    "«operador:¦spk_1:¦[operador]» farmácia bom dia «cliente:¦spk_0:¦[cliente]» sim {=uh} «sou¦o meu nome é¦ligo pela minha mãe» {P} {=uh} «escreve-se¦o apelido é» {PS} «operador:¦spk_1:¦[operador]» data de nascimento «cliente:¦spk_0:¦[cliente]» {DOB} «operador:¦spk_1:¦[operador]» e um contacto «cliente:¦spk_0:¦[cliente]» {PH}",
    "spk_0: o número de utente é {HP} spk_1: e o nome spk_0: {P} spk_1: a consulta foi a {D}",
]
T[("pt", "asr_call", "neg")] = ["cliente: {=uh} tomo {=drug} {=dose} está certo operador: sim e ligue outra vez {=time} cliente: a extensão {=num3} operador: ou fale com {=role}"]
T[("pt", "voicemail", "pos")] = ["Olá, fala {P}. O meu número de apólice é {HP}, nasci a {DOB}. Por favor ligue-me para o {PH}. Obrigada.",
                                 "Bom dia, mensagem para {P}, a consulta de {D} foi alterada. Ligue para o {PH} ou escreva para {EM}."]
T[("pt", "voicemail", "neg")] = ["Bom dia, fala {=role} da farmácia de {=place}. A encomenda número {=num6} está pronta, {=price}. Fechamos {=time}."]
T[("pt", "dictation", "pos")] = ["relatório novo parágrafo doente {P} ponto data de nascimento {DOB} ponto número de processo {MRN} ponto morada {ADDR} {ZIP} ponto antecedentes de {=eponym} ponto"]
T[("pt", "dictation", "neg")] = ["novo parágrafo doente com {=eponym} vírgula medicado com {=drug} {=dose} ponto quarto {=num} ponto reavaliar em {=num} semanas ponto"]
T[("pt", "ivr", "pos")] = ["assistente: diga o seu iban\nutilizador disse: {IBAN}\nassistente: e o titular da conta\nutilizador disse: {P}",
                           "bot: o número de conta\nutilizador: {ACCT}\nbot: o código postal\nutilizador: {ZIP}"]
T[("pt", "ivr", "neg")] = ["bot: diga os últimos quatro dígitos do cartão\nutilizador: {=last4}\nbot: o número da encomenda é {=num8}\nutilizador: obrigado a que horas abre o balcão\nbot: {=time}"]
T[("nl", "asr_call", "pos")] = [
    "«medewerker:¦spk_1:¦[medewerker]» apotheek goedemorgen «beller:¦spk_0:¦[klant]» ja {=uh} «met¦mijn naam is¦ik bel voor mijn moeder» {P} {=uh} «dat schrijf je¦de achternaam is» {PS} «medewerker:¦spk_1:¦[medewerker]» geboortedatum «beller:¦spk_0:¦[klant]» {DOB} «medewerker:¦spk_1:¦[medewerker]» en een terugbelnummer «beller:¦spk_0:¦[klant]» {PH}",
    "spk_0: mijn polisnummer is {HP} spk_1: en uw naam spk_0: {P} spk_1: de afspraak was op {D}",
]
T[("nl", "asr_call", "neg")] = ["beller: {=uh} ik neem {=drug} {=dose} klopt dat medewerker: ja en belt u om {=time} terug beller: toestel {=num3} medewerker: of vraag het {=role}"]
T[("nl", "voicemail", "pos")] = ["Hallo, met {P}. Mijn polisnummer is {HP}, geboren {DOB}. Wilt u mij terugbellen op {PH}? Dank u.",
                                 "Goedemiddag, bericht voor {P}, uw afspraak van {D} is verzet. Belt u ons op {PH} of mail naar {EM}."]
T[("nl", "voicemail", "neg")] = ["Goedemorgen, u spreekt met {=role} van de apotheek in {=place}. Bestelling nummer {=num6} ligt klaar, {=price}. We sluiten om {=time}."]
T[("nl", "dictation", "pos")] = ["brief nieuwe alinea patiënt {P} punt geboren {DOB} punt patiëntnummer {MRN} punt adres {ADDR} {ZIP} punt voorgeschiedenis {=eponym} punt"]
T[("nl", "dictation", "neg")] = ["nieuwe alinea patiënte met {=eponym} komma gebruikt {=drug} {=dose} punt kamer {=num} punt controle over {=num} weken punt"]
T[("nl", "ivr", "pos")] = ["spraakmenu: zeg uw iban\nklant zei: {IBAN}\nspraakmenu: en de rekeninghouder\nklant zei: {P}",
                           "bot: uw rekeningnummer\nklant: {ACCT}\nbot: uw postcode\nklant: {ZIP}"]
T[("nl", "ivr", "neg")] = ["bot: zeg de laatste vier cijfers van uw pas\nklant: {=last4}\nbot: uw ordernummer is {=num8}\nklant: dank u hoe laat gaat het kantoor open\nbot: om {=time}"]
TEMPLATES = T


def build():
    R = random.Random(SEED)
    plan = []
    for lang, n in LANGS.items():
        per = [n // 4 + (1 if i < n % 4 else 0) for i in range(4)]
        for slc, k in zip(SLICES, per):
            neg = round(k * NEG_SHARE)
            plan += [(lang, slc, "neg")] * neg + [(lang, slc, "pos")] * (k - neg)
    R.shuffle(plan)
    turn = {}
    recs, seen = [], set()
    for lang, slc, pol in plan:
        pool = TEMPLATES[(lang, slc, pol)]
        key = (lang, slc, pol)
        if key not in turn: turn[key] = R.randrange(len(pool))
        tpl = pool[turn[key] % len(pool)]; turn[key] += 1
        for attempt in range(50):
            text, spans, segs = render(R, tpl, lang, slc)
            rec = {"id": "", "lang": lang, "slice": slc, "text": text, "spans": spans}
            try:
                check(rec, segs)
            except AssertionError:
                STATS["redraws"] += 1; continue
            if text in seen: STATS["redraws"] += 1; continue
            break
        else:
            raise SystemExit("cannot draw " + tpl)
        assert (pol == "neg") == (not spans), tpl
        seen.add(text); recs.append(rec)
    R.shuffle(recs)
    for i, r in enumerate(recs): r["id"] = "dev8-%04d" % (i + 1)
    assert len({r["text"] for r in recs}) == len(recs) == 600
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), recs


def main():
    out, recs = build()
    STATS["redraws"] = 0
    out2, _ = build()
    assert out == out2
    open("dev8.jsonl", "w", encoding="utf-8").write(out)
    if "--stats" in sys.argv:
        from collections import Counter
        print("templates: %d" % sum(len(v) for v in TEMPLATES.values()))
        print("\n| lang | positive | negative | total |\n|---|---:|---:|---:|")
        for l in list(LANGS) + ["all"]:
            rs = [r for r in recs if l in ("all", r["lang"])]
            p = sum(1 for r in rs if r["spans"]); print("| %s | %d | %d | %d |" % (l, p, len(rs) - p, len(rs)))
        print("\n| slice | positive | negative | total |\n|---|---:|---:|---:|")
        for s in SLICES + ["all"]:
            rs = [r for r in recs if s in ("all", r["slice"])]
            p = sum(1 for r in rs if r["spans"]); print("| %s | %d | %d | %d |" % (s, p, len(rs) - p, len(rs)))
        c = Counter(); cr = Counter(); cl = Counter()
        for r in recs:
            for e in {s["entity"] for s in r["spans"]}: cr[e] += 1
            for s in r["spans"]: c[s["entity"]] += 1; cl[(s["entity"], r["lang"])] += 1
        print("\n| entity | spans | records | " + " | ".join(LANGS) + " |\n|---|---:|---:|" + "---:|" * len(LANGS))
        for e, n in c.most_common():
            print("| %s | %d | %d | %s |" % (e, n, cr[e], " | ".join(str(cl[(e, l)]) for l in LANGS)))
        print("\nre-draws: %d; given names: %d; surnames: %d" % (STATS["redraws"], len(set(GIVEN)), len(set(SURN))))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Labeled evaluation set for Cordon's detectors (fixed seed, deterministic).

    python3 detectors/eval/gen.py [--seed 20261125] [--out detectors/eval/dataset.jsonl]

Each line: {"id","lang","slice","text","spans":[{"entity","start","end"}]}, with
byte offsets into the UTF-8 text. Values are generated valid where a checksum
exists; negatives carry look-alikes (invalid checksums, order numbers,
versions, timestamps, public figures, drug names). The adversarial slice
obfuscates values (odd separators, full-width digits, zero-width characters,
line breaks inside numbers, lower-case names, JSON escapes); spans cover the
whole obfuscated form.
"""
import argparse
import json
import random
import string

GIVEN = {
    "en": ["James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "Sarah", "Thomas", "Emily", "Daniel", "Olivia", "Ethan", "Grace", "Liam", "Chloe", "Nathan", "Hannah", "Owen"],
    "de": ["Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Maximilian", "Sophie", "Tobias", "Katharina", "Jürgen", "Ursula", "Stefan", "Sabine"],
    "fr": ["Camille", "Louis", "Chloé", "Hugo", "Léa", "Antoine", "Manon", "Julien", "Élodie", "Mathieu", "Inès", "François"],
    "es": ["Lucía", "Hugo", "Martina", "Pablo", "Sofía", "Alejandro", "Carmen", "Javier", "Elena", "Diego", "Marta", "Sergio"],
    "it": ["Giulia", "Francesco", "Chiara", "Alessandro", "Martina", "Lorenzo", "Sara", "Matteo", "Giorgia", "Davide", "Federica", "Luca"],
    "nl": ["Daan", "Emma", "Sem", "Julia", "Lucas", "Sanne", "Bram", "Fleur", "Thijs", "Lotte", "Ruben", "Anouk"],
}
SURN = {
    "en": ["Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thompson", "O'Brien", "Harrison", "Whitaker", "Callahan", "Donovan", "Fletcher", "Mitchell"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Zimmermann"],
    "fr": ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Girard", "Fournier", "Mercier"],
    "es": ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Hernández", "Jiménez", "García López"],
    "it": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "De Luca"],
    "nl": ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vermeulen"],
}
STREETS = {
    "en": [("{n} {w} Street", ["Maple", "Oak", "Cedar", "Elm", "Pine", "Walnut", "Highland"]), ("{n} {w} Avenue", ["Lincoln", "Park", "Sunset", "Madison"]), ("{n} {w} Road", ["Mill", "Church", "Station"]), ("{n} {w} Drive", ["Lakeview", "Ridge", "Willow"]), ("{n} {w} Lane", ["Cherry", "Meadow"])],
    "de": [("{w}straße {n}", ["Haupt", "Bahnhof", "Schiller", "Goethe", "Linden"]), ("{w}weg {n}", ["Birken", "Wiesen"]), ("{w}platz {n}", ["Markt", "Kirch"])],
    "fr": [("{n} rue {w}", ["de la Paix", "Victor Hugo", "des Lilas", "du Moulin"]), ("{n} avenue {w}", ["Foch", "Jean Jaurès"]), ("{n} boulevard {w}", ["Voltaire", "Haussmann"])],
    "es": [("Calle {w} {n}", ["Mayor", "Alcalá", "Serrano", "Goya"]), ("Avenida de {w} {n}", ["América", "Andalucía"])],
    "it": [("Via {w} {n}", ["Roma", "Garibaldi", "Mazzini", "Verdi", "Dante"]), ("Piazza {w} {n}", ["Navona", "Cavour"]), ("Corso {w} {n}", ["Vittorio Emanuele", "Italia"])],
    "nl": [("{w}straat {n}", ["Kerk", "Molen", "Dorps"]), ("{w}gracht {n}", ["Keizers", "Heren", "Prinsen"]), ("{w}laan {n}", ["Beuk", "Eiken"])],
}
CITY = {"en": ["Springfield", "Portland", "Columbus", "Madison"], "de": ["Berlin", "München", "Hamburg", "Köln"], "fr": ["Paris", "Lyon", "Marseille", "Nantes"], "es": ["Madrid", "Sevilla", "Valencia", "Bilbao"], "it": ["Roma", "Milano", "Torino", "Napoli"], "nl": ["Amsterdam", "Utrecht", "Rotterdam", "Leiden"]}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
}


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def digits(self, n):
        return "".join(self.r.choice(string.digits) for _ in range(n))

    def luhn_complete(self, prefix, length, extra_prefix=""):
        body = prefix + self.digits(length - len(prefix) - 1)
        s = extra_prefix + body
        total = 0
        for i, ch in enumerate(reversed(s + "0")):
            d = int(ch)
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        return body + str((10 - total % 10) % 10)

    def card(self):
        kind = self.r.choice(["visa", "mc", "amex", "disc"])
        if kind == "visa":
            n = self.luhn_complete("4", 16)
        elif kind == "mc":
            n = self.luhn_complete(str(self.r.randint(51, 55)), 16)
        elif kind == "amex":
            n = self.luhn_complete(self.r.choice(["34", "37"]), 15)
            return self.r.choice([n, f"{n[:4]} {n[4:10]} {n[10:]}", f"{n[:4]}-{n[4:10]}-{n[10:]}"])
        else:
            n = self.luhn_complete("6011", 16)
        return self.r.choice([n, " ".join(n[i:i + 4] for i in range(0, 16, 4)), "-".join(n[i:i + 4] for i in range(0, 16, 4))])

    def bad_card(self):
        n = self.luhn_complete("4", 16)
        return n[:-1] + str((int(n[-1]) + 1) % 10)

    def ssn(self):
        while True:
            a = self.r.randint(1, 899)
            if a != 666:
                break
        v = f"{a:03d}-{self.r.randint(1, 99):02d}-{self.r.randint(1, 9999):04d}"
        return self.r.choice([v, v, v.replace("-", " ")])

    def iban(self, cc=None):
        lens = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "GB": 22, "BE": 16, "AT": 20}
        cc = cc or self.r.choice(sorted(lens))
        if cc == "NL":
            bban = self.r.choice(["ABNA", "INGB", "RABO"]) + self.digits(10)
        elif cc == "GB":
            bban = self.r.choice(["WEST", "BARC", "NWBK"]) + self.digits(14)
        elif cc == "IT":
            bban = self.r.choice(string.ascii_uppercase) + self.digits(22)
        else:
            bban = self.digits(lens[cc] - 4)
        num = "".join(str(int(c, 36)) for c in bban + cc + "00")
        check = 98 - int(num) % 97
        v = f"{cc}{check:02d}{bban}"
        return self.r.choice([v, " ".join(v[i:i + 4] for i in range(0, len(v), 4))])

    def aba(self):
        while True:
            d = [int(x) for x in f"{self.r.choice([1, 2, 3, 6, 7, 11, 21, 26, 31, 32, 61, 67]):02d}" + self.digits(6)]
            s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
            c = (10 - s % 10) % 10
            return "".join(map(str, d)) + str(c)

    def npi(self):
        return self.luhn_complete(self.r.choice("12"), 10, extra_prefix="80840")

    def dea(self):
        d = [self.r.randint(0, 9) for _ in range(6)]
        c = ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10
        return self.r.choice("ABFGM") + self.r.choice(string.ascii_uppercase) + "".join(map(str, d)) + str(c)

    def nhs(self):
        while True:
            d = [self.r.randint(0, 9) for _ in range(9)]
            c = 11 - sum(v * (10 - i) for i, v in enumerate(d)) % 11
            c = 0 if c == 11 else c
            if c != 10:
                n = "".join(map(str, d)) + str(c)
                return self.r.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"])

    def bsn(self):
        while True:
            d = [self.r.randint(0, 9) for _ in range(8)]
            s = sum(v * (9 - i) for i, v in enumerate(d))
            c = s % 11
            if c < 10 and d[0] != 0:
                return "".join(map(str, d)) + str(c)

    def dni(self):
        if self.r.random() < 0.25:
            lead = self.r.choice("XYZ")
            n = int("XYZ".index(lead).__str__() + self.digits(7))
            return f"{lead}{str(n)[1:] if len(str(n)) == 8 else self.digits(7)}".replace(lead, lead, 1) and self._nie(lead)
        n = self.r.randint(10000000, 99999999)
        return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"

    def _nie(self, lead):
        body = self.digits(7)
        n = int(str("XYZ".index(lead)) + body)
        return f"{lead}{body}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"

    def fiscal(self):
        odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
        cons = "BCDFGHLMNPRSTVZ"
        s = "".join(self.r.choice(cons) for _ in range(6)) + self.digits(2) + self.r.choice("ABCDEHLMPRST") + f"{self.r.randint(1, 71):02d}" + self.r.choice("ABCDEFGHLMZ") + self.digits(3)
        total = 0
        for i, c in enumerate(s):
            idx = int(c) if c.isdigit() else ord(c) - 65
            total += odd[idx] if i % 2 == 0 else idx
        return s + chr(65 + total % 26)

    def nir(self):
        body = f"{self.r.choice('12')}{self.r.randint(40, 99):02d}{self.r.randint(1, 12):02d}{self.r.randint(1, 95):02d}{self.digits(3)}{self.digits(3)}"
        key = 97 - int(body) % 97
        v = f"{body}{key:02d}"
        return self.r.choice([v, f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}"])

    def taxid(self):
        while True:
            digits = [self.r.randint(1, 9)] + [self.r.randint(0, 9) for _ in range(9)]
            counts = [digits.count(d) for d in set(digits)]
            if sorted(counts, reverse=True)[0] in (2, 3) and sorted(counts, reverse=True)[1] == 1 if len(counts) > 1 else False:
                break
        product = 10
        for d in digits:
            s = (d + product) % 10 or 10
            product = (s * 2) % 11
        c = (11 - product) % 10
        v = "".join(map(str, digits)) + str(c)
        return self.r.choice([v, f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}"])

    def vin(self):
        chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        vals = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
        w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        v = [self.r.choice("1245JKW"), *[self.r.choice(chars) for _ in range(16)]]
        s = sum(vals[c] * w[i] for i, c in enumerate(v))
        v[8] = "X" if s % 11 == 10 else str(s % 11)
        return "".join(v)

    def nino(self):
        first = self.r.choice("ABCEGHJKLMNOPRSTWXYZ")
        second = self.r.choice("ABCEGHJKLMNPRSTWXYZ")
        if first + second in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            second = "A"
        d = self.digits(6)
        suf = self.r.choice("ABCD")
        return self.r.choice([f"{first}{second}{d}{suf}", f"{first}{second} {d[:2]} {d[2:4]} {d[4:]} {suf}"])

    def imei(self):
        return self.luhn_complete(self.r.choice(["35", "86", "01"]), 15)

    def mac(self):
        sep = self.r.choice([":", "-"])
        return sep.join(f"{self.r.randint(0, 255):02X}" for _ in range(6))

    def phone(self, lang):
        r = self.r
        if lang == "en":
            a, b, c = r.randint(201, 989), r.randint(200, 999), self.digits(4)
            return r.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"+1 {a} {b} {c}", f"{a}.{b}.{c}", f"+44 20 {self.digits(4)} {self.digits(4)}", f"07700 {self.digits(6)}"])
        if lang == "de":
            return r.choice([f"+49 30 {self.digits(8)}", f"030 {self.digits(7)}", f"+49 151 {self.digits(8)}", f"0171 {self.digits(7)}"])
        if lang == "fr":
            d = [self.digits(2) for _ in range(4)]
            return r.choice([f"06 {d[0]} {d[1]} {d[2]} {d[3]}", f"+33 6 {d[0]} {d[1]} {d[2]} {d[3]}", f"01.{d[0]}.{d[1]}.{d[2]}.{d[3]}"])
        if lang == "es":
            return r.choice([f"+34 6{self.digits(2)} {self.digits(2)} {self.digits(2)} {self.digits(2)}", f"91 {self.digits(3)} {self.digits(2)} {self.digits(2)}"])
        if lang == "it":
            return r.choice([f"+39 06 {self.digits(4)} {self.digits(4)}", f"+39 3{self.digits(2)} {self.digits(3)} {self.digits(4)}", f"06 {self.digits(8)}"])
        return r.choice([f"+31 6 {self.digits(8)}", f"06-{self.digits(8)}", f"020 {self.digits(3)} {self.digits(4)}"])

    def person(self, lang):
        return f"{self.r.choice(GIVEN[lang])} {self.r.choice(SURN[lang])}"

    def email(self, name):
        base = name.lower().replace(" ", ".").replace("'", "")
        for a, b in zip("äöüéèçíóáàìòñë", "aoueeciaoaaione"):
            base = base.replace(a, b)
        return f"{base}{self.r.choice(['', str(self.r.randint(1, 99))])}@{self.r.choice(['gmail.com', 'example.org', 'mail.de', 'outlook.com', 'web.de', 'orange.fr'])}"

    def date(self, lang):
        y, m, d = self.r.randint(1935, 2005), self.r.randint(1, 12), self.r.randint(1, 28)
        if lang == "en":
            return self.r.choice([f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS['en'][m - 1]} {d}, {y}", f"{d} {MONTHS['en'][m - 1]} {y}"])
        if lang == "de":
            return self.r.choice([f"{d:02d}.{m:02d}.{y}", f"{d}. {MONTHS['de'][m - 1]} {y}"])
        if lang == "es":
            return self.r.choice([f"{d:02d}/{m:02d}/{y}", f"{d} de {MONTHS['es'][m - 1]} de {y}"])
        return self.r.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {MONTHS[lang][m - 1]} {y}"])

    def address(self, lang):
        fmt, words = self.r.choice(STREETS[lang])
        return fmt.format(n=self.r.randint(1, 250), w=self.r.choice(words))

    def zip(self, lang):
        return {"en": f"{self.r.randint(10000, 99999)}", "de": f"{self.r.randint(10000, 99999)}", "fr": f"{self.r.randint(10, 95)}{self.r.randint(0, 999):03d}", "es": f"{self.r.randint(10, 50)}{self.r.randint(0, 999):03d}", "it": f"{self.r.randint(10, 98)}{self.r.randint(0, 999):03d}", "nl": f"{self.r.randint(1000, 9999)} {self.r.choice('ABCDEGHJKLMNPR')}{self.r.choice('ABCDEGHJKLMNPR')}"}[lang]

    def api_key(self):
        r = self.r
        alnum = string.ascii_letters + string.digits
        return r.choice([
            "sk-proj-" + "".join(r.choice(alnum) for _ in range(40)),
            "sk-ant-api03-" + "".join(r.choice(alnum + "_-") for _ in range(60)),
            "AKIA" + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(16)),
            "ghp_" + "".join(r.choice(alnum) for _ in range(36)),
            "xoxb-" + self.digits(12) + "-" + self.digits(12) + "-" + "".join(r.choice(alnum) for _ in range(24)),
            "sk_live_" + "".join(r.choice(alnum) for _ in range(24)),
            "glpat-" + "".join(r.choice(alnum) for _ in range(20)),
        ])


def spans_of(parts):
    """parts: list of str or (entity, value). Returns text, spans with byte offsets."""
    text, spans, pos = "", [], 0
    for p in parts:
        if isinstance(p, tuple):
            ent, val = p
            b = len(text.encode("utf-8"))
            text += val
            spans.append({"entity": ent, "start": b, "end": b + len(val.encode("utf-8"))})
        else:
            text += p
    return text, spans


def templates(g, lang):
    r = g.r
    P = lambda: ("PERSON", g.person(lang))
    L = {
        "en": dict(pat="Patient", dob="DOB", adm="Admitted on", dis="Discharged on", addr="Address", phone="Phone", mail="Email", card="Card number", acct="account number", dear="Dear", thanks="Best regards,", dx="Diagnosis"),
        "de": dict(pat="Patient", dob="Geburtsdatum", adm="Aufnahme am", dis="Entlassung am", addr="Adresse", phone="Telefon", mail="E-Mail", card="Kartennummer", acct="Kontonummer", dear="Sehr geehrte Frau", thanks="Mit freundlichen Grüßen,", dx="Diagnose"),
        "fr": dict(pat="Patient", dob="Date de naissance", adm="Admis le", dis="Sortie le", addr="Adresse", phone="Téléphone", mail="Courriel", card="Numéro de carte", acct="numéro de compte", dear="Chère Madame", thanks="Cordialement,", dx="Diagnostic"),
        "es": dict(pat="Paciente", dob="Fecha de nacimiento", adm="Ingresó el", dis="Alta el", addr="Dirección", phone="Teléfono", mail="Correo", card="Número de tarjeta", acct="número de cuenta", dear="Estimada", thanks="Atentamente,", dx="Diagnóstico"),
        "it": dict(pat="Paziente", dob="Data di nascita", adm="Ricoverato il", dis="Dimesso il", addr="Indirizzo", phone="Telefono", mail="Email", card="Numero della carta", acct="numero di conto", dear="Gentile", thanks="Cordiali saluti,", dx="Diagnosi"),
        "nl": dict(pat="Patiënt", dob="Geboortedatum", adm="Opgenomen op", dis="Ontslagen op", addr="Adres", phone="Telefoon", mail="E-mail", card="Kaartnummer", acct="rekeningnummer", dear="Geachte mevrouw", thanks="Met vriendelijke groet,", dx="Diagnose"),
    }[lang]
    name = g.person(lang)
    out = []
    # clinical note
    out.append(("clinical", [f"{L['pat']}: ", ("PERSON", name), f"\n{L['dob']}: ", ("DATE", g.date(lang)), "\nMRN: ", ("MEDICAL_RECORD_NUMBER", g.digits(r.choice([7, 8, 9]))),
                f"\n{L['adm']} ", ("DATE", g.date(lang)), f". {L['dx']}: ", ("ICD10_CODE", r.choice(["E11.9", "I10", "J45.909", "N18.3", "F32.1", "K21.9"])), ".\nNPI ", ("NPI", g.npi()), f"\n{L['phone']}: ", ("PHONE", g.phone(lang))]))
    # discharge summary
    out.append(("discharge", ["Discharge summary for ", ("PERSON", g.person(lang)), f". {L['dis']} ", ("DATE", g.date(lang)), f". Follow-up with Dr. ", ("PERSON", r.choice(SURN[lang])), ". Member ID: ",
                ("HEALTH_PLAN_ID", r.choice(["XJH", "BCB", "AET", "UHC"]) + g.digits(9)), f". {L['addr']}: ", ("STREET_ADDRESS", g.address(lang)), ", ", ("ZIP_CODE", g.zip(lang)), " " + r.choice(CITY[lang]) + "."]))
    # bank chat
    out.append(("bank_chat", ["Customer: Hi, this is ", ("PERSON", g.person(lang)), f". My {L['card']} is ", ("CREDIT_CARD", g.card()), " and my IBAN is ", ("IBAN", g.iban()), ". Can you check the transfer? Routing number ", ("US_BANK_ROUTING", g.aba()), ", ", L["acct"], " ", ("ACCOUNT_NUMBER", g.digits(r.choice([8, 10, 12]))), ".\nAgent: Thanks, I'll look into it."]))
    # KYC
    ids = {"en": [("US_SSN", g.ssn(), "SSN"), ("US_PASSPORT", g.digits(9), "Passport number"), ("US_DRIVER_LICENSE", r.choice("ABDFGS") + g.digits(7), "Driver's license")],
           "de": [("DE_TAX_ID", g.taxid(), "Steuer-ID")], "fr": [("FR_NIR", g.nir(), "Numéro de sécurité sociale")], "es": [("ES_DNI", g.dni(), "DNI")],
           "it": [("IT_FISCAL_CODE", g.fiscal(), "Codice fiscale")], "nl": [("NL_BSN", g.bsn(), "BSN")]}[lang]
    ent, val, label = r.choice(ids)
    out.append(("kyc", ["KYC form\nName: ", ("PERSON", g.person(lang)), f"\n{label}: ", (ent, val), f"\n{L['mail']}: ", ("EMAIL", g.email(name)), f"\n{L['addr']}: ", ("STREET_ADDRESS", g.address(lang)), "\nSWIFT/BIC: ", ("SWIFT_BIC", r.choice(["DEUTDEFF", "COBADEFFXXX", "BNPAFRPP", "CHASUS33", "INGBNL2A", "BCITITMM"]))]))
    # HR email
    out.append(("hr_email", [f"{L['dear']} ", ("PERSON", r.choice(SURN[lang])), ",\n\nplease find the onboarding details. Hire date: ", ("DATE", g.date(lang)), ". UK NINO ", ("UK_NINO", g.nino()), ", NHS number ", ("UK_NHS", g.nhs()), ".\n\n", L["thanks"], "\n", ("PERSON", g.person(lang))]))
    # code with secrets
    out.append(("code", ["import os\nclient = Client(api_key=\"", ("API_KEY", g.api_key()), "\")\nDB_HOST = \"", ("IP_ADDRESS", f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"), "\"\n# device ", ("DEVICE_ID", g.mac()), "\n", "headers = {'Authorization': 'Bearer ", ("API_KEY", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI" + "".join(r.choice(string.ascii_letters) for _ in range(20)) + "." + "".join(r.choice(string.ascii_letters + string.digits) for _ in range(30))), "'}\n"]))
    # chat prompt
    out.append(("prompt", ["Summarize this note for the insurer: ", ("PERSON", g.person(lang)), " (VIN ", ("VEHICLE_ID", g.vin()), ") had an accident; date of loss ", ("DATE", g.date(lang)), ". Phone ", ("PHONE", g.phone(lang)), ", IMEI of the phone ", ("DEVICE_ID", g.imei()), ", DEA ", ("DEA_NUMBER", g.dea()), ", profile ",
                ("URL", r.choice([f"https://portal.example-clinic.org/patients/{g.digits(6)}", f"https://www.linkedin.com/in/{name.lower().replace(' ', '-')}-{g.digits(4)}"])), "."]))
    return out


NEGATIVES = [
    "Order #{o} shipped on 2024-03-14; tracking number {t}.",
    "Invoice {o} is due by March 3, 2025. Please pay before the deadline.",
    "Release v{v} ships on 2024-11-02 with build {b}.",
    "2024-03-14T10:22:01Z INFO request_id={h} latency=12ms status=200",
    "Take Metformin 500 mg twice daily; Lisinopril 10 mg once a day.",
    "President Macron met Chancellor Scholz in Berlin to discuss the budget.",
    "Apple and Microsoft reported revenue of $94.9 billion in Q3.",
    "See https://docs.python.org/3/library/json.html for the json module.",
    "Your card ending in {l4} was charged $42.10.",
    "The commit {sha} fixed the race in the scheduler.",
    "Container id {uuid} restarted 3 times.",
    "What does ICD-10 code E11.9 mean in general?",
    "A 54-year-old man presented with chest pain.",
    "Set api_key = YOUR_API_KEY in the config file.",
    "Ticket {o} was closed; claim number {t} is pending.",
    "The meeting on March 3 was moved to Friday.",
    "Wir treffen uns am 14.03.2025 im Büro in Berlin.",
    "La réunion du 3 mars est annulée; version 2.1.4 publiée.",
    "El pedido {o} llegó a Madrid el lunes.",
    "L'ordine {o} è stato spedito a Milano.",
    "De bestelling {o} is op 3 maart verzonden naar Utrecht.",
    "Number {bad} failed validation (checksum).",
    "Reference 000-00-0000 is a placeholder, not an SSN.",
    "The population of Springfield was 167,000 in 2020.",
    "Pi is approximately 3.14159 and e is 2.71828.",
    "Use port 8080 and timeout 30s; retries=5.",
]


def negative(g):
    r = g.r
    t = r.choice(NEGATIVES)
    text = t.format(o=g.digits(r.choice([6, 8, 10])), t=g.digits(12), v=f"{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}", b=g.digits(5), h=g.digits(16),
                    l4=g.digits(4), sha="".join(r.choice("0123456789abcdef") for _ in range(40)), uuid="%08x-%04x-%04x-%04x-%012x" % (r.getrandbits(32), r.getrandbits(16), r.getrandbits(16), r.getrandbits(16), r.getrandbits(48)),
                    bad=g.bad_card())
    return text


ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


def obfuscate(g, ent, val):
    r = g.r
    kind = r.choice(["zw", "fullwidth", "sep", "newline", "json", "lower"])
    if ent == "PERSON":
        return r.choice([val.lower(), val.upper(), val[:2] + r.choice(ZW) + val[2:]])
    if ent == "EMAIL":
        return val.replace("@", r.choice(["\\u0040", "＠"]))
    digits = sum(c.isdigit() for c in val)
    if digits < 6:
        return val
    if kind == "zw":
        i = r.randint(1, len(val) - 1)
        return val[:i] + r.choice(ZW) + val[i:]
    if kind == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in val)
    if kind in ("sep", "newline") and ent in ("CREDIT_CARD", "US_SSN", "IBAN"):
        compact = val.replace(" ", "").replace("-", "")
        sep = "\n" if kind == "newline" else r.choice([".", "/", " "])
        return sep.join(compact[i:i + 4] for i in range(0, len(compact), 4)) if ent != "US_SSN" else f"{compact[:3]}{sep}{compact[3:5]}{sep}{compact[5:]}"
    return val


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--out", default="detectors/eval/dataset.jsonl")
    args = ap.parse_args()
    g = Gen(args.seed)
    recs = []
    langs = ["en"] * 5 + ["de", "fr", "es", "it", "nl"] * 2
    n = 0
    for round_ in range(60):
        for lang in langs:
            for slice_, parts in templates(g, lang):
                if g.r.random() < 0.6:
                    continue
                n += 1
                adversarial = g.r.random() < 0.12
                if adversarial:
                    parts = [(p[0], obfuscate(g, p[0], p[1])) if isinstance(p, tuple) else p for p in parts]
                text, spans = spans_of(parts)
                recs.append({"id": f"{slice_}-{n:05d}", "lang": lang, "slice": "adversarial" if adversarial else slice_, "text": text, "spans": spans})
    positives = len(recs)
    for i in range(int(positives * 0.4)):
        text = negative(g)
        if g.r.random() < 0.3:
            text = text + " " + negative(g)
        recs.append({"id": f"neg-{i:05d}", "lang": "mixed", "slice": "negative", "text": text, "spans": []})
    g.r.shuffle(recs)
    for rec in recs:
        b = rec["text"].encode("utf-8")
        for s in rec["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(b)
            b[s["start"]:s["end"]].decode("utf-8")
    with open(args.out, "w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from collections import Counter
    print(f"{len(recs)} records, {sum(r['slice'] == 'negative' for r in recs)} negative")
    print(dict(sorted(Counter(r["slice"] for r in recs).items())))
    print(dict(sorted(Counter(s["entity"] for r in recs for s in r["spans"]).items())))


if __name__ == "__main__":
    main()

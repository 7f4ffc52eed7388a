#!/usr/bin/env python3
"""Generator for eval-dev7 (handoffs, minutes, chats, tickets, letters).

Standard library only; all vocabulary hand-written below; all values invented.
Deterministic: fixed seed. Usage: python3 gen.py [--stats]
"""
import json, random, re, sys, unicodedata
from collections import Counter, defaultdict

SEED = 20261207
N = 800
LANGS = {"en": 400, "de": 67, "fr": 67, "es": 67, "it": 67, "pt": 66, "nl": 66}
SLICES = ["handoff", "meeting", "chat", "ticket", "letter"]
KINDS = {"PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN", "US_BANK_ROUTING", "SWIFT_BIC",
         "ACCOUNT_NUMBER", "IP_ADDRESS", "URL", "DATE", "STREET_ADDRESS", "ZIP_CODE",
         "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "NPI", "DEA_NUMBER", "ICD10_CODE", "US_PASSPORT",
         "US_DRIVER_LICENSE", "UK_NHS", "UK_NINO", "DE_TAX_ID", "FR_NIR", "ES_DNI", "IT_FISCAL_CODE",
         "NL_BSN", "VEHICLE_ID", "DEVICE_ID", "API_KEY"}

# ---------------------------------------------------------------- names (hand-written)
GIVEN = """
Chiamaka Oluwaseun Ngozi Adaeze Babajide Folasade Kwabena Akosua Yaw Efua Abena Kofi
Mamadou Awa Ndeye Ousmane Fatoumata Aminata Seydou Wanjiru Kamau Achieng Otieno Nafula
Makena Tsion Yohannes Mekdes Abebe Selamawit Tesfaye Hodan Abdirahman Faadumo Nakato
Mugisha Uwimana Neema Baraka Rehema Zawadi Thandiwe Sipho Nomvula Lwazi Tendai Rudo
Tatenda Kudakwashe Lindiwe Bongani Anbarasan Kavitha Meenakshi Ramesh Lakshmi Saranya
Arjun Anirban Sreejith Nimisha Gurpreet Harjit Manpreet Dilnoza Rustam Aigerim Yerlan
Nurlan Gulnara Bakhyt Temirlan Zarina Farrukh Shahlo Bolormaa Batbayar Khulan Ganzorig
Thảo Minh Quân Linh Trọng Siosaia Mele Losaline Tevita Sefo Malia Tavita Lagi
Moana Wiremu Aroha Mereana Tamati Ngaire Hēmi Ataahua Kalani Keoni Leilani Mahina
Itzel Xóchitl Citlali Yaretzi Cuauhtémoc Wayra Illari Qhispi Amaru Rayen Ayelén
Nahuel Millaray Dzhamilya Ardak Siv Solveig Eirik Torunn Sigrún Ásdís Þórhildur Hallgrímur
Eyvindur Aino Eeva Ilmari Väinö Saara Liisi Kaja Tõnu Rein Mart Jānis Ilze Dace Aigars
Līga Rūta Žygimantas Gintarė Vytautas Aušra Dragana Miloš Jelena Vesna Zlatan Amra Edin
Nermina Blagoja Vasilka Bistra Todor Ivaylo Arben Ermira Dritan Mirela Ioana Radu Dorina
Fatima-Zahra Youssef Khadija Mounir Noura Tariq Layla Rania Bilal Samir Hala Yasmine
Darius Shirin Parisa Kourosh Farhad Golnar Roya Behrouz Elif Emre Zeynep Mert Gökhan
Şebnem Özlem Çağla Nodira Ulugbek Tahmina Sherzod Wahid Zarghona Hamida Pita Makoa
Ayasha Chenoa Tokala Kimi Nizhoni Ahanu Winona Takoda Kaya Jarrah Yindi Kirra Bindi
Kaiah Tarni Jae-won Seo-yeon Min-jun Ji-ho Haruto Yui Sakura Ren Daiki Aoi Xiuying
Zhiwei Jiayi Haoran Mei-Ling Wei Siti Nurul Wahyu Dewi Budi Putu Ketut Rizal Marisol
Teodoro Esperanza Florencia Joaquín Maite Iñaki Nerea Aitor Núria Jordi Pau Montserrat
Conceição Gonçalo Inês Joaquim Thiago Luana Raimundo Iolanda Niamh Siobhán Aoife Oisín
Cathal Dervla Eilidh Ruaridh Seren Rhodri Dafydd Gwenllian Henrike Jördis Wiebke Fenna
Sjoerd Hidde Femke Maartje Joost Bram Anouk Thijs Marie-Claire Jean-Baptiste Gwenaëlle
Maëlys Anaïs Loïc Benoît Sidonie Grazia Ottavio Ludovica Beatrice Saverio Nunzia Gennaro
Hope Grace Sunny Rose Blessing Precious Patience Joy Ivy Faith Dawn Honor
Ana-María Ha-eun Mohammed-Ali Kalinda Ximena Wanza Emeka Ifeoma Obinna Nnamdi
""".split()

SURNAMES_RAW = """
Okonkwo Adeyemi Eze Nwachukwu Ogunleye Mensah Asante Boateng Owusu Diallo Ndiaye Sow Keïta
Traoré Kamara Mwangi Njoroge Odhiambo Wekesa Kiprop Chebet Haile Gebremedhin Tesfamariam
Warsame Farah Nakamya Ssempijja Niyonzima Uwase Mutasa Moyo Chikwanha Dlamini Ndlovu
Khumalo Mokoena Zungu Subramaniam Raghunathan Balasubramanian Pillai Chatterjee Bandyopadhyay
Gill Sandhu Dhillon Rajapaksa Wickramasinghe Jayawardena Shrestha Gurung Tamang Rahman
Chowdhury Qureshi Abdullayev Yusupova Nurmagambetov Seitkali Tokayeva Karimov Rakhimova
Batsaikhan Ganbold Dorj Nguyễn Trần Phạm Lê Võ Huỳnh Santos-Reyes Dimaculangan Macaraeg Bautista
Siregar Nasution Wibisono Sukarnoputri Kittisak Srisuk Phommasack Thein Aung Kyaw Chanthavong
Tupou Fifita Taufa Vaifale Tuilagi Faleolo Ngata Te Rangi Parata Tawhiri Kahananui Akana
Nakoa Begay Yazzie Tsosie Two Bulls Eagleheart Cardinal Morningstar Kalluk Anguttitauruq Nango Sara
Huarachi Mamani Quispe Condori Ticona Huenchullán Painemal Catrileo Cuxil Tzoc Xicará
Coj Ramírez-Ocampo de la Cruz de la Fuente del Valle García-Lorca Etxeberria Goikoetxea Puigdemont
Vilaró Ferrer i Soler dos Santos da Conceição Magalhães Assunção Figueiredo Queiroz
Nogueira-Lopes Bianchi-Ferri Esposito Lo Bue D'Alessandro Dell'Orto Squillace Cuomo
van der Berg van den Heuvel de Vries ter Horst van 't Hof Dijkstra Hoekstra Bakker-Smit
Schröder Müller-Lüdenscheidt Großkopf Wübbena Öztürk Yılmaz Kaya Çelik Şahin Aydın
Hosseini Rahimi Tehrani Moradi Ghorbani Farahani Al-Hashimi Al-Saadi bin Abdullah bin Rashid
El Idrissi Benali Bouazizi Haddad Khoury Nasrallah Aziz Abou-Jaoude O'Sullivan O'Connell
Ní Bhriain Mac Giolla Íosa MacAulay Lewis-Pryce ap Rhys Gruffudd Kowalczyk Wiśniewska
Szymański Dvořák Novotná Horváth Szabó-Nagy Popescu Ionescu Dumitrescu Petrović Jovanović
Kovačević Hadžić Begović Dimitrov Georgieva Hoxha Berisha Papadopoulos Konstantinidou
Grigoryan Hakobyan Beridze Kapanadze Shevchenko Bondarenko Kazlauskas Žukauskaitė Bērziņš
Ozoliņa Tamm Saar Kask Virtanen Mäkelä Järvinen Halvorsen Bjørnstad Lindqvist Åkesson
Sigurðardóttir Guðmundsson Jóhannesdóttir Poulsen Kjærgaard Jensen-Holm Nakashima Takahashi
Watanabe Park Choi Jeong Kwon Zhao Liang Huang Chen-Wu Wong Leung Tanaka-Ruiz
Hope Rose
"""
_MULTI = ["Te Rangi", "Two Bulls", "de la Cruz", "de la Fuente", "del Valle", "Ferrer i Soler",
          "dos Santos", "da Conceição", "Lo Bue", "van der Berg", "van den Heuvel", "de Vries",
          "ter Horst", "van 't Hof", "bin Abdullah", "bin Rashid", "El Idrissi", "Ní Bhriain",
          "Mac Giolla Íosa", "ap Rhys"]
_flat = " ".join(SURNAMES_RAW.split())
for m in _MULTI:
    _flat = _flat.replace(m, m.replace(" ", "\u2060"))
SURNAMES = sorted({s.replace("\u2060", " ") for s in _flat.split()})

NICKS = ["Seun", "Tolu", "Kwabs", "Thandi", "Bongi", "Juanjo", "Nacho", "Manu", "Pepe", "Lolo",
         "Jojo", "Kiki", "Sanjay-bhai", "Minnie", "Babs", "Tunde", "Ade", "Nneka", "Chidi",
         "Femi", "Kobe", "Rafa", "Gigi", "Tiago", "Quim", "Sjoukje", "Mies", "Wim", "Bettina",
         "Dani", "Miri", "Lulu", "Zizi", "Kenji", "Yusuf", "Sami"]


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ø", "o").replace("Ø", "O").replace("ð", "d").replace("þ", "th").replace("Þ", "Th")
    s = s.replace("æ", "ae").replace("ß", "ss").replace("ı", "i").replace("đ", "d").replace("Đ", "D")
    s = s.replace("ł", "l")
    return re.sub(r"[^A-Za-z]", "", s).lower()


# ---------------------------------------------------------------- values
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
}


def fmt_date(R, lang, y, m, d, iso=False):
    if iso:
        return f"{y:04d}-{m:02d}-{d:02d}"
    M = MONTHS[lang][m - 1]
    opts = {
        "en": [f"{d:02d}/{m:02d}/{y}", f"{M} {d}, {y}", f"{d} {M} {y}", f"{y}-{m:02d}-{d:02d}",
               f"{d:02d}-{M[:3]}-{y}", f"{m:02d}/{d:02d}/{y}"],
        "de": [f"{d}. {M} {y}", f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}", f"{y}-{m:02d}-{d:02d}"],
        "fr": [f"{d if d > 1 else '1er'} {M} {y}", f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}"],
        "es": [f"{d} de {M} de {y}", f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}"],
        "it": [f"{d} {M} {y}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}.{m:02d}.{y}"],
        "pt": [f"{d} de {M} de {y}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}-{m:02d}-{y}"],
        "nl": [f"{d} {M} {y}", f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}"],
    }[lang]
    return R.choice(opts)


def luhn_ok(digits):
    s = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        s += n
    return s % 10 == 0


def luhn_complete(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c


def iban_check(cc, bban):
    s = "".join(str(int(c, 36)) for c in (bban + cc + "00").upper())
    return f"{98 - int(s) % 97:02d}"


def iban_ok(iban):
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s.upper())) % 97 == 1


def nhs_ok(n):
    d = [int(c) for c in n.replace(" ", "")]
    s = sum(d[i] * (10 - i) for i in range(9))
    c = 11 - s % 11
    c = 0 if c == 11 else c
    return c != 10 and c == d[9]


class Vals:
    def __init__(self, R, lang):
        self.R, self.lang = R, lang

    def digits(self, n, first="123456789"):
        R = self.R
        return R.choice(first) + "".join(R.choice("0123456789") for _ in range(n - 1))

    def dob(self, iso=False):
        R = self.R
        return fmt_date(R, self.lang, R.randint(1931, 2019), R.randint(1, 12), R.randint(1, 28), iso)

    def care(self, iso=False):
        R = self.R
        return fmt_date(R, self.lang, R.choice([2025, 2026]), R.randint(1, 12), R.randint(1, 28), iso)

    def phone(self):
        R, L, d = self.R, self.lang, self.digits
        if L == "en":
            if R.random() < .5:
                a, x = R.choice(["312", "617", "415", "206", "713", "503", "919"]), f"01{R.randint(0, 99):02d}"
                return R.choice([f"({a}) 555-{x}", f"{a}-555-{x}", f"+1 {a} 555 {x}", f"{a}.555.{x}"])
            x = f"{R.randint(0, 999):03d}"
            return R.choice([f"07700 900{x}", f"+44 7700 900{x}", f"020 7946 0{x}", f"0113 496 0{x}"])
        if L == "de":
            return R.choice([f"030 {d(8)}", f"+49 30 {d(7)}", f"0171 {d(7)}", f"+49 151 {d(8)}", f"089/{d(7)}"])
        if L == "fr":
            p = lambda: f"{R.randint(10, 99)}"
            return R.choice([f"06 {p()} {p()} {p()} {p()}", f"+33 6 {p()} {p()} {p()} {p()}",
                             f"01 {p()} {p()} {p()} {p()}", f"07.{p()}.{p()}.{p()}.{p()}"])
        if L == "es":
            return R.choice([f"6{d(2)} {d(3)} {d(3)}", f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}", f"91 {d(3)} {d(2)} {d(2)}"])
        if L == "it":
            return R.choice([f"3{d(2)} {d(3)} {d(4)}", f"+39 06 {d(4)} {d(4)}", f"34{d(1)} {d(7)}", f"+39 3{d(2)} {d(7)}"])
        if L == "pt":
            return R.choice([f"9{R.choice('1236')}{d(1)} {d(3)} {d(3)}", f"+351 9{R.choice('1236')}{d(1)} {d(3)} {d(3)}",
                             f"21 {d(3)} {d(4)}", f"+55 11 9{d(4)}-{d(4)}"])
        return R.choice([f"06-{d(8)}", f"+31 6 {d(8)}", f"020-{d(7)}", f"06 {d(2)} {d(2)} {d(2)} {d(2)}"])

    def addr(self):
        R, L = self.R, self.lang
        n = R.randint(1, 240)
        if L == "en":
            if R.random() < .5:
                return f"{R.randint(100, 9899)} {R.choice(['Juniper Hollow', 'Cedar Bluff', 'Tamarack', 'Prairie Wind', 'Quarry Hill', 'Silver Lake', 'Old Mill'])} {R.choice(['Rd', 'Dr', 'Ave', 'Lane', 'Ct', 'Blvd'])}" + R.choice(["", f", Apt {R.randint(1, 40)}", f" #{R.randint(100, 999)}"])
            return R.choice(["", f"Flat {R.randint(1, 30)}, "]) + f"{n} {R.choice(['Harefield', 'Mossbank', 'Thornleigh', 'Brackenbury', 'Wyndcliffe', 'Ashgrove', 'Kelvinhaugh'])} {R.choice(['Road', 'Lane', 'Close', 'Crescent', 'Street', 'Gardens'])}"
        if L == "de":
            return R.choice([f"{R.choice(['Linden', 'Birken', 'Kastanien', 'Mühlen', 'Wiesen', 'Brunnen'])}straße {n}",
                             f"Am {R.choice(['Eichenhain', 'Mühlbach', 'Sonnenhang'])} {n}{R.choice(['', 'a', 'b'])}",
                             f"{R.choice(['Heide', 'Holunder', 'Ahorn'])}weg {n}"])
        if L == "fr":
            return R.choice([f"{n} rue des {R.choice(['Lilas', 'Tanneurs', 'Glycines', 'Remparts', 'Cordiers'])}",
                             f"{n} bis, avenue du {R.choice(['Moulin', 'Parc', 'Château-d’Eau'])}",
                             f"{n} chemin de la {R.choice(['Source', 'Garenne', 'Croix-Blanche'])}"])
        if L == "es":
            return R.choice([f"Calle del {R.choice(['Olmo', 'Almendro', 'Pez', 'Laurel'])} {n}, {R.randint(1, 9)}º {R.choice('ABCD')}",
                             f"Avda. de los {R.choice(['Naranjos', 'Tilos', 'Pinos'])}, {n}",
                             f"C/ {R.choice(['Jazmín', 'Ribera', 'Alameda'])} {n}, bajo"])
        if L == "it":
            return R.choice([f"Via dei {R.choice(['Tigli', 'Glicini', 'Mille', 'Fabbri', 'Cerchi'])} {n}",
                             f"Viale delle {R.choice(['Rimembranze', 'Acacie', 'Magnolie'])} {n}/{R.choice('ABC')}",
                             f"Piazza del {R.choice(['Mercato', 'Duomo', 'Carmine'])} {n}"])
        if L == "pt":
            return R.choice([f"Rua das {R.choice(['Flores', 'Amoreiras', 'Gaivotas', 'Olarias'])}, {n}, {R.randint(1, 8)}.º Esq.",
                             f"Avenida da {R.choice(['Liberdade', 'República', 'Boavista'])}, n.º {n}",
                             f"Travessa do {R.choice(['Carmo', 'Salitre', 'Poço'])} {n}"])
        return R.choice([f"{R.choice(['Linden', 'Berken', 'Beuken', 'Vlinder'])}straat {n}",
                         f"{R.choice(['Eiken', 'Wilgen', 'Esdoorn'])}laan {n}-{R.choice(['I', 'II', 'III'])}",
                         f"{R.choice(['Prinsen', 'Bloem', 'Lijnbaans'])}gracht {n} {R.choice('ABC')}"])

    def pobox(self):
        R, n = self.R, self.R.randint(10, 9899)
        return {"en": f"PO Box {n}", "de": f"Postfach {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}",
                "fr": f"BP {n}", "es": f"Apartado de Correos {n}", "it": f"Casella Postale {n}",
                "pt": f"Apartado {n}", "nl": f"Postbus {n}"}[self.lang]

    def zip(self):
        R, L = self.R, self.lang
        if L == "en":
            if R.random() < .5:
                z = f"{R.randint(10000, 99899)}"
                return z + (f"-{R.randint(1000, 9999)}" if R.random() < .3 else "")
            return f"{R.choice(['LS', 'M', 'BS', 'EH', 'CF', 'NE', 'G'])}{R.randint(1, 19)} {R.randint(1, 9)}{R.choice('ABDEFGHJLNPQRSTUWXYZ')}{R.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        if L == "pt":
            return f"{R.randint(1000, 9999)}-{R.randint(0, 999):03d}"
        if L == "nl":
            return f"{R.randint(1000, 9999)} {R.choice('ABCEGHJKLNPRSTVWXZ')}{R.choice('ABCEGHJKLNPRSTVWXZ')}"
        return f"{R.randint(1, 95):02d}{R.randint(0, 999):03d}"

    def city(self):
        return self.R.choice({"en": ["Leeds", "Bristol", "Cardiff", "Columbus", "Tacoma", "Duluth", "Inverness"],
                              "de": ["Bielefeld", "Kassel", "Görlitz", "Regensburg"], "fr": ["Besançon", "Rennes", "Nîmes", "Angers"],
                              "es": ["Valladolid", "Cáceres", "Logroño", "Málaga"], "it": ["Bergamo", "Lecce", "Perugia", "Trento"],
                              "pt": ["Braga", "Coimbra", "Setúbal", "Faro"], "nl": ["Zwolle", "Leeuwarden", "Tilburg", "Delft"]}[self.lang])

    def mrn(self):
        R, d = self.R, self.digits
        return R.choice([d(7), f"{R.choice(['RX', 'MR', 'H'])}{d(7)}", f"{d(3)}-{d(3)}-{d(3)}", f"{R.choice(['2025', '2026'])}{d(6, '0123456789')}"])

    def hp(self):
        R, d, L = self.R, self.digits, self.lang
        up = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return R.choice({
            "en": [f"{R.choice(up)}{R.choice(up)}{R.choice(up)}{d(9)}", f"W{d(8)}-{d(2)}", f"MBR-{d(8)}"],
            "de": [f"{R.choice(up)}{d(9)}"], "fr": [f"{d(9)}", f"ADH-{d(7)}"],
            "es": [f"{R.choice(up)}{R.choice(up)}{R.choice(up)}{R.choice(up)}{d(6)}{d(2)}", f"POL-{d(8)}"],
            "it": [f"{d(8)}/{R.randint(10, 99)}", f"POL{d(9)}"], "pt": [f"{d(9)}"], "nl": [f"{d(9)}", f"POL-{d(8)}"]}[L])

    def acct(self):
        return self.R.choice([self.digits(10), self.digits(8), f"{self.digits(4)}-{self.digits(6, '0123456789')}", self.digits(12)])

    def iban(self):
        R, d = self.R, self.digits
        cc = {"en": R.choice(["GB", "GB", "DE"]), "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "nl": "NL"}[self.lang]
        bban = {"GB": lambda: R.choice(["NWBK", "BARC", "MIDL", "LOYD"]) + d(6) + d(8),
                "DE": lambda: d(8) + d(10, "0123456789"),
                "FR": lambda: "30004" + d(5, "0123456789") + d(11, "0123456789") + d(2, "0123456789"),
                "ES": lambda: d(4) + d(4, "0123456789") + d(2, "0123456789") + d(10, "0123456789"),
                "IT": lambda: R.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") + d(5) + d(5) + d(12, "0123456789"),
                "PT": lambda: "0035" + d(17, "0123456789"),
                "NL": lambda: R.choice(["RABO", "INGB", "ABNA", "TRIO"]) + d(10, "0123456789")}[cc]()
        raw = cc + iban_check(cc, bban) + bban
        assert iban_ok(raw)
        if R.random() < .7:
            return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))
        return raw

    def card(self):
        R = self.R
        t = R.choice(["visa", "mc", "amex"])
        if t == "amex":
            n = luhn_complete("37" + self.digits(12, "0123456789"))
            return f"{n[:4]} {n[4:10]} {n[10:]}" if R.random() < .7 else n
        n = luhn_complete(("4" if t == "visa" else R.choice(["51", "53", "55"])) + self.digits(14 if t == "visa" else 13, "0123456789"))
        assert len(n) == 16
        assert luhn_ok(n)
        sep = R.choice([" ", "-", " ", ""])
        return sep.join(n[i:i + 4] for i in range(0, 16, 4))

    def ip(self):
        R = self.R
        return f"{R.choice([10, 172, 192, 145, 81, 62, 93])}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"

    def ssn(self):
        R = self.R
        a = R.choice([x for x in range(1, 900) if x != 666])
        return f"{a:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"

    def nhs(self):
        while True:
            b = self.digits(9)
            s = sum(int(b[i]) * (10 - i) for i in range(9))
            c = 11 - s % 11
            c = 0 if c == 11 else c
            if c != 10:
                n = b + str(c)
                assert nhs_ok(n)
                return f"{n[:3]} {n[3:6]} {n[6:]}"

    def npi(self):
        b = self.R.choice("12") + self.digits(8, "0123456789")
        full = luhn_complete("80840" + b)
        n = b + full[-1]
        assert luhn_ok("80840" + n)
        return n

    def icd(self):
        return self.R.choice(["E11.9", "I50.9", "J44.1", "N18.4", "C34.90", "F32.1", "I63.9", "K85.9", "A41.9", "S72.001A", "J18.9", "I48.91"])

    def dev(self):
        R = self.R
        return R.choice([f"SN-{self.digits(4)}-{R.choice('KQXZ')}{self.digits(5)}", f"PUMP{self.digits(8)}",
                         "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10)), f"CGM-{self.digits(9)}"])


# ---------------------------------------------------------------- unlabelled fillers (look-alikes)
FILL = {
    "drug": ["Eliquis 5 mg", "Keppra 500 mg", "Lasix 40 mg IV", "Tazocin 4.5 g", "Clexane 40 mg", "Oramorph 5 mg",
             "Metformin 1 g", "Ozempic 0.5 mg", "Augmentin 625 mg", "Xarelto 20 mg", "Novorapid 6 units", "Sinemet 25/100"],
    "epo": {"en": ["Parkinson's", "Crohn's", "Hodgkin lymphoma", "Cushing's", "Addison's crisis", "Guillain-Barré", "Bell's palsy", "Hashimoto's"],
            "de": ["Morbus Parkinson", "Morbus Crohn", "Hodgkin-Lymphom", "Morbus Addison", "Guillain-Barré-Syndrom"],
            "fr": ["maladie de Parkinson", "maladie de Crohn", "lymphome de Hodgkin", "syndrome de Cushing"],
            "es": ["enfermedad de Parkinson", "enfermedad de Crohn", "linfoma de Hodgkin", "síndrome de Guillain-Barré"],
            "it": ["morbo di Parkinson", "malattia di Crohn", "linfoma di Hodgkin", "tiroidite di Hashimoto"],
            "pt": ["doença de Parkinson", "doença de Crohn", "linfoma de Hodgkin", "paralisia de Bell"],
            "nl": ["ziekte van Parkinson", "ziekte van Crohn", "Hodgkin-lymfoom", "ziekte van Addison"]},
    "score": ["GCS 14", "Glasgow Coma Scale 13/15", "Apgar 9/10", "NEWS2 5", "Wells score 4", "CURB-65 of 2", "Braden 12", "Waterlow 18"],
    "dev": ["Foley catheter", "Swan-Ganz line", "Holter monitor", "Hickman line", "PICC line", "Guedel airway"],
    "firm": ["Johnson & Johnson", "Siemens Healthineers", "Philips", "Wells Fargo", "Morgan Stanley", "Roche", "Baxter", "Medtronic", "Cerner", "Epic"],
    "place": ["Florence", "Victoria", "Santiago", "Adelaide", "Charlotte", "Lourdes", "Regina", "Eugene", "Georgetown", "Sofia"],
    "ver": ["v4.2.1", "build 2026.11.3", "release 7.0.14", "firmware 3.8.2", "v12.0", "patch 5.4.7-hotfix2"],
    "ward": {"en": ["Ward 7B", "bed 14", "bay 3 bed 2", "side room 6", "ICU bed 9", "Stroke Unit bed 4", "HDU 2", "room 412"],
             "de": ["Station 4B", "Zi. 12 Bett 2", "IMC Bett 3", "Stroke Unit Bett 4", "Station Kardiologie 2"],
             "fr": ["USC lit 4", "chambre 212", "secteur B lit 3", "réa box 7", "UHCD lit 2"],
             "es": ["planta 5ª", "hab. 314-B", "box 7 de urgencias", "UCI cama 4", "Unidad de Ictus cama 2"],
             "it": ["reparto 3B", "letto 12", "stanza 21 letto 2", "sub-intensiva letto 4", "OBI letto 6"],
             "pt": ["enfermaria 3", "cama 14", "quarto 212", "UCI cama 4", "sala de observação 2"],
             "nl": ["afdeling 4B", "kamer 12 bed 2", "IC bed 9", "CCU bed 3", "SEH box 4"]},
    "order": ["ORD-2026-004417", "PO 88213", "order #551902", "lot 24K117", "batch A7731"],
    "tkt": ["INC0048812", "CHG-22917", "REQ-104553", "JIRA HIS-3391", "case 7731-B", "SR#00451"],
    "time": ["07:30", "14:00", "19:45", "02:15", "08:00", "21:30"],
    "lab": ["K+ 5.9", "Hb 78 g/L", "CRP 212", "lactate 3.4", "INR 3.8", "troponin 89 ng/L", "eGFR 24", "Na 128"],
    "wd": {"en": ["Monday", "Tuesday", "Thursday", "Friday"], "de": ["Montag", "Dienstag", "Freitag"], "fr": ["lundi", "mardi", "vendredi"],
           "es": ["lunes", "martes", "viernes"], "it": ["lunedì", "martedì", "venerdì"], "pt": ["segunda-feira", "terça-feira", "sexta-feira"],
           "nl": ["maandag", "dinsdag", "vrijdag"]},
    "hol": {"en": ["Christmas Day", "Boxing Day", "Easter Monday", "Thanksgiving", "the August bank holiday"], "de": ["Ostermontag", "Pfingsten", "Heiligabend"],
            "fr": ["la Toussaint", "le 14 juillet", "Noël"], "es": ["Semana Santa", "el día de Reyes", "Nochebuena"],
            "it": ["Ferragosto", "Pasquetta", "Natale"], "pt": ["o Carnaval", "o Natal", "a Páscoa"], "nl": ["Koningsdag", "Pinksteren", "Kerstmis"]},
    "mon": {L: MONTHS[L] for L in MONTHS},
    "age": ["84", "67", "45", "91", "3", "29", "72"],
    "rel": ["2026-01-15", "15 Jan", "end of Q2", "31/03"],
    "chatdate": ["04/11/2026", "11/11/2026", "2026-11-18", "25/11/2026"],
    "rate": ["bank rate 4.75%", "overdraft limit 500", "fee 12.50", "APR 19.9%"],
}


# ---------------------------------------------------------------- templates
# ⟨key⟩ labelled value; ⟨=name⟩ unlabelled filler; «a¦b¦c» random alternative.
# person keys: pN (Given Surname), pN.f, pN.l, pN.lf (Surname, Given), pN.LF (SURNAME, Given),
# pN.i (Initial. Surname), pN.em (e-mail); nkN nickname.
T = defaultdict(list)


def add(lang, sl, pol, *tpls):
    for t in tpls:
        # "Given Surname" written as two keys is one full name: one span
        t = re.sub(r"⟨(p\d)\.f⟩ ⟨\1\.l⟩", r"⟨\1⟩", t)
        T[(lang, sl, pol)].append(t)


# ======== English
add("en", "handoff", "pos",
    "SBAR ⟨=ward⟩\nS: ⟨p1⟩, ⟨=age⟩y, DOB ⟨dob1⟩, MRN ⟨mrn1⟩, «admitted¦adm» ⟨d1⟩ with «sepsis¦CAP¦AKI».\nB: hx of ⟨=epo⟩, on ⟨=drug⟩.\nA: ⟨=score⟩, ⟨=lab⟩.\nR: «repeat bloods at¦review by reg at» ⟨=time⟩. wife ⟨p2.f⟩ aware, ph ⟨ph1⟩.",
    "handover ⟨=time⟩ - bed «4¦11¦17» ⟨p1.l⟩: «settled overnight¦spiked at 0300», ⟨=lab⟩. daughter ⟨p2⟩ on ⟨ph1⟩ wants a call. bed «5¦12» ⟨p3.f⟩ ⟨p3.l⟩ (NHS ⟨nhs1⟩) for d/c ⟨d1⟩ if ⟨=lab⟩ improving.",
    "I-PASS\nIllness severity: watcher\nPatient: ⟨p1.lf⟩, DOB ⟨dob1⟩, MRN ⟨mrn1⟩, dx ⟨icd1⟩\nAction list: chase echo, ⟨p2.f⟩ (sister) visiting ⟨d1⟩\nSituation awareness: if ⟨=score⟩ drops call ⟨p3.f⟩ on the outreach team\nSynthesis: ⟨p4.l⟩ to read back",
    "night handover from ⟨p1.f⟩ to ⟨p2.f⟩: ⟨p3.LF⟩ «bed 9¦side room 2» ⟨=age⟩F, fell at home, ⟨=epo⟩; son ⟨p4⟩ lives at ⟨addr1⟩, ⟨zip1⟩, contact ⟨ph1⟩. appt with ⟨p5.i⟩ booked ⟨d1⟩.",
    "«Ward round summary¦Post-take handover» ⟨=ward⟩: ⟨p1⟩ (⟨=age⟩M, MRN ⟨mrn1⟩) - «NPO from midnight¦keep NBM», theatre ⟨d1⟩. «Consultant¦Attending» ⟨p2.i⟩ (NPI ⟨npi1⟩) aware. Partner ⟨p3.f⟩ asked that ⟨p1.f⟩'s ⟨=drug⟩ be held.",
)
add("en", "handoff", "neg",
    "handover ⟨=time⟩ ⟨=ward⟩: pt settled, ⟨=lab⟩, on ⟨=drug⟩. hx ⟨=epo⟩. ⟨=score⟩. reg aware, plan r/v after ward round. next of kin informed by the nurse in charge.",
    "SBAR\nS: the patient in ⟨=ward⟩, ⟨=age⟩M, new ⟨=lab⟩.\nB: known ⟨=epo⟩, ⟨=dev⟩ in situ.\nA: ⟨=score⟩.\nR: registrar to review at ⟨=time⟩, pharmacy to check ⟨=drug⟩ (⟨=order⟩).",
    "I-PASS ⟨=ward⟩: illness severity stable. ⟨=epo⟩ flare, ⟨=drug⟩ started. contingency: if ⟨=lab⟩ worsens page the on-call SHO. bank holiday ⟨=hol⟩ so no physio until ⟨=wd⟩.",
)
add("en", "meeting", "pos",
    "Minutes - «MDT¦case conference¦governance meeting», ⟨=wd⟩ ⟨=time⟩\nPresent: ⟨p1⟩ (chair), ⟨p2⟩, ⟨p3.i⟩, ⟨p4⟩\nApologies: ⟨p5⟩\n1. ⟨p6⟩ (DOB ⟨dob1⟩, MRN ⟨mrn1⟩) - ⟨=epo⟩, for ⟨=drug⟩.\nACTION: ⟨p2.f⟩ to contact GP; ⟨p4.l⟩ to book review ⟨d1⟩.",
    "Case conference notes\nAttendees: ⟨p1⟩, ⟨p2⟩, ⟨p3⟩ (social work)\nDecision: ⟨p4.LF⟩ can go home with package of care from ⟨d1⟩.\nNext of kin ⟨p5⟩ («son¦niece¦husband»), tel ⟨ph1⟩.\n| Action | Owner | Due |\n| OT home visit | ⟨p3.f⟩ | ⟨=wd⟩ |\n| Letter to GP | ⟨p1.l⟩ | ⟨=rel⟩ |",
    "Safeguarding review ⟨=time⟩. Chair: ⟨p1⟩. Present: ⟨p2⟩, ⟨p3⟩. Apologies: ⟨p4.f⟩ ⟨p4.l⟩. Discussed ⟨p5⟩, ⟨=age⟩, of ⟨addr1⟩, ⟨zip1⟩. ACTION: ⟨p2⟩ to share minutes; ⟨p3.f⟩ to update ⟨p5.f⟩'s plan.",
    "Mortality & morbidity minutes\nPresent: ⟨p1.i⟩, ⟨p2.i⟩, ⟨p3⟩, ⟨p4⟩\nCase 1: ⟨p5⟩, MRN ⟨mrn1⟩, admitted ⟨d1⟩, died ⟨d2⟩. ⟨=epo⟩.\nOutcome: learning shared. ACTION: ⟨p3.l⟩ to present at next ⟨=wd⟩ meeting.",
)
add("en", "meeting", "neg",
    "Minutes - bed management meeting ⟨=wd⟩ ⟨=time⟩\nPresent: site manager, matron, ED consultant, pharmacy lead\nApologies: the medical director\n1. ⟨=ward⟩ closed to admissions (norovirus).\nACTION: matron to review staffing before ⟨=hol⟩. Decision: ⟨=firm⟩ pump trial extended to ⟨=mon⟩.",
    "Governance meeting notes\nAttendees: all band 7s, the clinical lead, IT representative\nItems: ⟨=epo⟩ pathway, ⟨=score⟩ audit, ⟨=firm⟩ contract (⟨=order⟩), EPR ⟨=ver⟩ go-live in ⟨=mon⟩.\n| Action | Owner | Due |\n| Update SOP | ward manager | ⟨=rel⟩ |\n| Chase ⟨=tkt⟩ | IT lead | ⟨=wd⟩ |",
    "Case conference (anonymised for teaching): ⟨=age⟩-year-old with ⟨=epo⟩ seen in ⟨=place⟩ clinic. The registrar presented, the consultant summarised. ACTION: education lead to circulate slides. Next meeting ⟨=wd⟩ after ⟨=hol⟩.",
)
add("en", "chat", "pos",
    "[⟨=time⟩] ⟨p1.f⟩: anyone free to cover ⟨p2.f⟩'s patients?\n[⟨=time⟩] ⟨p2.f⟩: ty!! ⟨p3⟩ in ⟨=ward⟩ needs bloods, ⟨p3.f⟩'s son ⟨p4.f⟩ is on the way\n[⟨=time⟩] ⟨nk1⟩: on it",
    "⟨p1⟩ [⟨=time⟩]: @⟨p2.f⟩ can u check on ⟨p3.l⟩ bed «3¦8», DOB ⟨dob1⟩, family asking\n⟨p2⟩ [⟨=time⟩]: seen, ⟨=lab⟩. told ⟨p3.f⟩ we'd call ⟨p4.f⟩ on ⟨ph1⟩",
    "⟨=chatdate⟩, ⟨=time⟩ - ⟨p1.f⟩: is ⟨p2.f⟩ in today\n⟨=chatdate⟩, ⟨=time⟩ - ⟨p3.f⟩: she swapped with ⟨nk1⟩. ⟨p4⟩ from ⟨=ward⟩ wants ⟨p4.f⟩'s meds reviewed, mrn ⟨mrn1⟩",
    "[⟨=time⟩] ⟨p1.f⟩: reminder ⟨p2⟩ appt moved to ⟨d1⟩\n[⟨=time⟩] ⟨p3.f⟩: ok will tell ⟨p2.f⟩ and email ⟨p2.em⟩",
)
add("en", "chat", "neg",
    "[⟨=time⟩] charge nurse: ⟨=ward⟩ needs a porter\n[⟨=time⟩] bed manager: porters busy, eta 20 min\n[⟨=time⟩] charge nurse: ok. also ⟨=drug⟩ out of stock, pharmacy says ⟨=order⟩ due ⟨=wd⟩",
    "[⟨=time⟩] on-call reg: who has the ⟨=dev⟩ tray?\n[⟨=time⟩] theatre coordinator: in recovery. ⟨=score⟩ pt in ⟨=ward⟩ going first\n[⟨=time⟩] on-call reg: 👍 see u after the ⟨=hol⟩ rota call",
    "[⟨=time⟩] IT helpdesk bot: ⟨=tkt⟩ resolved, EPR updated to ⟨=ver⟩\n[⟨=time⟩] ward clerk: still can't print labels in ⟨=ward⟩\n[⟨=time⟩] IT helpdesk bot: reopened, ⟨=firm⟩ engineer booked ⟨=wd⟩",
)
add("en", "ticket", "pos",
    "⟨=tkt⟩ | Priority P2 | Requester: ⟨p1⟩ <⟨p1.em⟩> ext ⟨ph1⟩\nDescription: EPR shows wrong DOB for patient ⟨p2⟩ (MRN ⟨mrn1⟩): should be ⟨dob1⟩. Workstation ⟨ip1⟩.",
    "2026-11-0«2¦3¦4»T0«6¦7¦8»:12:44Z level=warn svc=portal msg=\"failed login\" user=\"⟨p1⟩\" email=⟨p1.em⟩ src_ip=⟨ip1⟩ member_id=⟨hp1⟩",
    "{\"ticket\": \"⟨=tkt⟩\", \"customer\": {\"name\": \"⟨p1⟩\", \"dob\": \"⟨dob1.iso⟩\", \"phone\": \"⟨ph1⟩\", \"account\": \"⟨acct1⟩\"}, \"note\": \"card ⟨cc1⟩ blocked after dispute, spoke to ⟨p1.f⟩\"}",
    "CRM case ⟨=tkt⟩ - caller ⟨p1.lf⟩, SSN ⟨ssn1⟩, acct ⟨acct1⟩, IBAN ⟨iban1⟩. Says transfer to ⟨p2⟩ never arrived. Agent: ⟨p3.f⟩.",
    "INC raised by ⟨p1⟩ (⟨p1.em⟩): insulin pump serial ⟨dev1⟩ for patient ⟨p2.lf⟩, MRN ⟨mrn1⟩, not syncing with ⟨=firm⟩ portal ⟨=ver⟩. Call back ⟨ph1⟩.",
)
add("en", "ticket", "neg",
    "⟨=tkt⟩ | P3 | Requester: ward clerk, ⟨=ward⟩\nDescription: label printer offline after ⟨=ver⟩ update. ⟨=firm⟩ driver reinstalled, ⟨=order⟩ raised for toner.",
    "2026-11-04T09:12:44Z level=error svc=lab-interface msg=\"HL7 ACK timeout\" queue=ADT retries=3 host=lab-gw-02 build=⟨=ver⟩ ref=⟨=tkt⟩",
    "{\"ticket\": \"⟨=tkt⟩\", \"category\": \"billing\", \"summary\": \"⟨=rate⟩ applied twice\", \"assigned_group\": \"payments L2\", \"sla\": \"48h\", \"site\": \"⟨=place⟩ branch\"}",
)
add("en", "letter", "pos",
    "Dear Dr ⟨p1.l⟩,\nRe: ⟨p2⟩, DOB ⟨dob1⟩, NHS ⟨nhs1⟩\n⟨addr1⟩, ⟨=city⟩ ⟨zip1⟩\nThank you for seeing ⟨p2.f⟩, who has ⟨=epo⟩. «Seen in clinic¦Reviewed» on ⟨d1⟩. Tel ⟨ph1⟩.\nYours sincerely,\n⟨p3⟩",
    "INSURANCE CLAIM FORM\nMember name: ⟨p1⟩\nMember ID: ⟨hp1⟩\nDate of birth: ⟨dob1⟩\nAddress: ⟨addr1⟩, ⟨=city⟩, ⟨zip1⟩\nDate of service: ⟨d1⟩\nTreating physician: ⟨p2⟩, NPI ⟨npi1⟩",
    "To the complaints team,\nI, ⟨p1⟩, of ⟨addr1⟩, ⟨zip1⟩, hold account ⟨acct1⟩ (IBAN ⟨iban1⟩). A payment to ⟨p2⟩ was taken twice from card ⟨cc1⟩. Please call me on ⟨ph1⟩ or write to ⟨pobox1⟩.\n⟨p1.f⟩ ⟨p1.l⟩",
    "Referral: ⟨p1.LF⟩, born ⟨dob1⟩, SSN ⟨ssn1⟩, ⟨addr1⟩, ⟨zip1⟩. Member ⟨hp1⟩. Referred by ⟨p2.i⟩ for ⟨icd1⟩, first visit ⟨d1⟩.",
)
add("en", "letter", "neg",
    "Dear colleague,\nPlease find enclosed the updated ⟨=epo⟩ referral pathway. Clinics run ⟨=wd⟩s at the ⟨=place⟩ site, ⟨=time⟩. Referrals received after ⟨=hol⟩ will be triaged in ⟨=mon⟩.\nYours sincerely,\nThe Outpatient Services Manager",
    "CLAIM FORM (blank template)\nMember name: ____\nMember ID: ____\nDate of birth: DD/MM/YYYY\nTreatment: e.g. ⟨=drug⟩, ⟨=dev⟩\nPlease return to the claims department, ⟨=firm⟩ building, by ⟨=rel⟩.",
    "Dear customer,\nFrom ⟨=mon⟩ the ⟨=rate⟩ will change. Your card ending 4471 is unaffected. Our ⟨=place⟩ branch will close on ⟨=hol⟩. Reference ⟨=tkt⟩.\nKind regards,\nCustomer Relations",
)


# ======== German
add("de", "handoff", "pos",
    "Übergabe Frühdienst ⟨=ward⟩: Fr. ⟨p1.l⟩ (⟨p1⟩, geb. ⟨dob1⟩, Fallnr. ⟨mrn1⟩), ⟨=epo⟩, ⟨=lab⟩. Tochter ⟨p2⟩ ruft an unter ⟨ph1⟩. Entlassung geplant ⟨d1⟩.",
    "SBAR Zi. «12¦7¦3»: S: ⟨p1.f⟩ ⟨p1.l⟩, ⟨=age⟩ J., aufgenommen ⟨d1⟩. B: ⟨=drug⟩. A: ⟨=score⟩. R: OA ⟨p2.l⟩ informieren, Ehemann ⟨p3.f⟩ kommt um ⟨=time⟩. KV-Nr. ⟨hp1⟩.",
)
add("de", "handoff", "neg",
    "Übergabe Nachtdienst ⟨=ward⟩: Pat. schläft, ⟨=lab⟩, ⟨=drug⟩ pausiert wegen ⟨=epo⟩. ⟨=score⟩. Stationsarzt informiert, Visite am ⟨=wd⟩ um ⟨=time⟩.",
)
add("de", "meeting", "pos",
    "Protokoll Fallkonferenz\nAnwesend: ⟨p1⟩ (Vorsitz), ⟨p2⟩, ⟨p3⟩\nEntschuldigt: ⟨p4⟩\nTOP 1: ⟨p5⟩, geb. ⟨dob1⟩ – ⟨=epo⟩.\nBeschluss: Reha ab ⟨d1⟩.\nAUFGABE: ⟨p2.l⟩ kontaktiert Hausärztin; ⟨p3.f⟩ informiert Sohn ⟨p6.f⟩.",
    "Teambesprechung ⟨=wd⟩\nTeilnehmende: ⟨p1.i⟩, ⟨p2⟩, ⟨p3⟩\n| Aufgabe | Verantwortlich | Frist |\n| Pflegegrad beantragen für ⟨p4⟩ | ⟨p2.l⟩ | ⟨=rel⟩ |\n| Rückruf Angehörige (⟨ph1⟩) | ⟨p3.f⟩ | ⟨=wd⟩ |",
)
add("de", "meeting", "neg",
    "Protokoll Stationsleitungsrunde ⟨=wd⟩ ⟨=time⟩\nAnwesend: Pflegedirektion, Stationsleitungen, Hygienefachkraft\nEntschuldigt: Chefarzt Innere\nTOP 1: ⟨=ward⟩ gesperrt. TOP 2: ⟨=firm⟩-Pumpen, Software ⟨=ver⟩.\nAUFGABE: Hygiene prüft bis ⟨=hol⟩.",
)
add("de", "chat", "pos",
    "[⟨=time⟩] ⟨p1.f⟩: wer übernimmt ⟨p2.f⟩s patienten?\n[⟨=time⟩] ⟨p3.f⟩: ich. ⟨p4⟩ in ⟨=ward⟩ braucht noch labor, ihr mann ⟨p5.f⟩ ist unterwegs\n[⟨=time⟩] ⟨nk1⟩: danke!",
    "⟨p1⟩ [⟨=time⟩]: @⟨p2.f⟩ kannst du bei ⟨p3.l⟩ schauen? geb. ⟨dob1⟩, angehörige fragen\n⟨p2⟩ [⟨=time⟩]: gemacht, rückruf an ⟨ph1⟩",
)
add("de", "chat", "neg",
    "[⟨=time⟩] Stationsleitung: ⟨=ward⟩ braucht Transportdienst\n[⟨=time⟩] Bettenmanagement: kommt in 20 min\n[⟨=time⟩] Stationsleitung: ok, ⟨=drug⟩ ist aus, Apotheke sagt ⟨=order⟩ am ⟨=wd⟩",
)
add("de", "ticket", "pos",
    "Ticket ⟨=tkt⟩ | Melder: ⟨p1⟩ <⟨p1.em⟩>, Tel. ⟨ph1⟩\nBeschreibung: Falsches Geburtsdatum bei Patientin ⟨p2⟩ (Fallnr. ⟨mrn1⟩), korrekt: ⟨dob1⟩. Arbeitsplatz ⟨ip1⟩.",
    "CRM-Vorgang ⟨=tkt⟩: Kunde ⟨p1.lf⟩, Konto ⟨acct1⟩, IBAN ⟨iban1⟩, Anschrift ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Lastschrift an ⟨p2⟩ zurückgegeben. Bearbeiterin: ⟨p3.f⟩.",
)
add("de", "ticket", "neg",
    "Ticket ⟨=tkt⟩ | Prio 3 | Melder: Stationssekretariat ⟨=ward⟩\nEtikettendrucker offline nach Update ⟨=ver⟩. ⟨=firm⟩-Treiber neu installiert, Bestellung ⟨=order⟩.",
)
add("de", "letter", "pos",
    "Sehr geehrte Frau Kollegin ⟨p1.l⟩,\nwir berichten über ⟨p2⟩, geb. am ⟨dob1⟩, wohnhaft ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩, die sich am ⟨d1⟩ mit ⟨=epo⟩ vorstellte. Rückfragen: ⟨ph1⟩.\nMit freundlichen Grüßen\n⟨p3⟩",
    "Schadensmeldung\nVersicherte/r: ⟨p1⟩\nVersichertennummer: ⟨hp1⟩\nGeburtsdatum: ⟨dob1⟩\nAnschrift: ⟨pobox1⟩, ⟨zip1⟩ ⟨=city⟩\nBehandlung am: ⟨d1⟩\nIBAN für Erstattung: ⟨iban1⟩",
)
add("de", "letter", "neg",
    "Sehr geehrte Damen und Herren,\nab ⟨=mon⟩ ändert sich die Sprechstunde für ⟨=epo⟩: ⟨=wd⟩s ab ⟨=time⟩. Zwischen ⟨=hol⟩ und Neujahr ist die Ambulanz geschlossen.\nMit freundlichen Grüßen\nIhre Klinikverwaltung",
)

# ======== French
add("fr", "handoff", "pos",
    "Transmissions ⟨=ward⟩ : Mme ⟨p1.l⟩ (⟨p1⟩, née le ⟨dob1⟩, IPP ⟨mrn1⟩), ⟨=epo⟩, ⟨=lab⟩. Sa fille ⟨p2⟩ joignable au ⟨ph1⟩. Sortie prévue le ⟨d1⟩.",
    "SBAR ch. «12¦5¦21» : S : ⟨p1.f⟩ ⟨p1.l⟩, ⟨=age⟩ ans, entré le ⟨d1⟩. B : ⟨=drug⟩. A : ⟨=score⟩. R : prévenir Dr ⟨p2.l⟩, le mari ⟨p3.f⟩ passe à ⟨=time⟩.",
)
add("fr", "handoff", "neg",
    "Transmissions de nuit ⟨=ward⟩ : patient calme, ⟨=lab⟩, ⟨=drug⟩ suspendu (⟨=epo⟩). ⟨=score⟩. Interne prévenu, visite ⟨=wd⟩ à ⟨=time⟩.",
)
add("fr", "meeting", "pos",
    "Compte rendu de RCP\nPrésents : ⟨p1⟩ (président), ⟨p2⟩, ⟨p3⟩\nExcusée : ⟨p4⟩\nDossier : ⟨p5⟩, né le ⟨dob1⟩ – ⟨=epo⟩.\nDécision : chimiothérapie à partir du ⟨d1⟩.\nACTION : ⟨p2.l⟩ appelle le médecin traitant ; ⟨p3.f⟩ informe ⟨p6.f⟩.",
    "Réunion d'équipe du ⟨=wd⟩\nParticipants : ⟨p1.i⟩, ⟨p2⟩, ⟨p3⟩\n| Action | Responsable | Échéance |\n| Dossier APA de ⟨p4⟩ | ⟨p2.l⟩ | ⟨=rel⟩ |\n| Rappeler la famille (⟨ph1⟩) | ⟨p3.f⟩ | ⟨=wd⟩ |",
)
add("fr", "meeting", "neg",
    "Compte rendu – réunion des cadres, ⟨=wd⟩ ⟨=time⟩\nPrésents : direction des soins, cadres de santé, pharmacien\nExcusé : le chef de pôle\n1. ⟨=ward⟩ fermé. 2. Pompes ⟨=firm⟩, logiciel ⟨=ver⟩.\nACTION : l'équipe d'hygiène vérifie avant ⟨=hol⟩.",
)
add("fr", "chat", "pos",
    "[⟨=time⟩] ⟨p1.f⟩ : qui reprend les patients de ⟨p2.f⟩ ?\n[⟨=time⟩] ⟨p3.f⟩ : moi. ⟨p4⟩ en ⟨=ward⟩ attend son bilan, son fils ⟨p5.f⟩ arrive\n[⟨=time⟩] ⟨nk1⟩ : merci !",
    "⟨p1⟩ [⟨=time⟩] : @⟨p2.f⟩ tu peux passer voir ⟨p3.l⟩ ? née le ⟨dob1⟩, la famille s'inquiète\n⟨p2⟩ [⟨=time⟩] : fait, rappel au ⟨ph1⟩",
)
add("fr", "chat", "neg",
    "[⟨=time⟩] cadre de nuit : ⟨=ward⟩ a besoin d'un brancardier\n[⟨=time⟩] régulation : 20 min\n[⟨=time⟩] cadre de nuit : ok, rupture de ⟨=drug⟩, la pharmacie annonce ⟨=order⟩ pour ⟨=wd⟩",
)
add("fr", "ticket", "pos",
    "Ticket ⟨=tkt⟩ | Demandeur : ⟨p1⟩ <⟨p1.em⟩>, tél. ⟨ph1⟩\nDescription : date de naissance erronée pour ⟨p2⟩ (IPP ⟨mrn1⟩), correcte : ⟨dob1⟩. Poste ⟨ip1⟩.",
    "Réclamation CRM ⟨=tkt⟩ : client ⟨p1.LF⟩, compte ⟨acct1⟩, IBAN ⟨iban1⟩, adresse ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Virement vers ⟨p2⟩ rejeté. Conseillère : ⟨p3.f⟩.",
)
add("fr", "ticket", "neg",
    "Ticket ⟨=tkt⟩ | Priorité 3 | Demandeur : secrétariat ⟨=ward⟩\nImprimante d'étiquettes hors ligne après la mise à jour ⟨=ver⟩. Pilote ⟨=firm⟩ réinstallé, commande ⟨=order⟩.",
)
add("fr", "letter", "pos",
    "Cher confrère,\nJe vous adresse ⟨p1⟩, née le ⟨dob1⟩, domiciliée ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩, vue en consultation le ⟨d1⟩ pour une ⟨=epo⟩. Tél. ⟨ph1⟩.\nBien confraternellement,\nDr ⟨p2⟩",
    "Demande de remboursement\nAssuré(e) : ⟨p1⟩\nN° d'adhérent : ⟨hp1⟩\nDate de naissance : ⟨dob1⟩\nAdresse : ⟨pobox1⟩, ⟨zip1⟩ ⟨=city⟩\nDate des soins : ⟨d1⟩\nIBAN : ⟨iban1⟩",
)
add("fr", "letter", "neg",
    "Madame, Monsieur,\nÀ partir de ⟨=mon⟩, la consultation ⟨=epo⟩ aura lieu le ⟨=wd⟩ à ⟨=time⟩. Le service sera fermé pour ⟨=hol⟩.\nVeuillez agréer nos salutations distinguées.\nLa direction",
)


# ======== Spanish
add("es", "handoff", "pos",
    "Relevo de turno ⟨=ward⟩: ⟨p1⟩ (NHC ⟨mrn1⟩, f. nac. ⟨dob1⟩), ⟨=epo⟩, ⟨=lab⟩. Su hija ⟨p2⟩ llama al ⟨ph1⟩. Alta prevista el ⟨d1⟩.",
    "SBAR hab. «214¦108¦3»: S: ⟨p1.f⟩ ⟨p1.l⟩, ⟨=age⟩ años, ingresó el ⟨d1⟩. B: ⟨=drug⟩. A: ⟨=score⟩. R: avisar a la Dra. ⟨p2.l⟩; el marido, ⟨p3.f⟩, viene a las ⟨=time⟩. Tarjeta sanitaria ⟨hp1⟩.",
)
add("es", "handoff", "neg",
    "Relevo de noche ⟨=ward⟩: paciente tranquilo, ⟨=lab⟩, ⟨=drug⟩ suspendido por ⟨=epo⟩. ⟨=score⟩. Residente avisado, pase de visita el ⟨=wd⟩ a las ⟨=time⟩.",
)
add("es", "meeting", "pos",
    "Acta de sesión clínica\nAsistentes: ⟨p1⟩ (preside), ⟨p2⟩, ⟨p3⟩\nExcusa su asistencia: ⟨p4⟩\nCaso: ⟨p5⟩, nacida el ⟨dob1⟩ – ⟨=epo⟩.\nAcuerdo: ingreso programado el ⟨d1⟩.\nACCIÓN: ⟨p2.l⟩ contactará con atención primaria; ⟨p3.f⟩ avisará a ⟨p6.f⟩.",
    "Reunión de equipo, ⟨=wd⟩\nPresentes: ⟨p1.i⟩, ⟨p2⟩, ⟨p3⟩\n| Tarea | Responsable | Plazo |\n| Informe social de ⟨p4⟩ | ⟨p2.l⟩ | ⟨=rel⟩ |\n| Llamar a la familia (⟨ph1⟩) | ⟨p3.f⟩ | ⟨=wd⟩ |",
)
add("es", "meeting", "neg",
    "Acta – comisión de calidad, ⟨=wd⟩ ⟨=time⟩\nAsistentes: dirección de enfermería, supervisoras, farmacia\nExcusa: el jefe de servicio\n1. ⟨=ward⟩ cerrada. 2. Bombas ⟨=firm⟩, versión ⟨=ver⟩.\nACCIÓN: medicina preventiva revisa antes de ⟨=hol⟩.",
)
add("es", "chat", "pos",
    "[⟨=time⟩] ⟨p1.f⟩: quién se queda con los pacientes de ⟨p2.f⟩?\n[⟨=time⟩] ⟨p3.f⟩: yo. ⟨p4⟩ en ⟨=ward⟩ espera analítica, su hijo ⟨p5.f⟩ viene de camino\n[⟨=time⟩] ⟨nk1⟩: gracias!!",
    "⟨p1⟩ [⟨=time⟩]: @⟨p2.f⟩ puedes ver a ⟨p3.l⟩? nacido el ⟨dob1⟩, la familia pregunta\n⟨p2⟩ [⟨=time⟩]: hecho, llamé al ⟨ph1⟩",
)
add("es", "chat", "neg",
    "[⟨=time⟩] supervisora de guardia: ⟨=ward⟩ necesita celador\n[⟨=time⟩] admisión: 20 min\n[⟨=time⟩] supervisora de guardia: ok, no queda ⟨=drug⟩, farmacia dice ⟨=order⟩ el ⟨=wd⟩",
)
add("es", "ticket", "pos",
    "Incidencia ⟨=tkt⟩ | Solicitante: ⟨p1⟩ <⟨p1.em⟩>, tel. ⟨ph1⟩\nDescripción: fecha de nacimiento errónea de ⟨p2⟩ (NHC ⟨mrn1⟩), la correcta es ⟨dob1⟩. Equipo ⟨ip1⟩.",
    "Reclamación CRM ⟨=tkt⟩: cliente ⟨p1.lf⟩, cuenta ⟨acct1⟩, IBAN ⟨iban1⟩, domicilio ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Transferencia a ⟨p2⟩ devuelta. Gestora: ⟨p3.f⟩.",
)
add("es", "ticket", "neg",
    "Incidencia ⟨=tkt⟩ | Prioridad 3 | Solicitante: secretaría ⟨=ward⟩\nImpresora de etiquetas sin conexión tras la actualización ⟨=ver⟩. Driver ⟨=firm⟩ reinstalado, pedido ⟨=order⟩.",
)
add("es", "letter", "pos",
    "Estimado/a colega:\nLe remito a ⟨p1⟩, nacida el ⟨dob1⟩, con domicilio en ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩, atendida el ⟨d1⟩ por ⟨=epo⟩. Teléfono ⟨ph1⟩.\nAtentamente,\nDr. ⟨p2⟩",
    "Solicitud de reembolso\nAsegurado/a: ⟨p1⟩\nN.º de póliza: ⟨hp1⟩\nFecha de nacimiento: ⟨dob1⟩\nDirección: ⟨pobox1⟩, ⟨zip1⟩ ⟨=city⟩\nFecha de la asistencia: ⟨d1⟩\nIBAN: ⟨iban1⟩",
)
add("es", "letter", "neg",
    "Estimado/a paciente:\nA partir de ⟨=mon⟩, la consulta de ⟨=epo⟩ será los ⟨=wd⟩ a las ⟨=time⟩. El servicio cerrará durante ⟨=hol⟩.\nAtentamente,\nLa Dirección",
)

# ======== Italian
add("it", "handoff", "pos",
    "Consegne ⟨=ward⟩: sig.ra ⟨p1.l⟩ (⟨p1⟩, nata il ⟨dob1⟩, cartella ⟨mrn1⟩), ⟨=epo⟩, ⟨=lab⟩. La figlia ⟨p2⟩ al ⟨ph1⟩. Dimissione prevista ⟨d1⟩.",
    "SBAR letto «12¦7¦3»: S: ⟨p1.f⟩ ⟨p1.l⟩, ⟨=age⟩ anni, ricoverato il ⟨d1⟩. B: ⟨=drug⟩. A: ⟨=score⟩. R: avvisare il dott. ⟨p2.l⟩; la moglie ⟨p3.f⟩ arriva alle ⟨=time⟩.",
)
add("it", "handoff", "neg",
    "Consegne notte ⟨=ward⟩: paziente tranquillo, ⟨=lab⟩, ⟨=drug⟩ sospeso per ⟨=epo⟩. ⟨=score⟩. Medico di guardia avvisato, giro visita ⟨=wd⟩ alle ⟨=time⟩.",
)
add("it", "meeting", "pos",
    "Verbale della riunione multidisciplinare\nPresenti: ⟨p1⟩ (presidente), ⟨p2⟩, ⟨p3⟩\nAssente giustificata: ⟨p4⟩\nCaso: ⟨p5⟩, nato il ⟨dob1⟩ – ⟨=epo⟩.\nDecisione: ricovero dal ⟨d1⟩.\nAZIONE: ⟨p2.l⟩ contatta il medico di base; ⟨p3.f⟩ informa ⟨p6.f⟩.",
    "Riunione di reparto, ⟨=wd⟩\nPartecipanti: ⟨p1.i⟩, ⟨p2⟩, ⟨p3⟩\n| Azione | Responsabile | Scadenza |\n| Pratica ADI per ⟨p4⟩ | ⟨p2.l⟩ | ⟨=rel⟩ |\n| Richiamare i familiari (⟨ph1⟩) | ⟨p3.f⟩ | ⟨=wd⟩ |",
)
add("it", "meeting", "neg",
    "Verbale – riunione coordinatori, ⟨=wd⟩ ⟨=time⟩\nPresenti: direzione sanitaria, coordinatori infermieristici, farmacia\nAssente: il primario\n1. ⟨=ward⟩ chiuso. 2. Pompe ⟨=firm⟩, versione ⟨=ver⟩.\nAZIONE: il CIO verifica prima di ⟨=hol⟩.",
)
add("it", "chat", "pos",
    "[⟨=time⟩] ⟨p1.f⟩: chi prende i pazienti di ⟨p2.f⟩?\n[⟨=time⟩] ⟨p3.f⟩: io. ⟨p4⟩ in ⟨=ward⟩ aspetta gli esami, il figlio ⟨p5.f⟩ sta arrivando\n[⟨=time⟩] ⟨nk1⟩: grazie!",
    "⟨p1⟩ [⟨=time⟩]: @⟨p2.f⟩ puoi vedere ⟨p3.l⟩? nata il ⟨dob1⟩, i parenti chiedono\n⟨p2⟩ [⟨=time⟩]: fatto, richiamato il ⟨ph1⟩",
)
add("it", "chat", "neg",
    "[⟨=time⟩] coordinatrice: ⟨=ward⟩ serve un barelliere\n[⟨=time⟩] bed manager: 20 minuti\n[⟨=time⟩] coordinatrice: ok, finito ⟨=drug⟩, farmacia dice ⟨=order⟩ per ⟨=wd⟩",
)
add("it", "ticket", "pos",
    "Ticket ⟨=tkt⟩ | Richiedente: ⟨p1⟩ <⟨p1.em⟩>, tel. ⟨ph1⟩\nDescrizione: data di nascita errata per ⟨p2⟩ (cartella ⟨mrn1⟩), corretta: ⟨dob1⟩. Postazione ⟨ip1⟩.",
    "Reclamo CRM ⟨=tkt⟩: cliente ⟨p1.LF⟩, conto ⟨acct1⟩, IBAN ⟨iban1⟩, residente in ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Bonifico a ⟨p2⟩ respinto. Operatrice: ⟨p3.f⟩.",
)
add("it", "ticket", "neg",
    "Ticket ⟨=tkt⟩ | Priorità 3 | Richiedente: segreteria ⟨=ward⟩\nStampante etichette offline dopo l'aggiornamento ⟨=ver⟩. Driver ⟨=firm⟩ reinstallato, ordine ⟨=order⟩.",
)
add("it", "letter", "pos",
    "Gentile collega,\nLe invio ⟨p1⟩, nata il ⟨dob1⟩, residente in ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩, visitata il ⟨d1⟩ per ⟨=epo⟩. Tel. ⟨ph1⟩.\nCordiali saluti,\ndott.ssa ⟨p2⟩",
    "Richiesta di rimborso\nAssicurato/a: ⟨p1⟩\nN. polizza: ⟨hp1⟩\nData di nascita: ⟨dob1⟩\nIndirizzo: ⟨pobox1⟩, ⟨zip1⟩ ⟨=city⟩\nData della prestazione: ⟨d1⟩\nIBAN: ⟨iban1⟩",
)
add("it", "letter", "neg",
    "Gentile utente,\nda ⟨=mon⟩ l'ambulatorio per ⟨=epo⟩ sarà aperto il ⟨=wd⟩ alle ⟨=time⟩. Il servizio resterà chiuso a ⟨=hol⟩.\nCordiali saluti,\nLa Direzione Sanitaria",
)


# ======== Portuguese
add("pt", "handoff", "pos",
    "Passagem de turno ⟨=ward⟩: ⟨p1⟩ (processo ⟨mrn1⟩, nasc. ⟨dob1⟩), ⟨=epo⟩, ⟨=lab⟩. A filha ⟨p2⟩ liga do ⟨ph1⟩. Alta prevista a ⟨d1⟩.",
    "SBAR cama «12¦7¦3»: S: ⟨p1.f⟩ ⟨p1.l⟩, ⟨=age⟩ anos, internado a ⟨d1⟩. B: ⟨=drug⟩. A: ⟨=score⟩. R: avisar a Dra. ⟨p2.l⟩; a esposa ⟨p3.f⟩ chega às ⟨=time⟩. N.º utente ⟨hp1⟩.",
)
add("pt", "handoff", "neg",
    "Passagem de turno da noite ⟨=ward⟩: doente calmo, ⟨=lab⟩, ⟨=drug⟩ suspenso por ⟨=epo⟩. ⟨=score⟩. Interno avisado, visita ⟨=wd⟩ às ⟨=time⟩.",
)
add("pt", "meeting", "pos",
    "Ata da reunião multidisciplinar\nPresentes: ⟨p1⟩ (preside), ⟨p2⟩, ⟨p3⟩\nFalta justificada: ⟨p4⟩\nCaso: ⟨p5⟩, nascido a ⟨dob1⟩ – ⟨=epo⟩.\nDecisão: internamento a ⟨d1⟩.\nAÇÃO: ⟨p2.l⟩ contacta o médico de família; ⟨p3.f⟩ informa ⟨p6.f⟩.",
    "Reunião de equipa, ⟨=wd⟩\nParticipantes: ⟨p1.i⟩, ⟨p2⟩, ⟨p3⟩\n| Ação | Responsável | Prazo |\n| Relatório social de ⟨p4⟩ | ⟨p2.l⟩ | ⟨=rel⟩ |\n| Ligar à família (⟨ph1⟩) | ⟨p3.f⟩ | ⟨=wd⟩ |",
)
add("pt", "meeting", "neg",
    "Ata – reunião de chefias, ⟨=wd⟩ ⟨=time⟩\nPresentes: direção de enfermagem, enfermeiros-chefes, farmácia\nFalta: o diretor de serviço\n1. ⟨=ward⟩ encerrada. 2. Bombas ⟨=firm⟩, versão ⟨=ver⟩.\nAÇÃO: a comissão de controlo de infeção verifica antes d⟨=hol⟩.",
)
add("pt", "chat", "pos",
    "[⟨=time⟩] ⟨p1.f⟩: quem fica com os doentes da ⟨p2.f⟩?\n[⟨=time⟩] ⟨p3.f⟩: eu. ⟨p4⟩ na ⟨=ward⟩ espera análises, o filho ⟨p5.f⟩ vem a caminho\n[⟨=time⟩] ⟨nk1⟩: obrigada!",
    "⟨p1⟩ [⟨=time⟩]: @⟨p2.f⟩ podes ver o ⟨p3.l⟩? nascido a ⟨dob1⟩, a família pergunta\n⟨p2⟩ [⟨=time⟩]: feito, liguei para o ⟨ph1⟩",
)
add("pt", "chat", "neg",
    "[⟨=time⟩] chefe de equipa: ⟨=ward⟩ precisa de maqueiro\n[⟨=time⟩] gestão de camas: 20 min\n[⟨=time⟩] chefe de equipa: ok, acabou ⟨=drug⟩, farmácia diz ⟨=order⟩ na ⟨=wd⟩",
)
add("pt", "ticket", "pos",
    "Pedido ⟨=tkt⟩ | Requerente: ⟨p1⟩ <⟨p1.em⟩>, tel. ⟨ph1⟩\nDescrição: data de nascimento errada de ⟨p2⟩ (processo ⟨mrn1⟩), correta: ⟨dob1⟩. Posto ⟨ip1⟩.",
    "Reclamação CRM ⟨=tkt⟩: cliente ⟨p1.lf⟩, conta ⟨acct1⟩, IBAN ⟨iban1⟩, morada ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Transferência para ⟨p2⟩ devolvida. Gestora: ⟨p3.f⟩.",
)
add("pt", "ticket", "neg",
    "Pedido ⟨=tkt⟩ | Prioridade 3 | Requerente: secretariado ⟨=ward⟩\nImpressora de etiquetas offline após atualização ⟨=ver⟩. Driver ⟨=firm⟩ reinstalado, encomenda ⟨=order⟩.",
)
add("pt", "letter", "pos",
    "Caro colega,\nEnvio-lhe ⟨p1⟩, nascida a ⟨dob1⟩, residente na ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩, observada a ⟨d1⟩ por ⟨=epo⟩. Telefone ⟨ph1⟩.\nCom os melhores cumprimentos,\nDr. ⟨p2⟩",
    "Pedido de reembolso\nSegurado(a): ⟨p1⟩\nN.º de apólice: ⟨hp1⟩\nData de nascimento: ⟨dob1⟩\nMorada: ⟨pobox1⟩, ⟨zip1⟩ ⟨=city⟩\nData do ato médico: ⟨d1⟩\nIBAN: ⟨iban1⟩",
)
add("pt", "letter", "neg",
    "Caro utente,\na partir de ⟨=mon⟩, a consulta de ⟨=epo⟩ decorre à ⟨=wd⟩ às ⟨=time⟩. O serviço estará encerrado n⟨=hol⟩.\nCom os melhores cumprimentos,\nA Administração",
)

# ======== Dutch
add("nl", "handoff", "pos",
    "Overdracht ⟨=ward⟩: mevr. ⟨p1.l⟩ (⟨p1⟩, geb. ⟨dob1⟩, patiëntnr. ⟨mrn1⟩), ⟨=epo⟩, ⟨=lab⟩. Dochter ⟨p2⟩ bereikbaar op ⟨ph1⟩. Ontslag gepland ⟨d1⟩.",
    "SBAR kamer «12¦7¦3»: S: ⟨p1.f⟩ ⟨p1.l⟩, ⟨=age⟩ jr, opgenomen ⟨d1⟩. B: ⟨=drug⟩. A: ⟨=score⟩. R: dr. ⟨p2.l⟩ bellen; echtgenote ⟨p3.f⟩ komt om ⟨=time⟩. Polisnr. ⟨hp1⟩.",
)
add("nl", "handoff", "neg",
    "Nachtoverdracht ⟨=ward⟩: patiënt rustig, ⟨=lab⟩, ⟨=drug⟩ gestopt i.v.m. ⟨=epo⟩. ⟨=score⟩. Arts-assistent ingelicht, visite ⟨=wd⟩ om ⟨=time⟩.",
)
add("nl", "meeting", "pos",
    "Notulen MDO\nAanwezig: ⟨p1⟩ (voorzitter), ⟨p2⟩, ⟨p3⟩\nAfwezig met bericht: ⟨p4⟩\nCasus: ⟨p5⟩, geboren ⟨dob1⟩ – ⟨=epo⟩.\nBesluit: opname per ⟨d1⟩.\nACTIE: ⟨p2.l⟩ belt de huisarts; ⟨p3.f⟩ informeert ⟨p6.f⟩.",
    "Teamoverleg ⟨=wd⟩\nAanwezig: ⟨p1.i⟩, ⟨p2⟩, ⟨p3⟩\n| Actie | Wie | Wanneer |\n| WMO-aanvraag ⟨p4⟩ | ⟨p2.l⟩ | ⟨=rel⟩ |\n| Familie terugbellen (⟨ph1⟩) | ⟨p3.f⟩ | ⟨=wd⟩ |",
)
add("nl", "meeting", "neg",
    "Notulen – overleg teamleiders, ⟨=wd⟩ ⟨=time⟩\nAanwezig: zorgmanager, teamleiders, apotheker\nAfwezig: de vakgroepvoorzitter\n1. ⟨=ward⟩ gesloten. 2. ⟨=firm⟩-pompen, versie ⟨=ver⟩.\nACTIE: infectiepreventie controleert vóór ⟨=hol⟩.",
)
add("nl", "chat", "pos",
    "[⟨=time⟩] ⟨p1.f⟩: wie neemt de patiënten van ⟨p2.f⟩ over?\n[⟨=time⟩] ⟨p3.f⟩: ik. ⟨p4⟩ op ⟨=ward⟩ wacht op lab, zoon ⟨p5.f⟩ is onderweg\n[⟨=time⟩] ⟨nk1⟩: top, dank je",
    "⟨p1⟩ [⟨=time⟩]: @⟨p2.f⟩ kun jij even bij ⟨p3.l⟩ kijken? geb. ⟨dob1⟩, familie vraagt ernaar\n⟨p2⟩ [⟨=time⟩]: gedaan, teruggebeld op ⟨ph1⟩",
)
add("nl", "chat", "neg",
    "[⟨=time⟩] teamleider: ⟨=ward⟩ heeft een transporteur nodig\n[⟨=time⟩] bedcoördinator: 20 min\n[⟨=time⟩] teamleider: ok, ⟨=drug⟩ is op, apotheek zegt ⟨=order⟩ op ⟨=wd⟩",
)
add("nl", "ticket", "pos",
    "Melding ⟨=tkt⟩ | Aanvrager: ⟨p1⟩ <⟨p1.em⟩>, tel. ⟨ph1⟩\nOmschrijving: verkeerde geboortedatum bij ⟨p2⟩ (patiëntnr. ⟨mrn1⟩), juist: ⟨dob1⟩. Werkplek ⟨ip1⟩.",
    "CRM-klacht ⟨=tkt⟩: klant ⟨p1.lf⟩, rekening ⟨acct1⟩, IBAN ⟨iban1⟩, adres ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩. Overboeking naar ⟨p2⟩ gestorneerd. Behandelaar: ⟨p3.f⟩.",
)
add("nl", "ticket", "neg",
    "Melding ⟨=tkt⟩ | Prio 3 | Aanvrager: secretariaat ⟨=ward⟩\nEtiketprinter offline na update ⟨=ver⟩. ⟨=firm⟩-driver opnieuw geïnstalleerd, bestelling ⟨=order⟩.",
)
add("nl", "letter", "pos",
    "Geachte collega,\nHierbij verwijs ik ⟨p1⟩, geboren ⟨dob1⟩, wonende ⟨addr1⟩, ⟨zip1⟩ ⟨=city⟩, gezien op ⟨d1⟩ wegens ⟨=epo⟩. Tel. ⟨ph1⟩.\nMet collegiale groet,\n⟨p2⟩",
    "Declaratieformulier\nVerzekerde: ⟨p1⟩\nPolisnummer: ⟨hp1⟩\nGeboortedatum: ⟨dob1⟩\nAdres: ⟨pobox1⟩, ⟨zip1⟩ ⟨=city⟩\nBehandeldatum: ⟨d1⟩\nIBAN: ⟨iban1⟩",
)
add("nl", "letter", "neg",
    "Geachte heer/mevrouw,\nVanaf ⟨=mon⟩ is het spreekuur voor ⟨=epo⟩ op ⟨=wd⟩ om ⟨=time⟩. Rond ⟨=hol⟩ is de polikliniek gesloten.\nMet vriendelijke groet,\nDe afdeling Patiëntenzaken",
)


# ---------------------------------------------------------------- rendering
LABEL = {"p": "PERSON", "nk": "PERSON", "dob": "DATE", "d": "DATE", "ph": "PHONE", "addr": "STREET_ADDRESS",
         "pobox": "STREET_ADDRESS", "zip": "ZIP_CODE", "mrn": "MEDICAL_RECORD_NUMBER", "hp": "HEALTH_PLAN_ID",
         "acct": "ACCOUNT_NUMBER", "iban": "IBAN", "cc": "CREDIT_CARD", "ip": "IP_ADDRESS", "ssn": "US_SSN",
         "nhs": "UK_NHS", "npi": "NPI", "icd": "ICD10_CODE", "dev": "DEVICE_ID"}
DOMAINS = {"en": ["gmail.com", "outlook.com", "nhs.net", "yahoo.co.uk", "icloud.com"], "de": ["gmx.de", "web.de", "posteo.de", "t-online.de"],
           "fr": ["orange.fr", "laposte.net", "free.fr"], "es": ["gmail.com", "telefonica.net", "hotmail.es"],
           "it": ["libero.it", "virgilio.it", "tiscali.it"], "pt": ["sapo.pt", "gmail.com", "netcabo.pt"], "nl": ["ziggo.nl", "kpnmail.nl", "xs4all.nl"]}


class Ctx:
    def __init__(self, R, lang):
        self.R, self.lang, self.V = R, lang, Vals(R, lang)
        self.people, self.cache, self.used_g, self.used_s = {}, {}, set(), set()

    def person(self, k):
        if k not in self.people:
            R = self.R
            while True:
                g, s = R.choice(GIVEN), R.choice(SURNAMES)
                if g not in self.used_g and s not in self.used_s and g != s:
                    break
            self.used_g.add(g); self.used_s.add(s)
            self.people[k] = (g, s)
        return self.people[k]

    def nick(self, k):
        if k not in self.cache:
            while True:
                n = self.R.choice(NICKS)
                if n not in self.used_g:
                    self.used_g.add(n)
                    break
            self.cache[k] = n
        return self.cache[k]

    def value(self, key):
        """Return (text, label or None)."""
        R, V = self.R, self.V
        if key.startswith("="):
            name = key[1:]
            if name == "city":
                return V.city(), None
            v = FILL[name]
            if isinstance(v, dict):
                v = v[self.lang]
            return R.choice(v), None
        m = re.fullmatch(r"([a-z]+)(\d+)(?:\.(\w+))?", key)
        assert m, key
        base, num, form = m.group(1), m.group(2), m.group(3)
        if base == "p":
            g, s = self.person(num)
            if form is None:
                return f"{g} {s}", "PERSON"
            if form == "f":
                return g, "PERSON"
            if form == "l":
                return s, "PERSON"
            if form == "lf":
                return f"{s}, {g}", "PERSON"
            if form == "LF":
                return f"{s.upper()}, {g}", "PERSON"
            if form == "i":
                return f"{g[0]}. {s}", "PERSON"
            if form == "em":
                k = "em" + num
                if k not in self.cache:
                    a, b = fold(g), fold(s)
                    loc = R.choice([f"{a}.{b}", f"{a[0]}{b}", f"{a}_{b}{R.randint(1, 99)}", f"{b}.{a[0]}"])
                    self.cache[k] = f"{loc}@{R.choice(DOMAINS[self.lang])}"
                return self.cache[k], "EMAIL"
            raise KeyError(key)
        if base == "nk":
            return self.nick(num), "PERSON"
        ck = base + num + (("." + form) if form else "")
        if ck not in self.cache:
            gen = {"dob": lambda: V.dob(form == "iso"), "d": lambda: V.care(form == "iso"), "ph": V.phone, "addr": V.addr,
                   "pobox": V.pobox, "zip": V.zip, "mrn": V.mrn, "hp": V.hp, "acct": V.acct, "iban": V.iban, "cc": V.card,
                   "ip": V.ip, "ssn": V.ssn, "nhs": V.nhs, "npi": V.npi, "icd": V.icd, "dev": V.dev}[base]
            self.cache[ck] = gen()
        return self.cache[ck], LABEL[base]


ALT = re.compile(r"«([^«»]*)»")
PH = re.compile(r"⟨([^⟩]+)⟩")


def render(R, lang, tpl, lower):
    ctx = Ctx(R, lang)
    t = ALT.sub(lambda m: R.choice(m.group(1).split("¦")), tpl)
    parts = PH.split(t)
    buf, spans, pos = [], [], 0
    for i, part in enumerate(parts):
        if i % 2 == 0:
            seg, label = part, None
        else:
            seg, label = ctx.value(part)
        if lower:
            seg = seg.lower()
        b = seg.encode("utf-8")
        if label:
            spans.append({"entity": label, "start": pos, "end": pos + len(b), "_v": seg})
        buf.append(b)
        pos += len(b)
    return b"".join(buf).decode("utf-8"), spans


EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def luhn_window(text):
    for run in re.finditer(r"\d(?:[ -]?\d)+", text):
        ds = re.sub(r"\D", "", run.group(0))
        for L in range(13, 20):
            for i in range(0, len(ds) - L + 1):
                if luhn_ok(ds[i:i + L]):
                    return True
    return False


def check(rec):
    text, spans = rec["text"], rec["spans"]
    b = text.encode("utf-8")
    assert "⟨" not in text and "«" not in text and "¦" not in text, text
    last = 0
    outside = []
    for s in spans:
        assert s["entity"] in KINDS
        assert s["start"] >= last, rec
        v = b[s["start"]:s["end"]].decode("utf-8")
        assert v == s["_v"] and v == v.strip() and v, (v, s)
        if s["entity"] == "CREDIT_CARD":
            assert luhn_ok(re.sub(r"\D", "", v))
        if s["entity"] == "IBAN":
            assert iban_ok(v)
        if s["entity"] == "UK_NHS":
            assert nhs_ok(v)
        if s["entity"] == "NPI":
            assert luhn_ok("80840" + v)
        if s["entity"] == "US_SSN":
            a, g, n = v.split("-")
            assert a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"
        outside.append(b[last:s["start"]].decode("utf-8"))
        last = s["end"]
    outside.append(b[last:].decode("utf-8"))
    if rec["polarity"] == "neg":
        assert not spans
    else:
        assert spans
    for o in outside:
        if EMAIL_RE.search(o) or luhn_window(o):
            return False
    return True


def build():
    R = random.Random(SEED)
    recs, seen, redraws = [], set(), Counter()
    for lang, n in LANGS.items():
        slots = [SLICES[i % 5] for i in range(n)]
        per = Counter(slots)
        negq = {s: round(per[s] * 0.35) for s in SLICES}
        plan = []
        seen_sl = Counter()
        for s in slots:
            plan.append((s, "neg" if seen_sl[s] < negq[s] else "pos"))
            seen_sl[s] += 1
        R.shuffle(plan)
        turn = {}
        for sl, pol in plan:
            pool = T[(lang, sl, pol)]
            assert pool, (lang, sl, pol)
            key = (lang, sl, pol)
            if key not in turn:
                turn[key] = R.randrange(len(pool))
            tpl = pool[turn[key] % len(pool)]
            turn[key] += 1
            lower = sl == "chat" and R.random() < 0.5
            for attempt in range(200):
                text, spans = render(R, lang, tpl, lower)
                rec = {"lang": lang, "slice": sl, "polarity": pol, "text": text, "spans": spans}
                if text not in seen and check(rec):
                    break
                redraws[key] += 1
            else:
                raise RuntimeError(("no valid draw", key))
            seen.add(text)
            recs.append(rec)
    R.shuffle(recs)
    out = []
    for i, r in enumerate(recs, 1):
        out.append({"id": f"dev7-{i:04d}", "lang": r["lang"], "slice": r["slice"], "text": r["text"],
                    "spans": [{"entity": s["entity"], "start": s["start"], "end": s["end"]} for s in r["spans"]]})
    return out, redraws


def dump(out):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out)


def main():
    out, redraws = build()
    out2, _ = build()
    assert dump(out) == dump(out2), "non-deterministic"
    assert len(out) == N and len({r["id"] for r in out}) == N and len({r["text"] for r in out}) == N
    with open("dev7.jsonl", "w", encoding="utf-8") as f:
        f.write(dump(out))
    if "--stats" in sys.argv:
        tcount = Counter((l, p) for (l, s, p) in T for _ in T[(l, s, p)])
        print("templates:", sum(len(v) for v in T.values()), "(" + ", ".join(f"{l} {tcount[(l, 'pos')]}+{tcount[(l, 'neg')]}" for l in LANGS) + ")")
        print()
        print("| lang | positive | negative | total |\n|---|---:|---:|---:|")
        for l in list(LANGS) + ["all"]:
            rs = [r for r in out if l == "all" or r["lang"] == l]
            p = sum(1 for r in rs if r["spans"])
            print(f"| {l} | {p} | {len(rs) - p} | {len(rs)} |")
        print()
        print("| slice | positive | negative | total |\n|---|---:|---:|---:|")
        for s in SLICES + ["all"]:
            rs = [r for r in out if s == "all" or r["slice"] == s]
            p = sum(1 for r in rs if r["spans"])
            print(f"| {s} | {p} | {len(rs) - p} | {len(rs)} |")
        print()
        ent = Counter(); entl = defaultdict(Counter); entr = Counter()
        for r in out:
            for e in {s["entity"] for s in r["spans"]}:
                entr[e] += 1
            for s in r["spans"]:
                ent[s["entity"]] += 1; entl[s["entity"]][r["lang"]] += 1
        print("| entity | spans | records | " + " | ".join(LANGS) + " |\n|---|---:|---:|" + "---:|" * len(LANGS))
        for e, c in ent.most_common():
            print(f"| {e} | {c} | {entr[e]} | " + " | ".join(str(entl[e][l]) for l in LANGS) + " |")
        low = sum(1 for r in out if r["slice"] == "chat" and r["text"] == r["text"].lower())
        nonascii = sum(1 for r in out if not r["text"].isascii())
        print(f"\nall-lower-case chat records: {low}; records with non-ASCII text: {nonascii}")
        print("re-draws:", dict((f"{k[0]}/{k[1]}/{k[2]}", v) for k, v in redraws.items()))
        print("given names:", len(GIVEN), "surnames:", len(SURNAMES), "nicknames:", len(NICKS))


if __name__ == "__main__":
    main()

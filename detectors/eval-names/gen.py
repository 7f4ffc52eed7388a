#!/usr/bin/env python3
"""Generate detectors/eval-names/names.jsonl: an independent evaluation set for
person names, street addresses and postal codes (plus e-mail, phone, dates,
SSNs and card numbers where they occur naturally).

Standard library only. Fixed seed; the output is byte-for-byte deterministic.
Every name, street and sentence here was written by hand for this file from
general knowledge of naming and addressing conventions; nothing is copied from
a name database, a census list, faker, or any leaked data set.

Run:  python3 detectors/eval-names/gen.py
"""

import json
import os
import random
import re
import unicodedata

SEED = 20261206
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "names.jsonl")

# ---------------------------------------------------------------------------
# Names, per culture: (given names, surnames, order)
#   order "gs": given then surname; "sg": surname then given (as usually written)
# Written by hand from naming conventions; combinations are random, so any
# resemblance to a real person is accidental.
# ---------------------------------------------------------------------------
CULTURES = {
    "Yoruba": (["Adebayo", "Oluwaseun", "Folasade", "Temitope", "Babatunde", "Yetunde", "Olumide", "Ayodele", "Titilayo"],
               ["Adeyemi", "Ogunleye", "Afolabi", "Oyelaran", "Balogun", "Olatunji", "Adesanya", "Fashola"], "gs"),
    "Igbo": (["Chukwuemeka", "Ngozi", "Obinna", "Chiamaka", "Ifeoma", "Nnamdi", "Chidinma", "Ikenna"],
             ["Okonkwo", "Nwachukwu", "Okafor", "Anyanwu", "Ezeagu", "Nwosu", "Obiora", "Uchendu"], "gs"),
    "Akan": (["Kwame", "Akosua", "Kofi", "Yaw", "Abena", "Kwabena", "Efua", "Adwoa", "Kwaku"],
             ["Mensah", "Asante", "Boateng", "Owusu", "Agyeman", "Ofori", "Appiah", "Frimpong"], "gs"),
    "Wolof": (["Mamadou", "Fatou", "Cheikh", "Aminata", "Ousmane", "Ndeye", "Modou", "Khady"],
              ["Diop", "Ndiaye", "Sow", "Faye", "Gueye", "Mbaye", "Sarr", "Thiam"], "gs"),
    "Hausa": (["Abubakar", "Haruna", "Zainab", "Hadiza", "Nasiru", "Binta", "Garba"],
              ["Danjuma", "Garba", "Lawal", "Bello", "Yakubu", "Shehu", "Dankwambo"], "gs"),
    "Kenyan": (["Wanjiru", "Achieng", "Kamau", "Njeri", "Wambui", "Kiprop", "Chebet", "Jepkosgei", "Otieno", "Akinyi"],
               ["Otieno", "Kamau", "Mwangi", "Odhiambo", "Kiplagat", "Wafula", "Njoroge", "Ochieng", "Wekesa"], "gs"),
    "Ethiopian": (["Tesfaye", "Abebe", "Mekdes", "Selamawit", "Dawit", "Hiwot", "Yonas", "Tigist"],
                  ["Bekele", "Tadesse", "Gebremedhin", "Alemu", "Woldemariam", "Kebede", "Gebreyes"], "gs"),
    "Somali": (["Abdirahman", "Hodan", "Farhiya", "Guled", "Ayaan", "Abdiwali", "Sahra", "Mahad"],
               ["Warsame", "Jama", "Hirsi", "Abdullahi", "Egal", "Dualeh", "Samatar"], "gs"),
    "Zulu/Xhosa": (["Thandiwe", "Sipho", "Nomvula", "Lwazi", "Ayanda", "Bongani", "Zanele", "Lindiwe"],
                   ["Dlamini", "Nkosi", "Mthembu", "Khumalo", "Ndlovu", "Mahlangu", "Sithole", "Ngcobo"], "gs"),
    "Malawian/Zambian": (["Chikondi", "Tiwonge", "Mphatso", "Thokozani", "Chisomo", "Mwila", "Bwalya"],
                         ["Phiri", "Banda", "Mwale", "Chirwa", "Mulenga", "Zulu", "Nyirenda", "Kalaba"], "gs"),
    "Malagasy": (["Hery", "Fanja", "Tahina", "Voahangy", "Mialy", "Rivo", "Hanitra"],
                 ["Rakotomalala", "Randriamampionona", "Rasoanaivo", "Andrianarivo", "Razafindrakoto", "Rabemananjara"], "gs"),
    "Hindi": (["Aarav", "Priyanka", "Vikram", "Ananya", "Rohit", "Meenakshi", "Ishaan", "Kavya", "Devansh"],
              ["Chaturvedi", "Srivastava", "Tripathi", "Agarwal", "Malhotra", "Saxena", "Bhardwaj", "Dwivedi"], "gs"),
    "Tamil": (["Karthikeyan", "Lakshmi", "Senthil", "Nandhini", "Murugan", "Kavitha", "Vignesh", "Thenmozhi"],
              ["Ramasamy", "Subramaniam", "Palanisamy", "Arumugam", "Venkatesan", "Annamalai", "Periyasamy"], "gs"),
    "Bengali": (["Sourav", "Tanushree", "Arindam", "Moumita", "Debashis", "Sreemoyee", "Anirban"],
                ["Chattopadhyay", "Bhattacharya", "Mukherjee", "Sengupta", "Bandyopadhyay", "Ghosh Dastidar", "Majumdar"], "gs"),
    "Punjabi": (["Harpreet", "Gurpreet", "Jaswinder", "Manjit", "Navjot", "Simranjit", "Balwinder"],
                ["Sandhu", "Grewal", "Dhillon", "Sidhu", "Kaur Brar", "Randhawa", "Aulakh"], "gs"),
    "Telugu": (["Venkata Ramana", "Sravani", "Srinivas", "Lavanya", "Bhargavi", "Chaitanya"],
               ["Kondapalli", "Yarlagadda", "Gollapudi", "Nallamothu", "Vemuri", "Pendyala"], "gs"),
    "Sinhala": (["Chaminda", "Dilani", "Nuwan", "Sanduni", "Kasun", "Tharushi", "Lahiru"],
                ["Wickramasinghe", "Jayawardena", "Gunasekara", "Weerasooriya", "Rajapaksha", "Dissanayake"], "gs"),
    "Nepali": (["Bishnu", "Sabina", "Prakash", "Sarita", "Anish", "Pemba", "Sunita"],
               ["Shrestha", "Gurung", "Tamang", "Adhikari", "Bhattarai", "Magar", "Sherpa"], "gs"),
    "Pakistani": (["Faisal", "Saima", "Imran", "Rabia", "Usman", "Sana", "Waqar"],
                  ["Qureshi", "Chaudhry", "Siddiqui", "Abbasi", "Bhatti", "Rajput", "Niazi"], "gs"),
    "Chinese (pinyin)": (["Jiahui", "Zhiwei", "Yuting", "Haoran", "Xinyi", "Qiang", "Meiling", "Junjie"],
                         ["Zhang", "Liu", "Huang", "Zhou", "Xu", "Guo", "Ouyang", "Zhao", "Lin"], "sg"),
    "Cantonese": (["Ka-Wai", "Wing-Sze", "Chun-Kit", "Siu-Ming", "Hoi-Yan", "Wai-Lun"],
                  ["Cheung", "Leung", "Tsang", "Yeung", "Kwok", "Lau", "Ng"], "gs"),
    "Korean": (["Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Dong-hyun", "Soo-ah", "Jae-won"],
               ["Park", "Choi", "Jeong", "Kang", "Yoon", "Hwang", "Baek", "Seo"], "sg"),
    "Japanese": (["Haruto", "Yui", "Sota", "Aoi", "Takeshi", "Misaki", "Ren", "Hina", "Kenji"],
                 ["Takahashi", "Watanabe", "Yamaguchi", "Nakamura", "Kobayashi", "Fujiwara", "Matsumoto", "Hayashi"], "gs"),
    "Vietnamese": (["Thị Thu Hà", "Văn Dũng", "Minh Thảo", "Quang Huy", "Thị Hương", "Đức Anh", "Ngọc Lan"],
                   ["Nguyễn", "Trần", "Phạm", "Lê", "Võ", "Đặng", "Bùi", "Huỳnh"], "sg"),
    "Thai": (["Somchai", "Nattaya", "Kittisak", "Siriporn", "Anan", "Wanida", "Thanakorn"],
             ["Srisawat", "Chaiyaporn", "Wongsuwan", "Suksomboon", "Rattanapong", "Kaewmanee"], "gs"),
    "Indonesian": (["Budi", "Wahyu", "Dewi", "Agus", "Rizky", "Sri Rahayu", "Putu", "Nyoman"],
                   ["Santoso", "Wijaya", "Kusuma", "Hartono", "Prasetyo", "Setiawan", "Nugroho", "Purnamasari"], "gs"),
    "Filipino": (["Jericho", "Maricel", "Rodelio", "Ligaya", "Dalisay", "Jhunrey", "Marites", "Bayani"],
                 ["Dimaculangan", "Macaraeg", "Lacson", "Magbanua", "Dizon", "Panganiban", "Soriano", "Mangubat"], "gs"),
    "Samoan": (["Sione", "Tavita", "Malia", "Fetu", "Lagi", "Sefo", "Masina"],
               ["Tuilagi", "Faleolo", "Leota", "Tuiasosopo", "Mata'afa", "Sapolu", "Fa'amausili"], "gs"),
    "Tongan": (["Losaline", "Viliami", "Taniela", "Mele", "Sitiveni", "Salote"],
               ["Fifita", "Tupou", "Havili", "Vaipulu", "Kioa", "Taufa"], "gs"),
    "Maori": (["Aroha", "Wiremu", "Tamati", "Hemi", "Ngaio", "Rangi", "Mere", "Tui"],
              ["Ngata", "Tipene", "Parata", "Te Rangi", "Herewini", "Tomoana", "Te Kani"], "gs"),
    "Hawaiian": (["Keoni", "Leilani", "Kaimana", "Makana", "Noelani", "Kawika", "Pualani"],
                 ["Kahananui", "Kealoha", "Kamakau", "Akana", "Kealamakia", "Kanahele"], "gs"),
    "Navajo": (["Shandiin", "Nizhoni", "Ahiga", "Doli", "Yanaba", "Hastiin"],
               ["Begay", "Yazzie", "Tsosie", "Benally", "Etsitty", "Manygoats", "Bitsui"], "gs"),
    "Lakota": (["Wanbli", "Winona", "Chaska", "Tatanka", "Wicahpi", "Mato"],
               ["Two Bulls", "Iron Shell", "Brave Heart", "Little Thunder", "Yellow Robe", "Red Cloud"], "gs"),
    "Quechua/Aymara": (["Inti", "Killa", "Wayra", "Amaru", "Sisa", "Yupanqui", "Nina"],
                       ["Mamani", "Quispe", "Condori", "Huamán", "Ticona", "Choque", "Apaza"], "gs"),
    "Mapuche": (["Ayelén", "Millaray", "Lautaro", "Rayén", "Nahuel", "Huenu"],
                ["Huenchumilla", "Painemal", "Catrileo", "Llancaqueo", "Huaiquimilla", "Ancalao"], "gs"),
    "Arabic (Levant/Gulf)": (["Yousef", "Rania", "Khalil", "Layla", "Tariq", "Hanan", "Abdullah", "Nour"],
                             ["al-Rashid", "Haddad", "Khoury", "al-Masri", "Nasrallah", "bin Saeed al-Ghamdi", "ibn Khaldoun", "Abu Saleh", "al-Otaibi"], "gs"),
    "Maghrebi": (["Youssef", "Karima", "Mehdi", "Nadia", "Rachid", "Samira", "Hamza"],
                 ["Bensalah", "Bouzid", "El Amrani", "Chaoui", "Belkacem", "Ait Ouali", "Benjelloun"], "gs"),
    "Persian": (["Dariush", "Shirin", "Kourosh", "Parisa", "Arash", "Golnaz", "Behrouz", "Roya"],
                ["Tehrani", "Hosseini", "Rahimzadeh", "Farahani", "Mirzaei", "Ghorbani", "Jafarpour", "Esfandiari"], "gs"),
    "Turkish": (["Emre", "Zeynep", "Burak", "Elif", "Özgür", "Gülşen", "Deniz", "Umut", "Cansu"],
                ["Yılmaz", "Çelik", "Aydın", "Öztürk", "Kaya", "Şahin", "Doğan", "Kılıç", "Erdoğdu"], "gs"),
    "Kurdish": (["Rojda", "Azad", "Berivan", "Dilovan", "Hêvî", "Shirwan"],
                ["Zebari", "Hawrami", "Kurdo", "Bamarni", "Doski"], "gs"),
    "Armenian": (["Hovhannes", "Anahit", "Tigran", "Lusine", "Vardan", "Siranush"],
                 ["Petrosyan", "Hakobyan", "Sargsyan", "Grigoryan", "Avetisyan", "Ter-Minasyan"], "gs"),
    "Georgian": (["Giorgi", "Nino", "Levan", "Tamar", "Davit", "Ketevan"],
                 ["Beridze", "Kapanadze", "Gelashvili", "Lomidze", "Tsiklauri", "Javakhishvili"], "gs"),
    "Russian": (["Dmitri", "Svetlana", "Yevgeny", "Oksana", "Arkady", "Lyudmila", "Vsevolod"],
                ["Kuznetsova", "Zaitsev", "Belousov", "Tikhonova", "Sokolov", "Vorobyova", "Golubev"], "gs"),
    "Polish": (["Grzegorz", "Małgorzata", "Wojciech", "Agnieszka", "Przemysław", "Jadwiga", "Bożena"],
               ["Wiśniewski", "Krawczyk", "Szczepańska", "Grabowski", "Zieliński", "Dąbrowska", "Wróblewski"], "gs"),
    "Czech": (["Jiří", "Zdeňka", "Radek", "Lenka", "Vojtěch", "Bohumila"],
              ["Dvořáková", "Procházka", "Krejčí", "Novotný", "Svoboda", "Černý", "Kratochvílová"], "gs"),
    "Serbian/Croatian": (["Dragan", "Milica", "Nemanja", "Jelena", "Goran", "Vesna", "Zrinka"],
                         ["Jovanović", "Petrović", "Marković", "Kovačević", "Babić", "Horvat", "Šimunić"], "gs"),
    "Ukrainian": (["Taras", "Bohdan", "Iryna", "Mykola", "Solomiia", "Ostap"],
                  ["Shevchuk", "Kovalenko", "Bondarenko", "Tkachenko", "Hrytsenko", "Melnyk"], "gs"),
    "Bulgarian": (["Stoyan", "Radka", "Tsvetan", "Desislava", "Blagovest"],
                  ["Dimitrov", "Stoyanova", "Georgiev", "Todorova", "Hristov", "Vasileva"], "gs"),
    "Lithuanian": (["Vytautas", "Rūta", "Mindaugas", "Giedrė", "Darius", "Aušra"],
                   ["Kazlauskas", "Jankauskienė", "Petrauskas", "Balčiūnaitė", "Žukauskas", "Vaitkevičius"], "gs"),
    "Latvian": (["Ilze", "Jānis", "Kristaps", "Līga", "Māris", "Baiba"],
                ["Bērziņš", "Kalniņa", "Ozols", "Liepiņa", "Krūmiņš", "Zariņa"], "gs"),
    "Estonian": (["Tõnu", "Kadri", "Margus", "Triin", "Jaanus", "Maarja"],
                 ["Tamm", "Saar", "Mägi", "Kask", "Sepp", "Rebane", "Kõiv"], "gs"),
    "Finnish": (["Tuomas", "Aino", "Eero", "Sanna", "Jussi", "Pirkko", "Ilkka"],
                ["Virtanen", "Korhonen", "Mäkinen", "Heikkinen", "Lehtonen", "Kivi", "Hämäläinen"], "gs"),
    "Nordic": (["Sigrid", "Bjørn", "Torvald", "Solveig", "Håkon", "Ragnhild", "Eyvind"],
               ["Lindqvist", "Bergström", "Haugland", "Fjeld", "Sandvik", "Øverby", "Åkesson"], "gs"),
    "Icelandic": (["Guðrún", "Sigurður", "Þórunn", "Einar", "Halldóra", "Ragnar"],
                  ["Kristjánsdóttir", "Guðmundsson", "Þorsteinsdóttir", "Ólafsson", "Hallgrímsson"], "gs"),
    "Hungarian": (["Zsófia", "Bence", "Csaba", "Erzsébet", "Gergely", "Réka"],
                  ["Kovács", "Tóth", "Horváth", "Varga", "Molnár", "Farkas", "Szűcs"], "sg"),
    "Greek": (["Dimitrios", "Eleni", "Panagiotis", "Vasiliki", "Stavros", "Chrysoula"],
              ["Papadopoulou", "Konstantinidis", "Georgiou", "Karagiannis", "Alexandropoulos", "Tsakalidou"], "gs"),
    "Basque": (["Iker", "Amaia", "Unai", "Nerea", "Ainhoa", "Gorka", "Itziar", "Eneko"],
               ["Etxeberria Goikoetxea", "Agirre", "Urrutia Zubizarreta", "Arrieta", "Elizondo", "Iturralde", "Olabarrieta"], "gs"),
    "Catalan": (["Jordi", "Montserrat", "Núria", "Oriol", "Meritxell", "Pau", "Roc"],
                ["Puigvert", "Vilanova i Riera", "Casals", "Soler i Pujol", "Bosch", "Fontanet", "Grau"], "gs"),
    "Portuguese": (["Gonçalo", "Inês", "Rui", "Filipa", "Tiago", "Leonor", "Duarte"],
                   ["dos Santos", "da Cunha", "Magalhães", "Figueiredo", "de Sousa Pinto", "Carvalhal", "Quaresma"], "gs"),
    "Brazilian": (["Thiago", "Larissa", "Caio Henrique", "Thaís", "Luana", "Wellington", "Ana Clara"],
                  ["dos Anjos Teixeira", "Nogueira", "Albuquerque", "Bezerra", "Cavalcanti", "da Conceição", "Brandão"], "gs"),
    "Haitian": (["Wisline", "Dieudonné", "Guerline", "Fabiola", "Jean-Robert", "Marie-Ange"],
                ["Pierre-Louis", "Fils-Aimé", "Jean-Baptiste", "Désir", "Bien-Aimé", "Joseph"], "gs"),
    "Hebrew": (["Noa", "Itai", "Yael", "Eitan", "Shira", "Avishai"],
               ["Ben-David", "Peretz", "Mizrahi", "Biton", "Ashkenazi", "Ben-Ami"], "gs"),
    "Mongolian": (["Batbayar", "Oyunchimeg", "Ganbold", "Enkhjargal", "Tsetseg", "Temuulen"],
                  ["Dorj", "Bold", "Sukhbaatar", "Ganzorig", "Purevdorj"], "gs"),
    "Kazakh/Uzbek": (["Nurlan", "Aigerim", "Timur", "Dilnoza", "Rustam", "Gulnara"],
                     ["Abenova", "Karimov", "Tursunova", "Yusupov", "Zhaksybekov", "Nazarbayeva"], "gs"),
    "Frisian/Dutch": (["Tjitske", "Hylke", "Sjoukje", "Wietske", "Sjoerd", "Jildou", "Floor"],
                      ["Hoekstra", "Wiersma", "Postma", "van den Akker", "ter Horst", "van der Zwaag", "de Haan"], "gs"),
    "Swiss/Austrian German": (["Urs", "Reto", "Vreni", "Mirjam", "Beat", "Leopoldine"],
                              ["Zürcher", "Gwerder", "Niederberger", "Hangartner", "Pfefferkorn", "Aufderheide"], "gs"),
    "Occitan/Breton": (["Gwenaëlle", "Yannig", "Maïwenn", "Erwan", "Azilis"],
                       ["Le Goff", "Kerhervé", "Le Bihan", "Quéméneur", "Abgrall"], "gs"),
    "Sardinian/Sicilian": (["Efisio", "Bonaria", "Calogero", "Rosalia", "Gavino"],
                           ["Piras", "Serra", "Lo Presti", "Pinna", "La Mantia", "Cuccuru"], "gs"),
}

# Names that are also ordinary words in some language (given, surname, culture).
WORDNAMES = [
    ("Gift", "Phiri", "Malawian/Zambian"), ("Blessing", "Okafor", "Igbo"), ("Precious", "Mthembu", "Zulu/Xhosa"),
    ("Memory", "Banda", "Malawian/Zambian"), ("Godspower", "Nwosu", "Igbo"), ("Patience", "Asante", "Akan"),
    ("Lovely", "Dimaculangan", "Filipino"), ("Joy", "Macaraeg", "Filipino"), ("Dolores", "Iglesias Cabeza", "Spanish"),
    ("Soledad", "Lobo", "Spanish"), ("Consuelo", "Cordero", "Spanish"), ("Luz Marina", "Montero", "Spanish"),
    ("Speranza", "Lupo", "Italian"), ("Fortunato", "Cavallo", "Italian"), ("Roos", "Geluk", "Dutch"),
    ("Floor", "Koopman", "Dutch"), ("Deniz", "Kaya", "Turkish"), ("Umut", "Doğan", "Turkish"),
    ("Kadri", "Tamm", "Estonian"), ("Margus", "Saar", "Estonian"), ("Eero", "Kivi", "Finnish"),
    ("Ganbold", "Bold", "Mongolian"), ("Pau", "Grau", "Catalan"), ("Hope", "Mwale", "Malawian/Zambian"),
    ("Désir", "Bien-Aimé", "Haitian"), ("Nina", "Mamani", "Quechua/Aymara"), ("Gisela", "Sonntag", "German"),
    ("Modeste", "Lebon", "French"),
]


def fold_ascii(s):
    table = {"ı": "i", "ø": "o", "Ø": "O", "æ": "ae", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
             "ð": "d", "þ": "th", "Þ": "Th", "'": "", " ": ""}
    s = "".join(table.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if ord(c) < 128 and (c.isalnum() or c in "-.")).lower()


class Person:
    def __init__(self, given, surname, order, culture):
        self.given, self.surname, self.order, self.culture = given, surname, order, culture

    @property
    def full(self):
        return f"{self.surname} {self.given}" if self.order == "sg" else f"{self.given} {self.surname}"

    def form(self, mod):
        if mod == "":
            return self.full
        if mod == "g":
            return self.given
        if mod == "s":
            return self.surname
        if mod == "U":
            return self.full.upper()
        if mod == "sU":
            return self.surname.upper()
        if mod == "l":
            return self.full.lower()
        if mod == "gl":
            return self.given.lower()
        if mod == "i":
            return f"{self.given[0]}. {self.surname}"
        if mod == "sf":
            return f"{self.surname}, {self.given}"
        if mod == "SF":
            return f"{self.surname.upper()}, {self.given}"
        raise ValueError(mod)


CULTURE_KEYS = sorted(CULTURES)

# ---------------------------------------------------------------------------
# Addresses: invented street names
# ---------------------------------------------------------------------------
US_ROOTS = ["Alder", "Briar", "Cinder", "Dove", "Elk", "Fern", "Gable", "Heron", "Juniper", "Kestrel", "Larch",
            "Marsh", "Quarry", "Raven", "Sable", "Thistle", "Umber", "Vesper", "Yarrow", "Copper", "Lantern",
            "Bramble", "Foxglove", "Sorrel", "Tamarack", "Wren", "Osprey", "Clover", "Mesquite", "Sycamore"]
US_TAILS = ["brook", "field", "glen", "haven", "ridge", "wood", "crest", "moor", "stone", "ford", " Hollow", " Bend",
            " Gate", " View", " Creek", ""]
US_SUFFIXES = ["Ave", "Avenue", "Blvd", "Boulevard", "Ct", "Court", "Cir", "Circle", "Pkwy", "Parkway", "Trl",
               "Trail", "Ter", "Terrace", "Hwy", "Ln", "Lane", "Pl", "Place", "Sq", "Xing", "Crossing", "Row",
               "Loop", "Way", "Pike", "Run", "St", "Street", "Rd", "Road", "Dr", "Drive", "Path", "Pass", "Aly",
               "Cv", "Bnd", "Hts", "Walk", "Mews", "Spur", "Grv", "Pt"]
US_EPONYM_STREETS = ["Martin Luther King Jr Blvd", "Cesar Chavez Ave", "Harriet Tubman Way", "Sequoyah Trl"]
US_UNITS = ["Apt 3B", "Apt. 14C", "Apt 2", "Suite 210", "Ste 400", "Ste. 1150", "Unit 12", "Unit B", "# 5", "#207",
            "Fl 3", "Floor 2", "Rm 118", "Bldg 4", "Lot 17", "Trlr 9"]
US_CITIES = [("Springfield", "IL", "627"), ("Tacoma", "WA", "984"), ("Albuquerque", "NM", "871"), ("Duluth", "MN", "558"),
             ("Macon", "GA", "312"), ("Flagstaff", "AZ", "860"), ("Bangor", "ME", "044"), ("Lubbock", "TX", "794"),
             ("Dayton", "OH", "454"), ("Boise", "ID", "837"), ("Gallup", "NM", "873"), ("Hilo", "HI", "967"),
             ("Yonkers", "NY", "107"), ("Fresno", "CA", "937"), ("Beverly Hills", "CA", "902"), ("Burlington", "VT", "054")]
UK_STREET_ROOTS = ["Harebell", "Foxglove", "Cowslip", "Tansy", "Bilberry", "Plover", "Sedge", "Whinchat", "Mallow", "Knapweed"]
UK_SUFFIXES = ["Road", "Close", "Crescent", "Gardens", "Mews", "Lane", "Grove", "Rise", "Walk", "Terrace", "Row"]
UK_CITIES = [("London", ["SW1A", "E8", "N16", "SE15", "NW6"]), ("Leeds", ["LS6", "LS11"]), ("Bristol", ["BS3", "BS7"]),
             ("Edinburgh", ["EH3", "EH11"]), ("Cardiff", ["CF24"]), ("Norwich", ["NR2"])]

DE_ROOTS = ["Amsel", "Birken", "Distel", "Eschen", "Holunder", "Kastanien", "Lerchen", "Mohn", "Quitten", "Schlehen",
            "Wacholder", "Kiebitz", "Ginster", "Hagebutten", "Mispel", "Zeisig", "Brombeer", "Wegwarten"]
DE_TAILS = ["straße", "str.", "weg", "gasse", "ring", "allee", "steig", "pfad", "damm", "stieg", "winkel"]
DE_CITIES = [("Berlin", "10"), ("Leipzig", "04"), ("Münster", "48"), ("Freiburg im Breisgau", "79"), ("Görlitz", "02"),
             ("Bochum", "44"), ("Kassel", "34"), ("Rostock", "18"), ("Würzburg", "97")]

FR_NAMES = ["des Glycines", "des Mésanges", "du Colonel-Vautrin", "des Tilleuls", "de la Tonnellerie", "des Trois-Moulins",
            "du Puits-Salé", "des Capucines", "de l'Abreuvoir", "des Lavandières", "du Clos-Fleuri", "des Coquelicots"]
FR_TYPES = ["rue", "avenue", "boulevard", "impasse", "allée", "chemin", "place", "quai", "cours", "passage"]
FR_CITIES = [("Paris", "750"), ("Lyon", "690"), ("Rennes", "350"), ("Montpellier", "340"), ("Besançon", "250"),
             ("Roubaix", "591"), ("Nîmes", "300"), ("Clermont-Ferrand", "630")]

ES_NAMES = ["de los Almendros", "de las Jacarandas", "del Alcornoque", "de la Cigüeña", "de las Adelfas", "del Azahar",
            "del Olivar Viejo", "de los Tejares", "de la Alhóndiga", "del Molino de Viento"]
ES_TYPES = ["Calle", "C/", "Avda.", "Avenida", "Plaza", "Paseo", "Camino", "Ronda", "Travesía"]
ES_CITIES = [("Madrid", "280"), ("Valladolid", "470"), ("Cádiz", "110"), ("Zaragoza", "500"),
             ("L'Hospitalet de Llobregat", "089"), ("Bilbao", "480"), ("Murcia", "300"), ("Ourense", "320")]

IT_NAMES = ["dei Gelsomini", "dei Mirtilli", "dei Corbezzoli", "degli Oleandri", "dei Gabbiani", "delle Ginestre",
            "del Pozzo Antico", "della Fornace", "dei Tessitori", "delle Cicale"]
IT_TYPES = ["Via", "Viale", "Piazza", "Corso", "Vicolo", "Largo", "Piazzale"]
IT_CITIES = [("Roma", "001", "RM"), ("Torino", "101", "TO"), ("Bari", "701", "BA"), ("Trento", "381", "TN"),
             ("Perugia", "061", "PG"), ("Cagliari", "091", "CA"), ("Bergamo", "241", "BG"), ("Lecce", "731", "LE")]

NL_ROOTS = ["Lijsterbes", "Dotterbloem", "Kievit", "Spreeuwen", "Meidoorn", "Zwanebloem", "Klaproos", "Korenbloem",
            "Reiger", "Boekweit", "Vlasbloem", "Grutto"]
NL_TAILS = ["straat", "laan", "weg", "gracht", "plein", "kade", "singel", "hof", "dreef", "pad"]
NL_CITIES = [("Amsterdam", "10"), ("Utrecht", "35"), ("Zwolle", "80"), ("Leeuwarden", "89"), ("Eindhoven", "56"),
             ("Delft", "26"), ("Groningen", "97"), ("Den Haag", "25")]

EMAIL_DOMAINS = {
    "en": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "kestrelhealth.org", "northbay-clinic.com"],
    "de": ["web.de", "gmx.de", "t-online.de", "posteo.de"],
    "fr": ["orange.fr", "laposte.net", "free.fr", "sfr.fr"],
    "es": ["gmail.com", "telefonica.net", "hotmail.es", "yahoo.es"],
    "it": ["libero.it", "virgilio.it", "tiscali.it", "alice.it"],
    "nl": ["ziggo.nl", "kpnmail.nl", "hotmail.nl", "xs4all.nl"],
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
}

# Unlabeled fillers
DRUGS = ["metformin", "lisinopril", "atorvastatin", "amoxicillin", "levothyroxine", "apixaban", "sertraline",
         "furosemide", "pantoprazole", "prednisone", "gabapentin", "insulin glargine"]
BRANDS = ["Lipitor", "Ozempic", "Keytruda", "Humira", "Eliquis", "Xarelto", "Jardiance", "Trulicity", "Dupixent",
          "Mounjaro", "Entresto", "Synthroid", "Ventolin", "Symbicort", "Lantus", "Plavix"]
DOSES = ["5 mg", "10 mg", "20 mg", "40 mg", "0.5 mg", "500 mg", "1 g", "25 mcg", "100 units/mL"]
COMPLAINTS_EN = ["chest pain", "shortness of breath", "a fall at home", "fever and cough", "abdominal pain", "syncope",
                 "a COPD exacerbation", "worsening Parkinson's tremor", "a Crohn's flare"]
ORGS = ["Kestrel Health", "Northbay Clinic", "Lakeside Pharmacy", "Harborview Logistics", "Meridian Billing"]


class Ctx:
    """Per-record context: people, country, and helpers that render pieces."""

    def __init__(self, rng, lang):
        self.rng, self.lang = rng, lang
        self.people = {}
        self.cultures = []
        if lang == "en":
            self.country = "uk" if rng.random() < 0.2 else "us"
        else:
            self.country = lang
        self.city = None

    # -- people --
    def person(self, idx):
        if idx not in self.people:
            r = self.rng
            while True:
                if r.random() < 0.08:
                    g, s, c = r.choice(WORDNAMES)
                    p = Person(g, s, "gs", c)
                else:
                    c = r.choice(CULTURE_KEYS)
                    gs, ss, order = CULTURES[c]
                    p = Person(r.choice(gs), r.choice(ss), order, c)
                if p.given != p.surname and all(p.full != q.full and p.given != q.given for q in self.people.values()):
                    break
            self.people[idx] = p
            self.cultures.append(p.culture)
        return self.people[idx]

    def email(self, idx):
        p = self.person(idx)
        r = self.rng
        g, s = fold_ascii(p.given), fold_ascii(p.surname)
        pat = r.randrange(5)
        if pat == 0:
            local = f"{g}.{s}"
        elif pat == 1:
            local = f"{g[0]}.{s}"
        elif pat == 2:
            local = f"{g}{s}{r.randrange(10, 99)}"
        elif pat == 3:
            local = f"{s}_{g[0]}"
        else:
            local = f"{g}.{s[0]}"
        return f"{local}@{r.choice(EMAIL_DOMAINS[self.lang])}"

    # -- places --
    def pick_city(self):
        if self.city is None:
            r = self.rng
            tbl = {"us": US_CITIES, "uk": UK_CITIES, "de": DE_CITIES, "fr": FR_CITIES, "es": ES_CITIES,
                   "it": IT_CITIES, "nl": NL_CITIES}[self.country]
            self.city = r.choice(tbl)
        return self.city

    def zip(self):
        r, c = self.rng, self.pick_city()
        k = self.country
        if k == "us":
            z = c[2] + f"{r.randrange(1, 100):02d}"
            if r.random() < 0.2:
                z += f"-{r.randrange(1, 10000):04d}"
            return z
        if k == "uk":
            return f"{r.choice(c[1])} {r.randrange(1, 10)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        if k == "de":
            return c[1] + f"{r.randrange(0, 1000):03d}"
        if k in ("fr", "es"):
            return c[1] + f"{r.randrange(1, 100):02d}"
        if k == "it":
            return c[1] + f"{r.randrange(0, 100):02d}"
        if k == "nl":
            letters = "ABCEGHJKLMNPRTVWXZ"
            sep = " " if r.random() < 0.75 else ""
            return f"{c[1]}{r.randrange(10, 100)}{sep}{r.choice(letters)}{r.choice(letters)}"
        raise ValueError(k)

    def city_name(self):
        return self.pick_city()[0]

    def street(self, multiline=False):
        r, k = self.rng, self.country
        if k == "us":
            if r.random() < 0.08:
                name = r.choice(US_EPONYM_STREETS)
            else:
                name = (r.choice(US_ROOTS) + r.choice(US_TAILS)) + " " + r.choice(US_SUFFIXES)
                if r.random() < 0.15:
                    name = r.choice(["N", "S", "E", "W", "NE", "SW", "North", "West"]) + " " + name
            if r.random() < 0.07:
                name = r.choice(["State Hwy", "County Road", "Route", "FM"]) + " " + str(r.randrange(2, 999))
            num = str(r.choice([r.randrange(1, 100), r.randrange(100, 1000), r.randrange(1000, 10000), r.randrange(10000, 99999)]))
            line = f"{num} {name}"
            if multiline:
                return line + "\n" + r.choice(US_UNITS)
            if r.random() < 0.4:
                line += r.choice([", ", " "]) + r.choice(US_UNITS)
            return line
        if k == "uk":
            line = f"{r.randrange(1, 220)} {r.choice(UK_STREET_ROOTS)} {r.choice(UK_SUFFIXES)}"
            if multiline:
                return f"Flat {r.randrange(1, 30)}\n{line}"
            if r.random() < 0.3:
                line = f"Flat {r.randrange(1, 30)}, {line}"
            return line
        if k == "de":
            root = r.choice(DE_ROOTS)
            shape = r.randrange(5)
            num = f"{r.randrange(1, 180)}{r.choice(['', '', '', 'a', 'b', 'c'])}"
            if shape == 0:
                line = f"Am {root}hang {num}"
            elif shape == 1:
                line = f"Im {root}grund {num}"
            else:
                line = f"{root}{r.choice(DE_TAILS)} {num}"
            if multiline:
                return line + "\n" + r.choice(["Hinterhaus", "2. OG links", "c/o Werkstatt", "Aufgang B"])
            if r.random() < 0.2:
                line += r.choice([", 2. OG", ", Whg. 7", " / Hinterhaus", ", 3. Stock rechts"])
            return line
        if k == "fr":
            t, n = r.choice(FR_TYPES), r.choice(FR_NAMES)
            num = f"{r.randrange(1, 160)}{r.choice(['', '', '', ' bis', ' ter'])}"
            shape = r.randrange(4)
            if shape == 0:
                line = f"{t} {n} {num}"  # number after the street
            elif shape == 1:
                line = f"{num}, {t} {n}"
            else:
                line = f"{num} {t} {n}"
            if multiline:
                return f"Bât. {r.choice('ABCD')}, appt {r.randrange(1, 60)}\n{line}"
            if r.random() < 0.2:
                line = f"Résidence les Pins, {line}" if r.random() < 0.5 else f"{line}, {r.randrange(1, 8)}e étage"
            return line
        if k == "es":
            t, n = r.choice(ES_TYPES), r.choice(ES_NAMES)
            num = r.randrange(1, 200)
            piso = f"{r.randrange(1, 9)}º {r.choice(['A', 'B', 'C', 'D', 'izq.', 'dcha.'])}"
            shape = r.randrange(4)
            if shape == 0:
                line = f"{t} {n} {num}, {piso}"
            elif shape == 1:
                line = f"{t} {n}, {num}, {piso}"
            elif shape == 2:
                line = f"{t} {n} {num}"
            else:
                line = f"{t} {n}, n.º {num}, bajo"
            if multiline:
                return f"{t} {n}, {num}\n{piso}"
            return line
        if k == "it":
            t, n = r.choice(IT_TYPES), r.choice(IT_NAMES)
            num = f"{r.randrange(1, 200)}{r.choice(['', '', '', '/B', '/A', ' bis'])}"
            shape = r.randrange(3)
            if shape == 0:
                line = f"{t} {n} {num}"
            elif shape == 1:
                line = f"{t} {n}, {num}"
            else:
                line = f"{t} {n} {num}, {r.choice(['int. 7', 'scala C', 'piano 3', 'int. 12'])}"
            if multiline:
                return f"{t} {n}, {num}\n{r.choice(['scala B, int. 4', 'piano terra', 'c/o Studio Medico'])}"
            return line
        if k == "nl":
            line = f"{r.choice(NL_ROOTS)}{r.choice(NL_TAILS)} {r.randrange(1, 300)}"
            line += r.choice(["", "", "", " bis", "A", "-II", "-3hg", " huis", "-bis"])
            if multiline:
                return line + "\n" + r.choice(["3e verdieping", "achterhuis", "t.a.v. receptie"])
            return line
        raise ValueError(k)

    def pobox(self):
        r = self.rng
        if self.country in ("us", "uk"):
            return r.choice(["PO Box", "P.O. Box", "P O Box", "POB"]) + f" {r.randrange(10, 9999)}"
        return {"de": "Postfach", "fr": "BP", "es": "Apartado de Correos", "it": "Casella Postale", "nl": "Postbus"}[self.country] + f" {r.randrange(10, 9999)}"

    # -- other identifiers --
    def phone(self):
        r, k = self.rng, self.country
        d = lambda n: "".join(str(r.randrange(10)) for _ in range(n))
        if k == "us":
            a, e = f"{r.randrange(2, 10)}{d(2)}", f"{r.randrange(2, 10)}{d(2)}"
            s = d(4)
            return r.choice([f"({a}) {e}-{s}", f"{a}-{e}-{s}", f"+1 {a} {e} {s}", f"{a}.{e}.{s}", f"1-{a}-{e}-{s}"])
        if k == "uk":
            return r.choice([f"07{r.randrange(100, 1000)} {d(6)}", f"+44 20 {r.randrange(7000, 8999)} {d(4)}", f"0113 {d(3)} {d(4)}"])
        if k == "de":
            return r.choice([f"+49 30 {d(7)}", f"0176 {d(8)}", f"030/{d(7)}", f"0341 {d(6)}", f"+49 151 {d(8)}"])
        if k == "fr":
            p = [d(2) for _ in range(4)]
            return r.choice([f"06 {' '.join(p)}", f"+33 6 {' '.join(p)}", f"01.{'.'.join(p)}", f"07{''.join(p)}"])
        if k == "es":
            return r.choice([f"6{d(2)} {d(3)} {d(3)}", f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}", f"91 {d(3)} {d(2)} {d(2)}"])
        if k == "it":
            return r.choice([f"3{d(2)} {d(3)} {d(4)}", f"+39 06 {d(4)} {d(4)}", f"3{d(2)}-{d(7)}"])
        if k == "nl":
            return r.choice([f"06-{d(8)}", f"+31 6 {d(4)} {d(4)}", f"020 {d(3)} {d(4)}", f"06 {d(2)} {d(2)} {d(2)} {d(2)}"])
        raise ValueError(k)

    def date(self, y0, y1):
        r, lang = self.rng, self.lang
        y, m, dd = r.randrange(y0, y1 + 1), r.randrange(1, 13), r.randrange(1, 29)
        mon = MONTHS[lang][m - 1]
        if lang == "en":
            if self.country == "uk":
                return r.choice([f"{dd:02d}/{m:02d}/{y}", f"{dd} {mon} {y}", f"{y}-{m:02d}-{dd:02d}"])
            return r.choice([f"{m:02d}/{dd:02d}/{y}", f"{m}/{dd}/{str(y)[2:]}", f"{mon} {dd}, {y}", f"{y}-{m:02d}-{dd:02d}",
                             f"{mon[:3]} {dd} {y}"])
        if lang == "de":
            return r.choice([f"{dd:02d}.{m:02d}.{y}", f"{dd}. {mon} {y}", f"{dd}.{m}.{y}"])
        if lang == "fr":
            return r.choice([f"{dd:02d}/{m:02d}/{y}", f"{dd} {mon} {y}"])
        if lang == "es":
            return r.choice([f"{dd:02d}/{m:02d}/{y}", f"{dd} de {mon} de {y}", f"{dd}-{m:02d}-{y}"])
        if lang == "it":
            return r.choice([f"{dd:02d}/{m:02d}/{y}", f"{dd} {mon} {y}", f"{dd}.{m:02d}.{y}"])
        if lang == "nl":
            return r.choice([f"{dd:02d}-{m:02d}-{y}", f"{dd} {mon} {y}", f"{dd}/{m}/{y}"])
        raise ValueError(lang)

    def ssn(self):
        r = self.rng
        while True:
            a = r.randrange(1, 900)
            if a != 666:
                break
        s = f"{a:03d}-{r.randrange(1, 100):02d}-{r.randrange(1, 10000):04d}"
        return s if r.random() < 0.85 else s.replace("-", " ")

    def card(self):
        r = self.rng
        kind = r.randrange(3)
        if kind == 0:
            digits = [4] + [r.randrange(10) for _ in range(14)]
        elif kind == 1:
            digits = [5, r.randrange(1, 6)] + [r.randrange(10) for _ in range(13)]
        else:
            digits = [3, r.choice([4, 7])] + [r.randrange(10) for _ in range(12)]
        # Luhn check digit
        total = 0
        for i, dgt in enumerate(reversed(digits)):
            v = dgt * 2 if i % 2 == 0 else dgt
            total += v - 9 if v > 9 else v
        digits.append((10 - total % 10) % 10)
        s = "".join(map(str, digits))
        if len(s) == 15:
            return f"{s[:4]} {s[4:10]} {s[10:]}"
        sep = r.choice([" ", "-", ""])
        return sep.join(s[i:i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------------------
# Template rendering. Placeholders: {name} or {name.mod}. Anything else in
# braces (JSON) is literal text.
# ---------------------------------------------------------------------------
PH = re.compile(r"\{([a-z_]+[0-9]?)(?:\.([A-Za-z]+))?\}")


def render_piece(ctx, key, mod):
    """Return list of (text, entity-or-None)."""
    r = ctx.rng
    m = re.fullmatch(r"p([0-9])", key)
    if m:
        return [(ctx.person(int(m.group(1))).form(mod or ""), "PERSON")]
    m = re.fullmatch(r"email([0-9])", key)
    if m:
        return [(ctx.email(int(m.group(1))), "EMAIL")]
    if key == "st":
        return [(ctx.street(multiline=(mod == "ml")), "STREET_ADDRESS")]
    if key == "pobox":
        return [(ctx.pobox(), "STREET_ADDRESS")]
    if key == "zip":
        return [(ctx.zip(), "ZIP_CODE")]
    if key == "city":
        return [(ctx.city_name(), None)]
    if key == "cityzip":
        k = ctx.country
        c = ctx.pick_city()
        if k == "us":
            return [(f"{c[0]}, {c[1]} ", None), (ctx.zip(), "ZIP_CODE")]
        if k == "uk":
            return [(f"{c[0]} ", None), (ctx.zip(), "ZIP_CODE")]
        if k == "it":
            return [(ctx.zip(), "ZIP_CODE"), (f" {c[0]} ({c[2]})", None)]
        return [(ctx.zip(), "ZIP_CODE"), (f" {c[0]}", None)]
    if key == "phone":
        return [(ctx.phone(), "PHONE")]
    if key == "dob":
        return [(ctx.date(1934, 2011), "DATE")]
    if key == "visit":
        return [(ctx.date(2022, 2025), "DATE")]
    if key == "ssn":
        return [(ctx.ssn(), "US_SSN")]
    if key == "card":
        return [(ctx.card(), "CREDIT_CARD")]
    # unlabeled fillers
    fill = {
        "bed": lambda: str(r.randrange(1, 40)),
        "age": lambda: str(r.randrange(19, 96)),
        "drug": lambda: r.choice(DRUGS),
        "brand": lambda: r.choice(BRANDS),
        "dose": lambda: r.choice(DOSES),
        "qty": lambda: str(r.choice([14, 28, 30, 60, 90])),
        "ref": lambda: str(r.randrange(0, 6)),
        "complaint": lambda: r.choice(COMPLAINTS_EN),
        "org": lambda: r.choice(ORGS),
        "room": lambda: f"{r.randrange(1, 6)}{r.randrange(0, 3)}{r.randrange(1, 10)}",
    }
    if key in fill:
        return [(fill[key](), None)]
    raise KeyError(key)


def render(ctx, template):
    pieces, pos = [], 0
    for m in PH.finditer(template):
        if m.start() > pos:
            pieces.append((template[pos:m.start()], None))
        pieces.extend(render_piece(ctx, m.group(1), m.group(2)))
        pos = m.end()
    if pos < len(template):
        pieces.append((template[pos:], None))
    text, spans, nbytes = "", [], 0
    for s, ent in pieces:
        b = len(s.encode("utf-8"))
        if ent:
            spans.append({"entity": ent, "start": nbytes, "end": nbytes + b, "_value": s})
        text += s
        nbytes += b
    return text, spans


# ---------------------------------------------------------------------------
# Templates per slice and language
# ---------------------------------------------------------------------------
T = {
    "clinical": {
        "en": [
            "Prescriber: Dr. {p1}\nPatient: {p2}\nDOB: {dob}\nRx: {drug} {dose} daily",
            "bed {bed} {p1.l} - fall risk, on {drug}. daughter {p2.gl} at bedside",
            "Pt {p1} ({age}F) seen {visit} for {complaint}. Referred by Dr. {p2.s}.",
            "NAME: {p1.U}\nDOB: {dob}\nALLERGIES: NKDA\nDX: Hodgkin lymphoma, stage II",
            "Handoff: {p1.sf}, {age}yo, POD2 s/p lap chole. Attending Dr. {p2.s}; resident {p3.i}.",
            "Summarize this discharge note: {p1} was admitted on {visit} with {complaint}. Discharged home to {st}, {cityzip} with her son {p2.g}.",
            "Rounds list for 7 West: {p1.g}, {p2.g}, {p3.g} and {p4.g} still need morning labs.",
            "Consult note for {p3.i}: Crohn's disease, started on Humira last month. Seen with Dr. {p1}.",
            "Can you rewrite this for the patient in plain language? \"{p1}, {age}, presents with worsening Parkinson's symptoms; carbidopa/levodopa increased.\"",
            "rm {room} {p1.gl} {p1.s} - NPO after midnight, consent signed by wife ({p2.g})",
            "Triage: {p1}, DOB {dob}, arrived {visit} by EMS after {complaint}. GCS 14.",
            "Progress note\nPatient: {p1.SF}\nVisit: {visit}\nA/P: Alzheimer dementia, continue donepezil. F/u with Dr. {p2.i} in 3 mo.",
            "pls check if {p1.gl} in bed {bed} got her {drug} - nurse {p2.g} says no",
        ],
        "de": [
            "Patientin: {p1}, geb. {dob}\nBehandelnder Arzt: Dr. med. {p2}\nDiagnose: Morbus Crohn",
            "Bett {bed}: {p1.l}, Sturzgefahr, Tochter ({p2.g}) informiert.",
            "Bitte fasse zusammen: Herr {p1} wurde am {visit} in der Notaufnahme aufgenommen, wohnhaft {st}, {cityzip}.",
            "Übergabe: {p1.sf}, {age} J., Z.n. Hüft-TEP. OA Dr. {p2.s} informiert.",
        ],
        "fr": [
            "Patient : {p1}, né le {dob}. Médecin traitant : Dr {p2}. Motif : douleurs thoraciques.",
            "lit {bed} {p1.l} - risque de chute, prévenir sa fille {p2.g}",
            "Compte rendu : Mme {p1} a consulté le {visit} pour une poussée de maladie de Crohn.",
            "Transmission : {p1.SF}, {age} ans, chambre {room}. Vu par le Dr {p2.s}.",
        ],
        "es": [
            "Paciente: {p1}, fecha de nacimiento {dob}. Médico: Dra. {p2}. Dx: enfermedad de Alzheimer leve.",
            "cama {bed} {p1.l} - riesgo de caídas, avisar a su hijo {p2.g}",
            "Resume la nota: la Sra. {p1} acudió el {visit} a urgencias; vive en {st}, {cityzip}.",
            "Pase de guardia: {p1.sf}, {age} años, habitación {room}. Lo lleva el Dr. {p2.s}.",
        ],
        "it": [
            "Paziente: {p1}, nato il {dob}. Medico curante: dott. {p2}.",
            "letto {bed} {p1.l} - rischio cadute, avvisare la figlia {p2.g}",
            "Riassumi: la sig.ra {p1} è stata ricoverata il {visit}; residenza {st}, {cityzip}.",
            "Consegne: {p1.SF}, {age} anni, stanza {room}. Visto dal dott. {p2.s}.",
        ],
        "nl": [
            "Patiënt: {p1}, geboren {dob}. Behandelend arts: dr. {p2}.",
            "bed {bed} {p1.l} - valrisico, dochter {p2.g} gebeld",
            "Vat samen: mevrouw {p1} werd op {visit} opgenomen; adres {st}, {cityzip}.",
            "Overdracht: {p1.sf}, {age} jr, kamer {room}. Gezien door dr. {p2.s}.",
        ],
    },
    "pharmacy": {
        "en": [
            "Hi {p1.g}, your refill of {drug} is ready for pickup at the pharmacy counter.",
            "this is {p1} from Dr. {p2.s}'s office, calling about the prior auth for {brand}. Call back at {phone}.",
            "Rx for {p1}, DOB {dob}: {brand} {dose}, qty {qty}, refills {ref}. Prescriber: Dr. {p2}",
            "Draft an SMS: 'Hello {p1.g}, your {brand} prescription was transferred. Questions? {phone}'",
            "Patient {p1.sf} paid with card {card} for {brand}; send the receipt to {email1}.",
            "Prescriber: Dr. {p1}\nNPI on file\nPatient: {p2.U}\nSig: {drug} {dose} PO BID",
            "Deliver {brand} pens to {p1}, {st}, {cityzip}. Leave with {p2.g} if no answer.",
        ],
        "de": [
            "Hallo {p1.g}, Ihr Rezept für {brand} liegt zur Abholung bereit.",
            "Rezept: {p1}, geb. {dob}, {brand} {dose}; verordnet von Dr. {p2}",
            "Hier ist {p1} aus der Praxis Dr. {p2.s}, es geht um das Rezept für {brand}. Rückruf unter {phone}.",
        ],
        "fr": [
            "Bonjour {p1.g}, votre ordonnance de {brand} est prête à la pharmacie.",
            "Ici {p1} du cabinet du Dr {p2.s}, au sujet du renouvellement de {brand}. Rappelez-moi au {phone}.",
            "Ordonnance : {p1.SF}, née le {dob}, {drug} {dose}. Prescripteur : Dr {p2}",
        ],
        "es": [
            "Hola {p1.g}, tu receta de {brand} ya está lista en la farmacia.",
            "Receta para {p1}, nacido el {dob}: {brand} {dose}. Prescriptor: Dr. {p2}",
            "Le llamo de la consulta del Dr. {p2.s}; soy {p1}. Su {brand} está autorizado. Teléfono: {phone}",
        ],
        "it": [
            "Ciao {p1.g}, il tuo {brand} è pronto in farmacia.",
            "Sono {p1} dello studio del dott. {p2.s}, chiamo per la ricetta di {brand}: {phone}",
            "Ricetta: {p1}, nata il {dob}, {drug} {dose}. Prescrittore: dott.ssa {p2}",
        ],
        "nl": [
            "Hoi {p1.g}, je herhaalrecept voor {brand} ligt klaar bij de apotheek.",
            "Recept voor {p1}, geb. {dob}: {brand} {dose}. Voorschrijver: dr. {p2}",
            "Met {p1} van de praktijk van dokter {p2.s}, over de machtiging voor {brand}. Bel terug: {phone}",
        ],
    },
    "hr": {
        "en": [
            "Subject: Sick leave - {p1}\n\nHi team, {p1.g} is out this week. Please route approvals to {p2.g}.",
            "Write a performance review for {p1}, a senior analyst who started on {visit}.",
            "Action: {p1} to update the order set; {p2.i} to review the onboarding checklist.",
            "New hire: {p1.U}\nSSN: {ssn}\nDOB: {dob}\nHome: {st}, {cityzip}",
            "Payroll correction for {p1.sf} (SSN {ssn}): overtime missing from last cycle.",
            "Meeting notes - attendees: {p1}, {p2.g}, {p3.i}. Action items: {p2.g} owns the vendor list.",
            "Please draft a warm farewell message for {p1}, who is leaving after nine years; {p2} will take over.",
            "Reference check: {p1} listed {p2} as a former manager. Reach her at {phone}.",
        ],
        "de": [
            "Betreff: Krankmeldung - {p1}\n\n{p1.g} ist diese Woche krankgeschrieben, Vertretung: {p2.g}.",
            "Bitte formuliere ein Arbeitszeugnis für Frau {p1}, beschäftigt seit {visit}.",
            "To-do: {p1} aktualisiert den Dienstplan, {p2.i} prüft die Urlaubsanträge.",
        ],
        "fr": [
            "Objet : Arrêt maladie - {p1}\n\n{p1.g} sera absent(e) toute la semaine. Contact : {p2.g}.",
            "Rédige une lettre de recommandation pour {p1}, embauché(e) le {visit}.",
            "Action : {p1} met à jour le planning ; {p2.i} valide les congés.",
        ],
        "es": [
            "Asunto: Baja médica - {p1}\n\n{p1.g} estará de baja esta semana. Sustituye: {p2.g}.",
            "Redacta una carta de bienvenida para {p1}, que se incorpora el {visit}.",
            "Acción: {p1} actualiza el cuadrante; {p2.i} revisa las vacaciones.",
        ],
        "it": [
            "Oggetto: Malattia - {p1}\n\n{p1.g} sarà assente tutta la settimana. Referente: {p2.g}.",
            "Scrivi una valutazione annuale per {p1}, assunta il {visit}.",
            "Azione: {p1} aggiorna i turni; {p2.i} controlla le ferie.",
        ],
        "nl": [
            "Onderwerp: Ziekmelding - {p1}\n\n{p1.g} is deze week ziek, vervanger: {p2.g}.",
            "Schrijf een beoordeling voor {p1}, in dienst sinds {visit}.",
            "Actie: {p1} werkt het rooster bij; {p2.i} controleert de verlofaanvragen.",
        ],
    },
    "support_chat": {
        "en": [
            "Agent: Thanks for contacting support, can I get your name?\nCustomer: {p1}\nAgent: And the email on file?\nCustomer: {email1}",
            "Customer: hi its {p1.gl} my order never arrived\nAgent: Sorry about that! Which address was it shipped to?\nCustomer: {st}, {cityzip}",
            "Summarize this chat:\nUser: I need to update my card, the new one is {card}\nAgent: Done, {p1.g}. Anything else?",
            "[10:42] {p1}: can someone reset my password\n[10:43] {p2.g}: on it",
            "Agent ({p1.g}): I've escalated this to billing.\nCustomer: thanks. my number is {phone} if they need it",
            "Classify the sentiment of this transcript:\nCustomer: This is {p1}, third time calling!!\nAgent: I understand, {p1.s}. Let me check.",
            "Bot: What name is the booking under?\nUser: {p1.U}\nBot: Thanks! Date of birth?\nUser: {dob}",
        ],
        "de": [
            "Kunde: Hallo, hier ist {p1}, meine Lieferung ist nicht angekommen.\nAgent: Welche Adresse?\nKunde: {st}, {cityzip}",
            "Agentin ({p1.g}): Ich habe das weitergeleitet.\nKunde: Danke, erreichbar unter {phone}",
        ],
        "fr": [
            "Client : Bonjour, je m'appelle {p1}, mon colis n'est jamais arrivé.\nConseiller : Quelle est l'adresse de livraison ?\nClient : {st}, {cityzip}",
            "Conseillère ({p1.g}) : Je transmets au service facturation.\nClient : merci, mon mail c'est {email2}",
        ],
        "es": [
            "Cliente: Hola, soy {p1}, no me ha llegado el pedido.\nAgente: ¿Me confirma su teléfono?\nCliente: {phone}",
            "Agente ({p1.g}): Lo paso a facturación.\nCliente: vale, envíenlo a {st}, {cityzip}",
        ],
        "it": [
            "Cliente: Buongiorno, sono {p1}, il pacco non è arrivato.\nOperatore: Mi conferma l'indirizzo?\nCliente: {st}, {cityzip}",
            "Operatrice ({p1.g}): Inoltro all'amministrazione.\nCliente: grazie, la mia mail è {email2}",
        ],
        "nl": [
            "Klant: Hoi, met {p1}, mijn bestelling is niet aangekomen.\nMedewerker: Wat is het afleveradres?\nKlant: {st}, {cityzip}",
            "Medewerker ({p1.g}): Ik zet het door naar de administratie.\nKlant: top, bel me op {phone}",
        ],
    },
    "json_prompt": {
        "en": [
            "Fill the handoff template from this JSON: {\"attending\": \"{p1}\", \"bed\": {bed}, \"ward\": \"4B\"}",
            "Extract the fields: {\"patient\": {\"name\": \"{p1}\", \"dob\": \"{dob}\"}, \"room\": {room}}",
            "{\"customer\": \"{p1}\", \"email\": \"{email1}\", \"shipping\": {\"line1\": \"{st}\", \"zip\": \"{zip}\"}}\nWrite a shipping confirmation for this order.",
            "Given {\"assignee\": \"{p1.g}\", \"reviewers\": [\"{p2.g}\", \"{p3}\"]}, draft the PR summary.",
            "Convert to CSV: [{\"name\": \"{p1.U}\", \"phone\": \"{phone}\"}, {\"name\": \"{p2.U}\", \"phone\": \"{phone}\"}]",
            "Validate this record and list missing keys: {\"first_name\": \"{p1.g}\", \"last_name\": \"{p1.s}\", \"ssn\": \"{ssn}\"}",
            "tool_result: {\"prescriber\": \"Dr. {p1}\", \"drug\": \"{brand}\", \"refills\": {ref}}",
        ],
        "de": [
            "Bitte als Fließtext: {\"patient\": \"{p1}\", \"geburtsdatum\": \"{dob}\", \"station\": 3}",
            "{\"kunde\": \"{p1}\", \"adresse\": \"{st}\", \"plz\": \"{zip}\"} - schreibe eine Versandbestätigung.",
        ],
        "fr": [
            "Remplis le formulaire à partir de : {\"nom\": \"{p1.s}\", \"prénom\": \"{p1.g}\", \"code_postal\": \"{zip}\"}",
            "{\"médecin\": \"Dr {p1}\", \"lit\": {bed}} - rédige la transmission.",
        ],
        "es": [
            "Genera un resumen: {\"paciente\": \"{p1}\", \"fecha_nacimiento\": \"{dob}\", \"cama\": {bed}}",
            "{\"cliente\": \"{p1}\", \"direccion\": \"{st}\", \"cp\": \"{zip}\"} -> redacta el albarán",
        ],
        "it": [
            "Compila la lettera da questo JSON: {\"paziente\": \"{p1}\", \"letto\": {bed}, \"reparto\": \"Medicina 2\"}",
            "{\"cliente\": \"{p1}\", \"indirizzo\": \"{st}\", \"cap\": \"{zip}\"} - scrivi la conferma d'ordine",
        ],
        "nl": [
            "Maak hier een brief van: {\"patient\": \"{p1}\", \"geboortedatum\": \"{dob}\", \"afdeling\": \"B3\"}",
            "{\"klant\": \"{p1}\", \"adres\": \"{st}\", \"postcode\": \"{zip}\"} - schrijf een verzendbevestiging",
        ],
    },
    "forms": {
        "en": [
            "First name: {p1.g}\nLast name: {p1.s}\nDate of birth: {dob}\nPhone: {phone}",
            "NAME: {p1.U}\nADDRESS: {st}\nCITY/STATE/ZIP: {cityzip}",
            "Applicant: {p1}\nSSN: {ssn}\nStreet: {st}\nZIP: {zip}",
            "Emergency contact: {p1} (sister) - {phone}",
            "Cardholder name: {p1.U}\nCard number: {card}\nBilling address: {st}, {cityzip}",
        ],
        "de": [
            "Vorname: {p1.g}\nNachname: {p1.s}\nGeburtsdatum: {dob}\nStraße: {st}\nPLZ/Ort: {cityzip}",
            "Name, Vorname: {p1.sf}\nTelefon: {phone}",
            "Nachname: {p1.sU}\nVorname: {p1.g}\nAnschrift: {st}, {cityzip}",
        ],
        "fr": [
            "Nom : {p1.sU}\nPrénom : {p1.g}\nDate de naissance : {dob}\nAdresse : {st}\nCode postal : {zip}",
            "Nom et prénom : {p1}\nTéléphone : {phone}",
            "Nom : {p1.s}\nPrénom(s) : {p1.g}\nAdresse : {st}, {cityzip}",
        ],
        "es": [
            "Nombre: {p1.g}\nApellidos: {p1.s}\nFecha de nacimiento: {dob}\nDomicilio: {st}\nC.P.: {zip}",
            "Nombre y apellidos: {p1}\nTeléfono: {phone}",
            "Apellidos, nombre: {p1.sf}\nDirección: {st}, {cityzip}",
        ],
        "it": [
            "Nome: {p1.g}\nCognome: {p1.s}\nData di nascita: {dob}\nIndirizzo: {st}\nCAP: {zip}",
            "Cognome e nome: {p1.SF}\nTelefono: {phone}",
            "Cognome: {p1.sU}\nNome: {p1.g}\nResidenza: {st}, {cityzip}",
        ],
        "nl": [
            "Voornaam: {p1.g}\nAchternaam: {p1.s}\nGeboortedatum: {dob}\nAdres: {st}\nPostcode: {zip}",
            "Naam: {p1}\nTelefoon: {phone}",
            "Achternaam: {p1.s}\nVoornamen: {p1.g}\nAdres: {st}, {cityzip}",
        ],
    },
    "email": {
        "en": [
            "Can you make this email more polite?\n\nHi {p2.g},\nThe lab results are back, call me.\n\nBest,\n{p1}",
            "Fix the grammar: 'thanks for the update, ill send the contract tomorrow. Best, {p1.g}'",
            "Translate to French:\n\nDear {p2},\nPlease find the invoice attached.\n\nCheers,\n{p1}\nSenior Coordinator | {org}\n{phone} | {email1}",
            "Summarize this thread:\nFrom: {p1} <{email1}>\nTo: {p2.g}\nSubject: Re: Q3 budget\n\nSee my notes inline.",
            "Reply to this: \"Hi, this is {p1} from Dr. {p2.s}'s office - can we move the visit?\"",
            "Shorten this:\nHello team,\n{p3.g}, {p2.g} and I met with the vendor. Next steps below.\nRegards,\n{p1}",
        ],
        "de": [
            "Mach die Mail freundlicher:\n\nHallo {p2.g},\ndie Unterlagen fehlen noch.\n\nViele Grüße\n{p1}",
            "Korrigiere: 'Sehr geehrte Frau {p2.s}, anbei die Rechnung. MfG {p1} | {phone}'",
        ],
        "fr": [
            "Reformule ce mail :\n\nBonjour {p2.g},\nle dossier est incomplet.\n\nCordialement,\n{p1}",
            "Traduis en anglais : 'Madame {p2.s}, veuillez trouver ci-joint le devis. Bien à vous, {p1} - {email1}'",
        ],
        "es": [
            "Mejora este correo:\n\nHola {p2.g},\nte reenvío el informe.\n\nUn saludo,\n{p1}",
            "Traduce al inglés: 'Estimada Sra. {p2.s}: adjunto la factura. Atentamente, {p1} ({phone})'",
        ],
        "it": [
            "Rendi più formale:\n\nCiao {p2.g},\nti giro il preventivo.\n\nCordiali saluti,\n{p1}",
            "Traduci in inglese: 'Gentile dott. {p2.s}, allego il referto. Saluti, {p1} - {email1}'",
        ],
        "nl": [
            "Maak deze mail formeler:\n\nHoi {p2.g},\nde offerte komt morgen.\n\nMet vriendelijke groet,\n{p1}",
            "Vertaal naar het Engels: 'Beste {p2}, bijgaand de factuur. Groet, {p1} - {phone}'",
        ],
    },
    "address": {
        "en": [
            "Ship to:\n{p1}\n{st}\n{cityzip}",
            "Please verify this address: {st} {cityzip}",
            "Mail the signed form to {pobox}, {cityzip}.",
            "Is this a valid address format? {st.ml}\n{cityzip}",
            "Update my billing address to {st}, {cityzip}",
            "Return label: {p1.U}, {st}, {cityzip}",
            "The delivery driver couldn't find {st} - the gate code is 4471.",
        ],
        "de": [
            "Lieferadresse: {st}, {cityzip}",
            "{p1}\n{st.ml}\n{cityzip}",
            "Bitte schicke die Unterlagen an {pobox}, {cityzip}.",
        ],
        "fr": [
            "Adresse de livraison : {st}, {cityzip}",
            "{p1.SF}\n{st.ml}\n{cityzip}",
            "Envoyez le chèque à {pobox}, {cityzip}.",
        ],
        "es": [
            "Dirección de envío: {st}, {cityzip}",
            "{p1}\n{st.ml}\n{cityzip}",
            "Mande la documentación al {pobox}, {cityzip}.",
        ],
        "it": [
            "Indirizzo di consegna: {st} - {cityzip}",
            "{p1}\n{st.ml}\n{cityzip}",
            "Spedire a {pobox}, {cityzip}.",
        ],
        "nl": [
            "Afleveradres: {st}, {cityzip}",
            "{p1}\n{st.ml}\n{cityzip}",
            "Stuur de machtiging naar {pobox}, {cityzip}.",
        ],
    },
}

SLICE_COUNTS = {"clinical": 90, "pharmacy": 60, "hr": 60, "support_chat": 60, "json_prompt": 55,
                "forms": 70, "email": 55, "address": 75}

# ---------------------------------------------------------------------------
# Negatives: no person, no address, no identifier at all.
# ---------------------------------------------------------------------------
NEG_FIXED = {
    "en": [
        "Explain the difference between Crohn's disease and ulcerative colitis in simple terms.",
        "What is the Glasgow Coma Scale score for a patient who opens eyes to pain, makes incomprehensible sounds and localizes pain?",
        "Is Ozempic or Mounjaro better for weight loss? Compare side effects and cost.",
        "Summarize the Lugano classification for Hodgkin lymphoma staging.",
        "List five early signs of Alzheimer's disease that families often miss.",
        "Draft a short poster text for World Down Syndrome Day.",
        "How is the Apgar score calculated at 1 and 5 minutes?",
        "Keytruda 200 mg IV every 3 weeks: what immune-related adverse events should nurses watch for?",
        "Inflation has moved from Wall Street to Main Street, and that is the main street of the debate now.",
        "We shipped 90210 units in the third quarter, up from 75011 a year earlier.",
        "Convert 10115 milliseconds to minutes and seconds.",
        "Rewrite this SQL so it uses an index: SELECT street, zip FROM addresses WHERE zip LIKE '9%';",
        "In Python, how do I write a regex that matches a PO Box line?",
        "Write a haiku about Amsterdam canals in winter.",
        "Which is larger, Lake Victoria or Lake Tanganyika?",
        "The Road Ahead: Quarterly Planning for the Platform Team",
        "Grace period ends Friday, so remind customers before then.",
        "Bill the customer at month end, not at signup.",
        "Mark the ticket as resolved once the patch is deployed.",
        "Rose by 4% year over year, revenue beat the forecast.",
        "Faith in the new process is low after the outage.",
        "Hope this helps! Let me know if the build still fails.",
        "Frank feedback from the pilot sites is attached below.",
        "Will the update ship today or tomorrow?",
        "Summer hours start in June; the office closes at 3 pm on Fridays.",
        "Jenkins failed on the Django migration step again; can you read this stack trace?",
        "Ask Alexa to set a 10-minute timer, then compare that with Siri's answer.",
        "How do I configure Kubernetes readiness probes for a PostgreSQL sidecar?",
        "Does Johns Hopkins or the Mayo Clinic publish more trials on Cushing's syndrome?",
        "Memorial Sloan Kettering and the Cleveland Clinic both run Graves' disease programs. Which is closer to Ohio?",
        "What are the contraindications for the Epley maneuver?",
        "Describe the Heimlich maneuver for a choking infant.",
        "Write a patient leaflet on Bell's palsy recovery.",
        "Explain how the Wells score and a D-dimer are used together.",
        "Child-Pugh class B: does that change the dose of Eliquis?",
        "What's the Braden scale cut-off for high pressure-injury risk?",
        "Compare Humira and Stelara for moderate Crohn's disease.",
        "Is Lipitor 40 mg usually taken in the evening?",
        "PATIENT EDUCATION: KNEE REPLACEMENT - WHAT TO EXPECT",
        "ANNUAL REPORT 2024 - SECTION 3: CASH FLOW",
        "Chapter 7: The Long Road Home",
        "Order 48213 was cancelled; refund 1,250.00 EUR to the original payment method.",
        "Set the request timeout to 30000 ms and the retry count to 5.",
        "SKU 62704-1183 is out of stock until the next shipment.",
        "Error code 75011 appears when the license server is unreachable.",
        "Room 1420 is booked for the quarterly review on the fourth floor.",
        "The population of the district grew to 28013 by 1989.",
        "Take the high road in negotiations even if the other side does not.",
        "We hit a roadblock on the A/B test: the control group is too small.",
        "Lane detection accuracy dropped after we changed the camera mount.",
        "Park the discussion about pricing until the Court rules on the merger.",
        "This drive has 512 GB free; should I move the Docker images?",
        "Explain the Plaza Accord of 1985 and its effect on the yen.",
        "Tesla Model 3 versus Ford Mustang Mach-E: which has the better heat pump?",
        "Mercedes-Benz and Porsche reported results on the same day.",
        "You are a helpful assistant. Answer in JSON with the keys name, street and zip, leaving them empty if unknown.",
        "Translate the following into Dutch: The weather is nice today and the trains are on time.",
        "Give me a packing list for a week in Addis Ababa and Lalibela.",
        "Draft a LinkedIn post announcing our new office in São Paulo.",
        "Which vaccines are recommended before travel to Lagos and Accra?",
        "What does the Circle of Willis supply, and what happens if it is incomplete?",
        "Is Guillain-Barré syndrome a known side effect of the shingles vaccine?",
        "Describe Stevens-Johnson syndrome triggers in under 100 words.",
        "What causes Raynaud's phenomenon in young adults?",
        "How is Huntington's disease inherited?",
        "Explain Kaposi sarcoma to a first-year student.",
        "Make a table: Addison's disease vs. Cushing's syndrome - cortisol, ACTH, symptoms.",
        "Is a Foley catheter needed after a Whipple procedure?",
        "When should a Pap smear be repeated after an abnormal result?",
        "Barrett's esophagus surveillance interval for low-grade dysplasia?",
        "Write unit tests for a function that validates postal codes; do not use real addresses.",
        "The Kerkstraat scene in that novel is a metaphor for the whole village.",
        "Give three synonyms for 'avenue' as in 'an avenue for growth'.",
        "What's the Bishop score used for in obstetrics?",
        "Rank these drugs by half-life: Xarelto, Eliquis, Coumadin, Plavix.",
        "Can Ventolin and Symbicort be used on the same day?",
        "Explain Dijkstra's algorithm with a small example graph.",
        "What is the Fitzpatrick skin type scale?",
        "Summarize the plot of Moby-Dick in five bullet points.",
        "Does the Hubble constant change over time?",
        "Explain Ohm's law and Kirchhoff's laws for a beginner.",
        "Are Jardiance and Trulicity covered under the same formulary tier?",
    ],
    "de": [
        "Was ist der Unterschied zwischen Morbus Crohn und Colitis ulcerosa?",
        "Erkläre den Apgar-Score für werdende Eltern.",
        "Die Hauptstraße der Argumentation führt am Kern des Problems vorbei.",
        "Bestellung 10115 wurde storniert, bitte Gutschrift erstellen.",
        "Wie wirkt Ozempic, und warum gibt es Lieferengpässe?",
        "Schreibe eine kurze Zusammenfassung über die Geschichte der Charité in Berlin.",
        "Sommer, Sonne, Strand: Formuliere einen Werbetext für ein Hotel an der Ostsee.",
        "Frühe Anzeichen der Alzheimer-Demenz: eine Liste für Angehörige.",
        "Ist Ibuprofen bei Morbus Bechterew sinnvoll?",
        "Der Weg ist das Ziel - erkläre das Sprichwort.",
        "Wir haben 28013 Datensätze importiert, davon 412 fehlerhaft.",
        "Was misst die Glasgow-Koma-Skala?",
        "Welche Nebenwirkungen hat Humira?",
        "Übersetze ins Englische: Der Zug nach München fällt heute aus.",
    ],
    "fr": [
        "Quelle est la différence entre la maladie de Parkinson et le tremblement essentiel ?",
        "Le Doliprane 1000 mg peut-il être pris avec de l'ibuprofène ?",
        "La rue est pleine de monde ce matin à cause de la grève.",
        "Commande n° 75011 expédiée, livraison prévue sous 48 heures.",
        "Résume l'histoire de l'Hôpital Necker-Enfants malades.",
        "Rédige un plan de cours sur la Révolution française.",
        "Explique le score d'Apgar à des étudiants sages-femmes.",
        "Qu'est-ce que la maladie de Crohn et comment la traite-t-on ?",
        "Le lymphome de Hodgkin est-il héréditaire ?",
        "Traduis en espagnol : le train pour Lyon est annulé.",
        "Nous avons vendu 69001 exemplaires du livre en 2023.",
        "Quels sont les effets secondaires du Keytruda ?",
        "Comment fonctionne l'échelle de Glasgow ?",
        "Voie sans issue : que faire quand un projet stagne ?",
    ],
    "es": [
        "¿Qué es el síndrome de Down y cómo se diagnostica?",
        "Mi pedido 28013 no aparece en la web, ¿qué hago?",
        "Explícame la escala de Glasgow con un ejemplo.",
        "La calle principal del debate político sigue siendo la vivienda.",
        "¿Gelocatil o Enantyum para el dolor de muelas?",
        "Esperanza de vida en España: resume los datos del último informe.",
        "Dolores de cabeza frecuentes por la mañana: ¿cuándo consultar?",
        "Paz y seguridad: escribe un párrafo para un discurso escolar.",
        "Luz solar y vitamina D: ¿cuántos minutos al día?",
        "¿Cuál es la diferencia entre Alzheimer y demencia vascular?",
        "Traduce al inglés: el hospital está cerca del puerto.",
        "Compara Ozempic y Trulicity en una tabla.",
        "Vendimos 46001 entradas para el festival.",
        "Explica la enfermedad de Crohn a un niño de diez años.",
    ],
    "it": [
        "Cos'è il morbo di Alzheimer e quali sono i primi sintomi?",
        "La Tachipirina si può prendere insieme all'ibuprofene?",
        "Ordine n. 00184 in consegna domani mattina.",
        "Via libera al progetto: scrivi un comunicato stampa.",
        "Speranza di vita in Italia: riassumi i dati ISTAT più recenti.",
        "Spiega il punteggio di Apgar ai futuri genitori.",
        "Il Policlinico Gemelli ha un centro per il morbo di Parkinson?",
        "Serena discussione o scontro aperto? Analizza il tono di questo articolo.",
        "Differenza tra linfoma di Hodgkin e non-Hodgkin.",
        "Abbiamo prodotto 20121 pezzi nel primo trimestre.",
        "Traduci in francese: la riunione è rinviata a lunedì.",
        "Quali sono le controindicazioni del Keytruda?",
        "Cosa misura la scala di Glasgow?",
        "Scrivi una poesia sulla piazza del paese d'inverno.",
    ],
    "nl": [
        "Wat is de ziekte van Crohn en hoe wordt die behandeld?",
        "Is Dafalgan hetzelfde als paracetamol?",
        "We hebben 1012 dozen besteld, maar er zijn er 980 geleverd.",
        "Leg het algoritme van Dijkstra uit met een voorbeeld.",
        "Wat zijn de eerste tekenen van de ziekte van Parkinson?",
        "Vertaal naar het Engels: de trein naar Utrecht rijdt niet.",
        "De hoofdstraat van het debat is nog steeds de woningnood.",
        "Hoe werkt de Glasgow Coma Schaal?",
        "Wat is het syndroom van Down precies?",
        "Schrijf een korte tekst over de geschiedenis van het Rijksmuseum.",
        "Vergelijk Ozempic en Wegovy in een tabel.",
        "Zomer in Zeeland: schrijf een reclametekst voor een camping.",
        "Factuur 3581 is nog niet betaald, stuur een herinnering.",
        "Wat meet de Apgar-score bij pasgeborenen?",
    ],
}

EPONYMS = {
    "en": ["Parkinson's disease", "Alzheimer's disease", "Crohn's disease", "Hodgkin lymphoma", "Down syndrome",
           "the Apgar score", "the Glasgow Coma Scale", "Cushing's syndrome", "Graves' disease", "Hashimoto's thyroiditis",
           "Bell's palsy", "Guillain-Barré syndrome", "Huntington's disease", "Sjögren's syndrome", "Kawasaki disease",
           "Marfan syndrome", "Tourette syndrome", "Ménière's disease", "Lou Gehrig's disease", "the Babinski sign",
           "Wernicke encephalopathy", "Ewing sarcoma", "Wilms tumor", "Turner syndrome", "the Ranson criteria"],
    "de": ["Morbus Parkinson", "Morbus Basedow", "Hashimoto-Thyreoiditis", "das Cushing-Syndrom", "die Alzheimer-Krankheit",
           "das Down-Syndrom", "Morbus Menière", "das Guillain-Barré-Syndrom"],
    "fr": ["la maladie de Parkinson", "la maladie de Basedow", "le syndrome de Cushing", "la maladie d'Alzheimer",
           "la thyroïdite de Hashimoto", "le syndrome de Guillain-Barré", "la maladie de Ménière"],
    "es": ["la enfermedad de Parkinson", "el síndrome de Cushing", "la tiroiditis de Hashimoto", "la enfermedad de Graves",
           "el síndrome de Guillain-Barré", "la enfermedad de Kawasaki"],
    "it": ["il morbo di Parkinson", "la sindrome di Cushing", "la tiroidite di Hashimoto", "il morbo di Basedow",
           "la sindrome di Guillain-Barré", "la malattia di Kawasaki"],
    "nl": ["de ziekte van Parkinson", "het syndroom van Cushing", "de ziekte van Graves", "de ziekte van Hashimoto",
           "het syndroom van Guillain-Barré", "de ziekte van Kawasaki"],
}
NEG_TEMPLATES = {
    "en": [
        "Explain {epo} to a {aud} in three sentences.",
        "What is the usual starting dose of {brand}, and how is it titrated?",
        "Compare {brand} and {brand2}: mechanism, common side effects, monitoring.",
        "Order {num} contains {qty} boxes of {brand} samples; the invoice total is {money}.",
        "Write a FAQ entry about {epo} for our patient portal.",
        "Create five quiz questions on {epo} for nursing students.",
        "Ticket {num}: the export job timed out after {qty} minutes.",
    ],
    "de": ["Erkläre {epo} für {aud} in drei Sätzen.", "Vergleiche {brand} und {brand2} in einer Tabelle.",
           "Auftrag {num}: {qty} Packungen {brand} geliefert, Rechnungsbetrag {money}."],
    "fr": ["Explique {epo} à {aud} en trois phrases.", "Compare {brand} et {brand2} dans un tableau.",
           "Commande {num} : {qty} boîtes de {brand}, montant {money}."],
    "es": ["Explica {epo} a {aud} en tres frases.", "Compara {brand} y {brand2} en una tabla.",
           "Pedido {num}: {qty} cajas de {brand}, importe {money}."],
    "it": ["Spiega {epo} a {aud} in tre frasi.", "Confronta {brand} e {brand2} in una tabella.",
           "Ordine {num}: {qty} confezioni di {brand}, importo {money}."],
    "nl": ["Leg {epo} uit aan {aud} in drie zinnen.", "Vergelijk {brand} en {brand2} in een tabel.",
           "Bestelling {num}: {qty} doosjes {brand}, bedrag {money}."],
}
AUDIENCES = {
    "en": ["twelve-year-old", "new pharmacy technician", "family caregiver", "medical student"],
    "de": ["Angehörige", "Auszubildende in der Pflege", "Schulkinder"],
    "fr": ["des aidants", "des étudiants infirmiers", "des enfants"],
    "es": ["cuidadores", "estudiantes de enfermería", "niños"],
    "it": ["i caregiver", "studenti di infermieristica", "bambini"],
    "nl": ["mantelzorgers", "verpleegkundestudenten", "kinderen"],
}
NEG_QUOTA = {"en": 93, "de": 19, "fr": 19, "es": 18, "it": 18, "nl": 18}


def neg_from_template(rng, lang):
    t = rng.choice(NEG_TEMPLATES[lang])
    b1, b2 = rng.sample(BRANDS, 2)
    cur = "USD" if lang == "en" else "EUR"
    vals = {
        "epo": rng.choice(EPONYMS[lang]),
        "aud": rng.choice(AUDIENCES[lang]),
        "brand": b1,
        "brand2": b2,
        "num": str(rng.randrange(10000, 99999)),
        "qty": str(rng.randrange(2, 400)),
        "money": f"{rng.randrange(100, 9999)}.{rng.randrange(0, 100):02d} {cur}",
    }
    return t.format(**vals)


def lang_plan(rng, n):
    """About half English, the rest spread evenly over de, fr, es, it, nl."""
    n_en = n // 2
    rest = n - n_en
    others = ["de", "fr", "es", "it", "nl"]
    plan = ["en"] * n_en
    for i in range(rest):
        plan.append(others[i % 5])
    rng.shuffle(plan)
    return plan


def main():
    rng = random.Random(SEED)
    records = []
    seen = set()
    culture_counts = {}

    for slc, n in SLICE_COUNTS.items():
        for lang in lang_plan(rng, n):
            for _attempt in range(50):
                ctx = Ctx(rng, lang)
                text, spans = render(ctx, rng.choice(T[slc][lang]))
                if text not in seen:
                    break
            else:
                raise RuntimeError("could not make a unique record")
            seen.add(text)
            for c in ctx.cultures:
                culture_counts[c] = culture_counts.get(c, 0) + 1
            records.append({"lang": lang, "slice": slc, "text": text, "spans": spans})

    for lang, quota in NEG_QUOTA.items():
        fixed = list(NEG_FIXED[lang])
        items = fixed[:quota]
        while len(items) < quota:
            t = neg_from_template(rng, lang)
            if t not in seen and t not in items:
                items.append(t)
        for t in items:
            assert t not in seen, t
            seen.add(t)
            records.append({"lang": lang, "slice": "negative", "text": t, "spans": []})

    rng.shuffle(records)
    lines = []
    for i, rec in enumerate(records):
        text = rec["text"]
        raw = text.encode("utf-8")
        spans = []
        for s in rec["spans"]:
            # self-check: the bytes at the offsets are exactly the planted value
            assert raw[s["start"]:s["end"]].decode("utf-8") == s["_value"], (rec, s)
            assert s["_value"] == s["_value"].strip() and s["_value"], s
            spans.append({"entity": s["entity"], "start": s["start"], "end": s["end"]})
        # spans must not overlap
        ordered = sorted(spans, key=lambda s: s["start"])
        for a, b in zip(ordered, ordered[1:]):
            assert a["end"] <= b["start"], rec
        if rec["slice"] == "negative":
            assert not spans
        else:
            assert spans, rec
        obj = {"id": f"names-{i + 1:04d}", "lang": rec["lang"], "slice": rec["slice"], "text": text, "spans": spans}
        lines.append(json.dumps(obj, ensure_ascii=False))

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")

    if os.environ.get("NAMES_STATS"):
        import collections
        by_slice = collections.Counter(r["slice"] for r in records)
        by_lang = collections.Counter(r["lang"] for r in records)
        by_ent = collections.Counter(s["entity"] for r in records for s in r["spans"])
        print("records", len(records))
        print("by slice", dict(sorted(by_slice.items())))
        print("by lang", dict(sorted(by_lang.items())))
        print("by entity", dict(sorted(by_ent.items())))
        print("cultures", len(culture_counts), dict(sorted(culture_counts.items())))


if __name__ == "__main__":
    main()

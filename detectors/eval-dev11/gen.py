#!/usr/bin/env python3
"""eval-dev11: names among look-alikes.

Generates dev11.jsonl: 600 records (en 300; de, fr, es, it, pt, nl 50 each)
about PERSON detection in text full of capitalised words that are not people.
Python 3 standard library only; fixed seed; all vocabulary written by hand
below; all values invented.

    python3 gen.py            # writes dev11.jsonl
    python3 gen.py --stats    # also prints counts

Template syntax
  ⟪a¦b¦c⟫         random alternative (nestable)
  {{n:fem|masc}}  chosen by the gender of person n (1, 2, 3 ...)
  [[KEY.n:fmt m]] labelled value as its own segment; KEY is
                  P (full name), G (given name), S (surname), N (any of the
                  three), DATE, PHONE, EMAIL (of person n), MRN;
                  modifiers: ^ capitals, _ lower case, ~ spelled letter by
                  letter with single spaces (lower case), ! first letter
                  capitalised.  The same key and number give the same person.
  [[=list]]       unlabelled filler drawn from FILL[list]; [[=list.n]]
                  repeats the same draw; '!' capitalises its first letter.
"""
import json
import random
import re
import sys
import unicodedata

SEED = 20261209
OUT = "dev11.jsonl"
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl"]
SLICES = ["clinical", "work", "support", "letters", "transcripts", "misc"]
LABELS = {
    "PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN",
    "US_BANK_ROUTING", "SWIFT_BIC", "ACCOUNT_NUMBER", "IP_ADDRESS", "URL",
    "DATE", "STREET_ADDRESS", "ZIP_CODE", "MEDICAL_RECORD_NUMBER",
    "HEALTH_PLAN_ID", "NPI", "DEA_NUMBER", "ICD10_CODE", "US_PASSPORT",
    "US_DRIVER_LICENSE", "UK_NHS", "UK_NINO", "DE_TAX_ID", "FR_NIR", "ES_DNI",
    "IT_FISCAL_CODE", "NL_BSN", "VEHICLE_ID", "DEVICE_ID", "API_KEY",
}

# ---------------------------------------------------------------------------
# Names.  Each tradition: feminine given names, masculine given names,
# surnames.  A surname may carry a particle (van der, de, al-, Ó, Ní ...).
# Arabic entries may carry a nasab ("bin Saeed") in MIDDLE.
# ---------------------------------------------------------------------------
TRAD = {
    "yoruba": (["Folasade", "Temitope", "Oluwakemi", "Ayomide", "Morenike", "Titilayo"],
               ["Oluwaseun", "Babatunde", "Adebowale", "Olumide", "Ayotunde"],
               ["Ogunleye", "Akinwande", "Oyelaran", "Odunsi", "Adebisi", "Olatunji", "Fagbemi"]),
    "igbo": (["Nkechi", "Ifeoma", "Chidinma", "Adaeze", "Ngozika", "Uchenna"],
             ["Chukwuemeka", "Obinna", "Ikenna", "Somtochukwu", "Ebuka"],
             ["Okonkwo", "Okafor", "Nwachukwu", "Obiora", "Anyanwu", "Ezeokoli", "Nnamdi-Obi"]),
    "akan": (["Akosua", "Afua", "Adwoa", "Abena", "Efua"],
             ["Kwabena", "Yaw", "Kwadwo", "Kwesi", "Kofi"],
             ["Asante", "Boateng", "Ofori", "Frimpong", "Agyeman", "Owusu-Ansah", "Darko"]),
    "eastafrica": (["Wanjiru", "Njeri", "Achieng", "Jepchirchir", "Neema", "Wairimu"],
                   ["Otieno", "Kiprono", "Baraka", "Mutua", "Kipchumba"],
                   ["Kamau", "Odhiambo", "Wambui", "Kiprotich", "Nyambura", "Chebet", "Omondi"]),
    "ethiopian": (["Tsehay", "Meseret", "Selamawit", "Hiwot", "Bethlehem"],
                  ["Yonas", "Dawit", "Tewodros", "Yared", "Abebe"],
                  ["Gebremedhin", "Tesfaye", "Alemu", "Woldemariam", "Bekele", "Haileselassie"]),
    "somali": (["Hodan", "Faadumo", "Ubah", "Hibaaq", "Sagal"],
               ["Abdirahman", "Liban", "Guled", "Mahad", "Abdikarim"],
               ["Warsame", "Jama", "Hirsi", "Egal", "Dirie"]),
    "southasian": (["Shreya", "Lakshmi", "Harpreet", "Tanvi", "Rituparna", "Sunanda", "Ishita"],
                   ["Anirudh", "Venkatesh", "Gurpreet", "Siddharth", "Prashant", "Arjun"],
                   ["Raghunathan", "Chakraborty", "Venkataraman", "Deshpande", "Sandhu",
                    "Bhattacharya", "Kulkarni", "Subramaniam", "Dhillon"]),
    "srilankan": (["Nirosha", "Kavitha", "Dilani", "Thilini"],
                  ["Tharshan", "Sivakumar", "Ruwan", "Chaminda"],
                  ["Jeyakumar", "Wickramasinghe", "Sivapalan", "Jayawardena", "Gunasekera"]),
    "filipino": (["Maricel", "Rowena", "Lorna", "Jocelyn", "Divina"],
                 ["Jericho", "Rommel", "Danilo", "Arnel", "Efren"],
                 ["Dimaculangan", "Macaraeg", "Bautista", "Magbanua", "Lacson", "Dumalagan"]),
    "thai": (["Siriporn", "Kanokwan", "Pimchanok", "Ratchanee"],
             ["Nattapong", "Somchai", "Thanawat", "Kittisak"],
             ["Srisuwan", "Chaiyaporn", "Wongsakul", "Rattanakorn", "Phromsuk"]),
    "indonesian": (["Dewi", "Ratna", "Sekar", "Kartika"],
                   ["Wahyu", "Rizky", "Bambang", "Agus"],
                   ["Setiawan", "Kusumawati", "Nugroho", "Wibisono", "Hartono"]),
    "vietnamese": (["Thanh Huong", "Ngoc Anh", "Thu Trang", "Bich Ngoc"],
                   ["Quang Minh", "Duc Anh", "Van Long", "Hoang Nam"],
                   ["Trinh", "Quach", "Pham", "Vuong", "Huynh"]),
    "chinese": (["Xiaoling", "Jiahui", "Meiying", "Yuxin", "Shufen"],
                ["Zhiwei", "Haoran", "Junjie", "Wenbo", "Guangming"],
                ["Zhou", "Guo", "Xu", "Zheng", "Lu", "Tang", "Cao"]),
    "korean": (["Seo-yeon", "Ji-woo", "Eun-ji", "Ha-eun", "Soo-ah"],
               ["Ji-hoon", "Min-jae", "Dong-hyun", "Seung-woo", "Tae-yang"],
               ["Baek", "Jang", "Hwang", "Seo", "Ryu", "Yoon"]),
    "japanese": (["Haruka", "Yuki", "Chihiro", "Sayaka", "Natsumi"],
                 ["Takumi", "Kenta", "Shunsuke", "Ryota", "Daisuke"],
                 ["Tsukamoto", "Ishikawa", "Kuroda", "Morioka", "Hasegawa", "Noguchi"]),
    "arabic": (["Mariam", "Rania", "Noor", "Huda", "Lubna", "Ghada"],
               ["Khalid", "Yousef", "Hamza", "Tariq", "Bilal", "Faisal"],
               ["al-Mansouri", "al-Harbi", "Haddad", "Khoury", "al-Qahtani", "Nasrallah",
                "al-Zahrani", "Barakat"]),
    "persian": (["Shirin", "Parisa", "Niloufar", "Golnaz", "Mahsa"],
                ["Kourosh", "Dariush", "Babak", "Farhad", "Arash"],
                ["Tehrani", "Ghorbani", "Farahani", "Rostami", "Jafarzadeh", "Mirzaei"]),
    "turkish": (["Eda", "Zeynep", "Çağla", "Gülşen", "Büşra"],
                ["Burak", "Gökhan", "Emre", "Oğuz", "Serkan"],
                ["Yıldırım", "Öztürk", "Aydoğan", "Karaca", "Şahin", "Korkmaz"]),
    "slavic": (["Zdenka", "Miroslava", "Ludmila", "Jadwiga", "Bożena", "Dragana"],
               ["Radoslav", "Bogdan", "Jaroslav", "Przemysław", "Dragan"],
               ["Wiśniewska", "Kovačević", "Dvořák", "Szczepańska", "Petrović", "Horvat",
                "Grzybowski", "Novotná"]),
    "hungarian": (["Csilla", "Zsófia", "Enikő", "Réka"],
                  ["Levente", "Bence", "Zoltán", "Gergely"],
                  ["Fekete", "Hegedűs", "Bodnár", "Szűcs", "Vörös"]),
    "finnish": (["Aino", "Tuulikki", "Kerttu", "Satu", "Sirpa"],
                ["Eero", "Juhani", "Jukka", "Ilmari", "Tapio"],
                ["Virtanen", "Heikkinen", "Mäkelä", "Kinnunen", "Laaksonen", "Hyvönen"]),
    "baltic": (["Rūta", "Ilze", "Dace", "Kadri", "Eglė"],
               ["Gintaras", "Mārtiņš", "Kristjan", "Rimantas", "Arvids"],
               ["Kazlauskas", "Bērziņš", "Jankauskienė", "Tamm", "Ozoliņa", "Saar"]),
    "greek": (["Eleftheria", "Panagiota", "Chrysoula", "Vasiliki"],
              ["Stavros", "Thanasis", "Spyridon", "Kyriakos"],
              ["Papadopoulou", "Karagiannis", "Theodorakis", "Nikolaidou", "Anagnostou"]),
    "basque": (["Amaia", "Itziar", "Nerea", "Ainhoa", "Edurne"],
               ["Iker", "Unai", "Gorka", "Aitor", "Koldo"],
               ["Etxeberria", "Goikoetxea", "Aranburu", "Urrutia", "Zubizarreta", "Arrieta"]),
    "catalan": (["Montserrat", "Núria", "Roser", "Meritxell", "Mireia"],
                ["Jordi", "Pau", "Oriol", "Quim", "Arnau"],
                ["Puigdomènech", "Vilaró", "Sabaté", "Casademunt", "Riera", "Bosch i Vives"]),
    "welsh": (["Rhiannon", "Angharad", "Eluned", "Ffion", "Gwenllian"],
              ["Gethin", "Dafydd", "Iolo", "Rhodri", "Emyr"],
              ["Pritchard", "Llewellyn", "Prosser", "Bowen", "ap Rhys", "Gruffydd"]),
    "irish": (["Siobhán", "Caoimhe", "Aoife", "Niamh", "Gráinne", "Saoirse"],
              ["Donnchadh", "Tadhg", "Cathal", "Oisín", "Ruairí"],
              ["Ó Súilleabháin", "Mac Giolla", "Ní Bhriain", "Kavanagh", "Ó Dálaigh", "Breathnach"]),
    "pacific": (["Mere", "Aroha", "Ngaire", "Losana", "Mele", "Moana"],
                ["Tavita", "Wiremu", "Sione", "Tevita", "Rawiri", "Manaia"],
                ["Ngata", "Tuhiwai", "Fonoti", "Tupou", "Taufa", "Faleolo", "Havili", "Te Awa"]),
    "indigenous": (["Nizhoni", "Shandiin", "Winona", "Kateri", "Tayanita"],
                   ["Ahiga", "Hosteen", "Kele", "Tokala", "Bidziil"],
                   ["Yellowhorse", "Runningwater", "Tsosie", "Begay", "Manygoats", "Benally", "Whitecloud"]),
    "caribbean": (["Shernette", "Tamika", "Marcia", "Yolande", "Keisha"],
                  ["Delroy", "Marlon", "Winston", "Desmond", "Fitzroy"],
                  ["McFarlane", "Braithwaite", "Beckford", "Ramdial", "Thwaites", "Persaud"]),
    "andean": (["María Fernanda", "Xiomara", "Yesenia", "Rosa Elvira", "Nayeli"],
               ["Juan Pablo", "Wilmer", "Edwin Rolando", "Yupanqui", "Héctor Raúl"],
               ["Quispe Mamani", "Huanca Condori", "Ticona Apaza", "Ríos Saavedra",
                "Cárdenas Villca", "Choque Limachi"]),
}
MIDDLE = {"arabic": ["bin Saeed", "bin Omar", "bint Rashid", "bin Nasser"]}

# Names that are also ordinary English words or look-alikes.
WORD_GIVEN = {
    "en": (["Rose", "Hope", "Faith", "Amber", "Dawn", "Victoria", "Florence", "Paris",
            "Joy", "Hazel", "Pearl", "Ivy", "Summer", "Sunny", "Storm", "Charity"],
           ["Bill", "Mark", "Will", "Grant", "Jordan", "Chase", "Sterling", "Rusty",
            "Jack", "Frank", "Hunter", "Sonny"]),
    "de": (["Rosa", "Heide", "Viola", "Sonja"], ["Ernst", "Frank", "Hartmut", "Gottlieb"]),
    "fr": (["Rose", "Prudence", "Constance", "Clémence", "Fleur", "Blanche", "Victoire"],
           ["Aimé", "Désiré", "Constant", "Fidèle"]),
    "es": (["Rosario", "Luz", "Soledad", "Paz", "Amparo", "Consuelo", "Pilar", "Rocío",
            "Socorro"], ["Reyes", "Amado", "Fidel", "Victorioso"]),
    "it": (["Serena", "Allegra", "Fiore", "Speranza", "Celeste", "Gioia", "Sole"],
           ["Fortunato", "Felice", "Amato", "Benvenuto"]),
    "pt": (["Luz", "Graça", "Glória", "Celeste", "Dores", "Conceição"],
           ["Amado", "Jesus", "Vitorino", "Modesto"]),
    "nl": (["Roos", "Sterre", "Joy", "Storm", "Hope"], ["Storm", "Bram", "Mees", "Vos"]),
}
WORD_SURNAME = {
    "en": ["Young", "King", "Brown", "Baker", "Snow", "Lake", "Storm", "Grant", "Hope",
           "Bell", "Marsh", "Fox", "Frost", "Moss", "Bird", "Love", "Best", "Cook",
           "Mason", "Rivers", "Banks", "Little", "Sharp", "Moody", "Wise", "Friend",
           "Parish", "Castle"],
    "de": ["Vogel", "Fuchs", "Sommer", "Winter", "Koch", "Kaiser", "Engel", "Wolf",
           "Hahn", "Frühling", "Specht", "Glück"],
    "fr": ["Boulanger", "Marchand", "Legrand", "Petit", "Blanc", "Roux", "Lebrun",
           "Mercier", "Fontaine", "Chevalier", "Bonheur"],
    "es": ["Castillo", "Iglesias", "Sierra", "Prado", "Cordero", "Delgado", "Rey",
           "Toro", "Calvo", "Lobo", "Paloma"],
    "it": ["Ferro", "Bianco", "Fabbri", "Gatti", "Leone", "Porta", "Fontana", "Monti",
           "Conte", "Guerra", "Cavallo"],
    "pt": ["Pereira", "Oliveira", "Rocha", "Serra", "Pinto", "Coelho", "Ramos",
           "Barros", "Pinheiro", "Cordeiro", "Raposo"],
    "nl": ["Visser", "Bakker", "de Vries", "de Koning", "Smit", "Mulder", "Schaap",
           "Vos", "Kok", "de Wit", "Brouwer", "Molenaar"],
}
# Uncommon names typical of each non-English language area.
LOCAL = {
    "de": (["Wiebke", "Frauke", "Gesine", "Hiltrud", "Almut", "Swantje"],
           ["Hauke", "Ottokar", "Gerwin", "Lutz", "Meinhard", "Ansgar"],
           ["Tjarks", "Hinrichsen", "Poppinga", "Oltmanns", "Dreesmann", "Wöhrle",
            "Kretschmann-Ebel", "Zirngibl"]),
    "fr": (["Gwenaëlle", "Maëlys", "Ségolène", "Anaïs", "Solenn", "Bérangère"],
           ["Enguerrand", "Loïc", "Gwendal", "Aurélien", "Tanguy", "Erwan"],
           ["Le Goff", "Kerjean", "Quéméner", "Dufourcq", "Le Bihan", "Pelletier-Vasseur",
            "Ollivro", "Trémintin"]),
    "es": (["Uxía", "Maitane", "Iciar", "Begoña", "Macarena", "Nieves"],
           ["Xoán", "Iñaki", "Eneko", "Fermín", "Telmo", "Baltasar"],
           ["Outeiriño", "Castiñeira", "Arrizabalaga", "Mosquera Bouzas", "Pazos Lamela",
            "Villarejo Ocaña", "Ugarte"]),
    "it": (["Brunella", "Assunta", "Ornella", "Tiziana", "Loredana", "Annunziata"],
           ["Ettore", "Gavino", "Zeno", "Ercole", "Cosimo", "Pasquale"],
           ["Piras", "Melis", "Zanella", "Scognamiglio", "Cuomo", "Pinna", "Dall'Acqua",
            "Tartaglione"]),
    "pt": (["Inês", "Leonor", "Benedita", "Filipa", "Iolanda", "Madalena"],
           ["Gonçalo", "Tiago", "Rodrigo", "Duarte", "Simão", "Baltazar"],
           ["de Sousa Meireles", "Magalhães", "Pestana", "Vasconcelos", "Quaresma",
            "Bettencourt", "Figueiredo da Cunha"]),
    "nl": (["Femke", "Maartje", "Wietske", "Hiske", "Jikke", "Sietske"],
           ["Sjoerd", "Joost", "Hidde", "Wouter", "Tjeerd", "Ype"],
           ["van der Meulen", "ter Horst", "van den Broek", "Verbeek", "van 't Hof",
            "Hoekstra", "Dijkstra", "van Schaijk", "Zwiers"]),
}

# ---------------------------------------------------------------------------
# Unlabelled fillers: look-alikes.  Nothing here is a person.
# ---------------------------------------------------------------------------
FILL = {}
FILL.update({
    "eponym": ["Parkinson's disease", "Hodgkin lymphoma", "Crohn's disease", "Cushing's syndrome",
               "Graves' disease", "Bell's palsy", "Addison's disease", "Hashimoto's thyroiditis",
               "Raynaud's phenomenon", "Sjögren's syndrome", "Guillain-Barré syndrome",
               "Ménière's disease", "Barrett's oesophagus", "Dupuytren's contracture",
               "Paget's disease", "Down syndrome", "Alzheimer's disease", "Wegener's granulomatosis"],
    "sign": ["Babinski sign", "Murphy's sign", "Tinel's sign", "Homans' sign", "Kernig's sign",
             "Romberg test", "Phalen's test", "Lachman test", "McMurray test", "Trendelenburg sign",
             "Chvostek's sign", "Trousseau's sign"],
    "score": ["Apgar score", "Glasgow Coma Scale", "Wells score", "Braden score", "Waterlow score",
              "Hoehn and Yahr stage", "Child-Pugh score", "Gleason score"],
    "proc": ["Whipple procedure", "Nissen fundoplication", "Hartmann's procedure",
             "Billroth II", "Seldinger technique", "Dix-Hallpike test", "Epley manoeuvre",
             "Kocher incision"],
    "device": ["Foley catheter", "Hickman line", "Swan-Ganz catheter", "Yankauer sucker",
               "Guedel airway", "Bair Hugger", "Venturi mask", "Pleur-evac drain"],
    "ward": ["St Anne's ward", "the Lister wing", "Cavell ward", "Seacole ward", "Nightingale ward",
             "the Osler unit", "Fleming ward", "St Columba's unit", "the Jenner suite"],
    "drug": ["Zelvora", "Trantiva", "Olmecor", "Nexavine", "Pradilux", "Carvexa", "Sorbitrax",
             "Quenlida", "Dravimet", "Ostrifen", "levodopa", "apixaban", "mesalazine",
             "carbimazole", "hydrocortisone"],
    "ehr": ["Epic", "Cerner", "EMIS", "SystmOne", "Meditech", "Allscripts"],
    "dept": ["Facilities", "Legal", "Support", "Accounts Payable", "Payroll", "Security",
             "Procurement", "IT Services", "Estates", "Occupational Health"],
    "tool": ["Jira", "Confluence", "Slack", "Kubernetes", "Terraform", "Grafana", "Jenkins",
             "PagerDuty", "Sentry", "Datadog", "Kafka", "Redis", "Postgres", "Ansible", "Airflow",
             "Prometheus", "Vault", "Argo CD", "Helm", "Figma", "Miro", "Okta"],
    "codename": ["Project Aurora", "Project Juniper", "Project Atlas", "Project Marigold",
                 "Project Kestrel", "the Orion migration", "the Hazel release",
                 "release Juniper", "the Phoenix rewrite"],
    "lib": ["Jasmine", "Mocha", "Chai", "Karma", "Jest", "Enzyme", "Sinon", "Puppeteer",
            "Selenium", "Cypress", "Celery", "Sidekiq", "Django", "Flask", "Pandas", "Hugo"],
    "ident": ["PatientMergeJob", "CheckoutService", "UserProfileCache", "InvoiceReconciler",
              "OrderEventConsumer", "FeatureFlagClient", "RateLimiterMiddleware"],
    "brand": ["Dr. Martens", "Ted Baker", "Calvin Klein", "Tommy Hilfiger", "Kate Spade",
              "Hugo Boss", "Paul Smith", "Jack Wills", "Joe Browns", "Ralph Lauren",
              "Karen Millen", "Ben Sherman"],
    "food": ["Ben & Jerry's", "Dr Pepper", "Mr Kipling", "Aunt Bessie's", "Uncle Ben's",
             "Captain Birds Eye", "Mrs Crimble's", "Pret A Manger"],
    "store": ["Marks & Spencer", "John Lewis", "Harvey Nichols", "Sainsbury's", "Selfridges",
              "Currys", "Dunelm", "Morrisons", "Trader Joe's", "Macy's", "Nordstrom"],
    "product": ["Dyson V15", "Kindle Paperwhite", "Pixel 8", "Galaxy Buds", "Echo Dot",
                "Philips Hue starter kit", "Miele Complete C3", "Bosch Serie 6", "Nest thermostat"],
    "city": ["Sydney", "Florence", "Victoria", "Charlotte", "Madison", "Austin", "Lincoln",
             "Adelaide", "Hamilton", "Darwin", "Regina", "Chester", "Eugene", "Jackson",
             "Beverly Hills", "Santa Barbara"],
    "airline": ["Virgin Atlantic", "Emirates", "KLM", "Lufthansa", "Iberia", "Aer Lingus",
                "easyJet", "Ryanair", "Qantas", "TAP"],
    "street": ["Oxford Street", "King Street", "Victoria Road", "Grant Avenue", "Abbey Road",
               "Albert Road", "Jackson Boulevard", "Lincoln Road", "Princess Street",
               "Queen Street"],
    "institution": ["Johns Hopkins", "the Fulbright Commission", "Morgan Stanley", "Wells Fargo",
                    "Kaiser Permanente", "Goldman Sachs", "Lloyd's of London", "Merrill Lynch",
                    "Ernst & Young", "the Wellcome Trust", "the Carnegie Foundation"],
    "award": ["Nobel Prize", "Fulbright scholarship", "Rhodes Scholarship",
              "Marie Curie fellowship", "Erasmus placement", "Pulitzer Prize", "Turing Award",
              "Churchill Fellowship"],
    "law": ["Sarbanes-Oxley", "the Dodd-Frank Act", "the Equality Act", "the Hague Convention",
            "the Geneva Conventions", "Chatham House rules", "GDPR"],
    "position": ["the Registrar", "the Bursar", "Head of People", "the Chief Executive",
                 "the Dean of Students", "the Ombudsman", "the Chair", "the Provost",
                 "the Data Protection Officer", "the Company Secretary"],
    "holiday": ["Easter", "Whitsun", "St Patrick's Day", "Valentine's Day", "Guy Fawkes Night",
                "Martin Luther King Jr. Day", "St Andrew's Day", "Hanukkah", "Diwali", "Eid"],
    "storm": ["Hurricane Milton", "Storm Ciarán", "Storm Babet", "Hurricane Helene",
              "Storm Isha", "Typhoon Gaemi"],
    "saint": ["San Jose", "Saint-Étienne", "St Ives", "San Sebastián", "Santa Barbara",
              "St Albans", "San Diego", "St Davids", "Santa Cruz"],
    "sport": ["Aston Villa", "Nottingham Forest", "Queens Park Rangers", "Real Madrid",
              "the Phoenix Suns", "the Charlotte Hornets", "Crystal Palace", "Hamilton Academical"],
    "book": ["Matilda", "Jane Eyre", "Oliver Twist", "Paddington", "Pippi Longstocking",
             "Heidi", "Moby-Dick", "Frankenstein", "Peter Pan", "Anne of Green Gables"],
    "song": ["Jolene", "Roxanne", "Hey Jude", "Valerie", "Layla", "Gloria", "Mandy"],
    "band": ["Jethro Tull", "Franz Ferdinand", "Pink Floyd", "Lynyrd Skynyrd", "Steely Dan",
             "Fleetwood Mac"],
    "monument": ["Nelson's Column", "the Eiffel Tower", "the Lincoln Memorial",
                 "the Brandenburg Gate", "Cleopatra's Needle", "the Wallace Monument",
                 "the Albert Memorial"],
    "ship": ["the Queen Mary 2", "the Mayflower replica", "the Cutty Sark", "HMS Victory",
             "the Sir Walter Scott steamer"],
    "dish": ["Beef Wellington", "Eggs Benedict", "Peach Melba", "Caesar salad", "pavlova",
             "Victoria sponge", "Bakewell tart", "crêpes Suzette", "Earl Grey tea",
             "a Tom Collins", "Granny Smith apples", "chicken à la King", "Battenberg cake"],
    "bot": ["Ava (virtual assistant)", "Max, our virtual assistant", "Olivia the chatbot",
            "Sam (automated assistant)"],
})

# ---------------------------------------------------------------------------
# Engine
# ---------------------------------------------------------------------------
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
           "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
}
DOMAINS = {
    "en": ["kestrelmail.com", "larkpost.net", "fernbox.co.uk", "harbourline.org"],
    "de": ["posteo-mail.de", "ankerpost.de", "heidenet.de"],
    "fr": ["courriel-bleu.fr", "laposte-mel.fr", "orfeo.fr"],
    "es": ["correo-sur.es", "buzonverde.es"],
    "it": ["postalibera.it", "mailvela.it"],
    "pt": ["correio-azul.pt", "caixanet.pt"],
    "nl": ["postduif.nl", "zeemail.nl"],
}
TEMPLATES = []


def tpl(lang, sl, pol, text, loc=None):
    assert lang in LANGS and sl in SLICES and pol in ("pos", "neg"), (lang, sl, pol)
    TEMPLATES.append((lang, sl, pol == "neg", loc or lang, text))


WORDSET = set()
for _l, (_f, _m) in WORD_GIVEN.items():
    WORDSET.update(x.lower() for x in _f + _m)
for _l, _s in WORD_SURNAME.items():
    WORDSET.update(x.lower() for x in _s)


def ascii_fold(s):
    s = s.replace("ł", "l").replace("ø", "o").replace("ß", "ss").replace("ı", "i")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def draw_person(rng, lang):
    gender = rng.choice("fm")
    idx = 0 if gender == "f" else 1
    r = rng.random()
    trad = rng.choice(sorted(TRAD))

    def pool():
        if lang != "en" and rng.random() < 0.5:
            return LOCAL[lang], "local-" + lang
        return TRAD[trad], trad
    if r < 0.32:
        p, t = pool()
        k = rng.random()
        if k < 0.4:
            given, surname = rng.choice(WORD_GIVEN[lang][idx]), rng.choice(p[2])
        elif k < 0.85:
            given, surname = rng.choice(p[idx]), rng.choice(WORD_SURNAME[lang])
        else:
            given, surname = rng.choice(WORD_GIVEN[lang][idx]), rng.choice(WORD_SURNAME[lang])
        t = "word"
    else:
        p, t = pool()
        given, surname = rng.choice(p[idx]), rng.choice(p[2])
    middle = ""
    if t == "arabic" and rng.random() < 0.4:
        middle = rng.choice([m for m in MIDDLE["arabic"]
                             if (m.startswith("bint") == (gender == "f"))])
    if surname.startswith("Ní ") and gender == "m":
        surname = "Ó " + surname[3:]
    return {"given": given, "surname": surname, "middle": middle, "gender": gender,
            "trad": t}


def fmt_date(rng, loc, kind):
    if kind == "dob":
        y = rng.randint(1936, 2008)
    else:
        y = rng.choice([2025, 2026])
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    lang = loc if loc in MONTHS else "en"
    mn = MONTHS[lang][m - 1]
    if loc == "us":
        return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{mn} {d}, {y}", f"{m}/{d}/{y}"])
    if loc in ("uk", "en"):
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {mn} {y}", f"{d} {mn[:3]} {y}"])
    if loc == "de":
        return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}. {mn} {y}"])
    if loc == "fr":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {mn} {y}"])
    if loc == "es":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} de {mn} de {y}"])
    if loc == "it":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {mn} {y}"])
    if loc == "pt":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} de {mn} de {y}"])
    if loc == "nl":
        return rng.choice([f"{d:02d}-{m:02d}-{y}", f"{d} {mn} {y}"])
    raise ValueError(loc)


def fmt_phone(rng, loc):
    D = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))
    if loc == "us":
        a = f"{rng.randint(2, 9)}{rng.randint(0, 8)}{rng.randint(0, 9)}"
        x = f"{rng.randint(2, 9)}{D(2)}"
        return rng.choice([f"({a}) {x}-{D(4)}", f"{a}-{x}-{D(4)}"])
    if loc in ("uk", "en"):
        return rng.choice([f"07{rng.randint(400, 999)} {D(3)} {D(3)}", f"+44 7{rng.randint(400, 999)} {D(6)}"])
    if loc == "de":
        return rng.choice([f"01{rng.choice(['51', '52', '60', '70', '71', '76'])} {D(4)} {D(3)}",
                           f"+49 1{rng.choice(['51', '60', '71'])} {D(7)}"])
    if loc == "fr":
        return f"0{rng.choice('67')} {D(2)} {D(2)} {D(2)} {D(2)}"
    if loc == "es":
        return f"6{D(2)} {D(2)} {D(2)} {D(2)}"
    if loc == "it":
        return f"3{rng.choice(['20', '28', '33', '39', '47', '49'])} {D(3)} {D(4)}"
    if loc == "pt":
        return f"9{rng.choice('1236')}{D(1)} {D(3)} {D(3)}"
    if loc == "nl":
        return f"06 {D(8)}" if rng.random() < 0.5 else f"06-{D(4)} {D(4)}"
    raise ValueError(loc)


def fmt_email(rng, p, lang):
    g = re.sub(r"[^a-z]", "", ascii_fold(p["given"].split()[0]).lower())
    s = re.sub(r"[^a-z]", "", ascii_fold(p["surname"].split()[-1]).lower())
    local = rng.choice([f"{g}.{s}", f"{g[0]}.{s}", f"{g}{s[:1]}", f"{s}.{g}", f"{g}_{s}"])
    return f"{local}@{rng.choice(DOMAINS[lang])}"


def spelled(word):
    return " ".join(c for c in word.lower() if c.isalpha())


ALT = re.compile(r"⟪([^⟪⟫]*)⟫")
GEN = re.compile(r"\{\{(\d):([^|{}]*)\|([^{}]*)\}\}")
PH = re.compile(r"\[\[([^\]]+)\]\]")
KEYRE = re.compile(r"^([A-Z]+)(?:\.(\d+))?(?::([a-z]+))?([\^_~!]*)$")
FILLRE = re.compile(r"^=([a-z_]+)(?:\.(\d+))?(!?)$")
ENT = {"P": "PERSON", "G": "PERSON", "S": "PERSON", "N": "PERSON", "DATE": "DATE",
       "PHONE": "PHONE", "EMAIL": "EMAIL", "MRN": "MEDICAL_RECORD_NUMBER"}


def render(text, lang, loc, rng):
    persons = {}

    def person(n):
        if n not in persons:
            for _ in range(100):
                p = draw_person(rng, lang)
                if all(p["given"] != q["given"] and p["surname"] != q["surname"]
                       for q in persons.values()):
                    break
            persons[n] = p
        return persons[n]

    s = text
    while True:
        s2 = ALT.sub(lambda m: rng.choice(m.group(1).split("¦")), s)
        if s2 == s:
            break
        s = s2
    s = GEN.sub(lambda m: m.group(2) if person(int(m.group(1)))["gender"] == "f"
                else m.group(3), s)
    segs = []
    cache = {}
    used = set()
    pos = 0
    for m in PH.finditer(s):
        segs.append((s[pos:m.start()], None, None))
        pos = m.end()
        body = m.group(1)
        fm = FILLRE.match(body)
        if fm:
            name, num, cap = fm.groups()
            lst = FILL.get(f"{lang}_{name}") or FILL[name]
            ck = (name, num)
            if num and ck in cache:
                v = cache[ck]
            else:
                choices = [x for x in lst if x not in used] or lst
                v = rng.choice(choices)
                used.add(v)
                if num:
                    cache[ck] = v
            if cap:
                v = v[:1].upper() + v[1:]
            segs.append((v, None, None))
            continue
        km = KEYRE.match(body)
        assert km, body
        key, num, fmt, mods = km.groups()
        n = int(num or 1)
        meta = None
        if key in ("P", "G", "S", "N"):
            p = person(n)
            if key == "N":
                key = rng.choice("PGS")
            if key == "P":
                v = " ".join(x for x in (p["given"], p["middle"], p["surname"]) if x)
                parts = [p["given"], p["surname"]]
            elif key == "G":
                v = p["given"]
                parts = [p["given"]]
            else:
                v = p["surname"]
                parts = [p["surname"]]
            if "~" in mods:
                v = spelled(v.split()[-1])
            word = any(x.lower() in WORDSET for x in parts)
            meta = (key, word, mods)
        elif key == "DATE":
            v = fmt_date(rng, loc, fmt or "visit")
        elif key == "PHONE":
            v = fmt_phone(rng, loc)
        elif key == "EMAIL":
            v = fmt_email(rng, person(n), lang)
        elif key == "MRN":
            v = str(rng.randint(1000000, 99999999))
        else:
            raise KeyError(body)
        if "^" in mods:
            v = v.upper()
        if "_" in mods:
            v = v.lower()
        if "!" in mods:
            v = v[:1].upper() + v[1:]
        segs.append((v, ENT[key], meta))
    segs.append((s[pos:], None, None))
    out = ""
    b = 0
    spans = []
    metas = []
    for v, lab, meta in segs:
        bl = len(v.encode("utf-8"))
        if lab:
            spans.append({"entity": lab, "start": b, "end": b + bl})
            metas.append(meta)
        out += v
        b += bl
    return out, spans, metas, persons


DIGITS9 = re.compile(r"\d{9,}")
WORDTOK = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def check(rec, neg, persons):
    t = rec["text"]
    tb = t.encode("utf-8")
    errs = []
    for bad in ("⟪", "⟫", "¦", "[[", "]]", "{{", "}}"):
        if bad in t:
            errs.append("template syntax left: " + bad)
    if " ," in t:
        errs.append("spacing")
    prev = 0
    inside = []
    for sp in rec["spans"]:
        if sp["entity"] not in LABELS:
            errs.append("label " + sp["entity"])
        if not (prev <= sp["start"] < sp["end"] <= len(tb)):
            errs.append("order/overlap")
        v = tb[sp["start"]:sp["end"]].decode("utf-8")
        if v != v.strip() or not v:
            errs.append("space at span edge")
        prev = sp["end"]
        inside.append((sp["start"], sp["end"]))
    if neg:
        if rec["spans"]:
            errs.append("negative with spans")
        if "@" in t:
            errs.append("@ in negative")
        if DIGITS9.search(t):
            errs.append("long digit run in negative")
        if "http" in t or "www." in t:
            errs.append("url in negative")
    else:
        if not any(sp["entity"] == "PERSON" for sp in rec["spans"]):
            errs.append("positive without PERSON")
        for m in DIGITS9.finditer(tb.decode("utf-8")):
            bs = len(t[:m.start()].encode("utf-8"))
            be = bs + len(m.group(0).encode("utf-8"))
            if not any(a <= bs and be <= e for a, e in inside):
                errs.append("long digit run outside spans")
        # a name must not also occur, unlabelled, elsewhere in the text
        # (e.g. a person called Hazel beside a release called Hazel)
        outside = bytearray(tb)
        for a, e in inside:
            outside[a:e] = b" " * (e - a)
        otoks = {w.lower() for w in WORDTOK.findall(outside.decode("utf-8"))}
        for p in persons.values():
            for part in (p["given"] + " " + p["surname"]).replace("-", " ").split():
                if len(part) >= 3 and part.lower() in otoks:
                    errs.append("name also outside spans: " + part)
    return errs


def cells():
    out = []
    for li, lang in enumerate(LANGS):
        for si, sl in enumerate(SLICES):
            if lang == "en":
                n = 50
            else:
                k = li - 1
                n = 9 if si in ((2 * k) % 6, (2 * k + 1) % 6) else 8
            out.append((lang, sl, n, (n + 1) // 2))
    return out


def build():
    rng = random.Random(SEED)
    records = []
    seen = set()
    redraws = 0
    for lang, sl, n, nneg in cells():
        for neg, count in ((True, nneg), (False, n - nneg)):
            pool = [t for t in TEMPLATES if t[0] == lang and t[1] == sl and t[2] == neg]
            assert pool, (lang, sl, neg)
            start = rng.randrange(len(pool))
            for i in range(count):
                t = pool[(start + i) % len(pool)]
                for attempt in range(300):
                    text, spans, metas, persons = render(t[4], lang, t[3], rng)
                    rec = {"lang": lang, "slice": sl, "text": text, "spans": spans}
                    errs = check(rec, neg, persons)
                    if text in seen:
                        errs.append("duplicate")
                    if not errs:
                        break
                    redraws += 1
                else:
                    raise SystemExit(f"template cannot pass: {errs} :: {t[4][:80]}")
                seen.add(text)
                records.append((rec, metas, neg))
    rng.shuffle(records)
    out = []
    for i, (rec, metas, neg) in enumerate(records, 1):
        r = {"id": f"dev11-{i:04d}", "lang": rec["lang"], "slice": rec["slice"],
             "text": rec["text"], "spans": rec["spans"]}
        out.append((r, metas, neg))
    return out, redraws


def serialise(out):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r, _, _ in out)


def global_checks(out):
    ids = [r["id"] for r, _, _ in out]
    texts = [r["text"] for r, _, _ in out]
    assert len(out) == 600 and len(set(ids)) == 600 and len(set(texts)) == 600
    for lang, sl, n, nneg in cells():
        got = [neg for r, _, neg in out if r["lang"] == lang and r["slice"] == sl]
        assert len(got) == n and sum(got) == nneg, (lang, sl, len(got), sum(got))
        assert all((not r["spans"]) == neg for r, _, neg in out)
    spans = [s for r, _, _ in out for s in r["spans"]]
    per = sum(1 for s in spans if s["entity"] == "PERSON")
    assert per >= 0.7 * len(spans), (per, len(spans))


def stats(out, redraws):
    def row(*c):
        return "| " + " | ".join(str(x) for x in c) + " |"
    print(row("lang", "positive", "negative", "total"))
    print("|---|---:|---:|---:|")
    for lang in LANGS + ["all"]:
        rs = [neg for r, _, neg in out if lang in ("all", r["lang"])]
        print(row(lang, len(rs) - sum(rs), sum(rs), len(rs)))
    print()
    print(row("slice", "positive", "negative", "total"))
    print("|---|---:|---:|---:|")
    for sl in SLICES + ["all"]:
        rs = [neg for r, _, neg in out if sl in ("all", r["slice"])]
        print(row(sl, len(rs) - sum(rs), sum(rs), len(rs)))
    print()
    ents = {}
    for r, _, _ in out:
        for s in r["spans"]:
            ents.setdefault(s["entity"], []).append((r["id"], r["lang"]))
    print(row("entity", "spans", "records", *LANGS))
    print("|---|---:|---:|" + "---:|" * len(LANGS))
    allsp = []
    for e in sorted(ents, key=lambda e: -len(ents[e])):
        v = ents[e]
        allsp += v
        print(row(e, len(v), len({i for i, _ in v}), *[sum(1 for _, l in v if l == x) for x in LANGS]))
    print(row("all", len(allsp), len({i for i, _ in allsp}),
              *[sum(1 for _, l in allsp if l == x) for x in LANGS]))
    print()
    ms = [m for _, metas, _ in out for m in metas if m]
    form = {"P": 0, "G": 0, "S": 0}
    for k, _, _ in ms:
        form[k] += 1
    word = sum(1 for _, w, _ in ms if w)
    print(f"PERSON spans: {len(ms)}; full name {form['P']}, given name alone {form['G']}, "
          f"surname alone {form['S']}")
    print(f"PERSON spans with an ordinary-word name part: {word} "
          f"({100 * word / len(ms):.0f} %)")
    print(f"PERSON spans in capitals: {sum(1 for _, _, m in ms if '^' in m)}, "
          f"in lower case: {sum(1 for _, _, m in ms if '_' in m or '~' in m)}, "
          f"spelled letter by letter: {sum(1 for _, _, m in ms if '~' in m)}")
    tc = []
    for lang in LANGS:
        p = sum(1 for t in TEMPLATES if t[0] == lang and not t[2])
        n = sum(1 for t in TEMPLATES if t[0] == lang and t[2])
        tc.append(f"{lang} {p}+{n}")
    print(f"\ntemplates: {len(TEMPLATES)} ({', '.join(tc)})")
    print(f"re-draws: {redraws}")


def main():
    out, redraws = build()
    out2, _ = build()
    a, b = serialise(out), serialise(out2)
    assert a == b, "two builds differ"
    global_checks(out)
    for lang in LANGS:
        if lang == "en":
            assert sum(1 for t in TEMPLATES if t[0] == "en") >= 60
        else:
            assert sum(1 for t in TEMPLATES if t[0] == lang) >= 12
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(a)
    if "--stats" in sys.argv:
        stats(out, redraws)

# ---------------------------------------------------------------------------
# English templates
# ---------------------------------------------------------------------------
# clinical: positive
tpl("en", "clinical", "pos", """Ward round, ⟪Cavell¦Seacole¦Nightingale¦Fleming⟫ ward, bed ⟪4¦7¦12¦15⟫. Seen with [[G.2]] (⟪F2¦SHO¦reg⟫).
[[P]], known [[=eponym]], admitted ⟪after a fall at home¦with two falls and increased rigidity¦with poor oral intake and confusion⟫. ⟪Babinski downgoing bilaterally¦Tinel's sign positive on the left¦Murphy's sign negative⟫, GCS 15. ⟪Continue¦Restart¦Hold⟫ [[=drug]] ⟪as per¦after discussion with⟫ ⟪the Parkinson's nurse¦pharmacy¦the on-call reg⟫.
[[S!]]'s ⟪daughter¦son¦neighbour¦partner⟫ ⟪asked to be rung after the round¦will visit this afternoon¦would like an update⟫ on [[PHONE]].
Plan: ⟪OT assessment¦bloods tomorrow, repeat sodium¦physio review, then home with the Foley out⟫.""", "uk")

tpl("en", "clinical", "pos", """DISCHARGE SUMMARY
Patient: [[S^]], [[G^]]    MRN: [[MRN]]
Admitted: [[DATE]]    Attending: Dr. [[S.2]]
Principal diagnosis: ⟪acute flare of Crohn's disease¦community-acquired pneumonia; Hodgkin lymphoma in remission¦adrenal crisis on a background of Addison's disease⟫
Hospital course: ⟪Foley catheter removed on day 2.¦Glasgow Coma Scale 15 throughout.¦Whipple procedure in 2019 noted; no new findings.⟫ ⟪Tolerating a regular diet.¦Ambulating with a walker.¦Afebrile for 48 hours.⟫ ⟪Discharged on [[=drug]].¦Discharged home with home health.⟫
Follow-up: [[P.3]], ⟪NP¦PA-C¦MD⟫, ⟪Graves'¦IBD¦endocrine¦lymphoma⟫ clinic, in ⟪two¦four¦six⟫ weeks.""", "us")

tpl("en", "clinical", "pos", """Dear {{2:Dr|Mr}} [[S.2]],

Thank you for seeing [[P]] (DOB [[DATE:dob]]), a ⟪retired bus driver¦primary school teacher¦postgraduate student¦self-employed plasterer⟫ with ⟪a six-month history of resting tremor; I wonder about early Parkinson's disease¦recurrent left facial weakness, labelled as Bell's palsy twice¦worsening numbness in both hands; Tinel's and Phalen's tests are positive⟫. [[G!]] ⟪did not tolerate¦is reluctant to start¦has been taking⟫ [[=drug]]. ⟪{{1:Her|His}} {{3:sister|brother}}¦{{1:Her|His}} partner¦A neighbour¦{{1:Her|His}} {{3:daughter|son}}⟫, [[P.3]], usually ⟪comes to appointments¦drives {{1:her|him}} in¦helps with medication⟫.

Yours sincerely,

Dr [[P.4]]
⟪GP partner, Lister Road Surgery¦Salaried GP, St Columba's Practice¦GP registrar, Jenner House Medical Centre⟫""", "uk")

tpl("en", "clinical", "pos", """Handoff 19:00 — ⟪4 West¦Med-Surg¦Step-down¦Ortho⟫
Rm ⟪412¦418¦407¦422⟫: [[P]], ⟪POD 2 Whipple¦Guillain-Barré, IVIG day 3¦new Graves' with AF, rate controlled¦Hartmann's reversal, POD 1⟫. ⟪Foley out at 14:00, voided twice.¦Braden 14, turning q2h.¦GCS 15, pupils equal.⟫ {{2:⟪Wife¦Daughter¦Partner¦Sister⟫|⟪Husband¦Son¦Partner¦Brother⟫}} [[G.2]] at bedside, ⟪anxious about the plan¦asking to speak to the team¦staying overnight⟫. Pain ok on [[=drug]].
[[S.3!]] from ⟪pharmacy¦the IV team¦PT¦nutrition⟫ ⟪will come by about the line¦is rechecking levels at 22:00¦wants a call if the sodium drops⟫.
⟪Nothing else.¦Call me if anything.¦That's it from me.⟫ — [[G.4]]""", "us")

tpl("en", "clinical", "pos", """Pharmacy note [[DATE]]
Spoke with [[G]] ⟪by phone¦at the counter¦at the bedside⟫ about ⟪the switch from Zelvora to Trantiva¦starting [[=drug]]¦the new Sorbitrax dose⟫. ⟪Explained¦Reinforced⟫ ⟪avoiding grapefruit¦no NSAIDs¦no St John's wort⟫. ⟪Prescriber¦Dr⟫ [[S.2]] ⟪approved¦signed off¦ok'd⟫ the change; ⟪Hashimoto's¦Addison's¦Cushing's¦Raynaud's⟫ is on the problem list in ⟪Epic¦Cerner⟫. {{1:Ms|Mr}} [[S]] ⟪prefers a call on¦can be reached on¦asked for a callback on⟫ [[PHONE]].""", "us")

tpl("en", "clinical", "pos", """MDT list — ⟪Hodgkin lymphoma¦upper GI¦neuro-oncology¦hepatobiliary⟫, ⟪Tuesday¦Thursday¦Friday⟫
1. [[S^]], [[G]] — ⟪post-Whipple histology¦restaging PET¦biopsy result¦Child-Pugh B, for TACE?⟫
2. [[S.2^]], [[G.2]] — ⟪for discussion¦imaging review¦second opinion from the Osler unit⟫
3. ⟪Audit of Apgar scores¦Down syndrome pathway update¦Crohn's biologics audit⟫ — ⟪no patient details¦deferred to next week⟫
Presenting: ⟪Dr [[S.3]]¦[[P.3]]¦[[G.3]] (CNS)⟫. Minutes to ⟪Hodgkin¦Lister¦Jenner⟫ ⟪meeting room¦seminar room⟫ inbox.""", "uk")

# clinical: negative
tpl("en", "clinical", "neg", """Reminder to all staff on ⟪Cavell¦Seacole¦Nightingale¦Fleming⟫ ward: from ⟪Monday¦next week¦the 1st⟫ the Parkinson's clinic moves to the Lister wing, ⟪room 3¦first floor¦next to Outpatients⟫. ⟪Foley catheter packs¦Hickman line dressing packs¦Yankauer suckers⟫ are now stocked in the ⟪clean utility¦store room by St Anne's ward⟫. Please complete Braden and Waterlow scores on admission and record the Glasgow Coma Scale ⟪hourly¦4-hourly⟫ for head injuries. Any questions, ask ⟪the ward manager¦Practice Education¦the nurse in charge¦Infection Control⟫.""", "uk")

tpl("en", "clinical", "neg", """Grand rounds handout: ⟪eponyms you should know¦the eponym quiz, answers¦bedside signs refresher⟫
- Murphy's sign: inspiratory arrest on palpation of the right upper quadrant
- Tinel's sign vs Phalen's test in carpal tunnel syndrome
- Kernig and Brudzinski signs in meningism
- Apgar score at 1 and 5 minutes; Hoehn and Yahr staging
- ⟪Hodgkin vs non-Hodgkin lymphoma¦Crohn's disease vs ulcerative colitis¦Graves' disease vs Hashimoto's thyroiditis¦Cushing's syndrome vs Cushing's disease⟫
Bring questions on ⟪Thursday¦Friday⟫. Slides are on ⟪SharePoint¦the Epic learning home¦the intranet⟫.""", "us")

tpl("en", "clinical", "neg", """Pharmacy bulletin, ⟪March¦April¦October¦November⟫: [[=drug.1!]] replaces [[=drug.2]] on the formulary for ⟪Parkinson's disease¦Crohn's disease¦Graves' disease¦Ménière's disease⟫. Wards on ⟪EMIS¦SystmOne¦Cerner¦Epic⟫ will see the change ⟪automatically¦after the Tuesday update¦from Monday⟫. Patients after a Whipple procedure on pancreatic enzymes are not affected. ⟪Queries to Medicines Information.¦Contact Pharmacy on the usual extension.¦See the Jenner suite noticeboard.⟫""", "uk")

tpl("en", "clinical", "neg", """Going home after your ⟪Whipple procedure¦Hartmann's procedure¦Nissen fundoplication⟫

You may go home with a Foley catheter for a few days. Keep the bag below the level of your bladder. ⟪Eat small meals¦Drink plenty of water¦Walk a little more each day⟫. If you have ⟪a temperature over 38°C¦new pain in your calf¦vomiting that does not settle⟫, call the ⟪Osler unit¦Seacole ward¦surgical assessment unit⟫ day or night. A Macmillan nurse or a Marie Curie nurse can visit if you ask your GP. Your follow-up letter will come from ⟪Outpatients¦the Lister wing¦the Hodgkin building⟫.""", "uk")

tpl("en", "clinical", "neg", """Neurology clinic — ⟪Parkinson's¦movement disorders¦Huntington's¦essential tremor⟫ follow-up
UPDRS part III: ⟪24¦31¦18¦27⟫. Hoehn and Yahr stage ⟪2¦2.5¦3⟫. ⟪Romberg negative.¦Romberg positive.⟫ Babinski ⟪downgoing¦equivocal⟫ bilaterally; Glasgow Coma Scale n/a. Continue [[=drug.1]] and ⟪add¦consider¦stop⟫ [[=drug.2]]. ⟪Declined the Duodopa discussion today.¦DBS referral deferred.¦Bell's palsy on the right has resolved.⟫ Review ⟪in 3 months¦after the DaTscan¦in the Osler unit in the spring⟫.""", "us")

# work: positive
tpl("en", "work", "pos", """⟪[[G]]¦[[G_]]⟫  ⟪09:02¦09:14¦08:51⟫
⟪morning all¦gm¦hey team⟫. yesterday: ⟪finished the Terraform module for the Grafana alerts¦merged the Kafka consumer fix¦cleaned up the Jenkins pipeline¦got Sentry sourcemaps working⟫. today: ⟪pairing with [[G.2]] on Project Aurora¦helping [[G.2]] with the Hazel release notes¦reviewing [[S.2]]'s PR on the Confluence exporter⟫. blockers: ⟪Jira keeps timing out¦waiting on Legal for the Datadog DPA¦none⟫
⟪[[G.3]]¦[[G.3_]]⟫  ⟪09:20¦09:31¦09:05⟫
⟪+1¦thanks¦nice⟫, ⟪I'll ping¦looping in¦cc⟫ [[G.4]] ⟪for Kubernetes access¦about the PagerDuty rota¦re the Vault policy⟫""", "us")

tpl("en", "work", "pos", """Incident review: ⟪checkout latency¦Redis failover¦expired TLS certificate¦Kafka consumer lag⟫ on ⟪prod-eu¦prod-us¦staging-2⟫
Incident commander: [[P]]
Scribe: [[P.2]]
Timeline: ⟪Grafana alert fired at 02:14; PagerDuty paged [[G.3]], who acked at 02:19.¦Sentry error rate spiked at 02:14; [[G.3]] was on call and acked within five minutes.⟫ ⟪Rollback via Argo CD¦Helm rollback¦Manual failover⟫ done by ⟪02:41¦02:58¦03:12⟫.
Root cause: ⟪a Terraform change to the Postgres parameter group¦the Jenkins job deployed the Hazel build to prod¦a stale Vault token in CheckoutService⟫.
Actions: [[S]] to ⟪write a runbook in Confluence¦fix the Vault policy⟫; [[S.3]] to ⟪tune the Prometheus alert¦add a canary stage¦own the Jira follow-up⟫.""", "us")

tpl("en", "work", "pos", """⟪PLAT¦CORE¦WEB¦DATA⟫-⟪4412¦318¦2290¦1057⟫ ⟪Kubernetes nodes evicting the Airflow scheduler¦Jasmine specs flaky on Safari¦Jenkins agents running out of disk¦Grafana panel shows no data for Kafka⟫
Reporter: [[P]]    Assignee: [[P.2]]    Sprint: ⟪Aurora 7¦Juniper 3¦Marigold 12⟫
[[G.2]], ⟪can you take this before the code freeze?¦this blocks the Ruby 3.3 upgrade.¦could you look after standup?⟫
— [[G.3]] commented: ⟪I think it's the Helm chart, not Terraform.¦Same on Chrome, so not a Safari thing.¦Disk is full of old Docker layers again.⟫""", "uk")

tpl("en", "work", "pos", """commit ⟪a3f9c1e¦7be20d4¦c41e88a¦f0d93b2⟫
Author: [[P]] <[[EMAIL]]>

    ⟪Fix Jasmine spec for PatientMergeJob¦Bump Grafana and pin Loki¦Add Sentry breadcrumbs to CheckoutService¦Retry Kafka commits in OrderEventConsumer⟫

    ⟪Reported-by¦Co-authored-by¦Reviewed-by⟫: [[P.2]]

commit ⟪9d02f7a¦e11b6c3¦2ac4d90⟫
Author: [[P.3]]

    ⟪Revert "Hazel: enable new Kafka topic"¦Terraform: move Jenkins to the new VPC¦Aurora: drop the Celery beat schedule⟫""", "us")

tpl("en", "work", "pos", """[[G_]]: did [[S.2_]] sign off the ⟪grafana dashboards¦terraform plan¦helm values¦jira workflow⟫?
[[G.3_]]: ⟪not yet¦yep¦think so⟫, [[G.2_]] is ⟪out till thursday¦in the aurora workshop¦on the okta migration all week⟫
[[G_]]: ok ⟪I'll ask [[G.4_]] instead¦let's wait then¦ping me when it's done⟫
[[G.3_]]: ⟪also jenkins is red again¦fyi confluence is down¦kubernetes upgrade moved to friday⟫""", "us")

tpl("en", "work", "pos", """On-call handover, ⟪week 14¦week 32¦week 47⟫
Outgoing: [[G]]  →  incoming: [[G.2]]
- ⟪Kafka lag on orders-consumer, muted until Monday¦Grafana dashboard for the Jenkins agents is broken¦Redis memory alarm is noisy, ticket open⟫
- [[S.3!]] (⟪DBA¦SRE, Lisbon¦security⟫) ⟪owns the Postgres upgrade¦is rotating the Vault tokens¦is on leave from Wednesday⟫
- ⟪Nothing pending on Aurora.¦Hazel RC2 tagged, not deployed.¦Juniper rollout paused by Legal.⟫
Thanks for the cover, ⟪[[G.4]]¦[[N.4]]⟫!""", "uk")

# work: negative
tpl("en", "work", "neg", """Release notes — ⟪Hazel¦Juniper¦Marigold¦Aurora⟫ ⟪2.4¦3.1¦1.9¦5.0⟫
- Kubernetes 1.⟪29¦30¦31⟫ support
- Grafana dashboards for Kafka consumers
- Jenkins pipeline moved to ⟪GitHub Actions¦Argo Workflows⟫
- Fixed: Sentry ⟪breadcrumbs¦sourcemaps⟫ missing in ⟪Safari¦Firefox⟫
Known issue: the Terraform provider for ⟪Datadog¦PagerDuty¦Okta⟫ still needs a manual import. ⟪Thanks, Platform team.¦Questions to the release channel.¦Rollout starts Monday.⟫""", "us")

tpl("en", "work", "neg", """Standup summary (posted by Geekbot)
⟪Team Orion¦Team Atlas¦Team Phoenix¦Team Kestrel⟫ — ⟪3¦4¦5⟫ updates
• Done: ⟪Confluence space archived¦Jira workflow simplified¦Helm chart for Airflow merged⟫
• Today: ⟪Terraform state migration¦Postgres 16 rehearsal¦Prometheus rules cleanup⟫
• Blockers: ⟪waiting on Legal¦Security review pending¦none¦Procurement still has the Datadog renewal⟫
Next standup: ⟪Monday¦Thursday¦tomorrow⟫ 09:30.""", "uk")

tpl("en", "work", "neg", """Postmortem: ⟪Jenkins outage¦Grafana login loop¦Kafka partition loss¦Okta SSO failure⟫
Detected by Prometheus at ⟪02:14¦11:40¦16:05⟫; the on-call SRE acknowledged in PagerDuty and ⟪rolled back with Argo CD¦failed over Redis¦paused the Airflow DAGs⟫. Root cause: a ⟪Terraform¦Helm¦Ansible⟫ change merged without a plan review. Action items are owned by ⟪Team Platform¦Security¦the SRE guild⟫ and tracked in Jira. ⟪Spoke with Facilities about the server room cooling.¦Per Legal, the customer notice is not required.¦Finance has the Datadog overage.⟫""", "us")

tpl("en", "work", "neg", """hi team, ⟪quick one¦fyi¦heads up⟫: Kubernetes upgrade is ⟪tonight¦on Friday¦after the freeze⟫. Jenkins will be read-only from ⟪18:00¦19:00¦20:00⟫. ⟪thanks Support for flagging the Grafana panel¦per Legal, no customer data in Confluence¦spoke with Facilities about the badge readers⟫. ⟪Cc: Accounts Payable for the Datadog invoice.¦Ask Jeeves is still the wiki bot, type /jeeves help.¦Hazel stays frozen until QA signs off.⟫""", "uk")

tpl("en", "work", "neg", """Review notes on ⟪PatientMergeJob¦CheckoutService¦InvoiceReconciler¦FeatureFlagClient⟫:
- swap ⟪Mocha and Chai¦Enzyme¦Karma⟫ for ⟪Jest¦Vitest⟫; the ⟪Jasmine¦Karma⟫ config can go
- ⟪Sidekiq¦Celery⟫ retries look wrong, see the runbook in Confluence
- the Julia 1.10 notebook for the forecast should not live in this repo
- ⟪Pandas¦Django¦Flask⟫ pin is two majors behind
Otherwise LGTM. ⟪Merge after the Aurora branch cut.¦Please re-request review when green.⟫""", "us")

# support: positive
tpl("en", "support", "pos", """Chat transcript — ⟪Dyson¦Miele¦Marks & Spencer¦Philips⟫ online support
[[=bot]]: Hi! What can I help you with today?
Customer: ⟪my order never arrived¦the [[=product]] I bought is faulty¦I want to return a gift⟫
[[=bot]]: Connecting you to an agent.
Agent ([[G]]): ⟪Sorry to hear that.¦Thanks for waiting.¦Hi, I can help with that.⟫ Could I take the name on the account?
Customer: [[P.2]]
Agent ([[G]]): Thanks, [[G.2]]. ⟪I can see the order from our [[=city]] warehouse.¦I've raised a replacement.¦A refund is on its way.⟫""", "uk")

tpl("en", "support", "pos", """Subject: ⟪Complaint about¦Refund for¦Faulty⟫ [[=brand]] ⟪boots¦coat¦order¦bag⟫

Dear Customer Services,

I bought this from your ⟪Oxford Street¦King Street¦Victoria Road¦Princess Street⟫ store ⟪last Saturday¦at Easter¦in the January sale⟫ and ⟪the sole split after a week¦the zip broke on day two¦the stitching came apart⟫. Your colleague, [[G.2]], ⟪was very helpful¦said someone would call me back¦promised an exchange⟫, but nobody has ⟪rung¦been in touch⟫. Please call me on [[PHONE]].

Kind regards,
[[P]]""", "uk")

tpl("en", "support", "pos", """★★☆☆☆ ⟪Disappointing stay¦Not as advertised¦Never again⟫ — reviewed by [[G]] from [[=city]]
We stayed at the ⟪Hamilton¦Lincoln¦Windsor¦Grosvenor⟫ ⟪Arms¦Lodge¦Hotel⟫ before flying [[=airline]] home. ⟪Room was fine, but the breakfast was cold every day.¦The pool was closed the whole week.¦Wi-Fi did not work on the third floor.⟫ Only [[G.2]] at reception ⟪made it bearable¦sorted things out¦was friendly⟫ — give {{2:her|him}} a raise!""", "us")

tpl("en", "support", "pos", """Ticket #⟪48213¦51920¦39977¦60418⟫ — [[=product]] won't ⟪charge¦pair¦update¦turn on⟫
Customer: [[P]]
⟪Escalated by¦Handled by¦Taken over by⟫ [[G.2]], Tier 2.
Internal note: customer says ⟪their partner¦the previous agent¦a friend¦the installer⟫, [[P.3]], ⟪already tried a factory reset¦was promised a replacement¦bought it at [[=store]]⟫. ⟪Offered a replacement from the Dublin warehouse.¦Sent a returns label.¦Booked a callback for Monday.⟫""", "us")

tpl("en", "support", "pos", """Hi [[G]],

Thanks for getting in touch about your ⟪Bosch¦Miele¦Siemens¦Philips⟫ ⟪dishwasher¦washing machine¦tumble dryer¦coffee machine⟫. ⟪I've booked an engineer¦A technician will come out¦Our repair partner will visit⟫ on [[DATE]]; [[P.2]] ⟪will ring you about an hour before¦will text you a time slot¦will bring a replacement pump⟫. ⟪If that day doesn't suit, just reply to this email.¦Please make sure the appliance is accessible.⟫

Best wishes,
[[G.3]]
⟪Customer Care Team¦Aftersales Support¦Home Services⟫""", "uk")

tpl("en", "support", "pos", """To [[=airline]] Customer Relations,

My {{1:⟪mother¦grandmother¦aunt⟫|⟪father¦grandfather¦uncle⟫}}, [[P]], flew from [[=saint]] ⟪to Heathrow¦via Schiphol¦to Dublin⟫ ⟪last week¦on Sunday⟫. Wheelchair assistance was booked but ⟪nobody met the aircraft¦it never came¦was an hour late⟫. A crew member, [[G.2]], ⟪stayed with [[G]] until help arrived¦carried the bags off¦found a chair from another gate⟫, and I would like that noted. ⟪I expect a refund of the assistance fee.¦Please explain what went wrong.⟫

Regards,
[[P.3]]""", "uk")

# support: negative
tpl("en", "support", "neg", """Returns and exchanges
Our ⟪Oxford Street¦King Street¦Victoria Road¦Queen Street⟫ store accepts returns of [[=brand.1]] and [[=brand.2]] items within ⟪28¦30¦35⟫ days with a receipt. Items bought at ⟪Marks & Spencer¦John Lewis¦Selfridges⟫ concessions must go back to that store. ⟪Dr. Martens¦Ted Baker⟫ footwear with worn soles cannot be refunded. For online orders, ⟪Customer Services¦the Returns team¦Support⟫ will email a label.""", "uk")

tpl("en", "support", "neg", """[[=bot.1]]: Hi! I'm here 24/7. What can I help with?
Customer: I want to talk to a human
[[=bot.1]]: I can help with ⟪orders, returns and billing¦deliveries and refunds⟫. Which one?
Customer: ⟪my [[=product]] is broken¦refund¦billing⟫
[[=bot.1]]: Connecting you to ⟪Billing¦Customer Services¦the Returns team¦Support⟫. ⟪Average wait is 4 minutes.¦You are number 3 in the queue.⟫""", "us")

tpl("en", "support", "neg", """★★★★★ ⟪Does exactly what it says¦Brilliant¦Worth every penny⟫
Bought the [[=product]] at ⟪John Lewis¦Currys¦Harvey Nichols¦Nordstrom¦Macy's⟫ in [[=city]] after the ⟪Black Friday¦Boxing Day¦Easter⟫ sale. ⟪Setup took five minutes.¦Battery lasts a week.¦Quieter than the old one.⟫ Works with Alexa and Siri, ⟪not tested with Google Home¦fine with Google Home too⟫. ⟪Delivery by Royal Mail was quick.¦Packaging was excessive.⟫""", "uk")

tpl("en", "support", "neg", """Dear Customer Services,

I am writing about ⟪order 55821¦my recent order¦a delivery that never came⟫. I spoke with ⟪Billing¦Accounts¦your Returns team⟫ twice and was told ⟪a refund was on its way¦Dispatch would call me¦to wait another week⟫. ⟪Your website still shows¦The tracking still shows⟫ "out for delivery". I have shopped at your [[=city]] branch for years and expect better. ⟪Please escalate this to a manager.¦I would like a full refund.⟫

Regards,
A long-standing customer""", "uk")

tpl("en", "support", "neg", """Hi there,

Thanks for contacting ⟪Wendy's¦McDonald's¦Domino's¦Ben & Jerry's⟫ Guest Services. We're sorry your order from our [[=street]] ⟪restaurant¦location¦store⟫ ⟪was missing items¦arrived cold¦was late⟫. We've passed your feedback to the ⟪store manager¦area manager¦franchise owner⟫ and added a ⟪voucher¦credit⟫ to your app account.

⟪The Guest Services Team¦Customer Care¦Support⟫""", "us")

# letters: positive
tpl("en", "letters", "pos", """To whom it may concern,

I am writing in support of [[P]]'s application for the [[=award]]. I supervised [[G]] ⟪at Johns Hopkins¦during a placement at Morgan Stanley¦at our office in the Hague¦for two years at the Wellcome Trust⟫, where [[G]] ⟪led a study of hospital readmissions¦rebuilt our Sarbanes-Oxley controls¦ran the Erasmus exchange⟫ ⟪with great care¦with real independence⟫. ⟪I recommend {{1:her|him}} without reservation.¦{{1:She|He}} would be an excellent candidate.⟫

Yours faithfully,

[[P.2]]
⟪Head of Department¦Professor of Economics¦Dean of Students¦Programme Director⟫""", "uk")

tpl("en", "letters", "pos", """HR file note — ⟪probation review¦return-to-work meeting¦grievance meeting¦flexible working request⟫
Employee: [[S^]], [[G]]
Manager: [[P.2]]
Also present: [[P.3]] (⟪HR Business Partner¦note-taker¦union representative⟫)
[[G]] ⟪confirmed the phased return plan¦explained the childcare situation¦raised concerns about workload⟫. ⟪Sarbanes-Oxley refresher training¦Equality Act training¦The Occupational Health referral⟫ to be completed. Next review: [[DATE]].""", "uk")

tpl("en", "letters", "pos", """Our ref: ⟪CLM/2291/B¦HX-7718¦WD-30412⟫

Dear {{1:Ms|Mr}} [[S]],

Re: ⟪water damage claim¦motor claim¦storm damage claim⟫ under your ⟪Lloyd's-backed¦Kaiser¦home⟫ policy

Thank you for your ⟪call¦letter⟫ ⟪of last week¦on Monday⟫. Our loss adjuster, [[P.2]], will contact you to arrange a visit. ⟪Please keep any damaged items until then.¦Photographs of the damage would help.⟫ ⟪Storm Babet¦Storm Ciarán¦The flooding⟫ caused many claims in your area, so please bear with us.

Yours sincerely,
[[P.3]]
Claims Handler""", "uk")

tpl("en", "letters", "pos", """Dear Sirs,

We act for [[P]] in connection with ⟪{{1:her|his}} dismissal¦the disclosure made under Sarbanes-Oxley¦{{1:her|his}} claim under the Equality Act⟫. Our client's former line manager, [[P.2]], ⟪was copied into the relevant emails¦chaired the disciplinary hearing¦has since left the firm⟫. ⟪Please preserve all documents.¦We await your proposals within 14 days.⟫ Correspondence should be addressed to ⟪[[P.3]] of this office¦the undersigned, [[P.3]]⟫.

Yours faithfully,
⟪Harbour Chambers LLP¦Greyfriars Solicitors¦Lindqvist & Moor LLP⟫""", "uk")

tpl("en", "letters", "pos", """Dear [[G]] and [[G.2]],

Thank you for ⟪your tenancy at¦renting¦looking after⟫ the flat on ⟪Victoria Road¦Albert Road¦Queen Street¦Princess Street⟫. Your deposit ⟪is protected with the Deposit Protection Service¦will be returned within ten days of the check-out⟫. ⟪The boiler service is booked for next month; our engineer is [[P.4]].¦Please leave the keys with the concierge.⟫

Kind regards,
[[P.3]]
Lettings Manager""", "uk")

tpl("en", "letters", "pos", """Staff excellence award — nomination
Nominee: [[P]] (⟪Finance¦Estates¦Library Services¦Admissions⟫)
Nominated by: [[P.2]]
[[G]] ⟪rebuilt our Sarbanes-Oxley control matrix in a month¦organised the Fulbright alumni evening¦ran the Carnegie Foundation visit¦handled the move out of Johns Hopkins House⟫ ⟪while covering two vacancies¦with no extra budget⟫. ⟪Ask [[S.3]] in Payroll — they saw it first-hand.¦[[P.3]] can confirm the details.⟫""", "us")

# letters: negative
tpl("en", "letters", "neg", """Dear Colleague,

As part of our ⟪Sarbanes-Oxley¦Dodd-Frank¦GDPR⟫ compliance programme, all staff in ⟪Finance¦Treasury¦Procurement⟫ must complete the annual controls training by the end of ⟪March¦June¦September⟫. ⟪Ernst & Young¦Our external auditors⟫ will sample records in the ⟪spring¦autumn⟫. If you have questions, please contact ⟪the Data Protection Officer¦the Company Secretary¦Internal Audit⟫.

Yours sincerely,

⟪Head of People¦Chief Financial Officer¦Chief Executive⟫""", "uk")

tpl("en", "letters", "neg", """Applications now open: [[=award.1]] and [[=award.2]]

⟪The Fulbright Commission¦Johns Hopkins¦The Wellcome Trust¦The Carnegie Foundation⟫ invites applications from early-career researchers. Placements ⟪in the Hague, Geneva and Florence¦in Victoria and Adelaide¦in Lincoln and Madison⟫ are available. References should be sent by the referee directly to the Registrar. ⟪The panel meets in May.¦Interviews take place in June.⟫ Enquiries to the Graduate School office.""", "uk")

tpl("en", "letters", "neg", """Dear Policyholder,

We are writing to tell you about changes to your ⟪home¦travel¦motor⟫ cover from ⟪April¦July¦January⟫. Claims for damage caused by ⟪Storm Babet¦Storm Isha¦Hurricane Milton¦flooding⟫ will be handled by our partner underwriters at Lloyd's of London. Payments will be made through ⟪Wells Fargo¦Morgan Stanley¦your usual bank⟫ as before. You do not need to do anything.

Yours faithfully,
⟪Claims Department¦Customer Services¦The Underwriting Team⟫""", "uk")

tpl("en", "letters", "neg", """NOTICE OF HEARING

The Tribunal will sit in ⟪Victoria¦Lincoln¦Hamilton¦Chester⟫ ⟪on a date to be fixed¦in the week of the spring term⟫ to consider ⟪the appeal under the Equality Act¦the application under the Hague Convention¦the matter referred by the Ombudsman⟫. ⟪The Chair¦The Registrar¦The Clerk to the Tribunal⟫ will write to each party with the bundle. Proceedings are public, but ⟪Chatham House rules¦reporting restrictions⟫ apply to the ⟪preliminary¦case management⟫ session.""", "uk")

tpl("en", "letters", "neg", """To all staff

From ⟪Monday¦next month¦the new term⟫ the Bursar's office moves to ⟪Nobel House¦Fulbright Hall¦Lister Court¦Carnegie Building⟫. ⟪Deloitte¦Ernst & Young⟫ will be on site for the audit in ⟪May¦June¦October⟫. The Dean of Students and the Provost will hold an open meeting in the ⟪Marshall¦Churchill¦Wellington⟫ Room. ⟪Questions to Estates.¦Please update your email signatures.⟫

⟪Office of the Vice-Chancellor¦Human Resources¦The Registry⟫""", "uk")

# transcripts: positive
tpl("en", "transcripts", "pos", """agent: thank you for calling ⟪northgate energy¦harbour water¦brightline broadband⟫ you're speaking to [[G.2_]] how can i help
caller: hi um yeah it's [[P_]] calling about ⟪the direct debit¦a meter reading¦my bill⟫
agent: okay no problem can you spell the surname for me
caller: yeah it's [[S~]]
agent: [[S~]] lovely ⟪and the first line of the address¦and the postcode¦and your date of birth⟫
caller: ⟪sorry hang on¦yeah so¦um⟫""", "uk")

tpl("en", "transcripts", "pos", """[[G_]]: okay so um let's start with the ⟪jira¦grafana¦jenkins⟫ stuff
[[G.2_]]: yeah so ⟪kubernetes¦terraform¦kafka⟫ is ⟪still flaky¦fine now¦being weird again⟫ i talked to [[S.3_]] about it ⟪yesterday¦this morning⟫
[[G_]]: and ⟪they¦you know⟫ said
[[G.2_]]: ⟪basically wait for the aurora release¦roll back to hazel¦open a ticket with support⟫
[[G_]]: okay ⟪can you put that in confluence¦let's take it offline¦makes sense⟫""", "us")

tpl("en", "transcripts", "pos", """dictation for ⟪doctor¦dr⟫ [[S_]] ⟪clinic letter¦discharge letter¦referral⟫ patient is [[P.2_]] date of birth [[DATE:dob]] ⟪new paragraph¦comma⟫ ⟪seen today in the parkinsons clinic¦reviewed on the ward¦seen in the crohns clinic⟫ ⟪babinski negative¦murphys sign negative¦glasgow coma scale fifteen⟫ full stop ⟪plan to continue¦plan to start¦we will hold⟫ ⟪levodopa¦mesalazine¦carbimazole⟫ full stop copy to ⟪the gp¦the patient⟫ and to [[P.3_]] full stop ends""", "uk")

tpl("en", "transcripts", "pos", """hi it's [[G_]] from ⟪the surgery¦st annes practice¦the lister wing¦the pharmacy⟫ um ⟪calling for¦this message is for⟫ [[G.2_]] ⟪about the blood test results¦about your repeat prescription¦about next weeks appointment⟫ ⟪nothing to worry about¦it's all fine⟫ but ⟪could you call us back¦give us a ring⟫ on [[PHONE]] ⟪any time before six¦when you get a chance⟫ thanks bye""", "uk")

tpl("en", "transcripts", "pos", """agent: and can i take the name on the policy please
caller: it's {{1:⟪my wife's¦my mum's¦my sister's⟫|⟪my husband's¦my dad's¦my brother's⟫}} actually [[P_]]
agent: could you spell the first name
caller: ⟪yeah¦sure¦okay⟫ [[G~]]
agent: thank you and you are
caller: [[G.2_]] ⟪i'm on the policy as well¦i'm the named driver¦i'm {{1:her|his}} carer⟫
agent: ⟪okay¦perfect⟫ and is this about the ⟪storm damage¦claim¦renewal⟫""", "uk")

tpl("en", "transcripts", "pos", """so yeah um ⟪thanks everyone for coming¦okay we're recording¦right let's get going⟫ ⟪we've got¦just a reminder⟫ the ⟪easter¦summer¦christmas⟫ fair on saturday and [[G_]] has ⟪done the rota¦sorted the raffle¦booked the bouncy castle⟫ ⟪so thank you¦what a star¦amazing⟫ um [[S.2_]] ⟪can't make it¦is poorly¦is away⟫ so ⟪if someone can cover the cake stall¦we need another volunteer⟫ ⟪let me know¦tell [[G.3_]]⟫ okay ⟪next thing¦and then¦moving on⟫""", "uk")

# transcripts: negative
tpl("en", "transcripts", "neg", """thank you for calling ⟪kaiser¦wells fargo¦lloyds¦harbour water⟫ ⟪press one for billing¦for billing press one⟫ ⟪press two for claims¦for anything else stay on the line⟫
agent: ⟪you're through to billing¦customer services¦claims⟫ how can i help
caller: um yeah i'm calling about ⟪the parkinsons clinic appointment letter¦a payment that went out twice¦the storm damage on the roof⟫
agent: okay ⟪can i take the account number¦let me transfer you to the right team¦one moment⟫""", "us")

tpl("en", "transcripts", "neg", """speaker 1: okay so ⟪jenkins is down again¦grafana shows nothing since midnight¦the kafka lag is back⟫
speaker 2: yeah ⟪i saw¦the alert went off¦pagerduty woke me up⟫ um we could ⟪roll back to hazel¦restart the pods¦ask support⟫
speaker 1: ⟪let's ask facilities about the power first¦per legal we can't share the logs¦spoke with security already⟫
speaker 2: ⟪okay¦fine¦sure⟫ ⟪i'll update jira¦i'll post in the channel⟫""", "us")

tpl("en", "transcripts", "neg", """dictation ⟪clinic letter¦discharge summary¦ward note⟫ ⟪patient seen in the parkinsons clinic today¦reviewed post whipple procedure¦seen with bells palsy⟫ comma ⟪tremor improved¦wound healing well¦facial weakness improving⟫ full stop ⟪babinski¦romberg¦tinels sign⟫ ⟪negative¦normal⟫ full stop foley catheter ⟪removed¦to stay in for now⟫ full stop ⟪continue current medication¦repeat bloods in two weeks⟫ full stop copy to the gp full stop ends""", "uk")

tpl("en", "transcripts", "neg", """⟪and that's the news¦here's the forecast¦more after the break⟫ ⟪hurricane milton¦storm babet¦storm isha⟫ is ⟪expected to weaken¦moving north¦bringing heavy rain⟫ ⟪overnight¦by the weekend⟫ ⟪flights from san jose¦trains to st albans¦ferries to santa cruz⟫ are ⟪delayed¦cancelled⟫ ⟪meanwhile¦elsewhere⟫ ⟪aston villa¦nottingham forest¦crystal palace⟫ ⟪won¦drew¦lost⟫ ⟪two one¦nil nil¦three two⟫ and ⟪the nobel prize¦the turing award⟫ ⟪will be announced¦goes out⟫ on ⟪monday¦thursday⟫""", "uk")

tpl("en", "transcripts", "neg", """caller: hi um my ⟪alexa¦echo dot¦kindle¦nest thermostat⟫ won't ⟪connect¦turn on¦update⟫
agent: okay ⟪sorry about that¦let's have a look⟫ have you tried ⟪unplugging it¦a reset¦turning it off and on⟫
caller: yeah ⟪twice¦loads⟫ and i ⟪asked siri¦checked the app¦called the shop⟫
agent: ⟪right okay¦no worries⟫ i'll ⟪send a replacement¦book an engineer¦pass you to tier two⟫""", "us")

# misc: positive
tpl("en", "misc", "pos", """⟪Oakfield¦Riverside¦St Brigid's¦Hawthorn⟫ Primary — ⟪Spring¦Summer¦Autumn⟫ newsletter
Well done to [[P]] in ⟪Year 4¦Year 5¦Year 6⟫, who ⟪won the county chess final¦read 100 books this term¦ran the Easter bake sale⟫. Our ⟪Easter¦Harvest¦Christmas⟫ fair raised ⟪£1,240¦£860¦£2,015⟫ — thank you to [[P.2]] and the PTA. World Book Day is coming: come as [[=book.1]] or [[=book.2]]! {{3:Mrs|Mr}} [[S.3]] ⟪retires in July after 22 years¦joins us in Reception¦leads the choir this year⟫.""", "uk")

tpl("en", "misc", "pos", """{{1:Auntie|Uncle}} [[G]]'s ⟪jollof rice¦fish pie¦pepper soup¦banana bread¦lamb tagine⟫ (serves 6)
From [[P.2]]'s kitchen, ⟪written down at last¦as promised after Eid¦for the church cookbook¦for the street party⟫. ⟪Not as fancy as Beef Wellington¦Better than any Victoria sponge¦Easier than Eggs Benedict⟫, but everyone asks for it. ⟪Fry the onions slowly¦Do not rush the stock¦Use ripe tomatoes⟫ — [[G]] ⟪always said so¦swears by it¦insists⟫. Serve with ⟪Earl Grey tea¦Granny Smith apples on the side¦plain rice⟫.""", "uk")

tpl("en", "misc", "pos", """Day ⟪3¦4¦6⟫ — [[=saint]]. [[=storm!]] ⟪delayed our ferry¦closed the coast road¦kept us in all morning⟫, so we ⟪walked up to¦took the bus to¦finally saw⟫ ⟪the old cathedral¦the harbour museum¦the castle¦the lighthouse⟫. Our guide, [[G]], ⟪knew everything about the old harbour¦talked us into the fish market¦took us to {{1:her|his}} cousin's café⟫. ⟪Dinner with [[P.2]], who we met on the train.¦Bumped into [[P.2]] from the book club!¦[[P.2]] recommended the walking tour.⟫ ⟪Tomorrow: the Queen Mary 2 leaves at noon.¦Tomorrow we head north.⟫""", "us")

tpl("en", "misc", "pos", """You're invited! 🎉
[[G]] is turning ⟪40¦60¦70¦7⟫ and we're celebrating ⟪at the Lincoln Arms¦on the Cutty Sark deck¦in the church hall on Victoria Road¦at the Nelson's Column end of the square⟫ ⟪this Saturday¦next Sunday⟫ from ⟪2pm¦7pm⟫. ⟪A band will play Jolene and Hey Jude, by request.¦Dress code: Jethro Tull tribute band chic.¦Bring a dish — no Peach Melba, [[G]] hates it.⟫ RSVP to [[P.2]] on [[PHONE]].""", "uk")

tpl("en", "misc", "pos", """⟪Hawthorn¦Millbrook¦Castlegate⟫ Residents' Association — ⟪April¦June¦October⟫ update
Thanks to [[P]] for organising the ⟪St Patrick's Day¦Easter¦Whitsun¦Diwali⟫ ⟪litter pick¦street party¦lantern walk⟫. ⟪The choir sang Jolene and Valerie at the hall.¦The quiz was won by a team called Pink Floyd.⟫ Book club: this month is [[=book]], led by [[G.2]]. Welcome to the [[S.3!]] family, new at ⟪number 14¦the old vicarage¦the corner house⟫.""", "uk")

tpl("en", "misc", "pos", """⟪Aston Villa¦Nottingham Forest¦Queens Park Rangers¦Crystal Palace⟫ away trip ⟪Saturday¦Sunday⟫
Coach leaves from [[=street]] at ⟪7:15¦8:00¦9:30⟫ sharp. Seats are with [[G]] — pay {{1:her|him}} ⟪in cash¦by bank transfer¦before Thursday⟫. [[N.2!]] has the ⟪flags¦tickets¦first-aid kit⟫. ⟪No glass on the coach.¦Stop at the services near Lincoln.¦Back by about 11pm.⟫""", "uk")

# misc: negative
tpl("en", "misc", "neg", """⟪Hawthorn¦Millbrook¦Castlegate⟫ Residents' Association — ⟪May¦June¦August⟫
The ⟪St Patrick's Day¦Easter¦Whitsun⟫ litter pick is on ⟪Saturday¦Sunday⟫ from the Victoria Road gate. The hall is booked for ⟪a Jethro Tull tribute night¦a Franz Ferdinand covers band¦the Diwali lantern workshop⟫ in ⟪June¦July¦September⟫. Book club is reading [[=book]]. ⟪The bins move to Tuesdays after the bank holiday.¦The Albert Road bus stop reopens in April.⟫""", "uk")

tpl("en", "misc", "neg", """Menu for the ⟪Easter¦Christmas¦Hanukkah¦summer⟫ lunch
Starter: [[=dish.1]]
Main: ⟪Beef Wellington¦chicken à la King¦a nut roast¦salmon en croûte⟫
Dessert: ⟪Peach Melba¦pavlova¦Bakewell tart¦crêpes Suzette⟫ or [[=dish.2]]
Drinks: ⟪Earl Grey¦Lady Grey¦Darjeeling⟫, ⟪a Tom Collins¦a Shirley Temple for the children¦elderflower cordial⟫
⟪Serves 8.¦Allergens on request.¦Order by Friday.⟫""", "uk")

tpl("en", "misc", "neg", """Travel update: [[=storm.1!]] ⟪has closed¦is disrupting¦grounded flights at⟫ ⟪San Jose¦San Diego¦Santa Barbara⟫ and ⟪Saint-Étienne¦San Sebastián¦St Ives⟫ ⟪until Wednesday¦for the weekend¦until further notice⟫. ⟪The Queen Mary 2¦The Mayflower replica¦The Cutty Sark museum⟫ ⟪is delayed¦is closed¦stays in port⟫. ⟪Visits to the Lincoln Memorial and the Eiffel Tower¦Tours of the Wallace Monument¦Trips to Nelson's Column⟫ ⟪are unaffected¦resume on Monday⟫.""", "us")

tpl("en", "misc", "neg", """What's on this ⟪week¦weekend¦month⟫
⟪Friday¦Saturday⟫: ⟪Jethro Tull¦Fleetwood Mac¦Steely Dan¦Pink Floyd⟫ tribute band at the ⟪Lincoln¦Hamilton¦Victoria⟫ Arms
⟪Sunday¦Monday⟫: open-air screening of ⟪Paddington¦Matilda¦Frankenstein¦Heidi⟫
⟪Wednesday¦Thursday⟫: quiz night, Queens Park Rangers vs ⟪Aston Villa¦Crystal Palace⟫ on the big screen
Closed on Martin Luther King Jr. Day and ⟪Valentine's Day¦St Andrew's Day¦Guy Fawkes Night⟫ ⟪for a private event¦for staff training⟫.""", "us")

tpl("en", "misc", "neg", """Dear Parents and Carers,

World Book Day is on ⟪Thursday¦Friday⟫. Children may come dressed as a character — ⟪Matilda, Paddington or Pippi Longstocking¦Oliver Twist, Heidi or Peter Pan¦Anne of Green Gables or Frankenstein⟫ are always popular. ⟪The Year 6 trip to Nelson's Column moves to June.¦Swimming restarts after Easter.¦The May half term starts on Friday.⟫ ⟪Please label all uniform.¦Lunch menus are on the website.⟫

⟪The Office¦The Head Teacher¦The PTA⟫""", "uk")

# ---------------------------------------------------------------------------
# German
# ---------------------------------------------------------------------------
tpl("de", "clinical", "pos", """Verlaufsnotiz ⟪Station 4B¦Virchow-Station¦Sauerbruch-Station¦Station Nightingale⟫, [[DATE]]
Pat. [[P]], ⟪bekannter Morbus Parkinson¦Z. n. Whipple-OP¦Morbus Crohn, aktuell Schub¦Hashimoto-Thyreoiditis, jetzt Vorhofflimmern⟫. ⟪Babinski-Zeichen negativ¦Lasègue-Zeichen links positiv¦GCS 15, Pupillen isokor⟫, ⟪Dauerkatheter heute entfernt¦fieberfrei¦mobilisiert mit Rollator⟫. Visite mit ⟪OA¦Dr.⟫ [[S.2]]. {{3:Die Tochter|Der Sohn}}, [[P.3]], bittet um Rückruf unter [[PHONE]]. ⟪Weiter mit Zelvora¦Trantiva pausiert¦Umstellung auf Levodopa retard⟫ ⟪nach Rücksprache mit der Apotheke¦laut [[G.4]] aus der Apotheke¦bis zur nächsten Visite⟫.""")
tpl("de", "clinical", "neg", """Aushang ⟪Station 4B¦Virchow-Station¦Sauerbruch-Station⟫: Ab ⟪Montag¦nächster Woche¦dem Monatsersten⟫ findet die Parkinson-Sprechstunde im ⟪Robert-Koch-Haus¦Alzheimer-Pavillon¦Erdgeschoss, Raum 3⟫ statt. ⟪Foley-Katheter¦Hickman-Katheter-Sets¦Redon-Flaschen⟫ liegen jetzt im ⟪unreinen Arbeitsraum¦Lager neben der Station⟫. Bitte die Braden-Skala bei Aufnahme und die Glasgow-Coma-Skala ⟪stündlich¦vierstündlich⟫ bei Schädel-Hirn-Trauma dokumentieren. ⟪Morbus-Crohn-Patienten¦Patienten nach Whipple-OP⟫ bekommen ab sofort ⟪Kost 3¦die neue Trinknahrung⟫. Rückfragen an ⟪die Stationsleitung¦die Hygienefachkraft¦das Sekretariat⟫.""")
tpl("de", "work", "pos", """⟪[[G]]¦[[G_]]⟫ ⟪09:03¦09:12¦08:57⟫
Moin! Gestern: ⟪Terraform-Modul für die Grafana-Alerts fertig¦Kafka-Consumer-Fix gemergt¦Jenkins-Pipeline aufgeräumt⟫. Heute: ⟪mit [[G.2]] an Projekt Aurora¦Release-Notes für „Hazel“ mit [[G.2]]¦Review vom PR von [[S.2]] zum Confluence-Export⟫. Blocker: ⟪Jira hängt mal wieder¦warten auf die Rechtsabteilung¦keine⟫
⟪[[G.3]]¦[[G.3_]]⟫ ⟪09:20¦09:27⟫
👍 ich hol [[N.4]] dazu wegen ⟪Kubernetes-Zugang¦PagerDuty-Rufbereitschaft¦der Vault-Policy⟫""")
tpl("de", "work", "neg", """Release-Notes ⟪Hazel¦Juniper¦Aurora¦Marigold⟫ ⟪2.4¦3.1¦1.9⟫
- Unterstützung für Kubernetes 1.⟪30¦31⟫
- Grafana-Dashboards für die Kafka-Consumer
- Jenkins-Pipeline auf ⟪GitHub Actions¦Argo Workflows⟫ umgezogen
Bekannter Fehler: Der Terraform-Provider für ⟪Datadog¦PagerDuty¦Okta⟫ braucht noch einen manuellen Import. ⟪Danke an das Plattform-Team!¦Fragen bitte in den Release-Kanal.¦Rollout ab Montag, laut Rechtsabteilung ohne Kundeninfo.⟫""")
tpl("de", "support", "pos", """Betreff: Reklamation ⟪Dr. Martens Stiefel¦Hugo-Boss-Mantel¦Miele-Waschmaschine¦Bosch-Geschirrspüler⟫

Sehr geehrte Damen und Herren,

ich habe den Artikel ⟪im Januar¦vor zwei Wochen¦im Osterverkauf⟫ in Ihrer Filiale ⟪in der Kaiserstraße¦am Bismarckplatz¦in der Friedrichstraße¦in Sankt Augustin⟫ gekauft. ⟪Nach einer Woche löste sich die Sohle.¦Das Gerät zeigt seit dem zweiten Tag einen Fehler.¦Der Reißverschluss ist gerissen.⟫ {{2:Ihre Kollegin|Ihr Kollege}} [[P.2]] hat mir einen Rückruf versprochen, aber es hat sich niemand gemeldet. Sie erreichen mich unter [[PHONE]].

Mit freundlichen Grüßen
[[P]]""")
tpl("de", "support", "neg", """Umtausch und Rückgabe
In unserer Filiale ⟪in der Kaiserstraße¦am Bismarckplatz¦in Sankt Augustin¦am Goetheplatz⟫ können Sie Artikel von ⟪Hugo Boss und Tommy Hilfiger¦Dr. Martens und Calvin Klein¦Marc O'Polo und Tom Tailor⟫ innerhalb von ⟪14¦30⟫ Tagen mit Kassenbon zurückgeben. ⟪Lebensmittel von Dr. Oetker¦Ware aus dem Sale¦Geschenkgutscheine⟫ sind vom Umtausch ausgeschlossen. Bei Online-Bestellungen schickt Ihnen der Kundenservice ein Retourenetikett; ⟪unser Chatbot (virtueller Assistent) hilft rund um die Uhr¦die Buchhaltung erstattet innerhalb von 14 Tagen⟫.""")
tpl("de", "letters", "pos", """⟪Sehr geehrte Damen und Herren,

ich empfehle [[P]] nachdrücklich für das ⟪Humboldt-Forschungsstipendium¦Fulbright-Stipendium¦Marie-Curie-Stipendium⟫. [[G]] hat ⟪drei Jahre am Max-Planck-Institut¦zwei Jahre am Goethe-Institut in Lissabon¦am Robert-Koch-Institut⟫ mit mir gearbeitet und ⟪eine hervorragende Dissertation geschrieben¦ein eigenes Projekt geleitet⟫.

Mit freundlichen Grüßen
Prof. Dr. [[P.2]]
⟪Lehrstuhl für Volkswirtschaftslehre¦Institut für Virologie¦Fakultät für Physik⟫¦{{1:Sehr geehrte Frau|Sehr geehrter Herr}} [[S]],

wir bestätigen den Eingang Ihrer Schadenmeldung ⟪nach dem Sturmtief¦zum Wasserschaden¦zum Kfz-Schaden⟫. Unser Gutachter, [[P.2]], meldet sich ⟪in den nächsten Tagen¦diese Woche⟫ bei Ihnen. Rückfragen richten Sie bitte an [[P.3]] in unserer Schadenabteilung.

Mit freundlichen Grüßen
Hanse-Assekuranz AG⟫""")
tpl("de", "letters", "neg", """An alle Beschäftigten

ab ⟪Montag¦dem nächsten Monat¦dem Sommersemester⟫ zieht die Personalabteilung ins ⟪Humboldt-Gebäude¦Goethe-Haus¦Max-Planck-Haus¦Röntgen-Bau⟫. Die Wirtschaftsprüfer von ⟪Ernst & Young¦Deloitte¦KPMG⟫ sind im ⟪Mai¦Juni¦Oktober⟫ im Haus. Fragen zum ⟪Sarbanes-Oxley-Programm¦Datenschutz¦Hinweisgeberschutzgesetz⟫ richten Sie bitte an ⟪die Datenschutzbeauftragte¦den Betriebsrat¦die Geschäftsführung⟫. Anträge auf das Fulbright- oder Humboldt-Stipendium gehen wie bisher über das Dekanat.

Mit freundlichen Grüßen
⟪Ihre Personalabteilung¦Die Geschäftsführung¦Das Präsidium⟫""")
tpl("de", "transcripts", "pos", """agent: ⟪stadtwerke nordheide¦hanse energie¦wasserverband elbmarsch⟫ guten tag sie sprechen mit [[G.2_]] was kann ich für sie tun
anrufer: ja hallo äh hier ist [[P_]] es geht um ⟪meine abschlagszahlung¦den zählerstand¦die letzte rechnung⟫
agent: können sie mir bitte den nachnamen buchstabieren
anrufer: ja ⟪also¦klar⟫ [[S~]]
agent: [[S~]] danke ⟪und ihre postleitzahl¦und das geburtsdatum¦und die kundennummer⟫
anrufer: ⟪moment¦äh ja¦sekunde⟫""")
tpl("de", "transcripts", "neg", """herzlich willkommen bei der ⟪hanse¦alpen¦nordstern⟫ versicherung ⟪für schadenmeldungen drücken sie die eins¦bitte haben sie etwas geduld⟫
agent: ⟪schadenabteilung¦kundenservice¦buchhaltung⟫ guten tag
anrufer: ja äh ich ruf an wegen ⟪dem sturmschaden vom sturmtief zoltan¦der parkinson-sprechstunde¦der doppelten abbuchung⟫
agent: ⟪einen moment bitte¦ich verbinde sie mit der buchhaltung¦da muss ich kurz nachschauen⟫""")
tpl("de", "misc", "pos", """⟪Elternbrief der ⟪Grundschule am Stadtpark¦Sankt-Martin-Schule¦Astrid-Lindgren-Schule¦Goethe-Grundschule⟫
Herzlichen Glückwunsch an [[P]] aus der ⟪3b¦4a¦2c⟫ zum ⟪Sieg beim Vorlesewettbewerb¦ersten Platz im Schach¦Kunstpreis des Landkreises⟫! Unser ⟪Sankt-Martins-Umzug¦Sommerfest¦Weihnachtsbasar⟫ hat ⟪über 800 Euro¦1.200 Euro⟫ eingebracht, danke an [[P.2]] und den Förderverein. {{3:Frau|Herr}} [[S.3]] ⟪geht im Juli in den Ruhestand¦übernimmt den Schulchor¦verstärkt ab August die 1a⟫.¦Apfelkuchen nach {{1:Oma|Opa}} [[G]] (für 12 Stücke)
Aufgeschrieben von [[P.2]] ⟪für das Gemeindekochbuch¦nach dem Sommerfest¦für die Familie⟫. Einfacher als Sachertorte oder Fürst-Pückler-Eis, und ⟪jeder fragt danach¦er hält sich drei Tage⟫. [[G!]] ⟪schwor auf Boskoop-Äpfel¦nahm immer Zimt¦backte ihn jeden Sonntag⟫.⟫""")
tpl("de", "misc", "neg", """Veranstaltungen im ⟪Mai¦Juni¦August¦Oktober⟫
⟪Freitag¦Samstag⟫: ⟪Pink-Floyd-Tribute¦Jethro-Tull-Coverband¦Franz-Ferdinand-Abend⟫ im ⟪Goethe-Saal¦Bürgerhaus Sankt Augustin¦Kaisersaal⟫
⟪Sonntag¦Montag⟫: Kinderkino mit ⟪Pippi Langstrumpf¦Heidi¦Pumuckl¦Das Sams⟫
⟪Mittwoch¦Donnerstag⟫: Führung zum ⟪Hermannsdenkmal¦Brandenburger Tor¦Bismarckturm⟫
Am ⟪Pfingstmontag¦Ostermontag¦Reformationstag¦Martinstag⟫ geschlossen. ⟪Wegen Sturmtief Zoltan fällt der Markt aus.¦Der Bus nach Sankt Blasien fährt wieder.⟫""")

# ---------------------------------------------------------------------------
# French
# ---------------------------------------------------------------------------
tpl("fr", "clinical", "pos", """Note d'évolution — ⟪service Charcot¦pavillon Pasteur¦unité Babinski¦hôpital Saint-Louis, neurologie⟫
Patient{{1:e|}} : [[S^]], [[G]], ⟪maladie de Parkinson connue¦maladie de Crohn en poussée¦suites d'une intervention de Whipple¦maladie de Basedow récente⟫. ⟪Signe de Babinski négatif¦Signe de Lasègue positif à gauche¦Score de Glasgow à 15⟫, ⟪sonde de Foley retirée ce matin¦apyrétique¦lever au fauteuil⟫. Vu avec le Dr [[S.2]]. {{3:Sa fille|Son fils}}, [[P.3]], souhaite être {{3:rappelée|rappelé}} au [[PHONE]]. ⟪Poursuite du Zelvora.¦Trantiva suspendu.¦Relais par lévodopa LP.⟫""")
tpl("fr", "clinical", "neg", """Note de service — ⟪service Charcot¦pavillon Pasteur¦unité Babinski⟫
À partir de ⟪lundi¦la semaine prochaine¦septembre⟫, la consultation Parkinson déménage ⟪au 2e étage du bâtiment Laennec¦dans l'aile Curie¦au pavillon Broca⟫. Les sondes de Foley et les kits de cathéter de Hickman sont désormais rangés dans la réserve. Merci de renseigner l'échelle de Braden à l'entrée et le score de Glasgow ⟪toutes les heures¦toutes les quatre heures⟫ en cas de traumatisme crânien. ⟪Questions : la cadre de santé.¦Le référent hygiène reste joignable au poste habituel.⟫""")
tpl("fr", "work", "pos", """⟪[[G]]¦[[G_]]⟫ ⟪09:02¦09:15¦08:48⟫
Hello ! Hier : ⟪fini le module Terraform pour les alertes Grafana¦mergé le correctif du consumer Kafka¦nettoyé le pipeline Jenkins⟫. Aujourd'hui : ⟪binôme avec [[G.2]] sur le projet Aurora¦notes de version de « Hazel » avec [[G.2]]¦relecture de la PR de [[S.2]] sur l'export Confluence⟫. Bloquant : ⟪Jira rame encore¦on attend le service juridique¦rien⟫
⟪[[G.3]]¦[[G.3_]]⟫ ⟪09:21¦09:30⟫
👍 je mets [[N.4]] dans la boucle pour ⟪l'accès Kubernetes¦l'astreinte PagerDuty¦la politique Vault⟫""")
tpl("fr", "work", "neg", """Notes de version — ⟪Hazel¦Juniper¦Aurora¦Marigold⟫ ⟪2.4¦3.1¦1.9⟫
- prise en charge de Kubernetes 1.⟪30¦31⟫
- tableaux de bord Grafana pour les consumers Kafka
- pipeline Jenkins migré vers ⟪GitHub Actions¦Argo Workflows⟫
Problème connu : le provider Terraform pour ⟪Datadog¦PagerDuty¦Okta⟫ demande encore un import manuel. ⟪Merci à l'équipe Plateforme !¦Questions sur le canal release.¦Déploiement lundi, validé par le service juridique.⟫""")
tpl("fr", "support", "pos", """Objet : Réclamation — ⟪bottes Dr. Martens¦sac Longchamp¦lave-linge Miele¦machine Nespresso⟫

Madame, Monsieur,

J'ai acheté cet article ⟪dans votre magasin de la rue Saint-Honoré¦aux Galeries Lafayette¦dans votre boutique de Saint-Étienne¦boulevard Haussmann⟫ ⟪en janvier¦il y a quinze jours¦pendant les soldes⟫. ⟪La semelle s'est décollée au bout d'une semaine.¦L'appareil affiche une erreur depuis le deuxième jour.¦La fermeture éclair a cédé.⟫ {{2:Votre conseillère|Votre conseiller}}, [[P.2]], m'avait promis un rappel, mais personne ne m'a contacté{{1:e|}}. Vous pouvez me joindre au [[PHONE]].

Cordialement,
[[P]]""")
tpl("fr", "support", "neg", """Retours et échanges
Notre boutique ⟪de la rue Saint-Honoré¦de Saint-Étienne¦du boulevard Haussmann¦de Saint-Malo⟫ reprend les articles ⟪Yves Rocher¦Jean Paul Gaultier¦Louis Vuitton¦Pierre Cardin⟫ sous ⟪14¦30⟫ jours avec le ticket de caisse. Les produits achetés aux Galeries Lafayette doivent être rapportés dans ce magasin. ⟪Notre assistante virtuelle vous répond 24 h/24.¦Le service client vous envoie une étiquette retour.¦La comptabilité rembourse sous dix jours.⟫""")
tpl("fr", "letters", "pos", """⟪Madame, Monsieur,

Je soutiens avec conviction la candidature de [[P]] à la ⟪bourse Fulbright¦bourse Marie Skłodowska-Curie¦bourse Erasmus Mundus⟫. [[G]] a travaillé ⟪deux ans à l'Institut Pasteur¦à l'Institut Curie¦au CHU de Saint-Étienne⟫ sous ma direction et ⟪a mené seul{{1:e|}} un projet sur la maladie de Crohn¦a publié un travail remarqué⟫.

Je vous prie d'agréer l'expression de mes salutations distinguées.

[[P.2]]
{{2:Professeure|Professeur}} ⟪d'économie¦de biologie cellulaire⟫¦{{1:Madame|Monsieur}} [[S]],

Nous accusons réception de votre déclaration de sinistre ⟪suite à la tempête Ciarán¦pour le dégât des eaux¦pour votre véhicule⟫. Notre expert, [[P.2]], prendra contact avec vous ⟪dans les prochains jours¦cette semaine⟫. Pour toute question, adressez-vous à [[P.3]], au service sinistres.

Veuillez agréer nos salutations distinguées.
Mutuelle du Ponant⟫""")
tpl("fr", "letters", "neg", """À l'ensemble du personnel

À compter du ⟪1er septembre¦mois prochain¦semestre prochain⟫, la direction des ressources humaines s'installe au bâtiment ⟪Marie-Curie¦Pasteur¦Jean-Jaurès⟫. Conformément à la loi Sapin II et à la loi Evin, ⟪les invitations des fournisseurs sont déclarées¦aucune boisson alcoolisée ne sera servie au pot⟫. Le prix Nobel de ⟪chimie¦physique⟫ sera célébré à l'amphithéâtre ⟪Lavoisier¦Descartes¦Pascal⟫. Questions : le délégué à la protection des données.

La Direction""")
tpl("fr", "transcripts", "pos", """conseiller: ⟪énergie bleue¦eaux du val¦télécom ouest⟫ bonjour vous êtes en ligne avec [[G.2_]] que puis-je faire pour vous
appelant: oui bonjour euh c'est [[P_]] j'appelle pour ⟪mon échéancier¦un relevé de compteur¦ma dernière facture⟫
conseiller: vous pouvez m'épeler le nom s'il vous plaît
appelant: ⟪oui alors¦bien sûr¦euh oui⟫ [[S~]]
conseiller: [[S~]] merci ⟪et votre code postal¦et votre date de naissance¦et le numéro client⟫""")
tpl("fr", "transcripts", "neg", """bienvenue chez ⟪mutuelle du ponant¦énergie bleue¦banque du léman⟫ ⟪pour une déclaration de sinistre tapez un¦pour le service client tapez deux⟫
conseillère: ⟪service sinistres¦service client¦comptabilité⟫ bonjour
appelant: oui bonjour euh j'appelle pour ⟪la tempête ciarán¦le rendez-vous de la consultation parkinson¦un prélèvement en double⟫
conseillère: ⟪ne quittez pas¦je vous passe la comptabilité¦un instant je regarde⟫""")
tpl("fr", "misc", "pos", """⟪Bulletin de l'école ⟪Jules-Ferry¦Jean-Moulin¦Marie-Curie¦Saint-Exupéry⟫
Bravo à [[P]] (⟪CM1¦CE2¦CM2⟫) pour ⟪le concours de lecture¦son premier prix d'échecs¦le prix de dessin⟫ ! La kermesse de ⟪la Saint-Jean¦fin d'année⟫ a rapporté ⟪850 €¦1 200 €⟫ : merci à [[P.2]] et à l'association des parents. {{3:Mme|M.}} [[S.3]] ⟪part à la retraite en juillet¦reprend la chorale¦rejoint l'équipe en septembre⟫.¦Le tajine de {{1:tante|tonton}} [[G]] (pour 6)
Recette notée par [[P.2]] ⟪pour le livre de cuisine du quartier¦après la fête de la Saint-Jean¦pour les petits-enfants⟫. Moins chic qu'une pêche Melba ou des crêpes Suzette, mais tout le monde en redemande. [[G!]] ⟪ajoutait toujours des citrons confits¦laissait mijoter trois heures⟫.⟫""")
tpl("fr", "misc", "neg", """Agenda de ⟪mai¦juin¦juillet¦octobre⟫
⟪Vendredi¦Samedi⟫ : feux de la Saint-Jean au ⟪parc Monceau¦quai Jean-Moulin¦jardin Pasteur⟫
⟪Dimanche¦Mercredi⟫ : ciné-enfants, ⟪Astérix¦Tintin¦Le Petit Prince¦Kirikou⟫
⟪Jeudi¦Mardi⟫ : match Saint-Étienne – ⟪Olympique de Marseille¦Stade Rennais¦Girondins⟫ sur écran géant
⟪La tempête Ciarán a fermé la route de Saint-Malo.¦Visite guidée de la tour Eiffel complète.¦Fermé le lundi de Pentecôte.⟫""")

# ---------------------------------------------------------------------------
# Spanish
# ---------------------------------------------------------------------------
tpl("es", "clinical", "pos", """Evolutivo — ⟪Neurología, 4.ª planta¦Hospital Gregorio Marañón, Digestivo¦Hospital Ramón y Cajal, Endocrino¦unidad de ictus⟫
{{1:Paciente|Paciente}}: [[P]], ⟪enfermedad de Parkinson conocida¦enfermedad de Crohn en brote¦postoperatorio de Whipple¦enfermedad de Graves reciente⟫. ⟪Signo de Babinski negativo¦Signo de Murphy negativo¦Glasgow 15⟫, ⟪sonda Foley retirada esta mañana¦afebril¦sedestación en sillón⟫. Comentado con {{2:la Dra.|el Dr.}} [[S.2]]. {{3:Su hija|Su hijo}}, [[P.3]], pide que le llamen al [[PHONE]]. ⟪Se mantiene Zelvora.¦Se suspende Trantiva.¦Cambio a levodopa retard.⟫""")
tpl("es", "clinical", "neg", """Aviso al personal de ⟪la 4.ª planta¦Neurología¦la unidad de ictus⟫: desde ⟪el lunes¦la semana que viene¦septiembre⟫ la consulta de Parkinson pasa al pabellón ⟪Ramón y Cajal¦Marañón¦Severo Ochoa⟫, ⟪planta baja¦sala 3⟫. Las sondas Foley y los catéteres de Hickman están ahora en el almacén. Registrad la escala de Braden al ingreso y la escala de Glasgow ⟪cada hora¦cada cuatro horas⟫ en los traumatismos craneales. ⟪Dudas a la supervisión de enfermería.¦El test de Apgar se registra solo en Paritorio.⟫""")
tpl("es", "work", "pos", """⟪[[G]]¦[[G_]]⟫ ⟪09:05¦09:12¦08:55⟫
¡Buenas! Ayer: ⟪terminé el módulo de Terraform para las alertas de Grafana¦mergeé el arreglo del consumer de Kafka¦limpié el pipeline de Jenkins⟫. Hoy: ⟪con [[G.2]] en el proyecto Aurora¦notas de versión de «Hazel» con [[G.2]]¦revisar la PR de [[S.2]] del exportador de Confluence⟫. Bloqueos: ⟪Jira va lentísimo¦esperando a Legal¦ninguno⟫
⟪[[G.3]]¦[[G.3_]]⟫ ⟪09:20¦09:33⟫
👍 aviso a [[N.4]] por ⟪el acceso a Kubernetes¦la guardia de PagerDuty¦la política de Vault⟫""")
tpl("es", "work", "neg", """Notas de versión — ⟪Hazel¦Juniper¦Aurora¦Marigold⟫ ⟪2.4¦3.1¦1.9⟫
- Soporte para Kubernetes 1.⟪30¦31⟫
- Paneles de Grafana para los consumers de Kafka
- Pipeline de Jenkins migrado a ⟪GitHub Actions¦Argo Workflows⟫
Problema conocido: el provider de Terraform para ⟪Datadog¦PagerDuty¦Okta⟫ todavía necesita una importación manual. ⟪¡Gracias, equipo de Plataforma!¦Dudas en el canal de releases.¦Despliegue el lunes, con el visto bueno de Legal.⟫""")
tpl("es", "support", "pos", """Asunto: Reclamación — ⟪abrigo de Massimo Dutti¦botas Dr. Martens¦lavadora Bosch¦cafetera Nespresso⟫

Buenos días:

Compré el artículo ⟪en su tienda de la calle San Vicente¦en El Corte Inglés de Castellana¦en su tienda de San Sebastián¦en el centro comercial Santa Justa⟫ ⟪en enero¦hace dos semanas¦en rebajas⟫ y ⟪se despegó la suela a la semana¦da error desde el segundo día¦se rompió la cremallera⟫. {{2:Su compañera|Su compañero}} [[P.2]] me prometió una llamada, pero nadie me ha llamado. Mi teléfono es el [[PHONE]].

Atentamente,
[[P]]""")
tpl("es", "support", "neg", """Cambios y devoluciones
En nuestra tienda de ⟪la calle San Vicente¦Santa Cruz¦San Sebastián¦la plaza de Cervantes⟫ aceptamos devoluciones de ⟪Massimo Dutti¦Pedro del Hierro¦Adolfo Domínguez¦Tommy Hilfiger⟫ en ⟪14¦30⟫ días con el tique. Lo comprado en El Corte Inglés se devuelve en ese centro. ⟪Nuestra asistente virtual contesta las 24 horas.¦Atención al Cliente le enviará una etiqueta de devolución.¦Contabilidad reembolsa en diez días.⟫""")
tpl("es", "letters", "pos", """⟪A quien corresponda:

Apoyo sin reservas la candidatura de [[P]] a la ⟪beca Fulbright¦beca Marie Curie¦beca de la Fundación Juan March⟫. [[G]] trabajó ⟪dos años en el Instituto Ramón y Cajal¦en el Hospital Gregorio Marañón¦en la Fundación Carolina⟫ bajo mi dirección y ⟪dirigió su propio proyecto¦publicó un trabajo excelente⟫.

Atentamente,

[[P.2]]
{{2:Catedrática|Catedrático}} de ⟪Economía¦Biología Celular⟫¦{{1:Estimada Sra.|Estimado Sr.}} [[S]]:

Hemos recibido su parte de siniestro ⟪por el temporal¦por daños por agua¦por su vehículo⟫. Nuestro perito, [[P.2]], se pondrá en contacto con usted ⟪en los próximos días¦esta semana⟫. Para cualquier consulta, diríjase a [[P.3]], del departamento de siniestros.

Un saludo,
Seguros Galerna⟫""")
tpl("es", "letters", "neg", """A toda la plantilla:

A partir del ⟪1 de septiembre¦mes que viene¦próximo trimestre⟫ el departamento de Recursos Humanos se traslada al edificio ⟪Severo Ochoa¦Ramón y Cajal¦Cervantes⟫. Los auditores de ⟪Ernst & Young¦Deloitte¦KPMG⟫ estarán aquí en ⟪mayo¦junio¦octubre⟫. Las solicitudes del Premio Cervantes y de las becas Fulbright se tramitan en el Rectorado. Las consultas sobre protección de datos, al Delegado de Protección de Datos.

La Dirección""")
tpl("es", "transcripts", "pos", """agente: ⟪energía del sur¦aguas de levante¦telecable norte⟫ buenos días le atiende [[G.2_]] en qué puedo ayudarle
llamante: sí hola eh soy [[P_]] llamo por ⟪la domiciliación¦la lectura del contador¦la última factura⟫
agente: me deletrea el apellido por favor
llamante: ⟪sí¦claro¦eh sí⟫ [[S~]]
agente: [[S~]] gracias ⟪y el código postal¦y la fecha de nacimiento¦y el número de cliente⟫""")
tpl("es", "transcripts", "neg", """bienvenido a ⟪seguros galerna¦energía del sur¦banco del turia⟫ ⟪para partes de siniestro pulse uno¦para atención al cliente pulse dos⟫
agente: ⟪siniestros¦atención al cliente¦contabilidad⟫ buenos días
llamante: sí hola eh llamo por ⟪el huracán milton¦la cita de la consulta de parkinson¦un cargo duplicado⟫
agente: ⟪no se retire¦le paso con contabilidad¦un momento que lo miro⟫""")
tpl("es", "misc", "pos", """⟪Boletín del colegio ⟪Miguel Hernández¦Gloria Fuertes¦San José de Calasanz¦Rosalía de Castro⟫
¡Enhorabuena a [[P]] (⟪4.º¦5.º¦6.º⟫ de Primaria) por ⟪el concurso de lectura¦el primer premio de ajedrez¦el premio de dibujo⟫! La fiesta de ⟪San Juan¦fin de curso⟫ recaudó ⟪850 €¦1.200 €⟫: gracias a [[P.2]] y al AMPA. {{3:La profesora|El profesor}} [[S.3]] ⟪se jubila en junio¦lleva el coro este año¦se incorpora en septiembre⟫.¦La tortilla de {{1:la abuela|el abuelo}} [[G]] (para 6)
Receta apuntada por [[P.2]] ⟪para el libro de cocina del barrio¦después de las fiestas de San Fermín¦para los nietos⟫. Menos fina que unos huevos Benedict, pero todos repiten. [[G!]] ⟪siempre ponía cebolla¦la dejaba poco cuajada⟫.⟫""")
tpl("es", "misc", "neg", """Agenda de ⟪mayo¦junio¦julio¦octubre⟫
⟪Viernes¦Sábado⟫: hogueras de San Juan en ⟪la playa de San Lorenzo¦el parque de María Luisa¦la plaza de Cervantes⟫
⟪Domingo¦Miércoles⟫: cine infantil, ⟪Don Quijote¦Mortadelo y Filemón¦Manolito Gafotas¦Pippi Calzaslargas⟫
⟪Jueves¦Martes⟫: Real Madrid – ⟪Real Sociedad¦Athletic¦Sevilla⟫ en pantalla grande
⟪El huracán Milton retrasa los vuelos a San José.¦Las procesiones de Semana Santa cortan la calle San Vicente.¦Cerrado el día de Reyes.⟫""")

# ---------------------------------------------------------------------------
# Italian
# ---------------------------------------------------------------------------
tpl("it", "clinical", "pos", """Diario clinico — ⟪reparto Cotugno¦Neurologia, Policlinico¦Ospedale San Raffaele, Gastroenterologia¦Fatebenefratelli, Medicina⟫
{{1:La paziente|Il paziente}} [[P]], ⟪morbo di Parkinson noto¦morbo di Crohn in fase attiva¦esiti di intervento sec. Whipple¦tiroidite di Hashimoto⟫. ⟪Segno di Babinski assente¦Segno di Blumberg negativo¦GCS 15⟫, ⟪catetere di Foley rimosso oggi¦apiretic{{1:a|o}}¦in poltrona⟫. Discusso con {{2:la dott.ssa|il dott.}} [[S.2]]. {{3:La figlia|Il figlio}}, [[P.3]], chiede di essere {{3:richiamata|richiamato}} al [[PHONE]]. ⟪Prosegue Zelvora.¦Sospeso Trantiva.¦Passaggio a levodopa RP.⟫""")
tpl("it", "clinical", "neg", """Avviso al personale del ⟪reparto Cotugno¦reparto Moscati¦terzo piano⟫: da ⟪lunedì¦settimana prossima¦settembre⟫ l'ambulatorio Parkinson si sposta al padiglione ⟪Golgi¦Marcello Malpighi¦Forlanini⟫. I cateteri di Foley e i set per catetere di Hickman sono ora in magazzino. Registrare la scala di Braden all'ingresso e la Glasgow Coma Scale ⟪ogni ora¦ogni quattro ore⟫ nei traumi cranici. ⟪Per dubbi rivolgersi alla coordinatrice infermieristica.¦Il punteggio di Apgar si registra solo in Sala parto.⟫""")
tpl("it", "work", "pos", """⟪[[G]]¦[[G_]]⟫ ⟪09:04¦09:16¦08:52⟫
Ciao a tutti! Ieri: ⟪finito il modulo Terraform per gli alert di Grafana¦mergiato il fix del consumer Kafka¦ripulita la pipeline Jenkins⟫. Oggi: ⟪con [[G.2]] sul progetto Aurora¦note di rilascio di «Hazel» con [[G.2]]¦review della PR di [[S.2]] sull'export Confluence⟫. Blocchi: ⟪Jira lentissimo¦aspettiamo l'Ufficio legale¦nessuno⟫
⟪[[G.3]]¦[[G.3_]]⟫ ⟪09:22¦09:35⟫
👍 coinvolgo [[N.4]] per ⟪l'accesso a Kubernetes¦la reperibilità PagerDuty¦la policy di Vault⟫""")
tpl("it", "work", "neg", """Note di rilascio — ⟪Hazel¦Juniper¦Aurora¦Marigold⟫ ⟪2.4¦3.1¦1.9⟫
- supporto a Kubernetes 1.⟪30¦31⟫
- dashboard Grafana per i consumer Kafka
- pipeline Jenkins migrata su ⟪GitHub Actions¦Argo Workflows⟫
Problema noto: il provider Terraform per ⟪Datadog¦PagerDuty¦Okta⟫ richiede ancora un import manuale. ⟪Grazie al team Piattaforma!¦Domande nel canale release.¦Rilascio lunedì, con l'ok dell'Ufficio legale.⟫""")
tpl("it", "support", "pos", """Oggetto: Reclamo — ⟪stivali Dr. Martens¦cappotto Max Mara¦lavatrice Candy¦macchina Lavazza⟫

Gentili signori,

ho acquistato l'articolo ⟪nel vostro negozio di via Garibaldi¦alla Rinascente di piazza Duomo¦nel punto vendita di San Donato¦in corso Vittorio Emanuele⟫ ⟪a gennaio¦due settimane fa¦durante i saldi⟫ e ⟪la suola si è staccata dopo una settimana¦dà errore dal secondo giorno¦la cerniera si è rotta⟫. {{2:La vostra collega|Il vostro collega}} [[P.2]] mi aveva promesso di richiamarmi, ma non si è fatto vivo nessuno. Il mio numero è [[PHONE]].

Cordiali saluti,
[[P]]""")
tpl("it", "support", "neg", """Resi e cambi
Nel nostro negozio di ⟪via Garibaldi¦corso Vittorio Emanuele¦San Donato¦piazza Cavour⟫ accettiamo resi di articoli ⟪Max Mara¦Giorgio Armani¦Valentino¦Salvatore Ferragamo⟫ entro ⟪14¦30⟫ giorni con lo scontrino. Gli acquisti fatti alla Rinascente vanno resi lì. ⟪La nostra assistente virtuale risponde 24 ore su 24.¦Il Servizio clienti vi invierà un'etichetta di reso.¦L'Amministrazione rimborsa entro dieci giorni.⟫""")
tpl("it", "letters", "pos", """⟪Gentile Commissione,

sostengo con convinzione la candidatura di [[P]] alla ⟪borsa Fulbright¦borsa Marie Curie¦borsa Erasmus Mundus⟫. [[G]] ha lavorato ⟪due anni all'Istituto Mario Negri¦all'Ospedale San Raffaele¦alla Fondazione Agnelli⟫ sotto la mia supervisione e ⟪ha guidato un proprio progetto¦ha pubblicato un lavoro eccellente⟫.

Cordiali saluti,

{{2:Prof.ssa|Prof.}} [[P.2]]
Dipartimento di ⟪Economia¦Biologia cellulare⟫¦{{1:Gentile signora|Gentile signor}} [[S]],

abbiamo ricevuto la sua denuncia di sinistro ⟪per la grandinata¦per danni da acqua¦per il veicolo⟫. Il nostro perito, [[P.2]], la contatterà ⟪nei prossimi giorni¦in settimana⟫. Per qualsiasi domanda si rivolga a [[P.3]], ufficio sinistri.

Distinti saluti,
Assicurazioni Maestrale⟫""")
tpl("it", "letters", "neg", """A tutto il personale

dal ⟪1° settembre¦mese prossimo¦prossimo trimestre⟫ l'Ufficio del personale si trasferisce nella palazzina ⟪Galileo¦Marconi¦Fermi¦Volta⟫. I revisori di ⟪Ernst & Young¦Deloitte¦KPMG⟫ saranno in sede a ⟪maggio¦giugno¦ottobre⟫. Le candidature per il Premio Strega e per le borse Fulbright passano dal Rettorato. Per la privacy rivolgersi al Responsabile della protezione dei dati.

La Direzione""")
tpl("it", "transcripts", "pos", """operatore: ⟪energia del golfo¦acque del lario¦telefonia centro⟫ buongiorno sono [[G.2_]] come posso aiutarla
chiamante: sì buongiorno ehm sono [[P_]] chiamo per ⟪la domiciliazione¦la lettura del contatore¦l'ultima bolletta⟫
operatore: mi può fare lo spelling del cognome
chiamante: ⟪sì¦certo¦allora⟫ [[S~]]
operatore: [[S~]] grazie ⟪e il cap¦e la data di nascita¦e il codice cliente⟫""")
tpl("it", "transcripts", "neg", """benvenuti in ⟪assicurazioni maestrale¦energia del golfo¦banca del lario⟫ ⟪per denunciare un sinistro prema uno¦per il servizio clienti prema due⟫
operatrice: ⟪ufficio sinistri¦servizio clienti¦amministrazione⟫ buongiorno
chiamante: sì buongiorno ehm chiamo per ⟪la grandinata¦l'appuntamento all'ambulatorio parkinson¦un addebito doppio⟫
operatrice: ⟪resti in linea¦le passo l'amministrazione¦un attimo che controllo⟫""")
tpl("it", "misc", "pos", """⟪Notiziario della scuola ⟪Gianni Rodari¦Maria Montessori¦Don Milani¦Giovanni Pascoli⟫
Complimenti a [[P]] (⟪4ª¦5ª¦3ª⟫ B) per ⟪il concorso di lettura¦il primo premio di scacchi¦il premio di disegno⟫! La festa di ⟪San Giovanni¦fine anno⟫ ha raccolto ⟪850 €¦1.200 €⟫: grazie a [[P.2]] e al comitato genitori. {{3:La maestra|Il maestro}} [[S.3]] ⟪va in pensione a giugno¦guida il coro quest'anno¦arriva a settembre⟫.¦Il ragù di {{1:nonna|nonno}} [[G]] (per 6)
Ricetta trascritta da [[P.2]] ⟪per il ricettario della parrocchia¦dopo la festa di San Giovanni¦per i nipoti⟫. Meno elegante di una pizza Margherita o di un carpaccio, ma tutti ne chiedono ancora. [[G!]] ⟪lo lasciava cuocere quattro ore¦non metteva mai l'aglio⟫.⟫""")
tpl("it", "misc", "neg", """Appuntamenti di ⟪maggio¦giugno¦luglio¦ottobre⟫
⟪Venerdì¦Sabato⟫: fuochi di San Giovanni ⟪ai Giardini Margherita¦in piazza Garibaldi¦sul lungomare Colombo⟫
⟪Domenica¦Mercoledì⟫: cinema per bambini, ⟪Pinocchio¦Pippi Calzelunghe¦Geronimo Stilton¦La Pimpa⟫
⟪Giovedì¦Martedì⟫: Juventus – ⟪Fiorentina¦Sampdoria¦Lazio⟫ sul maxischermo
⟪La tempesta Ciarán ha chiuso la strada per San Remo.¦Visita guidata al Vittoriale al completo.¦Chiuso il giorno di Ferragosto.⟫""")

# ---------------------------------------------------------------------------
# Portuguese
# ---------------------------------------------------------------------------
tpl("pt", "clinical", "pos", """Diário clínico — ⟪Hospital de Santa Maria, Neurologia¦Hospital de São João, Gastrenterologia¦Hospital Pedro Hispano, piso 3¦Hospital Egas Moniz, Medicina⟫
{{1:Utente|Utente}}: [[P]], ⟪doença de Parkinson conhecida¦doença de Crohn em agudização¦pós-operatório de Whipple¦doença de Graves recente⟫. ⟪Sinal de Babinski negativo¦Sinal de Murphy negativo¦Escala de Glasgow 15⟫, ⟪sonda de Foley retirada hoje¦apirético{{1:a|}}¦levante para o cadeirão⟫. Discutido com {{2:a Dr.ª|o Dr.}} [[S.2]]. {{3:A filha|O filho}}, [[P.3]], pede contacto para o [[PHONE]]. ⟪Mantém Zelvora.¦Suspende Trantiva.¦Passa a levodopa de libertação prolongada.⟫""")
tpl("pt", "clinical", "neg", """Aviso aos profissionais do ⟪piso 3¦serviço de Neurologia¦internamento de Medicina⟫: a partir de ⟪segunda-feira¦da próxima semana¦setembro⟫ a consulta de Parkinson passa para o edifício ⟪Egas Moniz¦Pedro Hispano¦Ricardo Jorge⟫, ⟪rés-do-chão¦sala 3⟫. As sondas de Foley e os cateteres de Hickman estão agora no armazém. Registem a escala de Braden na admissão e a escala de Glasgow ⟪de hora a hora¦de quatro em quatro horas⟫ nos traumatismos cranianos. ⟪Dúvidas à enfermeira-chefe.¦O índice de Apgar regista-se só no Bloco de Partos.⟫""")
tpl("pt", "work", "pos", """⟪[[G]]¦[[G_]]⟫ ⟪09:03¦09:18¦08:50⟫
Bom dia! Ontem: ⟪acabei o módulo de Terraform para os alertas do Grafana¦fiz merge da correção do consumer de Kafka¦limpei o pipeline do Jenkins⟫. Hoje: ⟪com [[G.2]] no projeto Aurora¦notas de versão do «Hazel» com [[G.2]]¦rever o PR de [[S.2]] sobre a exportação do Confluence⟫. Bloqueios: ⟪o Jira está lentíssimo¦à espera do Jurídico¦nenhum⟫
⟪[[G.3]]¦[[G.3_]]⟫ ⟪09:25¦09:31⟫
👍 vou chamar [[N.4]] por causa ⟪do acesso ao Kubernetes¦da escala do PagerDuty¦da política do Vault⟫""")
tpl("pt", "work", "neg", """Notas de versão — ⟪Hazel¦Juniper¦Aurora¦Marigold⟫ ⟪2.4¦3.1¦1.9⟫
- suporte para Kubernetes 1.⟪30¦31⟫
- dashboards do Grafana para os consumers de Kafka
- pipeline do Jenkins migrado para ⟪GitHub Actions¦Argo Workflows⟫
Problema conhecido: o provider de Terraform para ⟪Datadog¦PagerDuty¦Okta⟫ ainda precisa de importação manual. ⟪Obrigado, equipa de Plataforma!¦Dúvidas no canal de releases.¦Implementação na segunda-feira, com o aval do Jurídico.⟫""")
tpl("pt", "support", "pos", """Assunto: Reclamação — ⟪botas Dr. Martens¦casaco Massimo Dutti¦máquina de lavar Bosch¦máquina Delta Q⟫

Boa tarde,

Comprei o artigo ⟪na vossa loja da Rua Augusta¦no Colombo¦na loja de Santo António¦no Vasco da Gama⟫ ⟪em janeiro¦há duas semanas¦nos saldos⟫ e ⟪a sola descolou ao fim de uma semana¦dá erro desde o segundo dia¦o fecho partiu-se⟫. {{2:A vossa colega|O vosso colega}} [[P.2]] prometeu que me ligavam, mas ninguém ligou. O meu telemóvel é o [[PHONE]].

Com os melhores cumprimentos,
[[P]]""")
tpl("pt", "support", "neg", """Trocas e devoluções
Na nossa loja ⟪da Rua Augusta¦do Colombo¦do Vasco da Gama¦de Santo António⟫ aceitamos devoluções de artigos ⟪Massimo Dutti¦Tommy Hilfiger¦Calvin Klein¦Ralph Lauren⟫ no prazo de ⟪14¦30⟫ dias com talão. O que foi comprado no El Corte Inglés devolve-se lá. ⟪A nossa assistente virtual responde 24 horas por dia.¦O Apoio ao Cliente envia-lhe uma etiqueta de devolução.¦A Contabilidade reembolsa em dez dias.⟫""")
tpl("pt", "letters", "pos", """⟪Exmos. Senhores,

Apoio sem reservas a candidatura de [[P]] à ⟪bolsa Fulbright¦bolsa Marie Curie¦bolsa da Fundação Calouste Gulbenkian⟫. [[G]] trabalhou ⟪dois anos na Fundação Champalimaud¦no Instituto Ricardo Jorge¦no Hospital Egas Moniz⟫ sob a minha orientação e ⟪liderou um projeto próprio¦publicou um trabalho excelente⟫.

Com os melhores cumprimentos,

[[P.2]]
{{2:Professora catedrática|Professor catedrático}} de ⟪Economia¦Biologia Celular⟫¦{{1:Exma. Senhora|Exmo. Senhor}} [[P]],

Recebemos a sua participação de sinistro ⟪na sequência da tempestade¦por danos por água¦relativa ao seu veículo⟫. O nosso perito, [[P.2]], irá contactá-lo{{1:a|}} ⟪nos próximos dias¦esta semana⟫. Para qualquer questão, contacte [[P.3]], do departamento de sinistros.

Com os melhores cumprimentos,
Seguros Nortada⟫""")
tpl("pt", "letters", "neg", """A todos os colaboradores

A partir de ⟪1 de setembro¦do próximo mês¦do próximo trimestre⟫ os Recursos Humanos mudam-se para o edifício ⟪Egas Moniz¦Gago Coutinho¦Vasco da Gama⟫. Os auditores da ⟪Ernst & Young¦Deloitte¦KPMG⟫ estarão cá em ⟪maio¦junho¦outubro⟫. As candidaturas ao Prémio Camões e às bolsas da Gulbenkian seguem pela Reitoria. Questões de proteção de dados: o Encarregado de Proteção de Dados.

A Direção""")
tpl("pt", "transcripts", "pos", """operador: ⟪energia do atlântico¦águas do mondego¦telecom centro⟫ bom dia fala [[G.2_]] em que posso ajudar
cliente: sim bom dia hum é [[P_]] ligo por causa ⟪do débito direto¦da leitura do contador¦da última fatura⟫
operador: pode soletrar o apelido por favor
cliente: ⟪sim¦claro¦então⟫ [[S~]]
operador: [[S~]] obrigado ⟪e o código postal¦e a data de nascimento¦e o número de cliente⟫""")
tpl("pt", "transcripts", "neg", """bem-vindo à ⟪seguros nortada¦energia do atlântico¦caixa do mondego⟫ ⟪para participar um sinistro prima um¦para apoio ao cliente prima dois⟫
operadora: ⟪sinistros¦apoio ao cliente¦contabilidade⟫ bom dia
cliente: sim bom dia hum ligo por causa ⟪da tempestade¦da consulta de parkinson¦de um débito em duplicado⟫
operadora: ⟪não desligue¦vou passar à contabilidade¦um momento que eu vejo⟫""")
tpl("pt", "misc", "pos", """⟪Boletim da escola ⟪Sophia de Mello Breyner¦Padre António Vieira¦Eça de Queirós¦Fernando Pessoa⟫
Parabéns a [[P]] (⟪4.º¦3.º¦2.º⟫ ano) pelo ⟪concurso de leitura¦primeiro prémio de xadrez¦prémio de desenho⟫! Os Santos Populares renderam ⟪850 €¦1200 €⟫: obrigado a [[P.2]] e à associação de pais. {{3:A professora|O professor}} [[S.3]] ⟪reforma-se em julho¦dirige o coro este ano¦chega em setembro⟫.¦O bacalhau {{1:da avó|do avô}} [[G]] (para 6)
Receita escrita por [[P.2]] ⟪para o livro de receitas da paróquia¦depois do Santo António¦para os netos⟫. Menos fino do que um bacalhau à Gomes de Sá, mas todos repetem. [[G!]] ⟪demolhava sempre dois dias¦usava muito azeite⟫.⟫""")
tpl("pt", "misc", "neg", """Agenda de ⟪maio¦junho¦julho¦outubro⟫
⟪Sexta¦Sábado⟫: arraial de Santo António ⟪em Alfama¦na Praça do Comércio¦no largo de São Domingos⟫
⟪Domingo¦Quarta⟫: cinema infantil, ⟪Pinóquio¦Heidi¦Astérix¦O Principezinho⟫
⟪Quinta¦Terça⟫: Sporting – ⟪Vitória de Guimarães¦Boavista¦Gil Vicente⟫ no ecrã gigante
⟪A tempestade Martinho cortou a estrada para São Martinho do Porto.¦Visita ao Padrão dos Descobrimentos esgotada.¦Fechado no dia de São João.⟫""")

# ---------------------------------------------------------------------------
# Dutch
# ---------------------------------------------------------------------------
tpl("nl", "clinical", "pos", """Overdracht ⟪afdeling 3 Noord¦afdeling C4¦Wilhelmina-afdeling¦Florence Nightingale-vleugel⟫, [[DATE]]
Patiënt [[P]], ⟪bekend met de ziekte van Parkinson¦ziekte van Crohn, opvlamming¦status na Whipple-operatie¦ziekte van Graves, nieuw⟫. ⟪Babinski negatief¦Teken van Lasègue links positief¦EMV-score 15⟫, ⟪Foley-katheter vandaag verwijderd¦koortsvrij¦mobiliseert met rollator⟫. Besproken met dr. [[S.2]]. {{3:Dochter|Zoon}} [[P.3]] wil graag gebeld worden op [[PHONE]]. ⟪Zelvora continueren.¦Trantiva gestopt.¦Overstap naar levodopa retard.⟫""")
tpl("nl", "clinical", "neg", """Mededeling ⟪afdeling 3 Noord¦afdeling C4¦Wilhelmina-afdeling⟫: vanaf ⟪maandag¦volgende week¦september⟫ zit het Parkinsonspreekuur in het ⟪Antoni van Leeuwenhoek-gebouw¦Boerhaave-paviljoen¦Sint Maartensgebouw⟫, ⟪begane grond¦kamer 3⟫. Foley-katheters en Hickman-sets liggen nu in het magazijn. Graag de Braden-score bij opname en de EMV-score ⟪elk uur¦elke vier uur⟫ bij hoofdletsel vastleggen. ⟪Vragen aan de teamleider.¦De Apgarscore wordt alleen op de verloskamer genoteerd.⟫""")
tpl("nl", "work", "pos", """⟪[[G]]¦[[G_]]⟫ ⟪09:01¦09:13¦08:49⟫
Goedemorgen! Gisteren: ⟪Terraform-module voor de Grafana-alerts af¦Kafka-consumerfix gemerged¦Jenkins-pipeline opgeschoond⟫. Vandaag: ⟪met [[G.2]] aan project Aurora¦releasenotes van „Hazel” met [[G.2]]¦review van de PR van [[S.2]] voor de Confluence-export⟫. Blokkades: ⟪Jira is weer traag¦wachten op Juridische Zaken¦geen⟫
⟪[[G.3]]¦[[G.3_]]⟫ ⟪09:24¦09:30⟫
👍 ik haal [[N.4]] erbij voor ⟪Kubernetes-toegang¦het PagerDuty-rooster¦de Vault-policy⟫""")
tpl("nl", "work", "neg", """Releasenotes — ⟪Hazel¦Juniper¦Aurora¦Marigold⟫ ⟪2.4¦3.1¦1.9⟫
- ondersteuning voor Kubernetes 1.⟪30¦31⟫
- Grafana-dashboards voor de Kafka-consumers
- Jenkins-pipeline verhuisd naar ⟪GitHub Actions¦Argo Workflows⟫
Bekend probleem: de Terraform-provider voor ⟪Datadog¦PagerDuty¦Okta⟫ heeft nog een handmatige import nodig. ⟪Dank aan team Platform!¦Vragen in het releasekanaal.¦Uitrol maandag, akkoord van Juridische Zaken.⟫""")
tpl("nl", "support", "pos", """Onderwerp: Klacht — ⟪Dr. Martens-laarzen¦jas van Tommy Hilfiger¦Miele-wasmachine¦Philips-koffiezetapparaat⟫

Geachte heer/mevrouw,

Ik heb het artikel ⟪in uw winkel in de Kalverstraat¦bij de Bijenkorf¦in uw filiaal in Sint-Michielsgestel¦op de Lijnbaan⟫ gekocht ⟪in januari¦twee weken geleden¦in de uitverkoop⟫. ⟪Na een week liet de zool los.¦Het apparaat geeft sinds dag twee een foutmelding.¦De rits is kapot.⟫ Uw collega [[P.2]] beloofde dat ik teruggebeld zou worden, maar niemand heeft gebeld. U kunt mij bereiken op [[PHONE]].

Met vriendelijke groet,
[[P]]""")
tpl("nl", "support", "neg", """Ruilen en retourneren
In onze winkel ⟪in de Kalverstraat¦op de Lijnbaan¦in Sint-Michielsgestel¦aan de Wilhelminastraat⟫ kunt u artikelen van ⟪Tommy Hilfiger¦Calvin Klein¦Scotch & Soda¦Hugo Boss⟫ binnen ⟪14¦30⟫ dagen met kassabon retourneren. Wat bij de Bijenkorf is gekocht, gaat daar terug. ⟪Onze virtuele assistent helpt u dag en nacht.¦De klantenservice stuurt u een retourlabel.¦De administratie betaalt binnen tien dagen terug.⟫""")
tpl("nl", "letters", "pos", """⟪Geachte commissie,

Van harte steun ik de aanvraag van [[P]] voor de ⟪Fulbright-beurs¦Marie Curie-beurs¦Erasmus Mundus-beurs⟫. [[G!]] werkte ⟪twee jaar in het Antoni van Leeuwenhoek¦bij het Erasmus MC¦aan het Hubrecht Instituut⟫ onder mijn begeleiding en ⟪leidde een eigen project¦publiceerde uitstekend werk⟫.

Met vriendelijke groet,

prof. dr. [[P.2]]
Afdeling ⟪Economie¦Celbiologie⟫¦Geachte {{1:mevrouw|heer}} [[S]],

Wij hebben uw schademelding ⟪na de storm¦voor waterschade¦voor uw auto⟫ ontvangen. Onze expert, [[P.2]], neemt ⟪de komende dagen¦deze week⟫ contact met u op. Met vragen kunt u terecht bij [[P.3]] van de afdeling schade.

Met vriendelijke groet,
Verzekeringen De Branding⟫""")
tpl("nl", "letters", "neg", """Aan alle medewerkers

Vanaf ⟪1 september¦volgende maand¦het volgende kwartaal⟫ verhuist HR naar het ⟪Huygensgebouw¦Erasmusgebouw¦Lorentzgebouw¦Spinozagebouw⟫. De accountants van ⟪Ernst & Young¦Deloitte¦KPMG⟫ zijn in ⟪mei¦juni¦oktober⟫ in huis. Aanvragen voor de Spinozapremie en de Fulbright-beurzen lopen via het College van Bestuur. Vragen over privacy gaan naar de Functionaris Gegevensbescherming.

De directie""")
tpl("nl", "transcripts", "pos", """medewerker: ⟪energie noord¦waterbedrijf de vallei¦kabelnet oost⟫ goedemorgen u spreekt met [[G.2_]] waarmee kan ik u helpen
beller: ja goedemorgen eh met [[P_]] ik bel over ⟪mijn termijnbedrag¦de meterstand¦de laatste rekening⟫
medewerker: kunt u de achternaam even spellen
beller: ⟪ja¦zeker¦eh ja⟫ [[S~]]
medewerker: [[S~]] dank u ⟪en uw postcode¦en uw geboortedatum¦en het klantnummer⟫""")
tpl("nl", "transcripts", "neg", """welkom bij ⟪verzekeringen de branding¦energie noord¦bank de vallei⟫ ⟪voor schade meldingen toets één¦voor de klantenservice toets twee⟫
medewerker: ⟪schadeafdeling¦klantenservice¦administratie⟫ goedemorgen
beller: ja goedemorgen eh ik bel over ⟪de storm¦de afspraak bij het parkinsonspreekuur¦een dubbele afschrijving⟫
medewerker: ⟪blijft u even aan de lijn¦ik verbind u met de administratie¦momentje ik kijk even⟫""")
tpl("nl", "misc", "pos", """⟪Nieuwsbrief ⟪basisschool De Regenboog¦Willem-Alexanderschool¦Anne Frankschool¦Sint-Jozefschool⟫
Gefeliciteerd [[P]] (⟪groep 6¦groep 7¦groep 8⟫) met ⟪de voorleeswedstrijd¦de eerste prijs bij het schaken¦de tekenprijs⟫! De ⟪Sint-Maartenoptocht¦zomermarkt¦kerstmarkt⟫ bracht ⟪€ 850¦€ 1.200⟫ op: dank aan [[P.2]] en de ouderraad. {{3:Juf|Meester}} [[S.3]] ⟪gaat in juli met pensioen¦leidt dit jaar het koor¦begint in september⟫.¦Appeltaart van {{1:oma|opa}} [[G]] (12 punten)
Opgeschreven door [[P.2]] ⟪voor het kookboek van de wijk¦na Koningsdag¦voor de kleinkinderen⟫. Minder chic dan een Bossche bol of een Haagse kakker, maar iedereen vraagt erom. [[G!]] ⟪gebruikte altijd goudreinetten¦deed er veel kaneel in⟫.⟫""")
tpl("nl", "misc", "neg", """Agenda ⟪mei¦juni¦juli¦oktober⟫
⟪Vrijdag¦Zaterdag⟫: Koningsdag-vrijmarkt ⟪op het Wilhelminaplein¦langs de Prins Hendrikkade¦bij het Rembrandtplein⟫
⟪Zondag¦Woensdag⟫: kinderfilm, ⟪Nijntje¦Pippi Langkous¦Dikkertje Dap¦Kikker⟫
⟪Donderdag¦Dinsdag⟫: Feyenoord – ⟪Willem II¦Go Ahead Eagles¦Sparta⟫ op groot scherm
⟪Storm Ciarán legt de veerdienst naar Sint Maarten stil.¦Rondleiding bij het Nationaal Monument vol.¦Gesloten op Sinterklaasavond.⟫""")


if __name__ == "__main__":
    main()

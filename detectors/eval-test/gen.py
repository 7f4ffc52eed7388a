#!/usr/bin/env python3
"""Generator for the held-back PII/PHI TEST set (detectors/eval-test/test.jsonl).

Standard library only, fixed seed, byte-for-byte deterministic.

    python3 gen.py               # writes test.jsonl next to this file
    TEST_CHECK=1 python3 gen.py  # writes, then self-checks (spans, checksums, determinism)

Every name, street, template and identifier format below was written by hand for this
set.  It was written without reading the detectors or the other evaluation sets.

Template mini-language (used by every template below):
    ⟨a|b|c⟩         pick one alternative (may nest; "⟨x|⟩" makes x optional; "¦" is a literal "|")
    ⟦gen:arg#key=L⟧ call generator `gen` with args; "#key" reuses the first rendering in
                    this prompt; "=L" relabels the value as entity L ("=-" leaves it unlabeled)
    ⟦p1.style⟧      person p1 (p1..p9 patients/customers/staff, d1..d4 clinicians), e.g.
                    ⟦p1⟧ ⟦p1.full⟧ ⟦p1.sg⟧ ⟦p1.sur⟧ ⟦p1.dob⟧ ⟦p1.email⟧ ⟦p1.cf⟧ ⟦p1.she⟧
"""

import base64
import datetime
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

SEED = 73310961
N_TOTAL = 1000
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "test.jsonl")

# Target prompts per language (sum = N_TOTAL) and the share of negatives in each.
LANG_TARGET = {"en": 590, "de": 75, "fr": 75, "es": 65, "it": 50, "nl": 50, "pt": 50,
               "pl": 15, "sv": 15, "tr": 15}
NEG_SHARE = 0.30

LABELS = ["PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN", "US_BANK_ROUTING",
          "SWIFT_BIC", "ACCOUNT_NUMBER", "IP_ADDRESS", "URL", "DATE", "STREET_ADDRESS",
          "ZIP_CODE", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "NPI", "DEA_NUMBER",
          "ICD10_CODE", "US_PASSPORT", "US_DRIVER_LICENSE", "UK_NHS", "UK_NINO", "DE_TAX_ID",
          "FR_NIR", "ES_DNI", "IT_FISCAL_CODE", "NL_BSN", "VEHICLE_ID", "DEVICE_ID", "API_KEY"]

# ---------------------------------------------------------------------------------------
# Names, written by hand, by culture.  m / f: given names; s: surnames ("M/F" when the
# surname agrees with sex); order "gs" (given first) or "sg" (family name first natively).
# ---------------------------------------------------------------------------------------
CULTURES = {
    "yoruba": dict(m="Adebayo|Babatunde|Oluwaseun|Olamide|Ayodele|Kehinde|Adewale|Oluwatobi",
                   f="Folasade|Temitope|Yetunde|Morenike|Damilola|Adeola|Titilayo|Omolara",
                   s="Adeyemi|Ogunleye|Oyelaran|Akinola|Balogun|Olatunji|Adebisi|Ogundipe|Fasanmi|Odukoya|Adesanya-Cole"),
    "igbo": dict(m="Chukwuemeka|Obinna|Ifeanyi|Nnamdi|Uchenna|Kelechi|Chidozie|Ikenna",
                 f="Ngozi|Chiamaka|Adaeze|Ebere|Chidinma|Ozioma|Nneka|Ifunanya",
                 s="Okafor|Nwosu|Eze|Okonkwo|Nwachukwu|Anyanwu|Igwe|Okeke|Ezeudu|Onwuachi|Nwankwo-Obi"),
    "amharic": dict(m="Abebe|Dawit|Yohannes|Tesfaye|Bereket|Getachew|Mulugeta|Henok",
                    f="Tigist|Meseret|Hirut|Selamawit|Mekdes|Almaz|Bethlehem|Tsion",
                    s="Kebede|Haile|Tadesse|Wolde|Alemu|Bekele|Gebremariam|Asfaw|Mengistu|Desta|Woldegiorgis"),
    "tamil": dict(m="Karthik|Senthil|Arul|Murugan|Vignesh|Sathish|Balaji|Ilango",
                  f="Priya|Meenakshi|Kavitha|Lakshmi|Anbarasi|Thenmozhi|Revathi|Kayalvizhi",
                  s="Subramanian|Ramasamy|Krishnan|Annamalai|Palaniappan|Venkatesan|Rajendran|Sundaram|Arumugam|Natarajan|Kandasamy"),
    "telugu": dict(m="Srinivas|Venkata Ramana|Naga Chaitanya|Ravi Teja|Sai Kiran|Prasad|Mahesh Babu|Chandrasekhar",
                   f="Lavanya|Sravani|Padmaja|Bhavani|Anusha|Sirisha|Haritha|Sowmya",
                   s="Reddy|Chowdary|Naidu|Gollapudi|Vemuri|Kandula|Yarlagadda|Bommireddy|Pasupuleti|Koneru|Tummala"),
    "bengali": dict(m="Arnab|Sourav|Rafiq|Debashish|Imran|Anirban|Tanvir|Subhojit",
                    f="Moumita|Tanushree|Nusrat|Shampa|Rituparna|Farzana|Sreoshi|Mahiya",
                    s="Chatterjee|Bhattacharya|Mukherjee|Das|Sen|Hossain|Rahman|Chowdhury|Banerjee|Ghosh|Sarkar|Talukder"),
    "punjabi": dict(m="Gurpreet|Harjinder|Amarjit|Baljit|Kuldeep|Jaswant|Navjot|Sukhwinder",
                    f="Manpreet|Jaswinder|Simran|Harleen|Rajwinder|Navneet|Gurleen|Amandeep",
                    s="Sandhu|Gill|Dhillon|Grewal|Sidhu|Brar|Randhawa|Bajwa|Cheema|Virk|Aulakh"),
    "hindi": dict(m="Aarav|Rohit|Vikram|Anshul|Manoj|Siddharth|Pranav|Deepak",
                  f="Ananya|Pooja|Neha|Sunita|Kavya|Ritika|Shalini|Ishita",
                  s="Sharma|Verma|Gupta|Agarwal|Mishra|Tiwari|Saxena|Chaturvedi|Srivastava|Pandey"),
    "vietnamese": dict(m="Minh Tuấn|Văn Đức|Quang Huy|Hoàng Nam|Đức Anh|Trọng Hiếu|Gia Bảo|Văn Thắng",
                       f="Thu Hà|Ngọc Anh|Thị Lan|Bảo Châu|Thanh Tâm|Phương Linh|Thị Hồng|Khánh Vy",
                       s="Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Võ|Đặng|Bùi|Đỗ|Ngô", order="sg"),
    "thai": dict(m="Somchai|Anan|Thanawat|Wichai|Chaiwat|Kittipong|Narongsak|Phakphum",
                 f="Kanokwan|Pornthip|Supaporn|Nattaya|Siriporn|Wanida|Ratchanee|Pimchanok",
                 s="Srisawat|Wongsuwan|Rattanakorn|Chaiyaporn|Boonmee|Phromsiri|Sukprasert|Thongchai|Intharasombat|Kaewmanee"),
    "filipino": dict(m="Jerome|Rodel|Arnel|Jun-Jun|Ramoncito|Efren|Jomar|Danilo",
                     f="Maria Luisa|Rowena|Marites|Joy|Cristina|Lorna|Mary Grace|Analyn",
                     s="Dela Cruz|Santos|Reyes|Bautista|Villanueva|Macaraeg|Dimaculangan|Magbanua|Pangilinan|Tolentino|De los Santos"),
    "korean": dict(m="Min-jun|Ji-hoon|Dong-hyun|Jae-won|Hyun-woo|Sung-min|Tae-yang|Jun-seo",
                   f="Seo-yeon|Ha-eun|Soo-ah|Eun-ji|Ye-jin|Ji-woo|Hye-rin|Da-som",
                   s="Kim|Lee|Park|Choi|Jung|Kang|Yoon|Jang|Lim|Han|Seo|Hwang", order="sg"),
    "chinese": dict(m="Wei|Haoran|Zhiqiang|Jianguo|Zihan|Yuxuan|Mingzhe|Jiahao",
                    f="Jing|Meiling|Yuting|Lina|Xinyi|Xiaohong|Ruoxi|Shuhui",
                    s="Zhang|Wang|Li|Liu|Chen|Yang|Huang|Zhao|Zhou|Wu|Xu|Ouyang|Sima", order="sg"),
    "japanese": dict(m="Haruto|Sota|Ren|Takeshi|Kenji|Daisuke|Yuto|Shohei",
                     f="Yui|Aoi|Hina|Yumiko|Sakura|Naoko|Misaki|Chihiro",
                     s="Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Fujiwara|Matsumoto|Hasegawa", order="sg"),
    "mongolian": dict(m="Bat-Erdene|Ganbaatar|Temuulen|Batbayar|Erdenebat|Tsogt-Ochir|Munkh-Orgil|Khuslen",
                      f="Oyunchimeg|Enkhjargal|Sarangerel|Munkhtsetseg|Altantsetseg|Nomin|Solongo|Bolormaa",
                      s="Tsogtbaatar|Dorjsuren|Ganbold|Purevdorj|Batsukh|Enkhbold|Luvsandorj|Chuluunbaatar|Damdinsuren", order="sg"),
    "kazakh": dict(m="Yerlan|Arman|Daniyar|Askar|Zhanibek|Nurlan|Bauyrzhan|Yerzhan",
                   f="Aigerim|Dinara|Saule|Gulnara|Madina|Aizhan|Zhuldyz|Kamila",
                   s="Abenov/Abenova|Seitkali|Zhaksybekov/Zhaksybekova|Tulegenov/Tulegenova|Kassymov/Kassymova|Bekturganov/Bekturganova|Ibraimov/Ibraimova|Akhmetov/Akhmetova|Sarsenbayev/Sarsenbayeva"),
    "georgian": dict(m="Giorgi|Levan|Davit|Irakli|Zurab|Lasha|Nikoloz|Tornike",
                     f="Nino|Tamar|Ketevan|Mariam|Eka|Natia|Salome|Tamta",
                     s="Beridze|Kapanadze|Gelashvili|Lomidze|Tsiklauri|Javakhishvili|Maisuradze|Chkheidze|Kvaratskhelia|Abashidze|Japaridze"),
    "armenian": dict(m="Aram|Tigran|Hovhannes|Vardan|Karen|Armen|Gevorg|Sevak",
                     f="Anahit|Lusine|Siranush|Gayane|Nare|Astghik|Mane|Armine",
                     s="Petrosyan|Hakobyan|Grigoryan|Sargsyan|Avetisyan|Harutyunyan|Mkrtchyan|Ghazaryan|Vardanyan|Papazian|Ter-Minasyan"),
    "persian": dict(m="Dariush|Reza|Kourosh|Arash|Behrouz|Farhad|Siavash|Mehrdad",
                    f="Shirin|Maryam|Parisa|Leila|Niloufar|Golnaz|Shabnam|Roya",
                    s="Hosseini|Tehrani|Mohammadi|Rostami|Karimi|Shirazi|Farahani|Jafari|Sadeghi|Mirzaei|Ghorbani"),
    "arabic": dict(m="Khalid|Omar|Youssef|Hamza|Tariq|Ibrahim|Mohammed|Saif",
                   f="Fatima|Layla|Amira|Noor|Salma|Huda|Mariam|Reem",
                   s="al-Harthy|bin Saeed al-Mansouri|El-Sayed|Haddad|Abdelrahman|Khoury|al-Qahtani|ibn Rashid|Mahfouz|Bakr|Al-Zahrani|bin Abdullah al-Otaibi"),
    "hebrew": dict(m="Avi|Eitan|Yonatan|Ori|Moshe|Itai|Gilad|Nadav",
                   f="Yael|Noa|Shira|Michal|Hadas|Tamar|Efrat|Liat",
                   s="Cohen|Levi|Mizrahi|Peretz|Ben-David|Friedman|Azoulay|Shapiro|Katz|Ben-Ami|Avraham"),
    "turkish": dict(m="Mehmet|Emre|Burak|Oğuz|Mustafa|Kerem|Hakan|Serkan",
                    f="Ayşe|Zeynep|Elif|Gülşen|Selin|Çağla|Büşra|Nihan",
                    s="Yılmaz|Kaya|Demir|Şahin|Çelik|Öztürk|Aydın|Arslan|Doğan|Kılıç|Güneş|Karaağaçlı"),
    "greek": dict(m="Dimitrios|Georgios|Nikolaos|Panagiotis|Vasileios|Stavros|Christos|Spyridon",
                  f="Eleni|Konstantina|Sofia|Katerina|Ioanna|Despoina|Chrysoula|Vasiliki",
                  s="Papadopoulos/Papadopoulou|Georgiou|Nikolaidis/Nikolaidou|Konstantinidis/Konstantinidou|Karagiannis/Karagianni|Vlachos/Vlachou|Oikonomou|Christodoulou|Antonopoulos/Antonopoulou|Papanikolaou"),
    "albanian": dict(m="Arben|Besnik|Ermal|Genti|Ilir|Fatos|Dritan|Agron",
                     f="Blerta|Drita|Fjolla|Valbona|Mimoza|Arta|Elira|Teuta",
                     s="Krasniqi|Berisha|Gashi|Shehu|Leka|Dervishi|Bajrami|Kelmendi|Morina|Hysa"),
    "polish": dict(m="Tomasz|Piotr|Krzysztof|Grzegorz|Wojciech|Bartłomiej|Łukasz|Jarosław",
                   f="Katarzyna|Agnieszka|Małgorzata|Zofia|Joanna|Grażyna|Urszula|Magdalena",
                   s="Kowalczyk|Wiśniewski/Wiśniewska|Zieliński/Zielińska|Szymański/Szymańska|Wójcik|Krawczyk|Przybylski/Przybylska|Grabowski/Grabowska|Dąbrowski/Dąbrowska|Jankowski/Jankowska|Brzęczyszczykiewicz"),
    "czech": dict(m="Jiří|Ondřej|Vojtěch|Radek|Zdeněk|Tomáš|Miroslav|Jaroslav",
                  f="Tereza|Lucie|Kateřina|Markéta|Barbora|Zuzana|Jitka|Ludmila",
                  s="Novák/Nováková|Svoboda/Svobodová|Dvořák/Dvořáková|Černý/Černá|Procházka/Procházková|Kučera/Kučerová|Veselý/Veselá|Horák/Horáková|Němec/Němcová|Pokorný/Pokorná"),
    "hungarian": dict(m="László|Bence|Gergely|Ádám|Zoltán|Levente|Csaba|Tibor",
                      f="Zsófia|Eszter|Réka|Katalin|Boglárka|Anikó|Orsolya|Ildikó",
                      s="Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Szőke", order="sg"),
    "romanian": dict(m="Andrei|Mihai|Bogdan|Cătălin|Florin|Răzvan|Ionuț|Sorin",
                     f="Ioana|Elena|Raluca|Alexandra|Ramona|Oana|Mădălina|Simona",
                     s="Popescu|Ionescu|Dumitrescu|Stoica|Constantinescu|Munteanu|Gheorghiu|Rădulescu|Lungu|Marinescu|Țurcanu"),
    "finnish": dict(m="Juha|Mikko|Ville|Janne|Eero|Tapani|Jussi|Olli-Pekka",
                    f="Aino|Kaisa|Helmi|Tuulikki|Saara|Sirpa|Minna|Anna-Liisa",
                    s="Korhonen|Virtanen|Mäkinen|Nieminen|Heikkinen|Järvinen|Lehtonen|Hämäläinen|Kokkonen|Väisänen|Ylä-Outinen"),
    "sami": dict(m="Ánte|Niillas|Áslak|Jovnna|Heaika|Máhtte|Iŋgá|Biera",
                 f="Máret|Elle|Sunná|Biret|Inga|Ristin|Sárá|Ánne",
                 s="Gaup|Sara|Somby|Eira|Buljo|Hætta|Utsi|Balto|Bongo|Labba|Juuso"),
    "icelandic": dict(m="Sigurður|Björn|Ólafur|Kristján|Einar|Þórður|Gunnar|Ragnar",
                      f="Guðrún|Þórdís|Hildur|Ragnheiður|Ásdís|Sigríður|Katrín|Elín",
                      s="Sigurðsson/Sigurðardóttir|Jónsson/Jónsdóttir|Ólafsson/Ólafsdóttir|Einarsson/Einarsdóttir|Gunnarsson/Gunnarsdóttir|Þórsson/Þórsdóttir|Magnússon/Magnúsdóttir|Kristjánsson/Kristjánsdóttir|Helgason/Helgadóttir"),
    "irish": dict(m="Cian|Oisín|Pádraig|Tadhg|Ruairí|Seán|Diarmuid|Cathal",
                  f="Siobhán|Aoife|Niamh|Caoimhe|Gráinne|Saoirse|Clodagh|Róisín",
                  s="Ó Súilleabháin/Ní Shúilleabháin|O'Sullivan|MacCarthy|Ó Dónaill/Ní Dhónaill|Fitzgerald|Mac Giolla Phádraig|Kavanagh|O'Brien|Ó Murchú/Ní Mhurchú|McGettigan|Ó Ceallaigh/Ní Cheallaigh"),
    "basque": dict(m="Iker|Gorka|Unai|Aitor|Xabier|Jon Ander|Mikel|Asier",
                   f="Ainhoa|Itziar|Nerea|Maite|Amaia|Garazi|Edurne|Leire",
                   s="Etxeberria|Agirre|Goikoetxea|Zubizarreta|Arrieta|Urrutia|Larrañaga|Etxaniz|Olaizola|Aranburu|Iturriaga Etxebarria"),
    "catalan": dict(m="Jordi|Pau|Oriol|Arnau|Xavier|Pere|Joan|Martí",
                    f="Montserrat|Núria|Mireia|Laia|Meritxell|Roser|Carme|Aina",
                    s="Puig|Vilanova|Ferrer i Roca|Casals|Soler|Pujol i Serra|Riera|Font|Gironella|Puigdomènech|Mas i Vidal"),
    "quechua": dict(m="Inti|Amaru|Wayra|Kusi|Illari|Sinchi|Yupanqui|Atoq",
                    f="Killa|Sisa|Nina|Ch'aska|Qori|Urpi|Kantu|Ayllu",
                    s="Mamani|Quispe|Huamán|Condori|Ccori|Yupanqui|Huallpa|Cusi|Apaza|Ccahuana|Quispe Tito"),
    "aymara": dict(m="Ayar|Mallku|Saywa|Katari|Wilka|Tupac|Jach'a|Amaru",
                   f="Wara|Nayra|Amaya|Kantuta|Phaxsi|Ch'uwa|Inka|Laylu",
                   s="Choque|Ticona|Chambi|Limachi|Quisbert|Laura|Copa|Huanca|Alanoca|Mamani Choque|Condori Limachi"),
    "mapuche": dict(m="Lautaro|Nahuel|Huenu|Ñancu|Lefxaru|Kallfü|Pelayo|Antü",
                    f="Ayelén|Millaray|Rayen|Llanquiray|Relmu|Ailen|Pichi|Anahí",
                    s="Huenchumilla|Painemal|Catrileo|Millapán|Ñanculef|Curinao|Queupumil|Lefimil|Antinao|Huaiquimil|Llancaqueo"),
    "navajo": dict(m="Ahiga|Dwayne|Kai|Delbert|Hastiin|Tsela|Marvin|Nastas",
                   f="Shandiin|Dezbah|Nizhoni|Doli|Marlena|Ahyoka|Bidziil|Yanaba",
                   s="Begay|Yazzie|Tsosie|Benally|Nez|Tsinajinnie|Yellowhorse|Bitsui|Manygoats|Etsitty|Bedonie"),
    "hawaiian": dict(m="Kealoha|Kaimana|Keoni|Makoa|Kainoa|Kekoa|Ikaika|Kawika",
                     f="Leilani|Malia|Noelani|Pualani|ʻIolani|Kaʻiulani|Healani|Keala",
                     s="Kahananui|Kamakau|Keliʻi|Akana|Kealamakia|Kanahele|Kaleikini|Nāone|Kahale|Makaʻike|Kaʻaihue"),
    "maori": dict(m="Wiremu|Tamati|Rawiri|Manaia|Tane|Hemi|Nikau|Tipene",
                  f="Aroha|Mere|Ngaire|Hine|Anahera|Kiri|Marama|Hana",
                  s="Te Whata|Ngata|Parata|Tipene|Te Rangi|Horomona|Paewai|Rangihuna|Te Huia|Waaka|Tūhoe-Ruru"),
    "samoan": dict(m="Tavita|Sione|Iosefa|Ioane|Faʻalogo|Tupe|Mikaele|Penitito",
                   f="Losa|Salote|Malia|Faʻafetai|Lagi|Vaiola|Siueni|Toleafoa",
                   s="Tuilagi|Faleolo|Aumua|Leota|Seiuli|Tauiliili|Fonoti|Lemalu|Soliai|Tufuga|Faʻamausili"),
    "tongan": dict(m="Siosaia|Viliami|Tevita|Pita|Sione|Semisi|Lopeti|Vaha",
                   f="Mele|ʻAna|Lesieli|Salote|Losaline|Kalolaine|Ofa|Seini",
                   s="Taufa|Fifita|Tupou|Vainikolo|Havili|Kioa|Latu|Moala|Fonua|Hufanga|Vaipulu"),
    "fijian": dict(m="Josefa|Epeli|Apisai|Inoke|Timoci|Viliame|Jone|Ratu Isireli",
                   f="Litia|Salanieta|Mereoni|Vasemaca|Akanisi|Unaisi|Adi Makereta|Sereana",
                   s="Naivalu|Tuivaga|Vunibaka|Koroi|Ravouvou|Waqa|Matanitobua|Delana|Qalo|Nawaqa|Tikoduadua"),
    "malagasy": dict(m="Hery|Tiana|Mamy|Rivo|Njaka|Hasina|Fenosoa|Toky",
                     f="Voahangy|Fanja|Lalao|Haingo|Volana|Fara|Miora|Nirina",
                     s="Rakotomalala|Randriamampionona|Andrianarivo|Rasoanaivo|Razafindrakoto|Ravelojaona|Rabemananjara|Ratsimbazafy|Andriamihaja|Rakotondrabe"),
    "somali": dict(m="Abdirahman|Mohamed|Abdiweli|Liban|Warsame|Guled|Abdikarim|Mahad",
                   f="Hodan|Fadumo|Sahra|Hamdi|Deeqa|Ifrah|Ubah|Nasteho",
                   s="Warsame|Farah|Hassan|Jama|Abdi|Ali Yusuf|Osman|Mohamud|Nur|Egal|Ahmed Dirie"),
    "zulu": dict(m="Sipho|Bongani|Sibusiso|Mandla|Themba|Sandile|Musa|Lungelo",
                 f="Nomvula|Thandeka|Lindiwe|Zanele|Nokuthula|Ntombi|Zodwa|Hlengiwe",
                 s="Dlamini|Nkosi|Ndlovu|Mkhize|Zulu|Ngcobo|Khumalo|Mthembu|Shabalala|Buthelezi|Mbatha"),
    "xhosa": dict(m="Lwazi|Siyabonga|Luthando|Vuyo|Xolani|Mzwandile|Lonwabo|Athi",
                  f="Nomsa|Ayanda|Thembeka|Nandipha|Asanda|Nosipho|Zintle|Unathi",
                  s="Ngxola|Qamata|Sogoni|Magqaza|Mxenge|Gqirana|Bikitsha|Qwabe|Gxowa|Nqweniso|Mgqamqo"),
    "shona": dict(m="Tatenda|Farai|Tendai|Tinashe|Kudakwashe|Tafadzwa|Simbarashe|Takunda",
                  f="Rutendo|Chiedza|Nyasha|Rudo|Tsitsi|Chipo|Ruvimbo|Tariro",
                  s="Moyo|Chiweshe|Mutasa|Chikwanha|Madzima|Gumbo|Mapfumo|Nyathi|Marufu|Mhlanga|Chinembiri"),
    "kenyan": dict(m="Otieno|Kiprop|Mwangi|Kamau|Odhiambo|Kipchoge|Wafula|Njoroge",
                   f="Wanjiru|Achieng|Njeri|Akinyi|Chebet|Wambui|Nafula|Jepkosgei",
                   s="Ochieng|Kariuki|Mutua|Wekesa|Omondi|Korir|Njuguna|Kiplagat|Wanyama|Gitau"),
    "malay": dict(m="Ahmad|Muhammad Firdaus|Hafiz|Azlan|Syafiq|Khairul|Amirul|Faizal",
                  f="Nurul Aisyah|Siti Khadijah|Farah|Nurhaliza|Aishah|Liyana|Zarina|Hidayah",
                  s="bin Ismail/binti Ismail|bin Rahman/binti Rahman|bin Yusof/binti Yusof|bin Hamzah/binti Hamzah|bin Abdul Razak/binti Abdul Razak|bin Osman/binti Osman"),
    "ukrainian": dict(m="Taras|Bohdan|Oleksandr|Andriy|Yaroslav|Mykola|Serhiy|Dmytro",
                      f="Oksana|Olena|Iryna|Nataliya|Halyna|Khrystyna|Solomiya|Yuliia",
                      s="Kovalenko|Shevchuk|Bondarenko|Melnyk|Tkachenko|Kravchuk|Hnatyshyn|Lysenko|Oliynyk|Savchuk"),
    "english": dict(m="James|Michael|Daniel|Christopher|Thomas|Robert|Nathaniel|Gareth",
                    f="Emily|Sarah|Olivia|Jessica|Hannah|Megan|Philippa|Bethany",
                    s="Whitfield|Harrington|Pemberton|Ashworth|Caldwell|Brennan|Fairbanks|Holloway|Thornbury|McAllister|O'Connell|Bishop-Lowe"),
    "german": dict(m="Lukas|Jürgen|Maximilian|Felix|Tobias|Klaus-Dieter|Matthias|Jörg",
                   f="Anna-Lena|Sabine|Ursula|Hannelore|Friederike|Jana|Henrike|Birgit",
                   s="Müller-Lüdenscheidt|Schäfer|Weißmann|von Brockdorff|Hoffmann|Krüger|Zimmermann|Köhler|Brandstätter|Vogelsang|Oberhäuser"),
    "french": dict(m="Jean-Baptiste|Théo|François|Mathis|Grégoire|Yannick|Benoît|Loïc",
                   f="Marie-Claire|Élodie|Céline|Anaïs|Ségolène|Maëlle|Gwenaëlle|Solène",
                   s="Lefèvre|Dubois|de la Fontaine|Marchand|Rousseau|Giraud|Le Goff|Chevalier|Duval-Moreau|Beauchêne|N'Diaye"),
    "spanish": dict(m="Alejandro|Javier|Sergio|Álvaro|Íñigo|José Manuel|Rubén|Gonzalo",
                    f="María José|Lucía|Carmen|Pilar|Rocío|Ana Belén|Macarena|Inmaculada",
                    s="García Ortega|Fernández de Córdoba|Martínez|López-Herrera|Sánchez Vidal|Ruiz|Jiménez Ballesteros|Navarro|de la Torre|Muñoz Peña|Ibáñez"),
    "italian": dict(m="Giuseppe|Matteo|Lorenzo|Salvatore|Davide|Gianluca|Pierpaolo|Carmine",
                    f="Francesca|Chiara|Giulia|Alessandra|Federica|Annunziata|Ilaria|Rosaria",
                    s="Esposito|Bianchi|Ferraro|De Luca|Romano|Colombo|Russo|Lo Monaco|Di Giacomo|Mancini|Dell'Acqua"),
    "dutch": dict(m="Joris|Bram|Thijs|Maarten|Sjoerd|Wouter|Jeroen|Gijs",
                  f="Sanne|Femke|Lieke|Anouk|Eline|Marloes|Ilse|Noortje",
                  s="de Vries|van der Berg|Jansen|van Dijk|Bakker|Visser|Smit|van den Heuvel|de Jong|Mulder|van 't Hof"),
    "portuguese": dict(m="João Pedro|Tiago|Rui|Gonçalo|Duarte|Luís Filipe|Vasco|Nuno",
                       f="Ana Beatriz|Inês|Mariana|Leonor|Beatriz|Maria da Conceição|Filipa|Rita",
                       s="da Silva Ferreira|Santos|Oliveira|Pereira|Costa|Rodrigues|Martins|Carvalho|de Sousa|Gonçalves|Albuquerque"),
    "swedish": dict(m="Erik|Oskar|Johan|Henrik|Gustav|Anders|Nils|Per-Olof",
                    f="Linnea|Ebba|Maja|Saga|Karin|Ingrid|Agneta|Sofia",
                    s="Lindqvist|Johansson|Bergström|Karlsson|Sjöberg|Åkesson|Nyström|Holmgren|Wallin|Engström"),
}
CULTURE_NAMES = sorted(CULTURES)
# Cultures more likely to be met in each country (the rest of the time: any culture).
LOCAL = {
    "US": ["english", "navajo", "hawaiian", "filipino", "korean", "chinese", "somali", "hindi", "spanish", "igbo", "vietnamese"],
    "GB": ["english", "punjabi", "bengali", "irish", "yoruba", "polish", "somali"],
    "IE": ["irish", "english", "polish", "igbo"], "AU": ["english", "samoan", "tongan", "vietnamese", "chinese"],
    "NZ": ["maori", "samoan", "tongan", "english", "fijian"], "CA": ["english", "french", "punjabi", "chinese"],
    "IN": ["tamil", "telugu", "bengali", "punjabi", "hindi"], "ZA": ["zulu", "xhosa", "english", "shona"],
    "NG": ["yoruba", "igbo"], "KE": ["kenyan", "somali"],
    "DE": ["german", "turkish", "polish", "arabic", "greek", "ukrainian"], "AT": ["german", "turkish", "albanian"],
    "CH": ["german", "french", "italian", "albanian"], "FR": ["french", "arabic", "malagasy", "basque"],
    "BE": ["french", "dutch", "arabic"], "ES": ["spanish", "basque", "catalan", "romanian"],
    "MX": ["spanish"], "CO": ["spanish"], "AR": ["spanish", "mapuche", "italian"], "PE": ["spanish", "quechua", "aymara"],
    "IT": ["italian", "albanian", "romanian"], "NL": ["dutch", "turkish", "arabic"],
    "PT": ["portuguese"], "BR": ["portuguese", "japanese"], "PL": ["polish", "ukrainian"],
    "SE": ["swedish", "sami", "finnish", "persian"], "TR": ["turkish", "kazakh"],
}
NICKS = {"Robert": "Bobby", "Christopher": "Chris", "Babatunde": "Tunde", "Oluwaseun": "Seun",
         "Chukwuemeka": "Emeka", "Jean-Baptiste": "JB", "Alejandro": "Álex", "Giuseppe": "Peppe",
         "Maximilian": "Max", "Abdirahman": "Abdi", "Kudakwashe": "Kuda", "Temitope": "Tope",
         "Sibusiso": "Sbu", "Katarzyna": "Kasia", "Małgorzata": "Gosia", "Bat-Erdene": "Bataa",
         "Venkata Ramana": "Ramana", "Siyabonga": "Siya", "Nathaniel": "Nate", "Philippa": "Pippa",
         "Oleksandr": "Sasha", "Chidinma": "Dinma", "Ifunanya": "Nanya", "Francesca": "Fra",
         "Bartłomiej": "Bartek", "Kaʻiulani": "Kai", "Kealoha": "Loha", "Siosaia": "Saia",
         "Muhammad Firdaus": "Firdaus", "Nurul Aisyah": "Aisyah", "Inmaculada": "Inma",
         "Salvatore": "Totò", "Gonzalo": "Gonza", "Olli-Pekka": "Olli", "Anna-Liisa": "Liisa",
         "Mohammed": "Mo", "Jessica": "Jess", "Michael": "Mike", "Daniel": "Danny",
         "Tafadzwa": "Tafa", "Simbarashe": "Simba", "Ramoncito": "Monching", "Adewale": "Wale",
         "Jun-Jun": "JJ", "Gwenaëlle": "Gwen", "Klaus-Dieter": "KD", "Thenmozhi": "Thenu"}

# ---------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------
SPECIAL_FOLD = {"Đ": "D", "đ": "d", "ß": "ss", "Ø": "O", "ø": "o", "Æ": "Ae", "æ": "ae", "Þ": "Th",
                "þ": "th", "Ð": "D", "ð": "d", "ł": "l", "Ł": "L", "ı": "i", "ʻ": "", "ŋ": "ng",
                "Ŋ": "Ng", "œ": "oe"}


def fold(s):
    s = "".join(SPECIAL_FOLD.get(c, c) for c in s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", fold(s).lower())


def digits(r, n, first_nonzero=False):
    s = "".join(str(r.randrange(10)) for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = str(r.randrange(1, 10)) + s[1:]
    return s


def alnum(r, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
    return "".join(r.choice(alphabet) for _ in range(n))


B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def group(s, sizes, sep):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


def group4(s, sep=" "):
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


# ---------------------------------------------------------------------------------------
# Checksums (also used by the self-check)
# ---------------------------------------------------------------------------------------
def luhn_ok(num):
    ds = [int(c) for c in num]
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


def iban_ok(iban):
    s = re.sub(r"\s", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", s):
        return False
    t = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in t)
    return int(n) % 97 == 1


def iban_make(cc, bban):
    t = bban + cc + "00"
    n = int("".join(str(int(c, 36)) for c in t))
    return cc + "%02d" % (98 - n % 97) + bban


def aba_ok(s):
    if not re.fullmatch(r"\d{9}", s):
        return False
    d = [int(c) for c in s]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0


def npi_ok(s):
    return bool(re.fullmatch(r"[12]\d{9}", s)) and luhn_ok("80840" + s)


def dea_ok(s):
    if not re.fullmatch(r"[A-Z]{2}\d{7}", s):
        return False
    d = [int(c) for c in s[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def nhs_ok(s):
    if not re.fullmatch(r"\d{10}", s):
        return False
    total = sum(int(c) * w for c, w in zip(s[:9], range(10, 1, -1)))
    chk = 11 - total % 11
    if chk == 11:
        chk = 0
    return chk != 10 and chk == int(s[9])


def bsn_ok(s):
    if not re.fullmatch(r"\d{9}", s):
        return False
    total = sum(int(c) * w for c, w in zip(s[:8], range(9, 1, -1))) - int(s[8])
    return total % 11 == 0


def nir_ok(s):
    if not re.fullmatch(r"[12]\d{14}", s):
        return False
    return 97 - int(s[:13]) % 97 == int(s[13:])


def steuerid_check(first10):
    product = 10
    for c in first10:
        total = (int(c) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    chk = 11 - product
    return 0 if chk == 10 else chk


def steuerid_ok(s):
    if not re.fullmatch(r"[1-9]\d{10}", s):
        return False
    counts = [s[:10].count(c) for c in "0123456789"]
    if not (counts.count(0) in (1, 2) and max(counts) in (2, 3)):
        return False
    return steuerid_check(s[:10]) == int(s[10])


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(s):
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", s)
    if not m:
        return False
    num = m.group(2)
    if m.group(1):
        if len(num) != 7:
            return False
        num = str("XYZ".index(m.group(1))) + num
    elif len(num) != 8:
        return False
    return DNI_LETTERS[int(num) % 23] == m.group(3)


CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20,
                   11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))
CF_EVEN = {c: (int(c) if c.isdigit() else ord(c) - 65) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def cf_check(s15):
    total = sum(CF_ODD[c] if i % 2 == 0 else CF_EVEN[c] for i, c in enumerate(s15))
    return chr(65 + total % 26)


def cf_ok(s):
    return bool(re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", s)) and cf_check(s[:15]) == s[15]


VIN_TRANS = {**{str(i): i for i in range(10)},
             **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
             **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    total = sum(VIN_TRANS[c] * w for c, w in zip(v, VIN_W))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin_ok(v):
    return bool(re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v)) and vin_check(v) == v[8]


def gtin_check(s13):
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(s13))
    return str((10 - total % 10) % 10)


def kvnr_ok(s):
    if not re.fullmatch(r"[A-Z]\d{9}", s):
        return False
    n = "%02d" % (ord(s[0]) - 64) + s[1:9]
    total = 0
    for i, c in enumerate(n):
        p = int(c) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return total % 10 == int(s[9])


def rib_key(bank, branch, acct):
    return 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97)


def es_dc(ten):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(c) * x for c, x in zip(ten, w)) % 11
    return {11: 0, 10: 1}.get(d, d)


# ---------------------------------------------------------------------------------------
# Languages: months, date formats, honorifics
# ---------------------------------------------------------------------------------------
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}
US_LIKE = {"US", "PH"}


def fmt_date(r, d, lang, country, style=None):
    m, dd, y = d.month, d.day, d.year
    mn = MONTHS[lang][m - 1]
    en_ab = MONTHS["en"][m - 1][:3]
    if style == "iso":
        return "%04d-%02d-%02d" % (y, m, dd)
    if style == "hl7":
        return "%04d%02d%02d" % (y, m, dd)
    if style == "us":
        return "%02d/%02d/%04d" % (m, dd, y)
    if style == "eu":
        return "%02d.%02d.%04d" % (dd, m, y)
    if style == "slash":
        return "%02d/%02d/%04d" % (dd, m, y)
    if style == "abbr":
        return "%02d-%s-%04d" % (dd, en_ab.upper(), y)
    if style == "long":
        opts = None
    if lang == "en":
        if country in US_LIKE:
            opts = ["%02d/%02d/%04d" % (m, dd, y), "%d/%d/%04d" % (m, dd, y), "%d/%d/%02d" % (m, dd, y % 100),
                    "%s %d, %d" % (MONTHS["en"][m - 1], dd, y), "%s %d, %d" % (en_ab, dd, y),
                    "%04d-%02d-%02d" % (y, m, dd), "%02d-%s-%04d" % (dd, en_ab.upper(), y),
                    "%02d-%02d-%04d" % (m, dd, y)]
            longs = opts[3:5]
        else:
            sfx = "th" if 11 <= dd <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th")
            opts = ["%02d/%02d/%04d" % (dd, m, y), "%d %s %d" % (dd, MONTHS["en"][m - 1], y),
                    "%d %s %d" % (dd, en_ab, y), "%d%s %s %d" % (dd, sfx, MONTHS["en"][m - 1], y),
                    "%04d-%02d-%02d" % (y, m, dd), "%d/%d/%02d" % (dd, m, y % 100)]
            longs = opts[1:4]
    elif lang == "de":
        opts = ["%02d.%02d.%04d" % (dd, m, y), "%d.%d.%04d" % (dd, m, y), "%02d.%02d.%02d" % (dd, m, y % 100),
                "%d. %s %d" % (dd, mn, y), "%04d-%02d-%02d" % (y, m, dd)]
        longs = opts[3:4]
    elif lang == "fr":
        j = "1er" if dd == 1 else str(dd)
        opts = ["%02d/%02d/%04d" % (dd, m, y), "%s %s %d" % (j, mn, y), "%02d.%02d.%04d" % (dd, m, y),
                "%d/%d/%04d" % (dd, m, y)]
        longs = opts[1:2]
    elif lang in ("es", "pt"):
        opts = ["%02d/%02d/%04d" % (dd, m, y), "%d/%d/%04d" % (dd, m, y), "%d de %s de %d" % (dd, mn, y),
                "%02d-%02d-%04d" % (dd, m, y)]
        longs = opts[2:3]
    elif lang == "it":
        opts = ["%02d/%02d/%04d" % (dd, m, y), "%d %s %d" % (dd, mn, y), "%02d.%02d.%04d" % (dd, m, y),
                "%02d-%02d-%04d" % (dd, m, y)]
        longs = opts[1:2]
    elif lang == "nl":
        opts = ["%02d-%02d-%04d" % (dd, m, y), "%d %s %d" % (dd, mn, y), "%02d/%02d/%04d" % (dd, m, y),
                "%d-%d-%04d" % (dd, m, y)]
        longs = opts[1:2]
    elif lang == "pl":
        opts = ["%02d.%02d.%04d" % (dd, m, y), "%d %s %d" % (dd, mn, y), "%04d-%02d-%02d" % (y, m, dd)]
        longs = opts[1:2]
    elif lang == "sv":
        opts = ["%04d-%02d-%02d" % (y, m, dd), "%d %s %d" % (dd, mn, y), "%02d%02d%02d" % (y % 100, m, dd)]
        longs = opts[1:2]
    elif lang == "tr":
        opts = ["%02d.%02d.%04d" % (dd, m, y), "%d %s %d" % (dd, mn, y), "%02d/%02d/%04d" % (dd, m, y)]
        longs = opts[1:2]
    else:
        raise KeyError(lang)
    if style == "long":
        return r.choice(longs)
    if style == "num":
        return opts[0]
    return r.choice(opts)


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORD = ("_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
       "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


def words2(n):
    if n < 20:
        return ONES[n]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])


def ordinal_words(n):
    if n <= 20:
        return ORD[n]
    if n == 30:
        return "thirtieth"
    return TENS[n // 10] + " " + ORD[n % 10]


def year_words(y):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else " and " + ONES[y - 2000])
    hi, lo = divmod(y, 100)
    return words2(hi) + " " + ("hundred" if lo == 0 else ("oh " + ONES[lo] if lo < 10 else words2(lo)))


DIGIT_WORDS = {
    "de": "null eins zwei drei vier fünf sechs sieben acht neun", "fr": "zéro un deux trois quatre cinq six sept huit neuf",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve", "it": "zero uno due tre quattro cinque sei sette otto nove",
    "nl": "nul een twee drie vier vijf zes zeven acht negen", "pt": "zero um dois três quatro cinco seis sete oito nove",
    "pl": "zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć", "sv": "noll ett två tre fyra fem sex sju åtta nio",
    "tr": "sıfır bir iki üç dört beş altı yedi sekiz dokuz"}


def spoken_digits(r, s, mix=0.25, lang="en"):
    """Digits read aloud, partly as words, partly left as digits, partly paired ("forty five")."""
    if lang != "en":
        words = DIGIT_WORDS[lang].split()
        return " ".join(c if r.random() < mix else words[int(c)] for c in s if c.isdigit())
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if not c.isdigit():
            i += 1
            continue
        if i + 1 < len(s) and s[i + 1].isdigit() and s[i] != "0" and r.random() < 0.2:
            out.append(words2(int(s[i:i + 2])))
            i += 2
            continue
        out.append(c if r.random() < mix else ("oh" if c == "0" and r.random() < 0.5 else ONES[int(c)]))
        i += 1
    return " ".join(out)


def spoken_date(r, d):
    m = MONTHS["en"][d.month - 1].lower()
    opts = ["%s %s %s" % (m, ordinal_words(d.day), year_words(d.year)),
            "%s %d %d" % (m, d.day, d.year),
            "the %s of %s %s" % (ordinal_words(d.day), m, year_words(d.year)),
            "%s %s %s" % (words2(d.month), words2(d.day), words2(d.year % 100) if d.year % 100 >= 10 else "oh " + ONES[d.year % 10])]
    return r.choice(opts)


REL = {
    "en": {"spouse": ("wife", "husband"), "child": ("daughter", "son"), "parent": ("mother", "father"), "mom": ("mom", "dad"),
           "sib": ("sister", "brother"), "grand": ("grandmother", "grandfather")},
    "de": {"spouse": ("Ehefrau", "Ehemann"), "child": ("Tochter", "Sohn"), "parent": ("Mutter", "Vater"), "mom": ("Mama", "Papa"),
           "sib": ("Schwester", "Bruder"), "grand": ("Oma", "Opa")},
    "fr": {"spouse": ("épouse", "époux"), "child": ("fille", "fils"), "parent": ("mère", "père"), "mom": ("maman", "papa"),
           "sib": ("sœur", "frère"), "grand": ("grand-mère", "grand-père"), "myparent": ("ma mère", "mon père"), "mychild": ("ma fille", "mon fils")},
    "es": {"spouse": ("esposa", "esposo"), "child": ("hija", "hijo"), "parent": ("madre", "padre"), "mom": ("mamá", "papá"),
           "sib": ("hermana", "hermano"), "grand": ("abuela", "abuelo")},
    "it": {"spouse": ("moglie", "marito"), "child": ("figlia", "figlio"), "parent": ("madre", "padre"), "mom": ("mamma", "papà"),
           "sib": ("sorella", "fratello"), "grand": ("nonna", "nonno")},
    "nl": {"spouse": ("echtgenote", "echtgenoot"), "child": ("dochter", "zoon"), "parent": ("moeder", "vader"), "mom": ("mama", "papa"),
           "sib": ("zus", "broer"), "grand": ("oma", "opa")},
    "pt": {"spouse": ("esposa", "marido"), "child": ("filha", "filho"), "parent": ("mãe", "pai"), "mom": ("mãe", "pai"),
           "sib": ("irmã", "irmão"), "grand": ("avó", "avô")},
    "pl": {"spouse": ("żona", "mąż"), "child": ("córka", "syn"), "parent": ("matka", "ojciec"), "mom": ("mama", "tata"),
           "sib": ("siostra", "brat"), "grand": ("babcia", "dziadek")},
    "sv": {"spouse": ("fru", "man"), "child": ("dotter", "son"), "parent": ("mor", "far"), "mom": ("mamma", "pappa"),
           "sib": ("syster", "bror"), "grand": ("mormor", "morfar")},
    "tr": {"spouse": ("eşi", "eşi"), "child": ("kızı", "oğlu"), "parent": ("annesi", "babası"), "mom": ("annem", "babam"),
           "sib": ("kız kardeşi", "erkek kardeşi"), "grand": ("babaannesi", "dedesi")},
}

TITLES = {
    "en": ("Mr.", "Ms."), "de": ("Herr", "Frau"), "fr": ("M.", "Mme"), "es": ("Sr.", "Sra."),
    "it": ("Sig.", "Sig.ra"), "nl": ("dhr.", "mevr."), "pt": ("Sr.", "Sra."), "pl": ("Pan", "Pani"),
    "sv": ("", ""), "tr": ("Bay", "Bayan"),
}

# ---------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------
EMAIL_DOMAINS = {
    "US": ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "comcast.net", "proton.me"],
    "GB": ["gmail.com", "btinternet.com", "outlook.com", "yahoo.co.uk", "sky.com"],
    "DE": ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "mailbox.org"],
    "AT": ["gmx.at", "aon.at", "gmail.com"], "CH": ["bluewin.ch", "gmail.com", "hispeed.ch"],
    "FR": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "wanadoo.fr"],
    "BE": ["skynet.be", "telenet.be", "gmail.com"],
    "ES": ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es"],
    "IT": ["libero.it", "virgilio.it", "gmail.com", "tiscali.it", "alice.it"],
    "NL": ["ziggo.nl", "kpnmail.nl", "gmail.com", "xs4all.nl", "hotmail.nl"],
    "PT": ["sapo.pt", "gmail.com", "netcabo.pt"], "BR": ["uol.com.br", "bol.com.br", "gmail.com"],
    "PL": ["wp.pl", "onet.pl", "interia.pl", "o2.pl"], "SE": ["telia.com", "gmail.com", "bredband.net"],
    "TR": ["hotmail.com", "yandex.com.tr", "gmail.com"],
}
WORK_DOMAINS = ["riverbend-health.org", "stbrigids-rmc.org", "northgatebank.com", "harborviewmutual.com",
                "kestrel-payroll.io", "meridiancare.net", "larchmont-cu.org", "bluefen-insurance.co.uk",
                "klinikum-am-see.de", "chu-vallee.fr", "ospedale-valtellina.it", "zorggroep-eemland.nl",
                "hospital-ribeira.pt", "clinica-sol.es", "talvik-logistik.se", "anadolu-saglik.com.tr"]


class Person:
    def __init__(self, r, country, clinician=False, child=False):
        self.r = r
        if r.random() < 0.45 and country in LOCAL:
            cult = r.choice(LOCAL[country])
        else:
            cult = r.choice(CULTURE_NAMES)
        c = CULTURES[cult]
        self.culture = cult
        self.sex = r.choice("MF")
        self.given = r.choice(c["m" if self.sex == "M" else "f"].split("|"))
        sur = r.choice(c["s"].split("|"))
        if "/" in sur:
            sur = sur.split("/")[0 if self.sex == "M" else 1]
        if cult == "arabic" and self.sex == "F":
            sur = sur.replace("bin ", "bint ").replace("ibn ", "bint ")
        if cult == "irish" and self.sex == "F" and sur.startswith("Ó "):
            sur = sur  # the "/" pair above already gives Ní for women where it exists
        self.surname = sur
        # A second given name / middle initial sometimes.
        self.middle = None
        if cult in ("english", "filipino", "navajo", "hawaiian", "igbo", "yoruba", "german", "french",
                    "swedish", "dutch", "tamil", "kenyan") and r.random() < 0.35:
            other = r.choice(c["m" if self.sex == "M" else "f"].split("|"))
            if other != self.given:
                self.middle = other
        self.order = c.get("order", "gs")
        today = datetime.date(2025, 3, 1)
        age_days = r.randrange(30, 16 * 365) if child else r.randrange(18 * 365, 96 * 365) if not clinician else r.randrange(28 * 365, 68 * 365)
        self.dob = today - datetime.timedelta(days=age_days)
        self.age = (today - self.dob).days // 365
        self.nick = NICKS.get(self.given)
        self.first_pref = self.nick if self.nick and r.random() < 0.5 else self.given.split(" ")[0]
        self.clinician = clinician
        self.email_cache = None

    # name renderings -----------------------------------------------------------------
    def fullname(self, middle="maybe", native=None):
        g = self.given
        if self.middle and (middle == "full" or (middle == "maybe" and self.r.random() < 0.3)):
            g = g + " " + self.middle
        elif self.middle and middle == "initial":
            g = g + " " + self.middle[0] + "."
        if native is None:
            native = self.order == "sg" and self.r.random() < 0.5
        return (self.surname + " " + g) if native else (g + " " + self.surname)

    def sur_caps(self):
        return self.surname.upper()

    def render(self, style):
        r = self.r
        if style in ("", "any"):
            style = r.choices(["full", "mi", "init", "sg", "s_g", "caps", "lower", "nick", "native"],
                              [44, 10, 8, 8, 6, 6, 4, 4, 10])[0]
        if style == "full":
            return self.fullname(middle="maybe", native=False if self.order == "gs" else None)
        if style == "plain":
            return self.given + " " + self.surname
        if style == "mi":
            if self.middle:
                return self.fullname(middle="initial", native=False)
            return self.fullname(native=False)
        if style == "native":
            return self.fullname(native=(self.order == "sg"))
        if style == "init":
            return self.given[0] + ". " + self.surname
        if style == "sg":
            return self.surname.upper() + ", " + self.given
        if style == "s_g":
            return self.surname + ", " + self.given + ((" " + self.middle[0] + ".") if self.middle and r.random() < 0.5 else "")
        if style == "caps":
            return self.fullname(native=False).upper()
        if style == "lower":
            return self.fullname(middle="none", native=False).lower()
        if style == "nick":
            if self.nick:
                return r.choice(['%s "%s" %s' % (self.given, self.nick, self.surname), "%s %s" % (self.nick, self.surname)])
            return self.fullname(native=False)
        if style == "ascii":
            return fold(self.fullname(middle="none", native=False))
        if style == "sur":
            return self.surname
        if style == "Sur":  # surname capitalised at sentence start
            return self.surname[0].upper() + self.surname[1:]
        if style == "given":
            return self.given
        if style == "gl":
            return self.given.lower()
        if style == "first":  # first given name (or nickname) for chats
            return self.first_pref
        if style == "hl7":
            mid = "^" + self.middle[0] if self.middle else ""
            return fold(self.surname).upper() + "^" + fold(self.given).upper() + mid
        if style == "initials":
            return "".join(p[0] for p in (self.given + " " + self.surname).replace("-", " ").split())
        raise KeyError(style)

    def email(self, country, work=False):
        if self.email_cache:
            return self.email_cache
        r = self.r
        g, s = slug(self.given.split(" ")[0]), slug(self.surname.split(" ")[-1])
        if work or self.clinician:
            local = r.choice([g + "." + s, g[0] + s, g + "." + s[0], s + "." + g])
            dom = r.choice(WORK_DOMAINS)
        else:
            local = r.choice([g + "." + s, g[0] + "." + s, g + s + str(r.randrange(1, 99)), s + "_" + g, g + "." + s + str(r.randrange(60, 99)),
                              g + "-" + s, (slug(self.nick) if self.nick else g) + str(r.randrange(100, 999))])
            dom = r.choice(EMAIL_DOMAINS.get(country, EMAIL_DOMAINS["US"]))
        self.email_cache = local + "@" + dom
        return self.email_cache

    def url(self, r):
        s = "-".join(slug(x) for x in (self.given.split(" ")[0], self.surname.split(" ")[-1]))
        return r.choice(["https://www.linkedin.com/in/%s-%s" % (s, alnum(r, 8, HEX)),
                         "https://github.com/%s%s" % (s.replace("-", ""), r.randrange(1, 99)),
                         "https://calendly.com/%s/30min" % s,
                         "https://www.facebook.com/%s.%s" % (s.replace("-", "."), r.randrange(10, 9999)),
                         "https://about.me/%s" % s.replace("-", ""),
                         "https://x.com/%s_%s" % (s.split("-")[0], r.randrange(10, 99))])


# ---------------------------------------------------------------------------------------
# Places: streets, postal codes, cities, phones
# ---------------------------------------------------------------------------------------
def _uk_pc(r, area):
    inward = str(r.randrange(10)) + "".join(r.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
    return "%s%d %s" % (area, r.randrange(1, 20), inward)


def _ca_pc(r, p):
    L = "ABCEGHJKLMNPRSTVWXYZ"
    return "%s%s %d%s%d" % (p, r.choice(L), r.randrange(10), r.choice(L), r.randrange(10))


def _nl_pc(r, p):
    while True:
        l2 = r.choice("ABCDEGHJKLMNPRSTVWXZ") + r.choice("ABCDEGHJKLMNPRSTVWXZ")
        if l2 not in ("SA", "SD", "SS"):
            return "%s%02d %s" % (p, r.randrange(10, 100), l2)


PLACES = {
    "US": dict(cities=[("Columbus", "OH", "432"), ("Tucson", "AZ", "857"), ("Albany", "NY", "122"), ("Sacramento", "CA", "958"),
                       ("Bridgeport", "CT", "066"), ("Duluth", "MN", "558"), ("Savannah", "GA", "314"), ("Spokane", "WA", "992"),
                       ("El Paso", "TX", "799"), ("Worcester", "MA", "016"), ("Boise", "ID", "837"), ("Knoxville", "TN", "379"),
                       ("Gallup", "NM", "873"), ("Honolulu", "HI", "968"), ("Anchorage", "AK", "995"), ("Dearborn", "MI", "481"),
                       ("Jackson Heights", "NY", "113"), ("Paterson", "NJ", "075"), ("Window Rock", "AZ", "865"), ("Lowell", "MA", "018")],
               streets=["Maple Ave", "Cedar Ridge Dr", "Old Mill Rd", "Kenwood Blvd", "N 14th St", "Sycamore Lane", "Martin Luther King Jr Way",
                        "Pueblo Vista Ct", "Kapahulu Ave", "Orchard Hill Road", "W Fairview St", "Lakeshore Dr", "Quail Run Cir",
                        "Briarwood Terrace", "E 3rd Street", "Harbor View Pkwy", "Prospect Street", "County Road 12"]),
    "GB": dict(cities=[("Leeds", "LS"), ("Manchester", "M"), ("Bristol", "BS"), ("Cardiff", "CF"), ("Glasgow", "G"), ("Norwich", "NR"),
                       ("Leicester", "LE"), ("Belfast", "BT"), ("London", "E"), ("London", "SE"), ("Brighton", "BN"), ("Sheffield", "S")],
               streets=["Aldbourne Road", "Chapel Lane", "Victoria Street", "Hawthorn Close", "Wellington Terrace", "Grove Park Avenue",
                        "Cromwell Gardens", "Kingsway", "St Mary's Road", "Beechwood Drive", "Mill Hill", "Ladysmith Road"]),
    "IE": dict(cities=[("Dublin 8", "D08"), ("Cork", "T12"), ("Galway", "H91"), ("Limerick", "V94"), ("Dublin 15", "D15")],
               streets=["Bóthar na Trá", "Thomas Street", "Shandon Street", "College Road", "Castleknock Green", "Eyre Square"]),
    "CA": dict(cities=[("Winnipeg", "MB", "R3"), ("Halifax", "NS", "B3"), ("Toronto", "ON", "M6"), ("Vancouver", "BC", "V6"),
                       ("Montréal", "QC", "H2")],
               streets=["Portage Avenue", "Spring Garden Rd", "Dundas St W", "Commercial Drive", "rue Saint-Denis", "Jasper Avenue"]),
    "AU": dict(cities=[("Parramatta", "NSW", "2150"), ("Fitzroy", "VIC", "3065"), ("Fremantle", "WA", "6160"), ("Toowong", "QLD", "4066"),
                       ("Glenelg", "SA", "5045")],
               streets=["Smith St", "Church Street", "Brunswick St", "High Street", "Jetty Road", "Coronation Dr"]),
    "NZ": dict(cities=[("Wellington", "6011"), ("Ōtara, Auckland", "2023"), ("Rotorua", "3010"), ("Dunedin", "9016")],
               streets=["Cuba Street", "Te Irirangi Drive", "Fenton Street", "George Street", "Ngongotahā Road"]),
    "IN": dict(cities=[("Bengaluru", "560038"), ("Chennai", "600028"), ("Hyderabad", "500034"), ("Kolkata", "700019"), ("Ludhiana", "141001")],
               streets=["14th Cross Road, Indiranagar", "Dr Radhakrishnan Salai, Mylapore", "Road No. 12, Banjara Hills",
                        "Hazra Road", "Ferozepur Road"]),
    "ZA": dict(cities=[("Soweto", "1804"), ("Durban", "4001"), ("Gqeberha", "6001"), ("Cape Town", "7925")],
               streets=["Vilakazi Street", "Florida Road", "Govan Mbeki Avenue", "Main Road, Observatory"]),
    "NG": dict(cities=[("Ikeja, Lagos", "100271"), ("Enugu", "400102"), ("Ibadan", "200211")],
               streets=["Allen Avenue", "Ogui Road", "Ring Road"]),
    "KE": dict(cities=[("Nairobi", "00100"), ("Kisumu", "40100")], streets=["Ngong Road", "Oginga Odinga Street"]),
    "DE": dict(cities=[("Berlin", "10"), ("München", "80"), ("Hamburg", "22"), ("Köln", "50"), ("Leipzig", "04"),
                       ("Freiburg im Breisgau", "79"), ("Dortmund", "44"), ("Kiel", "24")],
               streets=["Lindenstraße", "Schönhauser Allee", "Am Kupfergraben", "Hauptstr.", "Kastanienweg", "Friedrich-Ebert-Platz",
                        "Bergmannstraße", "Im Wiesengrund", "Gerberstraße", "An der Alster", "Sonnenallee", "Uhlandstr."]),
    "AT": dict(cities=[("Wien", "11"), ("Graz", "80"), ("Linz", "40"), ("Innsbruck", "60")],
               streets=["Favoritenstraße", "Annenstraße", "Landstraßer Hauptstraße", "Museumstraße"]),
    "CH": dict(cities=[("Zürich", "80"), ("Bern", "30"), ("Genève", "12"), ("Lausanne", "10"), ("Basel", "40")],
               streets=["Langstrasse", "Kramgasse", "Rue de Carouge", "Avenue de France", "Spalenberg"]),
    "FR": dict(cities=[("Paris", "750"), ("Lyon", "6900"), ("Marseille", "130"), ("Toulouse", "31"), ("Rennes", "35"),
                       ("Lille", "59"), ("Nantes", "44"), ("Strasbourg", "67"), ("Saint-Denis", "93")],
               streets=["rue des Lilas", "avenue Jean-Jaurès", "boulevard de la Croix-Rousse", "impasse du Moulin", "chemin des Vignes",
                        "rue Oberkampf", "allée des Tilleuls", "rue du Faubourg Saint-Antoine", "quai de la Fosse", "place des Halles"]),
    "BE": dict(cities=[("Bruxelles", "1000"), ("Liège", "4000"), ("Gent", "9000"), ("Antwerpen", "2018"), ("Schaerbeek", "1030")],
               streets=["Rue Haute", "Korte Meer", "Chaussée de Haecht", "Boulevard d'Avroy", "Lange Kievitstraat"]),
    "ES": dict(cities=[("Madrid", "280"), ("Barcelona", "080"), ("Sevilla", "410"), ("Valencia", "460"), ("Bilbao", "480"),
                       ("Zaragoza", "500"), ("Málaga", "290")],
               streets=["C/ Mayor", "Avda. de la Constitución", "Calle de Embajadores", "Carrer de Sants", "Plaza del Pilar",
                        "Calle Feria", "Gran Vía de Colón", "Ronda de Azkue", "Paseo de la Castellana"]),
    "MX": dict(cities=[("Ciudad de México", "039"), ("Guadalajara", "441"), ("Monterrey", "640"), ("Oaxaca de Juárez", "680")],
               streets=["Av. Insurgentes Sur", "Calle Morelos", "Av. Chapultepec", "Calle de los Libres"]),
    "CO": dict(cities=[("Bogotá", "1102"), ("Medellín", "0500")], streets=["Calle 72", "Carrera 43A"]),
    "AR": dict(cities=[("Buenos Aires", "C1"), ("Córdoba", "X5")], streets=["Av. Corrientes", "Calle Defensa"]),
    "PE": dict(cities=[("Lima", "15"), ("Cusco", "08")], streets=["Av. Arequipa", "Calle Plateros"]),
    "IT": dict(cities=[("Milano", "201"), ("Roma", "001"), ("Napoli", "801"), ("Torino", "101"), ("Bologna", "401"),
                       ("Palermo", "901"), ("Firenze", "501"), ("Bari", "701")],
               streets=["Via Garibaldi", "Corso Vittorio Emanuele II", "Piazza Duomo", "Viale dei Mille", "Via dei Tribunali",
                        "Via Nizza", "Vicolo del Moro", "Via San Vitale", "Largo Augusto"]),
    "NL": dict(cities=[("Amsterdam", "10"), ("Rotterdam", "30"), ("Utrecht", "35"), ("Groningen", "97"), ("Eindhoven", "56"),
                       ("Den Haag", "25"), ("Zwolle", "80")],
               streets=["Prinsengracht", "Kerkstraat", "Witte de Withstraat", "Oudegracht", "Herestraat", "Stratumseind",
                        "Laan van Meerdervoort", "Diezerstraat"]),
    "PT": dict(cities=[("Lisboa", "11"), ("Porto", "40"), ("Coimbra", "30"), ("Braga", "47"), ("Faro", "80")],
               streets=["Rua Augusta", "Av. da Liberdade", "Rua de Santa Catarina", "Travessa do Carmo", "Rua Ferreira Borges"]),
    "BR": dict(cities=[("São Paulo", "SP", "01"), ("Rio de Janeiro", "RJ", "22"), ("Belo Horizonte", "MG", "30"), ("Recife", "PE", "50")],
               streets=["Rua das Flores", "Av. Paulista", "Rua Barata Ribeiro", "Rua da Aurora"]),
    "PL": dict(cities=[("Warszawa", "0"), ("Kraków", "3"), ("Gdańsk", "8"), ("Wrocław", "5"), ("Poznań", "6")],
               streets=["ul. Marszałkowska", "al. Jerozolimskie", "ul. Długa", "ul. Piotrkowska", "os. Bohaterów Września", "ul. Świętojańska"]),
    "SE": dict(cities=[("Stockholm", "11"), ("Göteborg", "41"), ("Malmö", "21"), ("Uppsala", "75"), ("Kiruna", "98")],
               streets=["Storgatan", "Vasagatan", "Götgatan", "Kungsgatan", "Södra Förstadsgatan", "Hjalmar Lundbohmsvägen"]),
    "TR": dict(cities=[("Kadıköy/İstanbul", "347"), ("Çankaya/Ankara", "066"), ("Konak/İzmir", "352"), ("Osmangazi/Bursa", "162")],
               streets=["Atatürk Cad.", "Bağdat Caddesi", "Şair Nefi Sok.", "Cumhuriyet Bulvarı", "Gazi Mustafa Kemal Blv."]),
}
LANG_COUNTRIES = {
    "en": ["US"] * 8 + ["GB"] * 4 + ["IE", "CA", "AU", "NZ", "IN", "ZA", "NG", "KE"],
    "de": ["DE"] * 6 + ["AT", "CH"], "fr": ["FR"] * 6 + ["BE", "CH", "CA"], "es": ["ES"] * 5 + ["MX", "CO", "AR", "PE"],
    "it": ["IT"] * 7 + ["CH"], "nl": ["NL"] * 6 + ["BE"], "pt": ["PT"] * 5 + ["BR"] * 2, "pl": ["PL"], "sv": ["SE"], "tr": ["TR"],
}


def address(r, country, parts="inline"):
    """Returns segments: street line(s) [STREET_ADDRESS], postal code [ZIP_CODE], city text."""
    P = PLACES[country]
    city = r.choice(P["cities"])
    st = r.choice(P["streets"])
    n = r.randrange(1, 240)
    po = r.random() < 0.08
    unit = None
    zipc = None
    cityline = None
    segs = []
    if country == "US":
        name, state, z3 = city
        zipc = z3 + "%02d" % r.randrange(1, 99) + (("-%04d" % r.randrange(1, 9999)) if r.random() < 0.2 else "")
        n = r.randrange(10, 9999)
        street = "%d %s" % (n, st)
        unit = r.choice(["Apt 4B", "Apt. %d" % r.randrange(1, 40), "Unit %d" % r.randrange(1, 300), "Ste %d" % r.randrange(100, 900),
                         "#%d%s" % (r.randrange(1, 20), r.choice("ABCDEF")), "Fl 2", "Bldg C, Apt %d" % r.randrange(100, 400)]) if r.random() < 0.4 else None
        if po:
            street, unit = r.choice(["PO Box %d" % r.randrange(10, 9999), "P.O. Box %d" % r.randrange(10, 999)]), None
        return _emit(r, street, unit, [(name + ", " + state + " ", None), (zipc, "ZIP_CODE")], parts, unit_sep=r.choice([", ", " "]))
    if country in ("GB", "IE"):
        name, area = city
        zipc = _uk_pc(r, area) if country == "GB" else "%s %s" % (area, alnum(r, 4, "ACDEFHKNPRTVWXY0123456789"))
        street = "%d %s" % (n, st)
        unit = r.choice(["Flat %d" % r.randrange(1, 30), "Flat %d/%d" % (r.randrange(0, 4), r.randrange(1, 3)),
                         "Apartment %d, Riverside Court" % r.randrange(1, 80), "Unit %d" % r.randrange(1, 20)]) if r.random() < 0.35 else None
        if po:
            street, unit = "PO Box %d" % r.randrange(100, 9999), None
        return _emit(r, street, unit, [(name + " ", None), (zipc, "ZIP_CODE")], parts, unit_first=True)
    if country in ("CA", "AU"):
        name, prov, pre = city
        zipc = _ca_pc(r, pre) if country == "CA" else pre
        if country == "AU" and r.random() < 0.4:
            street, unit = "%d/%d %s" % (r.randrange(1, 30), n, st), None
        else:
            street = "%d %s" % (n, st)
            unit = r.choice(["Unit %d" % r.randrange(1, 40), "Suite %d" % r.randrange(100, 900)]) if r.random() < 0.3 else None
        return _emit(r, street, unit, [(name + " " + prov + " ", None), (zipc, "ZIP_CODE")], parts, unit_first=(country == "AU"))
    if country in ("NZ", "IN", "ZA", "NG", "KE"):
        name, pc = city
        if country == "IN":
            street = r.choice(["Flat %d, %s Residency, " % (r.randrange(101, 905), r.choice(["Sai", "Lakshmi", "Green Park", "Sunrise"])),
                               "No. %d, " % n, "%d-%d, " % (r.randrange(1, 20), r.randrange(1, 300))]) + st
        else:
            street = "%d %s" % (n, st)
        return _emit(r, street, None, [(name + " ", None), (pc, "ZIP_CODE")] if country != "IN" else [(name + " - ", None), (pc, "ZIP_CODE")], parts)
    if country in ("DE", "AT", "CH"):
        name, pre = city
        zipc = pre + digits(r, 5 - len(pre)) if country == "DE" else pre + digits(r, 4 - len(pre))
        if country == "AT":
            street = "%s %d/%d/%d" % (st, n, r.randrange(1, 6), r.randrange(1, 30)) if r.random() < 0.5 else "%s %d" % (st, n)
        else:
            street = "%s %d%s" % (st, n, r.choice(["", "", "", "a", "b"]))
        unit = r.choice(["3. OG links", "Hinterhaus, 2. OG", "Whg. %d" % r.randrange(1, 40), "EG rechts"]) if r.random() < 0.25 and country == "DE" else None
        if po:
            street, unit = "Postfach %d %02d" % (r.randrange(10, 99), r.randrange(10, 99)), None
        pre_c = "CH-" if country == "CH" and r.random() < 0.3 else ("A-" if country == "AT" and r.random() < 0.3 else "")
        segs = [(pre_c, None), (zipc, "ZIP_CODE"), (" " + name, None)]
        return _emit(r, street, unit, segs, parts, unit_sep=", ")
    if country == "FR":
        name, pre = city
        zipc = (pre + "%02d" % r.randrange(1, 21)) if name == "Paris" else pre + digits(r, 5 - len(pre))
        if name == "Lyon":
            zipc = pre + str(r.randrange(1, 10))
        if name == "Saint-Denis":
            zipc = "93200"
        street = "%d%s %s" % (n, r.choice(["", "", "", " bis", " ter"]), st)
        unit = r.choice(["Bât. B, 3e étage", "Appt %d" % r.randrange(1, 80), "Résidence Les Acacias, bât. C", "esc. 2, 4e étage, porte droite"]) if r.random() < 0.3 else None
        if po:
            street, unit = "BP %d" % r.randrange(10, 999), None
        return _emit(r, street, unit, [(zipc, "ZIP_CODE"), (" " + (name.upper() if r.random() < 0.4 else name), None)] + ([(" CEDEX", None)] if po else []), parts, unit_first=True)
    if country == "BE":
        name, pc = city
        street = "%s %d%s" % (st, n, r.choice(["", " bte %d" % r.randrange(1, 20), " bus %d" % r.randrange(1, 12)]))
        return _emit(r, street, None, [(pc, "ZIP_CODE"), (" " + name, None)], parts)
    if country == "ES":
        name, pre = city
        zipc = pre + "%02d" % r.randrange(1, 50)
        street = "%s, %d" % (st, n) + r.choice(["", ", %dº %s" % (r.randrange(1, 9), r.choice("ABCD")), ", bajo", ", %dº izda." % r.randrange(1, 7), " %dº-%d" % (r.randrange(1, 9), r.randrange(1, 4))])
        if po:
            street = "Apartado de Correos %d" % r.randrange(100, 9999)
        return _emit(r, street, None, [(zipc, "ZIP_CODE"), (" " + name, None)], parts)
    if country in ("MX", "CO", "AR", "PE"):
        name, pre = city
        if country == "MX":
            zipc = pre + digits(r, 2)
            street = "%s %d%s, Col. %s" % (st, n, r.choice(["", ", Int. %d" % r.randrange(1, 20), " Depto. %d" % r.randrange(100, 600)]),
                                           r.choice(["Roma Norte", "Del Valle", "Centro", "Americana"]))
            return _emit(r, street, None, [("C.P. ", None), (zipc, "ZIP_CODE"), (", " + name, None)], parts)
        if country == "CO":
            zipc = pre + digits(r, 2)
            street = "%s # %d-%d, Apto %d" % (st, r.randrange(10, 99), r.randrange(10, 99), r.randrange(101, 1200))
            return _emit(r, street, None, [(name + " ", None), (zipc, "ZIP_CODE")], parts)
        if country == "AR":
            zipc = pre + digits(r, 3) + alnum(r, 3, UPPER)
            street = "%s %d, %dº %s" % (st, r.randrange(100, 5000), r.randrange(1, 12), r.choice("ABCD"))
            return _emit(r, street, None, [(zipc, "ZIP_CODE"), (" " + name, None)], parts)
        zipc = pre + digits(r, 3)
        street = "%s %d, Dpto. %d" % (st, r.randrange(100, 3000), r.randrange(100, 900))
        return _emit(r, street, None, [(name + " ", None), (zipc, "ZIP_CODE")], parts)
    if country == "IT":
        name, pre = city
        zipc = pre + "%02d" % r.randrange(0, 60)
        street = "%s%s%d%s" % (st, r.choice([" ", ", "]), n, r.choice(["", "", "/A", "/B"])) + r.choice(["", "", ", int. %d" % r.randrange(1, 30), ", scala B", ", piano %d" % r.randrange(1, 7)])
        if po:
            street = "Casella Postale %d" % r.randrange(10, 999)
        prov = {"Milano": "MI", "Roma": "RM", "Napoli": "NA", "Torino": "TO", "Bologna": "BO", "Palermo": "PA", "Firenze": "FI", "Bari": "BA"}[name]
        return _emit(r, street, None, [(zipc, "ZIP_CODE"), (" " + name + r.choice(["", " (%s)" % prov, " " + prov]), None)], parts)
    if country == "NL":
        name, pre = city
        zipc = _nl_pc(r, pre)
        if r.random() < 0.2:
            zipc = zipc.replace(" ", "")
        street = "%s %d%s" % (st, n, r.choice(["", "", "-2", " bis", "A", "-hs", " III"]))
        if po:
            street = "Postbus %d" % r.randrange(100, 99999)
        return _emit(r, street, None, [(zipc, "ZIP_CODE"), ("  " + name.upper() if r.random() < 0.25 else " " + name, None)], parts)
    if country in ("PT", "BR"):
        if country == "PT":
            name, pre = city
            zipc = pre + digits(r, 2) + "-" + digits(r, 3)
            street = "%s, %d%s" % (st, n, r.choice(["", ", %dº Esq." % r.randrange(1, 9), ", %d.º Dto" % r.randrange(1, 9), ", r/c"]))
            return _emit(r, street, None, [(zipc, "ZIP_CODE"), (" " + name, None)], parts)
        name, uf, pre = city
        zipc = pre + digits(r, 3) + "-" + digits(r, 3)
        street = "%s, %d%s" % (st, n, r.choice(["", ", apto %d" % r.randrange(11, 1500), ", casa 2", ", bloco B, apto %d" % r.randrange(11, 400)]))
        return _emit(r, street, None, [(name + " - " + uf + ", ", None), (zipc, "ZIP_CODE")] if r.random() < 0.5 else [(zipc, "ZIP_CODE"), (" " + name + "/" + uf, None)], parts)
    if country == "PL":
        name, pre = city
        zipc = pre + digits(r, 1) + "-" + digits(r, 3)
        street = "%s %d%s" % (st, n, r.choice(["", "/%d" % r.randrange(1, 90), " m. %d" % r.randrange(1, 60), "A lok. %d" % r.randrange(1, 20)]))
        return _emit(r, street, None, [(zipc, "ZIP_CODE"), (" " + name, None)], parts)
    if country == "SE":
        name, pre = city
        zipc = pre + digits(r, 1) + " " + digits(r, 2)
        street = "%s %d%s" % (st, n, r.choice(["", " B", ", lgh %d" % r.randrange(1001, 1404), ", %d tr" % r.randrange(1, 6)]))
        if po:
            street = "Box %d" % r.randrange(100, 9999)
        return _emit(r, street, None, [(zipc, "ZIP_CODE"), (" " + name, None)], parts)
    if country == "TR":
        name, pre = city
        zipc = pre + digits(r, 2)
        street = r.choice(["%s Mah. " % r.choice(["Moda", "Kızılay", "Alsancak", "Caferağa"]), ""]) + "%s No: %d D: %d" % (st, n, r.randrange(1, 30))
        return _emit(r, street, None, [(zipc, "ZIP_CODE"), (" " + name, None)], parts)
    raise KeyError(country)


def _emit(r, street, unit, tail, parts, unit_sep=", ", unit_first=False):
    """Lay out street (+unit) and the postcode/city tail inline or on several lines."""
    segs = []
    if parts == "street":
        line = (unit + unit_sep + street if unit_first else street + unit_sep + unit) if unit else street
        return [(line, "STREET_ADDRESS")]
    if parts == "multi":
        if unit:
            line = (unit + "\n" + street) if unit_first else (street + ("\n" if r.random() < 0.5 else unit_sep) + unit)
        else:
            line = street
        segs.append((line, "STREET_ADDRESS"))
        segs.append(("\n", None))
        segs.extend(tail)
        return segs
    line = (unit + unit_sep + street if unit_first else street + unit_sep + unit) if unit else street
    segs.append((line, "STREET_ADDRESS"))
    segs.append((", ", None))
    segs.extend(tail)
    return segs


def phone(r, country, style=None):
    c = country
    intl = style == "intl" or (style is None and r.random() < 0.3)
    if c in ("US", "CA"):
        area = r.choice(["617", "212", "415", "520", "614", "702", "808", "907", "505", "313", "973", "206", "512", "404", "204", "902", "416", "604"])
        ex = str(r.randrange(2, 10)) + digits(r, 2)
        ln = digits(r, 4)
        if intl:
            return r.choice(["+1 %s %s %s" % (area, ex, ln), "+1-%s-%s-%s" % (area, ex, ln), "+1 (%s) %s-%s" % (area, ex, ln)])
        return r.choice(["(%s) %s-%s" % (area, ex, ln), "%s-%s-%s" % (area, ex, ln), "%s.%s.%s" % (area, ex, ln), "%s %s %s" % (area, ex, ln),
                         "1-%s-%s-%s" % (area, ex, ln), "%s%s%s" % (area, ex, ln)])
    if c == "GB":
        if r.random() < 0.6:
            n = "7" + str(r.randrange(4, 10)) + digits(r, 8)
            return "+44 %s %s" % (n[:4], n[4:]) if intl else "0%s %s" % (n[:4], n[4:])
        n = r.choice(["113", "161", "117", "29", "141", "1603", "116", "28"]) ; rest = digits(r, 10 - len(n), True)
        return ("+44 (0)%s %s" % (n, rest)) if intl else "0%s %s %s" % (n, rest[:3], rest[3:]) if len(rest) > 6 else "0%s %s" % (n, rest)
    if c == "IE":
        n = "8" + str(r.randrange(3, 10)) + " " + digits(r, 3) + " " + digits(r, 4)
        return ("+353 " + n) if intl else "0" + n
    if c == "AU":
        n = "4" + digits(r, 2) + " " + digits(r, 3) + " " + digits(r, 3)
        return ("+61 " + n) if intl else "0" + n
    if c == "NZ":
        n = "2" + str(r.randrange(1, 8)) + " " + digits(r, 3) + " " + digits(r, 4)
        return ("+64 " + n) if intl else "0" + n
    if c == "IN":
        n = str(r.randrange(7, 10)) + digits(r, 4) + " " + digits(r, 5)
        return ("+91 " + n) if intl or r.random() < 0.5 else "0" + n
    if c == "ZA":
        n = "8" + str(r.randrange(1, 5)) + " " + digits(r, 3) + " " + digits(r, 4)
        return ("+27 " + n) if intl else "0" + n
    if c == "NG":
        n = r.choice(["803", "806", "813", "703", "905"]) + " " + digits(r, 3) + " " + digits(r, 4)
        return ("+234 " + n) if intl else "0" + n
    if c == "KE":
        n = "7" + digits(r, 2) + " " + digits(r, 6)
        return ("+254 " + n) if intl else "0" + n
    if c in ("DE", "AT", "CH"):
        if c == "DE":
            if r.random() < 0.5:
                pre, rest = r.choice(["151", "160", "171", "176", "157"]), digits(r, 8, True)
            else:
                pre = r.choice(["30", "89", "40", "221", "341", "761", "231", "431"])
                rest = digits(r, 11 - len(pre) - 1, True)
            if intl:
                return r.choice(["+49 %s %s" % (pre, rest), "+49 (0)%s %s" % (pre, rest), "0049 %s %s" % (pre, rest)])
            return r.choice(["0%s %s" % (pre, rest), "0%s/%s" % (pre, rest), "0%s-%s" % (pre, rest), "(0%s) %s" % (pre, rest)])
        if c == "AT":
            pre, rest = r.choice(["664", "676", "1", "316"]), digits(r, 7, True)
            return ("+43 %s %s" % (pre, rest)) if intl else "0%s %s" % (pre, rest)
        pre = r.choice(["79", "78", "44", "31", "22"])
        rest = "%s %s %s" % (digits(r, 3, True), digits(r, 2), digits(r, 2))
        return ("+41 %s %s" % (pre, rest)) if intl else "0%s %s" % (pre, rest)
    if c in ("FR", "BE"):
        if c == "FR":
            d = r.choice(["6", "7", "1", "2", "4", "5", "9"]) + digits(r, 8)
            pairs = " ".join(d[i:i + 2] for i in range(1, 9, 2))
            if intl:
                return "+33 %s %s" % (d[0], pairs)
            return r.choice(["0%s %s" % (d[0], pairs), "0%s.%s" % (d[0], pairs.replace(" ", ".")), "0%s%s" % (d[0], pairs.replace(" ", ""))])
        d = "4" + str(r.randrange(6, 10)) + digits(r, 7)
        return ("+32 %s %s %s %s" % (d[:3], d[3:5], d[5:7], d[7:])) if intl else "0%s/%s.%s.%s" % (d[:3], d[3:5], d[5:7], d[7:])
    if c == "ES":
        d = r.choice(["6", "7", "9"]) + digits(r, 8)
        s = r.choice(["%s %s %s" % (d[:3], d[3:6], d[6:]), "%s %s %s %s" % (d[:3], d[3:5], d[5:7], d[7:]), d])
        return ("+34 " + s) if intl else s
    if c in ("MX", "CO", "AR", "PE"):
        cc = {"MX": "52", "CO": "57", "AR": "54", "PE": "51"}[c]
        s = {"MX": "55 %s %s" % (digits(r, 4), digits(r, 4)), "CO": "3%s %s %s" % (digits(r, 2), digits(r, 3), digits(r, 4)),
             "AR": "9 11 %s-%s" % (digits(r, 4), digits(r, 4)), "PE": "9%s %s %s" % (digits(r, 2), digits(r, 3), digits(r, 3))}[c]
        return "+%s %s" % (cc, s)
    if c == "IT":
        if r.random() < 0.6:
            d = "3" + str(r.randrange(20, 50)) + digits(r, 7)
            s = r.choice(["%s %s %s" % (d[:3], d[3:6], d[6:]), "%s %s" % (d[:3], d[3:]), "%s-%s" % (d[:3], d[3:])])
        else:
            s = r.choice(["06 %s %s" % (digits(r, 4), digits(r, 4)), "02 %s %s" % (digits(r, 4), digits(r, 4)), "081 %s %s" % (digits(r, 3), digits(r, 4))])
        return ("+39 " + s) if intl else s
    if c == "NL":
        if r.random() < 0.6:
            d = digits(r, 8, True)
            return ("+31 6 %s" % d) if intl else r.choice(["06-%s" % d, "06 %s" % d, "06 %s %s %s %s" % (d[:2], d[2:4], d[4:6], d[6:])])
        pre = r.choice(["20", "10", "30", "50", "40", "70"])
        d = digits(r, 7, True)
        return ("+31 %s %s %s" % (pre, d[:3], d[3:])) if intl else "0%s-%s %s" % (pre, d[:3], d[3:])
    if c == "PT":
        d = r.choice(["91", "92", "93", "96", "21", "22"]) + digits(r, 7)
        s = "%s %s %s" % (d[:3], d[3:6], d[6:])
        return ("+351 " + s) if intl else s
    if c == "BR":
        ddd = r.choice(["11", "21", "31", "81"])
        s = "9%s-%s" % (digits(r, 4), digits(r, 4))
        return ("+55 %s %s" % (ddd, s)) if intl else "(%s) %s" % (ddd, s)
    if c == "PL":
        d = r.choice(["5", "6", "7", "8"]) + digits(r, 8)
        s = "%s %s %s" % (d[:3], d[3:6], d[6:])
        return ("+48 " + s) if intl else r.choice([s, d[:3] + "-" + d[3:6] + "-" + d[6:]])
    if c == "SE":
        d = "7" + str(r.randrange(0, 4)) + digits(r, 7)
        return ("+46 %s %s %s %s" % (d[:2], d[2:5], d[5:7], d[7:])) if intl else "0%s-%s %s %s" % (d[:2], d[2:5], d[5:7], d[7:])
    if c == "TR":
        d = "5" + str(r.randrange(30, 60)) + digits(r, 7)
        s = "%s %s %s %s" % (d[:3], d[3:6], d[6:8], d[8:])
        return ("+90 " + s) if intl else "0" + s
    raise KeyError(c)


PHONE_CC = {"US": "US", "CA": "CA", "GB": "GB", "IE": "IE", "AU": "AU", "NZ": "NZ", "IN": "IN", "ZA": "ZA", "NG": "NG", "KE": "KE"}

# ---------------------------------------------------------------------------------------
# Identifier makers
# ---------------------------------------------------------------------------------------
def make_ssn(r):
    while True:
        a = r.randrange(1, 900)
        if a != 666:
            break
    return "%03d" % a, "%02d" % r.randrange(1, 100), "%04d" % r.randrange(1, 10000)


def make_cc(r, brand=None):
    brand = brand or r.choice(["visa", "visa", "mc", "mc", "amex", "disc"])
    if brand == "visa":
        num = luhn_complete("4" + digits(r, 14))
    elif brand == "mc":
        pre = r.choice(["51", "52", "53", "54", "55", "2221", "2720"])
        num = luhn_complete(pre + digits(r, 15 - len(pre)))
    elif brand == "amex":
        num = luhn_complete(r.choice(["34", "37"]) + digits(r, 12))
    else:
        num = luhn_complete("6011" + digits(r, 11))
    return num


def fmt_cc(r, num):
    if len(num) == 15:
        sep = r.choice([" ", "-", ""])
        return group(num, [4, 6, 5], sep)
    return group4(num, r.choice([" ", " ", "-", ""]))


IBAN_SPEC = {"DE": "8n10n", "AT": "5n11n", "CH": "5n12n", "GB": "4a6n8n", "IE": "4a6n8n", "NL": "4a10n", "BE": "be",
             "FR": "fr", "ES": "es", "IT": "it", "PT": "pt", "PL": "8n16n", "SE": "3n17n", "TR": "5n1z16n"}
BANK4 = {"GB": ["NWBK", "BARC", "LOYD", "MIDL", "HBUK", "SRLG"], "IE": ["AIBK", "BOFI", "IPBS"],
         "NL": ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "BUNQ", "KNAB"]}


def make_iban(r, cc):
    spec = IBAN_SPEC[cc]
    if spec == "be":
        ten = digits(r, 10)
        k = int(ten) % 97 or 97
        bban = ten + "%02d" % k
    elif spec == "fr":
        bank, branch, acct = digits(r, 5, True), digits(r, 5), digits(r, 11)
        bban = bank + branch + acct + "%02d" % rib_key(bank, branch, acct)
    elif spec == "es":
        bank, branch, acct = digits(r, 4, True), digits(r, 4), digits(r, 10)
        bban = bank + branch + str(es_dc("00" + bank + branch)) + str(es_dc(acct)) + acct
    elif spec == "it":
        abi, cab, conto = digits(r, 5, True), digits(r, 5, True), digits(r, 12)
        bban = cf_check(abi + cab + conto) + abi + cab + conto  # CIN: same odd/even tables over 22 characters
    elif spec == "pt":
        body = digits(r, 19, True)
        bban = body + "%02d" % (98 - (int(body) * 100) % 97)
    else:
        bban = ""
        for m in re.finditer(r"(\d+)([anz])", spec):
            k, t = int(m.group(1)), m.group(2)
            if t == "a":
                bban += r.choice(BANK4[cc])
            elif t == "z":
                bban += "0"
            else:
                bban += digits(r, k, first_nonzero=(bban == ""))
    return iban_make(cc, bban)


def it_cin_ok(bban):
    return cf_check(bban[1:]) == bban[0]


BIC_BANKS = {"DE": ["KRBL", "HNSP", "VOBA", "NRDX", "BRMS"], "AT": ["ALPN", "GRZS"], "CH": ["ZKBK", "BERS"], "GB": ["NWBK", "BARC", "SRLG"],
             "IE": ["AIBK", "BOFI"], "NL": ["ABNA", "INGB", "RABO", "BUNQ"], "BE": ["GEBA", "KRED", "BBRU"], "FR": ["CRLV", "AGRI", "BNPA", "CMCI"],
             "ES": ["CAIX", "BBVA", "SABA", "BKIN"], "IT": ["BCIT", "UNCR", "BPMO", "CRFI"], "PT": ["CGDI", "BCOM", "TOTA"],
             "PL": ["PKOP", "BREX", "INGB"], "SE": ["ESSE", "HAND", "SWED"], "TR": ["TGBA", "TCZB", "AKBK"], "US": ["CHAS", "BOFA", "WFBI", "CITI"],
             "CA": ["ROYC", "TDOM"], "AU": ["CTBA", "NATA"], "IN": ["SBIN", "HDFC"], "ZA": ["FIRN", "SBZA"], "NG": ["ZEIB", "GTBI"],
             "NZ": ["ANZB", "ASBB"], "KE": ["KCBL", "EQBL"], "MX": ["BNMX", "BCMR"], "BR": ["BRAS", "ITAU"], "CO": ["COLO"], "AR": ["NACN"],
             "PE": ["BCPL"]}


def make_bic(r, cc):
    bank = r.choice(BIC_BANKS.get(cc, ["XBNK"]))
    loc = r.choice(["FF", "MM", "2L", "22", "2A", "PP", "AA", "3N", "HH", "MX", "33", "RR"])
    return bank + cc + loc + (r.choice(["", "", "XXX", "%03d" % r.randrange(100, 999)]))


def make_aba(r):
    while True:
        pre = r.choice(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "21", "22", "23", "24", "26", "27",
                        "28", "31", "32", "26", "06", "07"])
        base = pre + digits(r, 6)
        for c in "0123456789":
            if aba_ok(base + c):
                return base + c


def make_npi(r):
    base = r.choice("12") + digits(r, 8)
    for c in "0123456789":
        if npi_ok(base + c):
            return base + c


def make_dea(r, surname_initial=None):
    l1 = r.choice("ABFGM")
    l2 = (fold(surname_initial or r.choice(UPPER))[0]).upper()
    if not l2.isalpha():
        l2 = "X"
    d = digits(r, 6)
    dd = [int(c) for c in d]
    chk = (dd[0] + dd[2] + dd[4] + 2 * (dd[1] + dd[3] + dd[5])) % 10
    return l1 + l2 + d + str(chk)


def make_nhs(r):
    while True:
        s = str(r.choice([4, 6, 7])) + digits(r, 8)
        total = sum(int(c) * w for c, w in zip(s, range(10, 1, -1)))
        chk = 11 - total % 11
        if chk == 11:
            chk = 0
        if chk != 10:
            return s + str(chk)


def make_nino(r):
    while True:
        a = r.choice("ABCEGHJKLMNOPRSTWXYZ")
        b = r.choice("ABCEGHJKLMNPRSTWXYZ")
        if a + b not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ", "OO"):
            return a + b, digits(r, 6), r.choice("ABCD")


def make_nir(r, p):
    sex = "1" if p.sex == "M" else "2"
    yy, mm = "%02d" % (p.dob.year % 100), "%02d" % p.dob.month
    if r.random() < 0.25:
        dept, commune = "99", r.choice(["350", "352", "109", "134", "327", "333", "212", "243"])  # born abroad
    else:
        dept = "%02d" % r.choice([1, 6, 13, 29, 31, 33, 35, 44, 59, 64, 67, 69, 75, 92, 93, 94, 97])
        commune = "%03d" % r.randrange(1, 500)
        if dept == "97":
            dept, commune = "97", str(r.choice([1, 2, 3, 4])) + "%02d" % r.randrange(1, 30)
    order = "%03d" % r.randrange(1, 999)
    body = sex + yy + mm + dept + commune + order
    return body + "%02d" % (97 - int(body) % 97)


def fmt_nir(r, s):
    return r.choice([group(s, [1, 2, 2, 2, 3, 3, 2], " "), s, group(s, [13, 2], " ")])


def make_steuerid(r):
    while True:
        ds = list("0123456789")
        r.shuffle(ds)
        missing = ds.pop()
        dup = r.choice(ds)
        ten = ds + [dup]
        r.shuffle(ten)
        s = "".join(ten)
        if s[0] == "0" or missing == dup:
            continue
        if re.search(r"(\d)\1\1", s):
            continue
        full = s + str(steuerid_check(s))
        if steuerid_ok(full):
            return full


def make_dni(r, nie=False):
    if nie:
        p = r.choice("XYZ")
        num = digits(r, 7)
        return p + num + DNI_LETTERS[int(str("XYZ".index(p)) + num) % 23]
    num = digits(r, 8, True)
    return num + DNI_LETTERS[int(num) % 23]


BELFIORE = ["H501", "F205", "F839", "L219", "G273", "A944", "D612", "A662", "Z335", "Z343", "Z330", "Z129", "Z100", "Z210",
            "Z216", "Z222", "Z249", "Z611", "Z605", "Z209", "Z138", "Z602", "Z112", "Z110", "Z131", "Z114"]


def _cf_part(name, given=False):
    s = re.sub(r"[^A-Z]", "", fold(name).upper())
    cons = [c for c in s if c not in "AEIOU"]
    vows = [c for c in s if c in "AEIOU"]
    if given and len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return ("".join(cons + vows) + "XXX")[:3]


def make_cf(r, p):
    s = _cf_part(p.surname) + _cf_part(p.given, True) + "%02d" % (p.dob.year % 100) + "ABCDEHLMPRST"[p.dob.month - 1]
    s += "%02d" % (p.dob.day + (40 if p.sex == "F" else 0)) + r.choice(BELFIORE)
    return s + cf_check(s)


def make_bsn(r):
    while True:
        s = digits(r, 8, True)
        total = sum(int(c) * w for c, w in zip(s, range(9, 1, -1)))
        d9 = total % 11
        if d9 < 10:
            return s + str(d9)


def make_kvnr(r):
    letter = r.choice(UPPER)
    body = digits(r, 8)
    n = "%02d" % (ord(letter) - 64) + body
    total = 0
    for i, c in enumerate(n):
        p = int(c) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return letter + body + str(total % 10)


VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def make_vin(r):
    wmi = r.choice(["1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "WVW", "WBA", "VF1", "ZFA", "SAL", "YV1", "TMB", "VSS", "WDD", "JN1", "1G1"])
    v = wmi + alnum(r, 5, VIN_CH) + "0" + r.choice("KLMNPRSTVWXY123456789") + alnum(r, 1, VIN_CH) + digits(r, 6)
    return v[:8] + vin_check(v) + v[9:]


def make_plate(r, c):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if c == "DE":
        return "%s-%s %d" % (r.choice(["B", "M", "HH", "K", "L", "FR", "DO", "KI"]), alnum(r, r.choice([1, 2]), L), r.randrange(1, 9999))
    if c == "AT":
        return "W-%d%s" % (r.randrange(1000, 99999), alnum(r, 1, L))
    if c == "CH":
        return "%s %d" % (r.choice(["ZH", "BE", "GE", "VD", "BS"]), r.randrange(10000, 999999))
    if c in ("GB", "IE"):
        if c == "IE":
            return "%d-%s-%d" % (r.choice([191, 201, 222, 231, 242]), r.choice(["D", "C", "G", "L"]), r.randrange(1, 99999))
        return "%s%02d %s" % (alnum(r, 2, L), r.choice([19, 20, 21, 22, 23, 24, 69, 70, 71, 72, 73, 74]), alnum(r, 3, L))
    if c == "FR":
        return "%s-%03d-%s" % (alnum(r, 2, L), r.randrange(1, 999), alnum(r, 2, L))
    if c == "IT":
        return "%s %03d%s" % (alnum(r, 2, L), r.randrange(1, 999), r.choice([" ", ""]) + alnum(r, 2, L))
    if c == "ES":
        return "%04d %s" % (r.randrange(0, 9999), alnum(r, 3, "BCDFGHJKLMNPRSTVWXYZ"))
    if c in ("NL", "BE"):
        if c == "BE":
            return "1-%s-%03d" % (alnum(r, 3, L), r.randrange(1, 999))
        return r.choice(["%02d-%s-%d" % (r.randrange(1, 99), alnum(r, 3, "BDFGHJKLNPRSTVXZ"), r.randrange(1, 9)),
                         "%s-%03d-%s" % (alnum(r, 2, "BDFGHJKLNPRSTVXZ"), r.randrange(1, 999), alnum(r, 1, "BDFGHJKLNPRSTVXZ"))])
    if c in ("PT", "BR"):
        return ("%s-%02d-%s" % (alnum(r, 2, L), r.randrange(0, 99), alnum(r, 2, L))) if c == "PT" else "%s%d%s%02d" % (alnum(r, 3, L), r.randrange(10), alnum(r, 1, L), r.randrange(100))
    if c == "PL":
        return "%s %s" % (r.choice(["WA", "KR", "GD", "WR", "PO"]), digits(r, 5))
    if c == "SE":
        return "%s %02d%s" % (alnum(r, 3, "ABCDEFGHJKLMNOPRSTUWXZ"), r.randrange(0, 99), r.choice("0123456789ABCDEFGHJKLMNPRSTUWXYZ"))
    if c == "TR":
        return "%02d %s %d" % (r.choice([34, 6, 35, 16]), alnum(r, r.choice([1, 2, 3]), "ABCDEFGHJKLMNOPRSTUVYZ"), r.randrange(10, 9999))
    # US and the rest: a US-style plate
    return r.choice(["%d%s%03d" % (r.randrange(1, 9), alnum(r, 3, L), r.randrange(0, 999)), "%s-%04d" % (alnum(r, 3, L), r.randrange(0, 9999)),
                     "%s %s" % (alnum(r, 3, L), digits(r, 3))])


def make_udi(r):
    g13 = "0" + digits(r, 12, True)
    gtin = g13 + gtin_check(g13)
    exp = "%02d%02d%02d" % (r.randrange(25, 30), r.randrange(1, 13), r.randrange(1, 29))
    lot = alnum(r, r.randrange(4, 8))
    sn = alnum(r, r.randrange(6, 10))
    return "(01)%s(17)%s(10)%s(21)%s" % (gtin, exp, lot, sn), gtin


def make_serial(r, kind=None):
    kind = kind or r.choice(["pm", "pump", "cgm", "ha", "icd", "imei", "inf", "cpap"])
    if kind == "imei":
        return luhn_complete(r.choice(["35", "86", "49", "01"]) + digits(r, 12))
    return {"pm": lambda: "%s%06d%s" % (alnum(r, 3, UPPER), r.randrange(10 ** 5, 10 ** 6), r.choice("HRSV")),
            "pump": lambda: "PMP-%s-%06d" % (alnum(r, 3), r.randrange(10 ** 5, 10 ** 6)),
            "cgm": lambda: alnum(r, 6),
            "ha": lambda: "%04dH%04d" % (r.randrange(1000, 9999), r.randrange(1000, 9999)),
            "icd": lambda: "RLA%07d" % r.randrange(10 ** 6, 10 ** 7),
            "inf": lambda: "AL-8100-%07d" % r.randrange(10 ** 6, 10 ** 7),
            "cpap": lambda: "%d%s%07d" % (r.randrange(20, 24), alnum(r, 2, UPPER), r.randrange(10 ** 6, 10 ** 7))}[kind]()


def make_mrn(r, style=None):
    style = style or r.choice(["d7", "d8", "d9", "e7", "y", "d10", "k"])
    return {"d7": lambda: digits(r, 7, True), "d8": lambda: digits(r, 8), "d9": lambda: digits(r, 9),
            "e7": lambda: r.choice("EMH") + digits(r, 7), "y": lambda: "%d-%06d" % (r.randrange(2009, 2025), r.randrange(1, 999999)),
            "d10": lambda: digits(r, 10, True), "k": lambda: r.choice(["K", "RX", "MR"]) + digits(r, 6, True)}[style]()


def make_hpid(r, style=None):
    style = style or r.choice(["us3", "w", "mbi", "mcaid", "us2"])
    if style == "us3":
        return alnum(r, 3, UPPER) + digits(r, 9)
    if style == "us2":
        return alnum(r, 2, UPPER) + digits(r, 7) + "-" + "%02d" % r.randrange(1, 4)
    if style == "w":
        return "W" + digits(r, 9)
    if style == "mcaid":
        return alnum(r, 2, UPPER) + digits(r, 5) + alnum(r, 1, UPPER)
    if style == "mbi":
        A = "ACDEFGHJKMNPQRTUVWXY"
        AN = A + "0123456789"
        s = (str(r.randrange(1, 10)) + r.choice(A) + r.choice(AN) + str(r.randrange(10)) + r.choice(A) + r.choice(AN) +
             str(r.randrange(10)) + r.choice(A) + r.choice(A) + str(r.randrange(10)) + str(r.randrange(10)))
        return r.choice([s, s[:4] + "-" + s[4:7] + "-" + s[7:]])
    if style == "kvnr":
        return make_kvnr(r)
    if style == "team":  # Italian health card (TEAM) number
        return "80380" + digits(r, 15)
    if style == "nuss":  # Spanish social security affiliation number
        return "%02d/%08d/%02d" % (r.choice([28, 8, 41, 46, 48]), r.randrange(10 ** 7, 10 ** 8), r.randrange(100))
    if style == "utente":
        return digits(r, 9, True)
    if style == "polis":
        return digits(r, 9, True)
    if style == "mutuelle":
        return digits(r, 10, True)
    raise KeyError(style)


def make_passport(r):
    return r.choice([digits(r, 9, True), r.choice("AE") + digits(r, 8)])


def make_dl(r, st=None):
    st = st or r.choice(["CA", "NY", "FL", "TX", "IL", "PA", "MA", "WA"])
    return st, {"CA": lambda: r.choice(UPPER) + digits(r, 7),
                "NY": lambda: r.choice([digits(r, 9), "%s %s %s" % (digits(r, 3), digits(r, 3), digits(r, 3))]),
                "FL": lambda: "%s%s-%s-%s-%s-%s" % (r.choice(UPPER), digits(r, 3), digits(r, 3), digits(r, 2), digits(r, 3), digits(r, 1)),
                "TX": lambda: digits(r, 8, True), "IL": lambda: "%s%s-%s-%s" % (r.choice(UPPER), digits(r, 3), digits(r, 4), digits(r, 4)),
                "PA": lambda: "%s %s %s" % (digits(r, 2), digits(r, 3), digits(r, 3)), "MA": lambda: "S" + digits(r, 8),
                "WA": lambda: "WDL" + alnum(r, 9)}[st]()


def make_api_key(r, kind=None):
    kind = kind or r.choice(["sk", "proj", "aws", "ghp", "slack", "jwt", "google", "hex", "bearer", "glpat", "hf", "twilio"])
    if kind == "sk":
        return "sk_live_" + alnum(r, 24, B62)
    if kind == "proj":
        return "sk-proj-" + alnum(r, 48, B62 + "-_")
    if kind == "aws":
        return "AKIA" + alnum(r, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    if kind == "awssecret":
        return alnum(r, 40, B62 + "+/")
    if kind == "ghp":
        return "ghp_" + alnum(r, 36, B62)
    if kind == "slack":
        return "xoxb-%s-%s-%s" % (digits(r, 11, True), digits(r, 13, True), alnum(r, 24, B62))
    if kind == "jwt":
        hdr = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
        payload = json.dumps({"sub": digits(r, 7), "iat": 1700000000 + r.randrange(10 ** 7), "scope": "claims:read"}, separators=(",", ":"))
        pl = base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")
        sig = base64.urlsafe_b64encode(bytes(r.randrange(256) for _ in range(32))).decode().rstrip("=")
        return hdr + "." + pl + "." + sig
    if kind == "google":
        return "AIza" + alnum(r, 35, B62 + "-_")
    if kind == "hex":
        return alnum(r, r.choice([32, 40, 64]), HEX)
    if kind == "bearer":
        return alnum(r, 43, B62 + "-_")
    if kind == "glpat":
        return "glpat-" + alnum(r, 20, B62 + "-_")
    if kind == "hf":
        return "hf_" + alnum(r, 34, B62)
    if kind == "npm":
        return "npm_" + alnum(r, 36, B62)
    if kind == "pypi":
        return "pypi-AgEIcHlwaS5vcmc" + alnum(r, 60, B62 + "-_")
    if kind == "twilio":
        return "SK" + alnum(r, 32, HEX)
    if kind == "pw":
        return r.choice([
            lambda: r.choice(["Summer", "Winter", "Bl4ckbird", "Harbor", "Mango", "Tr0ub4dor", "Kestrel", "Pa55w0rd", "Lotus", "Osprey"]) +
            str(r.randrange(1990, 2026)) + r.choice("!#$%&*?"),
            lambda: alnum(r, r.randrange(12, 20), B62 + "!#%&*+-=?@^_"),
            lambda: "%s-%s-%s-%d" % (r.choice(["correct", "violet", "granite", "pelican"]), r.choice(["horse", "lamp", "river", "cactus"]),
                                     r.choice(["battery", "staple", "ember", "quartz"]), r.randrange(10, 99))])()
    raise KeyError(kind)


# ICD-10-CM codes with short descriptions; some translated.
ICD = [
    ("E11.9", "type 2 diabetes mellitus without complications", {"de": "Diabetes mellitus Typ 2 ohne Komplikationen", "fr": "diabète de type 2 sans complication", "es": "diabetes mellitus tipo 2 sin complicaciones", "it": "diabete mellito di tipo 2 senza complicanze", "nl": "diabetes mellitus type 2 zonder complicaties", "pt": "diabetes mellitus tipo 2 sem complicações", "pl": "cukrzyca typu 2 bez powikłań", "sv": "typ 2-diabetes utan komplikationer", "tr": "komplikasyonsuz tip 2 diyabet"}),
    ("I10", "essential (primary) hypertension", {"de": "essentielle Hypertonie", "fr": "hypertension essentielle", "es": "hipertensión esencial", "it": "ipertensione essenziale", "nl": "essentiële hypertensie", "pt": "hipertensão essencial", "pl": "nadciśnienie samoistne", "sv": "essentiell hypertoni", "tr": "esansiyel hipertansiyon"}),
    ("J45.909", "unspecified asthma, uncomplicated", {}),
    ("J45.9", "asthma, unspecified", {"de": "Asthma bronchiale, nicht näher bezeichnet", "fr": "asthme, sans précision", "es": "asma, no especificada", "it": "asma non specificata", "nl": "astma, niet gespecificeerd", "pt": "asma não especificada", "pl": "astma, nieokreślona", "sv": "astma, ospecificerad", "tr": "astım, tanımlanmamış"}),
    ("F32.1", "major depressive disorder, single episode, moderate", {"de": "mittelgradige depressive Episode", "fr": "épisode dépressif moyen", "es": "episodio depresivo moderado", "it": "episodio depressivo moderato", "nl": "matige depressieve episode", "pt": "episódio depressivo moderado"}),
    ("M54.50", "low back pain, unspecified", {}),
    ("N39.0", "urinary tract infection, site not specified", {"de": "Harnwegsinfektion, Lokalisation nicht näher bezeichnet", "fr": "infection des voies urinaires, siège non précisé", "es": "infección de vías urinarias, sitio no especificado", "it": "infezione delle vie urinarie, sede non specificata", "nl": "urineweginfectie", "pt": "infecção do trato urinário", "pl": "zakażenie układu moczowego", "sv": "urinvägsinfektion", "tr": "idrar yolu enfeksiyonu"}),
    ("J18.9", "pneumonia, unspecified organism", {"de": "Pneumonie, nicht näher bezeichnet", "fr": "pneumopathie, sans précision", "es": "neumonía, no especificada", "it": "polmonite non specificata", "nl": "pneumonie, niet gespecificeerd", "pt": "pneumonia não especificada", "pl": "zapalenie płuc, nieokreślone", "sv": "pneumoni, ospecificerad", "tr": "pnömoni, tanımlanmamış"}),
    ("I48.91", "unspecified atrial fibrillation", {}),
    ("I48.0", "paroxysmal atrial fibrillation", {"de": "Vorhofflimmern, paroxysmal", "fr": "fibrillation auriculaire paroxystique", "es": "fibrilación auricular paroxística", "it": "fibrillazione atriale parossistica", "nl": "paroxismaal atriumfibrilleren", "pt": "fibrilhação auricular paroxística"}),
    ("I21.4", "non-ST elevation (NSTEMI) myocardial infarction", {"de": "akuter subendokardialer Myokardinfarkt (NSTEMI)", "fr": "infarctus du myocarde sans sus-décalage du ST", "es": "infarto agudo de miocardio sin elevación del ST", "it": "infarto miocardico NSTEMI"}),
    ("K35.80", "unspecified acute appendicitis", {}),
    ("S72.001A", "fracture of unspecified part of neck of right femur, initial encounter", {}),
    ("S72.00", "fracture of neck of femur", {"de": "Schenkelhalsfraktur", "fr": "fracture du col du fémur", "es": "fractura del cuello del fémur", "it": "frattura del collo del femore", "nl": "collumfractuur", "pt": "fratura do colo do fémur"}),
    ("O24.410", "gestational diabetes mellitus in pregnancy, diet controlled", {}),
    ("E66.01", "morbid (severe) obesity due to excess calories", {}),
    ("G40.909", "epilepsy, unspecified, not intractable, without status epilepticus", {}),
    ("C50.911", "malignant neoplasm of unspecified site of right female breast", {}),
    ("C50.9", "malignant neoplasm of breast, unspecified", {"de": "Mammakarzinom, nicht näher bezeichnet", "fr": "tumeur maligne du sein, sans précision", "es": "tumor maligno de la mama, parte no especificada", "it": "tumore maligno della mammella", "nl": "maligne neoplasma van mamma", "pt": "neoplasia maligna da mama"}),
    ("Z79.4", "long term (current) use of insulin", {}),
    ("F10.20", "alcohol dependence, uncomplicated", {}),
    ("J44.1", "chronic obstructive pulmonary disease with (acute) exacerbation", {"de": "COPD mit akuter Exazerbation", "fr": "BPCO avec exacerbation aiguë", "es": "EPOC con exacerbación aguda", "it": "BPCO con esacerbazione acuta", "nl": "COPD met acute exacerbatie", "pt": "DPOC com exacerbação aguda", "pl": "POChP z zaostrzeniem", "sv": "KOL med akut exacerbation", "tr": "akut alevlenmeli KOAH"}),
    ("N18.30", "chronic kidney disease, stage 3 unspecified", {}),
    ("R07.9", "chest pain, unspecified", {"de": "Brustschmerzen, nicht näher bezeichnet", "fr": "douleur thoracique, sans précision", "es": "dolor torácico, no especificado", "it": "dolore toracico non specificato", "nl": "pijn op de borst", "pt": "dor torácica não especificada", "pl": "ból w klatce piersiowej", "sv": "bröstsmärta", "tr": "göğüs ağrısı"}),
    ("R50.9", "fever, unspecified", {"de": "Fieber, nicht näher bezeichnet", "fr": "fièvre, sans précision", "es": "fiebre, no especificada", "it": "febbre non specificata", "nl": "koorts", "pt": "febre não especificada"}),
    ("A41.9", "sepsis, unspecified organism", {"de": "Sepsis, nicht näher bezeichnet", "fr": "sepsis, sans précision", "es": "sepsis, no especificada", "it": "sepsi non specificata", "nl": "sepsis", "pt": "sépsis não especificada"}),
    ("I50.9", "heart failure, unspecified", {"de": "Herzinsuffizienz, nicht näher bezeichnet", "fr": "insuffisance cardiaque, sans précision", "es": "insuficiencia cardíaca, no especificada", "it": "scompenso cardiaco", "nl": "hartfalen", "pt": "insuficiência cardíaca", "pl": "niewydolność serca", "sv": "hjärtsvikt", "tr": "kalp yetmezliği"}),
    ("K21.9", "gastro-esophageal reflux disease without esophagitis", {"de": "gastroösophageale Refluxkrankheit ohne Ösophagitis", "fr": "reflux gastro-œsophagien sans œsophagite", "es": "reflujo gastroesofágico sin esofagitis", "it": "malattia da reflusso senza esofagite", "nl": "gastro-oesofageale reflux", "pt": "refluxo gastroesofágico sem esofagite"}),
    ("L03.115", "cellulitis of right lower limb", {}),
    ("G43.909", "migraine, unspecified, not intractable", {}),
    ("E03.9", "hypothyroidism, unspecified", {"de": "Hypothyreose, nicht näher bezeichnet", "fr": "hypothyroïdie, sans précision", "es": "hipotiroidismo, no especificado", "it": "ipotiroidismo non specificato", "nl": "hypothyreoïdie", "pt": "hipotiroidismo"}),
    ("M17.11", "unilateral primary osteoarthritis, right knee", {}),
    ("F41.1", "generalized anxiety disorder", {"de": "generalisierte Angststörung", "fr": "anxiété généralisée", "es": "trastorno de ansiedad generalizada", "it": "disturbo d'ansia generalizzato", "nl": "gegeneraliseerde angststoornis", "pt": "perturbação de ansiedade generalizada", "pl": "zaburzenie lękowe uogólnione", "sv": "generaliserat ångestsyndrom", "tr": "yaygın anksiyete bozukluğu"}),
    ("B20", "human immunodeficiency virus [HIV] disease", {"de": "HIV-Krankheit", "fr": "maladie due au VIH", "es": "enfermedad por VIH", "it": "malattia da HIV", "nl": "HIV-ziekte", "pt": "doença pelo VIH"}),
    ("E10.65", "type 1 diabetes mellitus with hyperglycemia", {}),
    ("I63.9", "cerebral infarction, unspecified", {"de": "Hirninfarkt, nicht näher bezeichnet", "fr": "infarctus cérébral, sans précision", "es": "infarto cerebral, no especificado", "it": "infarto cerebrale", "nl": "herseninfarct", "pt": "enfarte cerebral", "pl": "zawał mózgu", "sv": "hjärninfarkt", "tr": "serebral enfarktüs"}),
    ("S06.0X0A", "concussion without loss of consciousness, initial encounter", {}),
    ("U07.1", "COVID-19", {"de": "COVID-19, Virus nachgewiesen", "fr": "COVID-19, virus identifié", "es": "COVID-19, virus identificado", "it": "COVID-19", "nl": "COVID-19", "pt": "COVID-19"}),
    ("Z87.891", "personal history of nicotine dependence", {}),
    ("D50.9", "iron deficiency anemia, unspecified", {"de": "Eisenmangelanämie", "fr": "anémie par carence en fer", "es": "anemia ferropénica", "it": "anemia sideropenica", "nl": "ijzergebreksanemie", "pt": "anemia por deficiência de ferro"}),
    ("K50.90", "Crohn's disease, unspecified, without complications", {}),
    ("G20", "Parkinson's disease", {"de": "Parkinson-Syndrom", "fr": "maladie de Parkinson", "es": "enfermedad de Parkinson", "it": "morbo di Parkinson", "nl": "ziekte van Parkinson", "pt": "doença de Parkinson"}),
    ("O80", "encounter for full-term uncomplicated delivery", {}),
    ("Z34.01", "encounter for supervision of normal first pregnancy, first trimester", {}),
    ("T78.40XA", "allergy, unspecified, initial encounter", {}),
    ("F20.9", "schizophrenia, unspecified", {"de": "Schizophrenie, nicht näher bezeichnet", "fr": "schizophrénie, sans précision", "es": "esquizofrenia, no especificada", "it": "schizofrenia non specificata", "nl": "schizofrenie", "pt": "esquizofrenia"}),
    ("M81.0", "age-related osteoporosis without current pathological fracture", {"de": "postmenopausale Osteoporose", "fr": "ostéoporose post-ménopausique", "es": "osteoporosis posmenopáusica", "it": "osteoporosi postmenopausale", "nl": "postmenopauzale osteoporose", "pt": "osteoporose pós-menopáusica"}),
]


def icd_pick(r, lang):
    pool = [x for x in ICD if lang == "en" or lang in x[2]]
    code, en, tr = r.choice(pool)
    return code, (en if lang == "en" else tr[lang])


# ---------------------------------------------------------------------------------------
# Unlabeled vocabulary: organisations, drugs, eponyms (the hard look-alikes)
# ---------------------------------------------------------------------------------------
HOSPITALS = {
    "en": ["St. Brigid's Regional Medical Center", "Riverbend Community Hospital", "Mercy West Infirmary", "Lakeside General",
           "Royal Alderney Hospital", "Queen Adelaide Children's Hospital", "Northgate Health", "Good Samaritan Medical Center",
           "Harborview Medical Center", "St Thomas' Hospital", "Mount Sinai", "Cleveland Clinic", "Tuba City Regional Health Care"],
    "de": ["Klinikum Nord", "Universitätsklinikum Freiburg", "St. Elisabeth-Krankenhaus", "Charité", "Klinikum am See", "Helios Klinik"],
    "fr": ["Hôpital Saint-Louis", "CHU de Rennes", "Clinique des Cèdres", "Hôpital Necker", "CHU Vallée de la Loire"],
    "es": ["Hospital Universitario La Paz", "Hospital Clínic", "Hospital Virgen del Rocío", "Clínica del Sol", "Hospital de Cruces"],
    "it": ["Ospedale San Raffaele", "Policlinico Gemelli", "Ospedale Niguarda", "ASST Valtellina", "Ospedale Cardarelli"],
    "nl": ["UMC Utrecht", "Erasmus MC", "Isala", "Zorggroep Eemland", "OLVG", "Catharina Ziekenhuis"],
    "pt": ["Hospital de Santa Maria", "Hospital São João", "Hospital da Ribeira", "CHU de Coimbra", "Hospital Sírio-Libanês"],
    "pl": ["Szpital Bielański", "Uniwersytecki Szpital Kliniczny", "Szpital Miejski nr 2"],
    "sv": ["Karolinska universitetssjukhuset", "Sahlgrenska", "Akademiska sjukhuset"],
    "tr": ["Acıbadem Hastanesi", "Ankara Şehir Hastanesi", "Anadolu Sağlık Merkezi"],
}
INSURERS = ["Aetna", "Cigna", "UnitedHealthcare", "Humana", "Kaiser Permanente", "Blue Cross Blue Shield of Illinois", "Anthem",
            "Molina Healthcare", "Harborview Mutual", "Bluefen Insurance", "Bupa", "AXA Health", "Vitality"]
INSURERS_L = {"de": ["AOK Bayern", "Techniker Krankenkasse", "Barmer", "DAK-Gesundheit", "Allianz Private Krankenversicherung"],
              "fr": ["MGEN", "Harmonie Mutuelle", "CPAM", "AXA", "Malakoff Humanis"],
              "es": ["Sanitas", "Adeslas", "DKV", "Asisa", "Mapfre Salud"], "it": ["UniSalute", "Generali", "Poste Assicura", "RBM Salute"],
              "nl": ["Zilveren Kruis", "CZ", "VGZ", "Menzis", "DSW"], "pt": ["Médis", "Multicare", "AdvanceCare", "SAMS"],
              "pl": ["NFZ", "Luxmed", "Medicover"], "sv": ["Folksam", "Länsförsäkringar"], "tr": ["SGK", "Allianz Sigorta"]}
BANKS = {"en": ["Chase", "Wells Fargo", "Barclays", "HSBC", "Northgate Bank", "Larchmont Credit Union", "Navy Federal Credit Union", "Monzo", "Lloyds"],
         "de": ["Deutsche Bank", "Sparkasse KölnBonn", "Commerzbank", "Volksbank", "DKB", "N26"], "fr": ["BNP Paribas", "Crédit Agricole", "Société Générale", "La Banque Postale", "Crédit Mutuel"],
         "es": ["Santander", "BBVA", "CaixaBank", "Bankinter", "Sabadell"], "it": ["Intesa Sanpaolo", "UniCredit", "BPER", "Banca Sella", "Fineco"],
         "nl": ["ING", "Rabobank", "ABN AMRO", "bunq", "ASN Bank"], "pt": ["Millennium bcp", "Caixa Geral de Depósitos", "Novo Banco", "Banco Itaú"],
         "pl": ["PKO BP", "mBank", "Pekao"], "sv": ["Swedbank", "Handelsbanken", "SEB"], "tr": ["Ziraat Bankası", "Garanti BBVA", "Akbank"]}
DRUGS = ["Eliquis 5 mg", "metformin 500 mg", "Ozempic 0.5 mg", "Lantus", "atorvastatin 40 mg", "Xarelto 20 mg", "lisinopril 10 mg",
         "Humira 40 mg/0.4 mL", "levothyroxine 75 mcg", "Keytruda", "sertraline 50 mg", "amoxicillin-clavulanate 875/125", "Jardiance 10 mg",
         "furosemide 40 mg", "Entresto 49/51", "apixaban 2.5 mg", "Trulicity 1.5 mg", "omeprazole 20 mg", "Dupixent 300 mg", "tramadol 50 mg",
         "prednisolone 5 mg", "insulin glargine", "Symbicort 160/4.5", "Paxlovid", "enoxaparin 40 mg", "oxycodone 5 mg", "Adderall XR 20 mg"]
EPONYMS = ["Parkinson's disease", "Hodgkin lymphoma", "Crohn's disease", "Alzheimer's dementia", "Graves' disease", "Hashimoto's thyroiditis",
           "Cushing's syndrome", "Addison's disease", "Bell's palsy", "Guillain-Barré syndrome", "Kaposi sarcoma", "Wilms tumour",
           "Barrett's oesophagus", "Down syndrome", "Tourette syndrome", "Raynaud's phenomenon", "Sjögren's syndrome", "Meniere's disease",
           "Huntington's disease", "Asperger's", "Ménétrier disease", "Kawasaki disease", "Takotsubo cardiomyopathy", "Dupuytren's contracture"]
SIGNS = ["Murphy's sign", "Babinski sign", "McBurney's point tenderness", "Glasgow Coma Scale", "Apgar score", "Wells score", "Kernig's sign",
         "Romberg test", "Trousseau sign", "Homans sign", "Chvostek sign", "Lachman test", "Rovsing's sign", "Brudzinski sign"]
PROCS = ["Foley catheter", "Whipple procedure", "Nissen fundoplication", "Seldinger technique", "Trendelenburg position", "Heimlich manoeuvre",
         "Valsalva manoeuvre", "Swan-Ganz catheter", "Hartmann's procedure", "Snellen chart", "Epley manoeuvre", "Hickman line", "Kocher incision"]
COMPANIES = ["Kestrel Payroll", "Meridian Care", "Talvik Logistik", "Northwind Analytics", "Bluefen Insurance", "Harborview Mutual",
             "Larchmont Credit Union", "Orion Diagnostics", "Quantix Labs", "Epic", "Cerner", "Workday", "SAP SuccessFactors", "Salesforce"]
CUR = {"US": "$", "GB": "£", "IE": "€", "CA": "CA$", "AU": "A$", "NZ": "NZ$", "IN": "₹", "ZA": "R", "NG": "₦", "KE": "KSh ",
       "DE": "€", "AT": "€", "CH": "CHF ", "FR": "€", "BE": "€", "ES": "€", "MX": "MXN ", "CO": "COP ", "AR": "ARS ", "PE": "S/ ",
       "IT": "€", "NL": "€", "PT": "€", "BR": "R$ ", "PL": "zł ", "SE": "SEK ", "TR": "₺"}


# ---------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------
class Ctx:
    def __init__(self, r, lang, country):
        self.r, self.lang, self.country = r, lang, country
        self.people = {}
        self.cache = {}
        self.depth = 0

    def person(self, key):
        if key not in self.people:
            self.people[key] = Person(self.r, self.country, clinician=key.startswith("d"), child=key.startswith("k"))
        return self.people[key]


GEN = {}


def gen(name):
    def deco(f):
        GEN[name] = f
        return f
    return deco


def L(text, label):
    return [(text, label)]


def U(text):
    return [(text, None)]


def _country(ctx, args):
    for a in args:
        if re.fullmatch(r"[A-Z]{2}", a):
            return a
    return ctx.country


RECENT0 = datetime.date(2021, 1, 1)


def _date_in(r, kind):
    if kind == "future":
        return datetime.date(2025, 3, 3) + datetime.timedelta(days=r.randrange(0, 200))
    if kind == "old":
        return datetime.date(2008, 1, 1) + datetime.timedelta(days=r.randrange(0, 13 * 365))
    return RECENT0 + datetime.timedelta(days=r.randrange(0, 4 * 365 + 55))


@gen("date")
def g_date(ctx, *args):
    r = ctx.r
    kind = "future" if "future" in args else "old" if "old" in args else "recent"
    style = next((a for a in args if a in ("iso", "hl7", "us", "eu", "slash", "abbr", "long", "num", "spoken")), None)
    d = _date_in(r, kind)
    if style == "spoken":
        return L(spoken_date(r, d) if ctx.lang == "en" else fmt_date(r, d, ctx.lang, ctx.country, "long").lower(), "DATE")
    return L(fmt_date(r, d, ctx.lang, ctx.country, style), "DATE")


@gen("phone")
def g_phone(ctx, *args):
    r = ctx.r
    c = _country(ctx, args)
    if "spoken" in args:
        num = phone(r, c, "nat")
        return L(spoken_digits(r, num, lang=ctx.lang), "PHONE")
    style = "intl" if "intl" in args else "nat" if "nat" in args else None
    return L(phone(r, c, style), "PHONE")


@gen("email")
def g_email(ctx, *args):
    p = Person(ctx.r, ctx.country)
    return L(p.email(_country(ctx, args), work="work" in args), "EMAIL")


@gen("ssn")
def g_ssn(ctx, *args):
    r = ctx.r
    a, g, s = make_ssn(r)
    if "spoken" in args:
        return L(spoken_digits(r, a + g + s, mix=0.3), "US_SSN")
    style = next((x for x in args if x in ("dash", "space", "plain")), None) or r.choices(["dash", "space", "plain"], [7, 1, 2])[0]
    return L({"dash": "%s-%s-%s", "space": "%s %s %s", "plain": "%s%s%s"}[style] % (a, g, s), "US_SSN")


@gen("cc")
def g_cc(ctx, *args):
    r = ctx.r
    brand = next((x for x in args if x in ("visa", "mc", "amex", "disc")), None)
    num = make_cc(r, brand)
    if "spoken" in args:
        return L(spoken_digits(r, num, mix=0.4), "CREDIT_CARD")
    if "plain" in args:
        return L(num, "CREDIT_CARD")
    return L(fmt_cc(r, num), "CREDIT_CARD")


@gen("iban")
def g_iban(ctx, *args):
    r = ctx.r
    c = _country(ctx, args)
    if c not in IBAN_SPEC:
        c = {"BR": "PT", "MX": "ES", "CO": "ES", "AR": "ES", "PE": "ES", "US": "GB", "CA": "GB", "AU": "GB", "NZ": "GB",
             "IN": "GB", "ZA": "GB", "NG": "GB", "KE": "GB"}.get(c, "DE")
    ctx.cache["_iban_cc"] = c
    ib = make_iban(r, c)
    return L(group4(ib) if r.random() < 0.65 or "spaced" in args else ib, "IBAN")


@gen("bic")
def g_bic(ctx, *args):
    c = _country(ctx, args)
    if not any(re.fullmatch(r"[A-Z]{2}", a) for a in args):
        c = ctx.cache.get("_iban_cc", c)
    return L(make_bic(ctx.r, c), "SWIFT_BIC")


@gen("aba")
def g_aba(ctx, *args):
    return L(make_aba(ctx.r), "US_BANK_ROUTING")


@gen("acct")
def g_acct(ctx, *args):
    r = ctx.r
    kind = args[0] if args else r.choice(["us", "gb", "cu", "pat", "loan"])
    v = {"us": lambda: digits(r, r.randrange(8, 13), True), "gb": lambda: digits(r, 8, True), "cu": lambda: digits(r, r.randrange(6, 11), True),
         "pat": lambda: digits(r, r.randrange(7, 11), True), "loan": lambda: digits(r, 10, True) if r.random() < 0.5 else "%s-%s" % (digits(r, 4, True), digits(r, 6)),
         "ch": lambda: "%s %s %s" % (digits(r, 4, True), digits(r, 4), digits(r, 2)), "mask": lambda: "XXXXXX" + digits(r, 4)}[kind]()
    return L(v, "ACCOUNT_NUMBER")


@gen("ip")
def g_ip(ctx, *args):
    r = ctx.r
    kind = args[0] if args else r.choice(["v4", "v4", "v4", "priv", "v6"])
    if kind == "v6":
        v = "2a0%d:%x:%x:%x::%x" % (r.randrange(1, 10), r.randrange(0x1000, 0xffff), r.randrange(0x100, 0xffff), r.randrange(1, 0xffff), r.randrange(1, 0xffff))
    elif kind == "priv":
        v = r.choice(["10.%d.%d.%d" % (r.randrange(256), r.randrange(256), r.randrange(1, 255)), "192.168.%d.%d" % (r.randrange(256), r.randrange(2, 255)),
                      "172.%d.%d.%d" % (r.randrange(16, 32), r.randrange(256), r.randrange(1, 255))])
    else:
        while True:
            a = r.randrange(11, 224)
            if a not in (127, 169, 172, 192, 100, 198, 203):
                break
        v = "%d.%d.%d.%d" % (a, r.randrange(256), r.randrange(256), r.randrange(1, 255))
    return L(v, "IP_ADDRESS")


@gen("url")
def g_url(ctx, *args):
    r = ctx.r
    kind = args[0] if args else r.choice(["portal", "member", "chart", "share", "crm"])
    v = {"portal": lambda: "https://mychart.%s/patient/%s" % (r.choice(["riverbend-health.org", "stbrigids-rmc.org", "meridiancare.net"]), digits(r, 8)),
         "member": lambda: "https://members.%s/account/%s/eob" % (r.choice(["harborviewmutual.com", "bluefen-insurance.co.uk"]), alnum(r, 10, HEX)),
         "chart": lambda: "https://ehr.%s/chart?pid=%s&enc=%s" % (r.choice(["klinikum-am-see.de", "chu-vallee.fr", "lakeside-general.org"]), digits(r, 7), digits(r, 9)),
         "share": lambda: "https://docs.%s/d/%s/edit?usp=sharing" % (r.choice(["google.com", "kestrel-payroll.io"]), alnum(r, 33, B62 + "-_")),
         "crm": lambda: "https://%s.zendesk.com/agent/users/%s" % (r.choice(["northgatebank", "larchmontcu", "harborview"]), digits(r, 11, True)),
         "zoom": lambda: "https://zoom.us/j/%s?pwd=%s" % (digits(r, 10, True), alnum(r, 32, B62)),
         }[kind]()
    return L(v, "URL")


@gen("addr")
def g_addr(ctx, *args):
    parts = "multi" if "multi" in args else "street" if "street" in args else "inline"
    return address(ctx.r, _country(ctx, args), parts)


@gen("mrn")
def g_mrn(ctx, *args):
    if "spoken" in args:
        return L(spoken_digits(ctx.r, make_mrn(ctx.r, "d8")), "MEDICAL_RECORD_NUMBER")
    return L(make_mrn(ctx.r, args[0] if args else None), "MEDICAL_RECORD_NUMBER")


@gen("hpid")
def g_hpid(ctx, *args):
    return L(make_hpid(ctx.r, args[0] if args else None), "HEALTH_PLAN_ID")


@gen("npi")
def g_npi(ctx, *args):
    return L(make_npi(ctx.r), "NPI")


@gen("dea")
def g_dea(ctx, *args):
    ini = ctx.person(args[0]).surname.split(" ")[-1][0] if args else None
    return L(make_dea(ctx.r, ini), "DEA_NUMBER")


@gen("icd")
def g_icd(ctx, *args):
    code, desc = icd_pick(ctx.r, ctx.lang)
    return L(code, "ICD10_CODE")


@gen("dx")
def g_dx(ctx, *args):
    """A diagnosis with its code: description unlabeled, code labeled."""
    r = ctx.r
    code, desc = icd_pick(r, ctx.lang)
    if r.random() < 0.5 and desc[0].islower():
        desc = desc[0].upper() + desc[1:]
    form = args[0] if args else r.choice(["paren", "dash", "codefirst", "brack", "colon"])
    if form == "paren":
        return [(desc + " (", None), (code, "ICD10_CODE"), (")", None)]
    if form == "dash":
        return [(desc + " – ", None), (code, "ICD10_CODE")]
    if form == "brack":
        return [(desc + " [", None), (code, "ICD10_CODE"), ("]", None)]
    if form == "colon":
        return [(code, "ICD10_CODE"), (": " + desc, None)]
    return [(code, "ICD10_CODE"), (" " + desc, None)]


@gen("passport")
def g_passport(ctx, *args):
    return L(make_passport(ctx.r), "US_PASSPORT")


@gen("dlstate")
def g_dlstate(ctx, *args):
    if "_dl" not in ctx.cache:
        ctx.cache["_dl"] = make_dl(ctx.r)
    return U(ctx.cache["_dl"][0])


@gen("dl")
def g_dl(ctx, *args):
    if "_dl" not in ctx.cache:
        ctx.cache["_dl"] = make_dl(ctx.r, args[0] if args else None)
    return L(ctx.cache["_dl"][1], "US_DRIVER_LICENSE")


@gen("nhs")
def g_nhs(ctx, *args):
    r = ctx.r
    s = make_nhs(r)
    if "spoken" in args:
        return L(spoken_digits(r, s), "UK_NHS")
    return L(r.choice([group(s, [3, 3, 4], " "), group(s, [3, 3, 4], " "), s, group(s, [3, 3, 4], "-")]), "UK_NHS")


@gen("nino")
def g_nino(ctx, *args):
    r = ctx.r
    a, d, s = make_nino(r)
    return L(r.choice(["%s %s %s %s %s" % (a, d[:2], d[2:4], d[4:], s), a + d + s, "%s%s %s" % (a, d, s)]), "UK_NINO")


@gen("steuerid")
def g_steuerid(ctx, *args):
    r = ctx.r
    s = make_steuerid(r)
    return L(r.choice([s, group(s, [2, 3, 3, 3], " "), group(s, [2, 3, 3, 3], " ")]), "DE_TAX_ID")


@gen("dni")
def g_dni(ctx, *args):
    r = ctx.r
    s = make_dni(r, nie="nie" in args)
    if r.random() < 0.25:
        s = s[:-1] + "-" + s[-1]
    return L(s, "ES_DNI")


@gen("bsn")
def g_bsn(ctx, *args):
    r = ctx.r
    s = make_bsn(r)
    return L(r.choice([s, s, "%s.%s.%s" % (s[:4], s[4:6], s[6:]), "%s %s %s" % (s[:3], s[3:6], s[6:])]), "NL_BSN")


@gen("kvnr")
def g_kvnr(ctx, *args):
    return L(make_kvnr(ctx.r), "HEALTH_PLAN_ID")


@gen("vin")
def g_vin(ctx, *args):
    return L(make_vin(ctx.r), "VEHICLE_ID")


@gen("plate")
def g_plate(ctx, *args):
    return L(make_plate(ctx.r, _country(ctx, args)), "VEHICLE_ID")


@gen("udi")
def g_udi(ctx, *args):
    return L(make_udi(ctx.r)[0], "DEVICE_ID")


@gen("serial")
def g_serial(ctx, *args):
    return L(make_serial(ctx.r, args[0] if args else None), "DEVICE_ID")


@gen("mac")
def g_mac(ctx, *args):
    r = ctx.r
    return L(":".join("%02X" % r.randrange(256) for _ in range(6)), "DEVICE_ID")


@gen("key")
def g_key(ctx, *args):
    return L(make_api_key(ctx.r, args[0] if args else None), "API_KEY")


@gen("pw")
def g_pw(ctx, *args):
    return L(make_api_key(ctx.r, "pw"), "API_KEY")


# --- unlabeled helpers ----------------------------------------------------------------
@gen("n")
def g_n(ctx, lo="1", hi="99", *rest):
    v = ctx.r.randrange(int(lo), int(hi) + 1)
    return U(("%0" + rest[0] + "d") % v if rest else str(v))


@gen("amt")
def g_amt(ctx, *args):
    r = ctx.r
    lo, hi = (int(args[0]), int(args[1])) if len(args) >= 2 else (20, 5000)
    v = r.randrange(lo * 100, hi * 100) / 100.0
    cur = CUR.get(ctx.country, "$")
    if ctx.lang in ("de", "fr", "es", "it", "nl", "pt", "pl", "sv", "tr"):
        s = ("%.2f" % v).replace(".", ",")
        if v >= 1000:
            i, f = s.split(",")
            s = i[:-3] + "." + i[-3:] + "," + f
        return U(s + " " + cur.strip() if cur.strip() in ("€", "zł", "SEK", "₺", "CHF") and r.random() < 0.6 else cur + s)
    return U(cur + "{:,.2f}".format(v))


@gen("time")
def g_time(ctx, *args):
    r = ctx.r
    h, m = r.randrange(0, 24), r.choice([0, 5, 10, 15, 20, 25, 30, 40, 45, 50, 55, 12, 37])
    if ctx.lang == "en" and ctx.country in US_LIKE and r.random() < 0.5:
        return U("%d:%02d %s" % ((h % 12) or 12, m, "am" if h < 12 else "pm"))
    return U("%02d:%02d" % (h, m) if r.random() < 0.7 else "%02d%02d" % (h, m))


@gen("ts")
def g_ts(ctx, *args):
    r = ctx.r
    d = datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=r.randrange(0, 420 * 86400))
    kind = args[0] if args else "iso"
    if kind == "iso":
        return U(d.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % r.randrange(1000))
    if kind == "sql":
        return U(d.strftime("%Y-%m-%d %H:%M:%S"))
    if kind == "apache":
        return U("%02d/%s/%d:%s +0000" % (d.day, MONTHS["en"][d.month - 1][:3], d.year, d.strftime("%H:%M:%S")))
    if kind == "syslog":
        return U("%s %2d %s" % (MONTHS["en"][d.month - 1][:3], d.day, d.strftime("%H:%M:%S")))
    if kind == "epoch":
        return U(str(1704067200 + r.randrange(0, 420 * 86400)))
    raise KeyError(kind)


@gen("ticket")
def g_ticket(ctx, *args):
    r = ctx.r
    return U(r.choice(["INC%07d" % r.randrange(10 ** 6), "SR-%d" % r.randrange(1000, 99999), "CS-%d-%05d" % (r.randrange(2023, 2026), r.randrange(10 ** 5)),
                       "%s-%d" % (r.choice(["OPS", "PAY", "CLM", "HRIS", "SEC", "EHR"]), r.randrange(100, 9999)), "#%d" % r.randrange(10000, 999999)]))


@gen("order")
def g_order(ctx, *args):
    r = ctx.r
    return U(r.choice(["PO-%d-%05d" % (r.randrange(2023, 2026), r.randrange(10 ** 5)), "ORD-%s" % alnum(r, 8), "#A-%05d" % r.randrange(10 ** 5),
                       "%03d-%07d" % (r.randrange(100, 999), r.randrange(10 ** 7))]))


@gen("claim")
def g_claim(ctx, *args):
    r = ctx.r
    return U(r.choice(["CLM-%d-%07d" % (r.randrange(2023, 2026), r.randrange(10 ** 7)), "C%s" % alnum(r, 10), "%d%s%05d" % (r.randrange(23, 26), alnum(r, 2, UPPER), r.randrange(10 ** 5))]))


@gen("ver")
def g_ver(ctx, *args):
    r = ctx.r
    return U(r.choice(["v%d.%d.%d" % (r.randrange(0, 12), r.randrange(0, 30), r.randrange(0, 40)), "%d.%d.%d-rc.%d" % (r.randrange(1, 5), r.randrange(0, 20), r.randrange(0, 9), r.randrange(1, 5)),
                       "%d.%d.%d.%d" % (r.randrange(1, 30), r.randrange(0, 12), r.randrange(0, 30), r.randrange(100, 9999)), "build %d.%02d.%d" % (r.randrange(2023, 2026), r.randrange(1, 13), r.randrange(1, 400))]))


@gen("uuid")
def g_uuid(ctx, *args):
    r = ctx.r
    h = alnum(r, 32, HEX)
    return U("%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:]))


@gen("hexid")
def g_hexid(ctx, *args):
    return U(alnum(ctx.r, int(args[0]) if args else 16, HEX))


@gen("uid")
def g_uid(ctx, *args):
    """A system user name that is not built from a person's name."""
    r = ctx.r
    return U(r.choice(["u%06d" % r.randrange(10 ** 6), "e%05d" % r.randrange(10 ** 5), "adm-%03d" % r.randrange(1000), "ops%02d" % r.randrange(100)]))


@gen("sha")
def g_sha(ctx, *args):
    return U(alnum(ctx.r, 7, HEX))


@gen("hosp")
def g_hosp(ctx, *args):
    return U(ctx.r.choice(HOSPITALS.get(ctx.lang, HOSPITALS["en"])))


@gen("insurer")
def g_insurer(ctx, *args):
    return U(ctx.r.choice(INSURERS_L.get(ctx.lang, INSURERS) if ctx.lang != "en" else INSURERS))


@gen("bank")
def g_bank(ctx, *args):
    return U(ctx.r.choice(BANKS.get(ctx.lang, BANKS["en"])))


@gen("drug")
def g_drug(ctx, *args):
    return U(ctx.r.choice(DRUGS))


EPONYMS_L = {
    "de": ["Morbus Parkinson", "Morbus Crohn", "Hodgkin-Lymphom", "Alzheimer-Demenz", "Morbus Basedow", "Hashimoto-Thyreoiditis", "Cushing-Syndrom", "Guillain-Barré-Syndrom"],
    "fr": ["maladie de Parkinson", "maladie de Crohn", "lymphome de Hodgkin", "maladie d'Alzheimer", "maladie de Basedow", "syndrome de Guillain-Barré", "maladie de Charcot"],
    "es": ["enfermedad de Parkinson", "enfermedad de Crohn", "linfoma de Hodgkin", "enfermedad de Alzheimer", "síndrome de Guillain-Barré", "tiroiditis de Hashimoto"],
    "it": ["morbo di Parkinson", "morbo di Crohn", "linfoma di Hodgkin", "malattia di Alzheimer", "sindrome di Guillain-Barré", "tiroidite di Hashimoto"],
    "nl": ["ziekte van Parkinson", "ziekte van Crohn", "hodgkinlymfoom", "ziekte van Alzheimer", "syndroom van Guillain-Barré", "ziekte van Graves"],
    "pt": ["doença de Parkinson", "doença de Crohn", "linfoma de Hodgkin", "doença de Alzheimer", "síndrome de Guillain-Barré", "tiroidite de Hashimoto"],
}


@gen("eponym")
def g_eponym(ctx, *args):
    return U(ctx.r.choice(EPONYMS_L.get(ctx.lang, EPONYMS)))


@gen("sign")
def g_sign(ctx, *args):
    return U(ctx.r.choice(SIGNS))


@gen("proc")
def g_proc(ctx, *args):
    return U(ctx.r.choice(PROCS))


PHARMACIES = {"en": ["CVS", "Walgreens", "Boots", "Rite Aid", "Lloyds Pharmacy", "Shoppers Drug Mart", "Costco pharmacy", "Superdrug Pharmacy"],
              "de": ["Apotheke am Markt", "Löwen-Apotheke", "Stern-Apotheke", "DocMorris"], "fr": ["Pharmacie du Centre", "Pharmacie de la Gare", "Pharmacie des Lilas"],
              "es": ["Farmacia Central", "Farmacia Ldo. Ruiz", "Farmacia del Carmen"], "it": ["Farmacia Comunale 3", "Farmacia San Marco", "Farmacia Centrale"],
              "nl": ["Apotheek Zuid", "BENU Apotheek", "Apotheek De Linde"], "pt": ["Farmácia Estácio", "Farmácia Holon", "Drogaria São Paulo"],
              "pl": ["Apteka Gemini", "Apteka Dbam o Zdrowie"], "sv": ["Apoteket", "Apotek Hjärtat"], "tr": ["Şifa Eczanesi", "Hayat Eczanesi"]}


@gen("pharmacy")
def g_pharmacy(ctx, *args):
    return U(ctx.r.choice(PHARMACIES.get(ctx.lang, PHARMACIES["en"])))


@gen("clk")
def g_clk(ctx, *args):
    """A clock that moves forward within one prompt (chat and log timestamps)."""
    r = ctx.r
    t = ctx.cache.get("_clk")
    t = r.randrange(6 * 60, 22 * 60) if t is None else t + r.randrange(0, 4)
    ctx.cache["_clk"] = t
    if args and args[0] == "s":
        return U("%02d:%02d:%02d" % (t // 60 % 24, t % 60, r.randrange(60)))
    return U("%02d:%02d" % (t // 60 % 24, t % 60))


@gen("hl7dx")
def g_hl7dx(ctx, *args):
    code, desc = icd_pick(ctx.r, ctx.lang)
    return [(code, "ICD10_CODE"), ("^" + desc + "^I10C", None)]


@gen("company")
def g_company(ctx, *args):
    return U(ctx.r.choice(COMPANIES))


@gen("city")
def g_city(ctx, *args):
    c = _country(ctx, args)
    return U(ctx.r.choice(PLACES[c]["cities"])[0].split("/")[-1].split(", ")[-1])


@gen("street")
def g_street(ctx, *args):
    """A street name with no number: a place reference, not an address."""
    c = _country(ctx, args)
    return U(ctx.r.choice(PLACES[c]["streets"]))


@gen("icdtext")
def g_icdtext(ctx, *args):
    return U(icd_pick(ctx.r, ctx.lang)[1])


@gen("cpt")
def g_cpt(ctx, *args):
    return U(ctx.r.choice(["99213", "99214", "93000", "71046", "80053", "85025", "97110", "36415", "99284", "70450", "G0439"]))


@gen("ndc")
def g_ndc(ctx, *args):
    r = ctx.r
    return U("%05d-%04d-%02d" % (r.randrange(10 ** 4, 10 ** 5), r.randrange(10 ** 4), r.randrange(100)))


@gen("last4")
def g_last4(ctx, *args):
    return U(digits(ctx.r, 4))


@gen("sku")
def g_sku(ctx, *args):
    r = ctx.r
    return U(r.choice(["SKU %d-%s" % (r.randrange(1000, 9999), alnum(r, 2, UPPER)), "REF %s%d" % (alnum(r, 3, UPPER), r.randrange(100, 9999)),
                       "Art.-Nr. %d.%03d" % (r.randrange(10, 999), r.randrange(1000)), "P/N %s-%d" % (alnum(r, 2, UPPER), r.randrange(1000, 99999)),
                       "LOT %s" % alnum(r, 7)]))


# --- look-alikes with deliberately failing checksums (unlabeled) -----------------------
def _fail(r, make, ok):
    while True:
        v = make()
        if not ok(v):
            return v


@gen("badcc")
def g_badcc(ctx, *args):
    r = ctx.r
    v = _fail(r, lambda: r.choice("3456") + digits(r, 15), luhn_ok)
    return U(group4(v, r.choice([" ", "-", ""])))


@gen("badiban")
def g_badiban(ctx, *args):
    r = ctx.r
    c = _country(ctx, args)
    c = c if c in IBAN_SPEC else "DE"
    good = make_iban(r, c)
    v = _fail(r, lambda: good[:2] + "%02d" % r.randrange(2, 99) + good[4:], iban_ok)
    return U(group4(v))


@gen("badnpi")
def g_badnpi(ctx, *args):
    r = ctx.r
    return U(_fail(r, lambda: r.choice("12") + digits(r, 9), lambda s: npi_ok(s) or nhs_ok(s)))


@gen("badaba")
def g_badaba(ctx, *args):
    r = ctx.r
    return U(_fail(r, lambda: "0" + str(r.randrange(1, 10)) + digits(r, 7), lambda s: aba_ok(s) or bsn_ok(s)))


@gen("badvin")
def g_badvin(ctx, *args):
    r = ctx.r
    good = make_vin(r)
    return U(_fail(r, lambda: good[:8] + r.choice("0123456789X") + good[9:], vin_ok))


@gen("badnhs")
def g_badnhs(ctx, *args):
    r = ctx.r
    v = _fail(r, lambda: str(r.choice([4, 6, 7])) + digits(r, 9), lambda s: nhs_ok(s) or npi_ok(s))
    return U(group(v, [3, 3, 4], " "))


@gen("baddea")
def g_baddea(ctx, *args):
    r = ctx.r
    return U(_fail(r, lambda: r.choice("ABFM") + r.choice(UPPER) + digits(r, 7), dea_ok))


@gen("badssn")
def g_badssn(ctx, *args):
    r = ctx.r
    return U(r.choice(["000", "666"]) + "-%02d-%04d" % (r.randrange(1, 100), r.randrange(1, 10000)))


@gen("badbsn")
def g_badbsn(ctx, *args):
    r = ctx.r
    return U(_fail(r, lambda: digits(r, 9, True), lambda s: bsn_ok(s) or aba_ok(s)))


@gen("badtaxid")
def g_badtaxid(ctx, *args):
    r = ctx.r
    return U(_fail(r, lambda: digits(r, 11, True), steuerid_ok))


@gen("baddni")
def g_baddni(ctx, *args):
    r = ctx.r
    return U(_fail(r, lambda: digits(r, 8, True) + r.choice(DNI_LETTERS), dni_ok))


@gen("badnir")
def g_badnir(ctx, *args):
    r = ctx.r
    v = _fail(r, lambda: r.choice("12") + digits(r, 14), nir_ok)
    return U(group(v, [1, 2, 2, 2, 3, 3, 2], " "))


@gen("badcf")
def g_badcf(ctx, *args):
    r = ctx.r
    p = Person(r, "IT")
    good = make_cf(r, p)
    return U(_fail(r, lambda: good[:15] + r.choice(UPPER), cf_ok))


@gen("placeholder")
def g_placeholder(ctx, *args):
    return U(ctx.r.choice(["<API_KEY>", "${API_TOKEN}", "xxxxxxxxxxxxxxxx", "YOUR_KEY_HERE", "<redacted>", "sk-...", "********", "$(cat /run/secrets/token)",
                           "{{ secrets.API_KEY }}", "<insert token>", "%(TOKEN)s", "REPLACE_ME"]))


@gen("inner")
def g_inner(ctx, *args):
    """Render another template of the same language and polarity inside this one."""
    r = ctx.r
    slices = args[0].split(",") if args else None
    pool = [t for t in TEMPLATES if t.lang == ctx.lang and t.neg == ctx.cache["_neg"] and t.slice != "llm_task"
            and (slices is None or t.slice in slices)]
    t = r.choice(pool)
    ctx.depth += 1
    segs = render_segments(t.body, ctx)
    ctx.depth -= 1
    return segs


def addr_parts(r, country):
    """Street / city / region / postcode pieces of one address (for HL7, JSON, CSV columns)."""
    while True:
        segs = address(r, country, "inline")
        street = [t for t, l in segs if l == "STREET_ADDRESS"][0]
        zipc = [t for t, l in segs if l == "ZIP_CODE"][0]
        rest = "".join(t for t, l in segs if l is None).replace("C.P.", " ").replace(" CEDEX", "")
        bits = [b.strip(" ,-/") for b in re.split(r",|/| - ", rest) if b.strip(" ,-/")]
        if bits:
            break
    region = ""
    if country in ("US", "CA", "AU") and len(bits) >= 1:
        sp = bits[-1].rsplit(" ", 1)
        if len(bits) >= 2:
            region = bits[-1]
            city = bits[0]
        elif len(sp) == 2 and sp[1].isupper():
            city, region = sp
        else:
            city = bits[0]
    else:
        city = bits[-1] if country not in ("TR",) else bits[-1]
        if country in ("BR",) and len(bits) >= 2:
            city, region = bits[0], bits[1]
    return dict(street=street, zip=zipc, city=city.strip(), region=region.strip(), country=country)


@gen("ap")
def g_ap(ctx, part, key="a", *args):
    ck = "_addr_" + key
    if ck not in ctx.cache:
        ctx.cache[ck] = addr_parts(ctx.r, _country(ctx, args))
    v = ctx.cache[ck][part]
    lab = {"street": "STREET_ADDRESS", "zip": "ZIP_CODE"}.get(part)
    return [(v, lab)] if v else []


@gen("zip")
def g_zip(ctx, *args):
    return L(addr_parts(ctx.r, _country(ctx, args))["zip"], "ZIP_CODE")


PERSON_RE = re.compile(r"([pdk][1-9])(?:\.(\w+))?$")


def person_gen(ctx, key, attr, args):
    p = ctx.person(key)
    r = ctx.r
    attr = attr or "any"
    if attr == "dob":
        style = args[0] if args else None
        if style == "spoken":
            return L(spoken_date(r, p.dob) if ctx.lang == "en" else fmt_date(r, p.dob, ctx.lang, ctx.country, "long").lower(), "DATE")
        return L(fmt_date(r, p.dob, ctx.lang, ctx.country, style), "DATE")
    if attr == "age":
        return U(str(p.age))
    if attr == "email":
        return L(p.email(_country(ctx, args), work="work" in args), "EMAIL")
    if attr == "url":
        return L(p.url(r), "URL")
    if attr == "cf":
        return L(make_cf(r, p), "IT_FISCAL_CODE")
    if attr == "nir":
        return L(fmt_nir(r, make_nir(r, p)), "FR_NIR")
    if attr == "title":
        t = TITLES[ctx.lang][0 if p.sex == "M" else 1]
        return U(t + " " if t else "")
    if attr in ("she", "he"):
        return U("she" if p.sex == "F" else "he")
    if attr in ("She", "He"):
        return U("She" if p.sex == "F" else "He")
    if attr in ("her", "his"):
        return U("her" if p.sex == "F" else "his")
    if attr in ("Her", "His"):
        return U("Her" if p.sex == "F" else "His")
    if attr == "him":
        return U("her" if p.sex == "F" else "him")
    if attr == "e":  # French/Italian/Spanish/Portuguese agreement
        return U("e" if p.sex == "F" else "")
    if attr == "oa":
        return U("a" if p.sex == "F" else "o")
    if attr == "ka":
        return U("ka" if p.sex == "F" else "")
    if attr == "ya":
        return U("a" if p.sex == "F" else "y")
    if attr == "la":
        return U("la" if p.sex == "F" else "el")
    if attr == "il":
        return U("la paziente" if p.sex == "F" else "il paziente")
    if attr == "rel":
        pair = REL[ctx.lang][args[0] if args else "spouse"]
        return U(pair[0] if p.sex == "F" else pair[1])
    if attr == "sex":
        return U(p.sex)
    if attr == "mf":
        return U("female" if p.sex == "F" else "male")
    if attr == "slug":
        return U(slug(p.given.split(" ")[0]) + "." + slug(p.surname.split(" ")[-1]))
    return L(p.render(attr), "PERSON")


def resolve(spec, ctx):
    relabel = None
    if "=" in spec:
        spec, relabel = spec.rsplit("=", 1)
    key = None
    if "#" in spec:
        spec, key = spec.split("#", 1)
    parts = spec.split(":")
    name, args = parts[0], parts[1:]
    case = None
    bare = "bare" in args
    if bare:
        args.remove("bare")
    for c in ("lower", "upper"):
        if c in args:
            args.remove(c)
            case = c
    ck = (name, tuple(args), key)
    if key is not None and ck in ctx.cache:
        segs = ctx.cache[ck]
    else:
        m = PERSON_RE.match(name)
        if m:
            segs = person_gen(ctx, m.group(1), m.group(2), args)
        else:
            segs = GEN[name](ctx, *args)
        if key is not None:
            ctx.cache[ck] = segs
    if case:
        segs = [(t.lower() if case == "lower" else t.upper(), l) for t, l in segs]
    if bare:
        segs = [(re.sub(r"[,.;:]", "", t), l) for t, l in segs]
    if relabel is not None:
        lab = None if relabel == "-" else relabel
        segs = [(t, lab if l else None) for t, l in segs]
    return segs


ALT_RE = re.compile(r"⟨([^⟨⟩]*)⟩")
PH_RE = re.compile(r"⟦([^⟦⟧]+)⟧")


def expand_alts(s, r):
    while True:
        m = ALT_RE.search(s)
        if not m:
            return s
        s = s[:m.start()] + r.choice(m.group(1).split("|")) + s[m.end():]


def render_segments(body, ctx):
    r = ctx.r
    if callable(body):
        body = body(r)
    s = expand_alts(body, r)
    segs = []
    pos = 0
    for m in PH_RE.finditer(s):
        if m.start() > pos:
            segs.append((s[pos:m.start()], None))
        segs.extend(resolve(m.group(1), ctx))
        pos = m.end()
    if pos < len(s):
        segs.append((s[pos:], None))
    return [(t.replace("¦", "|") if l is None else t, l) for t, l in segs]


def assemble(segs):
    # "⟦p1.given⟧ ⟦p1.sur⟧" is one name: merge PERSON pieces separated by a single space.
    merged = []
    for t, l in segs:
        if (l == "PERSON" and len(merged) >= 2 and merged[-1] == (" ", None) and merged[-2][1] == "PERSON"):
            merged.pop()
            merged[-1] = (merged[-1][0] + " " + t, "PERSON")
        else:
            merged.append((t, l))
    segs = merged
    text_parts, spans, nb = [], [], 0
    for t, l in segs:
        if not t:
            continue
        b = len(t.encode("utf-8"))
        if l:
            assert t == t.strip(), repr(t)
            spans.append({"entity": l, "start": nb, "end": nb + b})
        text_parts.append(t)
        nb += b
    return "".join(text_parts), spans


class Tpl:
    def __init__(self, lang, slice_, neg, body, countries=None):
        self.lang, self.slice, self.neg, self.body, self.countries = lang, slice_, neg, body, countries


TEMPLATES = []


def add(lang, entries):
    """entries: (slice, "pos"/"neg", body[, countries])"""
    for e in entries:
        sl, pol, body = e[0], e[1], e[2]
        countries = e[3].split() if len(e) > 3 else None
        assert pol in ("pos", "neg"), e
        TEMPLATES.append(Tpl(lang, sl, pol == "neg", body, countries))


# =======================================================================================
# TEMPLATES — English
# =======================================================================================
add("en", [
    # ---------------- nursing handoff ----------------
    ("handoff", "pos", """⟨Please tidy this handoff into SBAR:|Can you turn this into a clean SBAR for night shift?|Summarise for the oncoming RN:|⟩
⟨Bed|Rm|Room⟩ ⟦n:2:48⟧⟨A|B|⟩ – ⟦p1⟧, ⟦p1.age⟧⟨yo| y/o|y⟩ ⟦p1.sex⟧, MRN ⟦mrn⟧, DOB ⟦p1.dob⟧
Admitted ⟦date⟧ for ⟦dx⟧. ⟨Hx|PMH⟩: ⟦icdtext⟧, ⟦icdtext⟧.
⟨Vitals stable|VS: BP ⟦n:95:170⟧/⟦n:50:100⟧, HR ⟦n:55:120⟧, SpO2 ⟦n:89:99⟧% on ⟨RA|2L NC⟩⟩. ⟨Pain controlled with ⟦drug⟧.|Last dose ⟦drug⟧ at ⟦time⟧.⟩
Family: ⟦p2.rel:⟨child|spouse|sib⟩⟧ ⟦p2⟧ ⟨⟦phone⟧|(⟦phone⟧)|cell ⟦phone⟧⟩ – ⟨wants a call before rounds|is the contact, not the neighbour|please update after CT⟩.
Attending Dr. ⟦d1.sur⟧.""", "US GB"),
    ("handoff", "pos", """handoff ⟨rm|bed⟩ ⟦n:1:30⟧ ⟦p1.lower⟧ ⟦p1.age⟧⟦p1.sex⟧
- dx ⟦dx:codefirst⟧, POD ⟦n:1:4⟧
- ⟨NPO after midnight|clear liquids|regular diet⟩, ⟨foley out ⟦time⟧|voiding ok⟩
- ⟦p2.rel:⟨spouse|mom|child⟩⟧ ⟦p2.given⟧ called x2, ⟨# is|number⟩ ⟦phone⟧
- ⟨fall risk, bed alarm on|on tele, NSR|q4h neuro checks⟩
- dc planned ⟦date:future⟧ home w/ ⟨PT|home health|family⟩"""),
    ("handoff", "pos", """ICU HANDOVER — ⟦date:long⟧ ⟨0700|1900⟩
Pt: ⟦p1.sg⟧ | ⟦p1.age⟧ ⟦p1.mf⟧ | MRN ⟦mrn:e7⟧ | ⟨Full code|DNR/DNI⟩
Problem list: ⟦dx:brack⟧; ⟦dx:brack⟧
Devices: ⟨PPM|ICD|CRT-D⟩ SN ⟦serial:⟨pm|icd⟩⟩ (interrogated ⟦date⟧), ⟨insulin pump|infusion pump⟩ serial ⟦serial:⟨pump|inf⟩⟩
Lines: R IJ CVC day ⟦n:2:9⟧, art line L radial
Plan: wean ⟨levo|propofol⟩, repeat lactate ⟦time⟧, ⟨ethics consult|palliative meeting⟩ w/ ⟨HCP|POA⟩ ⟦p2⟧ (⟦phone:intl⟧)""", "US"),
    ("handoff", "pos", """Peds handoff: ⟦k1.plain⟧ ⟨(goes by ⟦k1.first⟧)|⟩, ⟦k1.age⟧yo, DOB ⟦k1.dob⟧, wt ⟦n:4:55⟧ kg
Here since ⟦date⟧ w/ ⟦dx:paren⟧
⟦p2.rel:mom⟧ ⟦p2.full⟧ at bedside overnight, ⟦p3.rel:mom⟧ ⟦p3.given⟧ reachable at ⟦phone⟧.
Allergies: ⟨NKDA|amoxicillin (rash)|peanuts⟩. ⟨Child life following.|Tutor from school visiting.⟩
Discharge address differs from chart – send paperwork to ⟦addr⟧.""", "US CA AU"),
    ("handoff", "pos", """Ward 7B handover – ⟦date:long⟧
Bay ⟦n:1:6⟧ bed ⟦n:1:4⟧: ⟦p1.s_g⟧, NHS no. ⟦nhs⟧, hosp no ⟦mrn:k⟧
⟦p1.age⟧⟦p1.sex⟧ admitted via A&E ⟦date⟧ with ⟦dx⟧. Under ⟨Mr|Ms|Dr⟩ ⟦d1.sur⟧ (⟨ortho|gen surg|care of the elderly⟩).
NOK: ⟦p2⟧, ⟦p2.rel:⟨child|spouse|sib⟩⟧, ⟦phone:GB⟧. ⟨Lives alone at|Home address:⟩ ⟦addr:GB⟧.
To do: ⟨bloods in am|chase echo|OT assessment before TTO⟩.""", "GB"),
    ("handoff", "pos", """L&D handoff – ⟦p1.full⟧ G⟦n:1:5⟧P⟦n:0:3⟧, ⟦n:19:42⟧ yo, EDD ⟦date:future⟧, GBS ⟨neg|pos – on PCN⟩.
⟨Delivered|SVD⟩ ⟦date⟧ at ⟦time⟧, baby ⟦k1.rel:child⟧ "⟦k1.given⟧" ⟦n:2600:4300⟧ g, Apgars 8/9.
⟨Partner|Support person⟩ ⟦p2.full⟧ ⟦phone⟧. ⟨Breastfeeding well.|Lactation consult requested.⟩ MRN mom ⟦mrn⟧ / baby ⟦mrn⟧."""),
    ("handoff", "pos", """Social work note for handoff:
Pt ⟦p1⟧ (DOB ⟦p1.dob⟧) ⟨is undomiciled, last known address|reports staying with a friend at|lives with ⟦p2.rel:child⟧ ⟦p2.given⟧ at⟩ ⟦addr⟧.
⟨Medicaid|Medicare|Commercial⟩ ID ⟦hpid⟧. Case manager ⟦p3⟧, ⟦p3.email:work⟧, ⟦phone⟧ ext. ⟦n:100:999⟧.
⟨Pending shelter bed.|Needs transport home on ⟦date:future⟧.|APS report filed ⟦date⟧.⟩""", "US"),
    ("handoff", "pos", """Night shift handover (rehab)
1) ⟦p1.init⟧ – ⟦p1.age⟧, s/p ⟨TKA|THA|ORIF⟩ ⟦date⟧, ⟦dx:colon⟧. Mobilising with frame. ⟦p4.rel:spouse⟧ ⟦p4.given⟧ visits daily.
2) ⟦p2.init⟧ – ⟦p2.age⟧, ⟦eponym⟧, ⟨confused overnight|settled⟩, CGM transmitter ⟦serial:cgm⟧ ⟨alarming|replaced today⟩.
3) ⟦p3.init⟧ – ⟦p3.age⟧, for discharge ⟦date:future⟧, ⟦p5.rel:child⟧ ⟦p5⟧ collecting ⟨after 5|in the morning⟩."""),
    ("handoff", "neg", """Handoff bed ⟦n:1:30⟧: ⟨60|70|80⟩s ⟨M|F⟩ with ⟦eponym⟧ and ⟦eponym⟧, on ⟦drug⟧ and ⟦drug⟧.
⟨Stable overnight|One episode of agitation at 0200, settled with redirection⟩. ⟨Fall risk – bed alarm on.|Q2h turns.⟩
Plan: ⟨PT eval|repeat BMP in am|speech and swallow⟩, ⟦sign⟧ negative, ⟦proc⟧ ⟨discussed|not indicated⟩. No family at bedside. Code status: ⟨full|DNR⟩."""),
    ("handoff", "neg", """Can you write a template for nursing shift handoff using SBAR? Include fields for [Patient Name], [MRN], [DOB], [Room], allergies, code status, lines/drains, and pending labs. Keep it to one page and mention ⟦sign⟧ where relevant for post-op patients."""),
    # ---------------- ED triage ----------------
    ("triage", "pos", """ED TRIAGE NOTE
Arrival: ⟦date⟧ ⟦time⟧ via ⟨EMS|walk-in|private vehicle|police⟩
Pt: ⟦p1.sg⟧   DOB: ⟦p1.dob⟧   Sex: ⟦p1.sex⟧   MRN: ⟦mrn⟧
CC: ⟨chest pain x2h|SOB|fall from ladder|abd pain RLQ|headache worst of life|laceration L hand⟩
ESI: ⟦n:1:4⟧   BP ⟦n:90:190⟧/⟦n:50:110⟧  HR ⟦n:50:140⟧  RR ⟦n:12:30⟧  T ⟨37.⟦n:0:9⟧|38.⟦n:0:9⟧⟩  SpO2 ⟦n:88:100⟧%
Hx: ⟦icdtext⟧. Meds: ⟦drug⟧, ⟦drug⟧. ⟨PCN allergy.|NKDA.⟩
PCP: Dr. ⟦d1⟧ ⟨(NPI ⟦npi⟧)|⟩
Contact: ⟦phone⟧""", "US"),
    ("triage", "pos", """triage: ⟦p1.age⟧⟦p1.sex⟧ ⟦p1⟧ BIBA after MVC, ⟨restrained driver|unrestrained passenger⟩, ⟨airbag deployed|no LOC⟩. c/o neck pain. c-collar in place. ⟨ID found on pt: ⟦dlstate⟧ DL ⟦dl⟧|Wallet w/ security, DL ⟦dl⟧ (⟦dlstate⟧)⟩. ⟨No family yet.|Sister ⟦p2.given⟧ en route, ⟦phone⟧.⟩ Trauma alert called ⟦time⟧.""", "US"),
    ("triage", "pos", """A&E triage ⟦time⟧ – ⟦p1.full⟧ (⟦p1.dob⟧), NHS ⟦nhs⟧
PC: ⟨SOB on exertion 3/7|fever and rigors|fall at home, ?NOF|DKA symptoms⟩. MTS category: ⟨orange|yellow|red⟩.
PMH: ⟦dx:dash⟧. GP: ⟨Dr|⟩ ⟦d1⟧, ⟦street:GB⟧ Surgery.
NOK ⟦p2⟧ ⟦phone:GB⟧. Address on Spine: ⟦addr:GB⟧.""", "GB"),
    ("triage", "pos", """Pediatric triage: ⟦k1.plain⟧, ⟦k1.age⟧ y, brought by ⟦p2.rel:⟨parent|grand⟩⟧ ⟦p2⟧. Fever ⟦n:38:40⟧.⟦n:1:9⟧ since ⟦date⟧, ⟨rash on trunk|poor PO intake|ear pulling⟩. Vaccines ⟨UTD|behind per parent⟩. ⟨Insurance: ⟦insurer⟧ member ⟦hpid⟧.|Self-pay.⟩ Callback ⟦phone⟧."""),
    ("triage", "pos", """Walk-in triage note (urgent care)
Name: ⟦p1.full⟧ | DOB ⟦p1.dob⟧ | ⟦p1.email⟧ | ⟦phone⟧
Reason: ⟨dog bite R forearm|sprained ankle at soccer|UTI symptoms|sore throat + fever⟩
Triage RN: ⟦d2.init⟧, seen by PA ⟦d1.sur⟧ at ⟦time⟧. Dx ⟦icd⟧. Work note given for ⟦date⟧–⟦date⟧."""),
    ("triage", "neg", """ESI triage refresher: ESI 1 requires immediate life-saving intervention; ESI 2 is high risk or confused/lethargic/disoriented; ESI 3–5 are sorted by expected resources. Remember ⟦sign⟧ and the Canadian C-spine rule for trauma. A ⟦n:60:85⟧-year-old with new ⟦eponym⟧ symptoms and a GCS of 13 is ESI 2."""),
    ("triage", "neg", """Triage board ⟦time⟧: 14 waiting, 3 ESI-2 in hallway beds H1–H3, ambulance bay diverted until ⟦time⟧. ⟨Trauma bay 2 down for cleaning.|CT scanner back online.⟩ Charge RN phone ext 4471. Next huddle in the ⟨east|lakeside⟩ conference room."""),
    # ---------------- radiology / lab ----------------
    ("radiology", "pos", """PATIENT: ⟦p1.caps⟧      MRN: ⟦mrn⟧      DOB: ⟦p1.dob:us⟧
EXAM: ⟨CT HEAD WITHOUT CONTRAST|MRI LUMBAR SPINE W/WO|CHEST 2 VIEWS|CT ABD/PELVIS W CONTRAST⟩      DATE OF SERVICE: ⟦date:us⟧
ACCESSION: ⟦n:10000000:99999999⟧      REFERRING: ⟦d1.sg⟧, MD
CLINICAL HISTORY: ⟦dx:paren⟧
FINDINGS: ⟨No acute intracranial hemorrhage. Ventricles normal in size.|Mild degenerative disc disease at L4-L5 without canal stenosis.|Lungs are clear. No pleural effusion.|Appendix is dilated to 11 mm with periappendiceal fat stranding.⟩
IMPRESSION: ⟨No acute abnormality.|Findings consistent with acute appendicitis.|Stable compared with prior of ⟦date:us⟧.⟩
Electronically signed by ⟦d2.full⟧, MD on ⟦date:us⟧ ⟦time⟧""", "US"),
    ("radiology", "pos", """Can you explain this MRI report in plain language for my ⟨mom|dad|grandmother⟩?

Patient Name: ⟦p1.full⟧   Patient ID: ⟦mrn⟧   Exam date: ⟦date⟧
MRI RIGHT KNEE. Comparison: none. Hardware: ⟨orthopaedic implant|tibial plate⟩ UDI ⟦udi⟧ noted.
Findings: complex tear of the posterior horn of the medial meniscus; moderate joint effusion; ⟦dx:codefirst⟧.
Reported by Dr ⟦d1⟧."""),
    ("radiology", "pos", """MAMMOGRAPHY REPORT
⟦p1.sg⟧ | DOB ⟦p1.dob⟧ | ⟨Screening|Diagnostic⟩ bilateral | ⟦date⟧
History: ⟨mother with breast cancer at 48|prior benign biopsy left breast⟩. BI-RADS density C.
Impression: BI-RADS ⟨1 – negative|2 – benign|4 – suspicious, biopsy recommended⟩. ⟨Letter mailed to patient at ⟦addr⟧.|Result called to ⟦phone⟧ and left voicemail.⟩"""),
    ("radiology", "pos", """DEXA: ⟦p1⟧, ⟦p1.age⟧ ⟦p1.mf⟧, scanned ⟦date⟧ on the ⟨Hologic Horizon|GE Lunar⟩ densitometer. L1–L4 T-score -⟦n:1:3⟧.⟦n:0:9⟧; femoral neck T-score -⟦n:1:3⟧.⟦n:0:9⟧. ⟦dx:paren⟧. Recommend repeat in 2 years. cc: ⟦d1.init⟧ (fax), ⟦p1.email⟧ per patient portal preference."""),
    ("lab", "pos", """LAB RESULTS — ⟦p1.sg⟧ | MRN ⟦mrn⟧ | DOB ⟦p1.dob⟧
Collected ⟦date⟧ ⟦time⟧ | Ordering: ⟦d1⟧ (NPI ⟦npi⟧)
HbA1c ⟦n:5:12⟧.⟦n:0:9⟧ % ⟨(H)|⟩
Glucose, fasting ⟦n:70:260⟧ mg/dL
Creatinine 1.⟦n:0:9⟧ mg/dL, eGFR ⟦n:25:95⟧
LDL ⟦n:60:190⟧ mg/dL
Comment: consistent with ⟦dx⟧. Please call pt ⟨at|on⟩ ⟦phone⟧.""", "US"),
    ("lab", "pos", """SURGICAL PATHOLOGY
Patient: ⟦p1.full⟧   Sex: ⟦p1.sex⟧   DOB: ⟦p1.dob⟧   Path #: S⟦n:23:25⟧-⟦n:1000:9999⟧
Received: ⟦date⟧   Surgeon: ⟦d1.sg⟧   Procedure date: ⟦date⟧
Specimen: ⟨left breast, core biopsy|colon, sigmoid, resection|skin, right shin, punch⟩
Diagnosis: ⟦dx:dash⟧. Margins ⟨negative|involved⟩. 
Pathologist: ⟦d2.full⟧, MD"""),
    ("lab", "pos", """Micro alert ⟦time⟧: blood cultures from ⟦p1⟧ (MRN ⟦mrn⟧, ⟨ED|ward 4|ICU⟩) drawn ⟦date⟧ growing ⟨gram-positive cocci in clusters|gram-negative rods⟩ in 1/2 sets. Called to ⟨RN|Dr⟩ ⟦d1.sur⟧ at ⟦time⟧, read back confirmed. ⟦dx:paren⟧ suspected."""),
    ("lab", "pos", """Genetic testing report
Patient: ⟦p1.full⟧  DOB: ⟦p1.dob⟧  Specimen collected: ⟦date⟧
Ordering clinician: ⟦d1.full⟧, ⟨genetic counselor|MD⟩, NPI ⟦npi⟧
Result: Pathogenic variant identified in ⟨BRCA2 c.5946delT|MLH1 c.350C>T|CFTR F508del (heterozygous)⟩.
Family members who may benefit from testing: ⟦p2.full⟧ (⟦p2.rel:sib⟧), ⟦p3.full⟧ (⟦p3.rel:child⟧)."""),
    ("lab", "neg", """Reference ranges (adult): HbA1c 4.0–5.6 %; creatinine 0.6–1.2 mg/dL; TSH 0.4–4.0 mIU/L; ferritin 30–400 ng/mL. Values flagged H/L print in bold. Analyzer: ⟨cobas 8000|Alinity ci⟩ firmware ⟦ver⟧. QC lot ⟦sku⟧ expires end of quarter."""),
    ("radiology", "neg", """Teaching file: classic CT findings of ⟦eponym⟧ include ⟨skip lesions and a "string sign"|mediastinal lymphadenopathy|bilateral symmetric involvement⟩. Compare with ⟦sign⟧ on exam. Slides are in the radiology shared drive under /teaching/⟨GI|neuro|chest⟩/.""" ),
    # ---------------- pharmacy ----------------
    ("pharmacy", "pos", """REFILL REQUEST
Patient: ⟦p1.full⟧   DOB: ⟦p1.dob⟧   Phone: ⟦phone⟧
Rx #: ⟦n:1000000:9999999⟧   Drug: ⟦drug⟧ ⟨#30|#90⟩, ⟨1 tab daily|BID|QHS⟩
Last fill: ⟦date⟧ at ⟦pharmacy⟧
Prescriber: Dr. ⟦d1.full⟧   NPI ⟦npi⟧   DEA ⟦dea:d1⟧
Insurance: ⟦insurer⟧  BIN ⟦n:600000:610999⟧  Member ID ⟦hpid⟧
Note: ⟨patient out of town until ⟦date:future⟧, please send to mail order|needs 90-day supply for travel|prior auth may be needed⟩""", "US"),
    ("pharmacy", "pos", """Hi, this is ⟦p1.first⟧ ⟦p1.sur⟧ ⟨(DOB ⟦p1.dob⟧)|, born ⟦p1.dob⟧,⟩ – I need a refill on my ⟦drug⟧, I'm completely out. Dr ⟦d1.sur⟧ said to call. Please use the ⟦pharmacy⟧ on ⟦street⟧ and text me at ⟦phone⟧ when it's ready. ⟨Thanks!|Ty|thank you so much⟩""", "US CA"),
    ("pharmacy", "pos", """Controlled substance review – ⟦date⟧
PDMP checked for ⟦p1.sg⟧ (DOB ⟦p1.dob⟧, ⟦addr⟧).
⟦n:2:6⟧ prescribers in 6 months incl. ⟦d1.full⟧ (DEA ⟦dea:d1⟧) and ⟦d2.full⟧ (DEA ⟦dea:d2⟧).
Last fill ⟦drug⟧ on ⟦date⟧, ⟦n:2:4⟧ pharmacies. Recommend ⟨pain agreement|urine drug screen|naloxone co-prescription⟩.""", "US"),
    ("pharmacy", "pos", """Mail-order pharmacy – address change request
Member: ⟦p1.full⟧  Member ID: ⟦hpid⟧  DOB: ⟦p1.dob⟧
Old address: ⟦addr⟧
New address: ⟦addr:multi⟧
Effective ⟦date:future=-⟧. Please ship ⟦drug⟧ (cold chain) to new address. Contact: ⟦p1.email⟧""", "US"),
    ("pharmacy", "pos", """Pharmacist note: spoke with ⟦p1⟧⟨'s ⟦p2.rel:child⟧ ⟦p2.given⟧| directly⟩ re ⟦drug⟧ interaction with ⟦drug⟧. INR ⟦n:1:4⟧.⟦n:0:9⟧ on ⟦date⟧. Advised to hold dose and call anticoag clinic (⟦d1.init⟧). Callback number confirmed ⟦phone⟧."""),
    ("pharmacy", "neg", """Is ⟦drug⟧ on the ⟦insurer⟧ formulary at tier 2 or tier 3? Our pharmacy system shows NDC ⟦ndc⟧ and a quantity limit of 30 per 30 days. If it needs prior auth, which form do we use – the general one or the ⟨GLP-1|anticoagulant|biologic⟩ specific one?"""),
    ("pharmacy", "neg", """Counselling points for ⟦drug⟧: take with food, avoid grapefruit, report unusual bruising. Interaction check with ⟦drug⟧: ⟨moderate – monitor|major – avoid combination|none found⟩. Store below 25 °C. Item ⟦sku⟧, exp ⟨06/2026|11/2025⟩."""),
    # ---------------- prior authorisation ----------------
    ("prior_auth", "pos", """To: ⟦insurer⟧ – Utilization Management
Fax: ⟨per payer portal|on file⟩
RE: Prior authorization request
Patient: ⟦p1.full⟧   DOB: ⟦p1.dob⟧   Member ID: ⟦hpid⟧   Group: ⟦n:10000:99999⟧
Requested: ⟦drug⟧ for ⟦dx:paren⟧
Clinical rationale: failed ⟦drug⟧ (⟦date⟧ – ⟦date⟧) due to ⟨GI intolerance|inadequate response|hypoglycemia⟩. A1c ⟦n:7:11⟧.⟦n:0:9⟧% on ⟦date⟧.
Prescriber: ⟦d1.full⟧, MD, NPI ⟦npi⟧, ⟦addr⟧, ph ⟦phone⟧""", "US"),
    ("prior_auth", "pos", """Please draft a prior auth letter to ⟦insurer⟧ for my patient ⟦p1⟧ (member ⟦hpid⟧, DOB ⟦p1.dob⟧). The patient has ⟦dx⟧ and ⟦eponym⟧; failed two DMARDs. Requesting ⟦drug⟧. I'm Dr ⟦d1.sur⟧ at ⟦hosp⟧, NPI ⟦npi⟧. Keep it under 300 words.""", "US"),
    ("prior_auth", "pos", """APPEAL – Level 1
Claim/Reference: ⟦claim⟧   Denial date: ⟦date=-⟧
Member: ⟦p1.sg⟧ (⟦hpid:mbi⟧)   DOB: ⟦p1.dob⟧
Service: ⟨MRI lumbar spine|inpatient rehab stay|continuous glucose monitor⟩ on ⟦date⟧, diagnosis ⟦icd⟧ / ⟦icd⟧.
We disagree with the determination that the service was not medically necessary. Enclosed: notes from ⟦date⟧ and ⟦date⟧, PT records.
Sincerely, ⟦d1.full⟧, DO – ⟦hosp⟧ – ⟦d1.email⟧""", "US"),
    ("prior_auth", "pos", """PA status check: ⟦p1.full⟧, DOB ⟦p1.dob⟧, ⟦insurer⟧ ID ⟦hpid⟧, requested ⟦date⟧ for CPT ⟦cpt⟧ + ⟦dx:colon⟧. Rep ⟨said pending clinical review|gave auth # ⟦n:100000:999999⟧ valid 90 days|asked for peer-to-peer with ⟦d1⟧⟩."""),
    ("prior_auth", "neg", """Summarise ⟦insurer⟧'s 2025 prior authorization criteria for ⟨GLP-1 agonists|TNF inhibitors|advanced imaging⟩: step therapy requirements, documentation needed, typical turnaround (72 h urgent, 14 days standard), and the appeal window. Policy number ⟨CPB 0788|MP-2025-117⟩, revised ⟨January|April⟩."""),
    # ---------------- claims / EOB ----------------
    ("claims", "pos", """EXPLANATION OF BENEFITS – THIS IS NOT A BILL
Member: ⟦p1.full⟧   Member ID: ⟦hpid⟧   Claim #: ⟦claim⟧
Patient: ⟨⟦p1.full⟧|⟦p2.full⟧ (dependent)⟩   Provider: ⟦hosp⟧
Date of service   Service          Billed     Allowed    You owe
⟦date:us⟧        Office visit ⟦cpt⟧   ⟦amt:100:400⟧    ⟦amt:50:200⟧    ⟦amt:0:60⟧
⟦date:us⟧        Lab – CMP 80053     ⟦amt:40:300⟧    ⟦amt:10:50⟧     ⟦amt:0:20⟧
Diagnosis: ⟦icd⟧. Remark CO-45: charge exceeds fee schedule.""", "US"),
    ("claims", "pos", """CMS-1500 fields:
1a INSURED'S ID: ⟦hpid⟧
2 PATIENT NAME: ⟦p1.sg⟧
3 BIRTH DATE: ⟦p1.dob:us⟧  SEX: ⟦p1.sex⟧
5 PATIENT ADDRESS: ⟦addr⟧
5 TELEPHONE: ⟦phone⟧
21 ICD IND 0: A. ⟦icd⟧  B. ⟦icd⟧
24A DOS: ⟦date:us⟧  24D CPT: ⟦cpt⟧  24J RENDERING NPI: ⟦npi⟧
26 PATIENT ACCOUNT NO: ⟦acct:pat⟧
33 BILLING PROVIDER: ⟦hosp⟧ NPI ⟦npi⟧""", "US"),
    ("claims", "pos", """Auto claim FNOL
Insured: ⟦p1.full⟧, ⟦phone⟧, ⟦p1.email⟧
Vehicle: ⟨2019 Toyota RAV4|2021 Ford F-150|2016 VW Golf|2022 Kia Niro⟩, VIN ⟦vin⟧, plate ⟦plate⟧
Loss date: ⟦date⟧ ⟦time⟧ at ⟨intersection of|near⟩ ⟦street⟧ and ⟦street⟧
Other driver: ⟦p2.full⟧, DL ⟦dl⟧ (⟦dlstate⟧), plate ⟦plate⟧
Injuries: ⟨none reported|passenger ⟦p3.given⟧ taken to ⟦hosp⟧⟩""", "US"),
    ("claims", "pos", """Dental claim line: ⟦p1.sg⟧ | sub ID ⟦hpid⟧ | DOS ⟦date⟧ | D⟨0120|1110|2392|2740⟩ | tooth #⟦n:1:32⟧ | billed ⟦amt:80:1200⟧ | provider ⟦d1.sg⟧ DDS NPI ⟦npi⟧ | status ⟨paid|denied – frequency|pended⟩"""),
    ("claims", "pos", """Why was this denied? Patient ⟦p1⟧, ⟦insurer⟧ ⟦hpid⟧, ER visit ⟦date⟧ for ⟦dx⟧. EOB says "CARC 50 – not deemed a medical necessity". Bill from ⟦hosp⟧ is ⟦amt:800:9000⟧, account ⟦acct:pat⟧. What should I write in the appeal?"""),
    ("claims", "neg", """Claims backlog report week ⟦n:1:52⟧: ⟦n:1200:9000⟧ pended, ⟦n:100:900⟧ denied (top CARC: 16, 45, 97), average days to adjudicate ⟦n:5:30⟧. Batch ⟦claim⟧ through ⟦claim⟧ re-run after the ⟦ver⟧ fix. No member data in this export."""),
    ("claims", "neg", """What does remark code ⟨N130|M15|N362|MA130⟩ mean on an EOB from ⟦insurer⟧, and how is it different from ⟨CO-45 and PR-1|CO-97 and CO-16|PR-2 and PR-3⟩? Asking for our ⟨billing FAQ page|patient newsletter|front-desk training⟩, no specific patient."""),
    # ---------------- wire / ACH ----------------
    ("wire", "pos", """Please wire ⟦amt:1000:90000⟧ ⟨today|before the 3pm cutoff|by Friday⟩.
Beneficiary: ⟦p1.full⟧
IBAN: ⟦iban⟧
BIC/SWIFT: ⟦bic⟧
Bank: ⟦bank⟧⟨, ⟦city⟧|⟩
Reference: ⟨invoice ⟦order⟧|tuition ⟦p2.given⟧|property deposit⟩
Thanks, ⟦p3.first⟧""", "GB IE US"),
    ("wire", "pos", """Direct deposit authorization
Employee: ⟦p1.full⟧   Last 4 SSN: ⟦last4⟧
Bank: ⟦bank⟧   Routing (ABA): ⟦aba⟧   Account: ⟦acct:us⟧   Type: ⟨Checking|Savings⟩
Split: ⟨100%|80% / remainder to savings acct ⟦acct:us⟧⟩
Signature: ⟦p1.full⟧   Date: ⟦date=-⟧""", "US"),
    ("wire", "pos", """Hi ⟦p2.first⟧, small change – our bank details changed last week. Please send the ⟨Q3 retainer|outstanding balance|deposit⟩ to:
Account name: ⟦p1.full⟧
Routing: ⟦aba⟧
Account #: ⟦acct:us⟧
⟨Swift for international: ⟦bic:US⟧|⟩
Please don't use the old ⟦bank⟧ account anymore. ⟦p1.first⟧""", "US"),
    ("wire", "pos", """Incoming SWIFT MT103 (extract)
:20:⟦hexid:12⟧
:32A:⟨250214|250301⟩⟨EUR|USD|GBP⟩⟦n:1000:99999⟧,00
:50K:/⟦iban⟧
⟦p1.caps⟧
⟦addr:multi⟧
:57A:⟦bic⟧
:59:/⟦iban⟧
⟦p2.caps⟧
:70:⟨RENT ⟦n:1:12⟧/2025|INV ⟦order⟧|FAMILY SUPPORT⟩"""),
    ("wire", "pos", """ACH return R0⟦n:1:4⟧ on ⟦date=-⟧: originator ⟦company⟧, receiver ⟦p1.sg⟧, RDFI routing ⟦aba⟧, DFI acct ⟦acct:us⟧, amount ⟦amt:20:3000⟧. ⟨Customer says account closed.|NSF – retry scheduled.⟩ Please contact receiver at ⟦p1.email⟧.""", "US"),
    ("wire", "neg", """Wire cutoff times: domestic Fedwire 5:00 pm ET, international 3:00 pm ET, SEPA same-day until 11:00 CET. ⟦bank⟧ requires callback verification for any beneficiary change over $10,000. Templates are in the treasury workstation under "Payments > Beneficiaries"."""),
    ("wire", "neg", """Our ERP rejected the payment file: "IBAN check digit invalid" on line ⟦n:2:40⟧ for value ⟦badiban⟧ – the vendor master data looks copied wrong. Also the routing field contains ⟦badaba⟧ which fails the ABA check. How do I bulk-validate these before upload?"""),
    # ---------------- KYC ----------------
    ("kyc", "pos", """CUSTOMER IDENTIFICATION (CIP)
Full legal name: ⟦p1.full⟧
Date of birth: ⟦p1.dob:us⟧
SSN/ITIN: ⟦ssn⟧
Residential address: ⟦addr:multi⟧
Phone: ⟦phone⟧   Email: ⟦p1.email⟧
ID: ⟨U.S. passport no. ⟦passport⟧|⟦dlstate⟧ driver license ⟦dl⟧⟩
Occupation: ⟨nurse|truck driver|software engineer|retired|student⟩   PEP: ⟨No|No|Yes – see notes⟩""", "US"),
    ("kyc", "pos", """KYC refresh – ⟦p1.full⟧ (customer since ⟨2014|2019|2021⟩)
DOB ⟦p1.dob⟧, NI number ⟦nino⟧
Current address: ⟦addr:GB⟧
Previous address (2019–2022): ⟦addr:GB⟧
Source of funds: ⟨salary from ⟦company⟧|inheritance|sale of property⟩. Docs: ⟨passport + council tax bill|driving licence + bank statement⟩ uploaded ⟦date=-⟧.""", "GB"),
    ("kyc", "pos", """EDD note: beneficial owners of ⟦company⟧ Ltd – (1) ⟦p1.full⟧, ⟦n:25:60⟧%, DOB ⟦p1.dob⟧, passport ⟦passport⟧; (2) ⟦p2.full⟧, ⟦n:10:25⟧%, DOB ⟦p2.dob⟧, SSN ⟦ssn⟧. Adverse media: ⟨none|one 2019 article, not relevant⟩. Sanctions screening ⟨clear|false positive on surname ⟦p2.sur⟧⟩.""", "US"),
    ("kyc", "pos", """Help me fill this form from my notes: my name is ⟦p1.plain⟧, born ⟦p1.dob⟧, I live at ⟦addr⟧, phone ⟦phone⟧, email ⟦p1.email⟧. My SSN is ⟦ssn⟧ and my passport number is ⟦passport⟧. Employer ⟦company⟧ since ⟦date:old⟧.""", "US"),
    ("kyc", "neg", """⟨Acceptable documents for identity verification|KYC checklist for new ⟨retail|joint|student⟩ accounts⟩: a ⟨valid|current, unexpired⟩ passport, a photocard driving licence, or a national identity card; proof of address must be dated within ⟨3 months|90 days⟩ (utility bill, council tax, bank statement). ⟨Reject screenshots.|Photos of screens are not accepted.|Certified copies are fine for postal applications.⟩ Escalate PEP matches to the ⟨MLRO|compliance team⟩. Retention: ⟨5|6|7⟩ years after the relationship ends."""),
    ("kyc", "neg", """Our sanctions screening flagged "⟨Maple Trading|Orion Holdings|Blue Harbor Shipping⟩" at 87% match strength against the OFAC list. The company is registered in ⟨Delaware|Cyprus|Singapore⟩, formed ⟨2016|2020⟩, no individuals named in the alert. What's the standard disposition narrative for a false positive?"""),
    # ---------------- loan ----------------
    ("loan", "pos", """Mortgage application summary
Borrower: ⟦p1.full⟧, DOB ⟦p1.dob⟧, SSN ⟦ssn⟧
Co-borrower: ⟦p2.full⟧, DOB ⟦p2.dob⟧, SSN ⟦ssn⟧
Subject property: ⟦addr⟧
Employer: ⟦company⟧ since ⟦date:old⟧, base ⟦amt:50000:190000⟧/yr
Assets: ⟦bank⟧ checking ⟦acct:us⟧ (⟦amt:5000:80000⟧), 401k ⟦amt:20000:300000⟧
Loan: ⟦amt:150000:900000⟧, 30-yr fixed, LTV ⟦n:60:95⟧%""", "US"),
    ("loan", "pos", """Auto loan – funding checklist
Applicant ⟦p1.sg⟧, ⟦phone⟧, DL ⟦dl⟧ (⟦dlstate⟧)
Vehicle ⟨2023 Honda CR-V EX|2020 Tesla Model 3|2018 Chevrolet Silverado⟩ VIN ⟦vin⟧
Dealer: ⟦company⟧ Motors. Payoff to lienholder ⟦bank⟧, loan # ⟦acct:loan⟧.
First payment due ⟦date:future=-⟧.""", "US"),
    ("loan", "pos", """Underwriter notes ⟦date=-⟧: ⟦p1⟧'s bank statements (⟦bank⟧ acct ending ⟦last4⟧ and savings ⟦acct:us⟧) show ⟦n:2:5⟧ large deposits from ⟦p2⟧ – need gift letter. Credit report pulled under SSN ⟦ssn⟧; FICO ⟦n:580:820⟧. Current address ⟦addr⟧ only 14 months, need prior.""", "US"),
    ("loan", "neg", """Compare a 15-year fixed at ⟦n:4:6⟧.⟨125|375|5|625|875⟩% vs 30-year fixed at ⟦n:5:7⟧.⟨125|25|5|625|75⟩% on a $⟦n:180:950⟧,000 loan: monthly P&I, total interest, and break-even if I refinance in ⟨3|5|7⟩ years. Assume ⟨10|15|20⟩% down and PMI of 0.⟦n:3:9⟧% when LTV is above 80%."""),
    # ---------------- HR / payroll ----------------
    ("hr", "pos", """NEW HIRE RECORD
Employee ID: E-⟦n:10000:99999⟧   Start date: ⟦date⟧
Name: ⟦p1.s_g⟧   Preferred: ⟦p1.first⟧
DOB: ⟦p1.dob⟧   SSN: ⟦ssn⟧
Home: ⟦addr⟧
Personal email: ⟦p1.email⟧   Mobile: ⟦phone⟧
Emergency contact: ⟦p2.full⟧ (⟦p2.rel:⟨spouse|parent|sib⟩⟧) ⟦phone⟧
Direct deposit: routing ⟦aba⟧ / acct ⟦acct:us⟧""", "US"),
    ("hr", "pos", """Dear ⟦p1.title⟧⟦p1.sur⟧,
This letter confirms that your employment with ⟦company⟧ will end effective ⟦date⟧. Your final paycheck, including ⟦n:3:20⟧ days of accrued PTO, will be deposited to the account on file (⟦acct:mask=-⟧). COBRA information will be mailed to ⟦addr⟧.
Regards,
⟦p2.full⟧, HR Business Partner"""),
    ("hr", "pos", """FMLA certification received for ⟦p1⟧ (emp #⟦n:1000:99999⟧): condition ⟦dx:paren⟧, intermittent leave ⟦date⟧ through ⟦date⟧, ⟨1–2 episodes/month|weekly infusions⟩. Provider: ⟦d1.full⟧, ⟦hosp⟧. Manager ⟦p2.first⟧ notified without diagnosis.""", "US"),
    ("hr", "pos", """P45 / starter details – ⟦p1.full⟧
NINO: ⟦nino⟧   Tax code: ⟨1257L|BR|K475⟩   Start ⟦date⟧
Address: ⟦addr:GB:multi⟧
Student loan: ⟨Plan 2|none⟩. Bank: ⟦iban:GB⟧
Pension opt-out: ⟨no|yes⟩""", "GB"),
    ("hr", "pos", """I-9 Section 2 notes: ⟦p1.full⟧ presented ⟨U.S. Passport #⟦passport⟧|⟦dlstate⟧ DL #⟦dl⟧ and SS card ⟦ssn⟧⟩. Verified by ⟦p2.full⟧. Hire date ⟦date⟧. E-Verify case closed – employment authorized.""", "US"),
    ("hr", "pos", """Background check request
Candidate: ⟦p1.full⟧ ⟨(aka ⟦p1.first⟧)|⟩   DOB ⟦p1.dob⟧
Addresses last 7 years: ⟦addr⟧; ⟦addr⟧
SSN: ⟦ssn⟧   DL: ⟦dl⟧ ⟦dlstate⟧
Position: ⟨RN – ICU|Teller|Payroll specialist⟩. Requested by ⟦p2⟧ ⟦p2.email:work⟧""", "US"),
    ("hr", "neg", """PTO policy update: full-time employees accrue 6.15 hours per pay period (160 h/year), capped at 240 hours. Carry-over resets each January. Holidays follow the ⟦company⟧ calendar. Questions go to the HR service desk (ticket category "Leave > Accrual"), ⟦ticket⟧ tracks the payroll config change."""),
    ("hr", "neg", """⟨Explain the difference between exempt and non-exempt employees under the FLSA|How does overtime work for nurses on 12-hour shifts under the FLSA|What counts as a qualifying life event for benefits changes⟩, and ⟨how Form W-2 box 12 code DD is calculated|what goes in W-2 box 14|how the 401(k) catch-up limit works⟩? Our payroll provider is ⟦company⟧ and the run schedule is ⟨biweekly|semi-monthly|weekly⟩."""),
    # ---------------- support chat ----------------
    ("support_chat", "pos", """[⟦clk⟧] Agent (⟦d1.first⟧): Thanks for contacting ⟦bank⟧, how can I help?
[⟦clk⟧] ⟦p1.first⟧: my card got declined at the ⟨gas station|pharmacy|airport⟩ but I have money
[⟦clk⟧] Agent (⟦d1.first⟧): I can check. Can you confirm the full card number and your date of birth?
[⟦clk⟧] ⟦p1.first⟧: ⟦cc⟧ and ⟦p1.dob⟧
[⟦clk⟧] Agent (⟦d1.first⟧): Thank you, ⟦p1.given⟧. I see a fraud hold from ⟦date=-⟧. I've sent a code to ⟦phone⟧."""),
    ("support_chat", "pos", """Customer: hi i can't log into the patient portal, it says my account is locked
Bot: I can help. What's your full name and date of birth?
Customer: ⟦p1.lower⟧ ⟦p1.dob⟧
Bot: Thanks. Please confirm the email on file.
Customer: ⟨its|it's⟩ ⟦p1.email⟧ ⟨or maybe my old one ⟦email⟧|⟩
Bot: I've sent a reset link. Your MRN is ⟦mrn⟧ if the form asks for it."""),
    ("support_chat", "pos", """Chat transcript ⟦ticket⟧ – ⟦insurer⟧ member services
Member: hello I'm calling about my ⟦k2.rel:child⟧ ⟦k2.full⟧, the ID card never came
Agent ⟦d1.first⟧: I'm sorry about that! Can I have the subscriber ID?
Member: ⟦hpid⟧, I'm ⟦p1.full⟧ the subscriber
Agent ⟦d1.first⟧: Got it. We show the card mailed ⟦date=-⟧ to ⟦addr⟧ – is that still correct?
Member: no we moved to ⟦addr⟧
Agent ⟦d1.first⟧: Updated. A new card will arrive in 7–10 days.""", "US"),
    ("support_chat", "pos", """User: Payroll portal shows my direct deposit going to an account I don't recognize!! ⟦acct:us⟧?? mine is ⟦acct:us⟧ at ⟦bank⟧ routing ⟦aba⟧
Support: Thanks, I've escalated to security as ⟦ticket⟧. The change was made ⟦ts:sql⟧ from IP ⟦ip⟧. Was that you?
User: no!! I was asleep. my email is ⟦p1.email⟧ and cell ⟦phone⟧""", "US"),
    ("support_chat", "pos", """⟦clk⟧ ⟦p1.plain⟧: Hi, I was charged twice for my copay on ⟦date⟧
⟦clk⟧ Support: Sorry about that, can you share the last 4 of the card?
⟦clk⟧ ⟦p1.plain⟧: ⟦last4#c⟧, full number is ⟦cc⟧ if you need it
⟦clk⟧ Support: Please don't share full card numbers here 🙏 I've refunded ⟦amt:10:80⟧ to the card ending ⟦last4#c⟧."""),
    ("support_chat", "neg", """Customer: my order ⟦order⟧ still says "label created" after 6 days
Agent: I'm sorry! I see it's with the carrier, tracking ⟦order⟧. There was a hub delay in ⟨Memphis|Louisville|Leipzig⟩. It should move by ⟨Thursday|tomorrow⟩.
Customer: ok can you just refund shipping
Agent: Done – ticket ⟦ticket⟧. Anything else?"""),
    ("support_chat", "neg", """User: the ⟦company⟧ app crashes when I open "Claims" on version ⟦ver⟧, android 14
Agent: Thanks for the report. Can you try clearing the cache? Known issue ⟦ticket⟧, fix ships in ⟦ver⟧.
User: still crashes
Agent: Escalated. You'll get an update in the app inbox."""),
    # ---------------- e-mail threads ----------------
    ("email", "pos", """Hi ⟦p2.first⟧,

Following up on ⟦p1⟧ (DOB ⟦p1.dob⟧) – ⟨her|his|their⟩ cardiology referral still hasn't been scheduled. Could you call ⟨the patient|them⟩ at ⟦phone⟧? Notes from the visit on ⟦date⟧ attached.

Thanks,
⟦d1.full⟧, ⟨MD|NP|PA-C⟩
⟦hosp⟧ | ⟨Internal Medicine|Family Practice⟩
⟦addr:US⟧
T: ⟦phone⟧ | ⟦d1.email⟧

On ⟦date=-⟧ at ⟦time⟧, ⟦p2.full⟧ <⟦p2.email:work⟧> wrote:
> Dr ⟦d1.sur⟧ – the referral queue shows nothing for this patient. Can you resend?""", "US"),
    ("email", "pos", """From: ⟦p1.full⟧ <⟦p1.email⟧>
To: benefits@⟨kestrel-payroll.io|meridiancare.net⟩
Subject: Re: Dependent verification

Hi, attached are the birth certificate for ⟦p2.given⟧ (DOB ⟦p2.dob⟧) and our marriage certificate. My spouse is ⟦p3.full⟧, SSN ⟦ssn⟧. ⟨Sorry for the delay!|Let me know if you need anything else.⟩

⟦p1.first⟧
Sent from my iPhone

> On ⟦date=-⟧, Benefits Team wrote:
> Please provide documents for the dependents added during open enrollment by the deadline.""", "US"),
    ("email", "pos", """---------- Forwarded message ---------
From: ⟦d1.full⟧ <⟦d1.email⟧>
Date: ⟦date=-⟧
Subject: referral – ⟦p1.sur⟧

Please see ⟦p1.full⟧, ⟦p1.age⟧, NHS ⟦nhs⟧, for ⟦dx⟧. Lives at ⟦addr:GB⟧, prefers contact on ⟦phone:GB⟧. ⟨Interpreter needed.|Hard of hearing – email preferred: ⟦p1.email⟧.⟩

Kind regards
⟦d1.full⟧
GP Partner""", "GB"),
    ("email", "pos", """Subject: ⟨Leave request|Time off|OOO⟩ ⟦date⟧–⟦date⟧

Hi ⟦p2.first⟧,
I need to take ⟨a few days|the week⟩ off for ⟨my surgery|my dad's surgery|a medical procedure⟩ – it's scheduled for ⟦date⟧ at ⟦hosp⟧. ⟨I'll be reachable on my cell ⟦phone⟧ if something urgent comes up.|I'll have my laptop but limited hours.⟩

Thanks,
⟦p1.full⟧
⟨Senior Analyst|Claims Specialist|RN, 4 West⟩ | ⟦company⟧
⟦p1.email:work⟧"""),
    ("email", "pos", """Please rewrite this email to sound more professional:

hey ⟦p2.gl⟧ – the closing docs for ⟦p1.plain⟧ are ready, she needs to bring ID + a check for ⟦amt:1000:9000⟧. property is ⟦addr⟧. wire details below but CALL to confirm before sending!!
⟦bank⟧ routing ⟦aba⟧ acct ⟦acct:us⟧
– ⟦p3.first⟧""", "US"),
    ("email", "pos", """> From: ⟦p1.full⟧
> Sent: ⟦date=-⟧
> I still haven't received the reimbursement for my ⟨physio|dental|eye exam⟩ claim from ⟦date⟧. My member number is ⟦hpid⟧.

Dear ⟦p1.title⟧⟦p1.sur⟧,
Thank you for your patience. Your claim was processed and ⟦amt:40:600⟧ was paid to the account ending ⟦last4⟧. If this account is closed, please reply with your new IBAN ⟨– e.g. the one you mentioned, ⟦iban⟧ –|⟩ and we will reissue.
Member Services, ⟦insurer⟧""", "GB IE"),
    ("email", "neg", """Hi team,

Reminder that the ⟦company⟧ go-live is moved to ⟨next Tuesday|the 14th⟩. Training sessions are in the ⟨Maple|Harbor|Birch⟩ room on the 3rd floor of the ⟦street⟧ building. Please bring your badge. Agenda: interfaces (ADT, ORU), downtime procedures, and the ⟦ver⟧ patch notes.

Thanks,
Clinical Informatics"""),
    ("email", "neg", """Subject: Quarterly newsletter draft

Can you shorten this to 150 words? "This quarter ⟦hosp⟧ opened a new ⟦eponym⟧ clinic, our nurses completed ⟦n:200:900⟧ hours of training, and the ⟦insurer⟧ contract was renewed. Thank you to everyone who volunteered at the ⟨5K|blood drive|health fair⟩ on ⟦street⟧." """),
])


def rows(r, lo, hi, row, start=1):
    n = r.randrange(lo, hi + 1)
    return "\n".join(row.replace("{i}", str(i)) for i in range(start, start + n))


def t_csv_patients(r):
    head = r.choice(["patient_id,first_name,last_name,dob,phone,zip,primary_dx", "MRN,First,Last,DOB,Phone,ZIP,Dx"])
    return ("⟨Clean up this export and flag missing values:|Dedupe these rows:|Convert to a markdown table:|⟩\n" + head + "\n" +
            rows(r, 3, 6, "⟦mrn:d8⟧,⟦p{i}.given⟧,⟦p{i}.sur⟧,⟦p{i}.dob:iso⟧,⟦phone:nat⟧,⟦zip⟧,⟦icd⟧"))


def t_tsv_noheader(r):
    return ("⟨pasted from the spreadsheet, no headers sorry:|Here are the rows:|can you sort these by date of birth⟩\n" +
            rows(r, 3, 5, "⟦p{i}.sg⟧\t⟦p{i}.dob:us⟧\t⟦ssn⟧\t⟦phone⟧\t⟦p{i}.email⟧"))


def t_md_appointments(r):
    return ("Tomorrow's clinic list – ⟨can you draft reminder texts for each?|which slots are double-booked?|summarise by provider⟩\n\n"
            "| Time | Patient | DOB | Reason | Provider |\n|---|---|---|---|---|\n" +
            rows(r, 3, 6, "| ⟦time⟧ | ⟦p{i}.full⟧ | ⟦p{i}.dob⟧ | ⟨follow-up|new patient|med check|wound care|annual physical⟩ | Dr ⟦d⟨1|2⟩.sur⟧ |"))


def t_payroll_csv(r):
    return ("⟨Why does this NACHA upload fail validation?|Check this payroll file for errors:|Total the net pay column:⟩\n"
            "emp_id,name,ssn,routing,account,net_pay\n" +
            rows(r, 3, 6, "⟦n:1000:9999⟧,\"⟦p{i}.s_g⟧\",⟦ssn:dash⟧,⟦aba⟧,⟦acct:us⟧,⟦n:900:6000⟧.⟦n:10:99⟧"))


def t_claims_tsv(r):
    return ("claim_no\tmember_id\tpatient\tdos\tdx\tbilled\n" +
            rows(r, 3, 5, "⟦claim⟧\t⟦hpid⟧\t⟦p{i}.caps⟧\t⟦date:us⟧\t⟦icd⟧\t⟦n:80:4000⟧.00"))


def t_contacts_md(r):
    return ("Format this as a phone tree:\n\n| Name | Role | Mobile | Email |\n|---|---|---|---|\n" +
            rows(r, 3, 6, "| ⟦p{i}⟧ | ⟨Charge RN|Unit clerk|Manager|Night supervisor|Pharmacist|Security⟩ | ⟦phone⟧ | ⟦p{i}.email:work⟧ |"))


def t_excel_noheader(r):
    return ("⟨find the duplicates in this list|which of these emails look invalid?|merge these into one row per person⟩\n" +
            rows(r, 4, 7, "⟦p{i}.full⟧ ⟦p{i}.email⟧ ⟦zip⟧"))


def t_txn_csv(r):
    return ("Categorise these transactions:\ndate;counterparty;iban;amount;purpose\n" +
            rows(r, 3, 5, "⟦ts:sql⟧;⟦p{i}.full⟧;⟦iban⟧;⟨-|⟩⟦n:10:2500⟧,⟦n:10:99⟧;⟨Miete|rent|Geschenk|dinner split|loan repayment⟩"))


def t_inventory_csv(r):
    return ("⟨Reorder anything under par:|Which items expire first?|Sum the quantities by ward:⟩\nitem,sku,lot,exp,qty,ward\n" +
            rows(r, 4, 7, "⟨Foley catheter 16Fr|saline flush 10 mL|⟦drug⟧|IV start kit|Swan-Ganz catheter|chlorhexidine wipes⟩,⟦sku⟧,⟦hexid:6⟧,⟨2025-09|2026-01|2025-12|2026-05⟩,⟦n:0:200⟧,⟨4W|ICU|ED|5N⟩"))


def t_kpi_md(r):
    return ("| Month | ED visits | LWBS % | Median door-to-doc (min) |\n|---|---|---|---|\n" +
            rows(r, 3, 6, "| ⟨Jan|Feb|Mar|Apr|May|Jun|Jul|Aug⟩ 2024 | ⟦n:3000:9000⟧ | ⟦n:1:6⟧.⟦n:0:9⟧ | ⟦n:12:60⟧ |") +
            "\n\nWrite two sentences on the trend.")


def t_batch_noheader(r):
    return ("these are the batch numbers from the recall notice, which ones match our stock?\n" +
            rows(r, 4, 7, "⟦badcc⟧  ⟦sku⟧  qty ⟦n:1:40⟧"))


add("en", [
    # ---------------- tables ----------------
    ("table", "pos", t_csv_patients), ("table", "pos", t_tsv_noheader, "US"), ("table", "pos", t_md_appointments),
    ("table", "pos", t_payroll_csv, "US"), ("table", "pos", t_claims_tsv, "US"), ("table", "pos", t_contacts_md),
    ("table", "pos", t_excel_noheader), ("table", "pos", t_txn_csv, "GB IE"),
    ("table", "neg", t_inventory_csv), ("table", "neg", t_kpi_md), ("table", "neg", t_batch_noheader),
    # ---------------- structured: JSON / XML / HL7 / FHIR ----------------
    ("structured", "pos", """⟨Why does this fail schema validation?|Convert this to FHIR:|Map these fields to our CSV import:⟩
{
  "patientId": "⟦mrn⟧",
  "name": {"first": "⟦p1.given⟧", "last": "⟦p1.sur⟧"},
  "dob": "⟦p1.dob:iso⟧",
  "gender": "⟦p1.mf⟧",
  "contact": {"phone": "⟦phone⟧", "email": "⟦p1.email⟧"},
  "address": {"line1": "⟦ap:street⟧", "city": "⟦ap:city⟧", "postalCode": "⟦ap:zip⟧"},
  "insurance": {"payer": "⟦insurer⟧", "memberId": "⟦hpid⟧"},
  "diagnoses": ["⟦icd⟧", "⟦icd⟧"]
}"""),
    ("structured", "pos", """{
  "resourceType": "Patient",
  "id": "⟦uuid⟧",
  "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.⟦n:100:999⟧", "value": "⟦mrn⟧"}⟨, {"system": "http://hl7.org/fhir/sid/us-ssn", "value": "⟦ssn:dash⟧"}|⟩],
  "name": [{"family": "⟦p1.sur⟧", "given": ["⟦p1.given⟧"]}],
  "telecom": [{"system": "phone", "value": "⟦phone⟧", "use": "mobile"}, {"system": "email", "value": "⟦p1.email⟧"}],
  "gender": "⟦p1.mf⟧",
  "birthDate": "⟦p1.dob:iso⟧",
  "address": [{"line": ["⟦ap:street⟧"], "city": "⟦ap:city⟧", "state": "⟦ap:region⟧", "postalCode": "⟦ap:zip⟧"}]
}""", "US"),
    ("structured", "pos", """MSH|^~\\&|⟨EPIC|CERNER|MEDITECH⟩|⟨RBH|STB|LKG⟩|LAB|LAB|⟦ts:epoch⟧||ADT^A01|MSG⟦n:10000:99999⟧|P|2.5.1
EVN|A01|⟦date:hl7⟧⟦n:10:23⟧⟦n:10:59⟧
PID|1||⟦mrn⟧^^^⟨RBH|STB⟩^MR||⟦p1.hl7⟧||⟦p1.dob:hl7⟧|⟦p1.sex⟧|||⟦ap:street⟧^^⟦ap:city⟧^⟦ap:region⟧^⟦ap:zip⟧||⟦phone⟧|||||⟦acct:pat⟧|⟦ssn:plain⟧
NK1|1|⟦p2.hl7⟧|⟨SPO|CHD|PAR⟩|||⟦phone⟧
PV1|1|I|⟨4W^412^A|ICU^08^01|5N^531^B⟩||||⟦npi⟧^⟦d1.hl7⟧|||MED
DG1|1||⟦hl7dx⟧""", "US"),
    ("structured", "pos", """OBX segments are coming through garbled, can you parse this ORU?
MSH|^~\\&|LAB|⟨RBH|STB⟩|||⟦ts:epoch⟧||ORU^R01|⟦n:100000:999999⟧|P|2.3
PID|||⟦mrn⟧||⟦p1.hl7⟧||⟦p1.dob:hl7⟧|⟦p1.sex⟧
OBR|1||⟦n:1000000:9999999⟧|CBC^Complete blood count|||⟦date:hl7⟧0815
OBX|1|NM|718-7^Hemoglobin||⟦n:7:16⟧.⟦n:0:9⟧|g/dL|12-16|⟨L|N⟩
OBX|2|NM|6690-2^WBC||⟦n:3:19⟧.⟦n:0:9⟧|10*3/uL|4-11|⟨H|N⟩""", "US"),
    ("structured", "pos", """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
 <CstmrCdtTrfInitn>
  <PmtInf>
   <Dbtr><Nm>⟦p1.full⟧</Nm></Dbtr>
   <DbtrAcct><Id><IBAN>⟦iban:spaced=IBAN⟧</IBAN></Id></DbtrAcct>
   <DbtrAgt><FinInstnId><BIC>⟦bic⟧</BIC></FinInstnId></DbtrAgt>
   <CdtTrfTxInf>
    <Amt><InstdAmt Ccy="EUR">⟦n:50:9000⟧.00</InstdAmt></Amt>
    <Cdtr><Nm>⟦p2.full⟧</Nm><PstlAdr><StrtNm>⟦ap:street⟧</StrtNm><PstCd>⟦ap:zip⟧</PstCd><TwnNm>⟦ap:city⟧</TwnNm></PstlAdr></Cdtr>
    <CdtrAcct><Id><IBAN>⟦iban⟧</IBAN></Id></CdtrAcct>
    <RmtInf><Ustrd>⟨Invoice ⟦order⟧|Rent ⟨March|April⟩|Reimbursement⟩</Ustrd></RmtInf>
   </CdtTrfTxInf>
  </PmtInf>
 </CstmrCdtTrfInitn>
</Document>""", "IE GB"),
    ("structured", "pos", """POST /v1/charges returned 402, here's the request body – what's wrong?
{"amount": ⟦n:500:90000⟧, "currency": "usd", "card": {"number": "⟦cc:plain⟧", "exp_month": ⟦n:1:12⟧, "exp_year": 20⟦n:26:31⟧, "cvc": "⟦n:100:999⟧"}, "billing_details": {"name": "⟦p1.full⟧", "email": "⟦p1.email⟧", "address": {"line1": "⟦ap:street⟧", "postal_code": "⟦ap:zip⟧"}}, "metadata": {"order": "⟦order⟧"}}""", "US"),
    ("structured", "pos", """{"resourceType":"Coverage","status":"active","subscriberId":"⟦hpid⟧","beneficiary":{"display":"⟦p1.full⟧"},"relationship":{"coding":[{"code":"⟨self|child|spouse⟩"}]},"period":{"start":"⟦date:iso⟧"},"payor":[{"display":"⟦insurer⟧"}],"class":[{"type":{"text":"group"},"value":"⟦n:10000:99999⟧"}]}""", "US"),
    ("structured", "pos", """<ClinicalDocument>
  <recordTarget><patientRole>
    <id extension="⟦mrn⟧" root="2.16.840.1.113883.19.5"/>
    <addr><streetAddressLine>⟦ap:street⟧</streetAddressLine><city>⟦ap:city⟧</city><postalCode>⟦ap:zip⟧</postalCode></addr>
    <telecom value="tel:⟦phone:intl⟧"/>
    <patient><name><given>⟦p1.given⟧</given><family>⟦p1.sur⟧</family></name>
      <administrativeGenderCode code="⟦p1.sex⟧"/><birthTime value="⟦p1.dob:hl7⟧"/></patient>
  </patientRole></recordTarget>
  <author><assignedAuthor><id extension="⟦npi⟧" root="2.16.840.1.113883.4.6"/><assignedPerson><name>⟦d1.full⟧</name></assignedPerson></assignedAuthor></author>
</ClinicalDocument>""", "US"),
    ("structured", "neg", """⟨Here's our FHIR Patient example for the docs – does it validate?|Why does the validator complain about birthDate in this template?|Can you add a telecom element to this example?⟩
{"resourceType": "Patient", "id": "⟨example|pat-template|demo-001⟩", "name": [{"family": "<family>", "given": ["<given>"]}], "birthDate": "⟨YYYY-MM-DD|<birthDate>|<dob>⟩", "identifier": [{"system": "urn:oid:2.16.840.1.113883.⟨19.5|3.999|4.1⟩", "value": "<mrn>"}]⟨, "address": [{"line": ["<line1>"], "postalCode": "<zip>"}]|, "gender": "unknown"|⟩}"""),
    ("structured", "neg", """In HL7 v⟨2.3|2.4|2.5⟩, PID-3 is the patient identifier list, PID-5 the patient name (XPN), PID-7 date/time of birth and PID-11 the address (XAD). MSH-9 carries the message type such as ⟨ADT^A01 or ORU^R01|ADT^A08 or SIU^S12|ORM^O01 or ORU^R01⟩, MSH-12 the version. ⟨Which field carries the attending physician – PV1-7 or PV1-8?|Where does the visit number go?|Is PID-2 still used in newer versions?|How should repeating PID-3 identifiers be separated?⟩"""),
    ("structured", "neg", """{"service": "claims-api", "version": "⟦ver⟧", "status": "degraded", "checks": {"db": "ok", "queue": "lagging", "lag_seconds": ⟦n:30:900⟧}, "requestId": "⟦uuid⟧", "timestamp": "⟦ts⟧", "build": "⟦sha⟧"}
What does "lagging" mean here and should I page someone?"""),
    # ---------------- config files / shell history ----------------
    ("config", "pos", """⟨Why can't my app connect to the DB?|Is anything wrong with this .env?|Convert this .env to a k8s secret:⟩
NODE_ENV=production
DATABASE_URL=postgres://app_user:⟦pw⟧@db-⟨prod|01⟩.internal:5432/claims
STRIPE_SECRET_KEY=⟦key:sk⟧
OPENAI_API_KEY=⟦key:proj⟧
⟨TWILIO_API_KEY=⟦key:twilio⟧
|⟩ADMIN_EMAIL=⟦p1.email:work⟧
SENTRY_DSN=https://⟦hexid:32⟧@o⟦n:100000:999999⟧.ingest.sentry.io/⟦n:1000000:9999999⟧
LOG_LEVEL=info"""),
    ("config", "pos", """# application.yml
spring:
  datasource:
    url: jdbc:sqlserver://sql⟦n:1:9⟧.⟨corp|internal⟩:1433;databaseName=⟨payroll|ehr_prod|kyc⟩
    username: svc_⟨payroll|ehr|kyc⟩
    password: "⟦pw⟧"
  mail:
    host: smtp.office365.com
    username: ⟦p1.email:work⟧
    password: ⟦pw⟧
aws:
  accessKeyId: ⟦key:aws⟧
  secretAccessKey: ⟦key:awssecret⟧"""),
    ("config", "pos", """apiVersion: v1
kind: Secret
metadata:
  name: ⟨fhir-gateway|payments-api|hl7-bridge⟩
type: Opaque
stringData:
  GITHUB_TOKEN: ⟦key:ghp⟧
  SLACK_BOT_TOKEN: ⟦key:slack⟧
  HL7_SFTP_PASSWORD: ⟦pw⟧
  ONCALL_PHONE: "⟦phone:intl⟧"    # ⟦p1.full⟧"""),
    ("config", "pos", """can you tell me why terraform keeps asking for the provider creds?
# terraform.tfvars
region          = "⟨eu-west-1|us-east-1⟩"
db_password     = "⟦pw⟧"
datadog_api_key = "⟦key:hex⟧"
owner_email     = "⟦p1.email:work⟧"
google_api_key  = "⟦key:google⟧\""""),
    ("shell", "pos", """⟨Explain what I did here:|Which of these commands leaked something?|Clean this up for the runbook:⟩
  501  cd ~/projects/⟨claims-etl|hl7-bridge|kyc-service⟩
  502  export HF_TOKEN=⟦key:hf⟧
  503  mysql -u root -p'⟦pw⟧' -h 10.0.⟦n:1:9⟧.⟦n:2:200⟧ patients
  504  curl -s -H "Authorization: Bearer ⟨⟦key:bearer⟧|⟦key:jwt⟧⟩" https://api.⟨northgatebank.com|meridiancare.net⟩/v2/customers/⟦n:100000:999999⟧
  505  git push https://⟦uid⟧:⟦key:glpat⟧@gitlab.com/⟨team|corp⟩/etl.git
  506  history | tail"""),
    ("shell", "pos", """$ psql "host=pg.internal user=analyst password=⟦pw⟧ dbname=members"
members=> SELECT first_name, last_name, ssn, dob FROM members WHERE zip = '⟦zip:US⟧' LIMIT 3;
 first_name | last_name |     ssn     |    dob
------------+-----------+-------------+------------
 ⟦p1.given⟧ | ⟦p1.sur⟧ | ⟦ssn:dash⟧ | ⟦p1.dob:iso⟧
 ⟦p2.given⟧ | ⟦p2.sur⟧ | ⟦ssn:dash⟧ | ⟦p2.dob:iso⟧
 ⟦p3.given⟧ | ⟦p3.sur⟧ | ⟦ssn:dash⟧ | ⟦p3.dob:iso⟧
(3 rows)
Why is the zip filter so slow?""", "US"),
    ("shell", "pos", """~/.npmrc
//registry.npmjs.org/:_authToken=⟦key:npm⟧
~/.pypirc
[pypi]
username = __token__
password = ⟦key:pypi⟧
~/.git-credentials
https://⟦uid⟧:⟦key:ghp⟧@github.com
Why does pip still prompt me?"""),
    ("config", "neg", """# .env.example – copy to .env and fill in
DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/app
STRIPE_SECRET_KEY=⟦placeholder⟧
OPENAI_API_KEY=⟦placeholder⟧
ADMIN_EMAIL=admin@example.com
FEATURE_FLAGS=claims_v2,fhir_export
# never commit real values"""),
    ("config", "neg", """services:
  api:
    image: ghcr.io/⟨acme|northwind⟩/claims-api:⟦ver⟧
    environment:
      - DB_PASSWORD_FILE=/run/secrets/db_password
      - API_KEY=${API_KEY}
      - TZ=UTC
    secrets: [db_password]
secrets:
  db_password:
    file: ./secrets/db_password.txt
Is the secrets block correct for swarm mode?"""),
    ("shell", "neg", """  210  git checkout -b fix/⟦ticket⟧
  211  cargo test --release
  212  docker build -t claims-api:⟦ver⟧ .
  213  kubectl rollout status deploy/claims-api -n ⟨prod|staging⟩
  214  export TOKEN=$(vault kv get -field=token secret/ci)
  215  curl -H "Authorization: Bearer $TOKEN" https://ci.internal/api/builds/⟦n:1000:9999⟧
what does line 214 do and is it safe?"""),
    # ---------------- application / audit logs ----------------
    ("logs", "pos", """⟦ip⟧ - - [⟦ts:apache⟧] "GET /api/v1/patients/⟦mrn⟧/records?email=⟦email⟧ HTTP/1.1" 200 ⟦n:300:90000⟧ "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"
⟦ip⟧ - - [⟦ts:apache⟧] "POST /portal/login HTTP/1.1" 302 0 "-" "okhttp/4.12.0"
⟨Why are these 200s when the user is logged out?|Is this a data leak?|Summarise this traffic.⟩"""),
    ("logs", "pos", """{"ts":"⟦ts⟧","actor":"⟦d1.email:work⟧","action":"⟨VIEW_CHART|EXPORT_PDF|PRINT_SUMMARY⟩","patient":{"mrn":"⟦mrn⟧","name":"⟦p1.sg⟧"},"reason":"⟨treatment|break-the-glass|billing⟩","src_ip":"⟦ip⟧","session":"⟦hexid:24⟧"}
{"ts":"⟦ts⟧","actor":"⟦d1.email:work⟧","action":"VIEW_CHART","patient":{"mrn":"⟦mrn⟧","name":"⟦p2.sg⟧"},"reason":"treatment","src_ip":"⟦ip⟧","session":"⟦hexid:24⟧"}
Flag anything that looks like snooping."""),
    ("logs", "pos", """⟦ts:sql⟧ ERROR [payment-worker-⟦n:1:8⟧] c.n.payments.ChargeService - charge failed
com.northgate.payments.CardDeclinedException: do_not_honor for PaymentRequest{customer=⟦p1.full⟧, email=⟦p1.email⟧, pan=⟦cc:plain⟧, exp=⟦n:1:12⟧/⟦n:26:31⟧, amount=⟦n:10:900⟧.00}
    at com.northgate.payments.ChargeService.charge(ChargeService.java:⟦n:80:400⟧)
    at com.northgate.payments.Worker.run(Worker.java:⟦n:20:120⟧)
⟨How do I stop the PAN from being logged?|Why is the card declined?⟩"""),
    ("logs", "pos", """⟦ts:syslog⟧ bastion sshd[⟦n:1000:60000⟧]: Failed password for ⟦uid#u⟧ from ⟦ip:v4⟧ port ⟦n:30000:65000⟧ ssh2
⟦ts:syslog⟧ bastion sshd[⟦n:1000:60000⟧]: Failed password for ⟦uid#u⟧ from ⟦ip:v4⟧ port ⟦n:30000:65000⟧ ssh2
⟦ts:syslog⟧ bastion sshd[⟦n:1000:60000⟧]: Accepted publickey for ⟦uid#u⟧ from ⟦ip:v6⟧ port ⟦n:30000:65000⟧ ssh2
is this brute force or just me fat-fingering?"""),
    ("logs", "pos", """⟦ts:syslog⟧ mx1 postfix/smtpd[⟦n:1000:9999⟧]: ⟦hexid:10⟧: client=unknown[⟦ip⟧], sasl_username=⟦p1.email:work⟧
⟦ts:syslog⟧ mx1 postfix/qmgr[⟦n:1000:9999⟧]: ⟦hexid:10⟧: from=<⟦p1.email:work⟧>, size=⟦n:2000:900000⟧, nrcpt=1 (queue active)
⟦ts:syslog⟧ mx1 postfix/smtp[⟦n:1000:9999⟧]: ⟦hexid:10⟧: to=<⟦p2.email⟧>, relay=⟨gmail-smtp-in.l.google.com|mx.gmx.net⟩, status=sent"""),
    ("logs", "pos", """[⟦ts⟧] WARN  kyc-service: document OCR mismatch user_id=⟦n:100000:999999⟧ name="⟦p1.full⟧" dob=⟦p1.dob:iso⟧ ⟨doc_type=passport doc_no=⟦passport⟧|doc_type=dl doc_no=⟦dl⟧⟩ ip=⟦ip⟧
[⟦ts⟧] INFO  kyc-service: manual review queued ⟦ticket⟧""", "US"),
    ("logs", "pos", """2025-⟦n:1:2:02⟧-⟦n:10:28⟧ ⟦n:10:23⟧:⟦n:10:59⟧:⟦n:10:59⟧,⟦n:100:999⟧ DEBUG sepa.Exporter - built transfer debtor="⟦p1.caps⟧" debtorIban=⟦iban⟧ creditorBic=⟦bic⟧ amount=⟦n:10:5000⟧.⟦n:10:99⟧ EUR e2eId=⟦hexid:16⟧""", "IE GB"),
    ("logs", "neg", """⟦ts⟧ INFO  claims-api ⟦ver⟧ started in ⟦n:2:30⟧.⟦n:100:999⟧s (pid ⟦n:1000:60000⟧)
⟦ts⟧ INFO  GET /healthz 200 ⟦n:1:9⟧ms request_id=⟦uuid⟧
⟦ts⟧ WARN  retrying job claims-batch-⟦n:100:999⟧ attempt=2 backoff=⟦n:2:60⟧s
⟦ts⟧ ERROR upstream timeout after 30000ms trace_id=⟦hexid:32⟧
What's the likely cause of the timeout?"""),
    ("logs", "neg", """Build #⟦n:1000:9999⟧ failed on commit ⟦sha⟧: test_luhn_rejects_invalid FAILED – expected False for "⟦badcc⟧" but got True. Also flaky: test_iban_mod97 with fixture ⟦badiban⟧. Runner ubuntu-22.04, python 3.11.⟦n:1:9⟧, pytest 8.⟦n:0:3⟧.⟦n:0:9⟧."""),
    ("logs", "neg", """⟦ts:syslog⟧ ehr-int01 mirth[⟦n:1000:9999⟧]: channel ADT_IN received 1 message(s), filtered 0, errored 1: "PID-7 invalid date format" (message control id MSG⟦n:10000:99999⟧)
⟦ts:syslog⟧ ehr-int01 mirth[⟦n:1000:9999⟧]: channel ORU_OUT queue depth ⟦n:0:500⟧
Which channel setting controls the retry interval?"""),
    # ---------------- SMS ----------------
    ("sms", "pos", """hey its ⟦p1.first⟧⟨ ⟦p1.sur⟧|⟩ cant make my appt ⟨tmrw|2moro|tomorow⟩ w dr ⟦d1.sur:lower⟧ ⟨can u|could u pls⟩ move it to ⟨next wk|friday⟩?? my # is ⟦phone⟧ ⟨thx|ty⟩"""),
    ("sms", "pos", """⟦hosp⟧: Reminder – ⟦p1.given⟧ has an appt with Dr. ⟦d1.sur⟧ on ⟦date:future⟧ at ⟦time⟧. Reply C to confirm, R to reschedule. Questions? Call ⟦phone⟧."""),
    ("sms", "pos", """pls pick up moms meds at ⟦pharmacy⟧ ⟨on the way home|after work⟩, ⟨its under|name is⟩ ⟦p2.full⟧ dob ⟦p2.dob⟧. if they ask for insurance its ⟦hpid⟧ ⟨love u|thx⟩"""),
    ("sms", "pos", """im outside ⟦addr:street⟧ ⟨buzzer doesnt work|gate code?|which door??⟩ – ⟦p1.first⟧"""),
    ("sms", "pos", """sent u the ⟨rent|money for the tickets|deposit⟩ ⟨to|on⟩ ⟦iban⟧ ⟨right?|hope thats the right one|lmk if it bounces⟩ ⟨xx|- ⟦p1.first⟧|⟩""", "GB IE"),
    ("sms", "pos", """⟨Hi|Hello⟩ this is ⟦p1.full⟧'s ⟨daughter|son|caregiver⟩, ⟦p1.she⟧ fell again ⟨this am|last night⟩, we're at ⟦hosp⟧ ER, her MRN ⟦mrn⟧ if u need it. call me ⟦phone⟧"""),
    ("sms", "neg", """⟨running 10 min late|stuck in traffic on the ring road|at the pharmacy now⟩, ⟨grab me a coffee?|start without me|they said the Ozempic is backordered⟩ 👍"""),
    ("sms", "neg", """Pharmacy: Your prescription is ready for pickup at our ⟦street⟧ location. Hours ⟨9am–9pm|8–8⟩. Reply STOP to opt out."""),
    # ---------------- voice transcripts ----------------
    ("voice", "pos", """yeah hi um this is ⟦p1.lower⟧ calling about my ⟦p2.rel:⟨parent|spouse⟩⟧ ⟦p2.lower⟧ ⟨date of birth|birthday is⟩ ⟦p2.dob:spoken⟧ ⟦p2.she⟧ was seen on ⟦date:spoken⟧ and we never got the results ⟨um|uh⟩ you can call me back at ⟦phone:spoken⟧ thank you"""),
    ("voice", "pos", """agent thank you for calling ⟦bank:lower⟧ can i have your name please
caller yes its ⟦p1.lower⟧
agent and to verify can you give me your social security number
caller ⟦ssn:spoken⟧
agent thank you and the address on file
caller ⟦addr:US:lower:bare⟧
agent perfect i see the account ending in ⟦last4⟧""", "US"),
    ("voice", "pos", """this is doctor ⟦d1.sur:lower⟧ dictating on patient ⟦p1.lower⟧ medical record number ⟦mrn:spoken⟧ date of service ⟦date:spoken⟧ ⟨history of present illness|chief complaint⟩ ⟨⟦p1.age⟧ year old|patient⟩ with ⟦icdtext⟧ presenting with ⟨worsening shortness of breath|left knee pain|palpitations⟩ period new paragraph"""),
    ("voice", "pos", """hi this message is for ⟦p1.lower⟧ this is ⟦d2.gl⟧ from ⟦hosp:lower⟧ calling about your ⟨referral|lab results|prior authorization⟩ please give us a call back at ⟦phone:spoken⟧ and reference your member id ⟦hpid:lower⟧ thanks bye"""),
    ("voice", "pos", """caller hi i need to report my card stolen
agent sorry to hear that can i get the card number
caller yeah its ⟦cc:spoken⟧
agent and your date of birth
caller ⟦p1.dob:spoken⟧
agent thanks ⟦p1.gl⟧ ive blocked it and a new one will go to ⟦addr:street:lower⟧"""),
    ("voice", "pos", """patient says quote my name is ⟦p1.lower⟧ i live at ⟦addr:lower:bare⟧ and my nhs number is ⟦nhs:spoken⟧ end quote she is asking for a ⟨repeat prescription|sick note|callback from the gp⟩""", "GB"),
    ("voice", "neg", """thank you for calling ⟨the pharmacy|member services|the clinic|the billing office⟩ if this is a medical emergency hang up and dial nine one one ⟨for prescription refills press one|for appointments press one|to pay a bill press one⟩ for billing press two ⟨to speak to a nurse press three|for all other questions stay on the line⟩ our hours are ⟨monday to friday eight to six|seven days a week nine to five|weekdays eight thirty to five thirty⟩"""),
    ("voice", "neg", """okay so for todays huddle um census is ⟦n:20:40⟧ we have ⟦n:2:6⟧ discharges pending ⟨pharmacy|transport⟩ the ⟦eponym⟧ patient in room twelve is stable uh reminder that the ⟦proc⟧ education is due friday thats it"""),
])

add("en", [
    # ---------------- prompts that ask an LLM to do something with the above ----------------
    ("llm_task", "pos", """Summarise the following in ⟨3 bullet points|two sentences|plain English for the family⟩:

⟦inner⟧"""),
    ("llm_task", "pos", """Translate into ⟨Spanish|French|Tagalog|Vietnamese|Arabic⟩, keep the formatting:
\"\"\"
⟦inner:handoff,triage,pharmacy,sms,email⟧
\"\"\""""),
    ("llm_task", "pos", """Rewrite this ⟨more politely|in a calmer tone|for a non-medical reader⟩ and fix typos:

⟦inner:sms,email,support_chat⟧"""),
    ("llm_task", "pos", """Extract every field below into JSON with keys name, dob, ids, contact, address. Return only JSON.

⟦inner:kyc,hr,claims,pharmacy,prior_auth,loan⟧"""),
    ("llm_task", "pos", """You are an assistant for the ⟨billing|care coordination|fraud⟩ team. Read the text and list the next actions with owners.
---
⟦inner⟧
---"""),
    ("llm_task", "pos", """Redact this before I paste it into the incident ticket — replace names, numbers and keys with [REDACTED]:

⟦inner:logs,config,shell,structured,table⟧"""),
    ("llm_task", "neg", """Summarise the following in ⟨3 bullet points|one paragraph⟩:

⟦inner⟧"""),
    ("llm_task", "neg", """Translate into ⟨German|Portuguese|Polish⟩ and keep the tone:

⟦inner⟧"""),
    ("llm_task", "neg", """Rewrite for a patient newsletter, max 120 words:
⟦inner⟧"""),
])


# =======================================================================================
# TEMPLATES — German
# =======================================================================================
def t_de_csv(r):
    return ("⟨Bitte prüfe die Tabelle auf doppelte Einträge:|Kannst du daraus eine Serienbrief-Liste machen?|Sortiere nach Geburtsdatum:⟩\n"
            "Name;Vorname;Geburtsdatum;IBAN;Steuer-ID\n" +
            rows(r, 3, 5, "⟦p{i}.sur⟧;⟦p{i}.given⟧;⟦p{i}.dob:eu⟧;⟦iban:DE⟧;⟦steuerid⟧"))


add("de", [
    ("handoff", "pos", """Übergabe ⟨Frühdienst|Spätdienst|Nachtdienst⟩ Station ⟨4B|7|Innere 2⟩, Zi. ⟦n:1:30⟧:
⟦p1.title⟧⟦p1⟧, geb. ⟦p1.dob⟧, Pat.-Nr. ⟦mrn:d8⟧, aufgenommen am ⟦date⟧ mit ⟦dx⟧.
⟨RR ⟦n:95:170⟧/⟦n:50:100⟧, Puls ⟦n:55:120⟧, afebril.|Kreislauf stabil, mobil mit Rollator.⟩ ⟨Schmerzen unter ⟦drug⟧ gut eingestellt.|Nachts unruhig, Sitzwache angefragt.⟩
Angehörige: ⟦p2.rel:⟨spouse|child⟩⟧ ⟦p2⟧, Tel. ⟦phone⟧ – ⟨bittet um Rückruf nach der Visite|wünscht keine Anrufe nach 21 Uhr⟩.
Entlassung geplant ⟦date:future⟧ nach Hause ⟨mit Pflegedienst|zu ⟦p2.given⟧, ⟦addr⟧⟩."""),
    ("triage", "pos", """Notaufnahme – Ersteinschätzung (MTS) ⟦time⟧
Pat.: ⟦p1.sg⟧, * ⟦p1.dob⟧, ⟦p1.age⟧ J.
Versicherung: ⟦insurer⟧, KV-Nr. ⟦kvnr⟧
Leitsymptom: ⟨Thoraxschmerz seit 2 h|Dyspnoe|Sturz aus 2 m Höhe|Bauchschmerz re. Unterbauch⟩ – Kategorie ⟨orange|gelb|rot⟩
Vorerkrankungen: ⟦dx:brack⟧
Bezugsperson: ⟦p2.full⟧ ⟦phone⟧""", "DE"),
    ("lab", "pos", """Laborbefund vom ⟦date⟧
Patient: ⟦p1.sg⟧   geb. ⟦p1.dob⟧   Pat.-ID ⟦mrn⟧
Einsender: ⟦d1.title⟧Dr. med. ⟦d1.full⟧, ⟦hosp⟧
HbA1c ⟦n:5:12⟧,⟦n:0:9⟧ %   CRP ⟦n:1:250⟧ mg/l   Kreatinin 1,⟦n:0:9⟧ mg/dl
Beurteilung: vereinbar mit ⟦dx:paren⟧. Befund ⟨telefonisch durchgegeben an ⟦phone⟧|per Post an ⟦addr⟧⟩."""),
    ("pharmacy", "pos", """Hallo, hier ist ⟦p1.full⟧ (geb. ⟦p1.dob⟧). Ich bräuchte ein Folgerezept für ⟦drug⟧, meine Packung ist ⟨leer|fast leer⟩. Versichertennummer ⟦kvnr⟧ bei der ⟦insurer⟧. Bitte als E-Rezept, ich hole es in der ⟦pharmacy⟧ ab. Rückruf gern unter ⟦phone⟧. ⟨Danke!|Viele Grüße⟩""", "DE"),
    ("wire", "pos", """Bitte überweisen Sie ⟦amt:100:20000⟧ bis ⟨Freitag|zum Monatsende|spätestens ⟦date:future=-⟧⟩ an:
Empfänger: ⟦p1.full⟧
IBAN: ⟦iban:DE⟧
BIC: ⟦bic:DE⟧
Verwendungszweck: ⟨Kaution Wohnung ⟦addr:street⟧|Rechnung ⟦order⟧|Rückerstattung Zahnarzt⟩
Mit freundlichen Grüßen
⟦p2.full⟧""", "DE"),
    ("hr", "pos", """Personalstammblatt – Neueinstellung
Name: ⟦p1.s_g⟧   Geburtsdatum: ⟦p1.dob⟧   Eintritt: ⟦date⟧
Anschrift: ⟦addr:multi⟧
Steuer-ID: ⟦steuerid⟧   Steuerklasse: ⟨I|III|IV|V⟩   Konfession: ⟨rk|ev|--⟩
Krankenkasse: ⟦insurer⟧
Bankverbindung: ⟦iban:DE⟧ (⟦bank⟧)
Notfallkontakt: ⟦p2.full⟧, ⟦phone⟧""", "DE"),
    ("email", "pos", """⟨Sehr geehrte Damen und Herren|Guten Tag ⟦d1.title⟧Dr. ⟦d1.sur⟧|Liebe Kolleginnen und Kollegen⟩,

anbei die Unterlagen zu ⟦p1.full⟧ (geb. ⟦p1.dob⟧), Aufnahme am ⟦date⟧, ⟨OP|Entlassung⟩ am ⟦date⟧. Diagnose: ⟦dx:colon⟧. Bitte melden Sie sich bei Rückfragen unter ⟦phone⟧.

Mit freundlichen Grüßen
⟦p2.full⟧
Sekretariat ⟨Chirurgie|Kardiologie|Neurologie⟩ | ⟦hosp⟧
⟦addr⟧
⟦p2.email:work⟧""", "DE AT"),
    ("support_chat", "pos", """Kunde: Hallo, meine Karte wurde gesperrt, ich bin gerade im Urlaub 😩
Bot: Das tut mir leid! Wie lautet Ihr vollständiger Name?
Kunde: ⟦p1.full⟧
Bot: Danke. Bitte bestätigen Sie Ihr Geburtsdatum und die IBAN des Kontos.
Kunde: ⟦p1.dob⟧, ⟦iban:DE⟧
Bot: Vielen Dank, ⟦p1.title⟧⟦p1.sur⟧. Wir rufen Sie unter ⟦phone:intl⟧ zurück.""", "DE"),
    ("sms", "pos", """hey ⟦p2.gl⟧, bin ⟨umgezogen|jetzt bei meiner Mutter⟩, neue adresse ⟦addr⟧ ⟨– kannst du das dem Hausarzt weitergeben?|, schick die Post bitte dahin⟩ lg ⟦p1.first⟧"""),
    ("claims", "pos", """Kfz-Schadenmeldung
Versicherungsnehmer: ⟦p1.full⟧, ⟦addr⟧, Tel. ⟦phone⟧
Fahrzeug: ⟨VW Golf|BMW 320d|Opel Corsa|Škoda Octavia⟩, amtl. Kennzeichen ⟦plate:DE⟧, FIN ⟦vin⟧
Schadentag: ⟦date⟧, ⟦time⟧ Uhr, ⟦street⟧ / Ecke ⟦street⟧
Unfallgegner: ⟦p2.full⟧, Kennzeichen ⟦plate:DE⟧""", "DE"),
    ("table", "pos", t_de_csv, "DE"),
    ("voice", "pos", """ja guten tag mein name ist ⟦p1.lower⟧ ich rufe an wegen ⟦p2.lower⟧ ähm ⟨das ist|also⟩ ⟦p2.rel:⟨parent|child|spouse⟩:lower⟧ von mir geboren am ⟦p2.dob:spoken⟧ ⟨liegt|liegt seit gestern⟩ bei ihnen auf station ⟦n:1:9⟧ können sie mich bitte zurückrufen unter ⟦phone:spoken⟧ danke""", "DE"),
    ("llm_task", "pos", """⟨Übersetze ins Englische:|Fasse das in drei Sätzen zusammen:|Formuliere das höflicher:⟩

⟦inner⟧"""),
    ("handoff", "neg", """Übergabe Zi. ⟦n:1:30⟧: ⟨80-jährige|75-jähriger⟩ Pat. mit ⟨Morbus Parkinson|Morbus Crohn|Alzheimer-Demenz⟩, nachts ruhig, ⟦drug⟧ um 22 Uhr gegeben. ⟨Dekubitusprophylaxe fortführen.|Sturzrisiko, Bettgitter nach Rücksprache.⟩ Keine Angehörigen erreicht. ⟦sign⟧ unauffällig."""),
    ("wire", "neg", """Warum lehnt die ⟦bank⟧ meine SEPA-Überweisung ab? Die Fehlermeldung sagt "Prüfziffer ungültig" bei ⟦badiban:DE⟧ – ich glaube, ich habe mich bei der Beispiel-IBAN aus der Anleitung vertippt. Wie prüft man die Prüfziffer nach Modulo 97?"""),
    ("config", "neg", """# docker-compose.override.yml – Zugangsdaten NICHT eintragen, kommen aus ⟨Vault|dem Secret-Store|der CI⟩
environment:
  - DB_PASSWORT=${DB_PASSWORT}
  - API_SCHLUESSEL=⟦placeholder⟧
  - KONTAKT=it-service@example.de
⟨Frage: Warum werden die Variablen im Container nicht gesetzt?|Ist das so sicher genug?|Wie setze ich das in Kubernetes um?⟩"""),
    ("email", "neg", """Hallo zusammen,
die Fortbildung zu ⟦eponym⟧ findet ⟨am Mittwoch|nächste Woche⟩ im ⟨Hörsaal 2|Seminarraum Ahorn|Raum Lindenblick⟩ statt (Gebäude ⟦street:DE⟧, 2. OG). Anmeldung über das Intranet, Ticket ⟦ticket⟧. Version ⟦ver⟧ des Dokumentationssystems wird dort ebenfalls vorgestellt.
Viele Grüße, Pflegedirektion"""),
    ("pharmacy", "neg", """Darf man ⟦drug⟧ zusammen mit Ibuprofen einnehmen? In der Packungsbeilage steht etwas von Blutungsrisiko. PZN ⟦n:10000000:19999999⟧, Charge ⟦hexid:6⟧."""),
])


# =======================================================================================
# TEMPLATES — French
# =======================================================================================
def t_fr_table(r):
    return ("⟨Peux-tu mettre ce tableau au propre ?|Repère les doublons :|Trie par date de naissance :⟩\n"
            "| Nom | Prénom | Né(e) le | N° sécu | Téléphone |\n|---|---|---|---|---|\n" +
            rows(r, 3, 5, "| ⟦p{i}.sur:upper⟧ | ⟦p{i}.given⟧ | ⟦p{i}.dob⟧ | ⟦p{i}.nir⟧ | ⟦phone⟧ |"))


add("fr", [
    ("handoff", "pos", """Transmissions ⟨de jour|de nuit⟩ – ch. ⟦n:101:330⟧
⟦p1.title⟧⟦p1⟧, né⟦p1.e⟧ le ⟦p1.dob⟧, IPP ⟦mrn:d8⟧, entré⟦p1.e⟧ le ⟦date⟧ pour ⟦dx⟧.
⟨Constantes stables.|TA ⟦n:95:170⟧/⟦n:50:100⟧, FC ⟦n:55:120⟧, SpO2 ⟦n:90:99⟧ %.⟩ ⟨Douleur bien contrôlée sous ⟦drug⟧.|Agité cette nuit, contention non nécessaire.⟩
Personne de confiance : ⟦p2.rel:⟨child|spouse|sib⟩⟧ ⟦p2⟧, ⟦phone⟧.
Sortie prévue le ⟦date:future⟧ ⟨à domicile|en SSR⟩.""", "FR"),
    ("radiology", "pos", """COMPTE RENDU D'IRM
Patient(e) : ⟦p1.caps⟧ – né⟦p1.e⟧ le ⟦p1.dob⟧ – IPP ⟦mrn⟧
Examen du ⟦date⟧ demandé par le Dr ⟦d1.full⟧
Indication : ⟦dx:paren⟧.
Résultat : ⟨pas d'anomalie de signal|hernie discale L4-L5 sans conflit radiculaire|rupture partielle du tendon supra-épineux⟩.
Conclusion : ⟨examen normal|à corréler à la clinique⟩. Dr ⟦d2.full⟧, radiologue.""", "FR BE"),
    ("claims", "pos", """Bonjour, je n'ai toujours pas été remboursé⟦p1.e⟧ pour ma consultation du ⟦date⟧ chez le Dr ⟦d1.sur⟧. Mon numéro de sécurité sociale est ⟦p1.nir⟧ et mon numéro d'adhérent ⟦insurer⟧ est ⟦hpid:mutuelle⟧. Pouvez-vous vérifier ? ⟦p1.full⟧, ⟦phone⟧""", "FR"),
    ("wire", "pos", """Objet : virement ⟨loyer|caution|remboursement⟩
Merci d'effectuer un virement de ⟦amt:100:9000⟧ au profit de :
Bénéficiaire : ⟦p1.full⟧
IBAN : ⟦iban:FR⟧
BIC : ⟦bic:FR⟧
Adresse : ⟦addr:FR⟧
Cordialement, ⟦p2.full⟧""", "FR"),
    ("hr", "pos", """Fiche salarié⟦p1.e⟧
Nom : ⟦p1.sur:upper⟧   Prénom : ⟦p1.given⟧
Date de naissance : ⟦p1.dob⟧   N° de sécurité sociale : ⟦p1.nir⟧
Date d'embauche : ⟦date⟧   Poste : ⟨infirmier(ère)|gestionnaire sinistres|conseiller(ère) clientèle⟩
Adresse : ⟦addr:multi⟧
RIB : ⟦iban:FR⟧
Contact urgence : ⟦p2.full⟧ ⟦phone⟧""", "FR"),
    ("email", "pos", """Bonjour ⟦p2.given⟧,

Je vous transmets le dossier de ⟦p1.title⟧⟦p1.full⟧ (né⟦p1.e⟧ le ⟦p1.dob⟧) pour sa consultation du ⟦date:future⟧. Merci de l'appeler au ⟦phone⟧ ou par mail à ⟦p1.email⟧ pour confirmer.

Bien cordialement,
⟦d1.full⟧
Secrétariat de ⟨cardiologie|pneumologie|rhumatologie⟩ – ⟦hosp⟧
⟦addr⟧

Le ⟦date=-⟧ à ⟦time⟧, ⟦p2.full⟧ a écrit :
> Pouvez-vous m'envoyer les coordonnées du patient ?""", "FR BE"),
    ("support_chat", "pos", """[⟦clk⟧] Conseiller : Bonjour, que puis-je faire pour vous ?
[⟦clk⟧] ⟦p1.first⟧ : bonjour j'ai une opération que je ne reconnais pas sur ma carte ⟦cc⟧
[⟦clk⟧] Conseiller : Je bloque la carte tout de suite. Pouvez-vous confirmer votre date de naissance ?
[⟦clk⟧] ⟦p1.first⟧ : ⟦p1.dob⟧
[⟦clk⟧] Conseiller : Merci ⟦p1.title⟧⟦p1.sur⟧, une nouvelle carte sera envoyée au ⟦addr⟧.""", "FR"),
    ("sms", "pos", """coucou c ⟦p1.first⟧, g changé de num c ⟦phone⟧ maintenant. et mon adresse c ⟦addr⟧ pr les invitations ⟨bisous|bizz⟩""", "FR"),
    ("voice", "pos", """oui bonjour euh je m'appelle ⟦p1.lower⟧ j'appelle pour ⟦p2.lower⟧ euh c'est ⟦p2.rel:⟨myparent|mychild⟩⟧ né⟦p2.e⟧ le ⟦p2.dob:spoken⟧ hospitalisé⟦p2.e⟧ le ⟦date:spoken⟧ vous pouvez me rappeler au ⟦phone:spoken⟧ merci""", "FR"),
    ("table", "pos", t_fr_table, "FR"),
    ("pharmacy", "pos", """Renouvellement d'ordonnance – ⟦p1.title⟧⟦p1.full⟧, né⟦p1.e⟧ le ⟦p1.dob⟧
Traitement : ⟦drug⟧, ⟨1 cp le matin|2 fois par jour⟩, pour ⟦dx:paren⟧.
Carte Vitale : ⟦p1.nir⟧ – mutuelle ⟦insurer⟧ n° ⟦hpid:mutuelle⟧.
À retirer à la ⟦pharmacy⟧. Joignable au ⟦phone⟧.""", "FR"),
    ("llm_task", "pos", """⟨Traduis en anglais :|Résume en trois points :|Reformule de façon plus professionnelle :⟩

⟦inner⟧"""),
    ("handoff", "neg", """Transmissions ch. ⟦n:101:330⟧ : patient de ⟨80|72|91⟩ ans, maladie de ⟨Parkinson|Crohn|Hodgkin⟩, nuit calme, ⟦drug⟧ donné à 22 h. ⟨Risque de chute, barrières relevées.|Prévention d'escarres à poursuivre.⟩ Pas de visite. ⟦sign⟧ négatif."""),
    ("wire", "neg", """Pourquoi mon virement SEPA est-il rejeté par ⟦bank⟧ ? Le message indique « clé RIB invalide » pour ⟦badiban:FR⟧ – je pense avoir recopié l'exemple du guide avec une erreur. Comment vérifie-t-on la clé modulo 97 ?"""),
    ("email", "neg", """Bonjour à tous,
la réunion du service est déplacée ⟨à jeudi|à la semaine prochaine⟩ en salle ⟨Lavande|B214|des Tilleuls⟩, bâtiment de la ⟦street:FR⟧. Ordre du jour : nouveau protocole ⟦eponym⟧, mise à jour ⟦ver⟧ du logiciel de soins, ticket ⟦ticket⟧.
Merci, la cadre de santé"""),
    ("pharmacy", "neg", """Est-ce qu'on peut prendre ⟦drug⟧ avec du paracétamol ? La ⟦pharmacy⟧ m'a dit que oui mais la notice parle d'interactions. Code CIP ⟦n:3400900000000:3400999999999⟧, lot ⟦hexid:6⟧."""),
    ("sms", "neg", """dsl je serai en retard ⟨10 min|un quart d'heure⟩, ⟨bouchons sur le périph|le RER est bloqué⟩. tu peux prendre ⟨les résultats|le dossier⟩ à l'accueil ? merci !!"""),
])


# =======================================================================================
# TEMPLATES — Spanish
# =======================================================================================
def t_es_csv(r):
    return ("⟨¿Puedes limpiar esta tabla?|Ordena por fecha de nacimiento:|Detecta duplicados:⟩\n"
            "nombre,apellidos,dni,fecha_nac,telefono,cp\n" +
            rows(r, 3, 5, "⟦p{i}.given⟧,⟦p{i}.sur⟧,⟦dni⟧,⟦p{i}.dob:slash⟧,⟦phone⟧,⟦zip⟧"))


add("es", [
    ("handoff", "pos", """Relevo de enfermería – hab. ⟦n:101:420⟧⟨-A|-B|⟩
⟦p1.title⟧⟦p1⟧, F. nac. ⟦p1.dob⟧, NHC ⟦mrn:d7⟧, ingresa el ⟦date⟧ por ⟦dx⟧.
⟨Constantes estables.|TA ⟦n:95:170⟧/⟦n:50:100⟧, FC ⟦n:55:120⟧, Sat ⟦n:90:99⟧ %.⟩ ⟨Dolor controlado con ⟦drug⟧.|Noche inquieta.⟩
Familiar de contacto: ⟦p2.rel:⟨child|spouse|sib⟩⟧ ⟦p2⟧, tel. ⟦phone⟧.
Alta prevista el ⟦date:future⟧.""", "ES"),
    ("triage", "pos", """Triaje urgencias ⟦time⟧ – Nivel ⟨II|III|IV⟩ (Manchester)
Paciente: ⟦p1.sg⟧ – ⟦p1.age⟧ años – DNI/NIE ⟨⟦dni⟧|⟦dni:nie⟧⟩
Motivo: ⟨dolor torácico opresivo|disnea|caída casual|fiebre y tos⟩ desde el ⟦date⟧.
Antecedentes: ⟦dx:paren⟧
Acompañante: ⟦p2.full⟧ ⟦phone⟧""", "ES"),
    ("hr", "pos", """Alta de empleado⟨/a|⟩
Nombre: ⟦p1.full⟧
DNI/NIE: ⟨⟦dni⟧|⟦dni:nie⟧⟩   N.º afiliación SS: ⟦hpid:nuss⟧
Fecha de nacimiento: ⟦p1.dob⟧   Fecha de alta: ⟦date⟧
Domicilio: ⟦addr⟧
Cuenta para nómina: ⟦iban:ES⟧
Correo: ⟦p1.email⟧   Móvil: ⟦phone⟧""", "ES"),
    ("wire", "pos", """Hola ⟦p2.first⟧, te paso los datos para la transferencia de ⟨la fianza|la señal del piso|lo de la cena⟩:
Titular: ⟦p1.full⟧
IBAN: ⟦iban:ES⟧
⟨BIC: ⟦bic:ES⟧|⟩
Concepto: ⟨fianza ⟦addr:street⟧|devolución|regalo ⟦p3.given⟧⟩
¡Gracias!""", "ES"),
    ("email", "pos", """Estimado/a ⟦d1.title⟧⟦d1.sur⟧:

Le remito el informe de ⟦p1.full⟧ (fecha de nacimiento ⟦p1.dob⟧, NHC ⟦mrn⟧), visto en consulta el ⟦date⟧ por ⟦dx:colon⟧. Puede contactar con ⟦p1.la⟧ paciente en el ⟦phone⟧ o en ⟦p1.email⟧.

Un saludo,
⟦d2.full⟧
Servicio de ⟨Cardiología|Neumología|Endocrinología⟩ – ⟦hosp⟧
⟦addr⟧""", "ES"),
    ("sms", "pos", """ola soy ⟦p1.first⟧, ⟨mañana no puedo ir a la cita|he perdido la tarjeta sanitaria⟩, mi nuevo num es ⟦phone⟧ y vivo en ⟦addr⟧ xfa cambialo en la ficha ⟨gracias|grax⟩""", "ES MX"),
    ("support_chat", "pos", """[⟦clk⟧] Agente: Hola, soy ⟦d1.first⟧ de ⟦bank⟧, ¿en qué puedo ayudarle?
[⟦clk⟧] Cliente: me han cobrado dos veces en la tarjeta ⟦cc⟧
[⟦clk⟧] Agente: Lo reviso. ¿Me confirma su nombre completo y DNI?
[⟦clk⟧] Cliente: ⟦p1.full⟧, ⟦dni⟧
[⟦clk⟧] Agente: Gracias. Le devolvemos ⟦amt:10:400⟧ en 3-5 días y le avisamos al ⟦phone⟧.""", "ES"),
    ("table", "pos", t_es_csv, "ES"),
    ("pharmacy", "pos", """Receta – renovación
Paciente: ⟦p1.full⟧ · ⟦p1.dob⟧ · NUSS ⟦hpid:nuss⟧
Medicamento: ⟦drug⟧, ⟨1 comprimido al día|cada 12 h⟩, por ⟦dx:paren⟧.
Médico: Dr⟨a|⟩. ⟦d1.full⟧. Recoger en ⟦pharmacy⟧. Tel. ⟦phone⟧""", "ES"),
    ("llm_task", "pos", """⟨Traduce al inglés:|Resume en tres puntos:|Reescribe de forma más formal:⟩

⟦inner⟧"""),
    ("handoff", "neg", """Relevo hab. ⟦n:101:420⟧: paciente de ⟨80|76|88⟩ años con enfermedad de ⟨Parkinson|Crohn|Alzheimer⟩, noche tranquila, ⟦drug⟧ a las 22 h. ⟨Riesgo de caídas.|Cambios posturales c/4 h.⟩ Sin familiares. Se comenta con el Dr. de guardia."""),
    ("wire", "neg", """¿Por qué ⟦bank⟧ rechaza mi transferencia? Dice "dígito de control incorrecto" en ⟦badiban:ES⟧, que copié del ejemplo de la guía. ¿Cómo se calcula el control módulo 97?"""),
    ("email", "neg", """Hola a todos:
La sesión clínica sobre ⟦eponym⟧ se traslada al ⟨jueves|martes⟩ en el aula ⟨2B|Azul|Magna⟩ (edificio de ⟦street:ES⟧). Actualización ⟦ver⟧ del programa de historia clínica, incidencia ⟦ticket⟧.
Saludos, Supervisión de enfermería"""),
    ("sms", "neg", """llego tarde ⟨10 min|un rato⟩, ⟨hay atasco en la M-30|el metro va fatal⟩. ¿puedes recoger tú ⟨los análisis|las recetas⟩ en la farmacia? gracias!!"""),
])


# =======================================================================================
# TEMPLATES — Italian
# =======================================================================================
def t_it_table(r):
    return ("⟨Controlla se ci sono doppioni:|Ordina per data di nascita:|Trasforma in CSV:⟩\n"
            "| Cognome | Nome | Nato/a il | Codice fiscale | Cellulare |\n|---|---|---|---|---|\n" +
            rows(r, 3, 5, "| ⟦p{i}.sur:upper⟧ | ⟦p{i}.given⟧ | ⟦p{i}.dob⟧ | ⟦p{i}.cf⟧ | ⟦phone⟧ |"))


add("it", [
    ("handoff", "pos", """Consegne ⟨turno notte|turno mattina⟩ – letto ⟦n:1:30⟧
⟦p1.title⟧⟦p1⟧, nat⟦p1.oa⟧ il ⟦p1.dob⟧, cartella n. ⟦mrn⟧, ricoverat⟦p1.oa⟧ il ⟦date⟧ per ⟦dx⟧.
⟨Parametri stabili.|PA ⟦n:95:170⟧/⟦n:50:100⟧, FC ⟦n:55:120⟧, SpO2 ⟦n:90:99⟧%.⟩ ⟨Dolore controllato con ⟦drug⟧.|Notte agitata.⟩
Riferimento familiare: ⟦p2.rel:⟨child|spouse|sib⟩⟧ ⟦p2⟧, cell. ⟦phone⟧.
Dimissione prevista ⟦date:future⟧.""", "IT"),
    ("lab", "pos", """REFERTO DI LABORATORIO
Paziente: ⟦p1.sg⟧   Data di nascita: ⟦p1.dob⟧   C.F. ⟦p1.cf⟧
Prelievo del ⟦date⟧ – Richiedente: Dott. ⟦d1.full⟧
Emoglobina glicata ⟦n:5:12⟧,⟦n:0:9⟧ %   PCR ⟦n:1:200⟧ mg/L
Conclusioni: quadro compatibile con ⟦dx:paren⟧.""", "IT"),
    ("hr", "pos", """Scheda dipendente
Cognome e nome: ⟦p1.sur:upper⟧ ⟦p1.given⟧
Codice fiscale: ⟦p1.cf⟧
Nato/a il: ⟦p1.dob⟧   Data assunzione: ⟦date⟧
Residenza: ⟦addr⟧
IBAN per accredito stipendio: ⟦iban:IT⟧
Tessera sanitaria: ⟦hpid:team⟧
Recapito: ⟦phone⟧ – ⟦p1.email⟧""", "IT"),
    ("wire", "pos", """Ciao ⟦p2.first⟧, ecco i dati per il bonifico ⟨della caparra|per l'affitto di ⟨marzo|aprile⟩|per il regalo⟩:
Intestatario: ⟦p1.full⟧
IBAN: ⟦iban:IT⟧
⟨BIC: ⟦bic:IT⟧|⟩
Causale: ⟨caparra appartamento ⟦addr:street⟧|rimborso spese|regalo⟩
Grazie mille!""", "IT"),
    ("email", "pos", """Gentile ⟦d1.title⟧⟦d1.sur⟧,
le inoltro la documentazione di ⟦p1.full⟧ (C.F. ⟦p1.cf⟧), visitat⟦p1.oa⟧ il ⟦date⟧ per ⟦dx:colon⟧. È possibile contattare ⟦p1.il⟧ al ⟦phone⟧.
Cordiali saluti,
⟦d2.full⟧ – Segreteria ⟨Cardiologia|Pneumologia|Ortopedia⟩, ⟦hosp⟧
⟦addr⟧""", "IT"),
    ("sms", "pos", """ciao sono ⟦p1.first⟧ ho cambiato numero, ora è ⟦phone⟧. ⟨mi mandi la ricetta di ⟦drug⟧?|domani non riesco a venire alla visita⟩ ⟨grazie|grz⟩""", "IT"),
    ("table", "pos", t_it_table, "IT"),
    ("pharmacy", "pos", """Richiesta ricetta ripetibile: ⟦p1.full⟧, nat⟦p1.oa⟧ il ⟦p1.dob⟧, CF ⟦p1.cf⟧. Farmaco ⟦drug⟧ per ⟦dx:paren⟧. Ritiro presso ⟦pharmacy⟧. Tel. ⟦phone⟧.""", "IT"),
    ("llm_task", "pos", """⟨Traduci in inglese:|Riassumi in tre punti:|Riscrivi in modo più formale:⟩

⟦inner⟧"""),
    ("handoff", "neg", """Consegne letto ⟦n:1:30⟧: paziente di ⟨82|77|90⟩ anni con morbo di ⟨Parkinson|Crohn|Alzheimer⟩, notte tranquilla, ⟦drug⟧ alle 22. ⟨Rischio cadute, spondine alzate.|Mobilizzazione ogni 4 ore.⟩ Nessun familiare presente."""),
    ("wire", "neg", """Perché ⟦bank⟧ rifiuta il bonifico? Dice "IBAN non valido" per ⟦badiban:IT⟧, che ho copiato dall'esempio della guida. Inoltre il codice fiscale d'esempio ⟦badcf⟧ risulta errato: come si calcola il carattere di controllo?"""),
    ("email", "neg", """Buongiorno a tutti,
il corso su ⟦eponym⟧ è spostato a ⟨giovedì|martedì prossimo⟩ in aula ⟨Blu|3|Magna⟩, padiglione di ⟦street:IT⟧. Aggiornamento ⟦ver⟧ della cartella clinica elettronica, ticket ⟦ticket⟧.
Saluti, Direzione infermieristica"""),
])


# =======================================================================================
# TEMPLATES — Dutch
# =======================================================================================
def t_nl_csv(r):
    return ("⟨Kun je dubbele regels eruit halen?|Sorteer op geboortedatum:|Maak hier een nette tabel van:⟩\n"
            "naam;geboortedatum;bsn;iban;postcode\n" +
            rows(r, 3, 5, "⟦p{i}.full⟧;⟦p{i}.dob:num⟧;⟦bsn⟧;⟦iban:NL⟧;⟦zip⟧"))


add("nl", [
    ("handoff", "pos", """Overdracht ⟨avonddienst|nachtdienst⟩ – kamer ⟦n:1:40⟧
⟦p1.title⟧⟦p1⟧, geb. ⟦p1.dob⟧, patiëntnr. ⟦mrn:d7⟧, opgenomen op ⟦date⟧ met ⟦dx⟧.
⟨Vitale waarden stabiel.|RR ⟦n:95:170⟧/⟦n:50:100⟧, pols ⟦n:55:120⟧, sat ⟦n:90:99⟧%.⟩ ⟨Pijn goed onder controle met ⟦drug⟧.|Onrustige nacht.⟩
Contactpersoon: ⟦p2.rel:⟨child|spouse|sib⟩⟧ ⟦p2⟧, ⟦phone⟧.
Ontslag gepland op ⟦date:future⟧.""", "NL"),
    ("triage", "pos", """SEH triage ⟦time⟧ – urgentie ⟨U2|U3|U4⟩
Patiënt: ⟦p1.sg⟧, ⟦p1.age⟧ jr, BSN ⟦bsn⟧
Klacht: ⟨pijn op de borst|benauwdheid|val van trap|buikpijn rechtsonder⟩ sinds ⟦date⟧
Voorgeschiedenis: ⟦dx:paren⟧
Verzekeraar ⟦insurer⟧, polisnr. ⟦hpid:polis⟧""", "NL"),
    ("hr", "pos", """Personeelsdossier – indiensttreding ⟦date⟧
Naam: ⟦p1.full⟧
Geboortedatum: ⟦p1.dob⟧   BSN: ⟦bsn⟧
Adres: ⟦addr:multi⟧
IBAN salaris: ⟦iban:NL⟧
Noodcontact: ⟦p2.full⟧ (⟦phone⟧)""", "NL"),
    ("wire", "pos", """Hoi ⟦p2.first⟧, wil je ⟦amt:20:2000⟧ overmaken naar ⟦iban:NL⟧ t.n.v. ⟦p1.full⟧? ⟨Omschrijving: borg ⟦addr:street⟧|Voor het weekendje weg|Terugbetaling tandarts⟩. Dank je!""", "NL BE"),
    ("email", "pos", """Beste ⟦d1.title⟧⟦d1.sur⟧,

Hierbij de gegevens van ⟦p1.full⟧ (geb. ⟦p1.dob⟧, BSN ⟦bsn⟧) voor de verwijzing naar de ⟨cardioloog|longarts|dermatoloog⟩. Gezien op ⟦date⟧ i.v.m. ⟦dx:colon⟧. Bereikbaar op ⟦phone⟧ of ⟦p1.email⟧.

Met vriendelijke groet,
⟦d2.full⟧
Huisartsenpraktijk ⟨De Linde|Oost|Centrum⟩
⟦addr⟧""", "NL"),
    ("sms", "pos", """hoi met ⟦p1.first⟧, ik heb een nieuw nummer: ⟦phone⟧. ⟨kun je de afspraak van morgen verzetten?|mijn nieuwe adres is ⟦addr⟧⟩ ⟨groetjes|thx⟩""", "NL"),
    ("support_chat", "pos", """Klant: hallo, ik zie een afschrijving die ik niet herken op mijn rekening ⟦iban:NL⟧
Medewerker ⟦d1.first⟧: Vervelend! Mag ik uw naam en geboortedatum?
Klant: ⟦p1.full⟧, ⟦p1.dob⟧
Medewerker ⟦d1.first⟧: Dank u. Ik heb de pas geblokkeerd; een nieuwe wordt verstuurd naar ⟦addr⟧.""", "NL"),
    ("table", "pos", t_nl_csv, "NL"),
    ("llm_task", "pos", """⟨Vertaal naar het Engels:|Vat samen in drie punten:|Herschrijf dit formeler:⟩

⟦inner⟧"""),
    ("handoff", "neg", """Overdracht kamer ⟦n:1:40⟧: patiënt van ⟨84|79|91⟩ jaar met ziekte van ⟨Parkinson|Crohn|Alzheimer⟩, rustige nacht, ⟦drug⟧ om 22.00 uur gegeven. ⟨Valrisico, bedhekken omhoog.|Wisselligging elke 4 uur.⟩ Geen familie bereikt."""),
    ("wire", "neg", """Waarom weigert ⟦bank⟧ mijn overboeking? Er staat "ongeldig rekeningnummer" bij ⟦badiban:NL⟧, overgenomen uit het voorbeeld in de handleiding. En het voorbeeld-BSN ⟦badbsn⟧ haalt de elfproef niet. Hoe werkt die controle?"""),
    ("email", "neg", """Hallo allemaal,
de klinische les over ⟦eponym⟧ is verplaatst naar ⟨donderdag|volgende week⟩ in zaal ⟨Rijn|2.14|Eik⟩, gebouw aan de ⟦street:NL⟧. Update ⟦ver⟧ van het EPD, melding ⟦ticket⟧.
Groet, teamleider"""),
])


# =======================================================================================
# TEMPLATES — Portuguese
# =======================================================================================
def t_pt_table(r):
    return ("⟨Podes limpar esta tabela?|Ordena por data de nascimento:|Remove os duplicados:⟩\n"
            "nome;data_nasc;n_utente;telemovel;codigo_postal\n" +
            rows(r, 3, 5, "⟦p{i}.full⟧;⟦p{i}.dob:slash⟧;⟦hpid:utente⟧;⟦phone⟧;⟦zip⟧"))


add("pt", [
    ("handoff", "pos", """Passagem de turno – cama ⟦n:1:30⟧
⟦p1.title⟧⟦p1⟧, nasc. ⟦p1.dob⟧, processo ⟦mrn⟧, internad⟦p1.oa⟧ a ⟦date⟧ por ⟦dx⟧.
⟨Sinais vitais estáveis.|TA ⟦n:95:170⟧/⟦n:50:100⟧, FC ⟦n:55:120⟧, SpO2 ⟦n:90:99⟧%.⟩ ⟨Dor controlada com ⟦drug⟧.|Noite agitada.⟩
Contacto: ⟦p2.rel:⟨child|spouse|sib⟩⟧ ⟦p2⟧, ⟦phone⟧.
Alta prevista a ⟦date:future⟧.""", "PT"),
    ("triage", "pos", """Triagem de Manchester ⟦time⟧ – prioridade ⟨amarela|laranja|verde⟩
Utente: ⟦p1.sg⟧, ⟦p1.age⟧ anos, n.º de utente ⟦hpid:utente⟧
Queixa: ⟨dor torácica|dispneia|queda em casa|febre⟩ desde ⟦date⟧
Antecedentes: ⟦dx:paren⟧
Acompanhante: ⟦p2.full⟧ ⟦phone⟧""", "PT"),
    ("wire", "pos", """Olá ⟦p2.first⟧! Podes transferir ⟦amt:20:3000⟧ para ⟦iban:PT⟧ em nome de ⟦p1.full⟧? ⟨É a caução da casa na ⟦addr:street⟧.|É para o jantar de sábado.|Reembolso do dentista.⟩ Obrigad⟦p1.oa⟧!""", "PT"),
    ("hr", "pos", """Ficha de colaborador
Nome: ⟦p1.full⟧
Data de nascimento: ⟦p1.dob⟧   Data de admissão: ⟦date⟧
Morada: ⟦addr⟧
IBAN: ⟦iban:PT⟧
N.º de utente: ⟦hpid:utente⟧
Telemóvel: ⟦phone⟧   Email: ⟦p1.email⟧""", "PT"),
    ("email", "pos", """Caro/a ⟦d1.title⟧⟦d1.sur⟧,

Envio em anexo o relatório de ⟦p1.full⟧ (nasc. ⟦p1.dob⟧, processo ⟦mrn⟧), observad⟦p1.oa⟧ em consulta a ⟦date⟧ por ⟦dx:colon⟧. Contacto: ⟦phone⟧.

Com os melhores cumprimentos,
⟦d2.full⟧
Serviço de ⟨Cardiologia|Pneumologia|Medicina Interna⟩ – ⟦hosp⟧""", "PT"),
    ("support_chat", "pos", """[⟦clk⟧] Atendente: Olá! Sou ⟦d1.first⟧, em que posso ajudar?
[⟦clk⟧] Cliente: oi, meu cartão ⟦cc⟧ foi clonado, apareceu uma compra que não fiz
[⟦clk⟧] Atendente: Vou bloquear agora. Pode confirmar nome completo e data de nascimento?
[⟦clk⟧] Cliente: ⟦p1.full⟧, ⟦p1.dob⟧
[⟦clk⟧] Atendente: Obrigad⟦d1.oa⟧. O novo cartão vai para ⟦addr⟧. Qualquer coisa ligamos no ⟦phone⟧.""", "BR"),
    ("sms", "pos", """oi é ⟦p1.first⟧, ⟨amanha nao consigo ir na consulta|perdi o cartao do convenio⟩, meu numero novo é ⟦phone⟧ ⟨bjs|vlw⟩""", "BR PT"),
    ("table", "pos", t_pt_table, "PT"),
    ("llm_task", "pos", """⟨Traduz para inglês:|Resume em três pontos:|Reescreve de forma mais formal:⟩

⟦inner⟧"""),
    ("handoff", "neg", """Passagem de turno cama ⟦n:1:30⟧: doente de ⟨83|78|90⟩ anos com doença de ⟨Parkinson|Crohn|Alzheimer⟩, noite calma, ⟦drug⟧ às 22h. ⟨Risco de queda.|Posicionamentos de 4/4h.⟩ Sem familiares presentes."""),
    ("wire", "neg", """Porque é que o ⟦bank⟧ rejeita a minha transferência? Diz "IBAN inválido" para ⟦badiban:PT⟧, que copiei do exemplo do manual. Como se calcula o dígito de controlo?"""),
    ("email", "neg", """Olá a todos,
a formação sobre ⟦eponym⟧ passa para ⟨quinta-feira|a próxima semana⟩ na sala ⟨Azul|2.07|Magna⟩, edifício da ⟦street:PT⟧. Atualização ⟦ver⟧ do processo clínico eletrónico, pedido ⟦ticket⟧.
Cumprimentos, Direção de Enfermagem"""),
])


# =======================================================================================
# TEMPLATES — Polish, Swedish, Turkish (a few each)
# =======================================================================================
add("pl", [
    ("handoff", "pos", """Raport pielęgniarski – sala ⟦n:1:20⟧
Pacjent⟦p1.ka⟧: ⟦p1⟧, ur. ⟦p1.dob⟧, przyjęt⟦p1.ya⟧ ⟦date⟧ z powodu ⟦dx:paren⟧.
⟨Parametry stabilne.|RR ⟦n:95:170⟧/⟦n:50:100⟧, tętno ⟦n:55:120⟧.⟩ Kontakt: ⟦p2.rel:⟨child|spouse⟩⟧ ⟦p2⟧, tel. ⟦phone⟧.
Planowany wypis ⟦date:future⟧.""", "PL"),
    ("wire", "pos", """Cześć ⟦p2.first⟧, przelej proszę ⟦amt:50:3000⟧ na konto ⟦iban:PL⟧, odbiorca ⟦p1.full⟧, tytuł: ⟨kaucja ⟦addr:street⟧|zwrot za bilety|czynsz⟩. Dzięki!""", "PL"),
    ("sms", "pos", """hej tu ⟦p1.first⟧, zmienilam numer: ⟦phone⟧, a nowy adres to ⟦addr⟧ ⟨pozdro|buziaki⟩""", "PL"),
    ("email", "neg", """Dzień dobry,
szkolenie na temat ⟨choroby Parkinsona|choroby Leśniowskiego-Crohna⟩ zostało przeniesione na ⟨czwartek|przyszły tydzień⟩, sala ⟨Bursztyn|204⟩. Aktualizacja systemu ⟦ver⟧, zgłoszenie ⟦ticket⟧.
Pozdrawiam, oddziałowa"""),
    ("wire", "neg", """Dlaczego ⟦bank⟧ odrzuca mój przelew? Komunikat: "nieprawidłowa suma kontrolna" dla ⟦badiban:PL⟧ – przepisałem przykład z instrukcji. Jak liczy się modulo 97?"""),
])

add("sv", [
    ("handoff", "pos", """Rapport ⟨kväll|natt⟩ – sal ⟦n:1:20⟧
⟦p1⟧, född ⟦p1.dob⟧, inlagd ⟦date⟧ p.g.a. ⟦dx:paren⟧.
⟨Stabila vitalparametrar.|BT ⟦n:95:170⟧/⟦n:50:100⟧, puls ⟦n:55:120⟧.⟩ Anhörig: ⟦p2.rel:⟨child|spouse⟩⟧ ⟦p2⟧, tel. ⟦phone⟧.
Planerad utskrivning ⟦date:future⟧.""", "SE"),
    ("wire", "pos", """Hej ⟦p2.first⟧! Kan du föra över ⟦amt:50:5000⟧ till ⟦iban:SE⟧ (⟦p1.full⟧)? ⟨Det är depositionen för lägenheten på ⟦addr:street⟧.|För biljetterna.|Tack för lånet!⟩""", "SE"),
    ("sms", "pos", """hej det är ⟦p1.first⟧, har nytt nummer ⟦phone⟧ och ny adress ⟦addr⟧ ⟨kram|/⟦p1.first⟧⟩""", "SE"),
    ("email", "neg", """Hej alla,
utbildningen om ⟨Parkinsons sjukdom|Crohns sjukdom⟩ flyttas till ⟨torsdag|nästa vecka⟩ i sal ⟨Björken|B3⟩. Uppdatering ⟦ver⟧ av journalsystemet, ärende ⟦ticket⟧.
Hälsningar, avdelningschefen"""),
    ("wire", "neg", """Varför avvisar ⟦bank⟧ min betalning? Felet säger "ogiltig kontrollsiffra" för ⟦badiban:SE⟧, som jag kopierade från exemplet i manualen. Hur fungerar modulo 97-kontrollen?"""),
])

add("tr", [
    ("handoff", "pos", """Nöbet devri – oda ⟦n:1:30⟧
Hasta: ⟦p1⟧, doğum tarihi ⟦p1.dob⟧, ⟦date⟧ tarihinde ⟦dx:paren⟧ tanısıyla yatırıldı.
⟨Vitaller stabil.|TA ⟦n:95:170⟧/⟦n:50:100⟧, nabız ⟦n:55:120⟧.⟩ Yakını: ⟦p2⟧ (⟦p2.rel:⟨child|spouse⟩⟧), tel. ⟦phone⟧.
Taburculuk planı: ⟦date:future⟧.""", "TR"),
    ("wire", "pos", """Merhaba ⟦p2.first⟧, ⟦amt:100:20000⟧ tutarını ⟦iban:TR⟧ IBAN'ına, alıcı ⟦p1.full⟧ adına gönderebilir misin? Açıklama: ⟨kira|depozito ⟦addr:street⟧|borç iadesi⟩. Teşekkürler!""", "TR"),
    ("sms", "pos", """selam ben ⟦p1.first⟧, numaram değişti: ⟦phone⟧. yeni adresim ⟦addr⟧ ⟨görüşürüz|sevgiler⟩""", "TR"),
    ("email", "neg", """Merhaba,
⟨Parkinson hastalığı|Crohn hastalığı⟩ eğitimi ⟨perşembeye|gelecek haftaya⟩ ertelendi, salon ⟨Lale|B-2⟩. Sistem güncellemesi ⟦ver⟧, kayıt ⟦ticket⟧.
Saygılarımla, sorumlu hemşire"""),
    ("wire", "neg", """⟦bank⟧ havalemi neden reddediyor? Kılavuzdaki örnekten kopyaladığım ⟦badiban:TR⟧ için "geçersiz kontrol basamağı" hatası alıyorum. Mod 97 kontrolü nasıl yapılır?"""),
])


add("en", [
    # ---------------- URLs tied to a person ----------------
    ("email", "pos", """Subject: Candidate for ⟨the night charge nurse role|Payroll Specialist II|Fraud Analyst⟩

Hi ⟦p2.first⟧, sharing ⟦p1.full⟧'s profile – ⟦p1.url⟧ – ⟨we met at the job fair|referred by ⟦p3.full⟧|applied through the portal⟩. ⟨⟦p1.She⟧ can start ⟦date:future⟧.|Available for interviews next week.⟩ Phone ⟦phone⟧, email ⟦p1.email⟧.
Thanks, ⟦p3.first⟧"""),
    ("sms", "pos", """⟦hosp⟧: Hi ⟦p1.given⟧, your ⟨lab results from ⟦date⟧ are|imaging report from ⟦date⟧ is|after-visit summary from ⟦date⟧ is⟩ ready. View securely: ⟦url:portal⟧ – Reply STOP to opt out."""),
    ("email", "pos", """Dear ⟦p1.full⟧,
Your telehealth visit with Dr. ⟦d1.sur⟧ is on ⟦date:future⟧ at ⟦time⟧. Join here: ⟦url:zoom⟧
If you need an interpreter, call ⟦phone⟧. Your member ID ⟦hpid⟧ will be billed a ⟦amt:0:50⟧ copay.
– ⟦hosp⟧ Virtual Care""", "US"),
    ("support_chat", "pos", """Escalation ⟦ticket⟧ – customer ⟦p1.full⟧ (⟦p1.email⟧) says the EOB link we emailed, ⟦url:member⟧, shows someone else's claims. CRM record: ⟦url:crm⟧. Please pull access logs for ⟦date=-⟧ and call ⟨her|him|them⟩ back at ⟦phone⟧."""),
    ("logs", "pos", """⟦ip⟧ - ⟦d1.email:work⟧ [⟦ts:apache⟧] "GET ⟦url:chart=URL⟧ HTTP/2" 200 ⟦n:2000:90000⟧ "⟦url:portal⟧" "Mozilla/5.0"
Why does the referer show a patient portal URL on an internal chart request?"""),
    ("email", "pos", """Can you tidy this intake note before I share it?
"⟦p1.full⟧ (DOB ⟦p1.dob⟧) filled the intake form here: ⟦url:share⟧ – includes ⟨insurance card photo|medication list|consent form⟩. Follow-up with ⟦d1.full⟧ on ⟦date:future⟧." """),
    ("email", "neg", """Useful links for the new ⟨clinical staff|night-shift|float pool⟩ orientation: https://www.who.int/publications, https://www.cdc.gov/infection-control/, and our intranet page https://intranet.example.org/policies/hand-hygiene. The ⟦eponym⟧ pathway is under /pathways/neuro. Please read before ⟨Monday|the first shift⟩."""),
    # ---------------- devices ----------------
    ("email", "pos", """Dear ⟦p1.title⟧⟦p1.sur⟧,
You are receiving this letter because the ⟨implantable cardioverter-defibrillator|pacemaker⟩ implanted on ⟦date⟧ (serial number ⟦serial:⟨icd|pm⟩⟧) is included in a voluntary field safety notice. Please call our device clinic at ⟦phone⟧ to book a check before ⟦date:future=-⟧.
⟦d1.full⟧, Cardiac Device Clinic, ⟦hosp⟧"""),
    ("logs", "pos", """remote-monitoring ⟦ts⟧ patient=⟦mrn#m⟧ name="⟦p1.sg⟧" device=⟨CPAP|home ventilator|glucose meter⟩ sn=⟦serial:⟨cpap|cgm⟩⟧ usage_hours=⟦n:0:9⟧.⟦n:0:9⟧ ahi=⟦n:1:30⟧ gateway_imei=⟦serial:imei⟧ mac=⟦mac⟧
remote-monitoring ⟦ts⟧ patient=⟦mrn#m⟧ alert=LOW_USAGE sent_to=⟦phone⟧"""),
    ("support_chat", "pos", """User: my ⟨insulin pump|CGM|hearing aid⟩ keeps beeping with error ⟨E04|A11|"sensor failed"⟩, I'm ⟦p1.full⟧, DOB ⟦p1.dob⟧
Agent ⟦d1.first⟧: Sorry to hear that! Can you read me the serial number on the back?
User: ⟦serial:⟨pump|ha|cgm⟩⟧
Agent ⟦d1.first⟧: Thanks. I'll ship a replacement to ⟦addr⟧ today – tracking goes to ⟦p1.email⟧."""),
    ("claims", "pos", """Warranty claim – hearing aids
Patient: ⟦p1.full⟧, DOB ⟦p1.dob⟧, ⟦phone⟧
Left: serial ⟦serial:ha⟧   Right: serial ⟦serial:ha⟧   Fitted ⟦date⟧
Implant/accessory UDI: ⟦udi⟧
Audiologist: ⟦d1.full⟧, NPI ⟦npi⟧""", "US"),
    ("support_chat", "neg", """User: which firmware is current for the ⟨MiniMed 780G|Dexcom G7 receiver|AirSense 11⟩? mine says ⟦ver⟧
Agent: The latest release is ⟦ver⟧; model numbers ⟨MMT-1886|RES-39000|G7-RX⟩ are all eligible. Update over Wi-Fi from Settings > About. Release notes: https://support.example.com/releases"""),
    # ---------------- controlled-substance prescriptions ----------------
    ("pharmacy", "pos", """FAX – PRESCRIPTION (C-II, e-prescribing exception)
Patient: ⟦p1.sg⟧   DOB: ⟦p1.dob:us⟧   Address: ⟦addr:US⟧
Rx: ⟨oxycodone 5 mg #20|Adderall XR 20 mg #30|methylphenidate 10 mg #60⟩, no refills
Prescriber: ⟦d1.full⟧, MD   NPI: ⟦npi⟧   DEA: ⟦dea:d1⟧
Date written: ⟦date=-⟧   Phone: ⟦phone⟧""", "US"),
    ("pharmacy", "pos", """Pharmacy callback: verified Dr. ⟦d1.sur⟧'s DEA ⟦dea:d1⟧ and NPI ⟦npi⟧ against NPPES before filling ⟦drug⟧ for ⟦p1⟧ (DOB ⟦p1.dob⟧). Patient picked up ⟦date⟧, ID checked: ⟦dlstate⟧ DL ⟦dl⟧.""", "US"),
    ("pharmacy", "neg", """How do I verify a DEA number? I know the second letter should match the prescriber's last name and there's a checksum on the 7th digit. Our test value ⟦baddea⟧ fails – is that expected? Also is NPI ⟦badnpi⟧ a valid format?"""),
    # ---------------- UK identifiers ----------------
    ("hr", "pos", """Hi payroll, ⟦p1.full⟧ (NI ⟦nino⟧) was put on emergency tax code 0T from ⟦date⟧ – ⟦p1.his⟧ P45 from ⟦company⟧ shows 1257L. Home address ⟦addr:GB⟧. Can you correct before the next run? Thanks, ⟦p2.first⟧""", "GB"),
    ("email", "pos", """Dear Dr ⟦d1.sur⟧,
Re: ⟦p1.full⟧, DOB ⟦p1.dob⟧, NHS No. ⟦nhs⟧
Thank you for referring this ⟦p1.age⟧-year-old with ⟦dx⟧. I saw ⟦p1.him⟧ in clinic on ⟦date⟧. ⟨I have started ⟦drug⟧.|No further follow-up needed.|MRI booked for ⟦date:future⟧.⟩
Yours sincerely,
⟦d2.full⟧, Consultant
cc: ⟦p1.full⟧, ⟦addr:GB⟧""", "GB"),
    ("kyc", "pos", """Right-to-work check: ⟦p1.full⟧, DOB ⟦p1.dob⟧, NINO ⟦nino⟧, share code checked ⟦date=-⟧. Previous employer ⟦company⟧. Contact ⟦p1.email⟧ / ⟦phone:GB⟧.""", "GB"),
    ("voice", "pos", """right so can i take your national insurance number please yeah its ⟦nino:lower⟧ and your date of birth ⟦p1.dob:spoken⟧ lovely and the name on the account ⟦p1.lower⟧ thank you""", "GB"),
    # ---------------- US passport / licence / cards ----------------
    ("kyc", "pos", """Travel booking for the conference – please fill the APIS fields:
Traveler: ⟦p1.full⟧ (as on passport)   DOB ⟦p1.dob⟧   ⟨Gender ⟦p1.sex⟧|⟩
U.S. passport ⟦passport⟧, nationality USA
Known Traveler Number: ⟨none|on file⟩   Emergency contact: ⟦p2.full⟧ ⟦phone⟧""", "US"),
    ("email", "pos", """Subject: Chargeback dispute – order ⟦order⟧
Hello, I'm disputing a charge of ⟦amt:20:900⟧ on ⟦date=-⟧. Card: ⟦cc⟧, cardholder ⟦p1.full⟧, billing address ⟦addr⟧. I never received the item. Please contact me at ⟦p1.email⟧.
⟦p1.first⟧""", "US CA"),
    ("support_chat", "pos", """[⟦clk⟧] ⟦p1.first⟧: can I pay the ⟨hospital bill|copay balance|deductible⟩ over chat? card is ⟦cc⟧ exp ⟦n:1:12⟧/⟦n:26:30⟧
[⟦clk⟧] Billing: Please use the secure payment page instead – I've masked that message. Your account ⟦acct:pat⟧ balance is ⟦amt:50:3000⟧."""),
    ("triage", "pos", """EMS handoff: unresponsive ⟦p1.sex⟧ found at ⟦addr:US⟧, ID in wallet: ⟦dlstate⟧ DL ⟦dl⟧, name ⟦p1.caps⟧, DOB ⟦p1.dob⟧. ⟨Narcan x2 given.|BGL 38, D10 started.⟩ Family not on scene; neighbour ⟦p2.full⟧ gave phone ⟦phone⟧.""", "US"),
    ("logs", "neg", """⟦ts⟧ WARN payments: card validation failed (Luhn) for masked PAN ************⟦last4⟧, request ⟦uuid⟧, merchant ⟦company⟧, amount 19.99 USD
⟦ts⟧ INFO payments: retry scheduled, idempotency key ⟦uuid⟧
Is it safe to log the last four digits?"""),
])

add("de", [
    ("hr", "pos", """Hallo Lohnbuchhaltung, bei ⟦p1.full⟧ (Pers.-Nr. ⟦n:10000:99999⟧) fehlt die Steuer-ID in ELStAM. Sie lautet ⟦steuerid⟧, Geburtsdatum ⟦p1.dob⟧, Eintritt ⟦date⟧. Bitte vor dem Abrechnungslauf nachtragen. Gruß ⟦p2.first⟧""", "DE"),
    ("email", "pos", """Betreff: Rückfrage Einkommensteuerbescheid ⟨2023|2024⟩
Sehr geehrte Damen und Herren,
mein Name ist ⟦p1.full⟧, Steuer-ID ⟦steuerid⟧, wohnhaft ⟦addr⟧. Im Bescheid wurden die Krankheitskosten für ⟦p2.full⟧ (geb. ⟦p2.dob⟧) nicht berücksichtigt. Erreichbar unter ⟦phone⟧.
Mit freundlichen Grüßen
⟦p1.full⟧""", "DE"),
])


add("en", [
    ("config", "neg", """# test fixtures – all of these MUST fail validation
INVALID_NHS = ["⟦badnhs⟧", "⟦badnhs⟧"]
INVALID_SSN = ["⟦badssn⟧"]   # area 000/666 is never issued
INVALID_VIN = "⟦badvin⟧"     # check digit (position 9) wrong
INVALID_CARD = "⟦badcc⟧"
Why does pytest say the VIN fixture passes?"""),
    ("sms", "neg", """⟨hey|hi⟩ ⟨r u|are you⟩ coming to the ⟨staff meeting|potluck|training⟩ ⟨at 3|after shift⟩? ⟨bring the charger|room changed to 4B|parking on ⟦street⟧ is full⟩"""),
])
add("de", [
    ("hr", "neg", """Unser Lohnprogramm lehnt die Beispiel-Steuer-ID ⟦badtaxid⟧ aus dem Handbuch ab ("Prüfziffer falsch"). Nach welchem Verfahren wird die Prüfziffer der Steuer-ID berechnet (ISO 7064)? Es geht nur um die Validierung, nicht um echte Mitarbeitende."""),
])
add("fr", [
    ("hr", "neg", """Notre logiciel de paie refuse le numéro de sécurité sociale d'exemple ⟦badnir⟧ (« clé incorrecte »). Comment se calcule la clé à deux chiffres, 97 moins le reste modulo 97 ? C'est pour les tests, pas pour un vrai salarié."""),
])
add("es", [
    ("hr", "neg", """El formulario rechaza el DNI de ejemplo ⟦baddni⟧ con "letra incorrecta". ¿Cómo se calcula la letra (módulo 23)? Es solo para las pruebas del formulario."""),
])
add("it", [
    ("sms", "neg", """⟨arrivo tra 10 min|sono in ritardo⟩, ⟨c'è traffico in tangenziale|il treno è fermo⟩. ⟨mi prendi un caffè?|inizia pure la riunione⟩ 🙏"""),
])
add("nl", [
    ("sms", "neg", """⟨ik ben 10 min later|sta in de file op de A2⟩, ⟨kun jij de uitslagen ophalen bij de balie?|begin maar vast met de overdracht⟩ 👍"""),
])
add("pt", [
    ("sms", "neg", """⟨vou chegar 10 min atrasad⟨a|o⟩|estou no trânsito⟩, ⟨podes ir buscar as análises à receção?|começa a reunião sem mim⟩ obrigad⟨a|o⟩!"""),
])

# === END OF TEMPLATES ===


# ---------------------------------------------------------------------------------------
# Look-alike scanning (used while generating and by the self-check)
# ---------------------------------------------------------------------------------------
def _dig(s):
    return re.sub(r"\D", "", s)


def ssn_valid(s):
    d = _dig(s)
    return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


SCANS = [
    ("card", re.compile(r"(?<![\w.,:/-])(?:\d[ -]?){12,18}\d(?![\w.,:/-])"), lambda m: 13 <= len(_dig(m)) <= 19 and luhn_ok(_dig(m))),
    ("nir", re.compile(r"(?<![\w.,:/-])[12](?: ?\d){14}(?![\w.,:/-])"), lambda m: nir_ok(_dig(m))),
    ("iban", re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"), lambda m: iban_ok(m)),
    ("d9", re.compile(r"(?<![\w.,:/-])\d{9}(?![\w.,:/-])"), lambda m: aba_ok(m) or bsn_ok(m)),
    ("d10", re.compile(r"(?<![\w.,:/-])\d{10}(?![\w.,:/-])"), lambda m: npi_ok(m) or nhs_ok(m)),
    ("nhs", re.compile(r"(?<![\w.,:/-])\d{3}[ -]\d{3}[ -]\d{4}(?![\w.,:/-])"), lambda m: nhs_ok(_dig(m))),
    ("d11", re.compile(r"(?<![\w.,:/-])\d{11}(?![\w.,:/-])"), lambda m: steuerid_ok(m)),
    ("vin", re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b"), lambda m: bool(re.search(r"\d", m)) and bool(re.search(r"[A-Z]", m)) and vin_ok(m)),
    ("dea", re.compile(r"\b[A-Z]{2}\d{7}\b"), lambda m: dea_ok(m)),
    ("dni", re.compile(r"\b[XYZ]?\d{7,8}-?[A-Z]\b"), lambda m: dni_ok(m.replace("-", ""))),
    ("cf", re.compile(r"\b[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]\b"), lambda m: cf_ok(m)),
    ("ssn", re.compile(r"(?<![\w.,:/-])\d{3}-\d{2}-\d{4}(?![\w.,:/-])"), lambda m: ssn_valid(m)),
]


def char_spans(text, spans):
    b = text.encode("utf-8")
    return [(len(b[:s["start"]].decode("utf-8")), len(b[:s["end"]].decode("utf-8")), s["entity"]) for s in spans]


def masked(text, spans):
    chars = list(text)
    for a, z, _ in char_spans(text, spans):
        for i in range(a, z):
            chars[i] = "\u2588"
    return "".join(chars)


def lookalike_hits(text, spans):
    """Unlabeled strings that pass an identifier checksum (should never happen)."""
    m = masked(text, spans)
    hits = []
    for name, rx, ok in SCANS:
        for x in rx.finditer(m):
            if ok(x.group(0)):
                hits.append((name, x.group(0)))
    return hits


def checked_lookalikes(text, spans):
    """Unlabeled strings shaped like a checksummed identifier (they must all fail)."""
    m = masked(text, spans)
    return [(name, x.group(0)) for name, rx, ok in SCANS for x in rx.finditer(m)]


# ---------------------------------------------------------------------------------------
# Validity of labeled values
# ---------------------------------------------------------------------------------------
def span_valid(entity, v, lang):
    """True / False for checksummed shapes; None when the value has no checksum to test."""
    spoken = bool(re.search(r"[a-z]{3}", v)) and entity not in ("API_KEY", "URL", "EMAIL", "PERSON", "STREET_ADDRESS")
    if spoken and entity not in ("IT_FISCAL_CODE",):
        return None
    if entity == "CREDIT_CARD":
        d = _dig(v)
        return 13 <= len(d) <= 19 and re.fullmatch(r"[\d -]+", v) is not None and luhn_ok(d)
    if entity == "IBAN":
        s = v.replace(" ", "")
        ok = iban_ok(s)
        cc, bban = s[:2], s[4:]
        if ok and cc == "BE":
            ok = int(bban[:10]) % 97 in (int(bban[10:]), 0 if int(bban[10:]) == 97 else -1)
        if ok and cc == "FR":
            ok = rib_key(bban[:5], bban[5:10], bban[10:21]) == int(bban[21:])
        if ok and cc == "ES":
            ok = bban[8:10] == str(es_dc("00" + bban[:8])) + str(es_dc(bban[10:]))
        if ok and cc == "IT":
            ok = it_cin_ok(bban)
        if ok and cc == "PT":
            ok = 98 - (int(bban[:19]) * 100) % 97 == int(bban[19:])
        return ok
    if entity == "US_BANK_ROUTING":
        return aba_ok(v)
    if entity == "NPI":
        return npi_ok(v)
    if entity == "DEA_NUMBER":
        return dea_ok(v)
    if entity == "UK_NHS":
        return nhs_ok(_dig(v)) and len(_dig(v)) == 10
    if entity == "FR_NIR":
        return nir_ok(v.replace(" ", ""))
    if entity == "DE_TAX_ID":
        return steuerid_ok(v.replace(" ", ""))
    if entity == "ES_DNI":
        return dni_ok(v.replace("-", "").replace(".", ""))
    if entity == "IT_FISCAL_CODE":
        return cf_ok(v)
    if entity == "NL_BSN":
        return bsn_ok(re.sub(r"[ .]", "", v))
    if entity == "US_SSN":
        return ssn_valid(v) and re.fullmatch(r"\d{3}[- ]?\d{2}[- ]?\d{4}", v) is not None
    if entity == "UK_NINO":
        s = v.replace(" ", "").upper()
        return (re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", s) is not None
                and s[:2] not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))
    if entity == "VEHICLE_ID" and re.fullmatch(r"[A-Z0-9]{17}", v):
        return vin_ok(v)
    if entity == "DEVICE_ID":
        m = re.fullmatch(r"\(01\)(\d{14})\(17\)\d{6}\(10\)\w+\(21\)\w+", v)
        if m:
            return gtin_check(m.group(1)[:13]) == m.group(1)[13]
        if re.fullmatch(r"\d{15}", v):
            return luhn_ok(v)
        return None
    if entity == "HEALTH_PLAN_ID" and lang == "de" and re.fullmatch(r"[A-Z]\d{9}", v):
        return kvnr_ok(v)
    return None


# ---------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------
def plan(r):
    items = []
    for lang, target in LANG_TARGET.items():
        n_neg = round(target * NEG_SHARE)
        for neg, n in ((False, target - n_neg), (True, n_neg)):
            pool = [t for t in TEMPLATES if t.lang == lang and t.neg == neg]
            if not pool:
                raise SystemExit("no %s templates for %s" % ("negative" if neg else "positive", lang))
            seq = []
            while len(seq) < n:
                block = pool[:]
                r.shuffle(block)
                seq.extend(block)
            items.extend(seq[:n])
    r.shuffle(items)
    return items


def render_sample(r, t):
    for _ in range(200):
        country = r.choice(t.countries or LANG_COUNTRIES[t.lang])
        ctx = Ctx(r, t.lang, country)
        ctx.cache["_neg"] = t.neg
        text, spans = assemble(render_segments(t.body, ctx))
        if t.neg:
            assert not spans, (t.body, text, spans)
        elif not spans:
            continue
        if lookalike_hits(text, spans):
            continue
        if any(span_valid(s["entity"], text.encode("utf-8")[s["start"]:s["end"]].decode("utf-8"), t.lang) is False for s in spans):
            continue
        return text, spans
    raise RuntimeError("could not render a clean sample from template: %r" % (t.body,))


def generate():
    r = random.Random(SEED)
    out = []
    seen = set()
    for i, t in enumerate(plan(r), 1):
        for _ in range(300):
            text, spans = render_sample(r, t)
            if text not in seen:
                break
        else:
            raise RuntimeError("template cannot produce a new distinct prompt: %r" % (t.body,))
        seen.add(text)
        out.append({"id": "test-%04d" % i, "lang": t.lang, "slice": t.slice, "text": text, "spans": spans})
    return out


def dump(samples):
    return "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in samples).encode("utf-8")


def self_check(data):
    samples = [json.loads(l) for l in data.decode("utf-8").splitlines()]
    problems = []
    n_checked_pos = n_checked_neg = 0
    for s in samples:
        assert list(s) == ["id", "lang", "slice", "text", "spans"], s["id"]
        b = s["text"].encode("utf-8")
        prev_end = -1
        for sp in s["spans"]:
            assert list(sp) == ["entity", "start", "end"], s["id"]
            if sp["entity"] not in LABELS:
                problems.append((s["id"], "unknown label", sp))
            if not (0 <= sp["start"] < sp["end"] <= len(b)):
                problems.append((s["id"], "out of bounds", sp))
                continue
            try:
                v = b[sp["start"]:sp["end"]].decode("utf-8")
            except UnicodeDecodeError:
                problems.append((s["id"], "not on a character boundary", sp))
                continue
            if sp["start"] < prev_end:
                problems.append((s["id"], "overlap", sp))
            prev_end = sp["end"]
            if v != v.strip() or not v:
                problems.append((s["id"], "span has edge whitespace", v))
            ok = span_valid(sp["entity"], v, s["lang"])
            if ok is False:
                problems.append((s["id"], "invalid checksum in positive", sp["entity"], v))
            elif ok:
                n_checked_pos += 1
        for name, v in checked_lookalikes(s["text"], s["spans"]):
            n_checked_neg += 1
        for hit in lookalike_hits(s["text"], s["spans"]):
            problems.append((s["id"], "unlabeled value passes a checksum", hit))
    if len({s["text"] for s in samples}) != len(samples):
        problems.append(("*", "duplicate prompt texts"))
    if len({s["id"] for s in samples}) != len(samples):
        problems.append(("*", "duplicate ids"))
    again = dump(generate())
    if again != data:
        problems.append(("*", "regeneration is not byte-identical"))
    if os.path.exists(OUT) and open(OUT, "rb").read() != data:
        problems.append(("*", "test.jsonl on disk differs from the generator output"))
    neg = sum(1 for s in samples if not s["spans"])
    print("self-check: %d prompts, %d negatives, %d spans, %d checksummed labeled values valid, %d unlabeled look-alikes all invalid"
          % (len(samples), neg, sum(len(s["spans"]) for s in samples), n_checked_pos, n_checked_neg))
    for p in problems[:50]:
        print("PROBLEM", p)
    return not problems


def stats(samples):
    """Markdown tables of counts (used for README.md)."""
    import collections
    out = []
    by_slice = collections.Counter(s["slice"] for s in samples)
    neg_slice = collections.Counter(s["slice"] for s in samples if not s["spans"])
    by_lang = collections.Counter(s["lang"] for s in samples)
    neg_lang = collections.Counter(s["lang"] for s in samples if not s["spans"])
    spans = collections.Counter(sp["entity"] for s in samples for sp in s["spans"])
    prompts = collections.Counter(e for s in samples for e in sorted({sp["entity"] for sp in s["spans"]}))
    out.append("| language | prompts | of which negatives |\n|---|---:|---:|")
    for k, v in sorted(by_lang.items(), key=lambda x: (-x[1], x[0])):
        out.append("| %s | %d | %d |" % (k, v, neg_lang[k]))
    out.append("| **total** | **%d** | **%d** |" % (len(samples), sum(neg_lang.values())))
    out.append("\n| slice | prompts | of which negatives |\n|---|---:|---:|")
    for k, v in sorted(by_slice.items(), key=lambda x: (-x[1], x[0])):
        out.append("| %s | %d | %d |" % (k, v, neg_slice[k]))
    out.append("\n| entity | spans | prompts containing it |\n|---|---:|---:|")
    for k in sorted(LABELS, key=lambda e: (-spans[e], e)):
        out.append("| %s | %d | %d |" % (k, spans[k], prompts[k]))
    out.append("| **total** | **%d** | |" % sum(spans.values()))
    tl = collections.Counter((t.lang, t.neg) for t in TEMPLATES)
    out.append("\n| language | positive templates | negative templates |\n|---|---:|---:|")
    for lang in LANG_TARGET:
        out.append("| %s | %d | %d |" % (lang, tl[(lang, False)], tl[(lang, True)]))
    out.append("| **total** | **%d** | **%d** |" % (sum(v for (l, n), v in tl.items() if not n), sum(v for (l, n), v in tl.items() if n)))
    return "\n".join(out)


def main():
    if "--stats" in sys.argv:
        print(stats([json.loads(l) for l in open(OUT, encoding="utf-8")]))
        return
    samples = generate()
    data = dump(samples)
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s: %d prompts, sha256 %s" % (OUT, len(samples), hashlib.sha256(data).hexdigest()))
    if os.environ.get("TEST_CHECK") == "1":
        if not self_check(data):
            sys.exit(1)
        print("self-check OK")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate blind.jsonl: an evaluation set for Cordon written without reading
the detectors.  Python 3 standard library only, fixed seed.

Usage:
    python3 gen.py            # writes blind.jsonl next to this file
    BLIND_CHECK=1 python3 gen.py   # regenerate twice in memory, compare with the file on disk
"""
import json
import os
import random
import re
import sys
import unicodedata

SEED = 20261206
N_RECORDS = 1200
NEG_SHARE = 0.30
LANG_SHARE = {"en": 600, "de": 120, "fr": 120, "es": 120, "it": 120, "pt": 120}

# ---------------------------------------------------------------------------
# Names, written by hand from general knowledge of naming conventions.
# Each group: (male given names, female given names, surnames[, female surnames])
# No name list, Faker provider or dataset was used.
# ---------------------------------------------------------------------------
CULTURES = {
    "yoruba": ("Adebayo Oluwaseun Babatunde Olumide Kayode Tunde Femi Damilola Ayodeji Segun",
               "Folake Temitope Funmilayo Adunni Yetunde Omolara Bukola Titilayo Morenike Abiodun",
               "Adeyemi Ogunleye Adebisi Oyelaran Akinola Olawale Bankole Oladipo Ajayi Fashola Oyewole Adesanya"),
    "igbo": ("Chukwuemeka Obinna Ikenna Chinedu Nnamdi Emeka Uchenna Kelechi Chibuzo",
             "Ngozi Chiamaka Adaeze Nkechi Ifeoma Chinwe Uju Obiageli Amarachi",
             "Okafor Eze Nwosu Okonkwo Obi Nwachukwu Onyekachi Okeke Anozie Ezeji Udeh Igwe"),
    "akan": ("Kwame Kofi Kwabena Yaw Kwaku Kojo Kwesi",
             "Ama Akosua Abena Yaa Afua Efua Adwoa Esi",
             "Mensah Owusu Boateng Asante Appiah Osei Agyeman Darko Ofori Antwi"),
    "east_african": ("Wanjiru Kamau Baraka Juma Otieno Dawit Tesfaye Abebe Mwangi Hamisi",
                     "Wanjiku Achieng Aisha Zawadi Nyokabi Makena Selam Hiwot Tigist Neema",
                     "Njoroge Odhiambo Ochieng Kariuki Wambua Mutua Haile Bekele Gebremedhin Omondi Kiprono Chebet"),
    "senegambian": ("Mamadou Ousmane Cheikh Abdoulaye Moussa Lamine Babacar",
                    "Aminata Fatou Awa Khady Mariama Ndeye Coumba",
                    "Diallo Ndiaye Sow Faye Diop Sarr Gueye Camara Ba Cissé"),
    "north_indian": ("Rohan Arjun Vikram Aditya Rahul Sandeep Anil Pranav Harish Kunal",
                     "Priya Ananya Neha Kavita Sunita Pooja Ritu Meera Shreya Deepika",
                     "Sharma Verma Gupta Agarwal Mehta Chaturvedi Srivastava Malhotra Joshi Bhatt Saxena Tiwari"),
    "tamil": ("Karthik Senthil Murugan Arun Balaji Vignesh Prakash Ramesh",
              "Lakshmi Kavya Meenakshi Divya Janani Revathi Saranya Anbu",
              "Subramanian Ramasamy Krishnan Venkatesan Natarajan Rajendran Annamalai Palanisamy Sundaram Murugesan"),
    "bengali": ("Arnab Sourav Debashis Tanmoy Rafiq Sabbir Anirban",
                "Moumita Rituparna Shampa Tasnim Nusrat Sharmin Ananya",
                "Chatterjee Banerjee Mukherjee Bhattacharya Sen Das Hossain Rahman Chowdhury Ghosh"),
    "punjabi": ("Gurpreet Harjit Manpreet Jaswinder Baljit Amrit Navdeep",
                "Harleen Simran Manjit Gurleen Jasleen Kiranjit Navneet",
                "Singh Kaur Sandhu Gill Dhillon Grewal Sidhu Brar Bains"),
    "filipino": ("Jericho Rodel Ramon Jomar Arnel Rommel Mark Angelo",
                 "Maricel Rowena Marites Jocelyn Lovely Cherry Kristine Analyn",
                 "Dela Cruz Santos Reyes Bautista Villanueva Dimaculangan Macapagal Manalo Pangilinan Soriano Tolentino Magbanua"),
    "indonesian": ("Budi Agus Eko Bambang Hendra Rizky Wahyu Dimas",
                   "Siti Dewi Sri Rina Wulan Putri Ayu Indah",
                   "Santoso Wijaya Setiawan Hidayat Kusuma Saputra Nugroho Pratama Halim Gunawan"),
    "vietnamese": ("Minh Huy Tuan Duc Khoa Long Quang Thanh",
                   "Lan Mai Huong Ngoc Thao Trang Linh Phuong",
                   "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ngô Huỳnh"),
    "thai": ("Somchai Anan Kittisak Prasert Chaiwat Niran",
             "Siriporn Malee Nattaya Kanokwan Pimchanok Ratana",
             "Srisuk Chaiyaporn Wongsawat Thongchai Rattanakorn Sukprasert Boonmee Kaewkanya"),
    "arabic": ("Mohammed Ahmad Omar Khalid Youssef Tariq Karim Hassan Ibrahim Samir Bilal",
               "Fatima Layla Mariam Noor Huda Amira Rania Yasmin Salma Dalia Rasha",
               "Al-Sayed Haddad Nasser Khoury Mansour Al-Rashid Saleh Darwish Hamdan Qureshi El-Amin Bakri Aziz Benali Chraibi"),
    "turkish": ("Mehmet Mustafa Emre Burak Can Oğuz Serkan Volkan Kerem",
                "Ayşe Elif Zeynep Emine Büşra Derya Gül Merve Özlem",
                "Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Arslan Doğan Kılıç Koç Erdem"),
    "persian": ("Reza Ali Dariush Kaveh Behrouz Arash Farhad",
                "Shirin Parisa Nasrin Mahsa Roya Leila Golnaz",
                "Hosseini Karimi Tehrani Moradi Rahimi Jafari Sadeghi Farahani Ahmadi"),
    "russian": ("Dmitri Alexei Sergei Nikolai Ivan Pavel Oleg Mikhail Andriy Taras",
                "Olga Natalia Irina Svetlana Tatiana Yulia Oksana Anastasia Kateryna",
                "Ivanov Petrov Smirnov Kuznetsov Volkov Sokolov Morozov Lebedev Kovalenko Shevchenko Bondarenko Melnyk",
                "Ivanova Petrova Smirnova Kuznetsova Volkova Sokolova Morozova Lebedeva Kovalenko Shevchenko Bondarenko Melnyk"),
    "polish": ("Krzysztof Piotr Tomasz Paweł Michał Grzegorz Łukasz Marek Jakub",
               "Agnieszka Małgorzata Katarzyna Joanna Magdalena Ewa Dorota Zofia",
               "Kowalski Nowak Wiśniewski Wójcik Lewandowski Zieliński Szymański Dąbrowski Kamiński Jankowski",
               "Kowalska Nowak Wiśniewska Wójcik Lewandowska Zielińska Szymańska Dąbrowska Kamińska Jankowska"),
    "south_slavic": ("Marko Nikola Stefan Goran Dragan Milan Zoran Luka Ivan",
                     "Jelena Milica Ana Maja Ivana Dragana Snežana Vesna",
                     "Jovanović Petrović Nikolić Marković Đorđević Stojanović Horvat Kovačević Babić Popović"),
    "czech": ("Jiří Jan Petr Josef Pavel Martin Tomáš Vojtěch",
              "Jana Eva Hana Lenka Petra Kateřina Lucie Veronika",
              "Novák Svoboda Dvořák Černý Procházka Kučera Veselý Horák",
              "Nováková Svobodová Dvořáková Černá Procházková Kučerová Veselá Horáková"),
    "greek": ("Georgios Dimitrios Konstantinos Ioannis Nikolaos Panagiotis Christos Vasileios",
              "Maria Eleni Aikaterini Vasiliki Sofia Angeliki Despoina Georgia",
              "Papadopoulos Georgiou Nikolaidis Papadakis Vlachos Oikonomou Karagiannis Alexiou Dimitriou",
              "Papadopoulou Georgiou Nikolaidou Papadaki Vlachou Oikonomou Karagianni Alexiou Dimitriou"),
    "hebrew": ("Yossi Avi Eitan Noam Itai Oren Yonatan Amir Moshe",
               "Tamar Noa Shira Yael Michal Orly Ayelet Hila Maayan",
               "Cohen Levi Mizrahi Peretz Biton Friedman Ben-Ami Ben-David Avraham Katz Shapira Azoulay"),
    "chinese": ("Wei Jun Hao Lei Qiang Jian Ming Zhiwei Yong Tao",
                "Li Na Fang Xiu Ying Jing Mei Xiaoling Yan Hui Lihua",
                "Zhang Wang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Zhu Hu Guo He Lin Luo"),
    "cantonese": ("Ka-wai Chi-ming Wing-kei Siu-lung Kwok-keung",
                  "Mei-ling Wai-yee Suk-yin Ka-yan Hoi-ying",
                  "Chan Wong Leung Cheung Lau Ng Ho Tse Yip Chow"),
    "korean": ("Min-jun Ji-hoon Seo-jun Hyun-woo Dong-hyun Sung-min Jae-won",
               "Ji-woo Seo-yeon Min-seo Ha-eun Soo-jin Eun-ji Hye-jin",
               "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin"),
    "japanese": ("Haruto Takeshi Hiroshi Kenji Daisuke Yuto Shota Ryo Kazuki",
                 "Yui Haruka Aoi Sakura Yuki Emi Naoko Misaki Ayaka",
                 "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Yoshida Yamaguchi Matsumoto"),
    "latam": ("José Luis Carlos Jorge Alejandro Miguel Ángel Juan Pablo Diego Eduardo Rodrigo",
              "María Guadalupe Sofía Valentina Camila Daniela Ximena Lucía Paola Rosa Itzel",
              "García López Hernández Martínez Rodríguez Ramírez Quispe Mamani Huamán Condori Flores Torres Vargas Castillo"),
    "spain": ("Javier Sergio Álvaro Iñaki Jordi Pau Xabier Manuel Antonio",
              "Carmen Lucía Marta Nerea Montserrat Ainhoa Pilar Laia Begoña",
              "Fernández González Sánchez Pérez Gómez Ruiz Díaz Moreno Muñoz Iglesias Etxeberria Puig Ferrer Vidal"),
    "brazil": ("João Pedro Thiago Rafael Lucas Gustavo Bruno Felipe Anderson",
               "Ana Clara Beatriz Juliana Fernanda Larissa Letícia Gabriela Aline",
               "Silva Santos Oliveira Souza Pereira Costa Rodrigues Almeida Nascimento Carvalho Araújo Ribeiro"),
    "portugal": ("Tiago Rui Nuno Duarte Gonçalo Francisco Miguel Vasco",
                 "Inês Mariana Catarina Joana Rita Sofia Leonor Teresa",
                 "Ferreira Martins Gonçalves Lopes Marques Fonseca Sousa Pinto Teixeira Magalhães Cardoso"),
    "pacific": ("Sione Tevita Viliami Sefo Tama Hemi Wiremu Keoni Kaimana",
                "Mele Salote Ana Lupe Aroha Mere Anahera Leilani Malia Moana",
                "Tuilagi Fifita Taufa Faleolo Leota Ngata Parata Tipene Kahananui Kealoha Vaipulu Naivalu"),
    "indigenous_na": ("Ahanu Tokala Wapi Dakota Cody Tyrell Marcus Shane",
                      "Winona Aiyana Tallulah Kimi Shawna Raven Cheyenne",
                      "Begay Yazzie Tsosie Benally Nez Manuelito Yellowhorse Runningwater Two Bulls Little Thunder Whitehorse Cardinal"),
    "nordic": ("Lars Erik Johan Magnus Anders Henrik Mikael Jukka Ólafur Sigurður Bjørn",
               "Ingrid Astrid Sigrid Karin Liv Maja Aino Guðrún Sólveig Kirsten",
               "Johansson Andersson Lindqvist Nilsson Hansen Johansen Pedersen Virtanen Korhonen Mäkinen Lindberg Halvorsen"),
    "german": ("Jürgen Matthias Stefan Florian Tobias Klaus Uwe Jens Lukas",
               "Sabine Ursula Katrin Anja Birgit Jana Lena Franziska Heike",
               "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schäfer Koch Richter Bauer Krüger Wolf"),
    "french": ("Jean-Pierre François Mathieu Nicolas Olivier Julien Thierry Benoît Loïc",
               "Amélie Élodie Camille Nathalie Sandrine Chloé Manon Séverine Hélène",
               "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Lefèvre Girard Rousseau Fontaine"),
    "italian": ("Giuseppe Alessandro Lorenzo Matteo Francesco Davide Stefano Gianluca Salvatore",
                "Giulia Francesca Chiara Federica Alessia Valentina Giovanna Elisa Martina",
                "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De Luca Mancini"),
    "anglo": ("Will Bill Mark Hunter Mason Liam Connor Declan Gareth Colin Dwayne",
              "Grace Hope Joy Rose Faith Autumn Summer Siobhan Niamh Brooke Tiffany",
              "Young King Love Black Baker Cook Price Washington Brown O'Connor McAllister Fitzgerald Whitfield Hughes"),
}

# cultures mostly used per language (people are not tied to where they live)
LANG_CULTURE_BIAS = {
    "de": ["german", "german", "turkish", "polish", "russian", "south_slavic", "arabic", "czech"],
    "fr": ["french", "french", "senegambian", "arabic", "vietnamese", "portugal"],
    "es": ["spain", "spain", "latam", "latam", "arabic"],
    "it": ["italian", "italian", "italian", "south_slavic", "filipino", "arabic"],
    "pt": ["portugal", "brazil", "brazil", "portugal"],
    "en": ["anglo", "anglo"],
}
FAMILY_FIRST = {"chinese", "cantonese", "korean", "japanese", "vietnamese"}


def strip_accents(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("ø", "o").replace("Ø", "O")
    s = s.replace("ð", "d").replace("Ð", "D").replace("ß", "ss").replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def split_names(s):
    # surnames with spaces are joined by "~" nowhere; multiword surnames listed specially
    out = []
    toks = s.split(" ")
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in ("Dela", "Two", "Little", "De", "Al") and i + 1 < len(toks):
            out.append(t + " " + toks[i + 1])
            i += 2
        elif t in ("José", "Juan", "Miguel", "Ana", "María") and i + 1 < len(toks) and toks[i + 1] in ("Luis", "Ángel", "Pablo", "Clara", "Guadalupe"):
            out.append(t + " " + toks[i + 1])
            i += 2
        else:
            out.append(t)
            i += 1
    return out


NAMES = {}
for _k, _v in CULTURES.items():
    m, f, s = split_names(_v[0]), split_names(_v[1]), split_names(_v[2])
    fs = split_names(_v[3]) if len(_v) > 3 else s
    NAMES[_k] = (m, f, s, fs)


class Person:
    def __init__(self, rng, culture, sex):
        self.culture = culture
        self.sex = sex
        m, f, s, fs = NAMES[culture]
        self.given = rng.choice(m if sex == "M" else f)
        self.surname = rng.choice(fs if sex == "F" else s)
        if culture in ("latam", "spain") and rng.random() < 0.55:
            s2 = rng.choice(s)
            if s2 != self.surname:
                self.surname = self.surname + " " + s2
        if culture == "brazil" and rng.random() < 0.4:
            self.surname = rng.choice(s) + " " + self.surname if rng.random() < 0.5 else self.surname
        if culture == "nordic" and rng.random() < 0.2:
            # Icelandic patronymic / matronymic
            father = rng.choice(["Jón", "Sigurð", "Einar", "Gunnar", "Magnús", "Ólaf"])
            self.surname = father + ("sson" if sex == "M" else "sdóttir")
        self.family_first = culture in FAMILY_FIRST and rng.random() < 0.5

    def full(self):
        return f"{self.surname} {self.given}" if self.family_first else f"{self.given} {self.surname}"

    def ascii_parts(self):
        g = re.sub(r"[^a-z]", "", strip_accents(self.given).lower())
        s = re.sub(r"[^a-z]", "", strip_accents(self.surname).lower())
        return g, s


def pick_person(rng, lang, slot):
    if rng.random() < 0.5 and lang in LANG_CULTURE_BIAS:
        culture = rng.choice(LANG_CULTURE_BIAS[lang])
    else:
        culture = rng.choice(sorted(CULTURES))
    return Person(rng, culture, rng.choice("MF"))


# ---------------------------------------------------------------------------
# Checksums
# ---------------------------------------------------------------------------
def luhn_ok(num):
    d = [int(c) for c in num][::-1]
    t = 0
    for i, x in enumerate(d):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        t += x
    return t % 10 == 0


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def iban_mod97(s):
    s = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in s)
    return int(n) % 97


def make_iban(rng, cc):
    if cc == "DE":
        bban = digits(rng, 8) + digits(rng, 10)
    elif cc == "AT":
        bban = digits(rng, 16)
    elif cc == "CH":
        bban = digits(rng, 17)
    elif cc == "GB":
        bban = "".join(rng.choice("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(4)) + digits(rng, 14)
    elif cc == "IE":
        bban = "".join(rng.choice("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(4)) + digits(rng, 14)
    elif cc == "NL":
        bban = "".join(rng.choice("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(4)) + digits(rng, 10)
    elif cc == "BE":
        b = digits(rng, 10)
        k = int(b) % 97 or 97
        bban = b + "%02d" % k
    elif cc == "ES":
        bank, branch, acc = digits(rng, 4), digits(rng, 4), digits(rng, 10)
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

        def dc(ten):
            d = 11 - sum(int(a) * b for a, b in zip(ten, w)) % 11
            return {11: 0, 10: 1}.get(d, d)
        bban = bank + branch + str(dc("00" + bank + branch)) + str(dc(acc)) + acc
    elif cc == "FR":
        bank, guichet, acc = digits(rng, 5), digits(rng, 5), digits(rng, 11)
        key = 97 - ((89 * int(bank) + 15 * int(guichet) + 3 * int(acc)) % 97)
        bban = bank + guichet + acc + "%02d" % key
    elif cc == "IT":
        abi, cab, acc = digits(rng, 5), digits(rng, 5), digits(rng, 12)
        bban = it_cin(abi + cab + acc) + abi + cab + acc
    elif cc == "PT":
        bank, branch, acc = digits(rng, 4), digits(rng, 4), digits(rng, 11)
        k = 98 - (int(bank + branch + acc) * 100) % 97
        bban = bank + branch + acc + "%02d" % k
    else:
        raise KeyError(cc)
    for ck in range(2, 99):
        cand = cc + "%02d" % ck + bban
        if iban_mod97(cand) == 1:
            return cand
    raise AssertionError


CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _cf_val(c, odd):
    i = int(c) if c.isdigit() else ord(c) - 65
    return CF_ODD[i] if odd else i


def it_cin(s):
    # CIN for Italian BBAN (ABI+CAB+account); same tables as codice fiscale
    t = sum(_cf_val(c, i % 2 == 0) for i, c in enumerate(s.upper()))
    return chr(65 + t % 26)


def cf_check(s15):
    t = sum(_cf_val(c, i % 2 == 0) for i, c in enumerate(s15))
    return chr(65 + t % 26)


def codice_fiscale(p, dob, rng):
    def cons(x):
        return [c for c in x if c.isalpha() and c not in "AEIOU"]

    def vow(x):
        return [c for c in x if c in "AEIOU"]
    sn = strip_accents(p.surname).upper().replace(" ", "").replace("'", "").replace("-", "")
    gn = strip_accents(p.given).upper().replace(" ", "").replace("'", "").replace("-", "")
    s3 = "".join((cons(sn) + vow(sn) + ["X"] * 3)[:3])
    c = cons(gn)
    g3 = "".join([c[0], c[2], c[3]]) if len(c) >= 4 else "".join((c + vow(gn) + ["X"] * 3)[:3])
    y, mo, d = dob
    day = d + (40 if p.sex == "F" else 0)
    town = rng.choice(["H501", "F205", "F839", "L219", "G273", "A944", "D612", "L736", "C351", "A662"])
    s15 = s3 + g3 + "%02d" % (y % 100) + "ABCDEHLMPRST"[mo - 1] + "%02d" % day + town
    return s15 + cf_check(s15)


def make_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        g, s = rng.randint(1, 99), rng.randint(1, 9999)
        v = "%03d-%02d-%04d" % (a, g, s)
        if v not in ("078-05-1120", "123-45-6789", "219-09-9999"):
            return v


def make_aba(rng):
    while True:
        p = "%02d" % rng.choice(list(range(1, 13)) + list(range(21, 33)))
        body = p + digits(rng, 6)
        w = [3, 7, 1, 3, 7, 1, 3, 7]
        t = sum(int(a) * b for a, b in zip(body, w))
        c = (10 - t % 10) % 10
        return body + str(c)


def make_npi(rng):
    while True:
        b = rng.choice("12") + digits(rng, 8)
        for c in "0123456789":
            if luhn_ok("80840" + b + c):
                return b + c


def make_dea(rng, surname):
    l2 = strip_accents(surname)[0].upper()
    d = [rng.randint(0, 9) for _ in range(6)]
    c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return rng.choice("ABFM") + l2 + "".join(map(str, d)) + str(c)


def make_nhs(rng):
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        if d[0] == 0:
            continue
        c = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        if c == 10:
            continue
        c = 0 if c == 11 else c
        s = "".join(map(str, d)) + str(c)
        return s


def make_nino(rng):
    bad1, bad2 = set("DFIQUV"), set("DFIQUVO")
    while True:
        a = rng.choice([c for c in "ABCEGHJKLMNPRSTWXYZ" if c not in bad1])
        b = rng.choice([c for c in "ABCEGHJKLMNPRSTWXYZ" if c not in bad2])
        if a + b in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            continue
        return a + b + digits(rng, 6) + rng.choice("ABCD")


def make_detax(rng):
    while True:
        ds = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(9)]
        counts = sorted((ds.count(x) for x in set(ds)), reverse=True)
        if counts[0] not in (2, 3) or counts.count(counts[0]) != 1 or (counts[0] == 2 and len(set(ds)) != 9) or (counts[0] == 3 and len(set(ds)) != 8):
            continue
        prod = 10
        for x in ds:
            s = (x + prod) % 10
            s = 10 if s == 0 else s
            prod = (s * 2) % 11
        c = 11 - prod
        c = 0 if c == 10 else c
        return "".join(map(str, ds)) + str(c)


def make_nir(rng, sex, dob):
    y, m, _ = dob
    dept = rng.choice(["75", "69", "13", "33", "59", "92", "93", "31", "44", "67", "06", "34"])
    body = ("1" if sex == "M" else "2") + "%02d" % (y % 100) + "%02d" % m + dept + "%03d" % rng.randint(1, 999) + "%03d" % rng.randint(1, 999)
    key = 97 - int(body) % 97
    return body, "%02d" % key


def make_dni(rng):
    if rng.random() < 0.25:
        p = rng.choice("XYZ")
        n = digits(rng, 7)
        num = int("XYZ".index(p).__str__() + n)
        return p + n + "TRWAGMYFPDXBNJZSQVHLCKE"[num % 23]
    n = digits(rng, 8)
    return n + "TRWAGMYFPDXBNJZSQVHLCKE"[int(n) % 23]


def make_bsn(rng):
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        if d[0] == 0:
            d[0] = 1
        t = sum(x * (9 - i) for i, x in enumerate(d))
        c = t % 11
        if c < 10:
            return "".join(map(str, d)) + str(c)


def make_card(rng, kind=None):
    kind = kind or rng.choice(["visa", "visa", "mc", "mc2", "amex", "disc"])
    if kind == "visa":
        return luhn_complete("4" + digits(rng, 14)), kind
    if kind == "mc":
        return luhn_complete(str(rng.randint(51, 55)) + digits(rng, 13)), kind
    if kind == "mc2":
        return luhn_complete(str(rng.randint(2221, 2720)) + digits(rng, 11)), kind
    if kind == "amex":
        return luhn_complete(rng.choice(["34", "37"]) + digits(rng, 12)), kind
    return luhn_complete("6011" + digits(rng, 11)), kind


def group_card(num, kind, sep):
    if kind == "amex":
        return num[:4] + sep + num[4:10] + sep + num[10:]
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


VIN_MAP = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
           "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def make_vin(rng):
    al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    v = [rng.choice(["1HG", "1FT", "WVW", "WBA", "VF1", "ZFA", "JTD", "KMH", "5YJ", "3VW", "SAL", "VSS"])] + [rng.choice(al) for _ in range(14)]
    v = list("".join(v))
    v[9] = rng.choice("LMNPRSTVWXY123456789")
    t = sum(VIN_MAP[c] * w for c, w in zip(v, VIN_W))
    v[8] = "X" if t % 11 == 10 else str(t % 11)
    return "".join(v)


def make_kvnr(rng):
    letter = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    body = "%02d" % (ord(letter) - 64) + digits(rng, 8)
    t = 0
    for i, c in enumerate(body):
        p = int(c) * (1 if i % 2 == 0 else 2)
        t += p // 10 + p % 10
    return letter + body[2:] + str(t % 10)


def make_mbi(rng):
    L = "ACDEFGHJKMNPQRTUVWXY"
    A = L + "0123456789"
    s = (rng.choice("123456789") + rng.choice(L) + rng.choice(A) + rng.choice("0123456789") + rng.choice(L) + rng.choice(A)
         + rng.choice("0123456789") + rng.choice(L) + rng.choice(L) + rng.choice("0123456789") + rng.choice("0123456789"))
    return s if rng.random() < 0.5 else s[:4] + "-" + s[4:7] + "-" + s[7:]


def make_imei(rng):
    return luhn_complete(rng.choice(["35", "86", "01", "99"]) + digits(rng, 12))


def rand_alnum(rng, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


# ---------------------------------------------------------------------------
# Locale data (hand-written)
# ---------------------------------------------------------------------------
LANG_COUNTRIES = {"en": ["US"] * 6 + ["UK"] * 2 + ["CA", "AU", "IE"], "de": ["DE"] * 4 + ["AT", "CH"],
                  "fr": ["FR"] * 5 + ["BE"], "es": ["ES"] * 4 + ["MX"], "it": ["IT"], "pt": ["PT", "PT", "BR", "BR"]}
IBAN_CC = {"US": None, "UK": "GB", "CA": None, "AU": None, "IE": "IE", "DE": "DE", "AT": "AT", "CH": "CH",
           "FR": "FR", "BE": "BE", "ES": "ES", "MX": None, "IT": "IT", "PT": "PT", "BR": None}

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
}


def fmt_date(rng, lang, country, ymd, style=None):
    y, m, d = ymd
    mn = MONTHS[lang][m - 1]
    if style == "iso":
        return "%04d-%02d-%02d" % ymd
    if style == "hl7":
        return "%04d%02d%02d" % ymd
    if lang == "en":
        if country == "US":
            opts = ["%02d/%02d/%04d" % (m, d, y), "%d/%d/%04d" % (m, d, y), "%d/%d/%02d" % (m, d, y % 100),
                    "%s %d, %04d" % (mn, d, y), "%s %d %04d" % (mn[:3], d, y), "%04d-%02d-%02d" % ymd, "%02d-%02d-%04d" % (m, d, y)]
        else:
            opts = ["%02d/%02d/%04d" % (d, m, y), "%d %s %04d" % (d, mn, y), "%02d-%s-%04d" % (d, mn[:3], y),
                    "%d %s %04d" % (d, mn[:3], y), "%04d-%02d-%02d" % ymd, "%02d.%02d.%04d" % (d, m, y)]
    elif lang == "de":
        opts = ["%02d.%02d.%04d" % (d, m, y), "%d.%d.%04d" % (d, m, y), "%d. %s %04d" % (d, mn, y), "%02d.%02d.%02d" % (d, m, y % 100), "%04d-%02d-%02d" % ymd]
    elif lang == "fr":
        opts = ["%02d/%02d/%04d" % (d, m, y), "%d %s %04d" % (d, mn, y), "%02d.%02d.%04d" % (d, m, y), "%02d/%02d/%02d" % (d, m, y % 100)]
    elif lang == "es":
        opts = ["%02d/%02d/%04d" % (d, m, y), "%d de %s de %04d" % (d, mn, y), "%d/%d/%04d" % (d, m, y), "%02d-%02d-%04d" % (d, m, y)]
    elif lang == "it":
        opts = ["%02d/%02d/%04d" % (d, m, y), "%d %s %04d" % (d, mn, y), "%02d.%02d.%04d" % (d, m, y), "%02d-%02d-%04d" % (d, m, y)]
    else:
        opts = ["%02d/%02d/%04d" % (d, m, y), "%d de %s de %04d" % (d, mn, y), "%02d-%02d-%04d" % (d, m, y), "%02d.%02d.%04d" % (d, m, y)]
    return rng.choice(opts)


def fmt_phone(rng, country):
    r = lambda n: digits(rng, n)
    c = country
    if c in ("US", "CA"):
        a = str(rng.randint(2, 9)) + r(2)
        x = str(rng.randint(2, 9)) + r(2)
        y = r(4)
        return rng.choice([f"({a}) {x}-{y}", f"{a}-{x}-{y}", f"{a}.{x}.{y}", f"+1 {a} {x} {y}", f"+1-{a}-{x}-{y}", f"1 ({a}) {x}-{y}"])
    if c == "UK":
        return rng.choice([f"07{rng.randint(4, 9)}{r(2)} {r(6)}", f"+44 7{rng.randint(4, 9)}{r(2)} {r(6)}", f"020 {rng.choice('378')}{r(3)} {r(4)}",
                           f"0113 {r(3)} {r(4)}", f"+44 (0)161 {r(3)} {r(4)}"])
    if c == "IE":
        return rng.choice([f"08{rng.choice('3567')} {r(3)} {r(4)}", f"+353 8{rng.choice('3567')} {r(3)} {r(4)}", f"(01) {r(3)} {r(4)}"])
    if c == "AU":
        return rng.choice([f"04{r(2)} {r(3)} {r(3)}", f"+61 4{r(2)} {r(3)} {r(3)}", f"(0{rng.choice('2378')}) {r(4)} {r(4)}"])
    if c == "DE":
        return rng.choice([f"01{rng.choice('567')}{r(1)} {r(7)}", f"+49 1{rng.choice('567')}{r(1)} {r(7)}", f"030 {r(8)}", f"+49 (0)89 {r(7)}",
                           f"0221 / {r(3)} {r(2)} {r(2)}", f"+49 40 {r(4)}-{r(3)}"])
    if c == "AT":
        return rng.choice([f"+43 664 {r(7)}", f"0664 {r(3)} {r(2)} {r(2)}", f"+43 1 {r(7)}"])
    if c == "CH":
        return rng.choice([f"+41 7{rng.choice('6789')} {r(3)} {r(2)} {r(2)}", f"07{rng.choice('6789')} {r(3)} {r(2)} {r(2)}", f"044 {r(3)} {r(2)} {r(2)}"])
    if c == "FR":
        a = rng.choice("1234567")
        p = [r(2) for _ in range(4)]
        return rng.choice([f"0{a} {' '.join(p)}", f"+33 {a} {' '.join(p)}", f"0{a}.{'.'.join(p)}", f"0{a}{''.join(p)}", f"+33 (0){a} {' '.join(p)}"])
    if c == "BE":
        return rng.choice([f"+32 4{r(2)} {r(2)} {r(2)} {r(2)}", f"04{r(2)} {r(2)} {r(2)} {r(2)}", f"02 {r(3)} {r(2)} {r(2)}"])
    if c == "ES":
        return rng.choice([f"6{r(2)} {r(3)} {r(3)}", f"+34 6{r(2)} {r(2)} {r(2)} {r(2)}", f"91 {r(3)} {r(2)} {r(2)}", f"7{r(8)}", f"(+34) 93 {r(3)} {r(4)}"])
    if c == "MX":
        return rng.choice([f"+52 55 {r(4)} {r(4)}", f"55 {r(4)} {r(4)}", f"(33) {r(4)}-{r(4)}", f"+52 1 81 {r(4)} {r(4)}"])
    if c == "IT":
        return rng.choice([f"3{r(2)} {r(3)} {r(4)}", f"+39 3{r(2)} {r(7)}", f"06 {r(4)} {r(4)}", f"02-{r(8)}", f"+39 0{r(1)} {r(7)}"])
    if c == "PT":
        return rng.choice([f"9{rng.choice('1236')}{r(1)} {r(3)} {r(3)}", f"+351 9{rng.choice('1236')}{r(1)} {r(3)} {r(3)}", f"21 {r(3)} {r(4)}", f"(+351) 22 {r(3)} {r(4)}"])
    if c == "BR":
        return rng.choice([f"(11) 9{r(4)}-{r(4)}", f"+55 21 9{r(4)}-{r(4)}", f"(41) 3{r(3)}-{r(4)}", f"11 9{r(4)} {r(4)}", f"+55 (31) 9{r(4)}-{r(4)}"])
    raise KeyError(c)


# country -> list of (street templates, unit templates, cities [(city, region, zip pattern)])
# '#' digit, '@' postcode letter
STREETS = {
    "US": ["{n} Maple Ridge Dr", "{n} W 38th St", "{n} North Elm Street", "{n} Sycamore Ln", "{n} Martin Luther King Jr Blvd", "{n} Old Mill Rd",
           "{n} Peachtree St NE", "{n} Cedar Ave", "{n} Lakeshore Drive", "{n} County Road 12", "{n} Bayview Ave", "{n} E Washington St",
           "{n} Lincoln Way", "{n} S Lamar Blvd", "{n} Ocean Pkwy", "{n} Briarwood Ct", "{n} Hillcrest Terrace", "{n} Route 9W"],
    "UK": ["{n} Harcourt Road", "{n} Victoria Street", "{n} Church Lane", "{n} Mill Close", "{n} Kingsway", "{n} St Mary's Crescent",
           "{n} Albert Terrace", "{n} Station Road", "{n} Elmwood Grove", "{n} Queen's Drive", "{n} Beechfield Avenue"],
    "IE": ["{n} Rathgar Avenue", "{n} Main Street", "{n} Griffith Park", "{n} Clontarf Road", "{n} Oliver Plunkett Street", "{n} Ashgrove Lawn"],
    "CA": ["{n} Queen St W", "{n} Rue Sainte-Catherine Est", "{n} Jasper Ave NW", "{n} Commercial Drive", "{n} Bloor St E", "{n} Portage Ave"],
    "AU": ["{n} Smith St", "{n} Brunswick Street", "{n} Marine Parade", "{n} King William Road", "{n} Beaufort St", "{n} Pacific Hwy"],
    "DE": ["Lindenstraße {n}", "Hauptstr. {n}", "Am Kirchberg {n}", "Karl-Marx-Allee {n}", "Goethestraße {n}", "Bahnhofstraße {n}",
           "Schillerplatz {n}", "Im Wiesengrund {n}", "Kastanienweg {n}", "Friedrich-Ebert-Str. {n}", "An der Alster {n}", "Sonnenallee {n}"],
    "AT": ["Mariahilfer Straße {n}", "Landstraßer Hauptstraße {n}", "Herrengasse {n}", "Schulgasse {n}"],
    "CH": ["Bahnhofstrasse {n}", "Seefeldstrasse {n}", "Rue du Rhône {n}", "Kramgasse {n}"],
    "FR": ["{n} rue des Lilas", "{n} bis avenue Jean Jaurès", "{n} allée des Tilleuls", "{n}, place de la République", "{n} boulevard Victor Hugo",
           "{n} rue du Faubourg Saint-Antoine", "{n} impasse des Vignes", "{n} chemin de la Croix-Rousse", "{n} quai de la Fosse", "{n} rue Nationale"],
    "BE": ["Rue de la Loi {n}", "Chaussée de Waterloo {n}", "Avenue Louise {n}", "Rue Saint-Gilles {n}"],
    "ES": ["Calle de Alcalá {n}", "C/ Mayor, {n}", "Avda. de la Constitución {n}", "Plaza de España {n}", "Carrer de Balmes {n}",
           "Paseo de la Castellana {n}", "Calle Sierpes {n}", "Ronda de Atocha {n}", "Calle Larios {n}", "Gran Vía {n}"],
    "MX": ["Av. Insurgentes Sur {n}", "Calle Durango {n}", "Av. Chapultepec {n}", "Calzada de Tlalpan {n}"],
    "IT": ["Via Giuseppe Garibaldi {n}", "Corso Vittorio Emanuele II {n}", "Viale dei Mille {n}", "Piazza della Repubblica {n}", "Via Roma, {n}",
           "Via dei Serpenti {n}", "Via Toledo {n}", "Borgo Pinti {n}", "Via Po {n}", "Via Indipendenza {n}"],
    "PT": ["Rua Augusta {n}", "Avenida da Liberdade {n}", "Travessa do Carmo {n}", "Largo do Rato {n}", "Rua de Santa Catarina {n}", "Rua Ferreira Borges {n}"],
    "BR": ["Rua das Flores, {n}", "Av. Paulista, {n}", "Rua XV de Novembro, {n}", "Rua Voluntários da Pátria, {n}", "Av. Afonso Pena, {n}", "Rua Oscar Freire, {n}"],
}
UNITS = {
    "US": ["Apt 3B", "#12", "Unit 5", "Suite 210", "Apt. 1402", "Apt 2F", "Ste 300", "Lot 17"],
    "UK": ["Flat 2", "Flat 4B", "Flat 11", "Apartment 7"],
    "IE": ["Apt 14", "Apartment 3"], "CA": ["Unit 1204", "Apt 310"], "AU": ["Unit 5", "Unit 12"],
    "DE": ["3. OG", "Hinterhaus", "2. OG links", "Whg. 7"], "AT": ["Top 12", "Stiege 2/Top 5"], "CH": ["3. Stock"],
    "FR": ["Bât. B", "Apt 12", "3e étage", "Résidence Les Pins, Bât. C"], "BE": ["bte 4"],
    "ES": ["4.º B", "3º izda.", "bajo", "2n 1a", "5.º dcha."], "MX": ["Int. 4", "Depto. 302"],
    "IT": ["int. 5", "scala B", "piano 3"], "PT": ["3.º Esq.", "2.º Dto", "r/c", "1.º andar"], "BR": ["apto 302", "conj. 81", "casa 2", "bloco B apto 14"],
}
CITIES = {
    "US": [("Columbus", "OH", "432##"), ("Tucson", "AZ", "857##"), ("Albany", "NY", "122##"), ("Sacramento", "CA", "958##"), ("Charlotte", "NC", "282##"),
           ("Jackson", "MS", "392##"), ("Madison", "WI", "537##"), ("Aurora", "CO", "800##"), ("Florence", "AL", "356##"), ("Victoria", "TX", "779##"),
           ("Austin", "TX", "787##"), ("Eugene", "OR", "974##"), ("Lafayette", "LA", "705##"), ("Dayton", "OH", "454##"), ("Paterson", "NJ", "075##")],
    "UK": [("Leeds", "", "LS# #@@"), ("Manchester", "", "M1# #@@"), ("Bristol", "", "BS# #@@"), ("Glasgow", "", "G1# #@@"), ("Cardiff", "", "CF2# #@@"),
           ("London", "", "SE1# #@@"), ("Norwich", "", "NR# #@@"), ("Sheffield", "", "S1# #@@")],
    "IE": [("Dublin 6", "", "D06 @#@#"), ("Cork", "", "T12 @#@#"), ("Galway", "", "H91 @#@#")],
    "CA": [("Toronto", "ON", "M5V #@#"), ("Montréal", "QC", "H2K #@#"), ("Vancouver", "BC", "V5K #@#"), ("Calgary", "AB", "T2P #@#"), ("Winnipeg", "MB", "R3C #@#")],
    "AU": [("Fitzroy", "VIC", "3065"), ("Brisbane", "QLD", "4000"), ("Perth", "WA", "6000"), ("Newtown", "NSW", "2042"), ("Adelaide", "SA", "5000")],
    "DE": [("Berlin", "", "10###"), ("München", "", "80###"), ("Köln", "", "50###"), ("Hamburg", "", "20###"), ("Leipzig", "", "04###"), ("Stuttgart", "", "70###"), ("Frankfurt am Main", "", "60###")],
    "AT": [("Wien", "", "1##0"), ("Graz", "", "80#0"), ("Linz", "", "40#0")],
    "CH": [("Zürich", "", "80##"), ("Bern", "", "30##"), ("Genève", "", "12##")],
    "FR": [("Lyon", "", "6900#"), ("Paris", "", "750##"), ("Marseille", "", "130##"), ("Toulouse", "", "31###"), ("Bordeaux", "", "33###"), ("Nantes", "", "44###"), ("Lille", "", "59###"), ("Strasbourg", "", "67###")],
    "BE": [("Bruxelles", "", "10##"), ("Liège", "", "40##"), ("Namur", "", "50##")],
    "ES": [("Madrid", "", "280##"), ("Barcelona", "", "080##"), ("Sevilla", "", "410##"), ("Valencia", "", "460##"), ("Bilbao", "", "480##"), ("Málaga", "", "290##")],
    "MX": [("Ciudad de México", "CDMX", "03###"), ("Guadalajara", "Jal.", "44###"), ("Monterrey", "N.L.", "64###")],
    "IT": [("Roma", "RM", "001##"), ("Milano", "MI", "201##"), ("Napoli", "NA", "801##"), ("Torino", "TO", "101##"), ("Bologna", "BO", "401##"), ("Firenze", "FI", "501##"), ("Palermo", "PA", "901##")],
    "PT": [("Lisboa", "", "1###-###"), ("Porto", "", "4###-###"), ("Coimbra", "", "3###-###"), ("Faro", "", "8###-###")],
    "BR": [("São Paulo", "SP", "01###-###"), ("Curitiba", "PR", "80###-###"), ("Rio de Janeiro", "RJ", "20###-###"), ("Belo Horizonte", "MG", "30###-###"), ("Recife", "PE", "50###-###")],
}
POBOX = {"US": "PO Box {n}", "UK": "PO Box {n}", "CA": "PO Box {n}", "AU": "PO Box {n}", "IE": "PO Box {n}", "DE": "Postfach {n}", "AT": "Postfach {n}",
         "CH": "Postfach {n}", "FR": "BP {n}", "BE": "BP {n}", "ES": "Apartado de Correos {n}", "MX": "Apartado Postal {n}", "IT": "Casella Postale {n}",
         "PT": "Apartado {n}", "BR": "Caixa Postal {n}"}


def fill_pattern(rng, pat):
    out = []
    for ch in pat:
        if ch == "#":
            out.append(rng.choice("0123456789"))
        elif ch == "@":
            out.append(rng.choice("ABDEFGHJLNPQRSTUWXYZ"))
        else:
            out.append(ch)
    return "".join(out)


class Address:
    def __init__(self, rng, country):
        self.country = country
        c = country
        n = str(rng.choice([rng.randint(1, 40), rng.randint(1, 200), rng.randint(100, 9999) if c in ("US", "CA", "BR") else rng.randint(1, 120)]))
        if c in ("DE", "AT") and rng.random() < 0.2:
            n += rng.choice("abc")
        if c == "FR" and rng.random() < 0.1:
            n += " ter"
        self.pobox = rng.random() < 0.07
        if self.pobox:
            self.street = POBOX[c].format(n=digits(rng, rng.choice([3, 4, 5])))
            self.unit = None
        else:
            self.street = rng.choice(STREETS[c]).format(n=n)
            self.unit = rng.choice(UNITS[c]) if rng.random() < 0.4 else None
            if c == "CA" and self.unit and rng.random() < 0.5:
                self.street = self.unit.split()[-1] + "-" + self.street
                self.unit = None
            if c == "AU" and self.unit and rng.random() < 0.5:
                self.street = self.unit + "/" + self.street
                self.unit = None
        self.city, self.region, zp = rng.choice(CITIES[c])
        self.zip = fill_pattern(rng, zp)
        if c == "US" and rng.random() < 0.15:
            self.zip += "-" + digits(rng, 4)
        self.unit_first = c in ("UK", "FR") and rng.random() < 0.5
        self.multiline_unit = rng.random() < 0.25

    def street_line(self, sep=", "):
        if not self.unit:
            return self.street
        if self.unit_first:
            return self.unit + sep + self.street
        return self.street + sep + self.unit

    def segments(self, rng, multiline=False):
        c = self.country
        br = "\n" if multiline else ", "
        st = self.street_line("\n" if (multiline and self.multiline_unit) else ", ")
        S = [(st, "STREET_ADDRESS")]
        z = (self.zip, "ZIP_CODE")
        if c in ("US",):
            return S + [(br + self.city + ", " + self.region + " ", None), z]
        if c in ("CA", "AU"):
            return S + [(br + self.city + (", " if c == "CA" else " ") + self.region + (" " if c == "CA" else " "), None), z]
        if c in ("UK", "IE"):
            return S + [(br + self.city + (" " if rng.random() < 0.6 else br), None), z]
        if c == "BR":
            return S + [(br + rng.choice(["CEP ", ""]), None), z, (" " + self.city + " - " + self.region, None)]
        if c == "MX":
            return S + [(br + "C.P. ", None), z, (" " + self.city + ", " + self.region, None)]
        if c == "IT":
            return S + [(br, None), z, (" " + self.city + rng.choice([" (" + self.region + ")", " " + self.region, ""]), None)]
        pre = {"CH": rng.choice(["", "CH-"]), "AT": rng.choice(["", "A-"]), "BE": rng.choice(["", "B-"])}.get(c, "")
        return S + [(br + pre, None), z, (" " + self.city, None)]


# clinical vocabulary: code, en, de, fr, es, it, pt
CONDITIONS = [
    ("E11.9", "type 2 diabetes", "Diabetes mellitus Typ 2", "diabète de type 2", "diabetes mellitus tipo 2", "diabete mellito di tipo 2", "diabetes tipo 2"),
    ("I10", "essential hypertension", "essentielle Hypertonie", "hypertension artérielle essentielle", "hipertensión esencial", "ipertensione essenziale", "hipertensão essencial"),
    ("J45.909", "asthma", "Asthma bronchiale", "asthme", "asma", "asma bronchiale", "asma"),
    ("N18.30", "CKD stage 3", "chronische Niereninsuffizienz Stadium 3", "insuffisance rénale chronique stade 3", "enfermedad renal crónica estadio 3", "insufficienza renale cronica stadio 3", "doença renal crónica estádio 3"),
    ("F32.1", "moderate depressive episode", "mittelgradige depressive Episode", "épisode dépressif moyen", "episodio depresivo moderado", "episodio depressivo moderato", "episódio depressivo moderado"),
    ("M54.50", "low back pain", "Lumbago", "lombalgie", "lumbalgia", "lombalgia", "lombalgia"),
    ("J18.9", "pneumonia", "Pneumonie", "pneumopathie", "neumonía", "polmonite", "pneumonia"),
    ("I48.91", "atrial fibrillation", "Vorhofflimmern", "fibrillation atriale", "fibrilación auricular", "fibrillazione atriale", "fibrilhação auricular"),
    ("E78.5", "hyperlipidemia", "Hyperlipidämie", "dyslipidémie", "hiperlipidemia", "iperlipidemia", "hiperlipidemia"),
    ("K21.9", "GERD", "Refluxkrankheit", "RGO", "ERGE", "MRGE", "DRGE"),
    ("N39.0", "UTI", "Harnwegsinfekt", "infection urinaire", "infección urinaria", "infezione delle vie urinarie", "infeção urinária"),
    ("G43.909", "migraine", "Migräne", "migraine", "migraña", "emicrania", "enxaqueca"),
    ("J44.1", "COPD exacerbation", "exazerbierte COPD", "exacerbation de BPCO", "EPOC reagudizada", "BPCO riacutizzata", "DPOC agudizada"),
    ("I50.9", "heart failure", "Herzinsuffizienz", "insuffisance cardiaque", "insuficiencia cardíaca", "scompenso cardiaco", "insuficiência cardíaca"),
    ("F41.1", "generalized anxiety disorder", "generalisierte Angststörung", "trouble anxieux généralisé", "trastorno de ansiedad generalizada", "disturbo d'ansia generalizzato", "perturbação de ansiedade generalizada"),
    ("E03.9", "hypothyroidism", "Hypothyreose", "hypothyroïdie", "hipotiroidismo", "ipotiroidismo", "hipotiroidismo"),
    ("M17.11", "OA right knee", "Gonarthrose rechts", "gonarthrose droite", "gonartrosis derecha", "gonartrosi destra", "gonartrose direita"),
    ("O24.419", "gestational diabetes", "Gestationsdiabetes", "diabète gestationnel", "diabetes gestacional", "diabete gestazionale", "diabetes gestacional"),
    ("L40.0", "plaque psoriasis", "Psoriasis vulgaris", "psoriasis en plaques", "psoriasis en placas", "psoriasi volgare", "psoríase em placas"),
    ("S52.501A", "distal radius fracture", "distale Radiusfraktur", "fracture du radius distal", "fractura de radio distal", "frattura del radio distale", "fratura do rádio distal"),
]
LANG_IDX = {"en": 1, "de": 2, "fr": 3, "es": 4, "it": 5, "pt": 6}
DRUGS = {
    "en": ["metformin 500 mg", "lisinopril 10 mg", "atorvastatin 40 mg", "apixaban 5 mg", "Eliquis 5mg", "Ozempic 0.5 mg", "levothyroxine 75 mcg",
           "amoxicillin 875 mg", "sertraline 50 mg", "albuterol HFA", "gabapentin 300 mg", "Jardiance 10 mg", "furosemide 40 mg", "prednisone 20 mg"],
    "de": ["Metformin 1000 mg", "Ramipril 5 mg", "Pantoprazol 40 mg", "Novalgin 500 mg", "Apixaban 2,5 mg", "L-Thyroxin 75 µg", "Ibuprofen 600", "Bisoprolol 2,5 mg", "Torasemid 10 mg"],
    "fr": ["Doliprane 1000 mg", "metformine 850 mg", "Kardégic 75 mg", "amlodipine 5 mg", "Levothyrox 50 µg", "Augmentin 1 g", "Xarelto 20 mg", "Lasilix 40 mg"],
    "es": ["Nolotil 575 mg", "enalapril 10 mg", "omeprazol 20 mg", "metformina 850 mg", "Sintrom 4 mg", "paracetamol 1 g", "atorvastatina 20 mg", "Adiro 100 mg"],
    "it": ["Tachipirina 1000", "Cardioaspirina 100 mg", "metformina 500 mg", "ramipril 5 mg", "Eutirox 75 mcg", "Augmentin 875 mg", "Coumadin 5 mg", "Lasix 25 mg"],
    "pt": ["Ben-u-ron 1 g", "metformina 850 mg", "Brufen 400 mg", "losartana 50 mg", "omeprazol 20 mg", "Dipirona 500 mg", "sinvastatina 20 mg", "Xarelto 15 mg"],
}
FREQ = {"en": ["PO bid", "1 tab daily", "q12h", "qhs", "1 tab PO q8h prn pain", "weekly SC", "TID with meals"],
        "de": ["1-0-1", "1-0-0", "0-0-1", "bei Bedarf max. 4x tgl.", "1x wöchentlich s.c."],
        "fr": ["1 cp matin et soir", "1 cp le matin", "3 fois par jour", "si douleur, max 4/j"],
        "es": ["1 comp. cada 8 h", "1 comp. al día", "cada 12 horas", "si dolor"],
        "it": ["1 cp x 2/die", "1 cp/die", "al bisogno", "1 cp ore 8"],
        "pt": ["1 comp. 12/12h", "1 comp. por dia", "SOS", "de 8 em 8 horas"]}
HOSPITALS = {"en": ["St. Mary's", "Mercy General", "Riverside Medical Center", "the Royal Infirmary", "Lakeview Clinic", "Johns Hopkins", "Mount Sinai", "Kaiser Permanente"],
             "de": ["Charité", "Klinikum rechts der Isar", "Uniklinik Köln", "St. Elisabeth-Krankenhaus", "Vivantes Klinikum Neukölln"],
             "fr": ["CHU de Lyon", "Hôpital Pitié-Salpêtrière", "Clinique du Parc", "Hôpital Necker", "CHU de Bordeaux"],
             "es": ["Hospital La Paz", "Hospital Clínic", "Hospital Gregorio Marañón", "Hospital Virgen del Rocío", "Clínica Universidad de Navarra"],
             "it": ["Policlinico Gemelli", "Ospedale Niguarda", "Ospedale Sant'Orsola", "Ospedale Cardarelli", "Humanitas"],
             "pt": ["Hospital de Santa Maria", "Hospital São João", "Hospital Albert Einstein", "Hospital Sírio-Libanês", "Hospital da Luz"]}
INSURERS = {"en": ["Aetna", "Cigna", "UnitedHealthcare", "Blue Cross Blue Shield", "Humana", "Kaiser", "Bupa", "Anthem", "Medicaid"],
            "de": ["Techniker Krankenkasse", "AOK Bayern", "Barmer", "DAK-Gesundheit", "Allianz Private", "SVS", "ÖGK"],
            "fr": ["CPAM", "MGEN", "Harmonie Mutuelle", "AXA Santé", "Malakoff Humanis"],
            "es": ["Adeslas", "Sanitas", "Mapfre Salud", "DKV", "Asisa", "IMSS"],
            "it": ["Generali", "Unisalute", "Allianz", "Poste Assicura", "Reale Mutua"],
            "pt": ["Médis", "Multicare", "Fidelidade", "Unimed", "Bradesco Saúde", "SulAmérica"]}
COMPANIES = ["Northwind Health", "Brightline Billing", "Meridian Care Partners", "Halcyon Pay", "Bluewater Credit Union", "Orbis Claims", "Vantage Clinics",
             "Corvid Labs", "Helix Diagnostics", "Sable Ledger", "Tessera Bank", "Apex Revenue Cycle"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "gmx.de", "web.de", "orange.fr", "free.fr",
           "libero.it", "virgilio.it", "sapo.pt", "uol.com.br", "telefonica.net", "hotmail.es", "btinternet.com", "aol.com", "yahoo.co.uk"]


# ---------------------------------------------------------------------------
# Template engine
#   «a¦b¦c»    random alternative (nestable)
#   [[key]]    placeholder; labelled values come only from placeholders
# ---------------------------------------------------------------------------
ALT_RE = re.compile(r"«([^«»]*)»")
PH_RE = re.compile(r"\[\[([A-Za-z0-9_.]+)\]\]")


def expand_alts(t, rng):
    while True:
        m = ALT_RE.search(t)
        if not m:
            return t
        t = t[:m.start()] + rng.choice(m.group(1).split("¦")) + t[m.end():]


class Ctx:
    def __init__(self, rng, lang):
        self.rng = rng
        self.lang = lang
        self.country = rng.choice(LANG_COUNTRIES[lang])
        self.cache = {}
        self.people = {}
        self.addrs = {}
        self.company = rng.choice(COMPANIES)
        self.cdomain = re.sub(r"[^a-z]", "", self.company.lower()) + rng.choice([".com", ".org", ".health", ".io"])
        y = rng.randint(1931, 2008)
        self.dobs = {}
        self.cond = rng.sample(CONDITIONS, 2)
        base = (rng.randint(2024, 2026), rng.randint(1, 12), rng.randint(1, 28))
        self.care_dates = [base]
        for _ in range(4):
            y, m, d = self.care_dates[-1]
            d += rng.randint(1, 9)
            if d > 28:
                d -= 28
                m += 1
                if m > 12:
                    m, y = 1, y + 1
            self.care_dates.append((y, m, d))

    def person(self, key):
        if key not in self.people:
            self.people[key] = pick_person(self.rng, self.lang, key)
        return self.people[key]

    def dob(self, key):
        if key not in self.dobs:
            r = self.rng
            self.dobs[key] = (r.randint(1931, 2008), r.randint(1, 12), r.randint(1, 28))
        return self.dobs[key]

    def addr(self, key):
        if key not in self.addrs:
            self.addrs[key] = Address(self.rng, self.country)
        return self.addrs[key]

    def get(self, key):
        if key.split(".")[0] in ("amount", "n", "orderno", "room", "time"):
            return self._make(key)  # fresh each time: unlabelled filler
        if key not in self.cache:
            self.cache[key] = self._make(key)
        return self.cache[key]

    def _make(self, key):
        r, lang, c = self.rng, self.lang, self.country
        base, _, suf = key.partition(".")
        # ----- people
        if re.fullmatch(r"[PD]\d", base):
            p = self.person(base)
            g, s = p.given, p.surname
            full = p.full()
            if suf == "":
                return [(full, "PERSON")]
            if suf == "f":
                return [(g, "PERSON")]
            if suf == "l":
                return [(s, "PERSON")]
            if suf == "lc":
                return [(full.lower(), "PERSON")]
            if suf == "flc":
                return [(g.lower(), "PERSON")]
            if suf == "UC":
                return [(full.upper(), "PERSON")]
            if suf == "LUC":
                return [(s.upper(), "PERSON")]
            if suf == "LF":
                return [(f"{s}, {g}", "PERSON")]
            if suf == "LFUC":
                return [(f"{s.upper()}, {g}" if r.random() < 0.5 else f"{s}, {g}".upper(), "PERSON")]
            if suf == "hl7":
                return [(strip_accents(s).upper() + "^" + strip_accents(g).upper(), "PERSON")]
            if suf == "init":
                return [(g[0] + ". " + s, "PERSON")]
            if suf == "fi":
                return [(g + " " + s[0] + ".", "PERSON")]
            if suf == "sex":
                return [(p.sex, None)]
            if suf == "fs":  # given and surname as two fields handled by templates; here: full name without middle ordering change
                return [(g + " " + s, "PERSON")]
            ga, sa = p.ascii_parts()
            if suf == "email":
                local = r.choice([f"{ga}.{sa}", f"{ga}{sa}", f"{ga[0]}{sa}", f"{ga}_{sa}{r.randint(1, 99)}", f"{sa}.{ga}", f"{ga}{r.randint(70, 2009)}"])
                return [(local + "@" + r.choice(DOMAINS), "EMAIL")]
            if suf == "wemail":
                return [(r.choice([f"{ga}.{sa}", f"{ga[0]}{sa}", f"{ga}"]) + "@" + self.cdomain, "EMAIL")]
            if suf == "url":
                return [(r.choice([f"https://www.linkedin.com/in/{ga}-{sa}-{digits(r, 3)}", f"https://{ga}{sa}.me", f"https://github.com/{ga[0]}{sa}",
                                   f"https://www.facebook.com/{ga}.{sa}.{digits(r, 2)}", f"https://instagram.com/{ga}_{sa}"]), "URL")]
            if suf == "handle":
                return [(f"{ga}.{sa}", "PERSON")]
            if suf == "cf":
                return [(codice_fiscale(p, self.dob("dob" if base == "P1" else "dob" + base[1]), r), "IT_FISCAL_CODE")]
            if suf == "nir":
                body, k = make_nir(r, p.sex, self.dob("dob" if base == "P1" else "dob" + base[1]))
                v = body + k if r.random() < 0.4 else " ".join([body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], k])
                return [(v, "FR_NIR")]
            if suf == "dea":
                return [(make_dea(r, s), "DEA_NUMBER")]
            raise KeyError(key)
        # ----- dates
        m = re.fullmatch(r"dob(\d?)", base)
        if m:
            return [(fmt_date(r, lang, c, self.dob("dob" + m.group(1)), suf or None), "DATE")]
        m = re.fullmatch(r"date(\d?)", base)
        if m:
            i = int(m.group(1) or 1) - 1
            return [(fmt_date(r, lang, c, self.care_dates[i], suf or None), "DATE")]
        # ----- addresses
        m = re.fullmatch(r"addr(\d?)", base)
        if m:
            a = self.addr("a" + m.group(1))
            if suf == "":
                return a.segments(r, False)
            if suf == "ml":
                return a.segments(r, True)
            if suf == "street":
                return [(a.street_line(), "STREET_ADDRESS")]
            if suf == "zip":
                return [(a.zip, "ZIP_CODE")]
            if suf == "city":
                return [(a.city, None)]
            if suf == "region":
                return [(a.region or a.city, None)]
            raise KeyError(key)
        # ----- contact / ids
        if base.startswith("phone"):
            cc = suf.upper() if suf else c
            return [(fmt_phone(r, cc), "PHONE")]
        if base.startswith("email"):
            return self._make("P9.email") if False else [(rand_alnum(r, 1, "abcdefghijklmnoprstvw") + r.choice(["x", "mo", "kitty", "runner", "blue", "sun", "jj", "88", "_92", ".family"]) + digits(r, r.choice([0, 2, 4])) + "@" + r.choice(DOMAINS), "EMAIL")]
        if base.startswith("mrn"):
            return [(r.choice([digits(r, 8), "E" + digits(r, 7), "M" + digits(r, 6), digits(r, 3) + "-" + digits(r, 3) + "-" + digits(r, 3),
                               "MR" + digits(r, 7), digits(r, 4) + "-" + digits(r, 4), "00" + digits(r, 7), "PID" + digits(r, 6)]), "MEDICAL_RECORD_NUMBER")]
        if base.startswith("ssn"):
            v = make_ssn(r)
            return [(v if r.random() < 0.75 else (v.replace("-", "") if r.random() < 0.5 else v.replace("-", " ")), "US_SSN")]
        if base.startswith("iban"):
            cc = suf.upper() if suf else (IBAN_CC.get(c) or r.choice(["DE", "FR", "ES", "IT", "PT", "GB", "NL"]))
            v = make_iban(r, cc)
            if r.random() < 0.6:
                v = " ".join(v[i:i + 4] for i in range(0, len(v), 4))
            return [(v, "IBAN")]
        if base.startswith("bic"):
            cc = {"UK": "GB"}.get(c, c)
            return [("".join(r.choice("ABCDEFGHIKLMNOPRSTUVWZ") for _ in range(4)) + cc + rand_alnum(r, 2, "ABCDEFGHJKLMNPRSTUVWXYZ23456789") + (r.choice(["", "XXX", rand_alnum(r, 3, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789")])), "SWIFT_BIC")]
        if base.startswith("card"):
            num, kind = make_card(r)
            sep = r.choice([" ", " ", "-", ""])
            return [(group_card(num, kind, sep) if sep else num, "CREDIT_CARD")]
        if base.startswith("acct"):
            return [(r.choice([digits(r, 10), digits(r, 12), digits(r, 8), digits(r, 4) + "-" + digits(r, 6), "00" + digits(r, 9)]), "ACCOUNT_NUMBER")]
        if base.startswith("routing"):
            return [(make_aba(r), "US_BANK_ROUTING")]
        if base.startswith("member"):
            return [(r.choice(["XEH" + digits(r, 9), "W" + digits(r, 9), "ZGP" + digits(r, 8), "U" + digits(r, 8) + "01", "H" + digits(r, 8),
                               "MBR-" + digits(r, 7), digits(r, 3) + rand_alnum(r, 3, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 5)]), "HEALTH_PLAN_ID")]
        if base == "mbi":
            return [(make_mbi(r), "HEALTH_PLAN_ID")]
        if base == "kvnr":
            return [(make_kvnr(r), "HEALTH_PLAN_ID")]
        if base == "hplan":  # local health-plan / mutuelle / utente ids
            v = {"fr": "MUT" + digits(r, 8), "es": rand_alnum(r, 4, "ABCDEFGHJKLMNPRSTVWXYZ") + digits(r, 12), "it": digits(r, 20),
                 "pt": digits(r, 9), "de": make_kvnr(r), "en": "XEH" + digits(r, 9)}[lang]
            return [(v, "HEALTH_PLAN_ID")]
        if base == "npi":
            return [(make_npi(r), "NPI")]
        if base.startswith("icd"):
            i = 1 if base == "icd2" else 0
            return [(self.cond[i][0], "ICD10_CODE")]
        if base.startswith("cond"):
            i = 1 if base == "cond2" else 0
            return [(self.cond[i][LANG_IDX[lang]], None)]
        if base == "nhs":
            v = make_nhs(r)
            return [(r.choice([v, v[:3] + " " + v[3:6] + " " + v[6:], v[:3] + "-" + v[3:6] + "-" + v[6:]]), "UK_NHS")]
        if base == "nino":
            v = make_nino(r)
            return [(v if r.random() < 0.6 else " ".join([v[:2], v[2:4], v[4:6], v[6:8], v[8]]), "UK_NINO")]
        if base == "detax":
            v = make_detax(r)
            return [(v if r.random() < 0.6 else " ".join([v[:2], v[2:5], v[5:8], v[8:]]), "DE_TAX_ID")]
        if base == "dni":
            v = make_dni(r)
            return [(v if r.random() < 0.7 else v[:-1] + "-" + v[-1], "ES_DNI")]
        if base == "bsn":
            return [(make_bsn(r), "NL_BSN")]
        if base == "passport":
            return [(r.choice([digits(r, 9), rand_alnum(r, 1, "ACEFHJKLMNPRSTUVWXYZ") + digits(r, 8)]), "US_PASSPORT")]
        if base == "dl":
            return [(r.choice(["D" + digits(r, 7), digits(r, 3) + " " + digits(r, 3) + " " + digits(r, 3), digits(r, 8),
                               rand_alnum(r, 1, "ABCDEFGHJKLMNPRSTW") + digits(r, 3) + "-" + digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 3) + "-" + digits(r, 1),
                               rand_alnum(r, 1, "ABCDEFGHJKLMNPRSTW") + digits(r, 3) + "-" + digits(r, 4) + "-" + digits(r, 4)]), "US_DRIVER_LICENSE")]
        if base == "vin":
            return [(make_vin(r), "VEHICLE_ID")]
        if base == "plate":
            U = "ABCDEFGHJKLMNPRSTVWXYZ"
            v = {"US": str(r.randint(1, 9)) + rand_alnum(r, 3, U) + digits(r, 3), "UK": rand_alnum(r, 2, U) + digits(r, 2) + " " + rand_alnum(r, 3, U),
                 "DE": r.choice(["B", "M", "K", "HH", "F", "S", "L"]) + "-" + rand_alnum(r, 2, U) + " " + str(r.randint(1, 9999)),
                 "FR": rand_alnum(r, 2, U) + "-" + digits(r, 3) + "-" + rand_alnum(r, 2, U), "ES": digits(r, 4) + " " + rand_alnum(r, 3, "BCDFGHJKLMNPRSTVWXYZ"),
                 "IT": rand_alnum(r, 2, U) + " " + digits(r, 3) + " " + rand_alnum(r, 2, U), "PT": rand_alnum(r, 2, U) + "-" + digits(r, 2) + "-" + rand_alnum(r, 2, U),
                 "BR": rand_alnum(r, 3, U) + digits(r, 1) + rand_alnum(r, 1, U) + digits(r, 2)}.get(c, rand_alnum(r, 3, U) + "-" + digits(r, 4))
            return [(v, "VEHICLE_ID")]
        if base == "imei":
            return [(make_imei(r), "DEVICE_ID")]
        if base == "serial":
            return [(r.choice(["C02" + rand_alnum(r, 9, "ABCDEFGHJKLMNPQRSTVWXYZ0123456789"), "PMP-" + digits(r, 4) + "-" + digits(r, 4), "SN" + digits(r, 10),
                               "G7" + rand_alnum(r, 8, "ABCDEFGHJKLMNPQRSTVWXYZ0123456789"), "NG" + digits(r, 7) + "H"]), "DEVICE_ID")]
        if base == "mac":
            return [(":".join("%02x" % r.randint(0, 255) for _ in range(6)), "DEVICE_ID")]
        if base == "ip":
            return [("%d.%d.%d.%d" % (r.choice([24, 31, 46, 62, 73, 77, 81, 84, 91, 98, 109, 151, 176, 185, 187, 189, 201]), r.randint(1, 254), r.randint(0, 254), r.randint(1, 254)), "IP_ADDRESS")]
        if base == "ip6":
            return [("2a02:" + ":".join("%x" % r.randint(0, 65535) for _ in range(7)), "IP_ADDRESS")]
        if base == "url":
            return [(r.choice(["https://mychart." + r.choice(["riverside", "mercyhealth", "lakeview"]) + ".org/patient/" + digits(r, 7),
                               "https://portal.northwind.health/p/" + rand_alnum(r, 10, "abcdefghijkmnpqrstuvwxyz23456789")]), "URL")]
        if base == "apikey":
            v = r.choice(["sk-proj-" + rand_alnum(r, 48), "ghp_" + rand_alnum(r, 36), "AKIA" + rand_alnum(r, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
                          "sk_live_" + rand_alnum(r, 24), "xoxb-" + digits(r, 12) + "-" + digits(r, 13) + "-" + rand_alnum(r, 24), "sk-ant-api03-" + rand_alnum(r, 86, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") + "AA"])
            return [(v, "API_KEY")]
        # ----- unlabelled vocabulary
        if base == "drug":
            return [(r.choice(DRUGS[lang]), None)]
        if base == "drug2":
            return [(r.choice(DRUGS[lang]), None)]
        if base == "freq":
            return [(r.choice(FREQ[lang]), None)]
        if base == "hosp":
            return [(r.choice(HOSPITALS[lang]), None)]
        if base == "insurer":
            return [(r.choice(INSURERS[lang]), None)]
        if base == "company":
            return [(self.company, None)]
        if base == "age":
            return [(str(r.randint(19, 94)), None)]
        if base == "amount":
            a = r.randint(12, 48000) + r.randint(0, 99) / 100
            if lang == "en":
                return [(r.choice(["$", "USD ", "£", "€"]) + f"{a:,.2f}", None)]
            s = f"{a:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
            return [(r.choice([s + " €", "EUR " + s, "€" + s] if lang != "pt" or c == "PT" else ["R$ " + s]), None)]
        if base == "claimno":
            return [(r.choice(["CLM-", "C", "EOB-", "2X", "ICN "]) + digits(r, r.randint(7, 11)), None)]
        if base == "ticket":
            return [(r.choice(["#", "INC", "CS-", "TKT-", "SR"]) + digits(r, r.randint(5, 7)), None)]
        if base == "orderno":
            return [(r.choice(["ORD-", "PO-", "#", "SO"]) + digits(r, r.randint(6, 9)), None)]
        if base == "ts":
            y, m, d = self.care_dates[0]
            return [("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, m, d, r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999)), None)]
        if base == "time":
            return [("%02d:%02d" % (r.randint(6, 22), r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])), None)]
        if base == "room":
            return [(r.choice(["4B", "12", "7W-", "ICU-", "318", "2A-"]) + str(r.randint(1, 40)), None)]
        if base == "bp":
            return [("%d/%d" % (r.randint(98, 178), r.randint(55, 104)), None)]
        if base == "hr":
            return [(str(r.randint(52, 128)), None)]
        if base == "temp":
            return [(r.choice(["36.", "37.", "38.", "39."]) + str(r.randint(0, 9)) if lang != "en" or c != "US" else r.choice(["98.", "99.", "100.", "101."]) + str(r.randint(0, 9)), None)]
        if base == "reqid":
            return [(rand_alnum(r, 8, "0123456789abcdef") + "-" + rand_alnum(r, 4, "0123456789abcdef") + "-" + rand_alnum(r, 4, "0123456789abcdef"), None)]
        if base == "n":
            return [(str(r.randint(2, 60)), None)]
        if base.startswith("ref"):
            return [(r.choice(["INV-", "RE-", "Rg. ", "FAC-", "FT "]) + str(r.randint(2024, 2026)) + "-" + digits(r, 5), None)]
        raise KeyError(key)


def render(template, ctx):
    t = expand_alts(template, ctx.rng)
    segs = []
    pos = 0
    for m in PH_RE.finditer(t):
        if m.start() > pos:
            segs.append((t[pos:m.start()], None))
        segs.extend(ctx.get(m.group(1)))
        pos = m.end()
    if pos < len(t):
        segs.append((t[pos:], None))
    return segs


# ---------------------------------------------------------------------------
# Templates: (slice, text).  Positives first, then negatives, per language.
# ---------------------------------------------------------------------------
EN_POS = [
    # --- clinical shorthand
    ("clinical", "[[P1]] «[[age]]F¦[[age]]M¦[[age]]yo» w/ hx of [[cond]] ([[icd]]) presents «c/o¦with» SOB x3d. «Vitals¦VS»: BP [[bp]], HR [[hr]]. Plan: cont [[drug]] [[freq]], f/u 2 wks."),
    ("clinical", "Saw [[P1.f]] today re [[cond]]. «Pt¦She¦He» reports adherence to [[drug]]. A1c pending. RTC «3 mo¦6 wks». DOB [[dob]]. [[icd]]"),
    ("clinical", "S: [[P1.f]] states pain 6/10, worse at night.\nO: T [[temp]], BP [[bp]]\nA: [[cond]] «([[icd]])¦- [[icd]]»\nP: [[drug]] [[freq]]; recheck «Friday¦next week». Called [[P1.f]]'s «daughter¦son¦husband¦wife» [[P2]] at [[phone]] w/ update."),
    ("clinical", "«Pt¦Patient» seen in clinic [[date]]. [[P1]] ([[dob]]) — [[cond]], stable. Refilled [[drug]]. «Next appt¦F/u» [[date2]]."),
    ("clinical", "[[P1.LF]] | MRN [[mrn]] | DOB [[dob]]\nDx: [[icd]] [[cond]]\nMeds: [[drug]], [[drug2]]\nAllergies: NKDA\nAttending: [[D1.init]]"),
    ("clinical", "Discussed imaging w/ [[D1]] «(rads)¦from radiology». [[P1.f]] [[P1.l]] to get repeat CT «in 6 wks¦before discharge». Family aware."),
    ("clinical", "ED note [[date]]: [[age]]yo brought in by EMS after fall at home ([[addr]]). «Identified as¦ID'd as» [[P1]] per wallet. Hx [[cond]]. GCS 15."),
    ("clinical", "[[P1.f]] «came in¦presented» for «annual¦wellness¦follow-up» visit [[date]]. Weight down 3 kg on [[drug]]. Labs drawn. [[P1.f]] asked about [[cond2]] screening."),
    ("clinical", "pt [[P1.lc]] seen by [[D1.l]] on rounds, «sats ok¦afebrile overnight», plan d/c tmrw if labs ok. mrn [[mrn]]"),
    ("clinical", "Addendum: lab called critical K 6.1 for [[P1]] «@¦at» [[time]]; notified [[D1]], repeat «sent¦ordered». Dx [[icd]]."),
    ("clinical", "[[P1.UC]] «[[age]] y/o¦AGE [[age]]»  DOB: [[dob]]  «ADM¦ADMIT»: [[date]]  «DX¦DIAG»: [[icd]]  «ATT¦ATTENDING»: [[D1.UC]]"),
    ("clinical", "Consult request: please see [[P1]] in «bed¦rm» [[room]] for [[cond]]. Primary team: [[D1]] (pager [[phone]]). NPI [[npi]]."),
    ("clinical", "Telehealth visit [[date]]. [[P1.f]] joined from home, «audio only¦video ok». Verified identity w/ DOB [[dob]] and address on file, [[addr]]. Discussed [[cond]]."),
    ("clinical", "Post-op day 1 s/p ORIF. [[P1]] ambulating with PT. Pain controlled on [[drug]]. Surgeon [[D1.l]] to see «this pm¦in am». [[icd]]"),
    ("clinical", "Mother [[P2]] reports [[P1.f]] (DOB [[dob]]) has had fever since [[date]], «tylenol¦ibuprofen» given. UTD on vaccines. Peds: [[D1.init]]"),
    # --- nurse handoffs
    ("handoff", "Handoff «rm¦bed» [[room]]: [[P1.f]] [[P1.l]], [[age]], [[cond]]. Q2h turns, last BG 212 at [[time]]. «Daughter¦Son» [[P2.f]] will call tonight, ok to give update ([[phone]])."),
    ("handoff", "[[room]] – [[P1]] – fall risk, bed alarm on. IV abx due [[time]]. [[P2.f]] «(wife)¦(husband)¦(partner)» at bedside. «Dr¦Dr.» [[D1.l]] aware of low UO."),
    ("handoff", "SBAR\nS: [[P1]], «admitted¦adm» [[date]] w/ [[cond]]\nB: hx [[cond2]], MRN [[mrn]]\nA: stable, pain 3/10\nR: «pls¦please» page [[D1.l]] if SBP<90"),
    ("handoff", "nights → days: [[P1.flc]] in [[room]] pulled IV again, new line placed. [[P2.flc]] in [[room]] npo after mn for scope. [[P3.flc]] d/c'd home w/ «son¦family»."),
    ("handoff", "Report to [[D1.f]]: [[P1]] and [[P2]] both on q4 neuro checks. [[P3]] transferred to step-down at [[time]]."),
    ("handoff", "«Pls¦Please» remind [[P1.f]] about her «glucose checks¦insulin», she forgets. Contact is [[P2]], [[phone]]. Code status: full."),
    ("handoff", "Charge RN [[D1.f]] — census 24. Isolation: [[P1.l]] ([[room]]), [[P2.l]] ([[room]]). 1:1 sitter for [[P3.f]] [[P3.l]]."),
    # --- prescriptions
    ("prescription", "Rx: [[drug]] #60, [[freq]], «refills: 2¦RF x3». Pt: [[P1]], DOB [[dob]]. Prescriber: [[D1]], «MD¦DO¦NP», NPI [[npi]], DEA [[D1.dea]]."),
    ("prescription", "«Please fax¦Pls fax» to pharmacy: [[drug]] [[freq]] for [[P1]] ([[dob]]), «ship to¦address»: [[addr]]. Prescriber NPI [[npi]]."),
    ("prescription", "[[D1]]\n[[addr]]\nDEA [[D1.dea]]\n\nFor: [[P1]]   Date: [[date]]\nSig: [[drug]] [[freq]] x 30d"),
    ("prescription", "refill request — [[P1.lc]] called, needs [[drug]], out since «sat¦yesterday». dob [[dob]]. cb [[phone]]"),
    ("prescription", "Prior auth for [[drug]]: member [[P1]], ID [[member]], DOB [[dob]], dx [[icd]]. Prescriber [[D1]] NPI [[npi]]."),
    ("prescription", "Pharmacy note: [[P1.f]] picked up [[drug]] for «her¦his» «mother¦father» [[P2]]. Counseled on [[freq]]. «Ins¦Insurance» [[insurer]], member id [[member]]."),
    # --- claims / EOB
    ("claims", "Claim [[claimno]] denied for [[P1]], member [[member]], DOS [[date]], «CO-97¦CO-16¦PR-204». Dx [[icd]]. Rendering NPI [[npi]]. Please draft an appeal."),
    ("claims", "Spoke with [[P1]] about the denial on [[claimno]]; «she¦he» says the service on [[date]] was preauthorized. Call back [[phone]]."),
    ("claims", "EOB\nPatient: [[P1.UC]]    Member ID: [[member]]\nProvider: [[D1.UC]]\nService date: [[date]]   Billed: [[amount]]   Allowed: [[amount]]\nDiagnosis: [[icd]]"),
    ("claims", "[[P1.f]] called back re the claim. Says the ER visit on [[date]] was an emergency, wants it reprocessed in network. «Plan¦Policy» ID [[member]]."),
    ("claims", "Medicare secondary: [[P1]], MBI [[mbi]], DOB [[dob]]. Primary paid [[amount]]. Submit to [[insurer]] «with¦w/» COB."),
    ("claims", "«Appeal letter¦Appeal» draft: I am writing on behalf of my «mother¦father¦son¦daughter», [[P1]] (member [[member]]), regarding the «denial¦rejection» of claim [[claimno]] for services on [[date]]. — [[P2]], [[phone]]"),
    ("claims", "Subscriber [[P1.LF]], SSN [[ssn]], dependent [[P2.f]] DOB [[dob2]]. Group [[company]]. COBRA election rec'd."),
    ("claims", "workers comp: injured worker [[P1]] ([[ssn]]), date of injury [[date]], employer [[company]], adjuster [[P2]] [[P2.wemail]]"),
    # --- support chat
    ("chat", "hi its [[P1.flc]], cant log in to the portal again?? dob [[dob]] «thx¦ty»"),
    ("chat", "«hello¦hey», my «mom¦dad» [[P1.lc]] got a bill for [[amount]] but «insurance¦ins» should cover it. her member id is [[member]]. can you check"),
    ("chat", "[[P1.f]] here, I moved to [[addr]], please update. phone is «still ¦now »[[phone]]"),
    ("chat", "Agent: Thanks for holding. Can I get the name on the account?\nCustomer: [[P1]]\nAgent: And the last four of the card?\nCustomer: actually here's the whole thing [[card]]"),
    ("chat", "yes [[P2.flc]] is authorized on my account, she's my «sister¦daughter¦caregiver». my email is [[P1.email]]"),
    ("chat", "«Hi¦Hello», I was charged twice. Card [[card]], name «on card¦» [[P1.UC]]. Order [[orderno]]."),
    ("chat", "can you send the «records¦results» to [[P1.email]]? «it's¦this is» for [[P1.flc]] [[P1.l]] dob [[dob]]"),
    ("chat", "my ssn is [[ssn]] and i still cant verify. name [[P1.lc]]. «pls help¦urgent»"),
    ("chat", "Customer: «need¦want» to change the direct deposit.\nCustomer: routing [[routing]] acct [[acct]]\nCustomer: name on it is [[P1]]"),
    ("chat", "ok so [[P2.flc]] said I should ask you. the appt on [[date]] got cancelled and nobody called me. [[phone]]"),
    ("chat", "«hiya¦hi», [[P1.flc]] [[P1.l]] here from [[addr.city]]. lost my «card¦member card», number was [[member]]"),
    ("chat", "User: summarize my chart\nContext: [[P1]], [[age]]F, [[cond]] ([[icd]]), last visit [[date]], PCP [[D1]]"),
    # --- emails
    ("email", "Hi [[P2.f]],\n\nQuick note: [[P1]] will cover the [[company]] account while I'm out. «Reach¦Contact» «her¦him» at [[P1.wemail]] or [[phone]].\n\nThanks,\n[[P3.f]]"),
    ("email", "«Hi team¦Hello all»,\n\n[[P1]] and [[P2]] «joined¦start» «Monday¦this week» in billing. Please add them to the distribution list.\n\n«Best¦Cheers»,\n[[P3]]\n[[company]] | [[phone]]"),
    ("email", "Dear [[D1.init]],\n\nI'm writing about my «father¦mother», [[P1]] (DOB [[dob]]), who was seen on [[date]]. Could you send the «discharge summary¦notes» to me at [[P2.email]]?\n\nKind regards,\n[[P2]]\n[[addr.ml]]"),
    ("email", "Subject: «Re: ¦Fwd: ¦»«invoice¦claim» [[claimno]]\n\n[[P1.f]] — «attached¦see attached». Let me know if the IBAN is right: [[iban]] ([[bic]]).\n\n[[P2]]"),
    ("email", "Thanks [[P1.f]]! Looping in [[P2]] ([[P2.wemail]]) who handles the «renewal¦paperwork».\n\n--\n[[P3]]\n«Senior Analyst¦Account Manager», [[company]]\n«M¦Mobile»: [[phone]]"),
    ("email", "Hi,\nPlease update my «address¦mailing address»: [[addr.ml]]\n\n«Regards¦Thanks»\n[[P1]]\nPolicy [[member]]"),
    ("email", "«Heads up¦FYI» — [[P1.f]] [[P1.l]] «is out¦will be out» sick until [[date2]], doctor's note from [[D1]] attached."),
    ("email", "[[P1]] <[[P1.email]]> wrote:\n> can we move our call? «I'm in clinic¦I have a conflict» all day.\n\nSure, «Thursday¦tomorrow» works. — [[P2.f]]"),
    ("email", "Sent from my iPhone\n\n[[P1.f]] [[P1.l]]\n[[phone]]\n\nOn «Tue¦Mon¦Wed», [[P2]] wrote: please confirm the «wire¦transfer»."),
    # --- meeting notes
    ("meeting", "Attendees: [[P1]], [[P2]], [[P3]], [[P4]]\n- budget review deferred\n- [[P2.f]] to send revised «forecast¦numbers»\n- [[P4.f]] owns vendor follow-up"),
    ("meeting", "Notes «from¦–» standup\n[[P1.f]]: blocked on the claims export\n[[P2.f]]: done with HL7 mapping\n[[P3.f]]: out «Fri¦Thu»"),
    ("meeting", "«Action items¦AIs»: [[P1.f]] & [[P2.f]] to «reconcile¦review» Q3 denials; [[P3]] to «call¦email» [[insurer]]; next sync «Tue¦Thu»."),
    ("meeting", "[[P1]] raised concerns about the «on-call¦weekend» rota. [[P2]] agreed to draft a proposal. [[P3.f]] «dissented¦abstained»."),
    ("meeting", "case review: [[P1.lc]] ([[age]]m, [[cond]]) discussed; [[D1.l]] favors surgery, [[D2.l]] prefers conservative mgmt. family ([[P2.lc]]) to be called."),
    ("meeting", "1:1 [[P1.f]] / [[P2.f]]\n- [[P1.f]] wants to move to «part-time¦4 days» from [[date]]\n- discuss w/ HR ([[P3]])"),
    # --- structured: csv / json / hl7 / logs
    ("structured", "first,last,dob,phone\n[[P1.f]],[[P1.l]],[[dob.iso]],[[phone]]\n[[P2.f]],[[P2.l]],[[dob2.iso]],[[phone2]]"),
    ("structured", "{\"subscriber\": {\"given\": \"[[P1.f]]\", \"family\": \"[[P1.l]]\", \"birth\": \"[[dob.iso]]\"}, \"member_no\": \"[[member]]\", \"plan\": \"«PPO¦HMO¦EPO»\"}"),
    ("structured", "MSH|^~\\&|ADT|[[company]]|||202«5¦6»0«1¦3»0«4¦9»1230||ADT^A01|MSG«00¦10»[[n]]|P|2.5\nPID|1||[[mrn]]^^^HOSP^MR||[[P1.hl7]]||[[dob.hl7]]|[[P1.sex]]|||[[addr.street]]^^[[addr.city]]^^[[addr.zip]]||[[phone]]"),
    ("structured", "{\"pt\":\"[[P1]]\",\"dx\":\"[[icd]]\",\"enc\":\"[[date.iso]]\",\"contact\":\"[[P1.email]]\"}"),
    ("structured", "«owner¦holder¦payee»;iban;bic\n[[P1]];[[iban]];[[bic]]\n[[P2]];[[iban2]];[[bic2]]"),
    ("structured", "[[ts]] INFO auth.login user=[[P1.email]] ip=[[ip]] result=ok"),
    ("structured", "[[ts]] WARN portal session «expired¦reset» for display_name=\"[[P1]]\" from [[ip6]]"),
    ("structured", "INSERT INTO patients (fname, lname, dob, ssn) VALUES ('[[P1.f]]', '[[P1.l]]', '[[dob.iso]]', '[[ssn]]');"),
    ("structured", "{\"a\": \"[[P1]]\", \"b\": \"[[P2]]\", \"c\": \"[[P3]]\", \"note\": \"«rota¦roster» swap «approved¦pending»\"}"),
    ("structured", "id\tnm\tsvc_dt\tamt\n[[n]]\t[[P1.UC]]\t[[date.iso]]\t[[amount]]\n[[n]]\t[[P2.UC]]\t[[date2.iso]]\t[[amount]]"),
    ("structured", "{\"kontakt\": \"[[P1]]\", \"tel\": \"[[phone]]\", \"adr\": \"[[addr.street]]\", \"plz\": \"[[addr.zip]]\"}"),
    ("structured", "caller_id=[[phone]] agent=[[P1.flc]] customer=\"[[P2]]\" disposition=«callback¦resolved»"),
    ("structured", "name,card,exp\n[[P1]],[[card]],«04/28¦11/27¦09/29»"),
    ("structured", "- who: [[P1]]\n  role: «guarantor¦emergency contact»\n  phone: \"[[phone]]\"\n- who: [[P2]]\n  role: patient\n  born: [[dob.iso]]"),
    ("structured", "<patient><n>[[P1]]</n><mrn>[[mrn]]</mrn><addr>[[addr.street]]</addr><zip>[[addr.zip]]</zip></patient>"),
    ("structured", "device=[[imei]] owner=\"[[P1]]\" last_seen_ip=[[ip]] [[ts]]"),
    ("structured", "export DB_URL=postgres://svc:[[apikey]]@db.internal:5432/claims  # [[P1.f]]'s key, rotate"),
    ("structured", "[[P1.f]],[[P1.l]],[[mrn]],[[icd]]\n[[P2.f]],[[P2.l]],[[mrn2]],[[icd2]]\n[[P3.f]],[[P3.l]],[[mrn3]],[[icd]]"),
    ("structured", "vehicle: {vin: [[vin]], plate: \"[[plate]]\", registered_to: \"[[P1]]\"}"),
    # --- HR
    ("hr", "Dear [[P1.f]],\n\nWe are pleased to offer you the position of «Billing Specialist¦Care Coordinator¦Data Analyst» at [[company]], starting [[date]]. «Please return¦Return» the signed copy to [[P2]].\n\nSincerely,\n[[P3]]\nHuman Resources"),
    ("hr", "Employee: [[P1]]\nSSN: [[ssn]]\nHome: [[addr]]\nDOB: [[dob]]\nDirect deposit: routing [[routing]], account [[acct]]"),
    ("hr", "To whom it may concern: this confirms that [[P1]] has been employed «with us¦at [[company]]» since [[date]]. Questions: [[P2]], [[P2.wemail]]."),
    ("hr", "[[P1]] is on approved FMLA leave «from¦starting» [[date]]. Manager [[P2.f]] [[P2.l]] to cover «shifts¦rota»."),
    ("hr", "Reference for [[P1.f]] [[P1.l]]: «reliable¦excellent», worked under me «3 yrs¦two years». Happy to talk — [[P2]], [[phone]]"),
    ("hr", "UK starter form: [[P1]], NI number [[nino]], «address¦addr» [[addr]], «mobile¦tel» [[phone.UK]]"),
    ("hr", "Termination checklist — [[P1.UC]] — laptop serial [[serial]] returned; badge «deactivated¦collected»; final pay to [[acct]]."),
    ("hr", "Passport on file for [[P1]]: [[passport]]; «driver's license¦DL» [[dl]]. Verify before I-9 «deadline¦cutoff»."),
    # --- banking
    ("banking", "Please wire [[amount]] to [[P1]], IBAN [[iban]], BIC [[bic]], ref [[ref]]."),
    ("banking", "«Beneficiary¦Payee»: [[P1.UC]]\nAccount: [[acct]]\nRouting: [[routing]]\nBank: [[company]]\nMemo: «rent¦tuition¦invoice [[ref]]»"),
    ("banking", "[[P1.f]] needs the refund sent to «her¦his» new account [[iban]] — old card [[card]] was closed."),
    ("banking", "transfer from joint acct ([[P1.f]] + [[P2.f]]) [[acct]] to savings, «pls¦please» confirm. [[P1.fi]]"),
    ("banking", "KYC: [[P1]], born [[dob]], SSN [[ssn]], «resides at¦address» [[addr]]. «Source of funds¦SoF»: salary."),
    ("banking", "Fraud alert reviewed: card [[card]] used at [[ip]] — customer [[P1]] confirms «not her¦not him¦not them». Reissue to [[addr.street]], [[addr.zip]]."),
    ("banking", "«Zelle¦Venmo» request from [[P1.lc]] ([[phone]]) for [[amount]] «flagged¦held» — pls verify with [[P2.lc]]"),
    ("banking", "Loan file: applicants [[P1]] and [[P2]]; «vehicle¦collateral» VIN [[vin]]; «DL¦license» [[dl]]."),
    ("banking", "Standing order for [[P1]]: [[amount]] monthly to [[P2]] ([[iban]]). Sort code/acct on file ([[acct]])."),
    ("banking", "API test with live creds, sorry: key [[apikey]], customer [[P1.email]], card [[card]]"),
    ("clinical", "NHS no. [[nhs]]. [[P1]] referred by GP [[D1]] for [[cond]]. «Lives at¦Address» [[addr]]."),
    ("clinical", "device check: CGM serial [[serial]] paired to [[P1.f]]'s phone (IMEI [[imei]]). readings uploaded [[date]]."),
    ("email", "[[P1.f]],\n«see¦pls see» below from [[P2.f]] at [[insurer]] re [[P3]]'s «case¦file». [[P3.f]]'s number is [[phone]].\n[[P4.f]]"),
    ("chat", "Hi I'm «writing for¦helping» [[P1]] — [[P1.f]] doesn't speak English well. Address [[addr]], DOB [[dob]]"),
    ("meeting", "Interview panel «Thu¦Friday»: [[P1]], [[P2]]. Candidates: [[P3]] («10am¦9:30»), [[P4]] («2pm¦11:00»)."),
    ("structured", "{\"recipient\": \"[[P1.LF]]\", \"addressLine1\": \"[[addr.street]]\", \"postal\": \"[[addr.zip]]\", \"city\": \"[[addr.city]]\"}"),
    ("structured", "[[ts]] DEBUG payment.create customer=\"[[P1]]\" pan=[[card]] status=«declined¦approved»"),
    ("claims", "Dental claim: [[P1]] ([[dob]]) treated by [[D1]] on [[date]]; member [[member]]; subscriber is «her¦his» «spouse¦parent» [[P2]]."),
    ("hr", "Netherlands payroll setup: [[P1]], BSN [[bsn]], salary to [[iban.NL]], «first day¦start date» [[date]]. «Manager¦Reports to» [[P2]]."),
    ("chat", "«fyi¦btw» my profile is [[P1.url]] if that helps verify. I'm [[P1.f]], the one who «emailed¦called» yesterday"),
    ("email", "«Best¦Warm regards¦Cheers»,\n[[P1]]\n[[P1.url]]\n[[phone]]"),
    ("clinical", "PIP form help: [[P1]], NHS number [[nhs]], NI number [[nino]], DOB [[dob]]. GP is [[D1]]."),
    ("structured", "{\"portal_link\": \"[[url]]\", \"patient\": \"[[P1]]\", \"dob\": \"[[dob.iso]]\"}"),
    ("chat", "here's the link to my results [[url]] — «can you explain them¦what does high mean»? [[P1.f]]"),
    ("hr", "I-9 docs for [[P1]]: US passport [[passport]], SSN [[ssn]]. «Start¦Hire» date [[date]]."),
    ("banking", "Auto loan payoff for [[P1]]: VIN [[vin]], plate [[plate]], «lender¦bank» acct [[acct]]."),
    ("structured", "mdm: device_mac=[[mac]] imei=[[imei]] assigned_to=\"[[P1.LF]]\" location=\"[[addr.city]]\""),
    ("clinical", "UK temp resident: [[P1.f]] [[P1.l]], NHS [[nhs]], «staying at¦address» [[addr]], «mob¦tel» [[phone.UK]]. Seen «in A&E¦at walk-in» [[date]]."),
    ("hr", "Cross-border: [[P1]] lives in Germany, Steuer-ID [[detax]], works in our «Rotterdam¦Eindhoven» office, BSN [[bsn]]."),
    ("structured", "git commit -m \"rotate key\" # old key [[apikey]] belonged to [[P1.lc]], revoked"),
    ("email", "[[P1.f]] — your «DL¦driver license» [[dl]] «expired¦expires» «soon¦this month»; the rental desk needs the new one before [[date]]. [[P2.f]]"),
]

EN_NEG = [
    ("clinical", "Summarize: «Parkinson's¦Alzheimer's¦Huntington's» disease progression is typically staged with the «Hoehn and Yahr¦Braak¦UPDRS» scale. Discuss «levodopa¦carbidopa-levodopa» timing."),
    ("clinical", "«Apgar score¦APGAR» «8 and 9¦7 and 9¦9 and 9¦6 and 8» at 1 and 5 min. Term male, NSVD, no resus needed. Vitamin K given. «Breastfeeding¦Feeding» well."),
    ("clinical", "Positive «Murphy's¦McBurney's¦Babinski» sign, negative «Homan's¦Kernig's¦Brudzinski's». Consider «Graves'¦Hashimoto's¦Cushing's» in the differential."),
    ("clinical", "De-identified vignette: a «62¦58¦71»-year-old with «Crohn's disease¦Hodgkin lymphoma¦Guillain-Barré syndrome» presents with fatigue. What is the next best step?"),
    ("clinical", "Compare «Eliquis¦Xarelto¦Pradaxa» vs warfarin for AF stroke prevention. Include CHA2DS2-VASc and HAS-BLED thresholds."),
    ("clinical", "Explain the «Glasgow Coma Scale¦Wells score¦Ottawa ankle rules¦Framingham risk score» to a new nurse, with an example for a «fictional¦hypothetical» patient."),
    ("clinical", "«Lot¦LOT» «MK4471B¦EL9261¦FA7485» of «Comirnaty¦Spikevax¦Shingrix» expires «06/2027¦2027-03¦12/2026». Store at 2–8 °C. NDC «0069-2025-10¦59267-1000-1»."),
    ("clinical", "«Heimlich¦Valsalva¦Epley» maneuver: when is it indicated and what are the contraindications? Keep it to five bullet points."),
    ("handoff", "Unit census «24¦31¦18», 3 admits pending, 2 «d/c¦discharges» before noon. Pyxis down on «4 West¦6 North» — pharmacy aware. Code cart checked at 07:00."),
    ("handoff", "Reminder: «Braden¦Morse fall» scores due every shift. «Foley¦Central line» audit Thursday. Bed «12¦4»B «out of service¦broken rail», ticket [[ticket]]."),
    ("prescription", "Drug interaction check: «Paxlovid¦clarithromycin» with «simvastatin¦amiodarone». Also «Lipitor¦Crestor» vs «Zocor¦Pravachol» dosing in CKD."),
    ("prescription", "Formulary update: «Ozempic¦Mounjaro¦Wegovy» moves to tier «3¦2» from «January 1¦Q1». «Jardiance¦Farxiga» stays tier 2. Effective for all plans."),
    ("claims", "CPT «99214¦99213¦93000» with modifier «25¦59» denied under «CO-97¦CO-16¦N130». What documentation supports medical necessity in general?"),
    ("claims", "«Blue Cross Blue Shield¦Aetna¦Cigna» policy «CP-0451¦MP-227» effective «March 1, 2025¦2025-07-01»: prior auth required for MRI of the lumbar spine."),
    ("claims", "Remittance batch [[claimno]] posted «10:42¦16:05». «124¦88» lines, «3¦5» adjustments, total [[amount]]. No patient detail in this export."),
    ("chat", "how do i reset my password on the app? it says error «0x80070005¦E-1042¦403». using «iOS 17.4¦Android 14¦Chrome 126»"),
    ("chat", "«hey¦hi» does «Medicare Part D¦the Silver plan» cover «Humira¦Dupixent¦Enbrel»? asking generally, not for a claim"),
    ("chat", "is the «Johnson & Johnson¦Pfizer¦Moderna» booster still recommended for «over 65s¦adults»? «thx¦thanks»"),
    ("chat", "«where¦what» is your office in «Victoria¦Charlotte¦Florence¦Jackson»? and are you open on «Easter Monday¦Boxing Day¦Labor Day»?"),
    ("email", "Hi all,\n\nThe «Q3¦Q4» close is «October 7¦on the 7th». Please submit «accruals¦expenses» by Friday. The new «Workday¦SAP» release («2025.2¦v4.18») goes live that weekend.\n\nFinance Ops"),
    ("email", "Team — «Wells Fargo¦Charles Schwab¦Morgan Stanley¦Goldman Sachs» changed their «ACH¦wire» cutoff to «5 pm ET¦16:00». Update the runbook. Thanks."),
    ("email", "Reminder: the «Sarbanes-Oxley¦Dodd-Frank¦HIPAA» training module is due «end of month¦by Nov 30». It takes about «40¦25» minutes."),
    ("meeting", "Agenda: 1) «Epic¦Cerner» upgrade «2025.1¦v24» 2) «Lean¦Kaizen» workshop 3) «Joint Commission¦CQC» survey prep 4) AOB"),
    ("meeting", "Decisions: go with «Salesforce Health Cloud¦ServiceNow¦Snowflake» for the pilot; budget [[amount]]; kickoff «week 14¦after the freeze»."),
    ("structured", "[[ts]] INFO build «4.12.0¦2025.10.3¦10.2.14.3» deployed to «prod¦staging» req=[[reqid]] sha=«9f2c1ab¦e41d7c0¦b77a9e3»"),
    ("structured", "{\"sku\": \"«MED-4471-BL¦SKU-88310¦GLV-N-100»\", \"lot\": \"«L2407A¦24C1193»\", \"qty\": [[n]], \"warehouse\": \"«Reno¦Memphis¦Louisville»\"}"),
    ("structured", "order_id,status,created\n[[orderno]],«shipped¦pending»,2025-0«3¦4»-1«1¦8»T09:1«2¦5»:00Z\n[[orderno]],«cancelled¦shipped»,2025-0«5¦6»-0«2¦7»T14:0«0¦3»:00Z"),
    ("structured", "# Stripe test mode\ncard: «4242 4242 4242 4242¦4000 0566 5566 5556¦5555 5555 5555 4444», exp any future date, CVC any 3 digits. Never use real cards here."),
    ("structured", "Test fixture: use «4111 1111 1111 1111¦4012888888881881¦378282246310005» for sandbox payments; the gateway rejects it in production."),
    ("structured", "MSH|^~\\&|LAB|«CENTRAL¦MAIN»|||«20250301¦20251012»0800||ORU^R01|[[n]]|T|2.5\nOBX|1|NM|2345-7^Glucose^LN||«98¦104»|mg/dL|70-99|«N¦H»"),
    ("structured", "curl -H \"Authorization: Bearer $API_TOKEN\" https://api.«example.com¦sandbox.example.org¦staging.example.net»/v«1¦2»/«claims¦payments¦eligibility»«¦?limit=50¦?page=2» # set API_TOKEN in your «env¦CI secrets», never hardcode"),
    ("structured", "version=«3.4.1¦1.0.0-rc.2¦12.7.19.4» build=[[n]] commit=«a3f9c0e¦77b12de» released «2025-09-30¦2026-01-15»"),
    ("hr", "Policy: employees accrue «1.25¦1.5» days of PTO per month. Holidays for «2026¦next year»: «New Year's Day, Memorial Day, Independence Day¦Christmas Day and Boxing Day»."),
    ("hr", "Job posting: «Billing Specialist¦Nurse Manager¦Data Engineer», «Austin¦Denver¦Remote». Requirements: «3+ years¦RN license», «Epic¦SQL». Salary [[amount]]."),
    ("banking", "Explain «Black-Scholes¦Monte Carlo¦Kelly criterion» in simple terms and how «Goldman Sachs¦JPMorgan» uses it for options pricing."),
    ("banking", "The «Fed¦ECB¦Bank of England» raised rates on «July 26, 2023¦2022-09-21». How did that affect «30-year mortgages¦HELOCs»?"),
    ("banking", "Our IBAN validator rejects the sample «GB82 WEST 1234 5698 7654 33¦DE89 3704 0044 0532 0130 01» — is the test string in the docs wrong, or is our regex?"),
    ("banking", "SWIFT MT103 field «50K¦59» vs «57A¦52A»: which holds the ordering customer? Just explain the spec, no real data."),
    ("email", "History note: «Florence Nightingale¦Ignaz Semmelweis¦Louis Pasteur¦Alexander Fleming» «changed¦transformed» «hospital hygiene¦infection control¦microbiology» in the «1850s¦1840s¦1860s¦1920s». Draft a poster blurb."),
    ("clinical", "«Marie Curie¦Wilhelm Röntgen¦Robert Koch¦Edward Jenner» won recognition for «radioactivity¦X-rays¦tuberculosis¦smallpox vaccination» research. Write two sentences for a waiting-room display."),
    ("meeting", "Offsite at the «Mayo Clinic¦Cleveland Clinic¦Johns Hopkins» campus «next quarter¦in spring». Topics: «Kaplan-Meier¦Cox regression» refresher, «Jira¦Confluence» cleanup."),
    ("chat", "«alexa¦siri» keeps ordering «Tylenol¦Advil» on my account lol. how do i turn off voice purchasing"),
]

DE_POS = [
    ("clinical", "[[P1]], «[[age]] J.¦[[age]]-jährig», Aufnahme am [[date]] mit [[cond]] ([[icd]]). Vorerkrankungen: [[cond2]]. Medikation: [[drug]] [[freq]]. OA [[D1.l]] informiert."),
    ("clinical", "Pat. stellt sich «heute¦am [[date]]» vor. [[P1.f]] berichtet über Schwindel seit 3 Tagen. RR [[bp]], HF [[hr]]. Diagnose [[icd]]. Kontrolle in 2 Wochen."),
    ("clinical", "Arztbrief\n\nSehr geehrte Frau Kollegin [[D1.l]],\nwir berichten über «Ihre Patientin¦Ihren Patienten» [[P1]], geb. [[dob]], wohnhaft [[addr]], die vom [[date]] bis [[date2]] stationär behandelt wurde."),
    ("clinical", "[[P1.UC]]  *[[dob]]  Fall-Nr. [[mrn]]  KK: [[insurer]]  Vers.-Nr. [[kvnr]]  Dx: [[icd]]"),
    ("handoff", "Übergabe Zi. [[room]]: [[P1.f]] [[P1.l]], [[cond]], mobil mit Rollator. Tochter [[P2.f]] ruft abends an ([[phone]]). BZ um [[time]] 180."),
    ("handoff", "[[P1.l]] und [[P2.l]] heute Nacht unruhig, [[P3.f]] hat ab [[time]] geschlafen. «Dr.¦Frau Dr.¦Herr Dr.» [[D1.l]] weiß Bescheid."),
    ("prescription", "Rezept: [[drug]] N2, [[freq]]. Für [[P1]], geb. [[dob]], Versichertennr. [[kvnr]]. Ausgestellt von [[D1]], [[addr]]."),
    ("claims", "Widerspruch gegen Bescheid vom [[date]]: Ich, [[P1]], Vers.-Nr. [[kvnr]], widerspreche der Ablehnung der Reha. Rückruf unter [[phone]]."),
    ("claims", "Rechnung [[ref]] für [[P1]] (Behandlung am [[date]], [[icd]]) über [[amount]] — bitte Erstattung auf [[iban]]."),
    ("chat", "hallo, hier ist [[P1.flc]], ich komme nicht ins portal. geburtsdatum [[dob]], «danke¦lg»"),
    ("chat", "Guten Tag, meine Mutter [[P1]] ist umgezogen: neue Adresse [[addr]]. Tel. [[phone]]. Bitte ändern, danke! [[P2.f]]"),
    ("chat", "hab mit [[P1.flc]] gesprochen, sie schickt die unterlagen morgen. ihre mail ist [[P1.email]]"),
    ("email", "Hallo [[P1.f]],\n\nanbei die Unterlagen für [[P2]]. Die Bankverbindung lautet [[iban]], BIC [[bic]].\n\nViele Grüße\n[[P3]]\n[[company]]\nTel. [[phone]]"),
    ("email", "Liebe Kolleginnen und Kollegen,\n[[P1]] übernimmt ab [[date]] die Leitung der Abrechnung. [[P2]] geht in Elternzeit.\nBeste Grüße\n[[P3.f]]"),
    ("meeting", "Protokoll Teamsitzung\nAnwesend: [[P1]], [[P2]], [[P3]]\n- [[P1.f]] klärt die Dienstplanung\n- [[P3.f]] meldet sich bei der [[insurer]]"),
    ("structured", "Name;Vorname;Geburtsdatum;Straße;PLZ\n[[P1.l]];[[P1.f]];[[dob]];[[addr.street]];[[addr.zip]]\n[[P2.l]];[[P2.f]];[[dob2]];[[addr2.street]];[[addr2.zip]]"),
    ("structured", "{\"versicherter\": \"[[P1]]\", \"kvnr\": \"[[kvnr]]\", \"geb\": \"[[dob.iso]]\", \"arzt\": \"[[D1]]\"}"),
    ("hr", "Arbeitsvertrag zwischen [[company]] und [[P1]], wohnhaft [[addr]], geb. am [[dob]]. Steuer-ID [[detax]]. Gehalt auf [[iban]]."),
    ("hr", "Sehr geehrte«r¦» [[P1]],\nhiermit bestätigen wir Ihre Krankmeldung vom [[date]] bis [[date2]]. Ihre Ansprechpartnerin ist [[P2]] ([[P2.wemail]]).\nMit freundlichen Grüßen\n[[P3]]"),
    ("banking", "Überweisung: Empfänger [[P1.UC]], IBAN [[iban]], BIC [[bic]], Betrag [[amount]], Verwendungszweck «Miete¦Rechnung [[ref]]»."),
    ("banking", "Bitte die Lastschrift von [[P1]] stoppen, Konto [[iban]]. Kreditkarte [[card]] wurde gesperrt."),
    ("chat", "[[P1.f]] hat gestern angerufen wegen der Rechnung, wohnt jetzt in der [[addr.street]], [[addr.zip]] [[addr.city]]"),
    ("clinical", "Konsil: [[P1]] ([[dob]]) auf Station [[room]], V. a. [[cond]]. Bitte um Mitbeurteilung. [[D1]], Tel. [[phone]]"),
    ("structured", "[[ts]] INFO login benutzer=[[P1.email]] ip=[[ip]] name=\"[[P1]]\""),
    ("hr", "Personalbogen: [[P1.UC]], geb. [[dob]], Steuer-IdNr. [[detax]], «Anschrift¦Wohnort» [[addr]], Handy [[phone]]."),
    ("chat", "ich bin [[P1.f]] [[P1.l]], meine Steuer-ID ist [[detax]] — «wo¦wie» trage ich die ein?"),
]
DE_NEG = [
    ("clinical", "Erklären Sie den Unterschied zwischen «Morbus Parkinson¦Morbus Crohn¦Morbus Bechterew» und «Alzheimer-Demenz¦Colitis ulcerosa». Kurz und für Laien."),
    ("clinical", "«Apgar¦APGAR» «9/10/10¦8/9/10¦7/9/9», reifes Neugeborenes, Spontangeburt. Vitamin K gegeben, U2 am 3. Lebenstag geplant."),
    ("prescription", "Wechselwirkung «Ibuprofen¦Novalgin» mit «Marcumar¦Xarelto»? Bitte allgemein beantworten, Fachinformation Stand «03/2025¦Januar 2026»."),
    ("claims", "Die GOÄ-Ziffer «1¦5¦3» ist nicht neben «Ziffer 34¦Ziffer 800» abrechenbar. Welche Ausnahmen gibt es laut «Bundesärztekammer¦Kommentar»?"),
    ("email", "Hallo zusammen, das «SAP¦DATEV»-Update «2025.10¦v14.2» wird am Wochenende eingespielt. Bitte bis Freitag 16 Uhr abmelden. IT-Service"),
    ("structured", "[[ts]] WARN charge-Nr. «CH-4471-B¦L2024-119» Ware «gesperrt¦freigegeben», Lager «Kassel¦Bremen», Auftrag [[orderno]]"),
    ("banking", "Was bedeutet die «Goldene Bilanzregel¦Black-Scholes-Formel» und wie nutzt die «Deutsche Bank¦Commerzbank» das?"),
    ("meeting", "Ausflug zum «Robert Koch-Institut¦Paul-Ehrlich-Institut» geplant für «Mai¦das Frühjahr». Thema: Geschichte der Impfstoffzulassung."),
    ("chat", "gilt die test-karte «4242 4242 4242 4242¦4111 1111 1111 1111» auch im sandbox-modus von «Stripe¦Adyen»? in der doku steht nix"),
]

FR_POS = [
    ("clinical", "[[P1]], «[[age]] ans¦âgé(e) de [[age]] ans», admis(e) le [[date]] pour [[cond]] ([[icd]]). ATCD : [[cond2]]. Traitement : [[drug]] [[freq]]. Vu par [[D1.init]]."),
    ("clinical", "Consultation du [[date]]. [[P1.f]] signale des douleurs depuis une semaine. TA [[bp]], FC [[hr]]. Diagnostic [[icd]]. Revoir dans 15 jours."),
    ("clinical", "Compte rendu d'hospitalisation\nPatient(e) : [[P1.UC]], né(e) le [[dob]]\nIPP : [[mrn]]\nNIR : [[P1.nir]]\nMédecin traitant : [[D1]]"),
    ("handoff", "Transmissions ch. [[room]] : [[P1.f]] [[P1.l]], [[cond]], chute la nuit dernière. Sa fille [[P2.f]] appelle à 18h ([[phone]]). Glycémie [[time]] : 2,1 g/L."),
    ("handoff", "[[P1.f]] et [[P2.f]] à jeun pour le bloc. [[P3.l]] sortant demain, prévenir [[D1.l]]."),
    ("prescription", "Ordonnance\n[[D1]]\n[[addr]]\nTél. [[phone]]\n\n[[P1]], le [[date]]\n[[drug]], [[freq]], pendant 10 jours."),
    ("prescription", "renouvellement [[drug]] pour [[P1.lc]], née le [[dob]], mutuelle [[hplan]]"),
    ("claims", "Bonjour, je suis [[P1]], n° de sécu [[P1.nir]]. Mon remboursement du [[date]] n'est jamais arrivé sur mon compte [[iban]]."),
    ("claims", "Feuille de soins : [[P1.UC]], NIR [[P1.nir]], acte du [[date]], [[amount]], mutuelle [[insurer]] n° [[hplan]]."),
    ("chat", "bjr c [[P1.flc]], j'arrive pas à me connecter, ma date de naissance c'est [[dob]]. «merci¦mrc»"),
    ("chat", "Bonjour, ma mère [[P1]] a déménagé au [[addr]]. Son numéro : [[phone]]. Merci de mettre à jour. [[P2.f]]"),
    ("chat", "[[P1.f]] m'a dit de vous écrire, elle est joignable sur [[P1.email]]"),
    ("email", "Bonjour [[P1.f]],\n\nVoici les coordonnées bancaires de [[P2]] : IBAN [[iban]], BIC [[bic]].\n\nCordialement,\n[[P3]]\n[[company]]\n[[phone]]"),
    ("email", "Chers collègues,\n[[P1]] rejoint l'équipe facturation le [[date]]. [[P2]] part en congé maternité.\nBien à vous,\n[[P3.f]]"),
    ("meeting", "CR réunion\nPrésents : [[P1]], [[P2]], [[P3]]\n- [[P2.f]] relance la [[insurer]]\n- [[P1.f]] prépare le planning de «juillet¦l'été»"),
    ("structured", "nom;prenom;naissance;adresse;cp\n[[P1.l]];[[P1.f]];[[dob]];[[addr.street]];[[addr.zip]]\n[[P2.l]];[[P2.f]];[[dob2]];[[addr2.street]];[[addr2.zip]]"),
    ("structured", "{\"assure\": \"[[P1]]\", \"nir\": \"[[P1.nir]]\", \"tel\": \"[[phone]]\"}"),
    ("hr", "Madame, Monsieur,\nNous attestons que [[P1]], demeurant [[addr]], est employé(e) chez [[company]] depuis le [[date]].\n[[P2]], DRH"),
    ("hr", "Arrêt de travail de [[P1]] du [[date]] au [[date2]]. Contact RH : [[P2]] ([[P2.wemail]])."),
    ("banking", "Virement : bénéficiaire [[P1.UC]], IBAN [[iban]], BIC [[bic]], montant [[amount]], motif «loyer¦facture [[ref]]»."),
    ("banking", "Opposition sur la carte [[card]] de [[P1]], appelez-la au [[phone]]."),
    ("chat", "[[P1.f]] a rappelé pour le dossier, elle habite maintenant [[addr.street]], [[addr.zip]] [[addr.city]]"),
    ("clinical", "Avis demandé : [[P1]] ([[dob]]), service [[room]], suspicion de [[cond]]. [[D1]], poste [[phone]]."),
    ("structured", "[[ts]] INFO connexion utilisateur=[[P1.email]] ip=[[ip]] nom=\"[[P1]]\""),
]
FR_NEG = [
    ("clinical", "Expliquez la maladie de «Parkinson¦Crohn¦Basedow¦Charcot» à un patient, en cinq phrases simples."),
    ("clinical", "Score d'«Apgar¦APGAR» «9/10¦8/9¦7/9¦9/9», naissance à terme, voie basse. Vitamine K faite. Mise au sein précoce."),
    ("prescription", "Interaction «Doliprane¦Kardégic» et «Previscan¦Xarelto» ? Réponse générale, RCP mis à jour en «mars 2025¦2026»."),
    ("email", "Bonjour à tous, la mise à jour «Doctolib¦Sage» «v3.12¦2025.4» sera déployée ce week-end. Merci de vous déconnecter avant vendredi 17h."),
    ("structured", "[[ts]] WARN lot «FR-24-0915¦L4471C» bloqué, entrepôt «Rungis¦Lyon-Est», commande [[orderno]]"),
    ("banking", "Expliquez la formule de «Black-Scholes¦Bâle III» et son usage chez «BNP Paribas¦Société Générale»."),
    ("meeting", "Visite de l'«Institut Pasteur¦hôpital Necker» prévue au printemps. Thème : histoire de la vaccination depuis «Louis Pasteur¦Edward Jenner»."),
    ("chat", "la carte de test «4242 4242 4242 4242¦5555 5555 5555 4444» marche en mode bac à sable «Stripe¦Lyra» ? la doc ne dit rien"),
]

ES_POS = [
    ("clinical", "[[P1]], «[[age]] años¦de [[age]] a.», ingresa el [[date]] por [[cond]] ([[icd]]). AP: [[cond2]]. Tto: [[drug]] [[freq]]. Valorado por [[D1.init]]."),
    ("clinical", "Consulta [[date]]. [[P1.f]] refiere dolor desde hace una semana. TA [[bp]], FC [[hr]]. JC: [[icd]]. Control en 15 días."),
    ("clinical", "Informe de alta\nPaciente: [[P1.UC]]\nFecha de nacimiento: [[dob]]\nNHC: [[mrn]]\nDNI: [[dni]]\nMédico: [[D1]]"),
    ("handoff", "Relevo hab. [[room]]: [[P1.f]] [[P1.l]], [[cond]], se cayó anoche. Su hija [[P2.f]] llama a las 20h ([[phone]]). Glucemia [[time]]: 190."),
    ("handoff", "[[P1.f]] y [[P2.f]] en ayunas para quirófano. [[P3.l]] se va de alta mañana, avisar a [[D1.l]]."),
    ("prescription", "Receta: [[drug]], [[freq]], 10 días. Paciente [[P1]], DNI [[dni]], tarjeta sanitaria [[hplan]]. Dr./Dra. [[D1]]."),
    ("prescription", "renovar [[drug]] a [[P1.lc]], nacida el [[dob]], vive en [[addr]]"),
    ("claims", "Hola, soy [[P1]], DNI [[dni]]. El reembolso del [[date]] no ha llegado a mi cuenta [[iban]]."),
    ("claims", "Siniestro [[claimno]]: asegurado [[P1.UC]], póliza [[member]], fecha de asistencia [[date]], [[amount]], [[insurer]]."),
    ("chat", "hola soy [[P1.flc]], no puedo entrar en la app, mi fecha de nacimiento es [[dob]] «gracias¦grax»"),
    ("chat", "Buenas, mi madre [[P1]] se ha mudado a [[addr]]. Su teléfono: [[phone]]. Gracias, [[P2.f]]"),
    ("chat", "[[P1.f]] me dijo que le escribiera, su correo es [[P1.email]]"),
    ("email", "Hola [[P1.f]]:\n\nTe paso los datos bancarios de [[P2]]: IBAN [[iban]], BIC [[bic]].\n\nUn saludo,\n[[P3]]\n[[company]]\n[[phone]]"),
    ("email", "Estimados compañeros:\n[[P1]] se incorpora a facturación el [[date]]. [[P2]] inicia su baja por maternidad.\nSaludos,\n[[P3.f]]"),
    ("meeting", "Acta de reunión\nAsistentes: [[P1]], [[P2]], [[P3]]\n- [[P2.f]] llama a [[insurer]]\n- [[P1.f]] prepara los turnos de «agosto¦verano»"),
    ("structured", "apellidos;nombre;f_nac;direccion;cp\n[[P1.l]];[[P1.f]];[[dob]];[[addr.street]];[[addr.zip]]\n[[P2.l]];[[P2.f]];[[dob2]];[[addr2.street]];[[addr2.zip]]"),
    ("structured", "{\"titular\": \"[[P1]]\", \"dni\": \"[[dni]]\", \"movil\": \"[[phone]]\"}"),
    ("hr", "Por la presente certificamos que [[P1]], con DNI [[dni]] y domicilio en [[addr]], trabaja en [[company]] desde el [[date]].\n[[P2]], RR. HH."),
    ("hr", "Baja médica de [[P1]] del [[date]] al [[date2]]. Contacto RR. HH.: [[P2]] ([[P2.wemail]])."),
    ("banking", "Transferencia: beneficiario [[P1.UC]], IBAN [[iban]], BIC [[bic]], importe [[amount]], concepto «alquiler¦factura [[ref]]»."),
    ("banking", "Bloquear tarjeta [[card]] de [[P1]], llamarla al [[phone]]."),
    ("chat", "[[P1.f]] llamó por lo del expediente, ahora vive en [[addr.street]], [[addr.zip]] [[addr.city]]"),
    ("clinical", "Interconsulta: [[P1]] ([[dob]]), planta [[room]], sospecha de [[cond]]. [[D1]], ext. [[phone]]."),
    ("structured", "[[ts]] INFO acceso usuario=[[P1.email]] ip=[[ip]] nombre=\"[[P1]]\""),
]
ES_NEG = [
    ("clinical", "Explica la enfermedad de «Parkinson¦Crohn¦Alzheimer¦Chagas» a un paciente, en cinco frases sencillas."),
    ("clinical", "«Apgar¦APGAR» «9/10¦8/9¦7/9¦9/9», recién nacido a término, parto eutócico. Vitamina K administrada."),
    ("prescription", "¿Interacción entre «Nolotil¦Adiro» y «Sintrom¦Xarelto»? Respuesta general, ficha técnica de «marzo de 2025¦2026»."),
    ("email", "Hola a todos, la actualización de «SAP¦Selene» «v7.3¦2025.2» se instala el fin de semana. Cerrad sesión antes del viernes a las 17h."),
    ("structured", "[[ts]] WARN lote «ES-24-0915¦L8812B» bloqueado, almacén «Getafe¦Zaragoza», pedido [[orderno]]"),
    ("banking", "Explica «Basilea III¦la fórmula de Black-Scholes» y cómo la aplica «el Santander¦BBVA»."),
    ("meeting", "Visita al «Instituto Cajal¦Hospital Clínic» en primavera. Tema: la obra de «Santiago Ramón y Cajal¦Severo Ochoa»."),
    ("chat", "la tarjeta de prueba «4242 4242 4242 4242¦4000 0000 0000 0002» sirve en el modo sandbox de «Stripe¦Redsys»? la documentación no lo dice"),
]

IT_POS = [
    ("clinical", "[[P1]], «[[age]] anni¦di anni [[age]]», ricoverato/a il [[date]] per [[cond]] ([[icd]]). APR: [[cond2]]. Terapia: [[drug]] [[freq]]. Visto da [[D1.init]]."),
    ("clinical", "Visita del [[date]]. [[P1.f]] riferisce dolore da una settimana. PA [[bp]], FC [[hr]]. Diagnosi [[icd]]. Controllo tra 15 giorni."),
    ("clinical", "Lettera di dimissione\nPaziente: [[P1.UC]]\nNato/a il: [[dob]]\nCodice fiscale: [[P1.cf]]\nN. nosologico: [[mrn]]\nMedico: [[D1]]"),
    ("handoff", "Consegne stanza [[room]]: [[P1.f]] [[P1.l]], [[cond]], caduta stanotte. La figlia [[P2.f]] chiama alle 20 ([[phone]]). Glicemia ore [[time]]: 190."),
    ("handoff", "[[P1.f]] e [[P2.f]] a digiuno per la sala. [[P3.l]] dimesso domani, avvisare [[D1.l]]."),
    ("prescription", "Ricetta: [[drug]], [[freq]], per 10 giorni. Assistito [[P1]], CF [[P1.cf]]. Dott./Dott.ssa [[D1]]."),
    ("prescription", "rinnovo [[drug]] per [[P1.lc]], nata il [[dob]], residente in [[addr]]"),
    ("claims", "Buongiorno, sono [[P1]], codice fiscale [[P1.cf]]. Il rimborso del [[date]] non è mai arrivato sul conto [[iban]]."),
    ("claims", "Sinistro [[claimno]]: assicurato [[P1.UC]], polizza [[member]], prestazione del [[date]], [[amount]], [[insurer]]."),
    ("chat", "ciao sono [[P1.flc]], non riesco ad accedere, data di nascita [[dob]] «grazie¦grz»"),
    ("chat", "Buongiorno, mia madre [[P1]] si è trasferita in [[addr]]. Telefono: [[phone]]. Grazie, [[P2.f]]"),
    ("chat", "[[P1.f]] mi ha detto di scriverle, la sua mail è [[P1.email]]"),
    ("email", "Ciao [[P1.f]],\n\nti giro le coordinate bancarie di [[P2]]: IBAN [[iban]], BIC [[bic]].\n\nCordiali saluti,\n[[P3]]\n[[company]]\n[[phone]]"),
    ("email", "Gentili colleghi,\n[[P1]] entra nell'ufficio fatturazione dal [[date]]. [[P2]] va in maternità.\nUn saluto,\n[[P3.f]]"),
    ("meeting", "Verbale riunione\nPresenti: [[P1]], [[P2]], [[P3]]\n- [[P2.f]] sente [[insurer]]\n- [[P1.f]] prepara i turni di «agosto¦Natale»"),
    ("structured", "cognome;nome;data_nascita;indirizzo;cap\n[[P1.l]];[[P1.f]];[[dob]];[[addr.street]];[[addr.zip]]\n[[P2.l]];[[P2.f]];[[dob2]];[[addr2.street]];[[addr2.zip]]"),
    ("structured", "{\"assistito\": \"[[P1]]\", \"cf\": \"[[P1.cf]]\", \"cell\": \"[[phone]]\"}"),
    ("hr", "Si attesta che [[P1]], residente in [[addr]], codice fiscale [[P1.cf]], è dipendente di [[company]] dal [[date]].\n[[P2]], Ufficio Personale"),
    ("hr", "Malattia di [[P1]] dal [[date]] al [[date2]]. Referente HR: [[P2]] ([[P2.wemail]])."),
    ("banking", "Bonifico: beneficiario [[P1.UC]], IBAN [[iban]], BIC [[bic]], importo [[amount]], causale «affitto¦fattura [[ref]]»."),
    ("banking", "Bloccare la carta [[card]] di [[P1]], richiamarla al [[phone]]."),
    ("chat", "[[P1.f]] ha richiamato per la pratica, ora abita in [[addr.street]], [[addr.zip]] [[addr.city]]"),
    ("clinical", "Consulenza: [[P1]] ([[dob]]), reparto [[room]], sospetta [[cond]]. [[D1]], interno [[phone]]."),
    ("structured", "[[ts]] INFO accesso utente=[[P1.email]] ip=[[ip]] nome=\"[[P1]]\""),
]
IT_NEG = [
    ("clinical", "Spiega il morbo di «Parkinson¦Crohn¦Alzheimer¦Basedow» a un paziente, in cinque frasi semplici."),
    ("clinical", "Indice di «Apgar¦APGAR» «9/10¦8/9¦7/9¦9/9», nato a termine, parto spontaneo. Vitamina K somministrata."),
    ("prescription", "Interazione tra «Tachipirina¦Cardioaspirina» e «Coumadin¦Xarelto»? Risposta generale, RCP aggiornato a «marzo 2025¦2026»."),
    ("email", "Ciao a tutti, l'aggiornamento «SAP¦TeamSystem» «v5.1¦2025.3» verrà installato nel weekend. Disconnettetevi entro venerdì alle 17."),
    ("structured", "[[ts]] WARN lotto «IT-24-0915¦L3390D» bloccato, magazzino «Bologna¦Verona», ordine [[orderno]]"),
    ("banking", "Spiega «Basilea III¦la formula di Black-Scholes» e come la usa «Intesa Sanpaolo¦UniCredit»."),
    ("meeting", "Visita al museo dedicato a «Camillo Golgi¦Rita Levi-Montalcini¦Alessandro Volta» in primavera. Tema: storia della ricerca italiana."),
    ("chat", "la carta di test «4242 4242 4242 4242¦4111 1111 1111 1111» funziona in sandbox «Stripe¦Nexi»? la documentazione non lo dice"),
]

PT_POS = [
    ("clinical", "[[P1]], «[[age]] anos¦de [[age]] anos», internado(a) em [[date]] por [[cond]] ([[icd]]). AP: [[cond2]]. Terapêutica: [[drug]] [[freq]]. Observado(a) por [[D1.init]]."),
    ("clinical", "Consulta de [[date]]. [[P1.f]] refere dor há uma semana. TA [[bp]], FC [[hr]]. Diagnóstico [[icd]]. Reavaliar em 15 dias."),
    ("clinical", "Nota de alta\nDoente: [[P1.UC]]\nData de nascimento: [[dob]]\nN.º processo: [[mrn]]\nN.º utente: [[hplan]]\nMédico: [[D1]]"),
    ("handoff", "Passagem de turno quarto [[room]]: [[P1.f]] [[P1.l]], [[cond]], caiu esta noite. A filha [[P2.f]] liga às 20h ([[phone]]). Glicemia às [[time]]: 190."),
    ("handoff", "[[P1.f]] e [[P2.f]] em jejum para o bloco. [[P3.l]] tem alta amanhã, avisar [[D1.l]]."),
    ("prescription", "Receita: [[drug]], [[freq]], durante 10 dias. Utente [[P1]], n.º [[hplan]]. [[D1]]."),
    ("prescription", "renovar [[drug]] para [[P1.lc]], nascida em [[dob]], morada [[addr]]"),
    ("claims", "Bom dia, sou [[P1]]. O reembolso de [[date]] nunca chegou à minha conta [[iban]]."),
    ("claims", "Sinistro [[claimno]]: segurado [[P1.UC]], apólice [[member]], data do atendimento [[date]], [[amount]], [[insurer]]."),
    ("chat", "oi aqui é [[P1.flc]], não consigo entrar no app, data de nascimento [[dob]] «obg¦obrigada»"),
    ("chat", "Olá, a minha mãe [[P1]] mudou-se para [[addr]]. Telefone: [[phone]]. Obrigado, [[P2.f]]"),
    ("chat", "[[P1.f]] pediu para escrever para vocês, o e-mail dela é [[P1.email]]"),
    ("email", "Olá [[P1.f]],\n\nSeguem os dados bancários de [[P2]]: IBAN [[iban]], BIC [[bic]].\n\nCumprimentos,\n[[P3]]\n[[company]]\n[[phone]]"),
    ("email", "Caros colegas,\n[[P1]] entra na faturação a [[date]]. [[P2]] inicia a licença de maternidade.\nAbraço,\n[[P3.f]]"),
    ("meeting", "Ata da reunião\nPresentes: [[P1]], [[P2]], [[P3]]\n- [[P2.f]] contacta a [[insurer]]\n- [[P1.f]] prepara as escalas de «agosto¦Natal»"),
    ("structured", "apelido;nome;data_nasc;morada;codigo_postal\n[[P1.l]];[[P1.f]];[[dob]];[[addr.street]];[[addr.zip]]\n[[P2.l]];[[P2.f]];[[dob2]];[[addr2.street]];[[addr2.zip]]"),
    ("structured", "{\"beneficiario\": \"[[P1]]\", \"utente\": \"[[hplan]]\", \"telemovel\": \"[[phone]]\"}"),
    ("hr", "Declara-se que [[P1]], residente em [[addr]], é colaborador(a) da [[company]] desde [[date]].\n[[P2]], Recursos Humanos"),
    ("hr", "Baixa médica de [[P1]] de [[date]] a [[date2]]. Contacto RH: [[P2]] ([[P2.wemail]])."),
    ("banking", "Transferência: beneficiário [[P1.UC]], IBAN [[iban]], BIC [[bic]], montante [[amount]], descritivo «renda¦fatura [[ref]]»."),
    ("banking", "Cancelar o cartão [[card]] de [[P1]], ligar-lhe para [[phone]]."),
    ("chat", "[[P1.f]] ligou por causa do processo, agora mora na [[addr.street]], [[addr.zip]] [[addr.city]]"),
    ("clinical", "Pedido de colaboração: [[P1]] ([[dob]]), enfermaria [[room]], suspeita de [[cond]]. [[D1]], ext. [[phone]]."),
    ("structured", "[[ts]] INFO login utilizador=[[P1.email]] ip=[[ip]] nome=\"[[P1]]\""),
]
PT_NEG = [
    ("clinical", "Explique a doença de «Parkinson¦Crohn¦Alzheimer¦Chagas» a um doente, em cinco frases simples."),
    ("clinical", "Índice de «Apgar¦APGAR» «9/10¦8/9¦7/9¦9/9», recém-nascido de termo, parto eutócico. Vitamina K administrada."),
    ("prescription", "Interação entre «Ben-u-ron¦Brufen» e «Varfine¦Xarelto»? Resposta geral, RCM atualizado em «março de 2025¦2026»."),
    ("email", "Olá a todos, a atualização do «SClínico¦SAP» «v4.2¦2025.1» será instalada no fim de semana. Terminem a sessão até sexta às 17h."),
    ("structured", "[[ts]] WARN lote «PT-24-0915¦L5521E» bloqueado, armazém «Alverca¦Maia», encomenda [[orderno]]"),
    ("banking", "Explique «Basileia III¦a fórmula de Black-Scholes» e como o «Millennium BCP¦Itaú» a usa."),
    ("meeting", "Visita ao «Instituto Oswaldo Cruz¦Museu Egas Moniz» na primavera. Tema: a obra de «Oswaldo Cruz¦Egas Moniz¦Carlos Chagas»."),
    ("chat", "o cartão de teste «4242 4242 4242 4242¦5555 5555 5555 4444» funciona no sandbox da «Stripe¦Pagar.me»? a documentação não diz"),
]

TEMPLATES = {
    "en": (EN_POS, EN_NEG), "de": (DE_POS, DE_NEG), "fr": (FR_POS, FR_NEG),
    "es": (ES_POS, ES_NEG), "it": (IT_POS, IT_NEG), "pt": (PT_POS, PT_NEG),
}

EXTRA_NEG = {
"en": [
    ("hr", "Holiday calendar «2026¦next year»: «New Year's Day, MLK Day, Presidents' Day¦Good Friday, Easter Monday, Christmas Day». Office closes at 2 pm on «Christmas Eve¦the day before Thanksgiving»."),
    ("clinical", "Case for residents (de-identified): «45¦52¦67»-year-old with «Addison's disease¦Bell's palsy¦Raynaud's phenomenon», no other history. What's the workup?"),
    ("clinical", "Quick ref: «Beck Depression Inventory¦PHQ-9¦Mini-Cog¦Morse Fall Scale» cutoffs and how to document them in «Epic¦Cerner¦Meditech»."),
    ("structured", "ERROR «HL7Parser¦FhirMapper» line «412¦87»: segment «PV1¦OBX» missing field «PV1-19¦OBX-5», message id «MSG00071¦Q4471» (test feed, no PHI)"),
    ("structured", "docker pull «ghcr.io/acme/claims-api:2.14.7¦registry.example.com/eligibility:1.0.3-beta» && kubectl rollout restart deploy/«claims¦eligibility»"),
    ("banking", "What's the difference between «ABA routing¦SWIFT BIC¦IBAN» and «sort code¦BSB¦CLABE»? Show the format with X's, no real numbers."),
    ("banking", "Summarize «Berkshire Hathaway¦JPMorgan Chase¦Vanguard»'s «annual letter¦Q3 earnings call» in three bullets."),
    ("claims", "«Lincoln Financial¦John Hancock¦MassMutual¦Aflac» vs «Guardian¦Principal»: which has better «disability¦dental» riders for small groups? General comparison only."),
    ("prescription", "«Tylenol¦Advil¦Aleve» vs «Excedrin¦Motrin» for «tension headache¦dental pain»: max daily dose for adults, per the label."),
    ("email", "Facilities: the «Lister¦Osler¦Nightingale¦Harvey» wing «elevators¦lifts» are out «Tuesday¦this weekend». Use the «Baker Street¦Lincoln Ave» entrance."),
    ("meeting", "Book club pick: «The Emperor of All Maladies¦The Immortal Life of Henrietta Lacks¦Being Mortal». Discussion «in March¦after the audit»."),
    ("chat", "«ok so¦hey» what does «stage 3a¦GFR 52¦A1c 6.8» mean in general? no personal info just curious"),
    ("structured", "invoice_no,amount,terms\n[[ref]],[[amount]],«net 30¦on receipt»\n[[ref2]],[[amount]],«net 45¦net 30»"),
],
"de": [
    ("hr", "Betriebsurlaub «zwischen den Jahren¦im August». Feiertage «2026¦nächstes Jahr»: «Tag der Deutschen Einheit, Allerheiligen¦Ostermontag, Pfingstmontag»."),
    ("banking", "Die Beispiel-IBAN «DE89 3704 0044 0532 0130 00¦DE02 1203 0000 0000 2020 51» aus der Doku wird von unserem Validator «abgelehnt¦akzeptiert» — warum?"),
    ("clinical", "Fallvignette (anonymisiert): «68¦74¦59»-jährige Patientin mit «Morbus Basedow¦Hashimoto-Thyreoiditis¦Morbus Addison», TSH erniedrigt. Welche Diagnostik als nächstes?"),
    ("structured", "«Version¦Build» «3.14.2¦2025.11.0¦8.0.12.1» von «KIS-Connect¦Orbis¦medatixx» freigegeben am «17.03.2025¦3. Februar 2026», Changelog: «Bugfixes¦HL7-Mapping angepasst»."),
    ("meeting", "Lesekreis: Biografie von «Rudolf Virchow¦Robert Koch¦Paul Ehrlich» — wie hat seine Arbeit die Medizin «geprägt¦verändert»? Treffen «im Herbst¦nach Ostern»."),
    ("prescription", "Lieferengpass: «Ozempic¦Salbutamol¦Amoxicillin» Charge «CH4471¦B2209X» laut «BfArM¦Hersteller» bis «Q2¦Ende März» nicht lieferbar. Alternativen?"),
    ("chat", "wo ist eure Filiale in «Paderborn¦Wiesbaden¦Charlottenburg»? habt ihr am «Pfingstmontag¦Rosenmontag» offen?"),
],
"fr": [
    ("hr", "Fermeture annuelle «du 1er au 15 août¦entre Noël et le jour de l'an». Jours fériés «2026¦de l'an prochain» : «lundi de Pâques, Ascension¦14 juillet, 15 août»."),
    ("banking", "L'IBAN d'exemple «FR76 3000 6000 0112 3456 7890 189¦FR14 2004 1010 0505 0001 3M02 606» de la doc est «rejeté¦accepté» par notre validateur, pourquoi ?"),
    ("clinical", "Vignette anonymisée : femme de «68¦74¦59» ans, maladie de «Basedow¦Hashimoto¦Horton», VS élevée. Quelle est la conduite à tenir ?"),
    ("structured", "Version «3.14.2¦2025.11.0¦8.0.12.1» de «Weda¦Hellodoc¦Crossway» publiée le «17/03/2025¦3 février 2026». Notes : «correctifs¦mapping HL7 revu»."),
    ("meeting", "Club lecture : biographie de «Claude Bernard¦René Laennec¦Marie Curie» — son apport à la médecine. Séance «à l'automne¦après Pâques»."),
    ("prescription", "Rupture de stock : «amoxicilline¦Ventoline¦Ozempic», lot «L4471¦B2209X», selon l'«ANSM¦laboratoire» jusqu'à «fin mars¦juin». Alternatives ?"),
    ("chat", "vous avez une agence à «Villeurbanne¦Saint-Denis¦Montpellier» ? ouvert le «lundi de Pentecôte¦14 juillet» ?"),
],
"es": [
    ("hr", "Cierre por vacaciones «del 1 al 15 de agosto¦entre Navidad y Reyes». Festivos «2026¦del año que viene»: «Jueves Santo, 1 de mayo¦12 de octubre, 6 de diciembre»."),
    ("banking", "El IBAN de ejemplo «ES91 2100 0418 4502 0005 1332¦ES79 2100 0813 6101 2345 6789» de la documentación «falla¦pasa» en nuestro validador, ¿por qué?"),
    ("clinical", "Caso anonimizado: mujer de «68¦74¦59» años con enfermedad de «Graves-Basedow¦Hashimoto¦Addison». ¿Siguiente paso diagnóstico?"),
    ("structured", "Versión «3.14.2¦2025.11.0¦8.0.12.1» de «Selene¦Millennium¦OMI-AP» publicada el «17/03/2025¦3 de febrero de 2026». Notas: «correcciones¦mapeo HL7»."),
    ("meeting", "Club de lectura: biografía de «Severo Ochoa¦Santiago Ramón y Cajal¦Margarita Salas» — su aportación a la ciencia. Sesión «en otoño¦tras Semana Santa»."),
    ("prescription", "Desabastecimiento de «amoxicilina¦Ventolin¦Ozempic», lote «L4471¦B2209X», según «la AEMPS¦el laboratorio» hasta «finales de marzo¦junio». ¿Alternativas?"),
    ("chat", "tenéis oficina en «Alcalá de Henares¦Getafe¦Vitoria»? abrís el «Lunes de Pascua¦Día de Andalucía»?"),
],
"it": [
    ("hr", "Chiusura aziendale «dal 10 al 24 agosto¦tra Natale e l'Epifania». Festività «2026¦del prossimo anno»: «Pasquetta, 25 aprile¦2 giugno, Ferragosto»."),
    ("banking", "L'IBAN di esempio «IT60 X054 2811 1010 0000 0123 456¦IT02 A030 6909 6061 0000 0000 000» della documentazione viene «rifiutato¦accettato» dal nostro validatore, perché?"),
    ("clinical", "Caso anonimo: donna di «68¦74¦59» anni con morbo di «Basedow¦Addison¦Hashimoto». Quale esame fare ora?"),
    ("structured", "Versione «3.14.2¦2025.11.0¦8.0.12.1» di «Ippocrate¦GPI Suite¦Medico2000» rilasciata il «17/03/2025¦3 febbraio 2026». Note: «bugfix¦mapping HL7»."),
    ("meeting", "Gruppo di lettura: biografia di «Camillo Golgi¦Rita Levi-Montalcini¦Giovanni Battista Morgagni» — il contributo alla medicina. Incontro «in autunno¦dopo Pasqua»."),
    ("prescription", "Carenza di «amoxicillina¦Ventolin¦Ozempic», lotto «L4471¦B2209X», secondo «AIFA¦l'azienda» fino a «fine marzo¦giugno». Alternative?"),
    ("chat", "avete una filiale a «Sesto San Giovanni¦Firenze¦Bergamo»? siete aperti a «Pasquetta¦Ferragosto»?"),
],
"pt": [
    ("hr", "Encerramento «de 1 a 15 de agosto¦entre o Natal e o Ano Novo». Feriados «2026¦do próximo ano»: «Sexta-feira Santa, 25 de Abril¦10 de Junho, 5 de Outubro»."),
    ("banking", "O IBAN de exemplo «PT50 0002 0123 1234 5678 9015 4¦PT50 0035 0683 0000 0000 0000 0» da documentação é «recusado¦aceite» pelo nosso validador, porquê?"),
    ("clinical", "Caso anonimizado: mulher de «68¦74¦59» anos com doença de «Graves¦Hashimoto¦Addison». Próximo passo?"),
    ("structured", "Versão «3.14.2¦2025.11.0¦8.0.12.1» do «SClínico¦PEM¦Tasy» lançada em «17/03/2025¦3 de fevereiro de 2026». Notas: «correções¦mapeamento HL7»."),
    ("meeting", "Clube de leitura: biografia de «Egas Moniz¦Oswaldo Cruz¦Carlos Chagas¦Vital Brazil» — o contributo para a medicina. Sessão «no outono¦depois da Páscoa»."),
    ("prescription", "Rutura de stock de «amoxicilina¦Ventilan¦Ozempic», lote «L4471¦B2209X», segundo «o INFARMED¦a ANVISA» até «final de março¦junho». Alternativas?"),
    ("chat", "vocês têm balcão em «Vila Nova de Gaia¦Campinas¦Florianópolis»? abrem no «Carnaval¦feriado de Tiradentes»?"),
],
}
for _l, _extra in EXTRA_NEG.items():
    TEMPLATES[_l][1].extend(_extra)


PREFIXES = {
    "en": ["Summarize this:\n", "Rewrite this more professionally:\n", "Extract the action items:\n", "Translate to Spanish:\n",
           "Draft a reply to:\n", "Fix the grammar, keep everything else:\n", "Turn this into a table:\n", "what does this mean?\n\n"],
    "de": ["Fasse das zusammen:\n", "Formuliere das höflicher:\n", "Übersetze ins Englische:\n", "Erstelle eine Tabelle daraus:\n"],
    "fr": ["Résume ce texte :\n", "Reformule plus poliment :\n", "Traduis en anglais :\n", "Fais-en un tableau :\n"],
    "es": ["Resume esto:\n", "Reescribe de forma más formal:\n", "Traduce al inglés:\n", "Hazme una tabla con esto:\n"],
    "it": ["Riassumi:\n", "Riscrivi in modo più formale:\n", "Traduci in inglese:\n", "Fammi una tabella:\n"],
    "pt": ["Resume isto:\n", "Reescreve de forma mais formal:\n", "Traduz para inglês:\n", "Faz uma tabela com isto:\n"],
}
SUFFIXES = {
    "en": ["\n\nThanks!", " Keep it short.", "\n\n(bullet points please)", "\n\nthx", " — in plain English."],
    "de": ["\n\nDanke!", " Bitte kurz.", "\n\n(in Stichpunkten)", " Danke dir."],
    "fr": ["\n\nMerci !", " Fais court.", "\n\n(en puces svp)", " Merci d'avance."],
    "es": ["\n\n¡Gracias!", " Breve, por favor.", "\n\n(en viñetas)", " Gracias de antemano."],
    "it": ["\n\nGrazie!", " Breve, per favore.", "\n\n(a punti)", " Grazie mille."],
    "pt": ["\n\nObrigado!", " Curto, por favor.", "\n\n(em tópicos)", " Obrigada desde já."],
}
TECH_PREFIXES = {
    "en": ["Why does this fail?\n", "Explain this:\n", "Convert to JSON:\n", "Is this valid?\n\n"],
    "de": ["Warum schlägt das fehl?\n", "Erklär mir das:\n", "In JSON umwandeln:\n"],
    "fr": ["Pourquoi ça plante ?\n", "Explique-moi ça :\n", "Convertis en JSON :\n"],
    "es": ["¿Por qué falla esto?\n", "Explícame esto:\n", "Pásalo a JSON:\n"],
    "it": ["Perché fallisce?\n", "Spiegami questo:\n", "Converti in JSON:\n"],
    "pt": ["Porque é que isto falha?\n", "Explica-me isto:\n", "Converte para JSON:\n"],
}
PROSE = {"clinical", "handoff", "prescription", "claims", "chat", "email", "meeting", "hr", "banking"}
KINDS = {"PERSON", "EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IBAN", "US_BANK_ROUTING", "SWIFT_BIC", "ACCOUNT_NUMBER", "IP_ADDRESS", "URL",
         "DATE", "STREET_ADDRESS", "ZIP_CODE", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "NPI", "DEA_NUMBER", "ICD10_CODE", "US_PASSPORT",
         "US_DRIVER_LICENSE", "UK_NHS", "UK_NINO", "DE_TAX_ID", "FR_NIR", "ES_DNI", "IT_FISCAL_CODE", "NL_BSN", "VEHICLE_ID", "DEVICE_ID", "API_KEY"}
WORD_RE = re.compile(r"[A-Za-zÀ-ÿ]{5,}")


def typo(rng, s):
    words = list(WORD_RE.finditer(s))
    if not words:
        return s
    m = rng.choice(words)
    w = m.group(0)
    i = rng.randint(1, len(w) - 2)
    if rng.random() < 0.5:
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    else:
        w2 = w[:i] + w[i + 1:]
    return s[:m.start()] + w2 + s[m.end():]


F_WORDS = re.compile(r"(geehrte|daughter|mother|mom|sister|wife|her|she|Tochter|Mutter|Frau|Patientin|fille|mère|née|elle|hija|madre|nacida|ella|figlia|madre|nata|filha|mãe|nascida|dela)\W*$", re.I)
M_WORDS = re.compile(r"(geehrter|son|father|dad|brother|husband|Sohn|Vater|Herr|fils|père|hijo|padre|figlio|filho|pai)\W*$", re.I)


def assign_sexes(ctx, t):
    for m in PH_RE.finditer(t):
        base = m.group(1).split(".")[0]
        if not re.fullmatch(r"[PD]\d", base) or base in ctx.people:
            continue
        before, after = t[max(0, m.start() - 14):m.start()], t[m.end():m.end() + 40]
        want = None
        if F_WORDS.search(before) or re.search(r"\b(she|her|nata|née|nacida|nascida|maternidad|maternité|maternità|maternidade|maternity)\b", after):
            want = "F"
        elif M_WORDS.search(before) or re.search(r"\b(he|his|nato|né|nacido|nascido)\b", after):
            want = "M"
        p = pick_person(ctx.rng, ctx.lang, base)
        while want and p.sex != want:
            p = pick_person(ctx.rng, ctx.lang, base)
        ctx.people[base] = p


def merge_names(segs):
    out = []
    for t, lab in segs:
        if (lab == "PERSON" and len(out) >= 2 and out[-1] == (" ", None) and out[-2][1] == "PERSON"):
            out.pop()
            prev = out.pop()
            out.append((prev[0] + " " + t, "PERSON"))
        else:
            out.append((t, lab))
    return out


def make_record(rng, lang, slice_, template, negative):
    ctx = Ctx(rng, lang)
    template = expand_alts(template, rng)
    assign_sexes(ctx, template)
    segs = merge_names(render(template, ctx))
    # record-level variation
    if rng.random() < (0.45 if negative else 0.2):
        segs.insert(0, (rng.choice(PREFIXES[lang] if slice_ in PROSE else TECH_PREFIXES[lang]), None))
    if slice_ in PROSE and rng.random() < (0.35 if negative else 0.1):
        segs.append((rng.choice(SUFFIXES[lang]), None))
    lower = (slice_ == "chat" and rng.random() < 0.3) or (slice_ in ("handoff", "meeting") and rng.random() < 0.1)
    upper = not lower and slice_ in ("clinical", "claims") and rng.random() < 0.04
    if lower:
        segs = [(t.lower(), lab) for t, lab in segs]
    elif upper:
        segs = [(t.upper(), lab) for t, lab in segs]
    if slice_ in ("chat", "email", "handoff", "meeting") and rng.random() < 0.2:
        idx = [i for i, (t, lab) in enumerate(segs) if lab is None and WORD_RE.search(t)]
        for _ in range(rng.randint(1, 3)):
            if idx:
                i = rng.choice(idx)
                segs[i] = (typo(rng, segs[i][0]), None)
    if slice_ in ("chat", "meeting") and rng.random() < 0.1:
        segs = [(t.replace("\n", " / ") if lab is None else t, lab) for t, lab in segs]
    text = ""
    spans = []
    for t, lab in segs:
        if lab:
            spans.append((lab, len(text), len(text) + len(t), t))
        text += t
    if negative:
        assert not spans, (template, spans)
    else:
        assert spans, template
    out = []
    for lab, cs, ce, val in spans:
        assert text[cs:ce] == val, (text, cs, ce, val)
        assert val == val.strip() and val, (lab, val)
        assert lab in KINDS, lab
        bs = len(text[:cs].encode("utf-8"))
        be = bs + len(val.encode("utf-8"))
        assert text.encode("utf-8")[bs:be].decode("utf-8") == val
        out.append({"entity": lab, "start": bs, "end": be})
    for a, b in zip(out, out[1:]):
        assert a["end"] <= b["start"], (text, out)
    return text, out, spans


# ---------------------------------------------------------------------------
# value checks (independent of how the values were made)
# ---------------------------------------------------------------------------
def check_value(lab, v):
    d = re.sub(r"\D", "", v)
    if lab == "CREDIT_CARD":
        assert 13 <= len(d) <= 19 and luhn_ok(d), v
    elif lab == "IBAN":
        assert iban_mod97(v.replace(" ", "")) == 1, v
    elif lab == "US_BANK_ROUTING":
        assert len(d) == 9 and sum(int(a) * b for a, b in zip(d, [3, 7, 1] * 3)) % 10 == 0, v
    elif lab == "NPI":
        assert len(d) == 10 and luhn_ok("80840" + d), v
    elif lab == "DEA_NUMBER":
        x = [int(c) for c in v[2:]]
        assert (x[0] + x[2] + x[4] + 2 * (x[1] + x[3] + x[5])) % 10 == x[6], v
    elif lab == "UK_NHS":
        c = 11 - sum(int(a) * (10 - i) for i, a in enumerate(d[:9])) % 11
        assert len(d) == 10 and (0 if c == 11 else c) == int(d[9]), v
    elif lab == "NL_BSN":
        assert (sum(int(a) * (9 - i) for i, a in enumerate(d[:8])) - int(d[8])) % 11 == 0, v
    elif lab == "FR_NIR":
        assert len(d) == 15 and 97 - int(d[:13]) % 97 == int(d[13:]), v
    elif lab == "ES_DNI":
        w = v.replace("-", "")
        n = int(str("XYZ".index(w[0])) + w[1:-1]) if w[0] in "XYZ" else int(w[:-1])
        assert "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23] == w[-1], v
    elif lab == "IT_FISCAL_CODE":
        assert len(v) == 16 and cf_check(v[:15]) == v[15], v
    elif lab == "US_SSN":
        assert len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000", v
    elif lab == "EMAIL":
        assert re.fullmatch(r"[a-z0-9._]+@[a-z0-9.-]+\.[a-z]{2,}", v), v
    elif lab == "DE_TAX_ID":
        assert len(d) == 11 and d[0] != "0", v
    elif lab == "VEHICLE_ID" and len(v) == 17:
        t = sum(VIN_MAP[c] * w for c, w in zip(v, VIN_W))
        assert v[8] == ("X" if t % 11 == 10 else str(t % 11)), v
    elif lab == "DEVICE_ID" and re.fullmatch(r"\d{15}", v):
        assert luhn_ok(v), v


EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
DATE_RE = re.compile(r"\b(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\b")


def outside_text(text, spans):
    keep = list(text)
    for _, cs, ce, _ in spans:
        for i in range(cs, ce):
            keep[i] = " "
    return "".join(keep)


def generate():
    rng = random.Random(SEED)
    records = []
    seen = set()
    for lang, n in LANG_SHARE.items():
        pos_t, neg_t = TEMPLATES[lang]
        n_neg = round(n * NEG_SHARE)
        for negative, pool, count in ((False, pos_t, n - n_neg), (True, neg_t, n_neg)):
            order = []
            while len(order) < count:
                block = list(range(len(pool)))
                rng.shuffle(block)
                order.extend(block)
            for ti in order[:count]:
                slice_, tpl = pool[ti]
                for attempt in range(200):
                    text, spans, raw = make_record(rng, lang, slice_, tpl, negative)
                    if text not in seen:
                        break
                else:
                    raise AssertionError("cannot make a new text from template %s/%d" % (lang, ti))
                seen.add(text)
                for lab, cs, ce, val in raw:
                    check_value(lab, val)
                out = outside_text(text, raw)
                assert not EMAIL_RE.search(out), (text,)
                for m in re.finditer(r"\d[\d -]{11,22}\d", out):
                    dd = re.sub(r"\D", "", m.group(0))
                    if 13 <= len(dd) <= 19 and luhn_ok(dd):
                        assert negative, text  # only documentation test cards, only in negatives
                if not negative and slice_ != "structured":
                    assert not DATE_RE.search(out), (text,)
                records.append({"lang": lang, "slice": slice_, "text": text, "spans": spans,
                                "_tpl": "%s-%s-%d" % (lang, "neg" if negative else "pos", ti)})
    rng.shuffle(records)
    for i, r in enumerate(records, 1):
        r["id"] = "blind-%04d" % i
    return records


def dump(records):
    lines = []
    for r in records:
        lines.append(json.dumps({"id": r["id"], "lang": r["lang"], "slice": r["slice"], "text": r["text"], "spans": r["spans"]}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def stats(records):
    from collections import Counter
    by_slice = Counter()
    by_lang = Counter()
    ents = Counter()
    ent_recs = Counter()
    for r in records:
        k = "neg" if not r["spans"] else "pos"
        by_slice[(r["slice"], k)] += 1
        by_lang[(r["lang"], k)] += 1
        labs = [s["entity"] for s in r["spans"]]
        ents.update(labs)
        ent_recs.update(set(labs))
    return by_slice, by_lang, ents, ent_recs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "blind.jsonl")
    recs = generate()
    data = dump(recs)
    assert len(recs) == N_RECORDS
    n_neg = sum(1 for r in recs if not r["spans"])
    assert abs(n_neg / N_RECORDS - NEG_SHARE) < 0.005, n_neg
    n_templates = sum(len(a) + len(b) for a, b in TEMPLATES.values())
    assert n_templates >= 250, n_templates
    if os.environ.get("BLIND_CHECK"):
        assert dump(generate()) == data, "not deterministic"
        with open(path, encoding="utf-8") as f:
            assert f.read() == data, "blind.jsonl differs from what gen.py makes"
        print("ok: %d records, %d negatives, %d templates" % (len(recs), n_neg, n_templates))
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    by_slice, by_lang, ents, ent_recs = stats(recs)
    used = len({r["_tpl"] for r in recs})
    print("records", len(recs), "negatives", n_neg, "templates", n_templates, "used", used)
    for s in sorted({k[0] for k in by_slice}):
        print("| %s | %d | %d | %d |" % (s, by_slice[(s, "pos")], by_slice[(s, "neg")], by_slice[(s, "pos")] + by_slice[(s, "neg")]))
    for l in LANG_SHARE:
        print("| %s | %d | %d | %d |" % (l, by_lang[(l, "pos")], by_lang[(l, "neg")], by_lang[(l, "pos")] + by_lang[(l, "neg")]))
    for e, c in ents.most_common():
        print("| %s | %d | %d |" % (e, c, ent_recs[e]))
    print("spans", sum(ents.values()))


if __name__ == "__main__":
    main()

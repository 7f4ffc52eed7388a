#!/usr/bin/env python3
"""Generate detectors/eval-fresh/fresh.jsonl: a fresh PII/PHI evaluation set.

Python 3 standard library only. Fixed seed; the output is byte-for-byte
deterministic for a given version of this file.

    python3 gen.py                 # (re)write fresh.jsonl next to this file
    FRESH_CHECK=1 python3 gen.py   # generate in memory, run the self-check,
                                   # and compare with fresh.jsonl on disk

Every name, street and city list below was written by hand for this file.
No name list, Faker provider or dataset was downloaded or used.

Labelled values are inserted through placeholders ({{role.attr}}), so every
span is known exactly at construction time; offsets are computed on the
final Python string and converted to UTF-8 byte offsets.
"""

import json
import os
import random
import re
import sys
import unicodedata

SEED = 20250917
N_TOTAL = 1200
N_NEG = 360  # 30 %
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh.jsonl")

ENTITIES = (
    "PERSON EMAIL PHONE US_SSN CREDIT_CARD IBAN US_BANK_ROUTING SWIFT_BIC "
    "ACCOUNT_NUMBER IP_ADDRESS URL DATE STREET_ADDRESS ZIP_CODE "
    "MEDICAL_RECORD_NUMBER HEALTH_PLAN_ID NPI DEA_NUMBER ICD10_CODE US_PASSPORT "
    "US_DRIVER_LICENSE UK_NHS UK_NINO DE_TAX_ID FR_NIR ES_DNI IT_FISCAL_CODE "
    "NL_BSN VEHICLE_ID DEVICE_ID API_KEY"
).split()

# ---------------------------------------------------------------------------
# Checksums (used both to generate valid identifiers and by the self-check)
# ---------------------------------------------------------------------------

def digits_of(s):
    return [int(c) for c in s if c.isdigit()]


def luhn_sum(ds):
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total


def luhn_ok(s):
    ds = digits_of(s)
    return len(ds) > 1 and luhn_sum(ds) % 10 == 0


def luhn_digit(partial):
    ds = digits_of(partial) + [0]
    return (10 - luhn_sum(ds) % 10) % 10


def iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban_check_digits(country, bban):
    return "%02d" % (98 - iban_num(bban + country + "00") % 97)


def iban_ok(s):
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", s):
        return False
    return iban_num(s[4:] + s[:4]) % 97 == 1


def aba_ok(s):
    d = digits_of(s)
    if len(d) != 9:
        return False
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def npi_ok(s):
    d = digits_of(s)
    return len(d) == 10 and luhn_ok("80840" + "".join(map(str, d)))


def dea_ok(s):
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z][A-Z9][0-9]{7}", s):
        return False
    d = [int(c) for c in s[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def nhs_ok(s):
    d = digits_of(s)
    if len(d) != 10:
        return False
    r = sum(d[i] * (10 - i) for i in range(9)) % 11
    c = 11 - r
    if c == 11:
        c = 0
    return c != 10 and c == d[9]


def bsn_ok(s):
    d = digits_of(s)
    if len(d) != 9:
        return False
    return (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0


def steuerid_check(d10):
    product = 10
    for d in d10:
        total = (d + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def steuerid_ok(s):
    d = digits_of(s)
    if len(d) != 11 or d[0] == 0:
        return False
    counts = [d[:10].count(x) for x in range(10)]
    multi = [c for c in counts if c > 1]
    if len(multi) != 1 or multi[0] > 3:
        return False
    return steuerid_check(d[:10]) == d[10]


def nir_ok(s):
    d = "".join(c for c in s if c.isdigit())
    if len(d) != 15 or d[0] not in "12":
        return False
    return 97 - int(d[:13]) % 97 == int(d[13:])


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(s):
    s = s.replace("-", "").replace(" ", "").replace(".", "").upper()
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", s)
    if not m:
        return False
    pre, num, let = m.groups()
    if pre:
        if len(num) != 7:
            return False
        num = "XYZ".index(pre).__str__() + num
    elif len(num) != 8:
        return False
    return DNI_LETTERS[int(num) % 23] == let


CF_ODD = {}
for _c, _v in zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]):
    CF_ODD[_c] = _v
for _c, _v in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]):
    CF_ODD[_c] = _v
CF_EVEN = {}
for _i, _c in enumerate("0123456789"):
    CF_EVEN[_c] = _i
for _i, _c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
    CF_EVEN[_c] = _i


def cf_check(s15):
    total = 0
    for i, c in enumerate(s15):
        total += CF_ODD[c] if i % 2 == 0 else CF_EVEN[c]
    return chr(ord("A") + total % 26)


def cf_ok(s):
    s = s.upper()
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", s):
        return False
    return cf_check(s[:15]) == s[15]


def ssn_ok(s):
    d = "".join(c for c in s if c.isdigit())
    if len(d) != 9:
        return False
    a, g, n = d[:3], d[3:5], d[5:]
    return a != "000" and a != "666" and a[0] != "9" and g != "00" and n != "0000"


NINO_BAD_FIRST = set("DFIQUV")
NINO_BAD_SECOND = set("DFIOQUV")
NINO_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino_ok(s):
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", s):
        return False
    return (s[0] not in NINO_BAD_FIRST and s[1] not in NINO_BAD_SECOND
            and s[:2] not in NINO_BAD_PREFIX)


VIN_TRANS = {}
for _c, _v in zip("ABCDEFGH", range(1, 9)):
    VIN_TRANS[_c] = _v
for _c, _v in zip("JKLMN", range(1, 6)):
    VIN_TRANS[_c] = _v
VIN_TRANS["P"] = 7
VIN_TRANS["R"] = 9
for _c, _v in zip("STUVWXYZ", range(2, 10)):
    VIN_TRANS[_c] = _v
for _i in range(10):
    VIN_TRANS[str(_i)] = _i
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    r = sum(VIN_TRANS[c] * w for c, w in zip(v, VIN_WEIGHTS)) % 11
    return "X" if r == 10 else str(r)


def vin_ok(v):
    return bool(re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v)) and vin_check(v) == v[8]


def gs1_digit(partial):
    ds = digits_of(partial)
    total = 0
    for i, d in enumerate(reversed(ds)):
        total += d * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def gs1_ok(s):
    d = "".join(c for c in s if c.isdigit())
    return gs1_digit(d[:-1]) == int(d[-1])


def kvnr_check(letter, d8):
    seq = "%02d" % (ord(letter) - 64) + d8
    total = 0
    for i, c in enumerate(seq):
        p = int(c) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return total % 10


def kvnr_ok(s):
    s = s.upper()
    return bool(re.fullmatch(r"[A-Z]\d{9}", s)) and kvnr_check(s[0], s[1:9]) == int(s[9])


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
MBI_RE = re.compile(r"[1-9][%s][%s0-9][0-9][%s][%s0-9][0-9][%s][%s][0-9][0-9]" % ((MBI_ALPHA,) * 6))


def mbi_ok(s):
    return bool(MBI_RE.fullmatch(s.replace("-", "")))


def be_check(ten):
    return int(ten) % 97 or 97


def be_bban_ok(bban):
    return be_check(bban[:10]) == int(bban[10:12])


def fr_rib_key(bank, branch, acct):
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97


ES_W = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]


def es_dc(ten):
    r = 11 - sum(int(c) * w for c, w in zip(ten, ES_W)) % 11
    return {11: 0, 10: 1}.get(r, r)


def pt_nib_check(nineteen):
    return 98 - (int(nineteen) * 100) % 97


def national_iban_ok(iban):
    """National check digits inside the BBAN, for the countries where we compute them."""
    s = iban.replace(" ", "").upper()
    c, b = s[:2], s[4:]
    if c == "BE":
        return be_bban_ok(b)
    if c == "FR":
        return fr_rib_key(b[:5], b[5:10], b[10:21]) == int(b[21:23])
    if c == "ES":
        return es_dc("00" + b[:8]) == int(b[8]) and es_dc(b[10:]) == int(b[9])
    if c == "IT":
        return _it_cin(b[1:]) == b[0]
    if c == "PT":
        return pt_nib_check(b[:19]) == int(b[19:])
    return True


def _it_cin(s22):
    total = 0
    for i, ch in enumerate(s22):
        total += CF_ODD[ch] if i % 2 == 0 else CF_EVEN[ch]
    return chr(ord("A") + total % 26)


# ---------------------------------------------------------------------------
# Names, written by hand for this file, grouped by culture.
# Each culture: male given names, female given names, surnames
# ("A/B" = male/female surname forms), name order hint.
# ---------------------------------------------------------------------------

def _L(s):
    return [x.strip() for x in s.split(",") if x.strip()]


CULTURES = {
    # West Africa
    "yoruba": (_L("Adebayo, Oluwaseun, Babatunde, Olumide, Tunde, Femi, Ayodele, Kolawole, Gbenga"),
               _L("Adeola, Folasade, Titilayo, Oluwakemi, Yetunde, Bukola, Morenike, Abiodun, Temitope"),
               _L("Adeyemi, Ogunleye, Balogun, Oyelaran, Adebisi, Akinola, Olaniyan, Ogunbiyi, Adewale, Oladipo, Fagbemi"), "gs"),
    "igbo": (_L("Chinedu, Emeka, Obinna, Ikechukwu, Chukwuemeka, Nnamdi, Uchenna, Kelechi"),
             _L("Ngozi, Chiamaka, Adaeze, Ifeoma, Nkechi, Chidinma, Obiageli, Amarachi"),
             _L("Okonkwo, Eze, Nwosu, Okafor, Obi, Chukwu, Uzoma, Onyekwere, Anyanwu, Nwachukwu, Ibekwe"), "gs"),
    "akan": (_L("Kwame, Kofi, Kwabena, Yaw, Kwesi, Kojo, Kwaku, Fiifi"),
             _L("Akosua, Ama, Abena, Efua, Adwoa, Afua, Esi, Akua"),
             _L("Mensah, Asante, Boateng, Owusu, Appiah, Agyeman, Osei, Darko, Frimpong, Quaye, Ansah, Acheampong"), "gs"),
    "senegambia": (_L("Mamadou, Ousmane, Cheikh, Abdoulaye, Modou, Lamine, Ibrahima, Babacar"),
                   _L("Aminata, Fatou, Awa, Mariama, Khady, Ndeye, Coumba, Astou"),
                   _L("Diop, Ndiaye, Fall, Sow, Diallo, Gueye, Sarr, Faye, Mbaye, Cissé, Thiam, Kane"), "gs"),
    "hausa": (_L("Abubakar, Musa, Usman, Sani, Aminu, Haruna"),
              _L("Hauwa, Zainab, Aisha, Hadiza, Binta, Rukayya"),
              _L("Bello, Danjuma, Garba, Yakubu, Lawal, Abdullahi, Sule, Mohammed"), "gs"),
    # East Africa
    "eastafrica": (_L("Tesfaye, Dawit, Baraka, Juma, Otieno, Kipchoge, Mwangi, Yohannes, Abebe"),
                   _L("Selam, Mekdes, Wanjiru, Achieng, Zawadi, Nyokabi, Tigist, Amani, Makena"),
                   _L("Bekele, Haile, Tadesse, Kamau, Odhiambo, Njoroge, Wambui, Onyango, Gebremedhin, Mutua, Kiprotich, Nakato"), "gs"),
    # South Asia
    "hindi": (_L("Arjun, Rohit, Vikram, Aditya, Rahul, Sanjay, Karan, Manoj, Ravi Shankar, Nikhil"),
              _L("Priya, Ananya, Kavya, Neha, Pooja, Sunita, Meera, Shruti, Deepika, Anjali"),
              _L("Sharma, Verma, Gupta, Agarwal, Mehta, Kapoor, Joshi, Malhotra, Chaudhary, Trivedi, Pandey, Srivastava, Bhatt"), "gs"),
    "tamil": (_L("Karthik, Senthil, Vignesh, Murugan, Arun, Prakash, Saravanan, Balaji"),
              _L("Lakshmi, Divya, Kavitha, Revathi, Meenakshi, Anitha, Sangeetha, Vaishnavi"),
              _L("Subramanian, Ramasamy, Krishnan, Venkatesan, Natarajan, Palaniappan, Raghavan, Sundaram, Annamalai, Iyer"), "gs"),
    "bengali": (_L("Arnab, Sourav, Debashis, Rahim, Tanvir, Anirban, Sabbir"),
                _L("Moumita, Sharmila, Tahmina, Rupa, Nusrat, Sreeparna, Farzana"),
                _L("Chatterjee, Banerjee, Mukherjee, Das, Ghosh, Sen, Rahman, Hossain, Bhattacharya, Chowdhury, Islam"), "gs"),
    "punjabi": (_L("Harpreet, Gurpreet, Manjit, Jaspal, Amrit, Balwinder, Ranjit"),
                _L("Simran, Navneet, Harleen, Jasleen, Manpreet, Gurleen, Rajvir"),
                _L("Sandhu, Gill, Dhillon, Grewal, Sidhu, Bains, Johal, Virk, Randhawa"), "gs"),
    "sinhala": (_L("Chaminda, Nuwan, Ruwan, Tharindu, Kasun, Lahiru"),
                _L("Dilani, Nadeesha, Sanduni, Chathurika, Ishara, Hiruni"),
                _L("Perera, Fernando, Wickramasinghe, Bandara, Gunawardena, Jayawardena, Rajapakse, Dissanayake, Silva"), "gs"),
    "urdu": (_L("Imran, Bilal, Faisal, Usman, Hamza, Zeeshan, Asad"),
             _L("Sana, Ayesha, Mahnoor, Hina, Rabia, Saima, Iqra"),
             _L("Qureshi, Siddiqui, Chaudhry, Butt, Malik, Akhtar, Sheikh, Mirza, Abbasi"), "gs"),
    # East Asia
    "chinese": (_L("Wei, Jun, Hao, Zhiwei, Jianguo, Yichen, Haoran, Zihan, Mingyu, Guoqiang"),
                _L("Xiaoling, Mei, Lihua, Yan, Jing, Xinyi, Ruoxi, Yuqing, Shuang, Huifang"),
                _L("Wang, Li, Zhang, Liu, Chen, Zhao, Huang, Zhou, Wu, Xu, Sun, Ma, Guo, Hu, Lin, He"), "east"),
    "cantonese": (_L("Ka-Wai, Siu-Ming, Chun-Kit, Wing-Hong, Tsz-Hin, Kwok-Leung"),
                  _L("Wing-Yan, Mei-Ling, Hoi-Yan, Suk-Man, Ka-Yee, Pui-Shan"),
                  _L("Chan, Wong, Leung, Cheung, Lau, Ho, Tse, Yip, Kwok, Fung, Tsang"), "east"),
    "japanese": (_L("Haruto, Takeshi, Kenji, Hiroshi, Daisuke, Yuto, Ren, Shota, Kazuki, Masato"),
                 _L("Yui, Sakura, Aiko, Haruka, Misaki, Naoko, Emi, Yumiko, Rina, Chihiro"),
                 _L("Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Inoue, Matsumoto, Shimizu"), "east"),
    "korean": (_L("Min-jun, Seo-jun, Ji-ho, Hyun-woo, Dong-hyun, Jae-won, Sung-min, Tae-yang"),
               _L("Seo-yeon, Ji-woo, Ha-eun, Min-seo, Soo-jin, Eun-ji, Yoo-na, Da-eun"),
               _L("Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin, Oh, Seo"), "east"),
    # South-East Asia
    "vietnamese": (_L("Minh, Tuan, Duc, Quang, Huy, Thanh, Khoa, Bao, Văn Hùng, Quốc Anh"),
                   _L("Linh, Huong, Thao, Lan, Ngoc, Trang, Phương, Thị Mai, Hạnh"),
                   _L("Nguyen, Tran, Le, Pham, Hoang, Phan, Vu, Dang, Bui, Do, Nguyễn, Trần, Phạm, Đặng"), "east"),
    "filipino": (_L("Jose Miguel, Rodel, Ramil, Jericho, Paolo, Mark Anthony, Jun-Jun, Rommel"),
                 _L("Maricel, Rowena, Cherry Mae, Kristine, Jocelyn, Marites, Lovely, Analyn"),
                 _L("Dela Cruz, Santos, Reyes, Bautista, Ocampo, Villanueva, Mendoza, Mercado, Manalo, Pangilinan, Macaraeg, Dimaculangan"), "gs"),
    "indonesian": (_L("Budi, Agus, Rizky, Bambang, Dimas, Eko, Hendra"),
                   _L("Siti, Dewi, Putri, Ratna, Indah, Wulan, Sri"),
                   _L("Santoso, Wijaya, Hidayat, Pratama, Kusuma, Saputra, Nugroho, Setiawan, Halim"), "gs"),
    "thai": (_L("Somchai, Anan, Chaiwat, Kittisak, Nattapong, Surasak"),
             _L("Siriporn, Malee, Kanokwan, Pornthip, Nittaya, Ratchanee"),
             _L("Srisuk, Wongsawat, Chaiyaporn, Boonmee, Thongchai, Rattanakorn, Sukjai, Phromma"), "gs"),
    # Slavic and Central/Eastern Europe
    "polish": (_L("Krzysztof, Piotr, Tomasz, Grzegorz, Łukasz, Paweł, Michał, Wojciech, Jakub"),
               _L("Agnieszka, Małgorzata, Katarzyna, Magdalena, Zofia, Joanna, Ewa, Bożena, Justyna"),
               _L("Kowalski/Kowalska, Nowak, Wiśniewski/Wiśniewska, Wójcik, Kamiński/Kamińska, Zieliński/Zielińska, "
                  "Szymański/Szymańska, Woźniak, Dąbrowski/Dąbrowska, Grabowski/Grabowska, Pawlak, Krawczyk, Jabłoński/Jabłońska"), "gs"),
    "czech": (_L("Jiří, Tomáš, Ondřej, Vojtěch, Petr, Lukáš"),
              _L("Lucie, Tereza, Kateřina, Markéta, Jana, Zuzana"),
              _L("Novák/Nováková, Dvořák/Dvořáková, Svoboda/Svobodová, Procházka/Procházková, Černý/Černá, Kučera/Kučerová, Veselý/Veselá"), "gs"),
    "eastslavic": (_L("Dmitri, Sergei, Alexei, Mykola, Oleksandr, Andriy, Igor, Vasyl, Bohdan"),
                   _L("Olga, Natalia, Svetlana, Oksana, Tetiana, Yulia, Iryna, Halyna, Lyudmila"),
                   _L("Ivanov/Ivanova, Petrenko, Kovalenko, Sokolov/Sokolova, Morozov/Morozova, Bondarenko, Tkachenko, "
                      "Volkov/Volkova, Kuznetsov/Kuznetsova, Melnyk, Hrytsenko, Savchuk, Lysenko"), "gs"),
    "southslavic": (_L("Dragan, Milan, Nikola, Goran, Zoran, Dejan, Bojan"),
                    _L("Jelena, Ivana, Milica, Snežana, Dragana, Maja"),
                    _L("Petrović, Jovanović, Nikolić, Horvat, Kovačević, Babić, Marković, Đorđević, Ilić, Stojanović"), "gs"),
    "hungarian": (_L("Zoltán, László, Gábor, Balázs, Attila"),
                  _L("Eszter, Zsófia, Katalin, Réka, Ildikó"),
                  _L("Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Farkas"), "gs"),
    "romanian": (_L("Andrei, Ionuț, Mihai, Cristian, Bogdan, Răzvan"),
                 _L("Mihaela, Ioana, Andreea, Alexandra, Roxana, Florentina"),
                 _L("Popescu, Ionescu, Dumitrescu, Constantin, Stan, Munteanu, Ciobanu, Gheorghiu"), "gs"),
    "greek": (_L("Giorgos, Dimitrios, Konstantinos, Nikos, Vasilis, Panagiotis"),
              _L("Eleni, Maria, Katerina, Despina, Sofia, Vasiliki"),
              _L("Papadopoulos/Papadopoulou, Georgiou, Konstantinidis/Konstantinidou, Papadakis/Papadaki, "
                 "Nikolaidis/Nikolaidou, Oikonomou, Alexiou, Karagiannis/Karagianni"), "gs"),
    # Middle East and North Africa
    "arabic": (_L("Mohammed, Ahmed, Omar, Youssef, Khalid, Tariq, Karim, Hassan, Mahmoud, Bilal, Anas"),
               _L("Fatima, Layla, Noor, Mariam, Huda, Rania, Salma, Yasmin, Amal, Dalia, Lina"),
               _L("Al-Sayed, Haddad, Khoury, Mansour, Nasser, El-Amin, Hamdan, Al-Rashid, Saleh, Abdelrahman, "
                  "Benali, Bouzid, El Idrissi, Al-Tamimi, Aziz, Farouk, Saadi"), "gs"),
    "persian": (_L("Dariush, Reza, Kamran, Arash, Babak, Farhad"),
                _L("Shirin, Parisa, Niloufar, Mahsa, Laleh, Roya"),
                _L("Hosseini, Rahimi, Karimi, Tehrani, Moradi, Jafari, Ahmadi, Sadeghi, Navabi"), "gs"),
    "turkish": (_L("Mehmet, Emre, Burak, Mustafa, Şükrü, Oğuz, Hakan, Serkan, Yusuf"),
                _L("Ayşe, Elif, Zeynep, Aylin, Gülşen, Büşra, Derya, Esra, Hülya"),
                _L("Yılmaz, Kaya, Demir, Şahin, Çelik, Öztürk, Aydın, Arslan, Doğan, Kılıç, Yıldız, Koç"), "gs"),
    "hebrew": (_L("Yosef, Eitan, Noam, Avi, Itai, Yonatan"),
               _L("Tamar, Shira, Noa, Yael, Michal, Orly"),
               _L("Cohen, Levi, Mizrahi, Friedman, Ben-David, Peretz, Katz, Biton, Shapiro"), "gs"),
    "caucasus": (_L("Aram, Narek, Davit, Giorgi, Levan, Tigran"),
                 _L("Anush, Lusine, Nino, Tamari, Armine, Mariam"),
                 _L("Petrosyan, Hakobyan, Grigoryan, Sargsyan, Beridze, Kapanadze, Gelashvili, Tsiklauri"), "gs"),
    # Latin America, Iberia
    "latam": (_L("José Luis, Juan Carlos, Alejandro, Mateo, Santiago, Diego, Jesús, Luis Fernando, Jhon Jairo, Wilmer, Efraín"),
              _L("María José, Guadalupe, Valentina, Camila, Ximena, Daniela, Lucía, Rosa María, Yesenia, Marisol, Itzel"),
              _L("García, Hernández, Martínez, López, González, Rodríguez, Pérez, Sánchez, Ramírez, Flores, Torres, "
                 "Rivera, Gómez, Díaz, Vargas, Castillo, Morales, Ortiz, Quispe, Mamani, Huamán, Cárdenas, Villca"), "latam"),
    "spain": (_L("Javier, Sergio, Álvaro, Pablo, Iñaki, Jordi, Xabier, Rubén, Iván, Gonzalo"),
              _L("Lucía, Carmen, Nerea, Ainhoa, Montserrat, Pilar, Itziar, Rocío, Begoña, Noelia"),
              _L("Fernández, Ruiz, Jiménez, Moreno, Muñoz, Álvarez, Romero, Navarro, Garrido, Etxeberria, Puig, "
                 "Vidal, Serrano, Molina, Ortega, Castro, Rubio, Gallego, Domínguez"), "latam"),
    "brazil": (_L("João Pedro, Gabriel, Rafael, Thiago, Luiz Henrique, Caio, Vinícius, Anderson, Wellington"),
               _L("Ana Clara, Beatriz, Juliana, Fernanda, Letícia, Thaís, Jéssica, Raíssa, Luana"),
               _L("Silva, Santos, Oliveira, Souza, Pereira, Costa, Carvalho, Almeida, Ferreira, Rodrigues, Gomes, "
                  "Ribeiro, Nascimento, Araújo, Barbosa, Cavalcanti, Moura"), "brazil"),
    "portugal": (_L("Tiago, Duarte, Gonçalo, Rui, Nuno, Henrique, Afonso"),
                 _L("Inês, Leonor, Mafalda, Beatriz, Catarina, Joana, Rita"),
                 _L("Figueiredo, Marques, Sousa, Mendes, Pinto, Teixeira, Correia, Lopes, Fonseca, Rebelo, Vieira"), "brazil"),
    # Nordic
    "nordic": (_L("Erik, Lars, Anders, Johan, Nils, Oskar, Øyvind, Bjørn, Rasmus, Søren, Juha, Mikko, Sigurður, Einar"),
               _L("Ingrid, Astrid, Sofia, Karin, Linnea, Elsa, Sigrid, Solveig, Mette, Frederikke, Aino, Päivi, Þórunn, Guðrún"),
               _L("Johansson, Lindqvist, Bergström, Nyström, Håkansson, Andersen, Kristiansen, Haugen, Sørensen, "
                  "Nielsen, Mäkinen, Virtanen, Korhonen, Järvinen, Jónsson/Jónsdóttir, Eriksen, Lund"), "gs"),
    # Pacific
    "pacific": (_L("Sione, Tavita, Sefo, Wiremu, Hemi, Tama, Viliami, Siosaia, Keoni, Kalani, Josaia, Manaia"),
                _L("Losa, Mele, Aroha, Mere, Ngaire, Lose, Ana, Leilani, Malia, Kaimana, Litia, Moana"),
                _L("Tuilagi, Fa'amausili, Leota, Faleolo, Sapolu, Te Rangi, Ngata, Parata, Tawhiri, Taufa, Fifita, "
                   "Havili, Moala, Kahananui, Kealoha, Akana, Naivalu, Tuivaga, Waqa, Vunisa"), "gs"),
    # Western Europe
    "german": (_L("Jürgen, Matthias, Stefan, Lukas, Florian, Dieter, Wolfgang, Jan-Niklas, Henrik, Maximilian, Uwe"),
               _L("Ursula, Sabine, Katharina, Anja, Lena, Birgit, Annegret, Friederike, Jana, Heike, Mareike"),
               _L("Müller, Schmidt, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Schäfer, Koch, Bauer, Richter, "
                  "Klein, Wolf, Schröder, Neumann, Zimmermann, Krüger, Hartmann, Lange, Brandt, Kühn, Vogel, Großmann"), "gs"),
    "french": (_L("Jean-Baptiste, Mathieu, Théo, Guillaume, Olivier, Rémi, François, Benoît, Loïc, Yannick"),
               _L("Émilie, Céline, Chloé, Manon, Sandrine, Hélène, Océane, Margaux, Maëlle, Élodie"),
               _L("Martin, Bernard, Dubois, Durand, Leroy, Moreau, Laurent, Lefèvre, Garnier, Faure, Rousseau, Blanc, "
                  "Guérin, Roussel, Lemaire, Fontaine, Chevalier, Girard, Bonnet, Mercier"), "gs"),
    "italian": (_L("Giuseppe, Alessandro, Lorenzo, Matteo, Francesco, Davide, Gianluca, Salvatore, Carmine, Pierpaolo"),
                _L("Giulia, Chiara, Francesca, Alessia, Federica, Martina, Rosalba, Giovanna, Ilaria, Annalisa"),
                _L("Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, "
                   "Conti, De Luca, Mancini, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Santoro, Caruso, D'Angelo, Lo Presti"), "gs"),
    "dutch": (_L("Jeroen, Sander, Bram, Thijs, Joost, Pieter, Wouter, Daan, Sjoerd, Maarten"),
              _L("Annelies, Sanne, Femke, Marieke, Lotte, Ilse, Noor, Fenna, Lieke, Anouk"),
              _L("de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, Mulder, "
                 "de Groot, Bos, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, van der Meer, Verhoeven, "
                 "Claes, Peeters, Maes, Wouters, Janssens"), "gs"),
    "anglo": (_L("Oliver, George, Harry, Callum, Declan, Seamus, Rhys, Gareth, Tyler, Brandon, DeShawn, Jamal, Will, Bill"),
              _L("Siobhan, Niamh, Aoife, Bethany, Chloe, Megan, Shanice, Latoya, Kayleigh, Hope, Grace, Joy, Faith, Rose, May"),
              _L("Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, Roberts, Walker, "
                 "Wright, Robinson, Thompson, O'Sullivan, MacLeod, Fitzgerald, McAllister, O'Brien, Baker, Young, "
                 "King, Cook, Moody, Love, Black, Freeman, Washington, Hughes, Price"), "gs"),
}

CULTURE_KEYS = list(CULTURES)

# Cultures that are locally common, by country (others are drawn too).
NATIVE = {
    "US": ["anglo", "latam", "anglo", "chinese", "korean", "vietnamese", "filipino", "hindi", "igbo", "yoruba"],
    "UK": ["anglo", "anglo", "punjabi", "urdu", "bengali", "akan", "polish", "igbo"],
    "IE": ["anglo", "anglo", "polish", "filipino"],
    "CA": ["anglo", "french", "chinese", "punjabi", "filipino", "persian"],
    "AU": ["anglo", "chinese", "greek", "vietnamese", "pacific", "italian"],
    "DE": ["german", "german", "turkish", "polish", "eastslavic", "arabic", "southslavic"],
    "AT": ["german", "german", "southslavic", "turkish"],
    "CH": ["german", "french", "italian", "portugal", "southslavic"],
    "FR": ["french", "french", "arabic", "senegambia", "portugal", "vietnamese"],
    "BE": ["dutch", "french", "arabic", "turkish", "italian"],
    "ES": ["spain", "spain", "latam", "romanian", "arabic"],
    "MX": ["latam", "latam"],
    "IT": ["italian", "italian", "romanian", "arabic", "filipino", "chinese"],
    "NL": ["dutch", "dutch", "turkish", "arabic", "indonesian", "polish"],
    "PT": ["portugal", "portugal", "brazil", "eastslavic"],
    "BR": ["brazil", "brazil", "japanese", "italian"],
    "IN": ["hindi", "tamil", "bengali", "punjabi"],
    "JP": ["japanese", "japanese", "korean", "chinese"],
    "PL": ["polish", "polish", "eastslavic"],
    "SE": ["nordic", "nordic", "arabic", "persian", "southslavic"],
    "NG": ["yoruba", "igbo", "hausa"],
    "NZ": ["anglo", "pacific", "pacific", "chinese", "hindi"],
}

# ---------------------------------------------------------------------------
# Places, written by hand: cities with postcode patterns, street names.
# Pattern: '#' digit, '@' letter (country-specific set), anything else literal.
# ---------------------------------------------------------------------------

COUNTRY_NAME = {
    "en": {"US": "USA", "UK": "United Kingdom", "IE": "Ireland", "CA": "Canada", "AU": "Australia", "NZ": "New Zealand",
           "DE": "Germany", "AT": "Austria", "CH": "Switzerland", "FR": "France", "BE": "Belgium", "ES": "Spain",
           "MX": "Mexico", "IT": "Italy", "NL": "Netherlands", "PT": "Portugal", "BR": "Brazil", "IN": "India",
           "JP": "Japan", "PL": "Poland", "SE": "Sweden", "NG": "Nigeria"},
    "de": {"DE": "Deutschland", "AT": "Österreich", "CH": "Schweiz", "FR": "Frankreich", "NL": "Niederlande",
           "PL": "Polen", "ES": "Spanien", "IT": "Italien", "UK": "Vereinigtes Königreich", "BE": "Belgien", "PT": "Portugal"},
    "fr": {"FR": "France", "BE": "Belgique", "CH": "Suisse", "DE": "Allemagne", "ES": "Espagne", "IT": "Italie",
           "PT": "Portugal", "NL": "Pays-Bas", "UK": "Royaume-Uni", "CA": "Canada"},
    "es": {"ES": "España", "MX": "México", "FR": "Francia", "DE": "Alemania", "IT": "Italia", "PT": "Portugal",
           "NL": "Países Bajos", "UK": "Reino Unido", "BE": "Bélgica", "US": "EE. UU."},
    "it": {"IT": "Italia", "CH": "Svizzera", "DE": "Germania", "FR": "Francia", "ES": "Spagna", "NL": "Paesi Bassi",
           "PT": "Portogallo", "BE": "Belgio", "AT": "Austria", "UK": "Regno Unito"},
    "nl": {"NL": "Nederland", "BE": "België", "DE": "Duitsland", "FR": "Frankrijk", "ES": "Spanje", "IT": "Italië",
           "PT": "Portugal", "UK": "Verenigd Koninkrijk", "AT": "Oostenrijk"},
    "pt": {"PT": "Portugal", "BR": "Brasil", "ES": "Espanha", "FR": "França", "DE": "Alemanha", "IT": "Itália",
           "NL": "Países Baixos", "BE": "Bélgica", "UK": "Reino Unido"},
}

CITIES = {
    "US": [("Columbus", "OH", "432##"), ("Tulsa", "OK", "741##"), ("Sacramento", "CA", "958##"), ("Fresno", "CA", "937##"),
           ("Brooklyn", "NY", "112##"), ("Rochester", "NY", "146##"), ("Houston", "TX", "770##"), ("El Paso", "TX", "799##"),
           ("Chicago", "IL", "606##"), ("Tampa", "FL", "336##"), ("Miami", "FL", "331##"), ("Atlanta", "GA", "303##"),
           ("Seattle", "WA", "981##"), ("Spokane", "WA", "992##"), ("Detroit", "MI", "482##"), ("Newark", "NJ", "071##"),
           ("Philadelphia", "PA", "191##"), ("Pittsburgh", "PA", "152##"), ("Minneapolis", "MN", "554##"),
           ("Albuquerque", "NM", "871##"), ("Boise", "ID", "837##"), ("Charlotte", "NC", "282##"),
           ("Jackson", "MS", "392##"), ("Honolulu", "HI", "968##"), ("Cleveland", "OH", "441##")],
    "UK": [("London", None, ["E8", "N16", "SE15", "SW9", "NW6", "W12", "E17", "N7"]), ("Manchester", None, ["M14", "M20", "M16"]),
           ("Leeds", None, ["LS6", "LS8", "LS11"]), ("Birmingham", None, ["B15", "B29", "B13"]), ("Glasgow", None, ["G12", "G41"]),
           ("Edinburgh", None, ["EH10", "EH6", "EH3"]), ("Cardiff", None, ["CF24", "CF11"]), ("Bristol", None, ["BS6", "BS3"]),
           ("Leicester", None, ["LE2", "LE5"]), ("Belfast", None, ["BT7", "BT9"]), ("Newcastle upon Tyne", None, ["NE6", "NE2"]),
           ("Norwich", None, ["NR2", "NR3"])],
    "IE": [("Dublin 2", None, ["D02"]), ("Dublin 4", None, ["D04"]), ("Dublin 8", None, ["D08"]), ("Cork", None, ["T12", "T23"]),
           ("Galway", None, ["H91"]), ("Limerick", None, ["V94"])],
    "CA": [("Toronto", "ON", ["M5V", "M6K", "M4C"]), ("Montréal", "QC", ["H2K", "H3T", "H2J"]), ("Vancouver", "BC", ["V5L", "V6K"]),
           ("Calgary", "AB", ["T2N", "T3E"]), ("Ottawa", "ON", ["K1S", "K2P"]), ("Halifax", "NS", ["B3H", "B3K"]),
           ("Winnipeg", "MB", ["R3M", "R2W"])],
    "AU": [("Newtown", "NSW", "2042"), ("Parramatta", "NSW", "2150"), ("Fitzroy", "VIC", "3065"), ("Brunswick", "VIC", "3056"),
           ("Fortitude Valley", "QLD", "4006"), ("Fremantle", "WA", "6160"), ("Glenelg", "SA", "5045"),
           ("Sandy Bay", "TAS", "7005"), ("Braddon", "ACT", "2612"), ("Darwin City", "NT", "0800")],
    "NZ": [("Auckland", None, "1010"), ("Ponsonby", "Auckland", "1011"), ("Wellington", None, "6011"), ("Christchurch", None, "8011"),
           ("Hamilton", None, "3204"), ("Porirua", None, "5022"), ("Manukau", "Auckland", "2104")],
    "DE": [("Berlin", None, "10###"), ("Berlin", None, "12###"), ("Hamburg", None, "22###"), ("München", None, "80###"),
           ("Köln", None, "50###"), ("Frankfurt am Main", None, "60###"), ("Leipzig", None, "04###"), ("Dresden", None, "01###"),
           ("Stuttgart", None, "70###"), ("Bremen", None, "28###"), ("Nürnberg", None, "90###"), ("Hannover", None, "30###"),
           ("Dortmund", None, "44###"), ("Freiburg im Breisgau", None, "79###"), ("Gelsenkirchen", None, "45###")],
    "AT": [("Wien", None, "VIENNA"), ("Graz", None, "80#0"), ("Linz", None, "40#0"), ("Salzburg", None, "50#0"),
           ("Innsbruck", None, "60#0"), ("Klagenfurt", None, "90#0")],
    "CH": [("Zürich", None, "80##"), ("Bern", None, "30##"), ("Basel", None, "40##"), ("Genève", None, "12##"),
           ("Lausanne", None, "10##"), ("Luzern", None, "60##"), ("Winterthur", None, "84##")],
    "FR": [("Paris", None, "PARIS"), ("Lyon", None, "6900#"), ("Marseille", None, "130##"), ("Toulouse", None, "310##"),
           ("Bordeaux", None, "330##"), ("Lille", None, "590##"), ("Strasbourg", None, "670##"), ("Nantes", None, "440##"),
           ("Montpellier", None, "340##"), ("Rennes", None, "350##"), ("Saint-Denis", None, "93200"),
           ("Villeurbanne", None, "69100"), ("Clermont-Ferrand", None, "630##")],
    "BE": [("Bruxelles", None, "10#0"), ("Antwerpen", None, "20#0"), ("Gent", None, "90#0"), ("Liège", None, "40#0"),
           ("Leuven", None, "3000"), ("Namur", None, "5000"), ("Brugge", None, "8000"), ("Charleroi", None, "6000")],
    "ES": [("Madrid", "Madrid", "280##"), ("Barcelona", "Barcelona", "080##"), ("Sevilla", "Sevilla", "410##"),
           ("Valencia", "Valencia", "460##"), ("Bilbao", "Bizkaia", "480##"), ("Zaragoza", "Zaragoza", "500##"),
           ("Málaga", "Málaga", "290##"), ("A Coruña", "A Coruña", "150##"), ("Palma", "Illes Balears", "070##"),
           ("Las Palmas de Gran Canaria", "Las Palmas", "350##"), ("Getafe", "Madrid", "289##")],
    "MX": [("Ciudad de México", "CDMX", "0####"), ("Ciudad de México", "CDMX", "1####"), ("Guadalajara", "Jal.", "44###"),
           ("Monterrey", "N.L.", "64###"), ("Puebla", "Pue.", "72###"), ("Mérida", "Yuc.", "97###")],
    "IT": [("Roma", "RM", "001##"), ("Milano", "MI", "201##"), ("Napoli", "NA", "801##"), ("Torino", "TO", "101##"),
           ("Bologna", "BO", "401##"), ("Firenze", "FI", "501##"), ("Palermo", "PA", "901##"), ("Bari", "BA", "701##"),
           ("Genova", "GE", "161##"), ("Verona", "VR", "371##"), ("Padova", "PD", "351##"), ("Catania", "CT", "951##")],
    "NL": [("Amsterdam", None, "10## @@"), ("Rotterdam", None, "30## @@"), ("Utrecht", None, "35## @@"),
           ("Den Haag", None, "25## @@"), ("Eindhoven", None, "56## @@"), ("Groningen", None, "97## @@"),
           ("Tilburg", None, "50## @@"), ("Nijmegen", None, "65## @@"), ("Leiden", None, "23## @@"), ("Zwolle", None, "80## @@")],
    "PT": [("Lisboa", None, "1###-###"), ("Porto", None, "40##-###"), ("Coimbra", None, "3000-###"), ("Braga", None, "4700-###"),
           ("Faro", None, "8000-###"), ("Setúbal", None, "2900-###"), ("Aveiro", None, "3800-###"), ("Amadora", None, "2700-###")],
    "BR": [("São Paulo", "SP", "0####-###"), ("Rio de Janeiro", "RJ", "2####-###"), ("Belo Horizonte", "MG", "30###-###"),
           ("Curitiba", "PR", "80###-###"), ("Recife", "PE", "50###-###"), ("Salvador", "BA", "40###-###"),
           ("Porto Alegre", "RS", "90###-###"), ("Fortaleza", "CE", "60###-###")],
    "IN": [("Bengaluru", "Karnataka", "560###"), ("Mumbai", "Maharashtra", "400###"), ("New Delhi", "Delhi", "110###"),
           ("Chennai", "Tamil Nadu", "600###"), ("Hyderabad", "Telangana", "500###"), ("Kolkata", "West Bengal", "700###"),
           ("Pune", "Maharashtra", "411###"), ("Jaipur", "Rajasthan", "302###")],
    "JP": [("Tokyo", "Shinjuku-ku", "160-00##"), ("Tokyo", "Shibuya-ku", "150-00##"), ("Osaka", "Kita-ku", "530-00##"),
           ("Kyoto", "Nakagyo-ku", "604-8###"), ("Sapporo", "Chuo-ku", "060-00##"), ("Fukuoka", "Chuo-ku", "810-00##"),
           ("Nagoya", "Naka-ku", "460-00##")],
    "PL": [("Warszawa", None, "0#-###"), ("Kraków", None, "3#-###"), ("Gdańsk", None, "80-###"), ("Wrocław", None, "5#-###"),
           ("Poznań", None, "6#-###"), ("Łódź", None, "9#-###")],
    "SE": [("Stockholm", None, "1## ##"), ("Göteborg", None, "4## ##"), ("Malmö", None, "2## ##"), ("Uppsala", None, "75# ##"),
           ("Umeå", None, "90# ##"), ("Lund", None, "22# ##")],
    "NG": [("Lagos", "Lagos", "1#####"), ("Abuja", "FCT", "9#####"), ("Ibadan", "Oyo", "2#####"), ("Enugu", "Enugu", "4#####"),
           ("Port Harcourt", "Rivers", "5#####"), ("Kano", "Kano", "7#####")],
}

STREETS = {
    "US": _L("Maple Ridge Dr, Willow Creek Ln, Oak Hollow Rd, Cedar St, Sycamore Ave, Birchwood Ct, Magnolia Blvd, "
             "Juniper Way, Pinecrest Dr, Lakeview Ter, Highland Ave, Sunset Blvd, Riverbend Pkwy, Prairie Wind Cir, "
             "Old Mill Rd, Chestnut St, W 14th St, E 89th St, N Broadway, S Halsted St, Martin Luther King Jr Blvd, "
             "Jefferson Ave, Lincoln Way, Cesar Chavez Ave, Kamehameha Hwy, Peachtree St NE, Fairview Ave N, Elm St"),
    "UK": _L("Cranbourne Road, Mill Lane, Acacia Avenue, Albert Terrace, Kingsley Close, St Mary's Walk, Highfield Crescent, "
             "Bramble Way, Station Road, Church Lane, Hawthorn Grove, Queen's Drive, Wellington Street, Ladybarn Lane, "
             "Victoria Park Road, Gorgie Road, Cowley Road, Lisburn Road"),
    "IE": _L("Main Street, Harcourt Terrace, Griffith Avenue, Sandymount Road, Grattan Street, Oliver Plunkett Street, "
             "Dominick Street, O'Connell Avenue"),
    "CA": _L("Queen St W, rue Sherbrooke Est, Commercial Dr, Bank St, Spring Garden Rd, boulevard Saint-Laurent, "
             "Kensington Rd NW, Danforth Ave, avenue du Mont-Royal Est, Corydon Ave"),
    "AU": _L("Wattle St, King St, Brunswick St, Jetty Rd, Hay St, Sandy Bay Rd, Lonsdale St, Church St, Mitchell St, Lonsdale St"),
    "NZ": _L("Karangahape Road, Cuba Street, Riccarton Road, Great South Road, Ponsonby Road, Victoria Street West"),
    "DE": _L("Lindenstraße, Hauptstraße, Goethestraße, Am Mühlenberg, Bahnhofstr., Schillerplatz, Kastanienallee, Im Winkel, "
             "Rosenweg, Friedrich-Ebert-Straße, Karl-Marx-Allee, Sonnenstraße, An der Alster, Eichendorffweg, Wilhelmstr., "
             "Zum Sportplatz, Ringstraße, Gartenweg"),
    "AT": _L("Mariahilfer Straße, Herrengasse, Landstraßer Hauptstraße, Getreidegasse, Annenstraße, Maria-Theresien-Straße, "
             "Favoritenstraße"),
    "CH": _L("Bahnhofstrasse, Seefeldstrasse, Kramgasse, Spalenberg, Badenerstrasse, Hertensteinstrasse, Marktgasse"),
    "CH-fr": _L("Rue de Carouge, Avenue de Cour, Rue du Rhône, Chemin des Pâquerettes"),
    "FR": _L("rue des Lilas, avenue Jean Jaurès, boulevard Voltaire, rue de la République, impasse des Tilleuls, "
             "chemin du Moulin, allée des Peupliers, place du Marché, rue Victor Hugo, quai de la Loire, cours Lafayette, "
             "rue du Faubourg Saint-Antoine, rue Pasteur, avenue de la Gare"),
    "BE": _L("Rue de la Loi, Kerkstraat, Chaussée de Wavre, Meir, Veldstraat, Rue Saint-Gilles, Boulevard d'Avroy, "
             "Naamsestraat, Steenweg op Gent"),
    "ES": _L("C/ Mayor, Calle de Alcalá, Avda. de América, Calle Sierpes, Carrer de Mallorca, Gran Vía, "
             "Paseo de la Castellana, Calle Real, Avenida de la Constitución, Calle Uría, Rúa do Franco, Calle Larios"),
    "MX": _L("Av. Insurgentes Sur, Calle Hidalgo, Av. Revolución, Calle 60, Av. Vallarta, Calzada de Tlalpan, "
             "Calle Morelos, Av. Juárez"),
    "IT": _L("Via Garibaldi, Via Roma, Corso Vittorio Emanuele II, Piazza della Repubblica, Viale dei Mille, Via delle Rose, "
             "Vicolo Stretto, Via Nazionale, Largo Augusto, Via Toledo, Via dei Fiori, Via San Francesco d'Assisi"),
    "NL": _L("Prinsengracht, Kerkstraat, Laan van Meerdervoort, Oudegracht, Stationsweg, Dorpsstraat, Molenweg, "
             "Vondelstraat, Nieuwe Binnenweg, Herengracht, Kastanjelaan, Burgemeester de Vlugtlaan"),
    "PT": _L("Rua Augusta, Av. da Liberdade, Rua de Santa Catarina, Travessa do Carmo, Rua do Almada, Largo do Rato, "
             "Avenida Fernão de Magalhães, Rua Direita, Rua da Boavista"),
    "BR": _L("Rua das Flores, Av. Paulista, Rua Augusta, Av. Sete de Setembro, Rua XV de Novembro, Travessa São José, "
             "Av. Boa Viagem, Rua da Bahia, Av. Beira Mar"),
    "PL": _L("ul. Kwiatowa, al. Jerozolimskie, ul. Długa, ul. Marszałkowska, os. Tysiąclecia, ul. Piotrkowska, ul. Ogrodowa"),
    "SE": _L("Storgatan, Drottninggatan, Kungsgatan, Vasagatan, Södra Förstadsgatan, Ringvägen, Björkvägen"),
    "NG": _L("Adeola Odeku Street, Allen Avenue, Ahmadu Bello Way, Aminu Kano Crescent, Ring Road, Ogui Road, Aba Road, "
             "Awolowo Road"),
}

IN_LINES = _L("Sai Krupa Apartments, Shanti Niketan Society, Green Glen Layout, Prestige Lakeside, Ganga Vihar, "
              "Lotus Residency, Sagar Towers")
IN_ROADS = _L("4th Cross Road, 2nd Main Road, Link Road, 100 Feet Road, Jubilee Hills Road No. 10, Lake View Road, "
              "MG Road, Station Road")
IN_LOCALITIES = _L("Indiranagar, Andheri West, Lajpat Nagar, T. Nagar, Banjara Hills, Salt Lake, Kothrud, Malviya Nagar, "
                   "Koramangala, Velachery")
JP_DISTRICTS = {  # romanized district, kanji district, kanji city+ward
    "Shinjuku-ku": [("Nishi-Shinjuku", "西新宿", "東京都新宿区"), ("Okubo", "大久保", "東京都新宿区")],
    "Shibuya-ku": [("Jingumae", "神宮前", "東京都渋谷区"), ("Ebisu", "恵比寿", "東京都渋谷区")],
    "Kita-ku": [("Nakanoshima", "中之島", "大阪府大阪市北区"), ("Umeda", "梅田", "大阪府大阪市北区")],
    "Nakagyo-ku": [("Karasuma", "烏丸", "京都府京都市中京区")],
    "Chuo-ku": [("Tenjin", "天神", "福岡県福岡市中央区"), ("Odori Nishi", "大通西", "北海道札幌市中央区")],
    "Naka-ku": [("Sakae", "栄", "愛知県名古屋市中区")],
}
MX_COLONIAS = _L("Col. Roma Norte, Col. Del Valle, Col. Centro, Col. Narvarte, Col. Americana, Col. Obispado")
BR_BAIRROS = _L("Centro, Pinheiros, Boa Viagem, Savassi, Batel, Barra, Moinhos de Vento, Meireles")
NG_AREAS = _L("Victoria Island, Ikeja, Wuse 2, Bodija, GRA, Lekki Phase 1, Surulere")

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

import datetime

DIG = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALNUM_UP = UPPER + DIG
ALNUM = "abcdefghijklmnopqrstuvwxyz" + UPPER + DIG


def rd(rng, n, first_nonzero=False):
    s = "".join(rng.choice(DIG) for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = rng.choice("123456789") + s[1:]
    return s


def rs(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def fill(rng, pat, letters="ABCDEFGHJKLMNPRSTUVWXYZ"):
    return "".join(rng.choice(DIG) if c == "#" else rng.choice(letters) if c == "@" else c for c in pat)


def group(s, sizes, sep=" "):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


def group4(s, sep=" "):
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def fold(s):
    for a, b in (("ß", "ss"), ("ø", "o"), ("Ø", "O"), ("æ", "ae"), ("Æ", "Ae"), ("Þ", "Th"), ("þ", "th"), ("ð", "d"),
                 ("Ð", "D"), ("đ", "d"), ("Đ", "D"), ("ł", "l"), ("Ł", "L"), ("ı", "i")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s, sep=""):
    s = fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", sep, s)
    return s.strip(sep) if sep else s


MONTHS = {
    "en": _L("January, February, March, April, May, June, July, August, September, October, November, December"),
    "de": _L("Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember"),
    "fr": _L("janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre"),
    "es": _L("enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre"),
    "it": _L("gennaio, febbraio, marzo, aprile, maggio, giugno, luglio, agosto, settembre, ottobre, novembre, dicembre"),
    "nl": _L("januari, februari, maart, april, mei, juni, juli, augustus, september, oktober, november, december"),
    "pt": _L("janeiro, fevereiro, março, abril, maio, junho, julho, agosto, setembro, outubro, novembro, dezembro"),
}
US_STYLE = {"US", "CA"}


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fmt_date(d, style, lang, country):
    y, m, dd = d.year, d.month, d.day
    us = lang == "en" and country in US_STYLE
    mon = MONTHS.get(lang, MONTHS["en"])[m - 1]
    if style == "mdy":
        return "%02d/%02d/%04d" % (m, dd, y)
    if style == "mdy1":
        return "%d/%d/%04d" % (m, dd, y)
    if style == "mdy2":
        return "%d/%d/%02d" % (m, dd, y % 100)
    if style == "mdyd":
        return "%02d-%02d-%04d" % (m, dd, y)
    if style == "dmy":
        return "%02d/%02d/%04d" % (dd, m, y)
    if style == "dmy1":
        return "%d/%d/%04d" % (dd, m, y)
    if style == "dmyd":
        return "%02d-%02d-%04d" % (dd, m, y)
    if style == "dmydot":
        return "%02d.%02d.%04d" % (dd, m, y)
    if style == "dmydot1":
        return "%d.%d.%04d" % (dd, m, y)
    if style == "iso":
        return "%04d-%02d-%02d" % (y, m, dd)
    if style == "compact":
        return "%04d%02d%02d" % (y, m, dd)
    if style == "dmon":
        return "%02d-%s-%04d" % (dd, MONTHS["en"][m - 1][:3], y)
    if style == "DMON":
        return "%02d%s%04d" % (dd, MONTHS["en"][m - 1][:3].upper(), y)
    if style == "ord":
        if us:
            return "%s %s, %d" % (mon, ordinal(dd), y)
        return "%s %s %d" % (ordinal(dd), mon, y)
    if style == "abbr" and lang == "en":
        if us:
            return "%s %d, %d" % (mon[:3], dd, y)
        return "%d %s %d" % (dd, mon[:3], y)
    # long
    if lang == "en":
        return "%s %d, %d" % (mon, dd, y) if us else "%d %s %d" % (dd, mon, y)
    if lang == "de":
        return "%d. %s %d" % (dd, mon, y)
    if lang == "fr":
        return "%s %s %d" % ("1er" if dd == 1 else str(dd), mon, y)
    if lang in ("es", "pt"):
        return "%d de %s de %d" % (dd, mon, y)
    return "%d %s %d" % (dd, mon, y)


DATE_POOLS = {
    ("en", "US"): "mdy mdy mdy mdy1 mdy1 mdy2 mdyd iso long long abbr ord dmon",
    ("en", "CA"): "iso iso long mdy dmy abbr",
    ("en", "*"): "dmy dmy dmy dmy1 iso long long abbr ord dmon",
    ("de", "*"): "dmydot dmydot dmydot dmydot dmydot1 dmydot1 long long iso",
    ("fr", "*"): "dmy dmy dmy dmy long long iso dmydot",
    ("es", "*"): "dmy dmy dmy dmy1 long long dmyd iso",
    ("it", "*"): "dmy dmy dmy long long dmydot dmyd",
    ("nl", "*"): "dmyd dmyd dmyd long long dmy iso",
    ("pt", "*"): "dmy dmy dmy long long dmydot iso dmyd",
}


def date_pool(lang, country):
    return (DATE_POOLS.get((lang, country)) or DATE_POOLS.get((lang, "*")) or DATE_POOLS[("en", "*")]).split()

# ---------------------------------------------------------------------------
# Clinical and business vocabulary (unlabelled context), by language.
# ---------------------------------------------------------------------------

LANGS = ["en", "de", "fr", "es", "it", "nl", "pt"]

CONDITIONS = [tuple(x.split("|")) for x in """
E11.9|type 2 diabetes mellitus|Diabetes mellitus Typ 2|diabète de type 2|diabetes mellitus tipo 2|diabete mellito di tipo 2|diabetes mellitus type 2|diabetes mellitus tipo 2
I10|essential hypertension|essentielle Hypertonie|hypertension artérielle essentielle|hipertensión arterial esencial|ipertensione essenziale|essentiële hypertensie|hipertensão arterial essencial
J45.909|asthma|Asthma bronchiale|asthme|asma bronquial|asma bronchiale|astma|asma brônquica
J18.9|community-acquired pneumonia|ambulant erworbene Pneumonie|pneumopathie communautaire|neumonía adquirida en la comunidad|polmonite acquisita in comunità|pneumonie|pneumonia adquirida na comunidade
N39.0|urinary tract infection|Harnwegsinfekt|infection urinaire|infección del tracto urinario|infezione delle vie urinarie|urineweginfectie|infeção urinária
I48.91|atrial fibrillation|Vorhofflimmern|fibrillation auriculaire|fibrilación auricular|fibrillazione atriale|atriumfibrilleren|fibrilhação auricular
I21.4|NSTEMI|NSTEMI|infarctus du myocarde sans sus-décalage du segment ST|infarto agudo de miocardio sin elevación del ST|infarto miocardico NSTEMI|NSTEMI|enfarte agudo do miocárdio sem supradesnivelamento ST
F32.1|moderate depressive episode|mittelgradige depressive Episode|épisode dépressif moyen|episodio depresivo moderado|episodio depressivo moderato|matige depressieve episode|episódio depressivo moderado
F41.1|generalized anxiety disorder|generalisierte Angststörung|trouble anxieux généralisé|trastorno de ansiedad generalizada|disturbo d'ansia generalizzato|gegeneraliseerde angststoornis|perturbação de ansiedade generalizada
M54.5|low back pain|Kreuzschmerz|lombalgie|lumbalgia|lombalgia|lage rugpijn|lombalgia
K35.80|acute appendicitis|akute Appendizitis|appendicite aiguë|apendicitis aguda|appendicite acuta|acute appendicitis|apendicite aguda
S72.0|fracture of the femoral neck|Schenkelhalsfraktur|fracture du col du fémur|fractura del cuello del fémur|frattura del collo del femore|collumfractuur|fratura do colo do fémur
N18.3|chronic kidney disease stage 3|chronische Niereninsuffizienz Stadium 3|maladie rénale chronique stade 3|enfermedad renal crónica estadio 3|malattia renale cronica stadio 3|chronische nierschade stadium 3|doença renal crónica estádio 3
E03.9|hypothyroidism|Hypothyreose|hypothyroïdie|hipotiroidismo|ipotiroidismo|hypothyreoïdie|hipotiroidismo
J44.1|COPD with acute exacerbation|COPD mit akuter Exazerbation|BPCO en exacerbation aiguë|EPOC reagudizada|BPCO riacutizzata|COPD-exacerbatie|DPOC agudizada
G40.909|epilepsy|Epilepsie|épilepsie|epilepsia|epilessia|epilepsie|epilepsia
C50.911|carcinoma of the right breast|Mammakarzinom rechts|carcinome du sein droit|carcinoma de mama derecha|carcinoma della mammella destra|mammacarcinoom rechts|carcinoma da mama direita
O24.419|gestational diabetes|Gestationsdiabetes|diabète gestationnel|diabetes gestacional|diabete gestazionale|zwangerschapsdiabetes|diabetes gestacional
L40.0|psoriasis vulgaris|Psoriasis vulgaris|psoriasis en plaques|psoriasis vulgar|psoriasi volgare|psoriasis vulgaris|psoríase vulgar
K21.9|gastro-oesophageal reflux disease|gastroösophageale Refluxkrankheit|reflux gastro-œsophagien|enfermedad por reflujo gastroesofágico|malattia da reflusso gastroesofageo|refluxziekte|doença de refluxo gastroesofágico
I50.9|heart failure|Herzinsuffizienz|insuffisance cardiaque|insuficiencia cardíaca|scompenso cardiaco|hartfalen|insuficiência cardíaca
R07.9|chest pain|Thoraxschmerz|douleur thoracique|dolor torácico|dolore toracico|pijn op de borst|dor torácica
A09|acute gastroenteritis|akute Gastroenteritis|gastro-entérite aiguë|gastroenteritis aguda|gastroenterite acuta|acute gastro-enteritis|gastroenterite aguda
Z79.4|long-term insulin use|Langzeittherapie mit Insulin|insulinothérapie au long cours|uso prolongado de insulina|uso prolungato di insulina|langdurig insulinegebruik|uso prolongado de insulina
G20|Parkinson's disease|Morbus Parkinson|maladie de Parkinson|enfermedad de Parkinson|malattia di Parkinson|ziekte van Parkinson|doença de Parkinson
G30.9|Alzheimer's disease|Alzheimer-Krankheit|maladie d'Alzheimer|enfermedad de Alzheimer|malattia di Alzheimer|ziekte van Alzheimer|doença de Alzheimer
C81.90|Hodgkin lymphoma|Hodgkin-Lymphom|lymphome de Hodgkin|linfoma de Hodgkin|linfoma di Hodgkin|hodgkinlymfoom|linfoma de Hodgkin
K50.90|Crohn's disease|Morbus Crohn|maladie de Crohn|enfermedad de Crohn|morbo di Crohn|ziekte van Crohn|doença de Crohn
E05.00|Graves' disease|Morbus Basedow|maladie de Basedow|enfermedad de Graves-Basedow|morbo di Basedow-Graves|ziekte van Graves|doença de Graves
E06.3|Hashimoto's thyroiditis|Hashimoto-Thyreoiditis|thyroïdite de Hashimoto|tiroiditis de Hashimoto|tiroidite di Hashimoto|thyreoïditis van Hashimoto|tiroidite de Hashimoto
G51.0|Bell's palsy|idiopathische Fazialisparese|paralysie faciale a frigore|parálisis de Bell|paralisi di Bell|verlamming van Bell|paralisia de Bell
U07.1|COVID-19|COVID-19|COVID-19|COVID-19|COVID-19|COVID-19|COVID-19
""".strip().splitlines()]

# drug (same order as LANGS), doses
DRUGS = [(tuple(x.split("|")[:7]), x.split("|")[7].split(",")) for x in """
metformin|Metformin|metformine|metformina|metformina|metformine|metformina|500 mg,850 mg,1000 mg
lisinopril|Lisinopril|lisinopril|lisinopril|lisinopril|lisinopril|lisinopril|5 mg,10 mg,20 mg
atorvastatin|Atorvastatin|atorvastatine|atorvastatina|atorvastatina|atorvastatine|atorvastatina|10 mg,20 mg,40 mg,80 mg
apixaban|Apixaban|apixaban|apixabán|apixaban|apixaban|apixabano|2.5 mg,5 mg
amoxicillin|Amoxicillin|amoxicilline|amoxicilina|amoxicillina|amoxicilline|amoxicilina|500 mg,875 mg,1 g
levothyroxine|Levothyroxin|lévothyroxine|levotiroxina|levotiroxina|levothyroxine|levotiroxina|25 mcg,50 mcg,75 mcg,100 mcg
sertraline|Sertralin|sertraline|sertralina|sertralina|sertraline|sertralina|50 mg,100 mg
omeprazole|Omeprazol|oméprazole|omeprazol|omeprazolo|omeprazol|omeprazol|20 mg,40 mg
bisoprolol|Bisoprolol|bisoprolol|bisoprolol|bisoprololo|bisoprolol|bisoprolol|1.25 mg,2.5 mg,5 mg
furosemide|Furosemid|furosémide|furosemida|furosemide|furosemide|furosemida|20 mg,40 mg
prednisolone|Prednisolon|prednisolone|prednisolona|prednisolone|prednisolon|prednisolona|5 mg,20 mg,40 mg
insulin glargine|Insulin glargin|insuline glargine|insulina glargina|insulina glargine|insuline glargine|insulina glargina|10 units,18 units,24 units
levetiracetam|Levetiracetam|lévétiracétam|levetiracetam|levetiracetam|levetiracetam|levetiracetam|500 mg,750 mg
oxycodone|Oxycodon|oxycodone|oxicodona|ossicodone|oxycodon|oxicodona|5 mg,10 mg
amlodipine|Amlodipin|amlodipine|amlodipino|amlodipina|amlodipine|amlodipina|5 mg,10 mg
""".strip().splitlines()]

FREQ = {
    "en": _L("once daily, twice daily, BID, TID, q8h, q12h, at bedtime, every morning, PRN pain, 1 tab PO daily, 1 tab po bid"),
    "de": _L("1-0-0, 1-0-1, 0-0-1, 1-1-1, morgens, 2x täglich, bei Bedarf, abends"),
    "fr": _L("1 cp le matin, 1 cp matin et soir, 2 fois par jour, 3 fois par jour, au coucher, si douleur"),
    "es": _L("cada 8 horas, cada 12 horas, una vez al día, en el desayuno, antes de dormir, si dolor"),
    "it": _L("una volta al giorno, due volte al dì, 1 cp la sera, 1 cp al mattino, al bisogno, ogni 8 ore"),
    "nl": _L("1 dd 1 tablet, 2 dd 1 tablet, 3 dd 1 tablet, zo nodig, voor de nacht, 's ochtends"),
    "pt": _L("1 vez por dia, de 12/12 h, de 8/8 h, ao deitar, em jejum, se dor"),
}

CHIEF = {
    "en": _L("chest tightness, productive cough, dysuria, fatigue, palpitations, dizziness, RLQ abdominal pain, "
             "worsening SOB, headache and photophobia, swelling of both ankles, low mood and poor sleep, rash on forearms"),
    "de": _L("Thoraxschmerz, produktivem Husten, Dysurie, Müdigkeit, Palpitationen, Schwindel, Unterbauchschmerzen rechts, "
             "zunehmender Dyspnoe, Kopfschmerzen, Knöchelödemen"),
    "fr": _L("douleur thoracique, toux productive, brûlures mictionnelles, asthénie, palpitations, vertiges, "
             "douleur de la fosse iliaque droite, dyspnée d'effort, céphalées, œdèmes des membres inférieurs"),
    "es": _L("dolor torácico, tos productiva, disuria, astenia, palpitaciones, mareo, dolor en fosa ilíaca derecha, "
             "disnea progresiva, cefalea, edemas en miembros inferiores"),
    "it": _L("dolore toracico, tosse produttiva, disuria, astenia, palpitazioni, vertigini, dolore in fossa iliaca destra, "
             "dispnea ingravescente, cefalea, edemi declivi"),
    "nl": _L("pijn op de borst, productieve hoest, pijn bij het plassen, vermoeidheid, hartkloppingen, duizeligheid, "
             "buikpijn rechtsonder, toenemende kortademigheid, hoofdpijn, enkeloedeem"),
    "pt": _L("dor torácica, tosse produtiva, disúria, cansaço, palpitações, tonturas, dor na fossa ilíaca direita, "
             "dispneia progressiva, cefaleias, edema dos membros inferiores"),
}

DEVICES = {
    "en": _L("dual-chamber pacemaker, implantable cardioverter-defibrillator, insulin pump, cochlear implant, "
             "continuous glucose monitor, spinal cord stimulator, hearing aid (left), home CPAP unit"),
    "de": _L("Zweikammer-Herzschrittmacher, ICD, Insulinpumpe, Cochlea-Implantat, CGM-Sensor, CPAP-Gerät"),
    "fr": _L("stimulateur cardiaque double chambre, défibrillateur implantable, pompe à insuline, implant cochléaire, appareil de PPC"),
    "es": _L("marcapasos bicameral, desfibrilador automático implantable, bomba de insulina, implante coclear, equipo de CPAP"),
    "it": _L("pacemaker bicamerale, defibrillatore impiantabile, microinfusore di insulina, impianto cocleare, CPAP domiciliare"),
    "nl": _L("tweekamerpacemaker, ICD, insulinepomp, cochleair implantaat, CPAP-apparaat"),
    "pt": _L("pacemaker de dupla câmara, cardioversor-desfibrilhador implantável, bomba de insulina, implante coclear, CPAP domiciliário"),
}

HOSPITALS = {
    "US": _L("Riverside General Hospital, St. Agnes Medical Center, Lakeshore Community Hospital, Mercy West Clinic, "
             "Valley Health Urgent Care, Summit Regional Medical Center"),
    "UK": _L("Northgate Infirmary, St Bride's Hospital, Kingsmead Health Centre, Westbrook Medical Practice, Riverside NHS Trust"),
    "DE": _L("Klinikum Nord, Städtisches Krankenhaus Altona, St. Elisabeth-Krankenhaus, Praxis am Markt, Universitätsklinikum Süd"),
    "FR": _L("Hôpital Saint-Jacques, CHU de la Croix-Rousse, Clinique des Tilleuls, Centre hospitalier du Val, Cabinet médical Pasteur"),
    "ES": _L("Hospital Universitario del Sur, Hospital Virgen de la Luz, Centro de Salud Delicias, Clínica San Rafael"),
    "IT": _L("Ospedale San Gerardo, Policlinico Santa Maria, Azienda Ospedaliera dei Colli, ASL Roma 3 - Poliambulatorio"),
    "NL": _L("Sint Lucas Ziekenhuis, Rijnstate Oost, Gezondheidscentrum De Linde, Ziekenhuis Noordwest"),
    "PT": _L("Hospital de Santa Marta, Centro Hospitalar do Tâmega, USF Ribeira Nova, Hospital da Luz Norte"),
    "BR": _L("Hospital Santa Casa, Hospital São Lucas, UBS Vila Nova, Clínica Bem Viver"),
}
HOSP_BY_LANG = {"en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT"}

SPECIALTIES = {
    "en": _L("cardiology, endocrinology, neurology, rheumatology, gastroenterology, orthopaedics, dermatology, nephrology"),
    "de": _L("Kardiologie, Endokrinologie, Neurologie, Rheumatologie, Gastroenterologie, Orthopädie, Dermatologie"),
    "fr": _L("cardiologie, endocrinologie, neurologie, rhumatologie, gastro-entérologie, dermatologie"),
    "es": _L("cardiología, endocrinología, neurología, reumatología, digestivo, traumatología, dermatología"),
    "it": _L("cardiologia, endocrinologia, neurologia, reumatologia, gastroenterologia, ortopedia, dermatologia"),
    "nl": _L("cardiologie, endocrinologie, neurologie, reumatologie, maag-darm-leverziekten, orthopedie, dermatologie"),
    "pt": _L("cardiologia, endocrinologia, neurologia, reumatologia, gastroenterologia, ortopedia, dermatologia"),
}

COMPANIES = {
    "en": [("Northwind Health Partners", "northwindhealth.com"), ("Helix Diagnostics", "helixdx.io"),
           ("Brightwater Capital", "brightwatercap.com"), ("Kestrel Logistics Ltd", "kestrel-logistics.co.uk"),
           ("Bluefin Payments", "bluefinpay.com"), ("Copperleaf Insurance", "copperleaf-ins.com"),
           ("Tidewater Pharmacy Services", "tidewaterrx.com"), ("Orchard Lane Dental", "orchardlanedental.co.uk")],
    "de": [("Nordlicht Logistik GmbH", "nordlicht-logistik.de"), ("Praxisgemeinschaft Elbufer", "elbufer-praxis.de"),
           ("Kranich Versicherung AG", "kranich-versicherung.de"), ("Baumann & Söhne KG", "baumann-soehne.de")],
    "fr": [("Groupe Azur Santé", "azursante.fr"), ("Transports Lemercier SARL", "lemercier-transports.fr"),
           ("Mutuelle des Deux Rives", "mutuelle2rives.fr"), ("Cabinet Vasseur Conseil", "vasseur-conseil.fr")],
    "es": [("Clínica San Rafael", "clinicasanrafael.es"), ("Construcciones Ibarra S.L.", "ibarra-construcciones.es"),
           ("Seguros La Alameda", "segurosalameda.es"), ("Asesoría Quintana", "asesoriaquintana.es")],
    "it": [("Studio Associato Ferri", "studioferri.it"), ("Logistica Adriatica S.r.l.", "logisticaadriatica.it"),
           ("Cooperativa Sanitaria Aurora", "coopaurora.it"), ("Farmacia Comunale 4", "farmaciacomunale4.it")],
    "nl": [("Zorggroep Rijnmond", "zorggroeprijnmond.nl"), ("Van Aalst Installatietechniek", "vanaalst-techniek.nl"),
           ("Thuiszorg De Brug", "thuiszorgdebrug.nl"), ("Polderkracht B.V.", "polderkracht.nl")],
    "pt": [("Farmácia Central do Porto", "farmaciacentral.pt"), ("Transportes Atlântico Lda", "transportesatlantico.pt"),
           ("Clínica Bem Viver", "clinicabemviver.com.br"), ("Seguradora Horizonte", "seguradorahorizonte.pt")],
}

JOB_TITLES = {
    "en": _L("Senior Data Analyst, Practice Manager, Registered Nurse, Claims Specialist, Payroll Coordinator, "
             "Software Engineer, Billing Supervisor, Relationship Manager, HR Business Partner"),
    "de": _L("Teamleiterin Buchhaltung, Pflegefachkraft, Sachbearbeiter Lohn, Softwareentwickler, Praxismanagerin"),
    "fr": _L("Responsable RH, Infirmière coordinatrice, Chargé de clientèle, Développeur, Assistante de direction"),
    "es": _L("Responsable de RR. HH., Enfermera, Gestor de cuentas, Desarrollador, Técnico de nóminas"),
    "it": _L("Responsabile Risorse Umane, Infermiera, Consulente finanziario, Sviluppatore, Impiegata amministrativa"),
    "nl": _L("HR-adviseur, Verpleegkundige, Accountmanager, Softwareontwikkelaar, Salarisadministrateur"),
    "pt": _L("Diretora de RH, Enfermeiro, Gestor de conta, Programador, Técnica administrativa"),
}

# banks by IBAN country: (name, 4-letter BIC bank code, BIC location, optional branch)
BANKS = {
    "DE": [("Sparkasse Rheintal", "SRHT", "DE", "33"), ("Volksbank Mittelland", "GENO", "DE", "M1"), ("Nordbank Hamburg", "NOHA", "DE", "HH")],
    "FR": [("Banque du Littoral", "BLIT", "FR", "PP"), ("Crédit Régional de Savoie", "CRSA", "FR", "2A")],
    "ES": [("Caja Meridional", "CMER", "ES", "MM"), ("Banco del Norte Cantábrico", "BNCA", "ES", "2S")],
    "IT": [("Banca Popolare dei Colli", "BPCO", "IT", "MM"), ("Cassa Rurale Alpina", "CRAL", "IT", "2T")],
    "NL": [("Polderbank", "POLB", "NL", "2A"), ("Rijnlandse Spaarbank", "RIJS", "NL", "2U")],
    "BE": [("Banque Brabançonne", "BBRA", "BE", "BB"), ("Kempense Kredietbank", "KEMP", "BE", "22")],
    "PT": [("Caixa do Douro", "CXDO", "PT", "PL"), ("Banco Atlântico Sul", "BATS", "PT", "PL")],
    "AT": [("Alpenländische Sparkasse", "ALSP", "AT", "WW"), ("Raiffeisen Tauernland", "RFTA", "AT", "2S")],
    "CH": [("Zürcher Gewerbebank", "ZGEW", "CH", "ZZ"), ("Banque Cantonale du Lac", "BCLA", "CH", "GG")],
    "UK": [("Thameside Bank", "THMS", "GB", "2L"), ("Northern Mutual", "NMUT", "GB", "21")],
    "IE": [("Liffey Savings Bank", "LIFF", "IE", "2D")],
    "PL": [("Bank Wiślany", "WISL", "PL", "PW")],
    "SE": [("Mälarbanken", "MALA", "SE", "SS")],
    "US": [("First Prairie Bank", "FPRB", "US", "33"), ("Harbor Federal Credit Union", "HFCU", "US", "6S"), ("Cascade Trust", "CSCT", "US", "44")],
}
IBAN_COUNTRIES = ["DE", "FR", "ES", "IT", "NL", "BE", "PT", "AT", "CH", "UK", "IE", "PL", "SE"]
INSURERS = {
    "en": _L("BlueRiver Health Plan, Meridian Mutual, Keystone Care Insurance, Pioneer Health Alliance, Summit Medicaid Plan"),
    "de": _L("Kranich Versicherung, Allgemeine Ortskasse Nord, Betriebskrankenkasse Rheinmetall-Süd"),
    "fr": _L("Mutuelle des Deux Rives, CPAM du Rhône, Harmonie Sud"),
    "es": _L("Seguros La Alameda, Mutua Levante Salud"),
    "it": _L("Cassa Mutua Aurora, Fondo Sanità Integrativa Nord"),
    "nl": _L("Zorgverzekeraar Delta, Polderzorg"),
    "pt": _L("Seguradora Horizonte, Médis Norte"),
}

# ---------------------------------------------------------------------------
# Identifier generators
# ---------------------------------------------------------------------------

def gen_card(rng):
    brand = rng.choice(["visa", "visa", "mc", "mc", "amex", "disc"])
    if brand == "visa":
        body, n = "4" + rd(rng, 14), 16
    elif brand == "mc":
        pre = rng.choice(["51", "52", "53", "54", "55", "2221", "2300", "2499", "2720"])
        body, n = pre + rd(rng, 15 - len(pre)), 16
    elif brand == "amex":
        body, n = rng.choice(["34", "37"]) + rd(rng, 12), 15
    else:
        body, n = rng.choice(["6011", "6500", "6441"])[:4] + rd(rng, 11), 16
    num = body + str(luhn_digit(body))
    assert len(num) == n and luhn_ok(num)
    if n == 15:
        return group(num, [4, 6, 5], rng.choice([" ", " ", "-", ""])), brand
    return group4(num, rng.choice([" ", " ", " ", "-", ""])), brand


def gen_ssn(rng):
    while True:
        a = rng.randrange(1, 900)
        if a != 666:
            break
    s = "%03d%02d%04d" % (a, rng.randrange(1, 100), rng.randrange(1, 10000))
    f = rng.random()
    if f < 0.7:
        return "%s-%s-%s" % (s[:3], s[3:5], s[5:])
    if f < 0.85:
        return "%s %s %s" % (s[:3], s[3:5], s[5:])
    return s


def gen_nhs(rng):
    while True:
        d = [rng.choice([4, 6, 7])] + [rng.randrange(10) for _ in range(8)]
        c = 11 - sum(d[i] * (10 - i) for i in range(9)) % 11
        if c == 11:
            c = 0
        if c != 10:
            break
    s = "".join(map(str, d + [c]))
    f = rng.random()
    if f < 0.65:
        return "%s %s %s" % (s[:3], s[3:6], s[6:])
    if f < 0.8:
        return "%s-%s-%s" % (s[:3], s[3:6], s[6:])
    return s


NINO_FIRST = [c for c in "ABCEGHJKLMNOPRSTWXYZ"]
NINO_SECOND = [c for c in "ABCEGHJKLMNPRSTWXYZ"]


def gen_nino(rng):
    while True:
        p = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if p not in NINO_BAD_PREFIX:
            break
    d = rd(rng, 6)
    suf = rng.choice("ABCD")
    if rng.random() < 0.5:
        return "%s %s %s %s %s" % (p, d[:2], d[2:4], d[4:], suf)
    return p + d + suf


def gen_steuerid(rng):
    while True:
        ds = list(range(10))
        rng.shuffle(ds)
        nine = ds[:9]
        dup = rng.choice(nine)
        ten = nine + [dup]
        rng.shuffle(ten)
        if ten[0] != 0:
            break
    s = "".join(map(str, ten)) + str(steuerid_check(ten))
    assert steuerid_ok(s)
    f = rng.random()
    if f < 0.5:
        return "%s %s %s %s" % (s[:2], s[2:5], s[5:8], s[8:])
    return s


NIR_FOREIGN = {"arabic": "350", "senegambia": "341", "portugal": "139", "italian": "127", "vietnamese": "243",
               "german": "109", "spain": "134", "polish": "122", "turkish": "208"}


def gen_nir(rng, sex, dob, zipcode, culture):
    if zipcode and zipcode[:2].isdigit() and culture == "french":
        dept, commune = zipcode[:2], "%03d" % rng.randrange(1, 400)
    elif culture in NIR_FOREIGN:
        dept, commune = "99", NIR_FOREIGN[culture]
    else:
        dept, commune = "%02d" % rng.choice([13, 31, 33, 44, 59, 67, 69, 75, 92, 93, 94]), "%03d" % rng.randrange(1, 400)
    body = "%d%02d%02d%s%s%03d" % (1 if sex == "m" else 2, dob.year % 100, dob.month, dept, commune, rng.randrange(1, 1000))
    key = 97 - int(body) % 97
    s = body + "%02d" % key
    if rng.random() < 0.6:
        return "%s %s %s %s %s %s %s" % (s[0], s[1:3], s[3:5], s[5:7], s[7:10], s[10:13], s[13:])
    return s


def gen_dni(rng, nie=False):
    if nie:
        pre = rng.choice("XYZ")
        num = rd(rng, 7)
        letter = DNI_LETTERS[int(str("XYZ".index(pre)) + num) % 23]
        f = rng.random()
        if f < 0.7:
            return "%s%s%s" % (pre, num, letter)
        return "%s-%s-%s" % (pre, num, letter)
    num = rd(rng, 8, first_nonzero=True)
    letter = DNI_LETTERS[int(num) % 23]
    f = rng.random()
    if f < 0.6:
        return num + letter
    if f < 0.8:
        return num + "-" + letter
    return "%s.%s.%s-%s" % (num[:2], num[2:5], num[5:], letter)


CF_MONTH = "ABCDEHLMPRST"
CF_TOWNS = ["H501", "F205", "F839", "L219", "A944", "D612", "G273", "A662", "D969", "L781", "G224", "C351"]
CF_FOREIGN = {"romanian": "Z129", "arabic": "Z330", "filipino": "Z216", "chinese": "Z210", "german": "Z112",
              "french": "Z110", "spain": "Z131", "latam": "Z602", "brazil": "Z602", "hindi": "Z222", "anglo": "Z114",
              "polish": "Z127", "eastslavic": "Z138", "senegambia": "Z343", "yoruba": "Z335", "igbo": "Z335"}
CF_CITY = {"Roma": "H501", "Milano": "F205", "Napoli": "F839", "Torino": "L219", "Bologna": "A944", "Firenze": "D612",
           "Palermo": "G273", "Bari": "A662", "Genova": "D969", "Verona": "L781", "Padova": "G224", "Catania": "C351"}


def _cf_letters(s):
    s = re.sub(r"[^A-Z]", "", fold(s).upper())
    cons = [c for c in s if c not in "AEIOU"]
    vows = [c for c in s if c in "AEIOU"]
    return cons, vows


def cf_surname(s):
    cons, vows = _cf_letters(s)
    return "".join((cons + vows + ["X"] * 3)[:3])


def cf_given(s):
    cons, vows = _cf_letters(s)
    if len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return "".join((cons + vows + ["X"] * 3)[:3])


def gen_cf(person, town):
    day = person.dob.day + (40 if person.sex == "f" else 0)
    s15 = "%s%s%02d%s%02d%s" % (cf_surname(person.sur), cf_given(person.given), person.dob.year % 100,
                                CF_MONTH[person.dob.month - 1], day, town)
    return s15 + cf_check(s15)


def gen_bsn(rng):
    while True:
        d = [rng.randrange(1, 7)] + [rng.randrange(10) for _ in range(7)]
        c = sum(d[i] * (9 - i) for i in range(8)) % 11
        if c != 10:
            break
    s = "".join(map(str, d + [c]))
    assert bsn_ok(s)
    f = rng.random()
    if f < 0.6:
        return s
    if f < 0.8:
        return "%s.%s.%s" % (s[:4], s[4:6], s[6:])
    return "%s %s %s" % (s[:3], s[3:6], s[6:])


def gen_aba(rng):
    pre = rng.choice(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                      "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32"])
    d = [int(c) for c in pre + rd(rng, 6)]
    c = (10 - (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5]) % 10) % 10
    s = "".join(map(str, d)) + str(c)
    assert aba_ok(s)
    return s


def gen_npi(rng):
    body = rng.choice("12") + rd(rng, 8)
    s = body + str(luhn_digit("80840" + body))
    assert npi_ok(s)
    return s


def gen_dea(rng, surname):
    first = rng.choice("ABFGM")
    initial = fold(surname).upper().replace("'", "").replace(" ", "")
    second = initial[0] if initial and initial[0].isalpha() else "9"
    d = [rng.randrange(10) for _ in range(6)]
    c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    s = first + second + "".join(map(str, d)) + str(c)
    assert dea_ok(s), s
    return s


def gen_kvnr(rng):
    letter = rng.choice(UPPER)
    d8 = rd(rng, 8)
    return letter + d8 + str(kvnr_check(letter, d8))


def gen_mbi(rng):
    a = MBI_ALPHA
    an = MBI_ALPHA + DIG
    s = (rng.choice("123456789") + rng.choice(a) + rng.choice(an) + rng.choice(DIG) + rng.choice(a) + rng.choice(an)
         + rng.choice(DIG) + rng.choice(a) + rng.choice(a) + rng.choice(DIG) + rng.choice(DIG))
    assert mbi_ok(s)
    if rng.random() < 0.6:
        return "%s-%s-%s" % (s[:4], s[4:7], s[7:])
    return s


IBAN_LEN = {"DE": 22, "AT": 20, "CH": 21, "FR": 27, "BE": 16, "ES": 24, "IT": 27, "NL": 18, "PT": 25, "GB": 22,
            "IE": 22, "PL": 28, "SE": 24}


def gen_bban(rng, cc, bankcode):
    if cc == "DE":
        return rng.choice("12345678") + rd(rng, 7) + rd(rng, 10)
    if cc == "AT":
        return rng.choice("123456") + rd(rng, 4) + rd(rng, 11)
    if cc == "CH":
        return "00" + rd(rng, 3) + rd(rng, 12)
    if cc == "FR":
        bank, branch, acct = rd(rng, 5, True), rd(rng, 5), rd(rng, 11)
        return bank + branch + acct + "%02d" % fr_rib_key(bank, branch, acct)
    if cc == "BE":
        ten = rd(rng, 10, True)
        return ten + "%02d" % be_check(ten)
    if cc == "ES":
        bank, branch, acct = rd(rng, 4, True), rd(rng, 4), rd(rng, 10)
        return bank + branch + str(es_dc("00" + bank + branch)) + str(es_dc(acct)) + acct
    if cc == "IT":
        rest = rd(rng, 5, True) + rd(rng, 5) + rng.choice(["0000", "0100", "CC00", "1000"]) + rd(rng, 8)
        return _it_cin(rest) + rest
    if cc == "NL":
        return bankcode + rd(rng, 10)
    if cc == "PT":
        nineteen = "00" + rd(rng, 2) + rd(rng, 4) + rd(rng, 11)
        return nineteen + "%02d" % pt_nib_check(nineteen)
    if cc in ("GB", "IE"):
        return bankcode + rd(rng, 6) + rd(rng, 8)
    if cc == "PL":
        return rd(rng, 8, True) + rd(rng, 16)
    if cc == "SE":
        return rd(rng, 3, True) + rd(rng, 17)
    raise ValueError(cc)


def gen_iban(rng, country, bankcode):
    cc = "GB" if country == "UK" else country
    bban = gen_bban(rng, cc, bankcode)
    s = cc + iban_check_digits(cc, bban) + bban
    assert len(s) == IBAN_LEN[cc], (cc, len(s))
    assert iban_ok(s) and national_iban_ok(s), s
    return s


def fmt_iban(rng, s):
    f = rng.random()
    if f < 0.65:
        return group4(s)
    return s


def gen_vin(rng):
    wmi = rng.choice(["1HG", "1FT", "5YJ", "WBA", "WVW", "JTD", "KMH", "VF1", "ZFA", "YV1", "3VW", "2T1", "SAL", "TMB"])
    vds = rs(rng, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 5)
    year = rng.choice("HJKLMNPRS")
    plant = rs(rng, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 1)
    v = wmi + vds + "0" + year + plant + rd(rng, 6)
    v = v[:8] + vin_check(v) + v[9:]
    assert vin_ok(v)
    return v


def gen_imei(rng):
    body = rng.choice(["35", "86", "01", "49"]) + rd(rng, 12)
    s = body + str(luhn_digit(body))
    if rng.random() < 0.4:
        return "%s-%s-%s-%s" % (s[:2], s[2:8], s[8:14], s[14])
    return s


def gen_gtin14(rng):
    body = "0" + rd(rng, 12)
    return body + str(gs1_digit(body))


def gen_udi(rng):
    g = gen_gtin14(rng)
    exp = "%02d%02d%02d" % (rng.randrange(25, 30), rng.randrange(1, 13), rng.randrange(1, 29))
    lot = rs(rng, ALNUM_UP, rng.randrange(5, 9))
    ser = rs(rng, ALNUM_UP, rng.randrange(6, 10))
    if rng.random() < 0.7:
        return "(01)%s(17)%s(10)%s(21)%s" % (g, exp, lot, ser)
    return "01%s17%s10%s" % (g, exp, lot)


def gen_serial(rng):
    pat = rng.choice(["@@@######@", "####-###-####", "@######", "SN@#####@@", "@@#####-##", "##@@######", "@@@-######"])
    return fill(rng, pat)


def gen_mac(rng):
    return ":".join("%02x" % rng.randrange(256) for _ in range(6))


def gen_ipv4(rng):
    return "%d.%d.%d.%d" % (rng.choice([24, 31, 37, 45, 62, 71, 77, 81, 86, 92, 98, 104, 109, 151, 176, 185, 188,
                                        193, 203, 212, 217]), rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))


def gen_ipv6(rng):
    head = rng.choice(["2a02:8108", "2001:16b8", "2a01:e0a", "2600:1700", "2a00:23c5", "2804:14d"])
    if rng.random() < 0.3:
        return head + "::" + ":".join("%x" % rng.randrange(1, 65536) for _ in range(rng.choice([2, 3, 4])))
    return head + ":" + ":".join("%x" % rng.randrange(1, 65536) for _ in range(6))


PLATES = {
    "US": ["#@@@###", "@@@-####", "@@@ ####", "###-@@@"],
    "CA": ["@@@@ ###", "@## @@@"],
    "UK": ["UK"], "IE": ["IE"],
    "DE": ["DE"], "AT": ["@ #### @@", "@@ ### @"], "CH": ["ZH ######", "GE #####", "BE ######"],
    "FR": ["@@-###-@@"], "BE": ["1-@@@-###", "2-@@@-###"], "ES": ["#### CCC"], "MX": ["@@@-###-@"],
    "IT": ["@@ ###@@", "@@###@@"], "NL": ["##-@@@-#", "@@-###-@", "#-@@@-##", "@@@-##-@"], "PT": ["@@-##-@@"],
    "BR": ["@@@#@##", "@@@-####"], "IN": ["KA ## @@ ####", "MH ## @@ ####", "DL # @@ ####", "TN ## @ ####"],
    "JP": ["品川 300 さ ##-##"], "PL": ["W@ #####", "KR #@###"], "SE": ["@@@ ##@", "@@@ ###"],
    "NG": ["@@@-###@@"], "AU": ["@@@##@", "#@@#@@"], "NZ": ["@@@###"],
}
UK_AREA = ["LD", "MA", "YK", "BD", "SA", "EY", "FG", "NX", "GX", "WR", "KN", "CU"]
DE_AREA = ["B", "M", "HH", "K", "F", "L", "DD", "S", "HB", "N", "H", "DO", "FR", "GE", "OF", "KA"]
IE_AREA = ["D", "C", "G", "L", "KY", "WX", "MH"]


def gen_plate(rng, country):
    pat = rng.choice(PLATES.get(country, PLATES["US"]))
    if pat == "UK":
        age = rng.choice(["19", "69", "20", "70", "21", "71", "22", "72", "23", "73", "24", "74", "15", "65"])
        return "%s%s %s" % (rng.choice(UK_AREA), age, rs(rng, "ABCDEFGHJKLMNPRSTUVWXYZ", 3))
    if pat == "DE":
        sep = rng.choice([" ", "-"])
        return "%s%s%s %d%s" % (rng.choice(DE_AREA), sep, rs(rng, "ABCDEFGHJKLMNPRSTUVWXYZ", rng.choice([1, 2])),
                                rng.randrange(1, 9999), "E" if rng.random() < 0.1 else "")
    if pat == "IE":
        return "%s-%s-%d" % (rng.choice(["191", "192", "201", "211", "222", "231", "241", "152", "10"]),
                             rng.choice(IE_AREA), rng.randrange(1, 99999))
    pat = pat.replace("CCC", rs(rng, "BCDFGHJKLMNPRSTVWXYZ", 3))
    return fill(rng, pat, "ABCDEFGHJKLMNPRSTUVWXYZ")


DL_FORMATS = {"CA": "@#######", "NY": "### ### ###", "TX": "########", "FL": "@###-###-##-###-#",
              "IL": "@###-####-####", "PA": "## ### ###", "WA": "WDL", "MI": "@ ### ### ### ###",
              "NJ": "@#### ##### #####", "OH": "@@######", "GA": "#########", "MN": "@############"}


def gen_dl(rng, state):
    if state not in DL_FORMATS:
        state = rng.choice(list(DL_FORMATS))
    pat = DL_FORMATS[state]
    if pat == "WDL":
        return state, "WDL" + rs(rng, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 9)
    if state == "NY" and rng.random() < 0.5:
        pat = "#########"
    return state, fill(rng, pat, "ABCDEFGHJKLMNPRSTUVWXYZ")


def gen_passport(rng):
    if rng.random() < 0.5:
        return rd(rng, 9, True)
    return rng.choice("ACEFGHJKLMNPRSTUVWXYZ") + rd(rng, 8)


B64 = UPPER + "abcdefghijklmnopqrstuvwxyz" + DIG
B64URL = B64 + "-_"


def b64url(rng, n):
    return rs(rng, B64URL, n)


def gen_jwt(rng):
    import base64
    head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    payload = '{"sub":"%s","scope":"%s","iat":%d,"exp":%d}' % (
        rd(rng, 7), rng.choice(["read:claims", "patients.read", "payments:write", "admin"]),
        1700000000 + rng.randrange(30000000), 1740000000 + rng.randrange(30000000))
    body = base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")
    return head + "." + body + "." + b64url(rng, 43)


def gen_password(rng):
    while True:
        p = rs(rng, ALNUM + "!#%-_.*", rng.randrange(12, 21))
        if any(c.isdigit() for c in p) and any(c.isupper() for c in p) and any(c.islower() for c in p):
            return p


def gen_secret(rng, kind):
    if kind == "aws_id":
        return rng.choice(["AKIA", "ASIA"]) + rs(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    if kind == "aws_secret":
        return rs(rng, B64 + "/+", 40)
    if kind == "gh":
        return rng.choice(["ghp_", "gho_", "ghs_"]) + rs(rng, B64, 36)
    if kind == "ghfg":
        return "github_pat_" + rs(rng, ALNUM_UP + DIG, 22) + "_" + rs(rng, B64, 59)
    if kind == "stripe":
        return rng.choice(["sk_live_", "rk_live_"]) + rs(rng, B64, rng.choice([24, 34, 99]))
    if kind == "slack":
        return "xoxb-%s-%s-%s" % (rd(rng, 12, True), rd(rng, 13, True), rs(rng, B64, 24))
    if kind == "openai":
        return "sk-proj-" + b64url(rng, 48) + "T3BlbkFJ" + b64url(rng, 40)
    if kind == "anthropic":
        return "sk-ant-api03-" + b64url(rng, 86) + "-" + b64url(rng, 6) + "AA"
    if kind == "google":
        return "AIza" + rs(rng, B64URL, 35)
    if kind == "jwt":
        return gen_jwt(rng)
    if kind == "pw":
        return gen_password(rng)
    if kind == "twilio":
        return rs(rng, "0123456789abcdef", 32)
    if kind == "sendgrid":
        return "SG." + b64url(rng, 22) + "." + b64url(rng, 43)
    if kind == "hf":
        return "hf_" + rs(rng, UPPER + "abcdefghijklmnopqrstuvwxyz", 34)
    if kind == "glpat":
        return "glpat-" + b64url(rng, 20)
    if kind == "npm":
        return "npm_" + rs(rng, B64, 36)
    if kind == "azure":
        return rs(rng, B64 + "+/", 86) + "=="
    if kind == "hex":
        return rs(rng, "0123456789abcdef", 40)
    raise ValueError(kind)

# ---------------------------------------------------------------------------
# Phones by country: returns (national, international, is_mobile)
# ---------------------------------------------------------------------------

def _us_number(rng):
    while True:
        a = rng.choice("23456789") + rng.choice("012345678") + rng.choice(DIG)
        if a[1:] != "11":
            break
    e = rng.choice("23456789") + rd(rng, 2)
    return a, e, rd(rng, 4)


def gen_phone(rng, country, mobile=None):
    if mobile is None:
        mobile = rng.random() < 0.55
    c = country
    if c in ("US", "CA"):
        a, e, n = _us_number(rng)
        nat = rng.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "(%s)%s-%s", "%s %s %s"]) % (a, e, n)
        intl = rng.choice(["+1 %s %s %s", "+1-%s-%s-%s", "+1 (%s) %s-%s"]) % (a, e, n)
        return nat, intl
    if c == "UK":
        if mobile:
            d = "7" + rd(rng, 9)
            return "0%s %s" % (d[:4], d[4:]), rng.choice(["+44 %s %s", "+44 (0)%s %s"]) % (d[:4], d[4:])
        code, rest = rng.choice([("20", "7" + rd(rng, 7)), ("20", "8" + rd(rng, 7)), ("161", rd(rng, 7, True)),
                                 ("113", rd(rng, 7, True)), ("121", rd(rng, 7, True)), ("131", rd(rng, 7, True)),
                                 ("117", rd(rng, 7, True))])
        if code == "20":
            return "020 %s %s" % (rest[:4], rest[4:]), "+44 20 %s %s" % (rest[:4], rest[4:])
        return "0%s %s %s" % (code, rest[:3], rest[3:]), "+44 %s %s %s" % (code, rest[:3], rest[3:])
    if c == "IE":
        if mobile:
            p, r = rng.choice(["83", "85", "86", "87", "89"]), rd(rng, 7)
            return "0%s %s %s" % (p, r[:3], r[3:]), "+353 %s %s %s" % (p, r[:3], r[3:])
        r = rd(rng, 7, True)
        return "(01) %s %s" % (r[:3], r[3:]), "+353 1 %s %s" % (r[:3], r[3:])
    if c in ("AU",):
        if mobile:
            r = "4" + rd(rng, 8)
            return "0%s %s %s" % (r[:3], r[3:6], r[6:]), "+61 %s %s %s" % (r[:3], r[3:6], r[6:])
        a, r = rng.choice(["2", "3", "7", "8"]), rd(rng, 8, True)
        return "(0%s) %s %s" % (a, r[:4], r[4:]), "+61 %s %s %s" % (a, r[:4], r[4:])
    if c == "NZ":
        if mobile:
            r = rd(rng, 7, True)
            return "021 %s %s" % (r[:3], r[3:]), "+64 21 %s %s" % (r[:3], r[3:])
        a, r = rng.choice(["9", "4", "3", "7"]), rd(rng, 7, True)
        return "(0%s) %s %s" % (a, r[:3], r[3:]), "+64 %s %s %s" % (a, r[:3], r[3:])
    if c == "DE":
        if mobile:
            p, r = rng.choice(["151", "152", "160", "170", "171", "176", "157"]), rd(rng, rng.choice([7, 8]), True)
            nat = rng.choice(["0%s %s", "0%s-%s", "0%s/%s", "0%s %s"]) % (p, r)
            return nat, rng.choice(["+49 %s %s", "+49 (0)%s %s", "+49%s%s"]) % (p, r)
        a, r = rng.choice([("30", 8), ("40", 8), ("89", 8), ("221", 7), ("69", 8), ("341", 7), ("711", 7)])
        r = rd(rng, r, True)
        return rng.choice(["0%s %s", "0%s/%s", "(0%s) %s"]) % (a, r), rng.choice(["+49 %s %s", "+49 (0)%s %s"]) % (a, r)
    if c == "AT":
        if mobile:
            r = rd(rng, 7, True)
            return "0664 %s" % r, "+43 664 %s %s %s" % (r[:3], r[3:5], r[5:])
        r = rd(rng, 7, True)
        return "01 %s" % r, "+43 1 %s" % r
    if c == "CH":
        p = rng.choice(["79", "78", "76"]) if mobile else rng.choice(["44", "31", "61", "22", "21"])
        r = rd(rng, 7, True)
        return "0%s %s %s %s" % (p, r[:3], r[3:5], r[5:]), "+41 %s %s %s %s" % (p, r[:3], r[3:5], r[5:])
    if c == "FR":
        p = rng.choice("67") if mobile else rng.choice("12345")
        r = rd(rng, 8)
        pairs = [r[i:i + 2] for i in range(0, 8, 2)]
        sep = rng.choice([" ", " ", ".", ""])
        nat = "0" + p + sep + sep.join(pairs)
        return nat, rng.choice(["+33 %s %s", "+33 (0)%s %s"]) % (p, " ".join(pairs))
    if c == "BE":
        if mobile:
            p, r = rng.choice(["470", "475", "486", "499"]), rd(rng, 6)
            return "0%s %s %s %s" % (p, r[:2], r[2:4], r[4:]), "+32 %s %s %s %s" % (p, r[:2], r[2:4], r[4:])
        r = rd(rng, 7, True)
        return "02 %s %s %s" % (r[:3], r[3:5], r[5:]), "+32 2 %s %s %s" % (r[:3], r[3:5], r[5:])
    if c == "ES":
        r = (rng.choice("67") if mobile else rng.choice(["91", "93", "95", "96"])[0]) + rd(rng, 8)
        if not mobile:
            r = rng.choice(["91", "93", "95", "96", "98"]) + rd(rng, 7)
        nat = rng.choice(["%s %s %s", "%s%s%s"]) % (r[:3], r[3:6], r[6:])
        if mobile and rng.random() < 0.4:
            nat = "%s %s %s %s" % (r[:3], r[3:5], r[5:7], r[7:])
        return nat, "+34 %s %s %s" % (r[:3], r[3:6], r[6:])
    if c == "MX":
        a, r = rng.choice(["55", "33", "81"]), rd(rng, 8, True)
        return "%s %s %s" % (a, r[:4], r[4:]), "+52 %s %s %s" % (a, r[:4], r[4:])
    if c == "IT":
        if mobile:
            p, r = rng.choice(["320", "328", "333", "339", "347", "348", "366", "380"]), rd(rng, 7)
            nat = rng.choice(["%s %s %s", "%s%s%s", "%s-%s%s"]) % (p, r[:3], r[3:])
            return nat, "+39 %s %s %s" % (p, r[:3], r[3:])
        a, r = rng.choice(["06", "02", "081", "011", "051", "055"]), rd(rng, 7, True)
        return rng.choice(["%s %s", "%s-%s", "%s/%s"]) % (a, r), "+39 %s %s" % (a, r)
    if c == "NL":
        if mobile:
            r = rd(rng, 8, True)
            return rng.choice(["06-%s", "06 %s", "06%s"]) % r, rng.choice(["+31 6 %s", "+31 (0)6 %s", "+316%s"]) % r
        a, r = rng.choice([("20", 7), ("10", 7), ("30", 7), ("70", 7), ("50", 7), ("40", 7)])
        r = rd(rng, r, True)
        return rng.choice(["0%s-%s %s", "0%s %s %s"]) % (a, r[:3], r[3:]), "+31 %s %s %s" % (a, r[:3], r[3:])
    if c == "PT":
        if mobile:
            r = rng.choice(["91", "92", "93", "96"]) + rd(rng, 7)
        else:
            r = rng.choice(["21", "22", "239", "289"])
            r = r + rd(rng, 9 - len(r))
        return "%s %s %s" % (r[:3], r[3:6], r[6:]), "+351 %s %s %s" % (r[:3], r[3:6], r[6:])
    if c == "BR":
        a = rng.choice(["11", "21", "31", "41", "51", "61", "71", "81", "85"])
        if mobile:
            r = "9" + rd(rng, 8)
            return "(%s) %s-%s" % (a, r[:5], r[5:]), "+55 %s %s-%s" % (a, r[:5], r[5:])
        r = rng.choice("2345") + rd(rng, 7)
        return "(%s) %s-%s" % (a, r[:4], r[4:]), "+55 %s %s-%s" % (a, r[:4], r[4:])
    if c == "IN":
        if mobile:
            r = rng.choice("6789") + rd(rng, 9)
            return "0%s %s" % (r[:5], r[5:]), rng.choice(["+91 %s %s", "+91-%s%s"]) % (r[:5], r[5:])
        a, r = rng.choice(["80", "22", "11", "44", "40", "33"]), rd(rng, 8, True)
        return "0%s %s %s" % (a, r[:4], r[4:]), "+91 %s %s %s" % (a, r[:4], r[4:])
    if c == "JP":
        if mobile:
            p, r = rng.choice(["90", "80", "70"]), rd(rng, 8)
            return "0%s-%s-%s" % (p, r[:4], r[4:]), "+81 %s-%s-%s" % (p, r[:4], r[4:])
        a, r = rng.choice(["3", "6"]), rd(rng, 8, True)
        return "0%s-%s-%s" % (a, r[:4], r[4:]), "+81 %s-%s-%s" % (a, r[:4], r[4:])
    if c == "PL":
        r = (rng.choice("5678") + rd(rng, 8)) if mobile else ("22" + rd(rng, 7, True))
        if mobile:
            return "%s %s %s" % (r[:3], r[3:6], r[6:]), "+48 %s %s %s" % (r[:3], r[3:6], r[6:])
        return "%s %s %s %s" % (r[:2], r[2:5], r[5:7], r[7:]), "+48 %s %s %s %s" % (r[:2], r[2:5], r[5:7], r[7:])
    if c == "SE":
        if mobile:
            p, r = rng.choice(["70", "72", "73", "76"]), rd(rng, 7)
            return "0%s-%s %s %s" % (p, r[:3], r[3:5], r[5:]), "+46 %s %s %s %s" % (p, r[:3], r[3:5], r[5:])
        r = rd(rng, 7, True)
        return "08-%s %s %s" % (r[:3], r[3:5], r[5:]), "+46 8 %s %s %s" % (r[:3], r[3:5], r[5:])
    if c == "NG":
        p, r = rng.choice(["803", "806", "813", "816", "703", "809", "905"]), rd(rng, 7)
        return "0%s %s %s" % (p, r[:3], r[3:]), rng.choice(["+234 %s %s %s", "+234%s%s%s"]) % (p, r[:3], r[3:])
    raise ValueError(country)

# ---------------------------------------------------------------------------
# Addresses by country
# ---------------------------------------------------------------------------

UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ"
CA_LET = "ABCEGHJKLMNPRSTVWXYZ"
EIR = "0123456789ACDEFHKNPRTVWXY"
NL_LET = "ABCDEGHJKLMNPRTVWXZ"


def gen_postcode(rng, country, pat):
    if country == "UK":
        return "%s %s%s" % (rng.choice(pat), rng.choice(DIG), rs(rng, UK_INWARD, 2))
    if country == "IE":
        return "%s %s%s" % (rng.choice(pat), rng.choice("ACDEFHKNPRTVWXY"), rs(rng, EIR, 3))
    if country == "CA":
        return "%s %s%s%s" % (rng.choice(pat), rng.choice(DIG), rng.choice(CA_LET), rng.choice(DIG))
    if pat == "VIENNA":
        return "1%02d0" % rng.randrange(1, 24)
    if pat == "PARIS":
        return "750%02d" % rng.randrange(1, 21)
    if country == "NL":
        while True:
            z = fill(rng, pat, NL_LET)
            if z[-2:] not in ("SA", "SD", "SS") and z[0] != "0":
                return z
    z = fill(rng, pat)
    if country == "US" and rng.random() < 0.15:
        z += "-" + rd(rng, 4)
    return z


def _num(rng, lo=1, hi=200):
    return rng.randrange(lo, hi)


def make_address(rng, country):
    cities = CITIES[country]
    city, region, pat = rng.choice(cities)
    a = {"cc": country, "city": city, "region": region, "zip": gen_postcode(rng, country, pat), "extra": None}
    f = rng.random()
    one = ml = None
    if country == "US":
        st = rng.choice(STREETS["US"])
        base = "%d %s" % (rng.choice([_num(rng, 1, 99), _num(rng, 100, 999), _num(rng, 1000, 9999), _num(rng, 10000, 24000)]), st)
        if f < 0.1:
            one = rng.choice(["PO Box %d", "P.O. Box %d", "POB %d"]) % _num(rng, 10, 9999)
        elif f < 0.55:
            unit = rng.choice(["Apt %d%s" % (_num(rng, 1, 40), rng.choice(["", "A", "B", "C"])), "Apt. %d" % _num(rng, 1, 400),
                               "Unit %d" % _num(rng, 1, 30), "Suite %d" % _num(rng, 100, 2400), "#%d%s" % (_num(rng, 1, 20), rng.choice("ABCD")),
                               "Ste %d" % _num(rng, 100, 900), "Fl %d" % _num(rng, 2, 12), "Bldg C, Apt %d" % _num(rng, 100, 400)])
            sep = rng.choice([", ", " ", ", "])
            one = base + sep + unit
            ml = base + "\n" + unit if rng.random() < 0.6 else None
        else:
            one = base
    elif country in ("UK", "IE", "NZ"):
        st = rng.choice(STREETS[country])
        base = "%d %s" % (_num(rng, 1, 240), st)
        if f < 0.35:
            unit = rng.choice(["Flat %d" % _num(rng, 1, 30), "Flat %d%s" % (_num(rng, 1, 9), rng.choice("ABC")),
                               "Apartment %d" % _num(rng, 1, 90), "Apt %d" % _num(rng, 1, 60)])
            one = unit + ", " + base
            ml = unit + "\n" + base if rng.random() < 0.6 else None
        elif f < 0.45:
            house = rng.choice(["Rose Cottage", "The Old Forge", "Hillcrest House", "Ivy Lodge", "2 The Mews"])
            one = house + ", " + base
            ml = house + "\n" + base
        else:
            one = base
        if country == "NZ" and region:
            a["extra"] = city
            a["city"] = region
    elif country == "CA":
        st = rng.choice(STREETS["CA"])
        n = _num(rng, 10, 4000)
        if f < 0.3:
            one = "%d-%d %s" % (_num(rng, 101, 2900), n, st)
        elif f < 0.55:
            one = "%d %s, %s" % (n, st, rng.choice(["Unit %d" % _num(rng, 1, 40), "app. %d" % _num(rng, 1, 30), "Suite %d" % _num(rng, 100, 900)]))
        else:
            one = "%d %s" % (n, st)
    elif country == "AU":
        st = rng.choice(STREETS["AU"])
        n = _num(rng, 1, 300)
        if f < 0.25:
            one = "Unit %d/%d %s" % (_num(rng, 1, 30), n, st)
        elif f < 0.45:
            one = "%d/%d %s" % (_num(rng, 1, 30), n, st)
        elif f < 0.55:
            one = "Level %d, %d %s" % (_num(rng, 1, 20), n, st)
        elif f < 0.62:
            one = "PO Box %d" % _num(rng, 10, 999)
        else:
            one = "%d %s" % (n, st)
    elif country in ("DE", "AT", "CH"):
        key = "CH-fr" if country == "CH" and city in ("Genève", "Lausanne") else country
        st = rng.choice(STREETS[key])
        n = "%d%s" % (_num(rng, 1, 180), rng.choice(["", "", "", "a", "b", " a"]))
        base = "%s %s" % (st, n)
        if country == "AT" and f < 0.4:
            one = "%s/%d/%d" % (base, _num(rng, 1, 6), _num(rng, 1, 30))
        elif f < 0.12:
            one = "Postfach %s" % rng.choice(["%d %02d %02d" % (_num(rng, 10, 99), _num(rng, 0, 99), _num(rng, 0, 99)), str(_num(rng, 100, 9999))])
        elif f < 0.45:
            unit = rng.choice(["3. OG", "Hinterhaus", "App. %d" % _num(rng, 1, 40), "Whg. %d" % _num(rng, 1, 40), "2. OG links", "EG rechts"])
            one = base + ", " + unit
            ml = base + "\n" + unit if rng.random() < 0.6 else None
        else:
            one = base
    elif country == "FR":
        st = rng.choice(STREETS["FR"])
        n = "%d%s" % (_num(rng, 1, 180), rng.choice(["", "", "", " bis", " ter"]))
        base = rng.choice(["%s %s", "%s, %s"]) % (n, st)
        if f < 0.3:
            unit = rng.choice(["Bât. %s, %de étage" % (rng.choice("ABCD"), _num(rng, 1, 9)), "Appt %d" % _num(rng, 1, 90),
                               "Résidence Les Pins, esc. %d" % _num(rng, 1, 5)])
            one = unit + ", " + base
            ml = unit + "\n" + base
        elif f < 0.35:
            one = "BP %d" % _num(rng, 1000, 99999)
        else:
            one = base
    elif country == "BE":
        st = rng.choice(STREETS["BE"])
        base = "%s %d" % (st, _num(rng, 1, 250))
        one = base + rng.choice(["", "", " bus %d" % _num(rng, 1, 30), " bte %d" % _num(rng, 1, 30), "/%d" % _num(rng, 1, 12)])
    elif country == "ES":
        st = rng.choice(STREETS["ES"])
        n = _num(rng, 1, 250)
        piso = rng.choice(["3º B", "4.º D", "2º izq.", "bajo", "ático 1ª", "esc. 2, 5º A", "1º dcha.", "6.º C", None, None])
        if f < 0.08:
            one = "Apartado de Correos %d" % _num(rng, 10, 9999)
        else:
            base = rng.choice(["%s, %d", "%s %d", "%s, n.º %d"]) % (st, n)
            one = base + (", " + piso if piso else "")
    elif country == "MX":
        st = rng.choice(STREETS["MX"])
        one = "%s %d%s" % (st, _num(rng, 1, 3000), rng.choice(["", "", ", Int. %d" % _num(rng, 1, 20), ", Depto. %d" % _num(rng, 101, 905)]))
        a["extra"] = rng.choice(MX_COLONIAS)
    elif country == "IT":
        st = rng.choice(STREETS["IT"])
        n = rng.choice(["%d", "%d", "%d/B", "%d/A"]) % _num(rng, 1, 200)
        if f < 0.07:
            one = "Casella Postale %d" % _num(rng, 1, 999)
        else:
            base = rng.choice(["%s %s", "%s, %s"]) % (st, n)
            one = base + rng.choice(["", "", ", int. %d" % _num(rng, 1, 30), ", scala %s, int. %d" % (rng.choice("ABC"), _num(rng, 1, 30)),
                                     " - piano %d" % _num(rng, 1, 8)])
    elif country == "NL":
        st = rng.choice(STREETS["NL"])
        if f < 0.08:
            one = "Postbus %d" % _num(rng, 10, 99999)
        else:
            one = "%s %d%s" % (st, _num(rng, 1, 400), rng.choice(["", "", "", "-2", " A", "hs", "-III", "-1", " bis"]))
    elif country == "PT":
        st = rng.choice(STREETS["PT"])
        n = _num(rng, 1, 400)
        andar = rng.choice(["3.º Esq.", "2.º Dto", "r/c", "1.º andar", "4.º B", "5.º Esq.", None])
        if f < 0.07:
            one = "Apartado %d" % _num(rng, 10, 9999)
        else:
            one = rng.choice(["%s, %d", "%s %d", "%s, n.º %d"]) % (st, n) + (", " + andar if andar else "")
    elif country == "BR":
        st = rng.choice(STREETS["BR"])
        one = "%s, %d%s" % (st, _num(rng, 1, 3000), rng.choice(["", ", apto %d" % _num(rng, 11, 1504), ", ap. %d, bloco %s" % (_num(rng, 11, 804), rng.choice("ABC")),
                                                         " - conj. %d" % _num(rng, 11, 120), ", casa %d" % _num(rng, 1, 9)]))
        a["extra"] = rng.choice(BR_BAIRROS)
    elif country == "IN":
        road = rng.choice(IN_ROADS)
        if f < 0.35:
            first = "Flat %d%s, %s" % (_num(rng, 1, 40), rng.choice("ABCD"), rng.choice(IN_LINES))
            one = first + ", " + road
            ml = first + "\n" + road
        elif f < 0.6:
            one = "No. %d, %s" % (_num(rng, 1, 300), road)
        elif f < 0.8:
            one = "House No. %d, Sector %d" % (_num(rng, 1, 3000), _num(rng, 1, 60))
        else:
            one = "%s-%d, %s, %s" % (rng.choice("ABCD"), _num(rng, 101, 1204), rng.choice(IN_LINES), road)
        a["extra"] = rng.choice(IN_LOCALITIES)
    elif country == "JP":
        ward = region
        rom, kanji, kcity = rng.choice(JP_DISTRICTS[ward])
        nums = "%d-%d-%d" % (_num(rng, 1, 8), _num(rng, 1, 30), _num(rng, 1, 25))
        a["jp"] = (rom, kanji, kcity, nums)
        pre = rng.choice(["", "", "Room %d, " % _num(rng, 101, 1210), "Sunny Heights %d, " % _num(rng, 101, 805)])
        one = "%s%s %s" % (pre, nums, rom)
        a["extra"] = ward
    elif country == "PL":
        st = rng.choice(STREETS["PL"])
        one = "%s %d%s" % (st, _num(rng, 1, 200), rng.choice(["", " m. %d" % _num(rng, 1, 80), "/%d" % _num(rng, 1, 80), " lok. %d" % _num(rng, 1, 30)]))
    elif country == "SE":
        st = rng.choice(STREETS["SE"])
        if f < 0.08:
            one = "Box %d" % _num(rng, 10, 9999)
        else:
            one = "%s %d%s" % (st, _num(rng, 1, 120), rng.choice(["", ", lgh %d" % _num(rng, 1001, 1605), " B, 3 tr", " A"]))
    elif country == "NG":
        st = rng.choice(STREETS["NG"])
        one = rng.choice(["%d %s", "Plot %d, %s", "Flat 3, Block C, %d %s", "%d %s, off Opebi Road"]) % (_num(rng, 1, 250), st)
        a["extra"] = rng.choice(NG_AREAS)
    else:
        raise ValueError(country)
    a["street"] = one
    a["street_ml"] = ml or one
    return a


def addr_segments(a, rng, multiline, lang="en"):
    """Render an address; returns segments [(label, text)]."""
    c = a["cc"]
    S = lambda: ("STREET_ADDRESS", a["street_ml"] if multiline else a["street"])
    Z = ("ZIP_CODE", a["zip"])
    nl = "\n" if multiline else ", "
    city = a["city"]
    if c in ("US",):
        return [S(), (None, nl + "%s, %s " % (city, a["region"])), Z]
    if c == "CA":
        return [S(), (None, nl + "%s %s%s" % (city, a["region"], "  " if multiline else " ")), Z]
    if c in ("UK", "IE"):
        if multiline:
            return [S(), (None, "\n%s\n" % city), Z]
        return [S(), (None, ", %s " % city), Z]
    if c == "NZ":
        ex = (a["extra"] + nl) if a["extra"] else ""
        return [S(), (None, nl + ex + city + " "), Z]
    if c == "AU":
        return [S(), (None, nl + "%s %s " % (city.upper() if multiline and rng.random() < 0.5 else city, a["region"])), Z]
    if c in ("DE", "AT", "CH", "BE", "PL", "NL"):
        sep = "  " if c == "NL" and multiline else " "
        return [S(), (None, nl), Z, (None, sep + city)]
    if c == "FR":
        return [S(), (None, nl), Z, (None, " " + (city.upper() if rng.random() < 0.4 else city))]
    if c == "SE":
        return [S(), (None, nl), Z, (None, " " + (city.upper() if rng.random() < 0.5 else city))]
    if c == "ES":
        return [S(), (None, nl), Z, (None, " " + city + (" (%s)" % a["region"] if a["region"] != city and rng.random() < 0.5 else ""))]
    if c == "IT":
        return [S(), (None, nl), Z, (None, " %s (%s)" % (city, a["region"]) if rng.random() < 0.7 else " " + city)]
    if c == "PT":
        return [S(), (None, nl), Z, (None, " " + city)]
    if c == "MX":
        return [S(), (None, nl + a["extra"] + nl + rng.choice(["", "C.P. "])), Z, (None, " %s, %s" % (city, a["region"]))]
    if c == "BR":
        if multiline:
            return [S(), (None, " - %s\n%s - %s\nCEP " % (a["extra"], city, a["region"])), Z]
        return [S(), (None, " - %s, %s - %s, CEP " % (a["extra"], city, a["region"])), Z]
    if c == "IN":
        if multiline:
            return [S(), (None, "\n%s, %s - " % (a["extra"], city)), Z, (None, "\n" + a["region"])]
        return [S(), (None, ", %s, %s " % (a["extra"], city)), Z]
    if c == "JP":
        rom, kanji, kcity, nums = a["jp"]
        if lang == "ja" or rng.random() < 0.4:
            return [(None, "〒"), Z, (None, " " + kcity), ("STREET_ADDRESS", kanji + nums)]
        return [S(), (None, ", %s, %s " % (a["extra"], city)), Z]
    if c == "NG":
        return [S(), (None, nl + "%s, %s" % (a["extra"], city) + (" " if multiline else ", ")), Z]
    raise ValueError(c)


def cityzip_segments(a, rng):
    """Just the city/postcode line, in local order."""
    if a["cc"] == "JP":
        return [(None, "%s, %s " % (a["extra"], a["city"])), ("ZIP_CODE", a["zip"])]
    segs = addr_segments(dict(a, street="X", street_ml="X"), rng, False)
    out = segs[1:]
    if out and out[0][0] is None:
        t = out[0][1].lstrip(", ")
        out[0] = (None, t)
        if t == "":
            out = out[1:]
    return out

# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

HON = {"en": ("Mr", "Mrs"), "de": ("Herr", "Frau"), "fr": ("M.", "Mme"), "es": ("Sr.", "Sra."),
       "it": ("Sig.", "Sig.ra"), "nl": ("dhr.", "mevr."), "pt": ("Sr.", "Sra.")}
DRT = {"en": ("Dr.", "Dr."), "de": ("Dr. med.", "Dr. med."), "fr": ("Dr", "Dr"), "es": ("Dr.", "Dra."),
       "it": ("Dott.", "Dott.ssa"), "nl": ("dr.", "dr."), "pt": ("Dr.", "Dra.")}
REL = {"en": (_L("husband, son, brother, partner, father"), _L("wife, daughter, sister, partner, mother")),
       "de": (_L("Ehemann, Sohn, Bruder, Lebensgefährte"), _L("Ehefrau, Tochter, Schwester, Lebensgefährtin")),
       "fr": (_L("époux, fils, frère, conjoint"), _L("épouse, fille, sœur, conjointe")),
       "es": (_L("esposo, hijo, hermano, pareja"), _L("esposa, hija, hermana, pareja")),
       "it": (_L("marito, figlio, fratello, compagno"), _L("moglie, figlia, sorella, compagna")),
       "nl": (_L("echtgenoot, zoon, broer, partner"), _L("echtgenote, dochter, zus, partner")),
       "pt": (_L("marido, filho, irmão, companheiro"), _L("esposa, filha, irmã, companheira"))}
MAIL_DOMAINS = {
    "US": _L("gmail.com, yahoo.com, outlook.com, icloud.com, aol.com, hotmail.com, proton.me"),
    "CA": _L("gmail.com, rogers.com, shaw.ca, videotron.ca, outlook.com"),
    "UK": _L("gmail.com, btinternet.com, yahoo.co.uk, outlook.com, sky.com"),
    "IE": _L("gmail.com, eircom.net, outlook.ie"),
    "AU": _L("gmail.com, bigpond.com, optusnet.com.au"), "NZ": _L("gmail.com, xtra.co.nz"),
    "DE": _L("web.de, gmx.de, t-online.de, gmail.com, posteo.de, gmx.net"),
    "AT": _L("gmx.at, aon.at, gmail.com"), "CH": _L("bluewin.ch, gmx.ch, gmail.com"),
    "FR": _L("orange.fr, free.fr, laposte.net, gmail.com, sfr.fr, wanadoo.fr"),
    "BE": _L("skynet.be, telenet.be, gmail.com"), "ES": _L("hotmail.es, gmail.com, yahoo.es, telefonica.net"),
    "MX": _L("hotmail.com, gmail.com, prodigy.net.mx"), "IT": _L("libero.it, virgilio.it, gmail.com, alice.it, tiscali.it"),
    "NL": _L("ziggo.nl, kpnmail.nl, gmail.com, hotmail.nl, xs4all.nl"), "PT": _L("sapo.pt, gmail.com, netcabo.pt"),
    "BR": _L("uol.com.br, gmail.com, bol.com.br, hotmail.com"), "IN": _L("gmail.com, rediffmail.com, yahoo.co.in"),
    "JP": _L("docomo.ne.jp, gmail.com, yahoo.co.jp"), "PL": _L("wp.pl, onet.pl, o2.pl, gmail.com"),
    "SE": _L("telia.com, gmail.com, bredband.net"), "NG": _L("gmail.com, yahoo.com"),
}
ADULT_ROLES_AGE = {"kid": (1, 15), "baby": (0, 1), "teen": (13, 17), "elder": (72, 97), "pt": (18, 94)}
REF_DATE = datetime.date(2025, 3, 1)


class Person:
    def __init__(self, ctx, role):
        rng = ctx.rng
        self.ctx = ctx
        self.role = role
        self.country = ctx.role_country(role)
        if rng.random() < 0.5:
            cult = rng.choice(NATIVE.get(self.country, CULTURE_KEYS))
        else:
            cult = rng.choice(CULTURE_KEYS)
        self.culture = cult
        m, f, sur, order = CULTURES[cult]
        self.sex = rng.choice("mf")
        self.given = rng.choice(m if self.sex == "m" else f)
        s = rng.choice(sur)
        if "/" in s:
            s = s.split("/")[0 if self.sex == "m" else 1]
        if order == "latam" and rng.random() < 0.45:
            s2 = rng.choice(sur)
            if s2 != s:
                s = s + " " + s2
        elif order == "brazil" and rng.random() < 0.45:
            s2 = rng.choice(sur)
            if s2 != s:
                s = s + " " + ({"Silva": "da Silva", "Santos": "dos Santos", "Costa": "da Costa"}.get(s2, s2))
        self.sur = s
        self.middle = ""
        if cult == "anglo" and rng.random() < 0.3:
            self.middle = rng.choice(UPPER.replace("Q", "").replace("X", "")) + "."
        self.east_order = order == "east" and rng.random() < 0.3
        if self.east_order:
            self.full = "%s %s" % (self.sur, self.given)
        else:
            self.full = " ".join(x for x in (self.given, self.middle, self.sur) if x)
        lo, hi = ADULT_ROLES_AGE.get(role.rstrip("0123456789"), (22, 80))
        if role in ("dr", "dr2", "gp", "nurse", "staff", "agent", "mgr"):
            lo, hi = 28, 66
        age_days = rng.randrange(lo * 365 + 1, hi * 365 + 300)
        self.dob = ctx.care_base - datetime.timedelta(days=age_days)
        self.age = (ctx.care_base - self.dob).days // 365
        self.addr = make_address(rng, self.country)
        self.cache = {}

    # ---- identifiers, generated lazily and cached
    def val(self, key, fn):
        if key not in self.cache:
            self.cache[key] = fn()
        return self.cache[key]

    def email(self, work=False):
        rng = self.ctx.rng
        g, s = slug(self.given, "."), slug(self.sur.split(" ")[0] if self.culture in ("latam", "brazil", "spain") else self.sur, "")
        g1 = g.replace(".", "")
        form = rng.choice(["%(g)s.%(s)s", "%(g)s.%(s)s", "%(i)s%(s)s", "%(g)s%(s)s", "%(s)s.%(g)s", "%(g)s_%(s)s",
                           "%(g)s%(s)s%(n)s", "%(g)s.%(s)s%(y)s", "%(i)s.%(s)s"])
        local = form % {"g": g1, "s": s, "i": g1[0], "n": rd(rng, 2),
                        "y": "%02d" % (self.dob.year % 100)}
        if work:
            dom = self.ctx.get("domain")[0][1]
            local = rng.choice(["%s.%s" % (g1, s), "%s%s" % (g1[0], s), g1 + "." + s])
        else:
            dom = rng.choice(MAIL_DOMAINS.get(self.country, MAIL_DOMAINS["US"]))
        return local + "@" + dom

    def bank(self):
        rng = self.ctx.rng
        c = self.country if self.country in BANKS else rng.choice(IBAN_COUNTRIES)
        return c, rng.choice(BANKS[c])

    def iban_raw(self):
        rng = self.ctx.rng
        c = self.country if self.country in IBAN_COUNTRIES else rng.choice(IBAN_COUNTRIES)
        self.cache["iban_country"] = c
        bname, code, cc, loc = rng.choice(BANKS[c])
        self.cache["bank_info"] = (bname, code, cc, loc)
        return gen_iban(rng, c, code)

    def bic(self):
        if "bank_info" not in self.cache:
            self.iban_raw_cached()
        bname, code, cc, loc = self.cache["bank_info"]
        rng = self.ctx.rng
        branch = rng.choice(["", "", "XXX", rs(rng, ALNUM_UP, 3)])
        return code + cc + loc + branch

    def iban_raw_cached(self):
        return self.val("iban_raw", self.iban_raw)

    def url(self, kind=None):
        rng = self.ctx.rng
        kind = kind or rng.choice(["li", "gh", "fb", "site", "cal", "portal"])
        sl = slug(self.full, "-")
        if kind == "li":
            return "https://www.linkedin.com/in/%s-%s" % (sl, rs(rng, "0123456789abcdef", rng.choice([6, 8, 9])))
        if kind == "gh":
            return "https://github.com/%s%s" % (slug(self.given, "")[:8], slug(self.sur, "")[:8] if rng.random() < 0.6 else rd(rng, 2))
        if kind == "fb":
            return "https://www.facebook.com/%s.%s.%s" % (slug(self.given, ""), slug(self.sur, ""), rd(rng, 3))
        if kind == "site":
            return "https://%s%s.%s" % (slug(self.given, ""), slug(self.sur, ""), rng.choice(["com", "me", "dev", "net"]))
        if kind == "cal":
            return "https://calendly.com/%s/30min" % sl
        return "https://mychart.%s/patient/%s/summary" % (rng.choice(["riversidegeneral.org", "stagnesmed.org", "lakeshorehealth.net"]),
                                                         rd(rng, 7, True))

# ---------------------------------------------------------------------------
# Record context: resolves {{role.attr}} and {{field}} placeholders
# ---------------------------------------------------------------------------

OBJ_ROLE = re.compile(r"(dx|rx|dev|key|nx)\d*$")
DATE_SUFFIX = {"iso": "iso", "us": "mdy", "compact": "compact", "dmy": "dmy", "long": "long", "dot": "dmydot",
               "DMON": "DMON", "dmon": "dmon", "dash": "dmyd", "abbr": "abbr"}
MRN_FMT = {"en": ["########", "########", "#######", "MRN-#######", "####-####", "E######", "@#######", "##-###-###"],
           "de": ["#########", "##########", "########"], "fr": ["########", "##########", "#########"],
           "es": ["#######", "########", "######"], "it": ["####/######", "########", "#######"],
           "nl": ["#######", "########"], "pt": ["#########", "#######", "########"]}
PLAN_FMT = ["@@@#########", "@########", "#########-##", "@@@@ #### ####", "MBR########", "@@@##########", "HP-########"]


def money(rng, lang, country, lo=20, hi=9000):
    v = rng.randrange(lo * 100, hi * 100) / 100.0
    whole, cents = int(v), int(round((v - int(v)) * 100))
    if lang == "en":
        cur = {"UK": "£", "IE": "€", "AU": "A$", "CA": "C$", "IN": "₹", "NG": "₦"}.get(country, "$")
        return "%s%s.%02d" % (cur, "{:,}".format(whole), cents)
    if lang == "pt" and country == "BR":
        return "R$ %s,%02d" % ("{:,}".format(whole).replace(",", "."), cents)
    if lang in ("de", "es", "it", "nl", "pt"):
        s = "{:,}".format(whole).replace(",", ".")
        return rng.choice(["%s,%02d €", "€ %s,%02d", "%s,%02d EUR"]) % (s, cents)
    s = "{:,}".format(whole).replace(",", "\u202f")
    return "%s,%02d €" % (s, cents)


class Ctx:
    def __init__(self, rng, lang, country, roles=None):
        self.rng = rng
        self.lang = lang
        self.country = country
        self.roles = roles or {}
        self.people = {}
        self.objs = {}
        self.fields = {}
        self.lookalikes = []
        self.used = set()
        pool = date_pool(lang, country)
        self.dstyle = rng.choice(pool)
        self.care_base = datetime.date(2022, 6, 1) + datetime.timedelta(days=rng.randrange(0, 1000))

    def role_country(self, role):
        r = self.roles.get(role) or self.roles.get(role.rstrip("0123456789"))
        if r:
            return self.rng.choice(r) if isinstance(r, list) else r
        return self.country

    def fmt(self, d, style=None):
        c = self.country
        return fmt_date(d, style or self.dstyle, self.lang, c)

    def get(self, key):
        if key in self.fields:
            return self.fields[key]
        if "." in key:
            role, attr = key.split(".", 1)
            if role == "c":
                segs = self.care(attr)
            elif OBJ_ROLE.match(role):
                segs = self.obj(role, attr)
            else:
                if role not in self.people:
                    self.people[role] = Person(self, role)
                segs = self.person_attr(self.people[role], attr)
        else:
            segs = self.field(key)
        if isinstance(segs, str):
            segs = [(None, segs)]
        self.fields[key] = segs
        return segs

    # ---- care dates (labelled DATE: tied to a person's care)
    def care(self, attr):
        base = self.care_base
        name, _, suf = attr.partition("_")
        offs = {"visit": 0, "adm": 0, "dos": 0, "lab": 0, "surg": 1, "dis": None, "appt": None, "next": None,
                "prev": None, "dos2": None, "onset": None, "referral": 0}
        if name not in offs:
            raise KeyError("care date " + attr)
        if offs[name] is None:
            k = "_off_" + name
            if k not in self.fields:
                rng = self.rng
                self.fields[k] = {"dis": rng.randrange(2, 15), "appt": rng.randrange(10, 90), "next": rng.randrange(14, 120),
                                  "prev": -rng.randrange(30, 400), "dos2": rng.randrange(1, 20),
                                  "onset": -rng.randrange(1, 10)}[name]
            off = self.fields[k]
        else:
            off = offs[name]
        d = base + datetime.timedelta(days=off)
        return [("DATE", self.fmt(d, DATE_SUFFIX.get(suf) if suf else None))]

    # ---- objects: conditions, drugs, devices, secrets
    def obj(self, role, attr):
        rng, lang = self.rng, self.lang
        li = LANGS.index(lang) if lang in LANGS else 0
        if role not in self.objs:
            if role.startswith("dx"):
                while True:
                    o = rng.choice(CONDITIONS)
                    if o[0] not in self.used:
                        break
                self.used.add(o[0])
            elif role.startswith("rx"):
                while True:
                    o = rng.choice(DRUGS)
                    if o[0][0] not in self.used:
                        break
                self.used.add(o[0][0])
                o = {"drug": o[0][li], "dose": rng.choice(o[1]), "freq": rng.choice(FREQ[lang])}
            elif role.startswith("dev"):
                o = {"kind": rng.choice(DEVICES[lang])}
            elif role.startswith("nx"):
                o = rng.choice(NATIVE_SCRIPT)
            else:
                o = {}
            self.objs[role] = o
        o = self.objs[role]
        if role.startswith("dx"):
            if attr == "code":
                return [("ICD10_CODE", o[0])]
            if attr == "term":
                return o[1 + li]
            if attr == "TERM":
                return o[1 + li].upper()
            raise KeyError(attr)
        if role.startswith("rx"):
            if attr == "drugcap":
                return o["drug"][0].upper() + o["drug"][1:]
            return o[attr]
        if role.startswith("dev"):
            if attr == "kind":
                return o["kind"]
            if attr not in o:
                o[attr] = {"serial": gen_serial, "udi": gen_udi, "imei": gen_imei, "mac": gen_mac}[attr](rng)
            return [("DEVICE_ID", o[attr])]
        if role.startswith("nx"):
            if attr == "lang":
                return o[2]
            return [("PERSON", o[0] if attr == "roman" else o[1])]
        if role.startswith("key"):
            if attr not in o:
                o[attr] = gen_secret(rng, attr)
            return [("API_KEY", o[attr])]
        raise KeyError(role)

    # ---- person attributes
    def person_attr(self, p, attr):
        rng, lang = self.rng, self.lang
        li = LANGS.index(lang) if lang in LANGS else 0
        sexi = 0 if p.sex == "m" else 1
        P = lambda s: [("PERSON", s)]
        if attr == "name":
            return P(p.full)
        if attr == "given":
            return P(p.given)
        if attr == "sur":
            return P(p.sur)
        if attr == "lf":
            return P("%s, %s" % (p.sur, p.given))
        if attr == "lfcaps":
            return P("%s, %s" % (p.sur.upper(), p.given.upper()))
        if attr == "caps":
            return P(p.full.upper())
        if attr == "lower":
            return P(p.full.lower())
        if attr == "given_lower":
            return P(p.given.lower())
        if attr == "init":
            return P("%s. %s" % (p.given[0], p.sur))
        if attr == "fam":
            return P("%s %s" % (p.sur.upper(), p.given))
        if attr == "gcaps":
            return P(p.given.upper())
        if attr == "scaps":
            return P(p.sur.upper())
        if attr == "hon":
            return HON[lang][sexi]
        if attr == "drt":
            return DRT[lang][sexi]
        if attr == "relation":
            return p.val("relation", lambda: rng.choice(REL[lang][sexi]))
        if attr == "o":
            if lang in ("es", "it", "pt"):
                return "oa"[sexi]
            return ["", "e"][sexi] if lang == "fr" else ""
        if attr == "he":
            return ["he", "she"][sexi]
        if attr == "He":
            return ["He", "She"][sexi]
        if attr == "his":
            return ["his", "her"][sexi]
        if attr == "His":
            return ["His", "Her"][sexi]
        if attr == "dd":
            return ["der", "die"][sexi]
        if attr == "child":
            return ["son", "daughter"][sexi]
        if attr == "him":
            return ["him", "her"][sexi]
        if attr == "mf":
            return ["M", "F"][sexi]
        if attr == "sexw":
            return {"en": ["male", "female"], "de": ["männlich", "weiblich"], "fr": ["masculin", "féminin"],
                    "es": ["varón", "mujer"], "it": ["maschio", "femmina"], "nl": ["man", "vrouw"],
                    "pt": ["masculino", "feminino"]}[lang][sexi]
        if attr == "man":
            return {"en": ["man", "woman"], "de": ["Patient", "Patientin"], "fr": ["homme", "femme"], "es": ["varón", "mujer"],
                    "it": ["uomo", "donna"], "nl": ["man", "vrouw"], "pt": ["homem", "mulher"]}[lang][sexi]
        if attr == "age":
            return str(p.age)
        if attr.startswith("dob"):
            suf = attr[4:] if attr.startswith("dob_") else ""
            return [("DATE", self.fmt(p.dob, DATE_SUFFIX[suf] if suf else None))]
        if attr in ("phone", "phone_intl", "mobile", "mobile_intl", "phone2", "fax"):
            if attr == "phone":
                nat, intl = p.val("ph", lambda: gen_phone(rng, p.country))
                return [("PHONE", p.val("phone_choice", lambda: nat if rng.random() < 0.72 else intl))]
            if attr == "phone_intl":
                return [("PHONE", p.val("ph", lambda: gen_phone(rng, p.country))[1])]
            if attr.startswith("mobile"):
                nat, intl = p.val("mob", lambda: gen_phone(rng, p.country, True))
                return [("PHONE", intl if attr.endswith("intl") else nat)]
            nat, intl = p.val(attr, lambda: gen_phone(rng, p.country, False))
            return [("PHONE", nat)]
        if attr == "email":
            return [("EMAIL", p.val("email", lambda: p.email()))]
        if attr == "email_work":
            return [("EMAIL", p.val("email_work", lambda: p.email(True)))]
        if attr == "street":
            return [("STREET_ADDRESS", p.addr["street"])]
        if attr == "street_ml":
            return [("STREET_ADDRESS", p.addr["street_ml"])]
        if attr == "zip":
            return [("ZIP_CODE", p.addr["zip"])]
        if attr == "city":
            return p.addr["city"]
        if attr == "region":
            return p.addr["region"] or p.addr["city"]
        if attr == "cname":
            return COUNTRY_NAME.get(lang, COUNTRY_NAME["en"]).get(p.country, COUNTRY_NAME["en"][p.country])
        if attr == "addr":
            return addr_segments(p.addr, rng, True, lang)
        if attr == "addr1":
            return addr_segments(p.addr, rng, False, lang)
        if attr == "addr_native":
            return addr_segments(p.addr, rng, False, "ja" if p.country == "JP" else lang)
        if attr == "cityzip":
            return cityzip_segments(p.addr, rng)
        if attr == "ssn":
            return [("US_SSN", p.val("ssn", lambda: gen_ssn(rng)))]
        if attr == "ssn4":
            raise KeyError("ssn4 is not an identifier we label")
        if attr == "nino":
            return [("UK_NINO", p.val("nino", lambda: gen_nino(rng)))]
        if attr == "nhs":
            return [("UK_NHS", p.val("nhs", lambda: gen_nhs(rng)))]
        if attr == "nir":
            return [("FR_NIR", p.val("nir", lambda: gen_nir(rng, p.sex, p.dob, p.addr["zip"] if p.country == "FR" else None, p.culture)))]
        if attr == "steuerid":
            return [("DE_TAX_ID", p.val("steuerid", lambda: gen_steuerid(rng)))]
        if attr == "dni":
            return [("ES_DNI", p.val("dni", lambda: gen_dni(rng, False)))]
        if attr == "nie":
            return [("ES_DNI", p.val("nie", lambda: gen_dni(rng, True)))]
        if attr == "docid":
            return [("ES_DNI", p.val("docid", lambda: gen_dni(rng, p.culture not in ("spain", "latam"))))]
        if attr == "cf":
            def mk():
                town = CF_CITY.get(p.addr["city"]) if p.culture == "italian" else CF_FOREIGN.get(p.culture)
                return gen_cf(p, town or rng.choice(CF_TOWNS))
            return [("IT_FISCAL_CODE", p.val("cf", mk))]
        if attr == "bsn":
            return [("NL_BSN", p.val("bsn", lambda: gen_bsn(rng)))]
        if attr == "passport":
            return [("US_PASSPORT", p.val("passport", lambda: gen_passport(rng)))]
        if attr in ("dl", "dl_state"):
            st, num = p.val("dl", lambda: gen_dl(rng, p.addr["region"] if p.country == "US" else None))
            return [("US_DRIVER_LICENSE", num)] if attr == "dl" else st
        if attr == "mrn":
            return [("MEDICAL_RECORD_NUMBER", p.val("mrn", lambda: fill(rng, rng.choice(MRN_FMT[lang]))))]
        if attr == "plan":
            return [("HEALTH_PLAN_ID", p.val("plan", lambda: fill(rng, rng.choice(PLAN_FMT))))]
        if attr == "mbi":
            return [("HEALTH_PLAN_ID", p.val("mbi", lambda: gen_mbi(rng)))]
        if attr == "kvnr":
            return [("HEALTH_PLAN_ID", p.val("kvnr", lambda: gen_kvnr(rng)))]
        if attr == "utente":
            return [("HEALTH_PLAN_ID", p.val("utente", lambda: rd(rng, 9, True)))]
        if attr == "mutuelle":
            return [("HEALTH_PLAN_ID", p.val("mutuelle", lambda: fill(rng, rng.choice(["########", "@@ #######", "#### #### ##"]))))]
        if attr == "polis":
            return [("HEALTH_PLAN_ID", p.val("polis", lambda: fill(rng, rng.choice(["#########", "@@#######", "####.###.###"]))))]
        if attr == "cip":
            return [("HEALTH_PLAN_ID", p.val("cip", lambda: fill(rng, rng.choice(["@@@@##########", "@@@@ ######## ##"]))))]
        if attr == "card":
            return [("CREDIT_CARD", p.val("card", lambda: gen_card(rng)[0]))]
        if attr == "card_exp":
            return p.val("card_exp", lambda: "%02d/%02d" % (rng.randrange(1, 13), rng.randrange(26, 31)))
        if attr == "iban":
            raw = p.iban_raw_cached()
            return [("IBAN", p.val("iban_fmt", lambda: fmt_iban(rng, raw)))]
        if attr == "bic":
            return [("SWIFT_BIC", p.val("bic", p.bic))]
        if attr == "bankname":
            p.iban_raw_cached()
            return p.cache["bank_info"][0]
        if attr == "acct":
            def mk():
                c = p.country
                if c == "NG":
                    return rd(rng, 10)
                if c == "BR":
                    return "%s-%s" % (rd(rng, 5, True), rd(rng, 1))
                if c in ("UK", "IE"):
                    return rd(rng, 8)
                if c == "IN":
                    return rd(rng, 14, True)
                return rd(rng, rng.choice([8, 9, 10, 11, 12]), True)
            return [("ACCOUNT_NUMBER", p.val("acct", mk))]
        if attr == "routing":
            return [("US_BANK_ROUTING", p.val("routing", lambda: gen_aba(rng)))]
        if attr == "ip":
            return [("IP_ADDRESS", p.val("ip", lambda: gen_ipv4(rng)))]
        if attr == "ip6":
            return [("IP_ADDRESS", p.val("ip6", lambda: gen_ipv6(rng)))]
        if attr in ("url", "li", "gh", "portal", "fb", "site", "cal"):
            return [("URL", p.val(attr, lambda: p.url(None if attr == "url" else attr)))]
        if attr == "plate":
            return [("VEHICLE_ID", p.val("plate", lambda: gen_plate(rng, p.country)))]
        if attr == "vin":
            return [("VEHICLE_ID", p.val("vin", lambda: gen_vin(rng)))]
        if attr == "imei":
            return [("DEVICE_ID", p.val("imei", lambda: gen_imei(rng)))]
        if attr == "npi":
            return [("NPI", p.val("npi", lambda: gen_npi(rng)))]
        if attr == "dea":
            return [("DEA_NUMBER", p.val("dea", lambda: gen_dea(rng, p.sur)))]
        raise KeyError("person attr " + attr)

# ---------------------------------------------------------------------------
# Record-level (unlabelled) fields and look-alikes
# ---------------------------------------------------------------------------

EPONYMS = {
    "en": _L("Parkinson's disease, Hodgkin lymphoma, Alzheimer's disease, Crohn's disease, Graves' disease, "
             "Hashimoto's thyroiditis, Cushing's syndrome, Addison's disease, Down syndrome, Tourette syndrome, "
             "Kaposi sarcoma, Bell's palsy, Raynaud's phenomenon, Sjögren's syndrome, Guillain-Barré syndrome, "
             "Epstein-Barr virus, Barrett's oesophagus, Wilson's disease, Huntington's disease, Ménière's disease, "
             "Marfan syndrome, Paget's disease of bone, Dupuytren's contracture, Kawasaki disease, Stevens-Johnson syndrome, "
             "Hirschsprung disease, Takotsubo cardiomyopathy, Wernicke encephalopathy"),
    "de": _L("Morbus Parkinson, Hodgkin-Lymphom, Alzheimer-Demenz, Morbus Crohn, Morbus Basedow, Hashimoto-Thyreoiditis, "
             "Cushing-Syndrom, Morbus Addison, Down-Syndrom, Morbus Bechterew, Morbus Menière, Guillain-Barré-Syndrom, "
             "Epstein-Barr-Virus, Barrett-Ösophagus, Dupuytren-Kontraktur, Morbus Wilson"),
    "fr": _L("maladie de Parkinson, lymphome de Hodgkin, maladie d'Alzheimer, maladie de Crohn, maladie de Basedow, "
             "syndrome de Cushing, maladie d'Addison, syndrome de Gougerot-Sjögren, syndrome de Guillain-Barré, "
             "maladie de Charcot, maladie de Horton, maladie de Lyme, syndrome de Marfan"),
    "es": _L("enfermedad de Parkinson, linfoma de Hodgkin, enfermedad de Alzheimer, enfermedad de Crohn, síndrome de Cushing, "
             "enfermedad de Addison, síndrome de Down, síndrome de Guillain-Barré, enfermedad de Chagas, síndrome de Sjögren, "
             "enfermedad de Graves-Basedow"),
    "it": _L("morbo di Parkinson, linfoma di Hodgkin, malattia di Alzheimer, morbo di Crohn, sindrome di Cushing, "
             "morbo di Addison, sindrome di Down, sindrome di Guillain-Barré, morbo di Basedow, tiroidite di Hashimoto"),
    "nl": _L("ziekte van Parkinson, hodgkinlymfoom, ziekte van Alzheimer, ziekte van Crohn, syndroom van Cushing, "
             "ziekte van Addison, syndroom van Down, syndroom van Guillain-Barré, ziekte van Lyme, ziekte van Bechterew"),
    "pt": _L("doença de Parkinson, linfoma de Hodgkin, doença de Alzheimer, doença de Crohn, síndrome de Cushing, "
             "doença de Addison, síndrome de Down, síndrome de Guillain-Barré, doença de Chagas, tiroidite de Hashimoto"),
}
EPONYM_SIGNS = {
    "en": _L("Apgar score, Glasgow Coma Scale, Babinski sign, Murphy's sign, McBurney's point, Whipple procedure, "
             "Nissen fundoplication, Heimlich manoeuvre, Foley catheter, Swan-Ganz catheter, Holter monitor, Pap smear, "
             "Gram stain, Mantoux test, Valsalva manoeuvre, Trendelenburg position, Seldinger technique, Kernig's sign, "
             "Wells score, Epley manoeuvre, Cockcroft-Gault equation, Kaplan-Meier curve, Bristol stool chart"),
    "de": _L("Apgar-Score, Glasgow-Koma-Skala, Babinski-Zeichen, Murphy-Zeichen, Heimlich-Manöver, Foley-Katheter, "
             "Holter-EKG, Valsalva-Manöver, Seldinger-Technik, Lasègue-Zeichen"),
    "fr": _L("score d'Apgar, score de Glasgow, signe de Babinski, signe de Murphy, manœuvre de Heimlich, sonde de Foley, "
             "Holter ECG, manœuvre de Valsalva, test de Mantoux"),
    "es": _L("test de Apgar, escala de Glasgow, signo de Babinski, signo de Murphy, maniobra de Heimlich, sonda Foley, "
             "Holter de 24 horas, maniobra de Valsalva"),
    "it": _L("indice di Apgar, scala di Glasgow, segno di Babinski, segno di Murphy, manovra di Heimlich, catetere di Foley, "
             "Holter ECG, manovra di Valsalva"),
    "nl": _L("Apgar-score, Glasgow-comaschaal, babinskireflex, teken van Murphy, heimlichmanoeuvre, Foley-katheter, "
             "holteronderzoek, valsalvamanoeuvre"),
    "pt": _L("índice de Apgar, escala de Glasgow, sinal de Babinski, sinal de Murphy, manobra de Heimlich, sonda de Foley, "
             "Holter de 24 horas, manobra de Valsalva"),
}
BRANDS = _L("Ozempic, Eliquis, Keytruda, Humira, Lipitor, Xarelto, Jardiance, Dupixent, Lantus, Synthroid, Zoloft, "
            "Trulicity, Entresto, Mounjaro, Wegovy, Biktarvy, Stelara, Farxiga, Victoza, Januvia, Prolia, Augmentin, "
            "Nexium, Ventolin, Symbicort, Clexane, Pradaxa, Voltaren, Allegra, Abilify, Lyrica, Valium, Lucentis, "
            "Marcoumar, Novalgin, Doliprane, Efferalgan, Nolotil, Tachipirina, Brufen")
PRODUCTS = _L("Dexcom G7, FreeStyle Libre 3, Omnipod 5, Tandem t:slim X2, ResMed AirSense 11, Medtronic MiniMed 780G, "
              "Apple Watch Series 9, Fitbit Charge 6, Withings BPM Connect, Philips DreamStation 2, Oura Ring")
PCOMPANIES = _L("Morgan Stanley, Charles Schwab, Eli Lilly, Wells Fargo, Johnson & Johnson, Goldman Sachs, Ernst & Young, "
                "Boehringer Ingelheim, Merck, Abbott, Marks & Spencer, Dow Jones, Procter & Gamble, Hewlett Packard, "
                "Roche, Bayer, Siemens Healthineers, Philips, Thermo Fisher, Baxter, Becton Dickinson, Fresenius, "
                "Lloyd's, Barclays, Edward Jones, Raymond James, T. Rowe Price, Jenny Craig, Ben & Jerry's")
PLACES = _L("Victoria, Charlotte, Jackson, Austin, Florence, Sydney, Adelaide, Elizabeth, Madison, Lincoln, Georgetown, "
            "San José, Santa Cruz, St. Louis, Port Elizabeth, Lake Victoria, Alexandria, Washington, Houston, Hamilton, "
            "Wellington, Darwin, Kingston, Regina, Marseille, Saint-Étienne, San Sebastián, Santiago, Lourdes, Eindhoven")
AI_NAMES = _L("Alexa, Siri, Claude, Gemini, Cortana, Copilot, Watson")
ECON = _L("Black-Scholes model, Monte Carlo simulation, Fibonacci retracement, Bollinger Bands, Sharpe ratio, "
          "Kelly criterion, Gini coefficient, Nash equilibrium, Pareto principle, Dodd-Frank Act, Sarbanes-Oxley Act, "
          "Gramm-Leach-Bliley Act, Taylor rule, Phillips curve, Herfindahl index, Macaulay duration")
US_BANKS = _L("First Prairie Bank, Harbor Federal Credit Union, Cascade Trust, Lone Star Community Bank, Great Lakes Savings")
PHARMACIES = {"en": _L("Walgreens #4821, CVS Pharmacy, Boots, Rite Aid, Tidewater Pharmacy, Kroger Pharmacy"),
              "de": _L("Apotheke am Markt, Löwen-Apotheke, Stern-Apotheke"), "fr": _L("Pharmacie du Centre, Pharmacie de la Gare"),
              "es": _L("Farmacia Central, Farmacia San Roque"), "it": _L("Farmacia Comunale, Farmacia San Marco"),
              "nl": _L("Apotheek De Vaart, Service Apotheek Centrum"), "pt": _L("Farmácia Central, Farmácia Estácio")}
APPS = _L("MyChart, CareLink, PayFlow, Helix Portal, Copperleaf, Northwind Connect")
API_PATHS = _L("/api/v2/orders, /api/v1/claims/submit, /v1/chat/completions, /healthz, /api/v3/appointments, "
               "/auth/token, /api/v1/payments/intents, /fhir/R4/Patient, /internal/metrics, /api/v2/search")
UAS = _L("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36, okhttp/4.12.0, python-requests/2.31.0, "
         "curl/8.4.0, Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)")
CPTS = _L("99213, 99214, 99203, 93000, 80053, 85025, 36415, 71046, 97110, 90834, 99285, 45378, 20610")
CARCS = _L("CO-16, CO-97, PR-1, PR-2, CO-45, CO-50, OA-23, CO-4, PR-204")


def _uuid(rng):
    h = rs(rng, "0123456789abcdef", 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def _no_luhn(rng, fn):
    while True:
        v = fn()
        if not luhn_ok(v):
            return v


def bad_card(rng):
    v, brand = gen_card(rng)
    ds = [c for c in v]
    i = max(i for i, c in enumerate(ds) if c.isdigit())
    ds[i] = str((int(ds[i]) + rng.randrange(1, 10)) % 10)
    v = "".join(ds)
    assert not luhn_ok(v)
    return v


def bad_iban(rng):
    while True:
        v = _bad_iban(rng)
        if not any(luhn_ok(m.group(0)) for m in DIGITRUN_RE.finditer(v)):
            return v


def _bad_iban(rng):
    c = rng.choice(IBAN_COUNTRIES)
    bname, code, cc, loc = rng.choice(BANKS[c])
    v = gen_iban(rng, c, code)
    while True:
        cd = "%02d" % rng.randrange(2, 99)
        if cd != v[2:4]:
            break
    v = v[:2] + cd + v[4:]
    assert not iban_ok(v)
    return group4(v) if rng.random() < 0.6 else v


def bad_digit(rng, v, ok):
    ds = list(v)
    idx = [i for i, c in enumerate(ds) if c.isdigit()]
    while True:
        i = idx[-1]
        ds2 = list(ds)
        ds2[i] = str((int(ds[i]) + rng.randrange(1, 10)) % 10)
        w = "".join(ds2)
        if not ok(w):
            return w


def pick(ctx, lst):
    """Choose from lst, avoiding values already used in this record."""
    for _ in range(30):
        v = ctx.rng.choice(lst)
        if "v:" + v not in ctx.used:
            break
    ctx.used.add("v:" + v)
    return v


LAB_ROWS = ["| Ferritin | ng/mL | 30 - 400 |", "| TSH | mIU/L | 0.4 - 4.0 |", "| INR | ratio | 0.8 - 1.2 |",
            "| Sodium | mmol/L | 135 - 145 |", "| Potassium | mmol/L | 3.5 - 5.1 |", "| ALT | U/L | 7 - 56 |",
            "| LDL-C | mmol/L | < 3.0 |", "| Haemoglobin | g/dL | 12.0 - 17.5 |"]


def record_field(ctx, name):
    rng, lang, c = ctx.rng, ctx.lang, ctx.country
    dec = (lambda x: x) if lang == "en" else (lambda x: x.replace(".", ","))
    if name in ("company", "domain"):
        if "_company" not in ctx.fields:
            ctx.fields["_company"] = rng.choice(COMPANIES[lang])
        comp = ctx.fields["_company"]
        return comp[0] if name == "company" else comp[1]
    if name in ("hosp", "hosp2"):
        lst = HOSPITALS.get(c) or HOSPITALS[HOSP_BY_LANG[lang]]
        return rng.choice(lst)
    if name == "spec":
        return rng.choice(SPECIALTIES[lang])
    if name == "title":
        return rng.choice(JOB_TITLES[lang])
    if name == "insurer":
        return rng.choice(INSURERS[lang])
    if name == "usbank":
        return rng.choice(US_BANKS)
    if name.startswith("salary"):
        v = money(rng, lang, c, 28000, 190000)
        return v.split(".")[0] if lang == "en" else v
    if name.startswith("amount"):
        return money(rng, lang, c)
    if name == "glucose":
        return str(rng.randrange(62, 340))
    if name == "cc":
        return rng.choice(CHIEF[lang])
    if name == "bp":
        return "%d/%d" % (rng.randrange(100, 176), rng.randrange(58, 106))
    if name == "hr":
        return str(rng.randrange(52, 119))
    if name == "temp":
        if lang == "en" and c == "US":
            return "%.1f" % (rng.randrange(971, 1025) / 10.0)
        return dec("%.1f" % (rng.randrange(361, 395) / 10.0))
    if name == "spo2":
        return str(rng.randrange(89, 100))
    if name == "rr":
        return str(rng.randrange(12, 29))
    if name == "wt":
        return str(rng.randrange(48, 131))
    if name == "ndays":
        return str(rng.randrange(2, 11))
    if name == "hba1c":
        return dec("%.1f" % (rng.randrange(58, 112) / 10.0))
    if name == "egfr":
        return str(rng.randrange(24, 96))
    if name == "crp":
        return str(rng.randrange(2, 180))
    if name == "hb":
        return dec("%.1f" % (rng.randrange(82, 165) / 10.0))
    if name == "inr":
        return dec("%.1f" % (rng.randrange(9, 38) / 10.0))
    if name == "ref":
        return rng.choice(["INV-%d-%04d" % (rng.randrange(2023, 2026), rng.randrange(1, 9999)), "RE-%06d" % rng.randrange(1, 999999),
                           "F%07d" % rng.randrange(1, 9999999), "INV%05d" % rng.randrange(1, 99999), "%s-%d" % (rs(rng, UPPER, 3), rng.randrange(1000, 99999))])
    if name == "order":
        return _no_luhn(rng, lambda: rng.choice(["#%03d-%07d-%07d" % (rng.randrange(100, 999), rng.randrange(10 ** 6, 10 ** 7), rng.randrange(10 ** 6, 10 ** 7)),
                           "ORD-%08d" % rng.randrange(10 ** 7), "PO-2024-%05d" % rng.randrange(10 ** 4), "#%d" % rng.randrange(10000, 999999),
                           "SO%07d" % rng.randrange(10 ** 6, 10 ** 7)]))
    if name == "ticket":
        return rng.choice(["#%d" % rng.randrange(10000, 999999), "CS-%06d" % rng.randrange(10 ** 6), "INC%07d" % rng.randrange(10 ** 7),
                           "SR-%d" % rng.randrange(100000, 999999)])
    if name.startswith("time"):
        return "%02d:%02d" % (rng.randrange(7, 23), rng.randrange(60))
    if name.startswith("ts"):
        if "_ts0" not in ctx.fields:
            ctx.fields["_ts0"] = datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=rng.randrange(0, 500 * 86400))
        t = ctx.fields["_ts0"] + datetime.timedelta(seconds=rng.randrange(0, 40) + (int(name[2:] or 0) * 37))
        ms = rng.randrange(1000)
        return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % ms
    if name.startswith("syslogts"):
        if "_ts0" not in ctx.fields:
            ctx.fields["_ts0"] = datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=rng.randrange(0, 500 * 86400))
        t = ctx.fields["_ts0"] + datetime.timedelta(seconds=rng.randrange(0, 90))
        return "%s %2d %s" % (MONTHS["en"][t.month - 1][:3], t.day, t.strftime("%H:%M:%S"))
    if name.startswith("reqid") or name.startswith("uuid"):
        return _uuid(rng)
    if name.startswith("sha256"):
        return rs(rng, "0123456789abcdef", 64)
    if name.startswith("sha"):
        return rs(rng, "0123456789abcdef", 40)
    if name.startswith("short"):
        return rs(rng, "0123456789abcdef", 7)
    if name.startswith("hex"):
        return rs(rng, "0123456789abcdef", 32)
    if name.startswith("port"):
        return str(rng.randrange(1024, 65535))
    if name.startswith("clock"):
        if "_clock" not in ctx.fields:
            ctx.fields["_clock"] = rng.randrange(7 * 60, 21 * 60)
        t = ctx.fields["_clock"] + (int(name[5:] or 1) - 1) * 2 + rng.randrange(0, 2)
        return "%02d:%02d" % (t // 60, t % 60)
    if name == "clf":
        if "_ts0" not in ctx.fields:
            ctx.fields["_ts0"] = datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=rng.randrange(0, 500 * 86400))
        t = ctx.fields["_ts0"]
        return "%02d/%s/%d:%s +0000" % (t.day, MONTHS["en"][t.month - 1][:3], t.year, t.strftime("%H:%M:%S"))
    if name.startswith("ms"):
        return str(rng.randrange(3, 2400))
    if name.startswith("path"):
        return rng.choice(API_PATHS)
    if name == "ua":
        return rng.choice(UAS)
    if name.startswith("version"):
        return rng.choice(["%d.%d.%d" % (rng.randrange(0, 12), rng.randrange(0, 30), rng.randrange(0, 20)),
                           "v%d.%d.%d" % (rng.randrange(1, 6), rng.randrange(0, 25), rng.randrange(0, 15)),
                           "%d.%d" % (rng.randrange(1, 20), rng.randrange(0, 10)),
                           "%d.%d.%d-rc.%d" % (rng.randrange(1, 5), rng.randrange(0, 9), rng.randrange(0, 9), rng.randrange(1, 5))])
    if name == "build":
        return rng.choice(["10.0.%d.%d" % (rng.choice([19045, 22621, 22631, 26100]), rng.randrange(1000, 5000)),
                           "4.18.0-%d.el8.x86_64" % rng.randrange(300, 560), "%d.%d.%d.%d" % (rng.randrange(100, 131), 0, rng.randrange(6000, 6800), rng.randrange(10, 250))])
    if name.startswith("cpt"):
        return rng.choice(CPTS)
    if name == "carc":
        return rng.choice(CARCS)
    if name.startswith("ndc"):
        return rng.choice(["%s-%s-%s" % (rd(rng, 4), rd(rng, 4), rd(rng, 2)), "%s-%s-%s" % (rd(rng, 5), rd(rng, 3), rd(rng, 2)),
                           "%s-%s-%s" % (rd(rng, 5), rd(rng, 4), rd(rng, 1))])
    if name.startswith("eponym"):
        return pick(ctx, EPONYMS[lang])
    if name.startswith("sign"):
        return pick(ctx, EPONYM_SIGNS[lang])
    if name.startswith("brand"):
        return pick(ctx, BRANDS)
    if name.startswith("product"):
        return pick(ctx, PRODUCTS)
    if name.startswith("pcompany"):
        return pick(ctx, PCOMPANIES)
    if name.startswith("place"):
        return pick(ctx, PLACES)
    if name.startswith("ainame"):
        return pick(ctx, AI_NAMES)
    if name.startswith("econ"):
        return pick(ctx, ECON)
    if name.startswith("labrow"):
        return pick(ctx, LAB_ROWS)
    if name.startswith("cityname"):
        return rng.choice(CITIES.get(c, CITIES["US"]))[0]
    if name.startswith("sku"):
        return fill(rng, rng.choice(["@@-####-@@@", "SKU-#####-@", "@@@####", "###-@@-###", "REF ####-###"]))
    if name.startswith("lot"):
        return fill(rng, rng.choice(["##@###", "@@####@", "LOT####-##"]))
    if name.startswith("evdate"):
        d = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(0, 900))
        return ctx.fmt(d)
    if name == "year":
        return str(rng.randrange(2019, 2027))
    if name == "quarter":
        return "Q%d %d" % (rng.randrange(1, 5), rng.randrange(2023, 2026))
    if name.startswith("badcard"):
        v = bad_card(rng)
        ctx.lookalikes.append(("CREDIT_CARD", v))
        return v
    if name.startswith("badiban"):
        v = bad_iban(rng)
        ctx.lookalikes.append(("IBAN", v))
        return v
    if name.startswith("badaba"):
        v = bad_digit(rng, gen_aba(rng), aba_ok)
        ctx.lookalikes.append(("US_BANK_ROUTING", v))
        return v
    if name.startswith("badnhs"):
        v = bad_digit(rng, gen_nhs(rng), nhs_ok)
        ctx.lookalikes.append(("UK_NHS", v))
        return v
    if name.startswith("badbsn"):
        v = bad_digit(rng, gen_bsn(rng), bsn_ok)
        ctx.lookalikes.append(("NL_BSN", v))
        return v
    if name.startswith("badssn"):
        v = "%s-%02d-%04d" % (rng.choice(["000", "666", "9%02d" % rng.randrange(100)]), rng.randrange(1, 100), rng.randrange(1, 10000))
        ctx.lookalikes.append(("US_SSN", v))
        return v
    if name.startswith("badnpi"):
        v = bad_digit(rng, gen_npi(rng), npi_ok)
        ctx.lookalikes.append(("NPI", v))
        return v
    if name.startswith("isbn"):
        def mk():
            body = rng.choice(["978", "979"]) + rd(rng, 9)
            chk = (10 - sum(int(x) * (1 if i % 2 == 0 else 3) for i, x in enumerate(body)) % 10) % 10
            return body + str(chk)
        v = _no_luhn(rng, mk)
        return "%s-%s-%s-%s-%s" % (v[:3], v[3], v[4:7], v[7:12], v[12])
    if name.startswith("tracking"):
        return _no_luhn(rng, lambda: rng.choice(["1Z" + rs(rng, ALNUM_UP, 16), "JJD01" + rd(rng, 16), "94001" + rd(rng, 17)]))
    if name.startswith("pharm"):
        return rng.choice(PHARMACIES[lang])
    if name.startswith("app"):
        return rng.choice(APPS)
    if name.startswith("pct"):
        return dec("%.1f" % (rng.randrange(1, 999) / 10.0))
    if name.startswith("num"):
        return str(rng.randrange(2, 60))
    if name.startswith("big"):
        return "{:,}".format(rng.randrange(1000, 900000))
    if name == "kb":
        return "KB%d" % rng.randrange(5000000, 5049999)
    if name == "cve":
        return "CVE-%d-%d" % (rng.randrange(2021, 2026), rng.randrange(1000, 49999))
    if name == "room":
        return "%d%s" % (rng.randrange(1, 9), rng.choice(["A", "B", "12", "04", "21"]))
    if name == "mt":
        return rng.choice(["MT103", "MT202", "pacs.008", "pain.001", "camt.053", "MT940"])
    if name == "wait":
        return str(rng.randrange(2, 30))
    raise KeyError("field " + name)


Ctx.field = record_field

# ---------------------------------------------------------------------------
# Template engine
# ---------------------------------------------------------------------------

PH_RE = re.compile(r"\{\{([a-z][a-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?)\}\}")
ALT_RE = re.compile(r"\{~(.*?)~\}", re.S)

TEMPLATES = []


def T(slice_, lang, countries, text, prose=False, doc=False, roles=None, code=False):
    """Register a positive template. countries: list of locale codes (address/phone/date formats)."""
    if text.startswith("\n"):
        text = text[1:]
    TEMPLATES.append({"slice": slice_, "lang": lang, "countries": countries.split() if isinstance(countries, str) else countries,
                      "text": text, "prose": prose, "doc": doc, "roles": roles or {}, "neg": False, "code": code})


def N(slice_, lang, countries, text, prose=False, doc=False, code=False):
    """Register a negative template (no identifiers; look-alikes only)."""
    if text.startswith("\n"):
        text = text[1:]
    TEMPLATES.append({"slice": slice_, "lang": lang, "countries": countries.split() if isinstance(countries, str) else countries,
                      "text": text, "prose": prose, "doc": doc, "roles": {}, "neg": True, "code": code})


WRAP = {
    "en": ["Fix the grammar and formatting, keep all the details:\n\n", "Extract the key fields as JSON.\n\n",
           "Please check this for errors before I send it:\n", "Rewrite this more concisely:\n\n",
           "What's missing from this?\n---\n", "can you clean this up\n\n", "Draft a reply to this:\n\n"],
    "de": ["Bitte fasse den folgenden Text zusammen:\n\n", "Korrigiere bitte Rechtschreibung und Format:\n\n",
           "Extrahiere die Felder als Tabelle:\n"],
    "fr": ["Peux-tu résumer ce texte ?\n\n", "Corrige l'orthographe s'il te plaît :\n", "Extrais les informations en JSON :\n"],
    "es": ["Resume este texto, por favor:\n\n", "¿Puedes corregir la ortografía?\n", "Extrae los datos en formato JSON:\n"],
    "it": ["Riassumi questo testo:\n\n", "Puoi correggere gli errori?\n", "Estrai i campi in JSON:\n"],
    "nl": ["Vat dit samen alsjeblieft:\n\n", "Kun je de spelling verbeteren?\n", "Zet de gegevens in een tabel:\n"],
    "pt": ["Resume este texto, por favor:\n\n", "Podes corrigir a ortografia?\n", "Extrai os campos em JSON:\n"],
}
WRAP_CLINICAL = {
    "en": ["Summarize this for the handover:\n\n", "Can you turn this into a patient-friendly letter?\n\n",
           "Write the ICD-10 codes that fit this note:\n\n"],
    "de": ["Kannst du das in einfache Sprache für den Patienten übersetzen?\n"],
    "fr": ["Reformule pour le patient :\n\n"],
    "es": ["Redáctalo de forma más clara para el paciente:\n\n"],
    "it": ["Riscrivilo in modo comprensibile per il paziente:\n\n"],
    "nl": ["Herschrijf dit voor de patiënt:\n\n"],
    "pt": ["Reescreve de forma mais clara para o doente:\n\n"],
}
CLINICAL_SLICES = {"clinical", "discharge", "prescription", "referral"}
WRAP_TO_EN = ["Translate to English, keep the formatting:\n\n", "Can you translate this for me?\n\n",
              "Summarize in English:\n\n", "What does this say? Translate please:\n"]

NO_CASE = {"API_KEY", "URL", "IBAN", "SWIFT_BIC"}


def typo(rng, s):
    words = [m for m in re.finditer(r"[A-Za-z]{5,}", s)]
    if not words:
        return s
    m = rng.choice(words)
    w = m.group(0)
    i = rng.randrange(1, len(w) - 2)
    k = rng.randrange(3)
    if k == 0:
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif k == 1:
        w2 = w[:i] + w[i + 1:]
    else:
        w2 = w[:i] + w[i] + w[i:]
    return s[:m.start()] + w2 + s[m.end():]


def render(tpl, rng):
    country = rng.choice(tpl["countries"])
    ctx = Ctx(rng, tpl["lang"], country, tpl["roles"])
    text = ALT_RE.sub(lambda m: rng.choice(m.group(1).split("|")), tpl["text"])
    segs = []
    pos = 0
    for m in PH_RE.finditer(text):
        if m.start() > pos:
            segs.append((None, text[pos:m.start()]))
        segs.extend(ctx.get(m.group(1)))
        pos = m.end()
    segs.append((None, text[pos:]))
    assert "{{" not in "".join(t for l, t in segs if l is None) or tpl["code"], text
    # prompt wrappers
    if tpl["doc"] and rng.random() < 0.4:
        if tpl["lang"] != "en" and rng.random() < 0.4:
            w = rng.choice(WRAP_TO_EN)
        else:
            pool = WRAP[tpl["lang"]] + (WRAP_CLINICAL[tpl["lang"]] if tpl["slice"] in CLINICAL_SLICES else [])
            w = rng.choice(pool)
        segs.insert(0, (None, w))
    # casing / typos, for hand-typed prose only
    if tpl["prose"]:
        labels = {l for l, t in segs if l}
        r = rng.random()
        if not (labels & NO_CASE):
            if r < 0.05:
                segs = [(l, t.lower()) for l, t in segs]
            elif r < 0.09:
                segs = [(l, t.upper()) for l, t in segs]
        if rng.random() < 0.2:
            for _ in range(rng.randrange(1, 4)):
                lit = [i for i, (l, t) in enumerate(segs) if l is None and re.search(r"[A-Za-z]{5,}", t)]
                if lit:
                    i = rng.choice(lit)
                    segs[i] = (None, typo(rng, segs[i][1]))
    # assemble
    out, spans = [], []
    pos = 0
    for label, t in segs:
        if not t:
            continue
        if label:
            assert t == t.strip(), repr(t)
            spans.append((label, pos, pos + len(t)))
        out.append(t)
        pos += len(t)
    s = "".join(out).rstrip("\n")
    assert all(e <= len(s) for _, _, e in spans)
    return s, spans, country, ctx


def to_bytes(s, spans):
    res = []
    for label, a, b in spans:
        res.append({"entity": label, "start": len(s[:a].encode("utf-8")), "end": len(s[:b].encode("utf-8"))})
    return res


# Names in their own script, written by hand: (romanized, native, language of the interpreter request)
NATIVE_SCRIPT = [
    ("Wang Wei", "王伟", "Mandarin"), ("Li Xiaoling", "李晓玲", "Mandarin"), ("Zhang Hao", "张浩", "Mandarin"),
    ("Chen Jing", "陈静", "Mandarin"), ("Chan Ka-Wai", "陳家偉", "Cantonese"), ("Kim Min-jun", "김민준", "Korean"),
    ("Park Seo-yeon", "박서연", "Korean"), ("Choi Soo-jin", "최수진", "Korean"), ("Tanaka Haruto", "田中陽翔", "Japanese"),
    ("Sato Yui", "佐藤結衣", "Japanese"), ("Yamamoto Naoko", "山本直子", "Japanese"), ("Ahmed Hassan", "أحمد حسن", "Arabic"),
    ("Layla Haddad", "ليلى حداد", "Arabic"), ("Dmitri Sokolov", "Дмитрий Соколов", "Russian"),
    ("Oksana Melnyk", "Оксана Мельник", "Ukrainian"), ("Nikos Papadakis", "Νίκος Παπαδάκης", "Greek"),
    ("Eleni Georgiou", "Ελένη Γεωργίου", "Greek"), ("Yosef Mizrahi", "יוסף מזרחי", "Hebrew"),
    ("Priya Sharma", "प्रिया शर्मा", "Hindi"), ("Arnab Banerjee", "অর্ণব ব্যানার্জি", "Bengali"),
    ("Somchai Srisuk", "สมชาย ศรีสุข", "Thai"), ("Nguyen Thi Lan", "Nguyễn Thị Lan", "Vietnamese"),
    ("Reza Hosseini", "رضا حسینی", "Farsi"), ("Aram Petrosyan", "Արամ Պետրոսյան", "Armenian"),
    ("Giorgi Beridze", "გიორგი ბერიძე", "Georgian"), ("Tesfaye Bekele", "ተስፋዬ በቀለ", "Amharic"),
]

# ===========================================================================
# TEMPLATES: positives, English
# ===========================================================================
EN_ANGLO = "US UK CA AU NZ IE"

# ---- clinical notes
T("clinical", "en", "US", """
{~SOAP NOTE|Soap note|S.O.A.P.|Progress note (SOAP)~} - {{c.visit}}
Pt: {{pt.name}}{~   |, |  ~}DOB: {{pt.dob}}{~   |, |  ~}MRN: {{pt.mrn}}
S: {{pt.age}} y/o {{pt.sexw}} c/o {{cc}} x {{ndays}} days. {~Denies fever/chills.|No fevers.|Reports poor sleep.~}
O: BP {{bp}}, HR {{hr}}, T {{temp}}, SpO2 {{spo2}}% RA. {~Lungs CTA bilat.|RRR, no murmurs.|Abd soft, NT/ND.~}
A: {{dx.term}} ({{dx.code}}){~; r/o {{dx2.term}}|~}
P: {~Start|Continue|Increase~} {{rx.drug}} {{rx.dose}} {{rx.freq}}. F/u {~2 wks|in 1 month|PRN~}. {~Will call pt at {{pt.phone}} w/ labs.|Labs ordered.~}
""", prose=True, doc=True)

T("clinical", "en", EN_ANGLO, """
{{pt.hon}} {{pt.name}} is a {{pt.age}}-year-old {{pt.man}} with a history of {{dx.term}} ({{dx.code}}) and {{dx2.term}} ({{dx2.code}}) who was seen in {~clinic|the office|urgent care~} on {{c.visit}} for {{cc}}. {{pt.He}} {~reports|states|notes~} that symptoms began on {{c.onset}}. Current medications include {{rx.drug}} {{rx.dose}} {{rx.freq}}. {~Lives with {{pt.his}} {{rel.relation}}, {{rel.name}}, who can be reached at {{rel.phone}}.|Lives alone at {{pt.addr1}}.|Works night shifts; prefers contact by email ({{pt.email}}).~}
""", prose=True, doc=True)

T("clinical", "en", "US", """
PATIENT: {{pt.lfcaps}}    DOB: {{pt.dob_us}}    SEX: {{pt.mf}}
MRN: {{pt.mrn}}    ADMIT DATE: {{c.adm_us}}
ATTENDING: {{dr.caps}}, MD
DX: {{dx.code}} {{dx.TERM}}
ALLERGIES: {~NKDA|PCN|SULFA~}
HPI: PT IS A {{pt.age}} YO {~M|F~} ADMITTED FOR EVAL OF {~CP|SOB|FALL|AMS~}. {~LIVES AT {{pt.street}}, {{pt.city}}.|~}
""", doc=True)

T("clinical", "en", EN_ANGLO, """
pt {{pt.lower}} seen {~today|this am|on rounds~} ({{c.visit}}), {~bp better|still sob on exertion|wound healing well|pain controlled~}. {~on|taking~} {{rx.drug}} {{rx.dose}} {{rx.freq}}. dob {{pt.dob}}. {~f/u 2w|rtc 4 wks|d/c planning started~}. {~spoke w/ {{rel.given_lower}} ({{rel.relation}}) {{rel.phone}}|~}
""", prose=True)

T("clinical", "en", "US UK AU CA", """
ED TRIAGE - {{hosp}}
Arrival: {{c.visit}} {{time}}
Name: {{pt.name}} | DOB: {{pt.dob}} | Age: {{pt.age}}
Address: {{pt.addr1}}
Phone: {{pt.phone}}
Chief complaint: {{cc}}
Vitals: BP {{bp}}  HR {{hr}}  RR {{rr}}  SpO2 {{spo2}}%
Emergency contact: {{rel.name}} ({{rel.relation}}) {{rel.mobile}}
Triage category: {~2|3|4~}
""", doc=True)

T("clinical", "en", EN_ANGLO, """
SBAR handoff, {~bed|rm|room~} {{room}}
S: {{pt.name}}, {{pt.age}}{{pt.mf}}, admitted {{c.adm}} with {{dx.term}}.
B: PMH {{dx2.term}}. {~Allergic to penicillin.|NKDA.|Latex allergy.~} MRN {{pt.mrn}}.
A: {~Alert & oriented x3|Drowsy but rousable|A&Ox2~}, BP {{bp}}, HR {{hr}}, Temp {{temp}}.
R: {~Recheck lactate at 0600.|{{rel.relation}} {{rel.name}} will call ({{rel.phone}}) in the morning, please update.|Continue {{rx.drug}} {{rx.dose}}.~}
""", prose=True, doc=True)

T("clinical", "en", EN_ANGLO, """
Can you {~interpret|help me make sense of~} these labs? {{pt.name}} ({~DOB|dob|born~} {{pt.dob}}), collected {{c.lab}}:
HbA1c {{hba1c}}%, eGFR {{egfr}}, CRP {{crp}} mg/L, Hb {{hb}} g/dL, INR {{inr}}.
{~Known {{dx.term}}.|Hx of {{dx.term}} ({{dx.code}}).~} {~On {{rx.drug}} {{rx.dose}}.|No regular meds.~}
""", prose=True)

T("clinical", "en", "US UK CA AU", """
Device clinic note, {{c.visit}}
Patient: {{pt.name}}, MRN {{pt.mrn}}
Device: {{dev.kind}}, serial no. {{dev.serial}}{~, UDI {{dev.udi}}|~}
Implanted {{c.prev}} at {{hosp}}. Battery OK, lead impedance stable.
Next remote check {{c.appt}}. Home monitor {~registered to|paired with~} {{pt.email}}.
""", doc=True)

T("clinical", "en", "US CA", """
Telehealth visit {{c.visit}}: {{pt.name}} ({{pt.dob}}) joined via {{app}} from IP {{pt.ip}}. Identity verified with DOB and home address ({{pt.addr1}}). Discussed {{dx.term}}; plan to {~titrate|continue|stop~} {{rx.drug}}. Next video visit {{c.next}}.
""", doc=True)

T("clinical", "en", EN_ANGLO, """
{~My patient|Pt|quick q - pt~} {{pt.name}} (DOB {{pt.dob}}) is on {{rx.drug}} {{rx.dose}} {{rx.freq}} and {{rx2.drug}} {{rx2.dose}}. {~Any interaction concerns?|Is the combination OK with an eGFR of {{egfr}}?|Should I adjust the dose before the procedure on {{c.surg}}?~}
""", prose=True)

T("clinical", "en", "US UK CA AU IE", """
Well-child visit {{c.visit}}: {{kid.name}}, DOB {{kid.dob}}. Accompanied by {{rel.hon}} {{rel.name}} ({{rel.relation}}), tel {{rel.phone}}. Weight {{num}} kg, immunisations up to date. {~Next visit {{c.appt}}.|Review in 6 months.~}
""", doc=True)

T("clinical", "en", EN_ANGLO, """
Progress note - {{c.visit}}
Client: {{pt.name}} (MRN {{pt.mrn}})
Dx: {{dx.code}} {{dx.term}}
Client reports {~improved mood|ongoing insomnia|panic episodes at work|fewer intrusive thoughts~}. Safety plan reviewed; crisis contact {{rel.name}} at {{rel.mobile}}. Next session {{c.next}}.
""", doc=True)

T("clinical", "en", "US", """
EXAM: {~CT chest w/o contrast|MRI lumbar spine|XR pelvis AP|US abdomen complete~}
PATIENT: {{pt.lfcaps}}   DOB: {{pt.dob}}   MRN: {{pt.mrn}}
DATE OF SERVICE: {{c.dos}}
REFERRING: {{dr.drt}} {{dr.name}}
IMPRESSION: Findings {~consistent with|suggestive of~} {{dx.term}}. {~Recommend follow-up imaging in 3 months.|No acute abnormality otherwise.~}
""", doc=True)

T("clinical", "en", "US UK CA AU", """
Interpreter needed ({{nx.lang}}) for {{nx.roman}} / {{nx.native}}, DOB {{pt.dob}}, MRN {{pt.mrn}}, clinic appointment {{c.appt}}. Family contact: {{rel.phone}}.
""", prose=True)

T("clinical", "en", "US UK IN NG", """
Ward round {{c.visit}}, {{hosp}}
Bed {{room}}: {{pt.name}}, {{pt.age}}, day 3 of admission for {{dx.term}} ({{dx.code}}).
Overnight: {~afebrile|spiked to {{temp}}|settled~}. Obs stable. {{rx.drugcap}} {{rx.dose}} {{rx.freq}}.
Plan: {~repeat bloods|mobilise with physio|discuss with {{dr.name}}~}. Family ({{rel.name}}, {{rel.relation}}) updated by phone {{rel.phone}}.
""", prose=True, doc=True)

# ---- discharge summaries
T("discharge", "en", "US CA AU", """
DISCHARGE SUMMARY
{{hosp}}

Patient: {{pt.name}}    MRN: {{pt.mrn}}    DOB: {{pt.dob}}
Admitted: {{c.adm}}    Discharged: {{c.dis}}
Attending: {{dr.drt}} {{dr.name}}

Principal diagnosis: {{dx.term}} ({{dx.code}})
Secondary: {{dx2.term}} ({{dx2.code}}){~, {{dx3.term}} ({{dx3.code}})|~}

Hospital course: {{pt.He}} presented with {{cc}} and was treated with IV fluids and {{rx.drug}}. {~Uneventful recovery.|Course complicated by transient AKI, resolved.|Required 2 days of HDU care.~}

Discharge medications:
- {{rx.drugcap}} {{rx.dose}} {{rx.freq}}
- {{rx2.drugcap}} {{rx2.dose}} {{rx2.freq}}

Follow-up: {{dr2.drt}} {{dr2.name}} ({{spec}}) on {{c.appt}}.
Home address: {{pt.addr1}}. Contact: {{pt.phone}}.
""", doc=True)

T("discharge", "en", EN_ANGLO, """
Dear {{pt.given}},

You were in {{hosp}} from {{c.adm}} to {{c.dis}} because of {{dx.term}}. Please take {{rx.drug}} {{rx.dose}} {{rx.freq}} and see your {~GP|family doctor|primary care provider~} within 7 days. Your follow-up appointment is on {{c.appt}}.

If your symptoms get worse, go to the nearest emergency department.
""", prose=True, doc=True)

T("discharge", "en", "UK", """
Dear {{gp.drt}} {{gp.sur}},

Re: {{pt.name}}, DOB {{pt.dob}}, NHS No. {{pt.nhs}}
{{pt.addr}}

Your patient was admitted to {{hosp}} on {{c.adm}} with {{cc}} and discharged on {{c.dis}}.
Diagnosis: {{dx.term}} ({{dx.code}}).
Medication changes: started {{rx.drug}} {{rx.dose}} {{rx.freq}}.
Actions for GP: {~please check U&Es in one week.|please review BP in two weeks.|none.~}

Yours sincerely,
{{dr.drt}} {{dr.name}}
{~Specialty Registrar|Consultant Physician|FY2 Doctor~}
""", doc=True)

T("discharge", "en", "US", """
TRANSFER SUMMARY TO {~SKILLED NURSING FACILITY|INPATIENT REHAB~}
NAME: {{pt.caps}}  DOB: {{pt.dob_DMON}}  MRN: {{pt.mrn}}
ADMIT: {{c.adm_DMON}}  TRANSFER: {{c.dis_DMON}}
DX: {{dx.TERM}} ({{dx.code}})
CODE STATUS: {~FULL CODE|DNR/DNI~}
NOK: {{rel.caps}} ({{rel.relation}}) {{rel.phone}}
""", doc=True)

T("discharge", "en", "US UK AU", """
Discharge for {{pt.name}} ({{pt.mrn}}) planned {{c.dis}}; transport booked to {{pt.addr1}}. Pls confirm with {{pt.his}} {{rel.relation}} on {{rel.phone}} and send the summary to {{dr.name}}.
""", prose=True)

T("discharge", "en", "IN NG UK", """
DISCHARGE CARD
Name: {{pt.name}}   Age/Sex: {{pt.age}}/{{pt.mf}}   IP No: {{pt.mrn}}
DOA: {{c.adm}}   DOD: {{c.dis}}
Address: {{pt.addr}}
Mobile: {{pt.mobile}}
Final diagnosis: {{dx.term}} ({{dx.code}})
Advice on discharge: {{rx.drugcap}} {{rx.dose}} {{rx.freq}}; review in OPD on {{c.appt}}.
""", doc=True)

# ---- prescriptions
T("prescription", "en", "US", """
Rx
Patient: {{pt.name}}   DOB: {{pt.dob}}
Address: {{pt.addr1}}
{{rx.drugcap}} {{rx.dose}} tablets - Sig: {{rx.freq}} - Disp: #{~30|60|90~} - Refills: {~0|1|2|3~}
Prescriber: {{dr.drt}} {{dr.name}}, NPI {{dr.npi}}{~, DEA {{dr.dea}}|~}
Date written: {{c.visit}}
""", doc=True)

T("prescription", "en", "US CA UK AU", """
hi, {~need|i need~} a refill for {{pt.name}} {~born|dob~} {{pt.dob}} - {{rx.drug}} {{rx.dose}}, {~same as last time|90 day supply pls|running out friday~}. pick up at {{pharm}}. my cell is {{pt.mobile}}
""", prose=True)

T("prescription", "en", "US", """
CII prescription - {{c.visit}}
{{rx.drugcap}} {{rx.dose}} {{rx.freq}} x 5 days, no refills
Patient: {{pt.lf}}, {{pt.dob}}, {{pt.addr1}}
DL#: {{pt.dl}} ({{pt.dl_state}}) verified at pickup
{{dr.name}}, {~MD|DO|NP~} - DEA {{dr.dea}} - NPI {{dr.npi}}
""", doc=True)

T("prescription", "en", "UK", """
NHS PRESCRIPTION
Patient: {{pt.name}}   DOB: {{pt.dob}}   NHS number: {{pt.nhs}}
{{pt.addr}}
{{rx.drugcap}} {{rx.dose}} {{rx.freq}}, supply 28 days
Prescriber: {{dr.drt}} {{dr.name}}, {{hosp}}
""", doc=True)

T("prescription", "en", "US", """
Can you check this eRx before I send it? "{{rx.drugcap}} {{rx.dose}} PO {{rx.freq}}" for {{pt.name}}, {{pt.age}}yo, DOB {{pt.dob}}, wt {{wt}} kg, no known allergies. Insurance member ID {{pt.plan}}.
""", prose=True)

T("prescription", "en", EN_ANGLO, """
Medication reconciliation - {{pt.name}} ({{pt.mrn}})
1. {{rx.drugcap}} {{rx.dose}} - {{rx.freq}}
2. {{rx2.drugcap}} {{rx2.dose}} - {{rx2.freq}}
3. {{rx3.drugcap}} {{rx3.dose}} - {{rx3.freq}}
Pharmacy: {{pharm}}; patient phone {{pt.phone}}
""", doc=True)

# ---- claims / EOB
T("claims", "en", "US", """
1a. INSURED'S ID NUMBER: {{pt.plan}}
2. PATIENT'S NAME: {{pt.lfcaps}}
3. PATIENT'S BIRTH DATE: {{pt.dob_us}}   SEX: {{pt.mf}}
5. PATIENT'S ADDRESS: {{pt.street}}
   CITY: {{pt.city}}   STATE: {{pt.region}}   ZIP CODE: {{pt.zip}}
   TELEPHONE: {{pt.phone}}
21. DIAGNOSIS: A. {{dx.code}}   B. {{dx2.code}}
24A. DATE OF SERVICE: {{c.dos_us}}   24D. CPT: {{cpt}}   24F. CHARGES: {{amount}}
24J. RENDERING PROVIDER NPI: {{dr.npi}}
""", doc=True)

T("claims", "en", "US", """
Explanation of Benefits - {{insurer}}
Member: {{pt.name}}   Member ID: {{pt.plan}}
Services on {{c.dos}} by {{dr.name}}
Service code {{cpt}} | Billed {{amount}} | Plan paid {{amount2}} | You may owe {{amount3}}
Adjustment reason: {{carc}}
""", doc=True)

T("claims", "en", "US", """
To whom it may concern,

I am writing to appeal the denial for {{pt.name}}, Medicare Number {{pt.mbi}}, date of service {{c.dos}}, provider {{dr.name}} (NPI {{dr.npi}}). The claim was denied with reason code {{carc}}. Please send the decision to {{pt.addr1}} or call {{pt.phone}}.

Sincerely,
{{pt.name}}
""", prose=True, doc=True)

T("claims", "en", "US", """
PRIOR AUTHORIZATION REQUEST
Member name: {{pt.name}}
Member ID: {{pt.plan}}   DOB: {{pt.dob}}
Requested drug: {{rx.drugcap}} {{rx.dose}} {{rx.freq}}
Diagnosis codes: {{dx.code}}, {{dx2.code}}
Prescriber: {{dr.name}}, NPI {{dr.npi}}, phone {{dr.phone}}, fax {{dr.fax}}
Clinical rationale: failed {{rx2.drug}} for 3 months.
""", doc=True)

T("claims", "en", "US", """
hey, claim for {{pt.name}} (DOB {{pt.dob}}, member {{pt.plan}}) keeps bouncing with {{carc}}. dx {{dx.code}}, cpt {{cpt}}, DOS {{c.dos}}. what am I doing wrong?
""", prose=True)

T("claims", "en", "US", """
Claim notification
Policyholder: {{cust.name}}
Policy address: {{cust.addr1}}
Vehicle: {~2019 Honda Civic|2021 Toyota RAV4|2017 Ford Focus|2022 Kia Niro~}, plate {{cust.plate}}, VIN {{cust.vin}}
Driver's license: {{cust.dl}} ({{cust.dl_state}})
Other party: {{p2.name}}, plate {{p2.plate}}, tel. {{p2.phone}}
Description: rear-ended at a red light, no injuries reported.
""", doc=True)

T("claims", "en", "UK IE AU NZ", """
Motor claim - first notification of loss
Policyholder: {{cust.name}}, {{cust.addr1}}
Vehicle registration: {{cust.plate}} (VIN {{cust.vin}})
Third party: {{p2.name}}, reg {{p2.plate}}, mobile {{p2.mobile}}
Incident: {~reversed into at a car park|clipped wing mirror on a narrow road|hail damage to bonnet~}.
""", doc=True)

T("claims", "en", "US", """
HSA reimbursement request
Account holder: {{pt.name}}, SSN {{pt.ssn}}
Dependent: {{kid.name}}, DOB {{kid.dob}}
Provider: {{dr.name}}, DDS - date of service {{c.dos}} - amount {{amount}}
Deposit to routing {{pt.routing}}, account {{pt.acct}}
""", doc=True)

T("claims", "en", "US", """
{{insurer}} - Member services note
Caller: {{pt.name}} (subscriber), MBI {{pt.mbi}}
Question about {~ambulance|DME|lab~} bill from {{c.dos}}; provider NPI {{dr.npi}}.
Verified with DOB {{pt.dob}} and ZIP {{pt.zip}}. Callback {{pt.phone}}.
""", doc=True)

# ---- banking
T("banking", "en", "US UK", """
Please wire {{amount}} to:
Beneficiary name: {{ben.name}}
Beneficiary address: {{ben.addr1}}
Bank: {{ben.bankname}}
IBAN: {{ben.iban}}
SWIFT/BIC: {{ben.bic}}
Reference: {{ref}}
""", roles={"ben": IBAN_COUNTRIES}, doc=True)

T("banking", "en", "US", """
Wire instructions for closing:
Bank name: {{usbank}}
ABA routing number: {{cust.routing}}
Account number: {{cust.acct}}
Account name: {{cust.name}}
Address on account: {{cust.addr1}}
""", doc=True)

T("banking", "en", "US", """
DIRECT DEPOSIT AUTHORIZATION
Employee name: {{emp.name}}
SSN: {{emp.ssn}}
Bank routing #: {{emp.routing}}
Account #: {{emp.acct}}   Type: {~Checking|Savings~}
Email for pay stubs: {{emp.email}}
""", doc=True)

T("banking", "en", "US CA UK AU", """
Hi, I'm disputing a charge of {{amount}} from {~an online store|a hotel in {{cityname}}|a streaming service|a car rental~}. My name is {{cust.name}}, card number {{cust.card}}, exp {{cust.card_exp}}. Billing postcode/ZIP {{cust.zip}}. You can reach me at {{cust.email}}.
""", prose=True)

T("banking", "en", "US", """
KYC review - new account
Full name: {{cust.name}}
Date of birth: {{cust.dob}}
Residential address:
{{cust.addr}}
Passport no.: {{cust.passport}} (USA)
SSN: {{cust.ssn}}
Phone: {{cust.phone}} / Email: {{cust.email}}
Source of funds: {~salary|sale of property|inheritance|business income~}
""", doc=True)

T("banking", "en", "UK IE", """
Can you help me fill in this transfer? From my account {{cust.iban}} to my landlord {{ben.name}}, IBAN {{ben.iban}}, BIC {{ben.bic}}, amount {{amount}}, reference "rent {{ref}}".
""", roles={"ben": ["UK", "IE", "FR", "ES", "PT"]}, prose=True)

T("banking", "en", "US", """
Mortgage pre-approval - applicant details
Applicant: {{cust.name}}   DOB: {{cust.dob}}   SSN: {{cust.ssn}}
Co-applicant: {{p2.name}}   DOB: {{p2.dob}}   SSN: {{p2.ssn}}
Current address: {{cust.addr1}}
Employer: {{company}}, annual income {{salary}}
Checking account: {{cust.acct}} (routing {{cust.routing}})
""", doc=True)

T("banking", "en", "NG", """
pls send the money to my account: {{ben.name}}, {{ben.acct}}, {~GTBank|Access Bank|Zenith Bank|First Bank~}. my number is {{ben.phone}}, call when you send
""", prose=True)

T("banking", "en", "US UK CA", """
Fraud alert review: card {{cust.card}} ({{cust.name}}) used at {~3 merchants|an ATM|a fuel station~} in {{cityname}} within 10 min. Customer reached on {{cust.mobile}}; confirmed not genuine. Replacement card to {{cust.addr1}}.
""", doc=True)

# ---- support chats
T("support_chat", "en", "US UK CA AU", """
[{{clock1}}] Customer: hi i cant log in to my account
[{{clock2}}] Agent {{agent.given}}: Sorry to hear that! Can you confirm your full name and date of birth?
[{{clock3}}] Customer: {{cust.name}}, {{cust.dob}}
[{{clock4}}] Agent {{agent.given}}: Thanks. And the email on file?
[{{clock5}}] Customer: {{cust.email}} - also my new number is {{cust.mobile}}
""", prose=True)

T("support_chat", "en", "US UK CA", """
Subject: can't access {{app}}
Hi, I'm locked out of the patient portal. My name is {{pt.name}}, DOB {{pt.dob}}, MRN {{pt.mrn}}. I changed my email to {{pt.email}} last week. Thanks
""", prose=True)

T("support_chat", "en", "US", """
User: my {{kid.child}} {{kid.name}} (dob {{kid.dob}}) isn't showing on my plan. my member id is {{pt.plan}}
Bot: I can help with that. Can you confirm the subscriber's date of birth?
User: {{pt.dob}}
Bot: Thanks, {{pt.given}}. I've opened a request for the enrollment team.
""", prose=True)

T("support_chat", "en", "US UK IN NG AU CA IE NZ JP BR", """
hey its {{cust.lower}} - moved, new address is {{cust.addr1}}. pls update + phone {{cust.phone}} thx
""", prose=True)

T("support_chat", "en", "US UK CA AU", """
Agent: How can I help today?
Customer: I need to add my new car to my policy. VIN {{cust.vin}}, plate {{cust.plate}}.
Agent: Thanks {{cust.given}}. Can I confirm the address the car is kept at?
Customer: {{cust.addr1}}
""", prose=True)

T("support_chat", "en", EN_ANGLO + " IN", """
my phone was stolen {~yesterday|last night|this morning~}. IMEI {{cust.imei}}. account holder {{cust.name}}, number {{cust.mobile}}. can you block it?
""", prose=True)

T("support_chat", "en", "US UK CA DE NL", """
Support ticket {{ticket}}
From: {{cust.name}} <{{cust.email}}>
My router keeps dropping every evening. Public IP shows {{cust.ip}}{~ and IPv6 {{cust.ip6}}|~}. Service address: {{cust.addr1}}.
""", prose=True)

T("support_chat", "en", "US", """
Customer: someone opened a credit card in my name!! {{cust.name}}, SSN {{cust.ssn}}, dob {{cust.dob}}. the number on the letter they sent is {{cust.card}}
Agent: I'm sorry, {{cust.given}}. I'll place a fraud alert now.
""", prose=True)

T("support_chat", "en", "US UK", """
Pharmacy bot: What's the delivery address?
User: {{pt.addr}}
Pharmacy bot: And a phone number for the driver?
User: {{pt.phone}} (ask for {{pt.given}})
""", prose=True)

T("support_chat", "en", "US UK AU", """
hi, the name on my {~parent's|grandparent's|spouse's~} passport is {{nx.native}} ({{nx.roman}}), they need to be added to my account as a dependant. DOB {{rel.dob}}. my email is {{cust.email}}
""", prose=True)

# ---- emails
T("email", "en", EN_ANGLO, """
Hi {{rcp.given}},

{~Thanks for the call earlier.|Following up on our meeting.|Quick update on the renewal.~} {~I've attached the revised figures.|Let me know if Thursday works.|The contract is with legal now.~}

{~Best|Kind regards|Cheers|Thanks~},
{{snd.name}}
{{title}} | {{company}}
{~M: |Mobile: |T: ~}{{snd.phone}}
{{snd.email_work}}
""", prose=True)

T("email", "en", "US UK CA", """
---------- Forwarded message ---------
From: {{snd.name}} <{{snd.email}}>
To: {{rcp.name}} <{{rcp.email_work}}>
Subject: {~my test results|insurance paperwork|appointment letter~}

Hi {{rcp.given}}, forwarding the letter from {{hosp}}. My DOB is {{snd.dob}} if they ask, and my member ID is {{snd.plan}}.
""", prose=True)

T("email", "en", EN_ANGLO, """
Subject: Reschedule appointment

Dear {{hosp}} team,

I need to move my appointment on {{c.appt}} with {{dr.drt}} {{dr.name}}. I'm free any morning next week. My date of birth is {{pt.dob}}.

Thank you,
{{pt.name}}
{{pt.phone}}
""", prose=True)

T("email", "en", "UK US", """
Subject: Updated payment details

Hello,

Please note our bank details have changed. Kindly remit future invoices to:
Account name: {{snd.name}}
IBAN: {{snd.iban}}
BIC: {{snd.bic}}

Regards,
{{snd.name}}
{{snd.phone_intl}}
""", roles={"snd": IBAN_COUNTRIES}, prose=True)

T("email", "en", "US UK CA IN", """
Hi {{rcp.given}},

I came across your profile ({{rcp.li}}) and think you'd be a great fit for a {{title}} role at {{company}}. Could we chat this week? You can grab a slot here: {{snd.cal}}

Best,
{{snd.name}}
""", prose=True)

T("email", "en", EN_ANGLO, """
Hi {{mgr.given}},

Just letting you know {{emp.name}} will be off until further notice - {{emp.he}} had surgery on {{c.surg}} for {{dx.term}}. Please keep this between us. {{emp.He}} can be reached on {{emp.mobile}} if anything is urgent.

Thanks,
{{snd.given}}
""", prose=True)

T("email", "en", "US", """
Hi {{rcp.given}}, here are the details for our joint return: me - {{snd.name}}, SSN {{snd.ssn}}; spouse - {{p2.name}}, SSN {{p2.ssn}}; dependent {{kid.name}}, SSN {{kid.ssn}}, DOB {{kid.dob}}. Refund by direct deposit to routing {{snd.routing}}, account {{snd.acct}}.
Thanks!
{{snd.given}}
""", prose=True)

T("email", "en", "US UK", """
From: {{snd.email}}
To: {{rcp.email}}
Subject: Re: photos from the weekend

haha yes! here's the link to the album: {{snd.fb}} - and my new number is {{snd.mobile}} btw. say hi to {{p3.given}}!
""", prose=True)

# ---- tabular
T("tabular", "en", "US UK CA", """
patient_name,dob,mrn,phone,zip
{{p1.name}},{{p1.dob_iso}},{{p1.mrn}},{{p1.phone}},{{p1.zip}}
{{p2.name}},{{p2.dob_iso}},{{p2.mrn}},{{p2.phone}},{{p2.zip}}
{{p3.name}},{{p3.dob_iso}},{{p3.mrn}},{{p3.phone}},{{p3.zip}}
""", doc=True)

T("tabular", "en", "US", """
Name\tEmail\tSSN\tDept
{{p1.name}}\t{{p1.email_work}}\t{{p1.ssn}}\t{~Finance|IT|Ops~}
{{p2.name}}\t{{p2.email_work}}\t{{p2.ssn}}\t{~Claims|HR|Legal~}
{{p3.name}}\t{{p3.email_work}}\t{{p3.ssn}}\t{~Sales|Nursing|Billing~}
""", doc=True)

T("tabular", "en", "US CA UK", """
"last_name","first_name","card_number","exp","billing_zip"
"{{p1.sur}}","{{p1.given}}","{{p1.card}}","{{p1.card_exp}}","{{p1.zip}}"
"{{p2.sur}}","{{p2.given}}","{{p2.card}}","{{p2.card_exp}}","{{p2.zip}}"
""", doc=True)

T("tabular", "en", "US", """
MSH|^~\\&|ADT|{~RIVERSIDE|STAGNES|LAKESHORE~}|LAB|LAB|||ADT^A08|{{num}}{{num2}}|P|2.5
PID|1||{{pt.mrn}}^^^MRN||{{pt.scaps}}^{{pt.gcaps}}||{{pt.dob_compact}}|{{pt.mf}}|||{{pt.street}}^^{{pt.city}}^{{pt.region}}^{{pt.zip}}||{{pt.phone}}
PV1|1|I|{{room}}^^^||||{{dr.npi}}^{{dr.scaps}}^{{dr.gcaps}}
""", doc=True)

T("tabular", "en", "US UK AU", """
Clinic list {{c.visit}}
| Time | Patient | DOB | Reason | Phone |
|------|---------|-----|--------|-------|
| 09:00 | {{p1.name}} | {{p1.dob}} | {{dx.term}} | {{p1.phone}} |
| 09:30 | {{p2.name}} | {{p2.dob}} | {{dx2.term}} | {{p2.phone}} |
| 10:15 | {{p3.name}} | {{p3.dob}} | {~follow-up|new patient|med review~} | {{p3.phone}} |
""", doc=True)

T("tabular", "en", "UK IE", """
counterparty;iban;bic;amount;reference
{{p1.name}};{{p1.iban}};{{p1.bic}};{{amount}};{{ref}}
{{p2.name}};{{p2.iban}};{{p2.bic}};{{amount2}};{{ref}}
""", roles={"p": IBAN_COUNTRIES}, doc=True)

T("tabular", "en", "UK", """
Name\tNI number\tPostcode\tMobile
{{p1.name}}\t{{p1.nino}}\t{{p1.zip}}\t{{p1.mobile}}
{{p2.name}}\t{{p2.nino}}\t{{p2.zip}}\t{{p2.mobile}}
{{p3.name}}\t{{p3.nino}}\t{{p3.zip}}\t{{p3.mobile}}
""", doc=True)

T("tabular", "en", "US", """
member_id|last|first|dob|plan_start_zip|pcp_npi
{{p1.plan}}|{{p1.scaps}}|{{p1.gcaps}}|{{p1.dob_us}}|{{p1.zip}}|{{dr.npi}}
{{p2.plan}}|{{p2.scaps}}|{{p2.gcaps}}|{{p2.dob_us}}|{{p2.zip}}|{{dr.npi}}
""", doc=True)

# ---- JSON
T("json", "en", "US UK CA AU", """
{"patient": {"name": "{{pt.name}}", "dob": "{{pt.dob_iso}}", "mrn": "{{pt.mrn}}", "phone": "{{pt.phone}}", "address": {"line1": "{{pt.street}}", "city": "{{pt.city}}", "postal_code": "{{pt.zip}}"}}, "encounter": {"date": "{{c.visit_iso}}", "dx": ["{{dx.code}}", "{{dx2.code}}"]}}
""", doc=True)

T("json", "en", "US", """
{
  "resourceType": "Patient",
  "identifier": [
    {"system": "http://hl7.org/fhir/sid/us-ssn", "value": "{{pt.ssn}}"},
    {"type": {"text": "MRN"}, "value": "{{pt.mrn}}"}
  ],
  "name": [{"family": "{{pt.sur}}", "given": ["{{pt.given}}"]}],
  "telecom": [
    {"system": "phone", "value": "{{pt.phone}}"},
    {"system": "email", "value": "{{pt.email}}"}
  ],
  "gender": "{{pt.sexw}}",
  "birthDate": "{{pt.dob_iso}}",
  "address": [{"line": ["{{pt.street}}"], "city": "{{pt.city}}", "state": "{{pt.region}}", "postalCode": "{{pt.zip}}"}]
}
""", doc=True)

T("json", "en", "US UK CA", """
{"customer": {"full_name": "{{cust.name}}", "date_of_birth": "{{cust.dob_iso}}", "email": "{{cust.email}}", "mobile": "{{cust.mobile_intl}}",
  "residential_address": {"street": "{{cust.street}}", "city": "{{cust.city}}", "postcode": "{{cust.zip}}"},
  "documents": [{"type": "passport", "number": "{{cust.passport}}", "issuing_country": "US"}]}, "risk_score": {{num}}}
""", doc=True)

T("json", "en", "US UK DE FR NL", """
[
  {"user": "{{u1.email}}", "name": "{{u1.name}}", "last_login_ip": "{{u1.ip}}"},
  {"user": "{{u2.email}}", "name": "{{u2.name}}", "last_login_ip": "{{u2.ip6}}"},
  {"user": "{{u3.email}}", "name": "{{u3.name}}", "last_login_ip": "{{u3.ip}}"}
]
""", doc=True)

T("json", "en", "US CA", """
curl -X POST https://api.{{domain}}/v1/charges -H "Content-Type: application/json" -d '{"amount": 4999, "currency": "usd", "card": {"number": "{{cust.card}}", "exp": "{{cust.card_exp}}", "name": "{{cust.name}}"}, "billing_zip": "{{cust.zip}}", "email": "{{cust.email}}"}'
""", code=True)

T("json", "en", "UK", """
{
  "employee": {
    "name": "{{emp.name}}",
    "ni_number": "{{emp.nino}}",
    "dob": "{{emp.dob_iso}}",
    "home": {"line1": "{{emp.street}}", "town": "{{emp.city}}", "postcode": "{{emp.zip}}"},
    "bank": {"iban": "{{emp.iban}}"},
    "emergency_contact": {"name": "{{rel.name}}", "phone": "{{rel.phone}}"}
  }
}
""", doc=True)

T("json", "en", "US", """
{"rx": {"patient": {"name": "{{pt.name}}", "dob": "{{pt.dob_iso}}", "member_id": "{{pt.plan}}"}, "drug": "{{rx.drug}}", "strength": "{{rx.dose}}", "sig": "{{rx.freq}}", "prescriber": {"name": "{{dr.name}}", "npi": "{{dr.npi}}", "dea": "{{dr.dea}}"}, "written": "{{c.visit_iso}}"}}
""", doc=True)

T("json", "en", "US UK AU", """
{"device": {"model": "{{product}}", "serial": "{{dev.serial}}", "udi": "{{dev.udi}}"}, "owner": {"name": "{{pt.name}}", "email": "{{pt.email}}"}, "implanted_on": "{{c.surg_iso}}", "clinic": "{{hosp}}"}
""", doc=True)

T("json", "en", "US UK CA", """
{"name_native": "{{nx.native}}", "name_latin": "{{nx.roman}}", "dob": "{{pt.dob_iso}}", "preferred_language": "{{nx.lang}}", "contact": {"phone": "{{pt.phone}}"}}
""", doc=True)

# ---- logs
T("logs", "en", "US UK DE", """
{{u1.ip}} - - [{{clf}}] "GET /patients/search?email={{u1.email}} HTTP/1.1" 200 {{big}} "-" "{{ua}}"
{{u2.ip}} - - [{{clf}}] "POST /api/v1/login HTTP/1.1" 401 {{num}} "-" "{{ua}}"
""", code=True)

T("logs", "en", "US UK FR", """
{{ts}} INFO  auth.login success user={{u1.email}} ip={{u1.ip}} mfa=totp request_id={{reqid}}
{{ts2}} WARN  auth.login failed user={{u2.email}} ip={{u2.ip}} reason=bad_password attempts={{num}}
{{ts3}} INFO  session.start user={{u1.email}} ua="{{ua}}"
""", code=True)

T("logs", "en", "US UK", """
{{ts}} AUDIT user={{staff.email_work}} action=VIEW resource=Patient/{{pt.mrn}} patient="{{pt.name}}" src_ip={{staff.ip}}
{{ts2}} AUDIT user={{staff.email_work}} action=PRINT resource=Patient/{{pt.mrn}} src_ip={{staff.ip}}
""", code=True)

T("logs", "en", "US UK AU", """
Traceback (most recent call last):
  File "/app/billing/invoice.py", line {{num}}, in render
    addr = format_address(customer)
ValueError: invalid postcode '{{cust.zip}}' for customer {{cust.name}} <{{cust.email}}> (street='{{cust.street}}')
""", code=True)

T("logs", "en", "US DE NL", """
{{syslogts}} bastion sshd[{{port}}]: Accepted publickey for deploy from {{u1.ip}} port {{port2}} ssh2: RSA SHA256:{{hex}}
{{syslogts}} bastion sshd[{{port3}}]: Failed password for invalid user admin from {{u2.ip}} port {{port4}} ssh2
""", code=True)

T("logs", "en", "US", """
{"level":"error","ts":"{{ts}}","msg":"HL7 parse failed","mrn":"{{pt.mrn}}","patient_dob":"{{pt.dob_iso}}","trace_id":"{{hex}}"}
""", code=True)

T("logs", "en", "US UK", """
{{ts}} device={{dev.serial}} fw={{version}} owner={{pt.email}} glucose={{glucose}} mg/dL battery={{num3}}% mac={{dev.mac}}
""", code=True)

T("logs", "en", "US UK CA", """
{{ts}} DEBUG payment.request card={{cust.card}} exp={{cust.card_exp}} name="{{cust.caps}}" amount={{amount}} client_ip={{cust.ip}}
{{ts2}} INFO  payment.authorized auth_code={{short}} request_id={{reqid}}
""", code=True)

# ---- HR letters
T("hr", "en", "US", """
{{emp.name}}
{{emp.addr}}

Dear {{emp.given}},

We are delighted to offer you the position of {{title}} at {{company}}, at an annual salary of {{salary}}. {~Your start date will be confirmed by your manager.|Please return the signed copy within five working days.~}

For payroll, please confirm your Social Security number ({{emp.ssn}}) and bank details on the enclosed form.

Sincerely,
{{mgr.name}}
{~Head of People|HR Director|Talent Acquisition Lead~}
""", doc=True)

T("hr", "en", "UK", """
Employee details for payroll
Name: {{emp.name}}
National Insurance number: {{emp.nino}}
Date of birth: {{emp.dob}}
Home address: {{emp.addr1}}
Bank: IBAN {{emp.iban}}
Emergency contact: {{rel.name}} ({{rel.relation}}), {{rel.phone}}
""", doc=True)

T("hr", "en", "UK", """
Statement of fitness for work
Patient: {{emp.name}}, DOB {{emp.dob}}
I assessed your case on {{c.visit}} and advise that you are not fit for work because of {{dx.term}}.
This will be the case for {{ndays}} weeks.
{{dr.drt}} {{dr.name}}, {{hosp}}
""", doc=True)

T("hr", "en", "UK IE AU US", """
Private & confidential
{{emp.name}}
{{emp.addr}}

Dear {{emp.hon}} {{emp.sur}},

Following our meeting, I am writing to confirm that your employment with {{company}} will end at the close of your notice period. Your final pay, including accrued holiday, will be paid into your usual account.

If you have any questions, please contact me at {{mgr.email_work}} or {{mgr.phone}}.

Yours sincerely,
{{mgr.name}}
""", doc=True)

T("hr", "en", EN_ANGLO, """
To whom it may concern,

I am pleased to provide a reference for {{emp.name}} (born {{emp.dob}}), who worked with us at {{company}} as {{title}}. {{emp.He}} was reliable, thorough and well liked by {{emp.his}} colleagues.

{{mgr.name}}
{{mgr.email_work}} | {{mgr.phone}}
""", prose=True, doc=True)

T("hr", "en", "US", """
@{{mgr.given_lower}} new hire paperwork for {{emp.name}}: passport {{emp.passport}}, DL {{emp.dl}} ({{emp.dl_state}}), SSN {{emp.ssn}}. uploading the scans to the HR drive now
""", prose=True)

T("hr", "en", "US UK", """
Accommodation request - confidential
Employee: {{emp.name}} ({{emp.email_work}})
Condition: {{dx.term}}; seen by {{dr.name}} on {{c.visit}}.
Requested: {~standing desk and flexible start|remote work two days a week|extra breaks for glucose checks~}.
""", doc=True)

# ---- referral letters
T("referral", "en", "US", """
REFERRAL
To: {{dr2.drt}} {{dr2.name}}, {{spec}}
From: {{dr.drt}} {{dr.name}} (NPI {{dr.npi}})
Patient: {{pt.name}}  DOB: {{pt.dob}}  Phone: {{pt.phone}}
Insurance: {{insurer}}, member ID {{pt.plan}}
Reason: {{dx.term}} ({{dx.code}}), {~not responding to first-line therapy|for further evaluation|urgent review requested~}.
""", doc=True)

T("referral", "en", "UK", """
Dear {{dr2.drt}} {{dr2.sur}},

Thank you for seeing {{pt.hon}} {{pt.name}} (DOB {{pt.dob}}, NHS {{pt.nhs}}), {{pt.addr1}}, who has had {{cc}} for several weeks. Past history includes {{dx.term}}. {{pt.He}} would prefer to be contacted on {{pt.mobile}}.

Kind regards,
{{gp.drt}} {{gp.name}}
{{hosp}}
""", doc=True)

T("referral", "en", EN_ANGLO, """
Physio referral: {{pt.name}}, {{pt.age}}, {{dx.term}} post-op ({{c.surg}}). Please contact {{pt.him}} on {{pt.mobile}}. MRN {{pt.mrn}}.
""", prose=True)

T("referral", "en", "US UK CA", """
Orthodontic referral for {{kid.name}} (DOB {{kid.dob}}). Parent: {{rel.name}}, {{rel.email}}, {{rel.phone}}. Address: {{rel.addr1}}. Seen in clinic {{c.visit}} - crossbite, crowding.
""", doc=True)

T("referral", "en", "US UK", """
Social work referral
Client: {{pt.name}}, DOB {{pt.dob}}
Current address: {{pt.addr}}
Concern: {~risk of eviction|carer strain|unable to afford medication~} after admission for {{dx.term}} ({{c.adm}} - {{c.dis}}).
Best contact: {{pt.phone}} or {{pt.his}} {{rel.relation}} {{rel.name}} ({{rel.phone}}).
""", doc=True)

# ---- code with secrets
T("code", "en", "US", """
import boto3

s3 = boto3.client(
    "s3",
    aws_access_key_id="{{key.aws_id}}",
    aws_secret_access_key="{{key.aws_secret}}",
    region_name="{~us-east-1|eu-west-1|eu-central-1~}",
)
# why does this give AccessDenied on list_objects_v2?
""", code=True)

T("code", "en", "US", """
# .env (do not commit)
DATABASE_URL=postgres://app_user:{{key.pw}}@{~db.internal|prod-db.cluster-ro.eu-west-1.rds.amazonaws.com|pg-primary.svc.cluster.local~}:5432/{~billing|ehr|claims~}
STRIPE_SECRET_KEY={{key.stripe}}
SENDGRID_API_KEY={{key.sendgrid}}
DEBUG=false
""", code=True)

T("code", "en", "US", """
const res = await fetch("https://api.{{domain}}/v1/patients?page=2", {
  headers: { Authorization: "Bearer {{key.jwt}}" },
});
console.log(await res.json()); // 401 after an hour - do I need to refresh?
""", code=True)

T("code", "en", "US", """
curl -s -H "Authorization: token {{key.gh}}" https://api.github.com/repos/{~acme|northwind|helix~}/infra/actions/runs | jq '.workflow_runs[0].status'
""", code=True)

T("code", "en", "US", """
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: ehr
      POSTGRES_PASSWORD: {{key.pw}}
  api:
    build: .
    environment:
      OPENAI_API_KEY: {{key.openai}}
""", code=True)

T("code", "en", "US", """
String url = "jdbc:sqlserver://sql01.corp.local:1433;databaseName=Claims;user=svc_claims;password={{key.pw}};encrypt=true";
Connection conn = DriverManager.getConnection(url);
// throws "Login failed for user" - password has special chars, do I need to escape them?
""", code=True)

T("code", "en", "US", """
from slack_sdk import WebClient

client = WebClient(token="{{key.slack}}")
client.chat_postMessage(channel="#alerts", text="nightly export finished")
""", code=True)

T("code", "en", "US UK", """
def test_patient_export():
    patient = Patient(
        name="{{pt.name}}",
        dob=date.fromisoformat("{{pt.dob_iso}}"),
        ssn="{{pt.ssn}}",
        mrn="{{pt.mrn}}",
    )
    assert export(patient)["mrn"] == "{{pt.mrn}}"
""", code=True)

T("code", "en", "US UK CA", """
INSERT INTO customers (full_name, email, phone, card_number, postcode) VALUES
('{{p1.name}}', '{{p1.email}}', '{{p1.phone}}', '{{p1.card}}', '{{p1.zip}}'),
('{{p2.name}}', '{{p2.email}}', '{{p2.phone}}', '{{p2.card}}', '{{p2.zip}}');
""", code=True)

T("code", "en", "US", """
"ConnectionStrings": {
  "Storage": "DefaultEndpointsProtocol=https;AccountName={~stehrprod|stclaimsdata|stnorthwind01~};AccountKey={{key.azure}};EndpointSuffix=core.windows.net"
}
""", code=True)

T("code", "en", "US", """
git remote set-url origin https://x-access-token:{{key.gh}}@github.com/{~acme|northwind~}/{~billing|ehr-api~}.git
git push origin main   # 403 - why?
""", code=True)

T("code", "en", "US", """
<script src="https://maps.googleapis.com/maps/api/js?key={{key.google}}&callback=initMap" async defer></script>
<!-- map shows "for development purposes only" -->
""", code=True)

T("code", "en", "US", """
$ huggingface-cli login --token {{key.hf}}
$ npm config set //registry.npmjs.org/:_authToken {{key.npm}}
both of these work locally but not in CI, any idea?
""", code=True)

T("code", "en", "US", """
import anthropic

client = anthropic.Anthropic(api_key="{{key.anthropic}}")
msg = client.messages.create(model="claude-3-5-sonnet-latest", max_tokens=512, messages=[{"role": "user", "content": "hello"}])
""", code=True)

T("code", "en", "US", """
# settings.py
EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = "{{key.sendgrid}}"
TWILIO_AUTH_TOKEN = "{{key.twilio}}"
GITLAB_TOKEN = "{{key.glpat}}"
""", code=True)

T("code", "en", "US", """
kubectl create secret generic api-keys \\
  --from-literal=GITHUB_TOKEN={{key.ghfg}} \\
  --from-literal=AWS_ACCESS_KEY_ID={{key.aws_id}} \\
  --from-literal=AWS_SECRET_ACCESS_KEY={{key.aws_secret}}
""", code=True)

# ===========================================================================
# TEMPLATES: positives, German
# ===========================================================================
DACH = "DE DE AT CH"

T("discharge", "de", DACH, """
{{hosp}} · Klinik für {{spec}}

Sehr geehrte Frau Kollegin, sehr geehrter Herr Kollege,

wir berichten über {{pt.hon}} {{pt.name}}, geb. {{pt.dob}}, wohnhaft {{pt.street}}, {{pt.cityzip}}, {{pt.dd}} sich vom {{c.adm}} bis zum {{c.dis}} in unserer stationären Behandlung befand.

Diagnosen:
- {{dx.term}} ({{dx.code}})
- {{dx2.term}} ({{dx2.code}})

Therapie: {{rx.drug}} {{rx.dose}} {{rx.freq}}.
Wiedervorstellung am {{c.appt}} in unserer Ambulanz.

Mit freundlichen kollegialen Grüßen
{{dr.drt}} {{dr.name}}
""", doc=True)

T("prescription", "de", "DE", """
Rp.
{{rx.drugcap}} {{rx.dose}} N2, {{rx.freq}}
Pat.: {{pt.lf}}, geb. {{pt.dob}}
Versichertennr.: {{pt.kvnr}} ({{insurer}})
{{pt.addr1}}
Arzt: {{dr.drt}} {{dr.name}}, {{hosp}}, {{c.visit}}
""", doc=True)

T("banking", "de", DACH, """
Hallo, kannst du mir helfen, diese Überweisung zu prüfen?
Empfänger: {{ben.name}}
IBAN: {{ben.iban}}
BIC: {{ben.bic}}
Betrag: {{amount}}
Verwendungszweck: {~Miete|Rechnung|Kaution~} {{ref}}
""", prose=True)

T("hr", "de", "DE", """
Personalfragebogen – neue Mitarbeiterin / neuer Mitarbeiter
Name: {{emp.name}}
Geburtsdatum: {{emp.dob}}
Anschrift: {{emp.addr1}}
Steuer-Identifikationsnummer: {{emp.steuerid}}
Krankenkasse: {{insurer}}, Versichertennummer {{emp.kvnr}}
Bankverbindung: {{emp.iban}}
Telefon: {{emp.phone}}
""", doc=True)

T("support_chat", "de", DACH, """
Kunde: Hallo, ich bin umgezogen. Neue Adresse: {{cust.addr1}}
Support: Danke! Können Sie mir bitte Ihr Geburtsdatum nennen?
Kunde: {{cust.dob}}, und meine neue Handynummer ist {{cust.mobile}}
Support: Vielen Dank, {{cust.hon}} {{cust.sur}}, ich habe alles aktualisiert.
""", prose=True)

T("email", "de", DACH, """
Hallo {{rcp.given}},

anbei die Unterlagen für unser Gespräch. Gib bitte kurz Bescheid, ob alles passt.

Viele Grüße
{{snd.name}}
{{title}}
{{company}}
{{snd.street}} · {{snd.cityzip}}
Tel. {{snd.phone}} · {{snd.email_work}}
""", prose=True)

T("tabular", "de", DACH, """
Name;Geburtsdatum;PLZ;Ort;Telefon
{{p1.name}};{{p1.dob}};{{p1.zip}};{{p1.city}};{{p1.phone}}
{{p2.name}};{{p2.dob}};{{p2.zip}};{{p2.city}};{{p2.phone}}
{{p3.name}};{{p3.dob}};{{p3.zip}};{{p3.city}};{{p3.phone}}
""", doc=True)

T("claims", "de", "DE AT", """
Schadenmeldung Kfz
Versicherungsnehmer: {{cust.name}}, {{cust.addr1}}
Amtliches Kennzeichen: {{cust.plate}}
FIN: {{cust.vin}}
Unfallgegner: {{p2.name}}, Kennzeichen {{p2.plate}}, Tel. {{p2.phone}}
Hergang: Beim Ausparken wurde mein Fahrzeug seitlich touchiert.
""", doc=True)

T("clinical", "de", DACH, """
pflegebericht frühdienst {{c.visit}}: pat. {{pt.lower}} (zi. {{room}}), geb. {{pt.dob}}, hat gut geschlafen, rr {{bp}}, puls {{hr}}. angehörige/r {{rel.name}} ({{rel.relation}}) hat angerufen ({{rel.phone}}), kommt am nachmittag.
""", prose=True)

T("referral", "de", "DE", """
Überweisung an: {{spec}}
Patient/in: {{pt.name}}, geb. {{pt.dob}}
Versichertennummer: {{pt.kvnr}}
Diagnose: {{dx.code}} – {{dx.term}}
Auftrag: Mitbehandlung, Befund erbeten.
{{gp.drt}} {{gp.name}}, {{c.referral}}
""", doc=True)

T("clinical", "de", DACH, """
Befund vom {{c.visit}}
Patientin/Patient: {{pt.fam}}, *{{pt.dob}}, Fall-Nr. {{pt.mrn}}
Implantiertes Aggregat: {{dev.kind}}, Seriennummer {{dev.serial}}
Beurteilung: regelrechte Funktion bei {{dx.term}} ({{dx.code}}). Nächste Kontrolle {{c.next}}.
""", doc=True)

# ===========================================================================
# TEMPLATES: positives, French
# ===========================================================================
FRL = "FR FR BE CH"

T("discharge", "fr", FRL, """
COMPTE RENDU D'HOSPITALISATION
{{hosp}} – Service de {{spec}}

Patient{{pt.o}} : {{pt.fam}}, né{{pt.o}} le {{pt.dob}}
N° IPP : {{pt.mrn}}
Hospitalisé{{pt.o}} du {{c.adm}} au {{c.dis}}

Motif : {{cc}}.
Diagnostic retenu : {{dx.term}} ({{dx.code}}).
Traitement de sortie : {{rx.drug}} {{rx.dose}}, {{rx.freq}}.
Rendez-vous de contrôle le {{c.appt}} avec le {{dr.drt}} {{dr.name}}.
""", doc=True)

T("prescription", "fr", "FR", """
{{dr.drt}} {{dr.name}}
Médecine générale

Ordonnance du {{c.visit}}
{{pt.hon}} {{pt.name}}, {{pt.age}} ans
{{rx.drugcap}} {{rx.dose}} : {{rx.freq}} pendant {{ndays}} jours
{{rx2.drugcap}} {{rx2.dose}} : {{rx2.freq}}
N° de sécurité sociale : {{pt.nir}}
""", doc=True)

T("banking", "fr", FRL, """
Bonjour, voici mon RIB pour le remboursement :
Titulaire : {{cust.name}}
IBAN : {{cust.iban}}
BIC : {{cust.bic}}
Adresse : {{cust.addr1}}
Merci !
""", prose=True)

T("claims", "fr", "FR", """
Demande de remboursement – {{insurer}}
Adhérent : {{pt.name}}
N° adhérent : {{pt.mutuelle}}
N° de sécurité sociale : {{pt.nir}}
Date des soins : {{c.dos}}
Praticien : {{dr.drt}} {{dr.name}}
Montant : {{amount}}
""", doc=True)

T("email", "fr", FRL, """
Bonjour {{rcp.given}},

Je vous confirme notre rendez-vous de la semaine prochaine. N'hésitez pas à me joindre au {{snd.mobile}}.

Bien cordialement,
{{snd.name}}
{{title}} – {{company}}
{{snd.email_work}}
""", prose=True)

T("support_chat", "fr", FRL, """
Client : bonjour, je n'arrive plus à me connecter à mon espace
Conseiller : Bonjour ! Pouvez-vous me donner votre nom et votre date de naissance ?
Client : {{cust.name}}, {{cust.dob}}
Conseiller : Merci. Quelle est l'adresse e-mail associée ?
Client : {{cust.email}}
""", prose=True)

T("tabular", "fr", FRL, """
nom;prénom;date_naissance;code_postal;téléphone
{{p1.sur}};{{p1.given}};{{p1.dob}};{{p1.zip}};{{p1.phone}}
{{p2.sur}};{{p2.given}};{{p2.dob}};{{p2.zip}};{{p2.phone}}
{{p3.sur}};{{p3.given}};{{p3.dob}};{{p3.zip}};{{p3.phone}}
""", doc=True)

T("hr", "fr", "FR", """
Objet : Attestation employeur

Je soussigné{{mgr.o}} {{mgr.name}}, {{title}} de {{company}}, atteste que {{emp.hon}} {{emp.name}}, né{{emp.o}} le {{emp.dob}}, demeurant {{emp.addr1}}, est employé{{emp.o}} au sein de notre société en contrat à durée indéterminée.
N° de sécurité sociale : {{emp.nir}}

Fait pour servir et valoir ce que de droit.
""", doc=True)

T("referral", "fr", FRL, """
Cher confrère,

Je vous adresse {{pt.hon}} {{pt.name}}, {{pt.age}} ans (né{{pt.o}} le {{pt.dob}}), pour avis concernant {{dx.term}}. Antécédents : {{dx2.term}}. Traitement actuel : {{rx.drug}} {{rx.dose}}.
Tél. : {{pt.phone}}

Confraternellement,
{{dr.drt}} {{dr.name}}
""", doc=True)

T("clinical", "fr", FRL, """
transmissions ide {{c.visit}} – chambre {{room}} : {{pt.hon}} {{pt.lower}}, {{pt.age}} ans, {{dx.term}}. ta {{bp}}, fc {{hr}}. famille prévenue ({{rel.relation}} : {{rel.name}}, {{rel.phone}}).
""", prose=True)

# ===========================================================================
# TEMPLATES: positives, Spanish
# ===========================================================================
T("discharge", "es", "ES", """
INFORME DE ALTA HOSPITALARIA
{{hosp}} – Servicio de {{spec}}
Paciente: {{pt.name}}   NHC: {{pt.mrn}}
Fecha de nacimiento: {{pt.dob}}   DNI/NIE: {{pt.docid}}
Fecha de ingreso: {{c.adm}}   Fecha de alta: {{c.dis}}
Diagnóstico principal: {{dx.term}} ({{dx.code}})
Tratamiento al alta: {{rx.drug}} {{rx.dose}} {{rx.freq}}
Revisión en consultas externas el {{c.appt}}.
""", doc=True)

T("prescription", "es", "ES", """
Receta médica
Paciente: {{pt.name}}, {{pt.age}} años
Tarjeta sanitaria: {{pt.cip}}
{{rx.drugcap}} {{rx.dose}}, {{rx.freq}}, durante {{ndays}} días.
{{dr.drt}} {{dr.name}}
Fecha: {{c.visit}}
""", doc=True)

T("banking", "es", "ES MX", """
Hola, te paso los datos para la transferencia:
Titular: {{ben.name}}
IBAN: {{ben.iban}}
BIC/SWIFT: {{ben.bic}}
Concepto: {~alquiler|factura|fianza~} {{ref}}
""", roles={"ben": ["ES", "ES", "PT", "FR"]}, prose=True)

T("hr", "es", "ES", """
Alta de trabajador
Nombre y apellidos: {{emp.name}}
NIE: {{emp.nie}}
Fecha de nacimiento: {{emp.dob}}
Domicilio: {{emp.addr1}}
Teléfono: {{emp.mobile}}
Correo: {{emp.email}}
Cuenta para la nómina: {{emp.iban}}
""", doc=True)

T("support_chat", "es", "ES", """
Cliente: hola, quiero cambiar la dirección de envío
Agente: ¡Claro! ¿Me confirma su nombre completo y DNI?
Cliente: {{cust.name}}, {{cust.dni}}
Agente: Gracias. ¿Cuál es la nueva dirección?
Cliente: {{cust.addr1}}
""", prose=True)

T("email", "es", "ES MX", """
Hola {{rcp.given}}:

Te adjunto el presupuesto revisado. Si tienes cualquier duda, llámame al {{snd.phone}}.

Un saludo,
{{snd.name}}
{{company}}
{{snd.email_work}}
""", prose=True)

T("tabular", "es", "ES MX", """
nombre,apellidos,fecha_nac,cp,movil
{{p1.given}},{{p1.sur}},{{p1.dob}},{{p1.zip}},{{p1.mobile}}
{{p2.given}},{{p2.sur}},{{p2.dob}},{{p2.zip}},{{p2.mobile}}
{{p3.given}},{{p3.sur}},{{p3.dob}},{{p3.zip}},{{p3.mobile}}
""", doc=True)

T("hr", "es", "ES", """
Parte médico de baja por incapacidad temporal
Trabajador/a: {{emp.name}}, DNI {{emp.dni}}
Fecha de la baja: {{c.visit}}
Diagnóstico: {{dx.code}}
Empresa: {{company}}
""", doc=True)

T("referral", "es", "MX", """
Hoja de referencia
Paciente: {{pt.name}}, {{pt.age}} años, fecha de nacimiento {{pt.dob}}
Domicilio: {{pt.addr1}}
Teléfono: {{pt.phone}}
Se refiere a {{spec}} por {{dx.term}} ({{dx.code}}).
{{dr.drt}} {{dr.name}}
""", doc=True)

T("clinical", "es", "ES MX", """
Evolución {{c.visit}}: paciente {{pt.name}}, {{pt.age}} años, con {{dx.term}}. TA {{bp}}, FC {{hr}}, Sat O2 {{spo2}}%. Se ajusta {{rx.drug}} a {{rx.dose}} {{rx.freq}}. Se informa a su {{rel.relation}} ({{rel.name}}, tel. {{rel.mobile}}).
""", prose=True, doc=True)

# ===========================================================================
# TEMPLATES: positives, Italian
# ===========================================================================
T("discharge", "it", "IT", """
LETTERA DI DIMISSIONE
{{hosp}} – U.O. di {{spec}}
Paziente: {{pt.name}}, nat{{pt.o}} il {{pt.dob}}
Codice fiscale: {{pt.cf}}
N. nosologico: {{pt.mrn}}
Ricoverat{{pt.o}} dal {{c.adm}} al {{c.dis}}
Diagnosi di dimissione: {{dx.term}} ({{dx.code}})
Terapia: {{rx.drug}} {{rx.dose}} {{rx.freq}}
Controllo ambulatoriale il {{c.appt}}.
{{dr.drt}} {{dr.name}}
""", doc=True)

T("prescription", "it", "IT", """
Ricetta – {{c.visit}}
Assistito: {{pt.lfcaps}}
C.F. {{pt.cf}}
Indirizzo: {{pt.addr1}}
Prescrizione: {{rx.drugcap}} {{rx.dose}}, {{rx.freq}}, 2 confezioni
Medico: {{dr.drt}} {{dr.name}}
""", doc=True)

T("banking", "it", "IT", """
Buongiorno, per il bonifico:
Beneficiario: {{ben.name}}
IBAN: {{ben.iban}}
BIC: {{ben.bic}}
Causale: {~saldo fattura|caparra|affitto~} {{ref}}
Grazie, {{snd.given}}
""", prose=True)

T("hr", "it", "IT", """
Gentile {{emp.hon}} {{emp.sur}},
con la presente Le confermiamo l'assunzione presso {{company}} in qualità di {{title}}.
Dati anagrafici: nat{{emp.o}} il {{emp.dob}}, C.F. {{emp.cf}}, residente in {{emp.addr1}}.
Recapiti: {{emp.email}} – {{emp.mobile}}
Cordiali saluti,
{{mgr.name}}
""", doc=True)

T("support_chat", "it", "IT", """
Cliente: salve, devo aggiornare il numero di telefono
Operatore: Certo, mi può dare nome, cognome e codice fiscale?
Cliente: {{cust.name}}, {{cust.cf}}
Operatore: Grazie. Il nuovo numero?
Cliente: {{cust.mobile}}
""", prose=True)

T("email", "it", "IT CH", """
Ciao {{rcp.given}},

ti giro il preventivo aggiornato. Per qualsiasi cosa chiamami pure al {{snd.mobile}}.

Un caro saluto,
{{snd.name}}
{{company}}
{{snd.email_work}}
""", prose=True)

T("tabular", "it", "IT", """
Cognome;Nome;Data di nascita;CAP;Telefono
{{p1.sur}};{{p1.given}};{{p1.dob}};{{p1.zip}};{{p1.phone}}
{{p2.sur}};{{p2.given}};{{p2.dob}};{{p2.zip}};{{p2.phone}}
{{p3.sur}};{{p3.given}};{{p3.dob}};{{p3.zip}};{{p3.phone}}
""", doc=True)

T("referral", "it", "IT", """
Si richiede visita di {{spec}} per {{pt.hon}} {{pt.name}} ({{pt.age}} anni), esenzione per {{dx.term}} ({{dx.code}}). Recapito: {{pt.phone}}. Priorità: {~B|D|P~}.
{{dr.drt}} {{dr.name}}
""", doc=True)

T("claims", "it", "IT", """
Constatazione amichevole – veicolo A: targa {{cust.plate}}, telaio {{cust.vin}}, conducente {{cust.name}}, residente in {{cust.addr1}}, tel. {{cust.phone}}. Veicolo B: targa {{p2.plate}}, conducente {{p2.name}}.
""", doc=True)

# ===========================================================================
# TEMPLATES: positives, Dutch
# ===========================================================================
T("discharge", "nl", "NL", """
Geachte collega,

Hierbij bericht ik u over {{pt.hon}} {{pt.name}}, geboren {{pt.dob}}, BSN {{pt.bsn}}, die van {{c.adm}} tot {{c.dis}} opgenomen was op onze afdeling {{spec}} in verband met {{dx.term}} ({{dx.code}}).
Medicatie bij ontslag: {{rx.drug}} {{rx.dose}} {{rx.freq}}.
Controle op de polikliniek op {{c.appt}}.

Met collegiale groet,
{{dr.drt}} {{dr.name}}
""", doc=True)

T("prescription", "nl", "NL BE", """
R/ {{rx.drugcap}} {{rx.dose}}, {{rx.freq}}, 30 stuks
Pat.: {{pt.name}}, geb. {{pt.dob}}
Adres: {{pt.addr1}}
Polisnummer: {{pt.polis}}
Voorschrijver: {{dr.drt}} {{dr.name}}, {{c.visit}}
""", doc=True)

T("banking", "nl", "NL BE", """
Hoi! Kun je het geld overmaken naar {{ben.name}}, IBAN {{ben.iban}}{~, BIC {{ben.bic}}|~}, o.v.v. {{ref}}? Bedankt!
""", prose=True)

T("hr", "nl", "NL", """
Personeelsgegevens
Naam: {{emp.name}}
Geboortedatum: {{emp.dob}}
BSN: {{emp.bsn}}
Adres:
{{emp.addr}}
IBAN: {{emp.iban}}
Telefoon: {{emp.mobile}}
""", doc=True)

T("support_chat", "nl", "NL BE", """
Klant: hallo, mijn pas is geblokkeerd
Medewerker: Vervelend! Wat is uw naam en geboortedatum?
Klant: {{cust.name}}, {{cust.dob}}
Medewerker: Dank u. Op welk adres woont u?
Klant: {{cust.addr1}}
""", prose=True)

T("email", "nl", "NL BE", """
Beste {{rcp.given}},

Zoals besproken stuur ik je hierbij de offerte. Bel me gerust op {{snd.phone}} als er vragen zijn.

Met vriendelijke groet,
{{snd.name}}
{{title}} | {{company}}
{{snd.email_work}}
""", prose=True)

T("tabular", "nl", "NL", """
naam,geboortedatum,postcode,telefoon,bsn
{{p1.name}},{{p1.dob}},{{p1.zip}},{{p1.phone}},{{p1.bsn}}
{{p2.name}},{{p2.dob}},{{p2.zip}},{{p2.phone}},{{p2.bsn}}
""", doc=True)

T("referral", "nl", "NL BE", """
Verwijzing naar {{spec}}
Betreft: {{pt.name}}, {{pt.dob}}
Telefoon: {{pt.phone}}
Vraagstelling: graag beoordeling i.v.m. {{dx.term}}.
Met vriendelijke groet, {{gp.drt}} {{gp.name}}, huisarts
""", doc=True)

T("support_chat", "nl", "NL", """
mijn auto met kenteken {{cust.plate}} is weggesleept terwijl ik gewoon een vergunning heb. naam {{cust.name}}, adres {{cust.addr1}}, tel {{cust.mobile}}. wat nu?
""", prose=True)

# ===========================================================================
# TEMPLATES: positives, Portuguese
# ===========================================================================
T("discharge", "pt", "PT", """
NOTA DE ALTA
{{hosp}} – Serviço de {{spec}}
Doente: {{pt.name}}, n.º de processo {{pt.mrn}}
Data de nascimento: {{pt.dob}}   N.º de utente: {{pt.utente}}
Internamento: {{c.adm}} a {{c.dis}}
Diagnóstico: {{dx.term}} ({{dx.code}})
Medicação: {{rx.drug}} {{rx.dose}} {{rx.freq}}
Consulta de seguimento: {{c.appt}}
""", doc=True)

T("prescription", "pt", "PT BR", """
Receita médica – {{c.visit}}
Utente: {{pt.name}}
Data de nascimento: {{pt.dob}}
{{rx.drugcap}} {{rx.dose}} – {{rx.freq}}
{{rx2.drugcap}} {{rx2.dose}} – {{rx2.freq}}
{{dr.drt}} {{dr.name}}
""", doc=True)

T("banking", "pt", "PT", """
Olá! Podes transferir para:
Nome: {{ben.name}}
IBAN: {{ben.iban}}
BIC: {{ben.bic}}
Obrigado!
""", prose=True)

T("hr", "pt", "BR", """
Ficha de admissão
Nome: {{emp.name}}
Data de nascimento: {{emp.dob}}
Endereço:
{{emp.addr}}
Telefone: {{emp.mobile}}
E-mail: {{emp.email}}
Conta corrente: {{emp.acct}}
""", doc=True)

T("support_chat", "pt", "BR", """
Cliente: oi, meu cartão foi clonado
Atendente: Sinto muito! Pode confirmar seu nome completo e data de nascimento?
Cliente: {{cust.name}}, {{cust.dob}}
Atendente: Obrigado. Qual o número do cartão?
Cliente: {{cust.card}}
""", prose=True)

T("email", "pt", "PT BR", """
Olá {{rcp.given}},

Segue em anexo a proposta revista. Qualquer dúvida, liga-me para o {{snd.mobile}}.

Cumprimentos,
{{snd.name}}
{{company}}
{{snd.email_work}}
""", prose=True)

T("tabular", "pt", "PT BR", """
nome;data_nascimento;codigo_postal;telemovel;email
{{p1.name}};{{p1.dob}};{{p1.zip}};{{p1.mobile}};{{p1.email}}
{{p2.name}};{{p2.dob}};{{p2.zip}};{{p2.mobile}};{{p2.email}}
""", doc=True)

T("referral", "pt", "BR", """
Encaminhamento para {{spec}}
Paciente: {{pt.name}}, {{pt.age}} anos, nascid{{pt.o}} em {{pt.dob}}
Endereço: {{pt.addr1}}
Telefone: {{pt.phone}}
Hipótese diagnóstica: {{dx.term}} (CID {{dx.code}})
{{dr.drt}} {{dr.name}}
""", doc=True)

T("claims", "pt", "PT", """
Participação de sinistro automóvel: veículo com matrícula {{cust.plate}}, condutor {{cust.name}}, morada {{cust.addr1}}, telemóvel {{cust.mobile}}. Outro veículo: matrícula {{p2.plate}}, condutor {{p2.name}}.
""", doc=True)

# ===========================================================================
# TEMPLATES: negatives (no identifier; hard look-alikes only)
# ===========================================================================

# ---- English
N("clinical", "en", "US UK", """
Explain the difference between {{eponym}} and {{eponym2}} for a {~nursing student|first-year resident|patient leaflet~}, including the usual first-line treatment.
""", prose=True)

N("clinical", "en", "US UK AU", """
A {{num}}-year-old {~man|woman~} with {{eponym}} presents with {{cc}}. BP {{bp}}, HR {{hr}}, SpO2 {{spo2}}%. {~What is the most likely diagnosis?|What investigations would you order first?|How would you manage this in primary care?~}
""", prose=True)

N("clinical", "en", "US UK CA", """
Compare {{brand}} and {{brand2}} for someone with {{eponym}}: dosing, renal adjustment and common side effects. Keep it under 200 words.
""", prose=True)

N("clinical", "en", "US", """
Summarize the formulary changes that take effect on {{evdate}}: {{brand}} moves to tier 3, and {{brand2}} needs prior authorization starting {{evdate2}}. Write it as a short memo for the pharmacy team.
""", doc=True)

N("clinical", "en", "US UK", """
How is the {{sign}} performed and what does a positive result suggest? Is the {{sign2}} still used in {~the ED|ICU practice|primary care~}?
""", prose=True)

N("clinical", "en", "US UK AU", """
Pt seen in clinic today. {{eponym}} stable on {{brand}}. No new concerns. Plan: continue current dose, repeat bloods in 3 months.
Rewrite this as a proper clinic letter (no patient details, it's for a template).
""", prose=True)

N("clinical", "en", "US", """
Is NDC {{ndc}} the 10 mg or the 20 mg strength of {{brand}}? Our lot {{lot}} expires {{evdate}} and the label is smudged.
""", prose=True)

N("clinical", "en", "US UK", """
Does the {{product}} work with the {{app}} app on Android {~13|14|15~}? Firmware {{version}} keeps disconnecting after about {{num}} minutes.
""", prose=True)

N("clinical", "en", "US UK", """
Write 5 multiple-choice questions about {{eponym}}, {{eponym2}} and {{eponym3}} for a pharmacology quiz. Include {{brand}} as a distractor.
""", prose=True)

N("discharge", "en", "US UK", """
Give me a discharge checklist template for patients with {{eponym}}: sections for medications (e.g. {{brand}}), red-flag symptoms, follow-up and who to call. Leave blanks like [NAME] and [DATE] for us to fill in.
""", doc=True)

N("claims", "en", "US", """
What's the difference between CPT {{cpt}} and {{cpt2}}? Our coder says {{carc}} denials went up {{pct}}% in {{quarter}} after the payer changed its policy on {{evdate}}.
""", prose=True)

N("claims", "en", "US", """
Claim status summary for {{quarter}}: {{big}} claims submitted, {{pct}}% first-pass acceptance, top denial {{carc}} (CPT {{cpt}}), average days to pay {{num}}. Turn this into three bullet points for the board.
""", doc=True)

N("banking", "en", "US UK", """
Our checkout rejects {{badcard}} with "invalid card number". Is our Luhn check wrong, or is the number just mistyped?
""", prose=True)

N("banking", "en", "UK IE", """
Why does our validator reject the IBAN {{badiban}}? The length looks right to me. Walk me through the mod-97 check.
""", prose=True)

N("banking", "en", "US", """
Is {{badaba}} a valid ABA routing number? The checksum calculator says no, but it was printed on a {~vendor form|sample cheque in a tutorial|training slide~}.
""", prose=True)

N("banking", "en", "US UK", """
Summarize {{pcompany}}'s {{quarter}} earnings call in three bullets and compare its margins with {{pcompany2}}.
""", prose=True)

N("banking", "en", "US UK", """
Explain the {{econ}} and the {{econ2}} like I'm a first-year analyst, with one worked example each.
""", prose=True)

N("banking", "en", "UK US", """
For {{mt}} messages, which field carries the ordering customer and which the beneficiary? How does that map to ISO 20022 pacs.008, and what changes after the {{evdate}} cut-over?
""", prose=True)

N("banking", "en", "US", """
Test card numbers for our sandbox keep failing. We generated {{badcard}} and {{badcard2}} by hand. Why would both fail validation?
""", prose=True)

N("banking", "en", "UK", """
What's the cut-off for same-day {{mt}} payments to {{place}} through {{pcompany}}? We need funds there by {{evdate}} for the {~property completion|quarterly settlement|supplier run~}.
""", prose=True)

N("support_chat", "en", "US UK CA", """
Customer: order {{order}} still says "processing" after {{wait}} days
Agent: Sorry about that! Let me check the tracking number {{tracking}}.
Customer: it hasn't moved since it left the warehouse
Agent: I've escalated it, you'll get an update within 24 hours.
""", prose=True)

N("support_chat", "en", "US UK", """
Agent: How can I help?
Customer: the {{app}} app shows error E{{num}} when I upload a PDF
Agent: Which version are you on?
Customer: {{version}}, on {~iOS 17|Android 14|Windows 11~}
Agent: Thanks, that's a known bug fixed in {{version2}}.
""", prose=True)

N("support_chat", "en", "US UK", """
Can {{ainame}} read my calendar and set a reminder for the team stand-up at {{time}}? Which permissions does it need, and can I revoke them later?
""", prose=True)

N("support_chat", "en", "US UK AU", """
Plan a 3-day trip from {{place}} to {{place2}} with a stop in {{place3}}. Budget about {{amount}}, mostly trains.
""", prose=True)

N("support_chat", "en", "US UK", """
After upgrading from {{version}} to {{version2}} the app crashes on launch (build {{build}}). The stack trace points to libssl. Known issue? Ticket {{ticket}}.
""", prose=True)

N("email", "en", "US UK", """
Hi all,

Reminder: the quarterly compliance training is due by {{evdate}}. The {{eponym}} research seminar has moved to {{evdate2}} at {{time}} in room {{room}}.

Thanks,
The {~Compliance|Clinical Education|Operations~} Team
""", prose=True)

N("email", "en", "US UK", """
Subject: Release {{version}} scheduled for {{evdate}}

Team,
Release {{version}} (build {{build}}) goes out on {{evdate}}. Change freeze starts {{evdate2}}. Known issue: {{cve}} patched in the base image.
- Platform Engineering
""", prose=True)

N("email", "en", "US UK", """
Subject: Vendor onboarding - {{pcompany}}

Hello,
We've added {{pcompany}} and {{pcompany2}} to the approved vendor list as of {{evdate}}. Purchase orders should reference PO numbers in the {{order}} format from now on.
Procurement
""", prose=True)

N("hr", "en", "US UK", """
Per our policy (updated {{evdate}}), employees accrue {{num}} days of annual leave; up to 5 unused days roll over into {{year}}. Can you rewrite this paragraph so it's easier to read?
""", doc=True)

N("hr", "en", "US UK", """
Draft a job ad for a {~Clinical Coder|Payroll Analyst|Registered Nurse|Data Engineer~} based in {{place}}. Salary band {{salary}}-{{salary2}}, hybrid, start in {{quarter}}. Mention our partnership with {{pcompany}}.
""", prose=True)

N("tabular", "en", "US", """
sku,product,lot,expiry,qty
{{sku}},{{product}},{{lot}},{{evdate}},{{num}}
{{sku2}},{{brand}} 10 mg,{{lot2}},{{evdate2}},{{num2}}
{{sku3}},{{product2}},{{lot3}},{{evdate3}},{{num3}}
""", doc=True)

N("tabular", "en", "US UK", """
| Test | Units | Reference range |
|------|-------|-----------------|
| HbA1c | % | 4.0 - 5.6 |
| eGFR | mL/min/1.73m2 | > 90 |
| CRP | mg/L | < 5 |
{{labrow}}
{{labrow2}}
Can you add rows for {~calcium and magnesium|AST and GGT|HDL and triglycerides~}?
""", doc=True)

N("tabular", "en", "US UK", """
company,sector,quarter,revenue_musd,eps
{{pcompany}},{~banking|pharma|medtech|retail~},{{quarter}},{{big}},{{pct}}
{{pcompany2}},{~banking|pharma|medtech|retail~},{{quarter}},{{big2}},{{pct2}}
""", doc=True)

N("json", "en", "US", """
{"service": "claims-api", "version": "{{version}}", "replicas": {{num}}, "features": {"fhir_export": true, "eob_pdf": false}, "build_sha": "{{sha}}", "region": "{~eu-west-1|us-east-2~}"}
""", code=True)

N("json", "en", "US", """
{"order_id": "{{order}}", "items": [{"sku": "{{sku}}", "qty": {{num}}}, {"sku": "{{sku2}}", "qty": {{num2}}}], "status": "shipped", "tracking": "{{tracking}}", "created_at": "{{ts}}"}
""", code=True)

N("json", "en", "US", """
{"drug": "{{brand}}", "ndc": "{{ndc}}", "lot": "{{lot}}", "expiry": "{{evdate}}", "storage": "2-8 C", "indication": "{{eponym}}"}
""", code=True)

N("logs", "en", "US", """
{{ts}} INFO  request_id={{reqid}} method=GET path={{path}} status=200 duration_ms={{ms}}
{{ts2}} INFO  request_id={{reqid2}} method=POST path={{path2}} status=201 duration_ms={{ms2}}
{{ts3}} WARN  request_id={{reqid3}} cache miss key=sha256:{{sha256}}
""", code=True)

N("logs", "en", "US", """
commit {{sha}}
Merge: {{short}} {{short2}}

    Bump openssl from {{version}} to {{version2}}

commit {{sha2}}

    Fix race in claims batch exporter (#{{num}})
""", code=True)

N("logs", "en", "US", """
{{ts}} pod/claims-api-{{short}}-{~x7k2p|m9q4z|b2c8d~} Readiness probe failed: HTTP probe failed with statuscode: 503
{{ts2}} pod/claims-api-{{short}}-{~x7k2p|m9q4z|b2c8d~} Pulling image "registry.internal/claims-api:{{version}}"
{{ts3}} deployment/claims-api rollout {~complete|stalled~} (revision {{num}})
""", code=True)

N("logs", "en", "US", """
Why does `docker pull registry.example.com/claims-api@sha256:{{sha256}}` fail with "manifest unknown" while the tag {{version}} works fine?
""", code=True)

N("logs", "en", "US", """
[{{ts}}] ERROR worker-{{num}} job={{uuid}} attempt=3/5 err="context deadline exceeded" queue=eob-render trace={{hex}}
[{{ts2}}] INFO  worker-{{num}} job={{uuid}} requeued
""", code=True)

N("code", "en", "US", """
import os
from openai import OpenAI

# openai=={{version}}
client = OpenAI(api_key=os.environ["{~OPENAI_API_KEY|OPENAI_KEY|LLM_API_KEY~}"])  # or api_key="{~<YOUR_API_KEY>|YOUR_KEY_HERE|sk-...~}"
resp = client.chat.completions.create(model="{~gpt-4o-mini|gpt-4.1|o3-mini~}", messages=[{"role": "user", "content": "{~hi|summarize this|ping~}"}], timeout={{num}})
print(resp.choices[0].message.content)
""", code=True)

N("code", "en", "US", """
# .env.example - copy to .env and fill in
DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/app
STRIPE_SECRET_KEY={~sk_live_xxxxxxxxxxxxxxxxxxxxxxxx|<your-stripe-secret-key>|changeme~}
AWS_ACCESS_KEY_ID=<your-access-key-id>
AWS_SECRET_ACCESS_KEY=<your-secret-access-key>
APP_VERSION={{version}}
PORT={{port}}
""", code=True)

N("code", "en", "US", """
- name: Deploy
  env:
    AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
    AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
  run: ./scripts/deploy.sh --env {~staging|production~} --region {~eu-west-1|us-east-1|ap-southeast-2~} --sha ${{ github.sha }} --timeout {{num}}m
""", code=True)

N("code", "en", "US", """
-- migration {{short}} (schema v{{num}})
CREATE TABLE patients (
  id BIGSERIAL PRIMARY KEY,
  mrn VARCHAR(16) UNIQUE NOT NULL,
  full_name TEXT NOT NULL,
  dob DATE,
  ssn_encrypted BYTEA
);
-- how do I add an index on lower(full_name) {~without locking the table|concurrently~}?
""", code=True)

N("code", "en", "US", """
const stripe = require("stripe")(process.env.STRIPE_SECRET_KEY);
const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: "price_{{short}}", quantity: {{num}} }] });
// version {{version}} of the SDK - is `line_items` still the right field?
""", code=True)

N("code", "en", "US", """
For our test fixtures we use {{badssn}} as an SSN since numbers starting with 000, 666 or 9 are never issued, and {{badnhs}} as an NHS number that fails the mod-11 check. Is that a safe convention?
""", prose=True)

N("code", "en", "US", """
According to https://docs.python.org/3/library/{~json|csv|datetime|hashlib~}.html, what's the cleanest way to {~stream a large file|parse ISO timestamps|compute a SHA-256 of a file~}? I'm on Python {~3.11|3.12~}.
""", prose=True)

N("referral", "en", "US UK", """
Which specialists usually manage {{eponym}} - neurology or {~rheumatology|endocrinology|geriatrics~}? And what should a referral letter include? Give me a template with placeholders only.
""", prose=True)

N("referral", "en", "US UK", """
Directions from {{place}} station to {~Johns Hopkins Hospital|Mayo Clinic|Mount Sinai|Great Ormond Street Hospital|the Karolinska Institute~} by public transport? Arriving {{evdate}} around {{time}}.
""", prose=True)

N("prescription", "en", "US UK", """
What's the usual starting dose of {{brand}} for {{eponym}}, and how does it compare with {{brand2}}? Is ISBN {{isbn}} the latest edition of the prescribing handbook?
""", prose=True)

# ---- German
N("clinical", "de", "DE", """
Was ist der Unterschied zwischen {{eponym}} und {{eponym2}}? Bitte kurz für Pflegeschüler erklären, inkl. {{sign}}.
""", prose=True)
N("clinical", "de", "DE", """
Fallbeispiel: {{num}}-jähriger Patient mit {{eponym}}, RR {{bp}}, Puls {{hr}}. Welche Differenzialdiagnosen kommen in Frage? {{brand}} oder {{brand2}}?
""", prose=True)
N("banking", "de", "DE AT", """
Unser Shop lehnt die Kartennummer {{badcard}} ab – ist die Prüfziffer falsch oder unser Code? Und warum wird die IBAN {{badiban}} abgewiesen?
""", prose=True)
N("email", "de", "DE", """
Hallo zusammen,
ab {{evdate}} gilt der neue Tarif. Bitte formuliert eine Kundeninfo, dass {{brand}} nicht mehr erstattet wird. Die Schulung dazu findet am {{evdate2}} um {{time}} statt.
Viele Grüße, das Team Leistungsabrechnung
""", prose=True)
N("support_chat", "de", "DE", """
Bestellung {{order}}: Die Lieferung verzögert sich, Sendungsnummer {{tracking}}. Kannst du eine kurze Entschuldigungs-Mail an die Kundschaft schreiben (ohne Namen)?
""", prose=True)
N("logs", "de", "DE", """
Nach dem Update auf Version {{version}} (Build {{build}}) startet der Dienst nicht mehr: Fehler bei request_id={{reqid}}, Hash {{sha}}. Woran kann das liegen?
""", code=True)

# ---- French
N("clinical", "fr", "FR", """
Peux-tu expliquer la différence entre ces deux pathologies : {{eponym}} et {{eponym2}} ? C'est pour des étudiants infirmiers. Cite aussi : {{sign}}.
""", prose=True)
N("clinical", "fr", "FR", """
Cas clinique : homme de {{num}} ans, {{eponym}}, TA {{bp}}. {{brand}} ou {{brand2}} en première intention ?
""", prose=True)
N("banking", "fr", "FR BE", """
Notre formulaire refuse l'IBAN {{badiban}} et la carte {{badcard}}. Comment fonctionne la clé de contrôle ?
""", prose=True)
N("email", "fr", "FR", """
Bonjour à tous,
La réunion du comité qualité est déplacée au {{evdate}} à {{time}}, salle {{room}}. Ordre du jour : nouveaux protocoles {{eponym}}.
L'équipe qualité
""", prose=True)
N("support_chat", "fr", "FR", """
Ma commande {{order}} n'est toujours pas arrivée, numéro de suivi {{tracking}}. L'application {{app}} affiche l'erreur E{{num}} en version {{version}}.
""", prose=True)
N("hr", "fr", "FR", """
Réécris ce paragraphe : « À compter du {{evdate}}, les salariés bénéficient de {{num}} jours de congés supplémentaires. » Ton neutre, sans nom.
""", doc=True)

# ---- Spanish
N("clinical", "es", "ES", """
¿Cuál es la diferencia entre estas dos enfermedades: {{eponym}} y {{eponym2}}? Explícalo para estudiantes de enfermería e incluye también: {{sign}}.
""", prose=True)
N("clinical", "es", "ES MX", """
Caso clínico: mujer de {{num}} años con {{eponym}}, TA {{bp}}. ¿{{brand}} o {{brand2}}? Sin datos personales, es para un examen.
""", prose=True)
N("banking", "es", "ES", """
El sistema rechaza el IBAN {{badiban}}. ¿Está mal el dígito de control? También falla la tarjeta de prueba {{badcard}}.
""", prose=True)
N("email", "es", "ES", """
Hola a todos:
La formación sobre {{brand}} será el {{evdate}} a las {{time}} en la sala {{room}}. La versión {{version}} de la aplicación sale el {{evdate2}}.
Saludos, el equipo de Farmacia
""", prose=True)
N("support_chat", "es", "ES MX", """
Mi pedido {{order}} sigue en "procesando" desde hace {{wait}} días. Número de seguimiento: {{tracking}}. ¿Pueden revisarlo?
""", prose=True)
N("tabular", "es", "ES", """
referencia;producto;lote;caducidad;unidades
{{sku}};{{product}};{{lot}};{{evdate}};{{num}}
{{sku2}};{{brand}} 20 mg;{{lot2}};{{evdate2}};{{num2}}
""", doc=True)

# ---- Italian
N("clinical", "it", "IT", """
Qual è la differenza tra queste due patologie: {{eponym}} e {{eponym2}}? Spiegalo per studenti di infermieristica, citando anche: {{sign}}.
""", prose=True)
N("clinical", "it", "IT", """
Caso: paziente di {{num}} anni con {{eponym}}, PA {{bp}}. Meglio {{brand}} o {{brand2}}? È per una esercitazione, niente dati reali.
""", prose=True)
N("banking", "it", "IT", """
Il nostro gestionale rifiuta l'IBAN {{badiban}}: il CIN o le cifre di controllo sono sbagliati? Anche la carta {{badcard}} risulta non valida.
""", prose=True)
N("email", "it", "IT", """
Buongiorno a tutti,
l'aggiornamento del software alla versione {{version}} è previsto per il {{evdate}} alle {{time}}. La riunione su {{eponym}} slitta al {{evdate2}}.
Il team IT
""", prose=True)
N("support_chat", "it", "IT", """
L'ordine {{order}} risulta ancora in lavorazione, tracking {{tracking}}. L'app {{app}} dà errore E{{num}}.
""", prose=True)
N("logs", "it", "IT", """
Dopo il deploy della build {{build}} vedo questi errori: request_id={{reqid}} status=502 duration_ms={{ms}}, hash {{sha}}. Come faccio il rollback alla {{version}}?
""", code=True)

# ---- Dutch
N("clinical", "nl", "NL", """
Wat is het verschil tussen deze twee aandoeningen: {{eponym}} en {{eponym2}}? Leg het uit voor verpleegkundestudenten, inclusief: {{sign}}.
""", prose=True)
N("clinical", "nl", "NL BE", """
Casus: man van {{num}} jaar met {{eponym}}, bloeddruk {{bp}}. {{brand}} of {{brand2}}? Het is voor een toets, geen echte patiënt.
""", prose=True)
N("banking", "nl", "NL", """
Ons systeem keurt IBAN {{badiban}} af en ook BSN {{badbsn}} faalt op de elfproef. Klopt onze controle wel?
""", prose=True)
N("email", "nl", "NL", """
Hoi allemaal,
De nieuwe versie {{version}} van {{app}} gaat live op {{evdate}}. De training staat gepland op {{evdate2}} om {{time}} in zaal {{room}}.
Groet, team Applicatiebeheer
""", prose=True)
N("support_chat", "nl", "NL BE", """
Bestelling {{order}} staat al {{wait}} dagen op "in behandeling". Track & trace {{tracking}} doet niets. Kunnen jullie kijken?
""", prose=True)
N("hr", "nl", "NL", """
Herschrijf dit beleid: "Vanaf {{evdate}} krijgen medewerkers {{num}} vakantiedagen; maximaal 5 dagen gaan mee naar {{year}}." Neutraal, zonder namen.
""", doc=True)

# ---- Portuguese
N("clinical", "pt", "PT", """
Qual a diferença entre estas duas doenças: {{eponym}} e {{eponym2}}? Explica para estudantes de enfermagem e inclui também: {{sign}}.
""", prose=True)
N("clinical", "pt", "BR", """
Caso clínico: homem de {{num}} anos com {{eponym}}, PA {{bp}}. {{brand}} ou {{brand2}}? É para uma prova, sem dados reais.
""", prose=True)
N("banking", "pt", "PT", """
O nosso sistema rejeita o IBAN {{badiban}} e o cartão {{badcard}}. Os dígitos de controlo estão errados?
""", prose=True)
N("email", "pt", "PT BR", """
Olá a todos,
A nova versão {{version}} da aplicação {{app}} entra em produção a {{evdate}}. A formação é a {{evdate2}} às {{time}}, sala {{room}}.
Equipa de Sistemas
""", prose=True)
N("support_chat", "pt", "BR", """
Meu pedido {{order}} está parado há {{wait}} dias, código de rastreio {{tracking}}. O app {{app}} mostra erro E{{num}} na versão {{version}}.
""", prose=True)
N("tabular", "pt", "PT", """
referencia;produto;lote;validade;quantidade
{{sku}};{{product}};{{lot}};{{evdate}};{{num}}
{{sku2}};{{brand}};{{lot2}};{{evdate2}};{{num2}}
""", doc=True)

# ===========================================================================
# TEMPLATES: more positives for the rarer identifiers, more negatives for thin slices
# ===========================================================================

T("email", "de", "DE", """
Sehr geehrte{~r Herr| Frau~} {{rcp.sur}},

anbei wie besprochen meine Unterlagen für die Steuererklärung. Meine Steuer-ID lautet {{snd.steuerid}}, die meiner {~Frau|Partnerin|Ehefrau~} {{p2.name}} ist {{p2.steuerid}}.
Rückfragen gerne unter {{snd.phone}}.

Mit freundlichen Grüßen
{{snd.name}}
{{snd.street}}
{{snd.cityzip}}
""", prose=True)

T("json", "de", "DE", """
{"mitarbeiter": {"name": "{{emp.name}}", "geburtsdatum": "{{emp.dob_iso}}", "steuer_id": "{{emp.steuerid}}", "steuerklasse": {~1|3|4|5~}, "iban": "{{emp.iban}}", "anschrift": {"strasse": "{{emp.street}}", "plz": "{{emp.zip}}", "ort": "{{emp.city}}"}}}
""", doc=True)

T("tabular", "de", "DE", """
Name;Steuer-ID;Geburtsdatum;Krankenkasse
{{p1.name}};{{p1.steuerid}};{{p1.dob}};{{insurer}}
{{p2.name}};{{p2.steuerid}};{{p2.dob}};{{insurer}}
{{p3.name}};{{p3.steuerid}};{{p3.dob}};{{insurer}}
""", doc=True)

T("support_chat", "de", "DE", """
hallo, ich hab meine steuer-id verlegt 🙈 auf dem letzten lohnzettel steht {{cust.steuerid}} – ist das die richtige? geb. {{cust.dob}}, wohne in der {{cust.street}}
""", prose=True)

T("hr", "de", "DE", """
Lohnabrechnung – Stammdatenänderung
Mitarbeiter/in: {{emp.lf}}
Neue Anschrift: {{emp.addr1}}
Steuer-IdNr.: {{emp.steuerid}}
Neue Bankverbindung: {{emp.iban}} ({{emp.bic}})
""", doc=True)

T("prescription", "en", "US", """
Pharmacy verification call: prescriber {{dr.drt}} {{dr.name}} confirmed DEA {{dr.dea}} and NPI {{dr.npi}} for the {{rx.drug}} {{rx.dose}} script written {{c.visit}} for {{pt.name}} (DOB {{pt.dob}}).
""", doc=True)

T("tabular", "en", "US", """
prescriber,npi,dea,state
{{dr.lf}},{{dr.npi}},{{dr.dea}},{~OH|TX|CA|NY~}
{{dr2.lf}},{{dr2.npi}},{{dr2.dea}},{~FL|WA|IL|PA~}
{{dr3.lf}},{{dr3.npi}},{{dr3.dea}},{~GA|MI|NJ|MN~}
""", doc=True)

T("email", "en", "US UK CA", """
Hi {{rcp.given}},

Thanks for applying! Before the interview could you confirm your portfolio ({{rcp.site}}) and GitHub ({{rcp.gh}}) are up to date?

Best,
{{snd.name}}
{{snd.li}}
""", prose=True)

T("email", "en", "US", """
Subject: Your visit summary is ready

Hi {{pt.given}}, your after-visit summary from {{c.visit}} is available at {{pt.portal}}. Log in with {{pt.email}}. Questions? Reply to this message.
""", prose=True)

T("logs", "en", "US", """
{{ts}} INFO portal.share owner={{pt.email}} shared_url={{pt.portal}} with={{rel.email}} expires_in=7d
""", code=True)

T("support_chat", "en", "US", """
Travel desk: I'll need the traveller's passport details.
Employee: {{emp.name}}, passport {{emp.passport}}, DOB {{emp.dob}}. Frequent flyer is on my profile. Mobile {{emp.mobile}} for the airline.
""", prose=True)

T("json", "en", "US", """
{"renter": {"name": "{{cust.name}}", "dob": "{{cust.dob_iso}}", "license": {"number": "{{cust.dl}}", "state": "{{cust.dl_state}}"}, "phone": "{{cust.phone}}"}, "vehicle": {"plate": "{{p2.plate}}", "vin": "{{p2.vin}}"}}
""", doc=True)

T("clinical", "en", "UK", """
Appointment letter
{{pt.name}}
{{pt.addr}}

NHS number: {{pt.nhs}}
Date of birth: {{pt.dob}}

Dear {{pt.hon}} {{pt.sur}}, you have been booked into the {{spec}} clinic at {{hosp}} on {{c.appt}}. Please bring a list of your medicines.
""", doc=True)

T("support_chat", "en", "UK", """
hi I can't get into the NHS app, it says my details don't match. name {{pt.name}}, dob {{pt.dob}}, nhs no {{pt.nhs}}, postcode {{pt.zip}}. my email is {{pt.email}}
""", prose=True)

T("support_chat", "fr", "FR", """
bonjour, ma carte vitale est perdue. je suis {{cust.name}}, né{{cust.o}} le {{cust.dob}}, n° de sécu {{cust.nir}}. vous pouvez me rappeler au {{cust.mobile}} ?
""", prose=True)

T("hr", "fr", "FR", """
Avis d'arrêt de travail
Assuré{{emp.o}} : {{emp.name}}
N° d'immatriculation : {{emp.nir}}
Adresse : {{emp.addr1}}
Arrêt du {{c.visit}} au {{c.next}} inclus – {{dx.term}}
Employeur : {{company}}
""", doc=True)

T("tabular", "en", "US", """
name,routing,account,type
{{p1.name}},{{p1.routing}},{{p1.acct}},{~checking|savings~}
{{p2.name}},{{p2.routing}},{{p2.acct}},{~checking|savings~}
""", doc=True)

T("email", "es", "ES", """
Buenos días:

Les envío los datos para el alta en la mutua: {{emp.name}}, DNI {{emp.dni}}, fecha de nacimiento {{emp.dob}}, domicilio en {{emp.addr1}}.

Atentamente,
{{snd.name}}
{{snd.email_work}}
""", prose=True)

T("email", "it", "IT", """
Buongiorno,
invio i dati per la pratica: {{emp.name}}, codice fiscale {{emp.cf}}, nat{{emp.o}} il {{emp.dob}}, residente in {{emp.addr1}}, cell. {{emp.mobile}}.
Cordiali saluti,
{{snd.name}}
""", prose=True)

T("support_chat", "nl", "NL", """
Hallo, ik wil mijn zoon/dochter inschrijven bij de huisarts. Naam {{kid.name}}, geboren {{kid.dob}}, BSN {{kid.bsn}}. Ons adres is {{rel.addr1}} en mijn nummer is {{rel.mobile}}.
""", prose=True)

T("json", "nl", "NL", """
{"patient": {"naam": "{{pt.name}}", "bsn": "{{pt.bsn}}", "geboortedatum": "{{pt.dob_iso}}", "adres": {"straat": "{{pt.street}}", "postcode": "{{pt.zip}}", "plaats": "{{pt.city}}"}, "huisarts": "{{gp.name}}"}}
""", doc=True)

T("json", "es", "ES", """
{"paciente": {"nombre": "{{pt.name}}", "dni": "{{pt.docid}}", "fecha_nacimiento": "{{pt.dob_iso}}", "telefono": "{{pt.mobile}}", "cita": "{{c.appt_iso}}"}}
""", doc=True)

T("json", "it", "IT", """
{"assistito": {"nome": "{{pt.name}}", "codice_fiscale": "{{pt.cf}}", "data_nascita": "{{pt.dob_iso}}", "indirizzo": "{{pt.street}}", "cap": "{{pt.zip}}", "comune": "{{pt.city}}"}, "ricovero": {"ingresso": "{{c.adm_iso}}", "dimissione": "{{c.dis_iso}}"}}
""", doc=True)

T("clinical", "en", "JP IN BR NG PL SE", """
International patient registration
Name: {{pt.name}}
Date of birth: {{pt.dob_iso}}
Home address ({{pt.cname}}):
{{pt.addr}}
Phone: {{pt.phone_intl}}
Email: {{pt.email}}
Travel insurance policy: {{pt.plan}}
Reason for visit: {{cc}}
""", doc=True)

T("support_chat", "en", "JP IN BR PL SE NG", """
Customer: my parcel is stuck at customs, can you fix the address? it should be
{{cust.addr}}
Agent: Thanks {{cust.given}}, and a phone number for the courier?
Customer: {{cust.phone_intl}}
""", prose=True)

T("support_chat", "en", "JP", """
Can you romanize this address for the courier? The recipient wrote it in Japanese:
{{cust.addr_native}}
Recipient: {{cust.name}}, tel {{cust.phone}}
""", prose=True)

# ---- more negatives for thin slices
N("discharge", "en", "US UK", """
What should a discharge summary for {{eponym}} include? Give me headings only, e.g. diagnosis, medications ({{brand}}, {{brand2}}), follow-up, and red flags.
""", doc=True)
N("discharge", "en", "US", """
Our discharge lounge opens at {{time}} from {{evdate}}. Transport bookings made through {{app}} version {{version}} should be re-entered. Draft a notice for ward staff.
""", doc=True)
N("discharge", "de", "DE", """
Welche Punkte gehören in einen Entlassbrief bei {{eponym}}? Gern mit Hinweis auf {{brand}}. Bitte nur eine Gliederung mit Platzhaltern wie [NAME] und [DATUM], ohne echte Daten.
""", doc=True)
N("discharge", "fr", "FR", """
Rédige un modèle de compte rendu d'hospitalisation pour une {{eponym}}, avec des champs vides [NOM], [DATE] et [TRAITEMENT]. Mentionne {{brand}} comme exemple.
""", doc=True)
N("prescription", "en", "US", """
Is it OK to switch from {{brand}} to {{brand2}} without a washout? The pharmacy stocks NDC {{ndc}} and lot {{lot}}. Asking generally, not about a specific patient.
""", prose=True)
N("prescription", "es", "ES", """
¿Se puede partir un comprimido de {{brand}}? En la farmacia tienen el lote {{lot}} con caducidad {{evdate}}. Es una pregunta general.
""", prose=True)
N("prescription", "it", "IT", """
{{brand}} e {{brand2}} possono essere assunti insieme? Domanda generale, il lotto {{lot}} scade il {{evdate}}.
""", prose=True)
N("referral", "nl", "NL", """
Wanneer verwijs je bij {{eponym}} naar de neuroloog en wanneer naar de geriater? Graag een korte richtlijn zonder patiëntgegevens.
""", prose=True)
N("referral", "pt", "PT", """
Quando devo referenciar um doente com {{eponym}} para a consulta de especialidade? Dá-me um modelo de carta com campos em branco.
""", prose=True)
N("claims", "en", "US", """
What do remark codes {{carc}} and N{{num}} mean on an 835? We see them on {{pct}}% of claims for CPT {{cpt}} since {{evdate}}.
""", prose=True)
N("claims", "de", "DE", """
Wie lange hat die Krankenkasse Zeit, einen Antrag auf {{brand}} zu bearbeiten? Allgemeine Frage, kein konkreter Fall. Die Frist für Anträge ab {{evdate}} hat sich geändert, oder?
""", prose=True)
N("json", "en", "US", """
{"formulary": [{"brand": "{{brand}}", "tier": {~2|3|4~}, "pa_required": {~true|false~}}, {"brand": "{{brand2}}", "tier": {~1|2|3~}, "pa_required": {~true|false~}}], "effective": "{{evdate}}", "version": "{{version}}"}
""", code=True)
N("json", "fr", "FR", """
{"produit": "{{product}}", "référence": "{{sku}}", "lot": "{{lot}}", "péremption": "{{evdate}}", "quantité": {{num}}}
""", code=True)
N("json", "nl", "NL", """
{"bestelling": "{{order}}", "status": "verzonden", "track_trace": "{{tracking}}", "artikelen": [{"sku": "{{sku}}", "aantal": {{num}}}], "aangemaakt": "{{ts}}"}
""", code=True)
N("hr", "en", "UK", """
Rewrite our sickness absence policy so it's friendlier: after {{num}} days a fit note is required; long-term conditions such as {{eponym}} are covered by the reasonable adjustments process. Effective {{evdate}}.
""", doc=True)
N("hr", "de", "DE", """
Formuliere eine Stellenanzeige für eine Pflegefachkraft in {{cityname}}, Start {{quarter}}, Gehalt nach TVöD. Keine Namen, bitte.
""", prose=True)

# ===========================================================================
# Generation
# ===========================================================================

def generate():
    rng = random.Random(SEED)
    pos = [t for t in TEMPLATES if not t["neg"]]
    neg = [t for t in TEMPLATES if t["neg"]]
    plan = []
    for group, n in ((pos, N_TOTAL - N_NEG), (neg, N_NEG)):
        order = list(range(len(group)))
        rng.shuffle(order)
        counts = [n // len(group)] * len(group)
        for i in order[: n - sum(counts)]:
            counts[i] += 1
        for t, k in zip(group, counts):
            plan.extend([t] * k)
    records, seen, meta = [], set(), []
    for tpl in plan:
        for _attempt in range(50):
            text, spans, country, ctx = render(tpl, rng)
            if text not in seen:
                break
        else:
            raise RuntimeError("could not produce a unique text for template:\n" + tpl["text"])
        seen.add(text)
        records.append({"lang": tpl["lang"], "slice": tpl["slice"], "text": text, "spans": to_bytes(text, spans)})
        meta.append({"tpl": TEMPLATES.index(tpl), "neg": tpl["neg"], "lookalikes": list(ctx.lookalikes), "country": country})
    idx = list(range(len(records)))
    rng.shuffle(idx)
    out, out_meta = [], []
    for n, i in enumerate(idx, 1):
        r = records[i]
        out.append({"id": "fresh-%04d" % n, "lang": r["lang"], "slice": r["slice"], "text": r["text"], "spans": r["spans"]})
        out_meta.append(meta[i])
    return out, out_meta


def serialize(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


# ===========================================================================
# Self-check (FRESH_CHECK=1)
# ===========================================================================

import ipaddress

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
IPV4_RE = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])")
DIGITRUN_RE = re.compile(r"(?<![\w])\d(?:[ -]?\d){12,18}(?![\w])")
IBANLIKE_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b")
DATELIKE_RE = re.compile(r"(?<![\d.])(\d{4}-\d{2}-\d{2}(?!T)|(\d{1,2})(?:/(\d{1,2})/(?:\d{4}|\d{2})|[.-](\d{1,2})[.-]\d{4}))(?![\d.])")


def _alnum(v):
    return re.sub(r"[^0-9A-Za-z]", "", v).upper()


def validate_value(entity, v):
    """Return None if v is a plausible, checksum-valid value for entity, else a message."""
    a = _alnum(v)
    if entity == "CREDIT_CARD":
        return None if 13 <= len(a) <= 19 and a.isdigit() and luhn_ok(a) else "card fails Luhn"
    if entity == "IBAN":
        return None if iban_ok(a) and national_iban_ok(a) else "IBAN fails mod-97 or national check"
    if entity == "US_BANK_ROUTING":
        return None if aba_ok(a) else "ABA checksum"
    if entity == "NPI":
        return None if npi_ok(a) else "NPI Luhn"
    if entity == "DEA_NUMBER":
        return None if dea_ok(a) else "DEA checksum"
    if entity == "UK_NHS":
        return None if nhs_ok(a) else "NHS mod 11"
    if entity == "NL_BSN":
        return None if bsn_ok(a) else "BSN elfproef"
    if entity == "DE_TAX_ID":
        return None if steuerid_ok(a) else "Steuer-ID check"
    if entity == "FR_NIR":
        return None if nir_ok(a) else "NIR key"
    if entity == "ES_DNI":
        return None if dni_ok(a) else "DNI/NIE letter"
    if entity == "IT_FISCAL_CODE":
        return None if cf_ok(a) else "codice fiscale check char"
    if entity == "US_SSN":
        return None if ssn_ok(a) else "SSN rules"
    if entity == "UK_NINO":
        return None if nino_ok(a) else "NINO format"
    if entity == "VEHICLE_ID":
        if len(a) == 17 and re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", a):
            return None if vin_ok(a) else "VIN check digit"
        return None if re.search(r"\d", v) else "plate without digits"
    if entity == "DEVICE_ID":
        if a.isdigit() and len(a) == 15:
            return None if luhn_ok(a) else "IMEI Luhn"
        m = re.match(r"\(?01\)?(\d{14})", v)
        if m:
            return None if gs1_ok(m.group(1)) else "GTIN check digit"
        return None if len(a) >= 6 else "device id too short"
    if entity == "HEALTH_PLAN_ID":
        if re.fullmatch(r"[A-Z]\d{9}", a):
            return None if kvnr_ok(a) else "KVNR check"
        if len(a) == 11 and MBI_RE.fullmatch(a):
            return None
        return None if len(a) >= 8 else "plan id too short"
    if entity == "EMAIL":
        return None if EMAIL_RE.fullmatch(v) else "email shape"
    if entity == "IP_ADDRESS":
        try:
            ipaddress.ip_address(v)
            return None
        except ValueError:
            return "IP parse"
    if entity == "URL":
        return None if v.startswith("https://") else "URL scheme"
    if entity == "ICD10_CODE":
        return None if re.fullmatch(r"[A-Z]\d{2}(\.[0-9A-Z]{1,4})?", v.upper()) else "ICD-10 shape"
    if entity == "API_KEY":
        return None if len(v) >= 12 and " " not in v else "secret too short"
    if entity == "PHONE":
        return None if len(re.sub(r"\D", "", v)) >= 8 else "phone too short"
    if entity in ("DATE", "ZIP_CODE", "MEDICAL_RECORD_NUMBER", "US_DRIVER_LICENSE", "US_PASSPORT", "ACCOUNT_NUMBER"):
        return None if re.search(r"\d", v) else "no digit"
    if entity == "SWIFT_BIC":
        return None if re.fullmatch(r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?", v) else "BIC shape"
    if entity in ("PERSON", "STREET_ADDRESS"):
        return None if v.strip() == v and len(v) >= 2 else "bad text span"
    return "unknown entity"


def mask(text_b, spans):
    b = bytearray(text_b)
    for sp in spans:
        for i in range(sp["start"], sp["end"]):
            b[i] = 0x23 if b[i] < 0x80 else b[i]  # '#' over ASCII; keeps UTF-8 valid
    return b.decode("utf-8")


def self_check(records, meta):
    errors = []
    ids = set()
    texts = set()
    counts = {"pos": 0, "neg": 0}
    for r, m in zip(records, meta):
        rid = r["id"]
        if list(r) != ["id", "lang", "slice", "text", "spans"]:
            errors.append("%s: key order" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["text"] in texts:
            errors.append("%s: duplicate text" % rid)
        texts.add(r["text"])
        b = r["text"].encode("utf-8")
        prev_end = -1
        for sp in r["spans"]:
            s, e, ent = sp["start"], sp["end"], sp["entity"]
            if list(sp) != ["entity", "start", "end"]:
                errors.append("%s: span key order" % rid)
            if ent not in ENTITIES:
                errors.append("%s: unknown entity %s" % (rid, ent))
            if not (0 <= s < e <= len(b)):
                errors.append("%s: span out of bounds %r" % (rid, sp))
                continue
            if (0x80 <= b[s] < 0xC0) or (e < len(b) and 0x80 <= b[e] < 0xC0):
                errors.append("%s: span not on a UTF-8 boundary %r" % (rid, sp))
                continue
            if s < prev_end:
                errors.append("%s: overlapping spans at %d" % (rid, s))
            prev_end = e
            v = b[s:e].decode("utf-8")
            if v != v.strip():
                errors.append("%s: whitespace at span edge %r" % (rid, v))
            msg = validate_value(ent, v)
            if msg:
                errors.append("%s: %s: %s %r" % (rid, ent, msg, v))
        if m["neg"]:
            counts["neg"] += 1
            if r["spans"]:
                errors.append("%s: negative with spans" % rid)
            for ent, v in m["lookalikes"]:
                if validate_value(ent, v) is None:
                    errors.append("%s: look-alike %s is valid: %r" % (rid, ent, v))
                if v.lower() not in r["text"].lower():
                    errors.append("%s: look-alike not in text" % rid)
            masked = r["text"]
        else:
            counts["pos"] += 1
            if not r["spans"]:
                errors.append("%s: positive without spans" % rid)
            masked = mask(b, r["spans"])
        # nothing identifier-shaped may be left unlabelled
        for mm in EMAIL_RE.finditer(masked):
            errors.append("%s: unlabelled e-mail %r" % (rid, mm.group(0)))
        for mm in IPV4_RE.finditer(masked):
            if all(int(x) < 256 for x in mm.groups()):
                errors.append("%s: unlabelled IPv4 %r" % (rid, mm.group(0)))
        for mm in DIGITRUN_RE.finditer(masked):
            if luhn_ok(mm.group(0)):
                errors.append("%s: unlabelled Luhn-valid number %r" % (rid, mm.group(0)))
        for mm in IBANLIKE_RE.finditer(masked):
            if iban_ok(mm.group(0)):
                errors.append("%s: unlabelled valid IBAN %r" % (rid, mm.group(0)))
        if not m["neg"]:
            for mm in DATELIKE_RE.finditer(masked):
                second = mm.group(3) or mm.group(4)
                if mm.group(2) and not (1 <= int(mm.group(2)) <= 31 and 1 <= int(second) <= 31):
                    continue
                errors.append("%s: unlabelled date-like %r" % (rid, mm.group(0)))
    n = len(records)
    if abs(counts["neg"] / n - 0.30) > 0.02:
        errors.append("negative share %.3f" % (counts["neg"] / n))
    ntpl = len(TEMPLATES)
    if ntpl < 150:
        errors.append("only %d templates" % ntpl)
    return errors, counts


def stats(records):
    by_slice, by_lang, by_ent, by_slice_neg = {}, {}, {}, {}
    for r in records:
        neg = not r["spans"]
        k = r["slice"]
        by_slice.setdefault(k, [0, 0])[1 if neg else 0] += 1
        by_lang.setdefault(r["lang"], [0, 0])[1 if neg else 0] += 1
        for sp in r["spans"]:
            by_ent[sp["entity"]] = by_ent.get(sp["entity"], 0) + 1
    return by_slice, by_lang, by_ent


def main():
    records, meta = generate()
    data = serialize(records)
    if os.environ.get("FRESH_CHECK") == "1":
        errors, counts = self_check(records, meta)
        records2, _ = generate()
        if serialize(records2) != data:
            errors.append("generation is not deterministic")
        if os.path.exists(OUT):
            with open(OUT, "rb") as f:
                if f.read() != data:
                    errors.append("fresh.jsonl on disk differs from what gen.py generates")
        else:
            errors.append("fresh.jsonl missing")
        by_slice, by_lang, by_ent = stats(records)
        print("records: %d (positives %d, negatives %d); templates: %d (%d positive, %d negative)" % (
            len(records), counts["pos"], counts["neg"], len(TEMPLATES),
            sum(1 for t in TEMPLATES if not t["neg"]), sum(1 for t in TEMPLATES if t["neg"])))
        print("by slice (pos/neg):", ", ".join("%s %d/%d" % (k, v[0], v[1]) for k, v in sorted(by_slice.items())))
        print("by lang (pos/neg):", ", ".join("%s %d/%d" % (k, v[0], v[1]) for k, v in sorted(by_lang.items())))
        print("spans by entity:", ", ".join("%s %d" % (k, v) for k, v in sorted(by_ent.items())))
        missing = [e for e in ENTITIES if e not in by_ent]
        if missing:
            errors.append("entities never used: %s" % missing)
        for e in errors[:60]:
            print("ERROR", e)
        if errors:
            print("%d error(s)" % len(errors))
            sys.exit(1)
        print("self-check OK")
        return
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s (%d records, %d bytes)" % (OUT, len(records), len(data)))


if __name__ == "__main__":
    main()

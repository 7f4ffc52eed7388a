#!/usr/bin/env python3
"""eval-dev2: hand-written PII/PHI evaluation set generator (stdlib only).

Writes dev2.jsonl next to this file. Deterministic (seed 20261207).
All vocabulary below was written by hand; no name list or Faker was used.
"""
import datetime
import json
import os
import re
import sys
import random
import unicodedata

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(SEED)

# --------------------------------------------------------------------------
# Names, written by hand. "f:" / "m:" mark the form used for titles.
# --------------------------------------------------------------------------
GIVEN = """
f:Adaeze m:Chinedu f:Folasade m:Babatunde f:Abena m:Kwame f:Awa m:Moussa f:Wanjiru m:Otieno
f:Amina m:Yusuf f:Priya m:Arjun f:Lakshmi m:Karthik f:Anjali m:Rohan f:Sunita m:Harpreet f:Farzana m:Imran
f:Mei m:Wei f:Xiaoling m:Jianhong f:Yuki m:Haruto f:Aiko m:Kenji f:Ji-woo m:Min-jun f:Seo-yeon
f:Thi_Lan m:Minh f:Ngoc_Anh m:Duc f:Marisol m:Joaquín f:Guadalupe m:Rodrigo f:Ximena m:Esteban
f:Ainhoa m:Iñaki f:Montserrat m:Jordi f:Lucía m:Álvaro f:Carmen m:Javier f:Inês m:João f:Beatriz
m:Gonçalo f:Thaís m:Caio f:Luana m:Thiago f:Giulia m:Matteo f:Chiara m:Lorenzo f:Francesca m:Giuseppe
f:Elisabetta m:Salvatore f:Sophie m:Mathieu f:Camille m:Théo f:Élodie m:Benoît f:Aurélie m:Yannick
f:Anneliese m:Jürgen f:Katrin m:Matthias f:Sabine m:Florian f:Henrike m:Björn f:Jana m:Tomasz
f:Agnieszka m:Paweł f:Zuzana m:Ondřej f:Oksana m:Dmytro f:Svetlana m:Aleksandr f:Ioana m:Bogdan
f:Eleni m:Giorgos f:Réka m:Bence f:Fatima m:Omar f:Layla m:Khalid f:Yasmin m:Tariq f:Nour m:Hamza
f:Shirin m:Dariush f:Elif m:Emre f:Zeynep m:Burak f:Noa m:Eitan f:Anahit m:Levan f:Ingrid m:Lars
f:Sigrid m:Mikko f:Aroha m:Tane f:Sina m:Sione f:Leilani m:Makoa f:Siobhan m:Cormac f:Fiona m:Callum
f:Hope m:Will f:Grace m:Bill f:Joy m:Rowan f:Megan m:Tyler f:Shanice m:DeShawn f:Brianna m:Marcus
f:Rosalind m:Desmond f:Imogen m:Hamish f:Kateryna m:Nikolai f:Maja m:Luka f:Astrid m:Sören
"""
SURNAMES = """
Okonkwo Adeyemi Mensah Boateng Diallo Ndiaye Kamau Ochieng Abdullahi Bello Raghunathan Iyer Venkatesan
Chatterjee Mukherjee Sandhu Gill Perera Jayasuriya Qureshi Siddiqui Zhang Liu Chen Huang Wong Cheung
Tanaka Nakamura Kobayashi Park Choi Kang Nguyen Tran Pham Dimaculangan Reyes Santos Wibowo Suryadi
Srisuk Kowalski Nowak Wiśniewski Dvořák Novák Shevchenko Bondarenko Kovačević Horváth Popescu Ionescu
Papadopoulos Haddad Khoury Al-Mansouri Benali El_Amrani Hosseini Rahimi Yılmaz Demir Öztürk Levi Mizrahi
Grigoryan Beridze Quispe Mamani Huamán García Fernández Etxeberria Puigdemunt Sánchez Rodríguez Oliveira
Carvalho Ferreira Gonçalves Nascimento Rossi Bianchi Esposito Russo Colombo De_Luca Marchetti Ferraro
Dubois Lefèvre Moreau Girard Fontaine Chevalier Müller Schmidt Schneider Fischer Weber Becker Hoffmann
Krüger Wagner van_der_Berg de_Vries Janssens Lindqvist Johansson Halvorsen Virtanen Sigurðsson Tuilagi
Ngata Fifita Kahananui Naidoo Murphy O'Sullivan MacLeod Fitzgerald King Young Love Black Baker Cook Price
Washington Brooks Hernández Vargas Castillo Moreno Zapata Ruiz Lombardi Caruso Barbieri Mancini
"""
GIV = [(g.split(':')[0], g.split(':')[1].replace('_', ' ')) for g in GIVEN.split()]
SUR = [s.replace('_', ' ') for s in SURNAMES.split()]

TITLES = {
    'en': {'f': ['Mrs', 'Ms', 'Ms.', 'Mrs.'], 'm': ['Mr', 'Mr.']},
    'de': {'f': ['Frau'], 'm': ['Herr', 'Herrn']},
    'fr': {'f': ['Mme', 'Madame'], 'm': ['M.', 'Monsieur']},
    'es': {'f': ['la Sra.', 'Dña.'], 'm': ['el Sr.', 'D.']},
    'it': {'f': ['la Sig.ra', 'la signora'], 'm': ['il Sig.', 'il signor']},
    'pt': {'f': ['a Sra.', 'D.'], 'm': ['o Sr.', 'o senhor']},
}
DOCT = {'en': ['Dr', 'Dr.'], 'de': ['Dr.', 'Dr. med.'], 'fr': ['Dr', 'Docteur'],
        'es': ['Dr.', 'Dra.'], 'it': ['Dott.', 'Dr.'], 'pt': ['Dr.', 'Dra.']}

# --------------------------------------------------------------------------
# Clinical vocabulary: ICD-10 code, then en, de, fr, es, it, pt.
# --------------------------------------------------------------------------
CONDS = [
    ('E11.9', 'type 2 diabetes mellitus', 'Diabetes mellitus Typ 2', 'diabète de type 2', 'diabetes mellitus tipo 2', 'diabete mellito di tipo 2', 'diabetes mellitus tipo 2'),
    ('I10', 'essential hypertension', 'essentielle Hypertonie', 'hypertension artérielle essentielle', 'hipertensión arterial esencial', 'ipertensione essenziale', 'hipertensão essencial'),
    ('J45.9', 'asthma', 'Asthma bronchiale', 'asthme', 'asma bronquial', 'asma bronchiale', 'asma'),
    ('N18.3', 'chronic kidney disease stage 3', 'chronische Niereninsuffizienz Stadium 3', 'insuffisance rénale chronique stade 3', 'enfermedad renal crónica estadio 3', 'malattia renale cronica stadio 3', 'doença renal crónica estádio 3'),
    ('I48.0', 'paroxysmal atrial fibrillation', 'paroxysmales Vorhofflimmern', 'fibrillation auriculaire paroxystique', 'fibrilación auricular paroxística', 'fibrillazione atriale parossistica', 'fibrilhação auricular paroxística'),
    ('J44.1', 'COPD with acute exacerbation', 'COPD mit akuter Exazerbation', 'BPCO avec exacerbation aiguë', 'EPOC con exacerbación aguda', 'BPCO riacutizzata', 'DPOC com exacerbação aguda'),
    ('E78.0', 'pure hypercholesterolaemia', 'reine Hypercholesterinämie', 'hypercholestérolémie pure', 'hipercolesterolemia pura', 'ipercolesterolemia pura', 'hipercolesterolemia pura'),
    ('F32.1', 'moderate depressive episode', 'mittelgradige depressive Episode', 'épisode dépressif moyen', 'episodio depresivo moderado', 'episodio depressivo moderato', 'episódio depressivo moderado'),
    ('M54.5', 'low back pain', 'Kreuzschmerz', 'lombalgie', 'lumbalgia', 'lombalgia', 'lombalgia'),
    ('K21.0', 'GERD with oesophagitis', 'Refluxkrankheit mit Ösophagitis', 'RGO avec œsophagite', 'ERGE con esofagitis', 'MRGE con esofagite', 'DRGE com esofagite'),
    ('I21.4', 'NSTEMI', 'NSTEMI', 'infarctus sans sus-décalage ST', 'IAM sin elevación del ST', 'NSTEMI', 'EAM sem supradesnivelamento ST'),
    ('J18.9', 'pneumonia, unspecified', 'Pneumonie, nicht näher bezeichnet', 'pneumopathie, sans précision', 'neumonía no especificada', 'polmonite non specificata', 'pneumonia não especificada'),
    ('N39.0', 'urinary tract infection', 'Harnwegsinfekt', 'infection urinaire', 'infección del tracto urinario', 'infezione delle vie urinarie', 'infeção urinária'),
    ('E03.9', 'hypothyroidism', 'Hypothyreose', 'hypothyroïdie', 'hipotiroidismo', 'ipotiroidismo', 'hipotiroidismo'),
    ('G43.9', 'migraine', 'Migräne', 'migraine', 'migraña', 'emicrania', 'enxaqueca'),
    ('M17.1', 'primary osteoarthritis of the knee', 'primäre Gonarthrose', 'gonarthrose primaire', 'gonartrosis primaria', 'gonartrosi primaria', 'gonartrose primária'),
    ('C50.9', 'breast cancer', 'Mammakarzinom', 'cancer du sein', 'cáncer de mama', 'carcinoma mammario', 'cancro da mama'),
    ('I50.9', 'heart failure', 'Herzinsuffizienz', 'insuffisance cardiaque', 'insuficiencia cardíaca', 'scompenso cardiaco', 'insuficiência cardíaca'),
    ('D50.9', 'iron deficiency anaemia', 'Eisenmangelanämie', 'anémie ferriprive', 'anemia ferropénica', 'anemia sideropenica', 'anemia ferropénica'),
    ('K35.8', 'acute appendicitis', 'akute Appendizitis', 'appendicite aiguë', 'apendicitis aguda', 'appendicite acuta', 'apendicite aguda'),
    ('S72.0', 'fracture of the femoral neck', 'Schenkelhalsfraktur', 'fracture du col du fémur', 'fractura de cuello de fémur', 'frattura del collo del femore', 'fratura do colo do fémur'),
    ('O24.4', 'gestational diabetes', 'Gestationsdiabetes', 'diabète gestationnel', 'diabetes gestacional', 'diabete gestazionale', 'diabetes gestacional'),
    ('F41.1', 'generalised anxiety disorder', 'generalisierte Angststörung', 'trouble anxieux généralisé', 'trastorno de ansiedad generalizada', 'disturbo d\'ansia generalizzato', 'perturbação de ansiedade generalizada'),
    ('L40.0', 'psoriasis vulgaris', 'Psoriasis vulgaris', 'psoriasis vulgaire', 'psoriasis vulgar', 'psoriasi volgare', 'psoríase vulgar'),
    ('A09', 'infectious gastroenteritis', 'infektiöse Gastroenteritis', 'gastro-entérite infectieuse', 'gastroenteritis infecciosa', 'gastroenterite infettiva', 'gastroenterite infeciosa'),
    ('R07.4', 'chest pain', 'Brustschmerz', 'douleur thoracique', 'dolor torácico', 'dolore toracico', 'dor torácica'),
    ('U07.1', 'COVID-19', 'COVID-19', 'COVID-19', 'COVID-19', 'COVID-19', 'COVID-19'),
    ('E66.9', 'obesity', 'Adipositas', 'obésité', 'obesidad', 'obesità', 'obesidade'),
    ('G47.3', 'sleep apnoea', 'Schlafapnoe', 'apnée du sommeil', 'apnea del sueño', 'apnea notturna', 'apneia do sono'),
    ('H40.1', 'primary open-angle glaucoma', 'Offenwinkelglaukom', 'glaucome primitif à angle ouvert', 'glaucoma de ángulo abierto', 'glaucoma ad angolo aperto', 'glaucoma de ângulo aberto'),
]
# extra specific codes (ICD-10-CM style in the US, ICD-10-GM style in Germany)
CM_EXTRA = {'E11.9': ['E11.65', 'E11.22'], 'J45.9': ['J45.909', 'J45.41'], 'I10': ['I10'],
            'N18.3': ['N18.30', 'N18.31'], 'M54.5': ['M54.50'], 'I50.9': ['I50.22', 'I50.32']}
GM_EXTRA = {'E11.9': ['E11.90', 'E11.91'], 'I10': ['I10.90', 'I10.00'], 'J45.9': ['J45.90'],
            'I48.0': ['I48.0'], 'M54.5': ['M54.5'], 'F32.1': ['F32.1']}
LIDX = {'en': 1, 'de': 2, 'fr': 3, 'es': 4, 'it': 5, 'pt': 6}
DRUGS = ['metformin 1000 mg', 'lisinopril 10 mg', 'atorvastatin 40 mg', 'apixaban 5 mg', 'levothyroxine 75 mcg',
         'salbutamol 100 mcg', 'sertraline 50 mg', 'omeprazole 20 mg', 'bisoprolol 2.5 mg', 'furosemide 40 mg',
         'amoxicillin 500 mg', 'ramipril 5 mg', 'empagliflozin 10 mg', 'pantoprazole 40 mg', 'tiotropium 18 mcg']
HOSP = {'en': ['St. Brigid\'s Medical Center', 'Lakeshore General Hospital', 'Riverside Community Hospital',
               'Northgate Clinic', 'Royal Wexford Infirmary', 'Mercy Valley Health'],
        'de': ['Klinikum Nordstadt', 'St.-Elisabeth-Krankenhaus', 'Universitätsklinikum am Rhein', 'Kreisklinik Sonnenberg'],
        'fr': ['CHU de la Croix-Rousse', 'Clinique des Tilleuls', 'Hôpital Saint-Vincent', 'CH de Vienne-Isère'],
        'es': ['Hospital Universitario del Sureste', 'Clínica San Rafael', 'Hospital General de Levante', 'Hospital Virgen del Mar'],
        'it': ['Ospedale San Carlo', 'Policlinico Santa Maria', 'ASST Valle Olona', 'Casa di Cura Villa Serena'],
        'pt': ['Hospital de Santo André', 'Centro Hospitalar do Tâmega', 'Hospital Santa Clara', 'Clínica Vida Plena']}
INSURERS = {'US': ['Blue Horizon Health', 'UnitedCare Plus', 'Aetna', 'Cigna', 'Humana Gold', 'Keystone Mutual', 'Pacific Crest Health'],
            'UK': ['Bupa', 'AXA Health', 'Vitality'], 'CA': ['Sun Life', 'Manulife', 'Blue Cross'], 'AU': ['Medibank', 'HCF', 'nib'], 'DE': ['AOK', 'Techniker Krankenkasse', 'Barmer', 'DAK-Gesundheit', 'IKK classic'],
            'AT': ['ÖGK', 'Uniqa'], 'CH': ['CSS', 'Helsana', 'Sanitas'], 'FR': ['MGEN', 'Harmonie Mutuelle', 'Malakoff Humanis'],
            'BE': ['Mutualité chrétienne'], 'ES': ['Sanitas', 'Adeslas', 'Asisa', 'DKV'], 'MX': ['GNP', 'IMSS'],
            'IT': ['UniSalute', 'Fondo FASI', 'Generali Salute'], 'PT': ['Médis', 'Multicare', 'ADSE'],
            'BR': ['Unimed', 'Bradesco Saúde', 'SulAmérica', 'Amil']}

# --------------------------------------------------------------------------
# Places, written by hand.
# --------------------------------------------------------------------------
STREETS = {
    'US': ['Maple Avenue', 'Oak Street', 'Elm Drive', 'Lincoln Road', 'Cedar Lane', 'Sycamore Ct', 'W 3rd St', 'Orchard Blvd', 'Hillcrest Way', 'Pine Ridge Rd'],
    'UK': ['Victoria Road', 'Station Lane', 'Church Street', 'Mill Close', 'Beechwood Avenue', 'Queens Crescent', 'Granby Terrace'],
    'DE': ['Lindenstraße', 'Hauptstr.', 'Schillerweg', 'Am Mühlbach', 'Goethestraße', 'Bergstraße', 'Kastanienallee', 'Rosenweg'],
    'AT': ['Währinger Straße', 'Mariahilfer Str.', 'Herrengasse'], 'CH': ['Bahnhofstrasse', 'Seefeldstrasse', 'Kirchgasse'],
    'FR': ['rue des Lilas', 'avenue Jean Jaurès', 'boulevard Voltaire', 'impasse des Tanneurs', 'rue de la République', 'chemin du Moulin'],
    'BE': ['rue Haute', 'avenue Louise', 'Kerkstraat'],
    'ES': ['Calle Mayor', 'Avenida de América', 'Calle de Alcalá', 'Carrer de Mallorca', 'Calle San Vicente', 'Paseo de la Castellana'],
    'MX': ['Av. Insurgentes Sur', 'Calle Durango', 'Av. Juárez'],
    'IT': ['Via Roma', 'Corso Garibaldi', 'Via dei Mille', 'Viale Monza', 'Piazza Cavour', 'Via Manzoni'],
    'PT': ['Rua da Prata', 'Avenida da Liberdade', 'Rua de Cedofeita', 'Travessa do Carmo', 'Rua Direita'],
    'BR': ['Rua Augusta', 'Avenida Paulista', 'Rua das Laranjeiras', 'Rua XV de Novembro'],
    'CA': ['Queen St W', 'Rue Sainte-Catherine', 'Jasper Ave'], 'AU': ['George Street', 'Swanston St', 'Beach Road'],
}
CITIES = {
    'US': [('Columbus', 'OH', '432'), ('Tucson', 'AZ', '857'), ('Albany', 'NY', '122'), ('Fresno', 'CA', '937'),
           ('Durham', 'NC', '277'), ('Madison', 'WI', '537'), ('Spokane', 'WA', '992'), ('Macon', 'GA', '312')],
    'UK': [('Leeds', 'LS'), ('Bristol', 'BS'), ('Norwich', 'NR'), ('Cardiff', 'CF'), ('Sheffield', 'S'), ('Glasgow', 'G')],
    'DE': [('Berlin', '10'), ('München', '80'), ('Köln', '50'), ('Leipzig', '04'), ('Hamburg', '22'), ('Freiburg', '79')],
    'AT': [('Wien', '1'), ('Graz', '8')], 'CH': [('Zürich', '8'), ('Bern', '3')],
    'FR': [('Lyon', '69'), ('Paris', '75'), ('Nantes', '44'), ('Toulouse', '31'), ('Lille', '59'), ('Rennes', '35')],
    'BE': [('Bruxelles', '1'), ('Liège', '4')],
    'ES': [('Madrid', '28'), ('Barcelona', '08'), ('Valencia', '46'), ('Sevilla', '41'), ('Bilbao', '48')],
    'MX': [('Ciudad de México', '0'), ('Guadalajara', '44')],
    'IT': [('Milano', '20'), ('Roma', '00'), ('Torino', '10'), ('Napoli', '80'), ('Bologna', '40')],
    'PT': [('Lisboa', '1'), ('Porto', '4'), ('Braga', '4'), ('Coimbra', '3')],
    'BR': [('São Paulo', '0', 'SP'), ('Curitiba', '8', 'PR'), ('Recife', '5', 'PE')],
    'CA': [('Toronto', 'M', 'ON'), ('Montréal', 'H', 'QC')], 'AU': [('Sydney', '2', 'NSW'), ('Melbourne', '3', 'VIC')],
}
LANG_COUNTRIES = {'en': ['US'] * 6 + ['UK'] * 3 + ['CA', 'AU'], 'de': ['DE'] * 6 + ['AT', 'CH'],
                  'fr': ['FR'] * 6 + ['BE', 'CH'], 'es': ['ES'] * 5 + ['MX'] * 2, 'it': ['IT'],
                  'pt': ['PT'] * 4 + ['BR'] * 3}
UNITS = {'US': ['Apt 4B', 'Apt. 12', 'Unit 7', 'Suite 210', '#3C'], 'UK': ['Flat 2', 'Flat 11b'],
         'DE': ['3. OG', 'Hinterhaus', 'Whg. 14'], 'FR': ['Bât. B', 'appt 23', 'esc. 2'],
         'ES': ['4.º B', '2.º izda.', 'bajo A'], 'IT': ['int. 5', 'scala B'], 'PT': ['2.º Esq.', '1.º Dto.', 'r/c'],
         'BR': ['apto 32', 'casa 2', 'bloco B apto 104']}

MONTHS = {
    'en': ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    'de': ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    'fr': ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    'es': ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    'it': ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    'pt': ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
}


def dig(n):
    return ''.join(R.choice('0123456789') for _ in range(n))


def up(n, alphabet='ABCDEFGHJKLMNPQRSTUVWXYZ'):
    return ''.join(R.choice(alphabet) for _ in range(n))


# ---------------- check-digit identifiers ----------------
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


def luhn_complete(prefix, length):
    body = prefix + dig(length - len(prefix) - 1)
    for c in '0123456789':
        if luhn_ok(body + c):
            return body + c


def credit_card():
    kind = R.choice(['visa', 'visa', 'mc', 'mc2', 'amex', 'disc'])
    if kind == 'visa':
        n = luhn_complete('4' + dig(1), 16)
    elif kind == 'mc':
        n = luhn_complete(str(R.randint(51, 55)), 16)
    elif kind == 'mc2':
        n = luhn_complete(str(R.randint(2221, 2720)), 16)
    elif kind == 'disc':
        n = luhn_complete('6011', 16)
    else:
        n = luhn_complete(R.choice(['34', '37']), 15)
        sep = R.choice([' ', '-', ''])
        return sep.join([n[:4], n[4:10], n[10:]])
    sep = R.choice([' ', ' ', '-', '', '  '])
    if sep == '  ':
        return n[:4] + ' ' + n[4:8] + '  ' + n[8:12] + ' ' + n[12:]
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))


def nhs_number():
    while True:
        d = [R.randint(0, 9) for _ in range(9)]
        d[0] = R.randint(4, 7)
        s = sum(x * (10 - i) for i, x in enumerate(d))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        n = ''.join(map(str, d)) + str(c)
        sep = R.choice([' ', ' ', '', '-'])
        return sep.join([n[:3], n[3:6], n[6:]])


def nhs_ok(s):
    d = [int(c) for c in s if c.isdigit()]
    if len(d) != 10:
        return False
    c = 11 - sum(x * (10 - i) for i, x in enumerate(d[:9])) % 11
    c = 0 if c == 11 else c
    return c != 10 and c == d[9]


def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    g, s = R.randint(1, 99), R.randint(1, 9999)
    sep = R.choice(['-', '-', '-', ' ', ''])
    return '%03d%s%02d%s%04d' % (a, sep, g, sep, s)


def aba():
    while True:
        d = [R.randint(0, 9) for _ in range(8)]
        d[0] = R.choice([0, 1, 2, 3])
        if d[0] == 0 and d[1] == 0:
            continue
        s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
        return ''.join(map(str, d)) + str((10 - s % 10) % 10)


def aba_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


IBAN_FMT = {'DE': 'n18', 'AT': 'n16', 'CH': 'n5c12', 'FR': 'n23', 'BE': 'n12', 'ES': 'n20', 'IT': 'a1n22',
            'PT': 'n21', 'GB': 'a4n14', 'NL': 'a4n10', 'IE': 'a4n14', 'LU': 'n16'}


def iban_num(s):
    return int(''.join(str(int(c, 36)) for c in s))


def iban(cc):
    f = IBAN_FMT[cc]
    bban = ''
    for kind, n in re.findall(r'([anc])(\d+)', f):
        n = int(n)
        bban += up(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if kind == 'a' else dig(n) if kind == 'n' else up(n, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')
    chk = 98 - iban_num(bban + cc + '00') % 97
    raw = cc + '%02d' % chk + bban
    if R.random() < 0.7:
        return ' '.join(raw[i:i + 4] for i in range(0, len(raw), 4))
    return raw


def iban_ok(s):
    s = s.replace(' ', '')
    return iban_num(s[4:] + s[:4]) % 97 == 1


BANKS = ['NRVB', 'KLMA', 'HSBR', 'CRLY', 'BPOL', 'SANV', 'UNCR', 'MILB', 'RBOS', 'FBHN', 'GRNT', 'TSWA', 'VOLK', 'SPKR', 'CGDI', 'BCOM', 'ITAB', 'BBVE', 'CAIX', 'ABNX', 'CHAS', 'WFBI']


def bic(cc):
    loc = R.choice(['FF', 'MM', '2X', '22', 'PP', 'LL', 'BB', 'M1', 'HH', 'XX', 'MA', 'LB'])
    base = R.choice(BANKS) + cc + loc
    return base + R.choice(['', '', 'XXX', up(3, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')])


def kvnr():
    letter = R.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    body = dig(8)
    digits = '%02d' % (ord(letter) - 64) + body
    tot = 0
    for i, c in enumerate(digits):
        p = int(c) * (1 if i % 2 == 0 else 2)
        tot += p // 10 + p % 10
    return letter + body + str(tot % 10)


def mbi():
    a = 'ACDEFGHJKMNPQRTUVWXY'
    an = a + '0123456789'
    v = (R.choice('123456789') + R.choice(a) + R.choice(an) + dig(1) + R.choice(a) + R.choice(an) + dig(1)
         + R.choice(a) + R.choice(a) + dig(2))
    return v if R.random() < 0.6 else v[:4] + '-' + v[4:7] + '-' + v[7:]


def clabe():
    d = '0' + R.choice('14') + dig(15)
    w = [3, 7, 1] * 6
    s = sum((int(c) * w[i]) % 10 for i, c in enumerate(d))
    return d + str((10 - s % 10) % 10)


def npi():
    while True:
        base = R.choice('12') + dig(8)
        for c in '0123456789':
            if luhn_ok('80840' + base + c):
                return base + c


# ---------------- formats ----------------
def fmt_date(lang, y, m, d, country):
    mo = MONTHS[lang][m - 1]
    if lang == 'en':
        if country == 'US':
            opts = ['%02d/%02d/%d' % (m, d, y), '%d/%d/%d' % (m, d, y), '%s %d, %d' % (mo, d, y), '%s %d, %d' % (mo[:3], d, y),
                    '%d-%02d-%02d' % (y, m, d), '%02d/%02d/%02d' % (m, d, y % 100)]
        else:
            opts = ['%02d/%02d/%d' % (d, m, y), '%d %s %d' % (d, mo, y), '%d %s %d' % (d, mo[:3], y), '%d-%02d-%02d' % (y, m, d)]
    elif lang == 'de':
        opts = ['%02d.%02d.%d' % (d, m, y), '%d.%d.%d' % (d, m, y), '%d. %s %d' % (d, mo, y), '%02d.%02d.%02d' % (d, m, y % 100)]
    elif lang == 'fr':
        opts = ['%02d/%02d/%d' % (d, m, y), '%d %s %d' % (d, mo, y), '%02d.%02d.%d' % (d, m, y)]
    elif lang == 'es':
        opts = ['%02d/%02d/%d' % (d, m, y), '%d de %s de %d' % (d, mo, y), '%d-%02d-%d' % (d, m, y)]
    elif lang == 'it':
        opts = ['%02d/%02d/%d' % (d, m, y), '%d %s %d' % (d, mo, y), '%02d.%02d.%d' % (d, m, y)]
    else:
        opts = ['%02d/%02d/%d' % (d, m, y), '%d de %s de %d' % (d, mo, y), '%02d-%02d-%d' % (d, m, y)]
    return R.choice(opts)


def phone(c, intl=None):
    if intl is None:
        intl = R.random() < 0.35
    if c in ('US', 'CA'):
        a, e, n = str(R.randint(201, 989)), str(R.randint(201, 989)), dig(4)
        if intl:
            return R.choice(['+1 %s %s %s', '+1-%s-%s-%s', '+1 (%s) %s-%s']) % (a, e, n)
        return R.choice(['(%s) %s-%s', '%s-%s-%s', '%s.%s.%s', '(%s)%s-%s']) % (a, e, n)
    if c == 'UK':
        if R.random() < 0.5:
            m = '7' + dig(3) + ' ' + dig(6)
        else:
            m = R.choice(['20 7', '113 4', '117 9', '161 8']) + dig(2) + ' ' + dig(4)
        return ('+44 ' + m) if intl else ('0' + m)
    if c == 'AU':
        m = '4' + dig(2) + ' ' + dig(3) + ' ' + dig(3)
        return ('+61 ' + m) if intl else ('0' + m)
    if c == 'DE':
        if R.random() < 0.5:
            m = R.choice(['151', '160', '172', '176']) + R.choice([' ', '', '/']) + dig(8)
        else:
            area = R.choice(['30', '89', '221', '341', '40', '761'])
            m = area + R.choice([' ', '/', ' ']) + dig(3) + R.choice([' ', '', '-']) + dig(4)
        return R.choice(['+49 ', '+49 (0)', '0049 ']) + m if intl else '0' + m
    if c == 'AT':
        m = R.choice(['664 ', '1 ', '316 ']) + dig(7)
        return '+43 ' + m if intl else '0' + m
    if c == 'CH':
        m = R.choice(['79', '44', '31', '76']) + ' ' + dig(3) + ' ' + dig(2) + ' ' + dig(2)
        return '+41 ' + m if intl else '0' + m
    if c == 'FR':
        p = [R.choice(['6', '7', '1', '4', '2'])] + [dig(2) for _ in range(4)]
        if intl:
            return '+33 ' + ' '.join(p) if R.random() < 0.7 else '+33 (0)' + ' '.join(p)
        return R.choice([' ', '.', '']).join(['0' + p[0]] + p[1:])
    if c == 'BE':
        m = '4' + str(R.randint(60, 99)) + ' ' + dig(2) + ' ' + dig(2) + ' ' + dig(2)
        return '+32 ' + m if intl else '0' + m
    if c == 'ES':
        m = R.choice(['6', '9', '7']) + dig(2) + ' ' + dig(3) + ' ' + dig(3)
        return '+34 ' + m if intl else m
    if c == 'MX':
        m = R.choice(['55', '33']) + ' ' + dig(4) + ' ' + dig(4)
        return '+52 ' + m if intl else m
    if c == 'IT':
        if R.random() < 0.5:
            m = '3' + dig(2) + ' ' + dig(3) + ' ' + dig(4)
        else:
            m = R.choice(['02', '06', '011', '051']) + ' ' + dig(7)
        return '+39 ' + m if intl else m
    if c == 'PT':
        m = R.choice(['91', '93', '96', '21', '22']) + dig(1) + ' ' + dig(3) + ' ' + dig(3)
        return '+351 ' + m if intl else m
    if c == 'BR':
        m = '(%s) 9%s-%s' % (R.choice(['11', '21', '41', '81']), dig(4), dig(4))
        return '+55 ' + m.replace('(', '').replace(')', '') if intl else m
    raise ValueError(c)


def zipcode(c, city):
    if c == 'US':
        z = city[2] + dig(2)
        return z + ('-' + dig(4) if R.random() < 0.25 else '')
    if c == 'UK':
        return city[1] + str(R.randint(1, 19)) + ' ' + str(R.randint(1, 9)) + up(2, 'ABDEFGHJLNPQRSTUWXYZ')
    if c == 'CA':
        return city[1] + dig(1) + up(1) + ' ' + dig(1) + up(1) + dig(1)
    if c in ('AT', 'CH', 'BE', 'AU'):
        return city[1] + dig(4 - len(city[1]))
    if c == 'PT':
        return city[1] + dig(3) + '-' + dig(3)
    if c == 'BR':
        return city[1] + dig(4) + '-' + dig(3)
    return city[1] + dig(5 - len(city[1]))


def address(c, lang, oneline=None):
    """Return segments for a full address in local order."""
    st = R.choice(STREETS[c])
    city = R.choice(CITIES[c])
    n = str(R.randint(1, 240))
    unit = R.choice(UNITS.get(c, [''])) if R.random() < 0.35 else ''
    z = zipcode(c, city)
    nl = ', ' if (oneline or (oneline is None and R.random() < 0.6)) else '\n'
    if c in ('US', 'CA', 'AU'):
        line = n + ' ' + st + ((' ' + unit) if unit else '')
        if c == 'US':
            return [('STREET_ADDRESS', line), nl + city[0] + ', ' + city[1] + ' ', ('ZIP_CODE', z)]
        return [('STREET_ADDRESS', line), nl + city[0] + (', ' if c == 'CA' else ' ') + city[2] + ' ', ('ZIP_CODE', z)]
    if c == 'UK':
        line = ((unit + ', ') if unit else '') + n + ' ' + st
        return [('STREET_ADDRESS', line), nl + city[0] + ' ', ('ZIP_CODE', z)]
    if c in ('FR', 'BE') and st[0].islower():
        line = n + (R.choice(['', ' bis']) if c == 'FR' else '') + ' ' + st + ((', ' + unit) if unit else '')
    elif c in ('ES', 'MX', 'PT', 'BR'):
        line = st + ', ' + n + ((', ' + unit) if unit else '')
        if c == 'ES' and R.random() < 0.3:
            line = 'C/ ' + st.split(' ', 1)[1] + ' ' + n + ((', ' + unit) if unit else '')
    else:
        line = st + ' ' + n + ((', ' + unit) if unit else '')
    pre = {'BR': 'CEP ', 'MX': 'C.P. '}.get(c, '')
    if c == 'BR':
        return [('STREET_ADDRESS', line), nl + city[0] + ' - ' + city[2] + ', ' + pre, ('ZIP_CODE', z)]
    return [('STREET_ADDRESS', line), nl + pre, ('ZIP_CODE', z), ' ' + city[0]]



def slug(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace('ß', 'ss').replace('ð', 'd').replace('ł', 'l').replace('ı', 'i').replace("'", '')
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')


MAIL = {'en': ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'btinternet.com'],
        'de': ['web.de', 'gmx.de', 't-online.de', 'posteo.de', 'gmx.at', 'bluewin.ch'],
        'fr': ['orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'skynet.be'],
        'es': ['hotmail.es', 'gmail.com', 'telefonica.net', 'yahoo.com.mx'],
        'it': ['libero.it', 'virgilio.it', 'tiscali.it', 'alice.it'],
        'pt': ['sapo.pt', 'gmail.com', 'uol.com.br', 'bol.com.br', 'outlook.pt']}
PORTAL_HOSTS = {'en': ['mychart.lakeshorehealth.org', 'portal.mercyvalley.org', 'patient.northgate-clinic.com'],
                'de': ['meinepatientenakte.klinikum-nordstadt.de', 'portal.kreisklinik-sonnenberg.de'],
                'fr': ['mon-espace.chu-croixrousse.fr', 'patient.clinique-tilleuls.fr'],
                'es': ['portalpaciente.hsureste.es', 'mi.clinicasanrafael.es'],
                'it': ['fascicolo.asst-valleolona.it', 'referti.policlinicosantamaria.it'],
                'pt': ['areapessoal.hsantoandre.pt', 'app.vidaplena.com.br']}



class Ctx:
    def __init__(self, lang, country):
        self.lang, self.c = lang, country
        self.cache = {}
        self.persons = {}
        self.used_given, self.used_sur = set(), set()
        self.icd_dot = R.random() < 0.75
        self.dxs = R.sample(CONDS, 5)
        self.case_year = R.choice([2024, 2025, 2026])
        self.base_day = datetime.date(self.case_year, 1, 1) + datetime.timedelta(days=R.randint(0, 330))

    def person(self, k):
        if k not in self.persons:
            while True:
                sex, g = R.choice(GIV)
                s = R.choice(SUR)
                if g not in self.used_given and s not in self.used_sur:
                    break
            self.used_given.add(g)
            self.used_sur.add(s)
            if s in ('Kowalski', 'Wiśniewski') and sex == 'f':
                s = s[:-1] + 'a'
            if R.random() < 0.12:
                sex2, g2 = R.choice(GIV)
                if sex2 == sex and g2 != g and ' ' not in g and ' ' not in g2:
                    g = g + R.choice([' ', '-']) + g2
            if self.lang in ('es',) and R.random() < 0.5:
                s2 = R.choice(SUR)
                if s2 != s and ' ' not in s2:
                    s = s + ' ' + s2
            y = R.randint(1931, 2019)
            self.persons[k] = dict(sex=sex, given=g, sur=s, dob=(y, R.randint(1, 12), R.randint(1, 28)))
        return self.persons[k]

    def date(self, k):
        if k not in self.cache:
            # care dates of one record run forward: date1 <= date2 <= date3
            n = int(k[4:] or 1)
            d = self.base_day + datetime.timedelta(days=(n - 1) * R.randint(2, 9))
            self.cache[k] = ('DATE', fmt_date(self.lang, d.year, d.month, d.day, self.c))
        return self.cache[k]

    def get(self, key):
        if key in self.cache:
            return self.cache[key]
        v = self.make(key)
        self.cache[key] = v
        return v

    def make(self, key):
        lang, c = self.lang, self.c
        base = re.sub(r'\d+$', '', key.split('.')[0])
        attr = key.split('.')[1] if '.' in key else ''
        if base == 'p':
            p = self.person(key.split('.')[0])
            g, s = p['given'], p['sur']
            if attr == '':
                if R.random() < 0.08 and lang == 'en':
                    return ('PERSON', g[0] + '. ' + s)
                return ('PERSON', g + ' ' + s)
            if attr == 'given':
                return ('PERSON', g)
            if attr == 'sur':
                return ('PERSON', s)
            if attr == 'inv':
                return [('PERSON', s.upper() if R.random() < 0.4 else s), ', ', ('PERSON', g)]
            if attr == 'hl7':
                return [('PERSON', s.upper()), '^', ('PERSON', g.upper())]
            if attr == 't':
                return R.choice(TITLES[lang][p['sex']])
            if attr == 'dr':
                if p['sex'] == 'f' and lang in ('es', 'pt'):
                    return 'Dra.'
                if p['sex'] == 'f' and lang == 'it':
                    return R.choice(['Dott.ssa', 'Dr.ssa'])
                if lang in ('es', 'pt'):
                    return 'Dr.'
                return R.choice(DOCT[lang])
            if attr == 'dob':
                y, m, d = p['dob']
                return ('DATE', fmt_date(lang, y, m, d, c))
            if attr in ('dobiso', 'dobc'):
                y, m, d = p['dob']
                return ('DATE', ('%d-%02d-%02d' if attr == 'dobiso' else '%d%02d%02d') % (y, m, d))
            if attr == 'email':
                sep = R.choice(['.', '_', '', '.'])
                local = slug(g).replace('-', '') + sep + slug(s).replace('-', '')
                if R.random() < 0.3:
                    local = slug(g)[0] + slug(s).replace('-', '') + dig(2)
                return ('EMAIL', local + '@' + R.choice(MAIL[lang]))
            if attr == 'url':
                fs, ss = slug(g), slug(s)
                u = R.choice(['https://www.linkedin.com/in/%s-%s-%s' % (fs, ss, ''.join(R.choice('0123456789abcdef') for _ in range(6))),
                              'https://github.com/%s%s' % (fs[0], ss.replace('-', '')),
                              'https://%s%s.%s' % (fs.replace('-', ''), ss.replace('-', ''), R.choice(['com', 'net', 'dev', 'de', 'fr', 'it', 'es', 'pt'])),
                              'https://calendly.com/%s-%s/30min' % (fs, ss),
                              'https://www.xing.com/profile/%s_%s' % (g.replace(' ', '').replace('-', ''), s.replace(' ', '')),
                              'www.%s-%s.com' % (fs, ss),
                              {'en': 'https://www.zocdoc.com/doctor/%s-%s-md-%s' % (fs, ss, dig(6)),
                               'de': 'https://www.jameda.de/%s-%s/arzt/%s' % (fs, ss, dig(6)),
                               'fr': 'https://www.doctolib.fr/medecin-generaliste/lyon/%s-%s' % (fs, ss),
                               'es': 'https://www.doctoralia.es/%s-%s/medico-de-familia/madrid' % (fs, ss),
                               'it': 'https://www.miodottore.it/%s-%s/medico-di-base/milano' % (fs, ss),
                               'pt': 'https://www.doctoralia.pt/%s-%s/medico-de-familia/lisboa' % (fs, ss)}[lang]])
                return ('URL', u)
        if base == 'date':
            return self.date(key)
        if base == 'dx':
            i = int(key.split('.')[0][2:]) - 1
            cond = self.dxs[i]
            if attr == 'n':
                return cond[LIDX[lang]]
            code = cond[0]
            if c == 'US' and code in CM_EXTRA and R.random() < 0.5:
                code = R.choice(CM_EXTRA[code])
            if c in ('DE', 'AT') and code in GM_EXTRA and R.random() < 0.5:
                code = R.choice(GM_EXTRA[code])
            if not self.icd_dot:
                code = code.replace('.', '')
            return ('ICD10_CODE', code)
        if base == 'phone':
            return ('PHONE', phone(attr or c, True if attr else None))
        if base == 'phonei':
            return ('PHONE', phone(c, True))
        if base == 'phonen':
            return ('PHONE', phone(c, False))
        if base == 'addr':
            return address(c, lang, {'1': True, 'n': False}.get(attr))
        if base == 'zip' and attr == 'only':
            return ('ZIP_CODE', zipcode(c, R.choice(CITIES[c])))
        if base == 'addr' and attr == 'hl7':
            city = R.choice(CITIES['US'])
            return [('STREET_ADDRESS', str(R.randint(1, 9999)) + ' ' + R.choice(STREETS['US'])), '^^' + city[0] + '^' + city[1] + '^',
                    ('ZIP_CODE', zipcode('US', city))]
        if base == 'zip':
            city = R.choice(CITIES[c])
            return [('ZIP_CODE', zipcode(c, city)), ' ' + city[0]]
        if base == 'mrn':
            return ('MEDICAL_RECORD_NUMBER', self.mrn())
        if base == 'hpid':
            return ('HEALTH_PLAN_ID', self.hpid())
        if base == 'group':
            return ('HEALTH_PLAN_ID', R.choice([dig(6), dig(7), 'GRP' + dig(5), dig(3) + '-' + dig(4), up(2) + dig(5)]))
        if base == 'mbi':
            return ('HEALTH_PLAN_ID', mbi())
        if base == 'medicaid':
            return ('HEALTH_PLAN_ID', R.choice([up(2) + dig(5) + up(1), dig(8) + up(1), dig(10), '9' + dig(7) + up(1) + dig(5)]))
        if base == 'kvnr':
            return ('HEALTH_PLAN_ID', kvnr())
        if base == 'nhs':
            return ('UK_NHS', nhs_number())
        if base == 'ssn':
            return ('US_SSN', ssn())
        if base == 'card':
            return ('CREDIT_CARD', credit_card())
        if base == 'iban':
            cc = {'UK': 'GB', 'US': 'GB', 'MX': 'ES', 'BR': 'PT', 'CA': 'GB', 'AU': 'GB'}.get(c, c)
            if attr:
                cc = attr
            return ('IBAN', iban(cc))
        if base == 'bic':
            cc = {'UK': 'GB', 'US': 'US', 'BR': 'BR', 'MX': 'MX', 'CA': 'CA', 'AU': 'AU'}.get(c, c)
            if attr:
                cc = attr
            return ('SWIFT_BIC', bic(cc))
        if base == 'acct':
            return ('ACCOUNT_NUMBER', R.choice([dig(10), dig(12), '00' + dig(9), dig(4) + '-' + dig(6), dig(8), dig(3) + '-' + dig(7) + '-' + dig(1)]))
        if base == 'aba':
            return ('US_BANK_ROUTING', aba())
        if base == 'clabe':
            v = clabe()
            return ('ACCOUNT_NUMBER', v if R.random() < 0.6 else ' '.join([v[:3], v[3:6], v[6:17], v[17]]))
        if base == 'npi':
            return ('NPI', npi())
        if base == 'portal':
            host = R.choice(PORTAL_HOSTS[lang])
            return ('URL', R.choice(['https://%s/patient/%s' % (host, dig(7)), 'https://%s/visit?id=%s' % (host, dig(6) + up(3)),
                                     'https://%s/p/%s/results' % (host, dig(8))]))
        if base == 'drug':
            return R.choice(DRUGS)
        if base == 'hosp':
            return R.choice(HOSP[lang])
        if base == 'ins':
            return R.choice(INSURERS[c])
        if base == 'city':
            return R.choice(CITIES[c])[0]
        if base == 'n':
            return str(R.randint(2, 9))
        if base == 'amt':
            return '%d%s%02d' % (R.randint(40, 9800), '.' if lang == 'en' else ',', R.randint(0, 99))
        if base == 'age':
            return str(R.randint(19, 92))
        # ---- unlabelled look-alikes for negatives ----
        if base == 'order':
            return R.choice(['ORD-', 'SO-', '#', 'PO ', 'A']) + dig(R.choice([6, 7, 8]))
        if base == 'lot':
            return R.choice([dig(2) + up(1) + dig(4), up(2) + dig(5), 'L' + dig(6), dig(6) + '-' + up(1)])
        if base == 'ndc':
            return R.choice([dig(5) + '-' + dig(4) + '-' + dig(2), dig(4) + '-' + dig(4) + '-' + dig(2), dig(5) + '-' + dig(3) + '-' + dig(2)])
        if base == 'pzn':
            return dig(8)
        if base == 'sku':
            return up(2) + '-' + dig(4) + '-' + up(2, 'ABCDEFGHKLMNPRSTWXYZ')
        if base == 'ver':
            return R.choice(['v', '']) + '%d.%d.%d' % (R.randint(1, 14), R.randint(0, 30), R.randint(0, 120))
        if base == 'ticket':
            return R.choice(['INC', 'CS-', 'TCK-', 'JIRA-', 'REQ']) + dig(R.choice([5, 6, 7]))
        if base == 'inv':
            return R.choice(['INV-', 'FAC-', 'RE-', 'FT ']) + str(self.case_year) + '/' + dig(5)
        if base == 'hex':
            return ''.join(R.choice('0123456789abcdef') for _ in range(R.choice([12, 16, 32])))
        if base == 'ts':
            return '%d%02d%02d%02d%02d' % (self.case_year, R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59))
        if base == 'tsiso':
            return '%d-%02d-%02dT%02d:%02d:%02dZ' % (self.case_year, R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))
        if base == 'cip':
            while True:
                v = '34009' + dig(8)
                if not luhn_ok(v):
                    return v[:5] + ' ' + v[5:8] + ' ' + v[8:11] + ' ' + v[11] + ' ' + v[12]
        if base == 'evdate':
            y = R.choice([2024, 2025, 2026, 2027])
            return fmt_date(lang, y, R.randint(1, 12), R.randint(1, 28), c)
        if base == 'err':
            return R.choice(['E11', 'E10', 'E21', 'F05', 'C12', 'H20', 'E03', 'F32', 'L40', 'J18'])
        if base == 'road':
            return R.choice(['M25', 'M62', 'A14', 'N12', 'A38', 'M40', 'B42'])
        if base == 'badcard':
            while True:
                n = '4' + dig(15)
                if not luhn_ok(n):
                    return ' '.join(n[i:i + 4] for i in range(0, 16, 4))
        if base == 'badnhs':
            while True:
                n = dig(9)
                if 11 - sum(int(x) * (10 - i) for i, x in enumerate(n)) % 11 == 10:
                    return n[:3] + ' ' + n[3:6] + ' ' + n[6:] + str(R.randint(0, 9))
        if base == 'badiban':
            v = iban('DE').replace(' ', '')
            v = v[:2] + '%02d' % ((int(v[2:4]) + R.randint(1, 50)) % 97 + 2) + v[4:]
            assert not iban_ok(v)
            return ' '.join(v[i:i + 4] for i in range(0, len(v), 4))
        if base == 'mask':
            return R.choice(['**** **** **** ', 'XXXX-XXXX-XXXX-', '•••• ', '************']) + dig(4)
        if base == 'docurl':
            return R.choice(['https://docs.example.com/api/v2/claims', 'https://api.example.org/v1/eligibility',
                             'https://example.com/docs/fhir/Patient', 'https://developer.example.net/guides/prior-auth',
                             'https://status.example.com/incidents'])
        if base == 'short':
            return R.choice({'en': ['111', '999', '911', '988'], 'de': ['116 117', '112', '19222'], 'fr': ['15', '112', '3114'],
                             'es': ['112', '061', '024'], 'it': ['118', '112', '1500'], 'pt': ['112', '808 24 24 24' if False else '112', '192']}[lang])
        raise KeyError(key)

    def mrn(self):
        lang, c = self.lang, self.c
        common = [dig(7), dig(8), '00' + dig(6), up(1) + dig(7), 'MR' + dig(6), dig(3) + '-' + dig(3) + '-' + dig(3),
                  dig(2) + '-' + dig(6), 'PT-' + dig(6), 'H' + dig(2) + '-' + dig(5)]
        spec = {'de': [dig(10), dig(2) + ' ' + dig(3) + ' ' + dig(3), str(self.case_year) + dig(6)],
                'fr': [dig(9), '80' + dig(7), dig(2) + ' ' + dig(6)],
                'es': [dig(6), dig(7), 'HC-' + dig(6)],
                'it': [str(self.case_year) + '/' + dig(6), dig(9), 'CC-' + dig(7)],
                'pt': [dig(7), dig(3) + '.' + dig(3) + '-' + dig(1), dig(2) + '.' + dig(3) + '.' + dig(3)],
                'en': ['E' + dig(8), dig(6), '10' + dig(7)]}[lang]
        return R.choice(common + spec * 2)

    def hpid(self):
        c = self.c
        if c == 'US':
            return R.choice([up(3) + dig(9), 'W' + dig(9), dig(9) + '01', 'U' + dig(8) + '01', up(3) + dig(6) + up(1) + dig(2),
                             mbi(), 'ZGP' + dig(10), dig(11)])
        if c in ('UK', 'AU', 'CA'):
            return R.choice([dig(8), 'A' + dig(7), up(2) + dig(6) + up(1), dig(3) + ' ' + dig(3) + ' ' + dig(3)])
        if c == 'DE':
            return kvnr()
        if c == 'AT':
            return R.choice(['PZ' + dig(8), dig(3) + '-' + dig(6)])
        if c == 'CH':
            v = '80756' + dig(15)
            return R.choice([v, ' '.join([v[:5], v[5:10], v[10:15], v[15:]])])
        if c in ('FR', 'BE'):
            return R.choice([dig(10), dig(8), 'AD' + dig(8), dig(4) + ' ' + dig(4) + ' ' + dig(2)])
        if c == 'ES':
            return R.choice([up(4) + dig(12), up(4) + ' ' + dig(6) + ' ' + dig(6), dig(4) + '-' + dig(6), dig(13)])
        if c == 'MX':
            return R.choice([dig(8), 'GNP-' + dig(7)])
        if c == 'IT':
            return R.choice([dig(7) + '-' + dig(2), 'FA' + dig(6), dig(10)])
        if c == 'PT':
            return R.choice([dig(9), dig(3) + ' ' + dig(3) + ' ' + dig(3), dig(4) + ' ' + dig(4) + ' ' + dig(4)])
        if c == 'BR':
            v = R.choice('789') + dig(14)
            return R.choice([v, ' '.join([v[:3], v[3:7], v[7:11], v[11:]]), dig(1) + ' ' + dig(3) + ' ' + dig(12) + ' ' + dig(1)])
        raise KeyError(c)


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------
INSTR = {
    'en': ['Summarize this for the handover:', 'Rewrite in plain language for the patient:', 'Extract the key fields as JSON:',
           'Draft a polite reply to this:', 'Check this for coding errors:', 'Translate to Spanish, keep the layout:',
           'Can you fix the formatting of this?', 'What should I do next with this?'],
    'de': ['Fasse das bitte kurz zusammen:', 'Übersetze ins Englische:', 'Formuliere eine höfliche Antwort:', 'Prüfe die Kodierung:',
           'Mach daraus eine Tabelle:'],
    'fr': ['Résume ce texte :', 'Traduis en anglais :', 'Rédige une réponse polie :', 'Vérifie le codage CIM-10 :', 'Mets ceci en tableau :'],
    'es': ['Resume esto:', 'Traduce al inglés:', 'Redacta una respuesta amable:', 'Revisa la codificación:', 'Pásalo a una tabla:'],
    'it': ['Riassumi questo testo:', 'Traduci in inglese:', 'Scrivi una risposta cortese:', 'Controlla i codici:', 'Metti in tabella:'],
    'pt': ['Resume isto:', 'Traduz para inglês:', 'Escreve uma resposta simpática:', 'Verifica a codificação:', 'Coloca numa tabela:'],
}
POS, NEG = [], []


def P(lang, slice_, kind, countries, text):
    POS.append(dict(lang=lang, slice=slice_, kind=kind, countries=countries, text=text))


def N(lang, slice_, kind, countries, text):
    NEG.append(dict(lang=lang, slice=slice_, kind=kind, countries=countries, text=text))


def typo(word):
    i = R.randint(1, len(word) - 3)
    op = R.random()
    if op < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op < 0.7:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1:]


def render(t, positive):
    lang = t['lang']
    country = R.choice(t['countries'] or LANG_COUNTRIES[lang])
    ctx = Ctx(lang, country)
    text = re.sub(r'\{~(.*?)~\}', lambda m: R.choice(m.group(1).split('¦')), t['text'], flags=re.S)
    segs = []
    for i, part in enumerate(re.split(r'\{\{([\w.]+)\}\}', text)):
        if i % 2 == 0:
            if part:
                segs.append([part, None])
            continue
        v = ctx.get(part)
        items = v if isinstance(v, list) else [v]
        for it in items:
            if isinstance(it, tuple):
                if not positive:
                    raise ValueError('labelled value in negative: ' + part)
                segs.append([it[1], it[0]])
            else:
                segs.append([it, None])
    if R.random() < 0.25:
        segs.insert(0, [R.choice(INSTR[lang]) + R.choice(['\n', '\n\n', ' ']), None])
    kind = t['kind']
    case = None
    if kind == 'hand':
        x = R.random()
        case = 'lower' if x < 0.2 else 'upper' if x < 0.25 else None
    elif kind == 'form' and R.random() < 0.25:
        case = 'upper'
    if case:
        for s in segs:
            if s[1] is None or s[1] in ('PERSON', 'STREET_ADDRESS') or (case == 'lower' and s[1] in ('EMAIL', 'URL')):
                s[0] = s[0].lower() if case == 'lower' else s[0].upper()
    if kind == 'hand' and R.random() < 0.2:
        for _ in range(R.randint(1, 3)):
            cands = [(i, m) for i, s in enumerate(segs) if s[1] is None
                     for m in re.finditer(r'(?<![\w/.@-])[^\W\d_]{6,}(?![\w/.@-])', s[0])]
            if not cands:
                break
            i, m = R.choice(cands)
            segs[i][0] = segs[i][0][:m.start()] + typo(m.group()) + segs[i][0][m.end():]
    out, spans, pos = [], [], 0
    for val, ent in segs:
        b = val.encode('utf-8')
        if ent:
            spans.append(dict(entity=ent, start=pos, end=pos + len(b)))
        out.append(b)
        pos += len(b)
    raw = b''.join(out)
    for sp, (val, ent) in zip(spans, [s for s in segs if s[1]]):
        assert raw[sp['start']:sp['end']].decode('utf-8') == val, (val, sp)
        assert val == val.strip() and val, val
        check_value(ent, val)
    return dict(lang=lang, slice=t['slice'], text=raw.decode('utf-8'), spans=spans)


def check_value(ent, v):
    if ent == 'CREDIT_CARD':
        assert luhn_ok(v) and len(re.sub(r'\D', '', v)) in (15, 16), v
    elif ent == 'UK_NHS':
        assert nhs_ok(v), v
    elif ent == 'IBAN':
        assert iban_ok(v), v
    elif ent == 'US_BANK_ROUTING':
        assert aba_ok(v), v
    elif ent == 'US_SSN':
        d = re.sub(r'\D', '', v)
        assert len(d) == 9 and d[:3] not in ('000', '666') and d[0] != '9' and d[3:5] != '00' and d[5:] != '0000', v
    elif ent == 'SWIFT_BIC':
        assert re.fullmatch(r'[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?', v), v
    elif ent == 'ICD10_CODE':
        assert re.fullmatch(r'[A-Z]\d\d(\.?\w{1,4})?', v), v
    elif ent == 'NPI':
        assert luhn_ok('80840' + v), v


NONEG_RE = [re.compile(r'[\w.+-]+@[\w-]+\.[\w.]+'), re.compile(r'\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b')]


def audit(rec):
    """Text outside spans: no e-mail, no IPv4, no Luhn-valid card-length run, no valid IBAN."""
    b = rec['text'].encode('utf-8')
    keep, last = [], 0
    for sp in rec['spans']:
        keep.append(b[last:sp['start']])
        keep.append(b'\x00')
        last = sp['end']
    keep.append(b[last:])
    rest = b''.join(keep).decode('utf-8')
    for rx in NONEG_RE:
        assert not rx.search(rest), (rx.pattern, rec['text'])
    for m in re.finditer(r'\d[\d -]{11,22}\d', rest):
        d = re.sub(r'\D', '', m.group())
        if 13 <= len(d) <= 19:
            assert not luhn_ok(d), (m.group(), rec['text'])
    if rec['spans']:
        for m in re.finditer(r'\b(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d(?!T))\b', rest):
            raise AssertionError(('unlabelled date', m.group(), rec['text']))
    for m in re.finditer(r'\b[A-Z]{2}\d\d[ A-Z0-9]{10,30}', rest):
        assert not iban_ok(m.group().rstrip()), rec['text']


# --------------------------------------------------------------------------
# Templates: English positives
# --------------------------------------------------------------------------
US, UK = ['US'], ['UK']
P('en', 'clinical', 'hand', US, "{{p1.t}} {{p1}}, {{age}}yo, DOB {{p1.dob}}, MRN {{mrn}}. seen {{date1}} f/u {{dx1.n}} ({{dx1.c}}) + {{dx2.n}} {{dx2.c}}. {~A1c trending up¦BP still high¦sx improving~}, cont {{drug}} {~BID¦daily¦qhs~}. RTC 3 mo. {~pt prefers cell¦best contact¦cb #~} {{phone}}")
P('en', 'clinical', 'hand', None, "S: {{age}} y/o {~F¦M~} c/o cough x5d, no fever.\nO: sats 95% RA\nA: {{dx1.n}} - {{dx1.c}}; hx {{dx2.c}}\nP: {{drug}}, f/u PRN\n-- {{p2.dr}} {{p2.sur}} re pt {{p1.inv}}, chart #{{mrn}}, seen {{date1}}")
P('en', 'clinical', 'doc', None, "PROBLEM LIST — {{p1.inv}} (MRN: {{mrn}})\n1. {{dx1.n}} — {{dx1.c}}\n2. {{dx2.n}} — {{dx2.c}}\n3. {{dx3.n}} — {{dx3.c}}\nLast reviewed at visit on {{date1}} by {{p2.dr}} {{p2.sur}}")
P('en', 'discharge', 'doc', US, "DISCHARGE SUMMARY\nPatient: {{p1}}   MRN: {{mrn}}   DOB: {{p1.dob}}\nAdmitted: {{date1}}   Discharged: {{date2}}\nAttending: {{p2.dr}} {{p2}}\nPrincipal diagnosis: {{dx1.n}} ({~ICD-10-CM¦ICD10¦ICD-10~} {{dx1.c}})\nSecondary: {{dx2.n}} ({{dx2.c}}); {{dx3.n}} ({{dx3.c}})\nFollow-up with PCP within 7 days. Call {{phone}} with questions.")
P('en', 'discharge', 'doc', UK, "Discharge letter to GP\nRe: {{p1.t}} {{p1}}, DOB {{p1.dob}}, NHS No. {{nhs}}\nHospital no.: {{mrn}}\n{{addr}}\nDiagnosis: {{dx1.n}} [{{dx1.c}}]. Comorbidities: {{dx2.n}} [{{dx2.c}}].\nDischarged {{date1}} on {{drug}} OD.\nKind regards, {{p2.dr}} {{p2.sur}}, {~Registrar¦Consultant Physician¦FY2~}")
P('en', 'referral', 'doc', UK, "Dear {{p2.dr}} {{p2.sur}},\n\nThank you for seeing {{p1}} (NHS number {{nhs}}, DOB {{p1.dob}}) who has {{dx1.n}} ({~ICD-10 ¦~}{{dx1.c}}). {~She¦He¦They~} can be reached on {{phone}}. Address: {{addr}}.\n\nYours sincerely,\n{{p3.dr}} {{p3}}\n{{hosp}}")
P('en', 'referral', 'doc', US, "REFERRAL\nTo: {~Cardiology¦Pulmonology¦Endocrinology¦Orthopedics~}, {{hosp}}\nPatient: {{p1}} DOB {{p1.dob}}\nInsurance: {{ins}}, member {{hpid}}\nReason: {{dx1.n}}, {{dx1.c}}; also {{dx2.c}}\nReferring: {{p2.dr}} {{p2}}, NPI {{npi}}, ph {{phone}}, fax {{phone2}}")
P('en', 'claims', 'form', US, "EXPLANATION OF BENEFITS\nMember: {{p1}}\nMember ID: {{hpid}}   Group #: {{group}}\nClaim for services on {{date1}}\nProvider: {{p2.dr}} {{p2}} (NPI {{npi}})\nDx codes: {{dx1.c}}, {{dx2.c}}\nBilled: ${{amt}}  Plan paid: ${{amt2}}  You owe: ${{amt3}}")
P('en', 'claims', 'doc', US, "member_id,last_name,first_name,dob,dos,dx1,dx2,cpt\n{{hpid}},{{p1.sur}},{{p1.given}},{{p1.dobiso}},{{date1}},{{dx1.c}},{{dx2.c}},99214\n{{hpid2}},{{p2.sur}},{{p2.given}},{{p2.dobiso}},{{date2}},{{dx3.c}},,99213")
P('en', 'prior_auth', 'doc', US, "Prior authorization request\nPatient: {{p1}} | DOB {{p1.dob}} | Member ID {{hpid}} | Group {{group}}\nPrescriber: {{p2.dr}} {{p2}}, NPI {{npi}}, fax {{phone}}\nMedication: {{drug}}\nDiagnosis: {{dx1.n}}, ICD-10 {{dx1.c}}\nFailed first-line therapy started {{date1}}. Please expedite.")
P('en', 'prior_auth', 'hand', US, "hi team, PA for {{p1}} got kicked back again. sub ID {{hpid}}, policy {{hpid2}}. dx {{dx1.c}} and {{dx2.c}}. can someone call the plan? my direct line is {{phone}} ext. {{n}}{{n2}}{{n3}} - {{p2.given}}")
P('en', 'claims', 'form', US, "MEDICARE / MEDICAID CROSSOVER\nBeneficiary: {{p1}}\nMedicare Number (MBI): {{mbi}}\nMedicaid ID: {{medicaid}}\nDate of service: {{date1}}\nPrimary dx: {{dx1.c}}\nSSN (do not store): {{ssn}}")
P('en', 'support_chat', 'hand', US, "hi, i'm trying to check eligibility for my kid {{p1.given}}. the medicaid id is {{medicaid}} and date of birth is {{p1.dob}}. the pharmacy in {{city}} says inactive?? my number is {{phone}}")
P('en', 'pharmacy', 'hand', None, "Pharmacy note: {{p1}} ({{p1.dob}}) called re: {{drug}} refill. Ins member {{hpid}}. Prior auth pending for dx {{dx1.c}}. Callback {{phone}}")
P('en', 'pharmacy', 'hand', None, "Hello {{p1.given}}, this is {{hosp}} pharmacy. Your {{drug}} is ready for pickup. Please bring your insurance card ({~member ID¦ID~} ending in {{n}}{{n2}}{{n3}}{{n4}}). Questions: {{phone}}")
P('en', 'lab', 'doc', None, "LAB REPORT  {{hosp}}\nName: {{p1.inv}}   Sex: {~F¦M~}   DOB: {{p1.dob}}\nMRN: {{mrn}}   Collected: {{date1}}   Reported: {{date2}}\nOrdering: {{p2.dr}} {{p2.sur}}\nHbA1c 8.1 % (H)\nLDL 3.9 mmol/L (H)\nIndication: {{dx1.c}} {{dx1.n}}")
P('en', 'hl7', 'doc', US, "MSH|^~\\&|EPIC|LAKESHORE|LIS|LAB|{{ts}}||ORU^R01|{{ticket}}|P|2.5\nPID|1||{{mrn}}^^^LSH^MR||{{p1.hl7}}||{{p1.dobc}}|{~F¦M~}|||{{addr.hl7}}||{{phone}}\nIN1|1|{{ins}}||||||{{group}}||||||||||||||||||||||||||{{hpid}}\nDG1|1||{{dx1.c}}^{{dx1.n}}^I10")
P('en', 'json', 'doc', None, '{"patient": {"name": "{{p1}}", "mrn": "{{mrn}}", "birthDate": "{{p1.dobiso}}", "telecom": "{{phonei}}"}, "coverage": {"memberId": "{{hpid}}", "payer": "{{ins}}"}, "conditions": ["{{dx1.c}}", "{{dx2.c}}"]}')
P('en', 'xml', 'doc', US, '<Claim>\n  <Subscriber id="{{hpid}}">{{p1}}</Subscriber>\n  <Patient mrn="{{mrn}}" dob="{{p1.dobiso}}">{{p2}}</Patient>\n  <Address>{{addr.1}}</Address>\n  <Diagnosis system="ICD-10" code="{{dx1.c}}"/>\n  <Diagnosis system="ICD-10" code="{{dx2.c}}"/>\n</Claim>')
P('en', 'logs', 'doc', None, '{{tsiso}} INFO eligibility.check member_id={{hpid}} mrn={{mrn}} patient="{{p1}}" dx={{dx1.c}} result=ACTIVE latency_ms={{n}}4')
P('en', 'banking', 'hand', ['UK'], "Hi {{p2.given}},\n\nplease send the deposit to:\nBeneficiary: {{p1}}\nIBAN: {{iban}}\nBIC/SWIFT: {{bic}}\nRef: {{inv}}\n\nThanks,\n{{p3.given}}\n{{p3.email}} | {{phone}}")
P('en', 'banking', 'hand', US, "Please update my direct deposit. Bank: {~Chase¦Wells Fargo¦a local credit union¦Navy Federal~}. Routing {{aba}}, {~checking¦savings~} account {{acct}}. Name on account: {{p1}}. SSN for verification: {{ssn}}.")
P('en', 'banking', 'doc', US, "INTERNATIONAL WIRE - INCOMING\nBeneficiary name: {{p1}}\nBeneficiary account no.: {{acct}}\nBeneficiary bank SWIFT: {{bic}}\nABA: {{aba}}\nIntermediary: {{bic.DE}}\nBeneficiary address: {{addr}}")
P('en', 'support_chat', 'hand', US, "customer: hi my card {{card}} was charged twice at the pharmacy\nagent: sorry to hear that! can you confirm the name on the card and billing zip?\ncustomer: {{p1}}, {{zip.only}}\nagent: thanks {{p1.given}}, I've opened {{ticket}} for you")
P('en', 'support_chat', 'hand', None, "agent: can I take the card number for the copay?\npatient: sure it's {{card}}, exp {~08/29¦11/28¦03/30~}\nagent: and the cardholder?\npatient: {{p1}}. and send the receipt to {{p1.email}} pls")
P('en', 'kyc', 'form', US, "KYC - NEW ACCOUNT\nFull name: {{p1}}\nDate of birth: {{p1.dob}}\nSSN: {{ssn}}\nResidential address: {{addr}}\nPhone: {{phone}}\nEmail: {{p1.email}}\nCard on file: {{card}}")
P('en', 'kyc', 'form', ['UK', 'AU', 'CA'], "Customer onboarding\nName: {{p1.inv}}\nDOB: {{p1.dob}}\nHome address:\n{{addr.n}}\nMobile: {{phonei}}\nSalary account (IBAN): {{iban}}\nBank BIC: {{bic}}")
P('en', 'email', 'hand', None, "Thanks for the quick turnaround on the summary for {{p1}}.\n\nBest,\n{{p2}}\n{{hosp}} | Care coordination\nM: {{phonei}}\n{{p2.url}}")
P('en', 'email', 'hand', None, "Hi {{p1.given}}, your results from {{date1}} are ready: {{portal}} . Log in with your MRN {{mrn}}. Questions? {{phone}}")
P('en', 'claims', 'doc', US, "To the Appeals Dept, {{ins}}:\nI am writing to appeal the denial of the claim for my dependent {{p1}} (subscriber: {{p2}}, Subscriber ID {{hpid}}, Policy # {{hpid2}}). Date of service {{date1}}. The diagnosis was {{dx1.n}} (ICD-10: {{dx1.c}}).\nSincerely,\n{{p2}}\n{{addr.n}}")
P('en', 'claims', 'doc', None, "| Patient | MRN | DOS | ICD-10 | Description |\n|---|---|---|---|---|\n| {{p1}} | {{mrn}} | {{date1}} | {{dx1.c}} | {{dx1.n}} |\n| {{p2}} | {{mrn2}} | {{date2}} | {{dx2.c}} | {{dx2.n}} |\n| {{p3}} | {{mrn3}} | {{date3}} | {{dx3.c}} | {{dx3.n}} |")
P('en', 'clinical', 'hand', UK, "{{p1.given}}, your appt at {{hosp}} is on {{date1}} at 10:40. NHS no {{nhs}}. To cancel call {{phone}}.")
P('en', 'claims', 'form', US, "{{ins}} PPO\nMEMBER NAME {{p1}}\nMEMBER ID {{hpid}}\nGROUP NO {{group}}\nRX GRP {~BHRX¦RX9¦HZN~}\nDEPENDENT 01 {{p2}}")
P('en', 'clinical', 'hand', None, "can you check if {{dx1.c}} is right for {{p1}}'s visit on {{date1}}? note says {{dx1.n}} but also {{dx2.n}}, I put {{dx2.c}}. chart # {{mrn}}")
P('en', 'email', 'doc', UK, "Subject: Missing NHS number\n\nHello,\nThe referral for {{p1}} came through without the NHS number. From our records it is {{nhs}} and the hospital number is {{mrn}}. DOB {{p1.dob}}, postcode {{zip.only}}.\nRegards,\n{{p2}}\nMedical Secretary to {{p3.dr}} {{p3.sur}}\nTel {{phone}}")
P('en', 'email', 'hand', None, "hey {{p1.given}} - here's my {~page¦link¦profile~} {{p1.url}} . also my number changed, it's {{phonei}} now. cheers, {{p1.given}}")
P('en', 'banking', 'hand', ['US'], "Zelle didn't go through so here are my details for the refund: {{p1}}, acct {{acct}}, routing {{aba}}. if you need a card instead use {{card}}")
P('en', 'clinical', 'doc', US, "ED TRIAGE NOTE\nPt: {{p1}}  MRN {{mrn}}  DOB {{p1.dob}}\nArrived {{date1}} via EMS, chief complaint chest pain. Hx {{dx1.n}} ({{dx1.c}}), {{dx2.n}} ({{dx2.c}}).\nEmergency contact: {{p2}} (spouse) {{phone}}\nInsurance: {{ins}} #{{hpid}}")

P('en', 'pharmacy', 'doc', UK, "EPS nomination query\nPatient: {{p1}}\nNHS: {{nhs}}\nDOB: {{p1.dob}}\nItems: {{drug}} x28\nIndication: {{dx1.n}} ({{dx1.c}})\nSurgery ph {{phone}}")
P('en', 'tabular', 'doc', UK, "nhs_number,surname,forename,dob,postcode,dx\n{{nhs}},{{p1.sur}},{{p1.given}},{{p1.dobiso}},{{zip.only}},{{dx1.c}}\n{{nhs2}},{{p2.sur}},{{p2.given}},{{p2.dobiso}},{{zip2.only}},{{dx2.c}}")
P('en', 'support_chat', 'hand', UK, "hi, i moved to {{addr.1}} and the surgery still has my old address. nhs number is {{nhs}}, dob {{p1.dob}}. it's {{p1}} btw")
P('en', 'json', 'doc', UK, '{"resourceType": "Patient", "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "{{nhs}}"}, {"system": "urn:trust:mrn", "value": "{{mrn}}"}], "name": [{"family": "{{p1.sur}}", "given": ["{{p1.given}}"]}], "birthDate": "{{p1.dobiso}}", "address": [{"line": ["{{addr.1}}"]}]}')
P('en', 'kyc', 'form', US, "PATIENT REGISTRATION\nLast: {{p1.sur}}   First: {{p1.given}}\nDOB {{p1.dob}}   SSN {{ssn}}\nAddress: {{addr}}\nHome ph {{phone}}   Work {{phone2}} x{{n}}{{n2}}{{n3}}\nPrimary ins: {{ins}}  ID {{hpid}}  Group {{group}}\nGuarantor: {{p2}}  SSN {{ssn2}}")
P('en', 'support_chat', 'hand', US, "why is my full social ({{ssn}}) printed on the statement from {{hosp}}?? i'm {{p1}}, member id {{hpid}}. call me {{phone}}")
P('en', 'banking', 'form', US, "DIRECT DEPOSIT AUTHORIZATION\nEmployee: {{p1}}\nSSN: {{ssn}}\nBank routing number: {{aba}}\nAccount number: {{acct}}\nAccount type: {~Checking¦Savings~}\nAddress: {{addr}}")
P('en', 'banking', 'hand', US, "For the rent refund: {{p1}}, {~Ally¦Chase¦PNC¦a credit union~} acct {{acct}} routing {{aba}}. or mail a check to {{addr.1}}. (not the card ending {{n}}{{n2}}{{n3}}{{n4}}, that one's closed)")
P('en', 'email', 'doc', None, "Hello,\nplease charge the outstanding balance of ${{amt}} to {{card}} (cardholder {{p1}}). The card ending {{n}}{{n2}}{{n3}}{{n4}} on file has expired.\nThanks,\n{{p1.given}}\n{{phone}}")
P('en', 'clinical', 'doc', None, "Emergency contact for {{p1}} (MRN {{mrn}}): {{p2}}, currently abroad, {{phone.{~DE¦FR¦IT¦ES¦PT¦BR¦MX¦CH¦AT¦BE¦AU¦CA¦UK¦US~}}}; alternate {{phone2.{~DE¦FR¦IT¦ES¦PT¦BR¦MX¦CH¦AT¦BE¦AU¦CA¦UK¦US~}}}")
P('en', 'pharmacy', 'doc', US, "Mail-order delivery for {{p1}}\n{{addr.n}}\nMember ID {{hpid}}\nRx: {{drug}} 90-day supply for {{dx1.c}}\nPhone {{phone}}")
P('en', 'email', 'hand', None, "{{p1.given}} - thanks for today. My notes and the referral form are on my page {{p1.url}} if the practice needs them.\n{{p1}} | {{phone}}")
P('en', 'hl7', 'doc', UK, "PID|1||{{nhs}}^^^NHS^NH~{{mrn}}^^^RWX^MR||{{p1.hl7}}||{{p1.dobc}}|{~F¦M~}|||{{addr.1}}||{{phone}}\nPV1|1|I|WARD 7^BAY 2\nDG1|1||{{dx1.c}}^{{dx1.n}}^I10")
P('en', 'prior_auth', 'doc', US, "PA form, page 1\nMember: {{p1.inv}}\nMember ID: {{mbi}}\nDx (ICD-10): 1) {{dx1.c}}  2) {{dx2.c}}  3) {{dx3.c}}\nRequested start: {{date1}}\nProvider phone {{phone}} / fax {{phone2}}")

# ---------------- German positives ----------------
DE = ['DE']
P('de', 'clinical', 'hand', None, "Pat. {{p1}}, geb. {{p1.dob}}, Fallnummer {{mrn}}. Aufnahme am {{date1}} wegen {{dx1.n}} ({{dx1.c}} {~G¦V¦~}). NDs: {{dx2.n}} ({{dx2.c}}), {{dx3.n}} ({{dx3.c}}). Weiter mit {{drug}}. Rückfragen: {{phone}}")
P('de', 'discharge', 'doc', None, "Sehr geehrte Frau Kollegin, sehr geehrter Herr Kollege,\n\nwir berichten über {{p1.t}} {{p1}}, geb. am {{p1.dob}}, wohnhaft {{addr}}, {~die¦der~} sich vom {{date1}} bis {{date2}} in unserer stationären Behandlung befand.\n\nDiagnosen ({~ICD-10-GM¦ICD-10¦ICD~}):\n- {{dx1.c}} {{dx1.n}}\n- {{dx2.c}} {{dx2.n}}\n\nMit freundlichen Grüßen\n{{p2.dr}} {{p2}}\n{~Oberärztin¦Assistenzarzt¦Chefarzt~}, {{hosp}}")
P('de', 'claims', 'form', DE, "Versicherte/r: {{p1.inv}}\nKrankenkasse: {{ins}}\nVersichertennummer: {{kvnr}}\nGeburtsdatum: {{p1.dob}}\nAnschrift: {{addr}}\nDiagnose: {{dx1.c}}")
P('de', 'banking', 'doc', None, "Bitte überweisen Sie den Betrag an {{p1}}, IBAN {{iban}}, BIC {{bic}}, Verwendungszweck {{inv}}. Bei Fragen: {{p1.email}}")
P('de', 'support_chat', 'hand', DE, "hallo, ich bin {{p1}} und meine kasse ({{ins}}) lehnt die kostenübernahme ab. versichertennr. {{kvnr}}, diagnose {{dx1.c}}. bitte ruf mich an: {{phone}}")
P('de', 'lab', 'doc', None, "Laborbefund\nPatient: {{p1.inv}}  geb. {{p1.dob}}\n{~PID¦Pat.-Nr.¦Fall-Nr.~} {{mrn}}  Entnahme: {{date1}}\nEinsender: {{p2.dr}} {{p2.sur}}\nFragestellung: V.a. {{dx1.n}} ({{dx1.c}})")
P('de', 'email', 'doc', None, "Sehr geehrte Damen und Herren,\n\nich bitte um Erstattung auf meine Kreditkarte {{card}} (Karteninhaber: {{p1}}). Meine {~Mitgliedsnummer¦Versicherungsnummer¦Policennummer~} lautet {{hpid}}.\n\nMit freundlichen Grüßen\n{{p1}}\n{{addr.n}}\nTel. {{phone}}")
P('de', 'tabular', 'doc', None, "Fallnr;Name;Vorname;Geburtsdatum;ICD\n{{mrn}};{{p1.sur}};{{p1.given}};{{p1.dob}};{{dx1.c}}\n{{mrn2}};{{p2.sur}};{{p2.given}};{{p2.dob}};{{dx2.c}}")
P('de', 'email', 'hand', None, "Termin bestätigt: {{p1}}, {{date1}}, 09:30 Uhr. Ihre Unterlagen finden Sie unter {{portal}} – Ihre Behandlerin {{p2.dr}} {{p2}} ({{p2.url}})")
P('de', 'prior_auth', 'doc', DE, "Antrag auf Kostenübernahme\nVersicherter: {{p1}}, KVNR {{kvnr}}\nKasse: {{ins}}\nBeantragt: Rehabilitation nach {{dx1.n}} (ICD-10-GM {{dx1.c}})\nBehandelnder Arzt: {{p2.dr}} {{p2}}, Tel. {{phone}}, Fax {{phone2}}")
P('de', 'kyc', 'form', None, "KONTOERÖFFNUNG\nName: {{p1.sur}}\nVorname: {{p1.given}}\nGeburtsdatum: {{p1.dob}}\nAnschrift: {{addr}}\nMobil: {{phonei}}\nReferenzkonto: {{iban}}\nBIC: {{bic}}")

# ---------------- French positives ----------------
FR = ['FR']
P('fr', 'clinical', 'hand', None, "{{p1.t}} {{p1}}, né(e) le {{p1.dob}}, IPP {{mrn}}. Consultation du {{date1}} : {{dx1.n}} ({~CIM-10¦CIM10¦code~} {{dx1.c}}), ATCD de {{dx2.n}} ({{dx2.c}}). Tél. {{phone}}.")
P('fr', 'discharge', 'doc', None, "COMPTE RENDU D'HOSPITALISATION\nPatient : {{p1.inv}}\nN° de dossier : {{mrn}}\nEntrée le {{date1}} – sortie le {{date2}}\nDiagnostic principal : {{dx1.n}} – {{dx1.c}}\nDiagnostics associés : {{dx2.c}}, {{dx3.c}}\nDr {{p2}}, {{hosp}}")
P('fr', 'referral', 'doc', None, "Cher confrère,\n\nJe vous adresse {{p1.t}} {{p1}}, {{age}} ans, demeurant {{addr}}, pour avis concernant {{dx1.n}} ({{dx1.c}}).\n\nBien confraternellement,\n{{p2.dr}} {{p2}}\n{{phone}}")
P('fr', 'support_chat', 'hand', FR, "Bonjour, je suis adhérent {{ins}} sous le n° {{hpid}}. Mon enfant {{p1.given}} a été hospitalisé le {{date1}}. Pouvez-vous me rappeler au {{phone}} ? {{p2}}")
P('fr', 'banking', 'doc', None, "Merci d'effectuer le virement au nom de {{p1}}\nIBAN : {{iban}}\nBIC : {{bic}}\nObjet : {{inv}}")
P('fr', 'support_chat', 'hand', None, "bonjour, j'ai un souci avec ma carte {{card}}, le paiement à la pharmacie a été refusé. c'est {{p1}}, code postal {{zip.only}}")
P('fr', 'json', 'doc', None, '{"nom": "{{p1.sur}}", "prenom": "{{p1.given}}", "ipp": "{{mrn}}", "date_naissance": "{{p1.dob}}", "cim10": ["{{dx1.c}}", "{{dx2.c}}"], "tel": "{{phonei}}"}')
P('fr', 'lab', 'doc', None, "Laboratoire – Résultats\n{{p1.t}} {{p1}} – né(e) le {{p1.dob}}\nN° dossier {{mrn}} – prélevé le {{date1}}\nPrescripteur : Dr {{p2.sur}}\nConsultez vos résultats : {{portal}}")
P('fr', 'kyc', 'form', None, "OUVERTURE DE COMPTE\nNom : {{p1.sur}}\nPrénom : {{p1.given}}\nDate de naissance : {{p1.dob}}\nAdresse : {{addr}}\nTéléphone : {{phone}}\nCourriel : {{p1.email}}\nIBAN de versement : {{iban}}")
P('fr', 'claims', 'doc', FR, "Demande de remboursement – {{ins}}\nAdhérent : {{p1}} (n° adhérent {{hpid}})\nBénéficiaire : {{p2}}\nDate des soins : {{date1}}\nCode CIM-10 : {{dx1.c}}\nRIB joint : {{iban}}")
P('fr', 'email', 'hand', None, "Bonjour Docteur {{p2.sur}},\nvoici le lien vers mon agenda pour fixer le rendez-vous : {{p1.url}}\nmerci, {{p1}}\n{{phonei}}")

# ---------------- Spanish positives ----------------
ES, MX = ['ES'], ['MX']
P('es', 'clinical', 'hand', None, "Paciente {{p1}}, NHC {{mrn}}, fecha de nacimiento {{p1.dob}}. Acude el {{date1}} por {{dx1.n}} ({~CIE-10¦CIE10¦cód.~} {{dx1.c}}). Antecedentes: {{dx2.n}} ({{dx2.c}}). Tfno. {{phone}}.")
P('es', 'discharge', 'doc', None, "INFORME DE ALTA\nNombre: {{p1}}\nNº historia clínica: {{mrn}}\nFecha de ingreso: {{date1}}   Fecha de alta: {{date2}}\nJuicio clínico: {{dx1.n}} ({{dx1.c}})\nOtros diagnósticos: {{dx2.c}} {{dx2.n}}\nFdo.: {{p2.dr}} {{p2}}")
P('es', 'support_chat', 'hand', ES, "Hola, soy {{p1}}, asegurada de {{ins}} con nº de tarjeta {{hpid}}. Necesito autorización para una resonancia; el diagnóstico es {{dx1.c}}. Mi móvil: {{phone}}")
P('es', 'banking', 'doc', ES, "Datos para la transferencia:\nTitular: {{p1}}\nIBAN: {{iban}}\nBIC: {{bic}}\nConcepto: {{inv}}")
P('es', 'banking', 'hand', MX, "te paso mis datos: {{p1}}, CLABE {{clabe}}, banco {~BBVA México¦Banorte¦Santander~}. SWIFT {{bic}}. cel. {{phone}}")
P('es', 'referral', 'doc', None, "Derivación a {~Cardiología¦Neumología¦Endocrinología~}\nPaciente: {{p1}} ({{age}} años)\nDomicilio: {{addr}}\nMotivo: {{dx1.n}} [CIE-10: {{dx1.c}}]\nMédico solicitante: {{p2.dr}} {{p2}}")
P('es', 'support_chat', 'hand', None, "buenas, me cobraron dos veces con la tarjeta {{card}} en la farmacia. soy {{p1.given}}, mi correo es {{p1.email}}")
P('es', 'tabular', 'doc', None, "nhc;apellidos;nombre;f_nac;cie10\n{{mrn}};{{p1.sur}};{{p1.given}};{{p1.dob}};{{dx1.c}}\n{{mrn2}};{{p2.sur}};{{p2.given}};{{p2.dob}};{{dx2.c}}")
P('es', 'kyc', 'form', None, "SOLICITUD DE APERTURA DE CUENTA\nNombre y apellidos: {{p1}}\nFecha de nacimiento: {{p1.dob}}\nDomicilio: {{addr}}\nTeléfono: {{phone}}\nTarjeta: {{card}}")
P('es', 'prior_auth', 'doc', ES, "Solicitud de autorización previa – {{ins}}\nAsegurado: {{p1}}\nNº póliza: {{hpid}}\nFecha prevista: {{date1}}\nDiagnóstico: {{dx1.n}} (CIE-10 {{dx1.c}})\nContacto: {{phone}}")
P('es', 'email', 'hand', None, "Hola {{p1.given}}:\nte dejo el enlace a tus resultados: {{portal}}\nUn saludo,\n{{p2}}\n{{hosp}} · {{phonei}}")

# ---------------- Italian positives ----------------
P('it', 'clinical', 'hand', None, "Paz. {{p1}}, nato/a il {{p1.dob}}, cartella clinica n. {{mrn}}. Visita del {{date1}}: {{dx1.n}} ({~ICD-10¦ICD10¦cod.~} {{dx1.c}}). In terapia con {{drug}}. Tel. {{phone}}")
P('it', 'discharge', 'doc', None, "LETTERA DI DIMISSIONE\nPaziente: {{p1.inv}}\nN. nosologico: {{mrn}}\nRicovero dal {{date1}} al {{date2}}\nDiagnosi principale: {{dx1.n}} ({{dx1.c}})\nDiagnosi secondarie: {{dx2.n}} ({{dx2.c}}); {{dx3.n}} ({{dx3.c}})\nIl medico: {{p2.dr}} {{p2}}")
P('it', 'prior_auth', 'doc', None, "Richiesta di autorizzazione – polizza {{ins}} n. {{hpid}}\nAssistito: {{p1}}\nResidenza: {{addr}}\nPrestazione: RM ginocchio per {{dx1.n}} {{dx1.c}}")
P('it', 'banking', 'doc', None, "Per il bonifico: intestatario {{p1}}, IBAN {{iban}}, BIC {{bic}}, causale {{inv}}.")
P('it', 'support_chat', 'hand', None, "salve, sono {{p1}}, ho perso la carta {{card}}. potete bloccarla? il mio numero è {{phone}}")
P('it', 'lab', 'doc', None, "Referto di laboratorio\nCognome e nome: {{p1.inv}}\nData di nascita: {{p1.dob}}\nN. cartella: {{mrn}}\nData prelievo: {{date1}}\nQuesito: {{dx1.n}} ({{dx1.c}})")
P('it', 'email', 'doc', None, "Gentile {{p2.dr}} {{p2.sur}},\nle invio in allegato gli esami di un mio familiare, {{p1}} (cartella n. {{mrn}}).\nCordiali saluti,\n{{p3}}\n{{phonei}}\n{{p3.email}}")
P('it', 'xml', 'doc', None, '<paziente><nome>{{p1}}</nome><cartella>{{mrn}}</cartella><nascita>{{p1.dobiso}}</nascita><diagnosi codice="{{dx1.c}}"/><telefono>{{phone}}</telefono></paziente>')
P('it', 'kyc', 'form', None, "MODULO ADEGUATA VERIFICA\nCognome: {{p1.sur}}\nNome: {{p1.given}}\nData di nascita: {{p1.dob}}\nIndirizzo: {{addr}}\nCellulare: {{phone}}\nConto: {{iban}}")
P('it', 'claims', 'doc', None, "Richiesta di rimborso – {{ins}}\nIscritto: {{p1}} (n. iscrizione {{hpid}})\nData prestazione: {{date1}}\nDiagnosi ICD-10: {{dx1.c}}, {{dx2.c}}\nAccredito su: {{iban}}")
P('it', 'email', 'hand', None, "ciao {{p1.given}}, ecco il link per prenotare con me: {{p1.url}} — oppure chiamami al {{phonei}}")

# ---------------- Portuguese positives ----------------
PT, BR = ['PT'], ['BR']
P('pt', 'clinical', 'hand', PT, "Utente {{p1}}, n.º de processo {{mrn}}, nascido(a) a {{p1.dob}}. Consulta de {{date1}}: {{dx1.n}} ({{dx1.c}}). Contacto {{phone}}.")
P('pt', 'clinical', 'hand', BR, "Paciente {{p1}}, prontuário {{mrn}}, nascimento {{p1.dob}}. Atendimento em {{date1}}: {{dx1.n}} ({~CID-10¦CID~} {{dx1.c}}). Tel. {{phone}}.")
P('pt', 'support_chat', 'hand', PT, "Bom dia, sou {{p1}}, n.º de utente {{hpid}}. Tenho consulta marcada para {{date1}} e preciso de alterar. Morada: {{addr}}.")
P('pt', 'support_chat', 'hand', BR, "olá, meu plano {{ins}} negou o exame. carteirinha {{hpid}}, titular {{p1}}. CID {{dx1.c}}. meu whatsapp: {{phone}}")
P('pt', 'discharge', 'doc', None, "NOTA DE ALTA\nDoente: {{p1.inv}}\nProcesso n.º {{mrn}}\nInternamento: {{date1}} a {{date2}}\nDiagnóstico: {{dx1.n}} – {{dx1.c}}\nOutros: {{dx2.c}}\nMédico: {{p2.dr}} {{p2}}")
P('pt', 'banking', 'doc', PT, "Dados para transferência: {{p1}}\nIBAN {{iban}}\nBIC/SWIFT {{bic}}")
P('pt', 'support_chat', 'hand', None, "oi, passei o cartão {{card}} e cobrou duas vezes. meu nome é {{p1}}, email {{p1.email}}")
P('pt', 'kyc', 'form', None, "FICHA DE CLIENTE\nNome completo: {{p1}}\nData de nascimento: {{p1.dob}}\nMorada: {{addr}}\nTelemóvel: {{phone}}\nE-mail: {{p1.email}}")
P('pt', 'tabular', 'doc', None, 'processo,nome,data_nasc,cid10\n{{mrn}},"{{p1}}",{{p1.dobiso}},{{dx1.c}}\n{{mrn2}},"{{p2}}",{{p2.dobiso}},{{dx2.c}}')
P('pt', 'claims', 'doc', BR, "Guia de reembolso – {{ins}}\nBeneficiário: {{p1}}\nCarteirinha: {{hpid}}\nData do atendimento: {{date1}}\nCID-10: {{dx1.c}}\nMédico: {{p2.dr}} {{p2}}")
P('pt', 'email', 'hand', None, "Olá {{p1.given}}, os seus resultados de {{date1}} já estão disponíveis em {{portal}}\nCumprimentos,\n{{p2}} · {{phonei}}")

P('de', 'hl7', 'doc', None, "PID|1||{{mrn}}^^^KNS^PI||{{p1.hl7}}||{{p1.dobc}}|{~F¦M~}|||{{addr.1}}||{{phone}}\nIN1|1|{{ins}}|||||||||||||||||||||||||||||||||||||{{hpid}}\nDG1|1||{{dx1.c}}^{{dx1.n}}^I10-GM")
P('de', 'support_chat', 'hand', None, "hi, mein name ist {{p1}}, ich bin umgezogen: neue adresse {{addr.1}}, tel {{phone}}. meine alte kreditkarte endet auf {{n}}{{n2}}{{n3}}{{n4}}, die neue ist {{card}}")
P('fr', 'hl7', 'doc', None, "PID|1||{{mrn}}^^^CHU^PI||{{p1.hl7}}||{{p1.dobc}}|{~F¦M~}|||{{addr.1}}||{{phone}}\nDG1|1||{{dx1.c}}^{{dx1.n}}^CIM10")
P('es', 'email', 'doc', None, "Estimada {{p2.dr}} {{p2.sur}}:\nLe remito el informe de {{p1}} (NHC {{mrn}}), visto el {{date1}} por {{dx1.n}} ({{dx1.c}}).\nAtentamente,\n{{p3}}\n{{p3.url}}\n{{phonei}}")
P('it', 'banking', 'hand', None, "ciao! per la quota della palestra: {{p1}}, IBAN {{iban}}, oppure carta {{card}}. indirizzo per la ricevuta: {{addr}}")
P('pt', 'banking', 'doc', BR, "Dados bancários para reembolso:\nFavorecido: {{p1}}\nConta corrente: {{acct}}\nChave PIX: {{p1.email}}\nSWIFT: {{bic}}")
P('pt', 'email', 'hand', None, "Bom dia {{p2.dr}} {{p2.sur}}, segue o link da minha agenda: {{p1.url}}\nObrigado,\n{{p1}}\n{{phone}}")

P('fr', 'claims', 'form', None, "CARTE DE TIERS PAYANT – {{ins}}\nAdhérent : {{p1}}\nN° adhérent : {{hpid}}\nBénéficiaires : {{p2.given}}, {{p3.given}}\nContrat groupe n° {{group}}")
P('fr', 'prior_auth', 'doc', None, "Demande d'accord préalable\nAssuré : {{p1.inv}}, né(e) le {{p1.dob}}\nOrganisme complémentaire : {{ins}}, n° {{hpid}}\nActe demandé le {{date1}} pour {{dx1.n}} (CIM-10 : {{dx1.c}})\nMédecin : {{p2.dr}} {{p2}}")
P('es', 'claims', 'form', ES, "TARJETA SANITARIA\nTitular: {{p1}}\nCIP / Nº tarjeta: {{hpid}}\nAseguradora: {{ins}}\nPóliza colectiva: {{group}}")
P('es', 'clinical', 'hand', ES, "pac {{p1}}, nhc {{mrn}}, tarjeta {{hpid}}. dx {{dx1.c}} + {{dx2.c}}. cita {{date1}}. llamar al {{phone}}")
P('it', 'claims', 'form', None, "TESSERA ASSISTENZA INTEGRATIVA – {{ins}}\nIscritto: {{p1}}\nN. polizza: {{hpid}}\nConvenzione collettiva: {{group}}\nFamiliari: {{p2}}")
P('it', 'clinical', 'hand', None, "paz {{p1.inv}} – cart. {{mrn}} – polizza {{hpid}} – dx {{dx1.c}}/{{dx2.c}} – controllo {{date1}} – cell {{phone}}")
P('pt', 'claims', 'form', PT, "CARTÃO DE BENEFICIÁRIO – {{ins}}\nNome: {{p1}}\nN.º de beneficiário: {{hpid}}\nApólice de grupo: {{group}}\nN.º de utente SNS: {{hpid2}}")
P('pt', 'clinical', 'hand', BR, "pcte {{p1}}, pront. {{mrn}}, CNS {{hpid}}, CID {{dx1.c}} e {{dx2.c}}. retorno {{date1}}. fone {{phone}}")
P('de', 'banking', 'form', None, "SEPA-LASTSCHRIFTMANDAT\nKontoinhaber: {{p1}}\nAnschrift: {{addr}}\nIBAN: {{iban}}\nBIC: {{bic}}\nKreditkarte (Alternative): {{card}}")

P('de', 'banking', 'hand', None, "Meine Tochter {{p1}} studiert in den USA. Ihr Konto dort: Kontonummer {{acct}}, ABA {{aba}}, SWIFT {{bic.US}}. Bitte {{amt}} USD überweisen, Absender {{p2}}, {{iban}}.")
P('fr', 'banking', 'doc', None, "Virement international vers le Mexique\nBénéficiaire : {{p1}}\nCLABE : {{clabe}}\nBIC : {{bic.MX}}\nDonneur d'ordre : {{p2}}, IBAN {{iban}}")
P('it', 'banking', 'doc', None, "Bonifico estero verso gli USA\nBeneficiario: {{p1}}\nNumero di conto: {{acct}}\nABA routing: {{aba}}\nSWIFT: {{bic.US}}\nOrdinante: {{p2}}, IBAN {{iban}}")
P('es', 'pharmacy', 'hand', None, "Hola, soy {{p1}}. ¿Me pueden enviar la receta de {{drug}} a domicilio? Dirección: {{addr}}. Nº de tarjeta sanitaria {{hpid}}. Gracias")
P('pt', 'pharmacy', 'hand', None, "Boa tarde, chamo-me {{p1}}. Podem entregar a medicação ({{drug}}) na minha morada? {{addr}}. Contacto: {{phone}}")
P('fr', 'pharmacy', 'hand', None, "Bonjour, c'est {{p1}}. Pouvez-vous livrer mon traitement ({{drug}}) à mon adresse : {{addr}} ? Merci. {{phone}}")
P('it', 'support_chat', 'hand', None, "buongiorno, sono {{p1}} e ho cambiato residenza: {{addr}}. potete aggiornare la cartella n. {{mrn}}? grazie")

# --------------------------------------------------------------------------
# Negatives: look-alikes only, nothing the conventions label
# --------------------------------------------------------------------------
N('en', 'logs', 'doc', None, "Release {{ver}} of the claims adapter ships on {{evdate}}. Changes: ICD-10 code table refreshed, member-ID field widened to 12 characters. See {{docurl}}. Known issue: validation fails for codes written without the dot.")
N('en', 'support_chat', 'hand', None, "my dishwasher keeps showing error {{err}} and won't drain, model {{sku}}. what does that code mean? bought it {~last spring¦in march¦two years ago~}, order {{order}}")
N('en', 'pharmacy', 'doc', None, "RECALL NOTICE: {{drug}} tablets, lot {{lot}}, NDC {{ndc}}, expiry {{evdate}}. Pharmacies should quarantine affected stock and return it to the wholesaler. Reference {{order}}.")
N('en', 'email', 'doc', None, "Your order {{order}} ({{n}} items, SKU {{sku}}) has shipped. Invoice {{inv}} is attached. Need help? Visit {{docurl}}.")
N('en', 'clinical', 'doc', None, "Teaching case: a {{age}}-year-old with long-standing {{dx1.n}} presents with {{dx2.n}}. Discuss first-line management and when to refer. No identifiers included.")
N('en', 'clinical', 'hand', None, "quick q - what's the difference between the type 1 and type 2 diabetes chapters in ICD-10? studying for the CPC exam and the E-codes confuse me. also is Parkinson's coded under G?")
N('en', 'email', 'doc', UK, "Traffic update: the {{road}} is closed between junctions {{n}} and 1{{n2}} until {{evdate}}; patient transport is diverted via the {{road2}}. Outpatient clinics run as normal.")
N('en', 'logs', 'doc', None, "{{tsiso}} WARN gateway req_id={{hex}} upstream=eligibility status=503 retry={{n}} build={{ver}} path=/v1/members/{id}/coverage")
N('en', 'email', 'doc', None, "If you feel unwell over the holidays, call {{short}} or visit an urgent care centre. Our pharmacy is closed on {{evdate}}; repeat prescriptions ordered after that go out with batch {{lot}}.")
N('en', 'logs', 'doc', None, "QA: checkout must reject {{badcard}} (fails Luhn) and display saved cards masked, e.g. {{mask}}. Ticket {{ticket}}, target release {{ver}}.")
N('en', 'json', 'doc', None, 'POST {{docurl}}\n{"memberId": "<MEMBER_ID>", "dob": "<YYYY-MM-DD>", "icd10": "<CODE>"}\nRate limit {{n}}0 rps. SDK {{ver}}.')
N('en', 'support_chat', 'hand', None, "is Crohn's disease more common than Hodgkin lymphoma in people over 60? and what's the Apgar score actually measuring? asking for my nursing exam on {{evdate}}")
N('en', 'email', 'doc', None, "The Q3 budget review with the finance team moves to {{evdate}}, room {{err}}. Please bring the SKU forecast ({{sku}}.xlsx) and the lot reconciliation for {{lot}}.")
N('en', 'tabular', 'doc', None, "sku,lot,ndc,qty,exp\n{{sku}},{{lot}},{{ndc}},{{n}}0,{{evdate}}\n{{sku2}},{{lot2}},{{ndc2}},{{n2}}5,{{evdate2}}")
N('en', 'support_chat', 'hand', None, "can I put E10 petrol in a 2009 Corolla? the manual just says 95 RON. also the dash shows code {{err}} sometimes")
N('en', 'claims', 'doc', None, "Billing tip: a claim line with ICD-10 codes but no CPT code is rejected with reason CO-16. Check the payer guide ({{docurl}}) and resubmit under batch {{order}}. Eli Lilly and Johnson & Johnson rebates post separately.")
N('en', 'banking', 'doc', US, "Wire cut-off is 4 pm ET on business days. Fees: domestic $25, international $45. Rates change on {{evdate}}; see {{docurl}}. Never share your full card number in chat - we only ever show {{mask}}.")
N('en', 'logs', 'doc', None, "[{{tsiso}}] ERROR printer-queue job={{order}} code={{err}} firmware {{ver}} tray=A4 - paper jam in unit {{sku}}")

N('de', 'support_chat', 'hand', None, "Fehlercode {{err}} an der Waschmaschine ({{sku}}), was bedeutet das? Gekauft mit Bestellnummer {{order}}.")
N('de', 'pharmacy', 'doc', None, "Rückruf: {{drug}}, Ch.-B. {{lot}}, PZN {{pzn}}, verwendbar bis {{evdate}}. Bitte Bestände sperren. Vorgangsnummer {{order}}.")
N('de', 'clinical', 'doc', None, "Fallbeispiel für die Fortbildung: {{age}}-jährige Patientin mit {{dx1.n}} und {{dx2.n}}. Welche Therapie ist leitliniengerecht? Keine personenbezogenen Daten.")
N('de', 'email', 'doc', None, "Ärztlicher Bereitschaftsdienst: {{short}}. Die Praxis bleibt am {{evdate}} geschlossen; Rezeptbestellungen über die App (Version {{ver}}).")
N('de', 'logs', 'doc', None, "Version {{ver}} des KIS-Moduls wird am {{evdate}} ausgerollt; der ICD-10-GM-Katalog wird aktualisiert. Doku: {{docurl}}. Ticket {{ticket}}.")
N('de', 'email', 'doc', None, "Stau auf der A{{n}}{{n2}} zwischen den Anschlussstellen; Krankentransporte bitte über die B{{n3}}{{n}} umleiten. Lage wird am {{evdate}} neu bewertet.")
N('de', 'support_chat', 'hand', None, "kurze frage: ist Morbus Crohn oder Morbus Parkinson häufiger? und was misst der Apgar-Score? brauche das für die prüfung am {{evdate}}")
N('fr', 'support_chat', 'hand', None, "Mon lave-linge affiche l'erreur {{err}}, modèle {{sku}}. Que faire ? Commande {{order}}.")
N('fr', 'pharmacy', 'doc', None, "Rappel de lot : {{drug}}, lot {{lot}}, CIP {{cip}}, péremption {{evdate}}. Merci de mettre les stocks en quarantaine. Réf. {{order}}.")
N('fr', 'clinical', 'doc', None, "Cas clinique anonymisé : patient de {{age}} ans, {{dx1.n}}, se présente pour {{dx2.n}}. Quelle prise en charge de première intention ?")
N('fr', 'email', 'doc', None, "En cas d'urgence, composez le {{short}}. Le cabinet sera fermé le {{evdate}}. Facture {{inv}} disponible dans l'application {{ver}}.")
N('fr', 'logs', 'doc', None, "La version {{ver}} du logiciel de codage sera déployée le {{evdate}} ; la table CIM-10 est mise à jour. Documentation : {{docurl}}")
N('fr', 'support_chat', 'hand', None, "question : la maladie de Crohn, c'est héréditaire ? et le score d'Apgar sert à quoi ? j'ai un partiel le {{evdate}}")
N('es', 'support_chat', 'hand', None, "la lavadora marca el error {{err}} y no centrifuga, modelo {{sku}}. ¿qué significa? pedido {{order}}")
N('es', 'pharmacy', 'doc', None, "Alerta de retirada: {{drug}}, lote {{lot}}, caducidad {{evdate}}. Retiren las unidades afectadas. Ref. {{order}}.")
N('es', 'clinical', 'doc', None, "Caso clínico docente: varón de {{age}} años con {{dx1.n}} que consulta por {{dx2.n}}. ¿Cuál es el tratamiento de elección?")
N('es', 'email', 'doc', None, "Ante una urgencia llame al {{short}}. El centro cerrará el {{evdate}}. Su factura {{inv}} está disponible en la app ({{ver}}).")
N('es', 'logs', 'doc', None, "La versión {{ver}} del módulo de codificación se publica el {{evdate}}; se actualiza la tabla CIE-10. Documentación: {{docurl}}")
N('es', 'support_chat', 'hand', None, "pregunta rápida: ¿el Parkinson y el Alzheimer se codifican en el mismo capítulo? tengo examen el {{evdate}}")
N('it', 'support_chat', 'hand', None, "la lavastoviglie mostra l'errore {{err}}, modello {{sku}}. cosa significa? ordine {{order}}")
N('it', 'pharmacy', 'doc', None, "Ritiro lotto: {{drug}}, lotto {{lot}}, AIC {{pzn}}, scadenza {{evdate}}. Sospendere la dispensazione. Rif. {{order}}.")
N('it', 'clinical', 'doc', None, "Caso didattico: donna di {{age}} anni con {{dx1.n}} che si presenta per {{dx2.n}}. Quale terapia di prima linea?")
N('it', 'email', 'doc', None, "Per le emergenze chiamare il {{short}}. L'ambulatorio resterà chiuso il {{evdate}}. Fattura {{inv}} disponibile nell'app {{ver}}.")
N('it', 'logs', 'doc', None, "La versione {{ver}} del gestionale sarà rilasciata il {{evdate}}; aggiornata la tabella ICD-10. Documentazione: {{docurl}}")
N('it', 'support_chat', 'hand', None, "domanda veloce: il morbo di Crohn è ereditario? e il punteggio di Apgar a cosa serve? ho l'esame il {{evdate}}")
N('pt', 'support_chat', 'hand', None, "a máquina de lavar mostra o erro {{err}}, modelo {{sku}}. o que significa? encomenda {{order}}")
N('pt', 'pharmacy', 'doc', None, "Recolha de lote: {{drug}}, lote {{lot}}, validade {{evdate}}. Retirar do circuito. Ref. {{order}}.")
N('pt', 'clinical', 'doc', None, "Caso clínico para formação: doente de {{age}} anos com {{dx1.n}} que recorre por {{dx2.n}}. Qual a abordagem inicial?")
N('pt', 'email', 'doc', None, "Em caso de urgência ligue {{short}}. A clínica estará fechada a {{evdate}}. A fatura {{inv}} está disponível na app {{ver}}.")
N('pt', 'logs', 'doc', None, "A versão {{ver}} do sistema será publicada a {{evdate}}; a tabela CID-10 foi atualizada. Documentação: {{docurl}}")
N('pt', 'support_chat', 'hand', None, "pergunta rápida: a doença de Crohn é hereditária? e o índice de Apgar mede o quê? tenho prova a {{evdate}}")

N('en', 'pharmacy', 'doc', None, "Formulary update effective {{evdate}}: metformin (ATC A10BA02) stays tier 1; infliximab billed under HCPCS J1745; HbA1c panel LOINC 4548-4; CPT 99214 rates unchanged. Build {{ver}}.")
N('en', 'logs', 'doc', None, "unit test fixtures: invalid NHS number {{badnhs}} (check digit 10), invalid IBAN {{badiban}}, placeholder SSN 000-00-0000. All must be rejected by the validator ({{ver}}).")
N('de', 'pharmacy', 'doc', None, "Formularänderung ab {{evdate}}: Metformin (ATC A10BA02), Insulin glargin (ATC A10AE04). Artikel {{sku}}, PZN {{pzn}}, Charge {{lot}}.")
N('fr', 'email', 'doc', None, "Le siège de la société déménage le {{evdate}}. Le numéro de commande {{order}} reste valable ; la facture {{inv}} sera réémise. Erreur {{err}} corrigée dans la version {{ver}}.")
N('es', 'pharmacy', 'doc', None, "Actualización del formulario ({{evdate}}): metformina ATC A10BA02, código nacional {{pzn}}, lote {{lot}}. Versión del catálogo {{ver}}.")
N('it', 'email', 'doc', None, "Traffico: chiusa la A{{n}} tra i caselli, deviazione sulla SS{{n2}}{{n3}}. Riunione del personale spostata al {{evdate}}, sala {{err}}.")
N('pt', 'email', 'doc', None, "A reunião de equipa passa para {{evdate}}, sala {{err}}. Tragam o relatório de stock (SKU {{sku}}, lote {{lot}}) e a fatura {{inv}}.")

N('en', 'kyc', 'form', None, "NEW ACCOUNT FORM (blank template {{ver}})\nFull name: ______________\nDate of birth: __/__/____\nSSN: ___-__-____\nMember ID: [MEMBER_ID]\nICD-10 code(s): [CODE]\nReturn to the branch; do not e-mail this form.")
N('en', 'support_chat', 'hand', None, "the glucose meter shows E-5 then {{err}} and the strips from lot {{lot}} read 'HI'. ordered them with {{order}}. is that a known fault in firmware {{ver}}?")
N('de', 'kyc', 'form', None, "KONTOERÖFFNUNG (Muster, Stand {{evdate}})\nName: ______\nGeburtsdatum: TT.MM.JJJJ\nIBAN: DExx xxxx xxxx xxxx xxxx xx\nVersichertennummer: [KVNR]")
N('de', 'logs', 'doc', None, "Gerät meldet Fehler {{err}} nach dem Update auf Firmware {{ver}}; Seriennummern der betroffenen Charge {{lot}} sind in Ticket {{ticket}} gelistet.")
N('fr', 'pharmacy', 'doc', None, "Mise à jour du livret : metformine (ATC A10BA02), insuline glargine (ATC A10AE04), CIP {{cip}}, lot {{lot}}, applicable au {{evdate}}.")
N('fr', 'kyc', 'form', None, "FORMULAIRE D'OUVERTURE (modèle {{ver}})\nNom : ________\nDate de naissance : JJ/MM/AAAA\nIBAN : FR76 XXXX XXXX XXXX XXXX XXXX XXX\nNuméro d'adhérent : [NUMERO]")
N('es', 'logs', 'doc', None, "El glucómetro muestra el error {{err}} tras actualizar al firmware {{ver}}; los sensores del lote {{lot}} están afectados. Incidencia {{ticket}}.")
N('es', 'kyc', 'form', None, "SOLICITUD (plantilla {{ver}})\nNombre y apellidos: ________\nFecha de nacimiento: DD/MM/AAAA\nIBAN: ESxx xxxx xxxx xxxx xxxx xxxx\nNº de tarjeta sanitaria: [CIP]")
N('it', 'pharmacy', 'doc', None, "Aggiornamento prontuario dal {{evdate}}: metformina (ATC A10BA02), AIC {{pzn}}, lotto {{lot}}. Codice errore {{err}} risolto nella versione {{ver}}.")
N('it', 'kyc', 'form', None, "MODULO (fac-simile {{ver}})\nCognome e nome: ________\nData di nascita: GG/MM/AAAA\nIBAN: ITxx X xxxxx xxxxx xxxxxxxxxxxx\nN. polizza: [NUMERO]")
N('pt', 'pharmacy', 'doc', None, "Atualização do formulário a {{evdate}}: metformina (ATC A10BA02), lote {{lot}}, código {{pzn}}. O erro {{err}} foi corrigido na versão {{ver}}.")
N('pt', 'kyc', 'form', None, "FICHA (modelo {{ver}})\nNome completo: ________\nData de nascimento: DD/MM/AAAA\nIBAN: PT50 ____ ____ ____ ____ ____ _\nN.º de utente: [NUMERO]")


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
REJECTED = []
PLAN = {'en': 500, 'de': 100, 'fr': 100, 'es': 100, 'it': 100, 'pt': 100}


def build():
    recs, seen = [], set()
    for lang, total in PLAN.items():
        npos = round(total * 0.7)
        for positive, count in ((True, npos), (False, total - npos)):
            pool = [t for t in (POS if positive else NEG) if t['lang'] == lang]
            order = []
            while len(order) < count:
                batch = pool[:]
                R.shuffle(batch)
                order += batch
            for t in order[:count]:
                for _ in range(50):
                    rec = render(t, positive)
                    if rec['text'] in seen:
                        continue
                    try:
                        audit(rec)
                        break
                    except AssertionError as e:
                        REJECTED.append(str(e)[:160])
                else:
                    raise RuntimeError('cannot make a unique record: ' + t['text'][:40])
                seen.add(rec['text'])
                recs.append(rec)
    R.shuffle(recs)
    out = []
    for i, r in enumerate(recs, 1):
        out.append({'id': 'dev2-%04d' % i, 'lang': r['lang'], 'slice': r['slice'], 'text': r['text'], 'spans': r['spans']})
    return out


def main():
    recs = build()
    ids = {r['id'] for r in recs}
    assert len(ids) == len(recs) == 1000 and len({r['text'] for r in recs}) == 1000
    path = os.path.join(HERE, 'dev2.jsonl')
    with open(path, 'w', encoding='utf-8') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    from collections import Counter
    ent, ent_rec, langs, slices = Counter(), Counter(), Counter(), Counter()
    for r in recs:
        langs[(r['lang'], bool(r['spans']))] += 1
        slices[(r['slice'], bool(r['spans']))] += 1
        for e in {s['entity'] for s in r['spans']}:
            ent_rec[e] += 1
        for s in r['spans']:
            ent[s['entity']] += 1
    if '--stats' in sys.argv:
        for lang in PLAN:
            print('lang', lang, langs[(lang, True)], langs[(lang, False)])
        for sl in sorted({k[0] for k in slices}):
            print('slice', sl, slices[(sl, True)], slices[(sl, False)])
        for e, n in ent.most_common():
            print('entity', e, n, ent_rec[e])
        print('spans', sum(ent.values()), 'templates', len(POS), len(NEG), 'audit re-draws', len(REJECTED))
        for x in REJECTED:
            print('  re-drawn:', x)


if __name__ == '__main__':
    main()

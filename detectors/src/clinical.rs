//! Clinical context in English, German, French, Spanish, Italian and Dutch.
//!
//! Not an identifier and never a finding: a property of a text, that it
//! speaks of someone's health. Policies pair it with identifiers (HIPAA's
//! "identifiers in clinical context"): `context: [clinical]` in a rule. What
//! counts, as five [`Signal`]s:
//!
//! - **medication**: a dose (`500 mg`, `0.5mg`, `1 Tbl.`, `2 compresse`), a
//!   known drug or a drug-like name (`-pril`, `-sartan`, `-statin`...), a
//!   dosing frequency (`q4h`, `prn`, `b.i.d.`, `1-0-1`, `twice daily`,
//!   `zweimal täglich`, `cada 8 horas`, `2x per dag`);
//! - **vitals**: labelled values (`BP 120/80`, `HR 88 bpm`, `SpO2 94%`,
//!   `temp 38.5 °C`, `RR 18/min`, `GCS 14`, `BMI 31`), lab units (`mg/dL`);
//! - **symptoms** and findings: chest pain, shortness of breath, fever,
//!   Brustschmerz, douleur thoracique, dolor torácico, dolore toracico, pijn
//!   op de borst, `-itis`, `-schmerzen`, `-pijn`, conditions;
//! - **shorthand**: `c/o`, `h/o`, `s/p`, `r/o`, `f/u`, `NKDA`, `PMH`, `HTN`,
//!   `Z.n.`, `ATCD`...;
//! - **procedures**: MRI, CT scan, ECG/EKG, biopsy, colonoscopy, `-ectomy`,
//!   Röntgen, IRM, resonancia magnética, risonanza magnetica...
//!
//! Each term is strong (one is enough: `metformin`, `chest pain`, `500 mg`)
//! or weak (ambiguous alone: `pt`, `dx`, `bid`, `HR 88`, `2 tabs`,
//! `twice daily`): a weak term counts only beside another clinical term,
//! within [`WINDOW`] bytes (a weak dose or frequency, beside medication or
//! a strong term). The text is normalized as the detectors do, lower
//! cased and stripped of accents; one aho-corasick pass finds the words and
//! a few regular expressions (ASCII word boundaries, so their lazy DFAs stay
//! on) the values. Linear in the text.

use std::fmt;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};

use crate::normalize::Normalized;

/// Two weak terms (or a weak and a strong one) at most this many bytes apart
/// make clinical context together.
pub const WINDOW: usize = 100;

/// A kind of clinical content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Signal {
    Medication,
    Vitals,
    Symptoms,
    Shorthand,
    Procedures,
}

impl Signal {
    pub const ALL: [Signal; 5] = [
        Signal::Medication,
        Signal::Vitals,
        Signal::Symptoms,
        Signal::Shorthand,
        Signal::Procedures,
    ];

    /// The name a policy writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Medication => "medication",
            Signal::Vitals => "vitals",
            Signal::Symptoms => "symptoms",
            Signal::Shorthand => "shorthand",
            Signal::Procedures => "procedures",
        }
    }

    pub fn parse(name: &str) -> Option<Signal> {
        Signal::ALL.into_iter().find(|s| s.as_str() == name)
    }

    const fn bit(self) -> u8 {
        match self {
            Signal::Medication => 1,
            Signal::Vitals => 2,
            Signal::Symptoms => 4,
            Signal::Shorthand => 8,
            Signal::Procedures => 16,
        }
    }
}

impl fmt::Display for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of signals, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Signals(u8);

impl Signals {
    /// Every signal: what `clinical` names in a policy.
    pub const CLINICAL: Signals = Signals::of(&Signal::ALL);

    /// The names a policy may write: `clinical` (any signal) or one signal.
    pub const NAMES: [&'static str; 6] = [
        "clinical",
        "medication",
        "vitals",
        "symptoms",
        "shorthand",
        "procedures",
    ];

    pub const fn of(list: &[Signal]) -> Signals {
        let mut bits = 0;
        let mut i = 0;
        while i < list.len() {
            bits |= list[i].bit();
            i += 1;
        }
        Signals(bits)
    }

    /// `clinical` (every signal) or the name of one signal.
    pub fn parse(name: &str) -> Option<Signals> {
        if name == "clinical" {
            return Some(Signals::CLINICAL);
        }
        Signal::parse(name).map(|s| Signals::of(&[s]))
    }

    pub fn contains(self, s: Signal) -> bool {
        self.0 & s.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn intersects(self, other: Signals) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether every signal of `self` is in `other`.
    pub fn is_subset(self, other: Signals) -> bool {
        self.0 & !other.0 == 0
    }

    pub fn union(self, other: Signals) -> Signals {
        Signals(self.0 | other.0)
    }

    pub fn intersection(self, other: Signals) -> Signals {
        Signals(self.0 & other.0)
    }

    pub fn insert(&mut self, s: Signal) {
        self.0 |= s.bit();
    }

    pub fn iter(self) -> impl Iterator<Item = Signal> {
        Signal::ALL.into_iter().filter(move |s| self.contains(*s))
    }
}

impl fmt::Display for Signals {
    /// `medication, vitals`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(s.as_str())?;
        }
        Ok(())
    }
}

use Signal::{Medication as MED, Procedures as PROC, Shorthand as SHORT, Symptoms as SYMPT, Vitals as VIT};

/// How much one term says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    /// Enough alone.
    Strong,
    /// Clinical only beside another term.
    Weak,
    /// A drug name: strong, and matched with an inflection (metformine, metformina).
    Drug,
}

use Weight::{Drug as DRUG, Strong as STRONG, Weak as WEAK};

/// Words and phrases, `|`-separated, written folded (lower case, no accents).
const TERMS: &[(Signal, Weight, &str)] = &[
    // Dosing frequencies, routes and schemes that only prescriptions use.
    (MED, STRONG, "prn|p.r.n.|qhs|q.h.s.|qam|qpm|qod|q.o.d.|b.i.d.|t.i.d.|q.i.d.|q.d.|nocte|per os|i.v.|1-0-1|1-0-0|0-0-1|2-0-2|1-0-1-0|1/2-0-1/2|1-0-1/2|1/2-0-0|tabletten|gelule|gelules|comprimido|comprimidos|compresse"),
    (MED, WEAK, "bid|tid|qid|qd|od|bd|tds|qds|s.c.|s.l.|i.m.|1-1-1|1-1-1-1|0-1-0|bei bedarf|zur nacht|si besoin|si precisa|al bisogno|zo nodig|twice daily|once daily|three times daily|four times daily|twice a day|once a day|three times a day|four times a day|at bedtime|as needed|by mouth|with meals|zweimal taglich|einmal taglich|dreimal taglich|viermal taglich|morgens und abends|nuchtern|deux fois par jour|une fois par jour|trois fois par jour|quatre fois par jour|matin et soir|au coucher|a jeun|dos veces al dia|una vez al dia|tres veces al dia|cuatro veces al dia|al acostarse|en ayunas|due volte al giorno|una volta al giorno|tre volte al giorno|quattro volte al giorno|prima di dormire|a digiuno|tweemaal daags|eenmaal daags|driemaal daags|twee keer per dag|een keer per dag|drie keer per dag|voor het slapengaan|nuchter|prescribed|prescription|rezept|verordnung|verschrieben|ordonnance|prescrit|prescrite|receta|recetado|prescrito|ricetta|prescritto|prescritta|recept|voorgeschreven|tablet|tablets|tabs|pill|pills|capsule|capsules|tablette|medikament|medikamente|medicament|medicaments|medicamento|medicamentos|farmaco|farmaci|medicijn|medicijnen|dose|dosis|dosage|dosering|posologie|posologia|comprime|comprimes|compressa|capsula|capsulas|kapsel|kapseln|tropfen|gouttes|gotas|gocce|druppels|inhaler|inhalateur|inhalador|inalatore|puffer|mg|ass|daily|nightly|qday|par jour|per day|pro tag|al giorno|al dia|per dag|segun pauta|volgens schema|nach schema|selon schema"),
    (MED, DRUG, "metformin|insulin|lisinopril|enalapril|ramipril|perindopril|amlodipin|nifedipin|losartan|valsartan|candesartan|irbesartan|olmesartan|telmisartan|hydrochlorothiazid|chlorthalidon|furosemid|torasemid|spironolacton|eplerenon|bisoprolol|metoprolol|atenolol|carvedilol|propranolol|nebivolol|atorvastatin|simvastatin|rosuvastatin|pravastatin|ezetimib|aspirin|acetylsalicylsaure|clopidogrel|ticagrelor|prasugrel|warfarin|phenprocoumon|marcumar|apixaban|rivaroxaban|dabigatran|edoxaban|heparin|enoxaparin|digoxin|amiodaron|nitroglycerin|levothyroxin|l-thyroxin|euthyrox|prednison|prednisolon|methylprednisolon|dexamethason|hydrocortison|cortison|omeprazol|pantoprazol|esomeprazol|lansoprazol|ranitidin|famotidin|metoclopramid|ondansetron|paracetamol|acetaminophen|tylenol|ibuprofen|advil|motrin|naproxen|diclofenac|voltaren|metamizol|novalgin|tramadol|tilidin|morphin|morfina|oxycodon|hydromorphon|fentanyl|codein|codeina|buprenorphin|methadon|naloxon|gabapentin|pregabalin|amitriptylin|sertralin|fluoxetin|citalopram|escitalopram|paroxetin|venlafaxin|duloxetin|mirtazapin|bupropion|trazodon|quetiapin|olanzapin|risperidon|aripiprazol|haloperidol|clozapin|lorazepam|diazepam|alprazolam|clonazepam|midazolam|zolpidem|zopiclon|levetiracetam|lamotrigin|valproat|carbamazepin|phenytoin|topiramat|amoxicillin|amoxicilin|amoxicillina|amoxiclav|augmentin|penicillin|penicilin|azithromycin|azitromicina|clarithromycin|claritromicina|doxycyclin|ciprofloxacin|levofloxacin|cefuroxim|ceftriaxon|cefalexin|cephalexin|clindamycin|metronidazol|vancomycin|trimethoprim|cotrimoxazol|nitrofurantoin|fosfomycin|fluconazol|aciclovir|acyclovir|valaciclovir|oseltamivir|tamiflu|salbutamol|albuterol|ventolin|budesonid|fluticason|formoterol|salmeterol|tiotropium|montelukast|cetirizin|loratadin|allopurinol|febuxostat|colchicin|methotrexat|hydroxychloroquin|sitagliptin|januvia|empagliflozin|dapagliflozin|jardiance|liraglutid|semaglutid|ozempic|wegovy|dulaglutid|trulicity|glimepirid|gliclazid|glibenclamid|lantus|humalog|novorapid|levemir|tamsulosin|finasterid|sildenafil|tadalafil|alendronat|estradiol|levonorgestrel|eliquis|xarelto|lipitor|crestor|synthroid|zoloft|prozac|xanax|valium|nexium|plavix|coumadin|lasix|keppra|lyrica|seroquel|abilify|risperdal|zyprexa|wellbutrin|cymbalta|effexor|lexapro|celexa|ativan|klonopin|ambien|suboxone|oxycontin|percocet|vicodin|dilaudid|epinephrin|adrenalin|epipen|ketamin|propofol|lidocain|cisplatin|carboplatin|paclitaxel|docetaxel|tamoxifen|letrozol|anastrozol|trastuzumab|pembrolizumab|nivolumab|rituximab|adalimumab|humira|infliximab|etanercept|enbrel"),
    // Vital signs by name.
    (VIT, STRONG, "vital signs|spo2|sao2|o2 sat|o2 sats|pulse ox|pulse oximetry|oxygen saturation|heart rate|respiratory rate|blood pressure|glasgow coma scale|afebrile|febrile|afebril|apyretique|apiretico|apiretica|vitalparameter|vitalzeichen|blutdruck|herzfrequenz|sauerstoffsattigung|atemfrequenz|signes vitaux|constantes vitales|tension arterielle|frequence cardiaque|frequence respiratoire|saturation en oxygene|signos vitales|presion arterial|frecuencia cardiaca|frecuencia respiratoria|saturacion de oxigeno|parametri vitali|pressione arteriosa|frequenza cardiaca|frequenza respiratoria|vitale functies|vitale parameters|bloeddruk|hartslag|hartfrequentie|ademhalingsfrequentie|zuurstofsaturatie|mmhg"),
    (VIT, WEAK, "vitals|bp|hr|rr|gcs|bpm|pulse|puls|pouls|pulso|polso|pols|bmi|saturation|saturazione|saturatie|saturacion"),
    // Symptoms, findings and conditions.
    (SYMPT, STRONG, "chest pain|chest pains|chest tightness|shortness of breath|short of breath|dyspnea|dyspnoea|fever|fevers|feverish|nausea|nauseous|vomiting|diarrhea|diarrhoea|headache|headaches|migraine|dizziness|dizzy|vertigo|syncope|fainting|palpitations|cough|coughing|wheezing|abdominal pain|back pain|low back pain|neck pain|joint pain|knee pain|flank pain|epigastric pain|pelvic pain|sore throat|chills|night sweats|numbness|tingling|edema|oedema|swollen ankles|tachycardia|bradycardia|hypotension|hypertension|arrhythmia|atrial fibrillation|afib|a-fib|heart failure|myocardial infarction|heart attack|angina|pneumonia|sepsis|diabetes|diabetic|hyperglycemia|hypoglycemia|asthma|copd|anemia|anaemia|jaundice|hematuria|dysuria|insomnia|lesion|laceration|sprain|hemorrhage|haemorrhage|blood in stool|melena|tumor|tumour|carcinoma|metastases|metastatic|malignancy|lymphoma|leukemia|dementia|alzheimer|parkinson|schizophrenia|bipolar disorder|suicidal|overdose|allergic reaction|anaphylaxis|reports pain|denies pain|brustschmerz|brustschmerzen|thoraxschmerz|thoraxschmerzen|atemnot|luftnot|kurzatmigkeit|dyspnoe|fieber|ubelkeit|erbrechen|durchfall|husten|auswurf|odem|odeme|schuttelfrost|taubheit|krampfanfall|herzrasen|herzinfarkt|schlaganfall|lungenentzundung|pneumonie|blutung|bluthochdruck|hypertonie|vorhofflimmern|herzinsuffizienz|zuckerkrankheit|karzinom|metastasen|douleur thoracique|douleurs thoraciques|douleur abdominale|douleurs abdominales|douleur lombaire|mal de dos|mal de tete|maux de tete|mal de gorge|essoufflement|dyspnee|fievre|nausee|nausees|vomissement|vomissements|diarrhee|cephalee|cephalees|vertiges|toux|eruption cutanee|oedeme|convulsions|infarctus|avc|accident vasculaire cerebral|pneumopathie|saignement|hemorragie|hypertension arterielle|fibrillation auriculaire|insuffisance cardiaque|diabete|cancer du|dolor toracico|dolor en el pecho|dolor de pecho|dolor abdominal|dolor lumbar|dolor de espalda|dolor de cabeza|dolor de garganta|disnea|falta de aire|dificultad respiratoria|fiebre|nauseas|vomitos|diarrea|cefalea|mareo|mareos|erupcion cutanea|escalofrios|convulsiones|palpitaciones|infarto|ictus|neumonia|sangrado|hemorragia|hipertension|fibrilacion auricular|insuficiencia cardiaca|refiere dolor|dolore toracico|dolore al petto|dolore addominale|dolore lombare|mal di schiena|mal di testa|mal di gola|dispnea|mancanza di respiro|febbre|vomito|vertigini|capogiri|tosse|eruzione cutanea|palpitazioni|polmonite|sanguinamento|emorragia|ipertensione|fibrillazione atriale|scompenso cardiaco|diabete|lamenta dolore|pijn op de borst|kortademigheid|benauwdheid|dyspneu|koorts|misselijkheid|misselijk|diarree|hoofdpijn|duizeligheid|duizelig|hoest|huiduitslag|oedeem|koude rillingen|hartkloppingen|hartinfarct|beroerte|longontsteking|bloeding|hoge bloeddruk|hypertensie|boezemfibrilleren|hartfalen|suikerziekte"),
    (SYMPT, WEAK, "pain|pains|painful|ache|sore|rash|stroke|seizure|seizures|fracture|fractured|bleeding|depression|depressed|anxiety|fatigue|weakness|swelling|infection|cancer|presents with|presented with|presenting with|complains of|complaining of|complained of|schmerz|schmerzen|krebs|schwindel|ausschlag|klagt uber|stellt sich vor mit|douleur|douleurs|frissons|se plaint de|consulte pour|dolor|dolores|acude por|cansancio|dolore|dolori|stanchezza|brividi|lamenta|pijn|vermoeidheid|overgeven|klaagt over|tos|braken|affanno|vomit"),
    // Clinical shorthand.
    (SHORT, STRONG, "h/o|s/p|r/o|f/u|w/u|n/v|n/v/d|nkda|nkfa|pmh|pmhx|hpi|ddx|y/o|y.o.|yo male|yo female|year-old male|year-old female|a&o|a&ox3|aox3|wnl|npo|htn|dm2|t2dm|t1dm|cabg|stemi|nstemi|ckd|esrd|uti|dvt|cva|hx of|sx of|dx of|z.n.|v.a.|o.b.|atcd|atcds|anamnese|anamnesi|anamnesis"),
    (SHORT, WEAK, "c/o|sob|cad|chf|gerd|pt|pts|pt.|dx|rx|tx|sx|hx|bx|fx|cp|abd|pat.|pz.|pte.|ttt|nad|tia|acs|nka|antecedents|antecedentes"),
    // Procedures and examinations.
    (PROC, STRONG, "mri|mri scan|ct scan|ct-scan|cat scan|pet scan|pet-ct|chest x-ray|radiograph|sonogram|echocardiogram|echocardiography|ecg|ekg|eeg|emg|biopsy|biopsies|mammogram|mammography|pap smear|blood test|blood tests|blood work|bloodwork|lab work|urinalysis|complete blood count|lumbar puncture|spinal tap|angiography|angiogram|angioplasty|catheterization|cardiac cath|stent placement|bypass surgery|dialysis|hemodialysis|chemotherapy|chemo|radiotherapy|radiation therapy|intubation|intubated|transfusion|sutures|sutured|tracheostomy|tracheotomy|surgery|kernspin|kernspintomographie|magnetresonanztomographie|computertomographie|rontgen|rontgenaufnahme|rontgenbild|sonographie|sonografie|echokardiographie|herzecho|biopsie|darmspiegelung|magenspiegelung|blutabnahme|blutbild|laborwerte|herzkatheter|dialyse|chemotherapie|bestrahlung|strahlentherapie|blinddarmoperation|irm|tomodensitometrie|radiographie|echographie|electrocardiogramme|prise de sang|bilan sanguin|analyses de sang|coronarographie|chimiotherapie|radiotherapie|resonancia magnetica|tomografia|radiografia|ecografia|electrocardiograma|biopsia|analisis de sangre|hemograma|cateterismo|dialisis|quimioterapia|risonanza magnetica|elettrocardiogramma|esami del sangue|esame del sangue|emocromo|prelievo di sangue|coronarografia|dialisi|chemioterapia|radioterapia|mri-scan|rontgenfoto|echografie|hartfilmpje|darmonderzoek|bloedonderzoek|bloedafname|bloedprik|hartkatheterisatie|chemokuur|bestraling|intervento chirurgico"),
    // Well-child and immunisation visits: clinical by themselves.
    (PROC, STRONG, "well-child visit|well child visit|well-baby visit|immunisations|immunizations|immunisations up to date|immunizations up to date|vaccinations up to date|impfstatus|u-untersuchung|carnet de vaccination|calendario vacunal|calendario vaccinale|vaccinatieschema"),
    // Specialties, care paid by a health plan, dental care: clinical beside another term.
    (PROC, WEAK, "gastroenterology|gastroenterologie|gastroenterologia|gastroenterologia|endocrinology|endokrinologie|endocrinologie|endocrinologia|dermatology|dermatologie|dermatologia|cardiology|kardiologie|cardiologie|cardiologia|neurology|neurologie|neurologia|oncology|onkologie|oncologie|oncologia|rheumatology|rheumatologie|rhumatologie|reumatologia|pulmonology|pneumologie|neumologia|pneumologia|urology|urologie|urologia|nephrology|nephrologie|nefrologia|orthopaedics|orthopedics|orthopadie|orthopedie|ortopedia|traumatologia|psychiatry|psychiatrie|psiquiatria|psichiatria|pediatrics|paediatrics|padiatrie|pediatrie|pediatria|gynaecology|gynecology|gynakologie|gynecologie|ginecologia|ophthalmology|augenheilkunde|ophtalmologie|oftalmologia|ent|hno|orl|otorrinolaringologia|otorinolaringoiatria|esenzione|ticket sanitario|date of service|dates of service|date des soins|fecha de atencion|data della prestazione|behandeldatum|behandlungsdatum|dds|dmd|dentist|dental|dentaire|dentista|zahnarzt|zahnarztliche|tandarts|mutuelle|cpam|assurance maladie|feuille de soins|hsa|fsa|health savings account|flexible spending account"),
    (PROC, WEAK, "ct|mrt|tac|rmn|tdm|cbc|echo|x-ray|xray|x-rays|ultrasound|ultraschall|resonancia|risonanza|prelievo|analitica|labs|lab|vaccination|impfung|vaccin|vacuna|vaccino|operation|operated|operatie|geopereerd|operiert|opere|operee|operado|operada|operato|operata|cirugia|chirurgie"),
];

/// Regular expressions over the folded text: (signal, weight, pattern, the
/// term whose evidence it repeats).
/// `(?-u:\b)` is an ASCII word boundary.
const PATTERNS: &[(Signal, Weight, &str, Option<&str>)] = &[
    // A dose with a unit only medicine uses: 500 mg, 0.5mg, 1 Tbl., 2 compresse, 10 IE, 4 mg/kg.
    (
        MED,
        STRONG,
        r"(?-u:\b)[0-9]+(?:[.,][0-9]+)?(?:\s*-\s*[0-9]+(?:[.,][0-9]+)?)?\s*(?:mg|mcg|μg|ug|ng|iu|ui|u\.i\.|ie|meq|mmol|gtt|gtts|tbl|tabl|tabletten|kps|comprime|comprimes|gelule|gelules|comprimido|comprimidos|compressa|compresse|cpr|cp|gocce|gotas|gouttes|tropfen|druppels|zapfchen|suppositoire|suppositoires|supositorio|supposta|zetpil|fiala|fiale|ampolla|ampollas|bustina|bustine)(?:/(?:kg|m2|d|day|dia|die|j|jour|tag|dag|h|dosis|dose))?(?-u:\b)",
        None,
    ),
    // A count or volume that may be a dose: 2 tabs, 10 ml, 8 units.
    (
        MED,
        WEAK,
        r"(?-u:\b)[0-9]+(?:[.,][0-9]+)?\s*(?:ml|cc|tab|tabs|tablet|tablets|tablette|cap|caps|capsule|capsules|capsula|capsulas|kapsel|kapseln|pill|pills|drops|puff|puffs|hub|hube|unit|units|einheiten|unites|unidades|unita|eenheden|sachet|sachets|ampoule|ampoules)(?-u:\b)",
        Some("tabs"),
    ),
    // Every N hours: q4h, q 6 h, every 8 hours, alle 8 Stunden, toutes les 6 heures, cada 8 horas, ogni 8 ore, elke 8 uur, c/8h.
    (MED, STRONG, r"(?-u:\b)q[0-9]{1,2}(?:h|hr|hrs)(?-u:\b)", None),
    // The Dutch scheme: 1dd1, 3 dd 1 tablet, 2 d.d. 2.
    (MED, STRONG, r"(?-u:\b)[1-6]\s?(?:dd|d\.d\.)\s?[0-9]", None),
    (
        MED,
        WEAK,
        r"(?-u:\b)(?:every|alle|toutes les|cada|ogni|elke|om de)\s+[0-9]{1,2}\s*(?:hours|hrs|h|stunden|std|heures|horas|ore|uur)(?-u:\b)|(?-u:\b)c/\s?[0-9]{1,2}\s?h(?-u:\b)",
        None,
    ),
    // Times a day: 2x daily, 3 x täglich, 2x/d, 2x per dag, 2 fois/jour, 3 veces/dia.
    (
        MED,
        WEAK,
        r"(?-u:\b)[1-6]\s?(?:x|mal|fois|veces|volte|keer)\s?(?:/\s?|per\s|al\s|a\s|par\s|am\s)?(?:daily|a day|day|d|taglich|tgl|tag|jour|j|dia|giorno|die|dag|daags)(?-u:\b)",
        None,
    ),
    // Drug-like names by their INN stems: -pril, -sartan, -olol, -statin, -prazole...
    (
        MED,
        STRONG,
        r"(?-u:\b)[a-z]{3,}(?:pril|sartan|olol|statin|statine|statina|prazol|prazole|prazolo|cillin|cilline|cilina|cillina|mycin|mycine|micin|micina|floxacin|floxacine|floxacino|floxacina|gliptin|gliptine|gliptina|gliflozin|gliflozine|gliflozina|dipin|dipine|dipino|dipina|parin|parine|parina|xaban|triptan|setron|azepam|zolam|profen|profene|profeno|oxetin|oxetine|oxetina|lukast|thiazid|thiazide|tiazida|tiazide|semid|semide|semida|conazol|conazole|conazolo|tinib|zumab|ximab|mumab|ciclovir|cyclovir|navir)(?-u:\b)",
        None,
    ),
    // Blood pressure: BP 120/80, RR 130/85 mmHg, PA 135/90, and the French TA 14/8 (cmHg).
    (
        VIT,
        STRONG,
        r"(?-u:\b)(?:bp|b/p|rr|ta|pa|blood pressure|blutdruck|tension|tension arterielle|presion|presion arterial|pressione|pressione arteriosa|bloeddruk|tensie)\s*(?:[:=]|of|was|is|von|de|di|van)?\s*[0-9]{2,3}\s*/\s*[0-9]{2,3}(?-u:\b)|(?-u:\b)(?:ta|tension arterielle)\s*:?\s*1[0-9]\s*/\s*[4-9](?-u:\b)",
        None,
    ),
    // Heart rate, saturation, GCS, BMI, respiratory rate, with their values.
    (
        VIT,
        STRONG,
        r"(?-u:\b)(?:hr|pulse|puls|hf|fc|pouls|pulso|polso|pols|heart rate|herzfrequenz|hartslag)\s*(?:[:=]|of|was|is|von|de|di|van)?\s*[0-9]{2,3}\s*(?:bpm|/\s?min|spm|lpm|schlage|battiti)(?-u:\b)|(?-u:\b)(?:spo2|sao2|sato2|sat o2|sats|o2 sat|o2 sats|o2-sat|sattigung|sauerstoffsattigung)\s*(?:[:=]|of|was|is|von|de|di|van)?\s*[0-9]{2,3}\s*%|(?-u:\b)gcs\s*(?:[:=]|of|was|is|von|de|di|van)?\s*(?:[3-9]|1[0-5])(?-u:\b)|(?-u:\b)bmi\s*(?:[:=]|of|was|is|von|de|di|van)?\s*[1-6][0-9](?:[.,][0-9])?(?-u:\b)|(?-u:\b)(?:rr|resp|respiratory rate|af|atemfrequenz|fr|frequence respiratoire|frecuencia respiratoria|frequenza respiratoria|ademhalingsfrequentie)\s*(?:[:=]|of|was|is|von|de|di|van)?\s*[0-9]{1,2}\s*(?:/\s?min|breaths|atemzuge)(?-u:\b)",
        None,
    ),
    // Temperature with its label, in the body's range: temp 38.5 °C, Temperatur 39,2, T° 101.3 F.
    (
        VIT,
        STRONG,
        r"(?:(?-u:\b)(?:temp|temperature|temperatur|korpertemperatur|temperatura|temperatuur|fever|fieber|fievre|fiebre|febbre|koorts)|(?-u:\b)t\s?°)\s*(?:[:=]|of|was|is|von|de|di|van|a)?\s*(?:3[4-9]|4[0-3]|9[5-9]|10[0-9])(?:[.,][0-9]{1,2}|\s*(?:°|grad|degrees|degres|grados|gradi|graden|[cf](?-u:\b)))",
        None,
    ),
    // A temperature or heart rate without a label: 38.5 °C, HR 88.
    (
        VIT,
        WEAK,
        r"(?-u:\b)(?:3[4-9]|4[0-3])[.,][0-9]\s*°\s*c|(?-u:\b)(?:9[5-9]|10[0-7])[.,][0-9]\s*°\s*f|(?-u:\b)(?:hr|hf|fc|rr|fr|af)\s*[:=]?\s*[0-9]{2,3}(?-u:\b)",
        None,
    ),
    // Lab values: 180 mg/dL, 7.2 mmol/L, 13.5 g/dl, HbA1c 7.1%.
    (
        VIT,
        STRONG,
        r"(?-u:\b)[0-9]+(?:[.,][0-9]+)?\s*(?:mg/dl|mmol/l|g/dl|mg/l|μmol/l|umol/l|meq/l|iu/l|u/l|mmol/mol)(?-u:\b)|(?-u:\b)(?:hba1c|a1c|hb a1c)\s*(?:[:=]|of|was|is|von|de|di|van)?\s*[0-9]{1,2}(?:[.,][0-9])?\s*%",
        None,
    ),
    // Inflammations, German and Dutch pain compounds.
    (
        SYMPT,
        STRONG,
        r"(?-u:\b)[a-z]{3,}itis(?-u:\b)|(?-u:\b)[a-z]{2,}schmerz(?:en)?(?-u:\b)|(?-u:\b)[a-z]{2,}pijn(?:en)?(?-u:\b)",
        None,
    ),
    // Surgical removals and endoscopies: appendectomy, Appendektomie, cholécystectomie, colonoscopy, Koloskopie.
    (
        PROC,
        STRONG,
        r"(?-u:\b)[a-z]{3,}(?:ectomy|ectomies|ektomie|ectomie|ectomia)(?-u:\b)|(?-u:\b)(?:colono|colon|kolo|kolono|colo|endo|gastro|broncho|bronco|bronko|cysto|zysto|cisto|laparo|arthro|artro|colpo|kolpo|sigmoido|rekto|recto|oesophago|esofago|hystero|isteros|thoraco)(?:scopy|scopies|skopie|scopie|scopia)(?-u:\b)",
        None,
    ),
];

/// Words that are one piece of evidence however many of them a text holds:
/// two of them are not two weak terms (`tx`/`rx` in networking, `2 caps and
/// 3 tabs` in an order).
const SAME_EVIDENCE: &[&str] = &[
    "tx|rx",
    "pt|pt.|pts|pat.",
    "hr|bpm|pulse",
    "x-ray|xray|x-rays",
    "tabs|tablet|tablets|tablette|capsule|capsules|capsula|capsulas|kapsel|kapseln|pill|pills|puffer|mg|dose|dosis|dosage",
];

/// Endings a drug name may take in the six languages (metformine, metformina, amlodipino).
const DRUG_TAILS: &[&str] = &["e", "a", "o", "um", "s", "es", "e-ratiopharm"];

#[derive(Debug, Clone, Copy)]
struct Term {
    signal: Signal,
    weight: Weight,
    /// Its evidence id: see [`SAME_EVIDENCE`].
    group: usize,
}

struct Pattern {
    signal: Signal,
    weight: Weight,
    re: Regex,
    group: usize,
}

/// The clinical vocabulary could not be compiled.
#[derive(Debug, Clone, thiserror::Error)]
#[error("clinical vocabulary: {0}")]
pub struct ClinicalError(String);

/// The clinical vocabulary and patterns, built once.
pub struct Clinical {
    terms: AhoCorasick,
    info: Vec<Term>,
    patterns: Vec<Pattern>,
}

impl fmt::Debug for Clinical {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Clinical")
            .field("terms", &self.info.len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

/// One clinical term or value found.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    signal: Signal,
    /// Which term or pattern: two hits of one id are one piece of evidence.
    id: usize,
}

impl Clinical {
    /// Builds the vocabulary and patterns.
    pub fn new() -> Result<Clinical, ClinicalError> {
        let mut words: Vec<(String, Term)> = Vec::new();
        for (signal, weight, list) in TERMS {
            for w in list.split('|') {
                let w = fold(w.trim());
                if w.is_empty() {
                    continue;
                }
                words.push((
                    w,
                    Term {
                        signal: *signal,
                        weight: *weight,
                        group: 0,
                    },
                ));
            }
        }
        // A word listed twice keeps its first (stronger, earlier) meaning.
        let mut seen = std::collections::HashSet::new();
        words.retain(|(w, _)| seen.insert(w.clone()));
        let index = |w: &str| words.iter().position(|(x, _)| x == w);
        // Evidence ids: a word's own index, or the first word of its SAME_EVIDENCE set.
        let mut groups: Vec<usize> = (0..words.len()).collect();
        for set in SAME_EVIDENCE {
            let mut first = None;
            for w in set.split('|') {
                let Some(i) = index(w) else {
                    return Err(ClinicalError(format!("`{w}` of an evidence set is not a term")));
                };
                let g = *first.get_or_insert(i);
                groups[i] = g;
            }
        }
        let terms = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(words.iter().map(|(w, _)| w.as_bytes()))
            .map_err(|e| ClinicalError(e.to_string()))?;
        let mut patterns = Vec::with_capacity(PATTERNS.len());
        for (i, (signal, weight, src, same)) in PATTERNS.iter().enumerate() {
            let re = RegexBuilder::new(src)
                .size_limit(1 << 24)
                .dfa_size_limit(1 << 24)
                .build()
                .map_err(|e| ClinicalError(e.to_string()))?;
            let group = match same {
                Some(w) => index(w)
                    .map(|t| groups[t])
                    .ok_or_else(|| ClinicalError(format!("`{w}` of a pattern is not a term")))?,
                None => words.len() + i,
            };
            patterns.push(Pattern {
                signal: *signal,
                weight: *weight,
                re,
                group,
            });
        }
        let info = words
            .into_iter()
            .zip(groups)
            .map(|((_, t), group)| Term { group, ..t })
            .collect();
        Ok(Clinical { terms, info, patterns })
    }

    /// The vocabulary, built on first use and shared by every caller.
    pub fn shared() -> Result<&'static Clinical, ClinicalError> {
        static SHARED: OnceLock<Result<Clinical, ClinicalError>> = OnceLock::new();
        SHARED.get_or_init(Clinical::new).as_ref().map_err(Clone::clone)
    }

    /// The clinical signals of `text`: empty when it has no clinical context.
    pub fn scan(&self, text: &str) -> Signals {
        if text.is_empty() {
            return Signals::default();
        }
        let norm = Normalized::new(text);
        self.scan_folded(&fold(norm.text()))
    }

    /// The clinical signals of several texts (the parts of one request).
    pub fn scan_all(&self, texts: &[&str]) -> Signals {
        texts.iter().fold(Signals::default(), |acc, t| acc.union(self.scan(t)))
    }

    fn scan_folded(&self, t: &str) -> Signals {
        let b = t.as_bytes();
        let mut found = Signals::default();
        let mut weak: Vec<Hit> = Vec::new();
        let mut strong: Vec<Hit> = Vec::new();
        for m in self.terms.find_overlapping_iter(t) {
            let Some(term) = self.info.get(m.pattern().as_usize()) else {
                continue;
            };
            let (s, mut e) = (m.start(), m.end());
            if s > 0 && is_word(b[s - 1]) && is_word(b[s]) {
                continue;
            }
            if term.weight == Weight::Drug {
                e = inflected_end(t, e);
            }
            if e < b.len() && e > 0 && is_word(b[e]) && is_word(b[e - 1]) {
                continue;
            }
            let hit = Hit {
                start: s,
                end: e,
                signal: term.signal,
                id: term.group,
            };
            if term.weight != Weight::Weak {
                found.insert(term.signal);
                strong.push(hit);
            } else {
                weak.push(hit);
            }
        }
        for p in &self.patterns {
            for m in p.re.find_iter(t) {
                let hit = Hit {
                    start: m.start(),
                    end: m.end(),
                    signal: p.signal,
                    id: p.group,
                };
                if p.weight != Weight::Weak {
                    found.insert(p.signal);
                    strong.push(hit);
                } else {
                    weak.push(hit);
                }
            }
        }
        if weak.is_empty() {
            return found;
        }
        // A weak hit counts beside another piece of evidence: a weak hit of
        // another term, or a strong hit, within WINDOW bytes.
        let mut all: Vec<(Hit, bool)> = weak.iter().map(|h| (*h, false)).collect();
        all.extend(strong.iter().map(|h| (*h, true)));
        all.sort_by_key(|(h, _)| (h.start, h.end));
        for i in 0..all.len() {
            let (a, a_strong) = all[i];
            for (c, c_strong) in &all[i + 1..] {
                if c.start > a.end + WINDOW {
                    break;
                }
                // Apart (not one phrase seen twice), of two terms, one of them
                // weak; a weak dose or frequency (`2 tabs`, `bid`) goes with
                // medication or a strong term only (`bid` beside `HR` is an auction).
                let med_alone = |h: &Hit, strong: bool| !strong && h.signal == MED;
                let mixed = a.signal != c.signal && (med_alone(&a, a_strong) || med_alone(c, *c_strong));
                if c.start >= a.end && c.id != a.id && !(a_strong && *c_strong) && !mixed {
                    found.insert(a.signal);
                    found.insert(c.signal);
                }
            }
        }
        found
    }
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// Where a drug name ends, with one of its inflections.
fn inflected_end(t: &str, end: usize) -> usize {
    let rest = &t[end..];
    let run = rest.bytes().take_while(|c| is_word(*c) || *c == b'-').count();
    let tail = &rest[..run];
    if DRUG_TAILS.contains(&tail) {
        end + run
    } else {
        end
    }
}

/// Lower case, accents stripped: what the vocabulary is written in (and what an e-mail address spells a name in).
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            match strip_accent(l) {
                Some(r) => out.push_str(r),
                None => out.push(l),
            }
        }
    }
    out
}

fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'ç' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'œ' => "oe",
        'æ' => "ae",
        'µ' => "μ",
        '’' | '‘' => "'",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Signals {
        Clinical::shared().unwrap().scan(text)
    }

    fn has(text: &str, s: Signal) -> bool {
        scan(text).contains(s)
    }

    #[test]
    fn names_round_trip() {
        for s in Signal::ALL {
            assert_eq!(Signal::parse(s.as_str()), Some(s));
            assert_eq!(Signals::parse(s.as_str()), Some(Signals::of(&[s])));
        }
        assert_eq!(Signals::parse("clinical"), Some(Signals::CLINICAL));
        assert_eq!(Signals::parse("nope"), None);
        assert_eq!(
            Signals::CLINICAL.to_string(),
            "medication, vitals, symptoms, shorthand, procedures"
        );
        assert_eq!(
            Signals::of(&[Signal::Vitals, Signal::Medication]).to_string(),
            "medication, vitals"
        );
        assert!(Signals::of(&[Signal::Vitals]).is_subset(Signals::CLINICAL));
        assert!(!Signals::CLINICAL.is_subset(Signals::of(&[Signal::Vitals])));
    }

    #[test]
    fn prescriptions_in_six_languages() {
        for text in [
            "Maria Garcia, DOB 03/04/1961, started metformin 500mg bid.",
            "John Smith 1961-03-04: lisinopril 10 mg qd",
            "Take 0.5mg at night.",
            "Give 10 ml q4h.",
            "Amoxicillin 2 tabs three times a day",
            "Hans Müller, geb. 12.03.1958: Ramipril 5 mg 1-0-1",
            "Herr Becker nimmt Metformin zweimal täglich.",
            "Ibuprofen 1 Tbl. bei Bedarf",
            "Mme Dubois : metformine 850 mg deux fois par jour",
            "Paracétamol 1 comprimé toutes les 6 heures",
            "Sra. López: ibuprofeno 600 mg cada 8 horas",
            "Omeprazol 20 mg una vez al día",
            "Sig. Rossi: 1 compressa due volte al giorno",
            "Paziente in terapia con ramipril 2,5 mg",
            "Mevrouw de Vries: metoprolol 50 mg 2x per dag",
            "Paracetamol 500 mg, 2 tabletten zo nodig",
            "atorvastatine 40 mg",
            "Lantus 20 IE zur Nacht",
            "Xarelto 20 mg once daily",
            "Prednisolon 5 mg 1-0-0",
            "Ascal 80 mg 1dd1",
            "ASS 100 1x täglich",
            "Doliprane 1 g toutes les 6 heures si besoin",
            "1 sachet par jour",
            "3 dd 1 tablet",
        ] {
            assert!(has(text, Signal::Medication), "{text}: {:?}", scan(text));
        }
    }

    #[test]
    fn vitals_with_values() {
        for text in [
            "BP 120/80, HR 88, SpO2 94%",
            "RR 130/85 mmHg",
            "temp 38.5 °C",
            "Temperatur 39,2 °C",
            "T° 101.3 F, fever",
            "GCS 14",
            "pulse 110 bpm",
            "respiratory rate 22/min",
            "Sättigung 91 %",
            "tension artérielle 150/90",
            "presión arterial 140/90",
            "pressione arteriosa 130/80",
            "bloeddruk 145/95",
            "glucose 180 mg/dL",
            "HbA1c 7.8%",
            "BMI 32.4",
        ] {
            assert!(has(text, Signal::Vitals), "{text}: {:?}", scan(text));
        }
    }

    #[test]
    fn symptoms_in_six_languages() {
        for text in [
            "presents with chest pain and shortness of breath",
            "fever and nausea since Monday",
            "dyspnea on exertion",
            "Brustschmerzen seit gestern, Übelkeit",
            "Kopfschmerzen und Schwindel",
            "douleur thoracique depuis ce matin",
            "dolor torácico y disnea",
            "dolor toracico",
            "dolore toracico e febbre",
            "pijn op de borst en kortademigheid",
            "buikpijn sinds gisteren",
            "acute appendicitis",
        ] {
            assert!(has(text, Signal::Symptoms), "{text}: {:?}", scan(text));
        }
    }

    #[test]
    fn shorthand_and_procedures() {
        for text in [
            "c/o cough x3 days",
            "h/o HTN, s/p CABG",
            "r/o PE, f/u in 2 weeks",
            "NKDA",
            "Pt w/ hx of DM, dx pending",
            "Z.n. Appendektomie",
            "ATCD : diabète",
        ] {
            assert!(has(text, Signal::Shorthand), "{text}: {:?}", scan(text));
        }
        for text in [
            "MRI of the knee next week",
            "CT scan showed a nodule",
            "ECG normal, EKG repeated",
            "biopsy results",
            "colonoscopy scheduled",
            "laparoscopic appendectomy",
            "Röntgen Thorax",
            "IRM cérébrale",
            "resonancia magnética lumbar",
            "risonanza magnetica del ginocchio",
            "Koloskopie geplant",
            "coloscopie prévue",
            "Well-child visit today, immunisations up to date",
            "visita di gastroenterologia, esenzione per asma",
            "Provider: dentist (DDS), date of service 3/4",
        ] {
            assert!(has(text, Signal::Procedures), "{text}: {:?}", scan(text));
        }
    }

    #[test]
    fn weak_terms_need_company() {
        // Alone, each could be something else.
        for text in [
            "Place a bid on the house.",
            "The PT meeting is at 3.",
            "Forward it to HR please.",
            "Open 2 tabs in the browser.",
            "I post twice daily on the blog.",
            "The TX hash is wrong.",
            "Import the Rx library.",
            "Ask Dr. Lee about the ultrasound sensor.",
        ] {
            assert!(scan(text).is_empty(), "{text}: {:?}", scan(text));
        }
        // Together, near each other, they are clinical.
        for text in ["pt c/o pain", "Pt dx: flu, rx given", "2 tabs bid", "HR 88, afebrile"] {
            assert!(!scan(text).is_empty(), "{text}");
        }
        // A weak dose or frequency needs medication or a strong term beside it.
        for text in [
            "Place a bid; HR closes the auction.",
            "Open 2 tabs, ask HR.",
            "tx pool and rx buffer",
            "2 caps and 3 tabs",
        ] {
            assert!(scan(text).is_empty(), "{text}: {:?}", scan(text));
        }
        // Far apart, two weak words stay apart.
        let far = format!("The PT meeting is at 3. {} Forward it to HR.", "word ".repeat(40));
        assert!(scan(&far).is_empty(), "{:?}", scan(&far));
    }

    #[test]
    fn ordinary_text_is_not_clinical() {
        for text in [
            "Draft a birthday email to John Smith.",
            "Reply to Anna Schmidt about her late delivery.",
            "Meeting on 03/04 at 10:30 with the sales team.",
            "Version 1.2.3 was released on 2024-05-01.",
            "Add 500 g flour and 250 ml milk.",
            "April showers bring May flowers.",
            "The server at 10.0.0.5 runs hot; check the fan.",
            "Score was 1-0 at half time, then 2-1.",
            "Le client a payé sa facture, merci.",
            "Der Kunde hat die Rechnung bezahlt.",
            "El pedido llegará el lunes.",
            "Il pacco è stato spedito ieri, un po' in ritardo.",
            "De bestelling is onderweg.",
            "Jackson and Person met in April.",
            "The operator rotated the logs.",
        ] {
            assert!(scan(text).is_empty(), "{text}: {:?}", scan(text));
        }
    }

    #[test]
    fn obfuscation_and_case_do_not_hide_it() {
        assert!(has("METFORMIN 500MG BID", Signal::Medication));
        assert!(has("metformin 500\u{200B}mg", Signal::Medication));
        assert!(has("DOLOR TORÁCICO", Signal::Symptoms));
        assert!(has("douleur thoracique", Signal::Symptoms));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "mg",
            "5",
            "q",
            "ü",
            "İ",
            "😀 500 mg",
            "a\u{0301}",
            "x".repeat(10_000).as_str(),
        ] {
            let _ = scan(t);
        }
    }
}

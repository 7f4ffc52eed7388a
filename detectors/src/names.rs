//! PERSON: dictionaries of given names and surnames (see `data/README.md` for
//! sources and licences), titles, context words, capitalization, and a list of
//! ordinary words that are also names. The dictionaries are one aho-corasick
//! automaton, queried anchored on each candidate word, not a regex per name.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::context::{self as cx, Context};
use crate::entity::Kind;
use crate::Candidate;

const GIVEN: &str = include_str!("../data/given_names.txt");
const SURNAMES: &str = include_str!("../data/surnames.txt");
const PARTICLES: &str = include_str!("../data/name_particles.txt");
const COMMON: &str = include_str!("../data/common_words.txt");
const PUBLIC_FIGURES: &str = include_str!("../data/public_figures.txt");
const PLACES: &str = include_str!("../data/places.txt");
const ORDINARY_NAMES: &str = include_str!("../data/ordinary_names.txt");

/// Titles and honorifics; the span of a name never includes them.
const TITLES: &str = "mr|mrs|ms|miss|mx|dr|dra|drs|doctor|doctora|dokter|doktor|docteur|doutor|doutora|prof|professor|sir|dame|madam|lady|lord|herr|frau|fräulein|hr|fr|dott|dottor|dottore|dottoressa|sig|sig.ra|signor|signora|signorina|sr|sra|srta|señor|señora|señorita|don|doña|dña|mme|mlle|monsieur|madame|mademoiselle|dhr|mevr|mw|meneer|mevrouw|nurse|pt|patient|patientin|patiente|paciente|paziente|patiënt";

/// Words after a capitalized sequence that make it an organisation or a place (and, in
/// lower case, before it: "edifício Vasco da Gama", see `Names::thing_before`).
const ORG_WORDS: &str = "colegio|escuela|escola|edificio|edifício|liceo|lycée|collège|école|premio|prémio|prix|amphithéâtre|auditorio|auditório|pavillon|padiglione|pabellón|pavilhão|building|wing|vleugel|gebouw|flügel|scholarship|fellowship|medal|llp|solicitors|attorneys|lawyers|tribute|band|footwear|boutique|inc|ltd|llc|plc|gmbh|ag|kg|se|sa|sas|sarl|srl|spa|bv|nv|co|corp|corporation|company|group|holding|holdings|bank|hospital|clinic|klinik|klinikum|clinique|hôpital|ospedale|ziekenhuis|university|universität|université|universidad|università|universiteit|college|school|foundation|stiftung|institute|institut|center|centre|centrum|pharma|pharmaceuticals|health|healthcare|medical|insurance|versicherung|assurance|street|st|avenue|ave|road|rd|boulevard|blvd|lane|drive|way|park|city|county|river|lake|mountain|valley|beach|airport|station|hotel|restaurant|cafe|café|church|cathedral|museum|theatre|theater|stadium|award|prize|act|syndrome|disease|score|scale|test|method|algorithm|catheter|procedure|maneuver|manoeuvre|reflex|criteria|classification|fracture|incision|forceps|technique|law|effect|index|protocol|medicine|practice|surgery|infirmary|department|service|servicio|centro|center|salud|azienda|ospedaliera|ospedaliero|poliambulatorio|policlinico|casa di cura|universitario|universitaria|universitätsklinikum|umc|chu|chru|ch|ambulatorio|praxis|gemeinschaftspraxis|cabinet|huisartsenpraktijk|gezondheidscentrum|ayuntamiento|municipio|comune|mairie|rathaus|gemeinde|prefeitura|ministerio|ministère|ministero|ministerium|gobierno|governo|gouvernement|regierung|generalitat|tribunal|juzgado|banco|banca|banque|sparkasse|volksbank|caixa|seguros|assicurazioni|agencia|agenzia|agence|agentur|instituto|istituto|fundación|fondazione|fondation|asociación|associazione|association|verein|cooperativa|farmacia|pharmacie|apotheke|clínica|clinica|krankenhaus|medtronic|biotronik|abbott|boston scientific|dexcom|omnipod|samsung|apple|google|lenovo|dell|iphone|galaxy|pixel|thinkpad|macbook|capital|systems|solutions|partners|associates|consulting|logistics|freight|imaging|diagnostics|laboratories|labs|analytics|technologies|software|mutual|hospice|credit union|union|trust|ventures|actuarial|orthopaedics|orthopedics|receivable|payable|accounts|hotline|autohaus|kanzlei|optik|óptica|optica|ottica|optique|transportes|transporti|foods|therapy|physiotherapie|fisioterapia|ortopedia|orthopädie|bäckerei|panadería|boulangerie|padaria|bakkerij|panificio|construcciones|costruzioni|bouwbedrijf|immobilien|inmobiliaria|immobiliare|imobiliária|makelaardij|autoescuela|fahrschule|steuerberatung|notariat|notaría|abogados|avvocati|advocaten|rechtsanwälte|gestoría|seguradora|verzekeringen|zahnarztpraxis|tandartspraktijk|farmácia|drogaria|apotheek|supermercado|supermarkt|spedition|logística|unidad|unità|unité|unidade|eenheid";

/// The name-shape probability from which a word no dictionary holds counts as name-like.
pub(crate) const SHAPE_MIN: f32 = 0.8;

/// Words right before a capitalized sequence that make it a thing, not a person.
const DETERMINERS: &str = "the|this|that|these|those|each|every|any|its|der|die|das|dem|den|des|ein|eine|einen|einem|einer|le|les|un|une|du|el|los|las|una|il|lo|gli|uno|het|een";

/// Phrases before a capitalized sequence that make it a place.
const PLACE_BEFORE: &str = "week in|weekend in|days in|holiday in|vacation in|visit to|based in|located in|headquartered in|offices in|office in|branch in|branches in|trip to|flight to|flights to|fly to|flying to|travel to|travelling to|traveling to|moving to|relocating to|move to|stop in|stopover in|city of|town of|near|downtown|born in|vivo en|vive en|viaje a|vuelo a|sede en|con sede en|basé à|situé à|voyage à|vol pour|sede a|con sede a|viaggio a|volo per|wohnhaft in|mit sitz in|reise nach|flug nach|sediada em|viagem a|voo para";

/// Verbs whose object is a person, right before a name: "ask Ketevan", "cc Dawit Bekele".
const PERSON_VERBS: &str = "ask|asked|call|called|tell|told|contact|contacted|page|paged|notify|notified|inform|informed|thank|thanked|email|emailed|text|texted|ping|pinged|remind|reminded|cc|message|messaged|loop in|looped in|introduce|introduced|meet|met with|spoke with|spoke to|speak with|speak to|talked to|talk to|route approvals to|forward to|forwarded to|hand over to|handed over to|escalate to|escalated to|frag|fragen|anrufen|rief|demande à|appelle|appeler|llamar a|llama a|pregunta a|chiedi a|chiama|vraag|bel";

/// What only a person does, right after their name: "Mark said", "Joy can take bed 4",
/// "Hope is off sick", "Grace übernimmt", "Rosa a appelé".
const SUBJECT_VERBS: &str = "said|says|rang|phoned|called|emailed|texted|messaged|asked|agreed|confirmed|reviewed|spoke|swapped|covered|is off|is on leave|is away|is covering|is in today|is on today|is on nights|is on days|will cover|will chase|will call|will ring|will take over|can cover|can take|has agreed|has confirmed|wants to|sagt|sagte|rief an|hat angerufen|ist krank|übernimmt|a dit|a appelé|appelle|dice que|dijo|llamó|ha detto|ha chiamato|disse|ligou|zegt|zei|belde|neemt over";

/// Months that are also given names, in the six languages.
const MONTH_NAMES: &str =
    "january|march|april|may|june|july|august|september|mai|mars|avril|abril|mayo|julio|augustus|mei|juni|juli|agosto|maggio|giugno|maio|junho|julho|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";

fn month_name(word: &str) -> bool {
    MONTH_NAMES.split('|').any(|m| m == word)
}

/// Words after a bank's name: its products and services.
const BANK_WORDS: &str = "acct|account|accounts|bank|banking|card|cards|routing|checking|savings|mortgage|loan|loans|credit|debit|wire|statement|statements|branch|konto|compte|cuenta|conto|rekening|conta";

/// Popes' and monarchs' titles: a given name after one names a public figure.
const REGNAL: &str = "pope|pape|papa|papst|paus|king|queen|prince|princess|roi|reine|rey|reina|könig|königin|koning|koningin|rei|rainha|re|regina|principe|principessa|príncipe|princesa|prinz|prinzessin|prins|prinses";

/// Firms and brands named after people; written as their words, lower case.
const EPONYMOUS_FIRMS: &str = "wells fargo|eli lilly|raymond james|hewlett packard|morgan stanley|goldman sachs|charles schwab|merrill lynch|edward jones|john deere|ralph lauren|calvin klein|tommy hilfiger|estée lauder|estee lauder|hugo boss|louis vuitton|christian dior|giorgio armani|yves saint laurent|john lewis|marks spencer|walt disney|dow jones|bristol myers|bristol myers squibb|becton dickinson|thermo fisher|harley davidson|rolls royce|aston martin|mercedes benz|tim hortons|smith barney|dean witter|paine webber|lehman brothers|franklin templeton|kaiser permanente|johns hopkins|cedars sinai|mount sinai|sloan kettering|grant thornton|arthur andersen|booz allen|sherwin williams|black decker|allen overy|baker mckenzie|clifford chance|freshfields|herbert smith|linklaters|jones day|morgan lewis|ernst young|johnson johnson|procter gamble|ben jerry|dolce gabbana|marks and spencer|barnes noble|warner bros|warner brothers|paul hastings|kirkland ellis|skadden|mckinsey|deloitte|russell investments|jenny craig|weight watchers|ray ban|boehringer ingelheim|fresenius kabi|fresenius|roche|hoffmann la roche|siemens healthineers|bayer|merck|pfizer|sanofi|novartis|astrazeneca|moderna|abbvie|amgen|gilead|biogen|stryker|zimmer biomet|smith nephew|edwards lifesciences|olympus|carl zeiss|zeiss|bosch|robert bosch|porsche|ferrari|lamborghini|bugatti|maserati|peugeot|renault|citroën|citroen|chrysler|chevrolet|tesla|nissan|toyota|honda|suzuki|yamaha|kawasaki|michelin|pirelli|bridgestone|goodyear|campbell soup|kellogg|heinz|kraft heinz|nestlé|nestle|lindt|ferrero|cadbury|hershey|wrigley|colgate palmolive|gillette|johnson controls|marriott|hyatt|wyndham|macy's|nordstrom|walgreens|dillard's|kohl's|lowe's|wendy's|mcdonald's|dunkin|sainsbury's|tesco|lidl|aldi|zara|benetton|prada|gucci|versace|fendi|bulgari|cartier|chanel|hermès|hermes|balenciaga|givenchy|lanvin|burberry|barbour|levi strauss|levi's";

/// What an eponym's possessive names: "Graves' disease", "Baker's cyst", "Bell's palsy".
const EPONYM_NOUNS: &str = "disease|syndrome|disorder|palsy|phenomenon|sign|reflex|maneuver|manoeuvre|fracture|criteria|classification|triad|ulcer|lymphoma|sarcoma|tumour|tumor|thyroiditis|encephalopathy|contracture|cyst|node|nodes|law|principle|equation";

/// Jobs and roles that end a capitalized phrase naming a post, not a person ("Compliance
/// Officer", "Clinical Lead", "Charge Nurse"), in the seven languages; lower case.
const ROLE_HEADS: &str = "dienst|abteilung|afdeling|team|officer|executive|handler|lead|coordinator|director|chair|chairman|chairwoman|chairperson|secretary|representative|rep|head|chief|administrator|technician|therapist|physician|surgeon|registrar|specialist|analyst|advisor|adviser|clerk|controller|auditor|supervisor|consultant|nurse|manager|assistant|gerente|direktor|direktorin|directeur|directrice|direttore|direttrice|diretor|diretora|directora|coordinador|coordinadora|coordinatore|coordinatrice|coordinateur|coördinator|koordinator|koordinatorin|sekretär|sekretärin|secrétaire|segretario|segretaria|secretaria|secretário|secretaris|sachbearbeiter|sachbearbeiterin|referent|referentin|berater|beraterin|conseiller|conseillère|asesor|asesora|consulente|adviseur|medewerker|mitarbeiter|mitarbeiterin|leiter|leiterin|hoofd|teamleider";

/// Whether a word is a compound whose last part is a job's ("bedcoördinator",
/// "Stationsmanager"): a role of five letters or more after three letters or more.
pub(crate) fn role_compound(word: &str) -> bool {
    let lower = word.to_lowercase();
    ROLE_HEADS
        .split('|')
        .any(|r| r.len() >= 5 && lower.len() >= r.len() + 3 && lower.ends_with(r))
}

/// Whether a capitalized word is a job's or a role's last word ([`ROLE_HEADS`]).
pub(crate) fn role_head(word: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    word.starts_with(char::is_uppercase)
        && SET
            .get_or_init(|| ROLE_HEADS.split('|').collect())
            .contains(word.to_lowercase().as_str())
}

/// Where a name-shaped span is no person's: a city and its state or
/// province before a postal code ("Dayton OH 45401", "Hamilton ON L1R 6P4"),
/// or a command's option ("curl -X POST").
fn not_a_person(text: &str, start: usize, end: usize) -> bool {
    let span = &text[start..end];
    let state = span.rsplit(' ').next().unwrap_or("");
    let states = crate::patterns::US_STATES.split('|').chain(CA_PROVINCES.split('|'));
    let b = text[end..].trim_start_matches([' ', '\t', ',']).as_bytes();
    let digits = b.iter().take(6).take_while(|c| c.is_ascii_digit()).count();
    let ca = b.len() >= 3 && b[0].is_ascii_uppercase() && b[1].is_ascii_digit() && b[2].is_ascii_uppercase();
    let city_state = span.contains(' ') && states.into_iter().any(|s| s == state) && (digits == 5 || ca);
    let option = text[..start].ends_with(" -") || text[..start].ends_with("--");
    // A chatbot's name: "Max, our virtual assistant:", "Ava (virtual assistant):", "Lola (bot)".
    let rest = text[end..].trim_start_matches([',', ' ', '(', '[']).as_bytes();
    let bot = [
        "our virtual assistant",
        "virtual assistant",
        "the virtual assistant",
        "bot)",
        "bot]",
        "chatbot",
        "ai assistant",
        "assistente virtual",
        "asistente virtual",
        "assistant virtuel",
        "assistente virtuale",
        "virtuele assistent",
        "virtueller assistent",
        "digitale assistent",
        "digitaler assistent",
    ]
    .iter()
    .any(|m| rest.len() >= m.len() && rest[..m.len()].eq_ignore_ascii_case(m.as_bytes()));
    // A title or a codename in typographic quotes: the release „Hazel“, le
    // projet « Aurora », the band “Jolene”. (A JSON string's straight quotes
    // hold names as often as anything.)
    let before = text[..start].trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    let after = text[end..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let quoted = before.ends_with(['„', '«', '‹', '“', '‚']) && after.starts_with(['“', '”', '»', '›', '‘']);
    // A language after the words that introduce one: "in plain English", "into French",
    // "auf Englisch", "en anglais" (a surname "English" or "French" keeps its given name).
    let language = span.len() <= 16 && !span.contains(' ') && is_language(span) && {
        let prev = before.rsplit([' ', '\n', '(']).next().unwrap_or("").to_lowercase();
        LANGUAGE_BEFORE.split('|').any(|w| w == prev)
    };
    city_state || option || bot || quoted || language
}

/// Whether `word` (any case) names a language ([`LANGUAGES`]).
fn is_language(word: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| LANGUAGES.split('|').collect())
        .contains(word.to_lowercase().as_str())
}

/// Languages, by their names in the seven languages.
const LANGUAGES: &str = "english|french|german|spanish|italian|portuguese|dutch|englisch|französisch|deutsch|spanisch|italienisch|portugiesisch|niederländisch|anglais|français|allemand|espagnol|italien|portugais|néerlandais|inglés|francés|alemán|español|italiano|portugués|neerlandés|inglese|francese|tedesco|spagnolo|portoghese|olandese|inglês|francês|alemão|espanhol|português|holandês|engels|frans|duits|spaans|italiaans|portugees|nederlands";

/// The words before a language's name.
const LANGUAGE_BEFORE: &str = "in|into|plain|to|from|speaks|speak|auf|ins|aus|en|vers|del|al|em|para|naar|uit|het|simple|einfaches|einfachem|sencillo|semplice|simples|eenvoudig";

/// An identifier's label in capitals, alone: "NHS" in "patient, NHS number, age" or
/// "DOB …, NHS 650 856 1804" is no surname.
fn identifier_label(text: &str, ctx: &Context<'_>, start: usize, end: usize) -> bool {
    let ids = ((1 << 22) - 1) | cx::ITIN | cx::PLATE;
    let span = &text[start..end];
    !span.contains(' ')
        && !span.chars().any(char::is_lowercase)
        && crate::names_context::hits_at(ctx, start).any(|h| h.end >= end && h.kinds & ids != 0)
}

/// A meeting room named after someone: "la sala Cervantes", "Sala Montessori",
/// "zaal Van Leeuwenhoek", "salle Curie". ("Zaal" opens a name too: lower case only.)
fn is_room(word: &str) -> bool {
    matches!(word, "zaal" | "vergaderzaal")
        || matches!(
            word.to_lowercase().as_str(),
            "sala" | "salle" | "saal" | "aula" | "auditorium" | "besprechungsraum" | "konferenzraum" | "sitzungssaal"
        )
}

/// What a storm is called before its name: "Hurricane Milton", "Storm Babet",
/// "borrasca Filomena", "Sturmtief Zeynep".
const WEATHER: &str = "hurricane|storm|typhoon|cyclone|sturm|sturmtief|orkan|tief|hurrikan|taifun|tempête|ouragan|typhon|borrasca|huracán|tormenta|tifón|ciclón|tempesta|uragano|tifone|ciclone|tempestade|furacão|tufão|depressão|orkaan|tyfoon|cycloon";

/// Whether `word` names a kind of storm ([`WEATHER`]).
fn is_weather(word: &str) -> bool {
    let lower = word.to_lowercase();
    WEATHER.split('|').any(|w| w == lower)
}

/// Canada's provinces and territories, as addresses abbreviate them.
const CA_PROVINCES: &str = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT";

pub(crate) const F_GIVEN: u8 = 1;
pub(crate) const F_SURNAME: u8 = 2;
pub(crate) const F_PARTICLE: u8 = 4;
pub(crate) const F_COMMON: u8 = 8;
pub(crate) const F_TITLE: u8 = 16;
pub(crate) const F_ORG: u8 = 32;
pub(crate) const F_STOP: u8 = 64;
/// Capitalized words that are not names (see `names_context::NOT_NAMES`).
pub(crate) const F_NOT: u8 = 128;

/// Words that open a sentence or a greeting and are never part of a name.
const STOP: &str = "hi|hello|dear|hey|thanks|thank|cheers|regards|sincerely|best|kind|greetings|good|morning|the|a|an|this|that|these|those|my|your|our|his|her|their|i|we|you|he|she|it|they|and|or|but|if|when|then|so|in|on|at|for|with|to|from|by|of|as|per|re|fw|fwd|subject|please|hallo|liebe|lieber|guten|tag|sehr|geehrte|geehrter|bonjour|bonsoir|salut|cher|chère|hola|buenos|buenas|estimado|estimada|querido|querida|ciao|buongiorno|gentile|caro|cara|egregio|beste|hoi|goedemorgen|geachte|der|die|das|ein|eine|und|oder|mit|für|un|une|et|ou|avec|pour|el|los|las|y|con|para|il|gli|per|het|een|en|met|voor|name|patient|patientin|patiente|paciente|paziente|patiënt|mr|mrs|ms|dr";

pub struct Names {
    ac: AhoCorasick,
    flags: Vec<u8>,
    /// The particles alone, as a small anchored DFA: the fast path asks it
    /// about short lower-case words, and it rejects most after one byte.
    particles: AhoCorasick,
    /// Firms and brands named after people, as their lower-case words joined by single spaces.
    pub(crate) firms: std::collections::HashSet<&'static str>,
    /// Public figures' names, lower case: not a record's subject without a person context.
    pub(crate) public: std::collections::HashSet<String>,
    determiners: std::collections::HashSet<&'static str>,
    /// Cities, countries and US states that are also names ("Milan", "Georgia"), lower case.
    places: std::collections::HashSet<&'static str>,
    /// Names that are also ordinary words of the seven languages ("grace", "moet"), lower case.
    pub(crate) ordinary: std::collections::HashSet<&'static str>,
    /// A bit set over hashes of the names that may stand alone in lower case.
    lower_filter: Vec<u64>,
    place_before: std::collections::HashSet<&'static str>,
    person_verbs: std::collections::HashSet<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Case {
    Capitalized,
    Upper,
    Lower,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Word {
    start: usize,
    end: usize,
    case: Case,
    flags: u8,
    /// A single capital followed by '.', like "J."
    initial: bool,
}

const LOWER_FILTER_BITS: usize = 1 << 18;

fn lower_filter_bit(word: &str) -> usize {
    let h = word
        .bytes()
        .fold(0x811c_9dc5_u32, |h, c| (h ^ u32::from(c)).wrapping_mul(0x0100_0193));
    h as usize % LOWER_FILTER_BITS
}

impl Names {
    /// Whether `word` (lower case) may be a name that stands alone in lower case: false
    /// for most ordinary words, true for every such name (and a few others).
    pub(crate) fn maybe_lower_name(&self, word: &str) -> bool {
        let h = lower_filter_bit(word);
        self.lower_filter[h / 64] & (1 << (h % 64)) != 0
    }

    pub fn new() -> Result<Names, aho_corasick::BuildError> {
        let mut entries: Vec<(String, u8)> = Vec::new();
        let mut add = |list: &str, sep: char, flag: u8| {
            for w in list.split(sep).map(str::trim).filter(|w| !w.is_empty()) {
                entries.push((w.to_lowercase(), flag));
            }
        };
        add(GIVEN, '\n', F_GIVEN);
        add(SURNAMES, '\n', F_SURNAME);
        add(
            &PARTICLES.split_whitespace().collect::<Vec<_>>().join("\n"),
            '\n',
            F_PARTICLE,
        );
        add(COMMON, '\n', F_COMMON);
        add(TITLES, '|', F_TITLE);
        add(ORG_WORDS, '|', F_ORG);
        add(STOP, '|', F_STOP);
        add(crate::names_context::NOT_NAMES, '|', F_NOT);
        entries.sort();
        let mut merged: Vec<(String, u8)> = Vec::with_capacity(entries.len());
        for (w, f) in entries {
            match merged.last_mut() {
                Some((lw, lf)) if *lw == w => *lf |= f,
                _ => merged.push((w, f)),
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(merged.iter().map(|(w, _)| w.as_bytes()))?;
        let particles = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(
                merged
                    .iter()
                    .filter(|(_, f)| f & F_PARTICLE != 0)
                    .map(|(w, _)| w.as_bytes()),
            )?;
        // Which lower-case words can be a name on their own (see `lower_names`): a bit per
        // hash, so that the pass over every lower-case word rejects most in a few nanoseconds.
        let ordinary: std::collections::HashSet<&'static str> = ORDINARY_NAMES.lines().collect();
        let mut lower_filter = vec![0u64; LOWER_FILTER_BITS / 64];
        for (w, f) in &merged {
            let plain = f & (F_GIVEN | F_SURNAME) != 0
                && f & (F_COMMON | F_STOP | F_NOT | F_ORG | F_TITLE | F_PARTICLE) == 0
                && !ordinary.contains(w.as_str());
            if plain {
                let h = lower_filter_bit(w);
                lower_filter[h / 64] |= 1 << (h % 64);
            }
        }
        Ok(Names {
            lower_filter,
            ordinary,
            ac,
            flags: merged.into_iter().map(|(_, f)| f).collect(),
            particles,
            firms: EPONYMOUS_FIRMS.split('|').collect(),
            places: PLACES.lines().collect(),
            public: PUBLIC_FIGURES
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_lowercase)
                .collect(),
            determiners: DETERMINERS.split('|').collect(),
            place_before: PLACE_BEFORE.split('|').collect(),
            person_verbs: PERSON_VERBS.split('|').collect(),
        })
    }

    /// Whether the word one space before `start` makes what follows a thing's name, not a
    /// person's: a storm's ("Hurricane Milton"), or, in lower case, an organisation's or a
    /// building's ("edifício Vasco da Gama", "instituto Ricardo Jorge").
    fn thing_before(&self, text: &str, start: usize) -> bool {
        let Some(before) = text[..start].strip_suffix(' ') else {
            return false;
        };
        let word = before
            .rsplit(|c: char| !(c.is_alphabetic() || c == '-'))
            .next()
            .unwrap_or("");
        !word.is_empty()
            && (is_weather(word)
                || is_room(word)
                || word.starts_with(char::is_lowercase) && self.lookup(word) & F_ORG != 0)
    }

    /// Whether a capitalized sequence is a firm or a brand named after people
    /// ("Wells Fargo", "Eli Lilly", "Hewlett-Packard"), or holds one of two words or more
    /// with a product's word ("Driver Wells Fargo", "Morgan Stanley-Treiber").
    pub(crate) fn eponymous_firm(&self, span: &str) -> bool {
        if span.len() > 48 {
            return false;
        }
        let words: Vec<String> = span
            .split(|c: char| c.is_whitespace() || c == '-' || c == '&')
            .filter(|w| !w.is_empty() && *w != "and")
            .map(str::to_lowercase)
            .collect();
        let n = words.len();
        self.firms.contains(words.join(" ").as_str())
            || (2..n).any(|k| {
                self.firms.contains(words[..k].join(" ").as_str())
                    || self.firms.contains(words[n - k..].join(" ").as_str())
            })
    }

    /// Whether the words `text[start..end]` could name a department or a document rather than
    /// a person: no given name follows after a comma, every word shorter than four letters is a
    /// function word, and no longer word is shaped like a name, in any case, or joins two
    /// capitalized parts with a hyphen ("Access", "INTAKE FORM", "IS A"; not "Sow", "Fils-Aimé").
    pub(crate) fn department_words(&self, text: &str, start: usize, end: usize) -> bool {
        // "Pt: OKAFOR, Chidi": a surname before its given name.
        let surname_in_capitals = !text[start..end].chars().any(char::is_lowercase);
        let given_after = text[end..].strip_prefix(", ").is_some_and(|r| {
            let word = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            word.starts_with(char::is_uppercase)
                && (self.lookup(word) & F_GIVEN != 0 || surname_in_capitals)
                && self.lookup(word) & (F_ORG | F_NOT) == 0
        });
        !given_after
            && text[start..end]
                .split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
                .filter(|w| !w.is_empty())
                .all(|w| {
                    let double = w.split('-').filter(|p| p.starts_with(char::is_uppercase)).count() >= 2;
                    let short = w.chars().count() < 4;
                    let lower = w.to_lowercase();
                    !double
                        && (short || crate::name_shape::name_likeness(w) < SHAPE_MIN)
                        && (!short
                            || matches!(
                                lower.as_str(),
                                "i" | "i'm" | "i'd" | "i've" | "i'll" | "we" | "you" | "me"
                            )
                            || crate::names_context::is_lower_stop(&lower))
                })
    }

    /// The dictionary flags of one word (lower-cased on the fly).
    pub(crate) fn lookup(&self, word: &str) -> u8 {
        let mut buf = [0u8; 48];
        let mut n = 0;
        for c in word.chars().flat_map(char::to_lowercase) {
            let l = c.len_utf8();
            if n + l > buf.len() {
                return 0;
            }
            c.encode_utf8(&mut buf[n..]);
            n += l;
        }
        let key = &buf[..n];
        match self.ac.find(Input::new(key).anchored(Anchored::Yes)) {
            Some(m) if m.end() == n => self.flags[m.pattern().as_usize()],
            _ => 0,
        }
    }

    /// The names in `text`: from the dictionaries, then from context
    /// (`found` is what the stages before found; a list that begins with a
    /// name found there goes on).
    pub fn scan(&self, text: &str, ctx: &Context<'_>, found: &[Candidate], out: &mut Vec<Candidate>) {
        let words = self.words(text, ctx);
        let b = text.as_bytes();
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            // Start a group at a name-like word (or a lower-case one right after a title).
            // Not a title that is a word of a URL's path ("…/fhir/Patient. Never share").
            let after_title = i > 0
                && words[i - 1].flags & F_TITLE != 0
                && joined(b, words[i - 1].end, w.start, true)
                && !in_url(b, words[i - 1].start);
            let particle_start = w.case == Case::Lower
                && w.flags & F_PARTICLE != 0
                && words.get(i + 1).is_some_and(|n| {
                    n.case == Case::Capitalized && n.flags & F_SURNAME != 0 && joined(b, w.end, n.start, false)
                });
            let startable =
                matches!(w.case, Case::Capitalized | Case::Upper) || w.initial || after_title || particle_start;
            if !startable || w.flags & (F_TITLE | F_ORG) != 0 && !(after_title && w.flags & (F_GIVEN | F_SURNAME) != 0)
            {
                i += 1;
                continue;
            }
            let lower_mode = w.case == Case::Lower && !particle_start;
            // Extend over name-like words joined by single spaces (particles allowed inside).
            let mut j = i;
            // A greeting or a function word opens the group: the name starts after it.
            if w.flags & F_STOP != 0 && w.flags & F_TITLE == 0 && !w.initial {
                i += 1;
                continue;
            }
            while j + 1 < words.len() && j - i < 4 {
                let n = words[j + 1];
                if !joined(b, words[j].end, n.start, false) {
                    break;
                }
                // "J. Smith", "Dr. Smith": a full stop joins only after an initial or a title.
                if b[words[j].end] == b'.' && !(words[j].initial || words[j].flags & F_TITLE != 0) {
                    break;
                }
                let namey = match (lower_mode, n.case) {
                    (true, Case::Lower) => n.flags & (F_GIVEN | F_SURNAME | F_PARTICLE) != 0,
                    (_, Case::Capitalized | Case::Upper) => {
                        n.flags & (F_TITLE | F_ORG) == 0 || n.flags & (F_GIVEN | F_SURNAME) != 0 && n.flags & F_ORG == 0
                    }
                    (false, Case::Lower) => {
                        n.flags & F_PARTICLE != 0
                            && words[j + 2..]
                                .iter()
                                .take(2)
                                .find(|x| x.flags & F_PARTICLE == 0)
                                .is_some_and(|x| x.case == Case::Capitalized)
                    }
                    _ => false,
                };
                if !namey && !n.initial {
                    break;
                }
                // "Can I confirm …", "May I ask …": the pronoun, not an initial.
                if &text[n.start..n.end] == "I" && !n.initial {
                    break;
                }
                // "Chloe Miller MD": a credential after the name ends it, and so does a field's
                // word in capitals that is no name ("Grace Park IBAN …", "Ana Ruiz DOB …").
                if crate::names_context::CREDENTIALS.contains(&&text[n.start..n.end])
                    || n.case == Case::Upper && n.flags & F_NOT != 0 && n.flags & (F_GIVEN | F_SURNAME) == 0
                {
                    break;
                }
                // "Ana Kovač Phone: …", "Molnár Date of birth: …": the next field's label.
                if n.flags & (F_GIVEN | F_SURNAME) == 0 && crate::names_context::label_at(b, n.end) {
                    break;
                }
                // "Henrike Halvorsen DOB 1976-11-26", "MATTHIAS KRÜGER MEMBER ID …": the next field's word.
                if n.flags & (F_GIVEN | F_SURNAME) == 0 && field_word(ctx, n) {
                    break;
                }
                j += 1;
            }
            // "Sra. Weiß al +34 …": a lower-case word ends no capitalized name, and a particle
            // before an organisation is a preposition ("Joy Mwangi von der Klinik").
            while j > i && !lower_mode && words[j].case == Case::Lower {
                j -= 1;
            }
            // An organisation or place word right after ends the idea of a person.
            let org_after = words.get(j + 1).is_some_and(|n| {
                // "Lucia Ibarra se hizo cargo": a short legal form counts in capitals only ("SE", "Co").
                n.flags & F_ORG != 0
                    && (n.case != Case::Lower || n.end - n.start > 3)
                    && joined(b, words[j].end, n.start, false)
                    // "Graves' disease", "Baker's cyst": an eponym's possessive before what it names.
                    || matches!(&text[words[j].end..n.start], "' " | "'s " | "’ " | "’s ")
                        && EPONYM_NOUNS.split('|').any(|e| text[n.start..n.end].eq_ignore_ascii_case(e))
            });
            // A leading capitalized word that is no name and opens the sentence ("Contact Jan …"),
            // unless a relation in brackets follows ("Tamsin Okonkwo (parent)").
            let relation = ctx.after(words[j].end, cx::PERSON_AFTER, 2).is_some_and(|h| {
                text[h.start..].starts_with('(') && text[words[j].end..h.start].bytes().all(|c| c == b' ')
            });
            let first = i;
            // A field's value after its colon ("pratica: Arash Sadeghi,"): a first word shaped like a name stays.
            let shaped_word = |w: &Word| {
                w.case == Case::Capitalized
                    && w.end - w.start >= 3
                    && w.flags & (F_COMMON | F_STOP | F_NOT | F_TITLE | F_ORG) == 0
                    && crate::name_shape::name_likeness(&text[w.start..w.end]) >= SHAPE_MIN
            };
            // Also a sentence's first two words when both are ("Kamau Kiplagat will take over").
            let shaped_start_stays = |k: usize| {
                let w = &words[k];
                shaped_word(w)
                    && (text[..w.start].trim_end_matches(' ').ends_with(':')
                        || w.end - w.start >= 4 && k < j && shaped_word(&words[k + 1]))
            };
            while !relation
                && i < j
                && words[i].flags & (F_GIVEN | F_SURNAME) == 0
                && ((sentence_start(b, words[i].start) && !(after_title && i == first) && !shaped_start_stays(i))
                    || words[i].flags & F_COMMON != 0
                    || person_word(ctx, words[i]))
            {
                i += 1;
            }
            // "accompagné de Julien Leroy", "con Álvaro Moreno": a particle
            // before a given name is a preposition, not part of a surname.
            while i < j
                && words[i].case == Case::Lower
                && words[i].flags & F_PARTICLE != 0
                && words[i + 1].flags & F_GIVEN != 0
                && words[i + 1].case != Case::Lower
            {
                i += 1;
            }
            let group = &words[i..=j];
            // "Ospedale Sandro Pertini", "Pacemaker Medtronic …": an organisation word before.
            let org_before =
                i > 0 && words[i - 1].flags & F_ORG != 0 && joined(b, words[i - 1].end, words[i].start, false)
                    || !after_title && self.thing_before(text, words[i].start)
                    || group.len() >= 2
                        && is_weather(&text[group[0].start..group[0].end])
                        && !(group[0].flags & (F_GIVEN | F_SURNAME) != 0 && group[1].flags & F_SURNAME != 0);
            let score = if org_after || org_before || place(text, words[i].start, words[j].end) {
                0.0
            } else {
                self.score(text, group, i, &words, ctx, after_title)
            };
            if score > 0.0 {
                let mut end = group[group.len() - 1].end;
                if text[..end].ends_with("'s") || text[..end].ends_with("’s") {
                    end -= 2;
                }
                let candidate = Candidate {
                    kind: Kind::Person.into(),
                    start: group[0].start,
                    end,
                    score,
                    detector: "names.dictionary",
                };
                // The surname before the given name too, where it is written first; the given
                // name stays a candidate of its own in case a stronger finding takes the surname.
                if let Some(start) = self.surname_before(text, &words, i, end) {
                    out.push(Candidate {
                        start,
                        ..candidate.clone()
                    });
                }
                out.push(candidate);
            }
            i = j + 1;
        }
        self.scan_context(text, ctx, found, out);
        out.retain(|c| {
            c.kind != crate::Entity::Builtin(Kind::Person)
                || !not_a_person(text, c.start, c.end) && !identifier_label(text, ctx, c.start, c.end)
        });
    }

    /// Where a surname written before the given name at `words[i]` starts, as
    /// registers and reports write it: up to three words, then ", ".
    /// - In capitals ("KOWALSKI, Marta", "DE LA CRUZ, Maria Luisa", "McDONALD,
    ///   Ann"): each a surname the dictionaries hold, a particle or a word shaped
    ///   like a name, after a lower-case word ("payee OKAFOR, Grace") or opening
    ///   a field (a line's or a text's start, after ':', '|', a tab, a dash or a
    ///   bracket).
    /// - Capitalized ("Bed 4: Okafor-Bell, Grace,", "Name: van Dijk, Pieter |"):
    ///   one surname the dictionaries hold, a double or camel-case surname or a
    ///   word shaped like a name (lower-case particles may come first), right
    ///   after a field's ':' or '|', a tab or a line's start, and the given name
    ///   ends the field (',', '|', a tab, a line's end, a bracket).
    ///
    /// No word is an ordinary one, or a given name only.
    fn surname_before(&self, text: &str, words: &[Word], i: usize, end: usize) -> Option<usize> {
        let b = text.as_bytes();
        let given = words.get(i)?;
        if i == 0 || given.case != Case::Capitalized || &b[words[i - 1].end..given.start] != b", " {
            return None;
        }
        let no_surname = |w: &Word| {
            w.flags & (F_NOT | F_ORG | F_TITLE | F_STOP | F_COMMON) != 0
                || w.flags & (F_GIVEN | F_SURNAME) == F_GIVEN
                || crate::names_context::CREDENTIALS.contains(&&text[w.start..w.end])
        };
        let shaped = |w: &Word| crate::name_shape::name_likeness(&text[w.start..w.end]) >= SHAPE_MIN;
        let caps = |w: &Word| {
            let word = &text[w.start..w.end];
            let rest = word
                .strip_prefix("Mac")
                .or_else(|| word.strip_prefix("Mc"))
                .unwrap_or(word);
            rest.len() >= 2
                && !rest.chars().any(char::is_lowercase)
                && (w.flags & (F_SURNAME | F_PARTICLE) != 0 || shaped(w))
        };
        let upper = caps(&words[i - 1]);
        let capitalized = |w: &Word| {
            let word = &text[w.start..w.end];
            let double = word.contains('-') || word.chars().skip(1).any(char::is_uppercase);
            w.case != Case::Upper && (w.flags & F_SURNAME != 0 || double || shaped(w))
        };
        let part = |w: &Word| !no_surname(w) && if upper { caps(w) } else { capitalized(w) };
        let particle = |w: &Word| !upper && w.case == Case::Lower && w.flags & F_PARTICLE != 0;
        let mut k = i - 1;
        if !part(&words[k]) {
            return None;
        }
        // Capitalized, one surname and its particles: "Meenakshi Greco, Yuki Haddad" is a list.
        while k > 0
            && i - k < 3
            && matches!(&b[words[k - 1].end..words[k].start], b" " | b"-")
            && (upper && part(&words[k - 1]) || particle(&words[k - 1]))
        {
            k -= 1;
        }
        let before = text[..words[k].start].trim_end_matches([' ', '\t']);
        let tab = text[before.len()..words[k].start].contains('\t');
        let field = before.is_empty() || tab || before.ends_with(['\n', '\r', ':', '|']);
        let opens = if upper {
            field
                || before.ends_with(['-', '(', ';'])
                || before.ends_with('—')
                || before.ends_with('–')
                || before.ends_with(|c: char| c.is_lowercase())
        } else {
            let rest = &text[end..];
            field
                && (rest.is_empty()
                    || rest.starts_with([',', '|', '\t', '\n', '\r'])
                    || rest.starts_with(" (")
                    || rest.starts_with(" |"))
        };
        opens.then_some(words[k].start)
    }

    /// Words an e-mail address said aloud goes on with after a name's word.
    const SPOKEN_AT: [&'static str; 10] = [
        "at ",
        "dot ",
        "punt ",
        "punkt ",
        "point ",
        "punto ",
        "ponto ",
        "arroba",
        "chiocciola",
        "apenstaartje",
    ];

    /// The same name again: a word of a name in `kept` (the findings of a
    /// text after overlaps were resolved) elsewhere in the text ("Sick leave:
    /// Dilovan Doski … Dilovan is out this week", "Action items: Olumide owns
    /// …"), spelled the same (or in capitals, or capitalized, where it was the
    /// other), alone, where nothing else was found; scored as its source, at
    /// most 0.8. Words of three letters or more that no dictionary knows as
    /// an ordinary word, a title, an organisation or a particle: the
    /// capitalized words of a name, or the name-like words of a lower-case
    /// one ("daughter debashis"); a capitalized word typed in lower case, as
    /// chats do ("Milena: …" … "can milena cover"), only as a word between
    /// spaces, not a label's, a slug's or an address's said aloud. A name found inside an encoded run
    /// (`encoded`: a base64 run's span covers the whole run) is no source.
    /// Returns the new candidates, which overlap nothing in `kept`.
    pub(crate) fn again(&self, text: &str, kept: &[Candidate], encoded: &[(usize, usize)]) -> Vec<Candidate> {
        const MAX_WORDS: usize = 32;
        let person = crate::Entity::Builtin(Kind::Person);
        let ordinary = F_COMMON | F_STOP | F_TITLE | F_ORG | F_PARTICLE | F_NOT;
        // (spelling, score, typed): each word of each name, in both of its case forms, and a
        // capitalized word's lower-case form (`typed`), taken only between spaces.
        let mut words: Vec<(String, f32, bool)> = Vec::new();
        for c in kept
            .iter()
            .filter(|c| c.kind == person && !encoded.contains(&(c.start, c.end)))
        {
            let span = &text[c.start..c.end];
            let lower_name = !span.chars().any(char::is_uppercase);
            let score = c.score.min(0.8);
            for w in span.split(|ch: char| !(ch.is_alphabetic() || ch == '\'' || ch == '’')) {
                let w = w.trim_matches(['\'', '’']);
                let flags = self.lookup(w);
                if w.chars().count() < 3 || flags & ordinary != 0 {
                    continue;
                }
                // A lower-case name's word is a name only if it looks like one.
                let namey = flags & (F_GIVEN | F_SURNAME) != 0 || crate::name_shape::name_likeness(w) >= SHAPE_MIN;
                if lower_name && !namey {
                    continue;
                }
                let mut chars = w.chars();
                let first_upper = chars.next().is_some_and(char::is_uppercase);
                let rest_lower = chars.clone().all(|ch| !ch.is_uppercase());
                let rest_upper = chars.all(|ch| !ch.is_lowercase());
                let mut forms = vec![w.to_string()];
                let capitalized = |w: &str| {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|f| f.to_uppercase().to_string() + &cs.as_str().to_lowercase())
                };
                let mut typed = None;
                if first_upper && rest_lower {
                    // In a chat a name is typed in lower case as often: "Milena: yes" … "can milena cover".
                    forms.push(w.to_uppercase());
                    typed = Some(w.to_lowercase());
                } else if first_upper && rest_upper || lower_name && rest_lower {
                    forms.extend(capitalized(w));
                } else {
                    // A lower-case word inside a capitalized name ("van", "bin") or mixed case.
                    continue;
                }
                let forms = forms.into_iter().map(|f| (f, false)).chain(typed.map(|f| (f, true)));
                for (f, typed) in forms {
                    match words.iter_mut().find(|(x, _, _)| *x == f) {
                        Some((_, s, t)) => {
                            *s = s.max(score);
                            *t &= typed;
                        }
                        None => words.push((f, score, typed)),
                    }
                }
            }
            if words.len() >= MAX_WORDS {
                break;
            }
        }
        let b = text.as_bytes();
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        let mut again: Vec<Candidate> = Vec::new();
        for (w, score, typed) in &words {
            for start in memchr::memmem::find_iter(b, w.as_bytes()) {
                let end = start + w.len();
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                // Whole words, and not part of an address or a handle ("maria.taufa@", "@taufa").
                if before.is_some_and(|c| is_word(c) || matches!(c, '@' | '/' | '\\' | '#'))
                    || after.is_some_and(|c| is_word(c) || c == '@')
                    || (before == Some('.') && text[..start - 1].chars().next_back().is_some_and(is_word))
                    || (after == Some('.') && text[end + 1..].chars().next().is_some_and(is_word))
                {
                    continue;
                }
                // Typed in lower case, a word between spaces or before punctuation, not a label
                // ("… [word]: 12.03.2024"), a slug's or an address's part said aloud ("mail naar
                // mamani 13 at …").
                if *typed
                    && (before.is_some_and(|c| !c.is_whitespace() && c != '(')
                        || after.is_some_and(|c| !(c.is_whitespace() || matches!(c, ',' | '?' | '!' | ')')))
                        || text[end..].trim_start().starts_with(|c: char| c.is_ascii_digit())
                        || Self::SPOKEN_AT.iter().any(|a| text[end..].trim_start().starts_with(a)))
                {
                    continue;
                }
                // Alone: inside a capitalized sequence that no rule took for a name,
                // it is part of something else ("Clínica Santa Elena").
                let prev_word = text[..start].strip_suffix(' ').map(|t| {
                    let from = t
                        .rfind(|c: char| !c.is_alphanumeric())
                        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
                    &t[from..]
                });
                let next_word = text[end..]
                    .strip_prefix(' ')
                    .map(|t| t.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""));
                let capital =
                    |w: &str| w.chars().next().is_some_and(char::is_uppercase) && self.lookup(w) & F_TITLE == 0;
                if prev_word.is_some_and(capital) || next_word.is_some_and(capital) {
                    continue;
                }
                // `kept` is sorted by start and disjoint: only the one before can reach in.
                let i = kept.partition_point(|c| c.start < end);
                if i > 0 && kept[i - 1].end > start {
                    continue;
                }
                again.push(Candidate {
                    kind: person.clone(),
                    start,
                    end,
                    score: *score,
                    detector: "names.again",
                });
            }
        }
        // Two words' occurrences may overlap ("Anna" in "Anna-Lena"): the first and longer wins.
        again.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut last_end = 0;
        again.retain(|c| {
            let keep = c.start >= last_end;
            if keep {
                last_end = c.end;
            }
            keep
        });
        again
    }

    fn score(&self, text: &str, group: &[Word], i: usize, words: &[Word], ctx: &Context<'_>, after_title: bool) -> f32 {
        let b = text.as_bytes();
        let first = group[0];
        let last = group[group.len() - 1];
        let real: Vec<&Word> = group
            .iter()
            .filter(|w| w.flags & F_PARTICLE == 0 || w.case != Case::Lower)
            .collect();
        let named = |w: &Word| w.flags & (F_GIVEN | F_SURNAME) != 0;
        let common = |w: &Word| w.flags & F_COMMON != 0;
        let given_first = first.flags & F_GIVEN != 0;
        let surname_last = last.flags & F_SURNAME != 0;
        let known = real.iter().filter(|w| named(w)).count();
        let all_common = real.iter().all(|w| common(w) || w.initial);
        let mostly_common = real.iter().filter(|w| common(w)).count() * 2 > real.len();
        let sentence_start = sentence_start(b, first.start);
        // A lone word, lower case (the checks below that read one word).
        let single = if real.len() == 1 {
            text[first.start..first.end].to_lowercase()
        } else {
            String::new()
        };
        let person_ctx = ctx.nearest_before(first.start, cx::PERSON, 24).is_some() || after_title;
        let news =
            ctx.nearest_before(first.start, cx::NEWS, 40).is_some() || ctx.after(last.end, cx::NEWS, 24).is_some();
        let lower = first.case == Case::Lower;
        let upper = group.iter().all(|w| w.case == Case::Upper);
        if news && !after_title {
            return 0.1;
        }
        // "Angela Merkel stellte ihre Memoiren vor": a public figure, unless a record is about them.
        if !after_title && !person_ctx && self.public.contains(&text[first.start..last.end].to_lowercase()) {
            return 0.1;
        }
        // "Ernst & Young", "Johnson & Johnson": a firm. "Morbus Wilson", "maladie de Lyme": a disease.
        let firm = text[last.end..].starts_with(" & ") || text[..first.start].ends_with(" & ");
        let mut lo = first.start.saturating_sub(24);
        while !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let before = text[lo..first.start].trim_end().to_lowercase();
        // The word right before it, lower case ("in", "pape").
        let word_before = before.rsplit(' ').next().unwrap_or("");
        let disease = [
            "morbus",
            "maladie de",
            "enfermedad de",
            "morbo di",
            "ziekte van",
            "syndrome de",
            "síndrome de",
            "sindrome di",
        ]
        .iter()
        .any(|w| before.ends_with(w))
            || text[first.start..first.end].eq_ignore_ascii_case("morbus");
        // "San Pietro", "Sankt Georg", "São Paulo": a saint's name is a place or a church.
        let saint = real.len() >= 2
            && matches!(
                text[first.start..first.end].to_lowercase().as_str(),
                "san" | "santa" | "santo" | "saint" | "sainte" | "sankt" | "são" | "st"
            );
        let room = real.len() >= 2 && is_room(&text[first.start..first.end]);
        if firm || disease || saint || room || !after_title && self.eponymous_firm(&text[first.start..last.end]) {
            return 0.0;
        }
        // A given name that is also a word ("Hope", "Will", "Grace", "Mark"), alone and
        // capitalized, is a person's where a verb that takes one is before it ("spoke with
        // Hope", "ask Will to check") or one that only a person does follows it ("Mark said",
        // "Joy can take bed 4", "Hope is off sick").
        if real.len() == 1 && first.case == Case::Capitalized && first.flags & F_GIVEN != 0 && !first.initial {
            let verb_before = !sentence_start && ends_with_phrase(&before, &self.person_verbs);
            let rest = &text[last.end..];
            let verb_after = rest.strip_prefix(' ').is_some_and(|r| {
                SUBJECT_VERBS.split('|').any(|v| {
                    r.len() > v.len()
                        && r.as_bytes()[..v.len()].eq_ignore_ascii_case(v.as_bytes())
                        && !r.as_bytes()[v.len()].is_ascii_alphanumeric()
                })
            });
            // Not a place: "the pharmacy in Madison says …".
            let place = matches!(word_before, "in" | "en" | "em" | "at" | "from")
                || self
                    .places
                    .contains(text[first.start..first.end].to_lowercase().as_str());
            if (verb_before || verb_after) && !place {
                return 0.75;
            }
        }
        if !after_title {
            // As written: "Le Ngoc" is a name, "le Dr" a title's article.
            let written = text[lo..first.start].trim_end();
            let written = written.rsplit([' ', '\t', '\n', '(', '"']).next().unwrap_or("");
            let opening = matches!(
                written,
                "The"
                    | "This"
                    | "That"
                    | "These"
                    | "Those"
                    | "Der"
                    | "Die"
                    | "Das"
                    | "Ein"
                    | "Eine"
                    | "Les"
                    | "Un"
                    | "Une"
                    | "Los"
                    | "Las"
                    | "Una"
                    | "Il"
                    | "Gli"
                    | "Het"
                    | "Een"
            ) && first.start > written.len()
                && self::sentence_start(b, first.start - 1 - written.len());
            let word_before = if opening {
                before.rsplit([' ', '\t', '\n', '(', '"']).next().unwrap_or("")
            } else {
                written
            };
            let gap_one_space = text[..first.start].ends_with(' ') && !text[..first.start].ends_with("  ");
            // "the Oura Ring", "a Registered Nurse", "die Praxis Weber": an article makes a thing.
            // "a" and "an" are also "to" ("a Emanuele De Luca", "an Lea Wolf"): not before a given name.
            let determiner = self.determiners.contains(word_before)
                || matches!(word_before, "a" | "an")
                    && !group
                        .iter()
                        .any(|w| w.flags & (F_GIVEN | F_SURNAME) != 0 && w.flags & F_TITLE == 0);
            if gap_one_space && determiner && first.case != Case::Lower {
                return 0.0;
            }
            // "based in Santiago", "a trip to Santa Cruz": a place.
            if ends_with_phrase(&before, &self.place_before) {
                return 0.0;
            }
        }
        // {"city": "Dayton"}, city=Florence: a place's field holds a place.
        if !after_title && place_field_before(text, first.start) {
            return 0.0;
        }
        // "ab 6. April 2026", "May 3": a month beside a number is a date.
        if real.len() == 1 && !after_title {
            // "May 3", "ab 6. April 2026", "09-Jan-2026", "25/Jan/2024".
            let digit_after = text[first.end..]
                .strip_prefix([' ', '-', '/'])
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            let digit_before = text[..first.start]
                .trim_end_matches(' ')
                .trim_end_matches(['.', '-', '/'])
                .ends_with(|c: char| c.is_ascii_digit());
            if (digit_after || digit_before) && month_name(&single) {
                return 0.0;
            }
        }
        // "Harmony 2024.1", "Jenkins v2.4": a product and its version, not a person.
        if real.len() == 1 {
            let after = text[last.end..].strip_prefix(' ').unwrap_or("");
            let after = after.strip_prefix(['v', 'V']).unwrap_or(after);
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0
                && after[digits..].starts_with('.')
                && after[digits + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return 0.0;
            }
        }
        // "Can I confirm …", "Will you …", "May we …": a question's verb, not a name.
        let pronoun_after = ["I ", "I'", "you ", "we ", "he ", "she ", "they "]
            .iter()
            .any(|p| text[last.end..].strip_prefix(' ').is_some_and(|r| r.starts_with(p)));
        if real.len() == 1 && sentence_start && pronoun_after {
            return 0.0;
        }
        // "Can Siri read my calendar?": a question's verb before the subject.
        if real.len() == 2 && sentence_start && question_verb(text, first, last) {
            return 0.0;
        }
        // "Pat.-Nr.", "Tel.:": an abbreviation joined to what follows it.
        let abbreviation = text[last.end..].starts_with('.')
            && text[last.end + 1..].starts_with(|c: char| !c.is_whitespace() && c != '"' && c != ')')
            && !last.initial;
        if abbreviation {
            return 0.0;
        }
        // "Compliance Officer", "Charge Nurse", "Clinical Lead": a post, not a person.
        if real.len() >= 2 && last.flags & F_GIVEN == 0 && role_head(&text[last.start..last.end]) {
            return 0.0;
        }
        // "Claims Handler": the post's last word alone, after a capitalized word that is no name.
        let capitalized_before = text[..first.start]
            .strip_suffix(' ')
            .and_then(|t| t.rsplit(char::is_whitespace).next())
            .is_some_and(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic));
        if real.len() == 1
            && !after_title
            && last.flags & F_GIVEN == 0
            && capitalized_before
            && role_head(&text[last.start..last.end])
        {
            return 0.0;
        }
        // Eponyms, brands, weekdays, places: not a name unless a title says so, or
        // unless a given name that is also a month or a place ("Mei", "Florence")
        // opens a name whose other words are names and nothing else ("Mei Jackson").
        let clean_name = |w: &Word| {
            w.flags & F_NOT == 0
                && (w.flags & F_SURNAME != 0
                    || w.flags & F_GIVEN != 0 && w.flags & F_COMMON == 0
                    || w.flags & F_COMMON == 0
                        && w.end - w.start >= 5
                        && crate::name_shape::name_likeness(&text[w.start..w.end]) >= SHAPE_MIN)
        };
        let given_not = real.len() >= 2
            && first.flags & F_GIVEN != 0
            && first.case == Case::Capitalized
            && real[1..].iter().all(|w| clean_name(w));
        if real.iter().enumerate().any(|(k, w)| {
            w.flags & F_NOT != 0
                && w.flags & F_TITLE == 0
                && (!after_title || w.flags & (F_GIVEN | F_SURNAME) == 0)
                && !(k == 0 && given_not)
        }) {
            return 0.0;
        }
        if lower {
            // "Mme de la Fontaine", "dhr. van der Berg": a surname with its particles after a title.
            if after_title && first.flags & F_PARTICLE != 0 && last.case == Case::Capitalized {
                return 0.85;
            }
            // Only after a title or "patient", and both parts in the dictionaries.
            // "dr mizrahi dictating", "copia al doctor ndiaye": one word after a doctor's or a
            // Mr/Ms title, a surname the dictionaries hold and no ordinary word.
            let title = text[..first.start]
                .trim_end()
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_lowercase();
            let after_doctor = after_title
                && real.len() == 1
                && matches!(
                    title.trim_end_matches('.'),
                    "dr" | "doctor"
                        | "docteur"
                        | "doctora"
                        | "dokter"
                        | "doktor"
                        | "doutor"
                        | "doutora"
                        | "dott"
                        | "mr"
                        | "mrs"
                        | "ms"
                )
                && !common(&first)
                && first.flags & F_SURNAME != 0
                && first.flags & (F_STOP | F_NOT | F_ORG | F_TITLE) == 0;
            return if (after_title || person_ctx) && real.len() >= 2 && given_first && surname_last || after_doctor {
                0.8
            } else {
                0.0
            };
        }
        // Words no dictionary holds that look like names by their letters ("Nomvula", "Oyelaran").
        let shaped = |w: &Word| {
            let word = &text[w.start..w.end];
            // "I've", "We'll": a contraction; "O'Neill", "D'Souza": a name's apostrophe.
            let contraction = word
                .split(['\'', '’'])
                .nth(1)
                .is_some_and(|rest| !rest.starts_with(char::is_uppercase));
            // "[NAME] and [DATE]": a template's placeholder.
            let placeholder = w.start > 0 && matches!(b[w.start - 1], b'[' | b'{' | b'<');
            // Capitalized only: "CEO", "KYC", "EDUCATION" are acronyms and headings.
            w.case == Case::Capitalized
                && w.flags & (F_GIVEN | F_SURNAME | F_STOP | F_NOT | F_TITLE | F_ORG) == 0
                && !common(w)
                && !w.initial
                && !contraction
                && !placeholder
                && w.end - w.start >= 3
                && crate::name_shape::name_likeness(word) >= SHAPE_MIN
        };
        let name_or_shaped = |w: &Word| named(w) || w.initial || shaped(w);
        let first_shaped = shaped(&first);
        let all_shaped = real.iter().all(|w| name_or_shaped(w));
        // A field's value after its colon ("pratica: Arash Sadeghi,") opens no sentence.
        let after_colon = text[..first.start].trim_end_matches(' ').ends_with(':');
        let mut s: f32 = if real.len() >= 2 && all_shaped && known == 0 && !upper {
            // "Spoke with Ngozi Adaeze": two unknown words shaped like names.
            if sentence_start && !after_colon && !real.iter().all(|w| w.end - w.start >= 4) {
                0.45
            } else if sentence_start && !after_colon {
                0.55
            } else {
                0.6
            }
        } else if real.len() >= 2 && all_shaped && known >= 1 && !(given_first && surname_last) && !upper {
            // "Nomvula Khumalo", "Thandeka Mthembu": a known half and a name-shaped one.
            0.75
        } else if real.len() >= 2 {
            if given_first && (surname_last || !common(&last)) && known >= 1 {
                if surname_last {
                    0.9
                } else {
                    0.75
                }
            } else if given_first {
                0.55
            } else if surname_last && !common(&first) && !first.initial {
                0.6
            } else if first.initial && surname_last {
                0.75
            } else if known >= 1 && !all_common {
                0.45
            } else {
                0.2
            }
        } else if given_first && !common(&first) {
            // A given name alone ("discussed with Ayelet"), unless it is also a place
            // ("an office in Milan"), a month's or a weekday's abbreviation ("due Jan."), a
            // body's eponym ("the Circle of Willis") or an abbreviation ("78-jährige Pat. mit").
            let word = &single;
            let eponym = text[..first.start].ends_with(" of ")
                && text[..first.start - 4]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
            let abbreviated = text[first.end..]
                .strip_prefix(". ")
                .is_some_and(|r| r.starts_with(char::is_lowercase));
            let calendar =
                month_name(word) || matches!(word.as_str(), "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun");
            // "Pat. Katharina Schmidt": the word is a person's cue ("Pat." for patient).
            let at = ctx.hits.partition_point(|h| h.start < first.start);
            let cue = ctx.hits[at..]
                .iter()
                .take_while(|h| h.start == first.start)
                .any(|h| h.end > first.end && h.kinds & cx::PERSON != 0);
            // "Le pape François", "King Charles": a pope's or a monarch's name.
            let regnal = REGNAL.split('|').any(|r| word_before == r);
            // "Chase acct 5472…", "Sterling savings": a bank's name before its product.
            let bank = text[first.end..].strip_prefix(' ').is_some_and(|r| {
                let next = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                BANK_WORDS.split('|').any(|w| next.eq_ignore_ascii_case(w))
            });
            // "Het kantoor in Regina", "la oficina en Lourdes": a place after "in".
            let locative = matches!(word_before, "in" | "en" | "em");
            if self.places.contains(word.as_str())
                || eponym
                || abbreviated
                || calendar
                || cue
                || regnal
                || bank
                || locative
            {
                0.45
            } else {
                0.5
            }
        } else if given_first || first.flags & F_SURNAME != 0 {
            0.25
        } else if first_shaped {
            0.3
        } else {
            0.1
        };
        if (all_common || mostly_common) && !after_title {
            s = s.min(0.3);
        }
        // "Patient Access", "Nurse Practitioner", "PATIENT INTAKE FORM": after a role, not an
        // honorific, words that no dictionary holds and that are not shaped like names name a
        // department or a document.
        if after_title
            && known == 0
            && role_before(text, first.start)
            && self.department_words(text, first.start, last.end)
        {
            return 0.0;
        }
        if after_title {
            s = s.max(0.9);
        } else if person_ctx {
            s = (s + 0.35).min(0.95);
            // A name-shaped word alone right after its cue ("Agent Dmitri", "Patient: Nomvula,"),
            // not the first word of what follows a label ("Agent: How can I help?").
            let cue_adjacent = ctx
                .nearest_before(first.start, cx::PERSON, 2)
                .is_some_and(|h| text[h.end..first.start] == *" " || field_end(b, last.end));
            if real.len() == 1 && !named(&first) && !(first_shaped && cue_adjacent) {
                s = s.min(0.4);
            }
        }
        // A sentence's first word, alone, is a name only where it is a given name that no
        // language here uses as a word and a lower-case word follows ("Amara needs a refill").
        let plain_given_opens = given_first
            && !common(&first)
            && !self.ordinary.contains(single.as_str())
            && text[last.end..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_lowercase));
        if sentence_start && real.len() == 1 && !person_ctx && !plain_given_opens {
            s -= 0.2;
        }
        if upper && !person_ctx {
            s -= 0.15;
        }
        // "Anna reports ...", "Ilse (daughter)": what follows says a person.
        let said = ctx
            .after(last.end, cx::PERSON_AFTER, 2)
            .filter(|h| h.start > last.end && text[last.end..h.start].bytes().all(|c| c == b' '));
        if let Some(h) = said.filter(|_| !all_common && !mostly_common) {
            // A relation in brackets names anyone; a verb, a given name.
            let relation = text[h.start..].starts_with('(');
            if relation || given_first || real.len() == 1 && first_shaped {
                s = s.max(if real.len() >= 2 || given_first || first_shaped {
                    0.8
                } else {
                    0.6
                });
            }
        }
        // "ask Ketevan", "ping Dawit", "cc Rania": a verb that takes a person.
        let verb_before = !sentence_start && ends_with_phrase(&before, &self.person_verbs);
        if verb_before && real.len() <= 3 && real.iter().all(|w| name_or_shaped(w)) && !all_common {
            s = s.max(0.75);
        }
        // "Hi Anna," / "Anna," at the start of a line: a greeting or a signature.
        if real.len() == 1 && (given_first && greeting(text, i, words) || first_shaped && greeted(text, i, words)) {
            s = s.max(0.85);
        }
        s
    }

    /// The words the learned recognizer should look at (byte spans of
    /// `text`), because no rule settled them: capitalized words outside every
    /// `settled` span that no dictionary knows as an ordinary word, a title,
    /// an organisation or a function word (known names included: the rules
    /// scored them too low), except a lone one opening a sentence with no
    /// person context before it; and a lower-case word right after a person
    /// context word ("my name is thandiwe", "dr okafor").
    pub(crate) fn unsettled(&self, text: &str, ctx: &Context<'_>, settled: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let covered = |s: usize, e: usize| settled.iter().any(|&(a, z)| a < e && s < z);
        let ordinary = F_COMMON | F_STOP | F_TITLE | F_ORG | F_PARTICLE;
        let words = self.words(text, ctx);
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if w.case != Case::Capitalized || w.flags & ordinary != 0 || covered(w.start, w.end) {
                continue;
            }
            let capitalized = |x: &Word| x.case == Case::Capitalized;
            let next = words
                .get(i + 1)
                .is_some_and(|n| capitalized(n) && joined(b, w.end, n.start, false));
            let prev = i > 0 && capitalized(&words[i - 1]) && joined(b, words[i - 1].end, w.start, false);
            if sentence_start(b, w.start) && !next && !prev && ctx.nearest_before(w.start, cx::PERSON, 24).is_none() {
                continue;
            }
            out.push((w.start, w.end));
        }
        for h in ctx.hits.iter().filter(|h| h.kinds & cx::PERSON != 0) {
            let mut at = h.end;
            for _ in 0..2 {
                let rest = &text[at..];
                let skipped = rest.len() - rest.trim_start_matches([' ', ':', ',', '\t']).len();
                let start = at + skipped;
                let len = text[start..]
                    .char_indices()
                    .find(|(_, c)| !(c.is_alphabetic() || *c == '-' || *c == '\''))
                    .map_or(text.len() - start, |(k, _)| k);
                let word = &text[start..start + len];
                if word == "is" || word == "ist" || word == "est" || word == "es" || word == "è" {
                    at = start + len;
                    continue;
                }
                let lower = len >= 2 && word.chars().all(|c| !c.is_uppercase());
                if skipped > 0 && lower && self.lookup(word) & ordinary == 0 && !covered(start, start + len) {
                    out.push((start, start + len));
                }
                break;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The words that can be part of a name: capitalized and upper-case
    /// words, initials, lower-case particles between them, and lower-case
    /// words right after a title or "patient". Ordinary lower-case prose is
    /// skipped without a dictionary lookup.
    fn words(&self, text: &str, ctx: &Context<'_>) -> Vec<Word> {
        let b = text.as_bytes();
        let mut out: Vec<Word> = Vec::new();
        let mut i = 0;
        let mut hit = 0;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_lowercase()
                && !(out
                    .last()
                    .is_some_and(|w| w.end + 3 >= i && w.flags & (F_TITLE | F_GIVEN | F_SURNAME) != 0))
            {
                // Fast path: a lower-case ASCII word far from any name: skip it, unless it is a short particle.
                let start = i;
                while hit < ctx.hits.len() && ctx.hits[hit].start < start {
                    hit += 1;
                }
                if ctx
                    .hits
                    .get(hit)
                    .is_some_and(|h| h.start == start && h.kinds & cx::PERSON != 0)
                {
                    // "patient", "dr", "mr": a title in lower case, names may follow.
                    i = self.slow_word(text, start, &mut out);
                    continue;
                }
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                if i < b.len() && (b[i] >= 0x80 || b[i] == b'\'' || b[i] == b'-') {
                    // Accented or hyphenated word: finish it on the slow path below.
                    i = self.slow_word(text, start, &mut out);
                    continue;
                }
                if i - start <= 4 && start > 0 && b[start - 1] == b' ' && i - start >= 1 {
                    let word = &text[start..i];
                    let particle = self
                        .particles
                        .find(Input::new(word).anchored(Anchored::Yes))
                        .is_some_and(|m| m.end() == word.len());
                    let flags = if particle { self.lookup(word) } else { 0 };
                    if flags & F_PARTICLE != 0 {
                        out.push(Word {
                            start,
                            end: i,
                            case: Case::Lower,
                            flags,
                            initial: false,
                        });
                    }
                }
                continue;
            }
            if !(c.is_ascii_alphabetic() || c >= 0x80) {
                i += 1;
                continue;
            }
            i = self.slow_word(text, i, &mut out);
        }
        out
    }

    /// Read one word starting at `start` (char by char), push it if it can
    /// be part of a name, and return where scanning goes on.
    fn slow_word(&self, text: &str, start: usize, out: &mut Vec<Word>) -> usize {
        let b = text.as_bytes();
        let mut end = start;
        let (mut upper, mut lower, mut first_upper, mut n) = (0usize, 0usize, false, 0usize);
        let mut letters_only = true;
        for (off, ch) in text[start..].char_indices() {
            let ok = ch.is_alphabetic()
                || ((ch == '\'' || ch == '-' || ch == '’')
                    && off > 0
                    && text[start + off + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic));
            if !ok {
                if ch.is_ascii_digit() || ch == '_' {
                    letters_only = false;
                }
                break;
            }
            if ch.is_uppercase() {
                upper += 1;
                if n == 0 {
                    first_upper = true;
                }
            } else if ch.is_lowercase() {
                lower += 1;
            }
            n += 1;
            end = start + off + ch.len_utf8();
        }
        if end == start {
            // A non-letter character outside ASCII.
            return start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        // The rest of an alphanumeric token (identifiers, snake_case) makes it no word.
        let mut stop = end;
        while stop < b.len() && (b[stop].is_ascii_alphanumeric() || b[stop] == b'_') {
            stop += 1;
            letters_only = false;
        }
        let glued = (start > 0 && matches!(b[start - 1], b'0'..=b'9' | b'_' | b'@' | b'.' | b'$' | b'#'))
            || matches!(b.get(stop), Some(b'(' | b'_' | b'@'));
        if letters_only && !glued {
            let case = if first_upper && upper == 1 && lower > 0 {
                Case::Capitalized
            } else if first_upper && upper > 1 && lower == 0 && n > 1 {
                Case::Upper
            } else if upper == 0 {
                Case::Lower
            } else if first_upper {
                Case::Capitalized // McDonald, O'Brien, DeLuca
            } else {
                Case::Other
            };
            let initial = n == 1 && first_upper && b.get(end) == Some(&b'.');
            let mut flags = if case == Case::Other || (n < 2 && !initial) {
                0
            } else {
                self.lookup(&text[start..end])
            };
            // "Dr. med. Narek Kapanadze", "Prof. Dr. rer. nat. …": the degree's
            // field is part of the title.
            let after_title = out
                .last()
                .is_some_and(|w| w.flags & F_TITLE != 0 && w.end + 2 >= start && b.get(w.end) == Some(&b'.'));
            if after_title
                && b.get(end) == Some(&b'.')
                && matches!(
                    &text[start..end],
                    "med" | "dent" | "vet" | "rer" | "nat" | "phil" | "habil" | "univ" | "jur"
                )
            {
                flags |= F_TITLE;
            }
            let near_name = out
                .last()
                .is_some_and(|w| w.end + 3 >= start && w.flags & (F_TITLE | F_GIVEN | F_SURNAME) != 0);
            if case != Case::Lower || flags & (F_PARTICLE | F_TITLE) != 0 || near_name {
                out.push(Word {
                    start,
                    end,
                    case,
                    flags,
                    initial,
                });
            }
        }
        stop.max(start + 1)
    }
}

/// Whether a word is itself a person context word ("Agent Tyrone:",
/// "Operatore Marco:", "Berater Günter:"): the name starts after it.
/// Whether a word begins the label of another field (a date of birth, a
/// record, member or account number, a phone, an e-mail, an address).
fn field_word(ctx: &Context<'_>, w: Word) -> bool {
    field_label_at(ctx, w.start)
}

/// Whether the label of another field (a date of birth, a record, member or
/// account number, a phone, an e-mail, an address) begins at `start`.
pub(crate) fn field_label_at(ctx: &Context<'_>, start: usize) -> bool {
    const FIELDS: cx::Ctx = cx::SSN
        | cx::MRN
        | cx::HEALTH_PLAN
        | cx::PHONE
        | cx::PERSON_DATE
        | cx::NPI
        | cx::DEA
        | cx::EMAIL
        | cx::ADDRESS
        | cx::ACCOUNT
        | cx::IBAN
        | cx::BIC
        | cx::ROUTING
        | cx::CARD
        | cx::PASSPORT
        | cx::DRIVER_LICENSE
        | cx::ZIP
        | cx::DIAGNOSIS;
    ctx.after(start, FIELDS, 0).is_some_and(|h| h.start == start)
}

/// Whether `start` is inside a URL, a domain or an e-mail address: the
/// characters before it, back to a space, hold "://", "www." or an '@', or
/// it follows a '_' or a '='.
pub(crate) fn in_url(b: &[u8], start: usize) -> bool {
    if start == 0 {
        return false;
    }
    if matches!(b[start - 1], b'@' | b'_' | b'=') {
        return true;
    }
    let from = b[..start]
        .iter()
        .rposition(|c| c.is_ascii_whitespace())
        .map_or(0, |k| k + 1);
    let token = &b[from..start];
    memchr::memmem::find(token, b"://").is_some() || token.starts_with(b"www.") || token.contains(&b'@')
}

fn person_word(ctx: &Context<'_>, w: Word) -> bool {
    ctx.after(w.start, cx::PERSON, 0)
        .is_some_and(|h| h.start == w.start && h.end == w.end)
}

/// A city in an address: after a postal code ("75013 Paris", "3032 MX
/// Rotterdam") or before a US state and ZIP ("Springfield, IL 62704").
pub(crate) fn place(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let before = before
        .strip_suffix(|c: char| c.is_ascii_uppercase())
        .map_or(before, |b| {
            // "3032 MX": a Dutch postcode's letters.
            b.strip_suffix(|c: char| c.is_ascii_uppercase())
                .map_or(before, str::trim_end)
        });
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let zip_before = (4..=5).contains(&digits)
        && before.len() > digits
        && !before.as_bytes()[before.len() - digits - 1].is_ascii_alphanumeric();
    let after = &text.as_bytes()[end..];
    let state_zip_after = after.len() >= 10
        && after[0] == b','
        && after[1] == b' '
        && after[2..4].iter().all(u8::is_ascii_uppercase)
        && after[4] == b' '
        && after[5..10].iter().all(u8::is_ascii_digit);
    zip_before || state_zip_after
}

/// Whether two words are joined as parts of one name: a single space (or a
/// title's '.' and a space).
fn joined(b: &[u8], end: usize, start: usize, after_title: bool) -> bool {
    let gap = &b[end..start];
    match gap {
        [b' '] => true,
        [b'.', b' '] => true, // "J. Smith", "Dr. Smith"
        [b':', b' '] | [b',', b' '] if after_title => true,
        _ => false,
    }
}

/// Whether the last one, two or three words of `before` (lower case, words
/// split at whitespace, '(' and ',') are one of `phrases`.
fn ends_with_phrase(before: &str, phrases: &std::collections::HashSet<&'static str>) -> bool {
    let mut cut = before.len();
    for _ in 0..3 {
        let Some(k) = before[..cut].rfind([' ', '\n', '\t', '(', ',']) else {
            return phrases.contains(before);
        };
        if phrases.contains(&before[k + 1..]) {
            return true;
        }
        cut = k;
        // One separator between the words of a phrase.
        if before[..cut].ends_with([' ', '\n', '\t', '(', ',']) {
            return false;
        }
    }
    false
}

/// A field's value ends here: punctuation, a line's end or the text's.
fn field_end(b: &[u8], end: usize) -> bool {
    matches!(
        b.get(end),
        None | Some(b',' | b'.' | b';' | b')' | b'\n' | b'\r' | b'|')
    )
}

/// "Can Siri read my calendar?", "Will Anna need …?": a sentence that opens
/// with a verb, then a name, then a lower-case verb, and ends in '?'.
fn question_verb(text: &str, first: Word, last: Word) -> bool {
    let verb = text[first.start..first.end].to_ascii_lowercase();
    let opens = matches!(
        verb.as_str(),
        "can"
            | "could"
            | "will"
            | "would"
            | "should"
            | "shall"
            | "may"
            | "might"
            | "does"
            | "did"
            | "is"
            | "was"
            | "has"
    );
    let rest = &text[last.end..];
    let lower_next = rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
    let question = rest
        .find(['?', '.', '!', '\n'])
        .is_some_and(|k| rest.as_bytes()[k] == b'?');
    opens && lower_next && question
}

/// Whether the word before `start` is a role that is also a title (patient, nurse), not an
/// honorific (Mr, Dr).
pub(crate) fn role_before(text: &str, start: usize) -> bool {
    care_role(
        text[..start]
            .trim_end()
            .rsplit([' ', '\t', '\n', '('])
            .next()
            .unwrap_or(""),
    )
}

/// A patient's or a nurse's word, which comes before names and before departments
/// ("Patient Access", "Nurse Practitioner") alike.
pub(crate) fn care_role(word: &str) -> bool {
    matches!(
        word.trim_end_matches(['.', ':']).to_lowercase().as_str(),
        "nurse" | "pt" | "patient" | "patientin" | "patiente" | "paciente" | "paziente" | "patiënt"
    )
}

/// Whether the value at `start` is a field's whose key names a place: `"city": "`, `city=`,
/// `Stadt: `.
fn place_field_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches('"').trim_end();
    // A key's value after ':', '=' or a dash, or a table's cell after its key's cell ("| Comune | Bari |").
    let Some(before) = before.strip_suffix([':', '=', '|', '-', '—', '–']) else {
        return false;
    };
    let key = before.trim_end().trim_end_matches('"');
    let key = key
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("")
        .to_lowercase();
    let key = key.rsplit('_').next().unwrap_or("");
    matches!(
        key,
        "city"
            | "town"
            | "state"
            | "country"
            | "county"
            | "region"
            | "province"
            | "district"
            | "locality"
            | "stadt"
            | "ort"
            | "wohnort"
            | "land"
            | "ville"
            | "pays"
            | "ciudad"
            | "localidad"
            | "provincia"
            | "país"
            | "città"
            | "citta"
            | "comune"
            | "paese"
            | "cidade"
            | "estado"
            | "concelho"
            | "distrito"
            | "woonplaats"
            | "geboorteplaats"
            | "plaats"
            | "gemeente"
            | "residence"
            | "birthplace"
            | "hometown"
            | "municipality"
            // A nationality's value is a people's name ("Nationality | Irish").
            | "nationality"
            | "citizenship"
            | "nationalité"
            | "nacionalidad"
            | "nazionalità"
            | "nationalität"
            | "staatsangehörigkeit"
            | "nationaliteit"
            | "nacionalidade"
    )
}

fn sentence_start(b: &[u8], start: usize) -> bool {
    let mut k = start;
    while k > 0 && matches!(b[k - 1], b' ' | b'\t' | b'"' | b'\'' | b'(' | b'*' | b'-' | b'>') {
        k -= 1;
    }
    k == 0 || matches!(b[k - 1], b'.' | b'!' | b'?' | b'\n' | b':' | b';')
}

/// "Hi Anna," / "Dear Anna" / "Anna" alone on a line before or after a message.
fn greeting(text: &str, i: usize, words: &[Word]) -> bool {
    let w = words[i];
    let b = text.as_bytes();
    let after = &text[w.end..];
    let line_end = after.starts_with(',')
        || after.starts_with('\n')
        || after.trim_end().is_empty()
        || after.starts_with(" –")
        || after.starts_with(" -");
    let line_start = w.start == 0 || b[w.start - 1] == b'\n';
    greeted(text, i, words) || line_start && line_end
}

/// "Hi Anna", "Dear Anna", "Thanks Anna": a greeting word right before.
fn greeted(text: &str, i: usize, words: &[Word]) -> bool {
    let w = words[i];
    let b = text.as_bytes();
    i > 0 && {
        let p = words[i - 1];
        let pw = text[p.start..p.end].to_ascii_lowercase();
        joined(b, p.end, w.start, false)
            && matches!(
                pw.as_str(),
                "hi" | "hello"
                    | "dear"
                    | "hey"
                    | "hallo"
                    | "liebe"
                    | "lieber"
                    | "bonjour"
                    | "chère"
                    | "cher"
                    | "hola"
                    | "estimado"
                    | "estimada"
                    | "ciao"
                    | "gentile"
                    | "caro"
                    | "cara"
                    | "beste"
                    | "hoi"
                    | "thanks"
                    | "cheers"
                    | "regards"
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::ContextIndex;

    fn people(text: &str) -> Vec<String> {
        let idx = ContextIndex::new(&[]).unwrap();
        let mut hits = Vec::new();
        idx.find(text, &mut hits);
        let mut out = Vec::new();
        let names = Names::new().unwrap();
        names.scan(text, &Context { hits: &hits }, &[], &mut out);
        out.retain(|c| c.score >= 0.5);
        let mut kept = crate::resolve(out);
        kept.retain(|c| c.score >= 0.5);
        kept.extend(names.again(text, &kept, &[]));
        kept.sort_by_key(|c| c.start);
        kept.into_iter().map(|c| text[c.start..c.end].to_string()).collect()
    }

    #[test]
    fn a_given_name_alone_in_a_sentence_unless_a_place_a_date_or_a_product() {
        assert_eq!(people("I discussed the refill with Marta yesterday."), ["Marta"]);
        // A sentence's first word too, where no language here uses it as a word.
        assert_eq!(people("Wiebke needs a refill today."), ["Wiebke"]);
        assert!(people("Sol y sombra en la terraza.").is_empty());
        for text in [
            "Payments go to Charlotte tomorrow.",
            "Le pape François a célébré la messe.",
            "The Circle of Willis supplies the brain.",
            "Please upgrade Harmony 2024.1 tonight.",
            "Übergabe: 78-jährige Pat. mit Fieber",
            "Review is due Jan. next year",
            "Transfer to Chase acct 5472 routing",
            "Nationality | Irish",
            "Nationality - Irish",
            "expires 25-Jan-2024 soon",
        ] {
            assert!(people(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_surname_written_before_the_given_name() {
        assert_eq!(people("Ref payee MCDONALD, Grace DOB 1990"), ["MCDONALD, Grace"]);
        assert_eq!(people("PATIENT SUMMARY — KOWALSKI, Marta | DOB"), ["KOWALSKI, Marta"]);
        assert_eq!(people("Patients:\nOkafor-Bell, Grace | 1990"), ["Okafor-Bell, Grace"]);
        // A list of people is no "Surname, Given".
        assert_eq!(
            people("Present: Meenakshi Greco, Yuki Haddad, Avi"),
            ["Meenakshi Greco", "Yuki Haddad", "Avi"]
        );
    }

    #[test]
    fn departments_holidays_firms_and_teams_are_no_names() {
        for text in [
            "Escalated to Patient Access by the billing desk.",
            "Signed,\nNurse Practitioner, Harbor Point Clinic",
            "PATIENT INTAKE FORM\nsection 1",
            "HPI: PT IS A 71 YO M",
            "We close after Memorial Day and reopen after Boxing Day.",
            "Die Filiale bleibt an Christi Himmelfahrt zu.",
            "Tarrow Mercer Capital visit postponed.",
            "Payment received by Quill Freight Logistics.",
            "Date signed: 14 Jun 2027",
            "Olá equipa, a nova versão chega amanhã.",
            "Chère consœur, cher confrère, voici le compte rendu.",
            "Un saludo,\nLa supervisora de enfermería",
            "Best,\nOperations",
            "{\"city\": \"Dayton\", \"zip\": \"45402\"}",
            "a agência da Rua Augusta fecha cedo",
            "NAME (BLOCK CAPITALS): ________",
            "Is a Foley catheter needed after a Whipple procedure?",
            "geboortedatum = 18/09/2002\nwoonplaats = Haarlem",
        ] {
            assert_eq!(people(text), Vec::<String>::new(), "{text}");
        }
        // Still names: after a role with a name's shape or a given name after the comma,
        // a double name, a signature with a capitalized surname after an article.
        assert_eq!(people("Patient Ngozi Adaeze was seen"), ["Ngozi Adaeze"]);
        assert_eq!(people("Pt: KELDORAN, Mirela"), ["KELDORAN, Mirela"]);
        assert_eq!(people("Patient Fils-Aimé paid"), ["Fils-Aimé"]);
        assert!(people("Saluti,\nLa Rosa Gianluca").concat().contains("Rosa Gianluca"));
    }

    #[test]
    fn a_city_and_its_state_before_a_postal_code_and_a_commands_option_are_no_names() {
        assert_eq!(
            people("moved to 18 Birch Lane, Dayton OH 45402 last week"),
            Vec::<String>::new()
        );
        assert_eq!(
            people("Copy to patient: 55 Elm St, Hamilton ON L8P 4R5"),
            Vec::<String>::new()
        );
        assert_eq!(
            people("$ curl -s -X POST https://api.example.test/v1"),
            Vec::<String>::new()
        );
        assert_eq!(people("Call Maria Lopez about it"), ["Maria Lopez"]);
    }

    #[test]
    fn a_title_in_a_urls_path_is_no_title() {
        assert_eq!(
            people("See https://example.com/docs/fhir/Patient. Never share it."),
            Vec::<String>::new()
        );
        assert_eq!(people("Patientin/Patient: SAPUTRA Budi, *01.05.1987"), ["SAPUTRA Budi"]);
        // An initial is no article.
        assert_eq!(people("Patient: A. Popescu, MRN H67-66972"), ["A. Popescu"]);
    }

    #[test]
    fn the_next_fields_label_ends_a_name() {
        assert_eq!(
            people("Patient: Henrike Halvorsen DOB 1976-11-26"),
            ["Henrike Halvorsen"]
        );
        assert_eq!(people("Referral for Duc Kowalski MRN 00482913"), ["Duc Kowalski"]);
    }

    #[test]
    fn a_name_found_once_is_found_again() {
        assert_eq!(
            people("Subject: Sick leave - Dilovan Doski\n\nHi team, Dilovan is out this week."),
            ["Dilovan Doski", "Dilovan"]
        );
        assert_eq!(
            people("Patient: KAPANADZE, Giorgi. Mr Kapanadze was seen today; Giorgi's wife called."),
            ["KAPANADZE, Giorgi", "Kapanadze", "Giorgi"]
        );
        // Not inside an address or a handle, and not an ordinary word.
        assert_eq!(
            people("Dr. Wren Okafor called. Mail wren.okafor@example.org or @okafor; Wren is a bird too."),
            ["Wren Okafor", "Wren"]
        );
        // Inside another capitalized sequence it is that sequence's (a place, a firm).
        assert_eq!(
            people("Referred by Dr. Elena Sánchez. Clínica Santa Elena, ward 3. Elena will call."),
            ["Elena Sánchez", "Elena"]
        );
        // Typed in lower case in a chat, but not as a label, a slug or an address said aloud.
        assert_eq!(
            people("Dr. Tjarkko Venalainen called. can tjarkko cover friday?"),
            ["Tjarkko Venalainen", "tjarkko"]
        );
        assert_eq!(
            people("Dr. Tjarkko Venalainen called. linkedin.com/in/tjarkko-venalainen-12, venalainen: 12.03.2024, mail venalainen at outlook"),
            ["Tjarkko Venalainen"]
        );
    }

    #[test]
    fn a_name_shaped_first_word_after_a_fields_colon_stays() {
        // The first word no dictionary knows, but shaped like a name, after a colon.
        assert_eq!(
            people("Favorecido: Adaeze Weber Conta corrente: 5502917734"),
            vec!["Adaeze Weber"]
        );
        // Words that are not shaped like names still open no name after a colon.
        assert_eq!(people("Status: Pending Review"), Vec::<String>::new());
        // A sentence's first two words, both shaped like names, make one.
        assert_eq!(
            people("Oyelaran Tchakounte will take over the rota."),
            vec!["Oyelaran Tchakounte"]
        );
        assert_eq!(people("Quarterly Review shows growth."), Vec::<String>::new());
        // A three-letter word's shape says little: "Ask" opens no name.
        assert!(!people("Ask Alexa to play some music.").contains(&"Ask Alexa".to_string()));
    }

    #[test]
    fn a_given_name_that_is_also_a_month_or_a_place_opens_a_full_name() {
        // "Mei" is May in Dutch, "Florence" a city: with a surname after them, a name.
        assert_eq!(
            people("Your emergency contact is Mei Lindqvist, 312-555-0147"),
            vec!["Mei Lindqvist"]
        );
        assert_eq!(people("Please call Florence Okonkwo today"), vec!["Florence Okonkwo"]);
        // "Hope" opens sentences, but before a surname shaped like one it is a name.
        assert_eq!(people("Merci de me rappeler. Hope Tchakounte"), vec!["Hope Tchakounte"]);
        assert_eq!(people("Hope Everything is fine"), Vec::<String>::new());
        // A field's word in capitals ends the name before it.
        assert_eq!(people("Patient Ana Kowalczyk DOB 1971"), vec!["Ana Kowalczyk"]);
        // Alone, or before a number, still a month or a place.
        assert_eq!(people("op 3 Mei 2024 gezien"), Vec::<String>::new());
        assert_eq!(people("a conference in Florence next week"), Vec::<String>::new());
    }

    #[test]
    fn a_surname_in_lower_case_after_a_doctors_title() {
        assert_eq!(
            people("um this is dr kowalczyk dictating a discharge letter"),
            vec!["kowalczyk"]
        );
        assert_eq!(people("informe enviado al doctor ferreira, gracias"), vec!["ferreira"]);
        // Titles in Dutch and Portuguese.
        assert_eq!(people("huisarts: dokter Kowalczyk belde terug"), vec!["Kowalczyk"]);
        assert_eq!(people("consulta com o doutor ferreira amanhã"), vec!["ferreira"]);
        // Not an ordinary word after it, nor a word after another role.
        assert_eq!(people("see your family doctor within two weeks"), Vec::<String>::new());
        assert_eq!(people("Nurse: brilliant and your date of birth"), Vec::<String>::new());
    }

    #[test]
    fn a_credential_after_a_name_ends_it() {
        assert_eq!(
            people("Prescriber: Laura Whitfield MD   DEA on file"),
            vec!["Laura Whitfield"]
        );
        assert_eq!(people("Reviewed by Ana Ruiz RN today"), vec!["Ana Ruiz"]);
    }

    #[test]
    fn people_in_the_news_firms_and_diseases_are_not_private_names() {
        for text in [
            "Margaret Thompson, présidente de la banque centrale, a maintenu les taux.",
            "EZB-Präsidentin Sandra Keller kündigte an, die Zinsen zu senken.",
            "The agency, led by Daniel Foster, announced new rules.",
            "Lucas Moreau won the tournament on Sunday.",
            "We added Ernst & Young to the approved vendor list.",
            "Patient mit Morbus Wilson und Hypertonie.",
        ] {
            assert_eq!(people(text), Vec::<String>::new(), "{text}");
        }
        // The same names where a person is the subject of a record stay names.
        assert_eq!(people("Patient: Sandra Keller, DOB 03/04/1961"), vec!["Sandra Keller"]);
    }

    #[test]
    fn things_places_dates_firms_and_public_figures_are_not_private_names() {
        for text in [
            "Does the Halden Loop tracker sync with the app?",
            "We are hiring a Clinical Auditor based in Valparaíso.",
            "Die Praxis Hoffmann bleibt geschlossen.",
            "Ab 3. Mai 2027 gilt der neue Tarif, ab 9 August auch online.",
            "Can Alexa add this to my shopping list?",
            "Compare the margins of Morgan Stanley and Goldman Sachs.",
            "Olaf Scholz traf sich in Paris mit Emmanuel Macron.",
            "Saludos, el equipo de Admisiones",
        ] {
            assert_eq!(people(text), Vec::<String>::new(), "{text}");
        }
        // "a" is also "to": names after it stay names, and a public figure's name in a record stays one.
        assert_eq!(
            people("Die Überweisung an Jonas Brandt ist raus."),
            vec!["Jonas Brandt"]
        );
        assert_eq!(people("Patient: Olaf Scholz, DOB 03/04/1961"), vec!["Olaf Scholz"]);
        assert_eq!(people("Seen by Dr. Morgan Stanley today."), vec!["Morgan Stanley"]);
    }

    #[test]
    fn names_no_dictionary_holds_by_their_shape_where_the_context_allows_a_name() {
        for (text, want) in [
            (
                "Spoke with Tamunoibi Ekwueme about the denial.",
                &["Tamunoibi Ekwueme"][..],
            ),
            ("Please ask Ketevan about it.", &["Ketevan"]),
            ("Ketevan reports dizziness since Monday.", &["Ketevan"]),
            ("Agent: How can I help?", &[]),
            ("Lisinopril was stopped.", &[]),
            ("Leave blanks like [NAME] and [DATE] for us.", &[]),
            ("Call Metformin support.", &[]),
        ] {
            assert_eq!(people(text), want, "{text}");
        }
    }

    #[test]
    fn full_names_titles_and_context() {
        assert_eq!(
            people("Patient: Maria Keller, 54, presents with cough."),
            vec!["Maria Keller"]
        );
        assert_eq!(people("Seen by Dr. Kowalczyk today."), vec!["Kowalczyk"]);
        assert_eq!(people("I spoke with John Smith yesterday."), vec!["John Smith"]);
        assert_eq!(people("Hi Anna,\nthanks for the file."), vec!["Anna"]);
        assert_eq!(people("Referral letter\n\nChloe reports mild nausea."), vec!["Chloe"]);
        assert_eq!(
            people("Family history: Tamsin Okonkwo-Baptiste (parent) died."),
            vec!["Tamsin Okonkwo-Baptiste"]
        );
        assert_eq!(people("Nausea reports were rare."), Vec::<String>::new());
        assert_eq!(people("[09:47] Agent Tyrone: I'm sorry to hear that."), vec!["Tyrone"]);
        assert_eq!(people("Operatore Marco: Un attimo, verifico."), vec!["Marco"]);
        assert_eq!(people("Retour accompagné de Julien Leroy."), vec!["Julien Leroy"]);
        assert_eq!(people("Bonjour Mme de la Fontaine, à demain."), vec!["de la Fontaine"]);
        assert_eq!(people("Our office in Milan will be closed."), Vec::<String>::new());
        for (text, not_a_person) in [
            ("Dott. Salvatore Conti, Ospedale Sandro Pertini.", "Sandro Pertini"),
            (
                "Pacemaker Medtronic Azure, numero di serie PF9ZKS3Y.",
                "Medtronic Azure",
            ),
            ("Adres: Stationsplein 230 bis, 3032 MX Rotterdam", "Rotterdam"),
            (
                "Address on file: 576 N Madison Dr, Springfield, IL 62749.",
                "Springfield",
            ),
            (
                "Registered with Dr McDonald at Northside Internal Medicine.",
                "Northside Internal",
            ),
            // A storm's name, a building's, a school's, a prize's.
            ("Flights cancelled: Hurricane Helene hits Tampa.", "Helene"),
            ("Claims for damage caused by Storm Babet are open.", "Babet"),
            ("Os serviços mudam-se para o edifício Vasco da Gama.", "Vasco"),
            ("Análises no instituto Ricardo Jorge amanhã.", "Ricardo"),
            ("Boletín del colegio Miguel Hernández de Elche.", "Miguel"),
            ("Claims for damage caused by Hurricane Milton are open.", "Milton"),
            // A band's tribute act, a chatbot.
            ("Friday: Pink Floyd tribute band at the Arms.", "Floyd"),
            ("Max, our virtual assistant: Hi! How can I help?", "Max"),
            ("Ava (virtual assistant): Connecting you now.", "Ava"),
            // A meeting room named after someone, a department.
            ("Las reuniones se trasladan a la sala Severo Ochoa.", "Severo"),
            ("Oggetto: Sala Montessori e aggiornamento gestionale", "Montessori"),
            ("Zaal Van Leeuwenhoek is gesloten tot maandag.", "Leeuwenhoek"),
            ("Van: Facilitaire Dienst\nAan: alle medewerkers", "Facilitaire"),
            // A language after the words that introduce one.
            ("Rewrite this letter in plain English for the patient.", "English"),
            ("Bitte auf Englisch übersetzen, danke.", "Englisch"),
            // An identifier's label in capitals.
            ("Make a table with columns: patient, NHS number, age.", "NHS"),
            ("Seen 2 May, SSN and MRN on file.", "SSN"),
            // A release's name in typographic quotes.
            ("Die Release-Notes für „Ingrid“ kommen morgen.", "Ingrid"),
            ("Le palier « Solveig » ouvre lundi.", "Solveig"),
            // A post's last word alone.
            ("Yours sincerely,\nJuhani Lake\nClaims Handler", "Handler"),
        ] {
            let p = people(text);
            assert!(!p.iter().any(|n| n.contains(not_a_person)), "{text}: {p:?}");
        }
        // A person whose given name is also a storm's word.
        assert_eq!(people("Storm Larsen called back."), vec!["Storm Larsen"]);
        assert_eq!(people("Please ask Mr Handler."), vec!["Handler"]);
        assert_eq!(people("Please ask Mr English to call."), vec!["English"]);
        assert_eq!(
            people("Contact Jan van der Berg for details."),
            vec!["Jan van der Berg"]
        );
        assert_eq!(
            people("Frau Müller-Lüdenscheid kommt morgen."),
            vec!["Müller-Lüdenscheid"]
        );
    }

    #[test]
    fn lower_case_names_only_after_a_title_or_patient() {
        assert_eq!(people("patient john smith was admitted"), vec!["john smith"]);
        assert!(people("we will mark the grant as done").is_empty());
    }

    #[test]
    fn not_people() {
        assert!(
            people("The Quick Brown Fox jumps.").is_empty(),
            "{:?}",
            people("The Quick Brown Fox jumps.")
        );
        assert!(people("President Macron met Chancellor Scholz in Berlin.").is_empty());
        assert!(
            people("She works at Johnson Hospital.").is_empty(),
            "{:?}",
            people("She works at Johnson Hospital.")
        );
    }
}

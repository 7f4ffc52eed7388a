//! Recognizers with a shape a regular expression captures: e-mail, URL, IP and
//! MAC addresses, keys and tokens, dates tied to a person, street addresses and
//! postal codes, ICD-10 codes in clinical context, and identifiers that only
//! their context words make sensitive (MRN, member ID, passport, licence).

use regex::Regex;

use crate::windowed::{ceil_char, floor_char, Anchor, Batch, Found, Windowed};

use crate::context::{self as cx, Context};
use crate::entity::Kind;
use crate::validators as v;
use crate::Candidate;

pub struct Patterns {
    email: Regex,
    url: Regex,
    ipv4: Windowed,
    ipv6: Regex,
    mac: Windowed,
    vendor_key: Windowed,
    private_key: Regex,
    jwt: Regex,
    bearer: Regex,
    /// `scheme://user:PASSWORD@host`: the password of a connection string.
    dsn_password: Windowed,
    /// An AWS secret access key named as one without `=` ("secret AbC…").
    aws_secret: Regex,
    /// Words a secret is assigned to, inside identifiers too (`SESSION_SECRET=`).
    secret_names: aho_corasick::AhoCorasick,
    assigned_secret: Windowed,
    date: std::sync::Arc<Windowed>,
    street: Vec<Windowed>,
    /// The anchor words of the street lines, P.O. boxes and Japanese blocks
    /// (members in that order), found in one pass over a window.
    street_words: Batch,
    /// What may follow a street line: units, suites, floors, doors.
    unit_tail: Regex,
    /// Units written before the street line ("Flat 9, 176 Beech Gardens").
    unit_head: Regex,
    po_box: Windowed,
    /// A Japanese address in kanji: the block and its numbers after the ward or town.
    ja_block: Windowed,
    /// A postal code before a city name ("75011 Paris", "1012 AB Amsterdam").
    zip_city: Windowed,
    /// The value after a driver's licence label: groups of digits too.
    licence_value: Regex,
    /// The value after a licence-plate label.
    plate_value: Regex,
    /// A UK plate ("AB12 CDE"), distinctive enough beside vehicle words.
    uk_plate: Windowed,
    /// A GS1 UDI in human-readable form: (01) GTIN, then (11)/(17)/(10)/(21).
    gs1_udi: Regex,
    /// A street line of any shape right before a postal code and city.
    street_before_zip: Regex,
    /// An IPv6 address ending in an IPv4 one ("::ffff:10.0.0.1").
    ipv6_v4: Windowed,
    zip_us_state: Regex,
    uk_postcode: Windowed,
    zip_after: Regex,
    icd10: Windowed,
    context_id: Regex,
    /// A record or member number written in groups ("TSVY 2962 4590", "2538.652.535").
    member_value: Regex,
    /// A member or record number a few words after its label, past the payer's
    /// name ("Insurance: Keystone Mutual #W559173108", "adhérent MGEN sous le n° …").
    value_after_words: Regex,
    /// A member's number written in groups, a few words after its label
    /// ("Versicherungsnummer lautet 80756 15425 96133 83366").
    member_after_words: Regex,
    /// A speaker's tag that starts a turn in a transcript: "PT: ", "[00:00:56] Caller: ".
    speaker_tag: Regex,
    /// A turn's speaker opening a line, in any case, as transcripts and bots
    /// write it: "usuario:", "user said:", "klant zei:", "spk_0:", "[caller]".
    line_tag: Regex,
    /// The words an answer opens with: "sure it's um,", "sí es", "oui c'est".
    answer_lead: Regex,
    /// A postal code after its label: five or four digits (and ZIP+4), and the
    /// Brazilian, Japanese, Polish and six-digit forms.
    zip_value: Regex,
    /// A Canadian postal code after its province ("Winnipeg MB R2W 1R6").
    ca_postcode: Regex,
}

const MONTHS: &str = "janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus";

pub(crate) const US_STATES: &str = "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR";

/// USPS Publication 28, Appendix C1: every primary street suffix name and
/// its standard abbreviation, plus the common commonly used ones and British
/// street types.
const USPS_SUFFIXES: &[(&str, &str)] = &[
    ("Alley", "Aly"),
    ("Anex", "Anx"),
    ("Arcade", "Arc"),
    ("Avenue", "Ave"),
    ("Bayou", "Byu"),
    ("Beach", "Bch"),
    ("Bend", "Bnd"),
    ("Bluff", "Blf"),
    ("Bluffs", "Blfs"),
    ("Bottom", "Btm"),
    ("Boulevard", "Blvd"),
    ("Branch", "Br"),
    ("Bridge", "Brg"),
    ("Brook", "Brk"),
    ("Brooks", "Brks"),
    ("Burg", "Bg"),
    ("Burgs", "Bgs"),
    ("Bypass", "Byp"),
    ("Camp", "Cp"),
    ("Canyon", "Cyn"),
    ("Cape", "Cpe"),
    ("Causeway", "Cswy"),
    ("Center", "Ctr"),
    ("Centers", "Ctrs"),
    ("Circle", "Cir"),
    ("Circles", "Cirs"),
    ("Cliff", "Clf"),
    ("Cliffs", "Clfs"),
    ("Club", "Clb"),
    ("Common", "Cmn"),
    ("Commons", "Cmns"),
    ("Corner", "Cor"),
    ("Corners", "Cors"),
    ("Course", "Crse"),
    ("Court", "Ct"),
    ("Courts", "Cts"),
    ("Cove", "Cv"),
    ("Coves", "Cvs"),
    ("Creek", "Crk"),
    ("Crescent", "Cres"),
    ("Crest", "Crst"),
    ("Crossing", "Xing"),
    ("Crossroad", "Xrd"),
    ("Crossroads", "Xrds"),
    ("Curve", "Curv"),
    ("Dale", "Dl"),
    ("Dam", "Dm"),
    ("Divide", "Dv"),
    ("Drive", "Dr"),
    ("Drives", "Drs"),
    ("Estate", "Est"),
    ("Estates", "Ests"),
    ("Expressway", "Expy"),
    ("Extension", "Ext"),
    ("Extensions", "Exts"),
    ("Fall", "Fall"),
    ("Falls", "Fls"),
    ("Ferry", "Fry"),
    ("Field", "Fld"),
    ("Fields", "Flds"),
    ("Flat", "Flt"),
    ("Flats", "Flts"),
    ("Ford", "Frd"),
    ("Fords", "Frds"),
    ("Forest", "Frst"),
    ("Forge", "Frg"),
    ("Forges", "Frgs"),
    ("Fork", "Frk"),
    ("Forks", "Frks"),
    ("Fort", "Ft"),
    ("Freeway", "Fwy"),
    ("Garden", "Gdn"),
    ("Gardens", "Gdns"),
    ("Gateway", "Gtwy"),
    ("Glen", "Gln"),
    ("Glens", "Glns"),
    ("Green", "Grn"),
    ("Greens", "Grns"),
    ("Grove", "Grv"),
    ("Groves", "Grvs"),
    ("Harbor", "Hbr"),
    ("Harbors", "Hbrs"),
    ("Haven", "Hvn"),
    ("Heights", "Hts"),
    ("Highway", "Hwy"),
    ("Hill", "Hl"),
    ("Hills", "Hls"),
    ("Hollow", "Holw"),
    ("Inlet", "Inlt"),
    ("Island", "Is"),
    ("Islands", "Iss"),
    ("Isle", "Isle"),
    ("Junction", "Jct"),
    ("Junctions", "Jcts"),
    ("Key", "Ky"),
    ("Keys", "Kys"),
    ("Knoll", "Knl"),
    ("Knolls", "Knls"),
    ("Lake", "Lk"),
    ("Lakes", "Lks"),
    ("Land", "Land"),
    ("Landing", "Lndg"),
    ("Lane", "Ln"),
    ("Light", "Lgt"),
    ("Lights", "Lgts"),
    ("Loaf", "Lf"),
    ("Lock", "Lck"),
    ("Locks", "Lcks"),
    ("Lodge", "Ldg"),
    ("Loop", "Loop"),
    ("Mall", "Mall"),
    ("Manor", "Mnr"),
    ("Manors", "Mnrs"),
    ("Meadow", "Mdw"),
    ("Meadows", "Mdws"),
    ("Mews", "Mews"),
    ("Mill", "Ml"),
    ("Mills", "Mls"),
    ("Mission", "Msn"),
    ("Motorway", "Mtwy"),
    ("Mount", "Mt"),
    ("Mountain", "Mtn"),
    ("Mountains", "Mtns"),
    ("Neck", "Nck"),
    ("Orchard", "Orch"),
    ("Oval", "Oval"),
    ("Overpass", "Opas"),
    ("Park", "Park"),
    ("Parks", "Park"),
    ("Parkway", "Pkwy"),
    ("Parkways", "Pkwy"),
    ("Pass", "Pass"),
    ("Passage", "Psge"),
    ("Path", "Path"),
    ("Pike", "Pike"),
    ("Pine", "Pne"),
    ("Pines", "Pnes"),
    ("Place", "Pl"),
    ("Plain", "Pln"),
    ("Plains", "Plns"),
    ("Plaza", "Plz"),
    ("Point", "Pt"),
    ("Points", "Pts"),
    ("Port", "Prt"),
    ("Ports", "Prts"),
    ("Prairie", "Pr"),
    ("Radial", "Radl"),
    ("Ramp", "Ramp"),
    ("Ranch", "Rnch"),
    ("Rapid", "Rpd"),
    ("Rapids", "Rpds"),
    ("Rest", "Rst"),
    ("Ridge", "Rdg"),
    ("Ridges", "Rdgs"),
    ("River", "Riv"),
    ("Road", "Rd"),
    ("Roads", "Rds"),
    ("Route", "Rte"),
    ("Row", "Row"),
    ("Rue", "Rue"),
    ("Run", "Run"),
    ("Shoal", "Shl"),
    ("Shoals", "Shls"),
    ("Shore", "Shr"),
    ("Shores", "Shrs"),
    ("Skyway", "Skwy"),
    ("Spring", "Spg"),
    ("Springs", "Spgs"),
    ("Spur", "Spur"),
    ("Spurs", "Spur"),
    ("Square", "Sq"),
    ("Squares", "Sqs"),
    ("Station", "Sta"),
    ("Stravenue", "Stra"),
    ("Stream", "Strm"),
    ("Street", "St"),
    ("Streets", "Sts"),
    ("Summit", "Smt"),
    ("Terrace", "Ter"),
    ("Throughway", "Trwy"),
    ("Trace", "Trce"),
    ("Track", "Trak"),
    ("Trafficway", "Trfy"),
    ("Trail", "Trl"),
    ("Trailer", "Trlr"),
    ("Tunnel", "Tunl"),
    ("Turnpike", "Tpke"),
    ("Underpass", "Upas"),
    ("Union", "Un"),
    ("Unions", "Uns"),
    ("Valley", "Vly"),
    ("Valleys", "Vlys"),
    ("Viaduct", "Via"),
    ("View", "Vw"),
    ("Views", "Vws"),
    ("Village", "Vlg"),
    ("Villages", "Vlgs"),
    ("Ville", "Vl"),
    ("Vista", "Vis"),
    ("Walk", "Walk"),
    ("Walks", "Walk"),
    ("Wall", "Wall"),
    ("Way", "Way"),
    ("Ways", "Ways"),
    ("Well", "Wl"),
    ("Wells", "Wls"),
    // Common abbreviations beyond the standard ones, and British street types.
    ("Avenue", "Av"),
    ("Boulevard", "Boul"),
    ("Court", "Crt"),
    ("Crescent", "Cr"),
    ("Drive", "Drv"),
    ("Expressway", "Expwy"),
    ("Highway", "Hiway"),
    ("Parkway", "Pky"),
    ("Square", "Sqr"),
    ("Terrace", "Terr"),
    ("Close", "Cl"),
    ("Parade", "Pde"),
    ("Rise", "Rise"),
    ("Wynd", "Wynd"),
    ("Vale", "Vale"),
    ("Yard", "Yd"),
    ("Chase", "Chase"),
    ("Drove", "Drove"),
    ("Broadway", "Bdwy"),
    ("Embankment", "Emb"),
    ("Approach", "Appr"),
    ("Circus", "Circus"),
    ("Grange", "Grange"),
    ("Lawn", "Lawn"),
    ("Gate", "Gate"),
];

/// Suffixes that are also common words ("5 Key Points", "3 Green Lights"):
/// a street line with one of them needs another sign of an address.
const WEAK_SUFFIXES: &[&str] = &[
    "Bend",
    "Bottom",
    "Branch",
    "Camp",
    "Cape",
    "Center",
    "Centers",
    "Club",
    "Common",
    "Commons",
    "Corner",
    "Corners",
    "Course",
    "Divide",
    "Estate",
    "Estates",
    "Extension",
    "Extensions",
    "Fall",
    "Falls",
    "Field",
    "Fields",
    "Flat",
    "Flats",
    "Forest",
    "Fork",
    "Forks",
    "Fort",
    "Green",
    "Greens",
    "Haven",
    "Island",
    "Islands",
    "Key",
    "Keys",
    "Lake",
    "Lakes",
    "Land",
    "Light",
    "Lights",
    "Lock",
    "Locks",
    "Mall",
    "Mission",
    "Mount",
    "Mountain",
    "Mountains",
    "Oval",
    "Park",
    "Parks",
    "Pass",
    "Path",
    "Pine",
    "Pines",
    "Point",
    "Points",
    "Port",
    "Ports",
    "Rest",
    "River",
    "Spring",
    "Springs",
    "Station",
    "Stream",
    "Summit",
    "Track",
    "Union",
    "Unions",
    "View",
    "Views",
    "Wall",
    "Well",
    "Wells",
    "Ways",
    "Gate",
    "Rise",
    "Chase",
    "Lawn",
    "Yard",
    "Land",
    "Dam",
    "Is",
    "Un",
    "Via",
    "Vis",
    "Ext",
    "Ky",
    "Sta",
    "Cp",
    "Est",
    "Pt",
    "Mt",
    "Ft",
    "Fall",
    "Pr",
    "Cr",
    "Cl",
    "Ml",
    "Dl",
    "Bg",
    "Br",
    "Cor",
];

/// The alternation of every street suffix, in Title case and in capitals,
/// longest first.
fn street_suffixes() -> String {
    let mut v: Vec<String> = Vec::new();
    for (name, abbr) in USPS_SUFFIXES {
        for w in [*name, *abbr] {
            v.push(w.to_string());
            v.push(w.to_uppercase());
        }
    }
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v.join("|")
}

/// The window of a connection string's password around its "://": the
/// scheme before it (at most 21 bytes), then the user up to ':' (at most 64
/// characters), the password up to '@' (at most 128) and one character more.
fn dsn_window(b: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let n = b.len();
    let mut j = e;
    for (stop, most) in [(b':', 64), (b'@', 128)] {
        let mut chars = 0;
        while j < n && b[j] != stop && !b[j].is_ascii_whitespace() && !matches!(b[j], b'@' | b'/') {
            // Counted by characters, as the regex counts them.
            if b[j] & 0xC0 != 0x80 {
                chars += 1;
            }
            if chars > most {
                return None;
            }
            j += 1;
        }
        if b.get(j) != Some(&stop) {
            return None;
        }
        j += 1;
    }
    Some((s.saturating_sub(24), (j + 4).min(n)))
}

/// The window of a month name in a date: followed by '.', ',', '-', '/' or a space,
/// with a digit within 48 bytes before it or 32 after it.
fn month_window(b: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let next = *b.get(e)?;
    if !(next.is_ascii_whitespace() || next >= 0x80 || matches!(next, b'.' | b',' | b'-' | b'/')) {
        return None;
    }
    let n = b.len();
    let digit = b[s.saturating_sub(48)..s].iter().any(u8::is_ascii_digit)
        || b[e..(e + 32).min(n)].iter().any(u8::is_ascii_digit);
    digit.then(|| (s.saturating_sub(64), (e + 64).min(n)))
}

/// The window of a vendor's key from its prefix to the end of the key's characters.
fn key_window(b: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let key = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'+' | b'/' | b'=' | b'.');
    Some((s, e + b[e..].iter().take_while(|c| key(c)).count()))
}

/// The window of a secret assigned to a name holding `s..e` ("API_KEY = ..."):
/// to the end of the name, the assignment and the value.
fn assigned_window(b: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let n = b.len();
    let mut j = e;
    // Bytes past 0x7F may be letters, spaces or a value's: kept.
    while j < n && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'_' | b'.' | b'-') || b[j] >= 0x80) {
        j += 1;
    }
    while j < n && (b[j].is_ascii_whitespace() || matches!(b[j], b'"' | b'\'' | b':' | b'=' | b'>') || b[j] >= 0x80) {
        j += 1;
    }
    while j < n
        && !(b[j].is_ascii_whitespace() || matches!(b[j], b'"' | b'\'' | b'`' | b',' | b';' | b')' | b'}' | b']'))
    {
        j += 1;
    }
    Some((s, j))
}

/// The window of a US street line around its suffix word ("Terrace" in
/// "742 Evergreen Terrace"): back over the words a street line may hold
/// before its suffix (a number, a direction, up to three words: at most five
/// runs of spaces), which must hold a digit, and 96 bytes on.
fn us_street_window(b: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let lo = s.saturating_sub(240);
    let (mut i, mut gaps, mut in_space, mut digit) = (s, 0, false, false);
    while i > lo {
        let c = b[i - 1];
        let space = c.is_ascii_whitespace();
        // Bytes past 0x7F may be letters or spaces: kept, not counted.
        if !(space || c >= 0x80 || c.is_ascii_alphanumeric() || matches!(c, b'.' | b'\'' | b'-')) {
            break;
        }
        if space && !in_space {
            gaps += 1;
            if gaps > 5 {
                break;
            }
        }
        in_space = space;
        digit |= c.is_ascii_digit();
        i -= 1;
    }
    digit.then(|| (i.saturating_sub(1), (e + 96).min(b.len())))
}

/// The windows of numeric dates around their first separator: "2024-03-15"
/// (four digits, '-', one or two, '-'), "15.03.2024", "3/15/24" (one or two
/// digits, a separator, one or two, another separator and a digit).
fn date_separators(b: &[u8], out: &mut Vec<(usize, usize)>) {
    let n = b.len();
    for i in memchr::memchr3_iter(b'/', b'.', b'-', b) {
        if i == 0 || i + 1 >= n || !b[i + 1].is_ascii_digit() || !b[i - 1].is_ascii_digit() {
            continue;
        }
        let left = b[..i].iter().rev().take(5).take_while(|c| c.is_ascii_digit()).count();
        let right = b[i + 1..].iter().take(3).take_while(|c| c.is_ascii_digit()).count();
        let next = i + 1 + right;
        let second = right <= 2
            && b.get(next).is_some_and(|c| matches!(c, b'/' | b'.' | b'-'))
            && b.get(next + 1).is_some_and(u8::is_ascii_digit);
        let iso = left == 4 && b[i] == b'-' && b.get(next) == Some(&b'-');
        if second && (left <= 2 || iso) {
            out.push((i.saturating_sub(6), (next + 8).min(n)));
        }
    }
}

/// The windows of postal codes before a city: a run of four or five digits
/// followed by a space or a capital, to the end of the words after it (at
/// most 240 bytes of letters, spaces, '.', '-' and apostrophes).
fn postal_code_runs(b: &[u8], out: &mut Vec<(usize, usize)>) {
    let n = b.len();
    let mut i = 0;
    while i < n {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < n && b[i].is_ascii_digit() {
            i += 1;
        }
        // "114 55 Stockholm", "110 00 Praha", "80-001 Gdańsk".
        let digits_at = |at: usize, k: usize| {
            at + k <= n
                && b[at..at + k].iter().all(u8::is_ascii_digit)
                && b.get(at + k).is_none_or(|c| !c.is_ascii_digit())
        };
        let grouped = match (i - s, b.get(i)) {
            (3, Some(b' ')) if digits_at(i + 1, 2) => Some(i + 3),
            (2, Some(b'-')) if digits_at(i + 1, 3) => Some(i + 4),
            _ => None,
        };
        if let Some(end) = grouped {
            i = end;
        } else if !(4..=5).contains(&(i - s)) {
            continue;
        }
        let Some(&next) = b.get(i) else { continue };
        if !(next.is_ascii_whitespace() || next.is_ascii_uppercase() || next >= 0x80) {
            continue;
        }
        let city =
            |c: u8| c.is_ascii_alphabetic() || c.is_ascii_whitespace() || c >= 0x80 || matches!(c, b'.' | b'-' | b'\'');
        let e = i + b[i..(i + 240).min(n)].iter().take_while(|c| city(**c)).count();
        out.push((s.saturating_sub(6), e));
    }
}

/// Every street suffix, in Title case and in capitals.
fn street_suffix_words() -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for (name, abbr) in USPS_SUFFIXES {
        for w in [*name, *abbr] {
            v.push(w.to_string());
            v.push(w.to_uppercase());
        }
    }
    v
}

/// Cities a postal code precedes often enough to know them by name: the
/// larger ones of France, Germany, Spain, Italy, the Netherlands, Belgium,
/// Austria and Switzerland, lower case, '|'-separated.
const CITIES: &str = "paris|marseille|lyon|toulouse|nice|nantes|strasbourg|montpellier|bordeaux|lille|rennes|reims|toulon|grenoble|dijon|angers|nîmes|nimes|villeurbanne|clermont-ferrand|le havre|le mans|aix-en-provence|brest|tours|amiens|limoges|annecy|perpignan|metz|besançon|orléans|orleans|rouen|mulhouse|caen|nancy|argenteuil|montreuil|roubaix|avignon|poitiers|versailles|pau|la rochelle|calais|cannes|boulogne-billancourt|saint-denis|saint-étienne|neuilly-sur-seine|nanterre|créteil|berlin|hamburg|münchen|munchen|muenchen|köln|koeln|frankfurt|stuttgart|düsseldorf|duesseldorf|leipzig|dortmund|essen|bremen|dresden|hannover|nürnberg|nuernberg|duisburg|bochum|wuppertal|bielefeld|bonn|münster|muenster|mannheim|karlsruhe|augsburg|wiesbaden|mönchengladbach|gelsenkirchen|aachen|braunschweig|kiel|chemnitz|halle|magdeburg|freiburg|krefeld|mainz|lübeck|luebeck|erfurt|oberhausen|rostock|kassel|hagen|potsdam|saarbrücken|hamm|ludwigshafen|oldenburg|osnabrück|leverkusen|heidelberg|darmstadt|solingen|regensburg|paderborn|ingolstadt|würzburg|ulm|heilbronn|wolfsburg|göttingen|pforzheim|offenbach|bottrop|trier|recklinghausen|jena|koblenz|madrid|barcelona|valencia|sevilla|zaragoza|málaga|malaga|murcia|palma|bilbao|alicante|córdoba|cordoba|valladolid|vigo|gijón|gijon|granada|vitoria|oviedo|santander|pamplona|salamanca|burgos|almería|almeria|cádiz|cadiz|toledo|león|leon|tarragona|girona|lleida|logroño|badajoz|cáceres|huelva|jaén|castellón|albacete|sabadell|terrassa|getafe|móstoles|alcalá|coruña|donostia|san sebastián|san sebastian|roma|rome|milano|milan|napoli|torino|palermo|genova|bologna|firenze|bari|catania|venezia|verona|messina|padova|trieste|brescia|taranto|parma|prato|modena|reggio|perugia|livorno|ravenna|cagliari|foggia|rimini|salerno|ferrara|sassari|latina|monza|siracusa|pescara|bergamo|vicenza|trento|bolzano|novara|piacenza|ancona|udine|arezzo|lecce|pisa|como|lucca|amsterdam|rotterdam|den haag|'s-gravenhage|utrecht|eindhoven|groningen|tilburg|almere|breda|nijmegen|apeldoorn|haarlem|arnhem|enschede|amersfoort|zaanstad|zwolle|leiden|maastricht|dordrecht|zoetermeer|delft|deventer|alkmaar|venlo|leeuwarden|hilversum|heerlen|amstelveen|bruxelles|brussel|brussels|antwerpen|anvers|gent|gand|charleroi|liège|liege|brugge|bruges|namur|leuven|louvain|mons|mechelen|aalst|hasselt|kortrijk|ostende|oostende|wien|vienna|graz|linz|salzburg|innsbruck|klagenfurt|villach|wels|zürich|zurich|genève|geneve|geneva|basel|bern|lausanne|winterthur|luzern|lucerne|st. gallen|lugano|biel|luxembourg|luxemburg|esch-sur-alzette";

fn is_city(name: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| CITIES.split('|').collect());
    set.contains(name.to_lowercase().as_str())
}

/// Words that follow a number as its unit or what it counts, capitalised as
/// German nouns, currencies and units are: never a city after a postal code.
fn not_a_city(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "euro",
        "euros",
        "eur",
        "usd",
        "dollar",
        "dollars",
        "gbp",
        "chf",
        "pfund",
        "franken",
        "yen",
        "kr",
        "mio",
        "million",
        "millionen",
        "milliarden",
        "tausend",
        "stück",
        "stk",
        "menschen",
        "personen",
        "einwohner",
        "mitarbeiter",
        "mitarbeiterinnen",
        "beschäftigte",
        "besucher",
        "patienten",
        "fälle",
        "kunden",
        "nutzer",
        "jahre",
        "jahren",
        "tage",
        "tagen",
        "stunden",
        "minuten",
        "sekunden",
        "meter",
        "kilometer",
        "km",
        "kg",
        "mg",
        "ml",
        "mb",
        "gb",
        "kb",
        "tonnen",
        "liter",
        "punkte",
        "prozent",
        "seiten",
        "schritte",
        "einheiten",
        "exemplare",
        "artikel",
        "zeilen",
        "dateien",
        "datensätze",
        "anfragen",
        "bestellungen",
        "items",
        "units",
        "people",
        "users",
        "patients",
        "records",
        "rows",
        "bytes",
        "points",
        "steps",
        "pages",
        "miles",
        "feet",
        "words",
        "tokens",
        "requests",
        "orders",
        "views",
        "downloads",
        "calories",
        "kcal",
        "watts",
        "volts",
        "hz",
        "rpm",
        "ppm",
        "iu",
        "ui",
        "personnes",
        "habitants",
        "utilisateurs",
        "pages",
        "ventes",
        "personas",
        "habitantes",
        "usuarios",
        "persone",
        "abitanti",
        "utenti",
        "mensen",
        "inwoners",
        "gebruikers",
        "stuks",
        "der",
        "die",
        "das",
        "dem",
        "des",
        "ein",
        "eine",
        "und",
        "oder",
        "the",
        "and",
        "of",
        "in",
        "to",
        "gli",
        "een",
        "op",
        "im",
        "am",
        "vom",
        "zum",
        "zur",
        "bis",
        "von",
        "für",
        "mit",
        "nach",
        "ab",
        "ca",
        "circa",
        "st",
        "nr",
        "no",
        "rechnung",
        "bestellung",
        "auftrag",
        "ticket",
        "order",
        "invoice",
        "version",
        "build",
        "release",
        "error",
        "fehler",
        "code",
    ];
    let lower = word.to_lowercase();
    WORDS.contains(&lower.as_str())
}

fn weak_suffix(s: &str) -> bool {
    WEAK_SUFFIXES.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// The spans of the date pattern's matches in `text`, searched once per scan.
fn date_spans<'s>(date: &Windowed, text: &str, shared: &'s crate::Shared) -> &'s [(usize, usize)] {
    shared.dates.get_or_init(|| {
        date.captures(text)
            .iter()
            .filter_map(|c| c.get(0))
            .map(|m| (m.start(), m.end()))
            .collect()
    })
}

fn re(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(pattern)
}

fn windowed(pattern: &str, anchor: Result<Anchor, aho_corasick::BuildError>) -> Result<Windowed, regex::Error> {
    Windowed::new(pattern, anchor.map_err(|e| regex::Error::Syntax(e.to_string()))?)
}

/// Anchors: words (`ci`: in either case), with the bytes a match reaches before and after one.
fn words(list: &[&str], ci: bool, before: usize, after: usize) -> Result<Anchor, aho_corasick::BuildError> {
    Anchor::words(list, ci, before, after)
}

impl Patterns {
    pub fn new() -> Result<Patterns, regex::Error> {
        let en_types = street_suffixes();
        let en_units =
            "Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Flat|Room|Rm|Bldg|Building|Dept|APT|SUITE|STE|UNIT|FL|FLOOR|#";
        let suffix_words = street_suffix_words();
        let suffix_words: Vec<&str> = suffix_words.iter().map(String::as_str).collect();
        let lower_words: Vec<String> = USPS_SUFFIXES
            .iter()
            .flat_map(|(name, abbr)| [name.to_lowercase(), abbr.to_lowercase()])
            .collect();
        let lower_types = {
            let mut v = lower_words.clone();
            v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            v.dedup();
            v.join("|")
        };
        let lower_words: Vec<&str> = lower_words.iter().map(String::as_str).collect();
        let street = vec![
            // 742 Evergreen Terrace, 1600 Pennsylvania Ave NW, Apt 4B
            windowed(
                &format!(
                    r"(?:^|[^\w.])(\d{{1,5}}[A-Za-z]?(?:-\d{{1,5}}[A-Za-z]?)?[ \t]+(?:(?:[NSEW]\.?|North|South|East|West|NORTH|SOUTH|EAST|WEST)\s+)?(?:[\p{{Lu}}\d][\p{{L}}\d'.-]*\s+){{1,3}}({en_types})\.?(?:\s+(?:NW|NE|SW|SE|N|S|E|W)\b)?(?:,?\s+(?:{en_units})\.?\s*#?[A-Za-z0-9-]+)?)\b"
                ),
                Anchor::words(&suffix_words, false, 200, 96).map(|a| a.at_word_start().with_window(us_street_window)),
            )?,
            // Hauptstraße 12, Keizersgracht 123, Berliner Str. 5a, Am Markt 3
            windowed(
                r"\b((?:[\p{Lu}][\p{L}-]+[ \t])?(?:[\p{Lu}][\p{L}-]*(?i:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|markt|straat|laan|gracht|plein|kade|singel|dijk|dreef|burgwal|steeg|pad|park|hof|kai)|(?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer|Chaussee|Markt|Straat|Laan|Gracht|Plein|Kade|Singel|Dijk|Dreef|Park))\s+\d{1,4}(?:-(?:bis|ter)\b|\s(?:II|III|IV|hs)\b|\s?[a-zA-Z]\b|-\d{1,4}\b|-[IVX]{1,4}\b|\s(?:bis|ter)\b)?)",
                Anchor::words(
                    &[
                        "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer",
                        "chaussee", "steig", "pfad", "markt", "straat", "laan", "gracht", "plein", "kade", "singel",
                        "dijk", "dreef", "burgwal", "steeg", "pad", "park", "hof", "kai",
                    ],
                    true,
                    160,
                    48,
                )
                .map(|a| a.with_digit(0, 48)),
            )?,
            windowed(
                r"\b((?:Am|An der|Auf der|Im|In der|Zum|Zur|Unter den|Hinter der)\s+[\p{Lu}][\p{L}-]+\s+\d{1,4}[a-z]?(?:-\d{1,4})?)\b",
                Anchor::words(
                    &[
                        "Am",
                        "An der",
                        "Auf der",
                        "Im",
                        "In der",
                        "Zum",
                        "Zur",
                        "Unter den",
                        "Hinter der",
                    ],
                    false,
                    2,
                    160,
                )
                .map(|a| a.at_word_start().with_digit(0, 160)),
            )?,
            // 12 rue de la Paix, 5 bis avenue Foch
            windowed(
                r"(?i)\b(\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|allée|allee|impasse|chemin|quai|route|cours|passage|square)\s+(?:(?:de la|de l'|des|du|de|d')\s*)?[\p{L}'-]+(?:\s+(?:de la |de |du |des )?[\p{Lu}][\p{L}'-]+){0,3})",
                Anchor::words(
                    &[
                        "rue",
                        "avenue",
                        "av.",
                        "boulevard",
                        "bd",
                        "place",
                        "allée",
                        "allee",
                        "impasse",
                        "chemin",
                        "quai",
                        "route",
                        "cours",
                        "passage",
                        "square",
                    ],
                    true,
                    48,
                    200,
                )
                .map(|a| a.at_word_start().with_digit(48, 0)),
            )?,
            // Rue de la Loi 16, Avenue Louise 54 (Belgium, Switzerland: the number after)
            windowed(
                r"(?:^|[^\p{L}])((?:Rue|Avenue|Boulevard|Bd|Chemin|Allée|Impasse|Place|Quai|Route|Square|Passage|Cours)\s+(?:(?:de la|de l'|des|du|de|d')\s*)?[\p{Lu}][\p{L}'-]+(?:\s+(?:de la |de |du |des )?[\p{Lu}][\p{L}'-]+){0,3},?\s+\d{1,4}(?:\s?(?:bis|ter)\b|[a-zA-Z]\b)?)",
                Anchor::words(
                    &[
                        "Rue",
                        "Avenue",
                        "Boulevard",
                        "Bd",
                        "Chemin",
                        "Allée",
                        "Impasse",
                        "Place",
                        "Quai",
                        "Route",
                        "Square",
                        "Passage",
                        "Cours",
                    ],
                    false,
                    4,
                    200,
                )
                .map(|a| a.with_digit(0, 200)),
            )?,
            // Calle Mayor 5, Avenida de la Constitución 12, 3º B
            windowed(
                r"(?:^|[^\p{L}])((?:Calle|C/|C\.|Avenida|Avda\.?|Av\.|Paseo|Pº|Plaza|Pza\.|Camino|Carrer|Ronda|Rambla|Carretera|Ctra\.|Travesía|Travesia|Glorieta|Bulevar|Vía|Via|Passeig|Avinguda|Plaça|CALLE|AVENIDA|AVDA\.?|PASEO|PLAZA|CAMINO|CARRETERA|RONDA|TRAVESÍA|TRAVESIA)\s*(?:(?:de la|de los|de las|del|de|dels|d')\s*)?[\p{Lu}][\p{L}'-][\p{L}'.-]*(?:\s+(?:de la |del |de |y )?[\p{Lu}][\p{L}'.-]+){0,3},?\s+(?:[nN]\.?[ºo°]\.?\s*)?\d{1,4}(?:-\d{1,4}\b)?(?:,?\s*\d{1,2}[ºo°ª](?:\s*(?:izq(?:da)?\.|dcha\.|izq(?:da)?\b|dcha\b|[A-Za-z]\b))?)?)",
                Anchor::words(
                    &[
                        "Calle",
                        "C/",
                        "C.",
                        "Avenida",
                        "Avda",
                        "Av.",
                        "Paseo",
                        "Pº",
                        "Plaza",
                        "Pza.",
                        "Camino",
                        "Carrer",
                        "Ronda",
                        "Rambla",
                        "Carretera",
                        "Ctra.",
                        "Travesía",
                        "Travesia",
                        "Glorieta",
                        "Bulevar",
                        "Vía",
                        "Via",
                        "Passeig",
                        "Avinguda",
                        "Plaça",
                        "CALLE",
                        "AVENIDA",
                        "AVDA",
                        "PASEO",
                        "PLAZA",
                        "CAMINO",
                        "CARRETERA",
                        "RONDA",
                        "TRAVESÍA",
                        "TRAVESIA",
                    ],
                    false,
                    4,
                    200,
                )
                .map(|a| a.with_digit(0, 200)),
            )?,
            // Via Roma 10, Piazza della Signoria 5, Corso Vittorio Emanuele II 12
            windowed(
                r"\b((?:Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Strada|Contrada|Lungomare|Borgo|Salita|Lungotevere|Circonvallazione|Galleria|Vico|VIA|VIALE|PIAZZA|CORSO|VICOLO|LARGO)\s+(?:(?:dei|degli|delle|della|del|di|de'|dell')\s*)?[\p{Lu}][\p{L}'.-]+(?:\s+(?:della |del |di |dei |delle )?[\p{Lu}\d][\p{L}'.-]*){0,3},?\s+(?:n\.\s*)?\d{1,4}(?:/?[a-zA-Z])?)\b",
                Anchor::words(
                    &[
                        "Via",
                        "Viale",
                        "Piazza",
                        "Piazzale",
                        "Corso",
                        "Largo",
                        "Vicolo",
                        "Strada",
                        "Contrada",
                        "Lungomare",
                        "Borgo",
                        "Salita",
                        "Lungotevere",
                        "Circonvallazione",
                        "Galleria",
                        "Vico",
                        "VIA",
                        "VIALE",
                        "PIAZZA",
                        "CORSO",
                        "VICOLO",
                        "LARGO",
                    ],
                    false,
                    2,
                    200,
                )
                .map(|a| a.at_word_start().with_digit(0, 200)),
            )?,
            // Rua da Bahia, 1745; Travessa São José 2273; Calzada de Tlalpan 221; ul. Kwiatowa 98/48
            windowed(
                r"(?:^|[^\p{L}])((?:Rua|Avenida|Av\.|Avda\.|Largo|Travessa|Praceta|Tv\.|Alameda|Praça|Pça\.|Estrada|Rodovia|Calzada|Calz\.|Carrera|Cra\.|Jirón|Prolongación|ul\.|Ul\.|ulica|Aleja|Aleje|Osiedle|Plac|RUA|TRAVESSA|PRACETA|ESTRADA|ALAMEDA|PRAÇA)\s+(?:(?:da|das|do|dos|de|del|de la|de los|el|la)\s+)?[\p{Lu}][\p{L}'.-]+(?:\s+(?:da |das |do |dos |de |del |de la |e |y )?[\p{Lu}\d][\p{L}'.-]*){0,4},?\s+(?:[nN]\.?[ºo°]\.?\s*|nr\.?\s*|lote\s+)?\d{1,5}(?:[A-Za-z]\b|/\d{1,4}[A-Za-z]?)?)",
                Anchor::words(
                    &[
                        "Rua",
                        "Avenida",
                        "Av.",
                        "Avda.",
                        "Largo",
                        "Travessa",
                        "Praceta",
                        "RUA",
                        "TRAVESSA",
                        "PRACETA",
                        "ESTRADA",
                        "ALAMEDA",
                        "PRAÇA",
                        "Tv.",
                        "Alameda",
                        "Praça",
                        "Pça.",
                        "Estrada",
                        "Rodovia",
                        "Calzada",
                        "Calz.",
                        "Carrera",
                        "Cra.",
                        "Jirón",
                        "Prolongación",
                        "ul.",
                        "Ul.",
                        "ulica",
                        "Aleja",
                        "Aleje",
                        "Osiedle",
                        "Plac",
                    ],
                    false,
                    4,
                    200,
                )
                .map(|a| a.at_word_start().with_digit(0, 200)),
            )?,
            // Japanese addresses in Latin letters: 3-18-14 Ebisu, Shibuya-ku
            windowed(
                r"\b(\d{1,2}-\d{1,2}(?:-\d{1,3})?\s+[\p{Lu}][\p{L}]+)(?:,\s*[\p{Lu}][\p{L}]+-(?:ku|shi|cho|machi|gun|mura))\b",
                Anchor::words(&["-ku", "-shi", "-cho", "-machi", "-gun", "-mura"], false, 48, 6),
            )?,
            // All in lower case, as chats and transcripts write them: "my address is 7180
            // pinecrest drive". Kept only beside an address word, a unit or a postal code
            // (see `streets`).
            windowed(
                &format!(r"(?:^|[^\w.])(\d{{1,5}}[a-z]?\s+(?:[\p{{Ll}}][\p{{Ll}}'-]*\s+){{1,3}}({lower_types})\.?)\b"),
                Anchor::words(&lower_words, false, 200, 96).map(|a| a.at_word_start().with_window(us_street_window)),
            )?,
            // The same in German, Dutch, French, Spanish, Italian and Portuguese: "neue adresse
            // lindenstraße 152", "mariahilfer str. 153", "morada: travessa do carmo, 181", "via
            // manzoni 136". Kept on the same conditions.
            windowed(
                r"(?:^|[^\p{L}\d])((?:[\p{Ll}]{3,}er[ \t](?:straße|strasse|str\.)|[\p{Ll}][\p{Ll}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|chaussee|straat|laan|gracht|plein|kade|singel|dijk))\s+\d{1,4}(?:\s?[a-z]\b|-\d{1,4}\b)?|(?:rua|avenida|avda\.|av\.|travessa|alameda|praça|estrada|calle|paseo|plaza|carrer|camino|ronda|via|viale|piazza|piazzale|corso|vicolo|rue|avenue|boulevard|chemin|allée|impasse|quai)\s+(?:(?:da|das|do|dos|de|del|de la|de los|de las|della|dei|degli|delle|di|dell'|du|des|d')\s*)?[\p{Ll}][\p{Ll}'-]+(?:\s+(?:(?:da|das|do|dos|de|del|della|di|e|y)\s+)?[\p{Ll}][\p{Ll}'.-]+){0,3},?\s+(?:n\.?[ºo°]\.?\s*|nr\.?\s*)?\d{1,5}[a-z]?|(?:rua|avenida|avda\.|av\.|travessa|praceta|largo|alameda|praça|estrada|calle|travesía|travesia|paseo|plaza|carrer|camino|ronda|vía|via|viale|piazza|piazzale|corso|vicolo)\s+(?:(?:da|das|do|dos|de|del|de la|de los|de las|della|dei|degli|delle|di|dell')\s*)?[\p{Lu}][\p{Ll}'-]+(?:\s+(?:(?:da|das|do|dos|de|del|della|di|e|y)\s+)?[\p{L}][\p{Ll}'.-]+){0,3},?\s+(?:n\.?[ºo°]\.?\s*|nr\.?\s*|lote\s+)?\d{1,4}(?:-\d{1,4})?[a-zA-Z]?(?:/[a-zA-Z0-9]{1,3})?)\b",
                Anchor::words(
                    &[
                        "straße",
                        "strasse",
                        "str.",
                        "weg",
                        "gasse",
                        "platz",
                        "allee",
                        "damm",
                        "ufer",
                        "chaussee",
                        "straat",
                        "laan",
                        "gracht",
                        "plein",
                        "kade",
                        "singel",
                        "dijk",
                        "rua",
                        "avenida",
                        "avda.",
                        "av.",
                        "travessa",
                        "praceta",
                        "largo",
                        "alameda",
                        "praça",
                        "estrada",
                        "calle",
                        "travesía",
                        "travesia",
                        "paseo",
                        "plaza",
                        "carrer",
                        "camino",
                        "ronda",
                        "via",
                        "viale",
                        "piazza",
                        "piazzale",
                        "corso",
                        "vicolo",
                        "vía",
                        "rue",
                        "avenue",
                        "boulevard",
                        "chemin",
                        "allée",
                        "impasse",
                        "quai",
                    ],
                    false,
                    160,
                    160,
                )
                .map(|a| a.with_digit(0, 160)),
            )?,
        ];
        let unit_word = r"(?:Apt|Apartment|Apto|Ap|Casa|Bloco|Depto|Dpto|Sala|Suite|Ste|Unit|Fl|Floor|Flat|Room|Rm|Bldg|Building|Wohnung|Whg|WE|App|Appt|Appartement|Apartement|Bât|Bat|Bâtiment|Batiment|Escalier|Esc|Porte|Piso|Planta|Puerta|Pta|Escalera|Interno|Int|Scala|Sc|Piano|Verdieping|Bus|Huis|Hs|Stiege|Stg|Tür|Top)";
        let floor_word =
            r"(?:floor|fl|étage|etage|éme étage|piso|planta|piano|verdieping|etage|stock|og|obergeschoss|andar)";
        // A door's side, written alone or after a floor: "2º izquierda", "3º dcha.", "2º esquerdo".
        let door_word =
            r"(?:izquierda|derecha|izq(?:da)?|dcha|izda|dto|esq|esquerdo|esquerda|direito|direita|frente|fte)";
        // "4B", "12-3", "C"; said aloud: "4 b", "four b", "twelve".
        let unit_id = r"(?:(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s[a-z]\b|[A-Za-z]?\d{1,4}[A-Za-z]?(?:[-/]\w{1,4})?\b|[A-Z]\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)";
        let unit_tail = re(&format!(
            r"^(?:[ \t]*(?:[,;]|-[ \t])?[ \t]*(?:\r?\n)?[ \t]*(?:#\s?{unit_id}|(?i:{unit_word})\.?\s*(?:n[º°o]\.?\s*)?#?\s*{unit_id}|\d{{1,2}}\s?(?:\.?[º°ª]|\.o|\.|e|er|re|ème|eme|st|nd|rd|th)?\s*(?i:{floor_word})\b\.?(?:\s+(?:[A-Z]\b|(?i:rechts|links|mitte)\b))?|\d{{1,2}}\.?(?:\s?[º°ª]|o)\s*-?\s*(?:[A-Za-z]\b|\d{{1,2}}[ºª°ao]?\b|(?i:{door_word}|centro|der|dr|ctr|ext|int|exterior|interior|dt|drt)\b\.?)|(?i:{floor_word})\.?\s*\d{{1,2}}\b|(?i:r/c|bajo|bajos|entresuelo|ático|atico|eg|dg|ug|erdgeschoss|dachgeschoss|hochparterre|parterre|rdc|rez-de-chaussée)\b(?:\s+(?i:rechts|links|mitte)\b)?|/[A-Za-z0-9]{{1,3}}\b(?:/[A-Za-z0-9]{{1,3}}\b)?|(?:m|lok)\.\s?\d{{1,4}}\b|-?(?i:hoog|bis|ter)\b|-\d{{1,3}}[A-Za-z]?\b|(?i:{door_word})\b\.?)){{1,3}}"
        ))?;
        let unit_head = re(&format!(
            r"(?:^|[^\w])((?:(?i:{unit_word}|Apartment|Flat)\.?\s*#?\s*{unit_id}|(?i:(?:lower\s+)?(?:ground|first|second|third|top|basement)\s+floor(?:\s+(?:flat|apartment))?)),?\s*(?:\r?\n)?[ \t]*(?:(?:(?i:{unit_word})\.?\s*#?\s*{unit_id}|\d{{1,2}}\s?(?:\.?[º°ª]|\.o|\.|e|er|re|ème|eme|st|nd|rd|th)?\s*(?i:{floor_word})\b\.?|\p{{Lu}}[\p{{L}}'-]+(?:\s\p{{Lu}}[\p{{L}}'-]+){{0,2}}),\s*(?:\r?\n)?[ \t]*){{0,2}})$"
        ))?;
        let mut p = Patterns {
            street_words: Batch::new(&[]).map_err(|e| regex::Error::Syntax(e.to_string()))?,
            unit_tail,
            unit_head,
            // 〒530-0016 大阪府大阪市北区梅田6-12-5: the part after the ward or town.
            ja_block: windowed(
                r"(?:\p{Han}{1,4}[都道府県])?(?:\p{Han}{1,5}[市郡])?\p{Han}{1,5}[区町村市]((?:\p{Han}|\p{Katakana}|\p{Hiragana}|ー){1,8}\d{1,4}(?:(?:[-－−]|丁目)\d{1,4}){1,2}(?:番地?|号)?)",
                words(&["区", "市", "町", "村"], false, 40, 48).map(|a| a.with_digit(0, 40)),
            )?,
            po_box: windowed(
                r"(?:^|[^\w])((?i:p\.?\s?o\.?\s?box|post\s+office\s+box|postfach|boîte\s+postale|boite\s+postale|apartado\s+de\s+correos|apartado\s+postal|apdo\.|casella\s+postale|postbus|antwoordnummer)\s*(?:n[º°o.]\s*)?\d{1,7}(?:[ .]\d{2,3}){0,3}|(?i:rr|r\.r\.|rural\s+route|hc)\s*\d{1,3},?\s+(?i:box)\s*\d{1,5}|B\.?P\.?\s*\d{1,5}(?:\s?[A-Z])?)\b",
                words(&["box", "post", "apartado", "apdo", "antwoordnummer"], true, 48, 96)
                    .and_then(|a| Ok(Anchor::Any(vec![a, words(&["BP", "B.P"], false, 2, 24)?]))),
            )?,
            zip_city: windowed(
                r"\b(?:(?:D|F|E|I|NL|B|A|CH|L|S|SE|CZ|PL)-)?(\d{5}|\d{3} \d{2}|\d{2}-\d{3}|\d{4}\s?[A-Z]{2}|\d{4})\s+([\p{Lu}][\p{L}'.-]*(?:[ -](?:(?:am|an der|de|del|la|le|les|sur|di|d'|aan den|aan de|en|im|bei|ob|in)[ -])?[\p{Lu}][\p{L}'.-]*){0,3})",
                Ok(Anchor::Scan(postal_code_runs)),
            )?,
            licence_value: re(
                r#"^(?:\s|[:#=.|()\u{2013}\u{2014}"']|-|(?i:(?:number|num|no|nr|id|is|was|of|the|his|her|their|nummer|numéro|número|numero)\b|n°|nº|n\.))*([A-Za-z]{1,2}[ -]?\d{2,}(?:[ -]\d{2,}){1,5}|\d{2,}(?:[ -]\d{2,}){1,5}|[A-Za-z0-9][A-Za-z0-9-]{3,24}[A-Za-z0-9])\b"#,
            )?,
            plate_value: re(
                r#"^(?:\s|[:#=.|()"']|-|(?i:(?:number|num|no|nr|is|was|of|the|his|her|their|nummer|numéro|número|numero|with|mit|avec|con|met)\b|n°|nº|n\.))*([A-ZÄÖÜ0-9]{1,4}(?:[ -]?[A-Z0-9]{1,5}){1,3})\b"#,
            )?,
            street_before_zip: re(
                r"(?:^|[\n:;]\s*|,\s+|\t)([\p{Lu}][\p{L}'.-]+(?:[ \t]+(?:[\p{Lu}][\p{L}'.-]*|van|von|de|der|den|la|le|del|di|du|des|am|an)){0,4}[ \t]+\d{1,5}(?: ?[a-zA-Z])?(?:-\d{1,4})?)[ \t]*(?:,[ \t]*|\r?\n[ \t]*)$",
            )?,
            uk_plate: windowed(
                r"\b([A-Z]{2}\d{2}\s?[A-Z]{3})\b",
                Ok(Anchor::CapitalDigit { before: 3, after: 12 }),
            )?,
            gs1_udi: re(r"\(01\)\s?\d{14}(?:\s?\((?:10|11|17|21|240|30)\)\s?[A-Za-z0-9-]{1,20})*")?,
            ipv6_v4: windowed(
                r"(?i)(?:^|[^\w:.])((?:[0-9a-f]{1,4}:){1,6}:?(?:[0-9a-f]{1,4}:){0,5}(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)|::(?:ffff(?::0{1,4})?:)?(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))\b",
                Ok(Anchor::ColonDotted { before: 64, after: 18 }),
            )?,
            email: re(r"[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,24}")?,
            url: re(r#"(?i)\b(?:https?://|www\.)[^\s<>"'`\]\)}|]+"#)?,
            ipv4: windowed(
                r"\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b",
                Ok(Anchor::DigitSepDigit {
                    seps: b".",
                    before: 4,
                    after: 14,
                }),
            )?,
            ipv6: re(
                r"(?i)(?:^|[^\w:.])((?:[0-9a-f]{1,4}:){1,7}(?::|(?::[0-9a-f]{1,4}){1,6}|[0-9a-f]{1,4})(?:%\w+)?)(?:[^\w:]|$)",
            )?,
            mac: windowed(
                r"(?i)\b(?:[0-9a-f]{2}(?::[0-9a-f]{2}){5}|[0-9a-f]{2}(?:-[0-9a-f]{2}){5}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})\b",
                Ok(Anchor::MacSeparator),
            )?,
            vendor_key: windowed(
                concat!(
                    r"\b(?:sk-(?:proj-|ant-(?:api\d\d-|admin\d\d-)?|svcacct-|admin-|or-v1-)?[A-Za-z0-9_-]{20,}",
                    r"|(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}",
                    r"|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}",
                    r"|xox[abposre]-[A-Za-z0-9-]{10,}",
                    r"|AIza[0-9A-Za-z_-]{35}",
                    r"|(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{16,}|whsec_[A-Za-z0-9]{20,}",
                    r"|glpat-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|npm_[A-Za-z0-9]{36}",
                    r"|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|dop_v1_[a-f0-9]{64}|shpat_[a-fA-F0-9]{32}",
                    r"|pypi-[A-Za-z0-9_-]{50,}|ya29\.[0-9A-Za-z_-]{20,}|AccountKey=[A-Za-z0-9+/=]{40,})"
                ),
                words(
                    &[
                        "sk-",
                        "AKIA",
                        "ASIA",
                        "AGPA",
                        "AIDA",
                        "AROA",
                        "ANPA",
                        "ghp_",
                        "gho_",
                        "ghu_",
                        "ghs_",
                        "ghr_",
                        "github_pat_",
                        "xox",
                        "AIza",
                        "sk_",
                        "rk_",
                        "whsec_",
                        "glpat-",
                        "hf_",
                        "npm_",
                        "SG.",
                        "dop_v1_",
                        "shpat_",
                        "pypi-",
                        "ya29.",
                        "AccountKey=",
                    ],
                    false,
                    0,
                    0,
                )
                .map(|a| a.with_window(key_window)),
            )?,
            private_key: re(
                r"-----BEGIN[A-Z ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END[A-Z ]*PRIVATE KEY(?: BLOCK)?-----",
            )?,
            jwt: re(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")?,
            bearer: re(r"(?i)\b(?:bearer|token)\s+([A-Za-z0-9._~+/=-]{16,})")?,
            dsn_password: windowed(
                r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\s:/@]{1,64}:([^\s@/]{4,128})@[\w\[]",
                words(&["://"], false, 0, 0).map(|a| a.with_window(dsn_window)),
            )?,
            aws_secret: re(
                r"(?i)\bsecret(?:\s+access)?(?:\s+key)?(?:\s+is)?[\s:=]+([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)",
            )?,
            secret_names: aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([
                    "secret",
                    "token",
                    "passw",
                    "pwd",
                    "pass",
                    "key",
                    "auth",
                    "credential",
                    "contraseña",
                    "mot de passe",
                ])
                .map_err(|e| regex::Error::Syntax(e.to_string()))?,
            assigned_secret: windowed(
                r#"(?i)(?:api[_-]?key|apikey|secret|token|passw(?:or)?d|pwd|pass|passphrase|access[_-]?key|client[_-]?secret|auth|credentials?|private[_-]?key|signing[_-]?key|passwort|wachtwoord|contraseña|mot de passe)[\w.-]*["']?\s*(?:[:=]|=>|:=)\s*["']?([^\s"'`,;)}\]]{6,})"#,
                words(
                    &[
                        "api",
                        "secret",
                        "token",
                        "pass",
                        "pwd",
                        "access",
                        "client",
                        "auth",
                        "credential",
                        "private",
                        "signing",
                        "wachtwoord",
                        "contraseña",
                        "mot de passe",
                    ],
                    true,
                    0,
                    0,
                )
                .map(|a| a.with_window(assigned_window)),
            )?,
            date: std::sync::Arc::new(windowed(
                &format!(
                    r"(?i)\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{1,2}}[-/](?:{MONTHS})[-/](?:\d{{4}}|\d{{2}})|\d{{1,2}}(?:st|nd|rd|th|er|º)?\.?\s+(?:of\s+|de\s+)?(?:{MONTHS})\.?,?\s+(?:de\s+|del\s+)?\d{{4}}|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b"
                ),
                words(&MONTHS.split('|').collect::<Vec<_>>(), true, 64, 64).map(|months| {
                    Anchor::Any(vec![
                        months.at_word_start().with_window(month_window),
                        Anchor::Scan(date_separators),
                    ])
                }),
            )?),
            street,
            zip_us_state: re(&format!(r"\b(?:{US_STATES})\s+(\d{{5}}(?:-\d{{4}})?)\b"))?,
            uk_postcode: windowed(
                r"\b([A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b",
                Ok(Anchor::CapitalDigit { before: 3, after: 12 }),
            )?,
            zip_after: re(
                r"^[\s,;]*(?:\p{L}[\p{L}.' -]{1,30}[,\s]+)?(?:[A-Za-z]{2}\s+)?(?:(?:C\.P\.|CP|CEP|PLZ)\s*)?(?:(?:D|F|E|I|NL|B|A|CH|L|P)-)?(\d{5}(?:-\d{4})?|\d{4}-\d{3}|\d{5}-\d{3}|\d{4}\s?[A-Z]{2}|\d{4}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b",
            )?,
            icd10: windowed(
                r"\b([A-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4}|[0-9][0-9A-Z]{0,3})?)\b",
                Ok(Anchor::CapitalDigit { before: 2, after: 12 }),
            )?,
            context_id: re(
                r#"^(?:\s|[:#=.|()\u{2013}\u{2014}"']|-|(?i:(?:number|num|no|nr|id|identifier|is|was|of|the|his|her|their|nummer|numéro|número|numero|mbi|lautet)\b|n°|nº|n\.º|n\.|#))*([A-Za-z0-9]{2,8}/[A-Za-z0-9]{4,12}(?:/[A-Za-z0-9]{1,4})?|[A-Za-z0-9][A-Za-z0-9-]{3,24}[A-Za-z0-9])\b"#,
            )?,
            zip_value: re(r"^(\d{5}-\d{3}|\d{3}-\d{4}|\d{2}-\d{3}|\d{5}-\d{4}|\d{4,6})(?:[^0-9A-Za-z]|$)")?,
            ca_postcode: re(
                r"(?-u:\b)(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\.?,?[ \t]+([ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9])(?-u:\b)",
            )?,
            speaker_tag: re(r"(?:^|\s)(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?\p{Lu}[\p{L}]{0,15}(?: \d)?:\s+")?,
            line_tag: re(r"^(?:\[[\p{L}_0-9 ]{1,20}\]|[\p{L}][\p{L}_0-9]{0,15}(?: [\p{L}]{1,10}){0,2}:)[ \t]*")?,
            answer_lead: re(
                r"^(?:(?i:sure|yes|yeah|yep|ok|okay|um|uh|so|well|it's|it’s|it is|its|that's|you know|like|my|it|sí|si|es|oui|c'est|euh|ja|das ist|äh|ähm|sim|é|è|ehm|claro|certo|allora|alors|então|pues|hum)[\s,.]+)*",
            )?,
            value_after_words: re(&format!(
                r"{}#?([A-Za-z0-9][A-Za-z0-9-]{{3,24}}[A-Za-z0-9])\b",
                words_then_number_label("0,4")
            ))?,
            member_after_words: re(&format!(
                r"{}([A-Z]{{1,4}}[ -]?\d{{2,}}(?:[ .-]\d{{2,}}){{1,4}}|\d{{2,}}(?:[ .-]\d{{2,}}){{1,4}})\b",
                words_then_number_label("1,4")
            ))?,
            member_value: re(
                r#"^(?:\s|[:#=.|()\u{2013}\u{2014}"']|-|(?i:(?:number|num|no|nr|id|identifier|is|was|of|the|his|her|their|nummer|numéro|número|numero)\b|n°|nº|n\.º|n\.|#))*([A-Z]{1,4}[ -]?\d{2,}(?:[ .-]\d{2,}){0,4}|\d{2,}(?:[ .-]\d{2,}){1,4})\b"#,
            )?,
        };
        let mut members: Vec<&Windowed> = p.street.iter().collect();
        members.extend([&p.po_box, &p.ja_block]);
        p.street_words = Batch::new(&members).map_err(|e| regex::Error::Syntax(e.to_string()))?;
        Ok(p)
    }

    #[cfg(test)]
    pub fn scan(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        self.scan_shared(text, ctx, &crate::Shared::default(), out);
    }

    /// [`Patterns::scan`], with the work it shares with later stages of the same scan.
    pub(crate) fn scan_shared(&self, text: &str, ctx: &Context<'_>, shared: &crate::Shared, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        for (start, end) in crate::spoken::emails(text) {
            out.push(cand(Kind::Email, start, end, 0.9, "email.spoken"));
        }
        if memchr::memchr(b'@', b).is_some() {
            self.emails(text, out);
        }
        self.urls(text, ctx, out);
        // Addresses, IP and MAC addresses all hold digits: look only around them.
        for (ws, we) in digit_windows(text, 96) {
            let w = &text[ws..we];
            let wb = w.as_bytes();
            if memchr::memchr(b'.', wb).is_some() {
                self.ipv4(text, ws, w, ctx, out);
            }
            if memchr::memchr_iter(b':', wb).nth(1).is_some() {
                self.ipv6(ws, w, out);
            }
            if memchr::memchr3(b':', b'-', b'.', wb).is_some() {
                for m in self.mac.captures(w).iter().filter_map(|c| c.get(0)) {
                    let (s, e) = (ws + m.start(), ws + m.end());
                    let score = if ctx.near(s, e, cx::DEVICE, 48, 16) { 0.95 } else { 0.8 };
                    out.push(cand(Kind::DeviceId, s, e, score, "mac.format"));
                }
            }
            self.streets(text, ws, w, ctx, out);
        }
        self.secrets(text, ctx, out);
        self.dates(text, ctx, shared, out);
        self.postal_codes(text, ctx, out);
        self.icd10(text, ctx, out);
        self.context_ids(text, ctx, out);
    }

    fn emails(&self, text: &str, out: &mut Vec<Candidate>) {
        for m in self.email.find_iter(text) {
            let s = m.as_str();
            let lead = s.len() - s.trim_start_matches(['.', '-', '\'']).len();
            if s[lead..].starts_with('@') {
                continue;
            }
            out.push(cand(Kind::Email, m.start() + lead, m.end(), 0.95, "email.format"));
        }
    }

    fn urls(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        for m in self.url.find_iter(text) {
            let u = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
            let person_words = ctx.near(m.start(), m.end(), cx::URL_PERSON, 60, 0);
            let score = url_identifies_person(u);
            let score = if score > 0.0 && person_words {
                score + 0.1
            } else if person_words && code_host_user(u) {
                // "their profile: https://github.com/jdoe": a person's page.
                0.85
            } else if ctx.near(m.start(), m.end(), cx::PERSONAL_SITE, 60, 0) {
                0.8
            } else if capability_token(u) {
                // A link that carries its own key ("…/r/pBHvnDdMirDhvj09"): whoever holds it reads what it opens.
                0.8
            } else {
                score
            };
            if score > 0.0 {
                out.push(cand(Kind::Url, m.start(), m.start() + u.len(), score, "url.person"));
            }
        }
    }

    fn ipv4(&self, text: &str, base: usize, window: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        for m in self.ipv4.captures(window).iter().filter_map(|c| c.get(0)) {
            let (s, e) = (base + m.start(), base + m.end());
            // Part of a longer dotted number (a version 1.2.3.4.5, an OID).
            let before_dot = s >= 2 && b[s - 1] == b'.' && b[s - 2].is_ascii_digit();
            let after_dot = b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(u8::is_ascii_digit);
            let versionish = s >= 1 && matches!(b[s - 1], b'v' | b'V');
            if before_dot || after_dot || versionish {
                continue;
            }
            let score = if ctx
                .nearest_before(s, cx::NEGATIVE, 16)
                .is_some_and(|h| is_version_word(&text[h.start..h.end]))
            {
                0.2
            } else {
                0.9
            };
            out.push(cand(Kind::IpAddress, s, e, score, "ipv4"));
        }
    }

    fn ipv6(&self, base: usize, window: &str, out: &mut Vec<Candidate>) {
        // Ending in an IPv4 address ("2001:db8::192.168.1.1", "::ffff:10.0.0.1"):
        // whole, longer than the IPv4 address and the IPv6 prefix it holds.
        if memchr::memchr(b'.', window.as_bytes()).is_some() {
            for c in self.ipv6_v4.captures(window) {
                let Some(m) = c.get(1) else { continue };
                if m.as_str().parse::<std::net::Ipv6Addr>().is_ok() {
                    out.push(cand(Kind::IpAddress, base + m.start(), base + m.end(), 0.9, "ipv6"));
                }
            }
        }
        for c in self.ipv6.captures_iter(window) {
            let Some(m) = c.get(1) else { continue };
            let addr = m.as_str().split('%').next().unwrap_or("");
            if addr.parse::<std::net::Ipv6Addr>().is_ok() && addr.matches(':').count() >= 2 && addr.len() >= 6 {
                out.push(cand(Kind::IpAddress, base + m.start(), base + m.end(), 0.9, "ipv6"));
            }
        }
    }

    fn secrets(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        for m in self.vendor_key.captures(text).iter().filter_map(|c| c.get(0)) {
            // A vendor's key shape is a key, even one that reads like a
            // documentation example (`AKIAIOSFODNN7EXAMPLE`): such strings
            // are pasted as real keys too. Only a stand-in is no key.
            let score = match placeholder(m.as_str()) {
                Placeholder::No => 0.97,
                Placeholder::Example => EXAMPLE_KEY_SCORE,
                Placeholder::StandIn => continue,
            };
            out.push(cand(Kind::ApiKey, m.start(), m.end(), score, "key.vendor"));
        }
        if memchr::memmem::find(text.as_bytes(), b"-----BEGIN").is_some() {
            for m in self.private_key.find_iter(text) {
                out.push(cand(Kind::ApiKey, m.start(), m.end(), 0.99, "key.pem"));
            }
        }
        for m in self.jwt.find_iter(text) {
            out.push(cand(Kind::ApiKey, m.start(), m.end(), 0.95, "key.jwt"));
        }
        for c in self.dsn_password.captures(text) {
            let Some(m) = c.get(1) else { continue };
            let value = m.as_str();
            // "user:password@localhost", "USER:PASSWORD@HOST" in documentation: a word, not a password.
            let word = value.bytes().all(|c| c.is_ascii_lowercase())
                || value.bytes().all(|c| c.is_ascii_uppercase() || c == b'_');
            if !word && !looks_like_placeholder(value) {
                out.push(cand(Kind::ApiKey, m.start(), m.end(), 0.9, "key.dsn_password"));
            }
        }
        // Secret names inside identifiers (`SESSION_SECRET=`, `JWT_SECRET:`)
        // are no context words (no word boundary): look for them as text.
        let named = ctx.anywhere(cx::SECRET) || self.secret_names.is_match(text);
        if !named {
            return;
        }
        for c in self.aws_secret.captures_iter(text) {
            let Some(m) = c.get(1) else { continue };
            if char_classes(m.as_str()) >= 3 && entropy(m.as_str()) >= 4.0 {
                out.push(cand(Kind::ApiKey, m.start(), m.end(), 0.85, "key.aws_secret"));
            }
        }
        for c in self.bearer.captures_iter(text) {
            let Some(m) = c.get(1) else { continue };
            if !looks_like_placeholder(m.as_str()) && entropy(m.as_str()) >= 3.0 {
                out.push(cand(Kind::ApiKey, m.start(), m.end(), 0.9, "key.bearer"));
            }
        }
        for c in self.assigned_secret.captures(text) {
            let Some(m) = c.get(1) else { continue };
            let value = m.as_str();
            let key = &text[c.get(0).map_or(m.start(), |x| x.start())..m.start()].to_ascii_lowercase();
            let is_password =
                key.contains("pass") || key.contains("pwd") || key.contains("wachtwoord") || key.contains("contraseña");
            if value.contains('(') || value.starts_with('%') {
                continue;
            }
            match placeholder(value) {
                Placeholder::No => {}
                // A key-shaped example value under a key's name
                // (`aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`).
                Placeholder::Example if !is_password && value.len() >= 20 && char_classes(value) >= 3 => {
                    out.push(cand(
                        Kind::ApiKey,
                        m.start(),
                        m.end(),
                        EXAMPLE_KEY_SCORE,
                        "key.assigned",
                    ));
                    continue;
                }
                _ => continue,
            }
            if value.chars().all(|c| c.is_ascii_alphabetic() || c == '_') && !is_password {
                continue; // an identifier name, not a value (token = get_token)
            }
            let h = entropy(value);
            let classes = char_classes(value);
            let score = if is_password && value.len() >= 6 && classes >= 2 {
                0.85
            } else if value.len() >= 16 && h >= 3.2 && classes >= 2 {
                0.9
            } else if value.len() >= 10 && h >= 3.0 && classes >= 3 {
                0.75
            } else {
                0.0
            };
            if score > 0.0 {
                out.push(cand(Kind::ApiKey, m.start(), m.end(), score, "key.assigned"));
            }
        }
    }

    fn dates(&self, text: &str, ctx: &Context<'_>, shared: &crate::Shared, out: &mut Vec<Candidate>) {
        if !ctx.anywhere(cx::PERSON_DATE) {
            return;
        }
        // The end of the last date tied to a person: the other end of a
        // range ("vom 24.09.2023 bis 29.09.2023") is tied too.
        let mut last_tied: Option<usize> = None;
        for &(s, e) in date_spans(&self.date, text, shared) {
            if !plausible_date(&text[s..e]) {
                continue;
            }
            let after = ctx.after(e, cx::PERSON_DATE, 12);
            let range_end = last_tied.is_some_and(|end| end <= s && range_joiner(&text[end..s]));
            let tied = nearer_date_word(ctx, s) == Some(true)
                || after.is_some_and(|h| text[h.start..h.end].eq_ignore_ascii_case("dob"))
                || range_end
                || date_alone_in_a_customers_turn(text, s, e);
            last_tied = tied.then_some(e);
            // A log timestamp: date followed by a time with seconds.
            let timestamp = iso_time_after(text.as_bytes(), e) || chat_stamp(text, s, e);
            // "Versión 4.22.17": a form's or a leaflet's version, not a date.
            let version = text[..s]
                .trim_end()
                .rsplit([' ', '\n', '\t', '(', ':'])
                .next()
                .is_some_and(is_version_word);
            let score = if tied && !timestamp && !version { 0.9 } else { 0.15 };
            out.push(cand(Kind::Date, s, e, score, "date.person"));
        }
    }

    /// Japanese postal marks (〒530-0016) and blocks in kanji addresses.
    fn japanese(&self, base: usize, window: &str, found: &Found, out: &mut Vec<Candidate>) {
        // The postal mark: 〒530-0016.
        let mut from = 0;
        while let Some(i) = window[from..].find('〒') {
            let p = from + i + '〒'.len_utf8();
            from = p;
            let v = window[p..].trim_start_matches([' ', '\u{3000}']);
            let at = p + (window.len() - p - v.len());
            let n = v.bytes().take_while(|c| c.is_ascii_digit() || *c == b'-').count();
            let digits = v[..n].bytes().filter(u8::is_ascii_digit).count();
            if digits == 7 && (n == 7 || n == 8 && v.as_bytes()[3] == b'-') {
                out.push(cand(Kind::ZipCode, base + at, base + at + n, 0.9, "zip.ja_mark"));
            }
        }
        for m in self
            .ja_block
            .captures_in(window, found, self.street.len() + 1)
            .iter()
            .filter_map(|c| c.get(1))
        {
            out.push(cand(
                Kind::StreetAddress,
                base + m.start(),
                base + m.end(),
                0.85,
                "address.ja",
            ));
        }
    }

    fn streets(&self, text: &str, base: usize, window: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let found = if window.is_ascii() {
            Found::default()
        } else {
            self.street_words.find(window)
        };
        for (i, r) in self.street.iter().enumerate() {
            for c in r.captures_in(window, &found, i) {
                let Some(m) = c.get(1) else { continue };
                let street = m.as_str().trim_end();
                // "5 Road" alone, or a sentence like "3 Ways to ..." is not an address.
                if street.split_whitespace().count() < 2 || !street.bytes().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                let (mut s, mut e) = (base + m.start(), base + m.start() + street.len());
                e += route_number(street, &text[e..]);
                // A unit, suite, floor or door after it, on the same line or the next.
                let tail = &text[e..floor_char(text, (e + 64).min(text.len()))];
                // Not the rest of a date: "vence el 26/08/2026".
                let unit = self.unit_tail.find(tail).map(|m| m.end()).filter(|&n| {
                    n > 0 && !(tail.starts_with('/') && tail[n..].starts_with(|c: char| c == '/' || c.is_ascii_digit()))
                });
                if let Some(n) = unit {
                    e += tail[..n].trim_end().len();
                }
                // One written before it: "Flat 9, 176 Beech Gardens".
                let head = &text[floor_char(text, s.saturating_sub(40))..s];
                if let Some(h) = self.unit_head.captures(head).and_then(|c| c.get(1)) {
                    s -= head.len() - h.start();
                }
                // Postal codes after a street line: "…, Springfield, IL 62704", "…, 10115 Berlin".
                let after = &text[e..floor_char(text, (e + 60).min(text.len()))];
                let zip = self.zip_after.captures(after).and_then(|c| c.get(1));
                // A suffix that is also a common word needs another sign of an address.
                let weak = i == 0 && c.get(2).is_some_and(|x| weak_suffix(x.as_str()));
                // A street line in lower case only beside an address word, a unit or a postal
                // code; so is one whose street word is ("calle de la Luna 202": the last rule).
                let lower = !street.chars().any(char::is_uppercase)
                    || (i + 1 == self.street.len() && street.starts_with(char::is_lowercase));
                if lower && unit.is_none() && zip.is_none() && !ctx.near(s, e, cx::ADDRESS, 48, 0) {
                    continue;
                }
                // "entro il 5 gennaio": the number is a day, not a house.
                if lower && crate::spoken::month_after(text, e) {
                    continue;
                }
                let score = if ctx.near(s, e, cx::ADDRESS, 48, 0) {
                    0.95
                } else if weak && unit.is_none() && zip.is_none() {
                    0.45
                } else {
                    0.85
                };
                out.push(cand(Kind::StreetAddress, s, e, score, "address.street"));
                if let Some(m) = zip.filter(|_| score >= 0.5) {
                    out.push(cand(
                        Kind::ZipCode,
                        e + m.start(),
                        e + m.end(),
                        0.9,
                        "zip.after_address",
                    ));
                }
            }
        }
        self.po_boxes(text, base, window, &found, ctx, out);
        if !window.is_ascii() {
            self.japanese(base, window, &found, out);
        }
        self.zip_cities(text, base, window, ctx, out);
        for m in self.gs1_udi.find_iter(window) {
            out.push(cand(Kind::DeviceId, base + m.start(), base + m.end(), 0.95, "udi.gs1"));
        }
        for c in self.uk_plate.captures(window) {
            let Some(m) = c.get(1) else { continue };
            let (ms, me) = (base + m.start(), base + m.end());
            if ctx.near(ms, me, cx::VIN | cx::PLATE, 64, 24) {
                out.push(cand(Kind::VehicleId, ms, me, 0.8, "plate.uk"));
            }
        }
        for c in self.zip_us_state.captures_iter(window) {
            if let Some(m) = c.get(1) {
                let (ms, me) = (base + m.start(), base + m.end());
                let comma_before = text[..base + c.get(0).map_or(0, |x| x.start())]
                    .trim_end()
                    .ends_with(',');
                let s = if comma_before || ctx.near(ms, me, cx::ZIP | cx::ADDRESS, 64, 0) {
                    0.85
                } else {
                    0.5
                };
                out.push(cand(Kind::ZipCode, ms, me, s, "zip.us_state"));
            }
        }
        for c in self.uk_postcode.captures(window) {
            if let Some(m) = c.get(1) {
                let (ms, me) = (base + m.start(), base + m.end());
                let s = if ctx.near(ms, me, cx::ZIP | cx::ADDRESS, 64, 0) {
                    0.9
                } else {
                    0.7
                };
                out.push(cand(Kind::ZipCode, ms, me, s, "zip.uk"));
            }
        }
    }

    /// Post-office boxes in six languages: "P.O. Box 1234", "Postfach 10 01 23",
    /// "BP 45, 75001 Paris", "Apartado de correos 12", "Casella postale 8", "Postbus 100".
    fn po_boxes(
        &self,
        text: &str,
        base: usize,
        window: &str,
        found: &Found,
        ctx: &Context<'_>,
        out: &mut Vec<Candidate>,
    ) {
        for c in self.po_box.captures_in(window, found, self.street.len()) {
            let Some(m) = c.get(1) else { continue };
            let (s, e) = (base + m.start(), base + m.end());
            let v = m.as_str();
            let after = &text[e..floor_char(text, (e + 24).min(text.len()))];
            let postal_after = after
                .trim_start_matches([' ', ',', '\n', '\r', '\t', '-'])
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count()
                >= 4;
            // "BP 120/80" is a blood pressure: a French "BP" box needs a postal code or an address word.
            let french_bp = v.starts_with('B') && !v.to_ascii_lowercase().starts_with("boi");
            if french_bp && (!(postal_after || ctx.near(s, e, cx::ADDRESS, 48, 0)) || after.starts_with('/')) {
                continue;
            }
            let score = if ctx.near(s, e, cx::ADDRESS, 48, 0) { 0.95 } else { 0.9 };
            out.push(cand(Kind::StreetAddress, s, e, score, "address.po_box"));
        }
    }

    /// A postal code before a city: "75011 Paris", "D-10115 Berlin", "1012 AB
    /// Amsterdam". A known city, a label, or the code opening a line or a
    /// field and the city closing it; never a quantity ("50000 Euro").
    fn zip_cities(&self, text: &str, base: usize, window: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        for c in self.zip_city.captures(window) {
            let (Some(all), Some(z), Some(city)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let (zs, ze) = (base + z.start(), base + z.end());
            let (ms, ce) = (base + all.start(), base + city.end());
            // Part of a longer number or word ("1.50000 Euro", "A12345 B").
            // A comma may join a list, a dash a country prefix ("D-10115").
            let joined = ms > 0
                && (b[ms - 1].is_ascii_alphanumeric() || matches!(b[ms - 1], b'.' | b'/' | b'-' | b'+'))
                && !(b[ms - 1] == b'-' && ms >= 2 && b[ms - 2].is_ascii_alphabetic());
            if joined {
                continue;
            }
            let code = z.as_str();
            let city = city.as_str().trim_end_matches(['.', '-', '\'']);
            let ce = ce - (c.get(2).map_or(0, |m| m.len()) - city.len());
            let first = city.split([' ', '-']).next().unwrap_or("");
            if not_a_city(first) {
                continue;
            }
            let known = is_city(city) || is_city(first);
            let before = text[..ms].trim_end_matches([' ', '\t']);
            let cue = before.is_empty()
                || before.ends_with(['\n', ',', '|', ';', '\t', ':', '('])
                || all.as_str().contains('-') && all.as_str().as_bytes()[0].is_ascii_alphabetic();
            let labelled = ctx.near(zs, ze, cx::ZIP | cx::ADDRESS, 64, 0);
            let rest = text[ce..].trim_start_matches([' ', '\t']);
            let field_end = rest.is_empty()
                || rest.starts_with(['\n', '\r', ',', ')', ';', '|', '('])
                || (rest.starts_with('.') && rest[1..].chars().next().is_none_or(char::is_whitespace))
                || rest.starts_with("Cedex")
                || rest.starts_with("CEDEX");
            let letters = code.bytes().any(|x| x.is_ascii_alphabetic());
            let digits: u32 = code
                .bytes()
                .take(4)
                .fold(0, |a, x| a * 10 + u32::from(x.wrapping_sub(b'0')));
            let score = if letters {
                // Dutch "1012 AB": letters never SA, SD or SS.
                if code.ends_with("SA") || code.ends_with("SD") || code.ends_with("SS") {
                    continue;
                }
                if known || labelled || cue || field_end {
                    0.85
                } else {
                    continue;
                }
            } else if code.len() == 4 {
                let yearish = (1900..=2099).contains(&digits);
                if (labelled || (known && cue && !yearish)) && code.as_bytes()[0] != b'0' {
                    0.8
                } else {
                    continue;
                }
            } else if known && (cue || labelled || field_end) {
                0.9
            } else if known || ((cue || labelled) && field_end) {
                0.75
            } else {
                continue;
            };
            let score = if ctx.nearest_before(zs, cx::NEGATIVE, 24).is_some() {
                score - 0.35
            } else {
                score
            };
            out.push(cand(Kind::ZipCode, zs, ze, score, "zip.city"));
            // The line before a postal code and city is its street, in whatever
            // shape ("Lange Voorhout 183\n1359 RP Almere", "Kerkplein 4, 3011 AB Rotterdam").
            if score >= 0.75 {
                let head = &text[floor_char(text, ms.saturating_sub(64))..ms];
                if let Some(m) = self.street_before_zip.captures(head).and_then(|c| c.get(1)) {
                    let s = ms - head.len() + m.start();
                    out.push(cand(Kind::StreetAddress, s, s + m.len(), 0.8, "address.before_zip"));
                }
            }
        }
    }

    fn postal_codes(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        // "ZIP: 94105", "PLZ 10115", "code postal 75002", "CEP 90281-230", "〒530-0016"
        for h in ctx.hits.iter().filter(|h| h.kinds & cx::ZIP != 0) {
            let rest = &text[h.end..floor_char(text, (h.end + 24).min(text.len()))];
            let skip = rest.len() - rest.trim_start_matches([' ', ':', '#', '\t']).len();
            if let Some(m) = self.zip_value.captures(&rest[skip..]).and_then(|c| c.get(1)) {
                let (s, e) = (h.end + skip + m.start(), h.end + skip + m.end());
                out.push(cand(Kind::ZipCode, s, e, 0.85, "zip.context"));
            } else if let Some(at) = self.next_line_answer(text, h.end) {
                // Asked for, and answered on the next line.
                let answer = &text[at..floor_char(text, (at + 16).min(text.len()))];
                if let Some(m) = self.zip_value.captures(answer).and_then(|c| c.get(1)) {
                    out.push(cand(Kind::ZipCode, at + m.start(), at + m.end(), 0.85, "zip.answer"));
                }
            }
        }
        // Canadian: after the province's code.
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            for m in self.ca_postcode.captures_iter(text).filter_map(|c| c.get(1)) {
                out.push(cand(Kind::ZipCode, m.start(), m.end(), 0.85, "zip.ca"));
            }
        }
    }

    fn icd10(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let patient = ctx.anywhere(cx::PATIENT);
        let labels = ctx.anywhere(cx::DIAGNOSIS);
        // A text that speaks of someone's health (a drug and dose, a symptom, vitals,
        // clinical shorthand) around its first code-shaped word: read once a code is
        // there, on at most CLINICAL_AROUND bytes either side (a linear pass of its own).
        const CLINICAL_AROUND: usize = 400;
        let clinical = std::cell::OnceCell::new();
        let clinical = |at: usize| {
            *clinical.get_or_init(|| {
                let lo = floor_char(text, at.saturating_sub(CLINICAL_AROUND));
                let hi = floor_char(text, (at + CLINICAL_AROUND).min(text.len()));
                crate::clinical::Clinical::shared().map_or(true, |c| !c.scan(&text[lo..hi]).is_empty())
            })
        };
        let b = text.as_bytes();
        // The end of the last code taken at a label's strength: a list goes on from it.
        let mut list_end: Option<usize> = None;
        for c in self.icd10.captures(text) {
            let Some(m) = c.get(1) else { continue };
            let clinical = || clinical(m.start());
            if !labels && !patient && !clinical() {
                return;
            }
            // "hypertension I10, hyperlipidemia E78.5, GERD K21.9": the next code of the same list.
            let in_list = list_end.is_some_and(|e| {
                m.start() >= e
                    && m.start() - e <= 48
                    && !text[e..m.start()].contains(['\n', ':'])
                    && !text[e..m.start()].contains(". ")
            });
            // "low back pain (M54.5)": a code in brackets after the condition it codes,
            // in a text about a patient.
            let bracketed = text[..m.start()].ends_with('(') && text[m.end()..].starts_with(')');
            let near = ctx.near(m.start(), m.end(), cx::DIAGNOSIS, 64, 24);
            // Right after its label ("Diagnose J18.9", "Codici ICD-10: A09, R07.9"):
            // a diagnosis of someone, patient word or not.
            let labelled = ctx.nearest_before(m.start(), cx::DIAGNOSIS, 40).is_some();
            // "What does ICD-10 code E11.9 mean in general?": about the code, not a patient.
            let general = ctx.near(m.start(), m.end(), cx::GENERAL_QUESTION, 64, 32);
            // Where a code stands in notes and records: after the condition it codes
            // ("asthme (J459)", "pneumonia — J189"), in an HL7 DG1 field, a JSON
            // array or a CSV cell.
            let before = &text[..m.start()];
            let after = b.get(m.end()).copied();
            let closes = |c: Option<u8>| {
                c.is_none_or(|c| {
                    matches!(
                        c,
                        b')' | b']' | b'"' | b',' | b';' | b'|' | b'^' | b'.' | b' ' | b'\n' | b'\r' | b'\t'
                    )
                })
            };
            let after_condition = (bracketed
                || before.ends_with("\u{2014} ")
                || before.ends_with("\u{2013} ")
                || before.ends_with(" - ")
                || before.ends_with('['))
                && closes(after);
            // A table's cell ("| D509 |") as well as a field.
            let cell = before.ends_with("| ") && text[m.end()..].starts_with(" |");
            let in_field = cell
                || matches!(before.as_bytes().last(), Some(b'|' | b'^' | b'"' | b',' | b';' | b'\t'))
                    && matches!(
                        after,
                        None | Some(b'|' | b'^' | b'"' | b',' | b';' | b'\t' | b'\n' | b'\r')
                    );
            // HL7's name of the coding system ("DG1|1||J45.9^asthma^I10"), not a code.
            if m.as_str() == "I10" && before.ends_with('^') && !matches!(after, Some(b'^')) {
                continue;
            }
            let dotted = m.as_str().contains('.');
            let score = match (near, patient) {
                _ if general => 0.1,
                _ if labelled || in_list => 0.85,
                (true, true) => 0.9,
                // "started metformin for E11.9": the dotted shape is a code's, in a clinical text.
                _ if dotted && clinical() => 0.85,
                _ if after_condition && clinical() => 0.85,
                _ if in_field && labels => 0.85,
                (true, false) => 0.4,
                (false, true) if bracketed && dotted => 0.85,
                (false, true) if bracketed => 0.7,
                _ => 0.1,
            };
            if score >= 0.85 {
                list_end = Some(m.end());
            }
            out.push(cand(Kind::Icd10Code, m.start(), m.end(), score, "icd10.context"));
        }
    }

    /// Identifiers whose context word says what they are: "MRN: 00482913", "Member ID XJH-4481-22".
    fn context_ids(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        const KINDS: &[(cx::Ctx, Kind, usize, f32)] = &[
            (cx::MRN, Kind::MedicalRecordNumber, 5, 0.85),
            (cx::HEALTH_PLAN, Kind::HealthPlanId, 6, 0.8),
            (cx::PASSPORT, Kind::UsPassport, 6, 0.85),
            (cx::DRIVER_LICENSE, Kind::UsDriverLicense, 5, 0.85),
            (cx::ACCOUNT, Kind::AccountNumber, 6, 0.8),
            (cx::DEVICE, Kind::DeviceId, 6, 0.75),
            (cx::BIC, Kind::SwiftBic, 8, 0.95),
        ];
        let mask = KINDS.iter().fold(0, |m, k| m | k.0);
        for h in ctx.hits.iter().filter(|h| h.kinds & cx::PLATE != 0) {
            self.plate(text, h, out);
        }
        for h in ctx.hits.iter().filter(|h| h.kinds & mask != 0) {
            // "mg/dL" is no driver's licence.
            if text[..h.start].ends_with('/') && text[h.start..h.end].eq_ignore_ascii_case("dl") {
                continue;
            }
            let rest = &text[h.end..floor_char(text, (h.end + 48).min(text.len()))];
            // A licence or a serial written in groups ("W 836 530 029 888", "W5407 39488 04799").
            let grouped = if h.kinds & (cx::DRIVER_LICENSE | cx::DEVICE) != 0 {
                self.licence_value
                    .captures(rest)
                    .and_then(|c| c.get(1))
                    .filter(|m| m.as_str().contains(' '))
            } else if h.kinds & (cx::MRN | cx::HEALTH_PLAN) != 0 {
                let line = rest.split('\n').next().unwrap_or("");
                self.member_value
                    .captures(rest)
                    .or_else(|| self.member_after_words.captures(line))
                    .and_then(|c| c.get(1))
                    .filter(|m| {
                        m.as_str().contains([' ', '.'])
                            && m.as_str().bytes().filter(u8::is_ascii_digit).count() >= 6
                            && !other_reference(&rest[..m.start()])
                            && !date_shaped(m.as_str())
                    })
            } else {
                None
            };
            let single = self
                .context_id
                .captures(rest)
                .and_then(|c| c.get(1))
                .filter(|m| !date_shaped(m.as_str()) && !month_and_year(m.as_str()));
            // Past a few words on the same line when the label's first word is no number.
            let digits_in = |m: &regex::Match<'_>| m.as_str().bytes().filter(u8::is_ascii_digit).count();
            let single = match single {
                Some(m) if digits_in(&m) >= 3 => Some(m),
                _ if h.kinds & (cx::HEALTH_PLAN | cx::PASSPORT | cx::DRIVER_LICENSE | cx::ACCOUNT) != 0 => self
                    .value_after_words
                    .captures(rest.split('\n').next().unwrap_or(""))
                    .and_then(|c| c.get(1))
                    .filter(|m| digits_in(m) >= 5 && !other_reference(&rest[..m.start()]))
                    .or(single),
                _ => single,
            };
            // Asked in one turn, answered in the next: "what's the member id on the
            // card PT: sure it's um, H44740778".
            let found = grouped.or(single).filter(|m| digits_in(m) >= 3);
            let answer = match found {
                Some(_) => None,
                // A BIC has no digits to count: the value after its label is the answer,
                // not a reference in the next "Ref: …" field.
                None if h.kinds & cx::BIC != 0 && single.is_some() => None,
                None => self
                    .answer_in_next_turn(text, h.end)
                    .or_else(|| self.value_on_next_line(text, h)),
            };
            let (value, s, e) = match (grouped.or(single), answer) {
                (_, Some((s, e))) => (&text[s..e], s, e),
                (Some(m), None) => (m.as_str(), h.end + m.start(), h.end + m.end()),
                (None, None) => continue,
            };
            let digits = value.bytes().filter(u8::is_ascii_digit).count();
            for &(k, kind, min_len, score) in KINDS {
                if h.kinds & k == 0 {
                    continue;
                }
                let compact_len = value.bytes().filter(u8::is_ascii_alphanumeric).count();
                if grouped.is_some()
                    && !matches!(
                        kind,
                        Kind::UsDriverLicense | Kind::DeviceId | Kind::MedicalRecordNumber | Kind::HealthPlanId
                    )
                {
                    continue;
                }
                let ok = match kind {
                    Kind::SwiftBic => v::bic(value),
                    // State formats: digits, a letter and digits, or (WA) 12 capitals and digits.
                    // After "license" alone (no driver's word), five digits or more and no
                    // span of years: not "FY-599", not "license 2023-2025".
                    Kind::UsDriverLicense
                        if matches!(
                            text[h.start..h.end].to_ascii_lowercase().as_str(),
                            "license" | "licence"
                        ) && (digits < 5 || year_span(value)) =>
                    {
                        false
                    }
                    Kind::UsDriverLicense => {
                        (compact_len >= min_len && digits >= 3)
                            || ((7..=13).contains(&compact_len)
                                && digits >= 1
                                && value
                                    .bytes()
                                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'-'))
                    }
                    Kind::UsPassport => {
                        compact_len == 9 && (digits == 9 || (digits == 8 && value.as_bytes()[0].is_ascii_alphabetic()))
                    }
                    // Digits, or digits after a short prefix of letters ("CLI-9639843").
                    Kind::AccountNumber => {
                        let tail = value.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                        let prefixed = value.len() - tail.len() <= 4
                            && tail.trim_start_matches('-').bytes().all(|c| c.is_ascii_digit());
                        digits >= 6 && (digits * 10 >= compact_len * 8 || prefixed)
                    }
                    Kind::DeviceId => {
                        compact_len >= min_len
                            && (digits >= 3
                                // Serial numbers of mostly letters: "PFHT5JMW", all capitals.
                                || (digits >= 1 && value.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'-'))
                                // Or of letters only, which no word is ("PFLUVMZL", not "UNKNOWN").
                                || letter_serial(value))
                    }
                    _ => compact_len >= min_len && digits >= 3,
                };
                // A French medicine's CIP code (3400 9…) under Spain's "CIP" label.
                let medicine =
                    kind == Kind::HealthPlanId && value.bytes().filter(u8::is_ascii_digit).take(5).eq(*b"34009");
                if ok && !is_year_or_small(value) && !medicine {
                    out.push(cand(kind, s, e, score, "context.id"));
                }
            }
        }
    }
}

impl Patterns {
    /// The value in the turn that answers a question about a label at
    /// `from`: past the next speaker's tag on the same line ("PT: ", "Caller: ",
    /// "[00:00:56] Speaker 2: ") and the words that open an answer ("sure it's
    /// um,", "sí es", "oui c'est"), a value with three digits or more.
    fn answer_in_next_turn(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        let line_end = text[from..].find('\n').map_or(text.len(), |n| from + n);
        let to = floor_char(text, line_end.min(from + 120));
        let question = &text[from..to];
        let Some(tag) = self.speaker_tag.find(question) else {
            let at = self.next_line_answer(text, from)?;
            let m = self.context_id.captures(&text[at..]).and_then(|c| c.get(1))?;
            let line = text[at..].find('\n').map_or(text.len(), |n| at + n);
            return (at + m.end() <= line && m.as_str().bytes().filter(u8::is_ascii_digit).count() >= 3)
                .then(|| (at + m.start(), at + m.end()));
        };
        // The question ends at the tag: a value before it was no answer.
        if question[..tag.start()].bytes().filter(u8::is_ascii_digit).count() >= 3 {
            return None;
        }
        let after = tag.end();
        let lead = self.answer_lead.find(&question[after..]).map_or(0, |m| m.end());
        let m = self
            .context_id
            .captures(&question[after + lead..])
            .and_then(|c| c.get(1))?;
        (m.as_str().bytes().filter(u8::is_ascii_digit).count() >= 3)
            .then(|| (from + after + lead + m.start(), from + after + lead + m.end()))
    }

    /// A form's value on the line under its label: "Driver license number /
    /// state\n394726410 / NY". The label's line is short, holds no digit and
    /// no table's delimiter (under a table's header, the next line's first
    /// cell is the first column's); the value, three digits or more, opens the next.
    fn value_on_next_line(&self, text: &str, h: &cx::Hit) -> Option<(usize, usize)> {
        let from = h.end;
        let tail_len = text[from..].find('\n')?;
        let start = text[..h.start].rfind('\n').map_or(0, |n| n + 1);
        let delimited = |s: &str| s.bytes().any(|b| matches!(b, b'\t' | b'|' | b';' | b',')) || s.contains("  ");
        let (head, tail) = (&text[start..h.start], &text[from..from + tail_len]);
        // The label in a header's first cell ("Owner's driver license no.      State"):
        // the first cell under it is its value. Else the label ends a short line.
        let first_cell = head.len() <= 24 && !delimited(head) && delimited(tail);
        if (head.len() + tail_len > 48 && !first_cell)
            || text[start..from + tail_len].bytes().any(|b| b.is_ascii_digit())
            || (delimited(&text[start..from + tail_len]) && !first_cell)
        {
            return None;
        }
        let at = from + tail_len + 1;
        let line = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let line = &text[at..line];
        // A licence or a serial in groups ("V9011 37331 64704"), up to the next cell.
        let cell = line
            .split("  ")
            .next()
            .unwrap_or(line)
            .split(['\t', '|'])
            .next()
            .unwrap_or(line);
        let grouped = (h.kinds & (cx::DRIVER_LICENSE | cx::DEVICE) != 0)
            .then(|| self.licence_value.captures(cell).and_then(|c| c.get(1)))
            .flatten()
            .filter(|m| m.as_str().contains(' '));
        let m = grouped.or_else(|| self.context_id.captures(cell).and_then(|c| c.get(1)))?;
        // A licence may hold one digit among capitals ("WDLQ0YK3GLMQ").
        let min = if h.kinds & cx::DRIVER_LICENSE != 0 { 1 } else { 3 };
        (m.as_str().bytes().filter(u8::is_ascii_digit).count() >= min).then(|| (at + m.start(), at + m.end()))
    }

    /// Where the answer starts when a label ends a question's line and the
    /// next line is another speaker's turn: "bot: su código postal\nusuario:
    /// 28045", "ivr: please say your account number\nuser said: …". The
    /// question may go on for a few words after its label ("and the zip code
    /// for the card"), none of them a digit.
    fn next_line_answer(&self, text: &str, from: usize) -> Option<usize> {
        let tail_len = text[from..].find('\n')?;
        let tail = &text[from..from + tail_len];
        if tail.len() > 40 || tail.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let next = from + tail_len + 1;
        let tag = self.line_tag.find(&text[next..])?;
        let after = next + tag.end();
        let lead = self.answer_lead.find(&text[after..]).map_or(0, |m| m.end());
        Some(after + lead)
    }

    /// A licence plate after its label: "license plate: 7ABC123", "Kennzeichen B-MW 1234".
    fn plate(&self, text: &str, h: &cx::Hit, out: &mut Vec<Candidate>) {
        let rest = &text[h.end..floor_char(text, (h.end + 32).min(text.len()))];
        let Some(m) = self.plate_value.captures(rest).and_then(|c| c.get(1)) else {
            return;
        };
        let mut v = m.as_str();
        // The next word is not part of it ("K-D 2298E FIN ...").
        while let Some((head, last)) = v.rsplit_once(' ') {
            if last.len() >= 3
                && last.bytes().all(|c| c.is_ascii_alphabetic())
                && head.bytes().any(|c| c.is_ascii_digit())
            {
                v = head;
            } else {
                break;
            }
        }
        let compact = v.bytes().filter(u8::is_ascii_alphanumeric).count();
        let digits = v.bytes().filter(u8::is_ascii_digit).count();
        let letters = v.chars().filter(|c| c.is_alphabetic()).count();
        // A case or order reference after "auto", "car": not a plate.
        let prefix = v.split([' ', '-']).next().unwrap_or("");
        let reference = ["REF", "CASE", "CLM", "INV", "ORD", "TKT", "PO", "SO", "NO"].contains(&prefix);
        if (4..=10).contains(&compact) && digits >= 1 && letters >= 1 && !reference {
            out.push(cand(
                Kind::VehicleId,
                h.end + m.start(),
                h.end + m.start() + v.len(),
                0.85,
                "plate.context",
            ));
        }
    }
}

/// Two years and a dash or a slash between: "2023-2025", "2024/25".
fn year_span(v: &str) -> bool {
    match v.split_once(['-', '/']) {
        Some((a, b)) => year(a) && (year(b) || b.len() == 2 && b.bytes().all(|c| c.is_ascii_digit())),
        None => false,
    }
}

/// A year of four digits, 19xx or 20xx.
fn year(p: &str) -> bool {
    p.len() == 4 && (p.starts_with("19") || p.starts_with("20")) && p.bytes().all(|c| c.is_ascii_digit())
}

/// Disjoint windows of `text` around its digits, `reach` bytes on each side,
/// widened to whitespace and char boundaries.
fn digit_windows(text: &str, reach: usize) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(u8::is_ascii_digit) {
        let d = i + off;
        let mut e = d;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        let mut ws = d.saturating_sub(reach);
        let floor = ws.saturating_sub(24);
        while ws > floor && !b[ws - 1].is_ascii_whitespace() {
            ws -= 1;
        }
        let ws = floor_char(text, ws);
        let we = ceil_char(text, (e + reach).min(b.len()));
        match out.last_mut() {
            Some(last) if ws <= last.1 => last.1 = last.1.max(we),
            _ => out.push((ws, we)),
        }
        i = e;
    }
    out
}

/// The length of a route's number after a street line that ends in its
/// word ("1201 State Route 89", "7940 township rd 39"), where the number ends
/// the line or a field; else 0.
fn route_number(street: &str, after: &str) -> usize {
    let last = street
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    if !["route", "rte", "highway", "hwy", "road", "rd"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
    {
        return 0;
    }
    let b = after.as_bytes();
    let space = b.iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
    let digits = b[space..].iter().take(5).take_while(|c| c.is_ascii_digit()).count();
    let ends = match b.get(space + digits) {
        None => true,
        Some(b'.') => b.get(space + digits + 1).is_none_or(u8::is_ascii_whitespace),
        Some(c) => matches!(c, b',' | b'\n' | b'\r' | b';' | b')'),
    };
    if space > 0 && (1..=4).contains(&digits) && ends {
        space + digits
    } else {
        0
    }
}

/// A serial number of capitals only: 6 to 12 of them, with a run of four
/// consonants that no word of the six languages has in capitals alone.
fn letter_serial(v: &str) -> bool {
    let b = v.as_bytes();
    if !(6..=12).contains(&b.len()) || !b.iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    let mut run = 0;
    for &c in b {
        run = if b"AEIOUY".contains(&c) { 0 } else { run + 1 };
        if run >= 4 {
            return true;
        }
    }
    false
}

/// Words between a member label and a number that make it another reference:
/// "Travel insurance claim CASE-669471", "Versicherung Schadennummer …".
fn other_reference(between: &str) -> bool {
    between.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "claim"
                | "case"
                | "ticket"
                | "ref"
                | "reference"
                | "order"
                | "invoice"
                | "lot"
                | "batch"
                | "sinistre"
                | "dossier"
                | "reclamación"
                | "siniestro"
                | "pratica"
                | "sinistro"
                | "schaden"
                | "schadennummer"
                | "rechnung"
                | "facture"
                | "factura"
                | "fattura"
                | "pedido"
                | "commande"
                | "bestellung"
        )
    })
}

fn is_year_or_small(v: &str) -> bool {
    v.len() <= 4 && v.bytes().all(|c| c.is_ascii_digit())
}

fn is_version_word(w: &str) -> bool {
    let w = w.to_lowercase();
    matches!(
        w.as_str(),
        "version" | "ver" | "build" | "release" | "versión" | "versão" | "versione" | "versie" | "v."
    )
}

pub(crate) fn cand(kind: Kind, start: usize, end: usize, score: f32, detector: &'static str) -> Candidate {
    Candidate {
        kind: kind.into(),
        start,
        end,
        score,
        detector,
    }
}

/// Which date word within 48 bytes before `start` is nearer: `Some(true)` a
/// person's ("born", "admitted"), `Some(false)` one that is no person's
/// ("due", "released"), `None` neither.
fn nearer_date_word(ctx: &Context<'_>, start: usize) -> Option<bool> {
    match (
        ctx.nearest_before(start, cx::PERSON_DATE, 48),
        ctx.nearest_before(start, cx::NOT_PERSON_DATE, 48),
    ) {
        (Some(p), Some(n)) => Some(p.end >= n.end),
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
        (None, None) => None,
    }
}

/// Whether a date at `s..e` shares a sentence with the name `c`, a few words
/// apart: "Koen de Groot start op 19/08/2024", "l'IRM de Paolo est bien calée le
/// 27 décembre 2026".
fn same_sentence(b: &[u8], c: &Candidate, s: usize, e: usize) -> bool {
    let Some((lo, hi)) = gap_between(c, s, e) else {
        return false;
    };
    let gap = &b[lo..hi];
    // Not across a sentence's end or a form's gap between fields ("Name   Date: …"), and
    // not a heading's date before its colon ("01/02/2024: Name …").
    gap.len() <= SENTENCE_REACH
        && !gap
            .iter()
            .any(|x| matches!(x, b'\n' | b'\r' | b'!' | b'?' | b';' | b'|'))
        && !gap.windows(2).any(|w| w[0] == b'.' && w[1] == b' ' || w == b"  ")
        && (c.end <= s || gap.first() != Some(&b':'))
}

/// The bytes between a name `c` and a date at `s..e`, on either side; `None` where they overlap.
fn gap_between(c: &Candidate, s: usize, e: usize) -> Option<(usize, usize)> {
    if c.end <= s {
        Some((c.end, s))
    } else if e <= c.start {
        Some((e, c.start))
    } else {
        None
    }
}

/// How far apart a name and a date of the same sentence may be, in bytes.
const SENTENCE_REACH: usize = 64;

/// How far apart a name and a date of the same table row may be, in bytes.
const ROW_REACH: usize = 160;

/// An ISO time right after a date (`2024-03-14T10:22`): a timestamp.
fn iso_time_after(b: &[u8], end: usize) -> bool {
    matches!(b.get(end), Some(b'T')) && b.get(end + 1).is_some_and(u8::is_ascii_digit)
}

/// A chat export's stamp: a date that opens its line, then the time
/// ("14/02/2026, 12:31 - Rafael: …", "[16-01-2026 22:52] Daan: …"): when a
/// message was sent, not a date of its sender's.
fn chat_stamp(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if !matches!(text[line_start..start].trim(), "" | "[") {
        return false;
    }
    let rest = text[end..].strip_prefix(',').unwrap_or(&text[end..]);
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let b = rest.as_bytes();
    let hour = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hour) || b.get(hour) != Some(&b':') {
        return false;
    }
    // The time, then the sender: "12:31 - Rafael:", "22:52] Daan:", "7:30 PM - +1…".
    let time = rest[hour + 1..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ':');
    let time = time.trim_start();
    let time = ["AM", "PM", "am", "pm"]
        .iter()
        .find_map(|m| time.strip_prefix(m))
        .unwrap_or(time);
    rest.len() - time.len() <= hour + 10 && time.trim_start().starts_with(['-', '–', ']'])
}

/// Day and month in range for the common numeric orders.
/// A chat turn that is only a date, from the customer ("Customer: 01/19/1988.",
/// "[11:06] Kunde: 1. April 1963."): the answer to an identity check, a date
/// of birth.
fn date_alone_in_a_customers_turn(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if !text[end..line_end].trim().trim_end_matches(['.', '!']).is_empty() {
        return false;
    }
    let mut prefix = text[line_start..start].trim();
    // A chat clock: "[11:06]".
    if prefix.starts_with('[') {
        if let Some(close) = prefix.find(']') {
            prefix = prefix[close + 1..].trim_start();
        }
    }
    let Some(speaker) = prefix.strip_suffix(':').map(str::trim) else {
        return false;
    };
    matches!(
        speaker.to_lowercase().as_str(),
        "customer" | "client" | "cliente" | "kunde" | "kundin" | "klant" | "user" | "caller" | "member" | "patient"
    )
}

/// What joins the two ends of a date range: "to", "bis", "au", "al",
/// "tot", "until", a dash, in any of the six languages.
fn range_joiner(between: &str) -> bool {
    let w = between.trim().trim_end_matches(['.', ',']).trim();
    matches!(
        w.to_lowercase().as_str(),
        "-" | "–"
            | "—"
            | "to"
            | "until"
            | "through"
            | "thru"
            | "bis"
            | "au"
            | "jusqu'au"
            | "al"
            | "hasta"
            | "hasta el"
            | "a"
            | "fino al"
            | "tot"
            | "tot en met"
    )
}

/// The start of a value a few words after its label: punctuation, `count`
/// words (a regex repetition such as "0,4"), then "n°", "no.", "#" or
/// "number" in six languages.
fn words_then_number_label(count: &str) -> String {
    format!(
        r"^[ \t:#=.,()\u{{2013}}\u{{2014}}-]*(?:\p{{L}}[\p{{L}}'.&-]*[ \t,:()]+){{{count}}}(?:(?i:n°|nº|n\.º|n\.o|no\.?|nr\.?|#|id|number|numéro|número|numero|nummer)[ \t:#.]*)?"
    )
}

/// A month and its year ("12/2024", "2024/03"), not a record's number ("2026/116984").
fn month_and_year(s: &str) -> bool {
    let short = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    match s.split_once('/') {
        Some((a, b)) => short(a) && year(b) || year(a) && short(b),
        None => false,
    }
}

/// A date written in digits ("05.09.2024", "2024-09-05"), not a number in groups.
pub(crate) fn date_shaped(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let shape = matches!(lens.as_slice(), [1 | 2, 1 | 2, 2 | 4] | [4, 1 | 2, 1 | 2]);
    shape && parts.iter().all(|p| p.bytes().all(|c| c.is_ascii_digit())) && plausible_date(s)
}

fn plausible_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.bytes().all(|c| c.is_ascii_digit())) {
        return true; // month names: the regex already shaped it
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    if parts[0].len() == 4 {
        return (1..=12).contains(&n[1]) && (1..=31).contains(&n[2]);
    }
    let dm = (1..=31).contains(&n[0]) && (1..=12).contains(&n[1]);
    let md = (1..=12).contains(&n[0]) && (1..=31).contains(&n[1]);
    dm || md
}

/// Whether a URL points at a person: profiles, portals, records with an id.
/// A user's page on a code host: one path segment (`github.com/jdoe`).
fn code_host_user(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    let (host, path) = host_and_path(&lower);
    let host = host.strip_prefix("www.").unwrap_or(host);
    let path = path.trim_end_matches('/');
    let reserved = [
        "about",
        "features",
        "pricing",
        "login",
        "join",
        "explore",
        "topics",
        "orgs",
        "marketplace",
        "settings",
    ];
    matches!(host, "github.com" | "gitlab.com" | "bitbucket.org" | "codeberg.org")
        && !path.is_empty()
        && !path.contains(['/', '?', '#'])
        && !reserved.contains(&path)
}

/// A URL's host and path (without the leading '/'; empty when there is none).
fn host_and_path(url: &str) -> (&str, &str) {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    after_scheme.split_once('/').unwrap_or((after_scheme, ""))
}

/// Whether a URL's path holds a random key: a segment or a parameter's value
/// of 12 characters or more that mixes capitals, small letters and digits.
fn capability_token(u: &str) -> bool {
    let path = u.split_once("://").map_or(u, |(_, rest)| rest);
    let Some((_, path)) = path.split_once('/') else {
        return false;
    };
    path.split(['/', '?', '&', '#', '=']).any(|seg| {
        let b = seg.as_bytes();
        b.len() >= 12
            && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
            && b.iter().any(u8::is_ascii_uppercase)
            && b.iter().any(u8::is_ascii_lowercase)
            && b.iter().any(u8::is_ascii_digit)
    })
}

fn url_identifies_person(u: &str) -> f32 {
    let lower = u.to_ascii_lowercase();
    let (host, path) = host_and_path(&lower);
    if path.is_empty() {
        return 0.0;
    }
    let social = [
        "linkedin.com",
        "facebook.com",
        "instagram.com",
        "twitter.com",
        "x.com",
        "tiktok.com",
        "xing.com",
        // Booking pages and clinicians' profiles: one person's page each.
        "calendly.com",
        "cal.com",
        "zocdoc.com",
        "doctolib.fr",
        "doctolib.de",
        "doctoralia.es",
        "doctoralia.it",
        "doctoralia.pt",
        "doctoralia.com.br",
        "jameda.de",
    ];
    if social.iter().any(|s| host == *s || host.ends_with(&format!(".{s}"))) {
        let first = path.split(['/', '?']).next().unwrap_or("");
        let generic = [
            "", "company", "school", "jobs", "help", "legal", "about", "home", "search", "login", "policies", "pages",
            "groups", "events", "hashtag", "explore", "share", "sharer", "intent", "i", "watch", "feed",
        ];
        return if generic.contains(&first) && !path.starts_with("in/") {
            0.0
        } else {
            0.9
        };
    }
    let person_segments = [
        "in",
        "profile",
        "profiles",
        "user",
        "users",
        "u",
        "patient",
        "patients",
        "member",
        "members",
        "people",
        "person",
        "account",
        "accounts",
        "customer",
        "customers",
        "client",
        "clients",
        "employee",
        "employees",
        "staff",
        "record",
        "records",
        "chart",
        "mychart",
        "portal",
        "contact",
        "contacts",
        "subscriber",
        "claimant",
        "applicant",
        "student",
        "students",
        "resident",
        "residents",
        "patienten",
        "kunden",
        "mitarbeiter",
        "paciente",
        "pacientes",
        "paziente",
        "pazienti",
        "patient-portal",
        "dossier",
        "dossiers",
        "klant",
        "klanten",
        "cartella",
        "cartelle",
        "fse",
        "historia",
        "historias",
        "expediente",
        "akte",
        "patientenakte",
        "fiche",
        "patientendossier",
        // A patient's results and visits, with an id.
        "results",
        "result",
        "befunde",
        "befund",
        "resultats",
        "résultats",
        "resultados",
        "risultati",
        "referti",
        "uitslagen",
        "visit",
        "visits",
        "appointment",
        "appointments",
    ];
    let segs: Vec<&str> = path.split(['/', '?', '&', '#', '=']).collect();
    let has_person_seg = segs.iter().any(|s| person_segments.contains(s));
    let has_id = segs.iter().any(|s| {
        let digits = s.bytes().filter(u8::is_ascii_digit).count();
        digits >= 3 || (s.len() >= 16 && s.bytes().all(|c| c.is_ascii_hexdigit() || c == b'-'))
    });
    let person_param = [
        "patient",
        "patient_id",
        "patientid",
        "user",
        "user_id",
        "userid",
        "uid",
        "member",
        "member_id",
        "mrn",
        "email",
        "customer",
        "customer_id",
        "account",
        "pid",
        "subject",
    ];
    let has_param = path.split_once('?').is_some_and(|(_, q)| {
        q.split('&')
            .any(|kv| person_param.contains(&kv.split('=').next().unwrap_or("")))
    });
    if has_param || path.starts_with('~') || (has_person_seg && has_id) {
        0.85
    } else if has_person_seg && segs.len() >= 2 && segs.last().is_some_and(|s| s.len() >= 3 && s.contains('-')) {
        0.6
    } else {
        0.0
    }
}

/// The score of a key-shaped value that reads like a documentation example:
/// reported (above the default threshold of 0.5, so a policy's secrets rule
/// still matches), below a key that reads like nothing.
const EXAMPLE_KEY_SCORE: f32 = 0.7;

/// What a secret-shaped value reads like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placeholder {
    /// Nothing: a value.
    No,
    /// A documentation example or test value (`...EXAMPLE`, `dummy`,
    /// `1234567890abcdef`): a value of its own, which may well be real.
    Example,
    /// A stand-in for a value (`<YOUR_API_KEY>`, `${TOKEN}`, `xxxx`, `sk-...`).
    StandIn,
}

fn placeholder(v: &str) -> Placeholder {
    let lower = v.to_ascii_lowercase();
    let stand_ins = [
        "xxxx",
        "your",
        "placeholder",
        "changeme",
        "redacted",
        "<",
        "${",
        "****",
        "...",
        "insert",
        "replace",
    ];
    let distinct = {
        let mut seen = [false; 256];
        v.bytes()
            .filter(|&c| !std::mem::replace(&mut seen[c as usize], true))
            .count()
    };
    if distinct < 5 || stand_ins.iter().any(|m| lower.contains(m)) {
        return Placeholder::StandIn;
    }
    let examples = [
        "example",
        "dummy",
        "sample",
        "fake",
        "test_key",
        "1234567890abcdef",
        "abcdefghij",
    ];
    if examples.iter().any(|m| lower.contains(m)) {
        Placeholder::Example
    } else {
        Placeholder::No
    }
}

fn looks_like_placeholder(v: &str) -> bool {
    placeholder(v) != Placeholder::No
}

/// Shannon entropy in bits per character.
pub fn entropy(s: &str) -> f64 {
    let mut counts = [0u32; 256];
    for c in s.bytes() {
        counts[c as usize] += 1;
    }
    let n = s.len() as f64;
    if n == 0.0 {
        return 0.0;
    }
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

fn char_classes(s: &str) -> usize {
    let b = s.as_bytes();
    [
        b.iter().any(u8::is_ascii_lowercase),
        b.iter().any(u8::is_ascii_uppercase),
        b.iter().any(u8::is_ascii_digit),
        b.iter().any(|c| c.is_ascii_punctuation()),
    ]
    .iter()
    .filter(|x| **x)
    .count()
}

/// What a care document says of the person it names, found after the
/// names: a clinical note, a prescription, a claim or a sick note that names
/// its person (a name, a record or member number) is about that person.
///
/// Its dates (of the note, of service, of admission and discharge, of the
/// next appointment) are theirs: HIPAA's identifier 3 takes every element of
/// them but the year. The patterns stage ties a date to a person by the
/// words around it; this stage takes the dates left:
/// - in a care document (its words: patient, diagnosis, record, member,
///   prescriber numbers; or an ICD-10 code, a record or plan number found)
///   that names a person, every full date but a log timestamp and one a
///   nearer word says is not a person's (a deadline, a release);
/// - anywhere, a date right after a found name (`Anouk Wouters, 13 juni
///   1963`, `SCHRÖDER Heike, *30.07.1942`): a date of birth.
///
/// Its record numbers without a label: the number in brackets right after
/// the name in a care document (`Discharge for Yaw Mensah (E343273)`), and
/// a FHIR reference to a Patient resource (`resource=Patient/76-058-457`).
pub struct Care {
    date: std::sync::Arc<Windowed>,
    url: Regex,
    bracketed_id: Regex,
    patient_ref: Regex,
}

impl Care {
    pub fn new(p: &Patterns) -> Result<Care, regex::Error> {
        Ok(Care {
            date: p.date.clone(),
            url: p.url.clone(),
            bracketed_id: Regex::new(r"^ ?\(([A-Z]{0,3}\d[\d-]{4,14}\d|[A-Z]{1,3}\d{5,12})\)")?,
            patient_ref: Regex::new(r"\b(?:Patient|patients?)/([A-Za-z0-9][A-Za-z0-9.-]{2,62}[A-Za-z0-9])\b")?,
        })
    }

    /// A URL whose host or path holds the name of a person found in the text:
    /// their own site ("Ondřej Carvalho https://ondrejcarvalho.it"), their
    /// page on a service ("github.com/lsanchez" beside "Lucía Sánchez").
    /// Words of four letters or more, compared without case and accents.
    fn urls_named_after(&self, text: &str, found: &[Candidate], out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        if memchr::memmem::find(b, b"://").is_none() && memchr::memmem::find(b, b"www.").is_none() {
            return;
        }
        // The URLs no stage took (the spans found before, by start, with the
        // furthest end so far), before any name is read.
        let mut taken: Vec<(usize, usize)> = found.iter().map(|c| (c.start, c.end)).collect();
        taken.sort_unstable();
        let mut furthest = 0;
        for t in &mut taken {
            furthest = furthest.max(t.1);
            t.1 = furthest;
        }
        let urls: Vec<(usize, usize)> = self
            .url
            .find_iter(text)
            .map(|m| {
                let u = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
                (m.start(), m.start() + u.len())
            })
            .filter(|&(s, e)| {
                let i = taken.partition_point(|t| t.0 < e);
                !(i > 0 && taken[i - 1].1 > s)
            })
            .collect();
        if urls.is_empty() {
            return;
        }
        let person = crate::entity::Entity::Builtin(Kind::Person);
        let mut words: std::collections::HashSet<String> = std::collections::HashSet::new();
        for c in found.iter().filter(|c| c.kind == person) {
            for w in text[c.start..c.end].split(|ch: char| !ch.is_alphabetic()) {
                let w = crate::clinical::fold(w);
                if w.len() >= 4 && w.is_ascii() {
                    words.insert(w);
                }
            }
        }
        if words.is_empty() {
            return;
        }
        // Over many names, one automaton of their words (built only then: it
        // costs more than a few substring searches).
        let names = if words.len() > 16 {
            aho_corasick::AhoCorasick::new(&words).ok()
        } else {
            None
        };
        let named = |s: &str| match &names {
            Some(ac) => ac.is_match(s),
            None => words.iter().any(|w| s.contains(w.as_str())),
        };
        for (s, e) in urls {
            let lower = crate::clinical::fold(&text[s..e]);
            let (host, path) = host_and_path(&lower);
            let host = host.strip_prefix("www.").unwrap_or(host);
            if named(host) || named(path) {
                out.push(cand(Kind::Url, s, e, 0.85, "url.named"));
            }
        }
    }

    /// The care stage's candidates, with the date matches the patterns stage of the same scan may have made.
    pub(crate) fn scan_shared(
        &self,
        text: &str,
        ctx: &Context<'_>,
        found: &[Candidate],
        shared: &crate::Shared,
        out: &mut Vec<Candidate>,
    ) {
        use crate::entity::Entity;
        let is = |c: &Candidate, k: Kind| c.kind == Entity::Builtin(k);
        let person = |c: &Candidate| is(c, Kind::Person);
        let taken = |s: usize, e: usize| found.iter().any(|c| c.start < e && s < c.end);
        let id_ok = |v: &str| v.bytes().filter(u8::is_ascii_digit).count() >= 5 && !is_year_or_small(v);
        // A FHIR Patient resource's id names a patient wherever it is; so does
        // a REST path's ("GET /api/v2/patients/40817733/summary").
        if memchr::memmem::find(text.as_bytes(), b"atient/").is_some()
            || memchr::memmem::find(text.as_bytes(), b"atients/").is_some()
        {
            for m in self.patient_ref.captures_iter(text).filter_map(|c| c.get(1)) {
                if id_ok(m.as_str()) && !taken(m.start(), m.end()) {
                    out.push(cand(
                        Kind::MedicalRecordNumber,
                        m.start(),
                        m.end(),
                        0.8,
                        "care.patient_ref",
                    ));
                }
            }
        }
        self.urls_named_after(text, found, out);
        // News about public figures is not about anyone's care.
        if ctx.anywhere(cx::NEWS)
            || !found
                .iter()
                .any(|c| person(c) || is(c, Kind::MedicalRecordNumber) || is(c, Kind::HealthPlanId))
        {
            return;
        }
        let care_words = cx::PATIENT | cx::DIAGNOSIS | cx::MRN | cx::HEALTH_PLAN | cx::NPI | cx::DEA | cx::NHS;
        let care = ctx.anywhere(care_words)
            || found.iter().any(|c| {
                is(c, Kind::Icd10Code)
                    || is(c, Kind::UkNhs)
                    || is(c, Kind::MedicalRecordNumber)
                    || is(c, Kind::HealthPlanId)
                    || is(c, Kind::Npi)
            });
        let b = text.as_bytes();
        // Names and findings by their start, so that each date looks only at its neighbours.
        let mut names: Vec<&Candidate> = found.iter().filter(|c| person(c)).collect();
        names.sort_unstable_by_key(|c| c.start);
        let mut spans: Vec<(usize, usize)> = found.iter().map(|c| (c.start, c.end)).collect();
        spans.sort_unstable();
        let mut dates: Vec<(usize, usize)> = found
            .iter()
            .filter(|c| is(c, Kind::Date))
            .map(|c| (c.start, c.end))
            .collect();
        dates.sort_unstable();
        // Whether something found lies wholly within `lo..hi`.
        let found_within = |lo: usize, hi: usize| {
            let i = spans.partition_point(|&(s, _)| s < lo);
            spans[i..].iter().take_while(|&&(s, _)| s < hi).any(|&(_, e)| e <= hi)
        };
        // Names that start from `lo` up to `hi`.
        let names_from = |lo: usize, hi: usize| {
            let i = names.partition_point(|c| c.start < lo);
            names[i..].iter().take_while(move |c| c.start <= hi)
        };
        for &(s, e) in date_spans(&self.date, text, shared) {
            // A date found already overlaps (dates are short: one that starts 128 bytes
            // before this one has ended).
            let i = dates.partition_point(|&(ds, _)| ds < e);
            let dated = dates[..i]
                .iter()
                .rev()
                .take_while(|&&(ds, _)| ds + 128 > s)
                .any(|&(_, de)| de > s);
            if !plausible_date(&text[s..e]) || dated {
                continue;
            }
            // Right after a found name: ", ", " (", ", *", " *".
            let after_name = names_from(s.saturating_sub(128), s).any(|c| {
                c.end <= s && {
                    let gap = &text[c.end..s];
                    gap.len() <= 4 && gap.bytes().all(|x| matches!(x, b',' | b' ' | b'(' | b'*'))
                }
            });
            let timestamp = iso_time_after(b, e)
                || chat_stamp(text, s, e)
                || text[e..].starts_with(' ')
                    && text[e..]
                        .trim_start()
                        .as_bytes()
                        .iter()
                        .take(8)
                        .filter(|&&x| x == b':')
                        .count()
                        >= 2;
            let not_person = nearer_date_word(ctx, s) == Some(false);
            if after_name {
                out.push(cand(Kind::Date, s, e, 0.85, "date.after_name"));
            } else if care && !timestamp && !not_person {
                out.push(cand(Kind::Date, s, e, 0.8, "date.care"));
            } else if !timestamp && !not_person && {
                // Names that start within a sentence's reach of the date (a name is short).
                names_from(s.saturating_sub(SENTENCE_REACH + 128), e + SENTENCE_REACH).any(|c| {
                    same_sentence(b, c, s, e) && gap_between(c, s, e).is_some_and(|(lo, hi)| !found_within(lo, hi))
                })
            } {
                out.push(cand(Kind::Date, s, e, 0.75, "date.sentence"));
            } else if !timestamp && !not_person && {
                // A table's row (cells between '|' or tabs) that names a person: the row's
                // dates are theirs ("| KOWALSKI | Marta | 03.04.1961 |", "NGUYEN, Thi\t04/09/1987\t…").
                let lo = floor_char(text, s.saturating_sub(ROW_REACH));
                let hi = ceil_char(text, (e + ROW_REACH).min(b.len()));
                let line_lo = text[lo..s].rfind('\n').map_or(lo, |k| lo + k + 1);
                let line_hi = text[e..hi].find('\n').map_or(hi, |k| e + k);
                let cell = |x: &u8| matches!(x, b'|' | b'\t');
                names_from(line_lo, line_hi).any(|c| {
                    c.end <= line_hi && gap_between(c, s, e).is_some_and(|(lo, hi)| b[lo..hi].iter().any(cell))
                })
            } {
                out.push(cand(Kind::Date, s, e, 0.75, "date.row"));
            }
        }
        if !care {
            return;
        }
        for name in found.iter().filter(|c| person(c)) {
            if let Some(m) = self.bracketed_id.captures(&text[name.end..]).and_then(|c| c.get(1)) {
                let (s, e) = (name.end + m.start(), name.end + m.end());
                if id_ok(m.as_str()) && !taken(s, e) {
                    out.push(cand(Kind::MedicalRecordNumber, s, e, 0.8, "care.bracketed_id"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::ContextIndex;

    fn run(text: &str) -> Vec<(String, String)> {
        let idx = ContextIndex::new(&[]).unwrap();
        let mut hits = Vec::new();
        idx.find(text, &mut hits);
        let mut out = Vec::new();
        Patterns::new().unwrap().scan(text, &Context { hits: &hits }, &mut out);
        out.into_iter()
            .filter(|c| c.score >= 0.5)
            .map(|c| (c.kind.to_string(), text[c.start..c.end].to_string()))
            .collect()
    }

    fn has(text: &str, kind: &str, value: &str) -> bool {
        let f = run(text);
        f.iter().any(|(k, v)| k == kind && v == value)
    }

    #[test]
    fn email_url_ip_mac() {
        assert!(has(
            "write to jane.doe+x@mail.example.org.",
            "EMAIL",
            "jane.doe+x@mail.example.org"
        ));
        assert!(has(
            "see https://portal.clinic.org/patients/48213 now",
            "URL",
            "https://portal.clinic.org/patients/48213"
        ));
        assert!(has(
            "https://www.linkedin.com/in/anna-keller-4b1a2",
            "URL",
            "https://www.linkedin.com/in/anna-keller-4b1a2"
        ));
        assert!(run("docs at https://docs.python.org/3/library/json.html").is_empty());
        assert!(has("host: 10.0.3.7", "IP_ADDRESS", "10.0.3.7"));
        assert!(has(
            "addr fe80::1ff:fe23:4567:890a here",
            "IP_ADDRESS",
            "fe80::1ff:fe23:4567:890a"
        ));
        assert!(!has("version 1.2.3.4", "IP_ADDRESS", "1.2.3.4"));
        assert!(has("MAC 00:1A:2B:3C:4D:5E", "DEVICE_ID", "00:1A:2B:3C:4D:5E"));
    }

    #[test]
    fn secrets() {
        assert!(has(
            "OPENAI_API_KEY=sk-proj-Q7v2LmX9pT4rK8sW1nB6yH3cJ5dF0gZa",
            "API_KEY",
            "sk-proj-Q7v2LmX9pT4rK8sW1nB6yH3cJ5dF0gZa"
        ));
        // AWS's documented example key is key-shaped: reported (lower).
        assert!(has("aws AKIAIOSFODNN7EXAMPLE", "API_KEY", "AKIAIOSFODNN7EXAMPLE"));
        assert!(has("AKIAJ4RZ2TQ7XK5LMN3P", "API_KEY", "AKIAJ4RZ2TQ7XK5LMN3P"));
        assert!(has(
            "Authorization: Bearer a8F3kL0pQ2zX9vB7nM4cR1tY6",
            "API_KEY",
            "a8F3kL0pQ2zX9vB7nM4cR1tY6"
        ));
        assert!(has("db_password = \"Tr0ub4dor&3x\"", "API_KEY", "Tr0ub4dor&3x"));
        assert!(run("api_key = YOUR_API_KEY").is_empty());
        // Secret names inside identifiers; connection-string passwords; an AWS secret named in prose.
        assert!(has(
            "APP=1\nSESSION_SECRET=CUzIsC11I647gTy69hcrnxMZ\n",
            "API_KEY",
            "CUzIsC11I647gTy69hcrnxMZ"
        ));
        assert!(has(
            "JWT_SECRET=A-nSiDhoRN8g_Ju4Tc8xHh",
            "API_KEY",
            "A-nSiDhoRN8g_Ju4Tc8xHh"
        ));
        assert!(has(
            "DATABASE_URL=postgres://svc_orders:xaRb7wHj7THW4RqgvcLm@10.202.114.88:5432/app",
            "API_KEY",
            "xaRb7wHj7THW4RqgvcLm"
        ));
        assert!(!has(
            "postgres://app:${DB_PASSWORD}@db:5432/app",
            "API_KEY",
            "${DB_PASSWORD}"
        ));
        assert!(!has(
            "DATABASE_URL=postgres://user:password@localhost:5432/app",
            "API_KEY",
            "password"
        ));
        assert!(!has(
            "DATABASE_URL=postgres://USER:DB_PASSWORD@HOST:5432/DBNAME",
            "API_KEY",
            "DB_PASSWORD"
        ));
        assert!(run("password = getpass.getpass('Password: ')").is_empty());
        let profile = "Summarize this person's career from their profile: https://github.com/cwilliams91";
        assert!(has(profile, "URL", "https://github.com/cwilliams91"));
        assert!(!has(
            "Clone https://github.com/rust-lang and build.",
            "URL",
            "https://github.com/rust-lang"
        ));
        let portal = "Referti disponibili sul portale: https://fse.ospedale-maggiore.it/cartella/4e9afc54-a0c9";
        assert!(has(
            portal,
            "URL",
            "https://fse.ospedale-maggiore.it/cartella/4e9afc54-a0c9"
        ));
        let aws = "Key AKIAGHHGDSCJTAKKF7KN, secret 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. What's wrong?";
        assert!(has(aws, "API_KEY", "15nMkdDzld9MNSuZkfP5GFFXTnQDRua6d9KVkvwL"));
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----";
        assert!(has(pem, "API_KEY", pem));
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assert!(has(&format!("token {jwt}"), "API_KEY", jwt));
    }

    fn scored(text: &str, value: &str) -> Option<f32> {
        let idx = ContextIndex::new(&[]).unwrap();
        let mut hits = Vec::new();
        idx.find(text, &mut hits);
        let mut out = Vec::new();
        Patterns::new().unwrap().scan(text, &Context { hits: &hits }, &mut out);
        out.into_iter()
            .filter(|c| c.kind == Kind::ApiKey && &text[c.start..c.end] == value)
            .map(|c| c.score)
            .reduce(f32::max)
    }

    #[test]
    fn example_looking_keys_are_keys() {
        for (text, value) in [
            ("aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
            (
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ),
            (
                "my secret is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ),
            (
                "GITHUB_TOKEN=ghp_1234567890abcdefghijklmnopqrstuvwxyz",
                "ghp_1234567890abcdefghijklmnopqrstuvwxyz",
            ),
            (
                "token ghp_EXAMPLEa1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6",
                "ghp_EXAMPLEa1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6",
            ),
            (
                "SLACK_BOT_TOKEN=xoxb-123456789012-1234567890123-EXAMPLEtokenKq7Zw",
                "xoxb-123456789012-1234567890123-EXAMPLEtokenKq7Zw",
            ),
            (
                "stripe sk_test_EXAMPLE4eC39HqLyjWDarjtT1zdp7dc",
                "sk_test_EXAMPLE4eC39HqLyjWDarjtT1zdp7dc",
            ),
        ] {
            let score = scored(text, value);
            assert!(score.is_some_and(|s| (0.6..=0.97).contains(&s)), "{text}: {score:?}");
        }
        // Keys that read like nothing keep their full score.
        assert_eq!(scored("AKIAJ4RZ2TQ7XK5LMN3P", "AKIAJ4RZ2TQ7XK5LMN3P"), Some(0.97));
    }

    #[test]
    fn stand_ins_for_keys_are_not_keys() {
        for text in [
            "api_key = <YOUR_API_KEY>",
            "OPENAI_API_KEY=sk-...",
            "export OPENAI_API_KEY=${OPENAI_API_KEY}",
            "token: xxxxxxxxxxxxxxxxxxxx",
            "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "AKIAXXXXXXXXXXXXXXXX",
            "sk-your-openai-key-goes-here-please",
            "SLACK_TOKEN=xoxb-your-token-here-000",
            "password = example",
            "db_password = sample123",
            "secret_key = REDACTED",
            "client_secret: ********",
        ] {
            let f = run(text);
            assert!(f.iter().all(|(k, _)| k != "API_KEY"), "{text}: {f:?}");
        }
    }

    /// DATE findings of the whole registry (so that names are found first).
    fn dates(text: &str) -> Vec<String> {
        found(text, "DATE")
    }

    #[test]
    fn dates_in_a_care_document_that_names_its_person() {
        let letter = "Clinic letter 14 March 2024\nPatient: Ilse Vandermeer, MRN 4471920\nSeen for asthma. Next review on 2 May 2024.";
        assert_eq!(dates(letter), ["14 March 2024", "2 May 2024"]);
        // The same words with nobody named: nobody's dates.
        assert!(dates("Clinic letter template, 14 March 2024. Next asthma review day: 2 May 2024.").is_empty());
        // A log line's timestamp, a deadline: not the patient's.
        let log = "Patient: Ilse Vandermeer, MRN 4471920. Sync at 2024-03-14 10:22:31 ok. Invoice due 30 April 2024.";
        assert!(dates(log).is_empty(), "{:?}", dates(log));
        // An appointment in a text that names its person and their NHS number.
        assert_eq!(
            dates("Imran, your appt at Royal Infirmary is on 17 May 2024 at 10:40. NHS no 943 476 5919."),
            ["17 May 2024"]
        );
        // A batch's expiry and a change of rates: no one's.
        let recall =
            "Patient: Ilse Vandermeer, MRN 4471920. Lot L550614, péremption 21/03/2026. Rates change on 4/16/2026.";
        assert!(dates(recall).is_empty(), "{:?}", dates(recall));
        // News about public figures.
        assert!(dates(
            "The central bank, led by Christine Lagarde, left rates unchanged on 23 August 2020 at the clinic."
        )
        .is_empty());
    }

    /// One entity's findings of the whole registry, built once for all the tests.
    fn found(text: &str, entity: &str) -> Vec<String> {
        static REGISTRY: std::sync::OnceLock<crate::Registry> = std::sync::OnceLock::new();
        REGISTRY
            .get_or_init(|| crate::Registry::new(&crate::DetectorsConfig::default()).unwrap())
            .scan(text)
            .into_iter()
            .filter(|f| f.entity.as_str() == entity)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn record_numbers_a_care_document_gives_without_a_label() {
        // In brackets after the patient's name.
        let note = "Medication review - patient Margaret Olsen (40-221-873), allergic to penicillin.";
        assert_eq!(found(note, "MEDICAL_RECORD_NUMBER"), ["40-221-873"]);
        // A FHIR reference to a Patient resource, in a log line too.
        let log = "GET /fhir/R4/Patient/5512-0931/$everything 200 user=svc-export";
        assert_eq!(found(log, "MEDICAL_RECORD_NUMBER"), ["5512-0931"]);
        // A year, or a number in brackets outside a care text: not a record.
        assert!(found("Patient Margaret Olsen (2019) was seen.", "MEDICAL_RECORD_NUMBER").is_empty());
        assert!(found("Ticket for Margaret Olsen (44521907) closed.", "MEDICAL_RECORD_NUMBER").is_empty());
        // Labels in Portuguese and Italian, member numbers written in groups.
        assert_eq!(
            found("Doente: n.º de processo 58123377", "MEDICAL_RECORD_NUMBER"),
            ["58123377"]
        );
        assert_eq!(
            found("Member ID: QRTX 4410 2291 on file", "HEALTH_PLAN_ID"),
            ["QRTX 4410 2291"]
        );
        assert_eq!(
            found("Polisnummer: 4471.903.128 (zorgverzekeraar)", "HEALTH_PLAN_ID"),
            ["4471.903.128"]
        );
        // A plan's group number beside the member's, labelled "Group" alone.
        assert_eq!(
            found("Member ID 77310452 | Group 417-2208 | Rx BIN 610014", "HEALTH_PLAN_ID"),
            ["77310452", "417-2208"]
        );
        assert!(found("blood group 0 positive, group B strep negative", "HEALTH_PLAN_ID").is_empty());
        // In groups a few words after the label, or after a comma and "n°"; a date there is none.
        assert_eq!(
            found("Die Versicherungsnummer lautet 61209 44817 30552.", "HEALTH_PLAN_ID"),
            ["61209 44817 30552"]
        );
        assert_eq!(
            found("Mutuelle Horizon, n° 40918273, acte", "HEALTH_PLAN_ID"),
            ["40918273"]
        );
        assert!(found("Versicherungsnummer gültig ab 05.09.2024", "HEALTH_PLAN_ID").is_empty());
        // A value that starts with the letters of a label's word ("no", "nr", "id") keeps them.
        assert_eq!(found("Member ID: NOR1234567", "HEALTH_PLAN_ID"), ["NOR1234567"]);
        assert_eq!(found("SWIFT: NRCOBRSP", "SWIFT_BIC"), ["NRCOBRSP"]);
        // A reference in the next field is no answer to the BIC's label.
        assert_eq!(found("SWIFT: MIDLGB22 Ref: RE-2025/10442", "SWIFT_BIC"), ["MIDLGB22"]);
        // Record numbers after "pat.nr." and "Fallnr.".
        assert_eq!(
            found(
                "namens Joost Kramer (pat.nr. 517-20934). Terugbellen",
                "MEDICAL_RECORD_NUMBER"
            ),
            ["517-20934"]
        );
        assert_eq!(
            found("Entlassungsbericht (Fallnr. 312-66071)", "MEDICAL_RECORD_NUMBER"),
            ["312-66071"]
        );
    }

    #[test]
    fn plates_after_a_bare_plate_or_reg_label() {
        assert!(has(
            "Other party: M. Gueye, plate SPC-9560, tel. 555",
            "VEHICLE_ID",
            "SPC-9560"
        ));
        assert!(has(
            "Amtliches Kennzeichen: K-D 2298E FIN folgt",
            "VEHICLE_ID",
            "K-D 2298E"
        ));
        assert!(has(
            "Third party reg 191-D-40421, mobile on file",
            "VEHICLE_ID",
            "191-D-40421"
        ));
        assert!(has(r#"{"vehicle": {"plate": "KLT 0192"}}"#, "VEHICLE_ID", "KLT 0192"));
        assert!(!has(
            "Sinistre auto REF-212607-A du client",
            "VEHICLE_ID",
            "REF-212607-A"
        ));
        assert!(!has("bone plate 3.5 mm fixed", "VEHICLE_ID", "3.5"));
    }

    #[test]
    fn units_floors_doors_and_buildings_around_a_street_line() {
        for (text, street) in [
            (
                "Dirección: Calle de Alcalá 45, 3º-2, Madrid",
                "Calle de Alcalá 45, 3º-2",
            ),
            (
                "Dirección: Calle Mayor 12, 2º izquierda",
                "Calle Mayor 12, 2º izquierda",
            ),
            (
                "Morada: Rua Augusta 100, 2º esquerdo, Lisboa",
                "Rua Augusta 100, 2º esquerdo",
            ),
            (
                "Adresse: Mariahilfer Straße 12/3/4, 1060 Wien",
                "Mariahilfer Straße 12/3/4",
            ),
            ("Anschrift: Am Markt 5, EG links, 50667 Köln", "Am Markt 5, EG links"),
            ("Adres: Prinsengracht 263-hoog, Amsterdam", "Prinsengracht 263-hoog"),
            ("Adres: ul. Długa 12 m. 4, Gdańsk", "ul. Długa 12 m. 4"),
            (
                "Address: Flat 3, Albion House, 12 King Street, Leeds",
                "Flat 3, Albion House, 12 King Street",
            ),
            (
                "Adresse : Bât. B, 3e étage, 12 rue des Lilas, Lyon",
                "Bât. B, 3e étage, 12 rue des Lilas",
            ),
        ] {
            assert!(has(text, "STREET_ADDRESS", street), "{text}: {:?}", run(text));
        }
        // A count after the street, a date after a lower-case "avenue".
        assert!(has(
            "Seen at 12 King Street, 45 patients waiting",
            "STREET_ADDRESS",
            "12 King Street"
        ));
        let date = "la factura de park avenue dental vence el 26/08/2026.";
        assert!(!run(date).iter().any(|(e, _)| e == "STREET_ADDRESS"), "{:?}", run(date));
    }

    #[test]
    fn postal_codes_of_more_countries() {
        assert!(has("Porto Alegre - RS CEP 90281-230 Telefone", "ZIP_CODE", "90281-230"));
        assert!(has("Col. Roma Norte, C.P. 64400 Monterrey", "ZIP_CODE", "64400"));
        assert!(has(
            "1377 avenue du Mont-Royal Est, Winnipeg MB R2W 1R6.",
            "ZIP_CODE",
            "R2W 1R6"
        ));
        // Letters no Canadian postal code uses (D, F in first and third place).
        assert!(!has("Ship to ON D1F 9Z9", "ZIP_CODE", "D1F 9Z9"));
    }

    #[test]
    fn a_street_line_does_not_take_the_line_before() {
        let sig = "Mit freundlichen Grüßen\nTsz-Hin Wong\nBahnhofstr. 120b\n28412 Bremen";
        assert!(has(sig, "STREET_ADDRESS", "Bahnhofstr. 120b"), "{:?}", run(sig));
        assert!(has(
            "Berliner Str. 5a, 10115 Berlin",
            "STREET_ADDRESS",
            "Berliner Str. 5a"
        ));
    }

    #[test]
    fn sick_leave_and_start_dates_are_a_persons_dates() {
        assert_eq!(
            dates("Sick leave from 03/02/2025 to 07/02/2025, fit note attached."),
            ["03/02/2025", "07/02/2025"]
        );
        assert_eq!(
            dates("Krankmeldung vom 02.03.2025 bis 06.03.2025"),
            ["02.03.2025", "06.03.2025"]
        );
        assert_eq!(dates("Ella empieza; baja laboral desde el 12/05/2025."), ["12/05/2025"]);
        assert_eq!(dates("She starts on 2025-04-01 on ward 7."), ["2025-04-01"]);
        // A clinic letter's date, a prescription's.
        assert_eq!(dates("Clinic date: 27 Apr 2025\n\nDr Kamau"), ["27 Apr 2025"]);
        assert_eq!(
            dates("Doliprane 1 g, 3 fois par jour\nFait le 2 mars 2024"),
            ["2 mars 2024"]
        );
        assert_eq!(dates("The release is due 2025-04-01."), Vec::<String>::new());
        // A place's or a product's dates are no one's, even beside a care word.
        assert_eq!(
            dates("Our discharge lounge opens at 11:53 from 03/27/2025."),
            Vec::<String>::new()
        );
        assert_eq!(
            dates("L'ordine A-244192 è stato spedito il 22.09.2019."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_date_right_after_a_name_is_a_birth_date() {
        assert_eq!(
            dates("Betreft: Joris Hoekstra, 13 juni 1963\nGraag uw advies."),
            ["13 juni 1963"]
        );
        assert_eq!(
            dates("Befund: KOWALCZYK Ewa, *02.11.1950, Fall-Nr. 88123"),
            ["02.11.1950"]
        );
        // Portuguese months.
        assert_eq!(
            dates("Data de nascimento: 31 de outubro de 1972"),
            ["31 de outubro de 1972"]
        );
    }

    #[test]
    fn dates_only_when_tied_to_a_person() {
        // A form's version under its date-of-birth field is no date of birth.
        assert!(!run("Fecha de nacimiento: DD/MM/AAAA\nVersión 4.22.17, formulario")
            .iter()
            .any(|(k, v)| k == "DATE" && v == "4.22.17"));
        assert!(has("DOB: 03/14/1985", "DATE", "03/14/1985"));
        assert!(has("Date of birth: March 14, 1985", "DATE", "March 14, 1985"));
        assert!(has("geboren am 14. März 1985", "DATE", "14. März 1985"));
        assert!(has(
            "fecha de nacimiento: 14 de marzo de 1985",
            "DATE",
            "14 de marzo de 1985"
        ));
        assert!(!has("Release date: 03/14/2024", "DATE", "03/14/2024"));
        for (text, street) in [
            (
                "Domicilio: Calle del Carmen, n.º 186, 28016 Madrid",
                "Calle del Carmen, n.º 186",
            ),
            (
                "Domicilio: Rambla de Catalunya, 66, 9º B, 48012 Bilbao",
                "Rambla de Catalunya, 66, 9º B",
            ),
            (
                "Lugar: C/ Princesa, n.º 88, 1º izq., 07008 Palma.",
                "C/ Princesa, n.º 88, 1º izq.",
            ),
            // A Portuguese floor and side: "5º B", "2º Esq".
            (
                "Morada: Travessa do Carmo 156, 5º B, 5457-650 Aveiro",
                "Travessa do Carmo 156, 5º B",
            ),
            (
                "Rua das Flores 60, 2º Esq, 1900-457 Lisboa",
                "Rua das Flores 60, 2º Esq",
            ),
            ("Anschrift:\nBerliner Allee 22\n04158 Leipzig", "Berliner Allee 22"),
            ("Schadenort: Leipziger Str. 160, 01119 Dresden.", "Leipziger Str. 160"),
            (
                "Home address:\n4969 42nd Court\nLouisville, KY 40297",
                "4969 42nd Court",
            ),
            (
                "verstuurd naar Wilhelminapark 67-II, 5016JD Tilburg.",
                "Wilhelminapark 67-II",
            ),
        ] {
            assert!(has(text, "STREET_ADDRESS", street), "{text}");
        }
        // Both ends of a stay; not a deadline after a birth date.
        let stay = "Stationärer Aufenthalt vom 24.09.2023 bis 29.09.2023";
        assert!(has(stay, "DATE", "24.09.2023") && has(stay, "DATE", "29.09.2023"));
        assert!(has("Adm: 2025-05-15\tDisch: 2025-05-30", "DATE", "2025-05-30"));
        assert!(!has("DOB 03/04/1961. Invoice due 05/06/2024.", "DATE", "05/06/2024"));
        let chat = "Agent: Can you confirm your date of birth?\n[11:06] Kunde: 1. April 1963.\nAgent: Danke.";
        assert!(has(chat, "DATE", "1. April 1963"));
        assert!(has(
            "As discussed, your last working day will be 26th July 2025.",
            "DATE",
            "26th July 2025"
        ));
        assert!(has(
            "Die AU-Bescheinigung von Dr. Tobias Nowak vom 22.08.2024 liegt vor.",
            "DATE",
            "22.08.2024"
        ));
        let alone = |t: &str, d: &str| {
            let s = t.find(d).unwrap();
            date_alone_in_a_customers_turn(t, s, s + d.len())
        };
        assert!(alone("x\nCustomer: 01/19/1988.\ny", "01/19/1988"));
        assert!(!alone("x\nAgent: 01/19/1988.\ny", "01/19/1988"));
        assert!(!alone("Customer: ok, 05/06/2024 works", "05/06/2024"));
        assert!(run("the meeting on 2024-03-14").is_empty());
    }

    #[test]
    fn addresses_and_postal_codes() {
        let t = "lives at 742 Evergreen Terrace, Springfield, IL 62704.";
        assert!(has(t, "STREET_ADDRESS", "742 Evergreen Terrace"), "{:?}", run(t));
        assert!(has(t, "ZIP_CODE", "62704"), "{:?}", run(t));
        assert!(has("Hauptstraße 12, 10115 Berlin", "STREET_ADDRESS", "Hauptstraße 12"));
        assert!(has("Hauptstraße 12, 10115 Berlin", "ZIP_CODE", "10115"));
        assert!(has(
            "12 rue de la Paix, 75002 Paris",
            "STREET_ADDRESS",
            "12 rue de la Paix"
        ));
        assert!(has("Calle Mayor 5, 28013 Madrid", "STREET_ADDRESS", "Calle Mayor 5"));
        assert!(has("Via Roma 10, 00184 Roma", "STREET_ADDRESS", "Via Roma 10"));
        assert!(has("Keizersgracht 123, 1015 CJ Amsterdam", "ZIP_CODE", "1015 CJ"));
        assert!(has("London SW1A 1AA", "ZIP_CODE", "SW1A 1AA"));
    }

    #[test]
    fn icd_codes_in_a_list_and_after_more_labels() {
        let text = "Problem list: hypertension I10, hyperlipidemia E78.5, GERD K21.9";
        for code in ["I10", "E78.5", "K21.9"] {
            assert!(has(text, "ICD10_CODE", code), "{code}");
        }
        assert!(has("Codes: Z79.4; E78.5", "ICD10_CODE", "E78.5"));
        assert!(has("CID-10 E11.9", "ICD10_CODE", "E11.9"));
        assert!(has("Reason for visit: R07.9 chest pain", "ICD10_CODE", "R07.9"));
        assert!(!has("Error code E11.9 on the dishwasher", "ICD10_CODE", "E11.9"));
    }

    #[test]
    fn icd_needs_a_patient() {
        assert!(has("Patient seen today. Dx: E11.9", "ICD10_CODE", "E11.9"));
        assert!(!has("What does ICD-10 code E11.9 mean?", "ICD10_CODE", "E11.9"));
        assert!(has(
            "Informe clínico. Diagnósticos CIE-10: I48.9",
            "ICD10_CODE",
            "I48.9"
        ));
        assert!(has("Patient seen today. Dx: U07.1", "ICD10_CODE", "U07.1"));
        // In brackets after the condition, in a text about a patient.
        assert!(has(
            "Ward round: patient on day 3 of admission for low back pain (M54.5).",
            "ICD10_CODE",
            "M54.5"
        ));
        assert!(!has("Order the part (M54.5) for the press.", "ICD10_CODE", "M54.5"));
        assert!(!has("Patient seen in room b12 today.", "ICD10_CODE", "b12"));
        assert!(!has(
            "The patient asked: what does ICD-10 code N39.0 mean in general?",
            "ICD10_CODE",
            "N39.0"
        ));
    }

    #[test]
    fn icd_codes_where_records_keep_them() {
        for (text, code) in [
            // Undotted, after its label.
            ("Diagnosi ICD-10: F411, K210", "K210"),
            ("PRIMARY DX: L400", "L400"),
            // Dotted, in a text about someone's health (a drug and dose here).
            ("Rx: metformin 500 mg bid, started for E11.9 last week", "E11.9"),
            // After the condition it codes, in a clinical text.
            ("Asthme (J459), salbutamol 100 µg si besoin.", "J459"),
            ("BP 150/95. Essential hypertension \u{2014} I10", "I10"),
            // Table cells, JSON arrays, HL7 DG1, CSV under a coded header.
            (
                "| Name | Dx |\n| C. Mamani | D509 | iron deficiency anaemia, ferrous sulfate 200 mg |",
                "D509",
            ),
            (r#"{"conditions": ["J44.1", "S72.0"]}"#, "S72.0"),
            ("DG1|1||M54.5^low back pain^I10", "M54.5"),
            ("mrn,dob,dx1,dx2\n448120,1961-03-04,K21.0,G47.3", "G47.3"),
        ] {
            assert!(has(text, "ICD10_CODE", code), "{text}: {:?}", run(text));
        }
        // HL7's coding system is no code; a part number in a shop is none.
        assert!(!has("DG1|1||M54.5^low back pain^I10", "ICD10_CODE", "I10"));
        assert!(!has(
            "Replace filter (J459) on the press, see manual.",
            "ICD10_CODE",
            "J459"
        ));
        assert!(!has("Error code E11.9 on the dishwasher", "ICD10_CODE", "E11.9"));
    }

    #[test]
    fn urls_of_a_person() {
        let urls = |text: &str| found(text, "URL");
        for (text, url) in [
            // Named after a person found in the text.
            (
                "Atentamente, Ondřej Carvalho https://ondrejcarvalho.it +34 913 204 298",
                "https://ondrejcarvalho.it",
            ),
            (
                "Obrigado, Lucía Sánchez. Agenda: https://github.com/lsanchez",
                "https://github.com/lsanchez",
            ),
            // A booking page; a patient's results with an id.
            (
                "Book with me: https://calendly.com/nour-huaman/30min",
                "https://calendly.com/nour-huaman/30min",
            ),
            (
                "Your results are ready: https://portal.mercyvalley.org/p/61481848/results",
                "https://portal.mercyvalley.org/p/61481848/results",
            ),
        ] {
            assert_eq!(urls(text), [url], "{text}");
        }
        assert!(urls("Docs: https://docs.example.com/p/12345/install").is_empty());
        assert!(urls("Dear Ana Silva, see https://www.example.org/help").is_empty());
    }

    #[test]
    fn a_member_number_after_the_payers_name() {
        for (text, value) in [
            ("Insurance: Keystone Mutual #W559173108", "W559173108"),
            ("Je suis adhérent MGEN sous le n° 0213317563.", "0213317563"),
            ("PRIMARY INS: AETNA  ID PVG509750Z69  GROUP 008-0135", "PVG509750Z69"),
            ("sub id ZGP2906387608, policy 20253993801", "ZGP2906387608"),
        ] {
            assert!(has(text, "HEALTH_PLAN_ID", value), "{text}: {:?}", run(text));
        }
        // A French medicine's code under the "CIP" label is no member's.
        assert!(!run("ramipril 5 mg, lot L550614, CIP 34009 616 993 8 1")
            .iter()
            .any(|(k, _)| k == "HEALTH_PLAN_ID"));
        // A claim's or a case's number is not the member's.
        assert!(!has(
            "Travel insurance claim CASE-669471: seen abroad",
            "HEALTH_PLAN_ID",
            "CASE-669471"
        ));
    }

    #[test]
    fn an_intermediary_banks_bic() {
        assert!(has(
            "SWIFT: BCOMUS2X ABA: 048403601 Intermediary: GRNTDEHH",
            "SWIFT_BIC",
            "GRNTDEHH"
        ));
        assert!(run("Our intermediary agreement was signed.").is_empty());
    }

    #[test]
    fn record_numbers_under_their_labels_in_six_languages() {
        for (text, value) in [
            ("pcte luka wagner, pront. 6084453, cns 876", "6084453"),
            ("Doente: Nowak, Seo-yeon Processo n.º 00990443 Internamento", "00990443"),
            ("paz Fitzgerald, Chiara – cart. V5235740 – dx", "V5235740"),
            (
                "Fiona Cook – née le 17.04.1975 N° dossier 801336343 – prélevé",
                "801336343",
            ),
            // Abbreviated as wards write them.
            ("o. tran - opname 05/03/2025, patiëntnr z7306900, dx n17.9", "z7306900"),
            ("Pt seen, MR# 4471-0923, for review", "4471-0923"),
        ] {
            assert!(has(text, "MEDICAL_RECORD_NUMBER", value), "{text}: {:?}", run(text));
        }
        for (text, value) in [
            ("Rui Nakashima, 91113 Leipzig, Vers.-Nr. W761698679", "W761698679"),
            ("Maarten, 7291 TK Utrecht, polisnr PN3807-5633", "PN3807-5633"),
            ("Rua X 12, nº utente AP-3013169", "AP-3013169"),
        ] {
            assert!(has(text, "HEALTH_PLAN_ID", value), "{text}: {:?}", run(text));
        }
        // A process id in a log is no patient's.
        assert!(!has("worker pid 51053692 exited", "MEDICAL_RECORD_NUMBER", "51053692"));
    }

    #[test]
    fn context_ids() {
        assert!(has(
            "My account number with you is 480271936655. Please refund it.",
            "ACCOUNT_NUMBER",
            "480271936655"
        ));
        assert!(has("Passport (US): R30418827", "US_PASSPORT", "R30418827"));
        assert!(has(
            "Krankenversichertennr.: K604418273",
            "HEALTH_PLAN_ID",
            "K604418273"
        ));
        assert!(has(
            "entregou o cartão de utente (318802745);",
            "HEALTH_PLAN_ID",
            "318802745"
        ));
        assert!(has("MRN: 00482913", "MEDICAL_RECORD_NUMBER", "00482913"));
        assert!(has(
            "cartella clinica n. 2026/331570.",
            "MEDICAL_RECORD_NUMBER",
            "2026/331570"
        ));
        assert!(has(
            "con no de tarjeta QWRT718204556392.",
            "HEALTH_PLAN_ID",
            "QWRT718204556392"
        ));
        assert!(has(
            "Meine Policennummer lautet K702281945.",
            "HEALTH_PLAN_ID",
            "K702281945"
        ));
        for dated in ["policy 12/2024 renewal", "MRN: 01/02/2024 admitted"] {
            assert!(run(dated).iter().all(|(k, _)| k == "DATE"), "{dated}");
        }
        assert!(has("Member ID XJH-448122", "HEALTH_PLAN_ID", "XJH-448122"));
        assert!(has("passport number 912803456", "US_PASSPORT", "912803456"));
        assert!(has("Account number: 12345678", "ACCOUNT_NUMBER", "12345678"));
        assert!(has("SWIFT: DEUTDEFF", "SWIFT_BIC", "DEUTDEFF"));
        assert!(has("Passport number | 616379373 (USA)", "US_PASSPORT", "616379373"));
        assert!(has(
            "Your passport (no. 315196249) was verified",
            "US_PASSPORT",
            "315196249"
        ));
        assert!(has(
            "Medicare ID (MBI) 8ED7-QN5-DH27.",
            "HEALTH_PLAN_ID",
            "8ED7-QN5-DH27"
        ));
        assert!(has(
            "Krankenkasse: DAK, KVNR N809681441.",
            "HEALTH_PLAN_ID",
            "N809681441"
        ));
        assert!(has(
            "tarjeta sanitaria: MKCR495148854664",
            "HEALTH_PLAN_ID",
            "MKCR495148854664"
        ));
        assert!(has("IPP 00612966", "MEDICAL_RECORD_NUMBER", "00612966"));
        assert!(has("Pat.-Nr. 1631198849", "MEDICAL_RECORD_NUMBER", "1631198849"));
        assert!(has("cartella n. LA406857", "MEDICAL_RECORD_NUMBER", "LA406857"));
        assert!(has(
            "il saldo del conto n. 45207420 è sbagliato",
            "ACCOUNT_NUMBER",
            "45207420"
        ));
        assert!(has("KVNR N809681441", "HEALTH_PLAN_ID", "N809681441"));
        assert!(has(
            "pacemaker, serial number PFHT5JMW, normal",
            "DEVICE_ID",
            "PFHT5JMW"
        ));
        assert!(has(
            "bomba de insulina, n.º de serie SN0573-BY9X20.",
            "DEVICE_ID",
            "SN0573-BY9X20"
        ));
        assert!(!has("serial number UNKNOWN", "DEVICE_ID", "UNKNOWN"));
    }

    #[test]
    fn a_value_asked_in_one_turn_and_given_in_the_next() {
        assert!(has(
            "Nurse: and the member id on the card? PT: sure it's um, QX7731904 Nurse: thanks",
            "HEALTH_PLAN_ID",
            "QX7731904"
        ));
        assert!(has(
            "[00:01:02] Agent: your account number please [00:01:09] Caller: ok 44190231775",
            "ACCOUNT_NUMBER",
            "44190231775"
        ));
        // Asked at a line's end, answered on the next line by a bot's user.
        assert!(has(
            "bot: su número de cuenta\nusuario: 82019447\nbot: gracias",
            "ACCOUNT_NUMBER",
            "82019447"
        ));
        assert!(has(
            "[ivr] and the zip code for the card\n[caller] 60614",
            "ZIP_CODE",
            "60614"
        ));
        assert!(has("bot: und Ihre Postleitzahl\nkunde: 80331", "ZIP_CODE", "80331"));
        // A next line that is no answer: a value further on, or no speaker's tag.
        assert!(!run("bot: your zip code\nplease hold, 2 agents ahead of you, 60614")
            .iter()
            .any(|(k, _)| k == "ZIP_CODE"));
        // A turn that gives no value.
        assert!(run("Agent: what's your account number? Caller: I don't know, sorry")
            .iter()
            .all(|(k, _)| k != "ACCOUNT_NUMBER"));
    }

    #[test]
    fn passports_and_licences_a_few_words_after_their_label() {
        assert!(has(
            "the passport on file is 512748391, thanks",
            "US_PASSPORT",
            "512748391"
        ));
        assert!(has(
            "driver's license on file: D4127730",
            "US_DRIVER_LICENSE",
            "D4127730"
        ));
        assert!(!run("passport renewal takes 6 weeks")
            .iter()
            .any(|(k, _)| k == "US_PASSPORT"));
    }

    #[test]
    fn european_streets_in_lower_case_beside_an_address_word_or_a_postal_code() {
        for (text, street, zip) in [
            (
                "meine neue adresse: kastanienweg 14, 34567 kassel",
                "kastanienweg 14",
                Some("34567"),
            ),
            ("wohne jetzt in der ulmenstraße 8a", "ulmenstraße 8a", None),
            (
                "neue adresse wiedner str. 71, 1040 wien",
                "wiedner str. 71",
                Some("1040"),
            ),
            (
                "morada: rua das oliveiras, 64\n2750-318 cascais",
                "rua das oliveiras, 64",
                Some("2750-318"),
            ),
            (
                "indirizzo: viale dei tigli 23, 50127 firenze",
                "viale dei tigli 23",
                Some("50127"),
            ),
            (
                "dirección: calle de los almendros 9, 28014 madrid",
                "calle de los almendros 9",
                Some("28014"),
            ),
        ] {
            assert!(has(text, "STREET_ADDRESS", street), "{text}");
            if let Some(z) = zip {
                assert!(has(text, "ZIP_CODE", z), "{text}");
            }
        }
        // Capitalized, the Portuguese avenue is a street, not a name.
        assert!(has(
            "Morada: Avenida dos Pinheiros, 140, 3810-200 Aveiro",
            "STREET_ADDRESS",
            "Avenida dos Pinheiros, 140"
        ));
        for prose in [
            "completa il corso sulla sicurezza entro il 5 marzo 2026",
            "sent via courier 3 times this week",
            "ist weg 5 tage im urlaub",
            "on se retrouve place de la gare 2 fois par semaine",
        ] {
            assert!(!run(prose).iter().any(|(k, _)| k == "STREET_ADDRESS"), "{prose}");
        }
    }

    #[test]
    fn streets_in_lower_case_beside_an_address_word_a_unit_or_a_postal_code() {
        assert!(has(
            "my new address is 418 juniper hollow lane",
            "STREET_ADDRESS",
            "418 juniper hollow lane"
        ));
        assert!(has(
            "send it to 77 quarry road, 02139 thanks",
            "STREET_ADDRESS",
            "77 quarry road"
        ));
        assert!(has("ship to 9 elm st apt 4", "STREET_ADDRESS", "9 elm st apt 4"));
        for prose in [
            "we walked 5 miles down the road",
            "the 2 big park avenue hotels",
            "took 3 of the main street buses",
        ] {
            assert!(!run(prose).iter().any(|(k, _)| k == "STREET_ADDRESS"), "{prose}");
        }
    }

    #[test]
    fn streets_whose_street_word_is_lower_case_and_their_floors_and_doors() {
        for (text, value) in [
            (
                "Domicilio calle de la Rosa 118, 3º A, 28014 Madrid.",
                "calle de la Rosa 118, 3º A",
            ),
            (
                "residente in vicolo dei Tigli 41, scala C, interno 7, 40121 Bologna",
                "vicolo dei Tigli 41, scala C, interno 7",
            ),
            ("Indirizzo: via Montebello 17/B, 20121 Milano", "via Montebello 17/B"),
            (
                "morada: Praceta dos Lírios, lote 6, 2.º Esq., 2750-310 Cascais",
                "Praceta dos Lírios, lote 6, 2.º Esq.",
            ),
            (
                "Mora em Avenida do Mar 52 - 4.º Dto., 4150-100 Porto.",
                "Avenida do Mar 52 - 4.º Dto.",
            ),
            (
                "residente em Rua das Hortas 19, r/c, 7000-001 Évora",
                "Rua das Hortas 19, r/c",
            ),
            (
                "Domicilio: calle Mirasol 63, bajo, 41004 Sevilla.",
                "calle Mirasol 63, bajo",
            ),
            (
                "a domicilio a calle Almendro, 9, esc. A, 5º 1ª, 46001 Valencia.",
                "calle Almendro, 9, esc. A, 5º 1ª",
            ),
            ("nieuw adres: Berkenlaan 31-bis, 3581 KP Utrecht", "Berkenlaan 31-bis"),
            (
                "Nieuw adres: Lindengracht 88 II, 1015 KL Amsterdam.",
                "Lindengracht 88 II",
            ),
            (
                "Anschrift: Kirchplatz 24, 2. OG links, 80331 München",
                "Kirchplatz 24, 2. OG links",
            ),
        ] {
            assert!(has(text, "STREET_ADDRESS", value), "{text}");
        }
        for (text, value) in [
            (
                "Mailing address: 4410 State Route 17, Dover, DE 19901.",
                "4410 State Route 17",
            ),
            ("moved to 3306 county rd 12, Ames IA 50010", "3306 county rd 12"),
            ("Deliver to: RR 3 Box 207, Ames, IA 50010", "RR 3 Box 207"),
            (
                "Address: Second Floor Flat, 71 Quarry Road, Bath BA1 2AB",
                "Second Floor Flat, 71 Quarry Road",
            ),
            (
                "Address:\nAPARTMENT 12\n48 HARBOUR ROAD\nHULL",
                "APARTMENT 12\n48 HARBOUR ROAD",
            ),
            (
                "DOMICILIO: CALLE DEL PINAR 44, 2º C, 28001 MADRID",
                "CALLE DEL PINAR 44, 2º C",
            ),
            ("INDIRIZZO: VIA SOLFERINO, 63, 20121 MILANO (MI)", "VIA SOLFERINO, 63"),
            (
                "MORADA: RUA DA PAZ, N.º 12, 3.º ANDAR, 1200-001 LISBOA",
                "RUA DA PAZ, N.º 12, 3.º ANDAR",
            ),
            (
                "wohnhaft Kaisergasse 9, Stiege 2, Tür 14, 1070 Wien.",
                "Kaisergasse 9, Stiege 2, Tür 14",
            ),
            (
                "domicilio avenida del Puerto 40-42, 1º B, 46021 Valencia",
                "avenida del Puerto 40-42, 1º B",
            ),
        ] {
            assert!(has(text, "STREET_ADDRESS", value), "{text}");
        }
        // Postal codes of three and two digits, and of two and three.
        assert!(has("Adress: Storgatan 12 B, 114 55 Stockholm", "ZIP_CODE", "114 55"));
        assert!(has(
            "Adress: Storgatan 12 B, 114 55 Stockholm",
            "STREET_ADDRESS",
            "Storgatan 12 B"
        ));
        assert!(has("adres: ul. Lipowa 7, 80-001 Gdańsk", "ZIP_CODE", "80-001"));
        assert!(!run("we sold 120 45 Boxes today").iter().any(|(k, _)| k == "ZIP_CODE"));
        // A road's number only where it ends the street line.
        assert!(has(
            "we live at 12 Mill Road 5 minutes away",
            "STREET_ADDRESS",
            "12 Mill Road"
        ));
        // Without an address word, a unit or a postal code, "via" is a preposition.
        for prose in ["we met via Zoom 3 times", "sent via Outlook 2 days ago"] {
            assert!(!run(prose).iter().any(|(k, _)| k == "STREET_ADDRESS"), "{prose}");
        }
        // French puts the number first: the street is "50 avenue Foch", not "avenue Foch, 44711".
        assert!(has(
            "Adresse: 50 avenue Foch, 44711 Marseille.",
            "STREET_ADDRESS",
            "50 avenue Foch"
        ));
        assert!(has("Adresse: 50 avenue Foch, 44711 Marseille.", "ZIP_CODE", "44711"));
    }

    #[test]
    fn a_patients_number_in_a_rest_path_and_under_pat_id() {
        let records = |text: &str| found(text, "MEDICAL_RECORD_NUMBER");
        assert_eq!(
            records(r#"10.0.0.9 - - "GET /api/v2/patients/40817733/summary HTTP/1.1" 200"#),
            ["40817733"]
        );
        assert!(records("GET /api/v2/patients/search?page=2").is_empty());
        assert!(has(
            "NOWAK, Ewa   geb. 03.04.61   Pat.-ID 5582093116",
            "MEDICAL_RECORD_NUMBER",
            "5582093116"
        ));
    }

    #[test]
    fn links_that_carry_their_own_key_and_a_persons_own_site() {
        for text in [
            "results link sent: https://portal.example-clinic.test/r/Qx7TmWp2Lk9Ra4Zs",
            "reset it here: https://app.example.test/invite/bN4kPz8QwE2-rT7yUx1c",
            "Personal site for the directory: https://anna-keller.example.test/portfolio",
        ] {
            assert!(run(text).iter().any(|(k, _)| k == "URL"), "{text}");
        }
        for text in [
            "docs at https://docs.rs/regex/latest/regex/struct.Regex.html",
            "see https://example.test/api/v2/customers for the schema",
        ] {
            assert!(!run(text).iter().any(|(k, _)| k == "URL"), "{text}");
        }
    }

    #[test]
    fn a_chat_exports_stamps_are_no_ones_dates() {
        let chat = "14/02/2026, 12:31 - Rafael Costa: my dob is 03/04/1961\n14/02/2026, 12:32 - Rafael Costa: ok";
        assert_eq!(dates(chat), ["03/04/1961"]);
        let bracketed = "[16-01-2026 22:52] Daan Visser: geb. 12-03-1980";
        assert_eq!(dates(bracketed), ["12-03-1980"]);
        // A date of birth on its own line, then a time and no sender, is still one.
        assert_eq!(
            dates("Patient: Ilse Vandermeer\nDOB:\n03/04/1961, 10:22 admitted"),
            ["03/04/1961"]
        );
    }

    #[test]
    fn customer_numbers_health_cards_and_values_on_the_line_under_their_label() {
        assert!(has("codice cliente 418203557; carta", "ACCOUNT_NUMBER", "418203557"));
        assert!(has("Kunden-Nr. 730918442.", "ACCOUNT_NUMBER", "730918442"));
        assert!(has(
            "n.º de cliente CLI-5520917; tarjeta",
            "ACCOUNT_NUMBER",
            "CLI-5520917"
        ));
        assert!(has("sort code 20-11-47 acc 61839025", "ACCOUNT_NUMBER", "61839025"));
        assert!(has("Health card: 4821-557-903-KT", "HEALTH_PLAN_ID", "4821-557-903-KT"));
        // Spain's affiliation number, in its three groups.
        assert!(has(
            "N.º afiliación SS: 41/30982716/55\n",
            "HEALTH_PLAN_ID",
            "41/30982716/55"
        ));
        assert!(has(
            "Paciente: Ana Ruiz · NUSS 08/44170293/12\n",
            "HEALTH_PLAN_ID",
            "08/44170293/12"
        ));
        assert!(has(
            "{'member_id': 'Q553018274', 'npi': None}",
            "HEALTH_PLAN_ID",
            "Q553018274"
        ));
        assert!(has(
            "SV-Nummer 4417120385, geb. 12.03.1985",
            "HEALTH_PLAN_ID",
            "4417120385"
        ));
        assert!(has(
            "Driver license number / state\n603918274 / NY\n",
            "US_DRIVER_LICENSE",
            "603918274"
        ));
        assert!(has("Insurance member ID\nK40392817\n", "HEALTH_PLAN_ID", "K40392817"));
        // The label in a header's first cell: the first cell under it.
        assert!(has(
            "Owner's driver license no.      State\n730 118 402      NY\n",
            "US_DRIVER_LICENSE",
            "730 118 402"
        ));
        assert!(has(
            "Driver license number / state\nK3307 51190 28764 / NJ\n",
            "US_DRIVER_LICENSE",
            "K3307 51190 28764"
        ));
        // A unit is no label.
        assert!(run("Glucose   57 mg/dL   (70-110)").is_empty());
        // Under a sentence, the next line is no answer.
        assert!(run("Please send your account number.\nThanks 44918273").is_empty());
    }

    #[test]
    fn streets_in_portuguese_latin_american_polish_and_japanese_forms() {
        for (text, kind, value) in [
            (
                "Endereço: Rua Padre Anchieta, 912, ap. 71 - Centro",
                "STREET_ADDRESS",
                "Rua Padre Anchieta, 912, ap. 71",
            ),
            ("Morada: Travessa do Carmo 18", "STREET_ADDRESS", "Travessa do Carmo 18"),
            (
                "Domicilio: Calzada Ignacio Zaragoza 1304, Depto. 12, Col. Juárez",
                "STREET_ADDRESS",
                "Calzada Ignacio Zaragoza 1304, Depto. 12",
            ),
            (
                "adres: ul. Ogrodowa 7/12, 80-001 Gdańsk",
                "STREET_ADDRESS",
                "ul. Ogrodowa 7/12",
            ),
            (
                "Address: 2-7-1 Nishiki, Naka-ku, Nagoya",
                "STREET_ADDRESS",
                "2-7-1 Nishiki",
            ),
            ("〒460-0003 愛知県名古屋市中区錦2-7-1", "STREET_ADDRESS", "錦2-7-1"),
            ("〒460-0003 愛知県名古屋市中区錦2-7-1", "ZIP_CODE", "460-0003"),
        ] {
            assert!(has(text, kind, value), "{text}: {:?}", run(text));
        }
        for text in [
            "Smith et al. Jr. Brown 2019",
            "令和5年の市場規模は3-5倍",
            "R. Kelly 2019 tour",
        ] {
            assert!(
                !run(text).iter().any(|(k, _)| k == "STREET_ADDRESS"),
                "{text}: {:?}",
                run(text)
            );
        }
    }

    #[test]
    fn street_lines_in_more_shapes_and_languages() {
        for (text, street) in [
            ("ship to 1200 Airport Expy, Houston", "1200 Airport Expy"),
            ("at 55 Oak Xing, Austin, TX 78701", "55 Oak Xing"),
            (
                "lives at 9 Harbor View Pkwy Suite 210, Tampa",
                "9 Harbor View Pkwy Suite 210",
            ),
            ("Address: 77 Willow Trl Apt 3C", "77 Willow Trl Apt 3C"),
            (
                "he lives at 87 harefield road apt one d zip",
                "87 harefield road apt one d",
            ),
            (
                "the address is 225 maple avenue unit 8 a um",
                "225 maple avenue unit 8 a",
            ),
            ("Address: 12 Cedar Loop\nUnit 4", "12 Cedar Loop\nUnit 4"),
            ("Address: Flat 9, 176 Beech Gardens, Leeds", "Flat 9, 176 Beech Gardens"),
            (
                "Anschrift: Hauptstraße 12, Whg. 5, 10115 Berlin",
                "Hauptstraße 12, Whg. 5",
            ),
            ("Adresse : Rue de la Loi 16, 1000 Bruxelles", "Rue de la Loi 16"),
            (
                "Adresse : 14 rue des Lilas, 3e étage, 75011 Paris",
                "14 rue des Lilas, 3e étage",
            ),
            (
                "Domicilio: Calle Mayor, nº 3, 2º B, 28013 Madrid",
                "Calle Mayor, nº 3, 2º B",
            ),
            (
                "Domicilio: Avda. de América 12, piso 4, 28028 Madrid",
                "Avda. de América 12, piso 4",
            ),
            (
                "Indirizzo: Via Roma 45, interno 7, 00184 Roma",
                "Via Roma 45, interno 7",
            ),
            ("Adres: Kerkstraat 8 bis, 1012 AB Amsterdam", "Kerkstraat 8 bis"),
            ("Adres:\nLange Voorhout 183\n2514 EA Den Haag", "Lange Voorhout 183"),
        ] {
            assert!(has(text, "STREET_ADDRESS", street), "{text}: {:?}", run(text));
        }
        for (text, po) in [
            ("Send it to P.O. Box 1234, Springfield, IL 62704", "P.O. Box 1234"),
            ("Postfach 10 01 23, 10115 Berlin", "Postfach 10 01 23"),
            ("BP 45, 75001 Paris Cedex", "BP 45"),
            ("Apartado de correos 120, 28080 Madrid", "Apartado de correos 120"),
            ("Casella postale 8, 00184 Roma", "Casella postale 8"),
            ("Postbus 100, 1000 AC Amsterdam", "Postbus 100"),
        ] {
            assert!(has(text, "STREET_ADDRESS", po), "{text}: {:?}", run(text));
        }
        // Common words as suffixes, blood pressures, counts: no street.
        for text in [
            "Read the 5 Key Points below.",
            "We saw 3 Green Lights on the way.",
            "BP 120/80 at rest, HR 72.",
            "Chapter 7 Central Park in winter",
        ] {
            let f = run(text);
            assert!(f.iter().all(|(k, _)| k != "STREET_ADDRESS"), "{text}: {f:?}");
        }
    }

    #[test]
    fn postal_codes_beside_a_city() {
        for (text, zip) in [
            ("Adresse :\n75011 Paris", "75011"),
            ("Sitz: D-10115 Berlin", "10115"),
            ("Kerkplein 4\n1012 AB Amsterdam", "1012 AB"),
            ("c/o Ana, 28013 Madrid", "28013"),
            ("spedire a 00184 Roma.", "00184"),
            ("London SW1A 1AA", "SW1A 1AA"),
            ("Springfield, IL 62704", "62704"),
            ("Springfield, IL 62704-1234", "62704-1234"),
            // After a street line: Portugal's 4-3, Mexico's C.P. (no street "C. P."), a lower-case state.
            ("Morada: Rua Augusta 89, 4065-152 Porto.", "4065-152"),
            ("Domicilio: Calle Durango 144, C.P. 04305 Ciudad de México", "04305"),
            (
                "mail a check to 154 Hillcrest Way, columbus, oh 43216-5070.",
                "43216-5070",
            ),
        ] {
            assert!(has(text, "ZIP_CODE", zip), "{text}: {:?}", run(text));
        }
        for text in [
            "Wir erwarten 50000 Besucher und 12000 Euro Umsatz.",
            "In 2019 Berlin hosted the summit.",
            "Order 12345 Shipped yesterday",
            "Es kamen 25000 Menschen.",
        ] {
            let f = run(text);
            assert!(f.iter().all(|(k, _)| k != "ZIP_CODE"), "{text}: {f:?}");
        }
    }

    #[test]
    fn labelled_licences_serials_udis_plates_and_diagnoses() {
        assert!(has(
            "Driver's license | R 150 787 123 398 (MI)",
            "US_DRIVER_LICENSE",
            "R 150 787 123 398"
        ));
        assert!(has("DL# D1234567", "US_DRIVER_LICENSE", "D1234567"));
        // After "license" alone: five digits or more, and no span of years.
        assert!(has(
            "Ana Reyes, DOB 07/17/1994, license H7651527",
            "US_DRIVER_LICENSE",
            "H7651527"
        ));
        assert!(has(
            "License: Z249-8137-4486 (IL)",
            "US_DRIVER_LICENSE",
            "Z249-8137-4486"
        ));
        for text in [
            "The license 2023-2025 was renewed.",
            "fiscal license FY-599",
            "License: MIT",
        ] {
            assert!(
                !run(text).iter().any(|(e, _)| e == "US_DRIVER_LICENSE"),
                "{text}: {:?}",
                run(text)
            );
        }
        assert!(has(
            "Driver's license: WDLUZCOIO5IE (WA)",
            "US_DRIVER_LICENSE",
            "WDLUZCOIO5IE"
        ));
        assert!(has(
            "Führerscheinnummer: B072RRE2I55",
            "US_DRIVER_LICENSE",
            "B072RRE2I55"
        ));
        assert!(has("laptop, serial number PFLUVMZL, shipped", "DEVICE_ID", "PFLUVMZL"));
        assert!(has("S/N: 4512-AB-9921", "DEVICE_ID", "4512-AB-9921"));
        let udi = "(01)00884838047136(17)250101(21)ABC123";
        assert!(has(&format!("UDI {udi} implanted"), "DEVICE_ID", udi));
        assert!(has("license plate: 7ABC123", "VEHICLE_ID", "7ABC123"));
        assert!(has("Kennzeichen B-MW 1234", "VEHICLE_ID", "B-MW 1234"));
        assert!(has("Kennzeichen: M AB 123", "VEHICLE_ID", "M AB 123"));
        assert!(has("the car, AB12 CDE, was parked", "VEHICLE_ID", "AB12 CDE"));
        assert!(!has("order AB12 CDE shipped", "VEHICLE_ID", "AB12 CDE"));
        assert!(!has("plate fixation at C5-C6 level", "VEHICLE_ID", "C5-C6"));
        for (text, code) in [
            ("Diagnose J18.9 durch Dr. Koch.", "J18.9"),
            ("diagnostic R07.9, arrêt de travail", "R07.9"),
            ("diagnóstico K21.9.", "K21.9"),
            ("Codici ICD-10: A09, R07.9", "R07.9"),
            ("Nevendiagnose: refluxziekte (K21.9)", "K21.9"),
        ] {
            assert!(has(text, "ICD10_CODE", code), "{text}: {:?}", run(text));
        }
        assert!(!has("What does ICD-10 code E11.9 mean?", "ICD10_CODE", "E11.9"));
    }

    #[test]
    fn ipv6_with_an_embedded_ipv4_is_whole() {
        for a in ["2001:db8::192.168.1.1", "::ffff:10.0.0.1"] {
            let t = format!("client {a} connected");
            assert!(has(&t, "IP_ADDRESS", a), "{t}: {:?}", run(&t));
        }
        assert!(has(
            "mail user@xn--mnchen-3ya.de now",
            "EMAIL",
            "user@xn--mnchen-3ya.de"
        ));
    }
}

//! Values whose field says what they are, wherever the words that would
//! announce them are far away:
//!
//! - the cells of a pasted table (CSV, TSV, `;`- or `|`-separated, Markdown)
//!   under a header that names the column (`dob`, `Nachname`, `code_postal`,
//!   `member_id`, `Telefono`), in six languages;
//! - the fields of HL7 v2 segments (`PID-5` the patient's name, `PID-7` the
//!   date of birth, `PID-11` the address, `PID-13` the phone, `PID-19` the
//!   SSN; the names, addresses and phones of `NK1`, `GT1` and the clinicians
//!   of `PV1`);
//! - JSON members whose key names a field (`"dob": "1934-02-06"`,
//!   `"zip": "60652"`), names excepted (`names_context` reads those).
//!
//! A cell is reported only when its shape fits the column (digits in a date,
//! an '@' in an e-mail, letters and no digits in a name): a header says what
//! a column should hold, not that every cell does.

use crate::detector::{Detector, Input};
use crate::entity::Kind;
use crate::{Candidate, ScanError};

/// The field stage.
pub(crate) struct Fields;

const DETECTOR_COLUMN: &str = "fields.column";
const DETECTOR_HL7: &str = "fields.hl7";
const DETECTOR_JSON: &str = "fields.json";
const DETECTOR_XML: &str = "fields.xml";
const DETECTOR_KV: &str = "fields.key_value";
const DETECTOR_SQL: &str = "fields.sql";
const SCORE: f32 = 0.85;
/// Tables this long or longer are read one line at a time (no backtracking).
const MAX_CELLS: usize = 64;

impl Detector for Fields {
    fn name(&self) -> &'static str {
        "fields"
    }

    fn find(&self, input: &Input<'_>, out: &mut Vec<Candidate>) -> Result<(), ScanError> {
        let text = input.text;
        let b = text.as_bytes();
        if memchr::memchr3(b'\t', b';', b'|', b).is_some()
            || memchr::memchr(b',', b).is_some()
            || memchr::memmem::find(b, b"  ").is_some()
        {
            let lines = lines_at(text);
            tables(text, &lines, out);
            headerless(text, &lines, out);
        }
        if HL7_SEGMENTS
            .iter()
            .any(|seg| memchr::memmem::find(b, seg.as_bytes()).is_some())
        {
            hl7(text, out);
        }
        if memchr::memmem::find(b, b"\":").is_some() || memchr::memmem::find(b, b"\" :").is_some() {
            json(text, out);
        }
        if memchr::memmem::find(b, b"</").is_some() {
            xml(text, out);
        }
        if memchr::memmem::find(b, b" value=\"").is_some() || memchr::memmem::find(b, b" extension=\"").is_some() {
            xml_values(text, out);
        }
        if memchr::memchr(b'=', b).is_some() {
            key_values(text, out);
        }
        if memchr::memmem::find(b, b"VALUES").is_some() || memchr::memmem::find(b, b"values").is_some() {
            sql_inserts(text, out);
        }
        Ok(())
    }
}

/// What a column, a key or a field named this holds, if it holds one thing.
pub(crate) fn column_kind(header: &str) -> Option<Kind> {
    match column(header) {
        Column::Holds(kind) => Some(kind),
        Column::Other | Column::Unknown => None,
    }
}

/// What a header says of its column.
enum Column {
    /// One kind of value.
    Holds(Kind),
    /// Something else's name, number or date: a drug's, a firm's, an invoice's.
    Other,
    /// A word we do not know.
    Unknown,
}

fn column(header: &str) -> Column {
    // camelCase keys as words: "postalCode", "dateOfBirth".
    let mut lower = String::with_capacity(header.len() + 4);
    let mut prev_lower = false;
    for c in header.trim().chars() {
        if c.is_uppercase() && prev_lower {
            lower.push(' ');
        }
        prev_lower = c.is_lowercase();
        lower.extend(c.to_lowercase());
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 5 {
        return Column::Unknown;
    }
    let has = |set: &[&str]| words.iter().any(|w| set.contains(w));
    // An example's or a test's value ("EXAMPLE_VIN", "dummy_ssn"): no one's.
    if has(&[
        "example",
        "sample",
        "dummy",
        "fake",
        "mock",
        "placeholder",
        "fixture",
        "demo",
    ]) {
        return Column::Other;
    }
    let joined = words.concat();
    let is = |set: &[&str]| set.contains(&joined.as_str());
    // Something else's name, number or date: a drug, a file, a bank, a plan.
    let other = [
        "file",
        "filename",
        "drug",
        "medication",
        "product",
        "item",
        "user",
        "username",
        "host",
        "hostname",
        "company",
        "bank",
        "plan",
        "device",
        "dept",
        "department",
        "street",
        "city",
        "town",
        "country",
        "state",
        "model",
        "brand",
        "insurer",
        "hospital",
        "clinic",
        "facility",
        "org",
        "organisation",
        "organization",
        "vendor",
        "merchant",
        "server",
        "app",
        "project",
        "test",
        "field",
        "column",
        "table",
        "key",
        "event",
        "service",
        "order",
        "invoice",
        "ticket",
        "claim",
        "reference",
        "ref",
        "transaction",
        "version",
        "release",
        "due",
        "created",
        "updated",
        "modified",
        "expiry",
        "expires",
        "start",
        "end",
        "payment",
        "amount",
        "type",
        "code",
        "status",
        "group",
        "ward",
        "unit",
        "room",
        "bed",
        "site",
        "location",
        "ort",
        "ville",
        "ciudad",
        "città",
        "plaats",
        "stadt",
        "krankenkasse",
        "kasse",
        "reason",
        // Suppliers, invoices, amounts and due dates, in six languages.
        "supplier",
        "fornecedor",
        "proveedor",
        "fournisseur",
        "fornitore",
        "lieferant",
        "leverancier",
        "fatura",
        "factura",
        "facture",
        "fattura",
        "rechnung",
        "factuur",
        "valor",
        "importe",
        "montant",
        "importo",
        "betrag",
        "bedrag",
        "vencimento",
        "vencimiento",
        "échéance",
        "scadenza",
        "fälligkeit",
        "vervaldatum",
        "empresa",
        "entreprise",
        "société",
        "azienda",
        "firma",
        "bedrijf",
        "diagnosis",
        "dept",
        "role",
        "title",
        "job",
    ];
    if is(&[
        "dob",
        "birthdate",
        "dateofbirth",
        "birthday",
        "geburtsdatum",
        "geburtstag",
        "datenaissance",
        "datedenaissance",
        "fechanac",
        "fechanacimiento",
        "fechadenacimiento",
        "datadinascita",
        "datanascita",
        "datanascimento",
        "datadenascimento",
        "geboortedatum",
        "geb",
        "gebdatum",
        "nacimiento",
        "naissance",
        "admitted",
        "admissiondate",
        "admitdate",
        "dischargedate",
        "dateofservice",
        "dos",
        "servicedate",
        "visitdate",
        "surgerydate",
        "dateofdeath",
        "dod",
        "hiredate",
        "aufnahmedatum",
        "entlassdatum",
        // Admitted on: a ward list's column.
        "admission",
        "adm",
        "admdate",
        "aufnahme",
        "opname",
        "opnamedatum",
        "entrada",
        "ingreso",
        "ricovero",
        "admis",
        "admise",
    ]) || has(&[
        "dob",
        "birth",
        "geburtsdatum",
        "naissance",
        "nacimiento",
        "nascita",
        "nascimento",
        "nasc",
        "nac",
        "geboortedatum",
        "dos",
    ]) {
        return Column::Holds(Kind::Date);
    }
    if has(&[
        "zip",
        "zipcode",
        "postcode",
        "postal",
        "plz",
        "postleitzahl",
        "cap",
        "cp",
        "postale",
        "codigopostal",
        "codepostal",
    ]) {
        return Column::Holds(Kind::ZipCode);
    }
    if has(&[
        "phone",
        "tel",
        "telephone",
        "mobile",
        "cell",
        "cellphone",
        "telefon",
        "téléphone",
        "telefono",
        "teléfono",
        "movil",
        "móvil",
        "telemovel",
        "telemóvel",
        "telefoon",
        "gsm",
        "handy",
        "fax",
        "mobil",
        "portable",
        "cellulare",
        "whatsapp",
        "phonenumber",
        "mobilenumber",
    ]) {
        return Column::Holds(Kind::Phone);
    }
    if has(&["email", "mail", "courriel", "correo", "emailaddress"]) {
        return Column::Holds(Kind::Email);
    }
    if has(&["ssn", "socialsecurity", "itin"]) || is(&["socialsecuritynumber", "social"]) {
        return Column::Holds(Kind::UsSsn);
    }
    if has(&[
        "mrn",
        "mrnumber",
        "nhc",
        "ipp",
        "fallnummer",
        "patientennummer",
        "nosologico",
        "fallnr",
        "processo",
        "prontuario",
        "prontuário",
        "pront",
        "cartella",
        // "Nº historia", "N.º de historia": the number of a Spanish clinical history.
        "historia",
    ]) || is(&[
        "medicalrecordnumber",
        // A chart's, a unit's or a case's number, however a system abbreviates it.
        "chart",
        "chartno",
        "chartnr",
        "mr",
        "mrno",
        "unitno",
        "unitnumber",
        "patno",
        "patnr",
        "patientno",
        "patientnr",
        "patientnumber",
        "patientnummer",
        "patiëntnummer",
        "patiëntnr",
        "patientennr",
        "recordno",
        "recordnumber",
        "caseno",
        "casenumber",
        "nhistoria",
        "historiaclinica",
        "numerohistoria",
        "dossiernr",
        "dossiernummer",
        "patientid",
        "medicalrecord",
        "chartnumber",
        "ndossier",
        "numerodossier",
        "numérodossier",
        "hospitalno",
        "hospitalnumber",
    ]) {
        return Column::Holds(Kind::MedicalRecordNumber);
    }
    if has(&["routing", "aba", "rtn"]) {
        return Column::Holds(Kind::UsBankRouting);
    }
    if has(&["iban"]) {
        return Column::Holds(Kind::Iban);
    }
    if has(&["bic", "swift"]) {
        return Column::Holds(Kind::SwiftBic);
    }
    if has(&["npi"]) {
        return Column::Holds(Kind::Npi);
    }
    if has(&["dea"]) {
        return Column::Holds(Kind::DeaNumber);
    }
    if has(&["nino"]) || is(&["ni", "ninumber", "nationalinsurance", "nationalinsurancenumber", "nino"]) {
        return Column::Holds(Kind::UkNino);
    }
    if has(&["nhs"]) {
        return Column::Holds(Kind::UkNhs);
    }
    if is(&["steuerid", "steueridentifikationsnummer", "idnr", "taxid"]) {
        return Column::Holds(Kind::DeTaxId);
    }
    if has(&["nir", "insee"]) || is(&["securitesociale", "numerodesecuritesociale"]) {
        return Column::Holds(Kind::FrNir);
    }
    if has(&["dni", "nie", "nif"]) {
        return Column::Holds(Kind::EsDni);
    }
    if is(&["codicefiscale", "cf", "codfiscale"]) {
        return Column::Holds(Kind::ItFiscalCode);
    }
    if has(&["bsn", "burgerservicenummer"]) {
        return Column::Holds(Kind::NlBsn);
    }
    if has(&[
        "passport",
        "reisepass",
        "passeport",
        "pasaporte",
        "passaporto",
        "paspoort",
    ]) {
        return Column::Holds(Kind::UsPassport);
    }
    if is(&[
        "driverslicense",
        "driverlicense",
        "driverslicence",
        "driverlicence",
        "dl",
        "dlnumber",
        "dlno",
        "license",
        "licence",
        "licensenumber",
        "licencenumber",
        "führerschein",
        "führerscheinnummer",
        "permisdeconduire",
        "licenciadeconducir",
        "patente",
        "patentedeguida",
        "rijbewijs",
        "rijbewijsnummer",
    ]) {
        return Column::Holds(Kind::UsDriverLicense);
    }
    if has(&["vin"]) {
        return Column::Holds(Kind::VehicleId);
    }
    if has(&["imei", "udi", "serial", "serialnumber"]) {
        return Column::Holds(Kind::DeviceId);
    }
    if is(&["ip", "ipaddress", "clientip", "srcip", "sourceip", "remoteaddr"]) {
        return Column::Holds(Kind::IpAddress);
    }
    if is(&[
        "memberid",
        "mbrid",
        "mbr",
        "mbrno",
        "memberno",
        "membernr",
        "polisnr",
        "polisnummer",
        "versnr",
        "versichertennr",
        "nrpolizza",
        "npolizza",
        "numeropolizza",
        "polizza",
        "poliza",
        "póliza",
        "apolice",
        "apólice",
        "subscriberid",
        "policynumber",
        "insuranceid",
        "kvnr",
        "versichertennummer",
        "member",
        "membernumber",
        "medicareid",
        "mbi",
        "medicaidid",
        "policyno",
        // A national health service's or a mutual's number: "numeroUtente", "numAdherent".
        "numeroutente",
        "nutente",
        "numadherent",
        "numeroadherent",
        "numéroadhérent",
        "tarjetasanitaria",
        "tesserasanitaria",
        "numerosns",
    ]) {
        return Column::Holds(Kind::HealthPlanId);
    }
    if is(&[
        "account",
        "accountnumber",
        "acct",
        "acctno",
        "accountno",
        "konto",
        "kontonummer",
        "compte",
        "cuenta",
        "conto",
        "rekening",
        "rekeningnummer",
        "numerodecompte",
    ]) {
        return Column::Holds(Kind::AccountNumber);
    }
    if is(&[
        "cardnumber",
        "card",
        "pan",
        "creditcard",
        "ccnumber",
        "kartennummer",
        "numerodecarte",
    ]) {
        return Column::Holds(Kind::CreditCard);
    }
    if is(&[
        "address",
        "street",
        "streetaddress",
        "homeaddress",
        "adresse",
        "anschrift",
        "strasse",
        "straße",
        "dirección",
        "direccion",
        "indirizzo",
        "adres",
        "morada",
        "endereço",
        "endereco",
        "address1",
        "addressline1",
    ]) {
        return Column::Holds(Kind::StreetAddress);
    }
    if has(&other) {
        return Column::Other;
    }
    if has(&[
        "name",
        "names",
        "first",
        "last",
        "given",
        "surname",
        "surnames",
        "family",
        "fullname",
        "firstname",
        "lastname",
        "givenname",
        "familyname",
        "forename",
        "forenames",
        "patient",
        "patientname",
        "customer",
        "employee",
        "counterparty",
        "beneficiary",
        "payee",
        "cardholder",
        "holder",
        "nom",
        "prénom",
        "prenom",
        "nombre",
        "nombres",
        "apellido",
        "apellidos",
        "cognome",
        "nome",
        "naam",
        "voornaam",
        "voornamen",
        "achternaam",
        "vorname",
        "vornamen",
        "nachname",
        "familienname",
        "sobrenome",
        "apelido",
        "apelidos",
        "attending",
        "physician",
        "provider",
        "prescriber",
        "contact",
        "guarantor",
        "insured",
        "subscriber",
        "member",
        "applicant",
        "claimant",
        "recipient",
        // A ward's or a home's list: its patients and residents.
        "doente",
        "utente",
        "paciente",
        "paziente",
        "patiënt",
        "patientin",
        "patiente",
        "bewohner",
        "bewohnerin",
        "résident",
        "résidente",
        "residente",
        "resident",
    ]) {
        return Column::Holds(Kind::Person);
    }
    Column::Unknown
}

/// Whether a cell's text has the shape of what its column holds.
fn fits(kind: Kind, cell: &str) -> bool {
    let digits = cell.bytes().filter(u8::is_ascii_digit).count();
    let letters = cell.chars().filter(|c| c.is_alphabetic()).count();
    let placeholder = matches!(
        cell.to_lowercase().as_str(),
        "n/a" | "na" | "none" | "null" | "nil" | "unknown" | "-" | "--" | "tbd" | "redacted" | "xxx" | "***" | "?"
    );
    if placeholder || cell.is_empty() {
        return false;
    }
    match kind {
        Kind::Person => {
            digits == 0
                && letters >= 2
                && cell.len() <= 64
                && cell.split_whitespace().count() <= 6
                && cell
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.' | ','))
        }
        Kind::Date => digits >= 4 && cell.len() <= 32,
        Kind::ZipCode => {
            digits >= 3 && cell.len() <= 12 && cell.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        }
        Kind::Phone => {
            digits >= 6 && cell.len() <= 32 && cell.chars().all(|c| c.is_ascii_digit() || " +-().x/ext".contains(c))
        }
        Kind::Email => cell.contains('@') && !cell.contains(' '),
        Kind::StreetAddress => digits >= 1 && letters >= 3 && cell.len() <= 120,
        Kind::SwiftBic => (8..=11).contains(&cell.len()) && cell.chars().all(|c| c.is_ascii_alphanumeric()),
        Kind::Npi => cell.len() == 10 && crate::validators::npi(cell),
        // Not a software licence ("Apache-2.0", "GPL-3.0-only").
        Kind::UsDriverLicense => {
            digits >= 5 && cell.len() <= 24 && cell.chars().all(|c| c.is_ascii_alphanumeric() || " -".contains(c))
        }
        Kind::IpAddress => digits >= 4 && (cell.contains('.') || cell.contains(':')) && cell.len() <= 45,
        // A VIN's check digit holds here as everywhere else (a plate is another length).
        Kind::VehicleId if cell.len() == 17 => crate::validators::vin(cell),
        _ => {
            digits >= 2
                && cell.len() <= 40
                && cell.split_whitespace().count() <= 6
                && cell.chars().all(|c| c.is_alphanumeric() || " -./".contains(c))
        }
    }
}

/// The byte spans of a line's cells, split at `delim` (double quotes
/// protect a delimiter inside a cell), trimmed of spaces and quotes.
fn cells(line: &str, base: usize, delim: u8, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let b = line.as_bytes();
    let (mut from, mut to) = (0, b.len());
    // Markdown: "| a | b |".
    if delim == b'|' {
        let t = line.trim();
        if t.starts_with('|') && t.ends_with('|') && t.len() >= 2 {
            from = line.find('|').unwrap_or(0) + 1;
            to = line.rfind('|').unwrap_or(b.len());
        }
    }
    if delim == b' ' {
        // A fixed-width report: columns apart by two spaces or more.
        while from < to && b[from] == b' ' {
            from += 1;
        }
        let mut start = from;
        let mut i = from;
        while i < to {
            if b[i] == b' ' && b.get(i + 1) == Some(&b' ') {
                let mut k = i;
                while k < to && b[k] == b' ' {
                    k += 1;
                }
                if k < to {
                    out.push(trim(b, start, i, base));
                    if out.len() > MAX_CELLS {
                        return;
                    }
                }
                start = k;
                i = k;
                continue;
            }
            i += 1;
        }
        if start < to {
            out.push(trim(b, start, to, base));
        }
        return;
    }
    let mut start = from;
    let mut quoted = false;
    for i in from..to {
        match b[i] {
            b'"' if delim != b'|' && delim != b'\t' => quoted = !quoted,
            c if c == delim && !quoted => {
                out.push(trim(b, start, i, base));
                start = i + 1;
                if out.len() > MAX_CELLS {
                    return;
                }
            }
            _ => {}
        }
    }
    out.push(trim(b, start, to, base));
}

fn trim(b: &[u8], mut s: usize, mut e: usize, base: usize) -> (usize, usize) {
    while s < e && matches!(b[s], b' ' | b'"' | b'\r') {
        s += 1;
    }
    while e > s && matches!(b[e - 1], b' ' | b'"' | b'\r') {
        e -= 1;
    }
    (base + s, base + e)
}

/// A Markdown separator row: `|---|:---:|`.
fn separator(line: &str) -> bool {
    let t = line.trim();
    t.contains("--") && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Each line of `text` with the offset it starts at.
fn lines_at(text: &str) -> Vec<(usize, &str)> {
    text.split('\n')
        .scan(0usize, |at, l| {
            let s = *at;
            *at += l.len() + 1;
            Some((s, l))
        })
        .collect()
}

/// Tables with a header row.
fn tables(text: &str, lines: &[(usize, &str)], out: &mut Vec<Candidate>) {
    let mut head = Vec::new();
    let mut row = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        let (base, line) = lines[i];
        let mut matched = None;
        for delim in [b'\t', b'|', b';', b',', b' '] {
            if delim == b' ' {
                if memchr::memmem::find(line.as_bytes(), b"  ").is_none() {
                    continue;
                }
            } else if !line.as_bytes().contains(&delim) {
                continue;
            }
            cells(line, base, delim, &mut head);
            if head.len() < 2 || head.len() > MAX_CELLS {
                continue;
            }
            if head.len() == 2 && matches!(delim, b'|' | b'\t') {
                // Two columns: a field and its value on each row ("| Date of birth | 22 August 1964 |").
                if pairs(text, &lines[i..], delim, out) > 0 {
                    matched = Some((delim, Vec::new()));
                    break;
                }
                continue;
            }
            let mut names: Vec<&str> = head.iter().map(|&(s, e)| &text[s..e]).collect();
            // A table pasted after a question on the same line:
            // "What should I do with this? nhs_number,surname,…".
            if let Some(first) = names.first_mut() {
                if let Some(k) = [": ", "? ", ". ", "! "]
                    .iter()
                    .filter_map(|sep| first.rfind(sep).map(|k| k + 2))
                    .max()
                {
                    *first = &first[k..];
                }
            }
            // A header: short cells without digits, at least two of them (and two in five)
            // naming a field we know.
            // ("ICD-10", "dx1" and "Address 2" are headers: more letters than digits.)
            let header = names.iter().all(|n| {
                let digits = n.bytes().filter(u8::is_ascii_digit).count();
                n.len() <= 40 && n.chars().filter(|c| c.is_alphabetic()).count() > digits
            });
            if !header {
                continue;
            }
            let kinds: Vec<Option<Kind>> = names.iter().map(|n| column_kind(n)).collect();
            let known = kinds.iter().filter(|k| k.is_some()).count();
            // A header with one column we know, a person's, where the next line has as many
            // cells and every header cell is a short word: "Bed | Naam | Leeftijd | Opname".
            let person_only = known == 1
                && kinds.len() >= 3
                && kinds.contains(&Some(Kind::Person))
                && names
                    .iter()
                    .all(|n| n.len() <= 24 && n.chars().all(|c| c.is_alphabetic() || " .º°#_-".contains(c)))
                && {
                    let (nbase, next) = lines[i + 1];
                    cells(next, nbase, delim, &mut row);
                    row.len() == kinds.len()
                };
            if known >= 2 && known * 5 >= kinds.len() * 2 || person_only {
                matched = Some((delim, kinds));
                break;
            }
        }
        let Some((delim, kinds)) = matched else {
            i += 1;
            continue;
        };
        if kinds.is_empty() {
            // Read as field-value pairs: skip to the table's end.
            i += table_len(&lines[i..], delim, 2);
            continue;
        }
        let mut j = i + 1;
        while j < lines.len() {
            let (rbase, rline) = lines[j];
            if rline.trim().is_empty() {
                break;
            }
            if delim == b'|' && separator(rline) {
                j += 1;
                continue;
            }
            cells(rline, rbase, delim, &mut row);
            // "…,May 23, 2024,…": a date whose comma the CSV did not quote.
            if delim == b',' && row.len() > kinds.len() {
                let mut k = 0;
                while k + 1 < row.len() && row.len() > kinds.len() {
                    let (a, b2) = (&text[row[k].0..row[k].1], &text[row[k + 1].0..row[k + 1].1]);
                    let month_day = a.split_once(' ').is_some_and(|(m, d)| {
                        m.len() >= 3
                            && m.chars().all(char::is_alphabetic)
                            && (1..=2).contains(&d.len())
                            && d.bytes().all(|c| c.is_ascii_digit())
                    });
                    if month_day && b2.len() == 4 && b2.bytes().all(|c| c.is_ascii_digit()) {
                        let (s, _) = row[k];
                        let (_, e) = row.remove(k + 1);
                        row[k] = (s, e);
                    }
                    k += 1;
                }
            }
            // "Durand, Théo,2418101889,…" under "prescriber,npi,…": the name in the
            // first column is written surname first, with a comma the CSV did not quote.
            if delim == b','
                && row.len() == kinds.len() + 1
                && kinds[0] == Some(Kind::Person)
                && fits(Kind::Person, &text[row[0].0..row[1].1])
            {
                let (s, _) = row[0];
                let (_, e) = row.remove(1);
                row[0] = (s, e);
            }
            if row.len() != kinds.len() {
                break;
            }
            for (&(s, e), kind) in row.iter().zip(&kinds) {
                if let Some(kind) = kind {
                    if fits(*kind, &text[s..e]) {
                        out.push(Candidate {
                            kind: (*kind).into(),
                            start: s,
                            end: e,
                            score: SCORE,
                            detector: DETECTOR_COLUMN,
                        });
                    }
                }
            }
            j += 1;
        }
        i = j.max(i + 1);
    }
}

/// Rows pasted without a header ("FAROUK, VESNA; 10053889; March 9, 1992;
/// BS19 2PT"): two lines or more, split at the same delimiter into the same
/// three cells or more, whose columns say by their shape what they hold. A
/// column is read only if every one of its cells has that shape, and only
/// in rows about people: a column of names whose words no language uses
/// (the lexicon's), beside which a column of dates, of postal codes, or (in
/// a clinical text) of record numbers is that person's.
fn headerless(text: &str, lines: &[(usize, &str)], out: &mut Vec<Candidate>) {
    let mut rows: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut clinical = None;
    let mut i = 0;
    while i + 1 < lines.len() {
        let Some(delim) = [b'\t', b';', b'|', b',']
            .into_iter()
            .find(|d| lines[i].1.as_bytes().contains(d))
        else {
            i += 1;
            continue;
        };
        rows.clear();
        let mut j = i;
        while j < lines.len() && rows.len() < 256 {
            let (base, line) = lines[j];
            let mut row = Vec::new();
            cells(line, base, delim, &mut row);
            if row.len() < 3 || row.len() > 16 || rows.first().is_some_and(|r| r.len() != row.len()) {
                break;
            }
            rows.push(row);
            j += 1;
        }
        // A first row without digits, or the line before the rows, is a header: where it says
        // what a column holds ("fornecedor", "company", "PLZ"), its words decide, not the
        // cells' shapes; a header of another width is another table's.
        let digitless = |l: &str| l.as_bytes().contains(&delim) && !l.bytes().any(|c| c.is_ascii_digit());
        let (header, body) = if digitless(lines[i].1) {
            (Some(lines[i]), &rows[1.min(rows.len())..])
        } else if i > 0 && digitless(lines[i - 1].1) {
            (Some(lines[i - 1]), &rows[..])
        } else {
            (None, &rows[..])
        };
        let mut named = Vec::new();
        if let Some((base, line)) = header {
            cells(line, base, delim, &mut named);
        }
        if body.len() >= 2 && (header.is_none() || named.len() == body[0].len()) {
            let free: Vec<bool> = (0..body[0].len())
                .map(|k| {
                    named
                        .get(k)
                        .is_none_or(|&(s, e)| matches!(column(&text[s..e]), Column::Unknown))
                })
                .collect();
            column_shapes(text, body, &free, &mut clinical, out);
        }
        i = j.max(i + 1);
    }
}

/// Whether a text speaks of patients: record numbers are then a column's likeliest ids.
fn clinical_text(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "patient",
        "dx",
        "diagnos",
        "mrn",
        "ward",
        "clinic",
        "hospital",
        "admission",
        "icd",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The columns of `rows` that `free` leaves to their cells' shapes; `clinical`
/// (whether the text speaks of patients) is worked out once, when first needed.
fn column_shapes(
    text: &str,
    rows: &[Vec<(usize, usize)>],
    free: &[bool],
    clinical: &mut Option<bool>,
    out: &mut Vec<Candidate>,
) {
    let n = rows[0].len();
    let column = |k: usize| rows.iter().map(move |r| &text[r[k].0..r[k].1]);
    let person = (0..n)
        .filter(|&k| free[k] && column(k).all(name_cell))
        // One name per row: the same words on every row are a firm's or a place's.
        .filter(|&k| column(k).skip(1).any(|c| Some(c) != column(k).next()))
        .filter(|&k| {
            // Half the column's words or more are no language's, or shaped as names: names, not a
            // list of drugs or towns.
            let (mut words, mut unknown) = (0, 0);
            for w in column(k)
                .flat_map(|c| c.split(|ch: char| !ch.is_alphabetic()))
                .filter(|w| w.len() >= 2)
            {
                words += 1;
                if !crate::lexicon::is_word(w) || crate::name_shape::name_likeness(w) >= crate::names::SHAPE_MIN {
                    unknown += 1;
                }
            }
            unknown * 2 >= words
        })
        .collect::<Vec<_>>();
    if person.is_empty() {
        return;
    }
    let clinical = *clinical.get_or_insert_with(|| clinical_text(text));
    for k in (0..n).filter(|&k| free[k]) {
        let kind = if person.contains(&k) {
            Kind::Person
        } else if column(k).all(date_cell) {
            Kind::Date
        } else if column(k).all(postcode_cell) {
            Kind::ZipCode
        } else if clinical && column(k).all(record_cell) {
            Kind::MedicalRecordNumber
        } else {
            continue;
        };
        for r in rows {
            let (s, e) = r[k];
            out.push(Candidate {
                kind: kind.into(),
                start: s,
                end: e,
                score: 0.8,
                detector: DETECTOR_COLUMN,
            });
        }
    }
}

/// A name as a list writes it: "FAROUK, VESNA", "Kamara Vera", "de Boer, Sanne";
/// not a firm's ("Moreau Frères SARL", "Petrosyan Labs").
fn name_cell(cell: &str) -> bool {
    const FIRMS: &[&str] = &[
        "sarl", "sa", "sas", "gmbh", "ag", "kg", "ltd", "llc", "inc", "plc", "bv", "nv", "srl", "spa", "lda", "sl",
        "labs", "lab", "capital", "group", "groupe", "grupo", "gruppo", "holding", "holdings", "partners", "corp",
        "co", "company", "bank", "banco", "banque", "frères", "hermanos", "fratelli", "söhne",
    ];
    let words: Vec<&str> = cell.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    !words
        .iter()
        .any(|w| FIRMS.contains(&w.to_lowercase().trim_end_matches('.')))
        && (2..=4).contains(&words.len())
        && cell.len() <= 48
        && cell
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '-' | '\'' | '’'))
        && words.iter().filter(|w| w.starts_with(char::is_uppercase)).count() >= 2
}

/// A date alone: "1942-06-09", "3/5/45", "4 Aug 1936", "March 9, 1992", "9 de julho de 1945".
fn date_cell(cell: &str) -> bool {
    let words: Vec<&str> = cell.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let year = words.last().is_some_and(|w| {
        w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) && (w.starts_with("19") || w.starts_with("20"))
    });
    // "9", "27." (German), "1st".
    let day = words.iter().any(|w| {
        let d = w.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h']);
        (1..=2).contains(&d.len()) && d.bytes().all(|c| c.is_ascii_digit())
    });
    let worded = year
        && day
        && (3..=5).contains(&words.len())
        && words.iter().any(|w| w.len() >= 3 && w.chars().all(char::is_alphabetic));
    crate::patterns::date_shaped(cell) || worded
}

/// A postal code: "76571", "5758-016", "1012 AB", "BS19 2PT".
fn postcode_cell(cell: &str) -> bool {
    let b = cell.as_bytes();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    match b.len() {
        5 => digits == 5,
        8 => digits == 7 && b[4] == b'-',
        7 => digits == 4 && b[4] == b' ' && b[5..].iter().all(u8::is_ascii_uppercase),
        6..=8 => {
            let (out, inw) = cell.split_once(' ').unwrap_or(("", ""));
            (2..=4).contains(&out.len())
                && inw.len() == 3
                && out.starts_with(|c: char| c.is_ascii_uppercase())
                && inw.starts_with(|c: char| c.is_ascii_digit())
                && cell
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == ' ')
        }
        _ => false,
    }
}

/// A record number: "10053889", "RX-09154567", "192-62554872", "K4198678".
fn record_cell(cell: &str) -> bool {
    let digits = cell.bytes().filter(u8::is_ascii_digit).count();
    (6..=16).contains(&cell.len())
        && digits >= 6
        && cell
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'-' | b'/'))
        && !date_cell(cell)
}

/// How many lines from the first have `n` cells split at `delim`
/// (Markdown separator rows included): at least one.
fn table_len(lines: &[(usize, &str)], delim: u8, n: usize) -> usize {
    let mut row = Vec::new();
    let mut k = 0;
    for &(base, line) in lines {
        if delim == b'|' && separator(line) {
            k += 1;
            continue;
        }
        cells(line, base, delim, &mut row);
        if row.len() != n || line.trim().is_empty() {
            break;
        }
        k += 1;
    }
    k.max(1)
}

/// The rows of a two-column table, each a field and its value; returns how
/// many rows named a field we know.
fn pairs(text: &str, lines: &[(usize, &str)], delim: u8, out: &mut Vec<Candidate>) -> usize {
    let mut row = Vec::new();
    let mut known = 0;
    for &(base, line) in lines.iter().take(table_len(lines, delim, 2)) {
        if delim == b'|' && separator(line) {
            continue;
        }
        cells(line, base, delim, &mut row);
        let (Some(&(ks, ke)), Some(&(vs, ve))) = (row.first(), row.get(1)) else {
            continue;
        };
        let key = &text[ks..ke];
        if key.bytes().any(|c| c.is_ascii_digit() || c == b':') {
            continue;
        }
        let Some(kind) = column_kind(key) else { continue };
        known += 1;
        if fits(kind, &text[vs..ve]) {
            out.push(Candidate {
                kind: kind.into(),
                start: vs,
                end: ve,
                score: SCORE,
                detector: DETECTOR_COLUMN,
            });
        }
    }
    known
}

/// HL7 v2 segments: which field of which segment holds what.
/// The HL7 v2 segments whose fields [`hl7`] reads.
const HL7_SEGMENTS: [&str; 8] = ["PID|", "NK1|", "GT1|", "PV1|", "IN1|", "DG1|", "EVN|", "OBR|"];

fn hl7(text: &str, out: &mut Vec<Candidate>) {
    let mut at = 0;
    for line in text.split(['\n', '\r']) {
        let mut base = at;
        at += line.len() + 1;
        // A segment pasted after words on its line: "Check the coding: PID|1||…".
        let mut line = line;
        if let Some(k) = HL7_SEGMENTS
            .iter()
            .filter_map(|seg| line.find(seg))
            .filter(|&k| k > 0 && line.as_bytes()[k - 1] == b' ')
            .min()
        {
            if !line.starts_with(|c: char| c.is_ascii_uppercase()) || line.get(3..4) != Some("|") {
                base += k;
                line = &line[k..];
            }
        }
        let Some(segment) = line.get(..4) else { continue };
        // (field number, what each of its components holds)
        let map: &[(usize, &[Option<Kind>])] = match segment {
            "PID|" => &[
                (3, &[Some(Kind::MedicalRecordNumber)]),
                (5, &[Some(Kind::Person), Some(Kind::Person), Some(Kind::Person)]),
                (6, &[Some(Kind::Person), Some(Kind::Person)]),
                (7, &[Some(Kind::Date)]),
                (11, &[Some(Kind::StreetAddress), None, None, None, Some(Kind::ZipCode)]),
                (13, &[Some(Kind::Phone)]),
                (14, &[Some(Kind::Phone)]),
                (18, &[Some(Kind::AccountNumber)]),
                (19, &[Some(Kind::UsSsn)]),
                (20, &[Some(Kind::UsDriverLicense)]),
            ],
            "NK1|" => &[
                (2, &[Some(Kind::Person), Some(Kind::Person), Some(Kind::Person)]),
                (4, &[Some(Kind::StreetAddress), None, None, None, Some(Kind::ZipCode)]),
                (5, &[Some(Kind::Phone)]),
                (6, &[Some(Kind::Phone)]),
            ],
            "GT1|" => &[
                (3, &[Some(Kind::Person), Some(Kind::Person), Some(Kind::Person)]),
                (5, &[Some(Kind::StreetAddress), None, None, None, Some(Kind::ZipCode)]),
                (6, &[Some(Kind::Phone)]),
                (8, &[Some(Kind::Date)]),
                (12, &[Some(Kind::UsSsn)]),
            ],
            // Attending, referring, consulting and admitting clinicians: id^FAMILY^GIVEN,
            // the id often their NPI (reported only where its check digit says so).
            "PV1|" => &[
                (7, &[Some(Kind::Npi), Some(Kind::Person), Some(Kind::Person)]),
                (8, &[Some(Kind::Npi), Some(Kind::Person), Some(Kind::Person)]),
                (9, &[Some(Kind::Npi), Some(Kind::Person), Some(Kind::Person)]),
                (17, &[Some(Kind::Npi), Some(Kind::Person), Some(Kind::Person)]),
                // Admitted and discharged.
                (44, &[Some(Kind::Date)]),
                (45, &[Some(Kind::Date)]),
            ],
            // The insured: group number, name, date of birth, address, policy
            // number and insured's id.
            "IN1|" => &[
                (8, &[Some(Kind::HealthPlanId)]),
                (16, &[Some(Kind::Person), Some(Kind::Person), Some(Kind::Person)]),
                (18, &[Some(Kind::Date)]),
                (19, &[Some(Kind::StreetAddress), None, None, None, Some(Kind::ZipCode)]),
                (36, &[Some(Kind::HealthPlanId)]),
                (49, &[Some(Kind::HealthPlanId)]),
            ],
            // The diagnosis: code^text^coding system.
            "DG1|" => &[(3, &[Some(Kind::Icd10Code)])],
            // The event's recorded and occurred times, an order's observation times: dates
            // of the patient's care.
            "EVN|" => &[(2, &[Some(Kind::Date)]), (6, &[Some(Kind::Date)])],
            "OBR|" => &[(7, &[Some(Kind::Date)]), (8, &[Some(Kind::Date)])],
            _ => continue,
        };
        let mut field_start = 0;
        for (n, field) in line.split('|').enumerate() {
            let fstart = field_start;
            field_start += field.len() + 1;
            let Some((_, comps)) = map.iter().find(|(f, _)| *f == n) else {
                if segment == "IN1|" {
                    in1_renumbered(text, line, base, n, fstart, field, out);
                }
                continue;
            };
            // PID-3 holds every identifier of the patient, each repetition with
            // its type in the fifth component: "943…^^^NHS^NH~E555…^^^RWX^MR".
            if segment == "PID|" && n == 3 {
                let mut rstart = fstart;
                for rep in field.split('~') {
                    let s0 = rstart;
                    rstart += rep.len() + 1;
                    let id = rep.split('^').next().unwrap_or("");
                    let kind =
                        identifier_type(rep.split('^').nth(4).unwrap_or("")).unwrap_or(Kind::MedicalRecordNumber);
                    let (s, e) = trim(line.as_bytes(), s0, s0 + id.len(), base);
                    if fits(kind, &text[s..e]) {
                        out.push(Candidate {
                            kind: kind.into(),
                            start: s,
                            end: e,
                            score: SCORE,
                            detector: DETECTOR_HL7,
                        });
                    }
                }
                continue;
            }
            // The first repetition only: "A^B~C^D".
            let field = field.split('~').next().unwrap_or("");
            let mut cstart = fstart;
            for (c, comp) in field.split('^').enumerate() {
                let s = cstart;
                cstart += comp.len() + 1;
                let Some(Some(kind)) = comps.get(c) else { continue };
                let (s, e) = trim(line.as_bytes(), s, s + comp.len(), base);
                let value = &text[s..e];
                let value_fits = match kind {
                    // "19620314" or "196203141230".
                    Kind::Date => value.len() >= 8 && value.bytes().take(8).all(|b| b.is_ascii_digit()),
                    // A relationship's code alone ("SEL", "SPO") where a name was expected.
                    Kind::Person if !field.contains('^') && value.len() <= 3 => {
                        !value.bytes().all(|c| c.is_ascii_uppercase()) && fits(*kind, value)
                    }
                    _ => fits(*kind, value),
                };
                if value_fits {
                    out.push(Candidate {
                        kind: (*kind).into(),
                        start: s,
                        end: e,
                        score: SCORE,
                        detector: DETECTOR_HL7,
                    });
                }
            }
        }
    }
}

/// IN1 fields that senders number differently from HL7 v2.5, read by their shape: a name in
/// FAMILY^GIVEN form in IN1-15 or IN1-17 (the insured's, one field off IN1-16), and an
/// identifier's shape in any field from 30 on (the policy number in IN1-34, -35 or -36).
fn in1_renumbered(text: &str, line: &str, base: usize, n: usize, fstart: usize, field: &str, out: &mut Vec<Candidate>) {
    let mut push = |kind: Kind, start: usize, len: usize| {
        let (s, e) = trim(line.as_bytes(), start, start + len, base);
        out.push(Candidate {
            kind: kind.into(),
            start: s,
            end: e,
            score: SCORE,
            detector: DETECTOR_HL7,
        });
    };
    if n == 15 || n == 17 {
        let comps: Vec<&str> = field.split('~').next().unwrap_or("").split('^').collect();
        let wordy = |c: &str| {
            c.chars().count() >= 2 && c.chars().all(|ch| ch.is_alphabetic() || matches!(ch, ' ' | '-' | '\''))
        };
        if (2..=4).contains(&comps.len()) && wordy(comps[0]) && wordy(comps[1]) {
            push(Kind::Person, fstart, comps[0].len());
            push(Kind::Person, fstart + comps[0].len() + 1, comps[1].len());
        }
    }
    if n >= 30 {
        let id = field.split(['^', '~']).next().unwrap_or("");
        let (s, e) = trim(line.as_bytes(), fstart, fstart + id.len(), base);
        let value = &text[s..e];
        let alnum = value.bytes().filter(u8::is_ascii_alphanumeric).count();
        let digits = value.bytes().filter(u8::is_ascii_digit).count();
        if (6..=20).contains(&alnum) && digits >= 4 && value.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-') {
            push(Kind::HealthPlanId, fstart, id.len());
        }
    }
}

/// A key that says only "the number" of whatever its object is.
fn generic_key(key: &str) -> bool {
    matches!(
        key.to_lowercase().as_str(),
        "number" | "no" | "nr" | "num" | "id" | "value" | "nummer" | "numero" | "número" | "numéro"
    )
}

/// HL7's identifier type codes (table 0203): "MR" a medical record number, "SS" a social
/// security number, "MC"/"MA" a health plan's, "DL" a driver's licence, "NH" an NHS number.
fn identifier_type(code: &str) -> Option<Kind> {
    match code {
        "MR" | "MRN" | "PI" => Some(Kind::MedicalRecordNumber),
        "SS" | "SSN" => Some(Kind::UsSsn),
        "MC" | "MA" | "MB" | "SN" => Some(Kind::HealthPlanId),
        "DL" => Some(Kind::UsDriverLicense),
        "NH" | "NHS" => Some(Kind::UkNhs),
        _ => None,
    }
}

/// What the JSON object around `at` is the number of: its `"type"` member
/// (`{"type": "passport", "number": …}`), else the key it is the value of
/// (`"license": {"number": …}`, `"passports": [{"number": …}]`).
fn object_kind(text: &str, at: usize) -> Option<Kind> {
    let b = text.as_bytes();
    // The object's '{', within 400 bytes, skipping the objects closed inside it.
    let mut depth = 0usize;
    let mut k = at;
    let lo = at.saturating_sub(400);
    let brace = loop {
        if k <= lo {
            return None;
        }
        k -= 1;
        match b[k] {
            b'}' | b']' => depth += 1,
            b'{' | b'[' if depth > 0 => depth -= 1,
            b'{' => break k,
            _ => {}
        }
    };
    let inside = &text[brace + 1..at];
    for t in [
        "\"type\"",
        "\"kind\"",
        "\"document_type\"",
        "\"documentType\"",
        "\"system\"",
    ] {
        let Some(i) = inside.find(t) else { continue };
        let Some(rest) = inside[i + t.len()..].trim_start().strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        // A FHIR CodeableConcept: `"type": {"text": "MRN"}`, `"type": {"coding": [{"code": "MR"}]}`.
        if let Some(concept) = rest.strip_prefix('{') {
            let concept = &concept[..concept.len().min(200)];
            for member in ["\"text\"", "\"code\""] {
                let value = concept.find(member).and_then(|k| {
                    let v = concept[k + member.len()..].trim_start().strip_prefix(':')?.trim_start();
                    let v = v.strip_prefix('"')?;
                    v.find('"').map(|e| &v[..e])
                });
                if let Some(kind) = value.and_then(|v| column_kind(v).or_else(|| identifier_type(v))) {
                    return Some(kind);
                }
            }
            continue;
        }
        let Some(value) = rest.strip_prefix('"') else { continue };
        let Some(end) = value.find('"') else { continue };
        let value = &value[..end];
        // A FHIR identifier's system names its kind in its last segment:
        // "urn:trust:mrn", "https://fhir.nhs.uk/Id/nhs-number".
        if t == "\"system\"" {
            if let Some(oid) = value.strip_prefix("urn:oid:") {
                return Some(oid_kind(oid));
            }
        }
        let value = if t == "\"system\"" {
            value.rsplit(['/', ':']).next().unwrap_or(value)
        } else {
            value
        };
        if let Some(kind) = column_kind(value) {
            return Some(kind);
        }
    }
    // The key before it: `"license": {`, `"passports": [ {`.
    let before = text[..brace].trim_end();
    let before = before.strip_suffix('[').map_or(before, str::trim_end);
    let before = before.strip_suffix(':')?.trim_end().strip_suffix('"')?;
    let open = before.rfind('"')?;
    let parent = &before[open + 1..];
    (parent.len() <= 48).then(|| column_kind(parent)).flatten()
}

/// What an identifier whose system is an OID holds: the US's SSN, NPI,
/// a state's driver's licences and the NHS number by their registered OIDs;
/// any other, a facility's own number for its patient.
fn oid_kind(oid: &str) -> Kind {
    match oid {
        "2.16.840.1.113883.4.1" => Kind::UsSsn,
        "2.16.840.1.113883.4.6" => Kind::Npi,
        "2.16.840.1.113883.2.1.4.1" => Kind::UkNhs,
        _ if oid.starts_with("2.16.840.1.113883.4.3.") => Kind::UsDriverLicense,
        _ => Kind::MedicalRecordNumber,
    }
}

/// `<mrn>00482913</mrn>`: an XML element whose name names a field, holding text only.
fn xml(text: &str, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(off) = memchr::memmem::find(&b[from..], b"</") {
        let close = from + off;
        from = close + 2;
        // The closing tag's name, then the opening tag with the same name right before the text.
        let Some(len) = b[close + 2..]
            .iter()
            .take(49)
            .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b':')))
        else {
            continue;
        };
        if len == 0 || b.get(close + 2 + len) != Some(&b'>') {
            continue;
        }
        let name = &text[close + 2..close + 2 + len];
        // The element's text: back to its '>' (at most 128 bytes, no tag inside).
        let Some(gt) = b[close.saturating_sub(129)..close].iter().rposition(|c| *c == b'>') else {
            continue;
        };
        let start = close.saturating_sub(129) + gt + 1;
        if b[start..close].contains(&b'<') {
            continue;
        }
        let open = &b[..start - 1];
        let Some(lt) = open.iter().rposition(|c| *c == b'<') else {
            continue;
        };
        let tag = &text[lt + 1..start - 1];
        let tag_name = tag.split([' ', '\t', '\n']).next().unwrap_or("");
        if tag_name != name {
            continue;
        }
        let (s, e) = trim(b, start, close, 0);
        push_field(text, name, s, e, DETECTOR_XML, out);
    }
}

/// An element's `value` attribute, as HL7 CDA writes dates and codes: `<birthTime
/// value="19840312"/>` is a date of birth.
fn xml_values(text: &str, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    // A CDA patient's identifier: `<patientRole><id extension="MR584679" root="…"/>`.
    for at in memchr::memmem::find_iter(b, b"<id extension=\"") {
        // Right after `<patientRole>` (another element's `<id>` is its own: a guardian's, an author's).
        let before = text[..at].trim_end();
        let patient = before.ends_with("<patientRole>") || before.ends_with("<patient>");
        let s = at + 15;
        let Some(len) = b[s..].iter().take(65).position(|c| *c == b'"') else {
            continue;
        };
        if patient && fits(Kind::MedicalRecordNumber, &text[s..s + len]) {
            out.push(Candidate {
                kind: Kind::MedicalRecordNumber.into(),
                start: s,
                end: s + len,
                score: SCORE,
                detector: DETECTOR_XML,
            });
        }
    }
    for at in memchr::memmem::find_iter(b, b" value=\"") {
        // The element's name: back to its '<' (at most 64 bytes, no '>' between).
        let lo = at.saturating_sub(64);
        let Some(lt) = b[lo..at].iter().rposition(|c| *c == b'<') else {
            continue;
        };
        let tag = &b[lo + lt + 1..at];
        if tag.contains(&b'>') {
            continue;
        }
        let name_len = tag
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b':')))
            .unwrap_or(tag.len());
        let s = at + 8;
        let Some(len) = b[s..].iter().take(65).position(|c| *c == b'"') else {
            continue;
        };
        if name_len == 0 || len == 0 {
            continue;
        }
        let name = &text[lo + lt + 1..lo + lt + 1 + name_len];
        // "hl7:birthTime": the name without its namespace's prefix.
        let name = name.rsplit(':').next().unwrap_or(name);
        push_field(text, name, s, s + len, DETECTOR_XML, out);
    }
}

/// `member_id=XJH781389217` in a log line or a query string: a key that names a field.
fn key_values(text: &str, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    for eq in memchr::memchr_iter(b'=', b) {
        // A space on either side, as SQL and config files write it ("SET zip = '94110'").
        let key_end = if eq >= 1 && b[eq - 1] == b' ' { eq - 1 } else { eq };
        let at = if b.get(eq + 1) == Some(&b' ') && key_end < eq {
            eq + 1
        } else {
            eq
        };
        // The key: at most 48 bytes of letters, digits, '_', '-' and '.' right before.
        let lo = key_end.saturating_sub(49);
        let key_start = b[lo..key_end]
            .iter()
            .rposition(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')))
            .map_or(lo, |k| lo + k + 1);
        if key_end - key_start < 2
            || key_end - key_start > 48
            || b.get(eq + 1) == Some(&b'=')
            || (eq >= 1 && matches!(b[eq - 1], b'=' | b'!' | b'<' | b'>'))
        {
            continue;
        }
        let quoted = matches!(b.get(at + 1), Some(b'"' | b'\''));
        let s = at + 1 + usize::from(quoted);
        let end = b[s..]
            .iter()
            .take(129)
            .position(|c| {
                if quoted {
                    matches!(c, b'"' | b'\'')
                } else {
                    matches!(
                        c,
                        b' ' | b'\t' | b'\n' | b'\r' | b'&' | b',' | b';' | b'"' | b'\'' | b')'
                    )
                }
            })
            .map_or((s + 128).min(b.len()), |k| s + k);
        let key = &text[key_start..key_end];
        // Only fields that are not people: "name=Deploy" is as likely a job's name as a person's.
        if column_kind(key).is_some_and(|k| k != Kind::Person) {
            push_field(text, key, s, end, DETECTOR_KV, out);
        } else if matches!(
            key.to_ascii_lowercase().as_str(),
            "patient" | "pt" | "patient_ref" | "patientref"
        ) && record_number(&text[s..end])
        {
            // "patient=A1234567": the patient by their record's number.
            out.push(Candidate {
                kind: Kind::MedicalRecordNumber.into(),
                start: s,
                end,
                score: SCORE,
                detector: DETECTOR_KV,
            });
        }
    }
}

/// A record's number: up to three letters, a dash perhaps, then five digits or more.
fn record_number(v: &str) -> bool {
    let digits = v.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let letters = v.len() - digits.len();
    let digits = digits.strip_prefix('-').unwrap_or(digits);
    letters <= 3 && digits.len() >= 5 && digits.bytes().all(|c| c.is_ascii_digit())
}

/// `INSERT INTO t (mrn, name, dob) VALUES ('A77', 'Ana Kovač', '1961-03-04'), (…)`:
/// each value under its column's name.
fn sql_inserts(text: &str, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(off) = lower[from..].find("values") {
        let at = from + off;
        from = at + 6;
        // The column list: the last "( … )" before VALUES, within 600 bytes.
        let head = &text[at.saturating_sub(600)..at];
        let Some(close) = head.rfind(')') else { continue };
        if !head[close + 1..].trim().is_empty() {
            continue;
        }
        let Some(open) = head[..close].rfind('(') else { continue };
        let columns: Vec<&str> = head[open + 1..close]
            .split(',')
            .map(|c| c.trim().trim_matches(['`', '"', '[', ']']))
            .collect();
        if columns.len() < 2 || columns.iter().any(|c| c.is_empty() || c.contains(' ')) {
            continue;
        }
        // The rows: "( v, v, … )" separated by commas, values quoted or bare.
        let mut p = at + 6;
        for _ in 0..1000 {
            while p < b.len() && matches!(b[p], b' ' | b'\n' | b'\r' | b'\t' | b',') {
                p += 1;
            }
            if b.get(p) != Some(&b'(') {
                break;
            }
            p += 1;
            for column in &columns {
                while p < b.len() && matches!(b[p], b' ' | b'\n' | b'\t') {
                    p += 1;
                }
                let (s, e, next) = if b.get(p) == Some(&b'\'') {
                    // '' inside a value is a quote.
                    let mut q = p + 1;
                    while q < b.len() && !(b[q] == b'\'' && b.get(q + 1) != Some(&b'\'')) {
                        q += if b[q] == b'\'' { 2 } else { 1 };
                    }
                    (p + 1, q.min(b.len()), q + 1)
                } else {
                    let q = b[p..]
                        .iter()
                        .position(|c| matches!(c, b',' | b')'))
                        .map_or(b.len(), |k| p + k);
                    let (s, e) = trim(b, p, q, 0);
                    (s, e, q)
                };
                if e > s && e <= b.len() && text.is_char_boundary(s) && text.is_char_boundary(e) {
                    push_field(text, column, s, e, DETECTOR_SQL, out);
                }
                p = next.min(b.len());
                while p < b.len() && matches!(b[p], b' ' | b'\n' | b'\t') {
                    p += 1;
                }
                match b.get(p) {
                    Some(b',') => p += 1,
                    _ => break,
                }
            }
            while p < b.len() && b[p] != b')' {
                p += 1;
            }
            p += 1;
        }
    }
}

/// A field's value, if its name says what it holds and the value fits that.
fn push_field(text: &str, name: &str, s: usize, e: usize, detector: &'static str, out: &mut Vec<Candidate>) {
    if e <= s || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return;
    }
    if let Some(kind) = column_kind(name) {
        if fits(kind, &text[s..e]) {
            out.push(Candidate {
                kind: kind.into(),
                start: s,
                end: e,
                score: SCORE,
                detector,
            });
        }
    }
}

/// `"key": "value"` and `"key": 12345` where the key names a field.
fn json(text: &str, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(off) = memchr::memchr(b'"', &b[from..]) {
        let open = from + off;
        // The key: up to 48 bytes without quotes or escapes.
        let Some(len) = b[open + 1..].iter().take(49).position(|c| *c == b'"' || *c == b'\\') else {
            from = open + 1;
            continue;
        };
        let close = open + 1 + len;
        if b[close] != b'"' {
            from = close + 1;
            continue;
        }
        let mut p = close + 1;
        while p < b.len() && b[p] == b' ' {
            p += 1;
        }
        if b.get(p) != Some(&b':') {
            from = close;
            continue;
        }
        p += 1;
        while p < b.len() && matches!(b[p], b' ' | b'\t') {
            p += 1;
        }
        let key = &text[open + 1..close];
        let kind = column_kind(key)
            .or_else(|| generic_key(key).then(|| object_kind(text, open)).flatten())
            .filter(|k| *k != Kind::Person);
        let (s, e) = match b.get(p) {
            Some(b'"') => {
                let Some(len) = b[p + 1..].iter().take(129).position(|c| *c == b'"' || *c == b'\\') else {
                    from = p + 1;
                    continue;
                };
                (p + 1, p + 1 + len)
            }
            Some(c) if c.is_ascii_digit() => {
                let len = b[p..].iter().take_while(|c| c.is_ascii_digit()).count();
                (p, p + len)
            }
            _ => {
                from = p.max(close + 1);
                continue;
            }
        };
        if let Some(kind) = kind {
            if e > s && fits(kind, &text[s..e]) {
                out.push(Candidate {
                    kind: kind.into(),
                    start: s,
                    end: e,
                    score: SCORE,
                    detector: DETECTOR_JSON,
                });
            }
        }
        from = e.max(close + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Kind, String)> {
        let hits = Vec::new();
        let ctx = crate::context::Context { hits: &hits };
        let mut out = Vec::new();
        Fields
            .find(
                &Input {
                    text,
                    context: &ctx,
                    found: &[],
                    shared: &crate::Shared::default(),
                },
                &mut out,
            )
            .unwrap();
        out.into_iter()
            .map(|c| match c.kind {
                crate::Entity::Builtin(k) => (k, text[c.start..c.end].to_string()),
                crate::Entity::Custom(_) => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn a_patient_key_with_a_record_number_and_identifiers_whose_system_is_an_oid() {
        assert_eq!(
            found("ts=2026-01-02T10:11:12Z patient=K4471920 status=ok"),
            [(Kind::MedicalRecordNumber, "K4471920".to_string())]
        );
        // A patient key with a name or a word: no record number.
        assert!(found("patient=stable pt=ok").is_empty());
        let fhir = r#"{"identifier": [{"system": "urn:oid:2.16.840.1.113883.19.77", "value": "H7730218"}]}"#;
        assert_eq!(found(fhir), [(Kind::MedicalRecordNumber, "H7730218".to_string())]);
        let npi = r#"{"identifier": [{"system": "urn:oid:2.16.840.1.113883.4.6", "value": "1639210446"}]}"#;
        assert_eq!(found(npi), [(Kind::Npi, "1639210446".to_string())]);
    }

    #[test]
    fn keys_and_values_with_a_space_around_the_sign_and_examples_that_are_no_ones() {
        let sql = "UPDATE patients SET zip = '02139', mrn = 'K7720194' WHERE id = 7;";
        assert_eq!(
            found(sql),
            [
                (Kind::ZipCode, "02139".to_string()),
                (Kind::MedicalRecordNumber, "K7720194".to_string())
            ]
        );
        // A comparison is no assignment; an example's value is no one's.
        assert!(found("if zip == 02139 then").is_empty());
        assert!(found("EXAMPLE_ZIP = \"02139\"").is_empty());
        // A VIN's check digit holds under its key too.
        assert!(found("vehicle_vin = \"3FTRW7H5XMNA40517\"").len() == 1);
        assert!(found("vehicle_vin = \"3FTRW7H51MNA40517\"").is_empty());
    }

    #[test]
    fn headers_name_columns_in_six_languages() {
        for (h, k) in [
            ("dob", Some(Kind::Date)),
            ("date_naissance", Some(Kind::Date)),
            ("Data di nascita", Some(Kind::Date)),
            ("code_postal", Some(Kind::ZipCode)),
            ("postalCode", Some(Kind::ZipCode)),
            ("swiftCode", Some(Kind::SwiftBic)),
            ("PLZ", Some(Kind::ZipCode)),
            ("téléphone", Some(Kind::Phone)),
            ("Nachname", Some(Kind::Person)),
            ("patient_name", Some(Kind::Person)),
            ("member_id", Some(Kind::HealthPlanId)),
            ("NI number", Some(Kind::UkNino)),
            ("pcp_npi", Some(Kind::Npi)),
            // Abbreviated as systems export them.
            ("Chart #", Some(Kind::MedicalRecordNumber)),
            ("UNIT NO", Some(Kind::MedicalRecordNumber)),
            ("Pat-Nr.", Some(Kind::MedicalRecordNumber)),
            ("Nº historia", Some(Kind::MedicalRecordNumber)),
            ("Mbr ID", Some(Kind::HealthPlanId)),
            ("Vers.-Nr.", Some(Kind::HealthPlanId)),
            ("Nr. polizza", Some(Kind::HealthPlanId)),
            ("Apelido", Some(Kind::Person)),
            ("drug_name", None),
            ("File name", None),
            ("Reason", None),
            ("amount", None),
            ("Ort", None),
        ] {
            assert_eq!(column_kind(h), k, "{h}");
        }
    }

    #[test]
    fn rows_without_a_header_by_their_columns_shapes() {
        let rows = "dedupe these patients:\nTUALIMA, VESNA; 10053889; March 9, 1992; BS19 2PT\nOKONKWO-HILL, JOÃO; RX-09154567; 01/19/1946; 76571\n";
        let f = found(rows);
        assert_found(
            &f,
            &[
                (Kind::Person, "TUALIMA, VESNA"),
                (Kind::MedicalRecordNumber, "RX-09154567"),
                (Kind::Date, "01/19/1946"),
            ],
        );
        assert_eq!(f.len(), 6, "{f:?}");
        // A column with one value on every row is a firm's; words of a language are no names.
        let firm = "Zainab Oyelaran;62358774;27. Mai 1952;Betriebskrankenkasse Rheinmetall\nTjark Venalainen;74913582;19. August 1951;Betriebskrankenkasse Rheinmetall\n";
        let f = found(firm);
        assert_found(&f, &[(Kind::Person, "Tjark Venalainen"), (Kind::Date, "27. Mai 1952")]);
        assert!(f.iter().all(|(_, v)| !v.starts_with("Betriebs")), "{f:?}");
        // A header's word decides its column; a firm's legal form is no name's.
        let invoices = "fatura;fornecedor;valor;vencimento\nF0073949;Moreau Tualima;4373.27;2026-09-03\nINV-2026-035164;Oyelaran Venalainen;2096.58;11/12/2026\n";
        assert!(found(invoices).is_empty(), "{:?}", found(invoices));
        let firms = "F0073949;Moreau Frères SARL;2026-09-03\nF0073950;Petrosyan Labs;2026-09-04\n";
        assert!(found(firms).is_empty(), "{:?}", found(firms));
        let drugs = "Paracetamol Tabletten; 500 mg; 2024-01-02\nIbuprofen Saft; 200 mg; 2024-01-03\n";
        assert!(found(drugs).is_empty(), "{:?}", found(drugs));
    }

    #[test]
    fn a_fixed_width_reports_columns() {
        let report = "reformat this report:\nUNIT NO    NAME                  ADM\n0347532   TUALIMA, ANKE    19/4/26\n758-04752475   Paredes Ruiz, Ludovica    August 12, 2024\n\nThe  two  spaces  here  are  prose.";
        let f = found(report);
        assert_found(
            &f,
            &[
                (Kind::MedicalRecordNumber, "0347532"),
                (Kind::Person, "TUALIMA, ANKE"),
                (Kind::Date, "19/4/26"),
                (Kind::MedicalRecordNumber, "758-04752475"),
                (Kind::Person, "Paredes Ruiz, Ludovica"),
                (Kind::Date, "August 12, 2024"),
            ],
        );
        assert_eq!(f.len(), 6, "{f:?}");
    }

    #[test]
    fn cells_under_their_headers() {
        let csv = "Summarize:\n\nnom;prénom;date_naissance;code_postal;téléphone\nHan;Ji-woo;04/10/1945;69007;0649391889\nPinto Correia;Rita;21/08/2000;75004;+33 6 43 02 36 19\n\nThanks";
        let f = found(csv);
        assert_found(
            &f,
            &[
                (Kind::Person, "Pinto Correia"),
                (Kind::Date, "21/08/2000"),
                (Kind::ZipCode, "69007"),
                (Kind::Phone, "+33 6 43 02 36 19"),
            ],
        );
        assert_eq!(f.len(), 10, "{f:?}");
        let md =
            "| Time | Patient | DOB | Reason |\n|---|---|---|---|\n| 09:00 | Jianguo He | April 8th, 1995 | COPD |";
        let f = found(md);
        assert_eq!(
            f,
            [
                (Kind::Person, "Jianguo He".into()),
                (Kind::Date, "April 8th, 1995".into())
            ]
        );
        let tsv = "Name\tEmail\tSSN\tDept\nGeorge Davies\tgd@example.org\t146-65-4632\tIT";
        assert_eq!(found(tsv).len(), 3);
        // A table whose columns name nothing we know, and a row that does not fit its header.
        assert!(found("sku,qty,price\nA-100,2,9.99").is_empty());
        assert!(found("name,dob\nn/a,unknown").is_empty());
        assert!(found("Name,Amount\nCardiology 4B,120").is_empty());
    }

    #[test]
    fn two_columns_are_fields_and_values() {
        let md = "| Field | Value |\n|---|---|\n| Legal name | Connor Davis |\n| Date of birth | 22 August 1964 |\n| City | Norwich |\n| Occupation | retired |";
        assert_eq!(
            found(md),
            [
                (Kind::Person, "Connor Davis".into()),
                (Kind::Date, "22 August 1964".into())
            ]
        );
        assert!(found("item;qty\nGloves;12\nMasks;40").is_empty());
    }

    /// Every `(kind, value)` of `want` is among the findings `f`.
    fn assert_found(f: &[(Kind, String)], want: &[(Kind, &str)]) {
        for (kind, value) in want {
            assert!(f.contains(&(*kind, value.to_string())), "{kind:?} {value:?} in {f:?}");
        }
    }

    #[test]
    fn hl7_fields() {
        let msg = "MSH|^~\\&|ADT|STAGNES|LAB|LAB|||ADT^A08|4635|P|2.5\nPID|1||E794849^^^MRN||ĐẶNG^THỊ MAI||20000701|F|||8697 Fairview Ave N Apt 10A^^Atlanta^GA^30394-3011||536.764.8293\nPV1|1|I|721^^^||||1042984876^BALOGUN^KOLAWOLE";
        let f = found(msg);
        assert_found(
            &f,
            &[
                (Kind::MedicalRecordNumber, "E794849"),
                (Kind::Person, "ĐẶNG"),
                (Kind::Person, "THỊ MAI"),
                (Kind::Date, "20000701"),
                (Kind::StreetAddress, "8697 Fairview Ave N Apt 10A"),
                (Kind::ZipCode, "30394-3011"),
                (Kind::Phone, "536.764.8293"),
                (Kind::Person, "BALOGUN"),
                (Kind::Person, "KOLAWOLE"),
            ],
        );
        assert!(!f.iter().any(|(_, v)| v == "Atlanta" || v == "ADT"), "{f:?}");
    }

    #[test]
    fn fhir_identifiers_by_system_and_headers_with_digits() {
        let f = found(
            r#"{"identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "943 476 5919"}, {"system": "urn:trust:mrn", "value": "1332797"}]}"#,
        );
        assert_found(
            &f,
            &[(Kind::MedicalRecordNumber, "1332797"), (Kind::UkNhs, "943 476 5919")],
        );
        let f = found(
            "| Patient | MRN | DOS | ICD-10 |\n|---|---|---|---|\n| Ana Lopes | B7724299 | 10/24/2026 | E11.22 |",
        );
        assert_found(&f, &[(Kind::MedicalRecordNumber, "B7724299")]);
        let f = found("processo,nome,data_nasc\nPT-074803,\"Folasade Kamau\",1980-09-04");
        assert_found(&f, &[(Kind::MedicalRecordNumber, "PT-074803")]);
        // A row of values is no header.
        assert!(found("A12,B34,2024\nx,y,z").is_empty());
        // An unquoted "May 23, 2024" in a CSV row; an HL7 segment after words on its line.
        let f = found("mrn,last_name,first_name,dob,dos\n448120,Santos,Adaeze,1999-01-18,May 23, 2024");
        assert_found(&f, &[(Kind::Date, "May 23, 2024"), (Kind::Person, "Adaeze")]);
        let f = found("Check the coding: PID|1||00410157^^^KNS^PI||MIZRAHI^ELENI||19530310|M");
        assert_found(&f, &[(Kind::Date, "19530310"), (Kind::Person, "MIZRAHI")]);
        // PID-3's repetitions, each by its type.
        let f = found("PID|1||456-308-4271^^^NHS^NH~E55521305^^^RWX^MR||PARK^JAVIER||20100213");
        assert_found(
            &f,
            &[(Kind::UkNhs, "456-308-4271"), (Kind::MedicalRecordNumber, "E55521305")],
        );
        // A header after a question on its line; forenames.
        let f = found(
            "What should I do with this? nhs_number,surname,forename,dob\n436-826-4592,Kobayashi,Björn,1965-09-28",
        );
        assert_found(&f, &[(Kind::Person, "Björn"), (Kind::Person, "Kobayashi")]);
    }

    #[test]
    fn hl7_insurance_and_diagnosis_segments() {
        // IN1-8 group, IN1-16 insured's name, IN1-36 policy number; DG1-3 the code.
        let in1 = format!(
            "IN1|1|PLAN7||||||GRP-40312{}OKONJO^ADAEZE{}POL99812734\nDG1|1||J45.909^asthma^I10",
            "|".repeat(8),
            "|".repeat(20)
        );
        let f = found(&in1);
        assert_found(
            &f,
            &[
                (Kind::HealthPlanId, "GRP-40312"),
                (Kind::Person, "OKONJO"),
                (Kind::Person, "ADAEZE"),
                (Kind::HealthPlanId, "POL99812734"),
                (Kind::Icd10Code, "J45.909"),
            ],
        );
        // The plan's code and the coding system are not the person's.
        assert!(!f.iter().any(|(_, v)| v == "PLAN7" || v == "I10"), "{f:?}");
    }

    #[test]
    fn an_insured_id_in_any_of_in1s_last_fields() {
        // Senders number IN1's last fields differently: the id in IN1-34 or IN1-35.
        for pipes in [26, 27] {
            let in1 = format!("IN1|1|PLAN7||||||GRP-40312{}WQX5580193", "|".repeat(pipes));
            assert_found(&found(&in1), &[(Kind::HealthPlanId, "WQX5580193")]);
        }
        // The insured's name one field early (IN1-15), and no code after it.
        let in1 = format!("IN1|1|PLAN7{}HALVORSEN^INGRID MAE|SEL", "|".repeat(13));
        let f = found(&in1);
        assert_found(&f, &[(Kind::Person, "HALVORSEN"), (Kind::Person, "INGRID MAE")]);
        assert!(!f.iter().any(|(_, v)| v == "SEL"), "{f:?}");
        // A code, a relation or a short number there is not an id.
        let in1 = format!("IN1|1|PLAN7||||||GRP-40312{}Y|SEL|12", "|".repeat(23));
        let f = found(&in1);
        assert!(!f.iter().any(|(_, v)| v == "Y" || v == "SEL" || v == "12"), "{f:?}");
    }

    #[test]
    fn a_clinicians_npi_in_pv1_a_surname_first_name_in_a_csv_and_a_documents_number() {
        let f = found("PV1|1|O|4C^^^||||1293847566^NAKASHIMA^RIE||||||||||1293847565^LOPEZ^ANA");
        assert_found(&f, &[(Kind::Npi, "1293847566")]);
        // A local id whose check digit is not an NPI's.
        assert!(!f.contains(&(Kind::Npi, "1293847565".into())), "{f:?}");
        let f = found("prescriber,npi,dea,state\nAbiodun, Folake,1293847566,AB1234563,TX\n");
        assert_found(&f, &[(Kind::Person, "Abiodun, Folake"), (Kind::Npi, "1293847566")]);
        let f = found("Apellidos, nombre: Dąbrowska, Wojciech\nDirección: Calle Mayor, n.º 12, bajo, 28013 Madrid");
        assert!(!f.iter().any(|(_, v)| v == "bajo"), "{f:?}");
        let f = found(
            r#"{"license": {"number": "D 402 118 5567", "state": "MI"}, "documents": [{"type": "passport", "number": "X41920337"}]}"#,
        );
        assert_found(
            &f,
            &[
                (Kind::UsDriverLicense, "D 402 118 5567"),
                (Kind::UsPassport, "X41920337"),
            ],
        );
        let f = found(r#"{"license": "Apache-2.0", "order": {"id": "99887766"}, "items": [{"number": "44120"}]}"#);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_ward_list_whose_header_names_only_its_patients() {
        assert_eq!(
            found("Cama | Doente | Idade | Entrada\n3 | EL AMRANI, Sakura | 68 | 11/10/2025"),
            vec![
                (Kind::Person, "EL AMRANI, Sakura".to_string()),
                (Kind::Date, "11/10/2025".to_string())
            ]
        );
        // Not a line of prose with pipes, nor a header whose next line has other cells.
        assert!(found("Plan | Name | Notes\nsee the wiki for details").is_empty());
    }

    #[test]
    fn cda_and_fhir_patient_identifiers_and_health_service_numbers() {
        assert_eq!(
            found(
                r#"<recordTarget><patientRole><id extension="MR584679" root="2.16"/><addr/></patientRole></recordTarget>"#
            ),
            vec![(Kind::MedicalRecordNumber, "MR584679".to_string())]
        );
        // Another element's id is not the patient's.
        assert!(found(r#"<patient><guardian><id extension="5073337660"/></guardian></patient>"#).is_empty());
        assert_eq!(
            found(r#"{"identifier":[{"type":{"text":"MRN"},"value":"53678377"}]}"#),
            vec![(Kind::MedicalRecordNumber, "53678377".to_string())]
        );
        assert_eq!(
            found(r#"{"identifier":[{"type":{"coding":[{"code":"MR"}]},"value":"H5585590"}]}"#),
            vec![(Kind::MedicalRecordNumber, "H5585590".to_string())]
        );
        assert_eq!(
            found(r#"{"numeroUtente":"840304217","numAdherent":"ADH-08631287"}"#),
            vec![
                (Kind::HealthPlanId, "840304217".to_string()),
                (Kind::HealthPlanId, "ADH-08631287".to_string())
            ]
        );
    }

    #[test]
    fn cda_value_attributes_and_hl7_care_dates() {
        assert_eq!(
            found("<patient><administrativeGenderCode code=\"F\"/><hl7:birthTime value=\"19840312\"/></patient>"),
            vec![(Kind::Date, "19840312".to_string())]
        );
        let pv1 = format!("PV1|1|I{}20240312|20240315", "|".repeat(42));
        let f = found(&format!(
            "EVN|A01|202403121200\nOBR|1|123|456|CBC|||202403120830\n{pv1}"
        ));
        for date in ["202403121200", "202403120830", "20240312", "20240315"] {
            assert!(f.contains(&(Kind::Date, date.to_string())), "{date}");
        }
    }

    #[test]
    fn xml_elements_sql_inserts_and_key_values() {
        assert_eq!(
            found("<patient><mrn>00482913</mrn><memberId>XJH781389217</memberId><note>ok</note></patient>"),
            vec![
                (Kind::MedicalRecordNumber, "00482913".to_string()),
                (Kind::HealthPlanId, "XJH781389217".to_string())
            ]
        );
        assert_eq!(
            found("INSERT INTO patients (mrn, full_name, notes) VALUES ('A7731942', 'Ana Kovač', 'n/a'), (55012, 'Tamsin O''Neil', 'x');"),
            vec![
                (Kind::MedicalRecordNumber, "A7731942".to_string()),
                (Kind::Person, "Ana Kovač".to_string()),
                (Kind::MedicalRecordNumber, "55012".to_string()),
                (Kind::Person, "Tamsin O''Neil".to_string())
            ]
        );
        assert_eq!(
            found("2025-01-03T10:22:01Z INFO lookup member_id=XJH781389217 name=Deploy retries=3"),
            vec![(Kind::HealthPlanId, "XJH781389217".to_string())]
        );
        assert_eq!(found("We share core values (honesty, care)."), vec![]);
    }

    #[test]
    fn json_members_by_key() {
        let f = found(
            r#"{"name": "Giuseppe Bruno", "dob": "1934-02-06", "mrn": "E1612167", "zip": 60652, "drug": "Lipitor 20mg"}"#,
        );
        assert_eq!(
            f,
            [
                (Kind::Date, "1934-02-06".into()),
                (Kind::MedicalRecordNumber, "E1612167".into()),
                (Kind::ZipCode, "60652".into())
            ]
        );
    }
}

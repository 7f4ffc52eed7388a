//! Context words in English, German, French, Spanish, Italian and Dutch.
//!
//! A context word near a candidate raises its score ("SSN", "DOB", "MRN",
//! "member ID", "routing"); a negative one lowers it ("order", "ticket",
//! "version"). All words are matched in one aho-corasick pass over the text,
//! case-insensitively, at word boundaries.

use aho_corasick::automaton::Automaton;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, MatchKind, StartKind};

/// The context words could not be compiled.
#[derive(Debug, thiserror::Error)]
#[error("context words: {0}")]
pub struct ContextError(String);

/// A set of context kinds, as bits.
pub type Ctx = u64;

macro_rules! ctx_bits {
    ($($name:ident = $bit:expr),+ $(,)?) => { $(pub const $name: Ctx = 1 << $bit;)+ };
}

ctx_bits! {
    SSN = 0, CARD = 1, ROUTING = 2, ACCOUNT = 3, IBAN = 4, BIC = 5, PHONE = 6, MRN = 7,
    HEALTH_PLAN = 8, NPI = 9, DEA = 10, PASSPORT = 11, DRIVER_LICENSE = 12, NHS = 13, NINO = 14,
    DE_TAX = 15, FR_NIR = 16, ES_DNI = 17, IT_FISCAL = 18, NL_BSN = 19, VIN = 20, DEVICE = 21,
    PERSON_DATE = 22, DIAGNOSIS = 23, ZIP = 24, PERSON = 25, NEGATIVE = 26, SECRET = 27,
    PATIENT = 28, EMAIL = 29, ADDRESS = 30, IP = 31, GENERIC_ID = 32, NEWS = 33, LAST_DIGITS = 34,
    URL_PERSON = 35, NOT_PERSON_DATE = 36, GENERAL_QUESTION = 37, PERSON_AFTER = 38, ITIN = 39,
}

// Licence plates: HIPAA's vehicle identifiers include them.
ctx_bits! { PLATE = 46, }
// A call or a chat asks for a name; a ward note names a relative next (see `names_context`).
ctx_bits! { NAME_ASKED = 47, RELATIVE = 48, }
// A person's own site: whatever its address, it names them.
ctx_bits! { PERSONAL_SITE = 49, }
// Where a name comes next, whatever the name (see `names_context`).
ctx_bits! {
    NAME_LABEL = 40, NAME_NEXT = 41, NAME_NEXT_LOWER = 42, NAME_BED = 43, NAME_GREETING = 44, NAME_SIGNOFF = 45,
}

/// The built-in word list: (words separated by '|', kinds).
const WORDS: &[(&str, Ctx)] = &[
    ("ssn|ss#|ssn#|social security|social security number|soc sec|soc. sec.|sozialversicherung|my social|full social|your social|his social|her social|social #|social no|social number", SSN),
    // Where a US taxpayer number (SSN, ITIN, ATIN) is asked for.
    ("ssn|ss#|ssn#|social security|social security number|soc sec|my social|full social|your social|his social|her social|social #|social no|social number|itin|itin#|atin|individual taxpayer|individual taxpayer identification number|taxpayer identification number|taxpayer id|taxpayer number|tin|tin#|tax id|tax id number|tax identification number", ITIN),
    ("card|credit card|debit card|card number|cc|ccn|visa|mastercard|amex|american express|discover|pan|kreditkarte|karte|kartennummer|carte|carte bancaire|carte de crédit|numéro de carte|tarjeta|tarjeta de crédito|número de tarjeta|carta|carta di credito|numero della carta|kaart|creditcard|bankpas|kaartnummer", CARD),
    ("routing|routing number|aba|rtn|routing no|transit number|bank routing", ROUTING),
    ("clabe|account|acct|acct.|a/c|account number|account no|checking|savings|konto|kontonummer|kto|compte|numéro de compte|cuenta|número de cuenta|conto|numero di conto|conto corrente|rekening|rekeningnummer|conta|conta corrente|número da conta|numero da conta|conta poupança", ACCOUNT),
    // A bank's or a firm's number for its customer, in six languages.
    ("customer number|customer no|customer no.|customer #|client number|client no|client no.|codice cliente|cod. cliente|numero cliente|numero di cliente|n. cliente|n° client|n° de client|numéro client|numéro de client|n.º de cliente|n.o de cliente|nº de cliente|n° de cliente|número de cliente|núm. cliente|nº cliente|n.º cliente|n.o cliente|kunden-nr.|kunden-nr|kundennr|kundennr.|kundennummer|klantnummer|klantnr|klantnr.|acc|acc no|acc no.", ACCOUNT),
    // A SWIFT MT103's fields: the banks by their BIC, the parties' accounts after a slash.
    (":51a:|:52a:|:53a:|:54a:|:55a:|:56a:|:57a:|:58a:", BIC),
    (":50k:/|:50f:/|:50a:/|:59:/|:59a:/|:59f:/", ACCOUNT),
    ("iban|iban:|bankverbindung|rib", IBAN),
    ("bic|swift|swift code|bic code|swift/bic|bic/swift", BIC),
    // A wire's other banks, by their BIC.
    ("intermediary|intermediary bank|intermediary bic|correspondent bank|correspondent bic|beneficiary bank bic|banque intermédiaire|banco intermediario|banco intermediário|zwischenbank|korrespondenzbank|banca intermediaria|tussenbank", BIC),
    ("phone|phone number|tel|tel.|telephone|mobile|cell|telefone|telemóvel|telemovel|liga-me|ligue-me|recapiti|recapito|llámame|chiamami|cellphone|call|fax|contact|reach|whatsapp|text me|ph|ph.|telefon|telefonnummer|handy|mobil|mobilnummer|rufnummer|téléphone|tél|tél.|portable|numéro de téléphone|teléfono|móvil|celular|llamar|telefono|cellulare|cell.|numero di telefono|telefoon|telefoonnummer|mobiel|bellen|gsm|called|calling|phoned|rang|callback|call back|reachable|reachable at|on call|contact number|contact no|angerufen|anrufen|rückruf|erreichbar|erreichbar unter|kontakt|kontaktnummer|notfallkontakt|appel|appelé|appelée|appeler|rappeler|joignable|joignable au|personne à prévenir|contacté|contactée|llama|llamó|llamada|contactado|contactada|contacto|contacto familiar|teléfono de contacto|localizable|chiamato|chiamata|chiamare|contattato|contattata|contattato/a|recapito|recapito telefonico|contatto|reperibile|gebeld|telefonisch|contactpersoon|bereikbaar|bereikbaar op|terugbellen|reached|reached at|reach me|reach us|direct line|landline|call me|call us|rappelle|rappelez|rappelez-moi|appelez|appelez-moi|appelle|appelle-moi|richiama|richiami|richiamami|richiamare|ligar|liga|ligue|ligue para|liguem|me liga|llámenme|llámenos|llámeme|llame|llamen|rufen|zurückrufen|rückfragen|unter der nummer|rückrufnummer|bel|belt|bel ons|bel mij|bel me|belt u ons op|terugbelnummer|richiamarla|richiamarlo|vous rappeler|me rappeler|rappelez-nous", PHONE),
    ("mrn|ip no|ip no.|ip number|inpatient no|inpatient number|uhid|hospital no|hospital number|hosp no|n.º de processo|nº de processo|n° de processo|n.o de processo|no de processo|número de processo|processo clínico|n. nosologico|nosologico|numero nosologico|medical record|medical record number|med rec|record number|record no|chart|chart number|patient id|patient number|patient no|patientennummer|fallnummer|patienten-id|dossier médical|numéro de dossier|n° de dossier|numéro patient|historia clínica|número de historia|nhc|cartella clinica|numero cartella|patiëntnummer|dossiernummer|ipp|pat.-nr.|pat.-nr|pat-nr|pat.nr.|pat.nr|patnr|patnr.|patientennr.|fall-nr.|fall-nr|fallnr.|fallnr|cartella|cartella n.|n. cartella|n° ipp|nhc:|ehr|emr|mrn#", MRN),
    ("pront|pront.|prontuário|prontuario|n.º do prontuário|processo|processo n.º|processo n.o|processo nº|n° dossier|n° du dossier|dossier n°|cart.|cartella n|cartella clinica|n. cartella clinica|patient-id|hospital no.|kis-nr|kis nr|aufnahme-nr|aufnahmenummer|episode no|episode number|encounter no|encounter number|visit no|visit number|acct no. (hospital)", MRN),
    // Abbreviated as wards and exports write them.
    ("pat.-id|pat-id|pat.-id.|pat.-nr.|pat.-nr|patiëntnr|patiëntnr.|patientnr|patientnr.|pat. nr.|pat nr|chart #|chart#|chart no|chart no.|mr#|mr no|mr no.|unit no|unit no.|unit number|hosp. no.|case no|case no.|n.º historia|nº historia|n° historia|núm. historia", MRN),
    ("group|sub id|subscriber no|group #|group no|group no.|group nr|rx grp|contrat groupe|n° de contrat|apólice de grupo|apólice|póliza colectiva|convenzione collettiva|n. iscrizione|numero iscrizione|numero di iscrizione|n.º de beneficiário|n.o de beneficiário|beneficiário|cns|cartão sus|cartão nacional de saúde|carteirinha|primary ins|secondary ins|ins id|mitgliedsnummer", HEALTH_PLAN),
    ("member id|n.º de utente|nº de utente|n° de utente|n.o de utente|no de utente|número de utente|utente n.º|número de beneficiário|insured's id number|insured's id|insured id|insured's id no|n° adhérent|n° d'adhérent|numéro adhérent|member|member number|subscriber|subscriber id|policy number|policy no|policy|health plan|plan id|insurance id|insurance|insurer|insured|group number|medicaid|medicare|beneficiary|versichertennummer|versicherungsnummer|krankenkasse|krankenversicherung|versicherten-nr|mutuelle|numéro d'adhérent|adhérent|assurance maladie|póliza|número de afiliación|afiliado|aseguradora|tessera sanitaria|polizza|assicurazione|polisnummer|zorgverzekeraar|verzekerde|verzekering|kvnr|krankenversichertennummer|krankenversichertennr.|policennummer|versicherungsscheinnummer|no de tarjeta|n.o de tarjeta|número de tarjeta|kv-nr.|kv-nummer|cartão de utente|versichertennr.|cip|cip-sns|cip sns|tarjeta sanitaria|tarjeta sanitaria individual|tsi|mbi|medicare id|medicare number|medicaid id|numéro d'assuré|n° d'assuré|numéro d'assurance maladie|codice tessera|numero tessera", HEALTH_PLAN),
    ("vers.-nr.|vers.-nr|vers-nr|versnr|versnr.|polisnr|polisnr.|polis nr|polis nr.|mbr id|mbr#|mbr no|member no|member #|nr. polizza|n. polizza|numero polizza|n° polizza|nº póliza|n.º póliza|núm. póliza|número de póliza|apólice|n.º apólice|nº apólice|número da apólice|nº utente|n.º utente|n° utente|n.o utente|no utente|nº sns|n.º sns|nº de sns|número sns|n.º de beneficiário|nº beneficiário", HEALTH_PLAN),
    // A health card's number (Canada, Austria's e-card) and a member's id as code writes the key.
    ("health card|health card number|health card no|health card #|ohip|ohip number|sv-nummer|sv-nr|sv-nr.|sozialversicherungsnummer|e-card|member_id|memberid|member_number|member_no|subscriber_id|insurance_id|policy_number", HEALTH_PLAN),
    // Spain's social security affiliation number, under which its health system knows a patient.
    ("afiliación|n.º afiliación|nº afiliación|n.o afiliación|n° afiliación|número de afiliación|n.º de afiliación|nº de afiliación|n.o de afiliación|naf|nuss|número de la seguridad social|n.º de la seguridad social|n.o de la seguridad social|nº de la seguridad social|núm. seguridad social", HEALTH_PLAN),
    ("npi|national provider|provider id|provider number", NPI),
    ("dea|dea number|dea no|dea#|dea registration", DEA),
    ("passport|passport number|passport no|reisepass|reisepassnummer|passnummer|passeport|numéro de passeport|pasaporte|número de pasaporte|passaporto|numero di passaporto|paspoort|paspoortnummer", PASSPORT),
    ("license|licence|driver's license|drivers license|driver license|driver's licence|driving licence|driving license|dl|dl#|dl no|license number|licence number|license no|führerschein|führerscheinnummer|permis de conduire|permis|permiso de conducir|carnet de conducir|licencia de conducir|patente|patente di guida|rijbewijs|rijbewijsnummer", DRIVER_LICENSE),
    ("nhs|nhs number|nhs no", NHS),
    ("national insurance|national insurance number|ni number|nino|ni no", NINO),
    ("steuer-id|steuerid|steuer id|steueridentifikationsnummer|identifikationsnummer|idnr|tax id|tin|steuernummer|steuer-identifikationsnummer", DE_TAX),
    ("nir|sécurité sociale|securite sociale|numéro de sécurité sociale|numéro de sécu|n° de sécu|sécu|insee|carte vitale", FR_NIR),
    ("dni|nie|nif|documento nacional|documento de identidad|número de identidad", ES_DNI),
    ("codice fiscale|cod. fiscale|c.f.|cf|partita iva", IT_FISCAL),
    ("bsn|burgerservicenummer|sofinummer|sofi-nummer", NL_BSN),
    ("vin|vehicle identification|vehicle id|vehicle|chassis|chassis number|fahrgestellnummer|fahrzeug-identifizierungsnummer|fin|numéro de série du véhicule|numéro vin|bastidor|número de bastidor|telaio|numero di telaio|chassisnummer|voertuig", VIN),
    ("imei|serial|serial number|serial no|s/n|sn|device|device id|mac|mac address|seriennummer|gerät|gerätenummer|numéro de série|appareil|número de serie|dispositivo|numero di serie|serienummer|apparaat|udid|pacemaker|implant|insulin pump|hearing aid|serial no.|serial #|n.º de serie|nº de serie|n° de serie|n. de serie|n. di serie|n° di serie|n° de série|no de série|serienr.|serie-nr.|serien-nr.|herzschrittmacher|stimulateur|marcapasos|insulinpumpe|pompe à insuline|bomba de insulina|microinfusore|insulinepomp", DEVICE),
    ("clinic date|date of clinic|consultation date|date of consultation|date of appointment|fait le|fait à|ausgestellt am|datum der untersuchung|untersuchungsdatum|fecha de consulta|data della visita|data da consulta|datum consult|born|born on|birth|date of birth|birthdate|birthday|dob|d.o.b.|d.o.b|admitted|admission|admit date|admitted on|discharged|discharge|discharge date|died|death|deceased|date of death|passed away|expired|visit|visit date|seen on|date of service|service date|dos|hired|hire date|start date|employed since|date of loss|loss date|injured|injury|accident|geboren|geb.|geburtsdatum|geburtstag|aufnahme|aufgenommen|aufnahmedatum|entlassung|entlassen|entlassungsdatum|verstorben|gestorben|todesdatum|sterbedatum|besuch|behandlungsdatum|eingestellt|eintrittsdatum|schadensdatum|unfall|né|née|né le|née le|date de naissance|admis|admise|hospitalisé|hospitalisée|entrée|sortie|sorti|sortie le|décédé|décédée|décès|date du décès|consultation|visite|embauché|embauchée|date d'embauche|date du sinistre|sinistre|nacido|nacida|nació|fecha de nacimiento|ingreso|ingresó|ingresado|ingresada|alta|dado de alta|falleció|fallecido|fallecimiento|fecha de defunción|consulta|contratado|contratada|fecha de contratación|siniestro|nato|nata|nato il|nata il|data di nascita|ricovero|ricoverato|ricoverata|dimissione|dimesso|dimessa|deceduto|deceduta|decesso|data del decesso|assunto|assunta|data di assunzione|geboortedatum|opname|opgenomen|ontslag|ontslagen|overleden|overlijden|bezoek|in dienst|datum in dienst|schadedatum|age at|geb|dob:|adm|adm.|adm date|disch|disch.|d/c|procedure|procedure date|date of procedure|surgery|surgery date|date of surgery|operation|operated|operated on|underwent|performed on|last seen|last visit|seen|examined|examined on|consulted|appointment on|presented on|presented|encounter|encounter date|checkup|check-up|geburt|eingriff|operiert|operation am|op am|op-datum|operationsdatum|vorstellung|stellte sich|vorgestellt|letzten termin|termin am|kontrolle|untersucht|untersuchung|naissance|né(e)|né(e) le|nationalité|intervention|intervention le|opéré|opérée|opération|vu|vue|vu le|vue le|vu(e)|revu|revue|dernière visite|consulté|consultée|hospitalisation|séjour|nacimiento|acude|acudió|visitado|visitada|visto|vista|control|revisión|intervención|intervenido|intervenida|operación|operado|operada|última visita|hospitalización|nascita|nato/a|nata/o|visita|visitato|visitata|visitato/a|visto/a|controllo|intervento|operato|operata|operato/a|ultima visita|ricoverato/a|dimesso/a|geboorte|geboren op|gezien|gezien op|consult|vorige consult|controle|ingreep|geopereerd|operatie|onderzocht|laatste bezoek|stay|inpatient stay|treatment|treated|treated on|lost|lost on|stolen|stolen on|missing|reported missing|theft|aufenthalt|stationärer aufenthalt|behandlung|behandelt|schadentag|schadenstag|verloren|gestohlen|diebstahl|soins|soins du|traitement|traité|traitée|perdu|perdue|volé|volée|vol|estancia|asistencia|tratamiento|tratado|tratada|extraviado|extraviada|robado|robada|robo|degenza|prestazione|trattamento|trattato|trattata|sinistro|data del sinistro|smarrito|smarrita|rubato|rubata|furto|verblijf|behandeling|behandeld|gestolen|diefstal|started on|starting on|joined on|last working day|last day|sick note|fit note|doctor's note|letzter arbeitstag|arbeitsbeginn|au-bescheinigung|arbeitsunfähigkeitsbescheinigung|krankschreibung|dernier jour de travail|dernier jour|date d'entrée|arrêt de travail|arrêt maladie|último día|fecha de incorporación|incorporación|baja médica|parte de baja|ultimo giorno di lavoro|ultimo giorno|data di inizio|certificato medico|certificato di malattia|laatste werkdag|startdatum|ziekmelding|ziekteverklaring|data de nascimento|nascimento|nascido|nascida|nascido em|nascida em|internamento|internado|internada|data de admissão|admissão|alta hospitalar|data de alta|óbito|falecido|falecida|consulta de seguimento|data da consulta", PERSON_DATE),
    ("diagnosis|diagnosed|diagnoses|dx|icd|icd-10|icd10|icd-10-cm|assessment|impression|problem list|diagnose|diagnostiziert|diagnostic|diagnostiqué|diagnostiquée|diagnóstico|diagnosticado|diagnosticada|diagnosi|diagnosticato|diagnosticata|diagnostisch|gediagnosticeerd|condition|comorbidities|history of|hx|cie-10|cie10|cim-10|cim10|icd-10-gm|diagnósticos|diagnostics|diagnosen|diagnoses:|juicio clínico|diagnostico|diagnose:|hauptdiagnose|nebendiagnosen|diagnostic principal|diagnostic principal :|diagnosi principale|hoofddiagnose|principal diagnosis|secondary diagnoses", DIAGNOSIS),
    ("zip|zip code|zipcode|postal code|postcode|post code|plz|postleitzahl|code postal|cp|código postal|c.p.|cap|c.a.p.|cep|〒|pin code|pincode|postal|kod pocztowy|postnummer|postinumero", ZIP),
    ("patient|pt|pt.|pat.|patientin|patienten|patiente|paciente|paziente|patiënt|client|customer|member|employee|applicant|claimant|insured|policyholder|kunde|kundin|mitarbeiter|mitarbeiterin|antragsteller|client|cliente|employé|employée|demandeur|empleado|empleada|solicitante|dipendente|richiedente|klant|medewerker|aanvrager|name|full name|nom|nombre|nome|naam|vorname|nachname|prénom|apellido|apellidos|cognome|achternaam|voornaam|mother|father|wife|husband|son|daughter|spouse|sister|brother|caregiver|guardian|next of kin|emergency contact|contact person|nurse|physician|attending|resident|surgeon|referring|signed|electronically signed|dictated by|regards|best regards|kind regards|sincerely|thanks|thank you|cheers|dear|hi|hello|hey|mit freundlichen grüßen|viele grüße|liebe grüße|grüße|sehr geehrte|sehr geehrter|hallo|liebe|lieber|cordialement|bien cordialement|bonjour|chère|cher|salutations|atentamente|saludos|un saludo|estimado|estimada|hola|cordiali saluti|distinti saluti|saluti|gentile|egregio|ciao|buongiorno|met vriendelijke groet|vriendelijke groet|groeten|geachte|beste|hoi|agent|representative|advisor|adviser|case manager|treated by|seen by|attended by|ordered by|prescribed by|referred by|verified by|checked by|reviewed by|approved by|agente|operatore|operatrice|berater|beraterin|sachbearbeiterin|conseiller|conseillère|medewerker|medewerkster|adviseur|asesor|asesora|consulente|vérifié par|verificado por|verificato da|geprüft von|gecontroleerd door|contact:|from:|to:|cc:|author|ansprechpartner|sachbearbeiter|behandelnder arzt|médecin traitant|médico|medico|arts|huisarts|mr|mr.|mrs|mrs.|ms|ms.|miss|dr|dr.|doctor|doctora|dokter|doktor|docteur|doutor|doutora|prof|prof.|herr|frau|hr.|fr.|dott.|dott|sig.|sig.ra|signor|signora|sr.|sra.|señor|señora|don|doña|mme|mlle|monsieur|madame|dhr.|mevr.|meneer|mevrouw", PERSON),
    ("social media|my social media|your social media|his social media|her social media|order|order number|order no|order #|order id|ticket|ticket number|ticket #|case number|case #|invoice|invoice number|inv|claim number|claim #|claim no|claim id|tracking|tracking number|reference|ref|ref.|reference number|confirmation|confirmation number|booking|booking reference|reservation|version|ver|build|release|sku|isbn|part number|part no|model number|po|po number|purchase order|batch|lot|lot number|transaction id|txn|request id|trace id|commit|sha|hash|checksum|bestellung|bestellnummer|auftragsnummer|rechnung|rechnungsnummer|vorgangsnummer|aktenzeichen|sendungsnummer|commande|numéro de commande|facture|numéro de facture|dossier n°|référence|pedido|número de pedido|factura|número de factura|referencia|ordine|numero d'ordine|fattura|numero fattura|riferimento|bestelling|bestelnummer|factuur|factuurnummer|referentie|ordernummer|zaaknummer|step|steps|line|page|item|items|qty|quantity|units|mg|ml|kg|km|pixels|px|bytes|kb|mb|gb|ms|seconds|minutes|port|pid|uid|gid|error|errno|code|status|http|row|rows|issue|pr|pull request|year|years|population|revenue|eur|usd|€|$|percent|%", NEGATIVE),
    ("api key|api_key|apikey|api-key|secret|secret key|secret_key|client secret|client_secret|access key|access_key|access token|access_token|auth token|auth_token|token|bearer|authorization|password|passwd|pwd|pass|passphrase|private key|private_key|credentials|credential|signing key|webhook secret|session key|key|x-api-key|aws_secret_access_key|aws_access_key_id|db_password|database_password|mot de passe|contraseña|passwort|wachtwoord|chiave", SECRET),
    ("patient|pt|pt.|pat.|patientin|patiente|paciente|paziente|patiënt|the patient|admitted|presents|presented|complains|history|hpi|chief complaint|clinical|clinic|hospital|ward|diagnosis|dx|treated|prescribed|discharge|follow-up|follow up|symptoms|klinik|krankenhaus|befund|arztbrief|hôpital|clinique|compte rendu|hospital|clínica|informe|ospedale|clinica|referto|ziekenhuis|kliniek|ontslagbrief|encounter|visit|claim|referral|referral letter|discharge summary|progress note|medical history|patiënte|patient/in|patient(e)|paziente/a|informe clínico|juicio clínico|interconsulta|evolución clínica|derivado|derivada|antecedentes|exploración|anamnese|anamnesi|anamnèse|familienanamnese|konsilbericht|entlassbrief|entlassungsbericht|verlaufskontrolle|consulto|ricoverato/a|compte rendu d'hospitalisation|lettre de sortie|verwijsbrief|anamnese:", PATIENT),
    ("email|e-mail|mail|email address|e-mail-adresse|adresse e-mail|courriel|correo|correo electrónico|posta elettronica|e-mailadres", EMAIL),
    ("address|home address|street|residence|lives at|living at|resides at|mailing address|billing address|shipping address|adresse|anschrift|wohnhaft|wohnt in|domicile|domicilié|domicilio|dirección|residente en|indirizzo|residente in|adres|woonachtig|woont|morada|endereço|endereco|residência|residenza|abito in|vivo in|vivo en|moro em|moro na|moro no|wohne in|wohne jetzt|j'habite|habite au", ADDRESS),
    ("ip|ip address|ip-adresse|adresse ip|dirección ip|indirizzo ip|ip-adres|host|server|client ip|remote_addr|x-forwarded-for|source ip|src|dst|gateway|dns|subnet|inet|bind|listen|proxy", IP),
    ("id|id number|identifier|number|no.|nr|nr.|no|num|#|número|numéro|numero|nummer|n°|nº", GENERIC_ID),
    ("president|prime minister|chancellor|minister|senator|governor|congressman|congresswoman|mayor|king|queen|prince|princess|pope|ceo|chairman|founder|billionaire|actor|actress|singer|author of|novelist|footballer|striker|coach|champion|said in a statement|told reporters|according to|reuters|associated press|press conference|announced|bundeskanzler|kanzlerin|präsident|ministerpräsident|président|première ministre|premier ministre|ministre|presidente|primer ministro|ministro|presidente del consiglio|premier|minister-president|koning|koningin|nobel|elected|election|campaign|administration|white house|parliament|bundestag|assemblée|congreso|parlamento|tweede kamer", NEWS),
    // Care events a date belongs to, beyond admission and discharge.
    ("sick leave|sick note|off sick|out sick|on leave|leave from|absent from|absence from|fit note|starts on|starting on|will start on|joins on|joining on|first day|last day|last working day|krankmeldung|krankgeschrieben|krank vom|arbeitsunfähig|au vom|au bis|fehlt vom|elternzeit|mutterschutz|arrêt maladie|arrêt de travail|en arrêt|absent du|absente du|congé maladie|congé du|baja|baja laboral|baja médica|de baja|incapacidad temporal|ausente del|malattia|in malattia|assente dal|assenza dal|congedo|ziekmelding|ziek gemeld|ziek sinds|afwezig van|verlof|atestado|baixa médica|de baixa|licença médica|ausente de|começa em|inizia il|commence le|comienza el|fängt am|beginnt am", PERSON_DATE),
    ("implanted|implantation|implant date|explanted|inserted|post-op|postop|post-operative|postoperative|appointment|you're booked for|you are booked for|booked in for|appt|appt.|your appt|rdv|next appointment|follow-up appointment|remote check|device check|date written|prescription date|rx date|filled on|dispensed|dispensed on|implantiert|implantiert am|eingesetzt|postoperativ|termin|nächster termin|implanté|implantée|posé le|postopératoire|rendez-vous|prochain rendez-vous|implantado|implantada|postoperatorio|cita|próxima cita|impiantato|impiantata|postoperatorio|appuntamento|prossimo appuntamento|geïmplanteerd|postoperatief|afspraak|volgende afspraak", PERSON_DATE),
    // More of the press's words for people in public roles, feminine forms and compounds included.
    ("présidente|präsidentin|bundespräsident|bundespräsidentin|konzernchef|konzernchefin|vorstandschef|vorstandschefin|vorstandsvorsitzende|vorstandsvorsitzender|ministerin|außenminister|außenministerin|finanzminister|finanzministerin|gesundheitsminister|gesundheitsministerin|innenminister|innenministerin|wirtschaftsminister|wirtschaftsministerin|kanzler|bundeskanzlerin|rey|reina|canciller|cancillera|presidenta|primera ministra|ministra|pdg|directeur général|directrice générale|amministratore delegato|amministratrice delegata|presidente della|regina|koning|premier|minister-president|led by|headed by|chief executive|chief executive officer|director-general|secretary-general|secretaris-generaal|secrétaire général|secretario general|segretario generale|commissioner|central bank|ecb|ezb|bce|fed chair|grand prix|tournament|torneo|tournoi|turnier|toernooi|world cup|championship|olympic|olympics|scored|won the|wins the|gewann|a remporté|ganó|ha vinto|won zondag|reported higher|reported lower|earnings|quarterly|shareholders|accionistas|actionnaires|aktionäre|azionisti|aandeelhouders|pilgrims|pilger|pèlerins|peregrinos|pellegrini|pelgrims|inaugurated|inauguró|inaugurato|inauguré|eröffnete|opende|opened the", NEWS),
    ("ending in|ending with|ends in|ends with|last four|last 4|last four digits|last 4 digits|last digits|endet auf|letzte vier|se terminant par|finissant par|terminada en|que termina en|che termina con|termina con|eindigend op|laatste vier", LAST_DIGITS),
    ("personal site|personal website|personal page|personal homepage|my homepage|my website|my personal site|his website|her website|persönliche website|meine website|site personnel|mon site|sitio personal|mi web|sito personale|il mio sito|persoonlijke website|mijn website|site pessoal|meu site", PERSONAL_SITE),
    ("profile|user|users|patient portal|portal|my chart|mychart|account page|member page|linkedin|facebook|instagram|twitter|x.com|github profile|social media|profil|perfil|profilo|portale|portail|patientenportal|mijn dossier", URL_PERSON),
    ("released|release date|deadline|due|due date|due by|expires|expiry|expiration|valid until|scheduled|meeting|launch|launched|published|updated|last updated|effective|effective date|version|copyright|timestamp|logged|log|fällig|frist|veröffentlicht|échéance|date limite|publié|fecha límite|vence|publicado|scadenza|pubblicato|deadline|uiterlijk|gepubliceerd", NOT_PERSON_DATE),
    // Dates of products, prices and batches: expiry, validity, a change of rates, a ship date.
    ("péremption|date de péremption|à consommer avant|caducidad|fecha de caducidad|verfallsdatum|verwendbar bis|haltbar bis|gültig bis|gültig ab|valable jusqu'au|applicable au|applicable from|applicable à partir du|valid from|valido fino al|valido dal|válido hasta|válido desde|geldig tot|geldig vanaf|rates change|prices change|price change|ships on|ship date|go-live|go live|cutover|maintenance window", NOT_PERSON_DATE),
    // A payment's dates and an identity document's, not its holder's.
    ("value date|valuta|valutadatum|wertstellung|ausführungsdatum|execution date|settlement date|settles|settled on|booking date|buchungsdatum|date de valeur|date d'exécution|fecha valor|fecha de ejecución|data valuta|data di esecuzione|data de valor|issued|issued on|issue date|date of issue|ausgestellt|ausstellungsdatum|délivré|délivrée|date de délivrance|expedido|expedida|fecha de expedición|rilasciato|rilasciata|data di rilascio|emitido|emitida|data de emissão|afgegeven|datum van afgifte", NOT_PERSON_DATE),
    ("versión|versione|versão|lanzamiento|lanzar|lanzó|lancement|lancé|lancée|lançamento|lançado|lancio|lanciato|lanciata", NOT_PERSON_DATE),
    ("est sortie|est sorti|sortie le|sortira|salió|saldrá|was released|is released|will be released|shipped|was shipped|spedito|è stato spedito|versandt|verschickt|expédié|expédiée|enviado|enviada|cerrará|abrirá|opens|opens at|will open|reopens|closes|will close|closed on|opening|ouvre|ouvrira|fermera|öffnet|schließt|apre|chiude|abre|cierra|gaat open|sluit", NOT_PERSON_DATE),
    // Right after a name: what people do in notes and chats, and who they are to the patient.
    ("reports|reported|states|stated|says|said|denies|denied|complains|complained|agrees|agreed|declines|declined|confirms|confirmed|notes|noted|describes|mentions|asks|asked|wrote|writes|called|feels|presents|presented|was admitted|was seen|berichtet|berichtete|gibt an|klagt|verneint|bestätigt|fragt|schreibt|signale|signalé|rapporte|déclare|indique|nie|se plaint|confirme|demande|écrit|refiere|refirió|indica|niega|afirma|confirma|pregunta|escribe|riferisce|ha riferito|dichiara|nega|lamenta|conferma|chiede|scrive|meldt|vertelt|geeft aan|ontkent|klaagt|bevestigt|vraagt|schrijft|(parent)|(mother)|(father)|(daughter)|(son)|(wife)|(husband)|(partner)|(spouse)|(sister)|(brother)|(sibling)|(guardian)|(caregiver)|(friend)|(neighbour)|(neighbor)|(witness)|(progenitor)|(progenitora)|(madre)|(padre)|(hija)|(hijo)|(genitore)|(figlia)|(figlio)|(moglie)|(marito)|(ouder)|(moeder)|(vader)|(dochter)|(zoon)|(elternteil)|(mutter)|(vater)|(tochter)|(sohn)|(ehefrau)|(ehemann)|(mère)|(père)|(fille)|(fils)|(épouse)|(époux)|(conjoint)|(conjointe)|(bruder)|(schwester)|(frère)|(sœur)|(hermano)|(hermana)|(fratello)|(sorella)|(broer)|(zus)|(partnerin)|(ehepartner)|(ehepartnerin)|(lebensgefährte)|(lebensgefährtin)|(compagne)|(compagnon)|(pareja)|(compagno)|(compagna)|(echtgenoot)|(echtgenote)|(grandmother)|(grandfather)|(aunt)|(uncle)|(nephew)|(niece)|(cousin)|(grand-mère)|(grand-père)|(abuela)|(abuelo)|(nonna)|(nonno)|(oma)|(opa)", PERSON_AFTER),
    // Labels of a US routing number, in full and abbreviated.
    ("routing #|routing no.|routing nr|aba#|aba number|aba no|aba routing|aba routing number|aba/routing|routing/aba|routing transit number|routing and transit number|routing/transit|r/t|r/t number|ach routing|ach routing number|wire routing|wire routing number|abartn|aba-nummer|aba-routingnummer|numéro aba|número aba|número de ruta|numero aba|aba-nummer", ROUTING),
    // Labels of a SWIFT/BIC code in six languages.
    ("swift-code|bic-code|swift-bic|code bic|code swift|code bic/swift|bank identifier code|business identifier code|swift id|swift address|bic-kode|código bic|código swift|codigo bic|codigo swift|codice bic|codice swift|bic-nummer|swiftcode|bic code:|swift:|bic:", BIC),
    // Labels of a driver's licence in six languages.
    ("driver license number|driver's license number|drivers license number|driver's licence number|driving licence number|driver's lic|driver lic|dln|cdl|cdl#|commercial driver's license|operator's license|operator license|lic#|lic #|lic no|lic. no|license #|licence #|dl number|dl nr|führerschein-nr|führerschein-nr.|führerscheinnr|führerscheinnr.|führerscheinnummer:|fahrerlaubnis|numéro de permis|n° de permis|numéro du permis de conduire|permis n°|número de carnet|número del carnet de conducir|permiso de conducción|carné de conducir|numero patente|numero di patente|patente n.|patente nr|rijbewijsnummer:|rijbewijs nr|rijbewijs nr.|rijbewijsnr", DRIVER_LICENSE),
    // Labels of a device's serial number or unique device identifier.
    ("udi|unique device identifier|device identifier|serial#|serial:|sn:|s/n:|sn#|s.n.|asset tag|service tag|serial no:|serial number:|seriennr|serien-nummer|n/s|n° série|numéro de série:|num. de serie|número de serie:|matricola|numero di matricola|serienummer:|implantaat|implant serial|device serial|lot/serial", DEVICE),
    // Clinical words an ICD-10 code follows, in six languages.
    ("diagnosis code|diagnosis codes|dx code|dx codes|ddx|icd code|icd-10 code|icd-10-cm code|icd code:|icd:|icd-10:|icd 10|icd-10-gm:|diagnose:|diagnoseschlüssel|diagnosecode|diagnosecodes|diagnostic:|diagnostics:|code cim|code cim-10|cim-10:|cie-10:|cie-10-es|código cie|código cie-10|codice icd|codice icd-10|codifica icd|diagnosi:|diagnóstico:|diagnósticos:|diagnosis:|diagnoses:|dx:|primary diagnosis|admitting diagnosis|discharge diagnosis|final diagnosis|entlassungsdiagnose|aufnahmediagnose|diagnostic de sortie|diagnostic retenu|diagnóstico principal|diagnóstico de alta|diagnosi di dimissione|ontslagdiagnose|werkdiagnose", DIAGNOSIS),
    // Licence plates, labelled, in six languages.
    ("plate|plates|reg|reg.|reg no|reg. no|rego|registration|registration no|vehicle reg|license plate|licence plate|license plate number|licence plate number|license plate no|plate number|plate no|plate #|plate nr|number plate|registration plate|vehicle registration|vehicle registration number|car registration|kennzeichen|amtliches kennzeichen|kfz-kennzeichen|kfz kennzeichen|nummernschild|autokennzeichen|immatriculation|plaque d'immatriculation|numéro d'immatriculation|immatriculé|immatriculée|matrícula|placa de matrícula|número de matrícula|targa|numero di targa|targato|targata|kenteken|kentekenplaat|kentekennummer", PLATE),
    // Secondary diagnoses, and serial labels as NFKC writes them ("n.º" -> "n.o").
    ("cid-10|cid10|cid 10|código cid|codigo cid|codes:|code:|billing codes|billed with|coded as|coded|coding:|reason for visit|reason for admission|motivo de consulta|motivo de ingreso|motif de consultation|motivo del ricovero|aufnahmegrund|behandlungsanlass|chief complaint|indication:|indikation:|indicación:|indicazione:", DIAGNOSIS),
    // Where structured records keep their codes: JSON keys, CSV headers; Brazil's bare "CID".
    ("conditions|problems|diag|diag1|diag2|dx1|dx2|dx3|dx4|icd_code|icd10_code|icd10cm|dx_code|diag_code|diagnosis_code|cid", DIAGNOSIS),
    ("nevendiagnose|nevendiagnosen|nebendiagnose|diagnostic associé|diagnostics associés|diagnóstico secundario|diagnósticos secundarios|diagnosi secondaria|diagnosi secondarie|secondary diagnosis", DIAGNOSIS),
    ("n.o de serie|n.o serie|n. de serie|no. de serie|n.o de série|n.o di serie", DEVICE),
    // Vehicles a plate belongs to.
    ("car|cars|truck|motorbike|motorcycle|scooter|lorry|fahrzeug|pkw|lkw|auto|wagen|voiture|véhicule|moto|coche|vehículo|furgoneta|macchina|veicolo|furgone|personenauto|vrachtwagen|bromfiets", PLATE),
    ("in general|what does|what is|meaning of|billable|billable code|en général|que signifie|qu'est-ce que|en general|qué significa|qué es|in generale|cosa significa|allgemein|was bedeutet|was ist|in het algemeen|wat betekent|wat is", GENERAL_QUESTION),
    // Field labels after which a name comes (then ':' or ' :'), in six languages.
    ("name|full name|surname|surnames|forename|forenames|first names|given names|family name|maiden name|patient surname|patient forename|patient name|name of patient|pt name|patient|pat.|patientin|patient/in|prescriber|prescribing physician|prescribing doctor|attending|attending physician|attending nurse|nurse|primary nurse|charge nurse|physician|doctor|surgeon|referring physician|referring doctor|pcp|gp|contact|contact person|emergency contact|next of kin|nok|caregiver|carer|guardian|parent|mother|father|spouse|witness|employee|employee name|manager|line manager|supervisor|customer|customer name|client|client name|member|member name|subscriber|insured|policyholder|policy holder|claimant|applicant|beneficiary|account holder|cardholder|card holder|signed|signature|author|attn|attention|owner|assignee|assigned to|action|action item|requested by|reported by|submitted by|prepared by|reviewed by|approved by|verified by|dictated by|adjuster|assigned adjuster|handler|from:|to:|cc:|von:|an:|van:|aan:", NAME_LABEL),
    ("vorname|nachname|familienname|geburtsname|vollständiger name|ärztin|arzt|behandelnder arzt|behandelnde ärztin|hausarzt|hausärztin|pflegekraft|bezugspflege|ansprechpartner|ansprechpartnerin|kontakt|kontaktperson|angehörige|angehöriger|betreuer|betreuerin|zeuge|zeugin|mitarbeiter|mitarbeiterin|versicherte person|versicherter|versicherte|antragsteller|antragstellerin|kunde|kundin|verfasser|unterschrift|verantwortlich|sachbearbeiter|sachbearbeiterin", NAME_LABEL),
    ("last|first|guarantor|garant|garante|fiador|fiadora|bürge|karteninhaber|karteninhaberin|titulaire du compte|titular de la cuenta|titular da conta|titolare del conto|doente|paz|paz.|kontoinhaber|kontoinhaberin|donneur d'ordre|ordinante|ordenante|auftraggeber|auftraggeberin|iscritto|iscritta|titular|segurado|segurada|contraente|versicherte/r|remitente|expéditeur|emitente", NAME_LABEL),
    // A ticket's, a commit's and an incident review's people: "Reporter: …", "Reported-by: …", "Scribe: …".
    ("reporter|reported by|reported-by|co-authored-by|signed-off-by|reviewed-by|acked-by|tested-by|suggested-by|requester|raised by|opened by|closed by|resolved by|incident commander|incident lead|scribe|note taker|notetaker|minute taker|facilitator|chaired by|outgoing|incoming|also present|nominee|nominated by|melder|melderin|bearbeiter|bearbeiterin|rapporteur|demandeur|informador|solicitante|segnalatore|segnalato da|richiedente|relator|melder|aanvrager|behandelaar", NAME_LABEL),
    ("handoff|hand-off|handover|übergabe|pase de guardia|consegne|consegna|overdracht|transmission|transmissions|relève|passagem de turno", NAME_LABEL),
    // Who covers a ward, as rounds abbreviate them: "cons: Paredes", "reg: farouk".
    ("cons|consultant|registrar|resident|intern|on call|on-call|covering|oberarzt|oberärztin|chefarzt|chefärztin|assistenzarzt|interne|médecin de garde|adjunto|de guardia|di guardia|reperibile|de serviço|dienstdoende", NAME_LABEL),
    (crate::names_context::ATTENDEES, NAME_LABEL),
    ("nom|prénom|nom de famille|nom complet|nom de naissance|patiente|médecin|médecin traitant|médecin prescripteur|prescripteur|infirmier|infirmière|personne à prévenir|personne de confiance|témoin|employé|employée|salarié|salariée|cliente|assuré|assurée|titulaire|demandeur|demandeuse|signataire|responsable|gestionnaire", NAME_LABEL),
    ("nombre|apellido|apellidos|nombre completo|nombre y apellidos|paciente|médico|médica|médico responsable|médico prescriptor|enfermero|enfermera|contacto|contacto familiar|persona de contacto|testigo|empleado|empleada|asegurado|asegurada|solicitante|firmado|tutor|tutora|tramitador|tramitadora", NAME_LABEL),
    ("nome|cognome|nome e cognome|paziente|medico|medico curante|medico prescrittore|infermiere|infermiera|contatto|familiare di riferimento|referente|testimone|dipendente|assicurato|assicurata|intestatario|intestataria|titolare|richiedente|firmato|responsabile|liquidatore", NAME_LABEL),
    ("naam|voornaam|voornamen|vornamen|achternaam|volledige naam|patiënt|patiënte|arts|behandelend arts|huisarts|verpleegkundige|contactpersoon|getuige|werknemer|medewerker|klant|verzekerde|rekeninghouder|aanvrager|schadebehandelaar|behandelaar|ondertekend|verantwoordelijke", NAME_LABEL),
    // Where a parcel, a letter or a payment goes.
    ("ship to|deliver to|bill to|sold to|recipient|addressee|payee|remit to|name on card|co-applicant|applicant|co-borrower|borrower|account holder|beneficiary|beneficiario|beneficiaria|bénéficiaire|begünstigter|begünstigte|begunstigde|assistito|assistita|utente|adhérent|adhérente|je soussigné|je soussignée|ondergetekende|der unterzeichnete|die unterzeichnete|el abajo firmante|il sottoscritto|la sottoscritta|lieferadresse|empfänger|empfängerin|destinataire|destinatario|destinataria|ontvanger|third party|other party|other driver|counterparty|trabajador|trabajadora|trabajador/a|mitarbeiter/in|arbeitnehmer|arbeitnehmerin|travailleur|salarié(e)|lavoratore|lavoratrice", NAME_LABEL),
    // Titles and roles right before a name, and phrases a name follows.
    ("mr|mr.|mrs|mrs.|ms|ms.|miss|mx|mx.|dr|dr.|dra|dra.|drs.|prof|prof.|prof.ssa|herr|frau|hr.|fr.|m.|mme|mme.|mlle|mlle.|monsieur|madame|sr.|sra.|srta.|señor|señora|señorita|don|doña|dña.|sig.|sig.ra|sig.na|signor|signora|dott.|dott.ssa|dottor|dottoressa|dhr.|mevr.|mw.|meneer|mevrouw|agent|agente|medewerker|medewerkster|conseiller|conseillère|operatore|operatrice|berater|beraterin|advisor|adviser|adviseur|asesor|asesora|consulente|representative|rep|customer|cliente|client|kunde|kundin|klant|caregiver|witness|testigo|témoin|zeuge|zeugin|getuige|testimone|nurse|schwester|pfleger|infirmière|infirmier|enfermera|enfermero|infermiera|infermiere|verpleegkundige", NAME_NEXT),
    // Kin as a title before a given name, in a recipe's or a letter's words: "Uncle Kittisak's fish
    // pie", "tonton Constant", "nonna Jiahui", "Opa Abdikarim".
    ("uncle|auntie|aunty|aunt|grandma|grandpa|grandad|granddad|tonton|tatie|tante|oncle|mamie|papi|papy|opa|oma|onkel|tía|tío|tia|tio|abuela|abuelo|abuelita|abuelito|avó|avô|vovó|vovô|nonna|nonno|zia|zio|oom", NAME_NEXT),
    // Who works with whom in a team's chat: "pairing with Daisuke", "looping in Ratchanee", "PR von Breathnach".
    ("pairing with|paired with|looping in|loop in|pr from|pr by|pr von|pr van|pr de|pr di|pr da|pull request from|pull request by", NAME_NEXT),
    // Thanks and praise in a newsletter: "thank you to Ikenna Lake", "danke an …", "Parabéns a …".
    ("thank you to|well done to|congratulations to|a big thank you to|bravo à|félicitations à|merci à|danke an|glückwunsch an|herzlichen glückwunsch an|gracias a|enhorabuena a|felicidades a|grazie a|complimenti a|congratulazioni a|obrigado a|obrigada a|parabéns a|dank aan|gefeliciteerd aan|proficiat aan|bedankt aan", NAME_NEXT),
    ("leave with|leave it with|left with|this is|i am|i'm|ich bin|hier ist|hier spricht|je suis|c'est|soy|sono|qui è|ik ben|signed by|electronically signed by|reviewed by|verified by|approved by|checked by|prepared by|written by|dictated by|seen by|treated by|attended by|examined by|referred by|ordered by|prescribed by|requested by|submitted by|entered by|performed by|accompanied by|video call by|in begleitung von|begleitet von|videoident durch|accompagné de|accompagnée de|accompagné(e) de|vérifiée en visio par|visio par|acompañado de|acompañada de|acompañado/a de|videollamada por|accompagnato da|accompagnata da|accompagnato/a da|videochiamata da|vergezeld van|in gezelschap van|seguimiento con|controllo con|suivi avec|follow-up with|follow up with|spoke with|spoke to|talked to|met with|call|appel de|se llama a|llamar a|contattato/a|contattare|rufen sie|anrufen bei|manager will be|manager is|contact is|noodcontact is|named|ask for|asking for|say hi to|je soussigné|je soussignée|ondergetekende|der unterzeichnete|die unterzeichnete|el abajo firmante|il sottoscritto|la sottoscritta|condutor|condutora|conducente|conductor|conductora|conducteur|conductrice|fahrer|fahrerin|bestuurder", NAME_NEXT),
    // Relatives, then their name: "my kid Aiko", "prévenir sa fille Ilze", "meine Tochter luka kamau".
    ("my kid|my son|my daughter|my child|my wife|my husband|my partner|my mother|my father|my mom|my mum|my dad|her son|his son|our son|their son|her daughter|his daughter|our daughter|their daughter|daughter|granddaughter|grandson|mon fils|son fils|mon enfant|ma fille|sa fille|ma femme|mon mari|sa femme|son mari|fille|mein sohn|meine tochter|mein kind|meine frau|mein mann|sohn|tochter|mi hijo|mi hija|su hijo|su hija|mi esposa|mi esposo|mi marido|hija|mio figlio|mia figlia|suo figlio|sua figlia|mia moglie|mio marito|figlia|la figlia|il figlio|meu filho|minha filha|seu filho|sua filha|minha esposa|meu marido|filha|mijn zoon|mijn dochter|mijn vrouw|mijn man|dochter|zoon|filho|marido|esposo|esposa|hijo|echtgenoot|echtgenote|ehemann|ehefrau", NAME_NEXT),
    ("my kid|my son|my daughter|my child|my wife|my husband|my partner|my mother|my father|my mom|my mum|my dad|her son|his son|our son|their son|her daughter|his daughter|our daughter|their daughter|daughter|granddaughter|grandson|mon fils|son fils|mon enfant|ma fille|sa fille|ma femme|mon mari|sa femme|son mari|fille|mein sohn|meine tochter|mein kind|meine frau|mein mann|sohn|tochter|mi hijo|mi hija|su hijo|su hija|mi esposa|mi esposo|mi marido|hija|mio figlio|mia figlia|suo figlio|sua figlia|mia moglie|mio marito|figlia|la figlia|il figlio|meu filho|minha filha|seu filho|sua filha|minha esposa|meu marido|filha|mijn zoon|mijn dochter|mijn vrouw|mijn man|dochter|zoon|filho|marido|esposo|esposa|hijo|echtgenoot|echtgenote|ehemann|ehefrau", NAME_NEXT_LOWER),
    // Introductions in chats written in lower case: "c'est makoa hernández", "sou mei puigdemunt".
    (crate::names_context::INTRODUCTIONS, NAME_NEXT_LOWER),
    ("chamo-me|me chamo", NAME_NEXT),
    // A dictated document's head, then whom it is about: "dictation for krzysztof georgiou
    // comma", "Entlassbrief Simran Costa Komma", "informe de alta Minji Santos Watanabe coma".
    (crate::names_context::DOCUMENT_HEADS, NAME_NEXT_LOWER),
    // A transfer's sender: "Absender Xiaoling Yılmaz, AT28 …".
    ("absender|absenderin|remitente|mittente|remetente|afzender|expéditeur|expéditrice", NAME_NEXT),
    ("patient|pt|pt.|pat.|patientin|patiente|paciente|paziente|patiënt|patiënte|it's|its|it’s", NAME_NEXT_LOWER),
    // How a call or a chat asks for a name; the answer opens the next speaker's turn.
    ("name|nom|nombre|nome|naam|apellido|apellidos|cognome|prénom|vorname|nachname|voornaam|achternaam|sobrenome|speaking with|speaking to|who's calling|who is calling|con quién hablo|con quien hablo|mit wem spreche|con chi parlo|com quem falo|à qui ai-je|account holder|cardholder|card holder|titular|titular da conta|titular de la cuenta|titulaire|titulaire du compte|intestatario|kontoinhaber|rekeninghouder", NAME_ASKED),
    // Relatives a ward note names right after the word, nurses' abbreviations included.
    ("mum|mom|mother|dad|father|dtr|daughter|son|wife|husband|partner|nok|sister|brother|mari|femme|épouse|fille|fils|esposa|esposo|marido|hija|hijo|moglie|marito|figlia|figlio|mulher|filha|filho|ehefrau|ehemann|tochter|sohn|mutter|vater|mère|père|madre|padre|mãe|pai|colleague|kollegin|kollege|collega|compañera|compañero|collègue|colega|collega's|kollega", RELATIVE),
    ("bed|room|rm|bay|cama|habitación|hab.|lit|chambre|bett|zimmer|zi.|letto|stanza|kamer|kmr|quarto|bed nr.|box", NAME_BED),
    ("hi|hello|hey|dear|hallo|liebe|lieber|sehr geehrte|sehr geehrter|guten tag|guten morgen|moin|servus|bonjour|bonsoir|salut|cher|chère|hola|buenos días|buenas tardes|estimado|estimada|querido|querida|ciao|buongiorno|buonasera|gentile|gentilissima|gentilissimo|caro|cara|egregio|beste|hoi|geachte|goedemorgen|goedemiddag|good morning|good afternoon|olá|ola|oi|bom dia|boa tarde|boa noite|prezado|prezada|prezados|querido|caríssimo|caríssima|halo|hallöchen|coucou|buenas|buen día|salve|dag|hi there|hello there|hey there|hi again|hello again|good evening|guten abend|goedenavond|buenas noches", NAME_GREETING),
    ("best|regards|best regards|kind regards|warm regards|many thanks|thanks|thank you|cheers|sincerely|yours sincerely|yours truly|best wishes|mit freundlichen grüßen|mit freundlichen kollegialen grüßen|freundliche grüße|viele grüße|liebe grüße|beste grüße|grüße|gruß|danke|cordialement|bien cordialement|bien à vous|merci|salutations|saludos|un saludo|atentamente|gracias|cordiali saluti|distinti saluti|saluti|grazie|met vriendelijke groet|vriendelijke groet|groet|groeten|bedankt|dank", NAME_SIGNOFF),
    // The same in Portuguese, and the short and warm forms of all seven languages.
    ("yours faithfully|faithfully|respectfully|very truly yours|hochachtungsvoll|met hoogachting|hoogachtend|un cordial saludo|reciba un cordial saludo|con i migliori saluti|obrigado|obrigada|muito obrigado|muito obrigada|atenciosamente|cumprimentos|melhores cumprimentos|com os melhores cumprimentos|abraço|abraços|um abraço|saudações|all the best|thanks again|many thanks again|warmly|take care|talk soon|herzliche grüße|schöne grüße|vielen dank|lg|vg|mfg|amicalement|bien à toi|merci beaucoup|bonne journée|à bientôt|saludos cordiales|un abrazo|muchas gracias|cordialmente|un saluto|grazie mille|a presto|cari saluti|groetjes|hartelijke groet|hartelijke groeten|met vriendelijke groeten|vriendelijke groeten|dank je|dank je wel|dank u wel", NAME_SIGNOFF),
];

/// Whether `word` occurs in `phrase` at word boundaries.
fn contains_word(phrase: &str, word: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    phrase.match_indices(word).any(|(i, _)| {
        let (before, after) = (phrase[..i].chars().next_back(), phrase[i + word.len()..].chars().next());
        (!alnum(word.chars().next()) || !alnum(before)) && (!alnum(word.chars().last()) || !alnum(after))
    })
}

/// The context automaton, built once.
///
/// Matches as one case-insensitive regular expression of every word would,
/// longest first, with ASCII word boundaries around words that begin or end
/// with a letter or digit: leftmost match, the longest word there, then on
/// after it. Such a regex's lazy DFA keeps determinizing on text in six
/// languages; an automaton of every spelling, searched for all its matches,
/// does the same work in one linear pass.
pub struct ContextIndex {
    /// Every spelling of every word that begins with an ASCII letter or
    /// digit, searched from the starts of words only (anchored): ASCII letters
    /// match in either case, and other letters are spelled in each of their
    /// cases (simple case folding).
    at_word_starts: aho_corasick::dfa::DFA,
    /// The spellings of the other words ("$", "€", "n°"...), searched everywhere.
    anywhere: AhoCorasick,
    /// For each spelling of `at_word_starts`, then of `anywhere`: its word,
    /// and whether it is the word's own spelling.
    spelling_of: Vec<(u32, bool)>,
    /// For each word: its rank in the regex's order (longest first, then
    /// alphabetical), and whether it begins and ends with a letter or digit.
    words: Vec<Word>,
    kinds: Vec<Ctx>,
}

#[derive(Clone, Copy)]
struct Word {
    rank: u32,
    word_start: bool,
    word_end: bool,
}

/// A context word found in the text.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kinds: Ctx,
}

/// Every spelling of `word` under simple case folding of its non-ASCII
/// letters (ASCII letters are left to the automaton's case insensitivity),
/// the word's own first. Bounded: at most 64 per word.
pub(crate) fn spellings(word: &str) -> Vec<String> {
    use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
    let mut out = vec![String::new()];
    for c in word.chars() {
        let mut cases = vec![c];
        if !c.is_ascii() {
            let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
            class.case_fold_simple();
            cases.extend(class.iter().flat_map(|r| r.start()..=r.end()).filter(|&x| x != c));
        }
        if out.len() * cases.len() > 64 {
            cases.truncate(1);
        }
        out = out
            .iter()
            .flat_map(|prefix| {
                cases.iter().map(move |x| {
                    let mut p = prefix.clone();
                    p.push(*x);
                    p
                })
            })
            .collect();
    }
    out
}

impl ContextIndex {
    /// Build the automaton from the built-in words plus custom ones.
    pub fn new(extra: &[(String, Ctx)]) -> Result<ContextIndex, ContextError> {
        let mut words: Vec<(String, Ctx)> = Vec::new();
        for (list, kind) in WORDS {
            for w in list.split('|') {
                words.push((w.to_lowercase(), *kind));
            }
        }
        words.extend(extra.iter().map(|(w, k)| (w.to_lowercase(), *k)));
        // Merge kinds of the same word so that one match reports all of them.
        words.sort();
        let mut merged: Vec<(String, Ctx)> = Vec::new();
        for (w, k) in words {
            match merged.last_mut() {
                Some((lw, lk)) if *lw == w => *lk |= k,
                _ => merged.push((w, k)),
            }
        }
        merged.retain(|(w, _)| !w.is_empty());
        // The longest word wins where words overlap: a phrase ("presented
        // on", a date word) keeps the clinical sense of a word inside it
        // ("presented", a patient word).
        let patient: Vec<bool> = merged
            .iter()
            .map(|(phrase, _)| {
                merged
                    .iter()
                    .any(|(w, k)| k & PATIENT != 0 && w.len() < phrase.len() && contains_word(phrase, w))
            })
            .collect();
        for ((_, k), p) in merged.iter_mut().zip(patient) {
            if p {
                *k |= PATIENT;
            }
        }
        // A phrase that announces a name ("se llama a", "patient name",
        // "appel de") keeps what the words inside it say (a phone, a person).
        let names = NAME_LABEL | NAME_NEXT | NAME_NEXT_LOWER | NAME_GREETING | NAME_SIGNOFF;
        let inner: Vec<Ctx> = merged
            .iter()
            .map(|(phrase, pk)| {
                if pk & names == 0 || !phrase.contains(' ') {
                    return 0;
                }
                merged
                    .iter()
                    .filter(|(w, _)| w.len() < phrase.len() && contains_word(phrase, w))
                    .fold(0, |acc, (_, k)| acc | (k & (PERSON | PHONE | PATIENT)))
            })
            .collect();
        for ((_, k), extra) in merged.iter_mut().zip(inner) {
            *k |= extra;
        }
        // A phrase that starts with a date word still dates what follows it:
        // "seen by Dr. Ilić on 05/02/2024"; one that starts with a name's
        // question still asks it ("name is the booking under?").
        let leading = PERSON_DATE | NAME_ASKED;
        let dated: Vec<Ctx> = merged
            .iter()
            .map(|(phrase, _)| {
                merged
                    .iter()
                    .filter(|(w, _)| {
                        w.len() < phrase.len() && phrase.starts_with(w.as_str()) && phrase[w.len()..].starts_with(' ')
                    })
                    .fold(0, |acc, (_, k)| acc | (k & leading))
            })
            .collect();
        for ((_, k), d) in merged.iter_mut().zip(dated) {
            *k |= d;
        }
        // What follows a phrase follows its last words too: "was admitted"
        // (a name comes before it) still dates what comes after "admitted".
        let suffixes: Vec<Ctx> = merged
            .iter()
            .map(|(phrase, _)| {
                merged
                    .iter()
                    .filter(|(w, _)| {
                        w.len() < phrase.len()
                            && phrase.ends_with(w.as_str())
                            && phrase[..phrase.len() - w.len()].ends_with(' ')
                    })
                    .fold(0, |acc, (_, k)| acc | k)
            })
            .collect();
        for ((_, k), extra) in merged.iter_mut().zip(suffixes) {
            *k |= extra;
        }
        let mut order: Vec<usize> = (0..merged.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&merged[a].0, &merged[b].0);
            b.len().cmp(&a.len()).then(a.cmp(b))
        });
        let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let mut info: Vec<Word> = merged
            .iter()
            .map(|(w, _)| Word {
                rank: 0,
                word_start: alnum(w.chars().next()),
                word_end: alnum(w.chars().next_back()),
            })
            .collect();
        for (rank, &i) in order.iter().enumerate() {
            info[i].rank = u32::try_from(rank).map_err(|e| ContextError(e.to_string()))?;
        }
        let mut starts: Vec<String> = Vec::new();
        let mut others: Vec<String> = Vec::new();
        let mut starts_of: Vec<(u32, bool)> = Vec::new();
        let mut others_of: Vec<(u32, bool)> = Vec::new();
        for (i, (w, _)) in merged.iter().enumerate() {
            let word_start = info[i].word_start;
            let i = u32::try_from(i).map_err(|e| ContextError(e.to_string()))?;
            // The word as written, and in capitals ("PRÉNOM", a form in upper case).
            let capitals: String = w.chars().flat_map(char::to_uppercase).collect();
            for (n, s) in spellings(w).into_iter().enumerate() {
                let own =
                    n == 0 || s.eq_ignore_ascii_case(&capitals) && s.chars().all(|c| c.is_ascii() || !c.is_lowercase());
                if word_start {
                    starts.push(s);
                    starts_of.push((i, own));
                } else {
                    others.push(s);
                    others_of.push((i, own));
                }
            }
        }
        // Walked by hand from each word start: the automaton's own search
        // costs more to set up than the few bytes it reads there.
        let at_word_starts = aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(&starts)
            .map_err(|e| ContextError(e.to_string()))?;
        let anywhere = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&others)
            .map_err(|e| ContextError(e.to_string()))?;
        starts_of.extend(others_of);
        Ok(ContextIndex {
            at_word_starts,
            anywhere,
            spelling_of: starts_of,
            words: info,
            kinds: merged.into_iter().map(|(_, k)| k).collect(),
        })
    }

    /// Every context word in `text` at word boundaries, in order.
    pub fn find(&self, text: &str, out: &mut Vec<Hit>) {
        let b = text.as_bytes();
        let regex_word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
        // Every match the regex could start with: (start, rank, end, spelling).
        let mut found: Vec<(usize, u32, usize, u32)> = Vec::new();
        let mut push = |s: usize, e: usize, spelling: usize| {
            let (word, _) = self.spelling_of[spelling];
            let w = self.words[word as usize];
            if (w.word_start && s > 0 && regex_word(s - 1)) || (w.word_end && regex_word(e)) {
                return;
            }
            found.push((s, w.rank, e, spelling as u32));
        };
        // Words that begin with a letter or digit begin where a word does.
        let dfa = &self.at_word_starts;
        let Ok(start) = dfa.start_state(Anchored::Yes) else {
            return;
        };
        for s in 0..b.len() {
            if !b[s].is_ascii_alphanumeric() || (s > 0 && regex_word(s - 1)) {
                continue;
            }
            let mut sid = start;
            for (i, &c) in b[s..].iter().enumerate() {
                sid = dfa.next_state(Anchored::Yes, sid, c);
                if dfa.is_special(sid) {
                    if dfa.is_dead(sid) {
                        break;
                    }
                    if !dfa.is_match(sid) {
                        continue;
                    }
                    for k in 0..dfa.match_len(sid) {
                        // A state's matches include those ending here that began after
                        // `s`: each is found from its own start.
                        let pid = dfa.match_pattern(sid, k);
                        if dfa.pattern_len(pid) == i + 1 {
                            push(s, s + i + 1, pid.as_usize());
                        }
                    }
                }
            }
        }
        let first_other = self.at_word_starts.patterns_len();
        for m in self.anywhere.find_overlapping_iter(text) {
            push(m.start(), m.end(), first_other + m.pattern().as_usize());
        }
        found.sort_unstable();
        let mut at = 0;
        for &(s, _, e, spelling) in &found {
            if s < at {
                continue;
            }
            at = e;
            // The words were matched at ASCII word boundaries; a letter
            // of another script next to one makes it part of a longer word.
            let word_char_at = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
            let first_is_word = word_char_at(s);
            let last_is_word = word_char_at(e - 1);
            if (first_is_word && s > 0 && word_char_at(s - 1)) || (last_is_word && word_char_at(e)) {
                continue;
            }
            // A word with a non-ASCII letter in another case than its own or its capitals is none.
            let (word, own) = self.spelling_of[spelling as usize];
            if own {
                out.push(Hit {
                    start: s,
                    end: e,
                    kinds: self.kinds[word as usize],
                });
            }
        }
    }
}

/// The context hits of one text, queried by position.
pub struct Context<'h> {
    pub hits: &'h [Hit],
}

impl Context<'_> {
    /// Whether a word of `kinds` ends within `before` bytes before `start`
    /// or starts within `after` bytes after `end`.
    pub fn near(&self, start: usize, end: usize, kinds: Ctx, before: usize, after: usize) -> bool {
        self.nearest_before(start, kinds, before).is_some() || self.after(end, kinds, after).is_some()
    }

    /// The closest word of `kinds` ending at most `window` bytes before `start`.
    pub fn nearest_before(&self, start: usize, kinds: Ctx, window: usize) -> Option<&Hit> {
        let lo = start.saturating_sub(window);
        let idx = self.hits.partition_point(|h| h.start < start);
        self.hits[..idx]
            .iter()
            .rev()
            .take_while(|h| h.start + 64 >= lo)
            .find(|h| h.kinds & kinds != 0 && h.end <= start && h.end >= lo)
    }

    /// The first word of `kinds` starting at most `window` bytes after `end`.
    pub fn after(&self, end: usize, kinds: Ctx, window: usize) -> Option<&Hit> {
        let idx = self.hits.partition_point(|h| h.start < end);
        self.hits[idx..]
            .iter()
            .take_while(|h| h.start <= end + window)
            .find(|h| h.kinds & kinds != 0)
    }

    /// Whether any word of `kinds` occurs anywhere in the text.
    pub fn anywhere(&self, kinds: Ctx) -> bool {
        self.hits.iter().any(|h| h.kinds & kinds != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_at_boundaries_in_six_languages() {
        let idx = ContextIndex::new(&[]).unwrap();
        let mut hits = Vec::new();
        idx.find(
            "SSN: x; Geburtsdatum 1.2.1990; cardiology; Burgerservicenummer; MRN#",
            &mut hits,
        );
        let kinds: Vec<Ctx> = hits.iter().map(|h| h.kinds).collect();
        assert!(kinds[0] & SSN != 0);
        assert!(kinds.iter().any(|k| k & PERSON_DATE != 0));
        assert!(kinds.iter().any(|k| k & NL_BSN != 0));
        assert!(kinds.iter().any(|k| k & MRN != 0));
        // "card" inside "cardiology" is not a word.
        assert!(!kinds.iter().any(|k| k & CARD != 0));
    }

    /// The regex the automaton replaced: one case-insensitive alternation,
    /// longest words first, ASCII word boundaries; each match kept when no
    /// letter of another script touches it and it is spelled as its word or
    /// in its capitals.
    fn by_regex(idx: &ContextIndex, merged: &[String], text: &str) -> Vec<(usize, usize, Ctx)> {
        let mut words: Vec<(&str, usize)> = merged.iter().enumerate().map(|(i, w)| (w.as_str(), i)).collect();
        words.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let alternatives: Vec<String> = words
            .iter()
            .map(|(w, _)| {
                let pre = if alnum(w.chars().next()) { r"(?-u:\b)" } else { "" };
                let post = if alnum(w.chars().last()) { r"(?-u:\b)" } else { "" };
                format!("{pre}{}{post}", regex::escape(w))
            })
            .collect();
        let re = regex::RegexBuilder::new(&format!("(?i:{})", alternatives.join("|")))
            .size_limit(1 << 26)
            .dfa_size_limit(1 << 26)
            .build()
            .unwrap();
        let b = text.as_bytes();
        let word_char_at = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
        let mut out = Vec::new();
        for m in re.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if (word_char_at(s) && s > 0 && word_char_at(s - 1)) || (word_char_at(e - 1) && word_char_at(e)) {
                continue;
            }
            // As written, or in capitals (its letters outside ASCII in upper case too).
            let m = m.as_str();
            let capitals = |w: &String| {
                m.chars().all(|c| c.is_ascii() || !c.is_lowercase()) && m.eq_ignore_ascii_case(&w.to_uppercase())
            };
            if let Some(i) = merged.iter().position(|w| w.eq_ignore_ascii_case(m) || capitals(w)) {
                out.push((s, e, idx.kinds[i]));
            }
        }
        out
    }

    #[test]
    fn finds_what_the_regex_it_replaced_found() {
        let idx = ContextIndex::new(&[]).unwrap();
        // The words in the order of their kinds: sorted, once each.
        let mut words: Vec<String> = Vec::new();
        for (list, _) in WORDS {
            words.extend(list.split('|').map(str::to_lowercase));
        }
        words.sort();
        words.dedup();
        assert_eq!(words.len(), idx.kinds.len());
        let data = include_str!("../eval/dataset.jsonl");
        let mut texts: Vec<String> = data
            .lines()
            .take(60)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
        texts.extend(
            [
                "CARTE DE CRÉDIT 4111, carte de crédit, NÉE LE 3 mai, née le 3 mai, STRAẞE, straße",
                "xssn ssnx ssn_ _ssn SSN: ÉSSN ssné (ssn) dob:12 d.o.b. pt. €5 %",
                "Patient name: Jane; patient namex; date of birth; born on; geb. 1.2.1990",
            ]
            .map(str::to_string),
        );
        for text in &texts {
            let mut hits = Vec::new();
            idx.find(text, &mut hits);
            let got: Vec<(usize, usize, Ctx)> = hits.iter().map(|h| (h.start, h.end, h.kinds)).collect();
            assert_eq!(got, by_regex(&idx, &words, text), "{text}");
        }
    }

    #[test]
    fn near_looks_in_windows() {
        let idx = ContextIndex::new(&[]).unwrap();
        let mut hits = Vec::new();
        let text = "routing number 021000021 and much later text here";
        idx.find(text, &mut hits);
        let ctx = Context { hits: &hits };
        let at = text.find("021").unwrap();
        assert!(ctx.near(at, at + 9, ROUTING, 32, 0));
        assert!(!ctx.near(at, at + 9, SSN, 32, 32));
        assert!(!ctx.near(at + 40, at + 45, ROUTING, 10, 0));
    }
}

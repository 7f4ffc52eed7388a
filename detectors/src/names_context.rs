//! PERSON from context, whatever the name: a title, a field label, a JSON
//! key, a greeting or a sign-off, "this is …", "my name is …", a role word,
//! a bed number in a ward note, or a list that began with a name says that a
//! name comes next; the name is then read from its shape (capitalized, all
//! capitals after a label, lower case where the context is strong), with its
//! particles and hyphens, and ends at punctuation, a line end or the first
//! word that is not part of it. No dictionary is needed, but words that are
//! not names (eponyms, drug brands, weekdays, months, places, what follows a
//! label when no name is given) stop it.

use crate::context::{self as cx, Context};
use crate::entity::Kind;
use crate::names::{Names, F_COMMON, F_GIVEN, F_NOT, F_ORG, F_PARTICLE, F_STOP, F_SURNAME, F_TITLE};
use crate::patterns::cand;
use crate::windowed::floor_char;
use crate::Candidate;

/// Capitalized words that are not names: eponyms, drug brands, weekdays and
/// months, places, and what a label holds when it holds no name. They stop a
/// name read from context, and a dictionary name that is one of them alone.
pub(crate) const NOT_NAMES: &str = concat!(
    // Eponyms of diseases, signs and scores.
    // Latin phrases of clinical notes ("in situ", "diabetes mellitus").
    "situ|vivo|vitro|utero|extremis|vacuo|mellitus|insipidus|pectoris|nervosa|bifida|simplex|zoster|vulgaris|versicolor|corporis|capitis|pedis|cruris|",
    "morbus|morbo|care|doença|enfermedad|maladie|malattia|ziekte|abdo|parkinson's|parkinsons|crohn|crohn's|alzheimer|alzheimer's|alzheimers|hodgkin|hodgkin's|non-hodgkin|apgar|hashimoto|hashimoto's|cushing's|addison's|graves'|huntington's|tourette|tourette's|asperger|asperger's|raynaud|raynaud's|sjögren|sjögren's|guillain|guillain-barré|guillain-barre|kaposi|kaposi's|epstein-barr|barrett's|ménière|meniere|meniere's|paget's|marfan|kawasaki|hirschsprung|lyme|babinski|glasgow|wernicke|korsakoff|creutzfeldt|creutzfeldt-jakob|tay-sachs|duchenne|bell's|wegener|kussmaul|cheyne-stokes|wolff-parkinson-white|stevens-johnson|munchausen|rett|fallot|bartholin|baker's|colles|dupuytren|osgood-schlatter|legionnaires|down's|gilbert's|wilms|burkitt|kaplan-meier|framingham|chadsvasc|cha2ds2-vasc|nihss|gleason|breslow|child-pugh|romberg|murphy's|homans|trendelenburg|valsalva|heimlich|swan-ganz|holter|doppler|pap|petri|ziehl-neelsen|",
    // Drug brands.
    "lipitor|zocor|crestor|xanax|valium|tylenol|advil|motrin|aleve|lasix|coumadin|eliquis|xarelto|pradaxa|januvia|jardiance|farxiga|invokana|ozempic|wegovy|mounjaro|trulicity|victoza|humira|keytruda|opdivo|synthroid|levothyroxine|prozac|zoloft|lexapro|celexa|paxil|wellbutrin|effexor|cymbalta|seroquel|abilify|zyprexa|risperdal|haldol|plavix|brilinta|nexium|prilosec|protonix|pepcid|zantac|norvasc|lantus|humalog|novolog|tresiba|levemir|zyrtec|claritin|allegra|benadryl|flonase|ventolin|proair|symbicort|advair|spiriva|singulair|neurontin|lyrica|ambien|adderall|ritalin|concerta|klonopin|ativan|percocet|vicodin|norco|dilaudid|oxycontin|narcan|suboxone|augmentin|cipro|levaquin|bactrim|keflex|zithromax|diflucan|valtrex|tamiflu|paxlovid|entresto|glucophage|coreg|toprol|lopressor|zestril|diovan|cozaar|benicar|aldactone|medrol|zofran|reglan|imodium|miralax|colace|flomax|proscar|cialis|viagra|premarin|enbrel|remicade|stelara|dupixent|otezla|xeljanz|rinvoq|skyrizi|cosentyx|ocrevus|tecfidera|aricept|namenda|sinemet|requip|tegretol|depakote|lamictal|keppra|topamax|dilantin|trileptal|latuda|vraylar|buspar|sudafed|mucinex|panadol|nurofen|voltaren|aspirin|marcumar|pantozol|ibuprofen|paracetamol|metformin|doliprane|efferalgan|dafalgan|gelocatil|nolotil|enantyum|tachipirina|moment|brufen|sintrom|adalat|euthyrox|",
    // Weekdays and months in six languages.
    "christmas|xmas|noël|navidad|natale|weihnachten|kerstmis|natal|memorial|labor|labour|boxing|veterans|independence|remembrance|armistice|bastille|thanksgiving|easter|ostern|pfingsten|whitsun|pentecost|pentecôte|pâques|corpus|himmelfahrt|fronleichnam|ferragosto|halloween|hanukkah|diwali|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|july|september|october|november|december|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|juni|juli|oktober|dezember|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|juin|juillet|août|septembre|octobre|novembre|décembre|lunes|martes|miércoles|jueves|viernes|sábado|enero|febrero|marzo|junio|agosto|septiembre|octubre|noviembre|diciembre|lunedì|martedì|mercoledì|giovedì|venerdì|domenica|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|januari|februari|maart|mei|today|tomorrow|yesterday|heute|morgen|gestern|aujourd'hui|demain|hoy|mañana|ayer|oggi|domani|ieri|vandaag|gisteren|",
    // Places.
    "rua|avenida|travessa|calle|carrer|viale|piazza|praça|rue|capitals|block|america|usa|canada|mexico|brazil|argentina|england|scotland|wales|ireland|britain|uk|europe|germany|deutschland|france|spain|españa|italy|italia|netherlands|nederland|belgium|belgië|belgique|switzerland|schweiz|suisse|austria|österreich|portugal|poland|sweden|norway|denmark|finland|greece|turkey|russia|ukraine|china|japan|pakistan|nigeria|ghana|kenya|egypt|morocco|australia|zealand|london|paris|berlin|madrid|rome|roma|milano|amsterdam|rotterdam|brussels|bruxelles|vienna|wien|zurich|zürich|munich|münchen|hamburg|frankfurt|cologne|köln|marseille|barcelona|seville|naples|napoli|turin|torino|firenze|utrecht|antwerp|antwerpen|dublin|manchester|birmingham|leeds|glasgow|edinburgh|boston|chicago|seattle|denver|atlanta|miami|texas|california|florida|ohio|york|angeles|francisco|springfield|",
    // Whom a letter addresses when it names no one: "Dear Parents and Carers", "Geachte commissie".
    "parents|carers|caregivers|guardians|residents|tenants|neighbours|neighbors|shareholders|members|participants|students|pupils|applicants|candidates|committee|commission|board|panel|jury|commissie|commissione|comité|comisión|comissão|kommission|ausschuss|eltern|padres|genitori|pais|ouders|locataires|inquilinos|inquilini|huurders|mieter|bewohner|vecinos|vicini|vizinhos|buren|nachbarn|voisins|volunteers|donors|sponsors|supporters|subscribers|versicherungsnehmer|assurés|asegurados|assicurati|segurados|verzekerden|",
    // What a label or a greeting holds when it holds no name, departments, roles, credentials.
    "atendente|atendentes|beraterin|sachbearbeiter|sachbearbeiterin|pflegekraft|utente|utenti|utilizador|usuario|usuaria|usuário|utilisateur|utilisatrice|gebruiker|benutzer|nutzer|kundin|cliente|clienti|klant|socio|afiliado|afiliada|assicurato|assicurata|segurado|segurada|asegurado|asegurada|assuré|assurée|versicherte|versicherter|verzekerde|titular|damen|herren|mesdames|messieurs|señoras|señores|signore|signori|senhoras|senhores|dames|heren|relations|affairs|resources|enquiries|inquiries|experience|success|claims|collections|complaints|underwriting|compliance|payroll|procurement|facilities|dirección|direzione|direction|direção|direktion|directie|gerencia|administración|amministrazione|administração|geschäftsleitung|administratie|secretaría|secretariat|sekretariat|secretariaat|unknown|equipa|pessoal|collègues|confrère|consœur|consoeur|colleghi|colleghe|compañeros|compañeras|colegas|operations|treasury|tesoreria|tesorería|tesouraria|finance|finanzas|finanze|finances|accounting|contabilidad|contabilità|buchhaltung|comptabilité|admissions|admisión|accettazione|facturation|fatturazione|recepción|helpdesk|soporte|supporto|assistance|unbekannt|equipo|équipe|equipe|squadra|inconnu|inconnue|desconocido|desconocida|sconosciuto|sconosciuta|onbekend|anonymous|anonym|anonyme|anónimo|anonimo|anoniem|redacted|withheld|none|n/a|na|nil|tbd|tba|pending|same|self|other|various|stable|unstable|improving|critical|deceased|discharged|admitted|alert|awake|male|female|man|woman|männlich|weiblich|masculin|féminin|masculino|femenino|maschile|femminile|yes|no|ja|nein|oui|non|sí|si|nee|team|staff|support|desk|office|service|services|department|dept|legal|security|marketing|engineering|platform|infra|infrastructure|devops|sre|qa|ops|unit|ward|reception|front|billing|pharmacy|lab|laboratory|radiology|cardiology|oncology|neurology|pediatrics|paediatrics|surgery|orthopedics|orthopaedics|dermatology|psychiatry|gastroenterology|nephrology|urology|gynecology|obstetrics|emergency|intensive|icu|er|ed|or|hr|it|admin|administration|management|everyone|everybody|all|colleagues|colleague|folks|team's|there|sir|madam|sirs|friends|kollegen|kolleginnen|zusammen|tous|todos|todas|tutti|allemaal|iedereen|collega|collega's|people|partner|business|program|programme|identification|subscriber|member|medicare|medicaid|record|records|case|card|client|customer|patient|patients|portal|account|id|mrn|dob|ssn|npi|dea|md|rn|np|pa|lpn|cna|phd|dds|mba|msc|bsc|frcp|facc|jr|iii|ii|iv|review|update|check|call|schedule|follow|send|order|repeat|continue|start|stop|discuss|confirm|contact|verify|notify|please|see|note|refer|consult|obtain|arrange|book|cancel|complete|ensure|monitor|escalate|assign|draft|prepare|submit|approve|reply|respond|chest|pain|fever|cough|history|diagnosis|plan|assessment|medication|medications|allergies|dose|labs|vitals|sick|leave|annual|holiday|vacation|request|meeting|invoice|payment|refund|reminder|appointment|notice|results|report|question|urgent|important|re|fw|fwd|welcome|congratulations|happy|new|hello|hi|thanks|thank|best|regards|dear|good|morning|great|ok|okay|sure|sorry|hope|attached|below|above|following|doctor|nurse|mom|mum|dad|mother|father|grandma|grandpa|sister|brother|son|daughter|wife|husband|baby|family|neighbor|neighbour|friend|boss|manager|agent|bot|assistant|user|guest|visitor|applicant|employee|candidate|teacher|student|",
    // Punctuation said aloud in dictation.
    "comma|period|colon|semicolon|paragraph|virgule|coma|virgola|vírgula|komma|punkt|point|punto|ponto|absatz|",
    // Who speaks in a call's or a chat's transcript, by role.
    "caller|callers|beller|belster|speaker|operator|receptionist|pharmacist|dispatcher|interpreter|moderator|interviewer|chamador|chamadora|operador|operadora|anrufer|anruferin|appelant|appelante|llamante|chiamante|locutor|locutora|hablante|parlante|sprecher|sprecherin|locuteur|locutrice|secrétariat|segreteria|recepción|empfang|rezeption|",
    // Month abbreviations, field words a list runs into, one-word answers in chats.
    "feb|apr|jul|aug|sep|sept|oct|nov|dec|tel|tél|telf|fax|mob|handy|email|e-mail|mail|geb|nr|ref|iban|bic|dni|nie|nif|bsn|ipp|nhc|cip|imei|great|perfect|fine|right|correct|exactly|nope|yep|yeah|done|understood|perfecto|parfait|genau|perfetto|prima|vale|claro|bueno|bon|gut|super|klar|onboarding|also|vorrei|außerdem|inoltre|vous|pueden|ook|sie|meine|mein|our|your|the|this|además|ticket|",
    // Words at the start of a sentence in other languages.
    "mi|ho|lo|es|tu|te|kan|como|bien|alta|je|ik|wij|ich|yo|io|noi|nous|wir|hay|hier|ici|aquí|qui|hier|dit|das|ce|ça|esto|questo|questa|dat|kein|keine|pas|nada|niente|niets|geen|ya|schon|déjà|già|ein|eine|une|graag|bitte|merci|gracias|grazie|danke|bedankt|vielen|muchas|mille|hartelijk|",
);

/// Lower-case words that are never a lower-case name: function words and
/// what clinical shorthand puts after "pt" or a bed number.
const LOWER_STOP: &str = "a|an|the|and|or|but|not|no|is|was|are|were|be|been|has|had|have|will|would|can|could|should|may|might|must|do|does|did|to|of|in|on|at|for|with|from|by|as|per|via|into|onto|over|under|after|before|since|until|this|that|these|those|it|its|he|she|they|we|you|i|me|him|her|them|his|their|our|your|my|who|what|when|where|which|why|how|very|too|so|also|still|now|then|here|there|today|tonight|tomorrow|yesterday|again|more|less|well|good|bad|fine|ok|okay|better|worse|same|new|old|up|down|out|off|all|any|some|none|sorry|thanks|please|yes|sure|just|really|quite|not|alert|oriented|awake|asleep|stable|unstable|afebrile|febrile|comfortable|calm|agitated|confused|lethargic|drowsy|sedated|intubated|ambulatory|independent|npo|nad|sob|cp|ha|n|v|d|c|hx|dx|tx|rx|sx|fx|bp|hr|rr|spo2|o2|iv|po|prn|bid|tid|qid|qd|qhs|stat|pain|fever|cough|nausea|vomiting|diarrhea|dizziness|headache|fall|falls|risk|high|low|moderate|mild|severe|acute|chronic|left|right|bilateral|post|pre|op|surgery|admitted|discharged|transferred|refused|declined|denies|reports|states|says|presents|complains|tolerating|ambulating|resting|sleeping|eating|drinking|voiding|stable|improving|worsening|unchanged|pending|awaiting|ready|seen|needs|need|wants|requests|asks|family|wife|husband|son|daughter|mother|father|male|female|man|woman|boy|girl|yo|y/o|years|year|old|age|aged|bed|room|ward|unit|icu|er|ed|home|sent|given|started|stopped|held|iso|isolation|contact|droplet|airborne|dnr|full|code|care|check|monitor|obs|vitals|labs|meds|med|diet|clear|liquids|regular|soft|mechanical|sitter|bedrest|assist|assistance|ich|bin|der|die|das|und|oder|nicht|ist|war|hat|mit|für|von|zu|im|am|ein|eine|sehr|gut|schlecht|müde|krank|hier|je|suis|le|la|les|et|ou|pas|est|était|avec|pour|de|du|des|un|une|très|bien|mal|fatigué|fatiguée|malade|désolé|désolée|ici|yo|soy|el|los|las|y|o|no|es|era|con|para|del|uno|una|muy|bueno|buena|malo|cansado|cansada|enfermo|enferma|aquí|io|sono|il|lo|gli|e|non|è|era|con|per|di|della|molto|bene|male|stanco|stanca|malato|malata|qui|ik|ben|de|het|een|en|of|niet|was|met|voor|van|heel|goed|slecht|moe|ziek|hier";

/// How a name may look in a slot.
#[derive(Clone, Copy)]
struct Mode {
    /// Lower-case names are read (strong contexts only).
    lower: bool,
    /// One word alone is a name.
    single: bool,
    /// Titles before the name are skipped ("Prescriber: Dr. …").
    titles: bool,
    /// A word with an English word's ending ("Onboarding", "Administration") ends the name.
    /// Not after a label that holds only a name ("Prénom : Xiaoling").
    suffixes: bool,
}

const STRONG: Mode = Mode {
    lower: false,
    single: true,
    titles: true,
    suffixes: true,
};

/// A name read from a slot.
struct Read {
    start: usize,
    end: usize,
    tokens: usize,
    /// Words in the dictionaries.
    known: usize,
    lower: bool,
    /// Some word is an ordinary word that is also a name (Grant, May).
    common: usize,
    /// Capitalized words no dictionary holds that look like names by their letters.
    shaped: usize,
}

impl Names {
    /// Names that context announces; see the module's documentation.
    pub(crate) fn scan_context(&self, text: &str, ctx: &Context<'_>, found: &[Candidate], out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let kinds =
            cx::NAME_LABEL | cx::NAME_NEXT | cx::NAME_NEXT_LOWER | cx::NAME_BED | cx::NAME_GREETING | cx::NAME_SIGNOFF;
        let push = |out: &mut Vec<Candidate>, r: &Read, score: f32| {
            out.push(Candidate {
                kind: Kind::Person.into(),
                start: r.start,
                end: r.end,
                score,
                detector: "names.context",
            });
        };
        for h in ctx.hits.iter().filter(|h| h.kinds & kinds != 0) {
            let k = h.kinds;
            let word_start = h.start == 0 || !b[h.start - 1].is_ascii_alphanumeric();
            // Not a word of a URL's path or a domain ("…/fhir/Patient. Never share …").
            if !word_start || crate::names::in_url(b, h.start) {
                continue;
            }
            // A label: "Prescriber: Dr. …", "NAME: …", "Nom : …", also "- Attending: …";
            // a name's label may take words before it ("First name:", "Cardholder name:")
            // and after it ("Nom de l'assuré :", "Name des Versicherten:").
            let lbl = text[h.start..h.end].to_lowercase();
            let name_label = is_name_label(&lbl);
            // "Patient Access", "Nurse Practitioner": a department or a job, not a name.
            let department = |r: &Read| {
                (crate::names::care_role(&lbl) || crate::names::role_before(text, r.start))
                    && r.known == 0
                    && self.department_words(text, r.start, r.end)
            };
            let colon = text[..h.end].ends_with(':') || colon_after(b, h.end).is_some();
            // Mid-line in a form ("NOTA DE ALTA Doente: …", "NOM : ADEYEMI PRÉNOM : …"):
            // a capitalized label and its colon.
            let capital_label = colon && text[h.start..].chars().next().is_some_and(char::is_uppercase);
            let starts_label = label_start(b, h.start)
                || name_label && label_start(b, words_before(b, h.start, 3))
                || colon && form_label_start(b, h.start)
                || capital_label;
            if k & cx::NAME_LABEL != 0 && starts_label {
                // A form's label alone on its line ("Last name\nAdebayo"): the value is the next line.
                let under = name_label.then(|| line_under_label(b, h.start, h.end)).flatten();
                let after = if text[..h.end].ends_with(':') {
                    Some(h.end)
                } else if name_label {
                    colon_after(b, past_brackets(b, words_after(b, h.end, 3))).or(under)
                } else {
                    colon_after(b, h.end)
                };
                let under = under.is_some() && after == under;
                if let Some(p) = after {
                    let mode = Mode {
                        lower: name_label,
                        suffixes: !name_label,
                        ..STRONG
                    };
                    // "Attendees: Clinical Lead, Tavita Faleolo": each item of the list, not only
                    // the first, where a post or a department opens it.
                    if is_attendees(&lbl) {
                        self.attendee_items(text, p, out);
                    }
                    if let Some(r) = self
                        .read(text, p, mode)
                        .and_then(|r| self.before_next_label(text, r, mode))
                        .and_then(|r| self.before_field_word(text, ctx, r, mode))
                        .map(|r| {
                            if is_attendees(&lbl) {
                                r
                            } else {
                                self.surname_comma_given(text, r)
                            }
                        })
                    {
                        let weak = matches!(
                            lbl.as_str(),
                            "action"
                                | "action item"
                                | "owner"
                                | "from:"
                                | "to:"
                                | "cc:"
                                | "von:"
                                | "an:"
                                | "van:"
                                | "aan:"
                                | "signed"
                                | "author"
                                | "attention"
                                | "attn"
                                | "responsable"
                                | "responsabile"
                                | "verantwortlich"
                                | "verantwoordelijke"
                        );
                        // What follows a field's name ends the field ("Name: Ana Kovač, 54"), or,
                        // after "Action:", says what the person does ("Kwame Mensah to update").
                        let field_end = ends_clean(b, r.end)
                            || label_follows(b, r.end)
                            || weak && r.tokens >= 2 && next_is_lower_word(b, r.end);
                        // "- name: Deploy" in a YAML list: a step's or a service's name,
                        // unless the dictionaries know the word.
                        let yaml_item = &text[h.start..h.end] == "name" && yaml_item(b, h.start);
                        let ok = field_end
                            && !(yaml_item && r.known == 0 && (r.tokens == 1 && r.shaped == 0 || r.common > 0))
                            // Under a label alone on its line, the whole next line and no ordinary word.
                            && !(under && (r.common > 0 || !ends_line(b, r.end)))
                            && if r.lower {
                                r.tokens >= 2
                            } else if weak {
                                r.known >= 1 && r.common < r.tokens || r.tokens >= 2 && r.common == 0
                            } else {
                                r.tokens >= 2 || r.known >= 1 || r.common == 0
                            };
                        if ok {
                            push(out, &r, if r.lower { 0.8 } else { 0.9 });
                            continue;
                        }
                    }
                }
            }
            let p = h.end;
            // "Agent (Dmitri):", "Medewerker (Wahyu):": a role with a name in brackets.
            if k & cx::NAME_NEXT != 0 && b[p..].starts_with(b" (") && role_word(&lbl) {
                if let Some(r) = self.read(text, p + 2, STRONG).filter(|r| b.get(r.end) == Some(&b')')) {
                    // A speaker's label ("Agent (Dmitri):"), or a name the brackets could hold alone.
                    let speaker = matches!(b.get(r.end + 1), Some(b':')) || b[r.end + 1..].starts_with(b" :");
                    if r.common < r.tokens && (speaker || r.tokens >= 2 || r.known >= 1) {
                        push(out, &r, 0.85);
                        continue;
                    }
                }
            }
            if p >= b.len() || b[p] != b' ' && !(b[p] == b'.' && text[..p].ends_with(|c: char| c.is_alphabetic())) {
                // Cues other than labels are followed by a space ("Dr Lee") or a title's '.'.
                if k & cx::NAME_SIGNOFF == 0 {
                    continue;
                }
            }
            if k & cx::NAME_NEXT != 0 {
                let title = lbl.ends_with('.') || self.lookup(lbl.trim_end_matches('.')) & F_TITLE != 0;
                // "M." is a title only before a capitalized word at a word's start.
                let p = if b.get(p) == Some(&b'.') { p + 1 } else { p };
                if let Some(r) = self.read(text, p, STRONG) {
                    let strong = title || role_word(&lbl);
                    let ok = !department(&r)
                        && if strong {
                            r.common < r.tokens || r.tokens >= 2
                        } else {
                            r.common == 0
                                && (r.known >= 1
                                    || r.tokens >= 2
                                    || ends_clean(b, r.end)
                                    || next_is_lower_word(b, r.end))
                        };
                    if ok && title_m(b, h.start) {
                        push(out, &r, if strong { 0.9 } else { 0.85 });
                        continue;
                    }
                }
                // A title before a name in lower case, as chats and transcripts write both:
                // "mr. okoro", "mevr. jansen", "sig.ra visser". Every word a name by the
                // dictionaries or its shape, none an ordinary word.
                let lower = Mode {
                    lower: true,
                    single: true,
                    titles: false,
                    suffixes: true,
                };
                // Titles that are no ordinary word too ("miss", "doctor", "don" are).
                let plain_title = matches!(
                    lbl.trim_end_matches('.'),
                    "mr" | "mrs"
                        | "ms"
                        | "mx"
                        | "dr"
                        | "herr"
                        | "frau"
                        | "hr"
                        | "fr"
                        | "mevr"
                        | "mw"
                        | "dhr"
                        | "sig"
                        | "sig.ra"
                        | "signor"
                        | "signora"
                        | "sr"
                        | "sra"
                        | "señor"
                        | "señora"
                        | "senhor"
                        | "senhora"
                        | "dra"
                        | "dott"
                        | "dott.ssa"
                        | "mme"
                        | "madame"
                        | "monsieur"
                        | "mlle"
                );
                if title && plain_title {
                    let read = self
                        .read(text, p, lower)
                        .map(|r| self.before_place(text, r))
                        .map(|r| self.surname_after_title(text, r));
                    if let Some(r) = read {
                        if r.lower && r.tokens <= 3 && self.plain_name_words(&text[r.start..r.end]) && r.common == 0 {
                            push(out, &r, 0.8);
                            continue;
                        }
                    }
                }
            }
            // "hey its konstantinos": "it's" introduces a name only right after a greeting.
            let greeted = || {
                ctx.hits
                    .iter()
                    .any(|g| g.kinds & cx::NAME_GREETING != 0 && g.end <= h.start && h.start - g.end <= 3)
            };
            if k & cx::NAME_NEXT_LOWER != 0 && (!lbl.starts_with("it") || greeted()) {
                let p = if b.get(p) == Some(&b'.') { p + 1 } else { p };
                let mode = Mode {
                    lower: true,
                    single: true,
                    titles: true,
                    suffixes: true,
                };
                // After a relative ("daughter debashis"), lower case only where a dictionary knows a name.
                // After an introduction ("soy ji-woo shevchenko."), every word a name by the
                // dictionaries or its shape. After a document's head ("Entlassbrief saskia kim
                // Komma"), two words or more, each a name and none an ordinary word.
                let document = is_document_head(&lbl);
                let intro = INTRODUCTIONS.split('|').any(|i| i == lbl);
                let relative = k & cx::NAME_NEXT != 0 && !lbl.starts_with('p') && !intro;
                let read = self
                    .read(text, p, mode)
                    .map(|r| if intro { self.before_place(text, r) } else { r });
                // A relative's name in lower case that no language uses ("il figlio lindiwe sta
                // arrivando", "zoon hamida is onderweg"): up to two such words.
                if relative {
                    if let Some((start, end)) = self.unknown_words_at(text, p, 2) {
                        out.push(cand(Kind::Person, start, end, 0.75, "names.context"));
                        continue;
                    }
                }
                if let Some(r) = read {
                    let ok = if document {
                        r.tokens >= 2 && ends_clean(b, r.end) && self.plain_name_words(&text[r.start..r.end])
                    } else if r.lower {
                        // An agent's one name no language uses, then the offer of help: "le atiende
                        // maitane en qué puedo ayudarle".
                        let agent_alone = intro
                            && r.tokens == 1
                            && offer_follows(b, r.end)
                            && self.unknown_word(&text[r.start..r.end]);
                        // Lower case is read only up to a clean end: "patient marker-7731" is an identifier.
                        // Words a name is made of: "Patiënt heeft pijn" is a sentence.
                        (r.tokens >= 2 && self.lower_name_parts(&text[r.start..r.end]) || r.known >= 1 || agent_alone)
                            && (ends_clean(b, r.end) || intro && after_own_name(b, r.end))
                            && (!relative || r.known >= 1 && r.tokens <= 3)
                            && (!intro
                                || r.known >= 1
                                || text[r.start..r.end]
                                    .split(' ')
                                    .all(|w| self.answered_name_word(w, r.tokens))
                                || agent_alone)
                    } else {
                        r.common < r.tokens && !department(&r)
                    };
                    if ok {
                        push(out, &r, if r.lower { 0.8 } else { 0.9 });
                        continue;
                    }
                }
            }
            if k & cx::NAME_BED != 0 {
                // "bed 12 jane doe - fall risk", "Room 4B: Ana Kovač".
                let mut q = p + 1;
                let digits = b[q.min(b.len())..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                if digits > 0 && digits <= 4 && b[q..q + digits].iter().any(u8::is_ascii_digit) {
                    q += digits;
                    let sep = [&b" - "[..], b": ", b" ", b", "]
                        .into_iter()
                        .find(|s| b[q..].starts_with(s));
                    if let Some(s) = sep {
                        let mode = Mode {
                            lower: true,
                            single: false,
                            titles: true,
                            suffixes: true,
                        };
                        // In lower case, words a name is made of ("bed 12 jane doe"), not a task
                        // ("bed 14 print labels", "cama 4 precisa de maqueiro").
                        if let Some(r) = self.read(text, q + s.len(), mode).filter(|r| {
                            r.tokens >= 2
                                && ends_clean(b, r.end)
                                && (!r.lower || self.lower_name_words(&text[r.start..r.end]) || age_after(b, r.end))
                        }) {
                            push(out, &r, 0.8);
                            continue;
                        }
                        // A ward list's "Surname, Given" between dashes: "rm 5 - Thornton, Bayani -
                        // NBM", "kmr 6 – Schmidt, Tupac – 46M": two names.
                        let single = Mode { single: true, ..mode };
                        if let Some((sur, given)) = self.read(text, q + s.len(), single).and_then(|r| {
                            if !b[r.end..].starts_with(b", ") {
                                return None;
                            }
                            let g = self.read(text, r.end + 2, single)?;
                            let field_end =
                                b[g.end..].starts_with(b" - ") || matches!(b.get(g.end), None | Some(b'\n'));
                            let names = |x: &Read| x.common == 0 && self.plain_name_words(&text[x.start..x.end]);
                            (g.tokens <= 2 && field_end && names(&r) && names(&g)).then_some((r, g))
                        }) {
                            push(out, &sur, 0.8);
                            push(out, &given, 0.8);
                            continue;
                        }
                        // A ward list's surname alone, before an age: "bed 10 - al-sayed, 79F",
                        // "letto 21 - Vargas, 27 anni"; or before the colon of its note: "bed 3
                        // Ashworth: still nauseous".
                        if let Some(r) = self.read(text, q + s.len(), single).filter(|r| {
                            r.tokens == 1
                                && r.common == 0
                                && (age_follows(b, r.end)
                                    || b.get(r.end) == Some(&b':')
                                        && !r.lower
                                        && self.plain_name_words(&text[r.start..r.end]))
                        }) {
                            push(out, &r, 0.8);
                            continue;
                        }
                    }
                }
            }
            if k & cx::NAME_GREETING != 0 && greeting_start(b, h.start) {
                let mode = Mode {
                    lower: true,
                    single: true,
                    titles: true,
                    suffixes: true,
                };
                if let Some(r) = self.read(text, p, mode) {
                    // Unpunctuated, the caller's own introduction ends the greeted name:
                    // "hi imran this is wayra", "hallo kenji hier ist obinna".
                    let introduced = || {
                        INTRODUCTIONS
                            .split('|')
                            .chain(["it's", "its", "it is", "here is", "met", "é a", "é o", "aqui é"])
                            .any(|i| {
                                b[r.end..].starts_with(b" ")
                                    && b[r.end + 1..].len() > i.len()
                                    && b[r.end + 1..r.end + 1 + i.len()].eq_ignore_ascii_case(i.as_bytes())
                                    && b[r.end + 1 + i.len()] == b' '
                            })
                            && (!r.lower || self.plain_name_words(&text[r.start..r.end]))
                    };
                    let end_ok = matches!(b.get(r.end), None | Some(b',' | b':' | b'!' | b'\n' | b'\r' | b';'))
                        || b[r.end..].starts_with(b" -")
                        || b[r.end..].starts_with(" –".as_bytes())
                        || introduced();
                    if end_ok
                        && (!r.lower || r.tokens <= 2)
                        && (r.common < r.tokens || r.tokens >= 2)
                        && !department(&r)
                    {
                        push(out, &r, 0.85);
                        continue;
                    }
                }
            }
            if k & cx::NAME_SIGNOFF != 0 {
                // "Best regards,\nJane Doe", "Thanks, Raj".
                let mut q = h.end;
                while q < b.len() && matches!(b[q], b',' | b'!' | b'.') {
                    q += 1;
                }
                let rest = &b[q..];
                // A letter leaves a blank line before the signature: "Yours faithfully,\n\nName".
                let (p, same_line) = if rest.starts_with(b"\r\n\r\n") {
                    (q + 4, false)
                } else if rest.starts_with(b"\n\n") || rest.starts_with(b"\r\n") {
                    (q + 2, false)
                } else if rest.starts_with(b"\n") {
                    (q + 1, false)
                } else if q > h.end && rest.starts_with(b" ") && b[h.end] == b',' {
                    (q + 1, true)
                } else if q == h.end && rest.starts_with(b" ") && text[h.start..h.end].contains(' ') {
                    // "Mit freundlichen Grüßen Hope Benali": a phrase, then a full name ending the line.
                    (q + 1, true)
                } else {
                    continue;
                };
                let phrase_only = q == h.end;
                let mode = Mode {
                    lower: true,
                    single: true,
                    titles: true,
                    suffixes: true,
                };
                if let Some(r) = self.read(text, p, mode) {
                    let line_end = matches!(b.get(r.end), None | Some(b'\n' | b'\r' | b',' | b'.'))
                        || b[r.end..].starts_with(b" |")
                        || b[r.end..].starts_with(b" -")
                        || b[r.end..].starts_with(b" (")
                        || b[r.end..].starts_with(" –".as_bytes());
                    let ok = line_end
                        && (r.common < r.tokens || r.tokens >= 2)
                        && (!r.lower || r.tokens >= 2 || !same_line)
                        && (!same_line || r.end == b.len() || matches!(b[r.end], b'\n' | b'.' | b'\r'))
                        && (!phrase_only || r.tokens >= 2 && r.common < r.tokens)
                        && !role_with_article(&text[r.start..r.end])
                        && !department(&r)
                        // Not a title in lower case before its full stop ("prof. dr. Vos").
                        && !(r.tokens == 1 && self.lookup(&text[r.start..r.end]) & F_TITLE != 0);
                    if ok {
                        push(out, &r, 0.85);
                    }
                }
            }
        }
        self.json_names(text, out);
        self.dash_signatures(text, out);
        self.capital_surname_given(text, out);
        self.email_names(text, found, out);
        self.anchored(text, ctx, found, out);
        self.chat_speakers(text, ctx, out);
        self.turn_speakers(text, ctx, out);
        self.author_lines(text, out);
        self.subject_names(text, out);
        self.vocatives(text, out);
        self.nicknames(text, out);
        self.relations_and_mentions(text, out);
        self.parallel_scripts(text, found, out);
        self.lists(text, found, out);
        self.name_lists(text, out);
        self.glued_initials(text, out);
        spelled(text, out);
        self.owners_and_callers(text, ctx, out);
        self.before_age(text, out);
        self.name_answers(text, ctx, out);
        self.item_owners(text, out);
        self.bullet_names(text, out);
        self.dash_lists(text, out);
        self.relatives_named(text, ctx, out);
        self.lower_names(text, out);
        self.possessors(text, out);
        self.handoff_patients(text, ctx, out);
        self.agents(text, ctx, out);
        self.asked(text, out);
    }

    /// Whose relative, record or account it is: "Ngata's notes", "obinna's bloods", "Sven's
    /// mum", "El Amrani's daughter". One or two capitalized words before "'s" (one in lower
    /// case), each a name the dictionaries hold and no ordinary word, or shaped like a name,
    /// and after it a person's relative or something a person has ([`POSSESSED`]); no firm
    /// ("McDonald's order").
    fn possessors(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        for at in memchr::memchr2_iter(b'\'', 0xE2, b) {
            let after = if b[at] == b'\'' {
                &text[at + 1..]
            } else if text[at..].starts_with('’') {
                &text[at + '’'.len_utf8()..]
            } else {
                continue;
            };
            let Some(rest) = after.strip_prefix("s ") else { continue };
            let noun: String = rest.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
            if !POSSESSED.split('|').any(|p| p == noun.to_lowercase()) {
                continue;
            }
            // The words before: back over at most two words joined by single spaces.
            let mut start = at;
            let mut words = 0;
            let mut lower = false;
            while words < 2 {
                let Some((s, e)) = lower_or_capital_word_before(text, start) else {
                    break;
                };
                let w = &text[s..e];
                let capital = w.starts_with(char::is_uppercase) && !w.chars().skip(1).all(char::is_uppercase);
                let lw = w.to_lowercase();
                let flags = self.lookup(&lw);
                let named = flags & (F_GIVEN | F_SURNAME) != 0
                    && flags & (F_COMMON | F_STOP | F_NOT | F_ORG | F_TITLE) == 0
                    && !self.ordinary.contains(lw.as_str());
                let shaped = flags == 0
                    && w.chars().count() >= 4
                    && !self.ordinary.contains(lw.as_str())
                    && !is_lower_stop(&lw)
                    && crate::name_shape::name_likeness(&lw) >= crate::names::SHAPE_MIN;
                let particle = words > 0 && flags & F_PARTICLE != 0;
                if !(named || shaped || particle) {
                    break;
                }
                if !capital {
                    lower = true;
                    if words > 0 && !particle {
                        break;
                    }
                }
                start = s;
                words += 1;
                if s == 0 || b[s - 1] != b' ' {
                    break;
                }
            }
            if words == 0 || self.firms.contains(text[start..at].to_lowercase().as_str()) {
                continue;
            }
            out.push(Candidate {
                kind: Kind::Person.into(),
                start,
                end: at,
                score: if lower { 0.7 } else { 0.75 },
                detector: "names.possessor",
            });
        }
    }

    /// "Family (Ikechukwu Onyekwere, father)": a name before its relation in
    /// brackets; "@babatunde new hire paperwork": a chat mention of a person.
    fn relations_and_mentions(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mut push = |start: usize, end: usize, score: f32| {
            out.push(Candidate {
                kind: Kind::Person.into(),
                start,
                end,
                score,
                detector: "names.context",
            });
        };
        for close in memchr::memchr_iter(b')', b) {
            let Some(comma) = b[close.saturating_sub(24)..close].iter().rposition(|c| *c == b',') else {
                continue;
            };
            let comma = close.saturating_sub(24) + comma;
            let relation = text[comma + 1..close].trim().to_lowercase();
            if !RELATIONS.split('|').any(|r| r == relation) {
                continue;
            }
            let Some(open) = b[comma.saturating_sub(64)..comma].iter().rposition(|c| *c == b'(') else {
                continue;
            };
            let open = comma.saturating_sub(64) + open;
            let mode = Mode {
                lower: true,
                single: true,
                titles: true,
                suffixes: true,
            };
            if let Some(r) = self
                .read(text, open + 1, mode)
                .filter(|r| r.end == comma && r.common < r.tokens)
            {
                push(r.start, r.end, 0.85);
            }
        }
        for at in memchr::memchr_iter(b'@', b) {
            if at > 0 && !matches!(b[at - 1], b' ' | b'\n' | b'\t' | b'(') {
                continue;
            }
            let Some((end, word)) = word_at(text, at + 1) else {
                continue;
            };
            let next_ok = matches!(b.get(end), None | Some(b' ' | b',' | b':' | b'\n' | b'!' | b'?'));
            let flags = self.lookup(word);
            let named = flags & (F_GIVEN | F_SURNAME) != 0 && flags & (F_COMMON | F_NOT | F_STOP | F_ORG) == 0;
            let shaped = flags & (F_COMMON | F_NOT | F_STOP | F_ORG | F_TITLE) == 0
                && crate::name_shape::name_likeness(word) >= crate::names::SHAPE_MIN;
            let group = matches!(
                word.to_lowercase().as_str(),
                "here"
                    | "channel"
                    | "everyone"
                    | "all"
                    | "team"
                    | "channel's"
                    | "room"
                    | "admin"
                    | "admins"
                    | "support"
                    | "oncall"
                    | "on-call"
                    | "ops"
                    | "devops"
                    | "sre"
                    | "hdu"
                    | "icu"
                    | "ccu"
                    | "nurses"
                    | "doctors"
                    | "pharmacy"
                    | "helpdesk"
                    | "everybody"
            );
            // Or a word no language uses ("@mekdes podes ver …").
            if next_ok && !group && word.chars().count() >= 3 && (named || shaped || self.unknown_word(word)) {
                push(at + 1, end, 0.8);
            }
        }
    }

    /// A name written in two scripts: "Layla Haddad / ليلى حداد",
    /// "Дмитрий Соколов (Dmitri Sokolov)": the other script's words beside a found name.
    fn parallel_scripts(&self, text: &str, found: &[Candidate], out: &mut Vec<Candidate>) {
        let person = crate::Entity::Builtin(Kind::Person);
        let names: Vec<(usize, usize)> = found
            .iter()
            .chain(out.iter())
            .filter(|c| c.kind == person && c.score >= 0.5)
            .map(|c| (c.start, c.end))
            .collect();
        let other_script = |w: &str| w.chars().all(|c| c.is_alphabetic() && !c.is_ascii() && !is_latin(c));
        for (start, end) in names {
            // After: " / 박서연", " (Дмитрий Соколов)".
            for sep in [" / ", " (", " - "] {
                if let Some(rest) = text[end..].strip_prefix(sep) {
                    // The other script's words right after, at most four.
                    let (mut len, mut pos) = (0, 0);
                    for _ in 0..4 {
                        let tail = &rest[pos..];
                        let wlen = tail
                            .find(|c: char| !(c.is_alphabetic() || c == '\u{200c}'))
                            .unwrap_or(tail.len());
                        if wlen == 0 || !other_script(&tail[..wlen]) {
                            break;
                        }
                        len = pos + wlen;
                        if !tail[wlen..].starts_with(' ') {
                            break;
                        }
                        pos = len + 1;
                    }
                    let run = rest[..len].trim_end();
                    if !run.is_empty() {
                        let s = end + sep.len();
                        out.push(Candidate {
                            kind: Kind::Person.into(),
                            start: s,
                            end: s + run.len(),
                            score: 0.8,
                            detector: "names.context",
                        });
                    }
                }
            }
            // Before: "Дмитрий Соколов (Dmitri Sokolov)", "ليلى حداد / Layla Haddad".
            for sep in [" (", " / "] {
                if let Some(head) = text[..start].strip_suffix(sep) {
                    // The other script's words right before, at most four.
                    let (mut cut, mut begin) = (head.len(), head.len());
                    for _ in 0..4 {
                        let word_start = head[..cut].rfind(' ').map_or(0, |k| k + 1);
                        let w = &head[word_start..cut];
                        if w.is_empty() || !other_script(w) {
                            break;
                        }
                        begin = word_start;
                        if word_start == 0 {
                            break;
                        }
                        cut = word_start - 1;
                    }
                    if begin < head.len() {
                        out.push(Candidate {
                            kind: Kind::Person.into(),
                            start: begin,
                            end: start - sep.len(),
                            score: 0.8,
                            detector: "names.context",
                        });
                    }
                }
            }
        }
    }

    /// A surname in capitals, a comma, its given name, opening a field and ending it: "OYELARAN,
    /// Tavita\t12/03/1961", "Referral: ABDULLAYEV, Tendai, born …", "| SIREGAR, Līga |". Each
    /// part a name the lists hold, or a word no language uses (the surname four letters or more).
    fn capital_surname_given(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        for comma in memchr::memmem::find_iter(b, b", ") {
            // The surname: up to three words in capitals right before the comma.
            let mut s = comma;
            let mut words = 0;
            while words < 3 {
                let w = b[..s]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_uppercase() || **c >= 0x80 || matches!(c, b'-' | b'\''))
                    .count();
                if w == 0 {
                    break;
                }
                s -= w;
                words += 1;
                if s > 1 && b[s - 1] == b' ' && b[s - 2].is_ascii_uppercase() {
                    s -= 1;
                } else {
                    break;
                }
            }
            let surname = &text[s..comma];
            if words == 0 || !surname.chars().any(char::is_alphabetic) || surname.chars().any(char::is_lowercase) {
                continue;
            }
            // It opens a field: the line, a label's colon, a cell, a dash.
            let before = b[..s].trim_ascii_end();
            // Or a numbered list's item: "1. ÖZTÜRK, Zeynep", "12) LAKE, Golnaz".
            let numbered = before
                .strip_suffix(b".")
                .or_else(|| before.strip_suffix(b")"))
                .is_some_and(|n| {
                    let d = n.iter().rev().take_while(|c| c.is_ascii_digit()).count();
                    (1..=3).contains(&d) && n.len().checked_sub(d + 1).is_none_or(|k| n[k] == b'\n' || n[k] == b' ')
                });
            // Or a fixed-width report's row, its number then a column's gap: "2  JOVANOVIĆ, Dušan".
            let row = b[..s].ends_with(b"  ") && {
                let d = before.iter().rev().take_while(|c| c.is_ascii_digit()).count();
                (1..=4).contains(&d) && before.len().checked_sub(d + 1).is_none_or(|k| before[k] == b'\n')
            };
            let opens = s == 0
                || matches!(b[s - 1], b'\n' | b'\t' | b'|' | b'"')
                || matches!(before.last(), Some(b':' | b'|' | b'-'))
                || before.ends_with("–".as_bytes())
                || numbered
                || row;
            if !opens {
                continue;
            }
            let surname_ok = surname.split(' ').all(|w| {
                let f = self.lookup(w);
                f & (F_NOT | F_STOP | F_ORG | F_TITLE) == 0
                    && (f & F_SURNAME != 0 && f & F_COMMON == 0 || w.chars().count() >= 4 && self.unknown_word(w))
            });
            if !surname_ok {
                continue;
            }
            // The given name: one capitalized word, or two.
            let Some((mut e, given)) = word_at(text, comma + 2) else {
                continue;
            };
            let given_ok = |w: &str| {
                w.starts_with(char::is_uppercase)
                    && !w.chars().skip(1).any(char::is_uppercase)
                    && self.listed_or_unknown(w, F_GIVEN, F_NOT | F_STOP | F_ORG | F_TITLE | F_COMMON)
            };
            if !given_ok(given) {
                continue;
            }
            if b.get(e) == Some(&b' ') {
                if let Some((e2, _)) = word_at(text, e + 1).filter(|(_, w)| given_ok(w)) {
                    e = e2;
                }
            }
            let ends = matches!(b.get(e), None | Some(b',' | b'\t' | b'\n' | b'\r' | b'|' | b'"' | b';'))
                || b[e..].starts_with(b" |")
                || b[e..].starts_with(b" (")
                || b[e..].starts_with(b" -")
                || b[e..].starts_with(b"  ")
                || b.get(e) == Some(&b' ') && b.get(e + 1).is_some_and(u8::is_ascii_digit);
            if ends {
                out.push(cand(Kind::Person, s, e, 0.85, "names.context"));
            }
        }
    }

    /// A message signed after a dash at its line's end: "Can you call me back? – Tavita",
    /// "Thanks. - Aroha Ngata". Each word a name the lists hold or a word no language uses.
    fn dash_signatures(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        for dash in ["- ", "– ", "— "] {
            for at in memchr::memmem::find_iter(b, dash.as_bytes()) {
                let before = b[..at].trim_ascii_end();
                if at == 0 || b[at - 1] != b' ' || !matches!(before.last(), Some(b'.' | b'!' | b'?')) {
                    continue;
                }
                let Some(r) = self.read(text, at + dash.len(), STRONG) else {
                    continue;
                };
                let words_ok = text[r.start..r.end]
                    .split(' ')
                    .all(|w| self.listed(w, F_GIVEN | F_SURNAME) || self.unknown_word(w));
                if words_ok && r.tokens <= 3 && matches!(b.get(r.end), None | Some(b'\n' | b'\r')) {
                    out.push(cand(Kind::Person, r.start, r.end, 0.8, "names.context"));
                }
            }
        }
    }

    /// `"attending": "Jane Doe"`: a JSON key that names a person, and a value that is a name.
    fn json_names(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mut from = 0;
        while let Some(off) = memchr::memmem::find(&b[from..], b"\":") {
            let colon = from + off + 1;
            from = colon + 1;
            let Some(open) = text[..colon - 1].rfind('"') else {
                continue;
            };
            if colon - 1 - open > 40 {
                continue;
            }
            let key = &text[open + 1..colon - 1];
            let mut p = colon + 1;
            while p < b.len() && b[p] == b' ' {
                p += 1;
            }
            // A list of names: FHIR's `"given": ["Rhys", "Owen"]`.
            let list = b.get(p) == Some(&b'[');
            if list {
                p += 1;
                while p < b.len() && b[p] == b' ' {
                    p += 1;
                }
            }
            if b.get(p) != Some(&b'"') {
                continue;
            }
            // FHIR's HumanName (`"name": [{"family": …, "given": [...]}]`, `"name": {"text": …}`)
            // names its parts alone, and so does a person's object (`"patient": {"first": …}`).
            let human_name = match key {
                "family" | "given" | "text" => enclosing_key(text, open) == Some("name"),
                "first" | "last" | "middle" | "surname" => {
                    enclosing_key(text, open).is_some_and(|k| k == "name" || person_key(k) >= Some(2))
                }
                _ => false,
            };
            if let Some(strength) = person_key(key).or(human_name.then_some(2)) {
                self.quoted_name(text, p, b'"', strength, out);
                // The list's other items, up to eight.
                let mut q = p;
                for _ in 0..usize::from(list) * 8 {
                    let Some(close) = memchr::memchr(b'"', &b[q + 1..]).map(|k| q + 1 + k) else {
                        break;
                    };
                    let rest = &b[close + 1..];
                    let gap = rest.iter().take_while(|c| matches!(c, b',' | b' ')).count();
                    if !rest.starts_with(b",") || rest.get(gap) != Some(&b'"') {
                        break;
                    }
                    q = close + 1 + gap;
                    self.quoted_name(text, q, b'"', strength, out);
                }
            }
        }
        // The same in a log line's key=value pairs: `name="Nowak, Jiho"`, `patient='Ana Kovač'`.
        for eq in memchr::memchr_iter(b'=', b) {
            let Some(&quote) = b.get(eq + 1).filter(|q| matches!(q, b'"' | b'\'')) else {
                continue;
            };
            let key_start = b[..eq]
                .iter()
                .rposition(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')))
                .map_or(0, |k| k + 1);
            let key = &text[key_start..eq];
            if let Some(strength) = key.rsplit('.').next().and_then(person_key) {
                self.quoted_name(text, eq + 1, quote, strength, out);
            }
        }
    }

    /// The name in a quoted value that opens at `open`, its key naming a person with
    /// `strength` (see [`person_key`]); a surname before its given name after a comma
    /// ("Nowak, Jiho") is one name.
    fn quoted_name(&self, text: &str, open: usize, quote: u8, strength: u8, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mode = Mode {
            lower: strength >= 2,
            single: true,
            titles: true,
            suffixes: true,
        };
        if let Some(r) = self
            .read(text, open + 1, mode)
            .map(|r| self.surname_comma_given(text, r))
        {
            // A part's key takes a word of any kind, but not a placeholder ("Unknown", "N/A").
            let part = strength >= 3
                && r.start == open + 1
                && r.tokens <= 2
                && text[r.start..r.end]
                    .split(' ')
                    .all(|w| self.lookup(w) & (F_NOT | F_STOP | F_TITLE | F_ORG) == 0);
            if b.get(r.end) == Some(&quote)
                && (part || strength >= 2 && r.common < r.tokens || r.tokens >= 2 && r.common == 0)
            {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: r.start,
                    end: r.end,
                    score: 0.9,
                    detector: "names.context",
                });
            }
        }
    }

    /// A name right before an e-mail address that spells it: "Hope
    /// Thompson hope.thompson@…", "Guoqiang Liu <gliu@…>", "Ana Kovač\n
    /// akovac@…". People's addresses are made of their names; a firm's
    /// "info@" or "billing@" spells none of the words before it.
    fn email_names(&self, text: &str, found: &[Candidate], out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let email = crate::Entity::Builtin(Kind::Email);
        for c in found.iter().filter(|c| c.kind == email) {
            let Some(at) = text[c.start..c.end].find('@') else {
                continue;
            };
            let local = crate::clinical::fold(&text[c.start..c.start + at]);
            let pieces: Vec<&str> = local
                .split(|ch: char| !ch.is_ascii_alphabetic())
                .filter(|p| p.len() >= 2)
                .collect();
            let letters: String = local.chars().filter(char::is_ascii_alphabetic).collect();
            if letters.len() < 2 {
                continue;
            }
            // The separator between the name and the address.
            let seps: [&[u8]; 7] = [b" <", b" (", b" | ", b" - ", b", ", b"\n", b" "];
            let Some(len) = seps.iter().find(|s| b[..c.start].ends_with(s)).map(|s| s.len()) else {
                continue;
            };
            let end = c.start - len;
            if end == 0 || !b[end - 1].is_ascii_alphabetic() && b[end - 1] < 0x80 {
                continue;
            }
            let mode = Mode {
                lower: false,
                single: true,
                titles: true,
                suffixes: true,
            };
            let line = text[..end].rfind('\n').map_or(0, |i| i + 1);
            let mut w0 = end;
            while w0 > line
                && (b[w0 - 1].is_ascii_alphabetic() || b[w0 - 1] >= 0x80 || matches!(b[w0 - 1], b'\'' | b'-'))
            {
                w0 -= 1;
            }
            let from = words_before(b, w0, 3).max(line);
            let mut s = from;
            while s < end {
                if let Some(r) = self.read(&text[..end], s, mode).filter(|r| r.end == end) {
                    let words: Vec<String> = text[r.start..r.end]
                        .split([' ', '-', '\''])
                        .map(crate::clinical::fold)
                        .filter(|w| w.chars().any(|ch| ch.is_alphabetic()))
                        .collect();
                    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
                    let spelled = words
                        .iter()
                        .any(|w| pieces.contains(&w.as_str()) || w.len() >= 3 && letters.contains(w.as_str()))
                        || words.len() >= 2 && letters == initials;
                    if spelled && r.common < r.tokens && !crate::names::place(text, r.start, r.end) {
                        out.push(Candidate {
                            kind: Kind::Person.into(),
                            start: r.start,
                            end: r.end,
                            score: 0.85,
                            detector: "names.context",
                        });
                        break;
                    }
                }
                // The next word's start.
                match b[s..end].iter().position(|&x| x == b' ') {
                    Some(off) => s += off + 1,
                    None => break,
                }
            }
        }
    }

    /// "Subject: Sick leave - Jane Doe": a name at the end of a subject line.
    fn subject_names(&self, text: &str, out: &mut Vec<Candidate>) {
        for label in [
            "Subject:",
            "Betreff:",
            "Objet :",
            "Objet:",
            "Asunto:",
            "Oggetto:",
            "Onderwerp:",
            "Re:",
            "RE:",
        ] {
            let mut from = 0;
            while let Some(off) = memchr::memmem::find(&text.as_bytes()[from..], label.as_bytes()) {
                let start = from + off;
                from = start + label.len();
                let line_end = text[from..].find('\n').map_or(text.len(), |e| from + e);
                let line = &text[from..line_end];
                let Some(dash) = line
                    .rfind(" - ")
                    .or_else(|| line.rfind(" – "))
                    .or_else(|| line.rfind(": "))
                else {
                    continue;
                };
                let p = from + dash + line[dash..].find(' ').unwrap_or(0) + 1;
                let p = p + text[p..].find(' ').map_or(0, |x| x + 1).min(line_end - p);
                if let Some(r) = self.read(text, p, STRONG) {
                    if (r.end == line_end || text[r.end..line_end].trim().is_empty())
                        && r.common < r.tokens
                        && (r.tokens >= 2 || r.known >= 1)
                    {
                        out.push(Candidate {
                            kind: Kind::Person.into(),
                            start: r.start,
                            end: r.end,
                            score: 0.85,
                            detector: "names.context",
                        });
                    }
                }
            }
        }
    }

    /// A nickname in quotes or brackets between the given name and the
    /// surname: `Robert "Bob" Kowalski`, `Margarethe „Grete“ Oyelaran`,
    /// `Wiremu (Bill) Te Awa`. The whole is one person; otherwise each part
    /// stands alone and the quoted one is taken for a title.
    fn nicknames(&self, text: &str, out: &mut Vec<Candidate>) {
        const PAIRS: [(&str, &str); 8] = [
            ("\"", "\""),
            ("'", "'"),
            ("(", ")"),
            ("„", "“"),
            ("“", "”"),
            ("‘", "’"),
            ("«", "»"),
            ("‹", "›"),
        ];
        let b = text.as_bytes();
        let barred = F_NOT | F_STOP | F_ORG | F_TITLE;
        let mut i = 1;
        while i < b.len() {
            let c = b[i];
            if b[i - 1] != b' ' || !matches!(c, b'"' | b'\'' | b'(' | 0xE2 | 0xC2) {
                i += 1;
                continue;
            }
            let at = i;
            i += 1;
            let Some(&(open, close)) = PAIRS.iter().find(|(o, _)| text[at..].starts_with(o)) else {
                continue;
            };
            let inner = at + open.len();
            let Some((e, nick)) = word_at(text, inner) else {
                continue;
            };
            let Some(after) = text[e..].strip_prefix(close).and_then(|r| r.strip_prefix(' ')) else {
                continue;
            };
            let given_start = words_before(b, at, 1);
            if given_start + 1 >= at {
                continue;
            }
            let given = &text[given_start..at - 1];
            let Some((end, surname)) = word_at(text, text.len() - after.len()) else {
                continue;
            };
            let capitalized = |w: &str| w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase);
            if !(capitalized(given) && capitalized(nick) && capitalized(surname)) {
                continue;
            }
            if self.listed_or_unknown(given, F_GIVEN, barred | F_COMMON)
                && self.lookup(nick) & barred == 0
                && self.listed_or_unknown(surname, F_GIVEN | F_SURNAME, barred)
            {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: given_start,
                    end,
                    score: 0.9,
                    detector: "names.context",
                });
            }
        }
    }

    /// "I'm sorry to hear that, Théo." / "Vervelend, Marieke.": a known given
    /// name addressed at the end of a clause.
    fn vocatives(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let addressed_name = |start: usize, end: usize| Candidate {
            kind: Kind::Person.into(),
            start,
            end,
            score: 0.8,
            detector: "names.context",
        };
        let mut from = 0;
        while let Some(off) = memchr::memmem::find(&b[from..], b", ") {
            let p = from + off + 2;
            from = p;
            if !b.get(p).is_some_and(|c| c.is_ascii_uppercase() || *c >= 0xC3) {
                continue;
            }
            let Some(r) = self.read(
                text,
                p,
                Mode {
                    titles: false,
                    suffixes: true,
                    single: true,
                    lower: false,
                },
            ) else {
                continue;
            };
            if r.tokens != 1
                || !matches!(b.get(r.end), Some(b'.' | b'?' | b'!'))
                || !matches!(b.get(r.end + 1), None | Some(b' ' | b'\n' | b'\r'))
                || crate::names::place(text, r.start, r.end)
            {
                continue;
            }
            let flags = self.lookup(&text[r.start..r.end]);
            if flags & F_GIVEN != 0 && flags & (F_COMMON | F_NOT | F_STOP) == 0 {
                out.push(addressed_name(r.start, r.end));
            }
        }
        // "Desmond-Kenji, your appt at …", "imran, your results are ready": a message
        // that opens on the name of the one it speaks to.
        const YOUR: &[&str] = &[
            ", your ",
            ", you ",
            ", votre ",
            ", vos ",
            ", ton ",
            ", ta ",
            ", tes ",
            ", tu ",
            ", su ",
            ", sus ",
            ", tua ",
            ", tuo ",
            ", il tuo ",
            ", la tua ",
            ", seu ",
            ", sua ",
            ", dein ",
            ", deine ",
            ", ihr ",
            ", ihre ",
            ", je ",
            ", uw ",
        ];
        let mut line = 0;
        loop {
            let p = line + b[line..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
            let mode = Mode {
                titles: false,
                suffixes: true,
                single: true,
                lower: true,
            };
            if let Some(r) = self.read(text, p, mode) {
                let flags = self.lookup(&text[r.start..r.end]);
                let addressed = YOUR.iter().any(|y| text[r.end..].starts_with(y));
                let name = if r.lower {
                    r.tokens == 1 && flags & F_GIVEN != 0 && flags & (F_COMMON | F_NOT | F_STOP) == 0
                } else {
                    r.common < r.tokens && r.tokens <= 3 && flags & (F_NOT | F_STOP) == 0
                };
                if addressed && name {
                    out.push(addressed_name(r.start, r.end));
                }
            }
            match memchr::memchr(b'\n', &b[line..]) {
                Some(k) => line += k + 1,
                None => break,
            }
        }
        // "Thanks Vasilis.", "Thank you Ngozi, and …": thanks said to someone by name.
        for t in ["Thanks ", "Thank you ", "Thx ", "Thanks so much ", "Thank you so much "] {
            for (i, _) in text.match_indices(t) {
                let p = i + t.len();
                if !greeting_start(b, i) || !b.get(p).is_some_and(|c| c.is_ascii_uppercase() || *c >= 0xC3) {
                    continue;
                }
                let mode = Mode {
                    titles: true,
                    suffixes: true,
                    single: true,
                    lower: false,
                };
                let Some(r) = self.read(text, p, mode) else { continue };
                let word = &text[r.start..r.end];
                let flags = self.lookup(word);
                // One word, then the sentence or the clause ends.
                let ends = matches!(b.get(r.end), Some(b'.' | b',' | b'!'))
                    && matches!(b.get(r.end + 1), None | Some(b' ' | b'\n' | b'\r'));
                let name_shaped = word.chars().count() >= 3
                    && case_of(word) == 'C'
                    && flags & (F_COMMON | F_NOT | F_STOP | F_ORG | F_TITLE) == 0
                    && (flags & (F_GIVEN | F_SURNAME) != 0 || !english_suffix(word));
                if r.tokens == 1 && ends && name_shaped && !crate::names::place(text, r.start, r.end) {
                    out.push(Candidate {
                        kind: Kind::Person.into(),
                        start: r.start,
                        end: r.end,
                        score: if flags & (F_GIVEN | F_SURNAME) != 0 { 0.8 } else { 0.7 },
                        detector: "names.context",
                    });
                }
            }
        }
    }

    /// A caller's name read on into where they call from: "chidinma okafor van de bank",
    /// "olena quispe de centro de salud". Cut before the particle when a word after it is
    /// no name; other reads are returned as they are.
    fn before_place(&self, text: &str, r: Read) -> Read {
        let words: Vec<(usize, &str)> = text[r.start..r.end]
            .split(' ')
            .scan(r.start, |at, w| {
                let here = *at;
                *at += w.len() + 1;
                Some((here, w))
            })
            .collect();
        for (i, &(at, w)) in words.iter().enumerate().skip(1) {
            let particle = self.lookup(w) & F_PARTICLE != 0 && w.chars().all(char::is_lowercase);
            let place = words[i + 1..]
                .iter()
                .any(|&(_, x)| self.lookup(x) & (F_ORG | F_NOT | F_COMMON) != 0 || !self.name_word(x));
            if particle && place {
                let kept = |f: u8| words[..i].iter().filter(|&&(_, x)| self.lookup(x) & f != 0).count();
                return Read {
                    end: at - 1,
                    tokens: i,
                    known: kept(F_GIVEN | F_SURNAME),
                    common: kept(F_COMMON),
                    ..r
                };
            }
        }
        r
    }

    /// After a title, a name in lower case is a surname alone ("mevr. jansen wilt u …")
    /// unless it begins with a given name ("mr. chidi okafor") or ends cleanly ("sig.ra
    /// ada lo-russo, …"): the read is cut after its first word otherwise.
    fn surname_after_title(&self, text: &str, r: Read) -> Read {
        let b = text.as_bytes();
        let first_end = text[r.start..r.end].find(' ').map_or(r.end, |i| r.start + i);
        let f = self.lookup(&text[r.start..first_end]);
        if r.tokens <= 1 || f & F_GIVEN != 0 || ends_clean(b, r.end) || after_own_name(b, r.end) {
            return r;
        }
        Read {
            end: first_end,
            tokens: 1,
            known: usize::from(f & (F_GIVEN | F_SURNAME) != 0),
            common: usize::from(f & F_COMMON != 0),
            ..r
        }
    }

    /// "Kühn, Jana" after a label: a surname, a comma and one given name,
    /// then the field ends. Other reads are returned as they are.
    fn surname_comma_given(&self, text: &str, r: Read) -> Read {
        let b = text.as_bytes();
        if r.tokens != 1 || r.lower || !b[r.end..].starts_with(b", ") {
            return r;
        }
        let mode = Mode {
            titles: false,
            suffixes: true,
            single: true,
            lower: false,
        };
        match self.read(text, r.end + 2, mode) {
            Some(g)
                if g.tokens == 1
                    && self.lookup(&text[g.start..g.end]) & (F_NOT | F_STOP | F_ORG | F_TITLE) == 0
                    && (ends_clean(b, g.end) || label_follows(b, g.end))
                    // Not the next field's label: "Cognome: Abdulrahman, Nome: Yusuf".
                    && colon_after(b, g.end).is_none() =>
            {
                Read {
                    end: g.end,
                    tokens: 2,
                    known: r.known + g.known,
                    common: r.common + g.common,
                    ..r
                }
            }
            _ => r,
        }
    }

    /// A name read after a label, without the next field's label when the
    /// read ran into it: "Gergely" of "First name: Gergely Last name: …",
    /// "Ana Kovač" of "Name: Ana Kovač Phone: …".
    /// A name read after a label, without the next field's word when no colon
    /// marks it: "PRÉNOM : FARZANA DATE DE NAISSANCE : …", "Name Ana Kovač DOB …".
    fn before_field_word(&self, text: &str, ctx: &Context<'_>, r: Read, mode: Mode) -> Option<Read> {
        let b = text.as_bytes();
        match (r.start + 1..r.end).find(|&k| b[k - 1] == b' ' && crate::names::field_label_at(ctx, k)) {
            Some(field) => self.read(&text[..field - 1], r.start, mode),
            None => Some(r),
        }
    }

    fn before_next_label(&self, text: &str, r: Read, mode: Mode) -> Option<Read> {
        let b = text.as_bytes();
        // In lower case the next label is all lower case too ("sabine de vries iban:"):
        // only a colon right after the last word makes that word a label's.
        let at_label = if r.lower {
            colon_after(b, r.end).is_some()
        } else {
            label_at(b, r.end)
        };
        if !at_label || r.tokens < 2 {
            return Some(r);
        }
        // Read again up to the last word's start: it is the next label's.
        let last = text[r.start..r.end].rfind(' ')? + r.start;
        self.read(&text[..last], r.start, mode)
    }

    /// Names anchored by what follows them: a street address ("Wanida
    /// Kaewmanee, 1092 Yarrow Creek Path", "Ship to: Ahiga Etsitty 714 Elk
    /// View Run"), a date of birth or an age ("Enkhjargal Dorj, DOB …",
    /// "Taras Hrytsenko, 21, presents"), an identifier or contact found by
    /// the stages before ("Sravani Gollapudi - 020 600 7061", "Lusine
    /// Ter-Minasyan <lusine@…>", "(SSN …"), or a bed ("temitope in bed 23").
    /// The name is read forward from the earliest of the four words before
    /// the anchor that reads up to it.
    fn anchored(&self, text: &str, ctx: &Context<'_>, found: &[Candidate], out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let address = crate::Entity::Builtin(Kind::StreetAddress);
        let person = crate::Entity::Builtin(Kind::Person);
        let mut anchors: Vec<(usize, Anchor)> = Vec::new();
        // Not a diagnosis code: "Arterielle Hypertonie (I10)" names the condition.
        let icd10 = crate::Entity::Builtin(Kind::Icd10Code);
        for c in found
            .iter()
            .filter(|c| c.kind != person && c.kind != icd10 && c.score >= 0.55)
        {
            let a = if c.kind == address && c.score >= 0.8 {
                Anchor::Address
            } else {
                Anchor::Identifier
            };
            // With its label right before it: "Jordi Quispe, IBAN DE89 …", "Ana Lee, acct 00375111498".
            let labels = cx::IBAN | cx::ACCOUNT | cx::CARD | cx::BIC;
            match ctx.nearest_before(c.start, labels, 16).filter(|h| {
                a == Anchor::Identifier && text[h.end..c.start].bytes().all(|x| matches!(x, b' ' | b':' | b'#'))
            }) {
                Some(h) => anchors.push((h.start, Anchor::Labelled)),
                None => anchors.push((c.start, a)),
            }
        }
        // Not a plan's words: an insurer's name comes before a member ID as often as a person's.
        // A prescriber's number names a person too: "provider Faisal Mirza (NPI …)".
        let attr = cx::PERSON_DATE | cx::SSN | cx::MRN | cx::ITIN | cx::NAME_BED | cx::NPI | cx::DEA;
        for h in ctx
            .hits
            .iter()
            .filter(|h| h.kinds & attr != 0 && h.kinds & cx::NOT_PERSON_DATE == 0)
        {
            let a = if h.kinds & cx::NAME_BED != 0 {
                Anchor::Other
            } else {
                Anchor::Identifier
            };
            anchors.push((h.start, a));
        }
        // A date of birth in brackets: "Théo Shevchenko (24/03/1980) called re: …".
        for (i, _) in text.match_indices(" (") {
            let inner = &b[i + 2..];
            let len = inner
                .iter()
                .take_while(|c| c.is_ascii_digit() || matches!(c, b'/' | b'.' | b'-'))
                .count();
            let date = &inner[..len];
            let seps = date.iter().filter(|c| !c.is_ascii_digit()).count();
            if (8..=10).contains(&len) && seps == 2 && inner.get(len) == Some(&b')') {
                anchors.push((i + 2, Anchor::Dated));
            }
        }
        // A relation in brackets: "sabbir (partner)", "Quang Trần (Bruder)".
        for h in ctx
            .hits
            .iter()
            .filter(|h| h.kinds & cx::PERSON_AFTER != 0 && b[h.start] == b'(')
        {
            anchors.push((h.start, Anchor::Relation));
        }
        // An age: ", 21, presents", ", 71 ans", ", 49 J.", " (54 y/o)".
        for (i, _) in text.match_indices(", ").chain(text.match_indices(" (")) {
            let p = i + 2;
            let digits = b[p..].iter().take_while(|c| c.is_ascii_digit()).count();
            if (1..=3).contains(&digits) {
                let rest = &text[p + digits..];
                let age = [
                    ",", " y", " yo", " J", " ans", " años", " anni", " jaar", " jr", "M", "F", " M", " F", "y", "j",
                ]
                .iter()
                .any(|u| rest.starts_with(u) && rest[u.len()..].starts_with([',', ' ', '.', ')', '/', 'o']));
                if age {
                    anchors.push((p, Anchor::Other));
                }
            }
        }
        // A clinician's grade in brackets: "Seen with Panagiota (SHO)", "Presenting: Kadri (CNS)".
        for (i, _) in text.match_indices(" (") {
            let inner = &text[i + 2..];
            // Looked for within 24 bytes: a scan to the text's end would be quadratic.
            let Some(close) = inner.bytes().take(24).position(|c| c == b')') else {
                continue;
            };
            if !CLINICAL_GRADES
                .split('|')
                .any(|g| g.eq_ignore_ascii_case(&inner[..close]))
            {
                continue;
            }
            // One name or two, each a name by the dictionaries or a word no language uses.
            for back in [2, 1] {
                let p = words_before(b, i + 1, back);
                let Some(r) = self
                    .read(&text[..i], p, STRONG)
                    .filter(|r| r.start == p && r.end == i && r.tokens == back)
                else {
                    continue;
                };
                let named = text[r.start..r.end].split(' ').all(|w| {
                    self.listed_or_unknown(w, F_GIVEN | F_SURNAME, F_COMMON | F_NOT | F_STOP | F_ORG | F_TITLE)
                });
                if named {
                    out.push(Candidate {
                        kind: Kind::Person.into(),
                        start: r.start,
                        end: r.end,
                        score: 0.85,
                        detector: "names.context",
                    });
                }
                break;
            }
        }
        // A clinician's credential after the name: "Priya Verma, DO", "HOPE Z. DAVIES, MD".
        for (i, _) in text.match_indices(", ") {
            let p = i + 2;
            let w = b[p..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic() || matches!(c, b'-'))
                .count();
            let next_ok = b.get(p + w).is_none_or(|c| !c.is_ascii_alphanumeric());
            if next_ok && CREDENTIALS.contains(&&text[p..p + w]) {
                anchors.push((p, Anchor::Other));
            }
        }
        anchors.sort_unstable();
        anchors.dedup();
        let mut done: std::collections::HashSet<usize> = std::collections::HashSet::new();
        for (at, anchor) in anchors {
            // An address or a relation may follow after a space; other anchors after a separator.
            let spaced = matches!(anchor, Anchor::Address | Anchor::Relation);
            let seps: [&[u8]; 9] = [
                b", ",
                b" (",
                b" - ",
                b" <",
                b"; ",
                b",\n",
                b"\n",
                b" in ",
                b" \xe2\x80\x93 ",
            ];
            let sep = seps
                .iter()
                .find(|s| at >= s.len() && b[..at].ends_with(s))
                .map(|s| s.len())
                .or_else(|| (spaced && at > 1 && b[at - 1] == b' ').then_some(1));
            // "Passport on file for Kofi Mensah: 548213377": a name whose value its colon gives,
            // after the word that makes it the value's owner.
            let owned = !spaced && sep.is_none() && b[..at].ends_with(b": ") && anchor != Anchor::Other;
            let Some(len) = sep.or(owned.then_some(2)) else {
                continue;
            };
            // A line break separates a name from its address only ("Jane Doe\n12 Main St").
            if anchor != Anchor::Address && b[at - len..at].contains(&b'\n') {
                continue;
            }
            let end = at - len;
            // "in" only before a bed or a room: "temitope in bed 23".
            let in_bed = b[end..at].starts_with(b" in ");
            if in_bed && !hits_at(ctx, at).any(|h| h.kinds & cx::NAME_BED != 0) {
                continue;
            }
            if done.contains(&end) || end == 0 {
                continue;
            }
            let mode = Mode {
                lower: in_bed || matches!(anchor, Anchor::Relation | Anchor::Identifier | Anchor::Labelled),
                single: true,
                titles: true,
                suffixes: true,
            };
            let mut w0 = end;
            while w0 > 0
                && (b[w0 - 1].is_ascii_alphabetic() || b[w0 - 1] >= 0x80 || matches!(b[w0 - 1], b'\'' | b'-' | b'.'))
            {
                w0 -= 1;
            }
            if w0 == end || !text.is_char_boundary(w0) {
                continue;
            }
            let from = words_before(b, w0, 3);
            let mut starts: Vec<usize> = vec![from];
            let mut k = from;
            while let Some(off) = b[k..end].iter().position(|c| *c == b' ') {
                k += off + 1;
                starts.push(k);
            }
            for s in starts {
                let Some(r) = self.read(&text[..end], s, mode) else {
                    continue;
                };
                if r.end != end {
                    continue;
                }
                // "Kontoinhaber Jordi Quispe, IBAN …": a first word that looks like no name
                // is a label or a word of the sentence, not a third name.
                let first = text[r.start..r.end].split(' ').next().unwrap_or("");
                if r.tokens >= 3
                    && self.lookup(first) & (F_GIVEN | F_SURNAME) == 0
                    && crate::name_shape::name_likeness(first) < crate::names::SHAPE_MIN
                {
                    continue;
                }
                let enough = if r.lower && matches!(anchor, Anchor::Identifier | Anchor::Labelled) {
                    // "me - arjun trivedi, ssn …": two words, one of them a known name.
                    r.tokens >= 2 && r.known >= 1 && r.common < r.tokens
                } else if r.lower {
                    r.tokens <= 2 && s > 0 && b[s - 1] == b' '
                } else if anchor == Anchor::Dated {
                    // "Release Notes (12/03/2024)" is no one.
                    r.tokens >= 2 && r.known + r.shaped >= 1 && r.common < r.tokens
                } else {
                    (r.tokens >= 2 || r.known >= 1 && spaced || anchor == Anchor::Relation) && r.common < r.tokens
                };
                // The word before must not be a capitalized one the read refused.
                let prev_cap = s >= 2 && b[s - 1] == b' ' && {
                    let q = words_before(b, s, 1);
                    q < s && b[q].is_ascii_uppercase() && q + 1 < s - 1
                };
                // "Deutsche Bank, IBAN …", "Banco Santander, IBAN …": a firm's word, even where a
                // surname is spelled so.
                let firm = text[r.start..r.end].split(' ').any(|w| self.lookup(w) & F_ORG != 0);
                // "PROBLEM LIST — OLIVEIRA, Zeynep (MRN: …)": a given name after its
                // surname and a comma; the two are two names.
                let surname = (!enough && r.tokens == 1 && !r.lower && r.start >= 4 && text[..r.start].ends_with(", "))
                    .then(|| {
                        let e = r.start - 2;
                        // After the character that ends the word before, whatever its width ("→").
                        let s = text[..e]
                            .char_indices()
                            .rev()
                            .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\''))
                            .map_or(0, |(k, c)| k + c.len_utf8());
                        (s, e)
                    })
                    .filter(|&(s, e)| {
                        let (w, given) = (&text[s..e], &text[r.start..r.end]);
                        e > s + 1
                            && w.chars().next().is_some_and(char::is_uppercase)
                            && self.lookup(w) & (F_NOT | F_STOP | F_ORG | F_TITLE | F_COMMON) == 0
                            && !CREDENTIALS.contains(&given)
                            && (self.lookup(given) & F_GIVEN != 0
                                || crate::name_shape::name_likeness(given) >= crate::names::SHAPE_MIN)
                    });
                if let Some((s, e)) = surname.filter(|_| !firm && anchor == Anchor::Identifier) {
                    for (start, end) in [(s, e), (r.start, r.end)] {
                        out.push(Candidate {
                            kind: Kind::Person.into(),
                            start,
                            end,
                            score: 0.85,
                            detector: "names.context",
                        });
                    }
                    done.insert(end);
                    break;
                }
                // Capitals throughout are a heading's words as often: "ENLACE A TUS RESULTADOS: https://…".
                let capitals = !text[r.start..r.end].chars().any(char::is_lowercase);
                if owned && (r.tokens < 2 || r.lower || capitals || r.common > 0 || !owner_before(text, r.start)) {
                    continue;
                }
                if enough && !prev_cap && !firm && !crate::names::place(text, r.start, r.end) {
                    out.push(Candidate {
                        kind: Kind::Person.into(),
                        start: r.start,
                        end: r.end,
                        score: if r.lower { 0.75 } else { 0.85 },
                        detector: "names.context",
                    });
                    done.insert(end);
                    break;
                }
            }
        }
    }

    /// Chat transcripts: "[10:42] Rayén Painemal: can someone reset my
    /// password", a speaker's name after a time stamp and before a colon.
    fn chat_speakers(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mut from = 0;
        while let Some(off) = text[from..].find("] ") {
            let p = from + off + 2;
            from = p;
            // "[10:42]" or "[09:15:03]" just before.
            // Looked for within 14 bytes: a scan back to the text's start would be quadratic.
            let lo = (p - 2).saturating_sub(14);
            let open = b[lo..p - 2].iter().rposition(|c| *c == b'[').map(|o| lo + o);
            let stamp = open.is_some_and(|o| {
                let inner = &b[o + 1..p - 2];
                inner.len() <= 12 && inner.iter().any(u8::is_ascii_digit) && (inner.contains(&b':') || clock(inner))
            });
            if !stamp {
                continue;
            }
            let Some(r) = self.read(text, p, STRONG) else { continue };
            // "Cliente:", "System:", "KYC:": a role, not a name; one word must be a known name.
            let role = hits_at(ctx, r.start).any(|h| h.kinds & (cx::PERSON | cx::NAME_NEXT | cx::NAME_LABEL) != 0);
            // Or one word no dictionary knows, of five letters or more, shaped like a name ("[10:43] Vardan:").
            let enough = r.tokens >= 2
                || r.known >= 1 && !text[r.start..r.end].chars().all(|c| !c.is_lowercase())
                || r.shaped >= 1 && text[r.start..r.end].chars().count() >= 5;
            let colon = b.get(r.end) == Some(&b':') || b[r.end..].starts_with(b" :");
            if colon && r.common < r.tokens && !role && enough {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: r.start,
                    end: r.end,
                    score: 0.85,
                    detector: "names.context",
                });
            }
        }
    }

    /// Who speaks in a chat or a call's transcript, at the start of each turn's line:
    /// "solène: pls ask …", "Avi 9:41: customer on hold …", "[whatsapp] femke: hi …",
    /// "deepika 07:12 : …". Only in a text of two such turns or more (roles such as
    /// "agent:" count as turns), where the turn has a clock or a stamp, or its speaker
    /// recurs beside another; and only where every word of the speaker is a name by the
    /// dictionaries or its shape, none an ordinary word (not even one that is also a name,
    /// as "Driver" or "Reason" are) and none a label's.
    fn turn_speakers(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mut turns: Vec<(usize, usize, bool)> = Vec::new();
        // Each turn's line, and whether a lower-case word follows its colon (a task, a note).
        let mut lines: Vec<(usize, bool)> = Vec::new();
        let mut line = 0;
        let mut number = 0;
        while line < b.len() {
            let line_end = memchr::memchr(b'\n', &b[line..]).map_or(b.len(), |i| line + i);
            if let Some(tag) = turn_tag(b, line, line_end) {
                let colon = tag.1 + memchr::memchr(b':', &b[tag.1..line_end]).unwrap_or(0);
                let after = b[colon + 1..line_end].trim_ascii_start();
                let word = after.iter().take_while(|c| c.is_ascii_lowercase()).count();
                let task = word > 0
                    && !after[word..].starts_with(b"://")
                    && crate::lexicon::is_word(&text[line_end - after.len()..line_end - after.len() + word]);
                lines.push((number, task));
                turns.push(tag);
            }
            line = line_end + 1;
            number += 1;
        }
        if turns.len() < 2 {
            return;
        }
        let mode = Mode {
            lower: true,
            single: true,
            titles: false,
            suffixes: true,
        };
        // How often each tag opens a turn (counted once, not per turn: a long log has
        // thousands of lines).
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for &(s, e, _) in &turns {
            *counts.entry(&text[s..e]).or_default() += 1;
        }
        for (t, &(s, e, stamped)) in turns.iter().enumerate() {
            let Some(r) = self.read(text, s, mode) else { continue };
            let tag = &text[s..e];
            let label = hits_at(ctx, s).any(|h| h.kinds != 0);
            // Minutes' owners, one a line, each before a task in lower case ("Amara: finished the
            // audit\nTavita: will chase pharmacy"): the line before or after is one too.
            let task = |k: usize| lines[k].1;
            let owners = task(t)
                && (t > 0 && task(t - 1) && lines[t - 1].0 + 1 == lines[t].0
                    || t + 1 < lines.len() && task(t + 1) && lines[t].0 + 1 == lines[t + 1].0);
            // A form's field ("Reason:", "Hergang:") is written once; a speaker's turns come
            // with a clock or recur beside another speaker's.
            let speaker = stamped || counts[tag] >= 2 && counts.len() >= 2 || owners;
            // A dictionary's name that is also an ordinary word never names a speaker here.
            // Or, with a clock, words no language uses ("[08:00] hamida: on it"); not a form's
            // compound labels that recur ("Kostform:", "Ontslagmedicatie:").
            let words_ok = self.plain_name_words(tag)
                && tag.split(' ').all(|w| {
                    self.lookup(w) & F_COMMON == 0 && (w.len() >= 4 || !w.bytes().all(|c| c.is_ascii_uppercase()))
                })
                || stamped
                    && tag
                        .split(' ')
                        .all(|w| self.unknown_word(w) && !w.bytes().all(|c| c.is_ascii_uppercase()));
            if r.end == e && speaker && !label && words_ok {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: s,
                    end: e,
                    score: if r.lower { 0.75 } else { 0.8 },
                    detector: "names.context",
                });
            }
        }
    }

    /// Who posted, in a chat copied from Slack or Teams: a line of one to three words and a
    /// clock ("Obinna 08:57", "juan pablo  9:41 AM"), then the message on the next line. Only
    /// where two such lines or more open messages (an agenda's "Lunch 12:30" lines follow one
    /// another), and where every word is a name by the dictionaries or its shape, or a word
    /// no language uses; no ordinary word, label, title or organisation's.
    fn author_lines(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        // Each line's words' span, if the line is an author's.
        let author = |line: &str, at: usize| -> Option<(usize, usize)> {
            let t = line.trim_end_matches([' ', '\t', '\r']);
            let t = ["AM", "PM", "am", "pm"]
                .iter()
                .find_map(|m| t.strip_suffix(m))
                .map_or(t, |x| x.trim_end_matches(' '));
            let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
            let rest = &t[..t.len() - digits];
            let rest = rest.strip_suffix(':')?;
            let hour = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
            if digits != 2 || !(1..=2).contains(&hour) {
                return None;
            }
            let words = rest[..rest.len() - hour].strip_suffix(' ')?.trim_end_matches(' ');
            let lead = words.len() - words.trim_start_matches(' ').len();
            let words = words.trim_start_matches(' ');
            let n = words.split(' ').count();
            let letters = words
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'));
            (lead == 0 && (1..=3).contains(&n) && letters && !words.contains("  ")).then(|| (at, at + words.len()))
        };
        let mut lines: Vec<(usize, usize, bool)> = Vec::new();
        let mut at = 0;
        while at < b.len() {
            let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
            let line = &text[at..end];
            lines.push((at, end, author(line, at).is_some()));
            at = end + 1;
        }
        // An author's line, then a message that is no author's line.
        let opens: Vec<(usize, usize)> = lines
            .windows(2)
            .filter(|w| w[0].2 && !w[1].2 && w[1].1 > w[1].0)
            .filter_map(|w| author(&text[w[0].0..w[0].1], w[0].0))
            .collect();
        if opens.len() < 2 {
            return;
        }
        for (s, e) in opens {
            let words = &text[s..e];
            let ok = words.split([' ', '-']).filter(|w| !w.is_empty()).all(|w| {
                self.listed_or_unknown(w, F_GIVEN | F_SURNAME, F_NOT | F_STOP | F_ORG | F_TITLE)
                    || self.name_word(w) && self.lookup(w) & (F_COMMON | F_NOT | F_STOP | F_ORG | F_TITLE) == 0
            });
            if ok {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: s,
                    end: e,
                    score: 0.8,
                    detector: "names.context",
                });
            }
        }
    }

    /// "Ana Kovač, Tiago Mendes, and Oyelaran": the names that go on a list
    /// which began with a name.
    fn lists(&self, text: &str, found: &[Candidate], out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mut ends: Vec<usize> = strong_names(found, out).map(|c| c.end).collect();
        ends.sort_unstable();
        ends.dedup();
        // Where the found names start: a given name that is also a word ("Amber") is one
        // between two of them ("Jadwiga, Oisín, Amber, Matti").
        let mut starts: Vec<usize> = strong_names(found, out).map(|c| c.start).collect();
        starts.sort_unstable();
        let mut k = 0;
        while k < ends.len() {
            let e = ends[k];
            k += 1;
            let seps: [&[u8]; 17] = [
                b", and ",
                b", ",
                b" and ",
                b" & ",
                b" und ",
                b" et ",
                b" y ",
                b" e ",
                b" en ",
                b", und ",
                b", et ",
                b", y ",
                b" or ",
                b" ou ",
                b" oder ",
                b" o ",
                b" oppure ",
            ];
            let Some(sep) = seps.iter().find(|s| b[e..].starts_with(s)) else {
                continue;
            };
            let p = e + sep.len();
            let mode = Mode {
                titles: true,
                suffixes: true,
                single: true,
                lower: false,
            };
            // Without the next field's label: "García, Yannick Krankenkasse: IKK".
            let Some(r) = self
                .read(text, p, mode)
                .and_then(|r| self.before_next_label(text, r, mode))
            else {
                continue;
            };
            let end_ok = matches!(b.get(r.end), None | Some(b',' | b'.' | b';' | b')' | b'\n' | b':'))
                || b[r.end..].starts_with(b" and ")
                || b[r.end..].starts_with(b" (")
                || label_follows(b, r.end);
            let upper = text[r.start..r.end].chars().all(|c| !c.is_lowercase());
            let prev_upper = text[..e].chars().rev().take(3).all(|c| !c.is_lowercase());
            // A particle opens a name only before names the dictionaries hold: "y de la Fuente",
            // not "y al AMPA", "und den Förderverein".
            let particle_ok = !text[r.start..].starts_with(char::is_lowercase)
                || text[r.start..r.end]
                    .split(' ')
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .all(|w| self.lookup(w) & (F_GIVEN | F_SURNAME) != 0 && !w.chars().all(|c| !c.is_lowercase()));
            let and = *sep != &b", "[..];
            let single_ok = r.tokens >= 2 || r.known >= 1 || r.shaped >= 1 || and;
            let between_names = r.tokens == 1
                && *sep == &b", "[..]
                && self.lookup(&text[r.start..r.end]) & (F_GIVEN | F_NOT | F_STOP | F_ORG | F_TITLE) == F_GIVEN
                && b[r.end..].starts_with(b", ")
                && starts.binary_search(&(r.end + 2)).is_ok();
            if end_ok
                && single_ok
                && particle_ok
                && (r.common < r.tokens || between_names)
                && (!upper || prev_upper)
                && !crate::names::place(text, r.start, r.end)
                && !ends.contains(&r.end)
            {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: r.start,
                    end: r.end,
                    score: 0.8,
                    detector: "names.context",
                });
                ends.push(r.end);
            }
        }
        // The item before a name: "raised with Tuva or Femke", "Mele o Rahman".
        let mut starts: Vec<usize> = strong_names(found, out).map(|c| c.start).collect();
        starts.sort_unstable();
        starts.dedup();
        let mode = Mode {
            titles: true,
            suffixes: true,
            single: true,
            lower: false,
        };
        for s in starts {
            let seps: [&[u8]; 12] = [
                b" and ",
                b" & ",
                b" und ",
                b" et ",
                b" y ",
                b" e ",
                b" en ",
                b" or ",
                b" ou ",
                b" oder ",
                b" o ",
                b" oppure ",
            ];
            let Some(sep) = seps.iter().find(|x| b[..s].ends_with(x)) else {
                continue;
            };
            let at = s - sep.len();
            for back in [2, 1] {
                let p = words_before(b, at + 1, back);
                let Some(r) = self
                    .read(text, p, mode)
                    .filter(|r| r.start == p && r.end == at && r.tokens == back)
                else {
                    continue;
                };
                let upper = text[r.start..r.end].chars().all(|c| !c.is_lowercase());
                // Not the last part of a longer name the reader could not take whole.
                let q = words_before(b, p, 1);
                let cut = q < p && text[q..].starts_with(char::is_uppercase);
                if (r.tokens >= 2 || r.known >= 1 || r.shaped >= 1)
                    && !cut
                    && r.common < r.tokens
                    && !upper
                    && !crate::names::place(text, r.start, r.end)
                    && !ends.contains(&r.end)
                {
                    out.push(Candidate {
                        kind: Kind::Person.into(),
                        start: r.start,
                        end: r.end,
                        score: 0.8,
                        detector: "names.context",
                    });
                }
                break;
            }
        }
    }

    /// An initial glued to a surname, as ward lists write them: "P.Hoffmann -
    /// needs PT", "b.carvalho - ricovero". The surname is one a dictionary
    /// knows, or (capitalized) a word no language uses shaped as a name; not a file's, a host's or an address's part ("a.out",
    /// "b.carvalho@…"), nor a species' ("E.coli", "S.aureus").
    fn glued_initials(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        for (dot, _) in text.match_indices('.') {
            if dot == 0 || dot + 1 >= b.len() || !b[dot - 1].is_ascii_alphabetic() {
                continue;
            }
            let s = dot - 1;
            if s > 0 && !matches!(b[s - 1], b' ' | b'\t' | b'\n' | b'(' | b',' | b';' | b'>' | b':') {
                continue;
            }
            let word_len = text[dot + 1..]
                .char_indices()
                .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\''))
                .map_or(text.len() - dot - 1, |(k, _)| k);
            let e = dot + 1 + word_len;
            let word = &text[dot + 1..e];
            if word.chars().count() < 3 {
                continue;
            }
            // Nothing glued after it: not "b.carvalho@host", "a.out.gz", "j.doe_2".
            if text[e..].starts_with(|c: char| c.is_alphanumeric() || matches!(c, '@' | '_' | '/'))
                || text[e..].starts_with('.') && text[e + 1..].starts_with(|c: char| c.is_alphanumeric())
            {
                continue;
            }
            let flags = self.lookup(word);
            let capital = word.starts_with(char::is_uppercase) && word.chars().skip(1).all(char::is_lowercase);
            let lower = word.chars().all(char::is_lowercase) && b[s].is_ascii_lowercase();
            let surname = flags & F_SURNAME != 0 && flags & (F_COMMON | F_STOP | F_NOT | F_ORG) == 0;
            let shaped =
                !crate::lexicon::is_word(word) && crate::name_shape::name_likeness(word) >= crate::names::SHAPE_MIN;
            if capital && (surname || shaped) || lower && surname {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: s,
                    end: e,
                    score: 0.8,
                    detector: "names.context",
                });
            }
        }
    }

    /// A list of three names or more that no cue announces, commas and then a
    /// conjunction: "Rania, Milena, Duc and Lerato will attend", "Field,
    /// Oluwaseun e Yui parteciperanno". Each item is one to three capitalized
    /// words; half the items or more (two at least) hold a word a dictionary
    /// knows as a name or shaped as one, not counting ordinary words ("Hope,
    /// Grant, Will and May"), and none is a firm's or a place's.
    fn name_lists(&self, text: &str, out: &mut Vec<Candidate>) {
        const CONJ: [&str; 8] = [" and ", " & ", " und ", " et ", " y ", " e ", " en ", " ou "];
        let b = text.as_bytes();
        let mode = Mode {
            titles: false,
            suffixes: false,
            single: true,
            lower: false,
        };
        for conj in CONJ {
            for (c, _) in text.match_indices(conj) {
                let Some(last) = self.read(text, c + conj.len(), mode) else {
                    continue;
                };
                if last.start != c + conj.len() || last.tokens > 3 {
                    continue;
                }
                // The items before, back to the clause's start (four items of three long words
                // at most: a bounded look back, whatever the text).
                let window = crate::windowed::floor_char(text, c.saturating_sub(160));
                let from = text[window..c]
                    .rfind(['.', ':', ';', '\n', '(', '!', '?'])
                    .map_or(window, |k| window + k + 1);
                let mut items: Vec<(usize, usize)> = Vec::new();
                let mut end = c;
                loop {
                    let seg_start = text[from..end].rfind(", ").map_or(from, |k| from + k + 2);
                    let seg = text[seg_start..end].trim_start();
                    let s = end - seg.len();
                    let words = seg.split(' ').count();
                    let capitalized = !seg.is_empty()
                        && words <= 3
                        && seg.split(' ').all(|w| {
                            w.starts_with(char::is_uppercase)
                                && w.chars().all(|ch| ch.is_alphabetic() || matches!(ch, '-' | '\'' | '’'))
                        });
                    if !capitalized {
                        break;
                    }
                    items.push((s, end));
                    if seg_start == from || !text[..seg_start].ends_with(", ") {
                        break;
                    }
                    end = seg_start - 2;
                }
                if items.len() < 2 {
                    continue;
                }
                items.push((last.start, last.end));
                let mut evidence = 0;
                let mut refused = false;
                for &(s, e) in &items {
                    let words: Vec<&str> = text[s..e].split(' ').collect();
                    let flags: Vec<u8> = words.iter().map(|w| self.lookup(w)).collect();
                    if flags.iter().any(|f| f & (F_ORG | F_TITLE | F_STOP | F_NOT) != 0)
                        || crate::names::place(text, s, e)
                    {
                        refused = true;
                        break;
                    }
                    // An ordinary word ("Field", "Hope") goes with the others, but says nothing.
                    if flags.iter().all(|f| f & F_COMMON != 0) {
                        continue;
                    }
                    // A name no dictionary holds as an ordinary word, or a word no language uses
                    // shaped as a name.
                    if words.iter().zip(&flags).any(|(w, f)| {
                        f & (F_GIVEN | F_SURNAME) != 0 && f & F_COMMON == 0
                            || !crate::lexicon::is_word(w)
                                && crate::name_shape::name_likeness(w) >= crate::names::SHAPE_MIN
                    }) {
                        evidence += 1;
                    }
                }
                if refused || evidence < 2 || evidence * 2 < items.len() {
                    continue;
                }
                // The list ends the clause or a verb follows it: "… and Lerato will attend".
                let after_ok = matches!(
                    b.get(last.end),
                    None | Some(b',' | b'.' | b';' | b')' | b'\n' | b':' | b'?' | b'!')
                ) || next_is_lower_word(b, last.end);
                // "Chowdhury, Jan-Willem and Farouk, Joost": two names written surname first.
                let pairs = text[last.end..]
                    .strip_prefix(", ")
                    .is_some_and(|t| t.starts_with(char::is_uppercase));
                if !after_ok || pairs {
                    continue;
                }
                for (s, e) in items {
                    out.push(Candidate {
                        kind: Kind::Person.into(),
                        start: s,
                        end: e,
                        score: 0.8,
                        detector: "names.context",
                    });
                }
            }
        }
    }

    /// Read a name at `p`: capitalized (or all-capital) words joined by single
    /// spaces, with particles, hyphens and initials inside; lower-case words
    /// only in `mode.lower`. Stops before a word that is not a name, and
    /// fails on an organisation or when nothing name-like is there.
    fn read(&self, text: &str, mut p: usize, mode: Mode) -> Option<Read> {
        let b = text.as_bytes();
        while p < b.len() && b[p] == b' ' {
            p += 1;
        }
        let mut r = Read {
            start: p,
            end: p,
            tokens: 0,
            known: 0,
            lower: false,
            common: 0,
            shaped: 0,
        };
        let mut pending_particles = 0usize;
        let mut all_upper = true;
        let mut guard = 0;
        loop {
            guard += 1;
            if guard > 10 || p >= b.len() {
                break;
            }
            let (wend, word) = word_at(text, p)?;
            let case = case_of(word);
            let initial = word.chars().count() == 1 && b.get(wend) == Some(&b'.') && case == 'C';
            // An initial is no word: "A. Popescu" is not the article "a".
            let flags = if initial {
                0
            } else {
                self.lookup(word.trim_end_matches(['\'', '’']))
            };
            let lw_flags = flags;
            if r.tokens == 0 && pending_particles == 0 && mode.titles && flags & F_TITLE != 0 && case != 'L' {
                // Skip a title: "Dr. ", "Frau ".
                let mut q = wend;
                if b.get(q) == Some(&b'.') {
                    q += 1;
                    // "Sig.ra", "Dott.ssa", "Prof.ssa".
                    while q < b.len() && b[q].is_ascii_lowercase() {
                        q += 1;
                    }
                }
                if b.get(q) != Some(&b' ') {
                    return None;
                }
                p = q + 1;
                r.start = p;
                continue;
            }
            // "Saludos, el equipo de Farmacia": a lower-case article opens no name.
            if r.tokens == 0 && pending_particles == 0 && case == 'L' && flags & F_STOP != 0 {
                return None;
            }
            let particle =
                flags & F_PARTICLE != 0 && (case == 'L' || r.tokens == 0 && case == 'C' && flags & (F_GIVEN) == 0);
            let name_like = match case {
                'C' => true,
                'U' => word.chars().count() >= 2 || initial,
                'L' => mode.lower && (r.tokens == 0 || r.lower) && !particle,
                _ => false,
            };
            if particle && !(case == 'L' && r.tokens == 0 && !mode.lower && pending_particles == 0 && !mode.titles) {
                pending_particles += 1;
            } else if !name_like {
                break;
            } else {
                let known = lw_flags & (F_GIVEN | F_SURNAME) != 0;
                // "Hope Mwale": a given name that also opens sentences ("Hope you are well")
                // starts a name when a capitalized word that is no ordinary one follows.
                let given_first = r.tokens == 0
                    && case == 'C'
                    && lw_flags & (F_GIVEN | F_STOP) == F_GIVEN
                    && b.get(wend) == Some(&b' ')
                    && word_at(text, wend + 1).is_some_and(|(_, next)| {
                        case_of(next) == 'C' && self.lookup(next) & (F_NOT | F_STOP | F_COMMON | F_ORG | F_TITLE) == 0
                    });
                let stop = lw_flags & (F_NOT | F_STOP) != 0 && !given_first
                    || lw_flags & F_ORG != 0 && (case == 'U' || !known)
                    || r.tokens > 0 && lw_flags & F_TITLE != 0;
                if stop {
                    if lw_flags & F_ORG != 0 && r.tokens > 0 {
                        return None; // "Tiago Mendes Hospital"
                    }
                    break;
                }
                if case == 'L' && !lower_ok(word) {
                    break;
                }
                // "chiamaka shevchenko punt geboren", "ama mensah um about": said punctuation
                // or a hesitation ends a name.
                if r.tokens > 0 && spoken_punctuation(&b[p..]) {
                    break;
                }
                // "Pat.-Nr.", "Tel.:": an abbreviation, not a name.
                if !initial && b.get(wend) == Some(&b'.') && b.get(wend + 1).is_some_and(|c| !c.is_ascii_whitespace()) {
                    break;
                }
                // "Onboarding", "Administration": English word shapes no name in the lists has.
                if mode.suffixes && case != 'L' && flags & (F_GIVEN | F_SURNAME) == 0 && english_suffix(word) {
                    break;
                }
                if case != 'U' {
                    all_upper = false;
                }
                if r.tokens == 0 {
                    r.lower = case == 'L';
                }
                r.tokens += 1;
                if flags & (F_GIVEN | F_SURNAME) != 0 {
                    r.known += 1;
                }
                if flags & F_COMMON != 0 {
                    r.common += 1;
                } else if flags & (F_GIVEN | F_SURNAME) == 0
                    && case == 'C'
                    && crate::name_shape::name_likeness(word) >= crate::names::SHAPE_MIN
                {
                    r.shaped += 1;
                }
                pending_particles = 0;
                r.end = wend;
                if initial {
                    r.end = wend + 1;
                }
            }
            if r.tokens >= 5 {
                break;
            }
            // The next word joins after one space (or an initial's ". ").
            let mut q = wend;
            if initial || particle && b.get(q) == Some(&b'.') {
                q += 1;
            }
            if b.get(q) == Some(&b' ') && b.get(q + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c >= 0x80) {
                p = q + 1;
            } else {
                break;
            }
        }
        let _ = all_upper;
        if r.tokens == 0 || r.tokens == 1 && !mode.single {
            return None;
        }
        // "Attendees: Clinical Lead, Compliance Officer": a post, not a person.
        let last = text[r.start..r.end].rsplit(' ').next().unwrap_or("");
        if r.tokens >= 2 && self.lookup(last) & F_GIVEN == 0 && crate::names::role_head(last) {
            return None;
        }
        // A capitalized name followed by an organisation word is an organisation.
        if let Some((_, next)) = b
            .get(r.end)
            .filter(|c| **c == b' ')
            .and_then(|_| word_at(text, r.end + 1))
        {
            if case_of(next) != 'L' && self.lookup(next) & F_ORG != 0 {
                return None;
            }
        }
        if text[..r.end].ends_with("'s") || text[..r.end].ends_with("’s") {
            r.end -= if text[..r.end].ends_with("'s") { 2 } else { 4 };
        }
        Some(r)
    }
}

/// Relations a name in brackets can be followed by: "(Ana Kovač, mother)".
const RELATIONS: &str = "father|mother|parent|son|daughter|wife|husband|partner|spouse|sister|brother|sibling|guardian|caregiver|carer|friend|neighbour|neighbor|aunt|uncle|grandmother|grandfather|niece|nephew|cousin|mère|père|fille|fils|épouse|époux|conjoint|conjointe|madre|padre|hija|hijo|esposa|esposo|pareja|moglie|marito|figlia|figlio|madre|mutter|vater|tochter|sohn|ehefrau|ehemann|partnerin|mãe|pai|filha|filho|marido|moeder|vader|dochter|zoon|echtgenoot|echtgenote";

/// A Latin letter (with its accents): the scripts the dictionaries are in.
/// Whether the word before `start` makes what follows a value's owner: "for", "of", "de", "für".
fn owner_before(text: &str, start: usize) -> bool {
    let Some(head) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let word = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    matches!(
        word.to_lowercase().as_str(),
        "for"
            | "of"
            | "to"
            | "from"
            | "de"
            | "du"
            | "des"
            | "van"
            | "von"
            | "für"
            | "di"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "pour"
            | "para"
            | "per"
            | "voor"
            | "aan"
            | "an"
            | "à"
            | "a"
    )
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The context hits that start at `at` (the hits are ordered by start).
/// The names found so far, before this stage and by it, that a list can go on from.
fn strong_names<'a>(found: &'a [Candidate], out: &'a [Candidate]) -> impl Iterator<Item = &'a Candidate> {
    found
        .iter()
        .chain(out.iter())
        .filter(|c| c.score >= 0.75 && c.kind == crate::Entity::Builtin(Kind::Person))
}

pub(crate) fn hits_at<'h>(ctx: &'h Context<'_>, at: usize) -> impl Iterator<Item = &'h cx::Hit> {
    let i = ctx.hits.partition_point(|h| h.start < at);
    ctx.hits[i..].iter().take_while(move |h| h.start == at)
}

/// Where up to `n` words (letters, apostrophes) before `start` on the same
/// line begin, each followed by one space: the "First " of "First name".
fn words_before(b: &[u8], start: usize, n: usize) -> usize {
    let mut k = start;
    for _ in 0..n {
        if k < 2 || b[k - 1] != b' ' {
            break;
        }
        let mut j = k - 1;
        while j > 0 && (b[j - 1].is_ascii_alphabetic() || b[j - 1] >= 0x80 || matches!(b[j - 1], b'\'' | b'-')) {
            j -= 1;
        }
        if j == k - 1 {
            break;
        }
        k = j;
    }
    k
}

/// Where up to `n` words after `end` on the same line end, each after one
/// space, stopping before a colon: the " des Versicherten" of "Name des
/// Versicherten:".
fn words_after(b: &[u8], end: usize, n: usize) -> usize {
    let mut k = end;
    for _ in 0..n {
        if b.get(k) != Some(&b' ') {
            break;
        }
        let mut j = k + 1;
        while j < b.len() && (b[j].is_ascii_alphabetic() || b[j] >= 0x80 || matches!(b[j], b'\'' | b'-')) {
            j += 1;
        }
        if j == k + 1 {
            break;
        }
        // Only if a colon follows these words.
        if colon_after(b, j).is_none() && b.get(j) != Some(&b' ') {
            break;
        }
        k = j;
        if colon_after(b, k).is_some() {
            return k;
        }
    }
    if colon_after(b, k).is_some() {
        k
    } else {
        end
    }
}

/// Whether the word that ends at `end` opens a field's label: "Phone:",
/// "Last name:", "Date of birth:" (not "Card" before " Number:", a label of
/// its own words).
pub(crate) fn label_at(b: &[u8], end: usize) -> bool {
    colon_after(b, end).is_some() || b.get(end + 1).is_some_and(u8::is_ascii_lowercase) && label_follows(b, end)
}

/// Whether the next field's label follows `end` on the line: " Last name:",
/// " Card number:", " Phone:".
fn label_follows(b: &[u8], end: usize) -> bool {
    let k = words_after(b, end, 3);
    k > end && colon_after(b, k).is_some()
}

/// Clinicians' credentials written after a name, as written (capitals).
pub(crate) const CREDENTIALS: &[&str] = &[
    "MD", "DO", "DDS", "DMD", "RN", "NP", "PA-C", "PhD", "MBBS", "MBChB", "FRCP", "FRCS", "PharmD", "RPh", "LCSW",
    "DPM", "APRN", "CRNA", "CNM", "FNP", "LPN", "MSN", "BSN", "MPH", "FACP", "FACS", "DNP", "PsyD", "LMFT", "LPC",
];

/// What a name was read before.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Anchor {
    /// A street line: the name may end a line before it, or a space.
    Address,
    /// An identifier, a contact or a date of birth found or announced.
    Identifier,
    /// A relation in brackets.
    Relation,
    /// An age, a bed.
    Other,
    /// A date in brackets: a name before it only where a word of it looks like one.
    Dated,
    /// An account's label and its number: "Jordi Quispe, IBAN DE89 …".
    Labelled,
}

/// The word at `p` (letters, with inner hyphens and apostrophes) and where it ends.
fn word_at(text: &str, p: usize) -> Option<(usize, &str)> {
    let mut end = p;
    for (off, ch) in text[p..].char_indices() {
        let ok = ch.is_alphabetic()
            || (matches!(ch, '-' | '\'' | '’')
                && off > 0
                && text[p + off + ch.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic));
        if !ok {
            break;
        }
        end = p + off + ch.len_utf8();
    }
    (end > p).then(|| (end, &text[p..end]))
}

/// 'C' capitalized (McDonald, O'Brien, al-Rashid), 'U' all capitals, 'L' lower case, 'O' other.
fn case_of(word: &str) -> char {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return 'O' };
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let lower = letters.iter().filter(|c| c.is_lowercase()).count();
    if first.is_uppercase() && lower == 0 && !letters.is_empty() {
        if letters.len() == 1 {
            'C'
        } else {
            'U'
        }
    } else if first.is_uppercase() {
        'C'
    } else if upper == 0 {
        'L'
    } else if word.contains('-')
        && word
            .rsplit('-')
            .next()
            .is_some_and(|s| s.starts_with(char::is_uppercase))
    {
        'C' // al-Rashid, el-Amin
    } else {
        'O'
    }
}

/// Endings of English words that are not names.
fn english_suffix(word: &str) -> bool {
    let w = word.to_lowercase();
    let n = w.chars().count();
    [
        "ing",
        "tion",
        "sion",
        "ment",
        "ness",
        "ity",
        "ism",
        "ology",
        "ance",
        "ence",
        "ship",
        "able",
        "ible",
        // Departments and posts in the other languages: "Kardiologie", "Pflegedienstleitung",
        // "Chefarzt", "Sozialdienst", "Intensivstation", "Psiquiatría".
        "logie",
        "logía",
        "logia",
        "iatrie",
        "iatría",
        "iatria",
        "leitung",
        "leiter",
        "leiterin",
        "arzt",
        "ärztin",
        "pfleger",
        "pflegerin",
        "dienst",
        "abteilung",
        "verwaltung",
        "station",
        "ambulanz",
    ]
    .iter()
    .any(|s| w.ends_with(s) && n > s.len() + 2)
}

/// A function word of [`LOWER_STOP`], as written (lower case).
pub(crate) fn is_lower_stop(word: &str) -> bool {
    static STOP: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    STOP.get_or_init(|| LOWER_STOP.split('|').collect()).contains(word)
}

/// What a person has, after "'s": relatives, records, care and accounts.
const POSSESSED: &str = "mum|mom|mother|dad|father|wife|husband|partner|son|daughter|sister|brother|kids|children|family|carer|caregiver|notes|bloods|labs|results|meds|medication|medications|chart|file|scan|x-ray|mri|appointment|referral|discharge|bed|room|obs|vitals|prescription|consent|account|card|claim|policy|loan|payment|statement|address|number|phone|email|birthday|dob|records|record|form|paperwork|visit|surgery|review|bloodwork|insurance|pension|salary|payslip|contract|leave";

/// The word that ends right before `end` (one space or none between), letters with
/// '-' inside, and where it starts.
fn lower_or_capital_word_before(text: &str, end: usize) -> Option<(usize, usize)> {
    let end = if text[..end].ends_with(' ') { end - 1 } else { end };
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '-')
        .last()
        .map(|(k, _)| k)?;
    (end > start).then_some((start, end))
}

/// Words after a firm's name that the organisation words do not hold, and devices named
/// after a person ("hickman line").
const FIRM_WORDS: &str = "line|lines|tube|drain|valve|shunt|splint|transport|transports|logistik|hermanos|brothers|bros|frères|fratelli|gebrüder|imaging|brokers|motors|builders|plumbing|electric|construction|catering|cleaning|realty|properties|studio|studios|architects";

fn word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || c >= 0x80
        || matches!(
            c,
            b'@' | b'.' | b'/' | b'_' | b'\\' | b'#' | b'$' | b'%' | b'&' | b'=' | b'\'' | b'-'
        )
}

/// The lower-case word that starts at `start` (letters, with '\'' and '-'
/// inside), if it stands alone: no digit or capital in it, and no '@', '/',
/// '_', '(', '=' or ".x" right after it (an address, a path, a call, a key).
fn lower_word(text: &str, start: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    if start > 0 && word_byte(b[start - 1]) {
        return None;
    }
    // ASCII letters first (most words), then the rest by characters.
    let mut end = start + b[start..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
        return None;
    }
    let ascii_end = end;
    for (k, ch) in text[ascii_end..].char_indices() {
        if ch.is_lowercase() || matches!(ch, '\'' | '’' | '-') {
            end = ascii_end + k + ch.len_utf8();
        } else if ch.is_alphanumeric() || ch == '_' {
            return None;
        } else {
            break;
        }
        if end - start > 32 {
            return None;
        }
    }
    let end = start + text[start..end].trim_end_matches(['\'', '’', '-']).len();
    let standalone = end > start
        && !matches!(b.get(end), Some(b'@' | b'/' | b'_' | b'(' | b'='))
        && !(b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_alphanumeric));
    standalone.then_some((start, end))
}

/// The lower-case word that ends `text`, as [`lower_word`] reads it.
fn lower_word_before(text: &str) -> Option<(usize, usize)> {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, ch)| ch.is_lowercase() || matches!(ch, '\'' | '’' | '-'))
        .last()
        .map(|(k, _)| k)?;
    lower_word(text, start).filter(|&(_, e)| e == text.len())
}

/// A lower-case word that may be part of a lower-case name.
fn lower_ok(word: &str) -> bool {
    let n = word.chars().count();
    if !(2..=20).contains(&n) {
        return false;
    }
    if is_lower_stop(word) {
        return false;
    }
    // A contraction or an elision of a function word: "it's", "that's", "i'm", "c'est",
    // "qu'il", "l'infirmière" ("d'almeida" may be a name's particle).
    if let Some((stem, _)) = word.split_once(['\'', '’']) {
        if is_lower_stop(stem) || matches!(stem, "let" | "don" | "j" | "l" | "qu" | "m" | "s" | "t" | "n") {
            return false;
        }
    }
    const SUFFIXES: [&str; 14] = [
        "ing", "ed", "ly", "ous", "ive", "tion", "ment", "ness", "ity", "ble", "ful", "less", "ung", "ção",
    ];
    !SUFFIXES.iter().any(|s| word.ends_with(s) && n > s.len() + 2)
}

/// A label at a line's start, or after a separator ("…; Nurse: …", "| Name: …").
fn label_start(b: &[u8], start: usize) -> bool {
    let mut k = start;
    while k > 0 && matches!(b[k - 1], b' ' | b'\t' | b'-' | b'*' | b'#' | b'>' | b'"' | b'(' | b'[') {
        k -= 1;
    }
    // "Meeting notes - attendees:": a dash between spaces separates too.
    let dash = b[k..start].windows(3).any(|w| w == b" - ");
    k == 0
        || dash
        || matches!(
            b[k - 1],
            b'\n' | b'\r' | b';' | b'|' | b',' | b'.' | b'{' | b':' | b')' | b']'
        )
}

/// A key of a YAML list item or of an indented block: "- name:", "    name:".
fn yaml_item(b: &[u8], start: usize) -> bool {
    let line = b[..start].iter().rposition(|c| *c == b'\n').map_or(0, |k| k + 1);
    let lead = &b[line..start];
    lead.ends_with(b"- ") && lead[..lead.len() - 2].iter().all(|c| *c == b' ')
        || lead.len() >= 2 && lead.iter().all(|c| *c == b' ')
}

/// A capitalized label inside a form's line, after the previous field's
/// value: "SSN: 088-21-9709 Co-applicant: …", "Jane Doe   DOB: …".
fn form_label_start(b: &[u8], start: usize) -> bool {
    start >= 2
        && b[start].is_ascii_uppercase()
        && matches!(b[start - 1], b' ' | b'\t')
        && (b[start - 2].is_ascii_digit() || matches!(b[start - 2], b' ' | b'\t'))
}

/// A greeting at a line's or a message's start: "Hi Ana,", "[chat] Hola Ana:".
fn greeting_start(b: &[u8], start: usize) -> bool {
    let mut k = start;
    while k > 0 && matches!(b[k - 1], b' ' | b'\t' | b'"' | b'\'' | b'>') {
        k -= 1;
    }
    k == 0 || matches!(b[k - 1], b'\n' | b'\r' | b':' | b'.' | b'!' | b'?' | b']' | b'{' | b',')
}

/// A title or a role at a word's start: not "a.m.", not the "fr." of a domain.
fn title_m(b: &[u8], start: usize) -> bool {
    start == 0
        || matches!(
            b[start - 1],
            b' ' | b'\n' | b'\r' | b'(' | b'"' | b'\t' | b'\'' | b'[' | b'>' | b'/'
        )
}

/// ": " or " : " right after a label.
/// Past a bracketed note on the same line right after `end` ("Name (Last, First):",
/// "Nom (en majuscules) :"), or `end`.
fn past_brackets(b: &[u8], end: usize) -> usize {
    if !b[end..].starts_with(b" (") {
        return end;
    }
    let inner = &b[end + 2..(end + 40).min(b.len())];
    match inner.iter().position(|c| matches!(c, b')' | b'\n' | b'(')) {
        Some(k) if inner[k] == b')' => end + 2 + k + 1,
        _ => end,
    }
}

fn colon_after(b: &[u8], end: usize) -> Option<usize> {
    let mut k = end;
    if b.get(k) == Some(&b' ') {
        k += 1;
    }
    (b.get(k) == Some(&b':')).then_some(k + 1)
}

impl Names {
    /// Patients in ward lists and handoffs, named right before their age and
    /// sex: "7 Kaya 88M CCF", "bed 10 - al-sayed, 79F", "– akosua lefèvre,
    /// 8yo", "cama 2 - washington, 38 años". The words must open a clause (or
    /// follow a bed's number), and one of them must be a name by the
    /// dictionaries or by its shape; vitals ("temp 101F") and units ("Apt 4F")
    /// are not patients.
    fn before_age(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mode = Mode {
            lower: true,
            single: true,
            titles: true,
            suffixes: true,
        };
        let mut i = 0;
        while let Some(off) = b[i..].iter().position(u8::is_ascii_digit) {
            let d = i + off;
            let e = d + b[d..].iter().take_while(|c| c.is_ascii_digit()).count();
            i = e;
            if !(1..=3).contains(&(e - d)) || d < 2 || b[d - 1] != b' ' || !age_unit(b, e) {
                continue;
            }
            // The name ends before ", " or " ".
            let end = if b[d - 2] == b',' { d - 2 } else { d - 1 };
            // Up to three words back, the longest that opens a clause first.
            let mut starts = Vec::with_capacity(3);
            let mut k = end;
            for _ in 0..3 {
                let w = text[..k]
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                    .last()
                    .map_or(k, |(j, _)| j);
                if w == k {
                    break;
                }
                starts.push(w);
                if w < 2 || b[w - 1] != b' ' {
                    break;
                }
                k = w - 1;
            }
            for &p in starts.iter().rev() {
                if !(clause_start(b, p) || after_bed_number(b, p)) {
                    continue;
                }
                let Some(r) = self.read(text, p, mode).filter(|r| r.end == end) else {
                    continue;
                };
                let span = &text[r.start..r.end];
                let first = span.split([' ', '-']).next().unwrap_or("").to_lowercase();
                if NOT_PATIENT_BEFORE_AGE.split('|').any(|w| w == first) {
                    break;
                }
                // Or two capitalized words no list holds ("Gurpreet Chikwanha, 84 anos").
                let capitalized = !r.lower && r.tokens >= 2 && r.common == 0;
                // Or words no language uses ("kahu 40 a, érysipèle").
                let unknown = span.split([' ', '-']).all(|w| self.unknown_word(w));
                if r.common < r.tokens && (capitalized || unknown || span.split(' ').any(|w| self.name_word(w))) {
                    out.push(Candidate {
                        kind: Kind::Person.into(),
                        start: r.start,
                        end: r.end,
                        score: 0.8,
                        detector: "names.age",
                    });
                }
                break;
            }
        }
    }

    /// Names that notes and messages carry without a label:
    /// - who is to act: "Greta to chase.", "AI: Sigrid to update", "- Vikram to email …";
    /// - who dictates or calls: "this is latoya dictating", "this is Maria Lopez calling".
    fn owners_and_callers(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mut push = |r: &Read, detector: &'static str| {
            out.push(Candidate {
                kind: Kind::Person.into(),
                start: r.start,
                end: r.end,
                score: 0.8,
                detector,
            })
        };
        let capital = Mode {
            lower: false,
            single: true,
            titles: false,
            suffixes: true,
        };
        // Not a role or a label ("Plan:", "Nurse to call"): no context word there.
        let plain = |r: &Read| hits_at(ctx, r.start).next().is_none() && r.common < r.tokens && r.known + r.shaped >= 1;
        for at in memchr::memmem::find_iter(b, b" to ") {
            if !owner_verb(&b[at + 4..]) {
                continue;
            }
            // The name before " to ": one word or two, at the start of a clause.
            for back in [2, 1] {
                let p = words_before(b, at + 1, back);
                if !clause_start(b, p) {
                    continue;
                }
                if let Some(r) = self
                    .read(text, p, capital)
                    .filter(|r| r.end == at && r.tokens == back && plain(r))
                {
                    push(&r, "names.owner");
                    break;
                }
            }
        }
        let lower = Mode {
            lower: true,
            single: true,
            titles: true,
            suffixes: true,
        };
        let this_is = |first: &'static [u8]| memchr::memmem::find_iter(b, first).map(|at| (at, at + first.len()));
        let mut callers: Vec<(usize, usize)> = this_is(b"this is ").chain(this_is(b"This is ")).collect();
        callers.sort_unstable();
        for (start, end) in callers {
            if b.get(start.wrapping_sub(1)).is_some_and(u8::is_ascii_alphanumeric) {
                continue;
            }
            let Some(r) = self.read(text, end, lower) else { continue };
            let rest = &text[r.end..];
            let next_is = |words: &[&str]| {
                words
                    .iter()
                    .any(|w| rest.strip_prefix(' ').is_some_and(|x| x.starts_with(w)))
            };
            // "this is … dictating": only a person dictates; a clinic or a
            // service calls too, so there a dictionary must know the name.
            let ok =
                r.tokens <= 3 && (next_is(&["dictating"]) || r.known >= 1 && next_is(&["calling", "speaking", "from"]));
            if ok && r.common < r.tokens && lower_ok(&text[r.start..r.end].to_lowercase()) {
                push(&r, "names.caller");
            }
        }
    }
}

/// Whether `rest` (the text after " to ") starts with a verb of an action
/// someone owns in notes, in English: "follow up", "chase", "call", "let" …
fn owner_verb(rest: &[u8]) -> bool {
    let len = rest
        .iter()
        .take_while(|c| c.is_ascii_lowercase() || **c == b'-')
        .count();
    match &rest[..len] {
        b"follow" => rest[len..].starts_with(b" up"),
        b"reach" => rest[len..].starts_with(b" out"),
        word => matches!(
            word,
            b"chase"
                | b"update"
                | b"call"
                | b"email"
                | b"e-mail"
                | b"book"
                | b"confirm"
                | b"contact"
                | b"arrange"
                | b"check"
                | b"send"
                | b"review"
                | b"let"
                | b"ring"
                | b"sort"
                | b"draft"
                | b"order"
                | b"liaise"
                | b"escalate"
                | b"fax"
                | b"organise"
                | b"organize"
                | b"speak"
                | b"discuss"
                | b"complete"
                | b"prepare"
                | b"schedule"
                | b"reply"
                | b"phone"
                | b"text"
                | b"ping"
                | b"inform"
                | b"notify"
                | b"handle"
                | b"fix"
                | b"collect"
        ),
    }
}

/// Whether `p` starts a clause: a line's start, or after a colon, a dash,
/// a bullet, a comma, a semicolon or a full stop.
fn clause_start(b: &[u8], p: usize) -> bool {
    let mut k = p;
    while k > 0 && matches!(b[k - 1], b' ' | b'\t') {
        k -= 1;
    }
    k == 0
        || matches!(b[k - 1], b'\n' | b':' | b'-' | b',' | b';' | b'.' | b'*')
        || b[..k].ends_with("•".as_bytes())
        || b[..k].ends_with("–".as_bytes())
        // A handoff's arrow: "SR3 → Kahu 90 a", "bed 4 -> tesfaye 36 m".
        || b[..k].ends_with("→".as_bytes())
        || b[..k].ends_with(b"->")
}

/// A name spelled out letter by letter, as callers and dictating clinicians
/// do: "n a k a m u r a", "S A T O", "l. o. m. b. a. r. d. i.",
/// "K-O-W-A-L-S-K-I" (four letters or more, one separator, one case, not
/// the alphabet in order), and "o for oscar, k for kilo", "S de Sevilla, A de
/// Almería", "K wie Kaufmann" (two letters or more). The first letter is ASCII.
fn spelled(text: &str, out: &mut Vec<Candidate>) {
    const SEPARATORS: [&str; 4] = [". ", " ", "-", "."];
    const SPELLING_WORDS: [&str; 10] = [
        " for ", " as in ", " like ", " de ", " wie ", " comme ", " come ", " como ", " per ", " di ",
    ];
    let b = text.as_bytes();
    let letter_at = |p: usize| -> Option<char> {
        let c = text.get(p..)?.chars().next()?;
        let next = text[p + c.len_utf8()..].chars().next();
        let before = text[..p].chars().next_back();
        // Not the "s" of "that's".
        (c.is_alphabetic()
            && !before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '’'))
            && !next.is_some_and(char::is_alphanumeric))
        .then_some(c)
    };
    // A spelling starts on an ASCII letter that stands alone: found byte by
    // byte, so that the words of ordinary text cost no more than the pass.
    let word_byte = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
    let mut p = 0;
    while p < b.len() {
        let alone = b[p].is_ascii_alphabetic()
            && (p == 0 || !word_byte(b[p - 1]))
            && b.get(p + 1).is_none_or(|&n| !word_byte(n));
        let Some(first) = alone.then(|| letter_at(p)).flatten() else {
            p += 1;
            continue;
        };
        let start = p;
        let mut end = p + first.len_utf8();
        let mut letters = vec![first];
        // Letters with one separator between them.
        let next = b.get(end).copied();
        if let Some(sep) = SEPARATORS
            .iter()
            .filter(|sep| next == Some(sep.as_bytes()[0]))
            .find(|sep| {
                text[end..].starts_with(*sep)
                    && letter_at(end + sep.len()).is_some_and(|c| c.is_uppercase() == first.is_uppercase())
            })
        {
            while text[end..].starts_with(sep) {
                match letter_at(end + sep.len()) {
                    Some(c) if c.is_uppercase() == first.is_uppercase() => {
                        end += sep.len() + c.len_utf8();
                        letters.push(c);
                    }
                    _ => break,
                }
            }
            let alphabet = letters
                .windows(2)
                .all(|w| u32::from(w[1]).wrapping_sub(u32::from(w[0])) == 1);
            // "o d h i a as in alpha m b o": the spelling goes on past the letters.
            let goes_on = SPELLING_WORDS.iter().any(|w| text[end..].starts_with(*w));
            if letters.len() >= 4 && !alphabet && !goes_on {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start,
                    end,
                    score: 0.8,
                    detector: "names.spelled",
                });
                p = end;
                continue;
            }
        }
        // "o for oscar, k for kilo": a letter, a spelling word, a word; or
        // letters alone among them ("m e n for november s as in sierra a h").
        let mut items = 0;
        let mut spelled_letters = 0;
        let mut q = start;
        let mut last_end = start;
        while let Some(c) = letter_at(q) {
            let after = q + c.len_utf8();
            let word = SPELLING_WORDS.iter().find(|w| text[after..].starts_with(*w));
            let w0 = word.map_or(after, |w| after + w.len());
            let len = text[w0..].find(|c: char| !c.is_alphabetic()).unwrap_or(text.len() - w0);
            // The word spells its letter: "k for kilo", not "a for the".
            let spells = word.is_some()
                && len >= 2
                && text[w0..]
                    .chars()
                    .next()
                    .is_some_and(|f| f.to_lowercase().eq(c.to_lowercase()));
            let item_end = if spells {
                items += 1;
                w0 + len
            } else if [" ", ", "]
                .iter()
                .any(|s| text[after..].starts_with(*s) && letter_at(after + s.len()).is_some())
                || after > last_end && spelled_letters > 0
            {
                // A letter alone, with another letter or a spelled one next, or closing the run.
                after
            } else {
                break;
            };
            spelled_letters += 1;
            last_end = item_end;
            q = match [", ", " ", "; "].iter().find(|s| text[last_end..].starts_with(*s)) {
                Some(s) => last_end + s.len(),
                None => break,
            };
        }
        if items >= 2 || items >= 1 && spelled_letters >= 4 {
            out.push(Candidate {
                kind: Kind::Person.into(),
                start,
                end: last_end,
                score: 0.8,
                detector: "names.spelled",
            });
            p = last_end;
            continue;
        }
        p += first.len_utf8();
    }
}

/// Whether an age follows a name in a ward list: ", 79F", ", 27 anni",
/// ", 50 ans", ", 65 anos", ", 41 J.", ", 80 yo".
fn age_follows(b: &[u8], end: usize) -> bool {
    let Some(rest) = b[end..].strip_prefix(b", ") else {
        return false;
    };
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let rest = &rest[digits..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let unit = rest
        .iter()
        .take_while(|c| c.is_ascii_alphabetic() || **c == b'/')
        .count();
    matches!(
        rest[..unit].to_ascii_lowercase().as_slice(),
        b"f" | b"m"
            | b"w"
            | b"d"
            | b"yo"
            | b"y/o"
            | b"y"
            | b"years"
            | b"yrs"
            | b"anni"
            | b"ans"
            | b"anos"
            | b"a"
            | b"j"
            | b"jahre"
    ) || rest.starts_with("años".as_bytes())
}

/// What a caller says before the name: "yeah it's", "c'est", "es".
const ANSWER_LEADS: &[&str] = &[
    "sure",
    "yes",
    "yeah",
    "yep",
    "ok",
    "okay",
    "um",
    "uh",
    "er",
    "erm",
    "hmm",
    "so",
    "well",
    "it's",
    "it’s",
    "its",
    "it is",
    "that's",
    "this is",
    "my name is",
    "my name's",
    "i'm",
    "i am",
    "sí",
    "si",
    "es",
    "soy",
    "oui",
    "c'est",
    "je suis",
    "euh",
    "ja",
    "das ist",
    "ich bin",
    "äh",
    "ähm",
    "sim",
    "é",
    "sou",
    "è",
    "sono",
    "ehm",
    "claro",
    "certo",
    "allora",
    "alors",
    "então",
    "pues",
    "hum",
];

impl Names {
    /// Whether one word of a name read without a label is a name: the
    /// dictionaries hold it, or it has a name's shape and five letters or
    /// more (the shape of "sure" or "sec" says little).
    fn name_word(&self, w: &str) -> bool {
        self.lookup(w) & (F_GIVEN | F_SURNAME) != 0
            || w.chars().count() >= 5 && crate::name_shape::name_likeness(w) >= crate::names::SHAPE_MIN
    }

    /// Whether every word of `words` is a name by [`Names::name_word`] and none is an
    /// ordinary one: no function word, organisation, title or word marked as no name.
    fn plain_name_words(&self, words: &str) -> bool {
        words
            .split(' ')
            .all(|w| self.lookup(w) & (F_NOT | F_STOP | F_ORG | F_TITLE) == 0 && self.name_word(w))
    }

    /// Lower-case names that no cue announces ("ask bram re bed 13", "tochter
    /// nino ruft an", "hi sorry its femke nguyen"): a lower-case word that the
    /// name dictionaries hold and that is no ordinary word of the seven
    /// languages (`data/ordinary_names.txt`, the function words, titles,
    /// organisations, particles and words marked as no name), three letters
    /// or more, standing alone (not part of an address, a path, a domain or an
    /// identifier, a firm or a street). The words around it, one space away,
    /// join it: another such word, a word no dictionary holds that is shaped
    /// like a name ("priya hoang"), before it a given name and after it a
    /// surname the lists hold even where the word is also an ordinary one
    /// ("jana carvalho"); three words at most. Scored 0.6: any other stage's
    /// finding over the same text wins.
    fn lower_names(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mut last_end = 0;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if !(c.is_ascii_lowercase() || c >= 0xC0) || i > 0 && word_byte(b[i - 1]) {
                i += 1;
                continue;
            }
            let Some((start, end)) = lower_word(text, i) else {
                i += 1;
                continue;
            };
            i = end.max(i + 1);
            if start < last_end || !self.lower_name_word(&text[start..end]) {
                continue;
            }
            // The neighbours: one space away, lower case, standing alone. Before it a given
            // name, after it a surname, even if also a word ("jana carvalho").
            let named = |w: &str, flag: u8| self.listed(w, flag) && !is_lower_stop(w);
            let (mut s, mut e, mut words) = (start, end, 1);
            while words < 3 {
                let Some((ns, ne)) = text[..s].strip_suffix(" ").and_then(lower_word_before) else {
                    break;
                };
                let w = &text[ns..ne];
                if !(self.lower_name_word(w) || self.shaped_lower(w) || named(w, F_GIVEN)) {
                    break;
                }
                s = ns;
                words += 1;
            }
            while words < 3 {
                let Some((ns, ne)) = text[e..].strip_prefix(' ').and_then(|_| lower_word(text, e + 1)) else {
                    break;
                };
                let w = &text[ns..ne];
                if !(self.lower_name_word(w) || self.shaped_lower(w) || named(w, F_SURNAME)) {
                    break;
                }
                e = ne;
                words += 1;
            }
            // Not a firm's or a street's name ("kowalczyk transport", "kingsley road",
            // "whitfield & rowe"), nor a word between an identifier's parts ("gb25 loyd 0790").
            let next = text[e..].strip_prefix(' ').unwrap_or("");
            let next_word = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let prev = text[..s].strip_suffix(' ').unwrap_or("");
            let firm_word = |w: &str| FIRM_WORDS.split('|').any(|f| w == f);
            let firm = self.lookup(next_word) & F_ORG != 0
                || next.starts_with('&')
                || prev.ends_with('&')
                || firm_word(next_word)
                || text[s..e].split(' ').any(firm_word);
            let inside_identifier =
                prev.ends_with(|c: char| c.is_ascii_digit()) && next.starts_with(|c: char| c.is_ascii_digit());
            last_end = e;
            i = i.max(e);
            if firm || inside_identifier {
                continue;
            }
            out.push(Candidate {
                kind: Kind::Person.into(),
                start: s,
                end: e,
                score: 0.6,
                detector: "names.lower",
            });
        }
    }

    /// The items after the first of an attendees' list on one line ("Attendees: Clinical
    /// Lead, Tavita Faleolo, Compliance Officer"): each one that reads as a name and ends
    /// at its comma, its bracket or the line's end.
    fn attendee_items(&self, text: &str, start: usize, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let line_end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |k| start + k);
        let mut p = start;
        for _ in 0..24 {
            let Some(k) = memchr::memchr2(b',', b';', &b[p..line_end]) else {
                break;
            };
            p += k + 1;
            let Some(r) = self.read(text, p, STRONG) else {
                continue;
            };
            let item_end = matches!(b.get(r.end), None | Some(b',' | b';' | b'\n' | b'\r' | b'.'))
                || b[r.end..].starts_with(b" (");
            if item_end && r.common < r.tokens && (r.tokens >= 2 || r.known >= 1 || r.shaped >= 1) {
                out.push(cand(Kind::Person, r.start, r.end, 0.85, "names.context"));
            }
        }
    }

    /// A lower-case word no dictionary holds, four letters or more, shaped like a name.
    fn shaped_lower(&self, word: &str) -> bool {
        word.chars().count() >= 4
            && self.lookup(word) == 0
            && !self.ordinary.contains(word)
            && !is_lower_stop(word)
            && crate::name_shape::name_likeness(word) >= crate::names::SHAPE_MIN
    }

    /// Whether words read from a lower-case one can be a name: one of them the dictionaries
    /// hold as a name ("jane doe"), one no language uses ("temuulen ganzorig"), one shaped
    /// like a name or one capitalized ("tui Parata"), and none a function word.
    fn lower_name_words(&self, words: &str) -> bool {
        words.split(' ').any(|w| {
            self.listed(w, F_GIVEN | F_SURNAME)
                || self.unknown_word(w)
                || self.shaped_lower(w)
                || w.starts_with(char::is_uppercase)
        }) && !words.split(' ').any(is_lower_stop)
    }

    /// Like [`Self::lower_name_words`], but a particle or an article may stand inside
    /// ("fatima-zahra el idrissi"), not first.
    fn lower_name_parts(&self, words: &str) -> bool {
        words.split(' ').any(|w| {
            w.split('-')
                .all(|p| self.listed(p, F_GIVEN | F_SURNAME) || self.unknown_word(p) || self.shaped_lower(p))
        }) && !words.split(' ').next().is_some_and(is_lower_stop)
    }

    /// Where up to `n` lower-case words from `p` (after spaces) start and end, each one no language uses or a name no
    /// ordinary word spells ([`Self::unknown_word`], [`Self::lower_name_word`]), the last one
    /// followed by a space, a punctuation mark or the end; None if the first is no such word.
    fn unknown_words_at(&self, text: &str, p: usize, n: usize) -> Option<(usize, usize)> {
        let b = text.as_bytes();
        let mut end = None;
        let mut q = p;
        while b.get(q) == Some(&b' ') {
            q += 1;
        }
        let start = q;
        for _ in 0..n {
            let (e, w) = word_at(text, q)?;
            if !w.starts_with(char::is_lowercase) || !(self.unknown_word(w) || self.lower_name_word(w)) {
                break;
            }
            if !matches!(
                b.get(e),
                None | Some(b' ' | b',' | b'.' | b'!' | b'?' | b'\n' | b':' | b';' | b')')
            ) {
                break;
            }
            end = Some(e);
            if b.get(e) != Some(&b' ') {
                break;
            }
            q = e + 1;
        }
        end.map(|e| (start, e))
    }

    /// Whether the lists hold `w` with one of `flag`'s marks (a given name, a surname) and
    /// mark it as no ordinary word, function word, organisation or title.
    fn listed(&self, w: &str, flag: u8) -> bool {
        let f = self.lookup(w);
        f & flag != 0 && f & (F_COMMON | F_STOP | F_NOT | F_ORG | F_TITLE) == 0
    }

    /// A word of three letters or more that no list here holds, except as a name, and no
    /// language uses ([`crate::lexicon`]), nor is shaped like a department or a post:
    /// "hamida", "warsame", not "going", "Kardiologie" nor "bedcoördinator".
    /// A word of a lower-case name given where one was asked for or
    /// introduced: a name by the dictionaries or its shape, or, in a name of
    /// two words or more, a word no language uses ("farzaneh nair", "tendai
    /// szabó"; not a typo alone, "soorry").
    fn answered_name_word(&self, w: &str, words: usize) -> bool {
        self.name_word(w) || words >= 2 && w.split('-').all(|part| self.unknown_word(part))
    }

    /// A word the dictionaries hold with one of the `listed` flags, or one
    /// no language uses; never one with a `barred` flag.
    fn listed_or_unknown(&self, w: &str, listed: u8, barred: u8) -> bool {
        let f = self.lookup(w);
        f & barred == 0 && (f & listed != 0 || self.unknown_word(w))
    }

    fn unknown_word(&self, w: &str) -> bool {
        w.chars().count() >= 3
            && w.chars().all(char::is_alphabetic)
            && self.lookup(w) & (F_COMMON | F_STOP | F_NOT | F_ORG | F_TITLE | F_PARTICLE) == 0
            && !is_lower_stop(&w.to_lowercase())
            && !english_suffix(w)
            && !crate::names::role_compound(w)
            && !crate::lexicon::is_word(w)
    }

    /// A lower-case word that is a name by the dictionaries and no ordinary word.
    fn lower_name_word(&self, word: &str) -> bool {
        if !(3..=24).contains(&word.len()) || !self.maybe_lower_name(word) {
            return false;
        }
        let flags = self.lookup(word);
        flags & (F_GIVEN | F_SURNAME) != 0
            && flags & (F_COMMON | F_STOP | F_NOT | F_ORG | F_TITLE | F_PARTICLE) == 0
            && !self.ordinary.contains(word)
            && !is_lower_stop(word)
    }

    /// Who an action item, a task or a standup line belongs to: "- Omar:
    /// factura a …", "Actions : - Agnieszka : facture à …", "• Priya: finished
    /// …". One word after a list's bullet, then a colon: the dictionaries must
    /// hold it as a given name, or its shape (five letters or more) must be a
    /// name's and a task in lower case must follow; it is no ordinary word
    /// ("- Plan:", "- Note:"). Without a bullet, a given name the dictionaries
    /// hold (not "Will") before a colon and a lower-case word is a speaker's
    /// ("… rota Niamh: blocked on the VPN").
    fn item_owners(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        for colon in memchr::memchr_iter(b':', b) {
            if !matches!(b.get(colon + 1), Some(b' ')) {
                continue;
            }
            let end = if colon >= 1 && b[colon - 1] == b' ' {
                colon - 1
            } else {
                colon
            };
            let start = text[..end]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
                .last()
                .map_or(end, |(j, _)| j);
            if start == end || start < 2 || b[start - 1] != b' ' {
                continue;
            }
            let bullet = &text[..start - 1];
            let item = bullet.ends_with(['-', '•', '*', '–'])
                && bullet[..bullet.len() - bullet.chars().next_back().map_or(0, char::len_utf8)]
                    .ends_with([' ', '\n', ':'])
                || bullet.len() >= 2 && bullet.ends_with('.') && bullet.as_bytes()[bullet.len() - 2].is_ascii_digit();
            let word = &text[start..end];
            if case_of(word) != 'C' {
                continue;
            }
            let flags = self.lookup(word);
            // Without a bullet, a speaker's given name in a chat or a standup ("… rota Niamh: blocked on …").
            let speaker = !item
                && b.get(colon + 2).is_some_and(u8::is_ascii_lowercase)
                && flags & (F_GIVEN | F_COMMON) == F_GIVEN;
            if !item && !speaker {
                continue;
            }
            // Not a firm's last word: "- Morgan Stanley: revenue up".
            let firm = self.eponymous_firm(&text[words_before(b, start, 1)..end]);
            let plain = flags & (F_COMMON | F_NOT | F_STOP | F_ORG | F_TITLE) == 0 && !english_suffix(word) && !firm;
            // A word known by its shape only must be followed by what a task
            // says in lower case ("- Nomvula: send …"), not by a value ("- Constantes: TA 128/82").
            let task = b.get(colon + 2).is_some_and(u8::is_ascii_lowercase);
            let name = flags & F_GIVEN != 0
                || task
                    && flags & F_SURNAME == 0
                    && word.chars().count() >= 5
                    && crate::name_shape::name_likeness(word) >= crate::names::SHAPE_MIN;
            if plain && name {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start,
                    end,
                    score: 0.8,
                    detector: "names.item",
                });
            }
        }
    }

    /// Whom a list's item is about, first on its line: "- Nakamura: familie
    /// terugbellen", "- Kuipers (kamer 27): ontslag gepland", "- Odhiambo and Ben Ali
    /// on leave", "- okoro (bay 2) going home". Every word a name and none an ordinary
    /// word (in lower case, every word a dictionary's name), then a colon, a bracket, a
    /// comma, "and", or a lower-case word: what the item says about them.
    fn bullet_names(&self, text: &str, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mode = Mode {
            lower: true,
            single: true,
            titles: false,
            suffixes: true,
        };
        let mut line = 0;
        while line < b.len() {
            let line_end = memchr::memchr(b'\n', &b[line..]).map_or(b.len(), |i| line + i);
            let mut p = line;
            while p < line_end && b[p] == b' ' {
                p += 1;
            }
            let bullet = [&b"- "[..], b"* ", "• ".as_bytes(), "– ".as_bytes()]
                .into_iter()
                .find(|m| b[p..line_end].starts_with(m));
            line = line_end + 1;
            let Some(m) = bullet else { continue };
            let Some(r) = self.read(text, p + m.len(), mode) else {
                continue;
            };
            let words = &text[r.start..r.end];
            let rest = &b[r.end..line_end];
            // One word alone: a dictionary's name before a colon, a bracket, a comma or "and",
            // or a name by its shape before a colon and a task in lower case ("- Nomvula:
            // send …", not "- Constantes: TA 128/82").
            let task = rest.starts_with(b": ") && rest.get(2).is_some_and(u8::is_ascii_lowercase);
            let follows = if r.tokens == 1 && r.known == 0 {
                task
            } else {
                matches!(rest.first(), Some(b':' | b','))
                    || rest.starts_with(b" (")
                    || [&b" and "[..], b" und ", b" et ", b" y ", b" e ", b" en "]
                        .iter()
                        .any(|s| rest.starts_with(s))
                    || (r.tokens >= 2 || self.lookup(words) & F_GIVEN != 0)
                        && rest.first() == Some(&b' ')
                        && rest.get(1).is_some_and(u8::is_ascii_lowercase)
            };
            let ok = if r.lower {
                words.split(' ').all(|w| {
                    let f = self.lookup(w);
                    f & (F_GIVEN | F_SURNAME) != 0 && f & (F_COMMON | F_NOT | F_STOP | F_ORG | F_TITLE) == 0
                })
            } else {
                self.plain_name_words(words) && words.split(' ').all(|w| !english_suffix(w))
            };
            // Not a firm named after its founders: "- Wells Fargo: net income …".
            if follows && ok && r.common == 0 && !self.eponymous_firm(words) {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: r.start,
                    end: r.end,
                    score: if r.lower { 0.75 } else { 0.8 },
                    detector: "names.item",
                });
            }
        }
    }

    /// Who meets, after a meeting's title and a dash at the end of its line: "Overleg
    /// incasso — Dieter, Mindaugas", "Reunión de cobros – Summer, Aroha". Two names or
    /// more, each one or two words that are names by the dictionaries or their shape, and
    /// one of them a dictionary's name that is no ordinary word.
    fn dash_lists(&self, text: &str, out: &mut Vec<Candidate>) {
        // Dashes are normalized to '-' before the names are read.
        let b = text.as_bytes();
        for (at, dash) in text.match_indices(" - ") {
            let start = at + dash.len();
            // A list of names is short: the rest of the line within 160 bytes, or none
            // (a line of any length is then read once per dash at most that far).
            let reach = (start + 160).min(b.len());
            let end = match memchr::memchr(b'\n', &b[start..reach]) {
                Some(i) => start + i,
                None if reach == b.len() => reach,
                None => continue,
            };
            let line = text[start..end].trim_end();
            let items: Vec<&str> = line.split(", ").collect();
            let name = |w: &str| self.plain_name_words(w) && w.chars().next().is_some_and(char::is_uppercase);
            let ok = items.len() >= 2
                && items.iter().all(|i| {
                    let words: Vec<&str> = i.split(' ').collect();
                    words.len() <= 2 && words.iter().all(|w| name(w))
                })
                && items.iter().any(|i| {
                    i.split(' ').any(|w| {
                        let f = self.lookup(w);
                        f & (F_GIVEN | F_SURNAME) != 0 && f & F_COMMON == 0
                    })
                });
            if !ok {
                continue;
            }
            let mut p = start;
            for i in items {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: p,
                    end: p + i.len(),
                    score: 0.8,
                    detector: "names.context",
                });
                p += i.len() + 2;
            }
        }
    }

    /// A name asked for in one turn and given at the start of the next
    /// speaker's: "and your first name [00:01:29] Caller: june", "¿a nombre
    /// de quién? Hablante 2: dimitris sato", "c'est à quel nom Locuteur 2:
    /// Wijaya", "who am I speaking with CUST: this is guadalupe dvořák". The
    /// answer must end the turn or the clause and hold a word that is a name
    /// by the dictionaries or by its shape.
    fn name_answers(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let mut last_answer = 0;
        for m in ctx.hits.iter().filter(|h| h.kinds & cx::NAME_ASKED != 0) {
            // A label ("Name: …") is read as one; "name of the pharmacy" asks for no person.
            let rest = &text[m.end..];
            if rest.starts_with(':') || rest.starts_with(" :") || rest.starts_with(" of ") || m.start < last_answer {
                continue;
            }
            let Some(at) = next_turn(text, m.end) else { continue };
            let mut p = at;
            'leads: loop {
                while p < b.len() && matches!(b[p], b' ' | b',' | b'.') {
                    p += 1;
                }
                for lead in ANSWER_LEADS {
                    let n = lead.len();
                    if text.get(p..p + n).is_some_and(|w| w.eq_ignore_ascii_case(lead))
                        && !letter(text[p + n..].chars().next())
                    {
                        p += n;
                        continue 'leads;
                    }
                }
                break;
            }
            let mode = Mode {
                lower: true,
                single: true,
                titles: true,
                suffixes: true,
            };
            // The answer ends where the next turn's tag starts: "… spk_0: ioana ndiaye spk_1: la cita".
            let limit = next_turn(text, p).map_or(text.len(), |k| tag_start(b, p, k));
            let Some(r) = self.read(&text[..limit], p, mode) else {
                continue;
            };
            let after = &text[r.end..];
            let turn_end = matches!(
                after.bytes().next(),
                None | Some(b'\n' | b'\r' | b',' | b'.' | b'?' | b'!' | b';')
            ) || [" [", " (", " - ", " – "].iter().any(|s| after.starts_with(s))
                || next_turn(text, r.end).is_some_and(|k| text[r.end..k].split_whitespace().count() <= 2);
            // In lower case every word must be a name ("one sec" is none).
            let mut words = text[r.start..r.end].split(' ');
            let namey = if r.lower {
                words.all(|w| self.answered_name_word(w, r.tokens) || self.lookup(w) & F_PARTICLE != 0)
            } else {
                words.any(|w| self.name_word(w))
            };
            if turn_end && r.tokens <= 4 && r.common < r.tokens && namey {
                last_answer = r.end;
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: r.start,
                    end: r.end,
                    score: 0.8,
                    detector: "names.answer",
                });
            }
        }
    }
}

/// Where the tag of the turn whose text starts at `turn` begins: back over
/// the colon or bracket and the tag's word, and over the speaker before a
/// verb of speech ("user said", "utente ha detto").
fn tag_start(b: &[u8], from: usize, turn: usize) -> usize {
    let mut k = turn;
    while k > from && matches!(b[k - 1], b' ' | b':' | b']' | b'\t') {
        k -= 1;
    }
    let word_start = |e: usize| {
        let mut s = e;
        while s > from && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_' || b[s - 1] >= 0x80) {
            s -= 1;
        }
        s
    };
    let mut s = word_start(k);
    if s > from && b[s - 1] == b'[' {
        return s - 1;
    }
    if SPEECH_VERBS.iter().any(|v| v.as_bytes() == &b[s..k]) {
        // Up to two words back: "client a dit", "utente ha detto".
        for _ in 0..2 {
            if s < from + 2 || b[s - 1] != b' ' {
                break;
            }
            let e = s - 1;
            s = word_start(e);
            if is_speaker(&b[s..e]) {
                break;
            }
        }
    }
    s
}

fn is_speaker(w: &[u8]) -> bool {
    SPEAKER_WORDS.iter().any(|s| s.as_bytes().eq_ignore_ascii_case(w))
}

/// Who speaks in call transcripts and bot logs, in lower case: a tag of one
/// of these words is a speaker's even without a capital ("caller:", "[klant]").
const SPEAKER_WORDS: &[&str] = &[
    "caller",
    "agent",
    "rep",
    "user",
    "customer",
    "client",
    "patient",
    "member",
    "operator",
    "bot",
    "chatbot",
    "ivr",
    "assistant",
    "system",
    "nurse",
    "doctor",
    "receptionist",
    "pharmacist",
    "speaker",
    "anrufer",
    "anruferin",
    "kunde",
    "kundin",
    "mitarbeiter",
    "mitarbeiterin",
    "patientin",
    "appelant",
    "appelante",
    "conseiller",
    "conseillère",
    "opérateur",
    "serveur",
    "vocal",
    "usuario",
    "usuaria",
    "cliente",
    "operador",
    "operadora",
    "asistente",
    "agente",
    "paciente",
    "utente",
    "operatore",
    "operatrice",
    "assistente",
    "paziente",
    "utilizador",
    "utilizadora",
    "atendente",
    "beller",
    "klant",
    "medewerker",
    "spraakmenu",
    "patiënt",
    "assistent",
];

/// Verbs of speech between a speaker and the colon: "user said:", "klant zei:".
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "sagt", "sagte", "dit", "dijo", "dice", "detto", "disse", "diz", "zei", "zegt",
];

/// Where the next speaker's turn starts after `from`, within 120 bytes and
/// one line break: after a tag of one or two short words and a colon
/// ("Caller: ", "[00:01:29] Patient: ", "Speaker 2: ", "spk_1: ", "caller: ",
/// "user said: ") or in brackets ("[caller] ").
fn next_turn(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let to = floor_char(text, (from + 120).min(b.len()));
    let mut breaks = 0;
    let mut i = from;
    while i < to {
        match b[i] {
            b'\n' => {
                breaks += 1;
                if breaks > 1 {
                    return None;
                }
            }
            // "[caller] ", "[klant] ": a speaker in brackets, not a time ("[00:01:29]").
            b'[' => {
                let close = b[i..to].iter().position(|&c| c == b']' || c == b'\n').map(|n| i + n);
                if let Some(close) = close.filter(|&c| b[c] == b']' && b.get(c + 1) == Some(&b' ')) {
                    let inner = &b[i + 1..close];
                    if inner.split(|&c| c == b' ').any(is_speaker) {
                        return Some(close + 1);
                    }
                }
            }
            b':' if b.get(i + 1).is_none_or(|c| *c == b' ' || *c == b'\n') => {
                let tag = |k: usize| {
                    let n = b[..k]
                        .iter()
                        .rev()
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c >= 0x80)
                        .count();
                    (1..=16).contains(&n).then(|| k - n)
                };
                let w1 = tag(i)?;
                let opens = |k: usize| k == 0 || matches!(b[k - 1], b' ' | b'\n' | b'\t' | b']');
                if !opens(w1) || w1 < from {
                    return None;
                }
                // "Speaker 2:", "Front desk:": a capitalized word before.
                let w0 = (w1 >= 2 && b[w1 - 1] == b' ')
                    .then(|| tag(w1 - 1))
                    .flatten()
                    .filter(|&k| k >= from && b[k].is_ascii_uppercase() && opens(k));
                let start = w0.unwrap_or(w1);
                // The tag is a speaker's, not the question's last word: it opens with a capital,
                // carries a digit or an underscore ("spk_1"), or is a speaker's word ("caller",
                // "user said", "utente ha detto").
                let word = &b[start..i];
                let verb = SPEECH_VERBS.iter().any(|v| v.as_bytes() == &b[w1..i]);
                let said = verb && b[from..w1].split(u8::is_ascii_whitespace).rev().take(4).any(is_speaker);
                if !(word[0].is_ascii_uppercase()
                    || word.iter().any(|c| c.is_ascii_digit() || *c == b'_')
                    || is_speaker(&b[w1..i])
                    || said)
                {
                    return None;
                }
                return Some(i + 1);
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// What a note says a relative does or is, right after the name.
const RELATIVE_AFTER: &[&str] = &[
    "aware",
    "updated",
    "informed",
    "notified",
    "at bedside",
    "to call",
    "wants call",
    "will call",
    "calling",
    "called",
    "rappelle",
    "prévenu",
    "prévenue",
    "informé",
    "informée",
    "informado",
    "informada",
    "avisado",
    "avisada",
    "informato",
    "informata",
    "avvisato",
    "avvisata",
    "informiert",
    "benachrichtigt",
    "liga",
    "llama",
    "chiama",
    "ruft",
    "visiting",
    "present",
];

impl Names {
    /// A relative named right after the word, in a ward note: "mum tomasz at
    /// bedside", "dtr emeka (617) 452-…", "NOK Babajide on (704) …", "Wife
    /// (katarzyna) updated", "Marido Sigrid informado.". Every word of the
    /// name must be a name by the dictionaries or its shape, and what follows
    /// must end it: punctuation, a phone number, or what a relative does.
    fn relatives_named(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mode = Mode {
            lower: true,
            single: true,
            titles: false,
            suffixes: true,
        };
        for m in ctx.hits.iter().filter(|h| h.kinds & cx::RELATIVE != 0) {
            let rest = &text[m.end..];
            let bracket = rest.starts_with(" (");
            // Or in apposition, between commas: "Su hijo, Tavita Faleolo, pide …", "Your colleague, Adwoa, said".
            let apposition = rest.starts_with(", ");
            if !rest.starts_with(' ') && !apposition {
                continue;
            }
            let p = m.end + if bracket || apposition { 2 } else { 1 };
            let Some(r) = self.read(text, p, mode) else { continue };
            if r.tokens > 2 || r.common >= r.tokens {
                continue;
            }
            let words: Vec<&str> = text[r.start..r.end].split(' ').collect();
            // Between commas a word no language uses will do too.
            if !words
                .iter()
                .all(|w| self.name_word(w) || apposition && self.unknown_word(w))
            {
                continue;
            }
            let after = &text[r.end..];
            let ends = if bracket {
                after.starts_with(')')
            } else if apposition {
                after.starts_with(", ") && !r.lower
            } else {
                matches!(after.bytes().next(), None | Some(b',' | b'.' | b';' | b'\n' | b')'))
                    || after.strip_prefix(' ').is_some_and(|a| {
                        a.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '+')
                            || a.strip_prefix("on ")
                                .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '+'))
                            || RELATIVE_AFTER.iter().any(|v| {
                                a.len() >= v.len()
                                    && a.is_char_boundary(v.len())
                                    && a[..v.len()].eq_ignore_ascii_case(v)
                                    && !letter(a[v.len()..].chars().next())
                            })
                    })
            };
            if ends {
                out.push(Candidate {
                    kind: Kind::Person.into(),
                    start: r.start,
                    end: r.end,
                    score: 0.8,
                    detector: "names.relative",
                });
            }
        }
    }

    /// Who did something, named after "by" at the end of a clause: "Enrolled in MDM by
    /// Imran; old device returned", "address updated by Seoyeon.", "validé par Nomvula
    /// Dlamini."; or who has it now: "Assigned to Santiago.", "Atribuído a Avi.". One or two capitalized words, each a name by the dictionaries or by its
    /// shape (five letters or more) and no ordinary word, then punctuation or the line's end:
    /// "by Friday", "by Medicare", "by Pfizer Inc." are not.
    fn agents(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mode = Mode {
            lower: false,
            single: true,
            titles: false,
            suffixes: true,
        };
        let cues: [&[u8]; 14] = [
            b" by ",
            b" par ",
            b" von ",
            b" por ",
            b" door ",
            b"ssigned to ",
            b"scalated to ",
            b"anded over to ",
            b"orwarded to ",
            "tribuído a ".as_bytes(),
            b"signado a ",
            b"ssegnato a ",
            b"ugewiesen an ",
            "ttribué à ".as_bytes(),
        ];
        for cue in cues {
            for at in memchr::memmem::find_iter(b, cue) {
                let p = at + cue.len();
                if !b.get(p).is_some_and(u8::is_ascii_uppercase) && !text[p..].starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                let Some(r) = self.read(text, p, mode) else { continue };
                if r.tokens > 2 || r.common > 0 || r.lower {
                    continue;
                }
                let ends = matches!(
                    b.get(r.end),
                    None | Some(b'.' | b';' | b',' | b'\n' | b'\r' | b')' | b'!')
                );
                let all_names = self.plain_name_words(&text[r.start..r.end])
                    && text[r.start..r.end].split(' ').all(|w| case_of(w) == 'C');
                // "led by Christine Lagarde": a public figure, or news.
                let public = self.public.contains(&text[r.start..r.end].to_lowercase())
                    || ctx.nearest_before(r.start, cx::NEWS, 40).is_some()
                    || ctx.after(r.end, cx::NEWS, 24).is_some();
                if ends && all_names && !public {
                    out.push(Candidate {
                        kind: Kind::Person.into(),
                        start: r.start,
                        end: r.end,
                        score: 0.75,
                        detector: "names.context",
                    });
                }
            }
        }
    }

    /// Whom a note asks to do or to answer something: "ask Okonkwo whether the scan is
    /// booked", "check with Stone.", "chased Nagy for the report", "demander à verma si …",
    /// "chiedere a kovács se …", "perguntar ao Young se …", "bitte okeke fragen, ob …". One or
    /// two words, lower case allowed, each a name by the dictionaries or by its shape (five
    /// letters or more) and no ordinary word, then what the question asks.
    fn asked(&self, text: &str, out: &mut Vec<Candidate>) {
        const CUES: [&str; 12] = [
            "ask ",
            "check with ",
            "chased ",
            "remind ",
            "demander à ",
            "voir avec ",
            "chiedere a ",
            "sentire ",
            "preguntar a ",
            "perguntar ao ",
            "perguntar à ",
            "perguntar a ",
        ];
        const NEXT: [&str; 14] = [
            " whether ",
            " if ",
            " about ",
            " for ",
            ":",
            ".",
            " si ",
            " s'",
            " se ",
            " sobre ",
            " per ",
            " pour ",
            " para ",
            ", ob ",
        ];
        let mode = Mode {
            lower: true,
            single: true,
            titles: false,
            suffixes: true,
        };
        // ASCII case only, so that offsets stay the text's.
        let lower = text.to_ascii_lowercase();
        let lb = lower.as_bytes();
        let push = |r: &Read, out: &mut Vec<Candidate>| {
            out.push(Candidate {
                kind: Kind::Person.into(),
                start: r.start,
                end: r.end,
                score: 0.75,
                detector: "names.context",
            });
        };
        let name_ok = |r: &Read| r.tokens <= 2 && r.common == 0 && self.plain_name_words(&text[r.start..r.end]);
        for cue in CUES {
            for at in memchr::memmem::find_iter(lb, cue.as_bytes()) {
                if at > 0 && (lb[at - 1].is_ascii_alphanumeric() || lb[at - 1] >= 0x80) {
                    continue;
                }
                let Some(r) = self.read(text, at + cue.len(), mode) else {
                    continue;
                };
                if name_ok(&r) && NEXT.iter().any(|n| text[r.end..].starts_with(n)) {
                    push(&r, out);
                }
            }
        }
        // German puts the verb after the name: "bitte okeke fragen, ob …".
        for at in memchr::memmem::find_iter(lb, b" fragen, ob ") {
            let start = text[..at].rfind([' ', '\n', ',', ':']).map_or(0, |k| k + 1);
            if let Some(r) = self
                .read(&text[..at], start, mode)
                .filter(|r| r.end == at && name_ok(r))
            {
                push(&r, out);
            }
        }
    }

    /// A patient in a handoff, named before their record number in brackets:
    /// "Übergabe Nachtdienst: Baker (9943730) unruhig", "transmissions de nuit
    /// : van der berg (245715) agité", "eve handover: Chen (58861562) d/c".
    /// The handoff's word, up to three words, a colon, the name (one to three
    /// words, lower case allowed), then five to ten digits in brackets: the
    /// name and the record number both.
    fn handoff_patients(&self, text: &str, ctx: &Context<'_>, out: &mut Vec<Candidate>) {
        let b = text.as_bytes();
        let mode = Mode {
            lower: true,
            single: true,
            titles: true,
            suffixes: true,
        };
        for h in ctx.hits.iter().filter(|h| h.kinds & cx::NAME_LABEL != 0) {
            let lbl = text[h.start..h.end].to_lowercase();
            if !HANDOFFS.contains(&lbl.as_str()) {
                continue;
            }
            let Some(p) = colon_after(b, h.end).or_else(|| colon_after(b, words_after(b, h.end, 3))) else {
                continue;
            };
            let Some(r) = self
                .read(text, p, mode)
                .filter(|r| r.tokens <= 3 && (r.common < r.tokens || r.known >= 1))
            else {
                continue;
            };
            let rest = &b[r.end..];
            let Some(inner) = rest.strip_prefix(b" (") else {
                continue;
            };
            let digits = inner.iter().take_while(|c| c.is_ascii_digit()).count();
            if !(5..=10).contains(&digits) || inner.get(digits) != Some(&b')') {
                continue;
            }
            out.push(Candidate {
                kind: Kind::Person.into(),
                start: r.start,
                end: r.end,
                score: 0.8,
                detector: "names.handoff",
            });
            let id = r.end + 2;
            out.push(Candidate {
                kind: Kind::MedicalRecordNumber.into(),
                start: id,
                end: id + digits,
                score: 0.8,
                detector: "names.handoff",
            });
        }
    }
}

/// The words that open a handoff or a shift's notes.
const HANDOFFS: &[&str] = &[
    "handoff",
    "hand-off",
    "handover",
    "übergabe",
    "pase de guardia",
    "consegne",
    "consegna",
    "overdracht",
    "transmission",
    "transmissions",
    "relève",
    "passagem de turno",
];

/// How a speaker introduces themselves, in six languages: a name follows, in lower case
/// too (`context.rs` reads them as `NAME_NEXT_LOWER`).
pub(crate) const INTRODUCTIONS: &str = "i'm|i am|this is|the patient is|patient's name is|message for|this message is for|bericht voor|messaggio per|mensagem para|mensaje para|message pour|nachricht für|thank you for seeing|discharge summary for|clinic note for|c'est|je suis|ich bin|hier ist|soy|sono|sou|chamo-me|me chamo|ik ben|mi chiamo|me llamo|je m'appelle|my name is|name is|mein name ist|ich heiße|mon nom est|mi nombre es|il mio nome è|mijn naam is|ik heet|u spreekt met|spreekt met|je spreekt met|aqui fala|fala|aqui é|le habla|vous parlez à|sie sprechen mit|parla|you're speaking to|you are speaking to|you're speaking with|you are speaking with|le atiende|la atiende|está hablando con|vous êtes en ligne avec|en ligne avec|sta parlando con|está a falar com|sie sind verbunden mit";

/// A clinician's grade or post, as ward notes put it in brackets after the name.
const CLINICAL_GRADES: &str = "sho|f1|f2|fy1|fy2|ct1|ct2|ct3|st1|st2|st3|st4|st5|st6|st7|st8|spr|reg|registrar|cns|anp|acp|rn|hca|slt|physio|dietitian|pharmacist|consultant|matron|ward sister|staff nurse|student nurse|locum|intern|resident|pgy1|pgy2|pgy3|oa|oä|aa|assistenzarzt|assistenzärztin|oberarzt|oberärztin|interne|mir|specializzando|specializzanda|aios|anios|coass";

/// Labels of who attends, in six languages: a list of names follows, never "Surname, Given".
pub(crate) const ATTENDEES: &str = "attendees|attendee|participants|invitees|in attendance|present|apologies|excused|teilnehmer|teilnehmende|anwesend|entschuldigt|abwesend|présents|présentes|excusé|excusée|excusés|excusées|asistentes|presentes|participantes|partecipanti|presenti|assente|assenti|deelnemers|aanwezig|afwezig";

/// A dictated or written document's head in six languages, and whom it is about right
/// after it. Every word after it must be a name by the dictionaries or its shape, and the
/// name must end cleanly (a comma, said or written).
pub(crate) const DOCUMENT_HEADS: &str = "dictation for|dictation on|dictating on|dictated for|letter for|letter about|discharge letter for|discharge summary for|referral for|referral letter for|operative note for|progress note for|note on|sbar for|summary for|arztbrief|arztbrief für|entlassbrief|entlassbrief für|entlassungsbrief|entlassungsbrief für|diktat für|befund für|brief für|überweisung für|lettre pour|lettre de sortie|lettre de sortie de|courrier pour|compte rendu de|compte-rendu de|dictée pour|informe de|informe de alta|informe de alta de|informe para|nota de alta|nota de alta de|carta para|dictado para|dictado de|lettera di dimissione|lettera di dimissione di|lettera di dimissione per|relazione per|referto di|dettatura per|relatório de|relatório para|ditado de|ditado para|ontslagbrief|ontslagbrief voor|verwijsbrief voor|brief voor|dictaat voor";

/// Words before a number and a unit that are no patient: vitals ("temp
/// 101F") and an address's units ("Apt 4F").
const NOT_PATIENT_BEFORE_AGE: &str = "temp|tmax|temperature|t|fever|febrile|afebrile|oral|axillary|rectal|tympanic|body|apt|apartment|unit|suite|ste|floor|fl|level|flat|room|rm|bay|bed|ward|box|lot|row|gate|dock|pier|page|size|grade|stage|type|class|model|version|vol|no|nr";

/// Whether an age and a sex follow the digits that end at `end`: "88M",
/// "79F", "96w", "8yo", "38 años", "50 ans", "27 anni", "80 Jahre".
fn age_unit(b: &[u8], end: usize) -> bool {
    let compact = b
        .get(end)
        .is_some_and(|c| matches!(c, b'M' | b'F' | b'm' | b'f' | b'w' | b'y'))
        && !b.get(end + 1).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
    if compact {
        return true;
    }
    let rest = &b[end..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let unit = rest
        .iter()
        .take_while(|c| c.is_ascii_alphabetic() || **c == b'/')
        .count();
    let word_end = !rest.get(unit).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
    // "Kahu 90 a, décomp.", "robin 80 m, NAC": a one-letter unit only before a clause's end.
    let clause_end = matches!(rest.get(unit), None | Some(b',' | b';' | b')' | b'\n'));
    clause_end && matches!(rest[..unit].to_ascii_lowercase().as_slice(), b"a" | b"m" | b"f")
        || word_end
            && matches!(
                rest[..unit].to_ascii_lowercase().as_slice(),
                b"yo" | b"y/o" | b"yrs" | b"years" | b"anni" | b"ans" | b"anos" | b"jahre" | b"j" | b"jr"
            )
        || rest.starts_with("años".as_bytes())
}

/// Whether `p` follows a bed's number in a ward list: "26 ngata 70M".
fn after_bed_number(b: &[u8], p: usize) -> bool {
    if p < 2 || b[p - 1] != b' ' {
        return false;
    }
    let n = b[..p - 1]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let token = &b[p - 1 - n..p - 1];
    (1..=4).contains(&n) && token.iter().any(u8::is_ascii_digit) && token[0].is_ascii_digit()
}

/// The key of the JSON object around the key that opens at `key`, or of the list that
/// holds that object: "name" for FHIR's HumanName (`"name": [{"family": …}]`, `"name":
/// {"text": …}`), "patient" for `"patient": {"first": …}`. Looked for within 512 bytes.
fn enclosing_key(text: &str, key: usize) -> Option<&str> {
    let b = text.as_bytes();
    let mut lo = key.saturating_sub(512);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let key_before = |k: usize| {
        let before = text[lo..k].trim_end().strip_suffix(':')?.trim_end().strip_suffix('"')?;
        let open = before.rfind('"')?;
        Some(&before[open + 1..])
    };
    // Depth of the objects and lists closed on the way back; the object around the key.
    let (mut depth, mut in_object) = (0usize, false);
    let mut k = key;
    while k > lo {
        k -= 1;
        match b[k] {
            b'}' | b']' => depth += 1,
            b'{' | b'[' if depth > 0 => depth -= 1,
            b'{' if !in_object => {
                if let Some(name) = key_before(k) {
                    return Some(name);
                }
                in_object = true;
            }
            // The list that holds the object.
            b'[' if in_object => return key_before(k),
            b'{' | b'[' => return None,
            _ => {}
        }
    }
    None
}

/// Whether a patient's age follows a name, with or without the sex: "46M", "79 F",
/// "- 27 anni", "(82 yo)".
fn age_after(b: &[u8], end: usize) -> bool {
    let mut p = end;
    while p < b.len() && p < end + 3 && matches!(b[p], b' ' | b',' | b'-' | b'(') {
        p += 1;
    }
    let digits = b[p..].iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=3).contains(&digits) && age_unit(b, p + digits)
}

fn ends_clean(b: &[u8], end: usize) -> bool {
    match b.get(end) {
        None | Some(b',' | b'.' | b';' | b':' | b'\n' | b'\r' | b')' | b'!' | b'?' | b'"' | b'|' | b'\t') => true,
        Some(b' ') => {
            let rest = &b[end..];
            // Two spaces: the gap between a form's fields.
            [&b" - "[..], b" -\n", b" c/o", b" (", b" |", b" / ", b"  "]
                .iter()
                .any(|s| rest.starts_with(s))
                || rest.starts_with(" – ".as_bytes())
                || rest.len() >= 2 && rest[1].is_ascii_digit()
                || spoken_punctuation(&rest[1..])
        }
        _ => false,
    }
}

/// Whether a context word is one of [`ATTENDEES`].
fn is_attendees(l: &str) -> bool {
    ATTENDEES.split('|').any(|d| d == l)
}

/// Whether a context word is one of [`DOCUMENT_HEADS`].
fn is_document_head(l: &str) -> bool {
    DOCUMENT_HEADS.split('|').any(|d| d == l)
}

/// Where the next line starts when a label is alone on its line: nothing
/// before it on the line (or a few words of it: "First name") and nothing after.
fn line_under_label(b: &[u8], start: usize, end: usize) -> Option<usize> {
    let line_start = memchr::memrchr(b'\n', &b[..start]).map_or(0, |i| i + 1);
    if b[line_start..start]
        .iter()
        .any(|c| !(c.is_ascii_alphabetic() || *c >= 0x80 || *c == b' '))
    {
        return None;
    }
    let nl = end + memchr::memchr(b'\n', &b[end..])?;
    if !b[end..nl].iter().all(|c| matches!(c, b' ' | b'\t' | b'\r')) {
        return None;
    }
    let next = nl + 1;
    let first = b[next..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
    (next + first < b.len() && b[next + first] != b'\n').then_some(next + first)
}

/// A clock written without a colon, as chats in several languages stamp their
/// messages: "16h15", "6h", "11pm", "7 PM".
fn clock(b: &[u8]) -> bool {
    let h = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&h) {
        return false;
    }
    let rest = &b[h..];
    let minutes = |r: &[u8]| r.is_empty() || r.len() == 2 && r.iter().all(u8::is_ascii_digit);
    match rest.first() {
        Some(b'h') => minutes(&rest[1..]),
        _ => {
            let r = rest.strip_prefix(b" ").unwrap_or(rest);
            r.eq_ignore_ascii_case(b"am") || r.eq_ignore_ascii_case(b"pm")
        }
    }
}

/// Whether only spaces stand between `end` and its line's end (or the text's).
fn ends_line(b: &[u8], end: usize) -> bool {
    b[end..]
        .iter()
        .take_while(|c| **c != b'\n')
        .all(|c| matches!(c, b' ' | b'\t' | b'\r'))
}

/// A turn's speaker at the very start of the line `start..end` (an indented key is a
/// config's): after a bracketed stamp ("[13:30] ", "[whatsapp] ") if any, one to three
/// words of letters, then a clock ("9:41", "07:12") if any, then a colon. The words'
/// span, and whether a stamp or a clock came with them.
fn turn_tag(b: &[u8], start: usize, end: usize) -> Option<(usize, usize, bool)> {
    let mut p = start;
    let mut stamped = false;
    let digits = |x: &[u8]| x.iter().take_while(|c| c.is_ascii_digit()).count();
    // An exported chat's date and clock: "25/11/2026, 07:30 - ", "3.4.26, 9:41 PM - ".
    let date = digits(&b[p..end]);
    if (1..=2).contains(&date) && matches!(b.get(p + date), Some(b'/' | b'.' | b'-')) {
        let line = &b[p..end.min(p + 32)];
        if let Some(dash) = memchr::memmem::find(line, b" - ") {
            let stamp = &line[..dash];
            if stamp.contains(&b':') && stamp.iter().all(|c| c.is_ascii_alphanumeric() || b"/.,:- ".contains(c)) {
                stamped = true;
                p += dash + 3;
            }
        }
    }
    // A bare clock opening the line: "11:20 Hinnerk: …", "07:15:02 - wairimu: …".
    let hours = digits(&b[p..end]);
    if !stamped && (1..=2).contains(&hours) && b.get(p + hours) == Some(&b':') {
        let mut q = p + hours + 1;
        if digits(&b[q..end]) == 2 {
            q += 2;
            if b.get(q) == Some(&b':') && digits(&b[q + 1..end]) == 2 {
                q += 3;
            }
            let gap = if b[q..end].starts_with(b" - ") {
                3
            } else {
                usize::from(b.get(q) == Some(&b' '))
            };
            if gap > 0 {
                stamped = true;
                p = q + gap;
            }
        }
    }
    if b.get(p) == Some(&b'[') {
        let close = p + memchr::memchr(b']', &b[p..end.min(p + 24)])?;
        stamped = true;
        p = close + 1;
        while p < end && b[p] == b' ' {
            p += 1;
        }
    }
    let s = p;
    let mut words = 0;
    let mut e = p;
    while p < end && words < 3 {
        let w = b[p..end]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic() || **c >= 0x80 || matches!(c, b'-' | b'\''))
            .count();
        if w == 0 {
            break;
        }
        words += 1;
        p += w;
        e = p;
        if b.get(p) == Some(&b' ') && b.get(p + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c >= 0x80) {
            p += 1;
        } else {
            break;
        }
    }
    if words == 0 {
        return None;
    }
    let mut q = e;
    // A clock after the name: " 9:41", " 07:12", " [19:45]".
    let rest = &b[q..end];
    if rest.first() == Some(&b' ') {
        let bracket = usize::from(rest.get(1) == Some(&b'['));
        let h = digits(&rest[1 + bracket..]);
        if (1..=2).contains(&h)
            && matches!(rest.get(1 + bracket + h), Some(b':' | b'.'))
            && digits(&rest[2 + bracket + h..]) == 2
            && (bracket == 0 || rest.get(4 + bracket + h) == Some(&b']'))
        {
            q += 1 + h + 3 + 2 * bracket;
            stamped = true;
        }
    }
    if b.get(q) == Some(&b' ') {
        q += 1;
    }
    (q < end && b[q] == b':').then_some((s, e, stamped))
}

/// What a caller says right after their own name, unpunctuated in a transcript: where
/// they call from ("this is wayra at meridian", "sono juhani della banca", "u spreekt
/// met killa warsame van ziekenhuis …") or their next clause ("my name is emre can i
/// start", "hier ist minh kariuki ich wollte").
fn after_own_name(b: &[u8], end: usize) -> bool {
    // An agent's offer after their name: "you're speaking to mele how can i help", "u spreekt
    // met storm waarmee kan ik u helpen", "sono hosteen come posso aiutarla"; a caller's
    // reason: "hier ist gintaras hahn es geht um …".
    const NEXT: &str = "from|at|with|of|calling|here|speaking|and|i|i'm|can|could|i'd|just|spelled|spelt|surname|that's|date|dob|born|this|it's|we|we're|your|please|thanks|van|uit|bij|en|ik|von|vom|aus|bei|und|ich|de|du|des|et|je|j'ai|del|y|yo|da|della|dal|di|e|io|do|dos|das|eu|aqui|how|what|waarmee|wat|hoe|was|womit|wie|que|comment|come|cosa|em|como|chiamo|llamo|ligo|bel|es|ringing|phoning";
    if b.get(end) != Some(&b' ') {
        return false;
    }
    let w = &b[end + 1..];
    // French "j'appelle", "j'aimerais": a clause of the caller's own.
    if w.starts_with(b"j'") || w.starts_with("j’".as_bytes()) {
        return true;
    }
    let n = w.iter().take_while(|c| c.is_ascii_alphabetic() || **c == b'\'').count();
    n > 0 && w.get(n).is_none_or(|c| *c < 0x80) && NEXT.split('|').any(|x| x.as_bytes().eq_ignore_ascii_case(&w[..n]))
}

/// Whether an agent's offer of help follows a name: "… how can i help", "… waarmee kan ik
/// u helpen", "… en qué puedo ayudarle", "… que puis-je faire", "… come posso aiutarla".
fn offer_follows(b: &[u8], end: usize) -> bool {
    const OFFER: [&str; 14] = [
        "how", "what", "waarmee", "wat", "hoe", "was", "womit", "wie", "que", "comment", "come", "cosa", "em", "en",
    ];
    let Some(w) = b.get(end + 1..).filter(|_| b.get(end) == Some(&b' ')) else {
        return false;
    };
    let n = w.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    n > 0 && w.get(n) == Some(&b' ') && OFFER.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(&w[..n]))
}

/// Punctuation said aloud in dictation, as the next word: "patient zofia young period date
/// of birth …", "Arztbrief für elif barbosa Komma geboren …"; or a speaker's hesitation,
/// which a recogniser writes where a pause ends a name ("my name is ama mensah um about …").
fn spoken_punctuation(rest: &[u8]) -> bool {
    const WORDS: [&str; 30] = [
        "comma",
        "period",
        "full stop",
        "new line",
        "colon",
        "semicolon",
        "virgule",
        "point",
        "coma",
        "virgola",
        "vírgula",
        "komma",
        "punkt",
        "punto",
        "ponto",
        "punt",
        "um",
        "uh",
        "uhm",
        "umm",
        "erm",
        "er",
        "eh",
        "ehm",
        "äh",
        "ähm",
        "öh",
        "euh",
        "hum",
        "ahn",
    ];
    WORDS.iter().any(|w| {
        rest.len() >= w.len()
            && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            && !rest
                .get(w.len())
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
    })
}

/// "Kwame Mensah to update", "Call Isla at 919": a lower-case word follows.
fn next_is_lower_word(b: &[u8], end: usize) -> bool {
    b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(u8::is_ascii_lowercase)
}

/// Labels whose value can only be a name (lower case accepted there).
fn is_name_label(l: &str) -> bool {
    matches!(
        l,
        "name"
            | "full name"
            | "surname"
            | "surnames"
            | "forename"
            | "forenames"
            | "first names"
            | "given names"
            | "family name"
            | "maiden name"
            | "patient surname"
            | "patient forename"
            | "patient name"
            | "name of patient"
            | "pt name"
            | "employee name"
            | "customer name"
            | "client name"
            | "member name"
            | "vorname"
            | "vornamen"
            | "voornamen"
            | "nachname"
            | "familienname"
            | "geburtsname"
            | "vollständiger name"
            | "nom"
            | "prénom"
            | "nom de famille"
            | "nom complet"
            | "nom de naissance"
            | "nombre"
            | "apellido"
            | "apellidos"
            | "nombre completo"
            | "nombre y apellidos"
            | "nome"
            | "cognome"
            | "nome e cognome"
            | "naam"
            | "voornaam"
            | "achternaam"
            | "volledige naam"
            // Who holds an account, a card or a policy, or receives a payment.
            | "beneficiary"
            | "account holder"
            | "cardholder"
            | "card holder"
            | "name on card"
            | "payee"
            | "policyholder"
            | "policy holder"
            | "titular"
            | "titular de la cuenta"
            | "titular da conta"
            | "titulaire"
            | "titulaire du compte"
            | "intestatario"
            | "intestataria"
            | "kontoinhaber"
            | "kontoinhaberin"
            | "karteninhaber"
            | "bénéficiaire"
            | "beneficiario"
            | "beneficiaria"
            | "begünstigter"
            | "begünstigte"
            | "begunstigde"
            | "rekeninghouder"
            | "favorecido"
    )
}

/// Role words after which a capitalized word is a name: "Agent Amelia:", "Medewerker Janneke".
/// "La supervisora de enfermería", "Il coordinatore": an article before a word in lower case
/// signs with a role. ("La Rosa", "Le Ngoc Anh" are names: their words are capitalized.)
fn role_with_article(read: &str) -> bool {
    let mut words = read.split_whitespace();
    let first = words.next().unwrap_or("");
    matches!(
        first,
        "La" | "Le"
            | "Il"
            | "Lo"
            | "El"
            | "Los"
            | "Las"
            | "Les"
            | "Gli"
            | "Der"
            | "Die"
            | "Das"
            | "The"
            | "O"
            | "A"
            | "Os"
            | "As"
    ) && words.next().is_some_and(|w| w.starts_with(char::is_lowercase))
}

fn role_word(l: &str) -> bool {
    !l.contains(' ') && l.len() <= 14
}

/// Whether a JSON key names a person: 3 where it holds one part of a name
/// (`given`, `family`, `last_name`), 2 where only a name fits
/// (`patient_name`, `attending`), 1 where a name is likely (`name`,
/// `contact`), None otherwise (`file_name`, `drug_name`, `username`).
fn person_key(key: &str) -> Option<u8> {
    if key.is_empty() || key.len() > 40 {
        return None;
    }
    // camelCase -> snake_case, lower case.
    let mut k = String::with_capacity(key.len() + 4);
    let mut prev_lower = false;
    for c in key.chars() {
        if c.is_uppercase() && prev_lower {
            k.push('_');
        }
        prev_lower = c.is_lowercase();
        match c {
            '-' | ' ' | '.' => k.push('_'),
            _ => k.extend(c.to_lowercase()),
        }
    }
    let parts: Vec<&str> = k.split('_').filter(|p| !p.is_empty()).collect();
    const NOT: &[&str] = &[
        "user",
        "username",
        "file",
        "filename",
        "host",
        "hostname",
        "drug",
        "med",
        "medication",
        "product",
        "company",
        "org",
        "organization",
        "organisation",
        "facility",
        "hospital",
        "clinic",
        "pharmacy",
        "plan",
        "insurer",
        "payer",
        "brand",
        "model",
        "device",
        "app",
        "tool",
        "function",
        "field",
        "key",
        "city",
        "street",
        "country",
        "state",
        "dept",
        "department",
        "team",
        "group",
        "role",
        "type",
        "status",
        "id",
        "code",
        "email",
        "mail",
        "phone",
        "tel",
        "url",
        "event",
        "test",
        "lab",
        "diagnosis",
        "procedure",
        "vendor",
        "bank",
        "branch",
        "store",
        "site",
        "location",
        "ward",
        "unit",
        "specialty",
        "number",
        "no",
        "address",
        "project",
        "service",
        "queue",
        "channel",
        "domain",
        "table",
        "column",
        "schema",
        "class",
        "method",
        "package",
        "repo",
        "branch",
        "env",
        "database",
        "db",
        "bucket",
        "region",
        "zone",
        "index",
        "display",
    ];
    if parts.iter().any(|p| NOT.contains(p)) {
        return None;
    }
    const NAMEY: &[&str] = &[
        "firstname",
        "lastname",
        "givenname",
        "familyname",
        "fullname",
        "surname",
        "patientname",
        "patient",
        "attending",
        "prescriber",
        "physician",
        "doctor",
        "nurse",
        "provider",
        "surgeon",
        "customer",
        "client",
        "member",
        "subscriber",
        "insured",
        "employee",
        "manager",
        "supervisor",
        "author",
        "owner",
        "assignee",
        "assigned",
        "requested",
        "requester",
        "reported",
        "reporter",
        "submitted",
        "submitter",
        "signed",
        "signer",
        "reviewer",
        "reviewed",
        "approver",
        "approved",
        "caregiver",
        "guardian",
        "witness",
        "kin",
        "spouse",
        "mother",
        "father",
        "parent",
        "recipient",
        "sender",
        "agent",
        "beneficiary",
        "holder",
        "cardholder",
        "applicant",
        "claimant",
        "adjuster",
        "referring",
        "referrer",
        "pcp",
        "contact",
        "nom",
        "prenom",
        "prénom",
        "nombre",
        "apellido",
        "apellidos",
        "cognome",
        "nome",
        "naam",
        "voornaam",
        "achternaam",
        "vorname",
        "nachname",
        "medico",
        "médico",
        "arzt",
        "arts",
        "médecin",
        "medecin",
        "paciente",
        "paziente",
        "patiënt",
        "kunde",
        "klant",
        "cliente",
        "testigo",
        "zeuge",
        "getuige",
        "emergency",
        "forename",
        "forenames",
        "apelido",
        "apelidos",
        "sobrenome",
        "familienname",
        "geslachtsnaam",
    ];
    // A record's two parts of a name: {"given": "…", "family": "…"}.
    let namey = parts.iter().any(|p| NAMEY.contains(p)) || matches!(parts[..], ["given"] | ["family"]);
    let name = parts.contains(&"name");
    const PART: &[&str] = &[
        "given",
        "family",
        "surname",
        "firstname",
        "lastname",
        "givenname",
        "familyname",
        "forename",
        "forenames",
        "vorname",
        "nachname",
        "familienname",
        "prenom",
        "prénom",
        "apellido",
        "apellidos",
        "cognome",
        "voornaam",
        "achternaam",
        "sobrenome",
        "apelido",
        "apelidos",
    ];
    let part = parts.iter().any(|p| PART.contains(p))
        || name
            && parts
                .iter()
                .any(|p| matches!(*p, "first" | "last" | "given" | "family" | "sur" | "maiden"));
    if part && parts.len() <= 3 {
        // One part of a name: whatever word it holds ("Cook", "Hope") is that part.
        Some(3)
    } else if parts.len() == 1 && name {
        Some(1)
    } else if namey
        || name
            && parts.iter().any(|p| {
                matches!(
                    *p,
                    "first" | "last" | "given" | "family" | "full" | "middle" | "maiden" | "legal" | "sur" | "birth"
                )
            })
    {
        Some(2)
    } else if name {
        Some(1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::ContextIndex;

    /// The names found (dictionary and context), overlaps resolved.
    fn people(text: &str) -> Vec<String> {
        let idx = ContextIndex::new(&[]).unwrap();
        let mut hits = Vec::new();
        idx.find(text, &mut hits);
        let mut out = Vec::new();
        Names::new()
            .unwrap()
            .scan(text, &Context { hits: &hits }, &[], &mut out);
        out.retain(|c| c.score >= 0.5);
        crate::resolve(out)
            .into_iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn whom_a_note_asks() {
        check(&[
            ("ask Okonkwo whether the scan is booked", &["Okonkwo"]),
            ("demander à mbeki si le dossier est complet", &["mbeki"]),
            ("bitte adeyemi fragen, ob der Termin steht", &["adeyemi"]),
            ("Chased Halvorsen for the discharge letter", &["Halvorsen"]),
            ("ask the pharmacy whether it came in", &[]),
            ("remind me: tomorrow", &[]),
        ]);
    }

    #[test]
    fn agents_after_by_and_assignees() {
        check(&[
            ("Laptop wiped and enrolled by Oyelaran; charger missing.", &["Oyelaran"]),
            ("Adresse mise à jour par Nomvula Dlamini.", &["Nomvula Dlamini"]),
            ("Ticket reassigned to Kwabena.", &["Kwabena"]),
            ("Payment due by Friday.", &[]),
            ("Costs covered by Medicare.", &[]),
            ("The bank, led by Christine Lagarde, held rates.", &[]),
            // Lower case or a longer run is not read here.
            ("updated by the billing team.", &[]),
        ]);
    }

    #[test]
    fn surname_labels_bracketed_notes_logfmt_values_and_names_ending_like_english_words() {
        check(&[
            ("Surname: Okonjo\nForename: Adaeze", &["Okonjo", "Adaeze"]),
            ("First names: Tauri Mae", &["Tauri Mae"]),
            ("Prénom : Xiaoming", &["Xiaoming"]),
            ("Name: Huiying", &["Huiying"]),
            ("Patient name (Last, First): Ferreira, Oyelola", &["Ferreira, Oyelola"]),
            ("Nom (en majuscules) : DUBOSC Anaïs", &["DUBOSC Anaïs"]),
            (
                "lookup member=X1 name=\"Halvorsen, Ingrid\" result=OK",
                &["Halvorsen, Ingrid"],
            ),
            ("user=k9 patient_name='Tomasz Wrona' ok", &["Tomasz Wrona"]),
            ("file_name=\"summary.pdf\" status=done", &[]),
            // An English word's ending still ends a name where the label is no name's.
            ("Owner: Onboarding", &[]),
        ]);
    }

    fn check(cases: &[(&str, &[&str])]) {
        for (text, want) in cases {
            assert_eq!(&people(text), want, "{text}");
        }
    }

    fn check_registry(cases: &[(&str, &[&str])]) {
        for (text, want) in cases {
            assert_eq!(&registry_people(text), want, "{text}");
        }
    }

    #[test]
    fn a_name_after_a_german_doctors_title() {
        assert_eq!(
            registry_people("Arzt: Dr. med. Narek Kapanadze, Klinikum Nord"),
            ["Narek Kapanadze"]
        );
        assert_eq!(
            registry_people("Mit freundlichen Grüßen\nProf. Dr. med. Ilse Brandauer"),
            ["Ilse Brandauer"]
        );
        assert!(registry_people("Die Dosis wurde von Dr. med. angepasst.").is_empty());
    }

    #[test]
    fn a_name_before_a_clinicians_credential() {
        assert_eq!(
            people("verified at pickup Tomasz Wierzbicki, DO - DEA on file"),
            ["Tomasz Wierzbicki"]
        );
        assert_eq!(
            people("ATTENDING: OLUWADAMILARE K. BANJO, MD DX: I21.4"),
            ["OLUWADAMILARE K. BANJO"]
        );
        assert_eq!(
            people("Provider: Anahera Ngata, DDS - date of service"),
            ["Anahera Ngata"]
        );
        // A place before a state's code, an abbreviation that is no credential.
        assert!(people("Flights to Washington, DC and Boston, MA").is_empty());
        assert!(people("Review the Standard Operating Procedure, DOC-12").is_empty());
    }

    #[test]
    fn titles_whatever_the_name() {
        check(&[
            ("Prescriber: Dr. Oyelaran Adebayo-Nwosu", &["Oyelaran Adebayo-Nwosu"]),
            ("Seguimiento con Dra. Bouzid; teléfono 600 000 000", &["Bouzid"]),
            ("Appel de M. Zoungrana au sujet des résultats.", &["Zoungrana"]),
            ("Contattato/a Sig.ra Nkemelu al telefono.", &["Nkemelu"]),
            (
                "Gesprek met Mevr. Wijnaldum-Oduya over de uitslag.",
                &["Wijnaldum-Oduya"],
            ),
            (
                "Seen by Prof. Ngozi bin Rashid al-Farsi today.",
                &["Ngozi bin Rashid al-Farsi"],
            ),
            ("The meeting is at 10 a.m. Tomorrow we go.", &[]),
        ]);
    }

    #[test]
    fn labels_in_six_languages_and_all_capitals() {
        check(&[
            ("NAME: KWAME OSEI MENSAH\nDOB: 1980", &["KWAME OSEI MENSAH"]),
            ("Attending: Siosaia Taufa\nWard: 4B", &["Siosaia Taufa"]),
            ("Nom : Tshabalala\nPrénom : Zanele", &["Tshabalala", "Zanele"]),
            ("Apellidos: Quispe Mamani\nNombre: Wayra", &["Quispe Mamani", "Wayra"]),
            ("Cognome: Abdulrahman, Nome: Yusuf", &["Abdulrahman", "Yusuf"]),
            ("Achternaam: Bouwhuis-Dlamini", &["Bouwhuis-Dlamini"]),
            ("Action: Kwame Mensah to update the order set.", &["Kwame Mensah"]),
            ("Name: Unknown", &[]),
            ("Patient: stable", &[]),
            ("Patient: Stable overnight.", &[]),
            ("Contact: support team", &[]),
            ("Contact: Support Team", &[]),
            ("Customer: Also the savings account is blocked.", &[]),
            ("Action: Review labs and repeat in 2 weeks.", &[]),
        ]);
    }

    #[test]
    fn json_values_under_person_keys() {
        check(&[
            (r#"{"attending": "Tiago Mendes", "ward": "4B"}"#, &["Tiago Mendes"]),
            (r#"{"patient_name": "nnamdi okafor", "age": 54}"#, &["nnamdi okafor"]),
            (r#"{"requestedBy": "Oyelaran Bello"}"#, &["Oyelaran Bello"]),
            (r#"{"drug_name": "Lipitor", "file_name": "Report Final"}"#, &[]),
            (r#"{"name": "get_weather"}"#, &[]),
            // A part of a name takes an ordinary word; a placeholder stays one.
            (r#"{"given": "Otieno", "family": "Cook"}"#, &["Otieno", "Cook"]),
            (r#"{"first_name": "Unknown", "last_name": "N/A"}"#, &[]),
        ]);
    }

    #[test]
    fn whose_relative_record_or_account() {
        check(&[
            ("anyone seen Ngata's notes? they were on the desk", &["Ngata"]),
            ("Spoke with El Amrani's daughter about the plan", &["El Amrani"]),
            ("can u check obinna's bloods from this morning", &["obinna"]),
            // A firm, a disease, a role.
            ("my McDonald's order is late", &[]),
            ("Parkinson's disease, stable", &[]),
            ("the patient's notes are missing", &[]),
        ]);
    }

    #[test]
    fn lower_case_names_that_no_cue_announces() {
        check(&[
            ("solène: pls ask bram re bed 13 the bloods", &["solène"]),
            (
                "hi sorry to msg on here its femke nguyen my appointment",
                &["femke nguyen"],
            ),
            ("this is priya hoang for the clinic", &["priya hoang"]),
            ("for the rent refund: jana carvalho, acct 26615", &["jana carvalho"]),
            // Ordinary words that are also names, addresses, paths, firms, streets, identifiers.
            ("grace period ends in may, will mark it", &[]),
            ("mail okonkwo.femke@example.org or see /home/okonkwo/notes", &[]),
            ("the engineer from kowalczyk transport is coming thursday", &[]),
            ("update the address to eighty-six kingsley road, unit 13", &[]),
            ("iban gb25 loyd 0790 9356", &[]),
            ("PC: abdo pain since monday", &[]),
        ]);
    }

    #[test]
    fn greetings_sign_offs_and_introductions() {
        check(&[
            ("Hi Nnamdi, your refill is ready.", &["Nnamdi"]),
            ("Hallo Zeynep,\ndanke für die Nachricht.", &["Zeynep"]),
            ("Hi team, the build is green.", &[]),
            // Whom a letter addresses when it names no one.
            ("Dear Parents and Carers,\nthe term ends on Friday.", &[]),
            ("Geachte commissie,\nvan harte steun ik de aanvraag.", &[]),
            ("Best regards,\nZhyldyz Abdyrakhmanova", &["Zhyldyz Abdyrakhmanova"]),
            ("Mit freundlichen Grüßen\nbjörn zimmermann | HR", &["björn zimmermann"]),
            ("Thanks,\nthe support team", &[]),
            // A blank line before a letter's signature; a role, a firm or a title signs no one.
            (
                "Yours faithfully,\n\nTjarkko Venalainen\nProgramme Director",
                &["Tjarkko Venalainen"],
            ),
            ("Yours sincerely,\n\nChief Executive", &[]),
            (
                "Yours sincerely,\nTjarkko Venalainen\nClaims Handler",
                &["Tjarkko Venalainen"],
            ),
            ("Yours faithfully,\n\nGreyfriars Solicitors", &[]),
            // Kin as a title before a given name; not the kin word alone.
            (
                "Uncle Tjarkko's fish pie (serves 6). Le tajine de tonton Ifeoluwa.",
                &["Tjarkko", "Ifeoluwa"],
            ),
            ("My uncle said the pie serves six.", &[]),
            // Thanks and praise in a newsletter.
            (
                "Der Basar hat 1.200 Euro eingebracht, danke an Tjarkko Venalainen.",
                &["Tjarkko Venalainen"],
            ),
            (
                "Parabéns a Ifeoluwa Adeyemi (2.º ano) pelo prémio!",
                &["Ifeoluwa Adeyemi"],
            ),
            (
                "Hello, this is Siosaia Taufa from Dr. Haddad's office.",
                &["Siosaia Taufa", "Haddad"],
            ),
            ("My name is Aigerim Bekova and I need help.", &["Aigerim Bekova"]),
            // An agent's name, then the offer of help; a caller's, then the reason.
            (
                "agent: northgate energy you're speaking to sarah how can i help",
                &["sarah"],
            ),
            (
                "anrufer: ja hallo hier ist sarah hahn es geht um den zählerstand",
                &["sarah hahn"],
            ),
            // One name no language uses, then the offer of help; not an ordinary word.
            (
                "operador: buenos días le atiende tjarkko en qué puedo ayudarle",
                &["tjarkko"],
            ),
            ("sono qui come sempre", &[]),
            ("This is important for the audit.", &[]),
            // A phrase and a full name on one line; a given name that opens sentences too.
            ("Mit freundlichen Grüßen Ilse Brandauer", &["Ilse Brandauer"]),
            ("Best regards, Hope Mwale", &["Hope Mwale"]),
            ("Hope Everything is fine.", &[]),
            ("Best regards the team", &[]),
            // Sign-offs in Portuguese and the short forms of the other languages.
            ("Pode ligar amanhã. Obrigada, Ifeoluwa", &["Ifeoluwa"]),
            ("Tot morgen.\nGroetjes,\nSiebrand", &["Siebrand"]),
            ("Un abrazo, Xochitl", &["Xochitl"]),
            ("Please take care of the invoice.", &[]),
            // A message that opens on the name it speaks to; not on a word.
            ("Desmond-Kenji, your appt is on 12 Jul.", &["Desmond-Kenji"]),
            ("imran, your appt is on 17 May.", &["imran"]),
            ("Sorry, your card was declined.", &[]),
            // A name before a date in brackets, where a word of it looks like a name.
            (
                "Pharmacy note: Théo Shevchenko (24/03/1980) called.",
                &["Théo Shevchenko"],
            ),
            ("Release Notes (12/03/2024)", &[]),
            // Introductions in lower case, where a dictionary knows the name; form labels.
            (
                "bonjour, c'est makoa hernández. pouvez-vous livrer",
                &["makoa hernández"],
            ),
            ("c'est pas grave, merci", &[]),
            ("i'm going to call tomorrow", &[]),
            ("First: preheat the oven to 200 degrees.", &[]),
            ("Guarantor: Makoa Adeyemi  SSN 721-15-4028", &["Makoa Adeyemi"]),
            (
                "Bitte überweisen, Absender Maja Oksana Puigdemunt, danke.",
                &["Maja Oksana Puigdemunt"],
            ),
            // A label in capitals with a letter outside ASCII.
            ("PRÉNOM : Farzana", &["Farzana"]),
            // A relative's name; lower case only where a dictionary knows it.
            ("Eligibility question for my kid Aiko.", &["Aiko"]),
            ("Fall risk, prévenir sa fille Ilze.", &["Ilze"]),
            ("ik wil mijn zoon/dochter inschrijven bij de huisarts.", &[]),
            ("My daughter is sick.", &[]),
            // A list's next name without the next field's label.
            ("Versicherte: García, Yannick Krankenkasse: IKK", &["García", "Yannick"]),
        ]);
        // A given name after its surname and a comma, before a record number (one name when the
        // surname is in capitals); not a credential.
        check_registry(&[
            (
                "PROBLEM LIST — OLIVEIRA, Zeynep (MRN: 00000742) 1. fracture",
                &["OLIVEIRA, Zeynep"],
            ),
            ("Priya Verma, DO - DEA MV4862769", &["Priya Verma"]),
            // A numbered list's items.
            (
                "MDT list, Tuesday\n1. ÖZTÜRK, Zeynep — second opinion\n2. HEIKKINEN, Jukka — imaging",
                &["ÖZTÜRK, Zeynep", "HEIKKINEN, Jukka"],
            ),
            // A clinician's grade in brackets; not an organ system's.
            (
                "Seen with Panagiota (SHO). Presenting: Tjarkko (CNS).",
                &["Panagiota", "Tjarkko"],
            ),
            ("Tumour (CNS) review on Friday.", &[]),
        ]);
        // A name before an account's label and number; not a bank's.
        check_registry(&[
            (
                "Quota palestra: Jordi Quispe, IBAN DE89 3704 0044 0532 0130 00",
                &["Jordi Quispe"],
            ),
            ("Deutsche Bank, IBAN DE89 3704 0044 0532 0130 00", &[]),
            ("Banco Santander, IBAN DE89 3704 0044 0532 0130 00", &[]),
        ]);
        // A label mid-line in a form, and a name without the next field's words.
        check_registry(&[(
            "Nom : Adeyemi Prénom : Farzana Date de naissance : 1.2.1980",
            &["Adeyemi", "Farzana"],
        )]);
    }

    #[test]
    fn roles_subjects_vocatives_and_lists() {
        check(&[
            (
                "Agent Amelia: I'm sorry to hear that, Matthew. Can you confirm?",
                &["Amelia", "Matthew"],
            ),
            ("Medewerker Mirjeta: Een moment.", &["Mirjeta"]),
            ("Subject: Sick leave - Aigerim Bekova", &["Aigerim Bekova"]),
            (
                "Attendees: Ana Kovač, Tiago Mendes, and Oyelaran",
                &["Ana Kovač", "Tiago Mendes", "Oyelaran"],
            ),
            ("Seen by Dr. Smith, Cardiology.", &["Smith"]),
            ("I moved to 320 N Madison Place, Louisville, KY 40202.", &[]),
        ]);
    }

    #[test]
    fn thanks_by_name_form_fields_and_surname_first() {
        check(&[
            (
                "Agent: Thanks Oluwadamilare. Can I confirm your postcode?",
                &["Oluwadamilare"],
            ),
            ("Thank you Kesang, and a phone number for the courier?", &["Kesang"]),
            ("Thanks Team. Thanks Everyone! Thanks again.", &[]),
            ("Can I change my address? Will you call me?", &[]),
            (
                "Applicant: Mirela Dobre   DOB: 04/02/1981   Co-applicant: Teodor Dobre   DOB: 09/09/1979",
                &["Mirela Dobre", "Teodor Dobre"],
            ),
            ("SSN: 123-45-6789 Co-applicant: Teodor Dobre", &["Teodor Dobre"]),
            (
                "Rp. Ramipril 5 mg\nPat.: Brandauer, Lioba, geb. 02.03.1951",
                &["Brandauer, Lioba"],
            ),
            ("Pat. Lioba Brandauer (Pat.-Nr. 4471203)", &["Lioba Brandauer"]),
            ("pflegebericht: pat. gisela obermaier (zi. 12)", &["gisela obermaier"]),
            (
                r#"{"name": [{"family": "Adebayo-Lindqvist", "given": ["Ifeoma"]}]}"#,
                &["Adebayo-Lindqvist", "Ifeoma"],
            ),
            (r#"{"family": "Smith Foundation", "given": ["2 doses"]}"#, &[]),
        ]);
    }

    #[test]
    fn drivers_parties_signatories_and_greeted_introductions() {
        check(&[
            ("Other party: Tomasz Wierzbicki, plate 4KXR221", &["Tomasz Wierzbicki"]),
            (
                "Veicolo B: targa GH 118TR, conducente Ilaria Fumagalli.",
                &["Ilaria Fumagalli"],
            ),
            ("Je soussignée Awa Diallo, gestionnaire de paie", &["Awa Diallo"]),
            ("Trabajador/a: Oihane Etxeberria, DNI", &["Oihane Etxeberria"]),
            ("call the front desk (ask for Ofelia)", &["Ofelia"]),
            ("hey its rangi parata - moved house", &["rangi parata"]),
            ("its own problem - really", &[]),
        ]);
    }

    #[test]
    fn lower_case_names_where_the_context_is_strong() {
        check(&[
            ("bed 12 tupac amaru - fall risk", &["tupac amaru"]),
            ("pt nnamdi okafor c/o chest pain", &["nnamdi okafor"]),
            ("pt tolerating diet, afebrile", &[]),
            ("bed 4 stable overnight - no events", &[]),
            ("pt alert and oriented", &[]),
            // A transcript's introductions, ended by a hesitation or said punctuation.
            (
                "yeah so the patient is tavita warsame uh date of birth",
                &["tavita warsame"],
            ),
            ("hi my name is tavita oyelaran um about a refill", &["tavita oyelaran"]),
            (
                "brief nieuwe alinea patiënt tavita warsame punt geboren",
                &["tavita warsame"],
            ),
            ("the patient is stable and the patient is comfortable", &[]),
            ("the patient is on warfarin uh since march", &[]),
            // Whom a voicemail is for.
            ("Hi, uh, message for Tavita. It's the dental office", &["Tavita"]),
            (
                "Goedemiddag, bericht voor Tavita Warsame, uw afspraak",
                &["Tavita Warsame"],
            ),
            ("this is a message for the team about the rota", &[]),
            // The caller's next clause after their name.
            (
                "bonjour je m'appelle tavita warsame j'appelle pour mon rendez-vous",
                &["tavita warsame"],
            ),
            (
                "hi this message is for tavita warsame this is the pharmacy calling",
                &["tavita warsame"],
            ),
        ]);
    }

    #[test]
    fn words_that_are_not_names() {
        check(&[
            ("Patient has Parkinson's disease and Crohn's disease.", &[]),
            ("History of Hodgkin lymphoma, Down syndrome; Apgar 9.", &[]),
            ("Started Lipitor on Monday in Paris.", &[]),
            ("Alzheimer's screening was negative.", &[]),
        ]);
    }

    /// The PERSON findings of the whole registry: anchored names need what
    /// the stages before found (addresses, phones).
    /// The names the whole registry finds (one registry for all these tests).
    fn registry_people(text: &str) -> Vec<String> {
        static REGISTRY: std::sync::OnceLock<crate::Registry> = std::sync::OnceLock::new();
        REGISTRY
            .get_or_init(|| crate::Registry::with_defaults().unwrap())
            .scan(text)
            .into_iter()
            .filter(|f| f.entity == crate::Entity::Builtin(Kind::Person))
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn a_name_the_email_address_after_it_spells() {
        check_registry(&[
            ("Zainab Okwuosa zokwuosa@lagoshealth.example", &["Zainab Okwuosa"][..]),
            (
                "Regards,\nIlse Vandeputte\nilse.vandeputte@az.example",
                &["Ilse Vandeputte"],
            ),
            ("Write to Tevita Lolohea <tl@fresno.example>", &["Tevita Lolohea"]),
            ("Contact Billing Team billing@acme.example", &[]),
            ("Ask Support Desk at helpdesk@acme.example", &[]),
        ]);
    }

    #[test]
    fn relations_in_brackets_mentions_and_names_in_two_scripts() {
        check_registry(&[
            (
                "Family (Tamunoibi Ekwueme, father) updated by phone.",
                &["Tamunoibi Ekwueme"][..],
            ),
            ("@ketevan please send the form", &["ketevan"]),
            ("ping @here and @channel", &[]),
            (
                "Interpreter for Layla Haddad / ليلى حداد today",
                &["Layla Haddad", "ليلى حداد"],
            ),
            (
                "Passport name Дмитрий Соколов (Dmitri Sokolov), renewed",
                &["Дмитрий Соколов", "Dmitri Sokolov"],
            ),
            ("Olá Luana, segue em anexo", &["Luana"]),
        ]);
    }

    #[test]
    fn attendees_and_lists_of_names_no_dictionary_holds() {
        assert_eq!(
            registry_people("Attendees: Ruslana Hrytsenko, Bohumila Vránová, Tadesse Worku."),
            ["Ruslana Hrytsenko", "Bohumila Vránová", "Tadesse Worku"]
        );
        assert_eq!(
            registry_people("Teilnehmer: Ketevan Beridze, Dawit"),
            ["Ketevan Beridze", "Dawit"]
        );
        // One given name each, never "Surname, Given".
        assert_eq!(
            registry_people("Attendees: Wairimu, Chidinma, Tchakounte"),
            ["Wairimu", "Chidinma", "Tchakounte"]
        );
        // After a meeting's title and a dash.
        assert_eq!(
            registry_people("Overleg incasso — Maria, Tchakounte\nDe regeling volgt."),
            ["Maria", "Tchakounte"]
        );
        assert_eq!(registry_people("Update - Paris, London"), Vec::<String>::new());
    }

    #[test]
    fn a_yaml_steps_name_and_a_teams_sign_off_are_not_people() {
        check_registry(&[
            ("steps:\n  - name: Checkout\n    uses: actions/checkout@v4", &[][..]),
            ("services:\n    name: Gateway\n", &[]),
            (
                "patients:\n  - name: Maria Keller\n    mrn: 00482913",
                &["Maria Keller"],
            ),
            ("patient:\n  name: Tamunoibi Ekwueme\n", &["Tamunoibi Ekwueme"]),
            ("Cordialement, l'équipe Facturation", &[]),
            ("Saludos,\nel equipo de Admisiones", &[]),
            ("Saludos,\nRemedios Quispe", &["Remedios Quispe"]),
        ]);
    }

    #[test]
    fn lists_of_names_no_cue_announces() {
        check(&[
            (
                "Tjarkko, Ifeoluwa, Duc and Lerato will attend the MDT.",
                &["Tjarkko", "Ifeoluwa", "Duc", "Lerato"],
            ),
            (
                "Field, Oluwaseun e Yui parteciperanno alla riunione.",
                &["Field", "Oluwaseun", "Yui"],
            ),
            ("Ingredients: Sugar, Flour, Butter and Eggs.", &[]),
            ("Present: Hope, Grant, Will and May.", &[]),
            // A given name that is also a word, between two names.
            (
                "Attendees: Jadwiga, Oisín, Amber, Matti, Darius (joined late)",
                &["Jadwiga", "Oisín", "Amber", "Matti", "Darius"],
            ),
            // The item before a name, after "or" too; not a department, not a name's last part.
            (
                "We hope Tjarkko or Femke Jansen can cover nights.",
                &["Tjarkko", "Femke Jansen"],
            ),
            ("We hope Pharmacy or Femke Jansen can cover nights.", &["Femke Jansen"]),
            // A particle opens a name on a list only before the dictionaries' names.
            (
                "gracias a Ifeoluwa Adeyemi y al AMPA del colegio",
                &["Ifeoluwa Adeyemi"],
            ),
            // An initial glued to a surname; not a species, a file or an address.
            ("ward round 7N: P.Hoffmann - needs PT r/v", &["P.Hoffmann"]),
            ("giro visita: b.carvalho - ricovero", &["b.carvalho"]),
            ("grew E.coli and S.aureus, H.pylori neg; run ./a.out", &[]),
            // Who covers the ward.
            ("dx m54.5. cons: Paredes", &["Paredes"]),
        ]);
    }

    #[test]
    fn names_anchored_by_what_follows_them() {
        check_registry(&[
            // A value's owner before its colon, after "for", "of", "de".
            (
                "Passport on file for Tjarkko Venalainen: 548213377; DL pending",
                &["Tjarkko Venalainen"],
            ),
            (
                "Bitte überweisen an das Konto von Ilmari Okonkwo: 4402119987",
                &["Ilmari Okonkwo"],
            ),
            ("TE DEJO EL ENLACE A TUS RESULTADOS: 548213377", &[]),
            ("Notes for Monday Standup: 548213377", &[]),
            (
                "Deliver the pens to Ngozi Okwuosa, 1092 Yarrow Creek Path #207, Lubbock, TX 79416.",
                &["Ngozi Okwuosa"][..],
            ),
            (
                "Ship to: Tevita Lolohea 714 Elk View Run Fresno, CA 93711",
                &["Tevita Lolohea"],
            ),
            (
                "Triage: Batbayar Ganbold, DOB 23/06/1942, arrived by ambulance",
                &["Batbayar Ganbold"],
            ),
            (
                "Rewrite: \"Oksana Hrytsenko, 21, presents with a cough\"",
                &["Oksana Hrytsenko"],
            ),
            ("Thanks, Sravika Yelamanchili - 020 600 7061", &["Sravika Yelamanchili"]),
            ("pls check if wairimu in bed 23 got her gabapentin", &["wairimu"]),
            // Not a person: an insurer before its member ID, an organisation before an address.
            ("Insurance: Kaiser Permanente, Medicare ID (MBI) 8ED7-QN5-DA12", &[]),
            ("Ship to: Acme Medical Supplies, 1200 Main Street", &[]),
            ("Parkinson's disease, DOB unknown", &[]),
        ]);
    }

    #[test]
    fn labels_with_words_around_them_and_the_next_label() {
        check(&[
            (
                "First name: Gergő Last name: Halmágyi Date of birth: 3/21/46",
                &["Gergő", "Halmágyi"],
            ),
            (
                "Cardholder name: BLAGOY DRAGANOV Card number: 5371",
                &["BLAGOY DRAGANOV"],
            ),
            ("Nom de l'assuré : Kouassi Yao", &["Kouassi Yao"]),
            (
                "Achternaam: Hristova Voornamen: Radmila Adres: Dorpsstraat 30",
                &["Hristova", "Radmila"],
            ),
            ("File name: report.pdf; Product name: Jardiance Pen", &[]),
            ("Name: Cardiology Department", &[]),
        ]);
    }

    #[test]
    fn who_is_to_act_and_who_dictates() {
        check(&[
            ("needs more info, Ilse to chase.", &["Ilse"]),
            ("Action items:\n- Tanvir Okafor to email the payer", &["Tanvir Okafor"]),
            ("AI: Sigrid to update the rota", &["Sigrid"]),
            ("this is wanjiru dictating a discharge summary", &["wanjiru"]),
            // Roles, teams and services act and call too.
            (
                "Nurse to call the family. Pharmacy to send it. The team to review.",
                &[],
            ),
            ("hi, this is Member Services calling about your claim", &[]),
        ]);
    }

    #[test]
    fn names_spelled_out_and_ward_lists_by_surname() {
        check(&[
            (
                "the last name, that's w i l d e r b e r g - is on the lease",
                &["w i l d e r b e r g"],
            ),
            ("surname O K O N J O, first name", &["O K O N J O"]),
            ("spelled q. u. i. s. p. e. period", &["q. u. i. s. p. e"]),
            ("it's M-B-E-K-I", &["M-B-E-K-I"]),
            (
                "that's t as in tango, a as in alpha, n as in nancy",
                &["t as in tango, a as in alpha, n as in nancy"],
            ),
            (
                "con R de Roma, U de Uruguay, I de Italia",
                &["R de Roma, U de Uruguay, I de Italia"],
            ),
            // Letters alone among spelled ones.
            (
                "surname is m e n for november s as in sierra a h um date",
                &["m e n for november s as in sierra a h"],
            ),
            (
                "that's o d h i a as in alpha m b o er",
                &["o d h i a as in alpha m b o"],
            ),
            ("letto 8 - Brambilla, 74 anni, stabile", &["Brambilla"]),
            ("bed 3 - okonkwo, 61F, NBM", &["okonkwo"]),
            // The alphabet, a menu's letter, an apostrophe's s, a bed without an age.
            ("pick one of a b c d e", &[]),
            ("press A for yes, B for no", &[]),
            ("plan a for now and b for later", &[]),
            ("bed 4 - stable, ready for transfer", &[]),
        ]);
    }

    #[test]
    fn authors_of_a_chat_copied_with_their_clocks() {
        check(&[
            (
                "Tjarkko 08:57\nMorning! Yesterday: pipeline fix\nifeoluwa  9:41 AM\n+1 from me",
                &["Tjarkko", "ifeoluwa"],
            ),
            // An agenda's lines follow one another; one post alone is not a chat.
            ("Standup 09:00\nLunch 12:30\nRetro 15:00", &[]),
            ("Tjarkko 08:57\nMorning!", &[]),
            ("Lunch 12:30\nin the canteen\nReview 15:00\nroom 4", &[]),
        ]);
    }

    #[test]
    fn a_firm_named_after_its_founders_owns_no_bullet() {
        check(&[(
            "Bullets:\n\n- Wells Fargo: net income up\n- Morgan Stanley: revenue up\n- Ngozi Okafor: send the deck",
            &["Ngozi Okafor"],
        )]);
    }

    #[test]
    fn a_fixed_width_rows_surname_first_and_a_ward_lists_surname_before_its_note() {
        check(&[
            (
                "#  Name               DOB\n1  OKAFOR, Chidi          Nov 26, 1993\n2  JOVANOVIĆ, Dušan       Jun 8, 1947",
                &["OKAFOR, Chidi", "JOVANOVIĆ, Dušan"],
            ),
            ("- bed 3 Ashworth: still nauseous\n- bed 4 Obs: stable", &["Ashworth"]),
        ]);
    }

    #[test]
    fn a_sentence_after_patient_and_a_diagnosis_before_its_code_are_no_names() {
        check(&[
            ("Patiënt heeft sinds zes weken hartkloppingen.", &[]),
            (
                "paziente fatima-zahra el idrissi punto nato il",
                &["fatima-zahra el idrissi"],
            ),
        ]);
        check_registry(&[
            (
                "Diagnosen:\n- Harnwegsinfekt (N39.0)\n- Arterielle Hypertonie (I10)",
                &[],
            ),
            ("Principal diagnosis: acute on chronic heart failure (I50.9)", &[]),
        ]);
    }

    #[test]
    fn a_nickname_between_given_name_and_surname_is_part_of_the_name() {
        check(&[
            (
                "Robert \"Bob\" Kowalski rang about the bill.",
                &["Robert \"Bob\" Kowalski"],
            ),
            (
                "Spoke with Margarethe „Grete“ Oyelaran today.",
                &["Margarethe „Grete“ Oyelaran"],
            ),
            (
                "Visit booked for Temitope (Tope) Adebayo.",
                &["Temitope (Tope) Adebayo"],
            ),
            (
                "Ho sentito Giuseppe ‘Pino’ Esposito ieri.",
                &["Giuseppe ‘Pino’ Esposito"],
            ),
            // A codename in quotes, between words that are no names.
            ("Ship the “Hazel” Build on Monday.", &[]),
            ("Die Release-Notes für „Ingrid“ kommen morgen.", &[]),
        ]);
    }

    #[test]
    fn people_of_tickets_commits_and_incident_reviews() {
        check(&[
            (
                "Reporter: Yuxin Okafor    Assignee: Mireia Sabaté",
                &["Yuxin Okafor", "Mireia Sabaté"],
            ),
            (
                "Incident commander: Yared Bekele\nScribe: Ifeoluwa Adeyemi",
                &["Yared Bekele", "Ifeoluwa Adeyemi"],
            ),
            ("Outgoing: 5 calls, incoming: 12", &[]),
            // Who works with whom; not a department.
            (
                "today: pairing with Tjarkko, then the PR von Okonkwo. +1, looping in Legal",
                &["Tjarkko", "Okonkwo"],
            ),
            (
                "Nominated by: Yared Bekele\nAlso present: Ifeoluwa Adeyemi (HR)",
                &["Yared Bekele", "Ifeoluwa Adeyemi"],
            ),
        ]);
    }

    #[test]
    fn chat_speakers_and_roles_with_a_name() {
        check(&[
            (
                "[10:42] Rayén Painemal: can someone reset my password",
                &["Rayén Painemal"],
            ),
            ("Medewerker (Wahyu): Ik zet het door", &["Wahyu"]),
            ("[12:36] Cliente: Buongiorno [12:37] System: chat transferred", &[]),
            // One word shaped like a name speaks; a role does not.
            (
                "[10:43] Oyelaran: on it [10:44] Caller: thanks [10:45] Operador: ok",
                &["Oyelaran"],
            ),
            ("Know Your Customer (KYC) review", &[]),
            // Clocks without a colon, and a space before the speaker's colon.
            ("[16h15] Oyelaran : je rappelle", &["Oyelaran"]),
            ("[11pm] Ngozi Okwuosa: thanks!", &["Ngozi Okwuosa"]),
            ("[16h15] Total: 5 [5h] Dosage: 5mg", &[]),
            // A bare clock before each turn, as group chats are pasted.
            (
                "11:20 Hinnerk: grillen samstag bei uns\n17:30 linde: ich mach nudelsalat",
                &["Hinnerk", "linde"],
            ),
            ("Lunch 12:30\nReview 15:00\n09:00 Total: 12\n10:00 Dosage: 5mg", &[]),
        ]);
        for (c, ok) in [
            ("16h15", true),
            ("6h", true),
            ("11pm", true),
            ("7 PM", true),
            ("16h5", false),
            ("123h", false),
            ("5 kg", false),
        ] {
            assert_eq!(clock(c.as_bytes()), ok, "{c}");
        }
        check(&[
            // Who a parcel is left with.
            ("Leave with Oyelaran if no answer.", &["Oyelaran"]),
        ]);
    }

    #[test]
    fn patients_named_before_their_age() {
        check(&[
            (
                "ward list 4 Kowalczyk 71M CCF - NBM 9 Rautiainen 58F AKI",
                &["Kowalczyk", "Rautiainen"],
            ),
            ("handoff – ayelet kovalenko, 7yo, wheeze", &["ayelet kovalenko"]),
            // After a handoff's arrow; a one-letter unit before the clause's end.
            ("relevo hab. SR2 → Tjarkko 80 m, NAC, en ayunas", &["Tjarkko"]),
            ("bed 4 -> Ifeoluwa 36f, settled", &["Ifeoluwa"]),
            ("walked 80 m, then rested", &[]),
            // A short word no language uses, alone before its age.
            ("transm. SR4 → Taufa 40 a, érysipèle", &["Taufa"]),
            ("Stage 40 a, grade 2", &[]),
            ("Übergabe: Szymański, 83 Jahre, Sturz", &["Szymański"]),
            // Vitals, an address's units, a patient word, a number that is no age.
            ("temp 101F, Tmax 102F overnight", &[]),
            ("Apt 4F, Floor 3F", &[]),
            ("HPI: 67M with CAP. Patient 45 yo male.", &[]),
            ("Order 123 items", &[]),
        ]);
        assert!(age_unit(b"88M CCF", 2));
        assert!(age_unit("38 años".as_bytes(), 2));
        assert!(!age_unit(b"12Mb", 2));
        assert!(!age_unit(b"3 mg", 1));
        assert!(after_bed_number(b"26 ngata", 3));
        assert!(!after_bed_number(b"list ngata", 5));
    }

    #[test]
    fn names_given_in_the_next_turn() {
        check(&[
            (
                "Agent: and your full name [00:02:11] Caller: oyelaran tchakounte [00:02:15] Agent: thanks",
                &["oyelaran tchakounte"],
            ),
            (
                "Locutor 1: ¿y su nombre? Locutor 2: pues Wairimu Kariuki, con K",
                &["Wairimu Kariuki"],
            ),
            (
                "Rep: your name please?\nMember: yeah it's Benedetta Okonkwo.",
                &["Benedetta Okonkwo"],
            ),
            // No name given, a thing's name, the answer running on into a sentence.
            ("Agent: can I get your name? Caller: yes sure, one sec", &[]),
            (
                "Agent: what's the name of your pharmacy? Caller: walgreens on main",
                &[],
            ),
            ("Agent: and the name on the card? Caller: hang on let me find it", &[]),
            // Transcripts' and bots' tags in lower case, the next turn cutting the answer.
            (
                "spk_1: y su nombre spk_0: yaretzi oyelaran spk_1: la cita fue el martes",
                &["yaretzi oyelaran"],
            ),
            (
                "rep: and the name on the card caller: tavita mwangi agent: thanks",
                &["tavita mwangi"],
            ),
            (
                "bot: name on the account\nuser said: okonkwo tchakounte\nbot: thanks",
                &["okonkwo tchakounte"],
            ),
            (
                "assistente: e o titular da conta\nutilizador disse: tavita warsame",
                &["tavita warsame"],
            ),
            ("[agent] and your surname [caller] hold on", &[]),
            ("rep: and the name on the card caller: soorry", &[]),
        ]);
        assert_eq!(next_turn("your name\nuser said: x", 9), Some(20));
        assert_eq!(next_turn("your name [caller] x", 9), Some(18));
        assert_eq!(next_turn("your name and then: x", 9), None);
        assert_eq!(next_turn("your name [00:01:29] Caller: x", 9), Some(28));
        assert_eq!(next_turn("your name spk_1: x", 9), Some(16));
        assert_eq!(next_turn("your name as in: x", 9), None);
    }

    #[test]
    fn owners_of_list_items() {
        check(&[
            (
                "Acciones: - Rodrigo: llamar al banco - Nomvula: enviar el informe",
                &["Rodrigo", "Nomvula"],
            ),
            (
                "Standup\n• Priya: finished the export\n• Oyelaran: blocked on the VPN",
                &["Priya", "Oyelaran"],
            ),
            // Labels of a form or a note, a value after a word known by its shape only.
            (
                "- Plan: CT today\n- Note: see above\n- Allergies: none\n1. Summary: stable",
                &[],
            ),
            ("- Constantes: TA 135/85 mmHg, FC 68 lpm", &[]),
            // A speaker's given name without a bullet, not a label or an ordinary word.
            (
                "standup Carlos: finished the export Diet: soft Caller: yes",
                &["Carlos"],
            ),
            ("Will: out until Monday", &[]),
        ]);
    }

    #[test]
    fn relatives_named_in_ward_notes() {
        check(&[
            ("bronchiolitis, mum oyelaran at bedside", &["oyelaran"]),
            ("NOK Chidinma on (704) 555-0182", &["Chidinma"]),
            ("Plan: SBT am. Wife (wairimu) updated", &["wairimu"]),
            ("intubado. Marido Tchakounte informado.", &["Tchakounte"]),
            // In apposition; a colleague too.
            ("Su hijo, Tavita Faleolo, pide que le llamen.", &["Tavita Faleolo"]),
            ("Your colleague, Adwoa, said someone would call me.", &["Adwoa"]),
            ("Her son, however, said no.", &[]),
            // A relative without a name, or dictated punctuation after the word.
            ("my son will call back", &[]),
            ("father unknown, mother deceased", &[]),
            ("period daughter comma at bedside period", &[]),
        ]);
    }

    #[test]
    fn a_ward_lists_surname_and_given_name_between_dashes() {
        check(&[
            (
                "rm 5 - Tchakounte, Wairimu - NBM - falls risk",
                &["Tchakounte", "Wairimu"],
            ),
            ("kmr 6 - Adeyemi, Chidinma - 46M", &["Adeyemi", "Chidinma"]),
            // A disease after a room's number is no one.
            ("Zi. 5: Morbus Bechterew, Puls hundertzehn", &[]),
        ]);
        // A letter of two bytes right after the first word's comma is no place to read from.
        assert!(registry_people("tavita da cama 22 quer ligar à filha").is_empty());
    }

    #[test]
    fn titles_and_relatives_before_names_in_lower_case() {
        check(&[
            ("there is a message for mr. tchakounte from the bank", &["tchakounte"]),
            ("goedemiddag mevr. oyelaran wilt u mij terugbellen", &["oyelaran"]),
            ("o filho Tchakounte ligou ontem", &["Tchakounte"]),
            // An ordinary word after a title, or a one-letter title, is no name.
            ("see dr. house for details", &[]),
            ("m. le directeur a signé", &[]),
        ]);
    }

    #[test]
    fn callers_name_themselves_without_punctuation() {
        check(&[
            ("hi oyelaran this is wairimu at the bank", &["oyelaran"]),
            (
                "hi my name is oyelaran tchakounte can i start with the member id",
                &["oyelaran tchakounte"],
            ),
            (
                "ja hallo hier ist wairimu adeyemi ich wollte meinen termin",
                &["wairimu adeyemi"],
            ),
            (
                "goedemiddag u spreekt met chidinma okafor van de bank",
                &["chidinma okafor"],
            ),
            // Not a name: what follows is no clause of a caller's.
            ("this is quite urgent from what i see", &[]),
        ]);
    }

    #[test]
    fn whom_a_list_item_is_about() {
        check(&[
            ("Bed meeting\n- Tchakounte: familie terugbellen", &["Tchakounte"]),
            ("- Wairimu Adeyemi (kamer 27): ontslag gepland", &["Wairimu Adeyemi"]),
            ("- Oyelaran Chidinma disputing the late fee", &["Oyelaran Chidinma"]),
            ("- Nomvula: send the letter", &["Nomvula"]),
            // An ordinary word, a value after the colon, a holiday: no one.
            ("- Constantes: TA 128/82 mmHg", &[]),
            ("- Christmas rota to be finalised Friday", &[]),
            ("- Vitale parameters: RR 142/90", &[]),
        ]);
    }

    #[test]
    fn a_forms_label_alone_on_its_line_and_its_value_on_the_next() {
        assert_eq!(
            people("First name\nTamsin\nLast name\nOkonkwo-Reyes\nDate of birth\n01/02/1980"),
            ["Tamsin", "Okonkwo-Reyes"]
        );
        assert_eq!(
            people("Cognome\nBellandi\nNome\nOttavia\nCodice fiscale"),
            ["Bellandi", "Ottavia"]
        );
        // Under a label alone on its line, ordinary words are no name.
        assert!(people("Name\nDeploy service\nStatus").is_empty());
        // A chat export's date written with dashes, then the sender.
        assert_eq!(
            people("08-10-2026 08:50 - Noor: heb je BSN nodig\n08-10-2026 08:56 - Maaike: komt eraan"),
            ["Noor", "Maaike"]
        );
    }

    #[test]
    fn speakers_of_a_chats_turns() {
        check(&[
            (
                "oyelaran: pls ask re bed 13 the bloods are back\nwairimu: will do\noyelaran: ty\nwairimu: np",
                &["oyelaran", "wairimu", "oyelaran", "wairimu"],
            ),
            (
                "Chidinma 9:41: customer on hold\nTchakounte 9:42: done",
                &["Chidinma", "Tchakounte"],
            ),
            // A form's fields, a config's keys and a role are no speakers.
            ("Hergang: Beim Ausparken\nMenge: 27\nReason: back pain", &[]),
            ("env:\n    path: ./scripts/run.sh\n    path: ./bin", &[]),
            ("Beller: hallo\nMedewerker: goedemiddag\nBeller: dank u", &[]),
        ]);
    }

    #[test]
    fn dictated_documents_name_their_patient() {
        check(&[
            (
                "dictation for oyelaran tchakounte comma NHS number 943 476 5919",
                &["oyelaran tchakounte"],
            ),
            (
                "Entlassbrief Wairimu Adeyemi Komma wohnhaft am Lindenweg 4",
                &["Wairimu Adeyemi"],
            ),
            (
                "informe de alta chidinma okafor coma nacida el dos de mayo",
                &["chidinma okafor"],
            ),
            (
                "new dictation period patient oyelaran tchakounte period date of birth",
                &["oyelaran tchakounte"],
            ),
            // An ordinary word, or one word alone, is no patient.
            ("Tragam o relatório de stock (SKU ZT-0393)", &[]),
            ("Welche Punkte gehören in einen Entlassbrief bei Morbus Addison?", &[]),
            ("the grace period ends today", &[]),
        ]);
    }

    #[test]
    fn holders_and_payees_in_lower_case() {
        check(&[
            (
                "wire it to: beneficiary: wairimu de vries iban: NL91 ABNA",
                &["wairimu de vries"],
            ),
            ("titular: oyelaran tchakounte, conta 0012", &["oyelaran tchakounte"]),
            // The next label in capitals still ends a capitalized name.
            ("Name: Ana Kovač Card number: 4111", &["Ana Kovač"]),
            // An introduction in lower case: every word a name by dictionary or shape.
            ("hola, soy oyelaran tchakounte. gracias", &["oyelaran tchakounte"]),
            ("hola, soy nuevo aquí.", &[]),
        ]);
    }

    #[test]
    fn patients_in_handoffs_before_their_record_number() {
        let idx = ContextIndex::new(&[]).unwrap();
        let found = |text: &str| {
            let mut hits = Vec::new();
            idx.find(text, &mut hits);
            let mut out = Vec::new();
            Names::new()
                .unwrap()
                .handoff_patients(text, &Context { hits: &hits }, &mut out);
            out.iter()
                .map(|c| (c.kind.clone(), text[c.start..c.end].to_string()))
                .collect::<Vec<_>>()
        };
        let person = crate::Entity::Builtin(Kind::Person);
        let mrn = crate::Entity::Builtin(Kind::MedicalRecordNumber);
        assert_eq!(
            found("Übergabe Nachtdienst: Kowalczyk (5518204) unruhig"),
            [
                (person.clone(), "Kowalczyk".to_string()),
                (mrn.clone(), "5518204".to_string())
            ]
        );
        assert_eq!(
            found("transmissions de nuit : van der meer (318207) agité"),
            [(person, "van der meer".to_string()), (mrn, "318207".to_string())]
        );
        // A year or a count in brackets, or no handoff word.
        assert!(found("handover: bloods (2024) pending").is_empty());
        assert!(found("Notes: Kowalczyk (5518204) unruhig").is_empty());
    }

    #[test]
    fn json_keys() {
        assert_eq!(person_key("patient_name"), Some(2));
        assert_eq!(person_key("family"), Some(3));
        assert_eq!(person_key("lastName"), Some(3));
        assert_eq!(person_key("attendingPhysician"), Some(2));
        assert_eq!(person_key("name"), Some(1));
        assert_eq!(person_key("drug_name"), None);
        assert_eq!(person_key("username"), None);
        assert_eq!(person_key("ward"), None);
    }

    #[test]
    fn posts_firms_and_eponyms_are_not_people_and_a_name_from_a_department_stays() {
        check_registry(&[
            // Posts in an attendee list, in English and German.
            (
                "Attendees: Clinical Lead, Compliance Officer, Charge Nurse, Pharmacy rep",
                &[][..],
            ),
            ("Anwesend: Pflegedienstleitung, Chefarzt Kardiologie, Apotheke", &[]),
            (
                "Attendees: Clinical Lead, Tavita Faleolo, Compliance Officer",
                &["Tavita Faleolo"],
            ),
            // A firm: a trade's word and a surname.
            ("Frühbesprechung heute, Autohaus Krause bringt Kuchen", &[]),
            ("a Farmácia Almeida entrega a partir de sexta", &[]),
            (
                "hi, this is Member Services at Brookside Physical Therapy, just a courtesy call",
                &[],
            ),
            // An eponym: a disease, a device, a team's sign-off.
            ("seen one pt w/ Graves' disease, no change.", &[]),
            ("stanza 4: morbo di Basedow, febbre.", &[]),
            ("reminder: hickman line training at 21:50", &[]),
            ("Kind regards,\nCustomer Care", &[]),
            // A place after "in".
            ("Het kantoor in Regina is dicht op Hemelvaartsdag.", &[]),
            ("Het gesprek met Regina is verzet.", &["Regina"]),
            // A person from a department: the department ends the name, it does not undo it.
            ("Ich habe Joy Mwangi von der Klinik gesehen", &["Joy Mwangi"]),
            ("Ja hallo, hier ist Joy Mwangi von Orthopädie am Dom", &["Joy Mwangi"]),
            ("Maria Keller's test came back clear", &["Maria Keller"]),
            (
                "Attendees: Pharmacy rep, Tavita Faleolo, Bohumila Vránová (chair)",
                &["Tavita Faleolo", "Bohumila Vránová"],
            ),
        ]);
    }

    #[test]
    fn tasks_after_a_bed_addressees_departments_and_latin_are_not_people() {
        check_registry(&[
            // After a bed's number, a task in lower case is no name; a name, or unknown
            // words before an age, are.
            ("pt in side room 6 going first", &[][..]),
            ("cama 4 precisa de maqueiro", &[]),
            ("bed 12 jane doe - fall risk", &["jane doe"]),
            ("bed 12 temuulen ganzorig 46M", &["temuulen ganzorig"]),
            ("letto 21 temuulen ganzorig, 27 anni", &["temuulen ganzorig"]),
            ("rm 229 tui Parata - NPO after midnight", &["tui Parata"]),
            // A greeting's addressee, a team's sign-off.
            ("Caro utente,\na partir de janeiro", &[]),
            ("Sehr geehrte Damen und Herren,\nab März", &[]),
            ("Kind regards,\nCustomer Relations", &[]),
            ("Atentamente,\nLa Dirección", &[]),
            ("Kind regards,\nAroha Ngata", &["Aroha Ngata"]),
            // Latin in a note, a firm's name inside a product's.
            ("Swan-Ganz line in situ.", &[]),
            ("Driver Wells Fargo reinstallato", &[]),
            ("Morgan Stanley-Treiber neu installiert", &[]),
            ("Maria Roche was seen", &["Maria Roche"]),
        ]);
    }

    #[test]
    fn minutes_lists_ages_and_exported_chats() {
        check_registry(&[
            // "Present:" and "Apologies:" list people, posts aside.
            (
                "Present: G. Kowalczyk, H. Petrović, Ward Manager, Tarni Võ\nCase 1",
                &["G. Kowalczyk", "H. Petrović", "Tarni Võ"][..],
            ),
            ("Apologies: Tendai Jensen-Holm\n1. Bed state", &["Tendai Jensen-Holm"]),
            ("Family present: Wife and son", &[]),
            // Two capitalized words before an age, whatever the lists hold.
            ("S: Gurpreet Chikwanha, 84 anos, internado", &["Gurpreet Chikwanha"]),
            ("Chest Pain, 84 years", &[]),
            // A chat exported with its date and clock, and a clock in brackets after the name.
            (
                "04/11/2026, 08:00 - leilani: is it on\n25/11/2026, 07:30 - aroha: ok",
                &["leilani", "aroha"],
            ),
            (
                "leilani okafor [19:45]: on it\naroha ngata [19:46]: ty",
                &["leilani okafor", "aroha ngata"],
            ),
        ]);
    }

    #[test]
    fn chat_speakers_no_list_holds_and_no_language_uses() {
        check_registry(&[
            // With a clock: words no language uses speak; roles and compounds do not.
            (
                "[08:00] hamida: on it\n[08:05] jordi warsame: ty",
                &["hamida", "jordi warsame"][..],
            ),
            (
                "[21:30] ward clerk: still can't print\n[07:30] it helpdesk: resolved",
                &[],
            ),
            ("[19:45] bedcoördinator: 20 min\n[08:00] teamleider: ok", &[]),
            ("[10:00] Atendente: Sinto muito!\n[10:01] Cliente: ok", &[]),
            // Without one, a form's labels that recur are no speakers.
            ("Kostform: Vollkost.\nVerlauf: gut.\nKostform: Diabeteskost.", &[]),
            // After a bed's number, words no language uses are a name; ordinary ones are not.
            ("bed 12 temuulen ganzorig - fall risk", &["temuulen ganzorig"]),
            ("bed 14 print labels", &[]),
        ]);
    }

    #[test]
    fn relatives_and_mentions_no_language_spells() {
        check_registry(&[
            ("il figlio lindiwe sta arrivando", &["lindiwe"][..]),
            ("zoon hamida is onderweg", &["hamida"]),
            ("daughter aware and agrees", &[]),
            ("wife at bedside", &[]),
            ("@mekdes podes ver?", &["mekdes"]),
            ("@oncall pls check", &[]),
        ]);
    }

    #[test]
    fn fhir_name_objects_greetings_dash_signatures_and_surnames_in_capitals() {
        check_registry(&[
            // FHIR's HumanName as an object, or as a list's second item.
            (
                r#"{"resourceType":"Patient","name":{"text":"Tavita Oyelaran"}}"#,
                &["Tavita Oyelaran"][..],
            ),
            (
                r#"{"name": [{"use": "old", "family": "Mensah"}, {"family": "Oyelaran", "given": ["Tavita"]}]}"#,
                &["Mensah", "Oyelaran", "Tavita"],
            ),
            (r#"{"code": {"text": "Chest pain"}, "note": {"text": "Oyelaran"}}"#, &[]),
            // Every given name of the list; a person's object's first and last names.
            (
                r#"{"name": [{"family": "Oyelaran", "given": ["Tavita", "Ama"]}]}"#,
                &["Oyelaran", "Tavita", "Ama"],
            ),
            (
                r#"{"patient": {"first": "Tavita", "last": "Oyelaran"}}"#,
                &["Tavita", "Oyelaran"],
            ),
            (r#"{"drug": {"first": "Dose", "last": "Tuesday"}}"#, &[]),
            // Far from its object's key, after letters outside ASCII: no slice inside a letter.
            (
                &format!(
                    r#"{{"note": "{}", "name":{{"text": "Tavita Oyelaran"}}}}"#,
                    "é".repeat(300)
                ),
                &["Tavita Oyelaran"],
            ),
            // "Hi there", then the name.
            ("Hi there Tavita, your refill is ready", &["Tavita"]),
            // Signed after a dash at the line's end; not a step nor a sign-off phrase.
            ("Can you call me back? – Tavita", &["Tavita"]),
            ("Step 1. - Install", &[]),
            // A surname in capitals, then its given name, opening and ending a field.
            ("OYELARAN, Tavita\t12/03/1961", &["OYELARAN, Tavita"]),
            ("Referral: ABDULLAYEV, Tendai, born 1957", &["ABDULLAYEV, Tendai"]),
            ("NOTE, Please call", &[]),
            ("COPD, Asthma", &[]),
        ]);
    }

    #[test]
    fn minutes_owners_one_a_line_and_form_fields() {
        check_registry(&[
            (
                "Updates:\nAmara: finished the audit\nOyelaran: on leave next week",
                &["Amara", "Oyelaran"][..],
            ),
            // A form's fields, a link, a single line.
            ("Diagnosis: stable\nPlan: continue abx\nAllergies: none known", &[]),
            ("PEP: nee\nKlantdossier: https://crm.example", &[]),
            ("Amara: finished the audit", &[]),
        ]);
    }

    #[test]
    fn given_names_that_are_words_with_a_persons_verb() {
        check_registry(&[
            ("Hope is off sick today", &["Hope"][..]),
            ("Mark said he'd call back", &["Mark"]),
            ("spoke with Hope re discharge", &["Hope"]),
            ("pls ask Will to check", &["Will"]),
            ("Hope you are well", &[]),
            ("Will you call me", &[]),
            ("May is busy", &[]),
            ("the pharmacy in Madison says inactive", &[]),
        ]);
    }
}

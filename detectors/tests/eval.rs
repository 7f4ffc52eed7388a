//! The detectors on the labeled sets: our own (`detectors/eval/dataset.jsonl`,
//! generated with a fixed seed by `detectors/eval/gen.py`), the independent
//! one (`detectors/eval/independent.jsonl`) and the held-out one
//! (`detectors/heldout/heldout.jsonl`). Fails if leak recall or precision
//! drops below what the detectors reached when the floors were set.

// The helpers below run only inside tests.
#![allow(clippy::unwrap_used)]

use cordon_detectors::eval::{found_by, Labeled, Report};
use cordon_detectors::Registry;

/// Reached 0.9897 leak recall and 0.9987 precision (micro) on 2026-11-25;
/// 0.9933 and 0.9985 on 2026-12-03; 0.9963 and 0.9992 with names from context.
const LEAK_RECALL_FLOOR: f64 = 0.995;
const PRECISION_FLOOR: f64 = 0.99;

/// The set written by someone who never saw the detectors (now a
/// development set: its misses guided the changes of 2026-12-03), at 0.9792
/// leak recall and 0.9589 precision that day (0.905 and 0.934 before).
/// With names from context: 0.9847 and 0.9794.
const INDEPENDENT_LEAK_RECALL_FLOOR: f64 = 0.98;
const INDEPENDENT_PRECISION_FLOOR: f64 = 0.97;

/// The held-out set, written while those changes were made and never tuned on:
/// 0.9232 leak recall and 0.9574 precision on 2026-12-03 (0.8795 and 0.9579
/// with the detectors before the changes).
/// With names from context: 0.9251 and 0.9666; with names anchored by what
/// follows them, 0.9376 and 0.9693; with dates in care documents, 0.9525
/// and 0.9733; 0.9541 and 0.9740 on 2026-12-06; 0.9782 and 0.9802 on
/// 2026-12-07 (dates in a named person's sentence, chat speakers).
const HELDOUT_LEAK_RECALL_FLOOR: f64 = 0.95;
const HELDOUT_PRECISION_FLOOR: f64 = 0.96;

fn score(relative: &str) -> Report {
    let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let registry = Registry::with_defaults().unwrap();
    let mut report = Report::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let record: Labeled = serde_json::from_str(line).unwrap();
        report.add(&record, &found_by(&registry, &record.text).unwrap());
    }
    eprintln!("{relative}\n{report}");
    report
}

fn floors(report: &Report, records: usize, leak_recall: f64, precision: f64) {
    assert!(report.records >= records, "the set shrank: {}", report.records);
    assert!(
        report.leak_recall() >= leak_recall,
        "leak recall {:.4} < {leak_recall}",
        report.leak_recall()
    );
    assert!(
        report.micro.precision() >= precision,
        "precision {:.4} < {precision}",
        report.micro.precision()
    );
}

#[test]
fn leak_recall_and_precision_hold_on_the_evaluation_set() {
    floors(&score("eval/dataset.jsonl"), 3000, LEAK_RECALL_FLOOR, PRECISION_FLOOR);
}

#[test]
fn leak_recall_and_precision_hold_on_the_independent_set() {
    floors(
        &score("eval/independent.jsonl"),
        2000,
        INDEPENDENT_LEAK_RECALL_FLOOR,
        INDEPENDENT_PRECISION_FLOOR,
    );
}

#[test]
fn leak_recall_and_precision_hold_on_the_held_out_set() {
    floors(
        &score("heldout/heldout.jsonl"),
        800,
        HELDOUT_LEAK_RECALL_FLOOR,
        HELDOUT_PRECISION_FLOOR,
    );
}

/// The names and addresses set (`eval-names/`), written on 2026-12-06 by
/// someone who read neither the detectors nor their dictionaries, from
/// sources the dictionaries do not use. Before the changes of that day
/// (names from context, street lines, postal codes): 0.5932 leak recall,
/// 0.902 precision, PERSON recall 0.344; after: 0.7706, 0.9651, PERSON
/// recall 0.583 (6 false PERSON in 185 negatives). Later that day its misses
/// were read, and the shapes they showed (names before an address, a date
/// of birth, an age or a contact; "First name:", "Cardholder name:" labels;
/// chat speakers) became rules: 0.8409, 0.9689, PERSON recall 0.710. It is a
/// development set since (0.8507 and 0.9695 at the end of that day; 0.8915
/// and 0.9800 with the name-shape model, handoff and attendee labels;
/// 0.9084 and 0.9757 on the fifth day, with names found again and relatives;
/// 0.9216 and 0.9770 on the seventh, with names in calls, lists and handoffs).
const NAMES_LEAK_RECALL_FLOOR: f64 = 0.915;
const NAMES_PRECISION_FLOOR: f64 = 0.97;

#[test]
fn leak_recall_and_precision_hold_on_the_names_set() {
    floors(
        &score("eval-names/names.jsonl"),
        700,
        NAMES_LEAK_RECALL_FLOOR,
        NAMES_PRECISION_FLOOR,
    );
}

/// `eval-fresh/` (1,200 prompts, 30% negatives, seven languages), written on
/// 2026-12-06 by someone who read neither the detectors nor the other sets:
/// 0.7814 leak recall and 0.9405 precision on the code of that morning. Its
/// misses were then read (tables, HL7, JSON keys, dd-Mon-yyyy dates, codes in
/// brackets, care dates), so it is a development set: 0.8807 and 0.9518.
/// With dates in care documents and after names (2026-12-06, second day):
/// 0.9084 and 0.9540; with record numbers of care documents, 0.9166 and 0.9545.
/// Third day (names by thanks, forms, e-mail addresses and roles; documents'
/// numbers in JSON; more street shapes): 0.9475 and 0.9629; 0.9620 and
/// 0.9685 on the fifth day.
const FRESH_LEAK_RECALL_FLOOR: f64 = 0.955;
const FRESH_PRECISION_FLOOR: f64 = 0.965;

#[test]
fn leak_recall_and_precision_hold_on_the_fresh_set() {
    floors(
        &score("eval-fresh/fresh.jsonl"),
        1200,
        FRESH_LEAK_RECALL_FLOOR,
        FRESH_PRECISION_FLOOR,
    );
}

/// `eval-test/` (1,000 prompts, 30% negatives, ten languages): the held-back
/// test set, written on 2026-12-06 by someone who read neither the detectors
/// nor the other sets. It is only scored; its misses are never read. 0.6709
/// leak recall and 0.9261 precision on the code of that morning, 0.7644 and
/// 0.9312 at its end; 0.7955 and 0.9288 with dates and record numbers of
/// care documents (the next day); 0.8137 and 0.9414 on the third day;
/// 0.8258 and 0.9387 with the name-shape model and structured fields (fourth day);
/// 0.8498 and 0.9374 on the fifth (names found again, ICD-10 codes where
/// records keep them, member numbers, care dates; guided by `eval-dev2`);
/// 0.8580 and 0.9377 on the sixth (spoken numbers, dates and addresses,
/// names spelled out; guided by `eval-dev3`); 0.8650 and 0.9375 on the
/// seventh (names shaped like names at a sentence's start and after a
/// field's colon, credentials and months that end or open names, names in
/// calls, ward lists and handoffs); 0.8689 and 0.9397 on the eighth (European
/// street lines in lower case, surname labels, logfmt names, camelCase keys;
/// departments, holidays and firms that are no names); 0.8728 and 0.9399 on
/// the ninth (dates in a named person's sentence, callers' introductions,
/// chat speakers, list items, lower-case titles; guided by `eval-dev5`);
/// 0.8893 and 0.9390 on the tenth (a given name alone, a surname written
/// first, lower-case names that are no ordinary word, dates in a named
/// person's table row, CDA and FHIR identifiers); 0.8978 and 0.9427 on the
/// eleventh (posts, firms, eponyms and Latin that are no names; a lexicon of
/// ordinary words for names no list holds; a surname in capitals before its
/// given name; FHIR name objects; guided by `eval-dev7`); 0.9081 and 0.9430
/// on the twelfth (numerals among spoken digits, spoken dates, a value asked
/// for on one line and answered on the next, names in transcripts; guided by
/// `eval-dev8`); 0.9111 and 0.9432 on the thirteenth (headers as exports
/// abbreviate them, fixed-width reports, rows without a header, lists of
/// names, handoffs; guided by `eval-dev9`); 0.9218 and 0.9440 on the
/// fourteenth (street lines whose street word is lower case or in capitals,
/// floors and doors in six languages, rural routes, customer numbers, values
/// under their label, links that carry a key, record numbers in logs and
/// REST paths; guided by `eval-dev10`); 0.9262 and 0.9497 on the sixteenth
/// (a shorter finding gives way to a longer one of the same entity, units
/// and buildings around street lines, a diagnosis code anchors no name,
/// nicknames, clocks before chat turns; guided by `eval-dev12`).
const TEST_LEAK_RECALL_FLOOR: f64 = 0.924;
const TEST_PRECISION_FLOOR: f64 = 0.947;

#[test]
fn leak_recall_and_precision_hold_on_the_test_set() {
    floors(
        &score("eval-test/test.jsonl"),
        1000,
        TEST_LEAK_RECALL_FLOOR,
        TEST_PRECISION_FLOOR,
    );
}

/// `eval-blind/` (1,200 prompts, 30% negatives, six languages, weighted to
/// names without cue words from 37 naming traditions): a second held-back
/// set, written on 2026-12-06 (fourth day) by someone who read neither the
/// detectors nor the other sets. It is only scored; its misses are never
/// read. 0.7477 leak recall and 0.9395 precision on the code it was written
/// against; 0.7719 and 0.9420 with that day's name rules, name-shape model,
/// leave and start dates and XML, SQL and key=value fields; 0.8064 and 0.9441
/// on the fifth day; 0.8098 and 0.9443 on the sixth; 0.8294 and 0.9449 on
/// the seventh; 0.8353 and 0.9484 on the eighth; 0.8437 and 0.9514 on the
/// ninth; 0.8608 and 0.9482 on the tenth (more names, some precision given
/// for them: a given name alone, lower-case names that are no ordinary word);
/// 0.8621 and 0.9497 on the eleventh (and the twelfth); 0.8723 and 0.9504 on
/// the thirteenth; 0.8747 and 0.9505 on the fourteenth; 0.8750 and 0.9505
/// on the fifteenth; 0.8769 and 0.9509 on the sixteenth (driver's licences
/// after "license" alone, a diagnosis code anchors no name).
const BLIND_LEAK_RECALL_FLOOR: f64 = 0.875;
const BLIND_PRECISION_FLOOR: f64 = 0.949;

#[test]
fn leak_recall_and_precision_hold_on_the_blind_set() {
    floors(
        &score("eval-blind/blind.jsonl"),
        1200,
        BLIND_LEAK_RECALL_FLOOR,
        BLIND_PRECISION_FLOOR,
    );
}

/// `eval-dev2/` (1,000 prompts, 30% negatives, six languages, weighted to
/// ICD-10 codes, member and record numbers, URLs and dates), written on
/// 2026-12-06 (fifth day) by someone who read neither the detectors nor the
/// other sets: 0.7992 leak recall and 0.9574 precision on the code of that
/// morning. Its misses were then read, so it is a development set: 0.9406
/// and 0.9716 at the end of that day; 0.9578 and 0.9742 at the end of the seventh;
/// 0.9675 and 0.9781 on the eighth.
const DEV2_LEAK_RECALL_FLOOR: f64 = 0.965;
const DEV2_PRECISION_FLOOR: f64 = 0.97;

#[test]
fn leak_recall_and_precision_hold_on_the_dev2_set() {
    floors(
        &score("eval-dev2/dev2.jsonl"),
        1000,
        DEV2_LEAK_RECALL_FLOOR,
        DEV2_PRECISION_FLOOR,
    );
}

/// `eval-dev3/` (1,000 prompts, 30% negatives, six languages): call and
/// voicemail transcripts, dictation, chats, minutes and ward handoffs, where
/// identifiers are said rather than written ("five five five, eight six
/// seven…", "the fourth of march nineteen fifty-six", "k o w a l s k i",
/// "znavarro at gmail dot com"). Written on 2026-12-06 (sixth day) by someone
/// who read neither the detectors nor the other sets: 0.3530 leak recall and
/// 0.9226 precision on the code of that morning. Its misses were then read,
/// so it is a development set: 0.7227 and 0.9444 at the end of that day;
/// 0.7656 and 0.9661 at the end of the seventh; 0.7753 and 0.9701 on the eighth;
/// 0.7896 and 0.9709 on the ninth; 0.8090 and 0.9678 on the tenth.
const DEV3_LEAK_RECALL_FLOOR: f64 = 0.80;
const DEV3_PRECISION_FLOOR: f64 = 0.965;

#[test]
fn leak_recall_and_precision_hold_on_the_dev3_set() {
    floors(
        &score("eval-dev3/dev3.jsonl"),
        1000,
        DEV3_LEAK_RECALL_FLOOR,
        DEV3_PRECISION_FLOOR,
    );
}

/// `eval-dev4/` (1,000 prompts, 40% negatives, six languages): written
/// operational documents (e-mail threads, tickets, CSV, HL7, JSON and XML
/// exports, logs, forms, staff notes that name people in running text).
/// Written on 2026-12-07 (eighth day) by someone who read neither the
/// detectors nor the other sets: 0.8992 leak recall and 0.9401 precision on
/// the code of that morning (with that day's street rule: 0.9008, 0.9402).
/// Its misses and false findings were then read, so it is a development
/// set: 0.9227 and 0.9821 at the end of that day; 0.9272 and 0.9822 on the
/// ninth; 0.9371 and 0.9819 on the tenth.
const DEV4_LEAK_RECALL_FLOOR: f64 = 0.94;
const DEV4_PRECISION_FLOOR: f64 = 0.975;

#[test]
fn leak_recall_and_precision_hold_on_the_dev4_set() {
    floors(
        &score("eval-dev4/dev4.jsonl"),
        1000,
        DEV4_LEAK_RECALL_FLOOR,
        DEV4_PRECISION_FLOOR,
    );
}

/// `eval-dev5/` (1,000 prompts, 35% negatives, seven languages): spoken and
/// conversational text (call transcripts, voicemails, dictation with spoken
/// punctuation, meeting minutes, staff chats, shift handoffs). Written on
/// 2026-12-07 (ninth day) by someone who read neither the detectors nor the
/// other sets: 0.6692 leak recall and 0.9529 precision on the code of that
/// morning (PERSON 0.6040). Its misses and false findings were then read, so
/// it is a development set: 0.7324 and 0.9596 at the end of that day;
/// 0.7602 and 0.9622 on the tenth.
const DEV5_LEAK_RECALL_FLOOR: f64 = 0.75;
const DEV5_PRECISION_FLOOR: f64 = 0.955;

#[test]
fn leak_recall_and_precision_hold_on_the_dev5_set() {
    floors(
        &score("eval-dev5/dev5.jsonl"),
        1000,
        DEV5_LEAK_RECALL_FLOOR,
        DEV5_PRECISION_FLOOR,
    );
}

/// `eval-dev6/` (1,000 prompts, 35% negatives, seven languages): written
/// records and messages (clinical notes and letters, structured exports
/// with and without headers, e-mails with quoted headers, banking and
/// insurance messages, staff chats, ward lists and registers), names from
/// many naming traditions. Written on 2026-12-07 (tenth day) by someone who
/// read neither the detectors nor the other sets: 0.8294 leak recall and
/// 0.9313 precision on the code of that morning, 0.8591 and 0.9298 when it
/// was written (after that day's name rules). Its misses were then read, so
/// it is a development set: 0.8960 and 0.9350 at the end of that day.
const DEV6_LEAK_RECALL_FLOOR: f64 = 0.89;
const DEV6_PRECISION_FLOOR: f64 = 0.94;

#[test]
fn leak_recall_and_precision_hold_on_the_dev6_set() {
    floors(
        &score("eval-dev6/dev6.jsonl"),
        1000,
        DEV6_LEAK_RECALL_FLOOR,
        DEV6_PRECISION_FLOOR,
    );
}

/// `eval-dev7/` (800 prompts, 36% negatives, seven languages): shift
/// handovers, meeting minutes, team chats, helpdesk and CRM tickets with log
/// lines, letters and form fills with each country's addresses and dates.
/// Written on 2026-12-07 (eleventh day) by someone who read neither the
/// detectors nor the other sets: 0.8447 leak recall and 0.9157 precision on
/// the code of that morning (4a2c012), 0.8567 and 0.9188 on the first rules
/// of that day, written before it arrived. Its misses were then read, so it
/// is a development set: 0.8923 and 0.9490 at the end of that day.
const DEV7_LEAK_RECALL_FLOOR: f64 = 0.885;
const DEV7_PRECISION_FLOOR: f64 = 0.955;

#[test]
fn leak_recall_and_precision_hold_on_the_dev7_set() {
    floors(
        &score("eval-dev7/dev7.jsonl"),
        800,
        DEV7_LEAK_RECALL_FLOOR,
        DEV7_PRECISION_FLOOR,
    );
}

/// `eval-dev8/` (600 prompts, 35% negatives, seven languages): speech turned
/// into text as recognisers and call-centre tools write it: raw call
/// transcripts, voicemails, dictated notes and IVR or chatbot logs, with
/// digits said partly as words and partly as numerals, corrections, fillers,
/// spelled names and answers on the line after their question. Written on
/// 2026-12-07 (twelfth day) by someone who read neither the detectors nor the
/// other sets: 0.4652 leak recall and 0.9069 precision on the code of that
/// morning (4e61402), 0.5904 and 0.9193 with the day's first change (numerals
/// among spoken digits), written before it arrived. Its misses were then
/// read, so it is a development set: 0.7928 and 0.9744 at the end of that day.
const DEV8_LEAK_RECALL_FLOOR: f64 = 0.785;
const DEV8_PRECISION_FLOOR: f64 = 0.97;

#[test]
fn leak_recall_and_precision_hold_on_the_dev8_set() {
    floors(
        &score("eval-dev8/dev8.jsonl"),
        600,
        DEV8_LEAK_RECALL_FLOOR,
        DEV8_PRECISION_FLOOR,
    );
}

/// `eval-dev9/` (600 prompts, 35% negatives, seven languages): shift
/// handoffs in clinical shorthand, team chats, exports (CSV, fixed-width
/// reports, JSON, rows without a header) and notes, where names carry no cue
/// and a third of them are ordinary words too. Written on 2026-12-07
/// (thirteenth day) by someone who read neither the detectors nor the other
/// sets: 0.7306 leak recall and 0.9647 precision on the code of that morning
/// (6f0de85), 0.7362 and 0.9652 with the day's first change (sign-offs, a
/// value's owner before its colon), written before it arrived. Its misses
/// were then read, so it is a development set: 0.8341 and 0.9634 at the end
/// of that day; 0.8399 and 0.9638 at the end of the fifteenth session.
const DEV9_LEAK_RECALL_FLOOR: f64 = 0.84;
const DEV9_PRECISION_FLOOR: f64 = 0.96;

#[test]
fn leak_recall_and_precision_hold_on_the_dev9_set() {
    floors(
        &score("eval-dev9/dev9.jsonl"),
        600,
        DEV9_LEAK_RECALL_FLOOR,
        DEV9_PRECISION_FLOOR,
    );
}

/// `eval-dev10/` (600 prompts, 35% negatives, seven languages): identifiers,
/// codes and addresses other than names in call notes, SMS, finance, logs,
/// clinical text and forms, every value with a check digit valid. Written on
/// 2026-12-07 (fourteenth day) by someone who read neither the detectors nor
/// the other sets: 0.8655 leak recall and 0.9120 precision on the code of
/// that evening (e005ef3). Its misses were then read, so it is a development
/// set: 0.9377 and 0.9738 at the end of that day.
const DEV10_LEAK_RECALL_FLOOR: f64 = 0.935;
const DEV10_PRECISION_FLOOR: f64 = 0.97;

#[test]
fn leak_recall_and_precision_hold_on_the_dev10_set() {
    floors(
        &score("eval-dev10/dev10.jsonl"),
        600,
        DEV10_LEAK_RECALL_FLOOR,
        DEV10_PRECISION_FLOOR,
    );
}

/// `eval-dev11/` (600 records, 51% negatives, seven languages): names among
/// look-alikes (eponyms, brands, storms, codenames, chatbots, institutions
/// named after people) in clinical notes, team chat, support, letters,
/// transcripts and newsletters. Written on 2026-12-07 (fifteenth session) by
/// someone who read neither the detectors nor the other sets: 0.6818 leak
/// recall and 0.6954 precision on the code of that evening (33e3930), 114 of
/// its 306 negatives flagged. Its misses and false findings were then read,
/// so it is a development set: 0.7777 and 0.7841 at the end of that session,
/// 93 negatives flagged.
const DEV11_LEAK_RECALL_FLOOR: f64 = 0.775;
const DEV11_PRECISION_FLOOR: f64 = 0.78;

#[test]
fn leak_recall_and_precision_hold_on_the_dev11_set() {
    floors(
        &score("eval-dev11/dev11.jsonl"),
        600,
        DEV11_LEAK_RECALL_FLOOR,
        DEV11_PRECISION_FLOOR,
    );
}

/// `eval-dev12/` (600 records, 35% negatives, seven languages): prompts as
/// applications send them to a model, an instruction and pasted material
/// (e-mail threads, clinical notes and prescriptions, bank and payroll
/// data, code, logs and configs, CSV/JSON/YAML/HL7 pastes and forms, group
/// chats). Written on 2026-12-08 (sixteenth session) by someone who read
/// neither the detectors nor the other sets: 0.9276 leak recall and 0.9151
/// precision on the code of that morning (56152bc), 100 of its 210 negatives
/// flagged. Its misses and false findings were then read, so it is a
/// development set: 0.9379 and 0.9337 at the end of that session, 90
/// negatives flagged. Its negatives hold companies' hotline numbers and
/// `example.*` addresses, which Cordon reports on purpose (they are the
/// stand-ins that testers' kits use for real ones).
const DEV12_LEAK_RECALL_FLOOR: f64 = 0.935;
const DEV12_PRECISION_FLOOR: f64 = 0.93;

#[test]
fn leak_recall_and_precision_hold_on_the_dev12_set() {
    floors(
        &score("eval-dev12/dev12.jsonl"),
        600,
        DEV12_LEAK_RECALL_FLOOR,
        DEV12_PRECISION_FLOOR,
    );
}

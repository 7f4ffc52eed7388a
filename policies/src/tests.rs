use std::sync::OnceLock;

use cordon_detectors::Registry;

use crate::testing::run_tests;
use crate::*;

fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(|| Registry::with_defaults().unwrap())
}

fn parse(src: &str) -> Result<Policy, Report> {
    Policy::parse("test.yaml", src, &Vocabulary::builtin()).map(|(p, _)| p)
}

fn errors(src: &str) -> Vec<Issue> {
    match parse(src) {
        Ok(_) => panic!("expected errors"),
        Err(r) => r.errors().cloned().collect(),
    }
}

#[test]
fn every_pack_parses_and_passes_its_own_tests() {
    for (name, text) in packs::ALL {
        let (policy, report) = Policy::parse(name, text, &Vocabulary::builtin()).unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(report.warnings().count(), 0, "{name}: {report}");
        let results = run_tests(&policy, registry());
        let failed: Vec<String> = results
            .iter()
            .filter(|r| !r.passed)
            .map(|r| {
                format!(
                    "{}: expected {}, got {} (found {:?})",
                    r.name,
                    r.expected,
                    r.got(),
                    r.found
                )
            })
            .collect();
        assert!(failed.is_empty(), "{name}: {failed:#?}");
        if name != "baseline" {
            assert!(results.len() >= 10, "{name} has {} test cases", results.len());
        }
    }
}

#[test]
fn a_broken_expectation_fails() {
    let src = packs::PCI.replace(
        "expect: { action: pseudonymize, rule: card-numbers }",
        "expect: { action: cloud, rule: card-numbers }",
    );
    let p = parse(&src).unwrap();
    let results = run_tests(&p, registry());
    assert!(results.iter().any(|r| !r.passed));
}

const MINI: &str = "version: 1
name: mini
default: cloud
rules:
  - id: secrets
    when: { entities: [API_KEY] }
    then: block
  - id: phi
    when: { categories: [PHI] }
    then: local
";

#[test]
fn unknown_entity_has_position_and_suggestion() {
    let e = errors(&MINI.replace("[API_KEY]", "[API_KEY, CREDIT_CRAD]"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].path, "rules.0.when.entities.1");
    assert_eq!(e[0].position, Some((6, 33)));
    assert!(e[0].message.contains("CREDIT_CRAD"));
    assert!(
        e[0].hint.as_deref().unwrap_or("").contains("CREDIT_CARD"),
        "{:?}",
        e[0].hint
    );
}

#[test]
fn unknown_category_and_action() {
    let e = errors(
        &MINI
            .replace("[PHI]", "[HEALTH]")
            .replace("then: local", "then: on-prem"),
    );
    let msgs: Vec<String> = e.iter().map(|i| i.to_string()).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("line 9") && m.contains("unknown category `HEALTH`")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("line 10") && m.contains("unknown action `on-prem`")),
        "{msgs:?}"
    );
}

#[test]
fn unknown_key_is_refused_with_position() {
    let e = errors(&MINI.replace("when: { entities: [API_KEY] }", "when: { entity: [API_KEY] }"));
    assert!(e[0].message.contains("unknown field `entity`"), "{e:?}");
    assert_eq!(e[0].position.map(|p| p.0), Some(6));
}

#[test]
fn shadowed_rules_are_refused() {
    // A catch-all hides everything after it.
    let src = "version: 1\nname: s\ndefault: cloud\nrules:\n  - id: all\n    then: local\n  - id: later\n    when: { entities: [PERSON] }\n    then: block\n";
    let e = errors(src);
    assert_eq!(e[0].path, "rules.1");
    assert!(e[0].message.contains("`later` can never match: rule `all`"), "{e:?}");
    // Categories cover the entities in them.
    let src = MINI.to_string() + "  - id: ssn\n    when: { entities: [US_SSN], min_score: 0.9 }\n    then: block\n";
    let e = errors(&src);
    assert!(e[0].message.contains("`ssn` can never match: rule `phi`"), "{e:?}");
    assert_eq!(e[0].position, Some((11, 5)));
    // A narrower tenant list, a glob over a model name, `any` on the left.
    let src = "version: 1\nname: s\ndefault: cloud\nrules:\n  - id: a\n    when: { tenant: [x, y], model: 'gpt-4*' }\n    then: local\n  - id: b\n    when: { tenant: x, model: gpt-4o-mini, entities: [EMAIL] }\n    then: block\n";
    assert!(errors(src)[0].message.contains("`b` can never match"));
    let src = "version: 1\nname: s\ndefault: cloud\nrules:\n  - id: a\n    when: { categories: [PII] }\n    then: local\n  - id: b\n    when: { any: [{entities: [EMAIL]}, {entities: [PHONE]}] }\n    then: block\n";
    assert!(errors(src)[0].message.contains("`b` can never match"));
}

#[test]
fn narrower_rule_first_is_fine() {
    let src = "version: 1\nname: s\ndefault: cloud\nrules:\n  - id: ssn\n    when: { entities: [US_SSN], min_score: 0.9 }\n    then: block\n  - id: phi\n    when: { categories: [PHI] }\n    then: local\n  - id: two-emails\n    when: { entities: [EMAIL], min_count: 2 }\n    then: block\n  - id: eu\n    when: { jurisdiction: EU }\n    then: local\n  - id: unscannable-ok\n    when: { unscannable: true }\n    then: cloud\n";
    // `two-emails` is shadowed by `phi` (EMAIL is PHI-capable) but `eu` and the others are not.
    let e = errors(src);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].message.contains("`two-emails`"));
}

#[test]
fn test_cases_must_name_known_rules() {
    let src = MINI.to_string() + "tests:\n  - name: x\n    prompt: hi\n    expect: { action: local, rule: nope }\n";
    let e = errors(&src);
    assert!(e[0].message.contains("no rule has the id `nope`"));
    assert_eq!(e[0].position.map(|p| p.0), Some(14));
}

#[test]
fn duplicate_and_reserved_ids() {
    let e = errors(&MINI.replace("id: phi", "id: secrets"));
    assert!(e[0].message.contains("used twice"), "{e:?}");
    let e = errors(&MINI.replace("id: phi", "id: default"));
    assert!(e[0].message.contains("reserved"), "{e:?}");
}

fn finding(entity: &str, score: f32) -> cordon_detectors::Finding {
    let k = cordon_detectors::Kind::parse(entity).unwrap();
    cordon_detectors::Finding {
        entity: cordon_detectors::Entity::Builtin(k),
        categories: k.categories(),
        start: 0,
        end: 1,
        score,
        detector: "test",
    }
}

#[test]
fn first_match_wins_with_scores_counts_and_request_facts() {
    let src = "version: 1
name: t
default: cloud
rules:
  - id: eu-cards
    when: { all: [ { jurisdiction: EU }, { entities: [CREDIT_CARD], min_score: 0.8 } ] }
    then: { action: cloud, route: cloud-eu }
  - id: many-emails
    when: { entities: [EMAIL], min_count: 2 }
    then: block
  - id: not-mini
    when: { not: { model: '*mini' }, endpoint: embeddings }
    then: local
";
    let p = parse(src).unwrap();
    let card = [finding("CREDIT_CARD", 0.9)];
    let weak_card = [finding("CREDIT_CARD", 0.6)];
    let emails = [finding("EMAIL", 0.9), finding("EMAIL", 0.9)];
    let base = Facts {
        endpoint: "chat_completions",
        model: "gpt-4o-mini",
        ..Facts::default()
    };
    let d = p.evaluate(&Facts {
        findings: &card,
        jurisdiction: Some("EU"),
        ..base
    });
    assert_eq!(
        (d.action, &*d.rule, d.route.as_deref()),
        (ActionKind::Cloud, "eu-cards", Some("cloud-eu"))
    );
    let d = p.evaluate(&Facts {
        findings: &weak_card,
        jurisdiction: Some("EU"),
        ..base
    });
    assert_eq!(&*d.rule, "default");
    let d = p.evaluate(&Facts {
        findings: &emails[..1],
        ..base
    });
    assert_eq!(&*d.rule, "default");
    let d = p.explain(&Facts {
        findings: &emails,
        ..base
    });
    assert_eq!((d.action, &*d.rule), (ActionKind::Block, "many-emails"));
    assert!(d.reasons.iter().any(|r| r.contains("EMAIL ×2")), "{:?}", d.reasons);
    let d = p.evaluate(&Facts {
        endpoint: "embeddings",
        model: "text-embedding-3-large",
        ..base
    });
    assert_eq!(&*d.rule, "not-mini");
    let d = p.evaluate(&Facts {
        endpoint: "embeddings",
        ..base
    });
    assert_eq!(&*d.rule, "default");
}

#[test]
fn unscannable_content_is_sensitive_unless_a_rule_says_otherwise() {
    let src = "version: 1
name: t
default: cloud
unscannable: local
rules:
  - id: images-to-vision-vendor
    when: { unscannable: true, model: vision-* }
    then: cloud
  - id: cheap-model
    when: { model: cheap-* }
    then: cloud
";
    let p = parse(src).unwrap();
    let image = ["image"];
    let d = p.explain(&Facts {
        model: "cheap-1",
        unscannable: &image,
        ..Facts::default()
    });
    assert_eq!((d.action, &*d.rule), (ActionKind::Local, "unscannable"));
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("1 image part(s) cannot be scanned")),
        "{:?}",
        d.reasons
    );
    let d = p.evaluate(&Facts {
        model: "vision-2",
        unscannable: &image,
        ..Facts::default()
    });
    assert_eq!((d.action, &*d.rule), (ActionKind::Cloud, "images-to-vision-vendor"));
    let d = p.evaluate(&Facts {
        model: "other",
        ..Facts::default()
    });
    assert_eq!((d.action, &*d.rule), (ActionKind::Cloud, "default"));
    assert_eq!(p.on_error("timeout").action, ActionKind::Block);
}

#[test]
fn words_match_whole_words_case_insensitively() {
    let src = "version: 1\nname: t\ndefault: cloud\nrules:\n  - id: clinical\n    when: { words: [patient, chief complaint] }\n    then: local\n";
    let p = parse(src).unwrap();
    let d = |text: &str| {
        let texts = [text];
        p.evaluate(&Facts {
            texts: &texts,
            ..Facts::default()
        })
        .action
    };
    assert_eq!(d("The PATIENT is stable."), ActionKind::Local);
    assert_eq!(d("Chief Complaint: cough"), ActionKind::Local);
    assert_eq!(d("outpatients are welcome"), ActionKind::Cloud);
    assert_eq!(d("nothing here"), ActionKind::Cloud);
}

#[test]
fn routes_are_checked_against_the_config() {
    let src = "version: 1
name: t
default: cloud
rules:
  - id: baa
    when: { categories: [PHI] }
    then: { action: cloud, route: cloud-baa }
  - id: onprem
    when: { categories: [FINANCIAL] }
    then: { action: local, route: cloud }
";
    let p = parse(src).unwrap();
    let table = RouteTable {
        routes: vec![("local".into(), true), ("cloud".into(), false)],
        cloud_route: Some("cloud".into()),
        local_route: "local".into(),
        labels: Vec::new(),
    };
    let issues = p.check_routes(&table);
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert!(issues[0].message.contains("route `cloud-baa` is not defined"));
    assert_eq!(issues[0].position.map(|p| p.0), Some(7));
    assert!(issues[1].message.contains("not on premises"));
    let no_cloud = RouteTable {
        routes: vec![("local".into(), true)],
        cloud_route: None,
        local_route: "local".into(),
        labels: Vec::new(),
    };
    let issues = parse(MINI).unwrap().check_routes(&no_cloud);
    assert!(issues[0].message.contains("needs a cloud route"), "{issues:?}");
    assert_eq!(issues[0].path, "default");
}

#[test]
fn hash_is_of_the_bytes() {
    let a = parse(MINI).unwrap();
    let b = parse(&format!("{MINI}# a comment\n")).unwrap();
    assert_ne!(a.hash, b.hash);
    assert!(a.hash.starts_with("sha256:") && a.hash.len() == 71);
}

#[test]
fn egress_scanning_is_opt_in_per_policy() {
    let base = "version: 1\nname: t\ndefault: cloud\n";
    assert!(!parse(base).unwrap().egress_scan);
    assert!(parse(&format!("{base}egress: {{ scan: true }}\n")).unwrap().egress_scan);
    assert!(
        !parse(&format!("{base}egress: {{ scan: false }}\n"))
            .unwrap()
            .egress_scan
    );
    assert!(!errors(&format!("{base}egress: {{ scna: true }}\n")).is_empty());
}

#[test]
fn egress_redaction_is_opt_in_per_policy() {
    let base = "version: 1\nname: t\ndefault: cloud\n";
    assert!(!parse(base).unwrap().egress_redact);
    let p = parse(&format!("{base}egress: {{ redact: true }}\n")).unwrap();
    assert!(p.egress_redact && !p.egress_scan);
}

#[test]
fn context_matches_clinical_content_not_identifiers() {
    let src = "version: 1
name: t
default: cloud
rules:
  - id: meds
    when: { context: medication }
    then: block
  - id: phi
    when: { categories: [PHI], context: [clinical] }
    then: local
";
    let p = parse(src).unwrap();
    assert!(p.needs_texts());
    let d = |text: &str| {
        let findings = registry().scan(text);
        let texts = [text];
        let d = p.explain(&Facts {
            findings: &findings,
            texts: &texts,
            ..Facts::default()
        });
        (d.action, d.rule.to_string(), d.reasons)
    };
    let (action, rule, reasons) = d("Maria Garcia, DOB 03/04/1961: BP 150/95, chest pain.");
    assert_eq!((action, rule.as_str()), (ActionKind::Local, "phi"));
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("clinical context (vitals, symptoms)")),
        "{reasons:?}"
    );
    assert_eq!(d("Ramipril 5 mg 1-0-1").0, ActionKind::Block);
    // Clinical content alone is no PHI finding; a name alone is no clinical context.
    assert_eq!(d("Is chest pain with BP 150/95 an emergency?").0, ActionKind::Cloud);
    assert_eq!(d("Draft a birthday email to Maria Garcia.").0, ActionKind::Cloud);
    // No texts given (a caller that only has findings): no context.
    let findings = registry().scan("Maria Garcia, chest pain");
    let none = p.evaluate(&Facts {
        findings: &findings,
        ..Facts::default()
    });
    assert_eq!(none.action, ActionKind::Cloud);
}

#[test]
fn context_names_are_checked_and_shadows_found() {
    let base = "version: 1\nname: t\ndefault: cloud\nrules:\n";
    let errs = errors(&format!(
        "{base}  - id: a\n    when: {{ context: [clinicl] }}\n    then: local\n"
    ));
    assert!(errs[0].message.contains("unknown context `clinicl`"), "{errs:?}");
    assert!(errs[0].hint.as_deref().unwrap_or("").contains("medication"));
    assert!(!errors(&format!(
        "{base}  - id: a\n    when: {{ context: [] }}\n    then: local\n"
    ))
    .is_empty());
    // Any clinical context covers vitals: the second rule can never match.
    let errs = errors(&format!(
        "{base}  - id: a\n    when: {{ context: [clinical] }}\n    then: local\n  - id: b\n    when: {{ context: [vitals], categories: [PHI] }}\n    then: block\n"
    ));
    assert!(errs[0].message.contains("rule `b` can never match"), "{errs:?}");
    // Vitals do not cover all clinical context.
    let ok = parse(&format!(
        "{base}  - id: a\n    when: {{ context: [vitals] }}\n    then: local\n  - id: b\n    when: {{ context: [clinical] }}\n    then: block\n"
    ))
    .unwrap();
    assert!(!parse(MINI).unwrap().needs_texts());
    assert!(ok.needs_texts());
}

#[test]
fn require_parses_and_a_route_that_can_never_meet_it_is_reported() {
    let src = "version: 1
name: residency
default: { action: cloud, require: { baa: true } }
rules:
  - id: eu
    when: { jurisdiction: [EU] }
    then: { action: pseudonymize, require: { region: [EU, ch] } }
";
    let p = parse(src).unwrap();
    let eu = p.requirement("eu").unwrap();
    assert_eq!(eu.region.as_deref(), Some(&["eu".to_string(), "ch".to_string()][..]));
    assert!(eu.admits(Some("EU"), false) && eu.admits(Some("ch"), false));
    assert!(!eu.admits(Some("us"), true) && !eu.admits(None, true));
    let baa = p.requirement("default").unwrap();
    assert!(baa.admits(None, true) && !baa.admits(Some("eu"), false));
    assert!(p.requirement("on_error").is_none());
    let table = |labels: Vec<(Option<String>, bool)>| RouteTable {
        routes: vec![("local".into(), true), ("cloud".into(), false)],
        cloud_route: Some("cloud".into()),
        local_route: "local".into(),
        labels: vec![("cloud".into(), labels)],
    };
    let issues = p.check_routes(&table(vec![(Some("us".into()), false)]));
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert!(issues
        .iter()
        .all(|i| i.severity == Severity::Warning && i.message.contains("can never satisfy")));
    assert!(issues[0].message.contains("a BAA"), "{issues:?}");
    assert!(issues[1].message.contains("region eu or ch"), "{issues:?}");
    assert!(p.check_routes(&table(vec![(Some("eu".into()), true)])).is_empty());
    for bad in [
        "then: { action: local, require: { baa: true } }",
        "then: { action: cloud, require: { zone: eu } }",
        "then: { action: cloud, require: { region: [] } }",
        "then: { action: cloud, require: { baa: yes please } }",
    ] {
        let src = format!(
            "version: 1\nname: x\ndefault: cloud\nrules:\n  - id: r\n    when: {{ jurisdiction: [EU] }}\n    {bad}\n"
        );
        assert!(parse(&src).is_err(), "{bad}");
    }
}

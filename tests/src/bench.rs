//! What the benches share: their flags, a varied decision record, and a
//! timed page fetch.

use std::collections::BTreeMap;

use cordon::audit::DecisionRecord;

/// Decision `i`: 8 tenants, 5 clients, 3 routes, 4 actions and a few
/// entity mixes, cycling every ten records.
pub fn decision(i: u64) -> DecisionRecord {
    let mut entities = BTreeMap::new();
    let mut categories = BTreeMap::new();
    let (route, zone, action, rule) = match i % 10 {
        0..=3 => ("local", "local", "local", "phi-on-prem"),
        4 => ("cloud", "cloud", "pseudonymize", "cards"),
        5 => ("cloud", "cloud", "block", "secrets"),
        _ => ("cloud", "cloud", "cloud", "default"),
    };
    match i % 10 {
        0 | 1 => {
            entities.insert("US_SSN".to_string(), 1);
            entities.insert("PERSON".to_string(), 1);
            categories.insert("PHI".to_string(), 2);
            categories.insert("PII".to_string(), 2);
        }
        2 | 3 => {
            entities.insert("MEDICAL_RECORD_NUMBER".to_string(), 1);
            categories.insert("PHI".to_string(), 1);
        }
        4 => {
            entities.insert("CREDIT_CARD".to_string(), 1);
            categories.insert("FINANCIAL".to_string(), 1);
        }
        5 => {
            entities.insert("API_KEY".to_string(), 1);
            categories.insert("SECRET".to_string(), 1);
        }
        _ => {}
    }
    DecisionRecord {
        id: uuid::Uuid::now_v7().to_string(),
        tenant: Some(format!("tenant-{}", i % 8)),
        client: Some(format!("app-{}", i % 5)),
        endpoint: "chat_completions".into(),
        model: "gpt-4o-mini".into(),
        route: route.into(),
        zone: zone.into(),
        action: action.into(),
        rule: rule.into(),
        policy_hash: Some("sha256:bench".into()),
        fingerprints: if entities.is_empty() {
            vec![]
        } else {
            vec![format!("{:064x}", i % 50_000)]
        },
        entities,
        categories,
        text_parts: 2,
        text_bytes: 1800 + (i % 300) as usize,
        ..Default::default()
    }
}

/// The value after `name` on the command line (`--records 200000`).
pub fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// GETs a page that must answer 200: how long it took, and its body.
pub async fn timed_get(client: reqwest::Client, url: String) -> (std::time::Duration, String) {
    let t = std::time::Instant::now();
    let r = client.get(url).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    (t.elapsed(), body)
}

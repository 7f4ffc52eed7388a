//! `pseudonymize:` in the config.

use std::time::Duration;

/// How placeholders look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// Typed tokens: `[PERSON_1]`, `[CREDIT_CARD_2]`.
    #[default]
    Token,
    /// Realistic format-preserving values: a fake name, a Luhn-valid test
    /// card number, a valid-looking IBAN.
    Surrogate,
}

impl Style {
    pub fn parse(s: &str) -> Option<Style> {
        match s {
            "token" => Some(Style::Token),
            "surrogate" => Some(Style::Surrogate),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Style::Token => "token",
            Style::Surrogate => "surrogate",
        }
    }
}

/// `pseudonymize:` in the config.
#[derive(Debug, Clone)]
pub struct PseudoConfig {
    pub style: Style,
    /// How long a conversation's mapping is kept after its last use.
    pub vault_ttl: Duration,
    /// The most conversations the vault holds (the oldest go first).
    pub vault_max_conversations: usize,
}

impl Default for PseudoConfig {
    fn default() -> Self {
        PseudoConfig {
            style: Style::Token,
            vault_ttl: Duration::from_secs(30 * 60),
            vault_max_conversations: 10_000,
        }
    }
}

//! Entity types and the categories they belong to.

use std::fmt;
use std::sync::Arc;

/// A category of sensitive data. An entity may belong to several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Protected health information (HIPAA's 18 identifiers in clinical context, clinical codes).
    Phi,
    /// Personal data about an identifiable individual.
    Pii,
    /// Payment and banking identifiers.
    Financial,
    /// Credentials: keys, tokens, private keys.
    Secret,
}

impl Category {
    pub const ALL: [Category; 4] = [Category::Phi, Category::Pii, Category::Financial, Category::Secret];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Phi => "PHI",
            Category::Pii => "PII",
            Category::Financial => "FINANCIAL",
            Category::Secret => "SECRET",
        }
    }

    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }

    const fn bit(self) -> u8 {
        match self {
            Category::Phi => 1,
            Category::Pii => 2,
            Category::Financial => 4,
            Category::Secret => 8,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of categories, as a small bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Categories(u8);

impl Categories {
    pub const fn of(list: &[Category]) -> Categories {
        let mut bits = 0;
        let mut i = 0;
        while i < list.len() {
            bits |= list[i].bit();
            i += 1;
        }
        Categories(bits)
    }

    pub fn contains(self, c: Category) -> bool {
        self.0 & c.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the two sets share a category.
    pub fn intersects(self, other: Categories) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether every category of `self` is in `other`.
    pub fn is_subset(self, other: Categories) -> bool {
        self.0 & !other.0 == 0
    }

    pub fn union(self, other: Categories) -> Categories {
        Categories(self.0 | other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = Category> {
        Category::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

macro_rules! kinds {
    ($( $variant:ident = $name:literal : [$first:ident $(, $cat:ident)*] ),+ $(,)?) => {
        /// The built-in entity types, named as in the policy language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind { $($variant),+ }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name),+ }
            }

            pub fn categories(self) -> Categories {
                match self { $(Kind::$variant => Categories::of(&[Category::$first $(, Category::$cat)*])),+ }
            }

            /// The category an entity is reported under when only one is asked for.
            pub fn primary_category(self) -> Category {
                match self { $(Kind::$variant => Category::$first),+ }
            }

            pub fn parse(name: &str) -> Option<Kind> {
                match name { $($name => Some(Kind::$variant),)+ _ => None }
            }
        }
    };
}

kinds! {
    Person = "PERSON": [Pii, Phi],
    Email = "EMAIL": [Pii, Phi],
    Phone = "PHONE": [Pii, Phi],
    UsSsn = "US_SSN": [Pii, Phi],
    CreditCard = "CREDIT_CARD": [Financial, Pii],
    Iban = "IBAN": [Financial, Pii],
    UsBankRouting = "US_BANK_ROUTING": [Financial],
    SwiftBic = "SWIFT_BIC": [Financial],
    AccountNumber = "ACCOUNT_NUMBER": [Financial, Pii, Phi],
    IpAddress = "IP_ADDRESS": [Pii, Phi],
    Url = "URL": [Pii, Phi],
    Date = "DATE": [Pii, Phi],
    StreetAddress = "STREET_ADDRESS": [Pii, Phi],
    ZipCode = "ZIP_CODE": [Pii, Phi],
    MedicalRecordNumber = "MEDICAL_RECORD_NUMBER": [Phi, Pii],
    HealthPlanId = "HEALTH_PLAN_ID": [Phi, Pii],
    Npi = "NPI": [Phi, Pii],
    DeaNumber = "DEA_NUMBER": [Phi, Pii],
    Icd10Code = "ICD10_CODE": [Phi],
    UsPassport = "US_PASSPORT": [Pii],
    UsDriverLicense = "US_DRIVER_LICENSE": [Pii, Phi],
    UkNhs = "UK_NHS": [Pii, Phi],
    UkNino = "UK_NINO": [Pii, Financial],
    DeTaxId = "DE_TAX_ID": [Pii, Financial],
    FrNir = "FR_NIR": [Pii, Phi],
    EsDni = "ES_DNI": [Pii],
    ItFiscalCode = "IT_FISCAL_CODE": [Pii, Financial],
    NlBsn = "NL_BSN": [Pii, Financial],
    VehicleId = "VEHICLE_ID": [Pii, Phi],
    DeviceId = "DEVICE_ID": [Pii, Phi],
    ApiKey = "API_KEY": [Secret],
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity type: one of the built-in kinds, or a custom recognizer's name from config.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    Builtin(Kind),
    Custom(Arc<str>),
}

impl Entity {
    pub fn as_str(&self) -> &str {
        match self {
            Entity::Builtin(k) => k.as_str(),
            Entity::Custom(name) => name,
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Kind> for Entity {
    fn from(k: Kind) -> Entity {
        Entity::Builtin(k)
    }
}

impl PartialEq<Kind> for Entity {
    fn eq(&self, other: &Kind) -> bool {
        matches!(self, Entity::Builtin(k) if k == other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_every_kind_has_a_category() {
        assert_eq!(Kind::ALL.len(), 31);
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(*k));
            assert!(!k.categories().is_empty(), "{k}");
        }
        assert_eq!(Kind::parse("NOPE"), None);
        assert!(Kind::ApiKey.categories().contains(Category::Secret));
        assert!(!Kind::ApiKey.categories().contains(Category::Pii));
        assert_eq!(Category::parse("PHI"), Some(Category::Phi));
    }
}

//! Elements: every piece of a referential (activité, compétence, critère, savoir, unité …).

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{Cited, Kind, Lines, Sp};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Element {
    /// Local id, unique in the certification: the document's code when it has one (`c1.1.1`, `u5`), else the position under the parent (`cp3-cr2`).
    pub id: Sp<String>,
    /// What the element is (`competence_professionnelle`, `critere_evaluation`, `savoir`…).
    pub kind: Sp<Kind>,
    /// The parent element: its local id, or its full id (`ntc-2018/cp3`) in another certification.
    pub parent: Option<Sp<String>>,
    /// The normalised code (`C31`, `C1.1.1`, `S4.2.3`, `U5`, `CP3`).
    pub code: Option<Sp<String>>,
    /// The code as the source spells it (`C 31`, `Thème 1 :`), when it differs from `code`.
    pub(crate) code_as_printed: Option<Sp<String>>,
    /// The element's text, exactly as printed: the title of a titled element, else the statement itself.
    pub text: Sp<String>,
    /// Where `text` is printed: a line (`309`) or an inclusive range (`368-369`); the range must be tight.
    pub lines: Sp<Lines>,
    /// The source document's id (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
    /// Other places where the same element is printed, each with the text as printed there.
    #[serde(default)]
    pub variants: Vec<Variant>,
    /// For a savoir-faire only, where the source makes it certain: `technique`, `organisationnel` or `relationnel`.
    pub subtype: Option<Sp<Subtype>>,
    /// 1-based number of the blank-line-separated block the element sits in, under its parent (REAC savoir-faire lists).
    pub block: Option<Sp<u32>>,
    /// Named values of the element (durée, coefficient, forme…), each cited.
    #[serde(default)]
    pub facts: Facts,
    /// Typed relations to other elements (certifies, evaluates, validates, mobilises, refers_to, related).
    #[serde(default)]
    pub links: Vec<Link>,
    /// An editor's note (not source text; shown as such): what was lost, scrambled or ambiguous here.
    pub note: Option<Sp<String>>,
    /// Left by `referentiel import` where the layout did not decide (the reason, in French): read
    /// the element against its source lines, fix it, then remove the marker. `check` lists each one.
    pub uncertain: Option<Sp<String>>,
    /// Why the text is printed in non-contiguous pieces (table columns interleaved…); requires `pieces`.
    pub repair: Option<Sp<String>>,
    /// The pieces of a repaired text, each cited; joined by single spaces they are exactly `text`.
    #[serde(default)]
    pub pieces: Vec<Cited>,
}

/// Another printing of the same element.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// The text as printed there (cited).
    pub text: Sp<String>,
    /// Where it is printed.
    pub lines: Sp<Lines>,
    /// The source document's id (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
    /// The code as printed there, when it differs.
    pub(crate) code_as_printed: Option<Sp<String>>,
    /// An editor's note on this printing.
    pub note: Option<Sp<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Hash, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Subtype {
    Technique,
    Organisationnel,
    Relationnel,
}

/// The named, cited values of an element.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// Duration (of an épreuve…).
    pub duree: Option<Sp<FactValue>>,
    /// Preparation time.
    pub(crate) duree_preparation: Option<Sp<FactValue>>,
    /// Coefficient.
    pub(crate) coefficient: Option<Sp<FactValue>>,
    /// Form (écrite, orale, pratique…).
    pub(crate) forme: Option<Sp<FactValue>>,
    /// Mode (ponctuel, CCF…).
    pub(crate) mode: Option<Sp<FactValue>>,
    /// Hours.
    pub(crate) horaire: Option<Sp<FactValue>>,
    /// Validity.
    pub(crate) validite: Option<Sp<FactValue>>,
}

impl Facts {
    /// The facts that are present, with their YAML names, in a fixed order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Sp<FactValue>)> {
        [
            ("duree", &self.duree),
            ("duree_preparation", &self.duree_preparation),
            ("coefficient", &self.coefficient),
            ("forme", &self.forme),
            ("mode", &self.mode),
            ("horaire", &self.horaire),
            ("validite", &self.validite),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
    }
}

/// A fact: a plain string found at the element's own lines, or a cited text.
#[derive(Debug)]
pub enum FactValue {
    Plain(String),
    Cited(Cited),
}

impl FactValue {
    pub fn text(&self) -> &str {
        match self {
            FactValue::Plain(s) => s,
            FactValue::Cited(c) => &c.text.value,
        }
    }
}

/// In the JSON Schema: a text or a number, or a cited text.
impl JsonSchema for FactValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FactValue".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let cited = generator.subschema_for::<Cited>();
        schemars::json_schema!({
            "description": "A value printed at the element's own lines (a text or a number), or a cited text with its `lines`.",
            "anyOf": [{"type": "string"}, {"type": "number"}, cited]
        })
    }
}

impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FactValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::words::diag::EXPECTING_FACT)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<FactValue, E> {
                Ok(FactValue::Plain(s.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<FactValue, E> {
                Ok(FactValue::Plain(n.to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<FactValue, E> {
                Ok(FactValue::Plain(n.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FactValue, A::Error> {
                Cited::deserialize(de::value::MapAccessDeserializer::new(map)).map(FactValue::Cited)
            }
        }
        d.deserialize_any(V)
    }
}

/// A typed relation from this element to another.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The relation: `certifies`, `evaluates`, `validates`, `mobilises`, `refers_to` or `related`.
    pub rel: Sp<Rel>,
    /// The target element: its local id, or its full id in another certification.
    pub to: Sp<String>,
    /// Where the document states the link.
    pub lines: Option<Sp<Lines>>,
    /// The source document's id (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
    /// The link as printed there (a code and title in a unit table), checked like any text.
    pub text: Option<Sp<String>>,
    /// An editor's note on the link.
    pub note: Option<Sp<String>>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Rel {
    Certifies,
    Evaluates,
    Validates,
    Mobilises,
    RefersTo,
    Related,
}

impl Rel {
    pub fn name(self) -> &'static str {
        match self {
            Rel::Certifies => "certifies",
            Rel::Evaluates => "evaluates",
            Rel::Validates => "validates",
            Rel::Mobilises => "mobilises",
            Rel::RefersTo => "refers_to",
            Rel::Related => "related",
        }
    }

    /// French label of the relation read forwards, and backwards.
    pub fn labels(self) -> (&'static str, &'static str) {
        use crate::words::rel;
        match self {
            Rel::Certifies => rel::Certifies,
            Rel::Evaluates => rel::Evaluates,
            Rel::Validates => rel::Validates,
            Rel::Mobilises => rel::Mobilises,
            Rel::RefersTo => rel::RefersTo,
            Rel::Related => rel::Related,
        }
    }
}

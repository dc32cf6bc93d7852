//! The entry form without the page: what an editor typed, read into a `ShipmentDraft` and
//! checked by the core's `shipment_problems` (the server's own checks), each problem placed on
//! the input it belongs to. Plain Rust, so native tests reach all of it.

use chrono::NaiveDate;
use karya_core::api::FetchError;
use karya_core::entry::{shipment_problems, FieldError, Known, Problem, ShipmentDraft};
use karya_core::{Lang, Product, Source, Text, Unit};

/// The form's inputs in page order; each `name=` is the draft's field name.
pub const FIELDS: [&str; 12] = [
    "facility_id",
    "product_id",
    "country",
    "date",
    "quantity",
    "value_idr",
    "value_usd",
    "provisional",
    "source_outlet",
    "source_title",
    "source_url",
    "source_document",
];

/// What is in the inputs, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntryForm {
    pub facility_id: String,
    pub product_id: String,
    pub country: String,
    pub date: String,
    pub quantity: String,
    pub value_idr: String,
    pub value_usd: String,
    pub provisional: bool,
    pub source_outlet: String,
    pub source_title: String,
    pub source_url: String,
    pub source_document: String,
}

/// Why an input is refused: the core's reason, one of the form's own (text that is not a
/// number or a date), or the server's words.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Core(Problem),
    NotANumber,
    NotADate,
    Server(String),
}

impl Reason {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Reason::Core(p) => p.message(lang),
            Reason::NotANumber => Text::NotANumber.get(lang).into(),
            Reason::NotADate => Text::NotADate.get(lang).into(),
            Reason::Server(m) => m.clone(),
        }
    }
}

/// A refused input: the `name=` of the input and why.
#[derive(Debug, Clone, PartialEq)]
pub struct InputProblem {
    pub input: &'static str,
    pub reason: Reason,
}

impl EntryForm {
    /// An empty form dated today.
    pub fn new(today: NaiveDate) -> EntryForm {
        EntryForm {
            date: today.format("%Y-%m-%d").to_string(),
            ..Default::default()
        }
    }

    /// The input's text, for the inputs that hold text.
    pub fn text(&self, input: &str) -> String {
        match input {
            "facility_id" => &self.facility_id,
            "product_id" => &self.product_id,
            "country" => &self.country,
            "date" => &self.date,
            "quantity" => &self.quantity,
            "value_idr" => &self.value_idr,
            "value_usd" => &self.value_usd,
            "source_outlet" => &self.source_outlet,
            "source_title" => &self.source_title,
            "source_url" => &self.source_url,
            "source_document" => &self.source_document,
            _ => "",
        }
        .to_string()
    }

    /// Sets a text input's value; other names are ignored.
    pub fn set_text(&mut self, input: &str, value: String) {
        let slot = match input {
            "facility_id" => &mut self.facility_id,
            "product_id" => &mut self.product_id,
            "country" => &mut self.country,
            "date" => &mut self.date,
            "quantity" => &mut self.quantity,
            "value_idr" => &mut self.value_idr,
            "value_usd" => &mut self.value_usd,
            "source_outlet" => &mut self.source_outlet,
            "source_title" => &mut self.source_title,
            "source_url" => &mut self.source_url,
            "source_document" => &mut self.source_document,
            _ => return,
        };
        *slot = value;
    }

    /// The draft to send, or every problem by input, in page order. `products` gives the
    /// unit: the editor never picks one, so it cannot disagree with the product.
    pub fn check(
        &self,
        known: &Known,
        products: &[Product],
        today: NaiveDate,
    ) -> Result<ShipmentDraft, Vec<InputProblem>> {
        let mut own = Vec::new();
        let mut required = |input: &'static str, value: &str| {
            if value.trim().is_empty() {
                own.push(InputProblem {
                    input,
                    reason: Reason::Core(Problem::Missing),
                });
            }
        };
        required("facility_id", &self.facility_id);
        required("product_id", &self.product_id);
        required("country", &self.country);
        required("date", &self.date);
        required("quantity", &self.quantity);
        let mut read = |input: &'static str, text: &str, reason: Reason, ok: bool| {
            if !text.trim().is_empty() && !ok {
                own.push(InputProblem { input, reason });
            }
        };
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d").ok();
        read("date", &self.date, Reason::NotADate, date.is_some());
        let quantity = parse_decimal(&self.quantity);
        read(
            "quantity",
            &self.quantity,
            Reason::NotANumber,
            quantity.is_some(),
        );
        let value_idr = parse_rupiah(&self.value_idr);
        read(
            "value_idr",
            &self.value_idr,
            Reason::NotANumber,
            value_idr.is_some(),
        );
        let value_usd = parse_decimal(&self.value_usd);
        read(
            "value_usd",
            &self.value_usd,
            Reason::NotANumber,
            value_usd.is_some(),
        );

        let draft = ShipmentDraft {
            date: date.unwrap_or(today),
            facility_id: self.facility_id.trim().to_string(),
            product_id: self.product_id.trim().to_string(),
            country: self.country.trim().to_string(),
            quantity: quantity.unwrap_or(1.0),
            unit: products
                .iter()
                .find(|p| p.id == self.product_id)
                .map_or(Unit::Piece, |p| p.unit),
            value_idr,
            value_usd,
            provisional: self.provisional,
            source: Source {
                id: String::new(),
                outlet: self.source_outlet.trim().to_string(),
                title: optional(&self.source_title),
                author: None,
                url: optional(&self.source_url),
                document: optional(&self.source_document),
                fact: None,
                quote: None,
            },
        };
        let core = shipment_problems(&draft.clone().into_shipment(1), known, Some(today));
        // An input already refused by the form keeps that reason alone: the core saw only a
        // stand-in value for it.
        let refused: Vec<&str> = own.iter().map(|p| p.input).collect();
        let mut problems = own.clone();
        for p in core {
            let input = self.input_of(p.field);
            if !refused.contains(&input) {
                problems.push(InputProblem {
                    input,
                    reason: Reason::Core(p.problem),
                });
            }
        }
        if problems.is_empty() {
            return Ok(draft);
        }
        problems.sort_by_key(|p| FIELDS.iter().position(|f| *f == p.input));
        Err(problems)
    }

    /// The input a field named by the core or the server belongs to. The id is made from the
    /// facility, the unit from the product; a source that cannot be cited is the outlet's when
    /// it is empty, the title's otherwise.
    pub fn input_of(&self, field: &str) -> &'static str {
        match field {
            "facility_id" | "id" => "facility_id",
            "product_id" | "unit" => "product_id",
            "country" => "country",
            "date" => "date",
            "quantity" => "quantity",
            "value_idr" => "value_idr",
            "value_usd" => "value_usd",
            "provisional" => "provisional",
            "source_url" | "source.url" => "source_url",
            "source_document" | "source.document" => "source_document",
            _ if self.source_outlet.trim().is_empty() => "source_outlet",
            _ => "source_title",
        }
    }

    /// The server's 422 `fields`, placed on the inputs.
    pub fn server_problems(&self, fields: &[FieldError]) -> Vec<InputProblem> {
        let mut problems: Vec<InputProblem> = fields
            .iter()
            .map(|f| InputProblem {
                input: self.input_of(&f.field),
                reason: Reason::Server(f.message.clone()),
            })
            .collect();
        problems.sort_by_key(|p| FIELDS.iter().position(|f| *f == p.input));
        problems
    }
}

fn optional(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A number as people type it: `1500`, `12.5`, `12,5`; with both marks the last one is the
/// decimal mark (`1.234,5` and `1,234.5`). `1.500` reads as 1.5, which the core then questions
/// for a count of pieces ("a thousands separator?") rather than silently guessing.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return None;
    }
    let normal = match (t.rfind('.'), t.rfind(',')) {
        (Some(dot), Some(comma)) if comma > dot => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (None, Some(_)) => t.replace(',', "."),
        _ => t,
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Rupiah are whole: dots, commas and spaces are only thousands separators (`1.500.000`).
pub fn parse_rupiah(text: &str) -> Option<i64> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != ',')
        .collect();
    t.parse().ok()
}

/// What a failed sign-in says: an unknown or revoked token, too many tries, or what the
/// network did.
pub fn sign_in_problem(error: &FetchError) -> Text {
    match error {
        FetchError::Server { status: 401, .. } => Text::TokenRejected,
        FetchError::Busy { status: 429, .. } => Text::TooManyAttempts,
        other => other.headline(),
    }
}

/// The label of an input, for the summary of problems above the form.
pub fn label_of(input: &str) -> Text {
    match input {
        "facility_id" => Text::ColFacility,
        "product_id" => Text::ColProduct,
        "country" => Text::ColDestination,
        "date" => Text::FieldReleaseDate,
        "quantity" => Text::ColQuantity,
        "value_idr" => Text::FieldValueIdr,
        "value_usd" => Text::FieldValueUsd,
        "provisional" => Text::FieldProvisional,
        "source_title" => Text::FieldTitle,
        "source_url" => Text::FieldUrl,
        "source_document" => Text::FieldDocument,
        _ => Text::FieldOutlet,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use karya_core::{Country, Facility, ProductCategory, ProductStatus, Provenance};

    fn product(id: &str, unit: Unit) -> Product {
        Product {
            id: id.into(),
            name_id: id.into(),
            name_en: id.into(),
            category: ProductCategory::Handicraft,
            unit,
            status: ProductStatus::Exporting,
            hs_code: None,
            facilities: vec![],
            provenance: Provenance::Illustrative,
        }
    }

    fn known(products: &[Product]) -> Known {
        let mut k = Known::new(&[] as &[Facility], products, &[] as &[Country]);
        k.facilities.insert("lapas-cirebon".into());
        k.countries.insert("ES".into());
        k
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    }

    fn good() -> EntryForm {
        EntryForm {
            facility_id: "lapas-cirebon".into(),
            product_id: "coco-shade".into(),
            country: "ES".into(),
            quantity: "120".into(),
            provisional: true,
            source_outlet: "Antara".into(),
            source_title: "Ekspor coco shade".into(),
            ..EntryForm::new(today())
        }
    }

    #[test]
    fn a_good_form_gives_the_draft_with_the_products_unit() {
        let products = [
            product("coco-shade", Unit::Piece),
            product("gula", Unit::Kilogram),
        ];
        let draft = good().check(&known(&products), &products, today()).unwrap();
        assert_eq!(draft.unit, Unit::Piece);
        assert_eq!(draft.quantity, 120.0);
        assert_eq!(draft.date, today());
        assert!(draft.provisional);
        assert_eq!(draft.source.title.as_deref(), Some("Ekspor coco shade"));
        assert_eq!(draft.source.url, None);
        let form = EntryForm {
            product_id: "gula".into(),
            quantity: "12,5".into(),
            ..good()
        };
        let draft = form.check(&known(&products), &products, today()).unwrap();
        assert_eq!((draft.unit, draft.quantity), (Unit::Kilogram, 12.5));
    }

    #[test]
    fn each_mistake_lands_on_its_input_in_page_order() {
        let products = [product("coco-shade", Unit::Piece)];
        let form = EntryForm {
            quantity: "1.500".into(),
            value_usd: "abc".into(),
            source_outlet: String::new(),
            date: "2027-01-01".into(),
            country: String::new(),
            ..good()
        };
        let problems = form
            .check(&known(&products), &products, today())
            .unwrap_err();
        let inputs: Vec<&str> = problems.iter().map(|p| p.input).collect();
        assert_eq!(
            inputs,
            ["country", "date", "quantity", "value_usd", "source_outlet"]
        );
        assert_eq!(problems[0].reason, Reason::Core(Problem::Missing));
        assert!(problems[2]
            .reason
            .message(Lang::Id)
            .contains("pemisah ribuan"));
        assert!(problems[2].reason.message(Lang::En).contains("thousands"));
        assert_eq!(problems[3].reason, Reason::NotANumber);
    }

    #[test]
    fn a_source_with_an_outlet_but_nothing_to_find_it_by_is_the_titles_problem() {
        let products = [product("coco-shade", Unit::Piece)];
        let form = EntryForm {
            source_title: " ".into(),
            ..good()
        };
        let problems = form
            .check(&known(&products), &products, today())
            .unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].input, "source_title");
    }

    #[test]
    fn the_servers_fields_are_placed_on_inputs() {
        let fields = [
            FieldError {
                field: "provenance.source".into(),
                message: "differs".into(),
            },
            FieldError {
                field: "quantity".into(),
                message: "bad".into(),
            },
        ];
        let problems = good().server_problems(&fields);
        assert_eq!(problems[0].input, "quantity");
        assert_eq!(problems[1].input, "source_title");
        assert_eq!(problems[1].reason.message(Lang::Id), "differs");
    }

    #[test]
    fn numbers_read_as_people_type_them() {
        assert_eq!(parse_decimal("1 234,5"), Some(1234.5));
        assert_eq!(parse_decimal("1,234.5"), Some(1234.5));
        assert_eq!(parse_decimal("1.234,5"), Some(1234.5));
        assert_eq!(parse_decimal("x"), None);
        assert_eq!(parse_rupiah("1.500.000"), Some(1_500_000));
        assert_eq!(parse_rupiah("-5"), Some(-5));
        assert_eq!(parse_rupiah("Rp 5"), None);
    }

    #[test]
    fn a_refused_sign_in_says_why() {
        let server = |status| FetchError::from_status(status, "");
        assert_eq!(sign_in_problem(&server(401)), Text::TokenRejected);
        assert_eq!(sign_in_problem(&server(429)), Text::TooManyAttempts);
        assert_eq!(
            sign_in_problem(&FetchError::TimedOut(15)),
            Text::ErrorTimedOut
        );
    }
}

//! The search box's index: every facility, product and country under the names a reader may
//! type (either language, a code, a province), matched without regard to case or accents.

use crate::i18n::Lang;
use crate::model::{Country, Facility, Product};

/// What a result is, in the order results are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Facility,
    Product,
    Country,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Facility, Kind::Product, Kind::Country];

    /// The `data-kind` hook of a result.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Facility => "facility",
            Kind::Product => "product",
            Kind::Country => "country",
        }
    }

    /// The profile's path for a record of this kind.
    pub fn path(self, id: &str) -> String {
        format!("/{}/{id}", self.code())
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    kind: Kind,
    id: String,
    name: (String, String),
    detail: String,
    /// Folded names the entry answers to; a code must be typed whole.
    keys: Vec<String>,
    code: Option<String>,
}

/// One result, worded in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: Kind,
    pub id: String,
    pub name: String,
    /// The province of a facility, the other language's name of a product or a country.
    pub detail: String,
    pub path: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn new(products: &[Product], facilities: &[Facility], countries: &[Country]) -> Self {
        let mut entries = Vec::new();
        for f in facilities {
            entries.push(Entry {
                kind: Kind::Facility,
                id: f.id.clone(),
                name: (f.name.clone(), f.name.clone()),
                detail: f.province.clone(),
                keys: vec![
                    fold(&f.name),
                    fold(&f.province),
                    fold(&f.id.replace('-', " ")),
                ],
                code: None,
            });
        }
        for p in products {
            entries.push(Entry {
                kind: Kind::Product,
                id: p.id.clone(),
                name: (p.name_id.clone(), p.name_en.clone()),
                detail: String::new(),
                keys: vec![fold(&p.name_id), fold(&p.name_en)],
                code: p.hs_code.as_deref().map(fold),
            });
        }
        for c in countries {
            entries.push(Entry {
                kind: Kind::Country,
                id: c.alpha2.clone(),
                name: (c.name_id.clone(), c.name_en.clone()),
                detail: c.alpha2.clone(),
                keys: vec![fold(&c.name_id), fold(&c.name_en)],
                code: Some(fold(&c.alpha2)),
            });
        }
        SearchIndex { entries }
    }

    /// At most `per_kind` results of each kind, grouped facility, product, country; within a
    /// group the closest match first (whole code or name, then a name's start, a word's start,
    /// anywhere), then by name. An empty query finds nothing.
    pub fn search(&self, query: &str, lang: Lang, per_kind: usize) -> Vec<Hit> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(Kind, u8, String, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let name = lang.pick(&e.name.0, &e.name.1).to_string();
                score(e, &q).map(|s| (e.kind, s, name, e))
            })
            .collect();
        scored.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
        let mut hits = Vec::new();
        for kind in Kind::ALL {
            let group = scored.iter().filter(|s| s.0 == kind).take(per_kind);
            hits.extend(group.map(|(_, _, name, e)| Hit {
                kind,
                id: e.id.clone(),
                name: name.clone(),
                detail: match kind {
                    Kind::Product => lang.pick(&e.name.1, &e.name.0).to_string(),
                    Kind::Country => format!("{} · {}", e.detail, lang.pick(&e.name.1, &e.name.0)),
                    Kind::Facility => e.detail.clone(),
                },
                path: kind.path(&e.id),
            }));
        }
        hits
    }
}

fn score(e: &Entry, q: &str) -> Option<u8> {
    if e.code.as_deref() == Some(q) || e.keys.iter().any(|k| k == q) {
        return Some(0);
    }
    if e.keys.iter().any(|k| k.starts_with(q)) {
        return Some(1);
    }
    if e.keys
        .iter()
        .any(|k| k.split(' ').any(|w| w.starts_with(q)))
    {
        return Some(2);
    }
    // Two letters inside a word match too much ("es" in every other name): only from three.
    (q.chars().count() >= 3 && e.keys.iter().any(|k| k.contains(q))).then_some(3)
}

/// Lower case, accents and punctuation dropped, spaces collapsed: "Côte d’Ivoire" and
/// "cote d ivoire" fold alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = strip_accent(c);
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' | 'ţ' => 't',
        'đ' | 'ď' => 'd',
        'ğ' => 'g',
        other => other,
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;

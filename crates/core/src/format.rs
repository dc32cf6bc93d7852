//! Numbers, money and dates as each language writes them. Indonesian follows PUEBI:
//! `1.234,5`, `Rp5.000`, `17 Agustus 2025`, and large numbers in words ("1,3 miliar"),
//! never an ambiguous "M". English: `1,234.5`, `17 August 2025`, "1.3 billion".

use crate::i18n::{unit_name, Lang};
use crate::model::Unit;
use crate::month::Month;
use chrono::{Datelike, NaiveDate};

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// `x` with exactly `decimals` fraction digits and grouped thousands.
pub fn fixed(x: f64, decimals: usize, lang: Lang) -> String {
    let (group, point) = separators(lang);
    let text = format!("{:.*}", decimals, x.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    // Rounding can turn -0.04 into "0.0": no minus sign on a zero.
    if x < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

/// Up to `max_decimals` fraction digits, trailing zeros dropped: `1.234,5`, `750`.
pub fn number(x: f64, max_decimals: usize, lang: Lang) -> String {
    let (_, point) = separators(lang);
    let s = fixed(x, max_decimals, lang);
    if s.contains(point) {
        s.trim_end_matches('0').trim_end_matches(point).to_string()
    } else {
        s
    }
}

/// Whole numbers: `12.345`.
pub fn integer(x: i64, lang: Lang) -> String {
    fixed(x as f64, 0, lang)
}

/// Large numbers in words, one decimal: `1,3 miliar` / `1.3 billion`; below a million, in full.
pub fn compact(x: f64, lang: Lang) -> String {
    const SCALES: [(f64, &str, &str); 3] = [
        (1e12, "triliun", "trillion"),
        (1e9, "miliar", "billion"),
        (1e6, "juta", "million"),
    ];
    for (size, id, en) in SCALES {
        if x.abs() >= size {
            return format!("{} {}", number(x / size, 1, lang), lang.pick(id, en));
        }
    }
    number(x, 1, lang)
}

/// Rupiah without decimals: `Rp5.000` / `IDR 5,000`; from a million on, in words.
pub fn idr(amount: i64, lang: Lang) -> String {
    let digits = if amount.abs() >= 1_000_000 {
        compact(amount as f64, lang)
    } else {
        integer(amount, lang)
    };
    match lang {
        Lang::Id => format!("Rp{digits}"),
        Lang::En => format!("IDR {digits}"),
    }
}

/// US dollars with cents: `US$1.234,50` / `US$1,234.50`.
pub fn usd(amount: f64, lang: Lang) -> String {
    format!("US${}", fixed(amount, 2, lang))
}

/// `17 Agustus 2025` / `17 August 2025`.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    format!("{} {} {}", d.day(), month_name(d.month(), lang), d.year())
}

/// `Agustus 2025` / `August 2025`.
pub fn month(m: Month, lang: Lang) -> String {
    format!("{} {}", month_name(m.month(), lang), m.year())
}

/// A moment in Western Indonesian Time (UTC+7), as people read it:
/// `28 November 2026 pukul 23.47 WIB` / `28 November 2026, 23:47 WIB`.
pub fn date_time_wib(t: chrono::DateTime<chrono::Utc>, lang: Lang) -> String {
    let wib = chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset");
    let local = t.with_timezone(&wib);
    let day = date(local.date_naive(), lang);
    match lang {
        Lang::Id => format!("{day} pukul {} WIB", local.format("%H.%M")),
        Lang::En => format!("{day}, {} WIB", local.format("%H:%M")),
    }
}

/// `Agu 2025` / `Aug 2025`, for axes and tight tables.
pub fn month_short(m: Month, lang: Lang) -> String {
    let name = month_name(m.month(), lang);
    // Indonesian and English months both read clearly from their first three letters.
    format!("{} {}", &name[..3], m.year())
}

fn month_name(month: u32, lang: Lang) -> &'static str {
    let names = match lang {
        Lang::Id => &MONTHS_ID,
        Lang::En => &MONTHS_EN,
    };
    names[month as usize - 1]
}

/// A quantity with its unit: `750 buah` / `750 pieces`, `1.250,5 kg`.
pub fn quantity(q: f64, unit: Unit, lang: Lang) -> String {
    format!("{} {}", number(q, 1, lang), unit_name(unit, q, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_groups_with_dots_and_decimals_with_a_comma() {
        assert_eq!(number(1234.5, 1, Lang::Id), "1.234,5");
        assert_eq!(number(1234567.0, 2, Lang::Id), "1.234.567");
        assert_eq!(fixed(-1234.5, 2, Lang::Id), "-1.234,50");
        assert_eq!(integer(999, Lang::Id), "999");
    }

    #[test]
    fn english_groups_with_commas() {
        assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(integer(1_000_000, Lang::En), "1,000,000");
    }

    #[test]
    fn rounding_never_leaves_a_negative_zero() {
        assert_eq!(fixed(-0.04, 1, Lang::En), "0.0");
        assert_eq!(number(0.0, 1, Lang::Id), "0");
    }

    #[test]
    fn large_numbers_are_written_in_words_never_m() {
        assert_eq!(compact(1_300_000_000.0, Lang::Id), "1,3 miliar");
        assert_eq!(compact(1_300_000_000.0, Lang::En), "1.3 billion");
        assert_eq!(compact(2_500_000.0, Lang::Id), "2,5 juta");
        assert_eq!(compact(4_000_000_000_000.0, Lang::Id), "4 triliun");
        assert_eq!(compact(999_999.0, Lang::En), "999,999");
    }

    #[test]
    fn money() {
        assert_eq!(idr(5_000, Lang::Id), "Rp5.000");
        assert_eq!(idr(5_000, Lang::En), "IDR 5,000");
        assert_eq!(idr(1_300_000_000, Lang::Id), "Rp1,3 miliar");
        assert_eq!(usd(1234.5, Lang::Id), "US$1.234,50");
        assert_eq!(usd(1234.5, Lang::En), "US$1,234.50");
    }

    #[test]
    fn dates_in_words() {
        let d = NaiveDate::from_ymd_opt(2025, 8, 17).unwrap();
        assert_eq!(date(d, Lang::Id), "17 Agustus 2025");
        assert_eq!(date(d, Lang::En), "17 August 2025");
        assert_eq!(month(Month::of(d), Lang::Id), "Agustus 2025");
        assert_eq!(month_short(Month::of(d), Lang::Id), "Agu 2025");
        assert_eq!(
            month_short(Month::new(2025, 5).unwrap(), Lang::En),
            "May 2025"
        );
    }

    #[test]
    fn moments_are_told_in_western_indonesian_time() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-28T17:05:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(
            date_time_wib(t, Lang::Id),
            "29 November 2026 pukul 00.05 WIB"
        );
        assert_eq!(date_time_wib(t, Lang::En), "29 November 2026, 00:05 WIB");
    }

    #[test]
    fn quantities_carry_their_unit() {
        assert_eq!(quantity(750.0, Unit::Piece, Lang::Id), "750 buah");
        assert_eq!(quantity(750.0, Unit::Piece, Lang::En), "750 pieces");
        assert_eq!(quantity(1250.5, Unit::Kilogram, Lang::Id), "1.250,5 kg");
    }
}

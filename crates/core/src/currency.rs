//! Values in one currency: a release that gives its value in rupiah only (or in dollars only)
//! is completed with the exchange rate of its own date from the ministry's rate table
//! (`exchange_rates.csv`: date, IDR per USD, source, e.g. Bank Indonesia's JISDOR), and says
//! so; without a rate of that date the value stays unknown — never the nearest day's.

use crate::format;
use crate::i18n::Lang;
use crate::model::{Shipment, Source};
use chrono::NaiveDate;

/// One day's rate: how many rupiah one US dollar costs, and who says so.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExchangeRate {
    pub date: NaiveDate,
    pub idr_per_usd: f64,
    pub source: Source,
}

/// A release's values once completed; `rate` is the one used, if a value was converted.
#[derive(Debug, Clone, PartialEq)]
pub struct Values {
    pub usd: Option<f64>,
    pub idr: Option<i64>,
    pub rate: Option<ExchangeRate>,
}

/// The release's values, the missing currency converted with the rate of the release's date.
pub fn complete(s: &Shipment, rates: &[ExchangeRate]) -> Values {
    let given = Values {
        usd: s.value_usd,
        idr: s.value_idr,
        rate: None,
    };
    if s.value_usd.is_some() == s.value_idr.is_some() {
        return given;
    }
    let Some(rate) = s.date.and_then(|d| {
        rates
            .iter()
            .find(|r| r.date == d && r.idr_per_usd.is_finite() && r.idr_per_usd > 0.0)
    }) else {
        return given;
    };
    Values {
        usd: s
            .value_usd
            .or_else(|| s.value_idr.map(|idr| idr as f64 / rate.idr_per_usd)),
        idr: s.value_idr.or_else(|| {
            s.value_usd
                .map(|usd| (usd * rate.idr_per_usd).round() as i64)
        }),
        rate: Some(rate.clone()),
    }
}

/// "dikonversi dengan kurs JISDOR 15 September 2026 (Rp15.250 per US$)": what the screen says
/// beside a converted value.
pub fn conversion_note(rate: &ExchangeRate, lang: Lang) -> String {
    let name = rate.source.title.as_deref().unwrap_or(&rate.source.outlet);
    let per = format::idr(rate.idr_per_usd.round() as i64, lang);
    match lang {
        Lang::Id => format!(
            "dikonversi dengan kurs {name} {} ({per} per US$)",
            format::date(rate.date, lang)
        ),
        Lang::En => format!(
            "converted at the {name} rate of {} ({per} per US$)",
            format::date(rate.date, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::ship;

    fn jisdor(day: u32, idr_per_usd: f64) -> ExchangeRate {
        ExchangeRate {
            date: NaiveDate::from_ymd_opt(2026, 9, day).unwrap(),
            idr_per_usd,
            source: Source {
                id: "bi-jisdor".into(),
                outlet: "Bank Indonesia".into(),
                title: Some("JISDOR".into()),
                author: None,
                url: None,
                document: None,
                fact: None,
                quote: None,
            },
        }
    }

    fn release(date: Option<(u32, u32)>, idr: Option<i64>, usd: Option<f64>) -> Shipment {
        let mut s = ship("ES", "coco", usd);
        s.value_idr = idr;
        s.date = date.map(|(m, d)| NaiveDate::from_ymd_opt(2026, m, d).unwrap());
        s
    }

    #[test]
    fn a_missing_currency_is_converted_with_the_rate_of_the_release_date_only() {
        let rates = [jisdor(14, 15_000.0), jisdor(15, 16_000.0)];
        let v = complete(&release(Some((9, 15)), Some(32_000_000), None), &rates);
        assert_eq!((v.usd, v.idr), (Some(2_000.0), Some(32_000_000)));
        assert_eq!(v.rate.unwrap().date, rates[1].date);
        let back = complete(&release(Some((9, 14)), None, Some(10.5)), &rates);
        assert_eq!(back.idr, Some(157_500));
    }

    #[test]
    fn without_a_rate_of_that_date_or_a_date_the_value_stays_unknown() {
        let rates = [jisdor(14, 15_000.0), jisdor(16, 0.0)];
        for s in [
            release(Some((9, 15)), Some(1_000), None),
            release(None, Some(1_000), None),
            release(Some((9, 16)), Some(1_000), None),
        ] {
            let v = complete(&s, &rates);
            assert_eq!((v.usd, v.rate), (None, None), "{:?}", s.date);
        }
        let both = complete(&release(Some((9, 14)), Some(1), Some(2.0)), &rates);
        assert_eq!(
            (both.idr, both.usd, both.rate),
            (Some(1), Some(2.0), None),
            "given values are kept"
        );
    }

    #[test]
    fn the_note_names_the_rate_and_its_date_in_each_language() {
        let r = jisdor(15, 15_250.0);
        assert!(conversion_note(&r, Lang::Id)
            .starts_with("dikonversi dengan kurs JISDOR 15 September 2026"));
        assert!(conversion_note(&r, Lang::En)
            .starts_with("converted at the JISDOR rate of 15 September 2026"));
    }
}

//! The one line that stands for a page's filters when they are folded away on a small screen:
//! "2025 · Semua produk", so a reader sees what the picture shows before opening the controls.

use crate::filter::Filter;
use crate::i18n::{Lang, Text};

/// The period and the product of `filter`, in `lang`: "2025 · Semua produk",
/// "2023–2025 · Sabut kelapa", "Semua tahun · Semua produk".
pub fn filter_line(filter: &Filter, product_name: impl Fn(&str) -> String, lang: Lang) -> String {
    let period = match (filter.single_year(), filter.from, filter.to) {
        (Some(y), _, _) => y.to_string(),
        (None, None, None) => Text::AllYears.get(lang).to_string(),
        (None, from, to) => {
            let side = |b: Option<crate::filter::PeriodBound>| b.map(|b| b.to_string());
            format!(
                "{}–{}",
                side(from).unwrap_or_default(),
                side(to).unwrap_or_default()
            )
        }
    };
    let product = filter
        .product
        .as_deref()
        .map_or_else(|| Text::AllProducts.get(lang).to_string(), product_name);
    format!("{period} · {product}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::PeriodBound;

    fn name(id: &str) -> String {
        format!("<{id}>")
    }

    #[test]
    fn a_year_and_no_product_read_as_the_issue_says() {
        let f = Filter::default().with_year(Some(2025));
        assert_eq!(filter_line(&f, name, Lang::Id), "2025 · Semua produk");
        assert_eq!(filter_line(&f, name, Lang::En), "2025 · All products");
    }

    #[test]
    fn no_period_is_all_years_and_a_product_is_named() {
        let f = Filter {
            product: Some("coco".into()),
            ..Filter::default()
        };
        assert_eq!(filter_line(&f, name, Lang::Id), "Semua tahun · <coco>");
    }

    #[test]
    fn a_range_shows_both_ends_and_an_open_end_stays_open() {
        let f = Filter {
            from: Some(PeriodBound::Year(2023)),
            to: Some(PeriodBound::Year(2025)),
            ..Filter::default()
        };
        assert_eq!(filter_line(&f, name, Lang::En), "2023–2025 · All products");
        let open = Filter {
            from: Some(PeriodBound::Year(2023)),
            ..Filter::default()
        };
        assert_eq!(filter_line(&open, name, Lang::En), "2023– · All products");
    }
}

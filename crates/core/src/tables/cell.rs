//! Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are written
//! with a leading `'`, which spreadsheets show as text; reading removes exactly that quote, so
//! an export imported again gives back the same text.

/// Whether a spreadsheet would read `s` as a formula. Finite numbers (`-6.7`) are safe.
fn is_formula_like(s: &str) -> bool {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => !s.parse::<f64>().is_ok_and(f64::is_finite),
        // An already quoted formula keeps its own quote through a round trip.
        Some('\'') => is_formula_like(&s[1..]),
        _ => false,
    }
}

/// The cell as written to a CSV file.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if is_formula_like(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// The cell as read from a CSV file: the inverse of [`neutralise`].
pub fn restore(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if is_formula_like(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_and_numbers_and_words_are_not() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("+62 21 555"), "'+62 21 555");
        assert_eq!(neutralise("-inf"), "'-inf");
        assert_eq!(neutralise("-6.7063"), "-6.7063");
        assert_eq!(neutralise("Lapas Cirebon"), "Lapas Cirebon");
        assert_eq!(neutralise("'=x"), "''=x");
        assert_eq!(neutralise("'quoted'"), "'quoted'");
    }

    #[test]
    fn reading_undoes_writing() {
        for s in ["=1+1", "'=1+1", "''@x", "-5", "'plain", "", "-", "@"] {
            assert_eq!(restore(&neutralise(s)), s, "{s:?}");
        }
    }
}

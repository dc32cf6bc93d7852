//! A calendar month ("2025-08"), the grain of production records.
//! Serialised as the string `YYYY-MM` so JSON, SQL and URLs all read the same.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// `None` unless `month` is 1–12 and the year has four digits.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }

    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    /// 1–4.
    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("Month is always valid")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .pred_opt()
            .expect("not the first day ever")
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn prev(self) -> Self {
        if self.month == 1 {
            Self {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Self {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// Months from `self` to `later` (0 when equal, negative when `later` is earlier).
    pub fn months_until(self, later: Month) -> i32 {
        (later.year - self.year) * 12 + later.month as i32 - self.month as i32
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a month like 2025-08, got {0:?}")]
pub struct MonthParseError(pub String);

impl FromStr for Month {
    type Err = MonthParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MonthParseError(s.to_string());
        let (y, m) = s.split_once('-').ok_or_else(err)?;
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4 || m.len() != 2 || !digits(y) || !digits(m) {
            return Err(err());
        }
        let year = y.parse().map_err(|_| err())?;
        let month = m.parse().map_err(|_| err())?;
        Month::new(year, month).ok_or_else(err)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_round_trip() {
        let m: Month = "2025-08".parse().unwrap();
        assert_eq!((m.year(), m.month(), m.quarter()), (2025, 8, 3));
        assert_eq!(m.to_string(), "2025-08");
    }

    #[test]
    fn refuses_malformed_months() {
        for bad in [
            "2025-13", "2025-00", "2025-8", "25-08", "2025/08", "", "abcd-ef",
        ] {
            assert!(bad.parse::<Month>().is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn steps_over_year_end_and_knows_its_last_day() {
        let dec: Month = "2024-12".parse().unwrap();
        assert_eq!(dec.next().to_string(), "2025-01");
        assert_eq!(dec.months_until(dec.next()), 1);
        let feb: Month = "2024-02".parse().unwrap();
        assert_eq!(
            feb.last_day(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
    }
}

//! The headline the article sets a goal for (F4: a BLK in every Lapas and Rutan): how many Lapas
//! and Rutan have one, out of how many, from the facility records. A record that does not say
//! is counted apart as "not stated", never as "no".

use crate::format;
use crate::i18n::Lang;
use crate::model::{Facility, FacilityKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BlkCount {
    pub with_blk: usize,
    pub without_blk: usize,
    pub not_stated: usize,
}

impl BlkCount {
    /// Every Lapas and Rutan on record.
    pub fn total(&self) -> usize {
        self.with_blk + self.without_blk + self.not_stated
    }
}

/// Counts the Lapas and Rutan among `facilities` by what their record says of a BLK; LPKA and
/// Bapas are outside the goal and are not counted.
pub fn blk_count(facilities: &[Facility]) -> BlkCount {
    facilities
        .iter()
        .filter(|f| matches!(f.kind, FacilityKind::Lapas | FacilityKind::Rutan))
        .fold(BlkCount::default(), |mut c, f| {
            match f.has_blk {
                Some(true) => c.with_blk += 1,
                Some(false) => c.without_blk += 1,
                None => c.not_stated += 1,
            }
            c
        })
}

/// "7 dari 12 Lapas dan Rutan punya BLK" and, on its own line, what the rest of the records say.
pub fn blk_headline(c: &BlkCount, lang: Lang) -> (String, String) {
    let n = |v: usize| format::integer(v as i64, lang);
    let head = match lang {
        Lang::Id => format!(
            "{} dari {} Lapas dan Rutan punya BLK",
            n(c.with_blk),
            n(c.total())
        ),
        Lang::En => format!(
            "{} of {} Lapas and Rutan have a BLK",
            n(c.with_blk),
            n(c.total())
        ),
    };
    let rest = match lang {
        Lang::Id => format!(
            "{} tanpa BLK; {} tidak disebutkan di catatannya",
            n(c.without_blk),
            n(c.not_stated)
        ),
        Lang::En => format!(
            "{} without; {} whose record does not say",
            n(c.without_blk),
            n(c.not_stated)
        ),
    };
    (head, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ExportModel, Provenance, ZoningRole};

    fn facility(kind: FacilityKind, has_blk: Option<bool>) -> Facility {
        Facility {
            id: "x".into(),
            name: "x".into(),
            kind,
            province: "Jawa Barat".into(),
            latitude: -6.0,
            longitude: 107.0,
            role: ZoningRole::Producer,
            has_blk,
            export_model: ExportModel::Active,
            provenance: Provenance::Illustrative,
        }
    }

    #[test]
    fn lapas_and_rutan_are_counted_and_an_unstated_record_is_not_a_no() {
        let all = [
            facility(FacilityKind::Lapas, Some(true)),
            facility(FacilityKind::Lapas, Some(true)),
            facility(FacilityKind::Rutan, Some(false)),
            facility(FacilityKind::Rutan, None),
            facility(FacilityKind::Lapas, None),
            facility(FacilityKind::Lpka, Some(true)),
            facility(FacilityKind::Bapas, None),
        ];
        let c = blk_count(&all);
        assert_eq!(
            c,
            BlkCount {
                with_blk: 2,
                without_blk: 1,
                not_stated: 2
            }
        );
        assert_eq!(c.total(), 5);
        assert_eq!(
            blk_headline(&c, Lang::Id),
            (
                "2 dari 5 Lapas dan Rutan punya BLK".to_string(),
                "1 tanpa BLK; 2 tidak disebutkan di catatannya".to_string()
            )
        );
        assert_eq!(
            blk_headline(&c, Lang::En).0,
            "2 of 5 Lapas and Rutan have a BLK"
        );
    }

    #[test]
    fn no_facility_counts_nothing() {
        assert_eq!(blk_count(&[]).total(), 0);
    }
}

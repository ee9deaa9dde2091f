//! The plans that ship with plansim: every `seeds/*.json`, embedded at build
//! time by `build.rs`, and the published values of `seeds/*.csv` that
//! belong to each. Nothing here names one plan.

use super::plan::{Plan, PlanError};
use super::reported::{self, Reported};

/// A file of `seeds/`, embedded in the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed {
    /// Its file name, e.g. `some-plan.json`.
    pub file: &'static str,
    /// Its contents.
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The built-in plans, parsed and validated, in file-name order; the first
/// is the one a link without `?plan=` opens.
///
/// # Errors
/// The first seed that fails to load, with its file name: a test rules it out.
pub fn plans() -> Result<Vec<Plan>, (&'static str, PlanError)> {
    PLAN_FILES
        .iter()
        .map(|s| Plan::from_json(s.text).map_err(|e| (s.file, e)))
        .collect()
}

/// The published values that ship for `plan`: the rows of every
/// `seeds/*.csv` that validates against it (a file of another plan names
/// indicators this one lacks, and is skipped).
pub fn reported_for(plan: &Plan) -> Vec<Reported> {
    REPORTED_FILES
        .iter()
        .filter_map(|s| reported::parse(plan, s.text).ok())
        .flatten()
        .collect()
}

/// The seed of the Zhejiang plan, which the model's own tests are written against.
#[cfg(test)]
pub(crate) const ZHEJIANG_JSON: &str =
    include_str!("../../seeds/zhejiang-digital-economy-14fyp.json");

#[cfg(test)]
impl Plan {
    /// The Zhejiang seed, for tests.
    pub fn zhejiang() -> Result<Plan, PlanError> {
        Plan::from_json(ZHEJIANG_JSON)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_plan_loads_and_ids_are_unique() {
        let plans = plans().unwrap_or_else(|(f, e)| panic!("seeds/{f}: {e}"));
        assert_eq!(plans.len(), PLAN_FILES.len());
        let mut ids: Vec<&str> = plans.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), plans.len(), "plan ids are unique");
    }

    #[test]
    fn old_links_open_the_zhejiang_plan() {
        // A link without `?plan=` opens the first seed: adding a plan whose
        // file sorts first would change what old links show.
        assert_eq!(
            plans().unwrap()[0].id,
            "zhejiang-digital-economy-14fyp",
            "the first seed in file-name order"
        );
    }

    #[test]
    fn every_seed_csv_belongs_to_exactly_one_plan() {
        let plans = plans().unwrap();
        for s in REPORTED_FILES {
            let owners: Vec<&str> = plans
                .iter()
                .filter(|p| reported::parse(p, s.text).is_ok())
                .map(|p| p.id.as_str())
                .collect();
            assert_eq!(owners.len(), 1, "seeds/{}: {owners:?}", s.file);
        }
        let zj = Plan::zhejiang().unwrap();
        assert_eq!(reported_for(&zj).len(), 18);
    }

    /// issue 10: build.rs embeds plans without whitespace; the document is the same.
    #[test]
    fn an_embedded_plan_is_its_file_minified() {
        let file: serde_json::Value = serde_json::from_str(ZHEJIANG_JSON).unwrap();
        let seed = PLAN_FILES
            .iter()
            .find(|s| s.file == "zhejiang-digital-economy-14fyp.json")
            .unwrap();
        assert!(seed.text.len() < ZHEJIANG_JSON.len() * 3 / 4);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(seed.text).unwrap(),
            file
        );
    }
}

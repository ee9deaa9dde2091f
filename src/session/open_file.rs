//! A file the reader opens or drops: a plan, a scenario or reported
//! values, told apart by what it holds and checked as each is.

use crate::core::plan::Plan;
use crate::core::reported::{self, Reported};
use crate::i18n::Lang;
use crate::notice::Notice;
use crate::state::State;
use std::rc::Rc;

/// What a file the reader opened turns out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Opening {
    /// A valid plan.
    Plan(Rc<Plan>),
    /// A scenario for the shown plan, to replace the reader's.
    Scenario(State),
    /// Reported values for the shown plan.
    Reported(Vec<Reported>),
    /// Refused, with the reason; nothing changes.
    Refused(Notice),
}

/// Reads a file the reader opened or dropped (`text` is `None` where it
/// could not be read) for the plan `shown`: JSON with a `plansim` key is a
/// scenario, other JSON a plan, a `.csv` or comma-separated text reported
/// values. Each is checked as its own import is; a refusal names the field
/// or line at fault.
pub fn open_file(shown: &Plan, lang: Lang, name: &str, text: Option<&str>) -> Opening {
    let Some(text) = text else {
        return Opening::Refused(Notice::Unreadable(name.to_string()));
    };
    let body = text.trim_start_matches('\u{FEFF}').trim_start();
    if body.starts_with('{') {
        /// Only whether the file has a `plansim` key (cheaper than a `Value`).
        #[derive(serde::Deserialize)]
        struct Probe {
            plansim: Option<serde::de::IgnoredAny>,
        }
        let is_scenario = serde_json::from_str::<Probe>(body).is_ok_and(|p| p.plansim.is_some());
        return if is_scenario {
            match crate::export::import_scenario(shown, body, lang) {
                Ok(st) => Opening::Scenario(st),
                Err(p) => Opening::Refused(Notice::ImportRefused(p)),
            }
        } else {
            match Plan::from_json(body) {
                Ok(plan) => Opening::Plan(Rc::new(plan)),
                Err(error) => Opening::Refused(Notice::PlanRefused {
                    from: name.to_string(),
                    error,
                }),
            }
        };
    }
    let csv = name.to_ascii_lowercase().ends_with(".csv")
        || body.lines().next().is_some_and(|l| l.contains(','));
    if !csv {
        return Opening::Refused(Notice::UnknownFile(name.to_string()));
    }
    match reported::parse(shown, text) {
        Ok(rows) => Opening::Reported(rows),
        Err(error) => Opening::Refused(Notice::ReportedRefused {
            from: name.to_string(),
            error,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::builtin;

    const RIVERLAND: &str = include_str!("../../tests/fixtures/riverland-water-2030.json");

    #[test]
    fn a_file_is_read_for_what_it_is_and_refusals_name_the_fault() {
        let plan = &Plan::from_json(builtin::PLAN_FILES[0].text).unwrap();
        assert!(
            matches!(open_file(plan, Lang::En, "r.json", Some(RIVERLAND)), Opening::Plan(p) if p.id == "riverland-water-2030")
        );
        let mut v: serde_json::Value = serde_json::from_str(RIVERLAND).unwrap();
        v["indicators"][3]["target"]["value"] = "lots".into();
        let Opening::Refused(n) = open_file(plan, Lang::Zh, "bad.json", Some(&v.to_string()))
        else {
            panic!("refused")
        };
        assert!(
            n.text(Lang::Zh).contains("indicators[3].target.value"),
            "{}",
            n.text(Lang::Zh)
        );
        assert!(n.text(Lang::Zh).contains("bad.json"));
        let scenario = r#"{"plansim":1,"plan":"zhejiang-digital-economy-14fyp","horizon":2025,"growth":{"gdp":5}}"#;
        assert!(
            matches!(open_file(plan, Lang::En, "s.json", Some(scenario)), Opening::Scenario(st) if st.scenario.growth["gdp"] == 5.0)
        );
        let csv =
            "indicator,year,value,unit,status,source,url,note\nnope,2024,1,亿元,reported,x,,\n";
        let Opening::Refused(n) = open_file(plan, Lang::En, "bad.csv", Some(csv)) else {
            panic!("refused")
        };
        assert!(
            n.text(Lang::En).contains("bad.csv: line 2"),
            "{}",
            n.text(Lang::En)
        );
        assert!(matches!(
            open_file(plan, Lang::En, "x.png", Some("\u{89}PNG")),
            Opening::Refused(Notice::UnknownFile(_))
        ));
        assert!(matches!(
            open_file(plan, Lang::En, "x.csv", None),
            Opening::Refused(Notice::Unreadable(_))
        ));
    }
}

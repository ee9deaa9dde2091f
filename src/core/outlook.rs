//! The answer first: where each headline target stands on the published
//! data, at the plan's own pace and in the reader's scenario, how old the
//! data are, and whether the plan period is already over.

use super::engine::{assess, meets, ModelError, Scenario, Status, Verdict};
use super::plan::{Kind, Plan, Role};
use super::presets::{preset_scenario, Preset};
use super::reported::{for_chart, latest_year, Pace, ReportStatus, Reported};

/// A projected value at the target year and its verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// The value in the target year, in the indicator's unit.
    pub value: f64,
    /// Whether it meets the target.
    pub verdict: Verdict,
}

/// The published value for the target year itself, once there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct Actual {
    /// The published value (a revision preferred over a first release).
    pub reported: Reported,
    /// The verdict on it; `None` where it is a lower bound below the
    /// target, which settles nothing.
    pub verdict: Option<Verdict>,
}

/// One headline target, answered.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineOutlook {
    /// The headline indicator.
    pub id: String,
    /// The indicators whose slider moves it, with their published pace: a
    /// ratio's numerator then denominator, or the indicator itself.
    pub drivers: Vec<(String, Option<Pace>)>,
    /// At the pace published so far (the [`Preset::Reported`] scenario).
    pub reported_pace: Option<Point>,
    /// At the plan's own pace (the [`Preset::PlanPace`] scenario).
    pub plan_pace: Option<Point>,
    /// In the reader's scenario.
    pub reader: Option<Point>,
    /// The latest year with a published value, for the indicator and for
    /// each driver, in that order; `None` where nothing was published.
    pub data_through: Vec<(String, Option<u16>)>,
    /// The published value for the target year, if plansim has it.
    pub actual: Option<Actual>,
}

/// Where the plan stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlook {
    /// The plan's target year.
    pub target_year: u16,
    /// True once `today_year` is after the target year: the plan period has
    /// ended and projections to it are hindsight, not forecasts.
    pub period_ended: bool,
    /// Every indicator with the headline role, in plan order.
    pub headlines: Vec<HeadlineOutlook>,
}

fn point(plan: &Plan, sc: &Scenario, id: &str) -> Result<Option<Point>, ModelError> {
    let mut at_target = sc.clone();
    at_target.horizon = plan.target_year;
    Ok(match assess(plan, &at_target, id)? {
        Status::Assessed(a) => Some(Point {
            value: a.projected,
            verdict: a.verdict,
        }),
        _ => None,
    })
}

/// Answers every headline target of `plan` for a reader in `today_year`:
/// at the pace published so far (`paces`, from [`super::reported::paces`]),
/// at the plan's pace, and in `reader`'s scenario (each judged in the target
/// year, whatever the scenario's horizon), with the age of the data in
/// `reported` and the published outcome for the target year where it exists.
///
/// # Errors
/// A [`ModelError`] from the engine for a scenario it cannot run (an
/// invalid growth or baseline the reader supplied).
pub fn outlook(
    plan: &Plan,
    reported: &[Reported],
    paces: &[Pace],
    reader: &Scenario,
    today_year: u16,
) -> Result<Outlook, ModelError> {
    let rep = preset_scenario(plan, reader, Preset::Reported, paces);
    let pace = preset_scenario(plan, reader, Preset::PlanPace, paces);
    let mut headlines = Vec::new();
    for ind in plan.indicators.iter().filter(|i| i.role == Role::Headline) {
        let driver_ids: Vec<String> = match &ind.kind {
            Kind::Ratio {
                numerator,
                denominator,
            } => vec![numerator.clone(), denominator.clone()],
            _ => vec![ind.id.clone()],
        };
        let drivers = driver_ids
            .iter()
            .map(|d| {
                let p = paces.iter().find(|p| &p.indicator == d).cloned();
                (d.clone(), p)
            })
            .collect();
        let mut data_through = vec![(ind.id.clone(), latest_year(reported, &ind.id))];
        for d in driver_ids.iter().filter(|d| **d != ind.id) {
            data_through.push((d.clone(), latest_year(reported, d)));
        }
        let actual = ind.target.as_ref().and_then(|t| {
            let r = for_chart(reported, &ind.id)
                .into_iter()
                .find(|r| r.year == t.year)?
                .clone();
            let hit = meets(r.value, t);
            let verdict = match (r.status, hit) {
                (ReportStatus::LowerBound, false) => None,
                (_, true) => Some(Verdict::Hit),
                (_, false) => Some(Verdict::Miss),
            };
            Some(Actual {
                reported: r,
                verdict,
            })
        });
        headlines.push(HeadlineOutlook {
            id: ind.id.clone(),
            drivers,
            reported_pace: point(plan, &rep, &ind.id)?,
            plan_pace: point(plan, &pace, &ind.id)?,
            reader: point(plan, reader, &ind.id)?,
            data_through,
            actual,
        });
    }
    Ok(Outlook {
        target_year: plan.target_year,
        period_ended: today_year > plan.target_year,
        headlines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::reported::{paces, parse, ZHEJIANG_REPORTED_CSV};

    fn setup() -> (Plan, Vec<Reported>, Vec<Pace>) {
        let plan = Plan::zhejiang().unwrap();
        let all = parse(&plan, ZHEJIANG_REPORTED_CSV).unwrap();
        let p = paces(&plan, &all);
        (plan, all, p)
    }

    #[test]
    fn the_headline_misses_at_the_reported_pace_and_the_period_is_over() {
        let (plan, all, p) = setup();
        let o = outlook(&plan, &all, &p, &Scenario::new(&plan), 2026).unwrap();
        assert!(o.period_ended);
        assert_eq!(o.target_year, 2025);
        let h = &o.headlines[0];
        let rp = h.reported_pace.unwrap();
        // 46.8 × (1.1274 / 1.0854)^5 ≈ 56.6, short of 59
        assert!((rp.value - 56.6).abs() < 0.1, "{rp:?}");
        assert_eq!(rp.verdict, Verdict::Miss);
        assert_eq!(h.plan_pace.unwrap().verdict, Verdict::Hit);
        let ids: Vec<&str> = h.drivers.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(ids.len(), 2);
        assert!(h.drivers.iter().all(|(_, p)| p.is_some()));
        // the share itself up to 2023; its denominator (GDP) up to 2024
        let years: Vec<Option<u16>> = h.data_through.iter().map(|(_, y)| *y).collect();
        assert_eq!(years, [Some(2023), Some(2023), Some(2024)]);
        assert_eq!(h.actual, None, "no 2025 value yet");
        let o = outlook(&plan, &all, &p, &Scenario::new(&plan), 2025).unwrap();
        assert!(!o.period_ended, "2025 itself is still the plan period");
    }

    #[test]
    fn a_published_target_year_value_is_an_actual_verdict() {
        let (plan, mut all, p) = setup();
        let mut row = all
            .iter()
            .find(|r| r.indicator == "de_share")
            .unwrap()
            .clone();
        row.year = 2025;
        row.value = 58.9;
        all.push(row.clone());
        let o = outlook(&plan, &all, &p, &Scenario::new(&plan), 2026).unwrap();
        let a = o.headlines[0].actual.clone().unwrap();
        assert_eq!((a.reported.value, a.verdict), (58.9, Some(Verdict::Miss)));
        // a lower bound under the target settles nothing
        all.last_mut().unwrap().status = ReportStatus::LowerBound;
        let o = outlook(&plan, &all, &p, &Scenario::new(&plan), 2026).unwrap();
        assert_eq!(o.headlines[0].actual.clone().unwrap().verdict, None);
        // at 59 (60 左右, tolerance 1) it is a hit
        all.last_mut().unwrap().value = 59.0;
        let o = outlook(&plan, &all, &p, &Scenario::new(&plan), 2026).unwrap();
        assert_eq!(
            o.headlines[0].actual.clone().unwrap().verdict,
            Some(Verdict::Hit)
        );
    }
}

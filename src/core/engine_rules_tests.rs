//! The engine's comparisons at their boundaries: the slack around a target,
//! strict against non-strict targets, the bounds of a percentage, the
//! guards on supplied baselines and growth, a target equal to its baseline,
//! a zero target, the per-year growth map and every error message. Plans
//! that differ from the seed are the seed edited as JSON and loaded through
//! `Plan::from_json`.

use super::*;
use crate::core::test_plan::{edited, indicator_mut};
use crate::core::tolerance::{slack, STRICT_NUDGE};

fn zj() -> Plan {
    Plan::zhejiang().unwrap()
}

/// The seed with indicator `id`'s target value set to `value`.
fn with_target(id: &str, value: f64) -> Plan {
    edited(|v| indicator_mut(v, id)["target"]["value"] = value.into()).unwrap()
}

fn target(plan: &Plan, id: &str) -> Target {
    plan.indicator(id).unwrap().target.clone().unwrap()
}

fn scenario(plan: &Plan, growth: &[(&str, f64)], baselines: &[(&str, f64)]) -> Scenario {
    let mut s = Scenario::new(plan);
    for (id, g) in growth {
        s.growth.insert(id.to_string(), *g);
    }
    for (id, b) in baselines {
        s.baselines.insert(id.to_string(), *b);
    }
    s
}

fn assessed(plan: &Plan, s: &Scenario, id: &str) -> Assessment {
    match assess(plan, s, id) {
        Ok(Status::Assessed(a)) => *a,
        other => panic!("{id}: {other:?}"),
    }
}

/// The slack is `1e-9 × max(1, |t|)`.
#[test]
fn slack_is_relative_with_a_floor_of_one() {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs();
    assert!(close(slack(20.0), 2e-8), "{}", slack(20.0));
    assert!(close(slack(-30.0), 3e-8), "{}", slack(-30.0));
    assert!(close(slack(0.5), 1e-9), "{}", slack(0.5));
    assert!(close(slack(0.0), 1e-9), "{}", slack(0.0));
}

/// `gte`: reached from `t - slack`. 5G: t = 20, slack = 2e-8.
#[test]
fn gte_targets_count_from_the_target_less_the_slack() {
    let t = target(&zj(), "base_stations_5g");
    assert!(meets(20.0, &t));
    assert!(meets(25.0, &t));
    assert!(meets(20.0 - 1e-8, &t), "within the slack");
    assert!(!meets(20.0 - 3e-8, &t), "past the slack");
    assert!(!meets(19.99, &t));
    // Below 1 the slack is 1e-9, not 1e-9 × t: 0.5 - 0.9e-9 still counts.
    let t = target(&with_target("invention_patents", 0.5), "invention_patents");
    assert!(meets(0.5 - 0.9e-9, &t));
    assert!(!meets(0.5 - 1.1e-9, &t));
}

/// `gt` (">90"): reached only past `t + slack`; slack = 9e-8.
#[test]
fn gt_targets_need_more_than_the_target_plus_the_slack() {
    let t = target(&zj(), "one_stop_service");
    assert_eq!(t.comparator, Comparator::Gt);
    assert!(!meets(90.0, &t), "90 is not > 90");
    assert!(!meets(90.0 - 1.0, &t));
    assert!(!meets(90.0 + 5e-8, &t), "within the slack is still 90");
    assert!(
        !meets(90.0 + slack(90.0), &t),
        "the edge of the slack is not past it"
    );
    assert!(meets(90.0 + 2e-7, &t));
    assert!(meets(91.0, &t));
    // 81.6 + 5 × 1.68 lands on 90 (within float error): a miss; the nudged
    // growth 1.68 + 1e-6 gives 90.000005: a hit.
    assert_eq!(growth_to_hit(1.68, &t), 1.68 + STRICT_NUDGE);
    assert_eq!(STRICT_NUDGE, 1e-6);
    let plan = zj();
    let s = scenario(&plan, &[("one_stop_service", 1.68)], &[]);
    assert_eq!(
        assessed(&plan, &s, "one_stop_service").verdict,
        Verdict::Miss
    );
    let s = scenario(&plan, &[("one_stop_service", 1.68 + STRICT_NUDGE)], &[]);
    let a = assessed(&plan, &s, "one_stop_service");
    assert_eq!(a.verdict, Verdict::Hit);
    assert!((a.margin - 5e-6).abs() < 1e-9, "{}", a.margin);
}

/// `about` (60%左右, tolerance 1): reached from `60 - 1 - slack`; slack = 6e-8.
#[test]
fn about_targets_count_from_the_target_less_the_tolerance() {
    let t = target(&zj(), "de_share");
    assert!(meets(59.0, &t));
    assert!(meets(59.0 - 3e-8, &t), "within the slack");
    assert!(!meets(59.0 - 1e-7, &t), "past the slack");
    assert!(!meets(58.99, &t));
    assert!(meets(61.5, &t), "above the target is not a miss");
    // themed_towns: 40个左右 with tolerance 2 counts from 38.
    let t = target(&zj(), "themed_towns");
    assert!(meets(38.0, &t) && !meets(37.99, &t));
}

/// A percentage that lands exactly on 0 or 100 is not held there; one that
/// passes it is, from that year. mobile_office grows in points from a
/// supplied 2020 baseline.
#[test]
fn percentages_on_a_bound_are_not_held_past_it_are() {
    let plan = zj();
    let path = |base: f64, g: f64| {
        let s = scenario(&plan, &[("mobile_office", g)], &[("mobile_office", base)]);
        project(&plan, &s, "mobile_office").unwrap().unwrap()
    };
    // 75 + 5 × 5 = 100 in 2025.
    let p = path(75.0, 5.0);
    assert_eq!((p.at(2025), p.saturated), (Some(100.0), None));
    // 80 + 4 × 5 = 100 in 2024, 105 held at 100 in 2025.
    let p = path(80.0, 5.0);
    assert_eq!(p.at(2024), Some(100.0));
    assert_eq!(p.at(2025), Some(100.0));
    assert_eq!(
        p.saturated,
        Some(Saturation {
            year: 2025,
            bound: Bound::Ceiling
        })
    );
    // 25 - 5 × 5 = 0 in 2025.
    let p = path(25.0, -5.0);
    assert_eq!((p.at(2025), p.saturated), (Some(0.0), None));
    // 20 - 4 × 5 = 0 in 2024, -5 held at 0 in 2025.
    let p = path(20.0, -5.0);
    assert_eq!(p.values, [20.0, 15.0, 10.0, 5.0, 0.0, 0.0]);
    assert_eq!(
        p.saturated,
        Some(Saturation {
            year: 2025,
            bound: Bound::Floor
        })
    );
}

/// A supplied baseline: finite and not negative; a percentage up to 100
/// included; zero only where growth is in points.
#[test]
fn supplied_baselines_at_their_bounds() {
    let plan = zj();
    let problem = |id: &str, v: f64| {
        let s = scenario(&plan, &[], &[(id, v)]);
        match baseline_of(&plan, &s, plan.indicator(id).unwrap()) {
            Ok(b) => Ok(b),
            Err(ModelError::InvalidBaseline { reason, .. }) => Err(reason),
            Err(e) => panic!("{e}"),
        }
    };
    use BaselineProblem::*;
    assert_eq!(problem("mobile_office", 100.0), Ok(Some((2020, 100.0))));
    assert_eq!(problem("mobile_office", 100.000001), Err(OverHundred));
    assert_eq!(problem("mobile_office", 0.0), Ok(Some((2020, 0.0))));
    assert_eq!(problem("mobile_office", -1e-9), Err(NotFiniteOrNegative));
    assert_eq!(problem("mobile_office", f64::NAN), Err(NotFiniteOrNegative));
    assert_eq!(problem("digital_trade", 0.0), Err(ZeroRelative));
    assert_eq!(problem("digital_trade", 1e-9), Ok(Some((2020, 1e-9))));
    assert_eq!(problem("digital_trade", 250.0), Ok(Some((2020, 250.0))));
    assert_eq!(problem("digital_trade", -1.0), Err(NotFiniteOrNegative));
    assert_eq!(
        problem("digital_trade", f64::INFINITY),
        Err(NotFiniteOrNegative)
    );
    // The plan's own baseline wins over a supplied one.
    assert_eq!(problem("base_stations_5g", 1.0), Ok(Some((2020, 6.3))));
}

/// Relative growth stops at -100%; growth in points has no floor (the
/// percentage is held at 0 instead).
#[test]
fn growth_guards_by_mode() {
    use GrowthMode::*;
    assert_eq!(check_growth("x", None, -100.0, Relative), Ok(-100.0));
    assert!(check_growth("x", None, -100.001, Relative).is_err());
    assert_eq!(check_growth("x", None, 250.0, Relative), Ok(250.0));
    assert_eq!(check_growth("x", None, -150.0, Points), Ok(-150.0));
    assert_eq!(check_growth("x", Some(2023), 150.0, Points), Ok(150.0));
    for g in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        for mode in [Relative, Points] {
            assert_eq!(
                check_growth("x", Some(2022), g, mode).map_err(|e| !e.to_string().is_empty()),
                Err(true),
                "{g} {mode:?}"
            );
        }
    }
    let plan = zj();
    let s = scenario(&plan, &[("open_data", -150.0)], &[]);
    let a = assessed(&plan, &s, "open_data");
    assert_eq!(a.path.values, [13.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
}

/// Where the target equals the baseline there is no span to measure
/// progress on: a hit counts as 1 (on track), a miss as -1 (regression).
#[test]
fn progress_when_the_target_is_the_baseline() {
    let plan = with_target("invention_patents", 6.5);
    let at = |g: f64| {
        assessed(
            &plan,
            &scenario(&plan, &[("invention_patents", g)], &[]),
            "invention_patents",
        )
    };
    let flat = at(0.0);
    assert_eq!((flat.projected, flat.verdict), (6.5, Verdict::Hit));
    assert_eq!(
        (flat.progress_ratio, flat.progress),
        (1.0, Progress::OnTrack)
    );
    let up = at(5.0);
    assert_eq!((up.progress_ratio, up.progress), (1.0, Progress::OnTrack));
    let down = at(-1.0);
    assert_eq!(down.verdict, Verdict::Miss);
    assert_eq!(
        (down.progress_ratio, down.progress),
        (-1.0, Progress::Regression)
    );
}

/// A zero target: relative growth reaches it only at -100%
/// (`((0 / 6.5)^(1/5) - 1) × 100`); in points, `(0 - 6.7) / 6 = -1.1167`.
#[test]
fn required_growth_for_a_zero_target() {
    let plan = with_target("invention_patents", 0.0);
    let s = Scenario::new(&plan);
    assert_eq!(
        required_growth(&plan, &s, "invention_patents"),
        Ok(Some(-100.0))
    );
    let a = assessed(&plan, &s, "invention_patents");
    assert_eq!(
        (a.margin_rel, a.verdict),
        (None, Verdict::Hit),
        "no relative margin to 0"
    );
    let plan = with_target("rd_intensity", 0.0);
    let r = required_growth(&plan, &Scenario::new(&plan), "rd_intensity")
        .unwrap()
        .unwrap();
    assert!((r - -6.7 / 6.0).abs() < 1e-12, "{r}");
}

/// `margin = projected - target`, `margin_rel = margin / |target|`.
/// 5G at 0%: 6.3 - 20 = -13.7, -13.7 / 20 = -0.685.
#[test]
fn margins_by_hand() {
    let plan = zj();
    let a = assessed(
        &plan,
        &scenario(&plan, &[("base_stations_5g", 0.0)], &[]),
        "base_stations_5g",
    );
    assert!((a.margin - -13.7).abs() < 1e-12, "{}", a.margin);
    assert!((a.margin_rel.unwrap() - -0.685).abs() < 1e-12);
    // (6.3 - 6.3) / (20 - 6.3) = 0
    assert_eq!((a.progress_ratio, a.progress), (0.0, Progress::Stagnation));
    assert_eq!((a.baseline, a.first_hit), ((2020, 6.3), None));
}

/// The growth in force each year, from the year after the baseline to the
/// horizon (at least the target year).
#[test]
fn growth_by_year_runs_from_the_baseline_to_the_horizon() {
    let plan = zj();
    let mut s = Scenario::new(&plan);
    let want: crate::core::map::Map<u16, f64> = (2021..=2025).map(|y| (y, 7.0)).collect();
    assert_eq!(growth_by_year(&plan, &s, "gdp"), want);
    // A 2019 baseline: from 2020; default 0.15 points.
    let want: crate::core::map::Map<u16, f64> = (2020..=2025).map(|y| (y, 0.15)).collect();
    assert_eq!(growth_by_year(&plan, &s, "rd_intensity"), want);
    s.horizon = 2035;
    s.growth.insert("gdp".into(), 5.0);
    s.paths.entry("gdp".into()).or_default().insert(2030, -1.0);
    let got = growth_by_year(&plan, &s, "gdp");
    assert_eq!(
        got.keys().copied().collect::<Vec<_>>(),
        (2021..=2035).collect::<Vec<_>>()
    );
    assert_eq!((got[&2029], got[&2030], got[&2031]), (5.0, -1.0, 5.0));
    assert!(
        growth_by_year(&plan, &s, "de_share").is_empty(),
        "a ratio has no slider"
    );
    assert!(growth_by_year(&plan, &s, "nope").is_empty());
}

#[test]
fn progress_keys() {
    let keys = [
        Progress::OnTrack,
        Progress::Moderate,
        Progress::Marginal,
        Progress::Stagnation,
        Progress::Regression,
    ]
    .map(Progress::key);
    assert_eq!(
        keys,
        [
            "on-track",
            "moderate",
            "marginal",
            "stagnation",
            "regression"
        ]
    );
}

/// Every error says what is wrong, with the indicator, value and year.
#[test]
fn error_messages() {
    let plan = zj();
    let text = |s: &Scenario, id: &str| assess(&plan, s, id).unwrap_err().to_string();
    assert_eq!(text(&Scenario::new(&plan), "nope"), "no indicator `nope`");
    let mut s = scenario(&plan, &[("gdp", f64::NAN)], &[]);
    assert_eq!(
        text(&s, "gdp"),
        "`gdp`: growth NaN is not usable (it must be a finite number, and relative growth cannot be below -100%)"
    );
    s.growth.clear();
    s.paths
        .entry("gdp".into())
        .or_default()
        .insert(2023, -150.0);
    assert_eq!(
        text(&s, "de_share"),
        "`gdp`: growth -150 in 2023 is not usable (it must be a finite number, and relative growth cannot be below -100%)"
    );
    for (id, v, why) in [
        (
            "digital_trade",
            -2.0,
            "it must be a finite number, not negative",
        ),
        ("mobile_office", 100.5, "a percentage cannot exceed 100"),
        (
            "digital_trade",
            0.0,
            "zero cannot grow by a percentage; enter a positive value",
        ),
    ] {
        let s = scenario(&plan, &[], &[(id, v)]);
        assert_eq!(
            text(&s, id),
            format!("`{id}`: baseline {v} is not usable: {why}")
        );
    }
    let mut s = Scenario::new(&plan);
    s.horizon = 2036;
    assert_eq!(text(&s, "gdp"), "horizon 2036 must lie within 2025-2035");
    let s = scenario(&plan, &[("base_stations_5g", 1e306)], &[]);
    assert_eq!(
        text(&s, "base_stations_5g"),
        "`base_stations_5g`: the projection overflows in 2022; lower the growth"
    );
    let s = scenario(&plan, &[("gdp", -100.0)], &[]);
    assert_eq!(
        text(&s, "core_share"),
        "`core_share`: the denominator reaches zero in 2021"
    );
}

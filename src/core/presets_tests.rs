//! The presets pinned value by value: which slider each one sets, to what,
//! and what it keeps of the reader's scenario.

use super::engine::{required_growth, run, Scenario, Status};
use super::plan::Plan;
use super::presets::{active_preset, preset_growth, preset_scenario, Preset};
use super::reported::{paces, parse, Pace, ZHEJIANG_REPORTED_CSV};
use super::tolerance::STRICT_NUDGE;

fn zj() -> (Plan, Vec<Pace>) {
    let plan = Plan::zhejiang().unwrap();
    let all = parse(&plan, ZHEJIANG_REPORTED_CSV).unwrap();
    let p = paces(&plan, &all);
    (plan, p)
}

fn projected(plan: &Plan, s: &Scenario, id: &str) -> f64 {
    match &run(plan, s).unwrap().get(id).unwrap().status {
        Ok(Status::Assessed(a)) => a.projected,
        other => panic!("{id}: {other:?}"),
    }
}

#[test]
fn keys_round_trip() {
    let keys: Vec<&str> = Preset::ALL.iter().map(|p| p.key()).collect();
    assert_eq!(keys, ["reported", "plan", "trend"]);
    for p in Preset::ALL {
        assert_eq!(Preset::from_key(p.key()), Some(p));
    }
    assert_eq!(Preset::from_key(""), None);
    assert_eq!(Preset::from_key("Plan"), None);
}

/// The plan's pace moves a ratio through its numerator, to exactly the
/// numerator growth that lands the ratio on its target; a strict target gets
/// the nudge past its boundary; a target without a slider of its own sets
/// nothing under its own id.
#[test]
fn plan_pace_sets_each_target_s_slider_to_its_required_growth() {
    let (plan, paces) = zj();
    let start = Scenario::new(&plan);
    let g = preset_growth(&plan, &start, Preset::PlanPace, &paces);
    let req = |id: &str| required_growth(&plan, &start, id).unwrap().unwrap();
    assert_eq!(g.get("de_value_added"), Some(&req("de_share")));
    assert_eq!(g.get("core_value_added"), Some(&req("core_share")));
    assert!(!g.contains_key("de_share") && !g.contains_key("core_share"));
    assert!(
        !g.contains_key("gdp"),
        "a driver without target keeps its default"
    );
    assert_eq!(
        g.get("one_stop_service"),
        Some(&(req("one_stop_service") + STRICT_NUDGE))
    );
    assert_eq!(g.get("rd_intensity"), Some(&req("rd_intensity")));
    assert_eq!(g.get("base_stations_5g"), Some(&req("base_stations_5g")));
    // and there the ratios land on their targets: 60 (not the default 60.13)
    // and 15
    let sc = preset_scenario(&plan, &start, Preset::PlanPace, &paces);
    assert!((projected(&plan, &sc, "de_share") - 60.0).abs() < 1e-9);
    assert!((projected(&plan, &sc, "core_share") - 15.0).abs() < 1e-9);
    assert!((projected(&plan, &sc, "base_stations_5g") - 20.0).abs() < 1e-9);
}

/// Only the plan's own previous-period growth, where the plan gives one.
#[test]
fn trend_sets_only_the_sliders_with_a_trend() {
    let (plan, paces) = zj();
    let g = preset_growth(&plan, &Scenario::new(&plan), Preset::Trend, &paces);
    assert_eq!(
        g.into_iter().collect::<Vec<_>>(),
        [("core_value_added".to_string(), 15.2)]
    );
}

/// A preset replaces the reader's growth and paths but keeps the horizon and
/// the baselines the reader supplied.
#[test]
fn a_preset_keeps_the_horizon_and_the_reader_s_baselines() {
    let (plan, paces) = zj();
    let mut mine = Scenario::new(&plan);
    mine.horizon = 2030;
    mine.baselines.insert("industry_brains".into(), 12.0);
    mine.growth.insert("gdp".into(), 1.0);
    mine.paths
        .insert("gdp".into(), [(2022, 3.0)].into_iter().collect());
    for p in Preset::ALL {
        let sc = preset_scenario(&plan, &mine, p, &paces);
        assert_eq!(sc.horizon, 2030, "{p:?}");
        assert_eq!(sc.baselines, mine.baselines, "{p:?}");
        assert!(sc.paths.is_empty(), "{p:?}");
        assert_eq!(sc.growth, preset_growth(&plan, &mine, p, &paces), "{p:?}");
        assert_eq!(active_preset(&plan, &sc, &paces), Some(p), "{p:?}");
    }
    // the reader's baseline counts: with it, industry_brains has a required
    // growth and the plan's pace sets its slider
    let g = preset_growth(&plan, &mine, Preset::PlanPace, &paces);
    assert!(g.contains_key("industry_brains"), "{g:?}");
    let g = preset_growth(&plan, &Scenario::new(&plan), Preset::PlanPace, &paces);
    assert!(!g.contains_key("industry_brains"), "{g:?}");
    assert_eq!(active_preset(&plan, &mine, &paces), None);
}

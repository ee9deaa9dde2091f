//! Another plan, with its own ids, categories, units and roles, through the
//! model, the link format, the presets and every export; and a hostile plan
//! whose every text field carries HTML and script, which stays text.
#![cfg(not(target_arch = "wasm32"))]

use plansim::chart::{to_svg, ChartSpec};
use plansim::core::engine::{run, Scenario, Status, Verdict};
use plansim::core::plan::{Plan, Role};
use plansim::core::reported;
use plansim::export;
use plansim::i18n::{goal_heading, Lang};
use plansim::session::{open_file, Opening};
use plansim::state::{self, Action, Preset, State};

const RIVERLAND: &str = include_str!("fixtures/riverland-water-2030.json");
const RIVERLAND_CSV: &str = include_str!("fixtures/riverland-reported.csv");
const HOSTILE: &str = include_str!("fixtures/hostile-plan.json");
const HOSTILE_CSV: &str = include_str!("fixtures/hostile-reported.csv");

fn fresh(plan: &Plan) -> State {
    State {
        scenario: Scenario::new(plan),
        lang: Lang::En,
        notices: vec![],
        scale: Default::default(),
        reference: Default::default(),
    }
}

#[test]
fn another_plan_runs_from_its_own_data() {
    let plan = Plan::from_json(RIVERLAND).unwrap();
    // The implied denominator: 264 / 22% = 1200.
    let total = plan.indicator("total_use").unwrap();
    assert!((total.baseline.as_ref().unwrap().value - 1200.0).abs() < 1e-9);
    let r = run(&plan, &Scenario::new(&plan)).unwrap();
    assert_eq!(
        r.tally(),
        (5, 5),
        "every target with a baseline hit by default"
    );
    assert_eq!(r.needing_baseline().collect::<Vec<_>>(), ["certified_labs"]);
    match &r.get("reuse_rate").unwrap().status {
        Ok(Status::Assessed(a)) => {
            let want = 100.0 * 264.0 * 1.07f64.powi(8) / (1200.0 * 1.01f64.powi(8));
            assert!((a.projected - want).abs() < 1e-9);
            assert_eq!(a.verdict, Verdict::Hit, "about 35 counts from 34.5");
        }
        other => panic!("{other:?}"),
    }
    // The 2021 baseline of a percentage grows over nine years, in points.
    match &r.get("good_river_sections").unwrap().status {
        Ok(Status::Assessed(a)) => assert!((a.projected - (68.0 + 9.0 * 1.5)).abs() < 1e-9),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        goal_heading(&plan, plan.indicator("reuse_rate").unwrap(), Lang::Zh),
        "总目标：再生水利用率 35%左右"
    );
    assert_eq!(plan.with_role(Role::Driver).count(), 2);
}

#[test]
fn another_plan_through_links_presets_and_exports() {
    let plan = Plan::from_json(RIVERLAND).unwrap();
    let mut s = fresh(&plan);
    for a in [
        Action::SetGrowth("total_use".into(), 4.0),
        Action::TypeBaseline("certified_labs".into(), "12".into()),
        Action::TypePathYear("reclaimed_volume".into(), 2024, "-1".into()),
        Action::SetHorizon(2040),
    ] {
        s = state::reduce(&plan, &s, a);
    }
    assert!(s.notices.is_empty(), "{:?}", s.notices);
    let frag = state::to_fragment(&plan, &s);
    assert_eq!(
        frag,
        "v=1&g.total_use=4&p.reclaimed_volume.2024=-1&b.certified_labs=12&h=2040&lang=en"
    );
    assert_eq!(state::from_fragment(&plan, &frag, Lang::Zh).0, s);
    let paced = state::reduce(&plan, &s, Action::Apply(Preset::PlanPace, vec![]));
    let (hit, total) = run(&plan, &paced.scenario).unwrap().tally();
    assert_eq!((hit, total), (6, 6), "the plan's pace hits every target");
    assert_eq!(
        paced.scenario.growth.get("total_use"),
        None,
        "a denominator with no target of its own goes back to its default"
    );
    assert_eq!(paced.scenario.horizon, 2040, "the horizon is kept");
    assert_eq!(paced.scenario.baselines.get("certified_labs"), Some(&12.0));
    let trend = state::reduce(&plan, &fresh(&plan), Action::Apply(Preset::Trend, vec![]));
    assert_eq!(trend.scenario.growth.get("reclaimed_volume"), Some(&9.1));

    let csv = export::csv(&plan, &s.scenario);
    for ind in &plan.indicators {
        assert!(csv.contains(&format!("\n{},", ind.id)), "{}", ind.id);
    }
    assert!(csv.contains("pipe_km,供水管网长度,Length of supply mains,公里,km,2040,"));
    let json = export::scenario_json(&plan, &s);
    assert_eq!(export::import_scenario(&plan, &json, Lang::En).unwrap(), s);
    let rows = reported::parse(&plan, RIVERLAND_CSV).unwrap();
    assert_eq!(rows.len(), 4);
    let back = reported::parse(&plan, &export::reported_csv(&plan, &rows)).unwrap();
    assert_eq!(back, rows);
    let cite = export::citation(
        &plan,
        Lang::Zh,
        "https://x.org/?plan=r.json#lang=zh",
        "2026-01-01",
    );
    assert!(cite.contains("《河川市水务发展规划（2023—2030年）》（河政发〔2023〕7号）"));
    // A Zhejiang scenario file is refused for this plan.
    let other = r#"{"plansim":1,"plan":"zhejiang-digital-economy-14fyp","horizon":2025}"#;
    assert!(matches!(
        open_file(&plan, Lang::En, "s.json", Some(other)),
        Opening::Refused(_)
    ));
}

#[test]
fn a_hostile_plan_stays_text_in_every_export() {
    let plan = Plan::from_json(HOSTILE).unwrap();
    let s = fresh(&plan);
    // CSV: no cell starts a formula.
    let csv = export::csv(&plan, &s.scenario);
    let rows = reported::parse(&plan, HOSTILE_CSV).unwrap();
    let rep = export::reported_csv(&plan, &rows);
    for text in [&csv, &rep] {
        for line in text.lines() {
            for cell in line.split(',') {
                assert!(
                    !cell.trim_start_matches('"').starts_with(['=', '+', '@']),
                    "{cell}"
                );
            }
        }
    }
    assert_eq!(
        reported::parse(&plan, &rep).unwrap(),
        rows,
        "and loads back as it was"
    );
    // Links: only web addresses.
    assert!(rows.iter().all(|r| export::web_link(&r.url).is_none()));
    // The embed snippet escapes its attributes.
    let name = &plan.indicator("pipe_km").unwrap().name.en;
    let snippet = export::embed_snippet("https://x.org/?embed=pipe_km#lang=en", name, 400);
    assert!(!snippet.contains("<img") && !snippet.contains("<script"));
    assert_eq!(
        snippet.matches('"').count(),
        12,
        "only the quotes of its six attributes"
    );
    // The chart's SVG carries the unit and labels as escaped text.
    let unit = plan.indicator("pipe_km").unwrap().unit.en.clone();
    let spec = ChartSpec {
        y_label: unit.clone(),
        path: vec![(2022, 1.0), (2030, 2.0)],
        target: Some((2030, 2.0)),
        path_label: unit.clone(),
        target_label: unit.clone(),
        reported: vec![(2024, 1.5, false)],
        reported_label: unit,
        scale: 1.0,
        bands: vec![],
        bands_label: String::new(),
        reference: vec![],
        reference_label: String::new(),
    };
    let svg = to_svg(&spec, 480, 260).unwrap();
    assert!(!svg.contains("<img") && !svg.contains("<script") && !svg.contains("<b>"));
    assert!(svg.contains("&lt;script&gt;"));
    // A citation is plain text and does not break on a short, odd date.
    let cite = export::citation(&plan, Lang::En, "x", "y");
    assert!(cite.contains(&plan.title.en));
}

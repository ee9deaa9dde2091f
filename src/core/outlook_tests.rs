//! The outlook's hero numbers pinned: each judged in the target year
//! whatever the reader's horizon, the plan's pace landing on the target,
//! and the reader's own scenario followed.

use super::engine::{Scenario, Verdict};
use super::outlook::outlook;
use super::plan::Plan;
use super::reported::{paces, parse, ZHEJIANG_REPORTED_CSV};

#[test]
fn hero_numbers_are_judged_in_the_target_year() {
    let plan = Plan::zhejiang().unwrap();
    let all = parse(&plan, ZHEJIANG_REPORTED_CSV).unwrap();
    let p = paces(&plan, &all);
    let mut reader = Scenario::new(&plan);
    reader.horizon = 2035;
    reader.growth.insert("de_value_added".into(), 9.0);
    let o = outlook(&plan, &all, &p, &reader, 2024).unwrap();
    assert!(!o.period_ended);
    assert_eq!(o.headlines.len(), 1);
    let h = &o.headlines[0];
    assert_eq!(h.id, "de_share");
    // at the plan's pace the share lands on 60 in 2025, not later
    let pp = h.plan_pace.unwrap();
    assert!((pp.value - 60.0).abs() < 1e-9, "{pp:?}");
    assert_eq!(pp.verdict, Verdict::Hit);
    // the reader's 9% against GDP's 7%: 46.8 × (1.09 / 1.07)^5 = 51.16 in 2025
    let r = h.reader.unwrap();
    assert!(
        (r.value - 46.8 * (1.09f64 / 1.07).powi(5)).abs() < 1e-6,
        "{r:?}"
    );
    assert_eq!(r.verdict, Verdict::Miss);
    // the published pace, 2025 as well: 46.8 × (1.12739 / 1.08535)^5
    let rp = h.reported_pace.unwrap();
    let want = 46.8 * (1.1274f64 / 1.0854).powi(5);
    assert!((rp.value - want).abs() < 0.01, "{rp:?} vs {want}");
    // the drivers are the ratio's parts, numerator first, with their paces
    let ids: Vec<&str> = h.drivers.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(ids, ["de_value_added", "gdp"]);
    let gdp = h.drivers[1].1.as_ref().unwrap();
    assert_eq!((gdp.from, gdp.to), (2020, 2023));
    let names: Vec<&str> = h.data_through.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(names, ["de_share", "de_value_added", "gdp"]);
}

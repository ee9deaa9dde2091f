//! Links written before link versions existed must keep opening to the same
//! scenario: `tests/fixtures/links-v0.txt`, one link a line, and beside it
//! the scenario each opened to when the fixture was made.
//! `PLANSIM_BLESS=1` rewrites the expectations (only for new links).

use plansim::core::plan::Plan;
use plansim::export;
use plansim::i18n::Lang;
use plansim::state;

const LINKS: &str = include_str!("fixtures/links-v0.txt");
const EXPECTED: &str = "tests/fixtures/links-v0.expected.txt";

fn links() -> Vec<&'static str> {
    LINKS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
        .collect()
}

/// The scenario a link opens to, as one line of scenario JSON.
fn opened(plan: &Plan, link: &str) -> String {
    let (st, _) = state::from_fragment(plan, link, Lang::Zh);
    assert!(st.notices.is_empty(), "{link}: {:?}", st.notices);
    let v: serde_json::Value =
        serde_json::from_str(&export::scenario_json(plan, &st)).expect("scenario json");
    v.to_string()
}

#[test]
fn todays_links_keep_opening_to_the_same_scenarios() {
    let plan = Plan::from_json(plansim::core::builtin::PLAN_FILES[0].text).expect("built-in plan");
    let got: Vec<String> = links().iter().map(|l| opened(&plan, l)).collect();
    if std::env::var_os("PLANSIM_BLESS").is_some() {
        std::fs::write(EXPECTED, got.join("\n") + "\n").expect("write expectations");
        return;
    }
    let expected = std::fs::read_to_string(EXPECTED).expect("expectations");
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(expected.len(), got.len(), "one expectation per link");
    for ((link, want), got) in links().iter().zip(&expected).zip(&got) {
        assert_eq!(got, want, "{link}");
    }
}

/// Each of them, written again, carries `v=1` and opens to the same scenario.
#[test]
fn todays_links_written_again_carry_the_version() {
    let plan = Plan::from_json(plansim::core::builtin::PLAN_FILES[0].text).expect("built-in plan");
    for link in links() {
        let (st, _) = state::from_fragment(&plan, link, Lang::Zh);
        let again = state::to_fragment(&plan, &st);
        assert!(again.starts_with("v=1&"), "{again}");
        let (back, _) = state::from_fragment(&plan, &again, Lang::Zh);
        assert!(back.notices.is_empty(), "{again}: {:?}", back.notices);
        assert_eq!(back, st, "{link} → {again}");
    }
}

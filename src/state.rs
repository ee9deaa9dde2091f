//! The app's state, its actions and the pure reducer, plus the readable link
//! format. No browser APIs here, so all of it is tested natively.

use crate::core::engine::{check_growth, ModelError, Scenario};
use crate::core::plan::Plan;
use crate::core::presets::preset_scenario;
pub use crate::core::presets::Preset;
use crate::core::reported::Pace;
use crate::i18n::Lang;
use crate::notice::{Notice, Origin};

/// Highest growth a reader may type, in either unit; the engine would take
/// more, but charts stay readable and no plan target needs it.
pub const MAX_TYPED_GROWTH: f64 = 1000.0;

/// Everything the page shows follows from this.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The reader's scenario.
    pub scenario: Scenario,
    /// The display language.
    pub lang: Lang,
    /// Messages for the reader: malformed link parts, rejected input.
    pub notices: Vec<Notice>,
}

/// Everything a reader can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set an indicator's constant growth (already parsed).
    SetGrowth(String, f64),
    /// Typed text for an indicator's growth; rejected text becomes a notice.
    TypeGrowth(String, String),
    /// Back to the plan's defaults for one indicator (growth, path and baseline).
    ResetOne(String),
    /// Back to the plan's defaults for everything but the language.
    ResetAll,
    /// Typed text for a baseline; empty clears it.
    TypeBaseline(String, String),
    /// Typed text for one year's growth; empty clears that year.
    TypePathYear(String, u16, String),
    /// Set the projection horizon.
    SetHorizon(u16),
    /// Switch language.
    SetLang(Lang),
    /// Replace the scenario with a preset's whole scenario (see
    /// [`preset_scenario`]), given the paces of the values published so far;
    /// the horizon and supplied baselines are kept, so presets never stack.
    Apply(Preset, Vec<Pace>),
    /// Replace the whole state.
    Replace(State),
    /// Apply a link fragment (history navigation, a hand-edited URL); the
    /// language stays unless the link names one.
    Load(String),
    /// Apply a fragment this browser saved; what it skips is named as the
    /// saved scenario's, after the notices already shown.
    Restore(String),
    /// Show a message (a refused import, say).
    Notice(Notice),
    /// Clear the notices.
    Dismiss,
}

/// Applies `action` to `state` for `plan`. Bad input leaves the scenario as
/// it was and adds a notice naming what was refused.
pub fn reduce(plan: &Plan, state: &State, action: Action) -> State {
    let mut next = state.clone();
    let mut sc = next.scenario.clone();
    match action {
        Action::SetGrowth(id, g) => {
            if let Err(n) = set_growth(plan, &mut sc, &id, g) {
                next.notices.push(n);
            }
        }
        Action::TypeGrowth(id, text) => match parse_num(&text) {
            Some(g) => {
                if let Err(n) = set_growth(plan, &mut sc, &id, g) {
                    next.notices.push(n);
                }
            }
            None => next.notices.push(Notice::NotANumber {
                id,
                year: None,
                text,
            }),
        },
        Action::ResetOne(id) => {
            sc.growth.remove(&id);
            sc.paths.remove(&id);
            sc.baselines.remove(&id);
        }
        Action::ResetAll => sc = Scenario::new(plan),
        Action::TypeBaseline(id, text) => {
            if text.trim().is_empty() {
                sc.baselines.remove(&id);
            } else {
                match parse_num(&text) {
                    Some(v) => {
                        let mut trial = sc.clone();
                        trial.baselines.insert(id.clone(), v);
                        match plan
                            .indicator(&id)
                            .map(|ind| crate::core::engine::baseline_of(plan, &trial, ind))
                        {
                            Some(Ok(_)) => sc = trial,
                            Some(Err(e)) => next.notices.push(Notice::Model(e)),
                            None => next.notices.push(Notice::NoIndicator(id)),
                        }
                    }
                    None => next.notices.push(Notice::NotANumber {
                        id,
                        year: None,
                        text,
                    }),
                }
            }
        }
        Action::TypePathYear(id, year, text) => {
            if text.trim().is_empty() {
                if let Some(p) = sc.paths.get_mut(&id) {
                    p.remove(&year);
                    if p.is_empty() {
                        sc.paths.remove(&id);
                    }
                }
            } else {
                match parse_num(&text).map(|g| checked(plan, &id, g)) {
                    Some(Ok(g)) if (plan.base_year + 1..=plan.vision_year).contains(&year) => {
                        sc.paths.entry(id).or_default().insert(year, g);
                    }
                    Some(Ok(_)) => next.notices.push(Notice::OutsideYears { id, year }),
                    Some(Err(n)) => next.notices.push(n),
                    None => next.notices.push(Notice::NotANumber {
                        id,
                        year: Some(year),
                        text,
                    }),
                }
            }
        }
        Action::SetHorizon(h) => {
            if (plan.target_year..=plan.vision_year).contains(&h) {
                sc.horizon = h;
            } else {
                next.notices.push(Notice::Model(ModelError::Horizon {
                    horizon: h,
                    min: plan.target_year,
                    max: plan.vision_year,
                }));
            }
        }
        Action::SetLang(l) => next.lang = l,
        Action::Apply(p, paces) => sc = preset_scenario(plan, &sc, p, &paces),
        Action::Replace(s) => return s,
        Action::Load(frag) => return from_fragment(plan, &frag, state.lang).0,
        Action::Restore(frag) => {
            let mut restored = from_saved(plan, &frag, state.lang).0;
            restored.notices.splice(0..0, state.notices.iter().cloned());
            return restored;
        }
        Action::Notice(n) => next.notices.push(n),
        Action::Dismiss => next.notices.clear(),
    }
    next.scenario = sc;
    next
}

/// Parses typed text as a number; full-width digits and signs count, and a
/// comma does not (it could be a decimal or a thousands separator).
fn parse_num(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '＋' => '+',
            '－' | '−' => '-',
            c => c,
        })
        .collect();
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Checks a typed growth for indicator `id`: known, has a slider, finite,
/// at least -100 for relative growth, and within ±[`MAX_TYPED_GROWTH`].
fn checked(plan: &Plan, id: &str, g: f64) -> Result<f64, Notice> {
    let ind = plan
        .indicator(id)
        .ok_or_else(|| Notice::NoIndicator(id.to_string()))?;
    let slider = ind
        .slider
        .as_ref()
        .ok_or_else(|| Notice::Derived(id.to_string()))?;
    check_growth(id, None, g, slider.mode).map_err(Notice::Model)?;
    if g.abs() > MAX_TYPED_GROWTH {
        return Err(Notice::BeyondMax {
            id: id.to_string(),
            value: g,
        });
    }
    Ok(g)
}

fn set_growth(plan: &Plan, sc: &mut Scenario, id: &str, g: f64) -> Result<(), Notice> {
    let g = checked(plan, id, g)?;
    sc.growth.insert(id.to_string(), g);
    Ok(())
}

/// Encodes the scenario and language as a readable URL fragment, without
/// the `#`: `g.<id>=<growth>` for each changed growth, `p.<id>.<year>=` for
/// per-year growth, `b.<id>=` for supplied baselines, `h=` for a horizon
/// other than the target year, and `lang=`.
pub fn to_fragment(plan: &Plan, state: &State) -> String {
    let sc = &state.scenario;
    let mut parts = Vec::new();
    for ind in &plan.indicators {
        if let Some(g) = sc.growth.get(&ind.id) {
            parts.push(format!("g.{}={}", ind.id, num(*g)));
        }
        if let Some(p) = sc.paths.get(&ind.id) {
            for (y, g) in p {
                parts.push(format!("p.{}.{y}={}", ind.id, num(*g)));
            }
        }
        if let Some(b) = sc.baselines.get(&ind.id) {
            parts.push(format!("b.{}={}", ind.id, num(*b)));
        }
    }
    if sc.horizon != plan.target_year {
        parts.push(format!("h={}", sc.horizon));
    }
    parts.push(format!("lang={}", state.lang.tag()));
    parts.join("&")
}

/// Shortest decimal that reads back to the same growth, to 6 decimals.
fn num(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// The language a fragment names (`lang=zh`), if any.
pub fn fragment_lang(fragment: &str) -> Option<Lang> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix("lang="))
        .and_then(Lang::from_tag)
}

/// Decodes a fragment (with or without `#`) onto the plan's defaults. What
/// cannot be used is skipped and named in the returned state's notices;
/// `lang` is `None` when the link names none.
pub fn from_fragment(plan: &Plan, fragment: &str, fallback_lang: Lang) -> (State, bool) {
    decode(plan, fragment, fallback_lang, false)
}

/// As [`from_fragment`], for a scenario read back from storage: its
/// notices say "saved scenario" rather than "link".
pub fn from_saved(plan: &Plan, fragment: &str, fallback_lang: Lang) -> (State, bool) {
    decode(plan, fragment, fallback_lang, true)
}

fn decode(plan: &Plan, fragment: &str, fallback_lang: Lang, saved: bool) -> (State, bool) {
    let origin = if saved { Origin::Saved } else { Origin::Link };
    let mut state = State {
        scenario: Scenario::new(plan),
        lang: fallback_lang,
        notices: Vec::new(),
    };
    let mut named_lang = false;
    let frag = fragment.trim_start_matches('#');
    for part in frag.split('&').filter(|p| !p.is_empty()) {
        let part = percent_decode(part);
        let skipped = |why: Notice| Notice::Skipped {
            origin,
            part: part.clone(),
            why: Box::new(why),
        };
        let Some((key, value)) = part.split_once('=') else {
            state.notices.push(skipped(Notice::ExpectedKeyValue));
            continue;
        };
        let before = state.notices.len();
        let action = match key.split('.').collect::<Vec<_>>().as_slice() {
            ["g", id] => Some(Action::TypeGrowth(id.to_string(), value.to_string())),
            ["b", id] => Some(Action::TypeBaseline(id.to_string(), value.to_string())),
            ["p", id, year] => match year.parse::<u16>() {
                Ok(y) => Some(Action::TypePathYear(id.to_string(), y, value.to_string())),
                Err(_) => {
                    state.notices.push(skipped(Notice::BadYear));
                    None
                }
            },
            ["h"] => match value.parse::<u16>() {
                Ok(h) => Some(Action::SetHorizon(h)),
                Err(_) => {
                    state.notices.push(skipped(Notice::BadHorizon));
                    None
                }
            },
            ["lang"] => match Lang::from_tag(value) {
                Some(l) => {
                    named_lang = true;
                    Some(Action::SetLang(l))
                }
                None => {
                    state.notices.push(skipped(Notice::BadLang));
                    None
                }
            },
            _ => {
                state.notices.push(skipped(Notice::UnknownPart));
                None
            }
        };
        if let Some(a) = action {
            state = reduce(plan, &state, a);
            let refused: Vec<Notice> = state.notices.drain(before..).collect();
            state.notices.extend(refused.into_iter().map(skipped));
        }
    }
    (state, named_lang)
}

fn percent_decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{assess, run, Status, Verdict};

    fn zj() -> Plan {
        Plan::zhejiang().unwrap()
    }

    fn fresh(plan: &Plan) -> State {
        State {
            scenario: Scenario::new(plan),
            lang: Lang::En,
            notices: vec![],
        }
    }

    #[test]
    fn link_round_trip() {
        let plan = zj();
        let mut s = fresh(&plan);
        for a in [
            Action::SetGrowth("gdp".into(), 6.5),
            Action::SetGrowth("de_value_added".into(), 12.0),
            Action::TypeBaseline("digital_trade".into(), "5000".into()),
            Action::TypePathYear("gdp".into(), 2022, "-2.5".into()),
            Action::SetHorizon(2035),
        ] {
            s = reduce(&plan, &s, a);
        }
        assert!(s.notices.is_empty(), "{:?}", s.notices);
        let frag = to_fragment(&plan, &s);
        assert_eq!(
            frag,
            "g.gdp=6.5&p.gdp.2022=-2.5&g.de_value_added=12&b.digital_trade=5000&h=2035&lang=en"
        );
        let (back, named) = from_fragment(&plan, &format!("#{frag}"), Lang::Zh);
        assert!(named);
        assert_eq!(back, s);
    }

    #[test]
    fn the_issue_example_link_applies() {
        let plan = zj();
        let (s, named) = from_fragment(&plan, "#g.gdp=6.5&g.de_value_added=12", Lang::Zh);
        assert!(!named);
        assert_eq!(s.scenario.growth.get("gdp"), Some(&6.5));
        assert_eq!(s.scenario.growth.get("de_value_added"), Some(&12.0));
        assert!(s.notices.is_empty());
    }

    #[test]
    fn malformed_link_applies_what_it_can_and_says_what_it_skipped() {
        let plan = zj();
        let (s, _) = from_fragment(
            &plan,
            "#g.gdp=abc&g.nope=3&g.de_share=4&g.base_stations_5g=30&garbage&h=2099&lang=fr&p.gdp.x=1&b.digital_trade=-5&g.dc_racks=-200&zz=1",
            Lang::En,
        );
        assert_eq!(s.scenario.growth.get("base_stations_5g"), Some(&30.0));
        assert_eq!(s.scenario.growth.len(), 1, "{:?}", s.scenario.growth);
        assert_eq!(s.scenario.horizon, 2025);
        assert!(s.scenario.baselines.is_empty());
        assert_eq!(s.notices.len(), 10, "{:#?}", s.notices);
        assert!(s
            .notices
            .iter()
            .all(|n| n.text(Lang::En).starts_with("link: ignored")));
        // Percent-encoding and a stray '#' are fine.
        let (s, _) = from_fragment(&plan, "g.gdp=6%2E5", Lang::En);
        assert_eq!(s.scenario.growth.get("gdp"), Some(&6.5));
        let (s, _) = from_fragment(&plan, "%E4%B8%AD=1&%", Lang::En);
        assert_eq!(s.notices.len(), 2);
    }

    #[test]
    fn notices_speak_the_readers_language() {
        let plan = zj();
        let (s, _) = from_fragment(&plan, "g.gdp=abc&x=1&h=2099", Lang::Zh);
        assert_eq!(s.notices.len(), 3, "{:?}", s.notices);
        assert!(
            s.notices
                .iter()
                .all(|n| n.text(Lang::Zh).starts_with("链接中已忽略")),
            "{:?}",
            s.notices
        );
        assert!(
            s.notices[2]
                .text(Lang::Zh)
                .contains("预测年份 2099 须在 2025–2035 之间"),
            "{:?}",
            s.notices
        );
        let (s, _) = from_saved(&plan, "g.gdp=abc", Lang::En);
        assert!(
            s.notices[0]
                .text(Lang::En)
                .starts_with("saved scenario: ignored"),
            "{:?}",
            s.notices
        );
        let zh = State {
            lang: Lang::Zh,
            ..fresh(&plan)
        };
        let t = reduce(
            &plan,
            &zh,
            Action::TypeBaseline("mobile_office".into(), "120".into()),
        );
        assert!(
            t.notices[0].text(Lang::Zh).contains("百分比不能超过100"),
            "{:?}",
            t.notices
        );
        let t = reduce(&plan, &zh, Action::SetGrowth("gdp".into(), -150.0));
        assert!(
            t.notices[0].text(Lang::Zh).contains("不能低于 -100%"),
            "{:?}",
            t.notices
        );
    }

    #[test]
    fn typed_input_is_checked() {
        let plan = zj();
        let s = fresh(&plan);
        let t = reduce(&plan, &s, Action::TypeGrowth("gdp".into(), "abc".into()));
        assert_eq!(t.scenario, s.scenario);
        assert_eq!(t.notices.len(), 1);
        let t = reduce(
            &plan,
            &s,
            Action::TypeGrowth("gdp".into(), " ６．５ ".into()),
        );
        assert_eq!(t.scenario.growth.get("gdp"), Some(&6.5));
        let t = reduce(&plan, &s, Action::TypeGrowth("gdp".into(), "6,5".into()));
        assert!(
            t.scenario.growth.is_empty() && t.notices.len() == 1,
            "a comma is ambiguous"
        );
        let t = reduce(&plan, &s, Action::TypeGrowth("gdp".into(), "-101".into()));
        assert!(t.scenario.growth.is_empty() && t.notices.len() == 1);
        let t = reduce(&plan, &s, Action::TypeGrowth("gdp".into(), "1e9".into()));
        assert!(t.scenario.growth.is_empty() && t.notices.len() == 1);
        let t = reduce(&plan, &s, Action::SetGrowth("gdp".into(), f64::NAN));
        assert!(t.scenario.growth.is_empty() && t.notices.len() == 1);
        let t = reduce(
            &plan,
            &s,
            Action::TypeBaseline("mobile_office".into(), "120".into()),
        );
        assert!(t.scenario.baselines.is_empty() && t.notices.len() == 1);
        let t = reduce(&plan, &t, Action::Dismiss);
        assert!(t.notices.is_empty());
    }

    #[test]
    fn the_language_of_a_fragment() {
        assert_eq!(fragment_lang("#g.gdp=1&lang=en"), Some(Lang::En));
        assert_eq!(fragment_lang("lang=zh"), Some(Lang::Zh));
        assert_eq!(fragment_lang("g.lang=1&lang=xx"), None);
        assert_eq!(fragment_lang(""), None);
    }

    #[test]
    fn load_keeps_the_language_unless_the_link_names_one() {
        let plan = zj();
        let s = reduce(&plan, &fresh(&plan), Action::SetGrowth("gdp".into(), 3.0));
        let t = reduce(&plan, &s, Action::Load("g.dc_racks=2".into()));
        assert_eq!(t.lang, Lang::En);
        assert_eq!(
            t.scenario.growth.keys().collect::<Vec<_>>(),
            ["dc_racks"],
            "a link replaces the scenario"
        );
        let t = reduce(&plan, &s, Action::Load("#lang=zh".into()));
        assert_eq!((t.lang, t.scenario.growth.len()), (Lang::Zh, 0));
    }

    #[test]
    fn resets() {
        let plan = zj();
        let mut s = fresh(&plan);
        s = reduce(&plan, &s, Action::SetGrowth("gdp".into(), 3.0));
        s = reduce(&plan, &s, Action::SetGrowth("dc_racks".into(), 3.0));
        s = reduce(&plan, &s, Action::ResetOne("gdp".into()));
        assert_eq!(s.scenario.growth.keys().collect::<Vec<_>>(), ["dc_racks"]);
        s = reduce(&plan, &s, Action::SetLang(Lang::Zh));
        s = reduce(&plan, &s, Action::ResetAll);
        assert_eq!(s.scenario, Scenario::new(&plan));
        assert_eq!(s.lang, Lang::Zh, "reset keeps the language");
    }

    fn paces(plan: &Plan) -> Vec<Pace> {
        use crate::core::reported::{paces, parse, ZHEJIANG_REPORTED_CSV};
        paces(plan, &parse(plan, ZHEJIANG_REPORTED_CSV).unwrap())
    }

    #[test]
    fn plan_pace_hits_every_projectable_target_and_resets_the_rest() {
        let plan = zj();
        let mut s = fresh(&plan);
        s = reduce(&plan, &s, Action::SetGrowth("gdp".into(), 9.0));
        s = reduce(&plan, &s, Action::SetHorizon(plan.vision_year));
        s = reduce(
            &plan,
            &s,
            Action::TypePathYear("dc_racks".into(), 2022, "-2".into()),
        );
        for id in ["base_stations_5g", "de_value_added", "one_stop_service"] {
            s = reduce(&plan, &s, Action::SetGrowth(id.into(), 0.0));
        }
        s = reduce(&plan, &s, Action::Apply(Preset::PlanPace, paces(&plan)));
        let r = run(&plan, &s.scenario).unwrap();
        let (hit, total) = r.tally();
        assert_eq!(
            hit,
            total,
            "{:?}",
            r.assessments()
                .filter(|a| a.1.verdict == Verdict::Miss)
                .map(|a| a.0)
                .collect::<Vec<_>>()
        );
        assert_eq!(
            s.scenario.growth.get("gdp"),
            None,
            "GDP has no target: a preset resets it to its default"
        );
        assert!(
            s.scenario.paths.is_empty(),
            "a preset replaces per-year paths"
        );
        assert_eq!(s.scenario.horizon, plan.vision_year, "the horizon is kept");
    }

    #[test]
    fn presets_replace_each_other_and_a_bound_sets_nothing() {
        let plan = zj();
        let p = paces(&plan);
        let rep = reduce(
            &plan,
            &fresh(&plan),
            Action::Apply(Preset::Reported, p.clone()),
        );
        assert_eq!(rep.scenario.growth.get("gdp"), Some(&8.54));
        assert!(!rep.scenario.growth.contains_key("base_stations_5g"));
        let both = reduce(&plan, &rep, Action::Apply(Preset::Trend, p.clone()));
        let trend = reduce(
            &plan,
            &fresh(&plan),
            Action::Apply(Preset::Trend, p.clone()),
        );
        assert_eq!(
            both.scenario, trend.scenario,
            "pressing two presets never stacks"
        );
        assert_eq!(
            crate::core::presets::active_preset(&plan, &both.scenario, &p),
            Some(Preset::Trend)
        );
    }

    #[test]
    fn trend_preset_uses_the_plans_own_rates() {
        let plan = zj();
        let s = reduce(&plan, &fresh(&plan), Action::Apply(Preset::Trend, vec![]));
        assert_eq!(s.scenario.growth.get("core_value_added"), Some(&15.2));
        assert_eq!(s.scenario.growth.len(), 1, "only rates the plan gives");
        match assess(&plan, &s.scenario, "core_share").unwrap() {
            Status::Assessed(a) => assert!(a.projected > 15.0),
            other => panic!("{other:?}"),
        }
    }
}

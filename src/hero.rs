//! The answer first, in words: the sentences at the top of the page, built
//! from an [`Outlook`] and the plan, worded through [`crate::i18n`]. Pure,
//! so tested natively; the component only lays them out.

use crate::core::engine::Verdict;
use crate::core::outlook::{HeadlineOutlook, Outlook, Point};
use crate::core::plan::{Indicator, Plan, Target};
use crate::core::reported::Pace;
use crate::i18n::{comparator_sign, fill, fmt_num, fmt_signed, growth_unit, prices_word, Lang};

/// The hero's text: the main sentences (one per headline target, the
/// largest text on the page) and the smaller lines after them (how old the
/// data are, whether the plan period is over, the published outcome).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeroText {
    /// One per headline target, in plan order.
    pub main: Vec<String>,
    /// The age of the data, the end of the period and the outcome.
    pub detail: Vec<String>,
    /// Per headline: the verdict at the published pace where there is one,
    /// else in the reader's scenario (for `data-verdict`).
    pub verdicts: Vec<(String, Option<Verdict>)>,
}

/// The space between a figure and its unit in the hero's English: a
/// no-break space, so that a line never starts with the unit ("60.0" / "%.").
const UNIT_SPACE: &str = "\u{a0}";

/// `value` in `ind`'s unit, e.g. `56.6 %` (en, [`UNIT_SPACE`]) or `56.6%` (zh).
pub fn value_text(lang: Lang, ind: &Indicator, value: f64) -> String {
    let unit = lang.pick(&ind.unit);
    let sep = if lang == Lang::En && !unit.is_empty() {
        UNIT_SPACE
    } else {
        ""
    };
    format!("{}{sep}{unit}", fmt_num(value))
}

/// The target as the reader knows it: the plan's own print in Chinese, else
/// `≈ 60 %`.
pub fn target_text(lang: Lang, ind: &Indicator, t: &Target) -> String {
    match (lang, &t.printed) {
        (Lang::Zh, Some(p)) => p.clone(),
        _ => {
            let unit = lang.pick(&ind.unit);
            let sep = if lang == Lang::En { UNIT_SPACE } else { "" };
            format!("{} {}{sep}{unit}", comparator_sign(t.comparator), t.value)
        }
    }
}

/// The drivers' paces in words, their common unit, price basis and years
/// said once where they share them, e.g. `Digital economy value added
/// +12.7, GDP +8.54 % a year, nominal (current prices), 2020–2023`; a pace
/// from a "more than X" value reads `at least`.
pub fn paces_text(lang: Lang, items: &[(&Indicator, &Pace)]) -> String {
    let s = lang.s();
    let tail = |ind: &Indicator, pace: &Pace| {
        let mut parts = Vec::new();
        if let Some(sl) = &ind.slider {
            parts.push(growth_unit(lang, sl.mode, &ind.unit));
            if let Some(w) = prices_word(lang, sl.prices) {
                parts.push(w.to_string());
            }
        }
        parts.push(format!("{}–{}", pace.from, pace.to));
        parts
    };
    let tails: Vec<Vec<String>> = items.iter().map(|(i, p)| tail(i, p)).collect();
    let shared = tails.windows(2).all(|w| w[0] == w[1]);
    let gap = if lang == Lang::En { " " } else { "" };
    let head = |ind: &Indicator, pace: &Pace| {
        let floor = if pace.lower_bound { s.at_least } else { "" };
        format!(
            "{} {floor}{}",
            lang.pick(&ind.name),
            fmt_signed(pace.growth)
        )
    };
    let and = if lang == Lang::Zh { "、" } else { ", " };

    match (shared, tails.first()) {
        (true, Some(t)) => {
            let (unit, rest) = t
                .split_first()
                .map_or((String::new(), &[][..]), |(u, r)| (u.clone(), r));
            // In Chinese the unit follows each figure ("+12.7%/年、GDP
            // +8.54%/年"): a bare "+12.7" reads as a level.
            let heads: Vec<String> = items
                .iter()
                .map(|(i, p)| match lang {
                    Lang::Zh => format!("{}{unit}", head(i, p)),
                    Lang::En => head(i, p),
                })
                .collect();
            let unit = if lang == Lang::Zh {
                String::new()
            } else {
                unit
            };
            let listed = match (lang, heads.split_last()) {
                (Lang::En, Some((last, rest))) if !rest.is_empty() => {
                    format!("{} and {last}", rest.join(", "))
                }
                _ => heads.join(and),
            };
            let mut out = format!("{listed}{gap}{unit}");
            for r in rest {
                out.push_str(s.list_sep);
                out.push_str(r);
            }
            out
        }
        _ => {
            let each: Vec<String> = items
                .iter()
                .zip(&tails)
                .map(|((i, p), t)| format!("{}{gap}{}", head(i, p), t.join(s.list_sep)))
                .collect();
            each.join(if lang == Lang::Zh { "；" } else { "; " })
        }
    }
}

fn verdict_word(lang: Lang, v: Verdict) -> &'static str {
    match v {
        Verdict::Hit => lang.s().hit,
        Verdict::Miss => lang.s().miss,
    }
}

/// The hero's sentence for headline `h`, and the paces it rests on (for
/// the smaller line under it).
fn main_sentence(
    plan: &Plan,
    h: &HeadlineOutlook,
    lang: Lang,
    year: u16,
) -> Option<(String, Option<String>)> {
    let s = lang.s();
    let ind = plan.indicator(&h.id)?;
    let target = ind.target.as_ref()?;
    let name = lang.pick(&ind.name);
    let paced: Vec<(&Indicator, &Pace)> = h
        .drivers
        .iter()
        .filter_map(|(d, p)| Some((plan.indicator(d)?, p.as_ref()?)))
        .collect();
    let target_t = target_text(lang, ind, target);
    let fill_all = |tpl: &str, pt: Point| {
        let t = fill(tpl, "name", name);
        let t = fill(&t, "value", value_text(lang, ind, pt.value));
        let t = fill(&t, "year", year);
        fill(&t, "target", &target_t)
    };
    let sentence = match (h.reported_pace, paced.is_empty()) {
        (Some(rp), false) => {
            let tpl = match rp.verdict {
                Verdict::Miss => s.hero_reported_miss,
                Verdict::Hit => s.hero_reported_hit,
            };
            let mut t = fill_all(tpl, rp);
            if let (Verdict::Miss, Some(pp)) = (rp.verdict, h.plan_pace) {
                if pp.verdict == Verdict::Hit {
                    if lang == Lang::En {
                        t.push(' ');
                    }
                    t.push_str(&fill(
                        s.hero_plan_pace,
                        "value",
                        value_text(lang, ind, pp.value),
                    ));
                }
            }
            (
                t,
                Some(fill(s.hero_paces, "drivers", paces_text(lang, &paced))),
            )
        }
        _ => {
            let pt = h.reader?;
            let t = fill(
                &fill_all(s.hero_reader, pt),
                "verdict",
                verdict_word(lang, pt.verdict),
            );
            (t, None)
        }
    };
    Some(sentence)
}

/// The hero's sentences for `outlook` in `lang`.
pub fn hero_text(plan: &Plan, outlook: &Outlook, lang: Lang) -> HeroText {
    let s = lang.s();
    let year = outlook.target_year;
    let mut out = HeroText::default();
    for h in &outlook.headlines {
        if let Some((t, paces)) = main_sentence(plan, h, lang, year) {
            out.main.push(t);
            out.detail.extend(paces);
        }
        let v = h.reported_pace.or(h.reader).map(|p| p.verdict);
        out.verdicts.push((h.id.clone(), v));
    }
    // How old the data are: each year with the names of what it covers.
    let mut by_year: Vec<(u16, Vec<String>)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (id, y) in outlook.headlines.iter().flat_map(|h| h.data_through.iter()) {
        let (Some(y), Some(ind)) = (y, plan.indicator(id)) else {
            continue;
        };
        if seen.contains(&id.as_str()) {
            continue;
        }
        seen.push(id);
        let name = lang.pick(&ind.name).to_string();
        match by_year.iter_mut().find(|(yy, _)| yy == y) {
            Some((_, names)) => names.push(name),
            None => by_year.push((*y, vec![name])),
        }
    }
    crate::core::order::sort_by_key(&mut by_year, |(y, _)| *y);
    if !outlook.headlines.is_empty() {
        if by_year.is_empty() {
            out.detail.push(s.hero_no_data.to_string());
        } else {
            let (open, close, inner) = if lang == Lang::Zh {
                ("（", "）", "、")
            } else {
                (" (", ")", "; ")
            };
            let list: Vec<String> = by_year
                .iter()
                .map(|(y, names)| format!("{y}{open}{}{close}", names.join(inner)))
                .collect();
            out.detail
                .push(fill(s.hero_data_through, "list", list.join(s.list_sep)));
        }
    }
    if outlook.period_ended {
        out.detail.push(fill(s.hero_period_ended, "year", year));
        for h in &outlook.headlines {
            let Some(ind) = plan.indicator(&h.id) else {
                continue;
            };
            let name = lang.pick(&ind.name);
            let line = match &h.actual {
                None => fill(s.hero_no_actual, "year", year),
                Some(a) => {
                    let tpl = if a.verdict.is_none() {
                        s.hero_actual_unsettled
                    } else {
                        s.hero_actual
                    };
                    let t = fill(tpl, "name", name);
                    let t = fill(&t, "year", a.reported.year);
                    let t = fill(&t, "value", value_text(lang, ind, a.reported.value));
                    let t = fill(&t, "source", &a.reported.source);
                    fill(
                        &t,
                        "verdict",
                        a.verdict.map_or("", |v| verdict_word(lang, v)),
                    )
                }
            };
            if !out.detail.contains(&line) {
                out.detail.push(line);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::Scenario;
    use crate::core::outlook::outlook;
    use crate::core::reported::{paces, parse, ZHEJIANG_REPORTED_CSV};

    fn zj(today: u16) -> (Plan, Outlook, Vec<crate::core::reported::Reported>) {
        let plan = Plan::zhejiang().unwrap();
        let all = parse(&plan, ZHEJIANG_REPORTED_CSV).unwrap();
        let p = paces(&plan, &all);
        let o = outlook(&plan, &all, &p, &Scenario::new(&plan), today).unwrap();
        (plan, o, all)
    }

    #[test]
    fn the_hero_states_the_miss_with_its_figures_in_both_languages() {
        let (plan, o, _) = zj(2026);
        let en = hero_text(&plan, &o, Lang::En);
        assert_eq!(en.main.len(), 1, "one headline, one sentence");
        let m = &en.main[0];
        assert!(m.starts_with("At the pace published so far, "), "{m}");
        assert!(m.contains("about 56.6\u{a0}%"), "{m}");
        assert!(m.contains("short of"), "{m}");
        assert!(m.contains("At the plan's pace it would reach"), "{m}");
        // The paces behind it, in the smaller line under it.
        let p = &en.detail[0];
        assert!(p.starts_with("Paces published so far: "), "{p}");
        assert!(p.contains("value added +12.7 and "), "{p}");
        assert!(p.contains("+8.54 % a year, nominal"), "{p}");
        assert!(p.contains("2020–2023"), "{p}");
        assert_eq!(en.verdicts, [("de_share".to_string(), Some(Verdict::Miss))]);
        let d = en.detail.join(" | ");
        assert!(d.contains("Published data up to 2023 ("), "{d}");
        assert!(d.contains("2024 ("), "{d}");
        assert!(d.contains("plan period ended in 2025"), "{d}");
        assert!(d.contains("not yet in plansim's data"), "{d}");
        let zh = hero_text(&plan, &o, Lang::Zh);
        let m = &zh.main[0];
        assert!(m.starts_with("按已公布数据的节奏，"), "{m}");
        assert!(m.contains("达不到60%左右的目标"), "{m}");
        assert!(m.contains("56.6%"), "{m}");
        let p = &zh.detail[0];
        assert!(p.contains("名义"), "{p}");
        // Each pace carries its unit in Chinese: never a bare "+12.7".
        let figures = p.matches('+').count();
        assert_eq!(p.matches("%/年").count(), figures, "{p}");
        assert!(zh.detail.iter().any(|l| l.contains("规划期已于2025年结束")));
    }

    #[test]
    fn before_the_end_no_outcome_is_asked_for_and_an_actual_is_named() {
        let (plan, o, mut all) = zj(2024);
        let t = hero_text(&plan, &o, Lang::En);
        assert!(!t.detail.iter().any(|l| l.contains("ended")), "{t:?}");
        let mut row = all
            .iter()
            .find(|r| r.indicator == "de_share")
            .unwrap()
            .clone();
        row.year = 2025;
        row.value = 58.2;
        row.source = "Zhejiang statistical bulletin 2025".into();
        all.push(row);
        let p = paces(&plan, &all);
        let o = outlook(&plan, &all, &p, &Scenario::new(&plan), 2026).unwrap();
        let t = hero_text(&plan, &o, Lang::En);
        let d = t.detail.join(" | ");
        assert!(
            d.contains("The published 2025 value of")
                && d.contains("58.2\u{a0}%")
                && d.contains("(Zhejiang statistical bulletin 2025): actually Missed"),
            "{d}"
        );
    }

    #[test]
    fn a_plan_without_published_values_speaks_of_the_readers_scenario() {
        let plan = Plan::zhejiang().unwrap();
        let mut sc = Scenario::new(&plan);
        sc.growth.insert("gdp".into(), 20.0);
        let o = outlook(&plan, &[], &[], &sc, 2026).unwrap();
        let t = hero_text(&plan, &o, Lang::En);
        assert!(
            t.main[0].starts_with("No published values give a pace yet"),
            "{t:?}"
        );
        assert!(t.main[0].ends_with("Missed."), "{t:?}");
        assert!(t
            .detail
            .iter()
            .any(|l| l == "plansim holds no published values yet."));
    }
}

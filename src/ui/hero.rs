//! The answer first: one sentence per headline target at the pace published
//! so far, how old the data are, and whether the plan period is over.

use super::view::View;
use crate::core::engine::Verdict;
use crate::core::outlook::outlook;
use crate::hero::hero_text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeroProps {
    pub view: View,
    /// The reader's year, from the browser's clock.
    pub today_year: u16,
}

/// The hero, `data-role="hero"`; nothing where the plan has no headline.
#[component]
pub fn Hero(p: &HeroProps) -> Html {
    let v = &p.view;
    let o = use_memo(
        (
            v.plan.clone(),
            v.reports.clone(),
            v.scenario.clone(),
            p.today_year,
        ),
        |(plan, reports, scenario, year)| {
            outlook(plan, &reports.all, &reports.paces, scenario, *year).ok()
        },
    );
    let Some(o) = &*o else {
        return html! {};
    };
    if o.headlines.is_empty() {
        return html! {};
    }
    let t = hero_text(&v.plan, o, v.lang);
    let verdict = t
        .verdicts
        .first()
        .and_then(|(_, v)| *v)
        .map_or("none", |v| match v {
            Verdict::Hit => "hit",
            Verdict::Miss => "miss",
        });
    html! {
        <section class="hero" data-role="hero" data-verdict={verdict}
            data-period-ended={o.period_ended.to_string()} aria-label={v.lang.s().hero_label}>
            { for t.main.iter().map(|m| html! { <p class="hero-main">{ m }</p> }) }
            { for t.detail.iter().map(|d| html! { <p class="hero-detail">{ d }</p> }) }
        </section>
    }
}

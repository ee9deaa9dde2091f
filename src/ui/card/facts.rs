//! What the plan says about an indicator: its baseline, its target, and
//! for a ratio what it is computed from.

use crate::core::plan::Plan;
use crate::i18n::{comparator_sign, Lang};
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FactsProps {
    pub plan: Shared<Plan>,
    pub id: AttrValue,
    pub lang: Lang,
    /// issue 11a: the baseline the reader entered, shown instead of "/".
    #[prop_or_default]
    pub entered: Option<f64>,
}

/// The baseline and target lines, and a ratio's formula named from its
/// numerator's and denominator's names.
#[component]
pub fn Facts(p: &FactsProps) -> Html {
    let s = p.lang.s();
    let Some(ind) = p.plan.indicator(&p.id) else {
        return html! {};
    };
    let value = |v: f64| crate::publish::value_text(p.lang, ind, v);
    let base = match &ind.baseline {
        Some(b) => {
            let star = b.printed.as_deref().is_some_and(|x| x.ends_with('*'));
            let mark = if star {
                format!(" (*{})", super::starred(p.lang, b.year))
            } else {
                String::new()
            };
            // issue 7/13: a count of new things starts from 0 by definition
            let new = if b.counts_new {
                format!(" ({})", s.counts_new_baseline)
            } else {
                String::new()
            };
            format!("{} {}: {}{}{new}", s.baseline, b.year, value(b.value), mark)
        }
        None => match p.entered {
            Some(v) => format!(
                "{} {}: {}{}",
                s.baseline,
                p.plan.base_year,
                value(v),
                s.entered_baseline
            ),
            None => format!("{}: /", s.baseline),
        },
    };
    let target = ind.target.as_ref().map(|t| {
        // issue 11a: the plan's own words ("60%左右") beside the target in
        // Chinese only; English reads the comparator and the value.
        let printed = t
            .printed
            .as_ref()
            .filter(|_| p.lang == Lang::Zh)
            .map(|x| format!(" ({x})"))
            .unwrap_or_default();
        format!(
            "{} {}: {} {}{}",
            s.target,
            t.year,
            comparator_sign(t.comparator),
            value(t.value),
            printed
        )
    });
    let formula = p.plan.ratio_of(&p.id).map(|(n, d)| {
        format!(
            "{} {} ÷ {} × 100",
            s.derived_from,
            p.lang.pick(&n.name),
            p.lang.pick(&d.name)
        )
    });
    html! {
        <>
            <p class="facts">
                <span>{ base }</span>
                if let Some(t) = target { <span>{ t }</span> }
            </p>
            if let Some(f) = formula { <p class="derived">{ f }</p> }
        </>
    }
}

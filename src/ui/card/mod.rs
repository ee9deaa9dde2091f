//! An indicator's card and its parts. Each part takes values and a
//! `Callback<Action>`; none holds state of its own.

mod assessed;
mod baseline_field;
mod chance;
mod chart_block;
mod data_table;
mod facts;
mod growth;
mod needed_80;
mod reported_list;
mod sigma_line;

pub use growth::GrowthControl;
pub use reported_list::ReportedList;

use crate::chances::TargetChance;
use crate::core::engine::{ModelError, Status, Verdict};
use crate::core::plan::Plan;
use crate::core::reported::{Pace, Reported};
use crate::i18n::{fill, fmt_signed, prices_word, slider_unit, Lang};
use crate::state::Action;
use crate::ui::shared::Shared;
use assessed::Assessed;
use baseline_field::BaselineField;
use facts::Facts;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub plan: Shared<Plan>,
    /// The indicator shown.
    pub id: AttrValue,
    pub status: Result<Status, ModelError>,
    /// The growth of the slider that drives it ([`Plan::slider_for`]).
    pub growth: f64,
    /// Whether the reader moved that slider.
    pub changed: bool,
    /// The baseline the reader typed, for an indicator the plan gives none.
    pub baseline_input: Option<f64>,
    /// Values published since the plan started, one a year, with sources.
    pub reported: Rc<Vec<Reported>>,
    /// The pace from the baseline to the latest reported value, of its slider.
    pub pace: Option<Pace>,
    /// issue 7: the reference scenario's projected value and verdict.
    #[prop_or_default]
    pub reference: Option<(f64, Verdict)>,
    /// issue 7: the reference's path, for the chart, and its name.
    #[prop_or_default]
    pub reference_path: Rc<Vec<(u16, f64)>>,
    #[prop_or_default]
    pub reference_name: AttrValue,
    pub lang: Lang,
    pub on_action: Callback<Action>,
    /// The chance of hitting its target, and the growth for 80% (issue 8).
    #[prop_or_default]
    pub chance: Option<TargetChance>,
    /// The σ in force of its slider, in the slider's unit.
    #[prop_or_default]
    pub sigma: Option<f64>,
}

/// One indicator: its facts, verdict, growth control, chart and data table.
#[component]
pub fn IndicatorCard(p: &CardProps) -> Html {
    let s = p.lang.s();
    let Some(ind) = p.plan.indicator(&p.id) else {
        return html! {};
    };
    let slider = p.plan.slider_for(&p.id);
    let gunit = slider.map_or(String::new(), |d| slider_unit(p.lang, d));
    let needs = matches!(p.status, Ok(Status::NeedsBaseline));
    let body = match &p.status {
        Err(e) => html! {
            <>
                <p class="error" role="alert">{ format!("{}{}", s.error_prefix, crate::i18n::model_error(p.lang, e)) }</p>
                <span data-role="verdict" data-value="miss" hidden=true></span>
                <span data-role="projected" data-value="" hidden=true></span>
                <span data-role="required" data-value="" hidden=true></span>
            </>
        },
        Ok(Status::NeedsBaseline) => needs_baseline(p.lang),
        Ok(Status::Projected(_)) => html! {},
        Ok(Status::Assessed(a)) => html! {
            <Assessed plan={p.plan.clone()} id={p.id.clone()} assessment={Rc::new((**a).clone())}
                reported={p.reported.clone()} lang={p.lang} on_action={p.on_action.clone()}
                chance={p.chance.clone()} reference_path={p.reference_path.clone()}
                reference_name={p.reference_name.clone()} />
        },
    };
    // issue 11a: a card without a trend says nothing of it; the page says once
    // that the plan gives none for those.
    let trend = slider
        .filter(|_| !needs)
        .and_then(|d| d.trend.as_ref())
        .map(|t| {
            format!(
                "{} ({}): {} {}{} · {}",
                s.trend,
                t.period,
                fmt_signed(t.growth),
                gunit,
                prices_word(p.lang, t.prices).map_or(String::new(), |w| format!(" · {w}")),
                t.section
            )
        });
    html! {
        <article class="card" id={format!("ind-{}", p.id)} data-indicator={p.id.clone()}>
            <h3>{ p.lang.pick(&ind.name) }</h3>
            <Facts plan={p.plan.clone()} id={p.id.clone()} lang={p.lang} entered={p.baseline_input} />
            { body }
            if let Some((v, verdict)) = p.reference {
                <p class="reference" data-role="reference" data-value={v.to_string()}
                    data-verdict={if verdict == Verdict::Hit { "hit" } else { "miss" }}>
                    { format!("{}: {} · {}", fill(s.reference_named, "name", &p.reference_name), crate::publish::value_text(p.lang, ind, v),
                        if verdict == Verdict::Hit { s.hit } else { s.miss }) }
                </p>
            }
            if ind.baseline.is_none() && ind.slider.is_some() {
                <BaselineField id={p.id.clone()} unit={AttrValue::from(p.lang.pick(&ind.unit).to_string())}
                    year={p.plan.base_year} value={p.baseline_input} lang={p.lang} on_action={p.on_action.clone()} />
            }
            if let (Some(d), false) = (slider, needs) {
                <GrowthControl plan={p.plan.clone()} id={AttrValue::from(d.id.clone())} value={p.growth}
                    changed={p.changed} lang={p.lang} on_action={p.on_action.clone()} />
            }
            if let (Some(d), Some(sg), false) = (slider, p.sigma, needs) {
                <sigma_line::SigmaLine plan={p.plan.clone()} slider={AttrValue::from(d.id.clone())} sigma={sg} lang={p.lang} />
            }
            if let Some(t) = trend { <p class="trend">{ t }</p> }
            if slider.is_some_and(|d| d.trend_mixes_prices()) && !needs {
                <p class="warn" data-role="trend-mixes-prices">{ s.trend_mixes_prices }</p>
            }
            if let Some(x) = &p.pace {
                <p class="trend" data-pace={x.indicator.clone()}>{ format!("{} ({}–{}): {}{} {gunit}{}", s.reported_pace, x.from, x.to,
                    if x.lower_bound { "≥ " } else { "" }, fmt_signed(x.growth),
                    slider.and_then(|d| d.slider.as_ref()).and_then(|sl| prices_word(p.lang, sl.prices)).map_or(String::new(), |w| format!(" · {w}"))) }</p>
            }
            <p class="source">{ format!("{}: {}", s.source, ind.section) }</p>
            if let Some(n) = &ind.note { <p class="note">{ p.lang.pick(n) }</p> }
        </article>
    }
}

fn needs_baseline(lang: Lang) -> Html {
    let s = lang.s();
    html! {
        <div class="needs">
            <span class="badge needs-baseline" data-role="verdict" data-value="needs-baseline" aria-live="polite">
                <span aria-hidden="true">{ "？ " }</span>{ s.needs_baseline }
            </span>
            <span data-role="projected" data-value="" hidden=true></span>
            <span data-role="required" data-value="" hidden=true></span>
        </div>
    }
}

/// The year a starred baseline refers to, as the card's facts say it.
pub fn starred(lang: Lang, year: u16) -> String {
    fill(lang.s().baseline_year_mark, "year", year)
}

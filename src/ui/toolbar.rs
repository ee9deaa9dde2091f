//! The header: the app's name, the plan's title, presets, the horizon and
//! the language.

use crate::core::plan::Plan;
use crate::core::presets::{active_preset, Preset};
use crate::core::reported::Pace;
use crate::i18n::Lang;
use crate::state::Action;
use crate::ui::shared::Shared;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub plan: Shared<Plan>,
    pub horizon: u16,
    /// Which preset the reader's scenario is, if any, and whether it was
    /// changed by hand ([`preset_state`]); not the scenario itself, so that
    /// a slider's steps leave the header alone (issue 10).
    pub active: Option<Preset>,
    pub custom: bool,
    pub paces: Rc<Vec<Pace>>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
    /// The uncertainty scale in force (issue 8).
    #[prop_or_default]
    pub scale: crate::core::uncertainty::Scale,
}

/// Which preset the view's scenario is ([`active_preset`]), and whether it
/// is a custom one (neither a preset nor the plan's defaults).
pub fn preset_state(v: &super::view::View) -> (Option<Preset>, bool) {
    let active = active_preset(&v.plan, &v.scenario, &v.reports.paces);
    (active, active.is_none() && !v.is_default())
}

/// The sticky header with the scenario controls.
#[component]
pub fn Toolbar(p: &ToolbarProps) -> Html {
    let lang = p.lang;
    let s = lang.s();
    let (active, custom) = (p.active, p.custom);
    let preset = |pr: Preset| {
        let paces: Vec<Pace> = p.paces.to_vec();
        p.on_action
            .reform(move |_: MouseEvent| Action::Apply(pr, paces.clone()))
    };
    let on_horizon = {
        let cb = p.on_action.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(h) = el.value().parse() {
                cb.emit(Action::SetHorizon(h));
            }
        })
    };
    let mut years = vec![p.plan.target_year, p.plan.vision_year];
    years.dedup();
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let on_lang = p
        .on_action
        .reform(move |_: MouseEvent| Action::SetLang(other));
    let reset_all = p.on_action.reform(|_: MouseEvent| Action::ResetAll);
    let no_trend: Vec<&str> = p
        .plan
        .indicators
        .iter()
        .filter(|i| i.slider.is_some() && i.trend.is_none())
        .map(|i| lang.pick(&i.name))
        .collect();
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ s.app_title }</h1>
                <p class="tagline">{ s.tagline }</p>
                <p class="plan-title">{ format!("{} · {}", lang.pick(&p.plan.title), p.plan.document_number) }</p>
            </div>
            <div class="controls" role="group" aria-label={s.presets}>
                <span class="label">{ s.presets }{ ":" }</span>
                { for Preset::ALL.into_iter().filter(|&pr| pr != Preset::Reported || !p.paces.is_empty()).map(|pr| {
                    let (label, title) = match pr {
                        Preset::PlanPace => (s.preset_plan, None),
                        Preset::Trend => (s.preset_trend, Some(format!("{}: {}", s.no_trend, no_trend.join("; ")))),
                        Preset::Reported => (s.preset_reported, Some(s.preset_reported_hint.to_string())),
                    };
                    html! {
                        <button type="button" onclick={preset(pr)} {title} data-preset={pr.key()}
                            aria-pressed={(active == Some(pr)).to_string()}>{ label }</button>
                    }
                }) }
                <span class={classes!("chip", custom.then_some("on"))} data-role="custom" data-on={custom.to_string()}>{ s.preset_custom }</span>
                <button type="button" onclick={reset_all}>{ s.reset_all }</button>
                <label for="horizon">{ s.horizon }</label>
                <select id="horizon" onchange={on_horizon}>
                    { for years.into_iter().map(|y| html! {
                        <option value={y.to_string()} selected={p.horizon == y}>{ y }</option>
                    }) }
                </select>
                if p.plan.uncertainty.is_some() {
                    <super::scale_control::ScaleControl scale={p.scale} {lang} on_action={p.on_action.clone()} />
                }
                <button type="button" class="lang" onclick={on_lang} lang={other.tag()} title={s.language}>
                    { if other == Lang::En { "English" } else { "中文" } }
                </button>
            </div>
        </header>
    }
}

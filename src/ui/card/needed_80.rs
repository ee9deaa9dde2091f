//! What it would take: the growth that gives an 80% chance, beside the
//! growth needed on the central path, with a button to set it (issue 8).

use crate::chances::WANTED_CHANCE;
use crate::core::plan::Plan;
use crate::i18n::{fmt_signed, slider_unit, Lang};
use crate::state::Action;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Needed80Props {
    pub plan: Shared<Plan>,
    /// The slider that drives the target.
    pub slider: AttrValue,
    /// The constant growth of that slider for an 80% chance.
    pub growth: f64,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// "Growth for an 80% chance: +9.1 % a year [Set to 80% chance]".
#[component]
pub fn Needed80(p: &Needed80Props) -> Html {
    let s = p.lang.s();
    let Some(ind) = p.plan.indicator(&p.slider) else {
        return html! {};
    };
    // Rounded up to the slider's step so that the button keeps the chance.
    let step = ind.slider.as_ref().map_or(0.01, |d| d.step.min(0.01));
    let g = (p.growth / step).ceil() * step;
    let g = (g * 1e6).round() / 1e6;
    let id = p.slider.to_string();
    let set = p
        .on_action
        .reform(move |_: MouseEvent| Action::SetGrowth(id.clone(), g));
    html! {
        <div class="needed-80">
            <dt>{ s.growth_for_80 }</dt>
            <dd data-role="required-80" data-value={p.growth.to_string()} data-chance={WANTED_CHANCE.to_string()}>
                { format!("{} {} ", fmt_signed(p.growth), slider_unit(p.lang, ind)) }
                <button type="button" class="small" onclick={set}>{ s.set_to_80 }</button>
            </dd>
        </div>
    }
}

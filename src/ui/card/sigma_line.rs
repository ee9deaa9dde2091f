//! A card's σ: the uncertainty in force for its slider and where the plan
//! file says it comes from (issue 8).

use crate::chances::{sigma_source, sigma_text};
use crate::core::plan::Plan;
use crate::i18n::{slider_unit, Lang};
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SigmaProps {
    pub plan: Shared<Plan>,
    /// The slider's indicator.
    pub slider: AttrValue,
    /// σ in force (stated × scale), in the slider's unit.
    pub sigma: f64,
    pub lang: Lang,
}

/// "Growth uncertainty σ ±1.8 % a year · sample SD of 4 annual growths, 2020-2024".
#[component]
pub fn SigmaLine(p: &SigmaProps) -> Html {
    let s = p.lang.s();
    let Some(ind) = p.plan.indicator(&p.slider) else {
        return html! {};
    };
    let source = sigma_source(&p.plan, p.lang, &p.slider).unwrap_or_default();
    let name = if ind.target.is_some() && p.plan.slider_for(&ind.id).is_some_and(|d| d.id == ind.id)
    {
        String::new()
    } else {
        format!(" ({})", p.lang.pick(&ind.name))
    };
    html! {
        <p class="sigma" data-sigma={p.sigma.to_string()} data-slider={p.slider.clone()} title={source.clone()}>
            { format!("{}{name}: {} {} · ", s.sigma_label, sigma_text(p.sigma), slider_unit(p.lang, ind)) }
            <small>{ source }</small>
        </p>
    }
}

//! The uncertainty scale: none, half, as estimated or double every σ at
//! once (issue 8). Scale 0 gives the deterministic page.

use crate::core::uncertainty::Scale;
use crate::i18n::Lang;
use crate::state::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScaleProps {
    pub scale: Scale,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// A select of [`Scale::PRESETS`]; a scale a link gave that is none of them
/// is listed too, so that it is shown as it is.
#[component]
pub fn ScaleControl(p: &ScaleProps) -> Html {
    let s = p.lang.s();
    let name = |u: Scale| {
        if u == Scale::NONE {
            s.scale_none.to_string()
        } else if u == Scale::HALF {
            s.scale_half.to_string()
        } else if u == Scale::ESTIMATED {
            s.scale_estimated.to_string()
        } else if u == Scale::DOUBLE {
            s.scale_double.to_string()
        } else {
            format!("× {}", u.value())
        }
    };
    let mut options: Vec<Scale> = Scale::PRESETS.to_vec();
    if !options.contains(&p.scale) {
        options.push(p.scale);
        crate::core::order::sort_by(&mut options, |a, b| a.value().total_cmp(&b.value()));
    }
    let onchange = p.on_action.reform(|e: Event| {
        let el: HtmlSelectElement = e.target_unchecked_into();
        let u = el
            .value()
            .parse::<f64>()
            .ok()
            .and_then(|v| Scale::new(v).ok())
            .unwrap_or_default();
        Action::SetScale(u)
    });
    html! {
        <span class="scale-control">
            <label for="uncertainty" title={s.chance_hint}>{ s.scale_label }</label>
            <select id="uncertainty" data-role="scale" {onchange}>
                { for options.into_iter().map(|u| html! {
                    <option value={u.value().to_string()} selected={u == p.scale}>{ name(u) }</option>
                }) }
            </select>
        </span>
    }
}

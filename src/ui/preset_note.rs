//! The one-line description of the scenario's preset, under the header
//! (not a tooltip: phones have no hover), or "custom" after a hand change.

use crate::core::plan::Plan;
use crate::core::presets::Preset;
use crate::i18n::Lang;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PresetNoteProps {
    pub plan: Shared<Plan>,
    /// Which preset the scenario is, and whether it is custom
    /// ([`super::toolbar::preset_state`]).
    pub active: Option<Preset>,
    pub custom: bool,
    pub lang: Lang,
}

/// What the active preset does, in one line; the trend preset names the
/// indicators whose trend it applies on another price basis.
#[component]
pub fn PresetNote(p: &PresetNoteProps) -> Html {
    let lang = p.lang;
    let s = lang.s();
    let (active, custom) = (p.active, p.custom);
    let mixes: Vec<&str> = p
        .plan
        .trend_mixing_prices()
        .map(|i| lang.pick(&i.name))
        .collect();
    let key = active.map_or(if custom { "custom" } else { "default" }, Preset::key);
    html! {
            <p class="preset-desc" data-role="preset-desc" data-preset={key}>{ match active {
                Some(Preset::Reported) => s.preset_reported_desc.to_string(),
                Some(Preset::PlanPace) => s.preset_plan_desc.to_string(),
                Some(Preset::Trend) if !mixes.is_empty() => format!("{} {} {}", s.preset_trend_desc, s.preset_mixes_prices, mixes.join(s.list_sep)),
                Some(Preset::Trend) => s.preset_trend_desc.to_string(),
                None if custom => s.preset_custom_desc.to_string(),
                None => String::new(),
            } }</p>
    }
}

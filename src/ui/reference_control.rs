//! Issue 7: what the reader's scenario is held against. The three presets
//! as pressed/unpressed buttons, and a button that pins the reader's
//! scenario as the reference; one line says what the reference does.

use super::view::View;
use crate::core::presets::{active_preset, Preset};
use crate::i18n::Lang;
use crate::state::{Action, Reference};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReferenceControlProps {
    /// The reference in force.
    pub reference: Reference,
    /// Whether the reference is exactly the reader's scenario now (pinning
    /// again would change nothing).
    pub pinned_is_current: bool,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// The reference control, `data-role="reference-control"`: one pressed
/// button (`aria-pressed`, `data-reference`) per choice, and "pin this
/// scenario as the reference".
#[component]
pub fn ReferenceControl(p: &ReferenceControlProps) -> Html {
    let s = p.lang.s();
    let choice = |r: Reference| {
        let pressed = p.reference == r;
        let key = r.key();
        let label = r.label(p.lang);
        let onclick = p
            .on_action
            .reform(move |_: MouseEvent| Action::SetReference(r.clone()));
        html! {
            <button type="button" data-reference={key} aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    };
    let pinned = matches!(p.reference, Reference::Pinned { .. });
    html! {
        <section class="reference-control" data-role="reference-control" data-current={p.reference.key()}
            aria-label={s.reference_choose}>
            <div class="controls" role="group" aria-label={s.reference_choose}>
                <span class="label">{ s.reference_choose }{ if p.lang == Lang::Zh { "：" } else { ":" } }</span>
                { for Preset::ALL.into_iter().map(|pr| choice(Reference::Preset(pr))) }
                if pinned {
                    <button type="button" data-reference="pinned" aria-pressed="true" disabled=true>{ s.reference_pinned }</button>
                }
                <button type="button" data-role="pin-reference" disabled={p.pinned_is_current}
                    onclick={p.on_action.reform(|_: MouseEvent| Action::PinReference)}>{ s.reference_pin }</button>
            </div>
            <p class="reference-hint">{ s.reference_hint }</p>
        </section>
    }
}

/// The name of the reader's scenario in `view`'s language: the preset it
/// is exactly, the plan's defaults, or "your scenario (custom)".
pub fn scenario_name(view: &View) -> &'static str {
    let s = view.lang.s();
    match active_preset(&view.plan, &view.scenario, &view.reports.paces) {
        Some(Preset::Reported) => s.preset_reported,
        Some(Preset::PlanPace) => s.preset_plan,
        Some(Preset::Trend) => s.preset_trend,
        None if view.is_default() => s.scenario_defaults,
        None => s.scenario_custom,
    }
}

/// Whether pinning now would pin what is already the reference.
pub fn pinned_is_current(view: &View) -> bool {
    view.reference_choice == Reference::pin(&view.scenario)
}

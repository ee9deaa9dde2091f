//! issue 11a: on a shared classroom computer, a scenario restored from this
//! browser's storage (not from the link) is announced, with a fresh start.

use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RestorePromptProps {
    pub lang: Lang,
    /// Start fresh: every plan's saved scenario is dropped; the plans and
    /// values opened from files stay.
    pub on_fresh: Callback<()>,
    /// Keep the restored scenario (the prompt goes).
    pub on_keep: Callback<()>,
}

/// "Restored your last scenario — start fresh?" with two buttons.
#[component]
pub fn RestorePrompt(p: &RestorePromptProps) -> Html {
    let s = p.lang.s();
    html! {
        <div class="restore-prompt" role="status" data-role="restore-prompt">
            <p>{ s.restored_prompt }</p>
            <button type="button" data-action="fresh-start" onclick={p.on_fresh.reform(|_: MouseEvent| ())}>{ s.fresh_start }</button>
            <button type="button" class="link" data-action="keep-restored" onclick={p.on_keep.reform(|_: MouseEvent| ())}>{ s.keep_scenario }</button>
        </div>
    }
}

//! The messages for the reader, worded in the language shown.

use crate::i18n::Lang;
use crate::notice::Notice;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Rc<Vec<Notice>>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// A live region listing the notices, with a button that clears them.
#[component]
pub fn Notices(p: &NoticesProps) -> Html {
    if p.notices.is_empty() {
        return html! { <div class="notices" role="status" aria-live="polite"></div> };
    }
    let s = p.lang.s();
    let dismiss = p.on_action.reform(|_: MouseEvent| Action::Dismiss);
    html! {
        <div class="notices shown" role="status" aria-live="polite" data-role="notices">
            <strong>{ s.notice_title }</strong>
            <ul>{ for p.notices.iter().map(|n| html! { <li>{ n.text(p.lang) }</li> }) }</ul>
            <button type="button" onclick={dismiss}>{ s.dismiss }</button>
        </div>
    }
}

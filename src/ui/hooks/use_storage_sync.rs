//! The shown plan's scenario and the language are kept in this browser.

use crate::session::Visit;
use crate::state;
use crate::ui::browser;
use yew::prelude::*;

/// Saves the shown plan's scenario under its own key, and the language,
/// whenever they change; an embed leaves the reader's storage alone. Sets
/// `<html lang>` and the title.
#[hook]
pub fn use_storage_sync(model: &Visit, embedded: bool) {
    let s = &model.session;
    let key = s.shown().scenario_key(s.current == 0);
    let frag = state::to_fragment(&s.shown().plan, &s.state());
    let lang = s.lang;
    let ready = model.fetch.is_none();
    use_effect_with((key, frag, lang, ready), move |(key, frag, lang, ready)| {
        if *ready && !embedded {
            browser::save(key, frag, *lang);
        }
        browser::set_document_lang(*lang, lang.s().app_title);
    });
}

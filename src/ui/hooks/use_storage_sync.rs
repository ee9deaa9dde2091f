//! The shown plan's scenario and the language are kept in this browser.

use crate::notice::Notice;
use crate::session::{Command, Msg, UrlWrite, Visit};
use crate::ui::browser;
use yew::prelude::*;

/// Saves the shown plan's scenario under its own key, and the language,
/// whenever they change (`frag` is the shown scenario's link fragment,
/// `state::to_fragment`, which the page computes once); an embed leaves the
/// reader's storage alone. Keeps `<html lang>` (set before the first frame by
/// `init::initial`) and the title (set here, after that frame) as the language changes. A save that fails (a full quota) adds
/// [`Notice::NotSaved`], once until a save succeeds again.
#[hook]
pub fn use_storage_sync(model: &UseReducerHandle<Visit>, embedded: bool, frag: String) {
    let s = &model.session;
    let key = s.shown().scenario_key(s.current == 0);
    let lang = s.lang;
    let ready = model.fetch.is_none();
    let failing = use_mut_ref(|| false);
    let dispatcher = model.dispatcher();
    let deferred = super::use_deferred();
    let stepping = model.url == UrlWrite::Coalesce;
    use_effect_with((key, frag, lang, ready), move |(key, frag, lang, ready)| {
        if *ready && !embedded {
            let (key, frag, lang) = (key.clone(), frag.clone(), *lang);
            let epoch = browser::forgotten();
            let save = move || {
                if browser::forgotten() != epoch {
                    return;
                }
                let kept = browser::save(&key, &frag, lang);
                let was_failing = std::mem::replace(&mut *failing.borrow_mut(), !kept);
                if !kept && !was_failing {
                    dispatcher.dispatch(Msg::Session(Command::Notice(Notice::NotSaved)));
                }
            };
            // issue 10: a slider's steps are saved once the reader rests (or
            // leaves the page); anything else at once.
            if stepping {
                deferred.later(save);
            } else {
                deferred.now(save);
            }
        }
    });
    // issue 10: only when the language changes, not on every step (the title's
    // getter and the comparison were ~0.15 ms of a slider move).
    use_effect_with(lang, |lang| {
        browser::set_document_lang(*lang);
        browser::set_document_title(lang.s().app_title);
    });
}

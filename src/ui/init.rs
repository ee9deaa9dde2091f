//! Where a visit starts: the built-in plans, the plans and values this
//! browser kept, each plan's saved scenario, then the plan and scenario
//! the link names.

use super::browser;
use crate::core::builtin;
use crate::core::plan::Plan;
use crate::notice::Notice;
use crate::session::{Command, OpenPlan, ReportedFrom, Session, Source};
use crate::session::{Msg, Visit};
use crate::state::{Action, Preset};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Reader-loaded reported values as this browser keeps them.
#[derive(Debug, Serialize, Deserialize)]
pub struct KeptReported {
    /// The file's name.
    pub file: String,
    /// Its text.
    pub csv: String,
}

/// The `localStorage` key of the reported values the reader loaded for a
/// plan whose scenario is kept under `scenario_key`.
pub fn reported_key(scenario_key: &str) -> String {
    format!("{scenario_key}:reported")
}

/// The model a visit starts from; it also gives the document the visit's
/// language and title, so that the first frame is laid out in the right
/// language (issue 10: Yew may let the browser paint before it runs effects),
/// and, for a link to a card (`#ind-<id>`), starts the scroll to that card.
///
/// # Errors
/// A message naming the seed file that failed, which a test rules out.
pub fn initial() -> Result<Visit, String> {
    let mut plans = OpenPlan::builtins().map_err(|(file, e)| format!("seeds/{file}: {e}"))?;
    let mut refused = Vec::new();
    for text in browser::stored_plans() {
        match Plan::from_json(&text) {
            Ok(p) => {
                let rep = builtin::reported_for(&p);
                plans.push(OpenPlan::new(Rc::new(p), Source::File, rep));
            }
            Err(error) => refused.push(Notice::PlanRefused {
                from: "localStorage".into(),
                error,
            }),
        }
    }
    if plans.is_empty() {
        return Err("seeds/ holds no plan".into());
    }
    let lang = browser::saved_lang()
        .or_else(browser::browser_lang)
        .unwrap_or_default();
    let mut session = Session::new(plans, lang);
    for n in refused {
        session = session.reduce(Command::Notice(n));
    }
    // issue 11a: `fresh=1` (a teacher's link) never restores a saved scenario
    let fresh = browser::query_flag("fresh");
    for i in 0..session.plans.len() {
        session = session.reduce(Command::Show(i, None));
        let key = session.shown().scenario_key(i == 0);
        if let Some(saved) = browser::load(&key).filter(|_| !fresh) {
            session = session.reduce(Command::Scenario(Action::Restore(saved)));
        } else {
            // issue 7: a first visit starts at the pace published so far, so
            // the page never opens on a plan "on track" that the data say is
            // not; a link's scenario (below) still reads onto the defaults.
            let shown = session.shown();
            let paces = crate::core::reported::paces(&shown.plan, &shown.reported);
            session = session.reduce(Command::Scenario(Action::Apply(Preset::Reported, paces)));
        }
        let kept = browser::load(&reported_key(&key))
            .and_then(|k| serde_json::from_str::<KeptReported>(&k).ok());
        if let Some(k) = kept {
            if let Ok(rows) = crate::core::reported::parse(&session.shown().plan, &k.csv) {
                session = session.reduce(Command::LoadReported {
                    from: ReportedFrom::File(k.file),
                    rows,
                    announce: false,
                });
            }
        }
    }
    session = session.reduce(Command::Show(0, None));
    session.lang = browser::saved_lang().unwrap_or(session.lang);
    let model = Visit::new(session, browser::query_param("reported"));
    let model = model.update(Msg::Navigate {
        plan: browser::query_param("plan"),
        fragment: browser::fragment(),
    });
    // issue 10: the document's language is the page's from its first frame (the storage hook keeps
    // it after): set after that frame, an English page was first laid out as Chinese (`system-ui`
    // picks its fonts by language), then laid out again in other fonts. The title waits for that
    // hook: a title set while the page starts costs 2-4 ms of it, and no one reads it in that frame.
    browser::set_document_lang(model.session.lang);
    // a link to a card (`#ind-<id>`, as a reader copies it from the summary or the
    // overview) goes to it once it is built
    if let Some(id) = browser::card_anchor().filter(|_| browser::query_param("embed").is_none()) {
        browser::scroll_to_element(&format!("ind-{id}"));
    }
    Ok(model)
}

/// issue 11a: the messages that take every open plan back to the scenario
/// a first visit starts from (the pace published so far); each saved
/// scenario is forgotten. Plans and reported values opened from files stay
/// (a teacher's material), and so does the language.
pub fn fresh_start(visit: &Visit) -> Vec<Msg> {
    let s = &visit.session;
    let mut out = Vec::new();
    for (i, p) in s.plans.iter().enumerate() {
        browser::forget(&p.scenario_key(i == 0));
        let paces = crate::core::reported::paces(&p.plan, &p.reported);
        out.push(Msg::Session(Command::Show(i, None)));
        out.push(Msg::Session(Command::Scenario(Action::Apply(
            Preset::Reported,
            paces,
        ))));
    }
    out.push(Msg::Session(Command::Show(s.current, None)));
    out.push(Msg::Session(Command::Scenario(Action::Dismiss)));
    out
}

fn first_visit_paces(session: &Session) -> Vec<crate::core::reported::Pace> {
    let shown = session.shown();
    crate::core::reported::paces(&shown.plan, &shown.reported)
}

/// issue 11a: whether the shown scenario was restored from this browser's
/// storage and differs from a first visit's: not from a link (the address
/// has no fragment but a card's anchor), not in an embed, not after `fresh=1`.
pub fn restored_from_storage(visit: &Visit, embedded: bool) -> bool {
    if embedded || browser::query_flag("fresh") || !browser::fragment().is_empty() {
        return false;
    }
    let s = &visit.session;
    let shown = s.shown();
    if browser::load(&shown.scenario_key(s.current == 0)).is_none() {
        return false;
    }
    let start = crate::core::presets::preset_scenario(
        &shown.plan,
        &crate::core::engine::Scenario::new(&shown.plan),
        Preset::Reported,
        &first_visit_paces(s),
    );
    shown.scenario != start
}

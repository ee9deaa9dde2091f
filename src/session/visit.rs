//! A visit: the reader's session, plus what the page is waiting for (a
//! plan or values a link names) and how the next URL write treats history.
//! The app's one reducer; pure, so tested natively.

use super::{Command, ReportedFrom, Session, Source};
use crate::core::plan::{Plan, PlanError};
use crate::notice::{FetchProblem, Notice, Origin};
use crate::state::Action;
use std::rc::Rc;

/// A drag coalesces into one history entry a second; a link that was just
/// navigated to is only normalised in place, so forward history survives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlWrite {
    /// A new history entry.
    Push,
    /// A new entry unless the last was made within a second.
    Coalesce,
    /// Rewrite the current entry.
    Replace,
}

/// A plan a link names, fetched from its address.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetch {
    /// Being fetched; the fragment applies once it arrives.
    Loading {
        /// The address, as the link gives it.
        url: String,
        /// The link's fragment.
        fragment: String,
    },
    /// It could not be had: the page says so and offers the built-in plan.
    Failed {
        /// The address.
        url: String,
        /// Why not.
        why: FetchFailure,
    },
}

/// Why a linked plan is not shown.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchFailure {
    /// No file came.
    Fetch(FetchProblem),
    /// A file came, but it is not a valid plan.
    Plan(PlanError),
}

/// The session and what the page waits for.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    /// The reader's plans, scenarios, language and notices.
    pub session: Session,
    /// How the next URL write treats history.
    pub url: UrlWrite,
    /// A plan a link names that is not open yet.
    pub fetch: Option<Fetch>,
    /// Values a link names (`reported=`) that are not loaded yet.
    pub reported_link: Option<String>,
}

/// Everything that changes the model.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A change to the session.
    Session(Command),
    /// The URL now names this plan and fragment (start, back, forward,
    /// a hand-edited link): show it, or fetch it.
    Navigate {
        /// The `?plan=` value.
        plan: Option<String>,
        /// The fragment, without `#` and without a card's anchor
        /// (`ind-<id>`, [`crate::state::split_card_anchor`]).
        fragment: String,
    },
    /// A linked plan arrived: open it, with the scenario saved for it.
    Fetched {
        /// Its address.
        url: String,
        /// The plan, or why it is not one.
        plan: Result<Rc<Plan>, FetchFailure>,
        /// Values that ship with it (when it is a built-in plan's file).
        builtin_reported: Vec<crate::core::reported::Reported>,
        /// The scenario this browser saved for it.
        saved: Option<String>,
    },
    /// Linked reported values arrived, or could not be had.
    ReportedFetched {
        /// Their address.
        url: String,
        /// The CSV text, or why not.
        text: Result<String, FetchProblem>,
    },
    /// Leave a failed link for the built-in plan.
    UseBuiltin,
    /// Fetch the failed link again, applying this fragment.
    Retry(String),
}

impl Visit {
    /// The model before anything is fetched.
    pub fn new(session: Session, reported_link: Option<String>) -> Visit {
        Visit {
            session,
            url: UrlWrite::Replace,
            fetch: None,
            reported_link,
        }
    }

    /// Applies `msg`.
    pub fn update(&self, msg: Msg) -> Visit {
        let mut next = self.clone();
        next.url = UrlWrite::Push;
        match msg {
            Msg::Session(cmd) => {
                next.url = match &cmd {
                    Command::Scenario(Action::SetGrowth(..) | Action::ApplyGrowths(..)) => {
                        UrlWrite::Coalesce
                    }
                    Command::Scenario(Action::Load(_)) => UrlWrite::Replace,
                    _ => UrlWrite::Push,
                };
                next.session = self.session.reduce(cmd);
            }
            Msg::Navigate { plan, fragment } => {
                next.url = UrlWrite::Replace;
                match self.session.find(plan.as_deref()) {
                    Some(i) => {
                        let frag = (!fragment.is_empty()).then_some(fragment);
                        next.session = self.session.reduce(Command::Show(i, frag));
                        next.fetch = None;
                    }
                    None => {
                        // Until the plan arrives, the page speaks the link's language.
                        if let Some(lang) = crate::state::fragment_lang(&fragment) {
                            next.session.lang = lang;
                        }
                        next.fetch = plan.map(|url| Fetch::Loading { url, fragment });
                    }
                }
            }
            Msg::Fetched {
                url,
                plan,
                builtin_reported,
                saved,
            } => {
                next.url = UrlWrite::Replace;
                let fragment = match &self.fetch {
                    Some(Fetch::Loading { url: u, fragment }) if *u == url => fragment.clone(),
                    _ => return next,
                };
                match plan {
                    Ok(plan) => {
                        let scenario = if fragment.is_empty() {
                            saved.map(|s| (s, Origin::Saved))
                        } else {
                            Some((fragment, Origin::Link))
                        };
                        next.session = self.session.reduce(Command::Open {
                            plan,
                            source: Source::Link(url),
                            builtin_reported,
                            scenario,
                        });
                        next.fetch = None;
                    }
                    Err(why) => next.fetch = Some(Fetch::Failed { url, why }),
                }
            }
            Msg::ReportedFetched { url, text } => {
                next.url = UrlWrite::Replace;
                next.reported_link = None;
                let plan = &self.session.shown().plan;
                let cmd = match text.map(|t| crate::core::reported::parse(plan, &t)) {
                    Ok(Ok(rows)) => Command::LoadReported {
                        from: ReportedFrom::Link(url),
                        rows,
                        announce: false,
                    },
                    Ok(Err(error)) => Command::Notice(Notice::ReportedRefused { from: url, error }),
                    Err(problem) => Command::Notice(Notice::FetchFailed { url, problem }),
                };
                next.session = self.session.reduce(cmd);
            }
            Msg::UseBuiltin => {
                next.fetch = None;
                next.session = self.session.reduce(Command::Show(0, None));
            }
            Msg::Retry(fragment) => {
                if let Some(Fetch::Failed { url, .. }) = &self.fetch {
                    next.fetch = Some(Fetch::Loading {
                        url: url.clone(),
                        fragment,
                    });
                }
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::session::OpenPlan;

    const RIVERLAND: &str = include_str!("../../tests/fixtures/riverland-water-2030.json");

    fn visit() -> Visit {
        Visit::new(Session::new(OpenPlan::builtins().unwrap(), Lang::En), None)
    }

    fn navigate(v: &Visit, plan: Option<&str>, fragment: &str) -> Visit {
        v.update(Msg::Navigate {
            plan: plan.map(str::to_string),
            fragment: fragment.into(),
        })
    }

    fn arrive(v: &Visit, url: &str, saved: Option<&str>) -> Visit {
        v.update(Msg::Fetched {
            url: url.into(),
            plan: Ok(Rc::new(Plan::from_json(RIVERLAND).unwrap())),
            builtin_reported: vec![],
            saved: saved.map(str::to_string),
        })
    }

    #[test]
    fn a_link_to_an_open_plan_shows_it_and_rewrites_history_in_place() {
        let v = navigate(&visit(), None, "g.dc_racks=2&lang=zh");
        assert_eq!(v.url, UrlWrite::Replace);
        assert!(v.fetch.is_none());
        assert_eq!(
            v.session.shown().scenario.growth.get("dc_racks"),
            Some(&2.0)
        );
        assert_eq!(v.session.lang, Lang::Zh);
        let kept = navigate(&v, None, "");
        assert_eq!(kept.session, v.session, "no fragment: the scenario stays");
    }

    #[test]
    fn a_link_to_another_plan_waits_for_it_then_applies_its_fragment() {
        let v = navigate(&visit(), Some("r.json"), "g.pipe_km=2&lang=zh");
        assert!(matches!(&v.fetch, Some(Fetch::Loading { url, .. }) if url == "r.json"));
        assert_eq!(
            v.session.lang,
            Lang::Zh,
            "the link's language while it loads"
        );
        let v = arrive(&v, "r.json", Some("g.pipe_km=9"));
        assert!(v.fetch.is_none());
        assert_eq!(v.session.shown().plan.id, "riverland-water-2030");
        assert_eq!(
            v.session.shown().scenario.growth.get("pipe_km"),
            Some(&2.0),
            "the link's scenario wins over the saved one"
        );
        assert_eq!(v.session.link_key(), Some("r.json"));
        let back = navigate(&v, None, "lang=zh");
        assert_eq!(back.session.current, 0);
        let again = navigate(&back, Some("r.json"), "");
        assert_eq!(
            again.session.shown().scenario.growth.get("pipe_km"),
            Some(&2.0),
            "back to the open plan without fetching it again"
        );
        assert!(again.fetch.is_none());
    }

    #[test]
    fn without_a_fragment_the_saved_scenario_applies() {
        let v = navigate(&visit(), Some("r.json"), "");
        let v = arrive(&v, "r.json", Some("g.pipe_km=9"));
        assert_eq!(v.session.shown().scenario.growth.get("pipe_km"), Some(&9.0));
    }

    #[test]
    fn a_plan_that_cannot_be_had_is_offered_again_or_left_for_the_built_in_one() {
        let v = navigate(&visit(), Some("gone.json"), "lang=en");
        let failed = v.update(Msg::Fetched {
            url: "gone.json".into(),
            plan: Err(FetchFailure::Fetch(FetchProblem::Status(404))),
            builtin_reported: vec![],
            saved: None,
        });
        assert!(matches!(&failed.fetch, Some(Fetch::Failed { .. })));
        assert_eq!(failed.session.plans.len(), v.session.plans.len());
        let retry = failed.update(Msg::Retry("lang=en".into()));
        assert!(matches!(&retry.fetch, Some(Fetch::Loading { .. })));
        let builtin = failed.update(Msg::UseBuiltin);
        assert!(builtin.fetch.is_none());
        assert_eq!(
            (builtin.session.current, builtin.session.link_key()),
            (0, None)
        );
        let stale = v.update(Msg::Fetched {
            url: "other.json".into(),
            plan: Ok(Rc::new(Plan::from_json(RIVERLAND).unwrap())),
            builtin_reported: vec![],
            saved: None,
        });
        assert_eq!(
            stale.session.plans.len(),
            v.session.plans.len(),
            "an answer nobody waits for"
        );
    }

    #[test]
    fn linked_values_load_once_or_say_why_not() {
        let v = Visit::new(visit().session, Some("r.csv".into()));
        let csv =
            "indicator,year,value,unit,status,source,url,note\ngdp,2025,1,亿元,reported,s,,\n";
        let ok = v.update(Msg::ReportedFetched {
            url: "r.csv".into(),
            text: Ok(csv.into()),
        });
        assert!(ok.reported_link.is_none());
        assert!(
            matches!(&ok.session.shown().loaded, Some((ReportedFrom::Link(u), rows)) if u == "r.csv" && rows.len() == 1)
        );
        let gone = v.update(Msg::ReportedFetched {
            url: "r.csv".into(),
            text: Err(FetchProblem::Network),
        });
        assert!(matches!(
            gone.session.notices[0],
            Notice::FetchFailed { .. }
        ));
        assert!(gone.session.shown().loaded.is_none());
    }

    #[test]
    fn a_drag_coalesces_and_other_changes_push() {
        let v = visit();
        let drag = v.update(Msg::Session(Command::Scenario(Action::SetGrowth(
            "dc_racks".into(),
            3.0,
        ))));
        assert_eq!(drag.url, UrlWrite::Coalesce);
        let typed = v.update(Msg::Session(Command::Scenario(Action::TypeGrowth(
            "dc_racks".into(),
            "3".into(),
        ))));
        assert_eq!(typed.url, UrlWrite::Push);
    }
}

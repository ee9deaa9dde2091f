//! The app's one reducer: the reader's session, plus what the page is
//! waiting for (a plan or values a link names) and how the next URL write
//! treats history.

use crate::core::plan::{Plan, PlanError};
use crate::notice::{FetchProblem, Notice, Origin};
use crate::session::{Command, ReportedFrom, Session, Source};
use crate::state::Action;
use std::rc::Rc;
use yew::Reducible;

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
pub struct Model {
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
        /// The fragment.
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

impl Model {
    /// The model before anything is fetched.
    pub fn new(session: Session, reported_link: Option<String>) -> Model {
        Model {
            session,
            url: UrlWrite::Replace,
            fetch: None,
            reported_link,
        }
    }

    /// Applies `msg`.
    pub fn update(&self, msg: Msg) -> Model {
        let mut next = self.clone();
        next.url = UrlWrite::Push;
        match msg {
            Msg::Session(cmd) => {
                next.url = match &cmd {
                    Command::Scenario(Action::SetGrowth(..)) => UrlWrite::Coalesce,
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

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        Rc::new(self.update(msg))
    }
}

//! What a reader has open: the plans (built in, opened from a file, or
//! named by a link), which one is shown, each one's scenario and reported
//! values, the language and the notices. One pure reducer changes it; the
//! browser's side (storage, fetching, the URL) lives in `ui`.

use crate::core::engine::Scenario;
use crate::core::plan::Plan;
use crate::core::reported::Reported;
use crate::core::uncertainty::Scale;
use crate::i18n::Lang;
use crate::notice::{Notice, Origin};
use crate::state::{self, Action, Reference, State};
use std::rc::Rc;

mod open_file;
mod visit;

pub use open_file::{open_file, Opening};
pub use visit::{Fetch, FetchFailure, Msg, UrlWrite, Visit};

/// Where an open plan came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file of `seeds/`, built in.
    Builtin,
    /// A file the reader opened or dropped; kept in this browser when it can be.
    File,
    /// The address a link gave in `?plan=`, as written there.
    Link(String),
}

impl Source {
    /// The `localStorage` key of the scenario of plan `id` from this
    /// source; the first built-in plan keeps the key it has always had.
    pub fn scenario_key(&self, id: &str, first: bool) -> String {
        match self {
            Source::Builtin if first => "plansim:scenario".into(),
            Source::Builtin | Source::File => format!("plansim:scenario:{id}"),
            Source::Link(url) => format!("plansim:scenario:url:{url}"),
        }
    }
}

/// Where reader-loaded reported values came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportedFrom {
    /// A file the reader opened or dropped, by name.
    File(String),
    /// The address a link gave in `reported=`.
    Link(String),
}

impl ReportedFrom {
    /// The file name or address.
    pub fn name(&self) -> &str {
        match self {
            ReportedFrom::File(n) | ReportedFrom::Link(n) => n,
        }
    }
}

/// One open plan with its scenario and reported values.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenPlan {
    /// The plan, validated.
    pub plan: Rc<Plan>,
    /// Where it came from.
    pub source: Source,
    /// The reader's scenario for it.
    pub scenario: Scenario,
    /// What that scenario is held against (issue 7).
    pub reference: Reference,
    /// Values that ship with it.
    pub builtin_reported: Rc<Vec<Reported>>,
    /// Values the reader loaded, and from where.
    pub loaded: Option<(ReportedFrom, Rc<Vec<Reported>>)>,
    /// What the page shows: the built-in values, except where a loaded
    /// value has the same indicator and year, plus the loaded ones.
    pub reported: Rc<Vec<Reported>>,
}

impl OpenPlan {
    /// A plan at its default scenario, with the values that ship with it.
    pub fn new(plan: Rc<Plan>, source: Source, builtin_reported: Vec<Reported>) -> OpenPlan {
        let scenario = Scenario::new(&plan);
        let builtin_reported = Rc::new(builtin_reported);
        OpenPlan {
            plan,
            source,
            scenario,
            reference: Reference::default(),
            reported: builtin_reported.clone(),
            builtin_reported,
            loaded: None,
        }
    }

    /// The built-in plans (`seeds/*.json`), each with the values that ship
    /// with it, at their default scenarios.
    ///
    /// # Errors
    /// The seed file that fails to load, which a test rules out.
    pub fn builtins() -> Result<Vec<OpenPlan>, (&'static str, crate::core::plan::PlanError)> {
        Ok(crate::core::builtin::plans()?
            .into_iter()
            .map(|p| {
                let rep = crate::core::builtin::reported_for(&p);
                OpenPlan::new(Rc::new(p), Source::Builtin, rep)
            })
            .collect())
    }

    /// What a link writes in `?plan=` for this plan: nothing for the first
    /// built-in plan (so that old links keep opening it), the id of another
    /// built-in or opened file, or the address a link gave.
    pub fn link_key(&self, first: bool) -> Option<&str> {
        match &self.source {
            Source::Builtin if first => None,
            Source::Builtin | Source::File => Some(&self.plan.id),
            Source::Link(url) => Some(url),
        }
    }

    /// The `localStorage` key of this plan's scenario.
    pub fn scenario_key(&self, first: bool) -> String {
        self.source.scenario_key(&self.plan.id, first)
    }

    fn set_loaded(&mut self, loaded: Option<(ReportedFrom, Rc<Vec<Reported>>)>) {
        self.reported = match &loaded {
            None => self.builtin_reported.clone(),
            Some((_, mine)) => {
                let mut all: Vec<Reported> = self
                    .builtin_reported
                    .iter()
                    .filter(|b| {
                        !mine
                            .iter()
                            .any(|m| m.indicator == b.indicator && m.year == b.year)
                    })
                    .cloned()
                    .collect();
                all.extend(mine.iter().cloned());
                Rc::new(all)
            }
        };
        self.loaded = loaded;
    }
}

/// Everything the page shows follows from this.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The open plans: the built-in ones first.
    pub plans: Vec<OpenPlan>,
    /// Index of the plan shown.
    pub current: usize,
    /// The display language.
    pub lang: Lang,
    /// Messages for the reader, worded when shown.
    pub notices: Vec<Notice>,
    /// How far every σ is scaled (issue 8).
    pub scale: Scale,
}

/// Everything that changes a session.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A change to the shown plan's scenario, language or notices.
    Scenario(Action),
    /// Show the plan at this index; apply a link fragment to it when given.
    Show(usize, Option<String>),
    /// Open a plan and show it. A plan already open from the same source
    /// (the same id, or the same address) is replaced, and its scenario
    /// kept as far as the new file allows. `scenario` is a link fragment or
    /// a saved one to start from.
    Open {
        /// The plan, validated.
        plan: Rc<Plan>,
        /// Where it came from.
        source: Source,
        /// Values that ship with it.
        builtin_reported: Vec<Reported>,
        /// A fragment to start from, and whether it is a link's or a saved one.
        scenario: Option<(String, Origin)>,
    },
    /// Close a plan the reader opened; built-in plans stay.
    Remove(usize),
    /// Reported values for the shown plan, checked against it
    /// ([`reported::parse`]); `announce` adds a notice saying how many.
    LoadReported {
        /// Where they came from.
        from: ReportedFrom,
        /// The values.
        rows: Vec<Reported>,
        /// Whether to say so.
        announce: bool,
    },
    /// Drop the values the reader loaded for the shown plan.
    RemoveReported,
    /// Show a message.
    Notice(Notice),
}

impl Session {
    /// A session over `plans` (at least one), showing the first.
    pub fn new(plans: Vec<OpenPlan>, lang: Lang) -> Session {
        Session {
            plans,
            current: 0,
            lang,
            notices: Vec::new(),
            scale: Scale::default(),
        }
    }

    /// The plan shown.
    pub fn shown(&self) -> &OpenPlan {
        &self.plans[self.current]
    }

    /// The shown plan's scenario, language and notices, as the per-plan
    /// reducer and the link format take them.
    pub fn state(&self) -> State {
        State {
            scenario: self.shown().scenario.clone(),
            lang: self.lang,
            notices: self.notices.clone(),
            scale: self.scale,
            reference: self.shown().reference.clone(),
        }
    }

    /// The `?plan=` value of the shown plan; `None` for the first built-in.
    pub fn link_key(&self) -> Option<&str> {
        self.shown().link_key(self.current == 0)
    }

    /// The index of the open plan a link's `?plan=` value names: `None`
    /// names the first plan; a value names a built-in or opened plan by id,
    /// or a plan a link opened by its address.
    pub fn find(&self, key: Option<&str>) -> Option<usize> {
        match key {
            None => Some(0),
            Some(k) => self
                .plans
                .iter()
                .position(|p| p.source == Source::Builtin && p.plan.id == k)
                .or_else(|| self.plans.iter().position(|p| p.link_key(false) == Some(k))),
        }
    }

    /// Applies `cmd`. Bad input leaves the plans and scenarios as they were
    /// and adds a notice.
    pub fn reduce(&self, cmd: Command) -> Session {
        let mut next = self.clone();
        match cmd {
            Command::Scenario(action) => {
                let plan = self.shown().plan.clone();
                let st = state::reduce(&plan, &self.state(), action);
                next.apply(st);
            }
            Command::Show(i, fragment) if i < next.plans.len() => {
                next.current = i;
                if let Some(frag) = fragment {
                    let plan = next.shown().plan.clone();
                    let st = state::reduce(&plan, &next.state(), Action::Load(frag));
                    next.apply(st);
                }
            }
            Command::Show(..) => {}
            Command::Open {
                plan,
                source,
                builtin_reported,
                scenario,
            } => {
                let same = next.plans.iter().position(|p| {
                    p.source == source
                        && (p.plan.id == plan.id || matches!(source, Source::Link(_)))
                });
                let mut open = OpenPlan::new(plan.clone(), source, builtin_reported);
                // Start from the given fragment, else from what was open before.
                let start = scenario.or_else(|| {
                    same.map(|i| {
                        let old = &next.plans[i];
                        let st = State {
                            scenario: old.scenario.clone(),
                            lang: next.lang,
                            notices: vec![],
                            scale: next.scale,
                            reference: old.reference.clone(),
                        };
                        (state::to_fragment(&old.plan, &st), Origin::Saved)
                    })
                });
                if let Some((frag, origin)) = start {
                    let decoded = match origin {
                        Origin::Link => state::from_fragment(&plan, &frag, next.lang),
                        Origin::Saved => state::from_saved(&plan, &frag, next.lang),
                    }
                    .0;
                    open.scenario = decoded.scenario;
                    open.reference = decoded.reference;
                    next.lang = decoded.lang;
                    next.scale = decoded.scale;
                    for n in decoded.notices {
                        state::push_notice(&mut next.notices, n);
                    }
                }
                match same {
                    Some(i) => {
                        open.set_loaded(next.plans[i].loaded.clone());
                        next.plans[i] = open;
                        next.current = i;
                    }
                    None => {
                        next.plans.push(open);
                        next.current = next.plans.len() - 1;
                    }
                }
            }
            Command::Remove(i) => {
                if next
                    .plans
                    .get(i)
                    .is_some_and(|p| p.source != Source::Builtin)
                {
                    next.plans.remove(i);
                    if next.current == i {
                        next.current = 0;
                    } else if next.current > i {
                        next.current -= 1;
                    }
                }
            }
            Command::LoadReported {
                from,
                rows,
                announce,
            } => {
                if announce {
                    next.notices.push(Notice::ReportedLoaded {
                        from: from.name().to_string(),
                        count: rows.len(),
                    });
                }
                let cur = next.current;
                next.plans[cur].set_loaded(Some((from, Rc::new(rows))));
            }
            Command::RemoveReported => {
                let cur = next.current;
                next.plans[cur].set_loaded(None);
            }
            Command::Notice(n) => state::push_notice(&mut next.notices, n),
        }
        next
    }

    fn apply(&mut self, st: State) {
        let cur = self.current;
        self.plans[cur].scenario = st.scenario;
        self.plans[cur].reference = st.reference;
        self.lang = st.lang;
        self.notices = st.notices;
        self.scale = st.scale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RIVERLAND: &str = include_str!("../../tests/fixtures/riverland-water-2030.json");

    fn session() -> Session {
        Session::new(OpenPlan::builtins().unwrap(), Lang::En)
    }

    fn riverland() -> Rc<Plan> {
        Rc::new(Plan::from_json(RIVERLAND).unwrap())
    }

    fn open(s: &Session, source: Source) -> Session {
        s.reduce(Command::Open {
            plan: riverland(),
            source,
            builtin_reported: vec![],
            scenario: None,
        })
    }

    #[test]
    fn each_plan_keeps_its_own_scenario() {
        let s = session();
        let s = s.reduce(Command::Scenario(Action::SetGrowth("gdp".into(), 3.0)));
        let s = open(&s, Source::File);
        assert_eq!((s.current, s.plans.len()), (1, 2));
        assert_eq!(s.shown().plan.id, "riverland-water-2030");
        assert!(s.shown().scenario.growth.is_empty());
        let s = s.reduce(Command::Scenario(Action::SetGrowth("pipe_km".into(), 1.0)));
        let s = s.reduce(Command::Show(0, None));
        assert_eq!(s.shown().scenario.growth.get("gdp"), Some(&3.0));
        let s = s.reduce(Command::Show(1, None));
        assert_eq!(s.shown().scenario.growth.get("pipe_km"), Some(&1.0));
        assert!(s.notices.is_empty(), "{:?}", s.notices);
    }

    #[test]
    fn reopening_a_plan_replaces_it_and_keeps_its_scenario() {
        let s = open(&session(), Source::File);
        let s = s.reduce(Command::Scenario(Action::SetGrowth("pipe_km".into(), 1.0)));
        let s = s.reduce(Command::Show(0, None));
        let s = open(&s, Source::File);
        assert_eq!((s.current, s.plans.len()), (1, 2), "replaced, not added");
        assert_eq!(s.shown().scenario.growth.get("pipe_km"), Some(&1.0));
    }

    #[test]
    fn links_name_plans_and_old_links_open_the_first() {
        let s = open(&session(), Source::Link("plans/riverland.json".into()));
        assert_eq!(s.link_key(), Some("plans/riverland.json"));
        assert_eq!(s.find(Some("plans/riverland.json")), Some(1));
        assert_eq!(s.find(None), Some(0));
        assert_eq!(s.find(Some("nowhere.json")), None);
        let s = s.reduce(Command::Show(0, None));
        assert_eq!(s.link_key(), None);
        assert_eq!(s.shown().scenario_key(true), "plansim:scenario");
        let f = open(&session(), Source::File);
        assert_eq!(f.link_key(), Some("riverland-water-2030"));
        assert_eq!(f.find(Some("riverland-water-2030")), Some(1));
        assert_eq!(
            f.shown().scenario_key(false),
            "plansim:scenario:riverland-water-2030"
        );
    }

    #[test]
    fn a_link_fragment_applies_to_the_plan_it_opens() {
        let s = session().reduce(Command::Open {
            plan: riverland(),
            source: Source::Link("r.json".into()),
            builtin_reported: vec![],
            scenario: Some(("g.pipe_km=2&g.gdp=5&lang=zh".into(), Origin::Link)),
        });
        assert_eq!(s.shown().scenario.growth.get("pipe_km"), Some(&2.0));
        assert_eq!(s.lang, Lang::Zh);
        assert_eq!(s.notices.len(), 1, "gdp is not in this plan");
        assert!(s.plans[0].scenario.growth.is_empty());
    }

    #[test]
    fn only_opened_plans_can_be_removed() {
        let s = open(&session(), Source::File);
        let s = s.reduce(Command::Remove(0));
        assert_eq!(s.plans.len(), 2, "built-in plans stay");
        let s = s.reduce(Command::Remove(1));
        assert_eq!((s.plans.len(), s.current), (1, 0));
    }

    #[test]
    fn loaded_values_join_the_built_in_ones_and_win_their_year() {
        let s = session();
        let before = s.shown().reported.len();
        let csv = "indicator,year,value,unit,status,source,url,note\n\
                   gdp,2024,1,亿元,reported,mine,,\n\
                   gdp,2025,2,亿元,reported,mine,,\n";
        let Opening::Reported(rows) = open_file(&s.shown().plan, s.lang, "mine.csv", Some(csv))
        else {
            panic!("a CSV of reported values")
        };
        let s = s.reduce(Command::LoadReported {
            from: ReportedFrom::File("mine.csv".into()),
            rows,
            announce: true,
        });
        let gdp: Vec<(u16, f64)> = s
            .shown()
            .reported
            .iter()
            .filter(|r| r.indicator == "gdp" && r.year >= 2024)
            .map(|r| (r.year, r.value))
            .collect();
        assert_eq!(gdp, [(2024, 1.0), (2025, 2.0)]);
        assert_eq!(s.shown().reported.len(), before + 1);
        assert!(matches!(
            s.notices[0],
            Notice::ReportedLoaded { count: 2, .. }
        ));
        let s = s.reduce(Command::RemoveReported);
        assert_eq!(s.shown().reported.len(), before);
    }

    // issue 7
    #[test]
    fn each_plan_keeps_its_reference_and_a_link_sets_it() {
        let s = session().reduce(Command::Scenario(Action::SetReference(Reference::Preset(
            crate::core::presets::Preset::PlanPace,
        ))));
        let s = open(&s, Source::File);
        assert_eq!(s.shown().reference, Reference::default(), "a new plan");
        let s = s.reduce(Command::Scenario(Action::SetGrowth("pipe_km".into(), 1.0)));
        let s = s.reduce(Command::Scenario(Action::PinReference));
        let s = s.reduce(Command::Show(0, None));
        assert_eq!(s.state().reference.key(), "plan");
        let s = s.reduce(Command::Show(1, None));
        assert_eq!(s.state().reference.key(), "pinned");
        let s = s.reduce(Command::Show(0, Some("cmp=trend&lang=zh".into())));
        assert_eq!(s.shown().reference.key(), "trend");
        assert_eq!(
            s.plans[1].reference.key(),
            "pinned",
            "the other plan's stays"
        );
        let s = s.reduce(Command::Show(0, Some("lang=en".into())));
        assert_eq!(
            s.shown().reference,
            Reference::default(),
            "no cmp: the default"
        );
    }
}

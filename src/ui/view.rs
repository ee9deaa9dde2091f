//! What every part of the page reads: the shown plan, its run under the
//! reader's scenario, the reported values by indicator, the language.

use super::card::{GrowthControl, IndicatorCard};
use super::shared::Shared;
use crate::chances::Chances;
use crate::core::engine::{Run, Scenario, Status};
use crate::core::plan::Plan;
use crate::core::reported::{self, Pace, Reported};
use crate::core::uncertainty::Scale;
use crate::i18n::Lang;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// The reported values of a plan, prepared once per plan and file.
#[derive(Debug, Default)]
pub struct Reports {
    /// Everything the page holds, for the download.
    pub all: Rc<Vec<Reported>>,
    /// One value a year per indicator, for its chart and list, in the plan's order (a list, not
    /// a hash map: issue 10, one instance fewer of the map's code).
    pub by_indicator: Vec<(String, Rc<Vec<Reported>>)>,
    /// The pace from each slider's baseline to its latest value.
    pub paces: Rc<Vec<Pace>>,
}

impl Reports {
    /// Prepares `all` for `plan`.
    pub fn new(plan: &Plan, all: Rc<Vec<Reported>>) -> Reports {
        let by_indicator = plan
            .indicators
            .iter()
            .map(|i| {
                let mine: Vec<Reported> = reported::for_chart(&all, &i.id)
                    .into_iter()
                    .cloned()
                    .collect();
                (i.id.clone(), Rc::new(mine))
            })
            .collect();
        let paces = Rc::new(reported::paces(plan, &all));
        Reports {
            all,
            by_indicator,
            paces,
        }
    }

    /// The values of indicator `id`, one a year.
    pub fn of(&self, id: &str) -> Rc<Vec<Reported>> {
        self.by_indicator
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    }

    /// The pace of slider `id`.
    pub fn pace(&self, id: &str) -> Option<Pace> {
        self.paces.iter().find(|p| p.indicator == id).cloned()
    }
}

/// The shown plan and what the reader made of it.
#[derive(Clone)]
pub struct View {
    pub plan: Shared<Plan>,
    pub run: Shared<Run>,
    /// issue 7: the reference scenario's run (the pace published so far).
    pub reference: Shared<Run>,
    /// issue 7: which reference the reader chose, and its name in the
    /// reader's language ([`crate::state::Reference::label`]), for every
    /// place that shows the reference (cards, charts, table, exports).
    pub reference_choice: crate::state::Reference,
    pub reference_name: AttrValue,
    pub scenario: Scenario,
    /// The plan's defaults (`Scenario::new(plan)`), built once per plan, to
    /// tell the defaults from a custom scenario ([`View::is_default`]).
    pub defaults: Shared<Scenario>,
    pub reports: Shared<Reports>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
    /// The uncertainty scale in force and what it gives (issue 8).
    pub scale: Scale,
    pub chances: Shared<Chances>,
}

impl PartialEq for View {
    fn eq(&self, o: &Self) -> bool {
        self.plan == o.plan
            && self.run == o.run
            && self.reference == o.reference
            && self.reference_choice == o.reference_choice
            && self.reference_name == o.reference_name
            && self.scenario == o.scenario
            && self.defaults == o.defaults
            && self.reports == o.reports
            && self.lang == o.lang
            && self.on_action == o.on_action
            && self.scale == o.scale
            && self.chances == o.chances
    }
}

impl View {
    /// Whether the scenario is the plan's defaults.
    pub fn is_default(&self) -> bool {
        self.scenario == *self.defaults
    }

    /// The growth in force for slider `id`, and whether the reader moved it.
    pub fn growth(&self, id: &str) -> (f64, bool) {
        let g = self
            .plan
            .indicator(id)
            .and_then(|i| self.scenario.growth_of(i))
            .unwrap_or(0.0);
        (g, self.scenario.growth.contains_key(id))
    }

    /// The card of indicator `id`.
    pub fn card(&self, id: &str) -> Html {
        let slider = self
            .plan
            .slider_for(id)
            .map(|s| s.id.clone())
            .unwrap_or_default();
        let (growth, changed) = self.growth(&slider);
        let status = self
            .run
            .get(id)
            .map(|o| o.status.clone())
            .unwrap_or(Ok(Status::NeedsBaseline));
        let reference = self.reference.get(id).and_then(|o| match &o.status {
            Ok(Status::Assessed(a)) => Some((a.projected, a.verdict)),
            _ => None,
        });
        // issue 7: the reference's path, dashed on the card's chart
        let reference_path: Rc<Vec<(u16, f64)>> = Rc::new(match self.reference.get(id) {
            Some(crate::core::engine::Outcome {
                status: Ok(Status::Assessed(a)),
                ..
            }) => a.path.points().collect(),
            _ => Vec::new(),
        });
        html! {
            <IndicatorCard key={id.to_string()} {reference} {reference_path} reference_name={self.reference_name.clone()} plan={self.plan.clone()} id={AttrValue::from(id.to_string())}
                {status} {growth} {changed}
                baseline_input={self.scenario.baselines.get(id).copied()}
                reported={self.reports.of(id)} pace={self.reports.pace(&slider)}
                chance={self.chances.target(id)} sigma={self.chances.sigma(&slider)}
                lang={self.lang} on_action={self.on_action.clone()} />
        }
    }

    /// The growth control of slider `id`, on its own.
    pub fn growth_control(&self, id: &str) -> Html {
        let (value, changed) = self.growth(id);
        html! {
            <GrowthControl key={format!("g-{id}")} plan={self.plan.clone()} id={AttrValue::from(id.to_string())}
                {value} {changed} lang={self.lang} on_action={self.on_action.clone()} />
        }
    }
}

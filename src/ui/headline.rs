//! The plan's headline goals beside the sliders that drive them.

use super::driver_row::DriverRow;
use super::view::View;
use crate::core::engine::{growth_by_year, Status};
use crate::core::plan::{Indicator, Role};
use crate::i18n::goal_heading;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub view: View,
}

/// The headline indicators' cards (the plan's `role: headline`), the other
/// sliders they depend on (a ratio's denominator), and every driver
/// (`role: driver`) with its per-year growth.
#[component]
pub fn HeadlinePanel(p: &HeadlineProps) -> Html {
    let v = &p.view;
    let s = v.lang.s();
    let plan = &v.plan;
    let heads: Vec<&Indicator> = plan.with_role(Role::Headline).collect();
    let drivers: Vec<&Indicator> = plan.with_role(Role::Driver).collect();
    if heads.is_empty() && drivers.is_empty() {
        return html! {};
    }
    let title = match heads.as_slice() {
        [one] => goal_heading(plan, one, v.lang),
        [first, ..] => plan.category(&first.category).map_or_else(
            || s.drivers_title.to_string(),
            |c| v.lang.pick(&c.name).to_string(),
        ),
        [] => s.drivers_title.to_string(),
    };
    let mut others: Vec<&str> = Vec::new();
    for h in &heads {
        for i in plan.other_inputs_of(&h.id) {
            if !others.contains(&i.id.as_str()) {
                others.push(&i.id);
            }
        }
    }
    html! {
        <section class="headline" aria-labelledby="h-headline">
            <h2 id="h-headline">{ title }</h2>
            <div class="headline-grid">
                if !heads.is_empty() {
                    <div class="headline-cards">{ for heads.iter().map(|h| v.card(&h.id)) }</div>
                }
                <div class="drivers">
                    { for others.iter().map(|id| v.growth_control(id)) }
                    if !drivers.is_empty() {
                        <h3>{ s.drivers_title }</h3>
                        { for drivers.iter().map(|d| driver_row(v, d)) }
                    }
                </div>
            </div>
        </section>
    }
}

fn driver_row(v: &View, d: &Indicator) -> Html {
    let path = v.run.get(&d.id).and_then(|o| match &o.status {
        Ok(Status::Projected(path)) => Some(Rc::new(path.clone())),
        Ok(Status::Assessed(a)) => Some(Rc::new(a.path.clone())),
        _ => None,
    });
    html! {
        <DriverRow key={d.id.clone()} plan={v.plan.clone()} id={AttrValue::from(d.id.clone())} {path}
            years={Rc::new(growth_by_year(&v.plan, &v.scenario, &d.id))}
            overrides={Rc::new(v.scenario.paths.get(&d.id).cloned().unwrap_or_default())}
            reported={v.reports.of(&d.id)} lang={v.lang} on_action={v.on_action.clone()} />
    }
}

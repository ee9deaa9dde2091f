//! Questions the interface asks of a plan, answered from its data alone:
//! which slider drives an indicator, what a ratio is made of, which
//! indicators play a role. No plan's ids are named here.

use super::plan::{Category, Indicator, Kind, Plan, Role};

impl Plan {
    /// The indicator whose slider drives `id`: `id` itself when it has a
    /// slider, a ratio's numerator (its denominator is another slider's
    /// business), `None` for an unknown id.
    pub fn slider_for(&self, id: &str) -> Option<&Indicator> {
        let ind = self.indicator(id)?;
        match &ind.kind {
            Kind::Ratio { numerator, .. } => self.indicator(numerator),
            _ => ind.slider.as_ref().map(|_| ind),
        }
    }

    /// Every indicator whose slider moves `id`: a ratio's numerator and
    /// denominator, or the indicator itself; empty for an unknown id.
    pub fn inputs_of(&self, id: &str) -> Vec<&Indicator> {
        match self.ratio_of(id) {
            Some((n, d)) => vec![n, d],
            None => self.slider_for(id).into_iter().collect(),
        }
    }

    /// The inputs of `id` other than the one its own card drives: for a
    /// ratio, its denominator.
    pub fn other_inputs_of(&self, id: &str) -> Vec<&Indicator> {
        let own = self.slider_for(id).map(|i| i.id.as_str());
        self.inputs_of(id)
            .into_iter()
            .filter(|i| Some(i.id.as_str()) != own)
            .collect()
    }

    /// A ratio's numerator and denominator; `None` for any other kind.
    pub fn ratio_of(&self, id: &str) -> Option<(&Indicator, &Indicator)> {
        match &self.indicator(id)?.kind {
            Kind::Ratio {
                numerator,
                denominator,
            } => Some((self.indicator(numerator)?, self.indicator(denominator)?)),
            _ => None,
        }
    }

    /// The indicators playing `role`, in display order.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| i.role == role)
    }

    /// The indicators of category `category` playing `role`, in display order.
    pub fn members(&self, category: &str, role: Role) -> impl Iterator<Item = &Indicator> {
        let category = category.to_string();
        self.indicators
            .iter()
            .filter(move |i| i.role == role && i.category == category)
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The categories that hold targets of the plan's table or text, in
    /// display order; headlines and drivers are shown on their own.
    pub fn target_groups(&self) -> impl Iterator<Item = &Category> {
        self.categories.iter().filter(move |c| {
            self.indicators
                .iter()
                .any(|i| i.category == c.id && matches!(i.role, Role::Table | Role::Text))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zj() -> Plan {
        Plan::zhejiang().unwrap()
    }

    fn riverland() -> Plan {
        Plan::from_json(include_str!(
            "../../tests/fixtures/riverland-water-2030.json"
        ))
        .unwrap()
    }

    fn ids<'a>(v: impl IntoIterator<Item = &'a Indicator>) -> Vec<&'a str> {
        v.into_iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn one_slider_drives_each_indicator() {
        let plan = zj();
        let slider = |id: &str| plan.slider_for(id).map(|i| i.id.as_str());
        assert_eq!(slider("de_share"), Some("de_value_added"));
        assert_eq!(slider("core_share"), Some("core_value_added"));
        assert_eq!(slider("gdp"), Some("gdp"));
        assert_eq!(slider("dc_racks"), Some("dc_racks"));
        assert_eq!(slider("nope"), None);
        for ind in &plan.indicators {
            let s = plan.slider_for(&ind.id).expect("every indicator has one");
            assert!(s.slider.is_some(), "{} is driven by a slider", ind.id);
        }
        let r = riverland();
        assert_eq!(
            r.slider_for("reuse_rate").map(|i| i.id.as_str()),
            Some("reclaimed_volume")
        );
    }

    #[test]
    fn inputs_and_formula_parts() {
        let plan = zj();
        assert_eq!(ids(plan.inputs_of("de_share")), ["de_value_added", "gdp"]);
        assert_eq!(ids(plan.other_inputs_of("de_share")), ["gdp"]);
        assert_eq!(ids(plan.inputs_of("dc_racks")), ["dc_racks"]);
        assert!(plan.other_inputs_of("dc_racks").is_empty());
        let (n, d) = plan.ratio_of("core_share").unwrap();
        assert_eq!((n.id.as_str(), d.id.as_str()), ("core_value_added", "gdp"));
        assert!(plan.ratio_of("gdp").is_none());
        let r = riverland();
        assert_eq!(ids(r.other_inputs_of("reuse_rate")), ["total_use"]);
    }

    #[test]
    fn roles_and_groups_come_from_the_data() {
        let plan = zj();
        assert_eq!(ids(plan.with_role(Role::Headline)), ["de_share"]);
        assert_eq!(
            ids(plan.with_role(Role::Driver)),
            ["gdp", "de_value_added", "core_value_added"]
        );
        let groups: Vec<&str> = plan.target_groups().map(|c| c.id.as_str()).collect();
        assert_eq!(
            groups,
            [
                "innovation",
                "industrialization",
                "digitalization",
                "governance",
                "infrastructure"
            ]
        );
        assert_eq!(plan.members("infrastructure", Role::Table).count(), 3);
        let r = riverland();
        let groups: Vec<&str> = r.target_groups().map(|c| c.id.as_str()).collect();
        assert_eq!(groups, ["supply", "quality"]);
        assert_eq!(ids(r.members("quality", Role::Text)), ["sensor_stations"]);
        assert_eq!(r.category("goal").unwrap().name.en, "Overall goal");
    }
}

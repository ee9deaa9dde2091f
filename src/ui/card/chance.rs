//! The chance of hitting a target, in words and as a number (issue 8).

use crate::chances::{odds_text, percent};
use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChanceProps {
    /// `P(hit)` in [0, 1].
    pub p: f64,
    pub lang: Lang,
}

/// "Chance of hitting: about 1 in 5 (21%)", beside the verdict, which
/// keeps meaning the central path.
#[component]
pub fn ChanceBadge(p: &ChanceProps) -> Html {
    let s = p.lang.s();
    html! {
        <span class="chance" data-role="chance" data-value={p.p.to_string()} title={s.chance_hint}>
            { format!("{}: ", s.chance) }
            <strong>{ odds_text(p.lang, p.p) }</strong>
            { format!(" ({})", percent(p.p)) }
        </span>
    }
}

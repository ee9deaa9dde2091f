//! A link named a plan that could not be had: say why, and offer the
//! built-in plan or another try.

use crate::i18n::Lang;
use crate::notice::Notice;
use crate::plan_text::plan_error_text;
use crate::session::FetchFailure;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FetchFailedProps {
    /// The address in the link.
    pub url: AttrValue,
    pub why: FetchFailure,
    /// The title of the built-in plan offered instead.
    pub builtin: AttrValue,
    pub lang: Lang,
    pub on_builtin: Callback<()>,
    pub on_retry: Callback<()>,
}

/// An alert with two ways on.
#[component]
pub fn FetchFailed(p: &FetchFailedProps) -> Html {
    let s = p.lang.s();
    let why = match &p.why {
        FetchFailure::Fetch(problem) => Notice::FetchFailed {
            url: p.url.to_string(),
            problem: problem.clone(),
        }
        .text(p.lang),
        FetchFailure::Plan(e) => format!("{}: {}", p.url, plan_error_text(p.lang, e)),
    };
    html! {
        <>
        <header class="top"><div class="brand"><h1>{ s.app_title }</h1></div></header>
        <main>
            <section class="fetch-failed" role="alert" data-role="plan-failed">
                <h2>{ s.fetch_failed_title }</h2>
                <p>{ why }</p>
                <p>
                    <button type="button" onclick={p.on_builtin.reform(|_: MouseEvent| ())} data-action="use-builtin">
                        { s.use_builtin }{ p.builtin.clone() }
                    </button>
                    { " " }
                    <button type="button" onclick={p.on_retry.reform(|_: MouseEvent| ())}>{ s.retry }</button>
                </p>
            </section>
        </main>
        </>
    }
}

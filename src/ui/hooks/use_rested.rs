//! A value that follows another once it has stopped changing (issue 10):
//! what no one reads while a slider moves (the share panel's links, the
//! printed handout, the citation) is rebuilt when the reader rests.

use super::REST_MS;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// `value` as it was when it last stayed unchanged for [`REST_MS`]; `value`
/// itself on the first render.
#[hook]
pub fn use_rested<T: PartialEq + Clone + 'static>(value: T) -> T {
    let rested = use_state_eq(|| value.clone());
    {
        let rested = rested.clone();
        use_effect_with(value, move |v| {
            let v = v.clone();
            let t = Timeout::new(REST_MS, move || rested.set(v));
            move || drop(t)
        });
    }
    (*rested).clone()
}

//! A value that follows another once it has stopped changing (issue 10):
//! what no one reads while a slider moves (the share panel's links, the
//! printed handout, the citation) is rebuilt when the reader rests.

use super::REST_MS;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// `value` as it was when it last stayed unchanged for [`REST_MS`] while
/// `stepping` (a slider moving); `value` itself when not stepping.
#[hook]
pub fn use_rested<T: PartialEq + Clone + 'static>(value: T, stepping: bool) -> T {
    use_settled(value, stepping, REST_MS)
}

/// `value` as it was `delay_ms` after it last changed, while `stepping`;
/// `value` itself when not stepping. [`use_rested`] with a delay of its own
/// (`Near` staggers the far parts' catching up by a few milliseconds each).
#[hook]
pub fn use_settled<T: PartialEq + Clone + 'static>(value: T, stepping: bool, delay_ms: u32) -> T {
    let kept = use_mut_ref(|| value.clone());
    let update = use_force_update();
    if !stepping {
        *kept.borrow_mut() = value.clone();
    }
    {
        let kept = kept.clone();
        use_effect_with(value, move |v| {
            let t = (stepping && *kept.borrow() != *v).then(|| {
                let v = v.clone();
                Timeout::new(delay_ms, move || {
                    *kept.borrow_mut() = v;
                    update.force_update();
                })
            });
            move || drop(t)
        });
    }
    let v = kept.borrow().clone();
    v
}

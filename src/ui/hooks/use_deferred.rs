//! Work that can wait until the reader rests (issue 10): writing the address
//! and storage on every step of a slider would cost each move a few
//! milliseconds (`history.replaceState` alone ~4 ms in Chromium), so the
//! last such write waits [`REST_MS`] of quiet, and runs at once when the
//! page is hidden or left, so that nothing the reader made is lost.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// How long the reader must rest before deferred work runs, in milliseconds
/// (also when the full uncertainty figures replace the quick ones).
pub const REST_MS: u32 = 250;

/// One piece of work waiting for the reader to rest; scheduling another
/// replaces it.
#[derive(Default)]
pub struct Deferred {
    job: RefCell<Option<Box<dyn FnOnce()>>>,
    timer: RefCell<Option<Timeout>>,
}

impl Deferred {
    /// Runs `job` after [`REST_MS`] without another call, in place of the
    /// one waiting.
    pub fn later(self: &Rc<Self>, job: impl FnOnce() + 'static) {
        *self.job.borrow_mut() = Some(Box::new(job));
        let me: Weak<Self> = Rc::downgrade(self);
        let timer = Timeout::new(REST_MS, move || {
            if let Some(me) = me.upgrade() {
                me.flush();
            }
        });
        // Dropping the previous timer cancels it.
        *self.timer.borrow_mut() = Some(timer);
    }

    /// Runs `job` now, dropping the one waiting.
    pub fn now(&self, job: impl FnOnce()) {
        self.cancel();
        job();
    }

    /// Runs the waiting job now, if any.
    pub fn flush(&self) {
        self.timer.borrow_mut().take();
        let job = self.job.borrow_mut().take();
        if let Some(job) = job {
            job();
        }
    }

    fn cancel(&self) {
        self.timer.borrow_mut().take();
        self.job.borrow_mut().take();
    }
}

/// A [`Deferred`] of this component, flushed when the page is hidden
/// (`visibilitychange`) or left (`pagehide`: a reload, a closed tab).
#[hook]
pub fn use_deferred() -> Rc<Deferred> {
    let d = use_memo((), |_| Rc::new(Deferred::default()));
    {
        let d = Rc::downgrade(&*d);
        use_effect_with((), move |_| {
            let flush = Rc::new(move || {
                if let Some(d) = d.upgrade() {
                    d.flush();
                }
            });
            let (f1, f2) = (flush.clone(), flush);
            let hide = EventListener::new(&gloo::utils::window(), "pagehide", move |_| f1());
            let visibility =
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() {
                        f2();
                    }
                });
            move || drop((hide, visibility))
        });
    }
    (*d).clone()
}

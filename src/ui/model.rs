//! The app's one reducer is a [`Visit`]: the session, what the page waits
//! for, and how the next URL write treats history.

use crate::session::{Msg, Visit};
use std::rc::Rc;
use yew::Reducible;

impl Reducible for Visit {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        Rc::new(self.update(msg))
    }
}

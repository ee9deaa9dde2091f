//! What an exported chart says about the page at the moment of export
//! (issue 11): the scenario, its permalink, the reference and the reported
//! values. The app refreshes it on every render; charts read it only when
//! the reader exports, so that no chart re-renders when it changes.

use crate::core::engine::Scenario;
use crate::core::reported::Reported;
use std::cell::RefCell;
use std::rc::Rc;

/// The page's scenario as an export describes it.
#[derive(Debug, Clone, Default)]
pub struct Scene {
    /// The reader's scenario.
    pub scenario: Option<Scenario>,
    /// Its permalink.
    pub link: String,
    /// The reference scenario's name and settings.
    pub reference: Option<(String, Scenario)>,
    /// The reported values the page holds.
    pub reported: Rc<Vec<Reported>>,
}

/// The scene in a cell whose identity never changes, handed down as a
/// context: equal to itself whatever it holds, so it triggers no render.
#[derive(Debug, Clone, Default)]
pub struct SceneCell(pub Rc<RefCell<Scene>>);

impl PartialEq for SceneCell {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

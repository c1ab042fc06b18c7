//! Undo and redo for the whole form: a removal, a load, a one-click fix or a stretch of typing
//! (up to a pause) is one step back. Ctrl+Z (⌘Z) and Ctrl+Shift+Z or Ctrl+Y (⇧⌘Z), and the
//! two buttons above the steps.

use std::sync::Mutex;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::attr::bool_attr;
use super::browser;
use super::state::{notice_view, AppState, AT_FORM};
use crate::core::config_file::{from_config_json, to_config_json};
use crate::core::draft::Draft;

/// The most steps back kept: each is one configuration file's text.
const KEPT: usize = 100;

/// The page's one history: a plain static, since a `StoredValue` of a new type costs the
/// download more (the page has one thread). Each draft is kept as its configuration text, the
/// form that is saved and compared anyway.
static HISTORY: Mutex<History> = Mutex::new(History {
    past: Vec::new(),
    future: Vec::new(),
    settled: String::new(),
});

/// Bits of `AppState::can_undo`.
const UNDO: usize = 1;
const REDO: usize = 2;

/// The drafts before and after the one that last settled (typing paused, or a change that is
/// not typing happened).
struct History {
    past: Vec<String>,
    future: Vec<String>,
    settled: String,
}

impl History {
    /// The draft now becomes a step of its own, if it changed since the last one.
    fn settle(&mut self, now: String) {
        if self.settled != now {
            self.past.push(std::mem::replace(&mut self.settled, now));
            if self.past.len() > KEPT {
                self.past.remove(0);
            }
            self.future.clear();
        }
    }

    /// The draft one step back from `now`: the last settled one when `now` has unsettled edits.
    fn undo(&mut self, now: String) -> Option<String> {
        if self.settled != now {
            self.future = vec![now];
            return Some(self.settled.clone());
        }
        let back = self.past.pop()?;
        self.future
            .push(std::mem::replace(&mut self.settled, back.clone()));
        Some(back)
    }

    fn redo(&mut self, now: String) -> Option<String> {
        if self.settled != now {
            return None;
        }
        let next = self.future.pop()?;
        self.past
            .push(std::mem::replace(&mut self.settled, next.clone()));
        Some(next)
    }

    fn can(&self, now: &str) -> usize {
        let edited = self.settled != now;
        let undo = if edited || !self.past.is_empty() {
            UNDO
        } else {
            0
        };
        let redo = if !edited && !self.future.is_empty() {
            REDO
        } else {
            0
        };
        undo | redo
    }
}

fn history() -> std::sync::MutexGuard<'static, History> {
    HISTORY.lock().unwrap_or_else(|e| e.into_inner())
}

/// The history starts at the draft the page opened with.
pub fn start(draft: &Draft) {
    history().settled = to_config_json(draft);
}

impl AppState {
    /// The draft as it is now is saved in the browser and becomes a step for Undo. Called once
    /// typing pauses, before a removal, and before an undo or redo.
    pub fn settle(self) {
        let now = self.draft.with_untracked(to_config_json);
        browser::save_config(&now);
        let can = {
            let mut h = history();
            h.settle(now);
            h.can(&h.settled)
        };
        self.show_undo_state(can);
    }

    pub fn undo_redo(self, redo: bool) {
        let now = self.draft.with_untracked(to_config_json);
        let target = {
            let mut h = history();
            if redo {
                h.redo(now)
            } else {
                h.undo(now)
            }
        };
        match target.as_deref().map(from_config_json) {
            Some(Ok(draft)) => {
                self.draft.set(draft);
                self.say(AT_FORM, if redo { "Redone." } else { "Undone." }.into());
            }
            _ => self.say(
                AT_FORM,
                format!("Nothing to {}.", if redo { "redo" } else { "undo" }),
            ),
        }
        let can = {
            let h = history();
            h.can(&h.settled)
        };
        self.show_undo_state(can);
    }

    fn show_undo_state(self, can: usize) {
        if self.can_undo.get_untracked() != can {
            self.can_undo.set(can);
        }
    }
}

/// The Undo and Redo buttons, and the keyboard shortcuts for the whole page. A text box that is
/// not part of the form (a paste box, the token) keeps the browser's own undo.
pub fn undo_bar() -> impl IntoView {
    let state = expect_context::<AppState>();
    super::browser::on_window_key(move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let redo = match ev.key().as_str() {
            "z" | "Z" => ev.shift_key(),
            "y" | "Y" if !ev.shift_key() => true,
            _ => return,
        };
        let outside_form = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| {
                matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA") && !e.id().starts_with("f-")
            });
        if outside_form {
            return;
        }
        ev.prevent_default();
        state.undo_redo(redo);
    });
    let can = state.can_undo;
    view! {
        <div class="undo-bar" role="group" aria-label="History">
            <button type="button" id="undo" aria-keyshortcuts="Control+Z Meta+Z" aria-disabled=move || bool_attr(can.get() & UNDO == 0) on:click=move |_| state.undo_redo(false)>"Undo"</button>
            <button type="button" id="redo" aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z" aria-disabled=move || bool_attr(can.get() & REDO == 0) on:click=move |_| state.undo_redo(true)>"Redo"</button>
            {notice_view(AT_FORM)}
        </div>
    }
}

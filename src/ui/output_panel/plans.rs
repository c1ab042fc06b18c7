//! What the output panel shows, derived from the draft: the last plan without errors (or the
//! way back), the script of the chosen tab, whether it is out of date, and the network settings
//! before and after.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::draft::Draft;
use crate::core::network_diff::{network_diff, DiffLine};
use crate::core::plan::Plan;
use crate::core::render::{render, OutputTarget, RenderContext};
use crate::core::rollback::rollback_plan;
use crate::ui::browser;
use crate::ui::erased::{derived, memo};
use crate::ui::state::AppState;

/// A plan with its render context, shared (not copied) by the memos that pass it on.
pub type Planned = Option<Arc<(Plan, RenderContext)>>;
type RollbackPlanned = Option<Result<Arc<(Plan, RenderContext)>, String>>;

/// What the code view shows: one target's script, from the last plan without errors.
#[derive(Clone, PartialEq)]
pub struct Shown {
    pub tab: OutputTarget,
    pub text: String,
    /// The header's reopen link in it: when only the link changed, nobody typed anything.
    pub link: String,
}

/// The panel's derived state, each part a memo of its own.
#[derive(Clone, Copy)]
pub struct Outputs {
    /// The last plan without errors, with its render context (the header's reopen link follows
    /// the draft once typing pauses: `AppState::refresh_link`). It stays on screen (out of date,
    /// never greyed) while the form has errors, so typing through an invalid moment does not
    /// blank or flash the script.
    pub last_plan: Memo<Planned>,
    /// The draft carries a snapshot of the account: there is a way back.
    pub has_snapshot: Memo<bool>,
    pub showing_rollback: Memo<bool>,
    /// Why the way back cannot be made, while it is shown.
    pub rollback_problem: Memo<Option<String>>,
    /// What the code view, copy and downloads use: the forward plan or the way back.
    pub active: Memo<Planned>,
    pub out_of_date: Memo<bool>,
    pub shown: Memo<Option<Shown>>,
    /// Before (the snapshot) and after (what the forward plan leaves), when there is a snapshot.
    pub diff: Memo<Vec<DiffLine>>,
}

impl Outputs {
    pub fn new(state: AppState) -> Outputs {
        let today = browser::today();
        let rollback_today = today.clone();
        let last_plan: Memo<Planned> = derived(move |previous: Option<Planned>| {
            let link = state.reopen_link.get();
            match state.generated.with(|g| g.plan.clone()) {
                Some(plan) => {
                    let context = RenderContext::with_link(&today, link);
                    (Some(Arc::new((plan, context))), true)
                }
                None => (previous.flatten(), false),
            }
        });
        let has_snapshot = memo(move |_| state.draft.with(Draft::has_way_back));
        let rollback = state.rollback;
        let showing_rollback = memo(move |_| rollback.get() && has_snapshot.get());
        let rollback_plan: Memo<RollbackPlanned> = derived(move |_| {
            let plan = showing_rollback.get().then(|| {
                state.draft.with(|d| {
                    rollback_plan(d).map(|(plan, notes)| {
                        let mut context =
                            RenderContext::with_link(&rollback_today, state.reopen_link.get());
                        context.header_notes = notes;
                        Arc::new((plan, context))
                    })
                })
            });
            (plan, true)
        });
        let rollback_problem = memo(move |_| {
            rollback_plan.with(|r| match r {
                Some(Err(message)) => Some(message.clone()),
                _ => None,
            })
        });
        let active: Memo<Planned> = derived(move |_| {
            let planned = if showing_rollback.get() {
                rollback_plan.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).cloned())
            } else {
                last_plan.get()
            };
            (planned, true)
        });
        let out_of_date = memo(move |_| {
            if showing_rollback.get() {
                rollback_problem.with(Option::is_some)
            } else {
                state.generated.with(|g| g.plan.is_none())
            }
        });
        let shown = memo(move |_| {
            let tab = state.tab.get();
            active.with(|planned| {
                planned.as_deref().map(|(plan, context)| Shown {
                    tab,
                    text: render(plan, tab, context),
                    link: context.reopen_link.clone(),
                })
            })
        });
        let diff = memo(move |_| {
            last_plan.with(|planned| {
                planned
                    .as_deref()
                    .and_then(|(plan, _)| network_diff(plan))
                    .unwrap_or_default()
            })
        });
        Outputs {
            last_plan,
            has_snapshot,
            showing_rollback,
            rollback_problem,
            active,
            out_of_date,
            shown,
            diff,
        }
    }

    /// The file the tab's download writes (`rollback-…` for the way back).
    pub fn file_name(self, state: AppState) -> String {
        let name = state.tab.get().file_name();
        if self.showing_rollback.get() {
            format!("rollback-{name}")
        } else {
            name.to_owned()
        }
    }
}

//! The apply page's list of what the plan deletes or changes beyond its target resource, with
//! the acknowledgement Apply waits for. The configuration may have come from a link, a file or
//! another tab: the person says they checked each resource before anything is sent. Ticking
//! acknowledges exactly the list shown; when the plan comes to touch other resources beyond
//! the target, the box is cleared and stays so until ticked again.

use leptos::prelude::*;

use crate::arm_client::beyond_target::{plan_beyond_target, Effect, Touch};
use crate::ui::erased::{effect, memo};
use crate::ui::state::AppState;

/// The plan's writes beyond the target, and what the person acknowledged.
#[derive(Clone, Copy)]
pub struct Beyond {
    pub touches: Memo<Vec<Touch>>,
    acknowledged: RwSignal<Option<Vec<Touch>>>,
}

impl Beyond {
    pub fn new(state: AppState) -> Beyond {
        let touches = memo(move |_| {
            state
                .generated
                .with(|g| g.plan.as_ref().map(plan_beyond_target))
                .unwrap_or_default()
        });
        let acknowledged = RwSignal::new(None::<Vec<Touch>>);
        // A plan that touches other resources beyond the target clears the box. A form with
        // errors has no plan (nothing can be applied): the box stays until there is one again.
        effect(move |_| {
            let has_plan = state.generated.with(|g| g.plan.is_some());
            touches.with(|now| {
                let other = acknowledged.with_untracked(|a| a.as_ref().is_some_and(|a| a != now));
                if has_plan && other {
                    acknowledged.set(None);
                }
            });
        });
        Beyond {
            touches,
            acknowledged,
        }
    }

    /// Nothing beyond the target, or exactly this list was acknowledged.
    pub fn cleared(self) -> bool {
        self.touches.with(|touches| {
            touches.is_empty() || self.acknowledged.with(|a| a.as_ref() == Some(touches))
        })
    }

    /// As [`Self::cleared`], for `plan`'s list: the check right before a run starts.
    pub fn cleared_for(self, touches: &[Touch]) -> bool {
        touches.is_empty()
            || self
                .acknowledged
                .with_untracked(|a| a.as_deref() == Some(touches))
    }
}

pub fn beyond_view(state: AppState, beyond: Beyond) -> AnyView {
    let target_id = move || {
        state
            .generated
            .with(|g| g.plan.as_ref().map(|p| p.target().resource_id()))
            .unwrap_or_default()
    };
    (move || {
        let touches = beyond.touches.get();
        if touches.is_empty() {
            return ().into_any();
        }
        let count = touches.len();
        view! {
            <fieldset class="arm-beyond" id="arm-beyond" aria-describedby="arm-beyond-why">
                <legend>"Beyond the target resource"</legend>
                <p id="arm-beyond-why">{move || format!(
                    "This plan deletes or changes {count} resource(s) outside the target resource {}. A configuration can come from a link, a file or another tab, and it can name any resource your token may change: check each one. Apply also asks before each step that deletes or changes one of them.",
                    target_id()
                )}</p>
                {group(&touches, Effect::Deletes, "Deletes")}
                {group(&touches, Effect::Changes, "Creates or changes")}
                <div class="field checkbox">
                    <input type="checkbox" id="arm-acknowledge"
                        prop:checked=move || beyond.cleared()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            beyond.acknowledged.set(on.then(|| beyond.touches.get_untracked()));
                        }/>
                    <label for="arm-acknowledge">"I checked these resources; this configuration may come from a link, a file or another tab"</label>
                </div>
            </fieldset>
        }
        .into_any()
    })
    .into_any()
}

/// The touches of one effect under their heading; nothing when there are none. Views are
/// erased (`AnyView`): the apply page's download stays smaller.
fn group(touches: &[Touch], effect: Effect, heading: &'static str) -> AnyView {
    let items: Vec<AnyView> = touches
        .iter()
        .filter(|t| t.effect == effect)
        .map(|t| {
            let other = if t.other_subscription {
                " (another subscription)"
            } else {
                ""
            };
            view! {
                <li>
                    <code class="arm-method">{t.method}</code>" "
                    <code class="arm-id">{t.path.clone()}</code>
                    <span class="arm-other-sub">{other}</span>
                </li>
            }
            .into_any()
        })
        .collect();
    if items.is_empty() {
        return ().into_any();
    }
    view! {
        <h4>{heading}</h4>
        <ul class="arm-beyond-list">{items}</ul>
    }
    .into_any()
}

//! The live subdomain check of the apply page's custom-domain step: once a usable token is
//! pasted, the name is checked in Azure (the plan's own checkDomainAvailability request) when
//! the typing pauses, and the answer shows under the field. Without a token nothing is sent.

use leptos::prelude::*;

use crate::ui::erased::{effect, memo};

use super::arm_session::ArmSession;
use super::state::{AppState, WizardStep};
use crate::arm_client::availability::{availability_request, read_availability, Availability};
use crate::arm_client::{policy, HttpRequest};
use crate::core::plan::ArmRequest;

/// How long the typing must pause before the name is sent.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(600);

pub fn subdomain_check() -> AnyView {
    let state = expect_context::<AppState>();
    let session = expect_context::<ArmSession>();
    // Only while the step is on screen, with a token that reads right.
    let usable = memo(move |_| session.usable() && state.step.get() == WizardStep::CustomDomain);
    let request = memo(move |_| state.draft.with(availability_request));
    // The answer, with the request it answers (a later edit makes it stale).
    let answer: RwSignal<Option<(ArmRequest, Availability)>> = RwSignal::new(None);
    let checking = RwSignal::new(false);
    effect(move |_| {
        let (Some(wanted), true) = (request.get(), usable.get()) else {
            checking.set(false);
            return;
        };
        if answer.with_untracked(|a| a.as_ref().is_some_and(|(r, _)| *r == wanted)) {
            return;
        }
        checking.set(true);
        set_timeout(
            move || {
                // Still the name on screen after the pause, and still a token? (The step may
                // have closed meanwhile: only the open step is built.)
                let still_wanted = request.try_get_untracked().flatten().as_ref() == Some(&wanted);
                if !still_wanted || usable.try_get_untracked() != Some(true) {
                    return;
                }
                let http = HttpRequest::from_arm(&wanted, &session.endpoint(), &session.bearer());
                leptos::task::spawn_local(async move {
                    let result = match session.send(http).await {
                        Ok(response) => state
                            .draft
                            .with_untracked(|d| read_availability(d, &response)),
                        Err(e) => Availability::Unknown(format!(
                            "Could not check: {}",
                            policy::describe_transport(&e)
                        )),
                    };
                    if request.try_get_untracked().flatten().as_ref() == Some(&wanted) {
                        checking.try_set(false);
                        answer.try_set(Some((wanted, result)));
                    }
                });
            },
            PAUSE,
        );
    });
    let current = move || {
        let wanted = request.get()?;
        answer.with(|a| {
            a.as_ref()
                .filter(|(r, _)| *r == wanted)
                .map(|(_, result)| result.clone())
        })
    };
    let text = move || {
        if !session.usable() {
            return "With an access token (Review step), this page checks the name in Azure as you type.".to_owned();
        }
        if request.with(Option::is_none) {
            return String::new();
        }
        match current() {
            Some(result) => result.message().to_owned(),
            None if checking.get() => "Checking the name in Azure…".to_owned(),
            None => String::new(),
        }
    };
    let status = move || match current() {
        Some(result) if usable.get() => result.id(),
        _ if checking.get() => "checking",
        _ => "none",
    };
    view! {
        <p id="subdomain-availability" class="availability" data-availability=status role="status">{text}</p>
    }
    .into_any()
}
